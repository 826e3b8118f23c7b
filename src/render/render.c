/*
 * render.c - the table of output formats, and the helpers they share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/render.h"
#include "internal.h"
#include "messages.h"

const dd_renderer *const dd_renderers[] = {
	&dd_render_text,
	&dd_render_markdown,
	&dd_render_json,
	&dd_render_html,
	&dd_render_csv,
	&dd_render_csv_excel,
	&dd_render_github,
	&dd_render_junit,
	&dd_render_sarif,
	NULL
};

const dd_renderer *dd_render_find(const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	if (!strcmp(name, "md"))
		name = "markdown";
	for (i = 0; dd_renderers[i]; i++)
		if (!strcmp(dd_renderers[i]->name, name))
			return dd_renderers[i];
	return NULL;
}

int dd_render_log(dd_buf *out, const dd_renderer *r, const dd_log *l,
		  const dd_render_opts *o)
{
	size_t i;

	if (!r->log_begin || !r->log_commit || !r->log_end)
		return -1;
	if (r->log_begin(out, o) < 0)
		return -1;
	for (i = 0; i < l->ncommits && l->commits; i++)
		if (r->log_commit(out, &l->commits[i], i, o) < 0)
			return -1;
	return r->log_end(out, l->ncommits, NULL, o);
}

int dd_rnd_log_end(dd_buf *out, size_t n, const dd_error *failed,
		   const dd_render_opts *o)
{
	(void)n;
	(void)failed;
	(void)o;
	return dd_buf_oom(out) ? -1 : 0;
}

const dd_render_opts *dd_rnd_opts(const dd_render_opts *opts)
{
	static const dd_render_opts defaults = { DD_LANG_EN, 0 };

	return opts ? opts : &defaults;
}

const char *dd_rnd_party_name(const dd_render_opts *o, const char *id)
{
	const dd_series *s = o->series;
	size_t i;

	for (i = 0; id && s && i < s->nparties; i++)
		if (s->parties[i].id && !strcmp(s->parties[i].id, id) &&
		    *dd_text_get(&s->parties[i].name, o->lang))
			return dd_text_get(&s->parties[i].name, o->lang);
	return id;
}

const dd_item *dd_rnd_item(const dd_diff_item *it)
{
	return it->to ? it->to : it->from;
}

int dd_rnd_cross_series(const dd_diff *d)
{
	return d->from->series && d->to->series &&
	       strcmp(d->from->series, d->to->series);
}

int dd_rnd_empty_side(const dd_round *r)
{
	return !r->path && !r->nsections;
}

dd_rnd_sides dd_rnd_sides_of(const dd_diff *d, int baseline)
{
	if (dd_rnd_empty_side(d->to))
		return DD_RND_DELETED;
	if (dd_rnd_empty_side(d->from))
		return DD_RND_NEW;
	return baseline ? DD_RND_NEW_AFTER : DD_RND_PAIR;
}

int dd_rnd_kept_listed(const dd_render_opts *o, const dd_diff_item *it)
{
	return o->all_items || dd_diff_item_changed(it);
}

size_t dd_rnd_section_rows(const dd_render_opts *o,
			   const dd_diff_section *sec)
{
	return sec->nadded + sec->ndropped +
	       (o->all_items ? sec->nkept : sec->nchanged);
}

const dd_render_opts *dd_rnd_report_opts(dd_render_opts *tmp,
					 const dd_render_opts *o)
{
	*tmp = *dd_rnd_opts(o);
	tmp->all_items = 1;
	tmp->stat = 0;
	return tmp;
}

/* The counts of the legend from a diff's (or a section's) own. */
static dd_rnd_counts counts(size_t nadded, size_t ndropped, size_t nkept,
			    size_t nchanged)
{
	dd_rnd_counts c;

	c.added = nadded;
	c.dropped = ndropped;
	c.changed = nchanged;
	c.unchanged = nkept - nchanged;
	return c;
}

dd_rnd_counts dd_rnd_section_counts(const dd_diff_section *sec)
{
	return counts(sec->nadded, sec->ndropped, sec->nkept, sec->nchanged);
}

dd_rnd_counts dd_rnd_diff_counts(const dd_diff *d)
{
	return counts(d->nadded, d->ndropped, d->nkept, d->nchanged);
}

void dd_rnd_counts_marks(dd_buf *out, const dd_rnd_counts *c,
			 int with_unchanged)
{
	dd_buf_addf(out, "+%zu -%zu ~%zu", c->added, c->dropped, c->changed);
	if (with_unchanged)
		dd_buf_addf(out, " =%zu", c->unchanged);
}

void dd_rnd_counts_words(dd_buf *out, const dd_rnd_counts *c, dd_lang lang)
{
	const char *sep = dd_msg_get(lang, U_L_SEP);

	dd_msg_fill(out, lang, U_L_N_ADDED, (long long)c->added, 0);
	dd_buf_adds(out, sep);
	dd_msg_fill(out, lang, U_L_N_DROPPED, (long long)c->dropped, 0);
	dd_buf_adds(out, sep);
	dd_msg_fill(out, lang, U_L_N_CHANGED, (long long)c->changed, 0);
	dd_buf_adds(out, sep);
	dd_msg_fill(out, lang, U_L_N_UNCHANGED, (long long)c->unchanged, 0);
}

void dd_rnd_unrecorded(dd_buf *out, const dd_diff *d,
		       const dd_diff_section *sec, dd_lang lang)
{
	long long a = d->from->number, b = d->to->number;

	switch (sec->unrecorded & (DD_UNRECORDED_FROM | DD_UNRECORDED_TO)) {
	case DD_UNRECORDED_FROM:
		dd_msg_fill(out, lang, U_NOT_RECORDED_1, a, 0);
		break;
	case DD_UNRECORDED_TO:
		dd_msg_fill(out, lang, U_NOT_RECORDED_1, b, 0);
		break;
	case DD_UNRECORDED_FROM | DD_UNRECORDED_TO:
		if (a == b)	/* two versions of one round file */
			dd_msg_fill(out, lang, U_NOT_RECORDED_1, a, 0);
		else
			dd_msg_fill(out, lang, U_NOT_RECORDED_2, a, b);
		break;
	}
}

const unsigned dd_rnd_change_bits[3] = {
	DD_CHANGE_LABEL, DD_CHANGE_ACTION, DD_CHANGE_NOTE
};

const char *dd_rnd_class_name(dd_class cls)
{
	static const char *const names[] = {
		[DD_CLASS_EXPLICIT] = "explicit",
		[DD_CLASS_MATCHED] = "matched",
		[DD_CLASS_UNKNOWN_ID] = "unknown-id",
		[DD_CLASS_UNCLASSIFIED] = "unclassified",
		[DD_CLASS_AMBIGUOUS] = "ambiguous",
		[DD_CLASS_ERROR] = "error",
	};

	if ((unsigned)cls < sizeof(names) / sizeof(names[0]) && names[cls])
		return names[cls];
	return "none";
}

int dd_rnd_class_problem(dd_class cls)
{
	return cls == DD_CLASS_UNKNOWN_ID || cls == DD_CLASS_UNCLASSIFIED ||
	       cls == DD_CLASS_AMBIGUOUS || cls == DD_CLASS_ERROR;
}

const dd_entry *dd_rnd_entry(const dd_taxonomy *tx, int tsection, int entry)
{
	const dd_tsection *ts;

	if (!tx || tsection < 0 || (size_t)tsection >= tx->nsections ||
	    entry < 0)
		return NULL;
	ts = &tx->sections[tsection];
	if ((size_t)entry >= ts->nentries)
		return NULL;
	return &ts->entries[entry];
}

dd_text dd_rnd_section_title(const dd_taxonomy *tx,
			     const dd_round_section *sec)
{
	dd_text t = { NULL, NULL };

	if (tx && sec->tsection >= 0 && (size_t)sec->tsection < tx->nsections)
		return tx->sections[sec->tsection].title;
	t.en = sec->id;
	return t;
}

size_t dd_rnd_section_count(const dd_round *r, const char *id)
{
	size_t i, n = 0;

	for (i = 0; i < r->nsections; i++)
		if (r->sections[i].id && !strcmp(r->sections[i].id, id))
			n += r->sections[i].count;
	return n;
}

int dd_rnd_has_id(const char *const *ids, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(ids[i], id))
			return 1;
	return 0;
}

int dd_rnd_section_ids(const char ***out, size_t *count,
		       const dd_taxonomy *tx, dd_round *const *rounds,
		       size_t nrounds)
{
	size_t i, j, n = 0, cap = tx ? tx->nsections : 0;
	const char **ids;

	for (i = 0; i < nrounds; i++)
		cap += rounds[i]->nsections;
	ids = malloc((cap ? cap : 1) * sizeof(*ids));
	*out = ids;
	*count = 0;
	if (!ids)
		return -1;
	for (i = 0; tx && i < tx->nsections; i++)
		if (tx->sections[i].id &&
		    !dd_rnd_has_id(ids, n, tx->sections[i].id))
			ids[n++] = tx->sections[i].id;
	for (i = 0; i < nrounds; i++)
		for (j = 0; j < rounds[i]->nsections; j++) {
			const char *id = rounds[i]->sections[j].id;

			if (id && !dd_rnd_has_id(ids, n, id))
				ids[n++] = id;
		}
	*count = n;
	return 0;
}

long long dd_rnd_round_number(const dd_series *s, size_t i)
{
	return i < s->nrounds ? s->rounds[i]->number : 0;
}

const char *dd_rnd_round_file(const dd_series *s, const dd_round *r)
{
	size_t n;

	if (!r->path)
		return "";
	if (s && s->dir) {
		n = strlen(s->dir);
		while (n && s->dir[n - 1] == '/')
			n--;
		if (n && !strncmp(r->path, s->dir, n) && r->path[n] == '/')
			return r->path + n + 1;
	}
	return r->path;
}

int dd_rnd_row_gap(const dd_timeline_row *row, size_t nrounds, size_t *from,
		   size_t *a, size_t *b)
{
	size_t i = *from;

	if (!row->npresent)
		return 0;
	if (i <= row->first)
		i = row->first + 1;
	while (i < row->last && row->cells[i])
		i++;
	if (i >= row->last || i >= nrounds)
		return 0;
	*a = i;
	while (i < row->last && !row->cells[i])
		i++;
	*b = i - 1;
	*from = i;
	return 1;
}

void dd_rnd_fill(dd_buf *out, const char *word, long long a, long long b)
{
	const char *q;

	while ((q = strchr(word, '{')) && (q[1] == '1' || q[1] == '2') &&
	       q[2] == '}') {
		dd_buf_add(out, word, (size_t)(q - word));
		dd_buf_addf(out, "%lld", q[1] == '1' ? a : b);
		word = q + 3;
	}
	dd_buf_adds(out, word);
}

dd_rnd_note_words dd_rnd_notes(dd_lang lang)
{
	dd_rnd_note_words w;

	w.core = dd_msg_get(lang, U_L_NOTE_CORE);
	w.gap = dd_msg_get(lang, U_L_NOTE_GAP);
	w.unclassified = dd_msg_get(lang, U_UNCLASSIFIED);
	w.sep = dd_msg_get(lang, U_L_NOTE_SEP);
	return w;
}

void dd_rnd_row_notes(dd_buf *out, const dd_series *s,
		      const dd_timeline_row *row, const dd_rnd_note_words *w)
{
	const char *sep = "";
	size_t from = 0, a, b;

	if (row->core) {
		dd_buf_adds(out, w->core);
		sep = w->sep;
	}
	while (dd_rnd_row_gap(row, s->nrounds, &from, &a, &b)) {
		dd_buf_adds(out, sep);
		dd_rnd_fill(out, w->gap, dd_rnd_round_number(s, a),
			    dd_rnd_round_number(s, b + 1));
		sep = w->sep;
	}
	if (row->entry < 0) {
		dd_buf_adds(out, sep);
		dd_buf_adds(out, w->unclassified);
	}
}

void dd_rnd_row_seen(char *dst, size_t size, const dd_series *s,
		     const dd_timeline_row *row)
{
	long long a = dd_rnd_round_number(s, row->first);
	long long b = dd_rnd_round_number(s, row->last);

	if (a == b)
		snprintf(dst, size, "%lld", a);
	else
		snprintf(dst, size, "%lld\xe2\x80\x93%lld", a, b);	/* – */
}

size_t dd_rnd_core_count(const dd_timeline_section *sec)
{
	size_t i, n = 0;

	for (i = 0; i < sec->nrows; i++)
		n += !!sec->rows[i].core;
	return n;
}

const char *dd_rnd_utf8(dd_buf *tmp, const char *s)
{
	size_t len;

	if (!s)
		return "";
	len = strlen(s);
	return dd_utf8_repair(tmp, s, &len);
}

void dd_rnd_jstr(dd_json_writer *w, const char *key, const char *s)
{
	dd_json_key(w, key);
	dd_json_string(w, s);
}

void dd_rnd_jint(dd_json_writer *w, const char *key, long long v)
{
	dd_json_key(w, key);
	dd_json_int(w, v);
}

void dd_rnd_jarray(dd_json_writer *w, const char *key)
{
	dd_json_key(w, key);
	dd_json_begin_array(w);
}

void dd_rnd_jobject(dd_json_writer *w, const char *key)
{
	dd_json_key(w, key);
	dd_json_begin_object(w);
}

const char *dd_rnd_plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* One list of entry ids: "; added a, b". */
static void id_list(dd_buf *out, dd_msg what, const char **ids, size_t n,
		    const char *quote, int *first, dd_lang lang)
{
	size_t i;

	if (!n)
		return;
	dd_buf_adds(out, dd_msg_get(lang, *first ? U_COLON : U_L_NOTE_SEP));
	dd_buf_adds(out, dd_msg_get(lang, what));
	dd_buf_addc(out, ' ');
	*first = 0;
	for (i = 0; i < n; i++)
		dd_buf_addf(out, "%s%s%s%s", i ? dd_msg_get(lang, U_L_SEP) : "",
			    quote, ids[i], quote);
}

void dd_rnd_taxonomy_changes(dd_buf *out, const dd_taxonomy_change *t,
			     size_t n, int markdown, dd_lang lang)
{
	const char *q = markdown ? "`" : "";
	size_t i;
	int first;

	for (i = 0; i < n; i++, t++) {
		first = 1;
		dd_buf_addf(out, "%s%s%s%s%s%s", markdown ? "- " : "",
			    dd_msg_get(lang, U_L_TAXONOMY), q, t->path, q,
			    dd_msg_get(lang, U_L_TX_CHANGED));
		id_list(out, U_L_TX_ADDED, t->added, t->nadded, q, &first, lang);
		id_list(out, U_L_TX_REMOVED, t->removed, t->nremoved, q, &first,
			lang);
		id_list(out, U_L_TX_RENAMED, t->renamed, t->nrenamed, q, &first,
			lang);
		id_list(out, U_L_TX_REPATTERNED, t->repatterned,
			t->nrepatterned, q, &first, lang);
		if (first)
			dd_buf_adds(out, dd_msg_get(lang, U_L_TX_NONE));
		dd_buf_addc(out, '\n');
	}
}
