/*
 * project.h - what a record is: the dialogues folder of a source, the kind
 * of every path in it, its series, the taxonomy each series reads, and the
 * rules that span the rounds of a series.  Every command asks here, so
 * that all of them give the same answer.
 *
 * Layout (docs/data.md):
 *
 *   DIR/taxonomy.json            the default taxonomy
 *   DIR/SERIES/series.json       a series folder is one that holds it
 *   DIR/SERIES/NAME.json         a round: any other *.json whose name does
 *                                not start with '.', except the file the
 *                                series names as its taxonomy
 *   anything else                not part of the record (DIR/schema/, ...)
 *
 * A series reads --taxonomy when given, else the file its series.json
 * names ("taxonomy", relative to the series folder), else
 * DIR/taxonomy.json.
 *
 * Ownership: a dd_project borrows its source (which must outlive it) and
 * copies its options' strings.  Taxonomies it returns belong to its cache
 * (its own, freed by dd_project_free, or a shared one); other results
 * belong to the caller.
 */
#ifndef DIALDIFF_PROJECT_H
#define DIALDIFF_PROJECT_H

#include <stddef.h>
#include "diag.h"
#include "error.h"
#include "series.h"
#include "source.h"
#include "taxonomy.h"

typedef enum dd_path_kind {
	DD_PATH_OTHER = 0,	/* not part of the record */
	DD_PATH_TAXONOMY,	/* the default taxonomy, or one a series reads */
	DD_PATH_SERIES,		/* a series.json */
	DD_PATH_ROUND		/* a round file */
} dd_path_kind;

/* The default dialogues folder. */
#define DD_PROJECT_DIR "dialogues"

/*
 * Taxonomies kept for several projects (the sides of a review or of a
 * log): one read from a commit is kept by blob id, so it is loaded once
 * however many commits hold it, and its rounds classify alike.  The cache
 * owns them; it must outlive the projects that use it.
 */
typedef struct dd_project_cache dd_project_cache;

dd_project_cache *dd_project_cache_new(void);	/* NULL: out of memory */
void dd_project_cache_free(dd_project_cache *c);

typedef struct dd_project_opts {
	const char *dir;	/* the dialogues folder (a source path); NULL:
				   DD_PROJECT_DIR */
	const char *taxonomy;	/* one taxonomy for every series, or NULL */
	size_t max_size;	/* cap per file; 0: DD_SOURCE_MAX_SIZE */
	int lazy;		/* compile patterns when a label needs them
				   (DD_TAXONOMY_LAZY) */
	dd_project_cache *cache;	/* where taxonomies are kept (borrowed);
					   NULL: the project's own */
} dd_project_opts;

typedef struct dd_project dd_project;

/* A project over src.  Does not look at the source: see dd_project_require. */
int dd_project_new(dd_project **out, dd_source *src,
		   const dd_project_opts *opts, dd_error *err);
void dd_project_free(dd_project *p);

/* The dialogues folder, normalized ("." for the top). */
const char *dd_project_dir(const dd_project *p);
dd_source *dd_project_source(const dd_project *p);

/*
 * 0 when the dialogues folder exists; else DD_ENOTFOUND with err saying
 * "no dialogues folder DIR ..." and how to name another (or DD_ENOMEM).
 */
int dd_project_require(dd_project *p, dd_error *err);

/* The kind of path (a source path), looking at the source as needed. */
dd_path_kind dd_project_kind(dd_project *p, const char *path);

/*
 * The series folders of the dialogues folder, as ids, sorted: folders with
 * a series.json; with lost set, also folders without one that hold a file
 * that reads as a round (a series that lost its series.json).  Hidden
 * folders and "schema" are never series.  Free with dd_source_names_free.
 * DD_ENOTFOUND (err as dd_project_require) when there is no folder.
 */
int dd_project_series(char ***out, size_t *count, dd_project *p, int lost,
		      dd_error *err);

/*
 * The path of the taxonomy the series in folder sdir reads (see above),
 * normalized; with sdir NULL, the one a round outside any series reads
 * (--taxonomy, else DIR/taxonomy.json).  Borrowed from the project; NULL
 * when memory runs out.
 */
const char *dd_project_taxonomy_path(dd_project *p, const char *sdir);

/*
 * The taxonomy at path, loaded once per file (by path in the working tree,
 * by blob id in a commit).  Its problems go to diags (may be NULL) the
 * first time it is asked for.  0 with *out set; a negative code with err
 * set when it is missing or broken (each time it is asked for).
 */
int dd_project_taxonomy(dd_taxonomy **out, dd_project *p, const char *path,
			dd_diags *diags, dd_error *err);

/*
 * The files of the record, in the order check reads them: the folder's
 * taxonomy.json, then for every series (or only the series only, when
 * given) the taxonomy its series.json names when that is another file,
 * its series.json and its round files.  Only files that exist, each once.
 * *out is NULL-terminated; free it with dd_source_names_free.
 * DD_ENOTFOUND (as dd_project_require) when there is no folder.
 */
int dd_project_files(char ***out, size_t *count, dd_project *p,
		     const char *only, dd_error *err);

/* The round files of series folder sdir (and its series.json when
 * present), as dd_project_files lists them. */
int dd_project_series_files(char ***out, size_t *count, dd_project *p,
			    const char *sdir, dd_error *err);

/*
 * Load the series in folder sdir (dd_series_load with the project's cap)
 * and apply the rules between its rounds (dd_project_series_rules).
 * diags and keep_going as for dd_series_load.
 */
int dd_project_load_series(dd_series **out, dd_project *p, const char *sdir,
			   dd_diags *diags, int keep_going, dd_error *err);

/*
 * The rules between the rounds of s, each reported once, to diags:
 * series-mismatch (a round names another series than its folder's),
 * round-duplicate, date-order (between rounds whose dates are valid),
 * round-gap (numbers missing before a round, naming them) and
 * round-file-number (the last number in a file's name is not its round).
 * With only (a path), just what concerns that file, held against the
 * rounds on both sides of it (for a round named on its own: the first of
 * two rounds with one number, and a date not before the next round's,
 * are then reported on it too).  Returns the number of errors added.
 */
size_t dd_project_series_rules(dd_diags *diags, const dd_series *s,
			       const char *only);

/*
 * The kind of a file from its content alone, for a file with no place in
 * a record (textconv's temporary file, a path outside the folder): an
 * object with "sections" and no "topics" is a taxonomy, one with "topics"
 * or "round" a round, one with "parties" or "title" and no "date" a
 * series; any other JSON DD_PATH_OTHER; -1 when it does not parse.
 */
int dd_project_sniff(const char *buf, size_t len);

/* ---- pure helpers: by place and name alone ---- */

/*
 * Where path lies in dialogues folder dir, by its place alone:
 * DIR/taxonomy.json is DD_PATH_TAXONOMY, DIR/S/series.json DD_PATH_SERIES,
 * DIR/S/NAME.json (S and NAME not hidden) DD_PATH_ROUND, anything else
 * DD_PATH_OTHER.  A round by place is one only when S holds a series.json
 * and NAME is not the series' taxonomy (dd_project_round_name).  When
 * sdir is given and the kind is SERIES or ROUND, *sdir gets "DIR/S"
 * (malloc'd; NULL when memory runs out).
 */
dd_path_kind dd_project_place(const char *dir, const char *path, char **sdir);

/*
 * 1 when file name of series folder sdir is a round file: a *.json not
 * hidden, not series.json, and not taxonomy (the normalized path of the
 * series' taxonomy, or NULL: then sdir is not read).
 */
int dd_project_round_name(const char *sdir, const char *name,
			  const char *taxonomy);

/*
 * The taxonomy path of a series in folder sdir of dialogues folder dir
 * whose series.json names member (NULL: none), normalized: member
 * relative to sdir, else DIR/taxonomy.json.  malloc'd; NULL when memory
 * runs out.
 */
char *dd_project_resolve_taxonomy(const char *dir, const char *sdir,
				  const char *member);

/*
 * The last run of digits in the file name of path, before ".json" (the
 * number rule round-file-number reads): a pointer into path, and *len its
 * length; NULL when the name has no digit.
 */
const char *dd_project_name_number(const char *path, size_t *len);

/*
 * A path normalized lexically: "a/./b" -> "a/b", "a/b/../c" -> "a/c", no
 * doubled or trailing slashes, "." for nothing; a leading "/" and leading
 * ".." are kept.  malloc'd; NULL when memory runs out.
 */
char *dd_path_normalize(const char *path);

#endif
