/* SPDX-License-Identifier: MIT */
/* ctx.h - per program type rules of verifier-sim (private): context fields, helpers, return. */
#ifndef EBPF_VSIM_CTX_H
#define EBPF_VSIM_CTX_H

#include <stdint.h>

#include "state.h"

/* enum bpf_prog_type values (progtypes.def). */
enum {
	VS_PT_SOCKET_FILTER = 1,
	VS_PT_KPROBE = 2,
	VS_PT_SCHED_CLS = 3,
	VS_PT_SCHED_ACT = 4,
	VS_PT_TRACEPOINT = 5,
	VS_PT_XDP = 6,
	VS_PT_PERF_EVENT = 7,
	VS_PT_CGROUP_SKB = 8,
	VS_PT_CGROUP_SOCK = 9,
	VS_PT_LWT_IN = 10,
	VS_PT_LWT_OUT = 11,
	VS_PT_LWT_XMIT = 12,
	VS_PT_SOCK_OPS = 13,
	VS_PT_SK_SKB = 14,
	VS_PT_CGROUP_DEVICE = 15,
	VS_PT_RAW_TRACEPOINT = 17,
	VS_PT_CGROUP_SOCK_ADDR = 18,
	VS_PT_CGROUP_SYSCTL = 23,
	VS_PT_RAW_TRACEPOINT_WRITABLE = 24,
	VS_PT_CGROUP_SOCKOPT = 25,
	VS_PT_TRACING = 26,
	VS_PT_LSM = 29,
	VS_PT_SK_LOOKUP = 30,
	VS_PT_NETFILTER = 32,
};

/* What a context load gives: a scalar or a pointer type. */
struct vs_ctx_field {
	int type; /* enum vs_type */
	int maybe_null;
};

/* Is an access of @size bytes at @off of the context allowed? 1 yes (and *f says what a
 * load gives), 0 no. */
int vs_ctx_access(int ptype, int attach, int off, int size, int write, struct vs_ctx_field *f);
int vs_helper_allowed(int ptype, int id);
/* Does helper @id need CAP_BPF or CAP_PERFMON (is it refused to unprivileged programs)? */
int vs_helper_needs_priv(int id);
int vs_ret_range(int ptype, int attach, int64_t *lo, int64_t *hi);

#endif
