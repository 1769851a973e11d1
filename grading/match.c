/*
 * match.c - pattern compiler and Aho-Corasick scanner over folded code
 * points. Every literal alternative of every pattern token goes into one
 * automaton; one pass over a text finds all literal occurrences, and a
 * cheap chaining step joins them into pattern occurrences (adjacent tokens,
 * bounded gaps, same clause).
 *
 * Written by hand because no Debian-packaged C library offers Aho-Corasick
 * over Unicode code points with per-literal payloads; the automaton is ~150
 * lines. Deliberately not here: lexicon semantics and scope rules.
 */
#include "match.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_GAP 12
#define DEFAULT_GAP 4
#define MAX_OPTIONAL 6
#define MAX_TOKENS 16

typedef struct lit_ref {
    int variant; /* index into variants */
    int token;   /* token index inside the variant */
} lit_ref;

typedef struct literal {
    lit_ref *refs; /* every (variant, token) this literal stands for */
    size_t nrefs;  /* entries in refs */
    size_t len;    /* length in code points */
} literal;

typedef struct variant {
    int tag;                  /* caller's tag */
    int ntok;                 /* number of tokens */
    uint8_t at_start;         /* 1 = must begin its clause (pattern starts with ^) */
    uint8_t at_end;           /* 1 = must end its clause (pattern ends with $) */
    uint8_t gap[MAX_TOKENS];  /* max gap before token i (gap[0] unused) */
} variant;

typedef struct node {
    uint32_t *keys; /* edge labels (sorted after compile) */
    int *kids;      /* child node per key */
    int nkids;      /* number of edges */
    int cap;        /* allocated edges */
    int fail;       /* failure link */
    int lit;        /* literal ending here, or -1 */
    int out;        /* next node on the failure chain with lit >= 0, or 0 */
} node;

struct match_set {
    node *nodes;       /* trie nodes, 0 = root */
    int nnodes;        /* used */
    int capnodes;      /* allocated */
    literal *lits;     /* literals, indexed by node.lit */
    int nlits;         /* used */
    int caplits;       /* allocated */
    variant *vars;     /* pattern variants */
    int nvars;         /* used */
    int capvars;       /* allocated */
    int compiled;      /* 1 after match_compile */
    int noconj_tag;    /* occurrences with this tag cancel conjunctions inside them */
};

match_set *match_new(void)
{
    match_set *m = xcalloc(1, sizeof *m);
    m->capnodes = 64;
    m->nodes = xcalloc((size_t)m->capnodes, sizeof *m->nodes);
    m->nnodes = 1;
    m->nodes[0].lit = -1;
    m->noconj_tag = -1;
    return m;
}

void match_set_noconj(match_set *m, int tag)
{
    m->noconj_tag = tag;
}

void match_free(match_set *m)
{
    if (!m)
        return;
    for (int i = 0; i < m->nnodes; i++) {
        free(m->nodes[i].keys);
        free(m->nodes[i].kids);
    }
    for (int i = 0; i < m->nlits; i++)
        free(m->lits[i].refs);
    free(m->nodes);
    free(m->lits);
    free(m->vars);
    free(m);
}

size_t match_count(const match_set *m)
{
    return (size_t)m->nvars;
}

/* Child of node n labelled c, or -1. Linear before compile, binary after. */
static int child(const match_set *m, int n, uint32_t c)
{
    const node *nd = &m->nodes[n];
    if (!m->compiled) {
        for (int i = 0; i < nd->nkids; i++)
            if (nd->keys[i] == c)
                return nd->kids[i];
        return -1;
    }
    int lo = 0, hi = nd->nkids - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (nd->keys[mid] == c)
            return nd->kids[mid];
        if (nd->keys[mid] < c)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static int add_node(match_set *m)
{
    if (m->nnodes == m->capnodes) {
        m->capnodes *= 2;
        m->nodes = xrealloc(m->nodes, (size_t)m->capnodes * sizeof *m->nodes);
    }
    node *nd = &m->nodes[m->nnodes];
    memset(nd, 0, sizeof *nd);
    nd->lit = -1;
    return m->nnodes++;
}

/* Inserts a literal (folded UTF-8) and returns its literal index. */
static int insert_literal(match_set *m, const char *folded)
{
    int n = 0;
    size_t len = 0;
    for (const char *p = folded; *p;) {
        uint32_t c = u8_next(&p);
        len++;
        int next = child(m, n, c);
        if (next < 0) {
            next = add_node(m);
            node *nd = &m->nodes[n];
            if (nd->nkids == nd->cap) {
                nd->cap = nd->cap ? nd->cap * 2 : 2;
                nd->keys = xrealloc(nd->keys, (size_t)nd->cap * sizeof *nd->keys);
                nd->kids = xrealloc(nd->kids, (size_t)nd->cap * sizeof *nd->kids);
            }
            nd->keys[nd->nkids] = c;
            nd->kids[nd->nkids] = next;
            nd->nkids++;
        }
        n = next;
    }
    if (m->nodes[n].lit < 0) {
        if (m->nlits == m->caplits) {
            m->caplits = m->caplits ? m->caplits * 2 : 32;
            m->lits = xrealloc(m->lits, (size_t)m->caplits * sizeof *m->lits);
        }
        m->lits[m->nlits] = (literal){ NULL, 0, len };
        m->nodes[n].lit = m->nlits++;
    }
    return m->nodes[n].lit;
}

static void add_ref(match_set *m, int lit, int variant, int token)
{
    literal *l = &m->lits[lit];
    for (size_t i = 0; i < l->nrefs; i++)
        if (l->refs[i].variant == variant && l->refs[i].token == token)
            return;
    l->refs = xrealloc(l->refs, (l->nrefs + 1) * sizeof *l->refs);
    l->refs[l->nrefs++] = (lit_ref){ variant, token };
}

/* A parsed token: folded alternatives, optional flag, gap before it. */
typedef struct ptoken {
    char **alts;  /* folded alternatives */
    int nalts;    /* number of alternatives */
    int optional; /* 1 if suffixed with ? */
    int gap;      /* max gap before this token */
} ptoken;

static void free_tokens(ptoken *t, int n)
{
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < t[i].nalts; j++)
            free(t[i].alts[j]);
        free(t[i].alts);
    }
}

static int add_alt(ptoken *t, const char *text, size_t len, const char *pattern,
                   char **err)
{
    char *raw = xstrndup(text, len);
    char *folded = u8_fold(raw);
    if (!folded || !*folded) {
        crm_seterr(err, _("pattern '%s': '%s' is empty after folding (only spaces or punctuation?)"),
                   pattern, raw);
        free(raw);
        free(folded);
        return -1;
    }
    free(raw);
    t->alts = xrealloc(t->alts, (size_t)(t->nalts + 1) * sizeof *t->alts);
    t->alts[t->nalts++] = folded;
    return 0;
}

/* Parses one token word (no spaces) into t. */
static int parse_token(const char *w, size_t wl, ptoken *t, const char *pattern,
                       match_class_fn classes, void *ctx, char **err)
{
    if (wl > 1 && w[wl - 1] == '?') {
        t->optional = 1;
        wl--;
    }
    size_t i = 0;
    while (i <= wl) {
        size_t j = i;
        while (j < wl && w[j] != '|')
            j++;
        if (j == i)
            return crm_seterr(err, _("pattern '%s': empty alternative"), pattern);
        if (w[i] == '{') {
            if (w[j - 1] != '}' || j - i < 3)
                return crm_seterr(err, _("pattern '%s': malformed class '%.*s'"), pattern,
                                  (int)(j - i), w + i);
            char *name = xstrndup(w + i + 1, j - i - 2);
            const char *const *alts = classes ? classes(name, ctx) : NULL;
            if (!alts) {
                crm_seterr(err, _("pattern '%s': unknown class '{%s}'"), pattern, name);
                free(name);
                return -1;
            }
            free(name);
            for (; *alts; alts++)
                if (add_alt(t, *alts, strlen(*alts), pattern, err) < 0)
                    return -1;
        } else if (add_alt(t, w + i, j - i, pattern, err) < 0) {
            return -1;
        }
        i = j + 1;
    }
    return 0;
}

static void add_variant(match_set *m, int tag, ptoken *tok, int ntok, unsigned mask,
                        int at_start, int at_end)
{
    if (m->nvars == m->capvars) {
        m->capvars = m->capvars ? m->capvars * 2 : 32;
        m->vars = xrealloc(m->vars, (size_t)m->capvars * sizeof *m->vars);
    }
    int v = m->nvars;
    variant *var = &m->vars[v];
    memset(var, 0, sizeof *var);
    var->tag = tag;
    var->at_start = (uint8_t)at_start;
    var->at_end = (uint8_t)at_end;
    int carry = 0, opt = 0, k = 0;
    for (int i = 0; i < ntok; i++) {
        int keep = 1;
        if (tok[i].optional)
            keep = (mask >> opt++) & 1;
        int gap = (k == 0) ? 0 : carry + tok[i].gap;
        if (!keep) {
            carry += (k == 0) ? 0 : tok[i].gap;
            continue;
        }
        carry = 0;
        var->gap[k] = (uint8_t)(gap > MAX_GAP ? MAX_GAP : gap);
        for (int a = 0; a < tok[i].nalts; a++)
            add_ref(m, insert_literal(m, tok[i].alts[a]), v, k);
        k++;
    }
    var->ntok = k;
    if (k > 0)
        m->nvars++;
}

int match_add(match_set *m, const char *pattern, int tag,
              match_class_fn classes, void *ctx, char **err)
{
    ptoken tok[MAX_TOKENS];
    int ntok = 0, nopt = 0, pending_gap = 0, saw_gap = 0, rc = -1;
    int at_start = 0, at_end = 0;
    memset(tok, 0, sizeof tok);
    if (m->compiled)
        return crm_seterr(err, _("pattern '%s': set already compiled"), pattern);
    for (const char *p = pattern; *p;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        const char *w = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        size_t wl = (size_t)(p - w);
        if (at_end) {
            crm_seterr(err, _("pattern '%s': '$' must be the last token"), pattern);
            goto done;
        }
        if (wl == 1 && w[0] == '^') {
            if (ntok > 0 || at_start) {
                crm_seterr(err, _("pattern '%s': '^' must be the first token"), pattern);
                goto done;
            }
            at_start = 1;
            continue;
        }
        if (wl == 1 && w[0] == '$') {
            if (ntok == 0 || saw_gap) {
                crm_seterr(err, _("pattern '%s': '$' must follow a token"), pattern);
                goto done;
            }
            at_end = 1;
            continue;
        }
        if (wl >= 2 && w[0] == '.' && w[1] == '.') {
            int g = DEFAULT_GAP;
            if (wl > 2) {
                char *end;
                char *num = xstrndup(w + 2, wl - 2);
                long v = strtol(num, &end, 10);
                int bad = *end || v < 1 || v > MAX_GAP;
                free(num);
                if (bad) {
                    crm_seterr(err, _("pattern '%s': gap '%.*s' must be .. or ..N with N from 1 to %d"),
                               pattern, (int)wl, w, MAX_GAP);
                    goto done;
                }
                g = (int)v;
            }
            if (ntok == 0 || saw_gap) {
                crm_seterr(err, _("pattern '%s': a gap must stand between two tokens"), pattern);
                goto done;
            }
            pending_gap = g;
            saw_gap = 1;
            continue;
        }
        if (ntok == MAX_TOKENS) {
            crm_seterr(err, _("pattern '%s': more than %d tokens"), pattern, MAX_TOKENS);
            goto done;
        }
        tok[ntok].gap = pending_gap;
        if (parse_token(w, wl, &tok[ntok], pattern, classes, ctx, err) < 0) {
            ntok++;
            goto done;
        }
        nopt += tok[ntok].optional;
        ntok++;
        pending_gap = 0;
        saw_gap = 0;
    }
    if (saw_gap) {
        crm_seterr(err, _("pattern '%s': a gap must stand between two tokens"), pattern);
        goto done;
    }
    if (ntok == 0) {
        crm_seterr(err, _("pattern '%s': no tokens"), pattern);
        goto done;
    }
    if (nopt > MAX_OPTIONAL) {
        crm_seterr(err, _("pattern '%s': more than %d optional tokens"), pattern, MAX_OPTIONAL);
        goto done;
    }
    if (nopt == ntok) {
        crm_seterr(err, _("pattern '%s': every token is optional"), pattern);
        goto done;
    }
    for (unsigned mask = 0; mask < (1u << nopt); mask++)
        add_variant(m, tag, tok, ntok, mask, at_start, at_end);
    rc = 0;
done:
    free_tokens(tok, ntok);
    return rc;
}

typedef struct edge {
    uint32_t key; /* label */
    int kid;      /* child */
} edge;

static int cmp_edge(const void *a, const void *b)
{
    const edge *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

void match_compile(match_set *m)
{
    if (m->compiled)
        return;
    /* Sort edges for binary search. */
    for (int n = 0; n < m->nnodes; n++) {
        node *nd = &m->nodes[n];
        if (nd->nkids < 2)
            continue;
        edge *e = xmalloc((size_t)nd->nkids * sizeof *e);
        for (int i = 0; i < nd->nkids; i++)
            e[i] = (edge){ nd->keys[i], nd->kids[i] };
        qsort(e, (size_t)nd->nkids, sizeof *e, cmp_edge);
        for (int i = 0; i < nd->nkids; i++) {
            nd->keys[i] = e[i].key;
            nd->kids[i] = e[i].kid;
        }
        free(e);
    }
    m->compiled = 1;
    /* Breadth-first failure and output links. */
    int *queue = xmalloc((size_t)m->nnodes * sizeof *queue);
    int head = 0, tail = 0;
    for (int i = 0; i < m->nodes[0].nkids; i++) {
        int k = m->nodes[0].kids[i];
        m->nodes[k].fail = 0;
        m->nodes[k].out = 0;
        queue[tail++] = k;
    }
    while (head < tail) {
        int n = queue[head++];
        for (int i = 0; i < m->nodes[n].nkids; i++) {
            uint32_t c = m->nodes[n].keys[i];
            int k = m->nodes[n].kids[i];
            int f = m->nodes[n].fail;
            int to;
            while ((to = child(m, f, c)) < 0 && f != 0)
                f = m->nodes[f].fail;
            if (to < 0 || to == k)
                to = 0;
            m->nodes[k].fail = to;
            m->nodes[k].out = m->nodes[to].lit >= 0 ? to : m->nodes[to].out;
            queue[tail++] = k;
        }
    }
    free(queue);
}

/* A literal occurrence attributed to one (variant, token). */
typedef struct occ {
    int variant;  /* variant index */
    int token;    /* token index */
    size_t start; /* first code point */
    size_t end;   /* one past the last */
} occ;

static int cmp_occ(const void *a, const void *b)
{
    const occ *x = a, *y = b;
    if (x->variant != y->variant)
        return x->variant - y->variant;
    if (x->token != y->token)
        return x->token - y->token;
    return (x->start > y->start) - (x->start < y->start);
}

static int cmp_hit(const void *a, const void *b)
{
    const match_hit *x = a, *y = b;
    if (x->from != y->from)
        return (x->from > y->from) - (x->from < y->from);
    if (x->tag != y->tag)
        return x->tag - y->tag;
    return (x->to > y->to) - (x->to < y->to);
}

/* First index in o[lo..hi) whose (variant, token) is (v, t), else hi. */
static size_t range_start(const occ *o, size_t lo, size_t hi, int v, int t)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (o[mid].variant < v || (o[mid].variant == v && o[mid].token < t))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Extends a chain from token t (needs start in [from, from+gap]); returns
 * the end of the full match or 0 when none. */
static size_t extend(const match_set *m, const occ *o, size_t n, int v, int t,
                     size_t from, uint32_t segno, const uint32_t *seg, size_t textlen)
{
    const variant *var = &m->vars[v];
    if (t == var->ntok) {
        /* '$': the match must reach the end of its clause; otherwise the
         * caller tries a later occurrence of the last token. */
        if (var->at_end && from < textlen && seg[from] == seg[from - 1])
            return 0;
        return from;
    }
    size_t i = range_start(o, 0, n, v, t);
    for (; i < n && o[i].variant == v && o[i].token == t; i++) {
        if (o[i].start < from)
            continue;
        if (o[i].start > from + var->gap[t])
            break;
        if (seg[o[i].start] != segno)
            continue;
        size_t end = extend(m, o, n, v, t + 1, o[i].end, segno, seg, textlen);
        if (end)
            return end;
    }
    return 0;
}

static size_t scan(const match_set *m, const u8_norm *text, int conj_tag,
                   match_hit **hits, uint32_t **segp, int all)
{
    size_t n = text->n;
    occ *o = NULL;
    size_t no = 0, capo = 0;
    uint8_t *boundary = xcalloc(n + 1, 1);
    uint8_t *covered = xcalloc(n + 1, 1); /* inside a word that is no conjunction */
    int state = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = text->cp[i];
        int to;
        while ((to = child(m, state, c)) < 0 && state != 0)
            state = m->nodes[state].fail;
        state = to < 0 ? 0 : to;
        int out = m->nodes[state].lit >= 0 ? state : m->nodes[state].out;
        for (; out > 0; out = m->nodes[out].out) {
            const literal *l = &m->lits[m->nodes[out].lit];
            size_t start = i + 1 - l->len;
            if (text->clause[start] != text->clause[i])
                continue; /* a literal never spans clause punctuation */
            for (size_t r = 0; r < l->nrefs; r++) {
                const lit_ref *ref = &l->refs[r];
                if (m->vars[ref->variant].tag == conj_tag && ref->token == 0 &&
                    m->vars[ref->variant].ntok == 1) {
                    boundary[start] = 1;
                    continue;
                }
                if (m->vars[ref->variant].tag == m->noconj_tag) {
                    memset(covered + start, 1, i + 1 - start);
                    continue;
                }
                if (no == capo) {
                    capo = capo ? capo * 2 : 16;
                    o = xrealloc(o, capo * sizeof *o);
                }
                o[no++] = (occ){ ref->variant, ref->token, start, i + 1 };
            }
        }
    }
    uint32_t *seg = xmalloc((n ? n : 1) * sizeof *seg);
    for (size_t i = 0; i < n; i++)
        seg[i] = i == 0 ? 0 : seg[i - 1] + (text->clause[i] != text->clause[i - 1] ||
                                            (boundary[i] && !covered[i]));
    free(boundary);
    free(covered);
    if (no > 1)
        qsort(o, no, sizeof *o, cmp_occ);

    match_hit *h = NULL;
    size_t nh = 0, caph = 0;
    for (size_t i = 0; i < no; i++) {
        if (o[i].token != 0 || seg[o[i].start] != seg[o[i].end - 1])
            continue;
        const variant *var = &m->vars[o[i].variant];
        if (var->at_start && o[i].start > 0 && seg[o[i].start - 1] == seg[o[i].start])
            continue;
        size_t end = extend(m, o, no, o[i].variant, 1, o[i].end, seg[o[i].start], seg, n);
        if (!end || seg[end - 1] != seg[o[i].start])
            continue;
        if (nh == caph) {
            caph = caph ? caph * 2 : 8;
            h = xrealloc(h, caph * sizeof *h);
        }
        h[nh++] = (match_hit){ m->vars[o[i].variant].tag, o[i].start, end, seg[o[i].start] };
    }
    free(o);
    /* Keep the first occurrence of each tag per segment (all: of each tag
     * per start position, since variants of one pattern may both match). */
    if (nh > 1)
        qsort(h, nh, sizeof *h, cmp_hit);
    size_t k = 0;
    for (size_t i = 0; i < nh; i++) {
        int dup = 0;
        for (size_t j = k; j-- > 0;) {
            if (all && h[j].from != h[i].from)
                break; /* sorted by position: earlier starts cannot be duplicates */
            if (h[j].tag == h[i].tag && (all || h[j].clause == h[i].clause)) {
                dup = 1;
                break;
            }
        }
        if (!dup)
            h[k++] = h[i];
    }
    *hits = h;
    if (segp)
        *segp = seg;
    else
        free(seg);
    return k;
}

size_t match_scan(const match_set *m, const u8_norm *text, int conj_tag,
                  match_hit **hits, uint32_t **seg)
{
    return scan(m, text, conj_tag, hits, seg, 0);
}

size_t match_scan_all(const match_set *m, const u8_norm *text, int conj_tag,
                      match_hit **hits, uint32_t **seg)
{
    return scan(m, text, conj_tag, hits, seg, 1);
}
