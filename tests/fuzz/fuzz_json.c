/*
 * fuzz_json.c - the strict JSON reader (dd_json_parse, length-bounded, as
 * every loader calls it) and the writer: a document that parses must be
 * consistent (links, counts, keys, string lengths, integers), and what
 * dd_json_value writes, pretty or compact, must parse back and write back
 * to the same text.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/json.h"
#include "fuzz.h"

static void check_integer(const dd_json *n)
{
	long long v;
	char buf[32];

	if (!(n->flags & DD_JSON_INTEGER_LITERAL))
		return;
	FZ_CHECK(n->string && strlen(n->string) == n->string_len);
	if (dd_json_integer(n, &v)) {
		snprintf(buf, sizeof(buf), "%lld", v);
		FZ_CHECK(!strcmp(buf, n->string) ||
			 (v == 0 && !strcmp(n->string, "-0")));
	} else {
		errno = 0;
		(void)strtoll(n->string, NULL, 10);
		FZ_CHECK(errno == ERANGE);
	}
}

static void check_double(double d)
{
	dd_buf b = DD_BUF_INIT;
	dd_json_writer w;

	dd_json_writer_init(&w, &b, 1);
	dd_json_double(&w, d);
	FZ_CHECK(!b.oom);
	if (d - d == 0)		/* finite: reads back as the same double */
		FZ_CHECK(strtod(b.ptr, NULL) == d);
	else
		FZ_CHECK(!strcmp(b.ptr, "null"));
	dd_buf_release(&b);
}

/* Walk the tree without recursion (depth may be 1000: the parser's cap). */
static size_t check_tree(const dd_json *root)
{
	const dd_json *n = root, *up[1001];
	size_t nodes = 0, sp = 0;

	FZ_CHECK(root->key == NULL && root->next == NULL);
	while (n) {
		const dd_json *c;
		size_t count = 0;

		nodes++;
		for (c = n->child; c; c = c->next) {
			FZ_CHECK((n->type == DD_JSON_OBJECT) == (c->key != NULL));
			if (n->type == DD_JSON_OBJECT && n->count < 64)
				FZ_CHECK(dd_json_get(n, c->key) == c);
			count++;
		}
		FZ_CHECK(count == n->count);
		FZ_CHECK(n->child == NULL ||
			 n->type == DD_JSON_ARRAY || n->type == DD_JSON_OBJECT);
		FZ_CHECK(n->pos.line >= 1 && n->pos.column >= 1);
		if (n->type == DD_JSON_STRING)
			FZ_CHECK(n->string &&
				 strlen(n->string) == n->string_len &&
				 dd_utf8_valid(n->string, n->string_len, NULL));
		if (n->type == DD_JSON_NUMBER) {
			check_integer(n);
			check_double(n->number);
		}
		FZ_CHECK(dd_json_type_name(n->type)[0] != 'u');
		/* pre-order: child, else next, else the parent's next */
		if (n->child) {
			FZ_CHECK(sp < sizeof(up) / sizeof(up[0]));
			up[sp++] = n;
			n = n->child;
			continue;
		}
		while (n && !n->next)
			n = sp ? up[--sp] : NULL;
		if (n)
			n = n->next;
	}
	return nodes;
}

static void write_doc(dd_buf *out, const dd_json *root, int compact)
{
	dd_json_writer w;

	dd_buf_reset(out);
	dd_json_writer_init(&w, out, compact);
	dd_json_value(&w, root);
	FZ_CHECK(!dd_buf_oom(out));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dd_json_doc *doc = NULL, *again = NULL;
	dd_buf a = DD_BUF_INIT, b = DD_BUF_INIT;
	dd_error err;
	size_t nodes;
	int compact, rc;

	dd_error_clear(&err);
	rc = dd_json_parse(&doc, (const char *)data, size, "fuzz.json", &err);
	if (rc < 0) {
		FZ_CHECK(doc == NULL);
		FZ_CHECK(rc == DD_ERROR);
		FZ_CHECK(strncmp(err.message, "internal error", 14) != 0);
		FZ_CHECK(err.line >= 1 && err.column >= 1);
		FZ_CHECK(!strcmp(err.file, "fuzz.json"));
		return 0;
	}
	FZ_CHECK(doc && dd_json_root(doc));
	nodes = check_tree(dd_json_root(doc));
	for (compact = 0; compact < 2; compact++) {
		write_doc(&a, dd_json_root(doc), compact);
		rc = dd_json_parse(&again, a.ptr, a.len, "written.json", &err);
		if (rc < 0)
			fz_fail("written JSON does not parse back: %d:%d: %s",
				err.line, err.column, err.message);
		FZ_CHECK(check_tree(dd_json_root(again)) == nodes);
		write_doc(&b, dd_json_root(again), compact);
		FZ_CHECK(a.len == b.len && !memcmp(a.ptr, b.ptr, a.len));
		dd_json_doc_free(again);
		again = NULL;
	}
	dd_buf_release(&a);
	dd_buf_release(&b);
	dd_json_doc_free(doc);
	return 0;
}
