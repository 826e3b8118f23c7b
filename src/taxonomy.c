/*
 * taxonomy.c - load a taxonomy, compile its patterns with PCRE2 and
 * classify the items of a round.
 *
 * The only module that includes PCRE2.  Every pattern is compiled once,
 * with PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS: at load time, so that a
 * pattern that does not compile is reported by the loader, or, with
 * DD_TAXONOMY_LAZY, when a label is first matched against its section.
 * The patterns of a section are JIT-compiled (where the platform allows)
 * when a label is first matched against that section, never at load time:
 * JIT compilation costs about 12 times as much as compilation and 1.7 KiB
 * of executable memory per pattern, and a taxonomy of 60,000 entries whose
 * items all carry explicit ids never needs it.  Matching shares one match
 * context (match, heap and depth limits, a JIT stack) and one match data
 * block.  Labels are checked for valid UTF-8 once, when they first reach
 * the cache, and then matched with PCRE2_NO_UTF_CHECK against every
 * pattern that could match them (see byteset).
 *
 * Hash maps (dd_strmap) in the implementation record give O(1) lookups:
 * section id -> section; per section, entry id -> entry, and the cache,
 * text -> the dd_match result (or the failure), so that each distinct
 * label is matched once per section.  Keys are strings in the taxonomy's
 * arena.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdint.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/json.h"
#include "dialdiff/strmap.h"
#include "dialdiff/taxonomy.h"
#include "dialdiff/text.h"
#include "load.h"

/* Limits of one match: backtracking steps, heap (KiB), backtracking depth. */
#define MATCH_LIMIT 1000000u
#define HEAP_LIMIT_KIB 20000u
#define DEPTH_LIMIT 100000u
/* The clock is read every so many pattern runs (and after a run that hit
 * a limit: those are the slow ones), for the budget. */
#define BUDGET_TICKS 64u
/* A pattern run that stopped because the budget of the taxonomy ran out
 * (cached.pcre_rc). */
#define BUDGET_SPENT 1
/* The JIT's own stack (the JIT ignores the heap and depth limits). */
#define JIT_STACK_START (32u << 10)
#define JIT_STACK_MAX (1u << 20)

/* ------------------------------------------------------------------------
 * Implementation record.
 */

/* How far the patterns of a section are compiled. */
enum section_state {
	SEC_RAW = 0,		/* not compiled (DD_TAXONOMY_LAZY) */
	SEC_COMPILED,		/* compiled, not JIT-compiled */
	SEC_READY,		/* ready to match, some pattern without JIT
				   code (the interpreter runs it) */
	SEC_JIT,		/* ready, every pattern JIT-compiled */
	SEC_BROKEN		/* a pattern does not compile (lazily found) */
};

/* One cached match: the result, or how the match failed. */
typedef struct cached {
	int status;		/* 0, or the negative code returned */
	dd_match m;
	int fail_section, fail_entry, fail_pattern;	/* the pattern that
							   failed */
	int pcre_rc;		/* its PCRE2 error code */
} cached;

/*
 * A set of bytes, a bit each.  Per pattern: the bytes a match can begin
 * with, from PCRE2's own start-of-match information (its first code unit,
 * either case, or its bitmap of first code units), all bits where PCRE2
 * has none.  A text that holds none of them cannot match, and the pattern
 * is not run on it: a label in one language skips most patterns of the
 * other.
 */
typedef struct byteset {
	uint64_t w[4];
} byteset;

struct dd_taxonomy_impl {
	pcre2_code ****codes;	/* codes[s][e][p], arrays in the arena */
	byteset **starts;	/* per section, per pattern in order (the
				   arena; set when the section is ready) */
	unsigned char *state;	/* per section: enum section_state */
	unsigned flags;		/* DD_TAXONOMY_* */
	pcre2_match_context *mctx;
	pcre2_match_data *md;
	pcre2_jit_stack *jit_stack;
	dd_strmap section_ids;	/* id -> dd_tsection */
	dd_strmap *entry_ids;	/* per section: id -> dd_entry */
	dd_strmap *cache;	/* per section: text -> cached */
	size_t nmaps;		/* sections with maps (for freeing) */
	/* the budget of match time (dd_taxonomy_budget): seconds allowed
	   and used, the clock when last read, runs since; the pattern that
	   was running when the slowest stretch between two readings ended */
	double budget, used, worst;
	struct timespec mark;
	unsigned ticks;
	int spent, worst_sec, worst_e, worst_p;
	int run_sec, run_e, run_p;	/* the pattern that ran last */
	int told;		/* taxonomy-too-slow reported */
};

void dd_taxonomy_free(dd_taxonomy *tx)
{
	dd_taxonomy_impl *im;

	if (!tx)
		return;
	im = tx->impl;
	if (im) {
		size_t s, e, p;

		for (s = 0; im->codes && s < tx->nsections; s++) {
			const dd_tsection *ts = &tx->sections[s];

			for (e = 0; im->codes[s] && e < ts->nentries; e++)
				for (p = 0; im->codes[s][e] &&
					    p < ts->entries[e].npatterns; p++)
					pcre2_code_free(im->codes[s][e][p]);
		}
		pcre2_match_data_free(im->md);
		pcre2_match_context_free(im->mctx);
		pcre2_jit_stack_free(im->jit_stack);
		dd_strmap_release(&im->section_ids);
		for (s = 0; s < im->nmaps; s++) {
			dd_strmap_release(&im->entry_ids[s]);
			dd_strmap_release(&im->cache[s]);
		}
		free(im);
	}
	dd_arena_release(&tx->arena);
	free(tx);
}

/* ------------------------------------------------------------------------
 * Loading.
 */

typedef struct loadctx {
	dd_loader l;
	dd_taxonomy *tx;
	const char *buf;	/* the JSON text, to place pattern errors */
	size_t len;
} loadctx;

static void note_oom(loadctx *c)
{
	if (!c->l.oom) {
		c->l.oom = 1;
		if (!c->l.failed) {
			c->l.failed = 1;
			dd_error_oom(c->l.err);
		}
	}
}

/* Byte offset of the character at (line, column) of buf, or SIZE_MAX.
 * Lines end at '\n'; columns count characters. */
static size_t offset_of(const char *buf, size_t len, dd_pos pos)
{
	size_t i = 0;
	int line = 1, col = 1;

	if (pos.line < 1 || pos.column < 1)
		return SIZE_MAX;
	while (i < len && line < pos.line)
		if (buf[i++] == '\n')
			line++;
	while (i < len && col < pos.column && buf[i] != '\n') {
		i++;
		while (i < len && ((unsigned char)buf[i] & 0xC0) == 0x80)
			i++;
		col++;
	}
	return line == pos.line && col == pos.column && i < len ? i : SIZE_MAX;
}

/* The code point of \uXXXX at s (6 bytes available), or -1. */
static long u_escape(const char *s)
{
	return s[0] == '\\' && s[1] == 'u' ? dd_hex4(s + 2) : -1;
}

/*
 * Column in the JSON file of byte boff of a pattern whose string literal
 * starts (at its opening quote) at pos.  Walks the literal in the source,
 * counting one column per source character, so that escapes such as "\\d"
 * or "\u4e2d" are accounted for.  When the literal cannot be found where pos
 * says (a position convention that differs from this walk), the column is
 * approximated as pos.column + 1 + the character offset within the pattern,
 * which is exact only for patterns written without escapes.
 */
static int pattern_column(const loadctx *c, dd_pos pos, const char *pat,
			  size_t boff)
{
	size_t i = offset_of(c->buf, c->len, pos), decoded = 0;
	int cols = 0;

	if (i == SIZE_MAX || c->buf[i] != '"')
		return pos.column + 1 + (int)dd_utf8_chars(pat, boff);
	i++;
	while (decoded < boff && i < c->len && c->buf[i] != '"') {
		if (c->buf[i] == '\\' && i + 1 < c->len) {
			long cp = c->len - i >= 6 ? u_escape(c->buf + i) : -1;

			if (cp < 0) {		/* \n, \\, \" ... */
				i += 2, decoded += 1, cols += 2;
			} else if (cp >= 0xD800 && cp <= 0xDBFF &&
				   c->len - i >= 12 &&
				   u_escape(c->buf + i + 6) >= 0xDC00 &&
				   u_escape(c->buf + i + 6) <= 0xDFFF) {
				i += 12, decoded += 4, cols += 12;
			} else {
				decoded += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
				i += 6, cols += 6;
			}
		} else {
			i++, decoded++;
			while (i < c->len &&
			       ((unsigned char)c->buf[i] & 0xC0) == 0x80)
				i++, decoded++;
			cols++;
		}
	}
	return pos.column + 1 + cols;
}

static void compile_pattern(loadctx *c, dd_entry *en, size_t p,
			    pcre2_code **slot_out, const char *pat,
			    size_t patlen)
{
	int code;
	PCRE2_SIZE eoff;
	pcre2_code *re;

	re = pcre2_compile((PCRE2_SPTR)pat, patlen,
			   PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &code,
			   &eoff, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];
		dd_pos at = en->pattern_pos[p];

		if (code == PCRE2_ERROR_NOMEMORY) {
			note_oom(c);
			return;
		}
		if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
			snprintf((char *)msg, sizeof(msg), "error %d", code);
		if (eoff > patlen)
			eoff = patlen;
		at.column = pattern_column(c, at, pat, eoff);
		dd_load_problem(&c->l, DD_SEV_ERROR, "taxonomy-pattern", at,
				"pattern \"%s\" does not compile: %s at column %zu",
				pat, (const char *)msg,
				dd_utf8_chars(pat, eoff) + 1);
		return;
	}
	*slot_out = re;	/* JIT-compiled on first use: see jit_section() */
}

/* Add key -> value to map unless present; returns the value that was
 * there already, or NULL. */
static void *index_add(loadctx *c, dd_strmap *map, const char *key,
		       void *value)
{
	void *old = NULL;

	if (dd_strmap_put(map, key, value, &old) < 0)
		note_oom(c);
	return old;
}

/* what = "entry \"ID\"" (truncated to size) without snprintf, which
 * cost a tenth of the time of loading a 60,000-entry taxonomy. */
static void entry_what(char *what, size_t size, const char *id)
{
	static const char head[] = "entry \"";
	size_t n = strlen(id);

	if (n > size - sizeof(head) - 1)
		n = size - sizeof(head) - 1;
	memcpy(what, head, sizeof(head) - 1);
	memcpy(what + sizeof(head) - 1, id, n);
	what[sizeof(head) - 1 + n] = '"';
	what[sizeof(head) + n] = '\0';
}

/* Entry ei (in the file) of section si (in the model; index in the file:
 * sj). */
static void load_entry(loadctx *c, size_t si, size_t sj, const dd_json *v,
		       size_t ei)
{
	static const char *const keys[] = { "id", "name", "patterns", NULL };
	dd_tsection *ts = &c->tx->sections[si];
	dd_entry *en = &ts->entries[ts->nentries];
	pcre2_code **codes = NULL;
	const dd_json *pats, *p;
	const dd_json *idv;
	char what[160];
	size_t n;

	/* The position in the file names the entry in messages until its id
	 * is known; it is formatted only when a message may need it. */
	idv = v->type == DD_JSON_OBJECT ? dd_json_get(v, "id") : NULL;
	what[0] = '\0';
	if (!idv || idv->type != DD_JSON_STRING)
		snprintf(what, sizeof(what), "sections[%zu].entries[%zu]", sj, ei);
	if (!dd_load_expect(&c->l, v, DD_JSON_OBJECT, what))
		return;
	ts->nentries++;
	en->pos = v->pos;
	en->id = dd_load_string(&c->l, v, "id", what, 1, NULL);
	if (en->id) {
		entry_what(what, sizeof(what), en->id);
		if (!*en->id) {
			dd_load_problem(&c->l, DD_SEV_ERROR, "type", idv->pos,
					"empty \"id\" in section \"%s\"",
					ts->id ? ts->id : "");
		} else {
			const dd_entry *dup = index_add(c,
				&c->tx->impl->entry_ids[si], en->id, en);

			if (dup)
				dd_load_problem(&c->l, DD_SEV_ERROR,
					"taxonomy-duplicate", idv->pos,
					"entry \"%s\" is given twice in "
					"section \"%s\" (first at line %d)",
					en->id, ts->id ? ts->id : "",
					dup->pos.line);
		}
	}
	dd_load_unknown_keys(&c->l, v, what, keys);
	dd_load_text_member(&c->l, &en->name, v, "name", what, 1);

	pats = dd_json_get(v, "patterns");
	if (!pats) {
		dd_load_problem(&c->l, DD_SEV_ERROR, "required", v->pos,
				"%s has no \"patterns\"", what);
		return;
	}
	if (!dd_load_expect(&c->l, pats, DD_JSON_ARRAY, "\"patterns\""))
		return;
	en->patterns = dd_load_array(&c->l, pats->count, sizeof(*en->patterns));
	en->pattern_pos = dd_load_array(&c->l, pats->count,
					sizeof(*en->pattern_pos));
	codes = dd_load_array(&c->l, pats->count, sizeof(*codes));
	if (!en->patterns || !en->pattern_pos || !codes)
		return;
	c->tx->impl->codes[si][ts->nentries - 1] = codes;
	for (n = 0, p = pats->child; p; p = p->next) {
		const char *pat;

		if (!dd_load_expect(&c->l, p, DD_JSON_STRING, "a pattern"))
			continue;
		pat = dd_load_strdup(&c->l, p->string);
		if (!pat)
			return;
		en->patterns[n] = pat;
		en->pattern_pos[n] = p->pos;
		en->npatterns = ++n;
		if (!(c->tx->impl->flags & DD_TAXONOMY_LAZY))
			compile_pattern(c, en, n - 1, &codes[n - 1], pat,
					p->string_len);
	}
}

static void load_section(loadctx *c, const dd_json *v, size_t index)
{
	static const char *const keys[] = { "id", "title", "entries", NULL };
	dd_taxonomy *tx = c->tx;
	dd_tsection *ts = &tx->sections[tx->nsections];
	const dd_json *entries, *e;
	char what[160];
	size_t ei;

	snprintf(what, sizeof(what), "sections[%zu]", index);
	if (!dd_load_expect(&c->l, v, DD_JSON_OBJECT, what))
		return;
	tx->nsections++;
	ts->pos = v->pos;
	ts->id = dd_load_string(&c->l, v, "id", what, 1, NULL);
	if (ts->id) {
		const dd_json *idv = dd_json_get(v, "id");

		snprintf(what, sizeof(what), "section \"%s\"", ts->id);
		if (!*ts->id) {
			dd_load_problem(&c->l, DD_SEV_ERROR, "type", idv->pos,
					"empty section \"id\"");
		} else {
			const dd_tsection *dup = index_add(c,
				&tx->impl->section_ids, ts->id, ts);

			if (dup)
				dd_load_problem(&c->l, DD_SEV_ERROR,
					"taxonomy-duplicate", idv->pos,
					"section \"%s\" is given twice "
					"(first at line %d)", ts->id,
					dup->pos.line);
		}
	}
	dd_load_unknown_keys(&c->l, v, what, keys);
	dd_load_text_member(&c->l, &ts->title, v, "title", what, 1);

	entries = dd_json_get(v, "entries");
	if (!entries) {
		dd_load_problem(&c->l, DD_SEV_ERROR, "required", v->pos,
				"%s has no \"entries\"", what);
		return;
	}
	if (!dd_load_expect(&c->l, entries, DD_JSON_ARRAY, "\"entries\""))
		return;
	ts->entries = dd_load_array(&c->l, entries->count,
				    sizeof(*ts->entries));
	tx->impl->codes[tx->nsections - 1] =
		dd_load_array(&c->l, entries->count, sizeof(pcre2_code **));
	if (!ts->entries || !tx->impl->codes[tx->nsections - 1])
		return;
	if (dd_strmap_reserve(&tx->impl->entry_ids[tx->nsections - 1],
			      entries->count) < 0) {
		note_oom(c);
		return;
	}
	for (ei = 0, e = entries->child; e && !c->l.oom; e = e->next, ei++)
		load_entry(c, tx->nsections - 1, index, e, ei);
}

static void load_root(loadctx *c, const dd_json *root)
{
	static const char *const keys[] = { "schema_version", "sections",
					     NULL };
	const dd_json *ver, *secs, *v;
	size_t i;

	if (!dd_load_expect(&c->l, root, DD_JSON_OBJECT, "the taxonomy"))
		return;
	dd_load_unknown_keys(&c->l, root, "the taxonomy", keys);

	ver = dd_json_get(root, "schema_version");
	if (!ver) {
		dd_load_problem(&c->l, DD_SEV_ERROR, "required", root->pos,
				"the taxonomy has no \"schema_version\"");
	} else if (dd_load_expect(&c->l, ver, DD_JSON_NUMBER,
				  "\"schema_version\"")) {
		long long n;

		if (!dd_json_integer(ver, &n) || n != 1)
			dd_load_problem(&c->l, DD_SEV_ERROR, "schema-version",
					ver->pos,
					"unsupported \"schema_version\" "
					"(this dialdiff reads version 1)");
	}

	secs = dd_json_get(root, "sections");
	if (!secs) {
		dd_load_problem(&c->l, DD_SEV_ERROR, "required", root->pos,
				"the taxonomy has no \"sections\"");
		return;
	}
	if (!dd_load_expect(&c->l, secs, DD_JSON_ARRAY, "\"sections\""))
		return;
	c->tx->sections = dd_load_array(&c->l, secs->count,
					sizeof(*c->tx->sections));
	c->tx->impl->codes = dd_load_array(&c->l, secs->count,
					   sizeof(pcre2_code ***));
	c->tx->impl->entry_ids = dd_load_array(&c->l, secs->count,
					       sizeof(dd_strmap));
	c->tx->impl->cache = dd_load_array(&c->l, secs->count,
					   sizeof(dd_strmap));
	c->tx->impl->state = dd_load_array(&c->l, secs->count, 1);
	c->tx->impl->starts = dd_load_array(&c->l, secs->count,
					    sizeof(byteset *));
	if (!c->tx->sections || !c->tx->impl->codes ||
	    !c->tx->impl->entry_ids || !c->tx->impl->cache ||
	    !c->tx->impl->state || !c->tx->impl->starts)
		return;
	if (!(c->tx->impl->flags & DD_TAXONOMY_LAZY))
		memset(c->tx->impl->state, SEC_COMPILED, secs->count);
	c->tx->impl->nmaps = secs->count;	/* zero-filled: empty maps */
	for (i = 0, v = secs->child; v && !c->l.oom; v = v->next, i++)
		load_section(c, v, i);
}

/* DIALDIFF_MATCH_BUDGET seconds when it is a positive number, else
 * DD_TAXONOMY_BUDGET. */
static double budget_default(void)
{
	const char *v = getenv("DIALDIFF_MATCH_BUDGET");
	char *end;
	double d = v ? strtod(v, &end) : 0;

	return v && *v && !*end && d > 0 ? d : DD_TAXONOMY_BUDGET;
}

static int setup_matching(dd_taxonomy_impl *im)
{
	im->mctx = pcre2_match_context_create(NULL);
	im->md = pcre2_match_data_create(1, NULL);
	if (!im->mctx || !im->md)
		return -1;
	pcre2_set_match_limit(im->mctx, MATCH_LIMIT);
	pcre2_set_heap_limit(im->mctx, HEAP_LIMIT_KIB);
	pcre2_set_depth_limit(im->mctx, DEPTH_LIMIT);
	im->budget = budget_default();
	/* Without its own stack the JIT has 32 KiB; failing to make one only
	 * means that. */
	im->jit_stack = pcre2_jit_stack_create(JIT_STACK_START, JIT_STACK_MAX,
					       NULL);
	if (im->jit_stack)
		pcre2_jit_stack_assign(im->mctx, NULL, im->jit_stack);
	return 0;
}

int dd_taxonomy_load(dd_taxonomy **out, const char *buf, size_t len,
		     const char *path, dd_diags *diags, dd_error *err)
{
	return dd_taxonomy_load_flags(out, buf, len, path, 0, diags, err);
}

int dd_taxonomy_load_flags(dd_taxonomy **out, const char *buf, size_t len,
			   const char *path, unsigned flags, dd_diags *diags,
			   dd_error *err)
{
	dd_taxonomy *tx;
	dd_json_doc *doc = NULL;
	loadctx c;

	*out = NULL;
	dd_error_clear(err);
	tx = calloc(1, sizeof(*tx));
	if (!tx)
		return dd_error_oom(err);
	dd_arena_init(&tx->arena);
	tx->impl = calloc(1, sizeof(*tx->impl));
	if (!tx->impl || setup_matching(tx->impl) < 0) {
		dd_taxonomy_free(tx);
		return dd_error_oom(err);
	}
	tx->impl->flags = flags;
	memset(&c, 0, sizeof(c));
	dd_loader_init(&c.l, &tx->arena, path, diags, err);
	c.tx = tx;
	c.buf = buf;
	c.len = len;
	tx->path = dd_load_strdup(&c.l, path);
	if (!c.l.oom && dd_load_parse(&c.l, &doc, buf, len) == 0)
		load_root(&c, dd_json_root(doc));
	dd_json_doc_free(doc);
	if (c.l.failed) {
		dd_taxonomy_free(tx);
		if (c.l.oom)
			return dd_error_oom(err);
		return err && err->code ? err->code : DD_ERROR;
	}
	*out = tx;
	return 0;
}

/* ------------------------------------------------------------------------
 * Lookup and matching.
 */

int dd_taxonomy_section(const dd_taxonomy *tx, const char *id)
{
	const dd_tsection *ts;

	if (!tx || !id)
		return -1;
	ts = dd_strmap_get(&tx->impl->section_ids, id);
	return ts ? (int)(ts - tx->sections) : -1;
}

int dd_taxonomy_entry(const dd_taxonomy *tx, size_t sec, const char *id)
{
	const dd_entry *en;

	if (!tx || !id || sec >= tx->nsections)
		return -1;
	en = dd_strmap_get(&tx->impl->entry_ids[sec], id);
	return en ? (int)(en - tx->sections[sec].entries) : -1;
}

static int is_limit(int rc)
{
	return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
	       rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

static int match_failure(const dd_taxonomy *tx, const cached *c,
			 dd_error *err)
{
	const dd_entry *en =
		&tx->sections[c->fail_section].entries[c->fail_entry];
	const char *pat = en->patterns[c->fail_pattern];
	PCRE2_UCHAR msg[256];

	if (c->pcre_rc == BUDGET_SPENT)
		return dd_error_set(err, DD_ETOOBIG, tx->path,
				    en->pattern_pos[c->fail_pattern].line,
				    en->pattern_pos[c->fail_pattern].column,
				    "classification used up its budget of %g s: "
				    "the taxonomy is too slow; its slowest "
				    "pattern is \"%s\" (entry \"%s\" of section "
				    "\"%s\")", tx->impl->budget, pat, en->id,
				    tx->sections[c->fail_section].id);

	if (is_limit(c->pcre_rc))
		return dd_error_set(err, c->status, NULL, 0, 0,
				    "pattern \"%s\" of entry \"%s\" hit the "
				    "match limit on this label", pat, en->id);
	if (pcre2_get_error_message(c->pcre_rc, msg, sizeof(msg)) < 0)
		snprintf((char *)msg, sizeof(msg), "error %d", c->pcre_rc);
	return dd_error_set(err, c->status, NULL, 0, 0,
			    "pattern \"%s\" of entry \"%s\" failed on this "
			    "label: %s", pat, en->id, (const char *)msg);
}

/*
 * Make section sec ready to match: compile its patterns if the taxonomy
 * was loaded lazily, then JIT-compile them (where the JIT fails or is not
 * available pcre2_match uses the interpreter).  Once per section.  Returns
 * 0; DD_ERROR when a pattern does not compile (err at the pattern's string
 * in the taxonomy file, with the loader's message); DD_ENOMEM.
 */
/*
 * The bytes a match of code can begin with: those pcre2_match itself
 * looks for before it tries a start (its first code unit and that unit's
 * other case under the default tables, which fold ASCII alone; or its
 * start bitmap); every byte when it has neither, or when a match can be
 * empty.
 */
static void byteset_add(byteset *b, unsigned c)
{
	b->w[c >> 6] |= (uint64_t)1 << (c & 63);
}

static void start_set(byteset *b, const pcre2_code *code)
{
	uint32_t type = 0, cu = 0, min = 0;
	const uint8_t *map = NULL;
	unsigned c;

	memset(b, 0xff, sizeof(*b));
	if (!code || pcre2_pattern_info(code, PCRE2_INFO_MINLENGTH, &min) ||
	    min == 0 ||
	    pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &type))
		return;
	if (type == 1 &&
	    !pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODEUNIT, &cu) &&
	    cu < 256) {
		memset(b, 0, sizeof(*b));
		byteset_add(b, cu);
		if ((cu | 0x20) >= 'a' && (cu | 0x20) <= 'z')
			byteset_add(b, cu ^ 0x20);
	} else if (type == 0 &&
		   !pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &map) &&
		   map) {
		memset(b, 0, sizeof(*b));
		for (c = 0; c < 256; c++)
			if (map[c / 8] & (1u << (c % 8)))
				byteset_add(b, c);
	}
}

static int prepare_section(dd_taxonomy *tx, size_t sec, dd_error *err)
{
	const dd_tsection *ts = &tx->sections[sec];
	dd_taxonomy_impl *im = tx->impl;
	size_t e, p, n;
	byteset *set;
	int all_jit = 1;

	if (im->state[sec] == SEC_READY || im->state[sec] == SEC_JIT)
		return 0;
	for (e = 0; im->state[sec] == SEC_RAW && e < ts->nentries; e++) {
		const dd_entry *en = &ts->entries[e];

		for (p = 0; p < en->npatterns; p++) {
			const char *pat = en->patterns[p];
			PCRE2_SIZE eoff;
			PCRE2_UCHAR msg[256];
			int code;

			if (im->codes[sec][e][p])
				continue;
			im->codes[sec][e][p] = pcre2_compile((PCRE2_SPTR)pat,
				strlen(pat), PCRE2_UTF | PCRE2_UCP |
				PCRE2_CASELESS, &code, &eoff, NULL);
			if (im->codes[sec][e][p])
				continue;
			if (code == PCRE2_ERROR_NOMEMORY)
				return dd_error_oom(err);
			im->state[sec] = SEC_BROKEN;
			if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
				snprintf((char *)msg, sizeof(msg), "error %d",
					 code);
			if (eoff > strlen(pat))
				eoff = strlen(pat);
			/* the column of the error itself, exact for a pattern
			 * written without escapes (the file is gone) */
			return dd_error_set(err, DD_ERROR, tx->path,
				en->pattern_pos[p].line,
				en->pattern_pos[p].column + 1 +
				(int)dd_utf8_chars(pat, eoff),
				"pattern \"%s\" does not compile: %s at column %zu",
				pat, (const char *)msg,
				dd_utf8_chars(pat, eoff) + 1);
		}
	}
	if (im->state[sec] == SEC_BROKEN)
		return dd_error_set(err, DD_ERROR, tx->path, ts->pos.line,
				    ts->pos.column, "a pattern of section \"%s\" "
				    "does not compile", ts->id);
	for (e = 0, n = 0; e < ts->nentries; e++)
		n += ts->entries[e].npatterns;
	set = dd_arena_alloc(&tx->arena, (n ? n : 1) * sizeof(*set));
	if (!set)
		return dd_error_oom(err);
	im->starts[sec] = set;
	for (e = 0; e < ts->nentries; e++)
		for (p = 0; p < ts->entries[e].npatterns; p++, set++) {
			start_set(set, im->codes[sec][e][p]);
			if (!im->codes[sec][e][p] ||
			    pcre2_jit_compile(im->codes[sec][e][p],
					      PCRE2_JIT_COMPLETE) != 0)
				all_jit = 0;
		}
	im->state[sec] = all_jit ? SEC_JIT : SEC_READY;
	return 0;
}

/* The bytes of text[0..len). */
static void text_set(byteset *b, const char *text, size_t len)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t i;

	memset(b, 0, sizeof(*b));
	for (i = 0; i < len; i++)
		byteset_add(b, t[i]);
}

static int may_match(const byteset *pattern, const byteset *text)
{
	return ((pattern->w[0] & text->w[0]) | (pattern->w[1] & text->w[1]) |
		(pattern->w[2] & text->w[2]) | (pattern->w[3] & text->w[3])) != 0;
}

/*
 * The budget counts the time spent matching texts, read on the clock when
 * a text's matching begins and ends, every BUDGET_TICKS pattern runs and
 * after a run that hit a limit.  Each stretch between two readings is put
 * down to the pattern that ran last: the one that ended the longest
 * stretch is named as the slowest.
 */
static void charge(dd_taxonomy_impl *im)
{
	struct timespec now;
	double d;

	clock_gettime(CLOCK_MONOTONIC, &now);
	d = (double)(now.tv_sec - im->mark.tv_sec) +
	    (double)(now.tv_nsec - im->mark.tv_nsec) / 1e9;
	im->used += d;
	if (d > im->worst) {
		im->worst = d;
		im->worst_sec = im->run_sec;
		im->worst_e = im->run_e;
		im->worst_p = im->run_p;
	}
	im->mark = now;
	im->ticks = 0;
	if (im->used > im->budget)
		im->spent = 1;
}

static void budget_begin(dd_taxonomy_impl *im)
{
	if (im->budget > 0) {
		clock_gettime(CLOCK_MONOTONIC, &im->mark);
		im->ticks = 0;
	}
}

static void budget_end(dd_taxonomy_impl *im)
{
	if (im->budget > 0 && im->ticks)
		charge(im);
}

/* Count a run of pattern p of entry e of section sec (slow when it hit a
 * limit); 1 when the budget is spent. */
static int spend(dd_taxonomy_impl *im, size_t sec, size_t e, size_t p,
		 int slow)
{
	if (im->budget <= 0)
		return im->spent;
	im->run_sec = (int)sec;
	im->run_e = (int)e;
	im->run_p = (int)p;
	if (++im->ticks >= BUDGET_TICKS || slow)
		charge(im);
	return im->spent;
}

void dd_taxonomy_budget(dd_taxonomy *tx, double seconds)
{
	tx->impl->budget = seconds;
}

/* Match text against every entry of section sec, filling r. */
static void run_match(dd_taxonomy *tx, size_t sec, const char *text,
		      size_t len, cached *r)
{
	const dd_tsection *ts = &tx->sections[sec];
	dd_taxonomy_impl *im = tx->impl;
	/* the JIT's own entry skips pcre2_match's checks of its arguments,
	   a third of the cost of a pattern that does not match */
	int (*match)(const pcre2_code *, PCRE2_SPTR, PCRE2_SIZE, PCRE2_SIZE,
		     uint32_t, pcre2_match_data *, pcre2_match_context *) =
		im->state[sec] == SEC_JIT ? pcre2_jit_match : pcre2_match;
	const byteset *start = im->starts[sec];
	byteset has;
	size_t e, p;

	text_set(&has, text, len);
	budget_begin(im);
	r->m.count = 0;
	r->m.entry[0] = r->m.entry[1] = -1;
	for (e = 0; e < ts->nentries; start += ts->entries[e++].npatterns) {
		for (p = 0; p < ts->entries[e].npatterns; p++) {
			int rc;

			if (!may_match(&start[p], &has))
				continue;
			rc = im->spent ? PCRE2_ERROR_NOMATCH :
			     match(im->codes[sec][e][p], (PCRE2_SPTR)text, len,
				   0, PCRE2_NO_UTF_CHECK, im->md, im->mctx);
			if (spend(im, sec, e, p, is_limit(rc))) {
				r->status = DD_ETOOBIG;
				r->fail_entry = im->worst_e;
				r->fail_pattern = im->worst_p;
				r->fail_section = im->worst_sec;
				r->pcre_rc = BUDGET_SPENT;
				return;
			}
			if (rc == PCRE2_ERROR_NOMATCH)
				continue;
			if (rc < 0) {	/* a limit, or worse */
				r->status = rc == PCRE2_ERROR_NOMEMORY ?
					    DD_ENOMEM : DD_ERROR;
				r->fail_section = (int)sec;
				r->fail_entry = (int)e;
				r->fail_pattern = (int)p;
				r->pcre_rc = rc;
				return;
			}
			/* rc == 0 is a match too (the ovector is short). */
			if (r->m.count < 2)
				r->m.entry[r->m.count] = (int)e;
			if (r->m.count < 2)
				r->m.count++;
			break;
		}
	}
	budget_end(im);
}

int dd_taxonomy_match(dd_match *out, dd_taxonomy *tx, size_t sec,
		      const char *text, dd_error *err)
{
	dd_strmap *cache;
	cached *r;

	out->count = 0;
	out->entry[0] = out->entry[1] = -1;
	if (!tx || !text || sec >= tx->nsections)
		return dd_error_set(err, DD_EUSAGE, NULL, 0, 0,
				    "no such taxonomy section");
	cache = &tx->impl->cache[sec];
	r = dd_strmap_get(cache, text);
	if (!r) {
		size_t len = strlen(text), bad;
		char *key;

		int rc;

		if (!dd_utf8_valid(text, len, &bad))
			return dd_error_set(err, DD_ERROR, NULL, 0, 0,
					    "label is not valid UTF-8 (byte "
					    "%zu)", bad);
		if ((rc = prepare_section(tx, sec, err)) < 0)
			return rc;
		r = dd_arena_alloc(&tx->arena, sizeof(*r));
		key = dd_arena_strndup(&tx->arena, text, len);
		if (!r || !key)
			return dd_error_oom(err);
		run_match(tx, sec, text, len, r);
		if (r->status == DD_ENOMEM)
			return dd_error_oom(err);	/* not cached */
		if (r->pcre_rc == BUDGET_SPENT)	/* the same for every label */
			return match_failure(tx, r, err);
		if (dd_strmap_put(cache, key, r, NULL) < 0)
			return dd_error_oom(err);
	}
	if (r->status < 0)
		return match_failure(tx, r, err);
	*out = r->m;
	return 0;
}

/* Append hit h to *hits (grown by doubling); 0 or -1. */
static int add_hit(dd_hit **hits, size_t *nhits, const dd_hit *h)
{
	size_t n = *nhits;

	if ((n & (n - 1)) == 0) {	/* 0, 1, 2, 4 ...: full */
		dd_hit *grown = realloc(*hits, (n ? 2 * n : 4) * sizeof(*grown));

		if (!grown)
			return -1;
		*hits = grown;
	}
	(*hits)[(*nhits)++] = *h;
	return 0;
}

int dd_taxonomy_match_all(dd_hit **hits, size_t *nhits, dd_taxonomy *tx,
			  size_t sec, const char *text, size_t len,
			  dd_error *err)
{
	const dd_tsection *ts;
	dd_taxonomy_impl *im;
	const byteset *start;
	byteset has;
	size_t e, p, bad;
	int rc;

	if (!tx || !text || sec >= tx->nsections)
		return dd_error_set(err, DD_EUSAGE, NULL, 0, 0,
				    "no such taxonomy section");
	if (!dd_utf8_valid(text, len, &bad))
		return dd_error_set(err, DD_ERROR, NULL, 0, 0,
				    "text is not valid UTF-8 (byte %zu)", bad);
	if ((rc = prepare_section(tx, sec, err)) < 0)
		return rc;
	ts = &tx->sections[sec];
	im = tx->impl;
	start = im->starts[sec];
	text_set(&has, text, len);
	budget_begin(im);
	for (e = 0; e < ts->nentries; start += ts->entries[e++].npatterns) {
		dd_hit best = { (int)sec, (int)e, -1, 0, 0 };

		for (p = 0; p < ts->entries[e].npatterns; p++) {
			PCRE2_SIZE *ov;
			cached fail;

			if (!may_match(&start[p], &has))
				continue;
			rc = im->spent ? PCRE2_ERROR_NOMATCH :
			     pcre2_match(im->codes[sec][e][p], (PCRE2_SPTR)text,
					 len, 0, PCRE2_NO_UTF_CHECK, im->md,
					 im->mctx);
			memset(&fail, 0, sizeof(fail));
			if (spend(im, sec, e, p, is_limit(rc))) {
				fail.status = DD_ETOOBIG;
				fail.fail_section = im->worst_sec;
				fail.fail_entry = im->worst_e;
				fail.fail_pattern = im->worst_p;
				fail.pcre_rc = BUDGET_SPENT;
				return match_failure(tx, &fail, err);
			}
			if (rc == PCRE2_ERROR_NOMATCH)
				continue;
			if (rc < 0) {	/* a limit, or worse */
				if (rc == PCRE2_ERROR_NOMEMORY)
					return dd_error_oom(err);
				fail.status = DD_ERROR;
				fail.fail_section = (int)sec;
				fail.fail_entry = (int)e;
				fail.fail_pattern = (int)p;
				fail.pcre_rc = rc;
				return match_failure(tx, &fail, err);
			}
			ov = pcre2_get_ovector_pointer(im->md);
			/* \K can put the start after the end */
			if (best.pattern < 0 || ov[0] < best.start) {
				best.pattern = (int)p;
				best.start = ov[0] < ov[1] ? ov[0] : ov[1];
				best.end = ov[1];
			}
		}
		if (best.pattern >= 0 && add_hit(hits, nhits, &best) < 0)
			return dd_error_oom(err);
	}
	budget_end(im);
	return 0;
}

/* ------------------------------------------------------------------------
 * Classification of a round.
 */

/* The label text used in messages and as the fallback key. */
static const char *label_text(const dd_item *it)
{
	return dd_text_get(&it->label, DD_LANG_EN);
}

static const char *normalized_key(dd_round *round, const dd_item *it)
{
	char *n = dd_text_normalize(label_text(it));
	const char *k;

	if (!n)
		return NULL;
	k = dd_arena_strdup(&round->arena, n);
	free(n);
	return k;
}

/* Merge the distinct entries of b into a: the first two in taxonomy
 * order, and a count capped at 2. */
static void merge_match(dd_match *a, const dd_match *b)
{
	int all[4], n = 0, i, j;

	for (i = 0; i < (int)a->count && i < 2; i++)
		all[n++] = a->entry[i];
	for (i = 0; i < (int)b->count && i < 2; i++) {
		for (j = 0; j < n; j++)
			if (all[j] == b->entry[i])
				break;
		if (j == n)
			all[n++] = b->entry[i];
	}
	for (i = 1; i < n; i++)		/* insertion sort, n <= 4 */
		for (j = i; j > 0 && all[j - 1] > all[j]; j--) {
			int t = all[j];

			all[j] = all[j - 1];
			all[j - 1] = t;
		}
	a->count = n > 2 ? 2 : (size_t)n;
	a->entry[0] = n > 0 ? all[0] : -1;
	a->entry[1] = n > 1 ? all[1] : -1;
}

/* Classify one item of a known section; returns 0 or DD_ENOMEM. */
/*
 * Match the label texts of it against section sec: *m gets the entries,
 * *ntexts the texts that were not empty.  A pattern over the match limit
 * sets it->cls to DD_CLASS_ERROR (a match-limit diagnostic).  0, or
 * DD_ENOMEM.
 */
static int match_label(dd_taxonomy *tx, dd_round *round, size_t sec,
		       dd_item *it, dd_match *m, size_t *ntexts,
		       dd_diags *diags, dd_error *err)
{
	const char *texts[2];
	size_t i;

	m->count = 0;
	m->entry[0] = m->entry[1] = -1;
	*ntexts = 0;
	texts[0] = it->label.en;
	texts[1] = it->label.zh;
	for (i = 0; i < 2; i++) {
		dd_match one;
		dd_error merr;
		int rc;

		/* an empty text can only mislead */
		if (!texts[i] || !texts[i][strspn(texts[i], " \t\r\n")])
			continue;
		(*ntexts)++;
		rc = dd_taxonomy_match(&one, tx, sec, texts[i], &merr);
		if (rc == DD_ENOMEM)
			return dd_error_oom(err);
		if (rc == DD_ETOOBIG) {
			/* the budget is spent: said once, at the slowest
			 * pattern; outside check, the end of the run */
			it->cls = DD_CLASS_ERROR;
			if (!diags) {
				if (err)
					*err = merr;
				return rc;
			}
			if (!tx->impl->told++)
				dd_diags_add(diags, DD_SEV_ERROR,
					     "taxonomy-too-slow", merr.file,
					     merr.line, merr.column, "%s",
					     merr.message);
			break;
		}
		if (rc < 0) {
			it->cls = DD_CLASS_ERROR;
			dd_diags_add(diags, DD_SEV_ERROR, "match-limit",
				     round->path, it->label_pos.line,
				     it->label_pos.column, "%s",
				     merr.message);
			break;
		}
		merge_match(m, &one);
	}
	return 0;
}

/*
 * For check: a warning when the label of it, whose explicit id names an
 * entry, matches other entries of section sec and not that one.  0, or
 * DD_ENOMEM.
 */
static int check_id_label(dd_taxonomy *tx, dd_round *round, size_t sec,
			  dd_item *it, dd_diags *diags, dd_error *err)
{
	const dd_tsection *ts = &tx->sections[sec];
	dd_match m;
	size_t ntexts;
	int rc;

	/* only a section compiled already (check compiles every one when
	 * it loads the taxonomy): a lazy one is compiled for labels alone,
	 * so that a broken pattern is reported where a label needs it */
	if (tx->impl->state[sec] != SEC_READY && tx->impl->state[sec] != SEC_JIT)
		return 0;
	if ((rc = match_label(tx, round, sec, it, &m, &ntexts, diags, err)) < 0)
		return rc;
	if (it->cls == DD_CLASS_ERROR)
		it->cls = DD_CLASS_EXPLICIT;	/* the id holds */
	else if (m.count && m.entry[0] != it->entry && m.entry[1] != it->entry)
		dd_diags_add(diags, DD_SEV_WARNING, "id-label-mismatch",
			     round->path, it->id_pos.line, it->id_pos.column,
			     "id \"%s\", but the label matches entry \"%s\", not \"%s\"",
			     it->id, ts->entries[m.entry[0]].id, it->id);
	return 0;
}

static int classify_item(dd_taxonomy *tx, dd_round *round,
			 const dd_round_section *rs, dd_item *it,
			 dd_diags *diags, dd_error *err)
{
	size_t sec = (size_t)rs->tsection;
	const dd_tsection *ts = &tx->sections[sec];
	dd_match m = { 0, { -1, -1 } };
	size_t ntexts = 0;
	int rc;

	if (it->id) {
		int e = dd_taxonomy_entry(tx, sec, it->id);

		/* the id is the key (the entry's id when it is one: the
		 * lookup is exact), and the round holds it already */
		it->key = it->id;
		if (e >= 0) {
			it->cls = DD_CLASS_EXPLICIT;
			it->entry = e;
			return diags ? check_id_label(tx, round, sec, it, diags,
						      err) : 0;
		} else {
			it->cls = DD_CLASS_UNKNOWN_ID;
			dd_diags_add(diags, DD_SEV_ERROR, "unknown-id",
				     round->path, it->id_pos.line,
				     it->id_pos.column,
				     "id \"%s\" is not an entry of section "
				     "\"%s\"", it->id, rs->id);
		}
		return 0;
	}

	if ((rc = match_label(tx, round, sec, it, &m, &ntexts, diags, err)) < 0)
		return rc;
	if (it->cls != DD_CLASS_ERROR) {
		if (m.count == 1) {
			it->cls = DD_CLASS_MATCHED;
			it->entry = m.entry[0];
			it->key = dd_arena_strdup(&round->arena,
						  ts->entries[m.entry[0]].id);
			return it->key ? 0 : dd_error_oom(err);
		}
		if (m.count == 0) {
			it->cls = DD_CLASS_UNCLASSIFIED;
			/* no text at all: the loader said so (empty-label) */
			if (ntexts)
				dd_diags_add(diags, DD_SEV_ERROR, "unclassified",
					round->path, it->label_pos.line,
					it->label_pos.column,
					"label \"%s\" matches no entry of "
					"section \"%s\"", label_text(it),
					rs->id);
		} else {
			it->cls = DD_CLASS_AMBIGUOUS;
			it->entry = m.entry[0];
			it->entry2 = m.entry[1];
			dd_diags_add(diags, DD_SEV_ERROR, "ambiguous",
				     round->path, it->label_pos.line,
				     it->label_pos.column,
				     "label \"%s\" matches several entries of "
				     "section \"%s\": \"%s\", \"%s\"",
				     label_text(it), rs->id,
				     ts->entries[m.entry[0]].id,
				     ts->entries[m.entry[1]].id);
		}
	}
	it->key = normalized_key(round, it);
	return it->key ? 0 : dd_error_oom(err);
}

/*
 * A duplicate-item diagnostic for each key seen before in the section.
 * Keys that are entry ids -- those of explicit and matched items, and any
 * other key that happens to spell one -- are told apart by entry index in
 * an array, the others by string in a map: the same keys as one map of
 * strings, without hashing every item's key into a table the size of the
 * section.
 */
static int check_duplicates(const dd_taxonomy *tx, const dd_round *round,
			    const dd_round_section *rs, dd_diags *diags,
			    dd_error *err)
{
	size_t nentries = rs->tsection >= 0 ?
			  tx->sections[rs->tsection].nentries : 0, i;
	const dd_item **by_entry = NULL;
	dd_strmap seen = DD_STRMAP_INIT;
	int rc = 0;

	if (nentries && !(by_entry = calloc(nentries, sizeof(*by_entry))))
		return dd_error_oom(err);
	for (i = 0; i < rs->count; i++) {
		const dd_item *it = &rs->items[i];
		const dd_item *first = NULL;
		int e = -1;

		if (!it->key || !*it->key)
			continue;	/* no label at all: reported on loading */
		if (it->cls == DD_CLASS_EXPLICIT || it->cls == DD_CLASS_MATCHED)
			e = it->entry;
		else if (nentries)
			e = dd_taxonomy_entry(tx, (size_t)rs->tsection, it->key);
		if (e >= 0) {
			first = by_entry[e];
			if (!first)
				by_entry[e] = it;
		} else {
			void *f = NULL;
			int put = dd_strmap_put(&seen, it->key, (void *)it, &f);

			if (put < 0) {
				rc = dd_error_oom(err);
				break;
			}
			if (put == 0)
				first = f;
		}
		if (first)
			dd_diags_add(diags, DD_SEV_ERROR, "duplicate-item",
				     round->path, it->pos.line, it->pos.column,
				     "\"%s\" appears twice in section \"%s\" "
				     "(first at line %d)", it->key,
				     rs->id ? rs->id : "", first->pos.line);
	}
	free(by_entry);
	dd_strmap_release(&seen);
	return rc;
}

int dd_taxonomy_classify_round(dd_taxonomy *tx, dd_round *round,
			       dd_diags *diags, dd_error *err)
{
	size_t i, j;

	for (i = 0; i < round->nsections; i++) {
		dd_round_section *rs = &round->sections[i];
		int rc;

		rs->tsection = dd_taxonomy_section(tx, rs->id);
		if (rs->tsection < 0)
			dd_diags_add(diags, DD_SEV_ERROR, "unknown-section",
				     round->path, rs->pos.line, rs->pos.column,
				     "section \"%s\" is not in the taxonomy",
				     rs->id ? rs->id : "");
		for (j = 0; j < rs->count; j++) {
			dd_item *it = &rs->items[j];

			/* the entry of an id a few items on, meanwhile */
			if (j + 8 < rs->count && rs->tsection >= 0 &&
			    rs->items[j + 8].id)
				dd_strmap_prefetch(&tx->impl->entry_ids[rs->tsection],
						   rs->items[j + 8].id);

			it->cls = DD_CLASS_NONE;
			it->entry = it->entry2 = -1;
			it->key = NULL;
			if (rs->tsection < 0) {
				it->cls = DD_CLASS_UNCLASSIFIED;
				it->key = normalized_key(round, it);
				rc = it->key ? 0 : dd_error_oom(err);
			} else {
				/* a pattern that does not compile is the
				 * taxonomy's fault, not the item's: a
				 * failure, not a diagnostic */
				rc = it->id ? 0 : prepare_section(tx,
					(size_t)rs->tsection, err);
				if (rc == 0)
					rc = classify_item(tx, round, rs, it,
							   diags, err);
			}
			if (rc < 0)
				return rc;
		}
		rc = check_duplicates(tx, round, rs, diags, err);
		if (rc < 0)
			return rc;
	}
	/* for check: a section the round does not record at all */
	for (i = 0; diags && round->topics_pos.line && i < tx->nsections; i++) {
		for (j = 0; j < round->nsections; j++)
			if (round->sections[j].tsection == (int)i)
				break;
		if (j == round->nsections)
			dd_diags_add(diags, DD_SEV_WARNING, "section-not-recorded",
				     round->path, round->topics_pos.line,
				     round->topics_pos.column,
				     "section \"%s\" is not recorded: a diff cannot tell what this round did with it (write [] for none)",
				     tx->sections[i].id);
	}
	return 0;
}
