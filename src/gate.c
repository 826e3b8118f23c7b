/*
 * gate.c - policy gates over diffs (see gate.h).
 */
#include <string.h>

#include "dialdiff/gate.h"

static const char *const gate_names[] = { "added", "dropped", "changed" };

int dd_gate_parse(dd_gate *out, const char *arg, dd_error *err)
{
	const char *colon = strchr(arg, ':');
	size_t n = colon ? (size_t)(colon - arg) : strlen(arg), i;

	out->what = DD_GATE_ANY;
	out->section = NULL;
	if (colon) {
		if (!colon[1] || strchr(colon + 1, ':'))
			return dd_error_set(err, DD_EUSAGE, NULL, 0, 0,
					    "'%s': a gate is added, dropped or changed, optionally with :SECTION",
					    arg);
		out->section = colon + 1;
	}
	for (i = 0; i < 3; i++)
		if (strlen(gate_names[i]) == n && !strncmp(arg, gate_names[i], n)) {
			out->what = (dd_gate_what)i;
			return 0;
		}
	return dd_error_set(err, DD_EUSAGE, NULL, 0, 0,
			    "'%s': a gate is added, dropped or changed, optionally with :SECTION",
			    arg);
}

int dd_gate_validate(const dd_gate *gates, size_t ngates,
		     const dd_taxonomy *tx, dd_error *err)
{
	size_t i;

	for (i = 0; i < ngates; i++)
		if (gates[i].section &&
		    dd_taxonomy_section(tx, gates[i].section) < 0)
			return dd_error_set(err, DD_ENOTFOUND, NULL, 0, 0,
					    "gate '%s:%s': the taxonomy has no section '%s'",
					    gates[i].what < DD_GATE_ANY ?
					    gate_names[gates[i].what] : "any",
					    gates[i].section, gates[i].section);
	return 0;
}

int dd_gate_holds_one(const dd_gate *g, const dd_diff *d)
{
	size_t k;

	for (k = 0; k < d->nsections; k++) {
		const dd_diff_section *s = &d->sections[k];
		size_t count;

		if (g->section && (!s->id || strcmp(g->section, s->id)))
			continue;
		switch (g->what) {
		case DD_GATE_ADDED: count = s->nadded; break;
		case DD_GATE_DROPPED: count = s->ndropped; break;
		case DD_GATE_CHANGED: count = s->nchanged; break;
		default: count = s->nadded + s->ndropped + s->nchanged; break;
		}
		if (count)
			return 1;
	}
	return 0;
}

int dd_gate_holds(const dd_gate *gates, size_t ngates,
		  dd_diff *const *diffs, size_t ndiffs)
{
	size_t i, j;

	for (i = 0; i < ngates; i++)
		for (j = 0; j < ndiffs; j++)
			if (diffs[j] && dd_gate_holds_one(&gates[i], diffs[j]))
				return 1;
	return 0;
}
