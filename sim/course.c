/*
 * course.c - reads course/course.lua in the sandbox: chapters, rubric
 * (weights must be non-negative and add up to 100, also per scenario),
 * practice and exam settings.
 */
#include "course.h"

#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "luahost.h"
#include "util.h"

static int num_field(lua_State *L, const char *k, double *out, const char *path, char **err)
{
    int t = lua_getfield(L, -1, k);
    if (t == LUA_TNUMBER)
        *out = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (t != LUA_TNIL && t != LUA_TNUMBER)
        return crm_seterr(err, _("%s: '%s' must be a number"), path, k);
    return 0;
}

static int int_field(lua_State *L, const char *k, int *out, const char *path, char **err)
{
    double v = *out;
    if (num_field(L, k, &v, path, err) < 0)
        return -1;
    *out = (int)v;
    return 0;
}

/* Weights table at -1 into w; they must add up to 100. */
static int read_weights(lua_State *L, double w[CRIT_COUNT], const char *where, char **err)
{
    double sum = 0;
    for (int i = 0; i < CRIT_COUNT; i++) {
        if (num_field(L, crit_ids[i], &w[i], where, err) < 0)
            return -1;
        if (w[i] < 0)
            return crm_seterr(err, _("%s: weight '%s' must not be negative"), where, crit_ids[i]);
        sum += w[i];
    }
    if (fabs(sum - 100) > 0.001)
        return crm_seterr(err, _("%s: weights add up to %g, not 100"), where, sum);
    return 0;
}

static int read_mode(lua_State *L, const char *k, course_mode *m, char **key, const char *path,
                     char **err)
{
    int t = lua_getfield(L, -1, k);
    int rc = 0;
    if (t == LUA_TTABLE) {
        lua_getfield(L, -1, "hints");
        if (lua_isboolean(L, -1))
            m->hints = lua_toboolean(L, -1);
        lua_pop(L, 1);
        lua_getfield(L, -1, "feedback");
        if (lua_isboolean(L, -1))
            m->feedback = lua_toboolean(L, -1);
        lua_pop(L, 1);
        rc = int_field(L, "attempts", &m->attempts, path, err) < 0 ||
             int_field(L, "minutes", &m->minutes, path, err) < 0 ? -1 : 0;
        if (key && lua_getfield(L, -1, "key") == LUA_TSTRING && lua_rawlen(L, -1) > 0)
            *key = xstrdup(lua_tostring(L, -1));
        if (key)
            lua_pop(L, 1);
    } else if (t != LUA_TNIL) {
        rc = crm_seterr(err, _("%s: '%s' must be a table"), path, k);
    }
    lua_pop(L, 1);
    return rc;
}

static int read_chapters(lua_State *L, course *c, const char *path, char **err)
{
    if (lua_getfield(L, -1, "chapters") != LUA_TTABLE) {
        lua_pop(L, 1);
        return 0;
    }
    size_t n = (size_t)lua_rawlen(L, -1);
    c->chapters = xcalloc(n ? n : 1, sizeof *c->chapters);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, (lua_Integer)i);
        course_chapter *ch = &c->chapters[c->nchapters++];
        ch->n = (int)i;
        if (!lua_istable(L, -1) || int_field(L, "n", &ch->n, path, err) < 0 ||
            int_field(L, "hours", &ch->hours, path, err) < 0 ||
            int_field(L, "practice", &ch->practice, path, err) < 0) {
            lua_pop(L, 2);
            return crm_seterr(err, _("%s: chapters[%zu] must be { n = …, title = …, scenarios = { … } }"), path, i);
        }
        lua_getfield(L, -1, "title");
        ch->title = xstrdup(lua_isstring(L, -1) ? lua_tostring(L, -1) : "");
        lua_pop(L, 1);
        if (lua_getfield(L, -1, "scenarios") == LUA_TTABLE) {
            size_t m = (size_t)lua_rawlen(L, -1);
            ch->scenarios = xcalloc(m ? m : 1, sizeof *ch->scenarios);
            for (size_t j = 1; j <= m; j++) {
                lua_rawgeti(L, -1, (lua_Integer)j);
                if (lua_type(L, -1) == LUA_TSTRING)
                    ch->scenarios[ch->nscenarios++] = xstrdup(lua_tostring(L, -1));
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
    return 0;
}

static int read_overrides(lua_State *L, course *c, const char *path, char **err)
{
    if (lua_getfield(L, -1, "scenario_weights") != LUA_TTABLE) {
        lua_pop(L, 1);
        return 0;
    }
    /* Collect the names, then sort: pairs order differs on every run. */
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            lua_pop(L, 2);
            return crm_seterr(err, _("%s: scenario_weights keys must be scenario ids"), path);
        }
        c->over = xrealloc(c->over, (c->nover + 1) * sizeof *c->over);
        c->over[c->nover].scenario = xstrdup(lua_tostring(L, -1));
        c->nover++;
    }
    for (size_t i = 0; i < c->nover; i++) {
        char *where = xasprintf("%s: scenario_weights[\"%s\"]", path, c->over[i].scenario);
        lua_getfield(L, -1, c->over[i].scenario);
        int rc = lua_istable(L, -1) ? read_weights(L, c->over[i].w, where, err)
                                    : crm_seterr(err, _("%s must be a table"), where);
        lua_pop(L, 1);
        free(where);
        if (rc < 0) {
            lua_pop(L, 1);
            return -1;
        }
    }
    lua_pop(L, 1);
    return 0;
}

int course_load(const char *home, course *c, char **err)
{
    memset(c, 0, sizeof *c);
    score_weights_default(&c->weights);
    c->title = xstrdup(_("客户关系管理 · 情景模拟"));
    c->default_scenario = xstrdup("bank-card");
    c->practice = (course_mode){ 1, 1, 0, 0 };
    c->exam = (course_mode){ 0, 0, 1, 0 };
    char *path = xasprintf("%s/course/course.lua", home);
    if (access(path, F_OK) != 0) {
        free(path);
        return 0;
    }
    lh *h = lh_new(0);
    lua_State *L = lh_L(h);
    int rc = -1;
    if (lh_dofile(h, path, err) < 0)
        goto done;
    if (!lua_istable(L, -1)) {
        crm_seterr(err, _("%s: must return a table"), path);
        goto done;
    }
    if (lua_getfield(L, -1, "title") == LUA_TSTRING) {
        free(c->title);
        c->title = xstrdup(lua_tostring(L, -1));
    }
    lua_pop(L, 1);
    if (lua_getfield(L, -1, "default_scenario") == LUA_TSTRING) {
        free(c->default_scenario);
        c->default_scenario = xstrdup(lua_tostring(L, -1));
    }
    lua_pop(L, 1);
    if (lua_getfield(L, -1, "weights") == LUA_TTABLE && read_weights(L, c->weights.w, path, err) < 0) {
        lua_pop(L, 1);
        goto done;
    }
    lua_pop(L, 1);
    if (num_field(L, "hint_cost", &c->weights.hint_cost, path, err) < 0 ||
        num_field(L, "per_severity", &c->weights.per_severity, path, err) < 0 ||
        int_field(L, "empathy_needed", &c->weights.empathy_needed, path, err) < 0 ||
        int_field(L, "language_turns", &c->weights.language_turns, path, err) < 0 ||
        read_chapters(L, c, path, err) < 0 || read_overrides(L, c, path, err) < 0 ||
        read_mode(L, "practice", &c->practice, NULL, path, err) < 0 ||
        read_mode(L, "exam", &c->exam, &c->exam_key, path, err) < 0)
        goto done;
    rc = 0;
done:
    lh_free(h);
    free(path);
    return rc;
}

void course_release(course *c)
{
    free(c->exam_key);
    free(c->title);
    free(c->default_scenario);
    for (size_t i = 0; i < c->nchapters; i++) {
        free(c->chapters[i].title);
        for (size_t j = 0; j < c->chapters[i].nscenarios; j++)
            free(c->chapters[i].scenarios[j]);
        free(c->chapters[i].scenarios);
    }
    free(c->chapters);
    for (size_t i = 0; i < c->nover; i++)
        free(c->over[i].scenario);
    free(c->over);
    memset(c, 0, sizeof *c);
}

void course_weights_for(const course *c, const char *scenario, score_weights *out)
{
    *out = c->weights;
    for (size_t i = 0; i < c->nover; i++)
        if (strcmp(c->over[i].scenario, scenario) == 0)
            for (int k = 0; k < CRIT_COUNT; k++)
                out->w[k] = c->over[i].w[k];
}

const char *course_exam_key(const course *c)
{
    const char *env = getenv("CRMSIM_EXAM_KEY");
    return env && *env ? env : c->exam_key;
}

const course_chapter *course_chapter_of(const course *c, const char *scenario)
{
    for (size_t i = 0; i < c->nchapters; i++)
        for (size_t j = 0; j < c->chapters[i].nscenarios; j++)
            if (strcmp(c->chapters[i].scenarios[j], scenario) == 0)
                return &c->chapters[i];
    return NULL;
}
