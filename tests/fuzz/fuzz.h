/*
 * fuzz.h - shared by the libFuzzer targets in tests/fuzz/ and their replay
 * driver.
 *
 * Each tests/fuzz/fuzz_NAME.c defines LLVMFuzzerTestOneInput and calls the
 * library exactly as the tool does (length-bounded buffers, never
 * NUL-terminated ones).  It is linked either with libFuzzer (clang,
 * `make fuzz`) or with replay.c, a main() that runs it over the files of
 * tests/fuzz/corpus/NAME/ in `make test`, with any compiler.
 *
 * A target reports a finding by crashing: a sanitizer report, or fz_fail()
 * (abort) when an invariant of the library does not hold.
 */
#ifndef DIALDIFF_FUZZ_H
#define DIALDIFF_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "dialdiff/diff.h"
#include "dialdiff/render.h"
#include "dialdiff/round.h"
#include "dialdiff/taxonomy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Inputs that hold several documents separate them with this byte (ASCII
 * record separator: never valid in JSON outside a string, nor inside one). */
#define FZ_SEP '\x1e'

typedef struct fz_part {
	const char *ptr;
	size_t len;
} fz_part;

/* Split data at FZ_SEP into at most max parts (the last takes the rest);
 * returns the number of parts (at least 1). */
size_t fz_split(const uint8_t *data, size_t size, fz_part *parts, size_t max);

/* Print what failed and abort(). */
void fz_fail(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2), noreturn))
#endif
	;
#define FZ_CHECK(cond) \
	do { if (!(cond)) fz_fail("%s:%d: invariant failed: %s", \
				  __FILE__, __LINE__, #cond); } while (0)

/*
 * The bundled taxonomy (dialogues/taxonomy.json), loaded once and reloaded
 * now and then so that its classification cache does not grow without
 * bound over millions of inputs (the cache changes no result).
 */
dd_taxonomy *fz_taxonomy(void);

/*
 * Load a round from part p exactly as the tool does, with diagnostics, and
 * check the loader's contract.  Returns the round when it loaded without
 * error (classified with tx when tx is not NULL), else NULL.
 */
dd_round *fz_round(const fz_part *p, const char *path, dd_taxonomy *tx);

/* Invariants of a round classified with tx. */
void fz_check_classified(const dd_taxonomy *tx, const dd_round *r);

/* Invariants of a diff of a and b. */
void fz_check_diff(const dd_diff *d, const dd_round *a, const dd_round *b);

/*
 * Render up to three rounds from the input with renderer r: `show` of each,
 * `diff` of each consecutive pair and of all pairs at once, and, when the
 * rounds make a valid series (distinct numbers, increasing dates),
 * `timeline`, `report` and `list`.  check (may be NULL) is called on each
 * output.  Language and colour come from the input's size, so that a
 * replayed input renders the same way.
 */
void fz_render(const dd_renderer *r, const uint8_t *data, size_t size,
	       void (*check)(const char *out, size_t len, int color));

/* The output is valid UTF-8 (every renderer's contract). */
void fz_check_utf8(const char *out, size_t len, int color);

#endif
