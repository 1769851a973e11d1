/*
 * cmd.c - the command table, unique-prefix lookup, generated usage, and
 * the loaders commands share (store, lexicons, course).
 */
#include "cmd.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

extern const struct crm_cmd cmd_play_entry, cmd_list_entry, cmd_grade_entry,
    cmd_history_entry, cmd_help_entry, cmd_test_entry, cmd_check_entry,
    cmd_replay_entry, cmd_regrade_entry, cmd_course_entry, cmd_roster_entry, cmd_submit_entry,
    cmd_report_entry, cmd_export_entry, cmd_db_entry;

const struct crm_cmd *const crm_cmds[] = {
    &cmd_play_entry, &cmd_list_entry, &cmd_course_entry, &cmd_grade_entry, &cmd_history_entry,
    &cmd_replay_entry, &cmd_regrade_entry, &cmd_check_entry, &cmd_test_entry,
    &cmd_roster_entry, &cmd_submit_entry, &cmd_report_entry, &cmd_export_entry, &cmd_db_entry,
    &cmd_help_entry, NULL,
};

const struct crm_cmd *cmd_find(const char *name)
{
    const struct crm_cmd *found = NULL;
    int nmatch = 0;
    size_t nl = strlen(name);
    for (const struct crm_cmd *const *c = crm_cmds; *c; c++) {
        if (strcmp((*c)->name, name) == 0 || ((*c)->alias && strcmp((*c)->alias, name) == 0))
            return *c;
        if (strncmp((*c)->name, name, nl) == 0) {
            found = *c;
            nmatch++;
        }
    }
    if (nmatch == 1)
        return found;
    if (nmatch > 1) {
        strbuf sb;
        sb_init(&sb);
        for (const struct crm_cmd *const *c = crm_cmds; *c; c++)
            if (strncmp((*c)->name, name, nl) == 0)
                sb_addf(&sb, "%s%s", sb.len ? ", " : "", (*c)->name);
        crm_error(_("ambiguous command '%s', could be: %s"), name, sb.buf);
        sb_release(&sb);
        return NULL;
    }
    crm_error(_("unknown command '%s' (see 'crmsim help')"), name);
    return NULL;
}

/* The table's texts are marked with N_() and translated here; "" stays ""
 * (gettext("") would return the catalog header). */
static const char *tr(const char *s)
{
    return s && *s ? _(s) : s;
}

void cmd_usage(FILE *out, const struct crm_cmd *c)
{
    const char *usage = tr(c->usage);
    fprintf(out, _("用法: crmsim [--db PATH] %s%s%s\n"), c->name, *usage ? " " : "", usage);
    fprintf(out, "  %s\n", tr(c->summary));
    if (c->help)
        fputs(tr(c->help), out);
}

void cmd_list_all(FILE *out)
{
    fputs(_("用法: crmsim [--db PATH] [--lang LANG] COMMAND [ARGS]\n\n命令:\n"), out);
    for (const struct crm_cmd *const *c = crm_cmds; *c; c++)
        fprintf(out, "  %-8s %s\n", (*c)->name, tr((*c)->summary));
    fputs(_("\n全局选项:\n"
            "  --db PATH   数据库：SQLite 文件或 postgresql:// 地址（也可用环境变量 CRMSIM_DB；\n"
            "              默认 ~/.local/share/crmsim/crmsim.db）\n"
            "  --lang LANG 界面语言：zh_CN 简体中文（默认）、zh_TW 繁體中文、en English\n"
            "              （也可用环境变量 CRMSIM_LANG；都没有时按 LANGUAGE、LC_ALL、LC_MESSAGES、LANG 选择）\n"
            "  --help      显示帮助；每个命令都支持 --help，例如 crmsim play --help\n"), out);
}

int cmd_usage_error(const struct crm_cmd *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *m = xvasprintf(fmt, ap);
    va_end(ap);
    crm_error("%s", m);
    free(m);
    cmd_usage(stderr, c);
    return EXIT_USAGE;
}

int cmd_check_args(const struct crm_cmd *c, int npos)
{
    if (npos < c->min_args)
        return cmd_usage_error(c, _("'%s' needs %s"), c->name, tr(c->usage));
    if (c->max_args >= 0 && npos > c->max_args)
        return cmd_usage_error(c, _("too many arguments for '%s'"), c->name);
    return 0;
}

/* mkdir -p for the directory part of path. */
static int make_parent(const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    int rc = 0;
    if (slash && slash != dir) {
        *slash = '\0';
        for (char *p = dir + 1; *p; p++) {
            if (*p != '/')
                continue;
            *p = '\0';
            if (mkdir(dir, 0700) < 0 && errno != EEXIST)
                rc = -1;
            *p = '/';
        }
        if (mkdir(dir, 0700) < 0 && errno != EEXIST)
            rc = crm_error(_("cannot create directory '%s': %s"), dir, strerror(errno));
    }
    free(dir);
    return rc;
}

int ctx_open_store(crm_ctx *ctx, store **db)
{
    char *err = NULL;
    if (!store_is_url(ctx->db_path) && make_parent(ctx->db_path) < 0)
        return -1;
    if (store_open(ctx->db_path, db, &err) < 0) {
        crm_error("%s", err);
        free(err);
        return -1;
    }
    return 0;
}

int ctx_open_instructor(crm_ctx *ctx, store **db, const char *what)
{
    char *err = NULL, *who = NULL;
    if (ctx_open_store(ctx, db) < 0)
        return -1;
    int yes = store_can_instruct(*db, &who, &err);
    if (yes < 0) {
        crm_error("%s", err);
        free(err);
    } else if (!yes) {
        crm_error(_("only the instructor may %s: the database role '%s' on '%s' is a "
                    "student's, which adds and reads only its own sessions"),
                  _(what), who, store_where(*db));
    }
    free(who);
    if (yes <= 0) {
        store_close(*db);
        *db = NULL;
        return -1;
    }
    return 0;
}

int ctx_load_lexicon(crm_ctx *ctx, lexicon **lx)
{
    char *err = NULL;
    char *dir = xasprintf("%s/grading/lexicons", ctx->home);
    int rc = lex_load_dir(dir, lx, &err);
    free(dir);
    if (rc < 0) {
        crm_error("%s", err);
        free(err);
    }
    return rc;
}

int ctx_load_course(crm_ctx *ctx, course *c)
{
    char *err = NULL;
    if (course_load(ctx->home, c, &err) < 0) {
        crm_error("%s", err);
        free(err);
        return -1;
    }
    return 0;
}
