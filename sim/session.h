/*
 * session.h - the session engine: one role-play from the opening line to
 * the score. Each turn: check the reply, grade it, let the persona react,
 * store the turn in one transaction. Deliberately not here: reading input
 * or printing (console.c, cmd-play.c).
 */
#ifndef CRM_SESSION_H
#define CRM_SESSION_H

#include <stdint.h>

#include "chain.h"
#include "course.h"
#include "grade.h"
#include "lexicon.h"
#include "scenario.h"
#include "score.h"
#include "store.h"

typedef struct sess_config {
    const char *home;       /* crmsim data directory */
    const char *path;       /* scenario file */
    const char *student;    /* student id */
    int64_t seed;           /* session seed */
    const char *mode;       /* "practice" or "exam" */
    const lexicon *lx;      /* compiled lexicons, or NULL: built from the scenario */
    const course *course;   /* rubric */
    store *db;              /* where turns go; NULL = not stored */
    const char *key;        /* chain key (the exam key), NULL = none */
    const char *submission; /* when storing a graded submission: its chain head */
    int attempt;            /* exam attempt number (1, 2, …), 0 for practice */
    const char *started;    /* start time to store (a graded submission's), NULL = now */
    int defer_store;        /* 1 = store the row and the opening at sess_store_opening (or
                             * the first reply, or the end), not in sess_open: `play` on a
                             * terminal shows the opening first */
} sess_config;

typedef struct sess_turn {
    int n;            /* 1-based */
    char *reply;      /* as typed */
    char *customer;   /* the customer's answer (sanitised) */
    grade_result g;   /* findings */
    int mood;         /* mood after the turn */
    char chain[CHAIN_HEX]; /* chain value after this turn */
} sess_turn;

typedef struct session {
    sess_config cfg;      /* copy of the configuration */
    scenario *scn;        /* loaded persona */
    lexicon *own_lx;      /* lexicon of the session when cfg.lx was NULL: only its
                           * hash until the first reply compiles it (need_lexicon) */
    lex_src *lx_src;      /* the lexicon bytes own_lx is compiled from, until then */
    int scn_lexicon;      /* 1 = the scenario declares its own lexicon entries */
    int state_ref;        /* registry ref of the state table */
    int64_t id;           /* store row id, 0 when not stored */
    char *opening;        /* the customer's first line */
    sess_turn *turns;     /* turns played */
    int nturns;           /* count */
    int hints;            /* /hint uses */
    int ended;            /* 1 once an outcome is set */
    char *outcome;        /* outcome id once ended */
    score_card card;      /* valid once ended */
    unsigned steps_done;  /* from state.steps */
    int mood;             /* current mood */
    int patience;         /* current patience */
    const char *ended_by; /* "replies", "quit", "time", "error" once ended */
    char head[CHAIN_HEX];    /* chain head (the session's identity) */
    char opening_chain[CHAIN_HEX]; /* chain after turn 0 */
    char chain[CHAIN_HEX];   /* chain after the last stored turn */
    char seal[CHAIN_HEX];    /* chain seal once ended */
    int replaying;        /* 1 while sess_resume replays stored turns: nothing is stored */
    char *open_findings;  /* with cfg.defer_store, until stored: the opening's findings */
    char *open_state;     /* and its state JSON (both NULL once stored) */
    int deferred;         /* with cfg.defer_store: lexicons not read, chain not begun */
} session;

/* Loads the scenario, creates the persona state, asks for the opening line
 * and stores the session and turn 0. */
int sess_open(const sess_config *cfg, session **out, char **err);
void sess_free(session *s);

/* Continues stored session `id`, which must be open (not ended): loads the
 * scenario at cfg->path, checks that its hash and the lexicons' hash are the
 * ones the session was played with, and rebuilds the persona state by
 * replaying the stored replies in a fresh session with cfg's student, seed,
 * mode, key and attempt (which must be those of the session), storing
 * nothing; every replayed customer line and chain value must equal the
 * stored one. The session then continues into the same row with the next
 * turn numbers. If the replay ends the session (it was interrupted between
 * its last turn and its end), the end is stored. -1 with *err (caller
 * frees) when the session cannot be continued; the store is unchanged. */
int sess_resume(const sess_config *cfg, int64_t id, session **out, char **err);

/* Plays one reply. Returns 0 when the turn was played (s->turns has it;
 * s->ended may be set), 1 when the reply was refused and the turn not used
 * (*err = user message), -1 on a scenario or store error (*err = message;
 * the session has ended with outcome "error" and stored turns are kept). */
int sess_reply(session *s, const char *line, size_t len, char **err);
/* Does now what the first reply would otherwise start with: compiling the
 * lexicons (~10 ms). `play` calls it once the first prompt is on the
 * screen, while the trainee reads and types. Returns 0, or -1 with *err
 * when they do not compile (the first reply then ends the session with
 * outcome "error", as it would have without this call). */
int sess_prepare(session *s, char **err);
/* With cfg.defer_store: stores the session row, the scenario's title and
 * the opening turn in one commit, once (later calls return 0). Returns 0,
 * or -1 with *err; the session is then not stored and cannot go on. */
int sess_store_opening(session *s, char **err);

/* The hint text (caller frees), and one more hint counted. */
char *sess_hint(session *s);
/* The hint text without counting it; a failing hints function is reported
 * in the text and, if err is not NULL, in *err. The session is unchanged. */
char *sess_hint_text(session *s, char **err);

/* Ends the session as `abandoned` (the trainee quit). */
int sess_abandon(session *s, char **err);
/* Ends the session as `time_up` (the exam's time ran out). */
int sess_time_up(session *s, char **err);

/* Adds one graded turn to a score input (how end_session counts turns). */
void sess_score_turn(score_input *in, const grade_result *g);
/* The score card of a session of scn whose turns were added to *in with
 * sess_score_turn, given the steps done, the outcome and the hints used
 * (end_session's score; regrade's too). */
void sess_score(const scenario *scn, const course *crs, score_input *in, unsigned done,
                const char *outcome, int hints, score_card *out);

/* Mood label for a mood value. */
const char *sess_mood_label(int mood);

/* JSON of the persona state (sorted keys); caller frees. */
char *sess_state_json(session *s);

#endif
