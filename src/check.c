/*
 * check.c - consistency checks over a dialogues folder or named files.
 *
 * The loaders do the work: each rule lives where its value is read
 * (round.c, series.c, taxonomy.c, load.c) and appends to a dd_diags list.
 * This module decides what to load, in which order, with which taxonomy,
 * keeps going past every broken file, and adds the rules that need more
 * than one file for a round named on its own (its series and its
 * siblings).  It also holds the catalogue of rule ids.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/check.h"
#include "dialdiff/json.h"
#include "dialdiff/project.h"
#include "dialdiff/round.h"
#include "dialdiff/series.h"
#include "dialdiff/strmap.h"
#include "dialdiff/taxonomy.h"
#include "dialdiff/worker.h"

/* ------------------------------------------------------------------------
 * The catalogue.  Keep it in the order of docs/rules.md; the unit tests
 * compare the two.
 */

const dd_rule dd_rules[] = {
	{ "file", DD_SEV_ERROR,
	  "A file cannot be read: missing, not a regular file, or an I/O error" },
	{ "file-size", DD_SEV_ERROR,
	  "A file is over the size cap (16 MiB by default, --max-size)" },
	{ "json-syntax", DD_SEV_ERROR,
	  "The file is not valid JSON (RFC 8259)" },
	{ "duplicate-key", DD_SEV_ERROR,
	  "An object has the same key twice" },
	{ "invalid-utf8", DD_SEV_ERROR,
	  "Text that is not valid UTF-8: bad or overlong bytes, surrogates, NUL" },
	{ "nesting-depth", DD_SEV_ERROR,
	  "Values nested deeper than the JSON reader allows (1000 levels)" },
	{ "merge-conflict", DD_SEV_ERROR,
	  "The markers of a merge conflict that was not resolved" },
	{ "type", DD_SEV_ERROR,
	  "A value has the wrong type, or an id is empty" },
	{ "required", DD_SEV_ERROR,
	  "A required key is missing" },
	{ "unknown-key", DD_SEV_WARNING,
	  "A key the file format does not define" },
	{ "schema-version", DD_SEV_ERROR,
	  "schema_version is not 1" },
	{ "series-file", DD_SEV_ERROR,
	  "A series folder has no readable series.json" },
	{ "series-mismatch", DD_SEV_ERROR,
	  "A series id, or a round's series, differs from the folder's name" },
	{ "round-number", DD_SEV_ERROR,
	  "A round number is not a positive integer" },
	{ "round-duplicate", DD_SEV_ERROR,
	  "Two rounds of a series have the same number" },
	{ "round-gap", DD_SEV_WARNING,
	  "Round numbers of a series skip a number" },
	{ "round-file-number", DD_SEV_WARNING,
	  "The number in a round file's name is not its round number" },
	{ "date", DD_SEV_ERROR,
	  "A date is not a real calendar date written YYYY-MM-DD" },
	{ "date-order", DD_SEV_ERROR,
	  "Dates do not increase strictly with the round number" },
	{ "unknown-section", DD_SEV_ERROR,
	  "A section of topics that the taxonomy does not declare" },
	{ "section-not-recorded", DD_SEV_WARNING,
	  "A section of the taxonomy that a round does not record" },
	{ "unknown-id", DD_SEV_ERROR,
	  "An explicit id that is not an entry of its section" },
	{ "id-label-mismatch", DD_SEV_WARNING,
	  "An explicit id whose label matches another entry and not its own" },
	{ "unclassified", DD_SEV_ERROR,
	  "A label that matches no entry of its section" },
	{ "ambiguous", DD_SEV_ERROR,
	  "A label that matches several entries of its section" },
	{ "duplicate-item", DD_SEV_ERROR,
	  "The same category twice in one section" },
	{ "empty-label", DD_SEV_ERROR,
	  "A label without text" },
	{ "action", DD_SEV_ERROR,
	  "An action outside the vocabulary" },
	{ "taxonomy-pattern", DD_SEV_ERROR,
	  "A taxonomy pattern does not compile" },
	{ "taxonomy-duplicate", DD_SEV_ERROR,
	  "A taxonomy section or entry id is given twice" },
	{ "match-limit", DD_SEV_ERROR,
	  "A taxonomy pattern hit the PCRE2 match limit on a label" },
	{ "taxonomy-too-slow", DD_SEV_ERROR,
	  "Classification used up its time budget: the taxonomy is too slow" },
};

const size_t dd_nrules = sizeof(dd_rules) / sizeof(dd_rules[0]);

int dd_rule_index(const char *id)
{
	size_t i;

	for (i = 0; id && i < dd_nrules; i++)
		if (!strcmp(dd_rules[i].id, id))
			return (int)i;
	return -1;
}

/* ------------------------------------------------------------------------
 * Paths.
 */

/* The folder part of path ("" for a bare name, "/" for "/x").  Caller
 * frees. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup("");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* The last component of path, ignoring trailing slashes; borrowed when
 * there are none, else copied into buf. */
static const char *base_of(const char *path, char *buf, size_t size)
{
	size_t n = strlen(path);
	const char *p;

	while (n > 1 && path[n - 1] == '/')
		n--;
	for (p = path + n; p > path && p[-1] != '/'; p--)
		;
	snprintf(buf, size, "%.*s", (int)(path + n - p), p);
	return buf;
}

/* ------------------------------------------------------------------------
 * The check.
 */

struct dd_check {
	dd_source *src;
	char *dialogues, *taxonomy, *series;
	size_t max_size;
	dd_diags diags;
	char **files;
	size_t nfiles, files_alloc;
	dd_strmap file_map;	/* path -> its index in files, plus 1 */
	dd_project **projects;	/* one per dialogues folder met */
	size_t nprojects;
	int sorted;
	int oom;
};

static char *dup_opt(const char *s, int *oom)
{
	char *p;

	if (!s)
		return NULL;
	p = strdup(s);
	if (!p)
		*oom = 1;
	return p;
}

int dd_check_new(dd_check **out, dd_source *src, const dd_check_opts *opts,
		 dd_error *err)
{
	dd_check *c = calloc(1, sizeof(*c));
	int oom = 0;

	*out = NULL;
	if (!c)
		return dd_error_oom(err);
	c->src = src;
	dd_diags_init(&c->diags);
	dd_strmap_init(&c->file_map);
	c->dialogues = dup_opt(opts && opts->dialogues ? opts->dialogues :
			       "dialogues", &oom);
	c->taxonomy = dup_opt(opts ? opts->taxonomy : NULL, &oom);
	c->series = dup_opt(opts ? opts->series : NULL, &oom);
	c->max_size = opts && opts->max_size ? opts->max_size :
		      DD_SOURCE_MAX_SIZE;
	if (oom) {
		dd_check_free(c);
		return dd_error_oom(err);
	}
	*out = c;
	return 0;
}

void dd_check_free(dd_check *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->nfiles; i++)
		free(c->files[i]);
	free(c->files);
	dd_strmap_release(&c->file_map);
	for (i = 0; i < c->nprojects; i++)
		dd_project_free(c->projects[i]);
	free(c->projects);
	dd_diags_release(&c->diags);
	free(c->dialogues);
	free(c->taxonomy);
	free(c->series);
	free(c);
}

static int file_index(const dd_check *c, const char *path)
{
	uintptr_t i = (uintptr_t)dd_strmap_get(&c->file_map, path);

	return i ? (int)(i - 1) : -1;
}

/* Note that path is checked (once); 0 or -1 when memory runs out. */
static int add_file(dd_check *c, const char *path)
{
	if (file_index(c, path) >= 0)
		return 0;
	if (c->nfiles == c->files_alloc) {
		size_t n = c->files_alloc ? c->files_alloc * 2 : 16;
		char **p = realloc(c->files, n * sizeof(*p));

		if (!p)
			return -1;
		c->files = p;
		c->files_alloc = n;
	}
	if (!(c->files[c->nfiles] = strdup(path)))
		return -1;
	if (dd_strmap_put(&c->file_map, c->files[c->nfiles],
			  (void *)(uintptr_t)(c->nfiles + 1), NULL) < 0) {
		free(c->files[c->nfiles]);
		return -1;
	}
	c->nfiles++;
	return 0;
}

static const char *read_rule(int rc)
{
	return rc == DD_ETOOBIG ? "file-size" : "file";
}

/* Read path; a failure is a diagnostic (file, file-size) and returns < 0. */
static int read_file(dd_check *c, dd_buf *buf, const char *path)
{
	dd_error e;
	int rc = dd_source_read(buf, c->src, path, c->max_size, &e);

	if (rc == DD_ENOMEM)
		return rc;
	if (rc < 0)
		dd_diags_add(&c->diags, DD_SEV_ERROR, read_rule(rc), path,
			     e.line, e.column, "%s", e.message);
	return rc;
}

/* The project of dialogues folder dir (made on first use); NULL when
 * memory runs out. */
static dd_project *project_for(dd_check *c, const char *dir)
{
	dd_project_opts opts;
	dd_project *p, **grown;
	char *norm = dd_path_normalize(*dir ? dir : ".");
	size_t i;

	if (!norm)
		return NULL;
	for (i = 0; i < c->nprojects; i++)
		if (!strcmp(dd_project_dir(c->projects[i]), norm)) {
			free(norm);
			return c->projects[i];
		}
	memset(&opts, 0, sizeof(opts));
	opts.dir = norm;
	opts.taxonomy = c->taxonomy;
	opts.max_size = c->max_size;
	grown = realloc(c->projects, (c->nprojects + 1) * sizeof(*grown));
	if (grown)
		c->projects = grown;
	if (!grown || dd_project_new(&p, c->src, &opts, NULL) < 0) {
		free(norm);
		return NULL;
	}
	free(norm);
	return c->projects[c->nprojects++] = p;
}

/* The project of the dialogues folder around series folder sdir. */
static dd_project *project_of_series(dd_check *c, const char *sdir)
{
	char *parent = dir_of(sdir);
	dd_project *p = parent ? project_for(c, parent) : NULL;

	free(parent);
	return p;
}

/*
 * The taxonomy at path, loaded and checked once (by project p): its
 * problems go to the diagnostics the first time it is asked for.  *out is
 * NULL when it is missing or broken.  Returns 0 or DD_ENOMEM.
 */
static int taxonomy_at(dd_check *c, dd_project *p, const char *path,
		       dd_taxonomy **out)
{
	char *norm = dd_path_normalize(path);
	dd_error e;
	int rc;

	*out = NULL;
	if (!p || !norm || add_file(c, norm) < 0) {
		free(norm);
		return DD_ENOMEM;
	}
	rc = dd_project_taxonomy(out, p, norm, &c->diags, &e);
	free(norm);
	return rc == DD_ENOMEM || c->diags.oom ? DD_ENOMEM : 0;
}

static int classify(dd_check *c, dd_taxonomy *tx, dd_round *r)
{
	dd_error e;

	if (!tx)
		return 0;	/* reported with the taxonomy */
	return dd_taxonomy_classify_round(tx, r, &c->diags, &e) == DD_ENOMEM ?
	       DD_ENOMEM : 0;
}

/*
 * Checking a series folder takes two steps.  Its loading -- listing its
 * files, and reading, parsing and checking series.json and each round on
 * its own and against each other -- needs no taxonomy, and may run on a
 * second thread, ahead of the thread that checks.  Its findings are kept
 * here until finish_series adds them to the check's, in series order, and
 * classifies the rounds: one thread's taxonomy classifies everything.
 */
typedef struct series_load {
	dd_job job;
	dd_project *proj[2];	/* by dd_job's helper: the worker's, then the
				   checking thread's */
	const char *sdir;
	char **files;		/* NULL when the folder could not be listed */
	size_t nfiles;
	dd_series *s;
	dd_diags diags;
	dd_error e;
	int rc;
} series_load;

static void load_series(dd_job *job, int helper)
{
	series_load *l = (series_load *)job;
	dd_project *p = l->proj[helper];
	dd_error e;

	if (dd_project_series_files(&l->files, &l->nfiles, p, l->sdir, &e) < 0 &&
	    e.code == DD_ENOMEM)
		l->rc = DD_ENOMEM;
	else
		l->rc = dd_project_load_series(&l->s, p, l->sdir, &l->diags, 1,
					       &l->e);
}

static void series_load_release(series_load *l)
{
	dd_source_names_free(l->files);
	dd_series_free(l->s);
	dd_diags_release(&l->diags);
	l->files = NULL;
	l->s = NULL;
}

/* Add what loading the series found to c, then classify its rounds. */
static int finish_series(dd_check *c, series_load *l)
{
	dd_project *p = l->proj[1];
	dd_series *s = l->s;
	char *f = dd_path_join(l->sdir, "series.json");
	const char *txpath;
	dd_taxonomy *tx;
	size_t i;
	int rc = f && add_file(c, f) == 0 ? 0 : DD_ENOMEM;

	free(f);
	for (i = 0; !rc && l->files && i < l->nfiles; i++)
		if (add_file(c, l->files[i]) < 0)
			rc = DD_ENOMEM;
	for (i = 0; !rc && i < l->diags.count; i++) {
		const dd_diag *d = &l->diags.items[i];

		dd_diags_add(&c->diags, d->severity, d->rule, d->file, d->line,
			     d->column, "%s", d->message);
	}
	if (rc || l->rc == DD_ENOMEM || l->diags.oom || c->diags.oom)
		return DD_ENOMEM;
	if (!s) {	/* the folder could not be listed */
		dd_diags_add(&c->diags, DD_SEV_ERROR, "file", l->sdir, 0, 0,
			     "%s", l->e.message);
		return 0;
	}
	txpath = dd_project_taxonomy_path(p, l->sdir);
	rc = txpath ? taxonomy_at(c, p, txpath, &tx) : DD_ENOMEM;
	for (i = 0; rc == 0 && i < s->nrounds; i++)
		rc = classify(c, tx, s->rounds[i]);
	return rc;
}

/* Check the series in folder sdir: series.json, every round, classified. */
static int check_series(dd_check *c, const char *sdir)
{
	series_load l;
	int rc;

	memset(&l, 0, sizeof(l));
	dd_diags_init(&l.diags);
	l.sdir = sdir;
	l.proj[1] = project_of_series(c, sdir);
	if (!l.proj[1])
		return DD_ENOMEM;
	load_series(&l.job, 1);
	rc = finish_series(c, &l);
	series_load_release(&l);
	return rc;
}

/* How many series a second thread may load ahead of the checking one. */
#define LOAD_AHEAD 4

/*
 * The series of a dialogues folder, in order.  On a working tree with two
 * processors or more, a second thread loads them ahead (see series_load):
 * each is queued LOAD_AHEAD series before its turn, and dd_worker_wait
 * runs queued loads on the checking thread rather than sit idle.  A git
 * source stays on one thread: libgit2's objects are not shared between
 * threads.
 */
typedef struct series_queue {
	series_load *jobs;
	size_t n, queued;
	dd_project *proj;	/* the worker's */
	dd_worker *w;
} series_queue;

/* Queue the loads of q's series up to LOAD_AHEAD past series i. */
static void series_queue_ahead(series_queue *q, size_t i)
{
	for (; q->w && q->queued < q->n && q->queued <= i + LOAD_AHEAD;
	     q->queued++)
		dd_worker_push(q->w, &q->jobs[q->queued].job);
}

/* Set q up for the series names[from..to) of folder dir (project proj),
 * and start loading them.  0 or DD_ENOMEM; series_queue_end in any case. */
static int series_queue_start(series_queue *q, dd_check *c, dd_project *proj,
			      const char *dir, char **names, size_t from,
			      size_t to)
{
	dd_project_opts opts;
	dd_error e;
	size_t i;

	memset(q, 0, sizeof(*q));
	if (!(q->jobs = calloc(to - from + 1, sizeof(*q->jobs))))
		return DD_ENOMEM;
	for (q->n = 0; q->n < to - from; q->n++) {
		series_load *l = &q->jobs[q->n];

		dd_diags_init(&l->diags);
		l->job.run = load_series;
		l->proj[1] = proj;
		if (!(l->sdir = dd_path_join(dir, names[from + q->n])))
			return DD_ENOMEM;
	}
	memset(&opts, 0, sizeof(opts));
	opts.dir = dd_project_dir(proj);
	opts.taxonomy = c->taxonomy;
	opts.max_size = c->max_size;
	if (q->n < 2 || dd_source_rev(c->src) || dd_worker_cpus() < 2 ||
	    dd_project_new(&q->proj, c->src, &opts, &e) < 0)
		return 0;
	if (dd_worker_start(&q->w, dd_json_release_thread, &e) < 0)
		return 0;
	for (i = 0; i < q->n; i++)
		q->jobs[i].proj[0] = q->proj;
	series_queue_ahead(q, 0);
	return 0;
}

/* Check the series of q in order: 0 or DD_ENOMEM. */
static int series_queue_run(series_queue *q, dd_check *c)
{
	size_t i;
	int rc = 0;

	for (i = 0; !rc && i < q->n; i++) {
		series_queue_ahead(q, i);
		if (q->w)
			dd_worker_wait(q->w, &q->jobs[i].job);
		else
			load_series(&q->jobs[i].job, 1);
		rc = finish_series(c, &q->jobs[i]);
		series_load_release(&q->jobs[i]);
	}
	return rc;
}

static void series_queue_end(series_queue *q)
{
	size_t i;

	dd_worker_stop(q->w);	/* after the queued loads have run */
	for (i = 0; q->jobs && i < q->n; i++) {
		series_load_release(&q->jobs[i]);
		free((char *)q->jobs[i].sdir);
	}
	dd_project_free(q->proj);
	free(q->jobs);
}

/* Check a dialogues folder: its taxonomy and every series (or one). */
static int check_dialogues_dir(dd_check *c, const char *dir, int named,
			       dd_error *err)
{
	dd_project *proj = project_for(c, dir);
	char **names = NULL, *p;
	size_t n, from = 0, to;
	series_queue q;
	dd_taxonomy *tx;
	int rc = 0, found = 0, any = 0;

	if (!proj)
		return dd_error_oom(err);
	rc = dd_project_series(&names, &n, proj, 1, err);
	if (rc < 0)
		return rc;
	to = n;
	if (c->series && !named) {
		while (from < n && strcmp(c->series, names[from]))
			from++;
		to = from < n ? from + 1 : from;
	}
	found = from < to;
	/* the loading of the series starts, then this thread loads the
	   default taxonomy (whether or not a series uses it) */
	rc = series_queue_start(&q, c, proj, dir, names, from, to);
	p = c->taxonomy ? strdup(c->taxonomy) : dd_path_join(dir, "taxonomy.json");
	if (!p)
		rc = DD_ENOMEM;
	else if (rc == 0 && (c->taxonomy || dd_source_type(c->src, p) != 0)) {
		rc = taxonomy_at(c, proj, p, &tx);
		any = 1;
	}
	free(p);
	if (rc == 0)
		rc = series_queue_run(&q, c);
	series_queue_end(&q);
	dd_source_names_free(names);
	if (found)
		any = 1;
	if (rc < 0)
		return dd_error_oom(err);
	if (c->series && !named && !found)
		return dd_error_set(err, DD_ENOTFOUND, dir, 0, 0,
				    "no series '%s' here (a series is a folder with a series.json)",
				    c->series);
	/* a folder with nothing to check is a mistake worth a word (a wrong
	 * --dialogues, a path named by mistake), not a clean check */
	if (!any)
		dd_diags_add(&c->diags, DD_SEV_ERROR, "file", dir, 0, 0,
			     "no taxonomy.json and no series folder here: nothing to check");
	return c->diags.oom ? dd_error_oom(err) : 0;
}

int dd_check_dialogues(dd_check *c, dd_error *err)
{
	c->sorted = 0;
	return check_dialogues_dir(c, c->dialogues, 0, err);
}

/*
 * Load the series in folder sdir and add what it says about the file at
 * path: everything, or with rules_only the rules between that round and
 * its siblings (the file itself was loaded on its own).  0 or DD_ENOMEM.
 */
static int series_says(dd_check *c, const char *sdir, const char *path,
		       int rules_only)
{
	dd_diags scratch = DD_DIAGS_INIT;
	dd_project *p = project_of_series(c, sdir);
	char *want = dd_path_normalize(path), *f;
	dd_series *s = NULL;
	dd_error e;
	size_t i;
	int rc = p && want ? 0 : DD_ENOMEM;

	if (!rc && dd_project_load_series(&s, p, sdir, &scratch, 1, &e) ==
		   DD_ENOMEM)
		rc = DD_ENOMEM;
	if (!rc && rules_only && s)
		dd_project_series_rules(&c->diags, s, path);
	for (i = 0; !rc && !rules_only && i < scratch.count; i++) {
		const dd_diag *d = &scratch.items[i];
		int same;

		if (!(f = dd_path_normalize(d->file))) {
			rc = DD_ENOMEM;
			break;
		}
		same = !strcmp(f, want);
		free(f);
		/* in "." the folder's name is not known */
		if (same && !(!strcmp(sdir, ".") &&
			      !strcmp(d->rule, "series-mismatch")))
			dd_diags_add(&c->diags, d->severity, d->rule, path,
				     d->line, d->column, "%s", d->message);
	}
	if (scratch.oom || c->diags.oom)
		rc = DD_ENOMEM;
	dd_series_free(s);
	dd_diags_release(&scratch);
	free(want);
	return rc;
}

/* series.json named on its own: its problems, from loading its series. */
static int check_series_json(dd_check *c, const char *path)
{
	char *sdir = dir_of(path);
	int rc;

	if (!sdir || add_file(c, path) < 0) {
		free(sdir);
		return DD_ENOMEM;
	}
	rc = series_says(c, *sdir ? sdir : ".", path, 0);
	free(sdir);
	return rc;
}

/* A round named on its own, already read into buf: its own problems, the
 * rules between it and its siblings when it lies in a series folder, and
 * its classification by the taxonomy its series reads (outside a series,
 * the dialogues folder's). */
static int check_round_file(dd_check *c, const char *path, const dd_buf *buf)
{
	dd_round *r = NULL;
	dd_taxonomy *tx = NULL;
	dd_project *p;
	char *dir = dir_of(path), *sj = NULL;
	const char *sdir, *txpath;
	dd_error e;
	int rc;

	if (!dir)
		return DD_ENOMEM;
	sdir = *dir ? dir : ".";
	rc = dd_round_load(&r, buf->ptr, buf->len, path, &c->diags, &e);
	if (rc == DD_ENOMEM || !r)
		goto out;
	rc = DD_ENOMEM;
	if (!(sj = dd_path_join(sdir, "series.json")))
		goto out;
	if (dd_source_type(c->src, sj) == DD_SOURCE_FILE) {
		p = project_of_series(c, sdir);
		if (!p || (r->number > 0 && series_says(c, sdir, path, 1) < 0))
			goto out;
		txpath = dd_project_taxonomy_path(p, sdir);
	} else {
		p = project_for(c, c->dialogues);
		txpath = p ? dd_project_taxonomy_path(p, NULL) : NULL;
	}
	if (txpath && (rc = taxonomy_at(c, p, txpath, &tx)) == 0)
		rc = classify(c, tx, r);
out:
	if (c->diags.oom)
		rc = DD_ENOMEM;
	dd_round_free(r);
	free(dir);
	free(sj);
	return rc == DD_ENOMEM ? DD_ENOMEM : 0;
}

/* 1 when path is the taxonomy its series folder's series.json names, or
 * the taxonomy.json of the dialogues folder above it. */
static int is_named_taxonomy(dd_check *c, const char *path)
{
	char *sdir = dir_of(path), *norm = dd_path_normalize(path);
	dd_project *p = sdir ? project_of_series(c, *sdir ? sdir : ".") : NULL;
	const char *tx = p ? dd_project_taxonomy_path(p, *sdir ? sdir : ".")
			   : NULL;
	int yes = norm && tx && (!strcmp(norm, tx) ||
				 dd_project_kind(p, norm) == DD_PATH_TAXONOMY);

	free(sdir);
	free(norm);
	return yes;
}

static int check_file(dd_check *c, const char *path)
{
	dd_buf buf = DD_BUF_INIT;
	char base[1024];
	dd_taxonomy *tx;
	int rc;

	if (!strcmp(base_of(path, base, sizeof(base)), "series.json"))
		return check_series_json(c, path);
	if (add_file(c, path) < 0)
		return DD_ENOMEM;
	rc = read_file(c, &buf, path);
	if (rc < 0) {
		dd_buf_release(&buf);
		return rc == DD_ENOMEM ? rc : 0;
	}
	if (dd_project_sniff(buf.ptr, buf.len) == (int)DD_PATH_TAXONOMY ||
	    is_named_taxonomy(c, path))
		rc = taxonomy_at(c, project_for(c, c->dialogues), path, &tx);
	else
		rc = check_round_file(c, path, &buf);
	dd_buf_release(&buf);
	return rc;
}

int dd_check_path(dd_check *c, const char *path, dd_error *err)
{
	int rc = 0;

	c->sorted = 0;
	if (dd_source_type(c->src, path) == DD_SOURCE_DIR) {
		char *sj = dd_path_join(path, "series.json");

		if (!sj)
			return dd_error_oom(err);
		if (dd_source_type(c->src, sj) == DD_SOURCE_FILE)
			rc = check_series(c, path);
		else
			rc = check_dialogues_dir(c, path, 1, err);
		free(sj);
		if (rc == DD_ENOMEM)
			return dd_error_oom(err);
		return rc < 0 ? rc : 0;
	}
	rc = check_file(c, path);
	return rc == DD_ENOMEM ? dd_error_oom(err) : 0;
}

/* ------------------------------------------------------------------------
 * Results.
 */

/* A diagnostic with the index of its file, for sorting. */
typedef struct keyed {
	size_t file;
	dd_diag d;
} keyed;

static int key_order(const keyed *a, const keyed *b)
{
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	if (a->d.line != b->d.line)
		return a->d.line < b->d.line ? -1 : 1;
	if (a->d.column != b->d.column)
		return a->d.column < b->d.column ? -1 : 1;
	return 0;
}

static int cmp_keyed(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;
	int o = key_order(a, b);

	if (o)
		return o;
	return a->d.seq < b->d.seq ? -1 : a->d.seq > b->d.seq;
}

static int same_diag(const keyed *a, const keyed *b)
{
	return !key_order(a, b) && a->d.severity == b->d.severity &&
	       !strcmp(a->d.rule, b->d.rule) &&
	       !strcmp(a->d.message, b->d.message);
}

const dd_diags *dd_check_diags(dd_check *c)
{
	dd_diags *dl = &c->diags;
	keyed *v;
	size_t i, j, k;

	if (c->sorted || !dl->count)
		return dl;
	/* every file a diagnostic names is a file checked */
	for (i = 0; i < dl->count; i++)
		if (add_file(c, dl->items[i].file) < 0)
			dl->oom = 1;
	v = malloc(dl->count * sizeof(*v));
	if (!v) {
		dl->oom = 1;
		return dl;
	}
	for (i = 0; i < dl->count; i++) {
		int fi = file_index(c, dl->items[i].file);

		v[i].file = fi < 0 ? c->nfiles : (size_t)fi;
		v[i].d = dl->items[i];
	}
	qsort(v, dl->count, sizeof(*v), cmp_keyed);
	/* drop repeats (a file checked twice: a folder and a file in it,
	 * both named); repeats share a position, so look back over the kept
	 * diagnostics at the same position */
	for (i = k = 0; i < dl->count; i++) {
		int dup = 0;

		for (j = k; j > 0 && !key_order(&v[j - 1], &v[i]); j--)
			if (same_diag(&v[j - 1], &v[i])) {
				dup = 1;
				break;
			}
		if (dup) {
			if (v[i].d.severity == DD_SEV_ERROR)
				dl->errors--;
			else
				dl->warnings--;
			free(v[i].d.file);
			free(v[i].d.message);
			continue;
		}
		v[k++] = v[i];
	}
	for (i = 0; i < k; i++) {
		dl->items[i] = v[i].d;
		dl->items[i].seq = i;
	}
	dl->count = k;
	free(v);
	c->sorted = 1;
	return dl;
}

const char *const *dd_check_files(const dd_check *c, size_t *n)
{
	*n = c->nfiles;
	return (const char *const *)c->files;
}
