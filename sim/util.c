/*
 * util.c - allocation that aborts on exhaustion, the project's error
 * format, a growable string buffer, whole-file reads and SHA-256 (through
 * nettle). Deliberately not here: anything domain-specific.
 */
#include "util.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Not translated: gettext may itself need memory that is not there. */
static void oom(size_t n)
{
    fprintf(stderr, "crmsim: out of memory allocating %zu bytes\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom(n * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    return q;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        n = 0;
    char *p = xmalloc((size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = xvasprintf(fmt, ap);
    va_end(ap);
    return p;
}

int crm_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("crmsim: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return -1;
}

int crm_seterr(char **err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        free(*err);
        *err = xvasprintf(fmt, ap);
        va_end(ap);
    }
    return -1;
}

void sb_init(strbuf *sb)
{
    sb->cap = 64;
    sb->len = 0;
    sb->buf = xmalloc(sb->cap);
    sb->buf[0] = '\0';
}

void sb_release(strbuf *sb)
{
    free(sb->buf);
    sb->buf = NULL;
    sb->len = sb->cap = 0;
}

static void sb_grow(strbuf *sb, size_t extra)
{
    if (sb->len + extra + 1 <= sb->cap)
        return;
    if (sb->cap == 0)
        sb->cap = 64;
    while (sb->len + extra + 1 > sb->cap)
        sb->cap *= 2;
    sb->buf = xrealloc(sb->buf, sb->cap);
}

void sb_add(strbuf *sb, const char *s, size_t n)
{
    sb_grow(sb, n);
    memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

void sb_adds(strbuf *sb, const char *s)
{
    sb_add(sb, s, strlen(s));
}

void sb_addf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = xvasprintf(fmt, ap);
    va_end(ap);
    sb_adds(sb, p);
    free(p);
}

char *sb_detach(strbuf *sb)
{
    char *p = sb->buf;
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    return p;
}

int read_file(const char *path, char **out, size_t *len, char **err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return crm_seterr(err, _("cannot open '%s': %s"), path, strerror(errno));
    strbuf sb;
    sb_init(&sb);
    char tmp[8192];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        sb_add(&sb, tmp, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        sb_release(&sb);
        return crm_seterr(err, _("cannot read '%s'"), path);
    }
    if (len)
        *len = sb.len;
    *out = sb.buf;
    return 0;
}

char *cache_path(const char *name)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    if (xdg && *xdg == '/')
        return xasprintf("%s/crmsim/%s", xdg, name);
    const char *home = getenv("HOME");
    if (home && *home == '/')
        return xasprintf("%s/.cache/crmsim/%s", home, name);
    return NULL;
}

/* Creates the parent directories of path (mode 0700); errors are left to
 * the open that follows. */
static void make_parents(const char *path)
{
    char *d = xstrdup(path);
    for (char *s = strchr(d + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        if (mkdir(d, 0700) < 0 && errno != EEXIST)
            break;
        *s = '/';
    }
    free(d);
}

int write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t k = write(fd, p, len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return -1;
        p += k;
        len -= (size_t)k;
    }
    return 0;
}

int write_file_atomic(const char *path, const void *buf, size_t len)
{
    make_parents(path);
    char *tmp = xasprintf("%s.XXXXXX", path); /* mkstemp's template */
    int fd = mkstemp(tmp), ok = 0;
    if (fd >= 0) {
        ok = write_all(fd, buf, len) == 0;
        ok = close(fd) == 0 && ok;
        if (!ok || rename(tmp, path) < 0) {
            int e = errno;
            unlink(tmp);
            errno = e;
            ok = 0;
        }
    }
    free(tmp);
    return ok ? 0 : -1;
}

void sha256_hex(const void *data, size_t len, char hex[65])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof digest, digest);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    hex[64] = '\0';
}
