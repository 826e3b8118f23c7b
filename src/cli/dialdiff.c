/*
 * dialdiff.c - entry point: global options and the table of commands.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* The options of the commands that take only the common ones. */
static const struct option plain_options[] = {
	CLI_HELP_OUTPUT_END
};
static const struct option view_options[] = {
	{ "help", no_argument, NULL, 'h' },
	CLI_OUTPUT_OPTIONS,
	CLI_VIEW_OPTIONS,
	{ NULL, 0, NULL, 0 }
};
#define PLAIN plain_options, "h"
#define VIEW view_options, "h" CLI_VIEW_SHORT

/* name, function, usage, summary, flags, options, getopt string, what
 * --format renders, operands (see cli.h) */
const cli_command cli_commands[] = {
	{ "report", cmd_report, "report",
	  "full change report: overview, timeline, every consecutive diff",
	  CLI_PAGED, PLAIN, CLI_RENDERS(report), CLI_ARG_NONE },
	{ "list", cmd_list, "list", "series and rounds with item counts",
	  CLI_PAGED, PLAIN, CLI_RENDERS(list), CLI_ARG_NONE },
	{ "show", cmd_show, "show ROUND", "one round's topics, classified",
	  CLI_PAGED, PLAIN, CLI_RENDERS(show), CLI_ARG_ROUNDS },
	{ "diff", cmd_diff,
	  "diff [--all] [-v | --all-items] [--stat] [--exit-code] [--fail-on WHAT[:SECTION[/ENTRY]]] [A [B]]",
	  "semantic diff of two rounds (default: the last two)", CLI_PAGED,
	  cli_diff_options, "h" CLI_VIEW_SHORT, CLI_RENDERS(diff),
	  CLI_ARG_ROUNDS },
	{ "timeline", cmd_timeline, "timeline",
	  "presence of every entry across the rounds", CLI_PAGED, PLAIN,
	  CLI_RENDERS(timeline), CLI_ARG_NONE },
	{ "review", cmd_review,
	  "review [-v | --all-items] [--stat] [--exit-code] [--fail-on WHAT[:SECTION[/ENTRY]]] [A..B | A...B | A [B]] [-- PATH...]",
	  "semantic changes to round files between revisions (default: HEAD and the working tree)",
	  CLI_PAGED, cli_review_options, "h" CLI_VIEW_SHORT,
	  CLI_RENDERS(review), CLI_ARG_REVS },
	{ "log", cmd_log,
	  "log [-n N] [--first-parent] [--oneline] [-v | --all-items] [--stat] [RANGE] [-- PATH...]",
	  "the commits that changed round files, with their semantic changes",
	  CLI_PAGED, cli_log_options, "hn:" CLI_VIEW_SHORT,
	  CLI_RENDERS(log_commit), CLI_ARG_REVS },
	{ "textconv", cmd_textconv, "textconv FILE",
	  "a stable listing of one round's topics, for git's textconv driver",
	  CLI_NO_REV, PLAIN, 0, CLI_ARG_FILES },
	{ "diff-driver", cmd_diff_driver,
	  "diff-driver [-v | --all-items] [--stat] PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [NEW-PATH MESSAGE]",
	  "git's external diff command (diff.<driver>.command): the semantic diff of one file",
	  CLI_NO_REV, VIEW, CLI_RENDERS(review), CLI_ARG_FILES },
	{ "merge-driver", cmd_merge_driver, "merge-driver BASE OURS THEIRS PATH",
	  "git's merge driver (merge.<driver>.driver): a round merged topic by topic",
	  CLI_NO_REV, PLAIN, 0, CLI_ARG_FILES },
	{ "git-setup", cmd_git_setup, "git-setup [--semantic] [--command CMD]",
	  "set up .gitattributes and git config so that git diff and git log -p show topics",
	  CLI_NO_REV, cli_git_setup_options, "h", 0, CLI_ARG_NONE },
	{ "check", cmd_check,
	  "check [--strict] [--max-size SIZE] [--rev REV] [PATH...]",
	  "consistency checks of the dialogues (or the named files), for CI",
	  0, cli_check_options, "h", CLI_RENDERS(check), CLI_ARG_FILES },
	{ "fmt", cmd_fmt, "fmt [--check | --write] [PATH...]",
	  "canonical formatting of round, series and taxonomy files",
	  CLI_NO_REV, cli_fmt_options, "h", 0, CLI_ARG_FILES },
	{ "init", cmd_init, "init [SERIES]",
	  "start a record: a dialogues folder with a taxonomy skeleton, and a series",
	  0, PLAIN, 0, CLI_ARG_NONE },
	{ "new", cmd_new,
	  "new [--date YYYY-MM-DD] [--title TEXT] [--from N | --empty] SERIES",
	  "write the next round file of a series, topics carried over; print its path",
	  0, cli_new_options, "h", 0, CLI_ARG_SERIES },
	{ "classify", cmd_classify,
	  "classify [--series S] [--format text|json] TEXT...",
	  "which taxonomy entries match each text, with pattern and span",
	  0, cli_classify_options, "h", 0, CLI_ARG_NONE, "text,json" },
	{ "extract", cmd_extract,
	  "extract [--series S] [--round N] [--date D] [--lang en|zh|auto] [--format round|json|text] [--write] FILE|-",
	  "a draft round from a source text: every entry whose patterns match a statement",
	  0, cli_extract_options, "h", 0, CLI_ARG_FILES, "round,json,text" },
	{ "completion", cmd_completion, "completion bash | zsh | fish",
	  "the shell completion script for bash, zsh or fish",
	  0, PLAIN, 0, CLI_ARG_SHELL },
	{ "help", cmd_help, "help [COMMAND | TOPIC]",
	  "a command's synopsis, options and examples, or a topic",
	  0, PLAIN, 0, CLI_ARG_COMMAND },
	{ "__complete", cmd_complete, "__complete series | rounds",
	  "values for the shell completions", CLI_HIDDEN, PLAIN, 0,
	  CLI_ARG_NONE },
	{ NULL, NULL, NULL, NULL, 0 }
};
#undef PLAIN
#undef VIEW

const cli_command *cli_find_command(const char *name)
{
	const cli_command *c;

	for (c = cli_commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static const char global_usage[] =
	"usage: dialdiff [-C DIR] [--dialogues DIR | --dir DIR] [--taxonomy FILE]\n"
	"                [--series ID]"
	"                [--rev REV] [--format FMT] [--lang en|zh]\n"
	"                [--color auto|always|never | --no-color] [-P | --no-pager]\n"
	"                [COMMAND [ARGS]]\n";

/* The help topics, filled to 80 columns and indented. */
static void print_topics(FILE *f)
{
	dd_buf t = DD_BUF_INIT;
	size_t col = 0;
	char *w, *save = NULL;

	cli_manual_topics(&t, " ");
	if (dd_buf_oom(&t)) {
		dd_buf_release(&t);
		return;
	}
	for (w = strtok_r(t.ptr, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		if (col && col + 1 + strlen(w) > 78) {
			fputc('\n', f);
			col = 0;
		}
		col += (size_t)fprintf(f, "%s%s", col ? " " : "  ", w);
	}
	fputc('\n', f);
	dd_buf_release(&t);
}

void cli_print_usage(FILE *f, const cli_command *cmd)
{
	const cli_command *c;

	if (cmd) {
		dd_buf b = DD_BUF_INIT;

		if (cli_manual(&b, cmd) == 0)
			fwrite(b.ptr, 1, b.len, f);
		else
			fprintf(f, "usage: dialdiff [OPTIONS] %s\n\n%s\n",
				cmd->usage, cmd->summary);
		dd_buf_release(&b);
		return;
	}
	fputs(global_usage, f);
	fputs("\ncommands:\n", f);
	for (c = cli_commands; c->name; c++)
		if (!(c->flags & CLI_HIDDEN))
			fprintf(f, "  %-12s %s\n", c->name, c->summary);
	fputs("\nformats: text (default), markdown, json, html; "
	      "for check also github, junit, sarif;\n"
	      "         csv, csv-excel for list, timeline, diff, review, log\n"
	      "Run 'dialdiff help COMMAND' (or 'dialdiff COMMAND --help') for a "
	      "command's\nsynopsis, options and examples, 'dialdiff help TOPIC' "
	      "for a topic:\n", f);
	print_topics(f);
	fputs("'man dialdiff' for everything.\n", f);
}

/* The run's state, for the checks every failure and every output makes. */
static cli_ctx *the_ctx;
static int fault_told;

/* A lookup that one of the run's git sources could not make (a corrupt
 * tree): what it then found missing, or wrote, is not to be trusted. */
static const dd_error *source_fault(void)
{
	const dd_error *f = NULL;
	size_t i;

	if (!the_ctx)
		return NULL;
	if (the_ctx->src)
		f = dd_source_fault(the_ctx->src);
	for (i = 0; !f && i < the_ctx->nrevs; i++)
		if (the_ctx->revs[i].src)
			f = dd_source_fault(the_ctx->revs[i].src);
	return f;
}

static void vwarn(const char *fmt, va_list ap)
{
	char msg[DD_ERROR_FILE_MAX + DD_ERROR_MSG_MAX + 64];
	dd_buf line = DD_BUF_INIT;

	dd_text_vformat(msg, sizeof(msg), fmt, ap);
	dd_buf_adds(&line, "dialdiff: ");
	dd_text_add_safe(&line, msg);
	dd_buf_addc(&line, '\n');
	if (dd_buf_oom(&line))
		fputs("dialdiff: out of memory\n", stderr);
	else
		fwrite(line.ptr, 1, line.len, stderr);
	dd_buf_release(&line);
}

void cli_warnf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

static void print_error(const dd_error *err)
{
	char msg[DD_ERROR_FILE_MAX + DD_ERROR_MSG_MAX + 32];

	dd_error_format(msg, sizeof(msg), err);
	cli_warnf("%s", msg);
}

/* Tell a source's fault once; 1 when there is one. */
static int tell_fault(void)
{
	const dd_error *f = source_fault();

	if (f && !fault_told) {
		print_error(f);
		fault_told = 1;
	}
	return f != NULL;
}

/* A source's fault, the cause of what failed, is told in place of err. */
int cli_fail(const dd_error *err)
{
	if (!tell_fault())
		print_error(err);
	return EXIT_USAGE;
}

int cli_failf(const char *fmt, ...)
{
	va_list ap;

	if (tell_fault())
		return EXIT_USAGE;
	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	return EXIT_USAGE;
}

int cli_usage(const cli_command *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	fprintf(stderr, "usage: dialdiff [OPTIONS] %s\n", cmd->usage);
	return EXIT_USAGE;
}

int cli_write(const dd_buf *buf)
{
	if (buf->len)
		cli_pager_start(the_ctx);	/* once, when it is wanted */
	if (dd_write_all(STDOUT_FILENO, buf->ptr, buf->len) == 0)
		return 0;
	return errno == EPIPE ? 1 : -1;
}

int cli_emit_rendered(int rendered, dd_buf *buf)
{
	return rendered < 0 ? cli_failf("out of memory") : cli_emit(buf);
}

int cli_emit(dd_buf *buf)
{
	int rc;

	if (dd_buf_oom(buf))
		return cli_failf("out of memory");
	if (tell_fault())	/* nothing is written that a fault made wrong */
		return EXIT_USAGE;
	rc = cli_write(buf);
	if (rc < 0)
		return cli_failf("cannot write output: %s", strerror(errno));
	return 0;	/* written, or the reader left, as with `| head` */
}

static int want_color(const char *mode)
{
	const char *term = getenv("TERM");

	if (!strcmp(mode, "always"))
		return 1;
	if (!strcmp(mode, "never"))
		return 0;
	if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
		return 0;
	return isatty(STDOUT_FILENO) && !(term && !strcmp(term, "dumb"));
}

/*
 * SOURCE_DATE_EPOCH, as reproducible-builds.org specifies it: a whole
 * number of seconds since 1970-01-01T00:00:00Z, in ASCII digits.  A value
 * that is not one is an error (the specification asks to fail rather than
 * to use the current time), as is one past the year 9999.  1 and *out
 * when set, 0 when unset, EXIT_USAGE after a message.
 */
static int source_date_epoch(long long *out)
{
	const char *v = getenv("SOURCE_DATE_EPOCH"), *p;
	long long t = 0;

	if (!v)
		return 0;
	for (p = v; *p >= '0' && *p <= '9' && t <= 253402300799LL; p++)
		t = t * 10 + (*p - '0');
	if (!*v || *p || t > 253402300799LL) {
		cli_failf("SOURCE_DATE_EPOCH: '%s' is not a number of seconds since 1970-01-01 (0 to 253402300799)",
			  v);
		return -1;
	}
	*out = t;
	return 1;
}

/*
 * Where an html page comes from (render.h): the time of the page
 * (SOURCE_DATE_EPOCH, else now); and, when the record is read from a
 * repository, the commit: --rev's, else HEAD's (none in a repository
 * without commits), marked as modified when the work tree is read and
 * the dialogues folder has changes that are not committed.  A folder
 * outside the work tree has no commit.  0 or EXIT_USAGE.
 */
static int provenance(cli_ctx *ctx)
{
	dd_render_opts *o = &ctx->ropts;
	dd_git_repo *repo;
	dd_error err;
	dd_oid id;
	int rc;

	rc = source_date_epoch(&o->date);
	if (rc < 0)
		return EXIT_USAGE;
	if (!rc)
		o->date = (long long)time(NULL);
	o->dated = 1;
	if ((rc = cli_setup_paths(ctx)))
		return rc;
	if (!ctx->in_repo || ctx->dialogues[0] == '/' ||
	    !(repo = cli_repo_try(ctx)))
		return 0;
	if (!ctx->rev && dd_git_head_unborn(repo))
		return 0;
	if (dd_git_resolve(&id, repo, ctx->rev ? ctx->rev : "HEAD", &err) < 0)
		return cli_fail(&err);
	dd_oid_fmt(ctx->commit_hex, &id);
	o->commit = ctx->commit_hex;
	if (!ctx->rev && !ctx->bare) {
		rc = dd_git_modified(repo, strcmp(ctx->dialogues, ".") ?
				     ctx->dialogues : "", &err);
		if (rc < 0)
			return cli_fail(&err);
		o->commit_modified = rc;
	}
	return 0;
}

/* 1 when the member of r at offset (a function) is set. */
static int has_member(const dd_renderer *r, size_t offset)
{
	void (*fn)(void);

	memcpy(&fn, (const char *)r + offset, sizeof(fn));
	return fn != NULL;
}

int cli_renders(const cli_command *cmd, const dd_renderer *r)
{
	return cmd->renders && has_member(r, cmd->renders - 1);
}

int cli_need(cli_ctx *ctx, const char *command, size_t offset)
{
	int rc;

	if ((rc = cli_config_output(ctx)))
		return rc;
	if (!ctx->renderer) {
		ctx->renderer = dd_render_find(ctx->format);
		if (!ctx->renderer)
			return cli_failf("unknown format '%s' (text, markdown, json, html, csv, csv-excel, github, junit, sarif)",
					 ctx->format);
		ctx->ropts.color = want_color(ctx->color) &&
				   !strcmp(ctx->renderer->name, "text");
	}
	if (!has_member(ctx->renderer, offset))
		return cli_failf("format '%s' does not apply to '%s'",
				 ctx->format, command);
	if (ctx->renderer == &dd_render_html && !ctx->ropts.dated)
		return provenance(ctx);
	return 0;
}

static void ctx_release(cli_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->nextra; i++)
		dd_round_free(ctx->extra[i]);
	free(ctx->extra);
	for (i = 0; i < ctx->nrevs; i++) {
		dd_series_free(ctx->revs[i].series);
		dd_project_free(ctx->revs[i].project);
		dd_source_free(ctx->revs[i].src);
		free(ctx->revs[i].rev);
	}
	free(ctx->revs);
	free(ctx->gates.gates);
	dd_series_free(ctx->series);
	dd_project_free(ctx->project);	/* with the taxonomies */
	dd_source_free(ctx->src);
	free(ctx->dialogues_buf);
	free(ctx->taxonomy_buf);
	dd_git_settings_release(ctx->config, CLI_CFG_COUNT);
	free(ctx->top_buf);
	free(ctx->prefix_buf);
	dd_git_free(ctx->repo);	/* last: the sources borrow it */
}

const char *const cli_color_modes[] = { "auto", "always", "never", NULL };

/* Handle an output option: 0 done, EXIT_USAGE bad value, -1 not one. */
static int output_option(cli_ctx *ctx, int c, const char *arg)
{
	size_t i;

	switch (c) {
	case CLI_OPT_FORMAT:
		ctx->format = arg;
		ctx->format_given = 1;
		ctx->renderer = NULL;
		return 0;
	case CLI_OPT_LANG:
		if (dd_lang_parse(&ctx->ropts.lang, arg) < 0)
			return cli_failf("unknown language '%s' (use en or zh)", arg);
		ctx->lang_given = 1;
		return 0;
	case CLI_OPT_COLOR:
		for (i = 0; cli_color_modes[i]; i++)
			if (!strcmp(arg, cli_color_modes[i])) {
				ctx->color = arg;
				ctx->color_given = 1;
				return 0;
			}
		return cli_failf("--color takes auto, always or never, not '%s'",
				 arg);
	case CLI_OPT_NO_COLOR:
		ctx->color = "never";
		ctx->color_given = 1;
		return 0;
	}
	return -1;
}

int cli_getopt(const cli_command *cmd, int argc, char **argv)
{
	return getopt_long(argc, argv, cmd->shortopts, cmd->options, NULL);
}

int cli_other_option(cli_ctx *ctx, const cli_command *cmd, int c,
		     char **argv)
{
	cli_gates *g = &ctx->gates;
	dd_gate *grown;
	dd_error err;
	int rc;

	switch (c) {
	case 'h':
		cli_print_usage(stdout, cmd);
		return 0;
	case 'v':
		ctx->ropts.all_items = 1;
		return -1;
	case CLI_OPT_STAT:
		ctx->ropts.stat = 1;
		return -1;
	case CLI_OPT_EXIT_CODE:
	case CLI_OPT_FAIL_ON:
		/* room for one more gate, and for --exit-code's */
		grown = realloc(g->gates, (g->n + 2) * sizeof(*grown));
		if (!grown)
			return cli_failf("out of memory");
		g->gates = grown;
		if (c == CLI_OPT_EXIT_CODE)
			g->exit_code = 1;
		else if (dd_gate_parse(&g->gates[g->n], optarg, &err) < 0)
			return cli_usage(cmd, "--fail-on %s", err.message);
		else
			g->n++;
		return -1;
	}
	rc = output_option(ctx, c, optarg);
	if (rc >= 0)
		return rc ? rc : -1;
	return cli_usage(cmd, "unknown or incomplete option '%s'",
			 argv[optind - 1]);
}

void cli_gates_finish(cli_ctx *ctx)
{
	cli_gates *g = &ctx->gates;

	if (g->exit_code)	/* in the slot the option kept */
		g->gates[g->n++] = (dd_gate){ .what = DD_GATE_ANY };
	ctx->ropts.gates = g->gates;
	ctx->ropts.ngates = g->n;
}

/* One line on stderr for an item that trips a gate (at most a few per
 * gate: the JSON output has them all). */
typedef struct explain {
	const cli_ctx *ctx;
	char name[512];
	size_t shown, more;
} explain;

#define EXPLAIN_MAX 10

static void explain_item(void *data, const dd_gate *g, const dd_diff *d,
			 const dd_diff_section *s, const dd_diff_item *it)
{
	explain *x = data;

	(void)g;
	(void)s;
	if (x->shown++ >= EXPLAIN_MAX) {
		x->more++;
		return;
	}
	cli_warnf("gate %s tripped by round %lld%s%s%s: %s [%s]",
		x->name, d->to->number, d->to->path ? " (" : "",
		d->to->path ? d->to->path : "", d->to->path ? ")" : "",
		dd_diff_item_label(it, x->ctx->ropts.lang),
		it->key ? it->key : "?");
}

int cli_gates_explain(const cli_ctx *ctx, dd_diff *const *diffs, size_t n)
{
	const cli_gates *g = &ctx->gates;
	size_t i, j, named = g->n - (g->exit_code ? 1 : 0);
	int held = 0;
	explain x;

	for (i = 0; i < g->n; i++) {
		memset(&x, 0, sizeof(x));
		x.ctx = ctx;
		dd_gate_name(x.name, sizeof(x.name), &g->gates[i]);
		for (j = 0; j < n; j++)
			if (diffs[j])
				dd_gate_items(&g->gates[i], diffs[j],
					      i < named ? explain_item : NULL,
					      &x);
		if (x.more)
			cli_warnf("gate %s: and %zu more",
				x.name, x.more);
		for (j = 0; !x.shown && j < n; j++)
			x.shown = diffs[j] &&
				  dd_gate_holds_one(&g->gates[i], diffs[j]);
		held |= x.shown > 0;
	}
	return held ? EXIT_DIFF : 0;
}

/*
 * What stdio still holds goes out now: a write that fails (a full disk,
 * /dev/full) is an error, as for the commands that write through
 * cli_emit, and not a success after a silent loss.
 */
static int flush_stdout(int rc)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	if (errno == EPIPE)
		return rc;	/* the reader left: as cli_write */
	cli_failf("cannot write output: %s", strerror(errno));
	return EXIT_USAGE;
}

enum { OPT_DIALOGUES = 256, OPT_TAXONOMY, OPT_SERIES, OPT_REV,
       OPT_VERSION, OPT_NO_PAGER };
const struct option cli_global_options[] = {
	{ "dialogues", required_argument, NULL, OPT_DIALOGUES },
	{ "dir", required_argument, NULL, OPT_DIALOGUES },
	{ "taxonomy", required_argument, NULL, OPT_TAXONOMY },
	{ "series", required_argument, NULL, OPT_SERIES },
	{ "rev", required_argument, NULL, OPT_REV },
	CLI_OUTPUT_OPTIONS,
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "no-pager", no_argument, NULL, OPT_NO_PAGER },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};
/* "+": the command's options are its own */
const char cli_global_shortopts[] = "+C:hP";

int main(int argc, char **argv)
{
	const char *cmdname = "report";
	const cli_command *cmd;
	cli_ctx ctx;
	int c, rc, no_pager = 0;

	signal(SIGPIPE, SIG_IGN);
	memset(&ctx, 0, sizeof(ctx));
	ctx.dialogues = "dialogues";
	ctx.format = "text";
	ctx.color = "auto";
	ctx.ropts.lang = dd_lang_from_env();
	opterr = 0;
	while ((c = getopt_long(argc, argv, cli_global_shortopts,
				 cli_global_options, NULL)) != -1) {
		switch (c) {
		case 'C':
			if (chdir(optarg) < 0)
				return cli_failf("cannot change to '%s': %s",
						 optarg, strerror(errno));
			break;
		case OPT_DIALOGUES:
			ctx.dialogues = optarg;
			ctx.dialogues_given = 1;
			break;
		case OPT_TAXONOMY: ctx.taxonomy_path = optarg; break;
		case OPT_SERIES: ctx.series_id = optarg; break;
		case OPT_REV: ctx.rev = optarg; break;
		case 'P':
		case OPT_NO_PAGER:
			no_pager = 1;
			break;
		case OPT_VERSION:
			printf("dialdiff %s\n", DD_VERSION);
			return flush_stdout(0);
		case 'h':
			cli_print_usage(stdout, NULL);
			return flush_stdout(0);
		default:
			rc = output_option(&ctx, c, optarg);
			if (rc > 0)
				return rc;
			if (rc == 0)
				break;
			if (optopt && optopt < 256)
				cli_failf("unknown option '-%c'", optopt);
			else
				cli_failf("unknown or incomplete option '%s'",
					  argv[optind - 1]);
			cli_print_usage(stderr, NULL);
			return EXIT_USAGE;
		}
	}
	if (optind < argc)
		cmdname = argv[optind++];
	cmd = cli_find_command(cmdname);
	if (!cmd) {
		cli_failf("'%s' is not a dialdiff command", cmdname);
		cli_print_usage(stderr, NULL);
		return EXIT_USAGE;
	}
	if (ctx.rev && (cmd->flags & CLI_NO_REV))
		return cli_failf("--rev does not apply to %s, which reads no "
				 "revision", cmd->name);
	/* the command sees its own name as argv[0] */
	argc -= optind - 1;
	argv += optind - 1;
	argv[0] = (char *)cmd->name;
	ctx.paged = (cmd->flags & CLI_PAGED) && !no_pager;
	the_ctx = &ctx;
	/* 0, not 1: glibc then re-reads the option string, so that the
	 * command's options may follow its operands ("+" stopped ours) */
	optind = 0;
	rc = cmd->fn(&ctx, argc, argv);
	the_ctx = NULL;
	ctx_release(&ctx);
	rc = flush_stdout(rc);
	cli_pager_finish();	/* the status is ours, once the pager is done */
	return rc;
}

int cli_operands(cli_ctx *ctx, const cli_command *cmd, int argc, char **argv,
		 int *status)
{
	int c;

	while ((c = cli_getopt(cmd, argc, argv)) != -1)
		if ((*status = cli_other_option(ctx, cmd, c, argv)) >= 0)
			return -1;	/* a usage error, or --help */
	return optind;
}
