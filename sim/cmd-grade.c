/*
 * cmd-grade.c - `crmsim grade`: with --lines, grades one reply per stdin
 * line and writes one JSON object per line, in order (the contract of
 * DESIGN.md: line, forbidden[{id,category,match}], empathy[{id,match}],
 * steps[]; a line that is not acceptable text gets an "error" key and empty
 * lists; the engine is gradelines.c); with files, verifies submissions.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "grade.h"
#include "gradelines.h"
#include "report.h"
#include "scenario.h"
#include "steps.h"
#include "submission.h"
#include "u8.h"
#include "util.h"

static int grade_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_grade_entry = {
    .name = "grade",
    .alias = NULL,
    .usage = N_("--lines [--scenario ID] [--jobs N] | FILE…"),
    .summary = N_("批改：逐行批改回复（JSON 输出），或核验并登记学生的提交文件"),
    .help = N_("  --lines         从标准输入逐行读回复，每行输出一个 JSON 对象\n"
               "  --scenario ID   加上该情景自己的词条一起批改\n"
               "  --jobs N        用 N 个线程批改（默认：本机可用的处理器数）；输出顺序不变\n"
               "  FILE…           核验提交文件：用老师自己的情景和词库重放每个会话，\n"
               "                  每句客户的话和每条批改结果都必须一致；通过的记入班级数据库\n"
               "例: printf '这不归我管\\n我马上帮您查\\n' | crmsim grade --lines\n"
               "    crmsim grade submissions/*.json\n"),
    .min_args = 0,
    .max_args = -1,
    .exec = grade_exec,
};

/* `grade FILE…`: verify submissions and store the accepted ones. */
static int grade_files(crm_ctx *ctx, int n, char **files)
{
    course crs;
    store *db;
    if (ctx_load_course(ctx, &crs) < 0)
        return EXIT_FAIL;
    if (!course_exam_key(&crs)) {
        course_release(&crs);
        return crm_error(_("no exam key is set (set CRMSIM_EXAM_KEY to the key used for the exam)")), EXIT_FAIL;
    }
    if (ctx_open_instructor(ctx, &db, N_("grade submissions")) < 0) {
        course_release(&crs);
        return EXIT_FAIL;
    }
    submission_result res;
    submission_grade(ctx->home, &crs, db, files, n, stdout, &res);
    printf(_("%d accepted, %d rejected; %d session(s) stored\n"), res.accepted, res.rejected, res.sessions);
    store_close(db);
    course_release(&crs);
    return res.rejected ? EXIT_FAIL : EXIT_OK;
}

static int grade_exec(crm_ctx *ctx, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "lines", no_argument, NULL, 'l' },
        { "scenario", required_argument, NULL, 's' },
        { "jobs", required_argument, NULL, 'j' },
        { NULL, 0, NULL, 0 },
    };
    int lines = 0, jobs = 0, opt;
    const char *scn = NULL;
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (opt == 'l')
            lines = 1;
        else if (opt == 's')
            scn = optarg;
        else if (opt == 'j') {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (!*optarg || *end || v < 1 || v > GL_MAX_JOBS)
                return cmd_usage_error(&cmd_grade_entry, _("--jobs needs a number of threads from 1 to %d"),
                                       GL_MAX_JOBS);
            jobs = (int)v;
        } else
            return cmd_usage_error(&cmd_grade_entry, _("unknown option '%s'"), argv[optind - 1]);
    }
    if (cmd_check_args(&cmd_grade_entry, argc - optind) != 0)
        return EXIT_USAGE;
    if (!lines && argc - optind == 0)
        return cmd_usage_error(&cmd_grade_entry, _("'grade' needs --lines or submission files"));
    if (lines && argc - optind > 0)
        return cmd_usage_error(&cmd_grade_entry, _("'grade --lines' reads stdin and takes no files"));
    if (!lines)
        return grade_files(ctx, argc - optind, argv + optind);
    lexicon *lx = NULL;
    if (scn) {
        char *path = NULL, *err = NULL;
        scenario *s = NULL;
        int bad = scn_resolve(ctx->home, scn, &path, &err) < 0 ||
                  scn_load(ctx->home, path, 0, &s, &err) < 0 ||
                  scn_lexicon(ctx->home, s, &lx, &err) < 0;
        if (bad)
            crm_error("%s", err);
        free(err);
        free(path);
        scn_free(s);
        if (bad)
            return EXIT_FAIL;
    } else if (ctx_load_lexicon(ctx, &lx) < 0) {
        return EXIT_FAIL;
    }
    /* Nothing else goes to stdout; gradelines writes to its descriptor. */
    fflush(stdout);
    char *err = NULL;
    int rc = gradelines_run(lx, STDIN_FILENO, STDOUT_FILENO, jobs, &err);
    if (rc < 0)
        crm_error("%s", err);
    free(err);
    lex_free(lx);
    return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
