#!/bin/sh
# check: a fixture for every rule of docs/rules.md, each a broken copy of
# the bundled data, asserted by rule id, file, line and column in every
# format (text, json, github, junit, sarif, markdown) and by exit status.
# Positions come from tests/e2e/jpos.py, which finds JSON values
# independently of dialdiff.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/check-lib.sh"
S=dialogues/us-china-cybercrime
CC='.topics["crime-categories"]'

# ---- the bundled data is clean ----------------------------------------
fresh clean
run "$DIALDIFF" check
is "$STATUS" 0 "bundled data: exit 0"
is "$OUT" "6 files checked: no problems found" "bundled data: no diagnostics"
is "$ERR" "" "bundled data: nothing on stderr"
for fmt in json sarif; do
	run "$DIALDIFF" check --format $fmt
	is "$STATUS" 0 "bundled data, $fmt: exit 0"
	is "$(printf '%s\n' "$OUT" | jq '[.diagnostics // .runs[0].results] | .[0] | length')" 0 "bundled data, $fmt: no diagnostics"
done
run "$DIALDIFF" check --format github
is "$STATUS:$OUT" "0:" "bundled data, github: no annotations"
run "$DIALDIFF" check --strict
is "$STATUS" 0 "bundled data: clean with --strict too"
run "$DIALDIFF" check --max-size 1M
is "$STATUS" 0 "bundled data: every file under 1 MiB"

# ---- files and JSON ----------------------------------------------------
fresh file
expect_diag error file $S/round-09.json - - $S/round-09.json
fresh no-taxonomy
rm $TX
expect_diag error file $TX - -
fresh nothing
rm -r dialogues/*
expect_diag error file dialogues - -
mkdir elsewhere
expect_diag error file elsewhere - - elsewhere

fresh file-size
truncate -s 17M $R3		# sparse: over the default cap of 16 MiB
expect_diag error file-size $R3 - -
fresh max-size
expect_diag error file-size $R4 - - --max-size 5K
run "$DIALDIFF" check --max-size 64KiB
is "$STATUS" 0 "--max-size 64KiB: every bundled file is under it"

fresh json-syntax
printf '{"schema_version": 1,\n  "round": 5,\n  "series": "x"\n  "date": "2020-01-01"}\n' > $S/round-05.json
expect_diag error json-syntax $S/round-05.json 4 3
fresh trailing
printf '{"round": 5} x\n' > $S/round-05.json
expect_diag error json-syntax $S/round-05.json 1 14

fresh duplicate-key
printf '{"round": 1,\n  "round": 2}\n' > $S/round-05.json
expect_diag error duplicate-key $S/round-05.json 2 3

fresh invalid-utf8
printf '{"a": "\377"}\n' > $S/round-05.json
expect_diag error invalid-utf8 $S/round-05.json 1 8
fresh overlong
printf '{"a": "\300\257"}\n' > $S/round-05.json
expect_diag error invalid-utf8 $S/round-05.json 1 8
fresh nul
printf '{"a": "x\000y"}\n' > $S/round-05.json
expect_diag error invalid-utf8 $S/round-05.json 1 9
fresh escaped-nul
printf '{"a": "x\\u0000"}\n' > $S/round-05.json
expect_diag error invalid-utf8 $S/round-05.json 1 9

fresh nesting-depth
{ printf '{"a":'; i=0; while [ $i -lt 1100 ]; do printf '['; i=$((i + 1)); done; } > $S/round-05.json
# the object is level 1, so the 1000th '[' (column 5 + 1000) is level 1001
expect_diag error nesting-depth $S/round-05.json 1 1005

fresh merge-conflict
# a line changed on two branches and merged by git: its markers
awk 'NR == 12 { print "<<<<<<< HEAD" } { print }
     NR == 12 { print "======="; print; print ">>>>>>> other" }' $R2 > $R2.new && mv $R2.new $R2
expect_diag error merge-conflict $R2 12 1
expect_diag error merge-conflict $R2 14 1
expect_diag error merge-conflict $R2 16 1
run "$DIALDIFF" check
is "$(printf '%s\n' "$OUT" | grep -c 'merge-conflict')" 3 "merge-conflict: one diagnostic per marker line"
unlike "$OUT" "json-syntax" "merge-conflict: not json-syntax"

# ---- file format ---------------------------------------------------------
fresh type
jedit $R2 '.title = 7'
expect_at error type $R2 /title

fresh required
jedit $R2 'del(.date)'
expect_diag error required $R2 1 1

fresh unknown-key
jedit $R3 '. + {"extra": 1}'
expect_at warning unknown-key $R3 /extra --key
WANT_STATUS=1 expect_diag warning unknown-key $R3 $(jpos $R3 /extra --key) --strict

fresh schema-version
jedit $R2 '.schema_version = 2'
expect_at error schema-version $R2 /schema_version

# ---- series and rounds ---------------------------------------------------
fresh series-file
mkdir dialogues/new-series
cp $R1 dialogues/new-series/round-01.json
expect_diag error series-file dialogues/new-series/series.json - -

fresh series-mismatch
jedit $R2 '.series = "elsewhere"'
expect_at error series-mismatch $R2 /series
fresh series-id
jedit $SJ '.id = "elsewhere"'
expect_at error series-mismatch $SJ /id

fresh round-number
sed 's/"round": 2,/"round": 2.0,/' $R2 > x && mv x $R2
expect_at error round-number $R2 /round
fresh round-zero
jedit $R2 '.round = 0'
expect_at error round-number $R2 /round
fresh round-string
jedit $R2 '.round = "2"'
expect_at error round-number $R2 /round

fresh round-duplicate
cp $R2 $S/round-05.json
expect_at error round-duplicate $S/round-05.json /round

fresh date
jedit $R2 '.date = "2016-02-30"'
expect_at error date $R2 /date
fresh date-format
jedit $R2 '.date = "14 June 2016"'
expect_at error date $R2 /date

fresh date-order
jedit $R3 '.date = "2016-01-01"'
expect_at error date-order $R3 /date

# ---- topics ----------------------------------------------------------------
fresh unknown-section
jedit $R2 '.topics |= with_entries(if .key == "crime-categories" then .key = "crimes" else . end)'
expect_at error unknown-section $R2 /topics/crimes --key

fresh unknown-id
jedit $R2 "$CC[0].id = \"no-such-entry\""
expect_at error unknown-id $R2 /topics/crime-categories/0/id

fresh unclassified
jedit $R2 "$CC[0].label = {\"en\": \"Zzyzx quux\"}"
expect_at error unclassified $R2 /topics/crime-categories/0/label

fresh ambiguous
jedit $TX '.sections[0].entries += [{"id": "dissemination", "name": {"en": "Dissemination"}, "patterns": ["dissemination"]}]'
expect_at error ambiguous $R2 /topics/crime-categories/0/label

fresh duplicate-item
jedit $R2 "$CC += [$CC[0]]"
last=$(jq "$CC | length - 1" $R2)
expect_at error duplicate-item $R2 /topics/crime-categories/$last

fresh empty-label
jedit $R2 "$CC[0].label = {\"en\": \" \"}"
expect_at error empty-label $R2 /topics/crime-categories/0/label/en
fresh no-label-text
jedit $R2 "$CC[0].label = {}"
expect_at error empty-label $R2 /topics/crime-categories/0/label

fresh action
jedit $R2 '.topics["network-protection"][0].action = "triumphed"'
expect_at error action $R2 /topics/network-protection/0/action

# ---- taxonomy --------------------------------------------------------------
fresh taxonomy-pattern
jedit $TX '.sections[0].entries[0].patterns[0] = "(unclosed"'
p=$(jpos $TX /sections/0/entries/0/patterns/0)
# the column of the error inside the pattern: after its 9 characters
expect_diag error taxonomy-pattern $TX ${p% *} $((${p#* } + 10))
run "$DIALDIFF" check
like "$OUT" 'pattern "\(unclosed" does not compile: missing closing parenthesis at column 10' "the message names the pattern and the column in it"

fresh taxonomy-duplicate
jedit $TX '.sections[0].entries += [.sections[0].entries[0]]'
expect_at error taxonomy-duplicate $TX /sections/0/entries/6/id

fresh match-limit
jedit $TX '.sections[0].entries[0].patterns = ["^(a+)+$"] + .sections[0].entries[0].patterns'
jedit $R2 "$CC[0].label = {\"en\": \"$(printf 'a%.0s' $(seq 1 60))b\"}"
expect_at error match-limit $R2 /topics/crime-categories/0/label
run "$DIALDIFF" check
like "$OUT" 'pattern "\^\(a\+\)\+\$" of entry "child-sexual-abuse-material" hit the match limit' "the message names the pattern and the entry"

# ---- every problem in one run, file after file -----------------------------
fresh many
printf '{"round": 1,\n  "round": 2}\n' > $S/round-00.json
jedit $R2 '.date = "2016-02-30"'
jedit $R4 '. + {"extra": 1}'
jedit $TX '.sections[0].entries[0].patterns[0] = "(unclosed"'
run "$DIALDIFF" check
is "$STATUS" 1 "several broken files: exit 1"
is "$(printf '%s\n' "$OUT" | sed 's/:.*\[/ [/')" "dialogues/taxonomy.json [taxonomy-pattern]
$S/round-00.json [duplicate-key]
$S/round-02.json [date]
$S/round-04.json [unknown-key]
7 files checked: 3 errors, 1 warning" "every problem, file after file, in the order the files are read"
unlike "$OUT" "unclassified" "a broken taxonomy classifies nothing, and says nothing about labels"

# ---- when check cannot run: exit 2, nothing on stdout ----------------------
cd "$WORK" && mkdir -p empty && cd empty
run "$DIALDIFF" check
is "$STATUS" 2 "no dialogues folder: exit 2"
like "$ERR" "^dialdiff: dialogues: no dialogues folder here" "and says so"
is "$OUT" "" "and prints nothing on stdout"
fresh usage
for args in "check --bogus" "check --max-size 12Q" "check --max-size 0" "--series nosuch check" "--format html check"; do
	run "$DIALDIFF" $args
	is "$STATUS:$OUT" "2:" "$args: exit 2, nothing on stdout"
done
run "$DIALDIFF" --format sarif diff 1 2
is "$STATUS" 2 "sarif is a format of check only"
like "$ERR" "format 'sarif' does not apply to 'diff'" "and says so"

done_testing
