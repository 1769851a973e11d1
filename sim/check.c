/*
 * check.c - `crmsim check`: static checks of a scenario file. The loader's
 * own validation supplies the field problems; a small Lua lexer finds the
 * string literals (outside comments) that name steps, lexicon entries,
 * categories and outcomes, and the calls to pairs().
 * Written by hand because Lua offers no lexer API to C; it only needs to
 * tell comments, strings and code apart.
 */
#include "check.h"

#include <lauxlib.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "lexicon.h"
#include "scenario.h"
#include "steps.h"
#include "util.h"

static const char *const categories[] = {
    "推诿", "指责客户", "拒绝", "质问/说教", "争辩", "敷衍", NULL,
};

typedef struct lit {
    int line;       /* line of the literal */
    char *text;     /* its contents (escapes left as written) */
    char *before;   /* code on the same line before it */
} lit;

typedef struct lexed {
    lit *lits;      /* string literals in order */
    size_t nlits;   /* count */
    int *pairs;     /* lines calling pairs( (not ipairs/sorted_pairs) */
    size_t npairs;  /* count */
} lexed;

typedef struct prob {
    int line;   /* line in the file */
    char *msg;  /* message */
} prob;

typedef struct probs {
    const char *path; /* file */
    int n;            /* problems so far */
    prob *list;       /* collected, printed in line order at the end */
} probs;

static void report(probs *p, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void report(probs *p, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    p->list = xrealloc(p->list, (size_t)(p->n + 1) * sizeof *p->list);
    p->list[p->n].line = line;
    p->list[p->n].msg = xvasprintf(fmt, ap);
    va_end(ap);
    p->n++;
}

static int cmp_prob(const void *a, const void *b)
{
    const prob *x = a, *y = b;
    return x->line - y->line;
}

/* Length of a long bracket opener [==[ at s, and its level; 0 if none. */
static size_t long_open(const char *s, int *level)
{
    if (s[0] != '[')
        return 0;
    size_t i = 1;
    while (s[i] == '=')
        i++;
    if (s[i] != '[')
        return 0;
    *level = (int)i - 1;
    return i + 1;
}

static const char *long_close(const char *s, int level, int *line)
{
    for (; *s; s++) {
        if (*s == '\n')
            (*line)++;
        if (*s == ']') {
            int k = 0;
            while (s[1 + k] == '=')
                k++;
            if (k == level && s[1 + k] == ']')
                return s + 2 + k;
        }
    }
    return s;
}

static void lex(const char *src, lexed *lx)
{
    memset(lx, 0, sizeof *lx);
    int line = 1;
    const char *line_start = src;
    for (const char *p = src; *p;) {
        int level;
        size_t ol = 0;
        if (*p == '\n') {
            line++;
            p++;
            line_start = p;
        } else if (p[0] == '-' && p[1] == '-') {
            p += 2;
            if ((ol = long_open(p, &level))) {
                p = long_close(p + ol, level, &line);
            } else {
                while (*p && *p != '\n')
                    p++;
            }
        } else if (*p == '"' || *p == '\'' || (ol = long_open(p, &level))) {
            int start_line = line;
            const char *b = p;
            const char *q;
            char *text;
            if (*p == '"' || *p == '\'') {
                char quote = *p++;
                q = p;
                while (*p && *p != quote && *p != '\n') {
                    if (*p == '\\' && p[1])
                        p++;
                    p++;
                }
                text = xstrndup(q, (size_t)(p - q));
                if (*p == quote)
                    p++;
            } else {
                q = p + ol;
                p = long_close(q, level, &line);
                text = xstrndup(q, (size_t)(p - q) >= (size_t)(level + 2) ? (size_t)(p - q) - (size_t)level - 2 : 0);
            }
            lx->lits = xrealloc(lx->lits, (lx->nlits + 1) * sizeof *lx->lits);
            lx->lits[lx->nlits++] = (lit){ start_line, text, xstrndup(line_start, (size_t)(b - line_start)) };
            if (line != start_line)
                line_start = p;
        } else if (strncmp(p, "pairs", 5) == 0 &&
                   (p == src || !(p[-1] == '_' || p[-1] == '.' || p[-1] == ':' ||
                                  (p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z') ||
                                  (p[-1] >= '0' && p[-1] <= '9')))) {
            const char *q = p + 5;
            while (*q == ' ' || *q == '\t')
                q++;
            if (*q == '(') {
                lx->pairs = xrealloc(lx->pairs, (lx->npairs + 1) * sizeof *lx->pairs);
                lx->pairs[lx->npairs++] = line;
            }
            p += 5;
        } else {
            p++;
        }
    }
}

static void lexed_free(lexed *lx)
{
    for (size_t i = 0; i < lx->nlits; i++) {
        free(lx->lits[i].text);
        free(lx->lits[i].before);
    }
    free(lx->lits);
    free(lx->pairs);
}

/* 1 if the code before a literal matches the extended regex re. */
static int before_matches(const lit *l, const char *re)
{
    regex_t r;
    if (regcomp(&r, re, REG_EXTENDED | REG_NOSUB) != 0)
        return 0;
    int m = regexec(&r, l->before, 0, NULL, 0) == 0;
    regfree(&r);
    return m;
}

static int known_id(const lexicon *lx, const char *id)
{
    if (step_index(id) >= 0)
        return 1;
    for (size_t i = 0; i < lx->n; i++)
        if (strcmp(lx->e[i].id, id) == 0)
            return 1;
    return 0;
}

static void check_references(probs *p, const lexed *lxd, const lexicon *lx)
{
    for (size_t i = 0; i < lxd->nlits; i++) {
        const lit *l = &lxd->lits[i];
        if (before_matches(l, "has_category[[:space:]]*\\([^,]*,[[:space:]]*$")) {
            int ok = 0;
            for (const char *const *c = categories; *c; c++)
                ok |= strcmp(*c, l->text) == 0;
            if (!ok)
                report(p, l->line, _("unknown category '%s' (one of 推诿, 指责客户, 拒绝, 质问/说教, 争辩, 敷衍)"), l->text);
        } else if (before_matches(l, "(crm\\.(done|has)[[:space:]]*\\([^,]*,|id[[:space:]]*[=~]=)[[:space:]]*$")) {
            if (!known_id(lx, l->text))
                report(p, l->line, _("'%s' is neither a step id nor the id of a lexicon entry"), l->text);
        } else if (before_matches(l, "crm\\.(credit|missing|all_done|first_missing|hint)[[:space:]]*\\(.*\\{[^}]*$") ||
                   before_matches(l, "^[[:space:]]*local[[:space:]]+REQUIRES[[:space:]]*=[[:space:]]*\\{[^}]*$")) {
            if (step_index(l->text) < 0)
                report(p, l->line, _("unknown step '%s'"), l->text);
        }
    }
}

/* An outcome is reachable if some code outside the outcomes table names it
 * as a string, or it is the default of a missing on_timeout. */
static void check_outcomes(probs *p, const scenario *s, const lexed *lxd)
{
    int has_timeout;
    lua_State *L = lh_L(s->h);
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->ref);
    lua_getfield(L, -1, "on_timeout");
    has_timeout = lua_isfunction(L, -1);
    lua_pop(L, 2);
    const char *dflt = NULL;
    if (!has_timeout) {
        static const char *const prefs[] = { "unresolved", "churned", "escalated", NULL };
        for (const char *const *q = prefs; *q && !dflt; q++)
            if (scn_outcome_find(s, *q))
                dflt = *q;
    }
    for (size_t i = 0; i < s->nout; i++) {
        const char *id = s->out[i].id;
        int named = dflt && strcmp(dflt, id) == 0;
        for (size_t j = 0; j < lxd->nlits && !named; j++)
            named = strcmp(lxd->lits[j].text, id) == 0 &&
                    !before_matches(&lxd->lits[j], "outcome[[:space:]]*=[[:space:]]*$");
        if (!named)
            report(p, scn_field_line(s, "outcomes"), _("outcome '%s' is declared but no code returns it"), id);
    }
}

static void check_tests(probs *p, const scenario *s)
{
    lua_State *L = lh_L(s->h);
    int line = scn_field_line(s, "tests");
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->ref);
    if (lua_getfield(L, -1, "tests") != LUA_TTABLE || lua_rawlen(L, -1) == 0) {
        report(p, line, _("no self-tests: add a 'tests' field with a good, a bad and a mixed reply script"));
        lua_pop(L, 2);
        return;
    }
    size_t n = (size_t)lua_rawlen(L, -1);
    unsigned covered = 0;
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, (lua_Integer)i);
        lua_getfield(L, -1, "name");
        char *name = lua_isstring(L, -1) ? xstrdup(lua_tostring(L, -1)) : xasprintf("#%zu", i);
        lua_pop(L, 1);
        if (lua_getfield(L, -1, "replies") != LUA_TTABLE || lua_rawlen(L, -1) == 0)
            report(p, line, _("test '%s' has no 'replies'"), name);
        lua_pop(L, 1);
        lua_getfield(L, -1, "outcome");
        const char *o = lua_tostring(L, -1);
        if (!o) {
            report(p, line, _("test '%s' does not say which 'outcome' it expects"), name);
        } else if (strcmp(o, "abandoned") != 0) {
            const scn_outcome *so = scn_outcome_find(s, o);
            if (!so)
                report(p, line, _("test '%s' expects outcome '%s', which is not declared"), name, o);
            else
                covered |= 1u << (so - s->out);
        }
        lua_pop(L, 2);
        free(name);
    }
    lua_pop(L, 2);
    for (size_t i = 0; i < s->nout && i < 32; i++)
        if (!(covered & (1u << i)))
            report(p, line, _("no test reaches outcome '%s'"), s->out[i].id);
}

/* The scenario's own lexicon entries: their examples must match and their
 * near-misses must not. */
static void check_entries(probs *p, const scenario *s, const lexicon *lx)
{
    int line = scn_field_line(s, "lexicon");
    for (size_t i = lx->ncourse; i < lx->n; i++) {
        const lex_entry *e = &lx->e[i];
        for (int near = 0; near < 2; near++) {
            char **l = near ? e->near : e->examples;
            size_t nl = near ? e->nnear : e->nexamples;
            for (size_t j = 0; j < nl; j++) {
                grade_result g;
                char *err = NULL;
                if (grade_text(lx, l[j], strlen(l[j]), &g, &err) < 0) {
                    report(p, line, _("entry '%s': %s"), e->id, err);
                    free(err);
                    continue;
                }
                int found = 0;
                for (size_t k = 0; k < g.nf; k++)
                    found |= g.f[k].entry == e;
                if (found == near)
                    report(p, line, near ? _("entry '%s': near-miss \"%s\" must not match, but does")
                                         : _("entry '%s': example \"%s\" does not match"),
                           e->id, l[j]);
                grade_result_release(&g);
            }
        }
    }
}

int check_file(const char *home, const char *path, FILE *out)
{
    probs p = { path, 0, NULL };
    scenario *s = NULL;
    lexicon *lx = NULL;
    char *err = NULL;
    if (scn_load_checked(home, path, &s, &err) < 0) {
        /* Already "FILE:LINE: message" (syntax) or "cannot open …". */
        fprintf(out, "%s%s\n", strncmp(err, path, strlen(path)) == 0 ? "" : path, err);
        free(err);
        return 1;
    }
    for (size_t i = 0; i < s->nprobs; i++)
        report(&p, s->probs[i].line, "%s", s->probs[i].msg);
    if (scn_lexicon(home, s, &lx, &err) < 0) {
        report(&p, scn_field_line(s, "lexicon"), "%s", err);
        free(err);
    }
    lexed lxd;
    lex(s->src, &lxd);
    if (lx) {
        check_references(&p, &lxd, lx);
        check_entries(&p, s, lx);
    }
    check_outcomes(&p, s, &lxd);
    check_tests(&p, s);
    for (size_t i = 0; i < lxd.npairs; i++)
        report(&p, lxd.pairs[i], _("pairs() visits keys in a different order on every run; use crm.sorted_pairs or ipairs"));
    lexed_free(&lxd);
    lex_free(lx);
    scn_free(s);
    /* Line order; problems on one line keep the order they were found in. */
    for (int i = 0; i < p.n; i++)
        p.list[i].line = p.list[i].line * 1000 + i;
    if (p.n > 1)
        qsort(p.list, (size_t)p.n, sizeof *p.list, cmp_prob);
    for (int i = 0; i < p.n; i++) {
        fprintf(out, "%s:%d: %s\n", path, p.list[i].line / 1000, p.list[i].msg);
        free(p.list[i].msg);
    }
    free(p.list);
    return p.n;
}
