/*
 * u8.h - UTF-8 text utilities: validation of replies, and the one
 * normalisation used for matching (NFKC, case fold, Traditional to
 * Simplified fold, spacing and punctuation dropped) that keeps, for every
 * kept character, where it came from in the original bytes, which clause it
 * is in and whether it was inside quotation marks.
 * Deliberately not here: knowing any lexicon or pattern.
 */
#ifndef CRM_U8_H
#define CRM_U8_H

#include <stddef.h>
#include <stdint.h>

/* Longest reply accepted, in bytes and in characters. */
#define U8_MAX_REPLY_BYTES 4000
#define U8_MAX_REPLY_CHARS 1000

/* 0 if s[0..len) is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF);
 * else -1 and *bad = byte offset of the first bad sequence. */
int u8_validate(const char *s, size_t len, size_t *bad);

/* Checks a trainee reply: valid UTF-8, no NUL, no control characters
 * (C0 except TAB, DEL, C1; ESC included), within the limits above.
 * Returns 0, or -1 with *err set to a clear user message (caller frees). */
int u8_check_reply(const char *s, size_t len, char **err);

/* Number of code points in valid UTF-8. */
size_t u8_length(const char *s, size_t len);

/* Result of normalising a text for matching. All arrays have n entries. */
typedef struct u8_norm {
    uint32_t *cp;      /* folded code points, punctuation/space removed */
    size_t *start;     /* byte offset in the original of the char that produced cp[i] */
    size_t *end;       /* byte offset just past it */
    uint32_t *clause;  /* clause number, 0-based, increases at clause punctuation/newlines */
    uint8_t *quoted;   /* 1 if inside quotation marks (“” 「」 『』 "" '') */
    size_t n;          /* number of kept code points */
    uint32_t nclauses; /* clause[n-1]+1, or 0 when n == 0 */
    size_t cap;        /* entries allocated in each array */
} u8_norm;

/* Normalises valid UTF-8 (validate first). Never fails on valid input:
 * returns 0; returns -1 with *err set only for invalid UTF-8. */
int u8_normalize(const char *s, size_t len, u8_norm *out, char **err);
/* The same into an u8_norm that is zeroed or was filled before: its arrays
 * are reused when they are large enough, so normalising many texts does
 * not allocate. On invalid UTF-8, out->n is 0. Free with u8_norm_release. */
int u8_normalize_into(const char *s, size_t len, u8_norm *out, char **err);
/* u8_check_reply and u8_normalize_into in one pass: 0, or -1 with *err
 * set exactly as u8_check_reply sets it (and out->n 0). */
int u8_normalize_reply(const char *s, size_t len, u8_norm *out, char **err);
void u8_norm_release(u8_norm *n);

struct strbuf;
/* Appends s[0..len) as a JSON string, quoted and escaped byte for byte as
 * jansson's json_dumps writes it (\" \\ \b \f \n \r \t, other control
 * characters as \u00XX, UTF-8 as is), for writers of fixed-shape JSON. */
void u8_json_add(struct strbuf *sb, const char *s, size_t len);
/* The same written to dst, which has room for U8_JSON_MAX(len) bytes;
 * returns the end of what was written. */
char *u8_json_put(char *dst, const char *s, size_t len);
#define U8_JSON_MAX(len) (6 * (len) + 2)

/* Folded form of s as a UTF-8 string (same pipeline, positions dropped):
 * "這不歸我管！" -> "这不归我管". Caller frees. Invalid UTF-8 -> NULL. */
char *u8_fold(const char *s);

/* Folds a single code point (NFKC + case fold + T->S); returns 0 when the
 * code point is dropped for matching (spacing, punctuation, symbols,
 * controls, combining marks). Multi-code-point expansions keep the first. */
uint32_t u8_fold_cp(uint32_t cp);

/* Decodes the code point at *p (NUL-terminated UTF-8) and advances *p;
 * an invalid byte gives U+FFFD and advances by one. */
uint32_t u8_next(const char **p);

/* Encodes cp as UTF-8 into buf (>= 4 bytes); returns bytes written. */
int u8_encode(uint32_t cp, char *buf);

/* A copy of s[0..len) safe to print on a terminal: invalid bytes become
 * U+FFFD, control characters (C0 except newline, DEL, C1, so every escape
 * sequence) are dropped, and text past max_chars characters is cut with
 * "…". Caller frees. */
char *u8_printable(const char *s, size_t len, size_t max_chars);

/* Terminal columns s takes (CJK characters count two). */
size_t u8_width(const char *s);

/* Frees OpenCC and caches (for leak-clean exits). */
void u8_shutdown(void);

#endif
