/*
 * util.h - small helpers every module uses: allocation that never returns
 * NULL, error reporting in the project's one format, a growable string.
 * Deliberately not here: anything that knows about sessions, Lua or SQL.
 */
#ifndef CRM_UTIL_H
#define CRM_UTIL_H

#include <libintl.h>
#include <stdarg.h>
#include <stddef.h>

/* User-facing text goes through GNU gettext (catalogs in po/, compiled to
 * <data dir>/locale; the msgids are the Simplified Chinese or English text
 * itself). _() translates now; N_() only marks a string in a static table
 * for xgettext, and the code that prints it calls _() on it. gettext()
 * keeps gcc's format_arg attribute, so printf(_("%d"), x) is still checked. */
#define _(s) gettext(s)
#define N_(s) (s)

/* Allocation: abort with a message when memory runs out; never NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Prints "crmsim: MESSAGE\n" on stderr and returns -1. */
int crm_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Sets *err (if err is non-NULL) to a fresh formatted string, returns -1. */
int crm_seterr(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Growable byte buffer; always NUL-terminated. */
typedef struct strbuf {
    char *buf;  /* contents, NUL-terminated (never NULL after sb_init) */
    size_t len; /* bytes used, not counting the NUL */
    size_t cap; /* bytes allocated */
} strbuf;

void sb_init(strbuf *sb);
void sb_release(strbuf *sb);
void sb_add(strbuf *sb, const char *s, size_t n);
void sb_adds(strbuf *sb, const char *s);
void sb_addf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands over the buffer (caller frees); sb is left empty and may be
 * reused or released. */
char *sb_detach(strbuf *sb);

/* Reads a whole file; caller frees *out. Returns 0, or -1 with *err set. */
int read_file(const char *path, char **out, size_t *len, char **err);

/* A file in crmsim's cache directory: $XDG_CACHE_HOME/crmsim/NAME or
 * ~/.cache/crmsim/NAME (caller frees); NULL when neither is set. */
char *cache_path(const char *name);

/* Writes all len bytes of buf to fd (again after EINTR and short
 * writes); 0, or -1 with errno set. */
int write_all(int fd, const void *buf, size_t len);

/* Writes buf to path through a temporary file renamed over it, creating
 * missing parent directories (mode 0700). Returns 0, or -1 (errno set)
 * with path untouched. */
int write_file_atomic(const char *path, const void *buf, size_t len);

/* Lowercase hex SHA-256 of data (65 bytes incl. NUL written to hex). */
void sha256_hex(const void *data, size_t len, char hex[65]);

#endif
