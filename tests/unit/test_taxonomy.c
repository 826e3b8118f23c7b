/* Unit tests of the taxonomy: loading, PCRE2 matching, classification. */
#include "unit.h"

#include <time.h>

#include "dialdiff/buf.h"
#include "dialdiff/taxonomy.h"

/* Line numbers matter: the diagnostics tests below refer to them. */
static const char good_json[] =
	"{\n"
	"  \"schema_version\": 1,\n"
	"  \"sections\": [\n"
	"    { \"id\": \"mechanisms\",\n"
	"      \"title\": {\"en\": \"Mechanisms\", \"zh\": \"机制\"},\n"
	"      \"entries\": [\n"
	"        { \"id\": \"hotline\", \"name\": {\"en\": \"Hotline\", \"zh\": \"热线\"},\n"
	"          \"patterns\": [\"hot\\\\s*line\", \"热线\"] },\n"
	"        { \"id\": \"cybercrime\", \"name\": {\"en\": \"Cybercrime\"},\n"
	"          \"patterns\": [\"cyber\\\\s*crimes?\", \"网络犯罪\"] },\n"
	"        { \"id\": \"fbi\", \"name\": {\"zh\": \"联邦调查局\"},\n"
	"          \"patterns\": [\"ｆｂｉ\", \"案件\\\\d\"] },\n"
	"        { \"id\": \"nothing\", \"name\": {\"en\": \"Nothing\"},\n"
	"          \"patterns\": [] }\n"
	"      ] },\n"
	"    { \"id\": \"outcomes\", \"title\": {\"zh\": \"成果\"},\n"
	"      \"entries\": [\n"
	"        { \"id\": \"hotline\", \"name\": {\"en\": \"Hotline\"},\n"
	"          \"patterns\": [\"hotline\"] },\n"
	"        { \"id\": \"guidelines\", \"name\": {\"en\": \"Guidelines\"},\n"
	"          \"patterns\": [\"guidelines?\", \"指南\"] }\n"
	"      ] }\n"
	"  ]\n"
	"}\n";

static dd_taxonomy *load_ok(const char *json)
{
	dd_taxonomy *tx = NULL;
	dd_diags diags = DD_DIAGS_INIT;
	dd_error err;
	int rc = dd_taxonomy_load(&tx, json, strlen(json), "taxonomy.json",
				  &diags, &err);

	if (rc != 0 || diags.errors) {
		size_t i;

		for (i = 0; i < diags.count; i++)
			fprintf(stderr, "%d:%d: %s: %s\n", diags.items[i].line,
				diags.items[i].column, diags.items[i].rule,
				diags.items[i].message);
		fprintf(stderr, "%s\n", err.message);
	}
	assert_int_equal(rc, 0);
	assert_non_null(tx);
	assert_int_equal(diags.errors, 0);
	dd_diags_release(&diags);
	return tx;
}

/* Load json expecting failure; diags are kept for the caller. */
static void load_bad(const char *json, dd_diags *diags, dd_error *err)
{
	dd_taxonomy *tx = (dd_taxonomy *)&tx;
	int rc = dd_taxonomy_load(&tx, json, strlen(json), "taxonomy.json",
				  diags, err);

	assert_true(rc < 0);
	assert_null(tx);
	assert_true(diags->errors > 0);
}

static const dd_diag *find_diag(const dd_diags *d, const char *rule,
				size_t nth)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		if (!strcmp(d->items[i].rule, rule) && nth-- == 0)
			return &d->items[i];
	return NULL;
}

static size_t count_rule(const dd_diags *d, const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < d->count; i++)
		n += !strcmp(d->items[i].rule, rule);
	return n;
}

static void test_load_structure(void **state)
{
	dd_taxonomy *tx = load_ok(good_json);
	const dd_tsection *s;

	(void)state;
	assert_string_equal(tx->path, "taxonomy.json");
	assert_int_equal(tx->nsections, 2);
	s = &tx->sections[0];
	assert_string_equal(s->id, "mechanisms");
	assert_string_equal(s->title.en, "Mechanisms");
	assert_string_equal(s->title.zh, "机制");
	assert_int_equal(s->pos.line, 4);
	assert_int_equal(s->nentries, 4);
	assert_string_equal(s->entries[0].id, "hotline");
	assert_string_equal(s->entries[0].name.zh, "热线");
	assert_int_equal(s->entries[0].npatterns, 2);
	assert_string_equal(s->entries[0].patterns[0], "hot\\s*line");
	assert_int_equal(s->entries[0].pattern_pos[0].line, 8);
	assert_int_equal(s->entries[0].pattern_pos[0].column, 24);
	assert_null(s->entries[1].name.zh);
	assert_int_equal(s->entries[3].npatterns, 0);
	assert_null(tx->sections[1].title.en);
	assert_string_equal(tx->sections[1].title.zh, "成果");

	assert_int_equal(dd_taxonomy_section(tx, "mechanisms"), 0);
	assert_int_equal(dd_taxonomy_section(tx, "outcomes"), 1);
	assert_int_equal(dd_taxonomy_section(tx, "hotline"), -1);
	assert_int_equal(dd_taxonomy_section(tx, "Mechanisms"), -1);
	assert_int_equal(dd_taxonomy_entry(tx, 0, "hotline"), 0);
	assert_int_equal(dd_taxonomy_entry(tx, 0, "fbi"), 2);
	assert_int_equal(dd_taxonomy_entry(tx, 0, "guidelines"), -1);
	assert_int_equal(dd_taxonomy_entry(tx, 1, "hotline"), 0);
	assert_int_equal(dd_taxonomy_entry(tx, 1, "guidelines"), 1);
	assert_int_equal(dd_taxonomy_entry(tx, 2, "hotline"), -1);
	assert_int_equal(dd_taxonomy_entry(tx, 0, "mechanisms"), -1);
	dd_taxonomy_free(tx);
	dd_taxonomy_free(NULL);
}

static void expect_match(dd_taxonomy *tx, size_t s, const char *text,
			 size_t count, int e0, int e1)
{
	dd_match m;
	dd_error err;
	int rc = dd_taxonomy_match(&m, tx, s, text, &err);

	if (rc)
		fprintf(stderr, "%s: %s\n", text, err.message);
	assert_int_equal(rc, 0);
	assert_int_equal(m.count, count);
	assert_int_equal(m.entry[0], e0);
	assert_int_equal(m.entry[1], e1);
}

static void test_match(void **state)
{
	dd_taxonomy *tx = load_ok(good_json);
	dd_match m;
	dd_error err;

	(void)state;
	expect_match(tx, 0, "Cyber crime cooperation", 1, 1, -1);
	expect_match(tx, 0, "打击网络犯罪", 1, 1, -1);
	expect_match(tx, 0, "Hot line", 1, 0, -1);
	expect_match(tx, 0, "a HOTLINE for CYBERCRIMES", 2, 0, 1);
	expect_match(tx, 0, "热线与网络犯罪与ＦＢＩ", 2, 0, 1);
	expect_match(tx, 0, "the weather", 0, -1, -1);
	expect_match(tx, 0, "", 0, -1, -1);
	/* caseless full-width Latin, and \d meets a full-width digit */
	expect_match(tx, 0, "ＦＢＩ", 1, 2, -1);
	expect_match(tx, 0, "Ｆｂｉ liaison", 1, 2, -1);
	expect_match(tx, 0, "案件２", 1, 2, -1);
	expect_match(tx, 0, "案件", 0, -1, -1);
	/* the same text, another section */
	expect_match(tx, 1, "Hot line", 0, -1, -1);
	expect_match(tx, 1, "hotline", 1, 0, -1);
	expect_match(tx, 1, "指南", 1, 1, -1);

	/* cached: the same label twice gives the same answer */
	expect_match(tx, 0, "Cyber crime cooperation", 1, 1, -1);
	expect_match(tx, 0, "a HOTLINE for CYBERCRIMES", 2, 0, 1);
	expect_match(tx, 0, "the weather", 0, -1, -1);

	assert_true(dd_taxonomy_match(&m, tx, 2, "x", &err) < 0);
	assert_int_equal(m.count, 0);
	assert_true(dd_taxonomy_match(&m, tx, 0, "bad \xff utf-8", &err) < 0);
	assert_non_null(strstr(err.message, "UTF-8"));
	dd_taxonomy_free(tx);
}

/* ------------------------------------------------------------------------
 * A round built by hand.
 */

typedef struct spec {
	const char *id, *en, *zh;
} spec;

/* An empty round named path, with room for nsections sections. */
static void new_round(dd_round *r, const char *path, size_t nsections)
{
	memset(r, 0, sizeof(*r));
	dd_arena_init(&r->arena);
	r->path = path;
	r->sections = dd_arena_array(&r->arena, nsections, sizeof(*r->sections));
	assert_non_null(r->sections);
}

static void add_section(dd_round *r, const char *id, const spec *items,
			size_t n, int line)
{
	dd_round_section *rs = &r->sections[r->nsections++];
	size_t i;

	rs->id = id;
	rs->pos.line = line;
	rs->pos.column = 15;
	rs->tsection = -2;
	rs->items = dd_arena_array(&r->arena, n, sizeof(dd_item));
	assert_non_null(rs->items);
	rs->count = n;
	for (i = 0; i < n; i++) {
		dd_item *it = &rs->items[i];
		int l = line + 1 + (int)i;

		it->id = items[i].id;
		it->label.en = items[i].en;
		it->label.zh = items[i].zh;
		it->pos = (dd_pos){ l, 7 };
		it->id_pos = (dd_pos){ l, 15 };
		it->label_pos = (dd_pos){ l, 40 };
		it->entry = it->entry2 = 7;
	}
}

static void check_item(const dd_item *it, dd_class cls, int e, int e2,
		       const char *key)
{
	assert_int_equal(it->cls, cls);
	assert_int_equal(it->entry, e);
	assert_int_equal(it->entry2, e2);
	assert_non_null(it->key);
	assert_string_equal(it->key, key);
}

static void test_classify_round(void **state)
{
	static const spec mech[] = {
		{ NULL, NULL, "打击网络犯罪" },			/* 0 zh only */
		{ NULL, "Hotline", NULL },			/* 1 en only */
		{ NULL, "Cyber-crime", "网络犯罪" },		/* 2 en misses, zh hits */
		{ NULL, "FBI liaison", "ＦＢＩ联络" },		/* 3 both, same */
		{ NULL, "Cyber crime", "热线" },		/* 4 different */
		{ NULL, "  The   Weather ", "天气" },		/* 5 none */
		{ "nothing", "Anything", NULL },		/* 6 explicit */
		{ "no-such-entry", "Whatever", NULL },		/* 7 unknown id */
		{ NULL, "cyber crimes", NULL },			/* 8 duplicate */
		{ NULL, "", "热线电话" },			/* 9 empty en */
	};
	static const spec other[] = {
		{ NULL, "Some Topic", NULL },
		{ "x", NULL, "专题" },
	};
	dd_taxonomy *tx = load_ok(good_json);
	dd_diags diags = DD_DIAGS_INIT;
	dd_error err;
	dd_round r;
	const dd_round_section *rs;
	const dd_diag *d;

	(void)state;
	new_round(&r, "r1.json", 2);
	add_section(&r, "mechanisms", mech, sizeof(mech) / sizeof(mech[0]), 10);
	add_section(&r, "elsewhere", other, 2, 30);

	assert_int_equal(dd_taxonomy_classify_round(tx, &r, &diags, &err), 0);

	rs = &r.sections[0];
	assert_int_equal(rs->tsection, 0);
	check_item(&rs->items[0], DD_CLASS_MATCHED, 1, -1, "cybercrime");
	check_item(&rs->items[1], DD_CLASS_MATCHED, 0, -1, "hotline");
	check_item(&rs->items[2], DD_CLASS_MATCHED, 1, -1, "cybercrime");
	check_item(&rs->items[3], DD_CLASS_MATCHED, 2, -1, "fbi");
	check_item(&rs->items[4], DD_CLASS_AMBIGUOUS, 0, 1, "cyber crime");
	check_item(&rs->items[5], DD_CLASS_UNCLASSIFIED, -1, -1, "the weather");
	check_item(&rs->items[6], DD_CLASS_EXPLICIT, 3, -1, "nothing");
	check_item(&rs->items[7], DD_CLASS_UNKNOWN_ID, -1, -1, "no-such-entry");
	check_item(&rs->items[8], DD_CLASS_MATCHED, 1, -1, "cybercrime");
	check_item(&rs->items[9], DD_CLASS_MATCHED, 0, -1, "hotline");

	rs = &r.sections[1];
	assert_int_equal(rs->tsection, -1);
	check_item(&rs->items[0], DD_CLASS_UNCLASSIFIED, -1, -1, "some topic");
	check_item(&rs->items[1], DD_CLASS_UNCLASSIFIED, -1, -1, "专题");

	assert_int_equal(count_rule(&diags, "ambiguous"), 1);
	d = find_diag(&diags, "ambiguous", 0);
	assert_string_equal(d->file, "r1.json");
	assert_int_equal(d->line, 15);
	assert_int_equal(d->column, 40);
	assert_int_equal(d->severity, DD_SEV_ERROR);
	assert_string_equal(d->message,
		"label \"Cyber crime\" matches several entries of section "
		"\"mechanisms\": \"hotline\", \"cybercrime\"");

	assert_int_equal(count_rule(&diags, "unclassified"), 1);
	d = find_diag(&diags, "unclassified", 0);
	assert_int_equal(d->line, 16);
	assert_int_equal(d->column, 40);
	assert_string_equal(d->message,
		"label \"  The   Weather \" matches no entry of section "
		"\"mechanisms\"");

	assert_int_equal(count_rule(&diags, "unknown-id"), 1);
	d = find_diag(&diags, "unknown-id", 0);
	assert_int_equal(d->line, 18);
	assert_int_equal(d->column, 15);
	assert_non_null(strstr(d->message, "\"no-such-entry\""));

	assert_int_equal(count_rule(&diags, "unknown-section"), 1);
	d = find_diag(&diags, "unknown-section", 0);
	assert_int_equal(d->line, 30);
	assert_int_equal(d->column, 15);
	assert_string_equal(d->message,
		"section \"elsewhere\" is not in the taxonomy");

	/* items 2 and 8 repeat item 0's key, item 9 repeats item 1's */
	assert_int_equal(count_rule(&diags, "duplicate-item"), 3);
	d = find_diag(&diags, "duplicate-item", 0);
	assert_int_equal(d->line, 13);
	assert_int_equal(d->column, 7);
	assert_string_equal(d->message,
		"\"cybercrime\" appears twice in section \"mechanisms\" "
		"(first at line 11)");
	d = find_diag(&diags, "duplicate-item", 2);
	assert_int_equal(d->line, 20);
	assert_non_null(strstr(d->message, "(first at line 12)"));

	assert_int_equal(count_rule(&diags, "match-limit"), 0);
	assert_int_equal(diags.count, 7);
	assert_int_equal(diags.errors, 7);

	/* a second run (the cache is warm) gives the same classification */
	dd_diags_release(&diags);
	assert_int_equal(dd_taxonomy_classify_round(tx, &r, &diags, &err), 0);
	check_item(&r.sections[0].items[4], DD_CLASS_AMBIGUOUS, 0, 1,
		   "cyber crime");
	check_item(&r.sections[0].items[2], DD_CLASS_MATCHED, 1, -1,
		   "cybercrime");
	assert_int_equal(diags.count, 7);
	/* and diags may be NULL */
	assert_int_equal(dd_taxonomy_classify_round(tx, &r, NULL, &err), 0);

	dd_diags_release(&diags);
	dd_arena_release(&r.arena);
	dd_taxonomy_free(tx);
}

/* ------------------------------------------------------------------------
 * Problems in the taxonomy file.
 */

static void test_bad_pattern(void **state)
{
	/* The patterns "(" and "\d[" (written "\\d[") and "中(" */
	static const char json[] =
		"{\"schema_version\": 1, \"sections\": [\n"
		" {\"id\": \"s\", \"title\": {\"en\": \"S\"}, \"entries\": [\n"
		"  {\"id\": \"a\", \"name\": {\"en\": \"A\"}, \"patterns\": [\"ok\", \"(\"]},\n"
		"  {\"id\": \"b\", \"name\": {\"en\": \"B\"}, \"patterns\": [\"\\\\d[\"]},\n"
		"  {\"id\": \"c\", \"name\": {\"en\": \"C\"}, \"patterns\": [\"中文(\"]}\n"
		" ]}]}\n";
	dd_diags diags = DD_DIAGS_INIT;
	dd_error err;
	const dd_diag *d;

	(void)state;
	load_bad(json, &diags, &err);
	assert_int_equal(count_rule(&diags, "taxonomy-pattern"), 3);
	assert_int_equal(diags.errors, 3);

	d = find_diag(&diags, "taxonomy-pattern", 0);
	assert_string_equal(d->file, "taxonomy.json");
	assert_int_equal(d->line, 3);
	/* "(" opens at column 55; the error is after it, at column 57 */
	assert_int_equal(d->column, 57);
	assert_non_null(strstr(d->message, "pattern \"(\" does not compile: "));
	assert_non_null(strstr(d->message, "parenthesis"));
	assert_non_null(strstr(d->message, " at column 2"));
	/* the first error is in err */
	assert_string_equal(err.message, d->message);
	assert_int_equal(err.line, 3);
	assert_int_equal(err.column, 57);
	assert_string_equal(err.file, "taxonomy.json");

	d = find_diag(&diags, "taxonomy-pattern", 1);
	assert_int_equal(d->line, 4);
	/* byte offset 3 of \d[ is character column 4; in the file the
	 * literal "\\d[" has one more character before it */
	assert_non_null(strstr(d->message, "pattern \"\\d[\""));
	assert_non_null(strstr(d->message, " at column 4"));
	assert_int_equal(d->column, 49 + 1 + 4);

	d = find_diag(&diags, "taxonomy-pattern", 2);
	assert_int_equal(d->line, 5);
	/* 中文( : byte offset 7 is character column 4 */
	assert_non_null(strstr(d->message, " at column 4"));
	assert_int_equal(d->column, 49 + 1 + 3);
	dd_diags_release(&diags);
}

/* The same key twice is a duplicate however each item came to it: an
 * explicit id, a match, or a label that spells an entry's id. */
static void test_duplicate_kinds(void **state)
{
	static const spec mech[] = {
		{ "hotline", "Hot line", NULL },	/* 0 explicit */
		{ NULL, "Hotline", NULL },		/* 1 matched: dup of 0 */
		{ NULL, " NOTHING ", NULL },		/* 2 unclassified "nothing" */
		{ "nothing", "Anything", NULL },	/* 3 explicit: dup of 2 */
		{ NULL, "The weather", NULL },		/* 4 unclassified */
		{ NULL, "the  Weather", NULL },		/* 5 dup of 4 */
		{ NULL, "Cyber crime", "热线" },	/* 6 ambiguous: "cyber crime" */
	};
	dd_taxonomy *tx = load_ok(good_json);
	dd_diags diags = DD_DIAGS_INIT;
	dd_error err;
	dd_round r;
	const dd_diag *d;

	(void)state;
	new_round(&r, "r1.json", 1);
	add_section(&r, "mechanisms", mech, sizeof(mech) / sizeof(mech[0]), 10);
	assert_int_equal(dd_taxonomy_classify_round(tx, &r, &diags, &err), 0);
	check_item(&r.sections[0].items[2], DD_CLASS_UNCLASSIFIED, -1, -1,
		   "nothing");
	assert_int_equal(count_rule(&diags, "duplicate-item"), 3);
	d = find_diag(&diags, "duplicate-item", 0);
	assert_int_equal(d->line, 12);
	assert_string_equal(d->message, "\"hotline\" appears twice in "
			    "section \"mechanisms\" (first at line 11)");
	d = find_diag(&diags, "duplicate-item", 1);
	assert_int_equal(d->line, 14);
	assert_string_equal(d->message, "\"nothing\" appears twice in "
			    "section \"mechanisms\" (first at line 13)");
	d = find_diag(&diags, "duplicate-item", 2);
	assert_int_equal(d->line, 16);
	assert_non_null(strstr(d->message, "(first at line 15)"));
	dd_diags_release(&diags);
	dd_arena_release(&r.arena);
	dd_taxonomy_free(tx);
}

/* DD_TAXONOMY_LAZY: the same classification; a bad pattern is found only
 * when its section is needed, with the loader's message. */
static void test_lazy(void **state)
{
	static const char bad[] =
		"{\"schema_version\": 1, \"sections\": [\n"
		" {\"id\": \"s\", \"title\": {\"en\": \"S\"}, \"entries\": [\n"
		"  {\"id\": \"a\", \"name\": {\"en\": \"A\"}, \"patterns\": [\"ok\", \"(\"]},\n"
		"  {\"id\": \"b\", \"name\": {\"en\": \"B\"}, \"patterns\": [\"b\"]}\n"
		" ]}]}\n";
	static const spec mech[] = {
		{ NULL, "Hotline", NULL }, { NULL, NULL, "ＦＢＩ联络" },
		{ "nothing", "Anything", NULL },
	};
	static const spec ids[] = { { "b", "Bee", NULL } };
	static const spec labels[] = { { NULL, "Bee", NULL } };
	dd_taxonomy *tx = NULL;
	dd_diags diags = DD_DIAGS_INIT;
	dd_error err;
	dd_match m;
	dd_round r;

	(void)state;
	/* the good taxonomy classifies as when loaded eagerly */
	assert_int_equal(dd_taxonomy_load_flags(&tx, good_json,
		strlen(good_json), "taxonomy.json", DD_TAXONOMY_LAZY, &diags,
		&err), 0);
	assert_int_equal(diags.count, 0);
	new_round(&r, "r1.json", 1);
	add_section(&r, "mechanisms", mech, 3, 10);
	assert_int_equal(dd_taxonomy_classify_round(tx, &r, &diags, &err), 0);
	check_item(&r.sections[0].items[0], DD_CLASS_MATCHED, 0, -1, "hotline");
	check_item(&r.sections[0].items[1], DD_CLASS_MATCHED, 2, -1, "fbi");
	check_item(&r.sections[0].items[2], DD_CLASS_EXPLICIT, 3, -1, "nothing");
	assert_int_equal(diags.count, 0);
	dd_arena_release(&r.arena);
	dd_taxonomy_free(tx);

	/* a pattern that does not compile: the load succeeds */
	tx = NULL;
	assert_int_equal(dd_taxonomy_load_flags(&tx, bad, strlen(bad),
		"taxonomy.json", DD_TAXONOMY_LAZY, &diags, &err), 0);
	assert_non_null(tx);
	assert_int_equal(diags.count, 0);
	/* items with explicit ids need no pattern */
	new_round(&r, "r1.json", 1);
	add_section(&r, "s", ids, 1, 10);
	assert_int_equal(dd_taxonomy_classify_round(tx, &r, &diags, &err), 0);
	check_item(&r.sections[0].items[0], DD_CLASS_EXPLICIT, 1, -1, "b");
	dd_arena_release(&r.arena);
	/* a label needs the section: a failure, with the loader's message
	 * and the position of the error in the pattern */
	new_round(&r, "r1.json", 1);
	add_section(&r, "s", labels, 1, 10);
	memset(&err, 0, sizeof(err));
	assert_int_equal(dd_taxonomy_classify_round(tx, &r, &diags, &err),
			 DD_ERROR);
	assert_string_equal(err.file, "taxonomy.json");
	assert_int_equal(err.line, 3);
	assert_int_equal(err.column, 57);	/* as test_bad_pattern */
	assert_non_null(strstr(err.message, "pattern \"(\" does not compile: "));
	assert_non_null(strstr(err.message, " at column 2"));
	assert_int_equal(diags.count, 0);
	/* and again, through dd_taxonomy_match */
	memset(&err, 0, sizeof(err));
	assert_int_equal(dd_taxonomy_match(&m, tx, 0, "Bee", &err), DD_ERROR);
	assert_non_null(strstr(err.message, "does not compile"));
	dd_arena_release(&r.arena);
	dd_taxonomy_free(tx);
	dd_diags_release(&diags);
}

static void test_duplicates(void **state)
{
	static const char json[] =
		"{\"schema_version\": 1, \"sections\": [\n"
		" {\"id\": \"s\", \"title\": {\"en\": \"S\"}, \"entries\": [\n"
		"  {\"id\": \"a\", \"name\": {\"en\": \"A\"}, \"patterns\": [\"a\"]},\n"
		"  {\"id\": \"b\", \"name\": {\"en\": \"B\"}, \"patterns\": [\"b\"]},\n"
		"  {\"id\": \"a\", \"name\": {\"en\": \"A2\"}, \"patterns\": [\"x\"]}\n"
		" ]},\n"
		" {\"id\": \"t\", \"title\": {\"zh\": \"T\"}, \"entries\": [\n"
		"  {\"id\": \"a\", \"name\": {\"en\": \"A\"}, \"patterns\": []}]},\n"
		" {\"id\": \"s\", \"title\": {\"en\": \"S\"}, \"entries\": []}\n"
		"]}\n";
	dd_diags diags = DD_DIAGS_INIT;
	dd_error err;
	const dd_diag *d;

	(void)state;
	load_bad(json, &diags, &err);
	assert_int_equal(count_rule(&diags, "taxonomy-duplicate"), 2);
	assert_int_equal(diags.count, 2);
	d = find_diag(&diags, "taxonomy-duplicate", 0);
	assert_int_equal(d->line, 5);
	assert_int_equal(d->column, 10);
	assert_string_equal(d->message,
		"entry \"a\" is given twice in section \"s\" (first at line 3)");
	assert_string_equal(err.message, d->message);
	d = find_diag(&diags, "taxonomy-duplicate", 1);
	assert_int_equal(d->line, 9);
	assert_int_equal(d->column, 9);
	assert_string_equal(d->message,
		"section \"s\" is given twice (first at line 2)");
	dd_diags_release(&diags);
}

static void test_structure_problems(void **state)
{
	static const char json[] =
		"{\"schema_version\": 2, \"extra\": true, \"sections\": [\n"
		" 7,\n"
		" {\"title\": {\"fr\": \"S\"}, \"entries\": {}},\n"
		" {\"id\": 5, \"title\": {\"en\": 1}, \"entries\": [\n"
		"   {\"id\": \"a\", \"name\": {\"en\": \"A\"}},\n"
		"   {\"name\": {}, \"patterns\": [3, \"ok\"], \"more\": null},\n"
		"   \"str\"]}\n"
		"]}\n";
	dd_diags diags = DD_DIAGS_INIT;
	dd_error err;
	const dd_diag *d;

	(void)state;
	load_bad(json, &diags, &err);
	d = find_diag(&diags, "schema-version", 0);
	assert_non_null(d);
	assert_int_equal(d->line, 1);
	assert_int_equal(d->column, 20);
	/* the first error is the first found */
	assert_int_equal(err.line, 1);
	assert_int_equal(err.column, 20);

	d = find_diag(&diags, "unknown-key", 0);
	assert_non_null(d);
	assert_int_equal(d->severity, DD_SEV_WARNING);
	assert_int_equal(d->line, 1);
	assert_int_equal(d->column, 23);
	assert_non_null(strstr(d->message, "\"extra\""));
	assert_int_equal(count_rule(&diags, "unknown-key"), 3); /* extra fr more */

	assert_true(count_rule(&diags, "type") >= 6);
	d = find_diag(&diags, "type", 0);		/* 7 is no section */
	assert_int_equal(d->line, 2);
	assert_int_equal(d->column, 2);

	/* sections[1] has no id; its title has neither en nor zh */
	assert_true(count_rule(&diags, "required") >= 4);
	d = find_diag(&diags, "required", 0);
	assert_int_equal(d->line, 3);
	assert_int_equal(d->column, 2);
	assert_non_null(strstr(d->message, "\"id\""));
	d = find_diag(&diags, "required", 1);
	assert_int_equal(d->line, 3);
	assert_int_equal(d->column, 12);
	/* entry a has no patterns; the next entry has no id */
	assert_non_null(find_diag(&diags, "required", 2));
	d = find_diag(&diags, "required", 2);
	assert_int_equal(d->line, 5);
	assert_int_equal(d->column, 4);
	assert_non_null(strstr(d->message, "\"patterns\""));
	dd_diags_release(&diags);
}

static void test_warnings_only_load(void **state)
{
	static const char json[] =
		"{\"schema_version\": 1, \"note\": \"x\", \"sections\": [\n"
		" {\"id\": \"s\", \"title\": {\"en\": \"S\"}, \"entries\": [\n"
		"  {\"id\": \"a\", \"name\": {\"en\": \"A\"}, \"patterns\": [\"a\"], \"x\": 1}\n"
		" ]}]}\n";
	dd_taxonomy *tx = NULL;
	dd_diags diags = DD_DIAGS_INIT;
	dd_error err;

	(void)state;
	assert_int_equal(dd_taxonomy_load(&tx, json, strlen(json), "t.json",
					  &diags, &err), 0);
	assert_non_null(tx);
	assert_int_equal(diags.errors, 0);
	assert_int_equal(diags.warnings, 2);
	assert_int_equal(count_rule(&diags, "unknown-key"), 2);
	dd_taxonomy_free(tx);
	dd_diags_release(&diags);
}

static void test_syntax_and_root(void **state)
{
	static const char *const bad[] = {
		"{\"schema_version\": 1, \"sections\": [}",
		"",
		"[1, 2]",
		"{\"sections\": []}",
		"{\"schema_version\": 1.5, \"sections\": []}",
		"{\"schema_version\": \"1\", \"sections\": []}",
		"{\"schema_version\": 1}",
		"{\"schema_version\": 1, \"sections\": {}}",
	};
	static const char *const rules[] = {
		"json-syntax", "json-syntax", "type", "required",
		"schema-version", "type", "required", "type",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		dd_diags diags = DD_DIAGS_INIT;
		dd_error err;

		load_bad(bad[i], &diags, &err);
		assert_int_equal(diags.errors, 1);
		assert_string_equal(diags.items[0].rule, rules[i]);
		assert_int_equal(err.code < 0, 1);
		assert_string_equal(err.message, diags.items[0].message);
		dd_diags_release(&diags);
	}
	{
		/* the json-syntax position comes from the parser */
		dd_diags diags = DD_DIAGS_INIT;
		dd_error err;

		load_bad("{\n  \"schema_version\": 1,\n  x\n}", &diags, &err);
		assert_string_equal(diags.items[0].rule, "json-syntax");
		assert_int_equal(diags.items[0].line, 3);
		assert_int_equal(diags.items[0].column, 3);
		dd_diags_release(&diags);
	}
	{
		/* diags may be NULL */
		dd_taxonomy *tx = NULL;
		dd_error err;

		assert_true(dd_taxonomy_load(&tx, "[]", 2, "t.json", NULL,
					     &err) < 0);
		assert_null(tx);
		assert_true(dd_taxonomy_load(&tx, "[]", 2, "t.json", NULL,
					     NULL) < 0);
	}
}

static void test_match_limit(void **state)
{
	static const char json[] =
		"{\"schema_version\": 1, \"sections\": [\n"
		" {\"id\": \"s\", \"title\": {\"en\": \"S\"}, \"entries\": [\n"
		"  {\"id\": \"fine\", \"name\": {\"en\": \"F\"}, \"patterns\": [\"^b\"]},\n"
		"  {\"id\": \"slow\", \"name\": {\"en\": \"A\"}, \"patterns\": [\"^(a+)+$\"]}\n"
		" ]}]}\n";
	char label[64];
	static const spec items[] = {
		{ NULL, NULL, NULL },	/* en filled in below */
		{ NULL, "aaa", NULL },
	};
	spec its[2];
	dd_taxonomy *tx = load_ok(json);
	dd_diags diags = DD_DIAGS_INIT;
	dd_error err;
	dd_match m;
	dd_round r;
	const dd_item *it;
	int k;

	(void)state;
	memset(label, 'a', 40);
	label[40] = 'b';
	label[41] = '\0';

	for (k = 0; k < 2; k++) {	/* the failure is cached too */
		memset(&err, 0, sizeof(err));
		assert_true(dd_taxonomy_match(&m, tx, 0, label, &err) < 0);
		assert_string_equal(err.message,
			"pattern \"^(a+)+$\" of entry \"slow\" hit the match "
			"limit on this label");
	}
	expect_match(tx, 0, "aaa", 1, 1, -1);
	expect_match(tx, 0, "b", 1, 0, -1);

	memcpy(its, items, sizeof(its));
	its[0].en = label;
	new_round(&r, "r.json", 1);
	add_section(&r, "s", its, 2, 3);
	assert_int_equal(dd_taxonomy_classify_round(tx, &r, &diags, &err), 0);
	it = &r.sections[0].items[0];
	assert_int_equal(it->cls, DD_CLASS_ERROR);
	assert_int_equal(it->entry, -1);
	assert_string_equal(it->key, label);
	check_item(&r.sections[0].items[1], DD_CLASS_MATCHED, 1, -1, "slow");
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.items[0].rule, "match-limit");
	assert_int_equal(diags.items[0].line, 4);
	assert_int_equal(diags.items[0].column, 40);
	assert_non_null(strstr(diags.items[0].message, "hit the match limit"));

	dd_diags_release(&diags);
	dd_arena_release(&r.arena);
	dd_taxonomy_free(tx);
}

/* Patterns x labels: the budget of match time stops it, naming the slow
 * pattern; check's classification says so once. */
/*
 * A pattern is not run on a text that holds none of the bytes a match of
 * it can begin with.  The bytes come from PCRE2; these are the cases where
 * taking them wrongly would lose a match: the other case of a first
 * letter, Unicode case folding across lead bytes, a bitmap of first
 * bytes, lookbehind, and a pattern that can match the empty string.
 */
static void test_start_bytes(void **state)
{
	static const char *const pats[] = {
		"\\\\bcyber", "σοφία", "kelvin", "[xq]uiz", "école",
		"议题", "a?", "(?<=x)y", "(?:网络|cyber)犯罪",
	};
	dd_buf json = DD_BUF_INIT;
	dd_taxonomy *tx;
	size_t i;

	(void)state;
	dd_buf_adds(&json, "{\"schema_version\": 1, \"sections\": [");
	for (i = 0; i < sizeof(pats) / sizeof(*pats); i++)
		dd_buf_addf(&json, "%s{\"id\": \"s%zu\", \"title\": {\"en\": "
			    "\"S\"}, \"entries\": [{\"id\": \"e\", \"name\": "
			    "{\"en\": \"E\"}, \"patterns\": [\"%s\"]}]}",
			    i ? "," : "", i, pats[i]);
	dd_buf_adds(&json, "]}");
	assert_false(json.oom);
	tx = load_ok(json.ptr);
	expect_match(tx, 0, "CYBER attacks", 1, 0, -1);
	expect_match(tx, 0, "网络", 0, -1, -1);
	expect_match(tx, 1, "ΣΟΦΊΑ", 1, 0, -1);
	expect_match(tx, 1, "sofia", 0, -1, -1);
	expect_match(tx, 2, "\xe2\x84\xaa" "ELVIN", 1, 0, -1);	/* U+212A */
	expect_match(tx, 3, "A QUIZ", 1, 0, -1);
	expect_match(tx, 3, "a fizz", 0, -1, -1);
	expect_match(tx, 4, "ÉCOLE", 1, 0, -1);
	expect_match(tx, 5, "议题", 1, 0, -1);
	expect_match(tx, 5, "topic", 0, -1, -1);
	expect_match(tx, 6, "zzz", 1, 0, -1);
	expect_match(tx, 7, "xy", 1, 0, -1);
	expect_match(tx, 7, "y", 0, -1, -1);
	expect_match(tx, 8, "打击网络犯罪", 1, 0, -1);
	expect_match(tx, 8, "CYBER犯罪", 1, 0, -1);
	expect_match(tx, 8, "cyber crime", 0, -1, -1);
	dd_taxonomy_free(tx);
	dd_buf_release(&json);
}

static void test_budget(void **state)
{
	static const char json[] =
		"{\"schema_version\": 1, \"sections\": [\n"
		" {\"id\": \"s\", \"title\": {\"en\": \"S\"}, \"entries\": [\n"
		"  {\"id\": \"fine\", \"name\": {\"en\": \"F\"}, \"patterns\": [\"^b\"]},\n"
		"  {\"id\": \"slow\", \"name\": {\"en\": \"A\"}, \"patterns\": [\"^(a+)+$\"]}\n"
		" ]}]}\n";
	dd_taxonomy *tx = load_ok(json);
	dd_diags diags = DD_DIAGS_INIT;
	char label[64];
	spec its[1] = { { NULL, NULL, NULL } };
	dd_error err;
	dd_match m;
	dd_round r;
	int i, rc = 0;

	(void)state;
	dd_taxonomy_budget(tx, 0.02);
	memset(label, 'a', 40);
	/* every label another one: the cache cannot help */
	for (i = 0; i < 100000 && rc != DD_ETOOBIG; i++) {
		snprintf(label + 40, sizeof(label) - 40, "b%d", i);
		rc = dd_taxonomy_match(&m, tx, 0, label, &err);
	}
	assert_int_equal(rc, DD_ETOOBIG);
	assert_string_equal(err.file, "taxonomy.json");
	assert_int_equal(err.line, 4);
	assert_non_null(strstr(err.message, "budget of 0.02 s"));
	assert_non_null(strstr(err.message, "\"^(a+)+$\" (entry \"slow\""));
	/* spent: the next label fails at once, even one that is fast */
	assert_int_equal(dd_taxonomy_match(&m, tx, 0, "bb", &err), DD_ETOOBIG);

	/* classification: a failure outside check, one diagnostic in it */
	its[0].en = "a fresh label";
	new_round(&r, "r.json", 1);
	add_section(&r, "s", its, 1, 3);
	assert_int_equal(dd_taxonomy_classify_round(tx, &r, NULL, &err),
			 DD_ETOOBIG);
	dd_arena_release(&r.arena);
	new_round(&r, "r.json", 2);
	add_section(&r, "s", its, 1, 3);
	add_section(&r, "s", its, 1, 5);
	assert_int_equal(dd_taxonomy_classify_round(tx, &r, &diags, &err), 0);
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.items[0].rule, "taxonomy-too-slow");
	assert_string_equal(diags.items[0].file, "taxonomy.json");
	dd_diags_release(&diags);
	dd_arena_release(&r.arena);
	dd_taxonomy_free(tx);

	/* only time spent matching counts: pauses between labels do not */
	tx = load_ok(json);
	dd_taxonomy_budget(tx, 0.05);
	for (i = 0; i < 200; i++) {
		struct timespec ms = { 0, 1000000 };

		snprintf(label, sizeof(label), "b%d", i);
		assert_int_equal(dd_taxonomy_match(&m, tx, 0, label, &err), 0);
		nanosleep(&ms, NULL);
	}
	dd_taxonomy_free(tx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_structure),
		cmocka_unit_test(test_budget),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_start_bytes),
		cmocka_unit_test(test_classify_round),
		cmocka_unit_test(test_bad_pattern),
		cmocka_unit_test(test_duplicate_kinds),
		cmocka_unit_test(test_lazy),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_structure_problems),
		cmocka_unit_test(test_warnings_only_load),
		cmocka_unit_test(test_syntax_and_root),
		cmocka_unit_test(test_match_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
