/*
 * error.h - the error record every library function fills.
 *
 * Library functions return 0 on success or a negative DD_E* code, and on
 * failure fill the caller's dd_error (when the pointer is not NULL) with the
 * file, the 1-based line and column (0 when there is no position) and a
 * message: lower case, no full stop, what failed first.  Only the CLI prints.
 */
#ifndef DIALDIFF_ERROR_H
#define DIALDIFF_ERROR_H

#include <stddef.h>

enum {
	DD_OK = 0,
	DD_ERROR = -1,      /* generic failure: invalid input, I/O */
	DD_ENOMEM = -2,     /* out of memory */
	DD_ENOTFOUND = -3,  /* a round, file, revision or entry does not exist */
	DD_EAMBIGUOUS = -4, /* a selector or short revision matches several */
	DD_EUSAGE = -5,     /* the caller asked for something meaningless */
	DD_EGIT = -6,       /* the git layer failed */
	DD_ETOOBIG = -7,    /* a file is over the size cap */
	DD_EEXIST = -8,     /* a file to create is already there (untouched) */
	DD_EMISSING = -9    /* an object a partial clone left out */
};

#define DD_ERROR_FILE_MAX 1024
#define DD_ERROR_MSG_MAX 1024

typedef struct dd_error {
	int code;
	char file[DD_ERROR_FILE_MAX];	/* "" when no file is concerned */
	int line, column;		/* 1-based; 0 when unknown */
	char message[DD_ERROR_MSG_MAX];
} dd_error;

#if defined(__GNUC__)
#define DD_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DD_PRINTF(f, a)
#endif

/* Clear the record (code 0, empty strings). */
void dd_error_clear(dd_error *err);

/*
 * Fill err (may be NULL) and return code, so that library code can write
 * `return dd_error_set(err, DD_ERROR, path, line, col, "bad %s", what);`.
 * file may be NULL.
 */
int dd_error_set(dd_error *err, int code, const char *file, int line,
		 int column, const char *fmt, ...) DD_PRINTF(6, 7);

/* Shorthand for an out-of-memory failure. */
int dd_error_oom(dd_error *err);

/*
 * Format as "PATH:LINE:COL: message", "PATH: message" or "message" into buf
 * (always NUL-terminated, truncated to size).
 */
void dd_error_format(char *buf, size_t size, const dd_error *err);

#endif
