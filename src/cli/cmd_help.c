/* help [COMMAND] */
#include <stdio.h>

#include "cli.h"

int cmd_help(cli_ctx *ctx, int argc, char **argv)
{
	const cli_command *cmd = cli_find_command("help"), *which;
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
	if (!which)
		return cli_failf("'%s' is not a dialdiff command", argv[i]);
	cli_print_usage(stdout, which);
	return 0;
}
