#!/bin/sh
# What diff, review and log show: a section a round does not record, a
# changed note's old and new text.
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

done_testing
