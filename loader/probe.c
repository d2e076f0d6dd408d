/* SPDX-License-Identifier: MIT */
/*
 * probe.c - what this kernel supports, found by trying, never by version number.
 *
 *   program type   load "r0 = 0; exit" of that type, with what the type cannot do without
 *                  (an expected attach type, the sleepable flag)
 *   map type       create a one-entry map of that type, sized as the type wants
 *   attach type    load the bare program with it as expected attach type, with the
 *                  program type of the first section row that names it (progtypes.def)
 *   helper         load "r1..r5 = 0; call HELPER; r0 = 0; exit" of a program type: the
 *                  verifier calls an unknown helper "invalid func" / "unknown func" and one
 *                  the type may not use "program of this type cannot use helper"; any other
 *                  verdict (a bad argument) means the helper is there
 *
 * A refusal with a verifier log still means "known": the type and attach checks come
 * before verification. Types whose load needs a BTF target (tracing, lsm, ext,
 * struct_ops) and maps that need BTF (local storages, struct_ops) cannot load bare; they
 * are reported as needing a target when the kernel's refusal is about that target.
 */
#define _GNU_SOURCE
#include "attach.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#define PROG_TYPE_NETFILTER   32 /* newer than some <linux/bpf.h> */
#define ATTACH_NETFILTER      45
#define MAP_TYPE_CGRP_STORAGE 32
#define MAP_TYPE_ARENA	      33
#define F_SLEEPABLE	      (1u << 4)
#define F_MMAPABLE	      (1u << 10)

static const struct isa_raw ret0[2] = {
	{.code = 0xb7}, /* r0 = 0 */
	{.code = 0x95}, /* exit */
};

/* enum bpf_attach_type names, from the table the assembler and the loader share. */
static const char *const attach_names[] = {
#define ISA_ATTACHTYPE(id, name) [id] = #name,
#include "progtypes.def"
};

const char *ldr_attach_type_name(int at)
{
	return at >= 0 && (size_t)at < sizeof(attach_names) / sizeof(attach_names[0])
		       ? attach_names[at]
		       : NULL;
}

int ldr_attach_type_count(void)
{
	return (int)(sizeof(attach_names) / sizeof(attach_names[0]));
}

static void prog_attr(int type, struct ldr_prog_attr *pa)
{
	pa->type = (uint32_t)type;
	pa->license = "GPL";
	switch (type) {
	case BPF_PROG_TYPE_CGROUP_SOCK_ADDR:
		pa->expected_attach_type = BPF_CGROUP_INET4_CONNECT;
		break;
	case BPF_PROG_TYPE_CGROUP_SOCKOPT:
		pa->expected_attach_type = BPF_CGROUP_GETSOCKOPT;
		break;
	case BPF_PROG_TYPE_SK_LOOKUP:
		pa->expected_attach_type = BPF_SK_LOOKUP;
		break;
	case BPF_PROG_TYPE_SYSCALL:
		pa->prog_flags = F_SLEEPABLE;
		break;
	case PROG_TYPE_NETFILTER:
		pa->expected_attach_type = ATTACH_NETFILTER;
		break;
	case BPF_PROG_TYPE_TRACING:
		pa->expected_attach_type = BPF_TRACE_FENTRY;
		pa->attach_btf_id = 1;
		break;
	case BPF_PROG_TYPE_LSM:
		pa->expected_attach_type = BPF_LSM_MAC;
		pa->attach_btf_id = 1;
		break;
	}
}

/*
 * BPF_PROG_LOAD of @pa with a small log of its own: a probe's verdict is short, and the
 * buffer is zeroed first (a failed load leaves the kernel's words, which tools such as
 * valgrind cannot know the kernel wrote). Returns the descriptor or -errno; @log holds the
 * verifier's words, "" when it wrote none (a log too small gives ENOSPC, and the words that
 * fit still tell).
 */
static int probe_load(const struct ldr_prog_attr *pa, char *log, size_t len)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	memset(log, 0, len);
	a.prog_type = pa->type;
	a.expected_attach_type = pa->expected_attach_type;
	a.insns = (uint64_t)(uintptr_t)pa->insns;
	a.insn_cnt = (uint32_t)pa->ninsns;
	a.license = (uint64_t)(uintptr_t) "GPL";
	a.prog_flags = pa->prog_flags;
	a.attach_btf_id = pa->attach_btf_id;
	a.log_buf = (uint64_t)(uintptr_t)log;
	a.log_size = (uint32_t)len;
	a.log_level = 1;
	return ldr_sys_bpf(BPF_PROG_LOAD, &a, sizeof(a));
}

static int needs_btf_target(int type)
{
	return type == BPF_PROG_TYPE_TRACING || type == BPF_PROG_TYPE_LSM ||
	       type == BPF_PROG_TYPE_EXT || type == BPF_PROG_TYPE_STRUCT_OPS;
}

/* Load @pa; the verdict as a probe result, the errno of a refusal in *@err. */
static int try_load(struct ldr_prog_attr *pa, int btf_target, int *err)
{
	char log[4096];
	int fd = probe_load(pa, log, sizeof(log));

	*err = fd < 0 ? fd : 0;
	if (fd >= 0) {
		close(fd);
		return LDR_PROBE_YES;
	}
	if (btf_target) /* ENOTSUPP: struct_ops without BTF; EPERM: ext without a target */
		return *log || fd == -524 || fd == -EPERM ? LDR_PROBE_NEEDS_TARGET : LDR_PROBE_NO;
	return *log ? LDR_PROBE_YES : LDR_PROBE_NO;
}

int ldr_probe_prog_type(int type, int *err)
{
	struct ldr_prog_attr pa = {.insns = ret0, .ninsns = 2};

	prog_attr(type, &pa);
	return try_load(&pa, needs_btf_target(type), err);
}

int ldr_probe_attach_type(int at, int *err)
{
	struct ldr_prog_attr pa = {.insns = ret0, .ninsns = 2};
	const struct isa_secdef *sd = NULL;

	*err = 0;
	for (size_t i = 0; i < isa_secdef_count() && !sd; i++)
		if (isa_secdef_at(i)->attach_type == at)
			sd = isa_secdef_at(i);
	if (!sd)
		return -ENOENT;
	prog_attr(sd->prog_type, &pa);
	pa.expected_attach_type = (uint32_t)at;
	return try_load(&pa, needs_btf_target(sd->prog_type), err);
}

int ldr_probe_map_type(int type, int *err)
{
	struct ldr_map_attr ia = {
		.type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 4, .max_entries = 1};
	struct ldr_map_attr ma = {
		.type = (uint32_t)type, .key_size = 4, .value_size = 4, .max_entries = 1};
	int fd, inner = -1;

	switch (type) {
	case BPF_MAP_TYPE_STACK_TRACE:
		ma.value_size = 8; /* one u64 instruction pointer */
		break;
	case BPF_MAP_TYPE_LPM_TRIE:
		ma.key_size = 8; /* prefix length and at least one byte */
		ma.flags = BPF_F_NO_PREALLOC;
		break;
	case BPF_MAP_TYPE_ARRAY_OF_MAPS:
	case BPF_MAP_TYPE_HASH_OF_MAPS:
		inner = ldr_map_create(&ia);
		ma.inner_map_fd = inner;
		break;
	case BPF_MAP_TYPE_CGROUP_STORAGE:
	case BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE:
		ma.key_size = 8; /* struct bpf_cgroup_storage_key */
		ma.max_entries = 0;
		break;
	case BPF_MAP_TYPE_QUEUE:
	case BPF_MAP_TYPE_STACK:
	case BPF_MAP_TYPE_BLOOM_FILTER:
		ma.key_size = 0;
		break;
	case BPF_MAP_TYPE_RINGBUF:
	case BPF_MAP_TYPE_USER_RINGBUF:
		ma.key_size = 0;
		ma.value_size = 0;
		ma.max_entries = 4096; /* a page */
		break;
	case BPF_MAP_TYPE_SK_STORAGE:
	case BPF_MAP_TYPE_INODE_STORAGE:
	case BPF_MAP_TYPE_TASK_STORAGE:
	case MAP_TYPE_CGRP_STORAGE:
		ma.flags = BPF_F_NO_PREALLOC;
		ma.max_entries = 0;
		break;
	case MAP_TYPE_ARENA:
		ma.key_size = 0;
		ma.value_size = 0;
		ma.flags = F_MMAPABLE;
		break;
	}
	fd = ldr_map_create(&ma);
	if (inner >= 0)
		close(inner);
	*err = fd < 0 ? fd : 0;
	if (fd >= 0) {
		close(fd);
		return LDR_PROBE_YES;
	}
	/* These want BTF for their values: EINVAL about that, not an unknown type. */
	if (fd == -EINVAL &&
	    (type == BPF_MAP_TYPE_SK_STORAGE || type == BPF_MAP_TYPE_INODE_STORAGE ||
	     type == BPF_MAP_TYPE_TASK_STORAGE || type == MAP_TYPE_CGRP_STORAGE ||
	     type == BPF_MAP_TYPE_STRUCT_OPS))
		return LDR_PROBE_NEEDS_TARGET;
	return LDR_PROBE_NO;
}

int ldr_probe_helper(int prog_type, int helper)
{
	struct isa_raw p[8] = {
		{.code = 0xb7, .dst = 1}, {.code = 0xb7, .dst = 2}, {.code = 0xb7, .dst = 3},
		{.code = 0xb7, .dst = 4}, {.code = 0xb7, .dst = 5}, {.code = 0x85, .imm = helper},
		{.code = 0xb7},		  {.code = 0x95},
	};
	struct ldr_prog_attr pa = {.insns = p, .ninsns = 8};
	char log[4096];
	int fd, ok;

	prog_attr(prog_type, &pa);
	fd = probe_load(&pa, log, sizeof(log));
	if (fd >= 0)
		close(fd);
	ok = fd >= 0 || (*log && !strstr(log, "invalid func") && !strstr(log, "unknown func") &&
			 !strstr(log, "program of this type cannot use helper"));
	return ok ? LDR_PROBE_YES : LDR_PROBE_NO;
}
