#!/bin/sh
# An html page says where it comes from, in its footer: the generator and
# its version, the commit the record was read at (in a repository) and the
# date, which SOURCE_DATE_EPOCH fixes so that two runs on one commit give
# the same bytes.  A SOURCE_DATE_EPOCH that is not a number of seconds is
# an error (exit 2), as reproducible-builds.org asks.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
unset SOURCE_DATE_EPOCH	# a package build (dpkg-buildpackage) sets it

version=$("$DIALDIFF" --version | sed -n '1s/^dialdiff \([^ ]*\).*/\1/p')
like "$version" '^[0-9]+\.[0-9]+' "dialdiff --version gives a version"

# footer FILE: the provenance line of a page
footer() {
	sed -n 's/^<p class="provenance">\(.*\)<\/p><\/footer>$/\1/p' "$1"
}

git_init repo && cd repo && cp -R "$SRC_DIR/dialogues" dialogues &&
	commit "the record" && echo notes > README && commit "a README"
head=$(rev HEAD) first=$(rev HEAD~1)

# ---- reproducible bytes ------------------------------------------------------
for lang in en zh; do
	SOURCE_DATE_EPOCH=0 "$DIALDIFF" --format html --lang $lang report > one.html
	SOURCE_DATE_EPOCH=0 "$DIALDIFF" --format html --lang $lang report > two.html
	cmp -s one.html two.html
	ok $? "SOURCE_DATE_EPOCH=0: two reports ($lang) are the same bytes"
done
is "$(footer one.html)" "dialdiff $version · 提交 <code>$head</code> · <time datetime=\"1970-01-01T00:00:00Z\">1970-01-01T00:00:00Z</time>" \
	"the zh footer: version, commit, date"
SOURCE_DATE_EPOCH=0 "$DIALDIFF" --format html report > en.html
is "$(footer en.html)" "dialdiff $version · commit <code>$head</code> · <time datetime=\"1970-01-01T00:00:00Z\">1970-01-01T00:00:00Z</time>" \
	"the footer: the generator's version, HEAD's commit, the date in UTC"
like "$(cat en.html)" "<meta name=\"generator\" content=\"dialdiff $version\"/>" "the generator meta element has the version"
out=$(python3 "$TEST_DIR/htmlcheck.py" en.html en 2>&1)
is "$?:$out" "0:" "the page still parses as XML and refers to nothing outside itself"

for cmd in timeline list "show 2" "diff 1 2" "diff --all"; do
	SOURCE_DATE_EPOCH=1577836800 "$DIALDIFF" --format html $cmd > page.html
	like "$(footer page.html)" "^dialdiff $version · commit <code>$head</code> · <time datetime=\"2020-01-01T00:00:00Z\">2020-01-01T00:00:00Z</time>$" \
		"$cmd: the page has the footer"
done

# ---- dates ---------------------------------------------------------------------
for pair in 951782400=2000-02-29T00:00:00Z 1709251199=2024-02-29T23:59:59Z \
	    4107542400=2100-03-01T00:00:00Z 253402300799=9999-12-31T23:59:59Z; do
	SOURCE_DATE_EPOCH=${pair%%=*} "$DIALDIFF" --format html timeline > page.html
	like "$(footer page.html)" "<time datetime=\"${pair#*=}\">" "SOURCE_DATE_EPOCH=${pair%%=*} is ${pair#*=}"
done
before=$(date -u +%Y-%m-%dT%H:%M)
"$DIALDIFF" --format html timeline > page.html
after=$(date -u +%Y-%m-%dT%H:%M)
when=$(footer page.html | sed -n 's/.*<time datetime="\([^"]*\)">.*/\1/p')
case $when in
"$before":[0-5][0-9]Z | "$after":[0-5][0-9]Z) ok 0 "without SOURCE_DATE_EPOCH the page has the time of the run ($when)" ;;
*) ok 1 "without SOURCE_DATE_EPOCH the page has the time of the run (got '$when', ran $before-$after)" ;;
esac

for bad in "" abc -1 +5 1.5 " 1" "1 " 0x10 253402300800 99999999999999999999999; do
	SOURCE_DATE_EPOCH=$bad run "$DIALDIFF" --format html report
	is "$STATUS:$OUT" "2:" "SOURCE_DATE_EPOCH='$bad': exit 2, no page"
	is "$ERR" "dialdiff: SOURCE_DATE_EPOCH: '$bad' is not a number of seconds since 1970-01-01 (0 to 253402300799)" \
		"SOURCE_DATE_EPOCH='$bad': the message says why"
done
SOURCE_DATE_EPOCH=abc run "$DIALDIFF" --format json report
is "$STATUS" 0 "formats without a date do not read SOURCE_DATE_EPOCH"

# ---- which commit ----------------------------------------------------------------
SOURCE_DATE_EPOCH=0 "$DIALDIFF" --rev HEAD~1 --format html report > page.html
like "$(footer page.html)" "commit <code>$first</code> · " "--rev: the commit of that revision"
SOURCE_DATE_EPOCH=0 run "$DIALDIFF" --rev nosuch --format html report
is "$STATUS:$OUT" "2:" "--rev of an unknown revision: exit 2, no page"
like "$ERR" "^dialdiff: nosuch: unknown revision" "and says why"
cd dialogues/us-china-cybercrime
SOURCE_DATE_EPOCH=0 "$DIALDIFF" --format html report > "$WORK/page.html"
cd "$WORK/repo"
like "$(footer "$WORK/page.html")" "commit <code>$head</code> · " "from a folder of the work tree: HEAD's commit"

echo "x" > README
SOURCE_DATE_EPOCH=0 "$DIALDIFF" --format html report > page.html
unlike "$(footer page.html)" "uncommitted" "a change outside the dialogues folder does not mark the page"
jq_edit dialogues/us-china-cybercrime/round-02.json '.date = "2015-12-02"'
SOURCE_DATE_EPOCH=0 "$DIALDIFF" --format html report > page.html
like "$(footer page.html)" "^dialdiff $version · commit <code>$head</code> \(with uncommitted changes\) · " \
	"a change in the dialogues folder marks the commit"
SOURCE_DATE_EPOCH=0 "$DIALDIFF" --format html --lang zh report > page.html
like "$(footer page.html)" "<code>$head</code>（含未提交的修改）" "in Chinese too"
SOURCE_DATE_EPOCH=0 "$DIALDIFF" --rev HEAD --format html report > page.html
unlike "$(footer page.html)" "uncommitted" "--rev reads the commit: no mark"
git checkout -q -- dialogues && git add README
cp dialogues/us-china-cybercrime/round-04.json dialogues/notes.json
SOURCE_DATE_EPOCH=0 "$DIALDIFF" --format html timeline > page.html
like "$(footer page.html)" "uncommitted" "an untracked file in the dialogues folder marks it too"
rm dialogues/notes.json
echo "dialogues/notes.json" > .gitignore && git add .gitignore &&
	cp dialogues/us-china-cybercrime/round-04.json dialogues/notes.json
SOURCE_DATE_EPOCH=0 "$DIALDIFF" --format html timeline > page.html
unlike "$(footer page.html)" "uncommitted" "an ignored one does not"
rm dialogues/notes.json

# a dialogues folder outside the repository has no commit
cd "$WORK" && cp -R "$SRC_DIR/dialogues" outside && cd repo
SOURCE_DATE_EPOCH=0 "$DIALDIFF" --dialogues "$WORK/outside" --format html report > page.html
is "$(footer page.html)" "dialdiff $version · <time datetime=\"1970-01-01T00:00:00Z\">1970-01-01T00:00:00Z</time>" \
	"--dialogues outside the repository: no commit"

# bare: HEAD's commit
cd "$WORK" && git clone -q --bare repo bare.git && cd bare.git
SOURCE_DATE_EPOCH=0 "$DIALDIFF" --format html report > "$WORK/page.html"
like "$(footer "$WORK/page.html")" "^dialdiff $version · commit <code>$head</code> · " "a bare repository: HEAD's commit"

# no repository; a repository without commits
cd "$WORK" && mkdir plain && cp -R "$SRC_DIR/dialogues" plain/dialogues && cd plain
SOURCE_DATE_EPOCH=0 "$DIALDIFF" --format html report > page.html
is "$(footer page.html)" "dialdiff $version · <time datetime=\"1970-01-01T00:00:00Z\">1970-01-01T00:00:00Z</time>" \
	"outside a repository: version and date, no commit"
git_init
SOURCE_DATE_EPOCH=0 run "$DIALDIFF" --format html report
is "$STATUS" 0 "a repository without commits: the page is made"
printf '%s\n' "$OUT" > page.html
unlike "$(footer page.html)" "commit" "without a commit"

done_testing
