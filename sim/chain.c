/*
 * chain.c - HMAC-SHA256 (nettle) over length-prefixed fields, so no field
 * can be shifted into its neighbour. Without the key nobody can produce a
 * valid chain for a changed session; with the key (an exam machine), only
 * the replay check of `grade` stands between an edit and a grade.
 */
#include "chain.h"

#include <nettle/hmac.h>
#include <stdio.h>
#include <string.h>

typedef struct hmac_sha256_ctx mac_ctx;

static void field(mac_ctx *m, const char *s)
{
    uint8_t len[8];
    uint64_t n = s ? strlen(s) : UINT64_MAX; /* NULL and "" differ */
    for (int i = 0; i < 8; i++)
        len[i] = (uint8_t)(n >> (8 * i));
    hmac_sha256_update(m, sizeof len, len);
    if (s)
        hmac_sha256_update(m, strlen(s), (const uint8_t *)s);
}

static void start(mac_ctx *m, const char *key, const char *what)
{
    const char *k = key ? key : "";
    hmac_sha256_set_key(m, strlen(k), (const uint8_t *)k);
    field(m, "crmsim-chain-1");
    field(m, what);
}

static void finish(mac_ctx *m, char out[CHAIN_HEX])
{
    uint8_t d[SHA256_DIGEST_SIZE];
    hmac_sha256_digest(m, sizeof d, d);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

void chain_head(const char *key, const char *student, const char *scenario,
                const char *scenario_hash, const char *lexicon_hash, int64_t seed,
                const char *mode, int attempt, char out[CHAIN_HEX])
{
    mac_ctx m;
    char sd[24], at[16];
    snprintf(sd, sizeof sd, "%lld", (long long)seed);
    snprintf(at, sizeof at, "%d", attempt);
    start(&m, key, "head");
    field(&m, student);
    field(&m, scenario);
    field(&m, scenario_hash);
    field(&m, lexicon_hash);
    field(&m, sd);
    field(&m, mode);
    field(&m, at);
    finish(&m, out);
}

void chain_turn(const char *key, const char *prev, int n, const char *reply,
                const char *customer, const char *findings_json, char out[CHAIN_HEX])
{
    mac_ctx m;
    char ns[16];
    snprintf(ns, sizeof ns, "%d", n);
    start(&m, key, "turn");
    field(&m, prev);
    field(&m, ns);
    field(&m, reply);
    field(&m, customer);
    field(&m, findings_json);
    finish(&m, out);
}

void chain_seal(const char *key, const char *prev, const char *outcome,
                const char *ended_by, int hints, char out[CHAIN_HEX])
{
    mac_ctx m;
    char hs[16];
    snprintf(hs, sizeof hs, "%d", hints);
    start(&m, key, "seal");
    field(&m, prev);
    field(&m, outcome);
    field(&m, ended_by);
    field(&m, hs);
    finish(&m, out);
}

int64_t chain_exam_seed(const char *key, const char *student, const char *scenario)
{
    mac_ctx m;
    uint8_t d[SHA256_DIGEST_SIZE];
    start(&m, key, "exam-seed");
    field(&m, student);
    field(&m, scenario);
    hmac_sha256_digest(&m, sizeof d, d);
    uint32_t v = (uint32_t)d[0] << 24 | (uint32_t)d[1] << 16 | (uint32_t)d[2] << 8 | d[3];
    return (int64_t)(v % 999999u) + 1;
}
