/*
 * grade.c - turns one reply into findings: normalise, one scan of the
 * compiled lexicon, then the scope rules: quoted text and reported or
 * refused speech never yield a forbidden finding; a negator right before an
 * empathy or step match drops it. Pure: no I/O.
 * Grading runs in scratch space kept with the lexicon (lexicon.ws), so a
 * warm lexicon grades a reply without allocating (grade_scan); grade_text
 * copies the result out. Threads grading with one lexicon each bring
 * their own workspace (grade_ws_new, grade_scan_reply_ws): the lexicon and
 * its compiled patterns are only read, and the fold cache of u8.c is safe
 * to share.
 */
#include "grade.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "steps.h"
#include "u8.h"
#include "util.h"

#define NEG_WINDOW 2

/* Negators, folded; checked right before a positive match. */
static const char *const neg_words[] = {
    "不", "没", "别", "未", "无法", "没法", "不会", "不想", "不用", "不能", "不是",
    "not", "dont", "never", "wont", "cant", "cannot", NULL,
};

typedef struct negw {
    uint32_t cp[8]; /* code points */
    size_t n;       /* length */
} negw;

#define NNEG (sizeof neg_words / sizeof *neg_words)
static negw negs[NNEG];
static size_t nnegs;
/* The negators by their last character c, in buckets c & 63 (a list of
 * indices into negs): a position is tested against those that end there. */
static uint8_t neg_bucket[64][NNEG];
static uint8_t neg_nbucket[64];

static void init_negs(void)
{
    for (size_t i = 0; neg_words[i]; i++) {
        const char *p = neg_words[i];
        negw w = { { 0 }, 0 };
        while (*p && w.n < 8)
            w.cp[w.n++] = u8_next(&p);
        unsigned b = w.cp[w.n - 1] & 63;
        neg_bucket[b][neg_nbucket[b]++] = (uint8_t)nnegs;
        negs[nnegs++] = w;
    }
}

/* 1 if a negator ends within NEG_WINDOW characters before `at`, inside the
 * same segment. */
static pthread_once_t negs_once = PTHREAD_ONCE_INIT;

static int negated(const u8_norm *t, const uint32_t *seg, size_t at)
{
    pthread_once(&negs_once, init_negs);
    for (size_t back = 0; back <= NEG_WINDOW && back <= at; back++) {
        size_t end = at - back; /* negator would end here (exclusive) */
        if (end == 0)
            continue;
        unsigned b = t->cp[end - 1] & 63;
        for (size_t k = 0; k < neg_nbucket[b]; k++) {
            size_t i = neg_bucket[b][k];
            size_t n = negs[i].n;
            if (n > end || t->cp[end - 1] != negs[i].cp[n - 1])
                continue;
            size_t s = end - n;
            if (seg[s] != seg[at] || seg[end - 1] != seg[at])
                continue;
            if (memcmp(&t->cp[s], negs[i].cp, n * sizeof(uint32_t)) != 0)
                continue;
            /* 能不能, 可不可以, 会不会: an A-不-A question, not a negation. */
            if (negs[i].cp[0] == 0x4E0D /* 不 */ && s > 0 && s + 1 < t->n &&
                t->cp[s - 1] == t->cp[s + 1])
                continue;
            return 1;
        }
    }
    return 0;
}

struct grade_ws {
    match_ws *mw;        /* the matcher's scratch */
    u8_norm t;           /* the reply, normalised */
    finding *f;          /* findings of the last reply (match not copied) */
    size_t capf;         /* allocated */
    size_t cape;         /* entries allocated in the two arrays below */
    uint32_t *seen_gen;  /* call that last kept a finding of the entry */
    uint32_t *seen_seg;  /* segment of that finding */
    size_t capseg;       /* entries allocated in rep_to */
    size_t *rep_to;      /* per segment: earliest end of a reported-speech marker */
    uint32_t gen;        /* call counter */
    grade_result view;   /* what grade_scan returns */
};

void grade_ws_free(grade_ws *w)
{
    if (!w)
        return;
    match_ws_free(w->mw);
    u8_norm_release(&w->t);
    free(w->f);
    free(w->seen_gen);
    free(w->seen_seg);
    free(w->rep_to);
    free(w);
}

grade_ws *grade_ws_new(void)
{
    grade_ws *w = xcalloc(1, sizeof *w);
    w->mw = match_ws_new();
    return w;
}

/* The lexicon's own workspace (made on first use). */
static grade_ws *ws_of(const lexicon *lx)
{
    lexicon *l = (lexicon *)lx; /* the scratch space only: see lexicon.h */
    if (!l->ws)
        l->ws = grade_ws_new();
    return l->ws;
}

/* w made ready for grading a reply with lx. */
static grade_ws *ws_ready(const lexicon *lx, grade_ws *w)
{
    if (lx->n > w->cape) {
        free(w->seen_gen);
        free(w->seen_seg);
        w->seen_gen = xcalloc(lx->n, sizeof *w->seen_gen);
        w->seen_seg = xcalloc(lx->n, sizeof *w->seen_seg);
        w->cape = lx->n;
        w->gen = 0;
    }
    if (++w->gen == 0 || w->gen == 1) {
        memset(w->seen_gen, 0, w->cape * sizeof *w->seen_gen);
        w->gen = 1;
    }
    return w;
}

/* grade_scan, or grade_scan_reply when reply is 1, in workspace w. */
static const grade_result *scan(const lexicon *lx, grade_ws *w, const char *text, size_t len,
                                int reply, char **err)
{
    w = ws_ready(lx, w);
    grade_result *out = &w->view;
    memset(out, 0, sizeof *out);
    u8_norm *t = &w->t;
    if ((reply ? u8_normalize_reply(text, len, t, err) : u8_normalize_into(text, len, t, err)) < 0)
        return NULL;
    out->empty = t->n == 0;

    const match_hit *h;
    const uint32_t *seg;
    size_t nh = match_scan_ws(lx->m, t, lx->tag_conj, 1, w->mw, &h, &seg);
    if (nh == 0)
        return out;
    /* Reported speech reaches forward in its segment: note where the first
     * marker of each segment ends. */
    size_t nseg = (size_t)seg[t->n - 1] + 1;
    if (nseg > w->capseg) {
        free(w->rep_to);
        w->capseg = nseg;
        w->rep_to = xmalloc(nseg * sizeof *w->rep_to);
    }
    for (size_t i = 0; i < nseg; i++)
        w->rep_to[i] = SIZE_MAX;
    for (size_t i = 0; i < nh; i++)
        if (h[i].tag == lx->tag_report && h[i].to < w->rep_to[h[i].clause])
            w->rep_to[h[i].clause] = h[i].to;
    if (nh > w->capf) {
        free(w->f);
        w->capf = nh;
        w->f = xmalloc(nh * sizeof *w->f);
    }
    out->f = w->f;
    /* Occurrences come in position order, so segments never decrease; the
     * first one of an entry in a segment that survives the scope rules is
     * its finding there. */
    for (size_t i = 0; i < nh; i++) {
        if (h[i].tag < 0 || h[i].tag >= (int)lx->n)
            continue;
        const lex_entry *e = &lx->e[h[i].tag];
        if (w->seen_gen[h[i].tag] == w->gen && w->seen_seg[h[i].tag] == h[i].clause)
            continue;
        if (e->kind == LEX_FORBIDDEN) {
            if (t->quoted[h[i].from] || w->rep_to[h[i].clause] <= h[i].from)
                continue;
        } else if (e->negatable && negated(t, seg, h[i].from)) {
            continue;
        }
        w->seen_gen[h[i].tag] = w->gen;
        w->seen_seg[h[i].tag] = h[i].clause;
        finding *f = &w->f[out->nf++];
        f->entry = e;
        f->byte_from = t->start[h[i].from];
        f->byte_to = t->end[h[i].to - 1];
        f->match = NULL;
        if (e->kind == LEX_STEP)
            out->steps |= 1u << e->step;
    }
    return out;
}

const grade_result *grade_scan(const lexicon *lx, const char *text, size_t len, char **err)
{
    return scan(lx, ws_of(lx), text, len, 0, err);
}

const grade_result *grade_scan_reply(const lexicon *lx, const char *text, size_t len, char **err)
{
    return scan(lx, ws_of(lx), text, len, 1, err);
}

const grade_result *grade_scan_reply_ws(const lexicon *lx, grade_ws *w, const char *text,
                                        size_t len, char **err)
{
    return scan(lx, w, text, len, 1, err);
}

int grade_text(const lexicon *lx, const char *text, size_t len,
               grade_result *out, char **err)
{
    memset(out, 0, sizeof *out);
    const grade_result *g = grade_scan(lx, text, len, err);
    if (!g)
        return -1;
    const u8_norm *t = &lx->ws->t;
    char *norm = xmalloc(4 * t->n + 1), *p = norm;
    for (size_t i = 0; i < t->n; i++)
        p += u8_encode(t->cp[i], p);
    *p = '\0';
    out->norm = norm;
    out->empty = g->empty;
    out->steps = g->steps;
    out->nf = g->nf;
    if (g->nf) {
        out->f = xmalloc(g->nf * sizeof *out->f);
        for (size_t i = 0; i < g->nf; i++) {
            out->f[i] = g->f[i];
            out->f[i].match = xstrndup(text + g->f[i].byte_from,
                                       g->f[i].byte_to - g->f[i].byte_from);
        }
    }
    return 0;
}

void grade_result_release(grade_result *r)
{
    for (size_t i = 0; i < r->nf; i++)
        free(r->f[i].match);
    free(r->f);
    free(r->norm);
    memset(r, 0, sizeof *r);
}
