/*
 * u8.c - UTF-8 text utilities: strict validation and checking of trainee
 * replies, and the one folding used for matching (NFKC + case fold through
 * utf8proc, Traditional to Simplified through OpenCC, one code point at a
 * time and cached) that keeps source spans, clause numbers and quotation.
 * The fold cache and the OpenCC handle are process-wide and safe to use
 * from several threads at once (grade --lines grades on every core).
 * Deliberately not here: lexicons, patterns, conjunctions (the matcher
 * splits clauses further at 但是/所以).
 */
#include "u8.h"

#include "dynlib.h"

#include <opencc/opencc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

/* ------------------------------------------------------------------ */
/* Decoding and validation                                             */

/* Decodes one code point at p (left > 0 bytes remain). Returns its length,
 * or -1 (and *cp = 0) for an invalid sequence. Strict by the rules of
 * utf8proc_iterate, written out here because it runs on every byte of every
 * reply: it rejects overlongs (C0, C1, E0 80-9F, F0 80-8F), surrogates (ED
 * A0-BF), code points above U+10FFFF (F4 90+, F5-FF), truncated sequences
 * and lone continuation bytes (the tests check each of these). */
static inline int decode(const unsigned char *p, size_t left, uint32_t *cp)
{
    unsigned c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c - 0xC2 > 0xF4 - 0xC2)
        goto bad;
    if (c < 0xE0) {
        if (left < 2 || (p[1] & 0xC0) != 0x80)
            goto bad;
        *cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        return 2;
    }
    if (c < 0xF0) {
        if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            goto bad;
        if (c == 0xED && p[1] > 0x9F)
            goto bad;
        uint32_t u = ((c & 0xFu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        if (u < 0x800)
            goto bad;
        *cp = u;
        return 3;
    }
    if (left < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        goto bad;
    if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
        goto bad;
    *cp = ((c & 7u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    return 4;
bad:
    *cp = 0;
    return -1;
}

/* Decodes one code point of text already validated; always advances (an
 * invalid byte, which validation has ruled out, would count as U+0000). */
static size_t next_cp(const unsigned char *p, size_t left, uint32_t *cp)
{
    int r = decode(p, left, cp);
    return r > 0 ? (size_t)r : 1;
}

int u8_validate(const char *s, size_t len, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        int r = decode(p + i, len - i, &cp);
        if (r < 0) {
            if (bad)
                *bad = i;
            return -1;
        }
        i += (size_t)r;
    }
    return 0;
}

size_t u8_length(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

int u8_encode(uint32_t cp, char *buf)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return (int)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)buf);
}

/* C0 except TAB, DEL, C1. */
static bool is_control(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F);
}

/* One pass: the first invalid sequence wins over any control character
 * before it, the first control character over the length. */
int u8_check_reply(const char *s, size_t len, char **err)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t nchars = 0;
    uint32_t ctrl = 0;
    bool has_ctrl = false;
    for (size_t i = 0; i < len; nchars++) {
        uint32_t cp;
        if (p[i] >= 0x20 && p[i] < 0x7F) { /* printable ASCII */
            i++;
            continue;
        }
        int r = decode(p + i, len - i, &cp);
        if (r < 0)
            return crm_seterr(err, _("回复不是有效的 UTF-8 文本（第 %zu 字节起），请重新输入"),
                              i + 1);
        i += (size_t)r;
        if (cp < 0xA0 && !has_ctrl && is_control(cp)) {
            has_ctrl = true;
            ctrl = cp;
        }
    }
    if (has_ctrl)
        return crm_seterr(err, _("回复中含有控制字符（U+%04X），请删除后重新输入"),
                          (unsigned)ctrl);
    if (nchars > U8_MAX_REPLY_CHARS)
        return crm_seterr(err, _("回复太长（%zu 字），最多 %d 字"), nchars,
                          U8_MAX_REPLY_CHARS);
    /* Unreachable for valid UTF-8 (a character is at most 4 bytes), kept
     * so the byte limit holds even if the limits are ever changed. */
    if (len > U8_MAX_REPLY_BYTES)
        return crm_seterr(err, _("回复太长（%zu 字节），最多 %d 字节"), len,
                          U8_MAX_REPLY_BYTES);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Folding one code point                                              */

#define FOLD_UNKNOWN UINT32_MAX
#define FOLD_PAGE_SHIFT 8
#define FOLD_PAGE_SIZE (1u << FOLD_PAGE_SHIFT)
#define FOLD_NPAGES (0x110000u >> FOLD_PAGE_SHIFT)

/* Fold cache: 256-entry pages allocated on first use, FOLD_UNKNOWN until
 * computed. Written by hand because neither library caches: each miss
 * costs a utf8proc_map and an OpenCC conversion, each hit a load.
 * Threads: a hit is two atomic loads (plain loads on x86, the page
 * pointer with acquire order); a miss computes under fold_lock, which also
 * guards OpenCC, and publishes the page (release) before it is seen. A
 * slot's value never changes once set, so a relaxed load of it is enough. */
typedef _Atomic uint32_t fold_entry;
static fold_entry *_Atomic fold_page[FOLD_NPAGES];
static pthread_mutex_t fold_lock = PTHREAD_MUTEX_INITIALIZER;

/* OpenCC t2s, opened on the first Han character (under fold_lock): 0 not
 * tried, 1 open, -1 could not be opened (then no T->S fold, silently).
 * libopencc itself is loaded then too (sim/dynlib.h says why). */
static opencc_t t2s;
static int t2s_state;

#ifndef CRM_LIBOPENCC
#define CRM_LIBOPENCC "libopencc.so.1.1"
#endif
static struct {
    __typeof__(opencc_open) *open;
    __typeof__(opencc_convert_utf8) *convert;
    __typeof__(opencc_convert_utf8_free) *convert_free;
    __typeof__(opencc_close) *close;
} cc;
static const dynlib_sym cc_syms[] = {
    { "opencc_open", (void (**)(void))&cc.open },
    { "opencc_convert_utf8", (void (**)(void))&cc.convert },
    { "opencc_convert_utf8_free", (void (**)(void))&cc.convert_free },
    { "opencc_close", (void (**)(void))&cc.close },
};
static dynlib cc_lib = { CRM_LIBOPENCC, cc_syms, sizeof cc_syms / sizeof cc_syms[0], 0, NULL, NULL };

/* Is cp unassigned in utf8proc's tables but inside the CJK ideograph
 * blocks? Then it is most likely an ideograph newer than utf8proc's
 * Unicode version, and is kept as a letter. */
static bool new_ideograph(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* What a character is to the matcher: letters and numbers matter; spacing
 * (Z*), punctuation (P*), controls and the rest of C*, and combining marks
 * (M*) never do; symbols (S*) only through their compatibility form. */
enum { K_DROP, K_KEEP, K_SYMBOL };

static int kind_of(uint32_t cp)
{
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return K_KEEP;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
        return K_SYMBOL;
    case UTF8PROC_CATEGORY_CN:
        return new_ideograph(cp) ? K_KEEP : K_DROP;
    default:
        return K_DROP;
    }
}

/* Traditional to Simplified for one (Han) character through OpenCC; cp
 * itself when OpenCC is unavailable or leaves it alone. */
static uint32_t t2s_fold(uint32_t cp)
{
    if (t2s_state == 0) {
        t2s_state = -1;
        if (dynlib_load(&cc_lib, NULL) == 0) {
            t2s = cc.open("t2s.json");
            t2s_state = t2s == (opencc_t)-1 ? -1 : 1;
        }
    }
    if (t2s_state < 0)
        return cp;
    char in[4];
    int n = u8_encode(cp, in);
    char *out = cc.convert(t2s, in, (size_t)n);
    if (!out)
        return cp;
    uint32_t r;
    size_t olen = strlen(out);
    if (olen == 0 || decode((const unsigned char *)out, olen, &r) < 0 || r == 0)
        r = cp;
    cc.convert_free(out);
    return r;
}

/* The uncached fold of a non-ASCII code point: NFKC + case fold, then
 * T->S. Marks are stripped inside precomposed letters too
 * (UTF8PROC_STRIPMARK), so that é and e + U+0301, whose separate mark is
 * dropped, fold alike. A letter or number that expands keeps its first
 * letter or number (ß -> s, ⑴ -> 1). A symbol is kept only when it is
 * the compatibility form of one letter: Kangxi radicals pasted from PDFs
 * (⽤ U+2F64 -> 用), not ™ -> tm, ㎏ -> kg, 😀. */
static uint32_t fold_slow(uint32_t cp)
{
    int kind = kind_of(cp);
    if (kind == K_DROP)
        return 0;
    utf8proc_uint8_t in[4];
    utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, in);
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t m = utf8proc_map(in, n, &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                          UTF8PROC_CASEFOLD | UTF8PROC_IGNORE |
                                          UTF8PROC_STRIPMARK);
    uint32_t r = 0;
    if (m < 0) {
        /* out of memory inside utf8proc: keep a letter as it is */
        r = kind == K_KEEP ? cp : 0;
    } else {
        size_t ncp = 0;
        for (utf8proc_ssize_t i = 0; i < m; ncp++) {
            uint32_t c;
            int k = decode(out + i, (size_t)(m - i), &c);
            if (k < 0)
                break;
            if (!r && kind_of(c) == K_KEEP)
                r = c;
            i += k;
        }
        if (kind == K_SYMBOL && ncp != 1)
            r = 0;
    }
    free(out);
    if (r >= 0x2E80) /* CJK radicals onwards: worth asking OpenCC */
        r = t2s_fold(r);
    return r;
}

/* a-z and 0-9 kept, A-Z lowered, the rest of ASCII dropped. */
static inline uint32_t fold_ascii(uint32_t cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
        return cp;
    if (cp >= 'A' && cp <= 'Z')
        return cp + ('a' - 'A');
    return 0;
}

static uint32_t fold_miss(uint32_t cp);

/* u8_fold_cp for a decoded code point, with the cache hit inlined: this
 * runs on every character of every reply. */
static inline uint32_t fold(uint32_t cp)
{
    if (cp < 0x80)
        return fold_ascii(cp);
    const fold_entry *page =
        atomic_load_explicit(&fold_page[cp >> FOLD_PAGE_SHIFT], memory_order_acquire);
    if (page) {
        uint32_t f = atomic_load_explicit(&page[cp & (FOLD_PAGE_SIZE - 1)], memory_order_relaxed);
        if (f != FOLD_UNKNOWN)
            return f;
    }
    return fold_miss(cp);
}

/* The cache slot of a non-ASCII code point (page made if needed); call
 * with fold_lock held. */
static fold_entry *fold_slot(uint32_t cp)
{
    fold_entry *page = atomic_load_explicit(&fold_page[cp >> FOLD_PAGE_SHIFT], memory_order_relaxed);
    if (!page) {
        page = xmalloc(FOLD_PAGE_SIZE * sizeof *page);
        for (size_t i = 0; i < FOLD_PAGE_SIZE; i++)
            atomic_init(&page[i], FOLD_UNKNOWN);
        atomic_store_explicit(&fold_page[cp >> FOLD_PAGE_SHIFT], page, memory_order_release);
    }
    return &page[cp & (FOLD_PAGE_SIZE - 1)];
}

/* The fold of a non-ASCII code point that is not in the cache yet. */
static uint32_t fold_miss(uint32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    pthread_mutex_lock(&fold_lock);
    fold_entry *slot = fold_slot(cp);
    uint32_t f = atomic_load_explicit(slot, memory_order_relaxed);
    if (f == FOLD_UNKNOWN) {
        f = fold_slow(cp);
        atomic_store_explicit(slot, f, memory_order_relaxed);
    }
    pthread_mutex_unlock(&fold_lock);
    return f;
}

uint32_t u8_fold_cp(uint32_t cp)
{
    return cp > 0x10FFFF ? 0 : fold(cp);
}

void u8_shutdown(void)
{
    for (size_t i = 0; i < FOLD_NPAGES; i++) {
        free((void *)fold_page[i]);
        atomic_store_explicit(&fold_page[i], NULL, memory_order_relaxed);
    }
    if (t2s_state > 0)
        cc.close(t2s);
    t2s = NULL;
    t2s_state = 0;
}

char *u8_fold(const char *s)
{
    if (!s)
        return NULL;
    size_t len = strlen(s);
    if (u8_validate(s, len, NULL) < 0)
        return NULL;
    strbuf sb;
    sb_init(&sb);
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += next_cp(p + i, len - i, &cp);
        uint32_t f = u8_fold_cp(cp);
        if (f) {
            char buf[4];
            sb_add(&sb, buf, (size_t)u8_encode(f, buf));
        }
    }
    return sb.buf; /* the buffer is ours to hand over */
}

/* ------------------------------------------------------------------ */
/* Normalising a text: spans, clauses, quotation                       */

/* Clause punctuation ，。！？；：,.!?;: 、… and line breaks and tabs, with
 * their full-width, half-width, small and vertical forms. Brackets, quotes
 * and dashes do not split a clause. Hand-written: Unicode has no property
 * for "ends a clause" (Sentence_Terminal misses the comma family). */
static bool is_clause_break(uint32_t cp)
{
    switch (cp) {
    case '\t': case '\n': case '\v': case '\f': case '\r':
    case ',': case '.': case '!': case '?': case ';': case ':':
    case 0x0085:                                        /* NEL */
    case 0x2025: case 0x2026:                           /* ‥ … */
    case 0x2028: case 0x2029:                           /* line/paragraph separator */
    case 0x203C: case 0x2047: case 0x2048: case 0x2049: /* ‼ ⁇ ⁈ ⁉ */
    case 0x22EF:                                        /* ⋯, often typed for …… */
    case 0x3001: case 0x3002:                           /* 、 。 */
    case 0xFE10: case 0xFE11: case 0xFE12: case 0xFE13: /* vertical ， 、 。 ： */
    case 0xFE14: case 0xFE15: case 0xFE16: case 0xFE19: /* vertical ； ！ ？ … */
    case 0xFE50: case 0xFE51: case 0xFE52: case 0xFE54: /* small , 、 . ; */
    case 0xFE55: case 0xFE56: case 0xFE57:              /* small : ? ! */
    case 0xFF01: case 0xFF0C: case 0xFF0E: case 0xFF1A: /* ！ ， ． ： */
    case 0xFF1B: case 0xFF1F:                           /* ； ？ */
    case 0xFF61: case 0xFF64:                           /* half-width 。 、 */
        return true;
    default:
        return false;
    }
}

/* A point or colon between two digits (3.5元, 10:30) is part of a number
 * or a time, not the end of a clause. */
static bool is_digit_sep(uint32_t cp)
{
    return cp == '.' || cp == ':' || cp == 0xFF0E || cp == 0xFF1A || cp == 0xFE52 ||
           cp == 0xFE55;
}

static bool is_digit(uint32_t cp)
{
    uint32_t f = u8_fold_cp(cp);
    return f >= '0' && f <= '9';
}

static bool ascii_letter(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static bool ascii_alnum(uint32_t cp)
{
    return ascii_letter(cp) || (cp >= '0' && cp <= '9');
}

/* Kinds of quotation mark; an open one waits for a closer of its kind. */
enum { Q_NONE, Q_DOUBLE, Q_SINGLE, Q_CURLY2, Q_CURLY1, Q_CORNER, Q_WCORNER, Q_PRIME };
enum { R_OPEN, R_CLOSE, R_TOGGLE };

static int quote_mark(uint32_t cp, int *role)
{
    *role = R_OPEN;
    switch (cp) {
    case '"': case 0xFF02:                  *role = R_TOGGLE; return Q_DOUBLE;
    case '\'': case 0xFF07:                 *role = R_TOGGLE; return Q_SINGLE;
    case 0x201C:                            return Q_CURLY2;  /* “ */
    case 0x201D:                            *role = R_CLOSE; return Q_CURLY2;
    case 0x2018:                            return Q_CURLY1;  /* ‘ */
    case 0x2019:                            *role = R_CLOSE; return Q_CURLY1;
    case 0x300C: case 0xFF62: case 0xFE41:  return Q_CORNER;  /* 「 */
    case 0x300D: case 0xFF63: case 0xFE42:  *role = R_CLOSE; return Q_CORNER;
    case 0x300E: case 0xFE43:               return Q_WCORNER; /* 『 */
    case 0x300F: case 0xFE44:               *role = R_CLOSE; return Q_WCORNER;
    case 0x301D:                            return Q_PRIME;   /* 〝 */
    case 0x301E: case 0x301F:               *role = R_CLOSE; return Q_PRIME;
    default:                                return Q_NONE;
    }
}

/* Open quotation marks, innermost last; the text is quoted while n > 0. */
typedef struct quotes {
    unsigned char *kind;     /* kind of each open mark: in or past `small` */
    size_t n;                /* marks open */
    size_t cap;              /* entries allocated */
    unsigned char small[32]; /* enough for any sane reply: no allocation */
} quotes;

static void quotes_init(quotes *q)
{
    q->kind = q->small;
    q->n = 0;
    q->cap = sizeof q->small;
}

static void quotes_release(quotes *q)
{
    if (q->kind != q->small)
        free(q->kind);
}

static void quotes_push(quotes *q, int kind)
{
    if (q->n == q->cap) {
        q->cap *= 2;
        if (q->kind == q->small) {
            q->kind = xmalloc(q->cap);
            memcpy(q->kind, q->small, q->n);
        } else {
            q->kind = xrealloc(q->kind, q->cap);
        }
    }
    q->kind[q->n++] = (unsigned char)kind;
}

/* Closes the innermost open mark of this kind (and any opened inside it);
 * false when none is open. */
static bool quotes_close(quotes *q, int kind)
{
    for (size_t i = q->n; i > 0; i--) {
        if (q->kind[i - 1] == kind) {
            q->n = i - 1;
            return true;
        }
    }
    return false;
}

/* Applies the dropped character cp, between source characters prev and
 * next (0 at either end), to the quotation state. */
static void quotes_step(quotes *q, uint32_t cp, uint32_t prev, uint32_t next)
{
    /* Ｔｈａｔ＇ｓ: judge neighbours by their half-width forms. */
    if (prev >= 0xFF01 && prev <= 0xFF5E)
        prev -= 0xFEE0;
    if (next >= 0xFF01 && next <= 0xFF5E)
        next -= 0xFEE0;
    int role;
    int kind = quote_mark(cp, &role);
    if (kind == Q_NONE)
        return;
    /* don't, it's, don’t: an apostrophe, not a quotation mark. */
    if ((kind == Q_SINGLE || cp == 0x2019) && ascii_letter(prev) && ascii_letter(next))
        return;
    if (role == R_OPEN) {
        quotes_push(q, kind);
    } else if (role == R_CLOSE) {
        quotes_close(q, kind); /* a stray closer is ignored */
    } else if (!quotes_close(q, kind)) {
        /* students' books, the 90's: ' after a letter or digit does not
         * open a quotation (it would run to the end of the text). */
        if (kind == Q_SINGLE && ascii_alnum(prev))
            return;
        quotes_push(q, kind);
    }
}

int u8_normalize(const char *s, size_t len, u8_norm *out, char **err)
{
    *out = (u8_norm){0};
    int rc = u8_normalize_into(s, len, out, err);
    if (rc < 0 || out->n == 0)
        u8_norm_release(out);
    return rc;
}

/* Makes room for at least need code points, keeping nothing. */
static void norm_reserve(u8_norm *out, size_t need)
{
    if (need <= out->cap)
        return;
    u8_norm_release(out);
    out->cp = xmalloc(need * sizeof *out->cp);
    out->start = xmalloc(need * sizeof *out->start);
    out->end = xmalloc(need * sizeof *out->end);
    out->clause = xmalloc(need * sizeof *out->clause);
    out->quoted = xmalloc(need * sizeof *out->quoted);
    out->cap = need;
}

/* The normalisation of u8_normalize_into; returns 0, or -1 with *bad the
 * byte offset of an invalid sequence. *nchars receives the number of code
 * points and *ctrl whether one is a control character as u8_check_reply
 * sees them, so that a reply is checked in the same pass. */
static inline int normalize(const char *s, size_t len, u8_norm *out, size_t *bad,
                            size_t *nchars, bool *ctrl)
{
    out->n = 0;
    out->nclauses = 0;
    *nchars = 0;
    *ctrl = false;
    if (len > out->cap) /* bytes bound characters; count them only when long */
        norm_reserve(out, len <= 4096 ? len : u8_length(s, len));
    if (len == 0)
        return 0;

    const unsigned char *p = (const unsigned char *)s;
    quotes q;
    quotes_init(&q);
    uint32_t clause = 0;
    bool brk = false;  /* clause punctuation seen since the last kept char */
    uint32_t prev = 0; /* source character before cp */
    uint32_t *ocp = out->cp, *ocl = out->clause;
    size_t *ost = out->start, *oen = out->end;
    uint8_t *oq = out->quoted;
    size_t i = 0, n = 0, nc = 0;
    bool has_ctrl = false;
    while (i < len) {
        uint32_t cp, f;
        size_t j;
        nc++;
        if (p[i] < 0x80) {
            cp = p[i];
            j = i + 1;
            f = fold_ascii(cp);
            if (!f && cp == ' ') { /* the commonest dropped character: nothing to do */
                prev = cp;
                i = j;
                continue;
            }
            has_ctrl |= is_control(cp);
        } else {
            int k = decode(p + i, len - i, &cp);
            if (k < 0)
                goto bad;
            j = i + (size_t)k;
            has_ctrl |= cp < 0xA0 && is_control(cp);
            f = fold(cp);
        }
        if (f) {
            if (brk && n)
                clause++;
            brk = false;
            ocp[n] = f;
            ost[n] = i;
            oen[n] = j;
            ocl[n] = clause;
            oq[n] = q.n > 0;
            n++;
        } else {
            /* Dropped: punctuation, spacing, quotation marks. Some look at
             * the next character; when it is invalid, that is the error
             * (as it would be one step later anyway). */
            uint32_t next = 0;
            int role;
            if (is_clause_break(cp)) {
                if (is_digit_sep(cp) && is_digit(prev)) {
                    if (j < len && decode(p + j, len - j, &next) < 0) {
                        i = j;
                        goto bad;
                    }
                    if (!is_digit(next))
                        brk = true;
                } else {
                    brk = true;
                }
            } else if (quote_mark(cp, &role) != Q_NONE) {
                if (j < len && decode(p + j, len - j, &next) < 0) {
                    i = j;
                    goto bad;
                }
                quotes_step(&q, cp, prev, next);
            }
        }
        prev = cp;
        i = j;
    }
    quotes_release(&q);
    out->n = n;
    out->nclauses = n ? out->clause[n - 1] + 1 : 0;
    *nchars = nc;
    *ctrl = has_ctrl;
    return 0;
bad:
    quotes_release(&q);
    out->n = 0;
    *bad = i;
    return -1;
}

int u8_normalize_into(const char *s, size_t len, u8_norm *out, char **err)
{
    size_t bad, nchars;
    bool ctrl;
    if (normalize(s, len, out, &bad, &nchars, &ctrl) < 0)
        return crm_seterr(err, _("invalid UTF-8 at byte %zu"), bad);
    return 0;
}

int u8_normalize_reply(const char *s, size_t len, u8_norm *out, char **err)
{
    size_t bad, nchars;
    bool ctrl;
    if (len <= U8_MAX_REPLY_BYTES && normalize(s, len, out, &bad, &nchars, &ctrl) == 0 &&
        !ctrl && nchars <= U8_MAX_REPLY_CHARS)
        return 0;
    /* Not acceptable: u8_check_reply says why, with its precedence (it
     * finds what the pass above found; should they ever disagree, the
     * text is normalised as u8_normalize_into would). */
    out->n = 0;
    out->nclauses = 0;
    if (u8_check_reply(s, len, err) < 0)
        return -1;
    return u8_normalize_into(s, len, out, err);
}

void u8_norm_release(u8_norm *n)
{
    free(n->cp);
    free(n->start);
    free(n->end);
    free(n->clause);
    free(n->quoted);
    *n = (u8_norm){0};
}

char *u8_json_put(char *dst, const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    *dst++ = '"';
    size_t run = 0; /* start of the bytes not yet copied */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c > '\\' || (c >= 0x20 && c != '"' && c != '\\'))
            continue;
        memcpy(dst, s + run, i - run);
        dst += i - run;
        run = i + 1;
        *dst++ = '\\';
        switch (c) {
        case '"': case '\\': *dst++ = (char)c; break;
        case '\b': *dst++ = 'b'; break;
        case '\f': *dst++ = 'f'; break;
        case '\n': *dst++ = 'n'; break;
        case '\r': *dst++ = 'r'; break;
        case '\t': *dst++ = 't'; break;
        default:
            memcpy(dst, "u00", 3);
            dst[3] = hex[c >> 4];
            dst[4] = hex[c & 15];
            dst += 5;
        }
    }
    memcpy(dst, s + run, len - run);
    dst += len - run;
    *dst++ = '"';
    return dst;
}

void u8_json_add(strbuf *sb, const char *s, size_t len)
{
    char small[256];
    char *tmp = U8_JSON_MAX(len) <= sizeof small ? small : xmalloc(U8_JSON_MAX(len));
    sb_add(sb, tmp, (size_t)(u8_json_put(tmp, s, len) - tmp));
    if (tmp != small)
        free(tmp);
}

char *u8_printable(const char *s, size_t len, size_t max_chars)
{
    strbuf sb;
    sb_init(&sb);
    size_t i = 0, chars = 0;
    while (i < len && chars < max_chars) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0) {
            sb_adds(&sb, "\xEF\xBF\xBD");
            i++;
            chars++;
            continue;
        }
        if ((cp < 0x20 && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            i += (size_t)k;
            continue;
        }
        sb_add(&sb, s + i, (size_t)k);
        i += (size_t)k;
        chars++;
    }
    if (i < len)
        sb_adds(&sb, "…");
    return sb_detach(&sb);
}

size_t u8_width(const char *s)
{
    size_t w = 0, len = strlen(s);
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0) {
            w++;
            i++;
            continue;
        }
        int cw = utf8proc_charwidth(cp);
        w += cw > 0 ? (size_t)cw : 0;
        i += (size_t)k;
    }
    return w;
}

uint32_t u8_next(const char **p)
{
    utf8proc_int32_t cp;
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)*p;
    utf8proc_ssize_t k = utf8proc_iterate(s, -1, &cp);
    if (k <= 0) {
        (*p)++;
        return 0xFFFD;
    }
    *p += k;
    return (uint32_t)cp;
}
