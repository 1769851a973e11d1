/*
 * cmd-export.c - `crmsim export --format moodle|canvas|csv`: the class's
 * grades as a file a learning platform imports: one row per student with
 * the id exactly as the roster has it, a column per scenario (best score)
 * and per criterion (average %), and the total. The sessions that count
 * are those of `crmsim report` (the same filters). When a roster exists,
 * only its students are exported and the others are named on stderr.
 * Deliberately not here: the layouts (grading/gradebook.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classdata.h"
#include "cmd.h"
#include "gradebook.h"
#include "util.h"

static int export_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_export_entry = {
    .name = "export",
    .alias = NULL,
    .usage = N_("[--format moodle|canvas|csv] [--bom] [--out FILE] [--practice] [--scenario ID] [--class NAME]"),
    .summary = N_("导出成绩册（Moodle、Canvas 或 CSV），每个学生一行"),
    .help = N_("  --format F     moodle（Moodle「从 CSV 文件导入成绩」）、canvas（Canvas 成绩册导入）\n"
               "                 或 csv（默认）；每个情景一列（最好成绩），每个评分项一列（平均得分率 %），\n"
               "                 最后是 total（各情景最好成绩的平均，没有记录的情景按 0 分）\n"
               "  --bom          文件以 UTF-8 BOM 开头（用 Excel 打开时中文不乱码）\n"
               "  --out FILE     写到文件（默认输出到标准输出）\n"
               "  --practice、--scenario ID、--class NAME 与 crmsim report 相同\n"
               "  有名单（crmsim roster）时只导出名单上的学生。\n"
               "例: crmsim export --format moodle --bom --out grades.csv\n"),
    .min_args = 0,
    .max_args = 0,
    .exec = export_exec,
};

/* Names, on stderr, the students with sessions who are not on the roster. */
static void warn_unlisted(const crep *r)
{
    for (size_t i = 0; i < r->nst; i++)
        if (!r->st[i].enrolled && r->st[i].sessions > 0)
            fprintf(stderr, _("crmsim: student '%s' is not on the roster and was not exported "
                              "(add them with crmsim roster)\n"),
                    r->st[i].id);
}

static int export_exec(crm_ctx *ctx, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "format", required_argument, NULL, 'f' },
        { "bom", no_argument, NULL, 'b' },
        { "out", required_argument, NULL, 'o' },
        { "practice", no_argument, NULL, 'p' },
        { "scenario", required_argument, NULL, 's' },
        { "class", required_argument, NULL, 'c' },
        { NULL, 0, NULL, 0 },
    };
    store_filter f = { NULL, NULL, 0, 0 };
    gb_format fmt = GB_CSV;
    const char *out = NULL;
    int bom = 0, opt;
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        switch (opt) {
        case 'f':
            if (gb_format_parse(optarg, &fmt) < 0)
                return cmd_usage_error(&cmd_export_entry,
                                       _("unknown format '%s' (use moodle, canvas or csv)"), optarg);
            break;
        case 'b': bom = 1; break;
        case 'o': out = optarg; break;
        case 'p': f.practice = 1; break;
        case 's': f.scenario = optarg; break;
        case 'c': f.klass = optarg; break;
        case ':':
            return cmd_usage_error(&cmd_export_entry, _("'%s' needs a value"), argv[optind - 1]);
        default:
            return cmd_usage_error(&cmd_export_entry, _("unknown option '%s'"), argv[optind - 1]);
        }
    }
    if (cmd_check_args(&cmd_export_entry, argc - optind) != 0)
        return EXIT_USAGE;
    if (out && !*out)
        return cmd_usage_error(&cmd_export_entry, _("--out needs a file name"));

    crep r;
    if (classdata_load(ctx, &f, &r) < 0)
        return EXIT_FAIL;
    int roster = 0;
    for (size_t i = 0; i < r.nst; i++)
        roster |= r.st[i].enrolled;
    if (roster)
        warn_unlisted(&r);
    strbuf sb;
    sb_init(&sb);
    size_t rows = gb_write(&sb, &r, fmt, bom, roster);
    int rc = classdata_write(out, &sb) < 0 ? EXIT_FAIL : EXIT_OK;
    if (rc == EXIT_OK && out)
        printf(_("已导出 %zu 名学生、%zu 个情景到 %s。\n"), rows, r.nsc, out);
    sb_release(&sb);
    crep_release(&r);
    return rc;
}
