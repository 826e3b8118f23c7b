#!/bin/sh
# On a terminal, output goes through a pager, as git's does: which pager
# (GIT_PAGER, git config dialdiff.pager, core.pager, PAGER, less -FRX),
# when none (-P, --no-pager, not a terminal, "cat", "", dialdiff.pager
# false), and the exit
# status is dialdiff's.  A terminal is a pseudo-terminal made by
# script(1) from util-linux; the pagers are scripts that record that they
# ran, with what, and what they read.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"

if ! command -v script >/dev/null 2>&1 ||
   ! script -qec true /dev/null </dev/null >/dev/null 2>&1; then
	echo "1..0 # SKIP no script(1) to make a terminal with"
	exit 0
fi
unset GIT_PAGER PAGER LESS LV

# recorder NAME: a pager that writes $WORK/NAME.ran (its arguments, LESS
# and LV) and copies what it reads to $WORK/NAME.out
mkdir bin
recorder() {
	cat > "bin/$1" <<EOF
#!/bin/sh
echo "args=\$* LESS=\$LESS LV=\$LV" > "$WORK/$1.ran"
cat > "$WORK/$1.out"
EOF
	chmod +x "bin/$1"
}
for p in pager-a pager-b pager-c pager-d less; do recorder $p; done
# a pager that quits after one line, as q in less does
printf '#!/bin/sh\nhead -n 1 > "%s/early.out"\n' "$WORK" > bin/early
chmod +x bin/early

bundled
git_init -q . && commit "the record"
D="$DIALDIFF --color never"

# tty CMD: run the shell command CMD with a terminal as its stdout; its
# exit status in $STATUS, what reached the terminal in $OUT
tty() {
	rm -f "$WORK"/*.ran "$WORK"/*.out
	script -qec "$1" /dev/null </dev/null > "$WORK/.tty" 2>&1
	STATUS=$?
	OUT=$(tr -d '\r' < "$WORK/.tty")
}
ran() { test -f "$WORK/$1.ran"; }

"$DIALDIFF" diff 1 2 > plain.txt

# ---- which pager --------------------------------------------------------------
tty "PAGER=$WORK/bin/pager-a $D diff 1 2"
is "$STATUS" 0 "PAGER on a terminal: exit 0"
ran pager-a
ok $? "the pager ran"
cmp -s "$WORK/pager-a.out" plain.txt
ok $? "and read the whole output"
is "$OUT" "" "nothing reached the terminal but through it"
is "$(cat "$WORK/pager-a.ran")" "args= LESS=FRX LV=-c" "LESS=FRX and LV=-c when unset, as git sets them"

tty "LESS=R PAGER=$WORK/bin/pager-a $D diff 1 2"
is "$(cat "$WORK/pager-a.ran")" "args= LESS=R LV=-c" "a LESS of one's own is kept"

tty "PATH=$WORK/bin:\$PATH $D diff 1 2"
is "$(cat "$WORK/less.ran" 2>/dev/null)" "args=-FRX LESS=FRX LV=-c" "no pager named: less -FRX"

tty "GIT_PAGER=$WORK/bin/pager-b PAGER=$WORK/bin/pager-a $D diff 1 2"
ran pager-b && ! ran pager-a
ok $? "GIT_PAGER wins over PAGER"

git config core.pager "$WORK/bin/pager-c"
tty "PAGER=$WORK/bin/pager-a $D diff 1 2"
ran pager-c && ! ran pager-a
ok $? "core.pager wins over PAGER"
git config dialdiff.pager "$WORK/bin/pager-d"
tty "PAGER=$WORK/bin/pager-a $D diff 1 2"
ran pager-d && ! ran pager-c
ok $? "dialdiff.pager wins over core.pager"
tty "GIT_PAGER=$WORK/bin/pager-b $D diff 1 2"
ran pager-b && ! ran pager-d
ok $? "GIT_PAGER wins over the configuration"
git config dialdiff.pager cat
tty "PAGER=$WORK/bin/pager-a $D diff 1 2"
! ran pager-a && ! ran pager-c
ok $? "dialdiff.pager cat: no pager"
is "$OUT" "$(cat plain.txt)" "and the output goes to the terminal as it is"
git config dialdiff.pager false
tty "GIT_PAGER=$WORK/bin/pager-b PAGER=$WORK/bin/pager-a $D diff 1 2"
! ran pager-b && ! ran pager-a && ! ran pager-c
ok $? "dialdiff.pager false: no pager, whatever GIT_PAGER says (as pager.<cmd> false)"
is "$OUT" "$(cat plain.txt)" "and the output goes to the terminal as it is"
git config dialdiff.pager true
tty "PAGER=$WORK/bin/pager-a $D diff 1 2"
ran pager-c && ! ran pager-a
ok $? "dialdiff.pager true: the pager git would choose (core.pager)"
git config --unset dialdiff.pager
git config --unset core.pager
# the configuration is read in a repository only: a global core.pager
# is used in one, not outside
git config --global core.pager "$WORK/bin/pager-c"
tty "PAGER=$WORK/bin/pager-a $D diff 1 2"
ran pager-c && ! ran pager-a
ok $? "in a repository: the global core.pager"
OUTSIDE=$(mktemp -d "${TMPDIR:-/tmp}/dialdiff-outside.XXXXXX")
cp -R dialogues "$OUTSIDE/"
tty "cd '$OUTSIDE' && PAGER=$WORK/bin/pager-a $D diff 1 2"
ran pager-a && ! ran pager-c
ok $? "outside a repository: PAGER, not the configuration"
rm -rf "$OUTSIDE"
git config --global --unset core.pager

# ---- no pager -------------------------------------------------------------------
for how in "-P" "--no-pager"; do
	tty "PAGER=$WORK/bin/pager-a $D $how diff 1 2"
	! ran pager-a
	ok $? "$how: no pager"
	is "$OUT" "$(cat plain.txt)" "$how: the output goes to the terminal"
done
tty "GIT_PAGER= PAGER=$WORK/bin/pager-a $D diff 1 2"
! ran pager-a
ok $? "GIT_PAGER empty: no pager"
tty "PAGER=cat $D diff 1 2"
is "$OUT" "$(cat plain.txt)" "PAGER=cat: no pager"
run env PAGER="$WORK/bin/pager-a" "$DIALDIFF" diff 1 2
! ran pager-a
ok $? "stdout not a terminal: no pager"
is "$OUT" "$(cat plain.txt)" "and the output as it is"
tty "PAGER=$WORK/bin/pager-a $D check"
! ran pager-a
ok $? "check (which hooks run) has no pager"
tty "PAGER=$WORK/bin/pager-a $D diff 1 1 --fail-on bogus:x"
! ran pager-a
ok $? "a usage error starts no pager"

# ---- the exit status is dialdiff's ----------------------------------------------
tty "PAGER=$WORK/bin/pager-a $D diff --exit-code 1 2"
is "$STATUS" 1 "diff --exit-code through a pager: exit 1"
ran pager-a
ok $? "after the pager ran"
tty "PAGER=$WORK/bin/pager-a $D review --fail-on dropped HEAD"
is "$STATUS" 0 "review through a pager: exit 0"
jq_edit dialogues/us-china-cybercrime/round-04.json '.topics."crime-categories" |= .[1:]'
tty "PAGER=$WORK/bin/pager-a $D review --fail-on dropped HEAD"
is "$STATUS" 1 "review --fail-on through a pager: exit 1"
like "$(cat "$WORK/pager-a.out")" "^dialdiff: gate dropped tripped by round 4" \
	"the message after the output is read after it, in the pager"
git checkout -q dialogues

# ---- a pager that quits early -----------------------------------------------------
tty "PAGER=$WORK/bin/early $D report"
is "$STATUS" 0 "report through a pager that quits after a line: exit 0"
is "$(cat "$WORK/early.out")" "$("$DIALDIFF" report | head -n 1)" "it read the first line"
is "$OUT" "" "no error message"
i=0
while [ $i -lt 30 ]; do
	cp dialogues/us-china-cybercrime/round-04.json dialogues/us-china-cybercrime/round-04.json.tmp
	jq ".date = \"2018-01-$(printf %02d $((i % 28 + 1)))\"" dialogues/us-china-cybercrime/round-04.json.tmp \
		> dialogues/us-china-cybercrime/round-04.json
	rm dialogues/us-china-cybercrime/round-04.json.tmp
	commit "round 4, take $i" >/dev/null
	i=$((i + 1))
done
tty "PAGER=$WORK/bin/early $D log"
is "$STATUS" 0 "log through a pager that quits early: exit 0"
is "$OUT" "" "no error message"
is "$(cat "$WORK/early.out")" "commit $(git rev-parse HEAD)" "it read the first line"
tty "PAGER=$WORK/bin/pager-a $D log --oneline"
is "$(wc -l < "$WORK/pager-a.out")" 31 "log --oneline: every commit through the pager"

done_testing
