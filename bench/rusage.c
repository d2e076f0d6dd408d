/* SPDX-License-Identifier: MIT */
/*
 * rusage.c - run a command and report its wall time and peak memory, the two numbers the
 * assembler benchmark compares. /usr/bin/time is not everywhere and bash's `time` has no
 * memory figure; wait4() gives the child's own maximum resident set size.
 *
 *   usage: rusage -o FILE COMMAND [ARG]...
 *
 * Writes "SECONDS MAXRSS_KB\n" to FILE (the command keeps stdout and stderr) and exits with
 * the command's status (127 if it could not be run, 128+N if it died by signal N).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
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

	if (argc < 4 || strcmp(argv[1], "-o") != 0) {
		fprintf(stderr, "usage: rusage -o FILE COMMAND [ARG]...\n");
		return 2;
	}
	out = fopen(argv[2], "w");
	if (!out) {
		fprintf(stderr, "rusage: %s: %s\n", argv[2], strerror(errno));
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "rusage: fork: %s\n", strerror(errno));
		return 2;
	}
	if (pid == 0) {
		execvp(argv[3], argv + 3);
		fprintf(stderr, "rusage: %s: %s\n", argv[3], strerror(errno));
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		fprintf(stderr, "rusage: wait4: %s\n", strerror(errno));
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(out, "%.4f %ld\n",
		(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		ru.ru_maxrss);
	if (fclose(out) != 0)
		return 2;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
