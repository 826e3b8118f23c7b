/*
 * fuzz_render_text.c - the text renderer over up to three fuzzed rounds
 * (fz_render: show, diff, diff of several pairs, timeline, report, list).
 * Its contract: valid UTF-8, ending with a newline, and no control
 * character from the data reaching the terminal -- only line breaks, and
 * the colour escapes (ESC [ digits ; m) when colour is on.
 */
#include "fuzz.h"

static void check_text(const char *out, size_t len, int color)
{
	const unsigned char *p = (const unsigned char *)out;
	size_t i;

	fz_check_utf8(out, len, color);
	FZ_CHECK(len == 0 || out[len - 1] == '\n');
	for (i = 0; i < len; i++) {
		if (p[i] == 0x1b) {
			FZ_CHECK(color);
			FZ_CHECK(i + 2 < len && p[i + 1] == '[');
			for (i += 2; i < len && ((p[i] >= '0' && p[i] <= '9') ||
						 p[i] == ';'); i++)
				;
			FZ_CHECK(i < len && p[i] == 'm');
			continue;
		}
		FZ_CHECK(p[i] >= 0x20 || p[i] == '\n');
		FZ_CHECK(p[i] != 0x7f);
		/* C1 controls, U+0080..U+009F */
		FZ_CHECK(!(p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 &&
			   p[i + 1] <= 0x9f));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_render(&dd_render_text, data, size, check_text);
	return 0;
}
