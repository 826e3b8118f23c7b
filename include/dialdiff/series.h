/*
 * series.h - a series: its series.json and all its rounds, in round order.
 *
 * Layout: DIALOGUES/<series-id>/series.json and any number of round files
 * (which files are rounds: project.h).  The round number inside a file is
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
	size_t nunplaced;	/* round files that could not be read, or
				   hold no usable round number */
} dd_series;

/*
 * Load the series in folder dir (e.g. "dialogues/us-china"): its
 * series.json and every round file in it (dd_project_round_name; taxonomy
 * is the normalized path of the series' taxonomy, never read as a round,
 * or NULL).  Round files that fail to load are reported in diags and make
 * the call fail with the first error, unless diags is given and
 * keep_going is set, in which case they are skipped (a round that parsed
 * and has a usable number is kept, problems and all) and an unreadable
 * series.json does not stop the rounds from being loaded; the call then
 * returns DD_ERROR with *out set.  A file over max_size bytes is rule
 * file-size; another unreadable round file is rule file, an unreadable
 * series.json rule series-file.  The rules between rounds are the
 * project's (dd_project_load_series).
 */
int dd_series_load(dd_series **out, dd_source *src, const char *dir,
		   const char *taxonomy, size_t max_size, dd_diags *diags,
		   int keep_going, dd_error *err);
void dd_series_free(dd_series *s);

/* The round with this number, or NULL. */
dd_round *dd_series_round(const dd_series *s, long long number);

#endif
