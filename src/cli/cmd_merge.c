/*
 * merge-driver: git's merge driver for round files
 * (merge.dialdiff.driver = "dialdiff merge-driver %O %A %B %P", which
 * git-setup sets).
 *
 * git runs the driver from the top of the work tree with three temporary
 * files -- the common ancestor, ours, theirs -- and the file's path, and
 * takes the result from ours' file.  The round merges item by item
 * (merge.h); a version that is not a round, or does not parse, merges
 * line by line as git would have.  Exit 0: merged; 1: conflicts are left
 * in the file, between markers; 2: it could not run (git then keeps the
 * file as it was and reports a conflict).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dialdiff/merge.h"

/* The taxonomy the series of path reads in the work tree; NULL, after
 * saying why, when there is none. */
static dd_taxonomy *taxonomy_for(cli_ctx *ctx, const char *path)
{
	dd_taxonomy *tx = NULL;
	dd_project *p;
	const char *txpath;
	char *sdir = NULL;
	dd_error err;

	if (cli_project(ctx, &p) == 0) {	/* else it said why */
		(void)dd_project_place(dd_project_dir(p), path, &sdir);
		txpath = dd_project_taxonomy_path(p, sdir);
		if (!txpath)
			cli_failf("out of memory");
		else if (dd_project_taxonomy(&tx, p, txpath, NULL, &err) < 0)
			cli_fail(&err);
		free(sdir);
	}
	if (!tx)
		cli_warnf("%s: no taxonomy: items are matched by id, else by label",
			  path);
	return tx;
}

int cmd_merge_driver(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("merge-driver");
	dd_buf in[3] = { DD_BUF_INIT, DD_BUF_INIT, DD_BUF_INIT };
	dd_buf out = DD_BUF_INIT;
	char msg[DD_ERROR_FILE_MAX + DD_ERROR_MSG_MAX + 32];
	const char *path;
	size_t conflicts = 0;
	dd_error err;
	int rc, lines, k, i = cli_operands(ctx, cmd, argc, argv, &rc);

	if (i < 0)
		return rc;
	if (argc - i != 4)
		return cli_usage(cmd, "merge-driver takes git's 4 arguments "
				 "(%%O %%A %%B %%P: base, ours, theirs, path); "
				 "got %d", argc - i);
	argv += i;
	path = argv[3];
	for (k = 0; k < 3; k++)
		if (dd_buf_read_file(&in[k], argv[k], DD_SOURCE_MAX_SIZE,
				     &err) < 0) {
			rc = cli_fail(&err);
			goto out;
		}
	rc = dd_merge_rounds(&out, &conflicts, in[0].ptr, in[0].len,
			     in[1].ptr, in[1].len, in[2].ptr, in[2].len, path,
			     taxonomy_for(ctx, path), &err);
	if (rc == DD_ENOMEM) {
		rc = cli_fail(&err);
		goto out;
	}
	if (rc < 0) {
		dd_error_format(msg, sizeof(msg), &err);
		cli_warnf("%s", msg);
		cli_warnf("%s: not merged by topic: merging lines, as git does",
			  path);
		if (dd_git_merge_file(&out, &lines, in[0].ptr, in[0].len,
				      in[1].ptr, in[1].len, in[2].ptr,
				      in[2].len, &err) < 0) {
			rc = cli_fail(&err);
			goto out;
		}
		conflicts = (size_t)lines;
	}
	if (dd_write_file_atomic(argv[1], out.ptr, out.len, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if (conflicts && rc < 0)
		cli_warnf("%s: conflicting lines left between markers", path);
	else if (conflicts)
		cli_warnf("%s: %zu conflicting item%s left between markers",
			  path, conflicts, conflicts == 1 ? "" : "s");
	rc = conflicts ? EXIT_DIFF : 0;
out:
	for (k = 0; k < 3; k++)
		dd_buf_release(&in[k]);
	dd_buf_release(&out);
	return rc;
}
