/*
 * dynlib.c - loads an optional shared library at its first use and
 * resolves a table of its functions (see dynlib.h for why).
 * Deliberately not here: which functions a library offers.
 */
#include "dynlib.h"
#include "util.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

int dynlib_load(dynlib *lib, char **err)
{
    if (lib->state == 0) {
        lib->handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
        if (!lib->handle) {
            const char *e = dlerror();
            lib->why = xstrdup(e ? e : lib->soname);
            lib->state = -1;
        } else {
            lib->state = 1;
            for (size_t i = 0; i < lib->nsyms && lib->state > 0; i++) {
                void *p = dlsym(lib->handle, lib->syms[i].name);
                if (!p) {
                    lib->why = xasprintf("%s: %s", lib->soname, lib->syms[i].name);
                    lib->state = -1;
                    break;
                }
                /* POSIX guarantees function pointers survive the
                 * round trip through void * that dlsym needs. */
                memcpy(lib->syms[i].slot, &p, sizeof p);
            }
        }
    }
    if (lib->state < 0) {
        if (err)
            crm_seterr(err, _("cannot load %s: %s"), lib->soname, lib->why);
        return -1;
    }
    return 0;
}
