/*
 * dynlib.h - optional shared libraries loaded at their first use (dlopen)
 * rather than at start-up: libpq with its ~25 dependencies (Kerberos, LDAP,
 * TLS) costs every crmsim start ~2.5 ms though only a lab's PostgreSQL
 * server needs it, and OpenCC with the C++ runtime ~0.6 ms though only
 * Traditional text needs it. Each library's functions go into a table of
 * pointers resolved once.
 * Deliberately not here: what the libraries are used for.
 */
#ifndef CRM_DYNLIB_H
#define CRM_DYNLIB_H

#include <stddef.h>

/* One function to resolve: its name and where its address goes. */
typedef struct dynlib_sym {
    const char *name;
    void (**slot)(void);
} dynlib_sym;

/* A library: its file name (the SONAME the build found), its functions;
 * state and handle are kept by dynlib_load. */
typedef struct dynlib {
    const char *soname;
    const dynlib_sym *syms;
    size_t nsyms;
    int state;     /* 0 not tried, 1 loaded, -1 failed */
    void *handle;
    char *why;     /* dlerror() text of the failure, kept for later calls */
} dynlib;

/* Loads lib and resolves all its functions the first time; later calls
 * return the first answer. Returns 0, or -1 with *err (caller frees; pass
 * NULL to not be told) naming the library and what went wrong. */
int dynlib_load(dynlib *lib, char **err);

#endif
