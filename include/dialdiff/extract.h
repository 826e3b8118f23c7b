/*
 * extract.h - from a plain-text source to taxonomy entries: the statement
 * splitter, the draft round that `dialdiff extract` writes, and the
 * listings of `dialdiff classify`.
 *
 * Extraction is exactly as good as the taxonomy: an entry is found where
 * one of its patterns matches a statement (dd_taxonomy_match_all), and
 * nothing here knows a section, an entry or a word of any language.
 *
 * Ownership: a dd_extract owns everything reachable from it (its arena);
 * free it with dd_extract_free.  It borrows the taxonomy it was run with,
 * which must outlive it.
 */
#ifndef DIALDIFF_EXTRACT_H
#define DIALDIFF_EXTRACT_H

#include <stddef.h>
#include "arena.h"
#include "buf.h"
#include "error.h"
#include "taxonomy.h"
#include "text.h"

/* One statement of a source text. */
typedef struct dd_stmt {
	const char *text;	/* NUL-terminated UTF-8: a list item, heading,
				   paragraph or sentence, its list marker
				   dropped, its lines joined by one space */
	size_t len;		/* in bytes */
	int line, column;	/* where it starts in the source (1-based;
				   the column in characters) */
	size_t hit0, nhits;	/* its hits: hits[hit0 .. hit0 + nhits) of
				   the dd_extract */
} dd_stmt;

/*
 * Split len bytes of text (valid UTF-8, no NUL byte: checked by
 * dd_extract_run, not here) into statements, appended to *out (malloc'd,
 * *count elements; free the array with free(), the texts live in arena).
 *
 * A statement ends at a blank line, before a list item or a Markdown
 * heading (a line starting with "#", "-", "*", "+", "•", "N." "N)" "N、",
 * "(N)", "（N）", "[一-十]、"), after a heading, after 。；！？ (with the
 * closing quotes and brackets that follow), after ".", "!" or "?" followed
 * by white space -- but not after an initialism ("U.S.", "D.C.": a word
 * with a dot inside), a single letter, or before a lower-case letter or a
 * digit ("No. 5") -- and, when lines_end is set (Chinese), at every line
 * end.  Otherwise the lines of a paragraph are joined by one space.  A
 * leading list marker is dropped, at the start of a line and after a
 * split ("；2.各方…"); white space (ASCII and U+3000) is trimmed; a
 * statement of punctuation and white space alone is dropped.  Never cuts
 * a UTF-8 character.  0, or DD_ENOMEM.
 */
int dd_extract_split(dd_stmt **out, size_t *count, dd_arena *arena,
		     const char *text, size_t len, int lines_end,
		     dd_error *err);

/*
 * The language of a text: zh when it holds at least one Han character
 * for every four ASCII letters, else en.
 */
dd_lang dd_extract_detect_lang(const char *text, size_t len);

/*
 * The clause of text (len bytes) around the byte span [start, end): from
 * after the last clause separator before start to the first one at or
 * after end.  Separators: , ; ! ?, ":" (not in 12:30 or http://), "."
 * followed by white space (not after an initialism), the
 * dashes "—" and "–" between spaces, and ，、；：。！？.  Trimmed of white
 * space, of quotes and brackets left unbalanced and of a list marker at
 * its start ("；3.诸多…"); a clause over 120
 * characters is cut to about 40 characters before the span and 60 after
 * it, at spaces where there are, with "…" where it is cut.  malloc'd into
 * *out; 0 or DD_ENOMEM.
 */
int dd_extract_clause(char **out, const char *text, size_t len, size_t start,
		      size_t end, dd_error *err);

/* One item of the draft: an entry found, and where first. */
typedef struct dd_extract_item {
	int section, entry;	/* indices in the taxonomy */
	const char *label;	/* the clause around the first match */
	size_t stmt;		/* the statement of the first match */
} dd_extract_item;

typedef struct dd_extract {
	dd_arena arena;
	dd_taxonomy *tx;	/* borrowed */
	dd_lang lang;		/* the text's language */
	dd_stmt *stmts;
	size_t nstmts;
	dd_hit *hits;		/* every statement's, statement by statement */
	size_t nhits;
	dd_extract_item *items;	/* one per entry found: by section in
				   taxonomy order, then in order of first
				   appearance in the text */
	size_t nitems;
	size_t *per_section;	/* items per taxonomy section */
} dd_extract;

/* The language to use: DD_LANG_EN, DD_LANG_ZH, or this for detection. */
#define DD_EXTRACT_AUTO (-1)

/*
 * Split text (len bytes; path names it in messages) into statements and
 * match every one against every section of tx.  lang is DD_LANG_EN,
 * DD_LANG_ZH or DD_EXTRACT_AUTO (dd_extract_detect_lang); in Chinese,
 * line ends end statements.  Returns 0 with *out set, or a negative code:
 * DD_ERROR with err at path:line:col for invalid UTF-8 or a NUL byte, the
 * failures of dd_taxonomy_match_all (the match limit, DD_ETOOBIG when the
 * budget of match time is spent), DD_ENOMEM.
 */
int dd_extract_run(dd_extract **out, dd_taxonomy *tx, const char *text,
		   size_t len, const char *path, int lang, dd_error *err);
void dd_extract_free(dd_extract *x);

/* What the draft round says besides its topics. */
typedef struct dd_extract_meta {
	const char *series;	/* the series id */
	long long round;	/* its number */
	const char *date;	/* YYYY-MM-DD */
	const char *source;	/* the source as the user named it, or NULL
				   for standard input */
} dd_extract_meta;

/*
 * The draft round, written as `dialdiff new` writes one
 * (dd_author_round_json, in fmt's canonical layout): schema_version,
 * series, round, date, a title saying it is a draft, the source in
 * "sources" (when named), and "topics" with every section of the
 * taxonomy (empty ones as []); each item
 * { "id": entry, "label": { LANG: clause }, "note": "line N of SOURCE" }.
 * out's content is replaced.  0 or a negative code.
 */
int dd_extract_round(dd_buf *out, const dd_extract *x,
		     const dd_extract_meta *meta, dd_error *err);

/*
 * The dialdiff/extract@1 document (docs/formats.md): source, lang,
 * statements (line, column, text, matches: section, entry, pattern, start,
 * end, match), summary and the draft round (round: the text from
 * dd_extract_round, written in the same canonical layout).  Ends with a
 * newline.  0 or a negative code.
 */
int dd_extract_json(dd_buf *out, const dd_extract *x,
		    const dd_extract_meta *meta, const dd_buf *round,
		    dd_error *err);

/* The items as text: per section, "  ENTRY  LABEL  (line N)". */
void dd_extract_text(dd_buf *out, const dd_extract *x, dd_lang lang);

/*
 * `dialdiff classify`: match each of the n texts against every section of
 * tx and list, per text, the entries that match with the pattern and the
 * span, or "no entry" -- as text, or (json set) as dialdiff/classify@1.
 * *unmatched gets the number of texts that matched no entry.  A text
 * that is not valid UTF-8 fails (err names it by its number).  0 or a
 * negative code.
 */
int dd_extract_classify(dd_buf *out, size_t *unmatched, dd_taxonomy *tx,
			const char *const *texts, size_t n, int json,
			dd_lang lang, dd_error *err);

#endif
