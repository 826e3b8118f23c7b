/*
 * completion.c - the shell completions, made from the command table.
 *
 * `dialdiff completion bash|zsh|fish` prints a script: data generated from
 * cli_commands (every visible command, its options from its getopt table,
 * what each option's value is, the --format values its renderers give, what
 * its operands are), then the shell's fixed logic (completion.bash, .zsh,
 * .fish beside this file, built in).  A command or an option added to the
 * tables is completed without a change here.
 *
 * What the record holds is asked for at completion time through the hidden
 * `dialdiff [GLOBAL OPTIONS] __complete series|rounds`; revisions come
 * from git itself.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The shells, and their fixed logic (built in from src/cli/). */
static const struct {
	const char *name;
	const char *const *logic;
} shells[] = {
	{ "bash", cli_completion_bash },
	{ "zsh", cli_completion_zsh },
	{ "fish", cli_completion_fish },
};
#define NSHELLS (sizeof(shells) / sizeof(shells[0]))

/*
 * What the value of an option is, by its long name (or its letter when it
 * has none): "dir", "file", "series", "rev", "command" (a program), "none"
 * (nothing to offer), "format", "lang", "color", "gate" (lists made below).
 * An option that takes a value and is not named here takes a file.
 */
static const struct {
	const char *option;
	const char *kind;
} value_kinds[] = {
	{ "C", "dir" },
	{ "dialogues", "dir" },
	{ "dir", "dir" },
	{ "taxonomy", "file" },
	{ "series", "series" },
	{ "rev", "rev" },
	{ "format", "format" },
	{ "lang", "lang" },
	{ "color", "color" },
	{ "colour", "color" },
	{ "fail-on", "gate" },
	{ "max-size", "none" },
	{ "max-count", "none" },
	{ "command", "command" },
	{ "date", "none" },
	{ "title", "none" },
	{ "from", "none" },
	{ "round", "none" },
};

static int visible(const cli_command *c)
{
	return !(c->flags & CLI_HIDDEN);
}

/* The kind of a list: "list:a,b,c" (values have no comma nor space). */
static void add_list(dd_buf *b, const char *kind, const cli_command *cmd)
{
	const char *sep = "list:";
	char name[64];
	size_t i;

	if (!strcmp(kind, "format") && cmd && cmd->formats) {
		dd_buf_addf(b, "list:%s", cmd->formats);
	} else if (!strcmp(kind, "format")) {
		for (i = 0; dd_renderers[i]; i++)
			if (!cmd || cli_renders(cmd, dd_renderers[i])) {
				dd_buf_addf(b, "%s%s", sep,
					    dd_renderers[i]->name);
				sep = ",";
			}
		if (*sep != ',')
			dd_buf_adds(b, "none");	/* it has no --format */
	} else if (!strcmp(kind, "lang")) {
		dd_buf_addf(b, "list:%s,%s", dd_lang_name(DD_LANG_EN),
			    dd_lang_name(DD_LANG_ZH));
	} else if (!strcmp(kind, "color")) {
		for (i = 0; cli_color_modes[i]; i++, sep = ",")
			dd_buf_addf(b, "%s%s", sep, cli_color_modes[i]);
	} else if (!strcmp(kind, "gate")) {
		dd_gate g;

		memset(&g, 0, sizeof(g));
		for (g.what = DD_GATE_ADDED; g.what < DD_GATE_ANY; g.what++) {
			dd_gate_name(name, sizeof(name), &g);
			dd_buf_addf(b, "%s%s", sep, name);
			sep = ",";
		}
	} else {
		dd_buf_adds(b, kind);
	}
}

/* The kind of the value of option name (a long name, or the letter), of
 * cmd (NULL: a global option). */
static void add_kind(dd_buf *b, const char *name, const cli_command *cmd)
{
	size_t i;

	for (i = 0; i < sizeof(value_kinds) / sizeof(value_kinds[0]); i++)
		if (!strcmp(value_kinds[i].option, name)) {
			add_list(b, value_kinds[i].kind, cmd);
			return;
		}
	dd_buf_adds(b, "file");
}

/* The long option of opts that is also short option c, or NULL. */
static const struct option *long_of(const struct option *opts, int c)
{
	for (; opts && opts->name; opts++)
		if (opts->val == c && !opts->flag)
			return opts;
	return NULL;
}

/*
 * The options of cmd (NULL: the global options) as one word each,
 * separated by sep: "--all", "-v", "--format=list:text,json", "-C=dir".
 */
static void add_options(dd_buf *b, const cli_command *cmd, const char *sep)
{
	const struct option *opts = cmd ? cmd->options : cli_global_options;
	const char *s = cmd ? cmd->shortopts : cli_global_shortopts;
	const char *first = "";
	char letter[2] = { 0, 0 };

	for (; s && *s; s++) {
		const struct option *o;

		if (*s == '+' || *s == ':' || *s == '-')
			continue;
		letter[0] = *s;
		o = long_of(opts, *s);
		dd_buf_addf(b, "%s-%c", first, *s);
		first = sep;
		if (s[1] == ':') {
			dd_buf_addc(b, '=');
			add_kind(b, o ? o->name : letter, cmd);
		}
	}
	for (; opts && opts->name; opts++) {
		dd_buf_addf(b, "%s--%s", first, opts->name);
		first = sep;
		if (opts->has_arg == required_argument) {
			dd_buf_addc(b, '=');
			add_kind(b, opts->name, cmd);
		}
	}
}

/* What the operands of cmd are, as a kind. */
static void add_operands(dd_buf *b, const cli_command *cmd)
{
	const cli_command *c;
	const char *sep = "list:";
	size_t i;

	switch (cmd->operands) {
	case CLI_ARG_FILES: dd_buf_adds(b, "files"); break;
	case CLI_ARG_NONE: dd_buf_adds(b, "none"); break;
	case CLI_ARG_ROUNDS: dd_buf_adds(b, "rounds"); break;
	case CLI_ARG_REVS: dd_buf_adds(b, "revs"); break;
	case CLI_ARG_SERIES: dd_buf_adds(b, "series"); break;
	case CLI_ARG_COMMAND:	/* and the help topics */
		for (c = cli_commands; c->name; c++)
			if (visible(c)) {
				dd_buf_addf(b, "%s%s", sep, c->name);
				sep = ",";
			}
		dd_buf_adds(b, sep);
		cli_manual_topics(b, ",");
		break;
	case CLI_ARG_SHELL:
		for (i = 0; i < NSHELLS; i++, sep = ",")
			dd_buf_addf(b, "%s%s", sep, shells[i].name);
		break;
	}
}

void cli_add_quoted(dd_buf *b, const char *s)
{
	dd_buf_addc(b, '\'');
	for (; *s; s++)
		if (*s == '\'')
			dd_buf_adds(b, "'\\''");
		else
			dd_buf_addc(b, *s);
	dd_buf_addc(b, '\'');
}

/*
 * The data of the bash and zsh scripts: _dialdiff_commands (the visible
 * commands), _dialdiff_options SCOPE (sets _dialdiff_o: the options of a
 * command, or the global ones for ''), _dialdiff_operands COMMAND (sets
 * _dialdiff_a: what its operands are) and, for zsh, _dialdiff_described
 * (command:summary).
 */
static void sh_data(dd_buf *b, int zsh)
{
	const cli_command *c;
	const char *sep = "";

	dd_buf_adds(b, "_dialdiff_commands='");
	for (c = cli_commands; c->name; c++)
		if (visible(c)) {
			dd_buf_addf(b, "%s%s", sep, c->name);
			sep = " ";
		}
	dd_buf_adds(b, "'\n");
	if (zsh) {
		dd_buf_adds(b, "_dialdiff_described=(\n");
		for (c = cli_commands; c->name; c++) {
			dd_buf b2 = DD_BUF_INIT;
			const char *p;

			if (!visible(c))
				continue;
			dd_buf_addf(&b2, "%s:", c->name);
			for (p = c->summary; *p; p++) {
				if (*p == ':')
					dd_buf_addc(&b2, '\\');
				dd_buf_addc(&b2, *p);
			}
			dd_buf_adds(b, "\t");
			if (dd_buf_oom(&b2))
				b->oom = 1;
			cli_add_quoted(b, b2.ptr);
			dd_buf_adds(b, "\n");
			dd_buf_release(&b2);
		}
		dd_buf_adds(b, ")\n");
	}
	dd_buf_adds(b, "\n# _dialdiff_options COMMAND: its options in _dialdiff_o ('': the\n"
		       "# global ones); OPTION=KIND when it takes a value.\n"
		       "_dialdiff_options() {\n\tcase $1 in\n\t'') _dialdiff_o='");
	add_options(b, NULL, " ");
	dd_buf_adds(b, "' ;;\n");
	for (c = cli_commands; c->name; c++) {
		if (!visible(c))
			continue;
		dd_buf_addf(b, "\t%s) _dialdiff_o='", c->name);
		add_options(b, c, " ");
		dd_buf_adds(b, "' ;;\n");
	}
	dd_buf_adds(b, "\t*) _dialdiff_o='' ;;\n\tesac\n}\n\n"
		       "# _dialdiff_operands COMMAND: what its operands are, in _dialdiff_a.\n"
		       "_dialdiff_operands() {\n\tcase $1 in\n");
	for (c = cli_commands; c->name; c++) {
		if (!visible(c))
			continue;
		dd_buf_addf(b, "\t%s) _dialdiff_a=", c->name);
		add_operands(b, c);
		dd_buf_adds(b, " ;;\n");
	}
	dd_buf_adds(b, "\t*) _dialdiff_a=files ;;\n\tesac\n}\n\n");
}

/* One fish `complete` line's value part for an option of kind (as
 * add_kind makes it, in k). */
static void fish_value(dd_buf *b, const char *k)
{
	if (!strncmp(k, "list:", 5)) {
		dd_buf_adds(b, " -x -a '");
		for (k += 5; *k; k++)
			dd_buf_addc(b, *k == ',' ? ' ' : *k);
		dd_buf_adds(b, "'");
	} else if (!strcmp(k, "dir")) {
		dd_buf_adds(b, " -x -a '(__fish_complete_directories (commandline -ct))'");
	} else if (!strcmp(k, "series")) {
		dd_buf_adds(b, " -x -a '(__fish_dialdiff_ask series)'");
	} else if (!strcmp(k, "rev") || !strcmp(k, "revs")) {
		dd_buf_adds(b, " -x -a '(__fish_dialdiff_revs)'");
	} else if (!strcmp(k, "rounds")) {
		dd_buf_adds(b, " -x -a '(__fish_dialdiff_rounds)'");
	} else if (!strcmp(k, "command")) {
		dd_buf_adds(b, " -x -a '(__fish_complete_command)'");
	} else if (!strcmp(k, "none")) {
		dd_buf_adds(b, " -x");
	} else {
		dd_buf_adds(b, " -r -F");	/* file, files */
	}
}

/* The letter of long option o of cmd (NULL: global) when it has one. */
static int short_of(const cli_command *cmd, const struct option *o)
{
	const char *s = cmd ? cmd->shortopts : cli_global_shortopts;

	return !o->flag && o->val > ' ' && o->val < 127 && o->val != ':' &&
	       o->val != '+' && s && strchr(s, o->val) ? o->val : 0;
}

/* The fish lines of the options of cmd (NULL: global), in the condition
 * cond. */
static void fish_options(dd_buf *b, const cli_command *cmd, const char *cond)
{
	const struct option *opts = cmd ? cmd->options : cli_global_options;
	const struct option *o;
	const char *s = cmd ? cmd->shortopts : cli_global_shortopts;
	dd_buf k = DD_BUF_INIT;
	char letter[2] = { 0, 0 };

	for (; s && *s; s++) {
		if (*s == '+' || *s == ':' || *s == '-' || long_of(opts, *s))
			continue;	/* a letter with a long name: below */
		dd_buf_addf(b, "complete -c dialdiff -n %s -s %c", cond, *s);
		if (s[1] == ':') {
			letter[0] = *s;
			dd_buf_reset(&k);
			add_kind(&k, letter, cmd);
			if (!dd_buf_oom(&k))
				fish_value(b, k.ptr);
		}
		dd_buf_adds(b, "\n");
	}
	for (o = opts; o && o->name; o++) {
		dd_buf_addf(b, "complete -c dialdiff -n %s", cond);
		if (short_of(cmd, o))
			dd_buf_addf(b, " -s %c", short_of(cmd, o));
		dd_buf_addf(b, " -l %s", o->name);
		if (o->has_arg == required_argument) {
			dd_buf_reset(&k);
			add_kind(&k, o->name, cmd);
			if (!dd_buf_oom(&k))
				fish_value(b, k.ptr);
		}
		dd_buf_adds(b, "\n");
	}
	if (dd_buf_oom(&k))
		b->oom = 1;	/* what b lacks, cmd_completion sees */
	dd_buf_release(&k);
}

static void fish_data(dd_buf *b)
{
	const cli_command *c;
	dd_buf cond = DD_BUF_INIT, words = DD_BUF_INIT;
	char *w, *save = NULL;

	/* the global options that take a value, for __fish_dialdiff_cmd */
	dd_buf_adds(b, "set -g __fish_dialdiff_valued");
	add_options(&words, NULL, "\n");
	if (dd_buf_oom(&words))
		b->oom = 1;
	else
		for (w = strtok_r(words.ptr, "\n", &save); w;
		     w = strtok_r(NULL, "\n", &save))
			if (strchr(w, '=')) {
				*strchr(w, '=') = '\0';
				dd_buf_addf(b, " -- %s", w);
			}
	dd_buf_release(&words);
	dd_buf_adds(b, "\n\ncomplete -c dialdiff -f\n");
	for (c = cli_commands; c->name; c++) {
		if (!visible(c))
			continue;
		dd_buf_addf(b, "complete -c dialdiff -n 'not __fish_dialdiff_cmd' -a %s -d ",
			    c->name);
		cli_add_quoted(b, c->summary);
		dd_buf_adds(b, "\n");
	}
	fish_options(b, NULL, "'not __fish_dialdiff_cmd'");
	for (c = cli_commands; c->name; c++) {
		if (!visible(c))
			continue;
		dd_buf_reset(&cond);
		dd_buf_addf(&cond, "'__fish_dialdiff_using %s'", c->name);
		if (dd_buf_oom(&cond))
			break;
		dd_buf_addf(b, "\n# %s\n", c->name);
		fish_options(b, c, cond.ptr);
		dd_buf_reset(&words);
		add_operands(&words, c);
		if (dd_buf_oom(&words) || !strcmp(words.ptr, "none"))
			continue;
		dd_buf_addf(b, "complete -c dialdiff -n %s", cond.ptr);
		fish_value(b, words.ptr);
		dd_buf_adds(b, "\n");
	}
	if (dd_buf_oom(&cond) || dd_buf_oom(&words))
		b->oom = 1;
	dd_buf_release(&cond);
	dd_buf_release(&words);
}

int cmd_completion(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("completion");
	dd_buf out = DD_BUF_INIT;
	const char *const *line;
	size_t k;
	int rc, i = cli_operands(ctx, cmd, argc, argv, &rc);

	if (i < 0)
		return rc;
	if (argc - i != 1)
		return cli_usage(cmd, "completion takes one shell: bash, zsh or fish");
	for (k = 0; k < NSHELLS && strcmp(shells[k].name, argv[i]); k++)
		;
	if (k == NSHELLS)
		return cli_usage(cmd, "no completion for '%s': bash, zsh or fish",
				 argv[i]);
	if (k == 1)
		dd_buf_adds(&out, "#compdef dialdiff\n");
	dd_buf_addf(&out, "# %s completion for dialdiff %s, made by `dialdiff completion %s`\n"
		    "# from its command table: do not edit, make it again.\n\n",
		    shells[k].name, DD_VERSION, shells[k].name);
	if (k == 2)
		fish_data(&out);
	else
		sh_data(&out, k == 1);
	for (line = shells[k].logic; *line; line++)
		dd_buf_adds(&out, *line);
	rc = cli_emit(&out);
	dd_buf_release(&out);
	return rc;
}

/* __complete series: the series ids of the record, one a line. */
static int complete_series(cli_ctx *ctx, dd_buf *out, int rounds)
{
	dd_project *p;
	dd_error err;
	char **names = NULL;
	size_t n, k, r;
	int rc, only = 0;
	dd_series *mine = NULL;

	if ((rc = cli_project(ctx, &p)))
		return rc;
	if (dd_project_series(&names, &n, p, 0, &err) < 0)
		return cli_fail(&err);
	for (k = 0; k < n; k++) {
		dd_series *s = NULL;
		dd_diags diags = DD_DIAGS_INIT;
		char *dir;

		if (!rounds) {
			dd_buf_addf(out, "%s\n", names[k]);
			continue;
		}
		if (!(dir = dd_path_join(dd_project_dir(p), names[k]))) {
			rc = cli_failf("out of memory");
			break;
		}
		/* what reads, as far as it reads */
		if (dd_project_load_series(&s, p, dir, &diags, 1, &err) == 0 &&
		    s) {
			for (r = 0; r < s->nrounds; r++)
				dd_buf_addf(out, "%s/%lld\n", names[k],
					    (long long)s->rounds[r]->number);
			if (ctx->series_id ? !strcmp(ctx->series_id, names[k]) :
			    n == 1) {
				mine = s;
				s = NULL;
				only = 1;
			}
		}
		dd_series_free(s);
		dd_diags_release(&diags);
		free(dir);
	}
	/* the bare numbers of the series the selector N means */
	for (r = 0; only && r < mine->nrounds; r++)
		dd_buf_addf(out, "%lld\n", (long long)mine->rounds[r]->number);
	dd_series_free(mine);
	dd_source_names_free(names);
	return rc;
}

int cmd_complete(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("__complete");
	dd_buf out = DD_BUF_INIT;
	int rc, i = cli_operands(ctx, cmd, argc, argv, &rc);

	if (i < 0)
		return rc;
	if (argc - i != 1 || (strcmp(argv[i], "series") &&
			      strcmp(argv[i], "rounds")))
		return cli_usage(cmd, "__complete takes series or rounds");
	rc = complete_series(ctx, &out, !strcmp(argv[i], "rounds"));
	if (!rc)
		rc = cli_emit(&out);
	dd_buf_release(&out);
	return rc;
}
