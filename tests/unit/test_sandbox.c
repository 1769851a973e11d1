/*
 * test_sandbox.c - unit tests of the Lua sandbox (sim/luahost.c) and of
 * scenario loading (sim/scenario.c): escapes that must fail with a clear
 * error while the process and the state survive (os, io, require, dofile,
 * loadfile, load, binary chunks, string.dump, the string metatable, new
 * globals, read-only libraries), the instruction budget and the memory
 * cap (which pcall cannot swallow), deep recursion, odd error objects,
 * the seeded RNG; then scn_load on valid and broken scenario files, each
 * broken one reported as FILE:LINE.
 * Deliberately not here: playing turns (session), grading.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "luahost.h"
#include "scenario.h"
#include "steps.h"
#include "u8.h"
#include "util.h"

/* ---- helpers --------------------------------------------------------- */

static int setup_host(void **state)
{
    *state = lh_new(1234);
    return 0;
}

static int teardown_host(void **state)
{
    lh_free(*state);
    return 0;
}

/* Runs code as chunk "box.lua"; on success pops the result. */
static int run(lh *h, const char *code, char **err)
{
    lua_State *L = lh_L(h);
    int top = lua_gettop(L);
    int rc = lh_dobuffer(h, code, strlen(code), "box.lua", err);
    if (rc == 0) {
        assert_int_equal(lua_gettop(L), top + 1);
        lua_pop(L, 1);
    } else {
        assert_int_equal(lua_gettop(L), top); /* the stack as before */
    }
    return rc;
}

/* The state still works: a fresh chunk runs and computes. */
static void still_alive(lh *h)
{
    lua_State *L = lh_L(h);
    char *err = NULL;
    static const char code[] = "local t = {} for i = 1, 100 do t[i] = i end "
                               "return table.concat(t, ','):sub(1, 5) .. ('x'):upper()";
    int rc = lh_dobuffer(h, code, sizeof code - 1, "alive.lua", &err);
    if (rc != 0)
        fail_msg("the state did not survive: %s", err ? err : "?");
    assert_string_equal(lua_tostring(L, -1), "1,2,3X");
    lua_pop(L, 1);
}

/* Runs code that must fail; the message must contain each of the
 * NULL-terminated words; the state must survive. Returns the message
 * (caller frees). */
static char *fails_with(lh *h, const char *code, ...)
{
    char *err = NULL;
    int rc = run(h, code, &err);
    if (rc != -1)
        fail_msg("must fail but ran: %s", code);
    if (!err || !*err)
        fail_msg("failed without a message: %s", code);
    va_list ap;
    va_start(ap, code);
    for (const char *w; (w = va_arg(ap, const char *));)
        if (!strstr(err, w))
            fail_msg("error for [%s] does not mention '%s': %s", code, w, err);
    va_end(ap);
    still_alive(h);
    return err;
}

static void fails(lh *h, const char *code, const char *word)
{
    free(fails_with(h, code, word, (const char *)NULL));
}

/* Runs code that must succeed and return a string; returns a copy. */
static char *eval(lh *h, const char *code)
{
    lua_State *L = lh_L(h);
    char *err = NULL;
    if (lh_dobuffer(h, code, strlen(code), "eval.lua", &err) != 0)
        fail_msg("[%s] failed: %s", code, err ? err : "?");
    const char *s = lua_tostring(L, -1);
    char *r = xstrdup(s ? s : "(not a string)");
    lua_pop(L, 1);
    return r;
}

static void evals_to(lh *h, const char *code, const char *want)
{
    char *got = eval(h, code);
    if (strcmp(got, want) != 0)
        fail_msg("[%s] gave '%s', want '%s'", code, got, want);
    free(got);
}

/* A message a terminal can show: bounded, valid UTF-8, no control
 * characters other than newline and tab. */
static void assert_printable(const char *m, size_t max)
{
    size_t len = strlen(m);
    if (len > max)
        fail_msg("message is %zu bytes long (max %zu): %.80s", len, max, m);
    size_t bad;
    if (u8_validate(m, len, &bad) != 0)
        fail_msg("message is not valid UTF-8 at byte %zu", bad);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)m[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
            fail_msg("message has control byte 0x%02X at %zu: %.60s", c, i, m);
    }
}

/* ---- what is not there ----------------------------------------------- */

static void test_escapes_absent(void **state)
{
    lh *h = *state;
    /* Each escape fails with Lua's own message naming what is missing. */
    fails(h, "os.execute('touch /tmp/crmsim-sandbox-pwned')", "'os'");
    assert_int_equal(access("/tmp/crmsim-sandbox-pwned", F_OK), -1);
    fails(h, "return io.open('/etc/passwd'):read('a')", "'io'");
    fails(h, "return require('os')", "'require'");
    fails(h, "return dofile('/etc/passwd')", "'dofile'");
    fails(h, "return loadfile('/etc/passwd')", "'loadfile'");
    fails(h, "return load('return 1')()", "'load'");
    fails(h, "return loadstring('return 1')()", "'loadstring'");
    fails(h, "return string.dump(function() end)", "dump");
    fails(h, "return ('x').dump(function() end)", "dump");
    fails(h, "print('hello')", "'print'");
    fails(h, "return debug.getregistry()", "'debug'");
    fails(h, "return collectgarbage('count')", "'collectgarbage'");
    fails(h, "return coroutine.create(print)", "'coroutine'");
    fails(h, "return package.loaded", "'package'");
    fails(h, "return _G.os", "'_G'");
    fails(h, "rawset(string, 'upper', nil)", "'rawset'");
    /* The documented allow-list is exactly what is there. */
    evals_to(h,
             "local names = { 'os', 'io', 'package', 'require', 'dofile', 'loadfile',"
             " 'load', 'loadstring', 'print', 'debug', 'collectgarbage', 'coroutine',"
             " 'rawset', '_G', 'module', 'setfenv', 'getfenv', 'newproxy' }"
             " local present = {}"
             " for _, n in ipairs(names) do if _ENV[n] ~= nil then present[#present + 1] = n end end"
             " if string.dump ~= nil then present[#present + 1] = 'string.dump' end"
             " if math.randomseed ~= nil then present[#present + 1] = 'math.randomseed' end"
             " return table.concat(present, ',')",
             "");
    evals_to(h,
             "local names = { 'assert', 'error', 'ipairs', 'next', 'pairs', 'pcall',"
             " 'xpcall', 'select', 'tonumber', 'tostring', 'type', 'rawequal', 'rawget',"
             " 'rawlen', 'setmetatable', 'getmetatable', 'string', 'table', 'math', 'utf8' }"
             " local missing = {}"
             " for _, n in ipairs(names) do if _ENV[n] == nil then missing[#missing + 1] = n end end"
             " return table.concat(missing, ',')",
             "");
}

/* string.dump from a plain, unsandboxed state. */
static char *dump_chunk(size_t *len)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    assert_int_equal(luaL_dostring(L, "return string.dump(function() return 'from bytecode' end)"),
                     LUA_OK);
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    assert_non_null(s);
    assert_true(n > 4 && memcmp(s, "\x1bLua", 4) == 0);
    char *r = xmalloc(n);
    memcpy(r, s, n);
    *len = n;
    lua_close(L);
    return r;
}

static void test_binary_chunk(void **state)
{
    lh *h = *state;
    lua_State *L = lh_L(h);
    int top = lua_gettop(L);
    size_t len;
    char *bin = dump_chunk(&len);
    char *err = NULL;
    assert_int_equal(lh_dobuffer(h, bin, len, "evil.luac", &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, "evil.luac"));
    assert_non_null(strstr(err, "binary"));
    assert_int_equal(lua_gettop(L), top);
    free(err);
    free(bin);
    /* Just the signature is refused too (no crash on a truncated chunk). */
    err = NULL;
    assert_int_equal(lh_dobuffer(h, "\x1bLua", 4, "sig.luac", &err), -1);
    assert_non_null(strstr(err, "binary"));
    free(err);
    /* And from a file. */
    bin = dump_chunk(&len);
    char path[] = "/tmp/crmsim-binXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, bin, len), (ssize_t)len);
    close(fd);
    err = NULL;
    assert_int_equal(lh_dofile(h, path, &err), -1);
    assert_non_null(strstr(err, "binary"));
    assert_non_null(strstr(err, path));
    free(err);
    unlink(path);
    free(bin);
    still_alive(h);
}

static void test_string_metatable(void **state)
{
    lh *h = *state;
    evals_to(h, "return getmetatable('')", "locked");
    evals_to(h, "return tostring(getmetatable('').__index)", "nil");
    evals_to(h, "return getmetatable(string)", "locked");
    evals_to(h, "return getmetatable(math)", "locked");
    evals_to(h, "return getmetatable(_ENV)", "locked");
    evals_to(h, "return tostring(('').dump)", "nil");
    evals_to(h, "return tostring(('').rep == string.rep)", "true");
    /* Methods still work. */
    evals_to(h, "return ('abc'):upper() .. ('x'):rep(3)", "ABCxxx");
    /* The protected metatables cannot be replaced. */
    fails(h, "setmetatable(string, nil)", "protected");
    fails(h, "setmetatable(_ENV, {})", "protected");
}

static void test_globals(void **state)
{
    lh *h = *state;
    char *m = fails_with(h, "leaked_value = 1", "leaked_value", "box.lua:1:",
                         (const char *)NULL);
    free(m);
    fails(h, "local x = 1\nfunction helper() end", "'helper'");
    fails(h, "\n\nos = {}", "'os'");
    /* Nothing leaked into the next chunk; locals are fine. */
    evals_to(h, "return tostring(leaked_value) .. tostring(helper)", "nilnil");
    evals_to(h, "local v = 41 v = v + 1 return tostring(v)", "42");
    /* Replacing a sandbox global is refused too. */
    fails(h, "pairs = nil", "'pairs'");
    evals_to(h, "return type(pairs)", "function");
}

static void test_readonly_libs(void **state)
{
    lh *h = *state;
    free(fails_with(h, "string.upper = function() return 'pwned' end", "read-only", "'string'",
                    (const char *)NULL));
    evals_to(h, "return ('a'):upper() .. string.upper('b')", "AB");
    free(fails_with(h, "string.evil = 1", "read-only", (const char *)NULL));
    free(fails_with(h, "math.pi = 3", "read-only", "'math'", (const char *)NULL));
    free(fails_with(h, "table.insert = nil", "read-only", "'table'", (const char *)NULL));
    free(fails_with(h, "utf8.char = nil", "read-only", "'utf8'", (const char *)NULL));
    evals_to(h, "return string.format('%.4f', math.pi)", "3.1416");
    evals_to(h, "local t = {} table.insert(t, 'ok') return t[1]", "ok");
    /* lh_readonly on a table of the host's own. */
    lua_State *L = lh_L(h);
    lua_newtable(L);
    lua_pushinteger(L, 7);
    lua_setfield(L, -2, "seven");
    lh_readonly(L, "cfg");
    lh_setglobal(h, "cfg");
    evals_to(h, "return tostring(cfg.seven)", "7");
    free(fails_with(h, "cfg.seven = 8", "read-only", "'cfg'", (const char *)NULL));
    evals_to(h, "return tostring(cfg.seven)", "7");
}

/* ---- limits ---------------------------------------------------------- */

/* Limits are tested in a child process with a time limit (and, outside
 * AddressSanitizer, an address-space limit), so that a broken hook or cap
 * makes the test fail instead of hanging or exhausting the machine. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#define CHILD_SECS 10

/* In a fresh sandbox in a child: code must fail with a message containing
 * word, memory must stay under the cap, and the state must go on working.
 * Exits 0 on success; otherwise says why on stderr. */
static void child_body(const char *code, const char *word)
{
    alarm(CHILD_SECS);
#ifndef UNDER_ASAN
    struct rlimit rl = { 1u << 30, 1u << 30 };
    setrlimit(RLIMIT_AS, &rl);
#endif
    lh *h = lh_new(1);
    lua_State *L = lh_L(h);
    char *err = NULL;
    int rc = lh_dobuffer(h, code, strlen(code), "limit.lua", &err);
    if (rc == 0) {
        fprintf(stderr, "ran to the end: %s\n", code);
        _exit(1);
    }
    if (!err || !strstr(err, word)) {
        fprintf(stderr, "[%s]: message without '%s': %s\n", code, word, err ? err : "(none)");
        _exit(1);
    }
    if (strlen(err) > 300) {
        fprintf(stderr, "[%s]: message too long (%zu bytes)\n", code, strlen(err));
        _exit(1);
    }
    if (lh_mem_used(h) > LH_MEM_CAP) {
        fprintf(stderr, "[%s]: %zu bytes in use, over the cap\n", code, lh_mem_used(h));
        _exit(1);
    }
    free(err);
    err = NULL;
    static const char again[] = "local t = {} for i = 1, 1000 do t[i] = i end return #t";
    if (lh_dobuffer(h, again, sizeof again - 1, "again.lua", &err) != 0 ||
        lua_tointeger(L, -1) != 1000) {
        fprintf(stderr, "[%s]: the state did not survive: %s\n", code, err ? err : "?");
        _exit(1);
    }
    lh_free(h);
    _exit(0);
}

static void limit_fails(const char *code, const char *word)
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0)
        child_body(code, word);
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    if (WIFSIGNALED(st))
        fail_msg("[%s] was not stopped: killed by signal %d (SIGALRM = %d: still running "
                 "after %d s)", code, WTERMSIG(st), SIGALRM, CHILD_SECS);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        fail_msg("[%s] was not stopped with '%s' (see stderr)", code, word);
}

static void test_endless_loop(void **state)
{
    (void)state;
    limit_fails("while true do end", "instruction budget");
    limit_fails("local i = 0 repeat i = i + 1 until false", "instruction budget");
    limit_fails("for i = 1, math.maxinteger do end", "instruction budget");
    limit_fails("local function f() return f() end return f()", "instruction budget");
    /* Each call gets a fresh budget: two long but finite calls both pass. */
    lh *h = lh_new(1);
    static const char code[] = "local n = 0 for i = 1, 1000000 do n = n + i end return tostring(n)";
    evals_to(h, code, "500000500000");
    evals_to(h, code, "500000500000");
    lh_free(h);
}

static void test_pcall_cannot_swallow(void **state)
{
    (void)state;
    limit_fails("while true do pcall(function() while true do end end) end",
                "instruction budget");
    /* Caught once and carried on: must not reach the return. */
    limit_fails("local ok = pcall(function() while true do end end) return 'swallowed'",
                "instruction budget");
    limit_fails("xpcall(function() while true do end end, function(m) return m end)"
                " return 'swallowed'",
                "instruction budget");
    limit_fails("local ok = pcall(string.rep, 'x', 1 << 27) return 'swallowed'",
                "memory limit");
    limit_fails("local t = {} for i = 1, 40000 do"
                " pcall(function() t[#t + 1] = string.rep('x', 4096) .. #t end) end return 'swallowed'",
                "memory limit");
    /* Ordinary errors are still caught by pcall/xpcall. */
    lh *h = lh_new(1);
    evals_to(h, "local ok, e = pcall(error, 'mine', 0) return tostring(ok) .. e", "falsemine");
    evals_to(h, "local ok, a, b = pcall(function() return 'a', 'b' end)"
                " return tostring(ok) .. a .. b",
             "trueab");
    evals_to(h, "local ok, e = xpcall(function() error('x', 0) end,"
                " function(m) return 'handled ' .. m end) return tostring(ok) .. ' ' .. e",
             "false handled x");
    lh_free(h);
}

/* An endless xpcall message handler: it runs inside the count hook (the
 * hook raised the error), where Lua disables hooks, so the host must not
 * run it once the budget is gone (this hung before c78dde7). */
static void test_endless_message_handler(void **state)
{
    (void)state;
    limit_fails("xpcall(error, function() while true do end end) return 'swallowed'",
                "instruction budget");
    limit_fails("xpcall(function() while true do end end, function() while true do end end)",
                "instruction budget");
}

/* The bombs are bounded (at most a few hundred MiB if the cap were gone),
 * so a broken cap fails the test instead of exhausting the machine. */
static void test_memory_bomb(void **state)
{
    lh *h = *state;
    limit_fails("local s = 'x' for i = 1, 27 do s = s .. s end return #s", "memory limit");
    limit_fails("local s = 'x' for i = 1, 27 do s = string.rep(s, 2) end return #s",
                "memory limit");
    limit_fails("local t = {} for i = 1, 1500000 do t[i] = { i } end return #t",
                "memory limit");
    limit_fails("return string.rep('x', 1 << 27)", "memory limit");
    limit_fails("local t = {} for i = 1, 150000 do t[i] = string.rep('x', 1000) .. i end",
                "memory limit");
    /* What a failed call held is given back at once. */
    char *err = NULL;
    assert_int_equal(run(h, "local t = {} for i = 1, 150000 do t[i] = string.rep('x', 1000) .. i end",
                         &err), -1);
    assert_non_null(strstr(err, "memory limit"));
    free(err);
    assert_true(lh_mem_used(h) < LH_MEM_CAP / 4);
    still_alive(h);

    /* The cap counts what earlier calls still hold. */
    lua_State *L = lh_L(h);
    err = NULL;
    static const char big[] = "return string.rep('x', 12 << 20)";
    assert_int_equal(lh_dobuffer(h, big, sizeof big - 1, "big.lua", &err), 0);
    assert_true(lh_mem_used(h) >= (12u << 20));
    assert_true(lh_mem_used(h) <= LH_MEM_CAP);
    fails(h, "return string.rep('y', 12 << 20)", "memory limit");
    assert_true(lh_mem_used(h) <= LH_MEM_CAP);
    lua_pop(L, 1);
    lua_gc(L, LUA_GCCOLLECT);
    evals_to(h, "return tostring(#string.rep('y', 12 << 20))", "12582912");
}

/* When an allocation is refused at the cap, Lua runs an emergency
 * collection and retries; if that succeeds the script must go on (before
 * c78dde7 the refusal marked the state killed and the next hook raised
 * "memory limit"). Chunk 1 leaves 12 MiB of garbage; chunk 2 holds 12 MiB. */
static void test_memory_cap_after_emergency_gc(void **state)
{
    lh *h = *state;
    evals_to(h, "local s = string.rep('a', 12 << 20) return 'garbage left'", "garbage left");
    evals_to(h, "local s = string.rep('b', 12 << 20) local n = 0"
                " for i = 1, 5000 do n = n + i end return 'done ' .. #s",
             "done 12582912");
}

static void test_deep_recursion(void **state)
{
    lh *h = *state;
    char *m = fails_with(h, "local function f(n) return 1 + f(n + 1) end return f(1)",
                         (const char *)NULL);
    assert_true(strstr(m, "stack overflow") || strstr(m, "memory limit"));
    assert_printable(m, 1024);
    free(m);
    /* Recursion through C functions (gsub callbacks, __index). */
    m = fails_with(h, "local function f(s) return (string.gsub(s, '.', f)) end return f('x')",
                   "stack overflow", (const char *)NULL);
    assert_printable(m, 1024);
    free(m);
    m = fails_with(h, "local t = setmetatable({}, {}) "
                      "getmetatable(t).__index = function(t, k) return t[k] end return t.x",
                   "stack overflow", (const char *)NULL);
    assert_printable(m, 1024);
    free(m);
    /* Recursion that stops in time is fine. */
    evals_to(h, "local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end"
                " return tostring(f(150))",
             "150");
}

static void test_error_objects(void **state)
{
    lh *h = *state;
    char *m = fails_with(h, "error({ code = 1 })", "table", (const char *)NULL);
    assert_printable(m, 200);
    free(m);
    m = fails_with(h, "error(setmetatable({}, { __tostring = function() while true do end end }))",
                   (const char *)NULL);
    assert_printable(m, 200);
    free(m);
    m = fails_with(h, "error()", "nil", (const char *)NULL);
    assert_printable(m, 200);
    free(m);
    m = fails_with(h, "error(string.rep('x', 1 << 20))", "xxxx", (const char *)NULL);
    assert_printable(m, 1024);
    free(m);
    /* Cut inside a multi-byte character: still valid UTF-8. */
    m = fails_with(h, "error('x' .. string.rep('错', 400000), 0)", "错", (const char *)NULL);
    assert_printable(m, 1024);
    free(m);
    /* The position is kept for ordinary string errors. */
    m = fails_with(h, "\n\nerror('custom failure')", "box.lua:3:", "custom failure",
                   (const char *)NULL);
    free(m);

    /* lh_errstring directly, on values the host may meet. */
    lua_State *L = lh_L(h);
    lua_newtable(L);
    char *s = lh_errstring(L, -1);
    assert_non_null(strstr(s, "table"));
    free(s);
    lua_pop(L, 1);
    char *huge = xmalloc((1u << 20) + 1);
    memset(huge, 'z', 1u << 20);
    huge[1u << 20] = '\0';
    lua_pushstring(L, huge);
    s = lh_errstring(L, -1);
    assert_printable(s, 1024);
    assert_true(strlen(s) < 1024);
    free(s);
    lua_pop(L, 1);
    free(huge);
}

/* A scenario's error("\27[2J...") must not reach the terminal as an escape
 * sequence: luahost.h promises "a short printable message" (control
 * characters passed through before c78dde7). */
static void test_error_control_chars(void **state)
{
    lh *h = *state;
    char *m = fails_with(h, "error('\\27[2J\\27]0;owned\\7boom\\0tail', 0)", "boom",
                         (const char *)NULL);
    assert_printable(m, 200);
    free(m);
}

static void test_random_seeded(void **state)
{
    (void)state;
    static const char code[] =
        "local t = {} for i = 1, 20 do t[i] = math.random(1000000) end"
        " t[21] = string.format('%.17g', math.random()) return table.concat(t, ',')";
    lh *a = lh_new(42), *b = lh_new(42), *c = lh_new(43);
    char *ra = eval(a, code), *rb = eval(b, code), *rc = eval(c, code);
    assert_string_equal(ra, rb);
    assert_string_not_equal(ra, rc);
    /* The sequence continues within a state, and is the same again in a
     * fresh one. */
    char *ra2 = eval(a, code);
    assert_string_not_equal(ra, ra2);
    lh *d = lh_new(42);
    char *rd = eval(d, code);
    assert_string_equal(ra, rd);
    /* math.randomseed is absent: scenario code cannot reseed. */
    evals_to(a, "return type(math.randomseed)", "nil");
    fails(a, "math.randomseed(1)", "randomseed");
    free(ra);
    free(rb);
    free(rc);
    free(ra2);
    free(rd);
    lh_free(a);
    lh_free(b);
    lh_free(c);
    lh_free(d);
}

/* ---- scenarios ------------------------------------------------------- */

static char tmpdir[64];

static int setup_dir(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/crmsim-scnXXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
    (void)state;
    char *cmd = xasprintf("rm -rf '%s'", tmpdir);
    int rc = system(cmd);
    free(cmd);
    return rc == 0 ? 0 : -1;
}

/* Writes len bytes to tmpdir/name; returns the path (caller frees). */
static char *write_file(const char *name, const char *data, size_t len)
{
    char *path = xasprintf("%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    return path;
}

static char *write_str(const char *name, const char *data)
{
    return write_file(name, data, strlen(data));
}

/* A valid scenario; every field on its own line so that an edit to one
 * field is reported at a known line (see LINE_* below). */
#define LINE_RETURN 3
#define LINE_ID 4
#define LINE_TITLE 5
#define LINE_CHAPTER 6
#define LINE_KIND 7
#define LINE_REQUIRES 14
#define LINE_ON_REPLY 15
#define LINE_OUTCOMES 18
static const char *const valid_lines[] = {
    "-- test scenario",                                              /* 1 */
    "local greeting = '喂？'",                                       /* 2 */
    "return {",                                                      /* 3 */
    "  id = 'mini',",                                                /* 4 */
    "  title = '测试客户',",                                         /* 5 */
    "  chapter = 5,",                                                /* 6 */
    "  kind = 'angry',",                                             /* 7 */
    "  customer = { name = '王先生', profile = '老客户' },",         /* 8 */
    "  brief = '你是客服',",                                         /* 9 */
    "  opening = greeting,",                                         /* 10 */
    "  mood = 30,",                                                  /* 11 */
    "  patience = 3,",                                               /* 12 */
    "  max_turns = 10,",                                             /* 13 */
    "  requires = { 'apologize', 'ask' },",                          /* 14 */
    "  on_reply = function(state, reply)",                           /* 15 */
    "    return crm.join('好', '的'), nil",                          /* 16 */
    "  end,",                                                        /* 17 */
    "  outcomes = { resolved = { label = '解决', score = 100 }, churned = { label = '流失', score = 0 } },", /* 18 */
    "}",                                                             /* 19 */
};
#define NLINES (sizeof valid_lines / sizeof *valid_lines)

/* The valid scenario with line `lineno` (1-based) replaced by `repl` (NULL
 * drops the line's content but keeps the line), written to tmpdir/name. */
static char *scenario_file(const char *name, int lineno, const char *repl)
{
    strbuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < NLINES; i++) {
        if ((int)i + 1 == lineno)
            sb_adds(&sb, repl ? repl : "");
        else
            sb_adds(&sb, valid_lines[i]);
        sb_adds(&sb, "\n");
    }
    char *path = write_file(name, sb.buf, sb.len);
    sb_release(&sb);
    return path;
}

/* scn_load must fail with "PATH:LINE: …" containing word. */
static void load_fails(const char *path, int line, const char *word)
{
    scenario *s = (scenario *)1;
    char *err = NULL;
    int rc = scn_load(".", path, 7, &s, &err);
    if (rc != -1)
        fail_msg("%s: must not load", path);
    assert_null(s);
    if (!err)
        fail_msg("%s: no message", path);
    char *prefix = line > 0 ? xasprintf("%s:%d: ", path, line) : xasprintf("%s:", path);
    if (strncmp(err, prefix, strlen(prefix)) != 0)
        fail_msg("message does not start with '%s': %s", prefix, err);
    if (word && !strstr(err, word))
        fail_msg("message does not mention '%s': %s", word, err);
    free(prefix);
    free(err);
}

static void test_scenario_valid(void **state)
{
    (void)state;
    char *path = scenario_file("mini.lua", 0, NULL);
    scenario *s = NULL;
    char *err = NULL;
    int rc = scn_load(".", path, 7, &s, &err);
    if (rc != 0)
        fail_msg("valid scenario rejected: %s", err ? err : "?");
    assert_non_null(s);
    assert_string_equal(s->id, "mini");
    assert_string_equal(s->title, "测试客户");
    assert_string_equal(s->kind, "angry");
    assert_string_equal(s->cust_name, "王先生");
    assert_string_equal(s->cust_profile, "老客户");
    assert_int_equal(s->chapter, 5);
    assert_int_equal(s->mood, 30);
    assert_int_equal(s->patience, 3);
    assert_int_equal(s->max_turns, 10);
    assert_int_equal(s->required, (1u << step_index("apologize")) | (1u << step_index("ask")));
    assert_int_equal(s->nout, 2);
    assert_string_equal(s->out[0].id, "churned");
    assert_string_equal(s->out[1].id, "resolved");
    assert_int_equal(scn_outcome_find(s, "resolved")->score, 100);
    assert_null(scn_outcome_find(s, "escalated"));
    assert_int_equal(scn_field_line(s, "title"), LINE_TITLE);
    assert_int_equal(scn_field_line(s, "nosuchfield"), LINE_RETURN);
    /* The scenario table and the helper library are usable in its state. */
    lua_State *L = lh_L(s->h);
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->ref);
    lua_getfield(L, -1, "on_reply");
    lua_newtable(L);
    lua_newtable(L);
    err = NULL;
    assert_int_equal(lh_call(s->h, 2, 1, &err), 0);
    assert_string_equal(lua_tostring(L, -1), "好的");
    lua_pop(L, 2);
    scn_free(s);
    free(path);
}

static void test_scenario_syntax_error(void **state)
{
    (void)state;
    char *path = scenario_file("syntax.lua", 9, "  brief = '你是客服' '多了一个字符串',");
    load_fails(path, 9, NULL);
    free(path);
    /* Unclosed table: reported at the end of the file. */
    path = write_str("unclosed.lua", "return {\n  id = 'x',\n");
    load_fails(path, 0, NULL);
    free(path);
    /* A runtime error while the file runs. */
    path = scenario_file("runtime.lua", 2, "local greeting = nil .. 'x'");
    load_fails(path, 2, "nil");
    free(path);
    /* A global assignment in a scenario. */
    path = scenario_file("global.lua", 2, "greeting = '喂？'");
    load_fails(path, 2, "greeting");
    free(path);
    /* The helper library is read-only. */
    path = scenario_file("crmro.lua", 2, "crm.pick = nil local greeting = '喂？'");
    load_fails(path, 2, "read-only");
    free(path);
    path = scenario_file("crmro2.lua", 2, "crm.extra = 1 local greeting = '喂？'");
    load_fails(path, 2, "'crm'");
    free(path);
    /* Not returning a table. */
    path = write_str("notable.lua", "-- nothing\nreturn 42\n");
    load_fails(path, 2, "return");
    free(path);
}

static void test_scenario_missing_fields(void **state)
{
    (void)state;
    static const struct {
        int line;
        const char *word;
        const char *repl;
    } req[] = {
        { LINE_ID, "'id'", NULL }, { LINE_TITLE, "'title'", NULL }, { LINE_KIND, "'kind'", NULL },
        { 9, "'brief'", NULL }, { LINE_CHAPTER, "'chapter'", NULL }, { 11, "'mood'", NULL },
        { 12, "'patience'", NULL }, { 13, "'max_turns'", NULL }, { 8, "'customer'", NULL },
        { LINE_REQUIRES, "'requires'", NULL }, { LINE_OUTCOMES, "outcomes", NULL },
        { 10, "opening", NULL },
        /* A misspelt hook: on_reply is missing. */
        { LINE_ON_REPLY, "on_reply", "  on_replay = function(state, reply)" },
    };
    for (size_t i = 0; i < sizeof req / sizeof *req; i++) {
        char *name = xasprintf("missing%zu.lua", i);
        char *path = scenario_file(name, req[i].line, req[i].repl);
        /* An absent field is reported at the scenario table (the file's
         * top-level `return`, not the `return` inside on_reply). */
        load_fails(path, LINE_RETURN, req[i].word);
        free(path);
        free(name);
    }
    /* An empty title is as good as none. */
    char *path = scenario_file("emptytitle.lua", LINE_TITLE, "  title = '',");
    load_fails(path, LINE_TITLE, "'title'");
    free(path);
    path = scenario_file("numtitle.lua", LINE_TITLE, "  title = 12,");
    load_fails(path, LINE_TITLE, "'title'");
    free(path);
    path = scenario_file("noname.lua", 8, "  customer = { profile = 'x' },");
    load_fails(path, 0, "'name'");
    free(path);
}

static void test_scenario_bad_values(void **state)
{
    (void)state;
    char *path = scenario_file("kind.lua", LINE_KIND, "  kind = 'grumpy',");
    load_fails(path, LINE_KIND, "grumpy");
    free(path);
    path = scenario_file("step.lua", LINE_REQUIRES, "  requires = { 'apologize', 'apologise' },");
    load_fails(path, LINE_REQUIRES, "apologise");
    free(path);
    path = scenario_file("step2.lua", LINE_REQUIRES, "  requires = { 'ask', 3 },");
    load_fails(path, LINE_REQUIRES, "requires");
    free(path);
    static const char *const chapters[] = { "0", "10", "-1", "1.5", "'one'", "true" };
    for (size_t i = 0; i < sizeof chapters / sizeof *chapters; i++) {
        char *line = xasprintf("  chapter = %s,", chapters[i]);
        char *name = xasprintf("chapter%zu.lua", i);
        path = scenario_file(name, LINE_CHAPTER, line);
        load_fails(path, LINE_CHAPTER, "'chapter'");
        free(path);
        free(name);
        free(line);
    }
    path = scenario_file("mood.lua", 11, "  mood = 101,");
    load_fails(path, 11, "'mood'");
    free(path);
    path = scenario_file("onreply.lua", LINE_ON_REPLY,
                         "  on_reply = 'not a function', on_replay = function(state, reply)");
    load_fails(path, LINE_ON_REPLY, "on_reply");
    free(path);
    path = scenario_file("id.lua", LINE_ID, "  id = 'Bad Id',");
    load_fails(path, LINE_ID, "Bad Id");
    free(path);
}

static void test_scenario_outcomes(void **state)
{
    (void)state;
    char *path = scenario_file("one.lua", LINE_OUTCOMES,
                               "  outcomes = { resolved = { label = '解决', score = 100 } },");
    load_fails(path, LINE_OUTCOMES, "two");
    free(path);
    path = scenario_file("none.lua", LINE_OUTCOMES, "  outcomes = {},");
    load_fails(path, LINE_OUTCOMES, "two");
    free(path);
    path = scenario_file("score.lua", LINE_OUTCOMES,
                         "  outcomes = { resolved = { score = 101 }, churned = { score = 0 } },");
    load_fails(path, LINE_OUTCOMES, "score");
    free(path);
    path = scenario_file("shape.lua", LINE_OUTCOMES,
                         "  outcomes = { resolved = 100, churned = { score = 0 } },");
    load_fails(path, LINE_OUTCOMES, "resolved");
    free(path);
    path = scenario_file("reserved.lua", LINE_OUTCOMES,
                         "  outcomes = { abandoned = { score = 0 }, churned = { score = 0 } },");
    load_fails(path, LINE_OUTCOMES, "abandoned");
    free(path);
}

static void test_scenario_files(void **state)
{
    (void)state;
    /* Missing file: named in the message. */
    char *path = xasprintf("%s/no-such-scenario.lua", tmpdir);
    scenario *s = NULL;
    char *err = NULL;
    assert_int_equal(scn_load(".", path, 1, &s, &err), -1);
    assert_null(s);
    assert_non_null(err);
    assert_non_null(strstr(err, path));
    free(err);
    free(path);
    /* NUL bytes: refused before Lua sees the file. */
    static const char nul[] = "return {\n  id = 'x',\0 os = 1 }\n";
    path = write_file("nul.lua", nul, sizeof nul - 1);
    err = NULL;
    assert_int_equal(scn_load(".", path, 1, &s, &err), -1);
    assert_null(s);
    assert_non_null(err);
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, "NUL"));
    free(err);
    free(path);
    /* A binary chunk as a scenario file. */
    size_t len;
    char *bin = dump_chunk(&len);
    path = write_file("bin.lua", bin, len);
    free(bin);
    err = NULL;
    assert_int_equal(scn_load(".", path, 1, &s, &err), -1);
    assert_null(s);
    assert_non_null(err);
    assert_non_null(strstr(err, path));
    free(err);
    free(path);
    /* home without scenarios/lib/crm.lua: the helper is named. */
    path = scenario_file("nohome.lua", 0, NULL);
    err = NULL;
    assert_int_equal(scn_load(tmpdir, path, 1, &s, &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, "crm.lua"));
    free(err);
    free(path);
}

/* A scenario stopped by the instruction budget or the memory cap gets a
 * message naming the file (persona-api.md: "exceeding either ends the
 * session with an error naming the file"; DESIGN.md: "every error reported
 * with file:line"). Before c78dde7 the file was not named. */
static void test_limit_errors_name_file(void **state)
{
    (void)state;
    char *path = write_str("loop.lua", "local n = 0\nwhile true do n = n + 1 end\n");
    load_fails(path, 2, "instruction budget");
    free(path);
    path = write_str("bomb.lua", "local s = 'x'\nfor i = 1, 27 do s = s .. s end\nreturn {}\n");
    load_fails(path, 0, "memory limit");
    free(path);
}

static int teardown_all(void **state)
{
    (void)state;
    u8_shutdown();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_escapes_absent, setup_host, teardown_host),
        cmocka_unit_test_setup_teardown(test_binary_chunk, setup_host, teardown_host),
        cmocka_unit_test_setup_teardown(test_string_metatable, setup_host, teardown_host),
        cmocka_unit_test_setup_teardown(test_globals, setup_host, teardown_host),
        cmocka_unit_test_setup_teardown(test_readonly_libs, setup_host, teardown_host),
        cmocka_unit_test(test_endless_loop),
        cmocka_unit_test(test_pcall_cannot_swallow),
        cmocka_unit_test(test_endless_message_handler),
        cmocka_unit_test_setup_teardown(test_memory_bomb, setup_host, teardown_host),
        cmocka_unit_test_setup_teardown(test_memory_cap_after_emergency_gc, setup_host,
                                        teardown_host),
        cmocka_unit_test_setup_teardown(test_deep_recursion, setup_host, teardown_host),
        cmocka_unit_test_setup_teardown(test_error_objects, setup_host, teardown_host),
        cmocka_unit_test_setup_teardown(test_error_control_chars, setup_host, teardown_host),
        cmocka_unit_test(test_random_seeded),
        cmocka_unit_test_setup_teardown(test_scenario_valid, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_scenario_syntax_error, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_scenario_missing_fields, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_scenario_bad_values, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_scenario_outcomes, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_scenario_files, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_limit_errors_name_file, setup_dir, teardown_dir),
    };
    return cmocka_run_group_tests_name("sandbox", tests, NULL, teardown_all);
}
