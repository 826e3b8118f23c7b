#!/bin/sh
# The benchmark generators (scripts/bench/) at a tiny size: dialdiff must
# accept what they write, the diff of the generated pair must give the
# counts the generator expects, and the diff peers must agree with it.
. "$(dirname "$0")/lib.sh"
BENCH="$SRC_DIR/scripts/bench"

# A pair of 40-item rounds, 75% shared: 10 added, 10 dropped, 30 kept.
run python3 "$BENCH/gen_pair.py" --out pair --items 40 --shared 0.75 --seed 7
is "$STATUS" 0 "gen_pair.py runs"
is "$(jq -c '[.added, .dropped, .kept]' pair/expected.json)" "[10,10,30]" \
	"gen_pair.py expects 10 added, 10 dropped, 30 kept"
is "$(jq '.sections[0].entries | length' pair/dialogues/taxonomy.json)" 50 \
	"the taxonomy has one entry per distinct item"
run "$DIALDIFF" -C pair --format json diff 1 2
is "$STATUS" 0 "dialdiff diffs the generated pair"
want=$(jq -c '{added, dropped, kept, changed}' pair/expected.json)
is "$(printf '%s\n' "$OUT" | jq -c '.summary | {added, dropped, kept, changed}')" \
	"$want" "the diff gives the expected counts"
A=pair/dialogues/big/round-01.json B=pair/dialogues/big/round-02.json
run python3 "$BENCH/peers/diff_peer.py" "$A" "$B"
is "$(printf '%s\n' "$OUT" | jq -c '.summary | {added, dropped, kept, changed}')" \
	"$want" "the Python peer agrees"
run jq -n -f "$BENCH/peers/diff_peer.jq" "$A" "$B"
is "$(printf '%s\n' "$OUT" | jq -c '.summary | {added, dropped, kept, changed}')" \
	"$want" "the jq peer agrees"
python3 "$BENCH/gen_pair.py" --out pair2 --items 40 --shared 0.75 --seed 7
diff -r pair pair2 >/dev/null
ok $? "gen_pair.py is deterministic"

# A repository: 3 series x 4 rounds x 2 sections x 5 items over 12 entries
# a section, 20 commits.
run python3 "$BENCH/gen_repo.py" --out repo --series 3 --rounds 4 --sections 2 \
	--items 5 --entries 12 --commits 20 --seed 3
is "$STATUS" 0 "gen_repo.py runs"
is "$(git -C repo rev-list --count HEAD)" 20 "the history has 20 commits"
is "$(git -C repo status --porcelain | wc -l | tr -d ' ')" 0 "the working tree is checked out"
is "$(ls repo/dialogues/series-002 | tr '\n' ' ')" \
	"round-01.json round-02.json round-03.json round-04.json series.json " \
	"every round of a series is there"
for s in series-001 series-002 series-003; do
	run "$DIALDIFF" -C repo --series "$s" --format json report
	is "$STATUS" 0 "dialdiff reports on $s"
	is "$(printf '%s\n' "$OUT" | jq '[.rounds[].round] | length')" 4 "$s has 4 rounds"
	run "$DIALDIFF" -C repo --series "$s" --format json show 4
	# every item has an explicit id of its section or matches exactly one entry
	is "$(printf '%s\n' "$OUT" | jq -r '[.sections[].items[].class] | unique | join(" ")')" \
		"explicit matched" "$s round 4: every item is explicit or matched"
	is "$(printf '%s\n' "$OUT" | jq '[.sections[].items[] | select(.class == "explicit")] | length')" \
		"$(printf '%s\n' "$OUT" | jq '[.sections[].items | length / 2 | ceil] | add')" \
		"$s round 4: half the items of each section have explicit ids"
done
run "$DIALDIFF" -C repo --series series-001 diff 1 2
is "$STATUS" 0 "dialdiff diffs two generated rounds"
python3 "$BENCH/gen_repo.py" --out repo2 --series 3 --rounds 4 --sections 2 \
	--items 5 --entries 12 --commits 20 --seed 3
is "$(git -C repo2 rev-parse HEAD)" "$(git -C repo rev-parse HEAD)" \
	"gen_repo.py is deterministic: the same commit ids"
run python3 "$BENCH/gen_repo.py" --out repo3 --series 3 --rounds 4 --commits 2
is "$STATUS" 1 "gen_repo.py refuses too few commits for the rounds"

done_testing
