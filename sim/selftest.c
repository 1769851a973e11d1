/*
 * selftest.c - runs the self-tests a scenario declares. Scripted tests play
 * their replies with their seed and compare outcome, score and findings;
 * random play-throughs draw replies (seeded) from every lexicon example plus
 * empty and repeated replies and must end cleanly within max_turns.
 */
#include "selftest.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "scenario.h"
#include "session.h"
#include "steps.h"
#include "util.h"

#define DEFAULT_RANDOM 20
#define MAX_REPLIES 200

typedef struct script {
    char *name;          /* test name */
    long long seed;      /* session seed */
    char **replies;      /* replies in order */
    size_t nreplies;     /* count */
    char *outcome;       /* expected outcome or NULL */
    int lo, hi;          /* expected score range */
    char **findings;     /* ids that must occur */
    size_t nfindings;    /* count */
    char **absent;       /* ids that must not occur */
    size_t nabsent;      /* count */
    char ***turn;        /* turn[i] = ids that must occur in turn i+1, or NULL */
    size_t nturn;        /* turns covered */
} script;

static void strlist_free(char **l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(l[i]);
    free(l);
}

static void script_free(script *t)
{
    free(t->name);
    free(t->outcome);
    strlist_free(t->replies, t->nreplies);
    strlist_free(t->findings, t->nfindings);
    strlist_free(t->absent, t->nabsent);
    for (size_t i = 0; i < t->nturn; i++)
        if (t->turn[i]) {
            for (char **p = t->turn[i]; *p; p++)
                free(*p);
            free(t->turn[i]);
        }
    free(t->turn);
}

/* List of strings at field k of the table at -1 (NULL-terminated). */
static char **read_list(lua_State *L, int idx, size_t *n)
{
    *n = 0;
    if (!lua_istable(L, idx))
        return NULL;
    size_t len = (size_t)lua_rawlen(L, idx);
    char **l = xcalloc(len + 1, sizeof *l);
    for (size_t i = 1; i <= len; i++) {
        lua_rawgeti(L, idx, (lua_Integer)i);
        if (lua_type(L, -1) == LUA_TSTRING)
            l[(*n)++] = xstrdup(lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    return l;
}

static int read_script(lua_State *L, script *t, size_t index, char **why)
{
    memset(t, 0, sizeof *t);
    t->lo = 0;
    t->hi = 100;
    if (!lua_istable(L, -1))
        return crm_seterr(why, _("tests[%zu] must be a table"), index);
    lua_getfield(L, -1, "name");
    t->name = lua_isstring(L, -1) ? xstrdup(lua_tostring(L, -1)) : xasprintf("#%zu", index);
    lua_pop(L, 1);
    lua_getfield(L, -1, "seed");
    t->seed = lua_isinteger(L, -1) ? (long long)lua_tointeger(L, -1) : 1;
    lua_pop(L, 1);
    lua_getfield(L, -1, "replies");
    t->replies = read_list(L, -1, &t->nreplies);
    lua_pop(L, 1);
    if (t->nreplies == 0 || t->nreplies > MAX_REPLIES)
        return crm_seterr(why, _("test '%s' needs 'replies', a list of 1 to %d strings"), t->name, MAX_REPLIES);
    lua_getfield(L, -1, "outcome");
    t->outcome = lua_isstring(L, -1) ? xstrdup(lua_tostring(L, -1)) : NULL;
    lua_pop(L, 1);
    if (lua_getfield(L, -1, "score") == LUA_TTABLE) {
        lua_rawgeti(L, -1, 1);
        lua_rawgeti(L, -2, 2);
        t->lo = (int)lua_tointeger(L, -2);
        t->hi = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : 100;
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
    lua_getfield(L, -1, "findings");
    t->findings = read_list(L, -1, &t->nfindings);
    lua_pop(L, 1);
    lua_getfield(L, -1, "absent");
    t->absent = read_list(L, -1, &t->nabsent);
    lua_pop(L, 1);
    if (lua_getfield(L, -1, "turn_findings") == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_isinteger(L, -2) && lua_tointeger(L, -2) >= 1 && lua_tointeger(L, -2) <= MAX_REPLIES) {
                size_t k = (size_t)lua_tointeger(L, -2), n;
                if (k > t->nturn) {
                    t->turn = xrealloc(t->turn, k * sizeof *t->turn);
                    for (size_t i = t->nturn; i < k; i++)
                        t->turn[i] = NULL;
                    t->nturn = k;
                }
                if (!t->turn[k - 1])
                    t->turn[k - 1] = read_list(L, -1, &n);
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    return 0;
}

/* 1 if id (a lexicon entry id or a step id) occurs in turn t. */
static int turn_has(const sess_turn *t, const char *id)
{
    for (size_t i = 0; i < t->g.nf; i++)
        if (strcmp(t->g.f[i].entry->id, id) == 0)
            return 1;
    int si = step_index(id);
    return si >= 0 && (t->g.steps & (1u << si));
}

static int session_has(const session *s, const char *id)
{
    /* A step also counts when the persona credited it itself (crm.mark). */
    int si = step_index(id);
    if (si >= 0 && (s->steps_done & (1u << si)))
        return 1;
    for (int i = 0; i < s->nturns; i++)
        if (turn_has(&s->turns[i], id))
            return 1;
    return 0;
}

static void transcript(FILE *out, const session *s)
{
    fprintf(out, _("      transcript:\n"));
    for (int i = 0; i < s->nturns; i++) {
        const sess_turn *t = &s->turns[i];
        fprintf(out, "        %2d > %s\n", t->n, t->reply);
        strbuf sb;
        sb_init(&sb);
        for (size_t j = 0; j < t->g.nf; j++)
            sb_addf(&sb, "%s%s", sb.len ? " " : "", t->g.f[j].entry->id);
        for (int k = 0; k < STEP_COUNT; k++)
            if (t->g.steps & (1u << k))
                sb_addf(&sb, "%s%s", sb.len ? " " : "", step_ids[k]);
        if (sb.len)
            fprintf(out, "           [%s]\n", sb.buf);
        sb_release(&sb);
        fprintf(out, _("           < %s  (mood %d)\n"), t->customer, t->mood);
    }
}

/* "ok  " and "FAIL" stay untranslated in every language, like the "N passed,
 * N failed" summary of cmd-test.c: scripts (tests/run) read them. */
static void mark(FILE *out, int color, int ok, const char *id, const char *name)
{
    fprintf(out, "%s%s%s %s %s", color ? (ok ? "\033[32m" : "\033[31m") : "", ok ? "ok  " : "FAIL",
            color ? "\033[0m" : "", id, name);
}

static int run_script(const char *home, const char *path, const course *crs, const lexicon *lx,
                      const char *id, const script *t, FILE *out, int color)
{
    sess_config cfg = { home, path, "selftest", t->seed, "practice", lx, crs, NULL, NULL, NULL, 0, NULL, 0 };
    session *s = NULL;
    char *err = NULL;
    strbuf why;
    sb_init(&why);
    if (sess_open(&cfg, &s, &err) < 0) {
        sb_addf(&why, _("      cannot start: %s\n"), err);
        goto report;
    }
    for (size_t i = 0; i < t->nreplies && !s->ended; i++) {
        int rc = sess_reply(s, t->replies[i], strlen(t->replies[i]), &err);
        if (rc == 1) {
            sb_addf(&why, _("      reply %zu refused: %s\n"), i + 1, err);
            free(err);
            err = NULL;
        } else if (rc < 0) {
            sb_addf(&why, _("      turn %zu: %s\n"), i + 1, err);
            break;
        }
    }
    if (s->ended && s->nturns < (int)t->nreplies && strcmp(s->outcome, "error") != 0)
        sb_addf(&why, _("      replies:  the session ended at turn %d, so replies %d-%zu were never said "
                        "(remove them, or check the expected outcome)\n"),
                s->nturns, s->nturns + 1, t->nreplies);
    if (!s->ended && !err && sess_abandon(s, &err) < 0)
        sb_addf(&why, "      %s\n", err);
    if (t->outcome && strcmp(t->outcome, s->outcome ? s->outcome : "") != 0)
        sb_addf(&why, _("      outcome:  expected %s, got %s\n"), t->outcome, s->outcome);
    if (s->card.total < t->lo || s->card.total > t->hi)
        sb_addf(&why, _("      score:    expected %d-%d, got %d\n"), t->lo, t->hi, s->card.total);
    for (size_t i = 0; i < t->nfindings; i++)
        if (!session_has(s, t->findings[i]))
            sb_addf(&why, _("      findings: expected '%s' somewhere, not found\n"), t->findings[i]);
    for (size_t i = 0; i < t->nabsent; i++)
        if (session_has(s, t->absent[i]))
            sb_addf(&why, _("      findings: '%s' must not occur, but it does\n"), t->absent[i]);
    for (size_t k = 0; k < t->nturn; k++)
        for (char **p = t->turn[k]; p && *p; p++)
            if ((int)k >= s->nturns || !turn_has(&s->turns[k], *p))
                sb_addf(&why, _("      turn %zu: expected '%s', not found\n"), k + 1, *p);
report:;
    int failed = why.len > 0;
    mark(out, color, !failed, id, t->name);
    if (s)
        fprintf(out, _(" (seed %lld: %s, %d)\n"), t->seed, s->outcome ? s->outcome : "-", s->card.total);
    else
        fputc('\n', out);
    if (failed) {
        fputs(why.buf, out);
        if (s)
            transcript(out, s);
    }
    sb_release(&why);
    free(err);
    sess_free(s);
    return failed;
}

/* Replies random play-throughs draw from: every lexicon example, plus a
 * reply that is empty after folding. */
static char **reply_pool(const lexicon *lx, size_t *n)
{
    char **pool = NULL;
    *n = 0;
    for (size_t i = 0; i < lx->n; i++)
        for (size_t j = 0; j < lx->e[i].nexamples; j++) {
            pool = xrealloc(pool, (*n + 1) * sizeof *pool);
            pool[(*n)++] = lx->e[i].examples[j];
        }
    pool = xrealloc(pool, (*n + 1) * sizeof *pool);
    pool[(*n)++] = "……";
    return pool;
}

/* xorshift64*: a tiny seeded generator so random play-throughs are the
 * same on every run (Lua's RNG belongs to the persona). */
static uint64_t next_rand(uint64_t *x)
{
    *x ^= *x >> 12;
    *x ^= *x << 25;
    *x ^= *x >> 27;
    return *x * 2685821657736338717ULL;
}

static int run_random(const char *home, const char *path, const course *crs, const lexicon *lx,
                      const char *id, int runs, FILE *out, int color)
{
    size_t npool;
    char **pool = reply_pool(lx, &npool);
    int failed = 0, max_turns = 0;
    for (int r = 1; r <= runs && !failed; r++) {
        sess_config cfg = { home, path, "selftest", r, "practice", lx, crs, NULL, NULL, NULL, 0, NULL, 0 };
        session *s = NULL;
        char *err = NULL;
        if (sess_open(&cfg, &s, &err) < 0) {
            mark(out, color, 0, id, "random");
            fprintf(out, _("\n      run %d: cannot start: %s\n"), r, err);
            free(err);
            failed = 1;
            break;
        }
        max_turns = s->scn->max_turns;
        uint64_t x = 0x9E3779B97F4A7C15ULL ^ (uint64_t)r;
        const char *last = pool[0];
        for (int i = 0; i < max_turns + 5 && !s->ended; i++) {
            uint64_t v = next_rand(&x);
            const char *reply = (v % 8 == 0) ? last : pool[(v >> 3) % npool];
            last = reply;
            /* Ask for a hint at every turn: a hints function that fails
             * in some state must show up here, not in front of a student. */
            free(sess_hint_text(s, &err));
            if (err || sess_reply(s, reply, strlen(reply), &err) < 0) {
                mark(out, color, 0, id, "random");
                fprintf(out, _("\n      run %d (seed %d), turn %d: %s\n"), r, r, s->nturns, err);
                transcript(out, s);
                failed = 1;
                break;
            }
            free(err);
            err = NULL;
        }
        if (!failed && (!s->ended || s->nturns > max_turns)) {
            mark(out, color, 0, id, "random");
            fprintf(out, _("\n      run %d (seed %d): did not end within max_turns %d\n"), r, r, max_turns);
            failed = 1;
        }
        free(err);
        sess_free(s);
    }
    if (!failed) {
        mark(out, color, 1, id, "random");
        fprintf(out, _(" (%d play-throughs, at most %d turns each)\n"), runs, max_turns);
    }
    free(pool);
    return failed;
}

int selftest_run(const char *home, const char *path, const course *crs, FILE *out,
                 int color, selftest_counts *c, char **err)
{
    scenario *scn = NULL;
    lexicon *lx = NULL;
    if (scn_load(home, path, 0, &scn, err) < 0)
        return -1;
    if (scn_lexicon(home, scn, &lx, err) < 0) {
        scn_free(scn);
        return -1;
    }
    lua_State *L = lh_L(scn->h);
    char *id = xstrdup(scn->id);
    lua_rawgeti(L, LUA_REGISTRYINDEX, scn->ref);
    lua_getfield(L, -1, "tests");
    size_t ntests = lua_istable(L, -1) ? (size_t)lua_rawlen(L, -1) : 0;
    script *tests = xcalloc(ntests ? ntests : 1, sizeof *tests);
    int runs = DEFAULT_RANDOM, bad = 0;
    if (ntests == 0) {
        mark(out, color, 0, id, "tests");
        fprintf(out, _("\n      %s: no self-tests (add a 'tests' field: see course/persona-api.md)\n"), path);
        c->failed++;
    }
    for (size_t i = 0; i < ntests; i++) {
        char *why = NULL;
        lua_rawgeti(L, -1, (lua_Integer)i + 1);
        if (read_script(L, &tests[i], i + 1, &why) < 0) {
            mark(out, color, 0, id, tests[i].name ? tests[i].name : "?");
            fprintf(out, "\n      %s:%d: %s\n", path, scn_field_line(scn, "tests"), why);
            free(why);
            bad = 1;
            c->failed++;
        }
        lua_pop(L, 1);
    }
    if (lua_istable(L, -1)) {
        lua_getfield(L, -1, "random");
        if (lua_isinteger(L, -1))
            runs = (int)lua_tointeger(L, -1);
        lua_pop(L, 1);
    }
    lua_pop(L, 2);
    for (size_t i = 0; i < ntests && !bad; i++) {
        if (run_script(home, path, crs, lx, id, &tests[i], out, color))
            c->failed++;
        else
            c->passed++;
    }
    if (runs > 0) {
        if (run_random(home, path, crs, lx, id, runs, out, color))
            c->failed++;
        else
            c->passed++;
    }
    for (size_t i = 0; i < ntests; i++)
        script_free(&tests[i]);
    free(tests);
    free(id);
    lex_free(lx);
    scn_free(scn);
    return 0;
}
