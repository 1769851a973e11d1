/*
 * store.h - the SQLite store: students, scenarios, sessions, turns and
 * per-criterion scores. Only store.c includes sqlite3.h.
 * Every write is one transaction; the schema version lives in
 * PRAGMA user_version and is migrated forward on open.
 * Deliberately not here: grading, Lua, formatting for the terminal.
 */
#ifndef CRM_STORE_H
#define CRM_STORE_H

#include <stddef.h>
#include <stdint.h>

typedef struct store store;

/* Session row as written at start and read back by history/resume. */
typedef struct store_session {
    int64_t id;                /* rowid, set by store_session_begin */
    const char *student;       /* student id, e.g. "s001" */
    const char *scenario;      /* scenario id */
    const char *scenario_hash; /* sha256 hex of the scenario file bytes */
    const char *lexicon_hash;  /* sha256 hex over all lexicon files */
    int64_t seed;              /* session seed */
    const char *mode;          /* "practice" or "exam" */
    const char *started;       /* ISO-8601 UTC, filled by the store if NULL */
    const char *ended;         /* NULL while open */
    const char *outcome;       /* NULL while open */
    int score;                 /* 0..100, -1 while open */
    int hints;                 /* hints used */
    int turns;                 /* number of stored trainee turns (read only) */
    const char *ended_by;      /* "replies", "quit", "time", "error" or NULL */
    const char *submission;    /* chain head of the submitted session it came from, or NULL */
    const char *chain;         /* seal over the whole session once ended, or NULL */
    const char *head;          /* chain head: the session's identity */
} store_session;

typedef struct store_criterion {
    const char *id;    /* "language", "empathy", "steps", "outcome" */
    double points;     /* points earned, 0..max */
    double max;        /* points possible (the weight) */
} store_criterion;

typedef struct store_turn {
    int n;                     /* 0 = opening line (reply NULL), 1.. trainee turns */
    const char *reply;         /* trainee's reply as typed, NULL for n = 0 */
    const char *customer;      /* what the customer said after it */
    const char *findings_json; /* JSON {"forbidden":[…],"empathy":[…],"steps":[…]} */
    const char *state_json;    /* persona state after the turn, JSON */
    const char *chain;         /* tamper-evident chain value after this turn, or NULL */
} store_turn;

typedef struct store_student {
    const char *id;     /* 学号 as the roster has it */
    const char *name;   /* 姓名 */
    const char *klass;  /* 班级 */
} store_student;

/* Opens (creating if needed) the database at path, sets WAL, a busy
 * timeout, foreign keys, and migrates the schema. Refuses a database whose
 * user_version is newer than this program knows. On error returns -1 and
 * sets *err (caller frees); *out is NULL then. */
int store_open(const char *path, store **out, char **err);
void store_close(store *s);

/* Inserts if missing. */
int store_ensure_student(store *s, const char *id, char **err);
int store_ensure_scenario(store *s, const char *id, const char *hash,
                          const char *title, char **err);

/* Inserts a session row (student and scenario ensured first); sets ses->id. */
int store_session_begin(store *s, store_session *ses, char **err);
/* Adds one turn in its own transaction (also bumps the session's hint count
 * to `hints`). */
int store_turn_add(store *s, int64_t session, const store_turn *t, int hints,
                   char **err);
/* Closes a session: outcome, score, hints used, how it ended ("replies",
 * "quit", "time", "error"), the chain seal, ended time and criteria, in one
 * transaction. */
int store_session_end(store *s, int64_t session, const char *outcome,
                      int score, int hints, const char *ended_by, const char *chain,
                      const store_criterion *crit, int ncrit, char **err);

/* Calls cb for each session (newest first), filtered by student when not
 * NULL; at most `limit` rows when limit > 0. Strings are valid only during
 * the callback. A non-zero return from cb stops the walk. */
typedef int (*store_session_cb)(const store_session *ses, void *ctx);
int store_sessions(store *s, const char *student, int limit,
                   store_session_cb cb, void *ctx, char **err);

/* Reads one session row and its turns in order (n ascending). */
typedef int (*store_turn_cb)(const store_turn *t, void *ctx);
int store_session_get(store *s, int64_t id, store_session_cb scb,
                      store_turn_cb tcb, void *ctx, char **err);

/* Calls cb for each stored criterion of a session, in stored order. */
typedef int (*store_crit_cb)(const store_criterion *c, void *ctx);
int store_scores(store *s, int64_t session, store_crit_cb cb, void *ctx, char **err);

/* Replaces the score and criteria of an ended session (after regrading
 * with other lexicons) and records the lexicon hash used, in one
 * transaction. */
int store_session_regrade(store *s, int64_t session, int score, const char *lexicon_hash,
                          const store_criterion *crit, int ncrit, char **err);

/* Adds or updates roster students (enrolled = 1) in one transaction;
 * *added and *updated count them. */
int store_roster_import(store *s, const store_student *rows, size_t n, int *added,
                        int *updated, char **err);
/* Calls cb for each enrolled student (of klass, when not NULL), by class
 * and id. Strings are valid only during the callback. */
typedef int (*store_student_cb)(const store_student *st, void *ctx);
int store_roster(store *s, const char *klass, store_student_cb cb, void *ctx, char **err);
/* Number of sessions of a student on a scenario in a mode. */
int store_count_sessions(store *s, const char *student, const char *scenario,
                         const char *mode, int *n, char **err);

/* Latest schema version this build knows. */
int store_schema_version(void);

/* The SQLite connection, for the read-only queries of store_query.c (the
 * only other file that includes sqlite3.h); owned by the store. */
struct sqlite3 *store_sqlite(store *s);

#endif
