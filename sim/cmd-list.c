/*
 * cmd-list.c - `crmsim list`: the scenarios, one per line, id first.
 * A scenario that fails to load is reported on stderr (FILE:LINE) and the
 * others are still listed. What a scenario that loaded cleanly before
 * shows comes from the index cache (scnindex.c) while its bytes are the
 * same, instead of running every file in a sandbox again.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "scenario.h"
#include "scnindex.h"
#include "u8.h"
#include "util.h"

static const char *const kinds[][2] = {
    { "angry", N_("愤怒投诉") }, { "churn", N_("流失风险") }, { "vip", N_("VIP") },
    { "wrong", N_("客户理解有误") }, { "prospect", N_("潜在客户") }, { "loyalty", N_("忠诚客户") },
    { "special", N_("特殊状况") },
};
#define NKINDS (sizeof kinds / sizeof *kinds)

/* The label of a kind in the interface language; NULL if unknown. */
static const char *kind_label(const char *kind)
{
    for (size_t i = 0; i < NKINDS; i++)
        if (strcmp(kinds[i][0], kind) == 0)
            return _(kinds[i][1]);
    return NULL;
}

/* The kind label padded to the widest label's columns (CJK is two wide). */
static const char *pad_kind(const char *kind)
{
    static char buf[128];
    size_t widest = 0;
    for (size_t i = 0; i < NKINDS; i++) {
        size_t w = u8_width(_(kinds[i][1]));
        widest = w > widest ? w : widest;
    }
    const char *l = kind_label(kind);
    if (!l)
        l = kind;
    size_t w = u8_width(l);
    snprintf(buf, sizeof buf, "%s%*s", l, w < widest ? (int)(widest - w) : 0, "");
    return buf;
}

static int list_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_list_entry = {
    .name = "list",
    .alias = "ls",
    .usage = N_("[--chapter N] [--kind KIND]"),
    .summary = N_("列出情景（每行一个，id 在前），可按章节和类型筛选"),
    .help = N_("  --chapter N    只列第 N 章的情景\n"
               "  --kind KIND    只列这一类：angry churn vip wrong prospect loyalty special\n"
               "例: crmsim list --chapter 5\n"
               "    crmsim list --kind vip\n"),
    .min_args = 0,
    .max_args = 0,
    .exec = list_exec,
};

static int list_exec(crm_ctx *ctx, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "chapter", required_argument, NULL, 'c' },
        { "kind", required_argument, NULL, 'k' },
        { NULL, 0, NULL, 0 },
    };
    int chapter = 0, opt;
    const char *kind = NULL;
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (opt == 'c') {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > 9)
                return cmd_usage_error(&cmd_list_entry, _("--chapter needs a chapter number from 1 to 9"));
            chapter = (int)v;
        } else if (opt == 'k') {
            kind = optarg;
            if (!kind_label(kind))
                return cmd_usage_error(&cmd_list_entry, _("unknown kind '%s' (angry, churn, vip, wrong, prospect, loyalty, special)"), kind);
        } else {
            return cmd_usage_error(&cmd_list_entry, _("unknown option '%s'"), argv[optind - 1]);
        }
    }
    if (cmd_check_args(&cmd_list_entry, argc - optind) != 0)
        return EXIT_USAGE;
    size_t n;
    char **ids = scn_ids(ctx->home, &n);
    int ok = 0;
    scnidx idx;
    scnidx_open(&idx, ctx->home);
    for (size_t i = 0; i < n; i++) {
        char *path = xasprintf("%s/scenarios/%s.lua", ctx->home, ids[i]);
        char *buf = NULL, *err = NULL;
        size_t len = 0;
        const scnidx_entry *e = NULL;
        if (read_file(path, &buf, &len, &err) == 0) {
            char hash[65];
            sha256_hex(buf, len, hash);
            e = scnidx_find(&idx, hash);
        }
        free(buf);
        free(err);
        err = NULL;
        scenario *s = NULL;
        if (e) {
            if ((!chapter || e->chapter == chapter) && (!kind || strcmp(kind, e->kind) == 0))
                printf(_("%-22s 第%d章  %s  %s\n"), e->id, e->chapter, pad_kind(e->kind), e->title);
            ok++;
        } else if (scn_load(ctx->home, path, 0, &s, &err) < 0) {
            crm_error("%s", err);
            free(err);
        } else {
            if ((!chapter || s->chapter == chapter) && (!kind || strcmp(kind, s->kind) == 0))
                /* TRANSLATORS: scenario id, chapter number, kind, title. */
                printf(_("%-22s 第%d章  %s  %s\n"), s->id, s->chapter, pad_kind(s->kind), s->title);
            scnidx_add(&idx, s->hash, s->chapter, s->id, s->kind, s->title);
            ok++;
            scn_free(s);
        }
        free(path);
        free(ids[i]);
    }
    scnidx_save(&idx);
    scnidx_release(&idx);
    free(ids);
    if (n == 0)
        return crm_error(_("no scenarios found in '%s/scenarios'"), ctx->home), EXIT_FAIL;
    return ok == (int)n ? EXIT_OK : EXIT_FAIL;
}
