/*
 * match.h - the multi-pattern matcher: patterns (literals, alternatives,
 * synonym classes, optional tokens, bounded gaps) compiled into one trie
 * of literals over folded code points (a double array, match.c); one scan
 * of a text yields every pattern occurrence that lies inside one clause.
 * Deliberately not here: what a pattern means (forbidden, empathy, step),
 * scope rules, reading lexicon files.
 */
#ifndef CRM_MATCH_H
#define CRM_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "u8.h"

typedef struct match_set match_set;

/* Synonym classes a pattern may name as {NAME}: lookup returns a
 * NULL-terminated list of alternatives, or NULL when unknown. */
typedef const char *const *(*match_class_fn)(const char *name, void *ctx);

/* One occurrence: pattern tag and the span [from, to) in u8_norm indices. */
typedef struct match_hit {
    int tag;        /* the tag given to match_add */
    size_t from;    /* index of the first code point */
    size_t to;      /* index one past the last code point */
    uint32_t clause;/* segment number (clauses split further at conjunctions) */
} match_hit;

match_set *match_new(void);
void match_free(match_set *m);

/* Parses and adds a pattern (syntax: grading/lexicons/README.md) under tag.
 * Returns 0, or -1 with *err set (caller frees). */
int match_add(match_set *m, const char *pattern, int tag,
              match_class_fn classes, void *ctx, char **err);

/* Occurrences of patterns tagged `tag` cancel conjunction boundaries inside
 * them (只不过 is no 不过). */
void match_set_noconj(match_set *m, int tag);

/* The conj_tag scans will pass: occurrences of one-token patterns tagged
 * `tag` are then known from a flag (other tags work, only slower). Call
 * before match_compile, like match_set_noconj. */
void match_set_conj(match_set *m, int tag);

/* Builds the automaton; call once after the last match_add. */
void match_compile(match_set *m);

/* Scans a normalised text. Fills *hits (caller frees) with the first
 * occurrence of each tag in each segment, ordered by position. Segments are
 * the clauses of the text, split further before the conjunctions tagged
 * `conj_tag` (pass -1 for none). *seg receives a malloc'd array of n segment
 * numbers (caller frees), or pass NULL. */
size_t match_scan(const match_set *m, const u8_norm *text, int conj_tag,
                  match_hit **hits, uint32_t **seg);

/* Like match_scan, but every occurrence (one per tag and start position),
 * for callers that filter occurrences further (scope rules). */
size_t match_scan_all(const match_set *m, const u8_norm *text, int conj_tag,
                      match_hit **hits, uint32_t **seg);

/* Scratch space for scanning many texts: what match_scan needs grows in it
 * and is kept, so that a warm workspace scans without allocating. */
typedef struct match_ws match_ws;
match_ws *match_ws_new(void);
void match_ws_free(match_ws *w);

/* match_scan (all = 0) or match_scan_all (all = 1) with the results kept in
 * w: *hits and *seg (n segment numbers) stay valid until the next scan with
 * w or match_ws_free. */
size_t match_scan_ws(const match_set *m, const u8_norm *text, int conj_tag, int all,
                     match_ws *w, const match_hit **hits, const uint32_t **seg);

/* Number of pattern variants (after optional-token expansion). */
size_t match_count(const match_set *m);

#endif
