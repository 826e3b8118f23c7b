/*
 * git.h - the repository, read through libgit2 without a checkout.
 *
 * The only module that includes libgit2.  Everything the rest of dialdiff
 * needs from git goes through the plain C interface below: repository
 * discovery, revisions, trees and blobs, commits, history walks, changes
 * between trees, merge bases and the local configuration.
 *
 * Ownership: a dd_git_repo is opened by dd_git_open and freed by
 * dd_git_free, after everything made from it (walks).  Strings returned by
 * value (const char *) are borrowed from the repository; arrays and records
 * returned through out parameters belong to the caller and have their own
 * free function.  Object ids are plain 20-byte values (dd_oid), copied
 * freely.
 *
 * Errors: 0 or a negative DD_E* code with the dd_error filled.  Unknown
 * revisions and missing paths are DD_ENOTFOUND, a short id that matches
 * several objects DD_EAMBIGUOUS, anything else from libgit2 DD_EGIT.  The
 * error's file names what was asked for ("REV", "REV:PATH") so that the CLI
 * prints "dialdiff: REV:PATH: message".
 */
#ifndef DIALDIFF_GIT_H
#define DIALDIFF_GIT_H

#include <stddef.h>
#include "buf.h"
#include "error.h"

#define DD_OID_RAWSZ 20
#define DD_OID_HEXSZ 40

typedef struct dd_oid {
	unsigned char id[DD_OID_RAWSZ];
} dd_oid;

/* 40 lower-case hex digits and a NUL into out. */
void dd_oid_fmt(char out[DD_OID_HEXSZ + 1], const dd_oid *id);
int dd_oid_equal(const dd_oid *a, const dd_oid *b);
/* 1 for the all-zero id (git's "no object"). */
int dd_oid_is_zero(const dd_oid *id);

typedef struct dd_git_repo dd_git_repo;

/*
 * Discover the repository upward from the current directory, as git does,
 * honouring GIT_DIR and GIT_CEILING_DIRECTORIES.  Initialises libgit2 (the
 * matching shutdown is in dd_git_free).  DD_ENOTFOUND when there is no
 * repository; a repository owned by another user is DD_EGIT with a message
 * that names the safe.directory command to run.
 */
int dd_git_open(dd_git_repo **out, dd_error *err);
void dd_git_free(dd_git_repo *repo);

/*
 * The work tree around the current folder, found without libgit2 (whose
 * start-up, parsing the system's CA certificates, is most of a short
 * command's time) in the plain case only: a `.git` folder, or a `gitdir:`
 * file, here or in a folder above on the same file system, owned by the
 * user as is that folder, whose config sets neither core.bare nor
 * core.worktree, and no GIT_* variable that changes discovery.  1 with
 * *top (absolute, ending in '/') and *prefix (as dd_git_prefix), both
 * malloc'd; 0 when only dd_git_open can tell; DD_ENOMEM.
 */
int dd_git_find_worktree(char **top, char **prefix);

/*
 * A second handle on the repository of r, for another thread (libgit2
 * objects are used from one thread at a time; the object database behind
 * two handles may be read from two threads at once).  Free it with
 * dd_git_free.  Only reads of objects (dd_git_read_blob) are meant.
 */
int dd_git_reopen(dd_git_repo **out, const dd_git_repo *r, dd_error *err);

/* The top of the work tree (absolute, ending in '/'), or NULL when bare. */
const char *dd_git_workdir(const dd_git_repo *repo);
/* The git folder (absolute, ending in '/'). */
const char *dd_git_dir(const dd_git_repo *repo);
/*
 * The current folder relative to the top of the work tree: "" at the top
 * (and in a bare repository, or outside the work tree), else "a/b/".
 */
const char *dd_git_prefix(const dd_git_repo *repo);
int dd_git_is_bare(const dd_git_repo *repo);
int dd_git_is_shallow(dd_git_repo *repo);
/* 1 when HEAD names a branch without commits (a new repository). */
int dd_git_head_unborn(dd_git_repo *repo);
/*
 * 1 when the index or the work tree differs from HEAD at path ('/'-
 * separated, relative to the top of the work tree: a file, or a folder
 * and all below it; "" for the whole tree), untracked files included and
 * ignored ones not, as `git status` would show; 0 when it does not;
 * negative on error.  A bare repository is never modified.
 */
int dd_git_modified(dd_git_repo *repo, const char *path, dd_error *err);

/*
 * Resolve rev (any git revision expression libgit2 accepts: names, short
 * ids, HEAD~2, tags) to a commit.  An unborn HEAD is DD_ENOTFOUND with a
 * message that says the repository has no commits yet.
 */
int dd_git_resolve(dd_oid *out, dd_git_repo *repo, const char *rev,
		   dd_error *err);
/* The root tree of a commit. */
int dd_git_commit_tree(dd_oid *out, dd_git_repo *repo, const dd_oid *commit,
		       dd_error *err);

enum { DD_GIT_NONE = 0, DD_GIT_BLOB = 1, DD_GIT_TREE = 2 };

/*
 * What path ('/'-separated, relative to the root of tree; "" is the tree
 * itself) names in tree: *type is DD_GIT_BLOB, DD_GIT_TREE, or DD_GIT_NONE
 * when there is no such entry (or it is a submodule or a symbolic link);
 * *id (may be NULL) gets its id.  Returns 0 unless git fails.
 */
int dd_git_entry(dd_oid *id, int *type, dd_git_repo *repo, const dd_oid *tree,
		 const char *path, dd_error *err);

/* Read a blob into out (replacing its content); blobs over max_size bytes
 * (0: no cap) are DD_ERROR. */
int dd_git_read_blob(dd_buf *out, dd_git_repo *repo, const dd_oid *blob,
		     size_t max_size, dd_error *err);

/*
 * The entries of folder dir of tree whose type is in mask (DD_GIT_BLOB,
 * DD_GIT_TREE), sorted bytewise by name; *out is NULL-terminated, every
 * string and the array malloc'd (free each, then the array).  A missing
 * folder is DD_ENOTFOUND, a file DD_ERROR.
 */
int dd_git_list(char ***out, size_t *count, dd_git_repo *repo,
		const dd_oid *tree, const char *dir, unsigned mask,
		dd_error *err);

/* A commit, as `git log` shows it. */
typedef struct dd_git_commit {
	dd_oid id;
	dd_oid tree;
	dd_oid *parents;	/* malloc'd */
	size_t nparents;
	char *author_name, *author_email;
	long long time;		/* author time, seconds since the epoch */
	int offset;		/* the author's time zone, minutes east of UTC */
	char *subject;		/* the first paragraph of the message, on one line */
} dd_git_commit;

int dd_git_commit_load(dd_git_commit *out, dd_git_repo *repo,
		       const dd_oid *id, dd_error *err);
void dd_git_commit_release(dd_git_commit *c);

/*
 * The best common ancestor of a and b.  DD_ENOTFOUND when they share no
 * history; in a shallow clone DD_EGIT with the advice to fetch all of it.
 */
int dd_git_merge_base(dd_oid *out, dd_git_repo *repo, const dd_oid *a,
		      const dd_oid *b, dd_error *err);

/* A history walk, newest first (topological, then by commit time). */
typedef struct dd_git_walk dd_git_walk;

/*
 * Walk the commits reachable from the ids in include but not from those in
 * exclude; with first_parent, follow only the first parent of merges.  In a
 * shallow clone this fails (DD_EGIT): libgit2 1.5 cannot walk shallow
 * history; the message says to run `git fetch --unshallow`.
 */
int dd_git_walk_new(dd_git_walk **out, dd_git_repo *repo,
		    const dd_oid *include, size_t ninclude,
		    const dd_oid *exclude, size_t nexclude, int first_parent,
		    dd_error *err);
/* The next commit: 0, 1 at the end, or a negative code. */
int dd_git_walk_next(dd_oid *out, dd_git_walk *walk, dd_error *err);
void dd_git_walk_free(dd_git_walk *walk);

/* How a file differs between two sides. */
typedef enum dd_git_status {
	DD_GIT_ADDED = 'A',
	DD_GIT_DELETED = 'D',
	DD_GIT_MODIFIED = 'M',
	DD_GIT_RENAMED = 'R'
} dd_git_status;

typedef struct dd_git_change {
	dd_git_status status;
	char *old_path;		/* NULL for added */
	char *new_path;		/* NULL for deleted */
	dd_oid old_id;		/* zero for added */
	dd_oid new_id;		/* zero for deleted, and in the working tree */
} dd_git_change;

/*
 * The files that differ between two trees (either may be NULL: the empty
 * tree), with renames detected (by content similarity, as git does).
 * Paths in the trees are prefixed with base (e.g. "dialogues/" when the
 * trees are that folder's; "" for root trees).  Files whose content is the
 * same (a mode change) are left out.  Sorted by path.  Free with
 * dd_git_changes_free.
 */
int dd_git_diff_trees(dd_git_change **out, size_t *count, dd_git_repo *repo,
		      const dd_oid *old_tree, const dd_oid *new_tree,
		      const char *base, dd_error *err);

/*
 * The files under folder dir (relative to the top) that differ between
 * tree (a root tree; NULL: empty) and the working tree, untracked files
 * included (ignored ones not), renames detected.  DD_EUSAGE in a bare
 * repository.
 */
int dd_git_diff_workdir(dd_git_change **out, size_t *count, dd_git_repo *repo,
			const dd_oid *tree, const char *dir, dd_error *err);
void dd_git_changes_free(dd_git_change *changes, size_t count);

/*
 * The value of configuration key (e.g. "dialdiff.dir") as git reads it:
 * the repository's config, then the global, XDG and system ones (repo
 * NULL: those three).  1 with *out malloc'd, 0 when it is not set, or a
 * negative code.
 */
int dd_git_config_get(char **out, dd_git_repo *repo, const char *key,
		      dd_error *err);

/* One key of the configuration, for dd_git_config_read. */
typedef struct dd_git_setting {
	const char *key;	/* in: "dialdiff.lang" (borrowed) */
	char *value;		/* out: malloc'd; NULL when not set, or set
				   with no value ("[dialdiff] color": a
				   boolean's true, as git reads it) */
	int set;		/* out: 1 when the key is set */
	const char *origin;	/* out: where it is set, for messages:
				   ".git/config", "~/.gitconfig", ...
				   (static) */
} dd_git_setting;

/*
 * The values of n keys, all from one snapshot of the configuration (one
 * open), each as dd_git_config_get reads it: the last value of the
 * highest level that sets it.  The number of keys set, or a negative
 * code (then nothing is set).  Release with dd_git_settings_release.
 */
int dd_git_config_read(dd_git_setting *settings, size_t n, dd_git_repo *repo,
		       dd_error *err);
void dd_git_settings_release(dd_git_setting *settings, size_t n);

/*
 * 0 when no configuration file git reads for the work tree at top (as
 * dd_git_find_worktree gives it) can set a key of section: none mentions
 * the section or includes another file; else 1 (also when only libgit2
 * can tell).  Lets a short command skip opening the repository.
 */
int dd_git_config_may_set(const char *top, const char *section);

/* Set key to value in the repository's own configuration (.git/config). */
int dd_git_config_set(dd_git_repo *repo, const char *key, const char *value,
		      dd_error *err);

/*
 * git's own line-based three-way merge of a text: ours and theirs, two
 * versions of base, into out (its content replaced); what both sides
 * changed differently is left between the lines "<<<<<<< ours",
 * "=======" and ">>>>>>> theirs", and *conflicts is then 1 (else 0).
 * Binary content is not merged: out gets ours, *conflicts 1.  No
 * repository needed.  0 or a negative code (DD_EGIT, DD_ENOMEM).
 */
int dd_git_merge_file(dd_buf *out, int *conflicts, const char *base,
		      size_t nbase, const char *ours, size_t nours,
		      const char *theirs, size_t ntheirs, dd_error *err);

#endif
