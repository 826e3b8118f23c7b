/*
 * markdown.c - the Markdown format (GitHub flavoured), for pull-request
 * comments and CI job summaries: counts up front, then tables; a table of
 * more than DETAILS_ROWS rows is folded into a <details> block.
 *
 * Every text from the data goes through md_text(), which escapes what
 * Markdown would interpret: '|' (it would split a table cell), backticks,
 * '\\', '*', '_' (unless inside a word), '~', '[' and ']', and HTML-escapes
 * '<', '>' and '&'.  Line breaks become spaces.  A comment must not ping
 * people or link anywhere because of the data: a zero-width joiner (ZWJ)
 * goes after every '@' (@mentions, e-mail addresses) and into every
 * "www.", "http://" and "https://" (GitHub's bare autolinks).
 */
#include <stdlib.h>
#include <string.h>

#include "dialdiff/render.h"
#include "internal.h"
#include "messages.h"

#define DETAILS_ROWS 10

#define ARROW "\xe2\x86\x92"		/* → */
#define CHECK "\xe2\x9c\x93"		/* ✓ */
#define ABSENT "\xc2\xb7"		/* · */
#define M_ADDED "\xe2\x9e\x95"		/* ➕ */
#define M_DROPPED "\xe2\x9e\x96"	/* ➖ */
#define M_CHANGED "\xe2\x9c\x8f\xef\xb8\x8f"	/* ✏️ */
#define M_KEPT "\xef\xbc\x9d"		/* ＝ */
#define M_WARN "\xe2\x9a\xa0\xef\xb8\x8f"	/* ⚠️ */

static int is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

#define ZWJ "\xe2\x80\x8d"		/* U+200D ZERO WIDTH JOINER */

/* How many bytes of a bare autolink's start s begins with ("www", "http",
 * "https": the ZWJ goes after them), or 0; ASCII case ignored. */
static size_t autolink_start(const char *s)
{
	static const char *const starts[] = { "https://", "http://", "www." };
	size_t i, k;

	for (i = 0; i < sizeof(starts) / sizeof(starts[0]); i++) {
		for (k = 0; starts[i][k] && s[k] &&
			    (s[k] | 0x20) == (starts[i][k] | 0x20); k++)
			;
		if (!starts[i][k])
			return strcspn(starts[i], ":.");
	}
	return 0;
}

/* s, escaped for a table cell or a line of Markdown. */
static void md_text(dd_buf *out, const char *s)
{
	size_t i, n;

	if (!s)
		return;
	for (i = 0; s[i]; i++) {
		char c = s[i];

		switch (c) {
		case '|': case '`': case '\\': case '*': case '~':
		case '[': case ']':
			dd_buf_addc(out, '\\');
			dd_buf_addc(out, c);
			break;
		case '_':
			if (!(i && is_alnum(s[i - 1]) && is_alnum(s[i + 1])))
				dd_buf_addc(out, '\\');
			dd_buf_addc(out, c);
			break;
		case '<':
			dd_buf_adds(out, "&lt;");
			break;
		case '>':
			dd_buf_adds(out, "&gt;");
			break;
		case '&':
			dd_buf_adds(out, "&amp;");
			break;
		case '@':
			dd_buf_adds(out, "@" ZWJ);
			break;
		default:
			if ((n = autolink_start(s + i))) {
				dd_buf_add(out, s + i, n);
				dd_buf_adds(out, ZWJ);
				i += n - 1;
			} else if ((unsigned char)c < 0x20 || c == 0x7f)
				dd_buf_addc(out, ' ');
			else
				dd_buf_addc(out, c);
		}
	}
}

/* s as `code` when that is safe (no backtick, '|' or control character),
 * else as escaped text; so is s with an '@' or an autolink's start, which
 * md_text neutralises, so that no mention or link is ever in the text. */
static void md_code(dd_buf *out, const char *s)
{
	size_t i;

	if (!s || !*s)
		return;
	for (i = 0; s[i]; i++)
		if (s[i] == '`' || s[i] == '|' || (unsigned char)s[i] < 0x20 ||
		    s[i] == '@' || autolink_start(s + i))
			break;
	if (s[i]) {
		md_text(out, s);
		return;
	}
	dd_buf_addc(out, '`');
	dd_buf_adds(out, s);
	dd_buf_addc(out, '`');
}

/* The word id in o's language (messages.h). */
static const char *w(const dd_render_opts *o, dd_msg id)
{
	return dd_msg_get(o->lang, id);
}

/* " s |": a cell of a table's header row. */
static void md_th(dd_buf *out, const char *s)
{
	dd_buf_addc(out, ' ');
	md_text(out, s);
	dd_buf_adds(out, " |");
}

/* The header row and the delimiter row of a table; align: one character
 * per column, 'l', 'r' or 'c'. */
static void md_table_head(dd_buf *out, const char *const *cols,
			  const char *align)
{
	size_t i;

	dd_buf_addc(out, '|');
	for (i = 0; align[i]; i++)
		md_th(out, cols[i]);
	dd_buf_adds(out, "\n|");
	for (i = 0; align[i]; i++)
		dd_buf_adds(out, align[i] == 'r' ? " ---: |" :
				 align[i] == 'c' ? " :-: |" : " --- |");
	dd_buf_addc(out, '\n');
}

/* md_table_head with the words ids (at most 8) in o's language, "" for
 * U_COUNT. */
static void md_table_words(dd_buf *out, const dd_msg *ids, const char *align,
			   const dd_render_opts *o)
{
	const char *cols[8];
	size_t i;

	for (i = 0; align[i]; i++)
		cols[i] = ids[i] == U_COUNT ? "" : w(o, ids[i]);
	md_table_head(out, cols, align);
}

/* Open a <details> block when a table has more than DETAILS_ROWS rows;
 * what: the word of "{1} rows" ("{1} topics"); returns whether it did
 * (pass that to md_details_close). */
static int md_details_open(dd_buf *out, size_t rows, dd_msg what,
			   const dd_render_opts *o)
{
	if (rows <= DETAILS_ROWS)
		return 0;
	dd_buf_adds(out, "<details><summary>");
	dd_msg_fill(out, o->lang, what, (long long)rows, 0);
	dd_buf_adds(out, "</summary>\n\n");
	return 1;
}

static void md_details_close(dd_buf *out, int open)
{
	if (open)
		dd_buf_adds(out, "\n</details>\n");
}

/* "REV7:PATH", or PATH, as code; nothing for a round with no file. */
static void md_round_file(dd_buf *out, const dd_round *r)
{
	dd_buf tmp = DD_BUF_INIT;

	if (!r->path)
		return;
	if (r->rev)
		dd_buf_addf(&tmp, "%.7s:", r->rev);
	dd_buf_adds(&tmp, r->path);
	if (dd_buf_oom(&tmp))
		out->oom = 1;
	else
		md_code(out, tmp.ptr);
	dd_buf_release(&tmp);
}

/* ---- diff ----------------------------------------------------------- */

static void md_side(dd_buf *out, const dd_round *r, int with_series,
		    dd_lang lang)
{
	if (with_series && r->series) {
		md_text(out, r->series);
		dd_buf_addf(out, "/%lld", r->number);
	} else {
		dd_msg_fill(out, lang, U_ROUND_N, r->number, 0);
	}
}

static const char *or_dash(const char *s)
{
	return s ? s : "\xe2\x80\x94";	/* — */
}

/* "<br>*word:* " */
static void md_was(dd_buf *out, dd_lang lang, dd_msg word)
{
	dd_buf_adds(out, "<br>*");
	dd_buf_adds(out, dd_msg_get(lang, word));
	dd_buf_adds(out, dd_msg_get(lang, U_L_COLON));
	dd_buf_adds(out, "* ");
}

static void md_diff_row(dd_buf *out, const char *mark,
			const dd_diff_item *it, dd_lang lang)
{
	const dd_item *now = dd_rnd_item(it);
	unsigned changed = dd_diff_item_changed(it);

	dd_buf_addf(out, "| %s | ", mark);
	md_text(out, dd_diff_item_label(it, lang));
	if (changed & DD_CHANGE_LABEL) {
		md_was(out, lang, U_WAS);
		md_text(out, dd_text_get(&it->from->label, lang));
	}
	if (changed & DD_CHANGE_NOTE) {
		md_was(out, lang, U_L_NOTE);
		md_text(out, or_dash(it->from->note));
		dd_buf_adds(out, " " ARROW " ");
		md_text(out, or_dash(it->to->note));
	}
	dd_buf_adds(out, " | ");
	md_code(out, it->key);
	dd_buf_adds(out, " | ");
	if (changed & DD_CHANGE_ACTION) {
		md_text(out, or_dash(dd_msg_action(lang, it->from->action)));
		dd_buf_adds(out, " " ARROW " ");
		md_text(out, or_dash(dd_msg_action(lang, it->to->action)));
	} else if (now) {
		md_text(out, dd_msg_action(lang, now->action));
	}
	dd_buf_adds(out, " |\n");
}

/* "### " for level 3: the start of a heading line. */
static void md_heading(dd_buf *out, int level)
{
	dd_buf_addn(out, '#', (size_t)(level < 1 ? 1 : level > 6 ? 6 : level));
	dd_buf_addc(out, ' ');
}

static void md_diff_section(dd_buf *out, const dd_diff *d,
			    const dd_diff_section *sec,
			    const dd_render_opts *o, int level)
{
	static const dd_msg ids[] = { U_COUNT, U_L_TOPIC, U_L_ID, U_L_ACTION };
	size_t rows = dd_rnd_section_rows(o, sec), j;
	int open;

	if (!rows && !sec->unrecorded)
		return;
	dd_buf_addc(out, '\n');
	md_heading(out, level);
	md_text(out, dd_text_get(&sec->title, o->lang));
	dd_buf_adds(out, "\n\n");
	if (sec->unrecorded) {	/* nothing added or dropped: no table */
		dd_buf_addc(out, '*');
		dd_rnd_unrecorded(out, d, sec, o->lang);
		dd_buf_adds(out, "*\n");
		return;
	}
	open = md_details_open(out, rows, U_L_N_TOPICS, o);
	md_table_words(out, ids, "llll", o);
	for (j = 0; j < sec->nadded; j++)
		md_diff_row(out, M_ADDED, &sec->added[j], o->lang);
	for (j = 0; j < sec->ndropped; j++)
		md_diff_row(out, M_DROPPED, &sec->dropped[j], o->lang);
	for (j = 0; j < sec->nkept; j++) {
		const dd_diff_item *it = &sec->kept[j];

		if (dd_rnd_kept_listed(o, it))
			md_diff_row(out, dd_diff_item_changed(it) ? M_CHANGED
								  : M_KEPT,
				    it, o->lang);
	}
	md_details_close(out, open);
}

/* " | 1 | 2 | 3 | 4": the cells of the counts, in the legend's order. */
static void md_counts_cells(dd_buf *out, const dd_rnd_counts *c)
{
	dd_buf_addf(out, " | %zu | %zu | %zu | %zu", c->added, c->dropped,
		    c->changed, c->unchanged);
}

/* "Round 1 → Round 2", "Round 3 (new)", "Round 5 (new), compared with
 * round 4", "Round 5 (deleted)"; then the dates and files of the sides
 * shown. */
static void md_diff_heading(dd_buf *out, const dd_diff *d, int baseline,
			    int level, dd_lang lang)
{
	int with_series = dd_rnd_cross_series(d);
	dd_rnd_sides sides = dd_rnd_sides_of(d, baseline);
	const dd_round *one = sides == DD_RND_DELETED ? d->from : d->to;

	md_heading(out, level);
	switch (sides) {
	case DD_RND_PAIR:
		md_side(out, d->from, with_series, lang);
		dd_buf_adds(out, " " ARROW " ");
		md_side(out, d->to, with_series, lang);
		break;
	case DD_RND_NEW:
		md_side(out, d->to, with_series, lang);
		dd_buf_adds(out, dd_msg_get(lang, U_M_NEW));
		break;
	case DD_RND_NEW_AFTER:
		md_side(out, d->to, with_series, lang);
		dd_msg_fill(out, lang, U_M_NEW_AFTER, d->from->number, 0);
		break;
	case DD_RND_DELETED:
		md_side(out, d->from, with_series, lang);
		dd_buf_adds(out, dd_msg_get(lang, U_M_DELETED));
		break;
	}
	dd_buf_adds(out, "\n\n");
	if (sides == DD_RND_NEW || sides == DD_RND_DELETED) {
		md_text(out, or_dash(one->date));
		if (one->path) {
			dd_buf_adds(out, " \xc2\xb7 ");	/* · */
			md_round_file(out, one);
		}
		return;
	}
	md_text(out, or_dash(d->from->date));
	dd_buf_adds(out, " " ARROW " ");
	md_text(out, or_dash(d->to->date));
	if (d->from->path || d->to->path) {
		dd_buf_adds(out, " \xc2\xb7 ");	/* · */
		md_round_file(out, d->from);
		dd_buf_adds(out, " " ARROW " ");
		md_round_file(out, d->to);
	}
}

/* One diff: its heading at level (3 in a diff report), its sections one
 * level below; baseline: dd_file_change.baseline (0 for a diff of two
 * rounds). */
static void md_diff_one(dd_buf *out, const dd_diff *d, int baseline,
			const dd_render_opts *o, int level)
{
	static const dd_msg ids[] = {
		U_L_SECTION, U_L_ADDED, U_L_DROPPED, U_L_CHANGED, U_L_UNCHANGED,
		U_L_SIMILARITY
	};
	dd_rnd_counts c = dd_rnd_diff_counts(d);
	size_t i;
	int open;

	md_diff_heading(out, d, baseline, level, o->lang);
	dd_buf_adds(out, "\n\n**");
	dd_rnd_counts_words(out, &c, o->lang);
	dd_buf_adds(out, "**");
	dd_buf_adds(out, w(o, U_M_IN));
	dd_msg_count(out, o->lang, U_L_N_SECTION, U_L_N_SECTIONS,
		     d->nsections);
	dd_buf_adds(out, "\n\n");
	open = md_details_open(out, d->nsections, U_L_N_SECTIONS, o);
	md_table_words(out, ids, "lrrrrr", o);
	for (i = 0; i < d->nsections; i++) {
		const dd_diff_section *sec = &d->sections[i];

		dd_buf_adds(out, "| ");
		md_text(out, dd_text_get(&sec->title, o->lang));
		c = dd_rnd_section_counts(sec);
		md_counts_cells(out, &c);
		dd_buf_adds(out, " | ");
		if (sec->unrecorded)
			dd_rnd_unrecorded(out, d, sec, o->lang);
		else
			dd_buf_addf(out, "%.2f", sec->similarity);
		dd_buf_adds(out, " |\n");
	}
	md_details_close(out, open);
	for (i = 0; i < d->nsections && !o->stat; i++)
		md_diff_section(out, d, &d->sections[i], o, level + 1);
}

/* What the marks of the topic tables mean; unchanged topics are listed
 * only with o->all_items. */
static void md_diff_legend(dd_buf *out, const dd_render_opts *o)
{
	static const struct { const char *mark; dd_msg word; } legend[] = {
		{ M_ADDED, U_L_ADDED }, { M_DROPPED, U_L_DROPPED },
		{ M_CHANGED, U_L_CHANGED }, { M_KEPT, U_L_UNCHANGED },
	};
	size_t i;

	for (i = 0; i < sizeof(legend) / sizeof(legend[0]); i++) {
		if (i)
			dd_buf_adds(out, w(o, U_M_LEGEND_SEP));
		dd_buf_adds(out, legend[i].mark);
		dd_buf_addc(out, ' ');
		dd_buf_adds(out, w(o, legend[i].word));
	}
	if (!o->all_items)
		dd_buf_adds(out, w(o, U_M_NOT_LISTED));
	dd_buf_addc(out, '\n');
}

static int md_diff(dd_buf *out, dd_diff *const *d, size_t n,
		   const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			dd_buf_addc(out, '\n');
		md_diff_one(out, d[i], 0, o, 3);
	}
	if (n && !o->stat) {	/* a stat has counts only, no marks */
		dd_buf_addc(out, '\n');
		md_diff_legend(out, o);
	}
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- review and log ------------------------------------------------- */

/* A heading "Modified `path`" at level, then the diff one level below. */
static void md_file_change(dd_buf *out, const dd_file_change *f,
			   const dd_render_opts *o, int level)
{
	dd_buf_addc(out, '\n');
	md_heading(out, level);
	dd_buf_adds(out, dd_msg_status(o->lang, f->status, 1));
	dd_buf_addc(out, ' ');
	if (f->old_path) {
		md_code(out, f->old_path);
		dd_buf_adds(out, " " ARROW " ");
	}
	md_code(out, f->path);
	if (f->status == DD_FILE_RECLASSIFIED)
		dd_buf_adds(out, w(o, U_M_RECLASSIFIED_NOTE));
	dd_buf_adds(out, "\n\n");
	if (f->diff) {
		md_diff_one(out, f->diff, f->baseline, o, level + 1);
	} else {
		dd_buf_adds(out, "> " M_WARN " ");
		dd_buf_adds(out, w(o, U_L_CANNOT_COMPARE));
		dd_buf_adds(out, w(o, U_COLON));
		md_text(out, f->error ? f->error : w(o, U_L_UNKNOWN_ERROR));
		dd_buf_addc(out, '\n');
	}
}

/* "3 round files changed: 1 added, 2 modified" */
static void md_file_counts(dd_buf *out, const dd_file_change *files, size_t n,
			   const dd_render_opts *o)
{
	size_t count[DD_FILE_RECLASSIFIED + 1] = { 0 }, i;
	const char *sep = w(o, U_COLON);

	for (i = 0; i < n; i++)
		count[files[i].status]++;
	dd_msg_count(out, o->lang, U_M_N_FILE_CHANGED, U_M_N_FILES_CHANGED, n);
	for (i = 0; i <= DD_FILE_RECLASSIFIED; i++)
		if (count[i]) {
			dd_buf_adds(out, sep);
			dd_msg_status_count(out, o->lang, (dd_file_status)i,
					    count[i]);
			sep = w(o, U_L_SEP);
		}
	dd_buf_addc(out, '\n');
}

static void md_rev(dd_buf *out, const char *rev, const dd_render_opts *o)
{
	if (rev)
		dd_buf_addf(out, "`%.7s`", rev);
	else
		dd_buf_adds(out, w(o, U_L_WORKTREE));
}

static int md_review(dd_buf *out, const dd_review *r,
		     const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	size_t i;

	if (r->from_rev || r->to_rev) {
		dd_buf_adds(out, "## ");
		dd_buf_adds(out, w(o, U_M_REVIEW));
		md_rev(out, r->from_rev, o);
		dd_buf_adds(out, " " ARROW " ");
		md_rev(out, r->to_rev, o);
		dd_buf_adds(out, "\n\n");
		md_file_counts(out, r->files, r->nfiles, o);
	}
	if (r->ntaxonomies)
		dd_buf_addc(out, '\n');
	dd_rnd_taxonomy_changes(out, r->taxonomies, r->ntaxonomies, 1, o->lang);
	for (i = 0; i < r->nfiles; i++)
		md_file_change(out, &r->files[i], o, 3);
	return dd_buf_oom(out) ? -1 : 0;
}

static int md_log_begin(dd_buf *out, const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);

	dd_buf_adds(out, "## ");
	dd_buf_adds(out, w(o, U_M_LOG));
	dd_buf_addc(out, '\n');
	return dd_buf_oom(out) ? -1 : 0;
}

/* A list item: "- `abc1234` subject · `PATH` +1 -2 ~3, `PATH` ..." */
static void md_log_oneline(dd_buf *out, const dd_log_commit *c,
			   size_t index, const dd_render_opts *o)
{
	size_t j;

	dd_buf_adds(out, index ? "- " : "\n- ");
	md_rev(out, c->id, o);
	dd_buf_addc(out, ' ');
	md_text(out, c->subject);
	for (j = 0; j < c->nfiles; j++) {
		const dd_file_change *f = &c->files[j];

		dd_buf_adds(out, j ? ", " : " \xc2\xb7 ");	/* · */
		md_code(out, f->path);
		dd_buf_addc(out, ' ');
		if (f->diff) {
			dd_rnd_counts n = dd_rnd_diff_counts(f->diff);

			dd_rnd_counts_marks(out, &n, 0);
		} else {
			dd_buf_adds(out, M_WARN " ");
			dd_buf_adds(out, w(o, U_L_CANNOT_COMPARE));
		}
	}
	dd_buf_addc(out, '\n');
}

static int md_log_commit(dd_buf *out, const dd_log_commit *c, size_t index,
			 const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	size_t j;

	if (o->oneline) {
		md_log_oneline(out, c, index, o);
		return dd_buf_oom(out) ? -1 : 0;
	}
	dd_buf_adds(out, "\n### ");
	md_rev(out, c->id, o);
	dd_buf_addc(out, ' ');
	md_text(out, c->subject);
	dd_buf_adds(out, "\n\n");
	md_text(out, c->author_name);
	dd_buf_adds(out, " \xc2\xb7 ");
	md_text(out, c->date);
	if (c->nparents > 1) {
		dd_buf_adds(out, " \xc2\xb7");
		dd_buf_adds(out, w(o, U_M_MERGE_OF));
		for (j = 0; j < c->nparents; j++) {
			dd_buf_addc(out, ' ');
			md_rev(out, c->parents[j], o);
		}
	}
	dd_buf_addc(out, '\n');
	if (c->ntaxonomies)
		dd_buf_addc(out, '\n');
	dd_rnd_taxonomy_changes(out, c->taxonomies, c->ntaxonomies, 1, o->lang);
	for (j = 0; j < c->nfiles; j++)
		md_file_change(out, &c->files[j], o, 4);
	return dd_buf_oom(out) ? -1 : 0;
}

static int md_log_end(dd_buf *out, size_t n, const dd_error *failed,
		      const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);

	dd_buf_addc(out, '\n');
	dd_msg_count(out, o->lang, U_M_N_COMMIT, U_M_N_COMMITS, n);
	if (failed)
		dd_buf_adds(out, w(o, U_M_LOG_STOPPED));
	dd_buf_addc(out, '\n');
	if (failed) {
		char msg[DD_ERROR_FILE_MAX + DD_ERROR_MSG_MAX + 32];

		dd_error_format(msg, sizeof(msg), failed);
		dd_buf_adds(out, "\n> ");
		md_text(out, msg);
		dd_buf_addc(out, '\n');
	}
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- timeline ------------------------------------------------------- */

static void md_timeline_section(dd_buf *out, const dd_timeline *t,
				const dd_timeline_section *sec,
				const dd_render_opts *o)
{
	const dd_series *s = t->series;
	size_t nr = s->nrounds, i, j;
	const char *sep = w(o, U_L_FIRST);
	dd_rnd_note_words nw = dd_rnd_notes(o->lang);
	char seen[64];
	int open;

	dd_buf_adds(out, "\n#### ");
	md_text(out, dd_text_get(&sec->title, o->lang));
	dd_buf_adds(out, "\n\n");
	dd_msg_fill(out, o->lang, U_M_CORE_SET, (long long)nr, 0);
	for (j = 0; j < sec->nrows; j++)
		if (sec->rows[j].core) {
			dd_buf_adds(out, sep);
			md_text(out, dd_text_get(&sec->rows[j].name, o->lang));
			sep = w(o, U_L_SEP);
		}
	if (!dd_rnd_core_count(sec))
		dd_buf_adds(out, w(o, U_L_NONE_AFTER));
	dd_buf_adds(out, "\n\n");
	open = md_details_open(out, sec->nrows, U_L_N_TOPICS, o);
	dd_buf_addc(out, '|');
	md_th(out, w(o, U_L_TOPIC));
	for (i = 0; i < nr; i++)
		dd_buf_addf(out, " %lld |", dd_rnd_round_number(s, i));
	md_th(out, w(o, U_L_SEEN));
	md_th(out, w(o, U_L_ROUNDS));
	md_th(out, w(o, U_L_NOTES));
	dd_buf_adds(out, "\n| --- |");
	for (i = 0; i < nr; i++)
		dd_buf_adds(out, " :-: |");
	dd_buf_adds(out, " --- | ---: | --- |\n");
	for (j = 0; j < sec->nrows; j++) {
		const dd_timeline_row *row = &sec->rows[j];

		dd_buf_adds(out, "| ");
		md_text(out, dd_text_get(&row->name, o->lang));
		for (i = 0; i < nr; i++) {
			dd_buf_adds(out, " | ");
			if (!row->cells[i]) {
				dd_buf_adds(out, ABSENT);
				continue;
			}
			dd_buf_adds(out, CHECK);
			if (row->cells[i]->action) {
				dd_buf_addc(out, ' ');
				md_text(out, dd_msg_action(o->lang,
							   row->cells[i]->action));
			}
		}
		dd_rnd_row_seen(seen, sizeof(seen), s, row);
		dd_buf_addf(out, " | %s | %zu/%zu | ", seen, row->npresent, nr);
		dd_rnd_row_notes(out, s, row, &nw);
		dd_buf_adds(out, " |\n");
	}
	if (nr > 1 && sec->similarity) {
		dd_buf_adds(out, "| *");
		dd_buf_adds(out, w(o, U_L_SIM_PREV));
		dd_buf_adds(out, "* |  |");
		for (i = 1; i < nr; i++)
			dd_buf_addf(out, " %.2f |", sec->similarity[i - 1]);
		dd_buf_adds(out, "  |  |  |\n");
	}
	md_details_close(out, open);
}

static int md_timeline(dd_buf *out, const dd_timeline *t,
		       const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	const dd_series *s = t->series;
	size_t i;

	dd_buf_adds(out, "### ");
	dd_buf_adds(out, w(o, U_M_TIMELINE));
	md_text(out, dd_text_get(&s->title, o->lang));
	dd_buf_adds(out, "\n\n");
	dd_msg_count(out, o->lang, U_M_N_ROUND_HEAD, U_M_N_ROUNDS_HEAD,
		     s->nrounds);
	for (i = 0; i < s->nrounds; i++) {
		dd_buf_adds(out, w(o, i ? U_L_SEP : U_L_FIRST));
		dd_buf_addf(out, "%lld (", s->rounds[i]->number);
		md_text(out, or_dash(s->rounds[i]->date));
		dd_buf_addc(out, ')');
	}
	dd_buf_addc(out, '\n');
	if (s->nrounds > 1 && t->similarity) {
		dd_buf_addc(out, '\n');
		dd_buf_adds(out, w(o, U_SIMILARITY_ALL));
		dd_buf_adds(out, w(o, U_L_COLON));
		for (i = 1; i < s->nrounds; i++)
			dd_buf_addf(out, "%s%lld " ARROW " %lld%s%.2f",
				    w(o, i > 1 ? U_L_SEP : U_L_FIRST),
				    dd_rnd_round_number(s, i - 1),
				    dd_rnd_round_number(s, i), w(o, U_COLON),
				    t->similarity[i - 1]);
		dd_buf_addc(out, '\n');
	}
	dd_buf_addc(out, '\n');
	dd_buf_adds(out, w(o, U_M_TIMELINE_LEGEND));
	dd_buf_addc(out, '\n');
	for (i = 0; i < t->nsections; i++)
		md_timeline_section(out, t, &t->sections[i], o);
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- report --------------------------------------------------------- */

/* The counts of every consecutive diff, up front: one row per pair. */
static void md_report_changes(dd_buf *out, const dd_report *r,
			      const dd_render_opts *o)
{
	static const dd_msg ids[] = {
		U_L_PAIR, U_L_DATES, U_L_ADDED, U_L_DROPPED, U_L_CHANGED,
		U_L_UNCHANGED, U_L_SIMILARITY
	};
	size_t i;
	int open;

	if (!r->ndiffs)
		return;
	open = md_details_open(out, r->ndiffs, U_L_N_CHANGES, o);
	md_table_words(out, ids, "llrrrrr", o);
	for (i = 0; i < r->ndiffs; i++) {
		const dd_diff *d = r->diffs[i];
		dd_rnd_counts c = dd_rnd_diff_counts(d);

		dd_buf_addf(out, "| %lld " ARROW " %lld | ", d->from->number,
			    d->to->number);
		md_text(out, or_dash(d->from->date));
		dd_buf_adds(out, " " ARROW " ");
		md_text(out, or_dash(d->to->date));
		md_counts_cells(out, &c);
		dd_buf_addf(out, " | %.2f |\n", dd_diff_similarity(d));
	}
	md_details_close(out, open);
	dd_buf_addc(out, '\n');
}

static int md_report(dd_buf *out, const dd_report *r,
		     const dd_render_opts *opts)
{
	static const dd_msg ids[] = { U_L_ROUND, U_L_DATE, U_L_PLACE,
				      U_L_TITLE };
	dd_render_opts full;
	const dd_render_opts *o = dd_rnd_report_opts(&full, opts);
	const dd_series *s = r->series;
	size_t i;
	int open;

	dd_buf_adds(out, "## ");
	md_text(out, dd_text_get(&s->title, o->lang));
	dd_buf_adds(out, "\n\n");
	dd_msg_count(out, o->lang, U_L_N_ROUND, U_L_N_ROUNDS, s->nrounds);
	if (s->nparties) {
		dd_buf_adds(out, " \xc2\xb7 ");
		dd_buf_adds(out, w(o, U_L_PARTIES));
		for (i = 0; i < s->nparties; i++) {
			dd_buf_adds(out, w(o, i ? U_L_SEP : U_L_FIRST));
			md_text(out, dd_text_get(&s->parties[i].name, o->lang));
		}
	}
	dd_buf_adds(out, "\n\n");
	md_report_changes(out, r, o);
	open = md_details_open(out, s->nrounds, U_L_N_ROUNDS, o);
	md_table_words(out, ids, "rlll", o);
	for (i = 0; i < s->nrounds; i++) {
		const dd_round *rd = s->rounds[i];

		dd_buf_addf(out, "| %lld | ", rd->number);
		md_text(out, rd->date);
		dd_buf_adds(out, " | ");
		md_text(out, dd_text_get(&rd->place, o->lang));
		dd_buf_adds(out, " | ");
		md_text(out, dd_text_get(&rd->title, o->lang));
		dd_buf_adds(out, " |\n");
	}
	md_details_close(out, open);
	if (r->timeline) {
		dd_buf_addc(out, '\n');
		if (md_timeline(out, r->timeline, o) < 0)
			return -1;
	}
	if (r->ndiffs) {
		dd_buf_addc(out, '\n');
		md_diff(out, r->diffs, r->ndiffs, o);
	}
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- list ----------------------------------------------------------- */

static int md_list_series(dd_buf *out, const dd_series *s,
			  const dd_taxonomy *tx, const dd_render_opts *o)
{
	const char **ids;
	size_t nids, i, j;
	int open;

	dd_buf_adds(out, "### ");
	md_text(out, s->id);
	dd_buf_adds(out, ": ");
	md_text(out, dd_text_get(&s->title, o->lang));
	dd_buf_adds(out, "\n\n");
	if (s->dir) {
		md_code(out, s->dir);
		dd_buf_adds(out, " \xc2\xb7 ");
	}
	dd_msg_count(out, o->lang, U_L_N_ROUND, U_L_N_ROUNDS, s->nrounds);
	dd_buf_addc(out, '\n');
	if (!s->nrounds)
		return dd_buf_oom(out) ? -1 : 0;
	if (dd_rnd_section_ids(&ids, &nids, tx, s->rounds, s->nrounds) < 0)
		return -1;
	dd_buf_addc(out, '\n');
	open = md_details_open(out, s->nrounds, U_L_N_ROUNDS, o);
	dd_buf_addc(out, '|');
	md_th(out, w(o, U_L_ROUND));
	md_th(out, w(o, U_L_DATE));
	md_th(out, w(o, U_L_TITLE));
	md_th(out, w(o, U_L_FILE));
	for (j = 0; j < nids; j++)
		md_th(out, ids[j]);
	dd_buf_adds(out, "\n| ---: | --- | --- | --- |");
	for (j = 0; j < nids; j++)
		dd_buf_adds(out, " ---: |");
	dd_buf_addc(out, '\n');
	for (i = 0; i < s->nrounds; i++) {
		const dd_round *rd = s->rounds[i];

		dd_buf_addf(out, "| %lld | ", rd->number);
		md_text(out, rd->date);
		dd_buf_adds(out, " | ");
		md_text(out, dd_text_get(&rd->title, o->lang));
		dd_buf_adds(out, " | ");
		md_code(out, dd_rnd_round_file(s, rd));
		for (j = 0; j < nids; j++)
			dd_buf_addf(out, " | %zu", dd_rnd_section_count(rd, ids[j]));
		dd_buf_adds(out, " |\n");
	}
	md_details_close(out, open);
	free(ids);
	return dd_buf_oom(out) ? -1 : 0;
}

static int md_list(dd_buf *out, const dd_listing *l,
		   const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	size_t i;

	for (i = 0; i < l->nseries; i++) {
		if (i)
			dd_buf_addc(out, '\n');
		if (md_list_series(out, l->series[i], l->txs ? l->txs[i] : NULL, o) < 0)
			return -1;
	}
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- show ----------------------------------------------------------- */

static void md_show_section(dd_buf *out, const dd_round_section *sec,
			    const dd_taxonomy *tx, const dd_render_opts *o)
{
	static const dd_msg ids[] = { U_L_TOPIC, U_L_ID, U_L_ACTION, U_L_NOTE };
	dd_text title = dd_rnd_section_title(tx, sec);
	size_t j;
	int open;

	dd_buf_adds(out, "\n#### ");
	md_text(out, dd_text_get(&title, o->lang));
	dd_buf_addf(out, " (%zu)\n", sec->count);
	if (!sec->count)
		return;
	dd_buf_addc(out, '\n');
	open = md_details_open(out, sec->count, U_L_N_TOPICS, o);
	md_table_words(out, ids, "llll", o);
	for (j = 0; j < sec->count; j++) {
		const dd_item *it = &sec->items[j];

		dd_buf_adds(out, "| ");
		md_text(out, dd_text_get(&it->label, o->lang));
		dd_buf_adds(out, " | ");
		md_code(out, it->key ? it->key : it->id);
		if (dd_rnd_class_problem(it->cls)) {
			const dd_entry *a = dd_rnd_entry(tx, sec->tsection,
							 it->entry);
			const dd_entry *b = dd_rnd_entry(tx, sec->tsection,
							 it->entry2);

			dd_buf_addf(out, " " M_WARN " %s",
				    dd_msg_class(o->lang, it->cls));
			if (it->cls == DD_CLASS_AMBIGUOUS && a && b) {
				dd_buf_adds(out, w(o, U_COLON));
				md_code(out, a->id);
				dd_buf_adds(out, ", ");
				md_code(out, b->id);
			}
		}
		dd_buf_adds(out, " | ");
		md_text(out, dd_msg_action(o->lang, it->action));
		dd_buf_adds(out, " | ");
		md_text(out, it->note);
		dd_buf_adds(out, " |\n");
	}
	md_details_close(out, open);
}

/* "- **Word:** ", a line of a round's metadata. */
static void md_field(dd_buf *out, const dd_render_opts *o, dd_msg word)
{
	dd_buf_adds(out, "- **");
	dd_buf_adds(out, w(o, word));
	dd_buf_adds(out, w(o, U_L_COLON));
	dd_buf_adds(out, "** ");
}

static int md_show(dd_buf *out, const dd_round *r, const dd_taxonomy *tx,
		   const dd_render_opts *opts)
{
	const dd_render_opts *o = dd_rnd_opts(opts);
	size_t i, problems = 0, items = 0;

	for (i = 0; i < r->nsections; i++) {
		size_t j;

		items += r->sections[i].count;
		for (j = 0; j < r->sections[i].count; j++)
			problems += dd_rnd_class_problem(r->sections[i].items[j].cls);
	}
	dd_buf_adds(out, "### ");
	dd_msg_fill(out, o->lang, U_ROUND_N, r->number, 0);
	dd_buf_adds(out, w(o, U_COLON));
	md_text(out, dd_text_get(&r->title, o->lang));
	dd_buf_adds(out, "\n\n");
	dd_msg_count(out, o->lang, U_L_N_TOPIC, U_L_N_TOPICS, items);
	dd_buf_adds(out, w(o, U_M_IN));
	dd_msg_count(out, o->lang, U_L_N_SECTION, U_L_N_SECTIONS,
		     r->nsections);
	if (problems) {
		dd_buf_adds(out, w(o, U_L_SEP));
		dd_buf_adds(out, M_WARN " ");
		dd_msg_fill(out, o->lang, U_M_N_NOT_CLASSIFIED,
			    (long long)problems, 0);
	}
	dd_buf_adds(out, "\n\n");
	if (r->series) {
		md_field(out, o, U_SERIES);
		md_text(out, r->series);
		dd_buf_addc(out, '\n');
	}
	if (r->date) {
		md_field(out, o, U_DATE);
		md_text(out, r->date);
		dd_buf_addc(out, '\n');
	}
	if (r->place.en || r->place.zh) {
		md_field(out, o, U_PLACE);
		md_text(out, dd_text_get(&r->place, o->lang));
		dd_buf_addc(out, '\n');
	}
	if (r->nchairs) {
		md_field(out, o, U_CHAIRS);
		for (i = 0; i < r->nchairs; i++) {
			const dd_chair *c = &r->chairs[i];
			const char *role = dd_text_get(&c->role, o->lang);

			if (i)
				dd_buf_adds(out, w(o, U_L_NOTE_SEP));
			md_text(out, dd_text_get(&c->name, o->lang));
			if (*role) {
				dd_buf_adds(out, " (");
				md_text(out, role);
				dd_buf_addc(out, ')');
			}
		}
		dd_buf_addc(out, '\n');
	}
	if (r->path) {
		md_field(out, o, U_FILE);
		md_round_file(out, r);
		dd_buf_addc(out, '\n');
	}
	for (i = 0; i < r->nsections; i++)
		md_show_section(out, &r->sections[i], tx, o);
	if (r->nreaffirms) {
		dd_buf_adds(out, "\n#### ");
		dd_buf_adds(out, w(o, U_REAFFIRMS));
		dd_buf_addf(out, " (%zu)\n\n", r->nreaffirms);
		for (i = 0; i < r->nreaffirms; i++) {
			dd_buf_adds(out, "- ");
			md_text(out, dd_text_get(&r->reaffirms[i].label, o->lang));
			dd_buf_addc(out, '\n');
		}
	}
	return dd_buf_oom(out) ? -1 : 0;
}

/* ---- check ---------------------------------------------------------- */

#define M_ERROR "\xe2\x9d\x8c"		/* ❌ */
#define M_OK "\xe2\x9c\x85"		/* ✅ */

/* A heading, the counts, and a table of every diagnostic: for a CI job
 * summary ($GITHUB_STEP_SUMMARY) or a merge-request note. */
static int md_check(dd_buf *out, const dd_check_result *c,
		    const dd_render_opts *o)
{
	static const char *const cols[] = {
		"", "file", "line", "column", "rule", "message"
	};
	const dd_diags *dl = c->diags;
	size_t i;

	(void)o;
	dd_buf_adds(out, "### dialdiff check\n\n");
	if (!dl->count) {
		dd_buf_addf(out, M_OK " %zu file%s checked: no problems found.\n",
			    c->nfiles, dd_rnd_plural(c->nfiles));
		return dd_buf_oom(out) ? -1 : 0;
	}
	dd_buf_addf(out, "%s **%zu error%s**, %zu warning%s in %zu file%s checked.\n\n",
		    dl->errors ? M_ERROR : M_WARN, dl->errors,
		    dd_rnd_plural(dl->errors), dl->warnings,
		    dd_rnd_plural(dl->warnings), c->nfiles,
		    dd_rnd_plural(c->nfiles));
	md_table_head(out, cols, "clrrll");
	for (i = 0; i < dl->count; i++) {
		const dd_diag *d = &dl->items[i];

		dd_buf_addf(out, "| %s | ",
			    d->severity == DD_SEV_ERROR ? M_ERROR : M_WARN);
		md_code(out, d->file);
		if (d->line > 0)
			dd_buf_addf(out, " | %d | ", d->line);
		else
			dd_buf_adds(out, " | | ");
		if (d->line > 0 && d->column > 0)
			dd_buf_addf(out, "%d | ", d->column);
		else
			dd_buf_adds(out, "| ");
		md_code(out, d->rule);
		dd_buf_adds(out, " | ");
		md_text(out, d->message);
		dd_buf_adds(out, " |\n");
	}
	return dd_buf_oom(out) ? -1 : 0;
}

const dd_renderer dd_render_markdown = {
	"markdown",
	md_report,
	md_list,
	md_show,
	md_diff,
	md_timeline,
	md_check,
	md_review,
	md_log_begin,
	md_log_commit,
	md_log_end,
};
