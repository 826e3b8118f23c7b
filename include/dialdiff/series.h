/*
 * series.h - a series: its series.json and all its rounds, in round order.
 *
 * Layout: DIALOGUES/<series-id>/series.json and any number of round files
 * (every other *.json in that folder).  The round number inside a file is
 * authoritative; file names are free.
 *
 * series.json: { "schema_version": 1, "id": "...",
 *                "title": {"en": "...", "zh": "..."},
 *                "parties": [ {"id": "...", "name": {"en", "zh"}} ],
 *                "taxonomy": "optional path relative to the series folder" }
 */
#ifndef DIALDIFF_SERIES_H
#define DIALDIFF_SERIES_H

#include <stddef.h>
#include "arena.h"
#include "diag.h"
#include "error.h"
#include "round.h"
#include "source.h"
#include "text.h"

typedef struct dd_party {
	const char *id;
	dd_text name;
} dd_party;

typedef struct dd_series {
	dd_arena arena;
	const char *id;
	const char *dir;	/* the series folder, as given */
	const char *path;	/* its series.json */
	dd_text title;
	dd_party *parties;
	size_t nparties;
	const char *taxonomy;	/* its taxonomy path, relative to the series folder, or NULL */
	dd_round **rounds;	/* owned; sorted by round number */
	size_t nrounds;
} dd_series;

/*
 * Load the series in folder dir (e.g. "dialogues/us-china").  Round files
 * that fail to load are reported in diags and make the call fail with the
 * first error, unless diags is given and keep_going is set, in which case
 * they are skipped (a round that parsed and has a usable number is kept,
 * problems and all) and an unreadable series.json does not stop the
 * rounds from being loaded; the call then returns DD_ERROR with *out set.
 * A file over max_size bytes is rule file-size; another unreadable round
 * file is rule file, an unreadable series.json rule series-file.  Two rounds with the same number, and a round whose
 * "series" is not the folder's name, are errors (rules round-duplicate,
 * series-mismatch); dates that do not increase with the round number are
 * errors (rule date-order).
 */
int dd_series_load(dd_series **out, dd_source *src, const char *dir,
		   size_t max_size, dd_diags *diags, int keep_going,
		   dd_error *err);
void dd_series_free(dd_series *s);

/*
 * 1 when a file called name in a series folder is a round file: a *.json
 * other than series.json, not hidden.
 */
int dd_series_is_round_file(const char *name);

/* The round with this number, or NULL. */
dd_round *dd_series_round(const dd_series *s, long long number);

/*
 * The series folders under dialogues (folders that hold a series.json),
 * sorted by name.  Free with dd_source_names_free.
 */
int dd_series_list(char ***out, size_t *count, dd_source *src,
		   const char *dialogues, dd_error *err);

#endif
