/*
 * Unit tests of check: the rule catalogue (and docs/rules.md), the rule of
 * each kind of parse failure, and checks over small dialogues folders
 * written to a temporary folder.
 */
#include "unit.h"

#include <sys/stat.h>
#include <unistd.h>

#include "dialdiff/check.h"
#include "dialdiff/project.h"
#include "dialdiff/round.h"
#include "dialdiff/source.h"

/* ---- a temporary dialogues folder -------------------------------------- */

static char root[256];

static void put(const char *rel, const char *content)
{
	char path[1024], *slash;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (slash = strchr(path + strlen(root) + 1, '/'); slash;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

static void unlink_rel(const char *rel)
{
	char path[1024];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	assert_int_equal(unlink(path), 0);
}

static void rm_rf(const char *path)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", path);
	assert_int_equal(system(cmd), 0);
}

static const char taxonomy[] =
	"{\"schema_version\": 1, \"sections\": [\n"
	" {\"id\": \"fruit\", \"title\": {\"en\": \"Fruit\"}, \"entries\": [\n"
	"  {\"id\": \"apples\", \"name\": {\"en\": \"Apples\"}, \"patterns\": [\"apple\"]},\n"
	"  {\"id\": \"pears\", \"name\": {\"en\": \"Pears\"}, \"patterns\": [\"pear\"]}]}]}\n";

static const char series[] =
	"{\"schema_version\": 1, \"id\": \"s\", \"title\": {\"en\": \"S\"}}\n";

#define ROUND(n, date, label) \
	"{\"schema_version\": 1, \"series\": \"s\", \"round\": " #n ",\n" \
	" \"date\": \"" date "\", \"title\": {\"en\": \"R\"},\n" \
	" \"topics\": {\"fruit\": [{\"label\": {\"en\": \"" label "\"}}]}}\n"

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "%s/dd-check-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(root));
	put("dialogues/taxonomy.json", taxonomy);
	put("dialogues/s/series.json", series);
	put("dialogues/s/round-01.json", ROUND(1, "2020-01-01", "Apple trade"));
	put("dialogues/s/round-02.json", ROUND(2, "2020-06-01", "Pear tariffs"));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	rm_rf(root);
	return 0;
}

static dd_source *src_of_run;	/* the source of the last run */

/* Free a check made by run(), and its source. */
static void finish(dd_check *c)
{
	dd_check_free(c);
	dd_source_free(src_of_run);
	src_of_run = NULL;
}

/* Run a check (paths, or the whole folder when npaths is 0); free it with
 * finish(). */
static dd_check *run(const dd_check_opts *opts, const char *const *paths,
		     size_t npaths, int want_rc)
{
	dd_source *src = NULL;
	dd_check *c = NULL;
	dd_error err;
	size_t i;
	int rc = 0;

	assert_int_equal(dd_source_worktree(&src, root, &err), 0);
	assert_int_equal(dd_check_new(&c, src, opts, &err), 0);
	if (!npaths)
		rc = dd_check_dialogues(c, &err);
	for (i = 0; i < npaths; i++)
		assert_int_equal(dd_check_path(c, paths[i], &err), 0);
	assert_int_equal(rc, want_rc);
	src_of_run = src;
	return c;
}

/* "file:line:col:rule" of every diagnostic, one per line. */
static char *summary(dd_check *c)
{
	const dd_diags *d = dd_check_diags(c);
	static char buf[4096];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < d->count; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s:%d:%d:%s\n",
				      d->items[i].file, d->items[i].line,
				      d->items[i].column, d->items[i].rule);
	return buf;
}

/* Every diagnostic names a rule of the catalogue, with its severity. */
static void assert_catalogued(dd_check *c)
{
	const dd_diags *d = dd_check_diags(c);
	size_t i;

	for (i = 0; i < d->count; i++) {
		int k = dd_rule_index(d->items[i].rule);

		if (k < 0)
			fail_msg("rule %s is not in the catalogue",
				 d->items[i].rule);
		assert_int_equal(dd_rules[k].severity, d->items[i].severity);
	}
}

/* ---- the catalogue ------------------------------------------------------ */

static void test_catalogue(void **state)
{
	size_t i, j;

	(void)state;
	assert_true(dd_nrules > 20);
	for (i = 0; i < dd_nrules; i++) {
		assert_int_equal(dd_rule_index(dd_rules[i].id), (int)i);
		assert_true(strlen(dd_rules[i].summary) > 10);
		for (j = 0; dd_rules[i].id[j]; j++)
			assert_true((dd_rules[i].id[j] >= 'a' &&
				     dd_rules[i].id[j] <= 'z') ||
				    (dd_rules[i].id[j] >= '0' &&
				     dd_rules[i].id[j] <= '9') ||
				    dd_rules[i].id[j] == '-');
	}
	assert_int_equal(dd_rule_index("no-such-rule"), -1);
	assert_int_equal(dd_rule_index(NULL), -1);
	assert_int_equal(dd_rules[dd_rule_index("unknown-key")].severity,
			 DD_SEV_WARNING);
}

/* docs/rules.md documents every rule, in the catalogue's order: a heading
 * "### `id`" each, and a row "| [`id`](#id) | severity | ..." in its
 * table. */
static void test_docs(void **state)
{
	char line[1024], rows[4096] = "";
	const char *ids[64];
	size_t n = 0, i;
	FILE *f = fopen("docs/rules.md", "r");

	(void)state;
	if (!f)
		fail_msg("docs/rules.md: run the tests from the top of the source tree");
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "### `", 5)) {
			char *end = strchr(line + 5, '`');

			assert_non_null(end);
			*end = '\0';
			assert_true(n < 64);
			ids[n++] = strdup(line + 5);
		} else if (!strncmp(line, "| [`", 4) &&
			   strlen(rows) + strlen(line) < sizeof(rows)) {
			strcat(rows, line);
		}
	}
	fclose(f);
	for (i = 0; i < n && i < dd_nrules; i++)
		if (strcmp(ids[i], dd_rules[i].id))
			fail_msg("docs/rules.md: heading %zu is %s, the catalogue says %s",
				 i + 1, ids[i], dd_rules[i].id);
	assert_int_equal(n, dd_nrules);
	for (i = 0; i < dd_nrules; i++) {
		char row[256];

		snprintf(row, sizeof(row), "| [`%s`](#%s) | %s |",
			 dd_rules[i].id, dd_rules[i].id,
			 dd_severity_name(dd_rules[i].severity));
		if (!strstr(rows, row))
			fail_msg("docs/rules.md: no table row %s", row);
	}
	for (i = 0; i < n; i++)
		free((char *)ids[i]);
}

/* ---- the rule of each parse failure ----------------------------------- */

static void expect_parse_rule(const char *json, size_t len, const char *rule,
			      int line, int column)
{
	dd_diags diags = DD_DIAGS_INIT;
	dd_round *r = NULL;
	dd_error err;

	assert_true(dd_round_load(&r, json, len, "x.json", &diags, &err) < 0);
	assert_null(r);
	assert_int_equal(diags.count, 1);
	if (strcmp(diags.items[0].rule, rule))
		fail_msg("%s: rule %s, want %s (%s)", json, diags.items[0].rule,
			 rule, diags.items[0].message);
	assert_int_equal(diags.items[0].line, line);
	assert_int_equal(diags.items[0].column, column);
	assert_int_equal(dd_rule_index(rule) >= 0, 1);
	dd_diags_release(&diags);
}

#define PARSE(s, rule, l, c) expect_parse_rule(s, sizeof(s) - 1, rule, l, c)

static void test_parse_rules(void **state)
{
	char deep[1200];
	size_t i;

	(void)state;
	PARSE("{\"a\": 1,\n \"a\": 2}", "duplicate-key", 2, 2);
	PARSE("{\"a\": \"\xff\"}", "invalid-utf8", 1, 8);
	PARSE("{\"a\": \"\xc0\xaf\"}", "invalid-utf8", 1, 8);	/* overlong */
	PARSE("{\"a\": \"\xed\xa0\x80\"}", "invalid-utf8", 1, 8); /* surrogate */
	PARSE("{\"a\": \"x\0y\"}", "invalid-utf8", 1, 9);	/* NUL */
	PARSE("{\"a\": 1}\0", "invalid-utf8", 1, 9);		/* NUL after */
	PARSE("{\"a\": \"\\u0000\"}", "invalid-utf8", 1, 8);
	PARSE("{\"a\": \"\\ud800\"}", "invalid-utf8", 1, 8);
	PARSE("\xfe\xff{}", "invalid-utf8", 1, 1);		/* UTF-16 */
	PARSE("{\"a\": \"x\x01\"}", "json-syntax", 1, 9);	/* control */
	PARSE("{\"a\": 1,}", "json-syntax", 1, 9);
	PARSE("{\"a\": 1} x", "json-syntax", 1, 10);
	PARSE("", "json-syntax", 1, 1);
	PARSE("\xef\xbb\xbf{}", "json-syntax", 1, 1);		/* BOM */
	deep[0] = '{', deep[1] = '"', deep[2] = 'a', deep[3] = '"', deep[4] = ':';
	for (i = 5; i < sizeof(deep); i++)
		deep[i] = '[';
	expect_parse_rule(deep, sizeof(deep), "nesting-depth", 1, 1005);
}

/* A file left with a conflict's markers: one merge-conflict per marker
 * line, at column 1, and no json-syntax. */
static void test_conflict_markers(void **state)
{
	static const char text[] =
		"{\"round\": 1,\n"
		"<<<<<<< ours\n"
		" \"date\": \"2020-01-01\"\n"
		"||||||| base\r\n"
		" \"date\": \"2019-01-01\"\n"
		"=======\n"
		" \"date\": \"2020-02-02\"\n"
		">>>>>>>\n"
		"======= no\n"
		"<<<<<<<< no\n"
		" <<<<<<< no\n"
		"}\n";
	dd_diags diags = DD_DIAGS_INIT;
	dd_round *r = NULL;
	dd_error err;
	static const int lines[] = { 2, 4, 6, 8 };
	size_t i;

	(void)state;
	assert_true(dd_round_load(&r, text, sizeof(text) - 1, "x.json", &diags,
				  &err) < 0);
	assert_null(r);
	assert_int_equal(diags.count, 4);
	for (i = 0; i < 4; i++) {
		assert_string_equal(diags.items[i].rule, "merge-conflict");
		assert_int_equal(diags.items[i].line, lines[i]);
		assert_int_equal(diags.items[i].column, 1);
	}
	assert_non_null(strstr(diags.items[0].message, "\"<<<<<<<\""));
	assert_non_null(strstr(diags.items[3].message, "\">>>>>>>\""));
	/* the error is the first marker */
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 1);
	dd_diags_release(&diags);
	/* without markers, the parse error as ever */
	PARSE("{\"a\": 1,\n======= x\n}", "json-syntax", 2, 1);
}

/* ---- checks of folders -------------------------------------------------- */

static void test_clean(void **state)
{
	dd_check *c = run(NULL, NULL, 0, 0);
	const char *const *files;
	size_t n;

	(void)state;
	assert_string_equal(summary(c), "");
	files = dd_check_files(c, &n);
	assert_int_equal(n, 4);
	assert_string_equal(files[0], "dialogues/taxonomy.json");
	assert_string_equal(files[1], "dialogues/s/series.json");
	assert_string_equal(files[2], "dialogues/s/round-01.json");
	assert_string_equal(files[3], "dialogues/s/round-02.json");
	finish(c);
}

static void test_every_problem(void **state)
{
	dd_check *c;

	(void)state;
	put("dialogues/s/round-00.json", "{\"round\": 1,\n \"round\": 2}");
	put("dialogues/s/round-02.json", ROUND(2, "2019-06-01", "Plums"));
	put("dialogues/s/round-03.json", ROUND(3, "2021-01-01", "Apple pear"));
	put("dialogues/s/round-04.json", ROUND(3, "2022-01-01", "Apples"));
	put("dialogues/s/series.json",
	    "{\"schema_version\": 1, \"id\": \"s\", \"title\": {\"en\": \"S\"}, \"x\": 1}");
	c = run(NULL, NULL, 0, 0);
	assert_string_equal(summary(c),
		"dialogues/s/series.json:1:56:unknown-key\n"
		"dialogues/s/round-00.json:2:2:duplicate-key\n"
		"dialogues/s/round-02.json:2:10:date-order\n"
		"dialogues/s/round-02.json:3:33:unclassified\n"
		"dialogues/s/round-03.json:3:33:ambiguous\n"
		"dialogues/s/round-04.json:1:47:round-file-number\n"
		"dialogues/s/round-04.json:1:47:round-duplicate\n");
	assert_int_equal(dd_check_diags(c)->errors, 5);
	assert_int_equal(dd_check_diags(c)->warnings, 2);
	assert_catalogued(c);
	finish(c);
}

static void test_broken_taxonomy(void **state)
{
	dd_check *c;

	(void)state;
	put("dialogues/taxonomy.json",
	    "{\"schema_version\": 1, \"sections\": [\n"
	    " {\"id\": \"fruit\", \"title\": {\"en\": \"Fruit\"}, \"entries\": [\n"
	    "  {\"id\": \"apples\", \"name\": {\"en\": \"A\"}, \"patterns\": [\"(a\"]}]}]}");
	put("dialogues/s/round-02.json", ROUND(2, "2020-02-30", "Nothing known"));
	c = run(NULL, NULL, 0, 0);
	/* the pattern's column: after its quote (54) and its 2 characters */
	assert_string_equal(summary(c),
		"dialogues/taxonomy.json:3:57:taxonomy-pattern\n"
		"dialogues/s/round-02.json:2:10:date\n");
	assert_catalogued(c);
	finish(c);
	/* no taxonomy at all */
	rm_rf(root);
	setup(state);
	{
		char path[300];

		snprintf(path, sizeof(path), "%s/dialogues/taxonomy.json", root);
		assert_int_equal(unlink(path), 0);
	}
	c = run(NULL, NULL, 0, 0);
	assert_string_equal(summary(c), "dialogues/taxonomy.json:0:0:file\n");
	finish(c);
}

static void test_match_limit(void **state)
{
	char label[200], round[600];
	dd_check *c;

	(void)state;
	put("dialogues/taxonomy.json",
	    "{\"schema_version\": 1, \"sections\": [\n"
	    " {\"id\": \"fruit\", \"title\": {\"en\": \"Fruit\"}, \"entries\": [\n"
	    "  {\"id\": \"a\", \"name\": {\"en\": \"A\"}, \"patterns\": [\"^(a+)+$\"]}]}]}");
	memset(label, 'a', 100);
	strcpy(label + 100, "b");
	snprintf(round, sizeof(round),
		 "{\"schema_version\": 1, \"series\": \"s\", \"round\": 2,\n"
		 " \"date\": \"2020-06-01\", \"title\": {\"en\": \"R\"},\n"
		 " \"topics\": {\"fruit\": [{\"label\": {\"en\": \"%s\"}}]}}\n",
		 label);
	put("dialogues/s/round-02.json", round);
	c = run(NULL, NULL, 0, 0);
	assert_string_equal(summary(c),
		"dialogues/s/round-01.json:3:33:unclassified\n"
		"dialogues/s/round-02.json:3:33:match-limit\n");
	assert_non_null(strstr(dd_check_diags(c)->items[1].message, "^(a+)+$"));
	finish(c);
}

/* A label without text is one problem (empty-label), not also an
 * unclassified one. */
static void test_empty_label_once(void **state)
{
	dd_check *c;

	(void)state;
	put("dialogues/s/round-02.json", ROUND(2, "2020-06-01", " "));
	c = run(NULL, NULL, 0, 0);
	assert_string_equal(summary(c), "dialogues/s/round-02.json:3:40:empty-label\n");
	finish(c);
}

static void test_named(void **state)
{
	static const char *const r2[] = { "dialogues/s/round-02.json" };
	static const char *const sj[] = { "dialogues/s/series.json" };
	static const char *const tx[] = { "dialogues/taxonomy.json" };
	static const char *const twice[] = {
		"dialogues", "dialogues/s/round-02.json", "dialogues/s",
		"dialogues/s/round-02.json"
	};
	static const char *const missing[] = {
		"dialogues/s/round-09.json", "dialogues/s/round-01.json"
	};
	dd_check *c;
	size_t n;

	(void)state;
	/* against its siblings: dated before round 1, numbered like it */
	put("dialogues/s/round-02.json",
	    "{\"schema_version\": 1, \"series\": \"t\", \"round\": 1,\n"
	    " \"date\": \"2019-01-01\", \"title\": {\"en\": \"R\"},\n"
	    " \"topics\": {\"fruit\": [{\"label\": {\"en\": \"Pears\"}}]}}\n");
	put("dialogues/s/round-03.json", ROUND(3, "2018-01-01", "Pears"));
	c = run(NULL, r2, 1, 0);
	assert_string_equal(summary(c),
		"dialogues/s/round-02.json:1:33:series-mismatch\n"
		"dialogues/s/round-02.json:1:47:round-file-number\n"
		"dialogues/s/round-02.json:1:47:round-duplicate\n"
		"dialogues/s/round-02.json:2:10:date-order\n");
	assert_non_null(strstr(dd_check_diags(c)->items[3].message,
			       "not before round 3 (2018-01-01)"));
	dd_check_files(c, &n);
	assert_int_equal(n, 2);		/* the round and its taxonomy */
	finish(c);

	put("dialogues/s/series.json", "{\"id\": 5, \"title\": {\"en\": \"S\"}}");
	c = run(NULL, sj, 1, 0);
	assert_string_equal(summary(c), "dialogues/s/series.json:1:8:type\n");
	finish(c);

	c = run(NULL, tx, 1, 0);
	assert_string_equal(summary(c), "");
	dd_check_files(c, &n);
	assert_int_equal(n, 1);
	finish(c);

	c = run(NULL, twice, 4, 0);
	assert_int_equal(dd_check_diags(c)->count, 7);	/* each once */
	finish(c);

	put("dialogues/s/round-02.json", ROUND(2, "2020-06-01", "Pear tariffs"));
	c = run(NULL, missing, 2, 0);
	assert_string_equal(summary(c), "dialogues/s/round-09.json:0:0:file\n");
	finish(c);
}

static void test_cannot_run(void **state)
{
	dd_check_opts opts;
	dd_check *c;

	(void)state;
	memset(&opts, 0, sizeof(opts));
	opts.dialogues = "nowhere";
	c = run(&opts, NULL, 0, DD_ENOTFOUND);
	finish(c);
	opts.dialogues = NULL;
	opts.series = "nosuch";
	c = run(&opts, NULL, 0, DD_ENOTFOUND);
	finish(c);
	opts.series = "s";
	c = run(&opts, NULL, 0, 0);
	assert_string_equal(summary(c), "");
	finish(c);
	/* a folder with nothing to check can run, and says so */
	put("empty/notes.txt", "x");
	opts.series = NULL;
	opts.dialogues = "empty";
	c = run(&opts, NULL, 0, 0);
	assert_string_equal(summary(c), "empty:0:0:file\n");
	finish(c);
}

static void test_max_size(void **state)
{
	dd_check_opts opts;
	dd_check *c;

	(void)state;
	memset(&opts, 0, sizeof(opts));
	opts.max_size = 200;	/* the taxonomy is over it */
	c = run(&opts, NULL, 0, 0);
	assert_string_equal(summary(c), "dialogues/taxonomy.json:0:0:file-size\n");
	finish(c);
}

/* The files of the record (for fmt), and what each path is. */
static void test_list_files(void **state)
{
	dd_project_opts opts;
	dd_source *src = NULL;
	dd_project *p = NULL;
	char **files = NULL;
	size_t n;
	dd_error err;

	(void)state;
	put("dialogues/other/series.json",
	    "{\"id\": \"other\", \"title\": {\"en\": \"O\"}, \"taxonomy\": \"../tx/../alt.json\"}");
	put("dialogues/alt.json", taxonomy);
	put("dialogues/other/notes.txt", "not JSON");
	put("dialogues/schema/round.schema.json", "{}");
	put("dialogues/tx/t.json", taxonomy);	/* no rounds: not a series */
	assert_int_equal(dd_source_worktree(&src, root, &err), 0);
	assert_int_equal(dd_project_new(&p, src, NULL, &err), 0);
	assert_int_equal(dd_project_files(&files, &n, p, NULL, &err), 0);
	assert_int_equal(n, 6);
	assert_string_equal(files[0], "dialogues/taxonomy.json");
	assert_string_equal(files[1], "dialogues/alt.json");
	assert_string_equal(files[2], "dialogues/other/series.json");
	assert_string_equal(files[3], "dialogues/s/series.json");
	assert_string_equal(files[4], "dialogues/s/round-01.json");
	assert_string_equal(files[5], "dialogues/s/round-02.json");
	assert_null(files[6]);
	dd_source_names_free(files);
	assert_int_equal(dd_project_series_files(&files, &n, p, "dialogues/s",
						 &err), 0);
	assert_int_equal(n, 3);
	dd_source_names_free(files);
	assert_int_equal(dd_project_kind(p, "dialogues/alt.json"),
			 DD_PATH_TAXONOMY);
	assert_int_equal(dd_project_kind(p, "dialogues/./s/round-01.json"),
			 DD_PATH_ROUND);
	assert_int_equal(dd_project_kind(p, "dialogues/s/series.json"),
			 DD_PATH_SERIES);
	assert_int_equal(dd_project_kind(p, "dialogues/tx/t.json"),
			 DD_PATH_OTHER);
	assert_int_equal(dd_project_kind(p, "dialogues/schema/round.schema.json"),
			 DD_PATH_OTHER);
	dd_project_free(p);
	memset(&opts, 0, sizeof(opts));
	opts.dir = "nowhere";
	assert_int_equal(dd_project_new(&p, src, &opts, &err), 0);
	assert_int_equal(dd_project_files(&files, &n, p, NULL, &err),
			 DD_ENOTFOUND);
	assert_string_equal(err.file, "nowhere");
	assert_non_null(strstr(err.message, "no dialogues folder here"));
	dd_project_free(p);
	dd_source_free(src);
}

/* A series whose taxonomy lies in its own folder: never a round. */
static void test_own_taxonomy(void **state)
{
	dd_source *src = NULL;
	dd_project *p = NULL;
	dd_series *s = NULL;
	dd_error err;
	dd_check *c;

	(void)state;
	put("dialogues/s/series.json",
	    "{\"schema_version\": 1, \"id\": \"s\", \"title\": {\"en\": \"S\"}, \"taxonomy\": \"taxonomy.json\"}\n");
	put("dialogues/s/taxonomy.json", taxonomy);
	unlink_rel("dialogues/taxonomy.json");
	c = run(NULL, NULL, 0, 0);
	assert_string_equal(summary(c), "");
	finish(c);
	assert_int_equal(dd_source_worktree(&src, root, &err), 0);
	assert_int_equal(dd_project_new(&p, src, NULL, &err), 0);
	assert_string_equal(dd_project_taxonomy_path(p, "dialogues/s"),
			    "dialogues/s/taxonomy.json");
	assert_int_equal(dd_project_kind(p, "dialogues/s/taxonomy.json"),
			 DD_PATH_TAXONOMY);
	assert_int_equal(dd_project_load_series(&s, p, "dialogues/s", NULL, 0,
						&err), 0);
	assert_int_equal(s->nrounds, 2);
	dd_series_free(s);
	dd_project_free(p);
	dd_source_free(src);
}

/* An explicit id its label argues with; a section a round leaves out. */
static void test_id_and_sections(void **state)
{
	dd_check *c;

	(void)state;
	put("dialogues/s/round-02.json",
	    "{\"schema_version\": 1, \"series\": \"s\", \"round\": 2,\n"
	    " \"date\": \"2020-06-01\", \"title\": {\"en\": \"R\"},\n"
	    " \"topics\": {\"fruit\": [{\"id\": \"apples\", \"label\": {\"en\": \"Pear tariffs\"}},\n"
	    "   {\"id\": \"pears\", \"label\": {\"en\": \"Pears and apples\"}}]}}\n");
	put("dialogues/taxonomy.json",
	    "{\"schema_version\": 1, \"sections\": [\n"
	    " {\"id\": \"fruit\", \"title\": {\"en\": \"Fruit\"}, \"entries\": [\n"
	    "  {\"id\": \"apples\", \"name\": {\"en\": \"Apples\"}, \"patterns\": [\"apple\"]},\n"
	    "  {\"id\": \"pears\", \"name\": {\"en\": \"Pears\"}, \"patterns\": [\"pear\"]}]},\n"
	    " {\"id\": \"nuts\", \"title\": {\"en\": \"Nuts\"}, \"entries\": []}]}\n");
	c = run(NULL, NULL, 0, 0);
	assert_string_equal(summary(c),
			    "dialogues/s/round-01.json:3:12:section-not-recorded\n"
			    "dialogues/s/round-02.json:3:12:section-not-recorded\n"
			    "dialogues/s/round-02.json:3:30:id-label-mismatch\n");
	assert_non_null(strstr(dd_check_diags(c)->items[2].message,
			       "matches entry \"pears\", not \"apples\""));
	finish(c);
}

/* Numbering: a gap, a file whose name says another round, and a bad date
 * that is one error, not two. */
static void test_numbering(void **state)
{
	dd_check *c;

	(void)state;
	put("dialogues/s/round-04.json", ROUND(4, "2021-01-01", "Apple pie"));
	put("dialogues/s/round-05.json", ROUND(6, "2021-6-14", "Pear pie"));
	put("dialogues/s/round-07.json", ROUND(7, "2021-03-01", "Apple juice"));
	c = run(NULL, NULL, 0, 0);
	assert_string_equal(summary(c),
			    "dialogues/s/round-04.json:1:47:round-gap\n"
			    "dialogues/s/round-05.json:1:47:round-file-number\n"
			    "dialogues/s/round-05.json:1:47:round-gap\n"
			    "dialogues/s/round-05.json:2:10:date\n");
	finish(c);
	/* named on its own, a round gets the same rules */
	{
		const char *paths[] = { "dialogues/s/round-05.json" };

		c = run(NULL, paths, 1, 0);
		assert_string_equal(summary(c),
				    "dialogues/s/round-05.json:1:47:round-file-number\n"
				    "dialogues/s/round-05.json:1:47:round-gap\n"
				    "dialogues/s/round-05.json:2:10:date\n");
		finish(c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalogue),
		cmocka_unit_test(test_docs),
		cmocka_unit_test(test_parse_rules),
		cmocka_unit_test(test_conflict_markers),
		cmocka_unit_test_setup_teardown(test_clean, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_problem, setup, teardown),
		cmocka_unit_test_setup_teardown(test_broken_taxonomy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_match_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_label_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cannot_run, setup, teardown),
		cmocka_unit_test_setup_teardown(test_max_size, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_own_taxonomy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_numbering, setup, teardown),
		cmocka_unit_test_setup_teardown(test_id_and_sections, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
