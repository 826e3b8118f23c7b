#!/bin/sh
# Errors that name the revision and the path; an empty repository; a
# shallow clone; a repository owned by another user.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
alt_repo repo
cd repo

# fails CMD... EXPECTED-STDERR-REGEX NAME: exit 2, nothing on stdout
fails() {
	_name=$1 _re=$2
	shift 2
	run "$@"
	is "$STATUS" 2 "$_name: exit 2"
	is "$OUT" "" "$_name: nothing on stdout"
	like "$ERR" "$_re" "$_name: message"
}

fails "unknown revision" "^dialdiff: nosuch: unknown revision 'nosuch'$" \
	"$DIALDIFF" --rev nosuch list
fails "unknown revision in REV:PATH" "^dialdiff: nosuch:dialogues/trade-talks/round-01.json: unknown revision 'nosuch'$" \
	"$DIALDIFF" diff nosuch:dialogues/trade-talks/round-01.json 1
fails "unknown revision in N@REV" "^dialdiff: 2@nosuch: unknown revision 'nosuch'$" \
	"$DIALDIFF" diff 2@nosuch 1
fails "a path absent at a revision" "^dialdiff: HEAD~3:dialogues/trade-talks/round-03.json: no such file in HEAD~3$" \
	"$DIALDIFF" diff HEAD~3:dialogues/trade-talks/round-03.json 1
fails "a path absent at --rev" "^dialdiff: HEAD~3:dialogues/trade-talks/round-03.json: no such file in HEAD~3$" \
	"$DIALDIFF" --rev HEAD~3 show dialogues/trade-talks/round-03.json
fails "a path that is a folder" "^dialdiff: HEAD:dialogues/trade-talks: is a folder, not a file$" \
	"$DIALDIFF" diff HEAD:dialogues/trade-talks 1
fails "the root folder" "^dialdiff: HEAD:: is a folder, not a file$" \
	"$DIALDIFF" show HEAD:
fails "a revision that is not a commit" "^dialdiff: HEAD:dialogues: 'HEAD:dialogues' names a folder, not a commit$" \
	"$DIALDIFF" --rev HEAD:dialogues list
fails "a round missing at a revision" "^dialdiff: 3@HEAD~3: series trade-talks has no round 3 in HEAD~3" \
	"$DIALDIFF" diff 3@HEAD~3 1
fails "no dialogues at a revision" "^dialdiff: HEAD:nowhere: no dialogues folder in HEAD" \
	"$DIALDIFF" --rev HEAD --dialogues nowhere list
fails "the index is not supported" "index" \
	"$DIALDIFF" show :dialogues/trade-talks/round-01.json

# an ambiguous short id: make objects until two share four hex digits
mkdir "$WORK/blobs"
i=0
while [ $i -lt 1500 ]; do echo "blob $i" > "$WORK/blobs/$i"; i=$((i + 1)); done
git hash-object -w "$WORK"/blobs/* > "$WORK/ids"
pfx=$( (cat "$WORK/ids"; git rev-list --all --objects | cut -c1-40) | cut -c1-4 | sort | uniq -d | head -1)
test -n "$pfx"
ok $? "two objects share the prefix $pfx"
fails "an ambiguous short id" "^dialdiff: $pfx: ambiguous short revision" \
	"$DIALDIFF" --rev "$pfx" list
fails "an ambiguous short id in REV:PATH" "^dialdiff: $pfx:dialogues/x.json: ambiguous short revision" \
	"$DIALDIFF" show "$pfx:dialogues/x.json"

# an empty repository: no commits yet
cd "$WORK" && git_init empty && cd empty
cp -R "$SRC_DIR/tests/fixtures/alt" dialogues
fails "review in an empty repository" "no commits yet" "$DIALDIFF" review
fails "log in an empty repository" "no commits yet" "$DIALDIFF" log
fails "--rev HEAD in an empty repository" "no commits yet" "$DIALDIFF" --rev HEAD list
run "$DIALDIFF" list
is "$STATUS" 0 "an empty repository: the working tree still reads"
cd "$WORK" && git init -q --bare empty.git && cd empty.git
fails "a bare empty repository" "no commits yet" "$DIALDIFF" list

# a shallow clone: no history walks, but reads at HEAD work
cd "$WORK" && git clone -q --depth 1 "file://$WORK/repo" shallow && cd shallow
test -f .git/shallow
ok $? "the clone is shallow"
fails "log in a shallow clone" "shallow clone.*git fetch --unshallow" "$DIALDIFF" log
fails "review A...B in a shallow clone" "shallow clone.*git fetch --unshallow" "$DIALDIFF" review HEAD...HEAD
run "$DIALDIFF" --rev HEAD --format json list
is "$STATUS" 0 "a shallow clone: reads at HEAD work"
run "$DIALDIFF" review
is "$STATUS" 0 "a shallow clone: review against the working tree works"
run "$DIALDIFF" --format json diff 1@HEAD 2
is "$STATUS" 0 "a shallow clone: N@HEAD works"

# a repository owned by another user, without safe.directory
cd "$WORK" && cp -R repo owned && chown -R nobody owned && cd owned/dialogues
if [ "$(stat -c %u .)" != "$(id -u)" ]; then
	fails "a repository owned by another user" \
		"^dialdiff: $WORK/owned: the repository is owned by another user.*git config --global --add safe.directory $WORK/owned$" \
		"$DIALDIFF" review
	run "$DIALDIFF" --dialogues . list
	is "$STATUS" 0 "reading the working tree needs no repository"
	git config --global --add safe.directory "$WORK/owned"
	run "$DIALDIFF" review
	is "$STATUS" 0 "with safe.directory set, it opens"
else
	ok 0 "# SKIP cannot give the repository to another user"
fi

done_testing
