/*
 * peak.c - run a command and write its wall-clock time and peak memory: the
 * seconds and the maximum resident set in kilobytes, to the file named
 * first, as "SECONDS KB". The command's output goes where this program's
 * goes; its exit status is returned.
 *
 *   peak RESULT-FILE COMMAND [ARG...]
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    struct timespec t0, t1;
    struct rusage ru;
    int status;
    pid_t pid;
    FILE *out;

    if (argc < 3)
        return 2;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if ((pid = fork()) < 0)
        return 2;
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        _exit(127);
    }
    if (wait4(pid, &status, 0, &ru) != pid)
        return 2;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!(out = fopen(argv[1], "w")))
        return 2;
    fprintf(out, "%.4f %ld\n", (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
            ru.ru_maxrss);
    fclose(out);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}
