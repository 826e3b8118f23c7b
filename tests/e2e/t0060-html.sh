#!/bin/sh
# The html format: one self-contained page per command, in English and in
# Chinese, against expected files; every page parses as XML and refers to
# nothing outside itself; a label cannot inject markup.
. "$(dirname "$0")/lib.sh"
bundled
# The footer dates the page: a fixed date keeps the pages comparable
# (t0470-html-provenance.sh tests the date itself).
export SOURCE_DATE_EPOCH=1577836800

# check_page FILE LANG NAME: well-formed, self-contained, in LANG
check_page() {
	out=$(python3 "$TEST_DIR/htmlcheck.py" "$1" "$2" 2>&1)
	st=$?
	is "$st:$out" "0:" "$3 parses as XML and refers to nothing outside itself"
}

for lang in en zh; do
	sfx=$( [ "$lang" = zh ] && echo .zh )
	for cmd in report timeline "diff 1 2"; do
		name=$(echo "$cmd" | tr ' ' '-')
		run "$DIALDIFF" --format html --lang "$lang" $cmd
		is "$STATUS" 0 "$cmd --format html --lang $lang exits 0"
		is "$ERR" "" "$cmd --format html --lang $lang writes nothing to stderr"
		cp .out "$name$sfx.html"
		same_file "$name$sfx.html" "$EXPECTED/$name$sfx.html" "$cmd html ($lang) matches"
		check_page "$name$sfx.html" "$lang" "$cmd html ($lang)"
	done
done

for cmd in "show 2" list "diff --all"; do
	run "$DIALDIFF" --format html $cmd
	is "$STATUS" 0 "$cmd --format html exits 0"
	printf '%s\n' "$OUT" >page.html
	check_page page.html en "$cmd html"
done

# the report has every part, in both languages
run "$DIALDIFF" --format html report
for id in overview timeline changes sources diff-1-2 diff-2-3 diff-3-4; do
	like "$OUT" "id=\"$id\"" "the report has #$id"
done
like "$OUT" '<h2>Timeline</h2>' "English headings"
like "$OUT" 'title="Present"><span class="sym">●</span> established</td><td class="cell s-p" title="Present"><span class="sym">●</span> implemented</td><td class="cell s-p" title="Present"><span class="sym">●</span> continued</td><td class="cell s-p" title="Present"><span class="sym">●</span> retained</td>' \
	"the hotline: established, implemented, continued, retained"
run "$DIALDIFF" --format html --lang zh report
like "$OUT" '<html xmlns="http://www.w3.org/1999/xhtml" lang="zh" xml:lang="zh">' "--lang zh: <html lang=\"zh\">"
for word in 时间线 新增 删除 有变化 无变化 概览 资料来源; do
	like "$OUT" "$word" "--lang zh: the page says $word"
done
like "$OUT" '<th scope="row">商业窃密</th>' "--lang zh: zh labels"
like "$OUT" '<span lang="en" xml:lang="en">Loretta Lynch</span>' "--lang zh: a name without zh falls back to en, marked as such"
run env LC_ALL= LANG=zh_CN.UTF-8 "$DIALDIFF" --format html report
like "$OUT" 'lang="zh"' "LANG=zh_CN.UTF-8 chooses the Chinese page"

# the alternative series has zh labels only: the English page falls back
cp -R "$SRC_DIR/tests/fixtures/alt" alt
run "$DIALDIFF" --dialogues alt --format html --lang en report
is "$STATUS" 0 "report html of a zh-only series"
printf '%s\n' "$OUT" >alt.html
check_page alt.html en "report html of a zh-only series"
like "$OUT" '<span lang="zh" xml:lang="zh">关税</span>' "--lang en falls back to zh, marked as such"

# HTML injection through the data
r2=dialogues/us-china-cybercrime/round-02.json
jq '.topics["crime-categories"][3].label.en += " <script>alert(1)</script>\"><img src=x onerror=alert(2)>"
	| .topics["crime-categories"][3].note = "</td></tr></table><iframe src=\"https://example.com/\"></iframe>"
	| .place.en = "Beijing & <b>elsewhere</b>"
	| .sources[0].url = "https://example.com/a?b=1&c=\"2\""' "$r2" >r2.tmp && mv r2.tmp "$r2"
jq '.title.en = "A <title> & \"quotes\" '"'"'too'"'"'"' dialogues/us-china-cybercrime/series.json >s.tmp &&
	mv s.tmp dialogues/us-china-cybercrime/series.json
run "$DIALDIFF" --format html report
is "$STATUS:$ERR" "0:" "report html of labels full of markup exits 0"
printf '%s\n' "$OUT" >evil.html
check_page evil.html en "a page of labels full of markup"
unlike "$OUT" '<(script|img|iframe)|<b>elsewhere' "no markup from the data gets through"
like "$OUT" 'Online sale of firearms &lt;script&gt;alert\(1\)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert\(2\)&gt;' "a label is escaped"
like "$OUT" '&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;iframe' "a note is escaped"
like "$OUT" '<title>A &lt;title&gt; &amp; &quot;quotes&quot; &#39;too&#39;</title>' "the series title is escaped in <title>"
like "$OUT" '<code>https://example.com/a\?b=1&amp;c=&quot;2&quot;</code>' "a source's url is text, not a link"
run "$DIALDIFF" --format html --lang zh diff 1 2
printf '%s\n' "$OUT" >evil-diff.html
check_page evil-diff.html zh "a diff page of labels full of markup"

done_testing
