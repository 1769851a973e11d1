/*
 * console.h - reading the trainee's replies: GNU readline with a per-user
 * history on a terminal (Ctrl-C clears the line, Ctrl-D ends input), and
 * plain getline when stdin is not a terminal, so transcripts can be piped.
 * Deliberately not here: what a line means (cmd-play.c).
 */
#ifndef CRM_CONSOLE_H
#define CRM_CONSOLE_H

#include <stddef.h>

/* Sets up input. interactive = stdin and stdout are terminals. history may
 * be NULL (no history file). */
void con_init(int interactive, const char *history);
/* Returns the next line without its newline (caller frees with
 * con_free_line), or NULL at end of input; *len (if not NULL) is its length
 * in bytes, which counts NUL bytes inside a piped line. Interactive only:
 * prompt is shown; Ctrl-C clears the line being typed and asks again. */
char *con_readline(const char *prompt, size_t *len);
/* Interactive only: fn(ctx) runs once, right after the next prompt is on
 * the screen and before the first key is read (readline's pre-input
 * hook), for work the trainee should not wait for. */
void con_when_shown(void (*fn)(void *ctx), void *ctx);
/* From such a hook: the read being set up returns at once (an empty line). */
void con_stop_reading(void);
void con_add_history(const char *line);
void con_free_line(char *line);
/* Asks a yes/no question; default no. Non-interactive input answers from
 * the next line. */
int con_confirm(const char *question);
/* Asks for a database password on the terminal without echoing it; NULL
 * when stdin is not a terminal or nothing was typed. For
 * store_set_password_source. */
char *con_ask_password(const char *where, const char *role);
/* Saves history and restores the terminal. */
void con_shutdown(void);

#endif
