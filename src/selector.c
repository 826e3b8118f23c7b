/*
 * selector.c - round selectors, revision ranges and user paths, parsed
 * without touching the file system or a repository.
 */
#include <string.h>

#include "dialdiff/round.h"
#include "dialdiff/selector.h"

/* 1 when s[0..n) is ASCII digits whose value is at most the largest round
 * number (leading zeros allowed); *out gets the value. */
static int digits(const char *s, size_t n, long long *out)
{
	long long v = 0;
	size_t i;

	if (!n)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
		if (v > DD_ROUND_NUMBER_MAX)
			return 0;
	}
	*out = v;
	return 1;
}

/* 1 when s[0..n) is N or SERIES/N; fills number and the series length
 * (0 when there is none). */
static int round_part(const char *s, size_t n, long long *number,
		      size_t *series_len)
{
	const char *slash = memchr(s, '/', n);
	size_t k;

	*series_len = 0;
	if (!slash)
		return digits(s, n, number);
	k = (size_t)(slash - s);
	if (!k || memchr(slash + 1, '/', n - k - 1) ||
	    (k == 1 && s[0] == '.') || (k == 2 && s[0] == '.' && s[1] == '.'))
		return 0;
	if (!digits(slash + 1, n - k - 1, number))
		return 0;
	*series_len = k;
	return 1;
}

/* Copy s[0..n) into the storage at *pos; returns the copy. */
static const char *keep(char *buf, size_t *pos, const char *s, size_t n)
{
	char *p = buf + *pos;

	memcpy(p, s, n);
	p[n] = '\0';
	*pos += n + 1;
	return p;
}

/* 0 when text, of len bytes, is neither empty nor too long; else
 * DD_EUSAGE, err naming it as what. */
static int check_len(size_t len, const char *what, dd_error *err)
{
	if (!len)
		return dd_error_set(err, DD_EUSAGE, NULL, 0, 0, "empty %s", what);
	if (len >= DD_SELECTOR_MAX)
		return dd_error_set(err, DD_EUSAGE, NULL, 0, 0,
				    "%s longer than %d bytes", what,
				    DD_SELECTOR_MAX - 1);
	return 0;
}

int dd_selector_parse(dd_selector *out, const char *text, dd_error *err)
{
	size_t len = strlen(text), pos = 0, slen;
	const char *at, *colon;
	int whole;
	long long n;

	memset(out, 0, sizeof(*out) - sizeof(out->buf));
	out->buf[0] = '\0';
	if (check_len(len, "round selector", err) < 0)
		return DD_EUSAGE;
	out->path = keep(out->buf, &pos, text, len);

	/* N, SERIES/N; else N@REV, SERIES/N@REV: the first '@' after a
	   round part (a series id may hold '@', and so may a revision:
	   HEAD@{1}) */
	whole = round_part(text, len, &n, &slen);
	at = whole ? NULL : strchr(text, '@');
	for (; at; at = strchr(at + 1, '@'))
		if (round_part(text, (size_t)(at - text), &n, &slen))
			break;
	if (whole || at) {
		if (at && !at[1])
			return dd_error_set(err, DD_EUSAGE, text, 0, 0,
					    "'@' must be followed by a revision (N@REV)");
		out->kind = DD_SEL_ROUND;
		out->number = n;
		out->maybe_path = whole && slen;
		if (slen)
			out->series = keep(out->buf, &pos, text, slen);
		if (at)
			out->rev = keep(out->buf, &pos, at + 1, strlen(at + 1));
		return 0;
	}
	/* REV:PATH */
	colon = strchr(text, ':');
	if (colon) {
		if (colon == text)
			return dd_error_set(err, DD_EUSAGE, text, 0, 0,
					    "reading the index (:PATH) is not supported; use HEAD:PATH or a path");
		out->kind = DD_SEL_BLOB;
		out->maybe_path = 1;
		out->rev = keep(out->buf, &pos, text, (size_t)(colon - text));
		out->path = keep(out->buf, &pos, colon + 1, strlen(colon + 1));
		return 0;
	}
	out->kind = DD_SEL_PATH;
	return 0;
}

int dd_revrange_parse(dd_revrange *out, const char *text, dd_error *err)
{
	size_t len = strlen(text), pos = 0, oplen = 0;
	const char *op;

	memset(out, 0, sizeof(*out) - sizeof(out->buf));
	out->buf[0] = '\0';
	if (check_len(len, "revision", err) < 0)
		return DD_EUSAGE;
	op = strstr(text, "..");
	if (!op) {
		out->kind = DD_RANGE_ONE;
		out->from = keep(out->buf, &pos, text, len);
		return 0;
	}
	oplen = op[2] == '.' ? 3 : 2;
	if (op[oplen] == '.' || strstr(op + oplen, ".."))
		return dd_error_set(err, DD_EUSAGE, text, 0, 0,
				    "a range has one '..' or '...'");
	out->kind = oplen == 3 ? DD_RANGE_THREE_DOT : DD_RANGE_TWO_DOT;
	if (op == text)
		out->from = keep(out->buf, &pos, "HEAD", 4);
	else
		out->from = keep(out->buf, &pos, text, (size_t)(op - text));
	if (!op[oplen])
		out->to = keep(out->buf, &pos, "HEAD", 4);
	else
		out->to = keep(out->buf, &pos, op + oplen, strlen(op + oplen));
	return 0;
}

/*
 * Append component s[0..n) to out[0..*len), or remove the last one for
 * "..".  floor is 1 for an absolute path (out starts with '/', and ".." at
 * the root stays there), else 0.  Returns 0, DD_ENOTFOUND (a relative
 * path climbs above the top) or DD_EUSAGE (out is full).
 */
static int push(char *out, size_t size, size_t *len, size_t floor,
		const char *s, size_t n)
{
	size_t sep = *len > floor ? 1 : 0;

	if (n == 1 && s[0] == '.')
		return 0;
	if (n == 2 && s[0] == '.' && s[1] == '.') {
		if (*len <= floor)
			return floor ? 0 : DD_ENOTFOUND;
		while (*len > floor && out[*len - 1] != '/')
			(*len)--;
		if (*len > floor)
			(*len)--;	/* the separating slash */
		out[*len] = '\0';
		return 0;
	}
	if (*len + sep + n >= size)
		return DD_EUSAGE;
	if (sep)
		out[(*len)++] = '/';
	memcpy(out + *len, s, n);
	*len += n;
	out[*len] = '\0';
	return 0;
}

static int push_all(char *out, size_t size, size_t *len, size_t floor,
		    const char *path)
{
	const char *p = path;

	while (*p) {
		const char *q = strchr(p, '/');
		size_t n = q ? (size_t)(q - p) : strlen(p);
		int rc = n ? push(out, size, len, floor, p, n) : 0;

		if (rc)
			return rc;
		p += n;
		if (*p == '/')
			p++;
	}
	return 0;
}

int dd_path_resolve(char *out, size_t size, const char *prefix,
		    const char *path, dd_error *err)
{
	size_t len = 0, floor = 0;
	int rc;

	if (!size)
		return dd_error_set(err, DD_EUSAGE, path, 0, 0, "path too long");
	out[0] = '\0';
	if (path[0] == '/') {
		if (size < 2)
			return dd_error_set(err, DD_EUSAGE, path, 0, 0,
					    "path too long");
		out[0] = '/';
		out[1] = '\0';
		len = floor = 1;
	} else if (prefix && (rc = push_all(out, size, &len, 0, prefix))) {
		return dd_error_set(err, rc, path, 0, 0, rc == DD_ENOTFOUND ?
				    "outside the repository" : "path too long");
	}
	rc = push_all(out, size, &len, floor, path);
	if (rc == DD_ENOTFOUND)
		return dd_error_set(err, rc, path, 0, 0,
				    "outside the repository");
	if (rc)
		return dd_error_set(err, rc, path, 0, 0, "path too long");
	return 0;
}
