/*
 * test_oom.c - out of memory, everywhere: each step of the pipeline is run
 * again and again with its 1st, 2nd, 3rd, ... allocation failing, until a
 * run needs no more allocations than were allowed.  Every run must either
 * fail with an error or succeed with a result identical to the reference
 * run's (rendered to JSON to compare); none may crash, and none may leak
 * (make check-sanitize and make check-valgrind run this test too).
 *
 * Allocations are intercepted with the linker's --wrap (see the Makefile):
 * malloc, calloc, realloc, strdup and strndup called from libdialdiff.a and
 * from this file go through the __wrap_ functions below.  cJSON allocates
 * through json.c's hooks, so it is covered; PCRE2 and libc's own internal
 * allocations are not.
 */
#include "unit.h"

#include "dialdiff/arena.h"
#include "dialdiff/author.h"
#include "dialdiff/buf.h"
#include "dialdiff/diag.h"
#include "dialdiff/diff.h"
#include "dialdiff/json.h"
#include "dialdiff/merge.h"
#include "dialdiff/project.h"
#include "dialdiff/render.h"
#include "dialdiff/series.h"
#include "dialdiff/source.h"
#include "dialdiff/strmap.h"
#include "dialdiff/taxonomy.h"
#include "dialdiff/text.h"
#include "dialdiff/timeline.h"

/* ---- fault injection --------------------------------------------------- */

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static long fail_at = -1;	/* index of the allocation to fail, or -1 */
static long allocs;		/* allocations since the window opened */
static int injected;		/* a failure was injected in this window */

static int fail_now(void)
{
	if (fail_at < 0)
		return 0;
	if (allocs++ == fail_at) {
		injected = 1;
		return 1;
	}
	return 0;
}

void *__wrap_malloc(size_t size)
{
	return fail_now() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
	return fail_now() ? NULL : __real_realloc(p, size);
}

char *__wrap_strdup(const char *s)
{
	return fail_now() ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
	return fail_now() ? NULL : __real_strndup(s, n);
}

static void window_open(long n)
{
	allocs = 0;
	injected = 0;
	fail_at = n;
}

static void window_close(void)
{
	fail_at = -1;
}

/* ---- fixtures ---------------------------------------------------------- */

#define SERIES_DIR "dialogues/us-china-cybercrime"

static char *srcdir_path(const char *rel)
{
	const char *top = getenv("DD_SRCDIR");
	size_t n;
	char *p;

	if (!top || !*top)
		top = ".";
	n = strlen(top) + strlen(rel) + 2;
	p = __real_malloc(n);
	assert_non_null(p);
	snprintf(p, n, "%s/%s", top, rel);
	return p;
}

static void read_file(dd_buf *out, const char *rel)
{
	char *p = srcdir_path(rel);
	dd_error err;

	if (dd_buf_read_file(out, p, 0, &err) < 0)
		fail_msg("%s: %s", p, err.message);
	free(p);
}

static dd_taxonomy *load_tx(void)
{
	dd_buf b = DD_BUF_INIT;
	dd_taxonomy *tx = NULL;
	dd_error err;

	read_file(&b, "dialogues/taxonomy.json");
	assert_int_equal(dd_taxonomy_load(&tx, b.ptr, b.len, "taxonomy.json",
					  NULL, &err), 0);
	dd_buf_release(&b);
	return tx;
}

static dd_round *load_round(const char *rel, dd_taxonomy *tx)
{
	dd_buf b = DD_BUF_INIT;
	dd_round *r = NULL;
	dd_error err;

	read_file(&b, rel);
	assert_int_equal(dd_round_load(&r, b.ptr, b.len, rel, NULL, &err), 0);
	dd_buf_release(&b);
	if (tx)
		assert_int_equal(dd_taxonomy_classify_round(tx, r, NULL, &err), 0);
	return r;
}

static dd_source *worktree(void)
{
	const char *top = getenv("DD_SRCDIR");
	dd_source *src = NULL;
	dd_error err;

	assert_int_equal(dd_source_worktree(&src, top && *top ? top : ".",
					    &err), 0);
	return src;
}

/* Everything a renderer needs, loaded without fault injection. */
typedef struct world {
	dd_source *src;
	dd_taxonomy *tx;
	dd_series *series;
	dd_timeline *tl;
	dd_diff *diffs[8];
	size_t ndiffs;
} world;

static void world_load(world *w)
{
	dd_error err;
	size_t i;

	memset(w, 0, sizeof(*w));
	w->src = worktree();
	w->tx = load_tx();
	assert_int_equal(dd_series_load(&w->series, w->src, SERIES_DIR, NULL, 0, NULL,
					0, &err), 0);
	for (i = 0; i < w->series->nrounds; i++)
		assert_int_equal(dd_taxonomy_classify_round(w->tx,
				 w->series->rounds[i], NULL, &err), 0);
	assert_int_equal(dd_timeline_build(&w->tl, w->series, w->tx, &err), 0);
	for (i = 0; i + 1 < w->series->nrounds && i < 8; i++) {
		assert_int_equal(dd_diff_rounds(&w->diffs[i], w->series->rounds[i],
						w->series->rounds[i + 1], w->tx,
						&err), 0);
		w->ndiffs++;
	}
}

static void world_free(world *w)
{
	size_t i;

	for (i = 0; i < w->ndiffs; i++)
		dd_diff_free(w->diffs[i]);
	dd_timeline_free(w->tl);
	dd_series_free(w->series);
	dd_taxonomy_free(w->tx);
	dd_source_free(w->src);
}

/*
 * Run step (which returns 0 or negative, and renders its result into out
 * on success) with each allocation failing in turn.  A run that failed must
 * say so (rc < 0, and out is ignored); a run that succeeded must have
 * rendered exactly the reference output.  Returns the number of runs.
 */
static long exhaust(const char *name, int (*step)(void *ctx, dd_buf *out),
		    void *ctx)
{
	dd_buf ref = DD_BUF_INIT, out = DD_BUF_INIT;
	long n;
	int rc;

	assert_int_equal(step(ctx, &ref), 0);
	assert_false(dd_buf_oom(&ref));
	for (n = 0;; n++) {
		dd_buf_reset(&out);
		window_open(n);
		rc = step(ctx, &out);
		window_close();
		if (!injected) {
			assert_int_equal(rc, 0);
			break;
		}
		if (rc == 0 && (out.len != ref.len ||
				memcmp(out.ptr, ref.ptr, ref.len))) {
			print_error("%s: allocation %ld failed, yet it succeeded "
				    "with a different result:\n%s\n", name, n,
				    out.ptr);
			fail();
		}
	}
	dd_buf_release(&ref);
	dd_buf_release(&out);
	return n;
}

/* ---- steps ------------------------------------------------------------- */

static const char json_text[] =
	"{\"k\\u00e9y\\ud83d\\ude00\": [1, -0, 2.5e3, 1e400, true, false, null],"
	" \"\\u4e2d\\n\": {\"a\": [[[[{\"b\": \"x\\\"y\\\\z\\/\"}]]]]},"
	" \"long\": \"" "0123456789012345678901234567890123456789" "\"}";

static int step_json(void *ctx, dd_buf *out)
{
	dd_json_doc *doc = NULL;
	dd_json_writer w;
	dd_error err;
	int rc;

	(void)ctx;
	rc = dd_json_parse(&doc, json_text, sizeof(json_text) - 1, "x.json",
			   &err);
	if (rc < 0) {
		assert_null(doc);
		assert_true(err.message[0]);
		return rc;
	}
	window_close();
	dd_json_writer_init(&w, out, 1);
	dd_json_value(&w, dd_json_root(doc));
	dd_json_doc_free(doc);
	return 0;
}

static int step_round(void *ctx, dd_buf *out)
{
	const dd_buf *text = ctx;
	dd_diags diags = DD_DIAGS_INIT;
	dd_round *r = NULL;
	dd_error err;
	int rc;

	rc = dd_round_load(&r, text->ptr, text->len, "round.json", &diags, &err);
	dd_diags_release(&diags);
	if (rc < 0) {
		assert_null(r);
		assert_true(err.message[0]);
		return rc;
	}
	window_close();
	assert_int_equal(dd_render_json.show(out, r, NULL, NULL), 0);
	dd_round_free(r);
	return 0;
}

static int step_taxonomy(void *ctx, dd_buf *out)
{
	const dd_buf *text = ctx;
	dd_diags diags = DD_DIAGS_INIT;
	dd_taxonomy *tx = NULL;
	dd_round *r;
	dd_error err;
	int rc;

	rc = dd_taxonomy_load(&tx, text->ptr, text->len, "taxonomy.json",
			      &diags, &err);
	dd_diags_release(&diags);
	if (rc < 0) {
		assert_null(tx);
		assert_true(err.message[0]);
		return rc;
	}
	window_close();
	r = load_round(SERIES_DIR "/round-02.json", tx);
	assert_int_equal(dd_render_json.show(out, r, tx, NULL), 0);
	dd_round_free(r);
	dd_taxonomy_free(tx);
	return 0;
}

/* Classification (and its cache) with a fresh taxonomy and round. */
static int step_classify(void *ctx, dd_buf *out)
{
	dd_diags diags = DD_DIAGS_INIT;
	dd_taxonomy *tx;
	dd_round *r;
	dd_error err;
	long n = fail_at;
	int rc;

	(void)ctx;
	window_close();
	tx = load_tx();
	r = load_round(SERIES_DIR "/round-03.json", NULL);
	window_open(n);
	rc = dd_taxonomy_classify_round(tx, r, &diags, &err);
	window_close();
	dd_diags_release(&diags);
	if (rc == 0)
		assert_int_equal(dd_render_json.show(out, r, tx, NULL), 0);
	else
		assert_int_equal(rc, DD_ENOMEM);
	dd_round_free(r);
	dd_taxonomy_free(tx);
	return rc;
}

static int step_series(void *ctx, dd_buf *out)
{
	world *w = ctx;
	dd_diags diags = DD_DIAGS_INIT;
	dd_series *s = NULL;
	dd_listing l;
	dd_error err;
	int rc;

	rc = dd_series_load(&s, w->src, SERIES_DIR, NULL, 0, &diags, 0, &err);
	dd_diags_release(&diags);
	if (rc < 0) {
		assert_null(s);
		return rc;
	}
	window_close();
	memset(&l, 0, sizeof(l));
	l.series = &s;
	l.nseries = 1;
	assert_int_equal(dd_render_json.list(out, &l, NULL), 0);
	dd_series_free(s);
	return 0;
}

static int step_series_list(void *ctx, dd_buf *out)
{
	world *w = ctx;
	dd_project *p = NULL;
	dd_series *s = NULL;
	char **names = NULL;
	dd_error err;
	size_t n, i;
	int rc;

	rc = dd_project_new(&p, w->src, NULL, &err);
	if (rc == 0)
		rc = dd_project_series(&names, &n, p, 1, &err);
	if (rc == 0)
		rc = dd_project_load_series(&s, p, SERIES_DIR, NULL, 0, &err);
	dd_series_free(s);
	dd_project_free(p);
	if (rc < 0) {
		dd_source_names_free(names);
		return rc;
	}
	window_close();
	for (i = 0; i < n; i++)
		dd_buf_addf(out, "%s\n", names[i]);
	dd_source_names_free(names);
	return 0;
}

static int step_diff(void *ctx, dd_buf *out)
{
	world *w = ctx;
	dd_diff *d = NULL;
	dd_error err;
	int rc;

	rc = dd_diff_rounds(&d, w->series->rounds[0], w->series->rounds[1],
			    w->tx, &err);
	if (rc < 0) {
		assert_int_equal(rc, DD_ENOMEM);
		assert_null(d);
		return rc;
	}
	window_close();
	assert_int_equal(dd_render_json.diff(out, &d, 1, NULL), 0);
	dd_diff_free(d);
	return 0;
}

static int step_timeline(void *ctx, dd_buf *out)
{
	world *w = ctx;
	dd_timeline *t = NULL;
	dd_error err;
	int rc;

	rc = dd_timeline_build(&t, w->series, w->tx, &err);
	if (rc < 0) {
		assert_int_equal(rc, DD_ENOMEM);
		assert_null(t);
		return rc;
	}
	window_close();
	assert_int_equal(dd_render_json.timeline(out, t, NULL), 0);
	dd_timeline_free(t);
	return 0;
}

/* The next round of the series drafted from its last, and its text. */
static int step_author(void *ctx, dd_buf *out)
{
	world *w = ctx;
	dd_author_draft_opts o;
	dd_diags notes = DD_DIAGS_INIT;
	dd_round *r = NULL;
	dd_error err;
	int rc;

	memset(&o, 0, sizeof(o));
	o.date = "2018-01-01";
	o.title.en = "Next";
	o.from = w->series->rounds[w->series->nrounds - 1];
	rc = dd_author_draft(&r, w->series, 5, w->tx, &o, &notes, &err);
	if (rc == 0)
		rc = dd_author_round_json(out, r, &err);
	dd_round_free(r);
	dd_diags_release(&notes);
	/* (the JSON scanner reports some failed allocations as DD_ERROR) */
	if (rc < 0)
		assert_string_equal(err.message, "out of memory");
	return rc;
}

/* Three versions of a round and a taxonomy, for the merge. */
typedef struct merge_ctx {
	dd_buf v[3];
	dd_taxonomy *tx;
} merge_ctx;

static int step_merge(void *ctx, dd_buf *out)
{
	merge_ctx *c = ctx;
	size_t conflicts;
	dd_error err;
	int rc;

	rc = dd_merge_rounds(out, &conflicts, c->v[0].ptr, c->v[0].len,
			     c->v[1].ptr, c->v[1].len, c->v[2].ptr,
			     c->v[2].len, "round.json", c->tx, &err);
	if (rc < 0) {
		assert_int_equal(rc, DD_ENOMEM);
		assert_int_equal(out->len, 0);
		return rc;
	}
	window_close();
	dd_buf_addf(out, "%zu conflicts\n", conflicts);
	return 0;
}

/* One renderer function; the kind is chosen by render_kind. */
typedef struct render_ctx {
	world *w;
	const dd_renderer *rn;
	int kind;
	dd_render_opts opts;
} render_ctx;

enum { R_REPORT, R_LIST, R_SHOW, R_DIFF, R_DIFFS, R_TIMELINE, R_KINDS };

static int step_render(void *ctx, dd_buf *out)
{
	render_ctx *c = ctx;
	world *w = c->w;
	dd_report rep;
	dd_listing l;
	int rc = 0;

	memset(&rep, 0, sizeof(rep));
	rep.series = w->series;
	rep.tx = w->tx;
	rep.timeline = w->tl;
	rep.diffs = w->diffs;
	rep.ndiffs = w->ndiffs;
	memset(&l, 0, sizeof(l));
	l.series = &w->series;
	l.nseries = 1;
	l.txs = (const dd_taxonomy **)&w->tx;
	switch (c->kind) {
	case R_REPORT: rc = c->rn->report(out, &rep, &c->opts); break;
	case R_LIST: rc = c->rn->list(out, &l, &c->opts); break;
	case R_SHOW:
		rc = c->rn->show(out, w->series->rounds[1], w->tx, &c->opts);
		break;
	case R_DIFF: rc = c->rn->diff(out, w->diffs, 1, &c->opts); break;
	case R_DIFFS:
		rc = c->rn->diff(out, w->diffs, w->ndiffs, &c->opts);
		break;
	case R_TIMELINE: rc = c->rn->timeline(out, w->tl, &c->opts); break;
	}
	if (rc < 0)
		assert_int_equal(rc, -1);
	return rc;
}

/* ---- tests ------------------------------------------------------------- */

static void test_oom_json(void **state)
{
	(void)state;
	assert_true(exhaust("json", step_json, NULL) > 3);
}

static void test_oom_round(void **state)
{
	dd_buf text = DD_BUF_INIT;

	(void)state;
	read_file(&text, SERIES_DIR "/round-04.json");
	assert_true(exhaust("round", step_round, &text) > 3);
	dd_buf_release(&text);
}

static void test_oom_taxonomy(void **state)
{
	dd_buf text = DD_BUF_INIT;

	(void)state;
	read_file(&text, "dialogues/taxonomy.json");
	assert_true(exhaust("taxonomy", step_taxonomy, &text) > 3);
	dd_buf_release(&text);
}

static void test_oom_classify(void **state)
{
	(void)state;
	assert_true(exhaust("classify", step_classify, NULL) > 3);
}

static void test_oom_series(void **state)
{
	world w;

	(void)state;
	world_load(&w);
	assert_true(exhaust("series", step_series, &w) > 3);
	assert_true(exhaust("series list", step_series_list, &w) > 1);
	assert_true(exhaust("diff", step_diff, &w) > 3);
	assert_true(exhaust("timeline", step_timeline, &w) > 3);
	assert_true(exhaust("author", step_author, &w) > 3);
	world_free(&w);
}

/* Round 4 and round 2 merged as if both came from round 3: items and
 * members merged, added, deleted and in conflict. */
static void test_oom_merge(void **state)
{
	merge_ctx c;
	int i;

	(void)state;
	for (i = 0; i < 3; i++)
		dd_buf_init(&c.v[i]);
	read_file(&c.v[0], SERIES_DIR "/round-03.json");
	read_file(&c.v[1], SERIES_DIR "/round-04.json");
	read_file(&c.v[2], SERIES_DIR "/round-02.json");
	c.tx = load_tx();
	assert_true(exhaust("merge", step_merge, &c) > 3);
	dd_taxonomy_free(c.tx);
	c.tx = NULL;
	assert_true(exhaust("merge without a taxonomy", step_merge, &c) > 3);
	for (i = 0; i < 3; i++)
		dd_buf_release(&c.v[i]);
}

/* Whether renderer rn renders results of this kind at all. */
static int renders(const dd_renderer *rn, int kind)
{
	switch (kind) {
	case R_REPORT: return rn->report != NULL;
	case R_LIST: return rn->list != NULL;
	case R_SHOW: return rn->show != NULL;
	case R_DIFF: case R_DIFFS: return rn->diff != NULL;
	case R_TIMELINE: return rn->timeline != NULL;
	}
	return 0;
}

static void test_oom_render(void **state)
{
	render_ctx c;
	world w;
	size_t i;
	int color;

	(void)state;
	world_load(&w);
	memset(&c.opts, 0, sizeof(c.opts));
	c.w = &w;
	for (i = 0; dd_renderers[i]; i++)
		for (c.kind = 0; c.kind < R_KINDS; c.kind++)
			for (color = 0; color < 2; color++) {
				c.rn = dd_renderers[i];
				if (!renders(c.rn, c.kind))
					continue;
				c.opts.lang = color ? DD_LANG_ZH : DD_LANG_EN;
				c.opts.color = color;
				exhaust(c.rn->name, step_render, &c);
			}
	world_free(&w);
}

/* The utility layer's own out-of-memory paths. */
static void test_oom_util(void **state)
{
	dd_buf b = DD_BUF_INIT;
	dd_diags d = DD_DIAGS_INIT;
	dd_strmap m = DD_STRMAP_INIT;
	dd_arena a = DD_ARENA_INIT;
	char *s;
	int i;

	(void)state;
	window_open(0);
	dd_buf_addf(&b, "%d", 42);
	window_close();
	assert_true(dd_buf_oom(&b));
	assert_null(dd_buf_detach(&b, NULL));

	dd_buf_adds(&b, "x");
	window_open(0);
	dd_buf_addf(&b, "%0200d", 1);	/* longer than the first guess */
	window_close();
	assert_true(dd_buf_oom(&b));
	dd_buf_release(&b);

	for (i = 0; i < 2; i++) {
		window_open(i);
		dd_diags_add(&d, DD_SEV_ERROR, "rule", "f", 1, 1, "m");
		window_close();
		assert_true(d.oom);
		assert_int_equal(d.count, 0);
		dd_diags_release(&d);
	}

	window_open(0);
	assert_int_equal(dd_strmap_put(&m, "k", &m, NULL), -1);
	window_close();
	dd_strmap_release(&m);

	window_open(0);
	assert_null(dd_arena_alloc(&a, 10));
	window_close();
	assert_null(dd_arena_array(&a, SIZE_MAX / 2, 4));
	assert_null(dd_arena_alloc(&a, SIZE_MAX - 4));
	dd_arena_release(&a);

	window_open(0);
	s = dd_text_normalize("A  b");
	window_close();
	assert_null(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_oom_json),
		cmocka_unit_test(test_oom_round),
		cmocka_unit_test(test_oom_taxonomy),
		cmocka_unit_test(test_oom_classify),
		cmocka_unit_test(test_oom_series),
		cmocka_unit_test(test_oom_merge),
		cmocka_unit_test(test_oom_render),
		cmocka_unit_test(test_oom_util),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
