/*
 * cmd-regrade.c - `crmsim regrade [--all|SESSION…] [--dry-run]`: plays the
 * stored replies of ended sessions again (same scenario, same seed) with
 * the current lexicons, shows what changed per criterion, and stores the
 * new score. The stored transcript itself is kept as it was.
 *
 * Most turns grade the same under new lexicons. A session whose every
 * reply gets exactly the findings stored with its turn, played with the
 * same scenario file, would replay identically (a session is a function of
 * the scenario bytes, the findings the persona sees, the seed and the
 * replies), so its new score is computed from the stored transcript and
 * final state without running the persona; any other session is played
 * again (regrade_fast decides).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cmd.h"
#include "report.h"
#include "store_query.h"
#include "steps.h"
#include "u8.h"
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
    char **findings;     /* stored findings JSON, turn order */
    char *state;         /* stored persona state after the last turn */
    int has_steps;       /* 1 when the bulk read gave its steps object instead */
    char *steps;         /* then: that object as JSON, NULL when there is none */
    char *ended_by;      /* how it ended, NULL if not recorded */
    int n;               /* turns */
    double pts[CRIT_COUNT]; /* stored points per criterion */
    int ready;           /* 1 = regraded ahead by regrade_all_fast: card, new_outcome */
    score_card card;     /* the new score when ready */
    const char *new_outcome; /* the new outcome when ready (o->outcome or a literal) */
    const char *lxhash;  /* hash of the lexicons it was regraded with, when ready */
} old_session;

static int regrade_exec(crm_ctx *ctx, int argc, char **argv);

/* Scenarios and their lexicons loaded once per scenario file for the
 * whole run: sess_open would compile the course lexicons (plus the
 * scenario's own entries) for every session, and regrading a term replays
 * thousands of sessions of a dozen scenarios. */
typedef struct lx_cache {
    char **path;     /* scenario files */
    scenario **scn;  /* loaded with seed 0: hash, required steps, outcomes */
    lexicon **lx;    /* their lexicons */
    size_t n;        /* entries */
} lx_cache;

static void lx_cache_release(lx_cache *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->path[i]);
        scn_free(c->scn[i]);
        lex_free(c->lx[i]);
    }
    free(c->path);
    free(c->scn);
    free(c->lx);
    memset(c, 0, sizeof *c);
}

/* Index of the scenario at path in the cache (loaded once), or -1 with *err. */
static long lx_cache_get(lx_cache *c, const char *home, const char *path, char **err)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->path[i], path) == 0)
            return (long)i;
    scenario *scn = NULL;
    lexicon *lx = NULL;
    if (scn_load(home, path, 0, &scn, err) < 0 || scn_lexicon(home, scn, &lx, err) < 0) {
        scn_free(scn);
        return -1;
    }
    c->path = xrealloc(c->path, (c->n + 1) * sizeof *c->path);
    c->scn = xrealloc(c->scn, (c->n + 1) * sizeof *c->scn);
    c->lx = xrealloc(c->lx, (c->n + 1) * sizeof *c->lx);
    c->path[c->n] = xstrdup(path);
    c->scn[c->n] = scn;
    c->lx[c->n] = lx;
    return (long)c->n++;
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
    o->ended_by = s->ended_by ? xstrdup(s->ended_by) : NULL;
    return 0;
}

static int got_turn(const store_turn *t, void *vctx)
{
    old_session *o = vctx;
    if (t->state_json) {
        free(o->state);
        o->state = xstrdup(t->state_json);
    }
    if (t->n == 0)
        return 0;
    o->replies = xrealloc(o->replies, (size_t)(o->n + 1) * sizeof *o->replies);
    o->customer = xrealloc(o->customer, (size_t)(o->n + 1) * sizeof *o->customer);
    o->replies[o->n] = xstrdup(t->reply ? t->reply : "");
    o->customer[o->n] = xstrdup(t->customer ? t->customer : "");
    o->findings = xrealloc(o->findings, (size_t)(o->n + 1) * sizeof *o->findings);
    o->findings[o->n] = xstrdup(t->findings_json ? t->findings_json : "");
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

/* Frees the stored turns of o (o->n stays: the number of stored turns). */
static void old_free_turns(old_session *o)
{
    for (int i = 0; o->replies && i < o->n; i++) {
        free(o->replies[i]);
        free(o->customer[i]);
        free(o->findings[i]);
    }
    free(o->replies);
    free(o->customer);
    free(o->findings);
    free(o->state);
    free(o->steps);
    o->replies = o->customer = o->findings = NULL;
    o->state = o->steps = NULL;
}

static void old_free(old_session *o)
{
    old_free_turns(o);
    free(o->student);
    free(o->scenario);
    free(o->hash);
    free(o->outcome);
    free(o->mode);
    free(o->ended_by);
}

/* The steps done according to a stored state (the keys of its "steps"
 * object, as settle_state reads them from the table); -1 if the state is
 * not one a played session leaves. From the whole state, or (steps_only)
 * from its steps object alone, as the bulk read hands it over. */
static int stored_steps(const char *json, int steps_only, unsigned *done)
{
    json_t *j = json ? json_loads(json, 0, NULL) : NULL;
    json_t *st = steps_only ? j : json_is_object(j) ? json_object_get(j, "steps") : NULL;
    int rc = json_is_object(st) ? 0 : -1;
    *done = 0;
    if (rc == 0) {
        const char *k;
        json_t *v;
        json_object_foreach(st, k, v) {
            int si = step_index(k);
            if (si < 0)
                rc = -1;
            else
                *done |= 1u << si;
        }
    }
    json_decref(j);
    return rc;
}

/* The new score of session o computed from its stored transcript, when a
 * replay cannot differ from it: the same scenario file, an end the replay
 * reproduces (the persona's outcome, or a quit or time-out, which a replay
 * ends as abandoned), and every reply accepted and graded to exactly the
 * stored findings (ids, categories, matched words, severities, steps), so
 * that the persona would see what it saw then and answer as stored. Returns
 * 1 with *card and *outcome set, 0 when the session must be played again. */
static int regrade_fast(const old_session *o, const scenario *scn, const lexicon *lx,
                        const course *crs, strbuf *sb, score_card *card, const char **outcome)
{
    if (strcmp(scn->hash, o->hash) != 0 || !o->ended_by || o->n > scn->max_turns)
        return 0;
    if (strcmp(o->ended_by, "replies") == 0) {
        if (!scn_outcome_find(scn, o->outcome))
            return 0;
        *outcome = o->outcome;
    } else if (strcmp(o->ended_by, "quit") == 0 || strcmp(o->ended_by, "time") == 0) {
        if (o->n >= scn->max_turns)
            return 0;
        *outcome = "abandoned";
    } else {
        return 0;
    }
    score_input in = { 0 };
    for (int i = 0; i < o->n; i++) {
        size_t len = strlen(o->replies[i]);
        /* the reply check and grading in one pass; NULL when refused */
        const grade_result *g = grade_scan_reply(lx, o->replies[i], len, NULL);
        if (!g)
            return 0;
        sb->len = 0;
        report_findings_text(sb, g, o->replies[i]);
        if (strcmp(sb->buf, o->findings[i]) != 0)
            return 0;
        sess_score_turn(&in, g);
    }
    unsigned done;
    if (stored_steps(o->has_steps ? o->steps : o->state, o->has_steps, &done) < 0)
        return 0;
    sess_score(scn, crs, &in, done, *outcome, 0, card);
    return 1;
}

/* Prints what regrading session o changed and, unless dry, stores the new
 * score; -1 when storing failed (reported). */
static int report_one(store *db, const old_session *o, const score_card *card,
                      const char *outcome, int diverged, int nturns, const char *lxhash, int dry)
{
    char *err = NULL;
    int64_t id = o->id;
    printf(_("会话 %lld  %s  %s  种子 %lld\n"), (long long)id, o->student, o->scenario, (long long)o->seed);
    for (int c = 0; c < CRIT_COUNT; c++) {
        double d = card->points[c] - o->pts[c];
        printf("  %s %5.1f → %5.1f", crit_label(c), o->pts[c], card->points[c]);
        if (d > 0.05 || d < -0.05)
            printf("  (%+.1f)", d);
        putchar('\n');
    }
    if (o->score < 0) /* an exam a student's role ended on a lab server: not scored yet */
        printf(_("  总分 - → %d"), card->total);
    else
        printf(_("  总分 %d → %d"), o->score, card->total);
    if (o->score >= 0 && card->total != o->score)
        printf("  (%+d)", card->total - o->score);
    putchar('\n');
    if (strcmp(outcome, o->outcome) != 0)
        printf(_("  结果 %s → %s\n"), o->outcome, outcome);
    if (diverged)
        printf(_("  注意：从第 %d 轮起客户的回答与存档不同（人物对新的批改结果有不同反应）\n"), diverged);
    if (nturns < o->n)
        printf(_("  注意：会话在第 %d 轮就结束了，存档有 %d 轮\n"), nturns, o->n);
    if (!dry) {
        store_criterion crit[CRIT_COUNT];
        for (int c = 0; c < CRIT_COUNT; c++)
            crit[c] = (store_criterion){ crit_ids[c], card->points[c], card->max[c] };
        if (store_session_regrade(db, id, card->total, lxhash, crit, CRIT_COUNT, &err) < 0) {
            crm_error("%s", err);
            free(err);
            return -1;
        }
    }
    return 0;
}

/* Regrades one session; returns 0 ok/unchanged, 1 skipped, -1 failed. */
static int regrade_one(crm_ctx *ctx, store *db, const course *crs, lx_cache *lxc, strbuf *sb,
                       int64_t id, int dry)
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
    long ci = lx_cache_get(lxc, ctx->home, path, &err);
    if (ci < 0) {
        crm_error(_("session %lld: %s"), (long long)id, err);
        goto done;
    }
    const lexicon *lx = lxc->lx[ci];
    score_card fast_card;
    const score_card *card = &fast_card;
    const char *outcome = NULL;
    int diverged = 0, nturns = o.n;
    if (!regrade_fast(&o, lxc->scn[ci], lx, crs, sb, &fast_card, &outcome)) {
        sess_config cfg = { ctx->home, path, o.student, o.seed, o.mode, lx, crs, NULL, NULL, NULL, 0, NULL, 0 };
        if (sess_open(&cfg, &s, &err) < 0) {
            crm_error(_("session %lld: %s"), (long long)id, err);
            goto done;
        }
        if (strcmp(s->scn->hash, o.hash) != 0)
            printf(_("会话 %lld：注意，情景文件 %s 在这次会话之后改过了\n"), (long long)id, o.scenario);
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
        card = &s->card;
        outcome = s->outcome;
        nturns = s->nturns;
    }
    if (report_one(db, &o, card, outcome, diverged, nturns, lx->hash, dry) < 0)
        goto done;
    rc = 0;
done:
    free(err);
    free(path);
    sess_free(s);
    old_free(&o);
    return rc;
}

/* The sessions of a run, in the order they are regraded. */
typedef struct run_list {
    old_session *s; /* session rows (turns not yet read) */
    size_t n;       /* count */
    size_t cap;     /* allocated */
    size_t *byid;   /* indices into s, by ascending id */
} run_list;

/* Adds session ses->id to the run (what regrade_one reads itself). */
static int collect_id(const store_session *ses, void *vctx)
{
    run_list *l = vctx;
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 256;
        l->s = xrealloc(l->s, l->cap * sizeof *l->s);
    }
    old_session *o = &l->s[l->n++];
    memset(o, 0, sizeof *o);
    o->id = ses->id;
    return 0;
}

/* Adds the session row ses to the run (--all). */
static int collect_session(const store_session *ses, void *vctx)
{
    run_list *l = vctx;
    collect_id(ses, l);
    return got_session(ses, &l->s[l->n - 1]);
}

static void run_list_release(run_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        old_free(&l->s[i]);
    free(l->s);
    free(l->byid);
    memset(l, 0, sizeof *l);
}

static const run_list *cmp_list; /* qsort's context (no qsort_r in C11) */

static int cmp_byid(const void *a, const void *b)
{
    int64_t x = cmp_list->s[*(const size_t *)a].id, y = cmp_list->s[*(const size_t *)b].id;
    return x < y ? -1 : x > y;
}

static old_session *find_session(const run_list *l, int64_t id)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int64_t v = l->s[l->byid[mid]].id;
        if (v == id)
            return &l->s[l->byid[mid]];
        if (v < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* State of regrade_all_fast while the turns stream by. */
typedef struct bulk {
    crm_ctx *ctx;        /* data directory */
    const course *crs;   /* rubric */
    lx_cache *lxc;       /* scenarios and lexicons */
    strbuf *sb;          /* findings JSON scratch */
    run_list *l;         /* the sessions */
    old_session *cur;    /* session whose turns are being read, or NULL */
    int64_t cur_id;      /* its id (also when not in the list) */
    char **ids;          /* scenario ids resolved so far */
    char **paths;        /* their files, NULL when unknown */
    size_t nids;         /* count */
} bulk;

static int bulk_crit(const store_q_crit *c, void *vctx)
{
    bulk *b = vctx;
    old_session *o = find_session(b->l, c->session);
    if (o) {
        store_criterion sc = { c->criterion, c->points, c->max };
        got_crit(&sc, o);
    }
    return 0;
}

/* The scenario file of id, resolved once per run; NULL if unknown. */
static const char *bulk_path(bulk *b, const char *id)
{
    for (size_t i = 0; i < b->nids; i++)
        if (strcmp(b->ids[i], id) == 0)
            return b->paths[i];
    char *path = NULL, *err = NULL;
    if (scn_resolve(b->ctx->home, id, &path, &err) < 0)
        free(err);
    b->ids = xrealloc(b->ids, (b->nids + 1) * sizeof *b->ids);
    b->paths = xrealloc(b->paths, (b->nids + 1) * sizeof *b->paths);
    b->ids[b->nids] = xstrdup(id);
    b->paths[b->nids] = path;
    return b->paths[b->nids++];
}

/* The turns of b->cur are all read: regrade it from them if regrade_fast
 * can; otherwise regrade_one will read and play it again. */
static void bulk_finish(bulk *b)
{
    old_session *o = b->cur;
    b->cur = NULL;
    if (!o)
        return;
    const char *path = o->outcome ? bulk_path(b, o->scenario) : NULL;
    char *err = NULL;
    long ci = path ? lx_cache_get(b->lxc, b->ctx->home, path, &err) : -1;
    free(err);
    if (ci >= 0)
        o->ready = regrade_fast(o, b->lxc->scn[ci], b->lxc->lx[ci], b->crs, b->sb, &o->card,
                                &o->new_outcome);
    if (o->ready)
        o->lxhash = b->lxc->lx[ci]->hash;
    old_free_turns(o);
    if (!o->ready)
        o->n = 0;
}

static int bulk_turn(const store_q_turn *t, void *vctx)
{
    bulk *b = vctx;
    if (t->session != b->cur_id) {
        bulk_finish(b);
        b->cur_id = t->session;
        b->cur = find_session(b->l, t->session);
        /* read once only: a session seen again is left to regrade_one */
        if (b->cur && (b->cur->ready || b->cur->n || b->cur->state || b->cur->has_steps))
            b->cur = NULL;
    }
    if (b->cur) {
        /* the steps object when the backend picked it out, else the state */
        store_turn st = { t->n, t->reply, NULL, t->findings_json,
                          t->has_steps ? NULL : t->state_json, NULL, NULL };
        if (t->has_steps) {
            free(b->cur->steps);
            b->cur->steps = t->steps_json ? xstrdup(t->steps_json) : NULL;
            b->cur->has_steps = 1;
        }
        got_turn(&st, b->cur);
    }
    return 0;
}

/* regrade --all reads every session with its turns and criteria in three
 * queries (one snapshot) instead of three queries per session, and
 * regrades ahead each session regrade_fast can; the others, and any
 * session the queries do not cover (open ones, ended in an error), are left
 * to regrade_one. Nothing is printed here. */
static void regrade_all_fast(crm_ctx *ctx, store *db, const course *crs, lx_cache *lxc,
                             strbuf *sb, run_list *l)
{
    l->byid = xmalloc((l->n ? l->n : 1) * sizeof *l->byid);
    for (size_t i = 0; i < l->n; i++)
        l->byid[i] = i;
    cmp_list = l;
    qsort(l->byid, l->n, sizeof *l->byid, cmp_byid);
    for (size_t i = 1; i < l->n; i++)
        if (l->s[l->byid[i]].id == l->s[l->byid[i - 1]].id)
            return; /* ids repeat: leave every session to regrade_one */
    bulk b = { ctx, crs, lxc, sb, l, NULL, 0, NULL, NULL, 0 };
    /* Turns by scenario: grading session after session of one scenario
     * keeps its lexicon's tables in the caches (in id order, a dozen
     * lexicons took turns and grading ran at a third of its speed). */
    store_filter f = { NULL, NULL, 1, 1 };
    char *err = NULL;
    if (store_q_begin(db, &err) == 0) {
        int ok = store_q_criteria(db, &f, bulk_crit, &b, &err) == 0 &&
                 store_q_turns(db, &f, bulk_turn, &b, &err) == 0;
        if (ok)
            bulk_finish(&b);
        store_q_end(db);
        if (!ok) /* start over session by session */
            for (size_t i = 0; i < l->n; i++) {
                old_free_turns(&l->s[i]);
                l->s[i].ready = 0;
                l->s[i].has_steps = 0;
                l->s[i].n = 0;
                memset(l->s[i].pts, 0, sizeof l->s[i].pts);
            }
    }
    free(err);
    for (size_t i = 0; i < b.nids; i++) {
        free(b.ids[i]);
        free(b.paths[i]);
    }
    free(b.ids);
    free(b.paths);
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
    run_list l = { NULL, 0, 0, NULL };
    for (int i = optind; i < argc; i++) {
        char *end;
        long long v = strtoll(argv[i], &end, 10);
        if (*end || v <= 0) {
            run_list_release(&l);
            return cmd_usage_error(&cmd_regrade_entry, _("'%s' is not a session number"), argv[i]);
        }
        store_session id = { 0 };
        id.id = v;
        collect_id(&id, &l);
    }
    course crs;
    store *db;
    if (ctx_load_course(ctx, &crs) < 0) {
        run_list_release(&l);
        return EXIT_FAIL;
    }
    if (ctx_open_instructor(ctx, &db, N_("regrade sessions")) < 0) {
        course_release(&crs);
        run_list_release(&l);
        return EXIT_FAIL;
    }
    char *err = NULL;
    int rc = EXIT_OK;
    if (all && store_sessions(db, NULL, 0, collect_session, &l, &err) < 0) {
        crm_error("%s", err);
        free(err);
        rc = EXIT_FAIL;
    }
    int done = 0, skipped = 0, failed = 0;
    lx_cache lxc = { NULL, NULL, NULL, 0 };
    strbuf sb;
    sb_init(&sb);
    if (all && rc == EXIT_OK)
        regrade_all_fast(ctx, db, &crs, &lxc, &sb, &l);
    /* The new scores go in with one commit: a term's regrade waits for one
     * fsync, not one per session. */
    if (!dry && rc == EXIT_OK && store_batch_begin(db, &err) < 0) {
        crm_error("%s", err);
        free(err);
        err = NULL;
        rc = EXIT_FAIL;
    }
    for (size_t i = 0; i < l.n && rc == EXIT_OK; i++) {
        const old_session *o = &l.s[i];
        int r = o->ready ? report_one(db, o, &o->card, o->new_outcome, 0, o->n, o->lxhash, dry)
                         : regrade_one(ctx, db, &crs, &lxc, &sb, o->id, dry);
        done += r == 0;
        skipped += r == 1;
        failed += r < 0;
    }
    if (!dry && rc == EXIT_OK && store_batch_end(db, 1, &err) < 0) {
        crm_error("%s", err);
        free(err);
        rc = EXIT_FAIL; /* nothing was saved: no summary that says otherwise */
    }
    if (rc == EXIT_OK)
        printf(dry ? _("%d 个会话重新评分（未写入），%d 个跳过，%d 个失败\n")
                   : _("%d 个会话重新评分，%d 个跳过，%d 个失败\n"), done, skipped, failed);
    lx_cache_release(&lxc);
    sb_release(&sb);
    run_list_release(&l);
    store_close(db);
    course_release(&crs);
    return rc != EXIT_OK || failed ? EXIT_FAIL : EXIT_OK;
}
