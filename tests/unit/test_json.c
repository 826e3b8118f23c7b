/* Unit tests of json.c: the strict scanner, the tree, the writer. */
#include "unit.h"

#include <dirent.h>
#include <locale.h>
#include <math.h>

#include "dialdiff/json.h"

/* ---- helpers ---- */

static dd_json_doc *parse_len(const char *text, size_t len)
{
	dd_json_doc *doc = NULL;
	dd_error err;
	int rc;

	dd_error_clear(&err);
	rc = dd_json_parse(&doc, text, len, "t.json", &err);
	if (rc != 0)
		fail_msg("parse failed: %d:%d: %s", err.line, err.column,
			 err.message);
	assert_non_null(doc);
	return doc;
}

static dd_json_doc *parse(const char *text)
{
	return parse_len(text, strlen(text));
}

static void expect_error_len(const char *text, size_t len, int line, int col,
			     const char *message)
{
	dd_json_doc *doc = (dd_json_doc *)1;
	dd_error err;
	int rc;

	dd_error_clear(&err);
	rc = dd_json_parse(&doc, text, len, "t.json", &err);
	if (rc != DD_ERROR) {
		dd_json_doc_free(rc == 0 ? doc : NULL);
		fail_msg("expected an error for [%s], got %d", text, rc);
	}
	assert_null(doc);
	assert_int_equal(err.code, DD_ERROR);
	assert_string_equal(err.file, "t.json");
	if (strcmp(err.message, message) != 0 || err.line != line ||
	    err.column != col)
		fail_msg("[%s]: expected %d:%d: %s\n  got %d:%d: %s", text, line,
			 col, message, err.line, err.column, err.message);
}

static void expect_error(const char *text, int line, int col,
			 const char *message)
{
	expect_error_len(text, strlen(text), line, col, message);
}

static void assert_pos(dd_pos pos, int line, int col)
{
	if (pos.line != line || pos.column != col)
		fail_msg("expected %d:%d, got %d:%d", line, col, pos.line,
			 pos.column);
}

/*
 * cmocka 1.1.5 prints a skipped test as "not ok N # SKIP", which prove
 * counts as a failure; under TAP output, pass with a diagnostic instead.
 */
static void skip_test(const char *why)
{
	const char *out = getenv("CMOCKA_MESSAGE_OUTPUT");

	if (out && (strcmp(out, "TAP") == 0 || strcmp(out, "tap") == 0)) {
		print_message("# skipped: %s\n", why);
		return;
	}
	print_message("skipped: %s\n", why);
	skip();
}

/* ---- the tree ---- */

static void test_tree(void **state)
{
	const char *text =
		"{\"s\": \"a\\\"b\\u00e9\\ud83d\\ude00/\\/\", \"n\": -1.5e3,"
		" \"t\": true, \"f\": false, \"z\": null,"
		" \"a\": [1, [], {}], \"o\": {\"k\": \"v\"}, \"S\": 2}";
	dd_json_doc *doc = parse(text);
	const dd_json *root = dd_json_root(doc), *v, *a;

	(void)state;
	assert_int_equal(root->type, DD_JSON_OBJECT);
	assert_int_equal(root->count, 8);
	assert_null(root->key);

	v = dd_json_get(root, "s");
	assert_non_null(v);
	assert_int_equal(v->type, DD_JSON_STRING);
	assert_string_equal(v->string, "a\"b\xc3\xa9\xf0\x9f\x98\x80//");
	assert_int_equal(v->string_len, strlen("a\"b\xc3\xa9\xf0\x9f\x98\x80//"));
	assert_string_equal(v->key, "s");
	assert_ptr_equal(root->child, v);

	v = dd_json_get(root, "n");
	assert_int_equal(v->type, DD_JSON_NUMBER);
	assert_int_equal(v->string_len, 6);
	assert_true(v->number == -1500.0);
	assert_int_equal(v->flags & DD_JSON_INTEGER_LITERAL, 0);
	assert_string_equal(v->string, "-1.5e3");

	assert_int_equal(dd_json_get(root, "t")->type, DD_JSON_TRUE);
	assert_int_equal(dd_json_get(root, "f")->type, DD_JSON_FALSE);
	assert_int_equal(dd_json_get(root, "z")->type, DD_JSON_NULL);

	a = dd_json_get(root, "a");
	assert_int_equal(a->type, DD_JSON_ARRAY);
	assert_int_equal(a->count, 3);
	assert_int_equal(a->child->type, DD_JSON_NUMBER);
	assert_true(a->child->flags & DD_JSON_INTEGER_LITERAL);
	assert_null(a->child->key);
	assert_int_equal(a->child->next->type, DD_JSON_ARRAY);
	assert_int_equal(a->child->next->count, 0);
	assert_null(a->child->next->child);
	assert_int_equal(a->child->next->next->type, DD_JSON_OBJECT);
	assert_null(a->child->next->next->next);

	v = dd_json_get(dd_json_get(root, "o"), "k");
	assert_string_equal(v->string, "v");
	/* case-sensitive */
	assert_null(dd_json_get(root, "O"));
	assert_int_equal(dd_json_get(root, "S")->number, 2);
	assert_null(dd_json_get(root, "missing"));
	assert_null(dd_json_get(a, "s"));
	assert_null(dd_json_get(NULL, "s"));

	assert_string_equal(dd_json_type_name(DD_JSON_OBJECT), "object");
	assert_string_equal(dd_json_type_name(DD_JSON_ARRAY), "array");
	assert_string_equal(dd_json_type_name(DD_JSON_STRING), "string");
	assert_string_equal(dd_json_type_name(DD_JSON_NUMBER), "number");
	assert_string_equal(dd_json_type_name(DD_JSON_TRUE), "boolean");
	assert_string_equal(dd_json_type_name(DD_JSON_NULL), "null");
	dd_json_doc_free(doc);
	dd_json_doc_free(NULL);
}

/* Decoded lengths of strings with every kind of escape. */
static void test_string_lengths(void **state)
{
	static const struct {
		const char *json, *decoded;
	} cases[] = {
		{ "\"\"", "" },
		{ "\"abc\"", "abc" },
		{ "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t" },
		{ "\"\\u0041\"", "A" },
		{ "\"\\u007f\\u0080\\u07FF\\u0800\\uFFFF\"",
		  "\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf" },
		{ "\"\\uD834\\uDD1E\\udbff\\udfff\"",
		  "\xf0\x9d\x84\x9e\xf4\x8f\xbf\xbf" },
		{ "\"\xe4\xb8\xad\\u4e2d\xf0\x9f\x98\x80x\"",
		  "\xe4\xb8\xad\xe4\xb8\xad\xf0\x9f\x98\x80x" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		dd_json_doc *doc = parse(cases[i].json);
		const dd_json *v = dd_json_root(doc);

		assert_int_equal(v->type, DD_JSON_STRING);
		assert_string_equal(v->string, cases[i].decoded);
		assert_int_equal(v->string_len, strlen(cases[i].decoded));
		dd_json_doc_free(doc);
	}
}

static void test_scalars_and_length(void **state)
{
	dd_json_doc *doc;

	(void)state;
	doc = parse(" \"x\" ");
	assert_int_equal(dd_json_root(doc)->type, DD_JSON_STRING);
	assert_int_equal(dd_json_root(doc)->count, 0);
	dd_json_doc_free(doc);
	doc = parse("0");
	assert_int_equal(dd_json_root(doc)->type, DD_JSON_NUMBER);
	dd_json_doc_free(doc);
	/* the length bounds the input: no NUL terminator needed */
	doc = parse_len("[1]garbage", 3);
	assert_int_equal(dd_json_root(doc)->count, 1);
	dd_json_doc_free(doc);
	doc = parse_len("12345", 2);
	assert_true(dd_json_root(doc)->number == 12);
	assert_string_equal(dd_json_root(doc)->string, "12");
	dd_json_doc_free(doc);
	/* an embedded NUL byte is not white space */
	expect_error_len("[1]\0", 4, 1, 4,
			 "trailing characters after the JSON value");
	expect_error_len("[\0]", 3, 1, 2, "unexpected character U+0000");
}

/* A node's lengths are 32 bits: a document of 4 GiB is refused before a
 * byte of it is read (so a short buffer stands in for it here). */
static void test_too_large(void **state)
{
	dd_json_doc *doc = NULL;
	dd_error err;

	(void)state;
	assert_int_equal(dd_json_parse(&doc, "[]", (size_t)UINT32_MAX + 1,
				       "huge.json", &err), DD_ETOOBIG);
	assert_null(doc);
	assert_string_equal(err.file, "huge.json");
	assert_non_null(strstr(err.message, "over 4 GiB"));
}

/* ---- positions ---- */

static void test_positions(void **state)
{
	const char *text =
		"{\n"
		"  \"a\": 1,\n"
		"  \"b\": [true, \"\xc3\xa9\", {\"c\": null}],\n"
		"  \"\xe6\x97\xa5\xe6\x9c\xac\": \"x\",\n"
		"\t\"d\":\t[\"\xf0\x9f\x98\x80\xf0\x9f\x98\x80\", 2]\n"
		"}";
	dd_json_doc *doc = parse(text);
	const dd_json *root = dd_json_root(doc), *v, *b;

	(void)state;
	assert_pos(root->pos, 1, 1);
	assert_pos(root->key_pos, 0, 0);
	v = dd_json_get(root, "a");
	assert_pos(v->key_pos, 2, 3);
	assert_pos(v->pos, 2, 8);
	b = dd_json_get(root, "b");
	assert_pos(b->key_pos, 3, 3);
	assert_pos(b->pos, 3, 8);
	assert_pos(b->child->pos, 3, 9);
	assert_pos(b->child->key_pos, 0, 0);
	assert_pos(b->child->next->pos, 3, 15);
	v = b->child->next->next;
	assert_pos(v->pos, 3, 20);
	assert_pos(v->child->key_pos, 3, 21);
	assert_pos(v->child->pos, 3, 26);
	v = dd_json_get(root, "\xe6\x97\xa5\xe6\x9c\xac");
	assert_pos(v->key_pos, 4, 3);
	assert_pos(v->pos, 4, 9);
	v = dd_json_get(root, "d");
	assert_pos(v->key_pos, 5, 2);
	assert_pos(v->pos, 5, 7);	/* a tab counts one column */
	assert_pos(v->child->pos, 5, 8);
	assert_pos(v->child->next->pos, 5, 14);
	dd_json_doc_free(doc);

	/* CRLF line ends */
	doc = parse("[\r\n  1,\r\n2]");
	assert_pos(dd_json_root(doc)->child->pos, 2, 3);
	assert_pos(dd_json_root(doc)->child->next->pos, 3, 1);
	dd_json_doc_free(doc);

	/* leading white space before the root */
	doc = parse("\n\n   {}");
	assert_pos(dd_json_root(doc)->pos, 3, 4);
	dd_json_doc_free(doc);
}

/* A long single line: columns stay exact (and cost linear time). */
static void test_positions_long_line(void **state)
{
	dd_buf b = DD_BUF_INIT;
	dd_json_doc *doc;
	const dd_json *v;
	size_t i, col = 2;
	int n = 20000;

	(void)state;
	dd_buf_addc(&b, '[');
	for (i = 0; i < (size_t)n; i++) {
		if (i)
			dd_buf_adds(&b, ", "), col += 2;
		dd_buf_adds(&b, "\"\xe4\xb8\xad\"");	/* 3 characters */
		col += 3;
	}
	dd_buf_addc(&b, ']');
	doc = parse_len(b.ptr, b.len);
	for (i = 0, v = dd_json_root(doc)->child; v; v = v->next, i++)
		assert_pos(v->pos, 1, (int)(2 + i * 5));
	assert_int_equal(i, n);
	dd_json_doc_free(doc);

	/* an error at the very end of the line */
	b.len--;
	dd_buf_adds(&b, ",]");
	expect_error_len(b.ptr, b.len, 1, (int)col + 1,
			 "unexpected character ']'");
	dd_buf_release(&b);
}

/* ---- errors ---- */

static void test_errors_structure(void **state)
{
	(void)state;
	expect_error("", 1, 1, "empty file");
	expect_error_len(NULL, 0, 1, 1, "empty file");
	expect_error(" \n\t\r\n", 1, 1, "empty file");
	expect_error("\xef\xbb\xbf{}", 1, 1,
		     "byte order mark (BOM) at the start of the file is not allowed");
	expect_error_len("\xff\xfe[\0]\0", 6, 1, 1,
			 "invalid UTF-8 (the file looks like UTF-16)");
	expect_error("[1,]", 1, 4, "unexpected character ']'");
	expect_error("[1 2]", 1, 4, "unexpected character '2'");
	expect_error("{\"a\":1,}", 1, 8, "unexpected character '}'");
	expect_error("{,}", 1, 2, "unexpected character ','");
	expect_error("{\"a\" 1}", 1, 6, "unexpected character '1'");
	expect_error("{'a':1}", 1, 2, "unexpected character '''");
	expect_error("{a:1}", 1, 2, "unexpected character 'a'");
	expect_error("{\"a\":1 \"b\":2}", 1, 8, "unexpected character '\"'");
	expect_error("[1}", 1, 3, "unexpected character '}'");
	expect_error("{\"a\":1]", 1, 7, "unexpected character ']'");
	expect_error("[tru]", 1, 5, "unexpected character ']'");
	expect_error("[True]", 1, 2, "unexpected character 'T'");
	expect_error("[nulx]", 1, 5, "unexpected character 'x'");
	expect_error("[truex]", 1, 6, "unexpected character 'x'");
	expect_error("[\f]", 1, 2, "unexpected character U+000C");
	expect_error("[\x7f]", 1, 2, "unexpected character U+007F");
	expect_error("[\xc3\xa9]", 1, 2, "unexpected character U+00E9");
	expect_error("[\xef\xbb\xbf]", 1, 2, "unexpected character U+FEFF");
	expect_error("[\xff]", 1, 2, "invalid UTF-8");
	expect_error("[\xc3]", 1, 2, "invalid UTF-8");
	expect_error("[1", 1, 3, "unexpected end of input");
	expect_error("[1,\n", 2, 1, "unexpected end of input");
	expect_error("{\"a\"", 1, 5, "unexpected end of input");
	expect_error("{\"a\":", 1, 6, "unexpected end of input");
	expect_error("{", 1, 2, "unexpected end of input");
	expect_error("[nul", 1, 5, "unexpected end of input");
	expect_error("[1] x", 1, 5, "trailing characters after the JSON value");
	expect_error("[1]\n\n  }", 3, 3, "trailing characters after the JSON value");
	expect_error("1 2", 1, 3, "trailing characters after the JSON value");
	expect_error("{} {}", 1, 4, "trailing characters after the JSON value");
}

static void test_errors_numbers(void **state)
{
	(void)state;
	expect_error("[01]", 1, 3, "leading zeros are not allowed in numbers");
	expect_error("[-01]", 1, 4, "leading zeros are not allowed in numbers");
	expect_error("[00]", 1, 3, "leading zeros are not allowed in numbers");
	expect_error("[2.]", 1, 4, "expected a digit after the decimal point");
	expect_error("[2.e1]", 1, 4, "expected a digit after the decimal point");
	expect_error("[1e]", 1, 4, "expected a digit in the exponent");
	expect_error("[1e+]", 1, 5, "expected a digit in the exponent");
	expect_error("[1E-x]", 1, 5, "expected a digit in the exponent");
	expect_error("[-]", 1, 3, "expected a digit after '-'");
	expect_error("[-a]", 1, 3, "expected a digit after '-'");
	expect_error("[.5]", 1, 2, "unexpected character '.'");
	expect_error("[+1]", 1, 2, "unexpected character '+'");
	expect_error("[0x1]", 1, 3, "unexpected character 'x'");
	expect_error("[1.5.2]", 1, 5, "unexpected character '.'");
	expect_error("[NaN]", 1, 2, "unexpected character 'N'");
	expect_error("-", 1, 2, "unexpected end of input");
	expect_error("1.", 1, 3, "unexpected end of input");
	expect_error("1e", 1, 3, "unexpected end of input");
}

static void test_errors_strings(void **state)
{
	(void)state;
	expect_error("[\"a\x01\"]", 1, 4, "control character in string");
	expect_error("[\"ab\ncd\"]", 1, 5, "control character in string");
	expect_error("[\"\xc3\xa9\t\"]", 1, 4, "control character in string");
	expect_error("[\"abc", 1, 2, "unterminated string");
	expect_error("[\"abc\\", 1, 2, "unterminated string");
	expect_error("[\"\\x\"]", 1, 3, "invalid escape '\\x' in string");
	expect_error("[\"\\'\"]", 1, 3, "invalid escape '\\'' in string");
	expect_error("[\"\\\xc3\xa9\"]", 1, 3, "invalid escape in string");
	expect_error("[\"ab\\u12G4\"]", 1, 5, "invalid \\u escape");
	expect_error("[\"\\u12\"]", 1, 3, "invalid \\u escape");
	expect_error("[\"\\u12", 1, 3, "invalid \\u escape");
	expect_error("[\"\\U0041\"]", 1, 3, "invalid escape '\\U' in string");
	expect_error("[\"\\uD800\"]", 1, 3, "invalid \\u escape (lone surrogate)");
	expect_error("[\"\\ud800x\"]", 1, 3, "invalid \\u escape (lone surrogate)");
	expect_error("[\"\\uDBFF\\u0041\"]", 1, 3,
		     "invalid \\u escape (lone surrogate)");
	expect_error("[\"\\uD800\\uD800\"]", 1, 3,
		     "invalid \\u escape (lone surrogate)");
	expect_error("[\"x\\uDC00\"]", 1, 4, "invalid \\u escape (lone surrogate)");
	expect_error("[\"\\u0000\"]", 1, 3, "\\u0000 in a string is not supported");
	expect_error("{\"a\\u0000\":1}", 1, 4, "\\u0000 in a string is not supported");
	/* UTF-8 (RFC 3629); the column of the first invalid byte */
	expect_error("[\"\xc3\xa9\xff\"]", 1, 4, "invalid UTF-8");
	expect_error("[\"\xc0\xaf\"]", 1, 3, "invalid UTF-8");	/* overlong */
	expect_error("[\"\xe0\x80\xaf\"]", 1, 3, "invalid UTF-8");	/* overlong */
	expect_error("[\"\xed\xa0\x80\"]", 1, 3, "invalid UTF-8");	/* surrogate */
	expect_error("[\"\xf4\x90\x80\x80\"]", 1, 3, "invalid UTF-8");	/* > U+10FFFF */
	expect_error("[\"\xe6\x97\xa5\xe6\x97\"]", 1, 4, "invalid UTF-8");	/* truncated */
	expect_error("[\"\x80\"]", 1, 3, "invalid UTF-8");
	expect_error("{\"k\xf8\":1}", 1, 4, "invalid UTF-8");
	expect_error("[\"ok\",\n \"\xe4\xb8\xad\xe6\x96\x87\xfe\"]", 2, 5,
		     "invalid UTF-8");
}

static void test_duplicate_keys(void **state)
{
	dd_json_doc *doc;

	(void)state;
	expect_error("{\"a\":1,\"a\":2}", 1, 8, "duplicate key \"a\"");
	expect_error("{\"a\": 1,\n  \"b\": 2,\n  \"\\u0061\": 3}", 3, 3,
		     "duplicate key \"a\"");
	expect_error("{\"\\u00e9\":1,\"\xc3\xa9\":2}", 1, 13,
		     "duplicate key \"\xc3\xa9\"");
	expect_error("{\"x\":{\"a\":1,\"b\":{},\"a\":2}}", 1, 20,
		     "duplicate key \"a\"");
	expect_error("{\"a\":{\"x\":1},\"a\":2}", 1, 14, "duplicate key \"a\"");
	expect_error("{\"\":1,\"\":2}", 1, 7, "duplicate key \"\"");
	expect_error("{\"q\\\"\\n\":1,\"q\\\"\\n\":2}", 1, 12,
		     "duplicate key \"q\\\"\\n\"");
	{
		char text[256], msg[128];
		char key[81];

		memset(key, 'a', 80);
		key[80] = '\0';
		snprintf(text, sizeof(text), "{\"%s\":1,\"%s\":2}", key, key);
		snprintf(msg, sizeof(msg), "duplicate key \"%.60s...\"", key);
		expect_error(text, 1, 80 + 7, msg);
	}
	/* the duplicate is reported before a later syntax error */
	expect_error("{\"a\":1,\"a\":2,}", 1, 8, "duplicate key \"a\"");

	/* not duplicates: different objects, case, nesting, siblings */
	doc = parse("{\"a\":{\"a\":{\"a\":1}},\"A\":[{\"a\":1},{\"a\":2}],"
		    "\"b\":{\"x\":1},\"c\":{\"x\":2},\"\\u0062b\":0}");
	assert_int_equal(dd_json_root(doc)->count, 5);
	assert_non_null(dd_json_get(dd_json_root(doc), "bb"));
	dd_json_doc_free(doc);
}

/* 100k members: linear, and a duplicate at the end is still found. */
static void test_duplicate_keys_large(void **state)
{
	dd_buf b = DD_BUF_INIT;
	dd_json_doc *doc;
	size_t col;
	int i, n = 100000;

	(void)state;
	dd_buf_adds(&b, "[{");
	for (i = 0; i < n; i++)
		dd_buf_addf(&b, "%s\"k%d\":%d", i ? "," : "", i, i);
	dd_buf_adds(&b, "}");
	/* many small objects at the same level after the big one */
	for (i = 0; i < 1000; i++)
		dd_buf_addf(&b, ",{\"k1\":1,\"k%d\":2,\"x\":{\"k1\":3}}", i + 2);
	dd_buf_adds(&b, "]");
	doc = parse_len(b.ptr, b.len);
	assert_int_equal(dd_json_root(doc)->count, 1001);
	assert_int_equal(dd_json_root(doc)->child->count, n);
	dd_json_doc_free(doc);

	/* a duplicate in a small object after the big one */
	b.len--;
	col = b.len + 10;
	dd_buf_adds(&b, ",{\"k1\":1,\"k1\":2}]");
	expect_error_len(b.ptr, b.len, 1, (int)col, "duplicate key \"k1\"");

	/* a duplicate of the first key at the end of the big object */
	dd_buf_reset(&b);
	dd_buf_adds(&b, "{");
	for (i = 0; i < n; i++)
		dd_buf_addf(&b, "\"k%d\":%d,", i, i);
	col = b.len + 1;
	dd_buf_adds(&b, "\"k0\":1}");
	expect_error_len(b.ptr, b.len, 1, (int)col, "duplicate key \"k0\"");
	dd_buf_release(&b);
}

/*
 * The member-name hash json.c had before it was keyed, copied here only to
 * craft names that all collide under it.  Each step is invertible: after
 * h = old_mix(h, w) the state is fixed by h ^ w, so a name's last word can
 * be chosen to bring every name to the same state.
 */
static uint64_t old_mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0xff51afd7ed558ccdull;
	return h ^ (h >> 32);
}

static uint32_t old_hash(const unsigned char *p, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ len, v = 0;
	size_t i;

	if (len >= 8) {
		for (; len > 8; p += 8, len -= 8) {
			memcpy(&v, p, 8);
			h = old_mix(h, v);
		}
		memcpy(&v, p + len - 8, 8);
		h = old_mix(h, v);
	} else {
		for (i = 0; i < len; i++)
			v |= (uint64_t)p[i] << (8 * i);
		h = old_mix(h, v);
	}
	h ^= h >> 29;
	h *= 0xc4ceb9fe1a85ec53ull;
	return (uint32_t)(h ^ (h >> 32));
}

/*
 * The i-th of names of 24 bytes that all collide under old_hash: eight hex
 * digits of i, eight of a counter (lowest digit first: the multiplication
 * carries a change only upwards), and the eight bytes that take the state
 * to the same value for every name, counted on until they are all ASCII
 * (and not NUL, which a JSON string cannot hold).
 */
static void colliding_name(unsigned char name[24], unsigned i)
{
	const uint64_t target = 0x5a5a5a5a5a5a5a5aull;	/* any word */
	uint64_t w, h;
	unsigned j;
	int k;

	for (j = 0;; j++) {
		snprintf((char *)name, 9, "%08x", i);
		for (k = 0; k < 8; k++)
			name[8 + k] = "0123456789abcdef"[(j >> (4 * k)) & 15];
		h = 0x9e3779b97f4a7c15ull ^ 24;
		memcpy(&w, name, 8);
		h = old_mix(h, w);
		memcpy(&w, name + 8, 8);
		h = old_mix(h, w);
		w = h ^ target;		/* old_mix(h, w) is then the same */
		memcpy(name + 16, &w, 8);
		for (k = 16; k < 24 && name[k] && name[k] < 0x80; k++)
			;
		if (k == 24)
			return;
	}
}

/*
 * 20,000 names that all collide under the old hash, in one object: the
 * document is read, and the duplicate-key table looks at a few slots per
 * name (with the old hash, every name looked at all the names before it:
 * 200 million slots).  A duplicate among them is still found.
 */
static void test_duplicate_keys_crafted(void **state)
{
	enum { N = 20000 };
	unsigned char name[24];
	dd_buf b = DD_BUF_INIT;
	dd_json_doc *doc = NULL;
	uint32_t first = 0;
	dd_error err;
	unsigned i;

	(void)state;
	dd_buf_addc(&b, '{');
	for (i = 0; i < N; i++) {
		colliding_name(name, i);
		if (i == 0)
			first = old_hash(name, sizeof(name));
		assert_int_equal(old_hash(name, sizeof(name)), first);
		if (i)
			dd_buf_addc(&b, ',');
		dd_json_quote(&b, (const char *)name, sizeof(name));
		dd_buf_adds(&b, ":0");
	}
	dd_buf_addc(&b, '}');
	assert_false(b.oom);

	doc = parse_len(b.ptr, b.len);
	assert_int_equal(dd_json_root(doc)->count, N);
	if (dd_json_key_probes() > 4 * (size_t)N)
		fail_msg("%zu slots looked at for %d names", dd_json_key_probes(),
			 (int)N);
	dd_json_doc_free(doc);

	/* the first name again, at the end */
	b.len--;
	dd_buf_addc(&b, ',');
	colliding_name(name, 0);
	dd_json_quote(&b, (const char *)name, sizeof(name));
	dd_buf_adds(&b, ":1}");
	assert_int_equal(dd_json_parse(&doc, b.ptr, b.len, "t.json", &err),
			 DD_ERROR);
	assert_null(doc);
	assert_memory_equal(err.message, "duplicate key \"", 15);
	assert_true(dd_json_key_probes() <= 4 * (size_t)N + 4);
	dd_buf_release(&b);
}

static void test_depth(void **state)
{
	dd_buf b = DD_BUF_INIT;
	dd_json_doc *doc;
	const dd_json *v;
	int i, depth;

	(void)state;
	dd_buf_addn(&b, '[', DD_JSON_MAX_DEPTH);
	dd_buf_addn(&b, ']', DD_JSON_MAX_DEPTH);
	doc = parse_len(b.ptr, b.len);
	for (depth = 1, v = dd_json_root(doc); v->child; v = v->child)
		depth++;
	assert_int_equal(depth, DD_JSON_MAX_DEPTH);
	dd_json_doc_free(doc);

	dd_buf_reset(&b);
	dd_buf_addn(&b, '[', DD_JSON_MAX_DEPTH + 1);
	dd_buf_addn(&b, ']', DD_JSON_MAX_DEPTH + 1);
	expect_error_len(b.ptr, b.len, 1, DD_JSON_MAX_DEPTH + 1,
			 "nesting deeper than 1000 levels");

	/* objects count as well */
	dd_buf_reset(&b);
	for (i = 0; i < DD_JSON_MAX_DEPTH; i++)
		dd_buf_adds(&b, "{\"a\":");
	dd_buf_adds(&b, "1");
	dd_buf_addn(&b, '}', DD_JSON_MAX_DEPTH);
	doc = parse_len(b.ptr, b.len);
	dd_json_doc_free(doc);
	dd_buf_reset(&b);
	for (i = 0; i < DD_JSON_MAX_DEPTH; i++)
		dd_buf_adds(&b, "{\"a\":");
	dd_buf_adds(&b, "[1]");
	dd_buf_addn(&b, '}', DD_JSON_MAX_DEPTH);
	expect_error_len(b.ptr, b.len, 1, DD_JSON_MAX_DEPTH * 5 + 1,
			 "nesting deeper than 1000 levels");

	/* an object deep inside arrays, and objects at every level */
	dd_buf_reset(&b);
	dd_buf_addn(&b, '[', 200);
	dd_buf_adds(&b, "{\"a\":{\"a\":[{\"b\":1,\"a\":2}]}}");
	dd_buf_addn(&b, ']', 200);
	doc = parse_len(b.ptr, b.len);
	dd_json_doc_free(doc);
	dd_buf_reset(&b);
	for (i = 0; i < DD_JSON_MAX_DEPTH - 1; i++)
		dd_buf_adds(&b, i % 3 ? "[" : "{\"k\":");
	dd_buf_adds(&b, "{\"x\":1,\"x\":2}");
	expect_error_len(b.ptr, b.len, 1, (int)b.len - 5, "duplicate key \"x\"");
	dd_buf_release(&b);
}

/* ---- integers ---- */

static void test_integers(void **state)
{
	dd_json_doc *doc = parse(
		"[42, 2.0, 1e2, 1e400, -0, 9223372036854775808,"
		" 9223372036854775807, -9223372036854775808,"
		" -9223372036854775809, 9007199254740993, 2.5, \"1\", 0, -7,"
		" 100000000000000000000000]");
	const dd_json *v = dd_json_root(doc)->child;
	long long n = 12345;

	(void)state;
	assert_true(dd_json_integer(v, &n));
	assert_int_equal(n, 42);
	v = v->next;			/* 2.0 */
	assert_false(dd_json_integer(v, &n));
	assert_int_equal(v->flags & DD_JSON_INTEGER_LITERAL, 0);
	v = v->next;			/* 1e2 */
	assert_false(dd_json_integer(v, &n));
	assert_true(v->number == 100.0);
	v = v->next;			/* 1e400 */
	assert_false(dd_json_integer(v, &n));
	assert_true(isinf(v->number) && v->number > 0);
	v = v->next;			/* -0 */
	n = 5;
	assert_true(dd_json_integer(v, &n));
	assert_int_equal(n, 0);
	v = v->next;			/* 2^63 */
	assert_true(v->flags & DD_JSON_INTEGER_LITERAL);
	assert_false(dd_json_integer(v, &n));
	v = v->next;
	assert_true(dd_json_integer(v, &n));
	assert_true(n == 9223372036854775807LL);
	v = v->next;
	assert_true(dd_json_integer(v, &n));
	assert_true(n == -9223372036854775807LL - 1);
	v = v->next;
	assert_false(dd_json_integer(v, &n));
	v = v->next;			/* exact beyond 2^53 */
	assert_true(dd_json_integer(v, &n));
	assert_true(n == 9007199254740993LL);
	v = v->next;			/* 2.5 */
	assert_false(dd_json_integer(v, &n));
	v = v->next;			/* "1" */
	assert_false(dd_json_integer(v, &n));
	v = v->next;
	assert_true(dd_json_integer(v, &n));
	assert_int_equal(n, 0);
	v = v->next;
	assert_true(dd_json_integer(v, &n));
	assert_int_equal(n, -7);
	v = v->next;
	assert_false(dd_json_integer(v, &n));
	assert_true(v->number == 1e23);
	assert_false(dd_json_integer(NULL, &n));
	dd_json_doc_free(doc);
}

/* ---- the writer ---- */

/*
 * A document several times larger than any earlier reader's piece, with a
 * string longer than one, read in one go; an error at its very end.
 */
static void test_large_document(void **state)
{
	dd_buf big = DD_BUF_INIT;
	dd_json_doc *doc;
	const dd_json *items, *v;
	char want[64];
	int k;

	(void)state;
	dd_buf_adds(&big, "{\"items\": [");
	for (k = 0; k < 3000; k++)
		dd_buf_addf(&big, "%s{\"id\": \"t-%d\", \"n\": %d.%d, "
			    "\"label\": {\"en\": \"item \\u00e9 %d\", \"zh\": \"\u8bae%d\"}}",
			    k ? ",\n  " : "", k, k, k % 7, k, k);
	dd_buf_adds(&big, "],\n \"long\": \"");
	for (k = 0; k < 40000; k++)
		dd_buf_addc(&big, (char)('a' + k % 26));
	dd_buf_adds(&big, "\"}");
	assert_false(big.oom);

	doc = parse_len(big.ptr, big.len);
	items = dd_json_get(dd_json_root(doc), "items");
	assert_int_equal(items->count, 3000);
	for (k = 0, v = items->child; v; v = v->next, k++) {
		snprintf(want, sizeof(want), "t-%d", k);
		assert_string_equal(dd_json_get(v, "id")->string, want);
		snprintf(want, sizeof(want), "%d.%d", k, k % 7);
		assert_string_equal(dd_json_get(v, "n")->string, want);
		assert_true(dd_json_get(v, "n")->number == strtod(want, NULL));
		snprintf(want, sizeof(want), "item \xc3\xa9 %d", k);
		assert_string_equal(dd_json_get(dd_json_get(v, "label"), "en")->string,
				    want);
		assert_pos(v->pos, k + 1, k ? 3 : 12);
	}
	assert_int_equal(k, 3000);
	v = dd_json_get(dd_json_root(doc), "long");
	assert_int_equal(v->string_len, 40000);
	assert_int_equal(strlen(v->string), 40000);
	assert_pos(v->key_pos, 3001, 2);
	dd_json_doc_free(doc);

	big.ptr[big.len - 1] = ',';
	expect_error_len(big.ptr, big.len, 3001, 40013,
			 "unexpected end of input");
	dd_buf_release(&big);
}

static void test_writer_pretty(void **state)
{
	dd_buf b = DD_BUF_INIT;
	dd_json_writer w;

	(void)state;
	dd_json_writer_init(&w, &b, 0);
	dd_json_begin_object(&w);
	dd_json_key(&w, "a");
	dd_json_int(&w, 1);
	dd_json_key(&w, "b");
	dd_json_begin_array(&w);
	dd_json_end_array(&w);
	dd_json_key(&w, "c");
	dd_json_begin_object(&w);
	dd_json_end_object(&w);
	dd_json_key(&w, "d");
	dd_json_begin_array(&w);
	dd_json_bool(&w, 1);
	dd_json_null(&w);
	dd_json_string(&w, "x");
	dd_json_begin_array(&w);
	dd_json_int(&w, -3);
	dd_json_end_array(&w);
	dd_json_begin_object(&w);
	dd_json_end_object(&w);
	dd_json_end_array(&w);
	dd_json_key(&w, "e");
	dd_json_begin_object(&w);
	dd_json_key(&w, "f");
	dd_json_double(&w, 0.5);
	dd_json_key(&w, "g");
	dd_json_string(&w, NULL);
	dd_json_key(&w, "h");
	dd_json_bool(&w, 0);
	dd_json_end_object(&w);
	dd_json_end_object(&w);
	assert_false(dd_buf_oom(&b));
	assert_string_equal(b.ptr,
		"{\n"
		"  \"a\": 1,\n"
		"  \"b\": [],\n"
		"  \"c\": {},\n"
		"  \"d\": [\n"
		"    true,\n"
		"    null,\n"
		"    \"x\",\n"
		"    [\n"
		"      -3\n"
		"    ],\n"
		"    {}\n"
		"  ],\n"
		"  \"e\": {\n"
		"    \"f\": 0.5,\n"
		"    \"g\": null,\n"
		"    \"h\": false\n"
		"  }\n"
		"}");

	/* compact */
	dd_buf_reset(&b);
	dd_json_writer_init(&w, &b, 1);
	dd_json_begin_object(&w);
	dd_json_key(&w, "a");
	dd_json_begin_array(&w);
	dd_json_int(&w, 1);
	dd_json_string(&w, "two words");
	dd_json_begin_object(&w);
	dd_json_end_object(&w);
	dd_json_end_array(&w);
	dd_json_key(&w, "b c");
	dd_json_null(&w);
	dd_json_end_object(&w);
	assert_string_equal(b.ptr, "{\"a\":[1,\"two words\",{}],\"b c\":null}");

	/* a top-level scalar, and top-level empty containers */
	dd_buf_reset(&b);
	dd_json_writer_init(&w, &b, 0);
	dd_json_string(&w, "s");
	assert_string_equal(b.ptr, "\"s\"");
	dd_buf_reset(&b);
	dd_json_writer_init(&w, &b, 0);
	dd_json_begin_array(&w);
	dd_json_end_array(&w);
	assert_string_equal(b.ptr, "[]");
	dd_buf_release(&b);
}

static void test_writer_escapes(void **state)
{
	static const char in[] =
		"a\"b\\c/d\b\f\n\r\t\x01\x1f\x7f\xc3\xa9\xe2\x80\xa8";
	dd_buf b = DD_BUF_INIT;
	dd_json_writer w;

	(void)state;
	dd_json_quote(&b, in, sizeof(in) - 1);
	assert_string_equal(b.ptr,
		"\"a\\\"b\\\\c/d\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\xc3\xa9\xe2\x80\xa8\"");
	dd_buf_reset(&b);
	dd_json_quote(&b, "a\0b", 3);
	assert_string_equal(b.ptr, "\"a\\u0000b\"");
	dd_buf_reset(&b);
	dd_json_quote(&b, "", 0);
	assert_string_equal(b.ptr, "\"\"");
	/* not UTF-8: each bad byte is U+FFFD, valid sequences are kept
	   (overlong, surrogate, past U+10FFFF, truncated, a lone
	   continuation byte; then 2, 3 and 4 byte characters) */
	dd_buf_reset(&b);
	dd_json_quote(&b, "\xc0\xaf|\xe0\x80|\xed\xa0\x80|\xf4\x90|\xe6\x97|\x80|"
			  "\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80", 27);
	assert_string_equal(b.ptr, "\"\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd|"
			    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd|"
			    "\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd|"
			    "\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80\"");

	dd_buf_reset(&b);
	dd_json_writer_init(&w, &b, 1);
	dd_json_begin_object(&w);
	dd_json_key(&w, "k\"\n");
	dd_json_string_len(&w, "ab\0", 3);
	dd_json_end_object(&w);
	assert_string_equal(b.ptr, "{\"k\\\"\\n\":\"ab\\u0000\"}");
	dd_buf_release(&b);
}

static const char *write_double(dd_buf *b, double v)
{
	dd_json_writer w;

	dd_buf_reset(b);
	dd_json_writer_init(&w, b, 1);
	dd_json_double(&w, v);
	return b->ptr;
}

static void test_writer_doubles(void **state)
{
	dd_buf b = DD_BUF_INIT;
	double third = 1.0 / 3.0, tenth = 0.1, sum;

	(void)state;
	assert_string_equal(write_double(&b, 0.6), "0.6");
	assert_string_equal(write_double(&b, 1.0), "1");
	assert_string_equal(write_double(&b, 0.5), "0.5");
	assert_string_equal(write_double(&b, -2.0), "-2");
	assert_string_equal(write_double(&b, 0.0), "0");
	assert_string_equal(write_double(&b, 123456789012.0), "123456789012");
	assert_string_equal(write_double(&b, 1e300), "1e+300");
	assert_string_equal(write_double(&b, 2.5e-8), "2.5e-08");
	assert_true(strtod(write_double(&b, third), NULL) == third);
	assert_string_equal(write_double(&b, third), "0.3333333333333333");
	sum = tenth + 0.2;
	assert_string_equal(write_double(&b, sum), "0.30000000000000004");
	assert_true(strtod(write_double(&b, sum), NULL) == sum);
	assert_string_equal(write_double(&b, INFINITY), "null");
	assert_string_equal(write_double(&b, -INFINITY), "null");
	assert_string_equal(write_double(&b, NAN), "null");
	dd_buf_release(&b);
}

/*
 * A locale with a decimal comma must not leak into JSON.  Skipped where no
 * such locale is installed; one can be built for a run with
 * `localedef -i de_DE -f UTF-8 DIR/de_DE.UTF-8` and LOCPATH=DIR.
 */
static void test_writer_locale(void **state)
{
	static const char *const names[] = { "de_DE.UTF-8", "de_DE.utf8",
					     "fr_FR.UTF-8", "fr_FR.utf8" };
	dd_buf b = DD_BUF_INIT;
	dd_json_doc *doc;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (setlocale(LC_NUMERIC, names[i]))
			break;
	if (i == sizeof(names) / sizeof(names[0])) {
		skip_test("no locale with a decimal comma is installed");
		return;
	}
	assert_string_equal(write_double(&b, 0.6), "0.6");
	assert_string_equal(write_double(&b, 1.0 / 3.0), "0.3333333333333333");
	assert_string_equal(write_double(&b, 2.5e-8), "2.5e-08");
	/* and reading: cJSON follows the locale's decimal point */
	doc = parse("[0.5, 1e-1]");
	assert_true(dd_json_root(doc)->child->number == 0.5);
	assert_true(dd_json_root(doc)->child->next->number == 0.1);
	dd_json_doc_free(doc);
	setlocale(LC_NUMERIC, "C");
	dd_buf_release(&b);
}

static char *rewrite(const char *text, int compact)
{
	dd_json_doc *doc = parse(text);
	dd_buf b = DD_BUF_INIT;
	dd_json_writer w;

	dd_json_writer_init(&w, &b, compact);
	dd_json_value(&w, dd_json_root(doc));
	dd_json_doc_free(doc);
	assert_false(dd_buf_oom(&b));
	return dd_buf_detach(&b, NULL);
}

static void test_writer_value(void **state)
{
	const char *text =
		"{ \"round\" : 3, \"x\": [1.50, 1e400, -0, 12345678901234567890, {}],"
		"\"s\": \"\\u00e9\\n\\/\", \"e\": [], \"o\": {\"t\": true, \"f\": false,"
		" \"n\": null}}";
	char *pretty, *compact, *again;

	(void)state;
	pretty = rewrite(text, 0);
	assert_string_equal(pretty,
		"{\n"
		"  \"round\": 3,\n"
		"  \"x\": [\n"
		"    1.50,\n"
		"    1e400,\n"
		"    -0,\n"
		"    12345678901234567890,\n"
		"    {}\n"
		"  ],\n"
		"  \"s\": \"\xc3\xa9\\n/\",\n"
		"  \"e\": [],\n"
		"  \"o\": {\n"
		"    \"t\": true,\n"
		"    \"f\": false,\n"
		"    \"n\": null\n"
		"  }\n"
		"}");
	compact = rewrite(text, 1);
	assert_string_equal(compact,
		"{\"round\":3,\"x\":[1.50,1e400,-0,12345678901234567890,{}],"
		"\"s\":\"\xc3\xa9\\n/\",\"e\":[],\"o\":{\"t\":true,\"f\":false,"
		"\"n\":null}}");
	/* the output is stable */
	again = rewrite(pretty, 0);
	assert_string_equal(again, pretty);
	free(again);
	again = rewrite(pretty, 1);
	assert_string_equal(again, compact);
	free(again);
	free(pretty);
	free(compact);
}

/* ---- JSONTestSuite ---- */

static int read_file(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	dd_buf b = DD_BUF_INIT;
	char chunk[4096];
	size_t n;

	if (!f)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		dd_buf_add(&b, chunk, n);
	fclose(f);
	if (dd_buf_oom(&b))
		return -1;
	*data = dd_buf_detach(&b, len);
	return 0;
}

/*
 * y_ files that dialdiff rejects on purpose, with the reason: duplicate keys
 * and \u0000 are valid RFC 8259 but not accepted here (json.h).
 */
static const struct {
	const char *name, *message;
} suite_exceptions[] = {
	{ "y_object_duplicated_key.json", "duplicate key \"a\"" },
	{ "y_object_duplicated_key_and_value.json", "duplicate key \"a\"" },
	{ "y_object_escaped_null_in_key.json", "\\u0000 in a string is not supported" },
	{ "y_string_null_escape.json", "\\u0000 in a string is not supported" },
};

static const char *suite_exception(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(suite_exceptions) / sizeof(suite_exceptions[0]); i++)
		if (strcmp(name, suite_exceptions[i].name) == 0)
			return suite_exceptions[i].message;
	return NULL;
}

static void test_jsontestsuite(void **state)
{
	const char *dir = getenv("DD_JSONTESTSUITE");
	struct dirent *de;
	DIR *d;
	int counts[3][2] = { { 0 } };	/* y n i  x  accepted rejected */
	int failures = 0, files = 0, excepted = 0;

	(void)state;
	if (!dir || !*dir || !(d = opendir(dir))) {
		skip_test("DD_JSONTESTSUITE is unset or not a folder");
		return;
	}
	while ((de = readdir(d))) {
		const char *name = de->d_name;
		char path[4096];
		char *data = NULL;
		size_t len = 0;
		dd_json_doc *doc = NULL;
		dd_error err;
		int kind, rc;

		if (name[0] == '.' || strlen(name) < 3 || name[1] != '_')
			continue;
		kind = name[0] == 'y' ? 0 : name[0] == 'n' ? 1 :
		       name[0] == 'i' ? 2 : -1;
		if (kind < 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, name);
		if (read_file(path, &data, &len) < 0) {
			print_error("cannot read %s\n", path);
			failures++;
			continue;
		}
		files++;
		dd_error_clear(&err);
		rc = dd_json_parse(&doc, data, len, name, &err);
		counts[kind][rc == 0 ? 0 : 1]++;
		if (rc == 0) {
			assert_non_null(dd_json_root(doc));
			dd_json_doc_free(doc);
		} else {
			assert_null(doc);
			if (rc != DD_ERROR || err.line < 1 || err.column < 1 ||
			    !err.message[0] || strcmp(err.file, name) != 0) {
				print_error("%s: unpositioned error %d %d:%d: %s\n",
					    name, rc, err.line, err.column,
					    err.message);
				failures++;
			}
			if (strncmp(err.message, "internal error", 14) == 0) {
				print_error("%s: %s\n", name, err.message);
				failures++;
			}
		}
		if (kind == 0 && suite_exception(name)) {
			excepted++;
			if (rc == 0 || strcmp(err.message, suite_exception(name))) {
				print_error("%s: expected the error \"%s\"\n",
					    name, suite_exception(name));
				failures++;
			}
		} else if (kind == 0 && rc != 0) {
			print_error("%s: rejected: %d:%d: %s\n", name, err.line,
				    err.column, err.message);
			failures++;
		}
		if (kind == 2 && getenv("DD_JSONTESTSUITE_VERBOSE"))
			print_message("# %s: %s%s\n", name,
				      rc == 0 ? "accepted" : "rejected: ",
				      rc == 0 ? "" : err.message);
		if (kind == 1 && rc == 0) {
			print_error("%s: accepted\n", name);
			failures++;
		}
		free(data);
	}
	closedir(d);
	print_message("# JSONTestSuite: %d files; y: %d accepted, %d rejected"
		      " on purpose; n: %d accepted, %d rejected;"
		      " i: %d accepted, %d rejected\n",
		      files, counts[0][0], counts[0][1], counts[1][0],
		      counts[1][1], counts[2][0], counts[2][1]);
	assert_true(files > 0);
	assert_int_equal(excepted, (int)(sizeof(suite_exceptions) /
					 sizeof(suite_exceptions[0])));
	assert_int_equal(failures, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_string_lengths),
		cmocka_unit_test(test_scalars_and_length),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_positions_long_line),
		cmocka_unit_test(test_errors_structure),
		cmocka_unit_test(test_errors_numbers),
		cmocka_unit_test(test_errors_strings),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_duplicate_keys_large),
		cmocka_unit_test(test_duplicate_keys_crafted),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_large_document),
		cmocka_unit_test(test_writer_pretty),
		cmocka_unit_test(test_writer_escapes),
		cmocka_unit_test(test_writer_doubles),
		cmocka_unit_test(test_writer_locale),
		cmocka_unit_test(test_writer_value),
		cmocka_unit_test(test_jsontestsuite),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
