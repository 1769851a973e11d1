/*
 * session.c - the session engine: persona state, one turn at a time
 * (check, grade, persona hook, store), the end of a session and its score.
 * Everything here is a function of the scenario bytes, lexicons, seed and
 * replies: no clock, no unordered iteration reaches state or output.
 * Deliberately not here: terminal input and output.
 */
#include "session.h"

#include <jansson.h>
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"
#include "report.h"
#include "steps.h"
#include "u8.h"
#include "util.h"

#define MAX_CUSTOMER_CHARS 2000
#define MAX_STATE_DEPTH 16

const char *sess_mood_label(int mood)
{
    if (mood < 20)
        return _("暴怒");
    if (mood < 40)
        return _("生气");
    if (mood < 60)
        return _("不满");
    if (mood < 80)
        return _("平静");
    return _("满意");
}

/* Customer text as a terminal may show it. */
static char *sanitize(const char *s, size_t len)
{
    return u8_printable(s, len, MAX_CUSTOMER_CHARS);
}

/* ---- Lua state to JSON, keys sorted -------------------------------- */

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static json_t *to_json(lua_State *L, int idx, int depth, const char *path, char **err);

static json_t *table_to_json(lua_State *L, int idx, int depth, const char *path, char **err)
{
    idx = lua_absindex(L, idx);
    size_t n = (size_t)lua_rawlen(L, idx), count = 0;
    int seq = 1;
    char **keys = NULL;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        count++;
        if (lua_type(L, -1) == LUA_TNUMBER && lua_isinteger(L, -1)) {
            lua_Integer k = lua_tointeger(L, -1);
            if (k < 1 || (size_t)k > n)
                seq = 0;
        } else if (lua_type(L, -1) == LUA_TSTRING) {
            seq = 0;
        } else {
            lua_pop(L, 1);
            for (size_t i = 0; i < count - 1; i++)
                free(keys[i]);
            free(keys);
            crm_seterr(err, _("%s: keys must be strings or integers"), path);
            return NULL;
        }
        keys = xrealloc(keys, count * sizeof *keys);
        if (lua_type(L, -1) == LUA_TSTRING)
            keys[count - 1] = xstrdup(lua_tostring(L, -1));
        else
            keys[count - 1] = xasprintf("%lld", (long long)lua_tointeger(L, -1));
    }
    json_t *out = NULL;
    if (seq && count == n && n > 0) {
        out = json_array();
        for (size_t i = 1; i <= n && out; i++) {
            lua_rawgeti(L, idx, (lua_Integer)i);
            char *sub = xasprintf("%s[%zu]", path, i);
            json_t *v = to_json(L, -1, depth + 1, sub, err);
            free(sub);
            lua_pop(L, 1);
            if (!v) {
                json_decref(out);
                out = NULL;
            } else {
                json_array_append_new(out, v);
            }
        }
    } else {
        if (count > 1)
            qsort(keys, count, sizeof *keys, cmp_cstr);
        out = json_object();
        for (size_t i = 0; i < count && out; i++) {
            char *end;
            long long ik = strtoll(keys[i], &end, 10);
            if (*end == '\0' && lua_rawgeti(L, idx, ik) != LUA_TNIL) {
                /* integer key */
            } else {
                if (*end == '\0')
                    lua_pop(L, 1);
                lua_getfield(L, idx, keys[i]);
            }
            char *sub = xasprintf("%s.%s", path, keys[i]);
            json_t *v = to_json(L, -1, depth + 1, sub, err);
            free(sub);
            lua_pop(L, 1);
            if (!v) {
                json_decref(out);
                out = NULL;
            } else {
                json_object_set_new(out, keys[i], v);
            }
        }
    }
    for (size_t i = 0; i < count; i++)
        free(keys[i]);
    free(keys);
    return out;
}

static json_t *to_json(lua_State *L, int idx, int depth, const char *path, char **err)
{
    if (depth > MAX_STATE_DEPTH) {
        crm_seterr(err, _("%s: nested too deep (cycle?)"), path);
        return NULL;
    }
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
        return json_boolean(lua_toboolean(L, idx));
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            return json_integer((json_int_t)lua_tointeger(L, idx));
        if (!isfinite(lua_tonumber(L, idx))) {
            crm_seterr(err, _("%s: numbers must be finite"), path);
            return NULL;
        }
        return json_real(lua_tonumber(L, idx));
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        json_t *v = json_stringn(s, len);
        if (!v)
            crm_seterr(err, _("%s: strings must be valid UTF-8"), path);
        return v;
    }
    case LUA_TTABLE:
        return table_to_json(L, idx, depth, path, err);
    default:
        crm_seterr(err, _("%s: cannot keep a %s value in the state"), path, luaL_typename(L, idx));
        return NULL;
    }
}

static char *json_text(json_t *v)
{
    char *s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
    char *out = xstrdup(s ? s : "null");
    free(s);
    return out;
}

/* ---- persona state ---------------------------------------------------- */

static lua_State *SL(session *s)
{
    return lh_L(s->scn->h);
}

static void push_state(session *s)
{
    lua_rawgeti(SL(s), LUA_REGISTRYINDEX, s->state_ref);
}

static void push_field_fn(session *s, const char *name)
{
    lua_State *L = SL(s);
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->scn->ref);
    lua_getfield(L, -1, name);
    lua_remove(L, -2);
}

static int fn_line(session *s, const char *name)
{
    lua_State *L = SL(s);
    push_field_fn(s, name);
    lua_Debug ar;
    int line = 0;
    if (lua_isfunction(L, -1)) {
        lua_getinfo(L, ">S", &ar);
        line = ar.linedefined;
    } else {
        lua_pop(L, 1);
    }
    return line > 0 ? line : scn_field_line(s->scn, name);
}

static void new_state(session *s)
{
    lua_State *L = SL(s);
    lua_newtable(L);
    lua_pushinteger(L, 0);
    lua_setfield(L, -2, "turn");
    lua_pushinteger(L, s->scn->mood);
    lua_setfield(L, -2, "mood");
    lua_pushinteger(L, s->scn->patience);
    lua_setfield(L, -2, "patience");
    lua_newtable(L);
    lua_setfield(L, -2, "steps");
    lua_newtable(L);
    lua_setfield(L, -2, "memo");
    lua_pushinteger(L, (lua_Integer)s->cfg.seed);
    lua_setfield(L, -2, "seed");
    lua_pushinteger(L, s->scn->max_turns);
    lua_setfield(L, -2, "max_turns");
    s->state_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    s->mood = s->scn->mood;
    s->patience = s->scn->patience;
}

/* After a hook: clamp mood and patience, check steps; -1 with *err. */
static int settle_state(session *s, const char *hook, char **err)
{
    lua_State *L = SL(s);
    int rc = 0;
    push_state(s);
    lua_getfield(L, -1, "mood");
    double mood = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : s->mood;
    lua_pop(L, 1);
    mood = mood < 0 ? 0 : mood > 100 ? 100 : mood;
    s->mood = (int)lround(mood);
    lua_pushinteger(L, s->mood);
    lua_setfield(L, -2, "mood");
    lua_getfield(L, -1, "patience");
    double pat = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : s->patience;
    lua_pop(L, 1);
    s->patience = pat < 0 ? 0 : (int)lround(pat);
    lua_pushinteger(L, s->patience);
    lua_setfield(L, -2, "patience");
    lua_pushinteger(L, s->nturns);
    lua_setfield(L, -2, "turn");
    s->steps_done = 0;
    if (lua_getfield(L, -1, "steps") == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            lua_pop(L, 1);
            const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
            int si = k ? step_index(k) : -1;
            if (si < 0) {
                lua_pop(L, 1);
                rc = crm_seterr(err, _("%s:%d: %s put an unknown step '%s' in state.steps"),
                                s->scn->path, fn_line(s, hook), hook, k ? k : "(not a string)");
                break;
            }
            s->steps_done |= 1u << si;
        }
    } else {
        rc = crm_seterr(err, _("%s:%d: %s replaced state.steps with a non-table"),
                        s->scn->path, fn_line(s, hook), hook);
    }
    lua_pop(L, 2);
    return rc;
}

char *sess_state_json(session *s)
{
    lua_State *L = SL(s);
    char *err = NULL;
    push_state(s);
    json_t *v = to_json(L, -1, 0, "state", &err);
    lua_pop(L, 1);
    if (!v) {
        char *out = xasprintf("{\"error\":\"%s\"}", "state not serialisable");
        free(err);
        return out;
    }
    char *out = json_text(v);
    json_decref(v);
    return out;
}

/* State JSON with its error reported against the hook that broke it. */
static char *state_json_checked(session *s, const char *hook, char **err)
{
    lua_State *L = SL(s);
    char *e = NULL;
    push_state(s);
    json_t *v = to_json(L, -1, 0, "state", &e);
    lua_pop(L, 1);
    if (!v) {
        crm_seterr(err, _("%s:%d: after %s: %s"), s->scn->path, fn_line(s, hook), hook, e);
        free(e);
        return NULL;
    }
    char *out = json_text(v);
    json_decref(v);
    return out;
}

/* ---- life cycle -------------------------------------------------------- */

static int store_end(session *s, char **err);
static int begin_deferred(session *s, char **err);

void sess_score_turn(score_input *in, const grade_result *g)
{
    int emp = 0;
    for (size_t j = 0; j < g->nf; j++) {
        /* An entry that matches in several clauses of one reply is one
         * mistake: count its severity once per turn. */
        int again = 0;
        for (size_t k = 0; k < j && !again; k++)
            again = g->f[k].entry == g->f[j].entry;
        if (g->f[j].entry->kind == LEX_FORBIDDEN && !again)
            in->severity_sum += g->f[j].entry->severity;
        if (g->f[j].entry->kind == LEX_EMPATHY)
            emp = 1;
    }
    if (g->steps & (1u << step_index("apologize")))
        emp = 1;
    in->empathic_turns += emp;
    in->turns++;
}

void sess_score(const scenario *scn, const course *crs, score_input *in, unsigned done,
                const char *outcome, int hints, score_card *out)
{
    const scn_outcome *o = scn_outcome_find(scn, outcome);
    in->required = scn->required;
    in->done = done;
    in->outcome_points = o ? o->score : 0;
    in->hints = hints;
    score_weights w;
    course_weights_for(crs, scn->id, &w);
    score_compute(&w, in, out);
}

/* Ends the session: outcome, how it ended ("replies", "quit", "time"),
 * the chain seal, the score; stores all of it. */
static int end_session(session *s, const char *outcome, const char *ended_by, char **err)
{
    if (begin_deferred(s, err) < 0)
        return -1;
    s->ended = 1;
    free(s->outcome);
    s->outcome = xstrdup(outcome);
    s->ended_by = ended_by;
    chain_seal(s->cfg.key, s->chain, outcome, ended_by, s->hints, s->seal);
    score_input in = { 0 };
    for (int i = 0; i < s->nturns; i++)
        sess_score_turn(&in, &s->turns[i].g);
    sess_score(s->scn, s->cfg.course, &in, s->steps_done, outcome, s->hints, &s->card);
    return store_end(s, err);
}

static int store_end(session *s, char **err)
{
    if (!s->cfg.db || s->replaying)
        return 0;
    if (sess_store_opening(s, err) < 0)
        return -1;
    store_criterion crit[CRIT_COUNT];
    for (int c = 0; c < CRIT_COUNT; c++)
        crit[c] = (store_criterion){ crit_ids[c], s->card.points[c], s->card.max[c] };
    return store_session_end(s->cfg.db, s->id, s->outcome, s->card.total, s->hints,
                             s->ended_by, s->seal, crit, CRIT_COUNT, err);
}

/* The findings JSON of a turn (g NULL for the opening), with the chain
 * advanced over it; caller frees. */
static char *chain_over(session *s, int n, const char *reply, const char *customer,
                        const grade_result *g)
{
    json_t *f = json_object();
    if (g)
        report_findings(f, g);
    char *fj = json_text(f);
    json_decref(f);
    char next[CHAIN_HEX];
    chain_turn(s->cfg.key, s->chain, n, reply, customer, fj, next);
    memcpy(s->chain, next, sizeof next);
    return fj;
}

/* Advances the chain over one turn (n = 0 for the opening; also when
 * nothing is stored: `grade` recomputes chains this way) and stores the
 * turn, after the session's row and opening if they are still to go in. */
static int save_turn(session *s, int n, const char *reply, const char *customer,
                     const grade_result *g, const char *state, char **err)
{
    char *fj = chain_over(s, n, reply, customer, g);
    int rc = 0;
    if (s->cfg.db && !s->replaying) {
        store_turn t = { n, reply, customer, fj, state, s->chain, NULL };
        rc = sess_store_opening(s, err);
        if (rc == 0)
            rc = store_turn_add(s->cfg.db, s->id, &t, s->hints, err);
    }
    free(fj);
    return rc;
}

static char *opening_line(session *s, char **err)
{
    lua_State *L = SL(s);
    push_field_fn(s, "on_start");
    if (lua_isfunction(L, -1)) {
        push_state(s);
        if (lh_call(s->scn->h, 1, 1, err) < 0)
            return NULL;
        if (!lua_isstring(L, -1)) {
            lua_pop(L, 1);
            crm_seterr(err, _("%s:%d: on_start must return the opening line (a string)"),
                       s->scn->path, fn_line(s, "on_start"));
            return NULL;
        }
    } else {
        lua_pop(L, 1);
        lua_rawgeti(L, LUA_REGISTRYINDEX, s->scn->ref);
        lua_getfield(L, -1, "opening");
        lua_remove(L, -2);
        if (lua_istable(L, -1)) {
            lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
            lua_Integer pick = (lua_Integer)((uint64_t)s->cfg.seed % (uint64_t)n) + 1;
            lua_rawgeti(L, -1, pick);
            lua_remove(L, -2);
        }
        if (!lua_isstring(L, -1)) {
            lua_pop(L, 1);
            crm_seterr(err, _("%s:%d: 'opening' must be a string or a list of strings"),
                       s->scn->path, scn_field_line(s->scn, "opening"));
            return NULL;
        }
    }
    size_t len;
    const char *t = lua_tolstring(L, -1, &len);
    char *line = sanitize(t, len);
    lua_pop(L, 1);
    return line;
}

/* Reads the course lexicons (not compiled yet: need_lexicon) when the
 * session compiles its own, and starts the chain at its head. */
static int begin_chain(session *s, char **err)
{
    if (s->own_lx && !s->lx_src && !s->own_lx->m) {
        char *dir = xasprintf("%s/grading/lexicons", s->cfg.home);
        int rc = lex_read(dir, &s->lx_src, err);
        free(dir);
        if (rc < 0)
            return -1;
        memcpy(s->own_lx->hash, s->lx_src->hash, sizeof s->own_lx->hash);
    }
    const sess_config *cfg = &s->cfg;
    chain_head(cfg->key, cfg->student, s->scn->id, s->scn->hash, cfg->lx->hash, cfg->seed,
               cfg->mode, cfg->attempt, s->head);
    memcpy(s->chain, s->head, sizeof s->chain);
    return 0;
}

/* What sess_open left for later with defer_store (the lexicons read, the
 * chain over the opening), done before anything needs it: the store of
 * the opening, a reply, the end. */
static int begin_deferred(session *s, char **err)
{
    if (!s->deferred)
        return 0;
    if (begin_chain(s, err) < 0)
        return -1;
    s->open_findings = chain_over(s, 0, NULL, s->opening, NULL);
    memcpy(s->opening_chain, s->chain, sizeof s->chain);
    s->deferred = 0;
    return 0;
}

/* sess_open; for sess_resume: with row > 0 the session goes into that
 * existing row (no new one), and with replaying = 1 turn 0 is not stored. */
static int open_session(const sess_config *cfg, int64_t row_id, int replaying, session **out,
                        char **err)
{
    session *s = xcalloc(1, sizeof *s);
    s->cfg = *cfg;
    s->state_ref = LUA_NOREF;
    s->replaying = replaying;
    s->id = row_id;
    *out = NULL;
    if (scn_load(cfg->home, cfg->path, cfg->seed, &s->scn, err) < 0)
        goto fail;
    if (!cfg->lx) {
        /* Compiling the lexicons is most of the start-up (Lua, OpenCC, the
         * automaton), and the opening line needs only their hash: read
         * the bytes now (or, with defer_store, after the opening is on the
         * screen), compile them at the first reply. */
        s->own_lx = xcalloc(1, sizeof *s->own_lx);
        s->cfg.lx = s->own_lx;
        lua_State *L = SL(s);
        lua_rawgeti(L, LUA_REGISTRYINDEX, s->scn->ref);
        s->scn_lexicon = lua_getfield(L, -1, "lexicon") != LUA_TNIL;
        lua_pop(L, 2);
    }
    /* With defer_store, the chain (whose head names the lexicons' hash)
     * starts once the opening is shown, in begin_deferred. */
    s->deferred = cfg->defer_store && cfg->db && !row_id;
    if (!s->deferred && begin_chain(s, err) < 0)
        goto fail;
    new_state(s);
    s->opening = opening_line(s, err);
    if (!s->opening)
        goto fail;
    if (settle_state(s, "on_start", err) < 0)
        goto fail;
    char *state = state_json_checked(s, "on_start", err);
    if (!state)
        goto fail;
    if (cfg->db && !row_id) {
        /* The row and the opening turn in one commit, now or (play on a
         * terminal) once the opening is on the screen. */
        s->open_state = state;
        if (!s->deferred) {
            s->open_findings = chain_over(s, 0, NULL, s->opening, NULL);
            memcpy(s->opening_chain, s->chain, sizeof s->chain);
            if (sess_store_opening(s, err) < 0)
                goto fail;
        }
    } else {
        int rc = save_turn(s, 0, NULL, s->opening, NULL, state, err);
        free(state);
        if (rc < 0)
            goto fail;
        memcpy(s->opening_chain, s->chain, sizeof s->chain);
    }
    *out = s;
    return 0;
fail:
    sess_free(s);
    return -1;
}

int sess_open(const sess_config *cfg, session **out, char **err)
{
    return open_session(cfg, 0, 0, out, err);
}

/* ---- resume ------------------------------------------------------------ */

typedef struct stored_turn {
    int n;          /* turn number */
    char *reply;    /* reply as stored, NULL for turn 0 */
    char *customer; /* customer line as stored */
    char *chain;    /* chain value as stored, NULL if none */
} stored_turn;

typedef struct stored_session {
    int found;             /* 1 once the row was read */
    char *student;         /* row fields, copied */
    char *scenario;
    char *scenario_hash;
    char *lexicon_hash;
    char *mode;
    char *head;
    int64_t seed;
    int ended;             /* 1 when the row has an end */
    int hints;             /* hints used so far */
    stored_turn *t;        /* turns in n order */
    int nt;                /* count */
} stored_session;

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static int got_session(const store_session *ses, void *ctx)
{
    stored_session *st = ctx;
    st->found = 1;
    st->student = dup_or_null(ses->student);
    st->scenario = dup_or_null(ses->scenario);
    st->scenario_hash = dup_or_null(ses->scenario_hash);
    st->lexicon_hash = dup_or_null(ses->lexicon_hash);
    st->mode = dup_or_null(ses->mode);
    st->head = dup_or_null(ses->head);
    st->seed = ses->seed;
    st->ended = ses->ended != NULL;
    st->hints = ses->hints;
    return 0;
}

static int got_turn(const store_turn *t, void *ctx)
{
    stored_session *st = ctx;
    st->t = xrealloc(st->t, (size_t)(st->nt + 1) * sizeof *st->t);
    st->t[st->nt++] = (stored_turn){ t->n, dup_or_null(t->reply), dup_or_null(t->customer),
                                     dup_or_null(t->chain) };
    return 0;
}

static void stored_release(stored_session *st)
{
    for (int i = 0; i < st->nt; i++) {
        free(st->t[i].reply);
        free(st->t[i].customer);
        free(st->t[i].chain);
    }
    free(st->t);
    free(st->student);
    free(st->scenario);
    free(st->scenario_hash);
    free(st->lexicon_hash);
    free(st->mode);
    free(st->head);
}

static int same_text(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

int sess_resume(const sess_config *cfg, int64_t id, session **out, char **err)
{
    stored_session st = { 0 };
    session *s = NULL;
    int ret = -1;
    *out = NULL;
    if (!cfg->db)
        return crm_seterr(err, _("no database to resume a session from"));
    if (store_session_get(cfg->db, id, got_session, got_turn, &st, err) < 0)
        goto done;
    if (st.ended) {
        crm_seterr(err, _("session %lld has already ended; nothing to resume"), (long long)id);
        goto done;
    }
    if (!same_text(st.student, cfg->student) || st.seed != cfg->seed ||
        !same_text(st.mode, cfg->mode)) {
        crm_seterr(err, _("session %lld was played by '%s' with seed %lld in %s mode; "
                          "cannot resume it with other settings"),
                   (long long)id, st.student ? st.student : "?", (long long)st.seed,
                   st.mode ? st.mode : "?");
        goto done;
    }
    /* Killed between the session row and its opening line: nothing was
     * shown yet, so start the session over in the same row. */
    if (st.nt == 0) {
        ret = open_session(cfg, id, 0, out, err);
        goto done;
    }
    for (int i = 0; i < st.nt; i++)
        if (st.t[i].n != i) {
            crm_seterr(err, _("session %lld: stored turn %d is missing; cannot resume it"),
                       (long long)id, i);
            goto done;
        }
    if (open_session(cfg, id, 1, &s, err) < 0)
        goto done;
    s->hints = st.hints; /* hints do not change turns, only the score */
    if (!same_text(s->scn->id, st.scenario) || !same_text(s->scn->hash, st.scenario_hash)) {
        crm_seterr(err, _("%s: the scenario file has changed since session %lld was played "
                          "(its contents differ); the session cannot be resumed"),
                   s->scn->path, (long long)id);
        goto done;
    }
    if (!same_text(s->cfg.lx->hash, st.lexicon_hash)) {
        crm_seterr(err, _("the lexicons have changed since session %lld was played; "
                          "the session cannot be resumed"), (long long)id);
        goto done;
    }
    if ((st.head && strcmp(st.head, s->head) != 0) || !same_text(st.t[0].customer, s->opening) ||
        (st.t[0].chain && strcmp(st.t[0].chain, s->chain) != 0)) {
        crm_seterr(err, _("session %lld: replaying the opening gives a different result; "
                          "the session cannot be resumed"), (long long)id);
        goto done;
    }
    for (int i = 1; i < st.nt; i++) {
        const stored_turn *t = &st.t[i];
        char *e = NULL;
        int rc = s->ended ? -1 : sess_reply(s, t->reply ? t->reply : "", t->reply ? strlen(t->reply) : 0, &e);
        const sess_turn *tp = rc == 0 ? &s->turns[s->nturns - 1] : NULL;
        if (rc != 0 || !same_text(tp->customer, t->customer) ||
            (t->chain && strcmp(t->chain, tp->chain) != 0)) {
            crm_seterr(err, _("session %lld: replaying turn %d gives a different result (%s); "
                              "the session cannot be resumed"),
                       (long long)id, t->n, e ? e : _("the customer's answer differs"));
            free(e);
            goto done;
        }
        free(e);
    }
    s->replaying = 0;
    s->id = id;
    if (s->ended && store_end(s, err) < 0) /* interrupted between the last turn and its end */
        goto done;
    *out = s;
    s = NULL;
    ret = 0;
done:
    sess_free(s);
    stored_release(&st);
    return ret;
}

/* Compiles the session's lexicon (see open_session) if not done yet. The
 * scenario's own entries come from a fresh load of the same bytes with
 * the same seed, so that they are what they were before any hook ran,
 * as when the lexicon was compiled at the start. */
static int need_lexicon(session *s, char **err)
{
    if (begin_deferred(s, err) < 0)
        return -1;
    if (!s->lx_src)
        return 0;
    scenario *copy = NULL;
    lexicon *lx = NULL;
    int rc = -1;
    if (s->scn_lexicon) {
        if (scn_load_src(s->scn, s->cfg.home, s->cfg.seed, &copy, err) < 0)
            goto done;
        lua_State *L = lh_L(copy->h);
        lua_rawgeti(L, LUA_REGISTRYINDEX, copy->ref);
        rc = lex_compile(s->lx_src, L, lua_gettop(L), s->scn->path, &lx, err);
        lua_pop(L, 1);
    } else {
        rc = lex_compile(s->lx_src, NULL, 0, NULL, &lx, err);
    }
    if (rc == 0) {
        /* s->cfg.lx points at own_lx: fill it in place */
        free(s->own_lx);
        s->own_lx = lx;
        s->cfg.lx = lx;
        lex_src_free(s->lx_src);
        s->lx_src = NULL;
    }
done:
    scn_free(copy);
    return rc;
}

void sess_free(session *s)
{
    if (!s)
        return;
    lex_src_free(s->lx_src);
    free(s->open_findings);
    free(s->open_state);
    for (int i = 0; i < s->nturns; i++) {
        free(s->turns[i].reply);
        free(s->turns[i].customer);
        grade_result_release(&s->turns[i].g);
    }
    free(s->turns);
    free(s->opening);
    free(s->outcome);
    scn_free(s->scn);
    lex_free(s->own_lx);
    free(s);
}

static void push_str_list(lua_State *L, const grade_result *g, lex_kind kind)
{
    lua_newtable(L);
    lua_Integer k = 0;
    for (size_t i = 0; i < g->nf; i++) {
        const finding *f = &g->f[i];
        if (f->entry->kind != kind)
            continue;
        lua_newtable(L);
        lua_pushstring(L, f->entry->id);
        lua_setfield(L, -2, "id");
        lua_pushstring(L, f->match);
        lua_setfield(L, -2, "match");
        if (kind == LEX_FORBIDDEN) {
            lua_pushstring(L, f->entry->category);
            lua_setfield(L, -2, "category");
            lua_pushinteger(L, f->entry->severity);
            lua_setfield(L, -2, "severity");
            lua_pushstring(L, f->entry->why);
            lua_setfield(L, -2, "why");
            lua_pushstring(L, f->entry->better);
            lua_setfield(L, -2, "better");
        }
        lua_rawseti(L, -2, ++k);
    }
}

static void push_reply(session *s, const char *line, size_t len, const grade_result *g, int repeated)
{
    lua_State *L = SL(s);
    lua_newtable(L);
    lua_pushlstring(L, line, len);
    lua_setfield(L, -2, "text");
    lua_pushstring(L, g->norm);
    lua_setfield(L, -2, "norm");
    push_str_list(L, g, LEX_FORBIDDEN);
    lua_setfield(L, -2, "forbidden");
    push_str_list(L, g, LEX_EMPATHY);
    lua_setfield(L, -2, "empathy");
    lua_newtable(L);
    lua_Integer k = 0;
    for (int i = 0; i < STEP_COUNT; i++)
        if (g->steps & (1u << i)) {
            lua_pushstring(L, step_ids[i]);
            lua_rawseti(L, -2, ++k);
        }
    lua_setfield(L, -2, "steps");
    lua_pushboolean(L, g->empty);
    lua_setfield(L, -2, "empty");
    lua_pushboolean(L, repeated);
    lua_setfield(L, -2, "repeated");
    lua_pushinteger(L, s->nturns + 1);
    lua_setfield(L, -2, "turn");
}

/* Ends the session with outcome "error" after a scenario or store failure
 * in the turn just added (which was not stored, so it is dropped); keeps
 * *err (the first error). */
static int fail_session(session *s)
{
    char *e2 = NULL;
    sess_turn *t = &s->turns[--s->nturns];
    free(t->reply);
    free(t->customer);
    grade_result_release(&t->g);
    s->ended = 1;
    free(s->outcome);
    s->outcome = xstrdup("error");
    s->ended_by = "error";
    memset(&s->card, 0, sizeof s->card);
    if (s->cfg.db && !s->replaying && s->id)
        store_session_end(s->cfg.db, s->id, "error", 0, s->hints, "error", NULL, NULL, 0, &e2);
    free(e2);
    return -1;
}

/* Ends the session with outcome "error" when its lexicon cannot be
 * compiled at the first reply (no turn was added); keeps *err. */
static int fail_open(session *s)
{
    char *e2 = NULL;
    s->ended = 1;
    free(s->outcome);
    s->outcome = xstrdup("error");
    s->ended_by = "error";
    memset(&s->card, 0, sizeof s->card);
    if (s->cfg.db && !s->replaying && s->id)
        store_session_end(s->cfg.db, s->id, "error", 0, s->hints, "error", NULL, NULL, 0, &e2);
    free(e2);
    return -1;
}

/* Calls on_reply or on_timeout (function and args already pushed); checks
 * and returns say (malloc'd) and outcome (malloc'd or NULL). */
static int run_hook(session *s, const char *hook, int nargs, char **say, char **outcome, char **err)
{
    lua_State *L = SL(s);
    *say = NULL;
    *outcome = NULL;
    if (lh_call(s->scn->h, nargs, 2, err) < 0)
        return -1;
    if (!lua_isnil(L, -2) && !lua_isstring(L, -2)) {
        const char *type = luaL_typename(L, -2); /* a static name: valid after the pop */
        lua_pop(L, 2);
        return crm_seterr(err, _("%s:%d: %s must return what the customer says (a string), got %s"),
                          s->scn->path, fn_line(s, hook), hook, type);
    }
    if (!lua_isnil(L, -1)) {
        const char *o = lua_isstring(L, -1) ? lua_tostring(L, -1) : NULL;
        if (!o || !scn_outcome_find(s->scn, o)) {
            strbuf known;
            sb_init(&known);
            for (size_t i = 0; i < s->scn->nout; i++)
                sb_addf(&known, "%s%s", i ? ", " : "", s->scn->out[i].id);
            crm_seterr(err, _("%s:%d: %s returned outcome '%s', which is not declared in 'outcomes' (%s)"),
                       s->scn->path, fn_line(s, hook), hook, o ? o : luaL_typename(L, -1), known.buf);
            sb_release(&known);
            lua_pop(L, 2);
            return -1;
        }
        *outcome = xstrdup(o);
    }
    size_t len = 0;
    const char *t = lua_isstring(L, -2) ? lua_tolstring(L, -2, &len) : "";
    *say = sanitize(t, len);
    lua_pop(L, 2);
    return 0;
}

static const char *timeout_outcome(const session *s)
{
    static const char *const prefs[] = { "unresolved", "churned", "escalated", NULL };
    for (const char *const *p = prefs; *p; p++)
        if (scn_outcome_find(s->scn, *p))
            return *p;
    return s->scn->out[0].id;
}

int sess_prepare(session *s, char **err)
{
    return need_lexicon(s, err);
}

int sess_store_opening(session *s, char **err)
{
    if (!s->open_state)
        return 0;
    if (begin_deferred(s, err) < 0)
        return -1;
    store_session row = { 0 };
    row.student = s->cfg.student;
    row.scenario = s->scn->id;
    row.scenario_hash = s->scn->hash;
    row.lexicon_hash = s->cfg.lx->hash;
    row.seed = s->cfg.seed;
    row.mode = s->cfg.mode;
    row.score = -1;
    row.submission = s->cfg.submission;
    row.started = s->cfg.started;
    row.head = s->head;
    store_turn t0 = { 0, NULL, s->opening, s->open_findings, s->open_state, s->opening_chain,
                      NULL };
    if (store_session_open(s->cfg.db, &row, s->scn->title, &t0, err) < 0)
        return -1;
    s->id = row.id;
    free(s->open_findings);
    free(s->open_state);
    s->open_findings = s->open_state = NULL;
    return 0;
}

int sess_reply(session *s, const char *line, size_t len, char **err)
{
    if (s->ended)
        return crm_seterr(err, _("the session has ended"));
    if (u8_check_reply(line, len, err) < 0)
        return 1;
    if (need_lexicon(s, err) < 0)
        return fail_open(s);
    sess_turn t;
    memset(&t, 0, sizeof t);
    if (grade_text(s->cfg.lx, line, len, &t.g, err) < 0)
        return 1;
    int repeated = 0;
    for (int i = 0; i < s->nturns && !t.g.empty; i++)
        if (strcmp(s->turns[i].g.norm, t.g.norm) == 0)
            repeated = 1;
    t.n = s->nturns + 1;
    t.reply = xstrndup(line, len);

    char *say = NULL, *outcome = NULL, *state = NULL;
    push_field_fn(s, "on_reply");
    push_state(s);
    lua_State *L = SL(s);
    lua_pushinteger(L, t.n);
    lua_setfield(L, -2, "turn");
    push_reply(s, line, len, &t.g, repeated);
    int rc = run_hook(s, "on_reply", 2, &say, &outcome, err);
    s->turns = xrealloc(s->turns, (size_t)(s->nturns + 1) * sizeof *s->turns);
    s->turns[s->nturns++] = t;
    sess_turn *tp = &s->turns[s->nturns - 1];
    tp->customer = say ? say : xstrdup("");
    if (rc < 0 || settle_state(s, "on_reply", err) < 0 ||
        !(state = state_json_checked(s, "on_reply", err))) {
        free(outcome);
        return fail_session(s);
    }
    /* Turn limit: the persona has the last word through on_timeout. */
    if (!outcome && tp->n >= s->scn->max_turns) {
        push_field_fn(s, "on_timeout");
        if (lua_isfunction(L, -1)) {
            char *say2 = NULL;
            push_state(s);
            free(state);
            state = NULL;
            if (run_hook(s, "on_timeout", 1, &say2, &outcome, err) < 0 ||
                settle_state(s, "on_timeout", err) < 0 ||
                !(state = state_json_checked(s, "on_timeout", err))) {
                free(say2);
                free(outcome);
                return fail_session(s);
            }
            if (say2 && *say2) {
                char *joined = *tp->customer ? xasprintf("%s\n%s", tp->customer, say2) : xstrdup(say2);
                free(tp->customer);
                tp->customer = joined;
            }
            free(say2);
        } else {
            lua_pop(L, 1);
        }
        if (!outcome)
            outcome = xstrdup(timeout_outcome(s));
    }
    tp->mood = s->mood;
    /* The last turn and the session's end go in one commit: the reply
     * that ends a session waits for one fsync, not two, and no crash can
     * keep the turn without the end. */
    int batch = outcome && s->cfg.db && !s->replaying;
    if (batch && store_batch_begin(s->cfg.db, err) < 0) {
        free(state);
        free(outcome);
        return fail_session(s);
    }
    rc = save_turn(s, tp->n, tp->reply, tp->customer, &tp->g, state, err);
    free(state);
    if (rc < 0) {
        if (batch)
            store_batch_end(s->cfg.db, 0, NULL);
        free(outcome);
        return fail_session(s);
    }
    memcpy(tp->chain, s->chain, sizeof tp->chain);
    if (outcome) {
        rc = end_session(s, outcome, "replies", err);
        free(outcome);
        if (batch) {
            /* keeps the turn when only the end failed, as two commits did */
            char *cerr = NULL;
            if (store_batch_end(s->cfg.db, 1, &cerr) < 0) {
                if (rc == 0) { /* neither turn nor end is stored */
                    if (err) {
                        free(*err);
                        *err = cerr;
                        cerr = NULL;
                    }
                    fail_session(s);
                }
                rc = -1;
            }
            free(cerr);
        }
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* Pushes a JSON value as the equivalent Lua value. */
static void push_json(lua_State *L, json_t *v)
{
    size_t i;
    const char *k;
    json_t *x;
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        lua_newtable(L);
        json_object_foreach(v, k, x) {
            push_json(L, x);
            lua_setfield(L, -2, k);
        }
        break;
    case JSON_ARRAY:
        lua_newtable(L);
        json_array_foreach(v, i, x) {
            push_json(L, x);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        break;
    case JSON_STRING:
        lua_pushlstring(L, json_string_value(v), json_string_length(v));
        break;
    case JSON_INTEGER:
        lua_pushinteger(L, (lua_Integer)json_integer_value(v));
        break;
    case JSON_REAL:
        lua_pushnumber(L, json_real_value(v));
        break;
    case JSON_TRUE:
    case JSON_FALSE:
        lua_pushboolean(L, json_is_true(v));
        break;
    default:
        lua_pushnil(L);
    }
}

/* The scenario's own hint, or NULL. A hints function runs in a separate
 * copy of the scenario with a copy of the state, so whatever it changes or
 * draws from the RNG cannot reach the session (stored sessions do not
 * record when /hint was used, and replay must give the same session). */
static char *scenario_hint(session *s, char **err)
{
    lua_State *L = SL(s);
    char *out = NULL;
    push_field_fn(s, "hints");
    if (lua_istable(L, -1) && lua_rawlen(L, -1) > 0) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        lua_rawgeti(L, -1, (s->hints > 0 ? s->hints - 1 : 0) % n + 1);
        if (lua_isstring(L, -1))
            out = sanitize(lua_tostring(L, -1), lua_rawlen(L, -1));
        lua_pop(L, 2);
        return out;
    }
    int isfn = lua_isfunction(L, -1);
    lua_pop(L, 1);
    if (!isfn)
        return NULL;
    scenario *copy = NULL;
    char *state = sess_state_json(s);
    json_t *j = json_loads(state, 0, NULL);
    free(state);
    if (scn_load(s->cfg.home, s->scn->path, s->cfg.seed, &copy, err) == 0 && j) {
        lua_State *C = lh_L(copy->h);
        lua_rawgeti(C, LUA_REGISTRYINDEX, copy->ref);
        lua_getfield(C, -1, "hints");
        lua_remove(C, -2);
        push_json(C, j);
        if (lh_call(copy->h, 1, 1, err) == 0) {
            if (lua_isstring(C, -1))
                out = sanitize(lua_tostring(C, -1), lua_rawlen(C, -1));
            else if (!lua_isnil(C, -1))
                crm_seterr(err, _("%s: hints must return a string"), s->scn->path);
            lua_pop(C, 1);
        }
    }
    json_decref(j);
    scn_free(copy);
    return out;
}

char *sess_hint_text(session *s, char **err)
{
    strbuf sb;
    sb_init(&sb);
    char *e = NULL;
    char *h = scenario_hint(s, &e);
    if (h)
        sb_adds(&sb, h);
    else if (e)
        sb_addf(&sb, _("（提示函数出错：%s）"), e);
    free(h);
    if (e && err)
        *err = e;
    else
        free(e);
    unsigned missing = s->scn->required & ~s->steps_done;
    if (missing) {
        if (sb.len)
            sb_adds(&sb, "\n");
        sb_adds(&sb, _("还没完成的步骤："));
        int first = 1;
        for (int i = 0; i < STEP_COUNT; i++)
            if (missing & (1u << i)) {
                sb_addf(&sb, "%s%s", first ? "" : _("、"), step_label(i));
                first = 0;
            }
    }
    if (!sb.len)
        sb_adds(&sb, _("要求的步骤都做到了：争取让客户满意地结束通话。"));
    return sb_detach(&sb);
}

char *sess_hint(session *s)
{
    s->hints++;
    return sess_hint_text(s, NULL);
}

int sess_abandon(session *s, char **err)
{
    if (s->ended)
        return 0;
    return end_session(s, "abandoned", "quit", err);
}

int sess_time_up(session *s, char **err)
{
    if (s->ended)
        return 0;
    return end_session(s, "time_up", "time", err);
}
