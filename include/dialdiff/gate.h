/*
 * gate.h - policy gates over diffs, for CI: "fail when a category was
 * dropped", "fail on any change", "fail on a topic no entry classifies".
 *
 * A gate is one condition: something was added, dropped or changed (a
 * kept item whose label, action or note differs), or a topic of the newer
 * round has no single entry (unclassified: no entry matches, several do,
 * or its explicit id names none), in any section, in one named section,
 * or for one entry of it; DD_GATE_ANY is added, dropped or changed (what
 * `--exit-code` means).  A list of gates holds when any of its gates
 * holds for any of the diffs.  `diff` and `review` share these, so that
 * `--exit-code` and `--fail-on WHAT[:SECTION[/ENTRY]]` mean the same
 * everywhere.
 *
 * Ownership: a dd_gate borrows its strings from the argument it was
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
	DD_GATE_UNCLASSIFIED,
	DD_GATE_ANY		/* added, dropped or changed */
} dd_gate_what;

typedef struct dd_gate {
	dd_gate_what what;
	const char *section;	/* a section id, or NULL for any section */
	size_t section_len;	/* its length (the argument goes on) */
	const char *entry;	/* an entry id of that section, or NULL */
} dd_gate;

/*
 * Parse "added", "dropped", "changed" or "unclassified", optionally
 * followed by ":SECTION" or ":SECTION/ENTRY" (e.g.
 * "dropped:crime-categories/fraud"), into *out.  arg is not modified;
 * out's strings point into it.  Returns 0, or DD_EUSAGE with a message in
 * err for anything else (an unknown word, an empty section or entry).
 */
int dd_gate_parse(dd_gate *out, const char *arg, dd_error *err);

/* The gate as written: "dropped:crime-categories/fraud", "any" for
 * DD_GATE_ANY in every section.  Writes at most size bytes. */
void dd_gate_name(char *buf, size_t size, const dd_gate *g);

/*
 * 0 when every gate that names a section (and entry) names one of the
 * taxonomy's; otherwise DD_ENOTFOUND and err says which (a typo in a CI
 * gate would otherwise never hold, silently).
 */
int dd_gate_validate(const dd_gate *gates, size_t ngates,
		     const dd_taxonomy *tx, dd_error *err);

/* Called for each item that trips a gate: the section and the item of d
 * (for an unclassified topic, a kept or added item). */
typedef void (*dd_gate_visit)(void *data, const dd_gate *g, const dd_diff *d,
			      const dd_diff_section *s,
			      const dd_diff_item *it);

/* The number of items of d that trip gate g, each passed to visit (may
 * be NULL) in the diff's order. */
size_t dd_gate_items(const dd_gate *g, const dd_diff *d, dd_gate_visit visit,
		     void *data);

/* 1 when gate g holds for diff d, else 0. */
int dd_gate_holds_one(const dd_gate *g, const dd_diff *d);

#endif
