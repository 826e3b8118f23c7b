#!/bin/sh
# log writes each commit as soon as it is known.  An error after some
# commits went out ends the output properly (the JSON document closed with
# an "error" member) and exits 2; a reader that leaves early (| head) is
# not an error.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
alt_repo repo
cd repo
c1=$(rev HEAD~3) c2=$(rev HEAD~2) c3=$(rev HEAD~1)

# The oldest commit's tree goes missing: c3 is shown, then c2 (which needs
# that tree to be compared with its parent) fails.
t=$(rev "$c1^{tree}")
rm -f ".git/objects/$(printf %.2s "$t")/${t#??}"

run "$DIALDIFF" --format json log
is "$STATUS" 2 "a log cut short by a missing tree exits 2"
like "$ERR" "^dialdiff: commit $(printf %.12s "$c2"): tree: .*$t" \
	"stderr names the commit and the object"
printf '%s\n' "$OUT" | jq -e . >/dev/null
ok $? "stdout is still one whole JSON document"
is "$(printf '%s\n' "$OUT" | jq -r '[.commits[].id[0:7]] | join(" ")')" \
	"$(printf '%.7s' "$c3")" "with the commit shown before the error"
is "$(printf '%s\n' "$OUT" | jq -r '.error | "\(.file) \(.line) \(.column)"')" \
	"null 0 0" "and an error member: no file, no position"
like "$(printf '%s\n' "$OUT" | jq -r .error.message)" \
	"^commit $(printf %.12s "$c2"): tree: .*$t" "which says what went wrong"

run "$DIALDIFF" --format markdown log
is "$STATUS" 2 "markdown: exits 2"
like "$OUT" "^1 commit changed round files before the log stopped:$" \
	"markdown: says the log stopped"
like "$OUT" "^> commit $(printf %.12s "$c2"): tree: " "markdown: and why"

run "$DIALDIFF" log
is "$STATUS" 2 "text: exits 2"
like "$OUT" "^commit $c3$" "text: the commit before the error is shown"
like "$ERR" "^dialdiff: commit $(printf %.12s "$c2"): tree: " "text: the error on stderr"

# Nothing was written yet: no output at all, only the error.
run "$DIALDIFF" --format json log "$c2"
is "$STATUS,$OUT" "2," "an error before the first commit writes nothing"

# A reader that leaves early.
cd "$WORK"
python3 "$SRC_DIR/scripts/bench/gen_repo.py" --out big --series 5 --rounds 4 \
	--sections 3 --items 15 --entries 30 --commits 120 --seed 5
"$DIALDIFF" -C big --format json log >full.json
is "$?" 0 "a log of 120 commits"
size=$(wc -c <full.json)
[ "$size" -gt 1048576 ]
ok $? "bigger than a pipe holds ($size bytes)"
{ "$DIALDIFF" -C big --format json log 2>err; echo $? >status; } | head -c 100 >/dev/null
is "$(cat status)" 0 "| head: exit 0 when the reader leaves"
is "$(cat err)" "" "| head: nothing on stderr"

# With two processors or more, a second thread parses round files ahead;
# on one (taskset) everything happens on the main thread.  Same output.
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
	for args in "--format json log" "log -n 37" "--format markdown log -- dialogues/series-002" \
		    "--format json log --first-parent HEAD~60"; do
		# shellcheck disable=SC2086
		"$DIALDIFF" -C big $args >two.out 2>&1
		# shellcheck disable=SC2086
		taskset -c 0 "$DIALDIFF" -C big $args >one.out 2>&1
		cmp -s two.out one.out
		ok $? "one thread or two, the same output: $args"
	done
	# a round that does not parse, seen by both threads
	git -C big checkout -q -b broken HEAD~5
	printf '{"schema": 1,' >big/dialogues/series-003/round-02.json
	git -C big commit -q -a -m "a broken round"
	"$DIALDIFF" -C big --format json log -n 20 >two.out 2>&1
	taskset -c 0 "$DIALDIFF" -C big --format json log -n 20 >one.out 2>&1
	cmp -s two.out one.out
	ok $? "one thread or two: the same for a round that does not parse"
	like "$(jq -r '.commits[0].files[0].error' two.out)" "round-02.json:1:14: " \
		"which is reported with its position"
else
	ok 0 "# skip: one processor"
fi

done_testing
