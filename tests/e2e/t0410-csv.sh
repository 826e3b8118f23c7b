#!/bin/sh
# --format csv: tidy RFC 4180 tables (list, timeline, diff, review, log)
# that Python's csv module reads, and that agree row for row with the JSON
# of the same command (tests/e2e/csvcheck.py); counts checked against jq.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
CSVCHECK="$TEST_DIR/csvcheck.py"

# agree NAME KIND LANG ARGS...: dialdiff ARGS as CSV (in LANG) and as JSON;
# the CSV must load and agree with the JSON.  Leaves them in $WORK/t.csv
# and $WORK/t.json, the CSV's status in $CSV_STATUS, its rows in $ROWS.
agree() {
	_name=$1 _kind=$2 _lang=$3
	shift 3
	"$DIALDIFF" --format csv --lang "$_lang" "$@" >"$WORK/t.csv" 2>"$WORK/t.err"
	CSV_STATUS=$?
	"$DIALDIFF" --format json "$@" >"$WORK/t.json" 2>/dev/null
	_got=$(python3 "$CSVCHECK" "$_kind" "$WORK/t.csv" "$WORK/t.json" "$_lang" 2>&1)
	ok $? "$_name: loads with Python's csv and agrees with the JSON ($_got)"
	ROWS=${_got%% *}
}

# sheet NAME ARGS...: csv-excel is csv with a byte order mark, and a '
# before each cell that starts with = + - @ TAB or CR (and only those).
# Leaves the number of guarded cells in $GUARDED.
sheet() {
	_name=$1
	shift
	"$DIALDIFF" --format csv "$@" >"$WORK/s.csv" 2>/dev/null
	"$DIALDIFF" --format csv-excel "$@" >"$WORK/s-excel.csv" 2>/dev/null
	GUARDED=$(python3 "$TEST_DIR/csvcheck.py" sheet "$WORK/s.csv" "$WORK/s-excel.csv" 2>&1)
	ok $? "$_name: csv-excel is csv with a BOM and formula-like cells guarded ($GUARDED)"
}

# jcount FILTER: a count from $WORK/t.json, by jq.
jcount() {
	jq "$1" "$WORK/t.json"
}

# ---- the bundled dialogues: list, timeline, diff ------------------------

bundled
agree "list" list en list
is "$ROWS" "$(jcount '[.series[].rounds[]] | length')" "list: a row per round"
agree "timeline" timeline en timeline
is "$ROWS" "$(jcount '([.sections[].entries[]] | length) * (.rounds | length)')" \
	"timeline: a row per section x entry x round"
agree "timeline --lang zh" timeline zh timeline
agree "diff 1 2" diff en diff 1 2
is "$ROWS" "$(jcount '[.sections[] | (.added, .kept, .dropped)[]] | length')" \
	"diff: a row per item, unchanged kept ones included"
agree "diff --lang zh 1 2" diff zh diff 1 2
agree "diff --all" diff en diff --all
is "$ROWS" "$(jcount '[.diffs[].sections[] | (.added, .kept, .dropped)[]] | length')" \
	"diff --all: the rows of every diff"
agree "diff 2 2 (all unchanged)" diff en diff 2 2

for what in "list" "timeline" "diff 1 2"; do
	set -- $what
	"$DIALDIFF" --format csv "$@" >"$WORK/got.csv"
	same_file "$WORK/got.csv" "$EXPECTED/$1.csv" "$what --format csv matches"
done

for opt in -v --all-items --stat; do
	"$DIALDIFF" --format csv diff $opt 1 2 >"$WORK/opt.csv"
	cmp -s "$WORK/opt.csv" "$EXPECTED/diff.csv"
	ok $? "diff $opt: the table is complete whatever $opt says"
done
is "$(head -c 3 "$EXPECTED/diff.csv" | od -An -tx1 | tr -d ' ')" "736572" \
	"no byte order mark: the file starts with the header ('ser')"
is "$(tr -cd '\n' <"$EXPECTED/diff.csv" | wc -c)" "$(tr -cd '\r' <"$EXPECTED/diff.csv" | wc -c)" \
	"every line ends with CRLF"
is "$(grep -c "$(printf '\r$')" "$EXPECTED/diff.csv")" "$(wc -l <"$EXPECTED/diff.csv" | tr -d ' ')" \
	"CR before every LF"
run "$DIALDIFF" --format csv diff --exit-code 3 4
is "$STATUS" 1 "diff --exit-code: 1 when something changed, in csv too"
run "$DIALDIFF" --format csv diff --fail-on dropped:crime-categories 1 2
is "$STATUS" 1 "diff --fail-on: the gate holds in csv too"
like "$ERR" "gate dropped:crime-categories tripped" "and is named on stderr"
"$DIALDIFF" diff --format csv 1 2 >"$WORK/after.csv"
cmp -s "$WORK/after.csv" "$EXPECTED/diff.csv"
ok $? "--format csv after the command is the same"

# ---- quoting, and cells kept as they are ---------------------------------

jq_edit dialogues/us-china-cybercrime/round-02.json \
	'.topics["crime-categories"] += [{"label": {"en": "=1+1, \"quoted\"\r\nsecond line", "zh": "新"}, "action": "proposed", "note": "@SUM(A1); -2 +3"}]'
agree "a label with a comma, quotes, CRLF and a leading =" diff en diff 1 2
python3 - "$WORK/t.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
new = [r for r in rows if r["new_note"].startswith("@")]
assert len(new) == 1, new
r = new[0]
assert r["new_label"] == '=1+1, "quoted"\r\nsecond line', repr(r["new_label"])
assert r["new_note"] == "@SUM(A1); -2 +3" and r["status"] == "added"
assert r["classified"] == "false" and r["old_label"] == ""
EOF
ok $? "formula-like cells come back verbatim (no ' prefix), CRLF inside a cell kept"
grep -q '^us-china-cybercrime,crime-categories,"=1+1, ""quoted"" second line",false,added,' "$WORK/t.csv"
ok $? "a field with a comma or quote is quoted, quotes doubled"
sheet "diff 1 2" diff 1 2
is "$GUARDED" 3 "csv-excel: the label, its key and the note that start with = or @ get a '"
grep -q "^us-china-cybercrime,crime-categories,\"'=1+1, \"\"quoted\"\" second line\",false,added," "$WORK/s-excel.csv"
ok $? "csv-excel: a guarded cell is quoted"
sheet "timeline" timeline
sheet "list" list

# ---- list over two series that do not share their sections --------------

cp -R "$SRC_DIR/tests/fixtures/alt/trade-talks" dialogues/trade-talks
jq_edit dialogues/trade-talks/series.json '.taxonomy = "../alt-taxonomy.json"'
cp "$SRC_DIR/tests/fixtures/alt/taxonomy.json" dialogues/alt-taxonomy.json
agree "list of two series" list en list
like "$(head -n 1 "$WORK/t.csv")" '^series,round,date,title,path,counts\.agenda,counts\.outcomes,counts\.crime-categories,counts\.network-protection,counts\.cooperation-mechanisms' \
	"a counts column for each section of either series"
like "$(cat "$WORK/t.csv")" '^us-china-cybercrime,1,2015-12-01,[^,]*,dialogues/us-china-cybercrime/round-01.json,,,4,1,6' \
	"empty (NA), not 0, where the series has no such section"
is "$ROWS" "$(jcount '[.series[].rounds[]] | length')" "list of two series: a row per round of each"

# ---- what csv does not apply to ------------------------------------------

for c in report "show 2" check; do
	set -- $c
	run "$DIALDIFF" --format csv "$@"
	is "$STATUS:$OUT" "2:" "csv does not apply to $1: exit 2, nothing on stdout"
	is "$ERR" "dialdiff: format 'csv' does not apply to '$1'" "and it says so"
done

# ---- review and log -------------------------------------------------------

cd "$WORK"
alt_repo repo
cd repo
agree "review A..B" review en review HEAD~3..HEAD~1
is "$ROWS" "$(jcount '[.files[].diff.sections[] | (.added, .kept, .dropped)[]] | length')" \
	"review: a row per item of each file"
like "$(cut -d, -f5 "$WORK/t.csv" | sort -u | tr -d '\r' | tr '\n' ' ')" "^added file_status modified $" \
	"review: an added and a modified round file"
norm_ids "$WORK/t.csv" "$WORK/git-review.csv"
same_file "$WORK/git-review.csv" "$EXPECTED/git-review.csv" "review --format csv matches"
agree "review, nothing changed" review en review HEAD~1..HEAD
is "$ROWS:$(cat "$WORK/t.csv" | wc -l | tr -d ' ')" "0:1" "the header alone when nothing changed"

agree "log" log en log
is "$ROWS" "$(jcount '[.commits[].files[].diff.sections[] | (.added, .kept, .dropped)[]] | length')" \
	"log: a row per item of each file of each commit"
is "$(cut -d, -f1 "$WORK/t.csv" | sed 1d | sort -u | grep -c '^[0-9a-f]\{40\}$')" 3 \
	"log: each row names its commit by its full id"
norm_ids "$WORK/t.csv" "$WORK/git-log.csv"
same_file "$WORK/git-log.csv" "$EXPECTED/git-log.csv" "log --format csv matches"
"$DIALDIFF" --format csv log --oneline >"$WORK/oneline.csv"
"$DIALDIFF" --format csv log >"$WORK/full.csv"
cmp -s "$WORK/oneline.csv" "$WORK/full.csv"
ok $? "log --oneline: the table is the same"
agree "log -n 0" log en log -n 0
is "$ROWS:$CSV_STATUS" "0:0" "log -n 0: the header alone"
agree "log --lang zh" log zh log

# a rename and a deletion
git mv dialogues/trade-talks/round-01.json dialogues/trade-talks/round-1.json
commit "@rename round 1"
git rm -q dialogues/trade-talks/round-03.json
commit "delete round 3"
agree "log with a rename and a deletion" log en log -n 2
like "$(cat "$WORK/t.csv")" ',dialogues/trade-talks/round-1.json,dialogues/trade-talks/round-01.json,renamed,trade-talks,' \
	"a renamed file: its new and old path"
like "$(cat "$WORK/t.csv")" ',dialogues/trade-talks/round-03.json,,deleted,trade-talks,agenda,[^,]*,true,dropped,,3,,' \
	"a deleted file: its items dropped, no to_round"
sheet "log" log -n 2
is "$GUARDED" 2 "csv-excel: a commit subject that starts with @, on each of its rows"

# a file that cannot be compared: a row that says so, and exit 2
printf '{ "round": ' >dialogues/trade-talks/round-02.json
agree "review of a file that does not parse" review en review
is "$CSV_STATUS" 2 "review exits 2 when a file cannot be compared"
like "$(cat "$WORK/t.err")" "round-02.json: cannot compare" "and says why on stderr"
like "$(cat "$WORK/t.csv")" "^$(rev HEAD),,dialogues/trade-talks/round-02.json,,modified,,,,,error,," \
	"the file is a row with status error (to_rev empty: the working tree)"

done_testing
