/*
 * chain.h - the tamper-evident record of a session: an HMAC-SHA256 chain
 * keyed with the instructor's exam key, from a head over the session's
 * identity, through every turn, to a seal over how it ended; and the exam
 * seed a student gets for a scenario. Deliberately not here: storing or
 * reading files (session.c, submission.c).
 */
#ifndef CRM_CHAIN_H
#define CRM_CHAIN_H

#include <stdint.h>

#define CHAIN_HEX 65 /* 64 hex digits and NUL */

/* Head: over the student, scenario, both content hashes, seed, mode and
 * attempt (0 for practice), so two attempts of one exam differ. */
void chain_head(const char *key, const char *student, const char *scenario,
                const char *scenario_hash, const char *lexicon_hash, int64_t seed,
                const char *mode, int attempt, char out[CHAIN_HEX]);
/* One turn: over the previous value and the turn (reply NULL for turn 0). */
void chain_turn(const char *key, const char *prev, int n, const char *reply,
                const char *customer, const char *findings_json, char out[CHAIN_HEX]);
/* Seal: over the last value and how the session ended. */
void chain_seal(const char *key, const char *prev, const char *outcome,
                const char *ended_by, int hints, char out[CHAIN_HEX]);
/* The exam seed of a student for a scenario (1 .. 999999). */
int64_t chain_exam_seed(const char *key, const char *student, const char *scenario);

#endif
