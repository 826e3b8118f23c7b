/*
 * project.c - the one answer to "what is this file, and which taxonomy
 * reads it": the dialogues folder, the kind of a path, series discovery,
 * taxonomy resolution (cached), and the rules between a series' rounds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/json.h"
#include "dialdiff/project.h"
#include "dialdiff/strmap.h"

/* A taxonomy file, loaded once; or the "taxonomy" member of a
 * series.json blob, read once. */
typedef struct tx_slot {
	char *key;		/* "B:/blob hex", "P:[REV:]path"; "S:/blob hex" */
	dd_taxonomy *tx;	/* NULL: missing or broken */
	dd_error err;		/* why */
	char *member;		/* S: the member, or NULL for none */
	int loaded;		/* 0: not yet, or memory ran out */
	struct tx_slot *next;	/* in the order loaded */
} tx_slot;

struct dd_project_cache {
	dd_strmap slots;	/* key -> tx_slot */
	tx_slot *head;
};

struct dd_project {
	dd_source *src;
	char *dir;		/* normalized */
	char *taxonomy;		/* the override, normalized, or NULL */
	char *default_tx;	/* DIR/taxonomy.json, when asked for */
	size_t max_size;
	unsigned tx_flags;
	dd_strmap members;	/* series folder -> its taxonomy path (both
				   the project's) */
	dd_project_cache own, *cache;	/* cache: &own, or shared */
	dd_buf buf;
};

/* ---- paths ---------------------------------------------------------- */

char *dd_path_normalize(const char *path)
{
	size_t n = strlen(path), len = 0, abs = path[0] == '/';
	char *out = malloc(n + 2);
	const char *p = path;

	if (!out)
		return NULL;
	if (abs)
		out[len++] = '/';
	while (*p) {
		const char *e;
		size_t k;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		e = strchr(p, '/');
		k = e ? (size_t)(e - p) : strlen(p);
		if (k == 1 && p[0] == '.') {
			/* skip */
		} else if (k == 2 && p[0] == '.' && p[1] == '.' && len > abs &&
			   !(len - abs >= 2 && out[len - 1] == '.' &&
			     out[len - 2] == '.' &&
			     (len - abs == 2 || out[len - 3] == '/'))) {
			/* drop the last component and its slash */
			while (len > abs && out[len - 1] != '/')
				len--;
			if (len > abs)
				len--;
		} else {
			if (len > abs)
				out[len++] = '/';
			memcpy(out + len, p, k);
			len += k;
		}
		p += k;
	}
	if (!len)
		out[len++] = '.';
	out[len] = '\0';
	return out;
}

/* The part of path below folder dir (normalized), or NULL when it does
 * not lie below it. */
static const char *below(const char *dir, const char *path)
{
	size_t n = strlen(dir);

	if (!strcmp(dir, "."))
		return strncmp(path, "../", 3) && strcmp(path, "..") &&
		       path[0] != '/' ? path : NULL;
	if (strncmp(path, dir, n) || path[n] != '/')
		return NULL;
	return path + n + 1;
}

dd_path_kind dd_project_place(const char *dir, const char *path, char **sdir)
{
	char *d = dd_path_normalize(dir), *p = dd_path_normalize(path);
	const char *rest, *slash, *name;
	dd_path_kind kind = DD_PATH_OTHER;

	if (sdir)
		*sdir = NULL;
	if (!d || !p)
		goto out;
	rest = below(d, p);
	if (!rest)
		goto out;
	if (!strcmp(rest, "taxonomy.json")) {
		kind = DD_PATH_TAXONOMY;
		goto out;
	}
	slash = strchr(rest, '/');
	if (!slash || slash == rest || rest[0] == '.' || strchr(slash + 1, '/'))
		goto out;
	name = slash + 1;
	if (!strcmp(name, "series.json"))
		kind = DD_PATH_SERIES;
	else if (dd_project_round_name(NULL, name, NULL))
		kind = DD_PATH_ROUND;
	if (kind != DD_PATH_OTHER && sdir)
		*sdir = strndup(p, (size_t)(slash - p));
out:
	free(d);
	free(p);
	return kind;
}

int dd_project_round_name(const char *sdir, const char *name,
			  const char *taxonomy)
{
	size_t n = strlen(name);
	char *path, *norm;
	int yes;

	if (n <= 5 || strcmp(name + n - 5, ".json") ||
	    !strcmp(name, "series.json") || name[0] == '.')
		return 0;
	if (!taxonomy)
		return 1;
	path = dd_path_join(sdir, name);
	norm = path ? dd_path_normalize(path) : NULL;
	yes = !norm || strcmp(norm, taxonomy);
	free(path);
	free(norm);
	return yes;
}

char *dd_project_resolve_taxonomy(const char *dir, const char *sdir,
				  const char *member)
{
	char *joined = member ? dd_path_join(sdir, member)
			      : dd_path_join(dir, "taxonomy.json");
	char *norm = joined ? dd_path_normalize(joined) : NULL;

	if (member && member[0] == '/' && norm) {
		/* an absolute member is taken as written */
		free(norm);
		norm = dd_path_normalize(member);
	}
	free(joined);
	return norm;
}

/* The root object of the JSON in buf, parsed into *doc; NULL when it is
 * not an object. */
static const dd_json *root_object(dd_json_doc **doc, const char *buf,
				  size_t len)
{
	const dd_json *root;

	*doc = NULL;
	if (dd_json_parse(doc, buf, len, "", NULL) < 0) {
		dd_json_doc_free(*doc);
		*doc = NULL;
		return NULL;
	}
	root = dd_json_root(*doc);
	return root && root->type == DD_JSON_OBJECT ? root : NULL;
}

/* The "taxonomy" member of the series.json in buf, or NULL (none, not a
 * string, or not JSON: the series loader reports that).  malloc'd. */
static char *series_member(const char *buf, size_t len)
{
	dd_json_doc *doc;
	const dd_json *root = root_object(&doc, buf, len);
	const dd_json *v = root ? dd_json_get(root, "taxonomy") : NULL;
	char *s = v && v->type == DD_JSON_STRING ? strdup(v->string) : NULL;

	dd_json_doc_free(doc);
	return s;
}

int dd_project_sniff(const char *buf, size_t len)
{
	dd_json_doc *doc;
	const dd_json *root = root_object(&doc, buf, len);
	int kind = DD_PATH_OTHER;

	if (!doc)
		return -1;
	if (root && dd_json_get(root, "topics"))
		kind = DD_PATH_ROUND;
	else if (root && dd_json_get(root, "sections"))
		kind = DD_PATH_TAXONOMY;
	else if (root && dd_json_get(root, "round"))
		kind = DD_PATH_ROUND;
	else if (root && (dd_json_get(root, "parties") ||
			  dd_json_get(root, "title")) && !dd_json_get(root, "date"))
		kind = DD_PATH_SERIES;
	dd_json_doc_free(doc);
	return kind;
}

/* ---- the project ---------------------------------------------------- */

int dd_project_new(dd_project **out, dd_source *src,
		   const dd_project_opts *opts, dd_error *err)
{
	static const dd_project_opts none;
	dd_project *p = calloc(1, sizeof(*p));

	*out = NULL;
	if (!p)
		return dd_error_oom(err);
	if (!opts)
		opts = &none;
	p->src = src;
	p->dir = dd_path_normalize(opts->dir ? opts->dir : DD_PROJECT_DIR);
	p->taxonomy = opts->taxonomy ? dd_path_normalize(opts->taxonomy) : NULL;
	p->max_size = opts->max_size;
	p->tx_flags = opts->lazy ? DD_TAXONOMY_LAZY : 0;
	p->cache = opts->cache ? opts->cache : &p->own;
	dd_buf_init(&p->buf);
	if (!p->dir || (opts->taxonomy && !p->taxonomy)) {
		dd_project_free(p);
		return dd_error_oom(err);
	}
	*out = p;
	return 0;
}

dd_project_cache *dd_project_cache_new(void)
{
	return calloc(1, sizeof(dd_project_cache));
}

/* Free the taxonomies of c, not c itself. */
static void cache_release(dd_project_cache *c)
{
	tx_slot *t, *next;

	for (t = c->head; t; t = next) {
		next = t->next;
		dd_taxonomy_free(t->tx);
		free(t->member);
		free(t->key);
		free(t);
	}
	dd_strmap_release(&c->slots);
}

void dd_project_cache_free(dd_project_cache *c)
{
	if (c) {
		cache_release(c);
		free(c);
	}
}

void dd_project_free(dd_project *p)
{
	size_t i;

	if (!p)
		return;
	cache_release(&p->own);
	for (i = 0; i < p->members.size; i++) {
		free((char *)p->members.slots[i].key);
		free(p->members.slots[i].value);
	}
	dd_strmap_release(&p->members);
	dd_buf_release(&p->buf);
	free(p->dir);
	free(p->taxonomy);
	free(p->default_tx);
	free(p);
}

const char *dd_project_dir(const dd_project *p)
{
	return p->dir;
}

dd_source *dd_project_source(const dd_project *p)
{
	return p->src;
}

int dd_project_require(dd_project *p, dd_error *err)
{
	char where[300], at[DD_ERROR_FILE_MAX];
	int type = dd_source_type(p->src, p->dir);

	if (type < 0)
		return dd_error_oom(err);
	if (type == DD_SOURCE_DIR)
		return 0;
	dd_source_at(where, sizeof(where), p->src);
	if (*where)
		snprintf(at, sizeof(at), "%s:%s", dd_source_rev_name(p->src),
			 p->dir);
	return dd_error_set(err, DD_ENOTFOUND, *where ? at : p->dir, 0, 0,
			    "%s%s (name it with --dialogues DIR, or git config dialdiff.dir DIR)",
			    type == DD_SOURCE_FILE ? "a file, not a dialogues folder" :
			    "no dialogues folder", *where ? where : " here");
}

/* The slot of key in cache c, made when it is missing (key is taken:
 * kept or freed); NULL when memory runs out. */
static tx_slot *slot_of(dd_project_cache *c, char *key)
{
	tx_slot *t;

	if (!key)
		return NULL;
	if ((t = dd_strmap_get(&c->slots, key))) {
		free(key);
		return t;
	}
	if (!(t = calloc(1, sizeof(*t))) ||
	    dd_strmap_put(&c->slots, key, t, NULL) < 0) {
		free(t);
		free(key);
		return NULL;
	}
	t->key = key;
	t->next = c->head;
	c->head = t;
	return t;
}

/* The "taxonomy" member of series.json sj (malloc'd), or NULL; read once
 * per blob at a revision, as a shared cache serves many commits. */
static char *member_of(dd_project *p, const char *sj)
{
	char hex[DD_OID_HEXSZ + 1], *m = NULL;
	tx_slot *t = NULL;
	dd_oid id;

	if (dd_source_rev(p->src) &&
	    dd_source_blob_id(&id, p->src, sj, NULL) == 0) {
		dd_oid_fmt(hex, &id);
		t = slot_of(p->cache, dd_path_join("S:", hex));
		if (t && t->loaded)
			return t->member ? strdup(t->member) : NULL;
	}
	if (dd_source_read(&p->buf, p->src, sj, p->max_size, NULL) == 0)
		m = series_member(p->buf.ptr, p->buf.len);
	if (t && (!m || (t->member = strdup(m))))
		t->loaded = 1;
	return m;
}

const char *dd_project_taxonomy_path(dd_project *p, const char *sdir)
{
	char *key, *sj, *member = NULL, *path;
	const char *cached;

	if (p->taxonomy)
		return p->taxonomy;
	if (!sdir) {
		if (!p->default_tx)
			p->default_tx = dd_project_resolve_taxonomy(p->dir, "", NULL);
		return p->default_tx;
	}
	key = dd_path_normalize(sdir);
	if (!key)
		return NULL;
	if ((cached = dd_strmap_get(&p->members, key))) {
		free(key);
		return cached;
	}
	sj = dd_path_join(key, "series.json");
	member = sj ? member_of(p, sj) : NULL;
	free(sj);
	path = dd_project_resolve_taxonomy(p->dir, key, member);
	free(member);
	if (!path || dd_strmap_put(&p->members, key, path, NULL) < 0) {
		free(key);
		free(path);
		return NULL;
	}
	return path;
}

/* The slot of the taxonomy file path; NULL when memory runs out. */
static tx_slot *tx_slot_of(dd_project *p, const char *path)
{
	char hex[DD_OID_HEXSZ + 1];
	const char *rev = dd_source_rev(p->src);
	dd_buf key = DD_BUF_INIT;
	dd_oid id;

	if (rev && dd_source_blob_id(&id, p->src, path, NULL) == 0) {
		dd_oid_fmt(hex, &id);
		dd_buf_addf(&key, "B:/%s", hex);
	} else {	/* a shared cache may hold several revisions */
		dd_buf_addf(&key, "P:%s%s%s", rev ? rev : "", rev ? ":" : "",
			    path);
	}
	return slot_of(p->cache, dd_buf_detach(&key, NULL));
}

/* Load the taxonomy at path into slot t; problems to diags. */
static int load_taxonomy(dd_project *p, tx_slot *t, const char *path,
			 dd_diags *diags)
{
	const char *dflt = dd_project_taxonomy_path(p, NULL), *rule = "file";
	char where[300];
	size_t before = diags ? diags->count : 0;
	int rc;

	if (!dflt)
		return DD_ENOMEM;
	/* a path of a series' own (neither --taxonomy nor the default)
	   stays inside the repository, unless the dialogues folder is
	   outside it: fails closed alike in the working tree and at a
	   revision */
	if (strcmp(path, dflt) && dd_source_contains(p->src, p->dir) &&
	    !dd_source_contains(p->src, path))
		rc = dd_error_set(&t->err, DD_EUSAGE, path, 0, 0,
				  "the taxonomy a series.json names is outside the "
				  "repository: it must be a file inside it");
	else if ((rc = dd_source_read(&p->buf, p->src, path, p->max_size,
				      &t->err)) == DD_ENOTFOUND)
		dd_error_set(&t->err, rc, path, 0, 0,
			     "no taxonomy%s (name one with --taxonomy FILE, or the dialogues folder with --dialogues DIR)",
			     dd_source_at(where, sizeof(where), p->src));
	else if (rc == DD_ETOOBIG)
		rule = "file-size";
	else if (rc == 0)
		rc = dd_taxonomy_load_flags(&t->tx, p->buf.ptr, p->buf.len,
					    path, p->tx_flags, diags, &t->err);
	/* never silent, and said once */
	if (rc < 0 && rc != DD_ENOMEM && diags && diags->count == before)
		dd_diags_add(diags, DD_SEV_ERROR, rule, path, t->err.line,
			     t->err.column, "%s", t->err.message);
	return rc;
}

int dd_project_taxonomy(dd_taxonomy **out, dd_project *p, const char *path,
			dd_diags *diags, dd_error *err)
{
	char *norm = dd_path_normalize(path);
	tx_slot *t;
	int rc = 0;

	*out = NULL;
	t = norm ? tx_slot_of(p, norm) : NULL;
	if (!t) {
		free(norm);
		return dd_error_oom(err);
	}
	if (!t->loaded)	/* memory running out: another try may have it */
		t->loaded = (rc = load_taxonomy(p, t, norm, diags)) != DD_ENOMEM;
	free(norm);
	if (rc == DD_ENOMEM || (diags && diags->oom))
		return dd_error_oom(err);
	if (!t->tx) {
		if (err)
			*err = t->err;
		return t->err.code < 0 ? t->err.code : DD_ERROR;
	}
	*out = t->tx;
	return 0;
}

dd_path_kind dd_project_kind(dd_project *p, const char *path)
{
	char *sdir = NULL, *norm = dd_path_normalize(path), *sj;
	dd_path_kind kind;
	const char *tx, *name;

	if (!norm)
		return DD_PATH_OTHER;
	if (p->taxonomy && !strcmp(norm, p->taxonomy)) {
		free(norm);
		return DD_PATH_TAXONOMY;
	}
	kind = dd_project_place(p->dir, norm, &sdir);
	if (kind == DD_PATH_ROUND) {
		sj = sdir ? dd_path_join(sdir, "series.json") : NULL;
		tx = sdir ? dd_project_taxonomy_path(p, sdir) : NULL;
		name = strrchr(norm, '/') + 1;
		if (!sj || dd_source_type(p->src, sj) != DD_SOURCE_FILE)
			kind = DD_PATH_OTHER;
		else if (!dd_project_round_name(sdir, name, tx))
			kind = DD_PATH_TAXONOMY;
		free(sj);
	} else if (kind == DD_PATH_OTHER) {
		/* a file a series names as its taxonomy, elsewhere: asked of
		 * every series, so that the answer does not depend on which
		 * ones were asked about before */
		char **ids = NULL, *sd;
		size_t n = 0, i;

		if (dd_project_series(&ids, &n, p, 0, NULL) < 0)
			n = 0;
		for (i = 0; i < n && kind == DD_PATH_OTHER; i++) {
			sd = dd_path_join(p->dir, ids[i]);
			tx = sd ? dd_project_taxonomy_path(p, sd) : NULL;
			if (tx && !strcmp(tx, norm))
				kind = DD_PATH_TAXONOMY;
			free(sd);
		}
		dd_source_names_free(ids);
	}
	free(sdir);
	free(norm);
	return kind;
}

/* 1 when folder sdir, which has no series.json, holds a file that reads
 * as a round. */
static int holds_rounds(dd_project *p, const char *sdir)
{
	char **files, *path;
	size_t n, i;
	int yes = 0;

	if (dd_source_list(&files, &n, p->src, sdir, DD_SOURCE_FILE, NULL) < 0)
		return 0;
	for (i = 0; i < n && !yes; i++) {
		if (!dd_project_round_name(sdir, files[i], NULL))
			continue;
		path = dd_path_join(sdir, files[i]);
		yes = path && dd_source_read(&p->buf, p->src, path, p->max_size,
					     NULL) == 0 &&
		      dd_project_sniff(p->buf.ptr, p->buf.len) == DD_PATH_ROUND;
		free(path);
	}
	dd_source_names_free(files);
	return yes;
}

int dd_project_series(char ***out, size_t *count, dd_project *p, int lost,
		      dd_error *err)
{
	char **names, *sdir, *sj;
	size_t n, i, k = 0;
	int rc, type = 0;

	*out = NULL;
	*count = 0;
	if ((rc = dd_project_require(p, err)) < 0)
		return rc;
	rc = dd_source_list(&names, &n, p->src, p->dir, DD_SOURCE_DIR, err);
	if (rc < 0)
		return rc;
	for (i = 0; i < n; i++) {
		sdir = type == DD_ENOMEM ? NULL : dd_path_join(p->dir, names[i]);
		sj = sdir ? dd_path_join(sdir, "series.json") : NULL;
		type = sj ? dd_source_type(p->src, sj) : DD_ENOMEM;
		if (type != DD_ENOMEM && names[i][0] != '.' &&
		    strcmp(names[i], "schema") &&
		    (type == DD_SOURCE_FILE || (lost && holds_rounds(p, sdir))))
			names[k++] = names[i];
		else
			free(names[i]);
		free(sdir);
		free(sj);
	}
	names[k] = NULL;
	if (type == DD_ENOMEM) {
		dd_source_names_free(names);
		return dd_error_oom(err);
	}
	*out = names;
	*count = k;
	return 0;
}

int dd_project_load_series(dd_series **out, dd_project *p, const char *sdir,
			   dd_diags *diags, int keep_going, dd_error *err)
{
	dd_diags own_diags = DD_DIAGS_INIT;
	dd_diags *d = diags ? diags : &own_diags;
	size_t i, errors;
	int rc;

	rc = dd_series_load(out, p->src, sdir, p->taxonomy, p->max_size, d,
			    keep_going, err);
	if (*out && (errors = dd_project_series_rules(d, *out, NULL))) {
		if (rc == 0) {
			/* the first new error is the call's error */
			for (i = d->count - errors; i < d->count; i++)
				if (d->items[i].severity == DD_SEV_ERROR)
					break;
			if (err && i < d->count)
				dd_error_set(err, DD_ERROR, d->items[i].file,
					     d->items[i].line,
					     d->items[i].column, "%s",
					     d->items[i].message);
			rc = DD_ERROR;
		}
		if (!keep_going) {
			dd_series_free(*out);
			*out = NULL;
		}
	}
	if (d->oom) {
		dd_series_free(*out);
		*out = NULL;
		rc = dd_error_oom(err);
	}
	dd_diags_release(&own_diags);
	return rc;
}

/* ---- the files of the record ---------------------------------------- */

typedef struct names {
	char **v;
	size_t n, alloc;
	int oom;
} names;

/* Add path to l once (a NULL path is out of memory). */
static void names_add(names *l, const char *path)
{
	size_t i;

	if (!path)
		l->oom = 1;
	if (l->oom)
		return;
	for (i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], path))
			return;
	if (l->n + 2 > l->alloc) {
		size_t n = l->alloc ? l->alloc * 2 : 16;
		char **v = realloc(l->v, n * sizeof(*v));

		if (!v) {
			l->oom = 1;
			return;
		}
		l->v = v;
		l->alloc = n;
	}
	if (!(l->v[l->n] = strdup(path)))
		l->oom = 1;
	else
		l->v[++l->n] = NULL;
}

/* Hand the list over as dd_source_names_free frees it. */
static int names_done(char ***out, size_t *count, names *l, dd_error *err)
{
	if (!l->oom && !l->v && !(l->v = calloc(1, sizeof(*l->v))))
		l->oom = 1;
	if (l->oom) {
		dd_source_names_free(l->v);
		return dd_error_oom(err);
	}
	*out = l->v;
	*count = l->n;
	return 0;
}

/* The files of series folder sdir into l: its own taxonomy (when it names
 * one), with_taxonomy set; its series.json; its rounds. */
static int list_series(names *l, dd_project *p, const char *sdir,
		       int with_taxonomy, dd_error *err)
{
	const char *tx = dd_project_taxonomy_path(p, sdir);
	char **files = NULL, *f;
	size_t n, i;
	int rc;

	if (!tx)
		return dd_error_oom(err);
	if (with_taxonomy && !p->taxonomy &&
	    strcmp(tx, dd_project_taxonomy_path(p, NULL)) &&
	    dd_source_type(p->src, tx) == DD_SOURCE_FILE)
		names_add(l, tx);
	f = dd_path_join(sdir, "series.json");
	if (!f || dd_source_type(p->src, f) == DD_SOURCE_FILE)
		names_add(l, f);
	free(f);
	if ((rc = dd_source_list(&files, &n, p->src, sdir, DD_SOURCE_FILE,
				 err)) < 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (!dd_project_round_name(sdir, files[i], tx))
			continue;
		f = dd_path_join(sdir, files[i]);
		names_add(l, f);
		free(f);
	}
	dd_source_names_free(files);
	return l->oom ? dd_error_oom(err) : 0;
}

int dd_project_series_files(char ***out, size_t *count, dd_project *p,
			    const char *sdir, dd_error *err)
{
	names l = { NULL, 0, 0, 0 };
	int rc = list_series(&l, p, sdir, 0, err);

	if (rc < 0 && rc != DD_ENOMEM) {
		dd_source_names_free(l.v);
		return rc;
	}
	return names_done(out, count, &l, err);
}

int dd_project_files(char ***out, size_t *count, dd_project *p,
		     const char *only, dd_error *err)
{
	names l = { NULL, 0, 0, 0 };
	char **series = NULL, *sdir;
	const char *dflt = dd_project_taxonomy_path(p, NULL);
	size_t n, i;
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = dd_project_series(&series, &n, p, 1, err)) < 0)
		return rc;
	if (!dflt || (!p->taxonomy &&
		      dd_source_type(p->src, dflt) == DD_SOURCE_FILE))
		names_add(&l, dflt);
	for (i = 0; !l.oom && i < n; i++) {
		if (only && strcmp(only, series[i]))
			continue;
		sdir = dd_path_join(p->dir, series[i]);
		if (!sdir || list_series(&l, p, sdir, 1, err) == DD_ENOMEM)
			l.oom = 1;
		free(sdir);
	}
	dd_source_names_free(series);
	return names_done(out, count, &l, err);
}

/* ---- the rules between rounds --------------------------------------- */

const char *dd_project_name_number(const char *path, size_t *len)
{
	const char *name = strrchr(path, '/'), *end, *p;

	name = name ? name + 1 : path;
	end = name + strlen(name) - (strlen(name) >= 5 ? 5 : 0);
	while (end > name && (end[-1] < '0' || end[-1] > '9'))
		end--;
	for (p = end; p > name && p[-1] >= '0' && p[-1] <= '9'; p--)
		;
	*len = (size_t)(end - p);
	return end == name ? NULL : p;
}

/* The last run of digits in the file name of path, or -1 when it has
 * none (or more than 9 digits). */
static long long number_in_name(const char *path)
{
	size_t n, i;
	const char *p = dd_project_name_number(path, &n);
	long long v = 0;

	if (!p || n > 9)
		return -1;
	for (i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

/* 1 when a and b name the same file. */
static int same_file(const char *a, const char *b)
{
	char *x = dd_path_normalize(a), *y = dd_path_normalize(b);
	int yes = x && y && !strcmp(x, y);

	free(x);
	free(y);
	return yes;
}

static int dated(const dd_round *r)
{
	return r->date && dd_date_valid(r->date);
}

size_t dd_project_series_rules(dd_diags *diags, const dd_series *s,
			       const char *only)
{
	const dd_round *before = NULL, *last = NULL, *next, *twin;
	size_t i, j, errors = 0;
	long long expect = 1, named;

#define ON(r, sev, rule, pos, ...) \
	(dd_diags_add(diags, sev, rule, (r)->path, (pos).line, (pos).column, \
		      __VA_ARGS__), errors += (sev) == DD_SEV_ERROR)
	for (i = 0; i < s->nrounds; i++) {
		const dd_round *r = s->rounds[i];
		int mine = !only || same_file(r->path, only);
		int dup = i && r->number == s->rounds[i - 1]->number;

		named = number_in_name(r->path);
		if (mine && r->series && strcmp(r->series, s->id))
			ON(r, DD_SEV_ERROR, "series-mismatch", r->series_pos,
			   "round names series \"%s\" but lies in folder \"%s\"",
			   r->series, s->id);
		if (mine && named >= 0 && named != r->number)
			ON(r, DD_SEV_WARNING, "round-file-number", r->number_pos,
			   "the file name says round %lld, the file says round %lld",
			   named, r->number);
		twin = dup ? s->rounds[i - 1] : NULL;
		/* named on its own, the first of two says so too */
		if (!dup && only && i + 1 < s->nrounds &&
		    s->rounds[i + 1]->number == r->number)
			twin = s->rounds[i + 1];
		if (mine && twin)
			ON(r, DD_SEV_ERROR, "round-duplicate", r->number_pos,
			   "round %lld is also recorded in %s", r->number,
			   twin->path);
		if (!dup)	/* the dated round before this number */
			before = last;
		/* a gap may be a file that could not be read: no second
		   problem from the first */
		if (!dup && mine && r->number > expect && !s->nunplaced)
			ON(r, DD_SEV_WARNING, "round-gap", r->number_pos,
			   r->number - expect == 1 ?
			   "round %lld is missing before round %lld" :
			   "rounds %lld to %lld are missing before this one",
			   expect, r->number - expect == 1 ? r->number :
			   r->number - 1);
		expect = r->number + 1;
		/* a date that is not valid is its own error, and no other */
		if (!dated(r))
			continue;
		if (mine && before && strcmp(r->date, before->date) <= 0)
			ON(r, DD_SEV_ERROR, "date-order", r->date_pos,
			   "round %lld is dated %s, not after round %lld (%s)",
			   r->number, r->date, before->number, before->date);
		last = r;
		if (!mine || !only)
			continue;
		/* named on its own, a round is also held against the next */
		for (j = i + 1, next = NULL; j < s->nrounds && !next; j++)
			if (s->rounds[j]->number > r->number &&
			    dated(s->rounds[j]))
				next = s->rounds[j];
		if (next && strcmp(next->date, r->date) <= 0)
			ON(r, DD_SEV_ERROR, "date-order", r->date_pos,
			   "round %lld is dated %s, not before round %lld (%s)",
			   r->number, r->date, next->number, next->date);
	}
#undef ON
	return errors;
}
