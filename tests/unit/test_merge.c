/*
 * Unit tests of the three-way merge of round files: identities (id,
 * taxonomy entry, label, occurrence), the three-way rule per item, per
 * field and per member of the round, the order of the result, conflict
 * blocks (in place, around one item, each side valid JSON once chosen),
 * the canonical layout, and the versions it refuses.
 *
 * Rounds are written with ' for " to keep them readable (see q()).
 */
#include "unit.h"

#include "dialdiff/fmt.h"
#include "dialdiff/json.h"
#include "dialdiff/merge.h"
#include "dialdiff/taxonomy.h"

static const char taxonomy_json[] =
	"{\"schema_version\": 1, \"sections\": ["
	" {\"id\": \"agenda\", \"title\": {\"en\": \"Agenda\"}, \"entries\": ["
	"  {\"id\": \"tariffs\", \"name\": {\"en\": \"Tariffs\"}, \"patterns\": [\"tariff\"]},"
	"  {\"id\": \"market-access\", \"name\": {\"en\": \"Market access\"}, \"patterns\": [\"market access\"]},"
	"  {\"id\": \"ip\", \"name\": {\"en\": \"IP\"}, \"patterns\": [\"intellectual property\"]}]},"
	" {\"id\": \"outcomes\", \"title\": {\"en\": \"Outcomes\"}, \"entries\": ["
	"  {\"id\": \"working-group\", \"name\": {\"en\": \"Working group\"}, \"patterns\": [\"working group\"]}]}]}";

#define PATH "dialogues/t/round-02.json"

/* Items of the agenda. */
#define TARIFFS "{'label': {'en': 'Lower tariffs'}, 'action': 'proposed'}"
#define ACCESS "{'label': {'en': 'Wider market access'}, 'action': 'proposed'}"
#define IP "{'label': {'en': 'Intellectual property'}, 'action': 'agreed'}"

/* A round whose agenda holds items (a list of item objects). */
#define ROUND(items) \
	"{'schema_version': 1, 'series': 't', 'round': 2, " \
	"'date': '2020-06-01', 'title': {'en': 'Two'}, " \
	"'topics': {'agenda': [" items "], 'outcomes': []}}"

static dd_taxonomy *tx;

static int setup(void **state)
{
	dd_error err;

	(void)state;
	return dd_taxonomy_load(&tx, taxonomy_json, strlen(taxonomy_json),
				"taxonomy.json", NULL, &err);
}

static int teardown(void **state)
{
	(void)state;
	dd_taxonomy_free(tx);
	return 0;
}

/* s with every ' made ", into a static buffer (one of four, in turn). */
static const char *q(const char *s)
{
	static char bufs[4][4096];
	static int next;
	char *b = bufs[next++ % 4], *p;

	assert_true(strlen(s) < sizeof(bufs[0]));
	strcpy(b, s);
	for (p = b; *p; p++)
		if (*p == '\'')
			*p = '"';
	return b;
}

/* s in the canonical layout. */
static char *canonical(const char *s)
{
	dd_buf out = DD_BUF_INIT;
	dd_error err;

	if (dd_fmt_buffer(&out, s, strlen(s), PATH, DD_FMT_ROUND, &err) < 0)
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.column,
			 err.message);
	return dd_buf_detach(&out, NULL);
}

/* Merge (texts with '), expecting success; the result, malloc'd. */
static char *merge_with(dd_taxonomy *t, const char *base, const char *ours,
			const char *theirs, size_t want_conflicts)
{
	dd_buf out = DD_BUF_INIT;
	size_t conflicts = 99;
	dd_error err;
	char b[4096], o[4096], th[4096];

	snprintf(b, sizeof(b), "%s", q(base));
	snprintf(o, sizeof(o), "%s", q(ours));
	snprintf(th, sizeof(th), "%s", q(theirs));
	if (dd_merge_rounds(&out, &conflicts, b, strlen(b), o, strlen(o),
			    th, strlen(th), PATH, t, &err) < 0)
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.column,
			 err.message);
	if (conflicts != want_conflicts)
		fail_msg("%zu conflicts, not %zu, in:\n%s", conflicts,
			 want_conflicts, out.ptr);
	return dd_buf_detach(&out, NULL);
}

/* A clean merge gives want (with '), in the canonical layout. */
static void assert_merge(const char *base, const char *ours,
			 const char *theirs, const char *want)
{
	char *got = merge_with(tx, base, ours, theirs, 0);
	char *exp = canonical(q(want));

	assert_string_equal(got, exp);
	free(got);
	free(exp);
}

/* The text with one side of every conflict block kept (0 ours, 1
 * theirs), the markers and the other side dropped.  malloc'd. */
static char *resolve(const char *text, int side)
{
	dd_buf out = DD_BUF_INIT;
	const char *p = text, *e;
	int in = -1;	/* -1 outside a block, else the side being read */

	for (; *p; p = e) {
		e = strchr(p, '\n');
		e = e ? e + 1 : p + strlen(p);
		if (!strncmp(p, DD_MERGE_OURS "\n", strlen(DD_MERGE_OURS) + 1))
			in = 0;
		else if (!strncmp(p, DD_MERGE_SEP "\n", strlen(DD_MERGE_SEP) + 1))
			in = 1;
		else if (!strncmp(p, DD_MERGE_THEIRS "\n",
				  strlen(DD_MERGE_THEIRS) + 1))
			in = -1;
		else if (in < 0 || in == side)
			dd_buf_add(&out, p, (size_t)(e - p));
	}
	return dd_buf_detach(&out, NULL);
}

/* Keeping either side of every block gives valid JSON: want_ours /
 * want_theirs (with '), once formatted. */
static void assert_resolves(const char *merged, const char *want_ours,
			    const char *want_theirs)
{
	const char *want[2] = { want_ours, want_theirs };
	int s;

	for (s = 0; s < 2; s++) {
		char *r = resolve(merged, s), *got = canonical(r);
		char *exp = canonical(q(want[s]));

		assert_string_equal(got, exp);
		free(r);
		free(got);
		free(exp);
	}
}

static void test_unchanged(void **state)
{
	(void)state;
	assert_merge(ROUND(TARIFFS), ROUND(TARIFFS), ROUND(TARIFFS),
		     ROUND(TARIFFS));
	/* whatever the layout of the sides, the canonical one */
	assert_merge("{'topics':{'agenda':[]},'round':2,'series':'t'}",
		     "{'series':'t','round':2,'topics':{'agenda':[]}}",
		     "{'topics':{'agenda':[]},'round':2,'series':'t'}",
		     "{'series':'t','round':2,'topics':{'agenda':[]}}");
}

/* Items added on each side to one section: both, ours' order, theirs'
 * after the item they follow in theirs, else first. */
static void test_added_both_sides(void **state)
{
	(void)state;
	assert_merge(ROUND(TARIFFS), ROUND(TARIFFS "," IP),
		     ROUND(TARIFFS "," ACCESS),
		     ROUND(TARIFFS "," ACCESS "," IP));
	assert_merge(ROUND(TARIFFS), ROUND(TARIFFS "," IP),
		     ROUND(ACCESS "," TARIFFS),
		     ROUND(ACCESS "," TARIFFS "," IP));
	/* what it follows in theirs is gone: after the one before that */
	assert_merge(ROUND(TARIFFS "," IP), ROUND(IP),
		     ROUND(TARIFFS "," ACCESS "," IP),
		     ROUND(ACCESS "," IP));
	assert_merge(ROUND(IP "," TARIFFS), ROUND(IP),
		     ROUND(IP "," TARIFFS "," ACCESS),
		     ROUND(IP "," ACCESS));
	/* the same item added on both sides: once */
	assert_merge(ROUND(TARIFFS), ROUND(TARIFFS "," IP),
		     ROUND(IP "," TARIFFS), ROUND(TARIFFS "," IP));
	/* a run of theirs' stays together, after its anchor */
	assert_merge(ROUND(TARIFFS "," IP), ROUND(TARIFFS "," IP),
		     ROUND(TARIFFS "," ACCESS ","
			   "{'label': {'en': 'Fish'}}," IP),
		     ROUND(TARIFFS "," ACCESS ","
			   "{'label': {'en': 'Fish'}}," IP));
}

/* One item edited on both sides, in different fields: both edits.  The
 * identity is the taxonomy's entry, whatever the wording or an id. */
static void test_fields(void **state)
{
	(void)state;
	assert_merge(ROUND(TARIFFS "," IP),
		     ROUND("{'id': 'tariffs', 'label': {'en': 'Lower tariffs'}, 'action': 'agreed'}," IP),
		     ROUND("{'label': {'en': 'Tariffs, lower', 'zh': '关税'}, 'action': 'proposed', 'note': 'n'}," IP),
		     ROUND("{'id': 'tariffs', 'label': {'en': 'Tariffs, lower', 'zh': '关税'}, 'action': 'agreed', 'note': 'n'}," IP));
	/* the same change on both sides; a field removed on one side */
	assert_merge(ROUND(IP), ROUND("{'label': {'en': 'Intellectual property'}, 'action': 'implemented'}"),
		     ROUND("{'label': {'en': 'Intellectual property'}, 'action': 'implemented', 'x': 1}"),
		     ROUND("{'label': {'en': 'Intellectual property'}, 'action': 'implemented', 'x': 1}"));
	assert_merge(ROUND(IP), ROUND("{'label': {'en': 'Intellectual property'}}"),
		     ROUND("{'label': {'en': 'Intellectual property'}, 'action': 'agreed', 'note': 'n'}"),
		     ROUND("{'label': {'en': 'Intellectual property'}, 'note': 'n'}"));
}

/* Deleted on one side and unchanged on the other: deleted. */
static void test_deleted(void **state)
{
	(void)state;
	assert_merge(ROUND(TARIFFS "," ACCESS "," IP), ROUND(TARIFFS "," IP),
		     ROUND(TARIFFS "," ACCESS "," IP), ROUND(TARIFFS "," IP));
	assert_merge(ROUND(TARIFFS "," ACCESS "," IP),
		     ROUND(TARIFFS "," ACCESS "," IP), ROUND(ACCESS),
		     ROUND(ACCESS));
	/* deleted on both sides, one also adding */
	assert_merge(ROUND(TARIFFS "," ACCESS), ROUND(TARIFFS),
		     ROUND(TARIFFS "," IP), ROUND(TARIFFS "," IP));
}

/* Two different edits of one field: markers around that item only. */
static void test_conflict(void **state)
{
	char *got;

	(void)state;
	got = merge_with(tx, ROUND(TARIFFS "," IP),
			 ROUND("{'label': {'en': 'Lower tariffs'}, 'action': 'agreed'}," IP),
			 ROUND("{'label': {'en': 'Lower tariffs'}, 'action': 'implemented'}," IP),
			 1);
	assert_string_equal(got,
		"{\n"
		"  \"schema_version\": 1,\n"
		"  \"series\": \"t\",\n"
		"  \"round\": 2,\n"
		"  \"date\": \"2020-06-01\",\n"
		"  \"title\": {\n"
		"    \"en\": \"Two\"\n"
		"  },\n"
		"  \"topics\": {\n"
		"    \"agenda\": [\n"
		"<<<<<<< ours\n"
		"      {\n"
		"        \"label\": {\n"
		"          \"en\": \"Lower tariffs\"\n"
		"        },\n"
		"        \"action\": \"agreed\"\n"
		"      },\n"
		"=======\n"
		"      {\n"
		"        \"label\": {\n"
		"          \"en\": \"Lower tariffs\"\n"
		"        },\n"
		"        \"action\": \"implemented\"\n"
		"      },\n"
		">>>>>>> theirs\n"
		"      {\n"
		"        \"label\": {\n"
		"          \"en\": \"Intellectual property\"\n"
		"        },\n"
		"        \"action\": \"agreed\"\n"
		"      }\n"
		"    ],\n"
		"    \"outcomes\": []\n"
		"  }\n"
		"}\n");
	assert_resolves(got,
		ROUND("{'label': {'en': 'Lower tariffs'}, 'action': 'agreed'}," IP),
		ROUND("{'label': {'en': 'Lower tariffs'}, 'action': 'implemented'}," IP));
	free(got);

	/* the last item, and an edit of another field meanwhile: each
	 * side shows the item as it has it */
	got = merge_with(tx, ROUND(TARIFFS "," IP),
			 ROUND("{'label': {'en': 'Lower tariffs'}, 'action': 'agreed'},"
			       "{'label': {'en': 'Intellectual property'}, 'action': 'reviewed'}"),
			 ROUND(TARIFFS ",{'label': {'en': 'Intellectual property'}, 'action': 'retained'}"),
			 1);
	assert_resolves(got,
		ROUND("{'label': {'en': 'Lower tariffs'}, 'action': 'agreed'},"
		      "{'label': {'en': 'Intellectual property'}, 'action': 'reviewed'}"),
		ROUND("{'label': {'en': 'Lower tariffs'}, 'action': 'agreed'},"
		      "{'label': {'en': 'Intellectual property'}, 'action': 'retained'}"));
	assert_non_null(strstr(got, "      },\n<<<<<<< ours\n      {\n"));
	free(got);
}

/* Deleted on one side, edited on the other: a conflict, with nothing on
 * the deleting side. */
static void test_deleted_vs_edited(void **state)
{
	char *got;

	(void)state;
	/* in the middle: the block alone */
	got = merge_with(tx, ROUND(TARIFFS "," ACCESS "," IP),
			 ROUND(TARIFFS "," IP),
			 ROUND(TARIFFS ",{'label': {'en': 'Wider market access'}, 'action': 'agreed'}," IP),
			 1);
	assert_non_null(strstr(got, "      },\n<<<<<<< ours\n=======\n      {\n"));
	assert_resolves(got, ROUND(TARIFFS "," IP),
		ROUND(TARIFFS ",{'label': {'en': 'Wider market access'}, 'action': 'agreed'}," IP));
	free(got);

	/* the first item: the block first, alone */
	got = merge_with(tx, ROUND(TARIFFS "," ACCESS), ROUND(ACCESS),
			 ROUND("{'label': {'en': 'Lower tariffs'}, 'action': 'agreed'}," ACCESS),
			 1);
	assert_non_null(strstr(got, "\"agenda\": [\n<<<<<<< ours\n=======\n      {\n"));
	assert_non_null(strstr(got, "      },\n>>>>>>> theirs\n      {\n"));
	assert_resolves(got, ROUND(ACCESS),
		ROUND("{'label': {'en': 'Lower tariffs'}, 'action': 'agreed'}," ACCESS));
	free(got);

	/* the last item: the one before it comes into the block, so that
	 * keeping ours leaves no comma behind */
	got = merge_with(tx, ROUND(TARIFFS "," ACCESS "," IP),
			 ROUND(TARIFFS "," ACCESS ",{'label': {'en': 'Intellectual property'}, 'action': 'reviewed'}"),
			 ROUND(TARIFFS "," ACCESS), 1);
	assert_resolves(got,
		ROUND(TARIFFS "," ACCESS ",{'label': {'en': 'Intellectual property'}, 'action': 'reviewed'}"),
		ROUND(TARIFFS "," ACCESS));
	assert_non_null(strstr(got, "<<<<<<< ours\n      {\n        \"label\": {\n"
				    "          \"en\": \"Wider market access\"\n"));
	free(got);

	/* the only item */
	got = merge_with(tx, ROUND(IP), ROUND(""),
			 ROUND("{'label': {'en': 'Intellectual property'}, 'note': 'n'}"),
			 1);
	assert_resolves(got, ROUND(""),
		ROUND("{'label': {'en': 'Intellectual property'}, 'note': 'n'}"));
	free(got);
}

/* Members of the round merge value by value; a conflict is marked
 * around that member. */
static void test_members(void **state)
{
	const char *base = "{'series': 't', 'round': 2, 'date': '2020-06-01', 'title': {'en': 'Two'}, 'topics': {}}";
	char *got;

	(void)state;
	assert_merge(base,
		     "{'series': 't', 'round': 2, 'date': '2020-06-02', 'title': {'en': 'Two'}, 'topics': {}}",
		     "{'series': 't', 'round': 2, 'date': '2020-06-01', 'title': {'en': 'Two', 'zh': '二'}, 'topics': {}, 'place': {'en': 'P'}}",
		     "{'series': 't', 'round': 2, 'date': '2020-06-02', 'title': {'en': 'Two', 'zh': '二'}, 'place': {'en': 'P'}, 'topics': {}}");
	got = merge_with(tx, base,
			 "{'series': 't', 'round': 2, 'date': '2020-06-02', 'title': {'en': 'Two'}, 'topics': {}}",
			 "{'series': 't', 'round': 2, 'date': '2020-06-03', 'title': {'en': 'Zwei'}, 'topics': {}}",
			 1);
	assert_non_null(strstr(got, "  \"round\": 2,\n<<<<<<< ours\n  \"date\": \"2020-06-02\",\n"
				    "=======\n  \"date\": \"2020-06-03\",\n>>>>>>> theirs\n"
				    "  \"title\": {\n    \"en\": \"Zwei\"\n"));
	assert_resolves(got,
		"{'series': 't', 'round': 2, 'date': '2020-06-02', 'title': {'en': 'Zwei'}, 'topics': {}}",
		"{'series': 't', 'round': 2, 'date': '2020-06-03', 'title': {'en': 'Zwei'}, 'topics': {}}");
	free(got);
	/* the last member deleted on one side, edited on the other */
	got = merge_with(tx, "{'round': 2, 'reaffirms': [{'label': {'en': 'a'}}]}",
			 "{'round': 2}",
			 "{'round': 2, 'reaffirms': [{'label': {'en': 'b'}}]}", 1);
	assert_resolves(got, "{'round': 2}",
			"{'round': 2, 'reaffirms': [{'label': {'en': 'b'}}]}");
	free(got);
	/* ... after "topics", which a block cannot take in: before it */
	got = merge_with(tx, "{'round': 2, 'topics': {'agenda': [" IP "]}, 'reaffirms': [{'label': {'en': 'a'}}]}",
			 "{'round': 2, 'topics': {'agenda': [" IP "]}}",
			 "{'round': 2, 'topics': {'agenda': [" IP "]}, 'reaffirms': [{'label': {'en': 'b'}}]}", 1);
	assert_non_null(strstr(got, "  \"round\": 2,\n<<<<<<< ours\n=======\n"
				    "  \"reaffirms\": ["));
	assert_non_null(strstr(got, ">>>>>>> theirs\n  \"topics\": {\n"));
	assert_resolves(got, "{'round': 2, 'topics': {'agenda': [" IP "]}}",
			"{'round': 2, 'topics': {'agenda': [" IP "]}, 'reaffirms': [{'label': {'en': 'b'}}]}");
	free(got);
}

/* Sections: added on one side, deleted on one side, kept while an item
 * in them conflicts. */
static void test_sections(void **state)
{
	char *got;

	(void)state;
	assert_merge("{'round': 2, 'topics': {'agenda': []}}",
		     "{'round': 2, 'topics': {'agenda': [], 'a': []}}",
		     "{'round': 2, 'topics': {'b': [" IP "], 'agenda': []}}",
		     "{'round': 2, 'topics': {'b': [" IP "], 'agenda': [], 'a': []}}");
	assert_merge("{'round': 2, 'topics': {'agenda': [" IP "], 'outcomes': []}}",
		     "{'round': 2, 'topics': {'outcomes': []}}",
		     "{'round': 2, 'topics': {'agenda': [" IP "], 'outcomes': [], 'x': []}}",
		     "{'round': 2, 'topics': {'outcomes': [], 'x': []}}");
	got = merge_with(tx, "{'round': 2, 'topics': {'agenda': [" IP "]}}",
			 "{'round': 2, 'topics': {}}",
			 "{'round': 2, 'topics': {'agenda': [{'label': {'en': 'Intellectual property'}, 'note': 'n'}]}}",
			 1);
	assert_resolves(got, "{'round': 2, 'topics': {'agenda': []}}",
		"{'round': 2, 'topics': {'agenda': [{'label': {'en': 'Intellectual property'}, 'note': 'n'}]}}");
	free(got);
}

/* Identities: without a taxonomy, by id or label; one label twice, by
 * occurrence; an item without label or id, by its content. */
static void test_identities(void **state)
{
	char *got;

	(void)state;
	/* without a taxonomy a new wording is another item: one side
	 * rewords, the other edits the old one -- a conflict (deleted vs
	 * edited) and an added item */
	got = merge_with(NULL, ROUND(TARIFFS),
			 ROUND("{'label': {'en': 'Tariffs, lower'}, 'action': 'proposed'}"),
			 ROUND("{'label': {'en': 'Lower tariffs'}, 'action': 'agreed'}"),
			 1);
	free(got);
	/* with one, the same entry: the edits merge */
	assert_merge(ROUND(TARIFFS),
		     ROUND("{'label': {'en': 'Tariffs, lower'}, 'action': 'proposed'}"),
		     ROUND("{'label': {'en': 'Lower tariffs'}, 'action': 'agreed'}"),
		     ROUND("{'label': {'en': 'Tariffs, lower'}, 'action': 'agreed'}"));
	/* labels compare normalized: case and white space */
	got = merge_with(NULL, ROUND("{'label': {'en': 'Fish'}}"),
			 ROUND("{'label': {'en': '  fish '}}"),
			 ROUND("{'label': {'en': 'Fish'}, 'note': 'n'}"), 0);
	assert_non_null(strstr(got, "\"en\": \"  fish \""));
	assert_non_null(strstr(got, "\"note\": \"n\""));
	free(got);
	/* one label twice: matched by occurrence */
	assert_merge(ROUND("{'label': {'en': 'Fish'}},{'label': {'en': 'Fish'}}"),
		     ROUND("{'label': {'en': 'Fish'}, 'note': '1'},{'label': {'en': 'Fish'}}"),
		     ROUND("{'label': {'en': 'Fish'}},{'label': {'en': 'Fish'}, 'note': '2'}"),
		     ROUND("{'label': {'en': 'Fish'}, 'note': '1'},{'label': {'en': 'Fish'}, 'note': '2'}"));
	/* no label and no id: the whole value */
	assert_merge(ROUND("{'note': 'a'}"), ROUND("{'note': 'a'},{'note': 'b'}"),
		     ROUND("{'note': 'a'}, 3"), ROUND("{'note': 'a'}, 3, {'note': 'b'}"));
}

/* No common ancestor: both sides added the file. */
static void test_empty_base(void **state)
{
	char *got;

	(void)state;
	assert_merge("", ROUND(TARIFFS), ROUND(TARIFFS "," IP),
		     ROUND(TARIFFS "," IP));
	got = merge_with(tx, " \n", ROUND(TARIFFS),
			 ROUND("{'label': {'en': 'Lower tariffs'}, 'action': 'agreed'}"),
			 1);
	free(got);
}

/* What cannot be merged item by item: an error naming the version. */
static void test_refused(void **state)
{
	static const struct {
		const char *base, *ours, *theirs, *path, *file, *msg;
	} cases[] = {
		{ "{'round': 1}", "{'round': 1}", "{'round': <<<", PATH,
		  PATH " (theirs)", "unexpected character" },
		{ "{'round': 1}", "", "{'round': 1}", PATH, PATH " (ours)",
		  "empty file" },
		{ "[]", "{'round': 1}", "{'round': 1}", PATH, PATH " (base)",
		  "not a round file" },
		{ "{'round': 1}", "{'round': 1, 'topics': []}", "{'round': 1}",
		  PATH, PATH " (ours)", "\"topics\" is not an object" },
		{ "{'round': 1}", "{'round': 1}", "{'round': 1, 'topics': {'a': {}}}",
		  PATH, PATH " (theirs)", "section \"a\" is not an array" },
		{ "{'id': 's'}", "{'id': 's'}", "{'id': 't'}",
		  "dialogues/t/series.json", "dialogues/t/series.json (base)",
		  "not a round file" },
		{ "{'sections': []}", "{'sections': []}", "{'sections': []}",
		  PATH, PATH " (base)", "not a round file" },
	};
	size_t i, conflicts;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		dd_buf out = DD_BUF_INIT;
		dd_error err;
		char b[256], o[256], t[256];

		snprintf(b, sizeof(b), "%s", q(cases[i].base));
		snprintf(o, sizeof(o), "%s", q(cases[i].ours));
		snprintf(t, sizeof(t), "%s", q(cases[i].theirs));
		dd_buf_addf(&out, "old");
		assert_int_equal(dd_merge_rounds(&out, &conflicts, b, strlen(b),
						 o, strlen(o), t, strlen(t),
						 cases[i].path, tx, &err),
				 DD_ERROR);
		assert_string_equal(err.file, cases[i].file);
		if (!strstr(err.message, cases[i].msg))
			fail_msg("case %zu: %s", i, err.message);
		assert_int_equal(out.len, 0);
		dd_buf_release(&out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unchanged),
		cmocka_unit_test(test_added_both_sides),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_deleted),
		cmocka_unit_test(test_conflict),
		cmocka_unit_test(test_deleted_vs_edited),
		cmocka_unit_test(test_members),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_identities),
		cmocka_unit_test(test_empty_base),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
