#!/bin/sh
# What comes from the data cannot break or abuse an output: the JSON of
# log and review is valid UTF-8 whatever bytes a file name holds (as
# check's is: U+FFFD for each bad byte), and Markdown (a pull-request
# comment) holds no raw @mention, e-mail address or bare autolink from a
# label or a commit subject: a zero-width joiner (U+200D) defuses each.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
alt_repo repo
cd repo
bad=$(printf 'round-\377\376.json')
jq '.round = 4 | .date = "2021-06-01"' dialogues/trade-talks/round-03.json \
	> "dialogues/trade-talks/$bad"
commit "a round with a name that is not UTF-8"

utf8() {
	printf '%s' "$1" | iconv -f UTF-8 -t UTF-8 > /dev/null 2>&1
}
for cmd in "review HEAD~1 HEAD" "log" "log -n 1" "check"; do
	run timeout 30 "$DIALDIFF" --format json $cmd
	utf8 "$OUT"
	ok $? "--format json $cmd: valid UTF-8"
	printf '%s\n' "$OUT" | jq -e . > /dev/null
	ok $? "--format json $cmd: parses"
done
run timeout 30 "$DIALDIFF" --format json review HEAD~1 HEAD
is "$(printf '%s\n' "$OUT" | jq -r '.files[0].path')" \
	"dialogues/trade-talks/round-$(printf '\357\277\275\357\277\275').json" \
	"each bad byte is U+FFFD"
git rm -q "dialogues/trade-talks/$bad"
commit "gone"

zwj=$(printf '\342\200\215')
R=dialogues/trade-talks/round-02.json
jq_edit $R '.topics.agenda[0].label.zh = "@someone see https://evil.example/x, www.example.com and a.b@example.org"'
for cmd in "diff 1 2" "review"; do
	run timeout 30 "$DIALDIFF" --format markdown $cmd
	is "$STATUS" 0 "markdown $cmd runs"
	like "$OUT" "@${zwj}someone" "markdown $cmd: the mention is defused"
	unlike "$OUT" "@someone|a\\.b@example|https://evil|www\\.example" \
		"markdown $cmd: no raw @mention, e-mail address or autolink"
done
git commit -q -am "thanks @someone, see www.example.com"
run timeout 30 "$DIALDIFF" --format markdown log -n 1
unlike "$OUT" "@someone|www\\.example" "markdown log: nor from a commit subject"
like "$OUT" "www${zwj}\\.example\\.com" "markdown log: the subject is still there"

done_testing
