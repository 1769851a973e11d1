/*
 * cmd-help.c - `crmsim help [COMMAND]`: usage generated from the table.
 */
#include <stdio.h>

#include "cmd.h"
#include "util.h"

static int help_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_help_entry = {
    .name = "help",
    .alias = NULL,
    .usage = N_("[COMMAND]"),
    .summary = N_("显示帮助"),
    .help = N_("例: crmsim help play\n"),
    .min_args = 0,
    .max_args = 1,
    .exec = help_exec,
};

static int help_exec(crm_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    if (cmd_check_args(&cmd_help_entry, argc - 1) != 0)
        return EXIT_USAGE;
    if (argc == 2) {
        const struct crm_cmd *c = cmd_find(argv[1]);
        if (!c)
            return EXIT_USAGE;
        cmd_usage(stdout, c);
        return EXIT_OK;
    }
    cmd_list_all(stdout);
    return EXIT_OK;
}
