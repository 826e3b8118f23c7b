/*
 * manual.c - a command's help, from its section of the manual page.
 *
 * The manual page (docs/dialdiff.1) is built into the binary
 * (cli_manpage), so `dialdiff help diff` and `dialdiff diff --help` print
 * the same text as `man dialdiff` shows under diff, in a clone, without
 * installing anything and without man.  The roff is rendered here, as man
 * renders it to a terminal of 80 columns, for the few requests and escapes
 * the page uses (see docs/dialdiff.1's head comment).
 */
#include <ctype.h>
#include <string.h>

#include "cli.h"

#define WIDTH 80
#define STEP 7		/* the indent of .TP, .IP and .RS, as man's */
#define NBSP '\001'	/* "\ ": a space that does not break */

typedef struct render {
	dd_buf *out;
	dd_buf line;	/* the output line being filled */
	size_t col;	/* its width */
	int open;	/* it holds words */
	int left;	/* the left margin (.RS moves it) */
	int indent;	/* the indent of the text (left, or a .TP body's) */
	int stack[8];	/* the margins .RS saved */
	int depth;
	int nofill;	/* between .nf and .fi */
	int tag;	/* the next line of text is a .TP tag */
} render;

static void flush(render *r)
{
	size_t i;

	if (r->open) {
		for (i = 0; i < r->line.len; i++)
			dd_buf_addc(r->out, r->line.ptr[i] == NBSP ? ' ' :
				    r->line.ptr[i]);
		dd_buf_addc(r->out, '\n');
	}
	dd_buf_reset(&r->line);
	r->col = 0;
	r->open = 0;
}

/* A blank line before a paragraph: one, and none at the top. */
static void space(render *r)
{
	flush(r);
	if (r->out->len && !(r->out->len >= 2 &&
			     !memcmp(r->out->ptr + r->out->len - 2, "\n\n", 2)))
		dd_buf_addc(r->out, '\n');
}

static void start_line(render *r)
{
	dd_buf_addn(&r->line, ' ', (size_t)r->indent);
	r->col = (size_t)r->indent;
	r->open = 1;
}

/* Fill: a word goes on the line, or on the next when it does not fit. */
static void word(render *r, const char *w, size_t len)
{
	size_t n = dd_utf8_chars(w, len);	/* one column a character */

	if (r->open && r->col > (size_t)r->indent &&
	    r->col + 1 + n > WIDTH)
		flush(r);
	if (!r->open)
		start_line(r);
	else if (r->col > (size_t)r->indent) {
		dd_buf_addc(&r->line, ' ');
		r->col++;
	}
	dd_buf_add(&r->line, w, len);
	r->col += n;
}

/* Escapes: fonts dropped, \- \(aq \(dq \e \& "\ " \| \^ made plain. */
static void unescape(dd_buf *b, const char *s, size_t len)
{
	const char *end = s + len;

	while (s < end) {
		if (*s != '\\' || s + 1 == end) {
			dd_buf_addc(b, *s++);
			continue;
		}
		s++;
		switch (*s) {
		case 'f':	/* \fB, \fI, \fR, \fP, \f(CW */
			s++;
			if (s < end && *s == '(')
				s += 2;
			s++;
			break;
		case '(':	/* \(aq, \(dq, \(em, \(en */
			if (end - s >= 3) {
				if (!strncmp(s + 1, "aq", 2))
					dd_buf_addc(b, '\'');
				else if (!strncmp(s + 1, "dq", 2))
					dd_buf_addc(b, '"');
				else if (!strncmp(s + 1, "em", 2))
					dd_buf_adds(b, "--");
				else
					dd_buf_addc(b, '-');
			}
			s += 3;
			break;
		case ' ': dd_buf_addc(b, NBSP); s++; break;
		case 'e': dd_buf_addc(b, '\\'); s++; break;
		case '&': case '|': case '^': s++; break;
		default: dd_buf_addc(b, *s++); break;	/* \- and the rest */
		}
	}
}

/* The arguments of a request, unquoted, into b: joined with a space, or
 * (alternating fonts: .BR, .IR ...) with nothing. */
static void request_text(dd_buf *b, const char *args, int alternate)
{
	const char *s = args, *start;
	int first = 1;

	for (;;) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		if (!first && !alternate)
			dd_buf_addc(b, ' ');
		first = 0;
		if (*s == '"') {
			for (start = ++s; *s && !(*s == '"' && s[1] != '"');
			     s++)
				if (*s == '"')	/* "" is a quote */
					s++;
			unescape(b, start, (size_t)(s - start));
			if (*s)
				s++;
		} else {
			for (start = s; *s && *s != ' '; s++)
				if (*s == '\\' && s[1])
					s++;
			unescape(b, start, (size_t)(s - start));
		}
	}
}

/* A line of text (rendered already): a tag, a line as it is, or filled. */
static void text(render *r, const char *t, size_t len)
{
	size_t i, j;

	if (r->tag) {
		r->tag = 0;
		flush(r);
		start_line(r);
		dd_buf_add(&r->line, t, len);
		r->col += dd_utf8_chars(t, len);
		r->indent = r->left + STEP;
		if (r->col + 1 <= (size_t)r->indent) {	/* the body follows */
			dd_buf_addn(&r->line, ' ', (size_t)r->indent - r->col);
			r->col = (size_t)r->indent;
		} else {
			flush(r);
		}
		return;
	}
	if (r->nofill) {
		flush(r);
		start_line(r);
		dd_buf_add(&r->line, t, len);
		flush(r);
		return;
	}
	for (i = 0; i < len; i = j) {
		while (i < len && t[i] == ' ')
			i++;
		for (j = i; j < len && t[j] != ' '; j++)
			;
		if (j > i)
			word(r, t + i, j - i);
	}
}

/* 1 when the line is .SH or .SS (the end of a section). */
static int heading(const char *l)
{
	return !strncmp(l, ".SH", 3) || !strncmp(l, ".SS", 3);
}

/* Render one line of roff (without its newline). */
static void line(render *r, const char *l)
{
	dd_buf t = DD_BUF_INIT;
	const char *args;
	int alternate;

	if (l[0] != '.' && l[0] != '\'') {
		if (!*l && !r->nofill)
			space(r);
		else
			unescape(&t, l, strlen(l));
		if (*l || r->nofill)
			text(r, t.ptr, t.len);
		dd_buf_release(&t);
		return;
	}
	args = l + 1;
	while (*args && *args != ' ')
		args++;
	alternate = args - l == 3 && strchr("BIR", l[1]) && strchr("BIR", l[2]);
	if (!strncmp(l, ".PP", 3) || !strncmp(l, ".LP", 3) ||
	    !strcmp(l, ".P") || !strncmp(l, ".sp", 3)) {
		space(r);
		r->indent = r->left;
	} else if (!strncmp(l, ".TP", 3)) {
		space(r);
		r->indent = r->left;
		r->tag = 1;
	} else if (!strncmp(l, ".TQ", 3)) {	/* another tag, no space */
		flush(r);
		r->indent = r->left;
		r->tag = 1;
	} else if (!strncmp(l, ".IP", 3)) {
		space(r);
		r->indent = r->left;
		request_text(&t, args, 0);
		if (t.len) {
			r->tag = 1;
			text(r, t.ptr, t.len);
		}
		r->indent = r->left + STEP;
	} else if (!strncmp(l, ".RS", 3)) {
		flush(r);
		if (r->depth < (int)(sizeof(r->stack) / sizeof(r->stack[0])))
			r->stack[r->depth++] = r->left;
		r->left += STEP;
		r->indent = r->left;
	} else if (!strncmp(l, ".RE", 3)) {
		flush(r);
		if (r->depth)
			r->left = r->stack[--r->depth];
		r->indent = r->left;
	} else if (!strncmp(l, ".nf", 3)) {
		flush(r);
		r->nofill = 1;
	} else if (!strncmp(l, ".fi", 3)) {
		flush(r);
		r->nofill = 0;
	} else if (!strncmp(l, ".br", 3)) {
		flush(r);
	} else if (args - l == 2 && strchr("BI", l[1])) {	/* .B, .I */
		request_text(&t, args, 0);
		text(r, t.ptr, t.len);
	} else if (alternate) {				/* .BR, .IR ... */
		request_text(&t, args, 1);
		text(r, t.ptr, t.len);
	}
	/* the rest (.\" comments, .TH, .nh, .ad ...) shows nothing */
	dd_buf_release(&t);
}

/* The index of the line after ".SH NAME" or ".SS NAME" (quotes aside),
 * or -1. */
static long find_section(const char *req, const char *name)
{
	size_t i, n = strlen(name), k = strlen(req);
	const char *l;

	for (i = 0; cli_manpage[i]; i++) {
		l = cli_manpage[i];
		if (strncmp(l, req, k) || l[k] != ' ')
			continue;
		l += k + 1;
		if (*l == '"')
			l++;
		if (!strncmp(l, name, n) &&
		    (l[n] == '\n' || (l[n] == '"' && l[n + 1] == '\n')))
			return (long)i + 1;
	}
	return -1;
}

/* The line without its newline, in b. */
static const char *chomp(dd_buf *b, const char *l)
{
	dd_buf_reset(b);
	dd_buf_adds(b, l);
	if (b->len && b->ptr[b->len - 1] == '\n')
		b->ptr[--b->len] = '\0';
	return b->ptr;
}

/* The directive that adds another section to a command's help. */
static const char include[] = ".\\\" help: ";

/*
 * Render the lines from index at to the next heading into r; with
 * synopsis set, its first paragraph (up to .PP) goes into synopsis, as
 * one line, instead.  The sections that `.\" help: NAME` lines name go
 * into more (one per line).
 */
static void render_body(render *r, long at, dd_buf *synopsis, dd_buf *more)
{
	dd_buf l = DD_BUF_INIT;
	long i;

	for (i = at; cli_manpage[i] && !heading(cli_manpage[i]); i++) {
		chomp(&l, cli_manpage[i]);
		if (synopsis && !strncmp(l.ptr, ".PP", 3)) {
			synopsis = NULL;
			continue;
		}
		if (synopsis) {
			dd_buf t = DD_BUF_INIT;
			int alt = l.ptr[0] == '.' && l.len > 2 &&
				  l.ptr[2] != ' ';

			if (l.ptr[0] == '.')
				request_text(&t, strchr(l.ptr, ' ') ?
					     strchr(l.ptr, ' ') : "", alt);
			else
				unescape(&t, l.ptr, l.len);
			if (synopsis->len && t.len)
				dd_buf_addc(synopsis, ' ');
			dd_buf_add(synopsis, t.ptr, t.len);
			dd_buf_release(&t);
			continue;
		}
		if (more && !strncmp(l.ptr, include, sizeof(include) - 1)) {
			dd_buf_adds(more, l.ptr + sizeof(include) - 1);
			dd_buf_addc(more, '\n');
		}
		line(r, l.ptr);
	}
	flush(r);
	dd_buf_release(&l);
}

/* The section .SH name, its heading first. */
static void render_sh(render *r, const char *name, size_t len)
{
	dd_buf n = DD_BUF_INIT;
	long at;

	dd_buf_add(&n, name, len);
	at = dd_buf_oom(&n) ? -1 : find_section(".SH", n.ptr);
	if (at >= 0) {
		space(r);
		dd_buf_add(r->out, name, len);
		dd_buf_addc(r->out, '\n');
		r->left = r->indent = 0;
		r->nofill = r->tag = r->depth = 0;
		render_body(r, at, NULL, NULL);
	}
	dd_buf_release(&n);
}

int cli_manual(dd_buf *out, const cli_command *cmd)
{
	dd_buf synopsis = DD_BUF_INIT, more = DD_BUF_INIT, body = DD_BUF_INIT;
	long at = find_section(".SS", cmd->name);
	const char *m, *nl;
	render r;
	size_t i;

	if (at < 0)
		return -1;
	memset(&r, 0, sizeof(r));
	r.out = &body;
	dd_buf_init(&r.line);
	render_body(&r, at, &synopsis, &more);
	for (m = more.ptr; (nl = strchr(m, '\n')); m = nl + 1)
		render_sh(&r, m, (size_t)(nl - m));
	/* "usage: dialdiff [OPTIONS] diff ...", on one line, as git's */
	dd_buf_adds(out, "usage: ");
	for (i = 0; i < synopsis.len; i++)
		dd_buf_addc(out, synopsis.ptr[i] == NBSP ? ' ' :
			    synopsis.ptr[i]);
	dd_buf_addc(out, '\n');
	if (body.len)
		dd_buf_addc(out, '\n');
	dd_buf_add(out, body.ptr, body.len);
	if (dd_buf_oom(&synopsis) || dd_buf_oom(&more) || dd_buf_oom(&body) ||
	    dd_buf_oom(&r.line))
		out->oom = 1;
	dd_buf_release(&synopsis);
	dd_buf_release(&more);
	dd_buf_release(&body);
	dd_buf_release(&r.line);
	return dd_buf_oom(out) ? -1 : 0;
}

/* The help topic of a .SH line ("EXIT STATUS" -> "exit-status") into b;
 * 0, or -1 when the line is no topic (NAME, COMMANDS: the commands have
 * their own help). */
static int topic_of(dd_buf *b, const char *l)
{
	const char *p;

	if (strncmp(l, ".SH ", 4))
		return -1;
	l += 4;
	if (*l == '"')
		l++;
	if (!strncmp(l, "NAME", 4) || !strncmp(l, "COMMANDS", 8))
		return -1;
	dd_buf_reset(b);
	for (p = l; *p && *p != '"' && *p != '\n'; p++)
		dd_buf_addc(b, *p == ' ' ? '-' :
			    (char)tolower((unsigned char)*p));
	return 0;
}

void cli_manual_topics(dd_buf *out, const char *sep)
{
	dd_buf t = DD_BUF_INIT;
	const char *first = "";
	size_t i;

	for (i = 0; cli_manpage[i]; i++)
		if (topic_of(&t, cli_manpage[i]) == 0) {
			dd_buf_addf(out, "%s%s", first, t.ptr);
			first = sep;
		}
	if (dd_buf_oom(&t))
		out->oom = 1;
	dd_buf_release(&t);
}

int cli_manual_topic(dd_buf *out, const char *topic)
{
	dd_buf t = DD_BUF_INIT;
	const char *name, *end;
	render r;
	size_t i;

	for (i = 0; cli_manpage[i]; i++)
		if (topic_of(&t, cli_manpage[i]) == 0 && !strcmp(t.ptr, topic))
			break;
	dd_buf_release(&t);
	if (!cli_manpage[i])
		return -1;
	name = cli_manpage[i] + 4 + (cli_manpage[i][4] == '"');
	for (end = name; *end && *end != '"' && *end != '\n'; end++)
		;
	memset(&r, 0, sizeof(r));
	r.out = out;
	dd_buf_init(&r.line);
	render_sh(&r, name, (size_t)(end - name));
	if (dd_buf_oom(&r.line))
		out->oom = 1;
	dd_buf_release(&r.line);
	return dd_buf_oom(out) ? -1 : 0;
}
