/*
 * context.c - what commands share: the source, the taxonomy, the series,
 * and round selectors.  Everything is loaded on first use.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dialdiff/selector.h"

dd_git_repo *cli_repo_try(cli_ctx *ctx)
{
	if (!ctx->repo_tried) {
		ctx->repo_tried = 1;
		if (dd_git_open(&ctx->repo, &ctx->repo_err) < 0)
			ctx->repo = NULL;
		if (!ctx->prefix_buf)	/* else cli_locate found it */
			ctx->prefix = ctx->repo ? dd_git_prefix(ctx->repo) : "";
	}
	return ctx->repo;
}

int cli_repo(cli_ctx *ctx, dd_git_repo **out)
{
	*out = cli_repo_try(ctx);
	return *out ? 0 : cli_fail(&ctx->repo_err);
}

void cli_locate(cli_ctx *ctx)
{
	dd_git_repo *repo;

	if (ctx->located)
		return;
	ctx->located = 1;
	if (!ctx->repo_tried &&
	    dd_git_find_worktree(&ctx->top_buf, &ctx->prefix_buf) > 0) {
		ctx->in_repo = 1;
		ctx->top = ctx->top_buf;
		ctx->prefix = ctx->prefix_buf;
		return;
	}
	repo = cli_repo_try(ctx);
	ctx->in_repo = repo != NULL;
	ctx->bare = repo && dd_git_is_bare(repo);
	ctx->top = repo ? dd_git_workdir(repo) : NULL;
}

/* rel from folder pre (dd_path_resolve) into *out, malloc'd; 0, or
 * EXIT_USAGE after a message that names what the user wrote. */
static int resolve(const char *pre, const char *rel, const char *what,
		   char **out)
{
	size_t size = strlen(pre) + strlen(rel) + 2;
	dd_error err;

	if (!(*out = malloc(size)))
		return cli_failf("out of memory");
	if (dd_path_resolve(*out, size, pre, rel, &err) < 0) {
		free(*out);
		*out = NULL;
		return cli_failf("%s: %s", what, err.message);
	}
	return 0;
}

int cli_path(cli_ctx *ctx, const char *user, char **out)
{
	const char *top, *rel = user, *pre;
	size_t n;

	cli_locate(ctx);
	top = ctx->top;
	n = top ? strlen(top) : 0;
	pre = ctx->prefix;
	*out = NULL;
	if (!ctx->in_repo ||
	    (user[0] == '/' && !(top && !strncmp(user, top, n - 1) &&
				 (user[n - 1] == '/' || !user[n - 1])))) {
		/* no repository, or an absolute path outside the work tree */
		if (ctx->in_repo && (ctx->rev || !top))
			return cli_failf("%s: outside the repository: only paths in the repository can be read at a revision",
					 user);
		*out = strdup(user);
		return *out ? 0 : cli_failf("out of memory");
	}
	if (user[0] == '/') {
		/* inside the work tree: relative to its top */
		rel = user[n - 1] ? user + n : "";
		pre = "";
	}
	return resolve(pre, rel, user, out);
}

int cli_setup_paths(cli_ctx *ctx)
{
	const char *dir;
	int rc;

	cli_locate(ctx);
	if (ctx->paths_done)
		return 0;
	ctx->paths_done = 1;
	if (!ctx->dialogues_given) {
		/* dialdiff.dir: relative to the top of the work tree */
		dir = cli_setting_string(ctx, CLI_CFG_DIR, &rc);
		if (rc)
			return rc;
		if (dir)
			ctx->dialogues = dir;
	} else {
		if ((rc = cli_path(ctx, ctx->dialogues, &ctx->dialogues_buf)))
			return rc;
		ctx->dialogues = *ctx->dialogues_buf ? ctx->dialogues_buf : ".";
	}
	if (ctx->taxonomy_path) {
		if ((rc = cli_path(ctx, ctx->taxonomy_path, &ctx->taxonomy_buf)))
			return rc;
		ctx->taxonomy_path = ctx->taxonomy_buf;
	}
	return 0;
}

int cli_source(cli_ctx *ctx, dd_source **out)
{
	dd_git_repo *repo;
	dd_error err;
	int rc;

	*out = NULL;
	cli_locate(ctx);
	if (!ctx->src) {
		if (ctx->rev || ctx->bare) {
			/* a bare repository has no work tree: read HEAD */
			if ((rc = cli_repo(ctx, &repo)))
				return rc;
			if (dd_source_git(&ctx->src, repo,
					  ctx->rev ? ctx->rev : "HEAD", &err) < 0)
				return cli_fail(&err);
		} else {
			char *root = NULL;

			if (ctx->in_repo) {
				root = strdup(ctx->top);
				if (!root)
					return cli_failf("out of memory");
				if (strlen(root) > 1)
					root[strlen(root) - 1] = '\0';
			}
			rc = dd_source_worktree(&ctx->src, root, &err);
			free(root);
			if (rc < 0)
				return cli_fail(&err);
		}
	}
	if ((rc = cli_setup_paths(ctx)))
		return rc;
	*out = ctx->src;
	return 0;
}

int cli_rev_source(cli_ctx *ctx, const char *rev, const char *what,
		   cli_rev **out)
{
	dd_git_repo *repo;
	cli_rev *grown, *r;
	dd_error err;
	size_t i;
	int rc;

	for (i = 0; i < ctx->nrevs; i++)
		if (!strcmp(ctx->revs[i].rev, rev)) {
			*out = &ctx->revs[i];
			return 0;
		}
	if ((rc = cli_repo(ctx, &repo)))
		return rc;
	grown = realloc(ctx->revs, (ctx->nrevs + 1) * sizeof(*grown));
	if (!grown)
		return cli_failf("out of memory");
	ctx->revs = grown;
	r = &ctx->revs[ctx->nrevs];
	memset(r, 0, sizeof(*r));
	if (dd_source_git(&r->src, repo, rev, &err) < 0) {
		if (what)
			snprintf(err.file, sizeof(err.file), "%s", what);
		return cli_fail(&err);
	}
	if (!(r->rev = strdup(rev))) {
		dd_source_free(r->src);
		return cli_failf("out of memory");
	}
	ctx->nrevs++;
	*out = r;
	return 0;
}

int cli_fail_at(const dd_source *src, const dd_error *err)
{
	dd_error named = *err;

	dd_source_name(named.file, sizeof(named.file), src, err->file);
	return cli_fail(&named);
}

/* The status of a load from src that returned rc: 0, or EXIT_USAGE after
 * printing its errors (every error of diags, else err).  Releases diags. */
static int loaded(const dd_source *src, dd_diags *diags, const dd_error *err,
		  int rc)
{
	char name[DD_ERROR_FILE_MAX];
	size_t i, shown = 0;

	for (i = 0; rc < 0 && i < diags->count; i++) {
		const dd_diag *d = &diags->items[i];

		if (d->severity != DD_SEV_ERROR)
			continue;
		dd_source_name(name, sizeof(name), src, d->file);
		if (d->line)
			cli_warnf("%s:%d:%d: %s", name, d->line, d->column,
				  d->message);
		else
			cli_warnf("%s: %s", name, d->message);
		shown++;
	}
	if (rc < 0 && !shown)
		cli_fail_at(src, err);
	dd_diags_release(diags);
	return rc < 0 ? EXIT_USAGE : 0;
}

/* The project of source src (the current source's, or a revision's),
 * made on first use into *slot. */
static int project_of(cli_ctx *ctx, dd_source *src, dd_project **slot,
		      dd_project **out)
{
	dd_project_opts opts;
	dd_error err;

	if (!*slot) {
		memset(&opts, 0, sizeof(opts));
		opts.dir = ctx->dialogues;
		opts.taxonomy = ctx->taxonomy_path;
		opts.lazy = 1;	/* patterns compiled when a label needs them */
		if (dd_project_new(slot, src, &opts, &err) < 0)
			return cli_fail(&err);
	}
	*out = *slot;
	return 0;
}

int cli_project(cli_ctx *ctx, dd_project **out)
{
	dd_source *src;
	int rc = cli_source(ctx, &src);

	return rc ? rc : project_of(ctx, src, &ctx->project, out);
}

/* The taxonomy of the series in folder sdir of p (NULL: the default). */
static int taxonomy_of(dd_project *p, const char *sdir, dd_taxonomy **out)
{
	dd_diags diags = DD_DIAGS_INIT;
	const char *path = dd_project_taxonomy_path(p, sdir);
	dd_error err;
	int rc;

	if (!path)
		return cli_failf("out of memory");
	rc = dd_project_taxonomy(out, p, path, &diags, &err);
	return loaded(dd_project_source(p), &diags, &err, rc);
}

/* The taxonomy: --taxonomy, else the series' own, else DIALOGUES/taxonomy.json. */
int cli_taxonomy(cli_ctx *ctx, dd_taxonomy **out)
{
	dd_project *p;
	int rc;

	if (!ctx->tx) {
		if ((rc = cli_project(ctx, &p)) ||
		    (rc = taxonomy_of(p, ctx->series ? ctx->series->dir : NULL,
				      &ctx->tx)))
			return rc;
	}
	*out = ctx->tx;
	return 0;
}

/* 1 when id can name a series folder: a name, not a path. */
static int series_id_ok(const char *id)
{
	return id && *id && !strchr(id, '/') && strcmp(id, ".") &&
	       strcmp(id, "..");
}

int cli_taxonomy_of_series(cli_ctx *ctx, const char *id, dd_taxonomy **out)
{
	dd_project *p;
	char *sdir;
	int rc;

	if (ctx->tx || ctx->taxonomy_path || !series_id_ok(id))
		return cli_taxonomy(ctx, out);
	if ((rc = cli_project(ctx, &p)))
		return rc;
	if (!(sdir = dd_path_join(dd_project_dir(p), id)))
		return cli_failf("out of memory");
	rc = taxonomy_of(p, sdir, &ctx->tx);
	free(sdir);
	if (rc)
		return rc;
	*out = ctx->tx;
	return 0;
}

int cli_series_ids(dd_project *p, const char *id, char ***names, size_t *n)
{
	dd_error err;
	size_t i;

	if (dd_project_series(names, n, p, 0, &err) < 0)
		return cli_fail(&err);
	for (i = 0; id && i < *n; i++)
		if (!strcmp((*names)[i], id))
			return 0;
	if (!id)
		return 0;
	dd_source_names_free(*names);
	*names = NULL;
	return cli_failf("%s: no such series in %s", id, dd_project_dir(p));
}

/* The series folder to use in p: id, else the only one there is; conf:
 * the setting id comes from (dialdiff.series), NULL for --series or a
 * selector. */
static int pick_series(dd_project *p, const char *id,
		       const dd_git_setting *conf, char **dir)
{
	dd_source *src = dd_project_source(p);
	char **names, where[300];
	size_t n, i;
	dd_error err;

	dd_source_at(where, sizeof(where), src);
	if (dd_project_require(p, &err) < 0)
		return cli_fail(&err);
	if (id) {
		*dir = dd_path_join(dd_project_dir(p), id);
		if (!*dir)
			return cli_failf("out of memory");
		if (dd_source_type(src, *dir) != DD_SOURCE_DIR) {
			char why[600];

			snprintf(why, sizeof(why), "no such series (no folder %s%s)",
				 *dir, where);
			if (conf)
				cli_config_bad(conf, why);
			else
				cli_failf("%s: %s", id, why);
			free(*dir);
			return EXIT_USAGE;
		}
		return 0;
	}
	if (dd_project_series(&names, &n, p, 0, &err) < 0)
		return cli_fail(&err);
	if (n != 1) {
		if (!n)
			cli_failf("%s: no series found%s (a series is a folder with a series.json)",
				  dd_project_dir(p), where);
		else {
			dd_buf ids = DD_BUF_INIT;

			for (i = 0; i < n; i++)
				dd_buf_addf(&ids, " %s", names[i]);
			cli_warnf("%s holds %zu series%s; choose one with --series:%s (or set git config dialdiff.series)",
				  dd_project_dir(p), n, where,
				  ids.ptr ? ids.ptr : "");
			dd_buf_release(&ids);
		}
		dd_source_names_free(names);
		return EXIT_USAGE;
	}
	*dir = dd_path_join(dd_project_dir(p), names[0]);
	dd_source_names_free(names);
	return *dir ? 0 : cli_failf("out of memory");
}

/* Load the series id (or the only one) of project p into *out, classified
 * with the taxonomy that series reads in the current source. */
static int load_series(cli_ctx *ctx, dd_project *p, const char *id,
		       dd_series **out)
{
	dd_diags diags = DD_DIAGS_INIT;
	const dd_git_setting *conf = NULL;
	dd_taxonomy *tx;
	dd_error err;
	char *dir = NULL;
	size_t i;
	int rc;

	if (!id) {	/* the default series: git config dialdiff.series */
		id = cli_setting_string(ctx, CLI_CFG_SERIES, &rc);
		if (rc)
			return rc;
		if (id)
			conf = cli_setting(ctx, CLI_CFG_SERIES);
		if (id && !series_id_ok(id))
			return cli_config_bad(conf, "not a series id");
	}
	if ((rc = pick_series(p, id, conf, &dir)))
		return rc;
	rc = dd_project_load_series(out, p, dir, &diags, 0, &err);
	free(dir);
	if ((rc = loaded(dd_project_source(p), &diags, &err, rc)) ||
	    (rc = cli_taxonomy_of_series(ctx, (*out)->id, &tx)))
		return rc;
	for (i = 0; i < (*out)->nrounds; i++)
		if (dd_taxonomy_classify_round(tx, (*out)->rounds[i], NULL,
					       &err) < 0)
			return cli_fail(&err);
	return 0;
}

int cli_series(cli_ctx *ctx, dd_series **out)
{
	dd_project *p;
	int rc;

	if (!ctx->series) {
		if ((rc = cli_project(ctx, &p)) ||
		    (rc = load_series(ctx, p, ctx->series_id, &ctx->series)))
			return rc;
	}
	*out = ctx->series;
	return 0;
}

int cli_pick_round(const dd_series *s, long long n, const char *sel,
		   dd_source *src, const dd_round **out)
{
	dd_buf have = DD_BUF_INIT;
	char where[300];
	size_t i;

	*out = dd_series_round(s, n);
	if (*out)
		return 0;
	for (i = 0; i < s->nrounds; i++)
		dd_buf_addf(&have, "%s%lld", i ? ", " : "", s->rounds[i]->number);
	cli_failf("%s: series %s has no round %lld%s (it has %s%s)", sel, s->id,
		  n, dd_source_at(where, sizeof(where), src),
		  s->nrounds ? (s->nrounds == 1 ? "round " : "rounds ") : "no rounds",
		  have.ptr ? have.ptr : "");
	dd_buf_release(&have);
	return EXIT_USAGE;
}

/* Round n of a series as recorded at rev. */
static int round_at_rev(cli_ctx *ctx, const dd_selector *sel,
			const dd_round **out)
{
	const char *id = sel->series ? sel->series : ctx->series_id;
	dd_project *p;
	cli_rev *r;
	int rc;

	if ((rc = cli_rev_source(ctx, sel->rev, sel->path, &r)))
		return rc;
	if (r->series && id && strcmp(r->series->id, id)) {
		/* another series at the same revision */
		dd_series_free(r->series);
		r->series = NULL;
	}
	if (!r->series &&
	    ((rc = project_of(ctx, r->src, &r->project, &p)) ||
	     (rc = load_series(ctx, p, id, &r->series))))
		return rc;
	return cli_pick_round(r->series, sel->number, sel->path, r->src, out);
}

/* The round in file path of src (a path of the source); sel is what the
 * user wrote, for messages. */
static int round_from_path(cli_ctx *ctx, dd_source *src, const char *path,
			   const char *sel, const dd_round **out)
{
	dd_buf buf = DD_BUF_INIT;
	dd_diags diags = DD_DIAGS_INIT;
	dd_round *r = NULL, **grown;
	dd_taxonomy *tx;
	dd_error err;
	int rc;

	rc = dd_source_read(&buf, src, path, 0, &err);
	if (rc == DD_ENOTFOUND && !dd_source_rev(src))
		return cli_failf("%s: not a round number, SERIES/N or an existing file",
				 sel);
	if (rc == 0)
		rc = dd_round_load(&r, buf.ptr, buf.len, path, &diags, &err);
	dd_buf_release(&buf);
	if ((rc = loaded(src, &diags, &err, rc))) {
		dd_round_free(r);
		return rc;
	}
	if (dd_source_rev(src) &&
	    !(r->rev = dd_arena_strdup(&r->arena, dd_source_rev(src)))) {
		dd_round_free(r);
		return cli_failf("out of memory");
	}
	grown = realloc(ctx->extra, (ctx->nextra + 1) * sizeof(*grown));
	if (!grown) {
		dd_round_free(r);
		return cli_failf("out of memory");
	}
	ctx->extra = grown;
	ctx->extra[ctx->nextra++] = r;
	if ((rc = cli_taxonomy(ctx, &tx)))
		return rc;
	if (dd_taxonomy_classify_round(tx, r, NULL, &err) < 0)
		return cli_fail(&err);
	*out = r;
	return 0;
}

/* REV:PATH: PATH from the top of the repository, or from the current
 * folder when it starts with ./ or ../ (as git reads it). */
static int round_from_blob(cli_ctx *ctx, const dd_selector *sel,
			   const char *text, const dd_round **out)
{
	const char *p = sel->path;
	int relative = !strcmp(p, ".") || !strcmp(p, "..") ||
		       !strncmp(p, "./", 2) || !strncmp(p, "../", 3);
	char *path;
	cli_rev *r;
	int rc;

	cli_locate(ctx);
	if ((rc = resolve(relative ? ctx->prefix : "", p, p, &path)))
		return rc;
	rc = cli_rev_source(ctx, sel->rev, text, &r);
	if (!rc)
		rc = round_from_path(ctx, r->src, path, text, out);
	free(path);
	return rc;
}

int cli_round(cli_ctx *ctx, const char *text, const dd_round **out)
{
	dd_source *src = NULL;
	dd_selector *sel;
	dd_series *s;
	dd_error err;
	char *path = NULL;
	int rc;

	if ((rc = cli_source(ctx, &src)))
		return rc;
	sel = malloc(sizeof(*sel));
	if (!sel)
		return cli_failf("out of memory");
	if (dd_selector_parse(sel, text, &err) < 0) {
		free(sel);
		return cli_failf("%s: %s", text, err.message);
	}
	/* a file of that name wins over SERIES/N and REV:PATH */
	if (sel->maybe_path) {
		if ((rc = cli_path(ctx, text, &path)))
			goto out;
		if (dd_source_type(src, path) == DD_SOURCE_FILE)
			sel->kind = DD_SEL_PATH;
	}
	switch (sel->kind) {
	case DD_SEL_ROUND:
		if (sel->rev) {
			rc = round_at_rev(ctx, sel, out);
			break;
		}
		if (sel->series) {
			char *dir = dd_path_join(ctx->dialogues, sel->series);
			int isdir = dir && dd_source_type(src, dir) == DD_SOURCE_DIR;

			free(dir);
			if (!isdir)
				rc = cli_failf("%s: no series '%s' in %s", text,
					       sel->series, ctx->dialogues);
			else if (ctx->series_id && strcmp(ctx->series_id, sel->series))
				rc = cli_failf("%s: rounds of two series (%s and %s) cannot be compared by number; give paths",
					       text, ctx->series_id, sel->series);
			else {
				snprintf(ctx->series_buf, sizeof(ctx->series_buf),
					 "%s", sel->series);
				ctx->series_id = ctx->series_buf;
			}
		}
		if (!rc && !(rc = cli_series(ctx, &s)))
			rc = cli_pick_round(s, sel->number, text, ctx->src, out);
		break;
	case DD_SEL_BLOB:
		rc = round_from_blob(ctx, sel, text, out);
		break;
	default:
		if (!path && (rc = cli_path(ctx, text, &path)))
			break;
		rc = round_from_path(ctx, src, path, text, out);
		break;
	}
out:
	free(path);
	free(sel);
	return rc;
}
