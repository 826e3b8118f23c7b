#!/bin/sh
# Every round number check accepts (up to 10^9) can be selected, and a
# series id holding '@' works with @REV: N@REV splits at the first '@'
# whose left part is N or SERIES/N.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
git_init repo
cd repo
cp -R "$SRC_DIR/tests/fixtures/alt" dialogues
mv dialogues/trade-talks dialogues/talks@2024
S=dialogues/talks@2024
jq_edit $S/series.json '.id = "talks@2024"'
for f in $S/round-*.json; do jq_edit $f '.series = "talks@2024"'; done
jq_edit $S/round-03.json '.round = 1000000000'
mv $S/round-03.json $S/round-1000000000.json
commit "rounds"

run timeout 30 "$DIALDIFF" check
is "$STATUS" 0 "check accepts round 1000000000 and the series id talks@2024"
run timeout 30 "$DIALDIFF" show 1000000000
is "$STATUS" 0 "show 1000000000"
like "$OUT" "^round 1000000000 " "shows that round"
run timeout 30 "$DIALDIFF" show 1000000000@HEAD
is "$STATUS" 0 "show 1000000000@HEAD"
run timeout 30 "$DIALDIFF" show 1000000001
is "$STATUS" 2 "1000000001 is no round number"
run timeout 30 "$DIALDIFF" show talks@2024/1
is "$STATUS" 0 "show SERIES/N with '@' in the series id"
run timeout 30 "$DIALDIFF" show talks@2024/1@HEAD
is "$STATUS" 0 "show SERIES/N@REV with '@' in the series id"
like "$OUT" "^series  talks@2024" "of that series"
run timeout 30 "$DIALDIFF" diff talks@2024/1@HEAD talks@2024/1000000000@HEAD
is "$STATUS" 0 "diff of SERIES/N@REV selectors with '@' in the id"

done_testing
