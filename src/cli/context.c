/*
 * context.c - what commands share: the source, the taxonomy, the series,
 * and round selectors.  Everything is loaded on first use.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s%s%s", a, *a && a[strlen(a) - 1] != '/' ? "/" : "", b);
	return p;
}

int cli_source(cli_ctx *ctx, dd_source **out)
{
	dd_error err;

	*out = NULL;
	if (!ctx->src && dd_source_worktree(&ctx->src, NULL, &err) < 0)
		return cli_fail(&err);
	*out = ctx->src;
	return 0;
}

/* Print the diagnostics of a failed load: every error, then fail. */
static int fail_load(const dd_diags *diags, const dd_error *err)
{
	size_t i, shown = 0;

	for (i = 0; diags && i < diags->count; i++) {
		const dd_diag *d = &diags->items[i];

		if (d->severity != DD_SEV_ERROR)
			continue;
		if (d->line)
			fprintf(stderr, "dialdiff: %s:%d:%d: %s\n", d->file,
				d->line, d->column, d->message);
		else
			fprintf(stderr, "dialdiff: %s: %s\n", d->file, d->message);
		shown++;
	}
	if (!shown)
		cli_fail(err);
	return EXIT_USAGE;
}

static int load_taxonomy_file(cli_ctx *ctx, const char *path)
{
	dd_buf buf = DD_BUF_INIT;
	dd_diags diags = DD_DIAGS_INIT;
	dd_source *src = NULL;
	dd_error err;
	int rc;

	if ((rc = cli_source(ctx, &src)))
		return rc;
	rc = dd_source_read(&buf, src, path, 0, &err);
	if (rc == DD_ENOTFOUND)
		rc = dd_error_set(&err, rc, path, 0, 0,
				  "no taxonomy here (use --taxonomy FILE or --dialogues DIR)");
	if (rc == 0)
		/* lazily: patterns are compiled when a label needs them */
		rc = dd_taxonomy_load_flags(&ctx->tx, buf.ptr, buf.len, path,
					    DD_TAXONOMY_LAZY, &diags, &err);
	dd_buf_release(&buf);
	if (rc < 0) {
		fail_load(&diags, &err);
		dd_diags_release(&diags);
		return EXIT_USAGE;
	}
	dd_diags_release(&diags);
	ctx->tx_path = strdup(path);
	return 0;
}

/* The taxonomy: --taxonomy, else the series' own, else DIALOGUES/taxonomy.json. */
int cli_taxonomy(cli_ctx *ctx, dd_taxonomy **out)
{
	char *path = NULL;
	int rc;

	if (!ctx->tx) {
		if (ctx->taxonomy_path)
			path = strdup(ctx->taxonomy_path);
		else if (ctx->series && ctx->series->taxonomy)
			path = join(ctx->series->dir, ctx->series->taxonomy);
		else
			path = join(ctx->dialogues, "taxonomy.json");
		if (!path)
			return cli_failf("out of memory");
		rc = load_taxonomy_file(ctx, path);
		free(path);
		if (rc)
			return rc;
	}
	*out = ctx->tx;
	return 0;
}

static int classify(cli_ctx *ctx, dd_round *r)
{
	dd_taxonomy *tx;
	dd_error err;
	int rc = cli_taxonomy(ctx, &tx);

	if (rc)
		return rc;
	if (dd_taxonomy_classify_round(tx, r, NULL, &err) < 0)
		return cli_fail(&err);
	return 0;
}

/* The series folder to use: --series, else the only one there is. */
static int pick_series(cli_ctx *ctx, char **dir)
{
	char **names;
	size_t n, i;
	dd_source *src = NULL;
	dd_error err;
	int rc;

	if ((rc = cli_source(ctx, &src)))
		return rc;
	if (ctx->series_id) {
		*dir = join(ctx->dialogues, ctx->series_id);
		if (!*dir)
			return cli_failf("out of memory");
		if (dd_source_type(src, *dir) != DD_SOURCE_DIR) {
			cli_failf("%s: no such series (no folder %s)",
				  ctx->series_id, *dir);
			free(*dir);
			return EXIT_USAGE;
		}
		return 0;
	}
	if (dd_series_list(&names, &n, src, ctx->dialogues, &err) < 0)
		return cli_fail(&err);
	if (n != 1) {
		if (!n)
			cli_failf("%s: no series found (a series is a folder with a series.json)",
				  ctx->dialogues);
		else {
			fprintf(stderr, "dialdiff: %s holds %zu series; choose one with --series:",
				ctx->dialogues, n);
			for (i = 0; i < n; i++)
				fprintf(stderr, " %s", names[i]);
			fputc('\n', stderr);
		}
		dd_source_names_free(names);
		return EXIT_USAGE;
	}
	*dir = join(ctx->dialogues, names[0]);
	dd_source_names_free(names);
	return *dir ? 0 : cli_failf("out of memory");
}

int cli_series(cli_ctx *ctx, dd_series **out)
{
	dd_diags diags = DD_DIAGS_INIT;
	dd_source *src = NULL;
	dd_error err;
	char *dir = NULL;
	size_t i;
	int rc;

	if (ctx->series) {
		*out = ctx->series;
		return 0;
	}
	if ((rc = cli_source(ctx, &src)) || (rc = pick_series(ctx, &dir)))
		return rc;
	rc = dd_series_load(&ctx->series, src, dir, 0, &diags, 0, &err);
	free(dir);
	if (rc < 0) {
		fail_load(&diags, &err);
		dd_diags_release(&diags);
		return EXIT_USAGE;
	}
	dd_diags_release(&diags);
	for (i = 0; i < ctx->series->nrounds; i++)
		if ((rc = classify(ctx, ctx->series->rounds[i])))
			return rc;
	*out = ctx->series;
	return 0;
}

/* "123" -> 123; anything else -> -1. */
static long long parse_number(const char *s)
{
	long long n = 0;

	if (!*s || strlen(s) > 9)
		return -1;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s))
			return -1;
		n = n * 10 + (*s - '0');
	}
	return n;
}

static int round_of_series(cli_ctx *ctx, long long n, const char *sel,
			   const dd_round **out)
{
	dd_series *s;
	int rc = cli_series(ctx, &s);

	if (rc)
		return rc;
	*out = dd_series_round(s, n);
	if (!*out)
		return cli_failf("%s: series %s has no round %lld (it has %zu round%s)",
				 sel, s->id, n, s->nrounds,
				 s->nrounds == 1 ? "" : "s");
	return 0;
}

static int round_from_path(cli_ctx *ctx, const char *path,
			   const dd_round **out)
{
	dd_buf buf = DD_BUF_INIT;
	dd_diags diags = DD_DIAGS_INIT;
	dd_round *r = NULL, **grown;
	dd_source *src = NULL;
	dd_error err;
	int rc;

	if ((rc = cli_source(ctx, &src)))
		return rc;
	rc = dd_source_read(&buf, src, path, 0, &err);
	if (rc == DD_ENOTFOUND)
		return cli_failf("%s: not a round number, SERIES/N or an existing file",
				 path);
	if (rc == 0)
		rc = dd_round_load(&r, buf.ptr, buf.len, path, &diags, &err);
	dd_buf_release(&buf);
	if (rc < 0) {
		dd_round_free(r);
		fail_load(&diags, &err);
		dd_diags_release(&diags);
		return EXIT_USAGE;
	}
	dd_diags_release(&diags);
	grown = realloc(ctx->extra, (ctx->nextra + 1) * sizeof(*grown));
	if (!grown) {
		dd_round_free(r);
		return cli_failf("out of memory");
	}
	ctx->extra = grown;
	ctx->extra[ctx->nextra++] = r;
	if ((rc = classify(ctx, r)))
		return rc;
	*out = r;
	return 0;
}

int cli_round(cli_ctx *ctx, const char *sel, const dd_round **out)
{
	const char *slash = strchr(sel, '/');
	long long n = parse_number(sel);
	dd_source *src = NULL;
	int rc;

	if (n >= 0)
		return round_of_series(ctx, n, sel, out);
	if ((rc = cli_source(ctx, &src)))
		return rc;
	/* SERIES/N, when DIALOGUES/SERIES is a folder and no such file exists */
	if (slash && !strchr(slash + 1, '/') && parse_number(slash + 1) >= 0 &&
	    dd_source_type(src, sel) != DD_SOURCE_FILE) {
		char id[256], *dir;
		int isdir;

		snprintf(id, sizeof(id), "%.*s", (int)(slash - sel), sel);
		dir = join(ctx->dialogues, id);
		if (!dir)
			return cli_failf("out of memory");
		isdir = dd_source_type(src, dir) == DD_SOURCE_DIR;
		free(dir);
		if (!isdir)
			return cli_failf("%s: no series '%s' in %s", sel, id,
					 ctx->dialogues);
		if (ctx->series_id && strcmp(ctx->series_id, id))
			return cli_failf("%s: rounds of two series (%s and %s) cannot be compared by number; give paths",
					 sel, ctx->series_id, id);
		snprintf(ctx->series_buf, sizeof(ctx->series_buf), "%s", id);
		ctx->series_id = ctx->series_buf;
		return round_of_series(ctx, parse_number(slash + 1), sel, out);
	}
	return round_from_path(ctx, sel, out);
}
