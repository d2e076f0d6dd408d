/* SPDX-License-Identifier: MIT */
/*
 * tracefs.c - the parts of tracefs the loader uses: finding (or mounting) it, event ids for
 * tracepoints, legacy kprobe/uprobe events, and a private instance to read printk output.
 *
 * Layout used (relative to the tracefs root):
 *
 *   events/CAT/NAME/id                     tracepoint id, for PERF_TYPE_TRACEPOINT
 *   kprobe_events, uprobe_events           "p:GROUP/EVENT TARGET", "r:...", "-:GROUP/EVENT"
 *   instances/NAME/                        mkdir creates a ring buffer of its own, rmdir
 *                                          removes it (EBUSY while a reader holds it open)
 *   instances/NAME/events/bpf_trace/bpf_trace_printk/enable
 *                                          bpf_trace_printk() output goes to every buffer
 *                                          with this event enabled (kernel 5.10 and later)
 *   instances/NAME/trace_pipe              consuming read of that buffer
 *
 * Reading the global trace_pipe would steal lines from (and lose lines to) any other reader
 * such as `bpftool prog tracelog`; an instance per process avoids both.
 */
#define _GNU_SOURCE
#include "attach.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#ifndef TRACEFS_MAGIC
#define TRACEFS_MAGIC 0x74726163
#endif
#ifndef DEBUGFS_MAGIC
#define DEBUGFS_MAGIC 0x64626720
#endif

static int is_tracefs(const char *path)
{
	struct statfs s;

	return statfs(path, &s) == 0 && (unsigned long)s.f_type == TRACEFS_MAGIC;
}

const char *ldr_tracefs_root(int *err)
{
	static const char *const places[] = {"/sys/kernel/tracing", "/sys/kernel/debug/tracing"};

	for (size_t i = 0; i < sizeof(places) / sizeof(places[0]); i++)
		if (is_tracefs(places[i]))
			return places[i];
	/* Not mounted: mount it where the kernel documents it (what perf and bpftool do). */
	if (mount("tracefs", places[0], "tracefs", 0, NULL) != 0) {
		*err = -errno;
		return NULL;
	}
	return places[0];
}

static int write_file(const char *path, const char *text, int append)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC | (append ? O_APPEND : O_TRUNC));
	size_t n = strlen(text);
	ssize_t w;

	if (fd < 0)
		return -errno;
	w = write(fd, text, n);
	if (w < 0) {
		int err = -errno;
		close(fd);
		return err;
	}
	close(fd);
	return (size_t)w == n ? 0 : -EIO;
}

int ldr_tracefs_event_id(const char *cat, const char *name)
{
	char path[PATH_MAX], buf[32];
	const char *root;
	int err = 0, fd;
	ssize_t n;
	long v;
	char *end;

	root = ldr_tracefs_root(&err);
	if (!root)
		return err;
	if (snprintf(path, sizeof(path), "%s/events/%s/%s/id", root, cat, name) >=
	    (int)sizeof(path))
		return -ENAMETOOLONG;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf) - 1);
	err = n < 0 ? -errno : 0;
	close(fd);
	if (n <= 0)
		return err ? err : -EINVAL;
	buf[n] = '\0';
	v = strtol(buf, &end, 10);
	if (end == buf || v <= 0 || v > INT_MAX)
		return -EINVAL;
	return (int)v;
}

int ldr_probe_event_add(const char *file, int retprobe, const char *event, const char *target)
{
	char def[PATH_MAX + 256];

	if (snprintf(def, sizeof(def), "%c:%s %s\n", retprobe ? 'r' : 'p', event, target) >=
	    (int)sizeof(def))
		return -ENAMETOOLONG;
	return write_file(file, def, 1);
}

int ldr_probe_event_remove(const char *file, const char *event)
{
	char def[512];

	if (snprintf(def, sizeof(def), "-:%s\n", event) >= (int)sizeof(def))
		return -ENAMETOOLONG;
	return write_file(file, def, 1);
}

int ldr_trace_open(char *inst, size_t len)
{
	char path[PATH_MAX];
	const char *root;
	int err = 0, fd;

	root = ldr_tracefs_root(&err);
	if (!root)
		return err;
	if (snprintf(inst, len, "%s/instances/ebpf-load-%ld", root, (long)getpid()) >= (int)len)
		return -ENAMETOOLONG;
	if (mkdir(inst, 0700) != 0 && errno != EEXIST)
		return -errno;
	snprintf(path, sizeof(path), "%s/events/bpf_trace/bpf_trace_printk/enable", inst);
	err = write_file(path, "1\n", 0);
	if (err)
		goto out_rmdir;
	snprintf(path, sizeof(path), "%s/trace_pipe", inst);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		err = -errno;
		goto out_rmdir;
	}
	return fd;

out_rmdir:
	rmdir(inst);
	return err;
}

void ldr_trace_close(int fd, const char *inst)
{
	if (fd >= 0)
		close(fd);
	if (inst && *inst)
		rmdir(inst);
}
