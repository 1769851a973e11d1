/*
 * cmd-submit.c - `crmsim submit --student ID --out FILE`: the student's
 * finished exam sessions as one self-contained submission file.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "submission.h"
#include "util.h"

static int submit_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_submit_entry = {
    .name = "submit",
    .alias = NULL,
    .usage = "--student ID --out FILE",
    .summary = N_("交作业：把自己考完的会话写成一个提交文件"),
    .help = N_("  --student ID   学号\n"
               "  --out FILE     提交文件（JSON，格式见 course/SUBMISSIONS.md）\n"
               "例: crmsim submit --student s001 --out s001.crmsim.json\n"),
    .min_args = 0,
    .max_args = 0,
    .exec = submit_exec,
};

static int submit_exec(crm_ctx *ctx, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "student", required_argument, NULL, 's' },
        { "out", required_argument, NULL, 'o' },
        { NULL, 0, NULL, 0 },
    };
    const char *student = NULL, *out = NULL;
    int opt;
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (opt == 's')
            student = optarg;
        else if (opt == 'o')
            out = optarg;
        else
            return cmd_usage_error(&cmd_submit_entry, _("unknown option '%s'"), argv[optind - 1]);
    }
    if (cmd_check_args(&cmd_submit_entry, argc - optind) != 0)
        return EXIT_USAGE;
    if (!student || !out)
        return cmd_usage_error(&cmd_submit_entry, _("'submit' needs --student ID and --out FILE"));
    store *db;
    if (ctx_open_store(ctx, &db) < 0)
        return EXIT_FAIL;
    char *err = NULL;
    int n = 0;
    int rc = submission_write(db, student, CRMSIM_VERSION, out, &n, &err);
    store_close(db);
    if (rc < 0) {
        crm_error("%s", err);
        free(err);
        return EXIT_FAIL;
    }
    printf(_("wrote %d exam session(s) of %s to %s\n"), n, student, out);
    return EXIT_OK;
}
