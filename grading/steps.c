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
    _("道歉"), _("倾听确认"), _("询问事实"), _("解释原因"), _("主动负责"),
    _("确认联系方式"), _("承诺时限"), _("补偿"), _("跟进回复"), _("致谢"),
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
    return index >= 0 && index < STEP_COUNT ? step_labels[index] : "?";
}
