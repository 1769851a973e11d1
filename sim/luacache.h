/*
 * luacache.h - a cache of compiled Lua chunks: the bytecode that Lua's own
 * compiler made of a text chunk, kept in crmsim's cache directory under
 * the SHA-256 of the text, its chunk name and the Lua release, so that the
 * next load of the same text skips the parser (a scenario and crm.lua are
 * most of `play`'s start-up). Only bytecode this cache wrote is ever
 * loaded; a chunk given as bytecode is still refused (luahost.c).
 * Deliberately not here: the sandbox (luahost.c).
 */
#ifndef CRM_LUACACHE_H
#define CRM_LUACACHE_H

#include <lua.h>
#include <stddef.h>

/* Turns the cache on for this process (main does; library users and the
 * unit tests parse every time); luacache_enabled says whether it is. */
void luacache_enable(void);
int luacache_enabled(void);

/* The key of a text chunk (len bytes, chunk name `chunk`): SHA-256 (hex)
 * of the cache format, Lua's release, the name and the text. */
void luacache_key(const char *text, size_t len, const char *chunk, char key[65]);

/* Pushes the function compiled from the text of `key` and returns 1 when
 * the cache has it; else pushes nothing and returns 0. */
int luacache_load(lua_State *L, const char key[65], const char *chunk);

/* Stores the function on top of the stack (just compiled from the text of
 * `key`) for the next luacache_load; failures are silent (a cache). */
void luacache_store(lua_State *L, const char key[65]);

#endif
