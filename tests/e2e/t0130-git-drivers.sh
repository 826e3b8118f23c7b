#!/bin/sh
# git's own commands show semantics: git-setup, the textconv driver (git
# diff, git log -p, git show) and the external diff driver.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
dialdiff_on_path
alt_repo repo
cd repo
printf '*.txt text\n' > .gitattributes

# an attributes block that lost its end line: nothing is guessed at
printf '*.txt text\n# >>> dialdiff: semantic diffs of round files (dialdiff git-setup)\n*.json diff=dialdiff\nmine.json -diff\n' > .gitattributes
cp .gitattributes "$WORK/attributes.before"
run dialdiff git-setup
is "$STATUS" 2 "git-setup with a block that has no end line exits 2"
like "$ERR" "^dialdiff: .*\.gitattributes:2:1: the dialdiff block has no end line \"# <<< dialdiff\"" "and says where and why"
cmp -s .gitattributes "$WORK/attributes.before"
ok $? "the file is left as it was"
is "$(git config diff.dialdiff.textconv)" "" "and nothing is set in the config"
printf '*.txt text\n' > .gitattributes

run dialdiff git-setup
is "$STATUS" 0 "git-setup exits 0"
like "$OUT" "diff.dialdiff.textconv" "and says what it set"
is "$ERR" "" "dialdiff is on PATH: no warning"
is "$(git config diff.dialdiff.textconv),$(git config diff.dialdiff-semantic.command),$(git config diff.dialdiff-semantic.textconv)" \
   "dialdiff textconv,dialdiff diff-driver,dialdiff textconv" "the drivers are in the repository's config"
is "$(git config diff.dialdiff.cachetextconv)" "true" "textconv's output is cached"
is "$(git config merge.dialdiff.driver)" "dialdiff merge-driver %O %A %B %P" "the merge driver is in the config"
like "$(git config merge.dialdiff.name)" "dialdiff" "with a name"
attr() { git check-attr "${2:-diff}" -- "$1" | sed "s/.*: ${2:-diff}: //"; }
is "$(attr dialogues/trade-talks/round-01.json)" "dialdiff" "round files use the textconv driver"
is "$(attr dialogues/trade-talks/series.json),$(attr dialogues/taxonomy.json)" "unspecified,unspecified" "series.json and the taxonomy do not"
is "$(attr dialogues/trade-talks/round-01.json merge)" "dialdiff" "round files use the merge driver"
is "$(attr dialogues/trade-talks/series.json merge),$(attr dialogues/taxonomy.json merge),$(attr dialogues/schema/round.schema.json merge)" \
   "unspecified,unspecified,unspecified" "series.json, the taxonomy and the schema do not"
run env PATH=/usr/bin:/bin "$DIALDIFF" git-setup
is "$STATUS" 0 "git-setup without dialdiff on PATH exits 0"
like "$ERR" "^dialdiff: warning: dialdiff is not on PATH: git diff, git log -p and git merge will fail" "but warns that the drivers will fail"
run dialdiff git-setup --command "$WORK/nosuch/dialdiff"
like "$ERR" "^dialdiff: warning: $WORK/nosuch/dialdiff is not an executable file" "a --command that is not a program: a warning"
is "$(git config merge.dialdiff.driver)" "$WORK/nosuch/dialdiff merge-driver %O %A %B %P" "the drivers run the --command given"
run dialdiff git-setup --command "$DIALDIFF"
is "$STATUS,$ERR" "0," "a --command that is a program: no warning"
run dialdiff git-setup
is "$(grep -c '^# >>> dialdiff' .gitattributes),$(head -1 .gitattributes)" "1,*.txt text" "git-setup again: one block, other lines kept"
git add .gitattributes && commit "use the dialdiff drivers"

# textconv: git log -p, git show, git diff
git log -p -n 1 -- dialogues > "$WORK/log-p"
OUT=$(cat "$WORK/log-p")
like "$OUT" "^-agenda: market-access \\(proposed\\)  扩大市场准入$" "git log -p shows a dropped topic line"
unlike "$OUT" '"label"' "and no JSON"
git show HEAD~2 > "$WORK/show"
OUT=$(cat "$WORK/show")
like "$OUT" "^-agenda: market-access \\(proposed\\)  扩大市场准入$" "git show too"
git diff HEAD~4 HEAD~2 -- dialogues/trade-talks/round-03.json > "$WORK/diff-added"
OUT=$(cat "$WORK/diff-added")
like "$OUT" "^\\+outcomes: working-group \\(established\\)  成立联合工作组$" "git diff of an added round"
jq_edit dialogues/trade-talks/round-01.json '.topics.agenda[0].action = "agreed"'
OUT=$(git diff)
like "$OUT" "^-agenda: tariffs \\(proposed\\)  降低关税$" "git diff in the working tree: the old action"
like "$OUT" "^\\+agenda: tariffs \\(agreed\\)  降低关税$" "and the new one"

# textconv itself
run dialdiff textconv dialogues/trade-talks/round-03.json
is "$STATUS" 0 "textconv exits 0"
cp "$WORK/.out" "$WORK/git-textconv.text"
same_file "$WORK/git-textconv.text" "$EXPECTED/git-textconv.text" "textconv listing matches"
run dialdiff textconv dialogues/taxonomy.json
cmp -s "$WORK/.out" dialogues/taxonomy.json
ok $? "textconv of a file that is not a round: the file as it is"
printf '{"round": 1,\n "round": 2, "topics": {}}\n' > "$WORK/broken.json"
run dialdiff textconv "$WORK/broken.json"
is "$STATUS" 0 "textconv of a round that does not parse exits 0 (git needs output)"
is "$(printf '%s\n' "$OUT" | head -1)" "# dialdiff textconv: not shown as topics: $WORK/broken.json:2:2: duplicate key \"round\"" "a first line says why"
is "$(printf '%s\n' "$OUT" | sed 1d)" "$(cat "$WORK/broken.json")" "then the file as it is"
run dialdiff textconv
is "$STATUS" 2 "textconv without a file exits 2"
run dialdiff textconv nosuch.json
is "$STATUS,$OUT" "2," "textconv of a missing file exits 2, nothing on stdout"

# the external diff driver
run dialdiff git-setup --semantic
is "$(attr dialogues/trade-talks/round-01.json)" "dialdiff-semantic" "git-setup --semantic switches the attribute"
OUT=$(git diff)
like "$OUT" "^modified dialogues/trade-talks/round-01.json$" "git diff runs diff-driver: a file header"
like "$OUT" "^--- a/dialogues/trade-talks/round-01.json$" "the old side as git names it"
like "$OUT" "^~ 降低关税  action: proposed → agreed$" "and the semantic change"
git checkout -q -- dialogues
OUT=$(git log -p -n 1 --ext-diff -- dialogues)
like "$OUT" "^- 扩大市场准入  \\[market-access\\]  \\(proposed\\)$" "git log -p --ext-diff shows the semantic diff"
OUT=$(git log -p -n 1 -- dialogues)
like "$OUT" "^-agenda: market-access" "git log -p without --ext-diff falls back to textconv"
git mv dialogues/trade-talks/round-03.json dialogues/trade-talks/round-3.json
OUT=$(git diff --cached -M)
like "$OUT" "^renamed dialogues/trade-talks/round-03.json → dialogues/trade-talks/round-3.json$" "a rename (9 arguments)"
git mv dialogues/trade-talks/round-3.json dialogues/trade-talks/round-03.json
cp dialogues/trade-talks/round-03.json dialogues/trade-talks/round-04.json
jq_edit dialogues/trade-talks/round-04.json '.round = 4 | .date = "2021-01-01"'
git add dialogues
OUT=$(git diff --cached)
like "$OUT" "^added dialogues/trade-talks/round-04.json$" "an added file"
like "$OUT" "^--- /dev/null$" "compared with /dev/null"
git rm -q --cached dialogues/trade-talks/round-04.json && rm dialogues/trade-talks/round-04.json
git rm -q dialogues/trade-talks/round-01.json
OUT=$(git diff --cached)
like "$OUT" "^deleted dialogues/trade-talks/round-01.json$" "a deleted file"
like "$OUT" "^\\+\\+\\+ /dev/null$" "compared with /dev/null"
git reset -q --hard
dialdiff git-setup --semantic >/dev/null
printf '{"round": 1,\n "round": 2, "topics": {}}\n' > dialogues/trade-talks/round-01.json
git diff > "$WORK/broken-diff"
is "$?" 0 "git diff of a round that does not parse: the driver does not stop git"
like "$(cat "$WORK/broken-diff")" "^error: b/dialogues/trade-talks/round-01.json:2:2: duplicate key" "it prints the error"
git checkout -q -- dialogues
run dialdiff diff-driver a b c
is "$STATUS" 2 "diff-driver with the wrong number of arguments exits 2"
like "$ERR" "git's 7 arguments" "and says what it takes"

# scripts/git-setup, in a fresh clone
cd "$WORK"
git clone -q repo clone && cd clone
run sh "$SRC_DIR/scripts/git-setup"
is "$STATUS,$(git config diff.dialdiff.textconv)" "0,dialdiff textconv" "scripts/git-setup sets up the drivers"

# a bare repository: info/attributes; git log -p reads the taxonomy at HEAD
cd "$WORK" && git clone -q --bare repo bare.git && cd bare.git
run dialdiff git-setup
is "$STATUS" 0 "git-setup in a bare repository"
grep -q 'diff=dialdiff merge=dialdiff$' info/attributes
ok $? "writes info/attributes"
OUT=$(git log -p -n 1 HEAD~1 -- dialogues)
like "$OUT" "^-agenda: market-access" "git log -p in a bare repository shows topic lines"

done_testing
