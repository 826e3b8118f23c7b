/*
 * fuzz_diff.c - the differ over two fuzzed rounds (the input split in two
 * at FZ_SEP), classified with the bundled taxonomy.  Besides the structural
 * invariants (fz_check_diff): a diff is symmetric (A->B adds what B->A
 * drops), and a round against itself changes nothing.
 */
#include "fuzz.h"

static dd_diff *diff(const dd_round *a, const dd_round *b, dd_taxonomy *tx)
{
	dd_diff *d = NULL;
	dd_error err;

	FZ_CHECK(dd_diff_rounds(&d, a, b, tx, &err) == 0);
	fz_check_diff(d, a, b);
	return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_part parts[2];
	dd_taxonomy *tx = fz_taxonomy();
	dd_round *a = NULL, *b = NULL;
	dd_diff *ab, *ba, *aa;
	size_t n = fz_split(data, size, parts, 2);

	a = fz_round(&parts[0], "dialogues/fuzz/round-01.json", tx);
	if (n == 2)
		b = fz_round(&parts[1], "dialogues/fuzz/round-02.json", tx);
	if (a && b) {
		ab = diff(a, b, tx);
		ba = diff(b, a, tx);
		FZ_CHECK(ab->nadded == ba->ndropped && ab->ndropped == ba->nadded);
		FZ_CHECK(ab->nkept == ba->nkept && ab->nchanged == ba->nchanged);
		FZ_CHECK(ab->nsections == ba->nsections);
		dd_diff_free(ab);
		dd_diff_free(ba);
	}
	if (a) {
		aa = diff(a, a, tx);
		FZ_CHECK(aa->nadded == 0 && aa->ndropped == 0 &&
			 aa->nchanged == 0);
		dd_diff_free(aa);
	}
	dd_round_free(a);
	dd_round_free(b);
	return 0;
}
