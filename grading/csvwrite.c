/*
 * csvwrite.c - CSV fields and records as RFC 4180 writes them, plus the guard
 * against spreadsheet formulas in typed text.
 * Deliberately not here: parsing, separators other than the comma.
 */
#include "csvwrite.h"

#include <stdlib.h>
#include <string.h>

void csvw_field(strbuf *sb, const char *s, int first)
{
    if (!first)
        sb_add(sb, ",", 1);
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        sb_adds(sb, s);
        return;
    }
    sb_add(sb, "\"", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            sb_add(sb, "\"", 1);
        sb_add(sb, p, 1);
    }
    sb_add(sb, "\"", 1);
}

void csvw_text(strbuf *sb, const char *s, int first)
{
    if (s && *s && strchr("=+-@\t\r", *s)) {
        char *g = xasprintf("'%s", s);
        csvw_field(sb, g, first);
        free(g);
        return;
    }
    csvw_field(sb, s, first);
}

void csvw_end(strbuf *sb)
{
    sb_add(sb, "\r\n", 2);
}
