/*
 * fuzz_selector.c - the pure parsers of the command line's round
 * selectors (dd_selector_parse), revision ranges (dd_revrange_parse) and
 * user paths (dd_path_resolve), over NUL-terminated copies of the input,
 * as the CLI calls them with argv strings.
 *
 * The input is the selector and the revision range; when it holds the
 * byte 0x1E, the part before it is also the path prefix and the part
 * after it the path for dd_path_resolve.
 *
 * Checks: failures are DD_EUSAGE (DD_ENOTFOUND for a path above the top)
 * with a message; on success the parts put back together give the input
 * (N, SERIES/N, N@REV, REV:PATH, A..B, A...B), and a resolved path is
 * normalized (no empty, "." or ".." component, no trailing slash) and
 * resolves to itself.
 */
#include <stdlib.h>
#include <string.h>

#include "dialdiff/round.h"
#include "dialdiff/selector.h"
#include "fuzz.h"

static char *cstr(const char *p, size_t n)
{
	char *s = malloc(n + 1);

	if (!s)
		abort();
	memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

/* 1 when s is ASCII digits whose value, at most the largest round
 * number, is v. */
static int is_number(const char *s, size_t n, long long v)
{
	long long x = 0;
	size_t i;

	if (!n)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		x = x * 10 + (s[i] - '0');
		if (x > DD_ROUND_NUMBER_MAX)
			return 0;
	}
	return x == v;
}

static void check_selector(const char *text)
{
	dd_selector sel;
	dd_error err;
	size_t len = strlen(text);
	const char *p = text, *at;
	int rc;

	dd_error_clear(&err);
	rc = dd_selector_parse(&sel, text, &err);
	if (rc != 0) {
		FZ_CHECK(rc == DD_EUSAGE);
		FZ_CHECK(err.code == DD_EUSAGE && err.message[0] != '\0');
		FZ_CHECK(len == 0 || len >= DD_SELECTOR_MAX ||
			 strchr(text, '@') || text[0] == ':');
		return;
	}
	FZ_CHECK(len > 0 && len < DD_SELECTOR_MAX);
	FZ_CHECK(sel.path != NULL);
	switch (sel.kind) {
	case DD_SEL_ROUND:
		FZ_CHECK(!strcmp(sel.path, text));
		FZ_CHECK(sel.number >= 0 && sel.number <= DD_ROUND_NUMBER_MAX);
		if (sel.series) {
			size_t n = strlen(sel.series);

			FZ_CHECK(n > 0 && !strncmp(text, sel.series, n) &&
				 text[n] == '/');
			FZ_CHECK(!strchr(sel.series, '/'));
			FZ_CHECK(strcmp(sel.series, ".") &&
				 strcmp(sel.series, ".."));
			p = text + n + 1;
		}
		at = strchr(p, '@');
		if (sel.rev) {
			FZ_CHECK(at && sel.rev[0] != '\0' &&
				 !strcmp(at + 1, sel.rev));
			FZ_CHECK(is_number(p, (size_t)(at - p), sel.number));
			FZ_CHECK(!sel.maybe_path);
		} else {
			FZ_CHECK(!at && is_number(p, strlen(p), sel.number));
			FZ_CHECK(sel.maybe_path == (sel.series != NULL));
		}
		break;
	case DD_SEL_BLOB: {
		size_t n;

		FZ_CHECK(sel.rev && sel.rev[0] != '\0' && sel.maybe_path);
		n = strlen(sel.rev);
		FZ_CHECK(!strchr(sel.rev, ':'));
		FZ_CHECK(!strncmp(text, sel.rev, n) && text[n] == ':' &&
			 !strcmp(text + n + 1, sel.path));
		FZ_CHECK(!sel.series);
		break;
	}
	case DD_SEL_PATH:
		FZ_CHECK(!strcmp(sel.path, text));
		FZ_CHECK(!sel.rev && !sel.series && !sel.maybe_path);
		FZ_CHECK(!strchr(text, ':'));
		break;
	default:
		fz_fail("unknown selector kind %d", (int)sel.kind);
	}
}

static void check_range(const char *text)
{
	dd_revrange rr;
	dd_error err;
	size_t len = strlen(text), nf, op;
	int rc;

	dd_error_clear(&err);
	rc = dd_revrange_parse(&rr, text, &err);
	if (rc != 0) {
		FZ_CHECK(rc == DD_EUSAGE);
		FZ_CHECK(err.code == DD_EUSAGE && err.message[0] != '\0');
		FZ_CHECK(len == 0 || len >= DD_SELECTOR_MAX ||
			 strstr(text, ".."));
		return;
	}
	FZ_CHECK(len > 0 && len < DD_SELECTOR_MAX && rr.from);
	if (rr.kind == DD_RANGE_ONE) {
		FZ_CHECK(!rr.to && !strcmp(rr.from, text));
		FZ_CHECK(!strstr(text, ".."));
		return;
	}
	FZ_CHECK(rr.kind == DD_RANGE_TWO_DOT || rr.kind == DD_RANGE_THREE_DOT);
	FZ_CHECK(rr.to && rr.from[0] && rr.to[0]);
	FZ_CHECK(!strstr(rr.from, "..") && !strstr(rr.to, ".."));
	op = rr.kind == DD_RANGE_THREE_DOT ? 3 : 2;
	/* A..B: "A" is from, unless the text starts with the operator */
	nf = strncmp(text, "...", op) ? strlen(rr.from) : 0;
	FZ_CHECK(nf || !strcmp(rr.from, "HEAD"));
	FZ_CHECK(!nf || !strncmp(text, rr.from, nf));
	FZ_CHECK(!strncmp(text + nf, "...", op));
	FZ_CHECK(text[nf + op] != '.');
	FZ_CHECK(text[nf + op] ? !strcmp(text + nf + op, rr.to)
			       : !strcmp(rr.to, "HEAD"));
}

static void check_normal(const char *out)
{
	const char *p = out;

	if (*p == '/')
		p++;
	if (!*p)
		return;		/* "" (the top) or "/" */
	for (;;) {
		const char *q = strchr(p, '/');
		size_t n = q ? (size_t)(q - p) : strlen(p);

		FZ_CHECK(n > 0);
		FZ_CHECK(!(n == 1 && p[0] == '.'));
		FZ_CHECK(!(n == 2 && p[0] == '.' && p[1] == '.'));
		if (!q)
			break;
		p = q + 1;
	}
}

static void check_path(const char *prefix, const char *path, size_t size)
{
	char out[256], again[256];
	dd_error err;
	int rc;

	dd_error_clear(&err);
	rc = dd_path_resolve(out, size, prefix, path, &err);
	if (rc != 0) {
		FZ_CHECK(rc == DD_EUSAGE || rc == DD_ENOTFOUND);
		FZ_CHECK(err.message[0] != '\0');
		return;
	}
	FZ_CHECK(strlen(out) < size);
	FZ_CHECK((out[0] == '/') == (path[0] == '/'));
	check_normal(out);
	/* a normalized path resolves to itself */
	FZ_CHECK(dd_path_resolve(again, sizeof(again), "", out, &err) == 0);
	FZ_CHECK(!strcmp(again, out));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_part parts[2];
	char *text = cstr((const char *)data, size);

	check_selector(text);
	check_range(text);
	free(text);
	if (fz_split(data, size, parts, 2) == 2) {
		char *prefix = cstr(parts[0].ptr, parts[0].len);
		char *path = cstr(parts[1].ptr, parts[1].len);

		check_path(prefix, path, 256);
		check_path(prefix, path, 1 + size % 32);
		free(prefix);
		free(path);
	}
	return 0;
}
