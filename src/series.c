/*
 * series.c - a series folder: series.json and its rounds in round order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/project.h"
#include "dialdiff/series.h"
#include "load.h"

/* The last component of a '/'-separated path, without trailing slashes,
 * copied into buf. */
static const char *base_name(char *buf, size_t size, const char *dir)
{
	size_t n = strlen(dir);
	const char *p;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	for (p = dir + n; p > dir && p[-1] != '/'; p--)
		;
	snprintf(buf, size, "%.*s", (int)(dir + n - p), p);
	return buf;
}

static void load_meta(dd_loader *l, dd_series *s, const dd_json *root,
		      const char *folder)
{
	static const char *const keys[] = { "schema_version", "id", "title",
					    "parties", "taxonomy", NULL };
	static const char *const pkeys[] = { "id", "name", NULL };
	const dd_json *v;
	dd_pos pos = { 0, 0 };
	long long n;

	if (!dd_load_expect(l, root, DD_JSON_OBJECT, "series.json"))
		return;
	dd_load_unknown_keys(l, root, "series.json", keys);
	v = dd_json_get(root, "schema_version");
	if (v && (!dd_json_integer(v, &n) || n != 1))
		dd_load_problem(l, DD_SEV_ERROR, "schema-version", v->pos,
				"unsupported schema_version (this dialdiff reads 1)");
	s->id = dd_load_string(l, root, "id", "series.json", 0, &pos);
	if (s->id && strcmp(s->id, folder))
		dd_load_problem(l, DD_SEV_ERROR, "series-mismatch", pos,
				"series id \"%s\" differs from its folder \"%s\"",
				s->id, folder);
	s->id = dd_load_strdup(l, folder);
	dd_load_text_member(l, &s->title, root, "title", "series.json", 1);
	s->taxonomy = dd_load_string(l, root, "taxonomy", "series.json", 0,
				     NULL);
	v = dd_json_get(root, "parties");
	if (v && dd_load_expect(l, v, DD_JSON_ARRAY, "\"parties\"")) {
		const dd_json *p;

		s->parties = dd_load_array(l, v->count, sizeof(dd_party));
		for (p = v->child; p && s->parties; p = p->next) {
			dd_party *party = &s->parties[s->nparties++];

			if (!dd_load_expect(l, p, DD_JSON_OBJECT, "a party"))
				continue;
			dd_load_unknown_keys(l, p, "a party", pkeys);
			party->id = dd_load_string(l, p, "id", "party", 1, NULL);
			dd_load_text_member(l, &party->name, p, "name", "party", 0);
		}
	}
}

static int cmp_rounds(const void *a, const void *b)
{
	const dd_round *x = *(dd_round *const *)a, *y = *(dd_round *const *)b;

	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	return strcmp(x->path, y->path);
}

/* The rule of a failure to read a file: the size cap, or dflt. */
static const char *read_rule(int rc, const char *dflt)
{
	return rc == DD_ETOOBIG ? "file-size" : dflt;
}

int dd_series_load(dd_series **out, dd_source *src, const char *dir,
		   const char *taxonomy, size_t max_size, dd_diags *diags,
		   int keep_going, dd_error *err)
{
	char folder[256], **names = NULL, *path = NULL, *own_tx = NULL;
	dd_buf buf = DD_BUF_INIT;
	dd_json_doc *doc = NULL;
	size_t nnames, i;
	dd_series *s;
	dd_loader l;
	dd_error rerr;
	int rc;

	*out = NULL;
	s = calloc(1, sizeof(*s));
	if (!s)
		return dd_error_oom(err);
	dd_arena_init(&s->arena);
	dd_loader_init(&l, &s->arena, NULL, diags, err);
	base_name(folder, sizeof(folder), dir);
	s->dir = dd_load_strdup(&l, dir);
	path = dd_path_join(dir, "series.json");
	if (!path || !s->dir) {
		rc = dd_error_oom(err);
		goto done;
	}
	s->path = l.path = dd_load_strdup(&l, path);
	rc = dd_source_read(&buf, src, path, max_size, &rerr);
	if (rc < 0) {
		if (rc == DD_ENOTFOUND)
			dd_error_set(&rerr, rc, path, 0, 0,
				     "no series.json: %s is not a series folder",
				     dir);
		dd_diags_add(diags, DD_SEV_ERROR, read_rule(rc, "series-file"),
			     path, 0, 0, "%s", rerr.message);
		if (err)
			*err = rerr;
		/* with keep_going, the rounds are still worth loading */
		if (rc == DD_ENOMEM || !keep_going || !diags)
			goto done;
		l.failed = 1;
	} else if (dd_load_parse(&l, &doc, buf.ptr, buf.len) == 0) {
		load_meta(&l, s, dd_json_root(doc), folder);
	}
	dd_json_doc_free(doc);
	if (!s->id)
		s->id = dd_load_strdup(&l, folder);
	if (l.failed && !keep_going) {
		rc = DD_ERROR;
		goto done;
	}

	rc = dd_source_list(&names, &nnames, src, dir, DD_SOURCE_FILE, err);
	if (rc < 0)
		goto done;
	s->rounds = calloc(nnames ? nnames : 1, sizeof(*s->rounds));
	if (!s->rounds) {
		rc = dd_error_oom(err);
		goto done;
	}
	/* the series' own taxonomy, when in its folder, is no round */
	if (s->taxonomy && !(own_tx = dd_project_resolve_taxonomy("", dir,
								   s->taxonomy))) {
		rc = dd_error_oom(err);
		goto done;
	}
	for (i = 0; i < nnames; i++) {
		dd_round *r = NULL;
		char *rpath;

		if (!dd_project_round_name(dir, names[i], taxonomy) ||
		    !dd_project_round_name(dir, names[i], own_tx))
			continue;
		rpath = dd_path_join(dir, names[i]);
		if (!rpath) {
			rc = dd_error_oom(err);
			goto done;
		}
		rc = dd_source_read(&buf, src, rpath, max_size, &rerr);
		if (rc == 0)
			rc = dd_round_load(&r, buf.ptr, buf.len, rpath, diags,
					   &rerr);
		else
			dd_diags_add(diags, DD_SEV_ERROR, read_rule(rc, "file"),
				     rpath, rerr.line, rerr.column, "%s",
				     rerr.message);
		free(rpath);
		if (rc < 0 && (rc == DD_ENOMEM || !keep_going)) {
			dd_round_free(r);
			if (err)
				*err = rerr;
			goto done;
		}
		if (rc < 0 && !l.failed) {
			l.failed = 1;
			if (err)
				*err = rerr;
		}
		/* a round without a usable number cannot be placed */
		if (r && r->number > 0) {
			r->rev = dd_arena_strdup(&r->arena, dd_source_rev(src));
			s->rounds[s->nrounds++] = r;
		} else {
			dd_round_free(r);
			s->nunplaced++;
		}
	}
	qsort(s->rounds, s->nrounds, sizeof(*s->rounds), cmp_rounds);
	rc = l.oom ? DD_ENOMEM : l.failed ? DD_ERROR : 0;
	if (!l.oom && (!l.failed || keep_going)) {
		*out = s;
		s = NULL;
	}
done:
	dd_source_names_free(names);
	dd_buf_release(&buf);
	free(path);
	free(own_tx);
	dd_series_free(s);
	return rc;
}

void dd_series_free(dd_series *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->nrounds; i++)
		dd_round_free(s->rounds[i]);
	free(s->rounds);
	dd_arena_release(&s->arena);
	free(s);
}

dd_round *dd_series_round(const dd_series *s, long long number)
{
	size_t i;

	for (i = 0; i < s->nrounds; i++)
		if (s->rounds[i]->number == number)
			return s->rounds[i];
	return NULL;
}
