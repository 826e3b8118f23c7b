/*
 * messages.h - the message catalogue: every word the renderers print
 * themselves (headings, legends, counts, notes), one table per language.
 * Names come from the data, never from here; JSON keys are not words and
 * stay English.  Internal to src/render/.
 *
 * A word may hold "{1}" and "{2}", which dd_msg_fill replaces by numbers.
 * The U_* ids without a letter after U_ are the HTML page's (capitalised,
 * as headings); U_L_* are shared by text and markdown, U_T_* are text's,
 * U_M_* markdown's.
 */
#ifndef DIALDIFF_RENDER_MESSAGES_H
#define DIALDIFF_RENDER_MESSAGES_H

#include "dialdiff/buf.h"
#include "dialdiff/history.h"
#include "dialdiff/round.h"
#include "dialdiff/text.h"

typedef enum dd_msg {
	U_OVERVIEW, U_TIMELINE, U_CHANGES, U_SOURCES, U_CONTENTS,
	U_ROUNDS_N, U_PARTIES, U_ROUND, U_ROUND_N, U_DATE, U_PLACE, U_TITLE,
	U_CHAIRS, U_FILE, U_SERIES, U_AT_A_GLANCE, U_PAIR, U_DATES,
	U_ADDED, U_CHANGED, U_DROPPED, U_UNCHANGED, U_PRESENT,
	U_ABSENT, U_LEGEND_PRESENT, U_LEGEND_ADDED, U_LEGEND_DROPPED,
	U_LEGEND_ABSENT, U_LEGEND_ACTION, U_SIMILARITY, U_SIMILARITY_PREV,
	U_SIMILARITY_ALL, U_TOPIC, U_SEEN, U_ROUNDS_PRESENT, U_NOTES,
	U_CORE, U_CORE_SET, U_NONE, U_GAP, U_UNCLASSIFIED, U_ID, U_ACTION,
	U_NOTE, U_WAS, U_NOTE_WAS, U_NOT_RECORDED_1, U_NOT_RECORDED_2, U_SECTIONS_N, U_NO_SOURCES,
	U_NO_CHANGES, U_REAFFIRMS, U_TOPIC_1, U_TOPICS_N, U_NOT_CLASSIFIED,
	U_AMBIGUOUS, U_UNKNOWN_ID, U_MADE_BY, U_COMMIT, U_MODIFIED,
	U_ROUND_LIST, U_NO_ROUNDS,
	U_LPAREN, U_RPAREN, U_COMMA, U_SEMI, U_COLON,
	/* the action vocabulary (round.h) */
	U_ACT_PROPOSED, U_ACT_AGREED, U_ACT_ESTABLISHED, U_ACT_IMPLEMENTED,
	U_ACT_CONTINUED, U_ACT_STRENGTHENED, U_ACT_REVIEWED, U_ACT_RETAINED,
	U_ACT_REAFFIRMED, U_ACT_CONSIDERED,

	/* text and markdown (lower case, as a terminal shows them) */
	U_L_ROUND, U_L_ROUND_N, U_L_PAIR, U_L_ROUNDS, U_L_DATE, U_L_DATES,
	U_L_PLACE, U_L_TITLE, U_L_FILE, U_L_SERIES, U_L_CHAIRS, U_L_PARTIES,
	U_L_SEEN, U_L_NOTES, U_L_TOPIC, U_L_ID, U_L_ACTION, U_L_NOTE,
	U_L_LABEL, U_L_SECTION, U_L_ADDED, U_L_DROPPED, U_L_CHANGED,
	U_L_UNCHANGED, U_L_SIMILARITY, U_L_REAFFIRMS, U_L_ERROR, U_L_NONE,
	U_L_NONE_AFTER, U_L_LABEL_CHANGED, U_L_COLON, U_L_SEP, U_L_FIRST,
	U_L_N_ROUND, U_L_N_ROUNDS, U_L_N_SECTION, U_L_N_SECTIONS,
	U_L_N_TOPIC, U_L_N_TOPICS, U_L_N_CHANGES, U_L_N_ADDED, U_L_N_DROPPED,
	U_L_N_CHANGED, U_L_N_UNCHANGED, U_L_NOTE_CORE, U_L_NOTE_GAP,
	U_L_NOTE_SEP, U_L_SIM_PREV, U_T_DIFF, U_T_NEW, U_T_NEW_AFTER,
	U_T_DELETED, U_T_TIMELINE, U_T_ROUNDS, U_T_CELLS, U_T_CORE_SET,
	U_T_SIM_ALL, U_T_NO_ROUNDS, U_M_NEW, U_M_NEW_AFTER, U_M_DELETED,
	U_M_IN, U_M_TIMELINE, U_M_CORE_SET, U_M_N_ROUND_HEAD,
	U_M_N_ROUNDS_HEAD, U_M_TIMELINE_LEGEND, U_M_NOT_LISTED,
	U_M_LEGEND_SEP, U_M_N_NOT_CLASSIFIED,
	/* review and log */
	U_L_ST_ADDED, U_L_ST_DELETED, U_L_ST_MODIFIED, U_L_ST_RENAMED,
	U_L_ST_RECLASSIFIED, U_M_ST_ADDED, U_M_ST_DELETED, U_M_ST_MODIFIED,
	U_M_ST_RENAMED, U_M_ST_RECLASSIFIED, U_L_N_ST_ADDED,
	U_L_N_ST_DELETED, U_L_N_ST_MODIFIED, U_L_N_ST_RENAMED,
	U_L_N_ST_RECLASSIFIED, U_T_RECLASSIFIED_NOTE, U_M_RECLASSIFIED_NOTE,
	U_L_ERROR_IS, U_L_CANNOT_COMPARE, U_L_UNKNOWN_ERROR, U_L_WORKTREE,
	U_T_REVIEW, U_T_NO_FILE_CHANGED, U_M_REVIEW, U_M_LOG,
	U_M_N_FILE_CHANGED, U_M_N_FILES_CHANGED, U_M_MERGE_OF, U_M_N_COMMIT,
	U_M_N_COMMITS, U_M_LOG_STOPPED, U_L_TAXONOMY, U_L_TX_CHANGED,
	U_L_TX_ADDED, U_L_TX_REMOVED, U_L_TX_RENAMED, U_L_TX_REPATTERNED,
	U_L_TX_NONE,
	U_COUNT
} dd_msg;

/* The word id in lang (English when that table lacks it): static. */
const char *dd_msg_get(dd_lang lang, dd_msg id);

/* Append word id of lang to out with {1} and {2} replaced by a and b
 * (not escaped). */
void dd_msg_fill(dd_buf *out, dd_lang lang, dd_msg id, long long a,
		 long long b);

/* Append "n things": word one when n is 1, else many, filled with n. */
void dd_msg_count(dd_buf *out, dd_lang lang, dd_msg one, dd_msg many,
		  size_t n);

/* An action of the vocabulary of round.h ("established") in lang, or
 * action itself when it is not one of them (data); NULL for NULL. */
const char *dd_msg_action(dd_lang lang, const char *action);

/* A file's status in lang: "modified" (capital: "Modified"). */
const char *dd_msg_status(dd_lang lang, dd_file_status st, int capital);
/* "2 modified": the count of files of a status, in lang. */
void dd_msg_status_count(dd_buf *out, dd_lang lang, dd_file_status st,
			 size_t n);

/* The class of an item in lang: in English its name (dd_rnd_class_name:
 * "unknown-id", ...), in Chinese a word. */
const char *dd_msg_class(dd_lang lang, dd_class cls);

#endif
