#!/bin/sh
# The html report as a browser draws it: headless Chromium takes a
# screenshot of the page in each language, and the picture must not be
# blank and must show the colours of the timeline's cells (so the style
# sheet was applied).  Skipped when Chromium is not installed; .ci/run
# installs it, so CI always runs this.  Set DD_SCREENSHOT_DIR to keep the
# pictures (report.en.png, report.zh.png) for a look.
. "$(dirname "$0")/lib.sh"

browser=
for b in chromium chromium-browser; do
	if command -v "$b" >/dev/null 2>&1; then
		browser=$b
		break
	fi
done
if [ -z "$browser" ]; then
	echo "ok 1 # skip chromium is not installed"
	echo "1..1"
	exit 0
fi
bundled

for lang in en zh; do
	run "$DIALDIFF" --format html --lang "$lang" report
	is "$STATUS" 0 "report --format html --lang $lang exits 0"
	cp .out "report.$lang.html"
	profile=$(mktemp -d "$WORK/profile.XXXXXX")
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --disable-dev-shm-usage \
		--hide-scrollbars --user-data-dir="$profile" \
		--screenshot="$WORK/report.$lang.png" --window-size=1280,2000 \
		"file://$WORK/report.$lang.html" >"browser.$lang.log" 2>&1
	st=$?
	[ "$st" -eq 0 ] && [ -s "report.$lang.png" ]
	ok $? "chromium draws the $lang report to a PNG (exit $st)"
	[ -s "report.$lang.png" ] || { sed 's/^/#   /' "browser.$lang.log" | tail -20; continue; }
	if [ -n "${DD_SCREENSHOT_DIR:-}" ]; then
		mkdir -p "$DD_SCREENSHOT_DIR" && cp "report.$lang.png" "$DD_SCREENSHOT_DIR/"
	fi
	# present, added and dropped cells of the timeline
	stats=$(python3 "$TEST_DIR/pngstat.py" "report.$lang.png" cfe3f6 b7e4c7 fbe0d3)
	is "$?" 0 "the $lang screenshot is a PNG pngstat.py can read"
	like "$stats" '^size 1280x2000$' "the $lang screenshot is 1280x2000"
	colours=$(printf '%s\n' "$stats" | sed -n 's/^colours //p')
	ink=$(printf '%s\n' "$stats" | sed -n 's/^ink \([0-9]*\).*/\1/p')
	[ "${colours:-0}" -ge 100 ] && [ "${ink:-0}" -ge 5 ]
	ok $? "the $lang screenshot is not blank ($colours colours, $ink% ink)"
	for c in cfe3f6 b7e4c7 fbe0d3; do
		like "$stats" "^has $c yes$" "the $lang screenshot shows the cell colour #$c"
	done
done

done_testing
