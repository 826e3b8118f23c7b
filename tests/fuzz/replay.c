/*
 * replay.c - a main() for a fuzz target without libFuzzer: runs
 * LLVMFuzzerTestOneInput on every file of the target's corpus (compiled in
 * as DD_FUZZ_CORPUS), of the folders in the environment variable
 * DD_FUZZ_EXTRA_<name> (space-separated), or of the files and folders named
 * on the command line, and reports one TAP test per file.  Each input is
 * passed in a heap buffer of exactly its size, as libFuzzer does, so that a
 * sanitizer or valgrind sees a read past its end.
 *
 *   build/fuzz/replay-round                        the corpus
 *   build/fuzz/replay-round crash-1234 more/       given files and folders
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

#ifndef DD_FUZZ_CORPUS
#define DD_FUZZ_CORPUS "."
#endif
#ifndef DD_FUZZ_NAME
#define DD_FUZZ_NAME "target"
#endif

typedef struct list {
	char **names;
	size_t n, alloc;
} list;

static void add(list *l, const char *name)
{
	if (l->n == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 64;
		l->names = realloc(l->names, l->alloc * sizeof(*l->names));
		if (!l->names)
			abort();
	}
	if (!(l->names[l->n++] = strdup(name)))
		abort();
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file under path (a file or a folder), recursively. */
static void collect(list *l, const char *path)
{
	struct stat st;
	struct dirent *de;
	DIR *d;

	if (stat(path, &st) < 0) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		exit(2);
	}
	if (!S_ISDIR(st.st_mode)) {
		add(l, path);
		return;
	}
	if (!(d = opendir(path))) {
		fprintf(stderr, "replay: cannot list %s\n", path);
		exit(2);
	}
	while ((de = readdir(d))) {
		char *child;
		size_t n;

		if (de->d_name[0] == '.')
			continue;
		n = strlen(path) + strlen(de->d_name) + 2;
		if (!(child = malloc(n)))
			abort();
		snprintf(child, n, "%s/%s", path, de->d_name);
		collect(l, child);
		free(child);
	}
	closedir(d);
}

static void run(const char *path, size_t n)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data;
	long size;

	if (!f || fseek(f, 0, SEEK_END) < 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) < 0) {
		printf("not ok %zu - %s: cannot read\n", n, path);
		if (f)
			fclose(f);
		return;
	}
	data = malloc(size ? (size_t)size : 1);
	if (!data || fread(data, 1, (size_t)size, f) != (size_t)size)
		abort();
	fclose(f);
	/* an empty input is passed as libFuzzer does: a valid pointer, size 0 */
	fflush(stdout);
	LLVMFuzzerTestOneInput(data, (size_t)size);
	free(data);
	printf("ok %zu - %s\n", n, path);
}

int main(int argc, char **argv)
{
	list l = { NULL, 0, 0 };
	size_t i;
	int k;

	if (argc > 1) {
		for (k = 1; k < argc; k++)
			collect(&l, argv[k]);
	} else {
		const char *extra = getenv("DD_FUZZ_EXTRA_" DD_FUZZ_NAME);

		collect(&l, DD_FUZZ_CORPUS);
		if (extra && *extra) {
			char *copy = strdup(extra), *tok, *save = NULL;

			if (!copy)
				abort();
			for (tok = strtok_r(copy, " ", &save); tok;
			     tok = strtok_r(NULL, " ", &save))
				collect(&l, tok);
			free(copy);
		}
	}
	qsort(l.names, l.n, sizeof(*l.names), cmp);
	printf("# %s: %zu inputs\n", DD_FUZZ_NAME, l.n);
	for (i = 0; i < l.n; i++)
		run(l.names[i], i + 1);
	printf("1..%zu\n", l.n);
	for (i = 0; i < l.n; i++)
		free(l.names[i]);
	free(l.names);
	return 0;
}
