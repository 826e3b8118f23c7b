/*
 * fmt [--check | --write] [PATH...]: canonical formatting.
 *
 * Without a flag, the one file named is printed formatted.  --check lists
 * the files whose formatting differs (exit 1).  --write rewrites them, each
 * atomically.  Folders stand for the files check would read in them; no
 * PATH, for the dialogues folder.  A file that cannot be read or parsed is
 * reported (dialdiff: PATH:LINE:COL: message) and the others are still
 * done; the exit status is then 2.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dialdiff/fmt.h"

enum { MODE_PRINT, MODE_CHECK, MODE_WRITE };

/* Append the files path stands for to *list (NULL-terminated, *n long);
 * 0, or EXIT_USAGE. */
static int expand(cli_ctx *ctx, dd_source *src, const char *path,
		  char ***list, size_t *n)
{
	dd_project_opts opts;
	dd_project *p = NULL;
	char **files = NULL, *sj = NULL, *norm = NULL, *slash;
	size_t nfiles = 0, i;
	dd_error err;
	int rc = 0, series = 0;

	if (dd_source_type(src, path) == DD_SOURCE_DIR) {
		/* a series folder, or a folder of series */
		memset(&opts, 0, sizeof(opts));
		sj = dd_path_join(path, "series.json");
		norm = dd_path_normalize(path);
		if (!sj || !norm)
			rc = -1;
		else if ((series = dd_source_type(src, sj) == DD_SOURCE_FILE)) {
			/* a series folder: its project is the folder above */
			if ((slash = strrchr(norm, '/')))
				*slash = '\0';
			opts.dir = slash ? norm : ".";
		} else {
			opts.dir = norm;
		}
		if (!rc && (rc = dd_project_new(&p, src, &opts, &err)) == 0)
			rc = series ?
			     dd_project_series_files(&files, &nfiles, p, path, &err) :
			     dd_project_files(&files, &nfiles, p, ctx->series_id, &err);
		dd_project_free(p);
		free(sj);
		free(norm);
		if (rc == -1)
			return cli_failf("out of memory");
		if (rc < 0)
			return cli_fail(&err);
		/* as for check: a folder with nothing of a record is a
		 * mistake (a wrong path), not a clean result */
		if (!nfiles) {
			dd_source_names_free(files);
			return cli_failf("%s: no series and no taxonomy here: nothing to format",
					 path);
		}
	}
	for (i = 0; rc == 0 && i < (files ? nfiles : 1); i++) {
		char **grown = realloc(*list, (*n + 2) * sizeof(*grown));

		if (grown)
			*list = grown;
		if (!grown || !(grown[*n] = strdup(files ? files[i] : path)))
			rc = cli_failf("out of memory");
		else
			grown[++*n] = NULL;
	}
	dd_source_names_free(files);
	return rc;
}

enum { OPT_CHECK = 256, OPT_WRITE };
const struct option cli_fmt_options[] = {
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "write", no_argument, NULL, OPT_WRITE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

int cmd_fmt(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("fmt");
	char **files = NULL;
	size_t nfiles = 0, i;
	dd_buf out = DD_BUF_INIT, one = DD_BUF_INIT;
	dd_source *src = NULL;
	int mode = MODE_PRINT, c, rc = 0, failed = 0, differ = 0;

	while ((c = cli_getopt(cmd, argc, argv)) != -1) {
		switch (c) {
		case OPT_CHECK:
		case OPT_WRITE:
			if (mode != MODE_PRINT)
				return cli_usage(cmd, "--check and --write go alone");
			mode = c == OPT_CHECK ? MODE_CHECK : MODE_WRITE;
			break;
		default:
			if ((rc = cli_other_option(ctx, cmd, c, argv)) >= 0)
				return rc;	/* a usage error, or --help */
		}
	}
	if (mode == MODE_PRINT && argc - optind != 1)
		return cli_usage(cmd, "fmt prints one file: name it, or use --check or --write");
	if ((rc = cli_source(ctx, &src)))
		return rc;
	if (optind == argc) {
		dd_project *proj;
		dd_error err;

		if ((rc = cli_project(ctx, &proj)))
			return rc;
		if (dd_project_require(proj, &err) < 0)
			return cli_fail(&err);
		rc = expand(ctx, src, dd_project_dir(proj), &files, &nfiles);
	}
	for (i = (size_t)optind; rc == 0 && i < (size_t)argc; i++)
		rc = expand(ctx, src, argv[i], &files, &nfiles);
	if (rc == 0 && mode == MODE_PRINT && nfiles != 1)
		rc = cli_usage(cmd, "fmt prints one file, and %s holds %zu: use --check or --write",
			       argv[optind], nfiles);
	for (i = 0; rc == 0 && i < nfiles; i++) {
		dd_error err;
		int changed = 0, r;

		if (mode == MODE_WRITE)
			r = dd_fmt_write(&changed, files[i], 0, &err);
		else
			r = dd_fmt_file(&one, &changed, files[i], 0, &err);
		if (r == DD_ENOMEM) {
			rc = cli_failf("out of memory");
			break;
		}
		if (r < 0) {
			cli_fail(&err);		/* and go on with the next */
			failed = 1;
			continue;
		}
		differ |= changed;
		if (mode == MODE_CHECK && changed) {
			dd_buf_adds(&out, files[i]);
			dd_buf_addc(&out, '\n');
		} else if (mode == MODE_PRINT) {
			dd_buf_add(&out, one.ptr, one.len);
		}
	}
	if (rc == 0)
		rc = cli_emit(&out);
	if (rc == 0)
		rc = failed ? EXIT_USAGE :
		     mode == MODE_CHECK && differ ? EXIT_DIFF : 0;
	dd_source_names_free(files);
	dd_buf_release(&out);
	dd_buf_release(&one);
	return rc;
}
