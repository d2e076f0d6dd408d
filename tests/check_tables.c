/* SPDX-License-Identifier: MIT */
/*
 * check_tables.c - the data tables of isa/ (helpers.def, maptypes.def, progtypes.def) held
 * against the kernel's uapi header and libbpf's rules, and the lookups over them.
 *
 * Oracles: <linux/bpf.h> as installed (its helper list is expanded at compile time, so a
 * helper the header knows and the table lacks, or numbers differently, does not compile);
 * BPF_MAP_TYPE_* / BPF_PROG_TYPE_* / BPF_* attach constants; for values newer than the oldest
 * header we build with (linux-libc-dev 6.1), the numbers a 6.18 kernel's BTF gives, spelt out
 * below. Prototypes and section cases are written here from the kernel's bpf_func_proto and
 * libbpf's section_defs, not derived from the tables they test.
 */
#define _GNU_SOURCE
#include <check.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isa/isa.h"

/* Kernel values newer than linux-libc-dev 6.1's <linux/bpf.h> (from a 6.18 kernel's BTF). */
enum {
	UAPI_MAP_TYPE_CGRP_STORAGE = 32,
	UAPI_MAP_TYPE_ARENA = 33,
	UAPI_PROG_TYPE_NETFILTER = 32,
	UAPI_STRUCT_OPS = 44,
	UAPI_NETFILTER = 45,
	UAPI_TCX_INGRESS = 46,
	UAPI_TCX_EGRESS = 47,
	UAPI_TRACE_UPROBE_MULTI = 48,
	UAPI_CGROUP_UNIX_CONNECT = 49,
	UAPI_NETKIT_PRIMARY = 54,
	UAPI_NETKIT_PEER = 55,
	UAPI_TRACE_KPROBE_SESSION = 56,
	UAPI_TRACE_UPROBE_SESSION = 57,
	UAPI_FUNC_CGRP_STORAGE_GET = 210,
	UAPI_FUNC_CGRP_STORAGE_DELETE = 211,
};

/* ---- helpers against the uapi header ---- */

/* Our ids by name (ROW_map_lookup_elem == 1); unspec is id 0, which no row holds. */
enum {
	ROW_unspec = 0,
#define ISA_HELPER(id, name, ret, a1, a2, a3, a4, a5, gpl) ROW_##name = (id),
#include "isa/helpers.def"
#undef ISA_HELPER
};

/*
 * Every FN(name) of the header's helper list: a name helpers.def lacks is an undeclared
 * ROW_name, an id it numbers differently a negative array size. Either stops the build.
 */
#define UAPI_CHECK(name)                                                                           \
	UAPI_AGREES_##name = sizeof(char[(int)BPF_FUNC_##name == (int)ROW_##name ? 1 : -1])
enum { __BPF_FUNC_MAPPER(UAPI_CHECK) };
#undef UAPI_CHECK

/* The header's names by id, to test the lookups (not only the rows) against it. */
#define UAPI_NAME(name) "bpf_" #name
static const char *const uapi_helper_names[] = {__BPF_FUNC_MAPPER(UAPI_NAME)};
#undef UAPI_NAME
#define UAPI_HELPERS ((int)(sizeof(uapi_helper_names) / sizeof(uapi_helper_names[0])))

START_TEST(every_uapi_helper_is_found_by_id_and_by_both_names)
{
	int id = _i;
	const char *name = uapi_helper_names[id];
	const struct isa_helper *h = isa_helper_by_id(id);

	ck_assert_msg(h != NULL, "id %d (%s) unknown", id, name);
	ck_assert_int_eq(h->id, id);
	ck_assert_str_eq(h->name, name);
	ck_assert_ptr_eq(isa_helper_by_name(name), h);
	ck_assert_ptr_eq(isa_helper_by_name(name + strlen("bpf_")), h);
}
END_TEST

START_TEST(every_row_round_trips_by_position_id_and_name)
{
	const struct isa_helper *h = isa_helper_at((size_t)_i);

	ck_assert_ptr_nonnull(h);
	ck_assert_int_eq(h->id, _i + 1);
	ck_assert_ptr_eq(isa_helper_by_id(h->id), h);
	ck_assert_ptr_eq(isa_helper_by_name(h->name), h);
	ck_assert_int_eq(strncmp(h->name, "bpf_", 4), 0);
	ck_assert_int_ge(h->ret, ISA_ARG_RET_INTEGER);
	for (int a = 0; a < 5; a++)
		ck_assert_int_lt(h->args[a], ISA_ARG_RET_INTEGER);
	/* DONTCARE only trails: a prototype has no holes */
	for (int a = 1; a < 5; a++)
		if (h->args[a - 1] == ISA_ARG_DONTCARE)
			ck_assert_int_eq(h->args[a], ISA_ARG_DONTCARE);
}
END_TEST

START_TEST(the_table_ends_with_the_last_helper_the_kernel_added)
{
	/* cgrp_storage_delete (Linux 6.2) is the last helper; later additions are kfuncs */
	ck_assert_int_eq(isa_helper_count(), UAPI_FUNC_CGRP_STORAGE_DELETE);
	ck_assert_int_ge((int)isa_helper_count(), UAPI_HELPERS - 1);
	ck_assert_int_eq(isa_helper_by_name("cgrp_storage_get")->id, UAPI_FUNC_CGRP_STORAGE_GET);
	ck_assert_int_eq(isa_helper_by_name("bpf_cgrp_storage_delete")->id,
			 UAPI_FUNC_CGRP_STORAGE_DELETE);
	ck_assert_ptr_null(isa_helper_at(isa_helper_count()));
}
END_TEST

static const int bad_helper_ids[] = {0, -1, UAPI_FUNC_CGRP_STORAGE_DELETE + 1, 1 << 20};
static const char *const bad_helper_names[] = {
	"",
	"bpf_",
	"unspec",
	"bpf_unspec",
	"map_lookup",
	"bpf_map_lookup_elem_",
	"BPF_MAP_LOOKUP_ELEM",
	"bpf_bpf_map_lookup_elem",
	" map_lookup_elem",
};

START_TEST(unknown_helper_ids_and_names_find_nothing)
{
	for (size_t i = 0; i < sizeof(bad_helper_ids) / sizeof(bad_helper_ids[0]); i++)
		ck_assert_ptr_null(isa_helper_by_id(bad_helper_ids[i]));
	for (size_t i = 0; i < sizeof(bad_helper_names) / sizeof(bad_helper_names[0]); i++)
		ck_assert_msg(isa_helper_by_name(bad_helper_names[i]) == NULL, "'%s' was found",
			      bad_helper_names[i]);
	ck_assert_ptr_null(isa_helper_by_name(NULL));
}
END_TEST

/* ---- prototypes, from the kernel's bpf_func_proto ---- */

#define A(k) ISA_ARG_##k
struct proto_case {
	const char *name;
	int ret;
	int args[5];
	int gpl_only;
};

static const struct proto_case protos[] = {
	{"map_lookup_elem",
	 A(RET_PTR_TO_MAP_VALUE_OR_NULL),
	 {A(CONST_MAP_PTR), A(PTR_TO_MAP_KEY)},
	 0},
	{"map_update_elem",
	 A(RET_INTEGER),
	 {A(CONST_MAP_PTR), A(PTR_TO_MAP_KEY), A(PTR_TO_MAP_VALUE), A(ANYTHING)},
	 0},
	{"map_delete_elem", A(RET_INTEGER), {A(CONST_MAP_PTR), A(PTR_TO_MAP_KEY)}, 0},
	{"map_push_elem", A(RET_INTEGER), {A(CONST_MAP_PTR), A(PTR_TO_MAP_VALUE), A(ANYTHING)}, 0},
	{"map_pop_elem", A(RET_INTEGER), {A(CONST_MAP_PTR), A(PTR_TO_UNINIT_MAP_VALUE)}, 0},
	{"map_peek_elem", A(RET_INTEGER), {A(CONST_MAP_PTR), A(PTR_TO_UNINIT_MAP_VALUE)}, 0},
	{"probe_read",
	 A(RET_INTEGER),
	 {A(PTR_TO_UNINIT_MEM), A(CONST_SIZE_OR_ZERO), A(ANYTHING)},
	 1},
	{"probe_read_str",
	 A(RET_INTEGER),
	 {A(PTR_TO_UNINIT_MEM), A(CONST_SIZE_OR_ZERO), A(ANYTHING)},
	 1},
	{"probe_read_user",
	 A(RET_INTEGER),
	 {A(PTR_TO_UNINIT_MEM), A(CONST_SIZE_OR_ZERO), A(ANYTHING)},
	 1},
	{"probe_read_kernel",
	 A(RET_INTEGER),
	 {A(PTR_TO_UNINIT_MEM), A(CONST_SIZE_OR_ZERO), A(ANYTHING)},
	 1},
	{"probe_read_user_str",
	 A(RET_INTEGER),
	 {A(PTR_TO_UNINIT_MEM), A(CONST_SIZE_OR_ZERO), A(ANYTHING)},
	 1},
	{"probe_read_kernel_str",
	 A(RET_INTEGER),
	 {A(PTR_TO_UNINIT_MEM), A(CONST_SIZE_OR_ZERO), A(ANYTHING)},
	 1},
	{"ktime_get_ns", A(RET_INTEGER), {0}, 0},
	/* the kernel checks only the format and its size; r3..r5 go unchecked */
	{"trace_printk", A(RET_INTEGER), {A(PTR_TO_MEM), A(CONST_SIZE)}, 1},
	{"get_prandom_u32", A(RET_INTEGER), {0}, 0},
	{"get_smp_processor_id", A(RET_INTEGER), {0}, 0},
	{"skb_store_bytes",
	 A(RET_INTEGER),
	 {A(PTR_TO_CTX), A(ANYTHING), A(PTR_TO_MEM), A(CONST_SIZE), A(ANYTHING)},
	 0},
	{"l3_csum_replace",
	 A(RET_INTEGER),
	 {A(PTR_TO_CTX), A(ANYTHING), A(ANYTHING), A(ANYTHING), A(ANYTHING)},
	 0},
	{"l4_csum_replace",
	 A(RET_INTEGER),
	 {A(PTR_TO_CTX), A(ANYTHING), A(ANYTHING), A(ANYTHING), A(ANYTHING)},
	 0},
	{"tail_call", A(RET_VOID), {A(PTR_TO_CTX), A(CONST_MAP_PTR), A(ANYTHING)}, 0},
	{"clone_redirect", A(RET_INTEGER), {A(PTR_TO_CTX), A(ANYTHING), A(ANYTHING)}, 0},
	{"get_current_pid_tgid", A(RET_INTEGER), {0}, 0},
	{"get_current_uid_gid", A(RET_INTEGER), {0}, 0},
	{"get_current_comm", A(RET_INTEGER), {A(PTR_TO_UNINIT_MEM), A(CONST_SIZE)}, 0},
	{"redirect", A(RET_INTEGER), {A(ANYTHING), A(ANYTHING)}, 0},
	{"perf_event_output",
	 A(RET_INTEGER),
	 {A(PTR_TO_CTX), A(CONST_MAP_PTR), A(ANYTHING), A(PTR_TO_MEM), A(CONST_SIZE_OR_ZERO)},
	 1},
	{"skb_load_bytes",
	 A(RET_INTEGER),
	 {A(PTR_TO_CTX), A(ANYTHING), A(PTR_TO_UNINIT_MEM), A(CONST_SIZE)},
	 0},
	{"csum_diff",
	 A(RET_INTEGER),
	 {A(PTR_TO_MEM_OR_NULL), A(CONST_SIZE_OR_ZERO), A(PTR_TO_MEM_OR_NULL),
	  A(CONST_SIZE_OR_ZERO), A(ANYTHING)},
	 0},
	{"get_current_task", A(RET_INTEGER), {0}, 1},
	{"xdp_adjust_head", A(RET_INTEGER), {A(PTR_TO_CTX), A(ANYTHING)}, 0},
	{"xdp_adjust_meta", A(RET_INTEGER), {A(PTR_TO_CTX), A(ANYTHING)}, 0},
	{"xdp_adjust_tail", A(RET_INTEGER), {A(PTR_TO_CTX), A(ANYTHING)}, 0},
	{"redirect_map", A(RET_INTEGER), {A(CONST_MAP_PTR), A(ANYTHING), A(ANYTHING)}, 0},
	{"spin_lock", A(RET_VOID), {A(PTR_TO_SPIN_LOCK)}, 0},
	{"spin_unlock", A(RET_VOID), {A(PTR_TO_SPIN_LOCK)}, 0},
	{"ringbuf_output",
	 A(RET_INTEGER),
	 {A(CONST_MAP_PTR), A(PTR_TO_MEM), A(CONST_SIZE_OR_ZERO), A(ANYTHING)},
	 0},
	{"ringbuf_reserve",
	 A(RET_PTR_TO_RINGBUF_MEM_OR_NULL),
	 {A(CONST_MAP_PTR), A(CONST_ALLOC_SIZE_OR_ZERO), A(ANYTHING)},
	 0},
	{"ringbuf_submit", A(RET_VOID), {A(PTR_TO_RINGBUF_MEM), A(ANYTHING)}, 0},
	{"ringbuf_discard", A(RET_VOID), {A(PTR_TO_RINGBUF_MEM), A(ANYTHING)}, 0},
	{"ringbuf_query", A(RET_INTEGER), {A(CONST_MAP_PTR), A(ANYTHING)}, 0},
	{"sk_lookup_tcp",
	 A(RET_PTR_TO_SOCKET_OR_NULL),
	 {A(PTR_TO_CTX), A(PTR_TO_MEM), A(CONST_SIZE_OR_ZERO), A(ANYTHING), A(ANYTHING)},
	 0},
	{"sk_release", A(RET_INTEGER), {A(PTR_TO_BTF_ID_SOCK_COMMON)}, 0},
	{"get_local_storage", A(RET_PTR_TO_MAP_VALUE), {A(CONST_MAP_PTR), A(ANYTHING)}, 0},
	{"loop",
	 A(RET_INTEGER),
	 {A(ANYTHING), A(PTR_TO_FUNC), A(PTR_TO_STACK_OR_NULL), A(ANYTHING)},
	 0},
	{"snprintf",
	 A(RET_INTEGER),
	 {A(PTR_TO_MEM_OR_NULL), A(CONST_SIZE_OR_ZERO), A(PTR_TO_CONST_STR), A(PTR_TO_MEM_OR_NULL),
	  A(CONST_SIZE_OR_ZERO)},
	 1},
	{"strtol", A(RET_INTEGER), {A(PTR_TO_MEM), A(CONST_SIZE), A(ANYTHING), A(PTR_TO_LONG)}, 0},
	{"check_mtu",
	 A(RET_INTEGER),
	 {A(PTR_TO_CTX), A(ANYTHING), A(PTR_TO_INT), A(ANYTHING), A(ANYTHING)},
	 1},
	{"timer_init", A(RET_INTEGER), {A(PTR_TO_TIMER), A(CONST_MAP_PTR), A(ANYTHING)}, 1},
	{"dynptr_from_mem",
	 A(RET_INTEGER),
	 {A(PTR_TO_UNINIT_MEM), A(CONST_SIZE_OR_ZERO), A(ANYTHING), A(PTR_TO_UNINIT_DYNPTR)},
	 0},
	{"dynptr_read",
	 A(RET_INTEGER),
	 {A(PTR_TO_UNINIT_MEM), A(CONST_SIZE_OR_ZERO), A(PTR_TO_DYNPTR), A(ANYTHING), A(ANYTHING)},
	 0},
	{"kptr_xchg", A(RET_PTR_TO_BTF_ID_OR_NULL), {A(PTR_TO_KPTR), A(PTR_TO_BTF_ID_OR_NULL)}, 0},
	{"this_cpu_ptr", A(RET_PTR_TO_MEM_OR_BTF_ID), {A(PTR_TO_PERCPU_BTF_ID)}, 0},
	{"get_current_task_btf", A(RET_PTR_TO_BTF_ID_TRUSTED), {0}, 1},
	{"cgrp_storage_get",
	 A(RET_PTR_TO_MAP_VALUE_OR_NULL),
	 {A(CONST_MAP_PTR), A(PTR_TO_BTF_ID_OR_NULL), A(PTR_TO_MAP_VALUE_OR_NULL), A(ANYTHING)},
	 0},
};
#undef A

START_TEST(helper_prototype_is_the_kernels)
{
	const struct proto_case *c = &protos[_i];
	const struct isa_helper *h = isa_helper_by_name(c->name);

	ck_assert_msg(h != NULL, "%s unknown", c->name);
	ck_assert_msg(h->ret == c->ret, "%s returns kind %d, not %d", c->name, h->ret, c->ret);
	for (int a = 0; a < 5; a++)
		ck_assert_msg(h->args[a] == c->args[a], "%s arg%d is kind %d, not %d", c->name,
			      a + 1, h->args[a], c->args[a]);
	ck_assert_msg(h->gpl_only == c->gpl_only, "%s gpl_only %d", c->name, h->gpl_only);
}
END_TEST

/* ---- map types and program types ---- */

struct id_name {
	int id;
	const char *name;
};

static const struct id_name maptypes[] = {
	{BPF_MAP_TYPE_UNSPEC, "unspec"},
	{BPF_MAP_TYPE_HASH, "hash"},
	{BPF_MAP_TYPE_ARRAY, "array"},
	{BPF_MAP_TYPE_PROG_ARRAY, "prog_array"},
	{BPF_MAP_TYPE_PERF_EVENT_ARRAY, "perf_event_array"},
	{BPF_MAP_TYPE_PERCPU_HASH, "percpu_hash"},
	{BPF_MAP_TYPE_PERCPU_ARRAY, "percpu_array"},
	{BPF_MAP_TYPE_STACK_TRACE, "stack_trace"},
	{BPF_MAP_TYPE_CGROUP_ARRAY, "cgroup_array"},
	{BPF_MAP_TYPE_LRU_HASH, "lru_hash"},
	{BPF_MAP_TYPE_LRU_PERCPU_HASH, "lru_percpu_hash"},
	{BPF_MAP_TYPE_LPM_TRIE, "lpm_trie"},
	{BPF_MAP_TYPE_ARRAY_OF_MAPS, "array_of_maps"},
	{BPF_MAP_TYPE_HASH_OF_MAPS, "hash_of_maps"},
	{BPF_MAP_TYPE_DEVMAP, "devmap"},
	{BPF_MAP_TYPE_SOCKMAP, "sockmap"},
	{BPF_MAP_TYPE_CPUMAP, "cpumap"},
	{BPF_MAP_TYPE_XSKMAP, "xskmap"},
	{BPF_MAP_TYPE_SOCKHASH, "sockhash"},
	{BPF_MAP_TYPE_CGROUP_STORAGE, "cgroup_storage"},
	{BPF_MAP_TYPE_REUSEPORT_SOCKARRAY, "reuseport_sockarray"},
	{BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE, "percpu_cgroup_storage"},
	{BPF_MAP_TYPE_QUEUE, "queue"},
	{BPF_MAP_TYPE_STACK, "stack"},
	{BPF_MAP_TYPE_SK_STORAGE, "sk_storage"},
	{BPF_MAP_TYPE_DEVMAP_HASH, "devmap_hash"},
	{BPF_MAP_TYPE_STRUCT_OPS, "struct_ops"},
	{BPF_MAP_TYPE_RINGBUF, "ringbuf"},
	{BPF_MAP_TYPE_INODE_STORAGE, "inode_storage"},
	{BPF_MAP_TYPE_TASK_STORAGE, "task_storage"},
	{BPF_MAP_TYPE_BLOOM_FILTER, "bloom_filter"},
	{BPF_MAP_TYPE_USER_RINGBUF, "user_ringbuf"},
	{UAPI_MAP_TYPE_CGRP_STORAGE, "cgrp_storage"},
	{UAPI_MAP_TYPE_ARENA, "arena"},
};
#define NMAPTYPES ((int)(sizeof(maptypes) / sizeof(maptypes[0])))

static const struct id_name progtypes[] = {
	{BPF_PROG_TYPE_UNSPEC, "unspec"},
	{BPF_PROG_TYPE_SOCKET_FILTER, "socket_filter"},
	{BPF_PROG_TYPE_KPROBE, "kprobe"},
	{BPF_PROG_TYPE_SCHED_CLS, "sched_cls"},
	{BPF_PROG_TYPE_SCHED_ACT, "sched_act"},
	{BPF_PROG_TYPE_TRACEPOINT, "tracepoint"},
	{BPF_PROG_TYPE_XDP, "xdp"},
	{BPF_PROG_TYPE_PERF_EVENT, "perf_event"},
	{BPF_PROG_TYPE_CGROUP_SKB, "cgroup_skb"},
	{BPF_PROG_TYPE_CGROUP_SOCK, "cgroup_sock"},
	{BPF_PROG_TYPE_LWT_IN, "lwt_in"},
	{BPF_PROG_TYPE_LWT_OUT, "lwt_out"},
	{BPF_PROG_TYPE_LWT_XMIT, "lwt_xmit"},
	{BPF_PROG_TYPE_SOCK_OPS, "sock_ops"},
	{BPF_PROG_TYPE_SK_SKB, "sk_skb"},
	{BPF_PROG_TYPE_CGROUP_DEVICE, "cgroup_device"},
	{BPF_PROG_TYPE_SK_MSG, "sk_msg"},
	{BPF_PROG_TYPE_RAW_TRACEPOINT, "raw_tracepoint"},
	{BPF_PROG_TYPE_CGROUP_SOCK_ADDR, "cgroup_sock_addr"},
	{BPF_PROG_TYPE_LWT_SEG6LOCAL, "lwt_seg6local"},
	{BPF_PROG_TYPE_LIRC_MODE2, "lirc_mode2"},
	{BPF_PROG_TYPE_SK_REUSEPORT, "sk_reuseport"},
	{BPF_PROG_TYPE_FLOW_DISSECTOR, "flow_dissector"},
	{BPF_PROG_TYPE_CGROUP_SYSCTL, "cgroup_sysctl"},
	{BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE, "raw_tracepoint_writable"},
	{BPF_PROG_TYPE_CGROUP_SOCKOPT, "cgroup_sockopt"},
	{BPF_PROG_TYPE_TRACING, "tracing"},
	{BPF_PROG_TYPE_STRUCT_OPS, "struct_ops"},
	{BPF_PROG_TYPE_EXT, "ext"},
	{BPF_PROG_TYPE_LSM, "lsm"},
	{BPF_PROG_TYPE_SK_LOOKUP, "sk_lookup"},
	{BPF_PROG_TYPE_SYSCALL, "syscall"},
	{UAPI_PROG_TYPE_NETFILTER, "netfilter"},
};
#define NPROGTYPES ((int)(sizeof(progtypes) / sizeof(progtypes[0])))

START_TEST(map_type_is_found_by_uapi_id_and_libbpf_name)
{
	const struct isa_maptype *m = isa_maptype_by_id(maptypes[_i].id);

	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(m->id, maptypes[_i].id);
	ck_assert_str_eq(m->name, maptypes[_i].name);
	ck_assert_ptr_eq(isa_maptype_by_name(maptypes[_i].name), m);
}
END_TEST

START_TEST(program_type_is_found_by_uapi_id_and_bpftool_name)
{
	const struct isa_progtype *p = isa_progtype_by_id(progtypes[_i].id);

	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->id, progtypes[_i].id);
	ck_assert_str_eq(p->name, progtypes[_i].name);
	ck_assert_ptr_eq(isa_progtype_by_name(progtypes[_i].name), p);
}
END_TEST

START_TEST(ids_past_the_last_type_and_unknown_names_find_nothing)
{
	/* the lists above are complete, so one past their end is past the kernel's types */
	ck_assert_ptr_null(isa_maptype_by_id(NMAPTYPES));
	ck_assert_ptr_null(isa_maptype_by_id(-1));
	ck_assert_ptr_null(isa_maptype_by_name("BPF_MAP_TYPE_HASH"));
	ck_assert_ptr_null(isa_maptype_by_name("hashmap"));
	ck_assert_ptr_null(isa_maptype_by_name(""));
	ck_assert_ptr_null(isa_maptype_by_name(NULL));
	ck_assert_ptr_null(isa_progtype_by_id(NPROGTYPES));
	ck_assert_ptr_null(isa_progtype_by_id(-1));
	ck_assert_ptr_null(isa_progtype_by_name("classifier"));
	ck_assert_ptr_null(isa_progtype_by_name("XDP"));
	ck_assert_ptr_null(isa_progtype_by_name(NULL));
}
END_TEST

/* ---- attach types (progtypes.def rows; the section definitions name them) ---- */

static const struct id_name attachtypes[] = {
	{BPF_CGROUP_INET_INGRESS, "cgroup_inet_ingress"},
	{BPF_CGROUP_INET_EGRESS, "cgroup_inet_egress"},
	{BPF_CGROUP_INET_SOCK_CREATE, "cgroup_inet_sock_create"},
	{BPF_CGROUP_SOCK_OPS, "cgroup_sock_ops"},
	{BPF_SK_SKB_STREAM_PARSER, "sk_skb_stream_parser"},
	{BPF_SK_SKB_STREAM_VERDICT, "sk_skb_stream_verdict"},
	{BPF_CGROUP_DEVICE, "cgroup_device"},
	{BPF_SK_MSG_VERDICT, "sk_msg_verdict"},
	{BPF_CGROUP_INET4_BIND, "cgroup_inet4_bind"},
	{BPF_CGROUP_INET6_BIND, "cgroup_inet6_bind"},
	{BPF_CGROUP_INET4_CONNECT, "cgroup_inet4_connect"},
	{BPF_CGROUP_INET6_CONNECT, "cgroup_inet6_connect"},
	{BPF_CGROUP_INET4_POST_BIND, "cgroup_inet4_post_bind"},
	{BPF_CGROUP_INET6_POST_BIND, "cgroup_inet6_post_bind"},
	{BPF_CGROUP_UDP4_SENDMSG, "cgroup_udp4_sendmsg"},
	{BPF_CGROUP_UDP6_SENDMSG, "cgroup_udp6_sendmsg"},
	{BPF_LIRC_MODE2, "lirc_mode2"},
	{BPF_FLOW_DISSECTOR, "flow_dissector"},
	{BPF_CGROUP_SYSCTL, "cgroup_sysctl"},
	{BPF_CGROUP_UDP4_RECVMSG, "cgroup_udp4_recvmsg"},
	{BPF_CGROUP_UDP6_RECVMSG, "cgroup_udp6_recvmsg"},
	{BPF_CGROUP_GETSOCKOPT, "cgroup_getsockopt"},
	{BPF_CGROUP_SETSOCKOPT, "cgroup_setsockopt"},
	{BPF_TRACE_RAW_TP, "trace_raw_tp"},
	{BPF_TRACE_FENTRY, "trace_fentry"},
	{BPF_TRACE_FEXIT, "trace_fexit"},
	{BPF_MODIFY_RETURN, "modify_return"},
	{BPF_LSM_MAC, "lsm_mac"},
	{BPF_TRACE_ITER, "trace_iter"},
	{BPF_CGROUP_INET4_GETPEERNAME, "cgroup_inet4_getpeername"},
	{BPF_CGROUP_INET6_GETPEERNAME, "cgroup_inet6_getpeername"},
	{BPF_CGROUP_INET4_GETSOCKNAME, "cgroup_inet4_getsockname"},
	{BPF_CGROUP_INET6_GETSOCKNAME, "cgroup_inet6_getsockname"},
	{BPF_XDP_DEVMAP, "xdp_devmap"},
	{BPF_CGROUP_INET_SOCK_RELEASE, "cgroup_inet_sock_release"},
	{BPF_XDP_CPUMAP, "xdp_cpumap"},
	{BPF_SK_LOOKUP, "sk_lookup"},
	{BPF_XDP, "xdp"},
	{BPF_SK_SKB_VERDICT, "sk_skb_verdict"},
	{BPF_SK_REUSEPORT_SELECT, "sk_reuseport_select"},
	{BPF_SK_REUSEPORT_SELECT_OR_MIGRATE, "sk_reuseport_select_or_migrate"},
	{BPF_PERF_EVENT, "perf_event"},
	{BPF_TRACE_KPROBE_MULTI, "trace_kprobe_multi"},
	{BPF_LSM_CGROUP, "lsm_cgroup"},
	{UAPI_STRUCT_OPS, "struct_ops"},
	{UAPI_NETFILTER, "netfilter"},
	{UAPI_TCX_INGRESS, "tcx_ingress"},
	{UAPI_TCX_EGRESS, "tcx_egress"},
	{UAPI_TRACE_UPROBE_MULTI, "trace_uprobe_multi"},
	{UAPI_CGROUP_UNIX_CONNECT, "cgroup_unix_connect"},
	{UAPI_NETKIT_PRIMARY, "netkit_primary"},
	{UAPI_NETKIT_PEER, "netkit_peer"},
	{UAPI_TRACE_KPROBE_SESSION, "trace_kprobe_session"},
	{UAPI_TRACE_UPROBE_SESSION, "trace_uprobe_session"},
};

static const struct id_name attach_rows[] = {
#define ISA_ATTACHTYPE(id, name) {(id), #name},
#include "isa/progtypes.def"
};

START_TEST(attach_type_rows_carry_the_uapi_values)
{
	const struct id_name *want = &attachtypes[_i];
	size_t n = sizeof(attach_rows) / sizeof(attach_rows[0]);

	/* the header's enum ends here; rows cover it and what newer kernels added */
	ck_assert_int_ge(n, __MAX_BPF_ATTACH_TYPE);
	ck_assert_int_lt(want->id, n);
	ck_assert_int_eq(attach_rows[want->id].id, want->id);
	ck_assert_str_eq(attach_rows[want->id].name, want->name);
}
END_TEST

/* ---- section names, libbpf 1.x rules ---- */

#define NONE (-1)
struct sec_case {
	const char *secname;
	const char *prefix; /* the row that must match; NULL: no row may */
	int prog_type;
	int attach_type;
	unsigned flags;
};

static const struct sec_case secs[] = {
	/* exact names: the suffix forms of libbpf 0.x are gone */
	{"xdp", "xdp", BPF_PROG_TYPE_XDP, BPF_XDP, ISA_SEC_EXACT},
	{.secname = "xdp_foo"},
	{.secname = "xdp/foo"},
	{"xdp.frags", "xdp.frags", BPF_PROG_TYPE_XDP, BPF_XDP, ISA_SEC_EXACT},
	{"xdp/devmap", "xdp/devmap", BPF_PROG_TYPE_XDP, BPF_XDP_DEVMAP, ISA_SEC_EXACT},
	{"xdp.frags/cpumap", "xdp.frags/cpumap", BPF_PROG_TYPE_XDP, BPF_XDP_CPUMAP, ISA_SEC_EXACT},
	{"socket", "socket", BPF_PROG_TYPE_SOCKET_FILTER, NONE, ISA_SEC_EXACT},
	{.secname = "socket/1"},
	{.secname = "socket_filter"},
	{"tc", "tc", BPF_PROG_TYPE_SCHED_CLS, NONE, ISA_SEC_EXACT},
	{"tc/ingress", "tc/ingress", BPF_PROG_TYPE_SCHED_CLS, UAPI_TCX_INGRESS, ISA_SEC_EXACT},
	{.secname = "tc/foo"},
	{"tcx/egress", "tcx/egress", BPF_PROG_TYPE_SCHED_CLS, UAPI_TCX_EGRESS, ISA_SEC_EXACT},
	{"classifier", "classifier", BPF_PROG_TYPE_SCHED_CLS, NONE, ISA_SEC_EXACT},
	{.secname = "classifier/foo"},
	{"action", "action", BPF_PROG_TYPE_SCHED_ACT, NONE, ISA_SEC_EXACT},
	{"netkit/peer", "netkit/peer", BPF_PROG_TYPE_SCHED_CLS, UAPI_NETKIT_PEER, ISA_SEC_EXACT},
	{"perf_event", "perf_event", BPF_PROG_TYPE_PERF_EVENT, NONE, ISA_SEC_EXACT},
	{"lwt_xmit", "lwt_xmit", BPF_PROG_TYPE_LWT_XMIT, NONE, ISA_SEC_EXACT},
	{"sockops", "sockops", BPF_PROG_TYPE_SOCK_OPS, BPF_CGROUP_SOCK_OPS, ISA_SEC_EXACT},
	{"sk_skb", "sk_skb", BPF_PROG_TYPE_SK_SKB, NONE, ISA_SEC_EXACT},
	{"sk_skb/stream_parser", "sk_skb/stream_parser", BPF_PROG_TYPE_SK_SKB,
	 BPF_SK_SKB_STREAM_PARSER, ISA_SEC_EXACT},
	{"sk_skb/verdict", "sk_skb/verdict", BPF_PROG_TYPE_SK_SKB, BPF_SK_SKB_VERDICT,
	 ISA_SEC_EXACT},
	{.secname = "sk_skb/foo"},
	{"sk_msg", "sk_msg", BPF_PROG_TYPE_SK_MSG, BPF_SK_MSG_VERDICT, ISA_SEC_EXACT},
	{"sk_reuseport", "sk_reuseport", BPF_PROG_TYPE_SK_REUSEPORT, BPF_SK_REUSEPORT_SELECT,
	 ISA_SEC_EXACT},
	{"sk_reuseport/migrate", "sk_reuseport/migrate", BPF_PROG_TYPE_SK_REUSEPORT,
	 BPF_SK_REUSEPORT_SELECT_OR_MIGRATE, ISA_SEC_EXACT},
	{"sk_lookup", "sk_lookup", BPF_PROG_TYPE_SK_LOOKUP, BPF_SK_LOOKUP, ISA_SEC_EXACT},
	{"lirc_mode2", "lirc_mode2", BPF_PROG_TYPE_LIRC_MODE2, BPF_LIRC_MODE2, ISA_SEC_EXACT},
	{"flow_dissector", "flow_dissector", BPF_PROG_TYPE_FLOW_DISSECTOR, BPF_FLOW_DISSECTOR,
	 ISA_SEC_EXACT},
	{"syscall", "syscall", BPF_PROG_TYPE_SYSCALL, NONE, ISA_SEC_EXACT},
	{"netfilter", "netfilter", UAPI_PROG_TYPE_NETFILTER, UAPI_NETFILTER, ISA_SEC_EXACT},
	{"cgroup_skb/ingress", "cgroup_skb/ingress", BPF_PROG_TYPE_CGROUP_SKB,
	 BPF_CGROUP_INET_INGRESS, ISA_SEC_EXACT},
	{"cgroup_skb/egress", "cgroup_skb/egress", BPF_PROG_TYPE_CGROUP_SKB, BPF_CGROUP_INET_EGRESS,
	 ISA_SEC_EXACT},
	{"cgroup/skb", "cgroup/skb", BPF_PROG_TYPE_CGROUP_SKB, NONE, ISA_SEC_EXACT},
	{"cgroup/sock", "cgroup/sock", BPF_PROG_TYPE_CGROUP_SOCK, BPF_CGROUP_INET_SOCK_CREATE,
	 ISA_SEC_EXACT},
	{"cgroup/sock_release", "cgroup/sock_release", BPF_PROG_TYPE_CGROUP_SOCK,
	 BPF_CGROUP_INET_SOCK_RELEASE, ISA_SEC_EXACT},
	{"cgroup/connect4", "cgroup/connect4", BPF_PROG_TYPE_CGROUP_SOCK_ADDR,
	 BPF_CGROUP_INET4_CONNECT, ISA_SEC_EXACT},
	{"cgroup/connect_unix", "cgroup/connect_unix", BPF_PROG_TYPE_CGROUP_SOCK_ADDR,
	 UAPI_CGROUP_UNIX_CONNECT, ISA_SEC_EXACT},
	{"cgroup/getsockopt", "cgroup/getsockopt", BPF_PROG_TYPE_CGROUP_SOCKOPT,
	 BPF_CGROUP_GETSOCKOPT, ISA_SEC_EXACT},
	{"cgroup/sysctl", "cgroup/sysctl", BPF_PROG_TYPE_CGROUP_SYSCTL, BPF_CGROUP_SYSCTL,
	 ISA_SEC_EXACT},
	{"cgroup/dev", "cgroup/dev", BPF_PROG_TYPE_CGROUP_DEVICE, BPF_CGROUP_DEVICE, ISA_SEC_EXACT},
	{.secname = "cgroup/connect"},
	/* "type+" rules: the type alone, or type '/' anything */
	{"kprobe/__x64_sys_execve", "kprobe", BPF_PROG_TYPE_KPROBE, NONE, ISA_SEC_ATTACH_ARG},
	{"kprobe", "kprobe", BPF_PROG_TYPE_KPROBE, NONE, ISA_SEC_ATTACH_ARG},
	{.secname = "kprobes/do_exit"},
	{"kretprobe/do_exit", "kretprobe", BPF_PROG_TYPE_KPROBE, NONE, ISA_SEC_ATTACH_ARG},
	{"kprobe.multi/tcp_*", "kprobe.multi", BPF_PROG_TYPE_KPROBE, BPF_TRACE_KPROBE_MULTI,
	 ISA_SEC_ATTACH_ARG},
	{"kprobe.session/x", "kprobe.session", BPF_PROG_TYPE_KPROBE, UAPI_TRACE_KPROBE_SESSION,
	 ISA_SEC_ATTACH_ARG},
	{.secname = "kprobe.multix"},
	{"uprobe//bin/bash:readline", "uprobe", BPF_PROG_TYPE_KPROBE, NONE, ISA_SEC_ATTACH_ARG},
	{"uretprobe.s//lib/libc.so.6:malloc", "uretprobe.s", BPF_PROG_TYPE_KPROBE, NONE,
	 ISA_SEC_ATTACH_ARG},
	{"uprobe.multi//bin/bash:read*", "uprobe.multi", BPF_PROG_TYPE_KPROBE,
	 UAPI_TRACE_UPROBE_MULTI, ISA_SEC_ATTACH_ARG},
	{"uprobe.session", "uprobe.session", BPF_PROG_TYPE_KPROBE, UAPI_TRACE_UPROBE_SESSION,
	 ISA_SEC_ATTACH_ARG},
	{"ksyscall/execve", "ksyscall", BPF_PROG_TYPE_KPROBE, NONE, ISA_SEC_ATTACH_ARG},
	{"usdt/./app:provider:probe", "usdt", BPF_PROG_TYPE_KPROBE, NONE, ISA_SEC_ATTACH_ARG},
	{"tracepoint/syscalls/sys_enter_execve", "tracepoint", BPF_PROG_TYPE_TRACEPOINT, NONE,
	 ISA_SEC_ATTACH_ARG},
	{"tp/x/y", "tp", BPF_PROG_TYPE_TRACEPOINT, NONE, ISA_SEC_ATTACH_ARG},
	{"raw_tracepoint/sys_enter", "raw_tracepoint", BPF_PROG_TYPE_RAW_TRACEPOINT, NONE,
	 ISA_SEC_ATTACH_ARG},
	{"raw_tp/sys_enter", "raw_tp", BPF_PROG_TYPE_RAW_TRACEPOINT, NONE, ISA_SEC_ATTACH_ARG},
	{"raw_tp.w/bpf_test_finish", "raw_tp.w", BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE, NONE,
	 ISA_SEC_ATTACH_ARG},
	{"tp_btf/sched_switch", "tp_btf", BPF_PROG_TYPE_TRACING, BPF_TRACE_RAW_TP,
	 ISA_SEC_ATTACH_ARG},
	{"fentry/do_unlinkat", "fentry", BPF_PROG_TYPE_TRACING, BPF_TRACE_FENTRY,
	 ISA_SEC_ATTACH_ARG},
	{"fexit/do_unlinkat", "fexit", BPF_PROG_TYPE_TRACING, BPF_TRACE_FEXIT, ISA_SEC_ATTACH_ARG},
	{"fmod_ret/x", "fmod_ret", BPF_PROG_TYPE_TRACING, BPF_MODIFY_RETURN, ISA_SEC_ATTACH_ARG},
	{"fentry.s/x", "fentry.s", BPF_PROG_TYPE_TRACING, BPF_TRACE_FENTRY, ISA_SEC_ATTACH_ARG},
	{"freplace/f", "freplace", BPF_PROG_TYPE_EXT, NONE, ISA_SEC_ATTACH_ARG},
	{"lsm/file_open", "lsm", BPF_PROG_TYPE_LSM, BPF_LSM_MAC, ISA_SEC_ATTACH_ARG},
	{"lsm.s/bprm_committed_creds", "lsm.s", BPF_PROG_TYPE_LSM, BPF_LSM_MAC, ISA_SEC_ATTACH_ARG},
	{"lsm_cgroup/socket_bind", "lsm_cgroup", BPF_PROG_TYPE_LSM, BPF_LSM_CGROUP,
	 ISA_SEC_ATTACH_ARG},
	{"iter/task", "iter", BPF_PROG_TYPE_TRACING, BPF_TRACE_ITER, ISA_SEC_ATTACH_ARG},
	{"struct_ops/tcp_init", "struct_ops", BPF_PROG_TYPE_STRUCT_OPS, NONE, 0},
	{"struct_ops.s", "struct_ops.s", BPF_PROG_TYPE_STRUCT_OPS, NONE, 0},
	/* SEC("?name"): the same program, not loaded by default */
	{"?xdp", "xdp", BPF_PROG_TYPE_XDP, BPF_XDP, ISA_SEC_EXACT},
	{"?kprobe/x", "kprobe", BPF_PROG_TYPE_KPROBE, NONE, ISA_SEC_ATTACH_ARG},
	/* not programs */
	{.secname = "nonsense"},
	{.secname = ""},
	{.secname = "?"},
	{.secname = ".text"},
	{.secname = "license"},
	{.secname = ".maps"},
	{.secname = "XDP"},
	{.secname = "/xdp"},
};

START_TEST(section_name_is_typed_as_libbpf_types_it)
{
	const struct sec_case *c = &secs[_i];
	const struct isa_secdef *d = isa_secdef_find(c->secname);

	if (!c->prefix) {
		ck_assert_msg(d == NULL, "'%s' matched '%s'", c->secname, d ? d->prefix : "");
		return;
	}
	ck_assert_msg(d != NULL, "'%s' matched nothing", c->secname);
	ck_assert_str_eq(d->prefix, c->prefix);
	ck_assert_int_eq(d->prog_type, c->prog_type);
	ck_assert_int_eq(d->attach_type, c->attach_type);
	ck_assert_uint_eq(d->flags, c->flags);
}
END_TEST

/* First match wins, so a row that an earlier row shadows could never be chosen. */
START_TEST(every_section_definition_is_reached_by_its_own_name)
{
	const struct isa_secdef *d = isa_secdef_at((size_t)_i);
	char name[128];

	ck_assert_ptr_nonnull(d);
	ck_assert_ptr_eq(isa_secdef_find(d->prefix), d);
	snprintf(name, sizeof(name), "%s/target", d->prefix);
	if (d->flags & ISA_SEC_EXACT) {
		ck_assert_ptr_ne(isa_secdef_find(name), d);
	} else {
		ck_assert_ptr_eq(isa_secdef_find(name), d);
	}
	ck_assert_ptr_nonnull(isa_progtype_by_id(d->prog_type));
	ck_assert_int_ge(d->attach_type, -1);
}
END_TEST

static Suite *tables_suite(void)
{
	Suite *s = suite_create("tables");
	TCase *tc;

	tc = tcase_create("helpers");
	tcase_add_loop_test(tc, every_uapi_helper_is_found_by_id_and_by_both_names, 1,
			    UAPI_HELPERS);
	tcase_add_loop_test(tc, every_row_round_trips_by_position_id_and_name, 0,
			    (int)isa_helper_count());
	tcase_add_test(tc, the_table_ends_with_the_last_helper_the_kernel_added);
	tcase_add_test(tc, unknown_helper_ids_and_names_find_nothing);
	tcase_add_loop_test(tc, helper_prototype_is_the_kernels, 0,
			    (int)(sizeof(protos) / sizeof(protos[0])));
	suite_add_tcase(s, tc);

	tc = tcase_create("types");
	tcase_add_loop_test(tc, map_type_is_found_by_uapi_id_and_libbpf_name, 0, NMAPTYPES);
	tcase_add_loop_test(tc, program_type_is_found_by_uapi_id_and_bpftool_name, 0, NPROGTYPES);
	tcase_add_test(tc, ids_past_the_last_type_and_unknown_names_find_nothing);
	tcase_add_loop_test(tc, attach_type_rows_carry_the_uapi_values, 0,
			    (int)(sizeof(attachtypes) / sizeof(attachtypes[0])));
	suite_add_tcase(s, tc);

	tc = tcase_create("sections");
	tcase_add_loop_test(tc, section_name_is_typed_as_libbpf_types_it, 0,
			    (int)(sizeof(secs) / sizeof(secs[0])));
	tcase_add_loop_test(tc, every_section_definition_is_reached_by_its_own_name, 0,
			    (int)isa_secdef_count());
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(tables_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
