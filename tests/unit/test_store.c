/*
 * test_store.c - unit tests of the SQLite store (sim/store.c), each on a
 * fresh database file in its own mkdtemp directory under /tmp.
 * Deliberately not here: grading, personas, the console.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
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

typedef struct fixture {
    char *dir;  /* the test's own temp directory */
    char *path; /* database file inside it */
} fixture;

static int setup(void **state)
{
    fixture *f = xcalloc(1, sizeof *f);
    f->dir = xstrdup("/tmp/crmsim-store-XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f->dir);
        free(f);
        return -1;
    }
    f->path = xasprintf("%s/crmsim.db", f->dir);
    unsetenv("CRMSIM_BUSY_TIMEOUT_MS");
    *state = f;
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
    free(f->path);
    free(f->dir);
    free(f);
    return 0;
}

/* ---- helpers ---------------------------------------------------------- */

static store *open_ok(const fixture *f)
{
    store *s = NULL;
    char *err = NULL;
    if (store_open(f->path, &s, &err) != 0)
        fail_msg("store_open: %s", err ? err : "(no message)");
    assert_null(err);
    assert_non_null(s);
    return s;
}

/* Opens the file directly with SQLite (no store), for checks and for
 * setting up states the store would never write. */
static sqlite3 *raw_open(const fixture *f)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    return db;
}

static void raw_exec(const fixture *f, const char *sql)
{
    sqlite3 *db = raw_open(f);
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
    sqlite3_close(db);
}

static long long raw_int(const fixture *f, const char *sql)
{
    sqlite3 *db = raw_open(f);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static char *raw_text(const fixture *f, const char *sql)
{
    sqlite3 *db = raw_open(f);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const unsigned char *t = sqlite3_column_text(st, 0);
    char *v = t ? xstrdup((const char *)t) : NULL;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
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
} got_session;

typedef struct got_turn {
    int n;          /* turn number */
    char *reply;    /* reply or NULL */
    char *customer; /* customer line */
    char *findings; /* findings JSON */
    char *state;    /* state JSON */
} got_turn;

typedef struct got {
    got_session ses[8]; /* sessions seen, in callback order */
    int nses;           /* how many */
    got_turn turn[16];  /* turns seen, in callback order */
    int nturn;          /* how many */
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
    }
    for (int i = 0; i < g->nturn; i++) {
        free(g->turn[i].reply);
        free(g->turn[i].customer);
        free(g->turn[i].findings);
        free(g->turn[i].state);
    }
    *g = (got){0};
}

#define SCEN_HASH "5c0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6"
#define LEX_HASH "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"

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

/* ---- tests ------------------------------------------------------------ */

static void test_create_reopen(void **state)
{
    fixture *f = *state;
    char *err = NULL;
    store *s = open_ok(f);
    assert_int_equal(store_ensure_student(s, "s001", &err), 0);
    assert_int_equal(store_ensure_student(s, "s001", &err), 0);
    assert_int_equal(store_ensure_scenario(s, "bank-card", SCEN_HASH,
                                           "银行卡被吞", &err), 0);
    assert_int_equal(store_ensure_scenario(s, "bank-card", SCEN_HASH,
                                           "another title", &err), 0);
    int64_t id = begin_session(s, "s001", 42);
    add_turn_ok(s, id, 0, NULL, "我的卡被吞了！", 0);
    store_close(s);

    assert_int_equal(raw_int(f, "PRAGMA user_version"),
                     store_schema_version());
    char *mode = raw_text(f, "PRAGMA journal_mode");
    assert_string_equal(mode, "wal");
    free(mode);
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
    assert_int_equal(raw_int(f, "PRAGMA user_version"),
                     store_schema_version());
    assert_int_equal(raw_int(f, "SELECT count(*) FROM students"), 1);
    store_close(NULL);
}

static void test_migrate_empty_file(void **state)
{
    fixture *f = *state;
    write_bytes(f->path, "", 0);
    store *s = open_ok(f);
    store_close(s);
    assert_int_equal(raw_int(f, "PRAGMA user_version"),
                     store_schema_version());
    assert_int_equal(raw_int(f, "SELECT count(*) FROM sqlite_master WHERE "
                                "type = 'table' AND name IN ('students', "
                                "'scenarios', 'sessions', 'turns', "
                                "'scores')"), 5);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM sqlite_master WHERE "
                                "type = 'index' AND name IN "
                                "('sessions_by_student', "
                                "'sessions_by_scenario')"), 2);
    /* A second open finds nothing to do. */
    s = open_ok(f);
    store_close(s);
    assert_int_equal(raw_int(f, "PRAGMA user_version"),
                     store_schema_version());
}

static void test_refuse_newer(void **state)
{
    fixture *f = *state;
    store *s = open_ok(f);
    store_close(s);
    int newer = store_schema_version() + 1;
    char *sql = xasprintf("PRAGMA user_version = %d", newer);
    raw_exec(f, sql);
    free(sql);

    char *err = NULL;
    s = (store *)&s; /* must be reset to NULL */
    assert_int_equal(store_open(f->path, &s, &err), -1);
    assert_null(s);
    char *want = xasprintf("database '%s' was written by a newer crmsim "
                           "(schema %d, this build knows %d); upgrade crmsim",
                           f->path, newer, store_schema_version());
    assert_string_equal(err, want);
    free(want);
    free(err);
    assert_int_equal(raw_int(f, "PRAGMA user_version"), newer);
}

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
    fixture *f = *state;
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

static void test_foreign_database(void **state)
{
    fixture *f = *state;
    raw_exec(f, "CREATE TABLE contacts(name TEXT, phone TEXT)");
    assert_int_equal(raw_int(f, "SELECT count(*) FROM sqlite_master"), 1);
    store *s = NULL;
    char *err = NULL;
    assert_int_equal(store_open(f->path, &s, &err), -1);
    assert_null(s);
    assert_contains(err, "is not a crmsim database");
    free(err);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM sqlite_master"), 1);
    char *mode = raw_text(f, "PRAGMA journal_mode");
    assert_string_equal(mode, "delete"); /* not switched to WAL */
    free(mode);
}

static void test_lifecycle(void **state)
{
    fixture *f = *state;
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
    };
    assert_int_equal(store_session_begin(s, &ses, &err), 0);
    assert_null(err);
    int64_t id = ses.id;
    assert_true(id > 0);

    static const store_turn turns[] = {
        {0, NULL, "我的卡被 ATM 吞了，你们怎么回事？", "[]",
         "{\"mood\":-2,\"patience\":5}", NULL},
        {1, "这个不归我们管。", "什么？那归谁管？",
         "[{\"id\":\"not-my-job\",\"category\":\"推诿\"}]",
         "{\"mood\":-4,\"patience\":3}", NULL},
        {2, "非常抱歉给您带来不便，我马上帮您联系网点。", "那要多久？", "[]",
         "{\"mood\":-1,\"patience\":4,\"steps\":[\"apologize\",\"own\"]}", NULL},
        {3, "今天下午五点前给您回电话。", "好吧，我等你电话。", "[]",
         "{\"mood\":1,\"patience\":5,\"steps\":[\"deadline\"]}", NULL},
    };
    for (int i = 0; i < 4; i++) {
        assert_int_equal(store_turn_add(s, id, &turns[i], i >= 2 ? 1 : 0,
                                        &err), 0);
        assert_null(err);
    }
    static const store_criterion crit[] = {
        {"language", 10.0, 25.0},
        {"empathy", 20.5, 25.0},
        {"steps", 25.0, 30.0},
        {"outcome", 20.0, 20.0},
    };
    assert_int_equal(store_session_end(s, id, "resolved", 76, 2, "replies", NULL, crit, 4, &err),
                     0);
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
    got_release(&g);

    assert_int_equal(store_session_get(s, id, on_session, on_turn, &g, &err),
                     0);
    assert_int_equal(g.nses, 1);
    assert_int_equal(g.ses[0].id, id);
    assert_int_equal(g.ses[0].turns, 3);
    assert_string_equal(g.ses[0].outcome, "resolved");
    assert_int_equal(g.nturn, 4);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(g.turn[i].n, turns[i].n);
        if (turns[i].reply)
            assert_string_equal(g.turn[i].reply, turns[i].reply);
        else
            assert_null(g.turn[i].reply);
        assert_string_equal(g.turn[i].customer, turns[i].customer);
        assert_string_equal(g.turn[i].findings, turns[i].findings_json);
        assert_string_equal(g.turn[i].state, turns[i].state_json);
    }
    got_release(&g);
    store_close(s);

    /* Scores have no reader in the API yet; check them directly. */
    sqlite3 *db = raw_open(f);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT criterion, points, max "
                                        "FROM scores WHERE session = ?1 "
                                        "ORDER BY rowid", -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(st, 1, id);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_string_equal((const char *)sqlite3_column_text(st, 0),
                            crit[i].id);
        assert_true(sqlite3_column_double(st, 1) == crit[i].points);
        assert_true(sqlite3_column_double(st, 2) == crit[i].max);
    }
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    sqlite3_close(db);
    char *created = raw_text(f, "SELECT created FROM turns WHERE n = 3");
    assert_iso_now(created);
    free(created);
    char *first = raw_text(f, "SELECT first_seen FROM scenarios");
    assert_iso_now(first);
    free(first);
}

static void test_sessions_filter_limit(void **state)
{
    fixture *f = *state;
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
    store_close(s);
}

static void test_missing_session(void **state)
{
    fixture *f = *state;
    store *s = open_ok(f);
    char *err = NULL;
    got g = {0};
    assert_int_equal(store_session_get(s, 999, on_session, on_turn, &g, &err),
                     -1);
    assert_string_equal(err, "no session 999");
    assert_int_equal(g.nses, 0);
    free(err);
    err = NULL;

    store_turn t = {1, "hi", "hello", "[]", "{}", NULL};
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
    store_close(s);
}

static void test_duplicate_turn(void **state)
{
    fixture *f = *state;
    store *s = open_ok(f);
    char *err = NULL;
    int64_t id = begin_session(s, "s001", 7);
    add_turn_ok(s, id, 0, NULL, "opening", 0);
    add_turn_ok(s, id, 1, "first", "answer one", 1);
    add_turn_ok(s, id, 2, "second", "answer two", 2);

    store_turn dup = {1, "first again", "different", "[]", "{\"x\":1}", NULL};
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

static void test_end_rollback(void **state)
{
    fixture *f = *state;
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
    store_turn late = {3, "late", "too late", "[]", "{}", NULL};
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

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void test_busy(void **state)
{
    fixture *f = *state;
    setenv("CRMSIM_BUSY_TIMEOUT_MS", "200", 1);
    store *s = open_ok(f);
    char *err = NULL;
    int64_t id = begin_session(s, "s001", 7);

    sqlite3 *other = raw_open(f);
    assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL),
                     SQLITE_OK);
    store_turn t = {0, NULL, "opening", "[]", "{}", NULL};
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
        store_turn t = {n, reply, "customer", "[]", "{}", NULL};
        int rc = store_turn_add(s, ses.id, &t, n, &err);
        free(reply);
        ret = 13;
        if (rc != 0)
            goto done;
    }
    ret = 0;
done:
    if (err)
        fprintf(stderr, "writer %s: %s\n", student, err);
    free(err);
    store_close(s);
    return ret;
}

/* Forks nproc writers (students w000, w001, ...), releases them at once
 * and expects every one to exit 0. */
static void run_writers(const fixture *f, int nproc, int nturns)
{
    int fds[2];
    pid_t pid[16];
    assert_true(nproc <= 16);
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
    for (int i = 0; i < nproc; i++) {
        int status = 0;
        assert_int_equal(waitpid(pid[i], &status, 0), pid[i]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
}

static void test_concurrent_writers(void **state)
{
    fixture *f = *state;
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

/* Several crmsims starting at once on a database that does not exist yet:
 * one creates the schema, the others wait for it, nobody fails. */
static void test_concurrent_create(void **state)
{
    fixture *f = *state;
    run_writers(f, 8, 3);
    assert_int_equal(raw_int(f, "PRAGMA user_version"),
                     store_schema_version());
    assert_int_equal(raw_int(f, "SELECT count(*) FROM sessions"), 8);
    assert_int_equal(raw_int(f, "SELECT count(DISTINCT student) FROM "
                                "sessions"), 8);
    assert_int_equal(raw_int(f, "SELECT count(*) FROM turns"), 24);
}

static void test_readonly(void **state)
{
    fixture *f = *state;
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_create_reopen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migrate_empty_file, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_refuse_newer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_database, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_lifecycle, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sessions_filter_limit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_missing_session, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_turn, setup, teardown),
        cmocka_unit_test_setup_teardown(test_end_rollback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_busy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_concurrent_writers, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_concurrent_create, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_readonly, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
