/*
 * cli.h - the command-line layer: global options, the lazily loaded state
 * every command shares, and one cmd_* function per command.
 *
 * Commands return the process exit status: 0 success, 1 "differences
 * found" (check errors, --exit-code), 2 usage or input error.  They print
 * errors with cli_fail() and write results only through cli_emit(), which
 * writes a whole buffer or nothing (log alone writes commit by commit,
 * through cli_write()).
 */
#ifndef DIALDIFF_CLI_H
#define DIALDIFF_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

#include "dialdiff/buf.h"
#include "dialdiff/diag.h"
#include "dialdiff/error.h"
#include "dialdiff/gate.h"
#include "dialdiff/git.h"
#include "dialdiff/project.h"
#include "dialdiff/render.h"
#include "dialdiff/series.h"
#include "dialdiff/source.h"
#include "dialdiff/taxonomy.h"

#define EXIT_DIFF 1
#define EXIT_USAGE 2

/* The keys of git config dialdiff.* (config.c). */
enum { CLI_CFG_DIR, CLI_CFG_LANG, CLI_CFG_SERIES, CLI_CFG_COLOR,
       CLI_CFG_PAGER, CLI_CFG_COUNT };

/* --exit-code and --fail-on COND (diff, review): the gates to apply. */
typedef struct cli_gates {
	dd_gate *gates;		/* the --fail-on conditions, then --exit-code's */
	size_t n;
	int exit_code;
} cli_gates;

/* A source at another revision, for N@REV and REV:PATH selectors. */
typedef struct cli_rev {
	char *rev;		/* as the user wrote it */
	dd_source *src;
	dd_project *project;	/* over src, made on demand */
	dd_series *series;	/* loaded on demand */
} cli_rev;

typedef struct cli_ctx {
	/* global options */
	const char *dialogues;	/* --dialogues (--dir), else git config
				   dialdiff.dir, else "dialogues" (made
				   relative to the top of the repository by
				   cli_source) */
	int dialogues_given;	/* --dialogues was given (relative to the
				   current folder) */
	const char *taxonomy_path;	/* --taxonomy, likewise */
	const char *series_id;	/* --series, or the series of a selector */
	char series_buf[256];
	const char *rev;	/* --rev */
	const char *format;	/* --format, default "text" */
	int format_given;	/* --format was given (extract's default
				   differs) */
	const char *color;	/* --color, default "auto" */
	int paged;		/* the command pages (CLI_PAGED), and neither
				   -P nor --no-pager was given */
	const dd_renderer *renderer;
	dd_render_opts ropts;
	cli_gates gates;
	char commit_hex[DD_OID_HEXSZ + 1];	/* ropts.commit (html) */
	/* loaded on demand */
	dd_source *src;
	dd_project *project;	/* over src: owns the taxonomies */
	dd_taxonomy *tx;	/* the taxonomy of the run (the project's) */
	dd_series *series;
	/* rounds loaded from paths outside the series, freed at exit */
	dd_round **extra;
	size_t nextra;
	/* the repository, discovered on first use */
	dd_git_repo *repo;
	int repo_tried;
	dd_error repo_err;	/* why there is none */
	/* where the current folder is (cli_locate): in a repository, its
	   work tree's top ("/abs/", NULL when bare), the folder relative to
	   it ("" or "a/") */
	int located, in_repo, bare;
	const char *top, *prefix;
	char *top_buf, *prefix_buf;	/* found without opening the repository */
	int paths_done;		/* dialogues and taxonomy_path made top-relative */
	char *dialogues_buf, *taxonomy_buf;
	cli_rev *revs;
	size_t nrevs;
	/* git config dialdiff.* (config.c), read on first need */
	dd_git_setting config[CLI_CFG_COUNT];
	int config_read;	/* 0 not yet, 1 read, -1 failed (told) */
	int lang_given, color_given;	/* --lang, --color: win over it
					   (and extract's own defaults) */
	int output_configured;	/* cli_config_output done */
} cli_ctx;

/*
 * git config dialdiff.* (config.c): the CLI_CFG_* keys, read together from one
 * snapshot of git's configuration (repository, global, system) at the
 * first need, and only when a file git reads may set one.
 */
/* Key CLI_CFG_* when it is set, else NULL (also when it cannot be read:
 * a message told why). */
const dd_git_setting *cli_setting(cli_ctx *ctx, int key);
/* The string value of key, or NULL when it is not set; *status is
 * EXIT_USAGE after a message when it cannot be read or has no value. */
const char *cli_setting_string(cli_ctx *ctx, int key, int *status);
/* "bad value 'V' for KEY in FILE: why" (why may be NULL); EXIT_USAGE. */
int cli_config_bad(const dd_git_setting *s, const char *why);
/* A boolean as git reads it: 1 (true, yes, on, 1, no value), 0 (false,
 * no, off, 0), -1 for anything else. */
int cli_config_bool(const char *value);
/* Apply dialdiff.lang and dialdiff.color to the run where --lang and
 * --color are not given (once; cli_need does it).  0 or EXIT_USAGE. */
int cli_config_output(cli_ctx *ctx);

/* What a command's operands are, for the shell completions. */
enum cli_operand {
	CLI_ARG_FILES = 0,	/* paths (the default) */
	CLI_ARG_NONE,		/* it takes none */
	CLI_ARG_ROUNDS,		/* round selectors: N, SERIES/N, N@REV, PATH */
	CLI_ARG_REVS,		/* revisions and ranges, then -- PATH... */
	CLI_ARG_SERIES,		/* a series id of the record */
	CLI_ARG_COMMAND,	/* a dialdiff command, or a help topic */
	CLI_ARG_SHELL		/* bash, zsh or fish */
};

/*
 * A command, as data: the shell completions (completion.c) and the help
 * (manual.c) are made from this table, so a command's options live here
 * and nowhere else.  The command parses its arguments with cli_getopt.
 */
typedef struct cli_command {
	const char *name;
	int (*fn)(cli_ctx *ctx, int argc, char **argv);
	const char *usage;	/* "diff [--all] [A [B]]" */
	const char *summary;
	unsigned flags;		/* CLI_PAGED, CLI_HIDDEN, CLI_NO_REV */
	const struct option *options;	/* its getopt_long table */
	const char *shortopts;	/* its getopt string: "h" CLI_VIEW_SHORT */
	size_t renders;		/* CLI_RENDERS(member): what its --format
				   renders; 0 when it has no --format */
	enum cli_operand operands;
	const char *formats;	/* its --format values when they are its own,
				   not renderers ("round,json,text") */
} cli_command;

/* The command's output goes through a pager on a terminal (not the git
 * drivers, not check and fmt, which hooks run). */
#define CLI_PAGED 1u
/* Neither listed nor completed (the completions' own helper). */
#define CLI_HIDDEN 2u
/* It reads files as they are, or sets up git, and never a revision: it
 * refuses --rev rather than ignore it. */
#define CLI_NO_REV 4u
/* The dd_renderer member a command's output needs, as cli_command.renders:
 * the formats whose renderer has it are the command's --format values. */
#define CLI_RENDERS(member) (offsetof(dd_renderer, member) + 1)
/* Whether renderer r can render what cmd shows. */
int cli_renders(const cli_command *cmd, const dd_renderer *r);

/* The global options (before the command), and their getopt string. */
extern const struct option cli_global_options[];
extern const char cli_global_shortopts[];
/* The options of the commands with options of their own. */
extern const struct option cli_diff_options[];
extern const struct option cli_review_options[];
extern const struct option cli_log_options[];
extern const struct option cli_git_setup_options[];
extern const struct option cli_check_options[];
extern const struct option cli_fmt_options[];
extern const struct option cli_new_options[];
extern const struct option cli_classify_options[];
extern const struct option cli_extract_options[];

extern const cli_command cli_commands[];
const cli_command *cli_find_command(const char *name);

/*
 * "dialdiff: message" on stderr, in one write, with the control
 * characters of the message (data, file names, arguments) made harmless
 * (dd_text_add_safe) and a long one cut in its middle (dd_text_vformat).
 * Every message of the CLI goes through these.
 */
void cli_warnf(const char *fmt, ...) DD_PRINTF(1, 2);

/* Print "dialdiff: <formatted error>" to stderr and return EXIT_USAGE. */
int cli_fail(const dd_error *err);
/* cli_fail, err's file named as read from src: "REV:PATH" at a revision. */
int cli_fail_at(const dd_source *src, const dd_error *err);
/* Print "dialdiff: message" to stderr and return EXIT_USAGE. */
int cli_failf(const char *fmt, ...) DD_PRINTF(1, 2);
/* Usage error for a command: message and its usage line; EXIT_USAGE. */
int cli_usage(const cli_command *cmd, const char *fmt, ...) DD_PRINTF(2, 3);

/* Write buf to stdout whole; 0, or EXIT_USAGE after a message. */
int cli_emit(dd_buf *buf);
/* cli_emit of what a renderer returning rendered (< 0: out of memory)
 * wrote in buf. */
int cli_emit_rendered(int rendered, dd_buf *buf);

/*
 * The pager (pager.c).  cli_pager_wanted: 1 when the run's output is to go
 * through a pager: ctx->paged, standard output a terminal, and a pager
 * named by GIT_PAGER, else git config dialdiff.pager, else core.pager (in
 * a repository), else PAGER, else "less -FRX"; "" and "cat" mean none,
 * and so does dialdiff.pager false (whatever GIT_PAGER says, as git's
 * pager.<cmd> false).
 * Decided once.  cli_pager_start: start it, at the first write (cli_write
 * does).  cli_pager_finish: close its pipe and wait for it (at exit).
 */
int cli_pager_wanted(cli_ctx *ctx);
void cli_pager_start(cli_ctx *ctx);
void cli_pager_finish(void);
/* Write buf to stdout: 0, 1 when the reader has left (EPIPE, as with
 * `| head`), or -1 with errno set. */
int cli_write(const dd_buf *buf);

/*
 * The repository (discovered once, upward from the current folder, GIT_DIR
 * honoured).  0, or EXIT_USAGE after a message (not in a repository, owned
 * by another user, ...).
 */
int cli_repo(cli_ctx *ctx, dd_git_repo **out);
/* The repository when there is one, else NULL (no message). */
dd_git_repo *cli_repo_try(cli_ctx *ctx);
/* Fill ctx->in_repo, bare, top and prefix: without opening the repository
 * when a look for .git is enough (dd_git_find_worktree). */
void cli_locate(cli_ctx *ctx);

/*
 * A path the user gave (relative to the current folder, as git takes
 * them), as a path of the source: relative to the top of the work tree
 * when in a repository, unchanged otherwise.  *out is malloc'd.  0, or
 * EXIT_USAGE after a message (a path outside the repository read at a
 * revision).
 */
int cli_path(cli_ctx *ctx, const char *user, char **out);
/* Make --dialogues and --taxonomy relative to the top of the repository
 * (once; cli_source does it too).  0 or EXIT_USAGE. */
int cli_setup_paths(cli_ctx *ctx);
/*
 * The taxonomy for the rounds of series id, read from the current source:
 * --taxonomy, else what the series' series.json names, else
 * DIALOGUES/taxonomy.json.  Without loading the series' rounds.
 */
int cli_taxonomy_of_series(cli_ctx *ctx, const char *id, dd_taxonomy **out);

/*
 * Load (once) the source, taxonomy and series the options select.  The
 * source: the tree of --rev; else HEAD in a bare repository; else the work
 * tree (its top in a repository, else the current folder).
 */
int cli_source(cli_ctx *ctx, dd_source **out);
/* A source at revision rev (cached for the run); what (may be NULL) is
 * what the user wrote, named in the message when rev does not resolve. */
int cli_rev_source(cli_ctx *ctx, const char *rev, const char *what,
		   cli_rev **out);
int cli_taxonomy(cli_ctx *ctx, dd_taxonomy **out);
/* The project over the current source (cli_source), made once. */
int cli_project(cli_ctx *ctx, dd_project **out);
int cli_series(cli_ctx *ctx, dd_series **out);
/* The series ids of p, into *names (dd_source_names_free); with id, a
 * check that it is one of them.  0, or EXIT_USAGE after a message. */
int cli_series_ids(dd_project *p, const char *id, char ***names, size_t *n);

/* Round n of s into *out; else EXIT_USAGE after "SEL: series S has no
 * round N (it has rounds ...)", sel being what the user wrote. */
int cli_pick_round(const dd_series *s, long long n, const char *sel,
		   dd_source *src, const dd_round **out);

/*
 * Resolve a round selector: N, SERIES/N, N@REV, SERIES/N@REV, REV:PATH, or
 * a path to a round file (see selector.h).  The round is classified with
 * the taxonomy of the current source, whatever revision it comes from; it
 * belongs to ctx (do not free it).
 */
int cli_round(cli_ctx *ctx, const char *selector, const dd_round **out);

/*
 * Resolve --format and --color (once), and check that the format renders
 * this kind of result: CLI_NEED(ctx, diff) checks renderer->diff.  0, or
 * EXIT_USAGE after a message.
 */
int cli_need(cli_ctx *ctx, const char *command, size_t offset);
#define CLI_NEED(ctx, kind) cli_need((ctx), #kind, offsetof(dd_renderer, kind))

/* --format, --lang, --color and --no-color are accepted before and after
 * the command. */
enum { CLI_OPT_FORMAT = 1000, CLI_OPT_LANG, CLI_OPT_COLOR, CLI_OPT_NO_COLOR };
#define CLI_OUTPUT_OPTIONS \
	{ "format", required_argument, NULL, CLI_OPT_FORMAT }, \
	{ "lang", required_argument, NULL, CLI_OPT_LANG }, \
	{ "color", required_argument, NULL, CLI_OPT_COLOR }, \
	{ "colour", required_argument, NULL, CLI_OPT_COLOR }, \
	{ "no-color", no_argument, NULL, CLI_OPT_NO_COLOR }, \
	{ "no-colour", no_argument, NULL, CLI_OPT_NO_COLOR }
/* The end of most commands' options tables: --help and the output options. */
#define CLI_HELP_OUTPUT_END \
	{ "help", no_argument, NULL, 'h' }, \
	CLI_OUTPUT_OPTIONS, \
	{ NULL, 0, NULL, 0 }

/* getopt_long over cmd's options: a command's getopt loop (main has
 * made getopt start again, options and operands in any order). */
int cli_getopt(const cli_command *cmd, int argc, char **argv);
/*
 * The default: case of a command's getopt loop: -h/--help (the usage on
 * stdout), an output, view or gate option, or an unknown or incomplete
 * option (a usage error).  -1 when option parsing goes on, else the exit
 * status for the command to return now (0 after --help).
 */
int cli_other_option(cli_ctx *ctx, const cli_command *cmd, int c,
		     char **argv);

/*
 * What a diff lists in text and markdown (diff, review, log, diff-driver):
 * -v/--all-items lists unchanged kept items too; --stat a line of counts
 * per section instead of the items.
 */
enum { CLI_OPT_STAT = 1020 };
#define CLI_VIEW_OPTIONS \
	{ "all-items", no_argument, NULL, 'v' }, \
	{ "stat", no_argument, NULL, CLI_OPT_STAT }
/* The short options of CLI_VIEW_OPTIONS, for a getopt string. */
#define CLI_VIEW_SHORT "v"

/* --exit-code and --fail-on COND (diff, review), into ctx->gates. */
enum { CLI_OPT_EXIT_CODE = 1010, CLI_OPT_FAIL_ON };
#define CLI_GATE_OPTIONS \
	{ "exit-code", no_argument, NULL, CLI_OPT_EXIT_CODE }, \
	{ "fail-on", required_argument, NULL, CLI_OPT_FAIL_ON }
/* After validation against the taxonomy: --exit-code becomes the gate
 * "anything changed", and the gates are the render options'. */
void cli_gates_finish(cli_ctx *ctx);
/* EXIT_DIFF when a gate holds for one of the n diffs (NULL ones
 * skipped), else 0; each --fail-on gate that holds is named on stderr
 * with the items that trip it (--exit-code's gate is not: the output
 * shows the changes). */
int cli_gates_explain(const cli_ctx *ctx, dd_diff *const *diffs, size_t n);


int cmd_report(cli_ctx *ctx, int argc, char **argv);
int cmd_list(cli_ctx *ctx, int argc, char **argv);
int cmd_show(cli_ctx *ctx, int argc, char **argv);
int cmd_diff(cli_ctx *ctx, int argc, char **argv);
int cmd_timeline(cli_ctx *ctx, int argc, char **argv);
int cmd_review(cli_ctx *ctx, int argc, char **argv);
int cmd_log(cli_ctx *ctx, int argc, char **argv);
int cmd_textconv(cli_ctx *ctx, int argc, char **argv);
int cmd_diff_driver(cli_ctx *ctx, int argc, char **argv);
int cmd_git_setup(cli_ctx *ctx, int argc, char **argv);
int cmd_merge_driver(cli_ctx *ctx, int argc, char **argv);
int cmd_help(cli_ctx *ctx, int argc, char **argv);
int cmd_check(cli_ctx *ctx, int argc, char **argv);
int cmd_fmt(cli_ctx *ctx, int argc, char **argv);
/* 0 when the run reads the working tree, which cmd is to write; else a
 * message and the exit code. */
int cli_need_worktree(cli_ctx *ctx, const char *cmd);
/*
 * Create round file path of the working tree with text, never over a
 * file, and print its path (relative to the current folder); cmd names
 * the command in errors (--rev, a bare repository).  0 or an exit code.
 */
int cli_write_round(cli_ctx *ctx, const char *cmd, const char *path,
		    const dd_buf *text);
int cmd_init(cli_ctx *ctx, int argc, char **argv);
int cmd_new(cli_ctx *ctx, int argc, char **argv);
int cmd_classify(cli_ctx *ctx, int argc, char **argv);
int cmd_extract(cli_ctx *ctx, int argc, char **argv);
int cmd_completion(cli_ctx *ctx, int argc, char **argv);
int cmd_complete(cli_ctx *ctx, int argc, char **argv);

/* Append s in single quotes, for sh, bash, zsh and fish alike. */
void cli_add_quoted(dd_buf *b, const char *s);

/* --color's values: "auto", "always", "never", NULL. */
extern const char *const cli_color_modes[];

/*
 * Text files built into the binary (made by the Makefile from the files
 * named), as NULL-terminated arrays of lines, each with its newline: the
 * manual page (docs/dialdiff.1) and the fixed part of each completion
 * script (src/cli/completion.bash, .zsh, .fish).
 */
extern const char *const cli_manpage[];
extern const char *const cli_completion_bash[];
extern const char *const cli_completion_zsh[];
extern const char *const cli_completion_fish[];

/*
 * The help of cmd, appended to out: its section of the manual page
 * (cli_manpage), rendered as text, with the sections it names after it.
 * 0, or -1 when the page has no section for cmd (or memory ran out).
 */
int cli_manual(dd_buf *out, const cli_command *cmd);
/*
 * The other sections of the page are help topics, named in lower case
 * with '-' for ' ' ("round-selectors", "exit-status"): cli_manual_topic
 * appends one (heading and text) to out, 0 or -1 when there is no such
 * topic; cli_manual_topics appends their names, sep between them.
 */
int cli_manual_topic(dd_buf *out, const char *topic);
void cli_manual_topics(dd_buf *out, const char *sep);

/* Print the help of cmd (cli_manual, else its usage and summary), or the
 * usage of dialdiff and its commands when cmd is NULL, to f. */
void cli_print_usage(FILE *f, const cli_command *cmd);


/*
 * For commands without options of their own: handle -h/--help (prints
 * usage, returns -1 with *status 0), reject other options (-1, status 2),
 * else return the index of the first operand.
 */
int cli_operands(cli_ctx *ctx, const cli_command *cmd, int argc, char **argv,
		 int *status);

#endif
