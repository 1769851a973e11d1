/*
 * scnindex.h - the cache behind `crmsim list`: id, chapter, kind and title
 * of each scenario file that loaded cleanly, keyed by the SHA-256 of its
 * bytes (see scnindex.c for why it can be trusted). Deliberately not here:
 * loading or validating scenarios.
 */
#ifndef CRM_SCNINDEX_H
#define CRM_SCNINDEX_H

#include <stddef.h>

typedef struct scnidx_entry {
    char hash[65]; /* sha256 hex of the scenario file's bytes */
    int chapter;   /* chapter field */
    char *id;      /* id field */
    char *kind;    /* kind field */
    char *title;   /* title field */
} scnidx_entry;

typedef struct scnidx {
    char *path;       /* the cache file, NULL when there is no place for it */
    char key[65];     /* what the whole cache depends on (crm.lua, executable) */
    scnidx_entry *e;  /* entries */
    size_t n;         /* count */
    int dirty;        /* 1 = write it back */
} scnidx;

/* Reads the cache for data directory home; an absent, stale, corrupt or
 * hostile file gives an empty index. Release with scnidx_release. */
void scnidx_open(scnidx *x, const char *home);
/* The entry of a file with these bytes' hash, or NULL. */
const scnidx_entry *scnidx_find(const scnidx *x, const char hash[65]);
/* Records a scenario that loaded without problems. */
void scnidx_add(scnidx *x, const char hash[65], int chapter, const char *id, const char *kind,
                const char *title);
/* Writes the cache back if it changed (atomically; failures are ignored:
 * it is only a cache). */
void scnidx_save(scnidx *x);
void scnidx_release(scnidx *x);

#endif
