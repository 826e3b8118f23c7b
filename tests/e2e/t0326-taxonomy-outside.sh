#!/bin/sh
# A series.json whose "taxonomy" leaves the repository -- climbing out with
# "..", an absolute path, or a symbolic link to a file outside -- is refused
# in the working tree as it is at a revision (where git never reads outside
# the tree, nor follows links): the file it names is never read.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
alt_repo repo
cp repo/dialogues/taxonomy.json "$WORK/outside.json"
ln -s "$WORK/outside.json" repo/dialogues/link.json
cd repo
S=dialogues/trade-talks/series.json

for m in "../../../outside.json" "$WORK/outside.json" "../link.json"; do
	jq_edit $S ".taxonomy = \"$m\""
	commit "taxonomy $m"
	why="the taxonomy a series.json names is outside the repository"
	run timeout 30 "$DIALDIFF" diff 1 2
	is "$STATUS" 2 "$m: diff in the working tree exits 2"
	like "$ERR" "^dialdiff: [^ ]+: $why" "$m: and says the taxonomy is outside"
	is "$OUT" "" "$m: nothing on stdout"
	run timeout 30 "$DIALDIFF" check
	is "$STATUS" 1 "$m: check reports it"
	like "$OUT" ": error: $why.* \\[file\\]\$" "$m: as a file error"
	run timeout 30 "$DIALDIFF" --rev HEAD check
	is "$STATUS" 1 "$m: check at HEAD reports it too"
	# a round changed in the working tree: review cannot compare it
	jq_edit dialogues/trade-talks/round-02.json '.title.zh = "x"'
	run timeout 30 "$DIALDIFF" review
	is "$STATUS" 2 "$m: review of the working tree exits 2"
	like "$ERR" "cannot compare: .*($why|no taxonomy)" "$m: review says why"
	git checkout -q dialogues/trade-talks/round-02.json
done
# one inside the repository, through "..", is still read
cp dialogues/taxonomy.json shared.json
jq_edit $S '.taxonomy = "../../shared.json"'
run timeout 30 "$DIALDIFF" diff 1 2
is "$STATUS" 0 "a taxonomy elsewhere in the repository is read"
# --taxonomy names any file, as the user chooses
jq_edit $S 'del(.taxonomy)'
run timeout 30 "$DIALDIFF" --taxonomy "$WORK/outside.json" diff 1 2
is "$STATUS" 0 "--taxonomy may name a file outside"

done_testing
