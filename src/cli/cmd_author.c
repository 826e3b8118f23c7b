/*
 * init [SERIES] and new [SERIES] [--date D] [--title T] [--from N |
 * --empty]: start a record, and draft the next round of a series.
 *
 * author.h does the work; this file parses the options and prints the
 * paths written, one a line, relative to the current folder (so that
 * `$EDITOR "$(dialdiff new SERIES)"` opens the file).  Both write the
 * working tree only, and never over a file.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dialdiff/author.h"

/* Append path (a source path: from the top of the work tree in a
 * repository) as reached from the current folder, and a newline. */
static void add_shown(dd_buf *out, const cli_ctx *ctx, const char *path)
{
	const char *pre = ctx->in_repo && ctx->prefix ? ctx->prefix : "";
	size_t n = strlen(pre), i;

	if (path[0] != '/' && n) {
		if (!strncmp(path, pre, n))
			path += n;
		else
			for (i = 0; i < n; i++)
				if (pre[i] == '/')
					dd_buf_adds(out, "../");
	}
	dd_buf_adds(out, path);
	dd_buf_addc(out, '\n');
}

int cli_need_worktree(cli_ctx *ctx, const char *cmd)
{
	cli_locate(ctx);
	if (ctx->rev)
		return cli_failf("%s writes the working tree: --rev does not apply",
				 cmd);
	if (ctx->bare)
		return cli_failf("%s writes files, and a bare repository has no working tree",
				 cmd);
	return 0;
}

int cli_write_round(cli_ctx *ctx, const char *cmd, const char *path,
		    const dd_buf *text)
{
	dd_buf out = DD_BUF_INIT;
	dd_project *p;
	dd_error err;
	int rc;

	if ((rc = cli_need_worktree(ctx, cmd)) || (rc = cli_project(ctx, &p)))
		return rc;
	if (dd_author_write_new(p, path, text->ptr, text->len, &err) < 0)
		return cli_fail(&err);
	add_shown(&out, ctx, path);
	rc = cli_emit(&out);
	dd_buf_release(&out);
	return rc;
}

int cmd_init(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("init");
	dd_buf out = DD_BUF_INIT;
	char **made = NULL;
	dd_project *p;
	dd_error err;
	size_t n = 0, i;
	int rc, k = cli_operands(ctx, cmd, argc, argv, &rc);

	if (k < 0)
		return rc;
	if (argc - k > 1)
		return cli_usage(cmd, "init sets up one series at a time");
	if ((rc = cli_need_worktree(ctx, "init")) || (rc = cli_project(ctx, &p)))
		return rc;
	if (dd_author_init(&made, &n, p, k < argc ? argv[k] : NULL, &err) < 0) {
		for (i = 0; i < n; i++)
			cli_warnf("%s: written before the failure below", made[i]);
		rc = cli_fail(&err);
	} else {
		for (i = 0; i < n; i++)
			add_shown(&out, ctx, made[i]);
		rc = cli_emit(&out);
	}
	dd_source_names_free(made);
	dd_buf_release(&out);
	return rc;
}

/* "N" (a round number, at least 1) into *n; -1 when it is not one. */
static int round_number(const char *s, long long *n)
{
	char *end;

	errno = 0;
	*n = strtoll(s, &end, 10);
	return s[0] >= '0' && s[0] <= '9' && !*end && !errno && *n > 0 ? 0 : -1;
}

enum { OPT_DATE = 256, OPT_TITLE, OPT_FROM, OPT_EMPTY };
const struct option cli_new_options[] = {
	{ "date", required_argument, NULL, OPT_DATE },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "empty", no_argument, NULL, OPT_EMPTY },
	CLI_HELP_OUTPUT_END
};

/* Print the notes of a draft (items carried without an id). */
static void warn_notes(const dd_diags *notes)
{
	size_t i;

	for (i = 0; i < notes->count; i++)
		cli_warnf("%s:%d:%d: warning: %s [%s]", notes->items[i].file,
			  notes->items[i].line, notes->items[i].column,
			  notes->items[i].message, notes->items[i].rule);
}

int cmd_new(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("new");
	dd_author_draft_opts o;
	dd_diags notes = DD_DIAGS_INIT;
	dd_buf text = DD_BUF_INIT;
	const dd_round *picked;
	dd_round *from = NULL, *r = NULL;
	dd_series *s = NULL;
	dd_taxonomy *tx;
	dd_project *p;
	const char *series, *title = NULL;
	char *path = NULL, sel[64];
	long long n, from_n = 0;	/* --from; 0: the last round */
	dd_error err;
	int c, rc, empty = 0;

	memset(&o, 0, sizeof(o));
	while ((c = cli_getopt(cmd, argc, argv)) != -1) {
		switch (c) {
		case OPT_DATE: o.date = optarg; break;
		case OPT_TITLE: title = optarg; break;
		case OPT_EMPTY: empty = 1; break;
		case OPT_FROM:
			if (round_number(optarg, &from_n) < 0)
				return cli_usage(cmd, "--from takes a round number, not '%s'",
						 optarg);
			break;
		default:
			if ((rc = cli_other_option(ctx, cmd, c, argv)) >= 0)
				return rc;	/* a usage error, or --help */
		}
	}
	if (empty && from_n)
		return cli_usage(cmd, "--from and --empty go alone");
	if (argc - optind > 1)
		return cli_usage(cmd, "new drafts a round of one series");
	if (!(series = optind < argc ? argv[optind] : ctx->series_id))
		return cli_usage(cmd, "name the series: dialdiff new SERIES");
	if ((rc = cli_need_worktree(ctx, "new")) || (rc = cli_project(ctx, &p)))
		return rc;
	if (dd_author_series(&s, p, series, NULL, &err) < 0)
		return cli_fail(&err);
	if ((rc = cli_taxonomy_of_series(ctx, s->id, &tx)))
		goto out;
	if (from_n) {
		snprintf(sel, sizeof(sel), "--from %lld", from_n);
		if ((rc = cli_pick_round(s, from_n, sel, dd_project_source(p),
					 &picked)))
			goto out;
		from = dd_series_round(s, from_n);
	} else if (!empty && s->nrounds) {
		from = s->rounds[s->nrounds - 1];
	}
	if (from && dd_taxonomy_classify_round(tx, from, NULL, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	o.from = from;
	if (title && ctx->ropts.lang == DD_LANG_ZH)
		o.title.zh = title;
	else
		o.title.en = title;
	if (dd_author_next_round(&path, &n, s, &err) < 0 ||
	    dd_author_draft(&r, s, n, tx, &o, &notes, &err) < 0) {
		rc = err.code == DD_EUSAGE ? cli_failf("--date: %s", err.message)
					   : cli_fail(&err);
		goto out;
	}
	warn_notes(&notes);
	if (dd_author_round_json(&text, r, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if (!(rc = cli_write_round(ctx, "new", path, &text)) && !o.date)
		cli_warnf("%s: no --date given: fill in \"date\" before check accepts round %lld",
			  path, n);
out:
	dd_round_free(r);
	dd_series_free(s);
	dd_diags_release(&notes);
	dd_buf_release(&text);
	free(path);
	return rc;
}
