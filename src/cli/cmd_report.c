/* report, timeline, list, show: the commands that render what is loaded. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dialdiff/timeline.h"

/* Build the timeline and every consecutive diff of the series. */
static int build_report(cli_ctx *ctx, dd_report *rep, dd_timeline **tl)
{
	dd_series *s;
	dd_taxonomy *tx;
	dd_error err;
	size_t i;
	int rc;

	memset(rep, 0, sizeof(*rep));
	*tl = NULL;
	if ((rc = cli_series(ctx, &s)) || (rc = cli_taxonomy(ctx, &tx)))
		return rc;
	if (dd_timeline_build(tl, s, tx, &err) < 0)
		return cli_fail(&err);
	rep->series = s;
	rep->tx = tx;
	rep->timeline = *tl;
	rep->diffs = calloc(s->nrounds + 1, sizeof(*rep->diffs));
	if (!rep->diffs)
		return cli_failf("out of memory");
	for (i = 0; i + 1 < s->nrounds; i++) {
		if (dd_diff_rounds(&rep->diffs[i], s->rounds[i], s->rounds[i + 1],
				   tx, &err) < 0)
			return cli_fail(&err);
		rep->ndiffs++;
	}
	return 0;
}

static void free_report(dd_report *rep, dd_timeline *tl)
{
	size_t i;

	for (i = 0; i < rep->ndiffs; i++)
		dd_diff_free(rep->diffs[i]);
	free(rep->diffs);
	dd_timeline_free(tl);
}

int cmd_report(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("report");
	dd_buf out = DD_BUF_INIT;
	dd_timeline *tl = NULL;
	dd_report rep;
	int rc, i = cli_operands(ctx, cmd, argc, argv, &rc);

	if (i < 0)
		return rc;
	if (i < argc)
		return cli_usage(cmd, "report takes no operands");
	if ((rc = CLI_NEED(ctx, report)))
		return rc;
	rc = build_report(ctx, &rep, &tl);
	if (!rc)
		rc = cli_emit_rendered(ctx->renderer->report(&out, &rep,
							     &ctx->ropts), &out);
	dd_buf_release(&out);
	free_report(&rep, tl);
	return rc;
}

int cmd_timeline(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("timeline");
	dd_buf out = DD_BUF_INIT;
	dd_timeline *tl = NULL;
	dd_series *s;
	dd_taxonomy *tx;
	dd_error err;
	int rc, i = cli_operands(ctx, cmd, argc, argv, &rc);

	if (i < 0)
		return rc;
	if (i < argc)
		return cli_usage(cmd, "timeline takes no operands");
	if ((rc = CLI_NEED(ctx, timeline)) ||
	    (rc = cli_series(ctx, &s)) || (rc = cli_taxonomy(ctx, &tx)))
		return rc;
	if (dd_timeline_build(&tl, s, tx, &err) < 0)
		return cli_fail(&err);
	rc = cli_emit_rendered(ctx->renderer->timeline(&out, tl, &ctx->ropts),
			       &out);
	dd_buf_release(&out);
	dd_timeline_free(tl);
	return rc;
}

int cmd_show(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("show");
	dd_buf out = DD_BUF_INIT;
	const dd_round *r;
	dd_taxonomy *tx;
	int rc, i = cli_operands(ctx, cmd, argc, argv, &rc);

	if (i < 0)
		return rc;
	if (argc - i != 1)
		return cli_usage(cmd, "show takes one round");
	if ((rc = CLI_NEED(ctx, show)) ||
	    (rc = cli_round(ctx, argv[i], &r)) || (rc = cli_taxonomy(ctx, &tx)))
		return rc;
	/* the series loaded for the round names its chairs' parties */
	if (ctx->series && r->series && !strcmp(ctx->series->id, r->series))
		ctx->ropts.series = ctx->series;
	rc = cli_emit_rendered(ctx->renderer->show(&out, r, tx, &ctx->ropts),
			       &out);
	dd_buf_release(&out);
	return rc;
}

int cmd_list(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("list");
	dd_buf out = DD_BUF_INIT;
	dd_listing l;
	dd_project *p;
	dd_error err;
	char **names = NULL;
	size_t n, k;
	int rc, i = cli_operands(ctx, cmd, argc, argv, &rc);

	if (i < 0)
		return rc;
	if (i < argc)
		return cli_usage(cmd, "list takes no operands");
	if ((rc = CLI_NEED(ctx, list)) || (rc = cli_project(ctx, &p)) ||
	    (rc = cli_series_ids(p, ctx->series_id, &names, &n)))
		return rc;
	memset(&l, 0, sizeof(l));
	l.series = calloc(n + 1, sizeof(*l.series));
	l.txs = calloc(n + 1, sizeof(*l.txs));
	if (!l.series || !l.txs)
		rc = cli_failf("out of memory");
	for (k = 0; !rc && k < n; k++) {
		dd_diags diags = DD_DIAGS_INIT;
		const char *tp;
		dd_taxonomy *tx = NULL;
		char *dir;

		if (ctx->series_id && strcmp(names[k], ctx->series_id))
			continue;
		if (!(dir = dd_path_join(dd_project_dir(p), names[k]))) {
			rc = cli_failf("out of memory");
			break;
		}
		if (dd_project_load_series(&l.series[l.nseries], p, dir, &diags,
					   0, &err) < 0)
			rc = cli_fail_at(dd_project_source(p), &err);
		/* section titles come from the series' taxonomy, when it has
		   one that loads */
		tp = rc ? NULL : dd_project_taxonomy_path(p, dir);
		if (!rc && tp && (ctx->taxonomy_path ||
				  dd_source_type(dd_project_source(p), tp) ==
				  DD_SOURCE_FILE))
			rc = cli_taxonomy_of_series(ctx, names[k], &tx);
		if (!rc) {
			l.txs[l.nseries++] = tx;
			ctx->tx = NULL;	/* the next series reads its own */
		}
		dd_diags_release(&diags);
		free(dir);
	}
	if (!rc)
		rc = cli_emit_rendered(ctx->renderer->list(&out, &l, &ctx->ropts),
				       &out);
	for (k = 0; k < l.nseries; k++)
		dd_series_free(l.series[k]);
	free(l.series);
	free(l.txs);
	dd_source_names_free(names);
	dd_buf_release(&out);
	return rc;
}
