/*
 * cmd-regrade.c - `crmsim regrade [--all|SESSION…] [--dry-run]`: plays the
 * stored replies of ended sessions again (same scenario, same seed) with
 * the current lexicons, shows what changed per criterion, and stores the
 * new score. The stored transcript itself is kept as it was.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "scenario.h"
#include "session.h"
#include "util.h"

typedef struct old_session {
    int64_t id;          /* session id */
    char *student;       /* student id */
    char *scenario;      /* scenario id */
    char *hash;          /* scenario hash then */
    char *outcome;       /* stored outcome, NULL if open */
    char *mode;          /* practice/exam */
    int64_t seed;        /* seed */
    int score;           /* stored score */
    char **replies;      /* stored replies, turn order */
    char **customer;     /* stored customer lines, turn order */
    int n;               /* turns */
    double pts[CRIT_COUNT]; /* stored points per criterion */
} old_session;

static int regrade_exec(crm_ctx *ctx, int argc, char **argv);

/* Lexicons built once per scenario file for the whole run: sess_open would
 * compile the course lexicons (plus the scenario's own entries) for every
 * session, and regrading a term replays thousands of sessions of a dozen
 * scenarios. */
typedef struct lx_cache {
    char **path;     /* scenario files */
    lexicon **lx;    /* their lexicons */
    size_t n;        /* entries */
} lx_cache;

static void lx_cache_release(lx_cache *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->path[i]);
        lex_free(c->lx[i]);
    }
    free(c->path);
    free(c->lx);
    memset(c, 0, sizeof *c);
}

/* The lexicon for the scenario at path (loaded once), or NULL with *err. */
static const lexicon *lx_cache_get(lx_cache *c, const char *home, const char *path, char **err)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->path[i], path) == 0)
            return c->lx[i];
    scenario *scn = NULL;
    lexicon *lx = NULL;
    int bad = scn_load(home, path, 0, &scn, err) < 0 || scn_lexicon(home, scn, &lx, err) < 0;
    scn_free(scn);
    if (bad)
        return NULL;
    c->path = xrealloc(c->path, (c->n + 1) * sizeof *c->path);
    c->lx = xrealloc(c->lx, (c->n + 1) * sizeof *c->lx);
    c->path[c->n] = xstrdup(path);
    c->lx[c->n] = lx;
    return c->lx[c->n++];
}

const struct crm_cmd cmd_regrade_entry = {
    .name = "regrade",
    .alias = NULL,
    .usage = N_("--all|SESSION… [--dry-run]"),
    .summary = N_("用当前词库重新评分已存档的会话，显示各项的变化"),
    .help = N_("  --all       所有已结束的会话\n"
               "  --dry-run   只显示变化，不写入数据库\n"
               "例: crmsim regrade 12 15\n"
               "    crmsim regrade --all --dry-run\n"),
    .min_args = 0,
    .max_args = -1,
    .exec = regrade_exec,
};

static int got_session(const store_session *s, void *vctx)
{
    old_session *o = vctx;
    o->id = s->id;
    o->student = xstrdup(s->student);
    o->scenario = xstrdup(s->scenario);
    o->hash = xstrdup(s->scenario_hash);
    o->outcome = s->outcome ? xstrdup(s->outcome) : NULL;
    o->mode = xstrdup(s->mode);
    o->seed = s->seed;
    o->score = s->score;
    return 0;
}

static int got_turn(const store_turn *t, void *vctx)
{
    old_session *o = vctx;
    if (t->n == 0)
        return 0;
    o->replies = xrealloc(o->replies, (size_t)(o->n + 1) * sizeof *o->replies);
    o->customer = xrealloc(o->customer, (size_t)(o->n + 1) * sizeof *o->customer);
    o->replies[o->n] = xstrdup(t->reply ? t->reply : "");
    o->customer[o->n] = xstrdup(t->customer ? t->customer : "");
    o->n++;
    return 0;
}

static int got_crit(const store_criterion *c, void *vctx)
{
    old_session *o = vctx;
    for (int i = 0; i < CRIT_COUNT; i++)
        if (strcmp(crit_ids[i], c->id) == 0)
            o->pts[i] = c->points;
    return 0;
}

static void old_free(old_session *o)
{
    for (int i = 0; i < o->n; i++) {
        free(o->replies[i]);
        free(o->customer[i]);
    }
    free(o->replies);
    free(o->customer);
    free(o->student);
    free(o->scenario);
    free(o->hash);
    free(o->outcome);
    free(o->mode);
}

/* Regrades one session; returns 0 ok/unchanged, 1 skipped, -1 failed. */
static int regrade_one(crm_ctx *ctx, store *db, const course *crs, lx_cache *lxc, int64_t id,
                       int dry)
{
    old_session o;
    memset(&o, 0, sizeof o);
    char *err = NULL, *path = NULL;
    session *s = NULL;
    int rc = -1;
    if (store_session_get(db, id, got_session, got_turn, &o, &err) < 0 ||
        store_scores(db, id, got_crit, &o, &err) < 0) {
        crm_error("%s", err);
        goto done;
    }
    if (!o.outcome) {
        printf(_("会话 %lld：还没有结束，跳过\n"), (long long)id);
        rc = 1;
        goto done;
    }
    if (scn_resolve(ctx->home, o.scenario, &path, &err) < 0) {
        printf(_("会话 %lld：找不到情景 '%s'，跳过\n"), (long long)id, o.scenario);
        rc = 1;
        goto done;
    }
    const lexicon *lx = lx_cache_get(lxc, ctx->home, path, &err);
    if (!lx) {
        crm_error(_("session %lld: %s"), (long long)id, err);
        goto done;
    }
    sess_config cfg = { ctx->home, path, o.student, o.seed, o.mode, lx, crs, NULL, NULL, NULL, 0, NULL };
    if (sess_open(&cfg, &s, &err) < 0) {
        crm_error(_("session %lld: %s"), (long long)id, err);
        goto done;
    }
    if (strcmp(s->scn->hash, o.hash) != 0)
        printf(_("会话 %lld：注意，情景文件 %s 在这次会话之后改过了\n"), (long long)id, o.scenario);
    int diverged = 0;
    for (int i = 0; i < o.n && !s->ended; i++) {
        int r = sess_reply(s, o.replies[i], strlen(o.replies[i]), &err);
        if (r < 0) {
            crm_error(_("session %lld, turn %d: %s"), (long long)id, i + 1, err);
            goto done;
        }
        if (r == 0 && !diverged && strcmp(s->turns[s->nturns - 1].customer, o.customer[i]) != 0)
            diverged = i + 1;
        free(err);
        err = NULL;
    }
    if (!s->ended && sess_abandon(s, &err) < 0) {
        crm_error("%s", err);
        goto done;
    }
    printf(_("会话 %lld  %s  %s  种子 %lld\n"), (long long)id, o.student, o.scenario, (long long)o.seed);
    for (int c = 0; c < CRIT_COUNT; c++) {
        double d = s->card.points[c] - o.pts[c];
        printf("  %s %5.1f → %5.1f", crit_label(c), o.pts[c], s->card.points[c]);
        if (d > 0.05 || d < -0.05)
            printf("  (%+.1f)", d);
        putchar('\n');
    }
    if (o.score < 0) /* an exam a student's role ended on a lab server: not scored yet */
        printf(_("  总分 - → %d"), s->card.total);
    else
        printf(_("  总分 %d → %d"), o.score, s->card.total);
    if (o.score >= 0 && s->card.total != o.score)
        printf("  (%+d)", s->card.total - o.score);
    putchar('\n');
    if (strcmp(s->outcome, o.outcome) != 0)
        printf(_("  结果 %s → %s\n"), o.outcome, s->outcome);
    if (diverged)
        printf(_("  注意：从第 %d 轮起客户的回答与存档不同（人物对新的批改结果有不同反应）\n"), diverged);
    if (s->nturns < o.n)
        printf(_("  注意：会话在第 %d 轮就结束了，存档有 %d 轮\n"), s->nturns, o.n);
    if (!dry) {
        store_criterion crit[CRIT_COUNT];
        for (int c = 0; c < CRIT_COUNT; c++)
            crit[c] = (store_criterion){ crit_ids[c], s->card.points[c], s->card.max[c] };
        if (store_session_regrade(db, id, s->card.total, s->cfg.lx->hash, crit, CRIT_COUNT, &err) < 0) {
            crm_error("%s", err);
            goto done;
        }
    }
    rc = 0;
done:
    free(err);
    free(path);
    sess_free(s);
    old_free(&o);
    return rc;
}

static int collect_id(const store_session *s, void *vctx)
{
    int64_t **ids = vctx;
    size_t n = 0;
    while ((*ids)[n])
        n++;
    *ids = xrealloc(*ids, (n + 2) * sizeof **ids);
    (*ids)[n] = s->id;
    (*ids)[n + 1] = 0;
    return 0;
}

static int regrade_exec(crm_ctx *ctx, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "all", no_argument, NULL, 'a' },
        { "dry-run", no_argument, NULL, 'n' },
        { NULL, 0, NULL, 0 },
    };
    int all = 0, dry = 0, opt;
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (opt == 'a')
            all = 1;
        else if (opt == 'n')
            dry = 1;
        else
            return cmd_usage_error(&cmd_regrade_entry, _("unknown option '%s'"), argv[optind - 1]);
    }
    int npos = argc - optind;
    if (all == (npos > 0))
        return cmd_usage_error(&cmd_regrade_entry, _("give either --all or session numbers"));
    int64_t *ids = xcalloc(1, sizeof *ids);
    for (int i = optind; i < argc; i++) {
        char *end;
        long long v = strtoll(argv[i], &end, 10);
        if (*end || v <= 0) {
            free(ids);
            return cmd_usage_error(&cmd_regrade_entry, _("'%s' is not a session number"), argv[i]);
        }
        store_session fake = { 0 };
        fake.id = v;
        collect_id(&fake, &ids);
    }
    course crs;
    store *db;
    if (ctx_load_course(ctx, &crs) < 0) {
        free(ids);
        return EXIT_FAIL;
    }
    if (ctx_open_instructor(ctx, &db, N_("regrade sessions")) < 0) {
        course_release(&crs);
        free(ids);
        return EXIT_FAIL;
    }
    char *err = NULL;
    int rc = EXIT_OK;
    if (all && store_sessions(db, NULL, 0, collect_id, &ids, &err) < 0) {
        crm_error("%s", err);
        free(err);
        rc = EXIT_FAIL;
    }
    int done = 0, skipped = 0, failed = 0;
    lx_cache lxc = { NULL, NULL, 0 };
    for (size_t i = 0; ids[i] && rc == EXIT_OK; i++) {
        int r = regrade_one(ctx, db, &crs, &lxc, ids[i], dry);
        done += r == 0;
        skipped += r == 1;
        failed += r < 0;
    }
    if (rc == EXIT_OK)
        printf(dry ? _("%d 个会话重新评分（未写入），%d 个跳过，%d 个失败\n")
                   : _("%d 个会话重新评分，%d 个跳过，%d 个失败\n"), done, skipped, failed);
    lx_cache_release(&lxc);
    free(ids);
    store_close(db);
    course_release(&crs);
    return rc != EXIT_OK || failed ? EXIT_FAIL : EXIT_OK;
}
