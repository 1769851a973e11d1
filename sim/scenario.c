/*
 * scenario.c - scenario files: resolution by id or path, loading into a
 * sandbox together with the helper library, and validation of the
 * declarative fields with FILE:LINE messages.
 * Deliberately not here: turns, grading, storage.
 */
#include "scenario.h"

#include <dirent.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lexicon.h"
#include "steps.h"
#include "util.h"

static const char *const kinds[] = {
    "angry", "churn", "vip", "wrong", "prospect", "loyalty", "special", NULL,
};

int scn_field_line(const scenario *s, const char *field)
{
    const char *src = s->src;
    size_t fl = strlen(field);
    int line = 1, ret_line = 0, top_ret_line = 0;
    int at_start = 1;
    for (const char *p = src; *p; p++) {
        if (at_start) {
            const char *q = p;
            while (*q == ' ' || *q == '\t')
                q++;
            if (strncmp(q, field, fl) == 0) {
                const char *r = q + fl;
                while (*r == ' ' || *r == '\t')
                    r++;
                if (*r == '=' && r[1] != '=')
                    return line;
            }
            /* The scenario table is the file's top-level return, written
             * at the start of a line; returns inside hooks are indented. */
            if (strncmp(q, "return", 6) == 0) {
                ret_line = line;
                if (q == p)
                    top_ret_line = line;
            }
        }
        at_start = *p == '\n';
        if (*p == '\n')
            line++;
    }
    return top_ret_line ? top_ret_line : ret_line ? ret_line : 1;
}

/* Records a problem at the line where `field` is written. Validation goes
 * on after a problem so `crmsim check` can list them all; scn_load fails
 * with the first. */
static void problem(scenario *s, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(scenario *s, const char *field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *m = xvasprintf(fmt, ap);
    va_end(ap);
    s->probs = xrealloc(s->probs, (s->nprobs + 1) * sizeof *s->probs);
    s->probs[s->nprobs].line = scn_field_line(s, field);
    s->probs[s->nprobs].msg = m;
    s->nprobs++;
}

/* String field `k` of the scenario table (at -1); NULL when absent or bad. */
static char *want_str(scenario *s, lua_State *L, const char *k, int required)
{
    int t = lua_getfield(L, -1, k);
    char *out = NULL;
    if (t == LUA_TSTRING && lua_rawlen(L, -1) > 0)
        out = xstrdup(lua_tostring(L, -1));
    lua_pop(L, 1);
    if (t != LUA_TNIL && t != LUA_TSTRING)
        problem(s, k, _("field '%s' must be a string"), k);
    else if (required && !out)
        problem(s, k, _("missing required field '%s'"), k);
    return out;
}

static int want_int(scenario *s, lua_State *L, const char *k, int lo, int hi)
{
    lua_getfield(L, -1, k);
    int isint;
    lua_Integer v = lua_tointegerx(L, -1, &isint);
    int nil = lua_isnil(L, -1);
    lua_pop(L, 1);
    if (nil)
        problem(s, k, _("missing required field '%s'"), k);
    else if (!isint || v < lo || v > hi)
        problem(s, k, _("field '%s' must be an integer from %d to %d"), k, lo, hi);
    else
        return (int)v;
    return lo;
}

static int cmp_out(const void *a, const void *b)
{
    return strcmp(((const scn_outcome *)a)->id, ((const scn_outcome *)b)->id);
}

static void load_outcomes(scenario *s, lua_State *L)
{
    if (lua_getfield(L, -1, "outcomes") != LUA_TTABLE) {
        lua_pop(L, 1);
        problem(s, "outcomes", _("missing required table 'outcomes' (e.g. outcomes = { resolved = { label = \"…\", score = 100 } })"));
        return;
    }
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        if (lua_type(L, -2) != LUA_TSTRING) {
            problem(s, "outcomes", _("outcome names must be strings"));
            lua_pop(L, 1);
            continue;
        }
        const char *id = lua_tostring(L, -2);
        lua_Integer sc = -1;
        int isint = 0;
        char *label = NULL;
        if (lua_istable(L, -1)) {
            lua_getfield(L, -1, "label");
            if (lua_isstring(L, -1))
                label = xstrdup(lua_tostring(L, -1));
            lua_pop(L, 1);
            lua_getfield(L, -1, "score");
            sc = lua_tointegerx(L, -1, &isint);
            lua_pop(L, 1);
        }
        if (!lua_istable(L, -1))
            problem(s, "outcomes", _("outcome '%s' must be a table { label = \"…\", score = N }"), id);
        else if (!isint || sc < 0 || sc > 100)
            problem(s, "outcomes", _("outcome '%s' needs 'score' from 0 to 100"), id);
        else if (strcmp(id, "abandoned") == 0 || strcmp(id, "error") == 0 || strcmp(id, "time_up") == 0)
            problem(s, "outcomes", _("'%s' is a reserved outcome (the host sets it)"), id);
        else {
            s->out = xrealloc(s->out, (s->nout + 1) * sizeof *s->out);
            s->out[s->nout++] = (scn_outcome){ xstrdup(id), label ? label : xstrdup(id), (int)sc };
            label = NULL;
        }
        free(label);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (s->nout > 1)
        qsort(s->out, s->nout, sizeof *s->out, cmp_out);
    if (s->nout < 2)
        problem(s, "outcomes", _("declare at least two outcomes"));
}

static int has_fn(lua_State *L, const char *name)
{
    lua_getfield(L, -1, name);
    int t = lua_type(L, -1);
    lua_pop(L, 1);
    return t == LUA_TFUNCTION ? 1 : t == LUA_TNIL ? 0 : -1;
}

/* Validates the scenario table at -1 and copies the fields out; every
 * problem is recorded and validation continues. */
static void load_fields(scenario *s, lua_State *L)
{
    s->id = want_str(s, L, "id", 1);
    s->title = want_str(s, L, "title", 1);
    s->kind = want_str(s, L, "kind", 1);
    s->summary = want_str(s, L, "summary", 0);
    s->brief = want_str(s, L, "brief", 1);
    s->chapter = want_int(s, L, "chapter", 1, 9);
    s->mood = want_int(s, L, "mood", 0, 100);
    s->patience = want_int(s, L, "patience", 1, 100);
    s->max_turns = want_int(s, L, "max_turns", 1, 50);
    if (s->id)
        for (const char *p = s->id; *p; p++)
            if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')) {
                problem(s, "id", _("id '%s' may only use a-z, 0-9 and '-'"), s->id);
                break;
            }
    if (s->kind) {
        int ok = 0;
        for (const char *const *k = kinds; *k; k++)
            ok |= strcmp(*k, s->kind) == 0;
        if (!ok)
            problem(s, "kind", _("unknown kind '%s' (one of angry, churn, vip, wrong, prospect, loyalty, special)"), s->kind);
    }
    if (lua_getfield(L, -1, "customer") == LUA_TTABLE) {
        s->cust_name = want_str(s, L, "name", 1);
        s->cust_profile = want_str(s, L, "profile", 0);
    } else {
        problem(s, "customer", _("missing required table 'customer' (e.g. customer = { name = \"王先生\" })"));
    }
    lua_pop(L, 1);
    int t = lua_getfield(L, -1, "opening");
    int ok_open = t == LUA_TSTRING || (t == LUA_TTABLE && lua_rawlen(L, -1) > 0);
    lua_pop(L, 1);
    int start = has_fn(L, "on_start");
    if (!ok_open && start != 1)
        problem(s, "opening", _("missing 'opening' (a string or a list of strings) or 'on_start'"));
    if (lua_getfield(L, -1, "requires") == LUA_TTABLE) {
        size_t n = (size_t)lua_rawlen(L, -1);
        for (size_t i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, (lua_Integer)i);
            const char *id = lua_tostring(L, -1);
            int si = id ? step_index(id) : -1;
            lua_pop(L, 1);
            if (si < 0)
                problem(s, "requires", _("unknown step '%s' in 'requires' (one of apologize, acknowledge, ask, explain, own, contact, deadline, compensate, follow_up, thank)"),
                        id ? id : "?");
            else
                s->required |= 1u << si;
        }
    } else {
        problem(s, "requires", _("missing required list 'requires' (step ids)"));
    }
    lua_pop(L, 1);
    static const char *const hooks[] = { "on_reply", "on_start", "on_timeout", NULL };
    for (const char *const *h = hooks; *h; h++) {
        int f = has_fn(L, *h);
        if (f < 0)
            problem(s, *h, _("'%s' must be a function"), *h);
        else if (f == 0 && strcmp(*h, "on_reply") == 0)
            problem(s, *h, _("missing required function 'on_reply(state, reply)'"));
    }
    load_outcomes(s, L);
}

/* Loads the scenario at path, or from src (len bytes, copied) when src is
 * not NULL. */
static int load(const char *home, const char *path, const char *src, size_t srclen,
                int64_t seed, int keep_problems, scenario **out, char **err)
{
    scenario *s = xcalloc(1, sizeof *s);
    s->ref = LUA_NOREF;
    s->path = xstrdup(path);
    *out = NULL;
    size_t len = srclen;
    if (src) {
        s->src = xmalloc(srclen + 1);
        memcpy(s->src, src, srclen);
        s->src[srclen] = '\0';
    } else if (read_file(path, &s->src, &len, err) < 0) {
        goto fail;
    }
    if (strlen(s->src) != len) {
        crm_seterr(err, _("%s:1: file contains NUL bytes (not a Lua text file)"), path);
        goto fail;
    }
    sha256_hex(s->src, len, s->hash);
    s->h = lh_new(seed);
    lua_State *L = lh_L(s->h);
    char *lib = xasprintf("%s/scenarios/lib/crm.lua", home);
    int rc = lh_dofile(s->h, lib, err);
    free(lib);
    if (rc < 0)
        goto fail;
    if (!lua_istable(L, -1)) {
        crm_seterr(err, _("scenarios/lib/crm.lua must return a table"));
        goto fail;
    }
    lh_readonly(L, "crm");
    lh_setglobal(s->h, "crm");
    if (lh_dobuffer(s->h, s->src, len, path, err) < 0)
        goto fail;
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        crm_seterr(err, _("%s:%d: the file must return the scenario table (return { id = …, … })"),
                   path, scn_field_line(s, "return"));
        goto fail;
    }
    load_fields(s, L);
    s->ref = luaL_ref(L, LUA_REGISTRYINDEX);
    if (s->nprobs && !keep_problems) {
        crm_seterr(err, "%s:%d: %s", path, s->probs[0].line, s->probs[0].msg);
        goto fail;
    }
    *out = s;
    return 0;
fail:
    scn_free(s);
    return -1;
}

int scn_load(const char *home, const char *path, int64_t seed, scenario **out, char **err)
{
    return load(home, path, NULL, 0, seed, 0, out, err);
}

int scn_load_src(const scenario *from, const char *home, int64_t seed, scenario **out, char **err)
{
    return load(home, from->path, from->src, strlen(from->src), seed, 0, out, err);
}

int scn_load_checked(const char *home, const char *path, scenario **out, char **err)
{
    return load(home, path, NULL, 0, 0, 1, out, err);
}

void scn_free(scenario *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nprobs; i++)
        free(s->probs[i].msg);
    free(s->probs);
    lh_free(s->h);
    free(s->path);
    free(s->src);
    free(s->id);
    free(s->title);
    free(s->kind);
    free(s->summary);
    free(s->brief);
    free(s->cust_name);
    free(s->cust_profile);
    for (size_t i = 0; i < s->nout; i++) {
        free(s->out[i].id);
        free(s->out[i].label);
    }
    free(s->out);
    free(s);
}

int scn_lexicon(const char *home, const scenario *s, lexicon **out, char **err)
{
    lua_State *L = lh_L(s->h);
    char *dir = xasprintf("%s/grading/lexicons", home);
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->ref);
    int rc = lex_load(dir, L, lua_gettop(L), s->path, out, err);
    lua_pop(L, 1);
    free(dir);
    return rc;
}

const scn_outcome *scn_outcome_find(const scenario *s, const char *id)
{
    for (size_t i = 0; i < s->nout; i++)
        if (strcmp(s->out[i].id, id) == 0)
            return &s->out[i];
    return NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **scn_ids(const char *home, size_t *n)
{
    char *dir = xasprintf("%s/scenarios", home);
    DIR *d = opendir(dir);
    free(dir);
    char **ids = NULL;
    *n = 0;
    if (!d)
        return NULL;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".lua") != 0 || de->d_name[0] == '.')
            continue;
        ids = xrealloc(ids, (*n + 1) * sizeof *ids);
        ids[(*n)++] = xstrndup(de->d_name, l - 4);
    }
    closedir(d);
    if (*n > 1)
        qsort(ids, *n, sizeof *ids, cmp_str);
    return ids;
}

/* Levenshtein distance on bytes (ids are ASCII). */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t *row = xmalloc((lb + 1) * sizeof *row);
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t best = prev + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            prev = cur;
        }
    }
    size_t d = row[lb];
    free(row);
    return d;
}

int scn_resolve(const char *home, const char *name, char **path, char **err)
{
    size_t nl = strlen(name);
    struct stat st;
    *path = NULL;
    if (strchr(name, '/') || (nl > 4 && strcmp(name + nl - 4, ".lua") == 0)) {
        if (stat(name, &st) < 0)
            return crm_seterr(err, _("scenario file '%s' not found"), name);
        *path = xstrdup(name);
        return 0;
    }
    char *p = xasprintf("%s/scenarios/%s.lua", home, name);
    if (stat(p, &st) == 0) {
        *path = p;
        return 0;
    }
    free(p);
    size_t n;
    char **ids = scn_ids(home, &n);
    strbuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        size_t d = edit_distance(name, ids[i]);
        if (d <= 3 || strstr(ids[i], name) || strstr(name, ids[i]))
            sb_addf(&sb, "%s%s", sb.len ? ", " : "", ids[i]);
    }
    if (sb.len)
        crm_seterr(err, _("unknown scenario '%s' (did you mean: %s?)"), name, sb.buf);
    else
        crm_seterr(err, _("unknown scenario '%s' (see 'crmsim list')"), name);
    sb_release(&sb);
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    return -1;
}
