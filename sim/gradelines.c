/*
 * gradelines.c - `crmsim grade --lines` as a pipeline: the calling thread
 * reads stdin in blocks of whole lines, worker threads grade the blocks
 * (each with its own grading workspace; the lexicon is shared and only
 * read), and whichever worker finishes the oldest block writes the blocks
 * that are done, in input order. An instructor grading a term's replies
 * gets every core; the output is byte for byte what one thread writes
 * (tests/cli/t009-grade-lines.sh compares).
 *
 * A block ends at the last newline of what one read() returned: input
 * from a file comes in blocks of GL_BLOCK bytes, input typed or sent line
 * by line is answered line by line.
 */
#include "gradelines.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "grade.h"
#include "steps.h"
#include "u8.h"
#include "util.h"

/* Bytes asked of one read(): some 2,000 replies, a few milliseconds of
 * grading, so that the threads share the work evenly and a block's
 * handover costs nothing measurable. */
#define GL_BLOCK (256 * 1024)

/* ---- the JSON of one line ------------------------------------------ */

/* The fixed parts of a finding's JSON, per lexicon entry: what comes
 * before the matched words ({"id":…,"category":…,"match":) and after them
 * (,"severity":N} or }), escaped once instead of on every line. */
typedef struct entry_json {
    char *pre, *post;   /* the two parts */
    size_t npre, npost; /* their lengths */
} entry_json;

typedef struct gl_json {
    entry_json *e;              /* per lexicon entry */
    size_t n;                   /* entries */
    strbuf step[STEP_COUNT];    /* each step id as a JSON string */
} gl_json;

static void json_init(gl_json *js, const lexicon *lx)
{
    js->n = lx->n;
    js->e = xcalloc(lx->n + 1, sizeof *js->e);
    for (size_t i = 0; i < lx->n; i++) {
        const lex_entry *e = &lx->e[i];
        strbuf sb;
        sb_init(&sb);
        sb_adds(&sb, "{\"id\":");
        u8_json_add(&sb, e->id, strlen(e->id));
        if (e->kind == LEX_FORBIDDEN && e->category) {
            sb_adds(&sb, ",\"category\":");
            u8_json_add(&sb, e->category, strlen(e->category));
        }
        sb_adds(&sb, ",\"match\":");
        js->e[i].npre = sb.len;
        js->e[i].pre = sb_detach(&sb);
        js->e[i].post = e->kind == LEX_FORBIDDEN ? xasprintf(",\"severity\":%d}", e->severity)
                                                 : xstrdup("}");
        js->e[i].npost = strlen(js->e[i].post);
    }
    for (int i = 0; i < STEP_COUNT; i++) {
        sb_init(&js->step[i]);
        u8_json_add(&js->step[i], step_ids[i], strlen(step_ids[i]));
    }
}

static void json_release(gl_json *js)
{
    for (size_t i = 0; i < js->n; i++) {
        free(js->e[i].pre);
        free(js->e[i].post);
    }
    free(js->e);
    for (int i = 0; i < STEP_COUNT; i++)
        sb_release(&js->step[i]);
}

/* Room for k more bytes (and the NUL) in sb: a line's JSON is appended
 * piece by piece without a call per piece. */
static inline char *room(strbuf *sb, size_t k)
{
    if (sb->len + k + 1 > sb->cap) {
        sb->cap = 2 * (sb->len + k + 1);
        sb->buf = xrealloc(sb->buf, sb->cap);
    }
    return sb->buf + sb->len;
}

static inline void put(strbuf *sb, const char *s, size_t k)
{
    memcpy(room(sb, k), s, k);
    sb->len += k;
}

static inline void put_json(strbuf *sb, const char *s, size_t k)
{
    sb->len = (size_t)(u8_json_put(room(sb, U8_JSON_MAX(k)), s, k) - sb->buf);
}

/* Grades line number lineno (text[0..n), NUL at n) and appends its JSON
 * to out: fixed shape, byte for byte what report_findings +
 * json_dumps(JSON_COMPACT | JSON_PRESERVE_ORDER) gives, and grading copies
 * nothing (this is the hot path of `make bench`). Returns 1 when the line
 * is not acceptable text, else 0. */
static int grade_line(const lexicon *lx, grade_ws *ws, const gl_json *js, const char *text,
                      size_t n, long lineno, strbuf *out)
{
    char *err = NULL;
    const grade_result *g = grade_scan_reply_ws(lx, ws, text, n, &err);
    char num[24], *q = num + sizeof num;
    for (long v = lineno; q == num + sizeof num || v; v /= 10)
        *--q = (char)('0' + v % 10);
    put(out, "{\"line\":", 8);
    put(out, q, (size_t)(num + sizeof num - q));
    put(out, ",\"forbidden\":[", 14);
    for (int kind = LEX_FORBIDDEN; kind <= LEX_EMPATHY; kind++) {
        if (kind == LEX_EMPATHY)
            put(out, "],\"empathy\":[", 13);
        int first = 1;
        for (size_t i = 0; g && i < g->nf; i++) {
            const finding *f = &g->f[i];
            if (f->entry->kind != (lex_kind)kind)
                continue;
            const entry_json *e = &js->e[f->entry - lx->e];
            if (!first)
                put(out, ",", 1);
            first = 0;
            put(out, e->pre, e->npre);
            put_json(out, text + f->byte_from, f->byte_to - f->byte_from);
            put(out, e->post, e->npost);
        }
    }
    put(out, "],\"steps\":[", 11);
    /* the steps detected, in step order: the set bits, lowest first */
    unsigned bits = g ? g->steps & ((1u << STEP_COUNT) - 1) : 0;
    for (int first = 1; bits; bits &= bits - 1, first = 0) {
        if (!first)
            put(out, ",", 1);
        const strbuf *sj = &js->step[__builtin_ctz(bits)];
        put(out, sj->buf, sj->len);
    }
    put(out, "]", 1);
    if (err) {
        put(out, ",\"error\":", 9);
        put_json(out, err, strlen(err));
    }
    put(out, "}\n", 2);
    free(err);
    return g == NULL;
}

/* ---- blocks of lines ----------------------------------------------- */

enum { SLOT_FREE, SLOT_READY, SLOT_DONE };

/* A block of whole lines on its way through the pipeline. */
typedef struct gl_slot {
    char *in;        /* its lines; the last one lacks '\n' only at the end of input */
    size_t len, cap; /* bytes used, allocated (cap > len: room for a NUL) */
    long line0;      /* number of its first line */
    strbuf out;      /* the JSON of its lines */
    int bad;         /* some line was not acceptable text */
    int state;       /* SLOT_* */
} gl_slot;

typedef struct gl_run {
    const lexicon *lx;
    gl_json js;
    int in_fd, out_fd;
    /* reading (the calling thread only) */
    char *carry;           /* an incomplete line read after a block's last newline */
    size_t ncarry, capcarry;
    int eof;               /* read() returned 0 */
    long nextline;         /* number of the next block's first line */
    /* the pipeline, under mu */
    gl_slot *slot;         /* a ring of nslot blocks, by sequence number % nslot */
    size_t nslot;
    unsigned long filled;  /* blocks handed to the workers */
    unsigned long taken;   /* blocks a worker has started */
    unsigned long written; /* blocks written out */
    int reading_done;      /* no more blocks will come */
    int writing;           /* some worker is writing blocks out */
    int failed;            /* writing failed: stop */
    int write_errno;       /* why */
    int bad;               /* some line was not acceptable text */
    pthread_mutex_t mu;
    pthread_cond_t work;   /* a block was filled, or reading ended */
    pthread_cond_t space;  /* a block was written (its slot is free) */
} gl_run;

/* Reads the next block into s: what is carried over, then read() until
 * some newline has come (or the input ended), cut after the last newline.
 * Returns 1, 0 when the input is exhausted, -1 on a read error (errno). */
static int fill(gl_run *r, gl_slot *s)
{
    if (s->cap < r->ncarry + GL_BLOCK + 1) {
        free(s->in);
        s->cap = r->ncarry + GL_BLOCK + 1;
        s->in = xmalloc(s->cap);
    }
    if (r->ncarry)
        memcpy(s->in, r->carry, r->ncarry);
    s->len = r->ncarry;
    r->ncarry = 0;
    while (!r->eof) {
        if (s->cap - 1 - s->len < GL_BLOCK / 4) { /* a long line: make room */
            s->cap *= 2;
            s->in = xrealloc(s->in, s->cap);
        }
        ssize_t k = read(r->in_fd, s->in + s->len, s->cap - 1 - s->len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return -1;
        if (k == 0) {
            r->eof = 1;
            break;
        }
        s->len += (size_t)k;
        if (memchr(s->in + s->len - k, '\n', (size_t)k))
            break;
    }
    if (s->len == 0)
        return 0;
    if (!r->eof) { /* the bytes after the last newline wait for the next block */
        const char *nl = memrchr(s->in, '\n', s->len);
        size_t keep = (size_t)(nl - s->in) + 1, rest = s->len - keep;
        if (rest > r->capcarry) {
            free(r->carry);
            r->capcarry = rest;
            r->carry = xmalloc(rest);
        }
        if (rest)
            memcpy(r->carry, s->in + keep, rest);
        r->ncarry = rest;
        s->len = keep;
    }
    long lines = s->in[s->len - 1] != '\n'; /* the last line of the input, unterminated */
    for (const char *p = s->in, *e = s->in + s->len; (p = memchr(p, '\n', (size_t)(e - p))); p++)
        lines++;
    s->line0 = r->nextline;
    r->nextline += lines;
    return 1;
}

/* Grades the lines of s into s->out. */
static void grade_block(const gl_run *r, grade_ws *ws, gl_slot *s)
{
    s->out.len = 0;
    s->bad = 0;
    long lineno = s->line0;
    for (char *p = s->in, *end = s->in + s->len; p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        char *next = nl ? nl + 1 : end;
        while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\r'))
            n--;
        p[n] = '\0'; /* where the newline was, or the byte after the input (cap > len) */
        s->bad |= grade_line(r->lx, ws, &r->js, p, n, lineno++, &s->out);
        p = next;
    }
}

/* With mu held: unless another worker is at it, writes out the blocks that
 * are done, oldest first, releasing mu while writing. */
static void write_done(gl_run *r)
{
    if (r->writing)
        return;
    r->writing = 1;
    while (r->written < r->filled && !r->failed) {
        gl_slot *s = &r->slot[r->written % r->nslot];
        if (s->state != SLOT_DONE)
            break;
        pthread_mutex_unlock(&r->mu);
        int rc = write_all(r->out_fd, s->out.buf, s->out.len);
        int e = errno;
        pthread_mutex_lock(&r->mu);
        if (rc < 0) {
            r->failed = 1;
            r->write_errno = e;
            pthread_cond_broadcast(&r->work);
        }
        r->bad |= s->bad;
        s->state = SLOT_FREE;
        r->written++;
        pthread_cond_broadcast(&r->space);
    }
    r->writing = 0;
}

static void *worker(void *arg)
{
    gl_run *r = arg;
    grade_ws *ws = grade_ws_new();
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (r->taken == r->filled && !r->reading_done && !r->failed)
            pthread_cond_wait(&r->work, &r->mu);
        if (r->failed || r->taken == r->filled)
            break;
        gl_slot *s = &r->slot[r->taken++ % r->nslot];
        pthread_mutex_unlock(&r->mu);
        grade_block(r, ws, s);
        pthread_mutex_lock(&r->mu);
        s->state = SLOT_DONE;
        write_done(r);
    }
    pthread_mutex_unlock(&r->mu);
    grade_ws_free(ws);
    return NULL;
}

int gradelines_default_jobs(void)
{
    cpu_set_t set;
    long n = 0;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        n = CPU_COUNT(&set);
    if (n < 1)
        n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > GL_MAX_JOBS ? GL_MAX_JOBS : (int)n;
}

/* One thread: read, grade and write each block in turn. */
static int run_inline(gl_run *r, int *read_errno)
{
    grade_ws *ws = grade_ws_new();
    gl_slot *s = &r->slot[0];
    int rc;
    while ((rc = fill(r, s)) > 0) {
        grade_block(r, ws, s);
        r->bad |= s->bad;
        if (write_all(r->out_fd, s->out.buf, s->out.len) < 0) {
            r->failed = 1;
            r->write_errno = errno;
            break;
        }
    }
    if (rc < 0)
        *read_errno = errno;
    grade_ws_free(ws);
    return rc;
}

/* Several threads: this one reads and hands blocks over. */
static int run_threads(gl_run *r, int jobs, int *read_errno)
{
    pthread_t tid[GL_MAX_JOBS];
    int started = 0, rc = 0;
    for (; started < jobs; started++)
        if (pthread_create(&tid[started], NULL, worker, r) != 0)
            break;
    if (started == 0) /* no thread could be made: grade here */
        return run_inline(r, read_errno);
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (r->filled - r->written == r->nslot && !r->failed)
            pthread_cond_wait(&r->space, &r->mu);
        if (r->failed)
            break;
        gl_slot *s = &r->slot[r->filled % r->nslot];
        pthread_mutex_unlock(&r->mu); /* a free slot: only this thread touches it */
        rc = fill(r, s);
        int e = errno;
        pthread_mutex_lock(&r->mu);
        if (rc <= 0) {
            if (rc < 0)
                *read_errno = e;
            break;
        }
        s->state = SLOT_READY;
        r->filled++;
        pthread_cond_signal(&r->work);
    }
    r->reading_done = 1;
    pthread_cond_broadcast(&r->work);
    pthread_mutex_unlock(&r->mu);
    for (int i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    return rc;
}

int gradelines_run(const lexicon *lx, int in_fd, int out_fd, int jobs, char **err)
{
    if (jobs <= 0)
        jobs = gradelines_default_jobs();
    if (jobs > GL_MAX_JOBS)
        jobs = GL_MAX_JOBS;
    gl_run r;
    memset(&r, 0, sizeof r);
    r.lx = lx;
    r.in_fd = in_fd;
    r.out_fd = out_fd;
    r.nextline = 1;
    r.nslot = jobs == 1 ? 1 : 2 * (size_t)jobs + 1;
    r.slot = xcalloc(r.nslot, sizeof *r.slot);
    for (size_t i = 0; i < r.nslot; i++)
        sb_init(&r.slot[i].out);
    json_init(&r.js, lx);
    pthread_mutex_init(&r.mu, NULL);
    pthread_cond_init(&r.work, NULL);
    pthread_cond_init(&r.space, NULL);

    int read_errno = 0;
    int rc = jobs == 1 ? run_inline(&r, &read_errno) : run_threads(&r, jobs, &read_errno);

    int result = r.bad ? 1 : 0;
    if (r.failed) {
        crm_seterr(err, _("cannot write the results: %s"), strerror(r.write_errno));
        result = -1;
    } else if (rc < 0) {
        crm_seterr(err, _("cannot read standard input: %s"), strerror(read_errno));
        result = -1;
    }
    pthread_cond_destroy(&r.space);
    pthread_cond_destroy(&r.work);
    pthread_mutex_destroy(&r.mu);
    json_release(&r.js);
    for (size_t i = 0; i < r.nslot; i++) {
        free(r.slot[i].in);
        sb_release(&r.slot[i].out);
    }
    free(r.slot);
    free(r.carry);
    return result;
}
