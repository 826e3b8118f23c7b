#!/bin/sh
# git merge with dialdiff's merge driver (installed by git-setup): round
# files merge topic by topic; two edits of one item conflict with markers
# around that item only, and check then reports merge-conflict at each
# marker line -- as it does for git's own line conflicts.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
dialdiff_on_path
alt_repo repo
cd repo
R2=dialogues/trade-talks/round-02.json
R3=dialogues/trade-talks/round-03.json
run dialdiff git-setup
is "$STATUS,$ERR" "0," "git-setup installs the merge driver"
git add .gitattributes && commit "use the dialdiff drivers"

# branch BRANCH FILTER FILE...: a branch off main with FILTER applied to
# each FILE, committed; back on main
branch() {
	_b=$1 _f=$2
	shift 2
	git checkout -q -b "$_b" main &&
	for _file; do jq_edit "$_file" "$_f"; done &&
	commit "$_b" && git checkout -q main
}
# on_main FILTER FILE: FILTER applied to FILE on main, committed
on_main() {
	jq_edit "$2" "$1" && commit "main: $1"
}
# merge BRANCH: git merge, its output and status in $OUT, $ERR, $STATUS
merge() {
	tick
	run git merge --no-edit "$1"
}
# markers FILE: the line numbers of its conflict markers, one line
markers() {
	grep -n -E '^(<<<<<<<( |$)|=======$|>>>>>>>( |$))' "$1" | cut -d: -f1 | tr '\n' ' '
}
# labels FILE SECTION: the zh labels of a section, in order
labels() {
	jq -c "[.topics.$2[].label.zh]" "$1"
}
# check_markers FILE: check reports merge-conflict at every marker line
# of FILE (column 1) and nothing else
check_markers() {
	run dialdiff check
	is "$STATUS" 1 "$2: check exits 1"
	_want=$(for _l in $(markers "$1"); do
		printf '%s:%s:1: error: merge conflict marker' "$1" "$_l"; echo; done)
	is "$(printf '%s\n' "$OUT" | grep ': error: ' | sed 's/ "[^"]*": .*//')" "$_want" \
	   "$2: merge-conflict at each marker line"
	unlike "$OUT" "json-syntax" "$2: no json-syntax"
}
start=$(rev main)

# ---- different items added to one section: merged ---------------------
branch add-access '.topics.agenda += [{"label": {"zh": "扩大市场准入"}, "action": "proposed"}]' $R2
on_main '.topics.agenda += [{"label": {"zh": "知识产权保护"}, "action": "proposed"}]' $R2
before=$(rev main)
merge add-access
is "$STATUS" 0 "items added to one section on both sides: git merge succeeds"
unlike "$OUT" "CONFLICT" "no conflict"
is "$(labels $R2 agenda)" '["降低关税","扩大市场准入","知识产权保护"]' \
   "both items, theirs after the item it follows in theirs"
run dialdiff check
is "$STATUS,$OUT" "0,5 files checked: no problems found" "check is clean"
run dialdiff fmt --check $R2
is "$STATUS" 0 "the merged file is in the canonical layout"
is "$(git log -1 --format=%P | wc -w)" 2 "a merge commit was made"

# ---- the same merge line by line (git's own merge): a conflict --------
git reset -q --hard "$before"
printf 'dialogues/** !merge\n' > .git/info/attributes
merge add-access
is "$STATUS" 1 "without the driver, git merge conflicts on the same branches"
like "$OUT" "CONFLICT \\(content\\): Merge conflict in $R2" "git says so"
is "$(grep -c '^<<<<<<< HEAD$' $R2)" 1 "git's markers are in the file"
check_markers $R2 "git's line conflict"
git merge --abort
rm .git/info/attributes

# ---- one field of one item, changed differently: a conflict -----------
git reset -q --hard "$before"
branch agree '.topics.agenda[0].action = "implemented" | .topics.outcomes += [{"label": {"zh": "成立联合工作组"}}]' $R2
on_main '.topics.agenda[0].action = "reviewed"' $R2
merge agree
is "$STATUS" 1 "two actions for one item: git merge fails"
like "$OUT" "CONFLICT \\(content\\): Merge conflict in $R2" "git reports a conflict"
like "$ERR" "dialdiff: $R2: 1 conflicting item left between markers" "the driver says how many"
set -- $(markers $R2)
is "$#" 3 "three marker lines"
sed -n "$1,$3p" $R2 > "$WORK/block"
is "$(grep -c '"label"' "$WORK/block"),$(grep -c '降低关税' "$WORK/block")" "2,2" \
   "the block holds that item only, as each side has it"
like "$(sed -n "$1,$2p" $R2)" '"action": "reviewed"' "ours' action in ours' half"
like "$(sed -n "$2,$3p" $R2)" '"action": "implemented"' "theirs' in theirs'"
like "$(sed -n "$3,\$p" $R2)" '成立联合工作组' "the other side's added item is merged, after the block"
check_markers $R2 "an item's conflict"
# either side, kept, is a valid round
sed -e "$2,$3d" -e "$1d" $R2 > "$WORK/ours.json"
sed -e "$3d" -e "$1,$2d" $R2 > "$WORK/theirs.json"
run dialdiff check "$WORK/ours.json" "$WORK/theirs.json"
unlike "$OUT" "json-syntax|merge-conflict" "keeping either side gives valid JSON"
is "$(jq -r '.topics.agenda[0].action' "$WORK/ours.json"),$(jq -r '.topics.agenda[0].action' "$WORK/theirs.json")" \
   "reviewed,implemented" "with that side's action"
git merge --abort

# ---- deleted on one side, edited on the other: a conflict --------------
git reset -q --hard "$start"
branch edit-tariffs '.topics.agenda[0].action = "agreed"' $R3
on_main '.topics.agenda |= .[1:]' $R3
merge edit-tariffs
is "$STATUS" 1 "an item deleted on one side and edited on the other: git merge fails"
like "$OUT" "CONFLICT \\(content\\): Merge conflict in $R3" "a conflict in that file"
m=$(markers $R3)
is "$(echo $m | wc -w)" 3 "three marker lines"
set -- $m
is "$2" "$(($1 + 1))" "ours deleted it: nothing between <<<<<<< and ======="
like "$(sed -n "$2,$3p" $R3)" '"action": "agreed"' "theirs' edit between ======= and >>>>>>>"
is "$(sed -n "$2,$3p" $R3 | grep -c '"label"')" 1 "that item only"
check_markers $R3 "deleted against edited"
git merge --abort

# the same, the other way round (ours edits, theirs deletes)
git reset -q --hard "$start"
branch drop-tariffs '.topics.agenda |= .[1:]' $R3
on_main '.topics.agenda[0].action = "agreed"' $R3
merge drop-tariffs
is "$STATUS" 1 "edited on ours, deleted on theirs: git merge fails"
set -- $(markers $R3)
is "$3" "$(($2 + 1))" "theirs deleted it: nothing between ======= and >>>>>>>"
git merge --abort

# deleted on one side and unchanged on the other: deleted
git reset -q --hard "$start"
branch drop-access '.topics.agenda |= .[:1]' $R3
on_main '.topics.outcomes[0].action = "agreed"' $R3
merge drop-access
is "$STATUS" 0 "deleted on one side, unchanged on the other: merged"
is "$(labels $R3 agenda),$(jq -r '.topics.outcomes[0].action' $R3)" '["分阶段降低关税"],agreed' \
   "the item is gone, the other edit kept"

# ---- a round added on both sides (no common ancestor) -------------------
git reset -q --hard "$start"
git checkout -q -b add-4 main
jq '.round = 4 | .date = "2021-01-01" | .topics.agenda = [{"label": {"zh": "知识产权保护"}}]' $R3 > dialogues/trade-talks/round-04.json
commit "round 4 with IP" && git checkout -q main
jq '.round = 4 | .date = "2021-01-01" | .topics.agenda = [{"label": {"zh": "降低关税"}}]' $R3 > dialogues/trade-talks/round-04.json
commit "round 4 with tariffs"
merge add-4
is "$STATUS" 0 "a round added on both sides: merged topic by topic"
is "$(labels dialogues/trade-talks/round-04.json agenda)" '["知识产权保护","降低关税"]' \
   "both items (theirs' first in theirs: first)"

# ---- a version that is not a round: merged line by line ------------------
git reset -q --hard "$start"
git checkout -q -b broken main
sed -i '1s/^{/{ "x": ,/' $R2
commit "break round 2"
git checkout -q main
on_main '.title.zh = "第二轮"' $R2
merge broken
is "$STATUS" 0 "one side does not parse: git's line merge, clean here"
like "$ERR" "not merged by topic: merging lines, as git does" "the driver says why"
like "$(head -1 $R2)" '^\{ "x": ,' "both sides' lines are in the file"
like "$(cat $R2)" '第二轮"' "both sides' lines are in the file (2)"

# ---- the driver itself ---------------------------------------------------
run dialdiff merge-driver a b c
is "$STATUS" 2 "merge-driver with the wrong number of arguments exits 2"
like "$ERR" "git's 4 arguments" "and says what it takes"
run dialdiff merge-driver nosuch $R2 $R2 $R2
is "$STATUS" 2 "a file that cannot be read: exit 2"
git show "$start:$R2" > "$WORK/base.json"
cp "$WORK/base.json" "$WORK/ours.json"
run dialdiff --dialogues nosuch merge-driver "$WORK/base.json" "$WORK/ours.json" "$WORK/base.json" $R2
is "$STATUS" 0 "no taxonomy: the driver still merges"
like "$ERR" "no taxonomy: items are matched by id, else by label" "and says so"

done_testing
