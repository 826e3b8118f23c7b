/* check [--strict] [--max-size N] [--rev REV] [PATH...]: consistency checks for CI. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dialdiff/check.h"

/* "16777216", "512K", "16M", "1G" (binary multiples, an optional "iB" or
 * "B" after the letter) -> bytes; 0 or -1 when malformed or zero. */
static int parse_size(const char *s, size_t *out)
{
	unsigned long long v, mult = 1;
	char *end;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || !v)
		return -1;
	switch (toupper((unsigned char)*end)) {
	case 'K': mult = 1ull << 10; end++; break;
	case 'M': mult = 1ull << 20; end++; break;
	case 'G': mult = 1ull << 30; end++; break;
	default: break;
	}
	if (mult > 1 && (!strcmp(end, "iB") || !strcmp(end, "B")))
		end += strlen(end);
	if (*end || v > SIZE_MAX / mult)
		return -1;
	*out = (size_t)(v * mult);
	return 0;
}

enum { OPT_STRICT = 256, OPT_MAX_SIZE, OPT_REV };
const struct option cli_check_options[] = {
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "rev", required_argument, NULL, OPT_REV },
	CLI_HELP_OUTPUT_END
};

int cmd_check(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("check");
	dd_check_opts copts;
	dd_check_result res;
	dd_check *chk = NULL;
	dd_source *src = NULL;
	dd_buf out = DD_BUF_INIT;
	const dd_diags *diags;
	dd_error err;
	int strict = 0, c, i, rc;

	memset(&copts, 0, sizeof(copts));
	while ((c = cli_getopt(cmd, argc, argv)) != -1) {
		switch (c) {
		case OPT_STRICT: strict = 1; break;
		case OPT_REV: ctx->rev = optarg; break;
		case OPT_MAX_SIZE:
			if (parse_size(optarg, &copts.max_size) < 0)
				return cli_usage(cmd, "--max-size takes a size in bytes, e.g. 1048576, 512K or 16M, not '%s'",
						 optarg);
			break;
		default:
			if ((rc = cli_other_option(ctx, cmd, c, argv)) >= 0)
				return rc;	/* a usage error, or --help */
		}
	}
	if ((rc = CLI_NEED(ctx, check)) || (rc = cli_source(ctx, &src)))
		return rc;
	copts.dialogues = ctx->dialogues;
	copts.taxonomy = ctx->taxonomy_path;
	copts.series = ctx->series_id;
	if (dd_check_new(&chk, src, &copts, &err) < 0)
		return cli_fail(&err);
	rc = 0;
	if (optind == argc) {
		if (dd_check_dialogues(chk, &err) < 0)
			rc = cli_fail(&err);
	}
	for (i = optind; i < argc && !rc; i++)
		if (dd_check_path(chk, argv[i], &err) < 0)
			rc = cli_fail(&err);
	if (rc)
		goto out;
	diags = dd_check_diags(chk);
	if (diags->oom) {
		rc = cli_failf("out of memory");
		goto out;
	}
	memset(&res, 0, sizeof(res));
	res.diags = diags;
	res.files = dd_check_files(chk, &res.nfiles);
	res.strict = strict;
	rc = cli_emit_rendered(ctx->renderer->check(&out, &res, &ctx->ropts),
			       &out);
	if (!rc && (diags->errors || (strict && diags->warnings)))
		rc = EXIT_DIFF;
out:
	dd_buf_release(&out);
	dd_check_free(chk);
	return rc;
}
