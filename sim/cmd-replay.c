/*
 * cmd-replay.c - `crmsim replay SESSION`: a stored session turn by turn:
 * the trainee's replies, the findings stored with each turn (explained
 * from the current lexicons when the entry still exists), the customer's
 * answers, and the stored score per criterion.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "lexicon.h"
#include "score.h"
#include "steps.h"
#include "util.h"

typedef struct replay_ctx {
    crm_ctx *ctx;        /* terminal facts */
    const lexicon *lx;   /* for why/better of stored findings */
    const char *cust;    /* what to call the customer */
} replay_ctx;

static int replay_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_replay_entry = {
    .name = "replay",
    .alias = NULL,
    .usage = N_("SESSION"),
    .summary = N_("逐轮回放一次存档的会话和当时的点评"),
    .help = N_("  SESSION 是会话编号（见 crmsim history）。\n"
               "例: crmsim replay 12\n"),
    .min_args = 1,
    .max_args = 1,
    .exec = replay_exec,
};

static int on_session(const store_session *s, void *vctx)
{
    (void)vctx;
    printf(_("会话 %lld  学号 %s  情景 %s  种子 %lld  模式 %s\n"), (long long)s->id, s->student,
           s->scenario, (long long)s->seed, s->mode);
    printf(_("开始 %s  结束 %s  结果 %s  总分 %s%d\n\n"), s->started, s->ended ? s->ended : "-",
           s->outcome ? s->outcome : _("(进行中)"), s->score >= 0 ? "" : "-", s->score >= 0 ? s->score : 0);
    return 0;
}

static void show_findings(const replay_ctx *rc, const char *json)
{
    json_error_t je;
    json_t *f = json_loads(json, 0, &je);
    if (!f)
        return;
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(f, "forbidden"), i, v) {
        const char *id = json_string_value(json_object_get(v, "id"));
        const char *cat = json_string_value(json_object_get(v, "category"));
        const char *m = json_string_value(json_object_get(v, "match"));
        printf(_("    ✗ 禁忌语「%s」（%s，%s）\n"), m ? m : "", cat ? cat : "", id ? id : "");
        int e = id ? lex_find(rc->lx, LEX_FORBIDDEN, id) : -1;
        if (e >= 0) {
            printf(_("      为什么：%s\n"), rc->lx->e[e].why);
            printf(_("      更好的说法：%s\n"), rc->lx->e[e].better);
        }
    }
    strbuf sb;
    sb_init(&sb);
    if (json_array_size(json_object_get(f, "empathy")))
        sb_adds(&sb, _("共情"));
    json_array_foreach(json_object_get(f, "steps"), i, v) {
        int si = step_index(json_string_value(v) ? json_string_value(v) : "");
        if (si >= 0)
            sb_addf(&sb, "%s%s", sb.len ? _("、") : "", step_label(si));
    }
    if (sb.len)
        printf("    ✓ %s\n", sb.buf);
    sb_release(&sb);
    json_decref(f);
}

static int on_turn(const store_turn *t, void *vctx)
{
    const replay_ctx *rc = vctx;
    if (t->n == 0) {
        printf(_("客户：%s\n"), t->customer);
        return 0;
    }
    printf(_("\n第 %d 轮  学员：%s\n"), t->n, t->reply ? t->reply : "");
    show_findings(rc, t->findings_json);
    if (t->customer && *t->customer)
        printf(_("客户：%s\n"), t->customer);
    return 0;
}

static int on_crit(const store_criterion *c, void *vctx)
{
    (void)vctx;
    const char *label = c->id;
    for (int i = 0; i < CRIT_COUNT; i++)
        if (strcmp(crit_ids[i], c->id) == 0)
            label = crit_label(i);
    printf("  %s %.1f / %.0f\n", label, c->points, c->max);
    return 0;
}

static int replay_exec(crm_ctx *ctx, int argc, char **argv)
{
    if (cmd_check_args(&cmd_replay_entry, argc - 1) != 0)
        return EXIT_USAGE;
    char *end;
    long long id = strtoll(argv[1], &end, 10);
    if (*end || id <= 0)
        return cmd_usage_error(&cmd_replay_entry, _("SESSION must be a session number, not '%s'"), argv[1]);
    store *db;
    lexicon *lx;
    if (ctx_load_lexicon(ctx, &lx) < 0)
        return EXIT_FAIL;
    if (ctx_open_store(ctx, &db) < 0) {
        lex_free(lx);
        return EXIT_FAIL;
    }
    replay_ctx rc = { ctx, lx, NULL };
    char *err = NULL;
    int bad = store_session_get(db, id, on_session, on_turn, &rc, &err) < 0;
    if (!bad) {
        printf(_("\n评分：\n"));
        bad = store_scores(db, id, on_crit, NULL, &err) < 0;
    }
    if (bad) {
        crm_error("%s", err);
        free(err);
    }
    store_close(db);
    lex_free(lx);
    return bad ? EXIT_FAIL : EXIT_OK;
}
