/* Unit tests of the policy gates: parsing, validation, and when they hold. */
#include "unit.h"

#include "dialdiff/diff.h"
#include "dialdiff/gate.h"
#include "dialdiff/round.h"
#include "dialdiff/taxonomy.h"

static const char taxonomy_json[] =
	"{\"schema_version\": 1, \"sections\": ["
	" {\"id\": \"fruit\", \"title\": {\"en\": \"Fruit\"}, \"entries\": ["
	"  {\"id\": \"apples\", \"name\": {\"en\": \"Apples\"}, \"patterns\": [\"apple\"]},"
	"  {\"id\": \"pears\", \"name\": {\"en\": \"Pears\"}, \"patterns\": [\"pear\"]}]},"
	" {\"id\": \"means\", \"title\": {\"en\": \"Means\"}, \"entries\": ["
	"  {\"id\": \"hotline\", \"name\": {\"en\": \"Hotline\"}, \"patterns\": [\"hotline\"]}]}]}";

#define ROUND(n, date, topics) \
	"{\"schema_version\": 1, \"series\": \"s\", \"round\": " #n ", " \
	"\"date\": \"" date "\", \"title\": {\"en\": \"R\"}, \"topics\": " topics "}"

/* Round 1 -> 2: apples dropped, pears added (fruit); hotline kept with a
 * new action (means). */
static const char r1[] = ROUND(1, "2020-01-01",
	"{\"fruit\": [{\"label\": {\"en\": \"Apple trade\"}}],"
	" \"means\": [{\"label\": {\"en\": \"Hotline\"}, \"action\": \"established\"}]}");
static const char r2[] = ROUND(2, "2020-06-01",
	"{\"fruit\": [{\"label\": {\"en\": \"Pear tariffs\"}}],"
	" \"means\": [{\"label\": {\"en\": \"Hotline\"}, \"action\": \"implemented\"}]}");

typedef struct fixture {
	dd_taxonomy *tx;
	dd_round *a, *b, *c;
	dd_diff *ab, *bc;	/* bc: round 2 against itself, no change */
} fixture;

static dd_round *load_round(dd_taxonomy *tx, const char *json)
{
	dd_round *r = NULL;
	dd_error err;

	assert_int_equal(dd_round_load(&r, json, strlen(json), "r.json", NULL,
				       &err), 0);
	assert_int_equal(dd_taxonomy_classify_round(tx, r, NULL, &err), 0);
	return r;
}

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	dd_error err;

	assert_non_null(f);
	assert_int_equal(dd_taxonomy_load(&f->tx, taxonomy_json,
					  sizeof(taxonomy_json) - 1, "t.json",
					  NULL, &err), 0);
	f->a = load_round(f->tx, r1);
	f->b = load_round(f->tx, r2);
	f->c = load_round(f->tx, r2);
	assert_int_equal(dd_diff_rounds(&f->ab, f->a, f->b, f->tx, &err), 0);
	assert_int_equal(dd_diff_rounds(&f->bc, f->b, f->c, f->tx, &err), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	dd_diff_free(f->ab);
	dd_diff_free(f->bc);
	dd_round_free(f->a);
	dd_round_free(f->b);
	dd_round_free(f->c);
	dd_taxonomy_free(f->tx);
	free(f);
	return 0;
}

static void test_parse(void **state)
{
	static const char *const bad[] = {
		"", "add", "added:", "removed", "added:a:b", ":fruit", "ADDED",
		"dropped:fruit/", "dropped:/apples", "dropped:a/b/c",
	};
	char name[64];
	const char arg[] = "dropped:fruit";
	dd_gate g;
	dd_error err;
	size_t i;

	(void)state;
	assert_int_equal(dd_gate_parse(&g, "added", &err), 0);
	assert_int_equal(g.what, DD_GATE_ADDED);
	assert_null(g.section);
	assert_int_equal(dd_gate_parse(&g, "changed", &err), 0);
	assert_int_equal(g.what, DD_GATE_CHANGED);
	assert_int_equal(dd_gate_parse(&g, arg, &err), 0);
	assert_int_equal(g.what, DD_GATE_DROPPED);
	assert_string_equal(g.section, "fruit");
	assert_ptr_equal(g.section, arg + 8);	/* borrowed, not copied */
	assert_string_equal(arg, "dropped:fruit");	/* not modified */
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(dd_gate_parse(&g, bad[i], &err), DD_EUSAGE);
		assert_non_null(strstr(err.message, "added, dropped, changed or unclassified"));
	}
	assert_int_equal(dd_gate_parse(&g, "dropped:fruit/apples", &err), 0);
	assert_int_equal(g.section_len, 5);
	assert_string_equal(g.entry, "apples");
	dd_gate_name(name, sizeof(name), &g);
	assert_string_equal(name, "dropped:fruit/apples");
	assert_int_equal(dd_gate_parse(&g, "unclassified", &err), 0);
	assert_int_equal(g.what, DD_GATE_UNCLASSIFIED);
}

static void test_validate(void **state)
{
	fixture *f = *state;
	dd_gate g[2];
	dd_error err;

	assert_int_equal(dd_gate_parse(&g[0], "added", &err), 0);
	assert_int_equal(dd_gate_parse(&g[1], "dropped:means", &err), 0);
	assert_int_equal(dd_gate_validate(g, 2, f->tx, &err), 0);
	assert_int_equal(dd_gate_parse(&g[1], "dropped:mean", &err), 0);
	assert_int_equal(dd_gate_validate(g, 2, f->tx, &err), DD_ENOTFOUND);
	assert_non_null(strstr(err.message, "no section 'mean'"));
	assert_int_equal(dd_gate_parse(&g[1], "dropped:fruit/plums", &err), 0);
	assert_int_equal(dd_gate_validate(g, 2, f->tx, &err), DD_ENOTFOUND);
	assert_non_null(strstr(err.message, "no entry 'plums'"));
	assert_int_equal(dd_gate_parse(&g[1], "dropped:fruit/pears", &err), 0);
	assert_int_equal(dd_gate_validate(g, 2, f->tx, &err), 0);
}

static int holds(const fixture *f, const char *arg, int any)
{
	dd_gate g;
	dd_error err;

	if (!strcmp(arg, "any")) {
		memset(&g, 0, sizeof(g));
		g.what = DD_GATE_ANY;
	} else {
		assert_int_equal(dd_gate_parse(&g, arg, &err), 0);
	}
	return dd_gate_holds_one(&g, f->bc) ||
	       dd_gate_holds_one(&g, any ? f->ab : f->bc);
}

static void test_holds(void **state)
{
	fixture *f = *state;

	/* round 1 -> 2 */
	assert_true(holds(f, "added", 1));
	assert_true(holds(f, "added:fruit", 1));
	assert_false(holds(f, "added:means", 1));
	assert_true(holds(f, "dropped:fruit", 1));
	assert_false(holds(f, "dropped:means", 1));
	assert_true(holds(f, "changed", 1));
	assert_true(holds(f, "changed:means", 1));
	assert_false(holds(f, "changed:fruit", 1));
	assert_true(holds(f, "any", 1));
	/* one entry */
	assert_true(holds(f, "dropped:fruit/apples", 1));
	assert_false(holds(f, "dropped:fruit/pears", 1));
	assert_true(holds(f, "added:fruit/pears", 1));
	assert_true(holds(f, "changed:means/hotline", 1));
	/* every topic has an entry */
	assert_false(holds(f, "unclassified", 1));
	/* no change at all */
	assert_false(holds(f, "added", 0));
	assert_false(holds(f, "dropped", 0));
	assert_false(holds(f, "changed", 0));
	assert_false(holds(f, "any", 0));
}

/* A topic no entry matches trips "unclassified", with its item. */
static void test_unclassified(void **state)
{
	fixture *f = *state;
	dd_round *u = load_round(f->tx, ROUND(3, "2021-01-01",
		"{\"fruit\": [{\"label\": {\"en\": \"Pear tariffs\"}},"
		" {\"label\": {\"en\": \"Plum quotas\"}}],"
		" \"means\": [{\"label\": {\"en\": \"Hotline\"}, \"action\": \"implemented\"}]}"));
	dd_diff *d = NULL;
	dd_gate g;
	dd_error err;

	assert_int_equal(dd_diff_rounds(&d, f->b, u, f->tx, &err), 0);
	assert_int_equal(dd_gate_parse(&g, "unclassified", &err), 0);
	assert_int_equal(dd_gate_items(&g, d, NULL, NULL), 1);
	assert_int_equal(dd_gate_parse(&g, "unclassified:means", &err), 0);
	assert_int_equal(dd_gate_items(&g, d, NULL, NULL), 0);
	assert_int_equal(dd_gate_parse(&g, "added", &err), 0);
	assert_int_equal(dd_gate_items(&g, d, NULL, NULL), 1);
	assert_int_equal(dd_gate_parse(&g, "changed", &err), 0);
	assert_int_equal(dd_gate_items(&g, d, NULL, NULL), 0);
	dd_diff_free(d);
	dd_round_free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test_setup_teardown(test_validate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_holds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unclassified, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
