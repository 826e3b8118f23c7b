#!/bin/sh
# Settings in git's configuration, read through libgit2 (the repository's,
# then the global one; lib.sh gives every test its own HOME and no system
# file): dialdiff.dir (t0340), dialdiff.lang, dialdiff.series,
# dialdiff.color and dialdiff.pager (t0380).  The command-line option wins
# over each; a bad value is exit 2 with a message that names the key, the
# value and the file.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"

bundled
git_init -q . && commit "the record"
ESC=$(printf '\033')

# ---- dialdiff.lang --------------------------------------------------------------
"$DIALDIFF" diff 1 2 > en.txt
"$DIALDIFF" --lang zh diff 1 2 > zh.txt
git config dialdiff.lang zh
run "$DIALDIFF" diff 1 2
is "$STATUS" 0 "dialdiff.lang zh: diff exits 0"
is "$OUT" "$(cat zh.txt)" "dialdiff.lang zh: the output of --lang zh"
run "$DIALDIFF" --lang en diff 1 2
is "$OUT" "$(cat en.txt)" "--lang en wins over dialdiff.lang"
run "$DIALDIFF" diff 1 2 --lang en
is "$OUT" "$(cat en.txt)" "after the command too"
run env LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 "$DIALDIFF" diff 1 2
is "$OUT" "$(cat zh.txt)" "dialdiff.lang wins over the locale"
mkdir -p sub && cd sub
run "$DIALDIFF" diff 1 2
is "$OUT" "$(cat ../zh.txt)" "from a subfolder too"
cd ..
git config dialdiff.lang fr
run "$DIALDIFF" diff 1 2
is "$STATUS" 2 "dialdiff.lang fr: exit 2"
is "$ERR" "dialdiff: bad value 'fr' for dialdiff.lang in .git/config: use en or zh" \
	"naming the key, the value and the file"
is "$OUT" "" "and nothing on stdout"
run "$DIALDIFF" --lang en diff 1 2
is "$STATUS" 0 "--lang en: the bad value is not used"
git config --unset dialdiff.lang
git config --global dialdiff.lang zh
run "$DIALDIFF" diff 1 2
is "$OUT" "$(cat zh.txt)" "the global config sets it too"
git config dialdiff.lang en
run "$DIALDIFF" diff 1 2
is "$OUT" "$(cat en.txt)" "the repository's config wins over the global one"
git config --unset dialdiff.lang
git config --global dialdiff.lang xx
run "$DIALDIFF" diff 1 2
is "$ERR" "dialdiff: bad value 'xx' for dialdiff.lang in ~/.gitconfig: use en or zh" \
	"a bad global value names ~/.gitconfig"
git config --global --unset dialdiff.lang
OUTSIDE=$(mktemp -d "${TMPDIR:-/tmp}/dialdiff-outside.XXXXXX")
cp -R dialogues "$OUTSIDE/"
git config --global dialdiff.lang zh
run sh -c "cd '$OUTSIDE' && '$DIALDIFF' diff 1 2"
is "$OUT" "$(cat zh.txt)" "outside a repository: the global config"
git config --global --unset dialdiff.lang
rm -rf "$OUTSIDE"

# ---- dialdiff.color ---------------------------------------------------------------
for v in always ALWAYS; do
	git config dialdiff.color $v
	run "$DIALDIFF" diff 1 2
	like "$OUT" "$ESC\\[" "dialdiff.color $v: colour, though not a terminal"
done
run "$DIALDIFF" --color never diff 1 2
unlike "$OUT" "$ESC" "--color never wins over it"
run "$DIALDIFF" --no-color diff 1 2
unlike "$OUT" "$ESC" "--no-color too"
run env NO_COLOR=1 "$DIALDIFF" diff 1 2
like "$OUT" "$ESC\\[" "always: colour with NO_COLOR set (a setting of one's own wins)"
for v in auto true never false off; do
	git config dialdiff.color $v
	run "$DIALDIFF" diff 1 2
	unlike "$OUT" "$ESC" "dialdiff.color $v: no colour when not a terminal"
done
git config dialdiff.color never
run "$DIALDIFF" --color always diff 1 2
like "$OUT" "$ESC\\[" "--color always wins over dialdiff.color never"
git config dialdiff.color sometimes
run "$DIALDIFF" diff 1 2
is "$STATUS" 2 "dialdiff.color sometimes: exit 2"
is "$ERR" "dialdiff: bad value 'sometimes' for dialdiff.color in .git/config: use auto, always, never, true or false" \
	"naming the key and the value"
git config --unset dialdiff.color
printf '[dialdiff]\n\tcolor\n' >> .git/config
run "$DIALDIFF" diff 1 2
is "$STATUS" 0 "a key with no value is true, as in git (auto)"
unlike "$OUT" "$ESC" "auto: no colour when not a terminal"
git config --unset dialdiff.color

# ---- dialdiff.series ---------------------------------------------------------------
cp -R "$SRC_DIR/tests/fixtures/alt/trade-talks" dialogues/
commit "a second series"
run "$DIALDIFF" timeline
is "$STATUS" 2 "two series and none chosen: exit 2"
like "$ERR" "choose one with --series: trade-talks us-china-cybercrime \\(or set git config dialdiff.series\\)\$" "and says how to choose"
git config dialdiff.series trade-talks
for cmd in report timeline "show 1" "diff 1 2" "diff 2@HEAD 2"; do
	run "$DIALDIFF" --format json $cmd
	is "$STATUS" 0 "dialdiff.series: $cmd exits 0"
	like "$OUT" "trade-talks" "and reads the configured series"
	unlike "$OUT" "us-china-cybercrime" "not the other one"
done
run "$DIALDIFF" --series us-china-cybercrime --format json diff 1 2
like "$OUT" "us-china-cybercrime/round-01" "--series wins over dialdiff.series"
run "$DIALDIFF" --format json diff us-china-cybercrime/1 us-china-cybercrime/2
like "$OUT" "us-china-cybercrime/round-01" "so does a selector that names the series"
run "$DIALDIFF" list
like "$OUT" "us-china-cybercrime" "list still lists every series"
like "$OUT" "trade-talks" "both of them"
git config dialdiff.series nope
run "$DIALDIFF" timeline
is "$STATUS" 2 "an unknown series in the config: exit 2"
is "$ERR" "dialdiff: bad value 'nope' for dialdiff.series in .git/config: no such series (no folder dialogues/nope)" \
	"naming the key, the value and the file"
run "$DIALDIFF" --series trade-talks timeline
is "$STATUS" 0 "--series: the configured one is not used"
git config dialdiff.series ../x
run "$DIALDIFF" timeline
is "$ERR" "dialdiff: bad value '../x' for dialdiff.series in .git/config: not a series id" \
	"a path is not a series id"
git config --unset dialdiff.series
git rm -rq dialogues/trade-talks && commit "one series again"

# ---- a key with no value where a string is wanted ---------------------------------
printf '[dialdiff]\n\tdir\n' >> .git/config
run "$DIALDIFF" list
is "$STATUS" 2 "dialdiff.dir with no value: exit 2"
is "$ERR" "dialdiff: missing value for dialdiff.dir in .git/config" "says which key"
git config --unset dialdiff.dir

done_testing
