/*
 * timeline.c - presence of every key across the rounds of a series.
 */
#include <stdlib.h>

#include "dialdiff/diff.h"
#include "dialdiff/strmap.h"
#include "dialdiff/timeline.h"

typedef struct builder {
	dd_timeline *t;
	const dd_series *s;
	size_t nrounds;
	size_t *inter, *uni;	/* overall counts per consecutive pair */
} builder;

static const char *key_of(const dd_item *it)
{
	return it->key ? it->key : "";
}

static int classified(const dd_item *it, const dd_tsection *ts)
{
	return ts && it->entry >= 0 && (size_t)it->entry < ts->nentries;
}

/* The next row of sec, with a cell for each round; NULL when memory runs
 * out. */
static dd_timeline_row *add_row(builder *b, dd_timeline_section *sec,
				int entry, const char *key, dd_text name)
{
	dd_timeline_row *row = &sec->rows[sec->nrows++];

	row->entry = entry;
	row->key = key;
	row->name = name;
	row->cells = dd_arena_array(&b->t->arena, b->nrounds + 1,
				    sizeof(dd_item *));
	return row->cells ? row : NULL;
}

static int build_section(builder *b, dd_timeline_section *sec,
			 const dd_tsection *ts)
{
	size_t nentries = ts ? ts->nentries : 0, nrows = 0, i, r;
	size_t *entry_row = calloc(nentries + 1, sizeof(*entry_row));
	dd_strmap firsts = DD_STRMAP_INIT, rows = DD_STRMAP_INIT;
	int rc = -1;

	if (!entry_row)
		goto out;
	/* which entries and keys appear: entry_row[e] is 1 for a present entry,
	 * and becomes its row index below; firsts maps an unclassified key to
	 * its first item */
	for (r = 0; r < b->nrounds; r++) {
		const dd_round_section *rs =
			dd_round_section_find(b->s->rounds[r], sec->id);

		for (i = 0; rs && i < rs->count; i++) {
			const dd_item *it = &rs->items[i];
			int put = 0;

			if (classified(it, ts))
				entry_row[it->entry] = 1;
			else if ((put = dd_strmap_put(&firsts, key_of(it),
						      (void *)it, NULL)) < 0)
				goto out;
			nrows += (size_t)put;
		}
	}
	for (i = 0; i < nentries; i++)
		nrows += entry_row[i];
	sec->rows = dd_arena_array(&b->t->arena, nrows + 1, sizeof(*sec->rows));
	sec->similarity = dd_arena_array(&b->t->arena, b->nrounds + 1,
					 sizeof(double));
	if (!sec->rows || !sec->similarity)
		goto out;
	for (i = 0; i < nentries; i++) {
		if (!entry_row[i])
			continue;
		entry_row[i] = sec->nrows;
		if (!add_row(b, sec, (int)i, ts->entries[i].id,
			     ts->entries[i].name))
			goto out;
	}
	/* the cells; an unclassified key's row is made at its first item */
	for (r = 0; r < b->nrounds; r++) {
		const dd_round_section *rs =
			dd_round_section_find(b->s->rounds[r], sec->id);

		for (i = 0; rs && i < rs->count; i++) {
			const dd_item *it = &rs->items[i];
			dd_timeline_row *row;

			if (classified(it, ts))
				row = &sec->rows[entry_row[it->entry]];
			else if (dd_strmap_get(&firsts, key_of(it)) != it)
				row = dd_strmap_get(&rows, key_of(it));
			else if (!(row = add_row(b, sec, -1, key_of(it),
						 it->label)) ||
				 dd_strmap_put(&rows, row->key, row, NULL) < 0)
				goto out;
			if (!row->cells[r])
				row->cells[r] = it;
		}
	}
	for (i = 0; i < sec->nrows; i++) {
		dd_timeline_row *row = &sec->rows[i];
		int seen = 0;

		for (r = 0; r < b->nrounds; r++) {
			if (!row->cells[r])
				continue;
			if (!seen)
				row->first = r;
			else if (r > row->last + 1)
				row->gap = 1;
			row->last = r;
			row->npresent++;
			seen = 1;
		}
		row->core = row->npresent == b->nrounds;
	}
	for (r = 0; r + 1 < b->nrounds; r++) {
		size_t inter = 0, uni = 0;

		for (i = 0; i < sec->nrows; i++) {
			int x = !!sec->rows[i].cells[r], y = !!sec->rows[i].cells[r + 1];

			inter += x && y;
			uni += x || y;
		}
		sec->similarity[r] = uni ? (double)inter / (double)uni : 1.0;
		b->inter[r] += inter;
		b->uni[r] += uni;
	}
	rc = 0;
out:
	free(entry_row);
	dd_strmap_release(&firsts);
	dd_strmap_release(&rows);
	return rc;
}

int dd_timeline_build(dd_timeline **out, const dd_series *s,
		      const dd_taxonomy *tx, dd_error *err)
{
	const char **ids = NULL;
	size_t nids, i, r;
	builder b = { NULL, s, s->nrounds, NULL, NULL };
	dd_timeline *t;
	int rc = -1;

	*out = NULL;
	t = calloc(1, sizeof(*t));
	if (!t)
		return dd_error_oom(err);
	t->series = s;
	t->tx = tx;
	b.t = t;
	b.inter = calloc(s->nrounds + 1, sizeof(size_t));
	b.uni = calloc(s->nrounds + 1, sizeof(size_t));
	t->similarity = dd_arena_array(&t->arena, s->nrounds + 1, sizeof(double));
	if (!b.inter || !b.uni || !t->similarity ||
	    dd_diff_section_ids(&ids, &nids, tx,
				(const dd_round *const *)s->rounds,
				s->nrounds) < 0 ||
	    !(t->sections = dd_arena_array(&t->arena, nids + 1,
					   sizeof(*t->sections))))
		goto out;
	for (i = 0; i < nids; i++) {
		dd_timeline_section *sec = &t->sections[t->nsections++];
		const dd_tsection *ts = i < tx->nsections ? &tx->sections[i] : NULL;

		sec->id = ids[i];
		sec->tsection = ts ? (int)i : -1;
		if (ts)
			sec->title = ts->title;
		else
			sec->title.en = ids[i];
		if (build_section(&b, sec, ts) < 0)
			goto out;
	}
	for (r = 0; r + 1 < s->nrounds; r++)
		t->similarity[r] = b.uni[r] ?
			(double)b.inter[r] / (double)b.uni[r] : 1.0;
	rc = 0;
out:
	free(b.inter);
	free(b.uni);
	free(ids);
	if (rc < 0) {
		dd_timeline_free(t);
		return dd_error_oom(err);
	}
	*out = t;
	return 0;
}

void dd_timeline_free(dd_timeline *t)
{
	if (!t)
		return;
	dd_arena_release(&t->arena);
	free(t);
}
