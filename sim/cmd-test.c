/*
 * cmd-test.c - `crmsim test [ID|FILE…]`: runs scenarios' self-tests (all
 * scenarios when none is named) and ends with "N passed, N failed".
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "scenario.h"
#include "selftest.h"
#include "util.h"

static int test_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_test_entry = {
    .name = "test",
    .alias = NULL,
    .usage = N_("[ID|FILE…]"),
    .summary = N_("运行情景的自测（脚本对话与随机对话），给出不一致之处"),
    .help = N_("  不带参数时测试所有情景；失败时列出期望与实际的差别和整段对话。\n"
               "例: crmsim test bank-card\n"
               "    crmsim test ./my-scenario.lua\n"),
    .min_args = 0,
    .max_args = -1,
    .exec = test_exec,
};

static int test_exec(crm_ctx *ctx, int argc, char **argv)
{
    course crs;
    if (ctx_load_course(ctx, &crs) < 0)
        return EXIT_FAIL;
    size_t n = 0;
    char **names = NULL;
    if (argc > 1) {
        for (int i = 1; i < argc; i++) {
            if (argv[i][0] == '-') {
                course_release(&crs);
                return cmd_usage_error(&cmd_test_entry, _("unknown option '%s'"), argv[i]);
            }
        }
        n = (size_t)argc - 1;
        names = xcalloc(n, sizeof *names);
        for (size_t i = 0; i < n; i++)
            names[i] = xstrdup(argv[i + 1]);
    } else {
        names = scn_ids(ctx->home, &n);
    }
    selftest_counts c = { 0, 0 };
    for (size_t i = 0; i < n; i++) {
        char *path = NULL, *err = NULL;
        if (scn_resolve(ctx->home, names[i], &path, &err) < 0 ||
            selftest_run(ctx->home, path, &crs, stdout, ctx->color, &c, &err) < 0) {
            printf("FAIL %s\n      %s\n", names[i], err); /* FAIL: see selftest.c mark() */
            c.failed++;
        }
        fflush(stdout);
        free(err);
        free(path);
        free(names[i]);
    }
    free(names);
    course_release(&crs);
    /* Not translated: tests/run and scripts read this line. */
    printf("%d passed, %d failed\n", c.passed, c.failed);
    return c.failed ? EXIT_FAIL : EXIT_OK;
}
