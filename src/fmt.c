/*
 * fmt.c - canonical formatting (see fmt.h).
 *
 * The key orders are data: a "shape" per kind of object lists its known
 * keys and the shape of each value.  Formatting walks the parsed document
 * with the JSON writer, which fixes the layout; a value whose shape is
 * unknown (an unknown key, a value of an unexpected type) is written as it
 * is, keys in document order.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dialdiff/fmt.h"
#include "dialdiff/source.h"

typedef struct dd_fmt_shape shape;

typedef struct field {
	const char *key;
	const shape *sub;	/* NULL: written as it is */
} field;

struct dd_fmt_shape {
	const field *fields;	/* an object's known keys, in order; NULL-ended */
	const shape *each;	/* an array's elements, or (map) every member */
	int map;		/* an object whose keys are data: document order */
};

/* Shared pieces. */
static const field text_fields[] = { { "en", NULL }, { "zh", NULL }, { NULL, NULL } };
static const shape text = { text_fields, NULL, 0 };

/* Round files: the order of dialogues/schema/round.schema.json. */
static const field item_fields[] = {
	{ "id", NULL }, { "label", &text }, { "action", NULL }, { "note", NULL },
	{ NULL, NULL }
};
static const shape item = { item_fields, NULL, 0 };
static const shape items = { NULL, &item, 0 };
static const shape topics = { NULL, &items, 1 };
static const field chair_fields[] = {
	{ "name", &text }, { "role", &text }, { "party", NULL }, { NULL, NULL }
};
static const shape chair = { chair_fields, NULL, 0 };
static const shape chairs = { NULL, &chair, 0 };
static const field source_fields[] = {
	{ "title", NULL }, { "publisher", NULL }, { "date", NULL },
	{ "url", NULL }, { NULL, NULL }
};
static const shape source = { source_fields, NULL, 0 };
static const shape sources = { NULL, &source, 0 };
static const field round_fields[] = {
	{ "schema_version", NULL }, { "series", NULL }, { "round", NULL },
	{ "date", NULL }, { "title", &text }, { "place", &text },
	{ "chairs", &chairs }, { "sources", &sources }, { "topics", &topics },
	{ "reaffirms", &items }, { NULL, NULL }
};
static const shape round_shape = { round_fields, NULL, 0 };

/* series.json (docs/data.md). */
static const field party_fields[] = {
	{ "id", NULL }, { "name", &text }, { NULL, NULL }
};
static const shape party = { party_fields, NULL, 0 };
static const shape parties = { NULL, &party, 0 };
static const field series_fields[] = {
	{ "schema_version", NULL }, { "id", NULL }, { "title", &text },
	{ "parties", &parties }, { "taxonomy", NULL }, { NULL, NULL }
};
static const shape series_shape = { series_fields, NULL, 0 };

/* Taxonomies (docs/data.md). */
static const field entry_fields[] = {
	{ "id", NULL }, { "name", &text }, { "patterns", NULL }, { NULL, NULL }
};
static const shape entry = { entry_fields, NULL, 0 };
static const shape entries = { NULL, &entry, 0 };
static const field section_fields[] = {
	{ "id", NULL }, { "title", &text }, { "entries", &entries },
	{ NULL, NULL }
};
static const shape section = { section_fields, NULL, 0 };
static const shape sections = { NULL, &section, 0 };
static const field taxonomy_fields[] = {
	{ "schema_version", NULL }, { "sections", &sections }, { NULL, NULL }
};
static const shape taxonomy_shape = { taxonomy_fields, NULL, 0 };

dd_fmt_kind dd_fmt_kind_of(const char *path, const dd_json *root)
{
	const char *base = path ? strrchr(path, '/') : NULL;

	base = base ? base + 1 : path;
	if (base && !strcmp(base, "series.json"))
		return DD_FMT_SERIES;
	if (!root || root->type != DD_JSON_OBJECT)
		return DD_FMT_PLAIN;
	if (dd_json_get(root, "sections") && !dd_json_get(root, "topics"))
		return DD_FMT_TAXONOMY;
	if (dd_json_get(root, "topics") || dd_json_get(root, "round") ||
	    dd_json_get(root, "series"))
		return DD_FMT_ROUND;
	return DD_FMT_PLAIN;
}

const dd_fmt_shape *dd_fmt_shape_of(dd_fmt_kind kind)
{
	return kind == DD_FMT_ROUND ? &round_shape :
	       kind == DD_FMT_SERIES ? &series_shape :
	       kind == DD_FMT_TAXONOMY ? &taxonomy_shape : NULL;
}

int dd_fmt_shape_rank(const dd_fmt_shape *sh, const char *key)
{
	const field *f;

	for (f = sh ? sh->fields : NULL; f && f->key; f++)
		if (!strcmp(f->key, key))
			return (int)(f - sh->fields);
	return -1;
}

const dd_fmt_shape *dd_fmt_shape_sub(const dd_fmt_shape *sh, const char *key)
{
	int i;

	if (!sh)
		return NULL;
	if (!key || sh->map)
		return sh->each;
	i = dd_fmt_shape_rank(sh, key);
	return i < 0 ? NULL : sh->fields[i].sub;
}

void dd_fmt_write_node(dd_json_writer *w, const dd_json *node,
		       const dd_fmt_shape *sh)
{
	const dd_json *m;
	const field *f;

	if (node->type == DD_JSON_ARRAY && sh && sh->each && !sh->fields &&
	    !sh->map) {
		dd_json_begin_array(w);
		for (m = node->child; m; m = m->next)
			dd_fmt_write_node(w, m, sh->each);
		dd_json_end_array(w);
		return;
	}
	/* as it is: no shape, or not the container the shape expects */
	if (node->type != DD_JSON_OBJECT || !sh || (!sh->fields && !sh->map)) {
		dd_json_value(w, node);
		return;
	}
	dd_json_begin_object(w);
	for (f = sh->fields; f && f->key; f++)
		if ((m = dd_json_get(node, f->key))) {
			dd_json_key(w, m->key);
			dd_fmt_write_node(w, m, f->sub);
		}
	/* then the unknown keys (all the keys of a map), in document order */
	for (m = node->child; m; m = m->next)
		if (dd_fmt_shape_rank(sh, m->key) < 0) {
			dd_json_key(w, m->key);
			dd_fmt_write_node(w, m, sh->map ? sh->each : NULL);
		}
	dd_json_end_object(w);
}

int dd_fmt_buffer(dd_buf *out, const char *buf, size_t len, const char *path,
		  dd_fmt_kind kind, dd_error *err)
{
	dd_json_doc *doc = NULL;
	const dd_json *root;
	dd_json_writer w;
	int rc;

	dd_buf_reset(out);
	rc = dd_json_parse(&doc, buf, len, path, err);
	if (rc < 0)
		return rc;
	root = dd_json_root(doc);
	if (kind == DD_FMT_AUTO)
		kind = dd_fmt_kind_of(path, root);
	dd_json_writer_init(&w, out, 0);
	dd_fmt_write_node(&w, root, dd_fmt_shape_of(kind));
	dd_buf_addc(out, '\n');
	dd_json_doc_free(doc);
	if (dd_buf_oom(out)) {
		dd_buf_reset(out);
		return dd_error_oom(err);
	}
	return 0;
}

int dd_fmt_file(dd_buf *out, int *changed, const char *path, size_t max_size,
		dd_error *err)
{
	dd_buf in = DD_BUF_INIT;
	int rc;

	*changed = 0;
	dd_buf_reset(out);
	rc = dd_buf_read_file(&in, path, max_size ? max_size :
				       DD_SOURCE_MAX_SIZE, err);
	if (rc == 0)
		rc = dd_fmt_buffer(out, in.ptr, in.len, path, DD_FMT_AUTO, err);
	if (rc == 0)
		*changed = in.len != out->len || memcmp(in.ptr, out->ptr, in.len);
	dd_buf_release(&in);
	return rc;
}

/* 0 when the file at path is one fmt --write may replace: a regular
 * file, not a symbolic link, with one name, that this user owns and may
 * write; else DD_ERROR with err saying why it is left alone.  st gets its
 * status. */
static int replaceable(const char *path, struct stat *st, dd_error *err)
{
	const char *why = NULL;

	if (lstat(path, st) < 0)
		return dd_error_set(err, DD_ERROR, path, 0, 0,
				    "cannot open: %s", strerror(errno));
	if (S_ISLNK(st->st_mode))
		why = "a symbolic link: not written through (format the file it points to)";
	else if (!S_ISREG(st->st_mode))
		why = "not a regular file";
	else if (st->st_nlink > 1)
		why = "it has other hard links, which a rewrite would part from it";
	else if (st->st_uid != geteuid())
		why = "owned by another user, whom a rewrite would take it from";
	else if (!(st->st_mode & S_IWUSR))
		why = "read-only (its mode has no write bit for its owner)";
	return why ? dd_error_set(err, DD_ERROR, path, 0, 0,
				  "left as it is: %s", why) : 0;
}

int dd_fmt_write(int *changed, const char *path, size_t max_size,
		 dd_error *err)
{
	size_t cap = max_size ? max_size : DD_SOURCE_MAX_SIZE;
	dd_buf in = DD_BUF_INIT, out = DD_BUF_INIT, now = DD_BUF_INIT;
	struct stat st, st2;
	int rc;

	*changed = 0;
	rc = dd_buf_read_file(&in, path, cap, err);
	if (rc == 0)
		rc = dd_fmt_buffer(&out, in.ptr, in.len, path, DD_FMT_AUTO, err);
	if (rc == 0)
		*changed = in.len != out.len || memcmp(in.ptr, out.ptr, in.len);
	/* only a file to be rewritten has to bear it */
	if (rc == 0 && *changed)
		rc = replaceable(path, &st, err);
	if (rc == 0 && *changed && out.len > cap)
		rc = dd_error_set(err, DD_ETOOBIG, path, 0, 0,
				  "left as it is: formatted, it would be %zu bytes, over the cap of %zu that dialdiff reads",
				  out.len, cap);
	/* another program's edit since the read is not lost */
	if (rc == 0 && *changed &&
	    (lstat(path, &st2) < 0 || st2.st_size != st.st_size ||
	     st2.st_mtim.tv_sec != st.st_mtim.tv_sec ||
	     st2.st_mtim.tv_nsec != st.st_mtim.tv_nsec ||
	     st2.st_ino != st.st_ino ||
	     dd_buf_read_file(&now, path, cap, NULL) < 0 ||
	     now.len != in.len || memcmp(now.ptr, in.ptr, in.len)))
		rc = dd_error_set(err, DD_ERROR, path, 0, 0,
				  "left as it is: it changed while it was being formatted");
	if (rc == 0 && *changed) {
		rc = dd_write_file_atomic(path, out.ptr, out.len, err);
		if (rc < 0 && err)
			snprintf(err->file, sizeof(err->file), "%s", path);
	}
	dd_buf_release(&in);
	dd_buf_release(&out);
	dd_buf_release(&now);
	return rc;
}
