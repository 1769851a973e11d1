/*
 * cmd.h - the subcommand table: one `struct crm_cmd` per command, defined
 * in sim/cmd-NAME.c; lookup by unique prefix; usage text generated from the
 * table. Also the context every command gets (data directory, database
 * path, terminal facts) and the helpers they share to open the store and
 * load lexicons and the course.
 */
#ifndef CRM_CMD_H
#define CRM_CMD_H

#include <stdio.h>

#include "course.h"
#include "lexicon.h"
#include "store.h"

#define CRMSIM_VERSION "0.1.0"

/* Exit codes of DESIGN.md. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef struct crm_ctx {
    const char *home;   /* data directory: scenarios/, grading/, course/ */
    char *db_path;      /* --db, CRMSIM_DB or the XDG default */
    int color;          /* stdout is a tty and NO_COLOR is unset */
    int tty;            /* stdin and stdout are terminals */
} crm_ctx;

/* usage, summary and help are msgids marked with N_(); cmd.c translates
 * them when it prints them. */
struct crm_cmd {
    const char *name;     /* subcommand name */
    const char *alias;    /* short alias or NULL */
    const char *usage;    /* arguments after the name */
    const char *summary;  /* one line for `crmsim help` */
    const char *help;     /* extra lines for `crmsim CMD --help`, or NULL */
    int min_args;         /* positional arguments, at least */
    int max_args;         /* at most (-1 = any) */
    int (*exec)(crm_ctx *ctx, int argc, char **argv); /* argv[0] = name */
};

extern const struct crm_cmd *const crm_cmds[];

/* Finds a command by name, alias or unique prefix; NULL with a message on
 * stderr when unknown or ambiguous. */
const struct crm_cmd *cmd_find(const char *name);
void cmd_usage(FILE *out, const struct crm_cmd *c);
void cmd_list_all(FILE *out);
/* Prints "crmsim: message" plus the command's usage; returns EXIT_USAGE. */
int cmd_usage_error(const struct crm_cmd *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Checks positional count after option parsing; prints usage on error. */
int cmd_check_args(const struct crm_cmd *c, int npos);

/* Shared loaders; each prints its error and returns -1. */
int ctx_open_store(crm_ctx *ctx, store **db);
/* Opens the store for the instructor's work (`what`, an N_() phrase such
 * as "regrade sessions"): refused on a PostgreSQL connection whose role is
 * a student's. */
int ctx_open_instructor(crm_ctx *ctx, store **db, const char *what);
int ctx_load_lexicon(crm_ctx *ctx, lexicon **lx);
int ctx_load_course(crm_ctx *ctx, course *c);

#endif
