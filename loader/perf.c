/* SPDX-License-Identifier: MIT */
/*
 * perf.c - tracing attachments: perf events (tracepoints, kprobes, uprobes) carrying a BPF
 * program, raw tracepoints, socket filters; and the lookups they need (PMU types, kernel
 * symbols, a function's file offset in an ELF binary); object information by descriptor.
 *
 * A perf event carries a program once PERF_EVENT_IOC_SET_BPF is done and it is enabled;
 * closing its descriptor detaches. The attribute block, as this file fills it:
 *
 *   struct perf_event_attr {
 *     u32 type;            PERF_TYPE_TRACEPOINT, or the "kprobe"/"uprobe" PMU's type from
 *                          /sys/bus/event_source/devices/PMU/type
 *     u32 size;            sizeof(struct perf_event_attr)
 *     u64 config;          tracepoint: its tracefs id; probe PMU: bit N (format/retprobe
 *                          says "config:N") set for a return probe
 *     u64 sample_period;   1: every hit is an event
 *     u64 sample_type;     PERF_SAMPLE_RAW
 *     ...
 *     u32 wakeup_events;   1
 *     u64 config1;         kprobe: (u64)"function name"; uprobe: (u64)"/path/of/binary"
 *     u64 config2;         kprobe: offset in the function; uprobe: file offset of the probe
 *   }
 *
 * opened with pid -1 and cpu 0: for these events the program runs wherever the probe fires,
 * in every process (a uprobe may be given a pid instead, then cpu -1).
 *
 * Invariants: nothing here prints; descriptors are O_CLOEXEC.
 */
#define _GNU_SOURCE
#include "attach.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/perf_event.h>

#ifndef SO_ATTACH_BPF
#define SO_ATTACH_BPF 50
#endif

static int read_small(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, len - 1);
	if (n < 0) {
		int err = -errno;
		close(fd);
		return err;
	}
	close(fd);
	buf[n] = '\0';
	return (int)n;
}

int ldr_pmu_type(const char *pmu, int *ret_bit)
{
	char path[256], buf[64];
	long type;
	int n;

	snprintf(path, sizeof(path), "/sys/bus/event_source/devices/%s/type", pmu);
	n = read_small(path, buf, sizeof(buf));
	if (n < 0)
		return n;
	type = strtol(buf, NULL, 10);
	if (type <= 0 || type > INT_MAX)
		return -EINVAL;
	if (ret_bit) {
		/* "config:0": the bit of config that makes a return probe. */
		snprintf(path, sizeof(path), "/sys/bus/event_source/devices/%s/format/retprobe",
			 pmu);
		*ret_bit = 0;
		if (read_small(path, buf, sizeof(buf)) > 0 && strncmp(buf, "config:", 7) == 0)
			*ret_bit = atoi(buf + 7);
		if (*ret_bit < 0 || *ret_bit > 63)
			*ret_bit = 0;
	}
	return (int)type;
}

static int perf_open(struct perf_event_attr *a, int pid, int cpu)
{
	long fd;

	a->size = sizeof(*a);
	a->sample_period = 1;
	a->sample_type = PERF_SAMPLE_RAW;
	a->wakeup_events = 1;
	fd = syscall(__NR_perf_event_open, a, pid, cpu, -1, PERF_FLAG_FD_CLOEXEC);
	return fd < 0 ? -errno : (int)fd;
}

int ldr_perf_attach_bpf(int perf_fd, int prog_fd)
{
	if (ioctl(perf_fd, PERF_EVENT_IOC_SET_BPF, prog_fd) < 0)
		return -errno;
	if (ioctl(perf_fd, PERF_EVENT_IOC_ENABLE, 0) < 0)
		return -errno;
	return 0;
}

int ldr_tracepoint_attach(const char *what, int prog_fd, const char *cat, const char *name,
			  struct diag *d)
{
	struct perf_event_attr a;
	char eb[160];
	int id, fd, err;

	id = ldr_tracefs_event_id(cat, name);
	if (id < 0) {
		diag_error(d, NULL, "prog '%s': tracepoint %s/%s: %s%s", what, cat, name,
			   ldr_errno_format(id, eb, sizeof(eb)),
			   id == -ENOENT ? ": no such tracepoint (tracefs lists them in "
					   "available_events as CAT:NAME)"
					 : "");
		return id;
	}
	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_TRACEPOINT;
	a.config = (uint64_t)id;
	fd = perf_open(&a, -1, 0);
	if (fd < 0) {
		diag_error(
			d, NULL, "prog '%s': tracepoint %s/%s: perf_event_open: %s%s", what, cat,
			name, ldr_errno_format(fd, eb, sizeof(eb)),
			fd == -EACCES || fd == -EPERM
				? ": run as root or grant CAP_PERFMON (kernel.perf_event_paranoid)"
				: "");
		return fd;
	}
	err = ldr_perf_attach_bpf(fd, prog_fd);
	if (err) {
		diag_error(d, NULL, "prog '%s': tracepoint %s/%s: attach: %s%s", what, cat, name,
			   ldr_errno_format(err, eb, sizeof(eb)),
			   err == -EINVAL ? ": the program's type is not tracepoint" : "");
		close(fd);
		return err;
	}
	return fd;
}

int ldr_raw_tracepoint_open(int prog_fd, const char *name)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.raw_tracepoint.name = (uint64_t)(uintptr_t)name;
	a.raw_tracepoint.prog_fd = (uint32_t)prog_fd;
	return ldr_sys_bpf(BPF_RAW_TRACEPOINT_OPEN, &a, sizeof(a));
}

int ldr_socket_attach(int sock, int prog_fd)
{
	return setsockopt(sock, SOL_SOCKET, SO_ATTACH_BPF, &prog_fd, sizeof(prog_fd)) < 0 ? -errno
											  : 0;
}

/* ---- kernel symbols ---- */

/* Is @sym @name followed by a compiler clone suffix (".isra.0", ".constprop.3", ...)? */
static int is_clone_of(const char *sym, const char *name)
{
	static const char *const suffixes[] = {".isra.", ".constprop.", ".part.", ".cold",
					       ".llvm."};
	size_t n = strlen(name);

	if (strncmp(sym, name, n) != 0 || sym[n] != '.')
		return 0;
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if (strncmp(sym + n, suffixes[i], strlen(suffixes[i])) == 0)
			return 1;
	return 0;
}

int ldr_ksym_resolve(const char *name, char *out, size_t len)
{
	char line[512], wrapper[256], clone[256] = "";
	int exact = 0, wrap = 0;
	const char *base = strncmp(name, "sys_", 4) == 0 ? name + 4 : name;
	FILE *f = fopen("/proc/kallsyms", "re");

	if (!f)
		return -errno;
	snprintf(wrapper, sizeof(wrapper), "__x64_sys_%s", base);
	while (fgets(line, sizeof(line), f)) {
		char sym[256], type;

		/* "ffffffff81234560 T do_unlinkat\t[module]" */
		if (sscanf(line, "%*s %c %255s", &type, sym) != 2)
			continue;
		if (strcmp(sym, name) == 0)
			exact = 1;
		else if (strcmp(sym, wrapper) == 0)
			wrap = 1;
		else if (!clone[0] && is_clone_of(sym, name))
			snprintf(clone, sizeof(clone), "%s", sym);
	}
	fclose(f);
	if (exact)
		snprintf(out, len, "%s", name);
	else if (wrap)
		snprintf(out, len, "%s", wrapper);
	else if (clone[0])
		snprintf(out, len, "%s", clone);
	else
		return -ENOENT;
	return 0;
}

/* ---- ELF function offsets for uprobes ---- */

static int sym_lookup(Elf *e, Elf_Scn *scn, const GElf_Shdr *sh, const char *func, GElf_Sym *out)
{
	Elf_Data *data = elf_getdata(scn, NULL);
	size_t n;

	if (!data || sh->sh_entsize == 0)
		return -ENOENT;
	n = sh->sh_size / sh->sh_entsize;
	for (size_t i = 0; i < n; i++) {
		GElf_Sym s;
		const char *nm;

		if (!gelf_getsym(data, (int)i, &s))
			break;
		if (GELF_ST_TYPE(s.st_info) != STT_FUNC || s.st_shndx == SHN_UNDEF)
			continue;
		nm = elf_strptr(e, sh->sh_link, s.st_name);
		if (nm && strcmp(nm, func) == 0) {
			*out = s;
			return 0;
		}
	}
	return -ENOENT;
}

int ldr_elf_func_offset(const char *path, const char *func, uint64_t *off)
{
	Elf *e;
	Elf_Scn *scn = NULL;
	GElf_Sym sym;
	size_t nph;
	int fd, err = -ENOENT;

	if (elf_version(EV_CURRENT) == EV_NONE)
		return -EINVAL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	e = elf_begin(fd, ELF_C_READ, NULL);
	if (!e || elf_kind(e) != ELF_K_ELF) {
		err = -ENOEXEC;
		goto out_end;
	}
	/* .symtab has every function; .dynsym the exported ones of a stripped binary. */
	for (int pass = 0; pass < 2 && err; pass++) {
		scn = NULL;
		while (err && (scn = elf_nextscn(e, scn)) != NULL) {
			GElf_Shdr sh;

			if (!gelf_getshdr(scn, &sh) ||
			    sh.sh_type != (pass == 0 ? SHT_SYMTAB : SHT_DYNSYM))
				continue;
			err = sym_lookup(e, scn, &sh, func, &sym);
		}
	}
	if (err)
		goto out_end;
	err = -ENOENT;
	if (elf_getphdrnum(e, &nph) != 0)
		goto out_end;
	for (size_t i = 0; i < nph; i++) {
		GElf_Phdr ph;

		if (!gelf_getphdr(e, (int)i, &ph) || ph.p_type != PT_LOAD || !(ph.p_flags & PF_X))
			continue;
		if (sym.st_value >= ph.p_vaddr && sym.st_value < ph.p_vaddr + ph.p_memsz) {
			*off = sym.st_value - ph.p_vaddr + ph.p_offset;
			err = 0;
			break;
		}
	}
out_end:
	if (e)
		elf_end(e);
	close(fd);
	return err;
}

/* ---- object information ---- */

static int obj_info(int fd, void *info, uint32_t len)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	memset(info, 0, len);
	a.info.bpf_fd = (uint32_t)fd;
	a.info.info_len = len;
	a.info.info = (uint64_t)(uintptr_t)info;
	return ldr_sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a, sizeof(a));
}

int ldr_prog_info(int fd, struct ldr_prog_info *out)
{
	struct bpf_prog_info i;
	int err = obj_info(fd, &i, sizeof(i));

	if (err)
		return err;
	memset(out, 0, sizeof(*out));
	out->id = i.id;
	out->type = i.type;
	memcpy(out->tag, i.tag, sizeof(out->tag));
	memcpy(out->name, i.name, sizeof(out->name) - 1);
	return 0;
}

int ldr_map_info(int fd, struct ldr_map_info *out)
{
	struct bpf_map_info i;
	int err = obj_info(fd, &i, sizeof(i));

	if (err)
		return err;
	memset(out, 0, sizeof(*out));
	out->id = i.id;
	out->type = i.type;
	out->key_size = i.key_size;
	out->value_size = i.value_size;
	out->max_entries = i.max_entries;
	out->flags = i.map_flags;
	out->btf_id = i.btf_id;
	out->btf_key_type_id = i.btf_key_type_id;
	out->btf_value_type_id = i.btf_value_type_id;
	memcpy(out->name, i.name, sizeof(out->name) - 1);
	return 0;
}

int ldr_prog_fd_by_id(uint32_t id)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.prog_id = id;
	return ldr_sys_bpf(BPF_PROG_GET_FD_BY_ID, &a, sizeof(a));
}
