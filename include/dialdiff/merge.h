/*
 * merge.h - the three-way merge of a round file by item identity, for
 * git's merge driver (`dialdiff merge-driver`).
 *
 * The three versions (base, ours, theirs) are parsed, and the items of
 * each section of "topics" are matched across them by identity: the
 * explicit "id", else the taxonomy entry the label is classified into,
 * else the normalized label (else, for an item with neither, its whole
 * value); an identity met twice in one section is matched by occurrence.
 * Each item, and each top-level field of an item ("label", "action",
 * "note", ...), merges by the usual rule; so does each member of the
 * round other than "topics" ("date", "title", "chairs", "sources",
 * "reaffirms", ...), as a whole value:
 *
 *   changed on one side only               that side's value
 *   the same change on both sides          that value
 *   two different changes                  a conflict
 *   added on one side                      added
 *   deleted on one side, unchanged on the
 *   other                                  deleted
 *   deleted on one side, changed on the
 *   other                                  a conflict
 *
 * Items keep the order they have in ours; an item only theirs has comes
 * after the item it follows in theirs (the nearest one before it that is
 * in the result), else first in its section.  Sections likewise.
 * The result is written in the canonical layout of fmt.h.  A conflicting
 * item, or member of the round, is written in its place between
 * git-style markers, at the start of a line:
 *
 *   <<<<<<< ours
 *       the item as ours has it (nothing when ours deleted it)
 *   =======
 *       the item as theirs has it
 *   >>>>>>> theirs
 *
 * so that the file is not JSON until the conflict is resolved.  Keeping
 * one side of each block gives valid JSON: each side carries the comma
 * that follows it, and when the last block of an array or object has an
 * empty side, the element before it is taken into the block (on both
 * sides), so that no comma is left over ("topics" is not: the block
 * goes before it instead).
 */
#ifndef DIALDIFF_MERGE_H
#define DIALDIFF_MERGE_H

#include <stddef.h>
#include "buf.h"
#include "error.h"
#include "taxonomy.h"

/* The marker lines of a conflict block. */
#define DD_MERGE_OURS "<<<<<<< ours"
#define DD_MERGE_SEP "======="
#define DD_MERGE_THEIRS ">>>>>>> theirs"

/*
 * Merge ours and theirs, the versions of round file path (used in
 * messages) that two lines of history made of base, into out (its content
 * is replaced).  An empty base (nbase 0 or white space only: the file was
 * added on both sides) is a round with nothing in it.  tx classifies the
 * labels of items without an id (its cache is written); with tx NULL
 * items are matched by id, else by label.
 *
 * Returns 0 with *conflicts the number of conflicting items and members
 * (out then holds markers, and is not JSON); DD_ERROR when a version
 * cannot be merged item by item: it does not parse, it is not a round
 * (an object with "topics", "round" or "series"), or its "topics" is not
 * an object of arrays -- err names the version ("PATH (theirs)") and
 * why, and out is empty; DD_ERROR also when tx fails to classify (a
 * pattern that does not compile); DD_ENOMEM.
 */
int dd_merge_rounds(dd_buf *out, size_t *conflicts,
		    const char *base, size_t nbase,
		    const char *ours, size_t nours,
		    const char *theirs, size_t ntheirs,
		    const char *path, dd_taxonomy *tx, dd_error *err);

#endif
