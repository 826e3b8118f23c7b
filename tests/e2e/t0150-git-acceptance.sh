#!/bin/sh
# The bundled record in a repository: drop one category from round 2 and
# commit; review, diff N@REV, log and git log -p all tell the same story.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
dialdiff_on_path
git_init repo && cd repo
bundled
mv "$WORK/dialogues" .
commit "the bundled record"
R=dialogues/us-china-cybercrime/round-02.json
jq_edit "$R" '.topics["crime-categories"] |= map(select(.label.en | test("firearms") | not))'
commit "round 2: no firearms"

dropped() { jq -r "$1"' | .sections[] | .dropped[] as $d | "\(.id):\($d.id)"' | tr '\n' ' '; }
run dialdiff --format json review HEAD~1..HEAD
is "$STATUS" 0 "review HEAD~1..HEAD exits 0"
is "$(printf '%s\n' "$OUT" | jq -r '[.files[] | "\(.status):\(.path)"] | join(" ")')" "modified:$R" "one file changed"
is "$(printf '%s\n' "$OUT" | dropped '.files[0].diff')" "crime-categories:firearms-trafficking " "exactly firearms trafficking dropped"
is "$(printf '%s\n' "$OUT" | jq -r '.files[0].diff.summary | "\(.added) \(.changed)"')" "0 0" "nothing else changed"

run dialdiff --format json diff 2@HEAD~1 2
is "$(printf '%s\n' "$OUT" | dropped '.')" "crime-categories:firearms-trafficking " "diff 2@HEAD~1 2 says the same"

run dialdiff log -n 1
is "$(printf '%s\n' "$OUT" | sed -n 5p)" "    round 2: no firearms" "log -n 1 shows the commit's subject"
like "$OUT" "^- Online sale of firearms  \\[firearms-trafficking\\]$" "and the category it dropped"
is "$(printf '%s\n' "$OUT" | grep -c '^commit ')" 1 "one commit"

dialdiff git-setup >/dev/null
OUT=$(git log -p dialogues/)
like "$OUT" "^-crime-categories: firearms-trafficking  网络贩枪 / Online sale of firearms$" "git log -p shows category lines"
like "$OUT" "^\+crime-categories: fraud  网络诈骗 / Online fraud$" "for added round files too"
OUT=$(git log -p -- 'dialogues/*/round-*.json')
unlike "$OUT" '^[-+ ] *"(label|en|zh|topics)"' "round files never as JSON"

done_testing
