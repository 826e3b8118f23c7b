/*
 * author.h - writing a record: a new dialogues folder and series
 * (dialdiff init), the next round of a series (dialdiff new), and the
 * canonical text of any round built in memory, for every command that
 * drafts rounds.
 *
 * Everything is written in fmt's canonical layout (fmt.h: the text is
 * put through dd_fmt_buffer, so `dialdiff fmt --check` never finds a
 * written file to format) and created with dd_write_file_new (buf.h):
 * atomically, and never over an existing file.  Paths are paths of the
 * project's source, which must be the working tree (DD_EUSAGE for a
 * revision).
 *
 * Ownership: a dd_round from dd_author_draft and a dd_series from
 * dd_author_series belong to the caller (dd_round_free, dd_series_free);
 * strings and lists returned through char ** are malloc'd (free, or
 * dd_source_names_free for a list).
 *
 * Typical use (dialdiff new):
 *
 *   dd_author_series(&s, project, "us-china", NULL, &err);
 *   (classify the round to carry over with the series' taxonomy)
 *   dd_author_next_round(&path, &n, s, &err);
 *   dd_author_draft(&r, s, n, tx, &opts, &notes, &err);
 *   dd_author_round_json(&buf, r, &err);
 *   dd_author_write_new(project, path, buf.ptr, buf.len, &err);
 */
#ifndef DIALDIFF_AUTHOR_H
#define DIALDIFF_AUTHOR_H

#include <stddef.h>
#include "buf.h"
#include "diag.h"
#include "error.h"
#include "project.h"
#include "round.h"
#include "series.h"
#include "taxonomy.h"

/*
 * 1 when id may name a new series: 1 to 100 ASCII letters, digits, '-',
 * '_' and '.', starting with a letter or a digit, and not "schema" (the
 * folder of the round schema).  Such an id is a folder name, a
 * SERIES/N selector and a JSON string with nothing to escape.
 */
int dd_author_series_id_valid(const char *id);

/*
 * Set up a record in project p: the dialogues folder (and the folders
 * above it) when it is missing; DIR/taxonomy.json, a skeleton of one
 * section with one entry, when it is missing; and with series (not NULL),
 * the folder DIR/SERIES and its series.json (schema_version, id, an empty
 * title in both languages, no parties).  Nothing is overwritten, and
 * whatever would stop it is found before the first write: DD_EEXIST when
 * series.json is already there, or, with series NULL, when the taxonomy
 * is (nothing to do); DD_EUSAGE for an invalid series id; DD_ERROR when
 * the dialogues folder or the series folder is a file.  *created lists
 * the files written, in that order (NULL-terminated; also when a later
 * write fails); *count their number.
 */
int dd_author_init(char ***created, size_t *count, dd_project *p,
		   const char *series, dd_error *err);

/*
 * The series id of project p, loaded to write its next round: its
 * series.json must exist and load without error (else DD_ENOTFOUND or
 * DD_ERROR, err at the first problem), and every round file must be read
 * and numbered, or the next number is unknown (DD_ERROR, err at the
 * first file that is not).  Other problems of its rounds (a draft without
 * a date, an unclassified label) do not stop it: those rounds are kept.
 * Every problem found goes to diags (may be NULL).
 */
int dd_author_series(dd_series **out, dd_project *p, const char *id,
		     dd_diags *diags, dd_error *err);

/*
 * The number of the next round of s (one after its highest; 1 for none)
 * and the path of its file in the series folder: the name of the highest
 * round's file with the number in it replaced, as wide as it was
 * ("round-04.json" -> "round-05.json"), else "round-NN.json" (two digits
 * at least).  DD_ERROR when s has round files that could not be read or
 * numbered (s->nunplaced).  The file is not looked at: writing it with
 * dd_author_write_new fails when it exists.
 */
int dd_author_next_round(char **out_path, long long *out_number,
			 const dd_series *s, dd_error *err);

typedef struct dd_author_draft_opts {
	const char *date;	/* YYYY-MM-DD; NULL: "" (to be filled in) */
	dd_text title;		/* a NULL language: "" (to be filled in) */
	const dd_round *from;	/* the round whose topics to carry over,
				   classified with the taxonomy given to
				   dd_author_draft; NULL: none */
} dd_author_draft_opts;

/*
 * A draft of round number of series s: schema_version 1, the series id,
 * the number, the date, the title, a chair with an empty name (both
 * languages) for each party of s (those series.json lists, else those of
 * the chairs of its last round), no sources, and topics: every section
 * of tx, in its order, with the items of o->from in it (each with an
 * explicit id: its own, else the entry its label matched; its label; no
 * action, no note), then the sections of o->from that tx does not know,
 * as they are.  An item of o->from without an entry is carried without
 * an id, and a warning about it goes to notes (may be NULL; rule
 * unclassified, ambiguous or match-limit, at the item).  tx may be NULL:
 * then only o->from's sections.  A date that is not a real YYYY-MM-DD, or
 * is not after the date of the round before number, is DD_EUSAGE.
 */
int dd_author_draft(dd_round **out, const dd_series *s, long long number,
		    const dd_taxonomy *tx, const dd_author_draft_opts *o,
		    dd_diags *notes, dd_error *err);

/*
 * The text of round r, in fmt's canonical layout, into out (its content
 * is replaced): schema_version (1 when r has none), series, round, date,
 * title, place (when set), chairs, sources, topics, reaffirms (when
 * there are some); members that are NULL are left out (chairs and
 * sources too: an allocated array of none is []).
 */
int dd_author_round_json(dd_buf *out, const dd_round *r, dd_error *err);

/*
 * Create file path of p's source with len bytes of data: atomically, and
 * only when nothing is there (dd_write_file_new: DD_EEXIST, and the file
 * untouched).  The folder must exist.  err names path.
 */
int dd_author_write_new(dd_project *p, const char *path, const void *data,
			size_t len, dd_error *err);

#endif
