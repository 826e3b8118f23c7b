/*
 * json.c - the JSON format: the stable, documented shapes of DESIGN.md
 * ("schema": "dialdiff/...@1"), written with the project's JSON writer.
 * Extend these shapes, never break them: add keys, do not rename or drop.
 */
#include <stdio.h>
#include <stdlib.h>

#include "dialdiff/gate.h"
#include "dialdiff/json.h"
#include "dialdiff/render.h"
#include "internal.h"


/* "key": "s", left out when s is NULL. */
static void jstr_opt(dd_json_writer *w, const char *key, const char *s)
{
	if (s)
		dd_rnd_jstr(w, key, s);
}

static void jbool(dd_json_writer *w, const char *key, int v)
{
	dd_json_key(w, key);
	dd_json_bool(w, v);
}

/* "key": {"en": ..., "zh": ...} with only the languages present. */
static void jtext(dd_json_writer *w, const char *key, const dd_text *t)
{
	dd_rnd_jobject(w, key);
	jstr_opt(w, "en", t->en);
	jstr_opt(w, "zh", t->zh);
	dd_json_end_object(w);
}

static int has_text(const dd_text *t)
{
	return t->en || t->zh;
}

/* "key": [{"from": 1, "to": 2, "value": 0.5}, ...] for consecutive
 * rounds of s. */
static void jsimilarity(dd_json_writer *w, const char *key,
			const dd_series *s, const double *sim)
{
	size_t i;

	dd_rnd_jarray(w, key);
	for (i = 1; sim && i < s->nrounds; i++) {
		dd_json_begin_object(w);
		dd_rnd_jint(w, "from", dd_rnd_round_number(s, i - 1));
		dd_rnd_jint(w, "to", dd_rnd_round_number(s, i));
		dd_json_key(w, "value");
		dd_json_double(w, sim[i - 1]);
		dd_json_end_object(w);
	}
	dd_json_end_array(w);
}

/* "counts": {section id: n} for the given section ids. */
static void jcounts(dd_json_writer *w, const dd_round *r, const char **ids,
		    size_t nids)
{
	size_t i;

	dd_rnd_jobject(w, "counts");
	for (i = 0; i < nids; i++)
		dd_rnd_jint(w, ids[i],
			    (long long)dd_rnd_section_count(r, ids[i]));
	dd_json_end_object(w);
}

static void jseries_head(dd_json_writer *w, const dd_series *s)
{
	dd_rnd_jstr(w, "id", s->id);
	jtext(w, "title", &s->title);
}

static int finish(dd_buf *out)
{
	dd_buf_addc(out, '\n');
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- diff ---------------------------------------------------------- */

static void jside(dd_json_writer *w, const char *key, const dd_round *r)
{
	dd_rnd_jobject(w, key);
	dd_rnd_jstr(w, "series", r->series);
	dd_rnd_jint(w, "round", r->number);
	dd_rnd_jstr(w, "date", r->date);
	dd_rnd_jstr(w, "path", r->path);
	dd_rnd_jstr(w, "rev", r->rev);
	dd_json_end_object(w);
}

enum kind { ADDED, KEPT, DROPPED };

static void jdiff_item(dd_json_writer *w, const dd_diff *d,
		       const dd_diff_section *sec, const dd_diff_item *it,
		       enum kind kind)
{
	const dd_item *now = kind == DROPPED ? it->from : it->to;
	const dd_entry *e = dd_rnd_entry(d->tx, sec->tsection, it->entry);
	size_t i;

	dd_json_begin_object(w);
	dd_rnd_jstr(w, "id", it->key);
	if (now)
		jtext(w, "label", &now->label);
	if (kind == KEPT && it->from)
		jtext(w, "from_label", &it->from->label);
	if (now)
		jstr_opt(w, "action", now->action);
	if (kind == KEPT && it->from)
		jstr_opt(w, "from_action", it->from->action);
	if (now)
		jstr_opt(w, "note", now->note);
	if (kind == KEPT && it->from)
		jstr_opt(w, "from_note", it->from->note);
	if (kind == KEPT) {
		dd_rnd_jarray(w, "changes");
		for (i = 0; i < 3; i++)
			if (it->changes & dd_rnd_change_bits[i])
				dd_json_string(w, dd_change_name(
						dd_rnd_change_bits[i]));
		dd_json_end_array(w);
	}
	if (e)
		jtext(w, "entry_name", &e->name);
	jbool(w, "classified", it->entry >= 0);
	dd_json_end_object(w);
}

static void jdiff_items(dd_json_writer *w, const char *key,
			const dd_diff *d, const dd_diff_section *sec,
			const dd_diff_item *items, size_t n, enum kind kind)
{
	size_t i;

	dd_rnd_jarray(w, key);
	for (i = 0; i < n; i++)
		jdiff_item(w, d, sec, &items[i], kind);
	dd_json_end_array(w);
}

/* ---- gates ---------------------------------------------------------- */

static void jgate_item(void *data, const dd_gate *g, const dd_diff *d,
		       const dd_diff_section *s, const dd_diff_item *it)
{
	dd_json_writer *w = data;
	const dd_item *now = dd_rnd_item(it);

	(void)g;
	dd_json_begin_object(w);
	dd_rnd_jint(w, "round", d->to->number);
	dd_rnd_jstr(w, "path", d->to->path);
	dd_rnd_jstr(w, "section", s->id);
	dd_rnd_jstr(w, "id", it->key);
	jtext(w, "label", &now->label);
	dd_json_end_object(w);
}

/* "gates": every gate of o (--fail-on, then --exit-code's), tripped or
 * not, with the items of diffs that trip it. */
static void jgates(dd_json_writer *w, const dd_render_opts *o,
		   dd_diff *const *diffs, size_t n)
{
	char name[512];
	size_t i, j, count;

	if (!o || !o->ngates)
		return;
	dd_rnd_jarray(w, "gates");
	for (i = 0; i < o->ngates; i++) {
		for (j = count = 0; j < n; j++)
			count += diffs[j] ? dd_gate_items(&o->gates[i], diffs[j],
							  NULL, NULL) : 0;
		dd_gate_name(name, sizeof(name), &o->gates[i]);
		dd_json_begin_object(w);
		dd_rnd_jstr(w, "gate", name);
		jbool(w, "tripped", count > 0);
		dd_rnd_jarray(w, "items");
		for (j = 0; j < n; j++)
			if (diffs[j])
				dd_gate_items(&o->gates[i], diffs[j], jgate_item, w);
		dd_json_end_array(w);
		dd_json_end_object(w);
	}
	dd_json_end_array(w);
}

/* A diff object; with o, its gates too (a diff on its own). */
static void jdiff(dd_json_writer *w, const dd_diff *d,
		  const dd_render_opts *o)
{
	size_t i;

	dd_json_begin_object(w);
	dd_rnd_jstr(w, "schema", DD_SCHEMA_DIFF);
	jside(w, "from", d->from);
	jside(w, "to", d->to);
	dd_rnd_jarray(w, "sections");
	for (i = 0; i < d->nsections; i++) {
		const dd_diff_section *sec = &d->sections[i];

		dd_json_begin_object(w);
		dd_rnd_jstr(w, "id", sec->id);
		jtext(w, "title", &sec->title);
		dd_json_key(w, "similarity");
		dd_json_double(w, sec->similarity);
		if (sec->unrecorded) {	/* the sides that do not record it */
			dd_rnd_jarray(w, "not_recorded");
			if (sec->unrecorded & DD_UNRECORDED_FROM)
				dd_json_string(w, "from");
			if (sec->unrecorded & DD_UNRECORDED_TO)
				dd_json_string(w, "to");
			dd_json_end_array(w);
		}
		jdiff_items(w, "added", d, sec, sec->added, sec->nadded, ADDED);
		jdiff_items(w, "kept", d, sec, sec->kept, sec->nkept, KEPT);
		jdiff_items(w, "dropped", d, sec, sec->dropped, sec->ndropped,
			    DROPPED);
		dd_rnd_jint(w, "changed", (long long)sec->nchanged);
		dd_json_end_object(w);
	}
	dd_json_end_array(w);
	dd_rnd_jobject(w, "summary");
	dd_rnd_jint(w, "added", (long long)d->nadded);
	dd_rnd_jint(w, "kept", (long long)d->nkept);
	dd_rnd_jint(w, "dropped", (long long)d->ndropped);
	dd_rnd_jint(w, "changed", (long long)d->nchanged);
	dd_json_end_object(w);
	jgates(w, o, (dd_diff *const *)&d, 1);
	dd_json_end_object(w);
}

static int json_diff(dd_buf *out, dd_diff *const *d, size_t n,
		     const dd_render_opts *o)
{
	dd_json_writer w;
	size_t i;

	dd_json_writer_init(&w, out, 0);
	if (n == 1) {
		jdiff(&w, d[0], o);
	} else {
		dd_json_begin_object(&w);
		dd_rnd_jstr(&w, "schema", DD_SCHEMA_DIFFS);
		dd_rnd_jarray(&w, "diffs");
		for (i = 0; i < n; i++)
			jdiff(&w, d[i], NULL);
		dd_json_end_array(&w);
		jgates(&w, o, d, n);
		dd_json_end_object(&w);
	}
	return finish(out);
}

/* ---- review and log ------------------------------------------------ */

static void jfiles(dd_json_writer *w, const dd_file_change *files, size_t n)
{
	size_t i;

	dd_rnd_jarray(w, "files");
	for (i = 0; i < n; i++) {
		const dd_file_change *f = &files[i];

		dd_json_begin_object(w);
		dd_rnd_jstr(w, "path", f->path);
		jstr_opt(w, "old_path", f->old_path);
		dd_rnd_jstr(w, "status", dd_file_status_name(f->status));
		if (f->baseline)	/* an added round, and the one before it */
			dd_rnd_jstr(w, "baseline", "previous-round");
		if (f->diff) {
			dd_json_key(w, "diff");
			jdiff(w, f->diff, NULL);
		}
		jstr_opt(w, "error", f->error);
		dd_json_end_object(w);
	}
	dd_json_end_array(w);
}

static void jids(dd_json_writer *w, const char *key, const char **ids,
		 size_t n)
{
	size_t i;

	dd_rnd_jarray(w, key);
	for (i = 0; i < n; i++)
		dd_json_string(w, ids[i]);
	dd_json_end_array(w);
}

/* "taxonomies": each taxonomy that changed, with its entries. */
static void jtaxonomies(dd_json_writer *w, const dd_taxonomy_change *t,
			size_t n)
{
	size_t i;

	dd_rnd_jarray(w, "taxonomies");
	for (i = 0; i < n; i++, t++) {
		dd_json_begin_object(w);
		dd_rnd_jstr(w, "path", t->path);
		jids(w, "added", t->added, t->nadded);
		jids(w, "removed", t->removed, t->nremoved);
		jids(w, "renamed", t->renamed, t->nrenamed);
		jids(w, "patterns_changed", t->repatterned, t->nrepatterned);
		dd_json_end_object(w);
	}
	dd_json_end_array(w);
}

static int json_review(dd_buf *out, const dd_review *r,
		       const dd_render_opts *o)
{
	dd_json_writer w;

	dd_json_writer_init(&w, out, 0);
	dd_json_begin_object(&w);
	dd_rnd_jstr(&w, "schema", DD_SCHEMA_REVIEW);
	dd_rnd_jstr(&w, "from_rev", r->from_rev);
	dd_rnd_jstr(&w, "to_rev", r->to_rev);
	jfiles(&w, r->files, r->nfiles);
	jtaxonomies(&w, r->taxonomies, r->ntaxonomies);
	if (o && o->ngates) {
		dd_diff **diffs = calloc(r->nfiles + 1, sizeof(*diffs));
		size_t i;

		if (!diffs)
			return -1;
		for (i = 0; i < r->nfiles; i++)
			diffs[i] = r->files[i].diff;
		jgates(&w, o, diffs, r->nfiles);
		free(diffs);
	}
	dd_json_end_object(&w);
	return finish(out);
}

/*
 * The log is written in parts that resume the writer where the last part
 * left it: inside "commits": [ ... ] at depth 2, after a comma when a
 * commit came before.  Each commit is one line of compact JSON (a long
 * history is hundreds of megabytes, half of it indentation once
 * pretty-printed; a line per commit also suits line-based tools), the
 * frame around them is indented as every other document.
 */
static int json_log_begin(dd_buf *out, const dd_render_opts *o)
{
	dd_json_writer w;

	(void)o;
	dd_json_writer_init(&w, out, 0);
	dd_json_begin_object(&w);
	dd_rnd_jstr(&w, "schema", DD_SCHEMA_LOG);
	dd_rnd_jarray(&w, "commits");
	return dd_buf_oom(out) ? -1 : 0;
}

static void resume(dd_json_writer *w, dd_buf *out, size_t index)
{
	dd_json_writer_init(w, out, 0);
	w->depth = 2;
	w->need_comma = index > 0;
}

static int json_log_commit(dd_buf *out, const dd_log_commit *c, size_t index,
			   const dd_render_opts *o)
{
	dd_json_writer w;

	(void)o;
	resume(&w, out, index);
	dd_json_begin_object(&w);
	w.compact = 1;
	dd_rnd_jstr(&w, "id", c->id);
	jids(&w, "parents", c->parents, c->nparents);
	dd_rnd_jobject(&w, "author");
	dd_rnd_jstr(&w, "name", c->author_name);
	dd_rnd_jstr(&w, "email", c->author_email);
	dd_json_end_object(&w);
	dd_rnd_jstr(&w, "date", c->date);
	dd_rnd_jstr(&w, "subject", c->subject);
	jfiles(&w, c->files, c->nfiles);
	if (c->ntaxonomies)
		jtaxonomies(&w, c->taxonomies, c->ntaxonomies);
	dd_json_end_object(&w);
	return dd_buf_oom(out) ? -1 : 0;
}

static int json_log_end(dd_buf *out, size_t n, const dd_error *failed,
			const dd_render_opts *o)
{
	dd_json_writer w;

	(void)o;
	resume(&w, out, n);
	dd_json_end_array(&w);
	if (failed) {
		dd_rnd_jobject(&w, "error");
		dd_rnd_jstr(&w, "file", *failed->file ? failed->file : NULL);
		dd_rnd_jint(&w, "line", failed->line);
		dd_rnd_jint(&w, "column", failed->column);
		dd_rnd_jstr(&w, "message", failed->message);
		dd_json_end_object(&w);
	}
	dd_json_end_object(&w);
	return finish(out);
}

/* ---- timeline ------------------------------------------------------ */

static void jtimeline_row(dd_json_writer *w, const dd_series *s,
			  const dd_timeline_row *row)
{
	char num[32];
	size_t i, from = 0, a, b;

	dd_json_begin_object(w);
	dd_rnd_jstr(w, "id", row->key);
	jtext(w, "name", &row->name);
	dd_rnd_jarray(w, "present");
	for (i = 0; i < s->nrounds; i++)
		if (row->cells[i])
			dd_json_int(w, dd_rnd_round_number(s, i));
	dd_json_end_array(w);
	dd_rnd_jint(w, "first", dd_rnd_round_number(s, row->first));
	dd_rnd_jint(w, "last", dd_rnd_round_number(s, row->last));
	jbool(w, "gap", row->gap);
	dd_rnd_jarray(w, "gaps");
	while (dd_rnd_row_gap(row, s->nrounds, &from, &a, &b)) {
		dd_json_begin_object(w);
		dd_rnd_jint(w, "dropped", dd_rnd_round_number(s, a));
		dd_rnd_jint(w, "re_added", dd_rnd_round_number(s, b + 1));
		dd_json_end_object(w);
	}
	dd_json_end_array(w);
	jbool(w, "core", row->core);
	jbool(w, "classified", row->entry >= 0);
	dd_rnd_jobject(w, "actions");
	for (i = 0; i < s->nrounds; i++) {
		snprintf(num, sizeof(num), "%lld", dd_rnd_round_number(s, i));
		dd_rnd_jstr(w, num,
			    row->cells[i] ? row->cells[i]->action : NULL);
	}
	dd_json_end_object(w);
	dd_json_end_object(w);
}

static void jtimeline(dd_json_writer *w, const dd_timeline *t, int schema)
{
	const dd_series *s = t->series;
	size_t i, j;

	dd_json_begin_object(w);
	if (schema)
		dd_rnd_jstr(w, "schema", DD_SCHEMA_TIMELINE);
	dd_rnd_jobject(w, "series");
	jseries_head(w, s);
	dd_json_end_object(w);
	dd_rnd_jarray(w, "rounds");
	for (i = 0; i < s->nrounds; i++) {
		dd_json_begin_object(w);
		dd_rnd_jint(w, "round", s->rounds[i]->number);
		dd_rnd_jstr(w, "date", s->rounds[i]->date);
		jtext(w, "title", &s->rounds[i]->title);
		dd_json_end_object(w);
	}
	dd_json_end_array(w);
	dd_rnd_jarray(w, "sections");
	for (i = 0; i < t->nsections; i++) {
		const dd_timeline_section *sec = &t->sections[i];

		dd_json_begin_object(w);
		dd_rnd_jstr(w, "id", sec->id);
		jtext(w, "title", &sec->title);
		dd_rnd_jarray(w, "entries");
		for (j = 0; j < sec->nrows; j++)
			jtimeline_row(w, s, &sec->rows[j]);
		dd_json_end_array(w);
		dd_rnd_jarray(w, "core");
		for (j = 0; j < sec->nrows; j++)
			if (sec->rows[j].core)
				dd_json_string(w, sec->rows[j].key);
		dd_json_end_array(w);
		jsimilarity(w, "similarity", s, sec->similarity);
		dd_json_end_object(w);
	}
	dd_json_end_array(w);
	jsimilarity(w, "similarity", s, t->similarity);
	dd_json_end_object(w);
}

static int json_timeline(dd_buf *out, const dd_timeline *t,
			 const dd_render_opts *o)
{
	dd_json_writer w;

	(void)o;
	dd_json_writer_init(&w, out, 0);
	jtimeline(&w, t, 1);
	return finish(out);
}

/* ---- rounds: report, list, show ------------------------------------ */

static void jchairs(dd_json_writer *w, const dd_round *r)
{
	size_t i;

	dd_rnd_jarray(w, "chairs");
	for (i = 0; i < r->nchairs; i++) {
		dd_json_begin_object(w);
		jtext(w, "name", &r->chairs[i].name);
		if (has_text(&r->chairs[i].role))
			jtext(w, "role", &r->chairs[i].role);
		jstr_opt(w, "party", r->chairs[i].party);
		dd_json_end_object(w);
	}
	dd_json_end_array(w);
}

static void jsources(dd_json_writer *w, const dd_round *r)
{
	size_t i;

	dd_rnd_jarray(w, "sources");
	for (i = 0; i < r->nsources; i++) {
		dd_json_begin_object(w);
		jstr_opt(w, "title", r->sources[i].title);
		jstr_opt(w, "publisher", r->sources[i].publisher);
		jstr_opt(w, "date", r->sources[i].date);
		jstr_opt(w, "url", r->sources[i].url);
		dd_json_end_object(w);
	}
	dd_json_end_array(w);
}

static int json_report(dd_buf *out, const dd_report *r,
		       const dd_render_opts *o)
{
	const dd_series *s = r->series;
	dd_json_writer w;
	const char **ids;
	size_t nids, i;

	(void)o;
	if (dd_rnd_section_ids(&ids, &nids, r->tx, s->rounds, s->nrounds) < 0)
		return -1;
	dd_json_writer_init(&w, out, 0);
	dd_json_begin_object(&w);
	dd_rnd_jstr(&w, "schema", DD_SCHEMA_REPORT);
	dd_rnd_jobject(&w, "series");
	jseries_head(&w, s);
	dd_rnd_jstr(&w, "path", s->dir);
	dd_rnd_jarray(&w, "parties");
	for (i = 0; i < s->nparties; i++) {
		dd_json_begin_object(&w);
		dd_rnd_jstr(&w, "id", s->parties[i].id);
		jtext(&w, "name", &s->parties[i].name);
		dd_json_end_object(&w);
	}
	dd_json_end_array(&w);
	dd_json_end_object(&w);
	dd_rnd_jarray(&w, "rounds");
	for (i = 0; i < s->nrounds; i++) {
		const dd_round *rd = s->rounds[i];

		dd_json_begin_object(&w);
		dd_rnd_jint(&w, "round", rd->number);
		dd_rnd_jstr(&w, "date", rd->date);
		jtext(&w, "title", &rd->title);
		jtext(&w, "place", &rd->place);
		dd_rnd_jstr(&w, "path", rd->path);
		dd_rnd_jstr(&w, "rev", rd->rev);
		jchairs(&w, rd);
		jsources(&w, rd);
		jcounts(&w, rd, ids, nids);
		dd_json_end_object(&w);
	}
	dd_json_end_array(&w);
	if (r->timeline) {
		dd_json_key(&w, "timeline");
		jtimeline(&w, r->timeline, 0);
	}
	dd_rnd_jarray(&w, "diffs");
	for (i = 0; i < r->ndiffs; i++)
		jdiff(&w, r->diffs[i], NULL);
	dd_json_end_array(&w);
	dd_json_end_object(&w);
	free(ids);
	return finish(out);
}

static int json_list(dd_buf *out, const dd_listing *l,
		     const dd_render_opts *o)
{
	dd_json_writer w;
	size_t i, j;

	(void)o;
	dd_json_writer_init(&w, out, 0);
	dd_json_begin_object(&w);
	dd_rnd_jstr(&w, "schema", DD_SCHEMA_LIST);
	dd_rnd_jarray(&w, "series");
	for (i = 0; i < l->nseries; i++) {
		const dd_series *s = l->series[i];
		const char **ids;
		size_t nids;

		if (dd_rnd_section_ids(&ids, &nids, l->txs ? l->txs[i] : NULL, s->rounds,
				       s->nrounds) < 0)
			return -1;
		dd_json_begin_object(&w);
		jseries_head(&w, s);
		dd_rnd_jstr(&w, "path", s->dir);
		dd_rnd_jarray(&w, "rounds");
		for (j = 0; j < s->nrounds; j++) {
			const dd_round *rd = s->rounds[j];

			dd_json_begin_object(&w);
			dd_rnd_jint(&w, "round", rd->number);
			dd_rnd_jstr(&w, "date", rd->date);
			jtext(&w, "title", &rd->title);
			dd_rnd_jstr(&w, "path", rd->path);
			jcounts(&w, rd, ids, nids);
			dd_json_end_object(&w);
		}
		dd_json_end_array(&w);
		dd_json_end_object(&w);
		free(ids);
	}
	dd_json_end_array(&w);
	dd_json_end_object(&w);
	return finish(out);
}

static void jshow_item(dd_json_writer *w, const dd_taxonomy *tx,
		       const dd_round_section *sec, const dd_item *it)
{
	const dd_entry *e = NULL, *e2 = NULL;

	if (it->cls == DD_CLASS_EXPLICIT || it->cls == DD_CLASS_MATCHED)
		e = dd_rnd_entry(tx, sec->tsection, it->entry);
	dd_json_begin_object(w);
	dd_rnd_jstr(w, "id", it->key ? it->key : it->id);
	jtext(w, "label", &it->label);
	jstr_opt(w, "action", it->action);
	jstr_opt(w, "note", it->note);
	dd_rnd_jstr(w, "class", dd_rnd_class_name(it->cls));
	if (e)
		jtext(w, "entry_name", &e->name);
	if (it->id)
		dd_rnd_jstr(w, "explicit_id", it->id);
	if (it->cls == DD_CLASS_AMBIGUOUS) {
		e = dd_rnd_entry(tx, sec->tsection, it->entry);
		e2 = dd_rnd_entry(tx, sec->tsection, it->entry2);
		dd_rnd_jarray(w, "candidates");
		if (e)
			dd_json_string(w, e->id);
		if (e2)
			dd_json_string(w, e2->id);
		dd_json_end_array(w);
	}
	dd_rnd_jint(w, "line", it->pos.line);
	dd_json_end_object(w);
}

static int json_show(dd_buf *out, const dd_round *r, const dd_taxonomy *tx,
		     const dd_render_opts *o)
{
	dd_json_writer w;
	size_t i, j;

	(void)o;
	dd_json_writer_init(&w, out, 0);
	dd_json_begin_object(&w);
	dd_rnd_jstr(&w, "schema", DD_SCHEMA_ROUND);
	dd_rnd_jstr(&w, "series", r->series);
	dd_rnd_jint(&w, "round", r->number);
	dd_rnd_jstr(&w, "date", r->date);
	dd_rnd_jstr(&w, "path", r->path);
	dd_rnd_jstr(&w, "rev", r->rev);
	jtext(&w, "title", &r->title);
	jtext(&w, "place", &r->place);
	jchairs(&w, r);
	jsources(&w, r);
	dd_rnd_jarray(&w, "sections");
	for (i = 0; i < r->nsections; i++) {
		const dd_round_section *sec = &r->sections[i];
		dd_text title = dd_rnd_section_title(tx, sec);

		dd_json_begin_object(&w);
		dd_rnd_jstr(&w, "id", sec->id);
		jtext(&w, "title", &title);
		dd_rnd_jarray(&w, "items");
		for (j = 0; j < sec->count; j++)
			jshow_item(&w, tx, sec, &sec->items[j]);
		dd_json_end_array(&w);
		dd_json_end_object(&w);
	}
	dd_json_end_array(&w);
	dd_rnd_jarray(&w, "reaffirms");
	for (i = 0; i < r->nreaffirms; i++) {
		dd_json_begin_object(&w);
		jtext(&w, "label", &r->reaffirms[i].label);
		jstr_opt(&w, "note", r->reaffirms[i].note);
		dd_json_end_object(&w);
	}
	dd_json_end_array(&w);
	dd_json_end_object(&w);
	return finish(out);
}

/* ---- check ---------------------------------------------------------- */

/* "key": n, or null when n is 0 (no position). */
static void jpos(dd_json_writer *w, const char *key, int n)
{
	dd_json_key(w, key);
	if (n > 0)
		dd_json_int(w, n);
	else
		dd_json_null(w);
}

static int json_check(dd_buf *out, const dd_check_result *c,
		      const dd_render_opts *o)
{
	const dd_diags *dl = c->diags;
	dd_json_writer w;
	size_t i;

	(void)o;
	dd_json_writer_init(&w, out, 0);
	dd_json_begin_object(&w);
	dd_rnd_jstr(&w, "schema", DD_SCHEMA_CHECK);
	dd_rnd_jarray(&w, "diagnostics");
	for (i = 0; i < dl->count; i++) {
		const dd_diag *d = &dl->items[i];

		dd_json_begin_object(&w);
		dd_rnd_jstr(&w, "file", d->file);
		jpos(&w, "line", d->line);
		jpos(&w, "column", d->line > 0 ? d->column : 0);
		dd_rnd_jstr(&w, "severity", dd_severity_name(d->severity));
		dd_rnd_jstr(&w, "rule", d->rule);
		dd_rnd_jstr(&w, "message", d->message);
		dd_json_end_object(&w);
	}
	dd_json_end_array(&w);
	dd_rnd_jobject(&w, "summary");
	dd_rnd_jint(&w, "files", (long long)c->nfiles);
	dd_rnd_jint(&w, "errors", (long long)dl->errors);
	dd_rnd_jint(&w, "warnings", (long long)dl->warnings);
	dd_json_end_object(&w);
	dd_json_end_object(&w);
	return finish(out);
}

const dd_renderer dd_render_json = {
	"json",
	json_report,
	json_list,
	json_show,
	json_diff,
	json_timeline,
	json_check,
	json_review,
	json_log_begin,
	json_log_commit,
	json_log_end,
};
