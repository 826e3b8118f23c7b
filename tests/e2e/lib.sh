# lib.sh - a small TAP library for the end-to-end tests, in the manner of
# git's t/test-lib.sh.  Each test script sources it, runs the binary
# ($DIALDIFF) in a throwaway folder and reports with the functions below.
#
#   run CMD...          run a command, keeping stdout in $OUT, stderr in
#                       $ERR and the exit status in $STATUS
#   is GOT WANT NAME    equality
#   like TEXT PATTERN NAME   grep -E PATTERN in TEXT
#   unlike TEXT PATTERN NAME
#   same_file GOT_FILE EXPECTED_FILE NAME   (shows a diff when they differ)
#   doc_block FILE NAME   a fenced block of a document, marked for tests
#   done_testing
#
# Set DD_UPDATE_EXPECTED=1 to rewrite expected files instead of comparing.

set -u
export LANG=C LC_ALL=C TZ=UTC
unset NO_COLOR GIT_DIR GIT_WORK_TREE LC_MESSAGES
export GIT_AUTHOR_NAME="A U Thor" GIT_AUTHOR_EMAIL=author@example.com
export GIT_COMMITTER_NAME="C O Mitter" GIT_COMMITTER_EMAIL=committer@example.com
export GIT_AUTHOR_DATE="2020-01-01T00:00:00Z" GIT_COMMITTER_DATE="2020-01-01T00:00:00Z"
export GIT_CONFIG_NOSYSTEM=1 HOME="${TMPDIR:-/tmp}/dialdiff-home.$$"
unset GIT_CONFIG_GLOBAL GIT_CONFIG_SYSTEM	# git config --global: $HOME's

: "${DIALDIFF:?set DIALDIFF to the binary under test}"
TEST_DIR=$(cd "$(dirname "$0")" && pwd)
SRC_DIR=$(cd "$TEST_DIR/../.." && pwd)
EXPECTED="$TEST_DIR/expected"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dialdiff-test.XXXXXX")
mkdir -p "$HOME"
trap 'rm -rf "$WORK" "$HOME"' EXIT
cd "$WORK" || exit 1

_n=0
_failed=0

ok() {
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
		_failed=$((_failed + 1))
	fi
}

run() {
	"$@" >"$WORK/.out" 2>"$WORK/.err"
	STATUS=$?
	OUT=$(cat "$WORK/.out")
	ERR=$(cat "$WORK/.err")
}

is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
	fi
}

like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '%s\n' "$1" | sed 's/^/#   | /' | head -20
		printf '#   does not match: %s\n' "$2"
	fi
}

unlike() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		ok 1 "$3"
		printf '#   matches: %s\n' "$2"
	else
		ok 0 "$3"
	fi
}

same_file() {
	if [ -n "${DD_UPDATE_EXPECTED:-}" ]; then
		cp "$1" "$2"
	fi
	if [ -f "$2" ] && cmp -s "$1" "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diff -u "$2" "$1" 2>&1 | head -40 | sed 's/^/#   /'
	fi
}

# doc_block FILE NAME: the fenced block after "<!-- test: NAME -->" in a
# document (the recipes of docs/ci.md, run as written).
doc_block() {
	awk -v name="$2" '
		$0 == "<!-- test: " name " -->" { want = 1; next }
		want && /^```/ && !inside { inside = 1; next }
		inside && /^```/ { exit }
		inside { print }' "$1"
}

# Copy the bundled dialogues into the work folder.
bundled() {
	cp -R "$SRC_DIR/dialogues" "$WORK/dialogues"
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
}
