/*
 * common.c - helpers shared by the fuzz targets: splitting an input into
 * documents, the bundled taxonomy, loading rounds as the tool does, and the
 * invariants every target checks.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/buf.h"
#include "dialdiff/diag.h"
#include "dialdiff/json.h"
#include "dialdiff/series.h"
#include "dialdiff/timeline.h"
#include "fuzz.h"

void fz_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

size_t fz_split(const uint8_t *data, size_t size, fz_part *parts, size_t max)
{
	const char *p = (const char *)data, *end = p + size;
	size_t n = 0;

	while (n + 1 < max) {
		const char *sep = memchr(p, FZ_SEP, (size_t)(end - p));

		if (!sep)
			break;
		parts[n].ptr = p;
		parts[n].len = (size_t)(sep - p);
		n++;
		p = sep + 1;
	}
	parts[n].ptr = p;
	parts[n].len = (size_t)(end - p);
	return n + 1;
}

/* ---- the bundled taxonomy --------------------------------------------- */

#ifndef DD_FUZZ_TAXONOMY
#define DD_FUZZ_TAXONOMY "dialogues/taxonomy.json"
#endif
#define TAXONOMY_USES 5000

static dd_taxonomy *bundled;
static unsigned bundled_uses;
static int registered;

static void free_bundled(void)
{
	dd_taxonomy_free(bundled);
	bundled = NULL;
}

dd_taxonomy *fz_taxonomy(void)
{
	dd_buf buf = DD_BUF_INIT;
	dd_error err;

	if (bundled && ++bundled_uses >= TAXONOMY_USES) {
		free_bundled();
		bundled_uses = 0;
	}
	if (bundled)
		return bundled;
	if (dd_buf_read_file(&buf, DD_FUZZ_TAXONOMY, 0, &err) < 0 ||
	    dd_taxonomy_load(&bundled, buf.ptr, buf.len, DD_FUZZ_TAXONOMY,
			     NULL, &err) < 0)
		fz_fail("cannot load %s: %s", DD_FUZZ_TAXONOMY, err.message);
	dd_buf_release(&buf);
	if (!registered) {
		atexit(free_bundled);
		registered = 1;
	}
	return bundled;
}

/* ---- rounds ------------------------------------------------------------- */

static int lines_in(const char *s, size_t len)
{
	int n = 1;
	size_t i;

	for (i = 0; i < len; i++)
		n += s[i] == '\n';
	return n;
}

void fz_check_classified(const dd_taxonomy *tx, const dd_round *r)
{
	size_t i, j;

	for (i = 0; i < r->nsections; i++) {
		const dd_round_section *s = &r->sections[i];
		const dd_tsection *ts = s->tsection >= 0 ?
					&tx->sections[s->tsection] : NULL;

		FZ_CHECK(s->tsection < (int)tx->nsections);
		for (j = 0; j < s->count; j++) {
			const dd_item *it = &s->items[j];

			FZ_CHECK(it->cls != DD_CLASS_NONE);
			FZ_CHECK(it->key != NULL);
			if (it->cls == DD_CLASS_EXPLICIT ||
			    it->cls == DD_CLASS_MATCHED) {
				FZ_CHECK(ts && it->entry >= 0 &&
					 (size_t)it->entry < ts->nentries);
				FZ_CHECK(!strcmp(it->key, ts->entries[it->entry].id));
			}
			if (it->cls == DD_CLASS_AMBIGUOUS)
				FZ_CHECK(ts && it->entry >= 0 &&
					 it->entry2 > it->entry &&
					 (size_t)it->entry2 < ts->nentries);
		}
	}
}

dd_round *fz_round(const fz_part *p, const char *path, dd_taxonomy *tx)
{
	dd_diags diags = DD_DIAGS_INIT;
	dd_round *r = NULL;
	dd_error err;
	char *copy;
	size_t i, j;
	int rc, maxline = lines_in(p->ptr, p->len);

	/* an exact-size heap copy, so that ASan sees any read past the end */
	copy = malloc(p->len ? p->len : 1);
	if (!copy)
		abort();
	if (p->len)
		memcpy(copy, p->ptr, p->len);
	dd_error_clear(&err);
	rc = dd_round_load(&r, copy, p->len, path, &diags, &err);
	free(copy);		/* the round must not point into the buffer */
	if (rc == 0) {
		FZ_CHECK(r != NULL);
		FZ_CHECK(diags.errors == 0);
		FZ_CHECK(r->schema_version == 1);
		FZ_CHECK(r->series && r->date && dd_date_valid(r->date));
		FZ_CHECK(r->number >= 1);
		FZ_CHECK(r->title.en || r->title.zh);
		FZ_CHECK(r->path && !strcmp(r->path, path));
		for (i = 0; i < r->nsections; i++) {
			FZ_CHECK(r->sections[i].id != NULL);
			for (j = 0; j < r->sections[i].count; j++) {
				const dd_item *it = &r->sections[i].items[j];

				FZ_CHECK(it->label.en || it->label.zh);
				FZ_CHECK(!it->action ||
					 dd_round_action_known(it->action));
			}
		}
	} else {
		FZ_CHECK(rc == DD_ERROR || rc == DD_ENOMEM);
		FZ_CHECK(err.message[0] != '\0');
		FZ_CHECK(diags.errors >= 1 || diags.oom);
		FZ_CHECK(err.line >= 0 && err.line <= maxline);
	}
	for (i = 0; i < diags.count; i++) {
		const dd_diag *d = &diags.items[i];

		FZ_CHECK(d->rule && d->message && d->message[0]);
		FZ_CHECK(d->line >= 0 && d->line <= maxline && d->column >= 0);
		FZ_CHECK(!strcmp(d->file, path));
	}
	dd_diags_sort(&diags);
	dd_diags_release(&diags);
	/* classification runs on any round that parsed (as `check` does) */
	if (r && tx) {
		FZ_CHECK(dd_taxonomy_classify_round(tx, r, &diags, &err) == 0);
		fz_check_classified(tx, r);
		dd_diags_release(&diags);
	}
	if (rc != 0) {
		dd_round_free(r);
		return NULL;
	}
	return r;
}

/* ---- diffs ------------------------------------------------------------- */

static size_t items_in(const dd_round *r, const char *id)
{
	const dd_round_section *s = dd_round_section_find(r, id);

	return s ? s->count : 0;
}

void fz_check_diff(const dd_diff *d, const dd_round *a, const dd_round *b)
{
	size_t i, j, added = 0, kept = 0, dropped = 0, changed = 0;

	FZ_CHECK(d->from == a && d->to == b);
	for (i = 0; i < d->nsections; i++) {
		const dd_diff_section *s = &d->sections[i];

		FZ_CHECK(s->id != NULL);
		FZ_CHECK(s->similarity >= 0.0 && s->similarity <= 1.0);
		FZ_CHECK(s->nchanged <= s->nkept);
		FZ_CHECK(s->nadded + s->nkept <= items_in(b, s->id));
		FZ_CHECK(s->ndropped + s->nkept <= items_in(a, s->id));
		for (j = 0; j < s->nadded; j++)
			FZ_CHECK(!s->added[j].from && s->added[j].to &&
				 s->added[j].key);
		for (j = 0; j < s->ndropped; j++)
			FZ_CHECK(s->dropped[j].from && !s->dropped[j].to &&
				 s->dropped[j].key);
		for (j = 0; j < s->nkept; j++)
			FZ_CHECK(s->kept[j].from && s->kept[j].to &&
				 s->kept[j].key);
		for (j = 0; d->nsections < 256 && j < i; j++)
			FZ_CHECK(strcmp(d->sections[j].id, s->id) != 0);
		added += s->nadded;
		kept += s->nkept;
		dropped += s->ndropped;
		changed += s->nchanged;
	}
	FZ_CHECK(added == d->nadded && kept == d->nkept &&
		 dropped == d->ndropped && changed == d->nchanged);
}

/* ---- renderers --------------------------------------------------------- */

void fz_check_utf8(const char *out, size_t len, int color)
{
	size_t bad;

	(void)color;
	if (!dd_utf8_valid(out, len, &bad))
		fz_fail("output is not valid UTF-8 at byte %zu", bad);
}

static int cmp_number(const void *x, const void *y)
{
	const dd_round *a = *(dd_round *const *)x, *b = *(dd_round *const *)y;

	return a->number < b->number ? -1 : a->number > b->number;
}

typedef void (*check_fn)(const char *out, size_t len, int color);

static void rendered(dd_buf *out, int rc, check_fn check, int color)
{
	FZ_CHECK(rc == 0);
	FZ_CHECK(!dd_buf_oom(out));
	FZ_CHECK(out->len == strlen(out->ptr));
	if (check)
		check(out->ptr, out->len, color);
	dd_buf_reset(out);
}

void fz_render(const dd_renderer *rn, const uint8_t *data, size_t size,
	       check_fn check)
{
	static const char *const paths[] = {
		"dialogues/fuzz/round-01.json", "dialogues/fuzz/round-02.json",
		"dialogues/fuzz/round-03.json"
	};
	fz_part parts[3];
	dd_round *rounds[3], *sorted[3];
	dd_diff *diffs[3] = { NULL, NULL, NULL };
	dd_render_opts o;
	dd_buf out = DD_BUF_INIT;
	dd_taxonomy *tx = fz_taxonomy();
	dd_error err;
	size_t nparts = fz_split(data, size, parts, 3), n = 0, nd = 0, i;
	int series_ok = 1;

	memset(&o, 0, sizeof(o));
	o.lang = (size & 1) ? DD_LANG_ZH : DD_LANG_EN;
	o.color = (size & 2) ? 1 : 0;
	for (i = 0; i < nparts; i++) {
		dd_round *r = fz_round(&parts[i], paths[i], tx);

		if (r)
			rounds[n++] = r;
	}
	for (i = 0; i < n && rn->show; i++)
		rendered(&out, rn->show(&out, rounds[i], tx, &o), check, o.color);
	for (i = 0; i + 1 < n; i++) {
		FZ_CHECK(dd_diff_rounds(&diffs[nd], rounds[i], rounds[i + 1], tx,
					&err) == 0);
		fz_check_diff(diffs[nd], rounds[i], rounds[i + 1]);
		if (rn->diff)
			rendered(&out, rn->diff(&out, &diffs[nd], 1, &o), check,
				 o.color);
		nd++;
	}
	if (nd > 1 && rn->diff)
		rendered(&out, rn->diff(&out, diffs, nd, &o), check, o.color);
	for (i = 0; i < nd; i++)
		dd_diff_free(diffs[i]);

	/* a series, when the rounds would make a valid one */
	memcpy(sorted, rounds, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), cmp_number);
	for (i = 0; i < n; i++) {
		if (strcmp(sorted[i]->series, sorted[0]->series))
			series_ok = 0;
		if (i && (sorted[i]->number == sorted[i - 1]->number ||
			  strcmp(sorted[i]->date, sorted[i - 1]->date) <= 0))
			series_ok = 0;
	}
	if (n && series_ok) {
		dd_series s;
		dd_timeline *tl = NULL;
		dd_report rep;
		dd_listing l;
		dd_series *ls = &s;
		const dd_taxonomy *ltx = tx;

		memset(&s, 0, sizeof(s));
		s.id = sorted[0]->series;
		s.dir = "dialogues/fuzz";
		s.path = "dialogues/fuzz/series.json";
		s.title.en = "Fuzz series";
		s.title.zh = "\xe6\xb5\x8b\xe8\xaf\x95";
		s.rounds = sorted;
		s.nrounds = n;
		FZ_CHECK(dd_timeline_build(&tl, &s, tx, &err) == 0);
		for (i = 0; i < tl->nsections; i++) {
			size_t j;

			for (j = 0; j < tl->sections[i].nrows; j++) {
				const dd_timeline_row *row = &tl->sections[i].rows[j];

				FZ_CHECK(row->npresent >= 1 && row->npresent <= n);
				FZ_CHECK(row->first <= row->last && row->last < n);
				FZ_CHECK(row->cells[row->first] && row->cells[row->last]);
			}
		}
		if (rn->timeline)
			rendered(&out, rn->timeline(&out, tl, &o), check, o.color);
		memset(&rep, 0, sizeof(rep));
		rep.series = &s;
		rep.tx = tx;
		rep.timeline = tl;
		rep.diffs = diffs;
		for (i = 0; i + 1 < n; i++) {
			FZ_CHECK(dd_diff_rounds(&diffs[i], sorted[i], sorted[i + 1],
						tx, &err) == 0);
			rep.ndiffs++;
		}
		if (rn->report)
			rendered(&out, rn->report(&out, &rep, &o), check, o.color);
		for (i = 0; i < rep.ndiffs; i++)
			dd_diff_free(diffs[i]);
		dd_timeline_free(tl);
		memset(&l, 0, sizeof(l));
		l.series = &ls;
		l.nseries = 1;
		l.txs = &ltx;
		if (rn->list)
			rendered(&out, rn->list(&out, &l, &o), check, o.color);
	}
	for (i = 0; i < n; i++)
		dd_round_free(rounds[i]);
	dd_buf_release(&out);
}
