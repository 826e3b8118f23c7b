/* Unit tests of the CI gates: parsing --fail-on and evaluating it. */
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

#define ROUND(n, topics) \
	"{\"schema_version\": 1, \"series\": \"s\", \"round\": " #n ", " \
	"\"date\": \"2020-0" #n "-01\", \"title\": {\"en\": \"R\"}, \"topics\": " topics "}"

static dd_round *load(dd_taxonomy *tx, const char *json)
{
	dd_round *r = NULL;
	dd_error err;

	assert_int_equal(dd_round_load(&r, json, strlen(json), "r.json", NULL,
				       &err), 0);
	assert_int_equal(dd_taxonomy_classify_round(tx, r, NULL, &err), 0);
	return r;
}

static void test_parse(void **state)
{
	dd_gate g;
	dd_error err;

	(void)state;
	assert_int_equal(dd_gate_parse(&g, "added", &err), 0);
	assert_int_equal(g.what, DD_GATE_ADDED);
	assert_string_equal(g.section, "");
	assert_int_equal(dd_gate_parse(&g, "dropped:crime-categories", &err), 0);
	assert_int_equal(g.what, DD_GATE_DROPPED);
	assert_string_equal(g.section, "crime-categories");
	assert_int_equal(dd_gate_parse(&g, "changed:a:b", &err), 0);
	assert_int_equal(g.what, DD_GATE_CHANGED);
	assert_string_equal(g.section, "a:b");
	assert_int_equal(dd_gate_parse(&g, "removed", &err), DD_EUSAGE);
	assert_non_null(strstr(err.message, "'removed'"));
	assert_int_equal(dd_gate_parse(&g, "added:", &err), DD_EUSAGE);
	assert_int_equal(dd_gate_parse(&g, "", &err), DD_EUSAGE);
	assert_int_equal(dd_gate_parse(&g, "add", &err), DD_EUSAGE);
	assert_int_equal(dd_gate_parse(&g, "addedd", &err), DD_EUSAGE);
	assert_int_equal(dd_gate_parse(&g, ":fruit", &err), DD_EUSAGE);
	assert_string_equal(dd_gate_what_name(DD_GATE_CHANGED), "changed");
}

static void test_holds(void **state)
{
	dd_taxonomy *tx = NULL;
	dd_round *a, *b;
	dd_diff *d = NULL, *same = NULL;
	dd_gate g;
	dd_error err;

	(void)state;
	assert_int_equal(dd_taxonomy_load(&tx, taxonomy_json,
					  sizeof(taxonomy_json) - 1, "t.json",
					  NULL, &err), 0);
	a = load(tx, ROUND(1, "{\"fruit\": [{\"label\": {\"en\": \"apple\"}}],"
			      " \"means\": [{\"label\": {\"en\": \"hotline\"}, \"action\": \"established\"}]}"));
	b = load(tx, ROUND(2, "{\"fruit\": [{\"label\": {\"en\": \"pear\"}}],"
			      " \"means\": [{\"label\": {\"en\": \"hotline\"}, \"action\": \"implemented\"}]}"));
	assert_int_equal(dd_diff_rounds(&d, a, b, tx, &err), 0);
	assert_int_equal(dd_diff_rounds(&same, a, a, tx, &err), 0);

	assert_true(dd_gate_any_change(d));
	assert_false(dd_gate_any_change(same));
	assert_false(dd_gate_any_change(NULL));

	dd_gate_parse(&g, "added", &err);
	assert_true(dd_gate_holds(&g, &d, 1));
	assert_false(dd_gate_holds(&g, &same, 1));
	dd_gate_parse(&g, "dropped:fruit", &err);
	assert_true(dd_gate_holds(&g, &d, 1));
	dd_gate_parse(&g, "dropped:means", &err);
	assert_false(dd_gate_holds(&g, &d, 1));
	dd_gate_parse(&g, "changed:means", &err);
	assert_true(dd_gate_holds(&g, &d, 1));
	dd_gate_parse(&g, "changed:fruit", &err);
	assert_false(dd_gate_holds(&g, &d, 1));
	dd_gate_parse(&g, "added:nosuch", &err);
	assert_false(dd_gate_holds(&g, &d, 1));
	{
		dd_diff *both[2];

		both[0] = same;
		both[1] = d;
		dd_gate_parse(&g, "changed", &err);
		assert_true(dd_gate_holds(&g, both, 2));
		assert_false(dd_gate_holds(&g, both, 1));
	}
	dd_diff_free(d);
	dd_diff_free(same);
	dd_round_free(a);
	dd_round_free(b);
	dd_taxonomy_free(tx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_holds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
