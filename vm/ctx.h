/* SPDX-License-Identifier: MIT */
/*
 * ctx.h - program contexts for the interpreter: the packet and the context struct a program
 * gets in r1, built as the kernel's BPF_PROG_TEST_RUN builds them, and the packet helpers
 * (xdp_adjust_*, skb_load/store_bytes, checksums, redirect) with the kernel's semantics.
 *
 * Supported program types: socket_filter (struct __sk_buff over the packet after its
 * Ethernet header), sched_cls and sched_act (struct __sk_buff over the whole frame), xdp
 * (struct xdp_md). Other types: vm_ctx_new refuses them. Packet helpers: xdp_adjust_head,
 * xdp_adjust_tail, xdp_adjust_meta, xdp_get_buff_len, xdp_load_bytes, xdp_store_bytes,
 * redirect, redirect_map (devmap, cpumap and xskmap are empty here), csum_diff,
 * l3_csum_replace, l4_csum_replace, csum_update, csum_level, skb_pull_data, skb_vlan_push,
 * skb_vlan_pop, skb_change_head, skb_change_tail, skb_load_bytes, skb_load_bytes_relative,
 * skb_store_bytes;
 * perf_event_output's BPF_F_CTXLEN_MASK bytes come from the packet at data (helpers.c).
 *
 * How a context looks to the program (ctx.c explains why and what the kernel showed):
 *  - the context is a region of its own ("context"), reached only by loads and stores of
 *    its fields, each checked against the kernel's rules for the program type: a field the
 *    type cannot read, a store to a read-only field, a misaligned or wrongly sized access
 *    faults naming the field;
 *  - loading data, data_end or data_meta (32-bit fields in the uapi) gives the full 64-bit
 *    VM address of that packet position, as the verifier's rewrite gives a kernel pointer;
 *  - the packet is the region "packet", exactly [data, data_end): an access past data_end
 *    or before data faults naming it; XDP metadata [data_meta, data) is the region
 *    "packet metadata", placed so that data_meta + meta length == data as VM addresses
 *    (comparisons between the two pointers work as in the kernel);
 *  - helpers that change the packet (xdp_adjust_head/tail/meta) move these regions: the
 *    pointers a program loaded before are stale (the kernel's verifier forces a reload), and
 *    reloading data/data_end gives the new positions.
 *
 * Typical use (one context per VM, reused for every packet):
 *
 *   struct vm_ctx *c = vm_ctx_new(vm, BPF_PROG_TYPE_XDP, d);
 *   for each packet:
 *       vm_ctx_packet(c, bytes, len, NULL);
 *       vm_ctx_run(c, prog, &res);    // res.r0, res.fault, res.pkt / res.pkt_len
 *   vm_ctx_free(c);
 *
 * Nothing here prints or exits: functions return 0 or -errno, vm_ctx_new reports into a diag.
 */
#ifndef EBPF_VM_CTX_H
#define EBPF_VM_CTX_H

#include <stddef.h>
#include <stdint.h>

#include "vm.h"

/* The kernel's test_run frame for XDP: XDP_PACKET_HEADROOM before the data, a page in
 * all, and the skb_shared_info tailroom at its end (x86-64: 320 bytes). The page holds
 * VM_CTX_XDP_MAX_LEN bytes of packet (the linear part programs address directly); the rest
 * goes into up to 17 page-sized fragments (MAX_SKB_FRAGS), which helpers reach
 * (xdp_load_bytes, xdp_get_buff_len, xdp_adjust_tail ...). VM_CTX_XDP_MAX_PKT in all. */
#define VM_CTX_XDP_HEADROOM 256u
#define VM_CTX_XDP_FRAME    4096u
#define VM_CTX_XDP_TAILROOM 320u
#define VM_CTX_XDP_MAX_LEN  (VM_CTX_XDP_FRAME - VM_CTX_XDP_HEADROOM - VM_CTX_XDP_TAILROOM)
#define VM_CTX_XDP_MAX_PKT  (VM_CTX_XDP_MAX_LEN + 17u * 4096u)
/* The largest frame for the skb types (test_run: a page less NET_SKB_PAD and the
 * skb_shared_info). */
#define VM_CTX_SKB_MAX_LEN 3712u
/* Ethernet header length: skb programs need at least that much packet. */
#define VM_CTX_ETH_HLEN 14u

/*
 * What BPF_PROG_TEST_RUN's ctx_in may set, with its meaning there. Zero fields give
 * test_run's defaults: the loopback device (ifindex 1) and queue 0. A NULL meta is test_run
 * without a ctx_in: the same, except that __sk_buff's wire_len then reads 0 (the kernel
 * sets it from ctx_in only). pkt_type is decided as on lo (address and broadcast address
 * all zero), whatever ifindex says: the VM has no devices.
 */
struct vm_ctx_meta {
	uint32_t ifindex;	  /* skb: skb->dev (ifindex); 0: 1 (lo) */
	uint32_t ingress_ifindex; /* xdp: the receiving device, 0: 1 (lo); skb: skb_iif, 0 */
	uint32_t rx_queue_index;  /* xdp only */
	uint32_t mark, priority;  /* skb only */
	uint32_t cb[5];		  /* skb only */
	uint64_t tstamp;	  /* skb only: skb->tstamp (ns) */
	uint32_t wire_len;	  /* skb only: 0: the packet's length */
	uint32_t gso_segs, gso_size;
	uint64_t hwtstamp; /* skb only */
	uint32_t meta_len; /* xdp only: the first meta_len bytes of the data are metadata
			    * (test_run's ctx_in.data): a multiple of 4, at most 216 (the
			    * headroom above the kernel's struct xdp_frame) */
};

/* What a run did. Pointers stay valid until the next vm_ctx_packet, vm_ctx_run or free. */
struct vm_ctx_result {
	uint64_t r0; /* the program's return value (0 after a fault) */
	int fault;   /* 1: the run stopped on a fault: vm_fault_get/vm_fault_report say why */
	/* The packet after the run, as test_run's data_out shows it: xdp from data_meta (the
	 * metadata first, the fragments after the linear part), tc from skb->data, socket
	 * filters with the Ethernet header zeroed (test_run pushes 14 zero bytes back). */
	const uint8_t *pkt;
	uint32_t pkt_len;
	uint32_t meta_len; /* xdp: metadata bytes at the start of pkt */
	/* The context after the run, as test_run's ctx_out shows it (struct xdp_md or
	 * struct __sk_buff: data/data_end offsets for xdp, the fields test_run copies back for
	 * skb types, the rest zero). */
	const void *ctx;
	uint32_t ctx_size;
	/* The last redirect the program asked for (bpf_redirect, bpf_redirect_map): valid when
	 * redirect is 1; map is the VM address of the map (0 for bpf_redirect). */
	int redirect;
	uint32_t redirect_ifindex; /* or the map key */
	uint64_t redirect_flags;
	uint64_t redirect_map;
};

struct vm_ctx;

/*
 * vm_ctx_new - contexts of program type @prog_type (enum bpf_prog_type) in @vm: maps the
 * context and packet regions, installs the helper set of that type (helpers the kernel
 * refuses to the type fault naming the helper) and the ld_abs/ld_ind rules. One context
 * per VM. Returns NULL with an error in @d (may be NULL) for a type without a context here
 * or on ENOMEM.
 */
struct vm_ctx *vm_ctx_new(struct vm *vm, uint32_t prog_type, struct diag *d);
void vm_ctx_free(struct vm_ctx *c);

/*
 * vm_ctx_packet - the next packet: @len bytes at @data and the context from @m (NULL:
 * test_run defaults). The bytes are not copied here: they must stay as they are until the
 * next vm_ctx_packet, and each vm_ctx_run copies them into the context's frame (a frame
 * is copied once per run, as test_run does; an XDP run reads them in place until the
 * program first writes the packet or calls a packet helper, and never writes them).
 * Returns 0, or -EINVAL when test_run
 * would refuse it (shorter than an Ethernet header; skb types: an IPv4 or IPv6 frame
 * without its whole IP header, a wire_len below the length; xdp: a meta_len that is not a
 * multiple of 4, above 216 or longer than the data, an rx queue without an ifindex),
 * -EMSGSIZE when longer than test_run takes (VM_CTX_XDP_MAX_PKT, where the kernel says
 * ENOMEM; VM_CTX_SKB_MAX_LEN, where it says EINVAL).
 */
int vm_ctx_packet(struct vm_ctx *c, const uint8_t *data, uint32_t len, const struct vm_ctx_meta *m);

/*
 * vm_ctx_run - run @p (loaded into the context's VM) with r1 = the context over the current
 * packet. Each run starts from the packet and context vm_ctx_packet set (the previous run's
 * changes are gone). Returns 0 with *@res filled (also when the program faulted: res->fault
 * says so), -EINVAL without a packet.
 */
int vm_ctx_run(struct vm_ctx *c, const struct vm_prog *p, struct vm_ctx_result *res);

/* The program type of @c. */
uint32_t vm_ctx_prog_type(const struct vm_ctx *c);

/*
 * vm_ctx_verdict_name - the name of return value @r0 for @prog_type: "XDP_PASS",
 * "TC_ACT_SHOT", ...; socket filters: "drop" for 0, "accept" otherwise (the value is the
 * number of bytes kept). NULL for a value without a name (an XDP program returning 7).
 */
const char *vm_ctx_verdict_name(uint32_t prog_type, uint64_t r0);

/*
 * vm_ctx_verdict_format - @r0 as a user reads it: "XDP_TX", "TC_ACT_OK (0)", "accept 60
 * bytes" (the kernel keeps at most the packet's length), "drop", "unknown XDP action 7
 * (XDP_ABORTED)" (as the kernel treats it), "unknown tc action 9". Returns snprintf's.
 */
int vm_ctx_verdict_format(uint32_t prog_type, uint64_t r0, char *buf, size_t len);

#endif
