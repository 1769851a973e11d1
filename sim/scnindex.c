/*
 * scnindex.c - a cache of what `crmsim list` prints about each scenario
 * (id, chapter, kind, title), so that listing does not run every scenario
 * file in a sandbox (~1 ms each) when nothing changed.
 *
 * Why it can be trusted: an entry is keyed by the SHA-256 of the scenario
 * file's bytes, and the whole file by the SHA-256 of scenarios/lib/crm.lua
 * and the identity of the running executable (device, inode, size,
 * modification time), since loading depends on those too; only scenarios
 * that loaded without a problem are recorded. The file ends with the
 * SHA-256 of everything before it and is parsed strictly with every length
 * checked, so a truncated, corrupt or hostile file is ignored as a whole
 * (and rewritten). It is written to a temporary file and renamed.
 * Deliberately not here: validating scenarios (scenario.c does, on a miss).
 */
#include "scnindex.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define MAGIC "crmsim-scenario-index 1\n"
#define MAX_FIELD 4096 /* longest id, kind or title kept */

/* The cache file: $XDG_CACHE_HOME/crmsim/scenarios.idx or
 * ~/.cache/crmsim/scenarios.idx; NULL when neither is set. */
static char *index_path(void)
{
    return cache_path("scenarios.idx");
}

/* What the whole index depends on besides each file's bytes. */
static void index_key(const char *home, char key[65])
{
    char *lib = xasprintf("%s/scenarios/lib/crm.lua", home), *buf = NULL, *e = NULL;
    size_t len = 0;
    char libhash[65] = "none";
    if (read_file(lib, &buf, &len, &e) == 0)
        sha256_hex(buf, len, libhash);
    free(e);
    free(buf);
    free(lib);
    struct stat st;
    memset(&st, 0, sizeof st);
    if (stat("/proc/self/exe", &st) < 0)
        memset(&st, 0, sizeof st);
    char *k = xasprintf("%s %llu %llu %lld %lld.%09ld", libhash, (unsigned long long)st.st_dev,
                        (unsigned long long)st.st_ino, (long long)st.st_size,
                        (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    sha256_hex(k, strlen(k), key);
    free(k);
}

void scnidx_release(scnidx *x)
{
    for (size_t i = 0; i < x->n; i++) {
        free(x->e[i].id);
        free(x->e[i].kind);
        free(x->e[i].title);
    }
    free(x->e);
    free(x->path);
    memset(x, 0, sizeof *x);
}

static void add_entry(scnidx *x, const char *hash, int chapter, char *id, char *kind, char *title)
{
    x->e = xrealloc(x->e, (x->n + 1) * sizeof *x->e);
    scnidx_entry *e = &x->e[x->n++];
    memcpy(e->hash, hash, 65);
    e->chapter = chapter;
    e->id = id;
    e->kind = kind;
    e->title = title;
}

/* Reads "<digits> " at *p (below end); -1 if not there or too large. */
static long take_num(const char **p, const char *end, long max)
{
    long v = 0;
    const char *q = *p;
    if (q >= end || *q < '0' || *q > '9')
        return -1;
    while (q < end && *q >= '0' && *q <= '9') {
        v = v * 10 + (*q++ - '0');
        if (v > max)
            return -1;
    }
    if (q >= end || *q != ' ')
        return -1;
    *p = q + 1;
    return v;
}

static int is_hex64(const char *p, const char *end)
{
    if (end - p < 64)
        return 0;
    for (int i = 0; i < 64; i++)
        if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f')))
            return 0;
    return 1;
}

/* Parses buf (len bytes) into x; -1 (x left empty) on any deviation. */
static int parse(scnidx *x, const char *buf, size_t len, const char key[65])
{
    const char *p = buf, *end = buf + len;
    size_t ml = strlen(MAGIC);
    /* trailer: "end " hash "\n", the hash of everything before it */
    if (len < ml + 65 + 69 || memcmp(p, MAGIC, ml) != 0)
        return -1;
    const char *trail = end - 69;
    if (memcmp(trail, "end ", 4) != 0 || trail[68] != '\n' || !is_hex64(trail + 4, end))
        return -1;
    char sum[65];
    sha256_hex(buf, (size_t)(trail - buf), sum);
    if (memcmp(sum, trail + 4, 64) != 0)
        return -1;
    p += ml;
    if (!is_hex64(p, trail) || memcmp(p, key, 64) != 0 || p[64] != '\n')
        return -1;
    p += 65;
    while (p < trail) {
        if (trail - p < 65 || !is_hex64(p, trail) || p[64] != ' ')
            goto bad;
        char hash[65];
        memcpy(hash, p, 64);
        hash[64] = '\0';
        p += 65;
        long ch = take_num(&p, trail, 9), li = take_num(&p, trail, MAX_FIELD),
             lk = take_num(&p, trail, MAX_FIELD), lt = take_num(&p, trail, MAX_FIELD);
        if (ch < 1 || li < 1 || lk < 1 || lt < 1 || trail - p < li + lk + lt + 1 ||
            p[li + lk + lt] != '\n')
            goto bad;
        char *id = xstrndup(p, (size_t)li), *kind = xstrndup(p + li, (size_t)lk),
             *title = xstrndup(p + li + lk, (size_t)lt);
        /* a NUL inside a field would make it shorter than recorded */
        if (strlen(id) != (size_t)li || strlen(kind) != (size_t)lk || strlen(title) != (size_t)lt) {
            free(id);
            free(kind);
            free(title);
            goto bad;
        }
        add_entry(x, hash, (int)ch, id, kind, title);
        p += li + lk + lt + 1;
    }
    return 0;
bad:
    for (size_t i = 0; i < x->n; i++) {
        free(x->e[i].id);
        free(x->e[i].kind);
        free(x->e[i].title);
    }
    free(x->e);
    x->e = NULL;
    x->n = 0;
    return -1;
}

void scnidx_open(scnidx *x, const char *home)
{
    memset(x, 0, sizeof *x);
    x->path = index_path();
    index_key(home, x->key);
    if (!x->path)
        return;
    char *buf = NULL, *err = NULL;
    size_t len = 0;
    if (read_file(x->path, &buf, &len, &err) == 0 && parse(x, buf, len, x->key) < 0)
        x->dirty = 1; /* unusable: rewrite it */
    free(err);
    free(buf);
}

const scnidx_entry *scnidx_find(const scnidx *x, const char hash[65])
{
    for (size_t i = 0; i < x->n; i++)
        if (memcmp(x->e[i].hash, hash, 64) == 0)
            return &x->e[i];
    return NULL;
}

void scnidx_add(scnidx *x, const char hash[65], int chapter, const char *id, const char *kind,
                const char *title)
{
    if (scnidx_find(x, hash) || chapter < 1 || chapter > 9 || !*id || !*kind || !*title ||
        strlen(id) > MAX_FIELD || strlen(kind) > MAX_FIELD || strlen(title) > MAX_FIELD)
        return;
    add_entry(x, hash, chapter, xstrdup(id), xstrdup(kind), xstrdup(title));
    x->dirty = 1;
}

void scnidx_save(scnidx *x)
{
    if (!x->dirty || !x->path)
        return;
    strbuf sb;
    sb_init(&sb);
    sb_adds(&sb, MAGIC);
    sb_add(&sb, x->key, 64);
    sb_adds(&sb, "\n");
    for (size_t i = 0; i < x->n; i++) {
        const scnidx_entry *e = &x->e[i];
        sb_add(&sb, e->hash, 64);
        sb_addf(&sb, " %d %zu %zu %zu ", e->chapter, strlen(e->id), strlen(e->kind), strlen(e->title));
        sb_adds(&sb, e->id);
        sb_adds(&sb, e->kind);
        sb_adds(&sb, e->title);
        sb_adds(&sb, "\n");
    }
    char sum[65];
    sha256_hex(sb.buf, sb.len, sum);
    sb_adds(&sb, "end ");
    sb_add(&sb, sum, 64);
    sb_adds(&sb, "\n");
    write_file_atomic(x->path, sb.buf, sb.len); /* a cache: when it fails, the next run rebuilds */
    sb_release(&sb);
    x->dirty = 0;
}
