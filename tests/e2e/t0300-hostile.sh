#!/bin/sh
# Hostile input: limits, odd bytes, odd numbers, odd files, symlink loops, a
# pattern that backtracks catastrophically.  Each gets a clear message and
# exit 2 (with nothing on stdout), or, where the input is merely odd, is
# handled without hanging.  (t0040 covers the common invalid files.)
. "$(dirname "$0")/lib.sh"
bundled
S=dialogues/us-china-cybercrime
R=$S/round-02.json

# bad FILE EXPECTED-STDERR-REGEX NAME: `diff 1 FILE` must fail cleanly
bad() {
	run "$DIALDIFF" diff 1 "$1"
	is "$STATUS" 2 "$3: exit 2"
	is "$OUT" "" "$3: nothing on stdout"
	like "$ERR" "$2" "$3: message"
}

# ---- size and nesting ------------------------------------------------------

truncate -s 17M big.json
bad big.json '^dialdiff: big\.json: file is 17825792 bytes, over the size cap of 16777216 bytes$' "a file over the size cap"

# nesting: 1000 levels (the root object and 999 arrays) are allowed, 1001 not
nest() {
	i=0 open="" close=""
	while [ $i -lt "$1" ]; do open="$open[" close="$close]"; i=$((i + 1)); done
	sed "0,/\"topics\": {/s//\"deep\": $open$close, \"topics\": {/" "$R" > "$2"
}
nest 999 deep999.json
run "$DIALDIFF" diff 1 deep999.json
is "$STATUS" 0 "1000 levels of nesting are accepted"
nest 1000 deep1000.json
line=$(grep -n '"deep"' deep1000.json | cut -d: -f1)
bad deep1000.json "^dialdiff: deep1000\\.json:$line:[0-9]+: nesting deeper than 1000 levels" "1001 levels of nesting"

# too many values: 8 million in 16 MiB ("[0,0,...]", just under the size
# cap) would take 1.4 GB of nodes; the reader stops at DD_JSON_MAX_VALUES
# (4194304: the array and 4194303 zeros) at the next value's position.
zeros() { # N FILE: an array of N zeros, padded with spaces to 16 MiB
	awk -v n="$1" 'BEGIN { s = "0,"; while (length(s) < 2 * n) s = s s
		printf "[%s0]", substr(s, 1, 2 * (n - 1))
		for (i = 2 * n + 1; i < 16777216; i++) printf " " }' > "$2"
}
zeros 8388607 zeros.json
is "$(wc -c < zeros.json | tr -d ' ')" 16777216 "the file of zeros is at the size cap"
bad zeros.json '^dialdiff: zeros\.json:1:8388608: too many values \(more than 4194304\)$' "8 million values"
zeros 4194304 over.json
bad over.json '^dialdiff: over\.json:1:8388608: too many values \(more than 4194304\)$' "one value over the cap"
if [ -z "${DD_VALGRIND-}" ]; then	# 740 MB: too slow under valgrind
	zeros 4194303 at.json
	run "$DIALDIFF" fmt --check at.json
	is "$STATUS:$OUT:$ERR" "1:at.json:" "4194304 values (the cap) are read (and are not formatted)"
else
	ok 0 "# skip 4194304 values under valgrind (740 MB)"
fi

# big but valid: a label of 1 MiB, and 50000 topics in one section
awk 'BEGIN { printf "{\"schema_version\": 1, \"series\": \"us-china-cybercrime\", \"round\": 7, \"date\": \"2020-01-01\", \"title\": {\"en\": \"Long\"}, \"topics\": {\"crime-categories\": [{\"label\": {\"en\": \"Online fraud "
	for (i = 0; i < 1048576; i++) printf "x"
	printf "\"}}]}}\n" }' > long-label.json
run "$DIALDIFF" --format json diff 1 long-label.json
is "$STATUS" 0 "a label of 1 MiB: diff exits 0"
is "$(printf '%s\n' "$OUT" | jq '[.. | strings | length] | max')" 1048589 "and keeps the label whole"
awk 'BEGIN { printf "{\"schema_version\": 1, \"series\": \"us-china-cybercrime\", \"round\": 7, \"date\": \"2020-01-01\", \"title\": {\"en\": \"Many\"}, \"topics\": {\"crime-categories\": ["
	for (i = 0; i < 50000; i++) printf "%s{\"label\": {\"en\": \"topic %d\"}}", i ? "," : "", i
	printf "]}}\n" }' > many.json
start=$(date +%s)
run "$DIALDIFF" --format json diff 1 many.json
end=$(date +%s)
is "$STATUS" 0 "50000 topics: diff exits 0"
is "$(printf '%s\n' "$OUT" | jq '.summary.added')" 50000 "and adds them all"
is "$((end - start < 60))" 1 "without a quadratic blow-up (even under valgrind)"

# ---- bytes -----------------------------------------------------------------

printf '{"a": "x\000y"}\n' > nul-in-string.json
bad nul-in-string.json '^dialdiff: nul-in-string\.json:1:9: control character in string' "a NUL byte in a string"

printf '{"a": 1}\000\n' > nul-after.json
bad nul-after.json '^dialdiff: nul-after\.json:1:9: trailing characters after the JSON value' "a NUL byte after the value"

printf '\000{"a": 1}\n' > nul-first.json
bad nul-first.json '^dialdiff: nul-first\.json:1:1: unexpected character U\+0000' "a NUL byte first"

printf '{"a": "\\u0000"}\n' > u0000.json
bad u0000.json '^dialdiff: u0000\.json:1:8: \\u0000 in a string is not supported' "an escaped NUL"

printf '\357\273\277' > bom.json
cat "$R" >> bom.json
bad bom.json '^dialdiff: bom\.json:1:1: byte order mark \(BOM\) at the start of the file is not allowed' "a UTF-8 BOM"

printf '\377\376{\000}\000' > utf16.json
bad utf16.json '^dialdiff: utf16\.json:1:1: invalid UTF-8 \(the file looks like UTF-16\)' "UTF-16"

printf '{"a": "\355\240\200"}\n' > surrogate.json
bad surrogate.json '^dialdiff: surrogate\.json:1:8: invalid UTF-8' "an encoded surrogate"

printf '{"a": "\364\220\200\200"}\n' > beyond.json
bad beyond.json '^dialdiff: beyond\.json:1:8: invalid UTF-8' "a code point beyond U+10FFFF"

printf '{"a": "\340\200\257"}\n' > overlong3.json
bad overlong3.json '^dialdiff: overlong3\.json:1:8: invalid UTF-8' "an overlong three-byte form"

printf '{"a": "\344\270' > truncated.json
bad truncated.json '^dialdiff: truncated\.json:1:8: invalid UTF-8' "a sequence cut by the end of the file"

printf '{"a": "\\ud800"}\n' > lone.json
bad lone.json '^dialdiff: lone\.json:1:8: invalid \\u escape \(lone surrogate\)' "an escaped lone surrogate"

printf '{"\344\270\255": 1, "\344\270\255": 2}\n' > dupcjk.json
bad dupcjk.json '^dialdiff: dupcjk\.json:1:10: duplicate key "中"' "a duplicate key, columns in characters"

printf '{"\\u4e2d": 1, "\344\270\255": 2}\n' > dupesc.json
bad dupesc.json '^dialdiff: dupesc\.json:1:15: duplicate key "中"' "a duplicate key written once escaped"

# ---- numbers where an integer is wanted -------------------------------------

num() {	# num VALUE NAME
	sed "s/\"round\": 2,/\"round\": $1,/" "$R" > num.json
	line=$(grep -n '"round": ' num.json | head -1 | cut -d: -f1)
	bad num.json "^dialdiff: num\\.json:$line:12: \"round\" must be a positive integer" "$2"
}
num -0 "-0 as a round number"
num 0 "0 as a round number"
num -2 "a negative round number"
num 2e0 "2e0 as a round number"
num 9223372036854775808 "a round number beyond 64 bits"
num -1e400 "-1e400 as a round number"
num 1000000001 "a round number over the limit"
num true "a boolean as a round number"

sed 's/"schema_version": 1,/"schema_version": 1.0,/' "$R" > version.json
bad version.json '^dialdiff: version\.json:2:21: unsupported schema_version' "1.0 as the schema version"

# ---- empty files, folders, FIFOs, symlinks -----------------------------------

printf ' \n\t\r\n' > blank.json
bad blank.json '^dialdiff: blank\.json:1:1: empty file' "a file of white space"

mkdir -p dir.json
run "$DIALDIFF" --taxonomy dir.json diff 1 2
is "$STATUS" 2 "a folder as the taxonomy: exit 2"
like "$ERR" '^dialdiff: dir\.json: is a folder, not a file$' "a folder as the taxonomy: message"

mkfifo fifo-taxonomy.json
run "$DIALDIFF" --taxonomy fifo-taxonomy.json diff 1 2
is "$STATUS" 2 "a FIFO as the taxonomy: exit 2, without blocking"
like "$ERR" '^dialdiff: fifo-taxonomy\.json: not a regular file$' "a FIFO as the taxonomy: message"

printf 'x' > plain-file
run "$DIALDIFF" --dialogues plain-file report
is "$STATUS" 2 "a file as the dialogues folder: exit 2"
like "$ERR" '^dialdiff: plain-file: a file, not a dialogues folder here' "a file as the dialogues folder: message"

ln -s loop.json loop.json
bad loop.json '^dialdiff: loop\.json: cannot open: Too many levels of symbolic links$' "a symlink loop as a round file"

# inside dialogues/: a looping link, a link to its own folder, a FIFO and a
# link that loops where a round file would be are passed over, not followed
# forever or blocked on
ln -s self dialogues/self
ln -s . dialogues/cycle
ln -s ../.. "$S/up"
ln -s round-99.json "$S/round-99.json"
mkfifo "$S/round-98.json"
run "$DIALDIFF" list
is "$STATUS" 0 "symlink loops and a FIFO under dialogues/: list exits 0"
like "$OUT" "round-04\\.json" "and lists the rounds"
run "$DIALDIFF" --format json report
is "$STATUS" 0 "and report exits 0"
is "$(printf '%s\n' "$OUT" | jq '.rounds | length')" 4 "with the four rounds"
rm dialogues/self dialogues/cycle "$S/up" "$S/round-99.json" "$S/round-98.json"

run "$DIALDIFF" diff 1 99999999999
is "$STATUS" 2 "a round number too long to be one: exit 2"
like "$ERR" "^dialdiff: 99999999999: not a round number, SERIES/N or an existing file" "and says what it expected"

# ---- a pattern that backtracks catastrophically ----------------------------

cat > slow-taxonomy.json <<'EOF'
{"schema_version": 1, "sections": [
 {"id": "crime-categories", "title": {"en": "Crimes"}, "entries": [
  {"id": "slow", "name": {"en": "Slow"}, "patterns": ["^(a+)+$"]},
  {"id": "fraud", "name": {"en": "Fraud"}, "patterns": ["fraud"]}]}]}
EOF
long=$(printf 'a%.0s' $(seq 1 60))
sed "0,/\"en\": \"Online fraud[^\"]*\"/s//\"en\": \"${long}b\"/" "$R" > slow-round.json
start=$(date +%s)
run "$DIALDIFF" --taxonomy slow-taxonomy.json show slow-round.json
end=$(date +%s)
is "$STATUS" 0 "a catastrophic pattern: show still runs"
is "$((end - start < 10))" 1 "and ends quickly (the match limit)"
like "$OUT" "${long}b.*! error" "and marks the label it could not match"

done_testing
