/*
 * fuzz_render_html.c - the HTML renderer over up to three fuzzed rounds
 * (fz_render: show, diff, diff of several pairs, timeline, report, list).
 *
 * Its contract (src/render/html.c): a non-empty page of valid UTF-8 with
 * no NUL byte, in polyglot markup that also parses as XML, where no text
 * from the data can inject markup.  Checked cheaply, without an HTML
 * parser: every '<' opens a tag (<name attr="value" ...>, </name>, or the
 * doctype), so a '<' from the data must have been escaped; attribute
 * values are double-quoted and hold no '<' or '"'; every '&' starts one
 * of the five XML entities or a numeric reference; every element is closed
 * in order (or self-closed, "<br/>"); the style sheet is skipped up to its
 * "</style>".
 */
#include <string.h>

#include "fuzz.h"

#define MAX_DEPTH 256
#define MAX_NAME 16

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

/* The length of the entity or character reference at s ('&'), or 0. */
static size_t entity(const char *s, size_t n)
{
	static const char *const names[] = {
		"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"
	};
	size_t i, k;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		k = strlen(names[i]);
		if (k <= n && !memcmp(s, names[i], k))
			return k;
	}
	if (n < 4 || s[1] != '#')
		return 0;
	for (k = 2; k < n && k < 10 && s[k] >= '0' && s[k] <= '9'; k++)
		;
	return k > 2 && k < n && s[k] == ';' ? k + 1 : 0;
}

/* The length of the name at s (letters, then letters and digits). */
static size_t name_len(const char *s, size_t n)
{
	size_t k = 0;

	if (!n || !is_alpha(s[0]))
		return 0;
	while (k < n && (is_alnum(s[k]) || s[k] == '-' || s[k] == ':'))
		k++;
	return k;
}

static void check_html(const char *out, size_t len, int color)
{
	static const char doctype[] = "<!DOCTYPE html>";
	char stack[MAX_DEPTH][MAX_NAME + 1];
	size_t depth = 0, i = 0, k;

	fz_check_utf8(out, len, color);
	FZ_CHECK(len > 0);
	FZ_CHECK(!memchr(out, '\0', len));
	FZ_CHECK(len >= sizeof(doctype) - 1 &&
		 !memcmp(out, doctype, sizeof(doctype) - 1));
	i = sizeof(doctype) - 1;
	while (i < len) {
		if (out[i] == '&') {
			k = entity(out + i, len - i);
			if (!k)
				fz_fail("bare '&' at byte %zu: %.40s", i, out + i);
			i += k;
			continue;
		}
		if (out[i] != '<') {
			i++;
			continue;
		}
		i++;
		if (i < len && out[i] == '/') {		/* </name> */
			i++;
			k = name_len(out + i, len - i);
			FZ_CHECK(k > 0 && k <= MAX_NAME && i + k < len &&
				 out[i + k] == '>');
			FZ_CHECK(depth > 0);
			depth--;
			if (strlen(stack[depth]) != k ||
			    memcmp(stack[depth], out + i, k))
				fz_fail("</%.*s> closes <%s> at byte %zu",
					(int)k, out + i, stack[depth], i);
			i += k + 1;
			continue;
		}
		k = name_len(out + i, len - i);
		if (!k)
			fz_fail("'<' that opens no tag at byte %zu: %.40s",
				i - 1, out + i - 1);
		FZ_CHECK(k <= MAX_NAME && depth < MAX_DEPTH);
		memcpy(stack[depth], out + i, k);
		stack[depth][k] = '\0';
		i += k;
		for (;;) {			/* attributes */
			size_t a;

			FZ_CHECK(i < len);
			if (out[i] == '>' || out[i] == '/')
				break;
			FZ_CHECK(out[i] == ' ' || out[i] == '\n');
			i++;
			a = name_len(out + i, len - i);
			FZ_CHECK(a > 0 && i + a + 1 < len);
			i += a;
			FZ_CHECK(out[i] == '=' && out[i + 1] == '"');
			for (i += 2; i < len && out[i] != '"'; i++) {
				FZ_CHECK(out[i] != '<');
				if (out[i] == '&') {
					a = entity(out + i, len - i);
					FZ_CHECK(a > 0);
					i += a - 1;
				}
			}
			FZ_CHECK(i < len);
			i++;			/* the closing quote */
		}
		if (out[i] == '/') {		/* <name .../> */
			FZ_CHECK(i + 1 < len && out[i + 1] == '>');
			i += 2;
			continue;
		}
		i++;
		if (!strcmp(stack[depth], "style")) {
			const char *end = strstr(out + i, "</style>");

			FZ_CHECK(end != NULL);
			i = (size_t)(end - out) + 8;
			continue;
		}
		depth++;
	}
	if (depth)
		fz_fail("<%s> is not closed", stack[depth - 1]);
	FZ_CHECK(out[len - 1] == '\n');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_render(&dd_render_html, data, size, check_html);
	return 0;
}
