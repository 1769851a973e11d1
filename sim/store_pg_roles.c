/*
 * store_pg_roles.c - the security of a shared PostgreSQL server: two group
 * roles, what each may do, and row-level security so that a student's
 * connection adds and reads only its own sessions and turns, changes
 * nothing already stored and reads no one else's work, while the
 * instructor's role grades, regrades and exports. Also the student and
 * instructor login roles `crmsim db init-roles` creates.
 *
 * A student's role may, on its own rows only:
 *   students  insert its own row (not enrolled, no name or class), read it
 *   scenarios insert a scenario version, read all, fill a missing title
 *   sessions  insert an open session, read its own, update the hint count
 *             and the end (outcome, how it ended, seal; the score only of a
 *             practice session) while open
 *   turns     insert into its own open session, read its own
 *   scores    insert for its own open practice session, read its own
 * Nothing may be deleted, and an ended session, its turns and scores can
 * no longer be changed by a student's role. An exam session a student's
 * role ends has no score until the instructor's `regrade` computes it from
 * the stored turns (or `grade` from a submission); reports and exports
 * count only scored sessions. A practice score is the student's own
 * crmsim's grading.
 */
#include "store_backend.h"
#include "store_pg.h"
#include "util.h"

#include <fcntl.h>
#include "pqapi.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Grants and policies; idempotent (policies are dropped and made again).
 * Runs only when both group roles exist. */
static const char grants_sql[] =
    "DO $$ BEGIN"
    "  EXECUTE format('GRANT USAGE ON SCHEMA %I TO " PG_ROLE_STUDENT ", " PG_ROLE_INSTRUCTOR "',"
    "                 current_schema());"
    "  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO " PG_ROLE_STUDENT
    ", " PG_ROLE_INSTRUCTOR "', current_schema());"
    "END $$;"
    "REVOKE ALL ON students, scenarios, sessions, turns, scores, crmsim_schema FROM PUBLIC;"
    "GRANT SELECT ON crmsim_schema TO " PG_ROLE_STUDENT ", " PG_ROLE_INSTRUCTOR ";"
    "GRANT SELECT, INSERT, UPDATE, DELETE ON students, scenarios, sessions, turns, scores TO "
    PG_ROLE_INSTRUCTOR ";"
    "REVOKE ALL ON students, scenarios, sessions, turns, scores FROM " PG_ROLE_STUDENT ";"
    "GRANT SELECT, INSERT ON students, scenarios, sessions, turns, scores TO " PG_ROLE_STUDENT ";"
    "GRANT UPDATE (title) ON scenarios TO " PG_ROLE_STUDENT ";"
    "GRANT UPDATE (hints, ended, outcome, score, ended_by, chain) ON sessions TO "
    PG_ROLE_STUDENT ";"
    "ALTER TABLE students ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE scenarios ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE turns ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE scores ENABLE ROW LEVEL SECURITY;"
    /* the instructor: everything */
    "DROP POLICY IF EXISTS instructor_all ON students;"
    "CREATE POLICY instructor_all ON students TO " PG_ROLE_INSTRUCTOR
    " USING (true) WITH CHECK (true);"
    "DROP POLICY IF EXISTS instructor_all ON scenarios;"
    "CREATE POLICY instructor_all ON scenarios TO " PG_ROLE_INSTRUCTOR
    " USING (true) WITH CHECK (true);"
    "DROP POLICY IF EXISTS instructor_all ON sessions;"
    "CREATE POLICY instructor_all ON sessions TO " PG_ROLE_INSTRUCTOR
    " USING (true) WITH CHECK (true);"
    "DROP POLICY IF EXISTS instructor_all ON turns;"
    "CREATE POLICY instructor_all ON turns TO " PG_ROLE_INSTRUCTOR
    " USING (true) WITH CHECK (true);"
    "DROP POLICY IF EXISTS instructor_all ON scores;"
    "CREATE POLICY instructor_all ON scores TO " PG_ROLE_INSTRUCTOR
    " USING (true) WITH CHECK (true);"
    /* students: their own row */
    "DROP POLICY IF EXISTS student_read ON students;"
    "CREATE POLICY student_read ON students FOR SELECT TO " PG_ROLE_STUDENT
    " USING (id = current_user);"
    "DROP POLICY IF EXISTS student_add ON students;"
    "CREATE POLICY student_add ON students FOR INSERT TO " PG_ROLE_STUDENT
    " WITH CHECK (id = current_user AND enrolled = 0 AND name IS NULL AND class IS NULL);"
    /* scenario versions are not anyone's work */
    "DROP POLICY IF EXISTS student_read ON scenarios;"
    "CREATE POLICY student_read ON scenarios FOR SELECT TO " PG_ROLE_STUDENT " USING (true);"
    "DROP POLICY IF EXISTS student_add ON scenarios;"
    "CREATE POLICY student_add ON scenarios FOR INSERT TO " PG_ROLE_STUDENT
    " WITH CHECK (true);"
    "DROP POLICY IF EXISTS student_title ON scenarios;"
    "CREATE POLICY student_title ON scenarios FOR UPDATE TO " PG_ROLE_STUDENT
    " USING (title IS NULL) WITH CHECK (true);"
    /* sessions: add open ones, read and close their own */
    "DROP POLICY IF EXISTS student_read ON sessions;"
    "CREATE POLICY student_read ON sessions FOR SELECT TO " PG_ROLE_STUDENT
    " USING (student = current_user);"
    "DROP POLICY IF EXISTS student_add ON sessions;"
    "CREATE POLICY student_add ON sessions FOR INSERT TO " PG_ROLE_STUDENT
    " WITH CHECK (student = current_user AND ended IS NULL AND score IS NULL"
    " AND submission IS NULL);"
    "DROP POLICY IF EXISTS student_end ON sessions;"
    "CREATE POLICY student_end ON sessions FOR UPDATE TO " PG_ROLE_STUDENT
    " USING (student = current_user AND ended IS NULL)"
    " WITH CHECK (student = current_user AND (mode = 'practice' OR score IS NULL));"
    /* turns and scores: into their own open session; read their own */
    "DROP POLICY IF EXISTS student_read ON turns;"
    "CREATE POLICY student_read ON turns FOR SELECT TO " PG_ROLE_STUDENT
    " USING (EXISTS (SELECT 1 FROM sessions s WHERE s.id = session"
    " AND s.student = current_user));"
    "DROP POLICY IF EXISTS student_add ON turns;"
    "CREATE POLICY student_add ON turns FOR INSERT TO " PG_ROLE_STUDENT
    " WITH CHECK (EXISTS (SELECT 1 FROM sessions s WHERE s.id = session"
    " AND s.student = current_user AND s.ended IS NULL));"
    "DROP POLICY IF EXISTS student_read ON scores;"
    "CREATE POLICY student_read ON scores FOR SELECT TO " PG_ROLE_STUDENT
    " USING (EXISTS (SELECT 1 FROM sessions s WHERE s.id = session"
    " AND s.student = current_user));"
    "DROP POLICY IF EXISTS student_add ON scores;"
    "CREATE POLICY student_add ON scores FOR INSERT TO " PG_ROLE_STUDENT
    " WITH CHECK (EXISTS (SELECT 1 FROM sessions s WHERE s.id = session"
    " AND s.student = current_user AND s.ended IS NULL AND s.mode = 'practice'));";

static int fail_res(store *s, PGresult *r, const char *what, char **err)
{
    const char *m = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *st = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    if (!m)
        m = PQerrorMessage(store_pg_conn(s));
    if (st && strcmp(st, "42501") == 0)
        crm_seterr(err, _("cannot %s in '%s': %s (run this as the owner of the crmsim tables, "
                          "with the right to create roles, e.g. the database's owner or "
                          "postgres)"), _(what), store_where(s), m);
    else
        crm_seterr(err, _("cannot %s in database '%s': %s"), _(what), store_where(s), m);
    PQclear(r);
    return -1;
}

/* Runs one or more statements without parameters. */
static int exec_script(store *s, const char *sql, const char *what, char **err)
{
    PGresult *r = PQexec(store_pg_conn(s), sql);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        return fail_res(s, r, what, err);
    PQclear(r);
    return 0;
}

static PGresult *query(store *s, const char *sql, int n, const char *const *v, const char *what,
                       char **err)
{
    PGresult *r = PQexecParams(store_pg_conn(s), sql, n, NULL, v, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
        return r;
    fail_res(s, r, what, err);
    return NULL;
}

/* 1 when the role exists, 0 when not, -1 on error. */
static int role_exists(store *s, const char *role, char **err)
{
    const char *p[] = { role };
    PGresult *r = query(s, "SELECT 1 FROM pg_roles WHERE rolname = $1", 1, p,
                        N_("read the database roles"), err);
    if (!r)
        return -1;
    int yes = PQntuples(r) > 0;
    PQclear(r);
    return yes;
}

int store_pg_regrant(store *s, char **err)
{
    int a = role_exists(s, PG_ROLE_STUDENT, err);
    int b = a < 0 ? -1 : role_exists(s, PG_ROLE_INSTRUCTOR, err);
    if (a < 0 || b < 0)
        return -1;
    if (!a || !b)
        return 0;
    return exec_script(s, grants_sql, N_("set up the roles"), err);
}

/* Runs "VERB <quoted role> REST" built with the role quoted by libpq. */
static int role_stmt(store *s, const char *verb, const char *role, const char *rest,
                     const char *what, char **err)
{
    PGconn *c = store_pg_conn(s);
    char *id = PQescapeIdentifier(c, role, strlen(role));
    if (!id)
        return crm_seterr(err, _("cannot %s in database '%s': %s"), _(what), store_where(s),
                          PQerrorMessage(c));
    char *sql = xasprintf("%s %s %s", verb, id, rest);
    PQfreemem(id);
    int rc = exec_script(s, sql, what, err);
    free(sql);
    return rc;
}

/* A password of 16 letters and digits without look-alikes (no 0/O, 1/l/I),
 * from the kernel's random source. */
static int new_password(char out[17], char **err)
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    unsigned char raw[16];
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0 || read(fd, raw, sizeof raw) != (ssize_t)sizeof raw) {
        if (fd >= 0)
            close(fd);
        return crm_seterr(err, _("cannot read random bytes for passwords"));
    }
    close(fd);
    for (size_t i = 0; i < sizeof raw; i++)
        out[i] = alphabet[raw[i] % (sizeof alphabet - 1)];
    out[16] = '\0';
    return 0;
}

/* Sets role's password, hashed here (SCRAM) so the clear text never
 * reaches the server or its logs. */
static int set_password(store *s, const char *role, const char *pw, char **err)
{
    PGconn *c = store_pg_conn(s);
    char *hash = PQencryptPasswordConn(c, pw, role, NULL);
    if (!hash)
        return crm_seterr(err, _("cannot %s in database '%s': %s"), _("set a password"),
                          store_where(s), PQerrorMessage(c));
    char *lit = PQescapeLiteral(c, hash, strlen(hash));
    PQfreemem(hash);
    if (!lit)
        return crm_seterr(err, _("cannot %s in database '%s': %s"), _("set a password"),
                          store_where(s), PQerrorMessage(c));
    char *rest = xasprintf("PASSWORD %s", lit);
    PQfreemem(lit);
    int rc = role_stmt(s, "ALTER ROLE", role, rest, N_("set a password"), err);
    free(rest);
    return rc;
}

/* CSV field: quoted when it holds a comma, quote or line break. */
static void csv_field(FILE *f, const char *v)
{
    if (!v)
        v = "";
    if (!strpbrk(v, ",\"\r\n")) {
        fputs(v, f);
        return;
    }
    fputc('"', f);
    for (; *v; v++) {
        if (*v == '"')
            fputc('"', f);
        fputc(*v, f);
    }
    fputc('"', f);
}

/* Login roles for every enrolled student, members of crmsim_student. */
static int student_roles(store *s, const store_roles_opts *o, store_roles_report *rep,
                         char **err)
{
    PGresult *r = query(s, "SELECT id, name, class FROM students WHERE enrolled = 1 "
                           "ORDER BY class, id", 0, NULL, N_("read the roster"), err);
    if (!r)
        return -1;
    int ret = -1;
    for (int i = 0; i < PQntuples(r); i++) {
        const char *id = PQgetvalue(r, i, 0);
        int have = role_exists(s, id, err);
        if (have < 0)
            goto done;
        if (have) {
            rep->students_existing++;
            if (role_stmt(s, "GRANT " PG_ROLE_STUDENT " TO", id, "", N_("set up the roles"),
                          err) < 0)
                goto done;
            continue;
        }
        if (role_stmt(s, "CREATE ROLE", id, "LOGIN IN ROLE " PG_ROLE_STUDENT,
                      N_("create a student's role"), err) < 0)
            goto done;
        rep->students_created++;
        if (o->passwords) {
            char pw[17];
            if (new_password(pw, err) < 0 || set_password(s, id, pw, err) < 0)
                goto done;
            csv_field(o->passwords, id);
            fputc(',', o->passwords);
            csv_field(o->passwords, PQgetisnull(r, i, 1) ? NULL : PQgetvalue(r, i, 1));
            fputc(',', o->passwords);
            csv_field(o->passwords, PQgetisnull(r, i, 2) ? NULL : PQgetvalue(r, i, 2));
            fprintf(o->passwords, ",%s\n", pw);
        }
    }
    ret = 0;
done:
    PQclear(r);
    return ret;
}

int store_pg_init_roles(store *s, const store_roles_opts *o, store_roles_report *rep,
                        char **err)
{
    memset(rep, 0, sizeof *rep);
    if (!store_pg_conn(s))
        return crm_seterr(err, _("'%s' is an SQLite file: roles and row-level security are "
                                 "for a PostgreSQL server (--db postgresql://…)"),
                          store_where(s));
    if (exec_script(s, "BEGIN", N_("set up the roles"), err) < 0)
        return -1;
    const char *groups[] = { PG_ROLE_STUDENT, PG_ROLE_INSTRUCTOR };
    for (int i = 0; i < 2; i++) {
        int have = role_exists(s, groups[i], err);
        if (have < 0 ||
            (!have && role_stmt(s, "CREATE ROLE", groups[i], "NOLOGIN",
                                N_("set up the roles"), err) < 0))
            goto fail;
        rep->groups_created += !have;
    }
    if (exec_script(s, grants_sql, N_("set up the roles"), err) < 0)
        goto fail;
    for (const char *const *in = o->instructors; in && *in; in++) {
        int have = role_exists(s, *in, err);
        if (have < 0 ||
            (!have && role_stmt(s, "CREATE ROLE", *in, "LOGIN", N_("create an instructor's role"),
                                err) < 0) ||
            role_stmt(s, "GRANT " PG_ROLE_INSTRUCTOR " TO", *in, "", N_("set up the roles"),
                      err) < 0)
            goto fail;
        rep->instructors_granted++;
    }
    if (o->students && student_roles(s, o, rep, err) < 0)
        goto fail;
    if (exec_script(s, "COMMIT", N_("set up the roles"), err) < 0)
        goto fail;
    return 0;
fail:
    if (PQtransactionStatus(store_pg_conn(s)) != PQTRANS_IDLE)
        PQclear(PQexec(store_pg_conn(s), "ROLLBACK"));
    return -1;
}
