/*
 * text.h - bilingual texts, positions and UTF-8 helpers shared by every
 * module.
 */
#ifndef DIALDIFF_TEXT_H
#define DIALDIFF_TEXT_H

#include <stdarg.h>
#include <stddef.h>
#include "buf.h"

/* A position in a source file: 1-based line and column (in characters). */
typedef struct dd_pos {
	int line, column;
} dd_pos;

typedef enum dd_lang { DD_LANG_EN = 0, DD_LANG_ZH = 1 } dd_lang;

/* A text in both languages; either may be NULL (not both in valid data). */
typedef struct dd_text {
	const char *en;
	const char *zh;
} dd_text;

/* The text in lang, else in the other language, else "". Borrowed. */
const char *dd_text_get(const dd_text *t, dd_lang lang);
/* 1 when both language versions are equal (NULL equals NULL); the same
 * of two strings. */
int dd_text_equal(const dd_text *a, const dd_text *b);
int dd_str_equal(const char *a, const char *b);
/* "en", "zh"; and parsing: 0 or -1 for an unknown name. */
const char *dd_lang_name(dd_lang lang);
int dd_lang_parse(dd_lang *out, const char *name);
/* The language from LC_ALL, LC_MESSAGES, LANG ("zh..." gives zh, else en). */
dd_lang dd_lang_from_env(void);

/*
 * Validate UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF).  Returns 1 when s[0..len) is valid; otherwise 0 and, when bad
 * is not NULL, the offset of the first invalid byte.
 */
int dd_utf8_valid(const char *s, size_t len, size_t *bad);
/*
 * s[0..*len) itself when it is valid UTF-8; else a copy in tmp (reset
 * first) with each byte that starts no valid sequence replaced by U+FFFD,
 * *len its length.  For writing names from outside (file names, git's
 * bytes) where valid UTF-8 is promised.  The copy is unspecified when tmp
 * runs out of memory (dd_buf_oom).
 */
const char *dd_utf8_repair(dd_buf *tmp, const char *s, size_t *len);
/* Number of characters (code points) in valid UTF-8. */
size_t dd_utf8_chars(const char *s, size_t len);
/*
 * Display width in a terminal: East Asian wide and fullwidth characters
 * count 2, combining marks 0, others 1.
 */
size_t dd_utf8_width(const char *s);
/* Decode one code point at s (valid UTF-8); returns its length in bytes. */
size_t dd_utf8_decode(const char *s, unsigned *cp);
/* The value of hex digit c (either case), or -1. */
int dd_hexval(int c);
/* The value of the 4 hex digits at s (4 bytes readable), or -1. */
long dd_hex4(const char *s);

/*
 * vsnprintf into dst (size bytes), but a text too long for it keeps its
 * start and its end, with "…" between, cut on UTF-8 character
 * boundaries: the end of a message ("matches no entry of section …") is
 * worth as much as its start.
 */
void dd_text_vformat(char *dst, size_t size, const char *fmt, va_list ap);

/*
 * Append s (may be NULL) to out with no control character that a
 * terminal would act on (C0, DEL, C1): white space becomes a space,
 * anything else '?', so that data cannot smuggle in an escape sequence
 * (a title, the clipboard).
 */
void dd_text_add_safe(dd_buf *out, const char *s);

/*
 * Normalized form of a label for use as an identity when it classifies to
 * no entry: Unicode white space runs folded to one space, trimmed, ASCII
 * lower-cased.  Caller frees.  NULL on out of memory.
 */
char *dd_text_normalize(const char *s);

#endif
