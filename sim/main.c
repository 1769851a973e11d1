/*
 * main.c - crmsim's entry point: locale and interface language, global
 * options (--db, --lang, --help, --version), the data directory, and
 * dispatch through the command table. Only main may exit.
 */
#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "console.h"
#include "luacache.h"
#include "u8.h"
#include "util.h"


/* The directory of the executable. */
static char *exe_dir(const char *argv0)
{
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

/* The directory holding scenarios/, grading/, course/ and locale/:
 * $CRMSIM_HOME, or the directory of the executable. */
static char *find_home(const char *argv0)
{
    const char *env = getenv("CRMSIM_HOME");
    if (env && *env)
        return xstrdup(env);
    return exe_dir(argv0);
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

/* ---- interface language ------------------------------------------------ */

/* The catalogs in po/ (locale/LANG/LC_MESSAGES/crmsim.mo). */
static const char *const langs[] = { "zh_CN", "zh_TW", "en", NULL };

/* NAME if it is one of langs, else NULL. */
static const char *known_lang(const char *name)
{
    for (const char *const *l = langs; *l; l++)
        if (strcmp(*l, name) == 0)
            return *l;
    return NULL;
}

/* The catalog for a locale name such as zh_TW.UTF-8, zh_HK, zh_Hant, en_GB
 * or C: Traditional Chinese for Taiwan, Hong Kong, Macao and the Hant
 * script, Simplified Chinese for other Chinese, English for English, and
 * Simplified Chinese (Chinese first) for anything else. */
static const char *lang_of_locale(const char *name)
{
    char base[64];
    size_t n = strcspn(name, ".@");
    if (n >= sizeof base)
        n = sizeof base - 1;
    memcpy(base, name, n);
    base[n] = '\0';
    if (strncasecmp(base, "zh", 2) == 0 && (base[2] == '\0' || base[2] == '_' || base[2] == '-')) {
        static const char *const hant[] = { "TW", "HK", "MO", "Hant", NULL };
        for (const char *const *h = hant; *h; h++)
            if (strcasestr(base + 2, *h))
                return "zh_TW";
        return "zh_CN";
    }
    if (strncasecmp(base, "en", 2) == 0 && (base[2] == '\0' || base[2] == '_' || base[2] == '-'))
        return "en";
    return "zh_CN";
}

/* The language the environment asks for: the first set of LANGUAGE (a
 * priority list: its first Chinese or English entry), LC_ALL, LC_MESSAGES,
 * LANG; zh_CN when none is set. */
static const char *env_lang(void)
{
    const char *language = getenv("LANGUAGE");
    if (language && *language) {
        char *list = xstrdup(language), *save = NULL;
        const char *found = NULL;
        for (char *t = strtok_r(list, ":", &save); t && !found; t = strtok_r(NULL, ":", &save))
            if (strncasecmp(t, "zh", 2) == 0 || strncasecmp(t, "en", 2) == 0)
                found = lang_of_locale(t);
        free(list);
        return found ? found : "zh_CN";
    }
    static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG", NULL };
    for (const char *const *v = vars; *v; v++) {
        const char *val = getenv(*v);
        if (val && *val)
            return lang_of_locale(val);
    }
    return "zh_CN";
}

/* Takes every --lang VALUE / --lang=VALUE out of argv (before the command
 * name and after it, up to "--"). Sets *value to the last one given (NULL
 * if none); returns -1 when --lang is last and has no value. */
static int take_lang_option(int *argc, char **argv, const char **value)
{
    *value = NULL;
    for (int j = 1; j < *argc && strcmp(argv[j], "--") != 0;) {
        int take = strcmp(argv[j], "--lang") == 0 ? 2 : strncmp(argv[j], "--lang=", 7) == 0 ? 1 : 0;
        if (take == 0) {
            j++;
            continue;
        }
        if (take == 2 && j + 1 >= *argc)
            return -1;
        *value = take == 2 ? argv[j + 1] : argv[j] + 7;
        memmove(&argv[j], &argv[j + take], (size_t)(*argc - j - take + 1) * sizeof *argv);
        *argc -= take;
    }
    return 0;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Makes gettext use catalog LANG from <home>/locale (or, when the data
 * directory has none, the locale/ next to the executable). glibc ignores
 * LANGUAGE while LC_MESSAGES is the "C" locale, and a minimal system may
 * have no locale for LANG generated at all, so LC_MESSAGES falls back to
 * C.UTF-8 (built into glibc) and LANGUAGE names the catalog. */
static void set_language(const char *lang, const char *home, const char *argv0)
{
    const char *cur = setlocale(LC_MESSAGES, NULL);
    if (!cur || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
        if (!setlocale(LC_MESSAGES, "C.UTF-8"))
            setlocale(LC_MESSAGES, "C.utf8");
    setenv("LANGUAGE", lang, 1);
    char *dir = xasprintf("%s/locale", home);
    if (!is_dir(dir)) {
        char *exe = exe_dir(argv0);
        free(dir);
        dir = xasprintf("%s/locale", exe);
        free(exe);
    }
    bindtextdomain("crmsim", dir);
    bind_textdomain_codeset("crmsim", "UTF-8");
    textdomain("crmsim");
    free(dir);
}

int main(int argc, char **argv)
{
    set_locale();
    luacache_enable();
    crm_ctx ctx = { 0 };
    char *home = find_home(argv[0]);
    ctx.home = home;
    char *db = NULL;
    int i = 1, rc = EXIT_OK;

    /* The language first, so that every message after this is in it. An
     * invalid choice is reported in the language of the environment. */
    const char *opt_lang = NULL, *env = getenv("CRMSIM_LANG");
    int lang_missing = take_lang_option(&argc, argv, &opt_lang) < 0;
    const char *env_choice = env && *env ? known_lang(env) : env_lang();
    const char *lang = opt_lang ? known_lang(opt_lang) : env_choice;
    set_language(lang ? lang : env_choice ? env_choice : env_lang(), home, argv[0]);
    if (lang_missing) {
        crm_error(_("'--lang' needs a language: zh_CN, zh_TW or en"));
        rc = EXIT_USAGE;
        goto out;
    }
    if (!lang) {
        if (opt_lang)
            crm_error(_("unknown language '%s' for --lang (use zh_CN, zh_TW or en)"), opt_lang);
        else
            crm_error(_("unknown language '%s' in CRMSIM_LANG (use zh_CN, zh_TW or en)"), env);
        rc = EXIT_USAGE;
        goto out;
    }

    ctx.tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    /* A PostgreSQL server that wants a password asks for it on a terminal. */
    if (isatty(STDIN_FILENO))
        store_set_password_source(con_ask_password);
    const char *nc = getenv("NO_COLOR");
    ctx.color = isatty(STDOUT_FILENO) && !(nc && *nc);
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--db") == 0) {
            if (++i >= argc) {
                crm_error(_("'--db' needs a path"));
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
            crm_error(_("unknown option '%s' (see 'crmsim --help')"), argv[i]);
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
            crm_error(_("'--db' needs a path"));
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
