/*
 * luacache.c - compiled Lua chunks cached in $XDG_CACHE_HOME/crmsim/lua/
 * (or ~/.cache/crmsim/lua/), one file per text: "crmsim-luac 1\n", the
 * bytecode lua_dump wrote (with debug information, so error messages and
 * line numbers are those of the text), and a SHA-256 over the key and the
 * bytecode. Lua's loader does not verify bytecode, so a file is loaded
 * only when it is a regular file of this user that nobody else may write,
 * in a directory of this user that nobody else may write, and its
 * checksum holds; anything else is ignored and written anew. Writing
 * those files takes this user's account, which could change crmsim
 * itself as well.
 *
 * Written by hand because Lua offers dump and load but no cache; the
 * files are crmsim's own (a `luac` output is never read).
 */
#include "luacache.h"

#include <errno.h>
#include <fcntl.h>
#include <lauxlib.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define MAGIC "crmsim-luac 1\n"
#define MAGIC_LEN (sizeof MAGIC - 1)
#define MAX_FILE (8u << 20)

static int enabled;

void luacache_enable(void)
{
    enabled = 1;
}

int luacache_enabled(void)
{
    return enabled;
}

void luacache_key(const char *text, size_t len, const char *chunk, char key[65])
{
    static const char hexd[] = "0123456789abcdef";
    struct sha256_ctx c;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&c);
    sha256_update(&c, MAGIC_LEN, (const uint8_t *)MAGIC);
    sha256_update(&c, sizeof LUA_RELEASE, (const uint8_t *)LUA_RELEASE);
    sha256_update(&c, strlen(chunk) + 1, (const uint8_t *)chunk);
    sha256_update(&c, len, (const uint8_t *)text);
    sha256_digest(&c, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++) {
        key[2 * i] = hexd[d[i] >> 4];
        key[2 * i + 1] = hexd[d[i] & 15];
    }
    key[64] = '\0';
}

/* The checksum a file ends with: SHA-256 of the key and the bytecode. */
static void file_sum(const char key[65], const void *code, size_t n, uint8_t sum[SHA256_DIGEST_SIZE])
{
    struct sha256_ctx c;
    sha256_init(&c);
    sha256_update(&c, 64, (const uint8_t *)key);
    sha256_update(&c, n, code);
    sha256_digest(&c, SHA256_DIGEST_SIZE, sum);
}

/* The file of a key; NULL when there is no cache directory. */
static char *file_of(const char key[65])
{
    char *name = xasprintf("lua/%s.luac", key);
    char *path = cache_path(name);
    free(name);
    return path;
}

/* 1 when st is this user's and nobody else may write it. */
static int private_to_me(const struct stat *st)
{
    return st->st_uid == geteuid() && (st->st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

/* The cached file's bytes when they may be trusted; NULL otherwise. */
static char *read_trusted(const char *path, size_t *len)
{
    char *dir = xstrdup(path);
    *strrchr(dir, '/') = '\0';
    struct stat st;
    int ok = lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) && private_to_me(&st);
    free(dir);
    if (!ok)
        return NULL;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    char *buf = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && private_to_me(&st) &&
        st.st_size > (off_t)(MAGIC_LEN + SHA256_DIGEST_SIZE) && st.st_size <= (off_t)MAX_FILE) {
        size_t n = (size_t)st.st_size, got = 0;
        buf = xmalloc(n);
        while (got < n) {
            ssize_t k = read(fd, buf + got, n - got);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0)
                break;
            got += (size_t)k;
        }
        if (got != n) {
            free(buf);
            buf = NULL;
        }
        *len = n;
    }
    close(fd);
    return buf;
}

int luacache_load(lua_State *L, const char key[65], const char *chunk)
{
    char *path = file_of(key);
    if (!path)
        return 0;
    size_t n = 0;
    char *buf = read_trusted(path, &n);
    int loaded = 0;
    if (buf && memcmp(buf, MAGIC, MAGIC_LEN) == 0) {
        const char *code = buf + MAGIC_LEN;
        size_t ncode = n - MAGIC_LEN - SHA256_DIGEST_SIZE;
        uint8_t sum[SHA256_DIGEST_SIZE];
        file_sum(key, code, ncode, sum);
        if (memcmp(sum, code + ncode, sizeof sum) == 0) {
            loaded = luaL_loadbufferx(L, code, ncode, chunk, "b") == LUA_OK;
            if (!loaded)
                lua_pop(L, 1); /* the error: parse the text instead */
        }
    }
    free(buf);
    free(path);
    return loaded;
}

static int writer(lua_State *L, const void *p, size_t sz, void *ud)
{
    (void)L;
    sb_add(ud, p, sz);
    return 0;
}

void luacache_store(lua_State *L, const char key[65])
{
    char *path = file_of(key);
    if (!path)
        return;
    strbuf sb;
    sb_init(&sb);
    sb_add(&sb, MAGIC, MAGIC_LEN);
    if (lua_dump(L, writer, &sb, 0) == 0 && sb.len > MAGIC_LEN &&
        sb.len + SHA256_DIGEST_SIZE <= MAX_FILE) {
        uint8_t sum[SHA256_DIGEST_SIZE];
        file_sum(key, sb.buf + MAGIC_LEN, sb.len - MAGIC_LEN, sum);
        sb_add(&sb, (const char *)sum, sizeof sum);
        write_file_atomic(path, sb.buf, sb.len); /* a cache: a failure costs the next parse */
    }
    sb_release(&sb);
    free(path);
}
