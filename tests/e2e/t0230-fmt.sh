#!/bin/sh
# fmt: the bundled data is canonical; scrambled and compact files come out
# canonical; formatting is idempotent and keeps meaning; --check and
# --write; a file that does not parse; failures never leave a damaged file.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/check-lib.sh"
S=dialogues/us-china-cybercrime

fresh identity
run "$DIALDIFF" fmt --check
is "$STATUS:$OUT:$ERR" "0::" "fmt --check of the bundled data: exit 0, nothing listed"
mkdir -p not-a-record
run "$DIALDIFF" fmt --check not-a-record
is "$STATUS" 2 "fmt --check of a folder with no series and no taxonomy: exit 2, as check"
like "$ERR" "not-a-record: no series and no taxonomy here" "and says so"
rmdir not-a-record
for f in $TX $SJ $R1 $R2 $R3 $R4; do
	"$DIALDIFF" fmt $f > out.json
	if cmp -s out.json $f; then ok 0 "fmt $f is the file itself"; else ok 1 "fmt $f is the file itself"; diff -u $f out.json | head -10 | sed 's/^/#   /'; fi
done

# scrambled key order, compact layout: the canonical text again
fresh scrambled
reverse='to_entries | reverse | from_entries'
jq -c "$reverse | .topics |= map_values(map($reverse | .label |= ($reverse))) | .title |= ($reverse)" $R2 > scr.json
like "$(head -c 40 scr.json)" '^\{"topics":\{' "the scrambled round starts with topics, on one line"
run "$DIALDIFF" fmt scr.json
is "$STATUS" 0 "fmt FILE: exit 0"
printf '%s\n' "$OUT" > scr.out
if cmp -s scr.out $R2; then ok 0 "a scrambled compact round formats to the bundled file"; else ok 1 "a scrambled compact round formats to the bundled file"; diff -u $R2 scr.out | head -20 | sed 's/^/#   /'; fi
jq -cS . $TX > tx.json
mkdir s && jq -cS . $SJ > s/series.json
"$DIALDIFF" fmt tx.json | cmp -s - $TX
is "$?" 0 "a taxonomy with sorted keys formats to the bundled file"
"$DIALDIFF" fmt s/series.json | cmp -s - $SJ
is "$?" 0 "a series.json with sorted keys formats to the bundled file"
"$DIALDIFF" fmt scr.out | cmp -s - scr.out
is "$?" 0 "idempotent"

# unknown keys after the known ones, in document order; values as written
printf '{"zeta": {"b": 1, "a": [ ]}, "topics": {"s": [{"note": "x", "label": {"zh": "\\u4e2d", "en": "a\\/b\\u00e9"}, "n": 1.50}]}, "round": 1e0, "alpha": -0, "schema_version": 1}' > odd.json
run "$DIALDIFF" fmt odd.json
is "$OUT" '{
  "schema_version": 1,
  "round": 1e0,
  "topics": {
    "s": [
      {
        "label": {
          "en": "a/bé",
          "zh": "中"
        },
        "note": "x",
        "n": 1.50
      }
    ]
  },
  "zeta": {
    "b": 1,
    "a": []
  },
  "alpha": -0
}' "known keys in the schema's order, unknown keys after them in document order, numbers as written, UTF-8 unescaped"
printf '%s\n' "$OUT" > odd.out
is "$(jq -cS . odd.out)" "$(jq -cS . odd.json)" "the same values"
printf '[3, {"b": "\\t\\u0001"}, "x"]\r\n' > plain.json
run "$DIALDIFF" fmt plain.json
is "$OUT" '[
  3,
  {
    "b": "\t\u0001"
  },
  "x"
]' "any other JSON: document order, control characters escaped"

# --check and --write
fresh write
cp $R2 keep.json
jq -c . $R3 > x && mv x $R3
jq -S . $SJ > x && mv x $SJ
chmod 640 $R3
ino2=$(stat -c %i $R2)
run "$DIALDIFF" fmt --check
is "$STATUS" 1 "--check: exit 1 when a file differs"
is "$OUT" "$SJ
$R3" "--check lists the files that differ, in the order they are read"
run "$DIALDIFF" fmt --write
is "$STATUS:$OUT:$ERR" "0::" "--write: exit 0, quiet"
cmp -s $R3 "$SRC_DIR/$R3"
is "$?" 0 "--write: the compact round is canonical again"
cmp -s $SJ "$SRC_DIR/$SJ"
is "$?" 0 "--write: series.json too"
is "$(stat -c %a $R3)" 640 "--write keeps the file's mode"
is "$(stat -c %i $R2)" "$ino2" "--write leaves a formatted file alone"
is "$(ls -A $S | grep -c dialdiff)" 0 "--write leaves no temporary file"
run "$DIALDIFF" fmt --check
is "$STATUS:$OUT" "0:" "--check after --write: clean"
jq -c . $R1 > r1.json
ln -sf "$PWD/r1.json" link.json
run "$DIALDIFF" fmt --write link.json
is "$STATUS" 2 "--write does not write through a symbolic link"
like "$ERR" "link.json: left as it is: a symbolic link" "and says so"
test -L link.json
is "$?" 0 "the link stays a link"
is "$(cat r1.json)" "$(jq -c . $R1)" "and its target is untouched"
# a file a rename would part from its other name, or take from its mode
jq -c . $R1 > h1.json && ln h1.json h2.json
run "$DIALDIFF" fmt --write h1.json
is "$STATUS" 2 "--write leaves a file with another hard link"
like "$ERR" "h1.json: left as it is: it has other hard links" "and says why"
is "$(cat h2.json)" "$(jq -c . $R1)" "both names keep the same content"
jq -c . $R1 > ro.json && chmod 444 ro.json
run "$DIALDIFF" fmt --write ro.json
is "$STATUS:$(jq -c . $R1 | cmp -s - ro.json; echo $?)" "2:0" "--write leaves a read-only file, even for root"
like "$ERR" "ro.json: left as it is: read-only" "and says why"
cp $R1 ro2.json && chmod 444 ro2.json
run "$DIALDIFF" fmt --write ro2.json
is "$STATUS" 0 "a read-only file already formatted is fine"
rm -f h1.json h2.json ro.json ro2.json
# a file that would be over the size cap once formatted: dialdiff could
# not read it back
python3 -c 'import json; print(json.dumps({"round": 1, "topics": {"s": [{"label": {"en": "x"}}] * 600000}}, separators=(",", ":")))' > big.json
sum=$(cksum < big.json)
run "$DIALDIFF" fmt --write big.json
is "$STATUS" 2 "--write leaves a file that would be over the cap once formatted"
like "$ERR" "big.json: left as it is: formatted, it would be [0-9]+ bytes, over the cap of 16777216" "and says so"
is "$(cksum < big.json)" "$sum" "the file is untouched"
rm -f big.json

# a file that does not parse: a positioned message, exit 2, the others done
fresh broken
jq -c . $R2 > x && mv x $R2
jq -c . $R4 > x && mv x $R4
printf '{"round": 1,\n  "round": 2}\n' > $S/round-03.json
cp $S/round-03.json before.json
run "$DIALDIFF" fmt --check
is "$STATUS" 2 "--check with a broken file: exit 2"
is "$ERR" "dialdiff: $S/round-03.json:2:3: duplicate key \"round\"" "the message names the file and the position"
is "$OUT" "$R2
$R4" "the other files are still checked"
run "$DIALDIFF" fmt --write
is "$STATUS" 2 "--write with a broken file: exit 2"
run "$DIALDIFF" fmt --check $R2 $R4
is "$STATUS:$OUT" "0:" "the other files were still written"
cmp -s $S/round-03.json before.json
is "$?" 0 "the broken file is left as it was"
run "$DIALDIFF" fmt $S/round-03.json
is "$STATUS:$OUT" "2:" "fmt FILE of a broken file: exit 2, nothing on stdout"

# a file that vanished: an error for it, the others done
fresh vanished
jq -c . $R2 > x && mv x $R2
run "$DIALDIFF" fmt --write $R1 $S/round-09.json $R2
is "$STATUS" 2 "a missing file: exit 2"
like "$ERR" "^dialdiff: $S/round-09\\.json: cannot open: No such file or directory" "and says which"
cmp -s $R2 "$SRC_DIR/$R2"
is "$?" 0 "the file after it is still written"

# failures never leave a truncated or half-written file.  As root,
# permissions do not bind: drop the capability that overrides them.
unpriv=
if [ "$(id -u)" != 0 ]; then
	unpriv=env
elif setpriv --bounding-set=-dac_override,-dac_read_search true 2>/dev/null; then
	unpriv="setpriv --bounding-set=-dac_override,-dac_read_search"
fi
fresh readonly
jq -c . $R2 > x && mv x $R2
jq -c . $R3 > x && mv x $R3
cp $R2 before.json
chmod 555 $S
if [ -n "$unpriv" ]; then
	run $unpriv "$DIALDIFF" fmt --write
	is "$STATUS" 2 "a read-only folder: exit 2"
	like "$ERR" "^dialdiff: $S/round-02\\.json: cannot create a temporary file: Permission denied" "and says why"
	like "$ERR" "$S/round-03\\.json" "for every file it could not write"
	cmp -s $R2 before.json
	is "$?" 0 "the original is intact"
	is "$(ls -A $S | grep -c dialdiff)" 0 "no temporary file is left"
	chmod 755 $S
	chmod 000 $R3
	run $unpriv "$DIALDIFF" fmt --write
	is "$STATUS" 2 "an unreadable file: exit 2"
	like "$ERR" "^dialdiff: $S/round-03\\.json: cannot open: Permission denied" "and says which"
	chmod 644 $R3
	cmp -s $R2 "$SRC_DIR/$R2"
	is "$?" 0 "the other files are still written"
else
	ok 0 "# SKIP cannot drop root's override of permissions here"
fi
chmod 755 $S 2>/dev/null

# usage
fresh usage
for args in "fmt" "fmt --check --write" "fmt $R1 $R2" "fmt dialogues" "fmt --bogus"; do
	run "$DIALDIFF" $args
	is "$STATUS:$OUT" "2:" "$args: exit 2, nothing on stdout"
done
run "$DIALDIFF" fmt --check $S
is "$STATUS:$OUT" "0:" "fmt --check FOLDER: the files of that series"
cd "$WORK" && mkdir -p nothing && cd nothing
run "$DIALDIFF" fmt --check
is "$STATUS" 2 "no dialogues folder: exit 2"

done_testing
