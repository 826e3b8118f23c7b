#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/diag.h"
#include "dialdiff/text.h"

void dd_diags_init(dd_diags *d)
{
	memset(d, 0, sizeof(*d));
}

void dd_diags_release(dd_diags *d)
{
	size_t i;

	for (i = 0; i < d->count; i++) {
		free(d->items[i].file);
		free(d->items[i].message);
	}
	free(d->items);
	dd_diags_init(d);
}

void dd_diags_add(dd_diags *d, dd_severity sev, const char *rule,
		  const char *file, int line, int column, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	dd_diag *it;

	if (!d || d->oom)
		return;
	if (d->count == d->alloc) {
		size_t n = d->alloc ? d->alloc * 2 : 16;
		dd_diag *p = realloc(d->items, n * sizeof(*p));

		if (!p) {
			d->oom = 1;
			return;
		}
		d->items = p;
		d->alloc = n;
	}
	va_start(ap, fmt);
	dd_text_vformat(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	it = &d->items[d->count];
	it->file = strdup(file ? file : "");
	it->message = strdup(msg);
	if (!it->file || !it->message) {
		free(it->file);
		free(it->message);
		d->oom = 1;
		return;
	}
	it->line = line;
	it->column = column;
	it->severity = sev;
	it->rule = rule;
	it->seq = d->count;
	d->count++;
	if (sev == DD_SEV_ERROR)
		d->errors++;
	else
		d->warnings++;
}

static int cmp_diag(const void *pa, const void *pb)
{
	const dd_diag *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void dd_diags_sort(dd_diags *d)
{
	if (d->count > 1)
		qsort(d->items, d->count, sizeof(*d->items), cmp_diag);
}

const char *dd_severity_name(dd_severity sev)
{
	return sev == DD_SEV_ERROR ? "error" : "warning";
}
