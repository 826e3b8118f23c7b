#!/bin/sh
# What diff, review and log show: a section a round does not record, a
# changed note's old and new text, unchanged items only with --all-items,
# --stat, log --oneline, the headings of added and deleted rounds.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
bundled
S=dialogues/us-china-cybercrime

# ---- a section a round does not record ------------------------------------
cp $S/round-02.json round-02.orig
jq_edit $S/round-02.json 'del(.topics."network-protection")'
run "$DIALDIFF" diff 1 2
is "$STATUS" 0 "diff with a section round 2 does not record: exit 0"
like "$OUT" "^Network protection  \+0 -0 ~0 =0  not recorded in round 2$" \
	"text: the section is not recorded in round 2, nothing added or dropped"
unlike "$OUT" "Meeting and exchange of network incident" "and its items are not listed as dropped"
like "$OUT" "^3 sections: 6 added, 6 dropped, 4 changed, 0 unchanged$" "the totals leave it out"
run "$DIALDIFF" diff --format markdown 1 2
like "$OUT" "^\| Network protection \| 0 \| 0 \| 0 \| 0 \| not recorded in round 2 \|$" \
	"markdown: the section's row says so"
like "$OUT" "^\*not recorded in round 2\*$" "and so does its heading, without a table"
run "$DIALDIFF" diff --format html 1 2
like "$OUT" '<h2>Network protection</h2>$' "html: the heading has no similarity"
like "$OUT" '^<p class="muted">not recorded in round 2</p>$' "and a line says it is not recorded"
run "$DIALDIFF" diff 2 3
like "$OUT" "^Network protection  \+0 -0 ~0 =0  not recorded in round 2$" \
	"the other side: not recorded in round 2 again, nothing added"
cp round-02.orig $S/round-02.json

# ---- a changed note: old and new ------------------------------------------
run "$DIALDIFF" diff 3 4
like "$OUT" "^~ Retaining and making good use of the established hotline mechanism  .*; note: The use of the hotline is to be reviewed regularly\. → \(none\)$" \
	"text: a note that went, old → (none)"
like "$OUT" "^~ Timely sharing of cybercrime-related leads and information  .*; note: \(none\) → Part of improving cooperation against cybercrime\.$" \
	"text: a note that came, (none) → new"
run "$DIALDIFF" diff --format markdown 3 4
like "$OUT" "<br>\*note:\* — → Part of improving cooperation against cybercrime\. \|" \
	"markdown: — → new"

# ---- unchanged items only with --all-items ---------------------------------
UNCHANGED="Online dissemination of child sexual abuse material"
run "$DIALDIFF" diff 3 4
unlike "$OUT" "^= " "diff: no unchanged item by default"
like "$OUT" "^Crime categories  \+0 -0 ~3 =1  similarity 1.00$" "but the header counts it"
for opt in --all-items -v; do
	run "$DIALDIFF" diff $opt 3 4
	like "$OUT" "^= $UNCHANGED$" "diff $opt lists it"
done
run "$DIALDIFF" diff --format markdown 3 4
unlike "$OUT" "^\\| ＝ " "markdown: no unchanged row by default"
like "$OUT" "^➕ added · ➖ dropped · ✏️ changed · ＝ unchanged \(counted, not listed\)$" "and the legend says so"
run "$DIALDIFF" diff --format markdown -v 3 4
like "$OUT" "^\| ＝ \| $UNCHANGED \|" "markdown -v: the unchanged row"
like "$OUT" "^➕ added · ➖ dropped · ✏️ changed · ＝ unchanged$" "and the plain legend"
run "$DIALDIFF" --format json diff 3 4
json_kept=$(printf '%s\n' "$OUT" | jq -c '[.sections[].kept[].id]')
run "$DIALDIFF" --format json diff -v 3 4
is "$(printf '%s\n' "$OUT" | jq -c '[.sections[].kept[].id]')" "$json_kept" "json: kept is the same with or without -v"
like "$json_kept" "child-sexual-abuse-material" "and holds the unchanged item"
run "$DIALDIFF" --format html diff 3 4
like "$OUT" "<span class=\"sym\">=</span> Unchanged</td><td>$UNCHANGED</td>" "html lists it always"
run "$DIALDIFF" report
like "$OUT" "^= $UNCHANGED$" "the report lists it always"
run "$DIALDIFF" report --format markdown
like "$OUT" "^\| ＝ \| $UNCHANGED \|" "in markdown too"
run "$DIALDIFF" diff-driver $S/round-04.json $S/round-03.json 0000000 100644 $S/round-04.json 0000000 100644
unlike "$OUT" "^= " "diff-driver: no unchanged item by default"
run "$DIALDIFF" diff-driver -v $S/round-04.json $S/round-03.json 0000000 100644 $S/round-04.json 0000000 100644
like "$OUT" "^= $UNCHANGED$" "diff-driver -v lists it"
run "$DIALDIFF" diff-driver --all-items $S/round-04.json $S/round-03.json 0000000 100644 $S/round-04.json 0000000 100644
like "$OUT" "^= $UNCHANGED$" "diff-driver --all-items too"

# ---- --stat: a line per section --------------------------------------------
run "$DIALDIFF" diff --stat 1 2
is "$OUT" "diff round 1 (2015-12-01) → round 2 (2016-06-14)
 Crime categories        | +1 -1 ~3 =0  similarity 0.60
 Network protection      | +1 -1 ~0 =0  similarity 0.00
 Cooperation mechanisms  | +5 -5 ~1 =0  similarity 0.09
 3 sections: 7 added, 7 dropped, 4 changed, 0 unchanged" "diff --stat: a line of counts per section"
run "$DIALDIFF" diff --stat --format markdown 1 2
like "$OUT" "^\| Cooperation mechanisms \| 5 \| 5 \| 1 \| 0 \| 0.09 \|$" "markdown --stat: the table of counts"
unlike "$OUT" "^####|➕|legend" "and no table of topics, no legend"
run "$DIALDIFF" diff --all --stat
is "$(printf '%s\n' "$OUT" | grep -c '^ 3 sections: ')" 3 "diff --all --stat: the totals of each pair"
run "$DIALDIFF" report --stat
is "$STATUS" 2 "report takes no --stat"

# ---- added and deleted rounds -----------------------------------------------
git_init -q . && commit "the record"
# review and log: the change to round 4 keeps one crime category unchanged
jq_edit $S/round-04.json '.topics."crime-categories" |= .[1:]'
commit "round 4: one crime category less"
for cmd in "review HEAD~1..HEAD" "log -n 1"; do
	run "$DIALDIFF" $cmd
	unlike "$OUT" "^= " "$cmd: no unchanged item by default"
	run "$DIALDIFF" $cmd -v
	like "$OUT" "^= " "$cmd -v lists unchanged items"
	run "$DIALDIFF" $cmd --all-items --format markdown
	like "$OUT" "^\| ＝ \| " "$cmd --all-items --format markdown too"
	run "$DIALDIFF" $cmd --stat
	like "$OUT" "^ Crime categories        \| \+0 -1 ~0 =3  similarity 0.75$" "$cmd --stat: the counts of a section"
	unlike "$OUT" "^- " "and no items"
done
git rm -q $S/round-04.json
commit "round 4 goes"
run "$DIALDIFF" review HEAD~1..HEAD
like "$OUT" "^diff round 4 \(2017-10-04\), deleted$" "text: a deleted round"
run "$DIALDIFF" review --format markdown HEAD~1..HEAD
like "$OUT" "^#### Round 4 \(deleted\)$" "markdown: Round 4 (deleted)"
like "$OUT" "^2017-10-04 · \`[0-9a-f]{7}:$S/round-04.json\`$" "with the deleted round's date and file"
mkdir dialogues/other
cp $S/series.json dialogues/other/series.json
jq_edit dialogues/other/series.json '.id = "other"'
jq '.series = "other" | .round = 1' $S/round-01.json > dialogues/other/round-01.json
jq '.round = 5 | .date = "2018-01-01"' $S/round-03.json > $S/round-05.json
commit "round 5 and another series come"
run "$DIALDIFF" review HEAD~1..HEAD
like "$OUT" "^diff round 1 \(2015-12-01\), new$" "text: a round with none before it is new"
like "$OUT" "^diff round 5 \(2018-01-01\), new, compared with round 3 \(2016-12-07\)$" \
	"text: a new round compared with the round before it on the same side"
unlike "$OUT" "\(none\)" "no side is called (none)"
run "$DIALDIFF" review --format markdown HEAD~1..HEAD
like "$OUT" "^#### Round 1 \(new\)$" "markdown: Round 1 (new)"
like "$OUT" "^#### Round 5 \(new\), compared with round 3$" "markdown: Round 5 (new), compared with round 3"
unlike "$OUT" "Round ([0-9]) → Round \\1$" "never Round N → Round N"

# ---- log --oneline -----------------------------------------------------------
run "$DIALDIFF" log --oneline
is "$STATUS" 0 "log --oneline: exit 0"
is "$(printf '%s\n' "$OUT" | wc -l)" 4 "a line per commit"
like "$OUT" "^[0-9a-f]{7} round 5 and another series come  dialogues/other/round-01.json \+11 -0 ~0, $S/round-05.json \+0 -0 ~0$" \
	"short id, subject, and each file's counts"
like "$OUT" "^[0-9a-f]{7} round 4 goes  $S/round-04.json \+0 -10 ~0$" "a deleted round: all dropped"
like "$OUT" "^[0-9a-f]{7} round 4: one crime category less  $S/round-04.json \+0 -1 ~0$" "a modified round"
is "$(printf '%s\n' "$OUT" | tail -1 | cut -c9-)" "the record  $S/round-01.json +11 -0 ~0, $S/round-02.json +7 -7 ~4, $S/round-03.json +5 -6 ~4, $S/round-04.json +4 -3 ~6" \
	"the first commit, oldest last"
run "$DIALDIFF" log --oneline --format markdown -n 1
like "$OUT" "^- \`[0-9a-f]{7}\` round 5 and another series come · \`dialogues/other/round-01.json\` \+11 -0 ~0, \`$S/round-05.json\` \+0 -0 ~0$" \
	"markdown: a list item per commit"
like "$OUT" "^1 commit changed round files$" "and the count"
run "$DIALDIFF" --format json log --oneline -n 1
is "$(printf '%s\n' "$OUT" | jq -r '.commits[0].files | length')" 2 "json is complete whatever --oneline says"

done_testing
