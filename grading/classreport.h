/*
 * classreport.h - the class report as numbers: fed the rows of the counted
 * sessions (students, sessions, criteria, turns) and what is known about
 * each scenario, it computes per student and scenario the best score, the
 * criteria as percentages, the score distribution, the most frequent
 * forbidden phrases and, per scenario, how often each required step was
 * missed (item analysis). Pure: no I/O, no database, no Lua.
 * Deliberately not here: choosing which sessions count (store_query.c) or
 * printing anything (classreport_out.c, report_html.c, gradebook.c).
 */
#ifndef CRM_CLASSREPORT_H
#define CRM_CLASSREPORT_H

#include <stddef.h>
#include <stdint.h>

#include "score.h"
#include "steps.h"

/* Bins of the score distribution: 0-9, 10-19, …, 80-89, 90-100. */
#define CREP_BINS 10

typedef struct crep_student {
    char *id;              /* student id as stored */
    char *name;            /* name or NULL */
    char *klass;           /* class or NULL */
    int enrolled;          /* on the roster */
    int sessions;          /* counted sessions */
    double crit[CRIT_COUNT]; /* average % per criterion over counted sessions, -1 = none */
    double total;          /* mean of best scores over all report scenarios (missing = 0), -1 = no session */
    int done;              /* scenarios with a counted session */
} crep_student;

typedef struct crep_cell {
    int best;          /* best score, -1 = no counted session */
    int attempts;      /* counted sessions */
    int64_t session;   /* id of the best session (the first of equal ones) */
    double crit[CRIT_COUNT]; /* average % per criterion over these sessions, -1 = none */
} crep_cell;

typedef struct crep_step_miss {
    int step;      /* index into step_ids */
    int missed;    /* sessions that never did it */
    double share;  /* missed / the scenario's analysed sessions, 0..1 */
} crep_step_miss;

typedef struct crep_scenario {
    char *id;                /* scenario id */
    char *title;             /* title from the scenario file, or NULL */
    int chapter;             /* course chapter, 0 = unknown (sorted last) */
    int known;               /* 1 = required steps known (file loaded) */
    unsigned required;       /* bit per required step */
    int sessions;            /* counted sessions */
    int students;            /* students with a counted session */
    double mean_best;        /* mean of the students' best scores, -1 = none */
    double crit[CRIT_COUNT]; /* average % per criterion over counted sessions, -1 = none */
    int analysed;            /* sessions whose steps were read (item analysis base) */
    crep_step_miss *miss;    /* one per required step, most missed first */
    size_t nmiss;            /* count */
} crep_scenario;

typedef struct crep_phrase {
    char *id;          /* forbidden lexicon entry id */
    char *category;    /* 推诿, 敷衍, … */
    char *example;     /* the first match seen */
    char *reply;       /* the reply it was seen in */
    char *scenario;    /* the scenario of that session */
    char *why;         /* why it is wrong (crep_set_phrase_text), or NULL */
    char *better;      /* a better phrasing, or NULL */
    int count;         /* findings over all counted turns */
    int sessions;      /* sessions with it */
    int students;      /* students who said it */
    int64_t last;      /* while building: last session counted */
    size_t *who;       /* while building: students counted (indexes into st) */
} crep_phrase;

typedef struct crep_row crep_row; /* a counted session while building */

typedef struct crep {
    crep_student *st;     /* students, in the order fed */
    size_t nst;           /* count */
    crep_scenario *sc;    /* scenarios, by chapter then id after crep_finish
                           * (in the order first seen before it) */
    size_t nsc;           /* count */
    crep_cell *cell;      /* nst × nsc, cell[i * nsc + j] */
    int dist[CREP_BINS];  /* best scores per bin */
    crep_phrase *ph;      /* forbidden phrases, most frequent first */
    size_t nph;           /* count */
    int sessions;         /* counted sessions */
    int practice;         /* filter: practice sessions counted too */
    char *only_scenario;  /* filter: one scenario, or NULL */
    char *only_class;     /* filter: one class, or NULL */
    double mean_best;     /* mean over all (student, scenario) best scores, -1 = none */
    crep_row *rows;       /* sessions while building */
    size_t nrows;         /* count */
    size_t caprows;       /* allocated */
    int finished;         /* crep_finish ran */
} crep;

/* Lifecycle: crep_init, the crep_add_* calls in any order (students before
 * or after their sessions; criteria and turns after their session), then
 * crep_finish once, read the result, crep_release. Strings are copied. */
void crep_init(crep *r);
void crep_release(crep *r);

void crep_add_student(crep *r, const char *id, const char *name, const char *klass,
                      int enrolled);
/* Records the filter the sessions were chosen by (for the headers); a
 * scenario filter lists that scenario even without sessions. */
void crep_set_filter(crep *r, const char *scenario, const char *klass, int practice);
/* A counted session; its student is added (not enrolled) when missing. */
void crep_add_session(crep *r, int64_t id, const char *student, const char *scenario,
                      int score);
/* A stored criterion of a session added before; unknown ids are ignored. */
void crep_add_criterion(crep *r, int64_t session, const char *criterion, double points,
                        double max);
/* A turn of a session added before: its findings JSON counts forbidden
 * phrases; the state JSON of the last turn gives the steps done. */
void crep_add_turn(crep *r, int64_t session, int n, const char *reply,
                   const char *findings_json, const char *state_json);
/* What the scenario file says; without it a scenario has no item analysis. */
void crep_set_scenario(crep *r, const char *id, const char *title, int chapter,
                       unsigned required);

/* The lexicon's explanation of forbidden entry id (after crep_finish, for
 * the phrases listed). */
void crep_set_phrase_text(crep *r, const char *id, const char *why, const char *better);

/* Computes everything above from what was added. */
void crep_finish(crep *r);

/* The cell of student i and scenario j. */
const crep_cell *crep_cell_at(const crep *r, size_t i, size_t j);

/* Formats x with one decimal and a '.' whatever the locale ("-" when
 * x < 0); returns buf. */
char *crep_fmt1(char buf[32], double x);

#endif
