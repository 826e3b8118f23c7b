/*
 * source.h - where round files come from: the working tree, or a git
 * revision (read through libgit2 without a checkout).
 *
 * Every reader of files goes through a dd_source, so the rest of the
 * pipeline does not know whether bytes came from disk or from a blob.  Paths
 * are '/'-separated and relative to the source's root (the folder dialdiff
 * runs in, or the top of the repository).
 */
#ifndef DIALDIFF_SOURCE_H
#define DIALDIFF_SOURCE_H

#include <stddef.h>
#include "buf.h"
#include "error.h"
#include "git.h"

typedef struct dd_source dd_source;

/* Default cap on the size of one file: 16 MiB. */
#define DD_SOURCE_MAX_SIZE ((size_t)16 << 20)

/* A source over the file system; relative paths resolve against root. */
int dd_source_worktree(dd_source **out, const char *root, dd_error *err);

/*
 * A source over the tree of the commit that rev names in repo, read without
 * a checkout.  The repository is borrowed: it must outlive the source.
 * Paths are relative to the top of the repository.  Errors name the
 * revision as the user wrote it: "HEAD~1:dialogues/x.json: no such file in
 * HEAD~1".  Fails as dd_git_resolve does for an unknown, ambiguous or
 * unborn revision.
 */
int dd_source_git(dd_source **out, dd_git_repo *repo, const char *rev,
		  dd_error *err);
/* The same over a commit already resolved; name is used in messages (NULL:
 * the abbreviated id). */
int dd_source_git_commit(dd_source **out, dd_git_repo *repo,
			 const dd_oid *commit, const char *name,
			 dd_error *err);
void dd_source_free(dd_source *src);

/*
 * Read the file at path into out (replacing its content).  A missing file
 * is DD_ENOTFOUND; a file over max_size bytes (0: the default cap) is
 * DD_ETOOBIG; a folder or a FIFO is DD_ERROR; err names the path.
 */
int dd_source_read(dd_buf *out, dd_source *src, const char *path,
		   size_t max_size, dd_error *err);

enum { DD_SOURCE_FILE = 1, DD_SOURCE_DIR = 2 };

/*
 * List the entries of folder dir whose type is in mask (DD_SOURCE_FILE,
 * DD_SOURCE_DIR), sorted by name (bytewise), without "." and "..".  *out is
 * a NULL-terminated array the caller frees with dd_source_names_free.
 */
int dd_source_list(char ***out, size_t *count, dd_source *src,
		   const char *dir, unsigned mask, dd_error *err);
void dd_source_names_free(char **names);

/* DD_SOURCE_FILE, DD_SOURCE_DIR, 0 when path does not exist, or DD_ENOMEM
 * (negative) when memory runs out.  A path that cannot be looked up (a
 * corrupt git tree) counts as absent, and the source keeps the first such
 * failure for dd_source_fault. */
int dd_source_type(dd_source *src, const char *path);
/* The first lookup dd_source_type could not make, or NULL: a caller that
 * found nothing where something should be asks this before saying so. */
const dd_error *dd_source_fault(const dd_source *src);

/*
 * 1 when path (normalized, relative to src's root) stays inside the root:
 * not absolute, no leading "..", and in the working tree, where symbolic
 * links are followed, its real path (when it exists) under the root's.  At
 * a revision links are never followed, so the lexical test is all (src
 * may be NULL for a revision read without a source).
 */
int dd_source_contains(const dd_source *src, const char *path);

/*
 * path as git names a file at a revision, "REV:PATH" (the revision as the
 * user named it), when src reads one and path does not say so yet; else
 * path.  Into buf; returns buf.  For messages: diagnostics (check's
 * output, annotations) keep plain paths.
 */
const char *dd_source_name(char *buf, size_t size, const dd_source *src,
			   const char *path);

/* "dir/name" as a new string (free() it), with no doubled '/'; dir may be
 * "" (then a copy of name).  NULL when memory runs out. */
char *dd_path_join(const char *dir, const char *name);

/* Where path of a working-tree source lies in the file system (root/path),
 * for writing it: malloc'd; NULL for a git source, or when memory runs
 * out. */
char *dd_source_fs_path(const dd_source *src, const char *path);

/* The commit id (40 hex) the source reads, or NULL for the working tree. */
const char *dd_source_rev(const dd_source *src);
/* The revision as named by the user (or the abbreviated id), or NULL for
 * the working tree. */
const char *dd_source_rev_name(const dd_source *src);

/* " in REV" (the revision as named) into buf, or "" for the working
 * tree: for messages about what a source holds.  Returns buf. */
const char *dd_source_at(char *buf, size_t size, const dd_source *src);

/*
 * The git object id of the file at path (a git source only): 0 and *id set,
 * DD_ENOTFOUND when there is no such file, DD_EUSAGE for a working-tree
 * source.  Lets callers cache what they parse by content.
 */
int dd_source_blob_id(dd_oid *id, dd_source *src, const char *path,
		      dd_error *err);

#endif
