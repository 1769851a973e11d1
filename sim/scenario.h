/*
 * scenario.h - finding, loading and validating a scenario file: the helper
 * library and the persona run in one fresh sandbox, the declarative fields
 * are checked and copied out, and every problem is reported as FILE:LINE.
 * Deliberately not here: playing turns (session.c).
 */
#ifndef CRM_SCENARIO_H
#define CRM_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "luahost.h"

typedef struct scn_outcome {
    char *id;     /* "resolved", "churned", … */
    char *label;  /* shown on the score card */
    int score;    /* outcome points 0..100 */
} scn_outcome;

typedef struct scn_problem {
    int line;   /* line in the scenario file */
    char *msg;  /* what is wrong */
} scn_problem;

typedef struct scenario {
    lh *h;              /* sandbox holding the helper library and the persona */
    int ref;            /* registry ref of the scenario table */
    char *path;         /* file it was loaded from */
    char *src;          /* file bytes (for FILE:LINE of field errors) */
    char hash[65];      /* sha256 of the file bytes */
    char *id;           /* id field */
    char *title;        /* title field */
    char *kind;         /* kind field */
    char *summary;      /* summary or NULL */
    char *brief;        /* what the trainee knows */
    char *cust_name;    /* customer.name */
    char *cust_profile; /* customer.profile or NULL */
    int chapter;        /* 1..9 */
    int mood;           /* starting mood 0..100 */
    int patience;       /* starting patience */
    int max_turns;      /* turn limit */
    unsigned required;  /* bit per required step */
    scn_outcome *out;   /* declared outcomes, in sorted id order */
    size_t nout;        /* count */
    scn_problem *probs; /* field problems found while loading */
    size_t nprobs;      /* count */
} scenario;

/* Loads and validates the scenario at path in a fresh sandbox seeded with
 * seed. home is crmsim's data directory (for scenarios/lib/crm.lua). */
int scn_load(const char *home, const char *path, int64_t seed, scenario **out, char **err);
void scn_free(scenario *s);
/* Loads a fresh copy of a loaded scenario from the same bytes (from->src,
 * not the file again) into a new sandbox seeded with seed. */
int scn_load_src(const scenario *from, const char *home, int64_t seed, scenario **out, char **err);
/* Like scn_load (seed 0) but keeps going past field problems: they are in
 * s->probs and the scenario is returned anyway. Fails (-1, *err) only when
 * the file cannot be read, does not compile or does not return a table. */
int scn_load_checked(const char *home, const char *path, scenario **out, char **err);

struct lexicon;
/* The course lexicons (home/grading/lexicons) plus this scenario's own
 * `lexicon` entries. Caller frees with lex_free. */
int scn_lexicon(const char *home, const scenario *s, struct lexicon **out, char **err);

/* The outcome entry for id, or NULL. */
const scn_outcome *scn_outcome_find(const scenario *s, const char *id);

/* 1-based line in the scenario source where `field =` is written, or the
 * line of its last `return`, or 1. */
int scn_field_line(const scenario *s, const char *field);

/* Resolves a name to a file: a path (contains '/' or ends in .lua) is used
 * as is; otherwise home/scenarios/NAME.lua. An unknown id gives an error
 * listing close matches. Caller frees *path. */
int scn_resolve(const char *home, const char *name, char **path, char **err);

/* Ids of all scenarios in home/scenarios (sorted); caller frees each and
 * the array. */
char **scn_ids(const char *home, size_t *n);

#endif
