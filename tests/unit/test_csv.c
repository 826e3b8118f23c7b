/*
 * test_csv.c - the csv and csv-excel formats, byte for byte, on models
 * built by hand: quoting (RFC 4180), empty cells, the rows of a review
 * and a log (a file that cannot be compared, a deleted file), the guard
 * against formulas of csv-excel, and bytes that are not UTF-8.
 */
#include "unit.h"

#include "dialdiff/render.h"

#define ITEM(k, e, en, zh, act, nt)                                        \
	{ .label = { en, zh }, .action = act, .note = nt,                  \
	  .cls = DD_CLASS_MATCHED, .entry = e, .entry2 = -1, .key = k }

static dd_item a_items[] = {
	ITEM("hotline", 0, "Hot line", "热线", "established", NULL),
	ITEM("minus", 1, "-2 and +3", NULL, NULL, NULL),
	ITEM("same", 2, "Same", NULL, "agreed", "a note"),
};
static dd_item b_items[] = {
	ITEM("hotline", 0, "Hot line", "热线", "implemented", NULL),
	ITEM("same", 2, "Same", NULL, "agreed", "a note"),
	{ .label = { "=1+1, \"quoted\"\r\nnext", NULL }, .note = "@x",
	  .cls = DD_CLASS_UNCLASSIFIED, .entry = -1, .entry2 = -1,
	  .key = "=1+1, \"quoted\" next" },
};
static dd_round_section a_sec[] = {
	{ .id = "topics", .items = a_items, .count = 3, .tsection = 0 },
};
static dd_round_section b_sec[] = {
	{ .id = "topics", .items = b_items, .count = 3, .tsection = 0 },
};
static dd_round round_a = {
	.path = "d/s/round-01.json", .series = "s", .number = 1,
	.date = "2020-01-01", .title = { "First", "第一" },
	.sections = a_sec, .nsections = 1,
};
static dd_round round_b = {
	.path = "d/s/round-02.json", .series = "s", .number = 2,
	.date = "2020-06-01", .title = { NULL, "第二" },
	.sections = b_sec, .nsections = 1,
};
static dd_round empty = { .path = NULL };

static dd_diff_item added[] = {
	{ .key = "=1+1, \"quoted\" next", .entry = -1, .to = &b_items[2] },
};
static dd_diff_item dropped[] = {
	{ .key = "minus", .entry = 1, .from = &a_items[1] },
};
static dd_diff_item kept[] = {
	{ .key = "hotline", .entry = 0, .from = &a_items[0], .to = &b_items[0],
	  .changes = DD_CHANGE_ACTION },
	{ .key = "same", .entry = 2, .from = &a_items[2], .to = &b_items[1] },
};
static dd_diff_section sections[] = {
	{ .id = "topics", .title = { "Topics", NULL }, .tsection = 0,
	  .added = added, .nadded = 1, .kept = kept, .nkept = 2,
	  .dropped = dropped, .ndropped = 1, .nchanged = 1 },
};
static dd_diff the_diff = {
	.from = &round_a, .to = &round_b, .sections = sections,
	.nsections = 1, .nadded = 1, .nkept = 2, .ndropped = 1, .nchanged = 1,
};

/* round 1 deleted: its items dropped, compared with an empty round */
static dd_diff_section gone_sections[] = {
	{ .id = "topics", .tsection = 0, .dropped = dropped, .ndropped = 1 },
};
static dd_diff gone = {
	.from = &round_a, .to = &empty, .sections = gone_sections,
	.nsections = 1, .ndropped = 1,
};

static dd_file_change files[] = {
	{ .path = "d/s/round-02.json", .old_path = "d/s/round-2.json",
	  .status = DD_FILE_RENAMED, .diff = &the_diff },
	{ .path = "d/s/round-03.json", .status = DD_FILE_MODIFIED,
	  .error = "abc:d/s/round-03.json:1:2: bad" },
	{ .path = "d/s/round-01.json", .status = DD_FILE_DELETED,
	  .diff = &gone },
};

static const dd_render_opts en = { DD_LANG_EN, 0 };
static const dd_render_opts zh = { DD_LANG_ZH, 0 };

#define DIFF_HEAD "series,section,entry,classified,status,changes,from_round,to_round,old_label,new_label,old_action,new_action,old_note,new_note\r\n"
#define ROW_ADDED "s,topics,\"=1+1, \"\"quoted\"\" next\",false,added,,1,2,,\"=1+1, \"\"quoted\"\"\r\nnext\",,,,@x\r\n"
#define ROW_DROPPED "s,topics,minus,true,dropped,,1,2,-2 and +3,,,,,\r\n"
#define ROW_CHANGED "s,topics,hotline,true,changed,action,1,2,Hot line,Hot line,established,implemented,,\r\n"
#define ROW_SAME "s,topics,same,true,unchanged,,1,2,Same,Same,agreed,agreed,a note,a note\r\n"

static void assert_output(int rc, dd_buf *out, const char *want)
{
	assert_int_equal(rc, 0);
	assert_string_equal(out->ptr, want);
	dd_buf_release(out);
}

static void test_diff(void **state)
{
	dd_diff *d[] = { &the_diff };
	dd_buf out = DD_BUF_INIT;

	(void)state;
	assert_output(dd_render_csv.diff(&out, d, 1, &en), &out,
		      DIFF_HEAD ROW_ADDED ROW_DROPPED ROW_CHANGED ROW_SAME);
	/* zh, falling back to en where a label has no zh */
	assert_output(dd_render_csv.diff(&out, d, 1, &zh), &out,
		      DIFF_HEAD ROW_ADDED ROW_DROPPED
		      "s,topics,hotline,true,changed,action,1,2,热线,热线,established,implemented,,\r\n"
		      ROW_SAME);
	/* no diff: the header alone */
	assert_output(dd_render_csv.diff(&out, d, 0, &en), &out, DIFF_HEAD);
}

static void test_excel(void **state)
{
	dd_diff *d[] = { &the_diff };
	dd_buf out = DD_BUF_INIT;

	(void)state;
	assert_ptr_equal(dd_render_find("csv-excel"), &dd_render_csv_excel);
	assert_output(dd_render_csv_excel.diff(&out, d, 1, &en), &out,
		      "\xef\xbb\xbf" DIFF_HEAD
		      "s,topics,\"'=1+1, \"\"quoted\"\" next\",false,added,,1,2,,\"'=1+1, \"\"quoted\"\"\r\nnext\",,,,\"'@x\"\r\n"
		      "s,topics,minus,true,dropped,,1,2,\"'-2 and +3\",,,,,\r\n"
		      ROW_CHANGED ROW_SAME);
}

#define REVIEW_HEAD "from_rev,to_rev,path,old_path,file_status," DIFF_HEAD
#define LEAD "1111111111111111111111111111111111111111,,"

static void test_review(void **state)
{
	dd_review rv = { .from_rev = "1111111111111111111111111111111111111111",
			 .files = files, .nfiles = 3 };
	dd_buf out = DD_BUF_INIT;

	(void)state;
	assert_output(dd_render_csv.review(&out, &rv, &en), &out,
		      REVIEW_HEAD
		      LEAD "d/s/round-02.json,d/s/round-2.json,renamed," ROW_ADDED
		      LEAD "d/s/round-02.json,d/s/round-2.json,renamed," ROW_DROPPED
		      LEAD "d/s/round-02.json,d/s/round-2.json,renamed," ROW_CHANGED
		      LEAD "d/s/round-02.json,d/s/round-2.json,renamed," ROW_SAME
		      LEAD "d/s/round-03.json,,modified,,,,,error,,,,,,,,,\r\n"
		      LEAD "d/s/round-01.json,,deleted,s,topics,minus,true,dropped,,1,,-2 and +3,,,,,\r\n");
}

static void test_log(void **state)
{
	dd_log_commit commits[] = {
		{ .id = "2222222222222222222222222222222222222222",
		  .author_name = "A, U \"Thor\"", .author_email = "a@example.com",
		  .date = "2020-01-01T00:00:00+00:00", .subject = "+fix \xff",
		  .files = files + 1, .nfiles = 1 },
		{ .id = "3333333333333333333333333333333333333333",
		  .author_name = "B", .author_email = "b@example.com",
		  .date = "2019-01-01T00:00:00+00:00", .subject = "merge" },
	};
	dd_log log = { .commits = commits, .ncommits = 2 };
	const char *head = "commit,author_name,author_email,date,subject,path,old_path,file_status," DIFF_HEAD;
	const char *row = "2222222222222222222222222222222222222222,\"A, U \"\"Thor\"\"\",a@example.com,2020-01-01T00:00:00+00:00,%s,d/s/round-03.json,,modified,,,,,error,,,,,,,,,\r\n";
	char want[1024];
	dd_buf out = DD_BUF_INIT;

	(void)state;
	/* a subject that is not UTF-8 gets U+FFFD; a commit without files
	 * has no row */
	snprintf(want, sizeof(want), "%s", head);
	snprintf(want + strlen(want), sizeof(want) - strlen(want), row,
		 "+fix \xef\xbf\xbd");
	assert_output(dd_render_log(&out, &dd_render_csv, &log, &en), &out,
		      want);
	snprintf(want, sizeof(want), "\xef\xbb\xbf%s", head);
	snprintf(want + strlen(want), sizeof(want) - strlen(want), row,
		 "\"'+fix \xef\xbf\xbd\"");
	assert_output(dd_render_log(&out, &dd_render_csv_excel, &log, &en),
		      &out, want);
	/* a log that stopped: what was written stays, nothing is added */
	assert_int_equal(dd_render_csv.log_end(&out, 1, NULL, &en), 0);
	assert_int_equal(out.len, 0);
	dd_buf_release(&out);
}

static void test_oom(void **state)
{
	const dd_renderer *r[] = { &dd_render_csv, &dd_render_csv_excel };
	dd_review rv = { .files = files, .nfiles = 3 };
	dd_diff *d[] = { &the_diff };
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		dd_buf out = DD_BUF_INIT;

		out.oom = 1;
		assert_int_equal(r[i]->diff(&out, d, 1, &en), -1);
		assert_int_equal(r[i]->review(&out, &rv, &en), -1);
		assert_int_equal(r[i]->log_begin(&out, &en), -1);
		dd_buf_release(&out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_diff),
		cmocka_unit_test(test_excel),
		cmocka_unit_test(test_review),
		cmocka_unit_test(test_log),
		cmocka_unit_test(test_oom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
