/*
 * console.c - line input. On a terminal: GNU readline (multibyte-aware, so
 * backspace removes a whole CJK character once the locale is set), history
 * in a per-user file, SIGINT clearing the current line through readline's
 * signal event hook. Otherwise: getline, no prompt, no escape codes.
 */
#include "console.h"

#include <readline/history.h>
#include <readline/readline.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "util.h"

#define HISTORY_MAX 1000

static int con_tty;              /* 1 = readline in use */
static char *con_history;        /* history file path or NULL */
static volatile sig_atomic_t con_sigint; /* set by the SIGINT handler */

static void on_sigint(int sig)
{
    (void)sig;
    con_sigint = 1;
}

/* Called by readline when a read was interrupted by a signal. */
static int on_signal_event(void)
{
    if (con_sigint) {
        con_sigint = 0;
        rl_replace_line("", 0);
        rl_point = rl_end = 0;
        fputs("^C\n", rl_outstream ? rl_outstream : stdout);
        rl_on_new_line();
        rl_redisplay();
    }
    return 0;
}

void con_init(int interactive, const char *history)
{
    con_tty = interactive;
    if (!con_tty)
        return;
    rl_catch_signals = 0;
    rl_signal_event_hook = on_signal_event;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: readline must see EINTR */
    sigaction(SIGINT, &sa, NULL);
    rl_readline_name = "crmsim";
    using_history();
    stifle_history(HISTORY_MAX);
    if (history) {
        con_history = xstrdup(history);
        read_history(con_history);
    }
}

static void (*shown_fn)(void *ctx);
static void *shown_ctx;

static int on_shown(void)
{
    void (*fn)(void *) = shown_fn;
    shown_fn = NULL;
    rl_pre_input_hook = NULL;
    if (fn)
        fn(shown_ctx);
    return 0;
}

void con_when_shown(void (*fn)(void *ctx), void *ctx)
{
    if (!con_tty)
        return;
    shown_fn = fn;
    shown_ctx = ctx;
    rl_pre_input_hook = fn ? on_shown : NULL;
}

void con_stop_reading(void)
{
    if (con_tty)
        rl_done = 1;
}

char *con_readline(const char *prompt, size_t *len)
{
    if (con_tty) {
        con_sigint = 0;
        char *line = readline(prompt);
        if (line && len)
            *len = strlen(line);
        return line;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    if (len)
        *len = (size_t)n;
    return line;
}

void con_add_history(const char *line)
{
    if (con_tty && line && *line)
        add_history(line);
}

void con_free_line(char *line)
{
    free(line);
}

int con_confirm(const char *question)
{
    /* Yes is an answer starting with y, 是, 确定 or 確定. */
    /* TRANSLATORS: a yes/no question; keep y/N (the answer y means yes). */
    char *prompt = xasprintf(_("%s (y/N) "), question);
    if (!con_tty)
        fputs(prompt, stdout), fputc('\n', stdout);
    char *ans = con_readline(prompt, NULL);
    free(prompt);
    int yes = ans && (ans[0] == 'y' || ans[0] == 'Y' || strncmp(ans, "是", 3) == 0 ||
                      strncmp(ans, "确定", 6) == 0 || strncmp(ans, "確定", 6) == 0);
    int eof = !ans;
    con_free_line(ans);
    return yes || eof;
}

void con_shutdown(void)
{
    if (!con_tty)
        return;
    if (con_history) {
        write_history(con_history);
        free(con_history);
        con_history = NULL;
    }
    rl_clear_history();
}

/* The password prompt reads stdin itself (not readline: nothing typed may
 * reach the history), with echo off through termios, restored afterwards
 * even when the read fails. */
char *con_ask_password(const char *where, const char *role)
{
    struct termios old, quiet;
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &old) != 0)
        return NULL;
    fprintf(stderr, _("数据库 %s 的密码（角色 %s）："), where, role ? role : "");
    fflush(stderr);
    quiet = old;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    quiet.c_lflag |= ECHONL;
    if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    if (n <= 0) {
        free(line);
        return NULL;
    }
    line[strcspn(line, "\r\n")] = '\0';
    if (!*line) {
        free(line);
        return NULL;
    }
    return line;
}
