/* Unit tests of the history module: review between two commits, and the
 * log, whole and streamed, on repositories made with git fast-import. */
#include "unit.h"

#include <limits.h>
#include <unistd.h>

#include "dialdiff/history.h"
#include "dialdiff/project.h"

static char top[PATH_MAX], saved_cwd[PATH_MAX];

static const char taxonomy[] =
	"{\"schema_version\": 1, \"sections\": [{\"id\": \"fruit\", \"title\": {\"en\": \"Fruit\"},"
	" \"entries\": [{\"id\": \"apples\", \"name\": {\"en\": \"Apples\"}, \"patterns\": [\"apple\"]},"
	"  {\"id\": \"pears\", \"name\": {\"en\": \"Pears\"}, \"patterns\": [\"pear\"]}]}]}\n";
static const char series[] =
	"{\"schema_version\": 1, \"id\": \"s\", \"title\": {\"en\": \"S\"}}\n";

/* A round: number n, its fruit, and a note that makes each version new. */
static void round_json(char *buf, size_t size, int n, const char *fruit,
		       const char *action, int version)
{
	snprintf(buf, size,
		 "{\"schema_version\": 1, \"series\": \"s\", \"round\": %d,"
		 " \"date\": \"2020-01-%02d\", \"title\": {\"en\": \"R\"},"
		 " \"topics\": {\"fruit\": [{\"label\": {\"en\": \"%s\"},"
		 " \"action\": \"%s\", \"note\": \"v%d\"}]}}\n",
		 n, n, fruit, action, version);
}

/* One file of a fast-import commit. */
static void put_file(FILE *f, const char *path, const char *data)
{
	fprintf(f, "M 100644 inline %s\ndata %zu\n%s\n", path, strlen(data),
		data);
}

static int commit_no;

static void begin_commit(FILE *f, const char *msg)
{
	commit_no++;
	fprintf(f, "commit refs/heads/main\nauthor A U Thor <a@example.com> %d +0100\n"
		   "committer C <c@example.com> %d +0000\ndata %zu\n%s\n",
		1577836800 + 60 * commit_no, 1577836800 + 60 * commit_no,
		strlen(msg), msg);
}

static void sh(const char *cmd)
{
	char buf[8192];

	snprintf(buf, sizeof(buf), "cd '%s' && (%s) >/dev/null 2>&1", top, cmd);
	if (system(buf) != 0)
		fail_msg("command failed: %s", cmd);
}

/*
 * History of main:
 *   1: taxonomy, series, round-01 (apple), round-02 (pear)
 *   2: round-01 apple -> pear; round-02 renamed to round-2.json; a README
 *   3: round-03 that does not parse; round-2.json deleted
 *   4..303: round-01 and round-04 alternately changed (a new note each)
 */
static int setup(void **state)
{
	char tmpl[] = "/tmp/dialdiff-unit-history.XXXXXX", path[PATH_MAX + 32];
	char buf[1024];
	FILE *f;
	int i;

	(void)state;
	if (!getcwd(saved_cwd, sizeof(saved_cwd)) || !mkdtemp(tmpl))
		return -1;
	snprintf(top, sizeof(top), "%s", tmpl);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	unsetenv("GIT_DIR");
	snprintf(path, sizeof(path), "%s/stream", top);
	f = fopen(path, "w");
	if (!f)
		return -1;
	begin_commit(f, "first");
	put_file(f, "d/taxonomy.json", taxonomy);
	put_file(f, "d/s/series.json", series);
	round_json(buf, sizeof(buf), 1, "apple", "proposed", 0);
	put_file(f, "d/s/round-01.json", buf);
	round_json(buf, sizeof(buf), 2, "pear", "agreed", 0);
	put_file(f, "d/s/round-02.json", buf);
	begin_commit(f, "second");
	round_json(buf, sizeof(buf), 1, "pear", "proposed", 0);
	put_file(f, "d/s/round-01.json", buf);
	fprintf(f, "R d/s/round-02.json d/s/round-2.json\n");
	put_file(f, "README", "notes");
	begin_commit(f, "third");
	put_file(f, "d/s/round-03.json", "{\"round\": 1,\n \"round\": 2}");
	fprintf(f, "D d/s/round-2.json\n");
	for (i = 0; i < 300; i++) {
		begin_commit(f, "churn");
		round_json(buf, sizeof(buf), i % 2 ? 4 : 1, "pear",
			   i % 3 ? "agreed" : "implemented", i + 1);
		put_file(f, i % 2 ? "d/s/round-04.json" : "d/s/round-01.json", buf);
	}
	fclose(f);
	sh("git init -q -b main . && git fast-import --quiet < stream && "
	   "rm stream && git reset -q --hard");
	return chdir(top);
}

static int teardown(void **state)
{
	char buf[PATH_MAX + 16];

	(void)state;
	if (chdir(saved_cwd) < 0)
		return -1;
	snprintf(buf, sizeof(buf), "rm -rf '%s'", top);
	return system(buf);
}

static void open_history(dd_git_repo **repo, dd_history **h)
{
	dd_history_opts opts;
	dd_error err;

	memset(&opts, 0, sizeof(opts));
	opts.dialogues = "d";
	if (dd_git_open(repo, &err) < 0)
		fail_msg("open: %s", err.message);
	if (dd_history_new(h, *repo, &opts, &err) < 0)
		fail_msg("history: %s", err.message);
}

static void resolve(dd_git_repo *repo, const char *rev, dd_oid *out)
{
	dd_error err;

	if (dd_git_resolve(out, repo, rev, &err) < 0)
		fail_msg("%s: %s", rev, err.message);
}

static void test_round_path(void **state)
{
	(void)state;
	assert_int_equal(dd_project_place("dialogues", "dialogues/s/round-01.json", NULL), DD_PATH_ROUND);
	assert_int_equal(dd_project_place("d", "d/s/x.json", NULL), DD_PATH_ROUND);
	assert_int_equal(dd_project_place(".", "s/x.json", NULL), DD_PATH_ROUND);
	assert_int_equal(dd_project_place("", "s/x.json", NULL), DD_PATH_ROUND);
	assert_int_not_equal(dd_project_place("dialogues", "dialogues/s/series.json", NULL), DD_PATH_ROUND);
	assert_int_not_equal(dd_project_place("dialogues", "dialogues/taxonomy.json", NULL), DD_PATH_ROUND);
	assert_int_not_equal(dd_project_place("dialogues", "dialogues/s/sub/x.json", NULL), DD_PATH_ROUND);
	assert_int_not_equal(dd_project_place("dialogues", "dialogues/s/.x.json", NULL), DD_PATH_ROUND);
	assert_int_not_equal(dd_project_place("dialogues", "dialogues/.s/x.json", NULL), DD_PATH_ROUND);
	assert_int_not_equal(dd_project_place("dialogues", "dialogues/s/x.txt", NULL), DD_PATH_ROUND);
	assert_int_not_equal(dd_project_place("dialogues", "dialogues2/s/x.json", NULL), DD_PATH_ROUND);
	assert_int_not_equal(dd_project_place("dialogues", "other/s/x.json", NULL), DD_PATH_ROUND);
	assert_int_not_equal(dd_project_place("dialogues", "dialogues/s/.json", NULL), DD_PATH_ROUND);
	assert_int_equal(dd_project_place("dialogues", "dialogues/s/series.json",
					  NULL), DD_PATH_SERIES);
	assert_int_equal(dd_project_place("./dialogues/", "dialogues/taxonomy.json",
					  NULL), DD_PATH_TAXONOMY);
	assert_int_equal(dd_project_place("dialogues", "dialogues/schema/x.json",
					  NULL), DD_PATH_ROUND);	/* by place only */
	assert_int_equal(dd_project_place(".", "../s/x.json", NULL), DD_PATH_OTHER);
	assert_string_equal(dd_file_status_name(DD_FILE_RENAMED), "renamed");
	assert_string_equal(dd_file_status_name(DD_FILE_DELETED), "deleted");
}

static void test_review(void **state)
{
	dd_git_repo *repo;
	dd_history *h;
	dd_review *r;
	dd_oid c1, c2, c3;
	dd_error err;

	(void)state;
	open_history(&repo, &h);
	resolve(repo, "main~302", &c1);
	resolve(repo, "main~301", &c2);
	resolve(repo, "main~300", &c3);

	assert_int_equal(dd_history_review(&r, h, &c1, &c2, &err), 0);
	assert_int_equal(r->nfiles, 2);
	assert_string_equal(r->files[0].path, "d/s/round-01.json");
	assert_int_equal(r->files[0].status, DD_FILE_MODIFIED);
	assert_int_equal(r->files[0].diff->nadded, 1);
	assert_int_equal(r->files[0].diff->ndropped, 1);
	assert_string_equal(r->files[0].diff->sections[0].added[0].key, "pears");
	assert_string_equal(r->files[0].diff->sections[0].dropped[0].key, "apples");
	assert_string_equal(r->files[1].path, "d/s/round-2.json");
	assert_string_equal(r->files[1].old_path, "d/s/round-02.json");
	assert_int_equal(r->files[1].status, DD_FILE_RENAMED);
	assert_int_equal(r->files[1].diff->nkept, 1);
	assert_int_equal(r->files[1].diff->nchanged, 0);
	assert_string_equal(r->files[1].from->path, "d/s/round-02.json");
	assert_string_equal(r->files[1].to->path, "d/s/round-2.json");
	assert_int_equal(strlen(r->from_rev), 40);
	assert_string_equal(r->files[1].from->rev, r->from_rev);
	assert_string_equal(r->files[1].to->rev, r->to_rev);
	dd_review_free(r);

	assert_int_equal(dd_history_review(&r, h, &c2, &c3, &err), 0);
	assert_int_equal(r->nfiles, 2);
	assert_string_equal(r->files[0].path, "d/s/round-03.json");
	assert_int_equal(r->files[0].status, DD_FILE_ADDED);
	assert_null(r->files[0].diff);
	assert_non_null(strstr(r->files[0].error, ":d/s/round-03.json:2:2: duplicate key"));
	assert_string_equal(r->files[1].path, "d/s/round-2.json");
	assert_int_equal(r->files[1].status, DD_FILE_DELETED);
	assert_null(r->files[1].to->path);	/* the empty side */
	assert_int_equal(r->files[1].diff->ndropped, 1);
	dd_review_free(r);

	/* the other way round, and from the empty tree */
	assert_int_equal(dd_history_review(&r, h, &c3, &c1, &err), 0);
	assert_int_equal(r->nfiles, 3);
	assert_int_equal(r->files[1].status, DD_FILE_ADDED);
	assert_string_equal(r->files[1].path, "d/s/round-02.json");
	/* an added round: compared with the round before it on its side */
	assert_true(r->files[1].baseline);
	assert_string_equal(r->files[1].from->path, "d/s/round-01.json");
	assert_int_equal(r->files[1].from->number, 1);
	dd_review_free(r);
	dd_history_free(h);
	dd_git_free(repo);
}

/* Summaries of the commits a streamed log hands over. */
typedef struct seen {
	char lines[400][128];
	size_t n;
} seen;

static void summary(char *buf, size_t size, const dd_log_commit *c)
{
	const dd_file_change *f = c->nfiles ? &c->files[0] : NULL;

	snprintf(buf, size, "%.7s %s %zu %s %s %zu/%zu/%zu", c->id, c->subject,
		 c->nfiles, f ? f->path : "-",
		 f ? dd_file_status_name(f->status) : "-",
		 f && f->diff ? f->diff->nadded : 0,
		 f && f->diff ? f->diff->nchanged : 0,
		 f && f->diff ? f->diff->ndropped : 0);
}

static int collect(void *data, const dd_log_commit *c, size_t index,
		   dd_error *err)
{
	seen *s = data;

	(void)err;
	assert_int_equal(index, s->n);
	summary(s->lines[s->n], sizeof(s->lines[0]), c);
	s->n++;
	return 0;
}

static void test_log(void **state)
{
	dd_git_repo *repo;
	dd_history *h, *h2;
	dd_log *log, *streamed;
	dd_log_opts o;
	dd_history_opts ho;
	seen *s = calloc(1, sizeof(*s));
	char line[128];
	dd_oid head;
	dd_error err;
	size_t i;

	(void)state;
	open_history(&repo, &h);
	resolve(repo, "main", &head);
	memset(&o, 0, sizeof(o));
	o.include = &head;
	o.ninclude = 1;
	assert_int_equal(dd_history_log(&log, h, &o, &err), 0);
	assert_int_equal(log->walked, 303);
	assert_int_equal(log->ncommits, 303);
	assert_string_equal(log->commits[302].subject, "first");
	assert_int_equal(log->commits[302].nfiles, 2);
	assert_int_equal(log->commits[302].files[0].status, DD_FILE_ADDED);
	assert_string_equal(log->commits[302].date, "2020-01-01T01:01:00+01:00");
	assert_int_equal(log->commits[302].nparents, 0);
	assert_int_equal(log->commits[301].nfiles, 2);	/* not the README */
	assert_string_equal(log->commits[0].subject, "churn");
	assert_int_equal(log->commits[0].nparents, 1);

	/* streamed through a fresh history (its cache keeps only recent
	   rounds): the same commits and changes */
	memset(&ho, 0, sizeof(ho));
	ho.dialogues = "d";
	assert_int_equal(dd_history_new(&h2, repo, &ho, &err), 0);
	o.each = collect;
	o.each_data = s;
	assert_int_equal(dd_history_log(&streamed, h2, &o, &err), 0);
	assert_null(streamed->commits);
	assert_int_equal(streamed->ncommits, 303);
	assert_int_equal(s->n, 303);
	for (i = 0; i < 303; i++) {
		summary(line, sizeof(line), &log->commits[i]);
		assert_string_equal(s->lines[i], line);
	}
	/* a second streamed walk: evicted rounds are parsed again */
	s->n = 0;
	dd_log_free(streamed);
	assert_int_equal(dd_history_log(&streamed, h2, &o, &err), 0);
	assert_int_equal(s->n, 303);
	summary(line, sizeof(line), &log->commits[250]);
	assert_string_equal(s->lines[250], line);
	dd_log_free(streamed);

	/* -n and a range */
	o.each = NULL;
	o.max_count = 2;
	dd_log_free(log);
	assert_int_equal(dd_history_log(&log, h, &o, &err), 0);
	assert_int_equal(log->ncommits, 2);
	dd_log_free(log);

	dd_history_free(h2);
	dd_history_free(h);
	dd_git_free(repo);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_path),
		cmocka_unit_test(test_review),
		cmocka_unit_test(test_log),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
