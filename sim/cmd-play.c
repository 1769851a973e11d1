/*
 * cmd-play.c - `crmsim play`: one role-play in the console. Reads replies
 * (readline on a terminal, one per line otherwise), handles the slash
 * commands, shows the customer's lines and live feedback, and ends with
 * the score card or, with --json, the result object.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "chain.h"
#include "cmd.h"
#include "console.h"
#include "report.h"
#include "scenario.h"
#include "session.h"
#include "steps.h"
#include "util.h"

#define C_RESET "\033[0m"
#define C_CUST "\033[1;36m"
#define C_DIM "\033[2m"

typedef struct play_opts {
    const char *student; /* --student */
    int64_t seed;        /* --seed, or -1 for a fresh one */
    int json;            /* --json */
    int exam;            /* --exam */
    double deadline;     /* exam: monotonic time when the time is up, 0 = none */
    int attempt;         /* exam: which attempt this is */
    int resume;          /* --resume: continue an interrupted session */
} play_opts;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The practice or exam settings of the course, by the session's mode. */
static const course_mode *mode_of(const session *s)
{
    return strcmp(s->cfg.mode, "exam") == 0 ? &s->cfg.course->exam : &s->cfg.course->practice;
}

static int64_t fresh_seed(void)
{
    uint32_t r = 0;
    if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r)
        r = (uint32_t)time(NULL) ^ (uint32_t)clock();
    return (int64_t)(r % 999999u) + 1;
}

static int valid_student(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > 64)
        return 0;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        if (*p < 0x20 || *p == 0x7F || *p == ' ')
            return 0;
    return 1;
}

static char *history_path(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg == '/')
        return xasprintf("%s/crmsim/history", xdg);
    return home && *home ? xasprintf("%s/.local/share/crmsim/history", home) : NULL;
}

static void say(crm_ctx *ctx, const session *s, const char *line)
{
    if (!line || !*line)
        return;
    /* TRANSLATORS: colour, customer's name, what the customer says, colour off. */
    printf(_("%s%s：%s%s\n"), ctx->color ? C_CUST : "", s->scn->cust_name, line,
           ctx->color ? C_RESET : "");
    /* The line is the trainee's confirmation that the turn is stored (it is
     * printed only after the commit): let it out now, not at exit. */
    fflush(stdout);
}

static void show_status(const session *s)
{
    printf(_("情绪：%s（%d/100）  耐心：%d  轮次：%d/%d\n"), sess_mood_label(s->mood), s->mood,
           s->patience, s->nturns, s->scn->max_turns);
    strbuf sb;
    sb_init(&sb);
    for (int i = 0; i < STEP_COUNT; i++)
        if (s->scn->required & (1u << i))
            sb_addf(&sb, "%s%s%s", sb.len ? "  " : "", (s->steps_done & (1u << i)) ? "✓" : "·",
                    step_label(i));
    printf(_("步骤：%s\n"), sb.len ? sb.buf : "-");
    sb_release(&sb);
}

static void show_help(void)
{
    fputs(_("直接输入你对客户说的话，回车发送。\n"
            "  /status  客户情绪、耐心和已完成的步骤\n"
            "  /hint    提示下一步（每次扣分）\n"
            "  /quit    结束本次练习（记为放弃）\n"
            "  /help    显示本帮助\n"
            "Ctrl-C 清空当前输入，Ctrl-D 结束。\n"), stdout);
}

static char *make_prompt(crm_ctx *ctx, const session *s)
{
    if (!ctx->tty)
        return xstrdup("");
    if (ctx->color) {
        const char *mc = s->mood < 40 ? "\033[31m" : s->mood < 60 ? "\033[33m" : "\033[32m";
        return xasprintf("\001%s\002[%s %d]\001%s\002 %s", mc, sess_mood_label(s->mood), s->mood,
                         C_RESET, _("您> "));
    }
    return xasprintf("[%s %d] %s", sess_mood_label(s->mood), s->mood, _("您> "));
}

/* Handles a /command; returns 1 when the session should end now. */
static int slash(crm_ctx *ctx, session *s, const char *line)
{
    if (strcmp(line, "/help") == 0 || strcmp(line, "/?") == 0) {
        show_help();
    } else if (strcmp(line, "/status") == 0) {
        show_status(s);
    } else if (strcmp(line, "/hint") == 0 && !mode_of(s)->hints) {
        printf(_("这个模式不允许提示。\n"));
    } else if (strcmp(line, "/hint") == 0) {
        char *h = sess_hint(s);
        printf(_("提示（扣 %.0f 分）：%s\n"), s->cfg.course->weights.hint_cost, h);
        free(h);
    } else if (strcmp(line, "/quit") == 0 || strcmp(line, "/exit") == 0) {
        if (con_confirm(_("确定结束本次练习吗？会话将记为“放弃”")))
            return 1;
    } else {
        printf(_("不认识的命令 %s，输入 /help 查看可用命令。\n"), line);
    }
    (void)ctx;
    return 0;
}

/* Why the session could not be stored once its opening was shown. */
static char *opening_err;

/* While the trainee reads the opening (play on a terminal): the session row
 * and the opening are stored, then the lexicons compiled. A store failure
 * ends the play at once; a lexicon failure is left for the first reply to
 * report, as it would be without this. */
static void prepare_session(void *sv)
{
    char *err = NULL;
    if (sess_store_opening(sv, &opening_err) < 0) {
        con_stop_reading();
        return;
    }
    if (sess_prepare(sv, &err) < 0)
        free(err);
}

static int run(crm_ctx *ctx, session *s, const play_opts *o)
{
    int rc = EXIT_OK;
    if (!o->json) {
        printf(_("情景：%s（%s）\n"), s->scn->title, s->scn->id);
        printf(_("背景：%s\n"), s->scn->brief);
        if (o->exam)
            printf(_("考试模式：没有提示和即时点评；限时 %d 分钟，第 %d 次作答（共 %d 次）。\n"),
                   s->cfg.course->exam.minutes, o->attempt, s->cfg.course->exam.attempts);
        if (ctx->tty)
            printf(_("%s输入 /help 查看命令；/status 查看客户情绪；/quit 结束。%s\n"),
                   ctx->color ? C_DIM : "", ctx->color ? C_RESET : "");
        if (o->resume) {
            printf(_("继续第 %lld 号会话（已有 %d 轮）\n"), (long long)s->id, s->nturns);
            say(ctx, s, s->nturns > 0 ? s->turns[s->nturns - 1].customer : s->opening);
        } else {
            say(ctx, s, s->opening);
        }
    }
    con_when_shown(prepare_session, s);
    while (!s->ended) {
        char *prompt = make_prompt(ctx, s);
        size_t len = 0;
        char *line = con_readline(prompt, &len);
        free(prompt);
        if (opening_err) { /* nothing was stored: no end to store, no score card */
            con_free_line(line);
            crm_error("%s", opening_err);
            free(opening_err);
            opening_err = NULL;
            return EXIT_FAIL;
        }
        if (!line)
            break; /* Ctrl-D or end of the transcript */
        /* A blank line (an Enter pressed by accident) is not a turn. */
        size_t blank = strspn(line, " \t");
        if (blank == len) {
            con_free_line(line);
            continue;
        }
        if (line[0] == '/' && !o->json) {
            con_add_history(line);
            int quit = slash(ctx, s, line);
            con_free_line(line);
            if (quit)
                break;
            continue;
        }
        if (line[0] == '/') {
            /* --json: stdout carries only the result, so no questions:
             * /quit ends at once, /hint is counted, the rest is ignored. */
            int quit = strcmp(line, "/quit") == 0 || strcmp(line, "/exit") == 0;
            if (strcmp(line, "/hint") == 0 && mode_of(s)->hints)
                free(sess_hint(s));
            con_free_line(line);
            if (quit)
                break;
            continue;
        }
        char *err = NULL;
        if (o->deadline > 0 && now_s() > o->deadline) {
            /* The reply typed after the time ran out is not played. */
            con_free_line(line);
            if (!o->json)
                printf(_("考试时间到，本次作答到此结束。\n"));
            if (sess_time_up(s, &err) < 0) {
                crm_error("%s", err);
                free(err);
                rc = EXIT_FAIL;
            }
            break;
        }
        int r = sess_reply(s, line, len, &err);
        con_add_history(line);
        con_free_line(line);
        if (r == 1) {
            fprintf(stderr, "crmsim: %s\n", err);
            free(err);
            continue;
        }
        if (r < 0) {
            crm_error("%s", err);
            free(err);
            rc = EXIT_FAIL;
            break;
        }
        const sess_turn *t = &s->turns[s->nturns - 1];
        if (!o->json) {
            if (mode_of(s)->feedback)
                report_turn_feedback(stdout, &t->g, ctx->color);
            say(ctx, s, t->customer);
        }
    }
    if (!s->ended) {
        char *err = NULL;
        if (sess_abandon(s, &err) < 0) {
            crm_error("%s", err);
            free(err);
            rc = EXIT_FAIL;
        }
    }
    if (o->json) {
        json_t *j = report_session_json(s);
        char *txt = json_dumps(j, JSON_COMPACT);
        puts(txt);
        free(txt);
        json_decref(j);
    } else {
        report_card(stdout, s, ctx->color);
        if (s->id)
            printf(_("\n已保存为第 %lld 号会话（crmsim history 查看记录）。\n"), (long long)s->id);
    }
    return rc;
}

static int play_exec(crm_ctx *ctx, int argc, char **argv);
extern const struct crm_cmd cmd_play_entry;

/* ---- --resume ------------------------------------------------------------ */

typedef struct open_row {
    int64_t id;       /* session id, 0 = none found */
    int64_t want;     /* session looked for, 0 = the newest open one */
    int ended;        /* 1 when the row has ended */
    char *student;    /* row fields, copied */
    char *scenario;
    char *mode;
    char *started;
    int64_t seed;
    int earlier_exams; /* exam sessions of the same student and scenario before it */
} open_row;

static int find_open(const store_session *ses, void *vctx)
{
    open_row *r = vctx;
    if (!r->id && (r->want ? ses->id == r->want : ses->ended == NULL)) {
        r->id = ses->id;
        r->ended = ses->ended != NULL;
        r->student = xstrdup(ses->student);
        r->scenario = xstrdup(ses->scenario);
        r->mode = xstrdup(ses->mode);
        r->started = xstrdup(ses->started ? ses->started : "");
        r->seed = ses->seed;
        return r->want ? 1 : 0;
    }
    return 0;
}

static int count_earlier_exams(const store_session *ses, void *vctx)
{
    open_row *r = vctx;
    if (ses->id < r->id && strcmp(ses->mode, "exam") == 0 && strcmp(ses->scenario, r->scenario) == 0)
        r->earlier_exams++;
    return 0;
}

/* Seconds since an ISO-8601 UTC time, or 0 when it cannot be read. */
static double seconds_since(const char *iso)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *end = strptime(iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (!end || *end)
        return 0;
    time_t t = timegm(&tm);
    double d = difftime(time(NULL), t);
    return d > 0 ? d : 0;
}

/* `crmsim play --resume [SESSION|SCENARIO]`: finds the session (the given
 * id, or the newest open one: of the student when --student or
 * CRMSIM_STUDENT names one, else of anyone the database shows — on a lab
 * server a student's role sees only its own), rebuilds it with sess_resume
 * and goes on with the console loop. */
static int resume_exec(crm_ctx *ctx, play_opts *o, const char *arg)
{
    course crs;
    store *db = NULL;
    session *s = NULL;
    char *path = NULL, *err = NULL;
    open_row r = { 0 };
    int rc = EXIT_FAIL;
    const char *scn_name = NULL;
    if (arg && arg[strspn(arg, "0123456789")] == '\0' && strlen(arg) < 19) {
        r.want = strtoll(arg, NULL, 10);
        if (r.want <= 0)
            return cmd_usage_error(&cmd_play_entry, _("no session %s"), arg);
    } else {
        scn_name = arg; /* a scenario file: where the session's persona lives now */
    }
    if (ctx_load_course(ctx, &crs) < 0)
        return EXIT_FAIL;
    if (ctx_open_store(ctx, &db) < 0)
        goto done;
    if (store_sessions(db, r.want ? NULL : o->student, 0, find_open, &r, &err) < 0) {
        crm_error("%s", err);
        goto done;
    }
    if (!r.id) {
        if (r.want)
            crm_error(_("no session %lld"), (long long)r.want);
        else if (o->student)
            crm_error(_("student '%s' has no interrupted session to resume"), o->student);
        else
            crm_error(_("there is no interrupted session to resume"));
        goto done;
    }
    if (r.ended) {
        crm_error(_("session %lld has already ended; nothing to resume"), (long long)r.id);
        goto done;
    }
    const char *key = course_exam_key(&crs);
    int exam = strcmp(r.mode, "exam") == 0;
    if (exam && !key) {
        crm_error(_("no exam key is set (the instructor sets CRMSIM_EXAM_KEY on exam machines)"));
        goto done;
    }
    if (exam && store_sessions(db, r.student, 0, count_earlier_exams, &r, &err) < 0) {
        crm_error("%s", err);
        goto done;
    }
    if (scn_resolve(ctx->home, scn_name ? scn_name : r.scenario, &path, &err) < 0) {
        crm_error("%s", err);
        goto done;
    }
    o->exam = exam;
    o->attempt = exam ? r.earlier_exams + 1 : 0;
    o->seed = r.seed;
    sess_config cfg = { ctx->home, path, r.student, r.seed, r.mode, NULL, &crs,
                        db, key, NULL, o->attempt, NULL, 0 };
    if (sess_resume(&cfg, r.id, &s, &err) < 0) {
        crm_error("%s", err);
        goto done;
    }
    if (exam && crs.exam.minutes > 0)
        o->deadline = now_s() + crs.exam.minutes * 60.0 - seconds_since(r.started);
    con_init(ctx->tty && !o->json, NULL);
    rc = run(ctx, s, o);
    con_shutdown();
done:
    free(err);
    free(path);
    free(r.student);
    free(r.scenario);
    free(r.mode);
    free(r.started);
    sess_free(s);
    store_close(db);
    course_release(&crs);
    return rc;
}

typedef struct enrolled_ctx {
    const char *id; /* student looked for */
    int found;      /* 1 when on the roster */
} enrolled_ctx;

static int find_enrolled(const store_student *st, void *vctx)
{
    enrolled_ctx *e = vctx;
    if (strcmp(st->id, e->id) == 0) {
        e->found = 1;
        return 1;
    }
    return 0;
}

/* On a shared server a student's database role plays as itself: the role
 * is the student id unless one was given, and another id is refused here
 * with a clear message (the server would refuse it anyway). *who keeps the
 * role name alive while o->student points to it. */
static int play_as_self(store *db, play_opts *o, int given, char **who)
{
    char *err = NULL;
    int inst = store_can_instruct(db, who, &err);
    if (inst < 0) {
        crm_error("%s", err);
        free(err);
        return -1;
    }
    if (inst || !*who)
        return 0;
    if (!given)
        o->student = *who;
    else if (strcmp(o->student, *who) != 0)
        return crm_error(_("connected to '%s' as '%s': on a shared server each student plays "
                           "as themselves (leave out --student, or use --student %s)"),
                         store_where(db), *who, *who);
    return 0;
}

/* Exam admission: a course scenario, a key, a student on the roster,
 * attempts left; sets the student's exam seed. Prints why not and -1. */
static int exam_admit(const course *crs, store *db, play_opts *o, const char *name, const char *key)
{
    char *err = NULL;
    if (strchr(name, '/') || strstr(name, ".lua"))
        return crm_error(_("an exam is played on a course scenario id, not on a file"));
    if (!key)
        return crm_error(_("no exam key is set (the instructor sets CRMSIM_EXAM_KEY on exam machines)"));
    enrolled_ctx e = { o->student, 0 };
    if (store_roster(db, NULL, find_enrolled, &e, &err) < 0) {
        crm_error("%s", err);
        free(err);
        return -1;
    }
    if (!e.found)
        return crm_error(_("student '%s' is not on the class roster (crmsim roster import)"), o->student);
    int n = 0;
    if (store_count_sessions(db, o->student, name, "exam", &n, &err) < 0) {
        crm_error("%s", err);
        free(err);
        return -1;
    }
    if (crs->exam.attempts > 0 && n >= crs->exam.attempts)
        return crm_error(_("student '%s' has used all %d exam attempts on '%s'"), o->student,
                         crs->exam.attempts, name);
    o->attempt = n + 1;
    o->seed = chain_exam_seed(key, o->student, name);
    return 0;
}

const struct crm_cmd cmd_play_entry = {
    .name = "play",
    .alias = "p",
    .usage = N_("[SCENARIO] [--student ID] [--seed N] [--json] [--exam] | --resume [SESSION]"),
    .summary = N_("扮演客服，与情景中的客户对话，结束时给出成绩单"),
    .help = N_("  SCENARIO       情景 id（见 crmsim list）或 .lua 文件路径；默认取课程设置\n"
               "  --student ID   学号（默认 $CRMSIM_STUDENT 或登录名）\n"
               "  --seed N       随机种子：同一种子、同样的回复，得到同样的会话\n"
               "  --json         结束时只输出一行 JSON 结果（从标准输入逐行读回复）\n"
               "  --exam         考试：学号须在名单上，题目变体由学号决定，没有提示和即时点评，\n"
               "                 限次、限时（见 course/course.lua 的 exam）\n"
               "  --resume [SESSION]  继续中断的会话：默认是该学号最近一次未结束的会话\n"
               "例: crmsim play bank-card --student s001\n"
               "    printf '您好\\n/quit\\ny\\n' | crmsim play bank-card --seed 7\n"),
    .min_args = 0,
    .max_args = 1,
    .exec = play_exec,
};

static int play_exec(crm_ctx *ctx, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "student", required_argument, NULL, 's' },
        { "seed", required_argument, NULL, 'S' },
        { "json", no_argument, NULL, 'j' },
        { "exam", no_argument, NULL, 'e' },
        { "resume", no_argument, NULL, 'r' },
        { NULL, 0, NULL, 0 },
    };
    play_opts o = { NULL, -1, 0, 0, 0, 0, 0 };
    int opt;
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (opt == 's') {
            o.student = optarg;
        } else if (opt == 'S') {
            char *end;
            errno = 0;
            long long v = strtoll(optarg, &end, 10);
            if (*end || errno || v < 0 || v > 0x7FFFFFFFLL)
                return cmd_usage_error(&cmd_play_entry, _("--seed needs a whole number from 0 to 2147483647, not '%s'"), optarg);
            o.seed = v;
        } else if (opt == 'j') {
            o.json = 1;
        } else if (opt == 'e') {
            o.exam = 1;
        } else if (opt == 'r') {
            o.resume = 1;
        } else {
            return cmd_usage_error(&cmd_play_entry, _("unknown option '%s'"), argv[optind - 1]);
        }
    }
    if (cmd_check_args(&cmd_play_entry, argc - optind) != 0)
        return EXIT_USAGE;
    if (o.exam && (!o.student || o.seed >= 0 || argc - optind != 1))
        return cmd_usage_error(&cmd_play_entry, _("an exam needs --student ID and a scenario id, and takes no --seed"));
    if (o.resume && (o.exam || o.seed >= 0))
        return cmd_usage_error(&cmd_play_entry, _("--resume continues a session with its own seed and mode; it takes no --seed or --exam"));
    if (o.resume) {
        const char *env = getenv("CRMSIM_STUDENT");
        if (!o.student && env && *env)
            o.student = env;
        return resume_exec(ctx, &o, argc - optind == 1 ? argv[optind] : NULL);
    }
    int given = o.student != NULL;
    if (!o.student) {
        const char *env = getenv("CRMSIM_STUDENT");
        given = env && *env;
        o.student = env && *env ? env : getenv("USER");
        if (!o.student || !*o.student)
            o.student = "student";
    }
    if (!valid_student(o.student))
        return cmd_usage_error(&cmd_play_entry, _("student id '%s' must be 1-64 printable characters without spaces"), o.student);

    course crs;
    store *db = NULL;
    session *s = NULL;
    char *path = NULL, *err = NULL, *hist = NULL, *who = NULL;
    int rc = EXIT_FAIL;
    if (ctx_load_course(ctx, &crs) < 0)
        return EXIT_FAIL;
    const char *name = argc - optind == 1 ? argv[optind] : crs.default_scenario;
    if (scn_resolve(ctx->home, name, &path, &err) < 0) {
        crm_error("%s", err);
        goto done;
    }
    if (ctx_open_store(ctx, &db) < 0 || play_as_self(db, &o, given, &who) < 0)
        goto done;
    const char *key = course_exam_key(&crs);
    if (o.exam && exam_admit(&crs, db, &o, name, key) < 0)
        goto done;
    if (o.seed < 0)
        o.seed = fresh_seed();
    sess_config cfg = { ctx->home, path, o.student, o.seed, o.exam ? "exam" : "practice", NULL, &crs,
                        db, key, NULL, o.attempt, NULL, 0 };
    /* On a terminal the opening is shown before it is stored (in the
     * first prompt's pre-input hook, see run): the trainee need not wait
     * for the commit to start reading. */
    cfg.defer_store = ctx->tty && !o.json;
    if (sess_open(&cfg, &s, &err) < 0) {
        crm_error("%s", err);
        goto done;
    }
    if (o.exam && crs.exam.minutes > 0)
        o.deadline = now_s() + crs.exam.minutes * 60.0;
    hist = o.exam ? NULL : history_path(); /* no exam answers in the shared history */
    con_init(ctx->tty && !o.json, hist);
    rc = run(ctx, s, &o);
    con_shutdown();
done:
    free(err);
    free(hist);
    free(path);
    sess_free(s);
    store_close(db);
    free(who);
    course_release(&crs);
    return rc;
}
