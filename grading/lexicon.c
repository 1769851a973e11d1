/*
 * lexicon.c - loads the lexicon files (Lua data, run in the sandbox),
 * validates every entry and compiles all patterns into one match set, with
 * the engine's own scope markers. Deliberately not here: scoring, output.
 */
#include "lexicon.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "luahost.h"
#include "steps.h"
#include "u8.h"
#include "util.h"

/* Words that start a new clause even without punctuation. */
static const char *const conj_words[] = {
    "但是", "可是", "不过", "然而", "所以", "因此", "而且", "并且", "另外", "同时", NULL,
};
/* Words that contain a conjunction but are none: no clause break inside. */
static const char *const noconj_words[] = {
    "只不过", "不过来", "不过去", "忙不过", "比不过", "信不过", "说不过", "再好不过",
    "再合适不过", "所以然", NULL,
};
/* Reported or refused speech: forbidden words after these are not said. */
static const char *const report_words[] = {
    "不会说", "不能说", "不要说", "别说", "不该说", "不应该说", "不说", "不会讲",
    "不能讲", "别讲", "他们说", "他说", "她说", "有人说", "同事说", "据说", "别人说",
    "neversay", "wouldntsay", "wontsay", "dontsay", "theysaid", "hesaid", "shesaid", NULL,
};

typedef struct lclass {
    char *name;    /* class name */
    char **alts;   /* NULL-terminated alternatives */
} lclass;

typedef struct lfile {
    const char *path; /* file being loaded */
    lclass *cls;      /* its classes */
    size_t ncls;      /* count */
} lfile;

static const char *const *class_lookup(const char *name, void *ctx)
{
    lfile *f = ctx;
    for (size_t i = 0; i < f->ncls; i++)
        if (strcmp(f->cls[i].name, name) == 0)
            return (const char *const *)f->cls[i].alts;
    return NULL;
}

static void free_classes(lfile *f)
{
    for (size_t i = 0; i < f->ncls; i++) {
        free(f->cls[i].name);
        for (char **a = f->cls[i].alts; a && *a; a++)
            free(*a);
        free(f->cls[i].alts);
    }
    free(f->cls);
    f->cls = NULL;
    f->ncls = 0;
}

static void free_entry(lex_entry *e)
{
    free(e->id);
    free(e->category);
    free(e->why);
    free(e->better);
    free(e->source);
    free(e->file);
    for (size_t i = 0; i < e->nexamples; i++)
        free(e->examples[i]);
    free(e->examples);
    for (size_t i = 0; i < e->nnear; i++)
        free(e->near[i]);
    free(e->near);
}

void lex_free(lexicon *lx)
{
    if (!lx)
        return;
    for (size_t i = 0; i < lx->n; i++)
        free_entry(&lx->e[i]);
    free(lx->e);
    match_free(lx->m);
    grade_ws_free(lx->ws);
    free(lx);
}

int lex_find(const lexicon *lx, lex_kind kind, const char *id)
{
    for (size_t i = 0; i < lx->n; i++)
        if (lx->e[i].kind == kind && strcmp(lx->e[i].id, id) == 0)
            return (int)i;
    return -1;
}

/* Reads field `k` of the table at -1 as a string; NULL if absent. -1 on a
 * wrong type. */
static int get_str(lua_State *L, const char *k, char **out, const char *where, char **err)
{
    *out = NULL;
    int t = lua_getfield(L, -1, k);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (t != LUA_TSTRING) {
        lua_pop(L, 1);
        return crm_seterr(err, _("%s: '%s' must be a string"), where, k);
    }
    size_t len;
    const char *v = lua_tolstring(L, -1, &len);
    /* ids and categories go into grade --lines JSON as they are */
    if (u8_validate(v, len, NULL) < 0 || strlen(v) != len) {
        lua_pop(L, 1);
        return crm_seterr(err, _("%s: strings must be valid UTF-8"), where);
    }
    *out = xstrdup(v);
    lua_pop(L, 1);
    return 0;
}

/* Reads a list of strings at field k; an absent field gives an empty list. */
static int get_strlist(lua_State *L, const char *k, char ***out, size_t *n,
                       const char *where, char **err)
{
    *out = NULL;
    *n = 0;
    int t = lua_getfield(L, -1, k);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (t != LUA_TTABLE) {
        lua_pop(L, 1);
        return crm_seterr(err, _("%s: '%s' must be a list of strings"), where, k);
    }
    size_t len = (size_t)lua_rawlen(L, -1);
    *out = xcalloc(len + 1, sizeof **out);
    for (size_t i = 1; i <= len; i++) {
        if (lua_rawgeti(L, -1, (lua_Integer)i) != LUA_TSTRING) {
            lua_pop(L, 2);
            return crm_seterr(err, _("%s: '%s'[%zu] must be a string"), where, k, i);
        }
        (*out)[(*n)++] = xstrdup(lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return 0;
}

static void free_strlist(char **l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(l[i]);
    free(l);
}

static int load_classes(lua_State *L, lfile *f, char **err)
{
    int t = lua_getfield(L, -1, "classes");
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (t != LUA_TTABLE) {
        lua_pop(L, 1);
        return crm_seterr(err, _("%s: 'classes' must be a table"), f->path);
    }
    /* Collect names first and sort them: pairs order is random per run. */
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            lua_pop(L, 2);
            return crm_seterr(err, _("%s: class names must be strings"), f->path);
        }
        f->cls = xrealloc(f->cls, (f->ncls + 1) * sizeof *f->cls);
        f->cls[f->ncls].name = xstrdup(lua_tostring(L, -1));
        f->cls[f->ncls].alts = NULL;
        f->ncls++;
    }
    for (size_t i = 0; i < f->ncls; i++) {
        char *where = xasprintf(_("%s: class '%s'"), f->path, f->cls[i].name);
        size_t n;
        int rc = get_strlist(L, f->cls[i].name, &f->cls[i].alts, &n, where, err);
        free(where);
        if (rc < 0) {
            lua_pop(L, 1);
            return -1;
        }
        if (n == 0) {
            lua_pop(L, 1);
            return crm_seterr(err, _("%s: class '%s' is empty"), f->path, f->cls[i].name);
        }
    }
    lua_pop(L, 1);
    return 0;
}

static int load_entry(lua_State *L, lexicon *lx, lex_kind kind, lfile *f,
                      size_t idx, char **err)
{
    lex_entry e;
    memset(&e, 0, sizeof e);
    e.kind = kind;
    e.step = -1;
    e.negatable = 1;
    char *where = xasprintf(_("%s: entry #%zu"), f->path, idx);
    char **pats = NULL;
    size_t npats = 0;
    int rc = -1;

    if (lua_type(L, -1) != LUA_TTABLE) {
        crm_seterr(err, _("%s: must be a table"), where);
        goto done;
    }
    if (get_str(L, "id", &e.id, where, err) < 0)
        goto done;
    if (!e.id || !*e.id) {
        crm_seterr(err, _("%s: missing 'id'"), where);
        goto done;
    }
    for (const char *p = e.id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_')) {
            crm_seterr(err, _("%s: id '%s' may only use a-z, 0-9, '-' and '_'"), where, e.id);
            goto done;
        }
    free(where);
    where = xasprintf(_("%s: entry '%s'"), f->path, e.id);
    if (lex_find(lx, kind, e.id) >= 0) {
        crm_seterr(err, _("%s: duplicate id"), where);
        goto done;
    }
    if (get_str(L, "category", &e.category, where, err) < 0 ||
        get_str(L, "why", &e.why, where, err) < 0 ||
        get_str(L, "better", &e.better, where, err) < 0 ||
        get_str(L, "source", &e.source, where, err) < 0 ||
        get_strlist(L, "patterns", &pats, &npats, where, err) < 0 ||
        get_strlist(L, "examples", &e.examples, &e.nexamples, where, err) < 0 ||
        get_strlist(L, "near", &e.near, &e.nnear, where, err) < 0)
        goto done;
    if (npats == 0) {
        crm_seterr(err, _("%s: needs at least one pattern in 'patterns'"), where);
        goto done;
    }
    if (lua_getfield(L, -1, "negatable") == LUA_TBOOLEAN)
        e.negatable = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (kind == LEX_FORBIDDEN) {
        if (!e.category || !e.why || !e.better) {
            crm_seterr(err, _("%s: forbidden entries need 'category', 'why' and 'better'"), where);
            goto done;
        }
        lua_getfield(L, -1, "severity");
        int isnum;
        lua_Integer sev = lua_tointegerx(L, -1, &isnum);
        lua_pop(L, 1);
        if (!isnum || sev < 1 || sev > 3) {
            crm_seterr(err, _("%s: 'severity' must be 1, 2 or 3"), where);
            goto done;
        }
        e.severity = (int)sev;
    } else if (kind == LEX_STEP) {
        char *step = NULL;
        if (get_str(L, "step", &step, where, err) < 0)
            goto done;
        e.step = step ? step_index(step) : -1;
        if (e.step < 0) {
            crm_seterr(err, _("%s: unknown step '%s' (one of apologize, acknowledge, ask, explain, own, contact, deadline, compensate, follow_up, thank)"),
                       where, step ? step : "(missing)");
            free(step);
            goto done;
        }
        free(step);
    }
    e.file = xstrdup(f->path);
    int tag = (int)lx->n;
    for (size_t i = 0; i < npats; i++) {
        char *perr = NULL;
        if (match_add(lx->m, pats[i], tag, class_lookup, f, &perr) < 0) {
            crm_seterr(err, "%s: %s", where, perr);
            free(perr);
            goto done;
        }
    }
    lx->e = xrealloc(lx->e, (lx->n + 1) * sizeof *lx->e);
    lx->e[lx->n++] = e;
    memset(&e, 0, sizeof e);
    rc = 0;
done:
    free_entry(&e);
    free_strlist(pats, npats);
    free(where);
    return rc;
}

/* Loads the entries of the list at field `field` of the table at -1 (an
 * absent field is an empty list). */
static int load_list(lua_State *L, lexicon *lx, lex_kind kind, lfile *f,
                     const char *field, char **err)
{
    int t = lua_getfield(L, -1, field);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (t != LUA_TTABLE) {
        lua_pop(L, 1);
        return crm_seterr(err, _("%s: '%s' must be a list of tables"), f->path, field);
    }
    size_t n = (size_t)lua_rawlen(L, -1);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, (lua_Integer)i);
        if (load_entry(L, lx, kind, f, i, err) < 0) {
            lua_pop(L, 2);
            return -1;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return 0;
}

static int load_file(lexicon *lx, const char *path, const char *buf, size_t len, lex_kind kind,
                     char **err)
{
    static const char *const kinds[] = { "forbidden", "empathy", "steps" };
    lh *h = lh_new(0);
    lua_State *L = lh_L(h);
    lfile f = { path, NULL, 0 };
    int rc = -1;
    if (lh_dobuffer(h, buf, len, path, err) < 0)
        goto done;
    if (lua_type(L, -1) != LUA_TTABLE) {
        crm_seterr(err, _("%s: must return a table"), path);
        goto done;
    }
    lua_getfield(L, -1, "kind");
    const char *k = lua_tostring(L, -1);
    if (!k || strcmp(k, kinds[kind]) != 0) {
        crm_seterr(err, _("%s: 'kind' must be \"%s\""), path, kinds[kind]);
        goto done;
    }
    lua_pop(L, 1);
    if (lua_getfield(L, -1, "entries") != LUA_TTABLE) {
        crm_seterr(err, _("%s: 'entries' must be a list of tables"), path);
        goto done;
    }
    lua_pop(L, 1);
    if (load_classes(L, &f, err) < 0 || load_list(L, lx, kind, &f, "entries", err) < 0)
        goto done;
    rc = 0;
done:
    free_classes(&f);
    lh_free(h);
    return rc;
}

/* Entries a scenario declares in its `lexicon` field (table at idx). */
static int load_scenario_entries(lexicon *lx, lua_State *L, int idx, const char *path, char **err)
{
    static const char *const fields[] = { "forbidden", "empathy", "steps" };
    int t = lua_getfield(L, idx, "lexicon");
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (t != LUA_TTABLE) {
        lua_pop(L, 1);
        return crm_seterr(err, _("%s: 'lexicon' must be a table { classes, forbidden, empathy, steps }"), path);
    }
    lfile f = { path, NULL, 0 };
    int rc = load_classes(L, &f, err);
    for (int k = 0; k < 3 && rc == 0; k++)
        rc = load_list(L, lx, (lex_kind)k, &f, fields[k], err);
    free_classes(&f);
    lua_pop(L, 1);
    return rc;
}

static int add_markers(lexicon *lx, const char *const *words, int tag, char **err)
{
    for (; *words; words++)
        if (match_add(lx->m, *words, tag, NULL, NULL, err) < 0)
            return -1;
    return 0;
}

static const char *const lex_files[] = { "forbidden.lua", "empathy.lua", "steps.lua" };

int lex_read(const char *dir, lex_src **out, char **err)
{
    lex_src *src = xcalloc(1, sizeof *src);
    strbuf hashin;
    sb_init(&hashin);
    *out = NULL;
    for (int k = 0; k < 3; k++) {
        src->path[k] = xasprintf("%s/%s", dir, lex_files[k]);
        if (read_file(src->path[k], &src->buf[k], &src->len[k], err) < 0) {
            sb_release(&hashin);
            lex_src_free(src);
            return -1;
        }
        sb_adds(&hashin, lex_files[k]);
        sb_add(&hashin, "\0", 1);
        sb_add(&hashin, src->buf[k], src->len[k]);
    }
    /* The hash covers the course lexicons; scenario entries are covered by
     * the scenario's own hash. */
    sha256_hex(hashin.buf, hashin.len, src->hash);
    sb_release(&hashin);
    *out = src;
    return 0;
}

void lex_src_free(lex_src *src)
{
    if (!src)
        return;
    for (int k = 0; k < 3; k++) {
        free(src->path[k]);
        free(src->buf[k]);
    }
    free(src);
}

int lex_compile(const lex_src *src, lua_State *L, int scn_idx, const char *scn_path,
                lexicon **out, char **err)
{
    lexicon *lx = xcalloc(1, sizeof *lx);
    lx->m = match_new();
    *out = NULL;
    for (int k = 0; k < 3; k++)
        if (load_file(lx, src->path[k], src->buf[k], src->len[k], (lex_kind)k, err) < 0)
            goto fail;
    memcpy(lx->hash, src->hash, sizeof lx->hash);
    lx->ncourse = lx->n;
    if (L && load_scenario_entries(lx, L, scn_idx, scn_path, err) < 0)
        goto fail;
    lx->tag_conj = (int)lx->n;
    lx->tag_report = (int)lx->n + 1;
    int tag_noconj = (int)lx->n + 2;
    match_set_noconj(lx->m, tag_noconj);
    match_set_conj(lx->m, lx->tag_conj);
    if (add_markers(lx, conj_words, lx->tag_conj, err) < 0 ||
        add_markers(lx, noconj_words, tag_noconj, err) < 0 ||
        add_markers(lx, report_words, lx->tag_report, err) < 0)
        goto fail;
    match_compile(lx->m);
    *out = lx;
    return 0;
fail:
    lex_free(lx);
    return -1;
}

int lex_load(const char *dir, lua_State *L, int scn_idx, const char *scn_path,
             lexicon **out, char **err)
{
    lex_src *src = NULL;
    *out = NULL;
    if (lex_read(dir, &src, err) < 0)
        return -1;
    int rc = lex_compile(src, L, scn_idx, scn_path, out, err);
    lex_src_free(src);
    return rc;
}

int lex_load_dir(const char *dir, lexicon **out, char **err)
{
    return lex_load(dir, NULL, 0, NULL, out, err);
}
