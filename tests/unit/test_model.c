/* Unit tests of the round loader, the differ and the timeline, on rounds
 * parsed from inline JSON and a small inline taxonomy. */
#include "unit.h"

#include "dialdiff/diff.h"
#include "dialdiff/round.h"
#include "dialdiff/series.h"
#include "dialdiff/taxonomy.h"
#include "dialdiff/timeline.h"

static const char taxonomy_json[] =
	"{\"schema_version\": 1, \"sections\": ["
	" {\"id\": \"topics\", \"title\": {\"en\": \"Topics\"}, \"entries\": ["
	"  {\"id\": \"apples\", \"name\": {\"en\": \"Apples\", \"zh\": \"苹果\"},"
	"   \"patterns\": [\"apple\", \"苹果\"]},"
	"  {\"id\": \"pears\", \"name\": {\"en\": \"Pears\"}, \"patterns\": [\"pear\"]},"
	"  {\"id\": \"plums\", \"name\": {\"en\": \"Plums\"}, \"patterns\": [\"plum\"]}]},"
	" {\"id\": \"means\", \"title\": {\"en\": \"Means\"}, \"entries\": ["
	"  {\"id\": \"hotline\", \"name\": {\"en\": \"Hotline\"}, \"patterns\": [\"hotline\"]}]}]}";

static dd_taxonomy *load_tx(void)
{
	dd_taxonomy *tx = NULL;
	dd_error err;

	assert_int_equal(dd_taxonomy_load(&tx, taxonomy_json,
					  sizeof(taxonomy_json) - 1, "t.json",
					  NULL, &err), 0);
	return tx;
}

static dd_round *load_round(dd_taxonomy *tx, const char *json)
{
	dd_round *r = NULL;
	dd_error err;

	if (dd_round_load(&r, json, strlen(json), "r.json", NULL, &err) < 0)
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.column,
			 err.message);
	assert_int_equal(dd_taxonomy_classify_round(tx, r, NULL, &err), 0);
	return r;
}

#define ROUND(n, date, topics) \
	"{\"schema_version\": 1, \"series\": \"s\", \"round\": " #n ", " \
	"\"date\": \"" date "\", \"title\": {\"en\": \"R\"}, \"topics\": " topics "}"

static const char r1[] = ROUND(1, "2020-01-01",
	"{\"topics\": [{\"label\": {\"en\": \"Apple trade\"}},"
	"              {\"label\": {\"en\": \"Pear tariffs\"}},"
	"              {\"label\": {\"en\": \"Bananas\"}}],"
	" \"means\": [{\"label\": {\"en\": \"Hotline\"}, \"action\": \"established\"}]}");
static const char r2[] = ROUND(2, "2020-06-01",
	"{\"topics\": [{\"label\": {\"zh\": \"苹果贸易\"}},"
	"              {\"label\": {\"en\": \"Plum quotas\"}},"
	"              {\"label\": {\"en\": \"bananas \"}}],"
	" \"means\": [{\"label\": {\"en\": \"Hotline\"}, \"action\": \"implemented\"}],"
	" \"extra\": [{\"label\": {\"en\": \"Odd\"}}]}");

static void test_round_load(void **state)
{
	dd_taxonomy *tx = load_tx();
	dd_round *r = load_round(tx, r1);

	(void)state;
	assert_int_equal(r->number, 1);
	assert_string_equal(r->date, "2020-01-01");
	assert_int_equal(r->nsections, 2);
	assert_string_equal(r->sections[0].items[0].key, "apples");
	assert_int_equal(r->sections[0].items[0].cls, DD_CLASS_MATCHED);
	assert_int_equal(r->sections[0].items[2].cls, DD_CLASS_UNCLASSIFIED);
	assert_string_equal(r->sections[0].items[2].key, "bananas");
	assert_int_equal(r->sections[0].items[1].pos.line, 1);
	dd_round_free(r);
	dd_taxonomy_free(tx);
}

static void expect_problem(const char *json, const char *rule, int line,
			   int column)
{
	dd_diags diags = DD_DIAGS_INIT;
	dd_round *r = NULL;
	dd_error err;
	size_t i;

	assert_true(dd_round_load(&r, json, strlen(json), "bad.json", &diags,
				  &err) < 0);
	for (i = 0; i < diags.count; i++)
		if (!strcmp(diags.items[i].rule, rule) &&
		    diags.items[i].line == line && diags.items[i].column == column)
			break;
	if (i == diags.count)
		fail_msg("no %s at %d:%d (first error: %d:%d %s)", rule, line,
			 column, err.line, err.column, err.message);
	dd_diags_release(&diags);
	dd_round_free(r);
}

static void test_round_errors(void **state)
{
	(void)state;
	expect_problem("{\"round\": 1,\n \"round\": 2}", "duplicate-key", 2, 2);
	expect_problem("[1]", "type", 1, 1);
	expect_problem(ROUND(2.0, "2020-01-01", "{}"), "round-number", 1, 47);
	expect_problem(ROUND(0, "2020-01-01", "{}"), "round-number", 1, 47);
	expect_problem(ROUND(1, "2021-02-29", "{}"), "date", 1, 58);
	expect_problem(ROUND(1, "2020-01-01",
			     "{\"a\": [{\"label\": {\"en\": \" \"}}]}"),
		       "empty-label", 1, 128);
	expect_problem(ROUND(1, "2020-01-01",
			     "{\"a\": [{\"label\": {\"en\": \"x\"}, \"action\": \"won\"}]}"),
		       "action", 1, 144);
	expect_problem("{\"schema_version\": 2}", "schema-version", 1, 20);
	expect_problem("{\"schema_version\": 1}", "required", 1, 1);
	expect_problem(ROUND(1, "2020-01-01", "{\"a\": {}}"), "type", 1, 110);
}

static void test_dates(void **state)
{
	(void)state;
	assert_true(dd_date_valid("2020-02-29"));
	assert_false(dd_date_valid("2021-02-29"));
	assert_false(dd_date_valid("2021-02-30"));
	assert_true(dd_date_valid("2000-02-29"));
	assert_false(dd_date_valid("1900-02-29"));
	assert_false(dd_date_valid("2021-13-01"));
	assert_false(dd_date_valid("2021-1-01"));
	assert_false(dd_date_valid("2021-01-011"));
}

static void test_diff(void **state)
{
	dd_taxonomy *tx = load_tx();
	dd_round *a = load_round(tx, r1), *b = load_round(tx, r2);
	const dd_diff_section *s;
	dd_diff *d = NULL, empty;
	dd_error err;

	(void)state;
	assert_int_equal(dd_diff_rounds(&d, a, b, tx, &err), 0);
	assert_int_equal(d->nsections, 3);	/* topics, means, then extra */
	s = &d->sections[0];
	assert_string_equal(s->id, "topics");
	assert_int_equal(s->nadded, 1);
	assert_string_equal(s->added[0].key, "plums");
	assert_int_equal(s->ndropped, 1);
	assert_string_equal(s->dropped[0].key, "pears");
	assert_int_equal(s->nkept, 2);
	assert_string_equal(s->kept[0].key, "apples");	/* taxonomy order */
	assert_int_equal(s->kept[0].changes, DD_CHANGE_LABEL);
	assert_string_equal(s->kept[1].key, "bananas");	/* normalized label */
	assert_int_equal(s->kept[1].changes, DD_CHANGE_LABEL);
	assert_true(s->similarity > 0.49 && s->similarity < 0.51);
	s = &d->sections[1];
	assert_int_equal(s->nkept, 1);
	assert_int_equal(s->kept[0].changes, DD_CHANGE_ACTION);
	assert_string_equal(s->kept[0].from->action, "established");
	assert_string_equal(s->kept[0].to->action, "implemented");
	s = &d->sections[2];
	assert_string_equal(s->id, "extra");
	assert_int_equal(s->tsection, -1);
	assert_int_equal(s->nadded, 1);
	assert_int_equal(d->nadded, 2);
	assert_int_equal(d->ndropped, 1);
	assert_int_equal(d->nchanged, 3);
	assert_true(dd_diff_similarity(d) == 3.0 / 6.0);	/* 3 kept of 6 */
	dd_diff_free(d);
	/* a round against itself: everything kept, nothing changed */
	assert_int_equal(dd_diff_rounds(&d, a, a, tx, &err), 0);
	assert_int_equal(d->nadded + d->ndropped + d->nchanged, 0);
	assert_true(d->sections[0].similarity == 1.0);
	assert_true(dd_diff_similarity(d) == 1.0);
	dd_diff_free(d);
	memset(&empty, 0, sizeof(empty));	/* no item at all: 1 */
	assert_true(dd_diff_similarity(&empty) == 1.0);
	dd_round_free(a);
	dd_round_free(b);
	dd_taxonomy_free(tx);
}

/* dd_diff_item_changed: the bits of a kept item, 0 for every other */
static void test_diff_item_changed(void **state)
{
	dd_taxonomy *tx = load_tx();
	dd_round *a = load_round(tx, r1), *b = load_round(tx, r2);
	const dd_item *x = &a->sections[0].items[0];
	dd_diff_item one_side = { .key = "k", .entry = -1, .to = x,
				  .changes = DD_CHANGE_NOTE };
	dd_diff *d = NULL;
	dd_error err;

	(void)state;
	assert_int_equal(dd_diff_rounds(&d, a, b, tx, &err), 0);
	assert_int_equal(dd_diff_item_changed(&d->sections[0].kept[0]),
			 DD_CHANGE_LABEL);
	assert_int_equal(dd_diff_item_changed(&d->sections[1].kept[0]),
			 DD_CHANGE_ACTION);
	assert_int_equal(dd_diff_item_changed(&d->sections[0].added[0]), 0);
	assert_int_equal(dd_diff_item_changed(&d->sections[0].dropped[0]), 0);
	dd_diff_free(d);
	/* stray bits on an item with one side are not a change */
	assert_int_equal(dd_diff_item_changed(&one_side), 0);
	one_side.from = x;
	assert_int_equal(dd_diff_item_changed(&one_side), DD_CHANGE_NOTE);
	one_side.to = NULL;
	assert_int_equal(dd_diff_item_changed(&one_side), 0);
	/* a round against itself: nothing changed */
	assert_int_equal(dd_diff_rounds(&d, a, a, tx, &err), 0);
	assert_int_equal(dd_diff_item_changed(&d->sections[0].kept[0]), 0);
	dd_diff_free(d);
	dd_round_free(a);
	dd_round_free(b);
	dd_taxonomy_free(tx);
}

static void test_timeline(void **state)
{
	dd_taxonomy *tx = load_tx();
	dd_series s;
	dd_round *rounds[3];
	dd_timeline *t = NULL;
	const dd_timeline_section *sec;
	dd_error err;

	(void)state;
	memset(&s, 0, sizeof(s));
	rounds[0] = load_round(tx, r1);
	rounds[1] = load_round(tx, r2);
	rounds[2] = load_round(tx, r1);
	s.rounds = rounds;
	s.nrounds = 3;
	assert_int_equal(dd_timeline_build(&t, &s, tx, &err), 0);
	sec = &t->sections[0];
	assert_int_equal(sec->nrows, 4);	/* apples pears plums bananas */
	assert_string_equal(sec->rows[0].key, "apples");
	assert_true(sec->rows[0].core);
	assert_string_equal(sec->rows[1].key, "pears");
	assert_true(sec->rows[1].gap);
	assert_int_equal(sec->rows[1].npresent, 2);
	assert_int_equal(sec->rows[1].first, 0);
	assert_int_equal(sec->rows[1].last, 2);
	assert_string_equal(sec->rows[2].key, "plums");
	assert_int_equal(sec->rows[2].first, 1);
	assert_false(sec->rows[2].core);
	assert_string_equal(sec->rows[3].key, "bananas");
	assert_true(sec->similarity[0] > 0.49 && sec->similarity[0] < 0.51);
	assert_int_equal(t->nsections, 3);
	dd_timeline_free(t);
	dd_round_free(rounds[0]);
	dd_round_free(rounds[1]);
	dd_round_free(rounds[2]);
	dd_taxonomy_free(tx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_load),
		cmocka_unit_test(test_round_errors),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_diff),
		cmocka_unit_test(test_diff_item_changed),
		cmocka_unit_test(test_timeline),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
