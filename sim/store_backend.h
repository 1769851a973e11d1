/*
 * store_backend.h - what a storage backend provides behind store.h and
 * store_query.h: one table of functions per backend (SQLite in
 * store_sqlite*.c, PostgreSQL in store_pg*.c). store.c checks the
 * arguments once for every backend and then calls through the table, so
 * both backends see the same, already valid, requests.
 * Only the store_*.c files include this header.
 */
#ifndef CRM_STORE_BACKEND_H
#define CRM_STORE_BACKEND_H

#include "store.h"
#include "store_query.h"

/* The schema version both backends migrate to (store_schema_version). */
#define STORE_SCHEMA_VERSION 2

/* "2026-11-23T15:04:05Z" plus the NUL. */
#define STORE_TIME_LEN sizeof "2026-11-23T15:04:05Z"

struct store_ops;

/* Every backend's handle starts with this. */
struct store {
    const struct store_ops *ops;
    char *where; /* the path, or the connection URL without its password, for messages */
};

struct store_ops {
    const char *name; /* "sqlite" or "postgresql" */
    void (*close)(store *s);
    int (*can_instruct)(store *s, char **who, char **err);
    /* Optional (NULL: every write commits on its own). */
    int (*batch_begin)(store *s, char **err);
    int (*batch_end)(store *s, int commit, char **err);
    int (*ensure_student)(store *s, const char *id, const char *now, char **err);
    int (*ensure_scenario)(store *s, const char *id, const char *hash, const char *title,
                           const char *now, char **err);
    /* title and opening may be NULL; the opening turn goes into the same
     * transaction as the row (one commit, not two, before the first prompt). */
    int (*session_begin)(store *s, store_session *ses, const char *title,
                         const store_turn *opening, const char *started, const char *now,
                         char **err);
    int (*turn_add)(store *s, int64_t session, const store_turn *t, int hints, const char *now,
                    char **err);
    int (*session_end)(store *s, int64_t session, const char *outcome, int score, int hints,
                       const char *ended_by, const char *chain, const store_criterion *crit,
                       int ncrit, const char *now, char **err);
    int (*sessions)(store *s, const char *student, int limit, store_session_cb cb, void *ctx,
                    char **err);
    int (*session_get)(store *s, int64_t id, store_session_cb scb, store_turn_cb tcb, void *ctx,
                       char **err);
    int (*scores)(store *s, int64_t session, store_crit_cb cb, void *ctx, char **err);
    int (*session_regrade)(store *s, int64_t session, int score, const char *lexicon_hash,
                           const store_criterion *crit, int ncrit, char **err);
    int (*roster_import)(store *s, const store_student *rows, size_t n, int *added,
                         int *updated, const char *now, char **err);
    int (*roster)(store *s, const char *klass, store_student_cb cb, void *ctx, char **err);
    int (*count_sessions)(store *s, const char *student, const char *scenario, const char *mode,
                          int *n, char **err);
    int (*dump_students)(store *s, store_student_row_cb cb, void *ctx, char **err);
    int (*dump_scenarios)(store *s, store_scenario_row_cb cb, void *ctx, char **err);
    int (*import_student)(store *s, const store_student_row *r, char **err);
    int (*import_scenario)(store *s, const store_scenario_row *r, char **err);
    int (*import_session)(store *s, store_session *ses, const store_turn *t, int nt,
                          const store_criterion *crit, int ncrit, int *dup, char **err);
    int (*q_begin)(store *s, char **err);
    void (*q_end)(store *s);
    int (*q_sessions)(store *s, const store_filter *f, store_q_session_cb cb, void *ctx,
                      char **err);
    int (*q_criteria)(store *s, const store_filter *f, store_q_crit_cb cb, void *ctx,
                      char **err);
    int (*q_turns)(store *s, const store_filter *f, store_q_turn_cb cb, void *ctx, char **err);
    int (*q_students)(store *s, const store_filter *f, store_q_student_cb cb, void *ctx,
                      char **err);
};

/* Set by store_set_password_source; NULL when nothing may be asked. */
extern store_ask_password store_password_source;

/* Backend openers: on success *out is a handle whose ops are set. */
int store_sqlite_open(const char *path, store **out, char **err);
int store_pg_open(const char *url, store **out, char **err);

/* The SQLite backend's read-only queries (store_sqlite_query.c) and the
 * connection they use. */
struct sqlite3 *store_sqlite_db(store *s);
int sq_q_begin(store *s, char **err);
void sq_q_end(store *s);
int sq_q_sessions(store *s, const store_filter *f, store_q_session_cb cb, void *ctx, char **err);
int sq_q_criteria(store *s, const store_filter *f, store_q_crit_cb cb, void *ctx, char **err);
int sq_q_turns(store *s, const store_filter *f, store_q_turn_cb cb, void *ctx, char **err);
int sq_q_students(store *s, const store_filter *f, store_q_student_cb cb, void *ctx,
                  char **err);

#endif
