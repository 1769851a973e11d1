/*
 * submission.c - writing a student's submission file and verifying
 * submissions by replay.
 *
 * Verification of one session, in order (the first failure is the reason):
 * exam mode; the scenario exists and has the same content hash as the
 * instructor's; the lexicons have the same hash; the seed is the student's
 * exam seed; the chain head matches (nobody relabelled student, scenario,
 * seed or attempt); not seen before (in this run or in the database); the
 * attempt is within the course's limit; then every turn is replayed: the
 * reply must give the stored findings ("edited reply") and the persona must
 * say the stored customer line ("edited customer line"); the session must
 * end where and how the file says; finally every chain value and the seal
 * must equal the replay's ("broken chain") — which catches what replay
 * cannot see (hints, a reply edited without changing its findings, a
 * session regenerated without the exam key).
 */
#include "submission.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "chain.h"
#include "report.h"
#include "scenario.h"
#include "session.h"
#include "util.h"

/* ---- writing --------------------------------------------------------- */

typedef struct collect {
    int64_t *ids;     /* exam sessions, newest first (as store_sessions walks) */
    char **scn;       /* their scenarios */
    int *done;        /* 1 = finished, to be submitted */
    size_t n;         /* count */
} collect;

static int want_session(const store_session *s, void *vctx)
{
    collect *c = vctx;
    if (strcmp(s->mode, "exam") != 0)
        return 0;
    c->ids = xrealloc(c->ids, (c->n + 1) * sizeof *c->ids);
    c->scn = xrealloc(c->scn, (c->n + 1) * sizeof *c->scn);
    c->done = xrealloc(c->done, (c->n + 1) * sizeof *c->done);
    c->ids[c->n] = s->id;
    c->scn[c->n] = xstrdup(s->scenario);
    c->done[c->n] = s->ended && s->outcome && strcmp(s->outcome, "error") != 0;
    c->n++;
    return 0;
}

/* Attempt number of session i: 1 + the exam sessions of its scenario
 * started before it, finished or not (as `play --exam` counted them). */
static int attempt_of(const collect *c, size_t i)
{
    int a = 1;
    for (size_t k = i + 1; k < c->n; k++)
        a += strcmp(c->scn[k], c->scn[i]) == 0;
    return a;
}

typedef struct build {
    json_t *ses;      /* the session object being built */
    json_t *turns;    /* its turns */
    char *err;        /* first problem */
} build;

static int add_meta(const store_session *s, void *vctx)
{
    build *b = vctx;
    b->ses = json_object();
    json_object_set_new(b->ses, "scenario", json_string(s->scenario));
    json_object_set_new(b->ses, "scenario_hash", json_string(s->scenario_hash));
    json_object_set_new(b->ses, "lexicon_hash", json_string(s->lexicon_hash));
    json_object_set_new(b->ses, "seed", json_integer(s->seed));
    json_object_set_new(b->ses, "mode", json_string(s->mode));
    json_object_set_new(b->ses, "started", json_string(s->started));
    json_object_set_new(b->ses, "ended", json_string(s->ended ? s->ended : ""));
    json_object_set_new(b->ses, "head", s->head ? json_string(s->head) : json_null());
    b->turns = json_array();
    json_object_set_new(b->ses, "turns", b->turns);
    json_object_set_new(b->ses, "end",
                        json_pack("{s:s, s:s, s:i, s:s?}", "outcome", s->outcome, "ended_by",
                                  s->ended_by ? s->ended_by : "", "hints", s->hints, "seal", s->chain));
    json_object_set_new(b->ses, "score", json_integer(s->score));
    return 0;
}

static int add_turn(const store_turn *t, void *vctx)
{
    build *b = vctx;
    json_error_t je;
    json_t *f = json_loads(t->findings_json, 0, &je);
    json_t *o = json_object();
    json_object_set_new(o, "n", json_integer(t->n));
    if (t->reply)
        json_object_set_new(o, "reply", json_string(t->reply));
    json_object_set_new(o, "customer", json_string(t->customer));
    json_object_set_new(o, "findings", f ? f : json_object());
    json_object_set_new(o, "chain", t->chain ? json_string(t->chain) : json_null());
    json_array_append_new(b->turns, o);
    return 0;
}

static void now_iso(char buf[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int submission_write(store *db, const char *student, const char *version, const char *path,
                     int *count, char **err)
{
    collect c = { NULL, NULL, NULL, 0 };
    size_t ndone = 0;
    json_t *root = NULL, *sessions = NULL;
    char *tmp = NULL;
    int rc = -1;
    *count = 0;
    if (store_sessions(db, student, 0, want_session, &c, err) < 0)
        goto done;
    for (size_t i = 0; i < c.n; i++)
        ndone += c.done[i];
    if (ndone == 0) {
        crm_seterr(err, _("student '%s' has no finished exam sessions to submit"), student);
        goto done;
    }
    char now[32];
    now_iso(now);
    root = json_pack("{s:s, s:i, s:s, s:s, s:s}", "format", SUBMISSION_FORMAT, "version",
                     SUBMISSION_VERSION, "crmsim", version, "student", student, "created", now);
    sessions = json_array();
    json_object_set_new(root, "sessions", sessions);
    /* store_sessions walks newest first; the file lists oldest first. */
    for (size_t i = c.n; i-- > 0;) {
        build b = { NULL, NULL, NULL };
        if (!c.done[i])
            continue;
        if (store_session_get(db, c.ids[i], add_meta, add_turn, &b, err) < 0) {
            json_decref(b.ses);
            goto done;
        }
        json_object_set_new(b.ses, "attempt", json_integer(attempt_of(&c, i)));
        json_array_append_new(sessions, b.ses);
    }
    tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
    if (json_dump_file(root, tmp, JSON_INDENT(1)) != 0) {
        crm_seterr(err, _("cannot write '%s': %s"), tmp, strerror(errno));
        unlink(tmp);
        goto done;
    }
    if (rename(tmp, path) != 0) {
        crm_seterr(err, _("cannot write '%s': %s"), path, strerror(errno));
        unlink(tmp);
        goto done;
    }
    *count = (int)ndone;
    rc = 0;
done:
    for (size_t i = 0; i < c.n; i++)
        free(c.scn[i]);
    free(c.scn);
    free(c.done);
    free(tmp);
    free(c.ids);
    json_decref(root);
    return rc;
}

/* ---- verifying ------------------------------------------------------- */

typedef struct seen {
    char **heads;     /* chain heads already accepted in this run */
    size_t n;         /* count */
} seen;

typedef struct verdict {
    char *why;        /* reason for rejection, NULL = fine */
} verdict;

static int reject(verdict *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int reject(verdict *v, const char *fmt, ...)
{
    if (!v->why) {
        va_list ap;
        va_start(ap, fmt);
        v->why = xvasprintf(fmt, ap);
        va_end(ap);
    }
    return -1;
}

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Findings as stored: compact, keys sorted (the text the chain covers). */
static char *canonical(json_t *v)
{
    char *s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
    char *out = xstrdup(s ? s : "{}");
    free(s);
    return out;
}

static char *findings_of(const grade_result *g)
{
    json_t *f = json_object();
    if (g)
        report_findings(f, g);
    char *s = canonical(f);
    json_decref(f);
    return s;
}

typedef struct enrolled {
    const char *id; /* looked for */
    int found;      /* on the roster */
} enrolled;

static int find_enrolled(const store_student *st, void *vctx)
{
    enrolled *e = vctx;
    if (strcmp(st->id, e->id) == 0)
        e->found = 1;
    return e->found;
}

typedef struct known_head {
    const char *head; /* looked for */
    int found;        /* already stored */
} known_head;

static int find_head(const store_session *s, void *vctx)
{
    known_head *k = vctx;
    if ((s->submission && strcmp(s->submission, k->head) == 0))
        k->found = 1;
    return k->found;
}

/* Replays one session of a file; on success *out is the replayed session
 * (caller frees). db NULL = verify only; otherwise store it. */
static int replay(const char *home, const course *crs, const char *key, store *db,
                  const char *student, json_t *js, int attempt, session **out, verdict *v)
{
    const char *scenario = jstr(js, "scenario");
    json_t *turns = json_object_get(js, "turns");
    json_t *end = json_object_get(js, "end");
    json_int_t seed = json_integer_value(json_object_get(js, "seed"));
    char *path = NULL, *err = NULL;
    session *s = NULL;
    int rc = -1;
    *out = NULL;
    if (scn_resolve(home, scenario, &path, &err) < 0) {
        reject(v, _("unknown scenario '%s'"), scenario);
        goto done;
    }
    sess_config cfg = { home, path, student, (int64_t)seed, "exam", NULL, crs, db, key,
                        db ? jstr(js, "head") : NULL, attempt, jstr(js, "started"), 0 };
    if (sess_open(&cfg, &s, &err) < 0) {
        reject(v, _("the scenario '%s' cannot be played: %s"), scenario, err);
        goto done;
    }
    if (strcmp(s->scn->hash, jstr(js, "scenario_hash")) != 0) {
        reject(v, _("wrong scenario version: '%s' is not the instructor's (content hash differs)"), scenario);
        goto done;
    }
    if (strcmp(s->cfg.lx->hash, jstr(js, "lexicon_hash")) != 0) {
        reject(v, _("wrong lexicon version: the lexicons differ from the instructor's"));
        goto done;
    }
    if (seed != chain_exam_seed(key, student, scenario)) {
        reject(v, _("wrong exam seed for '%s' on '%s' (not this student's exam)"), student, scenario);
        goto done;
    }
    if (strcmp(s->head, jstr(js, "head")) != 0) {
        reject(v, _("broken chain (head): student, scenario, seed or attempt were changed"));
        goto done;
    }
    s->hints = (int)json_integer_value(json_object_get(end, "hints"));
    size_t nt = json_array_size(turns);
    json_t *t0 = json_array_get(turns, 0);
    if (!jstr(t0, "customer") || strcmp(jstr(t0, "customer"), s->opening) != 0) {
        reject(v, _("edited customer line (%s, turn 0)"), scenario);
        goto done;
    }
    for (size_t i = 1; i < nt; i++) {
        json_t *t = json_array_get(turns, i);
        const char *reply = jstr(t, "reply");
        const char *cust = jstr(t, "customer");
        if (s->ended) {
            reject(v, _("edited transcript (%s): turns after the end of the session, from turn %zu"), scenario, i);
            goto done;
        }
        if (!reply || !cust || json_integer_value(json_object_get(t, "n")) != (json_int_t)i) {
            reject(v, _("malformed turn %zu of '%s'"), i, scenario);
            goto done;
        }
        int r = sess_reply(s, reply, strlen(reply), &err);
        if (r != 0) {
            reject(v, _("edited reply (%s, turn %zu): %s"), scenario, i, err ? err : "");
            goto done;
        }
        const sess_turn *st = &s->turns[s->nturns - 1];
        char *mine = findings_of(&st->g);
        char *theirs = canonical(json_object_get(t, "findings"));
        int same = strcmp(mine, theirs) == 0;
        free(mine);
        free(theirs);
        if (!same) {
            reject(v, _("edited reply (%s, turn %zu): its findings differ from the file's"), scenario, i);
            goto done;
        }
        if (strcmp(st->customer, cust) != 0) {
            reject(v, _("edited customer line (%s, turn %zu)"), scenario, i);
            goto done;
        }
    }
    const char *ended_by = jstr(end, "ended_by");
    if (!s->ended) {
        int er = !ended_by ? -1
                 : strcmp(ended_by, "quit") == 0 ? sess_abandon(s, &err)
                 : strcmp(ended_by, "time") == 0 ? sess_time_up(s, &err) : -1;
        if (er < 0) {
            reject(v, _("edited transcript (%s): the session does not end after turn %zu"), scenario, nt - 1);
            goto done;
        }
    }
    if (!jstr(end, "outcome") || strcmp(s->outcome, jstr(end, "outcome")) != 0 ||
        !ended_by || strcmp(s->ended_by, ended_by) != 0) {
        reject(v, _("edited outcome (%s): the replay ends '%s', the file says '%s'"), scenario, s->outcome,
               jstr(end, "outcome") ? jstr(end, "outcome") : "?");
        goto done;
    }
    /* The chain: what replay cannot see. */
    const char *c0 = jstr(t0, "chain");
    if (!c0 || strcmp(c0, s->opening_chain) != 0) {
        reject(v, _("broken chain (%s, turn 0)"), scenario);
        goto done;
    }
    for (size_t i = 1; i < nt; i++) {
        const char *c = jstr(json_array_get(turns, i), "chain");
        if (!c || strcmp(c, s->turns[i - 1].chain) != 0) {
            reject(v, _("broken chain (%s, turn %zu)"), scenario, i);
            goto done;
        }
    }
    if (!jstr(end, "seal") || strcmp(jstr(end, "seal"), s->seal) != 0) {
        reject(v, _("broken chain (%s, end: outcome, ending or hints changed)"), scenario);
        goto done;
    }
    *out = s;
    s = NULL;
    rc = 0;
done:
    free(err);
    free(path);
    sess_free(s);
    return rc;
}

/* Checks the file's shape; returns the sessions array or NULL. */
static json_t *check_shape(json_t *root, verdict *v)
{
    if (!json_is_object(root) || !jstr(root, "format") || strcmp(jstr(root, "format"), SUBMISSION_FORMAT) != 0) {
        reject(v, _("not a crmsim submission file"));
        return NULL;
    }
    if (json_integer_value(json_object_get(root, "version")) != SUBMISSION_VERSION) {
        reject(v, _("submission format version %lld is not supported (this crmsim reads %d)"),
               (long long)json_integer_value(json_object_get(root, "version")), SUBMISSION_VERSION);
        return NULL;
    }
    json_t *ss = json_object_get(root, "sessions");
    if (!jstr(root, "student") || !json_is_array(ss) || json_array_size(ss) == 0) {
        reject(v, _("malformed submission: no student or no sessions"));
        return NULL;
    }
    size_t i;
    json_t *js;
    json_array_foreach(ss, i, js) {
        json_t *turns = json_object_get(js, "turns");
        json_t *end = json_object_get(js, "end");
        if (!jstr(js, "scenario") || !jstr(js, "scenario_hash") || !jstr(js, "lexicon_hash") ||
            !jstr(js, "head") || !json_is_integer(json_object_get(js, "seed")) ||
            json_integer_value(json_object_get(js, "attempt")) < 1 ||
            !json_is_array(turns) || json_array_size(turns) == 0 || !json_is_object(end) ||
            !json_is_integer(json_object_get(end, "hints"))) {
            reject(v, _("malformed submission: session %zu lacks required fields"), i + 1);
            return NULL;
        }
        if (!jstr(js, "mode") || strcmp(jstr(js, "mode"), "exam") != 0) {
            reject(v, _("session %zu is not an exam session"), i + 1);
            return NULL;
        }
    }
    return ss;
}

/* Verifies one file; on success stores its sessions. */
static void grade_file(const char *home, const course *crs, store *db, const char *file, seen *sn,
                       FILE *out, submission_result *res)
{
    json_error_t je;
    verdict v = { NULL };
    json_t *root = json_load_file(file, JSON_REJECT_DUPLICATES, &je);
    const char *key = course_exam_key(crs);
    char *err = NULL;
    size_t firstnew = sn->n;
    int *attempts = NULL;
    if (!root && je.line < 0) {
        reject(&v, _("cannot read the file: %s"), je.text);
        goto report;
    }
    if (!root) {
        reject(&v, _("not readable JSON (line %d: %s)"), je.line, je.text);
        goto report;
    }
    json_t *ss = check_shape(root, &v);
    if (!ss)
        goto report;
    const char *student = jstr(root, "student");
    enrolled e = { student, 0 };
    if (store_roster(db, NULL, find_enrolled, &e, &err) < 0) {
        reject(&v, "%s", err);
        goto report;
    }
    if (!e.found) {
        reject(&v, _("unknown student '%s' (not on the class roster)"), student);
        goto report;
    }
    size_t n = json_array_size(ss);
    attempts = xcalloc(n, sizeof *attempts);
    for (size_t i = 0; i < n && !v.why; i++) {
        json_t *js = json_array_get(ss, i);
        const char *head = jstr(js, "head");
        for (size_t k = 0; k < sn->n; k++)
            if (strcmp(sn->heads[k], head) == 0)
                reject(&v, _("duplicate: session %zu (%s) was already submitted in this run"), i + 1,
                       jstr(js, "scenario"));
        known_head kh = { head, 0 };
        if (!v.why && store_sessions(db, student, 0, find_head, &kh, &err) == 0 && kh.found)
            reject(&v, _("duplicate: session %zu (%s) is already graded in the database"), i + 1,
                   jstr(js, "scenario"));
        /* The attempt number is part of the chain head, so it is as
         * trustworthy as the rest once the head checks out. */
        attempts[i] = (int)json_integer_value(json_object_get(js, "attempt"));
        if (!v.why && crs->exam.attempts > 0 && attempts[i] > crs->exam.attempts)
            reject(&v, _("too many attempts on '%s' (%d allowed)"), jstr(js, "scenario"), crs->exam.attempts);
        session *s = NULL;
        if (!v.why && replay(home, crs, key, NULL, student, js, attempts[i], &s, &v) == 0)
            sess_free(s);
        if (!v.why) {
            sn->heads = xrealloc(sn->heads, (sn->n + 1) * sizeof *sn->heads);
            sn->heads[sn->n++] = xstrdup(head);
        }
    }
    if (v.why)
        goto report;
    /* Everything verified: store it (the same replay, into the database). */
    strbuf sum;
    sb_init(&sum);
    for (size_t i = 0; i < n; i++) {
        session *s = NULL;
        json_t *js = json_array_get(ss, i);
        if (replay(home, crs, key, db, student, js, attempts[i], &s, &v) < 0)
            break;
        sb_addf(&sum, "%s%s %d", i ? ", " : "", s->scn->id, s->card.total);
        sess_free(s);
        res->sessions++;
    }
    if (!v.why)
        fprintf(out, _("%s: ok — %s, %zu session(s): %s\n"), file, student, n, sum.buf);
    sb_release(&sum);
report:
    if (v.why) {
        fprintf(out, _("%s: rejected: %s\n"), file, v.why);
        res->rejected++;
        /* Heads of a rejected file do not count as submitted. */
        while (sn->n > firstnew)
            free(sn->heads[--sn->n]);
    } else {
        res->accepted++;
    }
    free(v.why);
    free(err);
    free(attempts);
    json_decref(root);
}

void submission_grade(const char *home, const course *crs, store *db, char **files, int nfiles,
                      FILE *out, submission_result *res)
{
    seen sn = { NULL, 0 };
    memset(res, 0, sizeof *res);
    for (int i = 0; i < nfiles; i++)
        grade_file(home, crs, db, files[i], &sn, out, res);
    for (size_t i = 0; i < sn.n; i++)
        free(sn.heads[i]);
    free(sn.heads);
}
