#!/bin/sh
# Shell completions (dialdiff completion bash|zsh|fish): every command and
# every option of the sources is in all three scripts; bash completes
# commands, options, --format values, series, rounds and revisions (the
# script is sourced and its function called with COMP_WORDS/COMP_CWORD
# set); zsh and fish parse it, and complete through it where they run.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
dialdiff_on_path

for sh in bash zsh fish; do
	run "$DIALDIFF" completion $sh
	is "$STATUS" 0 "completion $sh exits 0"
	printf '%s\n' "$OUT" > "script.$sh"
done
run "$DIALDIFF" completion tcsh
is "$STATUS" 2 "completion of an unknown shell: exit 2"
like "$ERR" "^dialdiff: no completion for 'tcsh': bash, zsh or fish" "and says which there are"
run "$DIALDIFF" completion
is "$STATUS" 2 "completion without a shell: exit 2"

# ---- one source: what the sources hold is in every script -----------------

# the commands of the table (not the hidden __complete), and every long
# option of every getopt table under src/cli/
sed -n 's/^	{ "\([a-z][a-z-]*\)", cmd_.*/\1/p' "$SRC_DIR/src/cli/dialdiff.c" > commands
grep -ho '{ "[a-z][a-z-]*", *\(no\|required\|optional\)_argument' \
	"$SRC_DIR"/src/cli/*.c "$SRC_DIR/src/cli/cli.h" |
	sed 's/^{ "\([^"]*\)".*/\1/' | sort -u > options
test "$(wc -l < commands)" -ge 15
ok $? "the command table lists the commands ($(wc -l < commands))"
test "$(wc -l < options)" -ge 20
ok $? "the getopt tables list the options ($(wc -l < options))"
# in_all LIST RE FISH-RE NAME: each word of file LIST, put for % in RE
# (in bash and zsh) or FISH-RE, is found in the three scripts
in_all() {
	missing=""
	while read -r w; do
		for sh in bash zsh fish; do
			re=$2
			[ $sh = fish ] && re=$3
			grep -q -- "$(printf '%s' "$re" | sed "s/%/$w/g")" script.$sh ||
				missing="$missing $sh:$w"
		done
	done < "$1"
	is "$missing" "" "$4"
}
in_all commands '\<%\>' '-a % ' "every command is in the three scripts"
in_all options "--%[ =']" '-l %\( \|$\)' "every long option is in the three scripts"
unlike "$(grep '^_dialdiff_commands=' script.bash)" "__complete" \
	"the hidden helper is not offered as a command"

# ---- bash ------------------------------------------------------------------

cat > comp.bash <<'EOF'
# comp.bash SCRIPT WORD...: the completions of the last word, one a line
. "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMPREPLY=()
_dialdiff
printf '%s\n' "${COMPREPLY[@]}"
EOF
# comp WORD...: COMPREPLY in $GOT, space-separated; stderr in $ERR
comp() {
	run bash "$WORK/comp.bash" "$WORK/script.bash" dialdiff "$@"
	GOT=$(printf '%s\n' "$OUT" | tr '\n' ' ' | sed 's/ *$//')
}
bundled

comp ''
is "$(printf '%s\n' $GOT | sort)" "$(sort commands)" "bash: the commands"
comp di
is "$GOT" "diff diff-driver" "bash: commands by prefix"
comp diff --f
is "$GOT" "--fail-on --format" "bash: a command's options"
comp diff --a
is "$GOT" "--all --all-items" "bash: diff's own options"
comp log -
like "$GOT" "(^| )-n( |$)" "bash: short options too"
like "$GOT" "--first-parent" "bash: log's options"
unlike "$GOT" "--all( |$)" "bash: not another command's"
comp --d
is "$GOT" "--dialogues --dir" "bash: global options before the command"
comp diff --format ''
is "$GOT" "text markdown json html csv csv-excel" "bash: --format values of diff"
comp check --format ''
is "$GOT" "text markdown json github junit sarif" "bash: --format values of check"
comp review --format ''
is "$GOT" "text markdown json csv csv-excel" "bash: --format values of review"
comp extract --format ''
is "$GOT" "round json text" "bash: a command's own --format values (extract)"
comp --format ''
is "$GOT" "text markdown json html csv csv-excel github junit sarif" "bash: every format before the command"
comp diff --format = m
is "$GOT" "markdown" "bash: --format=VALUE as bash splits it"
comp diff --format=j
is "$GOT" "--format=json" "bash: --format=VALUE in one word"
comp diff --format json --st
is "$GOT" "--stat" "bash: an option after an option's value"
comp diff --fail-on d
is "$GOT" "dropped" "bash: --fail-on conditions"
comp --lang ''
is "$GOT" "en zh" "bash: --lang values"
comp show --color a
is "$GOT" "auto always" "bash: --color values"
comp help ''
is "$(printf '%s\n' $GOT | grep -xFf commands | sort)" "$(sort commands)" "bash: help takes a command"
comp help round
is "$GOT" "round-selectors" "bash: or a help topic"
comp completion ''
is "$GOT" "bash zsh fish" "bash: completion takes a shell"
comp report ''
is "$GOT" "" "bash: nothing for a command without operands"
comp log -n ''
is "$GOT" "" "bash: nothing for a number"

comp show ''
is "$GOT" "1 2 3 4" "bash: round numbers of the record"
is "$ERR" "" "bash: nothing on stderr"
comp diff 1 ''
is "$GOT" "1 2 3 4" "bash: the second round too"
comp diff -v 3 --stat ''
is "$GOT" "1 2 3 4" "bash: after options"
comp show u
is "$GOT" "us-china-cybercrime/" "bash: SERIES/ for a word that is no number"
comp show us-china-cybercrime/
is "$GOT" "us-china-cybercrime/1 us-china-cybercrime/2 us-china-cybercrime/3 us-china-cybercrime/4" "bash: SERIES/N"
comp show dialogues/us-china-cybercrime/round-0
like "$GOT" "round-01.json" "bash: a round file"
comp --series ''
is "$GOT" "us-china-cybercrime" "bash: --series takes a series id"

# several series: the numbers of the one chosen
cp -R "$SRC_DIR/tests/fixtures/alt/trade-talks" dialogues/trade-talks
comp show ''
is "$GOT" "trade-talks/ us-china-cybercrime/" "bash: several series and none chosen: SERIES/"
comp --series trade-talks show ''
is "$GOT" "1 2 3" "bash: --series chooses whose numbers"
comp --series=trade-talks diff 1 ''
is "$GOT" "1 2 3" "bash: --series=ID too"
comp show trade-talks/
is "$GOT" "trade-talks/1 trade-talks/2 trade-talks/3" "bash: SERIES/N of another series"
rm -r dialogues/trade-talks
mkdir elsewhere
cd elsewhere
comp -C "$WORK" show ''
is "$GOT" "1 2 3 4" "bash: -C DIR is where the record is read"
comp --dialogues ../dialogues show ''
is "$GOT" "1 2 3 4" "bash: --dialogues DIR too"
comp show ''
is "$ERR" "" "bash: no record: nothing on stderr"
cd "$WORK"

# revisions
git_init
commit "the record"
git branch feature
tick && git tag -a -m v1 v1
comp review ''
is "$GOT" "HEAD feature main v1" "bash: review takes revisions"
comp review main..f
is "$GOT" "main..feature" "bash: A..B"
comp review main...v
is "$GOT" "main...v1" "bash: A...B"
comp log f
is "$GOT" "feature" "bash: log takes revisions"
comp diff 2@v
is "$GOT" "2@v1" "bash: N@REV"
comp diff us-china-cybercrime/2@ma
is "$GOT" "us-china-cybercrime/2@main" "bash: SERIES/N@REV"
comp --rev f
is "$GOT" "feature" "bash: --rev takes a revision"
comp check --rev m
is "$GOT" "main" "bash: check --rev too"
comp review main -- dialog
is "$GOT" "dialogues" "bash: paths after --"
cd elsewhere
comp -C "$WORK" review m
is "$GOT" "main" "bash: revisions of the repository -C names"
cd "$WORK"
mkdir -p "$WORK/norepo"
cd "$WORK/norepo"
GIT_CEILING_DIRECTORIES="$WORK" comp review ''
is "$GOT" "HEAD" "bash: outside a repository, HEAD alone"
is "$ERR" "" "bash: and nothing on stderr"
cd "$WORK"

# ---- zsh -------------------------------------------------------------------

if command -v zsh >/dev/null 2>&1; then
	zsh -n script.zsh
	ok $? "zsh: the script parses"
	# zsh's completion builtins replaced by ones that print their words
	cat > comp.zsh <<'EOF'
compdef() { :; }
compset() { return 1; }
compadd() {
	while (( $# )); do
		case $1 in
		(-a) shift; print -l -- ${(P)1} ;;
		(-S|-P|-J|-X) shift ;;
		(--) shift; print -l -- "$@"; return ;;
		(-*) ;;
		(*) print -- $1 ;;
		esac
		shift
	done
}
_describe() { print -l -- ${(P)4}; }
_files() { :; }
_directories() { :; }
source $1
shift
words=("$@")
CURRENT=$#
_dialdiff
EOF
	zcomp() {
		run zsh -f "$WORK/comp.zsh" "$WORK/script.zsh" dialdiff "$@"
		GOT=$(printf '%s\n' "$OUT" | tr '\n' ' ' | sed 's/ *$//')
	}
	zcomp ''
	like "$GOT" "^report:full change report" "zsh: the commands, described"
	zcomp diff --f
	like "$GOT" "^-h -v --all --exit-code --fail-on --all-items --stat --help --format" "zsh: a command's options"
	zcomp check --format ''
	is "$GOT" "text markdown json github junit sarif" "zsh: --format values of check"
	zcomp show ''
	like "$GOT" "^1 2 3 4" "zsh: round numbers"
	zcomp review ''
	is "$GOT" "HEAD feature main v1" "zsh: revisions"
else
	echo "ok $((_n + 1)) # skip zsh is not installed"; _n=$((_n + 1))
fi

# ---- fish ------------------------------------------------------------------

if command -v fish >/dev/null 2>&1; then
	fish -n script.fish
	ok $? "fish: the script parses"
	fcomp() {
		run fish --no-config -c "source $WORK/script.fish; complete -C '$1'"
		GOT=$(printf '%s\n' "$OUT" | cut -f1 | LC_ALL=C sort |
			tr '\n' ' ' | sed 's/ *$//')
	}
	fcomp "dialdiff di"
	is "$GOT" "diff diff-driver" "fish: commands"
	fcomp "dialdiff diff --fo"
	is "$GOT" "--format" "fish: options"
	fcomp "dialdiff check --format "
	is "$GOT" "github json junit markdown sarif text" "fish: --format values of check"
	fcomp "dialdiff show "
	like "$GOT" "^1 2 3 4 " "fish: round numbers"
	fcomp "dialdiff review main.."
	is "$GOT" "main..HEAD main..feature main..main main..v1" "fish: revisions"
	fcomp "dialdiff show 2@v"
	is "$GOT" "2@v1" "fish: N@REV"
else
	echo "ok $((_n + 1)) # skip fish is not installed"; _n=$((_n + 1))
fi

done_testing
