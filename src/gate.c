/*
 * gate.c - CI gates over semantic diffs.
 */
#include <string.h>

#include "dialdiff/gate.h"

static const char *const what_names[] = { "added", "dropped", "changed" };

const char *dd_gate_what_name(dd_gate_what what)
{
	return (unsigned)what < 3 ? what_names[what] : "?";
}

int dd_gate_parse(dd_gate *out, const char *arg, dd_error *err)
{
	const char *colon = strchr(arg, ':');
	size_t n = colon ? (size_t)(colon - arg) : strlen(arg);
	int i;

	memset(out, 0, sizeof(*out));
	if (colon) {
		size_t len = strlen(colon + 1);

		if (!len || len >= sizeof(out->section))
			goto bad;
		memcpy(out->section, colon + 1, len + 1);
	}
	for (i = 0; i < 3; i++)
		if (strlen(what_names[i]) == n && !strncmp(arg, what_names[i], n)) {
			out->what = (dd_gate_what)i;
			return 0;
		}
bad:
	return dd_error_set(err, DD_EUSAGE, NULL, 0, 0,
			    "--fail-on takes added, dropped or changed, optionally with :SECTION, not '%s'",
			    arg);
}

int dd_gate_holds(const dd_gate *g, dd_diff *const *diffs, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (!diffs[i])
			continue;
		for (k = 0; k < diffs[i]->nsections; k++) {
			const dd_diff_section *s = &diffs[i]->sections[k];
			size_t count = g->what == DD_GATE_ADDED ? s->nadded :
				       g->what == DD_GATE_DROPPED ? s->ndropped :
				       s->nchanged;

			if (count && (!g->section[0] ||
				      (s->id && !strcmp(g->section, s->id))))
				return 1;
		}
	}
	return 0;
}

int dd_gate_any_change(const dd_diff *d)
{
	return d && (d->nadded || d->ndropped || d->nchanged);
}
