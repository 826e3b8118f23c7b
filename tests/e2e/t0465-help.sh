#!/bin/sh
# Help you can learn from: dialdiff help CMD and CMD --help print CMD's
# section of the manual page (built in: no installation, no man needed):
# its synopsis as the usage line the command gives on a usage error, its
# options (every option of its getopt table), the round selectors it takes,
# and examples that run as written.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
dialdiff_on_path

sed -n 's/^	{ "\([a-z][a-z-]*\)", cmd_.*/\1/p' "$SRC_DIR/src/cli/dialdiff.c" > commands
"$DIALDIFF" completion bash > script.bash

# ---- help without a command --------------------------------------------------

run "$DIALDIFF" help
is "$STATUS" 0 "help exits 0"
missing=""
while read -r c; do
	printf '%s\n' "$OUT" | grep -q "^  $c  *[a-z]" || missing="$missing $c"
done < commands
is "$missing" "" "help lists every command with a line about it"
like "$OUT" "dialdiff help COMMAND" "and says how to learn more"
unlike "$OUT" "__complete" "but not the completions' helper"

# ---- every command's help ------------------------------------------------------

out_opts="--help --format --lang --color --colour --no-color --no-colour -h"
while read -r c; do
	run "$DIALDIFF" help "$c"
	help=$OUT
	is "$STATUS" 0 "help $c exits 0"
	run "$DIALDIFF" "$c" --help
	is "$OUT" "$help" "$c --help prints the same"
	run "$DIALDIFF" "$c" --no-such-option
	is "$(printf '%s\n' "$help" | head -n 1)" "$(printf '%s\n' "$ERR" | tail -n 1)" \
		"help $c: the synopsis is the usage line of its errors"
	like "$help" "^Examples:" "help $c has examples"
	like "$help" "^(dialdiff|git) .*$c" "which run $c (or have git run it)"
	# every option of its table (the output options aside: see OPTIONS)
	opts=$(bash -c '. ./script.bash; _dialdiff_options "$1"; echo $_dialdiff_o' sh "$c")
	missing=""
	for o in $opts; do
		o=${o%%=*}
		case " $out_opts " in *" $o "*) continue ;; esac
		printf '%s\n' "$help" | grep -q -- "$o\\([ ,]\\|$\\)" || missing="$missing $o"
	done
	is "$missing" "" "help $c describes every option of $c"
	# the formats it names are those its --format takes
	formats=$(printf '%s\n' "$opts" | tr ' ' '\n' | sed -n 's/^--format=list://p' |
		tr ',' '\n' | sort | tr '\n' ' ')
	named=$(printf '%s\n' "$help" | sed -n 's/^Formats: //p' | sed 's/ (.*//; s/\.$//' |
		tr -d ',' | tr ' ' '\n' | sort | tr '\n' ' ')
	is "$named" "$formats" "help $c names the formats it takes"
done < commands
for c in show diff; do
	run "$DIALDIFF" help $c
	like "$OUT" "^ROUND SELECTORS" "help $c explains the round selectors"
	like "$OUT" "^N@REV " "with N@REV"
done
for c in review log; do
	run "$DIALDIFF" help $c
	like "$OUT" "A\\.\\.B" "help $c explains its revisions"
done

run "$DIALDIFF" help __complete
is "$STATUS" 0 "a command without a section of the page"
like "$OUT" "^usage: dialdiff \\[OPTIONS\\] __complete" "gets its usage line"
run "$DIALDIFF" help nosuch
is "$STATUS" 2 "help of an unknown command: exit 2"
like "$ERR" "^dialdiff: 'nosuch' is not a dialdiff command or help topic \\(.*round-selectors" "and says so, with the topics"
is "$OUT" "" "nothing on stdout"

# topics: the other sections of the page
run "$DIALDIFF" help
like "$OUT" "^  .*round-selectors" "help lists the topics"
for t in round-selectors exit-status formats options environment; do
	run "$DIALDIFF" help $t
	is "$STATUS" 0 "help $t exits 0"
	like "$OUT" "^$(printf '%s' "$t" | tr 'a-z-' 'A-Z ')\$" "help $t prints its section"
done
run "$DIALDIFF" help commands
is "$STATUS" 2 "COMMANDS is no topic: each command has its help"

# no man, no installation: the page is in the binary
# a PATH without man (but with what a test wrapper such as valgrind's needs)
mkdir noman
for t in valgrind sh; do
	w=$(command -v $t) && ln -s "$w" noman/$t && ln -s "$w.bin" noman/$t.bin
done
run env PATH="$PWD/noman" "$DIALDIFF" help review
is "$STATUS" 0 "help works without man on PATH"
like "$OUT" "^usage: dialdiff \\[OPTIONS\\] review" "and prints the section"

# the same text as man shows, where man is installed
if command -v man >/dev/null 2>&1; then
	for c in diff log check; do
		MANWIDTH=80 man -l "$SRC_DIR/docs/dialdiff.1" 2>/dev/null |
			sed -n "/^   $c\$/,/^   [a-z-]*\$/p" | sed '1d;$d' |
			tr -s ' \n' '  ' > man.txt
		"$DIALDIFF" help $c | sed '1,2d' | sed '/^ROUND SELECTORS$/,$d' |
			tr -s ' \n' '  ' > help.txt
		# the synopsis aside (one line in help, wrapped by man)
		grep -qF -- "$(sed 's/^ *//; s/ *$//' help.txt)" man.txt
		ok $? "help $c is the text man shows"
	done
else
	echo "ok $((_n + 1)) # skip man is not installed"; _n=$((_n + 1))
fi

# ---- the examples run as written -------------------------------------------------

git_init
bundled
mkdir keep
mv dialogues/us-china-cybercrime/round-03.json dialogues/us-china-cybercrime/round-04.json keep/
commit "rounds 1 and 2"
mv keep/round-03.json dialogues/us-china-cybercrime/
commit "round 3"
mv keep/round-04.json dialogues/us-china-cybercrime/
commit "round 4"
rmdir keep
git branch feature
# the source text extract's examples read
printf '1. Cooperation on hacking and fraud cases.\n2. Online sale of firearms.\n' > summary.txt
failed=""
n=0
while read -r c; do
	case $c in completion|help|textconv|diff-driver|merge-driver) continue ;; esac
	"$DIALDIFF" help "$c" | sed -n '/^Examples:$/,$p' | grep '^dialdiff ' |
		sed 's/  *#.*$//' > examples
	while read -r line; do
		n=$((n + 1))
		sh -c "$line" > /dev/null 2> example.err
		rc=$?
		if [ "$rc" -gt 1 ] || grep -q "usage\\|unknown" example.err; then
			failed="$failed [$line: $rc $(head -n 1 example.err)]"
		fi
	done < examples
	git checkout -q -- . 2>/dev/null	# fmt --write and git-setup change files
done < commands
test "$n" -ge 30
ok $? "the examples of the commands ($n)"
is "$failed" "" "run as written"

done_testing
