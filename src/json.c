/*
 * json.c - strict JSON reading with positions, and a JSON writer.
 *
 * Reading takes two passes over the bytes, on the calling thread, whatever
 * the size of the document.
 *
 * Pass 1 (scan) is a small strict scanner: the RFC 8259 grammar exactly,
 * UTF-8 per RFC 3629 inside strings (outside strings only ASCII is valid
 * anyway), escapes, duplicate keys, the nesting limit.  It never recurses:
 * it appends a record per value, in document (pre-)order, to one array:
 * its type, flags, positions, and a string's decoded length or where a
 * number's literal starts.
 *
 * Pass 2: cJSON reads the whole document in one call (it does the
 * unescaping and the number conversion), and its tree becomes the
 * document's in place: each node of cJSON's is allocated with room for a
 * dd_json, and a walk in pre-order turns the i-th node into the dd_json of
 * the i-th record, keeping cJSON's links, strings and member names.  The
 * walk checks that the two passes agree on every type, member name and
 * string length, and on the number of values (a disagreement is an
 * internal error).  So a document costs one tree and its strings; the
 * records go when the parse ends.
 *
 * Columns count characters (UTF-8 code points; a tab counts 1).  They are
 * computed lazily: the scanner remembers the column of the last position it
 * was asked about on the current line and counts forward from there, so the
 * total cost is linear even for a document on one line.
 *
 * Duplicate keys: one open-addressing hash table per nesting level.  A table
 * is reused by every object at its level without being cleared: each slot
 * carries the serial number ("generation") of the object that filled it, and
 * a slot of any other generation counts as empty.  Linear in the number of
 * members, whatever the shape of the document and the names (a keyed hash:
 * see add_key).
 *
 * A number's literal as written (json.h) lets dd_json_integer read
 * integers exactly, and dd_json_value write numbers back unchanged.
 */
#include <cjson/cJSON.h>

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialdiff/hash.h"
#include "dialdiff/json.h"
#include "dialdiff/text.h"

/* ------------------------------------------------------------------ */
/* Memory                                                              */
/* ------------------------------------------------------------------ */

/*
 * A document's memory -- cJSON's nodes, which become its dd_json nodes, and
 * their strings -- comes from a pool: a bump allocator over blocks of
 * POOL_BLOCK bytes, released all at once.  cJSON's own malloc and free per
 * node took a third of the time of a parse.  The blocks of a freed document
 * are kept for the next one, up to POOL_SPARE_MAX bytes per thread (memory
 * the process has used already): fresh memory costs a page fault per 4 KiB,
 * and for a big document the faults cost as much as the parsing.  The spare
 * blocks stay reachable until the process exits.
 */
typedef struct pool_block {
	struct pool_block *next;
	size_t size;		/* bytes of data after this header */
} pool_block;

typedef struct pool {
	pool_block *head;
	char *cur;		/* free space in head ... */
	size_t left;		/* ... and how much */
	char *last;		/* the last allocation, while it ends at cur */
} pool;

#define POOL_ALIGN _Alignof(dd_json)	/* a node's; strings are packed */
#define POOL_BLOCK ((size_t)256 << 10)
#define POOL_SPARE_MAX ((size_t)256 << 20)

static _Thread_local pool_block *pool_spare;
static _Thread_local size_t pool_spare_bytes;

static void *pool_alloc_slow(pool *p, size_t size)
{
	pool_block *b;

	if (size > POOL_BLOCK / 4) {	/* its own block, behind the head */
		if (size > SIZE_MAX - sizeof(*b))
			return NULL;
		b = malloc(sizeof(*b) + size);
		if (!b)
			return NULL;
		b->size = size;
		if (p->head) {
			b->next = p->head->next;
			p->head->next = b;
		} else {
			b->next = NULL;
			p->head = b;
			p->cur = (char *)(b + 1) + size;
			p->left = 0;
		}
		p->last = NULL;
		return b + 1;
	}
	if (pool_spare) {
		b = pool_spare;
		pool_spare = b->next;
		pool_spare_bytes -= b->size;
	} else {
		b = malloc(sizeof(*b) + POOL_BLOCK);
		if (!b)
			return NULL;
		b->size = POOL_BLOCK;
	}
	b->next = p->head;
	p->head = b;
	p->last = (char *)(b + 1);
	p->cur = p->last + size;
	p->left = POOL_BLOCK - size;
	return b + 1;
}

/*
 * The array p of *alloc elements of size bytes, moved (realloc) to make
 * room for at least need: doubling from first, never beyond max (need <=
 * max).  NULL on out of memory, p and *alloc unchanged.
 */
static void *grow_array(void *p, size_t *alloc, size_t need, size_t size,
			size_t first, size_t max)
{
	size_t n = *alloc ? *alloc : first;

	while (n < need)
		n = n > max / 2 ? max : n * 2;
	if (n > max)
		n = max;
	if (n > SIZE_MAX / size || !(p = realloc(p, n * size)))
		return NULL;
	*alloc = n;
	return p;
}

/* size bytes aligned for a node; not zeroed; NULL on out of memory. */
static inline void *pool_alloc(pool *p, size_t size)
{
	size_t pad = (size_t)(-(uintptr_t)p->cur) & (POOL_ALIGN - 1);
	char *r;

	if (size > SIZE_MAX - POOL_ALIGN)
		return NULL;
	if (size + pad > p->left)
		return pool_alloc_slow(p, size);
	r = p->last = p->cur + pad;
	p->cur = r + size;
	p->left -= size + pad;
	return r;
}

/* size bytes, packed (no alignment: strings); NULL on out of memory. */
static inline char *pool_bytes(pool *p, size_t size)
{
	char *r;

	if (size > p->left)
		return pool_alloc_slow(p, size);
	r = p->last = p->cur;
	p->cur += size;
	p->left -= size;
	return r;
}

/* Give back q if it is the last allocation; otherwise nothing. */
static void pool_undo(pool *p, const void *q)
{
	if (q && q == p->last) {
		p->left += (size_t)(p->cur - p->last);
		p->cur = p->last;
		p->last = NULL;
	}
}

static void pool_release(pool *p)
{
	pool_block *b = p->head;

	while (b) {
		pool_block *next = b->next;

		if (b->size == POOL_BLOCK &&
		    pool_spare_bytes + POOL_BLOCK <= POOL_SPARE_MAX) {
			b->next = pool_spare;
			pool_spare = b;
			pool_spare_bytes += POOL_BLOCK;
		} else {
			free(b);
		}
		b = next;
	}
	memset(p, 0, sizeof(*p));
}

void dd_json_release_thread(void)
{
	while (pool_spare) {
		pool_block *next = pool_spare->next;

		free(pool_spare);
		pool_spare = next;
	}
	pool_spare_bytes = 0;
}

struct dd_json_doc {
	pool mem;		/* the nodes, their strings and keys */
	dd_json *root;
};

/* ------------------------------------------------------------------ */
/* Pass 1: the scanner                                                 */
/* ------------------------------------------------------------------ */

typedef struct key_slot {
	size_t gen;		/* serial number of the object; 0 = never used */
	size_t off;		/* key bytes: in the input, or in scratch if decoded */
	size_t len;
	uint32_t hash;
	int decoded;
} key_slot;

typedef struct key_table {
	key_slot *slots;
	size_t cap;		/* a power of two, or 0 */
	size_t used;		/* keys of the current object */
	size_t gen;		/* the current object at this level */
} key_table;

/* What pass 2 needs of a value from pass 1. */
typedef struct record {
	dd_pos pos;
	dd_pos key_pos;		/* a member's name; {0,0} for other values */
	uint32_t n;		/* DD_JSON_STRING: its decoded length;
				 * DD_JSON_NUMBER: its literal's offset */
	unsigned char type;	/* a dd_json_type */
	unsigned char flags;	/* DD_JSON_INTEGER_LITERAL */
} record;

typedef struct scanner {
	const unsigned char *buf, *p, *end;
	const char *path;
	dd_error *err;

	/* positions */
	size_t line;
	const unsigned char *line_start;
	const unsigned char *col_at;	/* a position on the current line ... */
	size_t col;			/* ... and its 1-based column */

	/* output */
	record *recs;			/* one per value, in document order */
	size_t nrecs, recs_alloc;
	dd_pos pending_key;		/* key of the next value, {0,0} if none */
	pool mem;			/* the document's (pass 2) */

	/* structure */
	int depth;
	char closer[DD_JSON_MAX_DEPTH];	/* per open container: '}' or ']' */

	/* duplicate keys */
	key_table *tables;		/* one per nesting level */
	size_t ntables;
	size_t next_gen;
	dd_buf scratch;			/* decoded keys that had escapes */
} scanner;

/* 1 for the bytes that end a run of ordinary string content. */
static const unsigned char string_special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10 */
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20 '"' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x30 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 0x50 '\\' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x60 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x70 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x80 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* The escapes of a string other than \u: the character after the
 * backslash, and the one it stands for. */
static const char esc_names[] = "\"\\/bfnrt";
static const char esc_chars[] = "\"\\/\b\f\n\r\t";

/*
 * Eight bytes at a time ("SWAR"): these find out whether a word holds a
 * byte of interest; the caller then looks at the bytes one by one.
 */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

static inline uint64_t load8(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
}

/* Nonzero when a byte of v must be escaped: '"', '\\' or below 0x20. */
static inline uint64_t quote_special8(uint64_t v)
{
	uint64_t q = v ^ (ONES * '"'), b = v ^ (ONES * '\\');

	return (((q - ONES) & ~q) | ((b - ONES) & ~b) |
		((v - ONES * 0x20) & ~v)) & HIGHS;
}

/* Nonzero when a byte of v is '"', '\\', below 0x20 or above 0x7F. */
static inline uint64_t string_special8(uint64_t v)
{
	return quote_special8(v) | (v & HIGHS);
}

/*
 * Where the bytes loaded by load8 lie in the word: the first byte is the
 * lowest one on a little-endian machine.  There, the first byte that a
 * test above flags is found with one instruction; the tests may also flag
 * bytes after a flagged one (a borrow), never one before it.
 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define LOAD8_LITTLE 1
/* Index of the first byte of the eight with a bit set in m (m != 0). */
static inline unsigned first8(uint64_t m)
{
	return (unsigned)__builtin_ctzll(m) >> 3;
}
#else
#define LOAD8_LITTLE 0
#endif

/* Number of UTF-8 continuation bytes (10xxxxxx) in v. */
static inline unsigned continuation8(uint64_t v)
{
	uint64_t c = v & ~(v << 1) & HIGHS;

	/* at most one bit per byte, at the top: add the bytes up */
	return (unsigned)(((c >> 7) * ONES) >> 56);
}

static int clamp_int(size_t v)
{
	return v > INT_MAX ? INT_MAX : (int)v;
}

/* Position of q, which lies on the current line at or after line_start. */
static inline dd_pos pos_of(scanner *s, const unsigned char *q)
{
	const unsigned char *r = s->col_at;
	size_t col = s->col;
	dd_pos pos;

	if (q < r) {		/* only on error paths; recount the line */
		r = s->line_start;
		col = 1;
	}
	for (; q - r >= 8; r += 8)
		col += 8 - continuation8(load8(r));
	if (LOAD8_LITTLE && r < q && s->end - r >= 8) {
		size_t n = (size_t)(q - r);	/* 1 to 7: the bytes before q */

		col += n - continuation8(load8(r) & ((1ull << (8 * n)) - 1));
		r = q;
	}
	for (; r < q; r++)
		col += (*r & 0xC0) != 0x80;
	s->col_at = q;
	s->col = col;
	pos.line = clamp_int(s->line);
	pos.column = clamp_int(col);
	return pos;
}

static int fail_pos(scanner *s, dd_pos pos, const char *fmt, ...) DD_PRINTF(3, 4);
static int fail_pos(scanner *s, dd_pos pos, const char *fmt, ...)
{
	char msg[DD_ERROR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	dd_error_set(s->err, DD_ERROR, s->path, pos.line, pos.column, "%s", msg);
	return DD_ERROR;
}

#define fail_at(s, q, ...) fail_pos((s), pos_of((s), (q)), __VA_ARGS__)

static int fail_oom(scanner *s)
{
	dd_error_oom(s->err);
	return DD_ENOMEM;
}

static int eof_error(scanner *s)
{
	return fail_at(s, s->end, "unexpected end of input");
}

/* The length of the valid UTF-8 sequence at p (p < end, *p >= 0x80), or
 * 0 when it is not one (RFC 3629: no overlong form, no surrogate, nothing
 * past U+10FFFF), checked here rather than by a call per character. */
static size_t utf8_seq(const unsigned char *p, const unsigned char *end)
{
	unsigned c = p[0];
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2, k;

	if (c < 0xC2 || c > 0xF4 || (size_t)(end - p) < n)
		return 0;
	for (k = 1; k < n; k++)
		if ((p[k] & 0xC0) != 0x80)
			return 0;
	if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0) ||
	    (c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))
		return 0;
	return n;
}

/*
 * "unexpected character 'x'" for the byte at q: printable ASCII quoted,
 * other characters as U+XXXX, bytes that are not UTF-8 as "invalid UTF-8".
 */
static int unexpected(scanner *s, const unsigned char *q)
{
	unsigned c, cp;

	if (q >= s->end)
		return eof_error(s);
	c = *q;
	if (c > 0x20 && c < 0x7F)
		return fail_at(s, q, "unexpected character '%c'", (int)c);
	if (c < 0x80)
		return fail_at(s, q, "unexpected character U+%04X", c);
	if (!utf8_seq(q, s->end))
		return fail_at(s, q, "invalid UTF-8");
	dd_utf8_decode((const char *)q, &cp);
	return fail_at(s, q, "unexpected character U+%04X", cp);
}

static inline void skip_ws(scanner *s)
{
	const unsigned char *p = s->p, *end = s->end;

	while (p < end) {
		unsigned c = *p;

		if (c == ' ' || c == '\t' || c == '\r') {
			p++;
		} else if (c == '\n') {
			p++;
			s->line++;
			s->line_start = p;
			/* indentation, eight spaces at a time */
#if LOAD8_LITTLE
			while (end - p >= 8) {
				uint64_t m = load8(p) ^ (ONES * ' ');

				if (m) {
					p += first8(m);
					break;
				}
				p += 8;
			}
#else
			while (end - p >= 8 && load8(p) == ONES * ' ')
				p += 8;
#endif
			s->col_at = p;
			s->col = 1 + (size_t)(p - s->line_start);
		} else {
			break;
		}
	}
	s->p = p;
}

/*
 * Append the record of a value of type type starting at s->p, with the
 * pending member name; NULL on out of memory.  The pointer is good until
 * the next call.
 */
static record *new_record(scanner *s, dd_json_type type)
{
	record *r;

	if (s->nrecs == s->recs_alloc) {
		record *grown = grow_array(s->recs, &s->recs_alloc,
					   s->nrecs + 1, sizeof(*grown), 64,
					   SIZE_MAX);

		if (!grown)
			return NULL;
		s->recs = grown;
	}
	r = &s->recs[s->nrecs++];
	r->pos = pos_of(s, s->p);
	r->key_pos = s->pending_key;
	r->n = 0;
	r->type = (unsigned char)type;
	r->flags = 0;
	s->pending_key.line = s->pending_key.column = 0;
	return r;
}

static void put_utf8(dd_buf *b, unsigned long cp)
{
	char u[4];
	int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4, i;

	for (i = n - 1; i > 0; i--, cp >>= 6)
		u[i] = (char)(0x80 | (cp & 0x3F));
	u[0] = (char)(n == 1 ? cp : (0xF00 >> n) | cp);	/* 0xC0, 0xE0, 0xF0 */
	dd_buf_add(b, u, (size_t)n);
}

/* Append the decoded content of an already validated string body. */
static void decode_string(dd_buf *b, const unsigned char *p,
			  const unsigned char *end)
{
	while (p < end) {
		const unsigned char *run = p;
		const char *e;
		unsigned long cp;

		while (p < end && *p != '\\')
			p++;
		dd_buf_add(b, run, (size_t)(p - run));
		if (p >= end)
			break;
		if (p[1] != 'u') {
			e = memchr(esc_names, p[1], sizeof(esc_names) - 1);
			dd_buf_addc(b, esc_chars[e - esc_names]);
			p += 2;
			continue;
		}
		cp = (unsigned long)dd_hex4((const char *)p + 2);
		p += 6;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			cp = 0x10000 + ((cp - 0xD800) << 10) +
			     ((unsigned long)dd_hex4((const char *)p + 2) - 0xDC00);
			p += 6;
		}
		put_utf8(b, cp);
	}
}

/*
 * Scan the string whose opening quote is at s->p; on success s->p is past
 * the closing quote, *body and *body_end delimit the raw content and *shrink
 * is how many bytes shorter the decoded string is (0 if and only if there
 * are no escapes).
 */
static int scan_string(scanner *s, const unsigned char **body,
		       const unsigned char **body_end, size_t *shrink)
{
	const unsigned char *open = s->p, *p = s->p + 1, *end = s->end;

	*shrink = 0;
	for (;;) {
		unsigned c;

#if LOAD8_LITTLE
		while (end - p >= 8) {
			uint64_t m = string_special8(load8(p));

			if (m) {
				p += first8(m);
				break;
			}
			p += 8;
		}
#else
		while (end - p >= 8 && !string_special8(load8(p)))
			p += 8;
#endif
		while (p < end && !string_special[*p])
			p++;
		if (p >= end)
			return fail_at(s, open, "unterminated string");
		c = *p;
		if (c == '"')
			break;
		if (c == '\\') {
			long cp, lo;

			if (end - p < 2)
				return fail_at(s, open, "unterminated string");
			if (memchr(esc_names, p[1], sizeof(esc_names) - 1)) {
				p += 2;
				*shrink += 1;
				continue;
			}
			if (p[1] != 'u' && p[1] > 0x20 && p[1] < 0x7F)
				return fail_at(s, p, "invalid escape '\\%c' in string",
					       p[1]);
			if (p[1] != 'u')
				return fail_at(s, p, "invalid escape in string");
			if (end - p < 6 || (cp = dd_hex4((const char *)p + 2)) < 0)
				return fail_at(s, p, "invalid \\u escape");
			if (cp == 0)
				return fail_at(s, p, "\\u0000 in a string is not supported");
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return fail_at(s, p, "invalid \\u escape (lone surrogate)");
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
				    (lo = dd_hex4((const char *)p + 8)) < 0xDC00 || lo > 0xDFFF)
					return fail_at(s, p, "invalid \\u escape (lone surrogate)");
				p += 12;
				*shrink += 8;	/* 12 bytes become 4 */
			} else {
				p += 6;
				*shrink += cp < 0x80 ? 5 : cp < 0x800 ? 4 : 3;
			}
			continue;
		}
		if (c < 0x20)
			return fail_at(s, p, "control character in string");
		/*
		 * Non-ASCII: the common 2- and 3-byte forms inline, anything
		 * else (4 bytes, E0/ED leads, errors) by dd_utf8_valid.
		 */
		do {
			size_t n, bad;

			c = *p;
			if (c >= 0xC2 && c <= 0xDF) {
				if (end - p >= 2 && (p[1] & 0xC0) == 0x80) {
					p += 2;
					continue;
				}
			} else if (c >= 0xE1 && c <= 0xEF && c != 0xED) {
				if (end - p >= 3 && (p[1] & 0xC0) == 0x80 &&
				    (p[2] & 0xC0) == 0x80) {
					p += 3;
					continue;
				}
			}
			n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			if ((size_t)(end - p) < n)
				n = (size_t)(end - p);
			if (!dd_utf8_valid((const char *)p, n, &bad))
				return fail_at(s, p + bad, "invalid UTF-8");
			p += n;
		} while (p < end && *p >= 0x80);
	}
	*body = open + 1;
	*body_end = p;
	s->p = p + 1;
	return 0;
}

/*
 * Member names are hashed with the keyed hash of util/hash.c (SipHash-1-3
 * under a per-process random key), so that no file can be built whose
 * names collide in the tables: duplicate detection stays linear whatever
 * the names.
 */
static _Thread_local size_t key_probes;	/* see dd_json_key_probes */

static const unsigned char *slot_key(const scanner *s, const key_slot *k)
{
	return (k->decoded ? (const unsigned char *)s->scratch.ptr : s->buf) +
	       k->off;
}

/* Make room for one more key in t, rehashing the current object's keys. */
static int table_reserve(key_table *t)
{
	key_slot *old = t->slots, *ns;
	size_t oldcap = t->cap, cap, i;

	if ((t->used + 1) * 2 <= t->cap)
		return 0;
	cap = t->cap ? t->cap * 2 : 16;
	if (cap > SIZE_MAX / sizeof(*ns))
		return -1;
	ns = calloc(cap, sizeof(*ns));
	if (!ns)
		return -1;
	for (i = 0; i < oldcap; i++) {
		size_t j;

		if (old[i].gen != t->gen)
			continue;
		j = old[i].hash & (cap - 1);
		while (ns[j].gen)
			j = (j + 1) & (cap - 1);
		ns[j] = old[i];
	}
	free(old);
	t->slots = ns;
	t->cap = cap;
	return 0;
}

/* The error for the duplicate key k (len bytes) at pos: the key quoted,
 * cut after 60 bytes; the message has at most 199 bytes. */
static int duplicate_key(scanner *s, dd_pos pos, const unsigned char *k,
			 size_t len)
{
	dd_buf b = DD_BUF_INIT;
	int cut = len > 60, rc;

	if (cut) {
		len = 60;
		while (len > 0 && (k[len] & 0xC0) == 0x80)
			len--;
	}
	dd_json_quote(&b, (const char *)k, len);
	if (cut && !b.oom) {
		b.len--;
		dd_buf_adds(&b, "...\"");
	}
	rc = fail_pos(s, pos, "duplicate key %.185s", b.oom ? "" : b.ptr);
	dd_buf_release(&b);
	return rc;
}

/*
 * Record the key just scanned (raw body [a, b), escaped or not) in the
 * current object's table; a duplicate is an error at key_pos.
 */
static int add_key(scanner *s, const unsigned char *a, const unsigned char *b,
		   int escaped, dd_pos key_pos)
{
	key_table *t = &s->tables[s->depth - 1];
	const unsigned char *k;
	size_t off, len, i;
	uint32_t h;

	if (escaped) {
		off = s->scratch.len;
		decode_string(&s->scratch, a, b);
		if (dd_buf_oom(&s->scratch))
			return fail_oom(s);
		len = s->scratch.len - off;
		k = (const unsigned char *)s->scratch.ptr + off;
	} else {
		off = (size_t)(a - s->buf);
		len = (size_t)(b - a);
		k = a;
	}
	if (table_reserve(t) < 0)
		return fail_oom(s);
	h = (uint32_t)dd_hash_bytes(k, len);
	for (i = h & (t->cap - 1); key_probes++, t->slots[i].gen == t->gen;
	     i = (i + 1) & (t->cap - 1)) {
		const key_slot *o = &t->slots[i];

		if (o->hash == h && o->len == len &&
		    memcmp(slot_key(s, o), k, len) == 0)
			return duplicate_key(s, key_pos, k, len);
	}
	t->slots[i].gen = t->gen;
	t->slots[i].off = off;
	t->slots[i].len = len;
	t->slots[i].hash = h;
	t->slots[i].decoded = escaped;
	t->used++;
	return 0;
}

/* Open the array or object at s->p, whose record was just added. */
static int open_container(scanner *s)
{
	int object = *s->p == '{';

	if (s->depth >= DD_JSON_MAX_DEPTH)
		return fail_at(s, s->p, "nesting deeper than %d levels",
			       DD_JSON_MAX_DEPTH);
	s->closer[s->depth++] = object ? '}' : ']';
	if (object) {
		key_table *t;

		if ((size_t)s->depth > s->ntables) {
			size_t had = s->ntables;	/* arrays need no table */
			key_table *nt = grow_array(s->tables, &s->ntables,
						   (size_t)s->depth, sizeof(*nt),
						   16, DD_JSON_MAX_DEPTH + 1);

			if (!nt)
				return fail_oom(s);
			memset(nt + had, 0, (s->ntables - had) * sizeof(*nt));
			s->tables = nt;
		}
		t = &s->tables[s->depth - 1];
		t->gen = ++s->next_gen;
		t->used = 0;
	}
	s->p++;
	return 0;
}

static int is_digit(const unsigned char *p, const unsigned char *end)
{
	return p < end && *p >= '0' && *p <= '9';
}

/* Scan the number at s->p, whose record is r. */
static int scan_number(scanner *s, record *r)
{
	const unsigned char *p = s->p, *end = s->end;
	int integer = 1;

	if (*p == '-') {
		p++;
		if (p >= end)
			return eof_error(s);
		if (!is_digit(p, end))
			return fail_at(s, p, "expected a digit after '-'");
	}
	if (*p == '0') {
		p++;
		if (is_digit(p, end))
			return fail_at(s, p, "leading zeros are not allowed in numbers");
	} else {
		while (is_digit(p, end))
			p++;
	}
	if (p < end && *p == '.') {
		integer = 0;
		p++;
		if (p >= end)
			return eof_error(s);
		if (!is_digit(p, end))
			return fail_at(s, p, "expected a digit after the decimal point");
		while (is_digit(p, end))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		integer = 0;
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p >= end)
			return eof_error(s);
		if (!is_digit(p, end))
			return fail_at(s, p, "expected a digit in the exponent");
		while (is_digit(p, end))
			p++;
	}
	if (integer)
		r->flags |= DD_JSON_INTEGER_LITERAL;
	r->n = (uint32_t)(s->p - s->buf);
	s->p = p;
	return 0;
}

/* The length of the number literal at p, which scan_number accepted. */
static size_t literal_len(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *q = p;

	while (q < end && ((*q >= '0' && *q <= '9') || *q == '-' ||
			   *q == '+' || *q == '.' || *q == 'e' || *q == 'E'))
		q++;
	return (size_t)(q - p);
}

/* Add the record of the true, false or null at s->p, and scan it. */
static int scan_literal(scanner *s)
{
	const unsigned char *p = s->p;
	const char *lit = *p == 't' ? "true" : *p == 'f' ? "false" : "null";
	size_t i;

	if (!new_record(s, *p == 't' ? DD_JSON_TRUE : *p == 'f' ?
			DD_JSON_FALSE : DD_JSON_NULL))
		return fail_oom(s);
	for (i = 0; lit[i]; i++) {
		if (p + i >= s->end)
			return eof_error(s);
		if (p[i] != (unsigned char)lit[i])
			return unexpected(s, p + i);
	}
	s->p = p + i;
	return 0;
}

/* The first line of a Git LFS pointer file (the LFS spec). */
static const char lfs_pointer[] = "version https://git-lfs.github.com/spec/v1";

static int scan(scanner *s)
{
	const unsigned char *a, *b;
	record *r;
	size_t shrink;
	dd_pos key_pos;

	if (s->end - s->p >= 3 && s->p[0] == 0xEF && s->p[1] == 0xBB &&
	    s->p[2] == 0xBF)
		return fail_at(s, s->p,
			       "byte order mark (BOM) at the start of the file is not allowed");
	if (s->end - s->p >= 2 &&
	    ((s->p[0] == 0xFE && s->p[1] == 0xFF) ||
	     (s->p[0] == 0xFF && s->p[1] == 0xFE)))
		return fail_at(s, s->p, "invalid UTF-8 (the file looks like UTF-16)");
	/* what a clone without git-lfs (or before `git lfs pull`) holds */
	if ((size_t)(s->end - s->p) >= sizeof(lfs_pointer) - 1 &&
	    !memcmp(s->p, lfs_pointer, sizeof(lfs_pointer) - 1))
		return fail_at(s, s->p,
			       "is a Git LFS pointer, not the file: run git lfs pull");
	skip_ws(s);
	if (s->p == s->end) {
		dd_pos one = { 1, 1 };

		return fail_pos(s, one, "empty file");
	}

value:
	skip_ws(s);
	if (s->p >= s->end)
		return eof_error(s);
	if (s->nrecs >= DD_JSON_MAX_VALUES)	/* bounds the memory */
		return fail_at(s, s->p, "too many values (more than %zu)",
			       DD_JSON_MAX_VALUES);
	switch (*s->p) {
	case '{':
	case '[':
		if (!new_record(s, *s->p == '{' ? DD_JSON_OBJECT : DD_JSON_ARRAY))
			return fail_oom(s);
		if (open_container(s) < 0)
			return -1;
		skip_ws(s);
		if (s->p < s->end && *s->p == s->closer[s->depth - 1]) {
			s->p++;
			goto close;
		}
		if (s->closer[s->depth - 1] == '}')
			goto member;
		goto value;
	case '"':
		if (!(r = new_record(s, DD_JSON_STRING)))
			return fail_oom(s);
		if (scan_string(s, &a, &b, &shrink) < 0)
			return -1;
		r->n = (uint32_t)((size_t)(b - a) - shrink);
		goto after_value;
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		if (!(r = new_record(s, DD_JSON_NUMBER)))
			return fail_oom(s);
		if (scan_number(s, r) < 0)
			return -1;
		goto after_value;
	case 't':
	case 'f':
	case 'n':
		if (scan_literal(s) < 0)
			return -1;
		goto after_value;
	default:
		return unexpected(s, s->p);
	}

close:			/* s->p is past the ']' or '}' of the innermost container */
	s->depth--;
	goto after_value;

member:			/* s->p is past '{' or ',' and white space */
	if (s->p >= s->end)
		return eof_error(s);
	if (*s->p != '"')
		return unexpected(s, s->p);
	key_pos = pos_of(s, s->p);
	if (scan_string(s, &a, &b, &shrink) < 0)
		return -1;
	if (add_key(s, a, b, shrink != 0, key_pos) < 0)
		return -1;
	skip_ws(s);
	if (s->p >= s->end)
		return eof_error(s);
	if (*s->p != ':')
		return unexpected(s, s->p);
	s->p++;
	s->pending_key = key_pos;
	goto value;

after_value:
	skip_ws(s);
	if (s->depth == 0) {
		if (s->p != s->end)
			return fail_at(s, s->p,
				       "trailing characters after the JSON value");
		return 0;
	}
	if (s->p >= s->end)
		return eof_error(s);
	if (*s->p == ',') {
		s->p++;
		if (s->closer[s->depth - 1] == ']')
			goto value;
		skip_ws(s);
		goto member;
	}
	if (*s->p != s->closer[s->depth - 1])
		return unexpected(s, s->p);
	s->p++;
	goto close;
}

/* ------------------------------------------------------------------ */
/* Pass 2: cJSON reads the document                                    */
/* ------------------------------------------------------------------ */

/*
 * While cJSON reads a document, its allocations come from the document's
 * pool (cjson_pool), and each of its nodes gets room for the dd_json it
 * becomes (adopt): cJSON_New_Item asks for sizeof(cJSON) bytes, and an
 * allocation of that size gets sizeof(dd_json) (a string of that length
 * too: harmless); strings are packed.  cJSON_Delete is never called, and
 * a free gives back the last allocation (cJSON frees a number's temporary
 * copy at once) or does nothing: the memory goes with the pool.  The hooks
 * are process-global, installed once (cJSON_InitHooks briefly resets them
 * to malloc and free, which a parse on another thread must not see);
 * json.c is the only user of cJSON, and the pool pointer is per thread:
 * outside a parse they are plain malloc and free.
 */
_Static_assert(sizeof(dd_json) >= sizeof(cJSON) &&
	       _Alignof(dd_json) >= _Alignof(cJSON),
	       "a cJSON node's slot must hold a dd_json");

static _Thread_local pool *cjson_pool;
static _Thread_local int cjson_oom;	/* an allocation failed */

static void *cjson_alloc(size_t size)
{
	void *r;

	if (!cjson_pool)
		return malloc(size);
	r = size == sizeof(cJSON) ? pool_alloc(cjson_pool, sizeof(dd_json)) :
	    pool_bytes(cjson_pool, size);
	if (!r)
		cjson_oom = 1;
	return r;
}

static void cjson_free(void *p)
{
	if (cjson_pool)
		pool_undo(cjson_pool, p);
	else
		free(p);
}

static void cjson_install_hooks(void)
{
	cJSON_Hooks hooks = { cjson_alloc, cjson_free };

	cJSON_InitHooks(&hooks);
}

/* cJSON's tree of the len bytes at buf, in mem; NULL (*oom if out of
 * memory) when cJSON fails. */
static cJSON *cjson_parse(pool *mem, const char *buf, size_t len, int *oom)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	cJSON *tree;

	pthread_once(&once, cjson_install_hooks);
	cjson_pool = mem;
	cjson_oom = 0;
	tree = cJSON_ParseWithLengthOpts(buf, len, NULL, 0);
	*oom = cjson_oom;
	cjson_pool = NULL;
	return tree;
}

/* cJSON's type of a value of each of ours. */
static const int cjson_type[] = {
	[DD_JSON_NULL] = cJSON_NULL, [DD_JSON_FALSE] = cJSON_False,
	[DD_JSON_TRUE] = cJSON_True, [DD_JSON_NUMBER] = cJSON_Number,
	[DD_JSON_STRING] = cJSON_String, [DD_JSON_ARRAY] = cJSON_Array,
	[DD_JSON_OBJECT] = cJSON_Object
};

static int disagree(scanner *s, const record *r)
{
	return fail_pos(s, r->pos,
			"internal error: the scanner and cJSON disagree about this value");
}

/*
 * Turn cJSON's tree, whose root is at root, into the document's tree in
 * place: in pre-order its i-th node is the value of the scanner's i-th
 * record.  A node keeps cJSON's links, strings and member names, and takes
 * the record's positions and flags and, for a number, a copy of its
 * literal.  Each slot is read whole before it is written whole (memcpy:
 * its type changes).  0, or an error.
 */
static int adopt(scanner *s, void *root)
{
	dd_json *up[DD_JSON_MAX_DEPTH];	/* the open containers */
	void *slot = root;
	size_t sp = 0, i;

	for (i = 0; slot; i++) {
		const record *r = &s->recs[i < s->nrecs ? i : 0];
		int member = sp && up[sp - 1]->type == DD_JSON_OBJECT;
		char *lit;
		size_t len;
		cJSON c;
		dd_json n;

		memcpy(&c, slot, sizeof(c));
		memset(&n, 0, sizeof(n));
		if (i == s->nrecs || (c.type & 0xFF) != cjson_type[r->type] ||
		    member != (c.string != NULL))
			return disagree(s, r);
		n.type = (dd_json_type)r->type;
		n.flags = r->flags;
		n.key = c.string;
		n.child = (dd_json *)(void *)c.child;
		n.next = (dd_json *)(void *)c.next;
		n.pos = r->pos;
		n.key_pos = r->key_pos;
		if (n.type == DD_JSON_STRING) {
			if (!c.valuestring || strlen(c.valuestring) != r->n)
				return disagree(s, r);
			n.string = c.valuestring;
			n.string_len = r->n;
		} else if (n.type == DD_JSON_NUMBER) {
			len = literal_len(s->buf + r->n, s->end);
			if (!(lit = pool_bytes(&s->mem, len + 1)))
				return fail_oom(s);
			memcpy(lit, s->buf + r->n, len);
			lit[len] = '\0';
			n.string = lit;
			n.string_len = (uint32_t)len;
			n.number = c.valuedouble;
		}
		if (sp)
			up[sp - 1]->count++;
		memcpy(slot, &n, sizeof(n));
		/* on in pre-order: the child, else the next, else an
		   ancestor's next */
		if (n.child) {
			if (sp == DD_JSON_MAX_DEPTH)
				return disagree(s, r);
			up[sp++] = slot;
			slot = n.child;
			continue;
		}
		slot = n.next;
		while (!slot && sp)
			slot = up[--sp]->next;
	}
	return i == s->nrecs ? 0 : disagree(s, &s->recs[0]);
}

static void scanner_release(scanner *s)
{
	size_t i;

	for (i = 0; i < s->ntables; i++)
		free(s->tables[i].slots);
	free(s->tables);
	free(s->recs);
	dd_buf_release(&s->scratch);
	pool_release(&s->mem);
}

int dd_json_parse(dd_json_doc **out, const char *buf, size_t len,
		  const char *path, dd_error *err)
{
	scanner s;
	dd_json_doc *doc;
	cJSON *tree = NULL;
	int rc, oom;

	*out = NULL;
	if (!buf && len)
		return dd_error_set(err, DD_EUSAGE, path, 0, 0,
				    "no buffer to parse");
	if (!buf)
		buf = "";
	if (len > UINT32_MAX)	/* a node's lengths are 32 bits */
		return dd_error_set(err, DD_ETOOBIG, path, 0, 0,
				    "document of %zu bytes, over 4 GiB", len);
	memset(&s, 0, sizeof(s));
	s.buf = s.p = (const unsigned char *)buf;
	s.end = s.buf + len;
	s.path = path;
	s.err = err;
	s.line = 1;
	s.line_start = s.col_at = s.buf;
	s.col = 1;
	dd_buf_init(&s.scratch);
	key_probes = 0;

	rc = scan(&s);
	if (rc == 0 && !(tree = cjson_parse(&s.mem, buf, len, &oom)))
		rc = oom ? fail_oom(&s) : fail_pos(&s, s.recs[0].pos,
			"internal error: cJSON could not read the document the scanner accepted");
	if (rc == 0)
		rc = adopt(&s, tree);
	if (rc == 0) {
		if ((doc = malloc(sizeof(*doc)))) {
			doc->mem = s.mem;
			doc->root = (dd_json *)(void *)tree;
			memset(&s.mem, 0, sizeof(s.mem));
			*out = doc;
		} else {
			rc = dd_error_oom(err);
		}
	}
	scanner_release(&s);
	return rc;
}

size_t dd_json_key_probes(void)
{
	return key_probes;
}

void dd_json_doc_free(dd_json_doc *doc)
{
	if (!doc)
		return;
	pool_release(&doc->mem);
	free(doc);
}

const dd_json *dd_json_root(const dd_json_doc *doc)
{
	return doc ? doc->root : NULL;
}

const dd_json *dd_json_get(const dd_json *object, const char *key)
{
	const dd_json *m;

	if (!object || object->type != DD_JSON_OBJECT || !key)
		return NULL;
	/* the first byte first: most members differ there, and a call to
	   strcmp per member was a tenth of loading a round */
	for (m = object->child; m; m = m->next)
		if (m->key && m->key[0] == key[0] && strcmp(m->key, key) == 0)
			return m;
	return NULL;
}

const char *dd_json_type_name(dd_json_type type)
{
	static const char *const names[] = {
		[DD_JSON_NULL] = "null", [DD_JSON_FALSE] = "boolean",
		[DD_JSON_TRUE] = "boolean", [DD_JSON_NUMBER] = "number",
		[DD_JSON_STRING] = "string", [DD_JSON_ARRAY] = "array",
		[DD_JSON_OBJECT] = "object"
	};

	return (unsigned)type < sizeof(names) / sizeof(names[0]) ?
	       names[type] : "unknown";
}

int dd_json_integer(const dd_json *node, long long *out)
{
	const char *p;
	unsigned long long v = 0, limit;
	int neg = 0;

	if (!node || node->type != DD_JSON_NUMBER ||
	    !(node->flags & DD_JSON_INTEGER_LITERAL))
		return 0;
	p = node->string;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	limit = neg ? (unsigned long long)LLONG_MAX + 1 : (unsigned long long)LLONG_MAX;
	if (*p < '0' || *p > '9')
		return 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		unsigned d = (unsigned)(*p - '0');

		if (v > (limit - d) / 10)
			return 0;
		v = v * 10 + d;
	}
	if (*p)
		return 0;
	if (neg)
		*out = v == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN :
		       -(long long)v;
	else
		*out = (long long)v;
	return 1;
}

/* ------------------------------------------------------------------ */
/* The writer                                                          */
/* ------------------------------------------------------------------ */

void dd_json_quote(dd_buf *buf, const char *s, size_t len)
{
	const unsigned char *p, *end, *run;

	if (!s) {
		s = "";
		len = 0;
	}
	p = run = (const unsigned char *)s;
	end = p + len;

	if (dd_buf_grow(buf, len + 2) < 0)
		return;
	dd_buf_addc(buf, '"');
	while (p < end) {
		unsigned c = *p;
		const char *e;
		char esc[8];
		size_t n;

		if (end - p >= 8 && !string_special8(load8(p))) {
			p += 8;
			continue;
		}
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			p++;
			continue;
		}
		if (c >= 0x80 && (n = utf8_seq(p, end))) {
			p += n;
			continue;
		}
		dd_buf_add(buf, run, (size_t)(p - run));
		run = ++p;
		if (c >= 0x80) {	/* not UTF-8: U+FFFD, as the JSON is valid */
			dd_buf_add(buf, "\xef\xbf\xbd", 3);
			continue;
		}
		/* '"', '\\' or a control character ('/' is never escaped) */
		if ((e = memchr(esc_chars, (int)c, sizeof(esc_chars) - 1))) {
			esc[0] = '\\';
			esc[1] = esc_names[e - esc_chars];
			dd_buf_add(buf, esc, 2);
		} else {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			dd_buf_add(buf, esc, 6);
		}
	}
	dd_buf_add(buf, run, (size_t)(end - run));
	dd_buf_addc(buf, '"');
}

void dd_json_writer_init(dd_json_writer *w, dd_buf *out, int compact)
{
	*w = (dd_json_writer){ .out = out, .compact = compact };
}

static void newline(dd_json_writer *w)
{
	if (w->compact)
		return;
	dd_buf_addc(w->out, '\n');
	dd_buf_addn(w->out, ' ', (size_t)w->depth * 2);
}

/* Comma and line break before a value. */
static void before_value(dd_json_writer *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->need_comma)
		dd_buf_addc(w->out, ',');
	if (w->depth > 0)
		newline(w);
}

static void begin_container(dd_json_writer *w, char c)
{
	before_value(w);
	dd_buf_addc(w->out, c);
	w->depth++;
	w->need_comma = 0;
}

static void end_container(dd_json_writer *w, char c)
{
	if (w->depth > 0)
		w->depth--;
	if (w->need_comma)
		newline(w);
	dd_buf_addc(w->out, c);
	w->need_comma = 1;
	w->after_key = 0;
}

void dd_json_begin_object(dd_json_writer *w)
{
	begin_container(w, '{');
}

void dd_json_end_object(dd_json_writer *w)
{
	end_container(w, '}');
}

void dd_json_begin_array(dd_json_writer *w)
{
	begin_container(w, '[');
}

void dd_json_end_array(dd_json_writer *w)
{
	end_container(w, ']');
}

void dd_json_key(dd_json_writer *w, const char *key)
{
	dd_buf *b = w->out;
	size_t n = key ? strlen(key) : 0, i = 0;

	if (w->need_comma)
		dd_buf_addc(b, ',');
	newline(w);
	/* a renderer's keys are literals with nothing to escape: copy them
	   in one go (a tenth of rendering a log went to quoting them); a key
	   with a byte the scanner's table flags (UTF-8 too) is quoted */
	while (i < n && !string_special[(unsigned char)key[i]])
		i++;
	if (i == n && dd_buf_grow(b, n + 4) == 0) {
		char *p = b->ptr + b->len;

		*p++ = '"';
		memcpy(p, key, n);
		p += n;
		*p++ = '"';
		*p++ = ':';
		if (!w->compact)
			*p++ = ' ';
		*p = '\0';
		b->len = (size_t)(p - b->ptr);
	} else {
		dd_json_quote(b, key ? key : "", n);
		dd_buf_add(b, ": ", w->compact ? 1 : 2);
	}
	w->after_key = 1;
	w->need_comma = 1;
}

static void raw_value(dd_json_writer *w, const char *s, size_t len)
{
	before_value(w);
	dd_buf_add(w->out, s, len);
	w->need_comma = 1;
}

void dd_json_string_len(dd_json_writer *w, const char *s, size_t len)
{
	if (!s) {
		dd_json_null(w);
		return;
	}
	before_value(w);
	/* valid JSON whatever came in (dd_json_quote): a file name from
	   the file system or git may be any bytes */
	dd_json_quote(w->out, s, len);
	w->need_comma = 1;
}

void dd_json_string(dd_json_writer *w, const char *s)
{
	dd_json_string_len(w, s, s ? strlen(s) : 0);
}

void dd_json_int(dd_json_writer *w, long long v)
{
	char b[32];
	int n = snprintf(b, sizeof(b), "%lld", v);

	raw_value(w, b, (size_t)n);
}

/*
 * Format v with prec significant digits; the C locale's '.' whatever
 * LC_NUMERIC says.  Returns 1 when the text reads back as v.
 */
static int format_double(char *b, size_t size, double v, int prec)
{
	const char *dp = localeconv()->decimal_point;
	char *q;
	int ok;

	snprintf(b, size, "%.*g", prec, v);
	ok = strtod(b, NULL) == v;	/* in the same locale as snprintf */
	if (dp && dp[0] && strcmp(dp, ".") != 0 && (q = strstr(b, dp))) {
		size_t dl = strlen(dp);

		*q = '.';
		memmove(q + 1, q + dl, strlen(q + dl) + 1);
	}
	return ok;
}

void dd_json_double(dd_json_writer *w, double v)
{
	char b[64];

	if (!isfinite(v)) {
		dd_json_null(w);
		return;
	}
	if (!format_double(b, sizeof(b), v, 15) &&
	    !format_double(b, sizeof(b), v, 16))
		format_double(b, sizeof(b), v, 17);
	raw_value(w, b, strlen(b));
}

void dd_json_bool(dd_json_writer *w, int v)
{
	raw_value(w, v ? "true" : "false", v ? 4 : 5);
}

void dd_json_null(dd_json_writer *w)
{
	raw_value(w, "null", 4);
}

void dd_json_value(dd_json_writer *w, const dd_json *node)
{
	const dd_json *c;

	if (!node) {
		dd_json_null(w);
		return;
	}
	switch (node->type) {
	case DD_JSON_NULL:
		dd_json_null(w);
		break;
	case DD_JSON_FALSE:
	case DD_JSON_TRUE:
		dd_json_bool(w, node->type == DD_JSON_TRUE);
		break;
	case DD_JSON_NUMBER:	/* the literal, as written */
		raw_value(w, node->string, node->string_len);
		break;
	case DD_JSON_STRING:
		dd_json_string_len(w, node->string, node->string_len);
		break;
	case DD_JSON_ARRAY:
		dd_json_begin_array(w);
		for (c = node->child; c; c = c->next)
			dd_json_value(w, c);
		dd_json_end_array(w);
		break;
	case DD_JSON_OBJECT:
		dd_json_begin_object(w);
		for (c = node->child; c; c = c->next) {
			dd_json_key(w, c->key);
			dd_json_value(w, c);
		}
		dd_json_end_object(w);
		break;
	}
}
