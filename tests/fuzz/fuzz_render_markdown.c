/*
 * fuzz_render_markdown.c - the Markdown renderer over up to three fuzzed
 * rounds (fz_render).  Its contract: valid UTF-8, no control character but
 * line breaks, and tables that hold together -- every row of a table has as
 * many cell separators (unescaped '|') as its header, whatever '|', '\\' or
 * '`' the data holds.
 */
#include <string.h>

#include "fuzz.h"

/* Unescaped '|' in the line [p, end): a '|' preceded by an even number of
 * backslashes. */
static size_t pipes(const char *p, const char *end)
{
	size_t n = 0, bs = 0;

	for (; p < end; p++) {
		if (*p == '|' && bs % 2 == 0)
			n++;
		bs = *p == '\\' ? bs + 1 : 0;
	}
	return n;
}

static void check_markdown(const char *out, size_t len, int color)
{
	const char *p = out, *end = out + len;
	size_t header = 0, i;

	fz_check_utf8(out, len, color);
	for (i = 0; i < len; i++)
		FZ_CHECK((unsigned char)out[i] >= 0x20 || out[i] == '\n');
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;

		if (*p == '|') {
			size_t n = pipes(p, eol);

			if (!header)
				header = n;	/* a table starts */
			else if (n != header)
				fz_fail("table row with %zu separators under a "
					"header with %zu: %.*s", n, header,
					(int)(eol - p), p);
		} else {
			header = 0;
		}
		p = nl ? nl + 1 : end;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_render(&dd_render_markdown, data, size, check_markdown);
	return 0;
}
