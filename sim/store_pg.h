/*
 * store_pg.h - what only the PostgreSQL backend offers: the roles and
 * row-level security of a shared lab server (store_pg_roles.c), used by
 * `crmsim db init-roles` and by schema migrations.
 */
#ifndef CRM_STORE_PG_H
#define CRM_STORE_PG_H

#include <stdio.h>

#include "store.h"

/* The group roles init-roles creates. */
#define PG_ROLE_STUDENT "crmsim_student"
#define PG_ROLE_INSTRUCTOR "crmsim_instructor"

typedef struct store_roles_opts {
    const char *const *instructors; /* login roles to make instructors, NULL-terminated or NULL */
    int students;                   /* 1 = a login role for every enrolled student */
    FILE *passwords;                /* when set: give new student roles a random password and
                                     * write "学号,姓名,班级,password" lines here */
} store_roles_opts;

typedef struct store_roles_report {
    int groups_created;      /* of crmsim_student and crmsim_instructor */
    int students_created;    /* new student login roles */
    int students_existing;   /* student roles that were there already */
    int instructors_granted; /* roles given crmsim_instructor */
} store_roles_report;

/* Creates the group roles if missing, grants what each may do and turns on
 * row-level security with the policies (all idempotent), then the login
 * roles asked for, in one transaction. Needs the owner of the tables with
 * the right to create roles. Refuses an SQLite store. */
int store_pg_init_roles(store *s, const store_roles_opts *o, store_roles_report *rep,
                        char **err);

/* Re-applies grants and policies when the group roles exist (inside the
 * caller's transaction; called after a migration, so new tables are
 * covered too). */
int store_pg_regrant(store *s, char **err);

/* The libpq connection of a PostgreSQL store, or NULL for SQLite. */
struct pg_conn *store_pg_conn(store *s);

#endif
