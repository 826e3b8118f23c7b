/*
 * config.c - the settings of git's configuration: dialdiff.dir,
 * dialdiff.lang, dialdiff.series, dialdiff.color and dialdiff.pager.
 *
 * They are read once, all from one snapshot (dd_git_config_read), at the
 * first need of any, and only when a configuration file git reads may
 * set one (dd_git_config_may_set): a short command in a plain repository
 * does not start libgit2 for nothing.  A command-line option wins over
 * each (--dialogues, --lang, --series, --color, -P); a value that makes
 * no sense is an error (exit 2) that names the key, the value and the
 * file, as git's own messages do.
 */
#include <strings.h>

#include "cli.h"

static const char *const keys[CLI_CFG_COUNT] = {
	[CLI_CFG_DIR] = "dialdiff.dir",
	[CLI_CFG_LANG] = "dialdiff.lang",
	[CLI_CFG_SERIES] = "dialdiff.series",
	[CLI_CFG_COLOR] = "dialdiff.color",
	[CLI_CFG_PAGER] = "dialdiff.pager",
};

/* Read them (once): 0, or EXIT_USAGE after a message. */
static int read_config(cli_ctx *ctx)
{
	dd_git_repo *repo = NULL;
	dd_error err;
	size_t i;

	if (ctx->config_read)
		return ctx->config_read < 0 ? EXIT_USAGE : 0;
	ctx->config_read = 1;
	for (i = 0; i < CLI_CFG_COUNT; i++)
		ctx->config[i].key = keys[i];
	cli_locate(ctx);
	if (ctx->in_repo && !dd_git_config_may_set(ctx->top_buf, "dialdiff"))
		return 0;
	if (ctx->in_repo)
		repo = cli_repo_try(ctx);
	if (dd_git_config_read(ctx->config, CLI_CFG_COUNT, repo, &err) < 0) {
		ctx->config_read = -1;
		return cli_fail(&err);
	}
	return 0;
}

const dd_git_setting *cli_setting(cli_ctx *ctx, int key)
{
	if (read_config(ctx) || !ctx->config[key].set)
		return NULL;
	return &ctx->config[key];
}

int cli_config_bad(const dd_git_setting *s, const char *why)
{
	return cli_failf("bad value '%s' for %s in %s%s%s", s->value ? s->value : "",
			 s->key, s->origin, why ? ": " : "", why ? why : "");
}

const char *cli_setting_string(cli_ctx *ctx, int key, int *status)
{
	const dd_git_setting *s = cli_setting(ctx, key);

	*status = ctx->config_read < 0 ? EXIT_USAGE : 0;
	if (!s)
		return NULL;
	if (!s->value) {	/* "[dialdiff] dir" with no "= ..." */
		*status = cli_failf("missing value for %s in %s", s->key,
				    s->origin);
		return NULL;
	}
	return s->value;
}

int cli_config_bool(const char *v)
{
	static const char *const yes[] = { "true", "yes", "on", "1" };
	static const char *const no[] = { "false", "no", "off", "0" };
	size_t i;

	if (!v)
		return 1;	/* a key with no value is true, as in git */
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (!strcasecmp(v, yes[i]))
			return 1;
		if (!strcasecmp(v, no[i]))
			return 0;
	}
	return -1;
}

/* dialdiff.color as git reads color.ui: always; never (or false); auto
 * (or true). */
static int color_from_config(cli_ctx *ctx)
{
	const dd_git_setting *s = cli_setting(ctx, CLI_CFG_COLOR);
	size_t i;
	int b;

	if (!s)
		return ctx->config_read < 0 ? EXIT_USAGE : 0;
	for (i = 0; s->value && cli_color_modes[i]; i++)
		if (!strcasecmp(s->value, cli_color_modes[i])) {
			ctx->color = cli_color_modes[i];
			return 0;
		}
	if ((b = cli_config_bool(s->value)) < 0)
		return cli_config_bad(s, "use auto, always, never, true or false");
	ctx->color = b ? "auto" : "never";
	return 0;
}

int cli_config_output(cli_ctx *ctx)
{
	const char *v;
	int rc;

	if (ctx->output_configured)
		return 0;
	ctx->output_configured = 1;
	if (!ctx->lang_given) {
		v = cli_setting_string(ctx, CLI_CFG_LANG, &rc);
		if (rc)
			return rc;
		if (v && dd_lang_parse(&ctx->ropts.lang, v) < 0)
			return cli_config_bad(cli_setting(ctx, CLI_CFG_LANG),
					      "use en or zh");
	}
	if (!ctx->color_given && (rc = color_from_config(ctx)))
		return rc;
	return 0;
}
