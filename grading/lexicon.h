/*
 * lexicon.h - lexicons as data: loads the files in grading/lexicons (in the Lua
 * sandbox), checks every entry, and compiles all patterns plus the scope
 * markers (conjunctions, reported speech, negators) into one match set.
 * Deliberately not here: applying scope rules or scoring (grade.c, score.c).
 */
#ifndef CRM_LEXICON_H
#define CRM_LEXICON_H

#include <stddef.h>

#include "match.h"

typedef enum lex_kind { LEX_FORBIDDEN, LEX_EMPATHY, LEX_STEP } lex_kind;

typedef struct lex_entry {
    char *id;         /* stable id, unique within its kind */
    lex_kind kind;    /* which lexicon it came from */
    char *category;   /* forbidden: 推诿, 指责客户, …; NULL otherwise */
    int severity;     /* forbidden: 1..3; 0 otherwise */
    int step;         /* steps: index into step_ids; -1 otherwise */
    int negatable;    /* 1 = a negator just before drops a positive match */
    char *why;        /* forbidden: why it is wrong */
    char *better;     /* forbidden: a better phrasing */
    char *source;     /* where in the course material it comes from, or NULL */
    char *file;       /* lexicon file it came from */
    char **examples;  /* replies that must produce this entry */
    size_t nexamples; /* count */
    char **near;      /* replies that must not produce it */
    size_t nnear;     /* count */
} lex_entry;

typedef struct lexicon {
    lex_entry *e;      /* entries; an entry's index is its match tag */
    size_t n;          /* number of entries */
    size_t ncourse;    /* the first ncourse entries are the course's; the rest the scenario's */
    match_set *m;      /* compiled patterns of all entries and markers */
    int tag_conj;      /* tag of clause-splitting conjunctions */
    int tag_report;    /* tag of reported/refused speech markers */
    char hash[65];     /* sha256 over the files loaded (names and bytes) */
    struct grade_ws *ws; /* grading's scratch space (grade.c), made on first use:
                          * the one part a const lexicon changes, so grade one
                          * reply at a time per lexicon */
} lexicon;

typedef struct grade_ws grade_ws;

/* Loads forbidden.lua, empathy.lua and steps.lua from dir. On error returns
 * -1 with *err naming the file and entry. Caller frees with lex_free. */
int lex_load_dir(const char *dir, lexicon **out, char **err);

struct lua_State;

/* Same, plus the entries of the `lexicon` field of the scenario table at
 * index scn_idx of L (errors name scn_path), for one scenario's sessions. */
int lex_load(const char *dir, struct lua_State *L, int scn_idx, const char *scn_path,
             lexicon **out, char **err);
void lex_free(lexicon *lx);

/* The bytes of the three course lexicon files and their hash, read without
 * compiling them: a session needs the hash (its identity, the chain) when
 * it starts, the compiled lexicon only at the first reply. */
typedef struct lex_src {
    char *path[3];  /* forbidden.lua, empathy.lua, steps.lua in dir */
    char *buf[3];   /* their bytes */
    size_t len[3];  /* lengths */
    char hash[65];  /* what lexicon.hash of the compiled lexicon will be */
} lex_src;
/* Reads the files of dir; -1 with *err when one cannot be read. Caller
 * frees with lex_src_free. */
int lex_read(const char *dir, lex_src **out, char **err);
void lex_src_free(lex_src *src);
/* lex_load from bytes read by lex_read. */
int lex_compile(const lex_src *src, struct lua_State *L, int scn_idx, const char *scn_path,
                lexicon **out, char **err);

/* Entry index by kind and id, or -1. */
int lex_find(const lexicon *lx, lex_kind kind, const char *id);

#endif
