#!/bin/sh
# list, show, timeline, help, --version; options and usage errors.
. "$(dirname "$0")/lib.sh"
bundled

for cmd in list "show 2" timeline; do
	name=$(echo "$cmd" | tr ' ' '-')
	for fmt in text markdown json; do
		run "$DIALDIFF" --format "$fmt" $cmd
		is "$STATUS" 0 "$cmd --format $fmt exits 0"
		cp .out "$name.$fmt"
		same_file "$name.$fmt" "$EXPECTED/$name.$fmt" "$cmd --format $fmt matches"
	done
done

for fmt in text markdown; do
	run "$DIALDIFF" --lang zh --format "$fmt" timeline
	is "$STATUS" 0 "timeline --lang zh --format $fmt exits 0"
	cp .out "timeline.zh.$fmt"
	same_file "timeline.zh.$fmt" "$EXPECTED/timeline.zh.$fmt" "timeline --lang zh --format $fmt matches"
done
run "$DIALDIFF" timeline
like "$OUT" '^Hotline +established +implemented +continued +retained +1–4 +4/4 +core$' "the text timeline shows actions in full"
like "$OUT" '^Timely responses to requests and cases .* +3/4 +dropped 2, re-added 3$' "the text timeline shows a gap"
like "$OUT" '^core set \(in all 4 rounds\): Child sexual abuse material, Fraud, Terrorism$' "the text timeline lists the core set"

run "$DIALDIFF" --format json list
is "$(printf '%s\n' "$OUT" | jq -r '.schema, (.series[0].rounds | length)' | tr '\n' ' ')" "dialdiff/list@1 4 " "list json: schema and four rounds"
run "$DIALDIFF" --format json show 4
is "$(printf '%s\n' "$OUT" | jq -r '[.sections[].items[] | select(.class != "matched")] | length')" 0 "every topic of round 4 is classified"
run "$DIALDIFF" --format json timeline
core=$(printf '%s\n' "$OUT" | jq -r '.sections[] | select(.id == "crime-categories") | .entries[] | select(.core) | .id' | tr '\n' ' ')
is "$core" "child-sexual-abuse-material fraud terrorism " "fraud, terrorism and child abuse material run through all rounds"
only() { printf '%s\n' "$OUT" | jq -r ".sections[].entries[] | select(.id == \"$1\") | .present | map(tostring) | join(\",\")"; }
is "$(only trade-secret-theft)" "1" "trade secrets only in round 1"
is "$(only firearms-trafficking)" "2" "firearms only in round 2"
is "$(only hacking)" "3,4" "hacking from round 3 on"

run "$DIALDIFF" diff --format json --lang zh 1 2
is "$(printf '%s\n' "$OUT" | jq -r .schema)" "dialdiff/diff@1" "output options are accepted after the command"
run "$DIALDIFF" diff 1 2 --format json
is "$(printf '%s\n' "$OUT" | jq -r .schema)" "dialdiff/diff@1" "options may follow the operands, as in git"
run "$DIALDIFF" show 2 --format json
is "$STATUS" 0 "show ROUND --format json"
run "$DIALDIFF" list --format markdown
like "$OUT" "^### us-china-cybercrime" "list --format markdown"
run "$DIALDIFF" show 1 --color sometimes
is "$STATUS" 2 "a bad output option after the command exits 2"

run "$DIALDIFF" --version
like "$OUT" '^dialdiff [0-9]+\.[0-9]+\.[0-9]+$' "--version"
run "$DIALDIFF" help
is "$STATUS" 0 "help exits 0"
like "$OUT" "diff" "help lists the commands"
run "$DIALDIFF" help diff
like "$OUT" "^usage: dialdiff \\[OPTIONS\\] diff" "help COMMAND shows its usage"
run "$DIALDIFF" diff --help
like "$OUT" "^usage: dialdiff \\[OPTIONS\\] diff" "COMMAND --help shows its usage"
run "$DIALDIFF" help nosuch
is "$STATUS" 2 "help for an unknown command exits 2"

run "$DIALDIFF" frobnicate
is "$STATUS" 2 "an unknown command exits 2"
like "$ERR" "^dialdiff: 'frobnicate' is not a dialdiff command" "and says so"
run "$DIALDIFF" --bogus
is "$STATUS" 2 "an unknown option exits 2"
like "$ERR" "unknown" "and says so"
run "$DIALDIFF" --format yaml report
is "$STATUS" 2 "an unknown format exits 2"
like "$ERR" "unknown format 'yaml'" "and names it"
run "$DIALDIFF" --lang fr report
is "$STATUS" 2 "an unknown language exits 2"
run "$DIALDIFF" --color sometimes report
is "$STATUS" 2 "a bad --color exits 2"
run "$DIALDIFF" show
is "$STATUS" 2 "show without a round exits 2"
like "$ERR" "usage: dialdiff" "and prints the usage"
run "$DIALDIFF" show 9
is "$STATUS" 2 "show of a missing round exits 2"
like "$ERR" "has no round 9" "and says the round is missing"
run "$DIALDIFF" diff 1 2 3
is "$STATUS" 2 "three rounds for diff exit 2"

mkdir sub && cd sub
run "$DIALDIFF" -C .. report
is "$STATUS" 0 "-C DIR runs in DIR"
run "$DIALDIFF" --dialogues ../dialogues list
is "$STATUS" 0 "--dialogues DIR"
cd ..
run "$DIALDIFF" -C /nonexistent report
is "$STATUS" 2 "-C to a missing folder exits 2"

mkdir empty && cd empty
run "$DIALDIFF" report
is "$STATUS" 2 "no dialogues folder exits 2"
like "$ERR" "dialogues" "and names the folder"
cd ..

done_testing
