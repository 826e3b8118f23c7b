/*
 * text.c - the text format: for a terminal, in the manner of git's output.
 *
 * Columns are aligned by display width (dd_utf8_width: CJK characters take
 * two columns), so tables line up with Chinese labels.  With opts->color,
 * ANSI escapes: bold headers, green "+", red "-", yellow "~"; every styled
 * span is reset before the end of its line.  Without it, no escape at all.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/render.h"
#include "internal.h"
#include "messages.h"

/* Styles of a span; S_RIGHT right-aligns a table cell. */
#define S_BOLD 1u
#define S_GREEN 2u
#define S_RED 4u
#define S_YELLOW 8u
#define S_DIM 16u
#define S_COLORS 31u
#define S_RIGHT 32u

#define ARROW "\xe2\x86\x92"	/* → */
#define PRESENT "\xe2\x97\x8f"	/* ● */
#define ABSENT "\xc2\xb7"	/* · */

static void style_on(dd_buf *out, int color, unsigned st)
{
	static const struct { unsigned bit; const char *code; } codes[] = {
		{ S_BOLD, "1" }, { S_DIM, "2" }, { S_RED, "31" },
		{ S_GREEN, "32" }, { S_YELLOW, "33" },
	};
	const char *sep = "";
	size_t i;

	if (!color || !(st & S_COLORS))
		return;
	dd_buf_adds(out, "\033[");
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (st & codes[i].bit) {
			dd_buf_adds(out, sep);
			dd_buf_adds(out, codes[i].code);
			sep = ";";
		}
	dd_buf_addc(out, 'm');
}

static void style_off(dd_buf *out, int color, unsigned st)
{
	if (color && (st & S_COLORS))
		dd_buf_adds(out, "\033[m");
}

/*
 * Append text that may come from the data.  Control characters (C0, DEL,
 * C1) must not reach a terminal: white space becomes a space (a line break
 * in a label would break the layout), anything else '?', so that a label
 * cannot smuggle in an escape sequence.  Structural line breaks and the
 * colour escapes are appended with dd_buf_addc / style_on instead.
 */
static void put(dd_buf *out, const char *s)
{
	dd_text_add_safe(out, s);
}

/* put() of a formatted string. */
static void vputf(dd_buf *out, const char *fmt, va_list ap)
{
	char small[256], *s = small;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(small, sizeof(small), fmt, aq);
	va_end(aq);
	if (n >= 0 && (size_t)n >= sizeof(small)) {
		s = malloc((size_t)n + 1);
		if (s)
			vsnprintf(s, (size_t)n + 1, fmt, ap);
	}
	if (n < 0 || !s) {
		out->oom = 1;
		return;
	}
	put(out, s);
	if (s != small)
		free(s);
}

static void putf(dd_buf *out, const char *fmt, ...) DD_PRINTF(2, 3);
static void putf(dd_buf *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vputf(out, fmt, ap);
	va_end(ap);
}

/* put() in style st. */
static void span(dd_buf *out, int color, unsigned st, const char *s)
{
	style_on(out, color, st);
	put(out, s);
	style_off(out, color, st);
}

/* ---- tables aligned by display width -------------------------------- */

typedef struct table {
	size_t ncols;
	dd_buf text;		/* the cells, each NUL-terminated */
	struct tcell {
		size_t off;	/* in text */
		unsigned style;	/* S_* */
	} *cells;
	size_t n, alloc;
	size_t eq_first, eq_count;	/* columns made equally wide */
	int oom;
} table;

static void tab_init(table *t, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols ? ncols : 1;
	dd_buf_init(&t->text);
}

static void tab_release(table *t)
{
	dd_buf_release(&t->text);
	free(t->cells);
	t->cells = NULL;
}

/* Start the next cell, in style st (rows fill left to right): its text is
 * what is appended to the buffer returned, until the next cell starts. */
static dd_buf *tab_cell(table *t, unsigned st)
{
	if (t->n)
		dd_buf_addc(&t->text, '\0');	/* ends the cell before */
	if (t->n == t->alloc) {
		size_t na = t->alloc ? t->alloc * 2 : 32;
		struct tcell *c = realloc(t->cells, na * sizeof(*c));

		if (!c) {
			t->oom = 1;
			return &t->text;
		}
		t->cells = c;
		t->alloc = na;
	}
	t->cells[t->n].off = t->text.len;
	t->cells[t->n++].style = st;
	return &t->text;
}

static void tab_add(table *t, unsigned st, const char *s)
{
	put(tab_cell(t, st), s);
}

static void tab_addf(table *t, unsigned st, const char *fmt, ...)
	DD_PRINTF(3, 4);
static void tab_addf(table *t, unsigned st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vputf(tab_cell(t, st), fmt, ap);
	va_end(ap);
}

/* Fill the rest of the current row with empty cells. */
static void tab_endrow(table *t)
{
	while (!t->oom && t->n % t->ncols)
		tab_add(t, 0, "");
}

static const char *cell(const table *t, size_t i)
{
	return t->text.ptr + t->cells[i].off;
}

/*
 * Append the table to out: each line indented by indent spaces, columns
 * two spaces apart, padded to the widest cell of the column; no trailing
 * white space.  Returns -1 when memory ran out (in the table or here).
 */
static int tab_render(dd_buf *out, table *t, size_t indent, int color)
{
	size_t *width, r, c, nrows;

	tab_endrow(t);
	if (t->oom || dd_buf_oom(&t->text))
		return -1;
	width = calloc(t->ncols, sizeof(*width));
	if (!width)
		return -1;
	for (r = 0; r < t->n; r++) {
		size_t w = dd_utf8_width(cell(t, r));

		if (w > width[r % t->ncols])
			width[r % t->ncols] = w;
	}
	if (t->eq_count && t->eq_first + t->eq_count <= t->ncols) {
		size_t w = 0;

		for (c = t->eq_first; c < t->eq_first + t->eq_count; c++)
			w = width[c] > w ? width[c] : w;
		for (c = t->eq_first; c < t->eq_first + t->eq_count; c++)
			width[c] = w;
	}
	nrows = t->n / t->ncols;
	for (r = 0; r < nrows; r++) {
		size_t base = r * t->ncols, last = 0;
		int first = 1;

		for (c = 0; c < t->ncols; c++)
			if (*cell(t, base + c))
				last = c;
		dd_buf_addn(out, ' ', indent);
		for (c = 0; c <= last; c++) {
			const char *s = cell(t, base + c);
			unsigned st = t->cells[base + c].style;
			size_t pad = width[c] - dd_utf8_width(s);

			if (!width[c])
				continue;	/* an empty column takes no room */
			if (!first)
				dd_buf_adds(out, "  ");
			first = 0;
			if (st & S_RIGHT)
				dd_buf_addn(out, ' ', pad);
			span(out, color, st, s);
			if (!(st & S_RIGHT) && c < last)
				dd_buf_addn(out, ' ', pad);
		}
		dd_buf_addc(out, '\n');
	}
	free(width);
	return dd_buf_oom(out) ? -1 : 0;
}

/* The word id in o's language (messages.h). */
static const char *w(const dd_render_opts *o, dd_msg id)
{
	return dd_msg_get(o->lang, id);
}

/* ---- diff ----------------------------------------------------------- */

static void side_name(dd_buf *out, const dd_round *r, int with_series,
		      const dd_render_opts *o)
{
	if (with_series && r->series)
		putf(out, "%s/%lld", r->series, r->number);
	else
		dd_msg_fill(out, o->lang, U_L_ROUND_N, r->number, 0);
	if (r->date)
		putf(out, " (%s)", r->date);
}

/* "--- PATH", "--- REV7:PATH", or "--- /dev/null" for no file */
static void side_path(dd_buf *out, const char *prefix, const dd_round *r,
		      int color)
{
	style_on(out, color, S_BOLD);
	put(out, prefix);
	if (r->rev && r->path)
		putf(out, "%.7s:", r->rev);
	put(out, r->path ? r->path : "/dev/null");
	style_off(out, color, S_BOLD);
	dd_buf_addc(out, '\n');
}

static const char *or_none(const char *s, const dd_render_opts *o)
{
	return s ? s : w(o, U_L_NONE);
}

/* What changed in a kept item: "label: a → b; action: a → b; note: a → b" */
static void changes(dd_buf *out, const dd_diff_item *it,
		    const dd_render_opts *o)
{
	unsigned changed = dd_diff_item_changed(it);
	dd_lang lang = o->lang;
	const char *sep = "";

	if (changed & DD_CHANGE_LABEL) {
		const char *a = dd_text_get(&it->from->label, lang);
		const char *b = dd_text_get(&it->to->label, lang);

		if (!strcmp(a, b)) {
			dd_lang other = lang == DD_LANG_EN ? DD_LANG_ZH
							   : DD_LANG_EN;

			a = dd_text_get(&it->from->label, other);
			b = dd_text_get(&it->to->label, other);
		}
		if (strcmp(a, b))
			putf(out, "%s%s%s " ARROW " %s", w(o, U_L_LABEL),
			     w(o, U_COLON), a, b);
		else
			put(out, w(o, U_L_LABEL_CHANGED));
		sep = w(o, U_L_NOTE_SEP);
	}
	if (changed & DD_CHANGE_ACTION) {
		putf(out, "%s%s%s%s " ARROW " %s", sep, w(o, U_L_ACTION),
		     w(o, U_COLON),
		     or_none(dd_msg_action(lang, it->from->action), o),
		     or_none(dd_msg_action(lang, it->to->action), o));
		sep = w(o, U_L_NOTE_SEP);
	}
	if (changed & DD_CHANGE_NOTE)
		putf(out, "%s%s%s%s " ARROW " %s", sep, w(o, U_L_NOTE),
		     w(o, U_COLON), or_none(it->from->note, o),
		     or_none(it->to->note, o));
}

/* "+ label  [key]  (action)" */
static void item_line(dd_buf *out, const dd_render_opts *o, char mark,
		      unsigned st, const dd_diff_item *it)
{
	const dd_item *item = dd_rnd_item(it);

	/* put() piece by piece, not putf(): a diff may have 100,000 lines,
	 * and formatting them took a tenth of the time of a large diff */
	style_on(out, o->color, st);
	dd_buf_addc(out, mark);
	dd_buf_addc(out, ' ');
	put(out, dd_diff_item_label(it, o->lang));
	if (mark == '+' || mark == '-') {
		put(out, "  [");
		put(out, it->key ? it->key : "");
		dd_buf_addc(out, ']');
		if (item && item->action) {
			put(out, "  (");
			put(out, dd_msg_action(o->lang, item->action));
			dd_buf_addc(out, ')');
		}
	} else if (mark == '~') {
		put(out, "  ");
		changes(out, it, o);
	}
	style_off(out, o->color, st);
	dd_buf_addc(out, '\n');
}

/* "diff round 1 (DATE) → round 2 (DATE)"; "diff round 3 (DATE), new";
 * "diff round 5 (DATE), new, compared with round 4 (DATE)"; "diff round 5
 * (DATE), deleted". */
static void diff_heading(dd_buf *out, const dd_diff *d, int baseline,
			 const dd_render_opts *o)
{
	int with_series = dd_rnd_cross_series(d);

	style_on(out, o->color, S_BOLD);
	put(out, w(o, U_T_DIFF));
	switch (dd_rnd_sides_of(d, baseline)) {
	case DD_RND_PAIR:
		side_name(out, d->from, with_series, o);
		put(out, " " ARROW " ");
		side_name(out, d->to, with_series, o);
		break;
	case DD_RND_NEW:
		side_name(out, d->to, with_series, o);
		put(out, w(o, U_T_NEW));
		break;
	case DD_RND_NEW_AFTER:
		side_name(out, d->to, with_series, o);
		put(out, w(o, U_T_NEW_AFTER));
		side_name(out, d->from, with_series, o);
		break;
	case DD_RND_DELETED:
		side_name(out, d->from, with_series, o);
		put(out, w(o, U_T_DELETED));
		break;
	}
	style_off(out, o->color, S_BOLD);
	dd_buf_addc(out, '\n');
}

/* After a section's counts: "similarity 0.60", or, for a section a side
 * does not record (it has no items), which round that is. */
static void section_note(dd_buf *out, const dd_diff *d,
			 const dd_diff_section *sec, const dd_render_opts *o)
{
	if (sec->unrecorded)
		dd_rnd_unrecorded(out, d, sec, o->lang);
	else
		dd_buf_addf(out, "%s %.2f", w(o, U_L_SIMILARITY),
			    sec->similarity);
}

/* "3 sections: 1 added, 2 dropped, 3 changed, 4 unchanged" */
static void diff_totals(dd_buf *out, const dd_diff *d,
			const dd_render_opts *o)
{
	dd_rnd_counts total = dd_rnd_diff_counts(d);

	dd_msg_count(out, o->lang, U_L_N_SECTION, U_L_N_SECTIONS,
		     d->nsections);
	dd_buf_adds(out, w(o, U_COLON));
	dd_rnd_counts_words(out, &total, o->lang);
	dd_buf_addc(out, '\n');
}

/* --stat: a line of counts per section instead of its items, aligned, as
 * git diff --stat has a line per file; then the totals. */
static void text_diff_stat(dd_buf *out, const dd_diff *d,
			   const dd_render_opts *o)
{
	table tab;
	size_t i;

	tab_init(&tab, 3);
	for (i = 0; i < d->nsections; i++) {
		const dd_diff_section *sec = &d->sections[i];
		dd_rnd_counts c = dd_rnd_section_counts(sec);
		dd_buf *marks;

		tab_add(&tab, 0, dd_text_get(&sec->title, o->lang));
		marks = tab_cell(&tab, 0);
		dd_buf_adds(marks, "| ");
		dd_rnd_counts_marks(marks, &c, 1);
		section_note(tab_cell(&tab, 0), d, sec, o);
	}
	if (tab_render(out, &tab, 1, o->color) < 0)
		out->oom = 1;
	tab_release(&tab);
	dd_buf_addc(out, ' ');
	diff_totals(out, d, o);
}

/* One diff; baseline: dd_file_change.baseline (0 for a diff of two
 * rounds). */
static void text_diff_one(dd_buf *out, const dd_diff *d, int baseline,
			  const dd_render_opts *o)
{
	size_t i, j;

	diff_heading(out, d, baseline, o);
	if (o->stat) {
		text_diff_stat(out, d, o);
		return;
	}
	side_path(out, "--- ", d->from, o->color);
	side_path(out, "+++ ", d->to, o->color);

	for (i = 0; i < d->nsections; i++) {
		const dd_diff_section *sec = &d->sections[i];
		dd_rnd_counts c = dd_rnd_section_counts(sec);

		dd_buf_addc(out, '\n');
		style_on(out, o->color, S_BOLD);
		put(out, dd_text_get(&sec->title, o->lang));
		put(out, "  ");
		dd_rnd_counts_marks(out, &c, 1);
		put(out, "  ");
		section_note(out, d, sec, o);
		style_off(out, o->color, S_BOLD);
		dd_buf_addc(out, '\n');
		for (j = 0; j < sec->nadded; j++)
			item_line(out, o, '+', S_GREEN, &sec->added[j]);
		for (j = 0; j < sec->ndropped; j++)
			item_line(out, o, '-', S_RED, &sec->dropped[j]);
		for (j = 0; j < sec->nkept; j++) {
			const dd_diff_item *it = &sec->kept[j];

			if (dd_diff_item_changed(it))
				item_line(out, o, '~', S_YELLOW, it);
			else if (dd_rnd_kept_listed(o, it))
				item_line(out, o, '=', 0, it);
		}
	}
	dd_buf_addc(out, '\n');
	diff_totals(out, d, o);
}

static int text_diff(dd_buf *out, dd_diff *const *d, size_t n,
		     const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			dd_buf_addc(out, '\n');
		text_diff_one(out, d[i], 0, o);
	}
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- review and log ------------------------------------------------- */

/* "modified PATH", "renamed OLD → NEW", then the diff or the error. */
static void text_file_change(dd_buf *out, const dd_file_change *f,
			     const dd_render_opts *o)
{
	style_on(out, o->color, S_BOLD);
	putf(out, "%s ", dd_msg_status(o->lang, f->status, 0));
	if (f->old_path)
		putf(out, "%s " ARROW " ", f->old_path);
	put(out, f->path);
	style_off(out, o->color, S_BOLD);
	if (f->status == DD_FILE_RECLASSIFIED)
		put(out, w(o, U_T_RECLASSIFIED_NOTE));
	dd_buf_addc(out, '\n');
	if (f->diff) {
		text_diff_one(out, f->diff, f->baseline, o);
	} else {
		style_on(out, o->color, S_RED);
		putf(out, "%s%s", w(o, U_L_ERROR_IS),
		     f->error ? f->error : w(o, U_L_CANNOT_COMPARE));
		style_off(out, o->color, S_RED);
		dd_buf_addc(out, '\n');
	}
}

static void text_files(dd_buf *out, const dd_file_change *files, size_t n,
		       const dd_render_opts *o)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			dd_buf_addc(out, '\n');
		text_file_change(out, &files[i], o);
	}
}

static int text_review(dd_buf *out, const dd_review *r,
		       const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);

	if (r->from_rev || r->to_rev) {
		style_on(out, o->color, S_BOLD);
		putf(out, "%s%.7s..", w(o, U_T_REVIEW),
		     r->from_rev ? r->from_rev : "");
		if (r->to_rev)
			putf(out, "%.7s", r->to_rev);
		else
			put(out, w(o, U_L_WORKTREE));
		style_off(out, o->color, S_BOLD);
		dd_buf_addc(out, '\n');
		if (!r->nfiles && !r->ntaxonomies) {
			put(out, w(o, U_T_NO_FILE_CHANGED));
			dd_buf_addc(out, '\n');
		} else {
			dd_buf_addc(out, '\n');
		}
	}
	dd_rnd_taxonomy_changes(out, r->taxonomies, r->ntaxonomies, 0, o->lang);
	if (r->ntaxonomies && r->nfiles)
		dd_buf_addc(out, '\n');
	text_files(out, r->files, r->nfiles, o);
	return dd_buf_oom(out) ? -1 : 0;
}

static int text_log_begin(dd_buf *out, const dd_render_opts *opts)
{
	(void)out;
	(void)opts;
	return 0;
}

/* As git log --oneline: "abc1234 subject  PATH +1 -2 ~3, PATH ...". */
static void text_log_oneline(dd_buf *out, const dd_log_commit *c,
			     const dd_render_opts *o)
{
	size_t j;

	style_on(out, o->color, S_YELLOW);
	putf(out, "%.7s", c->id);
	style_off(out, o->color, S_YELLOW);
	dd_buf_addc(out, ' ');
	put(out, c->subject);
	for (j = 0; j < c->nfiles; j++) {
		const dd_file_change *f = &c->files[j];

		put(out, j ? ", " : "  ");
		put(out, f->path);
		dd_buf_addc(out, ' ');
		if (f->diff) {
			dd_rnd_counts n = dd_rnd_diff_counts(f->diff);

			dd_rnd_counts_marks(out, &n, 0);
		} else {
			putf(out, "(%s)", w(o, U_L_CANNOT_COMPARE));
		}
	}
	dd_buf_addc(out, '\n');
}

/* As git log: the commit header, then each file's change. */
static int text_log_commit(dd_buf *out, const dd_log_commit *c, size_t index,
			   const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	size_t j;

	if (o->oneline) {
		text_log_oneline(out, c, o);
		return dd_buf_oom(out) ? -1 : 0;
	}
	if (index)
		dd_buf_addc(out, '\n');
	style_on(out, o->color, S_YELLOW);
	putf(out, "commit %s", c->id);
	style_off(out, o->color, S_YELLOW);
	dd_buf_addc(out, '\n');
	if (c->nparents > 1) {
		put(out, "Merge:");
		for (j = 0; j < c->nparents; j++)
			putf(out, " %.7s", c->parents[j]);
		dd_buf_addc(out, '\n');
	}
	putf(out, "Author: %s <%s>", c->author_name, c->author_email);
	dd_buf_addc(out, '\n');
	putf(out, "Date:   %s", c->date);
	dd_buf_addc(out, '\n');
	dd_buf_addc(out, '\n');
	putf(out, "    %s", c->subject);
	dd_buf_addc(out, '\n');
	if (c->nfiles || c->ntaxonomies)
		dd_buf_addc(out, '\n');
	dd_rnd_taxonomy_changes(out, c->taxonomies, c->ntaxonomies, 0, o->lang);
	if (c->ntaxonomies && c->nfiles)
		dd_buf_addc(out, '\n');
	text_files(out, c->files, c->nfiles, o);
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- listing (textconv) --------------------------------------------- */

typedef struct listed {
	const dd_round_section *sec;
	const dd_item *it;
	int tsec, entry;
} listed;

static int cmp_listed(const void *pa, const void *pb)
{
	const listed *a = pa, *b = pb;
	int ka = a->tsec < 0, kb = b->tsec < 0;
	int rc;

	/* taxonomy sections in order, then unknown sections by id */
	if (ka != kb)
		return ka - kb;
	if (!ka && a->tsec != b->tsec)
		return a->tsec < b->tsec ? -1 : 1;
	if (ka && (rc = strcmp(a->sec->id ? a->sec->id : "",
			       b->sec->id ? b->sec->id : "")))
		return rc;
	/* entries in taxonomy order, then the rest by key */
	ka = a->entry < 0;
	kb = b->entry < 0;
	if (ka != kb)
		return ka - kb;
	if (!ka && a->entry != b->entry)
		return a->entry < b->entry ? -1 : 1;
	rc = strcmp(a->it->key ? a->it->key : "", b->it->key ? b->it->key : "");
	if (rc)
		return rc;
	return a->it < b->it ? -1 : a->it > b->it;
}

/* "ZH / EN", or the one there is. */
static void both_languages(dd_buf *out, const dd_text *t)
{
	if (t->zh && t->en)
		putf(out, "%s / %s", t->zh, t->en);
	else
		put(out, t->zh ? t->zh : t->en);
}

int dd_render_listing(dd_buf *out, const dd_round *r)
{
	listed *items;
	size_t i, j, n = 0;

	putf(out, "series: %s", r->series ? r->series : "");
	dd_buf_addc(out, '\n');
	putf(out, "round: %lld", r->number);
	dd_buf_addc(out, '\n');
	putf(out, "date: %s", r->date ? r->date : "");
	dd_buf_addc(out, '\n');
	put(out, "title: ");
	both_languages(out, &r->title);
	dd_buf_addc(out, '\n');
	if (r->place.en || r->place.zh) {
		put(out, "place: ");
		both_languages(out, &r->place);
		dd_buf_addc(out, '\n');
	}
	for (i = 0; i < r->nsections; i++)
		n += r->sections[i].count;
	items = calloc(n ? n : 1, sizeof(*items));
	if (!items)
		return -1;
	n = 0;
	for (i = 0; i < r->nsections; i++)
		for (j = 0; j < r->sections[i].count; j++) {
			const dd_item *it = &r->sections[i].items[j];
			int known = it->cls == DD_CLASS_EXPLICIT ||
				    it->cls == DD_CLASS_MATCHED;

			items[n].sec = &r->sections[i];
			items[n].it = it;
			items[n].tsec = r->sections[i].tsection;
			items[n].entry = known ? it->entry : -1;
			n++;
		}
	qsort(items, n, sizeof(*items), cmp_listed);
	if (n)
		dd_buf_addc(out, '\n');
	for (i = 0; i < n; i++) {
		const dd_item *it = items[i].it;
		const char *sec = items[i].sec->id ? items[i].sec->id : "";

		putf(out, "%s: %s%s", sec, items[i].entry < 0 ? "? " : "",
		     it->key ? it->key : "");
		if (it->action)
			putf(out, " (%s)", it->action);
		put(out, "  ");
		both_languages(out, &it->label);
		dd_buf_addc(out, '\n');
		if (it->note) {
			putf(out, "%s: %s note: %s", sec, it->key ? it->key : "",
			     it->note);
			dd_buf_addc(out, '\n');
		}
	}
	free(items);
	if (r->nreaffirms)
		dd_buf_addc(out, '\n');
	for (i = 0; i < r->nreaffirms; i++) {
		put(out, "reaffirms: ");
		both_languages(out, &r->reaffirms[i].label);
		dd_buf_addc(out, '\n');
	}
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- timeline ------------------------------------------------------- */

/* "core set (in all 4 rounds): a, b" under a section's matrix. */
static void core_line(dd_buf *out, const dd_timeline *t,
		      const dd_timeline_section *sec, const dd_render_opts *o)
{
	const char *sep = w(o, U_L_FIRST);
	size_t j;

	dd_msg_fill(out, o->lang, U_T_CORE_SET, (long long)t->series->nrounds,
		    0);
	for (j = 0; j < sec->nrows; j++)
		if (sec->rows[j].core) {
			put(out, sep);
			put(out, dd_text_get(&sec->rows[j].name, o->lang));
			sep = w(o, U_L_SEP);
		}
	if (!dd_rnd_core_count(sec))
		put(out, w(o, U_L_NONE_AFTER));
	dd_buf_addc(out, '\n');
}

/*
 * One section: a matrix of entries x rounds.  A cell holds the action the
 * round recorded (in full: "established"), PRESENT when it recorded none,
 * ABSENT when the entry is absent; then the first-last rounds seen, the
 * number of rounds present and the notes.
 */
static int timeline_section(dd_buf *out, const dd_timeline *t,
			    const dd_timeline_section *sec,
			    const dd_render_opts *o)
{
	const dd_series *s = t->series;
	size_t nr = s->nrounds, i, j;
	dd_rnd_note_words nw = dd_rnd_notes(o->lang);
	char buf[64];
	table tab;
	int rc;

	tab_init(&tab, nr + 4);
	tab.eq_first = 1;	/* the rounds' columns equally wide */
	tab.eq_count = nr;
	tab_add(&tab, S_BOLD, dd_text_get(&sec->title, o->lang));
	for (i = 0; i < nr; i++)
		tab_addf(&tab, S_BOLD, "%lld", dd_rnd_round_number(s, i));
	tab_add(&tab, S_BOLD, w(o, U_L_SEEN));
	tab_add(&tab, S_BOLD | S_RIGHT, w(o, U_L_ROUNDS));
	tab_endrow(&tab);
	for (j = 0; j < sec->nrows; j++) {
		const dd_timeline_row *row = &sec->rows[j];

		tab_add(&tab, 0, dd_text_get(&row->name, o->lang));
		for (i = 0; i < nr; i++) {
			const dd_item *it = row->cells[i];

			if (!it)
				tab_add(&tab, S_DIM, ABSENT);
			else
				tab_add(&tab, S_GREEN,
					it->action ? dd_msg_action(o->lang,
								   it->action)
						   : PRESENT);
		}
		dd_rnd_row_seen(buf, sizeof(buf), s, row);
		tab_add(&tab, 0, buf);
		tab_addf(&tab, S_RIGHT, "%zu/%zu", row->npresent, nr);
		dd_rnd_row_notes(tab_cell(&tab, 0), s, row, &nw);
	}
	if (nr > 1 && sec->similarity) {
		tab_add(&tab, S_DIM, w(o, U_L_SIM_PREV));
		tab_add(&tab, 0, "");
		for (i = 1; i < nr; i++)
			tab_addf(&tab, S_DIM, "%.2f", sec->similarity[i - 1]);
		tab_endrow(&tab);
	}
	rc = tab_render(out, &tab, 0, o->color);
	tab_release(&tab);
	if (rc < 0)
		return -1;
	core_line(out, t, sec, o);
	return dd_buf_oom(out) ? -1 : 0;
}

static int text_timeline(dd_buf *out, const dd_timeline *t,
			 const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	const dd_series *s = t->series;
	size_t i;

	style_on(out, o->color, S_BOLD);
	put(out, w(o, U_T_TIMELINE));
	put(out, dd_text_get(&s->title, o->lang));
	style_off(out, o->color, S_BOLD);
	dd_buf_addc(out, '\n');
	put(out, w(o, U_T_ROUNDS));
	for (i = 0; i < s->nrounds; i++)
		putf(out, "%s%lld (%s)", w(o, i ? U_L_SEP : U_L_FIRST),
			    s->rounds[i]->number,
			    s->rounds[i]->date ? s->rounds[i]->date : "?");
	dd_buf_addc(out, '\n');
	put(out, w(o, U_T_CELLS));
	dd_buf_addc(out, '\n');
	for (i = 0; i < t->nsections; i++) {
		dd_buf_addc(out, '\n');
		if (timeline_section(out, t, &t->sections[i], o) < 0)
			return -1;
	}
	if (s->nrounds > 1 && t->similarity) {
		dd_buf_addc(out, '\n');
		put(out, w(o, U_T_SIM_ALL));
		for (i = 1; i < s->nrounds; i++)
			putf(out, "%s%lld" ARROW "%lld %.2f",
				    w(o, i > 1 ? U_L_SEP : U_L_FIRST),
				    dd_rnd_round_number(s, i - 1),
				    dd_rnd_round_number(s, i),
				    t->similarity[i - 1]);
		dd_buf_addc(out, '\n');
	}
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- report --------------------------------------------------------- */

static int text_report(dd_buf *out, const dd_report *r,
		       const dd_render_opts *opts)
{
	dd_render_opts full;
	const dd_render_opts *o = dd_rnd_report_opts(&full, opts);
	const dd_series *s = r->series;
	table tab;
	size_t i;
	int rc;

	style_on(out, o->color, S_BOLD);
	put(out, dd_text_get(&s->title, o->lang));
	if (s->id)
		putf(out, "  [%s]", s->id);
	style_off(out, o->color, S_BOLD);
	dd_buf_addc(out, '\n');
	if (s->nparties) {
		put(out, w(o, U_L_PARTIES));
		for (i = 0; i < s->nparties; i++) {
			put(out, w(o, i ? U_L_SEP : U_L_FIRST));
			put(out, dd_text_get(&s->parties[i].name, o->lang));
		}
		dd_buf_addc(out, '\n');
	}
	dd_buf_addc(out, '\n');
	tab_init(&tab, 4);
	tab_add(&tab, S_BOLD | S_RIGHT, w(o, U_L_ROUND));
	tab_add(&tab, S_BOLD, w(o, U_L_DATE));
	tab_add(&tab, S_BOLD, w(o, U_L_PLACE));
	tab_add(&tab, S_BOLD, w(o, U_L_TITLE));
	for (i = 0; i < s->nrounds; i++) {
		const dd_round *rd = s->rounds[i];

		tab_addf(&tab, S_RIGHT, "%lld", rd->number);
		tab_add(&tab, 0, rd->date);
		tab_add(&tab, 0, dd_text_get(&rd->place, o->lang));
		tab_add(&tab, 0, dd_text_get(&rd->title, o->lang));
	}
	rc = tab_render(out, &tab, 0, o->color);
	tab_release(&tab);
	if (rc < 0)
		return -1;
	if (r->timeline) {
		dd_buf_addc(out, '\n');
		if (text_timeline(out, r->timeline, o) < 0)
			return -1;
	}
	if (r->ndiffs) {
		dd_buf_addc(out, '\n');
		text_diff(out, r->diffs, r->ndiffs, o);
	}
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- list ----------------------------------------------------------- */

static int list_series(dd_buf *out, const dd_series *s,
		       const dd_taxonomy *tx, const dd_render_opts *o)
{
	const char **ids;
	size_t nids, i, j;
	table tab;
	int rc;

	style_on(out, o->color, S_BOLD);
	putf(out, "%s  %s", s->id ? s->id : "",
		    dd_text_get(&s->title, o->lang));
	style_off(out, o->color, S_BOLD);
	if (s->dir)
		putf(out, "  (%s)", s->dir);
	dd_buf_addc(out, '\n');
	if (!s->nrounds) {
		put(out, "  ");
		put(out, w(o, U_T_NO_ROUNDS));
		dd_buf_addc(out, '\n');
		return dd_buf_oom(out) ? -1 : 0;
	}
	if (dd_rnd_section_ids(&ids, &nids, tx, s->rounds, s->nrounds) < 0)
		return -1;
	tab_init(&tab, 4 + nids);
	tab_add(&tab, S_BOLD | S_RIGHT, w(o, U_L_ROUND));
	tab_add(&tab, S_BOLD, w(o, U_L_DATE));
	tab_add(&tab, S_BOLD, w(o, U_L_TITLE));
	tab_add(&tab, S_BOLD, w(o, U_L_FILE));
	for (j = 0; j < nids; j++)
		tab_add(&tab, S_BOLD | S_RIGHT, ids[j]);
	for (i = 0; i < s->nrounds; i++) {
		const dd_round *rd = s->rounds[i];

		tab_addf(&tab, S_RIGHT, "%lld", rd->number);
		tab_add(&tab, 0, rd->date);
		tab_add(&tab, 0, dd_text_get(&rd->title, o->lang));
		tab_add(&tab, 0, dd_rnd_round_file(s, rd));
		for (j = 0; j < nids; j++)
			tab_addf(&tab, S_RIGHT, "%zu",
				 dd_rnd_section_count(rd, ids[j]));
	}
	free(ids);
	rc = tab_render(out, &tab, 2, o->color);
	tab_release(&tab);
	return rc;
}

static int text_list(dd_buf *out, const dd_listing *l,
		     const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	size_t i;

	for (i = 0; i < l->nseries; i++) {
		if (i)
			dd_buf_addc(out, '\n');
		if (list_series(out, l->series[i], l->txs ? l->txs[i] : NULL, o) < 0)
			return -1;
	}
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- show ----------------------------------------------------------- */

/* "! unclassified", "! ambiguous: a, b", ... or "" */
static void class_marker(char *dst, size_t size, const dd_taxonomy *tx,
			 const dd_round_section *sec, const dd_item *it,
			 const dd_render_opts *o)
{
	const dd_entry *a, *b;

	dst[0] = '\0';
	if (!dd_rnd_class_problem(it->cls))
		return;
	a = dd_rnd_entry(tx, sec->tsection, it->entry);
	b = dd_rnd_entry(tx, sec->tsection, it->entry2);
	if (it->cls == DD_CLASS_AMBIGUOUS && a && b)
		snprintf(dst, size, "! %s%s%s, %s",
			 dd_msg_class(o->lang, it->cls), w(o, U_COLON), a->id,
			 b->id);
	else if (it->cls == DD_CLASS_UNKNOWN_ID)
		snprintf(dst, size, "! %s", w(o, U_UNKNOWN_ID));
	else
		snprintf(dst, size, "! %s", dd_msg_class(o->lang, it->cls));
}

/* "name (role, party)", the party by its name in the series. */
static void show_chairs(dd_buf *out, const dd_round *r,
			const dd_render_opts *o)
{
	size_t i;

	for (i = 0; i < r->nchairs; i++) {
		const dd_chair *c = &r->chairs[i];
		const char *role = dd_text_get(&c->role, o->lang);
		const char *party = dd_rnd_party_name(o, c->party);

		putf(out, "%s%s", i ? w(o, U_L_NOTE_SEP) : "",
			    dd_text_get(&c->name, o->lang));
		if (*role && party)
			putf(out, " (%s%s%s)", role, w(o, U_L_SEP), party);
		else if (*role || party)
			putf(out, " (%s)", *role ? role : party);
	}
}

static int show_section(dd_buf *out, const dd_round_section *sec,
			const dd_taxonomy *tx, const dd_render_opts *o)
{
	dd_text title = dd_rnd_section_title(tx, sec);
	char marker[512];
	table tab;
	size_t j;
	int rc;

	style_on(out, o->color, S_BOLD);
	putf(out, "%s  (%zu)", dd_text_get(&title, o->lang),
		    sec->count);
	style_off(out, o->color, S_BOLD);
	dd_buf_addc(out, '\n');
	tab_init(&tab, 5);
	for (j = 0; j < sec->count; j++) {
		const dd_item *it = &sec->items[j];

		class_marker(marker, sizeof(marker), tx, sec, it, o);
		tab_add(&tab, 0, dd_text_get(&it->label, o->lang));
		tab_addf(&tab, 0, "[%s]", it->key ? it->key
					 : it->id ? it->id : "?");
		if (it->action)
			tab_addf(&tab, 0, "(%s)",
				 dd_msg_action(o->lang, it->action));
		else
			tab_add(&tab, 0, "");
		tab_add(&tab, S_RED, marker);
		tab_add(&tab, S_DIM, it->note);
	}
	rc = tab_render(out, &tab, 2, o->color);
	tab_release(&tab);
	return rc;
}

static int text_show(dd_buf *out, const dd_round *r, const dd_taxonomy *tx,
		     const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	table tab;
	size_t i;
	int rc;

	style_on(out, o->color, S_BOLD);
	dd_msg_fill(out, o->lang, U_L_ROUND_N, r->number, 0);
	put(out, "  ");
	put(out, dd_text_get(&r->title, o->lang));
	style_off(out, o->color, S_BOLD);
	dd_buf_addc(out, '\n');
	tab_init(&tab, 2);
	if (r->series) {
		tab_add(&tab, 0, w(o, U_L_SERIES));
		tab_add(&tab, 0, r->series);
	}
	if (r->date) {
		tab_add(&tab, 0, w(o, U_L_DATE));
		tab_add(&tab, 0, r->date);
	}
	if (r->place.en || r->place.zh) {
		tab_add(&tab, 0, w(o, U_L_PLACE));
		tab_add(&tab, 0, dd_text_get(&r->place, o->lang));
	}
	if (r->nchairs) {
		tab_add(&tab, 0, w(o, U_L_CHAIRS));
		show_chairs(tab_cell(&tab, 0), r, o);
	}
	if (r->path) {
		dd_buf *file;

		tab_add(&tab, 0, w(o, U_L_FILE));
		file = tab_cell(&tab, 0);
		if (r->rev)
			putf(file, "%.7s:", r->rev);
		put(file, r->path);
	}
	rc = tab_render(out, &tab, 0, o->color);
	tab_release(&tab);
	if (rc < 0)
		return -1;
	for (i = 0; i < r->nsections; i++) {
		dd_buf_addc(out, '\n');
		if (show_section(out, &r->sections[i], tx, o) < 0)
			return -1;
	}
	if (r->nreaffirms) {
		dd_buf_addc(out, '\n');
		style_on(out, o->color, S_BOLD);
		putf(out, "%s  (%zu)", w(o, U_L_REAFFIRMS), r->nreaffirms);
		style_off(out, o->color, S_BOLD);
		dd_buf_addc(out, '\n');
		for (i = 0; i < r->nreaffirms; i++) {
			put(out, "  ");
			put(out, dd_text_get(&r->reaffirms[i].label, o->lang));
			dd_buf_addc(out, '\n');
		}
	}
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- check ---------------------------------------------------------- */

/* file:line:col: error: message [rule], one per line, then a summary. */
static int text_check(dd_buf *out, const dd_check_result *c,
		      const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	const dd_diags *dl = c->diags;
	size_t i;

	for (i = 0; i < dl->count; i++) {
		const dd_diag *d = &dl->items[i];
		int err = d->severity == DD_SEV_ERROR;

		style_on(out, o->color, S_BOLD);
		put(out, d->file);
		if (d->line > 0)
			dd_buf_addf(out, ":%d", d->line);
		if (d->line > 0 && d->column > 0)
			dd_buf_addf(out, ":%d", d->column);
		dd_buf_addc(out, ':');
		style_off(out, o->color, S_BOLD);
		dd_buf_addc(out, ' ');
		span(out, o->color, S_BOLD | (err ? S_RED : S_YELLOW),
		     dd_severity_name(d->severity));
		dd_buf_adds(out, ": ");
		put(out, d->message);
		dd_buf_adds(out, " [");
		put(out, d->rule);
		dd_buf_adds(out, "]\n");
	}
	dd_buf_addf(out, "%zu file%s checked: ", c->nfiles,
		    dd_rnd_plural(c->nfiles));
	if (!dl->errors && !dl->warnings)
		dd_buf_adds(out, "no problems found\n");
	else
		dd_buf_addf(out, "%zu error%s, %zu warning%s\n", dl->errors,
			    dd_rnd_plural(dl->errors), dl->warnings,
			    dd_rnd_plural(dl->warnings));
	return dd_buf_oom(out) ? -1 : 0;
}

const dd_renderer dd_render_text = {
	"text",
	text_report,
	text_list,
	text_show,
	text_diff,
	text_timeline,
	text_check,
	text_review,
	text_log_begin,
	text_log_commit,
	dd_rnd_log_end,
};
