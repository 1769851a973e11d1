/*
 * store_sqlite_query.c - the SQLite backend's read-only queries behind `crmsim report` and
 * `crmsim export`: counted sessions under a filter, their criteria, turns
 * and students, each handed row by row to a callback. Every query binds
 * its parameters and finalizes its statement before returning.
 * Deliberately not here: any write, any schema change (store.c owns the
 * schema), any arithmetic on the rows.
 */
#include "store_backend.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "util.h"

/* The filter as SQL over sessions s joined with students st: ?1 practice
 * counts too, ?2 scenario or NULL, ?3 class or NULL. */
#define COUNTED                                                              \
    " s.ended IS NOT NULL AND s.score IS NOT NULL"                           \
    " AND coalesce(s.outcome, '') <> 'error'"                                \
    " AND coalesce(s.ended_by, '') <> 'error'"                               \
    " AND (?1 OR s.mode = 'exam')"                                           \
    " AND (?2 IS NULL OR s.scenario = ?2)"                                   \
    " AND (?3 IS NULL OR st.class = ?3)"

static int q_fail(sqlite3 *db, int rc, const char *what, char **err)
{
    const char *path = sqlite3_db_filename(db, "main");
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        return crm_seterr(err, _("database '%s' is busy (another crmsim is "
                                 "writing); try again"), path ? path : "");
    return crm_seterr(err, _("cannot %s in database '%s': %s"), _(what), path ? path : "",
                      sqlite3_errmsg(db));
}

/* Prepares sql and binds the filter as ?1..?3. */
static int q_prepare(sqlite3 *db, const char *sql, const store_filter *f, sqlite3_stmt **st,
                     const char *what, char **err)
{
    int rc = sqlite3_prepare_v2(db, sql, -1, st, NULL);
    if (rc != SQLITE_OK)
        return q_fail(db, rc, what, err);
    if (sqlite3_bind_int(*st, 1, f && f->practice) != SQLITE_OK ||
        sqlite3_bind_text(*st, 2, f ? f->scenario : NULL, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_text(*st, 3, f ? f->klass : NULL, -1, SQLITE_STATIC) != SQLITE_OK)
        return q_fail(db, sqlite3_errcode(db), what, err);
    return 0;
}

/* The caller's callback (one of them is set) and its context. */
typedef struct q_cb {
    store_q_session_cb session; /* store_q_sessions */
    store_q_crit_cb crit;       /* store_q_criteria */
    store_q_turn_cb turn;       /* store_q_turns */
    store_q_student_cb student; /* store_q_students */
    void *ctx;                  /* passed to it */
} q_cb;

/* Steps st to the end, calling row(st, cb) for each row until it returns
 * non-zero. */
typedef int (*q_row_fn)(sqlite3_stmt *st, const q_cb *cb);

static int q_walk(sqlite3 *db, sqlite3_stmt *st, q_row_fn row, const q_cb *cb,
                  const char *what, char **err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (row(st, cb) != 0)
            return 0;
    if (rc != SQLITE_DONE)
        return q_fail(db, rc, what, err);
    return 0;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* The bulk reads walk a whole term's turns once: through a memory map
 * the pages are read in place instead of one pread and one copy each (a
 * sixth of `regrade --all`). Only for these read-only queries, and only
 * while they run: an I/O error on a mapped page is a signal rather than
 * an error code, which a one-off read of a local file can afford and the
 * long-lived writing connection of `play` need not. */
#define BULK_MMAP "PRAGMA mmap_size = 1073741824"
#define NO_MMAP "PRAGMA mmap_size = 0"

int sq_q_begin(store *s, char **err)
{
    sqlite3 *db = store_sqlite_db(s);
    sqlite3_exec(db, BULK_MMAP, NULL, NULL, NULL); /* a speed-up only: failure is fine */
    int rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_exec(db, NO_MMAP, NULL, NULL, NULL);
        return q_fail(db, rc, N_("read the sessions"), err);
    }
    return 0;
}

void sq_q_end(store *s)
{
    sqlite3 *db = store_sqlite_db(s);
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_exec(db, NO_MMAP, NULL, NULL, NULL);
}

static int session_row(sqlite3_stmt *st, const q_cb *cb)
{
    store_q_session r;
    r.id = sqlite3_column_int64(st, 0);
    r.student = col_text(st, 1);
    r.scenario = col_text(st, 2);
    r.mode = col_text(st, 3);
    r.started = col_text(st, 4);
    r.ended = col_text(st, 5);
    r.outcome = col_text(st, 6);
    r.score = sqlite3_column_type(st, 7) == SQLITE_NULL ? 0 : sqlite3_column_int(st, 7);
    r.hints = sqlite3_column_int(st, 8);
    return cb->session(&r, cb->ctx);
}

int sq_q_sessions(store *s, const store_filter *f, store_q_session_cb cb, void *ctx,
                     char **err)
{
    sqlite3 *db = store_sqlite_db(s);
    sqlite3_stmt *st = NULL;
    int ret = -1;
    q_cb c = { .session = cb, .ctx = ctx };
    if (q_prepare(db,
                  "SELECT s.id, s.student, s.scenario, s.mode, s.started, s.ended, s.outcome, "
                  "s.score, s.hints FROM sessions s JOIN students st ON st.id = s.student "
                  "WHERE" COUNTED " ORDER BY s.id",
                  f, &st, N_("read the sessions"), err) < 0)
        goto done;
    ret = q_walk(db, st, session_row, &c, N_("read the sessions"), err);
done:
    sqlite3_finalize(st);
    return ret;
}

static int crit_row(sqlite3_stmt *st, const q_cb *cb)
{
    store_q_crit r = { sqlite3_column_int64(st, 0), col_text(st, 1),
                       sqlite3_column_double(st, 2), sqlite3_column_double(st, 3) };
    return cb->crit(&r, cb->ctx);
}

int sq_q_criteria(store *s, const store_filter *f, store_q_crit_cb cb, void *ctx, char **err)
{
    sqlite3 *db = store_sqlite_db(s);
    sqlite3_stmt *st = NULL;
    int ret = -1;
    q_cb c = { .crit = cb, .ctx = ctx };
    if (q_prepare(db,
                  "SELECT c.session, c.criterion, c.points, c.max FROM scores c "
                  "JOIN sessions s ON s.id = c.session JOIN students st ON st.id = s.student "
                  "WHERE" COUNTED " ORDER BY c.session, c.criterion", /* the key: no sort */
                  f, &st, N_("read scores"), err) < 0)
        goto done;
    ret = q_walk(db, st, crit_row, &c, N_("read scores"), err);
done:
    sqlite3_finalize(st);
    return ret;
}

static int turn_row(sqlite3_stmt *st, const q_cb *cb)
{
    store_q_turn r = { sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1), col_text(st, 2),
                       col_text(st, 3), col_text(st, 4), 1, col_text(st, 5) };
    return cb->turn(&r, cb->ctx);
}

int sq_q_turns(store *s, const store_filter *f, store_q_turn_cb cb, void *ctx, char **err)
{
    sqlite3 *db = store_sqlite_db(s);
    sqlite3_stmt *st = NULL;
    int ret = -1;
    q_cb c = { .turn = cb, .ctx = ctx };
    /* Of a session's last turn, SQLite's JSON functions pick out the
     * state's steps object in place: regrade needs only that, and building
     * jansson's whole tree of every final state was a sixth of its time.
     * By scenario, the sessions are walked in the order of
     * sessions_by_scenario (CROSS JOIN keeps them the outer loop; left to
     * itself the planner sorts all turns, in temporary files). */
#define Q_TURNS(from, order)                                                                \
    "SELECT t.session, t.n, t.reply, t.findings, t.state, "                                 \
    "CASE WHEN t.n = (SELECT max(x.n) FROM turns x WHERE x.session = t.session) "           \
    "AND json_valid(t.state) AND json_type(t.state, '$.steps') = 'object' "                 \
    "THEN json_extract(t.state, '$.steps') END FROM " from                                  \
    " JOIN students st ON st.id = s.student WHERE" COUNTED " ORDER BY " order
    if (q_prepare(db,
                  f && f->by_scenario
                      ? Q_TURNS("sessions s CROSS JOIN turns t ON t.session = s.id",
                                "s.scenario, s.scenario_hash, s.id, t.n")
                      : Q_TURNS("turns t JOIN sessions s ON s.id = t.session", "t.session, t.n"),
                  f, &st, N_("read turns"), err) < 0)
        goto done;
    ret = q_walk(db, st, turn_row, &c, N_("read turns"), err);
done:
    sqlite3_finalize(st);
    return ret;
}

static int student_row(sqlite3_stmt *st, const q_cb *cb)
{
    store_q_student r = { col_text(st, 0), col_text(st, 1), col_text(st, 2),
                          sqlite3_column_int(st, 3) };
    return cb->student(&r, cb->ctx);
}

int sq_q_students(store *s, const store_filter *f, store_q_student_cb cb, void *ctx,
                     char **err)
{
    sqlite3 *db = store_sqlite_db(s);
    sqlite3_stmt *st = NULL;
    int ret = -1;
    q_cb c = { .student = cb, .ctx = ctx };
    if (q_prepare(db,
                  "SELECT st.id, st.name, st.class, st.enrolled FROM students st "
                  "WHERE (st.enrolled = 1 AND (?3 IS NULL OR st.class = ?3)) "
                  "OR EXISTS (SELECT 1 FROM sessions s WHERE s.student = st.id AND" COUNTED ") "
                  "ORDER BY coalesce(st.class, ''), st.id",
                  f, &st, N_("read the students"), err) < 0)
        goto done;
    ret = q_walk(db, st, student_row, &c, N_("read the students"), err);
done:
    sqlite3_finalize(st);
    return ret;
}
