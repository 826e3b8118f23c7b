/*
 * timeline.h - presence of every topic across all rounds of a series.
 *
 * For each section (taxonomy order, then unknown sections): one row per key
 * present in at least one round (taxonomy entry order, then unclassified
 * keys by first appearance), with the item of each round (or NULL), the
 * first and last round seen, the number of rounds present, whether it has a
 * gap (absent between two presences), whether it is in every round (the
 * core set); and the Jaccard similarity of each consecutive pair of rounds,
 * per section and over all sections.
 *
 * Ownership: borrows the series and taxonomy; free with dd_timeline_free.
 */
#ifndef DIALDIFF_TIMELINE_H
#define DIALDIFF_TIMELINE_H

#include <stddef.h>
#include "arena.h"
#include "error.h"
#include "series.h"
#include "taxonomy.h"

typedef struct dd_timeline_row {
	const char *key;
	int entry;		/* taxonomy entry index, or -1 */
	dd_text name;		/* entry name, or the first label seen */
	const dd_item **cells;	/* one per round of the series; NULL = absent */
	size_t npresent;
	size_t first, last;	/* indexes into series->rounds */
	int gap;
	int core;
} dd_timeline_row;

typedef struct dd_timeline_section {
	const char *id;
	dd_text title;
	int tsection;
	dd_timeline_row *rows;
	size_t nrows;
	double *similarity;	/* nrounds - 1 values */
} dd_timeline_section;

typedef struct dd_timeline {
	dd_arena arena;
	const dd_series *series;
	const dd_taxonomy *tx;
	dd_timeline_section *sections;
	size_t nsections;
	double *similarity;	/* over all sections, nrounds - 1 values */
} dd_timeline;

/* Every round of the series must have been classified with tx. */
int dd_timeline_build(dd_timeline **out, const dd_series *s,
		      const dd_taxonomy *tx, dd_error *err);
void dd_timeline_free(dd_timeline *t);

#endif
