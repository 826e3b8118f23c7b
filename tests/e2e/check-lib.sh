# check-lib.sh - helpers for the tests of `check` and `fmt`; source it after
# lib.sh.
#
#   fresh NAME            a fresh copy of the bundled dialogues in $WORK/NAME;
#                         cd there
#   jpos FILE POINTER [--key]   "LINE COL" of a JSON value (or member name)
#   jedit FILE JQ-FILTER  rewrite FILE with jq (jq's layout is the canonical one)
#   expect_diag SEV RULE FILE LINE COL [CHECK ARGS...]
#   expect_at SEV RULE FILE POINTER [--key] [CHECK ARGS...]
#                         run check in every format in the current folder
#                         and assert that each reports SEV (error|warning)
#                         RULE at FILE:LINE:COL (LINE and COL "-" when the
#                         diagnostic has no position), with the exit status
#                         $WANT_STATUS (default 1 for an error, 0 for a
#                         warning)

# python3 for the XML and position oracles: the system's when there is one
# (a version manager's shim on PATH can take a quarter of a second a call)
PYTHON=${PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}

R1=dialogues/us-china-cybercrime/round-01.json
R2=dialogues/us-china-cybercrime/round-02.json
R3=dialogues/us-china-cybercrime/round-03.json
R4=dialogues/us-china-cybercrime/round-04.json
SJ=dialogues/us-china-cybercrime/series.json
TX=dialogues/taxonomy.json

fresh() {
	cd "$WORK" || exit 1
	rm -rf "$1"
	mkdir "$1"
	cp -R "$SRC_DIR/dialogues" "$1/dialogues"
	cd "$1" || exit 1
}

jpos() {
	"$PYTHON" "$TEST_DIR/jpos.py" "$@"
}

jedit() {
	jq "$2" "$1" > "$1.tmp" && mv "$1.tmp" "$1"
}

# The diagnostic as each format writes it, for grep -F.
_text_line() {	# sev rule file line col
	if [ "$4" = - ]; then
		printf '%s: %s: ' "$3" "$1"
	else
		printf '%s:%s:%s: %s: ' "$3" "$4" "$5" "$1"
	fi
}

_github_line() {
	if [ "$4" = - ]; then
		printf '::%s file=%s,title=%s::' "$1" "$3" "$2"
	else
		printf '::%s file=%s,line=%s,col=%s,title=%s::' "$1" "$3" "$4" "$5" "$2"
	fi
}

_markdown_line() {
	if [ "$1" = error ]; then m='❌'; else m='⚠️'; fi
	if [ "$4" = - ]; then
		printf '| %s | `%s` | | | `%s` |' "$m" "$3" "$2"
	else
		printf '| %s | `%s` | %s | %s | `%s` |' "$m" "$3" "$4" "$5" "$2"
	fi
}

# junit_has FILE.xml SEV RULE PATH LINE COL: the testcase of PATH has a
# failure of type RULE (error) or a system-out line (warning) at LINE:COL.
junit_has() {
	"$PYTHON" - "$@" <<'EOF'
import sys
import xml.etree.ElementTree as ET

xml, sev, rule, path, line, col = sys.argv[1:7]
where = path if line == "-" else "%s:%s:%s" % (path, line, col)
want = "%s: %s: " % (where, sev)
root = ET.parse(xml).getroot()
for tc in root.iter("testcase"):
    if tc.get("name") != path:
        continue
    # errors are failures; warnings are in system-out (failures when strict)
    for f in tc.findall("failure"):
        if f.get("type") == rule and f.text.startswith(want) and \
           f.text.endswith("[%s]" % rule):
            sys.exit(0)
    out = tc.find("system-out")
    for ln in (out.text or "").splitlines() if out is not None else []:
        if sev == "warning" and ln.startswith(want) and \
           ln.endswith("[%s]" % rule):
            sys.exit(0)
sys.exit(1)
EOF
}

# has_line_starting TEXT PREFIX NAME: a line of TEXT starts with PREFIX.
has_line_starting() {
	if printf '%s\n' "$1" | P="$2" awk 'index($0, ENVIRON["P"]) == 1 { f = 1 } END { exit !f }'; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '%s\n' "$1" | sed 's/^/#   | /' | head -20
		printf '#   no line starts with: %s\n' "$2"
	fi
}

expect_diag() {
	_sev=$1 _rule=$2 _file=$3 _line=$4 _col=$5
	shift 5
	if [ -n "${WANT_STATUS:-}" ]; then
		_want=$WANT_STATUS
	elif [ "$_sev" = error ]; then
		_want=1
	else
		_want=0
	fi
	_name="$_rule at $_file:$_line:$_col"

	run "$DIALDIFF" check "$@"
	is "$STATUS" "$_want" "$_name: text: exit $_want"
	_t=$(_text_line "$_sev" "$_rule" "$_file" "$_line" "$_col")
	if printf '%s\n' "$OUT" | grep -F -- "$_t" | grep -qF -- "[$_rule]"; then
		ok 0 "$_name: text"
	else
		ok 1 "$_name: text"
		printf '%s\n' "$OUT" | sed 's/^/#   | /' | head -20
		printf '#   wanted: %s... [%s]\n' "$_t" "$_rule"
	fi

	run "$DIALDIFF" check --format json "$@"
	if [ "$_line" = - ]; then _jl=null _jc=null; else _jl=$_line _jc=$_col; fi
	if printf '%s\n' "$OUT" | jq -e --arg f "$_file" --arg r "$_rule" --arg s "$_sev" \
		"any(.diagnostics[]; .file == \$f and .rule == \$r and .severity == \$s and .line == $_jl and .column == $_jc)" >/dev/null; then
		ok 0 "$_name: json"
	else
		ok 1 "$_name: json"
		printf '%s\n' "$OUT" | sed 's/^/#   | /' | head -30
	fi
	is "$STATUS" "$_want" "$_name: json: exit $_want"

	run "$DIALDIFF" check --format github "$@"
	has_line_starting "$OUT" "$(_github_line "$_sev" "$_rule" "$_file" "$_line" "$_col")" "$_name: github"

	run "$DIALDIFF" check --format junit "$@"
	if junit_has "$WORK/.out" "$_sev" "$_rule" "$_file" "$_line" "$_col"; then
		ok 0 "$_name: junit"
	else
		ok 1 "$_name: junit"
		sed 's/^/#   | /' "$WORK/.out" | grep -F -- "$_file" | head -10
	fi

	run "$DIALDIFF" check --format sarif "$@"
	if [ "$_line" = - ]; then
		_region='(.locations[0].physicalLocation | has("region") | not)'
	else
		_region="(.locations[0].physicalLocation.region == {\"startLine\": $_line, \"startColumn\": $_col})"
	fi
	if printf '%s\n' "$OUT" | jq -e --arg f "$_file" --arg r "$_rule" --arg s "$_sev" \
		".runs[0] as \$run | any(\$run.results[]; .ruleId == \$r and .level == \$s and \$run.tool.driver.rules[.ruleIndex].id == \$r and .locations[0].physicalLocation.artifactLocation.uri == \$f and $_region)" >/dev/null; then
		ok 0 "$_name: sarif"
	else
		ok 1 "$_name: sarif"
		printf '%s\n' "$OUT" | jq -c '.runs[0].results[]' 2>&1 | sed 's/^/#   | /' | head -10
	fi

	run "$DIALDIFF" check --format markdown "$@"
	_m=$(_markdown_line "$_sev" "$_rule" "$_file" "$_line" "$_col")
	if printf '%s\n' "$OUT" | grep -qF -- "$_m"; then
		ok 0 "$_name: markdown"
	else
		ok 1 "$_name: markdown"
		printf '%s\n' "$OUT" | sed 's/^/#   | /' | head -20
		printf '#   wanted: %s\n' "$_m"
	fi
}

# expect_diag at the position of a JSON value (or with --key, of a member
# name): SEV RULE FILE POINTER [--key] [CHECK ARGS...]
expect_at() {
	_s=$1 _r=$2 _f=$3 _ptr=$4
	shift 4
	if [ "${1:-}" = --key ]; then
		_p=$(jpos "$_f" "$_ptr" --key)
		shift
	else
		_p=$(jpos "$_f" "$_ptr")
	fi
	expect_diag "$_s" "$_r" "$_f" "${_p% *}" "${_p#* }" "$@"
}
