/*
 * parse_floor.c - the floor under `dialdiff diff`: read each file named on
 * the command line and parse it with cJSON (cJSON_ParseWithLength, then
 * cJSON_Delete), nothing else.  No validation, no model, no output.
 *
 *   parse_floor FILE...
 *
 * Exit status 0, or 1 when a file cannot be read or does not parse.
 */
#include <cjson/cJSON.h>

#include <stdio.h>
#include <stdlib.h>

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1))) {
		*len = fread(buf, 1, (size_t)size, f);
		if (*len != (size_t)size) {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	return buf;
}

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		size_t len = 0;
		char *buf = slurp(argv[i], &len);
		cJSON *tree;

		if (!buf) {
			fprintf(stderr, "parse_floor: cannot read %s\n", argv[i]);
			return 1;
		}
		tree = cJSON_ParseWithLength(buf, len);
		free(buf);
		if (!tree) {
			fprintf(stderr, "parse_floor: %s does not parse\n", argv[i]);
			return 1;
		}
		cJSON_Delete(tree);
	}
	return 0;
}
