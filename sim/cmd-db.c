/*
 * cmd-db.c - `crmsim db`: the database itself, for an instructor or a
 * school's administrator.
 *   db info              which backend, where, schema version, role, counts
 *   db copy FROM TO      a class's data between an SQLite file and a
 *                        PostgreSQL database (either way), verified by
 *                        counts and per-session SHA-256 checksums
 *   db init-roles        roles and row-level security on a lab server
 * Deliberately not here: SQL (the store's backends) and the policies
 * themselves (store_pg_roles.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "store_pg.h"
#include "util.h"

static int db_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_db_entry = {
    .name = "db",
    .alias = NULL,
    .usage = N_("info | copy FROM TO | init-roles [--instructor ROLE]… [--students [--passwords FILE]]"),
    .summary = N_("数据库：查看、在 SQLite 文件与 PostgreSQL 之间复制、为机房服务器设置角色"),
    .help = N_("  info               数据库类型、位置、结构版本、当前角色与记录数\n"
               "  copy FROM TO       把全部学生、情景版本、会话、对话轮次和评分从 FROM 复制到 TO\n"
               "                     （SQLite 文件路径或 postgresql:// 地址，两个方向都可以）；\n"
               "                     TO 里已有的会话（同一链头）不重复复制；复制后逐个会话比对\n"
               "                     SHA-256 校验和与数量\n"
               "  init-roles         在 PostgreSQL 上建立角色 crmsim_student 与 crmsim_instructor、\n"
               "                     权限和行级安全（学生只能添加和读取自己的会话）；由数据库属主运行\n"
               "    --instructor R   让登录角色 R 成为教师（不存在则创建）；可重复\n"
               "    --students       为名单上每个学生建立同名登录角色（先 crmsim roster import）\n"
               "    --passwords FILE 给新建的学生角色随机密码，写到 FILE（学号,姓名,班级,密码）\n"
               "例: crmsim db copy ~/.local/share/crmsim/crmsim.db postgresql://teacher@lab-server/crmsim\n"
               "    crmsim --db postgresql://admin@lab-server/crmsim db init-roles --instructor teacher --students --passwords pw.csv\n"),
    .min_args = 1,
    .max_args = -1,
    .exec = db_exec,
};

static void report_err(char *err)
{
    crm_error("%s", err);
    free(err);
}

/* ---- info ----------------------------------------------------------------- */

typedef struct counts {
    long sessions, open, turns;
} counts;

static int count_session(const store_session *ses, void *ctx)
{
    counts *c = ctx;
    c->sessions++;
    c->open += ses->ended == NULL;
    c->turns += ses->turns;
    return 0;
}

static int count_student(const store_student_row *r, void *ctx)
{
    (void)r;
    ++*(long *)ctx;
    return 0;
}

static int db_info(crm_ctx *ctx)
{
    store *db;
    char *err = NULL, *who = NULL;
    counts c = { 0, 0, 0 };
    long students = 0;
    if (ctx_open_store(ctx, &db) < 0)
        return EXIT_FAIL;
    int inst = store_can_instruct(db, &who, &err);
    if (inst < 0 || store_sessions(db, NULL, 0, count_session, &c, &err) < 0 ||
        store_dump_students(db, count_student, &students, &err) < 0) {
        report_err(err);
        free(who);
        store_close(db);
        return EXIT_FAIL;
    }
    printf(_("数据库：%s（%s）\n"), store_where(db),
           strcmp(store_backend(db), "sqlite") == 0 ? "SQLite" : "PostgreSQL");
    printf(_("结构版本：%d\n"), store_schema_version());
    if (who)
        printf(_("角色：%s（%s）\n"), who, inst ? _("教师：可评分、重评、报告和导出")
                                              : _("学生：只能添加和读取自己的会话"));
    printf(_("可见的学生 %ld 名，会话 %ld 个（进行中 %ld），学员回合 %ld 轮\n"), students,
           c.sessions, c.open, c.turns);
    free(who);
    store_close(db);
    return EXIT_OK;
}

/* ---- copy ----------------------------------------------------------------- */

/* Everything of one session, owned copies. */
typedef struct sess_copy {
    store_session s;
    store_turn *t;
    int nt;
    store_criterion *c;
    int nc;
} sess_copy;

static const char *dup_or_null(const char *v) { return v ? xstrdup(v) : NULL; }

static int take_session(const store_session *ses, void *ctx)
{
    sess_copy *k = ctx;
    k->s = *ses;
    k->s.student = dup_or_null(ses->student);
    k->s.scenario = dup_or_null(ses->scenario);
    k->s.scenario_hash = dup_or_null(ses->scenario_hash);
    k->s.lexicon_hash = dup_or_null(ses->lexicon_hash);
    k->s.mode = dup_or_null(ses->mode);
    k->s.started = dup_or_null(ses->started);
    k->s.ended = dup_or_null(ses->ended);
    k->s.outcome = dup_or_null(ses->outcome);
    k->s.ended_by = dup_or_null(ses->ended_by);
    k->s.submission = dup_or_null(ses->submission);
    k->s.chain = dup_or_null(ses->chain);
    k->s.head = dup_or_null(ses->head);
    return 0;
}

static int take_turn(const store_turn *t, void *ctx)
{
    sess_copy *k = ctx;
    k->t = xrealloc(k->t, (size_t)(k->nt + 1) * sizeof *k->t);
    store_turn *d = &k->t[k->nt++];
    d->n = t->n;
    d->reply = dup_or_null(t->reply);
    d->customer = dup_or_null(t->customer);
    d->findings_json = dup_or_null(t->findings_json);
    d->state_json = dup_or_null(t->state_json);
    d->chain = dup_or_null(t->chain);
    d->created = dup_or_null(t->created);
    return 0;
}

static int take_crit(const store_criterion *c, void *ctx)
{
    sess_copy *k = ctx;
    k->c = xrealloc(k->c, (size_t)(k->nc + 1) * sizeof *k->c);
    k->c[k->nc].id = xstrdup(c->id);
    k->c[k->nc].points = c->points;
    k->c[k->nc].max = c->max;
    k->nc++;
    return 0;
}

static void sess_free(sess_copy *k)
{
    const char *own[] = { k->s.student, k->s.scenario, k->s.scenario_hash, k->s.lexicon_hash,
                          k->s.mode, k->s.started, k->s.ended, k->s.outcome, k->s.ended_by,
                          k->s.submission, k->s.chain, k->s.head };
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        free((char *)own[i]);
    for (int i = 0; i < k->nt; i++) {
        free((char *)k->t[i].reply);
        free((char *)k->t[i].customer);
        free((char *)k->t[i].findings_json);
        free((char *)k->t[i].state_json);
        free((char *)k->t[i].chain);
        free((char *)k->t[i].created);
    }
    for (int i = 0; i < k->nc; i++)
        free((char *)k->c[i].id);
    free(k->t);
    free(k->c);
    memset(k, 0, sizeof *k);
}

static int read_session(store *db, int64_t id, sess_copy *k, char **err)
{
    memset(k, 0, sizeof *k);
    if (store_session_get(db, id, take_session, take_turn, k, err) < 0 ||
        store_scores(db, id, take_crit, k, err) < 0) {
        sess_free(k);
        return -1;
    }
    return 0;
}

/* Feeds a field into the digest: its length (or -1 for NULL), then its
 * bytes, so that no two different rows hash alike. */
static void h_text(struct sha256_ctx *h, const char *v)
{
    char len[24];
    int n = snprintf(len, sizeof len, "%lld:", v ? (long long)strlen(v) : -1LL);
    sha256_update(h, (size_t)n, (const uint8_t *)len);
    if (v)
        sha256_update(h, strlen(v), (const uint8_t *)v);
}

static void h_num(struct sha256_ctx *h, long long v)
{
    char b[24];
    snprintf(b, sizeof b, "%lld", v);
    h_text(h, b);
}

/* The session's content, everything but its id (which differs between
 * the two databases): every column, every turn with its time, every
 * criterion (points to 1e-9, as both backends store doubles). */
static void session_digest(const sess_copy *k, uint8_t out[SHA256_DIGEST_SIZE])
{
    struct sha256_ctx h;
    const store_session *s = &k->s;
    sha256_init(&h);
    const char *cols[] = { s->student, s->scenario, s->scenario_hash, s->lexicon_hash, s->mode,
                           s->started, s->ended, s->outcome, s->ended_by, s->submission,
                           s->chain, s->head };
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        h_text(&h, cols[i]);
    h_num(&h, s->seed);
    h_num(&h, s->score);
    h_num(&h, s->hints);
    h_num(&h, k->nt);
    for (int i = 0; i < k->nt; i++) {
        const store_turn *t = &k->t[i];
        h_num(&h, t->n);
        const char *tc[] = { t->reply, t->customer, t->findings_json, t->state_json, t->chain,
                             t->created };
        for (size_t j = 0; j < sizeof tc / sizeof tc[0]; j++)
            h_text(&h, tc[j]);
    }
    h_num(&h, k->nc);
    for (int i = 0; i < k->nc; i++) {
        h_text(&h, k->c[i].id);
        h_num(&h, (long long)(k->c[i].points * 1e9 + (k->c[i].points >= 0 ? 0.5 : -0.5)));
        h_num(&h, (long long)(k->c[i].max * 1e9 + (k->c[i].max >= 0 ? 0.5 : -0.5)));
    }
    sha256_digest(&h, SHA256_DIGEST_SIZE, out);
}

typedef struct idlist {
    int64_t *v;
    size_t n;
} idlist;

/* A session of TO that is the same as a session without a chain head
 * (one stored before schema 2): same student, scenario version, seed, mode,
 * start and submission, and no head either. */
typedef struct headless {
    const store_session *want;
    int64_t found;
} headless;

static int same_or_null(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static int find_headless(const store_session *ses, void *ctx)
{
    headless *h = ctx;
    const store_session *w = h->want;
    if (!ses->head && ses->seed == w->seed && same_or_null(ses->scenario, w->scenario) &&
        same_or_null(ses->scenario_hash, w->scenario_hash) && same_or_null(ses->mode, w->mode) &&
        same_or_null(ses->started, w->started) && same_or_null(ses->submission, w->submission)) {
        h->found = ses->id;
        return 1;
    }
    return 0;
}

static int take_id(const store_session *ses, void *ctx)
{
    idlist *l = ctx;
    l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
    l->v[l->n++] = ses->id;
    return 0;
}

typedef struct rows {
    store_student_row *st;
    size_t nst;
    store_scenario_row *sc;
    size_t nsc;
} rows;

static int take_student(const store_student_row *r, void *ctx)
{
    rows *w = ctx;
    w->st = xrealloc(w->st, (w->nst + 1) * sizeof *w->st);
    w->st[w->nst++] = (store_student_row){ xstrdup(r->id), dup_or_null(r->name),
                                           dup_or_null(r->klass), dup_or_null(r->created),
                                           r->enrolled };
    return 0;
}

static int take_scenario(const store_scenario_row *r, void *ctx)
{
    rows *w = ctx;
    w->sc = xrealloc(w->sc, (w->nsc + 1) * sizeof *w->sc);
    w->sc[w->nsc++] = (store_scenario_row){ xstrdup(r->id), xstrdup(r->hash),
                                            dup_or_null(r->title), dup_or_null(r->first_seen) };
    return 0;
}

static void rows_free(rows *w)
{
    for (size_t i = 0; i < w->nst; i++) {
        free((char *)w->st[i].id);
        free((char *)w->st[i].name);
        free((char *)w->st[i].klass);
        free((char *)w->st[i].created);
    }
    for (size_t i = 0; i < w->nsc; i++) {
        free((char *)w->sc[i].id);
        free((char *)w->sc[i].hash);
        free((char *)w->sc[i].title);
        free((char *)w->sc[i].first_seen);
    }
    free(w->st);
    free(w->sc);
}

/* Opens one side of a copy; a PostgreSQL side must be the instructor's,
 * since a student's role sees only its own rows. */
static int open_side(const char *where, store **db)
{
    char *err = NULL, *who = NULL;
    if (store_open(where, db, &err) < 0) {
        report_err(err);
        return -1;
    }
    int inst = store_can_instruct(*db, &who, &err);
    if (inst <= 0) {
        if (inst < 0)
            report_err(err);
        else
            crm_error(_("'%s': the database role '%s' is not an instructor's; copying a class "
                        "needs the instructor's role (crmsim db init-roles --instructor)"),
                      store_where(*db), who ? who : "?");
        free(who);
        store_close(*db);
        *db = NULL;
        return -1;
    }
    free(who);
    return 0;
}

static void hex(const uint8_t *d, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

static int db_copy(const char *from, const char *to)
{
    store *src = NULL, *dst = NULL;
    char *err = NULL;
    rows w = { NULL, 0, NULL, 0 };
    idlist ids = { NULL, 0 };
    long added = 0, present = 0, differ = 0, open = 0, turns = 0, crits = 0;
    int rc = EXIT_FAIL;
    struct sha256_ctx total_src, total_dst;
    sha256_init(&total_src);
    sha256_init(&total_dst);
    if (strcmp(from, to) == 0 || (!store_is_url(from) && !store_is_url(to) && same_file(from, to)))
        return crm_error(_("FROM and TO are the same database")), EXIT_USAGE;
    if (!store_is_url(from) && access(from, F_OK) != 0)
        return crm_error(_("cannot open database '%s': %s"), from, strerror(errno)), EXIT_FAIL;
    if (open_side(from, &src) < 0 || open_side(to, &dst) < 0)
        goto done;
    /* Students and scenario versions first (sessions refer to them); each
     * list is read whole before writing, as a PostgreSQL connection
     * streams one query at a time. */
    if (store_dump_students(src, take_student, &w, &err) < 0 ||
        store_dump_scenarios(src, take_scenario, &w, &err) < 0)
        goto fail;
    for (size_t i = 0; i < w.nst; i++)
        if (store_import_student(dst, &w.st[i], &err) < 0)
            goto fail;
    for (size_t i = 0; i < w.nsc; i++)
        if (store_import_scenario(dst, &w.sc[i], &err) < 0)
            goto fail;
    if (store_sessions(src, NULL, 0, take_id, &ids, &err) < 0)
        goto fail;
    /* Oldest first, so the copies are numbered in the same order. */
    for (size_t i = ids.n; i-- > 0;) {
        sess_copy k, back;
        uint8_t ds[SHA256_DIGEST_SIZE], dd[SHA256_DIGEST_SIZE];
        int dup = 0;
        if (read_session(src, ids.v[i], &k, &err) < 0)
            goto fail;
        session_digest(&k, ds);
        /* Sessions are matched by chain head in TO; one without a head is
         * looked for by what identifies it, so that it is not copied twice. */
        headless h = { &k.s, 0 };
        if (!k.s.head && store_sessions(dst, k.s.student, 0, find_headless, &h, &err) < 0) {
            sess_free(&k);
            goto fail;
        }
        if (h.found) {
            dup = 1;
            k.s.id = h.found;
        } else if (store_import_session(dst, &k.s, k.t, k.nt, k.c, k.nc, &dup, &err) < 0) {
            sess_free(&k);
            goto fail;
        }
        open += k.s.ended == NULL;
        turns += k.nt;
        crits += k.nc;
        int64_t copy_id = k.s.id;
        sess_free(&k);
        /* Read the copy back and compare. */
        if (read_session(dst, copy_id, &back, &err) < 0)
            goto fail;
        session_digest(&back, dd);
        sess_free(&back);
        sha256_update(&total_src, sizeof ds, ds);
        sha256_update(&total_dst, sizeof dd, dd);
        if (dup) {
            present++;
            differ += memcmp(ds, dd, sizeof ds) != 0;
        } else if (memcmp(ds, dd, sizeof ds) != 0) {
            crm_error(_("session %lld of '%s' reads back differently from '%s' (copy %lld); "
                        "the copy is not trustworthy"),
                      (long long)ids.v[i], store_where(src), store_where(dst),
                      (long long)copy_id);
            goto done;
        } else {
            added++;
        }
    }
    uint8_t a[SHA256_DIGEST_SIZE], b[SHA256_DIGEST_SIZE];
    char ha[2 * SHA256_DIGEST_SIZE + 1], hb[2 * SHA256_DIGEST_SIZE + 1];
    sha256_digest(&total_src, sizeof a, a);
    sha256_digest(&total_dst, sizeof b, b);
    hex(a, sizeof a, ha);
    hex(b, sizeof b, hb);
    printf(_("已复制 %s → %s\n"), store_where(src), store_where(dst));
    printf(_("学生 %zu 名，情景版本 %zu 个，会话 %zu 个（新复制 %ld，目标中已有 %ld），"
             "对话记录 %ld 条（含开场白），评分项 %ld 条\n"),
           w.nst, w.nsc, ids.n, added, present, turns, crits);
    printf(_("校验和（SHA-256，逐个会话）：源 %.16s…  目标 %.16s…  %s\n"), ha, hb,
           memcmp(a, b, sizeof a) == 0 ? _("一致") : _("不一致"));
    if (open)
        printf(_("注意：%ld 个会话尚未结束，按当前状态复制。\n"), open);
    if (differ)
        printf(_("注意：目标中已有的 %ld 个会话与源不同（在目标中重评或修改过），保持不变。\n"),
               differ);
    rc = EXIT_OK;
    goto done;
fail:
    report_err(err);
done:
    rows_free(&w);
    free(ids.v);
    store_close(src);
    store_close(dst);
    return rc;
}

/* ---- init-roles ----------------------------------------------------------- */

static int db_init_roles(crm_ctx *ctx, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "instructor", required_argument, NULL, 'i' },
        { "students", no_argument, NULL, 's' },
        { "passwords", required_argument, NULL, 'p' },
        { NULL, 0, NULL, 0 },
    };
    const char **inst = xcalloc((size_t)argc + 1, sizeof *inst);
    int ninst = 0, students = 0, rc = EXIT_FAIL;
    const char *pwfile = NULL;
    char *tmp = NULL, *err = NULL;
    FILE *pw = NULL;
    store *db = NULL;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case 'i':
            inst[ninst++] = optarg;
            break;
        case 's':
            students = 1;
            break;
        case 'p':
            pwfile = optarg;
            break;
        default:
            free(inst);
            return cmd_usage_error(&cmd_db_entry, _("unknown option '%s'"), argv[optind - 1]);
        }
    }
    if (optind != argc) {
        free(inst);
        return cmd_usage_error(&cmd_db_entry, _("unexpected argument '%s'"), argv[optind]);
    }
    if (pwfile && !students) {
        free(inst);
        return cmd_usage_error(&cmd_db_entry, _("--passwords needs --students"));
    }
    if (!store_is_url(ctx->db_path)) {
        crm_error(_("'%s' is an SQLite file: roles and row-level security are for a "
                    "PostgreSQL server (--db postgresql://…)"), ctx->db_path);
        goto done;
    }
    if (pwfile) {
        /* Written beside the target and renamed into place only when the
         * roles exist: a failed run leaves no list of passwords that do
         * not work. Readable by its owner only. */
        tmp = xasprintf("%s.tmp", pwfile);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 || !(pw = fdopen(fd, "w"))) {
            crm_error(_("cannot write '%s': %s"), tmp, strerror(errno));
            if (fd >= 0)
                close(fd);
            free(tmp);
            tmp = NULL;
            goto done;
        }
        fprintf(pw, "%s,%s,%s,%s\n", _("学号"), _("姓名"), _("班级"), _("密码"));
    }
    if (ctx_open_store(ctx, &db) < 0)
        goto done;
    store_roles_opts o = { inst, students, pw };
    store_roles_report r;
    if (store_pg_init_roles(db, &o, &r, &err) < 0) {
        report_err(err);
        goto done;
    }
    if (pw) {
        int bad = fflush(pw) != 0 || fsync(fileno(pw)) != 0;
        bad |= fclose(pw) != 0;
        pw = NULL;
        if (bad || rename(tmp, pwfile) != 0) {
            crm_error(_("the roles were created, but the passwords could not be written to "
                        "'%s': %s (run again with --passwords to set new ones)"),
                      pwfile, strerror(errno));
            goto done;
        }
        free(tmp);
        tmp = NULL;
    }
    printf(_("已在 %s 设置角色与行级安全：新建组角色 %d 个，教师 %d 名，学生角色新建 %d 个"
             "（已有 %d 个）\n"),
           store_where(db), r.groups_created, r.instructors_granted, r.students_created,
           r.students_existing);
    if (pwfile)
        printf(_("新学生角色的密码已写入 %s（仅属主可读）；请分发给学生后妥善删除。\n"),
               pwfile);
    printf(_("学生在机房电脑上设置 CRMSIM_DB=postgresql://学号@服务器/数据库 即可练习；"
             "只能添加和读取自己的会话。\n"));
    rc = EXIT_OK;
done:
    if (pw)
        fclose(pw);
    if (tmp)
        unlink(tmp);
    free(tmp);
    free(inst);
    store_close(db);
    return rc;
}

static int db_exec(crm_ctx *ctx, int argc, char **argv)
{
    const char *act = argv[1];
    if (strcmp(act, "info") == 0) {
        if (argc != 2)
            return cmd_usage_error(&cmd_db_entry, _("'db info' takes no arguments"));
        return db_info(ctx);
    }
    if (strcmp(act, "copy") == 0) {
        if (argc != 4)
            return cmd_usage_error(&cmd_db_entry, _("'db copy' needs FROM and TO"));
        return db_copy(argv[2], argv[3]);
    }
    if (strcmp(act, "init-roles") == 0)
        return db_init_roles(ctx, argc - 1, argv + 1);
    return cmd_usage_error(&cmd_db_entry, _("unknown db action '%s'"), act);
}
