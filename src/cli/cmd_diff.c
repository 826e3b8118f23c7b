/* diff: the semantic diff of two rounds, with CI gates. */
#include <stdlib.h>

#include "cli.h"
#include "dialdiff/gate.h"

/* The round before r in its series (by number), or NULL. */
static const dd_round *predecessor(const dd_series *s, const dd_round *r)
{
	const dd_round *best = NULL;
	size_t i;

	for (i = 0; i < s->nrounds; i++)
		if (s->rounds[i]->number < r->number &&
		    (!best || s->rounds[i]->number > best->number))
			best = s->rounds[i];
	return best;
}

/*
 * The rounds to compare, as a sequence in *seq whose consecutive rounds
 * are the pairs: the series' own rounds, or the two in two[] (from, to).
 * Returns the count of pairs, or -status.
 */
static int select_pairs(cli_ctx *ctx, const cli_command *cmd, int all,
			char **ops, int nops, const dd_round **two,
			const dd_round *const **seq)
{
	dd_series *s;
	int rc;

	*seq = two;
	if (all && nops)
		return -cli_usage(cmd, "--all takes no rounds");
	if (nops > 2)
		return -cli_usage(cmd, "diff takes at most two rounds");
	if (nops == 2) {
		if ((rc = cli_round(ctx, ops[0], &two[0])) ||
		    (rc = cli_round(ctx, ops[1], &two[1])))
			return -rc;
	} else if (nops == 1) {
		if ((rc = cli_round(ctx, ops[0], &two[1])) ||
		    (rc = cli_series(ctx, &s)))
			return -rc;
		if (!(two[0] = predecessor(s, two[1])))
			return -cli_failf("%s: round %lld has no earlier round to compare with",
					  ops[0], two[1]->number);
	} else {
		if ((rc = cli_series(ctx, &s)))
			return -rc;
		*seq = (const dd_round *const *)s->rounds;
		if (all)
			return s->nrounds ? (int)s->nrounds - 1 : 0;
		if (s->nrounds < 2)
			return -cli_failf("series %s has %zu round%s: nothing to compare",
					  s->id, s->nrounds, s->nrounds == 1 ? "" : "s");
		*seq += s->nrounds - 2;	/* the last two */
	}
	return 1;
}

enum { OPT_ALL = 256 };
const struct option cli_diff_options[] = {
	{ "all", no_argument, NULL, OPT_ALL },
	CLI_GATE_OPTIONS,
	CLI_VIEW_OPTIONS,
	CLI_HELP_OUTPUT_END
};

int cmd_diff(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("diff");
	const dd_round *two[2], *const *seq;
	dd_diff **diffs = NULL;
	dd_buf out = DD_BUF_INIT;
	int all = 0, c, n, i, rc = 0;
	dd_taxonomy *tx;
	dd_error err;

	while ((c = cli_getopt(cmd, argc, argv)) != -1)
		if (c == OPT_ALL)
			all = 1;
		else if ((rc = cli_other_option(ctx, cmd, c, argv)) >= 0)
			return rc;	/* a usage error, or --help */
	if ((rc = CLI_NEED(ctx, diff)))
		return rc;
	n = select_pairs(ctx, cmd, all, argv + optind, argc - optind, two,
			 &seq);
	if (n < 0)
		return -n;
	if ((rc = cli_taxonomy(ctx, &tx)))
		goto out;
	if (dd_gate_validate(ctx->gates.gates, ctx->gates.n, tx, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	cli_gates_finish(ctx);
	diffs = calloc((size_t)n + 1, sizeof(*diffs));
	if (!diffs) {
		rc = cli_failf("out of memory");
		goto out;
	}
	for (i = 0; i < n; i++)
		if (dd_diff_rounds(&diffs[i], seq[i], seq[i + 1], tx, &err) < 0) {
			rc = cli_fail(&err);
			goto out;
		}
	rc = cli_emit_rendered(ctx->renderer->diff(&out, diffs, (size_t)n,
						   &ctx->ropts), &out);
	if (!rc)
		rc = cli_gates_explain(ctx, diffs, (size_t)n);
out:
	for (i = 0; diffs && diffs[i]; i++)
		dd_diff_free(diffs[i]);
	free(diffs);
	dd_buf_release(&out);
	return rc;
}
