/*
 * store.c - the store's front door: picks the backend from what --db
 * names (an SQLite file or a postgresql:// URL), checks every request's
 * arguments once, stamps rows with the time, and calls the backend.
 * Deliberately not here: SQL of any dialect (store_sqlite*.c, store_pg*.c).
 */
#include "store_backend.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Current UTC time as ISO-8601 with seconds, from the system clock. */
static void now_iso(char buf[STORE_TIME_LEN])
{
    time_t t = time(NULL);
    struct tm tm;
    if (t == (time_t)-1 || !gmtime_r(&t, &tm) ||
        strftime(buf, STORE_TIME_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm) != STORE_TIME_LEN - 1)
        memcpy(buf, "1970-01-01T00:00:00Z", STORE_TIME_LEN);
}

/* Non-empty string check for required arguments. */
static int need(const char *v, const char *name, char **err)
{
    if (!v || !*v)
        return crm_seterr(err, _("missing %s"), name);
    return 0;
}

static int check_score(int score, char **err)
{
    if (score < 0 || score > 100)
        return crm_seterr(err, _("score %d is outside 0..100"), score);
    return 0;
}

static int check_crit(int64_t session, const store_criterion *crit, int ncrit, char **err)
{
    if (ncrit < 0 || (ncrit > 0 && !crit))
        return crm_seterr(err, _("bad criteria list for session %lld"), (long long)session);
    for (int i = 0; i < ncrit; i++)
        if (need(crit[i].id, N_("criterion id"), err) < 0)
            return -1;
    return 0;
}

static int check_session(const store_session *ses, char **err)
{
    if (need(ses->student, N_("student id"), err) < 0 ||
        need(ses->scenario, N_("scenario id"), err) < 0 ||
        need(ses->scenario_hash, N_("scenario hash"), err) < 0 ||
        need(ses->lexicon_hash, N_("lexicon hash"), err) < 0 ||
        need(ses->mode, N_("session mode"), err) < 0)
        return -1;
    if (strcmp(ses->mode, "practice") != 0 && strcmp(ses->mode, "exam") != 0)
        return crm_seterr(err, _("unknown session mode '%s' (use practice or "
                                 "exam)"), ses->mode);
    return 0;
}

store_ask_password store_password_source;

void store_set_password_source(store_ask_password ask)
{
    store_password_source = ask;
}

int store_is_url(const char *where)
{
    return where && (strncmp(where, "postgresql://", 13) == 0 ||
                     strncmp(where, "postgres://", 11) == 0);
}

int store_open(const char *where, store **out, char **err)
{
    *out = NULL;
    if (!where || !*where)
        return crm_seterr(err, _("no database path given"));
    return store_is_url(where) ? store_pg_open(where, out, err)
                               : store_sqlite_open(where, out, err);
}

void store_close(store *s)
{
    if (s)
        s->ops->close(s);
}

const char *store_backend(const store *s) { return s->ops->name; }

const char *store_where(const store *s) { return s->where; }

int store_can_instruct(store *s, char **who, char **err)
{
    *who = NULL;
    return s->ops->can_instruct(s, who, err);
}

int store_batch_begin(store *s, char **err)
{
    return s->ops->batch_begin ? s->ops->batch_begin(s, err) : 0;
}

int store_batch_end(store *s, int commit, char **err)
{
    return s->ops->batch_end ? s->ops->batch_end(s, commit, err) : 0;
}

int store_ensure_student(store *s, const char *id, char **err)
{
    char now[STORE_TIME_LEN];
    if (need(id, N_("student id"), err) < 0)
        return -1;
    now_iso(now);
    return s->ops->ensure_student(s, id, now, err);
}

int store_ensure_scenario(store *s, const char *id, const char *hash, const char *title,
                          char **err)
{
    char now[STORE_TIME_LEN];
    if (need(id, N_("scenario id"), err) < 0 || need(hash, N_("scenario hash"), err) < 0)
        return -1;
    now_iso(now);
    return s->ops->ensure_scenario(s, id, hash, title, now, err);
}

/* The session row is always written open: ended, outcome and score in *ses
 * are ignored (store_session_end sets them). */
static int check_turn(const store_turn *t, char **err)
{
    if (t->n < 0)
        return crm_seterr(err, _("bad turn number %d"), t->n);
    if (!t->customer || !t->findings_json || !t->state_json)
        return crm_seterr(err, _("turn %d is missing the customer line, "
                                 "findings or state"), t->n);
    return 0;
}

int store_session_begin(store *s, store_session *ses, char **err)
{
    return store_session_open(s, ses, NULL, NULL, err);
}

int store_session_open(store *s, store_session *ses, const char *title,
                       const store_turn *opening, char **err)
{
    char now[STORE_TIME_LEN];
    if (check_session(ses, err) < 0 || (opening && check_turn(opening, err) < 0))
        return -1;
    now_iso(now);
    return s->ops->session_begin(s, ses, title, opening, ses->started ? ses->started : now,
                                 now, err);
}

int store_turn_add(store *s, int64_t session, const store_turn *t, int hints, char **err)
{
    char now[STORE_TIME_LEN];
    if (check_turn(t, err) < 0)
        return -1;
    if (hints < 0)
        return crm_seterr(err, _("bad hint count %d"), hints);
    now_iso(now);
    return s->ops->turn_add(s, session, t, hints, now, err);
}

int store_session_end(store *s, int64_t session, const char *outcome, int score, int hints,
                      const char *ended_by, const char *chain, const store_criterion *crit,
                      int ncrit, char **err)
{
    char now[STORE_TIME_LEN];
    if (need(outcome, N_("session outcome"), err) < 0 || check_score(score, err) < 0 ||
        check_crit(session, crit, ncrit, err) < 0)
        return -1;
    now_iso(now);
    return s->ops->session_end(s, session, outcome, score, hints, ended_by, chain, crit, ncrit,
                               now, err);
}

int store_sessions(store *s, const char *student, int limit, store_session_cb cb, void *ctx,
                   char **err)
{
    return s->ops->sessions(s, student, limit, cb, ctx, err);
}

int store_session_get(store *s, int64_t id, store_session_cb scb, store_turn_cb tcb, void *ctx,
                      char **err)
{
    return s->ops->session_get(s, id, scb, tcb, ctx, err);
}

int store_scores(store *s, int64_t session, store_crit_cb cb, void *ctx, char **err)
{
    return s->ops->scores(s, session, cb, ctx, err);
}

int store_session_regrade(store *s, int64_t session, int score, const char *lexicon_hash,
                          const store_criterion *crit, int ncrit, char **err)
{
    if (need(lexicon_hash, N_("lexicon hash"), err) < 0 || check_score(score, err) < 0 ||
        check_crit(session, crit, ncrit, err) < 0)
        return -1;
    return s->ops->session_regrade(s, session, score, lexicon_hash, crit, ncrit, err);
}

int store_roster_import(store *s, const store_student *rows, size_t n, int *added,
                        int *updated, char **err)
{
    char now[STORE_TIME_LEN];
    *added = *updated = 0;
    for (size_t i = 0; i < n; i++)
        if (need(rows[i].id, N_("student id"), err) < 0)
            return -1;
    now_iso(now);
    return s->ops->roster_import(s, rows, n, added, updated, now, err);
}

int store_roster(store *s, const char *klass, store_student_cb cb, void *ctx, char **err)
{
    return s->ops->roster(s, klass, cb, ctx, err);
}

int store_count_sessions(store *s, const char *student, const char *scenario, const char *mode,
                         int *n, char **err)
{
    *n = 0;
    if (need(student, N_("student id"), err) < 0 || need(scenario, N_("scenario id"), err) < 0 ||
        need(mode, N_("session mode"), err) < 0)
        return -1;
    return s->ops->count_sessions(s, student, scenario, mode, n, err);
}

int store_dump_students(store *s, store_student_row_cb cb, void *ctx, char **err)
{
    return s->ops->dump_students(s, cb, ctx, err);
}

int store_dump_scenarios(store *s, store_scenario_row_cb cb, void *ctx, char **err)
{
    return s->ops->dump_scenarios(s, cb, ctx, err);
}

int store_import_student(store *s, const store_student_row *r, char **err)
{
    if (need(r->id, N_("student id"), err) < 0)
        return -1;
    return s->ops->import_student(s, r, err);
}

int store_import_scenario(store *s, const store_scenario_row *r, char **err)
{
    if (need(r->id, N_("scenario id"), err) < 0 || need(r->hash, N_("scenario hash"), err) < 0)
        return -1;
    return s->ops->import_scenario(s, r, err);
}

int store_import_session(store *s, store_session *ses, const store_turn *t, int nt,
                         const store_criterion *crit, int ncrit, int *dup, char **err)
{
    *dup = 0;
    if (check_session(ses, err) < 0 || need(ses->started, N_("start time"), err) < 0 ||
        check_crit(ses->id, crit, ncrit, err) < 0)
        return -1;
    if (ses->score != -1 && check_score(ses->score, err) < 0)
        return -1;
    for (int i = 0; i < nt; i++)
        if (t[i].n < 0 || !t[i].customer || !t[i].findings_json || !t[i].state_json ||
            !t[i].created)
            return crm_seterr(err, _("turn %d is missing the customer line, "
                                     "findings or state"), t[i].n);
    return s->ops->import_session(s, ses, t, nt, crit, ncrit, dup, err);
}

/* ---- store_query.h ----------------------------------------------------- */

int store_q_begin(store *s, char **err) { return s->ops->q_begin(s, err); }

void store_q_end(store *s) { s->ops->q_end(s); }

int store_q_sessions(store *s, const store_filter *f, store_q_session_cb cb, void *ctx,
                     char **err)
{
    return s->ops->q_sessions(s, f, cb, ctx, err);
}

int store_q_criteria(store *s, const store_filter *f, store_q_crit_cb cb, void *ctx, char **err)
{
    return s->ops->q_criteria(s, f, cb, ctx, err);
}

int store_q_turns(store *s, const store_filter *f, store_q_turn_cb cb, void *ctx, char **err)
{
    return s->ops->q_turns(s, f, cb, ctx, err);
}

int store_q_students(store *s, const store_filter *f, store_q_student_cb cb, void *ctx,
                     char **err)
{
    return s->ops->q_students(s, f, cb, ctx, err);
}
