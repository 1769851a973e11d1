/*
 * luahost.h - one sandboxed Lua 5.4 state: allow-listed libraries, a memory
 * cap through the allocator, an instruction budget through a count hook,
 * text-only chunks with a fresh read-only-global environment each, and one
 * protected call path that turns every error into "FILE:LINE: message".
 * Deliberately not here: what a scenario or a lexicon means.
 */
#ifndef CRM_LUAHOST_H
#define CRM_LUAHOST_H

#include <stddef.h>
#include <stdint.h>

#include <lua.h>

#define LH_MEM_CAP (32u << 20)      /* bytes a session's Lua may allocate */
#define LH_BUDGET 10000000L         /* VM instructions per top-level call */

typedef struct lh lh;

/* New sandboxed state; math.random seeded with seed. Never NULL. */
lh *lh_new(int64_t seed);
void lh_free(lh *h);
lua_State *lh_L(lh *h);

/* Loads a text chunk from path with a fresh environment (globals read from
 * the sandbox, new globals refused) and runs it; leaves its first return
 * value on the stack. chunkname is how errors name the file. Returns 0, or
 * -1 with *err = "FILE:LINE: message" (caller frees) and the stack as
 * before. */
int lh_dofile(lh *h, const char *path, char **err);
/* Same for an in-memory buffer. */
int lh_dobuffer(lh *h, const char *buf, size_t len, const char *name, char **err);

/* Calls the function below nargs arguments with a traceback handler and a
 * fresh instruction budget. On error pops everything it was given and sets
 * *err; on success leaves nresults values. */
int lh_call(lh *h, int nargs, int nresults, char **err);

/* Makes a read-only proxy of the table on top of the stack (replaces it);
 * writes raise "attempt to modify read-only table 'name'". */
void lh_readonly(lua_State *L, const char *name);

/* Installs value on top of the stack as a sandbox global (pops it). */
void lh_setglobal(lh *h, const char *name);

/* Converts the value at idx to a short printable message (error objects may
 * be tables or huge strings). Caller frees. */
char *lh_errstring(lua_State *L, int idx);

/* Bytes currently allocated by this state. */
size_t lh_mem_used(const lh *h);

#endif
