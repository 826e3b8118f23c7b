/*
 * fuzz_taxonomy.c - the taxonomy loader and classification.  The input is
 * a taxonomy file, then up to eight labels, separated by FZ_SEP.  A
 * taxonomy that loads must index its sections and entries; each label is
 * matched against every section (dd_taxonomy_match validates UTF-8
 * itself: invalid labels are allowed here), twice, with the same result
 * (the cache); then a round is made of the labels that are valid UTF-8 -- as
 * the round loader guarantees -- in every section and in one the taxonomy
 * does not know, with every third item naming its label as its id, and
 * classified.
 */
#include <stdlib.h>
#include <string.h>

#include "dialdiff/diag.h"
#include "fuzz.h"

#define MAX_LABELS 8
#define MAX_SECTIONS 8
/*
 * PCRE2's JIT searches the subject 16 bytes at a time and may read up to 15
 * bytes past its end (never across a page, so it cannot fault).  ASan does
 * not see JIT code, but valgrind reports such reads from an exact-size
 * buffer; in the tool, labels live inside the round's arena blocks.  So the
 * labels get this much zeroed slack after their NUL.
 */
#define JIT_SLACK 16

static void check_match(const dd_match *m, const dd_tsection *ts)
{
	FZ_CHECK(m->count <= 2);
	if (m->count >= 1)
		FZ_CHECK(m->entry[0] >= 0 && (size_t)m->entry[0] < ts->nentries);
	if (m->count == 2)
		FZ_CHECK(m->entry[1] > m->entry[0] &&
			 (size_t)m->entry[1] < ts->nentries);
}

static void check_structure(dd_taxonomy *tx)
{
	size_t s, e;

	for (s = 0; s < tx->nsections; s++) {
		const dd_tsection *ts = &tx->sections[s];

		FZ_CHECK(ts->id && ts->id[0]);
		FZ_CHECK(dd_taxonomy_section(tx, ts->id) == (int)s);
		for (e = 0; e < ts->nentries; e++) {
			FZ_CHECK(ts->entries[e].id && ts->entries[e].id[0]);
			FZ_CHECK(dd_taxonomy_entry(tx, s, ts->entries[e].id) ==
				 (int)e);
			FZ_CHECK(ts->entries[e].name.en || ts->entries[e].name.zh);
		}
	}
}

/* A round of the valid labels, in the first sections and an unknown one. */
static void classify(dd_taxonomy *tx, char **labels, size_t nlabels)
{
	dd_round *r = calloc(1, sizeof(*r));
	dd_diags diags = DD_DIAGS_INIT;
	dd_error err;
	size_t ns = tx->nsections < MAX_SECTIONS ? tx->nsections : MAX_SECTIONS;
	size_t i, k, n = 0;

	if (!r)
		abort();
	dd_arena_init(&r->arena);
	r->path = "dialogues/fuzz/round-01.json";
	r->sections = dd_arena_array(&r->arena, ns + 1, sizeof(*r->sections));
	for (i = 0; i <= ns; i++) {
		dd_round_section *sec = &r->sections[i];

		sec->id = i < ns ? tx->sections[i].id : "fuzz-unknown-section";
		sec->tsection = -1;
		sec->items = dd_arena_array(&r->arena, nlabels + 1,
					    sizeof(*sec->items));
		for (k = 0, n = 0; k < nlabels; k++) {
			dd_item *it = &sec->items[n];
			size_t len = strlen(labels[k]);

			if (!len || !dd_utf8_valid(labels[k], len, NULL))
				continue;
			if (k % 2)
				it->label.zh = labels[k];
			else
				it->label.en = labels[k];
			if (k % 3 == 2)
				it->id = labels[k];
			it->pos.line = (int)k + 1;
			it->entry = it->entry2 = -1;
			n++;
		}
		sec->count = n;
	}
	r->nsections = ns + 1;
	FZ_CHECK(dd_taxonomy_classify_round(tx, r, &diags, &err) == 0);
	fz_check_classified(tx, r);
	FZ_CHECK(r->sections[ns].tsection == -1);
	dd_diags_release(&diags);
	dd_round_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_part parts[1 + MAX_LABELS];
	char *labels[MAX_LABELS], *copy;
	size_t nparts = fz_split(data, size, parts, 1 + MAX_LABELS), i, s;
	dd_diags diags = DD_DIAGS_INIT;
	dd_taxonomy *tx = NULL;
	dd_error err;
	int rc;

	copy = malloc(parts[0].len ? parts[0].len : 1);
	if (!copy)
		abort();
	memcpy(copy, parts[0].ptr, parts[0].len);
	dd_error_clear(&err);
	rc = dd_taxonomy_load(&tx, copy, parts[0].len, "fuzz-taxonomy.json",
			      &diags, &err);
	free(copy);		/* the taxonomy must not point into the buffer */
	if (rc < 0) {
		FZ_CHECK(tx == NULL);
		FZ_CHECK(err.message[0] != '\0');
		FZ_CHECK(diags.errors >= 1 || rc == DD_ENOMEM);
		dd_diags_release(&diags);
		return 0;
	}
	FZ_CHECK(tx != NULL && diags.errors == 0);
	dd_diags_release(&diags);
	check_structure(tx);
	for (i = 1; i < nparts; i++) {
		labels[i - 1] = calloc(1, parts[i].len + 1 + JIT_SLACK);
		if (!labels[i - 1])
			abort();
		memcpy(labels[i - 1], parts[i].ptr, parts[i].len);
		labels[i - 1][parts[i].len] = '\0';	/* C strings: up to a NUL */
	}
	for (i = 0; i + 1 < nparts; i++)
		for (s = 0; s < tx->nsections; s++) {
			dd_match m1, m2;
			int rc1 = dd_taxonomy_match(&m1, tx, s, labels[i], &err);
			int rc2 = dd_taxonomy_match(&m2, tx, s, labels[i], &err);

			FZ_CHECK(rc1 == rc2);
			if (rc1 < 0) {
				FZ_CHECK(err.message[0] != '\0');
				continue;
			}
			check_match(&m1, &tx->sections[s]);
			FZ_CHECK(m1.count == m2.count &&
				 m1.entry[0] == m2.entry[0] &&
				 m1.entry[1] == m2.entry[1]);
		}
	FZ_CHECK(dd_taxonomy_section(tx, NULL) == -1);
	FZ_CHECK(dd_taxonomy_entry(tx, tx->nsections, "x") == -1);
	classify(tx, labels, nparts - 1);
	for (i = 0; i + 1 < nparts; i++)
		free(labels[i]);
	dd_taxonomy_free(tx);
	return 0;
}
