#define _GNU_SOURCE	/* renameat2 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dialdiff/buf.h"

char dd_buf__empty[1];

void dd_buf_init(dd_buf *buf)
{
	buf->ptr = dd_buf__empty;
	buf->len = buf->alloc = 0;
	buf->oom = 0;
}

void dd_buf_release(dd_buf *buf)
{
	if (buf->alloc)
		free(buf->ptr);
	dd_buf_init(buf);
}

char *dd_buf_detach(dd_buf *buf, size_t *len)
{
	char *s;

	if (len)
		*len = buf->len;
	if (buf->oom) {
		dd_buf_release(buf);
		return NULL;
	}
	s = buf->alloc ? buf->ptr : calloc(1, 1);
	dd_buf_init(buf);
	return s;
}

int dd_buf_grow(dd_buf *buf, size_t extra)
{
	size_t want, n;
	char *p;

	if (buf->oom)
		return -1;
	if (extra > SIZE_MAX - buf->len - 1)
		goto oom;
	want = buf->len + extra + 1;
	if (want <= buf->alloc)
		return 0;
	n = buf->alloc ? buf->alloc : 64;
	while (n < want)
		n = n > SIZE_MAX / 2 ? want : n * 2;
	p = buf->alloc ? realloc(buf->ptr, n) : malloc(n);
	if (!p)
		goto oom;
	if (!buf->alloc)
		p[0] = '\0';
	buf->ptr = p;
	buf->alloc = n;
	return 0;
oom:
	buf->oom = 1;
	return -1;
}

void dd_buf_reset(dd_buf *buf)
{
	buf->len = 0;
	if (buf->alloc)
		buf->ptr[0] = '\0';
	buf->oom = 0;
}

/* dd_buf_add when data does not fit (or buf is not grown yet). */
void dd_buf__add(dd_buf *buf, const void *data, size_t len)
{
	if (!len || dd_buf_grow(buf, len) < 0)
		return;
	memcpy(buf->ptr + buf->len, data, len);
	buf->len += len;
	buf->ptr[buf->len] = '\0';
}

void dd_buf_adds(dd_buf *buf, const char *s)
{
	dd_buf_add(buf, s, strlen(s));
}

/* dd_buf_addn when the bytes do not fit. */
void dd_buf__addn(dd_buf *buf, char c, size_t n)
{
	if (!n || dd_buf_grow(buf, n) < 0)
		return;
	memset(buf->ptr + buf->len, c, n);
	buf->len += n;
	buf->ptr[buf->len] = '\0';
}

void dd_buf_addf(dd_buf *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (dd_buf_grow(buf, 64) < 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf->ptr + buf->len, buf->alloc - buf->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		buf->oom = 1;
		return;
	}
	if ((size_t)n >= buf->alloc - buf->len) {
		if (dd_buf_grow(buf, (size_t)n) < 0)
			return;
		va_start(ap, fmt);
		vsnprintf(buf->ptr + buf->len, buf->alloc - buf->len, fmt, ap);
		va_end(ap);
	}
	buf->len += (size_t)n;
}

int dd_buf_read_file(dd_buf *buf, const char *path, size_t max_size,
		     dd_error *err)
{
	struct stat st;
	ssize_t n;
	int fd, rc;

	dd_buf_reset(buf);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return dd_error_set(err, errno == ENOENT ? DD_ENOTFOUND : DD_ERROR,
				    path, 0, 0, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) < 0)
		rc = dd_error_set(err, DD_ERROR, path, 0, 0, "cannot stat: %s",
				  strerror(errno));
	else if (S_ISDIR(st.st_mode))
		rc = dd_error_set(err, DD_ERROR, path, 0, 0,
				  "is a folder, not a file");
	else if (!S_ISREG(st.st_mode))
		rc = dd_error_set(err, DD_ERROR, path, 0, 0,
				  "not a regular file");
	else if (max_size && (uintmax_t)st.st_size > max_size)
		rc = dd_error_set(err, DD_ETOOBIG, path, 0, 0,
				  "file is %jd bytes, over the size cap of %zu bytes",
				  (intmax_t)st.st_size, max_size);
	else
		rc = dd_buf_grow(buf, (size_t)st.st_size) < 0 ? dd_error_oom(err) : 0;
	while (rc == 0) {
		if (dd_buf_grow(buf, 4096) < 0) {
			rc = dd_error_oom(err);
			break;
		}
		n = read(fd, buf->ptr + buf->len, buf->alloc - buf->len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			rc = dd_error_set(err, DD_ERROR, path, 0, 0,
					  "cannot read: %s", strerror(errno));
		if (n <= 0)
			break;
		buf->len += (size_t)n;
		buf->ptr[buf->len] = '\0';
		if (max_size && buf->len > max_size)
			rc = dd_error_set(err, DD_ETOOBIG, path, 0, 0,
					  "file is over the size cap of %zu bytes",
					  max_size);
	}
	close(fd);
	return rc;
}

int dd_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Move the written temporary file tmp to path: over it, or with
 * noreplace only where nothing is (see dd_write_file_new). */
static int put_in_place(const char *tmp, const char *path, int noreplace,
			dd_error *err)
{
	int rc, e, linked = 0;

	if (!noreplace) {
		rc = rename(tmp, path);
	} else {
		rc = renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE);
		if (rc < 0 && (errno == EINVAL || errno == ENOSYS ||
			       errno == ENOTSUP)) {
			/* a file system without it: a link is made only
			   where nothing is, as well */
			rc = link(tmp, path);
			linked = 1;
		}
	}
	e = errno;
	if (rc < 0 || linked)	/* a renamed file has no such name now */
		unlink(tmp);
	if (rc == 0)
		return 0;
	if (noreplace && e == EEXIST)
		return dd_error_set(err, DD_EEXIST, path, 0, 0,
				    "already exists: not overwritten");
	return dd_error_set(err, DD_ERROR, path, 0, 0, "cannot %s the file: %s",
			    noreplace ? "create" : "replace", strerror(e));
}

/* dd_write_file_atomic, or with noreplace dd_write_file_new. */
static int write_via_temp(const char *path, const void *data, size_t len,
			  int noreplace, dd_error *err)
{
	char tmp[4096], dirbuf[4096];
	struct stat st;
	mode_t mode;
	int fd, e, dfd, rc;

	/* a short name: a file's own name may be near NAME_MAX already */
	if (snprintf(dirbuf, sizeof(dirbuf), "%s", path) >= (int)sizeof(dirbuf) ||
	    snprintf(tmp, sizeof(tmp), "%s/.dialdiff-XXXXXX", dirname(dirbuf))
	    >= (int)sizeof(tmp))
		return dd_error_set(err, DD_ERROR, path, 0, 0, "path too long");
	if (!noreplace && stat(path, &st) == 0) {
		mode = st.st_mode & 07777;
	} else {
		mode_t um = umask(0);
		umask(um);
		mode = 0666 & ~um;
	}
	fd = mkstemp(tmp);
	if (fd < 0)
		return dd_error_set(err, DD_ERROR, path, 0, 0,
				    "cannot create a temporary file: %s",
				    strerror(errno));
	rc = dd_write_all(fd, data, len) < 0 || fchmod(fd, mode) < 0 ||
	     fsync(fd) < 0;
	e = errno;
	if (close(fd) < 0 && !rc) {
		rc = 1;
		e = errno;
	}
	if (rc) {
		unlink(tmp);
		return dd_error_set(err, DD_ERROR, path, 0, 0, "cannot write: %s",
				    strerror(e));
	}
	if ((rc = put_in_place(tmp, path, noreplace, err)) < 0)
		return rc;
	snprintf(dirbuf, sizeof(dirbuf), "%s", path);
	dfd = open(dirname(dirbuf), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	return 0;
}

int dd_write_file_atomic(const char *path, const void *data, size_t len,
			 dd_error *err)
{
	return write_via_temp(path, data, len, 0, err);
}

int dd_write_file_new(const char *path, const void *data, size_t len,
		      dd_error *err)
{
	return write_via_temp(path, data, len, 1, err);
}
