/*
 * steps.c - the step vocabulary: stable ids and their labels.
 */
#include "steps.h"

#include <string.h>

#include "util.h"

const char *const step_ids[STEP_COUNT] = {
    "apologize", "acknowledge", "ask", "explain", "own",
    "contact", "deadline", "compensate", "follow_up", "thank",
};

static const char *const step_labels[STEP_COUNT] = {
    N_("道歉"), N_("倾听确认"), N_("询问事实"), N_("解释原因"), N_("主动负责"),
    N_("确认联系方式"), N_("承诺时限"), N_("补偿"), N_("跟进回复"), N_("致谢"),
};

int step_index(const char *id)
{
    for (int i = 0; i < STEP_COUNT; i++)
        if (strcmp(step_ids[i], id) == 0)
            return i;
    return -1;
}

const char *step_label(int index)
{
    return index >= 0 && index < STEP_COUNT ? _(step_labels[index]) : "?";
}
