/*
 * diag.h - diagnostics: the problems that loading and checking find.
 *
 * Loaders append every problem they can find to a dd_diags list (so that
 * `check` reports all of them in one run) and return an error for the first
 * fatal one.  Each diagnostic has a stable rule id (documented in
 * docs/rules.md), a severity, a file and the position of the offending
 * value.  The list owns its strings.
 */
#ifndef DIALDIFF_DIAG_H
#define DIALDIFF_DIAG_H

#include <stddef.h>
#include "error.h"

typedef enum dd_severity {
	DD_SEV_ERROR = 0,
	DD_SEV_WARNING = 1
} dd_severity;

typedef struct dd_diag {
	char *file;
	int line, column;	/* 0 when unknown */
	dd_severity severity;
	const char *rule;	/* static string, e.g. "json-syntax" */
	char *message;
	size_t seq;		/* order of addition, for a stable sort */
} dd_diag;

typedef struct dd_diags {
	dd_diag *items;
	size_t count, alloc;
	size_t errors, warnings;
	int oom;
} dd_diags;

#define DD_DIAGS_INIT { NULL, 0, 0, 0, 0, 0 }

void dd_diags_init(dd_diags *d);
void dd_diags_release(dd_diags *d);
/* Append one diagnostic; list may be NULL (then nothing is recorded). */
void dd_diags_add(dd_diags *d, dd_severity sev, const char *rule,
		  const char *file, int line, int column, const char *fmt,
		  ...) DD_PRINTF(7, 8);
/* Sort stably by file, then line, then column. */
void dd_diags_sort(dd_diags *d);
const char *dd_severity_name(dd_severity sev);

#endif
