/*
 * fuzz_round.c - the round loader, dd_round_load over the input's bytes
 * exactly as the tool calls it (length-bounded, not NUL-terminated), then
 * classification with the bundled taxonomy of whatever parsed.  fz_round
 * checks the loader's contract: success means a complete, valid round and
 * no error diagnostic; failure means a message, an error diagnostic and
 * positions inside the file.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_part p;
	dd_round *r;

	p.ptr = (const char *)data;
	p.len = size;
	r = fz_round(&p, "dialogues/fuzz/round-01.json", fz_taxonomy());
	dd_round_free(r);
	return 0;
}
