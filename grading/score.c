/*
 * score.c - scoring arithmetic. Each criterion earns a fraction of its
 * weight: language loses per_severity % per severity point of every
 * forbidden finding (and needs language_turns turns to count fully); empathy is the share of the needed empathic turns;
 * steps is the share of required steps done; outcome is the scenario's
 * outcome points. Hints come off the total. Deliberately no I/O.
 */
#include "score.h"

#include <math.h>

#include "util.h"

const char *const crit_ids[CRIT_COUNT] = { "language", "empathy", "steps", "outcome" };

static const char *const crit_labels[CRIT_COUNT] = {
    N_("专业用语"), N_("共情"), N_("处理步骤"), N_("结果"),
};

const char *crit_label(int c)
{
    return c >= 0 && c < CRIT_COUNT ? _(crit_labels[c]) : "?";
}

void score_weights_default(score_weights *w)
{
    w->w[CRIT_LANGUAGE] = 30;
    w->w[CRIT_EMPATHY] = 20;
    w->w[CRIT_STEPS] = 30;
    w->w[CRIT_OUTCOME] = 20;
    w->hint_cost = 5;
    w->per_severity = 15;
    w->empathy_needed = 2;
    w->language_turns = 3;
}

static double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

static int popcount(unsigned x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

void score_compute(const score_weights *w, const score_input *in, score_card *out)
{
    double frac[CRIT_COUNT];
    /* Clean language is only shown by talking: saying hello and leaving
     * must not earn the whole criterion. */
    double shown = w->language_turns > 0 ? clamp01((double)in->turns / w->language_turns) : 1;
    frac[CRIT_LANGUAGE] = clamp01(1.0 - in->severity_sum * w->per_severity / 100.0) * shown;
    int need = w->empathy_needed < 1 ? 1 : w->empathy_needed;
    if (in->turns > 0 && in->turns < need)
        need = in->turns;
    frac[CRIT_EMPATHY] = in->turns > 0 ? clamp01((double)in->empathic_turns / need) : 0;
    int req = popcount(in->required);
    frac[CRIT_STEPS] = req ? (double)popcount(in->required & in->done) / req : (in->turns > 0);
    frac[CRIT_OUTCOME] = clamp01(in->outcome_points / 100.0);
    double total = 0;
    for (int c = 0; c < CRIT_COUNT; c++) {
        out->max[c] = w->w[c];
        out->points[c] = round(frac[c] * w->w[c] * 10) / 10;
        total += out->points[c];
    }
    out->hint_penalty = in->hints * w->hint_cost;
    total -= out->hint_penalty;
    out->total = (int)lround(total < 0 ? 0 : total > 100 ? 100 : total);
}
