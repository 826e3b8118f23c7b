/*
 * internal.h - helpers shared by the renderers in src/render/; not part of
 * the public API.  Everything here reads the model only: no renderer knows
 * the name of any section, entry or category.
 */
#ifndef DIALDIFF_RENDER_INTERNAL_H
#define DIALDIFF_RENDER_INTERNAL_H

#include <stddef.h>
#include "dialdiff/json.h"
#include "dialdiff/render.h"

/* The log_end of text and csv: nothing to write, the error that stopped
 * a log goes to stderr (and the exit status is 2). */
int dd_rnd_log_end(dd_buf *out, size_t n, const dd_error *failed,
		   const dd_render_opts *o);

/* opts, or the defaults (en, no colour) when opts is NULL. */
const dd_render_opts *dd_rnd_opts(const dd_render_opts *opts);

/* The name, in o's language, of the party id of o->series; id itself when
 * the series does not name it; NULL for NULL. */
const char *dd_rnd_party_name(const dd_render_opts *o, const char *id);

/* The newest side of a diff item: to, else from. */
const dd_item *dd_rnd_item(const dd_diff_item *it);

/* 1 when the rounds of d belong to two different series: its sides are
 * then named "SERIES/N" rather than by their round number alone. */
int dd_rnd_cross_series(const dd_diff *d);

/* 1 for the missing side of an added or deleted round file: a round with
 * no path and no sections (history.h). */
int dd_rnd_empty_side(const dd_round *r);

/* What the two sides of a diff are, for its heading. */
typedef enum dd_rnd_sides {
	DD_RND_PAIR,		/* two rounds: "round 1 → round 2" */
	DD_RND_NEW,		/* an added round, compared with no round */
	DD_RND_NEW_AFTER,	/* an added round, compared with the round
				   before it (from) */
	DD_RND_DELETED		/* a deleted round (from) */
} dd_rnd_sides;

/* The sides of d; baseline: dd_file_change.baseline, 0 for a diff that
 * is not a file's change. */
dd_rnd_sides dd_rnd_sides_of(const dd_diff *d, int baseline);

/*
 * The counts of a diff, or of one of its sections, in the words of the
 * legend: a kept item is either changed (dd_diff_item_changed) or
 * unchanged.
 */
typedef struct dd_rnd_counts {
	size_t added, dropped, changed, unchanged;
} dd_rnd_counts;

dd_rnd_counts dd_rnd_section_counts(const dd_diff_section *sec);
dd_rnd_counts dd_rnd_diff_counts(const dd_diff *d);

/* "+1 -2 ~3 =4" ("=4" only with with_unchanged): digits and marks, safe in
 * every format. */
void dd_rnd_counts_marks(dd_buf *out, const dd_rnd_counts *c,
			 int with_unchanged);
/* "1 added, 2 dropped, 3 changed, 4 unchanged", in lang's words */
void dd_rnd_counts_words(dd_buf *out, const dd_rnd_counts *c, dd_lang lang);

/*
 * Append which side of d does not record section sec (sec->unrecorded:
 * then nothing is added or dropped in it), in lang's words with the round
 * numbers ("not recorded in round 2", "... in rounds 1 and 2"); not
 * escaped.  Nothing when both sides record it.
 */
void dd_rnd_unrecorded(dd_buf *out, const dd_diff *d,
		       const dd_diff_section *sec, dd_lang lang);

/* 1 when kept item it is listed under o: it changed, or o->all_items. */
int dd_rnd_kept_listed(const dd_render_opts *o, const dd_diff_item *it);

/* The items a section lists under o: added, dropped, and the kept ones
 * dd_rnd_kept_listed. */
size_t dd_rnd_section_rows(const dd_render_opts *o,
			   const dd_diff_section *sec);

/* The options of a full change report (report): o with every item
 * listed, and not as a stat.  Returns tmp, filled. */
const dd_render_opts *dd_rnd_report_opts(dd_render_opts *tmp,
					 const dd_render_opts *o);

/* The DD_CHANGE_* bits, in output order. */
extern const unsigned dd_rnd_change_bits[3];

/* "explicit", "matched", "unknown-id", "unclassified", "ambiguous",
 * "error", "none". */
const char *dd_rnd_class_name(dd_class cls);
/* 1 for the classes that are check errors (unknown id, unclassified,
 * ambiguous, error). */
int dd_rnd_class_problem(dd_class cls);

/* Entry `entry` of taxonomy section `tsection`, or NULL when tx is NULL or
 * either index is out of range. */
const dd_entry *dd_rnd_entry(const dd_taxonomy *tx, int tsection, int entry);
/* Title of round section sec: from the taxonomy when it knows the section,
 * else {en: id}. */
dd_text dd_rnd_section_title(const dd_taxonomy *tx,
			     const dd_round_section *sec);

/* Number of items of the round's section called id (0 when absent). */
size_t dd_rnd_section_count(const dd_round *r, const char *id);

/* 1 when id is one of the n ids. */
int dd_rnd_has_id(const char *const *ids, size_t n, const char *id);

/*
 * The section ids to count for a set of rounds: the taxonomy's sections in
 * order, then the ids the taxonomy does not know, in order of first
 * appearance.  *out is malloc'd (free it; the strings are borrowed).
 * Returns 0, or -1 when memory runs out.
 */
int dd_rnd_section_ids(const char ***out, size_t *count,
		       const dd_taxonomy *tx, dd_round *const *rounds,
		       size_t nrounds);

/* "1", "2", ...: the round number of round index i of series s. */
long long dd_rnd_round_number(const dd_series *s, size_t i);

/* The round's path with the series folder stripped, for tables. */
const char *dd_rnd_round_file(const dd_series *s, const dd_round *r);

/*
 * The gaps of a timeline row: runs of rounds where it is absent between two
 * rounds where it is present (dropped, then added again).  Start with
 * *from = 0; each call finds the next gap at or after round index *from,
 * sets [*a, *b] to its first and last round index and *from past it, and
 * returns 1; 0 when there is no further gap.  nrounds: of the series.
 */
int dd_rnd_row_gap(const dd_timeline_row *row, size_t nrounds, size_t *from,
		   size_t *a, size_t *b);

/*
 * Append word to out with each "{1}" replaced by a and "{2}" by b (up to
 * the first '{' that starts neither); out is not escaped.
 */
void dd_rnd_fill(dd_buf *out, const char *word, long long a, long long b);

/* The words of the notes of a timeline row, in one language. */
typedef struct dd_rnd_note_words {
	const char *core;		/* present in every round */
	const char *gap;		/* {1}: dropped in round, {2}: back in */
	const char *unclassified;	/* no entry of the taxonomy */
	const char *sep;		/* between two notes */
} dd_rnd_note_words;

/* The words of text and markdown in lang: "core", "dropped {1}, re-added
 * {2}", "unclassified", "; " (the catalogue's, messages.h). */
dd_rnd_note_words dd_rnd_notes(dd_lang lang);

/*
 * Append the notes of row, a row of a timeline of s, to out (not escaped):
 * w->core when it is in every round, w->gap for each gap (dd_rnd_row_gap;
 * {1} and {2} are round numbers), w->unclassified when it has no entry;
 * w->sep between two of them; nothing when it has none.
 */
void dd_rnd_row_notes(dd_buf *out, const dd_series *s,
		      const dd_timeline_row *row, const dd_rnd_note_words *w);

/* The rounds a row was seen in, its first and last, into dst: "2", or
 * "1–4" when they differ; 64 bytes hold any. */
void dd_rnd_row_seen(char *dst, size_t size, const dd_series *s,
		     const dd_timeline_row *row);

/* Number of rows of the section present in every round (the core set). */
size_t dd_rnd_core_count(const dd_timeline_section *sec);

/*
 * s when it is valid UTF-8, else a copy in tmp (reset first) with each
 * invalid byte replaced by U+FFFD: file names come from the file system
 * and need not be UTF-8, but JSON, XML and SARIF output must be.
 */
const char *dd_rnd_utf8(dd_buf *tmp, const char *s);

/* The members of json.c and sarif.c: "key": "s" (null when s is NULL),
 * "key": v, and "key": [ or "key": { (closed with dd_json_end_*). */
void dd_rnd_jstr(dd_json_writer *w, const char *key, const char *s);
void dd_rnd_jint(dd_json_writer *w, const char *key, long long v);
void dd_rnd_jarray(dd_json_writer *w, const char *key);
void dd_rnd_jobject(dd_json_writer *w, const char *key);

/* "s" when n != 1, else "": for "1 file", "2 files". */
const char *dd_rnd_plural(size_t n);

/*
 * A line for each of the n taxonomy changes of a review or commit:
 * "taxonomy PATH changed: entries added a/b; removed ...; renamed ...;
 * patterns changed ..." (markdown: a list item, paths and ids as code).
 */
void dd_rnd_taxonomy_changes(dd_buf *out, const dd_taxonomy_change *t,
			     size_t n, int markdown, dd_lang lang);

#endif
