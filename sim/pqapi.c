/*
 * pqapi.c - fills the table of libpq functions (pqapi.h) from the library
 * loaded at the first PostgreSQL connection.
 * Deliberately not here: anything done with a connection.
 */
#define CRM_PQAPI_IMPL
#include "pqapi.h"
#include "dynlib.h"
#include "util.h"

#include <stdlib.h>

#ifndef CRM_LIBPQ
#define CRM_LIBPQ "libpq.so.5"
#endif

struct pq_api pq_api;

static const dynlib_sym pq_syms[] = {
#define CRM_PQ_SYM(f) { #f, (void (**)(void))&pq_api.f },
    CRM_PQ_FUNCS(CRM_PQ_SYM)
#undef CRM_PQ_SYM
};

static dynlib pq_lib = { CRM_LIBPQ, pq_syms, sizeof pq_syms / sizeof pq_syms[0], 0, NULL, NULL };

int pq_load(char **err)
{
    char *e = NULL;
    if (dynlib_load(&pq_lib, &e) == 0)
        return 0;
    crm_seterr(err, _("PostgreSQL needs libpq (Debian package libpq5): %s"), e);
    free(e);
    return -1;
}
