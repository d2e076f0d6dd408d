/* SPDX-License-Identifier: MIT */
/*
 * runner.h - one program of an object run over packets: what ebpf-run does with a capture,
 * as a library (the program, the tests and the benchmark share it).
 *
 *   vm_runner_new      read the object (.o) or assemble it (.s), load it into a fresh VM
 *                      (vmobj.h: maps, relocation, tail calls), pick the program, build its
 *                      context (ctx.h) from its program type
 *   vm_runner_frame    turn a captured frame of any link type ebpf-run knows into the
 *                      Ethernet frame the kernel's contexts start from
 *   vm_runner_packet   run the program on one frame: the clock reads the capture's time,
 *                      the verdict is counted, the output packet classified
 *
 * Link types. XDP and tc programs see Ethernet frames. Captures of other link types are
 * given an Ethernet header as the kernel would have one on a veth: raw IPv4/IPv6 (DLT_RAW,
 * IPV4, IPV6) and BSD loopback (DLT_NULL) get zero MAC addresses and the EtherType of
 * their network protocol; Linux cooked captures (SLL, SLL2) keep their protocol and
 * source address. Anything else is refused up front with the link type's name.
 *
 * Output classes. Each run's packet falls in one class, the one ebpf-run's --pass, --drop,
 * --tx and --redirect files collect:
 *   xdp            XDP_PASS pass, XDP_TX tx, XDP_REDIRECT redirect, XDP_DROP, XDP_ABORTED
 *                  and unknown actions (the kernel treats those as aborted) drop
 *   tc             TC_ACT_UNSPEC/OK/RECLASSIFY/PIPE pass, TC_ACT_REDIRECT redirect,
 *                  TC_ACT_SHOT, STOLEN, QUEUED, TRAP and unknown values drop
 *   socket filter  a nonzero return passes the packet cut to that many bytes (counted from
 *                  the network header, where the program's skb starts, as in the kernel's
 *                  test run), 0 drops it
 *   a faulted run  drop (the kernel would have refused the program before it ran)
 * The output packet is the packet after the program's changes (XDP metadata excluded).
 */
#ifndef EBPF_VM_RUNNER_H
#define EBPF_VM_RUNNER_H

#include <stddef.h>
#include <stdint.h>

#include "../common/diag.h"
#include "capture.h"
#include "ctx.h"
#include "vm.h"
#include "vmobj.h"

struct vm_runner_opts {
	const char *path;    /* the object (.o) or assembly (.s, or "-" read as assembly) */
	const char *prog;    /* run the program of this name ... */
	const char *section; /* ... or the one of this section; neither: the only program */
	int prog_type;	     /* > 0: enum bpf_prog_type imposed on the program */
	uint64_t budget;     /* instructions per packet (0: VM_BUDGET_DEFAULT) */
	uint64_t seed;	     /* bpf_get_prandom_u32 */
	uint32_t ifindex;    /* the receiving device (xdp ingress_ifindex, skb ifindex) */
	uint32_t rx_queue;   /* xdp rx_queue_index */
};

enum vm_runner_class {
	VM_RUNNER_PASS,
	VM_RUNNER_DROP,
	VM_RUNNER_TX,
	VM_RUNNER_REDIRECT,
	VM_RUNNER_NCLASSES
};

#define VM_RUNNER_MAX_VERDICTS 32

struct vm_runner_stats {
	uint64_t packets; /* frames run (skipped ones excluded) */
	uint64_t skipped; /* frames the context refused (too long, too short) */
	uint64_t faults;
	uint64_t insns; /* instructions executed by all runs */
	uint64_t bytes; /* bytes of the frames run */
	uint64_t classes[VM_RUNNER_NCLASSES];
	/* Runs per verdict, in order of first appearance: "XDP_PASS", "accept", "fault". */
	struct {
		char name[40];
		uint64_t count;
	} verdicts[VM_RUNNER_MAX_VERDICTS];
	size_t nverdicts;
};

/* What one vm_runner_packet did. Pointers stay valid until the next packet. */
struct vm_runner_result {
	struct vm_ctx_result ctx; /* r0, fault, the raw output of the context */
	enum vm_runner_class cls;
	const char *verdict; /* the name counted: "XDP_DROP", "fault", "accept" ... */
	const uint8_t *out;  /* the output packet (see "Output classes") */
	uint32_t out_len;
	uint64_t insns; /* instructions this run executed */
};

struct vm_runner;

/*
 * vm_runner_new - load @opts->path and prepare its program. Errors (unreadable file,
 * assembly errors, no such program "no program 'x' in prog.o; programs: ...", a program type
 * without a context here, a load refused) go to @d, which must outlive the runner (it keeps
 * the assembly source for source lines). Returns 0 and *@out, or -errno.
 */
int vm_runner_new(const struct vm_runner_opts *opts, struct vm_runner **out, struct diag *d);
void vm_runner_free(struct vm_runner *r);

/* The machine, the loaded object and the program being run. */
struct vm *vm_runner_vm(const struct vm_runner *r);
struct vm_obj *vm_runner_obj(const struct vm_runner *r);
/* The object as read or assembled (the verifier simulation works on it). */
const struct obj *vm_runner_object(const struct vm_runner *r);
const struct vm_prog *vm_runner_prog(const struct vm_runner *r);
uint32_t vm_runner_prog_type(const struct vm_runner *r);
const char *vm_runner_prog_name(const struct vm_runner *r);
const char *vm_runner_prog_section(const struct vm_runner *r);

/*
 * vm_runner_linktype_check - can frames of DLT_ link type @linktype be run? 0, or -ENOTSUP
 * with an error in @d naming the link type (located at @name, the capture).
 */
int vm_runner_linktype_check(int linktype, const char *name, struct diag *d);

/*
 * vm_runner_packet - run the program on frame @data (@len bytes, link type @linktype, as
 * captured at @ts_ns). Counts it into the stats and fills *@res. Returns 0 (the run
 * happened, perhaps faulting: res->ctx.fault), -EMSGSIZE or -EINVAL when the context
 * refused the frame (counted as skipped; the reason is vm_runner_skip_reason), -ENOTSUP
 * for a link type vm_runner_linktype_check refuses.
 */
int vm_runner_packet(struct vm_runner *r, const uint8_t *data, uint32_t len, int linktype,
		     uint64_t ts_ns, struct vm_runner_result *res);
/* Why the last frame was skipped: "frame of 9000 bytes is longer than the 3520 bytes ..." */
const char *vm_runner_skip_reason(struct vm_runner *r);

const struct vm_runner_stats *vm_runner_stats(const struct vm_runner *r);
/* The name of an output class: "pass", "drop", "tx", "redirect". */
const char *vm_runner_class_name(enum vm_runner_class c);

#endif
