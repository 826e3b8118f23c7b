/*
 * fuzz_fmt.c - the canonical formatter (dd_fmt_buffer) over a fuzzed
 * document, on an exact-size copy as `dialdiff fmt` reads a file.  The
 * kind (auto, round, series, taxonomy, plain) and the file name (a round
 * or series.json, which matters to auto) come from the input's size, so
 * that a replayed input formats the same way.
 *
 * fmt.h's contract: the formatter fails exactly when the document does not
 * parse, with a message and an empty output; otherwise the output ends with
 * a newline, has no NUL byte, parses back to the same values (same types,
 * numbers as written, strings byte for byte, array order, the same members
 * whatever their order), is of the same kind, and formats to itself.
 */
#include <stdlib.h>
#include <string.h>

#include "dialdiff/buf.h"
#include "dialdiff/fmt.h"
#include "dialdiff/json.h"
#include "fuzz.h"

static void same_value(const dd_json *a, const dd_json *b)
{
	const dd_json *m;

	FZ_CHECK(a->type == b->type);
	switch (a->type) {
	case DD_JSON_NUMBER:
	case DD_JSON_STRING:
		FZ_CHECK(a->string_len == b->string_len &&
			 !memcmp(a->string, b->string, a->string_len));
		break;
	case DD_JSON_ARRAY:
		FZ_CHECK(a->count == b->count);
		for (m = a->child, b = b->child; m; m = m->next, b = b->next) {
			FZ_CHECK(b != NULL);
			same_value(m, b);
		}
		FZ_CHECK(b == NULL);
		break;
	case DD_JSON_OBJECT:
		FZ_CHECK(a->count == b->count);
		for (m = a->child; m; m = m->next) {
			const dd_json *o = dd_json_get(b, m->key);

			FZ_CHECK(o != NULL);
			same_value(m, o);
		}
		break;
	default:
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const dd_fmt_kind kinds[] = {
		DD_FMT_AUTO, DD_FMT_ROUND, DD_FMT_SERIES, DD_FMT_TAXONOMY,
		DD_FMT_PLAIN
	};
	dd_fmt_kind kind = kinds[size % 5];
	const char *path = (size / 5) & 1 ? "dialogues/fuzz/series.json"
					  : "dialogues/fuzz/round-01.json";
	dd_buf out = DD_BUF_INIT, again = DD_BUF_INIT;
	dd_json_doc *in_doc = NULL, *out_doc = NULL;
	dd_error err;
	char *copy = malloc(size ? size : 1);
	int rc, parsed;

	if (!copy)
		abort();
	if (size)
		memcpy(copy, data, size);
	dd_error_clear(&err);
	rc = dd_fmt_buffer(&out, copy, size, path, kind, &err);
	parsed = dd_json_parse(&in_doc, copy, size, path, NULL) == 0;
	free(copy);		/* the output must not point into the input */
	if (rc != 0) {
		FZ_CHECK(rc == DD_ERROR || rc == DD_ENOMEM);
		FZ_CHECK(err.message[0] != '\0');
		FZ_CHECK(out.len == 0);
		FZ_CHECK(!parsed || rc == DD_ENOMEM);
		goto done;
	}
	FZ_CHECK(parsed);
	FZ_CHECK(!dd_buf_oom(&out));
	FZ_CHECK(out.len >= 2 && out.ptr[out.len - 1] == '\n');
	FZ_CHECK(out.len == strlen(out.ptr));
	if (dd_json_parse(&out_doc, out.ptr, out.len, path, &err) != 0)
		fz_fail("formatted output does not parse: %d:%d: %s\n%s",
			err.line, err.column, err.message, out.ptr);
	same_value(dd_json_root(in_doc), dd_json_root(out_doc));
	FZ_CHECK(dd_fmt_kind_of(path, dd_json_root(in_doc)) ==
		 dd_fmt_kind_of(path, dd_json_root(out_doc)));
	if (dd_fmt_buffer(&again, out.ptr, out.len, path, kind, &err) != 0)
		fz_fail("formatted output does not format: %s", err.message);
	if (again.len != out.len || memcmp(again.ptr, out.ptr, out.len))
		fz_fail("formatting is not idempotent:\n%s\n--- then ---\n%s",
			out.ptr, again.ptr);
done:
	dd_json_doc_free(in_doc);
	dd_json_doc_free(out_doc);
	dd_buf_release(&out);
	dd_buf_release(&again);
	return 0;
}
