#!/bin/sh
# The change report of the bundled dialogues, in every format, against
# expected files; the default command is report.
. "$(dirname "$0")/lib.sh"
bundled

for fmt in text markdown json; do
	run "$DIALDIFF" --format "$fmt" report
	is "$STATUS" 0 "report --format $fmt exits 0"
	is "$ERR" "" "report --format $fmt writes nothing to stderr"
	cp .out "report.$fmt"
	same_file "report.$fmt" "$EXPECTED/report.$fmt" "report --format $fmt matches"
done

run "$DIALDIFF"
is "$STATUS" 0 "no command means report"
cmp -s .out report.text
ok $? "no command prints the text report"

run "$DIALDIFF" --lang zh report
cp .out report.zh.text
same_file report.zh.text "$EXPECTED/report.zh.text" "report --lang zh matches"

run "$DIALDIFF" --lang zh --format markdown report
cp .out report.zh.markdown
same_file report.zh.markdown "$EXPECTED/report.zh.markdown" "report --lang zh --format markdown matches"

run env LC_ALL= LANG=zh_CN.UTF-8 "$DIALDIFF" report
cmp -s .out report.zh.text
ok $? "LANG=zh_CN.UTF-8 chooses Chinese labels"

run "$DIALDIFF" --format json report
printf '%s\n' "$OUT" | jq -e '.schema == "dialdiff/report@1" and (.rounds | length) == 4 and (.diffs | length) == 3' >/dev/null
ok $? "report json has its schema, four rounds and three diffs"

run "$DIALDIFF" --color always report
like "$OUT" "$(printf '\033')\\[" "--color always colours the text report"
run "$DIALDIFF" --color never report
unlike "$OUT" "$(printf '\033')" "--color never has no escapes"
run "$DIALDIFF" report
unlike "$OUT" "$(printf '\033')" "no colour when stdout is not a terminal"

done_testing
