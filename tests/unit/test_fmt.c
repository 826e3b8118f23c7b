/* Unit tests of the canonical formatter: key orders, layout, values kept
 * as written, idempotence, and atomic rewriting. */
#include "unit.h"

#include <sys/stat.h>
#include <unistd.h>

#include "dialdiff/fmt.h"
#include "dialdiff/json.h"

static char *format(const char *in, const char *path, dd_fmt_kind kind)
{
	dd_buf out = DD_BUF_INIT;
	dd_error err;

	if (dd_fmt_buffer(&out, in, strlen(in), path, kind, &err) < 0)
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.column,
			 err.message);
	return dd_buf_detach(&out, NULL);
}

/* format, then format the result again: the same text. */
static void assert_format(const char *in, const char *path, const char *want)
{
	char *once = format(in, path, DD_FMT_AUTO), *twice;

	assert_string_equal(once, want);
	twice = format(once, path, DD_FMT_AUTO);
	assert_string_equal(twice, once);
	free(once);
	free(twice);
}

static void test_round(void **state)
{
	(void)state;
	assert_format(
		"{\"topics\":{\"b\":[{\"note\":\"n\",\"x\":1,\"action\":\"agreed\","
		"\"label\":{\"zh\":\"\\u4e2d\",\"en\":\"E\"},\"id\":\"i\"}],\"a\":[]},"
		"\"extra\":true,\"title\":{\"zh\":\"\xe4\xb8\xad\",\"en\":\"T\"},"
		"\"date\":\"2020-01-01\",\"round\":1,\"series\":\"s\","
		"\"chairs\":[{\"party\":\"p\",\"role\":{\"en\":\"r\"},\"name\":{\"zh\":\"z\",\"en\":\"e\"}}],"
		"\"sources\":[{\"url\":\"u\",\"title\":\"t\"}],"
		"\"reaffirms\":[{\"note\":\"m\",\"label\":{\"en\":\"L\"}}],"
		"\"place\":{\"en\":\"P\"},\"schema_version\":1}",
		"dialogues/s/round-01.json",
		"{\n"
		"  \"schema_version\": 1,\n"
		"  \"series\": \"s\",\n"
		"  \"round\": 1,\n"
		"  \"date\": \"2020-01-01\",\n"
		"  \"title\": {\n"
		"    \"en\": \"T\",\n"
		"    \"zh\": \"\xe4\xb8\xad\"\n"
		"  },\n"
		"  \"place\": {\n"
		"    \"en\": \"P\"\n"
		"  },\n"
		"  \"chairs\": [\n"
		"    {\n"
		"      \"name\": {\n"
		"        \"en\": \"e\",\n"
		"        \"zh\": \"z\"\n"
		"      },\n"
		"      \"role\": {\n"
		"        \"en\": \"r\"\n"
		"      },\n"
		"      \"party\": \"p\"\n"
		"    }\n"
		"  ],\n"
		"  \"sources\": [\n"
		"    {\n"
		"      \"title\": \"t\",\n"
		"      \"url\": \"u\"\n"
		"    }\n"
		"  ],\n"
		"  \"topics\": {\n"
		"    \"b\": [\n"
		"      {\n"
		"        \"id\": \"i\",\n"
		"        \"label\": {\n"
		"          \"en\": \"E\",\n"
		"          \"zh\": \"\xe4\xb8\xad\"\n"
		"        },\n"
		"        \"action\": \"agreed\",\n"
		"        \"note\": \"n\",\n"
		"        \"x\": 1\n"
		"      }\n"
		"    ],\n"
		"    \"a\": []\n"
		"  },\n"
		"  \"reaffirms\": [\n"
		"    {\n"
		"      \"label\": {\n"
		"        \"en\": \"L\"\n"
		"      },\n"
		"      \"note\": \"m\"\n"
		"    }\n"
		"  ],\n"
		"  \"extra\": true\n"
		"}\n");
}

static void test_series_and_taxonomy(void **state)
{
	(void)state;
	assert_format(
		"{\"parties\":[{\"name\":{\"zh\":\"z\"},\"id\":\"p\"}],\"taxonomy\":\"t.json\","
		"\"title\":{\"en\":\"S\"},\"id\":\"s\",\"schema_version\":1}",
		"dialogues/s/series.json",
		"{\n  \"schema_version\": 1,\n  \"id\": \"s\",\n  \"title\": {\n    \"en\": \"S\"\n  },\n"
		"  \"parties\": [\n    {\n      \"id\": \"p\",\n      \"name\": {\n        \"zh\": \"z\"\n"
		"      }\n    }\n  ],\n  \"taxonomy\": \"t.json\"\n}\n");
	assert_format(
		"{\"sections\":[{\"entries\":[{\"patterns\":[\"b\",\"a\"],\"name\":{\"en\":\"N\"},\"id\":\"e\"}],"
		"\"title\":{\"en\":\"T\"},\"id\":\"s\"}],\"schema_version\":1}",
		"any/name.json",
		"{\n  \"schema_version\": 1,\n  \"sections\": [\n    {\n      \"id\": \"s\",\n"
		"      \"title\": {\n        \"en\": \"T\"\n      },\n      \"entries\": [\n        {\n"
		"          \"id\": \"e\",\n          \"name\": {\n            \"en\": \"N\"\n          },\n"
		"          \"patterns\": [\n            \"b\",\n            \"a\"\n          ]\n"
		"        }\n      ]\n    }\n  ]\n}\n");
}

static void test_values_kept(void **state)
{
	(void)state;
	/* plain JSON: document order; numbers as written; escapes decoded
	 * where UTF-8 can carry them, control characters escaped */
	assert_format("{\"b\": [1.50, -0, 1e400, 2E-3], \"a\": \"\\/\\u00e9\\t\\u0001\\\"\"}\r\n",
		      "x.json",
		      "{\n  \"b\": [\n    1.50,\n    -0,\n    1e400,\n    2E-3\n  ],\n"
		      "  \"a\": \"/\xc3\xa9\\t\\u0001\\\"\"\n}\n");
	assert_format("7", "x.json", "7\n");
	assert_format("\"s\"", "x.json", "\"s\"\n");
	/* a known key whose value has an unexpected type is kept as it is */
	assert_format("{\"title\": [{\"zh\": 1, \"en\": 2}], \"round\": 1}", "r.json",
		      "{\n  \"round\": 1,\n  \"title\": [\n    {\n      \"zh\": 1,\n"
		      "      \"en\": 2\n    }\n  ]\n}\n");
}

static void test_kind(void **state)
{
	dd_json_doc *doc = NULL;
	dd_error err;
	size_t i;
	static const struct {
		const char *path, *json;
		dd_fmt_kind kind;
	} cases[] = {
		{ "a/series.json", "[]", DD_FMT_SERIES },
		{ "series.json", "{}", DD_FMT_SERIES },
		{ "a/t.json", "{\"sections\": []}", DD_FMT_TAXONOMY },
		{ "a/t.json", "{\"sections\": [], \"topics\": {}}", DD_FMT_ROUND },
		{ "a/r.json", "{\"round\": 1}", DD_FMT_ROUND },
		{ "a/r.json", "{\"x\": 1}", DD_FMT_PLAIN },
		{ "a/r.json", "[1]", DD_FMT_PLAIN },
	};

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(dd_json_parse(&doc, cases[i].json,
					       strlen(cases[i].json), "x", &err), 0);
		assert_int_equal(dd_fmt_kind_of(cases[i].path, dd_json_root(doc)),
				 cases[i].kind);
		dd_json_doc_free(doc);
	}
}

static void test_parse_error(void **state)
{
	dd_buf out = DD_BUF_INIT;
	dd_error err;

	(void)state;
	dd_buf_adds(&out, "old");
	assert_int_equal(dd_fmt_buffer(&out, "{\"a\": 1,\n \"a\": 2}", 17, "f.json",
				       DD_FMT_AUTO, &err), DD_ERROR);
	assert_string_equal(err.file, "f.json");
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 2);
	assert_non_null(strstr(err.message, "duplicate key"));
	assert_int_equal(out.len, 0);
	dd_buf_release(&out);
}

/* ---- files ---------------------------------------------------------------- */

static char dir[256];

static void write_file(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(s, f);
	fclose(f);
}

static char *read_all(const char *path)
{
	dd_buf b = DD_BUF_INIT;
	dd_error err;

	assert_int_equal(dd_buf_read_file(&b, path, 0, &err), 0);
	return dd_buf_detach(&b, NULL);
}

static void test_write(void **state)
{
	char path[512], link[512], cmd[600], *s;
	struct stat st;
	ino_t ino;
	dd_error err;
	int changed = -1;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/dd-fmt-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/r.json", dir);
	write_file(path, "{\"round\": 1, \"schema_version\": 1}");
	assert_int_equal(chmod(path, 0640), 0);

	assert_int_equal(dd_fmt_write(&changed, path, 0, &err), 0);
	assert_int_equal(changed, 1);
	s = read_all(path);
	assert_string_equal(s, "{\n  \"schema_version\": 1,\n  \"round\": 1\n}\n");
	free(s);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);	/* mode kept */

	ino = st.st_ino;	/* formatted already: left alone */
	assert_int_equal(dd_fmt_write(&changed, path, 0, &err), 0);
	assert_int_equal(changed, 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_ino, ino);

	/* a symbolic link is not written through: the link and its target
	 * stay as they are */
	snprintf(link, sizeof(link), "%s/link.json", dir);
	write_file(path, "{\"round\":2}");
	assert_int_equal(symlink("r.json", link), 0);
	assert_int_equal(dd_fmt_write(&changed, link, 0, &err), DD_ERROR);
	assert_non_null(strstr(err.message, "a symbolic link"));
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	s = read_all(path);
	assert_string_equal(s, "{\"round\":2}");
	free(s);

	/* a file that does not parse, or is missing: an error naming it, the
	 * file untouched */
	write_file(path, "{\"round\": }");
	assert_true(dd_fmt_write(&changed, path, 0, &err) < 0);
	assert_string_equal(err.file, path);
	assert_int_equal(err.column, 11);
	s = read_all(path);
	assert_string_equal(s, "{\"round\": }");
	free(s);
	snprintf(path, sizeof(path), "%s/gone.json", dir);
	assert_int_equal(dd_fmt_write(&changed, path, 0, &err), DD_ENOTFOUND);

	/* a read-only folder (permissions bind only when not root) */
	if (geteuid() != 0) {
		snprintf(path, sizeof(path), "%s/r.json", dir);
		write_file(path, "{\"round\":3}");
		assert_int_equal(chmod(dir, 0555), 0);
		assert_true(dd_fmt_write(&changed, path, 0, &err) < 0);
		assert_non_null(strstr(err.message, "temporary file"));
		assert_int_equal(chmod(dir, 0755), 0);
		s = read_all(path);
		assert_string_equal(s, "{\"round\":3}");
		free(s);
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* The shapes the formatter lays files out with, as callers see them: a
 * round written piece by piece comes out as dd_fmt_buffer writes it. */
static void test_shapes(void **state)
{
	const char *in = "{\"topics\":{\"s\":[{\"action\":\"agreed\","
			 "\"label\":{\"zh\":\"z\",\"en\":\"e\"}}]},"
			 "\"round\":2,\"x\":1}";
	const dd_fmt_shape *round = dd_fmt_shape_of(DD_FMT_ROUND), *item;
	const dd_json *root, *m;
	dd_json_doc *doc;
	dd_json_writer w;
	dd_buf out = DD_BUF_INIT;
	char *want;
	dd_error err;

	(void)state;
	assert_non_null(round);
	assert_null(dd_fmt_shape_of(DD_FMT_PLAIN));
	assert_int_equal(dd_fmt_shape_rank(round, "schema_version"), 0);
	assert_int_equal(dd_fmt_shape_rank(round, "round"), 2);
	assert_true(dd_fmt_shape_rank(round, "topics") >
		    dd_fmt_shape_rank(round, "sources"));
	assert_int_equal(dd_fmt_shape_rank(round, "x"), -1);
	assert_int_equal(dd_fmt_shape_rank(NULL, "round"), -1);
	assert_null(dd_fmt_shape_sub(round, "x"));
	assert_null(dd_fmt_shape_sub(round, "date"));
	/* topics: any section name; a section: its elements are items */
	item = dd_fmt_shape_sub(dd_fmt_shape_sub(dd_fmt_shape_sub(round,
			"topics"), "any-section"), NULL);
	assert_non_null(item);
	assert_true(dd_fmt_shape_rank(item, "label") <
		    dd_fmt_shape_rank(item, "action"));

	assert_int_equal(dd_json_parse(&doc, in, strlen(in), "r.json", &err), 0);
	root = dd_json_root(doc);
	dd_json_writer_init(&w, &out, 0);
	dd_json_begin_object(&w);
	for (m = root->child; m; m = m->next) {	/* document order */
		dd_json_key(&w, m->key);
		dd_fmt_write_node(&w, m, dd_fmt_shape_sub(round, m->key));
	}
	dd_json_end_object(&w);
	dd_buf_addc(&out, '\n');
	assert_string_equal(out.ptr, "{\n"
		"  \"topics\": {\n"
		"    \"s\": [\n"
		"      {\n"
		"        \"label\": {\n"
		"          \"en\": \"e\",\n"
		"          \"zh\": \"z\"\n"
		"        },\n"
		"        \"action\": \"agreed\"\n"
		"      }\n"
		"    ]\n"
		"  },\n"
		"  \"round\": 2,\n"
		"  \"x\": 1\n"
		"}\n");
	/* the whole root: the known keys in order, as dd_fmt_buffer does */
	dd_buf_reset(&out);
	dd_json_writer_init(&w, &out, 0);
	dd_fmt_write_node(&w, root, round);
	dd_buf_addc(&out, '\n');
	want = format(in, "r.json", DD_FMT_ROUND);
	assert_string_equal(out.ptr, want);
	free(want);
	dd_json_doc_free(doc);
	dd_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round),
		cmocka_unit_test(test_series_and_taxonomy),
		cmocka_unit_test(test_values_kept),
		cmocka_unit_test(test_kind),
		cmocka_unit_test(test_parse_error),
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_shapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
