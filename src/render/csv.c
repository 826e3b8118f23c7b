/*
 * csv.c - tidy CSV for analysts (pandas, R, spreadsheets): one table per
 * command, a header row, then one row per observation.
 *
 *   list       a row per round: series, round, date, title, path, and
 *              counts.SECTION per section (the names pandas.json_normalize
 *              gives the JSON's "counts"); empty where the series does not
 *              have that section.
 *   timeline   a row per series x section x entry x round: present
 *              (true/false) and the action recorded.
 *   diff       a row per item of each diff, unchanged kept items included
 *              (status added | dropped | changed | unchanged), whatever
 *              --all-items and --stat say: as JSON, the table is complete.
 *   review     the diff columns after from_rev, to_rev and the file
 *              (path, old_path, file_status); a file that cannot be
 *              compared is one row with status "error".
 *   log        the review columns with the commit (full id, author, date,
 *              subject) in place of the revisions.
 *
 * The encoding is RFC 4180: UTF-8 without a byte order mark, CRLF line
 * ends, a field in double quotes when it holds a comma, a double quote, CR
 * or LF, quotes doubled inside.  Cells hold the data as it is (labels in
 * --lang, falling back as elsewhere); booleans are true/false, a value
 * that does not exist is an empty cell.  Bytes that are not UTF-8 (file
 * names, commit subjects) become U+FFFD.
 *
 * csv-excel is the same table for a spreadsheet: a byte order mark first
 * (else Excel reads UTF-8 as a legacy code page), and a ' before a cell
 * that starts with = + - @ TAB or CR, which a spreadsheet would run as a
 * formula (CSV injection).  csv has neither: the mark and the prefix
 * would change the data for pandas and R.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/render.h"
#include "internal.h"

/* A row being written: cells are appended to out, separated by commas. */
typedef struct row {
	dd_buf *out;
	dd_buf tmp;		/* for dd_rnd_utf8 */
	size_t ncells;		/* in the current row */
	int sheet;		/* csv-excel: guard against formulas */
} row;

static void row_init(row *r, dd_buf *out, int sheet)
{
	r->out = out;
	dd_buf_init(&r->tmp);
	r->ncells = 0;
	r->sheet = sheet;
}

/* The first row of a table: for a spreadsheet, the byte order mark that
 * makes Excel read UTF-8. */
static void table_init(row *r, dd_buf *out, int sheet)
{
	row_init(r, out, sheet);
	if (sheet)
		dd_buf_adds(out, "\xef\xbb\xbf");
}

/* Release r; -1 when out (or r's own buffer) ran out of memory. */
static int row_finish(row *r)
{
	if (dd_buf_oom(&r->tmp))
		r->out->oom = 1;
	dd_buf_release(&r->tmp);
	return dd_buf_oom(r->out) ? -1 : 0;
}

/*
 * Append field s (NULL: an empty cell), quoted where RFC 4180 needs it.
 * For a spreadsheet, a cell that starts with = + - @ TAB or CR (which a
 * spreadsheet would take for a formula) starts with ' instead, in quotes,
 * as OWASP advises against CSV injection.
 */
static void cell(row *r, const char *s)
{
	const char *p;
	int guard;

	if (r->ncells++)
		dd_buf_addc(r->out, ',');
	if (!s || !*s)
		return;
	s = dd_rnd_utf8(&r->tmp, s);
	if (dd_buf_oom(&r->tmp)) {	/* before the next reset clears it */
		r->out->oom = 1;
		return;
	}
	guard = r->sheet && strchr("=+-@\t\r", *s);
	if (!guard && !s[strcspn(s, ",\"\r\n")]) {
		dd_buf_adds(r->out, s);
		return;
	}
	dd_buf_addc(r->out, '"');
	if (guard)
		dd_buf_addc(r->out, '\'');
	while ((p = strchr(s, '"'))) {
		dd_buf_add(r->out, s, (size_t)(p - s) + 1);
		dd_buf_addc(r->out, '"');
		s = p + 1;
	}
	dd_buf_adds(r->out, s);
	dd_buf_addc(r->out, '"');
}

static void cell_int(row *r, long long v)
{
	char num[32];

	snprintf(num, sizeof(num), "%lld", v);
	cell(r, num);
}

static void cell_bool(row *r, int v)
{
	cell(r, v ? "true" : "false");
}

static void cell_text(row *r, const dd_text *t, dd_lang lang)
{
	cell(r, dd_text_get(t, lang));
}

static void row_end(row *r)
{
	dd_buf_adds(r->out, "\r\n");
	r->ncells = 0;
}

/* The header row: the n names of cols. */
static void header(row *r, const char *const *cols, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		cell(r, cols[i]);
}

#define HEADER(r, cols) header(r, cols, sizeof(cols) / sizeof(cols[0]))

/* ---- diff, review, log ------------------------------------------------ */

static const char *const diff_cols[] = {
	"series", "section", "entry", "classified", "status", "changes",
	"from_round", "to_round", "old_label", "new_label", "old_action",
	"new_action", "old_note", "new_note"
};
#define STATUS_COL 4	/* diff_cols[STATUS_COL] is "status" */

/* The round number of side s, empty for the missing side of an added or
 * deleted round file. */
static void cell_round(row *r, const dd_round *s)
{
	if (dd_rnd_empty_side(s))
		cell(r, NULL);
	else
		cell_int(r, s->number);
}

/* "label;action": the names of what changed in a kept item. */
static void cell_changes(row *r, unsigned changes)
{
	char names[64] = "";
	size_t i;

	for (i = 0; i < 3; i++)
		if (changes & dd_rnd_change_bits[i]) {
			if (*names)
				strcat(names, ";");
			strcat(names, dd_change_name(dd_rnd_change_bits[i]));
		}
	cell(r, names);
}

static void item_row(row *r, const char *prefix, const dd_diff *d,
		     const dd_diff_section *sec, const dd_diff_item *it,
		     const char *status, const dd_render_opts *o)
{
	const dd_round *named = dd_rnd_empty_side(d->to) ? d->from : d->to;
	const dd_item *a = it->from, *b = it->to;

	dd_buf_adds(r->out, prefix);
	r->ncells = *prefix != '\0';
	cell(r, named->series);
	cell(r, sec->id);
	cell(r, it->key);
	cell_bool(r, it->entry >= 0);
	cell(r, status);
	cell_changes(r, dd_diff_item_changed(it));
	cell_round(r, d->from);
	cell_round(r, d->to);
	cell(r, a ? dd_text_get(&a->label, o->lang) : NULL);
	cell(r, b ? dd_text_get(&b->label, o->lang) : NULL);
	cell(r, a ? a->action : NULL);
	cell(r, b ? b->action : NULL);
	cell(r, a ? a->note : NULL);
	cell(r, b ? b->note : NULL);
	row_end(r);
}

/*
 * A row for every item of d, section after section: added, dropped, then
 * kept (changed or unchanged).  prefix: the cells that come first in each
 * row, already encoded, without the comma that follows them ("" for
 * none).
 */
static void diff_rows(row *r, const char *prefix, const dd_diff *d,
		      const dd_render_opts *o)
{
	size_t i, j;

	for (i = 0; i < d->nsections; i++) {
		const dd_diff_section *sec = &d->sections[i];

		for (j = 0; j < sec->nadded; j++)
			item_row(r, prefix, d, sec, &sec->added[j], "added", o);
		for (j = 0; j < sec->ndropped; j++)
			item_row(r, prefix, d, sec, &sec->dropped[j], "dropped",
				 o);
		for (j = 0; j < sec->nkept; j++)
			item_row(r, prefix, d, sec, &sec->kept[j],
				 dd_diff_item_changed(&sec->kept[j]) ?
				 "changed" : "unchanged", o);
	}
}

static int diff_table(dd_buf *out, dd_diff *const *d, size_t n,
		      const dd_render_opts *opts, int sheet)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	size_t i;
	row r;

	table_init(&r, out, sheet);
	HEADER(&r, diff_cols);
	row_end(&r);
	for (i = 0; i < n; i++)
		diff_rows(&r, "", d[i], o);
	return row_finish(&r);
}

/*
 * The rows of each file: the nlead cells of lead (the revisions, or the
 * commit) come first, then the file's, then the diff's; a file that
 * cannot be compared is one row with status "error" and no item.
 */
static void file_rows(row *r, const char *const *lead, size_t nlead,
		      const dd_file_change *files, size_t n,
		      const dd_render_opts *o)
{
	dd_buf prefix = DD_BUF_INIT;
	row p;
	size_t i, k;

	row_init(&p, &prefix, r->sheet);
	for (i = 0; i < n; i++) {
		const dd_file_change *f = &files[i];

		dd_buf_reset(&prefix);
		p.ncells = 0;
		for (k = 0; k < nlead; k++)
			cell(&p, lead[k]);
		cell(&p, f->path);
		cell(&p, f->old_path);
		cell(&p, dd_file_status_name(f->status));
		if (dd_buf_oom(&prefix)) {	/* before the reset clears it */
			r->out->oom = 1;
			break;
		}
		if (f->diff) {
			diff_rows(r, prefix.ptr, f->diff, o);
			continue;
		}
		dd_buf_adds(r->out, prefix.ptr);
		r->ncells = 1;
		for (k = 0; k < sizeof(diff_cols) / sizeof(diff_cols[0]); k++)
			cell(r, k == STATUS_COL ? "error" : NULL);
		row_end(r);
	}
	if (row_finish(&p) < 0)
		r->out->oom = 1;
	dd_buf_release(&prefix);
}

static const char *const review_cols[] = {
	"from_rev", "to_rev", "path", "old_path", "file_status"
};

static int review_table(dd_buf *out, const dd_review *rv,
			const dd_render_opts *opts, int sheet)
{
	/* to_rev NULL, an empty cell: the working tree */
	const char *lead[] = { rv->from_rev, rv->to_rev };
	row r;

	table_init(&r, out, sheet);
	HEADER(&r, review_cols);
	HEADER(&r, diff_cols);
	row_end(&r);
	file_rows(&r, lead, 2, rv->files, rv->nfiles, dd_rnd_opts(opts));
	return row_finish(&r);
}

static const char *const log_cols[] = {
	"commit", "author_name", "author_email", "date", "subject", "path",
	"old_path", "file_status"
};

static int log_head(dd_buf *out, int sheet)
{
	row r;

	table_init(&r, out, sheet);
	HEADER(&r, log_cols);
	HEADER(&r, diff_cols);
	row_end(&r);
	return row_finish(&r);
}

static int log_rows(dd_buf *out, const dd_log_commit *c,
		    const dd_render_opts *opts, int sheet)
{
	const char *lead[] = { c->id, c->author_name, c->author_email, c->date,
			       c->subject };
	row r;

	row_init(&r, out, sheet);
	file_rows(&r, lead, 5, c->files, c->nfiles, dd_rnd_opts(opts));
	return row_finish(&r);
}

/* ---- timeline --------------------------------------------------------- */

static const char *const timeline_cols[] = {
	"series", "section", "entry", "classified", "name", "round", "date",
	"present", "action"
};

static int timeline_table(dd_buf *out, const dd_timeline *t,
			  const dd_render_opts *opts, int sheet)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	const dd_series *s = t->series;
	size_t i, j, k;
	row r;

	table_init(&r, out, sheet);
	HEADER(&r, timeline_cols);
	row_end(&r);
	for (i = 0; i < t->nsections; i++) {
		const dd_timeline_section *sec = &t->sections[i];

		for (j = 0; j < sec->nrows; j++) {
			const dd_timeline_row *tr = &sec->rows[j];

			for (k = 0; k < s->nrounds; k++) {
				const dd_item *it = tr->cells[k];

				cell(&r, s->id);
				cell(&r, sec->id);
				cell(&r, tr->key);
				cell_bool(&r, tr->entry >= 0);
				cell_text(&r, &tr->name, o->lang);
				cell_int(&r, s->rounds[k]->number);
				cell(&r, s->rounds[k]->date);
				cell_bool(&r, it != NULL);
				cell(&r, it ? it->action : NULL);
				row_end(&r);
			}
		}
	}
	return row_finish(&r);
}

/* ---- list ------------------------------------------------------------- */

/* The section ids of each series of l (ids[i], nids[i]), and the union of
 * them all in order of first appearance (*all, *nall).  0 or -1. */
typedef struct list_ids {
	const char ***ids;
	size_t *nids;
	const char **all;
	size_t nall;
} list_ids;

static void list_ids_free(list_ids *li, size_t nseries)
{
	size_t i;

	for (i = 0; li->ids && i < nseries; i++)
		free(li->ids[i]);
	free(li->ids);
	free(li->nids);
	free(li->all);
}

static int list_ids_get(list_ids *li, const dd_listing *l)
{
	size_t i, j, cap = 0;

	memset(li, 0, sizeof(*li));
	li->ids = calloc(l->nseries + 1, sizeof(*li->ids));
	li->nids = calloc(l->nseries + 1, sizeof(*li->nids));
	if (!li->ids || !li->nids)
		return -1;
	for (i = 0; i < l->nseries; i++) {
		const dd_series *s = l->series[i];

		if (dd_rnd_section_ids(&li->ids[i], &li->nids[i],
				       l->txs ? l->txs[i] : NULL, s->rounds,
				       s->nrounds) < 0)
			return -1;
		cap += li->nids[i];
	}
	li->all = malloc((cap ? cap : 1) * sizeof(*li->all));
	if (!li->all)
		return -1;
	for (i = 0; i < l->nseries; i++)
		for (j = 0; j < li->nids[i]; j++)
			if (!dd_rnd_has_id(li->all, li->nall, li->ids[i][j]))
				li->all[li->nall++] = li->ids[i][j];
	return 0;
}

static const char *const list_cols[] = {
	"series", "round", "date", "title", "path"
};

static int list_table(dd_buf *out, const dd_listing *l,
		      const dd_render_opts *opts, int sheet)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	dd_buf name = DD_BUF_INIT;
	list_ids li;
	size_t i, j, k;
	row r;

	table_init(&r, out, sheet);
	if (list_ids_get(&li, l) < 0) {
		list_ids_free(&li, l->nseries);
		out->oom = 1;
		return row_finish(&r);
	}
	HEADER(&r, list_cols);
	for (k = 0; k < li.nall; k++) {
		dd_buf_reset(&name);
		dd_buf_adds(&name, "counts.");
		dd_buf_adds(&name, li.all[k]);
		cell(&r, name.ptr);
		if (dd_buf_oom(&name))	/* before the reset clears it */
			out->oom = 1;
	}
	row_end(&r);
	for (i = 0; i < l->nseries; i++) {
		const dd_series *s = l->series[i];

		for (j = 0; j < s->nrounds; j++) {
			const dd_round *rd = s->rounds[j];

			cell(&r, s->id);
			cell_int(&r, rd->number);
			cell(&r, rd->date);
			cell_text(&r, &rd->title, o->lang);
			cell(&r, rd->path);
			for (k = 0; k < li.nall; k++) {
				if (dd_rnd_has_id(li.ids[i], li.nids[i], li.all[k]))
					cell_int(&r, (long long)
						 dd_rnd_section_count(rd, li.all[k]));
				else
					cell(&r, NULL);	/* not a section of s */
			}
			row_end(&r);
		}
	}
	dd_buf_release(&name);
	list_ids_free(&li, l->nseries);
	return row_finish(&r);
}

/* ---- the two formats ------------------------------------------------- */

/*
 * The renderer dd_render_<name>, called fmt, whose functions write the
 * tables above for analysts (sheet 0) or for a spreadsheet (sheet 1).
 */
#define CSV_FUNCS(name, fmt, sheet)						\
static int name##_list(dd_buf *out, const dd_listing *l,		\
		       const dd_render_opts *o)				\
{									\
	return list_table(out, l, o, sheet);				\
}									\
static int name##_diff(dd_buf *out, dd_diff *const *d, size_t n,	\
		       const dd_render_opts *o)				\
{									\
	return diff_table(out, d, n, o, sheet);				\
}									\
static int name##_timeline(dd_buf *out, const dd_timeline *t,		\
			   const dd_render_opts *o)			\
{									\
	return timeline_table(out, t, o, sheet);			\
}									\
static int name##_review(dd_buf *out, const dd_review *r,		\
			 const dd_render_opts *o)			\
{									\
	return review_table(out, r, o, sheet);				\
}									\
static int name##_log_begin(dd_buf *out, const dd_render_opts *o)	\
{									\
	(void)o;							\
	return log_head(out, sheet);					\
}									\
static int name##_log_commit(dd_buf *out, const dd_log_commit *c,	\
			     size_t index, const dd_render_opts *o)	\
{									\
	(void)index;							\
	return log_rows(out, c, o, sheet);				\
}									\
const dd_renderer dd_render_##name = {					\
	fmt,								\
	NULL,		/* report: several tables; use the commands */	\
	name##_list,							\
	NULL,		/* show */					\
	name##_diff,							\
	name##_timeline,						\
	NULL,		/* check */					\
	name##_review,							\
	name##_log_begin,						\
	name##_log_commit,						\
	dd_rnd_log_end,		/* a table has no place for an error */	\
}

CSV_FUNCS(csv, "csv", 0);
CSV_FUNCS(csv_excel, "csv-excel", 1);
