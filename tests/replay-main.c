/* SPDX-License-Identifier: MIT */
/*
 * replay-main.c - run a libFuzzer target without libFuzzer: call LLVMFuzzerTestOneInput on
 * every file of every directory (or file) named on the command line. With no arguments, a
 * program named replay_NAME replays $top_srcdir/tests/corpus/NAME, so make check runs each
 * committed corpus (seeds and every crash ever found) under the normal build and sanitizers.
 *
 * Exit status: 0 when every input ran, 1 when an input could not be read or none was found;
 * a crash is the target's own (abort or sanitizer report).
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t n = 0, cap = 0;

	if (!f) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (;;) {
		size_t r;

		if (cap - n < 65536) {
			uint8_t *nd = realloc(data, cap + 65536);

			if (!nd) {
				free(data);
				fclose(f);
				return -1;
			}
			data = nd;
			cap += 65536;
		}
		r = fread(data + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	fclose(f);
	/* an exact-size copy, so a read past the input is a sanitizer error here too */
	{
		uint8_t *exact = malloc(n ? n : 1);

		if (!exact) {
			free(data);
			return -1;
		}
		memcpy(exact, data, n);
		free(data);
		LLVMFuzzerTestOneInput(exact, n);
		free(exact);
	}
	return 0;
}

static int run_path(const char *path, unsigned *count)
{
	struct stat st;
	struct dirent **ents;
	int n, err = 0;

	if (stat(path, &st)) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		(*count)++;
		return run_file(path);
	}
	n = scandir(path, &ents, NULL, alphasort);
	if (n < 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char sub[4096];

		if (ents[i]->d_name[0] != '.') {
			snprintf(sub, sizeof(sub), "%s/%s", path, ents[i]->d_name);
			if (run_path(sub, count))
				err = -1;
		}
		free(ents[i]);
	}
	free(ents);
	return err;
}

int main(int argc, char **argv)
{
	unsigned count = 0;
	int err = 0;

	if (argc < 2) {
		const char *top = getenv("top_srcdir"), *base = strrchr(argv[0], '/');
		char dir[4096];

		base = base ? base + 1 : argv[0];
		if (strncmp(base, "replay_", 7) != 0) {
			fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
			return 1;
		}
		snprintf(dir, sizeof(dir), "%s/tests/corpus/%s", top && *top ? top : ".", base + 7);
		err = run_path(dir, &count);
	}
	for (int i = 1; i < argc; i++)
		if (run_path(argv[i], &count))
			err = -1;
	if (!err && count == 0) {
		fprintf(stderr, "replay: no inputs found\n");
		return 1;
	}
	printf("replay: %u inputs\n", count);
	return err ? 1 : 0;
}
