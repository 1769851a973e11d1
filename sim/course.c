/*
 * course.c - reads course/course.lua in the sandbox and checks the rubric
 * (weights are non-negative and add up to 100).
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
        return crm_seterr(err, "%s: '%s' must be a number", path, k);
    return 0;
}

int course_load(const char *home, course *c, char **err)
{
    memset(c, 0, sizeof *c);
    score_weights_default(&c->weights);
    c->title = xstrdup("客户关系管理 · 情景模拟");
    c->default_scenario = xstrdup("bank-card");
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
        crm_seterr(err, "%s: must return a table", path);
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
    if (lua_getfield(L, -1, "weights") == LUA_TTABLE) {
        double sum = 0;
        for (int i = 0; i < CRIT_COUNT; i++) {
            if (num_field(L, crit_ids[i], &c->weights.w[i], path, err) < 0) {
                lua_pop(L, 1);
                goto done;
            }
            if (c->weights.w[i] < 0) {
                lua_pop(L, 1);
                crm_seterr(err, "%s: weight '%s' must not be negative", path, crit_ids[i]);
                goto done;
            }
            sum += c->weights.w[i];
        }
        if (fabs(sum - 100) > 0.001) {
            lua_pop(L, 1);
            crm_seterr(err, "%s: weights add up to %g, not 100", path, sum);
            goto done;
        }
    }
    lua_pop(L, 1);
    double emp = c->weights.empathy_needed, lt = c->weights.language_turns;
    if (num_field(L, "hint_cost", &c->weights.hint_cost, path, err) < 0 ||
        num_field(L, "per_severity", &c->weights.per_severity, path, err) < 0 ||
        num_field(L, "empathy_needed", &emp, path, err) < 0 ||
        num_field(L, "language_turns", &lt, path, err) < 0)
        goto done;
    c->weights.empathy_needed = (int)emp;
    c->weights.language_turns = (int)lt;
    rc = 0;
done:
    lh_free(h);
    free(path);
    return rc;
}

void course_release(course *c)
{
    free(c->title);
    free(c->default_scenario);
    memset(c, 0, sizeof *c);
}
