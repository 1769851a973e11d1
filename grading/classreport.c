/*
 * classreport.c - computes the class report from the rows of the counted
 * sessions: best score per student and scenario (the first session of
 * equal best ones), criteria as percentages of their maximum averaged over
 * the counted sessions, the distribution of best scores in bins of ten,
 * forbidden phrases by lexicon entry with an example, and item analysis:
 * per scenario and required step, the share of analysed sessions whose
 * final persona state never marks the step done.
 * Deliberately not here: I/O of any kind; findings are read from the JSON
 * the store keeps, the rest is arithmetic.
 */
#include "classreport.h"

#include <jansson.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

struct crep_row {
    int64_t id;              /* session id */
    size_t st;               /* index into r->st */
    size_t sc;               /* index into r->sc */
    int score;               /* 0..100 */
    double pct[CRIT_COUNT];  /* criterion % of its maximum, -1 = not stored */
    unsigned done;           /* steps done in the last state read */
    int state_ok;            /* a state was read */
};

static const crep_scenario empty_scenario;

void crep_init(crep *r)
{
    memset(r, 0, sizeof *r);
    r->mean_best = -1;
}

void crep_release(crep *r)
{
    for (size_t i = 0; i < r->nst; i++) {
        free(r->st[i].id);
        free(r->st[i].name);
        free(r->st[i].klass);
    }
    for (size_t i = 0; i < r->nsc; i++) {
        free(r->sc[i].id);
        free(r->sc[i].title);
        free(r->sc[i].miss);
    }
    for (size_t i = 0; i < r->nph; i++) {
        free(r->ph[i].id);
        free(r->ph[i].category);
        free(r->ph[i].example);
        free(r->ph[i].reply);
        free(r->ph[i].scenario);
        free(r->ph[i].who);
        free(r->ph[i].why);
        free(r->ph[i].better);
    }
    free(r->st);
    free(r->sc);
    free(r->cell);
    free(r->ph);
    free(r->rows);
    free(r->only_scenario);
    free(r->only_class);
    crep_init(r);
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

/* Index of student id, adding it when missing. */
static size_t student_at(crep *r, const char *id)
{
    for (size_t i = 0; i < r->nst; i++)
        if (strcmp(r->st[i].id, id) == 0)
            return i;
    r->st = xrealloc(r->st, (r->nst + 1) * sizeof *r->st);
    crep_student *s = &r->st[r->nst];
    memset(s, 0, sizeof *s);
    s->id = xstrdup(id);
    return r->nst++;
}

/* Index of scenario id, adding it when missing. */
static size_t scenario_at(crep *r, const char *id)
{
    for (size_t i = 0; i < r->nsc; i++)
        if (strcmp(r->sc[i].id, id) == 0)
            return i;
    r->sc = xrealloc(r->sc, (r->nsc + 1) * sizeof *r->sc);
    r->sc[r->nsc] = empty_scenario;
    r->sc[r->nsc].id = xstrdup(id);
    return r->nsc++;
}

void crep_add_student(crep *r, const char *id, const char *name, const char *klass,
                      int enrolled)
{
    size_t i = student_at(r, id); /* may move r->st */
    crep_student *s = &r->st[i];
    if (name && !s->name)
        s->name = xstrdup(name);
    if (klass && !s->klass)
        s->klass = xstrdup(klass);
    s->enrolled |= enrolled;
}

void crep_set_filter(crep *r, const char *scenario, const char *klass, int practice)
{
    free(r->only_scenario);
    free(r->only_class);
    r->only_scenario = dup_or_null(scenario);
    r->only_class = dup_or_null(klass);
    r->practice = practice;
    if (scenario)
        scenario_at(r, scenario);
}

/* The row of session id (rows are kept sorted by id), or NULL. */
static struct crep_row *row_of(crep *r, int64_t id)
{
    size_t lo = 0, hi = r->nrows;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->rows[mid].id == id)
            return &r->rows[mid];
        if (r->rows[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

void crep_add_session(crep *r, int64_t id, const char *student, const char *scenario,
                      int score)
{
    if (row_of(r, id))
        return;
    if (r->nrows == r->caprows) {
        r->caprows = r->caprows ? 2 * r->caprows : 64;
        r->rows = xrealloc(r->rows, r->caprows * sizeof *r->rows);
    }
    size_t at = r->nrows;
    while (at > 0 && r->rows[at - 1].id > id)
        at--;
    memmove(&r->rows[at + 1], &r->rows[at], (r->nrows - at) * sizeof *r->rows);
    struct crep_row *w = &r->rows[at];
    memset(w, 0, sizeof *w);
    w->id = id;
    w->st = student_at(r, student);
    w->sc = scenario_at(r, scenario);
    w->score = score < 0 ? 0 : score > 100 ? 100 : score;
    for (int c = 0; c < CRIT_COUNT; c++)
        w->pct[c] = -1;
    r->nrows++;
}

void crep_add_criterion(crep *r, int64_t session, const char *criterion, double points,
                        double max)
{
    struct crep_row *w = row_of(r, session);
    if (!w || !criterion || max <= 0)
        return;
    for (int c = 0; c < CRIT_COUNT; c++)
        if (strcmp(crit_ids[c], criterion) == 0) {
            double p = 100.0 * points / max;
            w->pct[c] = p < 0 ? 0 : p > 100 ? 100 : p;
        }
}

/* The phrase entry of id, adding it when missing. */
static crep_phrase *phrase_at(crep *r, const char *id, const char *category)
{
    for (size_t i = 0; i < r->nph; i++)
        if (strcmp(r->ph[i].id, id) == 0)
            return &r->ph[i];
    r->ph = xrealloc(r->ph, (r->nph + 1) * sizeof *r->ph);
    crep_phrase *p = &r->ph[r->nph++];
    memset(p, 0, sizeof *p);
    p->id = xstrdup(id);
    p->category = xstrdup(category ? category : "");
    return p;
}

/* Counts the forbidden findings of one turn of row w. */
static void add_findings(crep *r, const struct crep_row *w, const char *reply, json_t *f)
{
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(f, "forbidden"), i, v) {
        const char *id = json_string_value(json_object_get(v, "id"));
        if (!id)
            continue;
        crep_phrase *p = phrase_at(r, id, json_string_value(json_object_get(v, "category")));
        if (!p->example) {
            const char *m = json_string_value(json_object_get(v, "match"));
            p->example = xstrdup(m ? m : "");
            p->reply = xstrdup(reply ? reply : "");
            p->scenario = xstrdup(r->sc[w->sc].id);
            p->last = -1;
        }
        p->count++;
        if (p->last != w->id) {
            p->last = w->id;
            p->sessions++;
        }
        int j = 0;
        while (j < p->students && p->who[j] != w->st)
            j++;
        if (j == p->students) {
            p->who = xrealloc(p->who, (size_t)(p->students + 1) * sizeof *p->who);
            p->who[p->students++] = w->st;
        }
    }
}

/* The steps object of a state: bit per step id whose value is not false,
 * null or 0. */
static unsigned steps_done(json_t *state)
{
    unsigned done = 0;
    const char *k;
    json_t *v;
    json_object_foreach(json_object_get(state, "steps"), k, v) {
        int i = step_index(k);
        if (i < 0 || json_is_false(v) || json_is_null(v) ||
            (json_is_integer(v) && json_integer_value(v) == 0))
            continue;
        done |= 1u << i;
    }
    return done;
}

/* Turns come in n order, so the state of the last one read is the final
 * state of the session. */
void crep_add_turn(crep *r, int64_t session, int n, const char *reply,
                   const char *findings_json, const char *state_json)
{
    struct crep_row *w = row_of(r, session);
    if (!w)
        return;
    if (findings_json && n > 0) {
        json_t *f = json_loads(findings_json, 0, NULL);
        if (f)
            add_findings(r, w, reply, f);
        json_decref(f);
    }
    if (state_json) {
        json_t *s = json_loads(state_json, 0, NULL);
        if (s && json_is_object(s)) {
            w->done = steps_done(s);
            w->state_ok = 1;
        }
        json_decref(s);
    }
}

void crep_set_scenario(crep *r, const char *id, const char *title, int chapter,
                       unsigned required)
{
    size_t j = scenario_at(r, id); /* may move r->sc */
    crep_scenario *s = &r->sc[j];
    free(s->title);
    s->title = dup_or_null(title);
    s->chapter = chapter;
    s->known = 1;
    s->required = required;
}

/* Scenarios by chapter (unknown last), then id. */
static int cmp_scenario(const void *a, const void *b)
{
    const crep_scenario *x = a, *y = b;
    int cx = x->chapter > 0 ? x->chapter : 1000, cy = y->chapter > 0 ? y->chapter : 1000;
    if (cx != cy)
        return cx < cy ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Phrases by count, then sessions, both descending, then id. */
static int cmp_phrase(const void *a, const void *b)
{
    const crep_phrase *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    if (x->sessions != y->sessions)
        return x->sessions > y->sessions ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Missed steps by count descending, then vocabulary order. */
static int cmp_miss(const void *a, const void *b)
{
    const crep_step_miss *x = a, *y = b;
    if (x->missed != y->missed)
        return x->missed > y->missed ? -1 : 1;
    return x->step - y->step;
}

/* Sorts the scenarios and points every row at its new index. */
static void sort_scenarios(crep *r)
{
    size_t *rank = xcalloc(r->nsc ? r->nsc : 1, sizeof *rank);
    char **old = xcalloc(r->nsc ? r->nsc : 1, sizeof *old);
    for (size_t i = 0; i < r->nsc; i++)
        old[i] = r->sc[i].id;
    if (r->nsc > 1)
        qsort(r->sc, r->nsc, sizeof *r->sc, cmp_scenario);
    for (size_t i = 0; i < r->nsc; i++)
        for (size_t j = 0; j < r->nsc; j++)
            if (r->sc[j].id == old[i])
                rank[i] = j;
    for (size_t k = 0; k < r->nrows; k++)
        r->rows[k].sc = rank[r->rows[k].sc];
    free(rank);
    free(old);
}

/* Sums per criterion for the averages. */
typedef struct crit_sum {
    double sum[CRIT_COUNT]; /* sum of percentages */
    int n[CRIT_COUNT];      /* sessions with the criterion */
} crit_sum;

static void crit_add(crit_sum *cs, const struct crep_row *w)
{
    for (int c = 0; c < CRIT_COUNT; c++)
        if (w->pct[c] >= 0) {
            cs->sum[c] += w->pct[c];
            cs->n[c]++;
        }
}

static void crit_mean(const crit_sum *cs, double out[CRIT_COUNT])
{
    for (int c = 0; c < CRIT_COUNT; c++)
        out[c] = cs->n[c] ? cs->sum[c] / cs->n[c] : -1;
}

/* Item analysis of scenario j: the required steps its sessions missed. */
static void item_analysis(crep *r, size_t j)
{
    crep_scenario *s = &r->sc[j];
    if (!s->known || !s->required)
        return;
    int missed[STEP_COUNT] = { 0 };
    for (size_t k = 0; k < r->nrows; k++) {
        const struct crep_row *w = &r->rows[k];
        if (w->sc != j || !w->state_ok)
            continue;
        s->analysed++;
        for (int i = 0; i < STEP_COUNT; i++)
            if ((s->required & (1u << i)) && !(w->done & (1u << i)))
                missed[i]++;
    }
    s->miss = xcalloc(STEP_COUNT, sizeof *s->miss);
    for (int i = 0; i < STEP_COUNT; i++)
        if (s->required & (1u << i)) {
            crep_step_miss *m = &s->miss[s->nmiss++];
            m->step = i;
            m->missed = missed[i];
            m->share = s->analysed ? (double)missed[i] / s->analysed : 0;
        }
    if (s->nmiss > 1)
        qsort(s->miss, s->nmiss, sizeof *s->miss, cmp_miss);
}

void crep_finish(crep *r)
{
    if (r->finished)
        return;
    r->finished = 1;
    r->sessions = (int)r->nrows;
    sort_scenarios(r);
    size_t ncell = r->nst * r->nsc;
    r->cell = xcalloc(ncell ? ncell : 1, sizeof *r->cell);
    for (size_t k = 0; k < ncell; k++)
        r->cell[k].best = -1;
    crit_sum *by_cell = xcalloc(ncell ? ncell : 1, sizeof *by_cell);
    crit_sum *by_st = xcalloc(r->nst ? r->nst : 1, sizeof *by_st);
    crit_sum *by_sc = xcalloc(r->nsc ? r->nsc : 1, sizeof *by_sc);
    for (size_t k = 0; k < r->nrows; k++) {
        const struct crep_row *w = &r->rows[k];
        crep_cell *c = &r->cell[w->st * r->nsc + w->sc];
        c->attempts++;
        if (w->score > c->best) {
            c->best = w->score;
            c->session = w->id;
        }
        r->st[w->st].sessions++;
        r->sc[w->sc].sessions++;
        crit_add(&by_cell[w->st * r->nsc + w->sc], w);
        crit_add(&by_st[w->st], w);
        crit_add(&by_sc[w->sc], w);
    }
    for (size_t k = 0; k < ncell; k++)
        crit_mean(&by_cell[k], r->cell[k].crit);
    double all = 0;
    int nall = 0;
    for (size_t i = 0; i < r->nst; i++) {
        crep_student *s = &r->st[i];
        crit_mean(&by_st[i], s->crit);
        double sum = 0;
        for (size_t j = 0; j < r->nsc; j++) {
            const crep_cell *c = &r->cell[i * r->nsc + j];
            if (c->best < 0)
                continue;
            sum += c->best;
            s->done++;
            all += c->best;
            nall++;
            r->dist[c->best >= 90 ? CREP_BINS - 1 : c->best / 10]++;
        }
        s->total = s->sessions && r->nsc ? sum / (double)r->nsc : -1;
    }
    r->mean_best = nall ? all / nall : -1;
    for (size_t j = 0; j < r->nsc; j++) {
        crep_scenario *s = &r->sc[j];
        crit_mean(&by_sc[j], s->crit);
        double sum = 0;
        for (size_t i = 0; i < r->nst; i++) {
            const crep_cell *c = &r->cell[i * r->nsc + j];
            if (c->best >= 0) {
                sum += c->best;
                s->students++;
            }
        }
        s->mean_best = s->students ? sum / s->students : -1;
        item_analysis(r, j);
    }
    if (r->nph > 1)
        qsort(r->ph, r->nph, sizeof *r->ph, cmp_phrase);
    free(by_cell);
    free(by_st);
    free(by_sc);
}

void crep_set_phrase_text(crep *r, const char *id, const char *why, const char *better)
{
    for (size_t i = 0; i < r->nph; i++)
        if (strcmp(r->ph[i].id, id) == 0) {
            free(r->ph[i].why);
            free(r->ph[i].better);
            r->ph[i].why = dup_or_null(why);
            r->ph[i].better = dup_or_null(better);
        }
}

const crep_cell *crep_cell_at(const crep *r, size_t i, size_t j)
{
    return &r->cell[i * r->nsc + j];
}

char *crep_fmt1(char buf[32], double x)
{
    if (x < 0) {
        snprintf(buf, 32, "-");
        return buf;
    }
    long long t = (long long)(x * 10 + 0.5);
    snprintf(buf, 32, "%lld.%lld", t / 10, t % 10);
    return buf;
}
