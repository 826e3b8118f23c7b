/* review and log: semantic changes to round files between revisions and
 * along the history. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "dialdiff/gate.h"
#include "dialdiff/history.h"
#include "dialdiff/selector.h"

/*
 * Paths come after "--", revisions and options before it, in any order.
 * Cut the paths off before getopt sees the arguments (GNU getopt would
 * move the "--" in front of the revisions): *argc then ends at the "--".
 */
static void cut_paths(int *argc, char **argv, char ***paths, int *npaths)
{
	int i;

	*paths = argv + *argc;
	*npaths = 0;
	for (i = 1; i < *argc; i++)
		if (!strcmp(argv[i], "--")) {
			*paths = argv + i + 1;
			*npaths = *argc - i - 1;
			*argc = i;
			return;
		}
}

/* The history for the repository, with the paths the user named. */
static int open_history(cli_ctx *ctx, dd_history **out, char **paths,
			int npaths, char ***resolved)
{
	dd_history_opts hopts;
	dd_git_repo *repo;
	dd_taxonomy *tx = NULL;
	dd_error err;
	int i, rc;

	*out = NULL;
	*resolved = NULL;
	if ((rc = cli_repo(ctx, &repo)) || (rc = cli_setup_paths(ctx)))
		return rc;
	if (ctx->rev)
		return cli_failf("--rev does not apply here: name the revisions as operands");
	if (ctx->taxonomy_path && (rc = cli_taxonomy(ctx, &tx)))
		return rc;
	*resolved = calloc((size_t)npaths + 1, sizeof(**resolved));
	if (!*resolved)
		return cli_failf("out of memory");
	for (i = 0; i < npaths; i++)
		if ((rc = cli_path(ctx, paths[i], &(*resolved)[i])))
			return rc;
	memset(&hopts, 0, sizeof(hopts));
	hopts.dialogues = ctx->dialogues;
	hopts.taxonomy = tx;
	hopts.paths = (const char *const *)*resolved;
	hopts.npaths = (size_t)npaths;
	if (dd_history_new(out, repo, &hopts, &err) < 0)
		return cli_fail(&err);
	return 0;
}

static int resolve(cli_ctx *ctx, const char *rev, dd_oid *out)
{
	dd_error err;

	if (dd_git_resolve(out, ctx->repo, rev, &err) < 0)
		return cli_fail(&err);
	return 0;
}

/* How the first of n revision operands names its commit in messages:
 * as written when it is one revision, else by its id (NULL). */
static const char *rev_name(char **revs, int n)
{
	return !n ? "HEAD" : strstr(revs[0], "..") ? NULL : revs[0];
}

/* The two sides of a review from its operands; *to_worktree when B is the
 * working tree. */
static int review_sides(cli_ctx *ctx, const cli_command *cmd, char **revs,
			int nrevs, dd_oid *from, dd_oid *to, int *to_worktree)
{
	dd_revrange range;
	dd_error err;
	int rc;

	*to_worktree = 0;
	if (nrevs > 2)
		return cli_usage(cmd, "review takes at most two revisions");
	if (nrevs == 2) {
		if (strstr(revs[0], "..") || strstr(revs[1], ".."))
			return cli_usage(cmd, "give a range (A..B) or two revisions, not both");
		if ((rc = resolve(ctx, revs[0], from)) ||
		    (rc = resolve(ctx, revs[1], to)))
			return rc;
		return 0;
	}
	if (nrevs == 0) {
		range.kind = DD_RANGE_ONE;
		range.from = "HEAD";
		range.to = NULL;
	} else if (dd_revrange_parse(&range, revs[0], &err) < 0) {
		return cli_usage(cmd, "%s", err.message);
	}
	if (range.kind == DD_RANGE_ONE) {
		if (dd_git_is_bare(ctx->repo))
			return cli_failf("a bare repository has no working tree: name two revisions (review A B or A..B)");
		*to_worktree = 1;
		return resolve(ctx, range.from, from);
	}
	if ((rc = resolve(ctx, range.from, from)) ||
	    (rc = resolve(ctx, range.to, to)))
		return rc;
	if (range.kind == DD_RANGE_THREE_DOT &&
	    dd_git_merge_base(from, ctx->repo, from, to, &err) < 0) {
		snprintf(err.file, sizeof(err.file), "%s", revs[0]);
		return cli_fail(&err);
	}
	return 0;
}

/*
 * The exit status of a review: 2 when a file could not be compared (said
 * on stderr: a review that could not read a side never passes), else
 * what the gates say (--exit-code, --fail-on; named on stderr).
 */
static int review_status(const cli_ctx *ctx, const dd_review *r)
{
	const cli_gates *g = &ctx->gates;
	dd_diff **diffs;
	size_t i;
	int rc = 0;

	for (i = 0; i < r->nfiles; i++)
		if (!r->files[i].diff) {
			cli_warnf("%s: cannot compare: %s",
				r->files[i].path, r->files[i].error ?
				r->files[i].error : "unknown error");
			rc = EXIT_USAGE;
		}
	if (rc || !g->n)
		return rc;
	if (g->exit_code && r->ntaxonomies)
		return EXIT_DIFF;	/* a taxonomy changed: a change */
	if (!(diffs = calloc(r->nfiles + 1, sizeof(*diffs))))
		return cli_failf("out of memory");
	for (i = 0; i < r->nfiles; i++)
		diffs[i] = r->files[i].diff;
	rc = cli_gates_explain(ctx, diffs, r->nfiles);
	free(diffs);
	return rc;
}

/* A section a gate names must exist in the taxonomy of some file's diff
 * (a typo would otherwise never hold, silently). */
static int validate_gates(const dd_review *r, const cli_gates *g)
{
	dd_error err, first;
	size_t i;
	int any = 0;

	for (i = 0; i < r->nfiles; i++) {
		const dd_diff *d = r->files[i].diff;

		if (!d)
			continue;
		if (dd_gate_validate(g->gates, g->n, d->tx, &err) == 0)
			return 0;
		if (!any)
			first = err;
		any = 1;
	}
	return any ? cli_fail(&first) : 0;
}

const struct option cli_review_options[] = {
	CLI_GATE_OPTIONS,
	CLI_VIEW_OPTIONS,
	CLI_HELP_OUTPUT_END
};

int cmd_review(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("review");
	dd_buf out = DD_BUF_INIT;
	dd_history *h = NULL;
	dd_review *r = NULL;
	char **paths, **resolved = NULL;
	int rc, i, nrevs, npaths, to_worktree;
	dd_oid from, to;
	dd_error err;

	cut_paths(&argc, argv, &paths, &npaths);
	if ((i = cli_operands(ctx, cmd, argc, argv, &rc)) < 0)
		return rc;
	nrevs = argc - i;
	if ((rc = CLI_NEED(ctx, review)) ||
	    (rc = open_history(ctx, &h, paths, npaths, &resolved)) ||
	    (rc = review_sides(ctx, cmd, argv + i, nrevs, &from, &to,
			       &to_worktree)))
		goto out;
	/* the folder must be on one side at least: fail closed */
	if (dd_history_require(h, to_worktree ? NULL : &to, NULL, &err) < 0 &&
	    dd_history_require(h, &from, rev_name(argv + i, nrevs), &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if (dd_history_review(&r, h, &from, to_worktree ? NULL : &to, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if ((rc = validate_gates(r, &ctx->gates)))
		goto out;
	cli_gates_finish(ctx);
	rc = cli_emit_rendered(ctx->renderer->review(&out, r, &ctx->ropts),
			       &out);
	if (!rc)
		rc = review_status(ctx, r);
out:
	dd_review_free(r);
	dd_history_free(h);
	dd_source_names_free(resolved);
	dd_buf_release(&out);
	return rc;
}

/* ---- log ------------------------------------------------------------ */

typedef struct progress {
	struct timespec start;
	int shown;		/* a line is on the terminal */
} progress;

static double elapsed(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - since->tv_sec) +
	       (double)(now.tv_nsec - since->tv_nsec) / 1e9;
}

/* A progress line on stderr, once the walk has taken a second. */
static void on_progress(void *data, size_t walked, size_t shown)
{
	progress *p = data;

	if (!p->shown && elapsed(&p->start) < 1.0)
		return;
	p->shown = 1;
	fprintf(stderr, "\rdialdiff: log: %zu commits walked, %zu shown", walked,
		shown);
	fflush(stderr);
}

/*
 * dd_log_opts.each: render one commit and write it out, so that the
 * memory of a log does not grow with its length.  Once something is
 * written, an error can no longer take the output back: the log is then
 * ended with the error (log_end), which keeps a JSON document whole.
 */
typedef struct emitter {
	cli_ctx *ctx;
	dd_buf *out;
	size_t count;		/* commits rendered */
	int written;		/* some output went out */
	int closed;		/* the reader left (EPIPE): stop quietly */
	int write_errno;	/* writing failed otherwise */
} emitter;

static int flush_out(emitter *e)
{
	int rc;

	if (!e->out->len)
		return 0;
	if ((rc = cli_write(e->out)) != 0) {
		if (rc > 0)
			e->closed = 1;
		else
			e->write_errno = errno;
		return -1;
	}
	e->written = 1;
	dd_buf_reset(e->out);
	return 0;
}

static int emit_commit(void *data, const dd_log_commit *c, size_t index,
		       dd_error *err)
{
	emitter *e = data;

	if (e->ctx->renderer->log_commit(e->out, c, index, &e->ctx->ropts) < 0)
		return dd_error_oom(err);
	e->count = index + 1;
	if (flush_out(e) < 0)
		return dd_error_set(err, DD_ERROR, "", 0, 0,
				    "cannot write output: %s",
				    strerror(e->closed ? EPIPE : e->write_errno));
	return 0;
}

static int parse_count(const char *s, size_t *out)
{
	char *end;
	long v;

	if (!*s)
		return -1;
	v = strtol(s, &end, 10);
	if (*end || v < 0)
		return -1;
	*out = (size_t)v;
	return 0;
}

enum { OPT_FIRST_PARENT = 256, OPT_MAX_COUNT, OPT_ONELINE };
const struct option cli_log_options[] = {
	{ "max-count", required_argument, NULL, 'n' },
	{ "first-parent", no_argument, NULL, OPT_FIRST_PARENT },
	{ "oneline", no_argument, NULL, OPT_ONELINE },
	CLI_VIEW_OPTIONS,
	CLI_HELP_OUTPUT_END
};

int cmd_log(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("log");
	dd_buf out = DD_BUF_INIT;
	dd_history *h = NULL;
	dd_log *log = NULL;
	dd_log_opts lopts;
	dd_revrange range;
	char **paths, **resolved = NULL;
	dd_oid inc[2], exc[1];
	progress prog;
	emitter emit;
	int c, rc = 0, nrevs, npaths, none = 0;
	dd_error err;

	memset(&lopts, 0, sizeof(lopts));
	cut_paths(&argc, argv, &paths, &npaths);
	while ((c = cli_getopt(cmd, argc, argv)) != -1) {
		switch (c) {
		case 'n':
			if (parse_count(optarg, &lopts.max_count) < 0)
				return cli_usage(cmd, "-n takes a number, not '%s'",
						 optarg);
			none = !lopts.max_count;	/* -n 0: no commits */
			break;
		case OPT_FIRST_PARENT:
			lopts.first_parent = 1;
			break;
		case OPT_ONELINE:
			ctx->ropts.oneline = 1;
			break;
		default:
			if ((rc = cli_other_option(ctx, cmd, c, argv)) >= 0)
				return rc;	/* a usage error, or --help */
		}
	}
	nrevs = argc - optind;
	if (nrevs > 1)
		return cli_usage(cmd, "log takes one revision or range");
	if ((rc = CLI_NEED(ctx, log_commit)) ||
	    (rc = open_history(ctx, &h, paths, npaths, &resolved)))
		goto out;
	if (dd_revrange_parse(&range, nrevs ? argv[optind] : "HEAD", &err) < 0) {
		rc = cli_usage(cmd, "%s", err.message);
		goto out;
	}
	lopts.include = inc;
	lopts.exclude = exc;
	if ((rc = resolve(ctx, range.kind == DD_RANGE_ONE ? range.from : range.to,
			  &inc[0])))
		goto out;
	lopts.ninclude = 1;
	if (range.kind == DD_RANGE_TWO_DOT) {
		if ((rc = resolve(ctx, range.from, &exc[0])))
			goto out;
		lopts.nexclude = 1;
	} else if (range.kind == DD_RANGE_THREE_DOT) {
		/* the symmetric difference: both sides, not their merge base */
		if ((rc = resolve(ctx, range.from, &inc[1])))
			goto out;
		lopts.ninclude = 2;
		if (dd_git_merge_base(&exc[0], ctx->repo, &inc[0], &inc[1],
				      &err) == 0)
			lopts.nexclude = 1;
		else if (err.code != DD_ENOTFOUND) {
			rc = cli_fail(&err);
			goto out;
		}
	}
	if (dd_history_require(h, &inc[0], rev_name(argv + optind, nrevs),
			       &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	memset(&prog, 0, sizeof(prog));
	memset(&emit, 0, sizeof(emit));
	if (ctx->renderer->log_begin(&out, &ctx->ropts) < 0) {
		rc = cli_failf("out of memory");
		goto out;
	}
	if (!none) {
		/* each commit is rendered and written as soon as it is known */
		emit.ctx = ctx;
		emit.out = &out;
		lopts.each = emit_commit;
		lopts.each_data = &emit;
		/* a progress line on the terminal, unless a pager has it */
		if (isatty(STDERR_FILENO) && !cli_pager_wanted(ctx)) {
			clock_gettime(CLOCK_MONOTONIC, &prog.start);
			lopts.progress = on_progress;
			lopts.progress_data = &prog;
		}
		rc = dd_history_log(&log, h, &lopts, &err);
		if (prog.shown)
			fputs("\r\033[K", stderr);
		if (rc < 0 && emit.closed) {
			rc = 0;		/* as with `| head`: not an error */
			goto out;
		}
		if (rc < 0) {
			rc = cli_fail(&err);
			if (emit.written && !emit.write_errno &&
			    !dd_buf_oom(&out)) {
				/* end what was started; the status says it failed */
				dd_buf_reset(&out);
				if (ctx->renderer->log_end(&out, emit.count, &err,
							   &ctx->ropts) == 0)
					flush_out(&emit);
			}
			goto out;
		}
	}
	rc = cli_emit_rendered(ctx->renderer->log_end(&out, log ?
						      log->ncommits : 0, NULL,
						      &ctx->ropts), &out);
out:
	dd_log_free(log);
	dd_history_free(h);
	dd_source_names_free(resolved);
	dd_buf_release(&out);
	return rc;
}
