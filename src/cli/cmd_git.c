/*
 * textconv, diff-driver, git-setup: semantic diffs inside git's own
 * commands (git diff, git log -p, git show).
 *
 * git runs both drivers from the top of the work tree and stops when one
 * fails, so they exit 0 whenever they produced output: a file that is not
 * a round, or that does not parse, is shown as it is, after a line that
 * says why.  Only a usage error exits 2.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "dialdiff/history.h"

/* The series id of a round file path DIALOGUES/SERIES/NAME.json, into id
 * ("" when the path does not have that shape). */
static void series_of_path(char *id, size_t size, const char *dialogues,
			   const char *path)
{
	char *sdir = NULL, *slash;

	id[0] = '\0';
	if (dd_project_place(dialogues, path, &sdir) == DD_PATH_ROUND && sdir) {
		slash = strrchr(sdir, '/');
		snprintf(id, size, "%s", slash ? slash + 1 : sdir);
	}
	free(sdir);
}

/*
 * Load the round in buf[0..len) (display name path) and classify it with
 * the taxonomy of its series (series id from the path, else from the file).
 * 0 with *out set; or -1 with why filled (the file does not parse, no
 * taxonomy).  Messages of a taxonomy that fails are printed to stderr.
 */
static int load_classified(cli_ctx *ctx, const char *buf, size_t len,
			   const char *path, const char *series_path,
			   dd_round **out, dd_error *why)
{
	char id[256];
	dd_taxonomy *tx;
	dd_round *r = NULL;

	*out = NULL;
	if (dd_round_load(&r, buf, len, path, NULL, why) < 0)
		goto fail;
	series_of_path(id, sizeof(id), ctx->dialogues,
		       series_path ? series_path : "");
	if (!id[0] && r->series)
		snprintf(id, sizeof(id), "%s", r->series);
	if (cli_taxonomy_of_series(ctx, id, &tx)) {
		dd_error_set(why, DD_ERROR, NULL, 0, 0,
			     "no usable taxonomy (see above)");
		goto fail;
	}
	if (dd_taxonomy_classify_round(tx, r, NULL, why) < 0)
		goto fail;
	*out = r;
	return 0;
fail:
	dd_round_free(r);
	return -1;
}

/* ---- textconv ------------------------------------------------------- */

int cmd_textconv(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("textconv");
	dd_buf in = DD_BUF_INIT, out = DD_BUF_INIT;
	dd_round *r = NULL;
	dd_error err;
	int rc, kind, i = cli_operands(ctx, cmd, argc, argv, &rc);

	if (i < 0)
		return rc;
	if (argc - i != 1)
		return cli_usage(cmd, "textconv takes one file");
	if (dd_buf_read_file(&in, argv[i], DD_SOURCE_MAX_SIZE, &err) < 0) {
		dd_buf_release(&in);
		return cli_fail(&err);
	}
	if ((rc = cli_setup_paths(ctx)))
		goto done;
	/* git hands over a temporary file: what it is, its content tells */
	kind = dd_project_sniff(in.ptr, in.len);
	if (kind >= 0 && kind != DD_PATH_ROUND) {
		/* a taxonomy, a series.json, a schema: as it is */
		rc = cli_emit(&in);
		goto done;
	}
	if (load_classified(ctx, in.ptr, in.len, argv[i], NULL, &r, &err) == 0) {
		rc = cli_emit_rendered(dd_render_listing(&out, r), &out);
	} else {
		char msg[DD_ERROR_FILE_MAX + DD_ERROR_MSG_MAX + 32];

		/* git needs output: the raw file, after a line saying why */
		dd_error_format(msg, sizeof(msg), &err);
		dd_buf_addf(&out, "# dialdiff textconv: not shown as topics: %s\n",
			    msg);
		dd_buf_add(&out, in.ptr, in.len);
		rc = cli_emit(&out);
	}
done:
	dd_round_free(r);
	dd_buf_release(&in);
	dd_buf_release(&out);
	return rc;
}

/* ---- diff-driver ---------------------------------------------------- */

/* One side of git's external diff: the round, or why not. */
typedef struct driver_side {
	dd_buf buf;
	dd_round *round;	/* NULL for /dev/null or when it does not parse */
	int absent;		/* /dev/null */
	dd_error err;
	int failed;
} driver_side;

/*
 * Load one side: file is what git passes (a temporary file, a file of the
 * work tree, or /dev/null), path the file's path in the repository, ab
 * "a/" or "b/": the side is shown as git shows it ("--- a/PATH"), since
 * git passes blob ids, not the commit.
 */
static void driver_load(cli_ctx *ctx, driver_side *s, const char *file,
			const char *path, const char *ab)
{
	char display[DD_ERROR_FILE_MAX];

	if (!strcmp(file, "/dev/null")) {
		s->absent = 1;
		return;
	}
	snprintf(display, sizeof(display), "%s%s", ab, path);
	if (dd_buf_read_file(&s->buf, file, DD_SOURCE_MAX_SIZE, &s->err) < 0) {
		snprintf(s->err.file, sizeof(s->err.file), "%s", display);
		s->failed = 1;
	} else if (load_classified(ctx, s->buf.ptr, s->buf.len, display, path,
				   &s->round, &s->err) < 0) {
		s->failed = 1;
	}
}

/* The missing side of an added or deleted file: an empty round. */
static dd_round *empty_side(const dd_round *other)
{
	dd_round *r = calloc(1, sizeof(*r));

	if (r && other) {
		r->series = other->series;
		r->number = other->number;
	}
	return r;
}

int cmd_diff_driver(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("diff-driver");
	driver_side a = { DD_BUF_INIT }, b = { DD_BUF_INIT };
	dd_round *ea = NULL, *eb = NULL;
	dd_file_change f;
	dd_review rv;
	dd_buf out = DD_BUF_INIT;
	dd_taxonomy *tx;
	dd_error err;
	const char *old_path, *new_path;
	int rc, i = cli_operands(ctx, cmd, argc, argv, &rc), n;
	char msg[DD_ERROR_FILE_MAX + DD_ERROR_MSG_MAX + 32];

	if (i < 0)
		return rc;
	n = argc - i;
	argv += i;
	if (n != 7 && n != 9)
		return cli_usage(cmd, "diff-driver takes git's 7 arguments "
				 "(path old-file old-hex old-mode new-file new-hex new-mode), "
				 "or 9 for a rename; got %d", n);
	old_path = argv[0];
	new_path = n == 9 ? argv[7] : argv[0];
	if ((rc = CLI_NEED(ctx, review)) || (rc = cli_setup_paths(ctx)))
		return rc;
	driver_load(ctx, &a, argv[1], old_path, "a/");
	driver_load(ctx, &b, argv[4], new_path, "b/");

	memset(&f, 0, sizeof(f));
	f.status = a.absent ? DD_FILE_ADDED : b.absent ? DD_FILE_DELETED :
		   n == 9 && strcmp(old_path, new_path) ? DD_FILE_RENAMED :
		   DD_FILE_MODIFIED;
	f.path = b.absent ? old_path : new_path;
	f.old_path = f.status == DD_FILE_RENAMED ? old_path : NULL;
	if (a.failed || b.failed) {
		dd_error_format(msg, sizeof(msg), a.failed ? &a.err : &b.err);
		f.error = msg;
	} else {
		if (a.absent && !(a.round = ea = empty_side(b.round)))
			goto oom;
		if (b.absent && !(b.round = eb = empty_side(a.round)))
			goto oom;
		f.from = a.round;
		f.to = b.round;
		/* both sides were classified with the same taxonomy */
		if ((rc = cli_taxonomy(ctx, &tx)))
			goto out;
		if (dd_diff_rounds(&f.diff, f.from, f.to, tx, &err) < 0) {
			rc = cli_fail(&err);
			goto out;
		}
	}
	memset(&rv, 0, sizeof(rv));
	rv.files = &f;
	rv.nfiles = 1;
	rc = cli_emit_rendered(ctx->renderer->review(&out, &rv, &ctx->ropts),
			       &out);
	dd_diff_free(f.diff);
	goto out;
oom:
	rc = cli_failf("out of memory");
out:
	if (a.round != ea)
		dd_round_free(a.round);
	if (b.round != eb)
		dd_round_free(b.round);
	free(ea);
	free(eb);
	dd_buf_release(&a.buf);
	dd_buf_release(&b.buf);
	dd_buf_release(&out);
	return rc;
}

/* ---- git-setup ------------------------------------------------------ */

#define BLOCK_BEGIN "# >>> dialdiff: semantic diffs of round files (dialdiff git-setup)"
#define BLOCK_END "# <<< dialdiff"

/* s quoted for the shell git runs drivers with, when it needs to be. */
static void shell_word(dd_buf *out, const char *s)
{
	if (*s && !s[strcspn(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~")])
		dd_buf_adds(out, s);
	else
		cli_add_quoted(out, s);
}

/*
 * The attributes file at path (which may not exist) with our block
 * replaced by block, or added at its end, into neu.  A block whose end
 * line is missing is not guessed at: an error, at its first line.
 */
static int new_attributes(dd_buf *neu, const char *path, const char *block,
			  dd_error *err)
{
	dd_buf old = DD_BUF_INIT;
	const char *p, *end;
	int inside = 0, line = 0, begin = 0, rc;

	rc = dd_buf_read_file(&old, path, 0, err);
	if (rc < 0 && rc != DD_ENOTFOUND) {
		dd_buf_release(&old);
		return rc;
	}
	rc = 0;
	for (p = old.ptr; p < old.ptr + old.len; p = end) {
		size_t n;

		end = memchr(p, '\n', (size_t)(old.ptr + old.len - p));
		end = end ? end + 1 : old.ptr + old.len;
		n = (size_t)(end - p);
		line++;
		if (!strncmp(p, BLOCK_BEGIN, strlen(BLOCK_BEGIN)))
			inside = 1, begin = line;
		else if (inside && !strncmp(p, BLOCK_END, strlen(BLOCK_END)))
			inside = 0;
		else if (!inside)
			dd_buf_add(neu, p, n);
	}
	if (inside)
		rc = dd_error_set(err, DD_ERROR, path, begin, 1,
				  "the dialdiff block has no end line \"%s\": "
				  "left as it is (add that line after the "
				  "block, or delete the block)", BLOCK_END);
	if (neu->len && neu->ptr[neu->len - 1] != '\n')
		dd_buf_addc(neu, '\n');
	dd_buf_adds(neu, block);
	if (!rc && dd_buf_oom(neu))
		rc = dd_error_oom(err);
	dd_buf_release(&old);
	return rc;
}

/* 1 when command, a program as the shell will look it up, is one:
 * a path to an executable, or a name found on PATH. */
static int runnable(const char *command)
{
	const char *dirs = getenv("PATH"), *p, *colon;
	dd_buf b = DD_BUF_INIT;
	int yes = 0;

	if (strchr(command, '/'))
		return access(command, X_OK) == 0;
	for (p = dirs ? dirs : ""; !yes && p; p = colon ? colon + 1 : NULL) {
		size_t n;

		colon = strchr(p, ':');
		n = colon ? (size_t)(colon - p) : strlen(p);
		dd_buf_reset(&b);
		if (n)
			dd_buf_add(&b, p, n);
		else
			dd_buf_addc(&b, '.');	/* an empty entry: here */
		dd_buf_addf(&b, "/%s", command);
		yes = !dd_buf_oom(&b) && access(b.ptr, X_OK) == 0;
	}
	dd_buf_release(&b);
	return yes;
}

enum { OPT_SEMANTIC = 256, OPT_COMMAND };
const struct option cli_git_setup_options[] = {
	{ "semantic", no_argument, NULL, OPT_SEMANTIC },
	{ "command", required_argument, NULL, OPT_COMMAND },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

int cmd_git_setup(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("git-setup");
	const char *command = "dialdiff", *driver = "dialdiff";
	dd_buf prefix = DD_BUF_INIT, block = DD_BUF_INIT, value = DD_BUF_INIT;
	dd_buf out = DD_BUF_INIT, attrs = DD_BUF_INIT;
	dd_git_repo *repo;
	char *attr = NULL, *info = NULL;
	dd_error err;
	int c, rc = 0;
	size_t k;
	/* a verb runs dialdiff (the prefix before it); else a plain value */
	static const struct { const char *key, *verb, *value; } keys[] = {
		{ "diff.dialdiff.textconv", "textconv", NULL },
		{ "diff.dialdiff.cachetextconv", NULL, "true" },
		{ "diff.dialdiff-semantic.textconv", "textconv", NULL },
		{ "diff.dialdiff-semantic.command", "diff-driver", NULL },
		{ "merge.dialdiff.name", NULL,
		  "round files merged topic by topic (dialdiff)" },
		{ "merge.dialdiff.driver", "merge-driver %O %A %B %P", NULL },
	};

	while ((c = cli_getopt(cmd, argc, argv)) != -1) {
		switch (c) {
		case OPT_SEMANTIC:
			driver = "dialdiff-semantic";
			break;
		case OPT_COMMAND:
			command = optarg;
			break;
		default:
			if ((rc = cli_other_option(ctx, cmd, c, argv)) >= 0)
				return rc;	/* a usage error, or --help */
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "git-setup takes no operands");
	if ((rc = cli_repo(ctx, &repo)) || (rc = cli_setup_paths(ctx)))
		return rc;

	/* round files use the drivers; series.json and the schema do not */
	dd_buf_addf(&block, "%s\n", BLOCK_BEGIN);
	dd_buf_addf(&block, "%s/*/*.json diff=%s merge=dialdiff\n",
		    ctx->dialogues, driver);
	dd_buf_addf(&block, "%s/*/series.json !diff !merge\n", ctx->dialogues);
	dd_buf_addf(&block, "%s/schema/** !diff !merge\n", ctx->dialogues);
	dd_buf_addf(&block, "%s\n", BLOCK_END);
	/* a bare repository: its own attributes file */
	if (dd_git_workdir(repo))
		attr = dd_path_join(dd_git_workdir(repo), ".gitattributes");
	else if ((info = dd_path_join(dd_git_dir(repo), "info")))
		attr = dd_path_join(info, "attributes");
	if (!attr || dd_buf_oom(&block)) {
		rc = cli_failf("out of memory");
		goto out;
	}
	if (info && mkdir(info, 0777) < 0 && errno != EEXIST) {
		rc = cli_failf("%s: cannot make folder: %s", info,
			       strerror(errno));
		goto out;
	}
	/* before anything is set: an attributes file we cannot rewrite
	 * stops the set-up */
	if (new_attributes(&attrs, attr, block.ptr, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}

	/* the command git runs: dialdiff, with the options that matter */
	shell_word(&prefix, command);
	if (ctx->dialogues_given) {
		dd_buf_adds(&prefix, " --dialogues ");
		shell_word(&prefix, ctx->dialogues);
	}
	if (ctx->taxonomy_path) {
		dd_buf_adds(&prefix, " --taxonomy ");
		shell_word(&prefix, ctx->taxonomy_path);
	}
	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		dd_buf_reset(&value);
		if (keys[k].verb)
			dd_buf_addf(&value, "%s %s", prefix.ptr, keys[k].verb);
		else
			dd_buf_adds(&value, keys[k].value);
		if (dd_buf_oom(&value)) {
			rc = cli_failf("out of memory");
			goto out;
		}
		if (dd_git_config_set(repo, keys[k].key, value.ptr, &err) < 0) {
			rc = cli_fail(&err);
			goto out;
		}
		dd_buf_addf(&out, "git config %s ", keys[k].key);
		shell_word(&out, value.ptr);
		dd_buf_addc(&out, '\n');
	}

	if (dd_write_file_atomic(attr, attrs.ptr, attrs.len, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	dd_buf_addf(&out, "wrote %s:\n%s", attr, block.ptr);
	rc = cli_emit(&out);
	/* git runs the drivers by name: say so now if they cannot run */
	if (!runnable(command))
		cli_warnf("warning: %s %s: git diff, git log -p and git merge "
			  "will fail on round files until it is (or give "
			  "--command /path/to/dialdiff)", command,
			strchr(command, '/') ? "is not an executable file"
					     : "is not on PATH");
out:
	free(info);
	free(attr);
	dd_buf_release(&prefix);
	dd_buf_release(&block);
	dd_buf_release(&value);
	dd_buf_release(&attrs);
	dd_buf_release(&out);
	return rc;
}
