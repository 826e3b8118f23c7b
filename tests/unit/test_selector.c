/* Unit tests of round selectors, revision ranges and path resolution. */
#include "unit.h"

#include "dialdiff/round.h"
#include "dialdiff/selector.h"

static void ok_sel(dd_selector *s, const char *text)
{
	dd_error err;

	if (dd_selector_parse(s, text, &err) != 0)
		fail_msg("'%s': %s", text, err.message);
}

static void test_rounds(void **state)
{
	dd_selector s;

	(void)state;
	ok_sel(&s, "3");
	assert_int_equal(s.kind, DD_SEL_ROUND);
	assert_int_equal(s.number, 3);
	assert_null(s.series);
	assert_null(s.rev);
	assert_false(s.maybe_path);

	ok_sel(&s, "us-china/12");
	assert_int_equal(s.kind, DD_SEL_ROUND);
	assert_int_equal(s.number, 12);
	assert_string_equal(s.series, "us-china");
	assert_string_equal(s.path, "us-china/12");
	assert_true(s.maybe_path);

	ok_sel(&s, "2@HEAD~1");
	assert_int_equal(s.kind, DD_SEL_ROUND);
	assert_int_equal(s.number, 2);
	assert_null(s.series);
	assert_string_equal(s.rev, "HEAD~1");
	assert_false(s.maybe_path);

	ok_sel(&s, "s/4@HEAD@{1}");
	assert_int_equal(s.kind, DD_SEL_ROUND);
	assert_string_equal(s.series, "s");
	assert_string_equal(s.rev, "HEAD@{1}");

	ok_sel(&s, "123456789");
	assert_int_equal(s.kind, DD_SEL_ROUND);
	assert_int_equal(s.number, 123456789);
	ok_sel(&s, "1234567890");	/* over the largest round: a path */
	assert_int_equal(s.kind, DD_SEL_PATH);
	/* every number a round file may hold (check accepts 10^9) */
	ok_sel(&s, "1000000000");
	assert_int_equal(s.kind, DD_SEL_ROUND);
	assert_int_equal(s.number, DD_ROUND_NUMBER_MAX);
	ok_sel(&s, "s/0001000000000@HEAD");
	assert_int_equal(s.kind, DD_SEL_ROUND);
	assert_int_equal(s.number, DD_ROUND_NUMBER_MAX);
	ok_sel(&s, "1000000001");
	assert_int_equal(s.kind, DD_SEL_PATH);
	ok_sel(&s, "99999999999999999999999");	/* no overflow */
	assert_int_equal(s.kind, DD_SEL_PATH);

	/* a series id with '@': the first '@' after a round part */
	ok_sel(&s, "a@b/2");
	assert_int_equal(s.kind, DD_SEL_ROUND);
	assert_string_equal(s.series, "a@b");
	assert_null(s.rev);
	ok_sel(&s, "a@b/2@HEAD@{1}");
	assert_int_equal(s.kind, DD_SEL_ROUND);
	assert_string_equal(s.series, "a@b");
	assert_int_equal(s.number, 2);
	assert_string_equal(s.rev, "HEAD@{1}");
	ok_sel(&s, "@x/2@main");
	assert_string_equal(s.series, "@x");
	assert_string_equal(s.rev, "main");
}

static void test_blobs_and_paths(void **state)
{
	dd_selector s;
	dd_error err;

	(void)state;
	ok_sel(&s, "HEAD~1:dialogues/s/round-02.json");
	assert_int_equal(s.kind, DD_SEL_BLOB);
	assert_string_equal(s.rev, "HEAD~1");
	assert_string_equal(s.path, "dialogues/s/round-02.json");
	assert_true(s.maybe_path);

	ok_sel(&s, "HEAD@{1}:x.json");
	assert_int_equal(s.kind, DD_SEL_BLOB);
	assert_string_equal(s.rev, "HEAD@{1}");
	assert_string_equal(s.path, "x.json");

	ok_sel(&s, "main:");
	assert_int_equal(s.kind, DD_SEL_BLOB);
	assert_string_equal(s.path, "");

	ok_sel(&s, "dialogues/s/round-02.json");
	assert_int_equal(s.kind, DD_SEL_PATH);
	assert_string_equal(s.path, "dialogues/s/round-02.json");
	ok_sel(&s, "./2");
	assert_int_equal(s.kind, DD_SEL_PATH);
	ok_sel(&s, "../2");
	assert_int_equal(s.kind, DD_SEL_PATH);
	ok_sel(&s, "a/b/2");
	assert_int_equal(s.kind, DD_SEL_PATH);
	ok_sel(&s, "me@example.json");
	assert_int_equal(s.kind, DD_SEL_PATH);
	ok_sel(&s, "/2");
	assert_int_equal(s.kind, DD_SEL_PATH);

	assert_int_equal(dd_selector_parse(&s, "", &err), DD_EUSAGE);
	assert_int_equal(dd_selector_parse(&s, "2@", &err), DD_EUSAGE);
	assert_non_null(strstr(err.message, "N@REV"));
	assert_int_equal(dd_selector_parse(&s, ":dialogues/x.json", &err),
			 DD_EUSAGE);
	assert_non_null(strstr(err.message, "index"));
	{
		char *big = malloc(DD_SELECTOR_MAX + 1);

		memset(big, 'a', DD_SELECTOR_MAX);
		big[DD_SELECTOR_MAX] = '\0';
		assert_int_equal(dd_selector_parse(&s, big, &err), DD_EUSAGE);
		big[DD_SELECTOR_MAX - 1] = '\0';
		assert_int_equal(dd_selector_parse(&s, big, &err), 0);
		big[10] = ':';
		assert_int_equal(dd_selector_parse(&s, big, &err), 0);
		assert_int_equal(strlen(s.rev) + strlen(s.path), DD_SELECTOR_MAX - 2);
		free(big);
	}
}

static void test_ranges(void **state)
{
	dd_revrange r;
	dd_error err;

	(void)state;
	assert_int_equal(dd_revrange_parse(&r, "HEAD~3", &err), 0);
	assert_int_equal(r.kind, DD_RANGE_ONE);
	assert_string_equal(r.from, "HEAD~3");
	assert_null(r.to);

	assert_int_equal(dd_revrange_parse(&r, "main..topic", &err), 0);
	assert_int_equal(r.kind, DD_RANGE_TWO_DOT);
	assert_string_equal(r.from, "main");
	assert_string_equal(r.to, "topic");

	assert_int_equal(dd_revrange_parse(&r, "main...topic", &err), 0);
	assert_int_equal(r.kind, DD_RANGE_THREE_DOT);
	assert_string_equal(r.from, "main");
	assert_string_equal(r.to, "topic");

	assert_int_equal(dd_revrange_parse(&r, "..topic", &err), 0);
	assert_string_equal(r.from, "HEAD");
	assert_int_equal(dd_revrange_parse(&r, "main..", &err), 0);
	assert_string_equal(r.to, "HEAD");
	assert_int_equal(dd_revrange_parse(&r, "...", &err), 0);
	assert_int_equal(r.kind, DD_RANGE_THREE_DOT);
	assert_string_equal(r.from, "HEAD");
	assert_string_equal(r.to, "HEAD");

	assert_int_equal(dd_revrange_parse(&r, "", &err), DD_EUSAGE);
	assert_int_equal(dd_revrange_parse(&r, "a..b..c", &err), DD_EUSAGE);
	assert_int_equal(dd_revrange_parse(&r, "a....b", &err), DD_EUSAGE);
}

static void resolves(const char *prefix, const char *path, const char *want)
{
	char out[64];
	dd_error err;

	if (dd_path_resolve(out, sizeof(out), prefix, path, &err) != 0)
		fail_msg("'%s' + '%s': %s", prefix, path, err.message);
	if (strcmp(out, want))
		fail_msg("'%s' + '%s' = '%s', want '%s'", prefix, path, out, want);
}

static void test_paths(void **state)
{
	char out[16];
	dd_error err;

	(void)state;
	resolves("", "dialogues/x.json", "dialogues/x.json");
	resolves("sub/", "x.json", "sub/x.json");
	resolves("sub/dir/", "../x.json", "sub/x.json");
	resolves("sub/", "../dialogues//s/./r.json", "dialogues/s/r.json");
	resolves("sub/", "..", "");
	resolves("sub/", "./", "sub");
	resolves("", "a/b/", "a/b");
	resolves("sub/", "/abs/./x/../y", "/abs/y");
	resolves("", "/..", "/");
	resolves("", "/", "/");
	resolves(NULL, "a/../b", "b");
	assert_int_equal(dd_path_resolve(out, sizeof(out), "", "../x", &err),
			 DD_ENOTFOUND);
	assert_non_null(strstr(err.message, "outside"));
	assert_int_equal(dd_path_resolve(out, sizeof(out), "a/", "../../x",
					 &err), DD_ENOTFOUND);
	assert_int_equal(dd_path_resolve(out, sizeof(out), "",
					 "0123456789abcdefghij", &err),
			 DD_EUSAGE);
	assert_int_equal(dd_path_resolve(out, sizeof(out), "", "0123456789abcde",
					 &err), 0);
	assert_int_equal(dd_path_resolve(out, 0, "", "x", &err), DD_EUSAGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rounds),
		cmocka_unit_test(test_blobs_and_paths),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_paths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
