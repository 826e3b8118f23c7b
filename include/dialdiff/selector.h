/*
 * selector.h - parsing of round selectors, revision ranges and user paths.
 *
 * Pure functions over strings: no file system, no repository.  The CLI
 * resolves what they return against a source; a fuzzer drives them
 * directly.
 *
 * Round selectors:
 *
 *   N              round N of the series           kind DD_SEL_ROUND
 *   SERIES/N       round N of series SERIES        kind DD_SEL_ROUND, maybe_path
 *   N@REV          round N as recorded at REV      kind DD_SEL_ROUND, rev
 *   SERIES/N@REV                                   kind DD_SEL_ROUND, rev
 *   REV:PATH       the file PATH at REV            kind DD_SEL_BLOB, maybe_path
 *   anything else  a path to a round file          kind DD_SEL_PATH
 *
 * N is ASCII decimal digits, at most DD_ROUND_NUMBER_MAX (what a round
 * file may hold).  A SERIES is one path component other than "." and ".."
 * and may hold '@': N@REV splits at the first '@' whose left part is N or
 * SERIES/N, so that "a@b/2@HEAD" is round 2 of a@b at HEAD and the REV of
 * "2@HEAD@{1}" is "HEAD@{1}".  maybe_path says that the text could also
 * be an ordinary path (a file named "a/2" or "x:y.json"): the resolver
 * should prefer an existing file of that name, as the diff command always
 * has.  In REV:PATH the PATH is relative to the top of the repository, as
 * in git, unless it starts with "./" or "../" (then relative to the
 * current directory).
 */
#ifndef DIALDIFF_SELECTOR_H
#define DIALDIFF_SELECTOR_H

#include <stddef.h>
#include "error.h"

#define DD_SELECTOR_MAX 4096

typedef enum dd_selector_kind {
	DD_SEL_ROUND = 1,
	DD_SEL_PATH,
	DD_SEL_BLOB
} dd_selector_kind;

typedef struct dd_selector {
	dd_selector_kind kind;
	long long number;	/* DD_SEL_ROUND: the round number */
	const char *series;	/* DD_SEL_ROUND: SERIES, or NULL */
	const char *rev;	/* the REV of N@REV or REV:PATH, or NULL */
	const char *path;	/* DD_SEL_PATH, DD_SEL_BLOB: the path ("" allowed
				   for REV:); DD_SEL_ROUND: the whole text */
	int maybe_path;		/* the whole text may also name a file */
	char buf[2 * DD_SELECTOR_MAX + 8];	/* storage of the strings above */
} dd_selector;

/*
 * Parse text into out; the strings of out point into out itself (copy the
 * struct whole, or not at all).  Returns 0, or DD_EUSAGE with err naming
 * the selector: an empty selector, text longer than DD_SELECTOR_MAX - 1
 * bytes, "N@" without a revision, ":PATH" (the index: not supported).
 */
int dd_selector_parse(dd_selector *out, const char *text, dd_error *err);

typedef enum dd_range_kind {
	DD_RANGE_ONE = 1,	/* REV: the history of REV / REV against ... */
	DD_RANGE_TWO_DOT,	/* A..B */
	DD_RANGE_THREE_DOT	/* A...B: B against the merge base of A and B */
} dd_range_kind;

typedef struct dd_revrange {
	dd_range_kind kind;
	const char *from;	/* A, or REV for DD_RANGE_ONE */
	const char *to;		/* B; NULL for DD_RANGE_ONE */
	char buf[2 * DD_SELECTOR_MAX + 8];
} dd_revrange;

/*
 * Parse "REV", "A..B" or "A...B"; an empty side of a range is "HEAD", as
 * in git.  Returns 0, or DD_EUSAGE (empty text, too long, more than one
 * range operator, e.g. "A..B..C").
 */
int dd_revrange_parse(dd_revrange *out, const char *text, dd_error *err);

/*
 * Join a user's path to the prefix (the current folder relative to the
 * top of the work tree: "" or "a/b/") and normalize: "." components and
 * repeated slashes are dropped, ".." removes the previous component, a
 * trailing slash is dropped.  An absolute path is normalized without the
 * prefix.  Writes at most size bytes to out (NUL-terminated).  Returns 0;
 * DD_ENOTFOUND when a relative path climbs above the top ("../x" at the
 * top: out holds nothing useful); DD_EUSAGE when the result does not fit.
 * The result of a relative path that names the top itself is "".
 */
int dd_path_resolve(char *out, size_t size, const char *prefix,
		    const char *path, dd_error *err);

#endif
