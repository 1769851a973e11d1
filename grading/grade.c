/*
 * grade.c - turns one reply into findings: normalise, one scan of the
 * compiled lexicon, then the scope rules: quoted text and reported or
 * refused speech never yield a forbidden finding; a negator right before an
 * empathy or step match drops it. Pure: no I/O.
 */
#include "grade.h"

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

static negw negs[sizeof neg_words / sizeof *neg_words];
static size_t nnegs;

static void init_negs(void)
{
    if (nnegs)
        return;
    for (size_t i = 0; neg_words[i]; i++) {
        const char *p = neg_words[i];
        negw w = { { 0 }, 0 };
        while (*p && w.n < 8)
            w.cp[w.n++] = u8_next(&p);
        negs[nnegs++] = w;
    }
}

/* 1 if a negator ends within NEG_WINDOW characters before `at`, inside the
 * same segment. */
static int negated(const u8_norm *t, const uint32_t *seg, size_t at)
{
    init_negs();
    for (size_t back = 0; back <= NEG_WINDOW && back <= at; back++) {
        size_t end = at - back; /* negator would end here (exclusive) */
        for (size_t i = 0; i < nnegs; i++) {
            size_t n = negs[i].n;
            if (n > end)
                continue;
            size_t s = end - n;
            if (seg[s] != seg[at] || (end > 0 && seg[end - 1] != seg[at]))
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

int grade_text(const lexicon *lx, const char *text, size_t len,
               grade_result *out, char **err)
{
    memset(out, 0, sizeof *out);
    u8_norm t;
    if (u8_normalize(text, len, &t, err) < 0)
        return -1;
    strbuf nb;
    sb_init(&nb);
    for (size_t i = 0; i < t.n; i++) {
        char b[4];
        sb_add(&nb, b, (size_t)u8_encode(t.cp[i], b));
    }
    out->norm = sb_detach(&nb);
    sb_release(&nb);
    out->empty = t.n == 0;

    match_hit *h = NULL;
    uint32_t *seg = NULL;
    size_t nh = match_scan_all(lx->m, &t, lx->tag_conj, &h, &seg);
    uint32_t *fseg = NULL; /* segment of each finding kept */
    /* Occurrences come in position order; the first one of an entry in a
     * clause that survives the scope rules is its finding there. */
    for (size_t i = 0; i < nh; i++) {
        if (h[i].tag >= (int)lx->n)
            continue;
        const lex_entry *e = &lx->e[h[i].tag];
        int seen = 0;
        for (size_t j = 0; j < out->nf && !seen; j++)
            seen = out->f[j].entry == e && fseg[j] == h[i].clause;
        if (seen)
            continue;
        if (e->kind == LEX_FORBIDDEN) {
            if (t.quoted[h[i].from])
                continue;
            int reported = 0;
            for (size_t j = 0; j < nh; j++)
                if (h[j].tag == lx->tag_report && h[j].clause == h[i].clause &&
                    h[j].to <= h[i].from)
                    reported = 1;
            if (reported)
                continue;
        } else if (e->negatable && negated(&t, seg, h[i].from)) {
            continue;
        }
        out->f = xrealloc(out->f, (out->nf + 1) * sizeof *out->f);
        fseg = xrealloc(fseg, (out->nf + 1) * sizeof *fseg);
        fseg[out->nf] = h[i].clause;
        finding *f = &out->f[out->nf++];
        f->entry = e;
        f->byte_from = t.start[h[i].from];
        f->byte_to = t.end[h[i].to - 1];
        f->match = xstrndup(text + f->byte_from, f->byte_to - f->byte_from);
        if (e->kind == LEX_STEP)
            out->steps |= 1u << e->step;
    }
    free(h);
    free(seg);
    free(fseg);
    u8_norm_release(&t);
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
