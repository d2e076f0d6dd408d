/* SPDX-License-Identifier: MIT */
/*
 * pin.c - bpffs: where pinned programs and maps live. /sys/fs/bpf is mounted when it is not
 * a bpffs yet (as bpftool does); directories under it are created as needed. A pin is a file
 * on the bpffs: BPF_OBJ_PIN creates it, unlink removes it, and the object lives while a pin
 * or a descriptor holds it.
 */
#define _GNU_SOURCE
#include "attach.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#ifndef BPF_FS_MAGIC
#define BPF_FS_MAGIC 0xcafe4a11
#endif

#define BPFFS_ROOT "/sys/fs/bpf"

int ldr_is_bpffs(const char *path)
{
	struct statfs s;

	if (statfs(path, &s) != 0)
		return -errno;
	return (unsigned long)s.f_type == BPF_FS_MAGIC;
}

/* mkdir -p @dir (mode 0700). */
static int mkdirs(const char *dir)
{
	char p[PATH_MAX];
	size_t n = strlen(dir);

	if (n == 0 || n >= sizeof(p))
		return -ENAMETOOLONG;
	memcpy(p, dir, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (p[i] != '/' && p[i] != '\0')
			continue;
		p[i] = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			return -errno;
		p[i] = i == n ? '\0' : '/';
	}
	return 0;
}

int ldr_bpffs_prepare(const char *dir, struct diag *d)
{
	char eb[160];
	int err;

	if (ldr_is_bpffs(BPFFS_ROOT) != 1) {
		if (mount("bpf", BPFFS_ROOT, "bpf", 0, "mode=0700") != 0) {
			err = -errno;
			diag_error(d, NULL, "bpffs: mount at %s: %s%s", BPFFS_ROOT,
				   ldr_errno_format(err, eb, sizeof(eb)),
				   err == -EPERM ? ": run as root (CAP_SYS_ADMIN)" : "");
			return err;
		}
		diag_note(d, NULL, "bpffs: mounted at %s", BPFFS_ROOT);
	}
	err = mkdirs(dir);
	if (err) {
		diag_error(d, NULL, "pin directory '%s': %s", dir,
			   ldr_errno_format(err, eb, sizeof(eb)));
		return err;
	}
	if (ldr_is_bpffs(dir) != 1) {
		diag_error(d, NULL, "pin directory '%s': not on a bpffs: pins live under %s", dir,
			   BPFFS_ROOT);
		return -EXDEV;
	}
	return 0;
}

/* ---- pinned-map reuse (LIBBPF_PIN_BY_NAME) ---- */

static int pin_path(char *buf, size_t len, const char *root, const char *name)
{
	return snprintf(buf, len, "%s/%s", root, name) >= (int)len ? -ENAMETOOLONG : 0;
}

static const char *type_name(uint32_t type, char *buf, size_t len)
{
	const struct isa_maptype *mt = isa_maptype_by_id((int)type);

	if (mt)
		return mt->name;
	snprintf(buf, len, "%u", type);
	return buf;
}

int ldr_map_pin_open(const char *root, const char *name, const struct ldr_map_attr *want,
		     struct diag *d, const struct diag_loc *loc)
{
	char path[PATH_MAX], eb[160], diff[512] = "", t1[16], t2[16];
	struct ldr_map_info mi;
	size_t n = 0;
	int fd, err;

	err = pin_path(path, sizeof(path), root, name);
	if (err)
		return err;
	fd = ldr_obj_get(path);
	if (fd == -ENOENT)
		return fd;
	if (fd < 0) {
		diag_error(d, loc, "map '%s': pinned at %s: %s", name, path,
			   ldr_errno_format(fd, eb, sizeof(eb)));
		return fd;
	}
	err = ldr_map_info(fd, &mi);
	if (err) {
		diag_error(d, loc, "map '%s': pinned at %s: %s%s", name, path,
			   ldr_errno_format(err, eb, sizeof(eb)),
			   err == -EINVAL ? ": what is pinned there is not a map" : "");
		close(fd);
		return err;
	}
	/* Every field that differs, named, so one run shows the whole mismatch. */
#define DIFF(cond, ...)                                                                            \
	do {                                                                                       \
		if ((cond) && n < sizeof(diff))                                                    \
			n += (size_t)snprintf(diff + n, sizeof(diff) - n, "%s", n ? "; " : "");    \
		if ((cond) && n < sizeof(diff))                                                    \
			n += (size_t)snprintf(diff + n, sizeof(diff) - n, __VA_ARGS__);            \
	} while (0)
	DIFF(mi.type != want->type, "type: pinned %s, object %s",
	     type_name(mi.type, t1, sizeof(t1)), type_name(want->type, t2, sizeof(t2)));
	DIFF(mi.key_size != want->key_size, "key size: pinned %u, object %u", mi.key_size,
	     want->key_size);
	DIFF(mi.value_size != want->value_size, "value size: pinned %u, object %u", mi.value_size,
	     want->value_size);
	DIFF(mi.max_entries != want->max_entries, "max entries: pinned %u, object %u",
	     mi.max_entries, want->max_entries);
	DIFF(mi.flags != want->flags, "flags: pinned 0x%x, object 0x%x", mi.flags, want->flags);
#undef DIFF
	if (n) {
		diag_error(d, loc, "map '%s': the map pinned at %s differs from the object's: %s",
			   name, path, diff);
		diag_note(d, loc,
			  "map '%s': remove the pin (rm %s) to create it anew, or make the "
			  "definitions agree",
			  name, path);
		close(fd);
		return -EINVAL;
	}
	return fd;
}

int ldr_map_pin_new(const char *root, const char *name, int fd, struct diag *d,
		    const struct diag_loc *loc)
{
	char path[PATH_MAX], eb[160];
	int err = pin_path(path, sizeof(path), root, name);

	if (!err)
		err = ldr_obj_pin(fd, path);
	if (err)
		diag_error(d, loc, "map '%s': pin at %s: %s%s", name, path,
			   ldr_errno_format(err, eb, sizeof(eb)),
			   err == -ENOENT ? ": the directory does not exist" : "");
	return err;
}
