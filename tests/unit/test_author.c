/* Unit tests of the authoring module: series ids, files created only
 * where nothing is, init's files, the next round's number and name, the
 * draft of a round and its canonical text. */
#include "unit.h"

#include <sys/stat.h>
#include <unistd.h>

#include "dialdiff/author.h"
#include "dialdiff/fmt.h"
#include "dialdiff/project.h"
#include "dialdiff/source.h"

static char tmpdir[] = "/tmp/dd-author-XXXXXX";

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *in_tmp(const char *name)
{
	static char path[256];

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	return path;
}

static char *slurp(const char *path)
{
	dd_buf b = DD_BUF_INIT;

	assert_int_equal(dd_buf_read_file(&b, path, 0, NULL), 0);
	return dd_buf_detach(&b, NULL);
}

static void test_series_id(void **state)
{
	(void)state;
	assert_true(dd_author_series_id_valid("us-china-cybercrime"));
	assert_true(dd_author_series_id_valid("G20_2016.talks"));
	assert_true(dd_author_series_id_valid("2016"));
	assert_false(dd_author_series_id_valid(""));
	assert_false(dd_author_series_id_valid(".hidden"));
	assert_false(dd_author_series_id_valid("-x"));
	assert_false(dd_author_series_id_valid("a/b"));
	assert_false(dd_author_series_id_valid(".."));
	assert_false(dd_author_series_id_valid("a b"));
	assert_false(dd_author_series_id_valid("schema"));
	assert_false(dd_author_series_id_valid("caf\xc3\xa9"));
	assert_false(dd_author_series_id_valid(
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

/* dd_write_file_new: a new file; anything already there stays as it is. */
static void test_write_new(void **state)
{
	char *path = strdup(in_tmp("new.json")), *got, cmd[128];
	struct stat st;
	dd_error err;

	(void)state;
	assert_int_equal(dd_write_file_new(path, "one\n", 4, &err), 0);
	got = slurp(path);
	assert_string_equal(got, "one\n");
	free(got);
	assert_int_equal(dd_write_file_new(path, "two\n", 4, &err), DD_EEXIST);
	assert_string_equal(err.file, path);
	assert_non_null(strstr(err.message, "not overwritten"));
	got = slurp(path);
	assert_string_equal(got, "one\n");
	free(got);
	/* a dangling symbolic link is not written through */
	assert_int_equal(symlink("nowhere", in_tmp("link.json")), 0);
	assert_int_equal(dd_write_file_new(in_tmp("link.json"), "x", 1, &err),
			 DD_EEXIST);
	assert_int_equal(lstat(in_tmp("nowhere"), &st), -1);
	/* nor is a folder replaced */
	assert_int_equal(mkdir(in_tmp("dir.json"), 0777), 0);
	assert_int_equal(dd_write_file_new(in_tmp("dir.json"), "x", 1, &err),
			 DD_EEXIST);
	/* no temporary file is left behind */
	snprintf(cmd, sizeof(cmd), "ls -a '%s' | grep -q dialdiff-", tmpdir);
	assert_int_equal(system(cmd), 256);
	/* a folder that is not there */
	assert_int_equal(dd_write_file_new(in_tmp("no/such.json"), "x", 1, &err),
			 DD_ERROR);
	free(path);
}

static dd_project *project_in(const char *root, const char *dir,
			      dd_source **src)
{
	dd_project_opts opts = { 0 };
	dd_project *p;

	opts.dir = dir;
	assert_int_equal(dd_source_worktree(src, root, NULL), 0);
	assert_int_equal(dd_project_new(&p, *src, &opts, NULL), 0);
	return p;
}

static void test_init(void **state)
{
	dd_source *src;
	dd_project *p = project_in(tmpdir, "rec/dialogues", &src);
	char **made;
	size_t n;
	char *series, *tx;
	dd_error err;

	(void)state;
	assert_int_equal(dd_author_init(&made, &n, p, "a/b", &err), DD_EUSAGE);
	assert_null(made);
	assert_int_equal(access(in_tmp("rec"), F_OK), -1);

	assert_int_equal(dd_author_init(&made, &n, p, "talks", &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(made[0], "rec/dialogues/taxonomy.json");
	assert_string_equal(made[1], "rec/dialogues/talks/series.json");
	assert_null(made[2]);
	dd_source_names_free(made);
	series = slurp(in_tmp("rec/dialogues/talks/series.json"));
	assert_string_equal(series, "{\n"
		"  \"schema_version\": 1,\n"
		"  \"id\": \"talks\",\n"
		"  \"title\": {\n"
		"    \"en\": \"\",\n"
		"    \"zh\": \"\"\n"
		"  },\n"
		"  \"parties\": []\n"
		"}\n");
	tx = slurp(in_tmp("rec/dialogues/taxonomy.json"));
	assert_non_null(strstr(tx, "\"id\": \"example\""));

	/* again: refused, nothing changed */
	assert_int_equal(dd_author_init(&made, &n, p, "talks", &err), DD_EEXIST);
	assert_int_equal(n, 0);
	dd_source_names_free(made);
	assert_string_equal(err.file, "rec/dialogues/talks/series.json");
	assert_int_equal(dd_author_init(&made, &n, p, NULL, &err), DD_EEXIST);
	dd_source_names_free(made);
	assert_string_equal(err.file, "rec/dialogues/taxonomy.json");

	/* another series: only its series.json */
	assert_int_equal(dd_author_init(&made, &n, p, "other", &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(made[0], "rec/dialogues/other/series.json");
	dd_source_names_free(made);
	free(series);
	free(tx);
	dd_project_free(p);
	dd_source_free(src);
}

/* The next round of a series whose last round is in file name. */
static char *next_name(const char *name, long long last, long long *n)
{
	dd_round r;
	dd_round *rounds[1] = { &r };
	dd_series s;
	char *path;
	dd_error err;

	memset(&r, 0, sizeof(r));
	memset(&s, 0, sizeof(s));
	r.path = name;
	r.number = last;
	s.dir = "d/s";
	s.rounds = rounds;
	s.nrounds = name ? 1 : 0;
	assert_int_equal(dd_author_next_round(&path, n, &s, &err), 0);
	return path;
}

static void test_next_round(void **state)
{
	static const struct { const char *name; long long last; const char *want; } cases[] = {
		{ NULL, 0, "d/s/round-01.json" },
		{ "d/s/round-04.json", 4, "d/s/round-05.json" },
		{ "d/s/round-09.json", 9, "d/s/round-10.json" },
		{ "d/s/round-99.json", 99, "d/s/round-100.json" },
		{ "d/s/r7.json", 7, "d/s/r8.json" },
		{ "d/s/2017-talks-009.json", 9, "d/s/2017-talks-010.json" },
		{ "d/s/final.json", 3, "d/s/round-04.json" },
		{ "d/s/round-02.json", 3, "d/s/round-04.json" },	/* misnamed */
	};
	dd_series s;
	long long n;
	size_t i;
	char *path;
	dd_error err;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		path = next_name(cases[i].name, cases[i].last, &n);
		assert_string_equal(path, cases[i].want);
		assert_int_equal(n, cases[i].last + 1);
		free(path);
	}
	/* a round file that could not be read: the number is unknown */
	memset(&s, 0, sizeof(s));
	s.dir = "d/s";
	s.nunplaced = 1;
	assert_int_equal(dd_author_next_round(&path, &n, &s, &err), DD_ERROR);
	assert_null(path);
	assert_non_null(strstr(err.message, "next round number is unknown"));
}

static const char taxonomy[] =
	"{\"schema_version\": 1, \"sections\": ["
	"{\"id\": \"fruit\", \"title\": {\"en\": \"Fruit\"}, \"entries\": ["
	" {\"id\": \"apples\", \"name\": {\"en\": \"Apples\"}, \"patterns\": [\"apple\"]},"
	" {\"id\": \"pears\", \"name\": {\"en\": \"Pears\"}, \"patterns\": [\"pear\"]}]},"
	"{\"id\": \"veg\", \"title\": {\"en\": \"Vegetables\"}, \"entries\": []}]}";

static const char round3[] =
	"{\"schema_version\": 1, \"series\": \"s\", \"round\": 3,"
	" \"date\": \"2020-03-01\", \"title\": {\"en\": \"Third\"},"
	" \"chairs\": [{\"name\": {\"en\": \"A\"}, \"party\": \"x\"},"
	"  {\"name\": {\"en\": \"B\"}, \"party\": \"y\"},"
	"  {\"name\": {\"en\": \"C\"}, \"party\": \"x\"}],"
	" \"sources\": [{\"title\": \"t\"}],"
	" \"topics\": {\"other\": [{\"label\": {\"en\": \"Odd\"}}],"
	"  \"fruit\": [{\"label\": {\"en\": \"Pear tariffs\", \"zh\": \"z\"},"
	"   \"action\": \"agreed\", \"note\": \"n\"},"
	"  {\"id\": \"apples\", \"label\": {\"en\": \"Fruit\"}},"
	"  {\"label\": {\"en\": \"Apple and pear\"}}]},"
	" \"reaffirms\": [{\"label\": {\"en\": \"R\"}}]}";

static void test_draft(void **state)
{
	dd_taxonomy *tx;
	dd_round *from, *r;
	dd_round *rounds[1];
	dd_series s;
	dd_author_draft_opts o;
	dd_diags notes = DD_DIAGS_INIT;
	dd_buf text = DD_BUF_INIT, again = DD_BUF_INIT;
	dd_error err;

	(void)state;
	assert_int_equal(dd_taxonomy_load(&tx, taxonomy, strlen(taxonomy),
					  "taxonomy.json", NULL, &err), 0);
	assert_int_equal(dd_round_load(&from, round3, strlen(round3),
				       "d/s/round-03.json", NULL, &err), 0);
	assert_int_equal(dd_taxonomy_classify_round(tx, from, NULL, &err), 0);
	rounds[0] = from;
	memset(&s, 0, sizeof(s));
	s.id = "s";
	s.dir = "d/s";
	s.rounds = rounds;
	s.nrounds = 1;
	memset(&o, 0, sizeof(o));

	/* dates: real, and after the round before */
	o.date = "2020-02-30";
	assert_int_equal(dd_author_draft(&r, &s, 4, tx, &o, &notes, &err),
			 DD_EUSAGE);
	assert_null(r);
	o.date = "2020-03-01";
	assert_int_equal(dd_author_draft(&r, &s, 4, tx, &o, &notes, &err),
			 DD_EUSAGE);
	assert_non_null(strstr(err.message, "not after round 3 (2020-03-01)"));

	o.date = "2020-04-01";
	o.title.en = "Fourth";
	o.from = from;
	assert_int_equal(dd_author_draft(&r, &s, 4, tx, &o, &notes, &err), 0);
	/* the ambiguous label is carried without an id, and said so; so
	 * is the item of a section the taxonomy does not know */
	assert_int_equal(notes.count, 2);
	assert_string_equal(notes.items[0].rule, "ambiguous");
	assert_string_equal(notes.items[0].file, "d/s/round-03.json");
	assert_non_null(strstr(notes.items[0].message, "Apple and pear"));
	assert_string_equal(notes.items[1].rule, "unclassified");
	assert_non_null(strstr(notes.items[1].message, "\"Odd\" matches no entry of section \"other\""));
	dd_round_free(from);	/* the draft holds copies */
	s.nrounds = 0;
	assert_int_equal(dd_author_round_json(&text, r, &err), 0);
	assert_string_equal(text.ptr, "{\n"
		"  \"schema_version\": 1,\n"
		"  \"series\": \"s\",\n"
		"  \"round\": 4,\n"
		"  \"date\": \"2020-04-01\",\n"
		"  \"title\": {\n"
		"    \"en\": \"Fourth\",\n"
		"    \"zh\": \"\"\n"
		"  },\n"
		"  \"chairs\": [\n"
		"    {\n"
		"      \"name\": {\n"
		"        \"en\": \"\",\n"
		"        \"zh\": \"\"\n"
		"      },\n"
		"      \"party\": \"x\"\n"
		"    },\n"
		"    {\n"
		"      \"name\": {\n"
		"        \"en\": \"\",\n"
		"        \"zh\": \"\"\n"
		"      },\n"
		"      \"party\": \"y\"\n"
		"    }\n"
		"  ],\n"
		"  \"sources\": [],\n"
		"  \"topics\": {\n"
		"    \"fruit\": [\n"
		"      {\n"
		"        \"id\": \"pears\",\n"
		"        \"label\": {\n"
		"          \"en\": \"Pear tariffs\",\n"
		"          \"zh\": \"z\"\n"
		"        }\n"
		"      },\n"
		"      {\n"
		"        \"id\": \"apples\",\n"
		"        \"label\": {\n"
		"          \"en\": \"Fruit\"\n"
		"        }\n"
		"      },\n"
		"      {\n"
		"        \"label\": {\n"
		"          \"en\": \"Apple and pear\"\n"
		"        }\n"
		"      }\n"
		"    ],\n"
		"    \"veg\": [],\n"
		"    \"other\": [\n"
		"      {\n"
		"        \"label\": {\n"
		"          \"en\": \"Odd\"\n"
		"        }\n"
		"      }\n"
		"    ]\n"
		"  }\n"
		"}\n");
	/* fmt's layout: formatting it changes nothing */
	assert_int_equal(dd_fmt_buffer(&again, text.ptr, text.len, "r.json",
				       DD_FMT_AUTO, &err), 0);
	assert_string_equal(again.ptr, text.ptr);
	dd_round_free(r);

	/* no round to carry over, parties from series.json */
	{
		dd_party parties[1] = { { "p", { "P", NULL } } };

		s.parties = parties;
		s.nparties = 1;
		o.from = NULL;
		o.date = NULL;
		o.title.en = NULL;
		assert_int_equal(dd_author_draft(&r, &s, 4, tx, &o, NULL,
						 &err), 0);
		assert_int_equal(r->nchairs, 1);
		assert_string_equal(r->chairs[0].party, "p");
		assert_string_equal(r->date, "");
		assert_int_equal(r->nsections, 2);
		assert_int_equal(r->sections[0].count, 0);
		dd_round_free(r);
	}
	dd_taxonomy_free(tx);
	dd_diags_release(&notes);
	dd_buf_release(&text);
	dd_buf_release(&again);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_series_id),
		cmocka_unit_test(test_write_new),
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_next_round),
		cmocka_unit_test(test_draft),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
