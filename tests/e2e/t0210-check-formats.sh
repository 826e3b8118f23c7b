#!/bin/sh
# check's formats in detail: exact text and GitHub lines (with GitHub's
# escaping), JSON against its documented shape, JUnit as well-formed XML
# (python3's xml.etree) whose escaped text reads back, SARIF 2.1.0's
# required fields (jq), the Markdown table; file names and labels with
# characters each format must escape, and a file name that is not UTF-8.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/check-lib.sh"
S=dialogues/us-china-cybercrime

fresh formats
odd="$S/round,05:%x.json"
printf '{"round": 1,\n  "round": 2}\n' > "$odd"
jedit $R2 '.topics["crime-categories"][0].label = {"en": "50% <of> & \"all\"\nsecond line, a:b | c"} | . + {"extra": 1}'
label=$(jpos $R2 /topics/crime-categories/0/label | tr ' ' :)
extra=$(jpos $R2 /extra --key | tr ' ' :)

run "$DIALDIFF" check
is "$STATUS" 1 "text: exit 1"
is "$OUT" "$odd:2:3: error: duplicate key \"round\" [duplicate-key]
$R2:$label: error: label \"50% <of> & \"all\" second line, a:b | c\" matches no entry of section \"crime-categories\" [unclassified]
$R2:$extra: warning: unknown key \"extra\" in a round [unknown-key]
7 files checked: 2 errors, 1 warning" "text: file:line:col: severity: message [rule], a line break in a label as a space, then a summary"

run "$DIALDIFF" check --format github
is "$STATUS" 1 "github: exit 1"
is "$OUT" "::error file=$S/round%2C05%3A%25x.json,line=2,col=3,title=duplicate-key::duplicate key \"round\"
::error file=$R2,line=${label%:*},col=${label#*:},title=unclassified::label \"50%25 <of> & \"all\"%0Asecond line, a:b | c\" matches no entry of section \"crime-categories\"
::warning file=$R2,line=${extra%:*},col=${extra#*:},title=unknown-key::unknown key \"extra\" in a round" \
	"github: exact workflow commands; % CR LF escaped in the message, also : and , in properties"

run "$DIALDIFF" check --format json
is "$STATUS" 1 "json: exit 1"
is "$(printf '%s\n' "$OUT" | jq -r '.schema')" "dialdiff/check@1" "json: schema"
is "$(printf '%s\n' "$OUT" | jq -c '.summary')" '{"files":7,"errors":2,"warnings":1}' "json: summary"
is "$(printf '%s\n' "$OUT" | jq -c '[.diagnostics[] | keys_unsorted]|unique')" '[["file","line","column","severity","rule","message"]]' "json: every diagnostic has file, line, column, severity, rule, message"
is "$(printf '%s\n' "$OUT" | jq -r '.diagnostics[1].message')" "label \"50% <of> & \"all\"
second line, a:b | c\" matches no entry of section \"crime-categories\"" "json: the message as it is"
is "$(printf '%s\n' "$OUT" | jq -r '.diagnostics[0].file')" "$odd" "json: the file as it is"

run "$DIALDIFF" check --format junit
is "$STATUS" 1 "junit: exit 1"
cp "$WORK/.out" junit.xml
run "$PYTHON" - junit.xml "$odd" "$R2" <<'EOF'
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
odd, r2 = sys.argv[2], sys.argv[3]
assert root.tag == "testsuites", root.tag
suites = root.findall("testsuite")
assert len(suites) == 1
s = suites[0]
cases = s.findall("testcase")
assert s.get("tests") == str(len(cases)) == "7", s.get("tests")
failing = [c for c in cases if c.find("failure") is not None]
assert s.get("failures") == root.get("failures") == str(len(failing)) == "2"
names = [c.get("name") for c in cases]
assert names[0] == "dialogues/taxonomy.json", names
by = {c.get("name"): c for c in cases}
f = by[odd].find("failure")
assert f.get("type") == "duplicate-key"
assert f.text == odd + ':2:3: error: duplicate key "round" [duplicate-key]', f.text
f = by[r2].find("failure")
assert f.get("type") == "unclassified"
assert '50% <of> & "all"\nsecond line, a:b | c' in f.text, f.text
assert '50% <of> & "all"\nsecond line' in f.get("message"), f.get("message")
out = by[r2].find("system-out").text
assert out.endswith('warning: unknown key "extra" in a round [unknown-key]\n'), out
print("ok")
EOF
is "$OUT" "ok" "junit: well-formed XML: one testsuite, a testcase per file, a failure per error typed by rule, warnings in system-out, escaped text reads back"
like "$ERR" "^$" "junit: (python said nothing)"

run "$DIALDIFF" check --format junit --strict
cp "$WORK/.out" strict.xml
run "$PYTHON" -c '
import sys, xml.etree.ElementTree as ET
c = [t for t in ET.parse(sys.argv[1]).getroot().iter("testcase") if t.get("name") == sys.argv[2]][0]
print(sorted(f.get("type") for f in c.findall("failure")))' strict.xml "$R2"
is "$OUT" "['unclassified', 'unknown-key']" "junit --strict: warnings are failures too"

run "$DIALDIFF" check --format sarif
is "$STATUS" 1 "sarif: exit 1"
cp "$WORK/.out" check.sarif
is "$(jq -r '."$schema"' check.sarif)" "https://json.schemastore.org/sarif-2.1.0.json" "sarif: \$schema"
is "$(jq -r '.version' check.sarif)" "2.1.0" "sarif: version"
is "$(jq -r '.runs | length' check.sarif)" 1 "sarif: one run"
is "$(jq -r '.runs[0].tool.driver | "\(.name) \(.version | test("^[0-9]+\\.[0-9]+\\.[0-9]+$"))"' check.sarif)" "dialdiff true" "sarif: driver name and version"
is "$(jq '.runs[0].tool.driver.rules as $rs | [$rs[] | select((.id | type) == "string" and (.shortDescription.text | length) > 0)] | length == ($rs | length) and length > 20' check.sarif)" true "sarif: rules with id and shortDescription"
is "$(jq -r '.runs[0].tool.driver.rules | map(.id) | (length == (unique | length))' check.sarif)" true "sarif: rule ids unique"
is "$(jq '.runs[0] as $r | [$r.results[] | select(
	(.ruleId | type) == "string" and $r.tool.driver.rules[.ruleIndex].id == .ruleId and
	(.level == "error" or .level == "warning") and (.message.text | length) > 0 and
	(.locations[0].physicalLocation.artifactLocation.uri | type) == "string" and
	(.locations[0].physicalLocation.region.startLine >= 1) and
	(.locations[0].physicalLocation.region.startColumn >= 1))] | length' check.sarif)" 3 "sarif: every result has ruleId, ruleIndex, level, message.text, uri, startLine, startColumn"
is "$(jq -r '.runs[0].results | map(.level) | join(" ")' check.sarif)" "error error warning" "sarif: levels"
is "$(jq -r '.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri' check.sarif)" "$S/round%2C05%3A%25x.json" "sarif: the uri is percent-encoded"

run "$DIALDIFF" check --format markdown
is "$STATUS" 1 "markdown: exit 1"
is "$(printf '%s\n' "$OUT" | sed -n 1p)" "### dialdiff check" "markdown: heading"
like "$OUT" '^❌ \*\*2 errors\*\*, 1 warning in 7 files checked\.$' "markdown: counts"
like "$OUT" '^\| ❌ \| `dialogues/us-china-cybercrime/round-02\.json` \| [0-9]+ \| [0-9]+ \| `unclassified` \| label "50% &lt;of&gt; &amp; "all" second line, a:b \\\| c" matches' "markdown: a row per diagnostic, data escaped (| < & and the line break)"
is "$(printf '%s\n' "$OUT" | grep -c '^| [❌⚠]')" 3 "markdown: three rows"

# a file name that is not UTF-8: every machine format stays valid
fresh latin1
printf '{"round": 1,\n  "round": 2}\n' > "$(printf '%s/r\351sum\351.json' $S)"
for fmt in json sarif; do
	run "$DIALDIFF" check --format $fmt
	printf '%s\n' "$OUT" | jq . >/dev/null 2>&1
	is "$?:$STATUS" "0:1" "a file name that is not UTF-8: $fmt still parses"
done
run "$DIALDIFF" check --format json
is "$(printf '%s\n' "$OUT" | jq -r '.diagnostics[0].file')" "$S/r�sum�.json" "json: the bad bytes as U+FFFD"
run "$DIALDIFF" check --format sarif
is "$(printf '%s\n' "$OUT" | jq -r '.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri')" "$S/r%E9sum%E9.json" "sarif: the bytes percent-encoded"
run "$DIALDIFF" check --format junit
cp "$WORK/.out" latin1.xml
run "$PYTHON" -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1]); print("ok")' latin1.xml
is "$OUT" ok "junit: still well-formed XML"

# clean data in every format
fresh clean
for fmt in text json github junit sarif markdown; do
	run "$DIALDIFF" check --format $fmt
	is "$STATUS" 0 "clean data, $fmt: exit 0"
done
run "$DIALDIFF" check --format markdown
is "$OUT" "### dialdiff check

✅ 6 files checked: no problems found." "clean data, markdown: one line for the job summary"
run "$DIALDIFF" check --format junit
cp "$WORK/.out" clean.xml
run "$PYTHON" -c '
import sys, xml.etree.ElementTree as ET
s = ET.parse(sys.argv[1]).getroot().find("testsuite")
print(s.get("tests"), s.get("failures"), len(s.findall("testcase")))' clean.xml
is "$OUT" "6 0 6" "clean data, junit: six passing testcases"

done_testing
