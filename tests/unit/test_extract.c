/* Unit tests of extraction: the statement splitter, clauses, the
 * language guess, and dd_taxonomy_match_all. */
#include "unit.h"

#include "dialdiff/extract.h"

/* Split text; the statements as "LINE:COL|text" lines, joined by '\n'. */
static char *split(const char *text, int lines_end)
{
	dd_arena arena = DD_ARENA_INIT;
	dd_stmt *st = NULL;
	size_t n = 0, i;
	dd_buf out = DD_BUF_INIT;
	dd_error err;

	assert_int_equal(dd_extract_split(&st, &n, &arena, text, strlen(text),
					  lines_end, &err), 0);
	for (i = 0; i < n; i++) {
		assert_int_equal(strlen(st[i].text), st[i].len);
		dd_buf_addf(&out, "%s%d:%d|%s", i ? "\n" : "", st[i].line,
			    st[i].column, st[i].text);
	}
	free(st);
	dd_arena_release(&arena);
	return dd_buf_detach(&out, NULL);
}

static void expect_split(const char *text, int lines_end, const char *want)
{
	char *got = split(text, lines_end);

	assert_string_equal(got, want);
	free(got);
}

static void test_english_sentences(void **state)
{
	(void)state;
	expect_split("The U.S. side met in Washington, D.C. on Monday. They "
		     "agreed on No. 5 and on item No. 6. Done!\n", 0,
		     "1:1|The U.S. side met in Washington, D.C. on Monday.\n"
		     "1:50|They agreed on No. 5 and on item No. 6.\n"
		     "1:90|Done!");
	/* an initial, a decimal, a question, a quotation closed after the
	 * stop, an abbreviation before a lower-case word */
	expect_split("J. Smith paid 3.5 million? \"Yes.\" See e.g. the annex.",
		     0,
		     "1:1|J. Smith paid 3.5 million?\n"
		     "1:28|\"Yes.\"\n"
		     "1:35|See e.g. the annex.");
	/* a paragraph over several lines is one statement, a blank line
	 * ends it */
	expect_split("Cooperation on hacking\n  and fraud cases\n\nNext one\n", 0,
		     "1:1|Cooperation on hacking and fraud cases\n4:1|Next one");
}

static void test_lists_and_headings(void **state)
{
	(void)state;
	expect_split("# Outcomes\nIntro line\n- first item\n  goes on\n"
		     "* second\n1. third\n2) fourth\n(3) fifth\n"
		     "> quoted text\n\xE2\x80\xA2 bullet\n", 0,
		     "1:3|Outcomes\n2:1|Intro line\n3:3|first item goes on\n"
		     "5:3|second\n6:4|third\n7:4|fourth\n8:5|fifth\n"
		     "9:3|quoted text\n10:3|bullet");
	/* not list markers: a year, a decimal, a dash inside a word */
	expect_split("2015 was a year\n3.5 percent\n-dash\n", 1,
		     "1:1|2015 was a year\n2:1|3.5 percent\n3:1|-dash");
	/* a statement of punctuation alone is dropped */
	expect_split("---\n***\n...\n", 0, "");
}

static void test_chinese(void **state)
{
	(void)state;
	/* 。；！？ end statements, and so does every line end; markers after
	 * a split go too; a stop takes its closing quote along */
	expect_split("主要包括：1.对请求及时回应；2.不得窃取。第二句！\n"
		     "第三行没有句号\n一、列表项\n（2）另一项\n"
		     "他说「好。」然后\n", 1,
		     "1:1|主要包括：1.对请求及时回应；\n"
		     "1:18|不得窃取。\n"
		     "1:23|第二句！\n"
		     "2:1|第三行没有句号\n"
		     "3:3|列表项\n"
		     "4:4|另一项\n"
		     "5:1|他说「好。」\n"
		     "5:7|然后");
}

static void test_utf8_never_cut(void **state)
{
	dd_arena arena = DD_ARENA_INIT;
	dd_stmt *st = NULL;
	size_t n = 0, i, bad;
	dd_error err;
	/* full-width space, CJK stops and closers back to back */
	const char *text = "\xE3\x80\x80甲。」乙！？丙；\xE3\x80\x80\n丁.";

	(void)state;
	assert_int_equal(dd_extract_split(&st, &n, &arena, text, strlen(text),
					  1, &err), 0);
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		assert_true(dd_utf8_valid(st[i].text, st[i].len, &bad));
	free(st);
	dd_arena_release(&arena);
}

static void expect_clause(const char *text, const char *match,
			  const char *want)
{
	const char *at = strstr(text, match);
	char *got = NULL;
	dd_error err;

	assert_non_null(at);
	assert_int_equal(dd_extract_clause(&got, text, strlen(text),
					   (size_t)(at - text),
					   (size_t)(at - text) + strlen(match),
					   &err), 0);
	assert_string_equal(got, want);
	free(got);
}

static void test_clauses(void **state)
{
	size_t bad;
	char *got = NULL;
	dd_error err;
	char longer[600];

	(void)state;
	expect_clause("涉及网络传播儿童色情、商业窃密、网络诈骗等犯罪形态", "商业",
		      "商业窃密");
	expect_clause("强调网络诈骗(含电子邮件诈骗)、黑客犯罪", "电子邮件",
		      "强调网络诈骗(含电子邮件诈骗)");
	expect_clause("主要涉及:1.各种犯罪;2.各项保护;3.诸多热线机制", "热线",
		      "诸多热线机制");
	expect_clause("主要包括:1.对请求要及时给予回应;2.其他", "回应",
		      "对请求要及时给予回应");
	expect_clause("at 12:30 see http://example.org/fraud now", "fraud",
		      "at 12:30 see http://example.org/fraud now");
	expect_clause("They agreed, on 1,000 cases of fraud; and more.",
		      "fraud", "on 1,000 cases of fraud");
	expect_clause("\"Hacking cases\", they said", "Hacking",
		      "Hacking cases");
	expect_clause("Talks in the U.S. on hacking: progress", "hacking",
		      "Talks in the U.S. on hacking");
	/* a long clause is cut around the match, at spaces, with "…" */
	snprintf(longer, sizeof(longer), "%s fraud %s",
		 "one two three four five six seven eight nine ten eleven "
		 "twelve thirteen fourteen",
		 "alpha beta gamma delta epsilon zeta eta theta iota kappa "
		 "lambda mu nu xi omicron pi rho sigma tau upsilon phi chi");
	expect_clause(longer, "fraud",
		      "\xE2\x80\xA6" "ten eleven twelve thirteen fourteen "
		      "fraud alpha beta gamma delta epsilon zeta eta theta "
		      "iota kappa\xE2\x80\xA6");
	/* the same in Chinese: cut on character boundaries */
	longer[0] = '\0';
	while (strlen(longer) + 3 * 10 < 500)
		strcat(longer, "甲乙丙丁戊己庚辛壬癸");
	strcat(longer, "诈骗");
	assert_int_equal(dd_extract_clause(&got, longer, strlen(longer),
					   strlen(longer) - 6, strlen(longer),
					   &err), 0);
	assert_true(dd_utf8_valid(got, strlen(got), &bad));
	assert_true(dd_utf8_chars(got, strlen(got)) <= 44);
	free(got);
}

static void test_detect_lang(void **state)
{
	const char *zh = "首次对话涉及网络诈骗 (online fraud)";
	const char *en = "The meeting of Guo Shengkun (郭声琨) and the Attorney General";

	(void)state;
	assert_int_equal(dd_extract_detect_lang(zh, strlen(zh)), DD_LANG_ZH);
	assert_int_equal(dd_extract_detect_lang(en, strlen(en)), DD_LANG_EN);
	assert_int_equal(dd_extract_detect_lang("", 0), DD_LANG_EN);
}

static const char tx_json[] =
	"{ \"schema_version\": 1, \"sections\": [\n"
	"  { \"id\": \"a\", \"title\": {\"en\": \"A\"}, \"entries\": [\n"
	"    { \"id\": \"fraud\", \"name\": {\"en\": \"Fraud\"},\n"
	"      \"patterns\": [\"scam\", \"\\\\bfraud\", \"诈骗\"] },\n"
	"    { \"id\": \"hacking\", \"name\": {\"en\": \"Hacking\"},\n"
	"      \"patterns\": [\"\\\\bhack\", \"黑客\"] },\n"
	"    { \"id\": \"never\", \"name\": {\"en\": \"Never\"},\n"
	"      \"patterns\": [\"zzz\"] } ] },\n"
	"  { \"id\": \"b\", \"title\": {\"en\": \"B\"}, \"entries\": [\n"
	"    { \"id\": \"cases\", \"name\": {\"en\": \"Cases\"},\n"
	"      \"patterns\": [\"cases\"] } ] } ] }\n";

static void test_match_all(void **state)
{
	dd_taxonomy *tx = NULL;
	dd_hit *hits = NULL;
	size_t n = 0;
	dd_error err;
	const char *text = "hacking and fraud cases, a scam";

	(void)state;
	assert_int_equal(dd_taxonomy_load(&tx, tx_json, strlen(tx_json), "t.json",
					  NULL, &err), 0);
	assert_int_equal(dd_taxonomy_match_all(&hits, &n, tx, 0, text,
					       strlen(text), &err), 0);
	assert_int_equal(dd_taxonomy_match_all(&hits, &n, tx, 1, text,
					       strlen(text), &err), 0);
	assert_int_equal(n, 3);
	/* taxonomy order; for fraud the match that starts first, by its
	 * second pattern */
	assert_int_equal(hits[0].section, 0);
	assert_int_equal(hits[0].entry, 0);
	assert_int_equal(hits[0].pattern, 1);
	assert_int_equal(hits[0].start, 12);
	assert_int_equal(hits[0].end, 17);
	assert_int_equal(hits[1].entry, 1);
	assert_int_equal(hits[1].start, 0);
	assert_int_equal(hits[1].end, 4);
	assert_int_equal(hits[2].section, 1);
	assert_int_equal(hits[2].start, 18);
	/* invalid UTF-8 fails; the hits so far stay the caller's */
	assert_true(dd_taxonomy_match_all(&hits, &n, tx, 0, "\xFF", 1,
					  &err) < 0);
	assert_int_equal(n, 3);
	assert_true(dd_taxonomy_match_all(&hits, &n, tx, 9, "x", 1, &err) < 0);
	free(hits);
	dd_taxonomy_free(tx);
}

static void test_run_items(void **state)
{
	dd_taxonomy *tx = NULL;
	dd_extract *x = NULL;
	dd_buf round = DD_BUF_INIT;
	dd_extract_meta meta = { "s", 3, "2020-01-02", "in.txt" };
	dd_error err;
	const char *text = "- a scam here\n- 黑客和诈骗\n- nothing\n";

	(void)state;
	assert_int_equal(dd_taxonomy_load(&tx, tx_json, strlen(tx_json), "t.json",
					  NULL, &err), 0);
	assert_int_equal(dd_extract_run(&x, tx, text, strlen(text), "in.txt",
					DD_LANG_EN, &err), 0);
	assert_int_equal(x->nstmts, 3);
	assert_int_equal(x->stmts[2].nhits, 0);
	/* one item per entry: fraud first seen on line 1 */
	assert_int_equal(x->nitems, 2);
	assert_int_equal(x->items[0].entry, 0);
	assert_int_equal(x->stmts[x->items[0].stmt].line, 1);
	assert_string_equal(x->items[0].label, "a scam here");
	assert_string_equal(x->items[1].label, "黑客和诈骗");
	assert_int_equal(x->per_section[0], 2);
	assert_int_equal(x->per_section[1], 0);
	assert_int_equal(dd_extract_round(&round, x, &meta, &err), 0);
	assert_non_null(strstr(round.ptr, "\"note\": \"line 2 of in.txt\""));
	assert_non_null(strstr(round.ptr, "\"b\": []"));
	dd_buf_release(&round);
	dd_extract_free(x);
	/* a NUL byte and invalid UTF-8: failures with a position */
	assert_true(dd_extract_run(&x, tx, "ab\ncd\0", 6, "in.txt",
				   DD_EXTRACT_AUTO, &err) < 0);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 3);
	assert_true(dd_extract_run(&x, tx, "\xE4\xB8", 2, "in.txt",
				   DD_EXTRACT_AUTO, &err) < 0);
	assert_string_equal(err.file, "in.txt");
	assert_null(x);
	dd_taxonomy_free(tx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_english_sentences),
		cmocka_unit_test(test_lists_and_headings),
		cmocka_unit_test(test_chinese),
		cmocka_unit_test(test_utf8_never_cut),
		cmocka_unit_test(test_clauses),
		cmocka_unit_test(test_detect_lang),
		cmocka_unit_test(test_match_all),
		cmocka_unit_test(test_run_items),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
