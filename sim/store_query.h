/*
 * store_query.h - read-only queries over the store for class reports and
 * gradebook export: which sessions count (a filter), their criteria, their
 * turns' findings and state, and the students a report lists.
 * Deliberately not here: writing anything, or computing a report
 * (grading/classreport.c does that from these rows).
 */
#ifndef CRM_STORE_QUERY_H
#define CRM_STORE_QUERY_H

#include <stdint.h>

#include "store.h"

/* Which sessions count. By default: exam sessions that have ended and did
 * not end in an error (outcome or ended_by 'error'). */
typedef struct store_filter {
    const char *scenario; /* only this scenario id, or NULL for all */
    const char *klass;    /* only students of this class (students.class), or NULL */
    int practice;         /* 1 = practice sessions count too */
    int by_scenario;      /* store_q_turns: by scenario (id, hash) before session, so
                           * that a grader keeps one scenario's lexicon hot */
} store_filter;

/* One counted session. Strings are valid only during the callback. */
typedef struct store_q_session {
    int64_t id;           /* session id */
    const char *student;  /* student id */
    const char *scenario; /* scenario id */
    const char *mode;     /* "practice" or "exam" */
    const char *started;  /* ISO-8601 UTC */
    const char *ended;    /* ISO-8601 UTC */
    const char *outcome;  /* "resolved", … */
    int score;            /* 0..100 */
    int hints;            /* hints used */
} store_q_session;

/* One stored criterion of a counted session. */
typedef struct store_q_crit {
    int64_t session;       /* session id */
    const char *criterion; /* "language", "empathy", "steps", "outcome" */
    double points;         /* earned */
    double max;            /* possible */
} store_q_crit;

/* One trainee turn (n >= 1) or the opening (n = 0) of a counted session. */
typedef struct store_q_turn {
    int64_t session;           /* session id */
    int n;                     /* turn number, 0 = opening */
    const char *reply;         /* trainee's reply, NULL for n = 0 */
    const char *findings_json; /* {"forbidden":[…],"empathy":[…],"steps":[…]} */
    const char *state_json;    /* persona state after the turn */
    int has_steps;             /* 1 when the backend reads steps_json out of the states */
    const char *steps_json;    /* then, of the session's last turn: the state's "steps"
                                * object; NULL on other turns and when the state is not
                                * JSON or has no such object */
} store_q_turn;

/* A student the report lists. */
typedef struct store_q_student {
    const char *id;    /* student id exactly as stored */
    const char *name;  /* name, or NULL */
    const char *klass; /* class, or NULL */
    int enrolled;      /* 1 = on the roster */
} store_q_student;

typedef int (*store_q_session_cb)(const store_q_session *s, void *ctx);
typedef int (*store_q_crit_cb)(const store_q_crit *c, void *ctx);
typedef int (*store_q_turn_cb)(const store_q_turn *t, void *ctx);
typedef int (*store_q_student_cb)(const store_q_student *st, void *ctx);

/* Every query below calls cb once per row; a non-zero return from cb stops
 * the walk (not an error). On error they return -1 with *err set (caller
 * frees). */

/* Starts and ends one read transaction, so that the queries in between see
 * one snapshot while other crmsims write. */
int store_q_begin(store *s, char **err);
void store_q_end(store *s);

/* Counted sessions, by id. */
int store_q_sessions(store *s, const store_filter *f, store_q_session_cb cb, void *ctx,
                     char **err);
/* Stored criteria of counted sessions, by session (within one in no set
 * order: callers go by the criterion id). */
int store_q_criteria(store *s, const store_filter *f, store_q_crit_cb cb, void *ctx, char **err);
/* Turns of counted sessions, by session and n (with f->by_scenario: by
 * scenario id and hash, then session and n). */
int store_q_turns(store *s, const store_filter *f, store_q_turn_cb cb, void *ctx, char **err);
/* The students a report lists: those on the roster (enrolled = 1, of the
 * filter's class when it has one) and those with a counted session; by
 * class, then id. */
int store_q_students(store *s, const store_filter *f, store_q_student_cb cb, void *ctx,
                     char **err);

#endif
