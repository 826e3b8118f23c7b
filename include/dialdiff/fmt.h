/*
 * fmt.h - the canonical formatting of round, series and taxonomy files.
 *
 * One layout for every file, so that diffs of the record show changes of
 * meaning only: keys of known objects in the order of the file format
 * (dialogues/schema/round.schema.json for rounds, docs/data.md for series
 * and taxonomies), unknown keys after them in document order; two-space
 * indentation, one member or element per line, "[]" and "{}" when empty;
 * strings as UTF-8, escaping only '"', '\\' and control characters;
 * numbers exactly as written; array order kept; a final newline.
 *
 * Formatting is meaning-preserving (the formatted file parses to the same
 * values, members and elements) and idempotent (formatting a formatted
 * file changes nothing).
 */
#ifndef DIALDIFF_FMT_H
#define DIALDIFF_FMT_H

#include <stddef.h>
#include "buf.h"
#include "error.h"
#include "json.h"

typedef enum dd_fmt_kind {
	DD_FMT_AUTO = 0,	/* guess with dd_fmt_kind_of */
	DD_FMT_ROUND,
	DD_FMT_SERIES,
	DD_FMT_TAXONOMY,
	DD_FMT_PLAIN		/* any JSON: every key in document order */
} dd_fmt_kind;

/*
 * The kind of a file from its name and parsed root: series.json is a
 * series; an object with "sections" and no "topics" a taxonomy; an object
 * with "topics", "round" or "series" a round; anything else plain JSON.
 */
dd_fmt_kind dd_fmt_kind_of(const char *path, const dd_json *root);

/*
 * Format len bytes of buf canonically into out (its content is replaced).
 * path names the file in messages.  Returns 0, or a negative code with err
 * at the line and column where the JSON is invalid (out is then empty).
 */
int dd_fmt_buffer(dd_buf *out, const char *buf, size_t len, const char *path,
		  dd_fmt_kind kind, dd_error *err);

/*
 * Shapes, for callers that write a file of a known kind piece by piece in
 * the canonical layout (the merge driver): a shape says in which order an
 * object's known keys come and what shape each value has.  Shapes are
 * static; NULL stands for "written as it is" (keys in document order).
 */
typedef struct dd_fmt_shape dd_fmt_shape;

/* The shape of the root of a file of kind (NULL for DD_FMT_PLAIN and
 * DD_FMT_AUTO). */
const dd_fmt_shape *dd_fmt_shape_of(dd_fmt_kind kind);

/*
 * The shape of a value inside a value of shape sh: of member key of an
 * object, of every member of an object whose keys are data (a round's
 * "topics"), or, with key NULL, of every element of an array.  NULL when
 * that value is written as it is.
 */
const dd_fmt_shape *dd_fmt_shape_sub(const dd_fmt_shape *sh, const char *key);

/*
 * The place of key among the known keys of an object of shape sh, from
 * 0; -1 when it is not one of them (unknown keys come after the known
 * ones, in document order).
 */
int dd_fmt_shape_rank(const dd_fmt_shape *sh, const char *key);

/* Write node with w in the canonical layout of shape sh (see above). */
void dd_fmt_write_node(dd_json_writer *w, const dd_json *node,
		       const dd_fmt_shape *sh);

/*
 * Read the file at path (at most max_size bytes; 0: DD_SOURCE_MAX_SIZE)
 * and format it into out; *changed is 1 when the formatted text differs
 * from the file's bytes.  Returns 0 or a negative code (err names path).
 */
int dd_fmt_file(dd_buf *out, int *changed, const char *path, size_t max_size,
		dd_error *err);

/*
 * Format the file at path and, when that changes it, replace it
 * atomically (dd_write_file_atomic: a temporary file in the same folder,
 * fsync, rename; the mode is kept).  A file a rename would harm is left
 * as it is, with DD_ERROR: a symbolic link (never written through), a
 * file with other hard links, one owned by another user, one whose mode
 * has no owner write bit; so is one whose formatted text would be over
 * max_size (DD_ETOOBIG: it could not be read back), and one that changed
 * between the read and the rename (another program's edit is not lost).
 * Whatever happens, path holds either its old or its new content in full.
 * *changed as for dd_fmt_file.  Returns 0 or a negative code (err names
 * path).
 */
int dd_fmt_write(int *changed, const char *path, size_t max_size,
		 dd_error *err);

#endif
