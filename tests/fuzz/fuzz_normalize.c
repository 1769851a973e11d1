/*
 * fuzz_normalize.c - libFuzzer target for the text module: any bytes go
 * through reply validation; valid UTF-8 is normalised and folded, and the
 * position arrays must map back inside the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    char *err = NULL;
    u8_check_reply(s, size, &err);
    free(err);
    err = NULL;
    size_t bad;
    if (u8_validate(s, size, &bad) < 0)
        return 0;
    u8_norm n;
    if (u8_normalize(s, size, &n, &err) == 0) {
        for (size_t i = 0; i < n.n; i++)
            if (n.start[i] >= n.end[i] || n.end[i] > size || (i && n.clause[i] < n.clause[i - 1]))
                abort();
        u8_norm_release(&n);
    }
    free(err);
    char *z = malloc(size + 1);
    memcpy(z, data, size);
    z[size] = '\0';
    free(u8_fold(z));
    free(u8_printable(z, strlen(z), 100));
    free(z);
    return 0;
}
