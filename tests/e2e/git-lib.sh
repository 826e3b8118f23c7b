# git-lib.sh - helpers for the tests that build git repositories; source
# it after lib.sh.  Every commit gets its own fixed date, one minute after
# the one before, so that ids and history order are the same on every run.
#
#   git_init [ARGS]      git init on branch main
#   commit MESSAGE       add everything and commit at the next minute
#   jq_edit FILE FILTER  rewrite a JSON file through jq
#   alt_repo DIR         a repository with the alt fixture (trade-talks):
#                        c1 rounds 1-2, c2 round 3 (tag v1), c3 round 2
#                        drops market access, c4 a README only
#   rev REV              git rev-parse REV
#   dialdiff_on_path     $DIALDIFF as dialdiff on PATH (for the drivers
#                        git runs)

_tick=0
tick() {
	_tick=$((_tick + 60))
	GIT_AUTHOR_DATE="@$((1577836800 + _tick)) +0000"
	GIT_COMMITTER_DATE=$GIT_AUTHOR_DATE
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
}

git_init() {
	git init -q -b main "$@"
}

commit() {
	tick
	git add -A . && git commit -q -m "$1"
}

jq_edit() {
	jq "$2" "$1" > "$1.tmp" && mv "$1.tmp" "$1"
}

rev() {
	git rev-parse "$1"
}

dialdiff_on_path() {
	mkdir -p "$WORK/bin" && ln -sf "$DIALDIFF" "$WORK/bin/dialdiff"
	PATH="$WORK/bin:$PATH"
	export PATH
}

alt_repo() {
	_here=$(pwd)
	git_init "$1" &&
	cd "$1" &&
	cp -R "$SRC_DIR/tests/fixtures/alt" dialogues &&
	mv dialogues/trade-talks/round-03.json ../round-03.json.$$ &&
	commit "trade talks: rounds 1 and 2" &&
	mv ../round-03.json.$$ dialogues/trade-talks/round-03.json &&
	commit "trade talks: round 3" &&
	tick && git tag -a -m "version 1" v1 &&
	jq_edit dialogues/trade-talks/round-02.json \
		'.topics.agenda |= map(select(.label.zh | test("准入") | not))' &&
	commit "round 2: no market access" &&
	echo "notes" > README &&
	commit "a README" &&
	cd "$_here"
}

# norm_ids IN OUT: commit ids replaced by <id> and <id7>, so that expected
# files do not depend on how a tool formats the files it rewrites
norm_ids() {
	sed -E 's/[0-9a-f]{40}/<id>/g; s/(^|[^0-9a-f])[0-9a-f]{7}([^0-9a-f]|$)/\1<id7>\2/g' "$1" > "$2"
}
