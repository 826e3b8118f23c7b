#!/bin/sh
# check --rev REV checks the record as committed, not the working tree.
. "$(dirname "$0")/lib.sh"
bundled
git init -q . && git add dialogues && git commit -q -m "record"
sed -i 's/"date": "2016-06-14"/"date": "2016-02-30"/' dialogues/us-china-cybercrime/round-02.json

run "$DIALDIFF" check
is "$STATUS" 1 "the broken working tree fails"
like "$OUT" 'round-02\.json:5:11: error: .* \[date\]' "and names the date"
run "$DIALDIFF" check --rev HEAD
is "$STATUS" 0 "check --rev HEAD reads the commit"
is "$OUT" "6 files checked: no problems found" "and finds it clean"
run "$DIALDIFF" --rev HEAD check
is "$STATUS" 0 "--rev before the command works the same"
git commit -q -am "break the date"
run "$DIALDIFF" check --rev HEAD~1
is "$STATUS" 0 "check --rev HEAD~1 is clean"
run "$DIALDIFF" check --rev HEAD --format github
is "$STATUS" 1 "check --rev HEAD sees the broken commit"
like "$OUT" '^::error file=dialogues/us-china-cybercrime/round-02\.json,line=5,col=11,title=date::' "with its position"
run "$DIALDIFF" check --rev nosuch
is "$STATUS" 2 "an unknown revision exits 2"

done_testing
