#!/bin/sh
# Chinese throughout: with --lang zh (or git config dialdiff.lang zh) every
# word dialdiff prints itself in text and markdown comes from the Chinese
# catalogue, and names come from the data.  What may stay is data: ids,
# file names, numbers, dates; the notes of the bundled rounds are English
# only, so they are taken out of this copy of the data.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"

bundled
git_init -q .
for f in dialogues/us-china-cybercrime/round-0*.json; do
	jq_edit "$f" 'del(.. | objects | .note?)'
done
# a section round 1 does not record, for "not recorded in round N"
jq_edit dialogues/us-china-cybercrime/round-01.json 'del(.topics."network-protection")'
commit "记录（去掉备注）"

# The English words of the user interface (lib.sh runs under LANG=C, so
# the language comes from --lang or the configuration alone).
WORDS='round|rounds|date|dates|place|title|file|series|chairs|parties|seen|notes|topics?|id|action|note|label|sections?|added|dropped|changed|unchanged|similarity|reaffirms|timeline|cells|present|absent|core|none|diff|new|deleted|compared|counted|listed|unclassified|ambiguous|previous|recorded|proposed|agreed|established|implemented|continued|strengthened|reviewed|retained|reaffirmed|considered'

# english TEXT: the English words left in TEXT once data is taken out:
# paths, [ids], `ids`, section ids (words joined by '-'), the series id
english() {
	printf '%s\n' "$1" |
	sed -E -e 's#[^ ]*/[^ ]*##g' -e 's#[^ ]*\.json##g' \
	       -e 's#\[[^]]*\]##g' -e 's#`[^`]*`##g' \
	       -e 's#[a-z0-9]+(-[a-z0-9]+)+##g' |
	grep -owiE "$WORDS" | sort -u | tr '\n' ' '
}

check_zh() {	# check_zh WHAT: $OUT is the output of WHAT
	is "$STATUS" 0 "$1 exits 0"
	is "$(english "$OUT")" "" "$1: no English word of dialdiff's own"
}

for fmt in text markdown; do
	for cmd in list "show 1" "show 4" "diff 1 2" "diff 3 4" "diff -v 3 4" \
		   "diff --stat 1 2" "diff --all" timeline report; do
		run "$DIALDIFF" --lang zh --format $fmt $cmd
		check_zh "--lang zh --format $fmt $cmd"
	done
done

# review and log: a commit that changes round 4, a taxonomy change, and a
# change in the working tree.  The header of a commit in text is git's own
# (commit, Author:, Date:), as git log prints it in every language.
jq_edit dialogues/us-china-cybercrime/round-04.json '.topics."crime-categories" |= .[1:]'
jq_edit dialogues/taxonomy.json '.sections[0].entries[0].patterns += ["测试"]'
commit "第四轮：删去一项"
jq_edit dialogues/us-china-cybercrime/round-03.json '.topics."network-protection" |= .[1:]'
for fmt in text markdown; do
	for cmd in "review HEAD~1..HEAD" review "review --stat HEAD~1" log "log --oneline" "log -v"; do
		run "$DIALDIFF" --lang zh --format $fmt $cmd
		OUT=$(printf '%s\n' "$OUT" | grep -vE '^(commit [0-9a-f]{40}|Author: |Date: |Merge: )')
		check_zh "--lang zh --format $fmt $cmd"
	done
done
run "$DIALDIFF" --lang zh review HEAD~1..HEAD
like "$OUT" "^分类表 dialogues/taxonomy.json 有变化：模式有变化 " "a taxonomy change, in Chinese"
like "$OUT" "^修改 dialogues/us-china-cybercrime/round-04.json\$" "a file's status, in Chinese"
git checkout -q dialogues

# the check has teeth: the same in English is full of them
run "$DIALDIFF" --lang en report
like "$(english "$OUT")" "similarity" "--lang en report: English words (the check finds them)"
run "$DIALDIFF" --lang en --format markdown show 1
like "$(english "$OUT")" "topic" "--lang en --format markdown show: English words"

# names from the data: parties by name, not by id
run "$DIALDIFF" --lang zh show 4
like "$OUT" "国务委员、公安部部长，中国" "show: a chair's party by its Chinese name"
unlike "$OUT" "[(,，]cn\\)" "not by its id"
run "$DIALDIFF" --lang en show 4
like "$OUT" "State Councilor and Minister of Public Security, China" "in English, its English name"
run "$DIALDIFF" --lang zh report
like "$OUT" "^参与方：中国，美国\$" "report: the parties by their names"
run "$DIALDIFF" --lang zh diff 1 2
like "$OUT" "^网络保护  \\+0 -0 ~0 =0  第 1 轮未记录\$" "a section a round does not record, in Chinese"
like "$OUT" "^3 个类别：新增 " "the counts in Chinese"

# the acceptance: git config dialdiff.lang zh switches the text output
git config dialdiff.lang zh
for cmd in list "show 2" "diff 1 2" timeline report; do
	run "$DIALDIFF" $cmd
	check_zh "git config dialdiff.lang zh: $cmd"
done
run "$DIALDIFF" --lang zh report
ZH=$OUT
run "$DIALDIFF" report
is "$OUT" "$ZH" "dialdiff.lang zh: the report of --lang zh"
run "$DIALDIFF" --lang en report
like "$OUT" "similarity" "--lang en wins"
run "$DIALDIFF" --format html report
like "$OUT" '<html [^>]*lang="zh"' "dialdiff.lang zh: the HTML page in Chinese"
like "$OUT" "<h2>时间线</h2>" "with the catalogue's Chinese headings"

# JSON keeps its English keys (a contract), whatever the language
run "$DIALDIFF" --format json diff 1 2
is "$(printf '%s\n' "$OUT" | jq -r '.schema, (.summary | keys | join(","))')" \
	"dialdiff/diff@1
added,changed,dropped,kept" "JSON: English keys under dialdiff.lang zh"

done_testing
