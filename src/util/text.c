#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/text.h"

const char *dd_text_get(const dd_text *t, dd_lang lang)
{
	const char *first = lang == DD_LANG_ZH ? t->zh : t->en;
	const char *other = lang == DD_LANG_ZH ? t->en : t->zh;

	if (first && *first)
		return first;
	if (other && *other)
		return other;
	return "";
}

int dd_str_equal(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

int dd_text_equal(const dd_text *a, const dd_text *b)
{
	return dd_str_equal(a->en, b->en) && dd_str_equal(a->zh, b->zh);
}

const char *dd_lang_name(dd_lang lang)
{
	return lang == DD_LANG_ZH ? "zh" : "en";
}

int dd_lang_parse(dd_lang *out, const char *name)
{
	if (strcmp(name, "en") && strcmp(name, "zh"))
		return -1;
	*out = name[0] == 'z' ? DD_LANG_ZH : DD_LANG_EN;
	return 0;
}

dd_lang dd_lang_from_env(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return strncmp(v, "zh", 2) == 0 ? DD_LANG_ZH : DD_LANG_EN;
	}
	return DD_LANG_EN;
}

int dd_utf8_valid(const char *str, size_t len, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		size_t n, k;
		unsigned cp, min;

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 2, cp = c & 0x1F, min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			n = 3, cp = c & 0x0F, min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			n = 4, cp = c & 0x07, min = 0x10000;
		} else {
			goto fail;
		}
		if (len - i < n)
			goto fail;
		for (k = 1; k < n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				goto fail;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto fail;
		i += n;
	}
	return 1;
fail:
	if (bad)
		*bad = i;
	return 0;
}

const char *dd_utf8_repair(dd_buf *tmp, const char *s, size_t *len)
{
	size_t n = *len, bad;

	if (dd_utf8_valid(s, n, &bad))
		return s;
	dd_buf_reset(tmp);
	while (n) {
		if (dd_utf8_valid(s, n, &bad)) {
			dd_buf_add(tmp, s, n);
			break;
		}
		dd_buf_add(tmp, s, bad);
		dd_buf_adds(tmp, "\xef\xbf\xbd");	/* U+FFFD */
		s += bad + 1;
		n -= bad + 1;
	}
	*len = tmp->len;
	return tmp->ptr;
}

size_t dd_utf8_decode(const char *str, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0 && s[1]) {
		*cp = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
		return 2;
	}
	if ((s[0] & 0xF0) == 0xE0 && s[1] && s[2]) {
		*cp = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) |
		      (s[2] & 0x3Fu);
		return 3;
	}
	if ((s[0] & 0xF8) == 0xF0 && s[1] && s[2] && s[3]) {
		*cp = ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
		      ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
		return 4;
	}
	*cp = 0xFFFD;
	return 1;
}

size_t dd_utf8_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* East Asian Wide (W) and Fullwidth (F) ranges, from UAX #11, abridged to
 * the blocks that matter for labels. */
static int wide(unsigned cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) ||
	       (cp >= 0x2E80 && cp <= 0x303E) ||
	       (cp >= 0x3041 && cp <= 0x33FF) ||
	       (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xA000 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) ||
	       (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	       (cp >= 0x1F300 && cp <= 0x1F64F) ||
	       (cp >= 0x1F900 && cp <= 0x1F9FF) ||
	       (cp >= 0x20000 && cp <= 0x3FFFD);
}

static int zero_width(unsigned cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x200B ||
	       (cp >= 0x200C && cp <= 0x200F) || (cp >= 0xFE00 && cp <= 0xFE0F);
}

size_t dd_utf8_width(const char *s)
{
	size_t w = 0;

	while (*s) {
		unsigned cp;

		s += dd_utf8_decode(s, &cp);
		if (zero_width(cp))
			continue;
		w += wide(cp) ? 2 : 1;
	}
	return w;
}

static int is_space(unsigned cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 ||
	       cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	       cp == 0x3000;
}

char *dd_text_normalize(const char *s)
{
	size_t len = strlen(s), n = 0;
	char *out = malloc(len + 1);
	int pending = 0;

	if (!out)
		return NULL;
	while (*s) {
		unsigned cp;
		size_t k = dd_utf8_decode(s, &cp);

		if (is_space(cp)) {
			pending = n > 0;
		} else {
			if (pending)
				out[n++] = ' ';
			pending = 0;
			if (k == 1 && cp >= 'A' && cp <= 'Z')
				out[n++] = (char)(cp - 'A' + 'a');
			else
				memcpy(out + n, s, k), n += k;
		}
		s += k;
	}
	out[n] = '\0';
	return out;
}

/* The start of the UTF-8 character at or before s[i] (i within s). */
static size_t char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return i;
}

void dd_text_vformat(char *dst, size_t size, const char *fmt, va_list ap)
{
	char *all;
	size_t head, tail, n;
	va_list aq;
	int len;

	if (!size)
		return;
	va_copy(aq, ap);
	len = vsnprintf(dst, size, fmt, ap);
	if (len < 0 || (size_t)len < size || size < 16 ||
	    !(all = malloc((size_t)len + 1))) {
		/* it fits (or cannot be helped): at most, cut a character */
		if (len >= 0 && (size_t)len >= size)
			dst[char_start(dst, size - 1)] = '\0';
		va_end(aq);
		return;
	}
	vsnprintf(all, (size_t)len + 1, fmt, aq);
	va_end(aq);
	n = (size_t)len;
	/* the start and the end, on character boundaries, "…" between */
	head = char_start(all, (size - 4) / 2);
	tail = n - (size - 4 - head);
	while (tail < n && ((unsigned char)all[tail] & 0xc0) == 0x80)
		tail++;
	memcpy(dst, all, head);
	memcpy(dst + head, "\xe2\x80\xa6", 3);
	memcpy(dst + head + 3, all + tail, n - tail);
	dst[head + 3 + n - tail] = '\0';
	free(all);
}

void dd_text_add_safe(dd_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (p && *p) {
		const unsigned char *q = p;

		while (*q && *q >= 0x20 && *q != 0x7f &&
		       !(q[0] == 0xc2 && q[1] >= 0x80 && q[1] <= 0x9f))
			q++;
		dd_buf_add(out, p, (size_t)(q - p));
		if (!*q)
			break;
		dd_buf_addc(out, (*q >= 0x09 && *q <= 0x0d) ? ' ' : '?');
		p = q + (*q == 0xc2 ? 2 : 1);
	}
}

int dd_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

long dd_hex4(const char *s)
{
	long v = 0;
	int i, h;

	for (i = 0; i < 4; i++) {
		if ((h = dd_hexval((unsigned char)s[i])) < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}
