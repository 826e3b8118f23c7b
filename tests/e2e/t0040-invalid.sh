#!/bin/sh
# Every kind of invalid input: exit 2, a positioned message on stderr,
# nothing on stdout.
. "$(dirname "$0")/lib.sh"
bundled
R=dialogues/us-china-cybercrime/round-02.json
cp "$R" good.json

# bad FILE EXPECTED-STDERR-REGEX NAME
bad() {
	run "$DIALDIFF" diff 1 "$1"
	is "$STATUS" 2 "$3: exit 2"
	is "$OUT" "" "$3: nothing on stdout"
	like "$ERR" "$2" "$3: message"
}

printf '{"round": 1,\n  "round": 2}\n' > dup.json
bad dup.json '^dialdiff: dup\.json:2:3: duplicate key "round"' "duplicate key"

printf '{"a": 1} x\n' > trailing.json
bad trailing.json '^dialdiff: trailing\.json:1:10: trailing characters' "trailing garbage"

printf '{"a": "\377"}\n' > utf8.json
bad utf8.json '^dialdiff: utf8\.json:1:8: invalid UTF-8' "invalid UTF-8"

printf '{"a": "\300\257"}\n' > overlong.json
bad overlong.json '^dialdiff: overlong\.json:1:8: invalid UTF-8' "overlong UTF-8"

: > empty.json
bad empty.json '^dialdiff: empty\.json:1:1: ' "empty file"

printf '[1]\n' > array.json
bad array.json '^dialdiff: array\.json:1:1: a round file must be an object' "not an object"

sed 's/"round": 2,/"round": 2.0,/' good.json > float.json
line=$(grep -n '"round": 2.0' float.json | cut -d: -f1)
bad float.json "^dialdiff: float\\.json:$line:12: \"round\" must be a positive integer" "non-integral round number"

sed 's/"round": 2,/"round": 1e400,/' good.json > huge.json
bad huge.json "^dialdiff: huge\\.json:$line:12: \"round\" must be a positive integer" "1e400 as a round number"

sed 's/"round": 2,/"round": "2",/' good.json > string.json
bad string.json "^dialdiff: string\\.json:$line:12: \"round\" must be a positive integer" "a string as a round number"

sed 's/"date": "2016-06-14"/"date": "2016-02-30"/' good.json > date.json
dline=$(grep -n '"date": "2016-02-30"' date.json | cut -d: -f1)
bad date.json "^dialdiff: date\\.json:$dline:11: \"2016-02-30\" is not a valid date" "impossible date"

sed 's/"title": {/"title": [/; s/^  },$/  ],/' good.json > wrongtype.json
sed '0,/"title": {/s//"title": 7, "x": {/' good.json > wrongtype.json
tline=$(grep -n '"title": 7' wrongtype.json | cut -d: -f1)
bad wrongtype.json "^dialdiff: wrongtype\\.json:$tline:12: \"title\" must be an object, not a number" "wrong type"

sed '0,/"action": "[a-z]*"/s//"action": "triumphed"/' good.json > action.json
aline=$(grep -n '"triumphed"' action.json | cut -d: -f1)
acol=$(grep '"triumphed"' action.json | awk '{ print index($0, "\"triumphed\"") }')
bad action.json "^dialdiff: action\\.json:$aline:$acol: unknown action \"triumphed\"" "unknown action"

grep -v '"schema_version"' good.json > noversion.json
bad noversion.json '^dialdiff: noversion\.json:1:1: round has no "schema_version"' "missing required key"

printf '%s' '{"a":' > deep.json
i=0; while [ $i -lt 1100 ]; do printf '[' >> deep.json; i=$((i + 1)); done
bad deep.json '^dialdiff: deep\.json:1:[0-9]+: nesting deeper than 1000 levels' "nesting too deep"

mkdir folder.json
bad folder.json '^dialdiff: folder\.json: (is a folder|not a regular file)' "a folder where a file is expected"

mkfifo fifo.json
bad fifo.json '^dialdiff: fifo\.json: not a regular file' "a FIFO where a file is expected"

# a broken round inside the series stops every command that needs it
cp dup.json dialogues/us-china-cybercrime/round-05.json
run "$DIALDIFF" report
is "$STATUS" 2 "a broken round in the series: report exits 2"
is "$OUT" "" "and prints nothing on stdout"
like "$ERR" "^dialdiff: dialogues/us-china-cybercrime/round-05\\.json:2:3: duplicate key" "and names the file and position"
rm dialogues/us-china-cybercrime/round-05.json

# two files with the same round number
cp "$R" dialogues/us-china-cybercrime/copy.json
run "$DIALDIFF" list
is "$STATUS" 2 "a duplicate round number exits 2"
like "$ERR" "round 2 is also recorded in" "and says which files clash"
rm dialogues/us-china-cybercrime/copy.json

# a taxonomy pattern that does not compile
sed '0,/"patterns": \[/s//"patterns": ["(unclosed", /' dialogues/taxonomy.json > bad-taxonomy.json
run "$DIALDIFF" --taxonomy bad-taxonomy.json report
is "$STATUS" 2 "a bad pattern exits 2"
like "$ERR" '^dialdiff: bad-taxonomy\.json:[0-9]+:[0-9]+: pattern "\(unclosed" does not compile' "and names the pattern with its position"
is "$OUT" "" "and prints nothing on stdout"

done_testing
