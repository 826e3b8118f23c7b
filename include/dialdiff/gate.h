/*
 * gate.h - policy gates over diffs, for CI: "fail when a category was
 * dropped", "fail on any change".
 *
 * A gate is one condition: something was added, dropped or changed (a
 * kept item whose label, action or note differs), in any section or in one
 * named section; DD_GATE_ANY is any of the three (what `--exit-code`
 * means).  A list of gates holds when any of its gates holds for any of
 * the diffs.  `diff` and `review` share these, so that `--exit-code` and
 * `--fail-on added|dropped|changed[:SECTION]` mean the same everywhere.
 *
 * Ownership: a dd_gate borrows its section string from the argument it was
 * parsed from, which must outlive it.  Nothing here allocates.
 */
#ifndef DIALDIFF_GATE_H
#define DIALDIFF_GATE_H

#include <stddef.h>
#include "diff.h"
#include "error.h"
#include "taxonomy.h"

typedef enum dd_gate_what {
	DD_GATE_ADDED,
	DD_GATE_DROPPED,
	DD_GATE_CHANGED,
	DD_GATE_ANY		/* added, dropped or changed */
} dd_gate_what;

typedef struct dd_gate {
	dd_gate_what what;
	const char *section;	/* a section id, or NULL for any section */
} dd_gate;

/*
 * Parse "added", "dropped" or "changed", optionally followed by
 * ":SECTION" (e.g. "dropped:crime-categories"), into *out.  arg is not
 * modified; out->section points into it.  Returns 0, or DD_EUSAGE with a
 * message in err for anything else (an unknown word, an empty section).
 */
int dd_gate_parse(dd_gate *out, const char *arg, dd_error *err);

/*
 * 0 when every gate that names a section names one of the taxonomy's;
 * otherwise DD_ENOTFOUND and err says which (a typo in a CI gate would
 * otherwise never hold, silently).
 */
int dd_gate_validate(const dd_gate *gates, size_t ngates,
		     const dd_taxonomy *tx, dd_error *err);

/* 1 when gate g holds for diff d, else 0. */
int dd_gate_holds_one(const dd_gate *g, const dd_diff *d);

/*
 * 1 when any of the ngates gates holds for any of the ndiffs diffs, else
 * 0.  No gates: 0.
 */
int dd_gate_holds(const dd_gate *gates, size_t ngates,
		  dd_diff *const *diffs, size_t ndiffs);

#endif
