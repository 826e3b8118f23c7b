/*
 * gate.c - policy gates over diffs (see gate.h).
 */
#include <stdio.h>
#include <string.h>

#include "dialdiff/gate.h"

static const char *const gate_names[] = { "added", "dropped", "changed",
					  "unclassified" };
#define NGATE_NAMES (sizeof(gate_names) / sizeof(gate_names[0]))

static int bad_gate(dd_error *err, const char *arg)
{
	return dd_error_set(err, DD_EUSAGE, NULL, 0, 0,
			    "'%s': a gate is added, dropped, changed or unclassified, optionally with :SECTION or :SECTION/ENTRY",
			    arg);
}

int dd_gate_parse(dd_gate *out, const char *arg, dd_error *err)
{
	const char *colon = strchr(arg, ':'), *slash;
	size_t n = colon ? (size_t)(colon - arg) : strlen(arg), i;

	memset(out, 0, sizeof(*out));
	out->what = DD_GATE_ANY;
	if (colon) {
		slash = strchr(colon + 1, '/');
		if (!colon[1] || strchr(colon + 1, ':') || slash == colon + 1 ||
		    (slash && (!slash[1] || strchr(slash + 1, '/'))))
			return bad_gate(err, arg);
		out->section = colon + 1;
		out->section_len = slash ? (size_t)(slash - out->section)
					 : strlen(out->section);
		out->entry = slash ? slash + 1 : NULL;
	}
	for (i = 0; i < NGATE_NAMES; i++)
		if (strlen(gate_names[i]) == n && !strncmp(arg, gate_names[i], n)) {
			out->what = (dd_gate_what)i;
			return 0;
		}
	return bad_gate(err, arg);
}

void dd_gate_name(char *buf, size_t size, const dd_gate *g)
{
	const char *what = g->what < DD_GATE_ANY ? gate_names[g->what] : "any";

	if (!g->section)
		snprintf(buf, size, "%s", what);
	else
		snprintf(buf, size, "%s:%.*s%s%s", what, (int)g->section_len,
			 g->section, g->entry ? "/" : "",
			 g->entry ? g->entry : "");
}

int dd_gate_validate(const dd_gate *gates, size_t ngates,
		     const dd_taxonomy *tx, dd_error *err)
{
	char name[512], sec[256];
	size_t i;
	int s;

	for (i = 0; i < ngates; i++) {
		const dd_gate *g = &gates[i];

		if (!g->section)
			continue;
		snprintf(sec, sizeof(sec), "%.*s", (int)g->section_len,
			 g->section);
		dd_gate_name(name, sizeof(name), g);
		if ((s = dd_taxonomy_section(tx, sec)) < 0)
			return dd_error_set(err, DD_ENOTFOUND, NULL, 0, 0,
					    "gate '%s': the taxonomy has no section '%s'",
					    name, sec);
		if (g->entry && dd_taxonomy_entry(tx, (size_t)s, g->entry) < 0)
			return dd_error_set(err, DD_ENOTFOUND, NULL, 0, 0,
					    "gate '%s': section '%s' has no entry '%s'",
					    name, sec, g->entry);
	}
	return 0;
}

/* 1 when item it of a kept or added list has no single entry. */
static int unclassified(const dd_diff_item *it)
{
	dd_class c = it->to ? it->to->cls : DD_CLASS_NONE;

	return c == DD_CLASS_UNCLASSIFIED || c == DD_CLASS_AMBIGUOUS ||
	       c == DD_CLASS_UNKNOWN_ID;
}

/* Visit the items of list that trip g; their count. */
static size_t visit_list(const dd_gate *g, const dd_diff *d,
			 const dd_diff_section *s, const dd_diff_item *list,
			 size_t n, int kept, dd_gate_visit visit, void *data)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++) {
		const dd_diff_item *it = &list[i];

		if (g->entry && (!it->key || strcmp(g->entry, it->key)))
			continue;
		if (g->what == DD_GATE_UNCLASSIFIED ? !unclassified(it) :
		    kept && !it->changes)
			continue;
		if (visit)
			visit(data, g, d, s, it);
		count++;
	}
	return count;
}

size_t dd_gate_items(const dd_gate *g, const dd_diff *d, dd_gate_visit visit,
		     void *data)
{
	size_t k, count = 0;
	int w = (int)g->what;

	for (k = 0; k < d->nsections; k++) {
		const dd_diff_section *s = &d->sections[k];

		if (g->section && (!s->id || strlen(s->id) != g->section_len ||
				   strncmp(g->section, s->id, g->section_len)))
			continue;
		if (w == DD_GATE_ADDED || w == DD_GATE_ANY ||
		    w == DD_GATE_UNCLASSIFIED)
			count += visit_list(g, d, s, s->added, s->nadded, 0,
					    visit, data);
		if (w == DD_GATE_DROPPED || w == DD_GATE_ANY)
			count += visit_list(g, d, s, s->dropped, s->ndropped, 0,
					    visit, data);
		if (w == DD_GATE_CHANGED || w == DD_GATE_ANY ||
		    w == DD_GATE_UNCLASSIFIED)
			count += visit_list(g, d, s, s->kept, s->nkept,
					    w != DD_GATE_UNCLASSIFIED, visit,
					    data);
	}
	return count;
}

int dd_gate_holds_one(const dd_gate *g, const dd_diff *d)
{
	return dd_gate_items(g, d, NULL, NULL) > 0;
}
