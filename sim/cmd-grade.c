/*
 * cmd-grade.c - `crmsim grade --lines`: grades one reply per stdin line and
 * writes one JSON object per line, in order (the contract of DESIGN.md:
 * line, forbidden[{id,category,match}], empathy[{id,match}], steps[]).
 * A line that is not acceptable text gets an "error" key and empty lists.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "grade.h"
#include "report.h"
#include "scenario.h"
#include "u8.h"
#include "util.h"

static int grade_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_grade_entry = {
    .name = "grade",
    .alias = NULL,
    .usage = N_("--lines [--scenario ID]"),
    .summary = N_("批改：逐行读入回复，每行输出一个 JSON 结果"),
    .help = N_("  --lines         从标准输入逐行读回复，每行输出一个 JSON 对象\n"
               "  --scenario ID   加上该情景自己的词条一起批改\n"
               "例: printf '这不归我管\\n我马上帮您查\\n' | crmsim grade --lines\n"),
    .min_args = 0,
    .max_args = 0,
    .exec = grade_exec,
};

static int grade_exec(crm_ctx *ctx, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "lines", no_argument, NULL, 'l' },
        { "scenario", required_argument, NULL, 's' },
        { NULL, 0, NULL, 0 },
    };
    int lines = 0, opt;
    const char *scn = NULL;
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (opt == 'l')
            lines = 1;
        else if (opt == 's')
            scn = optarg;
        else
            return cmd_usage_error(&cmd_grade_entry, _("unknown option '%s'"), argv[optind - 1]);
    }
    if (cmd_check_args(&cmd_grade_entry, argc - optind) != 0)
        return EXIT_USAGE;
    if (!lines)
        return cmd_usage_error(&cmd_grade_entry,
                               _("'grade' needs --lines (grading submission files is not available yet)"));
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
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = EXIT_OK;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        json_t *o = json_object();
        json_object_set_new(o, "line", json_integer(lineno));
        char *err = NULL;
        grade_result g;
        if (u8_check_reply(line, (size_t)n, &err) < 0 ||
            grade_text(lx, line, (size_t)n, &g, &err) < 0) {
            grade_result empty = { 0 };
            report_findings(o, &empty);
            json_object_set_new(o, "error", json_string(err));
            free(err);
            rc = EXIT_FAIL;
        } else {
            report_findings(o, &g);
            grade_result_release(&g);
        }
        char *txt = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
        puts(txt);
        free(txt);
        json_decref(o);
    }
    free(line);
    lex_free(lx);
    return rc;
}
