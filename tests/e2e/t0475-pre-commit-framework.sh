#!/bin/sh
# .pre-commit-hooks.yaml: the pre-commit framework runs scripts/pre-commit
# with the files it selects.  The hook's entry is first run as the
# framework runs it (from the top of the repository, with the matching
# files as arguments), then, with Debian's pre-commit (installed when
# missing and possible, else skipped visibly), through the framework
# itself: `pre-commit try-repo` on this repository, and the `repo: local`
# configuration of docs/ci.md, as written.  No network: every repository
# is a local folder.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
export DIALDIFF

hooks="$SRC_DIR/.pre-commit-hooks.yaml"
field() { sed -n "s/^ *-\{0,1\} *$1: //p" "$hooks"; }
is "$(field id)" dialdiff "the hook's id is dialdiff"
is "$(field entry)" scripts/pre-commit "its entry is scripts/pre-commit"
is "$(field language)" script "run as a script of this repository"
test -x "$SRC_DIR/$(field entry)"
ok $? "the entry is executable (language: script runs it directly)"
files_re=$(field files)

# A repository of records; R2 broken by a date that does not exist.
R2=dialogues/us-china-cybercrime/round-02.json
git_init repo && cd repo && cp -R "$SRC_DIR/dialogues" dialogues && commit "the record"
break_r2() { jq_edit $R2 '.date = "2016-02-30"'; }

# ---- the entry, as the framework runs it -------------------------------------
framework_run() {
	# shellcheck disable=SC2046 # file names from git, one per word
	run "$SRC_DIR/$(field entry)" $(git ls-files | grep -E "$files_re")
}
framework_run
is "$STATUS" 0 "the entry passes on a clean record (every file, as --all-files)"
break_r2
framework_run
is "$STATUS" 1 "it fails on a broken round"
like "$OUT" "^$R2:[0-9]+:[0-9]+: error: .*\\[date\\]$" "and shows the diagnostic"
run "$SRC_DIR/$(field entry)" README.md
is "$STATUS" 0 "files outside the dialogues folder are not checked"
jq -c . dialogues/us-china-cybercrime/round-03.json > x && mv x dialogues/us-china-cybercrime/round-03.json
git checkout -q -- $R2
run "$SRC_DIR/$(field entry)" dialogues/us-china-cybercrime/round-03.json
is "$STATUS" 1 "an unformatted file fails"
like "$OUT" "not in canonical format" "and says so"
git checkout -q -- dialogues

# ---- the framework itself ----------------------------------------------------
if ! command -v pre-commit >/dev/null 2>&1 && [ -z "${DIALDIFF_PACKAGE_BUILD:-}" ]; then
	sh "$SRC_DIR/scripts/deps.sh" precommit >deps.log 2>&1 || sed 's/^/# /' deps.log
fi
if ! command -v pre-commit >/dev/null 2>&1; then
	ok 0 "# SKIP pre-commit is not installed and cannot be installed here"
	done_testing
	exit
fi
if ! git -C "$SRC_DIR" rev-parse --verify -q HEAD:.pre-commit-hooks.yaml >/dev/null 2>&1; then
	ok 0 "# SKIP the sources are not a git repository with the hooks file committed"
	done_testing
	exit
fi
export PRE_COMMIT_HOME="$WORK/pre-commit-cache"

run pre-commit try-repo "$SRC_DIR" dialdiff
is "$STATUS" 0 "try-repo: nothing staged, the hook passes"
break_r2 && git add $R2
run pre-commit try-repo "$SRC_DIR" dialdiff
is "$STATUS" 1 "try-repo: a broken round staged, the hook fails"
like "$OUT" "^$R2:[0-9]+:[0-9]+: error: .*\\[date\\]$" "with the diagnostic"
like "$OUT" "^- hook id: dialdiff$" "under the hook's id"
git checkout -q HEAD -- $R2
jq_edit dialogues/us-china-cybercrime/round-04.json '.title.en += " (edited)"' &&
	git add dialogues/us-china-cybercrime/round-04.json && break_r2
run pre-commit try-repo "$SRC_DIR" dialdiff
is "$STATUS" 0 "a good file staged, a broken one not: the framework sets it aside, the hook passes"
run git diff --quiet -- $R2
is "$STATUS" 1 "(and puts the unstaged change back afterwards)"
git checkout -q -- $R2
git commit -q -m "round 4 edited"
break_r2 && git commit -q -a -m "broken, with --no-verify"
run pre-commit try-repo "$SRC_DIR" dialdiff --all-files
is "$STATUS" 1 "--all-files checks the committed files too"
git revert --no-edit HEAD >/dev/null

# the repo: local configuration of docs/ci.md, as written, in a repository
# that keeps the script
block() { doc_block "$SRC_DIR/docs/ci.md" "$1"; }
block pre-commit-local > .pre-commit-config.yaml
like "$(cat .pre-commit-config.yaml)" "repo: local" "docs/ci.md has the repo: local configuration"
mkdir -p scripts && cp "$SRC_DIR/scripts/pre-commit" scripts/ &&
	git add -A && git commit -q -m "the hook"
run pre-commit install
is "$STATUS" 0 "pre-commit install"
break_r2 && git add $R2
run git commit -q -m "a broken round"
is "$STATUS" 1 "git commit of a broken round is refused through the framework"
like "$OUT$ERR" "$R2:[0-9]+:[0-9]+: error: .*\\[date\\]" "with the diagnostic"
git checkout -q HEAD -- $R2
jq_edit $R2 '.title.en += " (edited)"' && git add $R2
run git commit -q -m "a good edit"
is "$STATUS" 0 "a good commit goes through"

done_testing
