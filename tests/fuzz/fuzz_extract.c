/*
 * fuzz_extract.c - the statement splitter, clauses and the draft round of
 * `dialdiff extract`, over the bundled taxonomy.  The input is a source
 * text, read as English (sentences, joined lines), as Chinese (every line
 * end ends a statement) and with the language guessed.  Invalid UTF-8 and
 * NUL bytes must fail with a position; otherwise every statement is valid
 * UTF-8 without its list marker, every span lies on character boundaries
 * inside its statement, every item's label is valid UTF-8, and the draft
 * round parses and is in fmt's canonical layout.
 */
#include <stdlib.h>
#include <string.h>

#include "dialdiff/extract.h"
#include "dialdiff/fmt.h"
#include "dialdiff/json.h"
#include "fuzz.h"

static int boundary(const char *s, size_t i)
{
	return ((unsigned char)s[i] & 0xC0) != 0x80;
}

static void check(const dd_extract *x)
{
	size_t k, i, bad;

	for (k = 0; k < x->nstmts; k++) {
		const dd_stmt *st = &x->stmts[k];

		FZ_CHECK(st->len && strlen(st->text) == st->len);
		FZ_CHECK(dd_utf8_valid(st->text, st->len, &bad));
		FZ_CHECK(st->line >= 1 && st->column >= 1);
		FZ_CHECK(st->hit0 + st->nhits <= x->nhits);
		for (i = st->hit0; i < st->hit0 + st->nhits; i++) {
			const dd_hit *h = &x->hits[i];

			FZ_CHECK(h->start <= h->end && h->end <= st->len);
			FZ_CHECK(boundary(st->text, h->start) &&
				 (h->end == st->len || boundary(st->text, h->end)));
		}
	}
	for (i = 0; i < x->nitems; i++)
		FZ_CHECK(x->items[i].label &&
			 dd_utf8_valid(x->items[i].label,
				       strlen(x->items[i].label), &bad));
}

static void draft(const dd_extract *x)
{
	dd_extract_meta meta = { "s", 1, "2020-01-01", "in.txt" };
	dd_buf round = DD_BUF_INIT, again = DD_BUF_INIT, json = DD_BUF_INIT;
	dd_json_doc *doc = NULL;
	dd_error err;

	FZ_CHECK(dd_extract_round(&round, x, &meta, &err) == 0);
	FZ_CHECK(dd_json_parse(&doc, round.ptr, round.len, "r", &err) == 0);
	dd_json_doc_free(doc);
	FZ_CHECK(dd_fmt_buffer(&again, round.ptr, round.len, "r",
			       DD_FMT_ROUND, &err) == 0);
	FZ_CHECK(again.len == round.len &&
		 !memcmp(again.ptr, round.ptr, round.len));
	FZ_CHECK(dd_extract_json(&json, x, &meta, &round, &err) == 0);
	FZ_CHECK(dd_json_parse(&doc, json.ptr, json.len, "j", &err) == 0);
	dd_json_doc_free(doc);
	dd_buf_release(&round);
	dd_buf_release(&again);
	dd_buf_release(&json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int langs[] = { DD_LANG_EN, DD_LANG_ZH, DD_EXTRACT_AUTO };
	dd_taxonomy *tx = fz_taxonomy();
	const char *text = (const char *)data;
	size_t i, bad;
	int valid = dd_utf8_valid(text, size, &bad) && !memchr(text, 0, size);

	for (i = 0; i < sizeof(langs) / sizeof(langs[0]); i++) {
		dd_extract *x = NULL;
		dd_error err;
		int rc = dd_extract_run(&x, tx, text, size, "in.txt", langs[i],
					&err);

		if (!valid) {
			FZ_CHECK(rc < 0 && !x && err.line >= 1 &&
				 err.column >= 1);
			return 0;
		}
		if (rc < 0) {	/* only the limits of matching may fail */
			FZ_CHECK(!x);
			continue;
		}
		check(x);
		draft(x);
		dd_extract_free(x);
	}
	return 0;
}
