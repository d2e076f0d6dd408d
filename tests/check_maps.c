/* SPDX-License-Identifier: MIT */
/*
 * check_maps.c - the interpreter's maps (vm/map.c) against the kernel's.
 *
 * Each case is a table: a map definition and a sequence of operations, each with the return
 * code and value the table expects. Every operation runs on our map and on a kernel map
 * created with the same definition (through loader/ bpf() wrappers), and both must give
 * the table's answer, so our maps cannot drift from the kernel without a failure here. Where
 * the kernel's behaviour is implementation-defined (hash iteration order, LRU victims) the
 * tables check what is defined: the set of keys, the invariants of eviction.
 *
 * Kernel side: needs root and bpf(). Without them every case still runs against the tables
 * alone, and the suite then exits 77 (skip: the kernel comparison did not happen), or 99
 * when EBPF_REQUIRE_KERNEL=1.
 */
#define _GNU_SOURCE
#include <check.h>
#include <endian.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "loader/loader.h"
#include "vm/map.h"
#include "testutil.h"

static int have_kernel;	     /* bpf() works: compare with the kernel */
static char kernel_why[200]; /* if not, why */
static int ncpus = 1;	     /* possible CPUs: the kernel's per-CPU value count */

/* ---- the operation tables ---- */

enum op_code {
	OP_END,
	OP_UPD,	 /* update key with val and flags */
	OP_LKP,	 /* lookup key: ret, and val when ret is 0 */
	OP_DEL,	 /* delete key */
	OP_NXT,	 /* get_next_key after key (nokey: NULL): ret, and next when ret is 0 */
	OP_KEYS, /* walk get_next_key from NULL: the set of keys (any order) is set[0..nset) */
	OP_PUSH, /* queue/stack: update without a key */
	OP_POP,	 /* queue/stack: lookup-and-delete without a key */
	OP_PEEK, /* queue/stack: lookup without a key */
};

struct op {
	enum op_code op;
	uint32_t key[2]; /* the key's u32 words; lpm: prefix length, IPv4 address (host order) */
	uint64_t val;
	uint64_t flags;
	int ret;
	int nokey;
	uint32_t next[2];
	uint32_t set[8];
	int nset;
};

/* clang-format off */
#define K(...)			.key = {__VA_ARGS__}
#define UPD(k, v, f, r)		{.op = OP_UPD, K k, .val = (v), .flags = (f), .ret = (r)}
#define LKP(k, v, r)		{.op = OP_LKP, K k, .val = (v), .ret = (r)}
#define DEL(k, r)		{.op = OP_DEL, K k, .ret = (r)}
#define NXT(k, n, r)		{.op = OP_NXT, K k, .next = {n}, .ret = (r)}
#define NXT_FIRST(n, r)		{.op = OP_NXT, .nokey = 1, .next = {n}, .ret = (r)}
#define LPM_NXT(k, n, r)	{.op = OP_NXT, K k, .next = n, .ret = (r)}
#define LPM_NXT_FIRST(n, r)	{.op = OP_NXT, .nokey = 1, .next = n, .ret = (r)}
#define KEYS(n, ...)		{.op = OP_KEYS, .set = {__VA_ARGS__}, .nset = (n)}
#define PUSH(v, f, r)		{.op = OP_PUSH, .val = (v), .flags = (f), .ret = (r)}
#define POP(v, r)		{.op = OP_POP, .val = (v), .ret = (r)}
#define PEEK(v, r)		{.op = OP_PEEK, .val = (v), .ret = (r)}
#define IP(a, b, c, d)		(((uint32_t)(a) << 24) | ((b) << 16) | ((c) << 8) | (d))
#define P(len, a, b, c, d)	(len, IP(a, b, c, d))	/* a key for UPD, LKP ... */
#define PN(len, a, b, c, d)	{len, IP(a, b, c, d)}	/* an expected next key */
/* clang-format on */

struct map_def {
	uint32_t type, key_size, value_size, max_entries, flags;
};

struct map_case {
	const char *name;
	struct map_def def;
	struct op ops[40];
};

static const struct map_case cases[] = {
	{"hash_honours_noexist_exist_and_is_full_at_max_entries",
	 {BPF_MAP_TYPE_HASH, 4, 8, 4, 0},
	 {
		 NXT_FIRST(0, -ENOENT),
		 UPD((1), 10, BPF_ANY, 0),
		 UPD((1), 11, BPF_NOEXIST, -EEXIST),
		 UPD((2), 20, BPF_EXIST, -ENOENT),
		 UPD((2), 20, BPF_NOEXIST, 0),
		 UPD((1), 12, BPF_EXIST, 0),
		 LKP((1), 12, 0),
		 LKP((3), 0, -ENOENT),
		 UPD((3), 30, BPF_ANY, 0),
		 UPD((4), 40, BPF_ANY, 0),
		 UPD((5), 50, BPF_ANY, -E2BIG),
		 UPD((5), 50, BPF_NOEXIST, -E2BIG),
		 UPD((5), 50, BPF_EXIST, -ENOENT),
		 UPD((4), 41, BPF_ANY, 0), /* replacing needs no free slot */
		 UPD((5), 50, 3, -EINVAL),
		 UPD((5), 50, BPF_F_LOCK, -EINVAL),
		 KEYS(4, 1, 2, 3, 4),
		 DEL((2), 0),
		 DEL((2), -ENOENT),
		 LKP((2), 0, -ENOENT),
		 UPD((5), 50, BPF_NOEXIST, 0), /* the freed slot is reused */
		 LKP((5), 50, 0),
		 LKP((4), 41, 0),
		 KEYS(4, 1, 3, 4, 5),
		 DEL((1), 0),
		 DEL((3), 0),
		 DEL((4), 0),
		 DEL((5), 0),
		 KEYS(0),
		 NXT_FIRST(0, -ENOENT),
		 {0},
	 }},
	{"hash_get_next_key_of_a_missing_key_restarts_at_the_first",
	 {BPF_MAP_TYPE_HASH, 4, 4, 8, BPF_F_NO_PREALLOC},
	 {
		 UPD((7), 70, BPF_ANY, 0),
		 NXT((9), 7, 0), /* 9 is absent: the walk starts again */
		 NXT((7), 0, -ENOENT),
		 UPD((8), 80, BPF_ANY, 0),
		 KEYS(2, 7, 8),
		 {0},
	 }},
	{"array_indexes_always_exist_and_cannot_be_deleted",
	 {BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0},
	 {
		 LKP((0), 0, 0),
		 UPD((0), 5, BPF_ANY, 0),
		 LKP((0), 5, 0),
		 UPD((1), 6, BPF_NOEXIST, -EEXIST),
		 UPD((1), 6, BPF_EXIST, 0),
		 LKP((1), 6, 0),
		 UPD((4), 1, BPF_ANY, -E2BIG),
		 UPD((4), 1, BPF_NOEXIST, -E2BIG),
		 UPD((0), 1, 3, -EINVAL),
		 LKP((4), 0, -ENOENT),
		 DEL((0), -EINVAL),
		 DEL((9), -EINVAL),
		 NXT_FIRST(0, 0),
		 NXT((0), 1, 0),
		 NXT((2), 3, 0),
		 NXT((3), 0, -ENOENT),
		 NXT((7), 0, 0), /* out of range restarts at 0 */
		 {0},
	 }},
	{"percpu_array_is_one_cpu_with_the_declared_value_size",
	 {BPF_MAP_TYPE_PERCPU_ARRAY, 4, 4, 3, 0},
	 {
		 LKP((2), 0, 0),
		 UPD((2), 0xdeadbeef, BPF_ANY, 0),
		 LKP((2), 0xdeadbeef, 0),
		 UPD((3), 1, BPF_ANY, -E2BIG),
		 UPD((1), 1, BPF_NOEXIST, -EEXIST),
		 DEL((1), -EINVAL),
		 {0},
	 }},
	{"percpu_hash_is_a_hash_of_one_cpu",
	 {BPF_MAP_TYPE_PERCPU_HASH, 4, 8, 2, 0},
	 {
		 UPD((1), 0x1122334455667788ull, BPF_ANY, 0),
		 LKP((1), 0x1122334455667788ull, 0),
		 UPD((2), 2, BPF_NOEXIST, 0),
		 UPD((3), 3, BPF_NOEXIST, -E2BIG),
		 DEL((1), 0),
		 UPD((3), 3, BPF_NOEXIST, 0),
		 KEYS(2, 2, 3),
		 {0},
	 }},
	{"lpm_trie_finds_the_longest_matching_prefix",
	 {BPF_MAP_TYPE_LPM_TRIE, 8, 8, 4, BPF_F_NO_PREALLOC},
	 {
		 UPD(P(16, 192, 168, 0, 0), 16, BPF_ANY, 0),
		 UPD(P(24, 192, 168, 1, 0), 24, BPF_NOEXIST, 0),
		 LKP(P(32, 192, 168, 1, 7), 24, 0),
		 LKP(P(32, 192, 168, 2, 7), 16, 0),
		 LKP(P(32, 10, 0, 0, 1), 0, -ENOENT),
		 LKP(P(20, 192, 168, 1, 7), 16, 0), /* the key's own length bounds the match */
		 LKP(P(24, 192, 168, 1, 0), 24, 0),
		 UPD(P(24, 192, 168, 1, 99), 25, BPF_NOEXIST, -EEXIST), /* bits past /24 ignored */
		 UPD(P(33, 192, 168, 1, 0), 1, BPF_ANY, -EINVAL),
		 UPD(P(8, 10, 0, 0, 0), 8, BPF_EXIST, -ENOENT),
		 UPD(P(8, 10, 0, 0, 0), 8, 3, -EINVAL),
		 UPD(P(0, 0, 0, 0, 0), 7, BPF_ANY, 0),
		 LKP(P(32, 10, 0, 0, 1), 7, 0),
		 UPD(P(8, 10, 0, 0, 0), 8, BPF_ANY, 0),
		 LKP(P(32, 10, 0, 0, 1), 8, 0),
		 UPD(P(12, 172, 16, 0, 0), 12, BPF_ANY, -ENOSPC),
		 UPD(P(8, 10, 0, 0, 0), 9, BPF_EXIST, 0), /* full, but replacing is fine */
		 DEL(P(24, 192, 168, 1, 0), 0),
		 DEL(P(24, 192, 168, 1, 0), -ENOENT),
		 DEL(P(23, 192, 168, 0, 0), -ENOENT),
		 DEL(P(33, 192, 168, 0, 0), -EINVAL),
		 LKP(P(32, 192, 168, 1, 7), 16, 0),
		 /* post-order: 10/8 (a 0 bit first), 192.168/16, then 0/0 that holds both */
		 LPM_NXT_FIRST(PN(8, 10, 0, 0, 0), 0),
		 LPM_NXT(P(8, 10, 0, 0, 0), PN(16, 192, 168, 0, 0), 0),
		 LPM_NXT(P(16, 192, 168, 0, 0), PN(0, 0, 0, 0, 0), 0),
		 LPM_NXT(P(0, 0, 0, 0, 0), PN(0, 0, 0, 0, 0), -ENOENT),
		 LPM_NXT(P(24, 1, 2, 3, 0), PN(8, 10, 0, 0, 0), 0), /* missing: from the first */
		 {0},
	 }},
	{"lpm_trie_orders_more_specific_prefixes_first_and_keeps_the_data_as_written",
	 {BPF_MAP_TYPE_LPM_TRIE, 8, 4, 8, BPF_F_NO_PREALLOC},
	 {
		 UPD(P(16, 192, 168, 0, 0), 1, BPF_ANY, 0),
		 UPD(P(24, 192, 168, 128, 0), 2, BPF_ANY, 0),
		 UPD(P(24, 192, 168, 1, 0), 3, BPF_ANY, 0),
		 UPD(P(24, 192, 168, 0, 77), 4, BPF_ANY, 0),
		 LPM_NXT_FIRST(PN(24, 192, 168, 0, 77), 0),
		 LPM_NXT(P(24, 192, 168, 0, 0), PN(24, 192, 168, 1, 0), 0),
		 LPM_NXT(P(24, 192, 168, 1, 0), PN(24, 192, 168, 128, 0), 0),
		 LPM_NXT(P(24, 192, 168, 128, 0), PN(16, 192, 168, 0, 0), 0),
		 LPM_NXT(P(16, 192, 168, 0, 0), PN(0, 0, 0, 0, 0), -ENOENT),
		 LKP(P(32, 192, 168, 0, 1), 4, 0),
		 {0},
	 }},
	{"queue_is_fifo_and_exist_overwrites_the_oldest_when_full",
	 {BPF_MAP_TYPE_QUEUE, 0, 4, 3, 0},
	 {
		 POP(0, -ENOENT),
		 PEEK(0, -ENOENT),
		 PUSH(1, BPF_ANY, 0),
		 PUSH(2, BPF_ANY, 0),
		 PUSH(3, BPF_ANY, 0),
		 PUSH(4, BPF_ANY, -E2BIG),
		 PUSH(4, BPF_NOEXIST, -EINVAL),
		 PUSH(4, 3, -EINVAL),
		 PUSH(4, BPF_EXIST, 0),
		 PEEK(2, 0),
		 POP(2, 0),
		 POP(3, 0),
		 PUSH(5, BPF_ANY, 0),
		 POP(4, 0),
		 POP(5, 0),
		 POP(0, -ENOENT),
		 {.op = OP_DEL, .nokey = 1, .ret = -EINVAL},
		 NXT_FIRST(0, -EINVAL),
		 {0},
	 }},
	{"stack_is_lifo_and_exist_overwrites_the_oldest_when_full",
	 {BPF_MAP_TYPE_STACK, 0, 8, 3, 0},
	 {
		 POP(0, -ENOENT),
		 PUSH(1, BPF_ANY, 0),
		 PUSH(2, BPF_ANY, 0),
		 PUSH(3, BPF_ANY, 0),
		 PUSH(4, BPF_ANY, -E2BIG),
		 PUSH(4, BPF_EXIST, 0), /* 1 goes: the oldest, even for a stack */
		 PEEK(4, 0),
		 POP(4, 0),
		 POP(3, 0),
		 POP(2, 0),
		 POP(0, -ENOENT),
		 {0},
	 }},
	{"ringbuf_refuses_element_commands_as_the_kernel",
	 {BPF_MAP_TYPE_RINGBUF, 0, 0, 4096, 0},
	 {
		 LKP((0), 0, -EINVAL), /* any key is one too many */
		 UPD((0), 0, BPF_ANY, -EINVAL),
		 DEL((0), -EINVAL),
		 NXT((0), 0, -EINVAL),
		 NXT_FIRST(0, -VM_ENOTSUPP),
		 {0},
	 }},
	{"perf_event_array_walks_like_an_array_and_cannot_be_read",
	 {BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 4, 2, 0},
	 {
		 LKP((0), 0, -VM_ENOTSUPP),
		 DEL((0), -ENOENT),
		 NXT_FIRST(0, 0),
		 NXT((0), 1, 0),
		 NXT((1), 0, -ENOENT),
		 {0},
	 }},
};
#define NCASES (int)(sizeof(cases) / sizeof(cases[0]))

/* ---- running an operation on both sides ---- */

static bool is_percpu(uint32_t type)
{
	return type == BPF_MAP_TYPE_PERCPU_ARRAY || type == BPF_MAP_TYPE_PERCPU_HASH ||
	       type == BPF_MAP_TYPE_LRU_PERCPU_HASH;
}

/* The key's bytes: u32 words, the LPM address in network order. */
static void make_key(const struct map_case *c, const uint32_t *words, uint8_t *key)
{
	uint32_t w[2] = {words[0], words[1]};

	if (c->def.type == BPF_MAP_TYPE_LPM_TRIE)
		w[1] = htobe32(w[1]);
	memcpy(key, w, c->def.key_size);
}

static int kernel_pop(int fd, void *value)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.map_fd = (uint32_t)fd;
	a.value = (uint64_t)(uintptr_t)value;
	return ldr_sys_bpf(BPF_MAP_LOOKUP_AND_DELETE_ELEM, &a, sizeof(a));
}

static int kernel_create(uint32_t type, uint32_t ks, uint32_t vs, uint32_t max, uint32_t flags)
{
	struct ldr_map_attr a = {.type = type,
				 .key_size = ks,
				 .value_size = vs,
				 .max_entries = max,
				 .flags = flags,
				 .name = "check_maps"};

	return ldr_map_create(&a);
}

static struct vm_map *vm_create(uint32_t type, uint32_t ks, uint32_t vs, uint32_t max,
				uint32_t flags, int *err)
{
	struct obj_map def = {.name = "check_maps",
			      .type = type,
			      .key_size = ks,
			      .value_size = vs,
			      .max_entries = max,
			      .flags = flags,
			      .sym = -1,
			      .sec = -1,
			      .data_sec = -1};
	struct vm_map *m = NULL;
	struct diag d;

	diag_init(&d);
	*err = vm_map_create(&def, &m, &d);
	/* a refusal always says why */
	if (*err)
		ck_assert_uint_eq(d.nerrors, 1);
	diag_fini(&d);
	return m;
}

/* The set of keys (u32) reached by get_next_key from NULL, sorted. Returns how many. */
static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static int walk_keys(struct vm_map *m, int fd, uint32_t *out, int max)
{
	uint32_t k, next;
	int n = 0, ret;

	for (ret = m ? vm_map_get_next_key(m, NULL, &next) : ldr_map_get_next_key(fd, NULL, &next);
	     !ret && n < max;
	     ret = m ? vm_map_get_next_key(m, &k, &next) : ldr_map_get_next_key(fd, &k, &next)) {
		out[n++] = next;
		k = next;
	}
	ck_assert_int_eq(ret, -ENOENT);
	qsort(out, (size_t)n, sizeof(*out), cmp_u32);
	return n;
}

/* Run @o on our map (fd < 0) or the kernel's map @fd; the result's value goes to @val. */
static int run_op(const struct map_case *c, const struct op *o, struct vm_map *m, int fd,
		  uint8_t *val, uint8_t *next)
{
	uint8_t key[16] = {0}, in[8 * 256] = {0};
	size_t vslice = is_percpu(c->def.type) ? (c->def.value_size + 7u) & ~7u : c->def.value_size;

	make_key(c, o->key, key);
	/* the kernel's per-CPU view: one rounded slice per possible CPU, all set alike */
	for (int cpu = 0; cpu < (m || !is_percpu(c->def.type) ? 1 : ncpus); cpu++)
		memcpy(in + cpu * vslice, &o->val, c->def.value_size);
	switch (o->op) {
	case OP_UPD:
		return m ? vm_map_update(m, key, in, o->flags)
			 : ldr_map_update(fd, key, in, o->flags);
	case OP_LKP:
		return m ? vm_map_lookup_copy(m, key, val) : ldr_map_lookup(fd, key, val);
	case OP_DEL:
		return m ? vm_map_delete(m, o->nokey ? NULL : key)
			 : ldr_map_delete(fd, o->nokey ? NULL : key);
	case OP_NXT:
		return m ? vm_map_get_next_key(m, o->nokey ? NULL : key, next)
			 : ldr_map_get_next_key(fd, o->nokey ? NULL : key, next);
	case OP_PUSH:
		return m ? vm_map_push(m, in, o->flags) : ldr_map_update(fd, NULL, in, o->flags);
	case OP_POP:
		return m ? vm_map_pop(m, val) : kernel_pop(fd, val);
	case OP_PEEK:
		return m ? vm_map_peek(m, val) : ldr_map_lookup(fd, NULL, val);
	default:
		return 0;
	}
}

/* Check @o's outcome on one side (@who names it in failures). */
static void check_op(const struct map_case *c, int i, const struct op *o, struct vm_map *m, int fd,
		     const char *who)
{
	uint8_t val[8 * 256] = {0}, next[16] = {0}, want[16] = {0};
	int ret;

	if (o->op == OP_KEYS) {
		uint32_t got[64];
		int n = walk_keys(m, fd, got, 64);

		ck_assert_msg(n == o->nset, "%s: op %d: %s walks %d keys, table says %d", c->name,
			      i, who, n, o->nset);
		for (int k = 0; k < n; k++)
			ck_assert_msg(got[k] == o->set[k], "%s: op %d: %s key %u, table says %u",
				      c->name, i, who, got[k], o->set[k]);
		return;
	}
	ret = run_op(c, o, m, fd, val, next);
	ck_assert_msg(ret == o->ret, "%s: op %d: %s returns %d (%s), table says %d", c->name, i,
		      who, ret, strerror(-ret), o->ret);
	if (ret)
		return;
	if (o->op == OP_LKP || o->op == OP_POP || o->op == OP_PEEK) {
		uint64_t got = 0;

		/* per-CPU: CPU 0's slice, the first */
		memcpy(&got, val, c->def.value_size);
		ck_assert_msg(got == o->val, "%s: op %d: %s value 0x%llx, table says 0x%llx",
			      c->name, i, who, (unsigned long long)got, (unsigned long long)o->val);
	}
	if (o->op == OP_NXT) {
		make_key(c, o->next, want);
		ck_assert_msg(!memcmp(next, want, c->def.key_size),
			      "%s: op %d: %s next key differs from the table's", c->name, i, who);
	}
}

START_TEST(map_operations_match_the_table_and_the_kernel)
{
	const struct map_case *c = &cases[_i];
	struct vm_map *m;
	int err, fd = -1;

	m = vm_create(c->def.type, c->def.key_size, c->def.value_size, c->def.max_entries,
		      c->def.flags, &err);
	ck_assert_msg(m, "%s: vm_map_create: %d", c->name, err);
	if (have_kernel) {
		fd = kernel_create(c->def.type, c->def.key_size, c->def.value_size,
				   c->def.max_entries, c->def.flags);
		ck_assert_msg(fd >= 0, "%s: kernel map create: %s", c->name, strerror(-fd));
	}
	for (int i = 0; c->ops[i].op != OP_END; i++) {
		check_op(c, i, &c->ops[i], m, -1, "vm");
		if (fd >= 0)
			check_op(c, i, &c->ops[i], NULL, fd, "kernel");
	}
	if (fd >= 0)
		close(fd);
	vm_map_free(m);
}
END_TEST

/* ---- creation parameters ---- */

static const struct create_case {
	const char *what;
	uint32_t type, key_size, value_size, max_entries, flags;
	int err;
} creates[] = {
	{"hash with key size 0", BPF_MAP_TYPE_HASH, 0, 8, 4, 0, -EINVAL},
	{"hash with value size 0", BPF_MAP_TYPE_HASH, 4, 0, 4, 0, -EINVAL},
	{"hash with max_entries 0", BPF_MAP_TYPE_HASH, 4, 8, 0, 0, -EINVAL},
	{"hash with an unknown flag", BPF_MAP_TYPE_HASH, 4, 8, 4, 1u << 20, -EINVAL},
	{"hash with BPF_F_MMAPABLE", BPF_MAP_TYPE_HASH, 4, 8, 4, 1u << 10, -EINVAL},
	{"hash with BPF_F_NO_COMMON_LRU", BPF_MAP_TYPE_HASH, 4, 8, 4, BPF_F_NO_COMMON_LRU, -EINVAL},
	{"hash read-only and write-only", BPF_MAP_TYPE_HASH, 4, 8, 4, BPF_F_RDONLY | BPF_F_WRONLY,
	 -EINVAL},
	{"hash read-only and write-only for programs", BPF_MAP_TYPE_HASH, 4, 8, 4,
	 BPF_F_RDONLY_PROG | BPF_F_WRONLY_PROG, -EINVAL},
	{"hash without preallocation", BPF_MAP_TYPE_HASH, 4, 8, 4, BPF_F_NO_PREALLOC, 0},
	{"hash with a 512-byte key", BPF_MAP_TYPE_HASH, 512, 8, 4, 0, 0},
	{"hash with 2^27 entries and one more", BPF_MAP_TYPE_HASH, 4, 8, (1u << 27) + 1, 0, -E2BIG},
	{"lpm trie with the largest value", BPF_MAP_TYPE_LPM_TRIE, 8, 4194024, 1, BPF_F_NO_PREALLOC,
	 0},
	{"lpm trie with a value one byte larger", BPF_MAP_TYPE_LPM_TRIE, 8, 4194025, 1,
	 BPF_F_NO_PREALLOC, -EINVAL},
	{"percpu hash with a 32 KiB value", BPF_MAP_TYPE_PERCPU_HASH, 4, 32768, 4, 0, 0},
	{"percpu hash with a value over 32 KiB", BPF_MAP_TYPE_PERCPU_HASH, 4, 32769, 4, 0, -E2BIG},
	{"lru hash without preallocation", BPF_MAP_TYPE_LRU_HASH, 4, 8, 4, BPF_F_NO_PREALLOC,
	 -VM_ENOTSUPP},
	{"lru hash with a per-CPU LRU list", BPF_MAP_TYPE_LRU_HASH, 4, 8, 4, BPF_F_NO_COMMON_LRU,
	 0},
	{"array with key size 8", BPF_MAP_TYPE_ARRAY, 8, 8, 4, 0, -EINVAL},
	{"array with value size 0", BPF_MAP_TYPE_ARRAY, 4, 0, 4, 0, -EINVAL},
	{"array with max_entries 0", BPF_MAP_TYPE_ARRAY, 4, 8, 0, 0, -EINVAL},
	{"array with BPF_F_NO_PREALLOC", BPF_MAP_TYPE_ARRAY, 4, 8, 4, BPF_F_NO_PREALLOC, -EINVAL},
	{"mmapable array (global data)", BPF_MAP_TYPE_ARRAY, 4, 65536, 1,
	 (1u << 10) | BPF_F_RDONLY_PROG, 0},
	{"mmapable percpu array", BPF_MAP_TYPE_PERCPU_ARRAY, 4, 8, 1, 1u << 10, -EINVAL},
	{"percpu array with a value over 32 KiB", BPF_MAP_TYPE_PERCPU_ARRAY, 4, 40000, 1, 0,
	 -E2BIG},
	{"prog array with value size 8", BPF_MAP_TYPE_PROG_ARRAY, 4, 8, 4, 0, -EINVAL},
	{"prog array read-only for programs", BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 4, BPF_F_RDONLY_PROG,
	 -EINVAL},
	{"perf event array", BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 4, 2, 0, 0},
	{"lpm trie with preallocation", BPF_MAP_TYPE_LPM_TRIE, 8, 8, 4, 0, -EINVAL},
	{"lpm trie with key size 4 (no data)", BPF_MAP_TYPE_LPM_TRIE, 4, 8, 4, BPF_F_NO_PREALLOC,
	 -EINVAL},
	{"lpm trie with 257 data bytes", BPF_MAP_TYPE_LPM_TRIE, 261, 8, 4, BPF_F_NO_PREALLOC,
	 -EINVAL},
	{"lpm trie with IPv6 keys", BPF_MAP_TYPE_LPM_TRIE, 20, 8, 4, BPF_F_NO_PREALLOC, 0},
	{"lpm trie with max_entries 0", BPF_MAP_TYPE_LPM_TRIE, 8, 8, 0, BPF_F_NO_PREALLOC, -EINVAL},
	{"queue with a key", BPF_MAP_TYPE_QUEUE, 4, 8, 4, 0, -EINVAL},
	{"queue with value size 0", BPF_MAP_TYPE_QUEUE, 0, 0, 4, 0, -EINVAL},
	{"stack with max_entries 0", BPF_MAP_TYPE_STACK, 0, 8, 0, 0, -EINVAL},
	{"stack with BPF_F_NO_PREALLOC", BPF_MAP_TYPE_STACK, 0, 8, 4, BPF_F_NO_PREALLOC, -EINVAL},
	{"ringbuf of one page", BPF_MAP_TYPE_RINGBUF, 0, 0, 4096, 0, 0},
	{"ringbuf not a power of 2", BPF_MAP_TYPE_RINGBUF, 0, 0, 3 * 4096, 0, -EINVAL},
	{"ringbuf smaller than a page", BPF_MAP_TYPE_RINGBUF, 0, 0, 1024, 0, -EINVAL},
	{"ringbuf with a key size", BPF_MAP_TYPE_RINGBUF, 4, 0, 4096, 0, -EINVAL},
	{"ringbuf with BPF_F_RDONLY_PROG", BPF_MAP_TYPE_RINGBUF, 0, 0, 4096, BPF_F_RDONLY_PROG,
	 -EINVAL},
	{"map type 0", BPF_MAP_TYPE_UNSPEC, 4, 4, 4, 0, -EINVAL},
	{"map type 1000", 1000, 4, 4, 4, 0, -EINVAL},
};
#define NCREATES (int)(sizeof(creates) / sizeof(creates[0]))

START_TEST(creation_checks_parameters_with_the_kernels_errno)
{
	const struct create_case *c = &creates[_i];
	struct vm_map *m;
	int err, fd;

	m = vm_create(c->type, c->key_size, c->value_size, c->max_entries, c->flags, &err);
	ck_assert_msg(err == c->err, "%s: vm_map_create gives %d, table says %d", c->what, err,
		      c->err);
	ck_assert(!m == !!err);
	vm_map_free(m);
	if (!have_kernel)
		return;
	fd = kernel_create(c->type, c->key_size, c->value_size, c->max_entries, c->flags);
	ck_assert_msg(fd >= 0 ? !c->err : fd == c->err, "%s: the kernel gives %d, table says %d",
		      c->what, fd < 0 ? fd : 0, c->err);
	if (fd >= 0)
		close(fd);
}
END_TEST

START_TEST(maps_of_maps_are_refused_with_a_reason)
{
	struct obj_map def = {.name = "outer",
			      .type = BPF_MAP_TYPE_ARRAY_OF_MAPS,
			      .key_size = 4,
			      .value_size = 4,
			      .max_entries = 4,
			      .data_sec = -1};
	struct vm_map *m = NULL;
	struct diag d;

	diag_init(&d);
	ck_assert_int_eq(vm_map_create(&def, &m, &d), -EOPNOTSUPP);
	ck_assert_ptr_null(m);
	ck_assert_uint_eq(d.nmsgs, 1);
	ck_assert_msg(strstr(d.msgs[0].text, "'outer'") && strstr(d.msgs[0].text, "maps of maps"),
		      "message: %s", d.msgs[0].text);
	diag_fini(&d);
}
END_TEST

/* ---- hash maps under random operations: the kernel and a trivial model agree ---- */

static int collect_u32(const void *key, void *value, void *arg)
{
	uint32_t **out = arg;

	memcpy(*out, key, 4);
	(*out)++;
	return 0;
}

START_TEST(hash_agrees_with_the_kernel_over_random_operations)
{
	enum { MAX = 64, KEYS = 160, OPS = 20000 };
	uint64_t model[KEYS];
	bool present[KEYS] = {false};
	unsigned nkeys = 0, seed = 12345;
	struct vm_map *m;
	int err, fd = -1;

	m = vm_create(BPF_MAP_TYPE_HASH, 4, 8, MAX, 0, &err);
	ck_assert_ptr_nonnull(m);
	if (have_kernel)
		ck_assert_int_ge(fd = kernel_create(BPF_MAP_TYPE_HASH, 4, 8, MAX, 0), 0);
	for (int i = 0; i < OPS; i++) {
		unsigned k = (unsigned)rand_r(&seed) % KEYS;
		uint32_t key = k * 2654435761u; /* spread keys over all bits */
		uint64_t val = (uint64_t)i * 7919, got = 0;
		int what = rand_r(&seed) % 4, flags = rand_r(&seed) % 3, want, rv, rk;

		if (what <= 1) { /* updates win half the time: the map stays near full */
			if (present[k])
				want = flags == BPF_NOEXIST ? -EEXIST : 0;
			else if (flags == BPF_EXIST)
				want = -ENOENT;
			else
				want = nkeys == MAX ? -E2BIG : 0;
			rv = vm_map_update(m, &key, &val, (uint64_t)flags);
			rk = fd >= 0 ? ldr_map_update(fd, &key, &val, (uint64_t)flags) : want;
			if (!want) {
				nkeys += !present[k];
				present[k] = true;
				model[k] = val;
			}
		} else if (what == 2) {
			want = present[k] ? 0 : -ENOENT;
			rv = vm_map_delete(m, &key);
			rk = fd >= 0 ? ldr_map_delete(fd, &key) : want;
			if (present[k])
				nkeys--;
			present[k] = false;
		} else {
			want = present[k] ? 0 : -ENOENT;
			rv = vm_map_lookup_copy(m, &key, &got);
			if (!rv && present[k])
				ck_assert_msg(got == model[k], "op %d: value of key %u", i, k);
			/* the programs' lookup (a 4-byte key takes its own path) finds the same */
			{
				const uint8_t *pv = vm_map_lookup(m, &key);

				ck_assert_msg(!pv == !present[k], "op %d: program lookup of key %u",
					      i, k);
				if (pv)
					ck_assert_mem_eq(pv, &model[k], 8);
			}
			rk = fd >= 0 ? ldr_map_lookup(fd, &key, &got) : want;
			if (!rk && present[k])
				ck_assert_msg(got == model[k], "op %d: kernel value of key %u", i,
					      k);
		}
		ck_assert_msg(rv == want && rk == want,
			      "op %d (%d on key %u): vm %d kernel %d model %d", i, what, k, rv, rk,
			      want);
		ck_assert_uint_eq(vm_map_count(m), nkeys);
	}
	/* every key the model holds is reachable by iteration */
	{
		uint32_t got[MAX + 1];
		int n = walk_keys(m, -1, got, MAX + 1);

		ck_assert_int_eq(n, (int)nkeys);
		/* vm_map_foreach walks in get_next_key order */
		{
			uint32_t walk[MAX], fe[MAX], *fp = fe, k;
			int nw = 0;

			for (err = vm_map_get_next_key(m, NULL, &walk[0]); !err && nw < MAX;
			     err = vm_map_get_next_key(m, &k, &walk[nw]))
				k = walk[nw++];
			ck_assert_int_eq(vm_map_foreach(m, collect_u32, &fp), 0);
			ck_assert_int_eq(fp - fe, nw);
			ck_assert(!memcmp(walk, fe, (size_t)nw * 4));
		}
		if (fd >= 0)
			ck_assert_int_eq(walk_keys(NULL, fd, got, MAX + 1), (int)nkeys);
	}
	if (fd >= 0)
		close(fd);
	vm_map_free(m);
}
END_TEST

/* ---- LPM tries under random operations: the kernel and a linear model agree ---- */

struct lpm_model {
	uint32_t plen, addr; /* addr masked to plen, host order */
	uint64_t val;
};

static uint32_t mask_of(uint32_t plen)
{
	return plen ? ~0u << (32 - plen) : 0;
}

/* The model's longest prefix containing @addr, or NULL. */
static const struct lpm_model *lpm_model_match(const struct lpm_model *t, int n, uint32_t addr)
{
	const struct lpm_model *best = NULL;

	for (int i = 0; i < n; i++)
		if ((addr & mask_of(t[i].plen)) == t[i].addr && (!best || t[i].plen > best->plen))
			best = &t[i];
	return best;
}

static int collect_keys(const void *key, void *value, void *arg)
{
	uint64_t **out = arg;

	memcpy(*out, key, 8);
	(*out)++;
	return 0;
}

START_TEST(lpm_trie_agrees_with_the_kernel_over_random_operations)
{
	enum { MAX = 48, OPS = 6000 };
	struct lpm_model model[MAX];
	int n = 0, err, fd = -1;
	unsigned seed = 777;
	struct vm_map *m;

	m = vm_create(BPF_MAP_TYPE_LPM_TRIE, 8, 8, MAX, BPF_F_NO_PREALLOC, &err);
	ck_assert_ptr_nonnull(m);
	if (have_kernel)
		ck_assert_int_ge(
			fd = kernel_create(BPF_MAP_TYPE_LPM_TRIE, 8, 8, MAX, BPF_F_NO_PREALLOC), 0);
	for (int i = 0; i < OPS; i++) {
		/* few distinct networks, so prefixes nest and collide often */
		uint32_t plen = (uint32_t)rand_r(&seed) % 34, addr = (uint32_t)rand_r(&seed);
		uint32_t key[2], what = (uint32_t)rand_r(&seed) % 4, flags = rand_r(&seed) % 3;
		uint64_t val = (uint64_t)i + 1, got = 0;
		const struct lpm_model *hit;
		int idx = -1, want, rv, rk;

		addr = (addr & 0xc0ff0000u) | ((addr & 0x3u) << 8) | 0x0a000000u;
		key[0] = what == 3 ? 32 : plen;
		key[1] = htobe32(addr);
		for (int j = 0; j < n; j++)
			if (plen <= 32 && model[j].plen == plen &&
			    model[j].addr == (addr & mask_of(plen)))
				idx = j;
		if (what <= 1) {
			if (plen > 32)
				want = -EINVAL;
			else if (idx >= 0)
				want = flags == BPF_NOEXIST ? -EEXIST : 0;
			else if (flags == BPF_EXIST)
				want = -ENOENT;
			else
				want = n == MAX ? -ENOSPC : 0;
			rv = vm_map_update(m, key, &val, flags);
			rk = fd >= 0 ? ldr_map_update(fd, key, &val, flags) : want;
			if (!want && idx >= 0)
				model[idx].val = val;
			else if (!want)
				model[n++] = (struct lpm_model){plen, addr & mask_of(plen), val};
		} else if (what == 2) {
			want = plen > 32 ? -EINVAL : idx >= 0 ? 0 : -ENOENT;
			rv = vm_map_delete(m, key);
			rk = fd >= 0 ? ldr_map_delete(fd, key) : want;
			if (!want)
				model[idx] = model[--n];
		} else {
			hit = lpm_model_match(model, n, addr);
			want = hit ? 0 : -ENOENT;
			rv = vm_map_lookup_copy(m, key, &got);
			ck_assert_msg(rv || (hit && got == hit->val),
				      "op %d: vm value %llu, model %llu", i,
				      (unsigned long long)got,
				      hit ? (unsigned long long)hit->val : 0ull);
			rk = fd >= 0 ? ldr_map_lookup(fd, key, &got) : want;
			ck_assert_msg(rk || (hit && got == hit->val),
				      "op %d: kernel value %llu, model %llu", i,
				      (unsigned long long)got,
				      hit ? (unsigned long long)hit->val : 0ull);
		}
		ck_assert_msg(rv == want && rk == want,
			      "op %d (%u on %u/%u): vm %d kernel %d model %d", i, what, addr, plen,
			      rv, rk, want);
	}
	/* iteration: the kernel's post-order, key for key; vm_map_foreach walks the same way */
	{
		uint64_t vk[MAX + 1], kk[MAX + 1], fe[MAX + 1], *fp = fe;
		int nv = 0, nk = 0;

		for (err = vm_map_get_next_key(m, NULL, &vk[0]); !err && nv < MAX;
		     err = vm_map_get_next_key(m, &vk[nv - 1], &vk[nv]))
			nv++;
		ck_assert_int_eq(nv, n);
		ck_assert_int_eq(vm_map_foreach(m, collect_keys, &fp), 0);
		ck_assert_int_eq(fp - fe, n);
		ck_assert(!memcmp(vk, fe, (size_t)n * 8));
		if (fd >= 0) {
			for (err = ldr_map_get_next_key(fd, NULL, &kk[0]); !err && nk < MAX;
			     err = ldr_map_get_next_key(fd, &kk[nk - 1], &kk[nk]))
				nk++;
			ck_assert_int_eq(nk, n);
			for (int i = 0; i < n; i++)
				ck_assert_msg(vk[i] == kk[i], "key %d of the walk differs", i);
		}
	}
	if (fd >= 0)
		close(fd);
	vm_map_free(m);
}
END_TEST

START_TEST(hash_values_stay_in_the_arena_and_in_place_while_present)
{
	struct vm_map *m;
	uint64_t v[2] = {1, 0}, *p, *q; /* room for the 12-byte value */
	uint32_t k = 42, k2 = 43;
	void *base;
	size_t len;
	int err;

	m = vm_create(BPF_MAP_TYPE_HASH, 4, 12, 8, 0, &err);
	ck_assert_ptr_nonnull(m);
	vm_map_arena(m, &base, &len);
	ck_assert_uint_eq(m->value_stride, 16); /* 12 rounded up to 8 */
	ck_assert_uint_eq(len, 8 * 16);
	ck_assert_int_eq(vm_map_update(m, &k, v, BPF_ANY), 0);
	p = vm_map_lookup(m, &k);
	ck_assert_ptr_nonnull(p);
	ck_assert((uint8_t *)p >= (uint8_t *)base && (uint8_t *)p + 12 <= (uint8_t *)base + len);
	ck_assert_int_eq(vm_map_value_slot(m, p), 0);
	v[0] = 2;
	ck_assert_int_eq(vm_map_update(m, &k, v, BPF_EXIST), 0);
	ck_assert_ptr_eq(vm_map_lookup(m, &k), p);
	ck_assert_uint_eq(*p, 2);
	/* a program writes through the pointer: the map sees it */
	*p = 3;
	ck_assert_int_eq(vm_map_lookup_copy(m, &k, v), 0);
	ck_assert_uint_eq(v[0], 3);
	ck_assert_int_eq(vm_map_update(m, &k2, v, BPF_ANY), 0);
	q = vm_map_lookup(m, &k2);
	ck_assert_int_eq(vm_map_value_slot(m, q), 1);
	ck_assert_int_eq(vm_map_value_slot(m, (uint8_t *)base + len), -1);
	vm_map_free(m);
}
END_TEST

/* ---- LRU ---- */

/* Insert 4 * max keys: every insert succeeds, the key is there at once, never more than max. */
static void lru_fill(struct vm_map *m, int fd, uint32_t max)
{
	for (uint32_t k = 1; k <= 4 * max; k++) {
		uint64_t v = k * 3ull, got = 0;
		uint32_t keys[64];

		if (m) {
			ck_assert_int_eq(vm_map_update(m, &k, &v, BPF_ANY), 0);
			ck_assert_int_eq(vm_map_lookup_copy(m, &k, &got), 0);
			ck_assert_uint_le(vm_map_count(m), max);
		} else {
			ck_assert_int_eq(ldr_map_update(fd, &k, &v, BPF_ANY), 0);
			ck_assert_int_eq(ldr_map_lookup(fd, &k, &got), 0);
		}
		ck_assert_uint_eq(got, v);
		ck_assert_int_le(walk_keys(m, fd, keys, 64), (int)max);
	}
}

START_TEST(lru_hash_evicts_instead_of_failing_when_full)
{
	enum { MAX = 32 };
	struct vm_map *m;
	int err, fd;

	m = vm_create(BPF_MAP_TYPE_LRU_HASH, 4, 8, MAX, 0, &err);
	ck_assert_ptr_nonnull(m);
	lru_fill(m, -1, MAX);
	ck_assert_uint_eq(vm_map_count(m), MAX); /* ours evicts only when full */
	vm_map_free(m);
	if (!have_kernel)
		return;
	ck_assert_int_ge(fd = kernel_create(BPF_MAP_TYPE_LRU_HASH, 4, 8, MAX, 0), 0);
	lru_fill(NULL, fd, MAX);
	close(fd);
}
END_TEST

START_TEST(lru_hash_evicts_the_least_recently_used_key)
{
	struct vm_map *m;
	uint64_t v = 0;
	int err;

	m = vm_create(BPF_MAP_TYPE_LRU_HASH, 4, 8, 4, 0, &err);
	ck_assert_ptr_nonnull(m);
	for (uint32_t k = 1; k <= 4; k++)
		ck_assert_int_eq(vm_map_update(m, &k, &v, BPF_NOEXIST), 0);
	/* a program's lookup of 1 and an update of 2 make 3 the oldest */
	ck_assert_ptr_nonnull(vm_map_lookup(m, &(uint32_t){1}));
	ck_assert_int_eq(vm_map_update(m, &(uint32_t){2}, &v, BPF_EXIST), 0);
	ck_assert_int_eq(vm_map_update(m, &(uint32_t){5}, &v, BPF_NOEXIST), 0);
	ck_assert_ptr_null(vm_map_lookup(m, &(uint32_t){3}));
	/* user-space lookups do not refresh (as the kernel's syscall lookup): 4 goes next */
	ck_assert_int_eq(vm_map_lookup_copy(m, &(uint32_t){4}, &v), 0);
	ck_assert_int_eq(vm_map_update(m, &(uint32_t){6}, &v, BPF_ANY), 0);
	ck_assert_ptr_null(vm_map_lookup(m, &(uint32_t){4}));
	for (uint32_t k = 1; k <= 6; k++)
		if (k != 3 && k != 4)
			ck_assert_msg(vm_map_lookup(m, &k), "key %u was evicted", k);
	vm_map_free(m);
}
END_TEST

/* ---- ring buffer ---- */

/*
 * An XDP program that copies the first (byte 0 & 63) bytes of its 64-byte packet to the ring
 * with bpf_ringbuf_output and returns what the helper returned. XDP may not pass packet
 * pointers to helpers, so the packet is copied to the stack first:
 *
 *   r2 = *(u32 *)(r1 + 0); r3 = *(u32 *)(r1 + 4); r4 = r2; r4 += 64
 *   if r4 > r3 goto out
 *   r5 = *(u64 *)(r2 + 8i); *(u64 *)(r10 - 64 + 8i) = r5      for i = 0..7
 *   r3 = *(u8 *)(r2 + 0); r3 &= 63; r2 = r10; r2 += -64
 *   r1 = ringbuf ll; r4 = 0; call bpf_ringbuf_output; exit
 *   out: r0 = 1000; exit
 */
static int ring_prog_load(int map_fd)
{
	struct isa_raw insns[32];
	int n = 0;

	insns[n++] = (struct isa_raw){0x61, 2, 1, 0, 0};
	insns[n++] = (struct isa_raw){0x61, 3, 1, 4, 0};
	insns[n++] = (struct isa_raw){0xbf, 4, 2, 0, 0};
	insns[n++] = (struct isa_raw){0x07, 4, 0, 0, 64};
	insns[n++] = (struct isa_raw){0x2d, 4, 3, 25, 0}; /* to out */
	for (int i = 0; i < 8; i++) {
		insns[n++] = (struct isa_raw){0x79, 5, 2, (int16_t)(8 * i), 0};
		insns[n++] = (struct isa_raw){0x7b, 10, 5, (int16_t)(-64 + 8 * i), 0};
	}
	insns[n++] = (struct isa_raw){0x71, 3, 2, 0, 0};
	insns[n++] = (struct isa_raw){0x57, 3, 0, 0, 63};
	insns[n++] = (struct isa_raw){0xbf, 2, 10, 0, 0};
	insns[n++] = (struct isa_raw){0x07, 2, 0, 0, -64};
	insns[n++] = (struct isa_raw){0x18, 1, ISA_PSEUDO_MAP_FD, 0, map_fd};
	insns[n++] = (struct isa_raw){0, 0, 0, 0, 0};
	insns[n++] = (struct isa_raw){0xb7, 4, 0, 0, 0};
	insns[n++] = (struct isa_raw){0x85, 0, 0, 0, 130};
	insns[n++] = (struct isa_raw){0x95, 0, 0, 0, 0};
	insns[n++] = (struct isa_raw){0xb7, 0, 0, 0, 1000}; /* out: 30 */
	insns[n++] = (struct isa_raw){0x95, 0, 0, 0, 0};
	struct ldr_prog_attr a = {.name = "ring_out",
				  .type = BPF_PROG_TYPE_XDP,
				  .insns = insns,
				  .ninsns = (size_t)n,
				  .license = "GPL"};

	char *log = NULL;
	size_t len;
	int fd = ldr_prog_load(&a, &log, &len);

	if (fd < 0 && log)
		fprintf(stderr, "ring program: %s\n", log);
	free(log);
	return fd;
}

/* The kernel ring's consumer: records ready since the last call, as libbpf reads them. */
struct kring {
	uint64_t *cons;
	const uint8_t *prod_page; /* producer position, then the data pages twice */
	uint32_t size;
};

static int kring_read(struct kring *k, uint8_t (*recs)[64], uint32_t *lens, int max)
{
	uint64_t cons = *k->cons,
		 prod = __atomic_load_n((uint64_t *)k->prod_page, __ATOMIC_ACQUIRE);
	const uint8_t *data = k->prod_page + 4096;
	int n = 0;

	while (cons < prod && n < max) {
		uint32_t len;

		memcpy(&len, data + (cons & (k->size - 1)), 4);
		if (len & (1u << 31))
			break;
		if (!(len & (1u << 30))) {
			memcpy(recs[n], data + (cons & (k->size - 1)) + 8, len);
			lens[n++] = len;
		}
		cons += ((len & ~(3u << 30)) + 8 + 7) & ~7ull;
	}
	__atomic_store_n(k->cons, cons, __ATOMIC_RELEASE);
	return n;
}

/* One step: output @times records of @len bytes (a pattern) each expecting @ret, or, with
 * len < 0, consume and expect @ret records. The ring is 4096 bytes; a record takes 8 bytes
 * of header plus its length, rounded up to 8; the producer may run 4095 bytes ahead. */
static const struct ring_step {
	int len, times, ret;
} ring_steps[] = {
	/* clang-format off */
	{63, 1, 0}, {0, 1, 0}, {8, 1, 0},
	{-1, 0, 3},
	{63, 56, 0},		/* 56 * 72 = 4032 bytes */
	{63, 1, -EAGAIN},	/* 63 bytes left */
	{1, 3, 0},		/* 16 bytes each */
	{1, 1, -EAGAIN},
	{-1, 0, 59},
	{40, 1, 0}, {63, 1, 0}, {17, 1, 0}, /* these straddle the ring's end */
	{-1, 0, 3},
	/* clang-format on */
};

START_TEST(ringbuf_outputs_fill_and_drain_as_the_kernels)
{
	struct obj_map def = {
		.name = "rb", .type = BPF_MAP_TYPE_RINGBUF, .max_entries = 4096, .data_sec = -1};
	static uint8_t krecs[64][64];
	uint32_t klens[64];
	struct kring k = {.size = 4096};
	struct vm_map *m = NULL;
	int fd = -1, pfd = -1;
	void *cons_map = MAP_FAILED, *prod_map = MAP_FAILED;
	unsigned seq = 0;

	ck_assert_int_eq(vm_map_create(&def, &m, NULL), 0);
	if (have_kernel) {
		ck_assert_int_ge(fd = kernel_create(BPF_MAP_TYPE_RINGBUF, 0, 0, 4096, 0), 0);
		pfd = ring_prog_load(fd);
		ck_assert_msg(pfd >= 0, "ring program load: %s", strerror(-pfd));
		cons_map = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		prod_map = mmap(NULL, 4096 + 2 * 4096, PROT_READ, MAP_SHARED, fd, 4096);
		ck_assert(cons_map != MAP_FAILED && prod_map != MAP_FAILED);
		k.cons = cons_map;
		k.prod_page = prod_map;
	}
	for (size_t i = 0; i < sizeof(ring_steps) / sizeof(ring_steps[0]); i++) {
		const struct ring_step *s = &ring_steps[i];
		uint8_t pkt[64];
		int ret;

		if (s->len < 0) {
			const struct vm_map_record *recs;
			int n = vm_map_ringbuf_collect(m);
			size_t nrec = vm_map_records(m, &recs);

			ck_assert_msg(n == s->ret, "step %zu: collected %d, table says %d", i, n,
				      s->ret);
			ck_assert_uint_eq(nrec, (size_t)n);
			if (fd >= 0) {
				int kn = kring_read(&k, krecs, klens, 64);

				ck_assert_msg(kn == s->ret, "step %zu: kernel has %d records", i,
					      kn);
				for (int r = 0; r < kn; r++) {
					ck_assert_uint_eq(recs[r].len, klens[r]);
					ck_assert(!memcmp(recs[r].data, krecs[r], klens[r]));
				}
			}
			vm_map_records_clear(m);
			continue;
		}
		for (int rep = 0; rep < s->times; rep++) {
			for (int b = 0; b < 64; b++)
				pkt[b] = (uint8_t)(seq * 31 + b);
			pkt[0] = (uint8_t)s->len;
			seq++;
			ret = vm_map_ringbuf_output(m, pkt, (uint64_t)s->len, 0);
			ck_assert_msg(ret == s->ret,
				      "step %zu.%d: output returns %d, table says %d", i, rep, ret,
				      s->ret);
			if (pfd >= 0) {
				struct ldr_test_run t = {.data_in = pkt,
							 .data_size_in = sizeof(pkt)};

				ck_assert_int_eq(ldr_prog_test_run(pfd, &t), 0);
				ck_assert_msg((int32_t)t.retval == s->ret,
					      "step %zu.%d: the kernel's helper returns %d, table "
					      "says %d",
					      i, rep, (int32_t)t.retval, s->ret);
			}
		}
	}
	ck_assert_uint_eq(vm_map_ringbuf_query(m, BPF_RB_RING_SIZE), 4096);
	ck_assert_uint_eq(vm_map_ringbuf_query(m, BPF_RB_AVAIL_DATA), 0);
	if (fd >= 0) {
		munmap(cons_map, 4096);
		munmap(prod_map, 3 * 4096);
		close(pfd);
		close(fd);
	}
	vm_map_free(m);
}
END_TEST

START_TEST(ringbuf_consumer_sees_reservation_order_and_stops_at_a_busy_record)
{
	struct obj_map def = {
		.name = "rb", .type = BPF_MAP_TYPE_RINGBUF, .max_entries = 4096, .data_sec = -1};
	const struct vm_map_record *recs;
	struct vm_map *m = NULL;
	uint8_t *a, *b, *c;

	ck_assert_int_eq(vm_map_create(&def, &m, NULL), 0);
	ck_assert_ptr_null(vm_map_ringbuf_reserve(m, 8, 1));	    /* flags must be 0 */
	ck_assert_ptr_null(vm_map_ringbuf_reserve(m, 4096 - 8, 0)); /* 8 + size > 4095 */
	a = vm_map_ringbuf_reserve(m, 4, 0);
	b = vm_map_ringbuf_reserve(m, 4, 0);
	c = vm_map_ringbuf_reserve(m, 4, 0);
	ck_assert(a && b && c && b == a + 16 && c == b + 16);
	memcpy(a, "AAAA", 4);
	memcpy(b, "BBBB", 4);
	memcpy(c, "CCCC", 4);
	ck_assert_int_eq(vm_map_ringbuf_submit(m, c, 0), 0);
	ck_assert_int_eq(vm_map_ringbuf_discard(m, b, 0), 0);
	ck_assert_int_eq(vm_map_ringbuf_submit(m, b, 0), -EINVAL); /* already committed */
	ck_assert_int_eq(vm_map_ringbuf_submit(m, a + 1, 0), -EINVAL);
	ck_assert_int_eq(vm_map_ringbuf_collect(m), 0); /* a is still reserved */
	ck_assert_int_eq(vm_map_ringbuf_submit(m, a, 0), 0);
	ck_assert_int_eq(vm_map_ringbuf_collect(m), 2);
	ck_assert_uint_eq(vm_map_records(m, &recs), 2);
	ck_assert(recs[0].len == 4 && !memcmp(recs[0].data, "AAAA", 4));
	ck_assert(recs[1].len == 4 && !memcmp(recs[1].data, "CCCC", 4));
	ck_assert_int_eq(vm_map_ringbuf_output(m, "x", 1, 4), -EINVAL);
	vm_map_free(m);
}
END_TEST

/* ---- perf event array, prog array, global data ---- */

START_TEST(perf_event_output_records_each_call_with_its_cpu_index)
{
	struct obj_map def = {.name = "events",
			      .type = BPF_MAP_TYPE_PERF_EVENT_ARRAY,
			      .key_size = 4,
			      .value_size = 4,
			      .max_entries = 4,
			      .data_sec = -1};
	const struct vm_map_record *recs;
	struct vm_map *m = NULL;

	ck_assert_int_eq(vm_map_create(&def, &m, NULL), 0);
	ck_assert_int_eq(vm_map_perf_output(m, BPF_F_CURRENT_CPU, "one", 3), 0);
	ck_assert_int_eq(vm_map_perf_output(m, 2, "two!", 4), 0);
	ck_assert_int_eq(vm_map_perf_output(m, 4, "x", 1), -E2BIG);
	ck_assert_int_eq(vm_map_perf_output(m, 1ull << 32, "x", 1), -EINVAL);
	ck_assert_uint_eq(vm_map_records(m, &recs), 2);
	ck_assert(recs[0].cpu == 0 && recs[0].len == 3 && !memcmp(recs[0].data, "one", 3));
	ck_assert(recs[1].cpu == 2 && recs[1].len == 4 && !memcmp(recs[1].data, "two!", 4));
	vm_map_records_clear(m);
	ck_assert_uint_eq(vm_map_records(m, &recs), 0);
	ck_assert_ptr_null(vm_map_lookup(m, &(uint32_t){0}));
	vm_map_free(m);
}
END_TEST

START_TEST(prog_array_holds_program_indexes_for_tail_calls)
{
	struct obj_map def = {.name = "jmp",
			      .type = BPF_MAP_TYPE_PROG_ARRAY,
			      .key_size = 4,
			      .value_size = 4,
			      .max_entries = 4,
			      .data_sec = -1};
	struct vm_map *m = NULL;
	uint32_t idx = 2, prog = 0;

	ck_assert_int_eq(vm_map_create(&def, &m, NULL), 0);
	ck_assert_int_eq(vm_map_prog_get(m, 2), -ENOENT);
	ck_assert_int_eq(vm_map_update(m, &idx, &prog, BPF_ANY), 0);
	ck_assert_int_eq(vm_map_prog_get(m, 2), 0); /* program 0 is a program */
	ck_assert_int_eq(vm_map_update(m, &idx, &prog, BPF_NOEXIST), -EINVAL);
	ck_assert_int_eq(vm_map_update(m, &(uint32_t){4}, &prog, BPF_ANY), -E2BIG);
	ck_assert_ptr_null(vm_map_lookup(m, &idx)); /* programs tail-call, never look up */
	ck_assert_int_eq(vm_map_prog_get(m, 99), -ENOENT);
	ck_assert_int_eq(vm_map_delete(m, &idx), 0);
	ck_assert_int_eq(vm_map_delete(m, &idx), -ENOENT);
	ck_assert_int_eq(vm_map_prog_get(m, 2), -ENOENT);
	vm_map_free(m);
}
END_TEST

static int count_entry(const void *key, void *value, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

START_TEST(global_data_is_a_one_entry_array_with_a_large_value)
{
	struct obj_map def = {.name = ".data",
			      .type = BPF_MAP_TYPE_ARRAY,
			      .key_size = 4,
			      .value_size = 12345,
			      .max_entries = 1,
			      .data_sec = 3};
	static uint8_t data[12345];
	struct vm_map *m = NULL;
	uint8_t *v;
	int n = 0;

	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)i;
	ck_assert_int_eq(vm_map_create(&def, &m, NULL), 0);
	ck_assert_int_eq(m->data_sec, 3);
	ck_assert_int_eq(vm_map_update(m, &(uint32_t){0}, data, BPF_ANY), 0);
	v = vm_map_lookup(m, &(uint32_t){0});
	ck_assert_ptr_eq(v, m->arena);
	ck_assert(!memcmp(v, data, sizeof(data)));
	ck_assert_int_eq(vm_map_foreach(m, count_entry, &n), 0);
	ck_assert_int_eq(n, 1);
	vm_map_free(m);
}
END_TEST

/* ---- the suite ---- */

static void kernel_probe(void)
{
	char eb[160], buf[64] = "";
	FILE *f;
	int fd, lo, hi;

	if (geteuid() != 0) {
		snprintf(kernel_why, sizeof(kernel_why), "not root");
		return;
	}
	fd = kernel_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0);
	if (fd < 0) {
		snprintf(kernel_why, sizeof(kernel_why), "BPF_MAP_CREATE: %s",
			 ldr_errno_format(fd, eb, sizeof(eb)));
		return;
	}
	close(fd);
	have_kernel = 1;
	/* the kernel's per-CPU values come one per possible CPU: "0-3" or "0" */
	f = fopen("/sys/devices/system/cpu/possible", "r");
	if (f && fgets(buf, sizeof(buf), f)) {
		if (sscanf(buf, "%d-%d", &lo, &hi) == 2)
			ncpus = hi + 1;
		else if (sscanf(buf, "%d", &lo) == 1)
			ncpus = lo + 1;
	}
	if (f)
		fclose(f);
	if (ncpus > 256) /* run_op's buffers */
		ncpus = 256;
}

static Suite *maps_suite(void)
{
	Suite *s = suite_create("maps");
	TCase *tc = tcase_create("maps");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, map_operations_match_the_table_and_the_kernel, 0, NCASES);
	tcase_add_loop_test(tc, creation_checks_parameters_with_the_kernels_errno, 0, NCREATES);
	tcase_add_test(tc, maps_of_maps_are_refused_with_a_reason);
	tcase_add_test(tc, hash_agrees_with_the_kernel_over_random_operations);
	tcase_add_test(tc, lpm_trie_agrees_with_the_kernel_over_random_operations);
	tcase_add_test(tc, hash_values_stay_in_the_arena_and_in_place_while_present);
	tcase_add_test(tc, lru_hash_evicts_instead_of_failing_when_full);
	tcase_add_test(tc, lru_hash_evicts_the_least_recently_used_key);
	tcase_add_test(tc, ringbuf_outputs_fill_and_drain_as_the_kernels);
	tcase_add_test(tc, ringbuf_consumer_sees_reservation_order_and_stops_at_a_busy_record);
	tcase_add_test(tc, perf_event_output_records_each_call_with_its_cpu_index);
	tcase_add_test(tc, prog_array_holds_program_indexes_for_tail_calls);
	tcase_add_test(tc, global_data_is_a_one_entry_array_with_a_large_value);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr;
	int failed;

	kernel_probe();
	sr = srunner_create(maps_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	if (failed)
		return EXIT_FAILURE;
	/* the tables held, but nobody asked the kernel */
	if (!have_kernel)
		tu_skip(1, "check_maps compares with kernel maps: %s (userspace side passed)",
			kernel_why);
	return EXIT_SUCCESS;
}
