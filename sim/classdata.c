/*
 * classdata.c - reads the rows of a class report from the store (one read
 * transaction) and completes them from the scenario files and lexicons:
 * a scenario file that is gone or broken only loses its title and item
 * analysis, it does not stop the report.
 * Deliberately not here: deciding which sessions count (store_query.c) or
 * any arithmetic (classreport.c).
 */
#include "classdata.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "scenario.h"
#include "util.h"

static int on_student(const store_q_student *s, void *vr)
{
    crep_add_student(vr, s->id, s->name, s->klass, s->enrolled);
    return 0;
}

static int on_session(const store_q_session *s, void *vr)
{
    crep_add_session(vr, s->id, s->student, s->scenario, s->score);
    return 0;
}

static int on_crit(const store_q_crit *c, void *vr)
{
    crep_add_criterion(vr, c->session, c->criterion, c->points, c->max);
    return 0;
}

static int on_turn(const store_q_turn *t, void *vr)
{
    crep_add_turn(vr, t->session, t->n, t->reply, t->findings_json, t->state_json);
    return 0;
}

/* The rows, in one snapshot. */
static int read_rows(crm_ctx *ctx, const store_filter *f, crep *r)
{
    store *db = NULL;
    char *err = NULL;
    int ret = -1;
    if (ctx_open_instructor(ctx, &db, N_("read the class's results")) < 0)
        return -1;
    if (store_q_begin(db, &err) < 0 ||
        store_q_students(db, f, on_student, r, &err) < 0 ||
        store_q_sessions(db, f, on_session, r, &err) < 0 ||
        store_q_criteria(db, f, on_crit, r, &err) < 0 ||
        store_q_turns(db, f, on_turn, r, &err) < 0)
        goto done;
    ret = 0;
done:
    if (ret < 0) {
        crm_error("%s", err);
        free(err);
    }
    store_q_end(db);
    store_close(db);
    return ret;
}

/* Loaded scenario files, by the report's scenario index (NULL = none). */
typedef struct scn_set {
    scenario **s; /* one per r->sc */
    size_t n;     /* count */
} scn_set;

static void load_scenarios(crm_ctx *ctx, crep *r, scn_set *set)
{
    set->n = r->nsc;
    set->s = xcalloc(set->n ? set->n : 1, sizeof *set->s);
    for (size_t j = 0; j < r->nsc; j++) {
        char *path = NULL, *err = NULL;
        scenario *s = NULL;
        if (scn_resolve(ctx->home, r->sc[j].id, &path, &err) == 0 &&
            scn_load(ctx->home, path, 0, &s, &err) == 0) {
            crep_set_scenario(r, r->sc[j].id, s->title, s->chapter, s->required);
            set->s[j] = s;
        }
        free(path);
        free(err);
    }
}

/* The loaded scenario with id, or NULL. */
static scenario *scn_of(const scn_set *set, const char *id)
{
    for (size_t j = 0; j < set->n; j++)
        if (set->s[j] && strcmp(set->s[j]->id, id) == 0)
            return set->s[j];
    return NULL;
}

/* why/better of each phrase: from the course lexicons, or for a
 * scenario's own entry from that scenario's lexicon. */
static void explain_phrases(crm_ctx *ctx, crep *r, const scn_set *set)
{
    lexicon *lx = NULL;
    char *dir = xasprintf("%s/grading/lexicons", ctx->home), *err = NULL;
    if (lex_load_dir(dir, &lx, &err) < 0)
        lx = NULL;
    free(dir);
    free(err);
    for (size_t i = 0; i < r->nph; i++) {
        const crep_phrase *p = &r->ph[i];
        int e = lx ? lex_find(lx, LEX_FORBIDDEN, p->id) : -1;
        if (e >= 0) {
            crep_set_phrase_text(r, p->id, lx->e[e].why, lx->e[e].better);
            continue;
        }
        scenario *s = scn_of(set, p->scenario);
        lexicon *own = NULL;
        err = NULL;
        if (s && scn_lexicon(ctx->home, s, &own, &err) == 0) {
            e = lex_find(own, LEX_FORBIDDEN, p->id);
            if (e >= 0)
                crep_set_phrase_text(r, p->id, own->e[e].why, own->e[e].better);
        }
        lex_free(own);
        free(err);
    }
    lex_free(lx);
}

int classdata_load(crm_ctx *ctx, const store_filter *f, crep *r)
{
    crep_init(r);
    crep_set_filter(r, f->scenario, f->klass, f->practice);
    if (read_rows(ctx, f, r) < 0) {
        crep_release(r);
        return -1;
    }
    scn_set set;
    load_scenarios(ctx, r, &set);
    crep_finish(r);
    explain_phrases(ctx, r, &set);
    for (size_t j = 0; j < set.n; j++)
        scn_free(set.s[j]);
    free(set.s);
    return 0;
}

int classdata_write(const char *path, const strbuf *sb)
{
    FILE *f = path ? fopen(path, "wb") : stdout;
    if (!f)
        return crm_error(_("cannot write '%s': %s"), path, strerror(errno));
    int bad = fwrite(sb->buf, 1, sb->len, f) != sb->len;
    if (path)
        bad |= fclose(f) != 0;
    else
        bad |= fflush(f) != 0;
    if (bad)
        return crm_error(_("cannot write '%s': %s"), path ? path : _("standard output"),
                         strerror(errno));
    return 0;
}
