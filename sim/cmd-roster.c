/*
 * cmd-roster.c - `crmsim roster import FILE` and `crmsim roster list`: the
 * class list (学号, 姓名, 班级) that exam mode and grading check students
 * against. CSV is parsed with libcsv; a header row is recognised by its
 * column names (学号/姓名/班级 or id/name/class), otherwise the columns are
 * taken in that order. A file that is not UTF-8 (an Excel export in GBK) is
 * refused with a hint, and nothing is imported unless every row is valid.
 */
#include <csv.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "u8.h"
#include "util.h"

#define MAX_ROWS 100000

typedef struct row {
    char *f[3];    /* id, name, class */
    int line;      /* line in the file */
} row;

typedef struct reader {
    char **fields;    /* fields of the record being read */
    size_t nfields;   /* count */
    row *rows;        /* records, header excluded */
    size_t nrows;     /* count */
    int col[3];       /* column of id, name, class */
    int header_done;  /* first record handled */
    int line;         /* current record's line (approximate for multi-line fields) */
} reader;

static void on_field(void *data, size_t len, void *vr)
{
    reader *r = vr;
    r->fields = xrealloc(r->fields, (r->nfields + 1) * sizeof *r->fields);
    r->fields[r->nfields++] = xstrndup(data ? data : "", len);
}

static int header_col(const char *name)
{
    static const char *const names[3][5] = {
        { "学号", "學號", "id", "student id", "studentid" },
        { "姓名", "名字", "name", "full name", "fullname" },
        { "班级", "班級", "class", "section", "group" },
    };
    for (int c = 0; c < 3; c++)
        for (int k = 0; k < 5; k++)
            if (strcasecmp(name, names[c][k]) == 0)
                return c;
    return -1;
}

static void on_record(int term, void *vr)
{
    (void)term;
    reader *r = vr;
    r->line++;
    int empty = 1;
    for (size_t i = 0; i < r->nfields; i++)
        if (*r->fields[i])
            empty = 0;
    if (!r->header_done && !empty) {
        r->header_done = 1;
        int found = 0;
        int col[3] = { -1, -1, -1 };
        for (size_t i = 0; i < r->nfields && i < 64; i++) {
            int c = header_col(r->fields[i]);
            if (c >= 0 && col[c] < 0) {
                col[c] = (int)i;
                found++;
            }
        }
        if (found > 0 && col[0] >= 0) {
            memcpy(r->col, col, sizeof col);
            goto clear;
        }
    }
    if (!empty && r->nrows < MAX_ROWS) {
        row *w = &r->rows[r->nrows++];
        w->line = r->line;
        for (int c = 0; c < 3; c++)
            w->f[c] = xstrdup(r->col[c] >= 0 && (size_t)r->col[c] < r->nfields ? r->fields[r->col[c]] : "");
    }
clear:
    for (size_t i = 0; i < r->nfields; i++)
        free(r->fields[i]);
    r->nfields = 0;
}

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    size_t k = strspn(s, " \t");
    memmove(s, s + k, n - k + 1);
}

static int roster_import(crm_ctx *ctx, const char *path)
{
    char *buf = NULL, *err = NULL;
    size_t len;
    int rc = EXIT_FAIL;
    reader r = { NULL, 0, NULL, 0, { 0, 1, 2 }, 0, 0 };
    r.rows = xcalloc(MAX_ROWS, sizeof *r.rows);
    struct csv_parser p;
    store *db = NULL;
    store_student *sts = NULL;
    if (read_file(path, &buf, &len, &err) < 0) {
        crm_error("%s", err);
        goto done;
    }
    size_t bad, off = 0;
    if (u8_validate(buf, len, &bad) < 0) {
        crm_error(_("'%s' is not UTF-8 text (byte %zu); in Excel save it as \"CSV UTF-8\""), path, bad + 1);
        goto done;
    }
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        off = 3; /* Excel's byte order mark */
    if (csv_init(&p, CSV_APPEND_NULL) != 0) {
        crm_error(_("cannot start the CSV reader"));
        goto done;
    }
    csv_parse(&p, buf + off, len - off, on_field, on_record, &r);
    csv_fini(&p, on_field, on_record, &r);
    int perr = csv_error(&p);
    csv_free(&p);
    for (size_t i = 0; i < r.nfields; i++)
        free(r.fields[i]);
    if (perr != CSV_SUCCESS) {
        crm_error(_("'%s': %s"), path, csv_strerror(perr));
        goto done;
    }
    if (r.nrows == MAX_ROWS) {
        crm_error(_("'%s' has more than %d students"), path, MAX_ROWS);
        goto done;
    }
    if (r.nrows == 0) {
        crm_error(_("'%s' lists no students (columns: 学号, 姓名, 班级)"), path);
        goto done;
    }
    int problems = 0;
    for (size_t i = 0; i < r.nrows; i++) {
        for (int c = 0; c < 3; c++)
            trim(r.rows[i].f[c]);
        const char *id = r.rows[i].f[0];
        int ok = *id && strlen(id) <= 64;
        for (const unsigned char *q = (const unsigned char *)id; *q && ok; q++)
            ok = *q > 0x20 && *q != 0x7F;
        if (!ok) {
            fprintf(stderr, _("%s:%d: student id '%s' must be 1-64 printable characters without spaces\n"),
                    path, r.rows[i].line, id);
            problems++;
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(r.rows[j].f[0], id) == 0) {
                fprintf(stderr, _("%s:%d: student id '%s' is listed again (first on line %d)\n"), path,
                        r.rows[i].line, id, r.rows[j].line);
                problems++;
                break;
            }
    }
    if (problems) {
        crm_error(_("nothing imported: %d problem(s) in '%s'"), problems, path);
        goto done;
    }
    if (ctx_open_instructor(ctx, &db, N_("import the roster")) < 0)
        goto done;
    sts = xcalloc(r.nrows, sizeof *sts);
    for (size_t i = 0; i < r.nrows; i++)
        sts[i] = (store_student){ r.rows[i].f[0], r.rows[i].f[1], r.rows[i].f[2] };
    int added, updated;
    if (store_roster_import(db, sts, r.nrows, &added, &updated, &err) < 0) {
        crm_error("%s", err);
        goto done;
    }
    printf(_("imported %zu students from %s: %d new, %d updated\n"), r.nrows, path, added, updated);
    rc = EXIT_OK;
done:
    for (size_t i = 0; i < r.nrows; i++)
        for (int c = 0; c < 3; c++)
            free(r.rows[i].f[c]);
    free(r.rows);
    free(r.fields);
    free(sts);
    free(buf);
    free(err);
    store_close(db);
    return rc;
}

static int print_student(const store_student *st, void *ctx)
{
    int *n = ctx;
    if ((*n)++ == 0)
        printf("%-16s %-12s %s\n", _("学号"), _("姓名"), _("班级"));
    printf("%-16s %-12s %s\n", st->id, st->name ? st->name : "", st->klass ? st->klass : "");
    return 0;
}

static int roster_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_roster_entry = {
    .name = "roster",
    .alias = NULL,
    .usage = "import FILE.csv | list [--class NAME]",
    .summary = N_("班级名单：从 CSV（学号, 姓名, 班级）导入，或列出"),
    .help = N_("  import FILE.csv   导入或更新名单（UTF-8；有标题行时按列名识别）\n"
               "  list [--class N]  列出名单\n"
               "考试模式只接受名单上的学号。\n"
               "例: crmsim roster import class-2026.csv\n"),
    .min_args = 1,
    .max_args = 3,
    .exec = roster_exec,
};

static int roster_exec(crm_ctx *ctx, int argc, char **argv)
{
    if (argc < 2)
        return cmd_usage_error(&cmd_roster_entry, _("'roster' needs 'import FILE' or 'list'"));
    if (strcmp(argv[1], "import") == 0) {
        if (argc != 3)
            return cmd_usage_error(&cmd_roster_entry, _("'roster import' needs one CSV file"));
        return roster_import(ctx, argv[2]);
    }
    if (strcmp(argv[1], "list") == 0) {
        const char *klass = NULL;
        if (argc == 3 && strncmp(argv[2], "--class=", 8) == 0)
            klass = argv[2] + 8;
        else if (argc == 3)
            return cmd_usage_error(&cmd_roster_entry, _("unknown option '%s'"), argv[2]);
        store *db;
        if (ctx_open_store(ctx, &db) < 0)
            return EXIT_FAIL;
        int n = 0;
        char *err = NULL;
        int rc = store_roster(db, klass, print_student, &n, &err);
        store_close(db);
        if (rc < 0) {
            crm_error("%s", err);
            free(err);
            return EXIT_FAIL;
        }
        if (n == 0)
            printf(_("the roster is empty (crmsim roster import FILE.csv)\n"));
        return EXIT_OK;
    }
    return cmd_usage_error(&cmd_roster_entry, _("unknown roster action '%s'"), argv[1]);
}
