#!/bin/sh
# Nothing raw reaches a terminal: escape sequences in round contents, file
# names and arguments come out of stderr and of --format github as '?',
# and a long message keeps its end.
. "$(dirname "$0")/lib.sh"

cp -R "$SRC_DIR/tests/fixtures/alt" dialogues
R=dialogues/trade-talks/round-02.json
jq '.topics.agenda[0].action = "\u001b]0;PWNED\u0007\u001b[2J\u001b]52;c;ZXZpbA==\u0007"' $R > x && mv x $R
esc=$(printf '\033')
bel=$(printf '\007')

run "$DIALDIFF" diff 1 2
is "$STATUS" 2 "a round with an escape sequence in an action: exit 2"
like "$ERR" 'unknown action "\?\]0;PWNED\?\?\[2J\?\]52;c;ZXZpbA==\?"' "stderr shows it with '?' for the controls"
is "$(printf '%s' "$ERR" | grep -c "$esc\|$bel")" 0 "and holds no ESC or BEL"
run "$DIALDIFF" check --format github
is "$(printf '%s' "$OUT" | grep -c "$esc\|$bel")" 0 "--format github holds no ESC or BEL either"
like "$OUT" "^::error file=$R,.*title=action::unknown action" "and still annotates the line"
run "$DIALDIFF" show "$(printf 'x\033[2Jy')"
is "$(printf '%s' "$ERR" | grep -c "$esc")" 0 "an argument echoed in a message is made harmless too"

# a label longer than a message holds: its end is kept
jq --arg l "$(printf '长%.0s' $(seq 1 1200))" '.topics.agenda[0] = {"label": {"zh": $l}}' $R > x && mv x $R
run "$DIALDIFF" --format json check
msg=$(printf '%s\n' "$OUT" | jq -r '[.diagnostics[] | select(.rule == "unclassified")][0].message')
like "$msg" 'matches no entry of section "agenda"$' "a long diagnostic keeps its end"
like "$msg" '…' "with … where it was cut"
is "$(printf '%s' "$msg" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; echo $?)" 0 "and is valid UTF-8"

done_testing
