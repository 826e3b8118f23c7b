/*
 * fuzz_render_json.c - the JSON renderer over up to three fuzzed rounds
 * (fz_render).  Its contract: every output parses back with dd_json_parse
 * (strict: no duplicate key, valid UTF-8), is an object with a "schema"
 * of the form "dialdiff/...", and ends with one newline.
 */
#include <string.h>

#include "dialdiff/json.h"
#include "fuzz.h"

static void check_json(const char *out, size_t len, int color)
{
	dd_json_doc *doc = NULL;
	const dd_json *schema;
	dd_error err;

	(void)color;
	if (dd_json_parse(&doc, out, len, "output.json", &err) < 0)
		fz_fail("JSON output does not parse: %d:%d: %s", err.line,
			err.column, err.message);
	FZ_CHECK(dd_json_root(doc)->type == DD_JSON_OBJECT);
	schema = dd_json_get(dd_json_root(doc), "schema");
	FZ_CHECK(schema && schema->type == DD_JSON_STRING &&
		 !strncmp(schema->string, "dialdiff/", 9));
	FZ_CHECK(len >= 2 && out[len - 1] == '\n' && out[len - 2] != '\n');
	dd_json_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_render(&dd_render_json, data, size, check_json);
	return 0;
}
