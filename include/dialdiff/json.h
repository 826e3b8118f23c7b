/*
 * json.h - strict JSON reading with positions, and a JSON writer.
 *
 * This module is the only one that includes cJSON.  Reading is done in two
 * passes: a strict scanner checks the bytes against the RFC 8259 grammar,
 * UTF-8 (RFC 3629: no overlong forms, no surrogates), duplicate object keys,
 * the nesting limit and escapes that cJSON cannot represent (\u0000), and
 * records the position of every value, so that a node's position costs
 * nothing to look up; cJSON then reads the whole document (unescaping
 * strings, converting numbers), and its reading must agree with the
 * scanner's.
 *
 * Ownership: every dd_json node and every string reached from a dd_json_doc
 * belongs to the document and lives until dd_json_doc_free().
 */
#ifndef DIALDIFF_JSON_H
#define DIALDIFF_JSON_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "error.h"
#include "text.h"

/* Same as cJSON's compiled-in limit: deeper documents are rejected. */
#define DD_JSON_MAX_DEPTH 1000

/*
 * The most values (objects, arrays, strings, numbers, literals) a document
 * may hold; more is "too many values (more than N)".  Memory grows with the
 * values (about 100 bytes each), not the bytes.  The cap is the file size
 * cap (DD_SOURCE_MAX_SIZE, 16 MiB) over 4, the fewest bytes a value takes
 * in a round, series or taxonomy file ("a",): no valid file reaches it.
 */
#define DD_JSON_MAX_VALUES ((size_t)4 << 20)

typedef enum dd_json_type {
	DD_JSON_NULL,
	DD_JSON_FALSE,
	DD_JSON_TRUE,
	DD_JSON_NUMBER,
	DD_JSON_STRING,
	DD_JSON_ARRAY,
	DD_JSON_OBJECT
} dd_json_type;

/* Flags of a node. */
#define DD_JSON_INTEGER_LITERAL 1u /* number written without '.', 'e' or 'E' */

typedef struct dd_json dd_json;
struct dd_json {
	dd_json_type type;
	unsigned flags;
	const char *key;	/* member name when the parent is an object */
	const char *string;	/* DD_JSON_STRING: NUL-terminated UTF-8;
				 * DD_JSON_NUMBER: the literal as written */
	double number;		/* DD_JSON_NUMBER (may be +-inf for 1e400) */
	dd_json *child;		/* first element or member */
	dd_json *next;		/* next sibling */
	uint32_t string_len;	/* its length in bytes (a document is < 4 GiB) */
	uint32_t count;		/* number of elements or members */
	dd_pos pos;		/* where the value starts */
	dd_pos key_pos;		/* where the member name starts (objects) */
};

typedef struct dd_json_doc dd_json_doc;

/*
 * Parse len bytes of buf (need not be NUL-terminated).  path names the file
 * in error messages.  On success *out is a new document (free it with
 * dd_json_doc_free).  On failure returns DD_ERROR and err has path, the line
 * and column of the first offending character and a message such as
 * "duplicate key \"round\"", "invalid UTF-8", "unexpected character 'x'",
 * "unexpected end of input", "trailing characters after the JSON value",
 * "nesting deeper than 1000 levels", "too many values (more than 4194304)"
 * (DD_JSON_MAX_VALUES).  A leading UTF-8 BOM is an error.  A document of
 * 4 GiB or more is refused (DD_ETOOBIG) before a byte is read.
 */
int dd_json_parse(dd_json_doc **out, const char *buf, size_t len,
		  const char *path, dd_error *err);
void dd_json_doc_free(dd_json_doc *doc);

/*
 * For tests: how many slots the duplicate-key tables looked at during the
 * last dd_json_parse on this thread.  About one or two per member, however
 * the member names were chosen: they are hashed with a key drawn at random
 * once per process.
 */
size_t dd_json_key_probes(void);

/*
 * Parsing keeps the memory of freed documents for the next parse on the
 * same thread (up to 256 MiB).  A thread other than the main one calls
 * this before it ends, to free that memory.
 */
void dd_json_release_thread(void);
const dd_json *dd_json_root(const dd_json_doc *doc);

/* Member of an object by exact (case-sensitive) name, or NULL.  A linear
 * scan: to visit every member of a large object, walk child/next. */
const dd_json *dd_json_get(const dd_json *object, const char *key);
/* "string", "number", "object", ... for messages. */
const char *dd_json_type_name(dd_json_type type);

/*
 * If node is a number written as an integer literal that fits in a long
 * long, store it in *out and return 1; else return 0 (1.0, 1e2, 1e400 and
 * 2.5 all return 0).  -0 is the integer 0.
 */
int dd_json_integer(const dd_json *node, long long *out);

/*
 * A streaming writer that produces pretty-printed JSON (two-space indent,
 * one member or element per line, "[]" and "{}" when empty, UTF-8 passed
 * through unescaped, control characters, '"' and '\\' escaped, "/" not
 * escaped).  Callers nest begin/end calls correctly; the writer tracks
 * commas and indentation.  Output ends without a newline; add it yourself.
 */
typedef struct dd_json_writer {
	dd_buf *out;
	int depth;
	int need_comma;		/* a value was written at the current level */
	int after_key;		/* the next value follows "key": on the same line */
	int compact;		/* 1: no newlines or indentation at all */
} dd_json_writer;

void dd_json_writer_init(dd_json_writer *w, dd_buf *out, int compact);
void dd_json_begin_object(dd_json_writer *w);
void dd_json_end_object(dd_json_writer *w);
void dd_json_begin_array(dd_json_writer *w);
void dd_json_end_array(dd_json_writer *w);
void dd_json_key(dd_json_writer *w, const char *key);
/* NULL writes null. */
void dd_json_string(dd_json_writer *w, const char *s);
void dd_json_string_len(dd_json_writer *w, const char *s, size_t len);
void dd_json_int(dd_json_writer *w, long long v);
/* Shortest form that reads back to the same double ("0.6", "1", "0.333..."); non-finite as null. */
void dd_json_double(dd_json_writer *w, double v);
void dd_json_bool(dd_json_writer *w, int v);
void dd_json_null(dd_json_writer *w);
/* Write a parsed node (and its subtree) back, keys in document order. */
void dd_json_value(dd_json_writer *w, const dd_json *node);

/* Append s as a JSON string literal (with quotes) to buf; a byte that is
 * not part of valid UTF-8 becomes U+FFFD, so the literal is valid JSON. */
void dd_json_quote(dd_buf *buf, const char *s, size_t len);

#endif
