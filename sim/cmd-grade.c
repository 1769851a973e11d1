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
#include <unistd.h>

#include "cmd.h"
#include "grade.h"
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
    .usage = N_("--lines [--scenario ID] | FILE…"),
    .summary = N_("批改：逐行批改回复（JSON 输出），或核验并登记学生的提交文件"),
    .help = N_("  --lines         从标准输入逐行读回复，每行输出一个 JSON 对象\n"
               "  --scenario ID   加上该情景自己的词条一起批改\n"
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

/* Room for k more bytes (and the NUL) in sb: the output of grade --lines
 * is appended piece by piece without a call per piece. */
static inline char *room(strbuf *sb, size_t k)
{
    if (sb->len + k + 1 > sb->cap) {
        sb->cap = 2 * (sb->len + k + 1);
        sb->buf = xrealloc(sb->buf, sb->cap);
    }
    return sb->buf + sb->len;
}

static inline void put(strbuf *sb, const char *s, size_t k)
{
    memcpy(room(sb, k), s, k);
    sb->len += k;
}

static inline void put_json(strbuf *sb, const char *s, size_t k)
{
    sb->len = (size_t)(u8_json_put(room(sb, U8_JSON_MAX(k)), s, k) - sb->buf);
}

/* The fixed parts of a finding's JSON, per lexicon entry: what comes
 * before the matched words ({"id":…,"category":…,"match":) and after them
 * (,"severity":N} or }), escaped once instead of on every line. */
typedef struct entry_json {
    char *pre, *post;          /* the two parts */
    size_t npre, npost;        /* their lengths */
} entry_json;

static entry_json *entry_json_new(const lexicon *lx)
{
    entry_json *ej = xcalloc(lx->n + 1, sizeof *ej);
    for (size_t i = 0; i < lx->n; i++) {
        const lex_entry *e = &lx->e[i];
        strbuf sb;
        sb_init(&sb);
        sb_adds(&sb, "{\"id\":");
        u8_json_add(&sb, e->id, strlen(e->id));
        if (e->kind == LEX_FORBIDDEN && e->category) {
            sb_adds(&sb, ",\"category\":");
            u8_json_add(&sb, e->category, strlen(e->category));
        }
        sb_adds(&sb, ",\"match\":");
        ej[i].npre = sb.len;
        ej[i].pre = sb_detach(&sb);
        ej[i].post = e->kind == LEX_FORBIDDEN ? xasprintf(",\"severity\":%d}", e->severity)
                                              : xstrdup("}");
        ej[i].npost = strlen(ej[i].post);
    }
    return ej;
}

static void entry_json_free(entry_json *ej, size_t n)
{
    for (size_t i = 0; ej && i < n; i++) {
        free(ej[i].pre);
        free(ej[i].post);
    }
    free(ej);
}

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
    /* Larger stdio buffers for files and pipes: a 100 MB corpus in 4 KiB
     * reads and writes (what stdio picks for a pipe) spends a fifth of its
     * time in system calls and waking the reader. A terminal keeps its
     * line buffering. Set before the first read or write; when setvbuf
     * fails the default buffers are used. */
    static char inbuf[1 << 16], outbuf[1 << 16];
    if (!isatty(STDIN_FILENO))
        setvbuf(stdin, inbuf, _IOFBF, sizeof inbuf);
    if (!isatty(STDOUT_FILENO))
        setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = EXIT_OK;
    /* The JSON of a line is written directly (fixed shape, byte for byte
     * what report_findings + json_dumps(JSON_COMPACT | JSON_PRESERVE_ORDER)
     * gives) and grading copies nothing: this loop is the hot path of
     * `make bench`. */
    strbuf out;
    sb_init(&out);
    entry_json *ej = entry_json_new(lx);
    strbuf step_json[STEP_COUNT]; /* each step id as a JSON string */
    for (int i = 0; i < STEP_COUNT; i++) {
        sb_init(&step_json[i]);
        u8_json_add(&step_json[i], step_ids[i], strlen(step_ids[i]));
    }
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        char *err = NULL;
        const grade_result *g = NULL;
        if (!(g = grade_scan_reply(lx, line, (size_t)n, &err)))
            rc = EXIT_FAIL;
        char num[24], *q = num + sizeof num;
        for (long v = lineno; q == num + sizeof num || v; v /= 10)
            *--q = (char)('0' + v % 10);
        out.len = 0;
        put(&out, "{\"line\":", 8);
        put(&out, q, (size_t)(num + sizeof num - q));
        put(&out, ",\"forbidden\":[", 14);
        for (int kind = LEX_FORBIDDEN; kind <= LEX_EMPATHY; kind++) {
            if (kind == LEX_EMPATHY)
                put(&out, "],\"empathy\":[", 13);
            int first = 1;
            for (size_t i = 0; g && i < g->nf; i++) {
                const finding *f = &g->f[i];
                if (f->entry->kind != (lex_kind)kind)
                    continue;
                const entry_json *e = &ej[f->entry - lx->e];
                if (!first)
                    put(&out, ",", 1);
                first = 0;
                put(&out, e->pre, e->npre);
                put_json(&out, line + f->byte_from, f->byte_to - f->byte_from);
                put(&out, e->post, e->npost);
            }
        }
        put(&out, "],\"steps\":[", 11);
        /* the steps detected, in step order: the set bits, lowest first */
        unsigned bits = g ? g->steps & ((1u << STEP_COUNT) - 1) : 0;
        for (int first = 1; bits; bits &= bits - 1, first = 0) {
            if (!first)
                put(&out, ",", 1);
            const strbuf *sj = &step_json[__builtin_ctz(bits)];
            put(&out, sj->buf, sj->len);
        }
        put(&out, "]", 1);
        if (err) {
            put(&out, ",\"error\":", 9);
            put_json(&out, err, strlen(err));
        }
        put(&out, "}\n", 2);
        out.buf[out.len] = '\0';
        fwrite(out.buf, 1, out.len, stdout);
        free(err);
    }
    sb_release(&out);
    entry_json_free(ej, lx->n);
    for (int i = 0; i < STEP_COUNT; i++)
        sb_release(&step_json[i]);
    free(line);
    lex_free(lx);
    return rc;
}
