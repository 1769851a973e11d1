/*
 * cmd-check.c - `crmsim check FILE…`: lints scenario files; every problem
 * as FILE:LINE: message; exit 1 when there is any.
 */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "cmd.h"
#include "scenario.h"
#include "util.h"

static int check_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_check_entry = {
    .name = "check",
    .alias = NULL,
    .usage = N_("FILE|ID…"),
    .summary = N_("检查情景文件（不试玩）：语法、必填字段、步骤、词条、结局、自测"),
    .help = N_("  每个问题一行：文件:行号: 说明。有问题时退出码为 1。\n"
               "例: crmsim check scenarios/*.lua\n"),
    .min_args = 1,
    .max_args = -1,
    .exec = check_exec,
};

static int check_exec(crm_ctx *ctx, int argc, char **argv)
{
    if (cmd_check_args(&cmd_check_entry, argc - 1) != 0)
        return EXIT_USAGE;
    int total = 0, files = 0;
    for (int i = 1; i < argc; i++) {
        char *path = NULL, *err = NULL;
        if (scn_resolve(ctx->home, argv[i], &path, &err) < 0) {
            printf("%s: %s\n", argv[i], err);
            total++;
            files++;
        } else {
            int n = check_file(ctx->home, path, stdout);
            total += n;
            files += n > 0;
        }
        free(err);
        free(path);
    }
    if (total) {
        char *np = xasprintf(ngettext("%d problem", "%d problems", (unsigned long)total), total);
        char *nf = xasprintf(ngettext("%d file", "%d files", (unsigned long)files), files);
        /* TRANSLATORS: "13 problems" in "1 file". */
        crm_error(_("%s in %s"), np, nf);
        free(np);
        free(nf);
        return EXIT_FAIL;
    }
    return EXIT_OK;
}
