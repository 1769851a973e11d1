/*
 * prompt.c - what `make bench` uses to time start-up as a trainee sees it:
 * a program started on a fresh pseudo-terminal, timed from fork until a
 * marker appears on its screen (crmsim play: the prompt "您> "), or until
 * it exits when no marker is given (the reference programs). After the
 * marker it gets Ctrl-D, as a trainee who leaves at once, and is waited
 * for (not timed). All runs go through the same fork, exec and pty, so the
 * comparison is like with like.
 *
 *   prompt RUNS MARK CMD [ARG…]   prints the median and the minimum of
 *                                 RUNS timings in milliseconds ("" as MARK:
 *                                 until exit)
 *
 * Deliberately not here: judging the figures (tests/bench/run does).
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Reads what the child writes until mark has been seen (mark non-empty) or
 * the terminal closes. Returns 1 when the mark was seen, 0 at the end of
 * output, -1 after 20 s. */
static int read_until(int fd, const char *mark)
{
    char buf[65536];
    size_t have = 0, mlen = strlen(mark);
    double start = now_ms();
    for (;;) {
        struct pollfd p = { fd, POLLIN, 0 };
        int r = poll(&p, 1, 1000);
        if (r < 0 && errno == EINTR)
            continue;
        if (now_ms() - start > 20000)
            return -1;
        if (r == 0)
            continue;
        ssize_t n = read(fd, buf + have, sizeof buf - have - 1);
        if (n <= 0)
            return 0; /* EIO: the child closed the terminal */
        have += (size_t)n;
        buf[have] = '\0';
        if (mlen && memmem(buf, have, mark, mlen))
            return 1;
        if (have > sizeof buf / 2) { /* keep the tail a mark may start in */
            memmove(buf, buf + have - mlen, mlen);
            have = mlen;
        }
    }
}

/* One timed run; returns milliseconds, or a negative value on failure. */
static double one_run(char **argv, const char *mark)
{
    struct winsize ws = { .ws_row = 40, .ws_col = 120 };
    int fd;
    double t0 = now_ms();
    pid_t pid = forkpty(&fd, NULL, NULL, &ws);
    if (pid < 0) {
        perror("prompt: forkpty");
        return -1;
    }
    if (pid == 0) {
        execvp(argv[0], argv);
        _exit(127);
    }
    int seen = read_until(fd, mark);
    double t = now_ms() - t0;
    if (*mark && seen == 1) {
        if (write(fd, "\004", 1) != 1) /* Ctrl-D: the trainee leaves */
            perror("prompt: write");
        read_until(fd, "");
    }
    if (seen < 0)
        kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    close(fd);
    if (*mark && seen != 1) {
        fprintf(stderr, "prompt: '%s' never showed \"%s\"\n", argv[0], mark);
        return -1;
    }
    if (!*mark && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
        fprintf(stderr, "prompt: '%s' failed (status %d)\n", argv[0], status);
        return -1;
    }
    return t;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: prompt RUNS MARK CMD [ARG...]\n");
        return 2;
    }
    int runs = atoi(argv[1]);
    if (runs < 1)
        runs = 1;
    double *v = calloc((size_t)runs, sizeof *v);
    if (!v)
        return 1;
    for (int w = 0; w < 3; w++) /* warm-up: page cache, lazily built files */
        if (one_run(argv + 3, argv[2]) < 0) {
            free(v);
            return 1;
        }
    for (int i = 0; i < runs; i++)
        if ((v[i] = one_run(argv + 3, argv[2])) < 0) {
            free(v);
            return 1;
        }
    qsort(v, (size_t)runs, sizeof *v, cmp_double);
    printf("%.2f %.2f\n", v[runs / 2], v[0]);
    free(v);
    return 0;
}
