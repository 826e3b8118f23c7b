#!/bin/sh
# docs/ci.md: the dialdiff commands of its GitHub Actions workflow and of
# its GitLab CI job, taken from the document and run as written, on the
# bundled data and on a broken copy: annotations, job summary, SARIF,
# JUnit report, exit statuses.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/check-lib.sh"

# The yaml block after "<!-- test: NAME -->" in docs/ci.md.
block() { doc_block "$SRC_DIR/docs/ci.md" "$1"; }

# The dialdiff commands of the GitHub workflow: "run:" lines and lines of
# "run: |" blocks that start with build/dialdiff, one step per line.
github_steps() {
	block github | sed -n 's/^ *\(run: \)\{0,1\}\(build\/dialdiff .*\)$/\2/p'
}

# The script of the GitLab job: its dialdiff, jq and exit lines, one shell.
gitlab_script() {
	block gitlab | sed -n 's/^ *- \(build\/dialdiff .*\|jq .*\|exit .*\)$/\1/p'
}

is "$(github_steps | wc -l)" 5 "the workflow has five dialdiff commands"
is "$(gitlab_script | wc -l)" 6 "the GitLab job has six script lines"
like "$(block github)" "uses: github/codeql-action/upload-sarif@v[0-9]+" "the workflow uploads SARIF"
like "$(block github)" "sarif_file: dialdiff.sarif" "the file check writes"
like "$(block gitlab)" "junit: dialdiff-check.xml" "the GitLab job reports JUnit"

# Both blocks are YAML with the shape each service expects (when python3
# has PyYAML).
if "$PYTHON" -c 'import yaml' 2>/dev/null; then
	block github > github.yml
	block gitlab > gitlab.yml
	block pr > pr.yml
	run "$PYTHON" - <<'PY'
import yaml
gh = yaml.safe_load(open("github.yml"))
steps = gh["jobs"]["dialogues"]["steps"]
runs = "\n".join(s.get("run", "") for s in steps)
up = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
assert gh["permissions"]["security-events"] == "write"
assert up and up[0]["with"]["sarif_file"] == "dialdiff.sarif" and up[0]["if"] == "always()"
assert "--format github" in runs and "GITHUB_STEP_SUMMARY" in runs
gl = yaml.safe_load(open("gitlab.yml"))["dialogues"]
assert gl["artifacts"]["reports"]["junit"] == "dialdiff-check.xml"
assert gl["artifacts"]["when"] == "always"
assert gl["artifacts"]["reports"]["codequality"] == "gl-code-quality.json"
assert gl["image"] == "debian:12" and gl["variables"]["GIT_DEPTH"] == 0
for name, job in (("github", "dialogues"), ("pr", "review")):
    w = gh if name == "github" else yaml.safe_load(open("pr.yml"))
    j = w["jobs"][job]
    assert j["container"] == "debian:12", name
    names = [s.get("uses", "") for s in j["steps"]]
    co = names.index("actions/checkout@v4")
    assert j["steps"][co]["with"]["fetch-depth"] == 0, name
    # git before the checkout, safe.directory before dialdiff runs
    assert " git " in j["steps"][co - 1]["run"], name
    assert "safe.directory" in j["steps"][co + 1]["run"], name
print("ok")
PY
	is "$OUT" ok "the configurations parse as YAML, with the keys each service reads"
else
	ok 0 "# SKIP no PyYAML to parse the configurations"
fi

# Every package the recipes install is one Debian 12 has (when apt's
# lists are here to ask).
pkgs=$(for b in github pr gitlab; do block $b; done |
	sed -n 's/.*apt-get install -y --no-install-recommends //p' | tr ' ' '\n' | sort -u)
like "$pkgs" "^libgit2-dev$" "the recipes install libgit2-dev"
if apt-cache show --no-all-versions libgit2-dev >/dev/null 2>&1; then
	unknown=$(for p in $pkgs; do apt-cache show --no-all-versions "$p" >/dev/null 2>&1 || echo "$p"; done)
	is "$unknown" "" "every package they install is known to apt"
else
	ok 0 "# SKIP apt has no package lists to ask"
fi

# A checkout with build/dialdiff, as in CI.
checkout() {
	fresh "$1"
	mkdir build
	ln -s "$DIALDIFF" build/dialdiff
}

# Run each step in its own shell, as Actions does; STEP_STATUS gets the
# exit statuses, one per step.
run_github() {
	export GITHUB_STEP_SUMMARY="$PWD/summary.md"
	: > "$GITHUB_STEP_SUMMARY"
	STEP_STATUS=
	github_steps > steps
	while IFS= read -r step; do
		sh -e -c "$step" > "step$((${#STEP_STATUS} / 2)).out" 2>&1 < /dev/null
		STEP_STATUS="$STEP_STATUS$? "
	done < steps
}

# ---- GitHub, clean -------------------------------------------------------
checkout gh-clean
run_github
is "$STEP_STATUS" "0 0 0 0 0 " "GitHub, clean data: every step passes"
is "$(cat step0.out)" "" "no annotations"
like "$(cat summary.md)" "^### dialdiff check" "the summary has the check"
like "$(cat summary.md)" "^✅ 6 files checked: no problems found\\.$" "which is clean"
like "$(cat summary.md)" "^## " "and the change report"
like "$(cat summary.md)" "\\| Round \\||\\| round \\|" "with its tables"
is "$(jq -r '.version, (.runs[0].results | length)' dialdiff.sarif | tr '\n' ' ')" "2.1.0 0 " "an empty SARIF 2.1.0 log to upload"

# ---- GitHub, broken --------------------------------------------------------
checkout gh-broken
jedit $R2 '.date = "2016-02-30"'
jq -c . $R3 > x && mv x $R3
run_github
is "$STEP_STATUS" "1 1 0 0 0 " "GitHub, broken data: check and fmt fail the job, the summary and SARIF steps pass"
like "$(cat step3.out)" "^dialdiff: $R2:[0-9]+:[0-9]+: " "(no change report for a broken record: the log says why)"
is "$(cat step0.out)" "::error file=$R2,line=$(jpos $R2 /date | sed 's/ /,col=/'),title=date::\"2016-02-30\" is not a valid date (YYYY-MM-DD)" "an annotation on the line of the bad date"
is "$(cat step1.out)" "$R3" "fmt --check names the unformatted file"
like "$(cat summary.md)" '^\| ❌ \| `dialogues/us-china-cybercrime/round-02\.json` \| [0-9]+ \| [0-9]+ \| `date` \|' "the summary has a row for it"
is "$(jq -r '.runs[0].results[] | "\(.ruleId) \(.locations[0].physicalLocation.artifactLocation.uri) \(.locations[0].physicalLocation.region.startLine)"' dialdiff.sarif)" "date $R2 $(jpos $R2 /date | cut -d' ' -f1)" "SARIF has the result to upload"

# ---- GitLab ----------------------------------------------------------------
checkout gl-clean
gitlab_script > script.sh
run sh script.sh
is "$STATUS" 0 "GitLab, clean data: the job passes"
run "$PYTHON" -c '
import sys, xml.etree.ElementTree as ET
s = ET.parse("dialdiff-check.xml").getroot().find("testsuite")
print(s.get("tests"), s.get("failures"))'
is "$OUT" "6 0" "the JUnit report: six passing test cases"
is "$(jq -c . gl-code-quality.json)" "[]" "the code-quality report is empty"

checkout gl-broken
jedit $R2 '.date = "2016-02-30"'
jedit $R4 '. + {"extra": 1}'
gitlab_script > script.sh
run sh script.sh
is "$STATUS" 1 "GitLab, broken data: the job fails"
like "$OUT" "^$R2:[0-9]+:[0-9]+: error: .*\\[date\\]$" "the log shows the diagnostic"
run "$PYTHON" -c '
import sys, xml.etree.ElementTree as ET
s = ET.parse("dialdiff-check.xml").getroot().find("testsuite")
f = [(c.get("name"), x.get("type")) for c in s.iter("testcase") for x in c.findall("failure")]
print(s.get("tests"), s.get("failures"), f)'
is "$OUT" "6 1 [('$R2', 'date')]" "the JUnit report: one failing test case, its failure typed by rule"
is "$(jq -r '.[] | "\(.check_name) \(.severity) \(.location.path) \(.location.lines.begin) \(.fingerprint | length > 0) \(.description | length > 0)"' gl-code-quality.json | sort)" \
	"$(printf '%s\n' "date major $R2 $(jpos $R2 /date | cut -d' ' -f1) true true" "unknown-key minor $R4 $(jpos $R4 /extra | cut -d' ' -f1) true true" | sort)" \
	"the code-quality report: the error (major) and the warning (minor), each on its line"
is "$(jq '[.[].fingerprint] | unique | length' gl-code-quality.json)" 2 "each with its own fingerprint"

# ---- the pull-request recipe -------------------------------------------------
# Its dialdiff steps, as written, in a clone whose origin/main has rounds
# 1-4 and whose branch adds round 5 without the first crime category.
pr_steps() {
	block pr | sed -n 's/^ *run: \(build\/dialdiff .*\)$/\1/p'
}
is "$(pr_steps | wc -l)" 2 "the pull-request workflow has two dialdiff steps"
like "$(block pr)" "fetch-depth: 0" "and fetches the whole history"
cd "$WORK" && rm -rf pr-origin pr && mkdir pr-origin && cd pr-origin
git init -q -b main && cp -R "$SRC_DIR/dialogues" dialogues && git add -A &&
	git commit -q -m "the record"
cd "$WORK" && git clone -q pr-origin pr && cd pr && git checkout -q -b round5
mkdir build && ln -s "$DIALDIFF" build/dialdiff
jq '.round = 5 | .date = "2018-10-04" | .topics["crime-categories"] |= .[1:]' \
	dialogues/us-china-cybercrime/round-04.json > dialogues/us-china-cybercrime/round-05.json
git add -A && git commit -q -m "round 5"
pr_steps > steps
run sh -e -c "$(sed -n 1p steps)"
is "$STATUS" 0 "the review step writes the comment"
like "$(cat review.md)" "Round 5 \(new\), compared with round 4" "the comment compares round 5 with round 4"
run sh -e -c "$(sed -n 2p steps)"
is "$STATUS" 1 "the gates step fails: round 5 dropped a crime category"
like "$ERR" "^dialdiff: gate dropped:crime-categories tripped by round 5 " "and says which gate and which round"

checkout gl-cannot-run
rm -rf dialogues
gitlab_script > script.sh
run sh -e script.sh
is "$STATUS" 1 "GitLab, no dialogues folder: the job fails"
like "$ERR" "no dialogues folder here" "and the log says why"

done_testing
