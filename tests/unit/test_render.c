/*
 * test_render.c - the text, Markdown and JSON formats, on models built by
 * hand (no loading, classifying or diffing: only rendering is under test).
 */
#include "unit.h"

#include "dialdiff/json.h"
#include "dialdiff/render.h"
#include "../../src/render/internal.h"

/* ---- the fixture: a taxonomy, two classified rounds, their diff ------ */

static dd_entry crime_entries[] = {
	{ .id = "hacking", .name = { "Hacking", "黑客攻击" } },
	{ .id = "fraud", .name = { "Online fraud", "网络诈骗" } },
	{ .id = "hotline", .name = { "Hotline", "热线" } },
	{ .id = "cp", .name = { "Child pornography", "儿童色情" } },
	{ .id = "terror", .name = { "Terrorism", "恐怖主义" } },
};

static dd_entry protect_entries[] = {
	{ .id = "info-sharing", .name = { "Information sharing", "信息共享" } },
};

static dd_tsection tsections[] = {
	{ .id = "crime", .title = { "Crime categories", "犯罪类别" },
	  .entries = crime_entries, .nentries = 5 },
	{ .id = "protect", .title = { "Network protection", "网络保护" },
	  .entries = protect_entries, .nentries = 1 },
};

static dd_taxonomy tx = { .path = "taxonomy.json", .sections = tsections,
			  .nsections = 2, .impl = NULL };

#define ITEM(k, e, en, zh, act, nt)                                        \
	{ .label = { en, zh }, .action = act, .note = nt,                  \
	  .cls = DD_CLASS_MATCHED, .entry = e, .entry2 = -1, .key = k,     \
	  .pos = { 10, 5 } }

/* round 1 */
static dd_item a_crime[] = {
	ITEM("hacking", 0, "Hacking", "黑客攻击", "continued", NULL),
	ITEM("hotline", 2, "Hot line", "热线", "established", NULL),
	ITEM("cp", 3, "Child pornography", "儿童色情", "agreed", NULL),
	ITEM("terror", 4, "Terrorism", "恐怖主义", NULL, NULL),
};
static dd_item a_protect[] = {
	ITEM("info-sharing", 0, NULL, "信息共享", NULL, "old note"),
};
/* round 2 */
static dd_item b_crime[] = {
	ITEM("hacking", 0, "Hacking", "黑客攻击", "continued", NULL),
	ITEM("fraud", 1, "Online fraud", "网络诈骗", "agreed", NULL),
	ITEM("hotline", 2, "Hotline", "热线", "implemented", NULL),
	ITEM("terror", 4, "Terrorism", "恐怖主义", NULL, NULL),
};
static dd_item b_protect[] = {
	ITEM("info-sharing", 0, NULL, "信息共享", NULL, "new note"),
	{ .label = { "Cloud | <b>secure</b> & `fast`", NULL },
	  .cls = DD_CLASS_UNCLASSIFIED, .entry = -1, .entry2 = -1,
	  .key = "cloud | <b>secure</b> & `fast`" },
};

static dd_round_section a_sections[] = {
	{ .id = "crime", .items = a_crime, .count = 4, .tsection = 0 },
	{ .id = "protect", .items = a_protect, .count = 1, .tsection = 1 },
};
static dd_round_section b_sections[] = {
	{ .id = "crime", .items = b_crime, .count = 4, .tsection = 0 },
	{ .id = "protect", .items = b_protect, .count = 2, .tsection = 1 },
};

static dd_chair b_chairs[] = {
	{ .name = { "Guo Shengkun", "郭声琨" }, .role = { "State Councilor", NULL },
	  .party = "cn" },
};
static dd_provenance b_sources[] = {
	{ .title = "Outcome list", .publisher = "Ministry", .url = "https://example.org/x" },
};
static dd_item b_reaffirms[] = {
	{ .label = { "2015 consensus", "2015年共识" }, .entry = -1, .entry2 = -1 },
};

static dd_round round_a = {
	.path = "dialogues/us-cn/round-01.json", .rev = NULL,
	.schema_version = 1, .series = "us-cn", .number = 1,
	.date = "2015-12-01", .title = { "First dialogue", "首次对话" },
	.place = { "Washington", "华盛顿" },
	.sections = a_sections, .nsections = 2,
};
static dd_round round_b = {
	.path = "dialogues/us-cn/round-02.json",
	.rev = "0123456789abcdef0123456789abcdef01234567",
	.schema_version = 1, .series = "us-cn", .number = 2,
	.date = "2016-06-14", .title = { "Second dialogue", "第二次对话" },
	.place = { "Beijing", "北京" },
	.chairs = b_chairs, .nchairs = 1, .sources = b_sources, .nsources = 1,
	.sections = b_sections, .nsections = 2,
	.reaffirms = b_reaffirms, .nreaffirms = 1,
};

static dd_diff_item crime_added[] = {
	{ .key = "fraud", .entry = 1, .from = NULL, .to = &b_crime[1] },
};
static dd_diff_item crime_dropped[] = {
	{ .key = "cp", .entry = 3, .from = &a_crime[2], .to = NULL },
};
static dd_diff_item crime_kept[] = {
	{ .key = "hacking", .entry = 0, .from = &a_crime[0], .to = &b_crime[0] },
	{ .key = "hotline", .entry = 2, .from = &a_crime[1], .to = &b_crime[2],
	  .changes = DD_CHANGE_LABEL | DD_CHANGE_ACTION },
	{ .key = "terror", .entry = 4, .from = &a_crime[3], .to = &b_crime[3] },
};
static dd_diff_item protect_added[] = {
	{ .key = "cloud | <b>secure</b> & `fast`", .entry = -1, .from = NULL,
	  .to = &b_protect[1] },
};
static dd_diff_item protect_kept[] = {
	{ .key = "info-sharing", .entry = 0, .from = &a_protect[0],
	  .to = &b_protect[0], .changes = DD_CHANGE_NOTE },
};

static dd_diff_section diff_sections[] = {
	{ .id = "crime", .title = { "Crime categories", "犯罪类别" },
	  .tsection = 0, .similarity = 0.6,
	  .added = crime_added, .nadded = 1,
	  .kept = crime_kept, .nkept = 3,
	  .dropped = crime_dropped, .ndropped = 1, .nchanged = 1 },
	{ .id = "protect", .title = { "Network protection", "网络保护" },
	  .tsection = 1, .similarity = 0.5,
	  .added = protect_added, .nadded = 1,
	  .kept = protect_kept, .nkept = 1, .nchanged = 1 },
};

static dd_diff the_diff = {
	.from = &round_a, .to = &round_b, .tx = &tx,
	.sections = diff_sections, .nsections = 2,
	.nadded = 2, .nkept = 4, .ndropped = 1, .nchanged = 2,
};

/* the series and its timeline */
static dd_round *rounds[] = { &round_a, &round_b };
static dd_party parties[] = {
	{ .id = "us", .name = { "United States", "美国" } },
	{ .id = "cn", .name = { "China", "中国" } },
};
static dd_series series = {
	.id = "us-cn", .dir = "dialogues/us-cn",
	.path = "dialogues/us-cn/series.json",
	.title = { "China-US dialogue", "中美对话" },
	.parties = parties, .nparties = 2,
	.rounds = rounds, .nrounds = 2,
};

static const dd_item *cells_hacking[] = { &a_crime[0], &b_crime[0] };
static const dd_item *cells_fraud[] = { NULL, &b_crime[1] };
static const dd_item *cells_hotline[] = { &a_crime[1], &b_crime[2] };
static const dd_item *cells_cp[] = { &a_crime[2], NULL };
static const dd_item *cells_terror[] = { &a_crime[3], &b_crime[3] };
static const dd_item *cells_info[] = { &a_protect[0], &b_protect[0] };
static const dd_item *cells_cloud[] = { NULL, &b_protect[1] };

static dd_timeline_row crime_rows[] = {
	{ .key = "hacking", .entry = 0, .name = { "Hacking", "黑客攻击" },
	  .cells = cells_hacking, .npresent = 2, .first = 0, .last = 1,
	  .core = 1 },
	{ .key = "fraud", .entry = 1, .name = { "Online fraud", "网络诈骗" },
	  .cells = cells_fraud, .npresent = 1, .first = 1, .last = 1 },
	{ .key = "hotline", .entry = 2, .name = { "Hotline", "热线" },
	  .cells = cells_hotline, .npresent = 2, .first = 0, .last = 1,
	  .core = 1 },
	{ .key = "cp", .entry = 3, .name = { "Child pornography", "儿童色情" },
	  .cells = cells_cp, .npresent = 1, .first = 0, .last = 0 },
	{ .key = "terror", .entry = 4, .name = { "Terrorism", "恐怖主义" },
	  .cells = cells_terror, .npresent = 2, .first = 0, .last = 1,
	  .core = 1 },
};
static dd_timeline_row protect_rows[] = {
	{ .key = "info-sharing", .entry = 0,
	  .name = { "Information sharing", "信息共享" },
	  .cells = cells_info, .npresent = 2, .first = 0, .last = 1,
	  .core = 1 },
	{ .key = "cloud | <b>secure</b> & `fast`", .entry = -1,
	  .name = { "Cloud | <b>secure</b> & `fast`", NULL },
	  .cells = cells_cloud, .npresent = 1, .first = 1, .last = 1 },
};
static double crime_sim[] = { 0.6 };
static double protect_sim[] = { 0.5 };
static double all_sim[] = { 4.0 / 7.0 };

static dd_timeline_section timeline_sections[] = {
	{ .id = "crime", .title = { "Crime categories", "犯罪类别" },
	  .tsection = 0, .rows = crime_rows, .nrows = 5,
	  .similarity = crime_sim },
	{ .id = "protect", .title = { "Network protection", "网络保护" },
	  .tsection = 1, .rows = protect_rows, .nrows = 2,
	  .similarity = protect_sim },
};

static dd_timeline the_timeline = {
	.series = &series, .tx = &tx, .sections = timeline_sections,
	.nsections = 2, .similarity = all_sim,
};

static const dd_render_opts plain_en = { DD_LANG_EN, 0 };
static const dd_render_opts color_en = { DD_LANG_EN, 1 };
static const dd_render_opts plain_zh = { DD_LANG_ZH, 0 };
static const dd_render_opts all_en = { .lang = DD_LANG_EN, .all_items = 1 };

/* ---- helpers --------------------------------------------------------- */

static dd_diff *one_diff[] = { &the_diff };

/* What renderer r makes of the one diff d (malloc'd). */
static char *render_one(const dd_renderer *r, dd_diff *d,
			const dd_render_opts *o)
{
	dd_diff *dp[] = { d };
	dd_buf out = DD_BUF_INIT;

	assert_int_equal(r->diff(&out, dp, 1, o), 0);
	return dd_buf_detach(&out, NULL);
}

static char *render_diff(const dd_renderer *r, const dd_render_opts *o)
{
	return render_one(r, &the_diff, o);
}

/* What renderer r makes of diff d holds want. */
static void assert_renders(const dd_renderer *r, dd_diff *d,
			   const dd_render_opts *o, const char *want)
{
	char *s = render_one(r, d, o);

	if (!strstr(s, want))
		fail_msg("no \"%s\" in:\n%s", want, s);
	free(s);
}

/* A node by a dotted path of member names and array indexes:
 * "sections.0.added.0.id". */
static const dd_json *jpath(const dd_json *node, const char *path)
{
	char part[64];

	while (node && *path) {
		size_t n = strcspn(path, ".");

		assert_true(n < sizeof(part));
		memcpy(part, path, n);
		part[n] = '\0';
		path += n + (path[n] == '.');
		if (node->type == DD_JSON_ARRAY) {
			long i = strtol(part, NULL, 10);
			const dd_json *c = node->child;

			while (c && i-- > 0)
				c = c->next;
			node = c;
		} else {
			node = dd_json_get(node, part);
		}
	}
	return node;
}

static const char *jstr_at(const dd_json *root, const char *path)
{
	const dd_json *n = jpath(root, path);

	if (!n) {
		fail_msg("no %s", path);
		return NULL;
	}
	assert_int_equal(n->type, DD_JSON_STRING);
	return n->string;
}

static long long jint_at(const dd_json *root, const char *path)
{
	const dd_json *n = jpath(root, path);
	long long v = -1;

	if (!n)
		fail_msg("no %s", path);
	assert_true(dd_json_integer(n, &v));
	return v;
}

static int jtype_at(const dd_json *root, const char *path)
{
	const dd_json *n = jpath(root, path);

	return n ? (int)n->type : -1;
}

/* Parse s as JSON (it must end with one newline). */
static dd_json_doc *parse(const char *s)
{
	dd_json_doc *doc = NULL;
	dd_error err;
	size_t len = strlen(s);

	assert_true(len > 1);
	assert_int_equal(s[len - 1], '\n');
	assert_int_not_equal(s[len - 2], '\n');
	if (dd_json_parse(&doc, s, len, "<out>", &err) != 0)
		fail_msg("invalid JSON: %d:%d: %s\n%s", err.line, err.column,
			 err.message, s);
	return doc;
}

/* ---- tests ----------------------------------------------------------- */

static void test_find(void **state)
{
	(void)state;
	assert_ptr_equal(dd_render_find("text"), &dd_render_text);
	assert_ptr_equal(dd_render_find("markdown"), &dd_render_markdown);
	assert_ptr_equal(dd_render_find("md"), &dd_render_markdown);
	assert_ptr_equal(dd_render_find("json"), &dd_render_json);
	assert_ptr_equal(dd_render_find("html"), &dd_render_html);
	assert_null(dd_render_find("nope"));
	assert_null(dd_render_find(NULL));
	assert_ptr_equal(dd_render_find("github"), &dd_render_github);
	assert_ptr_equal(dd_render_find("junit"), &dd_render_junit);
	assert_ptr_equal(dd_render_find("sarif"), &dd_render_sarif);
	assert_ptr_equal(dd_renderers[0], &dd_render_text);
	assert_null(dd_render_html.check);
	assert_non_null(dd_render_text.check);
	assert_non_null(dd_render_markdown.check);
	assert_non_null(dd_render_json.check);
	/* the CI formats render check results only */
	assert_null(dd_render_github.diff);
	assert_null(dd_render_junit.report);
	assert_null(dd_render_sarif.timeline);
	assert_non_null(dd_render_sarif.check);
}

/* A check result with a file name and a message that every format must
 * escape its own way. */
static void check_fixture(dd_diags *d, dd_check_result *c)
{
	static const char *const files[] = { "a,b:c%.json", "ok.json" };

	dd_diags_init(d);
	dd_diags_add(d, DD_SEV_ERROR, "date", "a,b:c%.json", 3, 7,
		     "50%% <x> & \"y\"\nz");
	dd_diags_add(d, DD_SEV_WARNING, "unknown-key", "a,b:c%.json", 0, 0,
		     "w");
	memset(c, 0, sizeof(*c));
	c->diags = d;
	c->files = files;
	c->nfiles = 2;
}

static char *render_check(const dd_renderer *r, const dd_check_result *c)
{
	dd_buf out = DD_BUF_INIT;

	assert_int_equal(r->check(&out, c, &plain_en), 0);
	return dd_buf_detach(&out, NULL);
}

static void test_check_formats(void **state)
{
	dd_check_result c;
	dd_diags d;
	char *s;

	(void)state;
	check_fixture(&d, &c);
	s = render_check(&dd_render_text, &c);
	assert_string_equal(s,
		"a,b:c%.json:3:7: error: 50% <x> & \"y\" z [date]\n"
		"a,b:c%.json: warning: w [unknown-key]\n"
		"2 files checked: 1 error, 1 warning\n");
	free(s);
	s = render_check(&dd_render_github, &c);
	assert_string_equal(s,
		"::error file=a%2Cb%3Ac%25.json,line=3,col=7,title=date::50%25 <x> & \"y\"%0Az\n"
		"::warning file=a%2Cb%3Ac%25.json,title=unknown-key::w\n");
	free(s);
	s = render_check(&dd_render_junit, &c);
	assert_non_null(strstr(s, "<testcase classname=\"dialdiff.check\" name=\"a,b:c%.json\""));
	assert_non_null(strstr(s, "<failure type=\"date\" message=\"line 3: 50% &lt;x&gt; &amp; &quot;y&quot;&#10;z\">"
				  "a,b:c%.json:3:7: error: 50% &lt;x&gt; &amp; \"y\"\nz [date]</failure>"));
	assert_non_null(strstr(s, "<system-out>a,b:c%.json: warning: w [unknown-key]\n</system-out>"));
	assert_non_null(strstr(s, "tests=\"2\" failures=\"1\""));
	free(s);
	c.strict = 1;
	s = render_check(&dd_render_junit, &c);
	assert_non_null(strstr(s, "<failure type=\"unknown-key\""));
	free(s);
	s = render_check(&dd_render_sarif, &c);
	assert_non_null(strstr(s, "\"uri\": \"a%2Cb%3Ac%25.json\""));
	assert_non_null(strstr(s, "\"startLine\": 3,\n"));
	free(s);
	s = render_check(&dd_render_json, &c);
	assert_non_null(strstr(s, "\"line\": null,\n"));
	assert_non_null(strstr(s, "\"message\": \"50% <x> & \\\"y\\\"\\nz\""));
	free(s);
	s = render_check(&dd_render_markdown, &c);
	assert_non_null(strstr(s, "| \xe2\x9d\x8c | `a,b:c%.json` | 3 | 7 | `date` | 50% &lt;x&gt; &amp; \"y\" z |\n"));
	free(s);
	dd_diags_release(&d);
}

/* The diff with every item (--all-items, and the report)... */
#define TEXT_DIFF_HEAD \
	"diff round 1 (2015-12-01) → round 2 (2016-06-14)\n" \
	"--- dialogues/us-cn/round-01.json\n" \
	"+++ 0123456:dialogues/us-cn/round-02.json\n" \
	"\n" \
	"Crime categories  +1 -1 ~1 =2  similarity 0.60\n" \
	"+ Online fraud  [fraud]  (agreed)\n" \
	"- Child pornography  [cp]  (agreed)\n"
#define TEXT_DIFF_TAIL \
	"\n" \
	"Network protection  +1 -0 ~1 =0  similarity 0.50\n" \
	"+ Cloud | <b>secure</b> & `fast`  [cloud | <b>secure</b> & `fast`]\n" \
	"~ 信息共享  note: old note → new note\n" \
	"\n" \
	"2 sections: 2 added, 1 dropped, 2 changed, 2 unchanged\n"
#define TEXT_HOTLINE \
	"~ Hotline  label: Hot line → Hotline; action: established → implemented\n"

static const char expected_text_diff_all[] =
	TEXT_DIFF_HEAD "= Hacking\n" TEXT_HOTLINE "= Terrorism\n" TEXT_DIFF_TAIL;
/* ... and by default, without the unchanged ones. */
static const char expected_text_diff[] =
	TEXT_DIFF_HEAD TEXT_HOTLINE TEXT_DIFF_TAIL;

static void test_text_diff(void **state)
{
	char *s = render_diff(&dd_render_text, &plain_en);

	(void)state;
	assert_string_equal(s, expected_text_diff);
	assert_null(strchr(s, '\033'));
	free(s);
	s = render_diff(&dd_render_text, &all_en);
	assert_string_equal(s, expected_text_diff_all);
	free(s);
}

static void test_text_diff_color(void **state)
{
	const dd_render_opts color_all = { .lang = DD_LANG_EN, .color = 1,
					   .all_items = 1 };
	char *s = render_diff(&dd_render_text, &color_all);

	(void)state;
	assert_non_null(strstr(s, "\033[1mdiff round 1"));
	assert_non_null(strstr(s, "\033[32m+ Online fraud  [fraud]  (agreed)\033[m\n"));
	assert_non_null(strstr(s, "\033[31m- Child pornography"));
	assert_non_null(strstr(s, "\033[33m~ Hotline"));
	/* unchanged lines are plain */
	assert_non_null(strstr(s, "\n= Hacking\n"));
	free(s);
	/* the same text once the escapes are removed */
	s = render_diff(&dd_render_text, &color_all);
	{
		char *r = s, *w = s;

		while (*r) {
			if (*r == '\033') {
				while (*r && *r != 'm')
					r++;
				if (*r)
					r++;
				continue;
			}
			*w++ = *r++;
		}
		*w = '\0';
	}
	assert_string_equal(s, expected_text_diff_all);
	free(s);
}

static void test_text_diff_zh(void **state)
{
	char *s = render_diff(&dd_render_text, &plain_zh);

	(void)state;
	assert_non_null(strstr(s, "犯罪类别  +1 -1 ~1 =2  相似度 0.60\n"));
	assert_non_null(strstr(s, "+ 网络诈骗  [fraud]  (商定)\n"));
	/* the zh label did not change: the en wording is shown */
	assert_non_null(strstr(s, "~ 热线  标签：Hot line → Hotline；进展：建立 → 实施\n"));
	assert_non_null(strstr(s, "\n2 个类别：新增 2，删除 1，有变化 2，无变化 2\n"));
	/* no zh label: falls back to en */
	assert_non_null(strstr(s, "+ Cloud | <b>"));
	free(s);
}

static void test_text_diff_all(void **state)
{
	dd_diff *two[] = { &the_diff, &the_diff };
	dd_buf out = DD_BUF_INIT;
	char *s;

	(void)state;
	assert_int_equal(dd_render_text.diff(&out, two, 2, &plain_en), 0);
	s = dd_buf_detach(&out, NULL);
	assert_int_equal(strlen(s), 2 * strlen(expected_text_diff) + 1);
	assert_memory_equal(s, expected_text_diff, strlen(expected_text_diff));
	assert_string_equal(s + strlen(expected_text_diff) + 1,
			    expected_text_diff);
	free(s);
}

static const char expected_text_timeline_zh[] =
	"时间线：中美对话\n"
	"轮次：1 (2015-12-01)，2 (2016-06-14)\n"
	"格中为该轮记录的进展；● 出现（未记录进展）；· 未出现\n"
	"\n"
	"犯罪类别          1     2     出现轮次  轮数\n"
	"黑客攻击          继续  继续  1–2        2/2  核心\n"
	"网络诈骗          ·     商定  2          1/2\n"
	"热线              建立  实施  1–2        2/2  核心\n"
	"儿童色情          商定  ·     1          1/2\n"
	"恐怖主义          ●     ●     1–2        2/2  核心\n"
	"与上一轮的相似度        0.60\n"
	"核心议题（全部 2 轮都有）：黑客攻击，热线，恐怖主义\n"
	"\n"
	"网络保护                        1     2     出现轮次  轮数\n"
	"信息共享                        ●     ●     1–2        2/2  核心\n"
	"Cloud | <b>secure</b> & `fast`  ·     ●     2          1/2  未归类\n"
	"与上一轮的相似度                      0.50\n"
	"核心议题（全部 2 轮都有）：信息共享\n"
	"\n"
	"与上一轮的相似度（全部类别）：1→2 0.57\n";

static void test_text_timeline_cjk(void **state)
{
	dd_buf out = DD_BUF_INIT;

	(void)state;
	assert_int_equal(dd_render_text.timeline(&out, &the_timeline,
						 &plain_zh), 0);
	assert_string_equal(out.ptr, expected_text_timeline_zh);
	dd_buf_release(&out);
}

static void test_text_timeline_color(void **state)
{
	dd_buf out = DD_BUF_INIT;

	(void)state;
	assert_int_equal(dd_render_text.timeline(&out, &the_timeline,
						 &color_en), 0);
	/* padding stays outside the escapes, so columns still line up */
	assert_non_null(strstr(out.ptr,
		"\033[32mcontinued\033[m    \033[32mcontinued\033[m"));
	assert_non_null(strstr(out.ptr,
		"\033[2m·\033[m            \033[32magreed\033[m"));
	dd_buf_release(&out);
	assert_int_equal(dd_render_text.timeline(&out, &the_timeline,
						 &plain_en), 0);
	assert_null(strchr(out.ptr, '\033'));
	dd_buf_release(&out);
}

static void test_text_list(void **state)
{
	dd_series *all[] = { &series };
	const dd_taxonomy *txs[] = { &tx };
	dd_listing l = { all, 1, txs };
	dd_buf out = DD_BUF_INIT;

	(void)state;
	assert_int_equal(dd_render_text.list(&out, &l, &plain_zh), 0);
	assert_string_equal(out.ptr,
		"us-cn  中美对话  (dialogues/us-cn)\n"
		"  轮次  日期        名称        文件           crime  protect\n"
		"     1  2015-12-01  首次对话    round-01.json      4        1\n"
		"     2  2016-06-14  第二次对话  round-02.json      4        2\n");
	dd_buf_release(&out);
}

static void test_text_show(void **state)
{
	dd_buf out = DD_BUF_INIT;

	(void)state;
	assert_int_equal(dd_render_text.show(&out, &round_b, &tx, &plain_en), 0);
	assert_string_equal(out.ptr,
		"round 2  Second dialogue\n"
		"series  us-cn\n"
		"date    2016-06-14\n"
		"place   Beijing\n"
		"chairs  Guo Shengkun (State Councilor, cn)\n"
		"file    0123456:dialogues/us-cn/round-02.json\n"
		"\n"
		"Crime categories  (4)\n"
		"  Hacking       [hacking]  (continued)\n"
		"  Online fraud  [fraud]    (agreed)\n"
		"  Hotline       [hotline]  (implemented)\n"
		"  Terrorism     [terror]\n"
		"\n"
		"Network protection  (2)\n"
		"  信息共享                        [info-sharing]"
		"                                    new note\n"
		"  Cloud | <b>secure</b> & `fast`  [cloud | <b>secure</b> & `fast`]"
		"  ! unclassified\n"
		"\n"
		"reaffirms  (1)\n"
		"  2015 consensus\n");
	dd_buf_release(&out);
}

/* Control characters in the data never reach the terminal. */
static void test_text_control_chars(void **state)
{
	dd_item items[] = {
		ITEM("evil", -1, "bad\033[2Jlabel\nsecond line", NULL,
		     "agr\x7f" "eed", NULL),
	};
	dd_round_section secs[] = {
		{ .id = "crime", .items = items, .count = 1, .tsection = 0 },
	};
	dd_round r = round_a;
	dd_buf out = DD_BUF_INIT;

	(void)state;
	r.sections = secs;
	r.nsections = 1;
	r.title.en = "title\x1b]0;pwned\x07";
	assert_int_equal(dd_render_text.show(&out, &r, &tx, &color_en), 0);
	assert_non_null(strstr(out.ptr, "title?]0;pwned?"));
	assert_non_null(strstr(out.ptr, "bad?[2Jlabel second line  [evil]  (agr?eed)"));
	/* the only escapes are ours: ESC [ ... m */
	{
		const char *p = out.ptr;

		while ((p = strchr(p, '\033')) != NULL) {
			assert_int_equal(p[1], '[');
			p += 2;
			while (*p == ';' || (*p >= '0' && *p <= '9'))
				p++;
			assert_int_equal(*p, 'm');
		}
	}
	dd_buf_release(&out);
}

/* A note that appears and one that goes: the missing side is named. */
static void test_note_old_and_new(void **state)
{
	static dd_item from[] = {
		ITEM("hacking", 0, "Hacking", NULL, NULL, NULL),
		ITEM("fraud", 1, "Fraud", NULL, NULL, "to be | reviewed"),
	};
	static dd_item to[] = {
		ITEM("hacking", 0, "Hacking", NULL, NULL, "now a <priority>"),
		ITEM("fraud", 1, "Fraud", NULL, NULL, NULL),
	};
	dd_diff_item kept[] = {
		{ .key = "hacking", .entry = 0, .from = &from[0], .to = &to[0],
		  .changes = DD_CHANGE_NOTE },
		{ .key = "fraud", .entry = 1, .from = &from[1], .to = &to[1],
		  .changes = DD_CHANGE_NOTE },
	};
	dd_diff_section sec = { .id = "crime", .title = { "Crime", NULL },
				.tsection = 0, .similarity = 1, .kept = kept,
				.nkept = 2, .nchanged = 2 };
	dd_diff d = { .from = &round_a, .to = &round_b, .tx = &tx,
		      .sections = &sec, .nsections = 1, .nkept = 2,
		      .nchanged = 2 };

	(void)state;
	assert_renders(&dd_render_text, &d, &plain_en,
		"~ Hacking  note: (none) → now a <priority>\n"
		"~ Fraud  note: to be | reviewed → (none)\n");
	assert_renders(&dd_render_markdown, &d, &plain_en,
		"| ✏️ | Hacking<br>*note:* — → now a &lt;priority&gt; | `hacking` |  |\n"
		"| ✏️ | Fraud<br>*note:* to be \\| reviewed → — | `fraud` |  |\n");
	assert_renders(&dd_render_html, &d, &plain_en,
		"<div class=\"note\">now a &lt;priority&gt;</div>"
		"<div class=\"was\">note was: —</div>");
	assert_renders(&dd_render_html, &d, &plain_en,
		"<td>Fraud<div class=\"was\">note was: to be | reviewed</div>");
}

/* A section one side does not record: said so, with nothing added or
 * dropped, and no table of items. */
static void test_not_recorded(void **state)
{
	dd_diff_section secs[] = {
		{ .id = "crime", .title = { "Crime categories", "犯罪类别" },
		  .tsection = 0, .similarity = 1,
		  .unrecorded = DD_UNRECORDED_TO },
	};
	dd_diff d = { .from = &round_a, .to = &round_b, .tx = &tx,
		      .sections = secs, .nsections = 1 };
	dd_buf out = DD_BUF_INIT;
	char *s;

	(void)state;
	assert_renders(&dd_render_text, &d, &plain_en,
		"\nCrime categories  +0 -0 ~0 =0  not recorded in round 2\n\n"
		"1 section: 0 added");
	s = render_one(&dd_render_markdown, &d, &plain_en);
	assert_non_null(strstr(s,
		"| Crime categories | 0 | 0 | 0 | 0 | not recorded in round 2 |\n"));
	assert_non_null(strstr(s,
		"#### Crime categories\n\n*not recorded in round 2*\n"));
	assert_null(strstr(s, "| topic |"));
	free(s);
	s = render_one(&dd_render_html, &d, &plain_zh);
	assert_non_null(strstr(s,
		"<h2>犯罪类别</h2>\n<p class=\"muted\">第 2 轮未记录</p>"));
	assert_null(strstr(s, "<table class=\"diff\">"));
	free(s);

	/* the other side, both sides, two versions of one round, neither */
	secs[0].unrecorded = DD_UNRECORDED_FROM;
	dd_rnd_unrecorded(&out, &d, &secs[0], DD_LANG_EN);
	assert_string_equal(out.ptr, "not recorded in round 1");
	dd_buf_reset(&out);
	secs[0].unrecorded = DD_UNRECORDED_FROM | DD_UNRECORDED_TO;
	dd_rnd_unrecorded(&out, &d, &secs[0], DD_LANG_EN);
	assert_string_equal(out.ptr, "not recorded in rounds 1 and 2");
	dd_buf_reset(&out);
	dd_rnd_unrecorded(&out, &d, &secs[0], DD_LANG_ZH);
	assert_string_equal(out.ptr, "第 1 轮和第 2 轮均未记录");
	dd_buf_reset(&out);
	d.from = &round_b;
	dd_rnd_unrecorded(&out, &d, &secs[0], DD_LANG_EN);
	assert_string_equal(out.ptr, "not recorded in round 2");
	dd_buf_reset(&out);
	secs[0].unrecorded = 0;
	dd_rnd_unrecorded(&out, &d, &secs[0], DD_LANG_EN);
	assert_int_equal(out.len, 0);
	dd_buf_release(&out);
}

static void test_text_report(void **state)
{
	dd_diff *diffs[] = { &the_diff };
	dd_report r = { &series, &tx, &the_timeline, diffs, 1 };
	dd_buf out = DD_BUF_INIT;

	(void)state;
	assert_int_equal(dd_render_text.report(&out, &r, &plain_en), 0);
	assert_true(!strncmp(out.ptr,
		"China-US dialogue  [us-cn]\n"
		"parties: United States, China\n"
		"\n"
		"round  date        place       title\n"
		"    1  2015-12-01  Washington  First dialogue\n"
		"    2  2016-06-14  Beijing     Second dialogue\n"
		"\n"
		"timeline: China-US dialogue\n", 180));
	assert_non_null(strstr(out.ptr, "\n\n" "diff round 1"));
	/* the report ends with the diff, unchanged items listed */
	assert_string_equal(out.ptr + out.len - strlen(expected_text_diff_all),
			    expected_text_diff_all);
	dd_buf_release(&out);
}

#define MD_DIFF_HEAD \
	"### Round 1 → Round 2\n" \
	"\n" \
	"2015-12-01 → 2016-06-14 · `dialogues/us-cn/round-01.json` → " \
	"`0123456:dialogues/us-cn/round-02.json`\n" \
	"\n" \
	"**2 added, 1 dropped, 2 changed, 2 unchanged** in 2 sections\n" \
	"\n" \
	"| section | added | dropped | changed | unchanged | similarity |\n" \
	"| --- | ---: | ---: | ---: | ---: | ---: |\n" \
	"| Crime categories | 1 | 1 | 1 | 2 | 0.60 |\n" \
	"| Network protection | 1 | 0 | 1 | 0 | 0.50 |\n" \
	"\n" \
	"#### Crime categories\n" \
	"\n" \
	"|  | topic | id | action |\n" \
	"| --- | --- | --- | --- |\n" \
	"| ➕ | Online fraud | `fraud` | agreed |\n" \
	"| ➖ | Child pornography | `cp` | agreed |\n"
#define MD_HOTLINE \
	"| ✏️ | Hotline<br>*was:* Hot line | `hotline` | " \
	"established → implemented |\n"
#define MD_DIFF_TAIL \
	"\n" \
	"#### Network protection\n" \
	"\n" \
	"|  | topic | id | action |\n" \
	"| --- | --- | --- | --- |\n" \
	"| ➕ | Cloud \\| &lt;b&gt;secure&lt;/b&gt; &amp; \\`fast\\` | " \
	"cloud \\| &lt;b&gt;secure&lt;/b&gt; &amp; \\`fast\\` |  |\n" \
	"| ✏️ | 信息共享<br>*note:* old note → new note | `info-sharing` |  |\n" \
	"\n" \
	"➕ added · ➖ dropped · ✏️ changed · ＝ unchanged"

/* Every item (--all-items, and the report)... */
static const char expected_md_diff_all[] =
	MD_DIFF_HEAD
	"| ＝ | Hacking | `hacking` | continued |\n"
	MD_HOTLINE
	"| ＝ | Terrorism | `terror` |  |\n"
	MD_DIFF_TAIL "\n";
/* ... and by default: the unchanged ones counted, not listed. */
static const char expected_md_diff[] =
	MD_DIFF_HEAD MD_HOTLINE MD_DIFF_TAIL " (counted, not listed)\n";

static void test_markdown_diff(void **state)
{
	char *s = render_diff(&dd_render_markdown, &plain_en);

	(void)state;
	assert_string_equal(s, expected_md_diff);
	free(s);
	s = render_diff(&dd_render_markdown, &all_en);
	assert_string_equal(s, expected_md_diff_all);
	free(s);
}

/* --stat: counts per section, no items; never in the report. */
static void test_stat(void **state)
{
	const dd_render_opts stat = { .lang = DD_LANG_EN, .stat = 1 };
	dd_diff_section secs[3];
	dd_diff d = the_diff;
	dd_diff *diffs[] = { &the_diff };
	dd_report r = { &series, &tx, &the_timeline, diffs, 1 };
	dd_buf out = DD_BUF_INIT;
	char *s;

	(void)state;
	memcpy(secs, diff_sections, sizeof(diff_sections));
	memset(&secs[2], 0, sizeof(secs[2]));
	secs[2].id = "extra";
	secs[2].title.en = "Extra";
	secs[2].tsection = -1;
	secs[2].unrecorded = DD_UNRECORDED_FROM;
	d.sections = secs;
	d.nsections = 3;
	s = render_one(&dd_render_text, &d, &stat);
	assert_string_equal(s,
		"diff round 1 (2015-12-01) → round 2 (2016-06-14)\n"
		" Crime categories    | +1 -1 ~1 =2  similarity 0.60\n"
		" Network protection  | +1 -0 ~1 =0  similarity 0.50\n"
		" Extra               | +0 -0 ~0 =0  not recorded in round 1\n"
		" 3 sections: 2 added, 1 dropped, 2 changed, 2 unchanged\n");
	free(s);
	s = render_one(&dd_render_markdown, &d, &stat);
	assert_non_null(strstr(s,
		"| Network protection | 1 | 0 | 1 | 0 | 0.50 |\n"
		"| Extra | 0 | 0 | 0 | 0 | not recorded in round 1 |\n"));
	/* the table of counts ends the diff: no items, no legend */
	{
		static const char last[] =
			"| Extra | 0 | 0 | 0 | 0 | not recorded in round 1 |\n";

		assert_string_equal(s + strlen(s) - strlen(last), last);
	}
	free(s);
	assert_int_equal(dd_render_text.report(&out, &r, &stat), 0);
	assert_string_equal(out.ptr + out.len - strlen(expected_text_diff_all),
			    expected_text_diff_all);
	dd_buf_reset(&out);
	assert_int_equal(dd_render_markdown.report(&out, &r, &stat), 0);
	assert_string_equal(out.ptr + out.len - strlen(expected_md_diff_all),
			    expected_md_diff_all);
	dd_buf_release(&out);
}

static void test_markdown_escape_and_details(void **state)
{
	dd_item items[12];
	dd_diff_item added[12];
	dd_diff_section sec = { .id = "x", .title = { "X *y*", NULL },
				.tsection = -1, .similarity = 0,
				.added = added, .nadded = 12 };
	dd_diff d = { .from = &round_a, .to = &round_b, .tx = NULL,
		      .sections = &sec, .nsections = 1, .nadded = 12 };
	dd_diff *dp[] = { &d };
	dd_buf out = DD_BUF_INIT;
	size_t i;

	(void)state;
	memset(items, 0, sizeof(items));
	memset(added, 0, sizeof(added));
	for (i = 0; i < 12; i++) {
		items[i].label.en = "a|b_c _d_ [e](f)";
		items[i].entry = -1;
		added[i].key = "k";
		added[i].entry = -1;
		added[i].to = &items[i];
	}
	assert_int_equal(dd_render_markdown.diff(&out, dp, 1, &plain_en), 0);
	assert_non_null(strstr(out.ptr, "#### X \\*y\\*\n"));
	assert_non_null(strstr(out.ptr,
		"| ➕ | a\\|b_c \\_d\\_ \\[e\\](f) | `k` |  |\n"));
	assert_non_null(strstr(out.ptr,
		"<details><summary>12 topics</summary>\n\n|  | topic |"));
	assert_non_null(strstr(out.ptr, "|  |\n\n</details>\n"));
	dd_buf_release(&out);
}

static void test_markdown_others(void **state)
{
	dd_diff *diffs[] = { &the_diff };
	dd_report r = { &series, &tx, &the_timeline, diffs, 1 };
	dd_series *all[] = { &series };
	const dd_taxonomy *txs[] = { &tx };
	dd_listing l = { all, 1, txs };
	dd_buf out = DD_BUF_INIT;

	(void)state;
	assert_int_equal(dd_render_markdown.timeline(&out, &the_timeline,
						     &plain_en), 0);
	assert_non_null(strstr(out.ptr, "### Timeline: China-US dialogue\n"));
	assert_non_null(strstr(out.ptr,
		"Core set (in all 2 rounds): Hacking, Hotline, Terrorism\n"
		"\n"
		"| topic | 1 | 2 | seen | rounds | notes |\n"
		"| --- | :-: | :-: | --- | ---: | --- |\n"
		"| Hacking | ✓ continued | ✓ continued | 1–2 | 2/2 | core |\n"
		"| Online fraud | · | ✓ agreed | 2 | 1/2 |  |\n"));
	assert_non_null(strstr(out.ptr,
		"| *similarity to previous* |  | 0.60 |  |  |  |\n"));
	assert_non_null(strstr(out.ptr, "| 2 | 1/2 | unclassified |\n"));
	dd_buf_release(&out);

	assert_int_equal(dd_render_markdown.list(&out, &l, &plain_en), 0);
	assert_string_equal(out.ptr,
		"### us-cn: China-US dialogue\n"
		"\n"
		"`dialogues/us-cn` · 2 rounds\n"
		"\n"
		"| round | date | title | file | crime | protect |\n"
		"| ---: | --- | --- | --- | ---: | ---: |\n"
		"| 1 | 2015-12-01 | First dialogue | `round-01.json` | 4 | 1 |\n"
		"| 2 | 2016-06-14 | Second dialogue | `round-02.json` | 4 | 2 |\n");
	dd_buf_release(&out);

	assert_int_equal(dd_render_markdown.show(&out, &round_b, &tx,
						 &plain_en), 0);
	assert_non_null(strstr(out.ptr, "### Round 2: Second dialogue\n\n"
		"6 topics in 2 sections, ⚠️ 1 not classified\n"));
	assert_non_null(strstr(out.ptr, "| `info-sharing` |  | new note |\n"));
	assert_non_null(strstr(out.ptr, " ⚠️ unclassified |  |  |\n"));
	dd_buf_release(&out);

	assert_int_equal(dd_render_markdown.report(&out, &r, &plain_en), 0);
	assert_non_null(strstr(out.ptr, "## China-US dialogue\n\n"
		"2 rounds · parties: United States, China\n"));
	assert_non_null(strstr(out.ptr, "\n### Timeline: "));
	assert_string_equal(out.ptr + out.len - strlen(expected_md_diff_all),
			    expected_md_diff_all);
	dd_buf_release(&out);
}

static void test_json_diff(void **state)
{
	char *s = render_diff(&dd_render_json, &plain_en);
	dd_json_doc *doc = parse(s);
	const dd_json *root = dd_json_root(doc);

	(void)state;
	assert_string_equal(jstr_at(root, "schema"), "dialdiff/diff@1");
	assert_string_equal(jstr_at(root, "from.series"), "us-cn");
	assert_int_equal(jint_at(root, "from.round"), 1);
	assert_string_equal(jstr_at(root, "from.date"), "2015-12-01");
	assert_string_equal(jstr_at(root, "from.path"),
			    "dialogues/us-cn/round-01.json");
	assert_int_equal(jtype_at(root, "from.rev"), DD_JSON_NULL);
	assert_string_equal(jstr_at(root, "to.rev"),
			    "0123456789abcdef0123456789abcdef01234567");
	assert_int_equal(jint_at(root, "to.round"), 2);

	assert_string_equal(jstr_at(root, "sections.0.id"), "crime");
	assert_string_equal(jstr_at(root, "sections.0.title.zh"), "犯罪类别");
	assert_true(jpath(root, "sections.0.similarity")->number == 0.6);
	assert_string_equal(jstr_at(root, "sections.0.added.0.id"), "fraud");
	assert_string_equal(jstr_at(root, "sections.0.added.0.label.en"),
			    "Online fraud");
	assert_string_equal(jstr_at(root, "sections.0.added.0.action"),
			    "agreed");
	assert_int_equal(jtype_at(root, "sections.0.added.0.classified"),
			 DD_JSON_TRUE);
	assert_string_equal(jstr_at(root, "sections.0.added.0.entry_name.en"),
			    "Online fraud");
	assert_string_equal(jstr_at(root, "sections.0.dropped.0.id"), "cp");
	assert_string_equal(jstr_at(root, "sections.0.dropped.0.action"),
			    "agreed");
	/* kept: unchanged */
	assert_int_equal(jpath(root, "sections.0.kept.0.changes")->count, 0);
	/* kept: changed label and action */
	assert_string_equal(jstr_at(root, "sections.0.kept.1.id"), "hotline");
	assert_string_equal(jstr_at(root, "sections.0.kept.1.label.en"),
			    "Hotline");
	assert_string_equal(jstr_at(root, "sections.0.kept.1.from_label.en"),
			    "Hot line");
	assert_string_equal(jstr_at(root, "sections.0.kept.1.action"),
			    "implemented");
	assert_string_equal(jstr_at(root, "sections.0.kept.1.from_action"),
			    "established");
	assert_int_equal(jpath(root, "sections.0.kept.1.changes")->count, 2);
	assert_string_equal(jstr_at(root, "sections.0.kept.1.changes.0"),
			    "label");
	assert_string_equal(jstr_at(root, "sections.0.kept.1.changes.1"),
			    "action");
	/* no action: no key */
	assert_null(jpath(root, "sections.0.kept.2.action"));
	assert_null(jpath(root, "sections.0.kept.2.from_action"));
	/* zh-only label: only "zh" */
	assert_int_equal(jpath(root, "sections.1.kept.0.label")->count, 1);
	assert_string_equal(jstr_at(root, "sections.1.kept.0.label.zh"),
			    "信息共享");
	assert_string_equal(jstr_at(root, "sections.1.kept.0.note"),
			    "new note");
	assert_string_equal(jstr_at(root, "sections.1.kept.0.from_note"),
			    "old note");
	assert_string_equal(jstr_at(root, "sections.1.kept.0.changes.0"),
			    "note");
	/* unclassified key, with characters JSON must escape */
	assert_string_equal(jstr_at(root, "sections.1.added.0.id"),
			    "cloud | <b>secure</b> & `fast`");
	assert_int_equal(jtype_at(root, "sections.1.added.0.classified"),
			 DD_JSON_FALSE);
	assert_null(jpath(root, "sections.1.added.0.entry_name"));

	assert_int_equal(jint_at(root, "summary.added"), 2);
	assert_int_equal(jint_at(root, "summary.kept"), 4);
	assert_int_equal(jint_at(root, "summary.dropped"), 1);
	assert_int_equal(jint_at(root, "summary.changed"), 2);
	dd_json_doc_free(doc);
	free(s);
}

static void test_json_diffs(void **state)
{
	dd_diff *two[] = { &the_diff, &the_diff };
	dd_buf out = DD_BUF_INIT;
	dd_json_doc *doc;
	const dd_json *root;

	(void)state;
	assert_int_equal(dd_render_json.diff(&out, two, 2, &plain_en), 0);
	doc = parse(out.ptr);
	root = dd_json_root(doc);
	assert_string_equal(jstr_at(root, "schema"), "dialdiff/diffs@1");
	assert_int_equal(jpath(root, "diffs")->count, 2);
	assert_string_equal(jstr_at(root, "diffs.1.schema"), "dialdiff/diff@1");
	assert_int_equal(jint_at(root, "diffs.1.summary.added"), 2);
	dd_json_doc_free(doc);
	dd_buf_release(&out);
}

static void test_json_timeline(void **state)
{
	dd_buf out = DD_BUF_INIT;
	dd_json_doc *doc;
	const dd_json *root;

	(void)state;
	assert_int_equal(dd_render_json.timeline(&out, &the_timeline,
						 &plain_en), 0);
	doc = parse(out.ptr);
	root = dd_json_root(doc);
	assert_string_equal(jstr_at(root, "schema"), "dialdiff/timeline@1");
	assert_string_equal(jstr_at(root, "series.id"), "us-cn");
	assert_string_equal(jstr_at(root, "series.title.zh"), "中美对话");
	assert_int_equal(jint_at(root, "rounds.1.round"), 2);
	assert_string_equal(jstr_at(root, "rounds.1.date"), "2016-06-14");
	assert_string_equal(jstr_at(root, "rounds.1.title.en"),
			    "Second dialogue");
	assert_string_equal(jstr_at(root, "sections.0.entries.1.id"), "fraud");
	assert_int_equal(jpath(root, "sections.0.entries.1.present")->count, 1);
	assert_int_equal(jint_at(root, "sections.0.entries.1.present.0"), 2);
	assert_int_equal(jint_at(root, "sections.0.entries.1.first"), 2);
	assert_int_equal(jint_at(root, "sections.0.entries.1.last"), 2);
	assert_int_equal(jtype_at(root, "sections.0.entries.1.core"),
			 DD_JSON_FALSE);
	assert_int_equal(jtype_at(root, "sections.0.entries.0.core"),
			 DD_JSON_TRUE);
	assert_int_equal(jtype_at(root, "sections.0.entries.0.gap"),
			 DD_JSON_FALSE);
	assert_int_equal(jtype_at(root, "sections.0.entries.1.actions.1"),
			 DD_JSON_NULL);
	assert_string_equal(jstr_at(root, "sections.0.entries.1.actions.2"),
			    "agreed");
	assert_string_equal(jstr_at(root, "sections.0.entries.2.actions.1"),
			    "established");
	assert_int_equal(jint_at(root, "sections.0.similarity.0.from"), 1);
	assert_int_equal(jint_at(root, "sections.0.similarity.0.to"), 2);
	assert_true(jpath(root, "sections.0.similarity.0.value")->number == 0.6);
	assert_true(jpath(root, "similarity.0.value")->number == 4.0 / 7.0);
	dd_json_doc_free(doc);
	dd_buf_release(&out);
}

static void test_json_report_list_show(void **state)
{
	dd_diff *diffs[] = { &the_diff };
	dd_report r = { &series, &tx, &the_timeline, diffs, 1 };
	dd_series *all[] = { &series };
	const dd_taxonomy *txs[] = { &tx };
	dd_listing l = { all, 1, txs };
	dd_buf out = DD_BUF_INIT;
	dd_json_doc *doc;
	const dd_json *root;

	(void)state;
	assert_int_equal(dd_render_json.report(&out, &r, &plain_en), 0);
	doc = parse(out.ptr);
	root = dd_json_root(doc);
	assert_string_equal(jstr_at(root, "schema"), "dialdiff/report@1");
	assert_string_equal(jstr_at(root, "series.id"), "us-cn");
	assert_string_equal(jstr_at(root, "series.parties.1.id"), "cn");
	assert_string_equal(jstr_at(root, "series.parties.1.name.zh"), "中国");
	assert_string_equal(jstr_at(root, "rounds.1.place.en"), "Beijing");
	assert_string_equal(jstr_at(root, "rounds.1.chairs.0.name.zh"),
			    "郭声琨");
	assert_string_equal(jstr_at(root, "rounds.1.sources.0.url"),
			    "https://example.org/x");
	assert_int_equal(jint_at(root, "rounds.1.counts.protect"), 2);
	assert_null(jpath(root, "timeline.schema"));
	assert_string_equal(jstr_at(root, "timeline.sections.1.id"), "protect");
	assert_string_equal(jstr_at(root, "diffs.0.schema"), "dialdiff/diff@1");
	dd_json_doc_free(doc);
	dd_buf_release(&out);

	assert_int_equal(dd_render_json.list(&out, &l, &plain_en), 0);
	doc = parse(out.ptr);
	root = dd_json_root(doc);
	assert_string_equal(jstr_at(root, "schema"), "dialdiff/list@1");
	assert_string_equal(jstr_at(root, "series.0.id"), "us-cn");
	assert_string_equal(jstr_at(root, "series.0.path"), "dialogues/us-cn");
	assert_string_equal(jstr_at(root, "series.0.rounds.0.path"),
			    "dialogues/us-cn/round-01.json");
	assert_int_equal(jint_at(root, "series.0.rounds.0.counts.crime"), 4);
	assert_int_equal(jint_at(root, "series.0.rounds.0.counts.protect"), 1);
	dd_json_doc_free(doc);
	dd_buf_release(&out);

	assert_int_equal(dd_render_json.show(&out, &round_b, &tx, &plain_en), 0);
	doc = parse(out.ptr);
	root = dd_json_root(doc);
	assert_string_equal(jstr_at(root, "schema"), "dialdiff/round@1");
	assert_string_equal(jstr_at(root, "series"), "us-cn");
	assert_int_equal(jint_at(root, "round"), 2);
	assert_string_equal(jstr_at(root, "rev"),
			    "0123456789abcdef0123456789abcdef01234567");
	assert_string_equal(jstr_at(root, "sections.0.title.en"),
			    "Crime categories");
	assert_string_equal(jstr_at(root, "sections.0.items.1.id"), "fraud");
	assert_string_equal(jstr_at(root, "sections.0.items.1.class"),
			    "matched");
	assert_string_equal(jstr_at(root, "sections.0.items.1.entry_name.zh"),
			    "网络诈骗");
	assert_null(jpath(root, "sections.0.items.3.action"));
	assert_string_equal(jstr_at(root, "sections.1.items.1.class"),
			    "unclassified");
	assert_null(jpath(root, "sections.1.items.1.entry_name"));
	assert_string_equal(jstr_at(root, "reaffirms.0.label.zh"),
			    "2015年共识");
	dd_json_doc_free(doc);
	dd_buf_release(&out);
}

/* Out of memory in the buffer: every renderer says so. */
/* ---- review, log, listing ----------------------------------------- */

static dd_file_change review_files[] = {
	{ .path = "dialogues/us-cn/round-02.json",
	  .old_path = "dialogues/us-cn/round-2.json",
	  .status = DD_FILE_RENAMED, .from = &round_a, .to = &round_b,
	  .diff = &the_diff },
	{ .path = "dialogues/us-cn/round-09.json", .status = DD_FILE_ADDED,
	  .error = "abc1234:dialogues/us-cn/round-09.json:2:3: duplicate key \"round\"" },
};
static dd_review the_review = {
	.from_rev = "1111111111111111111111111111111111111111",
	.to_rev = NULL, .files = review_files, .nfiles = 2,
};
static const char *merge_parents[] = {
	"2222222222222222222222222222222222222222",
	"3333333333333333333333333333333333333333",
};
static dd_log_commit log_commits[] = {
	{ .id = "4444444444444444444444444444444444444444",
	  .parents = merge_parents, .nparents = 2,
	  .author_name = "A U Thor", .author_email = "author@example.com",
	  .date = "2020-01-01T00:00:00+00:00", .subject = "merge side" },
	{ .id = "2222222222222222222222222222222222222222",
	  .parents = merge_parents + 1, .nparents = 1,
	  .author_name = "A U Thor", .author_email = "author@example.com",
	  .date = "2019-12-31T23:00:00-01:00", .subject = "round 2 | <b>",
	  .files = review_files, .nfiles = 1 },
};
static dd_log the_log = { .commits = log_commits, .ncommits = 2 };

static void test_review(void **state)
{
	dd_buf out = DD_BUF_INIT;
	dd_json_doc *doc;
	const dd_json *root;

	(void)state;
	assert_int_equal(dd_render_text.review(&out, &the_review, &plain_en), 0);
	assert_non_null(strstr(out.ptr, "review 1111111..working tree\n\n"
				      "renamed dialogues/us-cn/round-2.json \xe2\x86\x92 dialogues/us-cn/round-02.json\n"
				      "diff round 1 (2015-12-01) \xe2\x86\x92 round 2 (2016-06-14)\n"));
	assert_non_null(strstr(out.ptr, "\n\nadded dialogues/us-cn/round-09.json\n"
				      "error: abc1234:dialogues/us-cn/round-09.json:2:3: duplicate key \"round\"\n"));
	dd_buf_reset(&out);

	assert_int_equal(dd_render_markdown.review(&out, &the_review, &plain_en), 0);
	assert_non_null(strstr(out.ptr, "## Review `1111111` \xe2\x86\x92 working tree\n\n"
				      "2 round files changed: 1 added, 1 renamed\n"));
	assert_non_null(strstr(out.ptr, "\n### Renamed `dialogues/us-cn/round-2.json` \xe2\x86\x92 `dialogues/us-cn/round-02.json`\n\n#### Round 1"));
	assert_non_null(strstr(out.ptr, "\n##### Crime categories\n"));
	assert_non_null(strstr(out.ptr, "cannot compare: abc1234:"));
	dd_buf_reset(&out);

	assert_int_equal(dd_render_json.review(&out, &the_review, &plain_en), 0);
	doc = parse(out.ptr);
	root = dd_json_root(doc);
	assert_string_equal(jstr_at(root, "schema"), "dialdiff/review@1");
	assert_string_equal(jstr_at(root, "from_rev"),
			    "1111111111111111111111111111111111111111");
	assert_int_equal(jtype_at(root, "to_rev"), DD_JSON_NULL);
	assert_string_equal(jstr_at(root, "files.0.status"), "renamed");
	assert_string_equal(jstr_at(root, "files.0.old_path"),
			    "dialogues/us-cn/round-2.json");
	assert_string_equal(jstr_at(root, "files.0.diff.schema"), "dialdiff/diff@1");
	assert_string_equal(jstr_at(root, "files.1.status"), "added");
	assert_null(jpath(root, "files.1.diff"));
	assert_null(jpath(root, "files.1.old_path"));
	assert_non_null(strstr(jstr_at(root, "files.1.error"), "duplicate key"));
	dd_json_doc_free(doc);

	/* the diff driver's single file: no review header */
	{
		dd_review one = { .files = review_files + 1, .nfiles = 1 };

		dd_buf_reset(&out);
		assert_int_equal(dd_render_text.review(&out, &one, &plain_en), 0);
		assert_int_equal(strncmp(out.ptr, "added ", 6), 0);
	}
	dd_buf_release(&out);
}

/* Added and deleted rounds are headed by the round they are, never
 * "Round 2 → Round 2". */
static void test_review_added_deleted(void **state)
{
	dd_round none_b = { .series = "us-cn", .number = 2 };
	dd_round none_a = { .series = "us-cn", .number = 1 };
	dd_diff_section nosec = { .id = "crime", .title = { "Crime", NULL },
				  .tsection = 0, .similarity = 1 };
	dd_diff d_new = { .from = &none_b, .to = &round_b, .tx = &tx,
			  .sections = &nosec, .nsections = 1 };
	dd_diff d_after = { .from = &round_a, .to = &round_b, .tx = &tx,
			    .sections = &nosec, .nsections = 1 };
	dd_diff d_gone = { .from = &round_a, .to = &none_a, .tx = &tx,
			   .sections = &nosec, .nsections = 1 };
	dd_file_change files[] = {
		{ .path = "dialogues/us-cn/round-02.json", .status = DD_FILE_ADDED,
		  .from = &none_b, .to = &round_b, .diff = &d_new },
		{ .path = "dialogues/us-cn/round-02.json", .status = DD_FILE_ADDED,
		  .from = &round_a, .to = &round_b, .baseline = 1,
		  .diff = &d_after },
		{ .path = "dialogues/us-cn/round-01.json",
		  .status = DD_FILE_DELETED, .from = &round_a, .to = &none_a,
		  .diff = &d_gone },
	};
	dd_review rv = { .files = files, .nfiles = 3 };
	dd_buf out = DD_BUF_INIT;

	(void)state;
	assert_int_equal(dd_render_text.review(&out, &rv, &plain_en), 0);
	assert_non_null(strstr(out.ptr, "added dialogues/us-cn/round-02.json\n"
				      "diff round 2 (2016-06-14), new\n"
				      "--- /dev/null\n"));
	assert_non_null(strstr(out.ptr, "added dialogues/us-cn/round-02.json\n"
				      "diff round 2 (2016-06-14), new, compared "
				      "with round 1 (2015-12-01)\n"
				      "--- dialogues/us-cn/round-01.json\n"));
	assert_non_null(strstr(out.ptr, "deleted dialogues/us-cn/round-01.json\n"
				      "diff round 1 (2015-12-01), deleted\n"
				      "--- dialogues/us-cn/round-01.json\n"
				      "+++ /dev/null\n"));
	assert_null(strstr(out.ptr, "(none)"));
	dd_buf_reset(&out);

	assert_int_equal(dd_render_markdown.review(&out, &rv, &plain_en), 0);
	assert_non_null(strstr(out.ptr, "### Added `dialogues/us-cn/round-02.json`\n\n"
				      "#### Round 2 (new)\n\n"
				      "2016-06-14 · `0123456:dialogues/us-cn/round-02.json`\n\n"));
	assert_non_null(strstr(out.ptr, "#### Round 2 (new), compared with round 1\n\n"
				      "2015-12-01 → 2016-06-14 · "));
	assert_non_null(strstr(out.ptr, "### Deleted `dialogues/us-cn/round-01.json`\n\n"
				      "#### Round 1 (deleted)\n\n"
				      "2015-12-01 · `dialogues/us-cn/round-01.json`\n\n"));
	assert_null(strstr(out.ptr, "Round 2 → Round 2"));
	assert_null(strstr(out.ptr, "Round 1 → Round 1"));
	dd_buf_release(&out);
}

/* log --oneline: a line per commit, with each file's counts. */
static void test_log_oneline(void **state)
{
	const dd_render_opts one = { .lang = DD_LANG_EN, .oneline = 1 };
	const dd_render_opts one_color = { .lang = DD_LANG_EN, .color = 1,
					   .oneline = 1 };
	dd_log_commit c = log_commits[1];
	dd_log l = { .commits = log_commits, .ncommits = 2 };
	dd_buf out = DD_BUF_INIT;

	(void)state;
	assert_int_equal(dd_render_log(&out, &dd_render_text, &l, &one), 0);
	assert_string_equal(out.ptr,
		"4444444 merge side\n"
		"2222222 round 2 | <b>  dialogues/us-cn/round-02.json +2 -1 ~2\n");
	dd_buf_reset(&out);
	c.files = review_files;
	c.nfiles = 2;	/* the second one cannot be compared */
	assert_int_equal(dd_render_text.log_commit(&out, &c, 0, &one_color), 0);
	assert_string_equal(out.ptr,
		"\033[33m2222222\033[m round 2 | <b>  dialogues/us-cn/round-02.json "
		"+2 -1 ~2, dialogues/us-cn/round-09.json (cannot compare)\n");
	dd_buf_reset(&out);
	assert_int_equal(dd_render_log(&out, &dd_render_markdown, &l, &one), 0);
	assert_string_equal(out.ptr,
		"## Log\n"
		"\n"
		"- `4444444` merge side\n"
		"- `2222222` round 2 \\| &lt;b&gt; · `dialogues/us-cn/round-02.json` +2 -1 ~2\n"
		"\n"
		"2 commits changed round files\n");
	dd_buf_reset(&out);
	assert_int_equal(dd_render_markdown.log_commit(&out, &c, 1, &one), 0);
	assert_non_null(strstr(out.ptr, ", `dialogues/us-cn/round-09.json` ⚠️ cannot compare\n"));
	dd_buf_release(&out);
}

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static void test_log(void **state)
{
	dd_buf out = DD_BUF_INIT;
	dd_json_doc *doc;
	const dd_json *root;
	size_t i;

	(void)state;
	assert_int_equal(dd_render_log(&out, &dd_render_text, &the_log, &plain_en), 0);
	assert_true(starts(out.ptr,
		"commit 4444444444444444444444444444444444444444\n"
		"Merge: 2222222 3333333\n"
		"Author: A U Thor <author@example.com>\n"
		"Date:   2020-01-01T00:00:00+00:00\n\n"
		"    merge side\n\n"
		"commit 2222222222222222222222222222222222222222\n"
		"Author: A U Thor <author@example.com>\n"
		"Date:   2019-12-31T23:00:00-01:00\n\n"
		"    round 2 | <b>\n\n"
		"renamed dialogues/us-cn/round-2.json"));
	dd_buf_reset(&out);

	assert_int_equal(dd_render_log(&out, &dd_render_markdown, &the_log, &plain_en), 0);
	assert_true(starts(out.ptr, "## Log\n\n### `4444444` merge side\n\n"
			   "A U Thor \xc2\xb7 2020-01-01T00:00:00+00:00 \xc2\xb7 merge of `2222222` `3333333`\n"));
	assert_non_null(strstr(out.ptr, "### `2222222` round 2 \\| &lt;b&gt;\n"));
	assert_non_null(strstr(out.ptr, "\n#### Renamed `dialogues/us-cn/round-2.json`"));
	assert_non_null(strstr(out.ptr, "\n2 commits changed round files\n"));
	dd_buf_reset(&out);

	for (i = 0; i < 2; i++) {
		dd_log empty = { .ncommits = 0 };

		/* resumed in parts, the JSON is one document */
		dd_buf_reset(&out);
		assert_int_equal(dd_render_log(&out, &dd_render_json,
					       i ? &empty : &the_log, &plain_en), 0);
		doc = parse(out.ptr);
		root = dd_json_root(doc);
		assert_string_equal(jstr_at(root, "schema"), "dialdiff/log@1");
		assert_int_equal(jpath(root, "commits")->count, i ? 0 : 2);
		if (!i) {
			assert_string_equal(jstr_at(root, "commits.0.parents.1"),
					    "3333333333333333333333333333333333333333");
			assert_string_equal(jstr_at(root, "commits.0.author.email"),
					    "author@example.com");
			assert_int_equal(jpath(root, "commits.0.files")->count, 0);
			assert_string_equal(jstr_at(root, "commits.1.date"),
					    "2019-12-31T23:00:00-01:00");
			assert_int_equal(jint_at(root, "commits.1.files.0.diff.to.round"),
					 2);
		}
		dd_json_doc_free(doc);
	}
	dd_buf_release(&out);
}

static void test_listing(void **state)
{
	dd_buf out = DD_BUF_INIT;

	(void)state;
	assert_int_equal(dd_render_listing(&out, &round_b), 0);
	assert_string_equal(out.ptr,
		"series: us-cn\n"
		"round: 2\n"
		"date: 2016-06-14\n"
		"title: \xe7\xac\xac\xe4\xba\x8c\xe6\xac\xa1\xe5\xaf\xb9\xe8\xaf\x9d / Second dialogue\n"
		"place: \xe5\x8c\x97\xe4\xba\xac / Beijing\n"
		"\n"
		"crime: hacking (continued)  \xe9\xbb\x91\xe5\xae\xa2\xe6\x94\xbb\xe5\x87\xbb / Hacking\n"
		"crime: fraud (agreed)  \xe7\xbd\x91\xe7\xbb\x9c\xe8\xaf\x88\xe9\xaa\x97 / Online fraud\n"
		"crime: hotline (implemented)  \xe7\x83\xad\xe7\xba\xbf / Hotline\n"
		"crime: terror  \xe6\x81\x90\xe6\x80\x96\xe4\xb8\xbb\xe4\xb9\x89 / Terrorism\n"
		"protect: info-sharing  \xe4\xbf\xa1\xe6\x81\xaf\xe5\x85\xb1\xe4\xba\xab\n"
		"protect: info-sharing note: new note\n"
		"protect: ? cloud | <b>secure</b> & `fast`  Cloud | <b>secure</b> & `fast`\n"
		"\n"
		"reaffirms: 2015\xe5\xb9\xb4\xe5\x85\xb1\xe8\xaf\x86 / 2015 consensus\n");
	dd_buf_release(&out);
}

static void test_oom(void **state)
{
	dd_diff *diffs[] = { &the_diff };
	dd_report r = { &series, &tx, &the_timeline, diffs, 1 };
	dd_series *all[] = { &series };
	const dd_taxonomy *txs[] = { &tx };
	dd_listing l = { all, 1, txs };
	size_t i;

	(void)state;
	for (i = 0; dd_renderers[i]; i++) {
		const dd_renderer *rd = dd_renderers[i];
		dd_buf out = DD_BUF_INIT;

		dd_check_result c;
		dd_diags d;

		out.oom = 1;
		check_fixture(&d, &c);
		if (rd->diff)
			assert_int_equal(rd->diff(&out, one_diff, 1, &plain_en), -1);
		if (rd->timeline)
			assert_int_equal(rd->timeline(&out, &the_timeline, &plain_en), -1);
		if (rd->report)
			assert_int_equal(rd->report(&out, &r, &plain_en), -1);
		if (rd->list)
			assert_int_equal(rd->list(&out, &l, &plain_en), -1);
		if (rd->show)
			assert_int_equal(rd->show(&out, &round_b, &tx, &plain_en), -1);
		if (rd->check)
			assert_int_equal(rd->check(&out, &c, &plain_en), -1);
		if (rd->review) {
			assert_int_equal(rd->review(&out, &the_review, &plain_en), -1);
			assert_int_equal(dd_render_log(&out, rd, &the_log,
						       &plain_en), -1);
		}
		dd_diags_release(&d);
		dd_buf_release(&out);
	}
}

/* ---- html ---------------------------------------------------------- */

/* The page is one document: doctype, no script, nothing external. */
static void assert_page(const char *s, const char *lang)
{
	char want[64];

	assert_true(!strncmp(s, "<!DOCTYPE html>\n<html ", 22));
	snprintf(want, sizeof(want), " lang=\"%s\" xml:lang=\"%s\">", lang,
		 lang);
	assert_non_null(strstr(s, want));
	assert_non_null(strstr(s, "<meta charset=\"utf-8\"/>"));
	assert_non_null(strstr(s, "@media print"));
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "src="));
	assert_null(strstr(s, "url("));
	assert_null(strstr(s, "@import"));
	assert_null(strstr(s, "<link"));
	assert_null(strstr(s, "href=\"http"));
	assert_null(strstr(s, "href=\"//"));
	assert_string_equal(s + strlen(s) - 8, "</html>\n");
}

/* The footer's provenance line: the version alone, or with the commit
 * (marked when modified) and the date in UTC. */
static void test_html_provenance(void **state)
{
	dd_render_opts o = plain_en;
	char *s;

	(void)state;
	s = render_diff(&dd_render_html, &o);
	assert_non_null(strstr(s, "<p class=\"provenance\">dialdiff " DD_VERSION
			       "</p></footer>"));
	free(s);
	o.commit = "0123456789abcdef0123456789abcdef01234567";
	o.commit_modified = 1;
	o.dated = 1;
	o.date = 1709251199;	/* a leap day's last second */
	s = render_diff(&dd_render_html, &o);
	assert_non_null(strstr(s, "<p class=\"provenance\">dialdiff " DD_VERSION
			       " \xc2\xb7 commit <code>0123456789abcdef0123456789abcdef01234567</code>"
			       " (with uncommitted changes) \xc2\xb7 <time datetime=\"2024-02-29T23:59:59Z\">"
			       "2024-02-29T23:59:59Z</time></p></footer>"));
	free(s);
	o.lang = DD_LANG_ZH;
	o.commit_modified = 0;
	o.date = 0;
	s = render_diff(&dd_render_html, &o);
	assert_non_null(strstr(s, " \xc2\xb7 \xe6\x8f\x90\xe4\xba\xa4 <code>"));	/* 提交 */
	assert_non_null(strstr(s, "<time datetime=\"1970-01-01T00:00:00Z\">"));
	free(s);
}

static void test_html_diff(void **state)
{
	char *s = render_diff(&dd_render_html, &plain_en);

	(void)state;
	assert_page(s, "en");
	/* a label from the data cannot inject markup */
	assert_null(strstr(s, "<b>secure"));
	assert_non_null(strstr(s,
		"Cloud | &lt;b&gt;secure&lt;/b&gt; &amp; `fast`"));
	assert_non_null(strstr(s, "<title>Round 1 → Round 2</title>"));
	assert_non_null(strstr(s, "<td class=\"mark s-a\"><span class=\"sym\">+"
				  "</span> Added</td><td>Online fraud</td>"));
	assert_non_null(strstr(s, "established → implemented"));
	assert_non_null(strstr(s, "<code>0123456:dialogues/us-cn/round-02.json</code>"));
	/* a page lists unchanged items too, without all_items */
	assert_non_null(strstr(s, "<span class=\"sym\">=</span> Unchanged</td>"
				  "<td>Hacking</td>"));
	/* a changed note: the new one, then the old one */
	assert_non_null(strstr(s, "<div class=\"note\">new note</div>"
				  "<div class=\"was\">note was: old note</div>"));
	/* the badges in the legend's order: kept items are changed or
	   unchanged, not both */
	assert_non_null(strstr(s,
		"<ul class=\"badges\"><li class=\"s-a\"><span class=\"sym\">+"
		"</span> Added <b>2</b></li><li class=\"s-d\"><span class=\"sym\">"
		"−</span> Dropped <b>1</b></li><li class=\"s-c\"><span "
		"class=\"sym\">~</span> Changed <b>2</b></li><li class=\"s-k\">"
		"<span class=\"sym\">=</span> Unchanged <b>2</b></li>"));
	free(s);

	s = render_diff(&dd_render_html, &plain_zh);
	assert_page(s, "zh");
	assert_non_null(strstr(s, "<title>第 1 轮 → 第 2 轮</title>"));
	assert_non_null(strstr(s, "</span> 新增</td><td>网络诈骗</td>"));
	assert_non_null(strstr(s, "建立 → 实施"));
	/* no zh label: the en one, marked as English */
	assert_non_null(strstr(s, "<span lang=\"en\" xml:lang=\"en\">Cloud | &lt;b&gt;"));
	free(s);
}

static void test_html_escape(void **state)
{
	dd_item items[] = {
		ITEM("x", -1, "a\x01" "b\x7f" "c\xc2\x85" "d\xef\xbf\xbe" "e\xff"
		     "f\"'<>&\r\n", NULL, "<i>", "</td>"),
	};
	dd_round_section secs[] = {
		{ .id = "crime", .items = items, .count = 1, .tsection = 0 },
	};
	dd_round r = round_b;
	dd_buf out = DD_BUF_INIT;

	(void)state;
	r.sections = secs;
	r.nsections = 1;
	r.title.en = "<script>alert(1)</script>";
	assert_int_equal(dd_render_html.show(&out, &r, &tx, &plain_en), 0);
	assert_page(out.ptr, "en");
	assert_non_null(strstr(out.ptr, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd"
				       "d\xef\xbf\xbd" "e\xef\xbf\xbd"
				       "f&quot;&#39;&lt;&gt;&amp; \n"));
	assert_non_null(strstr(out.ptr, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(out.ptr, "&lt;i&gt;"));
	assert_non_null(strstr(out.ptr, "&lt;/td&gt;"));
	/* a source's url is text, not a link */
	assert_non_null(strstr(out.ptr, "<code>https://example.org/x</code>"));
	dd_buf_release(&out);
}

static void test_html_timeline_report(void **state)
{
	dd_diff *diffs[] = { &the_diff };
	dd_report r = { &series, &tx, &the_timeline, diffs, 1 };
	dd_series *all[] = { &series };
	const dd_taxonomy *txs[] = { &tx };
	dd_listing l = { all, 1, txs };
	dd_buf out = DD_BUF_INIT;

	(void)state;
	assert_int_equal(dd_render_html.timeline(&out, &the_timeline,
						 &plain_en), 0);
	assert_page(out.ptr, "en");
	/* colour and symbol in every cell, and the action */
	assert_non_null(strstr(out.ptr,
		"<td class=\"cell s-p\" title=\"Present\"><span class=\"sym\">"
		"●</span> established</td><td class=\"cell s-p\" "
		"title=\"Present\"><span class=\"sym\">●</span> implemented</td>"));
	assert_non_null(strstr(out.ptr,
		"<td class=\"cell s-x\" title=\"Absent\"><span class=\"sym\">·"
		"</span></td><td class=\"cell s-a\" title=\"Added\">"
		"<span class=\"sym\">+</span> agreed</td>"));
	assert_non_null(strstr(out.ptr, "title=\"Dropped\"><span class=\"sym\">−"));
	assert_non_null(strstr(out.ptr,
		"In every round (core set): </strong>Hacking, Hotline, Terrorism"));
	dd_buf_release(&out);

	assert_int_equal(dd_render_html.report(&out, &r, &plain_zh), 0);
	assert_page(out.ptr, "zh");
	assert_non_null(strstr(out.ptr, "<h2>时间线</h2>"));
	assert_non_null(strstr(out.ptr, "<h2>资料来源</h2>"));
	assert_non_null(strstr(out.ptr, "<cite>Outcome list</cite>"));
	assert_non_null(strstr(out.ptr, "href=\"#diff-1-2\""));
	assert_non_null(strstr(out.ptr, "<article id=\"diff-1-2\">"));
	/* at a glance: added, dropped, changed, unchanged */
	assert_non_null(strstr(out.ptr, "</span>新增</th><th class=\"num s-d\">"
				       "<span class=\"sym\">−</span>删除</th>"));
	assert_non_null(strstr(out.ptr, "<td class=\"num\">2</td><td class=\"num\">"
				       "1</td><td class=\"num\">2</td><td "
				       "class=\"num\">2</td>"));
	dd_buf_release(&out);

	assert_int_equal(dd_render_html.list(&out, &l, &plain_en), 0);
	assert_page(out.ptr, "en");
	assert_non_null(strstr(out.ptr, "<code>round-02.json</code>"));
	dd_buf_release(&out);
}

static void test_row_gaps(void **state)
{
	dd_item x = ITEM("x", 0, "X", NULL, NULL, NULL);
	/* present in 1, 4, 5, 7 of 8: gaps 2-3 and 6 */
	const dd_item *cells[] = { &x, NULL, NULL, &x, &x, NULL, &x, NULL };
	dd_timeline_row row = { .key = "x", .cells = cells, .npresent = 4,
				.first = 0, .last = 6, .gap = 1 };
	dd_timeline_section sec = { .rows = &row, .nrows = 1 };
	size_t from = 0, a = 99, b = 99;

	(void)state;
	assert_int_equal(dd_rnd_row_gap(&row, 8, &from, &a, &b), 1);
	assert_int_equal(a, 1);
	assert_int_equal(b, 2);
	assert_int_equal(dd_rnd_row_gap(&row, 8, &from, &a, &b), 1);
	assert_int_equal(a, 5);
	assert_int_equal(b, 5);
	assert_int_equal(dd_rnd_row_gap(&row, 8, &from, &a, &b), 0);
	assert_int_equal(dd_rnd_core_count(&sec), 0);
	/* no gap in a row present in every round */
	from = 0;
	assert_int_equal(dd_rnd_row_gap(&crime_rows[0], 2, &from, &a, &b), 0);
	assert_int_equal(dd_rnd_core_count(&timeline_sections[0]), 3);
}

/* dd_rnd_row_notes: core, then each gap, then unclassified, in the
 * words given; dd_rnd_fill fills in {1} and {2}; dd_rnd_row_seen */
static void test_row_notes(void **state)
{
	static const dd_rnd_note_words w = { "C", "-{1}+{2}", "U", "|" };
	const dd_rnd_note_words en = dd_rnd_notes(DD_LANG_EN);
	const dd_rnd_note_words zh = dd_rnd_notes(DD_LANG_ZH);
	dd_item x = ITEM("x", 0, "X", NULL, NULL, NULL);
	/* present in rounds 11, 14, 15, 17 of 11 to 18: gaps 12-13 and 16 */
	const dd_item *cells[] = { &x, NULL, NULL, &x, &x, NULL, &x, NULL };
	dd_timeline_row row = { .key = "x", .entry = -1, .cells = cells,
				.npresent = 4, .first = 0, .last = 6, .gap = 1 };
	dd_round r[8];
	dd_round *rp[8];
	dd_series s = { .rounds = rp, .nrounds = 8 };
	dd_buf out = DD_BUF_INIT;
	char seen[64];
	size_t i;

	(void)state;
	memset(r, 0, sizeof(r));
	for (i = 0; i < 8; i++) {
		r[i].number = 11 + (long long)i;
		rp[i] = &r[i];
	}
	dd_rnd_row_notes(&out, &s, &row, &en);
	assert_string_equal(out.ptr, "dropped 12, re-added 14; "
			    "dropped 16, re-added 17; unclassified");
	dd_buf_reset(&out);
	dd_rnd_row_notes(&out, &s, &row, &zh);
	assert_string_equal(out.ptr, "第 12 轮删除，第 14 轮恢复；"
			    "第 16 轮删除，第 17 轮恢复；未归类");
	dd_buf_reset(&out);
	dd_rnd_row_notes(&out, &s, &row, &w);
	assert_string_equal(out.ptr, "-12+14|-16+17|U");
	/* seen: its first and last round, one number when they are one */
	dd_rnd_row_seen(seen, sizeof(seen), &s, &row);
	assert_string_equal(seen, "11\xe2\x80\x93" "17");
	dd_rnd_row_seen(seen, sizeof(seen), &series, &crime_rows[1]);
	assert_string_equal(seen, "2");
	/* in every round, classified: one note, no separator */
	dd_buf_reset(&out);
	dd_rnd_row_notes(&out, &series, &crime_rows[0], &w);
	assert_string_equal(out.ptr, "C");
	/* neither: nothing */
	dd_buf_reset(&out);
	dd_rnd_row_notes(&out, &series, &crime_rows[1], &w);
	assert_int_equal(out.len, 0);
	/* core and unclassified, without a gap */
	row.core = 1;
	row.cells = (const dd_item *[]){ &x, &x };
	row.first = 0;
	row.last = 1;
	dd_buf_reset(&out);
	dd_rnd_row_notes(&out, &series, &row, &w);
	assert_string_equal(out.ptr, "C|U");
	/* {1} and {2} in any order, up to a '{' that starts neither */
	dd_buf_reset(&out);
	dd_rnd_fill(&out, "{2}/{1} {1}{x}{1}", 7, -8);
	assert_string_equal(out.ptr, "-8/7 7{x}{1}");
	assert_false(dd_buf_oom(&out));
	dd_buf_release(&out);
}

/* dd_rnd_cross_series: only two series, both named, that differ */
static void test_cross_series(void **state)
{
	dd_round x = round_a, y = round_b;
	dd_diff d = { .from = &x, .to = &y };

	(void)state;
	assert_false(dd_rnd_cross_series(&the_diff));	/* us-cn, us-cn */
	y.series = "other";
	assert_true(dd_rnd_cross_series(&d));
	x.series = NULL;
	assert_false(dd_rnd_cross_series(&d));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_text_diff),
		cmocka_unit_test(test_text_diff_color),
		cmocka_unit_test(test_text_diff_zh),
		cmocka_unit_test(test_text_diff_all),
		cmocka_unit_test(test_note_old_and_new),
		cmocka_unit_test(test_not_recorded),
		cmocka_unit_test(test_stat),
		cmocka_unit_test(test_review_added_deleted),
		cmocka_unit_test(test_log_oneline),
		cmocka_unit_test(test_text_timeline_cjk),
		cmocka_unit_test(test_text_timeline_color),
		cmocka_unit_test(test_text_list),
		cmocka_unit_test(test_text_show),
		cmocka_unit_test(test_text_control_chars),
		cmocka_unit_test(test_text_report),
		cmocka_unit_test(test_markdown_diff),
		cmocka_unit_test(test_markdown_escape_and_details),
		cmocka_unit_test(test_markdown_others),
		cmocka_unit_test(test_json_diff),
		cmocka_unit_test(test_json_diffs),
		cmocka_unit_test(test_json_timeline),
		cmocka_unit_test(test_json_report_list_show),
		cmocka_unit_test(test_review),
		cmocka_unit_test(test_log),
		cmocka_unit_test(test_listing),
		cmocka_unit_test(test_check_formats),
		cmocka_unit_test(test_oom),
		cmocka_unit_test(test_row_gaps),
		cmocka_unit_test(test_row_notes),
		cmocka_unit_test(test_cross_series),
		cmocka_unit_test(test_html_diff),
		cmocka_unit_test(test_html_provenance),
		cmocka_unit_test(test_html_escape),
		cmocka_unit_test(test_html_timeline_report),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
