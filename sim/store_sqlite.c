/*
 * store_sqlite.c - the SQLite backend of the store: keeps students,
 * scenarios, sessions, turns and scores in one SQLite database (WAL, busy timeout, one BEGIN IMMEDIATE transaction per
 * write, schema migrated forward through PRAGMA user_version).
 * Deliberately not here: grading, Lua, terminal formatting, reading the
 * clock for anything but row timestamps (personas never see them), and any
 * backend other than SQLite.
 */
#include "store_backend.h"
#include "util.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Busy timeout: how long a write waits for another crmsim holding the write
 * lock before giving up. Tests shorten it through CRMSIM_BUSY_TIMEOUT_MS
 * (milliseconds, 0..3600000), read once in store_open. */
#define BUSY_TIMEOUT_MS 5000
#define BUSY_TIMEOUT_ENV "CRMSIM_BUSY_TIMEOUT_MS"

/* The SQLite handle: the common part first (its `where` is the path as
 * given to store_open). */
/* Prepared statements kept for the connection's life: parsing the SQL
 * again for every turn cost more than the insert itself. */
#define STMT_CACHE 24

/* (cppcheck does not follow the uses through SQ(s)->cache[i].) */
typedef struct stmt_slot {
    sqlite3_stmt *st; /* cppcheck-suppress unusedStructMember */
    int busy; /* cppcheck-suppress unusedStructMember ; handed out, not yet given back */
} stmt_slot;

typedef struct sq {
    store base;
    sqlite3 *db; /* the one connection this handle owns */
    int busy_ms; /* busy timeout in milliseconds */
    int batch;   /* 1 between store_batch_begin and store_batch_end */
    stmt_slot cache[STMT_CACHE];
} sq;

#define SQ(s) ((sq *)(s))

/* Schema migrations: migrations[i] takes user_version i to i + 1. Append
 * new versions at the end; never edit a released one. */
static const char *const migrations[] = {
    /* 1: the initial schema */
    "CREATE TABLE students("
    "  id TEXT PRIMARY KEY,"
    "  name TEXT,"
    "  class TEXT,"
    "  created TEXT);"
    "CREATE TABLE scenarios("
    "  id TEXT,"
    "  hash TEXT,"
    "  title TEXT,"
    "  first_seen TEXT,"
    "  PRIMARY KEY(id, hash));"
    "CREATE TABLE sessions("
    "  id INTEGER PRIMARY KEY,"
    "  student TEXT NOT NULL REFERENCES students(id),"
    "  scenario TEXT NOT NULL,"
    "  scenario_hash TEXT NOT NULL,"
    "  lexicon_hash TEXT NOT NULL,"
    "  seed INTEGER NOT NULL,"
    "  mode TEXT NOT NULL CHECK(mode IN ('practice','exam')),"
    "  started TEXT NOT NULL,"
    "  ended TEXT,"
    "  outcome TEXT,"
    "  score INTEGER,"
    "  hints INTEGER NOT NULL DEFAULT 0,"
    "  FOREIGN KEY(scenario, scenario_hash) REFERENCES scenarios(id, hash));"
    "CREATE INDEX sessions_by_student ON sessions(student, id);"
    "CREATE INDEX sessions_by_scenario ON sessions(scenario, scenario_hash);"
    "CREATE TABLE turns("
    "  session INTEGER NOT NULL REFERENCES sessions(id),"
    "  n INTEGER NOT NULL,"
    "  reply TEXT,"
    "  customer TEXT NOT NULL,"
    "  findings TEXT NOT NULL,"
    "  state TEXT NOT NULL,"
    "  created TEXT NOT NULL,"
    "  PRIMARY KEY(session, n));"
    "CREATE TABLE scores("
    "  session INTEGER NOT NULL REFERENCES sessions(id),"
    "  criterion TEXT NOT NULL,"
    "  points REAL NOT NULL,"
    "  max REAL NOT NULL,"
    "  PRIMARY KEY(session, criterion));",
    /* 2: coursework: the roster, the tamper-evident chain of each turn,
     * and where a graded submission came from */
    "ALTER TABLE students ADD COLUMN enrolled INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE turns ADD COLUMN chain TEXT;"
    "ALTER TABLE sessions ADD COLUMN ended_by TEXT;"
    "ALTER TABLE sessions ADD COLUMN submission TEXT;"
    "ALTER TABLE sessions ADD COLUMN chain TEXT;"
    "ALTER TABLE sessions ADD COLUMN head TEXT;"
    "CREATE UNIQUE INDEX sessions_by_submission ON sessions(submission) WHERE submission IS NOT NULL;",
};

/* Columns of a session row as read by row_to_session. */
#define SESSION_COLS                                                         \
    "s.id, s.student, s.scenario, s.scenario_hash, s.lexicon_hash, s.seed, " \
    "s.mode, s.started, s.ended, s.outcome, s.score, s.hints, "             \
    "(SELECT count(*) FROM turns t WHERE t.session = s.id AND t.n > 0), "   \
    "s.ended_by, s.submission, s.chain, s.head"

_Static_assert(sizeof migrations / sizeof migrations[0] == STORE_SCHEMA_VERSION,
               "store_pg.c must know every SQLite schema version");

int store_schema_version(void)
{
    return STORE_SCHEMA_VERSION;
}

static int busy_timeout_ms(void)
{
    const char *v = getenv(BUSY_TIMEOUT_ENV);
    if (!v || !*v)
        return BUSY_TIMEOUT_MS;
    char *end;
    long ms = strtol(v, &end, 10);
    if (*end != '\0' || ms < 0 || ms > 3600000)
        return BUSY_TIMEOUT_MS;
    return (int)ms;
}

/* Turns a failed SQLite call (result code rc) into a message in *err. `what`
 * says what was being done, e.g. "store a turn". Returns -1. Must be called
 * before anything else touches the connection, so sqlite3_errmsg still
 * describes rc. */
static int db_fail(store *s, int rc, const char *what, char **err)
{
    const char *msg = sqlite3_errmsg(SQ(s)->db);
    what = _(what); /* callers pass N_() phrases */
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return crm_seterr(err, _("database '%s' is busy (another crmsim is "
                             "writing); try again"), s->where);
    case SQLITE_READONLY:
        return crm_seterr(err, _("cannot %s: database '%s' is read-only: %s "
                             "(check the permissions of the file and its "
                             "directory)"), what, s->where, msg);
    case SQLITE_IOERR:
        /* A full disk often surfaces as an I/O error (a failed write or
         * fsync); say what it is. */
        if (sqlite3_system_errno(SQ(s)->db) != ENOSPC)
            return crm_seterr(err, _("cannot %s in database '%s': %s"), what, s->where, msg);
        /* fall through */
    case SQLITE_FULL:
        return crm_seterr(err, _("cannot %s: disk full writing '%s': %s "
                             "(free some space and try again)"),
                          what, s->where, msg);
    case SQLITE_NOTADB:
        return crm_seterr(err, _("'%s' is not a crmsim database (%s)"),
                          s->where, msg);
    case SQLITE_CORRUPT:
        return crm_seterr(err, _("database '%s' is damaged: %s (restore it "
                             "from a backup)"), s->where, msg);
    case SQLITE_CANTOPEN:
        return crm_seterr(err, _("cannot open database '%s': %s (check that "
                             "its directory exists and is writable)"),
                          s->where, msg);
    default:
        return crm_seterr(err, _("cannot %s in database '%s': %s"),
                          what, s->where, msg);
    }
}

/* Runs SQL without parameters (transaction control, pragmas, migration
 * scripts). */
static int prepare(store *s, const char *sql, sqlite3_stmt **st,
                   const char *what, char **err);
static void unprepare(store *s, sqlite3_stmt *st);

static int exec_sql(store *s, const char *sql, const char *what, char **err)
{
    if (!strchr(sql, ';')) { /* one statement (BEGIN, COMMIT, a pragma): kept prepared */
        sqlite3_stmt *st = NULL;
        if (prepare(s, sql, &st, what, err) < 0)
            return -1;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            ;
        if (rc != SQLITE_DONE) {
            db_fail(s, rc, what, err);
            unprepare(s, st);
            return -1;
        }
        unprepare(s, st);
        return 0;
    }
    int rc = sqlite3_exec(SQ(s)->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return db_fail(s, rc, what, err);
    return 0;
}

/* Hands out a statement for sql: the cached one when it is free, else a
 * new one (kept in the cache while there is room). Give it back with
 * unprepare. */
static int prepare(store *s, const char *sql, sqlite3_stmt **st,
                   const char *what, char **err)
{
    int slot = -1;
    for (int i = 0; i < STMT_CACHE; i++) {
        sqlite3_stmt *c = SQ(s)->cache[i].st;
        if (!c) {
            if (slot < 0)
                slot = i;
        } else if (!SQ(s)->cache[i].busy && strcmp(sqlite3_sql(c), sql) == 0) {
            SQ(s)->cache[i].busy = 1;
            *st = c;
            return 0;
        }
    }
    int rc = sqlite3_prepare_v3(SQ(s)->db, sql, -1, slot >= 0 ? SQLITE_PREPARE_PERSISTENT : 0,
                                st, NULL);
    if (rc != SQLITE_OK)
        return db_fail(s, rc, what, err);
    if (slot >= 0 && *st) {
        SQ(s)->cache[slot].st = *st;
        SQ(s)->cache[slot].busy = 1;
    }
    return 0;
}

/* Gives back a statement from prepare: a cached one is reset (so that it
 * holds no read transaction open) and kept, any other finalized. */
static void unprepare(store *s, sqlite3_stmt *st)
{
    if (!st)
        return;
    for (int i = 0; i < STMT_CACHE; i++)
        if (SQ(s)->cache[i].st == st) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            SQ(s)->cache[i].busy = 0;
            return;
        }
    sqlite3_finalize(st);
}

/* A write's own transaction, or inside a batch (store_batch_begin) a
 * savepoint of the batch's: one commit for all of them. */
static int tx_begin(store *s, const char *what, char **err)
{
    /* SQLite ends a transaction itself on some errors (a full disk): then
     * a savepoint would start a new one that commits on its own. */
    if (SQ(s)->batch && sqlite3_get_autocommit(SQ(s)->db))
        return crm_seterr(err, _("cannot %s in database '%s': an earlier error ended the "
                                 "transaction"), _(what), s->where);
    return exec_sql(s, SQ(s)->batch ? "SAVEPOINT w" : "BEGIN IMMEDIATE", what, err);
}

static int tx_commit(store *s, const char *what, char **err)
{
    return exec_sql(s, SQ(s)->batch ? "RELEASE w" : "COMMIT", what, err);
}

/* Rolls back the open transaction (in a batch: the write's savepoint
 * only), if any; used on every error path. */
static void rollback(store *s)
{
    if (SQ(s)->batch) {
        if (sqlite3_exec(SQ(s)->db, "ROLLBACK TO w", NULL, NULL, NULL) == SQLITE_OK)
            sqlite3_exec(SQ(s)->db, "RELEASE w", NULL, NULL, NULL);
    } else if (!sqlite3_get_autocommit(SQ(s)->db)) {
        sqlite3_exec(SQ(s)->db, "ROLLBACK", NULL, NULL, NULL);
    }
}

static int sq_batch_begin(store *s, char **err)
{
    if (exec_sql(s, "BEGIN IMMEDIATE", N_("start writing"), err) < 0)
        return -1;
    SQ(s)->batch = 1;
    return 0;
}

static int sq_batch_end(store *s, int commit, char **err)
{
    SQ(s)->batch = 0;
    if (commit && exec_sql(s, "COMMIT", N_("save the changes"), err) == 0)
        return 0;
    rollback(s);
    return commit ? -1 : 0;
}

/* Reads the single integer a query returns (0 when it returns no row). */
static int query_int(store *s, const char *sql, int *out, const char *what,
                     char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, sql, &st, what, err) < 0)
        goto done;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    else if (rc == SQLITE_DONE)
        *out = 0;
    else {
        db_fail(s, rc, what, err);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

static int refuse_newer(store *s, int v, char **err)
{
    return crm_seterr(err, _("database '%s' was written by a newer crmsim "
                         "(schema %d, this build knows %d); upgrade crmsim"),
                      s->where, v, store_schema_version());
}

/* Applies the next missing migration in its own transaction. Re-reads the
 * version under the write lock, since another crmsim may have migrated
 * while this one waited. Sets *v to the version now in the file. */
static int migrate_step(store *s, int *v, char **err)
{
    int ret = -1;
    if (exec_sql(s, "BEGIN IMMEDIATE", N_("upgrade the schema"), err) < 0)
        goto done;
    if (query_int(s, "PRAGMA user_version", v, N_("read the schema version"),
                  err) < 0)
        goto done;
    if (*v > store_schema_version()) {
        refuse_newer(s, *v, err);
        goto done;
    }
    if (*v < store_schema_version()) {
        /* PRAGMA takes no bound parameters; the number is our own. */
        char set[64];
        sqlite3_snprintf((int)sizeof set, set, "PRAGMA user_version = %d",
                         *v + 1);
        if (exec_sql(s, migrations[*v], N_("upgrade the schema"), err) < 0 ||
            exec_sql(s, set, N_("upgrade the schema"), err) < 0)
            goto done;
        ++*v;
    }
    if (exec_sql(s, "COMMIT", N_("upgrade the schema"), err) < 0)
        goto done;
    ret = 0;
done:
    if (ret < 0)
        rollback(s);
    return ret;
}

/* Read-only checks before anything is written: the file is an SQLite
 * database (this is where random bytes fail), its schema is not newer than
 * ours, and an unversioned database is empty rather than another program's.
 * Sets *v to the schema version found. */
static int check_file(store *s, int *v, char **err)
{
    int ntables = 0;
    int ret = -1;
    /* One read transaction: both answers come from the same snapshot even
     * while another crmsim is creating the schema. */
    if (exec_sql(s, "BEGIN", N_("read the schema"), err) < 0 ||
        query_int(s, "PRAGMA user_version", v, N_("read the schema version"),
                  err) < 0 ||
        query_int(s, "SELECT count(*) FROM sqlite_master", &ntables,
                  N_("read the schema"), err) < 0 ||
        exec_sql(s, "COMMIT", N_("read the schema"), err) < 0)
        goto done;
    if (*v > store_schema_version()) {
        refuse_newer(s, *v, err);
        goto done;
    }
    if (*v == 0 && ntables > 0) {
        crm_seterr(err, _("'%s' is not a crmsim database (it holds other "
                      "tables)"), s->where);
        goto done;
    }
    ret = 0;
done:
    if (ret < 0)
        rollback(s);
    return ret;
}

/* Connection settings, applied after check_file so a refused file is never
 * converted to WAL.
 * synchronous=FULL rather than NORMAL: in WAL mode NORMAL already keeps
 * every committed turn through a killed process, but may lose the last
 * commits on power loss or an OS crash. FULL syncs the WAL on each commit;
 * writes are paced by a person typing, so that one fsync per turn costs
 * nothing anyone notices, and a confirmed exam turn then survives a power
 * cut in the lab too. */
static int configure(store *s, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, "PRAGMA journal_mode=WAL", &st, "switch to WAL", err) < 0)
        goto done;
    /* Switching a new file to WAL needs an exclusive lock and SQLite does
     * not call the busy handler for it, so wait here as a write would. */
    int rc;
    int waited = 0;
    while (((rc = sqlite3_step(st)) & 0xff) == SQLITE_BUSY &&
           waited < SQ(s)->busy_ms) {
        sqlite3_reset(st);
        waited += sqlite3_sleep(10);
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        db_fail(s, rc, N_("switch to WAL"), err);
        goto done;
    }
    /* The mode may stay "memory" (for ":memory:") or the old one on a
     * read-only file; reads still work then and writes report the cause. */
    if (exec_sql(s, "PRAGMA synchronous=FULL", N_("set synchronous"), err) < 0 ||
        exec_sql(s, "PRAGMA foreign_keys=ON", N_("enable foreign keys"),
                 err) < 0)
        goto done;
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

static const struct store_ops sq_ops;
static void sq_close(store *s);

int store_sqlite_open(const char *path, store **out, char **err)
{
    store *s = NULL;
    int v = 0;
    int rc;
    int ret = -1;
    *out = NULL;
    if (!path || !*path) {
        crm_seterr(err, _("no database path given"));
        goto done;
    }
    s = xcalloc(1, sizeof(sq));
    s->ops = &sq_ops;
    s->where = xstrdup(path);
    rc = sqlite3_open_v2(path, &SQ(s)->db,
                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (!SQ(s)->db) {
        crm_seterr(err, _("cannot open database '%s': out of memory"), path);
        goto done;
    }
    if (rc != SQLITE_OK) {
        db_fail(s, rc, N_("open"), err);
        goto done;
    }
    sqlite3_extended_result_codes(SQ(s)->db, 1);
    SQ(s)->busy_ms = busy_timeout_ms();
    sqlite3_busy_timeout(SQ(s)->db, SQ(s)->busy_ms);
    if (check_file(s, &v, err) < 0 || configure(s, err) < 0)
        goto done;
    while (v < store_schema_version())
        if (migrate_step(s, &v, err) < 0)
            goto done;
    *out = s;
    ret = 0;
done:
    if (ret < 0)
        sq_close(s);
    return ret;
}

static void sq_close(store *s)
{
    if (!s)
        return;
    for (int i = 0; i < STMT_CACHE; i++)
        sqlite3_finalize(SQ(s)->cache[i].st);
    sqlite3_close(SQ(s)->db); /* every other statement is finalized where prepared */
    free(s->where);
    free(s);
}

/* Inserts a student row if missing; runs inside the caller's transaction. */
static int add_student(store *s, const char *id, const char *now, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, "INSERT INTO students(id, created) VALUES(?1, ?2) "
                   "ON CONFLICT(id) DO NOTHING", &st, "add a student",
                err) < 0)
        goto done;
    if (sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC) != SQLITE_OK) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("add a student"), err);
        goto done;
    }
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
        db_fail(s, rc, N_("add a student"), err);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

/* Inserts a scenario version if missing and fills in a title that was not
 * known yet; runs inside the caller's transaction. */
static int add_scenario(store *s, const char *id, const char *hash,
                        const char *title, const char *now, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, "INSERT INTO scenarios(id, hash, title, first_seen) "
                   "VALUES(?1, ?2, ?3, ?4) ON CONFLICT(id, hash) DO UPDATE "
                   "SET title = excluded.title WHERE title IS NULL",
                &st, "add a scenario", err) < 0)
        goto done;
    if (sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_text(st, 3, title, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC) != SQLITE_OK) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("add a scenario"), err);
        goto done;
    }
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
        db_fail(s, rc, N_("add a scenario"), err);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

static int sq_ensure_student(store *s, const char *id, const char *now, char **err)
{
    int ret = -1;
    if (tx_begin(s, N_("add a student"), err) < 0 ||
        add_student(s, id, now, err) < 0 ||
        tx_commit(s, N_("add a student"), err) < 0)
        goto done;
    ret = 0;
done:
    if (ret < 0)
        rollback(s);
    return ret;
}

static int sq_ensure_scenario(store *s, const char *id, const char *hash, const char *title,
                              const char *now, char **err)
{
    int ret = -1;
    if (tx_begin(s, N_("add a scenario"), err) < 0 ||
        add_scenario(s, id, hash, title, now, err) < 0 ||
        tx_commit(s, N_("add a scenario"), err) < 0)
        goto done;
    ret = 0;
done:
    if (ret < 0)
        rollback(s);
    return ret;
}

/* Inserts the session row itself; runs inside the caller's transaction. */
static int add_session(store *s, store_session *ses, const char *started,
                       char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, "INSERT INTO sessions(student, scenario, scenario_hash, "
                   "lexicon_hash, seed, mode, started, hints, submission, head) "
                   "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                &st, "start a session", err) < 0)
        goto done;
    if (sqlite3_bind_text(st, 1, ses->student, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 2, ses->scenario, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 3, ses->scenario_hash, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 4, ses->lexicon_hash, -1, SQLITE_STATIC) ||
        sqlite3_bind_int64(st, 5, ses->seed) ||
        sqlite3_bind_text(st, 6, ses->mode, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 7, started, -1, SQLITE_STATIC) ||
        sqlite3_bind_int(st, 8, ses->hints > 0 ? ses->hints : 0) ||
        sqlite3_bind_text(st, 9, ses->submission, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 10, ses->head, -1, SQLITE_STATIC)) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("start a session"), err);
        goto done;
    }
    int rc = sqlite3_step(st);
    if (rc == SQLITE_CONSTRAINT_UNIQUE && ses->submission) {
        crm_seterr(err, _("this submitted session is already in the database"));
        goto done;
    }
    if (rc != SQLITE_DONE) {
        db_fail(s, rc, N_("start a session"), err);
        goto done;
    }
    ses->id = sqlite3_last_insert_rowid(SQ(s)->db);
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

/* The session row is always written open: ended, outcome and score in *ses
 * are ignored (store_session_end sets them). */
static int add_turn(store *s, int64_t session, const store_turn *t,
                    const char *now, char **err);

static int sq_session_begin(store *s, store_session *ses, const char *title,
                            const store_turn *opening, const char *started,
                            const char *now, char **err)
{
    int ret = -1;
    if (tx_begin(s, N_("start a session"), err) < 0 ||
        add_student(s, ses->student, now, err) < 0 ||
        add_scenario(s, ses->scenario, ses->scenario_hash, title, now,
                     err) < 0 ||
        add_session(s, ses, started, err) < 0 ||
        (opening && add_turn(s, ses->id, opening, now, err) < 0) ||
        tx_commit(s, N_("start a session"), err) < 0)
        goto done;
    ret = 0;
done:
    if (ret < 0)
        rollback(s);
    return ret;
}

/* Checks, inside the caller's transaction, that the session exists and has
 * not ended yet: a scored session never grows. */
static int check_open(store *s, int64_t session, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, "SELECT ended IS NOT NULL FROM sessions WHERE id = ?1",
                &st, "read a session", err) < 0)
        goto done;
    if (sqlite3_bind_int64(st, 1, session) != SQLITE_OK) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("read a session"), err);
        goto done;
    }
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        crm_seterr(err, _("no session %lld"), (long long)session);
        goto done;
    }
    if (rc != SQLITE_ROW) {
        db_fail(s, rc, N_("read a session"), err);
        goto done;
    }
    if (sqlite3_column_int(st, 0)) {
        crm_seterr(err, _("session %lld has already ended"), (long long)session);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

/* Inserts one turn row; runs inside the caller's transaction. */
static int add_turn(store *s, int64_t session, const store_turn *t,
                    const char *now, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, "INSERT INTO turns(session, n, reply, customer, findings, "
                   "state, created, chain) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                &st, "store a turn", err) < 0)
        goto done;
    if (sqlite3_bind_int64(st, 1, session) ||
        sqlite3_bind_int(st, 2, t->n) ||
        sqlite3_bind_text(st, 3, t->reply, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 4, t->customer, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 5, t->findings_json, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 6, t->state_json, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 8, t->chain, -1, SQLITE_STATIC)) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("store a turn"), err);
        goto done;
    }
    int rc = sqlite3_step(st);
    if (rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        crm_seterr(err, _("turn %d of session %lld is already stored"), t->n,
                   (long long)session);
        goto done;
    }
    if (rc != SQLITE_DONE) {
        db_fail(s, rc, N_("store a turn"), err);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

/* Sets the session's hint count; runs inside the caller's transaction. */
static int set_hints(store *s, int64_t session, int hints, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, "UPDATE sessions SET hints = ?1 WHERE id = ?2 AND hints IS NOT ?1", &st,
                "count hints", err) < 0)
        goto done;
    if (sqlite3_bind_int(st, 1, hints) ||
        sqlite3_bind_int64(st, 2, session)) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("count hints"), err);
        goto done;
    }
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
        db_fail(s, rc, N_("count hints"), err);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

static int sq_turn_add(store *s, int64_t session, const store_turn *t, int hints,
                       const char *now, char **err)
{
    int ret = -1;
    if (tx_begin(s, N_("store a turn"), err) < 0 ||
        check_open(s, session, err) < 0 ||
        add_turn(s, session, t, now, err) < 0 ||
        set_hints(s, session, hints, err) < 0 ||
        tx_commit(s, N_("store a turn"), err) < 0)
        goto done;
    ret = 0;
done:
    if (ret < 0)
        rollback(s);
    return ret;
}

/* Writes ended, outcome and score; runs inside the caller's transaction. */
static int close_session(store *s, int64_t session, const char *outcome,
                         int score, int hints, const char *ended_by, const char *chain,
                         const char *now, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, "UPDATE sessions SET ended = ?1, outcome = ?2, "
                   "score = ?3, hints = ?5, ended_by = ?6, chain = ?7 WHERE id = ?4", &st,
                "end a session",
                err) < 0)
        goto done;
    if (sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 2, outcome, -1, SQLITE_STATIC) ||
        sqlite3_bind_int(st, 3, score) ||
        sqlite3_bind_int64(st, 4, session) ||
        sqlite3_bind_int(st, 5, hints) ||
        sqlite3_bind_text(st, 6, ended_by, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 7, chain, -1, SQLITE_STATIC)) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("end a session"), err);
        goto done;
    }
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
        db_fail(s, rc, N_("end a session"), err);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

/* Inserts the per-criterion scores; runs inside the caller's transaction. */
static int add_scores(store *s, int64_t session, const store_criterion *crit,
                      int ncrit, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, "INSERT INTO scores(session, criterion, points, max) "
                   "VALUES(?1, ?2, ?3, ?4)", &st, "store scores", err) < 0)
        goto done;
    for (int i = 0; i < ncrit; i++) {
        if (sqlite3_reset(st) ||
            sqlite3_bind_int64(st, 1, session) ||
            sqlite3_bind_text(st, 2, crit[i].id, -1, SQLITE_STATIC) ||
            sqlite3_bind_double(st, 3, crit[i].points) ||
            sqlite3_bind_double(st, 4, crit[i].max)) {
            db_fail(s, sqlite3_errcode(SQ(s)->db), N_("store scores"), err);
            goto done;
        }
        int rc = sqlite3_step(st);
        if (rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
            crm_seterr(err, _("criterion '%s' given twice for session %lld"),
                       crit[i].id, (long long)session);
            goto done;
        }
        if (rc != SQLITE_DONE) {
            db_fail(s, rc, N_("store scores"), err);
            goto done;
        }
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

static int sq_session_end(store *s, int64_t session, const char *outcome, int score,
                          int hints, const char *ended_by, const char *chain,
                          const store_criterion *crit, int ncrit, const char *now, char **err)
{
    int ret = -1;
    if (tx_begin(s, N_("end a session"), err) < 0 ||
        check_open(s, session, err) < 0 ||
        close_session(s, session, outcome, score, hints, ended_by, chain, now, err) < 0 ||
        add_scores(s, session, crit, ncrit, err) < 0 ||
        tx_commit(s, N_("end a session"), err) < 0)
        goto done;
    ret = 0;
done:
    if (ret < 0)
        rollback(s);
    return ret;
}

/* Fills ses from a row of SESSION_COLS; strings point into the statement. */
static void row_to_session(sqlite3_stmt *st, store_session *ses)
{
    ses->id = sqlite3_column_int64(st, 0);
    ses->student = (const char *)sqlite3_column_text(st, 1);
    ses->scenario = (const char *)sqlite3_column_text(st, 2);
    ses->scenario_hash = (const char *)sqlite3_column_text(st, 3);
    ses->lexicon_hash = (const char *)sqlite3_column_text(st, 4);
    ses->seed = sqlite3_column_int64(st, 5);
    ses->mode = (const char *)sqlite3_column_text(st, 6);
    ses->started = (const char *)sqlite3_column_text(st, 7);
    ses->ended = (const char *)sqlite3_column_text(st, 8);
    ses->outcome = (const char *)sqlite3_column_text(st, 9);
    ses->score = sqlite3_column_type(st, 10) == SQLITE_NULL
                     ? -1 : sqlite3_column_int(st, 10);
    ses->hints = sqlite3_column_int(st, 11);
    ses->turns = sqlite3_column_int(st, 12);
    ses->ended_by = (const char *)sqlite3_column_text(st, 13);
    ses->submission = (const char *)sqlite3_column_text(st, 14);
    ses->chain = (const char *)sqlite3_column_text(st, 15);
    ses->head = (const char *)sqlite3_column_text(st, 16);
}

static int sq_sessions(store *s, const char *student, int limit, store_session_cb cb,
                       void *ctx, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    /* Two texts rather than "?1 IS NULL OR", so the filtered walk uses the
     * sessions_by_student index. */
    const char *sql = student
        ? "SELECT " SESSION_COLS " FROM sessions s WHERE s.student = ?1 "
          "ORDER BY s.id DESC LIMIT ?2"
        : "SELECT " SESSION_COLS " FROM sessions s "
          "ORDER BY s.id DESC LIMIT ?2";
    if (prepare(s, sql, &st, "list sessions", err) < 0)
        goto done;
    if ((student &&
         sqlite3_bind_text(st, 1, student, -1, SQLITE_STATIC) != SQLITE_OK) ||
        sqlite3_bind_int(st, 2, limit > 0 ? limit : -1) != SQLITE_OK) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("list sessions"), err);
        goto done;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_session ses;
        row_to_session(st, &ses);
        if (cb && cb(&ses, ctx) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE) {
        db_fail(s, rc, N_("list sessions"), err);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

/* Reads the session row and hands it to scb; *stop is set when scb asks to
 * stop. Runs inside store_session_get's read transaction. */
static int get_session_row(store *s, int64_t id, store_session_cb scb,
                           void *ctx, int *stop, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, "SELECT " SESSION_COLS " FROM sessions s WHERE s.id = ?1",
                &st, "read a session", err) < 0)
        goto done;
    if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("read a session"), err);
        goto done;
    }
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        crm_seterr(err, _("no session %lld"), (long long)id);
        goto done;
    }
    if (rc != SQLITE_ROW) {
        db_fail(s, rc, N_("read a session"), err);
        goto done;
    }
    store_session ses;
    row_to_session(st, &ses);
    *stop = scb && scb(&ses, ctx) != 0;
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

/* Hands each turn of session id to tcb in n order. */
static int get_turns(store *s, int64_t id, store_turn_cb tcb, void *ctx,
                     char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, "SELECT n, reply, customer, findings, state, chain, created FROM turns "
                   "WHERE session = ?1 ORDER BY n", &st, "read turns",
                err) < 0)
        goto done;
    if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("read turns"), err);
        goto done;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_turn t;
        t.n = sqlite3_column_int(st, 0);
        t.reply = (const char *)sqlite3_column_text(st, 1);
        t.customer = (const char *)sqlite3_column_text(st, 2);
        t.findings_json = (const char *)sqlite3_column_text(st, 3);
        t.state_json = (const char *)sqlite3_column_text(st, 4);
        t.chain = (const char *)sqlite3_column_text(st, 5);
        t.created = (const char *)sqlite3_column_text(st, 6);
        if (tcb && tcb(&t, ctx) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE) {
        db_fail(s, rc, N_("read turns"), err);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

/* Both reads share one read transaction, so the session's turn count and
 * the turns handed to tcb agree even while another crmsim writes. The
 * callbacks must not write through the same store (its BEGIN IMMEDIATE
 * would fail inside the read transaction); write after this returns. */
static int sq_session_get(store *s, int64_t id, store_session_cb scb, store_turn_cb tcb,
                          void *ctx, char **err)
{
    int own = sqlite3_get_autocommit(SQ(s)->db);
    int stop = 0;
    int ret = -1;
    if (own && exec_sql(s, "BEGIN", N_("read a session"), err) < 0)
        goto done;
    if (get_session_row(s, id, scb, ctx, &stop, err) < 0 ||
        (!stop && get_turns(s, id, tcb, ctx, err) < 0))
        goto done;
    if (own && exec_sql(s, "COMMIT", N_("read a session"), err) < 0)
        goto done;
    ret = 0;
done:
    if (ret < 0 && own)
        rollback(s);
    return ret;
}

static int sq_scores(store *s, int64_t session, store_crit_cb cb, void *ctx, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1, rc;
    if (prepare(s, "SELECT criterion, points, max FROM scores WHERE session = ?1 "
                   "ORDER BY rowid", &st, "read scores", err) < 0)
        return -1;
    if (sqlite3_bind_int64(st, 1, session) != SQLITE_OK) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("read scores"), err);
        goto done;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_criterion c = { (const char *)sqlite3_column_text(st, 0),
                              sqlite3_column_double(st, 1), sqlite3_column_double(st, 2) };
        if (cb(&c, ctx) != 0)
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        db_fail(s, rc, N_("read scores"), err);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

/* Sets score and lexicon hash of an ended session. */
static int set_regrade(store *s, int64_t session, int score, const char *lexicon_hash,
                       char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, "UPDATE sessions SET score = ?1, lexicon_hash = ?2 "
                   "WHERE id = ?3 AND ended IS NOT NULL", &st, "regrade a session", err) < 0)
        return -1;
    if (sqlite3_bind_int(st, 1, score) ||
        sqlite3_bind_text(st, 2, lexicon_hash, -1, SQLITE_STATIC) ||
        sqlite3_bind_int64(st, 3, session)) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("regrade a session"), err);
        goto done;
    }
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
        db_fail(s, rc, N_("regrade a session"), err);
        goto done;
    }
    if (sqlite3_changes(SQ(s)->db) != 1) {
        crm_seterr(err, _("session %lld is not an ended session"), (long long)session);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

static int sq_session_regrade(store *s, int64_t session, int score,
                              const char *lexicon_hash, const store_criterion *crit, int ncrit,
                              char **err)
{
    int ret = -1;
    if (tx_begin(s, N_("regrade a session"), err) < 0)
        return -1;
    sqlite3_stmt *st = NULL;
    if (set_regrade(s, session, score, lexicon_hash, err) < 0 ||
        prepare(s, "DELETE FROM scores WHERE session = ?1", &st, "regrade a session", err) < 0)
        goto done;
    if (sqlite3_bind_int64(st, 1, session) || sqlite3_step(st) != SQLITE_DONE) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("regrade a session"), err);
        goto done;
    }
    if (add_scores(s, session, crit, ncrit, err) < 0 ||
        tx_commit(s, N_("regrade a session"), err) < 0)
        goto done;
    ret = 0;
done:
    unprepare(s, st);
    if (ret < 0)
        rollback(s);
    return ret;
}

static int sq_roster_import(store *s, const store_student *rows, size_t n, int *added,
                            int *updated, const char *now, char **err)
{
    sqlite3_stmt *find = NULL, *up = NULL;
    int ret = -1;
    if (tx_begin(s, N_("import the roster"), err) < 0)
        return -1;
    if (prepare(s, "SELECT 1 FROM students WHERE id = ?1 AND enrolled = 1", &find,
                N_("import the roster"), err) < 0 ||
        prepare(s, "INSERT INTO students(id, name, class, created, enrolled) "
                   "VALUES(?1, ?2, ?3, ?4, 1) ON CONFLICT(id) DO UPDATE SET "
                   "name = coalesce(nullif(excluded.name, ''), name), "
                   "class = coalesce(nullif(excluded.class, ''), class), enrolled = 1",
                &up, N_("import the roster"), err) < 0)
        goto done;
    for (size_t i = 0; i < n; i++) {
        sqlite3_reset(find);
        sqlite3_reset(up);
        if (sqlite3_bind_text(find, 1, rows[i].id, -1, SQLITE_STATIC) ||
            sqlite3_bind_text(up, 1, rows[i].id, -1, SQLITE_STATIC) ||
            sqlite3_bind_text(up, 2, rows[i].name, -1, SQLITE_STATIC) ||
            sqlite3_bind_text(up, 3, rows[i].klass, -1, SQLITE_STATIC) ||
            sqlite3_bind_text(up, 4, now, -1, SQLITE_STATIC)) {
            db_fail(s, sqlite3_errcode(SQ(s)->db), N_("import the roster"), err);
            goto done;
        }
        int known = sqlite3_step(find) == SQLITE_ROW;
        if (sqlite3_step(up) != SQLITE_DONE) {
            db_fail(s, sqlite3_errcode(SQ(s)->db), N_("import the roster"), err);
            goto done;
        }
        if (known)
            (*updated)++;
        else
            (*added)++;
    }
    if (tx_commit(s, N_("import the roster"), err) < 0)
        goto done;
    ret = 0;
done:
    unprepare(s, find);
    unprepare(s, up);
    if (ret < 0)
        rollback(s);
    return ret;
}

static int sq_roster(store *s, const char *klass, store_student_cb cb, void *ctx, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1, rc;
    if (prepare(s, "SELECT id, name, class FROM students WHERE enrolled = 1 "
                   "AND (?1 IS NULL OR class = ?1) ORDER BY class, id",
                &st, N_("read the roster"), err) < 0)
        return -1;
    if (sqlite3_bind_text(st, 1, klass, -1, SQLITE_STATIC) != SQLITE_OK) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("read the roster"), err);
        goto done;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_student r = { (const char *)sqlite3_column_text(st, 0),
                            (const char *)sqlite3_column_text(st, 1),
                            (const char *)sqlite3_column_text(st, 2) };
        if (cb(&r, ctx) != 0)
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        db_fail(s, rc, N_("read the roster"), err);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

static int sq_count_sessions(store *s, const char *student, const char *scenario,
                             const char *mode, int *n, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1;
    if (prepare(s, "SELECT count(*) FROM sessions WHERE student = ?1 AND scenario = ?2 "
                   "AND mode = ?3", &st, N_("count sessions"), err) < 0)
        return -1;
    if (sqlite3_bind_text(st, 1, student, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 2, scenario, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 3, mode, -1, SQLITE_STATIC) ||
        sqlite3_step(st) != SQLITE_ROW) {
        db_fail(s, sqlite3_errcode(SQ(s)->db), N_("count sessions"), err);
        goto done;
    }
    *n = sqlite3_column_int(st, 0);
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

sqlite3 *store_sqlite_db(store *s) { return SQ(s)->db; }

/* ---- db copy ------------------------------------------------------------ */

/* Binds text parameters 1..n of st (NULL binds NULL); 0 or an SQLite code. */
static int bind_texts(sqlite3_stmt *st, const char *const *v, int n)
{
    for (int i = 0; i < n; i++) {
        int rc = sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_STATIC);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

/* Runs one write statement with text parameters, in the caller's
 * transaction (or its own, as SQLite does for a lone statement). */
static int write_texts(store *s, const char *sql, const char *const *v, int n,
                       const char *what, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1, rc;
    if (prepare(s, sql, &st, what, err) < 0)
        return -1;
    if ((rc = bind_texts(st, v, n)) != SQLITE_OK || (rc = sqlite3_step(st)) != SQLITE_DONE) {
        db_fail(s, rc, what, err);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

static int sq_dump_students(store *s, store_student_row_cb cb, void *ctx, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1, rc;
    if (prepare(s, "SELECT id, name, class, created, enrolled FROM students ORDER BY id", &st,
                N_("read the students"), err) < 0)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_student_row r = { (const char *)sqlite3_column_text(st, 0),
                                (const char *)sqlite3_column_text(st, 1),
                                (const char *)sqlite3_column_text(st, 2),
                                (const char *)sqlite3_column_text(st, 3),
                                sqlite3_column_int(st, 4) };
        if (cb(&r, ctx) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE) {
        db_fail(s, rc, N_("read the students"), err);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

static int sq_dump_scenarios(store *s, store_scenario_row_cb cb, void *ctx, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1, rc;
    if (prepare(s, "SELECT id, hash, title, first_seen FROM scenarios ORDER BY id, hash", &st,
                N_("read the scenarios"), err) < 0)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_scenario_row r = { (const char *)sqlite3_column_text(st, 0),
                                 (const char *)sqlite3_column_text(st, 1),
                                 (const char *)sqlite3_column_text(st, 2),
                                 (const char *)sqlite3_column_text(st, 3) };
        if (cb(&r, ctx) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE) {
        db_fail(s, rc, N_("read the scenarios"), err);
        goto done;
    }
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

static int sq_import_student(store *s, const store_student_row *r, char **err)
{
    const char *v[] = { r->id, r->name, r->klass, r->created, r->enrolled ? "1" : "0" };
    return write_texts(s,
                       "INSERT INTO students(id, name, class, created, enrolled) "
                       "VALUES(?1, ?2, ?3, ?4, CAST(?5 AS INTEGER)) ON CONFLICT(id) DO UPDATE SET "
                       "name = coalesce(name, excluded.name), "
                       "class = coalesce(class, excluded.class), "
                       "created = coalesce(created, excluded.created), "
                       "enrolled = max(enrolled, excluded.enrolled)",
                       v, 5, N_("add a student"), err);
}

static int sq_import_scenario(store *s, const store_scenario_row *r, char **err)
{
    const char *v[] = { r->id, r->hash, r->title, r->first_seen };
    return write_texts(s,
                       "INSERT INTO scenarios(id, hash, title, first_seen) "
                       "VALUES(?1, ?2, ?3, ?4) ON CONFLICT(id, hash) DO UPDATE "
                       "SET title = coalesce(title, excluded.title), "
                       "first_seen = min(coalesce(first_seen, excluded.first_seen), "
                       "coalesce(excluded.first_seen, first_seen))",
                       v, 4, N_("add a scenario"), err);
}

/* Finds a session with the same chain head and submission; *id = 0 when
 * there is none. */
static int find_copy(store *s, const store_session *ses, int64_t *id, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1, rc;
    *id = 0;
    if (!ses->head)
        return 0;
    if (prepare(s, "SELECT id FROM sessions WHERE head = ?1 AND submission IS ?2", &st,
                N_("copy a session"), err) < 0)
        return -1;
    const char *v[] = { ses->head, ses->submission };
    if ((rc = bind_texts(st, v, 2)) != SQLITE_OK ||
        ((rc = sqlite3_step(st)) != SQLITE_ROW && rc != SQLITE_DONE)) {
        db_fail(s, rc, N_("copy a session"), err);
        goto done;
    }
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(st, 0);
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

/* Inserts the whole session row as it was elsewhere. */
static int copy_session_row(store *s, store_session *ses, char **err)
{
    sqlite3_stmt *st = NULL;
    int ret = -1, rc;
    if (prepare(s, "INSERT INTO sessions(student, scenario, scenario_hash, lexicon_hash, seed, "
                   "mode, started, ended, outcome, score, hints, ended_by, submission, chain, "
                   "head) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                   "?15)", &st, N_("copy a session"), err) < 0)
        return -1;
    const char *v[] = { ses->student, ses->scenario, ses->scenario_hash, ses->lexicon_hash };
    if ((rc = bind_texts(st, v, 4)) != SQLITE_OK ||
        (rc = sqlite3_bind_int64(st, 5, ses->seed)) != SQLITE_OK ||
        (rc = sqlite3_bind_text(st, 6, ses->mode, -1, SQLITE_STATIC)) != SQLITE_OK ||
        (rc = sqlite3_bind_text(st, 7, ses->started, -1, SQLITE_STATIC)) != SQLITE_OK ||
        (rc = sqlite3_bind_text(st, 8, ses->ended, -1, SQLITE_STATIC)) != SQLITE_OK ||
        (rc = sqlite3_bind_text(st, 9, ses->outcome, -1, SQLITE_STATIC)) != SQLITE_OK ||
        (rc = ses->score < 0 ? sqlite3_bind_null(st, 10)
                             : sqlite3_bind_int(st, 10, ses->score)) != SQLITE_OK ||
        (rc = sqlite3_bind_int(st, 11, ses->hints)) != SQLITE_OK ||
        (rc = sqlite3_bind_text(st, 12, ses->ended_by, -1, SQLITE_STATIC)) != SQLITE_OK ||
        (rc = sqlite3_bind_text(st, 13, ses->submission, -1, SQLITE_STATIC)) != SQLITE_OK ||
        (rc = sqlite3_bind_text(st, 14, ses->chain, -1, SQLITE_STATIC)) != SQLITE_OK ||
        (rc = sqlite3_bind_text(st, 15, ses->head, -1, SQLITE_STATIC)) != SQLITE_OK ||
        (rc = sqlite3_step(st)) != SQLITE_DONE) {
        db_fail(s, rc, N_("copy a session"), err);
        goto done;
    }
    ses->id = sqlite3_last_insert_rowid(SQ(s)->db);
    ret = 0;
done:
    unprepare(s, st);
    return ret;
}

static int sq_import_session(store *s, store_session *ses, const store_turn *t, int nt,
                             const store_criterion *crit, int ncrit, int *dup, char **err)
{
    int64_t found = 0;
    int ret = -1;
    if (tx_begin(s, N_("copy a session"), err) < 0 ||
        find_copy(s, ses, &found, err) < 0)
        goto done;
    if (found) {
        *dup = 1;
        ses->id = found;
    } else {
        if (copy_session_row(s, ses, err) < 0)
            goto done;
        for (int i = 0; i < nt; i++)
            if (add_turn(s, ses->id, &t[i], t[i].created, err) < 0)
                goto done;
        if (add_scores(s, ses->id, crit, ncrit, err) < 0)
            goto done;
    }
    if (tx_commit(s, N_("copy a session"), err) < 0)
        goto done;
    ret = 0;
done:
    if (ret < 0)
        rollback(s);
    return ret;
}

/* An SQLite file belongs to whoever can open it: the instructor's own. */
static int sq_can_instruct(store *s, char **who, char **err)
{
    (void)s, (void)err;
    *who = NULL;
    return 1;
}

static const struct store_ops sq_ops = {
    .name = "sqlite",
    .close = sq_close,
    .can_instruct = sq_can_instruct,
    .batch_begin = sq_batch_begin,
    .batch_end = sq_batch_end,
    .ensure_student = sq_ensure_student,
    .ensure_scenario = sq_ensure_scenario,
    .session_begin = sq_session_begin,
    .turn_add = sq_turn_add,
    .session_end = sq_session_end,
    .sessions = sq_sessions,
    .session_get = sq_session_get,
    .scores = sq_scores,
    .session_regrade = sq_session_regrade,
    .roster_import = sq_roster_import,
    .roster = sq_roster,
    .count_sessions = sq_count_sessions,
    .dump_students = sq_dump_students,
    .dump_scenarios = sq_dump_scenarios,
    .import_student = sq_import_student,
    .import_scenario = sq_import_scenario,
    .import_session = sq_import_session,
    .q_begin = sq_q_begin,
    .q_end = sq_q_end,
    .q_sessions = sq_q_sessions,
    .q_criteria = sq_q_criteria,
    .q_turns = sq_q_turns,
    .q_students = sq_q_students,
};
