/*
 * author.c - writing a record (see author.h): the skeleton of a new
 * dialogues folder and series, the next round of a series, and the
 * canonical text of a round built in memory.
 *
 * Texts are written with the JSON writer in any order and put through
 * dd_fmt_buffer, so that the one canonical layout stays fmt's alone.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dialdiff/author.h"
#include "dialdiff/fmt.h"
#include "dialdiff/json.h"
#include "dialdiff/source.h"

/*
 * The taxonomy of a new dialogues folder: one section, one entry, both
 * named in both languages, each with a pattern per language.  (docs/data.md
 * describes the format; README.md's "Starting a record" this file.)
 */
static const char skeleton[] =
	"{\"schema_version\": 1, \"sections\": [{\"id\": \"topics\","
	" \"title\": {\"en\": \"Topics\", \"zh\": \"\\u8bae\\u9898\"},"
	" \"entries\": [{\"id\": \"example\","
	" \"name\": {\"en\": \"Example\", \"zh\": \"\\u793a\\u4f8b\"},"
	" \"patterns\": [\"\\\\bexamples?\\\\b\", \"\\u793a\\u4f8b\"]}]}]}";

static int ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

int dd_author_series_id_valid(const char *id)
{
	size_t n = strlen(id), i;

	if (!n || n > 100 || !ascii_alnum(id[0]) || !strcmp(id, "schema"))
		return 0;
	for (i = 0; i < n; i++)
		if (!ascii_alnum(id[i]) && !strchr("-_.", id[i]))
			return 0;
	return 1;
}

/* dir/name, normalized; NULL when memory runs out. */
static char *path_in(const char *dir, const char *name)
{
	char *j = dd_path_join(dir, name), *n = j ? dd_path_normalize(j) : NULL;

	free(j);
	return n;
}

/* The canonical text of the JSON in raw (which is released) into out. */
static int canonical(dd_buf *out, dd_buf *raw, dd_fmt_kind kind,
		     const char *name, dd_error *err)
{
	int rc = dd_buf_oom(raw) ? dd_error_oom(err) :
		 dd_fmt_buffer(out, raw->ptr, raw->len, name, kind, err);

	dd_buf_release(raw);
	return rc;
}

/* "key": s; nothing when s is NULL. */
static void put_string(dd_json_writer *w, const char *key, const char *s)
{
	if (s) {
		dd_json_key(w, key);
		dd_json_string(w, s);
	}
}

/* "key": {"en": ..., "zh": ...}, the languages that are set; nothing
 * when neither is. */
static void put_text(dd_json_writer *w, const char *key, const dd_text *t)
{
	if (!t->en && !t->zh)
		return;
	dd_json_key(w, key);
	dd_json_begin_object(w);
	put_string(w, "en", t->en);
	put_string(w, "zh", t->zh);
	dd_json_end_object(w);
}

/* ---- init ----------------------------------------------------------- */

/* Make folder path of the file system and the folders above it, as
 * mkdir -p does.  err names shown. */
static int make_folders(const char *path, const char *shown, dd_error *err)
{
	char *p = strdup(path), *s, c;
	struct stat st;
	int rc = 0;

	if (!p)
		return dd_error_oom(err);
	for (s = p; rc == 0; s++) {
		if ((!*s || *s == '/') && s > p && s[-1] != '/') {
			c = *s;	/* the end of a component */
			*s = '\0';
			if (mkdir(p, 0777) < 0 && errno != EEXIST)
				rc = dd_error_set(err, DD_ERROR, shown, 0, 0,
						  "cannot make folder %s: %s", p,
						  strerror(errno));
			*s = c;
		}
		if (!*s)
			break;
	}
	if (rc == 0 && (stat(p, &st) < 0 || !S_ISDIR(st.st_mode)))
		rc = dd_error_set(err, DD_ERROR, shown, 0, 0,
				  "cannot make the folder: a file is in the way");
	free(p);
	return rc;
}

/* The folder path of p's source, made when missing. */
static int make_source_folder(dd_project *p, const char *path, dd_error *err)
{
	char *fs = dd_source_fs_path(dd_project_source(p), path);
	int rc;

	if (!fs)
		return dd_error_oom(err);
	rc = make_folders(fs, path, err);
	free(fs);
	return rc;
}

int dd_author_write_new(dd_project *p, const char *path, const void *data,
			size_t len, dd_error *err)
{
	dd_source *src = dd_project_source(p);
	char *fs;
	int rc;

	if (dd_source_rev(src))
		return dd_error_set(err, DD_EUSAGE, path, 0, 0,
				    "cannot write at a revision: only in the working tree");
	if (!(fs = dd_source_fs_path(src, path)))
		return dd_error_oom(err);
	rc = dd_write_file_new(fs, data, len, err);
	if (rc < 0 && rc != DD_ENOMEM && err)
		snprintf(err->file, sizeof(err->file), "%s", path);
	free(fs);
	return rc;
}

/* Create path with the canonical text of the JSON in raw. */
static int create(dd_project *p, const char *path, dd_buf *raw,
		  dd_fmt_kind kind, dd_error *err)
{
	dd_buf text = DD_BUF_INIT;
	int rc = canonical(&text, raw, kind, path, err);

	if (rc == 0)
		rc = dd_author_write_new(p, path, text.ptr, text.len, err);
	dd_buf_release(&text);
	return rc;
}

int dd_author_init(char ***created, size_t *count, dd_project *p,
		   const char *series, dd_error *err)
{
	dd_source *src = dd_project_source(p);
	const char *dir = dd_project_dir(p);
	char *tx = NULL, *sdir = NULL, *sj = NULL, **list;
	dd_buf raw = DD_BUF_INIT;
	int rc = 0, dtype, want_tx;
	size_t n = 0;

	*created = NULL;
	*count = 0;
	if (dd_source_rev(src))
		return dd_error_set(err, DD_EUSAGE, dir, 0, 0,
				    "cannot write at a revision: only in the working tree");
	if (series && !dd_author_series_id_valid(series))
		return dd_error_set(err, DD_EUSAGE, NULL, 0, 0,
				    "'%s' is not a series id: 1 to 100 letters, digits, '-', '_' or '.', from a letter or a digit, and not \"schema\"",
				    series);
	list = calloc(3, sizeof(*list));
	tx = path_in(dir, "taxonomy.json");
	sdir = series ? path_in(dir, series) : NULL;
	sj = sdir ? path_in(sdir, "series.json") : NULL;
	if (!list || !tx || (series && (!sdir || !sj))) {
		rc = dd_error_oom(err);
		goto out;
	}
	/* everything that could stop it is looked at before a write */
	dtype = dd_source_type(src, dir);
	want_tx = dtype != DD_SOURCE_DIR || dd_source_type(src, tx) == 0;
	if (dtype == DD_SOURCE_FILE)
		rc = dd_error_set(err, DD_ERROR, dir, 0, 0,
				  "a file, not a dialogues folder");
	else if (series && dd_source_type(src, sdir) == DD_SOURCE_FILE)
		rc = dd_error_set(err, DD_ERROR, sdir, 0, 0,
				  "a file, not a series folder");
	else if (series && dd_source_type(src, sj) != 0)
		rc = dd_error_set(err, DD_EEXIST, sj, 0, 0,
				  "already exists: not overwritten (series %s is set up)",
				  series);
	else if (!series && !want_tx)
		rc = dd_error_set(err, DD_EEXIST, tx, 0, 0,
				  "already exists: nothing to do (dialdiff init SERIES adds a series)");
	if (rc == 0 && dtype != DD_SOURCE_DIR)
		rc = make_source_folder(p, dir, err);
	if (rc == 0 && want_tx) {
		dd_buf_adds(&raw, skeleton);
		if ((rc = create(p, tx, &raw, DD_FMT_TAXONOMY, err)) == 0) {
			list[n++] = tx;
			tx = NULL;
		}
	}
	if (rc == 0 && series && (rc = make_source_folder(p, sdir, err)) == 0) {
		/* a valid id is a JSON string with nothing to escape */
		dd_buf_addf(&raw, "{\"schema_version\": 1, \"id\": \"%s\","
			    " \"title\": {\"en\": \"\", \"zh\": \"\"}, \"parties\": []}",
			    series);
		if ((rc = create(p, sj, &raw, DD_FMT_SERIES, err)) == 0) {
			list[n++] = sj;
			sj = NULL;
		}
	}
	*created = list;
	*count = n;
	list = NULL;
out:
	dd_source_names_free(list);
	dd_buf_release(&raw);
	free(tx);
	free(sdir);
	free(sj);
	return rc;
}

/* ---- the next round ------------------------------------------------- */

/* 1 when file is the path of a round of s. */
static int placed(const dd_series *s, const char *file)
{
	size_t i;

	for (i = 0; i < s->nrounds; i++)
		if (!strcmp(s->rounds[i]->path, file))
			return 1;
	return 0;
}

int dd_author_series(dd_series **out, dd_project *p, const char *id,
		     dd_diags *diags, dd_error *err)
{
	dd_diags own = DD_DIAGS_INIT, *d = diags ? diags : &own;
	const dd_diag *block = NULL;
	char *sdir = NULL, *sj = NULL;
	size_t start = d->count, i;
	int rc;

	*out = NULL;
	if (!*id || id[0] == '.' || strchr(id, '/'))
		return dd_error_set(err, DD_EUSAGE, NULL, 0, 0,
				    "'%s' is not a series id", id);
	if ((rc = dd_project_require(p, err)) < 0)
		return rc;
	sdir = path_in(dd_project_dir(p), id);
	sj = sdir ? path_in(sdir, "series.json") : NULL;
	if (!sj) {
		rc = dd_error_oom(err);
		goto out;
	}
	if (dd_source_type(dd_project_source(p), sj) != DD_SOURCE_FILE) {
		rc = dd_error_set(err, DD_ENOTFOUND, sdir, 0, 0,
				  "no series %s here (no %s: dialdiff init %s makes one)",
				  id, sj, id);
		goto out;
	}
	rc = dd_project_load_series(out, p, sdir, d, 1, err);
	if (!*out) {
		rc = rc < 0 ? rc : DD_ERROR;
		goto out;
	}
	for (i = start; i < d->count && !block; i++)
		if (d->items[i].severity == DD_SEV_ERROR &&
		    (!strcmp(d->items[i].file, (*out)->path) ||
		     !placed(*out, d->items[i].file)))
			block = &d->items[i];
	rc = 0;
	if (block)
		rc = dd_error_set(err, DD_ERROR, block->file, block->line,
				  block->column, "%s%s", block->message,
				  strcmp(block->file, (*out)->path) ?
				  " (the next round number is unknown while a round file cannot be read)" :
				  "");
	else if ((*out)->nunplaced)
		rc = dd_author_next_round(NULL, NULL, *out, err);
	if (rc < 0) {
		dd_series_free(*out);
		*out = NULL;
	}
out:
	dd_diags_release(&own);
	free(sdir);
	free(sj);
	return rc;
}

int dd_author_next_round(char **out_path, long long *out_number,
			 const dd_series *s, dd_error *err)
{
	const dd_round *last = s->nrounds ? s->rounds[s->nrounds - 1] : NULL;
	const char *base, *digits = NULL;
	char name[512];
	long long n, named = -1;
	size_t k = 0, i;

	if (out_path)
		*out_path = NULL;
	if (s->nunplaced)
		return dd_error_set(err, DD_ERROR, s->dir, 0, 0,
				    "%zu round file%s cannot be read or numbered: the next round number is unknown (dialdiff check says why)",
				    s->nunplaced, s->nunplaced == 1 ? "" : "s");
	if (last && last->number >= 999999999)
		return dd_error_set(err, DD_ERROR, last->path, 0, 0,
				    "round %lld is the last a series can number",
				    last->number);
	n = last ? last->number + 1 : 1;
	if (out_number)
		*out_number = n;
	if (!out_path)
		return 0;
	snprintf(name, sizeof(name), "round-%02lld.json", n);
	if (last) {
		/* the last round's name, when the number in it is its own */
		base = strrchr(last->path, '/');
		base = base ? base + 1 : last->path;
		digits = dd_project_name_number(base, &k);
		for (i = 0, named = 0; digits && k <= 9 && i < k; i++)
			named = named * 10 + (digits[i] - '0');
		if (digits && k <= 9 && named == last->number &&
		    strlen(base) + 12 < sizeof(name))
			snprintf(name, sizeof(name), "%.*s%0*lld%s",
				 (int)(digits - base), base, (int)k, n,
				 digits + k);
	}
	*out_path = dd_path_join(s->dir, name);
	return *out_path ? 0 : dd_error_oom(err);
}

/* ---- the draft ------------------------------------------------------ */

typedef struct draft {
	dd_round *r;
	int oom;
} draft;

static const char *keep(draft *d, const char *s)
{
	char *c = dd_arena_strdup(&d->r->arena, s);

	if (s && !c)
		d->oom = 1;
	return c;
}

/* The chairs of d: an empty name for each party of s. */
static void chairs(draft *d, const dd_series *s)
{
	const dd_round *last = s->nrounds ? s->rounds[s->nrounds - 1] : NULL;
	dd_chair *c;
	size_t n = 0, i, j;

	c = dd_arena_array(&d->r->arena, s->nparties +
			   (last ? last->nchairs : 0) + 1, sizeof(*c));
	if (!(d->r->chairs = c)) {
		d->oom = 1;
		return;
	}
	for (i = 0; i < s->nparties; i++)
		if (s->parties[i].id)
			c[n++].party = s->parties[i].id;
	if (n)
		last = NULL;	/* series.json lists them */
	for (i = 0; last && i < last->nchairs; i++) {
		const char *party = last->chairs[i].party;

		for (j = 0; party && j < n && strcmp(c[j].party, party); j++)
			;
		if (party && j == n)
			c[n++].party = party;
	}
	for (i = 0; i < n; i++) {
		c[i].name.en = keep(d, "");
		c[i].name.zh = keep(d, "");
		c[i].party = keep(d, c[i].party);
	}
	d->r->nchairs = n;
}

/* The id an item of from carries into the draft; NULL, with a note, for
 * an item whose label has no entry. */
static const char *carried_id(const dd_round *from, const dd_round_section *sec,
			      const dd_item *it, dd_diags *notes)
{
	/* the rule and the reason of a label without an entry */
	static const char *const why[][2] = {
		[DD_CLASS_UNCLASSIFIED] = { "unclassified", "matches no entry" },
		[DD_CLASS_AMBIGUOUS] = { "ambiguous", "matches several entries" },
		[DD_CLASS_ERROR] = { "match-limit", "could not be matched" },
	};

	if (it->cls == DD_CLASS_MATCHED)
		return it->key;
	if (!why[it->cls][0])	/* its own id, known or not, or not classified */
		return it->id;
	dd_diags_add(notes, DD_SEV_WARNING, why[it->cls][0], from->path,
		     it->pos.line, it->pos.column,
		     "label \"%s\" %s of section \"%s\": carried over without an id",
		     dd_text_get(&it->label, DD_LANG_EN), why[it->cls][1], sec->id);
	return NULL;
}

/* Section id of the draft, with the items of sec (may be NULL). */
static void section(draft *d, const char *id, const dd_round *from,
		    const dd_round_section *sec, dd_diags *notes)
{
	dd_round_section *dst = &d->r->sections[d->r->nsections++];
	size_t i, n = sec ? sec->count : 0;

	dst->id = keep(d, id);
	dst->tsection = -1;
	dst->items = dd_arena_array(&d->r->arena, n + 1, sizeof(dd_item));
	if (!dst->items) {
		d->oom = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		const dd_item *it = &sec->items[i];
		dd_item *to = &dst->items[i];

		to->id = keep(d, carried_id(from, sec, it, notes));
		to->label.en = keep(d, it->label.en);
		to->label.zh = keep(d, it->label.zh);
		to->entry = to->entry2 = -1;
	}
	dst->count = n;
}

/* The date checks of a draft of round number of s. */
static int check_date(const dd_series *s, long long number, const char *date,
		      dd_error *err)
{
	const dd_round *prev = NULL;
	size_t i;

	if (!dd_date_valid(date))
		return dd_error_set(err, DD_EUSAGE, NULL, 0, 0,
				    "\"%s\" is not a valid date (YYYY-MM-DD)",
				    date);
	for (i = 0; i < s->nrounds && s->rounds[i]->number < number; i++)
		if (s->rounds[i]->date && dd_date_valid(s->rounds[i]->date))
			prev = s->rounds[i];
	if (prev && strcmp(date, prev->date) <= 0)
		return dd_error_set(err, DD_EUSAGE, NULL, 0, 0,
				    "%s is not after round %lld (%s): dates increase with the round number",
				    date, prev->number, prev->date);
	return 0;
}

int dd_author_draft(dd_round **out, const dd_series *s, long long number,
		    const dd_taxonomy *tx, const dd_author_draft_opts *o,
		    dd_diags *notes, dd_error *err)
{
	const dd_round *from = o ? o->from : NULL;
	size_t i, nsec;
	draft d;
	int rc;

	*out = NULL;
	if (o && o->date && (rc = check_date(s, number, o->date, err)) < 0)
		return rc;
	d.oom = 0;
	if (!(d.r = calloc(1, sizeof(*d.r))))
		return dd_error_oom(err);
	dd_arena_init(&d.r->arena);
	d.r->schema_version = 1;
	d.r->series = keep(&d, s->id);
	d.r->number = number;
	d.r->date = keep(&d, o && o->date ? o->date : "");
	d.r->title.en = keep(&d, o && o->title.en ? o->title.en : "");
	d.r->title.zh = keep(&d, o && o->title.zh ? o->title.zh : "");
	chairs(&d, s);
	nsec = (tx ? tx->nsections : 0) + (from ? from->nsections : 0);
	d.r->sections = dd_arena_array(&d.r->arena, nsec + 1,
				       sizeof(dd_round_section));
	d.r->sources = dd_arena_array(&d.r->arena, 1, sizeof(dd_provenance));
	if (!d.r->sections || !d.r->sources)
		d.oom = 1;
	for (i = 0; !d.oom && tx && i < tx->nsections; i++)
		section(&d, tx->sections[i].id, from,
			from ? dd_round_section_find(from, tx->sections[i].id) :
			NULL, notes);
	for (i = 0; !d.oom && from && i < from->nsections; i++)
		if (!tx || dd_taxonomy_section(tx, from->sections[i].id) < 0)
			section(&d, from->sections[i].id, from,
				&from->sections[i], notes);
	if (d.oom || (notes && notes->oom)) {
		dd_round_free(d.r);
		return dd_error_oom(err);
	}
	*out = d.r;
	return 0;
}

/* ---- the text of a round -------------------------------------------- */

static void put_items(dd_json_writer *w, const dd_item *items, size_t n)
{
	size_t i;

	dd_json_begin_array(w);
	for (i = 0; i < n; i++) {
		dd_json_begin_object(w);
		put_string(w, "id", items[i].id);
		put_text(w, "label", &items[i].label);
		put_string(w, "action", items[i].action);
		put_string(w, "note", items[i].note);
		dd_json_end_object(w);
	}
	dd_json_end_array(w);
}

int dd_author_round_json(dd_buf *out, const dd_round *r, dd_error *err)
{
	dd_buf raw = DD_BUF_INIT;
	dd_json_writer w;
	size_t i;

	dd_json_writer_init(&w, &raw, 1);
	dd_json_begin_object(&w);
	dd_json_key(&w, "schema_version");
	dd_json_int(&w, r->schema_version > 0 ? r->schema_version : 1);
	put_string(&w, "series", r->series);
	dd_json_key(&w, "round");
	dd_json_int(&w, r->number);
	put_string(&w, "date", r->date);
	put_text(&w, "title", &r->title);
	put_text(&w, "place", &r->place);
	if (r->chairs) {
		dd_json_key(&w, "chairs");
		dd_json_begin_array(&w);
		for (i = 0; i < r->nchairs; i++) {
			dd_json_begin_object(&w);
			put_text(&w, "name", &r->chairs[i].name);
			put_text(&w, "role", &r->chairs[i].role);
			put_string(&w, "party", r->chairs[i].party);
			dd_json_end_object(&w);
		}
		dd_json_end_array(&w);
	}
	if (r->sources) {
		dd_json_key(&w, "sources");
		dd_json_begin_array(&w);
		for (i = 0; i < r->nsources; i++) {
			const dd_provenance *p = &r->sources[i];

			dd_json_begin_object(&w);
			put_string(&w, "title", p->title);
			put_string(&w, "publisher", p->publisher);
			put_string(&w, "date", p->date);
			put_string(&w, "url", p->url);
			dd_json_end_object(&w);
		}
		dd_json_end_array(&w);
	}
	dd_json_key(&w, "topics");
	dd_json_begin_object(&w);
	for (i = 0; i < r->nsections; i++) {
		dd_json_key(&w, r->sections[i].id);
		put_items(&w, r->sections[i].items, r->sections[i].count);
	}
	dd_json_end_object(&w);
	if (r->nreaffirms) {
		dd_json_key(&w, "reaffirms");
		put_items(&w, r->reaffirms, r->nreaffirms);
	}
	dd_json_end_object(&w);
	return canonical(out, &raw, DD_FMT_ROUND, r->path ? r->path : "round",
			 err);
}
