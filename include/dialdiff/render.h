/*
 * render.h - output formats.
 *
 * Each format is a dd_renderer: a table of functions, one per kind of
 * result; NULL where the format does not apply.  A renderer appends to a
 * dd_buf and never writes to a stream, so nothing reaches stdout unless the
 * whole output was produced.  Adding a format = one file in src/render/
 * and one line in the table in src/render/render.c.
 */
#ifndef DIALDIFF_RENDER_H
#define DIALDIFF_RENDER_H

#include <stddef.h>
#include "buf.h"
#include "diag.h"
#include "diff.h"
#include "history.h"
#include "round.h"
#include "series.h"
#include "taxonomy.h"
#include "text.h"
#include "timeline.h"

typedef struct dd_render_opts {
	dd_lang lang;
	int color;		/* ANSI colours (text only) */
	/* The gates of diff and review (borrowed), for formats that report
	   them (json: "gates"). */
	const struct dd_gate *gates;
	size_t ngates;
	/* What a diff lists in text and markdown (diff, review, log): added,
	   dropped and changed items, and unchanged kept ones only with
	   all_items.  The report lists them all whatever this says; json
	   ("kept") and html always list them all. */
	int all_items;
	/* A line of counts per section instead of its items (text and
	   markdown: diff, review, log; not the report). */
	int stat;
	/* log: one line per commit, with the counts of each file (text and
	   markdown). */
	int oneline;
	/* show: the series of the round (borrowed; may be NULL), whose
	   parties name the chairs' parties. */
	const dd_series *series;
	/* Where an html page comes from, said in its footer: the commit the
	   record was read at (40 hex digits, borrowed; NULL when it was not
	   read from a repository), whether the files read differ from it
	   (the work tree has changes), and, when dated is set, the time the
	   page was made (seconds since the epoch, shown in UTC: the CLI
	   takes SOURCE_DATE_EPOCH when set, so that a page is reproducible). */
	const char *commit;
	int commit_modified;
	int dated;
	long long date;
} dd_render_opts;

/* The whole change report of one series. */
typedef struct dd_report {
	const dd_series *series;
	const dd_taxonomy *tx;
	const dd_timeline *timeline;
	dd_diff **diffs;	/* consecutive pairs: nrounds - 1 */
	size_t ndiffs;
} dd_report;

/* What `list` shows: every series found, with its rounds. */
typedef struct dd_listing {
	dd_series **series;
	size_t nseries;
	const dd_taxonomy **txs;	/* per series, the taxonomy it reads, or
					   NULL (sections from its rounds) */
} dd_listing;

/* What `check` found. */
typedef struct dd_check_result {
	const dd_diags *diags;	/* sorted: file after file, by position */
	const char *const *files;	/* every file checked, in order */
	size_t nfiles;
	int strict;		/* warnings fail too (junit marks them failures) */
} dd_check_result;

typedef struct dd_renderer {
	const char *name;
	int (*report)(dd_buf *out, const dd_report *r, const dd_render_opts *o);
	int (*list)(dd_buf *out, const dd_listing *l, const dd_render_opts *o);
	int (*show)(dd_buf *out, const dd_round *r, const dd_taxonomy *tx,
		    const dd_render_opts *o);
	/* n diffs: one for `diff A B`, several for `diff --all`. */
	int (*diff)(dd_buf *out, dd_diff *const *d, size_t n,
		    const dd_render_opts *o);
	int (*timeline)(dd_buf *out, const dd_timeline *t,
			const dd_render_opts *o);
	int (*check)(dd_buf *out, const dd_check_result *c,
		     const dd_render_opts *o);
	/* The round files changed between two revisions.  A review with
	   neither from_rev nor to_rev set (the diff driver's single file)
	   is shown without the review's own header line. */
	int (*review)(dd_buf *out, const dd_review *r, const dd_render_opts *o);
	/*
	 * A log, one commit at a time, so that a long history is never held
	 * whole: log_begin, log_commit for each commit (index counts from
	 * 0), log_end with the number of commits.  dd_render_log() renders a
	 * whole dd_log with them.  A log cut short by an error after some
	 * commits were written out ends with log_end(..., failed): the JSON
	 * document is then closed with an "error" member, never left open.
	 */
	int (*log_begin)(dd_buf *out, const dd_render_opts *o);
	int (*log_commit)(dd_buf *out, const dd_log_commit *c, size_t index,
			  const dd_render_opts *o);
	int (*log_end)(dd_buf *out, size_t ncommits, const dd_error *failed,
		       const dd_render_opts *o);
} dd_renderer;

/* A whole log through r's log_begin, log_commit and log_end. */
int dd_render_log(dd_buf *out, const dd_renderer *r, const dd_log *l,
		  const dd_render_opts *o);

/*
 * The stable listing of one classified round that git's textconv driver
 * diffs: metadata lines, then one line per topic in taxonomy order
 * ("SECTION: KEY (ACTION)  ZH / EN"), then reaffirmed documents.  Nothing
 * in it depends on other lines (no alignment, no colour), so a change to
 * one topic changes one line.
 */
int dd_render_listing(dd_buf *out, const dd_round *r);

/* The renderer called name ("text", "markdown", "json", ...), or NULL. */
const dd_renderer *dd_render_find(const char *name);
/* NULL-terminated list of all renderers. */
extern const dd_renderer *const dd_renderers[];

extern const dd_renderer dd_render_text;
extern const dd_renderer dd_render_markdown;
extern const dd_renderer dd_render_json;
extern const dd_renderer dd_render_html;
/* list, timeline, diff, review, log: RFC 4180 tables (src/render/csv.c);
   csv-excel: the same with a BOM and cells guarded against formulas */
extern const dd_renderer dd_render_csv;
extern const dd_renderer dd_render_csv_excel;
/* For `check` only: */
extern const dd_renderer dd_render_github;	/* workflow commands */
extern const dd_renderer dd_render_junit;	/* JUnit XML */
extern const dd_renderer dd_render_sarif;	/* SARIF 2.1.0 */

/* Schema names of the JSON outputs. */
#define DD_SCHEMA_DIFF "dialdiff/diff@1"
#define DD_SCHEMA_DIFFS "dialdiff/diffs@1"
#define DD_SCHEMA_REPORT "dialdiff/report@1"
#define DD_SCHEMA_TIMELINE "dialdiff/timeline@1"
#define DD_SCHEMA_LIST "dialdiff/list@1"
#define DD_SCHEMA_ROUND "dialdiff/round@1"
#define DD_SCHEMA_CHECK "dialdiff/check@1"
#define DD_SCHEMA_REVIEW "dialdiff/review@1"
#define DD_SCHEMA_LOG "dialdiff/log@1"

#endif
