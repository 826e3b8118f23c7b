/*
 * html.c - the HTML format: one self-contained page per result.
 *
 * A page is a document to read and print, not a terminal's view: a diff
 * lists every item, unchanged ones too, whatever opts->all_items and
 * opts->stat say.
 *
 * The page carries its own style sheet (screen and print), needs no script
 * and refers to nothing outside itself: no src, no link, no @import, no
 * url(); the only href values are fragments ("#timeline").  A URL from the
 * data (a source's url) is shown as text, never as a link.
 *
 * The markup is polyglot HTML5: <!DOCTYPE html>, every attribute quoted,
 * every element closed (<br/>), only the five XML entities, so the page
 * also parses as XML.  Every text from the data goes through esc(), which
 * escapes & < > " ' and replaces what XML forbids (control characters,
 * U+FFFE, U+FFFF, invalid UTF-8) with U+FFFD: a label cannot inject markup.
 *
 * The words of the page come from the message catalogue (messages.c), in
 * the language of --lang; labels come from the data in that language, falling
 * back to the other one (marked with its own lang attribute).
 *
 * The timeline is a matrix of entries x rounds.  Each cell has a colour
 * and a symbol, so that it reads in greyscale and without colour vision:
 * present (a filled circle), added (+: absent in the round before), dropped
 * (-: present in the round before), absent (a middle dot); and the action
 * the round recorded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/render.h"
#include "internal.h"
#include "messages.h"

#ifndef DD_VERSION
#define DD_VERSION "unknown"
#endif

#define ARROW "\xe2\x86\x92"		/* → */
#define DASH "\xe2\x80\x93"		/* – */
#define EMDASH "\xe2\x80\x94"		/* — */
#define DOT "\xc2\xb7"			/* · */
#define SYM_PRESENT "\xe2\x97\x8f"	/* ● */
#define SYM_ADDED "+"
#define SYM_DROPPED "\xe2\x88\x92"	/* − */
#define SYM_ABSENT DOT
#define SYM_CHANGED "~"
#define SYM_KEPT "="
#define REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD */

/* ---- the style sheet ------------------------------------------------ */

static const char css[] =
	"*{box-sizing:border-box}\n"
	"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
	"body{margin:0;color:#1f2328;background:#fff;"
	"font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,"
	"\"Noto Sans\",\"Noto Sans CJK SC\",\"Source Han Sans SC\","
	"\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\","
	"\"WenQuanYi Micro Hei\",sans-serif}\n"
	"header,main,footer{max-width:80rem;margin:0 auto;padding:0 1.5rem}\n"
	"header{padding-top:1.5rem;padding-bottom:.25rem;"
	"border-bottom:1px solid #d0d7de}\n"
	"h1{font-size:1.6rem;margin:0 0 .3rem;line-height:1.25}\n"
	"h2{font-size:1.3rem;margin:2rem 0 .75rem;padding-bottom:.25rem;"
	"border-bottom:1px solid #d0d7de}\n"
	"h3{font-size:1.1rem;margin:1.5rem 0 .5rem}\n"
	"h4{font-size:1rem;margin:1.25rem 0 .4rem}\n"
	".sub{color:#59636e;margin:0 0 .75rem}\n"
	"nav{margin:0 0 .75rem}\n"
	"nav a{margin-right:1.25rem}\n"
	"a{color:#0b5cad}\n"
	"table{border-collapse:collapse;margin:.5rem 0 1rem}\n"
	"th,td{border:1px solid #d0d7de;padding:.3rem .55rem;text-align:left;"
	"vertical-align:top}\n"
	"thead th{background:#f3f5f7}\n"
	"tbody th{font-weight:normal}\n"
	".num{text-align:right;font-variant-numeric:tabular-nums;"
	"white-space:nowrap}\n"
	".nw{white-space:nowrap}\n"
	"code{font:.85em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"
	"\"DejaVu Sans Mono\",monospace}\n"
	".muted,.note{color:#59636e}\n"
	".note{font-size:.88em;margin-top:.15rem}\n"
	".was{font-size:.88em;color:#59636e;margin-top:.15rem}\n"
	".sym{display:inline-block;min-width:1em;font-weight:bold;"
	"text-align:center}\n"
	/* matrix cells and diff marks: a colour and a symbol each */
	".s-p{background:#cfe3f6;color:#0a3069}\n"
	".s-a{background:#b7e4c7;color:#0b4a1f}\n"
	".s-d{background:#fbe0d3;color:#8a2500;"
	"outline:1px dashed #c2410c;outline-offset:-4px}\n"
	".s-x{background:#fff;color:#8c959f}\n"
	".s-c{background:#fde9a9;color:#5c3b00}\n"
	".s-k{background:#eef1f4;color:#1f2328}\n"
	".matrix,.diff{width:100%;table-layout:fixed}\n"
	"td,th{overflow-wrap:break-word}\n"
	"col.topic{width:24%}\n"
	"col.seen{width:5.5rem}\n"
	"col.count{width:5.5rem}\n"
	"col.notes{width:13rem}\n"
	"col.mark{width:8.5rem}\n"
	"col.id{width:15rem}\n"
	"col.act{width:14rem}\n"
	".matrix tr.core th{font-weight:bold}\n"
	".matrix tfoot td,.matrix tfoot th{color:#59636e;font-size:.9em}\n"
	".legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:.5rem 0;"
	"padding:0;list-style:none;font-size:.92em}\n"
	".legend li span.sym{border:1px solid #d0d7de;margin-right:.35rem;"
	"padding:0 .3rem}\n"
	".badges{display:flex;flex-wrap:wrap;gap:.4rem;margin:.4rem 0 .8rem;"
	"padding:0;list-style:none}\n"
	".badges li{padding:.1rem .6rem;border-radius:1rem;"
	"border:1px solid #d0d7de}\n"
	".badges b{font-variant-numeric:tabular-nums}\n"
	".diff td.mark{white-space:nowrap}\n"
	".core-set{margin:.25rem 0}\n"
	"article{margin-bottom:2rem}\n"
	"ul.sources{margin:.25rem 0 1rem;padding-left:1.25rem}\n"
	"footer{margin-top:2rem;padding-top:.75rem;padding-bottom:2rem;"
	"border-top:1px solid #d0d7de;color:#59636e;font-size:.88em}\n"
	".wide{overflow-x:auto}\n"
	"@media print{\n"
	"body{font-size:9.5pt;line-height:1.35}\n"
	"header,main,footer{max-width:none;padding:0}\n"
	"nav{display:none}\n"
	"a{color:inherit;text-decoration:none}\n"
	"h2,h3,h4{break-after:avoid;page-break-after:avoid}\n"
	"table{break-inside:auto}\n"
	"tr,.legend,.badges{break-inside:avoid;page-break-inside:avoid}\n"
	"thead{display:table-header-group}\n"
	"#changes,#sources{break-before:page;page-break-before:always}\n"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	".wide{overflow:visible}\n"
	"}\n";

/* ---- output helpers ------------------------------------------------- */

typedef struct page {
	dd_buf *out;
	const dd_render_opts *o;	/* never NULL */
} page;

static void page_init(page *p, dd_buf *out, const dd_render_opts *opts)
{
	p->out = out;
	p->o = dd_rnd_opts(opts);
}

/* The page's word for id. */
static const char *word(const page *p, dd_msg id)
{
	return dd_msg_get(p->o->lang, id);
}

/* Append s escaped for text and attribute values; see the top. */
static void esc(dd_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!s)
		return;
	while (*p) {
		unsigned char c = *p;
		size_t n = 1;

		if (c < 0x80) {
			switch (c) {
			case '&': dd_buf_adds(out, "&amp;"); break;
			case '<': dd_buf_adds(out, "&lt;"); break;
			case '>': dd_buf_adds(out, "&gt;"); break;
			case '"': dd_buf_adds(out, "&quot;"); break;
			case '\'': dd_buf_adds(out, "&#39;"); break;
			case '\t': case '\n':
				dd_buf_addc(out, (char)c);
				break;
			case '\r':
				dd_buf_addc(out, ' ');
				break;
			default:
				if (c < 0x20 || c == 0x7f)
					dd_buf_adds(out, REPLACEMENT);
				else
					dd_buf_addc(out, (char)c);
			}
			p++;
			continue;
		}
		n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
		if (strnlen((const char *)p, n) < n ||
		    !dd_utf8_valid((const char *)p, n, NULL) ||
		    (c == 0xc2 && p[1] <= 0x9f) ||	/* C1 controls */
		    (c == 0xef && p[1] == 0xbf && p[2] >= 0xbe)) {
			dd_buf_adds(out, REPLACEMENT);	/* U+FFFE, U+FFFF */
			p += dd_utf8_valid((const char *)p, n, NULL) ? n : 1;
			continue;
		}
		dd_buf_add(out, p, n);
		p += n;
	}
}

static void raw(page *p, const char *s)
{
	dd_buf_adds(p->out, s);
}

static void put(page *p, const char *s)
{
	esc(p->out, s);
}

static void putw(page *p, dd_msg id)
{
	esc(p->out, word(p, id));
}

/* Escape tmp into the page, and release it. */
static void put_release(page *p, dd_buf *tmp)
{
	if (dd_buf_oom(tmp))
		p->out->oom = 1;
	else
		esc(p->out, tmp->ptr);
	dd_buf_release(tmp);
}

/* dd_msg_fill(), escaped into the page. */
static void putwf(page *p, dd_msg id, long long a, long long b)
{
	dd_buf tmp = DD_BUF_INIT;

	dd_msg_fill(&tmp, p->o->lang, id, a, b);
	put_release(p, &tmp);
}

/* lang="xx" xml:lang="xx" */
static void lang_attr(page *p, dd_lang lang)
{
	const char *n = dd_lang_name(lang);

	dd_buf_addf(p->out, " lang=\"%s\" xml:lang=\"%s\"", n, n);
}

/* A text from the data in the page's language; one that falls back to the
 * other language is marked with it. */
static void text(page *p, const dd_text *t)
{
	dd_lang lang = p->o->lang;
	const char *want = lang == DD_LANG_ZH ? t->zh : t->en;
	const char *s = dd_text_get(t, lang);

	if ((!want || !*want) && *s) {
		raw(p, "<span");
		lang_attr(p, lang == DD_LANG_ZH ? DD_LANG_EN : DD_LANG_ZH);
		raw(p, ">");
		put(p, s);
		raw(p, "</span>");
		return;
	}
	put(p, s);
}

/* <th class="cls">word</th> */
static void th(page *p, const char *cls, dd_msg id)
{
	dd_buf_addf(p->out, "<th%s%s%s>", cls ? " class=\"" : "",
		    cls ? cls : "", cls ? "\"" : "");
	putw(p, id);
	raw(p, "</th>");
}

/* An action in the page's language (as recorded when it is not one of the
 * vocabulary). */
static void action(page *p, const char *a)
{
	put(p, dd_msg_action(p->o->lang, a));
}

static void round_name(page *p, long long n)
{
	putwf(p, U_ROUND_N, n, 0);
}

/* The start of the page: doctype, head with the style sheet, <body>. */
static void page_begin(page *p, const dd_text *title, const char *suffix)
{
	raw(p, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"");
	lang_attr(p, p->o->lang);
	raw(p, ">\n<head>\n<meta charset=\"utf-8\"/>\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\"/>\n<meta name=\"generator\" content=\"dialdiff "
	    DD_VERSION "\"/>\n"
	    "<title>");
	if (title)
		put(p, dd_text_get(title, p->o->lang));
	if (title && suffix)
		raw(p, " " EMDASH " ");
	put(p, suffix);
	raw(p, "</title>\n<style>\n");
	raw(p, css);
	raw(p, "</style>\n</head>\n<body>\n");
}

/* The date in ISO 8601, UTC ("2026-12-03T21:00:00Z"); days from the
 * civil calendar (proleptic Gregorian), so that no time zone or locale of
 * the C library is involved. */
static void iso_date(char out[64], long long t)
{
	long long days = t / 86400, secs = t % 86400, era, doe, yoe, doy, mp;
	long long y, m, d;

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	days += 719468;
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y = yoe + era * 400 + (m <= 2);
	snprintf(out, 64, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", y, m, d,
		 secs / 3600, secs / 60 % 60, secs % 60);
}

/* The footer: where the data comes from, and the generator, the commit
 * and the date of the page (render.h: what the CLI knows of them). */
static void page_end(page *p, const char *from)
{
	const dd_render_opts *o = p->o;

	raw(p, "<footer><p>");
	putw(p, U_MADE_BY);
	raw(p, " <code>");
	put(p, from);
	raw(p, "</code></p>\n<p class=\"provenance\">dialdiff " DD_VERSION);
	if (o->commit) {
		raw(p, " " DOT " ");
		putw(p, U_COMMIT);
		raw(p, " <code>");
		put(p, o->commit);
		raw(p, "</code>");
		if (o->commit_modified)
			putw(p, U_MODIFIED);
	}
	if (o->dated) {
		char date[64];

		iso_date(date, o->date);
		dd_buf_addf(p->out, " " DOT " <time datetime=\"%s\">%s</time>",
			    date, date);
	}
	raw(p, "</p></footer>\n</body>\n</html>\n");
}

static void similarity(page *p, double v)
{
	dd_buf_addf(p->out, "%.2f", v);
}

/* ---- overview ------------------------------------------------------- */

static void chairs(page *p, const dd_round *r)
{
	size_t i;

	for (i = 0; i < r->nchairs; i++) {
		const dd_chair *c = &r->chairs[i];

		if (i)
			raw(p, "<br/>");
		text(p, &c->name);
		if (*dd_text_get(&c->role, p->o->lang)) {
			raw(p, "<span class=\"muted\">");
			putw(p, U_LPAREN);
			text(p, &c->role);
			putw(p, U_RPAREN);
			raw(p, "</span>");
		}
	}
}

static void rounds_table(page *p, const dd_series *s)
{
	size_t i;

	raw(p, "<div class=\"wide\"><table class=\"rounds\">\n<thead><tr>");
	th(p, "num", U_ROUND);
	th(p, NULL, U_DATE);
	th(p, NULL, U_PLACE);
	th(p, NULL, U_TITLE);
	th(p, NULL, U_CHAIRS);
	th(p, "num", U_SOURCES);
	th(p, NULL, U_FILE);
	raw(p, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < s->nrounds; i++) {
		const dd_round *r = s->rounds[i];

		dd_buf_addf(p->out, "<tr><td class=\"num\">%lld</td>"
			    "<td class=\"nw\">", r->number);
		put(p, r->date);
		raw(p, "</td><td class=\"nw\">");
		text(p, &r->place);
		raw(p, "</td><td>");
		text(p, &r->title);
		raw(p, "</td><td>");
		chairs(p, r);
		dd_buf_addf(p->out, "</td><td class=\"num\"><a href=\"#sources-%zu\">"
			    "%zu</a></td><td class=\"nw\"><code>", i + 1,
			    r->nsources);
		put(p, dd_rnd_round_file(s, r));
		raw(p, "</code></td></tr>\n");
	}
	raw(p, "</tbody>\n</table></div>\n");
}

/* A round pair as "Round 1 → Round 2". */
static void pair_name(page *p, const dd_diff *d)
{
	round_name(p, d->from->number);
	raw(p, " " ARROW " ");
	round_name(p, d->to->number);
}

/* A column head in the colour and with the symbol of a kind of change. */
static void th_mark(page *p, const char *cls, const char *sym, dd_msg what)
{
	dd_buf_addf(p->out, "<th class=\"num %s\"><span class=\"sym\">%s</span>",
		    cls, sym);
	putw(p, what);
	raw(p, "</th>");
}

static void glance_table(page *p, const dd_report *r)
{
	size_t i;

	raw(p, "<h3>");
	putw(p, U_AT_A_GLANCE);
	raw(p, "</h3>\n<div class=\"wide\"><table class=\"glance\">\n<thead><tr>");
	th(p, NULL, U_PAIR);
	th(p, NULL, U_DATES);
	th_mark(p, "s-a", SYM_ADDED, U_ADDED);
	th_mark(p, "s-d", SYM_DROPPED, U_DROPPED);
	th_mark(p, "s-c", SYM_CHANGED, U_CHANGED);
	th_mark(p, "s-k", SYM_KEPT, U_UNCHANGED);
	th(p, "num", U_SIMILARITY);
	raw(p, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < r->ndiffs; i++) {
		const dd_diff *d = r->diffs[i];
		dd_rnd_counts c = dd_rnd_diff_counts(d);

		dd_buf_addf(p->out, "<tr><td class=\"nw\"><a href=\"#diff-%lld-%lld\">",
			    d->from->number, d->to->number);
		pair_name(p, d);
		raw(p, "</a></td><td class=\"nw\">");
		put(p, d->from->date);
		raw(p, " " ARROW " ");
		put(p, d->to->date);
		dd_buf_addf(p->out, "</td><td class=\"num\">%zu</td>"
			    "<td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
			    "<td class=\"num\">%zu</td><td class=\"num\">",
			    c.added, c.dropped, c.changed, c.unchanged);
		similarity(p, dd_diff_similarity(d));
		raw(p, "</td></tr>\n");
	}
	raw(p, "</tbody>\n</table></div>\n");
}

/* "China, United States · 4 rounds · 2015-12-01 – 2017-10-04" */
static void series_sub(page *p, const dd_series *s)
{
	size_t i;

	raw(p, "<p class=\"sub\">");
	if (s->nparties) {
		putw(p, U_PARTIES);
		putw(p, U_COLON);
		for (i = 0; i < s->nparties; i++) {
			if (i)
				putw(p, U_COMMA);
			text(p, &s->parties[i].name);
		}
		raw(p, " " DOT " ");
	}
	putwf(p, U_ROUNDS_N, (long long)s->nrounds, 0);
	if (s->nrounds) {
		raw(p, " " DOT " ");
		put(p, s->rounds[0]->date);
		if (s->nrounds > 1) {
			raw(p, " " DASH " ");
			put(p, s->rounds[s->nrounds - 1]->date);
		}
	}
	raw(p, "</p>\n");
}

/* ---- timeline ------------------------------------------------------- */

enum state { ST_ABSENT, ST_PRESENT, ST_ADDED, ST_DROPPED };

static enum state cell_state(const dd_timeline_row *row, size_t i)
{
	if (row->cells[i])
		return i == 0 || row->cells[i - 1] ? ST_PRESENT : ST_ADDED;
	return i > 0 && row->cells[i - 1] ? ST_DROPPED : ST_ABSENT;
}

static const struct {
	const char *cls, *sym;
	dd_msg word;
} states[] = {
	[ST_ABSENT] = { "s-x", SYM_ABSENT, U_ABSENT },
	[ST_PRESENT] = { "s-p", SYM_PRESENT, U_PRESENT },
	[ST_ADDED] = { "s-a", SYM_ADDED, U_ADDED },
	[ST_DROPPED] = { "s-d", SYM_DROPPED, U_DROPPED },
};

static void legend(page *p)
{
	static const enum state order[] = {
		ST_PRESENT, ST_ADDED, ST_DROPPED, ST_ABSENT
	};
	static const dd_msg words[] = {
		U_LEGEND_PRESENT, U_LEGEND_ADDED, U_LEGEND_DROPPED,
		U_LEGEND_ABSENT
	};
	size_t i;

	raw(p, "<ul class=\"legend\">\n");
	for (i = 0; i < 4; i++) {
		dd_buf_addf(p->out, "<li><span class=\"sym %s\">%s</span>",
			    states[order[i]].cls, states[order[i]].sym);
		putw(p, words[i]);
		raw(p, "</li>\n");
	}
	raw(p, "<li class=\"muted\">");
	putw(p, U_LEGEND_ACTION);
	raw(p, "</li>\n</ul>\n");
}

static void row_notes(page *p, const dd_series *s, const dd_timeline_row *row)
{
	const dd_rnd_note_words w = {
		word(p, U_CORE), word(p, U_GAP), word(p, U_UNCLASSIFIED),
		word(p, U_SEMI)
	};
	dd_buf tmp = DD_BUF_INIT;

	dd_rnd_row_notes(&tmp, s, row, &w);
	put_release(p, &tmp);
}

static void timeline_section(page *p, const dd_timeline *t, size_t k)
{
	const dd_timeline_section *sec = &t->sections[k];
	const dd_series *s = t->series;
	size_t nr = s->nrounds, i, j;
	char seen[64];
	int first = 1;

	dd_buf_addf(p->out, "<h3 id=\"timeline-%zu\">", k + 1);
	text(p, &sec->title);
	raw(p, "</h3>\n<p class=\"core-set\"><strong>");
	putw(p, U_CORE_SET);
	putw(p, U_COLON);
	raw(p, "</strong>");
	for (j = 0; j < sec->nrows; j++)
		if (sec->rows[j].core) {
			if (!first)
				putw(p, U_COMMA);
			text(p, &sec->rows[j].name);
			first = 0;
		}
	if (first)
		putw(p, U_NONE);
	raw(p, "</p>\n<div class=\"wide\"><table class=\"matrix\">\n"
	    "<colgroup><col class=\"topic\"/>");
	for (i = 0; i < nr; i++)
		raw(p, "<col class=\"round\"/>");
	raw(p, "<col class=\"seen\"/><col class=\"count\"/><col class=\"notes\"/>"
	    "</colgroup>\n<thead><tr>");
	th(p, NULL, U_TOPIC);
	for (i = 0; i < nr; i++) {
		raw(p, "<th class=\"nw\">");
		round_name(p, dd_rnd_round_number(s, i));
		raw(p, "<br/><span class=\"muted\">");
		put(p, s->rounds[i]->date);
		raw(p, "</span></th>");
	}
	th(p, NULL, U_SEEN);
	th(p, "num", U_ROUNDS_PRESENT);
	th(p, NULL, U_NOTES);
	raw(p, "</tr></thead>\n<tbody>\n");
	for (j = 0; j < sec->nrows; j++) {
		const dd_timeline_row *row = &sec->rows[j];

		raw(p, row->core ? "<tr class=\"core\">" : "<tr>");
		raw(p, "<th scope=\"row\">");
		text(p, &row->name);
		raw(p, "</th>");
		for (i = 0; i < nr; i++) {
			enum state st = cell_state(row, i);

			dd_buf_addf(p->out, "<td class=\"cell %s\" title=\"",
				    states[st].cls);
			putw(p, states[st].word);
			dd_buf_addf(p->out, "\"><span class=\"sym\">%s</span>",
				    states[st].sym);
			if (row->cells[i] && row->cells[i]->action) {
				raw(p, " ");
				action(p, row->cells[i]->action);
			}
			raw(p, "</td>");
		}
		dd_rnd_row_seen(seen, sizeof(seen), s, row);
		dd_buf_addf(p->out, "<td class=\"nw\">%s</td><td class=\"num\">"
			    "%zu/%zu</td><td>", seen, row->npresent, nr);
		row_notes(p, s, row);
		raw(p, "</td></tr>\n");
	}
	raw(p, "</tbody>\n");
	if (nr > 1 && sec->similarity) {
		raw(p, "<tfoot><tr><th scope=\"row\">");
		putw(p, U_SIMILARITY_PREV);
		raw(p, "</th><td>" EMDASH "</td>");
		for (i = 1; i < nr; i++) {
			raw(p, "<td class=\"num\">");
			similarity(p, sec->similarity[i - 1]);
			raw(p, "</td>");
		}
		raw(p, "<td></td><td></td><td></td></tr></tfoot>\n");
	}
	raw(p, "</table></div>\n");
}

static void timeline_body(page *p, const dd_timeline *t)
{
	const dd_series *s = t->series;
	size_t i;

	legend(p);
	for (i = 0; i < t->nsections; i++)
		timeline_section(p, t, i);
	if (s->nrounds > 1 && t->similarity) {
		raw(p, "<p><strong>");
		putw(p, U_SIMILARITY_ALL);
		putw(p, U_COLON);
		raw(p, "</strong>");
		for (i = 1; i < s->nrounds; i++) {
			if (i > 1)
				putw(p, U_COMMA);
			dd_buf_addf(p->out, "<span class=\"nw\">%lld " ARROW
				    " %lld: ", dd_rnd_round_number(s, i - 1),
				    dd_rnd_round_number(s, i));
			similarity(p, t->similarity[i - 1]);
			raw(p, "</span>");
		}
		raw(p, "</p>\n");
	}
}

/* ---- diff ----------------------------------------------------------- */

static void diff_row(page *p, const dd_diff_item *it, const char *cls,
		     const char *sym, dd_msg what)
{
	const dd_item *now = dd_rnd_item(it);
	unsigned changed = dd_diff_item_changed(it);

	dd_buf_addf(p->out, "<tr><td class=\"mark %s\"><span class=\"sym\">%s"
		    "</span> ", cls, sym);
	putw(p, what);
	raw(p, "</td><td>");
	if (now)
		text(p, &now->label);
	if (changed & DD_CHANGE_LABEL) {
		raw(p, "<div class=\"was\">");
		putw(p, U_WAS);
		putw(p, U_COLON);
		text(p, &it->from->label);
		raw(p, "</div>");
	}
	if (now && now->note) {
		raw(p, "<div class=\"note\">");
		put(p, now->note);
		raw(p, "</div>");
	}
	if (changed & DD_CHANGE_NOTE) {	/* the new note is above, if any */
		raw(p, "<div class=\"was\">");
		putw(p, U_NOTE_WAS);
		putw(p, U_COLON);
		put(p, it->from->note ? it->from->note : EMDASH);
		raw(p, "</div>");
	}
	raw(p, "</td><td><code>");
	put(p, it->key);
	raw(p, "</code></td><td>");
	if (changed & DD_CHANGE_ACTION) {
		action(p, it->from->action ? it->from->action : EMDASH);
		raw(p, " " ARROW " ");
		action(p, it->to->action ? it->to->action : EMDASH);
	} else if (now) {
		action(p, now->action);
	}
	raw(p, "</td></tr>\n");
}

static void diff_section(page *p, const dd_diff *d,
			 const dd_diff_section *sec, int level)
{
	size_t j;

	dd_buf_addf(p->out, "<h%d>", level);
	text(p, &sec->title);
	if (sec->unrecorded) {	/* nothing added or dropped: no table */
		dd_buf tmp = DD_BUF_INIT;

		dd_buf_addf(p->out, "</h%d>\n<p class=\"muted\">", level);
		dd_rnd_unrecorded(&tmp, d, sec, p->o->lang);
		put_release(p, &tmp);
		raw(p, "</p>\n");
		return;
	}
	raw(p, " <span class=\"muted\">");
	putw(p, U_SIMILARITY);
	putw(p, U_COLON);
	similarity(p, sec->similarity);
	dd_buf_addf(p->out, "</span></h%d>\n", level);
	if (!sec->nadded && !sec->nkept && !sec->ndropped) {
		raw(p, "<p class=\"muted\">");
		putw(p, U_NONE);
		raw(p, "</p>\n");
		return;
	}
	raw(p, "<div class=\"wide\"><table class=\"diff\">\n<colgroup>"
	    "<col class=\"mark\"/><col class=\"topic-d\"/><col class=\"id\"/>"
	    "<col class=\"act\"/></colgroup>\n<thead><tr><th></th>");
	th(p, NULL, U_TOPIC);
	th(p, NULL, U_ID);
	th(p, NULL, U_ACTION);
	raw(p, "</tr></thead>\n<tbody>\n");
	for (j = 0; j < sec->nadded; j++)
		diff_row(p, &sec->added[j], "s-a", SYM_ADDED, U_ADDED);
	for (j = 0; j < sec->ndropped; j++)
		diff_row(p, &sec->dropped[j], "s-d", SYM_DROPPED, U_DROPPED);
	for (j = 0; j < sec->nkept; j++) {
		const dd_diff_item *it = &sec->kept[j];

		if (dd_diff_item_changed(it))
			diff_row(p, it, "s-c", SYM_CHANGED, U_CHANGED);
		else
			diff_row(p, it, "s-k", SYM_KEPT, U_UNCHANGED);
	}
	raw(p, "</tbody>\n</table></div>\n");
}

static void badge(page *p, const char *cls, const char *sym, dd_msg what,
		  size_t n)
{
	dd_buf_addf(p->out, "<li class=\"%s\"><span class=\"sym\">%s</span> ",
		    cls, sym);
	putw(p, what);
	dd_buf_addf(p->out, " <b>%zu</b></li>", n);
}

static void round_side(page *p, const dd_round *r)
{
	if (r->rev)
		dd_buf_addf(p->out, "%.7s:", r->rev);
	put(p, r->path ? r->path : "-");
}

/* One diff as an <article>; level: the heading level of its title, 0 for
 * none (the page's title says it); its sections a level below. */
static void diff_article(page *p, const dd_diff *d, int level)
{
	dd_rnd_counts c = dd_rnd_diff_counts(d);
	size_t i;

	dd_buf_addf(p->out, "<article id=\"diff-%lld-%lld\">\n",
		    d->from->number, d->to->number);
	if (level) {
		dd_buf_addf(p->out, "<h%d>", level);
		if (dd_rnd_cross_series(d)) {
			put(p, d->from->series);
			dd_buf_addf(p->out, "/%lld " ARROW " ", d->from->number);
			put(p, d->to->series);
			dd_buf_addf(p->out, "/%lld", d->to->number);
		} else {
			pair_name(p, d);
		}
		dd_buf_addf(p->out, "</h%d>\n", level);
	}
	raw(p, "<p class=\"sub\">");
	put(p, d->from->date);
	raw(p, " " ARROW " ");
	put(p, d->to->date);
	raw(p, " " DOT " <code>");
	round_side(p, d->from);
	raw(p, "</code> " ARROW " <code>");
	round_side(p, d->to);
	raw(p, "</code></p>\n<ul class=\"badges\">");
	badge(p, "s-a", SYM_ADDED, U_ADDED, c.added);
	badge(p, "s-d", SYM_DROPPED, U_DROPPED, c.dropped);
	badge(p, "s-c", SYM_CHANGED, U_CHANGED, c.changed);
	badge(p, "s-k", SYM_KEPT, U_UNCHANGED, c.unchanged);
	raw(p, "<li>");
	putw(p, U_SIMILARITY);
	raw(p, " <b>");
	similarity(p, dd_diff_similarity(d));
	raw(p, "</b></li></ul>\n");
	for (i = 0; i < d->nsections; i++)
		diff_section(p, d, &d->sections[i], level ? level + 1 : 2);
	raw(p, "</article>\n");
}

/* ---- sources -------------------------------------------------------- */

/* A round's sources (and what it reaffirms); k: its index in the series,
 * for the heading's id "sources-K". */
static void round_sources(page *p, const dd_round *r, size_t k)
{
	size_t i;

	dd_buf_addf(p->out, "<h3 id=\"sources-%zu\">", k + 1);
	round_name(p, r->number);
	raw(p, " " DOT " ");
	put(p, r->date);
	raw(p, " " DOT " ");
	text(p, &r->title);
	raw(p, "</h3>\n");
	if (!r->nsources) {
		raw(p, "<p class=\"muted\">");
		putw(p, U_NO_SOURCES);
		raw(p, "</p>\n");
		return;
	}
	raw(p, "<ul class=\"sources\">\n");
	for (i = 0; i < r->nsources; i++) {
		const dd_provenance *src = &r->sources[i];
		const char *sep = "";

		raw(p, "<li>");
		if (src->title) {
			raw(p, "<cite>");
			put(p, src->title);
			raw(p, "</cite>");
			sep = " " EMDASH " ";
		}
		if (src->publisher) {
			raw(p, sep);
			put(p, src->publisher);
			sep = ", ";
		}
		if (src->date) {
			raw(p, sep);
			put(p, src->date);
			sep = ", ";
		}
		if (src->url) {
			/* text, not a link: the page refers to nothing */
			raw(p, *sep ? " " : "");
			raw(p, "<code>");
			put(p, src->url);
			raw(p, "</code>");
		}
		raw(p, "</li>\n");
	}
	raw(p, "</ul>\n");
	if (r->nreaffirms) {
		raw(p, "<p><strong>");
		putw(p, U_REAFFIRMS);
		putw(p, U_COLON);
		raw(p, "</strong></p>\n<ul class=\"sources\">\n");
		for (i = 0; i < r->nreaffirms; i++) {
			raw(p, "<li>");
			text(p, &r->reaffirms[i].label);
			if (r->reaffirms[i].note) {
				raw(p, "<div class=\"note\">");
				put(p, r->reaffirms[i].note);
				raw(p, "</div>");
			}
			raw(p, "</li>\n");
		}
		raw(p, "</ul>\n");
	}
}

/* ---- the renderers -------------------------------------------------- */

static void nav(page *p, const dd_msg *ids, const char *const *anchors,
		size_t n)
{
	size_t i;

	raw(p, "<nav><strong>");
	putw(p, U_CONTENTS);
	putw(p, U_COLON);
	raw(p, "</strong>");
	for (i = 0; i < n; i++) {
		dd_buf_addf(p->out, " <a href=\"#%s\">", anchors[i]);
		putw(p, ids[i]);
		raw(p, "</a>");
	}
	raw(p, "</nav>\n");
}

static int html_report(dd_buf *out, const dd_report *r,
		       const dd_render_opts *opts)
{
	static const dd_msg ids[] = {
		U_OVERVIEW, U_TIMELINE, U_CHANGES, U_SOURCES
	};
	static const char *const anchors[] = {
		"overview", "timeline", "changes", "sources"
	};
	const dd_series *s = r->series;
	page p;
	size_t i;

	page_init(&p, out, opts);
	page_begin(&p, &s->title, NULL);
	raw(&p, "<header>\n<h1>");
	text(&p, &s->title);
	raw(&p, "</h1>\n");
	series_sub(&p, s);
	nav(&p, ids, anchors, 4);
	raw(&p, "</header>\n<main>\n<section id=\"overview\">\n<h2>");
	putw(&p, U_OVERVIEW);
	raw(&p, "</h2>\n");
	rounds_table(&p, s);
	if (r->ndiffs)
		glance_table(&p, r);
	raw(&p, "</section>\n");
	if (r->timeline) {
		raw(&p, "<section id=\"timeline\">\n<h2>");
		putw(&p, U_TIMELINE);
		raw(&p, "</h2>\n");
		timeline_body(&p, r->timeline);
		raw(&p, "</section>\n");
	}
	raw(&p, "<section id=\"changes\">\n<h2>");
	putw(&p, U_CHANGES);
	raw(&p, "</h2>\n");
	if (!r->ndiffs) {
		raw(&p, "<p class=\"muted\">");
		putw(&p, U_NO_CHANGES);
		raw(&p, "</p>\n");
	}
	for (i = 0; i < r->ndiffs; i++)
		diff_article(&p, r->diffs[i], 3);
	raw(&p, "</section>\n<section id=\"sources\">\n<h2>");
	putw(&p, U_SOURCES);
	raw(&p, "</h2>\n");
	for (i = 0; i < s->nrounds; i++)
		round_sources(&p, s->rounds[i], i);
	raw(&p, "</section>\n</main>\n");
	page_end(&p, s->dir);
	return dd_buf_oom(out) ? -1 : 0;
}

static int html_timeline(dd_buf *out, const dd_timeline *t,
			 const dd_render_opts *opts)
{
	const dd_series *s = t->series;
	page p;

	page_init(&p, out, opts);
	page_begin(&p, &s->title, word(&p, U_TIMELINE));
	raw(&p, "<header>\n<h1>");
	text(&p, &s->title);
	raw(&p, "</h1>\n");
	series_sub(&p, s);
	raw(&p, "</header>\n<main>\n<section id=\"timeline\">\n<h2>");
	putw(&p, U_TIMELINE);
	raw(&p, "</h2>\n");
	timeline_body(&p, t);
	raw(&p, "</section>\n</main>\n");
	page_end(&p, s->dir);
	return dd_buf_oom(out) ? -1 : 0;
}

static int html_diff(dd_buf *out, dd_diff *const *d, size_t n,
		     const dd_render_opts *opts)
{
	dd_buf title = DD_BUF_INIT;
	page p;
	size_t i;

	page_init(&p, out, opts);
	if (n == 1 && dd_rnd_cross_series(d[0])) {
		dd_buf_addf(&title, "%s/%lld " ARROW " %s/%lld",
			    d[0]->from->series, d[0]->from->number,
			    d[0]->to->series, d[0]->to->number);
	} else if (n == 1) {
		dd_msg_fill(&title, p.o->lang, U_ROUND_N, d[0]->from->number,
			    0);
		dd_buf_adds(&title, " " ARROW " ");
		dd_msg_fill(&title, p.o->lang, U_ROUND_N, d[0]->to->number, 0);
	} else {
		dd_buf_adds(&title, word(&p, U_CHANGES));
	}
	if (dd_buf_oom(&title)) {
		dd_buf_release(&title);
		return -1;
	}
	page_begin(&p, NULL, title.ptr);
	raw(&p, "<header>\n<h1>");
	put(&p, title.ptr);
	raw(&p, "</h1>\n");
	if (n == 1) {
		raw(&p, "<p class=\"sub\">");
		text(&p, &d[0]->from->title);
		raw(&p, " " ARROW " ");
		text(&p, &d[0]->to->title);
		raw(&p, "</p>\n");
	}
	raw(&p, "</header>\n<main>\n");
	for (i = 0; i < n; i++)
		diff_article(&p, d[i], n == 1 ? 0 : 2);
	raw(&p, "</main>\n");
	page_end(&p, n && d[0]->to->series ? d[0]->to->series : "");
	dd_buf_release(&title);
	return dd_buf_oom(out) ? -1 : 0;
}

static void show_section(page *p, const dd_round_section *sec,
			 const dd_taxonomy *tx)
{
	dd_text title = dd_rnd_section_title(tx, sec);
	size_t j;

	raw(p, "<h3>");
	text(p, &title);
	raw(p, " <span class=\"muted\">");
	putwf(p, sec->count == 1 ? U_TOPIC_1 : U_TOPICS_N,
	      (long long)sec->count, 0);
	raw(p, "</span></h3>\n");
	if (!sec->count)
		return;
	raw(p, "<div class=\"wide\"><table class=\"topics\">\n<thead><tr>");
	th(p, NULL, U_TOPIC);
	th(p, NULL, U_ID);
	th(p, NULL, U_ACTION);
	th(p, NULL, U_NOTE);
	raw(p, "</tr></thead>\n<tbody>\n");
	for (j = 0; j < sec->count; j++) {
		const dd_item *it = &sec->items[j];

		raw(p, "<tr><td>");
		text(p, &it->label);
		raw(p, "</td><td><code>");
		put(p, it->key ? it->key : it->id);
		raw(p, "</code>");
		if (dd_rnd_class_problem(it->cls)) {
			const dd_entry *a = dd_rnd_entry(tx, sec->tsection,
							 it->entry);
			const dd_entry *b = dd_rnd_entry(tx, sec->tsection,
							 it->entry2);

			raw(p, "<div class=\"s-d\">");
			if (it->cls == DD_CLASS_AMBIGUOUS && a && b) {
				putw(p, U_AMBIGUOUS);
				putw(p, U_COLON);
				put(p, a->id);
				putw(p, U_COMMA);
				put(p, b->id);
			} else if (it->cls == DD_CLASS_UNKNOWN_ID) {
				putw(p, U_UNKNOWN_ID);
			} else {
				putw(p, U_NOT_CLASSIFIED);
			}
			raw(p, "</div>");
		}
		raw(p, "</td><td class=\"nw\">");
		action(p, it->action);
		raw(p, "</td><td class=\"note\">");
		put(p, it->note);
		raw(p, "</td></tr>\n");
	}
	raw(p, "</tbody>\n</table></div>\n");
}

static int html_show(dd_buf *out, const dd_round *r, const dd_taxonomy *tx,
		     const dd_render_opts *opts)
{
	dd_buf title = DD_BUF_INIT;
	page p;
	size_t i;

	page_init(&p, out, opts);
	dd_msg_fill(&title, p.o->lang, U_ROUND_N, r->number, 0);
	if (dd_buf_oom(&title)) {
		dd_buf_release(&title);
		return -1;
	}
	page_begin(&p, &r->title, title.ptr);
	raw(&p, "<header>\n<h1>");
	put(&p, title.ptr);
	raw(&p, " " DOT " ");
	text(&p, &r->title);
	raw(&p, "</h1>\n</header>\n<main>\n"
	    "<div class=\"wide\"><table class=\"meta\">\n<tbody>\n");
	if (r->series) {
		raw(&p, "<tr>");
		th(&p, NULL, U_SERIES);
		raw(&p, "<td><code>");
		put(&p, r->series);
		raw(&p, "</code></td></tr>\n");
	}
	if (r->date) {
		raw(&p, "<tr>");
		th(&p, NULL, U_DATE);
		raw(&p, "<td>");
		put(&p, r->date);
		raw(&p, "</td></tr>\n");
	}
	if (r->place.en || r->place.zh) {
		raw(&p, "<tr>");
		th(&p, NULL, U_PLACE);
		raw(&p, "<td>");
		text(&p, &r->place);
		raw(&p, "</td></tr>\n");
	}
	if (r->nchairs) {
		raw(&p, "<tr>");
		th(&p, NULL, U_CHAIRS);
		raw(&p, "<td>");
		chairs(&p, r);
		raw(&p, "</td></tr>\n");
	}
	if (r->path) {
		raw(&p, "<tr>");
		th(&p, NULL, U_FILE);
		raw(&p, "<td><code>");
		round_side(&p, r);
		raw(&p, "</code></td></tr>\n");
	}
	raw(&p, "</tbody>\n</table></div>\n");
	for (i = 0; i < r->nsections; i++)
		show_section(&p, &r->sections[i], tx);
	raw(&p, "<h2>");
	putw(&p, U_SOURCES);
	raw(&p, "</h2>\n");
	round_sources(&p, r, 0);
	raw(&p, "</main>\n");
	page_end(&p, r->path ? r->path : "");
	dd_buf_release(&title);
	return dd_buf_oom(out) ? -1 : 0;
}

static void list_series(page *p, const dd_series *s, const dd_taxonomy *tx)
{
	const char **ids;
	size_t nids, i, j;

	raw(p, "<h2>");
	text(p, &s->title);
	raw(p, " <code>");
	put(p, s->id);
	raw(p, "</code></h2>\n");
	if (!s->nrounds) {
		raw(p, "<p class=\"muted\">");
		putw(p, U_NO_ROUNDS);
		raw(p, "</p>\n");
		return;
	}
	if (dd_rnd_section_ids(&ids, &nids, tx, s->rounds, s->nrounds) < 0) {
		p->out->oom = 1;
		return;
	}
	raw(p, "<div class=\"wide\"><table class=\"rounds\">\n<thead><tr>");
	th(p, "num", U_ROUND);
	th(p, NULL, U_DATE);
	th(p, NULL, U_TITLE);
	th(p, NULL, U_FILE);
	for (j = 0; j < nids; j++) {
		size_t k = 0;

		while (tx && k < tx->nsections &&
		       (!tx->sections[k].id || strcmp(tx->sections[k].id, ids[j])))
			k++;
		raw(p, "<th class=\"num\">");
		if (tx && k < tx->nsections)
			text(p, &tx->sections[k].title);
		else
			put(p, ids[j]);
		raw(p, "</th>");
	}
	raw(p, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < s->nrounds; i++) {
		const dd_round *r = s->rounds[i];

		dd_buf_addf(p->out, "<tr><td class=\"num\">%lld</td><td class=\"nw\">",
			    r->number);
		put(p, r->date);
		raw(p, "</td><td>");
		text(p, &r->title);
		raw(p, "</td><td class=\"nw\"><code>");
		put(p, dd_rnd_round_file(s, r));
		raw(p, "</code></td>");
		for (j = 0; j < nids; j++)
			dd_buf_addf(p->out, "<td class=\"num\">%zu</td>",
				    dd_rnd_section_count(r, ids[j]));
		raw(p, "</tr>\n");
	}
	raw(p, "</tbody>\n</table></div>\n");
	free(ids);
}

static int html_list(dd_buf *out, const dd_listing *l,
		     const dd_render_opts *opts)
{
	page p;
	size_t i;

	page_init(&p, out, opts);
	page_begin(&p, NULL, word(&p, U_ROUND_LIST));
	raw(&p, "<header>\n<h1>");
	putw(&p, U_ROUND_LIST);
	raw(&p, "</h1>\n</header>\n<main>\n");
	for (i = 0; i < l->nseries; i++)
		list_series(&p, l->series[i], l->txs ? l->txs[i] : NULL);
	raw(&p, "</main>\n");
	page_end(&p, l->nseries && l->series[0]->dir ? l->series[0]->dir : "");
	return dd_buf_oom(out) ? -1 : 0;
}

const dd_renderer dd_render_html = {
	"html",
	html_report,
	html_list,
	html_show,
	html_diff,
	html_timeline,
	NULL,
};
