/*
 * buf.h - growable byte buffers, in the manner of git's strbuf.
 *
 * Invariants: buf->ptr is never NULL after dd_buf_init (it points at a
 * static empty string until the first growth), buf->ptr[buf->len] == '\0'
 * always, and the buffer may hold NUL bytes.  A failed allocation sets
 * buf->oom for good; the content is then unspecified (appends that need
 * memory are dropped), so a writer can append freely and test dd_buf_oom()
 * once at the end.
 */
#ifndef DIALDIFF_BUF_H
#define DIALDIFF_BUF_H

#include <stddef.h>
#include <string.h>
#include "error.h"

typedef struct dd_buf {
	char *ptr;
	size_t len;
	size_t alloc;	/* 0 while ptr is the static empty string */
	int oom;
} dd_buf;

#define DD_BUF_INIT { dd_buf__empty, 0, 0, 0 }
extern char dd_buf__empty[];

void dd_buf_init(dd_buf *buf);
/* Free the memory and reset to the initial state. */
void dd_buf_release(dd_buf *buf);
/* Hand the string to the caller (free() it); the buffer is reset. */
char *dd_buf_detach(dd_buf *buf, size_t *len);
/* Make room for extra more bytes; 0 or -1 (and oom set). */
int dd_buf_grow(dd_buf *buf, size_t extra);
void dd_buf_reset(dd_buf *buf);
void dd_buf_adds(dd_buf *buf, const char *s);
/* The out-of-line halves of dd_buf_add and dd_buf_addn, which grow. */
void dd_buf__add(dd_buf *buf, const void *data, size_t len);
void dd_buf__addn(dd_buf *buf, char c, size_t n);

/* Appends are inline while they fit: renderers make millions of them. */
static inline void dd_buf_add(dd_buf *buf, const void *data, size_t len)
{
	if (len < buf->alloc - buf->len) {	/* alloc > len once grown */
		memcpy(buf->ptr + buf->len, data, len);
		buf->len += len;
		buf->ptr[buf->len] = '\0';
	} else {
		dd_buf__add(buf, data, len);
	}
}

static inline void dd_buf_addc(dd_buf *buf, char c)
{
	dd_buf_add(buf, &c, 1);
}

/* Append c n times. */
static inline void dd_buf_addn(dd_buf *buf, char c, size_t n)
{
	if (n < buf->alloc - buf->len) {
		memset(buf->ptr + buf->len, c, n);
		buf->len += n;
		buf->ptr[buf->len] = '\0';
	} else {
		dd_buf__addn(buf, c, n);
	}
}

void dd_buf_addf(dd_buf *buf, const char *fmt, ...) DD_PRINTF(2, 3);
static inline int dd_buf_oom(const dd_buf *buf) { return buf->oom; }

/*
 * Read a whole file into buf (replacing its content).  Refuses anything but a
 * regular file and files over max_size bytes (0: no cap).  Returns 0, or a
 * negative code with err filled (file = path): DD_ENOTFOUND for a missing
 * file, DD_ETOOBIG for one over the cap, DD_ERROR otherwise.
 */
int dd_buf_read_file(dd_buf *buf, const char *path, size_t max_size,
		     dd_error *err);

/*
 * Write len bytes to path atomically: a temporary file in the same folder,
 * fsync, rename over path.  The mode of an existing file is kept (else 0644
 * less the umask).  On failure the temporary file is removed and path is
 * untouched.
 */
int dd_write_file_atomic(const char *path, const void *data, size_t len,
			 dd_error *err);

/*
 * Create path with len bytes of data, atomically and only where nothing
 * is: the same temporary file as dd_write_file_atomic, then
 * renameat2(RENAME_NOREPLACE), or, on a file system without it, link(2)
 * and unlink of the temporary file; both fail when path exists, whatever
 * it is (a file, a folder, a dangling symbolic link), and nothing is
 * written: DD_EEXIST.  The mode is 0666 less the umask.  Other failures
 * are DD_ERROR; path then does not exist, or exists in full.
 */
int dd_write_file_new(const char *path, const void *data, size_t len,
		      dd_error *err);

/* Write all of data to fd, retrying short writes and EINTR; 0 or -1. */
int dd_write_all(int fd, const void *data, size_t len);

#endif
