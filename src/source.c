/*
 * source.c - reading files from the working tree.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dialdiff/source.h"

struct dd_source {
	char *root;		/* prefix for relative paths, "" for none */
	char *rev;		/* NULL: working tree */
};

int dd_source_worktree(dd_source **out, const char *root, dd_error *err)
{
	dd_source *s = calloc(1, sizeof(*s));

	*out = NULL;
	if (!s || !(s->root = strdup(root && *root ? root : "")))
		goto oom;
	*out = s;
	return 0;
oom:
	free(s);
	return dd_error_oom(err);
}

void dd_source_free(dd_source *src)
{
	if (!src)
		return;
	free(src->root);
	free(src->rev);
	free(src);
}

const char *dd_source_rev(const dd_source *src)
{
	return src->rev;
}

/* The file-system path of a source path: root/path, or path when it is
 * absolute or there is no root.  Caller frees. */
static char *fs_path(const dd_source *src, const char *path)
{
	size_t n;
	char *p;

	if (path[0] == '/' || !src->root[0])
		return strdup(path);
	n = strlen(src->root) + strlen(path) + 2;
	p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", src->root, path);
	return p;
}

int dd_source_read(dd_buf *out, dd_source *src, const char *path,
		   size_t max_size, dd_error *err)
{
	char *p = fs_path(src, path);
	int rc;

	if (!p)
		return dd_error_oom(err);
	rc = dd_buf_read_file(out, p, max_size ? max_size : DD_SOURCE_MAX_SIZE,
			      err);
	if (rc < 0 && err)
		snprintf(err->file, sizeof(err->file), "%s", path);
	free(p);
	return rc;
}

/* The type of the file-system path p (0 when it does not exist). */
static int fs_type(const char *p)
{
	struct stat st;

	if (stat(p, &st) < 0)
		return 0;
	return S_ISDIR(st.st_mode) ? DD_SOURCE_DIR :
	       S_ISREG(st.st_mode) ? DD_SOURCE_FILE : 0;
}

int dd_source_type(dd_source *src, const char *path)
{
	char *p = fs_path(src, path);
	int rc;

	if (!p)
		return DD_ENOMEM;
	rc = fs_type(p);
	free(p);
	return rc;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void dd_source_names_free(char **names)
{
	size_t i;

	if (!names)
		return;
	for (i = 0; names[i]; i++)
		free(names[i]);
	free(names);
}

int dd_source_list(char ***out, size_t *count, dd_source *src,
		   const char *dir, unsigned mask, dd_error *err)
{
	char *p = fs_path(src, dir);
	char **names = NULL;
	size_t n = 0, alloc = 0;
	struct dirent *de;
	DIR *d;

	*out = NULL;
	*count = 0;
	if (!p)
		return dd_error_oom(err);
	d = opendir(p);
	if (!d) {
		int e = errno;

		free(p);
		return dd_error_set(err, e == ENOENT ? DD_ENOTFOUND : DD_ERROR,
				    dir, 0, 0, "cannot read folder: %s",
				    strerror(e));
	}
	while ((de = readdir(d))) {
		char *child;
		int type;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		child = malloc(strlen(p) + strlen(de->d_name) + 2);
		if (!child)
			goto oom;
		sprintf(child, "%s/%s", p, de->d_name);
		type = fs_type(child);
		free(child);
		if (!(type & (int)mask))
			continue;
		if (n + 2 > alloc) {
			size_t na = alloc ? alloc * 2 : 16;
			char **q = realloc(names, na * sizeof(*q));

			if (!q)
				goto oom;
			names = q;
			alloc = na;
		}
		if (!(names[n] = strdup(de->d_name)))
			goto oom;
		names[++n] = NULL;
	}
	closedir(d);
	free(p);
	if (!names && !(names = calloc(1, sizeof(*names))))
		return dd_error_oom(err);
	qsort(names, n, sizeof(*names), cmp_names);
	*out = names;
	*count = n;
	return 0;
oom:
	closedir(d);
	free(p);
	if (names) {
		names[n] = NULL;
		dd_source_names_free(names);
	}
	return dd_error_oom(err);
}
