/*
 * cmd-history.c - `crmsim history`: stored sessions with their scores,
 * newest first, optionally for one student.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "u8.h"
#include "util.h"

static int history_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_history_entry = {
    .name = "history",
    .alias = "h",
    .usage = N_("[--student ID] [--limit N]"),
    .summary = N_("查看练习记录和成绩"),
    .help = N_("  --student ID   只看这个学号\n"
               "  --limit N      最多显示 N 条（默认 50）\n"
               "例: crmsim history --student s001\n"),
    .min_args = 0,
    .max_args = 0,
    .exec = history_exec,
};

/* Prints s padded with spaces to `cols` terminal columns. */
static void cell(const char *s, size_t cols)
{
    size_t w = u8_width(s);
    fputs(s, stdout);
    for (; w < cols; w++)
        putchar(' ');
    putchar(' ');
}

static int print_row(const store_session *s, void *ctx)
{
    int *count = ctx;
    if ((*count)++ == 0) {
        cell(_("编号"), 5), cell(_("开始时间"), 20), cell(_("学号"), 12), cell(_("情景"), 16);
        cell(_("结果"), 10), cell(_("分数"), 4), puts(_("轮数"));
    }
    char id[32], score[16];
    snprintf(id, sizeof id, "%lld", (long long)s->id);
    if (s->score >= 0)
        snprintf(score, sizeof score, "%d", s->score);
    else
        snprintf(score, sizeof score, "-");
    cell(id, 5), cell(s->started, 20), cell(s->student, 12), cell(s->scenario, 16);
    cell(s->outcome ? s->outcome : _("(进行中)"), 10), cell(score, 4);
    printf("%d\n", s->turns);
    return 0;
}

static int history_exec(crm_ctx *ctx, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "student", required_argument, NULL, 's' },
        { "limit", required_argument, NULL, 'n' },
        { NULL, 0, NULL, 0 },
    };
    const char *student = NULL;
    int limit = 50, opt;
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (opt == 's') {
            student = optarg;
        } else if (opt == 'n') {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > 100000)
                return cmd_usage_error(&cmd_history_entry, _("--limit needs a number from 1 to 100000"));
            limit = (int)v;
        } else {
            return cmd_usage_error(&cmd_history_entry, _("unknown option '%s'"), argv[optind - 1]);
        }
    }
    if (cmd_check_args(&cmd_history_entry, argc - optind) != 0)
        return EXIT_USAGE;
    store *db;
    if (ctx_open_store(ctx, &db) < 0)
        return EXIT_FAIL;
    int count = 0;
    char *err = NULL;
    int rc = store_sessions(db, student, limit, print_row, &count, &err);
    store_close(db);
    if (rc < 0) {
        crm_error("%s", err);
        free(err);
        return EXIT_FAIL;
    }
    if (count == 0)
        printf(student ? _("学号 %s 还没有练习记录。\n") : _("还没有练习记录。%s\n"), student ? student : "");
    return EXIT_OK;
}
