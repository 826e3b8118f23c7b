/*
 * source.c - reading files from the working tree, or from the tree of a
 * git commit (through the git module, without a checkout).
 */
/* realpath(3) is XSI */
#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dialdiff/source.h"

/* The git module's entry types are the source's. */
typedef char dd_source_types_agree[((int)DD_SOURCE_FILE == (int)DD_GIT_BLOB &&
				    (int)DD_SOURCE_DIR == (int)DD_GIT_TREE) ? 1 : -1];

struct dd_source {
	char *root;		/* prefix for relative paths, "" for none */
	char *rev;		/* NULL: working tree; else the commit, 40 hex */
	char *rev_name;		/* the revision as the user named it */
	dd_git_repo *repo;	/* borrowed; NULL for the working tree */
	dd_oid tree;		/* the commit's root tree */
	dd_error fault;		/* the first read dd_source_type could not
				   report (fault.code 0: none) */
};

int dd_source_worktree(dd_source **out, const char *root, dd_error *err)
{
	dd_source *s = calloc(1, sizeof(*s));

	*out = NULL;
	if (!s || !(s->root = strdup(root && *root ? root : ""))) {
		free(s);
		return dd_error_oom(err);
	}
	*out = s;
	return 0;
}

int dd_source_git_commit(dd_source **out, dd_git_repo *repo,
			 const dd_oid *commit, const char *name,
			 dd_error *err)
{
	char hex[DD_OID_HEXSZ + 1];
	dd_source *s;
	int rc;

	*out = NULL;
	dd_oid_fmt(hex, commit);
	s = calloc(1, sizeof(*s));
	if (!s || !(s->root = strdup("")) || !(s->rev = strdup(hex)) ||
	    !(s->rev_name = name ? strdup(name) : strndup(hex, 7))) {
		dd_source_free(s);
		return dd_error_oom(err);
	}
	s->repo = repo;
	rc = dd_git_commit_tree(&s->tree, repo, commit, err);
	if (rc < 0) {
		dd_source_free(s);
		return rc;
	}
	*out = s;
	return 0;
}

int dd_source_git(dd_source **out, dd_git_repo *repo, const char *rev,
		  dd_error *err)
{
	dd_oid commit;
	int rc;

	*out = NULL;
	rc = dd_git_resolve(&commit, repo, rev, err);
	if (rc < 0)
		return rc;
	return dd_source_git_commit(out, repo, &commit, rev, err);
}

void dd_source_free(dd_source *src)
{
	if (!src)
		return;
	free(src->root);
	free(src->rev);
	free(src->rev_name);
	free(src);
}

const dd_error *dd_source_fault(const dd_source *src)
{
	return src->fault.code ? &src->fault : NULL;
}

const char *dd_source_rev(const dd_source *src)
{
	return src->rev;
}

const char *dd_source_rev_name(const dd_source *src)
{
	return src->rev_name;
}

const char *dd_source_name(char *buf, size_t size, const dd_source *src,
			   const char *path)
{
	size_t n = src && src->rev ? strlen(src->rev_name) : 0;

	if (!n || !*path ||
	    (!strncmp(path, src->rev_name, n) && path[n] == ':'))
		snprintf(buf, size, "%s", path);
	else
		snprintf(buf, size, "%s:%s", src->rev_name, path);
	return buf;
}

int dd_source_contains(const dd_source *src, const char *path)
{
	char joined[PATH_MAX], real[PATH_MAX], top[PATH_MAX];
	size_t n;

	if (path[0] == '/' || !strcmp(path, "..") || !strncmp(path, "../", 3))
		return 0;
	if (!src || src->rev)
		return 1;
	if (snprintf(joined, sizeof(joined), "%s%s%s", src->root,
		     *src->root ? "/" : "", path) >= (int)sizeof(joined))
		return 0;
	if (!realpath(joined, real))
		return 1;	/* nothing there: reading it says so */
	if (!realpath(*src->root ? src->root : ".", top))
		return 0;
	n = strlen(top);
	return !strncmp(real, top, n) &&
	       (real[n] == '/' || real[n] == '\0' || n == 1);
}

/* Name path in err (may be NULL) as git names a file at a revision:
 * "REV:PATH". */
static void at_rev(dd_error *err, const dd_source *src, const char *path)
{
	if (err)
		snprintf(err->file, sizeof(err->file), "%s:%s", src->rev_name,
			 path);
}

/* What path is at the source's commit; *type DD_GIT_*. */
static int git_entry(dd_oid *id, int *type, dd_source *src, const char *path,
		     dd_error *err)
{
	int rc = dd_git_entry(id, type, src->repo, &src->tree, path, err);

	if (rc < 0)
		at_rev(err, src, path);
	return rc;
}

int dd_source_blob_id(dd_oid *id, dd_source *src, const char *path,
		      dd_error *err)
{
	int type, rc;

	if (!src->repo)
		return dd_error_set(err, DD_EUSAGE, path, 0, 0,
				    "not read from a git revision");
	if ((rc = git_entry(id, &type, src, path, err)) < 0)
		return rc;
	if (type == DD_GIT_TREE)
		rc = dd_error_set(err, DD_ERROR, NULL, 0, 0,
				  "is a folder, not a file");
	else if (type != DD_GIT_BLOB)
		rc = dd_error_set(err, DD_ENOTFOUND, NULL, 0, 0,
				  "no such file in %s", src->rev_name);
	if (rc < 0)
		at_rev(err, src, path);
	return rc;
}

static int git_read(dd_buf *out, dd_source *src, const char *path,
		    size_t max_size, dd_error *err)
{
	dd_oid id;
	int rc = dd_source_blob_id(&id, src, path, err);

	if (rc == 0 && (rc = dd_git_read_blob(out, src->repo, &id, max_size,
					      err)) < 0)
		at_rev(err, src, path);
	return rc;
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

char *dd_source_fs_path(const dd_source *src, const char *path)
{
	return src->repo ? NULL : fs_path(src, path);
}

int dd_source_read(dd_buf *out, dd_source *src, const char *path,
		   size_t max_size, dd_error *err)
{
	char *p;
	int rc;

	if (src->repo)
		return git_read(out, src, path,
				max_size ? max_size : DD_SOURCE_MAX_SIZE, err);
	p = fs_path(src, path);
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
	char *p;
	int rc;

	if (src->repo) {
		dd_error e;
		int type;

		if (git_entry(NULL, &type, src, path, &e) < 0) {
			if (e.code == DD_ENOMEM)
				return DD_ENOMEM;
			if (!src->fault.code)
				src->fault = e;
			return 0;
		}
		return type == DD_GIT_TREE ? DD_SOURCE_DIR :
		       type == DD_GIT_BLOB ? DD_SOURCE_FILE : 0;
	}
	p = fs_path(src, path);
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
	if (src->repo) {
		int rc = dd_git_list(out, count, src->repo, &src->tree, dir,
				     mask, err);

		free(p);
		if (rc < 0)
			at_rev(err, src, dir);
		if (rc == DD_ENOTFOUND && err)
			snprintf(err->message, sizeof(err->message),
				 "no such folder in %s", src->rev_name);
		return rc;
	}
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
		if (!(child = dd_path_join(p, de->d_name)))
			goto oom;
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
	dd_source_names_free(names);
	return dd_error_oom(err);
}

char *dd_path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s%s%s", dir,
			 *dir && dir[strlen(dir) - 1] != '/' ? "/" : "", name);
	return p;
}

const char *dd_source_at(char *buf, size_t size, const dd_source *src)
{
	if (src->rev_name)
		snprintf(buf, size, " in %s", src->rev_name);
	else if (size)
		buf[0] = '\0';
	return buf;
}
