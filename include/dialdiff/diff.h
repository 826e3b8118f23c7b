/*
 * diff.h - the semantic diff of two classified rounds.
 *
 * Per section, on item keys (the canonical entry id, or the normalized label
 * for an item that classifies to no single entry): added = B\A,
 * dropped = A\B, kept = A&B.  A kept item records which of its label,
 * action and note changed.  Sections come in taxonomy order, then sections
 * the taxonomy does not know (in the order they first appear); items come in
 * taxonomy entry order, then unclassified items in the order of their round.
 * Similarity is the Jaccard index |A&B| / |A|B| (1 when both are empty).
 * The work is linear in the number of items (hashing, no sorting).
 *
 * Ownership: a dd_diff borrows its rounds and taxonomy, which must outlive
 * it; free it with dd_diff_free.
 */
#ifndef DIALDIFF_DIFF_H
#define DIALDIFF_DIFF_H

#include <stddef.h>
#include "arena.h"
#include "error.h"
#include "round.h"
#include "taxonomy.h"

#define DD_CHANGE_LABEL 1u
#define DD_CHANGE_ACTION 2u
#define DD_CHANGE_NOTE 4u

typedef struct dd_diff_item {
	const char *key;
	int entry;		/* taxonomy entry index, or -1 */
	const dd_item *from;	/* NULL for added */
	const dd_item *to;	/* NULL for dropped */
	unsigned changes;	/* DD_CHANGE_* for kept items */
} dd_diff_item;

typedef struct dd_diff_section {
	const char *id;
	dd_text title;		/* from the taxonomy; en = id when unknown */
	int tsection;		/* taxonomy section index, or -1 */
	double similarity;
	dd_diff_item *added, *kept, *dropped;
	size_t nadded, nkept, ndropped;
	size_t nchanged;	/* kept items with changes != 0 */
	unsigned unrecorded;	/* DD_UNRECORDED_*: a round file that does not
				   record this section (no key in "topics");
				   then nothing is added or dropped */
} dd_diff_section;

#define DD_UNRECORDED_FROM 1u
#define DD_UNRECORDED_TO 2u

typedef struct dd_diff {
	dd_arena arena;
	const dd_round *from, *to;
	const dd_taxonomy *tx;
	dd_diff_section *sections;
	size_t nsections;
	size_t nadded, nkept, ndropped, nchanged;
} dd_diff;

/*
 * The section ids that a diff of rounds (or a timeline of them) lists, in
 * order: the taxonomy's, then those it does not know in the order they
 * first appear.  *out is malloc'd (free() it), its strings borrowed.  0 or
 * DD_ENOMEM.
 */
int dd_diff_section_ids(const char ***out, size_t *count,
			const dd_taxonomy *tx, const dd_round *const *rounds,
			size_t nrounds);

/* Both rounds must have been classified with tx. */
int dd_diff_rounds(dd_diff **out, const dd_round *a, const dd_round *b,
		   const dd_taxonomy *tx, dd_error *err);
void dd_diff_free(dd_diff *d);

/*
 * What changed in a diff item: the DD_CHANGE_* bits of a kept item whose
 * label, action or note differs between its rounds; 0 for an unchanged
 * kept item and for an added or dropped one (it has one side only).  When
 * it is not 0, both it->from and it->to are set.
 */
unsigned dd_diff_item_changed(const dd_diff_item *it);

/* The similarity of the whole diff: the Jaccard index over all its
 * sections, nkept / (nadded + nkept + ndropped); 1 when that is 0/0. */
double dd_diff_similarity(const dd_diff *d);

/* Display name of a diff item: the label in lang of to (else from). */
const char *dd_diff_item_label(const dd_diff_item *it, dd_lang lang);

/* "label", "action", "note" for one DD_CHANGE_* bit. */
const char *dd_change_name(unsigned bit);

#endif
