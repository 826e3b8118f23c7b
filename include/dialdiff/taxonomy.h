/*
 * taxonomy.h - sections, canonical entries and classification by PCRE2.
 *
 * The only module that includes PCRE2.  A taxonomy file is
 *
 *   { "schema_version": 1,
 *     "sections": [ { "id": "...", "title": {"en": "...", "zh": "..."},
 *                     "entries": [ { "id": "...",
 *                                    "name": {"en": "...", "zh": "..."},
 *                                    "patterns": ["PCRE2", ...] } ] } ] }
 *
 * Patterns are compiled once, when the taxonomy is loaded (or, with
 * DD_TAXONOMY_LAZY, when a label is first matched against their section),
 * with PCRE2_UTF, PCRE2_UCP and PCRE2_CASELESS, JIT-compiled where the
 * platform allows when their section is first matched against, and
 * matched under a match limit and a heap limit, so that a pattern that
 * backtracks catastrophically fails quickly instead of hanging.  Each
 * distinct (section, text) pair is matched once: results are cached.
 *
 * Ownership: the taxonomy owns everything reachable from it; free it with
 * dd_taxonomy_free.  Classification mutates only the cache, so a taxonomy is
 * not safe to share between threads.
 */
#ifndef DIALDIFF_TAXONOMY_H
#define DIALDIFF_TAXONOMY_H

#include <stddef.h>
#include "arena.h"
#include "diag.h"
#include "error.h"
#include "round.h"
#include "text.h"

typedef struct dd_entry {
	const char *id;
	dd_text name;
	const char **patterns;
	dd_pos *pattern_pos;
	size_t npatterns;
	dd_pos pos;
} dd_entry;

typedef struct dd_tsection {
	const char *id;
	dd_text title;
	dd_entry *entries;
	size_t nentries;
	dd_pos pos;
} dd_tsection;

typedef struct dd_taxonomy_impl dd_taxonomy_impl;

typedef struct dd_taxonomy {
	dd_arena arena;
	const char *path;
	dd_tsection *sections;
	size_t nsections;
	dd_taxonomy_impl *impl;	/* compiled patterns, id index, cache */
} dd_taxonomy;

/*
 * Load and compile a taxonomy from len bytes of buf.  Problems go to diags
 * (may be NULL) with rule ids json-syntax (or duplicate-key, invalid-utf8,
 * nesting-depth, merge-conflict), type, required, unknown-key
 * (warning), taxonomy-pattern (does not compile: message names the pattern
 * and the character column of the error), taxonomy-duplicate (a section or
 * entry id given twice).  Returns 0, or a negative code with err set to the
 * first error (and *out NULL).
 */
int dd_taxonomy_load(dd_taxonomy **out, const char *buf, size_t len,
		     const char *path, dd_diags *diags, dd_error *err);

/* Flags of dd_taxonomy_load_flags. */
#define DD_TAXONOMY_LAZY 1u	/* compile patterns on first use */

/*
 * dd_taxonomy_load with flags.  DD_TAXONOMY_LAZY leaves the patterns of a
 * section uncompiled until a label is first matched against that section
 * (items with explicit ids never need them): loading a 60,000-entry
 * taxonomy then takes less than half the instructions, and no memory for
 * compiled patterns.  A pattern that does not compile is then not a load-time
 * diagnostic; dd_taxonomy_match and dd_taxonomy_classify_round fail with
 * DD_ERROR when they need its section, err at the pattern (the column of
 * the error is exact for a pattern written without escapes) with the
 * loader's message.  For commands that only classify; `check`, which must
 * report every pattern, loads eagerly.
 */
int dd_taxonomy_load_flags(dd_taxonomy **out, const char *buf, size_t len,
			   const char *path, unsigned flags, dd_diags *diags,
			   dd_error *err);
void dd_taxonomy_free(dd_taxonomy *tx);

/* The default budget of match time of a taxonomy, in seconds. */
#define DD_TAXONOMY_BUDGET 5.0

/*
 * The time all its pattern runs together may take (seconds; 0: no limit):
 * past it, every match fails with DD_ETOOBIG and a message naming the
 * slowest pattern, and check reports rule taxonomy-too-slow once.  A
 * taxonomy starts with DIALDIFF_MATCH_BUDGET from the environment when
 * that is a positive number, else DD_TAXONOMY_BUDGET.  Per-match limits
 * (match, depth, heap) hold as well.
 */
void dd_taxonomy_budget(dd_taxonomy *tx, double seconds);

/* Index of the section with this id, or -1. */
int dd_taxonomy_section(const dd_taxonomy *tx, const char *id);
/* Index of the entry with this id in section s, or -1.  O(1). */
int dd_taxonomy_entry(const dd_taxonomy *tx, size_t s, const char *id);

typedef struct dd_match {
	size_t count;		/* distinct entries matched (0, 1, 2: "2 or more") */
	int entry[2];		/* the first two entries, in taxonomy order, or -1 */
} dd_match;

/*
 * Match one text (valid UTF-8) against the entries of section s.  Returns 0,
 * or a negative code when PCRE2 fails (the match limit, the heap limit),
 * with err naming the entry and the pattern, or when a pattern of the
 * section does not compile (DD_TAXONOMY_LAZY).
 */
int dd_taxonomy_match(dd_match *out, dd_taxonomy *tx, size_t s,
		      const char *text, dd_error *err);

/* One entry whose patterns match a text (dd_taxonomy_match_all). */
typedef struct dd_hit {
	int section;		/* section index in the taxonomy */
	int entry;		/* entry index in its section */
	int pattern;		/* the pattern whose match starts first (the
				   earlier pattern on a tie) */
	size_t start, end;	/* that match, as a byte span of the text */
} dd_hit;

/*
 * Every entry of section s whose patterns match text (len bytes; checked
 * for valid UTF-8): one hit per entry, in taxonomy order, appended to the
 * malloc'd array *hits of *nhits elements (the caller frees it, also on
 * failure).  A span never cuts a UTF-8 character.  Not cached: for
 * classify and extract, which match every text once.  Fails as
 * dd_taxonomy_match (the limits, the budget of match time: DD_ETOOBIG,
 * err at the slowest pattern), or DD_ERROR for invalid UTF-8.
 */
int dd_taxonomy_match_all(dd_hit **hits, size_t *nhits, dd_taxonomy *tx,
			  size_t s, const char *text, size_t len,
			  dd_error *err);

/*
 * Classify every item of the round: set tsection of each section and cls,
 * entry, entry2 and key of each item (key is the entry id, or the
 * normalized label when the item has no unique entry; allocated from the
 * round's arena).  Problems go to diags (may be NULL): unknown-section,
 * unknown-id, unclassified, ambiguous, duplicate-item (the same key twice
 * in one section), match-limit; all errors.  Returns 0 unless memory
 * runs out or, for a taxonomy loaded with DD_TAXONOMY_LAZY, a pattern of a
 * section that an item needs does not compile (DD_ERROR, err at the
 * pattern): classification problems are diagnostics, never failures, so
 * that a diff still runs.
 */
int dd_taxonomy_classify_round(dd_taxonomy *tx, dd_round *round,
			       dd_diags *diags, dd_error *err);

#endif
