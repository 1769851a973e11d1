/*
 * main.c - crmsim's entry point: locale, global options (--db, --help,
 * --version), the data directory, and dispatch through the command table.
 * Only main may exit.
 */
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "u8.h"
#include "util.h"

#define CRMSIM_VERSION "0.1.0"

/* The directory holding scenarios/, grading/ and course/: $CRMSIM_HOME, or
 * the directory of the executable. */
static char *find_home(const char *argv0)
{
    const char *env = getenv("CRMSIM_HOME");
    if (env && *env)
        return xstrdup(env);
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = '\0';
    } else if (!realpath(argv0, buf)) {
        return xstrdup(".");
    }
    char *slash = strrchr(buf, '/');
    if (slash)
        *slash = '\0';
    return xstrdup(buf);
}

static char *default_db(void)
{
    const char *env = getenv("CRMSIM_DB");
    if (env && *env)
        return xstrdup(env);
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && *xdg == '/')
        return xasprintf("%s/crmsim/crmsim.db", xdg);
    const char *home = getenv("HOME");
    return xasprintf("%s/.local/share/crmsim/crmsim.db", home && *home ? home : ".");
}

static void set_locale(void)
{
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    if (!cs || strcmp(cs, "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8"); /* readline needs a UTF-8 ctype for CJK editing */
}

int main(int argc, char **argv)
{
    set_locale();
    crm_ctx ctx = { 0 };
    char *home = find_home(argv[0]);
    ctx.home = home;
    ctx.tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    const char *nc = getenv("NO_COLOR");
    ctx.color = isatty(STDOUT_FILENO) && !(nc && *nc);
    char *db = NULL;
    int i = 1, rc = EXIT_OK;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--db") == 0) {
            if (++i >= argc) {
                crm_error("'--db' needs a path");
                rc = EXIT_USAGE;
                goto out;
            }
            free(db);
            db = xstrdup(argv[i]);
        } else if (strncmp(argv[i], "--db=", 5) == 0) {
            free(db);
            db = xstrdup(argv[i] + 5);
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            cmd_list_all(stdout);
            goto out;
        } else if (strcmp(argv[i], "--version") == 0) {
            printf("crmsim %s\n", CRMSIM_VERSION);
            goto out;
        } else {
            crm_error("unknown option '%s' (see 'crmsim --help')", argv[i]);
            rc = EXIT_USAGE;
            goto out;
        }
    }
    if (i >= argc) {
        cmd_list_all(stderr);
        rc = EXIT_USAGE;
        goto out;
    }
    /* --db is global but also accepted after the command name. */
    for (int j = i + 1; j < argc && strcmp(argv[j], "--") != 0;) {
        int take = strcmp(argv[j], "--db") == 0 ? 2 : strncmp(argv[j], "--db=", 5) == 0 ? 1 : 0;
        if (take == 0) {
            j++;
            continue;
        }
        if (take == 2 && j + 1 >= argc) {
            crm_error("'--db' needs a path");
            rc = EXIT_USAGE;
            goto out;
        }
        free(db);
        db = xstrdup(take == 2 ? argv[j + 1] : argv[j] + 5);
        memmove(&argv[j], &argv[j + take], (size_t)(argc - j - take + 1) * sizeof *argv);
        argc -= take;
    }
    ctx.db_path = db ? db : default_db();
    db = NULL;
    const struct crm_cmd *c = cmd_find(argv[i]);
    if (!c) {
        rc = EXIT_USAGE;
        goto out;
    }
    for (int j = i + 1; j < argc; j++) {
        if (strcmp(argv[j], "--") == 0)
            break;
        if (strcmp(argv[j], "--help") == 0 || strcmp(argv[j], "-h") == 0) {
            cmd_usage(stdout, c);
            goto out;
        }
    }
    rc = c->exec(&ctx, argc - i, argv + i);
out:
    fflush(stdout);
    free(db);
    free(ctx.db_path);
    free(home);
    u8_shutdown();
    return rc;
}
