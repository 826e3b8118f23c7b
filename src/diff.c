/*
 * diff.c - added / kept / dropped per section, on item keys.
 */
#include <stdlib.h>

#include "dialdiff/diff.h"
#include "dialdiff/strmap.h"

static const char *key_of(const dd_item *it)
{
	return it->key ? it->key : "";
}

static unsigned changes_of(const dd_item *a, const dd_item *b)
{
	unsigned c = 0;

	if (!dd_text_equal(&a->label, &b->label))
		c |= DD_CHANGE_LABEL;
	if (!dd_str_equal(a->action, b->action))
		c |= DD_CHANGE_ACTION;
	if (!dd_str_equal(a->note, b->note))
		c |= DD_CHANGE_NOTE;
	return c;
}

/* |A&B| / |A|B|, 1 when both are empty */
static double jaccard(size_t nkept, size_t nunion)
{
	return nunion ? (double)nkept / (double)nunion : 1.0;
}

static void emit(dd_diff_section *ds, const dd_item *a, const dd_item *b)
{
	dd_diff_item *it;

	if (a && b) {
		it = &ds->kept[ds->nkept++];
		it->changes = changes_of(a, b);
		if (it->changes)
			ds->nchanged++;
	} else if (b) {
		it = &ds->added[ds->nadded++];
	} else {
		it = &ds->dropped[ds->ndropped++];
	}
	it->from = a;
	it->to = b;
	it->key = key_of(b ? b : a);
	it->entry = (b ? b : a)->entry;
}

/* Index the items of one side: classified ones by entry (first wins),
 * the others by key (first wins). */
static int index_side(const dd_item **by_entry, size_t nentries,
		      dd_strmap *by_key, const dd_round_section *s)
{
	size_t i;

	for (i = 0; s && i < s->count; i++) {
		const dd_item *it = &s->items[i];

		if (it->entry >= 0 && (size_t)it->entry < nentries) {
			if (!by_entry[it->entry])
				by_entry[it->entry] = it;
		} else if (dd_strmap_put(by_key, key_of(it), (void *)it,
					 NULL) < 0) {
			return -1;
		}
	}
	return 0;
}

static int unkeyed(const dd_item *it, size_t nentries)
{
	return it->entry < 0 || (size_t)it->entry >= nentries;
}

static int diff_section(dd_diff *d, dd_diff_section *ds,
			const dd_round_section *sa, const dd_round_section *sb,
			const dd_tsection *ts)
{
	size_t na = sa ? sa->count : 0, nb = sb ? sb->count : 0;
	size_t nentries = ts ? ts->nentries : 0, i;
	const dd_item **ea = NULL, **eb = NULL;
	dd_strmap ka = DD_STRMAP_INIT, kb = DD_STRMAP_INIT;
	int rc = -1;

	ds->added = dd_arena_array(&d->arena, nb + 1, sizeof(dd_diff_item));
	ds->kept = dd_arena_array(&d->arena, (na < nb ? na : nb) + 1,
				  sizeof(dd_diff_item));
	ds->dropped = dd_arena_array(&d->arena, na + 1, sizeof(dd_diff_item));
	if (!ds->added || !ds->kept || !ds->dropped)
		return -1;
	if (nentries && (na || nb)) {
		ea = calloc(nentries, sizeof(*ea));
		eb = calloc(nentries, sizeof(*eb));
		if (!ea || !eb)
			goto out;
	}
	if (index_side(ea, nentries, &ka, sa) < 0 ||
	    index_side(eb, nentries, &kb, sb) < 0)
		goto out;
	for (i = 0; ea && i < nentries; i++)
		if (ea[i] || eb[i])
			emit(ds, ea[i], eb[i]);
	for (i = 0; i < nb; i++) {
		const dd_item *b = &sb->items[i];

		if (unkeyed(b, nentries) && dd_strmap_get(&kb, key_of(b)) == b)
			emit(ds, dd_strmap_get(&ka, key_of(b)), b);
	}
	for (i = 0; i < na; i++) {
		const dd_item *a = &sa->items[i];

		if (unkeyed(a, nentries) && dd_strmap_get(&ka, key_of(a)) == a &&
		    !dd_strmap_get(&kb, key_of(a)))
			emit(ds, a, NULL);
	}
	ds->similarity = jaccard(ds->nkept,
				 ds->nadded + ds->nkept + ds->ndropped);
	d->nadded += ds->nadded;
	d->nkept += ds->nkept;
	d->ndropped += ds->ndropped;
	d->nchanged += ds->nchanged;
	rc = 0;
out:
	free(ea);
	free(eb);
	dd_strmap_release(&ka);
	dd_strmap_release(&kb);
	return rc;
}

int dd_diff_section_ids(const char ***out, size_t *count,
			const dd_taxonomy *tx, const dd_round *const *rounds,
			size_t nrounds)
{
	dd_strmap seen = DD_STRMAP_INIT;
	size_t max = tx->nsections, n = 0, i, r;
	const char **ids;
	int put = 0;

	for (r = 0; r < nrounds; r++)
		max += rounds[r]->nsections;
	if (!(ids = calloc(max + 1, sizeof(*ids))))
		return DD_ENOMEM;
	for (i = 0; i < tx->nsections; i++)
		ids[n++] = tx->sections[i].id;
	for (r = 0; r < nrounds && put >= 0; r++) {
		for (i = 0; i < rounds[r]->nsections && put >= 0; i++) {
			const char *id = rounds[r]->sections[i].id;

			if (dd_taxonomy_section(tx, id) < 0 &&
			    (put = dd_strmap_put(&seen, id, NULL, NULL)) > 0)
				ids[n++] = id;
		}
	}
	dd_strmap_release(&seen);
	if (put < 0) {
		free(ids);
		return DD_ENOMEM;
	}
	*out = ids;
	*count = n;
	return 0;
}

int dd_diff_rounds(dd_diff **out, const dd_round *a, const dd_round *b,
		   const dd_taxonomy *tx, dd_error *err)
{
	const dd_round *ab[2] = { a, b };
	const dd_round_section *sa, *sb;
	const char **ids = NULL;
	size_t n, i;
	dd_diff *d;

	*out = NULL;
	d = calloc(1, sizeof(*d));
	if (!d || dd_diff_section_ids(&ids, &n, tx, ab, 2) < 0 ||
	    !(d->sections = dd_arena_array(&d->arena, n + 1,
					   sizeof(*d->sections))))
		goto oom;
	d->from = a;
	d->to = b;
	d->tx = tx;
	for (i = 0; i < n; i++) {
		dd_diff_section *ds = &d->sections[d->nsections++];
		const dd_tsection *ts = i < tx->nsections ? &tx->sections[i] : NULL;

		ds->id = ids[i];
		ds->tsection = ts ? (int)i : -1;
		if (ts)
			ds->title = ts->title;
		else
			ds->title.en = ds->id;
		sa = dd_round_section_find(a, ds->id);
		sb = dd_round_section_find(b, ds->id);
		/* a taxonomy section a round file leaves out: not recorded,
		   so neither added nor dropped */
		if (ts && !sa && a->topics_pos.line)
			ds->unrecorded |= DD_UNRECORDED_FROM;
		if (ts && !sb && b->topics_pos.line)
			ds->unrecorded |= DD_UNRECORDED_TO;
		if (ds->unrecorded)
			sa = sb = NULL;
		if (diff_section(d, ds, sa, sb, ts) < 0)
			goto oom;
	}
	free(ids);
	*out = d;
	return 0;
oom:
	free(ids);
	dd_diff_free(d);
	return dd_error_oom(err);
}

void dd_diff_free(dd_diff *d)
{
	if (!d)
		return;
	dd_arena_release(&d->arena);
	free(d);
}

unsigned dd_diff_item_changed(const dd_diff_item *it)
{
	return it->from && it->to ? it->changes : 0;
}

double dd_diff_similarity(const dd_diff *d)
{
	return jaccard(d->nkept, d->nadded + d->nkept + d->ndropped);
}

const char *dd_diff_item_label(const dd_diff_item *it, dd_lang lang)
{
	const dd_item *item = it->to ? it->to : it->from;

	return item ? dd_text_get(&item->label, lang) : it->key;
}

const char *dd_change_name(unsigned bit)
{
	switch (bit) {
	case DD_CHANGE_LABEL: return "label";
	case DD_CHANGE_ACTION: return "action";
	case DD_CHANGE_NOTE: return "note";
	}
	return "";
}
