/*
 * luahost.c - the Lua sandbox. One lua_State per session; only base (a safe
 * subset), string, table, math and utf8 are opened; every chunk is text
 * only and gets its own environment whose globals are read through to the
 * sandbox and cannot be added to; memory is capped by the allocator and CPU
 * by a count hook; pcall/xpcall cannot swallow the instruction budget.
 * What Lua compiled of a text chunk may come back from luacache.c.
 * Deliberately not here: scenario or lexicon semantics.
 */
#include "luahost.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>

#include "luacache.h"
#include "u8.h"
#include "util.h"

#define HOOK_EVERY 1000
#define MAX_ERR 300

struct lh {
    lua_State *L;      /* the state */
    size_t used;       /* bytes currently allocated */
    size_t cap;        /* allocation cap */
    long budget;       /* instructions left in this call */
    int killed;        /* 1 = the instruction budget ran out; errors can no longer be caught */
    int sandbox_ref;   /* registry ref of the sandbox globals table */
    char *name;        /* file of the last chunk loaded, for errors without a position */
};

static void *lh_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    lh *h = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        h->used -= old;
        return NULL;
    }
    /* Refusing is enough: Lua runs an emergency collection and retries, and
     * raises a memory error only if that does not free enough. */
    if (nsize > old && h->used - old + nsize > h->cap)
        return NULL;
    void *p = realloc(ptr, nsize);
    if (p)
        h->used = h->used - old + nsize;
    return p;
}

static lh *get_host(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

/* Raises msg prefixed with the position of the Lua code that was running
 * when the hook fired (level 0; luaL_error would name the caller). */
static int hook_error(lua_State *L, const char *fmt, int value)
{
    luaL_where(L, 0);
    lua_pushfstring(L, fmt, value);
    lua_concat(L, 2);
    return lua_error(L);
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    lh *h = get_host(L);
    h->budget -= HOOK_EVERY;
    if (h->budget <= 0 || h->killed) {
        h->killed = 1;
        h->budget = 0;
        /* Translated: scenario code cannot catch this error (the budget
         * stays exhausted), so its text never reaches persona state. */
        hook_error(L, _("instruction budget of %d exceeded (endless loop?)"), (int)LH_BUDGET);
    }
}

/* pcall/xpcall that let scenario code catch its own errors, but never the
 * host's limits: once a limit is hit the error is raised again. */
static int sb_pcall_finish(lua_State *L, int status, lua_KContext extra)
{
    (void)extra;
    lh *h = get_host(L);
    /* LUA_ERRMEM only surfaces after Lua's emergency collection failed. */
    if ((h->killed || status == LUA_ERRMEM) && status != LUA_OK && status != LUA_YIELD)
        return lua_error(L);
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)extra;
}

static int sb_pcall(lua_State *L)
{
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, sb_pcall_finish);
    return sb_pcall_finish(L, status, 0);
}

/* Message handler wrapper: once the budget is gone the scenario's handler
 * is not run again (a looping handler would otherwise be re-entered for
 * every error the hook raises inside it). */
static int sb_msgh(lua_State *L)
{
    if (get_host(L)->killed)
        return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int sb_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, sb_msgh, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, sb_pcall_finish);
    return sb_pcall_finish(L, status, 2);
}

static const char *const base_allowed[] = {
    "assert", "error", "ipairs", "next", "pairs", "select", "tonumber",
    "tostring", "type", "rawequal", "rawget", "rawlen", "setmetatable",
    "getmetatable", "_VERSION", NULL,
};

/* This error and env_newindex's stay in English in every interface
 * language, like Lua's own: scenario code can catch them with pcall, and
 * what a persona sees must not depend on the trainee's language (replay
 * and regrade are exact). */
static int ro_newindex(lua_State *L)
{
    const char *name = lua_tostring(L, lua_upvalueindex(1));
    return luaL_error(L, "attempt to modify read-only table '%s'", name ? name : "?");
}

void lh_readonly(lua_State *L, const char *name)
{
    lua_newtable(L);               /* proxy */
    lua_newtable(L);               /* metatable */
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, name);
    lua_pushcclosure(L, ro_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushstring(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_remove(L, -2);
}

/* Not translated: see ro_newindex. */
static int env_newindex(lua_State *L)
{
    const char *k = lua_tostring(L, 2);
    return luaL_error(L, "assignment to undeclared global '%s' (use 'local')", k ? k : "?");
}

/* Copies library `name` from the real globals into sandbox table at -1,
 * optionally dropping some fields, as a read-only proxy. */
static void copy_lib(lua_State *L, const char *name, const char *const *drop)
{
    lua_getglobal(L, name);
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, -3)) {
        int skip = 0;
        if (lua_type(L, -2) == LUA_TSTRING)
            for (const char *const *d = drop; d && *d; d++)
                if (strcmp(lua_tostring(L, -2), *d) == 0)
                    skip = 1;
        if (skip) {
            lua_pop(L, 1);
            continue;
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_settable(L, -4);
    }
    lua_remove(L, -2);
    lh_readonly(L, name);
    lua_setfield(L, -2, name);
}

lh *lh_new(int64_t seed)
{
    lh *h = xcalloc(1, sizeof *h);
    h->cap = LH_MEM_CAP;
    h->budget = LH_BUDGET;
    lua_State *L = lua_newstate(lh_alloc, h);
    if (!L) {
        fprintf(stderr, "crmsim: %s\n", _("cannot create a Lua state"));
        abort();
    }
    h->L = L;
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_pop(L, 5);

    /* Seed the RNG before math.randomseed disappears from the sandbox. */
    lua_getglobal(L, "math");
    lua_getfield(L, -1, "randomseed");
    lua_pushinteger(L, (lua_Integer)seed);
    lua_call(L, 1, 0);
    lua_pop(L, 1);

    /* Lock the string metatable: getmetatable("") returns "locked". */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    /* The sandbox globals table. */
    lua_newtable(L);
    for (const char *const *n = base_allowed; *n; n++) {
        lua_getglobal(L, *n);
        lua_setfield(L, -2, *n);
    }
    lua_pushcfunction(L, sb_pcall);
    lua_setfield(L, -2, "pcall");
    lua_pushcfunction(L, sb_xpcall);
    lua_setfield(L, -2, "xpcall");
    static const char *const no_string[] = { "dump", NULL };
    static const char *const no_math[] = { "randomseed", NULL };
    copy_lib(L, "string", no_string);
    copy_lib(L, "table", NULL);
    copy_lib(L, "math", no_math);
    copy_lib(L, "utf8", NULL);
    h->sandbox_ref = luaL_ref(L, LUA_REGISTRYINDEX);

    /* Scenario code must not reach the real globals through the string
     * metatable's __index (string.dump etc.): point it at the proxy. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->sandbox_ref);
    lua_getfield(L, -1, "string");
    lua_setfield(L, -3, "__index");
    lua_pop(L, 3);

    lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
    return h;
}

void lh_free(lh *h)
{
    if (!h)
        return;
    lua_close(h->L);
    free(h->name);
    free(h);
}

lua_State *lh_L(lh *h)
{
    return h->L;
}

size_t lh_mem_used(const lh *h)
{
    return h->used;
}

void lh_setglobal(lh *h, const char *name)
{
    lua_State *L = h->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->sandbox_ref);
    lua_insert(L, -2);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

char *lh_errstring(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TSTRING)
        return xasprintf(_("(error object is a %s value)"), luaL_typename(L, idx));
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    /* Error text reaches the terminal: no control characters, valid UTF-8,
     * bounded length. */
    return u8_printable(s, len, MAX_ERR);
}

static int traceback(lua_State *L)
{
    /* Keep the message only: scenario authors want FILE:LINE, not C frames. */
    if (lua_type(L, 1) != LUA_TSTRING) {
        char *m = lh_errstring(L, 1);
        lua_pushstring(L, m);
        free(m);
    }
    return 1;
}

int lh_call(lh *h, int nargs, int nresults, char **err)
{
    lua_State *L = h->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, traceback);
    lua_insert(L, base);
    h->budget = LH_BUDGET;
    h->killed = 0;
    int st = lua_pcall(L, nargs, nresults, base);
    h->killed = 0;
    if (st != LUA_OK) {
        char *m = lh_errstring(L, -1);
        const char *name = h->name ? h->name : "?";
        if (st == LUA_ERRMEM || strstr(m, "not enough memory"))
            crm_seterr(err, _("%s: memory limit of %u MiB exceeded"), name, LH_MEM_CAP >> 20);
        else if (strncmp(m, name, strlen(name)) != 0)
            crm_seterr(err, "%s: %s", name, m); /* raised where Lua knows no position */
        else
            crm_seterr(err, "%s", m);
        free(m);
        lua_settop(L, base - 1);
        /* Give back what the failed call held before anyone retries. */
        lua_gc(L, LUA_GCCOLLECT);
        return -1;
    }
    lua_remove(L, base);
    return 0;
}

int lh_dobuffer(lh *h, const char *buf, size_t len, const char *name, char **err)
{
    lua_State *L = h->L;
    free(h->name);
    h->name = xstrdup(name);
    char *chunk = xasprintf("@%s", name);
    /* The text's bytecode when this process compiled it before (the
     * cache holds only what Lua's compiler made of a text chunk). */
    int st = LUA_OK, cached = luacache_enabled();
    char key[65];
    if (cached)
        luacache_key(buf, len, chunk, key);
    if (!cached || !luacache_load(L, key, chunk)) {
        st = luaL_loadbufferx(L, buf, len, chunk, "t");
        if (st == LUA_OK && cached)
            luacache_store(L, key);
    }
    free(chunk);
    if (st != LUA_OK) {
        char *m = lh_errstring(L, -1);
        if (strstr(m, "attempt to load a binary chunk"))
            crm_seterr(err, _("%s: binary (precompiled) chunks are not allowed"), name);
        else if (st == LUA_ERRMEM)
            crm_seterr(err, _("%s: memory limit exceeded while loading"), name);
        else
            crm_seterr(err, "%s", m);
        free(m);
        lua_pop(L, 1);
        return -1;
    }
    /* Fresh _ENV: reads fall through to the sandbox, writes are refused. */
    lua_newtable(L);
    lua_newtable(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->sandbox_ref);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, env_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_setupvalue(L, -2, 1);
    return lh_call(h, 0, 1, err);
}

int lh_dofile(lh *h, const char *path, char **err)
{
    char *buf;
    size_t len;
    if (read_file(path, &buf, &len, err) < 0)
        return -1;
    int rc = lh_dobuffer(h, buf, len, path, err);
    free(buf);
    return rc;
}
