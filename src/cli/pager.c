/*
 * pager.c - long output through a pager on a terminal, as git does.
 *
 * The pager is started at the first write of a command that pages
 * (CLI_PAGED), and only when standard output is a terminal: its input is
 * a pipe that takes the place of standard output (and of standard error,
 * when that is the terminal too, so that a message after the output is
 * read after it).  At exit, standard output is closed and the pager waited
 * for, so that the terminal is the shell's again when dialdiff's status
 * is.  A pager that quits early (q in less) closes the pipe: the writes
 * that follow fail with EPIPE (SIGPIPE is ignored), which cli_write treats
 * as a reader that left, not as an error.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

extern char **environ;

#define DEFAULT_PAGER "less -FRX"

static int decided;		/* pager_cmd is the decision */
static char *pager_cmd;		/* malloc'd, or NULL for none */
static pid_t pager_pid = -1;
static int saved_stderr = -1;	/* the terminal, while stderr is the pipe */

/* The first of GIT_PAGER, dialdiff.pager, core.pager, PAGER that is set,
 * else DEFAULT_PAGER; malloc'd, or NULL when memory runs out.  "" for no
 * pager: dialdiff.pager false (as git's pager.<cmd> false). */
static char *pager_choice(cli_ctx *ctx)
{
	const dd_git_setting *s = cli_setting(ctx, CLI_CFG_PAGER);
	const char *env = getenv("GIT_PAGER");
	int b = s ? cli_config_bool(s->value) : -1;
	dd_git_repo *repo;
	char *value = NULL;
	dd_error err;

	if (b == 0)
		return strdup("");
	if (env)
		return strdup(env);
	if (s && b < 0)
		return strdup(s->value);
	cli_locate(ctx);	/* core.pager in a repository; unreadable: none */
	if (ctx->in_repo && (repo = cli_repo_try(ctx)) &&
	    dd_git_config_get(&value, repo, "core.pager", &err) > 0)
		return value;
	env = getenv("PAGER");
	return strdup(env ? env : DEFAULT_PAGER);
}

int cli_pager_wanted(cli_ctx *ctx)
{
	if (decided)
		return pager_cmd != NULL;
	decided = 1;
	if (!ctx || !ctx->paged || !isatty(STDOUT_FILENO))
		return 0;
	pager_cmd = pager_choice(ctx);
	if (pager_cmd && (!*pager_cmd || !strcmp(pager_cmd, "cat"))) {
		free(pager_cmd);	/* "" and "cat" mean no pager */
		pager_cmd = NULL;
	}
	return pager_cmd != NULL;
}

/* Close our ends of the pipe (stderr is the terminal again) and wait for
 * the pager; only async-signal-safe calls. */
static void close_and_wait(void)
{
	int status;

	close(STDOUT_FILENO);
	if (saved_stderr >= 0) {
		dup2(saved_stderr, STDERR_FILENO);
		close(saved_stderr);
		saved_stderr = -1;
	}
	while (waitpid(pager_pid, &status, 0) < 0 && errno == EINTR)
		;
	pager_pid = -1;
}

void cli_pager_finish(void)
{
	if (pager_pid >= 0) {
		fflush(stdout);
		fflush(stderr);
		close_and_wait();
	}
	free(pager_cmd);
	pager_cmd = NULL;
}

/* A signal that ends dialdiff leaves the terminal to the pager until it
 * quits, then ends dialdiff as it would have. */
static void on_signal(int sig)
{
	if (pager_pid >= 0)
		close_and_wait();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* The environment of the pager: ours, with LESS=FRX and LV=-c when they
 * are not set (as git sets them).  malloc'd (the strings are borrowed),
 * or NULL. */
static char **pager_environ(void)
{
	size_t n = 0;
	char **env;

	while (environ[n])
		n++;
	if (!(env = calloc(n + 3, sizeof(*env))))
		return NULL;
	memcpy(env, environ, n * sizeof(*env));
	if (!getenv("LESS"))
		env[n++] = (char *)"LESS=FRX";
	if (!getenv("LV"))
		env[n++] = (char *)"LV=-c";
	return env;
}

void cli_pager_start(cli_ctx *ctx)
{
	static const int sigs[] = { SIGINT, SIGHUP, SIGTERM, SIGQUIT };
	char *argv[4];
	char **env;
	int fds[2];
	size_t i;
	pid_t pid;

	if (pager_pid >= 0 || !cli_pager_wanted(ctx))
		return;
	/* built before fork: the child of a threaded process may only make
	   async-signal-safe calls */
	env = pager_environ();
	argv[0] = (char *)"sh";
	argv[1] = (char *)"-c";
	argv[2] = pager_cmd;
	argv[3] = NULL;
	if (!env || pipe(fds) < 0) {
		free(env);
		return;		/* no pager: the output goes out as it is */
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		signal(SIGPIPE, SIG_DFL);	/* ours is ignored */
		execve("/bin/sh", argv, env);
		_exit(127);
	}
	free(env);
	close(fds[0]);
	if (pid < 0) {
		close(fds[1]);
		return;
	}
	dup2(fds[1], STDOUT_FILENO);
	if (isatty(STDERR_FILENO) && (saved_stderr = dup(STDERR_FILENO)) >= 0)
		dup2(fds[1], STDERR_FILENO);
	close(fds[1]);
	pager_pid = pid;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], on_signal);
	atexit(cli_pager_finish);
}
