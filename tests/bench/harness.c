/*
 * harness.c - what `make bench` measures from C.
 *
 * `harness turn`: the latency of one turn. It plays scripted
 * replies through sess_reply (grade, persona, durable commit to a real
 * SQLite file, as `crmsim play` does) and, right after each turn, commits
 * a row of the same size with a bare INSERT + COMMIT into a table of the
 * same shape in another file with the same settings (WAL,
 * synchronous=FULL, foreign keys, busy timeout). The two are interleaved so
 * that disk and machine noise falls on both alike.
 *
 *   harness turn HOME DIR TURNS SCRIPT…
 *     HOME    crmsim data directory (scenarios, lexicons, course)
 *     DIR     where the two database files go (same file system)
 *     TURNS   how many turns to time
 *     SCRIPT  files NAME-kind.txt of replies, one per line, for scenario
 *             NAME; played in turn, a new session whenever one ends
 *   prints "crmsim P50 P99" and "bare P50 P99" in microseconds.
 *
 * `harness json HOME`: grades stdin one reply per line as `grade --lines`
 * does, but builds each object with report_findings and json_dumps (the
 * jansson path the command used before it wrote its JSON by hand), so the
 * two outputs can be compared byte for byte.
 *
 * Deliberately not here: judging the figures (tests/bench/run does).
 */
#include <errno.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "course.h"
#include "grade.h"
#include "lexicon.h"
#include "report.h"
#include "scenario.h"
#include "session.h"
#include "store.h"
#include "u8.h"
#include "util.h"

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The p-th percentile (0..100) of v[0..n), nearest rank; sorts v. */
static double percentile(double *v, size_t n, double p)
{
    qsort(v, n, sizeof *v, cmp_double);
    size_t k = (size_t)(p / 100.0 * (double)n + 0.999999);
    if (k < 1)
        k = 1;
    if (k > n)
        k = n;
    return v[k - 1];
}

static void die_sql(sqlite3 *db, const char *what)
{
    fprintf(stderr, "harness: %s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

/* The bare reference: the same pragmas store_open sets, and the turns
 * table as the store declares it. */
static sqlite3 *bare_open(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        die_sql(db, path);
    sqlite3_busy_timeout(db, 5000);
    const char *setup =
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=FULL;"
        "PRAGMA foreign_keys=ON;"
        "CREATE TABLE IF NOT EXISTS turns("
        "  session INTEGER NOT NULL, n INTEGER NOT NULL, reply TEXT,"
        "  customer TEXT NOT NULL, findings TEXT NOT NULL, state TEXT NOT NULL,"
        "  created TEXT NOT NULL, chain TEXT, PRIMARY KEY(session, n));";
    if (sqlite3_exec(db, setup, NULL, NULL, NULL) != SQLITE_OK)
        die_sql(db, "set up the bare database");
    return db;
}

/* One bare INSERT + COMMIT of a row like the turn just stored; returns the
 * time it took in microseconds. */
static double bare_commit(sqlite3 *db, sqlite3_stmt *ins, long row, const char *reply,
                          const char *customer, const char *findings, const char *state)
{
    static const char created[] = "2026-01-01T00:00:00Z";
    static const char chain[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    double t0 = now_us();
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        die_sql(db, "begin");
    sqlite3_bind_int64(ins, 1, row);
    sqlite3_bind_int(ins, 2, 1);
    sqlite3_bind_text(ins, 3, reply, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 4, customer, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 5, findings, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 6, state, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 7, created, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 8, chain, -1, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE)
        die_sql(db, "insert");
    sqlite3_reset(ins);
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        die_sql(db, "commit");
    return now_us() - t0;
}

typedef struct script {
    char *scenario; /* scenario id (file name up to the first '-') */
    char **lines;   /* replies */
    size_t n;       /* count */
} script;

static void script_load(const char *path, script *s)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    const char *cut = strrchr(base, '.') ? strrchr(base, '.') : base + strlen(base);
    /* NAME-kind.txt, and the scenario id may itself contain '-' */
    for (const char *p = cut; p > base; p--)
        if (*p == '-') {
            cut = p;
            break;
        }
    s->scenario = xstrndup(base, (size_t)(cut - base));
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "harness: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    s->lines = NULL;
    s->n = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (!len)
            continue;
        s->lines = xrealloc(s->lines, (s->n + 1) * sizeof *s->lines);
        s->lines[s->n++] = xstrdup(line);
    }
    free(line);
    fclose(f);
}

/* `harness json HOME` */
static int json_main(const char *home)
{
    lexicon *lx = NULL;
    char *err = NULL, *dir = xasprintf("%s/grading/lexicons", home);
    if (lex_load_dir(dir, &lx, &err) < 0) {
        fprintf(stderr, "harness: %s\n", err);
        return 1;
    }
    free(dir);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        json_t *o = json_object();
        json_object_set_new(o, "line", json_integer(lineno));
        grade_result g;
        if (u8_check_reply(line, (size_t)n, &err) < 0 ||
            grade_text(lx, line, (size_t)n, &g, &err) < 0) {
            grade_result empty = { 0 };
            report_findings(o, &empty);
            json_object_set_new(o, "error", json_string(err));
            free(err);
            err = NULL;
        } else {
            report_findings(o, &g);
            grade_result_release(&g);
        }
        char *txt = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
        puts(txt);
        free(txt);
        json_decref(o);
    }
    free(line);
    lex_free(lx);
    u8_shutdown();
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "json") == 0)
        return json_main(argv[2]);
    if (argc < 6 || strcmp(argv[1], "turn") != 0) {
        fprintf(stderr, "usage: harness turn HOME DIR TURNS SCRIPT...\n"
                        "       harness json HOME <replies\n");
        return 2;
    }
    const char *home = argv[2], *dir = argv[3];
    long want = strtol(argv[4], NULL, 10);
    int nscripts = argc - 5;
    script *scripts = xcalloc((size_t)nscripts, sizeof *scripts);
    for (int i = 0; i < nscripts; i++)
        script_load(argv[5 + i], &scripts[i]);

    char *err = NULL;
    course crs;
    if (course_load(home, &crs, &err) < 0) {
        fprintf(stderr, "harness: %s\n", err);
        return 1;
    }
    char *dbpath = xasprintf("%s/turn-crmsim.db", dir);
    char *barepath = xasprintf("%s/turn-bare.db", dir);
    store *db;
    if (store_open(dbpath, &db, &err) < 0) {
        fprintf(stderr, "harness: %s\n", err);
        return 1;
    }
    sqlite3 *bare = bare_open(barepath);
    sqlite3_stmt *ins;
    if (sqlite3_prepare_v2(bare, "INSERT INTO turns(session, n, reply, customer, findings, "
                                 "state, created, chain) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           -1, &ins, NULL) != SQLITE_OK)
        die_sql(bare, "prepare");

    double *tc = xcalloc((size_t)want, sizeof *tc), *tb = xcalloc((size_t)want, sizeof *tb);
    long done = 0, sessions = 0;
    for (int k = 0; done < want; k = (k + 1) % nscripts) {
        script *sc = &scripts[k];
        char *path = NULL;
        if (scn_resolve(home, sc->scenario, &path, &err) < 0) {
            fprintf(stderr, "harness: %s\n", err);
            return 1;
        }
        session *s = NULL;
        sess_config cfg = { .home = home, .path = path, .student = "bench", .seed = sessions + 1,
                            .mode = "practice", .course = &crs, .db = db,
                            .key = course_exam_key(&crs) };
        if (sess_open(&cfg, &s, &err) < 0) {
            fprintf(stderr, "harness: %s\n", err);
            return 1;
        }
        /* What `play` on a terminal does while the opening is read
         * (console.c's pre-input hook): the lexicons are compiled before
         * the trainee can have typed the first reply. */
        if (sess_prepare(s, &err) < 0) {
            fprintf(stderr, "harness: %s\n", err);
            return 1;
        }
        sessions++;
        for (size_t i = 0; i < sc->n && !s->ended && done < want; i++) {
            double t0 = now_us();
            int r = sess_reply(s, sc->lines[i], strlen(sc->lines[i]), &err);
            double t = now_us() - t0;
            if (r != 0) {
                fprintf(stderr, "harness: %s\n", err ? err : "reply refused");
                return 1;
            }
            const sess_turn *tt = &s->turns[s->nturns - 1];
            json_t *f = json_object();
            report_findings(f, &tt->g);
            char *fj = json_dumps(f, JSON_COMPACT | JSON_SORT_KEYS);
            json_decref(f);
            char *state = sess_state_json(s);
            tc[done] = t;
            tb[done] = bare_commit(bare, ins, done, tt->reply, tt->customer, fj, state);
            free(fj);
            free(state);
            done++;
        }
        if (!s->ended && sess_abandon(s, &err) < 0) {
            fprintf(stderr, "harness: %s\n", err);
            return 1;
        }
        sess_free(s);
        free(path);
    }
    printf("turns %ld sessions %ld\n", done, sessions);
    printf("crmsim %.0f %.0f\n", percentile(tc, (size_t)done, 50), percentile(tc, (size_t)done, 99));
    printf("bare %.0f %.0f\n", percentile(tb, (size_t)done, 50), percentile(tb, (size_t)done, 99));

    sqlite3_finalize(ins);
    sqlite3_close(bare);
    store_close(db);
    course_release(&crs);
    u8_shutdown();
    for (int i = 0; i < nscripts; i++) {
        for (size_t j = 0; j < scripts[i].n; j++)
            free(scripts[i].lines[j]);
        free(scripts[i].lines);
        free(scripts[i].scenario);
    }
    free(scripts);
    free(tc);
    free(tb);
    free(dbpath);
    free(barepath);
    return 0;
}
