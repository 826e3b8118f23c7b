/* help [COMMAND | TOPIC]: a command's help, or a section of the manual
 * page (manual.c) */
#include <stdio.h>

#include "cli.h"

int cmd_help(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("help"), *which;
	dd_buf out = DD_BUF_INIT;
	int rc, i = cli_operands(ctx, cmd, argc, argv, &rc);

	if (i < 0)
		return rc;
	if (argc - i > 1)
		return cli_usage(cmd, "help takes at most one command");
	if (i == argc) {
		cli_print_usage(stdout, NULL);
		return 0;
	}
	which = cli_find_command(argv[i]);
	if (which) {
		cli_print_usage(stdout, which);
		return 0;
	}
	if (cli_manual_topic(&out, argv[i]) == 0) {
		rc = cli_emit(&out);
		dd_buf_release(&out);
		return rc;
	}
	dd_buf_reset(&out);
	cli_manual_topics(&out, ", ");
	rc = cli_failf("'%s' is not a dialdiff command or help topic (%s)",
		       argv[i], dd_buf_oom(&out) ? "" : out.ptr);
	dd_buf_release(&out);
	return rc;
}
