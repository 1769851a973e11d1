/*
 * cmd-list.c - `crmsim list`: the scenarios, one per line, id first.
 * A scenario that fails to load is reported on stderr (FILE:LINE) and the
 * others are still listed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "scenario.h"
#include "util.h"

static const char *kind_label(const char *kind)
{
    static const char *const map[][2] = {
        { "angry", "愤怒投诉" }, { "churn", "流失风险" }, { "vip", "VIP" },
        { "wrong", "客户理解有误" }, { "prospect", "潜在客户" }, { "loyalty", "忠诚客户" },
        { "special", "特殊状况" },
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(map[i][0], kind) == 0)
            return map[i][1];
    return kind;
}

static int list_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_list_entry = {
    .name = "list",
    .alias = "ls",
    .usage = "",
    .summary = "列出所有情景（每行一个，id 在前）",
    .help = "例: crmsim list\n",
    .min_args = 0,
    .max_args = 0,
    .exec = list_exec,
};

static int list_exec(crm_ctx *ctx, int argc, char **argv)
{
    (void)argv;
    if (cmd_check_args(&cmd_list_entry, argc - 1) != 0)
        return EXIT_USAGE;
    size_t n;
    char **ids = scn_ids(ctx->home, &n);
    int ok = 0;
    for (size_t i = 0; i < n; i++) {
        char *path = xasprintf("%s/scenarios/%s.lua", ctx->home, ids[i]);
        scenario *s = NULL;
        char *err = NULL;
        if (scn_load(ctx->home, path, 0, &s, &err) < 0) {
            crm_error("%s", err);
            free(err);
        } else {
            printf("%-18s 第%d章  %-8s  %s\n", s->id, s->chapter, kind_label(s->kind), s->title);
            ok++;
            scn_free(s);
        }
        free(path);
        free(ids[i]);
    }
    free(ids);
    if (n == 0)
        return crm_error("no scenarios found in '%s/scenarios'", ctx->home), EXIT_FAIL;
    return ok == (int)n ? EXIT_OK : EXIT_FAIL;
}
