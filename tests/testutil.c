/* SPDX-License-Identifier: MIT */
/* testutil.c - shared test support (see testutil.h). */
#define _GNU_SOURCE
#include "testutil.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

const char *tu_srcdir(void)
{
	const char *s = getenv("top_srcdir");
	return s && *s ? s : ".";
}

const char *tu_builddir(void)
{
	const char *s = getenv("top_builddir");
	return s && *s ? s : ".";
}

const char *tu_shared(void)
{
	static char buf[4096];
	const char *s = getenv("EBPF_SHARED");

	if (s && *s)
		return s;
	snprintf(buf, sizeof(buf), "%s/../shared", tu_srcdir());
	return buf;
}

const char *tu_tool(const char *name)
{
	static char buf[8][4096];
	static int next;
	char *b = buf[next++ % 8];

	snprintf(b, sizeof(buf[0]), "%s/%s", tu_builddir(), name);
	return b;
}

char *tu_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t n = 0, cap = 0;

	if (!f)
		return NULL;
	for (;;) {
		size_t r;

		if (cap - n < 4096) {
			char *nd = realloc(data, cap + 65536);
			if (!nd) {
				free(data);
				fclose(f);
				return NULL;
			}
			data = nd;
			cap += 65536;
		}
		r = fread(data + n, 1, cap - n - 1, f);
		n += r;
		if (r == 0)
			break;
	}
	fclose(f);
	data[n] = '\0';
	if (len)
		*len = n;
	return data;
}

int tu_write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	int ok;

	if (!f)
		return -errno;
	ok = fwrite(data, 1, len, f) == len;
	if (fclose(f) != 0)
		ok = 0;
	return ok ? 0 : -EIO;
}

int tu_run(const char *cmd, char **out)
{
	char *full;
	FILE *p;
	char *data = NULL;
	size_t n = 0, cap = 0;
	int st;

	if (asprintf(&full, "( %s ) 2>&1", cmd) < 0)
		return -1;
	p = popen(full, "r");
	free(full);
	if (!p)
		return -1;
	for (;;) {
		size_t r;

		if (cap - n < 4096) {
			char *nd = realloc(data, cap + 65536);
			if (!nd)
				break;
			data = nd;
			cap += 65536;
		}
		r = fread(data + n, 1, cap - n - 1, p);
		n += r;
		if (r == 0)
			break;
	}
	if (data)
		data[n] = '\0';
	st = pclose(p);
	if (out)
		*out = data;
	else
		free(data);
	if (st == -1 || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

int tu_runf(char **out, const char *fmt, ...)
{
	va_list ap;
	char *cmd;
	int r;

	va_start(ap, fmt);
	r = vasprintf(&cmd, fmt, ap);
	va_end(ap);
	if (r < 0)
		return -1;
	r = tu_run(cmd, out);
	free(cmd);
	return r;
}

char *tu_mkdtemp(void)
{
	static char buf[8][64];
	static int next;
	char *b = buf[next++ % 8];
	const char *t = getenv("TMPDIR");

	snprintf(b, sizeof(buf[0]), "%s/ebpf-test.XXXXXX", t && *t ? t : "/tmp");
	return mkdtemp(b);
}

void tu_rmrf(const char *dir)
{
	if (dir && *dir && strcmp(dir, "/") != 0)
		tu_runf(NULL, "rm -rf '%s'", dir);
}

int tu_have(const char *cmd)
{
	return tu_runf(NULL, "command -v '%s' >/dev/null", cmd) == 0;
}

static const char *tool_or_null(const char *env, const char *fallback)
{
	const char *s = getenv(env);

	if (s && *s && tu_have(s))
		return s;
	return tu_have(fallback) ? fallback : NULL;
}

const char *tu_llvm_mc(void)
{
	return tool_or_null("LLVM_MC", "llvm-mc-19");
}

const char *tu_llvm_objdump(void)
{
	return tool_or_null("LLVM_OBJDUMP", "llvm-objdump-19");
}

const char *tu_clang(void)
{
	return tool_or_null("CLANG_BPF", "clang-19");
}

int tu_kernel_required(void)
{
	const char *s = getenv("EBPF_REQUIRE_KERNEL");
	return s && strcmp(s, "1") == 0;
}

int tu_unpriv_lock(void)
{
	int fd = open("/tmp/ebpf-tools-unpriv-bpf.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0600);

	if (fd < 0)
		return -1;
	while (flock(fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			close(fd);
			return -1;
		}
	}
	return fd;
}

void tu_unpriv_unlock(int fd)
{
	if (fd >= 0)
		close(fd); /* releases the lock */
}

void tu_skip(int kernel, const char *fmt, ...)
{
	va_list ap;
	int fail = kernel && tu_kernel_required();

	fprintf(stderr, fail ? "FAIL (EBPF_REQUIRE_KERNEL=1): " : "SKIP: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(fail ? 99 : 77);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **tu_list(const char *dir, const char *suffix, int *count)
{
	size_t sl = strlen(suffix);
	struct dirent *e;
	char **names = NULL;
	int n = 0;
	DIR *d = opendir(dir);

	if (!d)
		tu_skip(0, "%s: %s (set EBPF_SHARED to the shared data folder)", dir,
			strerror(errno));
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);

		if (l <= sl || strcmp(e->d_name + l - sl, suffix) != 0)
			continue;
		names = realloc(names, sizeof(*names) * (size_t)(n + 1));
		if (!names || asprintf(&names[n], "%s/%s", dir, e->d_name) < 0)
			abort();
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, (size_t)n, sizeof(*names), name_cmp);
	*count = n;
	return names;
}

void tu_list_free(char **names, int count)
{
	for (int i = 0; i < count; i++)
		free(names[i]);
	free(names);
}

char **tu_conformance_files(const char *sub, int *count)
{
	char dir[4096];

	snprintf(dir, sizeof(dir), "%s/conformance/bpf_conformance/%s", tu_shared(), sub);
	return tu_list(dir, ".data", count);
}
