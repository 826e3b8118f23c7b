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
