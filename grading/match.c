/*
 * match.c - pattern compiler and multi-pattern scanner over folded code
 * points. Every literal alternative of every pattern token goes into one
 * trie; one pass over a text finds all literal occurrences, and a cheap
 * chaining step joins them into pattern occurrences (adjacent tokens,
 * bounded gaps, same clause).
 *
 * How it is made fast (measured by `make bench`, tests/bench/RESULTS.md):
 * - compiling fuses tokens with no gap between them into longer literals
 *   (我|我们 不 负责 -> 我不负责|我们不负责) where that cannot change which
 *   match is found: fewer, rarer literals, fewer chaining steps;
 * - code points map to a dense alphabet and the trie is a double array (a
 *   step is one load and one compare), each slot carrying what the scan
 *   needs about its node; a literal never spans clause punctuation, so
 *   the literals starting at each position come from an independent walk
 *   down the trie;
 * - a scan keeps one record per literal occurrence, not one per (pattern,
 *   token) it could stand for, in (start, end) order, so the occurrences
 *   in a gap's window are one run of the array;
 * - a pattern is chained only when its anchor (its least likely token)
 *   occurred and a literal of each of its tokens' sets was seen: a
 *   literal's first sighting stamps the sets it is in (one or two, mostly)
 *   and joins their lists of seen literals, from which token 0's
 *   occurrences are found;
 * - scratch space lives in a match_ws that callers keep: a warm workspace
 *   scans without allocating.
 * The results are those of the plain algorithm (first occurrence of each
 * token in (start, end) order, chained depth-first): `make bench` and the
 * unit tests compare.
 *
 * Written by hand because no Debian-packaged C library offers multi-pattern
 * matching over Unicode code points with per-literal payloads. Deliberately
 * not here: lexicon semantics and scope rules.
 */
#include "match.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_GAP 12
#define DEFAULT_GAP 4
#define MAX_OPTIONAL 6
#define MAX_TOKENS 16

/* Code point to symbol map: pages of 256 code points. */
#define SYM_PAGE_SHIFT 8
#define SYM_NPAGES (0x110000 >> SYM_PAGE_SHIFT)

/* Literal flags. */
#define LF_NOCONJ 1 /* some pattern tagged noconj_tag uses it */
#define LF_SOLO 2   /* token 0 of some one-token variant (a marker candidate) */
#define LF_CONJ 4   /* token 0 of a one-token variant tagged conj_tag */

typedef struct lit_ref {
    int variant; /* index into variants */
    int token;   /* token index inside the variant */
} lit_ref;

typedef struct literal {
    lit_ref *refs; /* every (variant, token) this literal stands for (until compiled) */
    size_t nrefs;  /* entries in refs */
    size_t len;    /* length in code points */
    uint32_t *cp;  /* its code points */
} literal;

typedef struct variant {
    int tag;                  /* caller's tag */
    int ntok;                 /* number of tokens */
    uint8_t at_start;         /* 1 = must begin its clause (pattern starts with ^) */
    uint8_t at_end;           /* 1 = must end its clause (pattern ends with $) */
    uint8_t gap[MAX_TOKENS];  /* max gap before token i (gap[0] unused) */
} variant;

typedef struct node {
    int nkids;      /* number of edges (the edges are in bkey/bval) */
    int lit;        /* literal ending here, or -1 */
} node;

/* ---- the scanning form, built by match_compile ----------------------- */

/* A node of the trie as a scan reads it, in a double array: the child of
 * the node in slot s on symbol c is in slot base + c when that slot's
 * check is s (the root is slot 0 with base 0, so its children are in the
 * slots of their symbols). 8 bytes a slot (the course lexicons' trie is
 * ~8,400 slots); the literal of a slot is in a separate array, read only
 * when one ends there. */
typedef struct dnode {
    uint32_t base;   /* children: slot base + symbol; 0 = no children */
    uint32_t check;  /* slot of the parent | DA_LIT when a literal ends here */
} dnode;

#define DA_LIT 0x80000000u  /* in dnode.check: a literal ends here */
#define DA_SLOT 0x7FFFFFFFu /* in dnode.check: the parent's slot (all ones: free) */

typedef struct dinfo {
    int32_t lit;     /* literal ending here, or -1 */
    uint32_t flags;  /* LF_CONJ and LF_NOCONJ of that literal */
} dinfo;

/* A literal. */
typedef struct plit {
    int flags;      /* LF_* */
    int solo_start; /* one-token variants: solo[solo_start .. +nsolo) */
    int nsolo;      /* count */
    int anc_start;  /* variants anchored on it: lanc[anc_start .. +nanc) */
    int nanc;       /* count */
    int mem_start;  /* the sets it is in: mem_set[mem_start .. +nmem), ascending */
    int nmem;       /* count (1.25 on average for the course lexicons) */
} plit;

/* A set of alternatives: the literals one token accepts (tokens with the
 * same alternatives share a set). */
typedef struct pset {
    int alt_start;     /* its literals: alt[alt_start .. +nalt), sorted */
    int nalt;          /* count */
} pset;

/* A variant (a pattern with each optional token in or out), fused. */
typedef struct pvar {
    int tag;                 /* caller's tag */
    uint8_t ntok;            /* tokens */
    uint8_t at_start;        /* must begin its clause */
    uint8_t at_end;          /* must end its clause */
    uint8_t marker;          /* tagged noconj_tag: shapes segments, never a hit */
    uint8_t solo;            /* one token as written (a conjunction marker if so tagged) */
    uint8_t gap[MAX_TOKENS]; /* max gap before token i */
    int set[MAX_TOKENS];     /* set of alternatives of token i */
} pvar;

/* The symbols of a page of code points none of which is in a literal. */
static uint32_t sym_none[1u << SYM_PAGE_SHIFT];

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
    int *ihash;        /* while adding: literals by hash of their code points, -1 = empty */
    size_t icap;       /* slots (a power of two) */
    uint64_t *bkey;    /* while compiling: edges (BKEY) in a hash table, 0 = empty */
    int *bval;         /* child per slot */
    size_t bcap;       /* slots (a power of two), 0 before the first edge */
    size_t bn;         /* slots used */
    int noconj_tag;    /* occurrences with this tag cancel conjunctions inside them */
    int conj_tag;      /* the conj_tag scans are expected to pass (LF_CONJ), or -1 */
    /* Built by match_compile, for scanning: */
    uint32_t *sympage[SYM_NPAGES]; /* code point -> symbol (0 = in no literal), by page;
                                    * once compiled, a page of no symbol is sym_none */
    int nsym;          /* symbols in use, plus 1 */
    dnode *da;         /* the trie as a double array */
    dinfo *di;         /* the literal of each slot */
    size_t nda;        /* slots (every base + symbol is inside) */
    plit *pl;          /* literals */
    int *solo;         /* one-token variants each literal is token 0 of */
    int *lanc;         /* variants anchored on each literal */
    pset *ps;          /* sets of alternatives */
    int nsets;         /* number of sets */
    int *alt;          /* literals of each set, sorted */
    int *mem_set;      /* memberships (literal, set), by literal: the set */
    int *mem_lit;      /* and the literal */
    int nmem;          /* number of memberships */
    pvar *pv;          /* variants */
};

match_set *match_new(void)
{
    match_set *m = xcalloc(1, sizeof *m);
    m->capnodes = 64;
    m->nodes = xcalloc((size_t)m->capnodes, sizeof *m->nodes);
    m->nnodes = 1;
    m->nodes[0].lit = -1;
    m->noconj_tag = -1;
    m->conj_tag = -1;
    return m;
}

static void set_noconj_flags(match_set *m);

void match_set_noconj(match_set *m, int tag)
{
    m->noconj_tag = tag;
    if (m->compiled)
        set_noconj_flags(m);
}

void match_set_conj(match_set *m, int tag)
{
    m->conj_tag = tag;
    if (m->compiled)
        set_noconj_flags(m);
}

void match_free(match_set *m)
{
    if (!m)
        return;
    for (int i = 0; m->lits && i < m->nlits; i++) {
        free(m->lits[i].refs);
        free(m->lits[i].cp);
    }
    free(m->nodes);
    free(m->lits);
    free(m->vars);
    for (int i = 0; i < SYM_NPAGES; i++)
        if (m->sympage[i] != sym_none)
            free(m->sympage[i]);
    free(m->da);
    free(m->di);
    free(m->ihash);
    free(m->bkey);
    free(m->bval);
    free(m->pl);
    free(m->solo);
    free(m->lanc);
    free(m->ps);
    free(m->alt);
    free(m->mem_set);
    free(m->mem_lit);
    free(m->pv);
    free(m);
}

size_t match_count(const match_set *m)
{
    return (size_t)m->nvars;
}

/* An edge of the trie being built, as a key of the edge hash table. */
#define BKEY(n, c) ((uint64_t)1 << 63 | (uint64_t)(uint32_t)(n) << 32 | (c))

static inline uint32_t edge_hash(uint64_t key)
{
    key *= UINT64_C(0x9E3779B97F4A7C15);
    return (uint32_t)(key >> 32);
}

/* Child of node n labelled c, or -1 (while building: the trie's edges are
 * also in a hash table, since the root has a child per character). */
static int child(const match_set *m, int n, uint32_t c)
{
    if (!m->bcap)
        return -1;
    uint64_t key = BKEY(n, c);
    for (size_t h = edge_hash(key) & (m->bcap - 1);; h = (h + 1) & (m->bcap - 1)) {
        if (m->bkey[h] == key)
            return m->bval[h];
        if (!m->bkey[h])
            return -1;
    }
}

static void add_edge(match_set *m, int n, uint32_t c, int kid)
{
    if (2 * (m->bn + 1) > m->bcap) {
        size_t oldcap = m->bcap;
        uint64_t *ok = m->bkey;
        int *ov = m->bval;
        m->bcap = oldcap ? oldcap * 2 : 1024;
        m->bkey = xcalloc(m->bcap, sizeof *m->bkey);
        m->bval = xmalloc(m->bcap * sizeof *m->bval);
        m->bn = 0;
        for (size_t i = 0; i < oldcap; i++)
            if (ok[i]) {
                size_t h = edge_hash(ok[i]) & (m->bcap - 1);
                while (m->bkey[h])
                    h = (h + 1) & (m->bcap - 1);
                m->bkey[h] = ok[i];
                m->bval[h] = ov[i];
                m->bn++;
            }
        free(ok);
        free(ov);
    }
    uint64_t key = BKEY(n, c);
    size_t h = edge_hash(key) & (m->bcap - 1);
    while (m->bkey[h])
        h = (h + 1) & (m->bcap - 1);
    m->bkey[h] = key;
    m->bval[h] = kid;
    m->bn++;
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

/* Inserts a literal (code points) and returns its literal index. */
static int insert_cps(match_set *m, const uint32_t *cp, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t c = cp[i];
        int next = child(m, n, c);
        if (next < 0) {
            next = add_node(m);
            m->nodes[n].nkids++;
            add_edge(m, n, c, next);
        }
        n = next;
    }
    if (m->nodes[n].lit < 0) {
        if (m->nlits == m->caplits) {
            m->caplits = m->caplits ? m->caplits * 2 : 32;
            m->lits = xrealloc(m->lits, (size_t)m->caplits * sizeof *m->lits);
        }
        uint32_t *copy = xmalloc((len ? len : 1) * sizeof *copy);
        memcpy(copy, cp, len * sizeof *copy);
        m->lits[m->nlits] = (literal){ NULL, 0, len, copy };
        m->nodes[n].lit = m->nlits++;
    }
    return m->nodes[n].lit;
}

static uint32_t cps_hash(const uint32_t *cp, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ cp[i]) * 16777619u;
    return h;
}

/* The literal with these code points, made if new (match_add interns the
 * literals this way; match_compile builds the trie of the fused ones). */
static int intern_cps(match_set *m, const uint32_t *cp, size_t len)
{
    if (2 * ((size_t)m->nlits + 1) > m->icap) {
        free(m->ihash);
        m->icap = m->icap ? 2 * m->icap : 1024;
        m->ihash = xmalloc(m->icap * sizeof *m->ihash);
        memset(m->ihash, 0xff, m->icap * sizeof *m->ihash);
        for (int l = 0; l < m->nlits; l++) {
            size_t h = cps_hash(m->lits[l].cp, m->lits[l].len) & (m->icap - 1);
            while (m->ihash[h] >= 0)
                h = (h + 1) & (m->icap - 1);
            m->ihash[h] = l;
        }
    }
    size_t h = cps_hash(cp, len) & (m->icap - 1);
    for (; m->ihash[h] >= 0; h = (h + 1) & (m->icap - 1)) {
        const literal *l = &m->lits[m->ihash[h]];
        if (l->len == len && memcmp(l->cp, cp, len * sizeof *cp) == 0)
            return m->ihash[h];
    }
    if (m->nlits == m->caplits) {
        m->caplits = m->caplits ? m->caplits * 2 : 32;
        m->lits = xrealloc(m->lits, (size_t)m->caplits * sizeof *m->lits);
    }
    uint32_t *copy = xmalloc((len ? len : 1) * sizeof *copy);
    memcpy(copy, cp, len * sizeof *copy);
    m->lits[m->nlits] = (literal){ NULL, 0, len, copy };
    m->ihash[h] = m->nlits;
    return m->nlits++;
}

/* Interns a literal (folded UTF-8) and returns its literal index. */
static int insert_literal(match_set *m, const char *folded)
{
    size_t len = strlen(folded); /* code points <= bytes */
    uint32_t buf[64];
    uint32_t *cp = len <= 64 ? buf : xmalloc(len * sizeof *cp);
    size_t n = 0;
    for (const char *p = folded; *p;)
        cp[n++] = u8_next(&p);
    int l = intern_cps(m, cp, n);
    if (cp != buf)
        free(cp);
    return l;
}

static void add_ref(match_set *m, int lit, int variant, int token)
{
    literal *l = &m->lits[lit];
    for (size_t i = 0; i < l->nrefs; i++)
        if (l->refs[i].variant == variant && l->refs[i].token == token)
            return;
    if ((l->nrefs & (l->nrefs - 1)) == 0) /* 0, 1, 2, 4, …: double */
        l->refs = xrealloc(l->refs, (l->nrefs ? 2 * l->nrefs : 1) * sizeof *l->refs);
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

static inline uint32_t symbol_of(const match_set *m, uint32_t cp)
{
    if (cp >= 0x110000)
        return 0;
    const uint32_t *pg = m->sympage[cp >> SYM_PAGE_SHIFT];
    return pg ? pg[cp & ((1u << SYM_PAGE_SHIFT) - 1)] : 0;
}

/* symbol_of once compiled: every page is there. */
static inline uint32_t scan_symbol(const match_set *m, uint32_t cp)
{
    return cp < 0x110000 ? m->sympage[cp >> SYM_PAGE_SHIFT][cp & ((1u << SYM_PAGE_SHIFT) - 1)] : 0;
}

static void add_symbol(match_set *m, uint32_t cp)
{
    uint32_t **pg = &m->sympage[cp >> SYM_PAGE_SHIFT];
    if (!*pg)
        *pg = xcalloc(1u << SYM_PAGE_SHIFT, sizeof **pg);
    uint32_t *slot = &(*pg)[cp & ((1u << SYM_PAGE_SHIFT) - 1)];
    if (!*slot)
        *slot = (uint32_t)m->nsym++;
}

/* The marker flags of every literal, and the copies a scan reads (the
 * trie's edges carry LF_CONJ and LF_NOCONJ). */
static void set_noconj_flags(match_set *m)
{
    for (int l = 0; l < m->nlits; l++)
        m->pl[l].flags &= ~(LF_NOCONJ | LF_CONJ);
    for (int v = 0; v < m->nvars; v++) {
        pvar *p = &m->pv[v];
        p->marker = p->tag == m->noconj_tag;
        int flag = p->marker ? LF_NOCONJ : p->solo && p->tag == m->conj_tag ? LF_CONJ : 0;
        for (int t = 0; flag && t < p->ntok; t++) {
            const pset *ps = &m->ps[p->set[t]];
            for (int a = 0; a < ps->nalt; a++)
                m->pl[m->alt[ps->alt_start + a]].flags |= flag;
        }
    }
    for (size_t i = 0; i < m->nda; i++)
        if (m->di[i].lit >= 0)
            m->di[i].flags = (uint32_t)(m->pl[m->di[i].lit].flags & (LF_CONJ | LF_NOCONJ));
}

typedef struct bedge {
    int parent;   /* node */
    uint32_t cp;  /* label */
    int kid;      /* child */
} bedge;

/* The lowest free slot at or after x (nf: union-find style forward
 * links, nf[x] == x for a free slot). */
static uint32_t next_free(uint32_t *nf, uint32_t x)
{
    while (nf[x] != x) {
        nf[x] = nf[nf[x]];
        x = nf[x];
    }
    return x;
}

/* The double array under construction. */
typedef struct dabuild {
    dnode *da;    /* slots */
    dinfo *di;    /* their literals */
    uint32_t *nf; /* next_free links, cap + 1 entries */
    size_t cap;   /* slots allocated */
} dabuild;

/* Grows the double array under construction to at least need slots. */
static void da_grow(dabuild *d, size_t need)
{
    if (need <= d->cap)
        return;
    size_t c = d->cap ? d->cap : 256;
    while (c < need)
        c *= 2;
    if (c >= DA_SLOT) { /* 2^31 slots: far beyond any memory cap, but never wrap */
        fputs("crmsim: pattern trie too large\n", stderr);
        abort();
    }
    d->da = xrealloc(d->da, c * sizeof *d->da);
    d->di = xrealloc(d->di, c * sizeof *d->di);
    d->nf = xrealloc(d->nf, (c + 1) * sizeof *d->nf);
    for (size_t i = d->cap; i <= c; i++) {
        if (i < c) {
            d->da[i] = (dnode){ 0, DA_SLOT };
            d->di[i] = (dinfo){ -1, 0 };
        }
        d->nf[i] = (uint32_t)i;
    }
    d->cap = c;
}

/* The trie in scanning form: the alphabet of symbols (numbered in
 * breadth-first order of the edges, so the root's come first) and the
 * double array. Nodes are placed breadth-first, each at the lowest base
 * where the slots of all its children are free; the root's children take
 * the slots of their symbols. A double array rather than a hash of edges:
 * a step is one load and one compare, and the table stays about as small
 * as the trie (measured: `make bench`). Hand-written although Debian has
 * libdatrie: its walk is a function call per character through a
 * TrieState, with suffixes in a separate tail, where this scan needs the
 * step inlined and each node's literal at hand. */
static void compile_trie(match_set *m)
{
    /* The edges, grouped by parent. */
    int nn = m->nnodes;
    int *first = xcalloc((size_t)nn + 1, sizeof *first);
    for (int n = 0; n < nn; n++)
        first[n + 1] = first[n] + m->nodes[n].nkids;
    size_t edges = (size_t)first[nn];
    bedge *e = xmalloc((edges + 1) * sizeof *e);
    int *fill = xcalloc((size_t)nn + 1, sizeof *fill);
    for (size_t i = 0; i < m->bcap; i++)
        if (m->bkey[i]) {
            int parent = (int)(m->bkey[i] >> 32 & 0x7FFFFFFF);
            e[first[parent] + fill[parent]++] = (bedge){ parent, (uint32_t)m->bkey[i], m->bval[i] };
        }
    free(fill);
    int *order = xmalloc((size_t)nn * sizeof *order);
    int head = 0, tail = 0;
    order[tail++] = 0;
    while (head < tail) {
        int n = order[head++];
        for (int i = first[n]; i < first[n + 1]; i++)
            order[tail++] = e[i].kid;
    }
    m->nsym = 1;
    for (int q = 0; q < nn; q++) /* symbols in breadth-first order */
        for (int i = first[order[q]]; i < first[order[q] + 1]; i++)
            add_symbol(m, e[i].cp);

    dabuild d = { NULL, NULL, NULL, 0 };
    /* usually enough: one slot a node, and room for the last bases */
    da_grow(&d, (size_t)nn + 2 * (size_t)m->nsym + 64);
    d.nf[0] = 1; /* the root's slot: taken, though its check says free */
    int *slot = xmalloc((size_t)nn * sizeof *slot);
    slot[0] = 0;
    size_t top = 1;
    uint32_t maxbase = 0;
    for (int q = 0; q < nn; q++) {
        int n = order[q];
        if (first[n] == first[n + 1])
            continue;
        uint32_t cmin = UINT32_MAX;
        for (int i = first[n]; i < first[n + 1]; i++) {
            e[i].cp = symbol_of(m, e[i].cp); /* from here on: the symbol */
            if (e[i].cp < cmin)
                cmin = e[i].cp;
        }
        uint32_t b = 0;
        if (n != 0) {
            for (uint32_t pos = cmin + 1;; pos++) { /* base >= 1: 0 says no children */
                da_grow(&d, (size_t)pos + (size_t)m->nsym + 1);
                pos = next_free(d.nf, pos);
                da_grow(&d, (size_t)pos + (size_t)m->nsym + 1);
                b = pos - cmin;
                int ok = 1;
                for (int i = first[n]; i < first[n + 1] && ok; i++)
                    ok = d.nf[b + e[i].cp] == b + e[i].cp;
                if (ok)
                    break;
            }
        }
        d.da[slot[n]].base = b;
        if (b > maxbase)
            maxbase = b;
        for (int i = first[n]; i < first[n + 1]; i++) {
            uint32_t t = b + e[i].cp;
            int lit = m->nodes[e[i].kid].lit;
            d.da[t] = (dnode){ 0, (uint32_t)slot[n] | (lit >= 0 ? DA_LIT : 0) };
            d.di[t] = (dinfo){ lit, 0 };
            d.nf[t] = t + 1;
            slot[e[i].kid] = (int)t;
            if ((size_t)t + 1 > top)
                top = (size_t)t + 1;
        }
    }
    for (int i = 0; i < SYM_NPAGES; i++) /* (never written: no lookup writes) */
        if (!m->sympage[i])
            m->sympage[i] = sym_none;
    /* Every base + symbol a scan may form lies inside. */
    size_t nda = (size_t)maxbase + (size_t)m->nsym;
    if (nda < top)
        nda = top;
    m->da = xrealloc(d.da, nda * sizeof *m->da);
    m->di = xrealloc(d.di, nda * sizeof *m->di);
    m->nda = nda;
    free(d.nf);
    free(slot);
    free(order);
    free(e);
    free(first);
}

/* Tokens' literal lists: token k's are base[start[k] .. start[k + 1]). */
typedef struct alts {
    const int *base;  /* literals */
    const int *start; /* per token */
} alts;

static int cmp_alts(const void *a, const void *b, void *ctx)
{
    const alts *t = ctx;
    int x = *(const int *)a, y = *(const int *)b;
    int nx = t->start[x + 1] - t->start[x], ny = t->start[y + 1] - t->start[y];
    if (nx != ny)
        return nx - ny;
    int c = memcmp(t->base + t->start[x], t->base + t->start[y], (size_t)nx * sizeof *t->base);
    return c ? c : x - y;
}

static int same_alts(const alts *t, int x, int y)
{
    int nx = t->start[x + 1] - t->start[x];
    return nx == t->start[y + 1] - t->start[y] &&
           memcmp(t->base + t->start[x], t->base + t->start[y], (size_t)nx * sizeof *t->base) == 0;
}

/* How often a literal is expected in a reply, roughly: a single character
 * is everywhere, two characters are common, longer ones are rare. */
static long lit_cost(const match_set *m, int l)
{
    size_t len = m->lits[l].len;
    return len == 1 ? 100 : len == 2 ? 10 : 1;
}

/* Variants, sets of alternatives and anchors, from the fused tokens:
 * variant v has tokens k = tok0[v] .. tok0[v + 1), token k = tok0[v] + t
 * the sorted literals alits[astart[k] .. astart[k + 1]) and the gap
 * gap[v][t] before it. */
static void compile_variants(match_set *m, const int *tok0, const int *astart,
                             const int *alits, const uint8_t (*gap)[MAX_TOKENS])
{
    int nv = m->nvars, nl = m->nlits;
    int ntoks = tok0[nv];

    /* Equal lists (a class used by many patterns) become one set. */
    int *order = xmalloc(((size_t)ntoks + 1) * sizeof *order);
    for (int k = 0; k < ntoks; k++)
        order[k] = k;
    alts ta = { alits, astart };
    qsort_r(order, (size_t)ntoks, sizeof *order, cmp_alts, &ta);
    int *setof = xmalloc(((size_t)ntoks + 1) * sizeof *setof);
    int *rep = xmalloc(((size_t)ntoks + 1) * sizeof *rep); /* a token of each set */
    int nsets = 0;
    for (int i = 0; i < ntoks; i++) {
        int k = order[i];
        if (i > 0 && same_alts(&ta, order[i - 1], k)) {
            setof[k] = setof[order[i - 1]];
            continue;
        }
        rep[nsets] = k;
        setof[k] = nsets++;
    }
    m->nsets = nsets;
    m->ps = xcalloc((size_t)nsets + 1, sizeof *m->ps);
    int nalt = 0;
    for (int si = 0; si < nsets; si++)
        nalt += astart[rep[si] + 1] - astart[rep[si]];
    m->alt = xmalloc(((size_t)nalt + 1) * sizeof *m->alt);
    nalt = 0;
    for (int si = 0; si < nsets; si++) {
        int k = rep[si], n = astart[k + 1] - astart[k];
        memcpy(m->alt + nalt, alits + astart[k], (size_t)n * sizeof *m->alt);
        m->ps[si].alt_start = nalt;
        m->ps[si].nalt = n;
        nalt += n;
    }
    long *cost = xcalloc((size_t)nsets + 1, sizeof *cost);
    for (int si = 0; si < nsets; si++)
        for (int a = 0; a < m->ps[si].nalt; a++)
            cost[si] += lit_cost(m, m->alt[m->ps[si].alt_start + a]);

    /* Variants, and their anchors: the token least likely to occur. A
     * variant is chained only when a literal of its anchor was seen. */
    m->pv = xcalloc((size_t)nv + 1, sizeof *m->pv);
    int *anchor = xmalloc(((size_t)nv + 1) * sizeof *anchor);
    for (int v = 0; v < nv; v++) {
        pvar *p = &m->pv[v];
        const variant *var = &m->vars[v];
        p->tag = var->tag;
        p->ntok = (uint8_t)(tok0[v + 1] - tok0[v]);
        p->solo = var->ntok == 1;
        p->at_start = var->at_start;
        p->at_end = var->at_end;
        memcpy(p->gap, gap[v], sizeof p->gap);
        anchor[v] = -1;
        for (int t = 0; t < p->ntok; t++) {
            int si = setof[tok0[v] + t];
            p->set[t] = si;
            if (anchor[v] < 0 || cost[si] < cost[anchor[v]])
                anchor[v] = si;
        }
    }

    /* Literals: the variants anchored on them, and the one-token variants
     * they make (markers). */
    m->pl = xcalloc((size_t)nl + 1, sizeof *m->pl);
    for (int v = 0; v < nv; v++) {
        const pset *ps = &m->ps[anchor[v]];
        for (int a = 0; a < ps->nalt; a++)
            m->pl[m->alt[ps->alt_start + a]].nanc++;
        if (m->pv[v].solo)
            for (int a = 0; a < ps->nalt; a++) /* a one-token variant's anchor is its token */
                m->pl[m->alt[ps->alt_start + a]].nsolo++;
    }
    int na = 0, no = 0;
    for (int l = 0; l < nl; l++) {
        m->pl[l].anc_start = na;
        m->pl[l].solo_start = no;
        na += m->pl[l].nanc;
        no += m->pl[l].nsolo;
        m->pl[l].nanc = m->pl[l].nsolo = 0;
    }
    m->lanc = xmalloc(((size_t)na + 1) * sizeof *m->lanc);
    m->solo = xmalloc(((size_t)no + 1) * sizeof *m->solo);
    for (int v = 0; v < nv; v++) {
        const pset *ps = &m->ps[anchor[v]];
        for (int a = 0; a < ps->nalt; a++) {
            plit *p = &m->pl[m->alt[ps->alt_start + a]];
            m->lanc[p->anc_start + p->nanc++] = v;
            if (m->pv[v].solo) {
                m->solo[p->solo_start + p->nsolo++] = v;
                p->flags |= LF_SOLO;
            }
        }
    }
    /* Memberships, grouped by literal, sets ascending: a scan tests
     * whether a literal is in a set, and lists the literals seen of each
     * set, through them. */
    for (int si = 0; si < nsets; si++)
        for (int a = 0; a < m->ps[si].nalt; a++)
            m->pl[m->alt[m->ps[si].alt_start + a]].nmem++;
    int nm = 0;
    for (int l = 0; l < nl; l++) {
        m->pl[l].mem_start = nm;
        nm += m->pl[l].nmem;
        m->pl[l].nmem = 0;
    }
    m->nmem = nm;
    m->mem_set = xmalloc(((size_t)nm + 1) * sizeof *m->mem_set);
    m->mem_lit = xmalloc(((size_t)nm + 1) * sizeof *m->mem_lit);
    for (int si = 0; si < nsets; si++)
        for (int a = 0; a < m->ps[si].nalt; a++) {
            int l = m->alt[m->ps[si].alt_start + a];
            int k = m->pl[l].mem_start + m->pl[l].nmem++;
            m->mem_set[k] = si;
            m->mem_lit[k] = l;
        }
    set_noconj_flags(m);
    free(anchor);
    free(cost);
    free(rep);
    free(setof);
    free(order);
}

/* A token's alternatives while compiling: code point strings, kept in
 * one pool (offsets, so the pool may grow). */
typedef struct cpool {
    uint32_t *cp;   /* code points */
    size_t n;       /* used */
    size_t cap;     /* allocated */
} cpool;

typedef struct cstr {
    size_t off;   /* first code point in the pool */
    size_t len;   /* count */
} cstr;

typedef struct ctok {
    cstr *s;  /* alternatives */
    int n;    /* count */
    int gap;  /* max gap before the token */
} ctok;

#define MERGE_MAX 64 /* most alternatives a fused token may get */

static size_t cpool_add(cpool *p, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    while (p->n + na + nb > p->cap) {
        p->cap = p->cap ? 2 * p->cap : 4096;
        p->cp = xrealloc(p->cp, p->cap * sizeof *p->cp);
    }
    size_t off = p->n;
    memcpy(p->cp + off, a, na * sizeof *a);
    if (nb)
        memcpy(p->cp + off + na, b, nb * sizeof *b);
    p->n += na + nb;
    return off;
}

static int same_len(const ctok *t)
{
    for (int i = 1; i < t->n; i++)
        if (t->s[i].len != t->s[0].len)
            return 0;
    return 1;
}

static void ctok_release(ctok *t)
{
    free(t->s);
    t->s = NULL;
    t->n = 0;
}

/* a becomes every alternative of a followed by every alternative of b. */
static void ctok_fuse(cpool *p, ctok *a, const ctok *b)
{
    cstr *s = xmalloc((size_t)(a->n * b->n) * sizeof *s);
    int k = 0;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++) {
            /* the pool may move: copy a's string out of it first */
            uint32_t tmp[64];
            size_t la = a->s[i].len, lb = b->s[j].len;
            uint32_t *ta = la <= 64 ? tmp : xmalloc(la * sizeof *ta);
            memcpy(ta, p->cp + a->s[i].off, la * sizeof *ta);
            uint32_t tmpb[64];
            uint32_t *tb = lb <= 64 ? tmpb : xmalloc(lb * sizeof *tb);
            memcpy(tb, p->cp + b->s[j].off, lb * sizeof *tb);
            s[k].off = cpool_add(p, ta, la, tb, lb);
            s[k++].len = la + lb;
            if (ta != tmp)
                free(ta);
            if (tb != tmpb)
                free(tb);
        }
    int gap = a->gap;
    ctok_release(a);
    *a = (ctok){ s, k, gap };
}

/* Fuses adjacent tokens (no gap between them) into one whose alternatives
 * are the concatenations: 我|我们 不 负责 becomes 我不负责|我们不负责. Fewer,
 * longer literals occur less often, so fewer patterns are chained, each
 * with fewer steps. It is done only where it cannot change which match a
 * scan finds: chaining tries occurrences in (start, end) order and keeps
 * the first full match, and for A followed by B that order is the order of
 * the fused ends when the alternatives of A or of B all have one length;
 * into the first token only when B's do, since each first-token
 * occurrence starts a match of its own. Markers that cancel conjunctions
 * are left as written (their literals mark text). */
static int fuse_tokens(const match_set *m, int v, const int *lits, const int *start,
                       cpool *pool, ctok *out)
{
    const variant *var = &m->vars[v];
    int n = 0;
    for (int t = 0; t < var->ntok; t++) {
        ctok b = { NULL, 0, var->gap[t] };
        b.s = xmalloc((size_t)(start[t + 1] - start[t] + 1) * sizeof *b.s);
        for (int i = start[t]; i < start[t + 1]; i++) {
            const literal *l = &m->lits[lits[i]];
            b.s[b.n].len = l->len;
            b.s[b.n].off = cpool_add(pool, l->cp, l->len, NULL, 0);
            b.n++;
        }
        ctok *a = n ? &out[n - 1] : NULL;
        if (a && b.gap == 0 && var->tag != m->noconj_tag && a->n * b.n <= MERGE_MAX &&
            (n == 1 ? same_len(&b) : same_len(a) || same_len(&b))) {
            ctok_fuse(pool, a, &b);
            ctok_release(&b);
        } else {
            out[n++] = b;
        }
    }
    return n;
}

/* All fused tokens of all variants, compactly: a token is a run of
 * strings, a string a run of code points. */
typedef struct ftoks {
    uint32_t *cp;     /* code points of all strings */
    size_t ncp, capcp;
    size_t *soff;     /* per string: first code point */
    uint32_t *slen;   /* per string: length */
    size_t ns, caps;
    int *tfirst;      /* per token: first string */
    int *tn;          /* per token: strings */
    size_t nt, capt;
} ftoks;

/* Appends token t (its strings, in pool) to f. */
static void ftoks_add(ftoks *f, const cpool *pool, const ctok *t)
{
    if (f->nt == f->capt) {
        f->capt = f->capt ? 2 * f->capt : 256;
        f->tfirst = xrealloc(f->tfirst, f->capt * sizeof *f->tfirst);
        f->tn = xrealloc(f->tn, f->capt * sizeof *f->tn);
    }
    f->tfirst[f->nt] = (int)f->ns;
    f->tn[f->nt++] = t->n;
    for (int i = 0; i < t->n; i++) {
        if (f->ns == f->caps) {
            f->caps = f->caps ? 2 * f->caps : 1024;
            f->soff = xrealloc(f->soff, f->caps * sizeof *f->soff);
            f->slen = xrealloc(f->slen, f->caps * sizeof *f->slen);
        }
        while (f->ncp + t->s[i].len > f->capcp) {
            f->capcp = f->capcp ? 2 * f->capcp : 4096;
            f->cp = xrealloc(f->cp, f->capcp * sizeof *f->cp);
        }
        memcpy(f->cp + f->ncp, pool->cp + t->s[i].off, t->s[i].len * sizeof *f->cp);
        f->soff[f->ns] = f->ncp;
        f->slen[f->ns++] = (uint32_t)t->s[i].len;
        f->ncp += t->s[i].len;
    }
}

static void ftoks_release(ftoks *f)
{
    free(f->cp);
    free(f->soff);
    free(f->slen);
    free(f->tfirst);
    free(f->tn);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Drops the literals match_add collected (fused ones replace them) and
 * readies an empty trie. */
static void reset_trie(match_set *m)
{
    for (int i = 0; i < m->nlits; i++) {
        free(m->lits[i].refs);
        free(m->lits[i].cp);
    }
    m->nlits = 0;
    m->nnodes = 1;
    free(m->ihash);
    m->ihash = NULL;
    m->icap = 0;
    if (m->bcap)
        memset(m->bkey, 0, m->bcap * sizeof *m->bkey);
    m->bn = 0;
    memset(&m->nodes[0], 0, sizeof m->nodes[0]);
    m->nodes[0].lit = -1;
}

void match_compile(match_set *m)
{
    if (m->compiled)
        return;
    /* Tokens after fusing, then a fresh trie of just their literals. */
    int nv = m->nvars;
    ftoks ft;
    memset(&ft, 0, sizeof ft);
    int *tok0 = xcalloc((size_t)nv + 1, sizeof *tok0);
    uint8_t (*gap)[MAX_TOKENS] = xcalloc((size_t)nv + 1, sizeof *gap);
    /* The literals of each written token, in literal order: from the refs. */
    int *wt0 = xcalloc((size_t)nv + 1, sizeof *wt0);
    for (int v = 0; v < nv; v++)
        wt0[v + 1] = wt0[v] + m->vars[v].ntok;
    int *wstart = xcalloc((size_t)wt0[nv] + 2, sizeof *wstart);
    for (int l = 0; l < m->nlits; l++)
        for (size_t r = 0; r < m->lits[l].nrefs; r++)
            wstart[wt0[m->lits[l].refs[r].variant] + m->lits[l].refs[r].token + 1]++;
    for (int k = 0; k < wt0[nv]; k++)
        wstart[k + 1] += wstart[k];
    int *wlits = xmalloc(((size_t)wstart[wt0[nv]] + 1) * sizeof *wlits);
    int *wfill = xcalloc((size_t)wt0[nv] + 1, sizeof *wfill);
    for (int l = 0; l < m->nlits; l++)
        for (size_t r = 0; r < m->lits[l].nrefs; r++) {
            int k = wt0[m->lits[l].refs[r].variant] + m->lits[l].refs[r].token;
            wlits[wstart[k] + wfill[k]++] = l;
        }
    free(wfill);
    cpool pool = { NULL, 0, 0 }; /* one variant's strings at a time */
    for (int v = 0; v < nv; v++) {
        ctok toks[MAX_TOKENS];
        pool.n = 0;
        int n = fuse_tokens(m, v, wlits, wstart + wt0[v], &pool, toks);
        tok0[v + 1] = tok0[v] + n;
        for (int t = 0; t < n; t++) {
            gap[v][t] = (uint8_t)toks[t].gap;
            ftoks_add(&ft, &pool, &toks[t]);
            ctok_release(&toks[t]);
        }
    }
    free(pool.cp);
    free(wlits);
    free(wstart);
    free(wt0);
    reset_trie(m);
    int ntoks = tok0[nv];
    int *astart = xcalloc((size_t)ntoks + 1, sizeof *astart);
    int *alits = xmalloc((ft.ns + 1) * sizeof *alits);
    int nalts = 0;
    for (int k = 0; k < ntoks; k++) {
        int n = 0;
        int *list = alits + nalts;
        for (int i = ft.tfirst[k]; i < ft.tfirst[k] + ft.tn[k]; i++)
            list[n++] = insert_cps(m, ft.cp + ft.soff[i], ft.slen[i]);
        if (n > 16) {
            qsort(list, (size_t)n, sizeof *list, cmp_int);
        } else {
            for (int i = 1; i < n; i++) { /* short lists: insertion sort */
                int x = list[i], j = i;
                while (j > 0 && list[j - 1] > x) {
                    list[j] = list[j - 1];
                    j--;
                }
                list[j] = x;
            }
        }
        int u = 0;
        for (int i = 0; i < n; i++)
            if (u == 0 || list[u - 1] != list[i])
                list[u++] = list[i];
        astart[k] = nalts;
        nalts += u;
    }
    astart[ntoks] = nalts;
    ftoks_release(&ft);

    m->compiled = 1;
    compile_trie(m);
    /* What served to build is no longer needed (a session's memory). */
    free(m->nodes);
    m->nodes = NULL;
    m->nnodes = m->capnodes = 0;
    free(m->bkey);
    free(m->bval);
    m->bkey = NULL;
    m->bval = NULL;
    m->bcap = m->bn = 0;
    compile_variants(m, tok0, astart, alits, (const uint8_t (*)[MAX_TOKENS])gap);
    free(gap);
    free(alits);
    free(astart);
    free(tok0);
    for (int i = 0; i < m->nlits; i++) {
        free(m->lits[i].refs);
        free(m->lits[i].cp);
    }
    free(m->lits);
    m->lits = NULL;
    m->caplits = 0;
    free(m->vars);
    m->vars = NULL;
}

/* ---- scanning ------------------------------------------------------- */

/* A literal occurrence in the text being scanned. A scan records them in
 * (start, end) order, so the occurrences starting in a window of
 * positions are one run of the array. */
typedef struct wocc {
    int lit;         /* literal */
    int next_lit;    /* next occurrence of the same literal, or -1 */
    uint32_t start;  /* first code point */
    uint32_t end;    /* one past the last */
} wocc;

/* What a scan knows about a literal. */
typedef struct wlit {
    uint32_t gen;    /* scan that last saw it */
    int head;        /* its first occurrence in that scan */
    int tail;        /* and its last */
} wlit;

struct match_ws {
    size_t capn;         /* positions allocated in the arrays below */
    int *first_at;       /* first occurrence starting at or after a position (n + 1) */
    uint32_t *sym;       /* symbol of each position */
    uint8_t *boundary;   /* a conjunction starts here */
    uint8_t *covered;    /* inside a word that is no conjunction */
    uint32_t *seg;       /* segment of each position */
    wocc *occ;           /* literal occurrences */
    size_t nocc;         /* used */
    size_t capocc;       /* allocated */
    size_t caplit;       /* literals allocated in lw */
    wlit *lw;            /* per literal */
    size_t capset;       /* sets allocated in wset */
    struct wset {
        uint32_t gen;    /* scan in which some literal of the set was seen */
        int head;        /* then: its literals seen, as a list of memberships */
    } *set;
    size_t capmem;       /* memberships allocated in mem_next */
    int *mem_next;       /* next membership of the same set's list, or -1 */
    size_t capvar;       /* variants allocated in the arrays below */
    uint32_t *var_gen;   /* scan that made the variant a candidate */
    int *cand;           /* candidate variants of this scan */
    uint32_t gen;        /* scan counter */
    int any_boundary;    /* some conjunction was found */
    match_hit *hits;     /* hits of this scan */
    size_t nhits;        /* used */
    size_t caphits;      /* allocated */
};

match_ws *match_ws_new(void)
{
    return xcalloc(1, sizeof(match_ws));
}

void match_ws_free(match_ws *w)
{
    if (!w)
        return;
    free(w->first_at);
    free(w->sym);
    free(w->boundary);
    free(w->covered);
    free(w->seg);
    free(w->occ);
    free(w->lw);
    free(w->set);
    free(w->mem_next);
    free(w->var_gen);
    free(w->cand);
    free(w->hits);
    free(w);
}

static void ws_reserve(match_ws *w, const match_set *m, size_t n)
{
    if (n + 1 > w->capn) {
        size_t c = w->capn ? w->capn : 256;
        while (c < n + 1)
            c *= 2;
        free(w->first_at);
        free(w->sym);
        free(w->boundary);
        free(w->covered);
        free(w->seg);
        w->first_at = xmalloc(c * sizeof *w->first_at);
        w->sym = xmalloc(c * sizeof *w->sym);
        w->boundary = xmalloc(c);
        w->covered = xmalloc(c);
        w->seg = xmalloc(c * sizeof *w->seg);
        w->capn = c;
    }
    if ((size_t)m->nlits + 1 > w->caplit) {
        size_t c = (size_t)m->nlits + 1;
        free(w->lw);
        w->lw = xcalloc(c, sizeof *w->lw);
        w->caplit = c;
        w->gen = 0; /* stale stamps: restart the counter everywhere */
    }
    if ((size_t)m->nsets + 1 > w->capset) {
        size_t c = (size_t)m->nsets + 1;
        free(w->set);
        w->set = xcalloc(c, sizeof *w->set);
        w->capset = c;
        w->gen = 0;
    }
    if ((size_t)m->nmem + 1 > w->capmem) {
        size_t c = (size_t)m->nmem + 1;
        free(w->mem_next);
        w->mem_next = xmalloc(c * sizeof *w->mem_next);
        w->capmem = c;
    }
    if ((size_t)m->nvars + 1 > w->capvar) {
        size_t c = (size_t)m->nvars + 1;
        free(w->var_gen);
        free(w->cand);
        w->var_gen = xcalloc(c, sizeof *w->var_gen);
        w->cand = xmalloc(c * sizeof *w->cand);
        w->capvar = c;
        w->gen = 0;
    }
    if (++w->gen == 0 || w->gen == 1) { /* first scan, or the counter wrapped */
        for (size_t i = 0; i < w->caplit; i++)
            w->lw[i].gen = 0;
        for (size_t i = 0; i < w->capset; i++)
            w->set[i].gen = 0;
        memset(w->var_gen, 0, w->capvar * sizeof *w->var_gen);
        w->gen = 1;
    }
}

/* 1 if literal l is in set si (a literal is in one or two sets, mostly). */
static inline int in_set(const match_set *m, int si, int l)
{
    const plit *pl = &m->pl[l];
    const int *k = m->mem_set + pl->mem_start, *e = k + pl->nmem;
    for (; k < e; k++)
        if (*k >= si)
            return *k == si;
    return 0;
}

/* Extends a chain of variant p from token t, which must start in
 * [from, from + gap] inside segment segno, trying occurrences in (start,
 * end) order; returns the end of the first full match found, or 0. */
static size_t extend(const match_set *m, const match_ws *w, const uint32_t *seg,
                     const pvar *p, int t, size_t from, uint32_t segno, size_t textlen)
{
    if (t == p->ntok) {
        /* '$': the match must reach the end of its clause; otherwise the
         * caller tries a later occurrence of the last token. */
        if (p->at_end && from < textlen && seg[from] == seg[from - 1])
            return 0;
        return from;
    }
    if (from >= textlen)
        return 0;
    int si = p->set[t];
    size_t last = from + p->gap[t];
    if (last >= textlen)
        last = textlen - 1;
    /* The occurrences starting in [from, last], in (start, end) order.
     * Segment numbers never decrease: past the first occurrence outside
     * segno, none is inside. */
    for (int o = w->first_at[from], e = w->first_at[last + 1]; o < e; o++) {
        const wocc *oc = &w->occ[o];
        if (seg[oc->start] != segno)
            break;
        if (!in_set(m, si, oc->lit))
            continue;
        size_t end = extend(m, w, seg, p, t + 1, oc->end, segno, textlen);
        if (end)
            return end;
    }
    return 0;
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

static void add_hit(match_ws *w, match_hit h)
{
    if (w->nhits == w->caphits) {
        w->caphits = w->caphits ? w->caphits * 2 : 16;
        w->hits = xrealloc(w->hits, w->caphits * sizeof *w->hits);
    }
    w->hits[w->nhits++] = h;
}

/* A literal seen for the first time in this scan: the sets it is in are
 * present (and it joins their lists), and the variants anchored on it are
 * candidates. */
static size_t first_sight(const match_set *m, match_ws *w, int l, size_t ncand)
{
    uint32_t gen = w->gen;
    const plit *pl = &m->pl[l];
    for (int k = pl->mem_start, e = k + pl->nmem; k < e; k++) {
        struct wset *ws = &w->set[m->mem_set[k]];
        w->mem_next[k] = ws->gen == gen ? ws->head : -1;
        ws->gen = gen;
        ws->head = k;
    }
    for (int b = 0; b < pl->nanc; b++) {
        int v = m->lanc[pl->anc_start + b];
        if (w->var_gen[v] != gen) {
            w->var_gen[v] = gen;
            w->cand[ncand++] = v;
        }
    }
    return ncand;
}

/* Records the literal of node t at [start, end). */
static inline size_t found(const match_set *m, match_ws *w, int conj_tag, int conj_other,
                           const dinfo *t, uint32_t start, uint32_t end, size_t ncand)
{
    int l = t->lit;
    if (t->flags) {
        if ((t->flags & LF_CONJ) && conj_tag == m->conj_tag)
            w->boundary[start] = w->any_boundary = 1;
        if (t->flags & LF_NOCONJ)
            memset(w->covered + start, 1, end - start);
    }
    if (conj_other && (m->pl[l].flags & LF_SOLO)) {
        /* conjunctions other than the declared ones: ask the variants */
        const plit *pl = &m->pl[l];
        for (int s = 0; s < pl->nsolo; s++)
            if (m->pv[m->solo[pl->solo_start + s]].tag == conj_tag)
                w->boundary[start] = w->any_boundary = 1;
    }
    if (w->nocc == w->capocc) {
        w->capocc = w->capocc ? w->capocc * 2 : 64;
        w->occ = xrealloc(w->occ, w->capocc * sizeof *w->occ);
    }
    int idx = (int)w->nocc++;
    w->occ[idx] = (wocc){ l, -1, start, end };
    wlit *x = &w->lw[l];
    if (x->gen != w->gen) {
        x->gen = w->gen;
        x->head = idx;
        ncand = first_sight(m, w, l, ncand);
    } else {
        w->occ[x->tail].next_lit = idx;
    }
    x->tail = idx;
    return ncand;
}

/* Phase 1: literal occurrences, conjunction marks and candidate variants.
 * The literals starting at each position come from a walk down the trie;
 * walks from different positions do not depend on each other (unlike an
 * Aho-Corasick state), so the processor overlaps their memory accesses.
 * Each walk yields its literals by increasing end, and a literal never
 * spans clause punctuation. */
static size_t find_literals(const match_set *m, const u8_norm *text, int conj_tag,
                            match_ws *w)
{
    size_t n = text->n, ncand = 0;
    uint32_t *sym = w->sym;
    int *first_at = w->first_at;
    const uint32_t *clause = text->clause;
    int conj_other = conj_tag >= 0 && conj_tag != m->conj_tag;
    for (size_t i = 0; i < n; i++)
        sym[i] = scan_symbol(m, text->cp[i]);
    const dnode *da = m->da;
    for (size_t i = 0; i < n; i++) {
        first_at[i] = (int)w->nocc;
        uint32_t s = sym[i]; /* the root's child: base 0 */
        uint32_t ck = da[s].check;
        if ((ck & DA_SLOT) != 0)
            continue;
        size_t j = i;
        for (;;) {
            if (ck & DA_LIT)
                ncand = found(m, w, conj_tag, conj_other, &m->di[s], (uint32_t)i, (uint32_t)j + 1,
                              ncand);
            if (++j == n)
                break;
            /* A leaf's base is 0: then c is a child of the root (or the
             * root), whose check never names s (s >= 1). Symbol 0 is on no
             * edge: characters in no literal stop a walk. No literal spans
             * two clauses. */
            uint32_t c = da[s].base + sym[j];
            ck = da[c].check;
            if ((ck & DA_SLOT) != s || clause[j] != clause[i])
                break;
            s = c;
        }
    }
    first_at[n] = (int)w->nocc;
    return ncand;
}

/* Phase 2: chains variant p from each occurrence of literal l (token 0). */
static void chain_from(const match_set *m, match_ws *w, const uint32_t *seg, const pvar *p,
                       int l, size_t n)
{
    for (int o = w->lw[l].head; o >= 0; o = w->occ[o].next_lit) {
        size_t s = w->occ[o].start, e = w->occ[o].end;
        if (seg[s] != seg[e - 1])
            continue;
        if (p->at_start && s > 0 && seg[s - 1] == seg[s])
            continue;
        size_t end = extend(m, w, seg, p, 1, e, seg[s], n);
        if (!end || seg[end - 1] != seg[s])
            continue;
        add_hit(w, (match_hit){ p->tag, s, end, seg[s] });
    }
}

size_t match_scan_ws(const match_set *m, const u8_norm *text, int conj_tag, int all,
                     match_ws *w, const match_hit **hits, const uint32_t **segp)
{
    size_t n = text->n;
    ws_reserve(w, m, n);
    w->nocc = 0;
    w->nhits = 0;
    w->any_boundary = 0;
    w->first_at[0] = 0;
    if (n > 0) {
        memset(w->boundary, 0, n + 1);
        memset(w->covered, 0, n + 1);
    }
    size_t ncand = m->compiled ? find_literals(m, text, conj_tag, w) : 0;
    /* Segments: clauses, split further at conjunctions (without one, the
     * clause numbers are the segment numbers). */
    const uint32_t *seg = text->clause;
    if (w->any_boundary) {
        for (size_t i = 0; i < n; i++)
            w->seg[i] = i == 0 ? 0 : w->seg[i - 1] + (text->clause[i] != text->clause[i - 1] ||
                                                      (w->boundary[i] && !w->covered[i]));
        seg = w->seg;
    }

    /* Phase 2: chain each candidate whose every token's set was seen from
     * every occurrence of its token 0 (the order of chaining does not
     * matter: hits are sorted below). */
    uint32_t gen = w->gen;
    for (size_t c = 0; c < ncand; c++) {
        const pvar *p = &m->pv[w->cand[c]];
        if (p->marker || (p->tag == conj_tag && p->solo))
            continue; /* markers: they shape segments, they are not hits */
        int t = 0;
        while (t < p->ntok && w->set[p->set[t]].gen == gen)
            t++;
        if (t < p->ntok)
            continue; /* some token occurs nowhere */
        for (int k = w->set[p->set[0]].head; k >= 0; k = w->mem_next[k])
            chain_from(m, w, seg, p, m->mem_lit[k], n);
    }

    /* Keep the first occurrence of each tag per segment (all: of each tag
     * per start position, since variants of one pattern may both match). */
    match_hit *h = w->hits;
    size_t nh = w->nhits;
    if (nh > 32) {
        qsort(h, nh, sizeof *h, cmp_hit);
    } else {
        for (size_t i = 1; i < nh; i++) { /* few hits: insertion sort */
            match_hit x = h[i];
            size_t j = i;
            while (j > 0 && cmp_hit(&h[j - 1], &x) > 0) {
                h[j] = h[j - 1];
                j--;
            }
            h[j] = x;
        }
    }
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
    w->nhits = k;
    *hits = h;
    if (segp)
        *segp = seg;
    return k;
}

static size_t scan_copy(const match_set *m, const u8_norm *text, int conj_tag, int all,
                        match_hit **hits, uint32_t **segp)
{
    match_ws *w = match_ws_new();
    const match_hit *h;
    const uint32_t *seg;
    size_t k = match_scan_ws(m, text, conj_tag, all, w, &h, &seg);
    *hits = xmalloc((k ? k : 1) * sizeof **hits);
    if (k)
        memcpy(*hits, h, k * sizeof **hits);
    if (segp) {
        size_t n = text->n;
        *segp = xmalloc((n ? n : 1) * sizeof **segp);
        if (n)
            memcpy(*segp, seg, n * sizeof **segp);
    }
    match_ws_free(w);
    return k;
}

size_t match_scan(const match_set *m, const u8_norm *text, int conj_tag,
                  match_hit **hits, uint32_t **seg)
{
    return scan_copy(m, text, conj_tag, 0, hits, seg);
}

size_t match_scan_all(const match_set *m, const u8_norm *text, int conj_tag,
                      match_hit **hits, uint32_t **seg)
{
    return scan_copy(m, text, conj_tag, 1, hits, seg);
}
