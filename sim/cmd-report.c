/*
 * cmd-report.c - `crmsim report`: the class at a glance for the
 * instructor. By default the ended exam sessions count (--practice adds
 * practice ones; --scenario and --class filter); per student and scenario
 * the best score counts. Printed as terminal tables, or --csv (one table),
 * --json, or --html FILE (one self-contained page with charts).
 * Deliberately not here: the arithmetic (grading/classreport.c) and the
 * layouts (grading/classreport_out.c, grading/report_html.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "classdata.h"
#include "classreport_out.h"
#include "cmd.h"
#include "report_html.h"
#include "util.h"

static int report_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_report_entry = {
    .name = "report",
    .alias = NULL,
    .usage = N_("[--practice] [--scenario ID] [--class NAME] [--csv [--table T] | --json | --html FILE]"),
    .summary = N_("班级报告：每个学生、每个情景、每个评分项，常见禁忌语，步骤遗漏"),
    .help = N_("  默认计入已结束的考试会话（不含出错的）；每个学生在每个情景取最好成绩。\n"
               "  名单上（crmsim roster）没有记录的学生也列出，格子为空。\n"
               "  --practice     也计入练习会话\n"
               "  --scenario ID  只看这个情景\n"
               "  --class NAME   只看这个班级的学生\n"
               "  --csv          输出一张 CSV 表（RFC 4180）；--table 选表：\n"
               "                 scores（默认，每个学生每个情景一行）、phrases（禁忌语）、steps（步骤遗漏）\n"
               "  --json         输出 JSON（全部内容）\n"
               "  --html FILE    写一个独立的 HTML 页面（图表和表格，可直接打印）\n"
               "例: crmsim report --class 营销1班 --html report.html\n"),
    .min_args = 0,
    .max_args = 0,
    .exec = report_exec,
};

/* The local time for the page's footer. */
static void now_text(char buf[64])
{
    time_t t = time(NULL);
    struct tm tm;
    if (t == (time_t)-1 || !localtime_r(&t, &tm) || !strftime(buf, 64, "%Y-%m-%d %H:%M", &tm))
        snprintf(buf, 64, "?");
}

static int report_exec(crm_ctx *ctx, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "practice", no_argument, NULL, 'p' },
        { "scenario", required_argument, NULL, 's' },
        { "class", required_argument, NULL, 'c' },
        { "csv", no_argument, NULL, 'v' },
        { "table", required_argument, NULL, 't' },
        { "json", no_argument, NULL, 'j' },
        { "html", required_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    store_filter f = { NULL, NULL, 0, 0 };
    const char *table = NULL, *html = NULL;
    int csv = 0, json = 0, opt;
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        switch (opt) {
        case 'p': f.practice = 1; break;
        case 's': f.scenario = optarg; break;
        case 'c': f.klass = optarg; break;
        case 'v': csv = 1; break;
        case 't': table = optarg; break;
        case 'j': json = 1; break;
        case 'h': html = optarg; break;
        case ':':
            return cmd_usage_error(&cmd_report_entry, _("'%s' needs a value"), argv[optind - 1]);
        default:
            return cmd_usage_error(&cmd_report_entry, _("unknown option '%s'"), argv[optind - 1]);
        }
    }
    if (cmd_check_args(&cmd_report_entry, argc - optind) != 0)
        return EXIT_USAGE;
    if (csv + json + (html != NULL) > 1)
        return cmd_usage_error(&cmd_report_entry, _("choose one of --csv, --json and --html"));
    if (table && !csv)
        return cmd_usage_error(&cmd_report_entry, _("--table goes with --csv"));
    if (table && strcmp(table, "scores") != 0 && strcmp(table, "phrases") != 0 &&
        strcmp(table, "steps") != 0)
        return cmd_usage_error(&cmd_report_entry,
                               _("unknown table '%s' (use scores, phrases or steps)"), table);
    if (html && !*html)
        return cmd_usage_error(&cmd_report_entry, _("--html needs a file name"));

    crep r;
    if (classdata_load(ctx, &f, &r) < 0)
        return EXIT_FAIL;
    strbuf sb;
    sb_init(&sb);
    int rc = EXIT_OK;
    if (csv) {
        crep_write_csv(&sb, &r, table);
    } else if (json) {
        json_t *o = crep_to_json(&r);
        char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
        sb_adds(&sb, s);
        sb_add(&sb, "\n", 1);
        free(s);
        json_decref(o);
    } else if (html) {
        char when[64];
        now_text(when);
        /* TRANSLATORS: the HTML lang attribute of the class report page:
         * a BCP 47 tag for the language you translate into. */
        report_html(&sb, &r, _("zh-CN"), when);
    } else {
        crep_write_text(&sb, &r, ctx->color);
    }
    if (classdata_write(html, &sb) < 0)
        rc = EXIT_FAIL;
    else if (html)
        printf(_("班级报告已写入 %s（%d 次会话，%zu 名学生）。\n"), html, r.sessions, r.nst);
    sb_release(&sb);
    crep_release(&r);
    return rc;
}
