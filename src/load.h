/*
 * load.h - internal: reading typed values out of a parsed JSON document
 * while collecting diagnostics.  Shared by the round, series and taxonomy
 * loaders so that they word and position their problems alike.
 */
#ifndef DIALDIFF_LOAD_H
#define DIALDIFF_LOAD_H

#include "dialdiff/arena.h"
#include "dialdiff/diag.h"
#include "dialdiff/error.h"
#include "dialdiff/json.h"
#include "dialdiff/text.h"

typedef struct dd_loader {
	dd_arena *arena;	/* where strings are copied */
	const char *path;
	dd_diags *diags;	/* may be NULL */
	dd_error *err;		/* the first error goes here; may be NULL */
	int failed;		/* an error-severity problem was found */
	int oom;
} dd_loader;

void dd_loader_init(dd_loader *l, dd_arena *arena, const char *path,
		    dd_diags *diags, dd_error *err);

/* Record a problem at pos; the first error also fills l->err. */
void dd_load_problem(dd_loader *l, dd_severity sev, const char *rule,
		     dd_pos pos, const char *fmt, ...) DD_PRINTF(5, 6);

/* 1 when v has type (DD_JSON_TRUE stands for either boolean), else a
 * "type" problem naming what and 0. */
int dd_load_expect(dd_loader *l, const dd_json *v, dd_json_type type,
		   const char *what);

/* A warning "unknown-key" for each member of obj not in known (NULL-ended). */
void dd_load_unknown_keys(dd_loader *l, const dd_json *obj, const char *what,
			  const char *const *known);

/* Member key of obj, or NULL when absent (a "required" problem "WHAT has
 * no \"KEY\"" if required). */
const dd_json *dd_load_member(dd_loader *l, const dd_json *obj,
			     const char *key, const char *what, int required);

/* Copy of string member key of obj, or NULL when absent (a "required"
 * problem if required) or not a string.  pos (may be NULL) gets its place. */
const char *dd_load_string(dd_loader *l, const dd_json *obj, const char *key,
			   const char *what, int required, dd_pos *pos);

/* A text object {"en", "zh"} with at least one language.  With label set,
 * empty strings are "empty-label" problems. */
void dd_load_text(dd_loader *l, dd_text *out, const dd_json *v,
		  const char *what, int label);

/* Member key of obj as a text object; a "required" problem when absent and
 * required. */
void dd_load_text_member(dd_loader *l, dd_text *out, const dd_json *obj,
			 const char *key, const char *what, int required);

/*
 * Parse buf as JSON; a failure becomes a problem with rule duplicate-key,
 * nesting-depth, invalid-utf8 (also NUL, \u0000 and lone surrogates) or
 * json-syntax (anything else) -- or, when buf holds the marker lines of
 * a merge conflict, one merge-conflict problem per marker line instead.
 */
int dd_load_parse(dd_loader *l, dd_json_doc **doc, const char *buf,
		  size_t len);

/* Copy a string into the arena, noting exhaustion. */
const char *dd_load_strdup(dd_loader *l, const char *s);

/* Zeroed array of n (at least one) elements from the arena, noting
 * exhaustion. */
void *dd_load_array(dd_loader *l, size_t n, size_t size);

#endif
