/*
 * check.h - consistency checks over a dialogues folder or named files, for
 * CI: every problem of every file, in one run, each with its rule id, file,
 * line and column.
 *
 * A check walks the dialogues folder through a dd_project (which files
 * are what, which taxonomy each series reads): the taxonomy, then every
 * series folder (series.json and every round file), loading with
 * keep-going so that a broken file is a diagnostic and the next file is
 * still checked.  Rounds are classified against their taxonomy; when the
 * taxonomy itself is broken, its problems are reported and the rounds are
 * checked for everything that does not need it.  Named files are checked
 * one by one, with the same rules: a round in a series folder is also
 * checked against its siblings there (dd_project_series_rules).
 *
 * The rule catalogue (dd_rules) is the one list of rule ids: every
 * diagnostic the library emits names one of them, docs/rules.md documents
 * each, and the SARIF format lists them.
 *
 * Ownership: a dd_check borrows its source and copies its options'
 * strings; the diagnostics and the file list it returns belong to it and
 * live until dd_check_free.
 */
#ifndef DIALDIFF_CHECK_H
#define DIALDIFF_CHECK_H

#include <stddef.h>
#include "diag.h"
#include "error.h"
#include "source.h"

/* One rule of the catalogue. */
typedef struct dd_rule {
	const char *id;		/* stable, e.g. "date-order" */
	dd_severity severity;	/* the severity its diagnostics have */
	const char *summary;	/* one line, for SARIF's shortDescription */
} dd_rule;

/* The catalogue, in the order of docs/rules.md; dd_nrules entries. */
extern const dd_rule dd_rules[];
extern const size_t dd_nrules;

/* Index of the rule called id in dd_rules, or -1. */
int dd_rule_index(const char *id);

typedef struct dd_check_opts {
	const char *dialogues;	/* the dialogues folder; NULL: "dialogues" */
	const char *taxonomy;	/* a taxonomy for every round, or NULL */
	const char *series;	/* only this series id (folder), or NULL */
	size_t max_size;	/* cap per file in bytes; 0: DD_SOURCE_MAX_SIZE */
} dd_check_opts;

typedef struct dd_check dd_check;

/* A new, empty check over src (borrowed; it must outlive the check). */
int dd_check_new(dd_check **out, dd_source *src, const dd_check_opts *opts,
		 dd_error *err);
void dd_check_free(dd_check *c);

/*
 * Check the whole dialogues folder: its taxonomy.json (or opts->taxonomy),
 * and every series folder in it (or only opts->series).  Problems in the
 * data are diagnostics, never failures.  Returns 0; DD_ENOTFOUND when the
 * folder, or the series asked for, does not exist (check cannot run); or
 * DD_ENOMEM.
 */
int dd_check_dialogues(dd_check *c, dd_error *err);

/*
 * Check one named path: a round file, a series.json, a taxonomy (a JSON
 * object with "sections" and no "topics"), a series folder (one that holds
 * a series.json) or a dialogues folder.  A path that cannot be read is a
 * diagnostic (rule file or file-size).  Returns 0 or DD_ENOMEM.
 *
 * A named round is classified with opts->taxonomy, else its series'
 * taxonomy, else the taxonomy.json of the folder above its series folder
 * (or of opts->dialogues when it is in no series folder).
 */
int dd_check_path(dd_check *c, const char *path, dd_error *err);

/*
 * The diagnostics so far, sorted: file after file in the order the files
 * were checked, then by line and column; identical diagnostics (a file
 * checked twice) are reported once.
 */
const dd_diags *dd_check_diags(dd_check *c);

/* Every file checked, in order (each once).  *n gets the count. */
const char *const *dd_check_files(const dd_check *c, size_t *n);

#endif
