/*
 * extract.c - statements of a source text, the taxonomy entries they
 * match, and the draft round and listings made of them (extract.h).
 *
 * Everything here is syntax -- punctuation, list markers, white space --
 * and never vocabulary: what a statement is about is the taxonomy's
 * answer (dd_taxonomy_match_all).  Texts are walked code point by code
 * point (dd_utf8_decode), so that no cut falls inside a character.
 */
#include <stdlib.h>
#include <string.h>

#include "dialdiff/author.h"
#include "dialdiff/extract.h"
#include "dialdiff/fmt.h"
#include "dialdiff/json.h"

/* ------------------------------------------------------------------------
 * Characters.
 */

static int is_space_cp(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
	       cp == '\f' || cp == '\v' || cp == 0x3000 || cp == 0xA0;
}

/* 。；！？ */
static int is_cjk_stop(unsigned cp)
{
	return cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F;
}

/* Quotes and brackets, opening and closing: () [] “” ‘’ 「」 『』 （） 【】
 * 《》 "" '' */
static const unsigned pairs[][2] = {
	{ '(', ')' }, { '[', ']' }, { 0x201C, 0x201D }, { 0x2018, 0x2019 },
	{ 0x300C, 0x300D }, { 0x300E, 0x300F }, { 0xFF08, 0xFF09 },
	{ 0x3010, 0x3011 }, { 0x300A, 0x300B }, { '"', '"' }, { '\'', '\'' },
};

/* The counterpart of cp in pairs, found in column from (0: cp opens, 1:
 * cp closes), or 0. */
static unsigned pair_of(unsigned cp, int from)
{
	size_t i;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if (pairs[i][from] == cp)
			return pairs[i][!from];
	return 0;
}

/* The opening counterpart of a closing quote or bracket (one that stays
 * with the sentence it ends), or 0. */
static unsigned opener_of(unsigned cp)
{
	return pair_of(cp, 1);
}

static unsigned closer_of(unsigned cp)
{
	return pair_of(cp, 0);
}

/* Punctuation and symbols: what a statement of nothing else is made of. */
static int is_punct_cp(unsigned cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
			 (cp >= 'A' && cp <= 'Z'));
	return (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
	       (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	       (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
	       cp == 0xA0 || cp == 0xB7;
}

static int is_han(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

/* The Chinese numerals one to ten, as list markers ("三、"). */
static int is_cjk_numeral(unsigned cp)
{
	static const unsigned nums[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
		0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341 };
	size_t i;

	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		if (cp == nums[i])
			return 1;
	return 0;
}

/* The code point at s[i] and its length in *w. */
static unsigned cp_at(const char *s, size_t i, size_t *w)
{
	unsigned cp;

	*w = dd_utf8_decode(s + i, &cp);
	return cp;
}

/* ------------------------------------------------------------------------
 * Splitting.
 */

/* Bytes of a list marker at s[0..n) and the white space after it, or 0. */
static size_t marker_len(const char *s, size_t n)
{
	size_t i = 0, w, d;
	unsigned cp;

	if (!n)
		return 0;
	cp = cp_at(s, 0, &w);
	if ((cp == '-' || cp == '*' || cp == '+') && n > 1 &&
	    (s[1] == ' ' || s[1] == '\t'))
		i = 1;
	else if (cp == 0x2022)		/* • */
		i = w;
	else if (cp >= '0' && cp <= '9') {
		for (d = 0; d < n && d < 4 && s[d] >= '0' && s[d] <= '9'; d++)
			;
		if (d == 4 || d == n)
			return 0;
		cp = cp_at(s, d, &w);
		if (cp == 0x3001 || cp == 0xFF0E)	/* 、 ． */
			i = d + w;
		else if ((cp == '.' || cp == ')') &&
			 (d + 1 == n || s[d + 1] == ' ' || s[d + 1] == '\t' ||
			  (unsigned char)s[d + 1] >= 0x80))
			i = d + 1;
		else
			return 0;
	} else if (cp == '(' || cp == 0xFF08) {	/* (1) （1） */
		size_t o = w;

		for (d = o; d < n && d < o + 3 && s[d] >= '0' && s[d] <= '9'; d++)
			;
		if (d == o || d >= n)
			return 0;
		cp = cp_at(s, d, &w);
		if (cp != ')' && cp != 0xFF09)
			return 0;
		i = d + w;
	} else if (is_cjk_numeral(cp)) {
		for (d = 0; d < n && d < 9 && is_cjk_numeral(cp_at(s, d, &w));
		     d += w)
			;
		if (d >= n || cp_at(s, d, &w) != 0x3001)
			return 0;
		i = d + w;
	}
	while (i && i < n && is_space_cp(cp_at(s, i, &w)))
		i += w;
	return i;
}

/* Bytes of a Markdown heading's "#"s and the space after them, or 0. */
static size_t heading_len(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && i < 6 && s[i] == '#')
		i++;
	if (!i || (i < n && s[i] != ' ' && s[i] != '\t'))
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

typedef struct splitter {
	dd_arena *arena;
	dd_stmt **out;
	size_t *count, cap;
	dd_buf cur;
	int line, column;	/* where cur starts */
	int oom;
} splitter;

static void flush(splitter *sp)
{
	dd_buf *c = &sp->cur;
	size_t i, w, end = c->len;
	int content = 0;
	dd_stmt *st;

	/* trailing white space (a code point ends where the next starts) */
	for (i = 0; i < c->len; i += w) {
		unsigned cp = cp_at(c->ptr, i, &w);

		if (!is_space_cp(cp))
			end = i + w;
		if (!is_punct_cp(cp) && !is_space_cp(cp))
			content = 1;
	}
	if (dd_buf_oom(c))
		sp->oom = 1;
	if (content && !sp->oom && *sp->count == sp->cap) {
		size_t cap = sp->cap ? 2 * sp->cap : 16;
		dd_stmt *grown = realloc(*sp->out, cap * sizeof(*grown));

		sp->oom = !grown;
		if (grown) {
			*sp->out = grown;
			sp->cap = cap;
		}
	}
	if (content && !sp->oom) {
		st = &(*sp->out)[*sp->count];
		memset(st, 0, sizeof(*st));
		st->text = dd_arena_strndup(sp->arena, c->ptr, end);
		st->len = end;
		st->line = sp->line;
		st->column = sp->column;
		sp->oom = !st->text;
		*sp->count += !sp->oom;
	}
	dd_buf_reset(c);
}

/* 1 when the "." at t[dot] ends an initialism ("U.S.", "D.C.": a word
 * with a dot inside), a single letter ("J.") or nothing at all: a dot
 * that ends no sentence and no clause. */
static int abbrev_dot(const char *t, size_t dot)
{
	size_t b = dot;

	while (b > 0 && t[b - 1] != ' ')
		b--;
	if (b == dot || memchr(t + b, '.', dot - b))
		return 1;
	return dot - b == 1 && ((unsigned char)t[b] | 0x20) >= 'a' &&
	       ((unsigned char)t[b] | 0x20) <= 'z';
}

int dd_extract_split(dd_stmt **out, size_t *count, dd_arena *arena,
		     const char *text, size_t len, int lines_end,
		     dd_error *err)
{
	splitter sp;
	size_t pos = 0;
	int line = 0;

	memset(&sp, 0, sizeof(sp));
	sp.arena = arena;
	sp.out = out;
	sp.count = count;
	sp.cap = *count;
	dd_buf_init(&sp.cur);
	while (pos < len && !sp.oom) {
		const char *eol = memchr(text + pos, '\n', len - pos);
		size_t n = eol ? (size_t)(eol - (text + pos)) : len - pos;
		const char *s = text + pos;
		size_t i = 0, w, h;
		int col = 1, heading, quote;

		line++;
		pos += n + (eol ? 1 : 0);
		if (n && s[n - 1] == '\r')
			n--;
		/* leading white space; a blank line ends a paragraph */
		while (i < n && is_space_cp(cp_at(s, i, &w)))
			i += w, col++;
		if (i == n) {
			flush(&sp);
			continue;
		}
		quote = s[i] == '>';
		if (quote) {	/* a quotation's marker: a block of its own */
			i++, col++;
			while (i < n && (s[i] == ' ' || s[i] == '\t'))
				i++, col++;
		}
		h = heading_len(s + i, n - i);
		heading = h > 0;
		if (h || quote || marker_len(s + i, n - i) || lines_end)
			flush(&sp);	/* a new block, or a new line in zh */
		else if (sp.cur.len)
			dd_buf_addc(&sp.cur, ' ');	/* the paragraph goes on */
		i += h;
		col += (int)h;
		while (i < n) {
			unsigned cp;

			if (!sp.cur.len) {
				/* a statement starts: its marker and spaces go */
				size_t m = marker_len(s + i, n - i);

				col += (int)dd_utf8_chars(s + i, m);
				i += m;
				while (i < n && is_space_cp(cp_at(s, i, &w)))
					i += w, col++;
				if (i == n)
					break;
				sp.line = line;
				sp.column = col;
			}
			cp = cp_at(s, i, &w);
			if (cp == '\t')
				dd_buf_addc(&sp.cur, ' ');
			else
				dd_buf_add(&sp.cur, s + i, w);
			i += w, col++;
			if (is_cjk_stop(cp) || cp == '.' || cp == '!' ||
			    cp == '?') {
				size_t j = i, k, jw;
				int cols = 0;
				unsigned next;

				while (j < n && opener_of(cp_at(s, j, &jw)))
					j += jw, cols++;
				if (!is_cjk_stop(cp)) {
					/* ASCII: only before white space, and
					 * not before a lower-case word or a
					 * number ("No. 5") */
					if (j < n && !is_space_cp(cp_at(s, j, &jw)))
						continue;
					k = j;
					while (k < n && is_space_cp(cp_at(s, k, &jw)))
						k += jw;
					next = k < n ? (unsigned char)s[k] : 'A';
					if ((next >= 'a' && next <= 'z') ||
					    (next >= '0' && next <= '9'))
						continue;
					if (cp == '.' && abbrev_dot(sp.cur.ptr, sp.cur.len - 1))
						continue;
				}
				dd_buf_add(&sp.cur, s + i, j - i);
				col += cols;
				i = j;
				flush(&sp);
			}
		}
		if (heading || lines_end)
			flush(&sp);
	}
	if (!sp.oom)
		flush(&sp);
	dd_buf_release(&sp.cur);
	return sp.oom ? dd_error_oom(err) : 0;
}

dd_lang dd_extract_detect_lang(const char *text, size_t len)
{
	size_t i, w, han = 0, latin = 0;

	for (i = 0; i < len; i += w) {
		unsigned cp = cp_at(text, i, &w);

		if (is_han(cp))
			han++;
		else if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			latin++;
	}
	return han && han * 4 >= latin ? DD_LANG_ZH : DD_LANG_EN;
}

/* ------------------------------------------------------------------------
 * Clauses.
 */

/* Bytes of a clause separator at t[i] (a character boundary), or 0. */
static size_t sep_at(const char *t, size_t len, size_t i)
{
	size_t w;
	unsigned cp = cp_at(t, i, &w);

	switch (cp) {
	case ',':	/* not inside a number: 1,000 */
		if (i > 0 && i + 1 < len && t[i - 1] >= '0' &&
		    t[i - 1] <= '9' && t[i + 1] >= '0' && t[i + 1] <= '9')
			return 0;
		return 1;
	case ';': case '!': case '?':
		return 1;
	case '.':	/* not U.S., 3.5 */
		if (abbrev_dot(t, i))
			return 0;
		return i + 1 == len || t[i + 1] == ' ' ? 1 : 0;
	case ':':	/* not 12:30, not http:// */
		if (i + 1 < len && (t[i + 1] == '/' ||
				    (i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9' &&
				     t[i + 1] >= '0' && t[i + 1] <= '9')))
			return 0;
		return 1;
	case 0x2014:	/* — */
		return w;
	case 0x2013:	/* – between spaces */
		return i > 0 && t[i - 1] == ' ' && i + w < len &&
		       t[i + w] == ' ' ? w : 0;
	case 0xFF0C: case 0x3001: case 0xFF1B: case 0xFF1A: case 0x3002:
	case 0xFF01: case 0xFF1F:	/* ，、；：。！？ */
		return w;
	}
	return 0;
}

/* 1 when code point cp occurs in t[b..e). */
static int has_cp(const char *t, size_t b, size_t e, unsigned cp)
{
	size_t w;

	for (; b < e; b += w)
		if (cp_at(t, b, &w) == cp)
			return 1;
	return 0;
}

/* The start of the character before byte i of t (i > 0). */
static size_t prev_char(const char *t, size_t i)
{
	do
		i--;
	while (i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80);
	return i;
}

/* Trim t[*b..*e) of white space and of quotes and brackets that are not
 * matched inside it. */
static void trim_clause(const char *t, size_t *b, size_t *e)
{
	while (*b < *e) {
		size_t w, fw, p = prev_char(t, *e);
		unsigned first = cp_at(t, *b, &fw), last;

		if (is_space_cp(first) ||
		    (closer_of(first) && !has_cp(t, *b + fw, *e, closer_of(first))) ||
		    (opener_of(first) && first != '"' && first != '\'')) {
			*b += fw;
			continue;
		}
		last = cp_at(t, p, &w);
		if (closer_of(first) == last && p > *b &&
		    !has_cp(t, *b + fw, p, last)) {
			*b += fw;	/* a quotation or brackets around it all */
			*e = p;
			continue;
		}
		if (!is_space_cp(last) &&
		    !(opener_of(last) && !has_cp(t, *b, p, opener_of(last))) &&
		    !(closer_of(last) && last != '"' && last != '\''))
			return;
		*e = p;
	}
}

#define CLAUSE_MAX 120		/* characters */
#define CLAUSE_BEFORE 40
#define CLAUSE_AFTER 60
#define CLAUSE_WORD 15		/* how far a cut looks for a space */

int dd_extract_clause(char **out, const char *text, size_t len, size_t start,
		      size_t end, dd_error *err)
{
	size_t b = 0, e = len, i, w, k;
	dd_buf buf = DD_BUF_INIT;
	int cut_b = 0, cut_e = 0;

	if (start > len)
		start = len;
	if (end < start)
		end = start;
	if (end > len)
		end = len;
	for (i = 0; i < start; i += w ? w : 1) {
		w = sep_at(text, len, i);
		if (w)
			b = i + w;
		else
			(void)cp_at(text, i, &w);
	}
	for (i = end; i < len; i += w) {
		if (sep_at(text, len, i)) {
			e = i;
			break;
		}
		(void)cp_at(text, i, &w);
	}
	trim_clause(text, &b, &e);
	if (b < start) {	/* an inline list marker: "；3.诸多…" */
		b += marker_len(text + b, start - b);
		trim_clause(text, &b, &e);
	}
	if (b > start || e < end) {	/* the match itself is punctuation */
		b = start;
		e = end;
	}
	if (dd_utf8_chars(text + b, e - b) > CLAUSE_MAX) {
		size_t nb = start, ne = end;

		for (k = 0; k < CLAUSE_BEFORE && nb > b; k++)
			nb = prev_char(text, nb);
		for (k = 0; k < CLAUSE_AFTER && ne < e; k++)
			(void)cp_at(text, ne, &w), ne += w;
		/* at a space, when there is one near */
		for (k = 0, i = nb; nb > b && k < CLAUSE_WORD && i < start;
		     k++, i += w) {
			if (text[i] == ' ') {
				nb = i + 1;
				break;
			}
			(void)cp_at(text, i, &w);
		}
		for (k = 0, i = ne; ne < e && k < CLAUSE_WORD && i > end; k++) {
			i = prev_char(text, i);
			if (text[i] == ' ') {
				ne = i;
				break;
			}
		}
		cut_b = nb > b;
		cut_e = ne < e;
		b = nb;
		e = ne;
	}
	if (cut_b)
		dd_buf_adds(&buf, "\xE2\x80\xA6");	/* … */
	dd_buf_add(&buf, text + b, e - b);
	if (cut_e)
		dd_buf_adds(&buf, "\xE2\x80\xA6");
	*out = dd_buf_detach(&buf, NULL);	/* NULL when memory ran out */
	return *out ? 0 : dd_error_oom(err);
}

/* ------------------------------------------------------------------------
 * Extraction.
 */

void dd_extract_free(dd_extract *x)
{
	if (!x)
		return;
	free(x->stmts);
	free(x->hits);
	free(x->items);
	dd_arena_release(&x->arena);
	free(x);
}

/* Line and column (characters) of byte off of text. */
static void place_of(const char *text, size_t off, int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/* The hits of statement st in section sec, in order of their start
 * (then taxonomy order), into order[] (room for st->nhits). */
static size_t section_hits(const dd_extract *x, const dd_stmt *st, int sec,
			   size_t *order)
{
	size_t i, j, n = 0;

	for (i = st->hit0; i < st->hit0 + st->nhits; i++) {
		if (x->hits[i].section != sec)
			continue;
		for (j = n; j > 0 && x->hits[order[j - 1]].start >
				     x->hits[i].start; j--)
			order[j] = order[j - 1];
		order[j] = i;
		n++;
	}
	return n;
}

/* One item per entry found, section by section (see extract.h). */
static int make_items(dd_extract *x, dd_error *err)
{
	size_t s, k, i, maxhits = 0, *order;
	int rc = 0;

	x->items = calloc(x->nhits ? x->nhits : 1, sizeof(*x->items));
	x->per_section = dd_arena_array(&x->arena, x->tx->nsections + 1,
					sizeof(*x->per_section));
	for (k = 0; k < x->nstmts; k++)
		if (x->stmts[k].nhits > maxhits)
			maxhits = x->stmts[k].nhits;
	order = calloc(maxhits ? maxhits : 1, sizeof(*order));
	if (!x->items || !x->per_section || !order) {
		free(order);
		return dd_error_oom(err);
	}
	for (s = 0; s < x->tx->nsections && !rc; s++) {
		const dd_tsection *ts = &x->tx->sections[s];
		unsigned char *seen = calloc(ts->nentries ? ts->nentries : 1, 1);

		if (!seen) {
			rc = dd_error_oom(err);
			break;
		}
		for (k = 0; k < x->nstmts && !rc; k++) {
			const dd_stmt *st = &x->stmts[k];
			size_t n = section_hits(x, st, (int)s, order);

			for (i = 0; i < n && !rc; i++) {
				const dd_hit *h = &x->hits[order[i]];
				dd_extract_item *it = &x->items[x->nitems];
				char *label;

				if (seen[h->entry])
					continue;
				seen[h->entry] = 1;
				rc = dd_extract_clause(&label, st->text, st->len,
						       h->start, h->end, err);
				if (rc < 0)
					break;
				it->label = dd_arena_strdup(&x->arena, label);
				free(label);
				if (!it->label) {
					rc = dd_error_oom(err);
					break;
				}
				it->section = (int)s;
				it->entry = h->entry;
				it->stmt = k;
				x->nitems++;
				x->per_section[s]++;
			}
		}
		free(seen);
	}
	free(order);
	return rc;
}

int dd_extract_run(dd_extract **out, dd_taxonomy *tx, const char *text,
		   size_t len, const char *path, int lang, dd_error *err)
{
	dd_extract *x;
	const char *nul;
	size_t bad, k, s;
	int rc = 0, line, col;

	*out = NULL;
	if (!dd_utf8_valid(text, len, &bad)) {
		place_of(text, bad, &line, &col);
		return dd_error_set(err, DD_ERROR, path, line, col,
				    "invalid UTF-8 (a text source must be UTF-8)");
	}
	if ((nul = memchr(text, '\0', len))) {
		place_of(text, (size_t)(nul - text), &line, &col);
		return dd_error_set(err, DD_ERROR, path, line, col,
				    "a NUL byte (not a text file?)");
	}
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		text += 3, len -= 3;	/* a BOM; columns count from after it */
	x = calloc(1, sizeof(*x));
	if (!x)
		return dd_error_oom(err);
	dd_arena_init(&x->arena);
	x->tx = tx;
	x->lang = lang == DD_EXTRACT_AUTO ?
		  dd_extract_detect_lang(text, len) : (dd_lang)lang;
	rc = dd_extract_split(&x->stmts, &x->nstmts, &x->arena, text, len,
			      x->lang == DD_LANG_ZH, err);
	for (k = 0; k < x->nstmts && !rc; k++) {
		dd_stmt *st = &x->stmts[k];

		st->hit0 = x->nhits;
		for (s = 0; s < tx->nsections && !rc; s++)
			rc = dd_taxonomy_match_all(&x->hits, &x->nhits, tx, s,
						   st->text, st->len, err);
		st->nhits = x->nhits - st->hit0;
		/* a limit names the pattern; the statement is where */
		if (rc < 0 && err && !err->file[0])
			dd_error_set(err, rc, path, st->line, st->column,
				     "%s", err->message);
	}
	if (!rc)
		rc = make_items(x, err);
	if (rc < 0) {
		dd_extract_free(x);
		return rc;
	}
	*out = x;
	return 0;
}

/* The draft is a dd_round of borrowed strings, written as new writes one. */
int dd_extract_round(dd_buf *out, const dd_extract *x,
		     const dd_extract_meta *meta, dd_error *err)
{
	const char *source = meta->source ? meta->source : "standard input";
	dd_provenance named = { meta->source, NULL, NULL, NULL };
	dd_buf tmp = DD_BUF_INIT;
	dd_item *items;
	dd_round r;
	size_t s, i;
	int rc, oom;

	memset(&r, 0, sizeof(r));
	dd_arena_init(&r.arena);
	r.path = "draft round";
	r.schema_version = 1;
	r.series = meta->series;
	r.number = meta->round;
	r.date = meta->date;
	r.sources = meta->source ? &named : NULL;
	r.nsources = meta->source != NULL;
	dd_buf_addf(&tmp, "Round %lld (draft extracted from %s)", meta->round,
		    source);
	r.title.en = dd_arena_strdup(&r.arena, tmp.ptr);
	r.sections = dd_arena_array(&r.arena, x->tx->nsections + 1,
				    sizeof(*r.sections));
	items = dd_arena_array(&r.arena, x->nitems + 1, sizeof(*items));
	oom = !r.title.en || !r.sections || !items;
	for (i = 0; !oom && i < x->nitems; i++) {	/* by section */
		const dd_extract_item *it = &x->items[i];

		items[i].id = x->tx->sections[it->section].entries[it->entry].id;
		if (x->lang == DD_LANG_ZH)
			items[i].label.zh = it->label;
		else
			items[i].label.en = it->label;
		dd_buf_reset(&tmp);
		dd_buf_addf(&tmp, "line %d of %s", x->stmts[it->stmt].line,
			    source);
		items[i].note = dd_arena_strdup(&r.arena, tmp.ptr);
		oom = !items[i].note;
	}
	for (s = 0, i = 0; !oom && s < x->tx->nsections; s++) {
		r.sections[s].id = x->tx->sections[s].id;
		r.sections[s].items = items + i;
		r.sections[s].count = x->per_section[s];
		i += x->per_section[s];
	}
	r.nsections = x->tx->nsections;
	if (oom || dd_buf_oom(&tmp))
		rc = dd_error_oom(err);
	else
		rc = dd_author_round_json(out, &r, err);
	dd_buf_release(&tmp);
	dd_arena_release(&r.arena);
	return rc;
}

/* A member of the object being written: "key": s (null for NULL), or v. */
static void put_str(dd_json_writer *w, const char *key, const char *s)
{
	dd_json_key(w, key);
	dd_json_string(w, s);
}

static void put_int(dd_json_writer *w, const char *key, long long v)
{
	dd_json_key(w, key);
	dd_json_int(w, v);
}

/* Hit h of text as an element of "matches". */
static void write_match(dd_json_writer *w, const dd_taxonomy *tx,
			const dd_hit *h, const char *text)
{
	const dd_tsection *ts = &tx->sections[h->section];
	const dd_entry *en = &ts->entries[h->entry];

	dd_json_begin_object(w);
	put_str(w, "section", ts->id);
	put_str(w, "entry", en->id);
	put_str(w, "pattern", en->patterns[h->pattern]);
	put_int(w, "start", (long long)h->start);
	put_int(w, "end", (long long)h->end);
	dd_json_key(w, "match");
	dd_json_string_len(w, text + h->start, h->end - h->start);
	dd_json_end_object(w);
}

int dd_extract_json(dd_buf *out, const dd_extract *x,
		    const dd_extract_meta *meta, const dd_buf *round,
		    dd_error *err)
{
	dd_json_doc *doc = NULL;
	dd_json_writer w;
	size_t k, i, s, unmatched = 0;
	int rc;

	if ((rc = dd_json_parse(&doc, round->ptr, round->len, "draft round",
				err)) < 0)
		return rc;
	dd_buf_reset(out);
	dd_json_writer_init(&w, out, 0);
	dd_json_begin_object(&w);
	put_str(&w, "schema", "dialdiff/extract@1");
	put_str(&w, "source", meta->source);
	put_str(&w, "taxonomy", x->tx->path);
	put_str(&w, "lang", dd_lang_name(x->lang));
	dd_json_key(&w, "statements");
	dd_json_begin_array(&w);
	for (k = 0; k < x->nstmts; k++) {
		const dd_stmt *st = &x->stmts[k];

		unmatched += st->nhits == 0;
		dd_json_begin_object(&w);
		put_int(&w, "line", st->line);
		put_int(&w, "column", st->column);
		put_str(&w, "text", st->text);
		dd_json_key(&w, "matches");
		dd_json_begin_array(&w);
		for (i = st->hit0; i < st->hit0 + st->nhits; i++)
			write_match(&w, x->tx, &x->hits[i], st->text);
		dd_json_end_array(&w);
		dd_json_end_object(&w);
	}
	dd_json_end_array(&w);
	dd_json_key(&w, "summary");
	dd_json_begin_object(&w);
	put_int(&w, "statements", (long long)x->nstmts);
	put_int(&w, "unmatched", (long long)unmatched);
	put_int(&w, "items", (long long)x->nitems);
	dd_json_key(&w, "sections");
	dd_json_begin_object(&w);
	for (s = 0; s < x->tx->nsections; s++) {
		put_int(&w, x->tx->sections[s].id, (long long)x->per_section[s]);
	}
	dd_json_end_object(&w);
	dd_json_end_object(&w);
	dd_json_key(&w, "round");
	dd_fmt_write_node(&w, dd_json_root(doc), dd_fmt_shape_of(DD_FMT_ROUND));
	dd_json_end_object(&w);
	dd_buf_addc(out, '\n');
	dd_json_doc_free(doc);
	return dd_buf_oom(out) ? dd_error_oom(err) : 0;
}

void dd_extract_text(dd_buf *out, const dd_extract *x, dd_lang lang)
{
	size_t s, i, width = 0;

	for (i = 0; i < x->nitems; i++) {
		const char *id = x->tx->sections[x->items[i].section]
				 .entries[x->items[i].entry].id;

		if (strlen(id) + 2 > width)
			width = strlen(id) + 2;
	}
	for (s = 0; s < x->tx->nsections; s++) {
		const dd_tsection *ts = &x->tx->sections[s];

		dd_buf_addf(out, "%s (%s): %zu\n", dd_text_get(&ts->title, lang),
			    ts->id, x->per_section[s]);
		for (i = 0; i < x->nitems; i++) {
			const dd_extract_item *it = &x->items[i];
			const char *id = ts->entries[it->entry].id;
			size_t n = dd_utf8_width(id);

			if (it->section != (int)s)
				continue;
			dd_buf_addf(out, "  %s", id);
			dd_buf_addn(out, ' ', n < width ? width - n : 1);
			dd_text_add_safe(out, it->label);	/* the source's */
			dd_buf_addf(out, "  (line %d)\n",
				    x->stmts[it->stmt].line);
		}
	}
}

/* ------------------------------------------------------------------------
 * classify.
 */

int dd_extract_classify(dd_buf *out, size_t *unmatched, dd_taxonomy *tx,
			const char *const *texts, size_t n, int json,
			dd_lang lang, dd_error *err)
{
	dd_json_writer w;
	dd_hit *hits = NULL;
	size_t t, s, i, nhits;
	int rc = 0;

	*unmatched = 0;
	dd_buf_reset(out);
	dd_json_writer_init(&w, out, 0);
	if (json) {
		dd_json_begin_object(&w);
		put_str(&w, "schema", "dialdiff/classify@1");
		put_str(&w, "taxonomy", tx->path);
		dd_json_key(&w, "texts");
		dd_json_begin_array(&w);
	}
	for (t = 0; t < n && !rc; t++) {
		nhits = 0;
		for (s = 0; s < tx->nsections && !rc; s++)
			rc = dd_taxonomy_match_all(&hits, &nhits, tx, s, texts[t],
						   strlen(texts[t]), err);
		if (rc < 0) {
			if (err && !err->file[0])
				dd_error_set(err, rc, NULL, 0, 0, "text %zu: %s",
					     t + 1, err->message);
			break;
		}
		*unmatched += nhits == 0;
		if (json) {
			dd_json_begin_object(&w);
			put_str(&w, "text", texts[t]);
			dd_json_key(&w, "matches");
			dd_json_begin_array(&w);
			for (i = 0; i < nhits; i++)
				write_match(&w, tx, &hits[i], texts[t]);
			dd_json_end_array(&w);
			dd_json_end_object(&w);
			continue;
		}
		dd_text_add_safe(out, texts[t]);
		dd_buf_addc(out, '\n');
		if (!nhits)
			dd_buf_adds(out, "  no entry\n");
		for (i = 0; i < nhits; i++) {
			const dd_tsection *ts = &tx->sections[hits[i].section];
			const dd_entry *en = &ts->entries[hits[i].entry];

			char *m = strndup(texts[t] + hits[i].start,
					  hits[i].end - hits[i].start);

			if (!m) {
				rc = dd_error_oom(err);
				break;
			}
			dd_buf_addf(out, "  %s/%s (%s): \"", ts->id, en->id,
				    dd_text_get(&en->name, lang));
			dd_text_add_safe(out, m);
			dd_buf_addf(out, "\" at bytes %zu-%zu, pattern %s\n",
				    hits[i].start, hits[i].end,
				    en->patterns[hits[i].pattern]);
			free(m);
		}
	}
	free(hits);
	if (rc < 0) {
		dd_buf_reset(out);
		return rc;
	}
	if (json) {
		dd_json_end_array(&w);
		dd_json_key(&w, "summary");
		dd_json_begin_object(&w);
		put_int(&w, "texts", (long long)n);
		put_int(&w, "unmatched", (long long)*unmatched);
		dd_json_end_object(&w);
		dd_json_end_object(&w);
		dd_buf_addc(out, '\n');
	}
	return dd_buf_oom(out) ? dd_error_oom(err) : 0;
}
