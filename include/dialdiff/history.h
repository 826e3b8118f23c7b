/*
 * history.h - semantic changes to round files between two revisions
 * (review) and along the history (log).
 *
 * On top of the git module and the loaders: for every round file that
 * differs between two sides (a commit, or the working tree) the file's
 * status and the semantic diff of its two versions.  A round file is a
 * *.json file (other than series.json) directly inside a series folder
 * DIALOGUES/SERIES/ that holds a series.json.
 *
 * Classification: both versions of a file are classified with the
 * taxonomy of the newer side (the older side's when the file was deleted):
 * the series' own taxonomy when its series.json names one, else
 * DIALOGUES/taxonomy.json, unless the caller gives a taxonomy to use
 * everywhere.  An added or deleted file is compared with an empty round
 * (path NULL, no sections): every topic shows as added or dropped.
 *
 * Caching: a dd_history parses each blob once (by object id and taxonomy),
 * each taxonomy once (by object id), and remembers the id of the dialogues
 * folder of each commit it has seen, so a walk over n commits reads each
 * tree once and skips, without diffing, every commit whose dialogues
 * folder is the same as its parent's.  A log that hands each commit to a
 * callback (dd_log_opts.each) keeps only the most recently parsed rounds
 * (a blob is parsed again only if it comes back after hundreds of others),
 * so its memory does not grow with the length of the history; it frees
 * the others, so no review or log of the same history may be kept across
 * it.
 *
 * Ownership: a dd_history borrows its repository (which must outlive it)
 * and owns its caches.  A dd_review or dd_log borrows rounds and
 * taxonomies from the history that made it: free it (dd_review_free,
 * dd_log_free) before the history.
 */
#ifndef DIALDIFF_HISTORY_H
#define DIALDIFF_HISTORY_H

#include <stddef.h>
#include "arena.h"
#include "diff.h"
#include "error.h"
#include "git.h"
#include "round.h"
#include "taxonomy.h"

typedef enum dd_file_status {
	DD_FILE_ADDED = 0,
	DD_FILE_DELETED,
	DD_FILE_MODIFIED,
	DD_FILE_RENAMED,
	DD_FILE_RECLASSIFIED	/* unchanged, but its series' taxonomy changed:
				   from is the round as the old taxonomy
				   reads it, to as the new one does */
} dd_file_status;

/* "added", "deleted", "modified", "renamed", "reclassified"; "?" for others. */
const char *dd_file_status_name(dd_file_status status);

typedef struct dd_file_change {
	const char *path;	/* the file (its new path when renamed) */
	const char *old_path;	/* the old path when renamed, else NULL */
	dd_file_status status;
	/* The two versions, NULL where a version does not parse; the missing
	   side of a deleted file is an empty round (path NULL).  An added
	   round is compared with the round before it in its series on the
	   same side (baseline set; from is that round), else with an empty
	   round. */
	const dd_round *from, *to;
	int baseline;
	dd_diff *diff;		/* NULL when a version does not parse */
	const char *error;	/* then why: "REV:PATH:LINE:COL: message" */
} dd_file_change;

/*
 * A taxonomy that differs between the two sides, as the series of the
 * folder read it: its entries, as "SECTION/ENTRY", that are new, gone,
 * renamed (same id, another name) or matched by other patterns.
 */
typedef struct dd_taxonomy_change {
	const char *path;	/* the taxonomy of the newer side */
	const char **added, **removed, **renamed, **repatterned;
	size_t nadded, nremoved, nrenamed, nrepatterned;
} dd_taxonomy_change;

/* What changed between two sides. */
typedef struct dd_review {
	dd_arena arena;
	const char *from_rev;	/* 40 hex */
	const char *to_rev;	/* 40 hex, or NULL for the working tree */
	dd_file_change *files;	/* sorted by path */
	size_t nfiles;
	dd_taxonomy_change *taxonomies;	/* read by a series on both sides */
	size_t ntaxonomies;
	void *priv;
} dd_review;

typedef struct dd_log_commit {
	const char *id;		/* 40 hex */
	const char **parents;	/* 40 hex each */
	size_t nparents;
	const char *author_name, *author_email;
	const char *date;	/* author date, ISO 8601: 2020-01-31T12:00:00+01:00 */
	const char *subject;
	dd_file_change *files;	/* none for a merge shown without a diff */
	size_t nfiles;
	dd_taxonomy_change *taxonomies;	/* as in dd_review */
	size_t ntaxonomies;
} dd_log_commit;

/* The commits that changed round files, newest first. */
typedef struct dd_log {
	dd_arena arena;
	dd_log_commit *commits;	/* NULL when they went to dd_log_opts.each */
	size_t ncommits;	/* commits listed */
	size_t walked;		/* commits looked at */
	void *priv;
} dd_log;

typedef struct dd_history dd_history;

typedef struct dd_history_opts {
	const char *dialogues;	/* the dialogues folder from the top: "dialogues" */
	dd_taxonomy *taxonomy;	/* use this taxonomy everywhere (borrowed), or NULL */
	size_t max_size;	/* cap on one file, 0: DD_SOURCE_MAX_SIZE */
	/* Only files at or under one of these top-relative paths (none: all). */
	const char *const *paths;
	size_t npaths;
} dd_history_opts;

/* opts is copied (its strings are borrowed: they must outlive h). */
int dd_history_new(dd_history **out, dd_git_repo *repo,
		   const dd_history_opts *opts, dd_error *err);
void dd_history_free(dd_history *h);

/*
 * 0 when the dialogues folder exists in commit (NULL: the working tree);
 * else DD_ENOTFOUND with err saying so (name: the revision as the user
 * wrote it), or another negative code.  A review or log that never finds
 * the folder must not say "nothing changed".
 */
int dd_history_require(dd_history *h, const dd_oid *commit, const char *name,
		       dd_error *err);

/*
 * The round files that differ between commit from and commit to (NULL: the
 * working tree, untracked files included), with renames.  A file whose
 * version does not parse gets an error instead of a diff; that is not a
 * failure of the call.
 */
int dd_history_review(dd_review **out, dd_history *h, const dd_oid *from,
		      const dd_oid *to, dd_error *err);
void dd_review_free(dd_review *r);

typedef struct dd_log_opts {
	const dd_oid *include;	/* walk from these commits */
	size_t ninclude;
	const dd_oid *exclude;	/* and not past these */
	size_t nexclude;
	size_t max_count;	/* show at most this many commits; 0: all */
	int first_parent;	/* follow first parents; diff merges against theirs */
	/* Called every so many commits walked (may be NULL). */
	void (*progress)(void *data, size_t walked, size_t shown);
	void *progress_data;
	/*
	 * When set, each listed commit is passed here as soon as it is
	 * known (index counts from 0), and freed when the call returns:
	 * the log keeps only the count.  A negative return (with err
	 * filled) stops the walk and is returned.
	 */
	int (*each)(void *data, const dd_log_commit *c, size_t index,
		    dd_error *err);
	void *each_data;
} dd_log_opts;

/*
 * The commits that changed round files, newest first, as `git log
 * --full-history -- DIALOGUES` lists them: a commit is compared with its
 * first parent (a root commit with the empty tree); a merge is listed,
 * without a diff, only when its dialogues folder differs from that of every
 * parent, unless first_parent is set (then it is diffed against its first
 * parent, like any commit).  Fails in a shallow clone (see
 * dd_git_walk_new).
 */
int dd_history_log(dd_log **out, dd_history *h, const dd_log_opts *opts,
		   dd_error *err);
void dd_log_free(dd_log *log);

#endif
