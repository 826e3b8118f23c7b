/*
 * gate.h - CI gates over semantic diffs: `--exit-code` and
 * `--fail-on added|dropped|changed[:SECTION]`.
 *
 * A gate is a condition on a set of diffs; the command that evaluates it
 * exits 1 when it holds.  Parsing and evaluation are pure functions, shared
 * by `diff`, `review` and any other command that gates on diffs.
 *
 * Example:
 *
 *   dd_gate g;
 *   if (dd_gate_parse(&g, "dropped:crime-categories", &err) == 0 &&
 *       dd_gate_holds(&g, diffs, n))
 *           status = 1;
 */
#ifndef DIALDIFF_GATE_H
#define DIALDIFF_GATE_H

#include <stddef.h>
#include "diff.h"
#include "error.h"

typedef enum dd_gate_what {
	DD_GATE_ADDED = 0,	/* an item was added */
	DD_GATE_DROPPED,	/* an item was dropped */
	DD_GATE_CHANGED		/* a kept item changed its label, action or note */
} dd_gate_what;

#define DD_GATE_SECTION_MAX 256

typedef struct dd_gate {
	dd_gate_what what;
	char section[DD_GATE_SECTION_MAX];	/* "" for any section */
} dd_gate;

/*
 * Parse "added", "dropped" or "changed", optionally followed by ":SECTION"
 * (a non-empty section id).  Returns 0, or DD_EUSAGE with err saying what
 * is accepted.  arg is not modified nor kept.
 */
int dd_gate_parse(dd_gate *out, const char *arg, dd_error *err);

/* 1 when the condition holds for at least one of the n diffs, else 0. */
int dd_gate_holds(const dd_gate *g, dd_diff *const *diffs, size_t n);

/* 1 when d added, dropped or changed anything (what --exit-code tests). */
int dd_gate_any_change(const dd_diff *d);

/* "added", "dropped", "changed". */
const char *dd_gate_what_name(dd_gate_what what);

#endif
