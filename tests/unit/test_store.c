/*
 * test_store.c - unit tests of the store (sim/store.c and its backends).
 * Every test of what the store promises runs twice: on a fresh SQLite
 * file in its own mkdtemp directory under /tmp, and on a fresh schema of
 * the PostgreSQL server named by CRMSIM_TEST_PG (a superuser URL; tests/run
 * starts a throw-away server and sets it). Without CRMSIM_TEST_PG the
 * PostgreSQL variants fail and say so; CRMSIM_TEST_NO_PG=1 skips them.
 * Tests of what only a file has (damaged, read-only, locked) are SQLite's.
 * Deliberately not here: grading, personas, the console, the report
 * queries (store_query.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store.h"
#include "util.h"

#define MAX_SCHEMAS 4

typedef struct fixture {
    int pg;                      /* 1: the PostgreSQL variant, 0: SQLite */
    char *dir;                   /* the test's own temp directory */
    char *path;                  /* what store_open gets: the file, or the URL of the test's schema */
    int ndb;                     /* databases made by new_db so far */
    int skip;                    /* PostgreSQL variant skipped on request (CRMSIM_TEST_NO_PG=1) */
    char *why;                   /* PostgreSQL variant that cannot run: why (the test fails) */
    PGconn *admin;               /* superuser connection, search_path on the first schema */
    char *schemas[MAX_SCHEMAS];  /* schemas made for this test, dropped by teardown */
    int nschemas;                /* how many */
} fixture;

/* ---- fixtures ---------------------------------------------------------- */

static void quiet(void *arg, const char *msg)
{
    (void)arg, (void)msg;
}

/* A fresh database of the fixture's backend: a new file in the test's
 * directory, or a new schema on the server, named for this process so
 * that test runs sharing a server do not meet. Returns what store_open
 * takes (caller frees), or NULL with f->why set. */
static char *new_db(fixture *f)
{
    static unsigned seq;
    int n = f->ndb++;
    if (!f->pg)
        return n == 0 ? xasprintf("%s/crmsim.db", f->dir)
                      : xasprintf("%s/crmsim-%d.db", f->dir, n);
    if (f->nschemas == MAX_SCHEMAS) {
        f->why = xstrdup("too many schemas in one test");
        return NULL;
    }
    const char *url = getenv("CRMSIM_TEST_PG");
    char *name = xasprintf("t_%ld_%ld_%u", (long)getpid(), (long)time(NULL) % 100000, seq++);
    char *sql = xasprintf("CREATE SCHEMA %s", name);
    PGresult *r = PQexec(f->admin, sql);
    free(sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        f->why = xasprintf("cannot create schema %s on CRMSIM_TEST_PG '%s': %s", name, url,
                           PQresultErrorMessage(r));
        PQclear(r);
        free(name);
        return NULL;
    }
    PQclear(r);
    f->schemas[f->nschemas++] = name;
    /* libpq decodes %3D in the URL; the server sees -c search_path=NAME. */
    return xasprintf("%s%coptions=-csearch_path%%3D%s", url, strchr(url, '?') ? '&' : '?',
                     name);
}

static fixture *fixture_new(int pg)
{
    fixture *f = xcalloc(1, sizeof *f);
    f->pg = pg;
    f->dir = xstrdup("/tmp/crmsim-store-XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f->dir);
        free(f);
        return NULL;
    }
    unsetenv("CRMSIM_BUSY_TIMEOUT_MS");
    return f;
}

static int setup_sqlite(void **state)
{
    fixture *f = fixture_new(0);
    if (!f)
        return -1;
    f->path = new_db(f);
    *state = f;
    return 0;
}

/* The PostgreSQL variant: connects as the superuser of CRMSIM_TEST_PG and
 * makes the test's schema. Whatever goes wrong is kept in f->why and
 * reported by the test itself (fx), so that it fails with a reason. */
static int setup_pg(void **state)
{
    fixture *f = fixture_new(1);
    if (!f)
        return -1;
    *state = f;
    const char *url = getenv("CRMSIM_TEST_PG");
    const char *no = getenv("CRMSIM_TEST_NO_PG");
    if (no && strcmp(no, "1") == 0) {
        f->skip = 1;
        return 0;
    }
    if (!url || !*url) {
        f->why = xstrdup("the store tests run on PostgreSQL too and CRMSIM_TEST_PG is not set: "
                         "run them through tests/run (it starts a throw-away PostgreSQL "
                         "server), or set CRMSIM_TEST_PG to a superuser URL, or "
                         "CRMSIM_TEST_NO_PG=1 to skip the PostgreSQL variants");
        return 0;
    }
    f->admin = PQconnectdb(url);
    if (PQstatus(f->admin) != CONNECTION_OK) {
        f->why = xasprintf("cannot connect to CRMSIM_TEST_PG '%s': %s", url,
                           PQerrorMessage(f->admin));
        return 0;
    }
    PQsetNoticeProcessor(f->admin, quiet, NULL);
    f->path = new_db(f);
    if (!f->path)
        return 0;
    char *sql = xasprintf("SET search_path TO %s", f->schemas[0]);
    PGresult *r = PQexec(f->admin, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
        f->why = xasprintf("%s: %s", sql, PQresultErrorMessage(r));
    PQclear(r);
    free(sql);
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    DIR *d = opendir(f->dir);
    if (d) {
        const struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char *p = xasprintf("%s/%s", f->dir, e->d_name);
            unlink(p);
            free(p);
        }
        closedir(d);
    }
    rmdir(f->dir);
    unsetenv("CRMSIM_BUSY_TIMEOUT_MS");
    int ret = 0;
    if (f->admin && PQstatus(f->admin) == CONNECTION_OK) {
        /* A failed test may leave a store connection behind; do not wait
         * for it for ever. */
        PQclear(PQexec(f->admin, "SET lock_timeout = '20s'"));
        for (int i = 0; i < f->nschemas; i++) {
            char *sql = xasprintf("DROP SCHEMA %s CASCADE", f->schemas[i]);
            PGresult *r = PQexec(f->admin, sql);
            if (PQresultStatus(r) != PGRES_COMMAND_OK) {
                fprintf(stderr, "teardown: %s: %s", sql, PQresultErrorMessage(r));
                ret = -1;
            }
            PQclear(r);
            free(sql);
        }
    }
    PQfinish(f->admin);
    for (int i = 0; i < f->nschemas; i++)
        free(f->schemas[i]);
    free(f->why);
    free(f->path);
    free(f->dir);
    free(f);
    return ret;
}

/* Every test starts here: the fixture, or the PostgreSQL variant's failure
 * (or skip, when asked for). */
static fixture *fx(void **state)
{
    fixture *f = *state;
    if (f->skip)
        skip();
    if (f->why)
        fail_msg("%s", f->why);
    return f;
}

/* ---- helpers ---------------------------------------------------------- */

static store *open_at(const char *where)
{
    store *s = NULL;
    char *err = NULL;
    if (store_open(where, &s, &err) != 0)
        fail_msg("store_open: %s", err ? err : "(no message)");
    assert_null(err);
    assert_non_null(s);
    return s;
}

static store *open_ok(const fixture *f)
{
    store *s = open_at(f->path);
    assert_string_equal(store_backend(s), f->pg ? "postgresql" : "sqlite");
    return s;
}

/* Expects store_open to refuse with a message containing want. */
static void open_refused(const fixture *f, const char *want)
{
    store *s = (store *)&s; /* must be reset to NULL */
    char *err = NULL;
    assert_int_equal(store_open(f->path, &s, &err), -1);
    assert_null(s);
    if (!err || !strstr(err, want))
        fail_msg("'%s' does not contain '%s'", err ? err : "(no message)", want);
    free(err);
}

/* Opens the file directly with SQLite (no store), for checks and for
 * setting up states the store would never write. */
static sqlite3 *raw_open(const fixture *f)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    return db;
}

/* Runs sql on the superuser connection, in the test's schema. */
static PGresult *pg_raw(const fixture *f, const char *sql)
{
    PGresult *r = PQexec(f->admin, sql);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        fail_msg("%s: %s", sql, PQresultErrorMessage(r));
    return r;
}

/* SQL straight to the database under test (no store), in its dialect. */
static void raw_exec(const fixture *f, const char *sql)
{
    if (f->pg) {
        PQclear(pg_raw(f, sql));
        return;
    }
    sqlite3 *db = raw_open(f);
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
    sqlite3_close(db);
}

/* The first column of the one row sql returns, as text (NULL for NULL;
 * caller frees). */
static char *raw_text(const fixture *f, const char *sql)
{
    char *v = NULL;
    if (f->pg) {
        PGresult *r = pg_raw(f, sql);
        if (PQntuples(r) != 1)
            fail_msg("%s: %d rows", sql, PQntuples(r));
        if (!PQgetisnull(r, 0, 0))
            v = xstrdup(PQgetvalue(r, 0, 0));
        PQclear(r);
        return v;
    }
    sqlite3 *db = raw_open(f);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const unsigned char *t = sqlite3_column_text(st, 0);
    v = t ? xstrdup((const char *)t) : NULL;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static long long raw_int(const fixture *f, const char *sql)
{
    char *t = raw_text(f, sql);
    if (!t)
        fail_msg("%s: NULL", sql);
    char *end;
    long long v = strtoll(t, &end, 10);
    if (*end)
        fail_msg("%s: '%s' is not a number", sql, t);
    free(t);
    return v;
}

/* The schema version as stored: PRAGMA user_version, or the one row of
 * crmsim_schema. */
static long long schema_version(const fixture *f)
{
    if (!f->pg)
        return raw_int(f, "PRAGMA user_version");
    assert_int_equal(raw_int(f, "SELECT count(*) FROM crmsim_schema"), 1);
    return raw_int(f, "SELECT version FROM crmsim_schema");
}

static void set_schema_version(const fixture *f, int v)
{
    char *sql = f->pg ? xasprintf("UPDATE crmsim_schema SET version = %d", v)
                      : xasprintf("PRAGMA user_version = %d", v);
    raw_exec(f, sql);
    free(sql);
}

/* Tables in the database (SQLite) or in the test's schema (PostgreSQL). */
static long long count_tables(const fixture *f)
{
    return raw_int(f, f->pg ? "SELECT count(*) FROM pg_tables WHERE schemaname = "
                              "current_schema()"
                            : "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
}

static void write_bytes(const char *path, const void *data, size_t n)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
}

static int count_files(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    assert_non_null(d);
    const struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void assert_contains(const char *hay, const char *needle)
{
    assert_non_null(hay);
    if (!strstr(hay, needle))
        fail_msg("'%s' does not contain '%s'", hay, needle);
}

/* "2026-11-23T15:04:05Z", within a minute of now. */
static void assert_iso_now(const char *t)
{
    assert_non_null(t);
    assert_int_equal(strlen(t), 20);
    struct tm tm = {0};
    const char *end = strptime(t, "%Y-%m-%dT%H:%M:%SZ", &tm);
    assert_non_null(end);
    assert_int_equal(*end, '\0');
    long long d = (long long)timegm(&tm) - (long long)time(NULL);
    assert_true(d > -60 && d < 60);
}

/* Both NULL or equal strings. */
static void assert_same(const char *a, const char *b)
{
    if (!a || !b) {
        if (a || b)
            fail_msg("'%s' and '%s' differ", a ? a : "(null)", b ? b : "(null)");
        return;
    }
    assert_string_equal(a, b);
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

/* Deep copies of what the callbacks saw. */
typedef struct got_session {
    int64_t id;          /* session id */
    char *student;       /* student id */
    char *scenario;      /* scenario id */
    char *scenario_hash; /* scenario hash */
    char *lexicon_hash;  /* lexicon hash */
    int64_t seed;        /* seed */
    char *mode;          /* practice / exam */
    char *started;       /* start time */
    char *ended;         /* end time or NULL */
    char *outcome;       /* outcome or NULL */
    int score;           /* score or -1 */
    int hints;           /* hints */
    int turns;           /* trainee turns */
    char *ended_by;      /* how it ended or NULL */
    char *submission;    /* submission it came from or NULL */
    char *chain;         /* seal or NULL */
    char *head;          /* chain head or NULL */
} got_session;

typedef struct got_turn {
    int n;          /* turn number */
    char *reply;    /* reply or NULL */
    char *customer; /* customer line */
    char *findings; /* findings JSON */
    char *state;    /* state JSON */
    char *chain;    /* chain value or NULL */
    char *created;  /* when it was stored */
} got_turn;

typedef struct got_crit {
    char *id;      /* criterion */
    double points; /* points earned */
    double max;    /* points possible */
} got_crit;

typedef struct got {
    got_session ses[8]; /* sessions seen, in callback order */
    int nses;           /* how many */
    got_turn turn[16];  /* turns seen, in callback order */
    int nturn;          /* how many */
    got_crit crit[8];   /* criteria seen, in callback order */
    int ncrit;          /* how many */
    int stop_after;     /* session callback returns 1 after this many (0 never) */
} got;

static int on_session(const store_session *ses, void *ctx)
{
    got *g = ctx;
    assert_true(g->nses < 8);
    got_session *o = &g->ses[g->nses++];
    o->id = ses->id;
    o->student = dup_or_null(ses->student);
    o->scenario = dup_or_null(ses->scenario);
    o->scenario_hash = dup_or_null(ses->scenario_hash);
    o->lexicon_hash = dup_or_null(ses->lexicon_hash);
    o->seed = ses->seed;
    o->mode = dup_or_null(ses->mode);
    o->started = dup_or_null(ses->started);
    o->ended = dup_or_null(ses->ended);
    o->outcome = dup_or_null(ses->outcome);
    o->score = ses->score;
    o->hints = ses->hints;
    o->turns = ses->turns;
    o->ended_by = dup_or_null(ses->ended_by);
    o->submission = dup_or_null(ses->submission);
    o->chain = dup_or_null(ses->chain);
    o->head = dup_or_null(ses->head);
    return g->stop_after && g->nses >= g->stop_after;
}

static int on_turn(const store_turn *t, void *ctx)
{
    got *g = ctx;
    assert_true(g->nturn < 16);
    got_turn *o = &g->turn[g->nturn++];
    o->n = t->n;
    o->reply = dup_or_null(t->reply);
    o->customer = dup_or_null(t->customer);
    o->findings = dup_or_null(t->findings_json);
    o->state = dup_or_null(t->state_json);
    o->chain = dup_or_null(t->chain);
    o->created = dup_or_null(t->created);
    return 0;
}

static int on_crit(const store_criterion *c, void *ctx)
{
    got *g = ctx;
    assert_true(g->ncrit < 8);
    got_crit *o = &g->crit[g->ncrit++];
    o->id = xstrdup(c->id);
    o->points = c->points;
    o->max = c->max;
    return 0;
}

static void got_release(got *g)
{
    for (int i = 0; i < g->nses; i++) {
        got_session *o = &g->ses[i];
        free(o->student);
        free(o->scenario);
        free(o->scenario_hash);
        free(o->lexicon_hash);
        free(o->mode);
        free(o->started);
        free(o->ended);
        free(o->outcome);
        free(o->ended_by);
        free(o->submission);
        free(o->chain);
        free(o->head);
    }
    for (int i = 0; i < g->nturn; i++) {
        free(g->turn[i].reply);
        free(g->turn[i].customer);
        free(g->turn[i].findings);
        free(g->turn[i].state);
        free(g->turn[i].chain);
        free(g->turn[i].created);
    }
    for (int i = 0; i < g->ncrit; i++)
        free(g->crit[i].id);
    *g = (got){0};
}

/* A session, its turns and its criteria, read through the store. */
static void get_all(store *s, int64_t id, got *g)
{
    char *err = NULL;
    if (store_session_get(s, id, on_session, on_turn, g, &err) != 0 ||
        store_scores(s, id, on_crit, g, &err) != 0)
        fail_msg("reading session %lld: %s", (long long)id, err);
    assert_int_equal(g->nses, 1);
}

static void assert_crit(const got *g, const store_criterion *want, int n)
{
    assert_int_equal(g->ncrit, n);
    for (int i = 0; i < n; i++) {
        assert_string_equal(g->crit[i].id, want[i].id);
        assert_true(g->crit[i].points == want[i].points);
        assert_true(g->crit[i].max == want[i].max);
    }
}

#define SCEN_HASH "5c0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6"
#define LEX_HASH "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"
#define LEX_HASH2 "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"

static int64_t begin_session(store *s, const char *student, int64_t seed)
{
    store_session ses = {
        .student = student,
        .scenario = "bank-card",
        .scenario_hash = SCEN_HASH,
        .lexicon_hash = LEX_HASH,
        .seed = seed,
        .mode = "practice",
        .score = -1,
    };
    char *err = NULL;
    if (store_session_begin(s, &ses, &err) != 0)
        fail_msg("store_session_begin: %s", err);
    assert_true(ses.id > 0);
    return ses.id;
}

static void add_turn_ok(store *s, int64_t id, int n, const char *reply,
                        const char *customer, int hints)
{
    store_turn t = {
        .n = n,
        .reply = reply,
        .customer = customer,
        .findings_json = "[]",
        .state_json = "{}",
    };
    char *err = NULL;
    if (store_turn_add(s, id, &t, hints, &err) != 0)
        fail_msg("store_turn_add %d: %s", n, err);
}

static const store_criterion CRIT4[] = {
    {"language", 10.0, 25.0},
    {"empathy", 20.5, 25.0},
    {"steps", 25.0, 30.0},
    {"outcome", 20.0, 20.0},
};

static void end_ok(store *s, int64_t id, int score)
{
    char *err = NULL;
    if (store_session_end(s, id, "resolved", score, 0, "replies", NULL, CRIT4, 4, &err) != 0)
        fail_msg("store_session_end: %s", err);
}

/* ---- tests on both backends -------------------------------------------- */

static void test_create_reopen(void **state)
{
    fixture *f = fx(state);
    char *err = NULL;
    store *s = open_ok(f);
    assert_string_equal(store_where(s), f->path);
    assert_int_equal(store_ensure_student(s, "s001", &err), 0);
    assert_int_equal(store_ensure_student(s, "s001", &err), 0);
    assert_int_equal(store_ensure_scenario(s, "bank-card", SCEN_HASH,
                                           "银行卡被吞", &err), 0);
    assert_int_equal(store_ensure_scenario(s, "bank-card", SCEN_HASH,
                                           "another title", &err), 0);
    int64_t id = begin_session(s, "s001", 42);
    add_turn_ok(s, id, 0, NULL, "我的卡被吞了！", 0);
    store_close(s);

    assert_int_equal(schema_version(f), store_schema_version());
    if (!f->pg) {
        char *mode = raw_text(f, "PRAGMA journal_mode");
        assert_string_equal(mode, "wal");
        free(mode);
    }
    char *title = raw_text(f, "SELECT title FROM scenarios");
    assert_string_equal(title, "银行卡被吞");
    free(title);

    s = open_ok(f);
    got g = {0};
    assert_int_equal(store_session_get(s, id, on_session, on_turn, &g, &err),
                     0);
    assert_int_equal(g.nses, 1);
    assert_int_equal(g.ses[0].seed, 42);
    assert_string_equal(g.ses[0].student, "s001");
    assert_int_equal(g.nturn, 1);
    assert_string_equal(g.turn[0].customer, "我的卡被吞了！");
    got_release(&g);
    store_close(s);
    assert_int_equal(schema_version(f), store_schema_version());
    assert_int_equal(raw_int(f, "SELECT count(*) FROM students"), 1);
    store_close(NULL);
}

/* An empty file, or an empty schema, gets every table and index. */
static void test_migrate_empty(void **state)
{
    fixture *f = fx(state);
    if (!f->pg)
        write_bytes(f->path, "", 0);
    store *s = open_ok(f);
    store_close(s);
    assert_int_equal(schema_version(f), store_schema_version());
    const char *tables = f->pg
        ? "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename IN "
          "('students', 'scenarios', 'sessions', 'turns', 'scores')"
        : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
          "('students', 'scenarios', 'sessions', 'turns', 'scores')";
    const char *indexes = f->pg
        ? "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname IN "
          "('sessions_by_student', 'sessions_by_scenario', 'sessions_by_submission')"
        : "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
          "('sessions_by_student', 'sessions_by_scenario', 'sessions_by_submission')";
    assert_int_equal(raw_int(f, tables), 5);
    assert_int_equal(raw_int(f, indexes), 3);
    /* A second open finds nothing to do. */
    s = open_ok(f);
    store_close(s);
    assert_int_equal(schema_version(f), store_schema_version());
    assert_int_equal(raw_int(f, tables), 5);
}

/* Schema version 1 as the first release wrote it, in each dialect; a
 * migration must never need these to change. */
static const char V1_SQLITE[] =
    "CREATE TABLE students(id TEXT PRIMARY KEY, name TEXT, class TEXT, created TEXT);"
    "CREATE TABLE scenarios(id TEXT, hash TEXT, title TEXT, first_seen TEXT,"
    "  PRIMARY KEY(id, hash));"
    "CREATE TABLE sessions(id INTEGER PRIMARY KEY,"
    "  student TEXT NOT NULL REFERENCES students(id), scenario TEXT NOT NULL,"
    "  scenario_hash TEXT NOT NULL, lexicon_hash TEXT NOT NULL, seed INTEGER NOT NULL,"
    "  mode TEXT NOT NULL CHECK(mode IN ('practice','exam')), started TEXT NOT NULL,"
    "  ended TEXT, outcome TEXT, score INTEGER, hints INTEGER NOT NULL DEFAULT 0,"
    "  FOREIGN KEY(scenario, scenario_hash) REFERENCES scenarios(id, hash));"
    "CREATE INDEX sessions_by_student ON sessions(student, id);"
    "CREATE INDEX sessions_by_scenario ON sessions(scenario, scenario_hash);"
    "CREATE TABLE turns(session INTEGER NOT NULL REFERENCES sessions(id),"
    "  n INTEGER NOT NULL, reply TEXT, customer TEXT NOT NULL, findings TEXT NOT NULL,"
    "  state TEXT NOT NULL, created TEXT NOT NULL, PRIMARY KEY(session, n));"
    "CREATE TABLE scores(session INTEGER NOT NULL REFERENCES sessions(id),"
    "  criterion TEXT NOT NULL, points REAL NOT NULL, max REAL NOT NULL,"
    "  PRIMARY KEY(session, criterion));"
    "PRAGMA user_version = 1;";

static const char V1_PG[] =
    "CREATE TABLE students(id TEXT PRIMARY KEY, name TEXT, class TEXT, created TEXT);"
    "CREATE TABLE scenarios(id TEXT, hash TEXT, title TEXT, first_seen TEXT,"
    "  PRIMARY KEY(id, hash));"
    "CREATE TABLE sessions(id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    "  student TEXT NOT NULL REFERENCES students(id), scenario TEXT NOT NULL,"
    "  scenario_hash TEXT NOT NULL, lexicon_hash TEXT NOT NULL, seed BIGINT NOT NULL,"
    "  mode TEXT NOT NULL CHECK(mode IN ('practice','exam')), started TEXT NOT NULL,"
    "  ended TEXT, outcome TEXT, score INTEGER, hints INTEGER NOT NULL DEFAULT 0,"
    "  FOREIGN KEY(scenario, scenario_hash) REFERENCES scenarios(id, hash));"
    "CREATE INDEX sessions_by_student ON sessions(student, id);"
    "CREATE INDEX sessions_by_scenario ON sessions(scenario, scenario_hash);"
    "CREATE TABLE turns(session BIGINT NOT NULL REFERENCES sessions(id),"
    "  n INTEGER NOT NULL, reply TEXT, customer TEXT NOT NULL, findings TEXT NOT NULL,"
    "  state TEXT NOT NULL, created TEXT NOT NULL, PRIMARY KEY(session, n));"
    "CREATE TABLE scores(session BIGINT NOT NULL REFERENCES sessions(id),"
    "  criterion TEXT NOT NULL, points DOUBLE PRECISION NOT NULL,"
    "  max DOUBLE PRECISION NOT NULL, ord BIGINT GENERATED ALWAYS AS IDENTITY,"
    "  PRIMARY KEY(session, criterion));"
    "CREATE TABLE crmsim_schema(version INTEGER NOT NULL);"
    "INSERT INTO crmsim_schema VALUES(1);";

/* A version-1 database with a session in it is brought to the latest
 * version: the old session reads back unchanged (new columns empty), and
 * what the new version adds works on it. */
static void test_migrate_v1(void **state)
{
    fixture *f = fx(state);
    raw_exec(f, f->pg ? V1_PG : V1_SQLITE);
    raw_exec(f, "INSERT INTO students VALUES('s001', '张三', '1班', '2025-09-01T08:00:00Z');"
                "INSERT INTO scenarios VALUES('bank-card', '" SCEN_HASH "', '银行卡', "
                "'2025-09-01T08:00:00Z');"
                "INSERT INTO sessions(student, scenario, scenario_hash, lexicon_hash, seed, "
                "mode, started, ended, outcome, score, hints) VALUES('s001', 'bank-card', '"
                SCEN_HASH "', '" LEX_HASH "', 7, 'practice', '2025-09-01T08:01:00Z', "
                "'2025-09-01T08:05:00Z', 'resolved', 80, 1);"
                "INSERT INTO turns SELECT id, 0, NULL, '您好', '[]', '{}', "
                "'2025-09-01T08:01:00Z' FROM sessions;"
                "INSERT INTO turns SELECT id, 1, '抱歉', '好吧', '[]', '{}', "
                "'2025-09-01T08:02:00Z' FROM sessions;"
                "INSERT INTO scores(session, criterion, points, max) SELECT id, 'language', "
                "20, 25 FROM sessions;"
                "INSERT INTO scores(session, criterion, points, max) SELECT id, 'empathy', "
                "15.5, 25 FROM sessions;");
    int64_t old = raw_int(f, "SELECT id FROM sessions");
    assert_int_equal(schema_version(f), 1);

    store *s = open_ok(f);
    assert_int_equal(schema_version(f), store_schema_version());
    got g = {0};
    get_all(s, old, &g);
    assert_string_equal(g.ses[0].student, "s001");
    assert_string_equal(g.ses[0].started, "2025-09-01T08:01:00Z");
    assert_string_equal(g.ses[0].ended, "2025-09-01T08:05:00Z");
    assert_string_equal(g.ses[0].outcome, "resolved");
    assert_int_equal(g.ses[0].score, 80);
    assert_int_equal(g.ses[0].hints, 1);
    assert_int_equal(g.ses[0].turns, 1);
    assert_null(g.ses[0].ended_by);
    assert_null(g.ses[0].submission);
    assert_null(g.ses[0].chain);
    assert_null(g.ses[0].head);
    assert_int_equal(g.nturn, 2);
    assert_null(g.turn[0].reply);
    assert_string_equal(g.turn[1].reply, "抱歉");
    assert_string_equal(g.turn[1].created, "2025-09-01T08:02:00Z");
    assert_null(g.turn[1].chain);
    static const store_criterion crit[] = {{"language", 20, 25}, {"empathy", 15.5, 25}};
    assert_crit(&g, crit, 2);
    got_release(&g);

    /* The student was not enrolled before rosters existed. */
    char *err = NULL;
    int added = -1, updated = -1;
    static const store_student row = {"s001", "张三", "1班"};
    assert_int_equal(store_roster_import(s, &row, 1, &added, &updated, &err), 0);
    assert_int_equal(added, 1);
    assert_int_equal(updated, 0);
    /* New sessions take ids after the old one and carry chains. */
    int64_t id = begin_session(s, "s001", 8);
    assert_true(id > old);
    store_turn t = {0, NULL, "您好", "[]", "{}", "chain-0", NULL};
    assert_int_equal(store_turn_add(s, id, &t, 0, &err), 0);
    get_all(s, id, &g);
    assert_string_equal(g.turn[0].chain, "chain-0");
    got_release(&g);
    int n = -1;
    assert_int_equal(store_count_sessions(s, "s001", "bank-card", "practice", &n, &err), 0);
    assert_int_equal(n, 2);
    assert_null(err);
    store_close(s);
}

static void test_refuse_newer(void **state)
{
    fixture *f = fx(state);
    store *s = open_ok(f);
    begin_session(s, "s001", 1);
    store_close(s);
    int newer = store_schema_version() + 1;
    set_schema_version(f, newer);

    char *want = xasprintf("database '%s' was written by a newer crmsim "
                           "(schema %d, this build knows %d); upgrade crmsim",
                           f->path, newer, store_schema_version());
    char *err = NULL;
    s = (store *)&s; /* must be reset to NULL */
    assert_int_equal(store_open(f->path, &s, &err), -1);
    assert_null(s);
    assert_string_equal(err, want);
    free(want);
    free(err);
    assert_int_equal(schema_version(f), newer);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM sessions"), 1);
}

/* A database holding another program's tables is refused and left as it
 * was. In an SQLite file any table is another program's; on a server,
 * where a schema may hold other applications' tables, only tables by
 * crmsim's names without crmsim's schema version. */
static void test_foreign_database(void **state)
{
    fixture *f = fx(state);
    raw_exec(f, "CREATE TABLE contacts(name TEXT, phone TEXT)");
    if (!f->pg) {
        open_refused(f, "is not a crmsim database");
        assert_int_equal(count_tables(f), 1);
    }
    raw_exec(f, "CREATE TABLE sessions(token TEXT, expires TEXT)");
    open_refused(f, "is not a crmsim database");
    assert_int_equal(count_tables(f), 2);
    if (f->pg) {
        assert_int_equal(raw_int(f, "SELECT count(*) FROM pg_class c JOIN pg_namespace n "
                                    "ON n.oid = c.relnamespace WHERE n.nspname = "
                                    "current_schema()"), 2);
    } else {
        char *mode = raw_text(f, "PRAGMA journal_mode");
        assert_string_equal(mode, "delete"); /* not switched to WAL */
        free(mode);
    }
}

static void test_lifecycle(void **state)
{
    fixture *f = fx(state);
    store *s = open_ok(f);
    char *err = NULL;
    store_session ses = {
        .student = "s001",
        .scenario = "bank-card",
        .scenario_hash = SCEN_HASH,
        .lexicon_hash = LEX_HASH,
        .seed = -1234567890123LL,
        .mode = "exam",
        .score = -1,
        .head = "head-1",
    };
    assert_int_equal(store_session_begin(s, &ses, &err), 0);
    assert_null(err);
    int64_t id = ses.id;
    assert_true(id > 0);

    static const store_turn turns[] = {
        {0, NULL, "我的卡被 ATM 吞了，你们怎么回事？", "[]",
         "{\"mood\":-2,\"patience\":5}", "c0", NULL},
        {1, "这个不归我们管。", "什么？那归谁管？",
         "[{\"id\":\"not-my-job\",\"category\":\"推诿\"}]",
         "{\"mood\":-4,\"patience\":3}", "c1", NULL},
        {2, "非常抱歉给您带来不便，我马上帮您联系网点。", "那要多久？", "[]",
         "{\"mood\":-1,\"patience\":4,\"steps\":[\"apologize\",\"own\"]}", NULL, NULL},
        {3, "今天下午五点前给您回电话。", "好吧，我等你电话。", "[]",
         "{\"mood\":1,\"patience\":5,\"steps\":[\"deadline\"]}", "c3",
         "1999-01-01T00:00:00Z" /* ignored: the store stamps the time */},
    };
    for (int i = 0; i < 4; i++) {
        assert_int_equal(store_turn_add(s, id, &turns[i], i >= 2 ? 1 : 0,
                                        &err), 0);
        assert_null(err);
    }
    assert_int_equal(store_session_end(s, id, "resolved", 76, 2, "replies", "seal-1", CRIT4, 4,
                                       &err), 0);
    assert_null(err);

    got g = {0};
    assert_int_equal(store_sessions(s, NULL, 0, on_session, &g, &err), 0);
    assert_int_equal(g.nses, 1);
    const got_session *o = &g.ses[0];
    assert_int_equal(o->id, id);
    assert_string_equal(o->student, "s001");
    assert_string_equal(o->scenario, "bank-card");
    assert_string_equal(o->scenario_hash, SCEN_HASH);
    assert_string_equal(o->lexicon_hash, LEX_HASH);
    assert_true(o->seed == -1234567890123LL);
    assert_string_equal(o->mode, "exam");
    assert_iso_now(o->started);
    assert_iso_now(o->ended);
    assert_true(strcmp(o->started, o->ended) <= 0);
    assert_string_equal(o->outcome, "resolved");
    assert_int_equal(o->score, 76);
    assert_int_equal(o->hints, 2); /* store_session_end sets the final count */
    assert_int_equal(o->turns, 3);
    assert_string_equal(o->ended_by, "replies");
    assert_null(o->submission);
    assert_string_equal(o->chain, "seal-1");
    assert_string_equal(o->head, "head-1");
    got_release(&g);

    get_all(s, id, &g);
    assert_int_equal(g.ses[0].id, id);
    assert_int_equal(g.ses[0].turns, 3);
    assert_string_equal(g.ses[0].outcome, "resolved");
    assert_int_equal(g.nturn, 4);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(g.turn[i].n, turns[i].n);
        assert_same(g.turn[i].reply, turns[i].reply);
        assert_string_equal(g.turn[i].customer, turns[i].customer);
        assert_string_equal(g.turn[i].findings, turns[i].findings_json);
        assert_string_equal(g.turn[i].state, turns[i].state_json);
        assert_same(g.turn[i].chain, turns[i].chain);
        assert_iso_now(g.turn[i].created);
        assert_true(i == 0 || strcmp(g.turn[i - 1].created, g.turn[i].created) <= 0);
    }
    assert_crit(&g, CRIT4, 4); /* in the order given */
    got_release(&g);

    /* A callback that says stop gets no turns. */
    g.stop_after = 1;
    assert_int_equal(store_session_get(s, id, on_session, on_turn, &g, &err), 0);
    assert_int_equal(g.nses, 1);
    assert_int_equal(g.nturn, 0);
    got_release(&g);
    store_close(s);

    char *first = raw_text(f, "SELECT first_seen FROM scenarios");
    assert_iso_now(first);
    free(first);
}

static void test_sessions_filter_limit(void **state)
{
    fixture *f = fx(state);
    store *s = open_ok(f);
    char *err = NULL;
    int64_t a1 = begin_session(s, "s001", 1);
    int64_t b1 = begin_session(s, "s002", 2);
    int64_t a2 = begin_session(s, "s001", 3);
    int64_t a3 = begin_session(s, "s001", 4);
    add_turn_ok(s, a2, 0, NULL, "hello", 0);
    add_turn_ok(s, a2, 1, "hi", "ok", 0);

    got g = {0};
    assert_int_equal(store_sessions(s, NULL, 0, on_session, &g, &err), 0);
    assert_int_equal(g.nses, 4);
    assert_int_equal(g.ses[0].id, a3);
    assert_int_equal(g.ses[1].id, a2);
    assert_int_equal(g.ses[2].id, b1);
    assert_int_equal(g.ses[3].id, a1);
    assert_int_equal(g.ses[1].turns, 1);
    assert_int_equal(g.ses[0].turns, 0);
    assert_null(g.ses[0].ended);
    assert_null(g.ses[0].outcome);
    assert_int_equal(g.ses[0].score, -1);
    got_release(&g);

    assert_int_equal(store_sessions(s, "s001", 2, on_session, &g, &err), 0);
    assert_int_equal(g.nses, 2);
    assert_int_equal(g.ses[0].id, a3);
    assert_int_equal(g.ses[1].id, a2);
    got_release(&g);

    assert_int_equal(store_sessions(s, NULL, 3, on_session, &g, &err), 0);
    assert_int_equal(g.nses, 3);
    assert_int_equal(g.ses[2].id, b1);
    got_release(&g);

    assert_int_equal(store_sessions(s, "s002", 0, on_session, &g, &err), 0);
    assert_int_equal(g.nses, 1);
    assert_int_equal(g.ses[0].id, b1);
    got_release(&g);

    assert_int_equal(store_sessions(s, "nobody", 0, on_session, &g, &err), 0);
    assert_int_equal(g.nses, 0);

    g.stop_after = 1; /* a non-zero return stops the walk, no error */
    assert_int_equal(store_sessions(s, NULL, 0, on_session, &g, &err), 0);
    assert_int_equal(g.nses, 1);
    got_release(&g);
    assert_null(err);

    /* The store is still usable after a walk that was stopped. */
    add_turn_ok(s, a3, 0, NULL, "again", 0);
    assert_int_equal(store_sessions(s, "s001", 1, on_session, &g, &err), 0);
    assert_int_equal(g.ses[0].id, a3);
    got_release(&g);
    store_close(s);
}

static void test_missing_session(void **state)
{
    fixture *f = fx(state);
    store *s = open_ok(f);
    char *err = NULL;
    got g = {0};
    assert_int_equal(store_session_get(s, 999, on_session, on_turn, &g, &err),
                     -1);
    assert_string_equal(err, "no session 999");
    assert_int_equal(g.nses, 0);
    free(err);
    err = NULL;

    store_turn t = {1, "hi", "hello", "[]", "{}", NULL, NULL};
    assert_int_equal(store_turn_add(s, 999, &t, 0, &err), -1);
    assert_string_equal(err, "no session 999");
    free(err);
    err = NULL;
    assert_int_equal(store_session_end(s, 999, "resolved", 50, 0, "replies", NULL, NULL, 0, &err),
                     -1);
    assert_string_equal(err, "no session 999");
    free(err);
    err = NULL;

    store_session bad = {.student = "s001", .scenario = "x",
                         .scenario_hash = "h", .lexicon_hash = "l",
                         .mode = "quiz"};
    assert_int_equal(store_session_begin(s, &bad, &err), -1);
    assert_contains(err, "unknown session mode 'quiz'");
    free(err);
    err = NULL;
    assert_int_equal(raw_int(f, "SELECT count(*) FROM students"), 0);

    /* Reading the scores of a missing session is an empty list. */
    assert_int_equal(store_scores(s, 999, on_crit, &g, &err), 0);
    assert_int_equal(g.ncrit, 0);
    store_close(s);
}

static void test_duplicate_turn(void **state)
{
    fixture *f = fx(state);
    store *s = open_ok(f);
    char *err = NULL;
    int64_t id = begin_session(s, "s001", 7);
    add_turn_ok(s, id, 0, NULL, "opening", 0);
    add_turn_ok(s, id, 1, "first", "answer one", 1);
    add_turn_ok(s, id, 2, "second", "answer two", 2);

    store_turn dup = {1, "first again", "different", "[]", "{\"x\":1}", NULL, NULL};
    assert_int_equal(store_turn_add(s, id, &dup, 9, &err), -1);
    assert_contains(err, "turn 1 of session");
    assert_contains(err, "already stored");
    free(err);
    err = NULL;

    got g = {0};
    assert_int_equal(store_session_get(s, id, on_session, on_turn, &g, &err),
                     0);
    assert_int_equal(g.ses[0].hints, 2); /* the failed add changed nothing */
    assert_int_equal(g.ses[0].turns, 2);
    assert_int_equal(g.nturn, 3);
    assert_int_equal(g.turn[1].n, 1);
    assert_string_equal(g.turn[1].reply, "first");
    assert_string_equal(g.turn[1].customer, "answer one");
    assert_string_equal(g.turn[1].state, "{}");
    assert_string_equal(g.turn[2].reply, "second");
    got_release(&g);

    /* The store stays usable after the failure. */
    add_turn_ok(s, id, 3, "third", "answer three", 2);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM turns"), 4);
    store_close(s);
}

/* store_session_open: the row, the scenario's title and the opening turn
 * in one transaction; a refused row leaves no opening turn behind. */
static void test_session_open(void **state)
{
    fixture *f = fx(state);
    store *s = open_ok(f);
    char *err = NULL;
    store_session ses = { .student = "s001", .scenario = "bank-card",
                          .scenario_hash = SCEN_HASH, .lexicon_hash = LEX_HASH, .seed = 3,
                          .mode = "practice", .score = -1, .submission = "feed" };
    store_turn t0 = { 0, NULL, "您好，我的卡丢了", "{}", "{\"mood\":30}", "c0", NULL };
    assert_int_equal(store_session_open(s, &ses, "王先生：卡", &t0, &err), 0);
    assert_true(ses.id > 0);
    got g = {0};
    assert_int_equal(store_session_get(s, ses.id, on_session, on_turn, &g, &err), 0);
    assert_int_equal(g.nturn, 1);
    assert_int_equal(g.turn[0].n, 0);
    assert_string_equal(g.turn[0].customer, "您好，我的卡丢了");
    assert_string_equal(g.turn[0].state, "{\"mood\":30}");
    got_release(&g);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM scenarios WHERE title = '王先生：卡'"), 1);

    /* The same submitted session again: the row is refused, and its
     * opening turn is not stored either. */
    store_session again = ses;
    again.id = 0;
    assert_int_equal(store_session_open(s, &again, "王先生：卡", &t0, &err), -1);
    assert_contains(err, "already in the database");
    free(err);
    err = NULL;
    /* An opening turn without its state is refused before anything is written. */
    store_turn bad = t0;
    bad.state_json = NULL;
    ses.submission = NULL;
    assert_int_equal(store_session_open(s, &ses, NULL, &bad, &err), -1);
    assert_contains(err, "missing");
    free(err);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM sessions"), 1);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM turns"), 1);
    store_close(s);
}

static void test_end_rollback(void **state)
{
    fixture *f = fx(state);
    store *s = open_ok(f);
    char *err = NULL;
    int64_t id = begin_session(s, "s001", 7);
    add_turn_ok(s, id, 0, NULL, "opening", 0);
    add_turn_ok(s, id, 1, "reply", "answer", 0);

    static const store_criterion bad[] = {
        {"language", 10, 25},
        {"empathy", 10, 25},
        {"language", 5, 25},
        {"outcome", 20, 25},
    };
    assert_int_equal(store_session_end(s, id, "resolved", 45, 0, "replies", NULL, bad, 4, &err),
                     -1);
    assert_contains(err, "criterion 'language' given twice");
    free(err);
    err = NULL;

    got g = {0};
    assert_int_equal(store_sessions(s, NULL, 0, on_session, &g, &err), 0);
    assert_int_equal(g.nses, 1);
    assert_null(g.ses[0].ended);
    assert_null(g.ses[0].outcome);
    assert_int_equal(g.ses[0].score, -1);
    got_release(&g);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM scores"), 0);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM sessions WHERE "
                                "ended IS NULL"), 1);

    /* Still open: more turns and a correct end work. */
    add_turn_ok(s, id, 2, "more", "fine", 0);
    static const store_criterion good[] = {
        {"language", 10, 25},
        {"empathy", 10, 25},
        {"steps", 5, 25},
        {"outcome", 20, 25},
    };
    assert_int_equal(store_session_end(s, id, "resolved", 45, 0, "replies", NULL, good, 4, &err),
                     0);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM scores"), 4);

    /* A scored session does not change any more. */
    store_turn late = {3, "late", "too late", "[]", "{}", NULL, NULL};
    assert_int_equal(store_turn_add(s, id, &late, 0, &err), -1);
    assert_contains(err, "has already ended");
    free(err);
    err = NULL;
    assert_int_equal(store_session_end(s, id, "churned", 10, 0, "replies", NULL, good, 4, &err),
                     -1);
    assert_contains(err, "has already ended");
    free(err);
    err = NULL;
    assert_int_equal(raw_int(f, "SELECT score FROM sessions"), 45);
    store_close(s);
}

#define CONC_TURNS 200

/* Child process body: waits on the start pipe, opens the store, then
 * writes its own session of nturns trainee turns. Returns the exit
 * status. */
static int writer(const char *path, const char *student, int startfd,
                  int nturns)
{
    char c;
    if (read(startfd, &c, 1) != 0) /* blocks until the parent closes */
        return 10;
    store *s = NULL;
    char *err = NULL;
    int ret = 11;
    if (store_open(path, &s, &err) != 0)
        goto done;
    store_session ses = {.student = student, .scenario = "bank-card",
                         .scenario_hash = SCEN_HASH,
                         .lexicon_hash = LEX_HASH, .seed = 1,
                         .mode = "practice", .score = -1};
    ret = 12;
    if (store_session_begin(s, &ses, &err) != 0)
        goto done;
    for (int n = 1; n <= nturns; n++) {
        char *reply = xasprintf("%s reply %d", student, n);
        store_turn t = {n, reply, "customer", "[]", "{}", NULL, NULL};
        int rc = store_turn_add(s, ses.id, &t, n, &err);
        free(reply);
        ret = 13;
        if (rc != 0)
            goto done;
    }
    ret = 0;
done:
    if (err)
        fprintf(stderr, "writer %s: error: %s\n", student, err);
    free(err);
    store_close(s);
    return ret;
}

/* Forks nproc writers (students w000, w001, ...), releases them at once
 * and expects every one to exit 0. The children never touch the parent's
 * connections and leave by _exit. */
static void run_writers(const fixture *f, int nproc, int nturns)
{
    int fds[2];
    pid_t pid[16];
    assert_true(nproc <= 16);
    fflush(NULL);
    assert_int_equal(pipe(fds), 0);
    for (int i = 0; i < nproc; i++) {
        pid[i] = fork();
        assert_true(pid[i] >= 0);
        if (pid[i] == 0) {
            close(fds[1]);
            char *student = xasprintf("w%03d", i);
            int rc = writer(f->path, student, fds[0], nturns);
            free(student);
            _exit(rc);
        }
    }
    close(fds[0]);
    close(fds[1]); /* EOF releases every child at once */
    int bad = -1, status[16];
    for (int i = 0; i < nproc; i++) {
        assert_int_equal(waitpid(pid[i], &status[i], 0), pid[i]);
        if (bad < 0 && !(WIFEXITED(status[i]) && WEXITSTATUS(status[i]) == 0))
            bad = i;
    }
    if (bad >= 0)
        fail_msg("writer w%03d %s %d (11: store_open failed, 12: session_begin, "
                 "13: turn_add; the writers' messages are above)", bad,
                 WIFEXITED(status[bad]) ? "exited with" : "was killed by signal",
                 WIFEXITED(status[bad]) ? WEXITSTATUS(status[bad]) : WTERMSIG(status[bad]));
}

static void test_concurrent_writers(void **state)
{
    fixture *f = fx(state);
    store *s = open_ok(f); /* create the schema before the race */
    store_close(s);
    run_writers(f, 2, CONC_TURNS);

    assert_int_equal(raw_int(f, "SELECT count(*) FROM turns"),
                     2 * CONC_TURNS);
    s = open_ok(f);
    char *err = NULL;
    got g = {0};
    assert_int_equal(store_sessions(s, NULL, 0, on_session, &g, &err), 0);
    assert_int_equal(g.nses, 2);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(g.ses[i].turns, CONC_TURNS);
        assert_int_equal(g.ses[i].hints, CONC_TURNS);
    }
    assert_string_not_equal(g.ses[0].student, g.ses[1].student);
    got_release(&g);
    store_close(s);
}

/* Several crmsims starting at once on a database that does not exist yet
 * (an empty schema): one creates the schema, the others wait for it,
 * nobody fails. */
static void test_concurrent_create(void **state)
{
    fixture *f = fx(state);
    run_writers(f, 8, 3);
    assert_int_equal(schema_version(f), store_schema_version());
    assert_int_equal(raw_int(f, "SELECT count(*) FROM sessions"), 8);
    assert_int_equal(raw_int(f, "SELECT count(DISTINCT student) FROM "
                                "sessions"), 8);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM turns"), 24);
}

static void test_regrade(void **state)
{
    fixture *f = fx(state);
    store *s = open_ok(f);
    char *err = NULL;
    int64_t id = begin_session(s, "s001", 3);
    add_turn_ok(s, id, 0, NULL, "opening", 0);
    add_turn_ok(s, id, 1, "reply", "answer", 0);
    int64_t open = begin_session(s, "s001", 4);
    end_ok(s, id, 76);

    static const store_criterion re[] = {
        {"outcome", 20.0, 20.0},
        {"language", 22.25, 25.0},
        {"steps", 25.0, 30.0},
        {"empathy", 15.0, 25.0},
    };
    assert_int_equal(store_session_regrade(s, id, 82, LEX_HASH2, re, 4, &err), 0);
    assert_null(err);
    got g = {0};
    get_all(s, id, &g);
    assert_int_equal(g.ses[0].score, 82);
    assert_string_equal(g.ses[0].lexicon_hash, LEX_HASH2);
    assert_string_equal(g.ses[0].outcome, "resolved");
    assert_int_equal(g.nturn, 2);
    assert_crit(&g, re, 4); /* replaced, in the new order */
    got_release(&g);

    /* Only an ended session can be regraded; a failure changes nothing. */
    assert_int_equal(store_session_regrade(s, open, 50, LEX_HASH2, re, 4, &err), -1);
    char *want = xasprintf("session %lld is not an ended session", (long long)open);
    assert_string_equal(err, want);
    free(want);
    free(err);
    err = NULL;
    assert_int_equal(store_session_regrade(s, 999, 50, LEX_HASH2, re, 4, &err), -1);
    assert_string_equal(err, "session 999 is not an ended session");
    free(err);
    err = NULL;
    static const store_criterion twice[] = {{"language", 1, 25}, {"language", 2, 25}};
    assert_int_equal(store_session_regrade(s, id, 10, LEX_HASH, twice, 2, &err), -1);
    assert_contains(err, "criterion 'language' given twice");
    free(err);
    err = NULL;
    assert_int_equal(store_session_regrade(s, id, 101, LEX_HASH, re, 4, &err), -1);
    assert_contains(err, "outside 0..100");
    free(err);
    err = NULL;
    get_all(s, open, &g);
    assert_int_equal(g.ses[0].score, -1);
    assert_string_equal(g.ses[0].lexicon_hash, LEX_HASH);
    assert_int_equal(g.ncrit, 0);
    got_release(&g);
    get_all(s, id, &g);
    assert_int_equal(g.ses[0].score, 82);
    assert_string_equal(g.ses[0].lexicon_hash, LEX_HASH2);
    assert_crit(&g, re, 4);
    got_release(&g);
    store_close(s);
}

/* Deep copies of roster rows. */
typedef struct roster_got {
    char *row[8]; /* "id|name|class" with "-" for NULL */
    int n;        /* how many */
} roster_got;

static int on_student(const store_student *st, void *ctx)
{
    roster_got *r = ctx;
    assert_true(r->n < 8);
    r->row[r->n++] = xasprintf("%s|%s|%s", st->id, st->name ? st->name : "-",
                               st->klass ? st->klass : "-");
    return 0;
}

static void roster_expect(store *s, const char *klass, const char *const *want, int n)
{
    roster_got r = {0};
    char *err = NULL;
    if (store_roster(s, klass, on_student, &r, &err) != 0)
        fail_msg("store_roster: %s", err);
    for (int i = 0; i < r.n && i < n; i++)
        if (strcmp(r.row[i], want[i]) != 0)
            fail_msg("roster row %d is '%s', want '%s'", i, r.row[i], want[i]);
    assert_int_equal(r.n, n);
    for (int i = 0; i < r.n; i++)
        free(r.row[i]);
}

/* store_batch_begin/end: writes in one commit; a write that fails inside
 * the batch undoes only itself; ending without commit keeps nothing (on
 * SQLite; PostgreSQL commits each write on its own). */
static void test_batch(void **state)
{
    fixture *f = fx(state);
    store *s = open_ok(f);
    char *err = NULL;
    int64_t a = begin_session(s, "s001", 1), b = begin_session(s, "s002", 2);
    end_ok(s, a, 70);
    end_ok(s, b, 71);
    static const store_criterion re[] = {{"language", 5, 25}, {"empathy", 6, 25},
                                         {"steps", 7, 30}, {"outcome", 8, 20}};
    static const store_criterion twice[] = {{"language", 1, 25}, {"language", 2, 25}};
    assert_int_equal(store_batch_begin(s, &err), 0);
    assert_int_equal(store_session_regrade(s, a, 26, LEX_HASH2, re, 4, &err), 0);
    assert_int_equal(store_session_regrade(s, b, 10, LEX_HASH2, twice, 2, &err), -1);
    assert_contains(err, "criterion 'language' given twice");
    free(err);
    err = NULL;
    assert_int_equal(store_batch_end(s, 1, &err), 0);
    got g = {0};
    get_all(s, a, &g);
    assert_int_equal(g.ses[0].score, 26);
    assert_crit(&g, re, 4);
    got_release(&g);
    get_all(s, b, &g); /* the failed write undid its UPDATE and DELETE */
    assert_int_equal(g.ses[0].score, 71);
    assert_string_equal(g.ses[0].lexicon_hash, LEX_HASH);
    assert_crit(&g, CRIT4, 4);
    got_release(&g);

    if (strcmp(store_backend(s), "sqlite") == 0) {
        assert_int_equal(store_batch_begin(s, &err), 0);
        assert_int_equal(store_session_regrade(s, b, 5, LEX_HASH2, re, 4, &err), 0);
        assert_int_equal(store_batch_end(s, 0, &err), 0);
        get_all(s, b, &g);
        assert_int_equal(g.ses[0].score, 71);
        got_release(&g);
    }
    /* Writes outside a batch commit on their own again. */
    assert_int_equal(store_session_regrade(s, b, 44, LEX_HASH2, re, 4, &err), 0);
    get_all(s, b, &g);
    assert_int_equal(g.ses[0].score, 44);
    got_release(&g);
    store_close(s);
}

static void test_roster_import(void **state)
{
    fixture *f = fx(state);
    store *s = open_ok(f);
    char *err = NULL;
    int added = -1, updated = -1;
    /* Students who played before they were on a roster. */
    assert_int_equal(store_ensure_student(s, "s003", &err), 0);
    assert_int_equal(store_ensure_student(s, "s009", &err), 0);

    static const store_student first[] = {
        {"s002", "李四", "2班"},
        {"s001", "张三", "1班"},
        {"s003", "王五", "1班"},
    };
    assert_int_equal(store_roster_import(s, first, 3, &added, &updated, &err), 0);
    assert_int_equal(added, 3);
    assert_int_equal(updated, 0);
    static const char *const all1[] = {"s001|张三|1班", "s003|王五|1班", "s002|李四|2班"};
    roster_expect(s, NULL, all1, 3);

    /* Again: a changed name is taken, an empty one or an empty class keeps
     * what is known; s009 is enrolled without a class. */
    static const store_student second[] = {
        {"s001", "张叁", ""},
        {"s002", "", "3班"},
        {"s009", "赵六", NULL},
    };
    assert_int_equal(store_roster_import(s, second, 3, &added, &updated, &err), 0);
    assert_int_equal(added, 1);
    assert_int_equal(updated, 2);
    /* By class, then id; a student without a class comes first. */
    static const char *const all2[] = {"s009|赵六|-", "s001|张叁|1班", "s003|王五|1班",
                                       "s002|李四|3班"};
    roster_expect(s, NULL, all2, 4);
    static const char *const one[] = {"s001|张叁|1班", "s003|王五|1班"};
    roster_expect(s, "1班", one, 2);
    roster_expect(s, "9班", NULL, 0);

    /* A failed import changes nothing. */
    static const store_student bad[] = {{"s010", "x", "1班"}, {"", "y", "1班"}};
    assert_int_equal(store_roster_import(s, bad, 2, &added, &updated, &err), -1);
    assert_contains(err, "missing student id");
    free(err);
    err = NULL;
    roster_expect(s, NULL, all2, 4);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM students"), 4);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM students WHERE enrolled = 1"), 4);
    store_close(s);
}

static void test_count_sessions(void **state)
{
    fixture *f = fx(state);
    store *s = open_ok(f);
    char *err = NULL;
    int n = -1;
    assert_int_equal(store_count_sessions(s, "s001", "bank-card", "exam", &n, &err), 0);
    assert_int_equal(n, 0);
    begin_session(s, "s001", 1);
    begin_session(s, "s001", 2);
    begin_session(s, "s002", 3);
    store_session ex = {.student = "s001", .scenario = "bank-card", .scenario_hash = SCEN_HASH,
                        .lexicon_hash = LEX_HASH, .seed = 4, .mode = "exam", .score = -1};
    assert_int_equal(store_session_begin(s, &ex, &err), 0);
    store_session other = ex;
    other.scenario = "hotel-vip";
    assert_int_equal(store_session_begin(s, &other, &err), 0);
    end_ok(s, ex.id, 60); /* ended sessions count too */

    assert_int_equal(store_count_sessions(s, "s001", "bank-card", "practice", &n, &err), 0);
    assert_int_equal(n, 2);
    assert_int_equal(store_count_sessions(s, "s001", "bank-card", "exam", &n, &err), 0);
    assert_int_equal(n, 1);
    assert_int_equal(store_count_sessions(s, "s001", "hotel-vip", "exam", &n, &err), 0);
    assert_int_equal(n, 1);
    assert_int_equal(store_count_sessions(s, "s002", "bank-card", "practice", &n, &err), 0);
    assert_int_equal(n, 1);
    assert_int_equal(store_count_sessions(s, "s003", "bank-card", "practice", &n, &err), 0);
    assert_int_equal(n, 0);
    assert_null(err);
    n = 5;
    assert_int_equal(store_count_sessions(s, "s001", NULL, "exam", &n, &err), -1);
    assert_int_equal(n, 0);
    assert_contains(err, "missing scenario id");
    free(err);
    store_close(s);
}

/* ---- db copy ----------------------------------------------------------- */

typedef struct dump {
    store_student_row st[8];  /* students, deep copies */
    int nst;                  /* how many */
    store_scenario_row sc[4]; /* scenario versions, deep copies */
    int nsc;                  /* how many */
} dump;

static int on_student_row(const store_student_row *r, void *ctx)
{
    dump *d = ctx;
    assert_true(d->nst < 8);
    d->st[d->nst++] = (store_student_row){dup_or_null(r->id), dup_or_null(r->name),
                                          dup_or_null(r->klass), dup_or_null(r->created),
                                          r->enrolled};
    return 0;
}

static int on_scenario_row(const store_scenario_row *r, void *ctx)
{
    dump *d = ctx;
    assert_true(d->nsc < 4);
    d->sc[d->nsc++] = (store_scenario_row){dup_or_null(r->id), dup_or_null(r->hash),
                                           dup_or_null(r->title), dup_or_null(r->first_seen)};
    return 0;
}

static void dump_all(store *s, dump *d)
{
    char *err = NULL;
    *d = (dump){0};
    if (store_dump_students(s, on_student_row, d, &err) != 0 ||
        store_dump_scenarios(s, on_scenario_row, d, &err) != 0)
        fail_msg("dump: %s", err);
}

static void dump_release(dump *d)
{
    for (int i = 0; i < d->nst; i++) {
        free((char *)d->st[i].id);
        free((char *)d->st[i].name);
        free((char *)d->st[i].klass);
        free((char *)d->st[i].created);
    }
    for (int i = 0; i < d->nsc; i++) {
        free((char *)d->sc[i].id);
        free((char *)d->sc[i].hash);
        free((char *)d->sc[i].title);
        free((char *)d->sc[i].first_seen);
    }
    *d = (dump){0};
}

static void assert_student_row(const store_student_row *r, const char *id, const char *name,
                               const char *klass, int enrolled)
{
    assert_string_equal(r->id, id);
    assert_same(r->name, name);
    assert_same(r->klass, klass);
    assert_int_equal(r->enrolled, enrolled);
}

/* Imports the session g holds (read by get_all) into t; returns the new id. */
static int64_t import_got(store *t, const got *g, const char *submission, int *dup)
{
    const got_session *o = &g->ses[0];
    store_session ses = {
        .id = o->id, .student = o->student, .scenario = o->scenario,
        .scenario_hash = o->scenario_hash, .lexicon_hash = o->lexicon_hash, .seed = o->seed,
        .mode = o->mode, .started = o->started, .ended = o->ended, .outcome = o->outcome,
        .score = o->score, .hints = o->hints, .ended_by = o->ended_by,
        .submission = submission ? submission : o->submission, .chain = o->chain,
        .head = o->head,
    };
    store_turn turns[16];
    store_criterion crit[8];
    for (int i = 0; i < g->nturn; i++)
        turns[i] = (store_turn){g->turn[i].n, g->turn[i].reply, g->turn[i].customer,
                                g->turn[i].findings, g->turn[i].state, g->turn[i].chain,
                                g->turn[i].created};
    for (int i = 0; i < g->ncrit; i++)
        crit[i] = (store_criterion){g->crit[i].id, g->crit[i].points, g->crit[i].max};
    char *err = NULL;
    *dup = -1;
    if (store_import_session(t, &ses, turns, g->nturn, crit, g->ncrit, dup, &err) != 0)
        fail_msg("store_import_session %lld: %s", (long long)o->id, err);
    assert_true(ses.id > 0);
    return ses.id;
}

/* Everything but the id is the same. */
static void assert_same_session(const got *a, const got *b)
{
    const got_session *x = &a->ses[0], *y = &b->ses[0];
    assert_string_equal(x->student, y->student);
    assert_string_equal(x->scenario, y->scenario);
    assert_string_equal(x->scenario_hash, y->scenario_hash);
    assert_string_equal(x->lexicon_hash, y->lexicon_hash);
    assert_true(x->seed == y->seed);
    assert_string_equal(x->mode, y->mode);
    assert_string_equal(x->started, y->started);
    assert_same(x->ended, y->ended);
    assert_same(x->outcome, y->outcome);
    assert_int_equal(x->score, y->score);
    assert_int_equal(x->hints, y->hints);
    assert_int_equal(x->turns, y->turns);
    assert_same(x->ended_by, y->ended_by);
    assert_same(x->submission, y->submission);
    assert_same(x->chain, y->chain);
    assert_same(x->head, y->head);
    assert_int_equal(a->nturn, b->nturn);
    for (int i = 0; i < a->nturn; i++) {
        assert_int_equal(a->turn[i].n, b->turn[i].n);
        assert_same(a->turn[i].reply, b->turn[i].reply);
        assert_string_equal(a->turn[i].customer, b->turn[i].customer);
        assert_string_equal(a->turn[i].findings, b->turn[i].findings);
        assert_string_equal(a->turn[i].state, b->turn[i].state);
        assert_same(a->turn[i].chain, b->turn[i].chain);
        assert_string_equal(a->turn[i].created, b->turn[i].created);
    }
    assert_int_equal(a->ncrit, b->ncrit);
    for (int i = 0; i < a->ncrit; i++) {
        assert_string_equal(a->crit[i].id, b->crit[i].id);
        assert_true(a->crit[i].points == b->crit[i].points);
        assert_true(a->crit[i].max == b->crit[i].max);
    }
}

/* Four sessions in s: an ended one with chains, an open one of a student
 * not on the roster, a graded submission, and an old one without a chain
 * head. Their ids go to ids[], oldest first. */
static void fill_source(store *s, int64_t ids[4])
{
    char *err = NULL;
    int added, updated;
    static const store_student roster[] = {{"s002", "李四", "2班"}, {"s001", "张三", "1班"}};
    assert_int_equal(store_roster_import(s, roster, 2, &added, &updated, &err), 0);
    assert_int_equal(store_ensure_scenario(s, "bank-card", SCEN_HASH, "银行卡", &err), 0);

    store_session a = {.student = "s001", .scenario = "bank-card", .scenario_hash = SCEN_HASH,
                       .lexicon_hash = LEX_HASH, .seed = 5, .mode = "practice", .score = -1,
                       .head = "head-a"};
    assert_int_equal(store_session_begin(s, &a, &err), 0);
    static const store_turn ta[] = {
        {0, NULL, "您好", "{\"forbidden\":[]}", "{\"mood\":0}", "c0", NULL},
        {1, "您好，请讲", "我的卡……", "{\"forbidden\":[]}", "{\"mood\":1}", "c1", NULL},
        {2, "马上处理", "好的", "{\"steps\":[\"own\"]}", "{\"mood\":2}", "c2", NULL},
    };
    for (int i = 0; i < 3; i++)
        assert_int_equal(store_turn_add(s, a.id, &ta[i], 1, &err), 0);
    assert_int_equal(store_session_end(s, a.id, "resolved", 80, 1, "replies", "seal-a", CRIT4, 4,
                                       &err), 0);

    store_session b = a;
    b.student = "s003";
    b.head = "head-b";
    b.seed = 6;
    assert_int_equal(store_session_begin(s, &b, &err), 0);
    add_turn_ok(s, b.id, 0, NULL, "您好", 0);

    store_session c = a;
    c.mode = "exam";
    c.head = "head-c";
    c.submission = "sub-c";
    c.started = "2026-01-05T09:00:00Z"; /* a graded exam keeps its start time */
    assert_int_equal(store_session_begin(s, &c, &err), 0);
    add_turn_ok(s, c.id, 0, NULL, "您好", 0);
    static const store_criterion one[] = {{"outcome", 0, 20}};
    assert_int_equal(store_session_end(s, c.id, "churned", 0, 0, "time", "seal-c", one, 1, &err),
                     0);

    store_session d = a;
    d.head = NULL;
    d.seed = 8;
    assert_int_equal(store_session_begin(s, &d, &err), 0);
    assert_int_equal(store_session_end(s, d.id, "abandoned", 0, 0, "quit", NULL, NULL, 0, &err),
                     0);
    assert_null(err);
    ids[0] = a.id, ids[1] = b.id, ids[2] = c.id, ids[3] = d.id;
}

static void test_db_copy(void **state)
{
    fixture *f = fx(state);
    store *s = open_ok(f);
    char *err = NULL;
    int64_t ids[4];
    fill_source(s, ids);

    dump d;
    dump_all(s, &d);
    assert_int_equal(d.nst, 3); /* by id */
    assert_student_row(&d.st[0], "s001", "张三", "1班", 1);
    assert_student_row(&d.st[1], "s002", "李四", "2班", 1);
    assert_student_row(&d.st[2], "s003", NULL, NULL, 0);
    for (int i = 0; i < 3; i++)
        assert_iso_now(d.st[i].created);
    assert_int_equal(d.nsc, 1);
    assert_string_equal(d.sc[0].id, "bank-card");
    assert_string_equal(d.sc[0].hash, SCEN_HASH);
    assert_string_equal(d.sc[0].title, "银行卡");
    assert_iso_now(d.sc[0].first_seen);

    /* The target knows some of it already: s001 played there before the
     * roster, s002 is enrolled there under another name, the scenario
     * version was seen there later and without a title. */
    char *where = new_db(f);
    if (!where)
        fail_msg("%s", f->why);
    store *t = open_at(where);
    free(where);
    int added, updated;
    static const store_student there = {"s002", "李四四", "9班"};
    assert_int_equal(store_ensure_student(t, "s001", &err), 0);
    assert_int_equal(store_roster_import(t, &there, 1, &added, &updated, &err), 0);
    static const store_scenario_row later = {"bank-card", SCEN_HASH, NULL,
                                             "2099-01-01T00:00:00Z"};
    assert_int_equal(store_import_scenario(t, &later, &err), 0);
    dump before;
    dump_all(t, &before);

    for (int i = 0; i < d.nst; i++)
        assert_int_equal(store_import_student(t, &d.st[i], &err), 0);
    for (int i = 0; i < d.nsc; i++)
        assert_int_equal(store_import_scenario(t, &d.sc[i], &err), 0);
    assert_null(err);
    dump after;
    dump_all(t, &after);
    assert_int_equal(after.nst, 3);
    assert_student_row(&after.st[0], "s001", "张三", "1班", 1);  /* filled in */
    assert_string_equal(after.st[0].created, before.st[0].created);
    assert_student_row(&after.st[1], "s002", "李四四", "9班", 1); /* kept */
    assert_student_row(&after.st[2], "s003", NULL, NULL, 0);     /* added as it was */
    assert_string_equal(after.st[2].created, d.st[2].created);
    assert_int_equal(after.nsc, 1);
    assert_string_equal(after.sc[0].title, "银行卡");
    assert_string_equal(after.sc[0].first_seen, d.sc[0].first_seen); /* the earlier one */
    dump_release(&before);
    dump_release(&after);

    /* Every session arrives whole, under a new id, turn times included. */
    int64_t copied[4];
    for (int i = 0; i < 4; i++) {
        got a = {0}, b = {0};
        int dup;
        get_all(s, ids[i], &a);
        copied[i] = import_got(t, &a, NULL, &dup);
        assert_int_equal(dup, 0);
        get_all(t, copied[i], &b);
        assert_same_session(&a, &b);
        got_release(&a);
        got_release(&b);
    }
    assert_int_equal(raw_int(f, "SELECT count(*) FROM sessions"), 4); /* source untouched */

    /* Copying again adds only what has no chain head; the same session
     * graded from another submission is another session. */
    for (int i = 0; i < 4; i++) {
        got a = {0};
        int dup;
        get_all(s, ids[i], &a);
        int64_t again = import_got(t, &a, NULL, &dup);
        if (a.ses[0].head) {
            assert_int_equal(dup, 1);
            assert_int_equal(again, copied[i]);
        } else {
            assert_int_equal(dup, 0);
            assert_true(again > copied[3]);
        }
        if (i == 0) {
            int64_t other = import_got(t, &a, "sub-other", &dup);
            assert_int_equal(dup, 0);
            assert_true(other != copied[0]);
            again = import_got(t, &a, "sub-other", &dup);
            assert_int_equal(dup, 1);
            assert_int_equal(again, other);
        }
        got_release(&a);
    }
    got g = {0};
    assert_int_equal(store_sessions(t, NULL, 0, on_session, &g, &err), 0);
    assert_int_equal(g.nses, 6);
    got_release(&g);

    /* A session of a student the target does not know is refused whole. */
    store_session ses = {.student = "ghost", .scenario = "bank-card",
                         .scenario_hash = SCEN_HASH, .lexicon_hash = LEX_HASH, .seed = 1,
                         .mode = "practice", .started = "2026-01-01T00:00:00Z", .score = -1,
                         .head = "head-ghost"};
    store_turn t0 = {0, NULL, "您好", "[]", "{}", NULL, "2026-01-01T00:00:00Z"};
    int dup = -1;
    assert_int_equal(store_import_session(t, &ses, &t0, 1, CRIT4, 4, &dup, &err), -1);
    assert_non_null(err);
    free(err);
    err = NULL;
    assert_int_equal(store_sessions(t, NULL, 0, on_session, &g, &err), 0);
    assert_int_equal(g.nses, 6);
    got_release(&g);
    /* ... and the target stays usable. */
    int64_t id = begin_session(t, "s001", 9);
    add_turn_ok(t, id, 0, NULL, "again", 0);
    store_close(t);
    dump_release(&d);
    store_close(s);
}

/* ---- SQLite only: what only a file has --------------------------------- */

/* Opens garbage, expects the "not a crmsim database" error and the file
 * untouched with nothing created next to it. */
static void check_garbage(const fixture *f, const unsigned char *data,
                          size_t n)
{
    write_bytes(f->path, data, n);
    store *s = NULL;
    char *err = NULL;
    assert_int_equal(store_open(f->path, &s, &err), -1);
    assert_null(s);
    char *want = xasprintf("'%s' is not a crmsim database", f->path);
    assert_contains(err, want);
    free(want);
    free(err);

    char *back = NULL;
    size_t len = 0;
    char *rerr = NULL;
    assert_int_equal(read_file(f->path, &back, &len, &rerr), 0);
    assert_int_equal(len, n);
    assert_memory_equal(back, data, n);
    free(back);
    assert_int_equal(count_files(f->dir), 1);
}

static void test_corrupt_file(void **state)
{
    fixture *f = fx(state);
    unsigned char junk[8192];
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < sizeof junk; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        junk[i] = (unsigned char)x;
    }
    check_garbage(f, junk, sizeof junk);

    static const char text[] = "student,score\ns001,87\ns002,91\n";
    check_garbage(f, (const unsigned char *)text, sizeof text - 1);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void test_busy(void **state)
{
    fixture *f = fx(state);
    setenv("CRMSIM_BUSY_TIMEOUT_MS", "200", 1);
    store *s = open_ok(f);
    char *err = NULL;
    int64_t id = begin_session(s, "s001", 7);

    sqlite3 *other = raw_open(f);
    assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL),
                     SQLITE_OK);
    store_turn t = {0, NULL, "opening", "[]", "{}", NULL, NULL};
    double t0 = now_ms();
    assert_int_equal(store_turn_add(s, id, &t, 0, &err), -1);
    double waited = now_ms() - t0;
    char *want = xasprintf("database '%s' is busy (another crmsim is "
                           "writing); try again", f->path);
    assert_string_equal(err, want);
    free(want);
    free(err);
    err = NULL;
    assert_true(waited >= 150.0);
    assert_true(waited < 3000.0);

    /* Reading still works while another writer holds the lock (WAL). */
    got g = {0};
    assert_int_equal(store_sessions(s, NULL, 0, on_session, &g, &err), 0);
    assert_int_equal(g.nses, 1);
    got_release(&g);

    assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(other);
    assert_int_equal(store_turn_add(s, id, &t, 0, &err), 0);
    assert_null(err);
    store_close(s);
}

static void test_readonly(void **state)
{
    fixture *f = fx(state);
    if (geteuid() == 0)
        skip(); /* root writes through file permissions */
    store *s = open_ok(f);
    store_close(s);
    assert_int_equal(chmod(f->path, 0444), 0);
    s = open_ok(f); /* reading a read-only database is fine */
    char *err = NULL;
    got g = {0};
    assert_int_equal(store_sessions(s, NULL, 0, on_session, &g, &err), 0);
    assert_int_equal(store_ensure_student(s, "s001", &err), -1);
    assert_contains(err, "read-only");
    assert_contains(err, f->path);
    free(err);
    store_close(s);
}

/* Each test of what the store promises once per backend, named after the
 * backend; SQLite's own tests once. */
#define SQLITE(fn) { #fn " (sqlite)", fn, setup_sqlite, teardown, NULL }
#define BOTH(fn) SQLITE(fn), { #fn " (postgresql)", fn, setup_pg, teardown, NULL }

int main(void)
{
    const struct CMUnitTest tests[] = {
        BOTH(test_create_reopen),
        BOTH(test_migrate_empty),
        BOTH(test_migrate_v1),
        BOTH(test_refuse_newer),
        BOTH(test_foreign_database),
        BOTH(test_lifecycle),
        BOTH(test_sessions_filter_limit),
        BOTH(test_missing_session),
        BOTH(test_duplicate_turn),
        BOTH(test_session_open),
        BOTH(test_end_rollback),
        BOTH(test_concurrent_writers),
        BOTH(test_concurrent_create),
        BOTH(test_regrade),
        BOTH(test_batch),
        BOTH(test_roster_import),
        BOTH(test_count_sessions),
        BOTH(test_db_copy),
        SQLITE(test_corrupt_file),
        SQLITE(test_busy),
        SQLITE(test_readonly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
