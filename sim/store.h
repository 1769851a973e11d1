/*
 * store.h - the store: students, scenarios, sessions, turns and
 * per-criterion scores, in an SQLite file (the default) or a PostgreSQL
 * database (a `postgresql://` URL). Only the store_*.c files include
 * sqlite3.h or libpq-fe.h. Every write is one transaction; the schema
 * version is migrated forward on open, the same versions on both backends.
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
    const char *created;       /* when it was stored (read back; ignored by store_turn_add) */
} store_turn;

typedef struct store_student {
    const char *id;     /* 学号 as the roster has it */
    const char *name;   /* 姓名 */
    const char *klass;  /* 班级 */
} store_student;

/* Every column of a student row, for `db copy`. */
typedef struct store_student_row {
    const char *id;
    const char *name;
    const char *klass;
    const char *created;
    int enrolled;
} store_student_row;

/* Every column of a scenario version row, for `db copy`. */
typedef struct store_scenario_row {
    const char *id;
    const char *hash;
    const char *title;
    const char *first_seen;
} store_scenario_row;

/* 1 when where names a PostgreSQL database ("postgresql://…" or
 * "postgres://…"), 0 for an SQLite file path. */
int store_is_url(const char *where);

/* Opens the database: an SQLite file (created if needed; WAL, a busy
 * timeout, foreign keys) or a PostgreSQL URL (through libpq). Migrates the
 * schema forward; refuses a database whose schema is newer than this
 * program knows. On error returns -1 and sets *err (caller frees); *out is
 * NULL then. */
int store_open(const char *where, store **out, char **err);
/* Where a PostgreSQL password comes from when the server asks for one and
 * neither the URL, PGPASSWORD nor ~/.pgpass gave it: ask(where, role)
 * returns it (caller frees, and wipes it) or NULL. Unset: no asking. */
typedef char *(*store_ask_password)(const char *where, const char *role);
void store_set_password_source(store_ask_password ask);
void store_close(store *s);
/* "sqlite" or "postgresql". */
const char *store_backend(const store *s);
/* The file or the URL (without its password), for messages. */
const char *store_where(const store *s);
/* Whether this connection may do the instructor's work (grade, regrade,
 * report, export, roster): always on an SQLite file, which is the
 * instructor's own; on PostgreSQL only for the owner of the tables and
 * members of crmsim_instructor. Returns 1 or 0, and sets *who to the
 * database role (caller frees; NULL for SQLite); -1 on error. */
int store_can_instruct(store *s, char **who, char **err);

/* Many writes in one commit (regrade --all: one fsync, not one per
 * session): between the two calls each write still succeeds or fails on
 * its own, and store_batch_end keeps the successful ones (commit = 1) or
 * none (0). On a backend without batches each write commits itself. */
int store_batch_begin(store *s, char **err);
int store_batch_end(store *s, int commit, char **err);

/* Inserts if missing. */
int store_ensure_student(store *s, const char *id, char **err);
int store_ensure_scenario(store *s, const char *id, const char *hash,
                          const char *title, char **err);

/* Inserts a session row (student and scenario ensured first); sets ses->id. */
int store_session_begin(store *s, store_session *ses, char **err);
/* The same, and in the same transaction the scenario's title (may be NULL)
 * and the session's opening turn (may be NULL): what `play` writes before
 * its first prompt, in one commit. */
int store_session_open(store *s, store_session *ses, const char *title,
                       const store_turn *opening, char **err);
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

/* For `db copy`: every student and every scenario version, in key order;
 * strings are valid only during the callback. */
typedef int (*store_student_row_cb)(const store_student_row *r, void *ctx);
typedef int (*store_scenario_row_cb)(const store_scenario_row *r, void *ctx);
int store_dump_students(store *s, store_student_row_cb cb, void *ctx, char **err);
int store_dump_scenarios(store *s, store_scenario_row_cb cb, void *ctx, char **err);
/* Adds a student (keeping what the target knows: enrolled stays 1 once set,
 * name and class are filled only where missing) or a scenario version. */
int store_import_student(store *s, const store_student_row *r, char **err);
int store_import_scenario(store *s, const store_scenario_row *r, char **err);
/* Adds a whole session as it was stored elsewhere (every column, its turns
 * with their times, its criteria) in one transaction, under a new id set
 * in ses->id. A session already there (same chain head and same
 * submission) is not added again: *dup = 1 and ses->id is the existing
 * one. The student and scenario version must have been imported. */
int store_import_session(store *s, store_session *ses, const store_turn *t, int nt,
                         const store_criterion *crit, int ncrit, int *dup, char **err);

/* Latest schema version this build knows. */
int store_schema_version(void);

#endif
