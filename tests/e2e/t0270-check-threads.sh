#!/bin/sh
# check on two threads (two processors or more: the second loads series
# ahead of the one that classifies) reports exactly what one thread reports (taskset -c 0), in the
# same order, with the same counts and exit status.
. "$(dirname "$0")/lib.sh"
if [ "$(nproc)" -lt 2 ] || ! command -v taskset >/dev/null; then
	echo "1..0 # skip: needs two processors and taskset"
	exit 0
fi
python3 "$SRC_DIR/scripts/bench/gen_repo.py" --out rec --series 6 --rounds 3 \
	--sections 2 --items 5 --entries 12 --commits 20 --seed 9
D=rec/dialogues

same() {	# same NAME ARGS...: one thread and two agree
	_name=$1
	shift
	"$DIALDIFF" "$@" >two.out 2>two.err
	two=$?
	taskset -c 0 "$DIALDIFF" "$@" >one.out 2>one.err
	one=$?
	cmp -s one.out two.out && cmp -s one.err two.err && [ "$one" = "$two" ]
	ok $? "$_name: one thread or two, the same output and status ($one)"
}

same "a clean record" -C rec check
same "a clean record, json" -C rec --format json check

# problems in both halves, and in the taxonomy that every series uses
jq '.topics |= with_entries(.value[0].action = "teleported")' \
	$D/series-001/round-02.json >x && mv x $D/series-001/round-02.json
printf '{"schema": 1, "round": ' >$D/series-005/round-03.json
printf '{ "broken": \n' >$D/series-006/round-01.json
jq '.sections[0].entries[1].patterns += ["(unclosed"]' $D/taxonomy.json >x &&
	mv x $D/taxonomy.json
run "$DIALDIFF" -C rec --format json check
is "$STATUS" 1 "the broken record fails the check"
is "$(printf '%s\n' "$OUT" | jq -r '[.diagnostics[].file] | unique | join(" ")')" \
	"dialogues/series-001/round-02.json dialogues/series-005/round-03.json dialogues/series-006/round-01.json dialogues/taxonomy.json" \
	"problems found in both halves and in the shared taxonomy"
is "$(printf '%s\n' "$OUT" | jq '[.diagnostics[] | select(.file == "dialogues/taxonomy.json")] | length')" \
	1 "the shared taxonomy's problem is reported once"
for fmt in text json markdown github junit sarif; do
	same "a broken record, $fmt" -C rec --format "$fmt" check
done
same "one series named" -C rec --series series-005 check
same "--strict" -C rec check --strict
same "a folder named" -C rec check dialogues

done_testing
