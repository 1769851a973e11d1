/*
 * cmd-course.c - `crmsim course [--student ID]`: the syllabus chapter by
 * chapter with its scenarios, and for the student the attempts and best
 * score of each; scenarios not in the syllabus are listed at the end.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "scenario.h"
#include "util.h"

typedef struct progress {
    char **ids;    /* scenario ids seen */
    int *best;     /* best score per id, -1 = none ended */
    int *tries;    /* sessions per id */
    size_t n;      /* count */
} progress;

static int course_exec(crm_ctx *ctx, int argc, char **argv);

const struct crm_cmd cmd_course_entry = {
    .name = "course",
    .alias = NULL,
    .usage = N_("[--student ID]"),
    .summary = N_("课程大纲：各章的情景，以及你的练习次数和最好成绩"),
    .help = N_("  --student ID   看这个学号的进度（默认 $CRMSIM_STUDENT 或登录名）\n"
               "例: crmsim course --student s001\n"),
    .min_args = 0,
    .max_args = 0,
    .exec = course_exec,
};

static int add_session(const store_session *s, void *vctx)
{
    progress *p = vctx;
    size_t i = 0;
    while (i < p->n && strcmp(p->ids[i], s->scenario) != 0)
        i++;
    if (i == p->n) {
        p->ids = xrealloc(p->ids, (p->n + 1) * sizeof *p->ids);
        p->best = xrealloc(p->best, (p->n + 1) * sizeof *p->best);
        p->tries = xrealloc(p->tries, (p->n + 1) * sizeof *p->tries);
        p->ids[i] = xstrdup(s->scenario);
        p->best[i] = -1;
        p->tries[i] = 0;
        p->n++;
    }
    p->tries[i]++;
    if (s->score > p->best[i])
        p->best[i] = s->score;
    return 0;
}

static void show_scenario(crm_ctx *ctx, const char *id, const progress *p)
{
    char *path = NULL, *err = NULL;
    scenario *s = NULL;
    const char *title = _("（找不到这个情景文件）");
    if (scn_resolve(ctx->home, id, &path, &err) == 0 && scn_load(ctx->home, path, 0, &s, &err) == 0)
        title = s->title;
    size_t i = 0;
    while (i < p->n && strcmp(p->ids[i], id) != 0)
        i++;
    printf("    %-22s %s", id, title);
    if (i < p->n && p->best[i] >= 0)
        printf(_("  —  练习 %d 次，最好 %d 分"), p->tries[i], p->best[i]);
    else if (i < p->n)
        printf(_("  —  练习 %d 次，还没有完成"), p->tries[i]);
    else
        printf(_("  —  未练习"));
    putchar('\n');
    free(path);
    free(err);
    scn_free(s);
}

static int course_exec(crm_ctx *ctx, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "student", required_argument, NULL, 's' },
        { NULL, 0, NULL, 0 },
    };
    const char *student = NULL;
    int opt;
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (opt == 's')
            student = optarg;
        else
            return cmd_usage_error(&cmd_course_entry, _("unknown option '%s'"), argv[optind - 1]);
    }
    if (cmd_check_args(&cmd_course_entry, argc - optind) != 0)
        return EXIT_USAGE;
    if (!student) {
        const char *env = getenv("CRMSIM_STUDENT");
        student = env && *env ? env : getenv("USER");
        if (!student || !*student)
            student = "student";
    }
    course crs;
    store *db;
    if (ctx_load_course(ctx, &crs) < 0)
        return EXIT_FAIL;
    if (ctx_open_store(ctx, &db) < 0) {
        course_release(&crs);
        return EXIT_FAIL;
    }
    progress p = { NULL, NULL, NULL, 0 };
    char *err = NULL;
    int rc = EXIT_OK;
    if (store_sessions(db, student, 0, add_session, &p, &err) < 0) {
        crm_error("%s", err);
        free(err);
        rc = EXIT_FAIL;
    } else {
        printf(_("%s（学号 %s）\n"), crs.title, student);
        for (size_t i = 0; i < crs.nchapters; i++) {
            const course_chapter *ch = &crs.chapters[i];
            printf(_("\n第%d章 %s（课堂 %d 学时，实训 %d 学时）\n"), ch->n, ch->title, ch->hours, ch->practice);
            if (ch->nscenarios == 0)
                printf(_("    （本章没有情景练习）\n"));
            for (size_t j = 0; j < ch->nscenarios; j++)
                show_scenario(ctx, ch->scenarios[j], &p);
        }
        size_t n;
        char **ids = scn_ids(ctx->home, &n);
        int header = 0;
        for (size_t i = 0; i < n; i++) {
            if (!course_chapter_of(&crs, ids[i])) {
                if (!header++)
                    printf(_("\n不在大纲里的情景\n"));
                show_scenario(ctx, ids[i], &p);
            }
            free(ids[i]);
        }
        free(ids);
    }
    for (size_t i = 0; i < p.n; i++)
        free(p.ids[i]);
    free(p.ids);
    free(p.best);
    free(p.tries);
    store_close(db);
    course_release(&crs);
    return rc;
}
