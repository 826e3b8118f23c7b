/*
 * round.h - the model of one round of a dialogue, and its loader.
 *
 * A round is loaded from the bytes of one JSON file into plain C structs.
 * Everything reachable from a dd_round (strings, arrays) belongs to the
 * round and is freed by dd_round_free().
 */
#ifndef DIALDIFF_ROUND_H
#define DIALDIFF_ROUND_H

#include <stddef.h>
#include "arena.h"
#include "diag.h"
#include "error.h"
#include "text.h"

/* The largest round number a round file may hold ("round"), and so the
 * largest a selector names. */
#define DD_ROUND_NUMBER_MAX 1000000000

/* How an item came to its identity (filled by dd_taxonomy_classify_round). */
typedef enum dd_class {
	DD_CLASS_NONE = 0,	/* not classified yet */
	DD_CLASS_EXPLICIT,	/* "id" names an entry of its section */
	DD_CLASS_MATCHED,	/* exactly one entry's patterns matched */
	DD_CLASS_UNKNOWN_ID,	/* "id" names no entry of its section */
	DD_CLASS_UNCLASSIFIED,	/* no entry matched */
	DD_CLASS_AMBIGUOUS,	/* several entries matched */
	DD_CLASS_ERROR		/* matching failed (e.g. the match limit) */
} dd_class;

typedef struct dd_item {
	const char *id;		/* explicit id or NULL */
	dd_text label;
	const char *action;	/* NULL when absent */
	const char *note;	/* NULL when absent */
	dd_pos pos;		/* the item object */
	dd_pos id_pos, label_pos, action_pos;
	/* Classification. */
	dd_class cls;
	int entry;		/* entry index in the section, or -1 */
	int entry2;		/* the second entry matched when ambiguous, or -1 */
	const char *key;	/* identity in diffs: entry id, else normalized label */
} dd_item;

typedef struct dd_round_section {
	const char *id;
	dd_pos pos;
	dd_item *items;
	size_t count;
	int tsection;		/* section index in the taxonomy, or -1 */
} dd_round_section;

typedef struct dd_chair {
	dd_text name;
	dd_text role;
	const char *party;	/* may be NULL */
} dd_chair;

typedef struct dd_provenance {
	const char *title, *publisher, *date, *url;	/* any may be NULL */
} dd_provenance;

typedef struct dd_round {
	dd_arena arena;
	const char *path;	/* display path of the file it came from */
	const char *rev;	/* 40-hex commit id, or NULL for the working tree */
	long long schema_version;
	const char *series;
	long long number;
	dd_pos number_pos;
	const char *date;	/* "YYYY-MM-DD" */
	dd_pos date_pos;
	dd_pos series_pos;
	dd_text title, place;
	dd_chair *chairs;
	size_t nchairs;
	dd_provenance *sources;
	size_t nsources;
	dd_round_section *sections;	/* in file order */
	size_t nsections;
	dd_pos topics_pos;	/* its "topics" object; line 0 when it has
				   none (then no section is recorded or
				   missing: an empty side of a diff) */
	dd_item *reaffirms;	/* label (and note) only */
	size_t nreaffirms;
} dd_round;

/* The vocabulary of "action". */
extern const char *const dd_round_actions[];
int dd_round_action_known(const char *action);

/*
 * Load a round from len bytes of buf.  path is the display path used in
 * messages and stored in the round.  Every problem found is appended to diags
 * (may be NULL) with its rule id; the function goes on as far as the file
 * allows.  Returns 0 when the round has no error-severity problem; otherwise
 * a negative code, err describes the first error, and *out is still set when
 * the JSON parsed and was an object (so that check can go on checking),
 * else NULL.  Caller frees *out with dd_round_free.
 *
 * Rules: json-syntax, duplicate-key, invalid-utf8, nesting-depth,
 * merge-conflict (the parse), type, required, unknown-key (warning), schema-version,
 * round-number, date, empty-label, action (see docs/rules.md).
 */
int dd_round_load(dd_round **out, const char *buf, size_t len,
		  const char *path, dd_diags *diags, dd_error *err);
void dd_round_free(dd_round *round);

/* The section with this id, or NULL. */
const dd_round_section *dd_round_section_find(const dd_round *r,
					       const char *id);

/* Validate "YYYY-MM-DD" as a real calendar date (leap years); 1 or 0. */
int dd_date_valid(const char *s);

#endif
