/* SPDX-License-Identifier: MIT */
/*
 * ctx.c - program contexts (struct xdp_md, struct __sk_buff) over a packet, as the kernel's
 * BPF_PROG_TEST_RUN builds them, and the packet helpers of those program types.
 *
 * What the kernel showed (Linux 6.18, x86-64, BPF_PROG_TEST_RUN without a ctx_in unless said;
 * tests/check_ctx.c keeps asking it):
 *
 *  XDP   The packet sits in a page: XDP_PACKET_HEADROOM (256) bytes of zeroed headroom, the
 *        data, and tailroom up to 4096 - 320 (skb_shared_info). So data_end may grow by
 *        xdp_adjust_tail to 3520 bytes past data (with data at 256), and adjust_head may
 *        move data down to the end of the struct xdp_frame (40 bytes) at the page start:
 *        216 bytes of headroom. Packets need 14 bytes; what the page cannot hold goes into
 *        page-sized fragments (at most 17, else ENOMEM), for every program: data_end is
 *        the linear part's end, xdp_get_buff_len counts the fragments, xdp_load/store_bytes
 *        and perf_event_output read across them, adjust_tail grows the last fragment within
 *        its page or shrinks fragments away before the linear part, data_out joins them. ingress_ifindex reads 1 (loopback's rx queue 0)
 *        unless ctx_in names a device; rx_queue_index 0; egress_ifindex is for devmap
 *        programs only (the verifier refuses it elsewhere); every field is a 4-byte read,
 *        none writable. Metadata comes from ctx_in.data (the first bytes of data_in), a
 *        multiple of 4 that fits the headroom above the xdp_frame (at most 216); data_out
 *        starts at data_meta, ctx_out gives data and data_end relative to data_meta and
 *        ingress_ifindex/rx_queue_index as they came in. adjust_meta: -EINVAL below the
 *        xdp_frame or past data, -EACCES for a length not a multiple of 4 or above 252
 *        (skb_shared_info's u8 meta_len; reachable after adjust_head popped bytes).
 *  skb   The frame's Ethernet header goes through eth_type_trans on the loopback device:
 *        protocol is h_proto (>= 0x600; else 802.3/802.2), in network order as a u32 read
 *        on a little-endian host (IPv4 reads 0x0008); pkt_type is PACKET_HOST (0) for the
 *        destination 00:00:00:00:00:00 (lo's address), PACKET_MULTICAST (2) for any address
 *        with the group bit (lo's broadcast address is zero too, so ff:ff:.. is multicast),
 *        else PACKET_OTHERHOST (3). tc (sched_cls, sched_act) programs see skb->data at the
 *        Ethernet header and len = the whole frame; socket filters see it after the header
 *        (len - 14; ld_abs 0 is the IP header) and test_run's data_out has the Ethernet
 *        header zeroed (it pushes 14 zero bytes back). ld_abs with SKF_NET_OFF reads from
 *        the network header and SKF_LL_OFF from the Ethernet header in both. ifindex reads
 *        1 (lo), ingress_ifindex 0 (skb_iif from ctx_in), hash, napi_id, vlan_*,
 *        queue_mapping, tc_index, tc_classid 0; data_meta == data; wire_len is
 *        ctx_in.wire_len or the skb's len when a ctx is passed, else 0; sk is a socket
 *        (non-NULL: here the address of an empty region, so reading it faults). Frames are 14 to 3712 bytes (a page less 64 bytes of
 *        headroom and the skb_shared_info), and test_run refuses an IPv4 (IPv6) frame
 *        without 20 (40) bytes of IP header. ctx_out carries mark, priority,
 *        ingress_ifindex, ifindex, cb, tstamp, wire_len, gso_segs and hwtstamp back
 *        (gso_size as it came in). skb_vlan_push sets the hardware tag (vlan_present,
 *        vlan_tci, vlan_proto; the packet unchanged) and moves a tag already there into
 *        the packet after the MACs, protocol becoming its proto and SKF_NET_OFF moving back
 *        with the frame start; skb_vlan_pop drops the hardware tag or else the packet's
 *        outer tag, and then lifts a next packet tag into the hardware tag.
 *        skb_change_tail takes lengths from the network header's offset to SKB_MAX_ALLOC
 *        (16064), zeroes what it grows and resets a GSO skb's gso_size and gso_segs;
 *        skb_change_head adds zeroed bytes up to that total, without limit for a GSO skb.
 *  both  The helpers each type may call are those 6.18's verifier allows (the table
 *        "denied" below lists the refusals among the helpers ebpf-run implements).
 *        csum_diff returns the folded 16-bit sum and takes any sizes (older kernels
 *        returned the 32-bit csum_partial and wanted multiples of 4).
 *        get_hash_recalc is left out: the kernel's flow hash is seeded at random.
 *
 * Memory model (see vm.h and ctx.h). Three regions, in this order:
 *   "context"          the struct, VM_MEM_HOOK: every access is checked against the field
 *                      table below for the program type; pointer fields load as 64-bit VM
 *                      addresses; stores are truncated as the kernel's rewritten stores are
 *                      (tc_index and tc_classid 16 bits; queue_mapping ignores 0xffff and up)
 *   "packet metadata"  VM_MEM_HOOK: XDP's [data_meta, data). Its bytes are mapped at the END
 *                      of its 4 GiB of addresses, so that data_meta + meta_len is exactly the
 *                      packet's address (the next region): the program compares and adds
 *                      across the two as it does in the kernel. Anything else in it faults,
 *                      reading "before the start of packet" when there is no metadata.
 *   "packet"           flat (the fast path): exactly [data, data_end).
 * Helpers that move the packet (xdp_adjust_*) repoint these regions; the program's old
 * pointers are stale, as the verifier's forced reload assumes, and reloading data/data_end
 * gives the new ones.
 *
 * Every run starts from the packet and metadata vm_ctx_packet stored: the frame is rebuilt
 * before each run (for XDP with headroom and tailroom zeroed, as test_run's fresh
 * kzalloc'ed page, since adjust_head and adjust_meta expose headroom as it is; skb helpers
 * write every byte they expose). An XDP packet without metadata that fits the page is not
 * copied at first: the packet region is the caller's bytes, VM_MEM_BORROWED (read-only to
 * the VM), and the first store, atomic or helper of this file builds the frame (ctx_own),
 * repointing the region at the same VM addresses. Most programs only read their packets;
 * those pay no copy.
 */
#include "ctx.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <linux/bpf.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/pkt_cls.h>

#include "map.h"
#include "mem.h"

#define XDP_FRAME_HDR 40u   /* sizeof(struct xdp_frame) at the page start */
#define XDP_FRAG_SIZE 4096u /* a fragment is a page (the rxq's frag_size) */
#define XDP_MAX_FRAGS 17u   /* MAX_SKB_FRAGS (VM_CTX_XDP_MAX_PKT) */
_Static_assert(VM_CTX_XDP_MAX_LEN + XDP_MAX_FRAGS * XDP_FRAG_SIZE == VM_CTX_XDP_MAX_PKT,
	       "ctx.h's VM_CTX_XDP_MAX_PKT is the page and the fragments");
/* the most bytes an XDP packet may have (metadata, linear part, fragments) */
#define XDP_IN_MAX                                                                                 \
	(VM_CTX_XDP_HEADROOM - XDP_FRAME_HDR + VM_CTX_XDP_MAX_LEN + XDP_MAX_FRAGS * XDP_FRAG_SIZE)
#define XDP_META_MAX 252u /* skb_shared_info's u8 meta_len, 4-byte aligned */
/* skb types: skb_change_head and skb_change_tail grow a frame up to SKB_MAX_ALLOC (4 pages
 * less the skb_shared_info) at either end, so the frame starts that far into the buffer. */
#define SKB_ALLOC_MAX 16064u
#define SKB_DATA_OFF  16384u
#define FRAME_SIZE    (2 * SKB_DATA_OFF)

/* Which programs a field allows (bits). */
enum { T_SF = 1, T_TC = 2, T_XDP = 4, T_SKB = T_SF | T_TC };

/* What a field is. */
enum fkind {
	F_U32,	/* a u32 value; narrow (1, 2 byte) reads of it are fine */
	F_U16W, /* as F_U32, but a store keeps the low 16 bits (tc_index, tc_classid) */
	F_QMAP, /* queue_mapping: a store of 0xffff or more is ignored, else 16 bits */
	F_CB,	/* cb[]: bytes, any aligned size */
	F_U64,	/* tstamp, hwtstamp: 8-byte accesses only */
	F_U8,	/* tstamp_type: 1-byte reads */
	F_DATA, /* packet pointers: 4-byte reads only, 64-bit results */
	F_DATA_END,
	F_DATA_META,
	F_SK,	/* a socket pointer: to an empty region (not modelled) */
	F_NONE, /* no access */
};

struct field {
	uint16_t off, size;
	const char *name;
	uint8_t rd, wr; /* T_* */
	uint8_t kind;
};

#define SKF(m) offsetof(struct __sk_buff, m)

static const struct field skb_fields[] = {
	{SKF(len), 4, "len", T_SKB, 0, F_U32},
	{SKF(pkt_type), 4, "pkt_type", T_SKB, 0, F_U32},
	{SKF(mark), 4, "mark", T_SKB, T_TC, F_U32},
	{SKF(queue_mapping), 4, "queue_mapping", T_SKB, T_TC, F_QMAP},
	{SKF(protocol), 4, "protocol", T_SKB, 0, F_U32},
	{SKF(vlan_present), 4, "vlan_present", T_SKB, 0, F_U32},
	{SKF(vlan_tci), 4, "vlan_tci", T_SKB, 0, F_U32},
	{SKF(vlan_proto), 4, "vlan_proto", T_SKB, 0, F_U32},
	{SKF(priority), 4, "priority", T_SKB, T_TC, F_U32},
	{SKF(ingress_ifindex), 4, "ingress_ifindex", T_SKB, 0, F_U32},
	{SKF(ifindex), 4, "ifindex", T_SKB, 0, F_U32},
	{SKF(tc_index), 4, "tc_index", T_SKB, T_TC, F_U16W},
	{SKF(cb), 20, "cb", T_SKB, T_SKB, F_CB},
	{SKF(hash), 4, "hash", T_SKB, 0, F_U32},
	{SKF(tc_classid), 4, "tc_classid", T_TC, T_TC, F_U16W},
	{SKF(data), 4, "data", T_TC, 0, F_DATA},
	{SKF(data_end), 4, "data_end", T_TC, 0, F_DATA_END},
	{SKF(napi_id), 4, "napi_id", T_SKB, 0, F_U32},
	{SKF(family), 4, "family", 0, 0, F_NONE},
	{SKF(remote_ip4), 4, "remote_ip4", 0, 0, F_NONE},
	{SKF(local_ip4), 4, "local_ip4", 0, 0, F_NONE},
	{SKF(remote_ip6), 16, "remote_ip6", 0, 0, F_NONE},
	{SKF(local_ip6), 16, "local_ip6", 0, 0, F_NONE},
	{SKF(remote_port), 4, "remote_port", 0, 0, F_NONE},
	{SKF(local_port), 4, "local_port", 0, 0, F_NONE},
	{SKF(data_meta), 4, "data_meta", T_TC, 0, F_DATA_META},
	{SKF(flow_keys), 8, "flow_keys", 0, 0, F_NONE},
	{SKF(tstamp), 8, "tstamp", T_TC, T_TC, F_U64},
	{SKF(wire_len), 4, "wire_len", T_TC, 0, F_U32},
	{SKF(gso_segs), 4, "gso_segs", T_SKB, 0, F_U32},
	{SKF(sk), 8, "sk", T_SKB, 0, F_SK},
	{SKF(gso_size), 4, "gso_size", T_SKB, 0, F_U32},
	{SKF(tstamp_type), 1, "tstamp_type", T_TC, 0, F_U8},
	{SKF(tstamp_type) + 1, 3, "padding after tstamp_type", 0, 0, F_NONE},
	{SKF(hwtstamp), 8, "hwtstamp", T_TC, 0, F_U64},
};
_Static_assert(sizeof(struct __sk_buff) == 192, "the field table covers struct __sk_buff");
_Static_assert(sizeof(struct __sk_buff) <= VM_LOAD4_MAX, "the load4 table covers the context");

#define XDF(m) offsetof(struct xdp_md, m)

static const struct field xdp_fields[] = {
	{XDF(data), 4, "data", T_XDP, 0, F_DATA},
	{XDF(data_end), 4, "data_end", T_XDP, 0, F_DATA_END},
	{XDF(data_meta), 4, "data_meta", T_XDP, 0, F_DATA_META},
	{XDF(ingress_ifindex), 4, "ingress_ifindex", T_XDP, 0, F_U32},
	{XDF(rx_queue_index), 4, "rx_queue_index", T_XDP, 0, F_U32},
	{XDF(egress_ifindex), 4, "egress_ifindex", 0, 0, F_NONE},
};
_Static_assert(sizeof(struct xdp_md) == 24, "the field table covers struct xdp_md");

union ctx_buf {
	struct xdp_md xdp;
	struct __sk_buff skb;
	uint8_t raw[sizeof(struct __sk_buff)];
};

struct vm_ctx {
	struct vm *vm;
	uint32_t type;
	unsigned tbit; /* T_SF, T_TC or T_XDP */
	const char *scope;
	const struct field *fields;
	size_t nfields;
	uint32_t ctx_size;
	int headroom_dirty; /* xdp: the headroom may hold bytes of an earlier run */
	uint8_t field_of[sizeof(struct __sk_buff)]; /* byte offset -> index in fields */
	int ctx_region, meta_region, pkt_region;
	int sk_region; /* skb types: what skb->sk points at (nothing to read) */

	/* the packet as vm_ctx_packet got it, and its meta */
	int loaded;
	int have_meta; /* a meta was given: test_run with a ctx */
	struct vm_ctx_meta m;
	uint32_t in_len;
	const uint8_t *in; /* the caller's bytes: a run copies them into the frame, or borrows */
	/* xdp: the packet region is the caller's bytes themselves (VM_MEM_BORROWED) until a
	 * write or a helper needs the frame: ctx_own copies them in then */
	int borrowed;

	/* the frame a run works on: data at frame + data, metadata just before it */
	uint32_t data, end, meta;
	uint32_t mac, net;	   /* skb: frame offsets of the Ethernet and network headers */
	uint8_t frame[FRAME_SIZE]; /* xdp uses the first VM_CTX_XDP_FRAME bytes */
	/* xdp: what does not fit the page goes into page-sized fragments, which programs
	 * reach through helpers only; res->pkt joins them in out_pkt */
	uint32_t nfrags;
	uint32_t frag_len[XDP_MAX_FRAGS];
	uint8_t frags[XDP_MAX_FRAGS][XDP_FRAG_SIZE];
	uint8_t out_pkt[XDP_IN_MAX];

	/* what an aligned 4-byte load of the context gives, per slot (the VM's load4
	 * table): the packet pointers, widened (kept by regions_update), and xdp's u32
	 * fields (by ctx_reset: xdp_md is read-only); VM_LOAD4_SLOW elsewhere, past the
	 * struct too. One spare slot past the table takes the pointers a type does not
	 * have. */
	uint64_t load4[VM_LOAD4_MAX / 4 + 1];
	uint8_t slot_data, slot_end, slot_meta;
	uint8_t plain[4];
	unsigned nplain;

	union ctx_buf c;   /* the fields as the program sees them (pointers computed) */
	union ctx_buf out; /* ctx_out after a run */

	/* skb->ip_summed: CHECKSUM_NONE (0) in test_run, CHECKSUM_UNNECESSARY (1) after
	 * csum_level's INC, with csum_level */
	uint8_t csum_unnecessary, csum_level;

	int redirect;
	uint32_t redirect_ifindex;
	uint64_t redirect_flags, redirect_map;
};

/* ---------------------------------------------------------------- packet state */

static uint64_t addr_data(const struct vm_ctx *c)
{
	return VM_ADDR(c->pkt_region, 0);
}

static uint64_t addr_data_end(const struct vm_ctx *c)
{
	return VM_ADDR(c->pkt_region, c->end - c->data);
}

static uint64_t addr_data_meta(const struct vm_ctx *c)
{
	return VM_ADDR(c->pkt_region, 0) - c->meta;
}

/* Point the packet and metadata regions at the current frame, and refresh the packet
 * pointers the interpreter loads from the context without the hook. */
static void regions_update(struct vm_ctx *c)
{
	/* the borrowed bytes are never written: the flag makes the fast path's write limit 0,
	 * which sends writes to vm_mem's own hook; the metadata is a hooked region (every
	 * access checked by hook_ptr/hook_load/hook_store) */
	c->vm->regions[c->pkt_region].flags =
		(uint8_t)(c->borrowed ? VM_MEM_RW | VM_MEM_BORROWED : VM_MEM_RW);
	vm_region_move(c->vm, c->pkt_region,
		       c->borrowed ? (uint8_t *)(uintptr_t)c->in : c->frame + c->data,
		       c->end - c->data);
	vm_region_move(c->vm, c->meta_region, c->meta ? c->frame + c->data - c->meta : NULL,
		       c->meta);
	c->load4[c->slot_data] = addr_data(c);
	c->load4[c->slot_end] = addr_data_end(c);
	c->load4[c->slot_meta] = addr_data_meta(c);
}

/* The load4 table (see struct vm_ctx): every slot slow but the packet pointers the type
 * may read (a type without data_meta writes it to the spare slot past the context) and,
 * in xdp, the u32 fields, which ctx_reset fills. */
static void load4_init(struct vm_ctx *c)
{
	uint32_t spare = VM_LOAD4_MAX / 4;

	for (size_t i = 0; i < sizeof(c->load4) / sizeof(c->load4[0]); i++)
		c->load4[i] = VM_LOAD4_SLOW;
	c->slot_data = c->slot_end = c->slot_meta = (uint8_t)spare;
	c->nplain = 0;
	for (size_t i = 0; i < c->nfields; i++) {
		const struct field *f = &c->fields[i];
		uint8_t slot = (uint8_t)(f->off / 4);

		if (f->size != 4 || f->off % 4 || !(f->rd & c->tbit))
			continue;
		if (f->kind == F_DATA)
			c->slot_data = slot;
		else if (f->kind == F_DATA_END)
			c->slot_end = slot;
		else if (f->kind == F_DATA_META)
			c->slot_meta = slot;
		else if (c->tbit == T_XDP && f->kind == F_U32 &&
			 c->nplain < sizeof(c->plain) / sizeof(c->plain[0]))
			c->plain[c->nplain++] = slot;
	}
}

/* eth_type_trans on the loopback device: pkt_type and protocol (as the u32 field reads). */
static void eth_classify(const uint8_t *eth, uint32_t *pkt_type, uint32_t *protocol)
{
	static const uint8_t zero[ETH_ALEN];
	uint16_t proto = (uint16_t)(eth[12] << 8 | eth[13]);

	if (memcmp(eth, zero, ETH_ALEN) == 0)
		*pkt_type = PACKET_HOST;
	else if (eth[0] & 1)
		*pkt_type = PACKET_MULTICAST; /* lo's broadcast address is all zero */
	else
		*pkt_type = PACKET_OTHERHOST;
	if (proto < ETH_P_802_3_MIN)
		/* raw 802.3 (IPX's 0xffff) or 802.2 LLC, as eth_type_trans decides */
		proto = eth[14] == 0xff && eth[15] == 0xff ? ETH_P_802_3 : ETH_P_802_2;
	/* the skb keeps __be16; the field reads it as a little-endian u16 */
	*protocol = (uint32_t)(uint16_t)((proto >> 8) | (proto << 8));
}

/* xdp_md's u32 fields from the meta, into the load4 table too (only when they change:
 * the fields are read-only to programs; ingress_ifindex is never 0 once set, so the
 * zeroed context of a new vm_ctx always differs). */
static void xdp_fields_set(struct vm_ctx *c)
{
	uint32_t ifindex = c->m.ingress_ifindex ? c->m.ingress_ifindex : 1;

	if (c->c.xdp.ingress_ifindex == ifindex && c->c.xdp.rx_queue_index == c->m.rx_queue_index)
		return;
	c->c.xdp.ingress_ifindex = ifindex;
	c->c.xdp.rx_queue_index = c->m.rx_queue_index;
	for (unsigned i = 0; i < c->nplain; i++) {
		uint32_t u;

		memcpy(&u, c->c.raw + 4u * c->plain[i], sizeof(u));
		c->load4[c->plain[i]] = u;
	}
}

/* The borrowed packet into the frame (zeroed headroom first, as the copying path has it),
 * and the packet region onto it: from here on the run is as if it had been copied. */
static void ctx_own(struct vm_ctx *c)
{
	if (c->headroom_dirty) {
		memset(c->frame + XDP_FRAME_HDR, 0, VM_CTX_XDP_HEADROOM - XDP_FRAME_HDR);
		c->headroom_dirty = 0;
	}
	memcpy(c->frame + c->data, c->in, c->end - c->data);
	c->borrowed = 0;
	regions_update(c);
}

static int hook_own(struct vm *vm, int idx)
{
	(void)idx; /* only the packet region is ever borrowed */
	ctx_own(vm->hooks.arg);
	return 0;
}

/* Can the stored packet be borrowed (xdp, linear, no metadata)? */
static int xdp_borrowable(const struct vm_ctx *c)
{
	return c->tbit == T_XDP && !c->m.meta_len && c->in_len <= VM_CTX_XDP_MAX_LEN;
}

/* Rebuild the frame and the context from what vm_ctx_packet stored. */
static void ctx_reset(struct vm_ctx *c)
{
	const struct vm_ctx_meta *m = &c->m;

	if (c->borrowed && xdp_borrowable(c)) {
		/* the last run borrowed its packet too and ended so (no store into it, no
		 * helper of this file: nothing else changed): only the packet moves */
		struct vm_region *pk = &c->vm->regions[c->pkt_region];

		/* vm_region_move's work without its limits: they are the last run's (wlim 0) */
		c->end = c->data + c->in_len;
		pk->host = (uint8_t *)(uintptr_t)c->in;
		pk->len = pk->rlim = c->in_len;
		c->load4[c->slot_end] = addr_data_end(c);
		xdp_fields_set(c);
		return;
	}
	/* The fields start at zero. xdp_md needs no clearing: programs cannot write it, and
	 * the fields set below are all that are not zero. c->out is written only by ctx_out,
	 * always the same fields, over the zeros of the allocation. */
	if (c->tbit != T_XDP)
		memset(&c->c.skb, 0, sizeof(c->c.skb));
	c->csum_unnecessary = c->csum_level = 0;
	c->redirect = 0;
	c->redirect_ifindex = 0;
	c->redirect_flags = c->redirect_map = 0;
	if (xdp_borrowable(c)) {
		/* the common case, a linear packet without metadata: borrowed, not copied (no
		 * instruction can tell: reads see the same bytes, and the first write or
		 * helper call makes the frame below with ctx_own) */
		c->borrowed = 1;
		c->meta = 0;
		c->data = VM_CTX_XDP_HEADROOM;
		c->end = c->data + c->in_len;
		c->nfrags = 0;
		xdp_fields_set(c);
	} else if (c->tbit == T_XDP) {
		c->borrowed = 0;
		/* the page as test_run allocates it, zeroed: adjust_head and adjust_meta
		 * expose the headroom above the xdp_frame (adjust_tail zeroes what it grows) */
		if (c->headroom_dirty) {
			memset(c->frame + XDP_FRAME_HDR, 0,
			       VM_CTX_XDP_HEADROOM - XDP_FRAME_HDR - m->meta_len);
			c->headroom_dirty = 0;
		}
		/* the headroom stays zero unless metadata is copied into it or a helper
		 * moves data or data_meta into it (they set headroom_dirty) */
		if (m->meta_len)
			c->headroom_dirty = 1;
		uint32_t linear = c->in_len - m->meta_len, at;

		if (linear > VM_CTX_XDP_MAX_LEN)
			linear = VM_CTX_XDP_MAX_LEN;
		c->meta = m->meta_len;
		c->data = VM_CTX_XDP_HEADROOM;
		c->end = c->data + linear;
		memcpy(c->frame + c->data - c->meta, c->in, c->meta + linear);
		c->nfrags = 0;
		for (at = c->meta + linear; at < c->in_len; c->nfrags++) {
			uint32_t n =
				c->in_len - at < XDP_FRAG_SIZE ? c->in_len - at : XDP_FRAG_SIZE;

			memcpy(c->frags[c->nfrags], c->in + at, n);
			c->frag_len[c->nfrags] = n;
			at += n;
		}
		xdp_fields_set(c);
	} else {
		struct __sk_buff *s = &c->c.skb;

		c->meta = 0;
		c->mac = SKB_DATA_OFF;
		c->net = SKB_DATA_OFF + ETH_HLEN;
		c->data = c->tbit == T_TC ? c->mac : c->net;
		c->end = SKB_DATA_OFF + c->in_len;
		/* no zeroing: every helper that exposes bytes around the frame writes them */
		memcpy(c->frame + SKB_DATA_OFF, c->in, c->in_len);
		s->len = c->end - c->data;
		eth_classify(c->in, &s->pkt_type, &s->protocol);
		s->ifindex = m->ifindex ? m->ifindex : 1;
		s->ingress_ifindex = m->ingress_ifindex;
		s->mark = m->mark;
		s->priority = m->priority;
		memcpy(s->cb, m->cb, sizeof(s->cb));
		s->tstamp = m->tstamp;
		/* qdisc_skb_cb's pkt_len: set from ctx_in only when there is one */
		s->wire_len = !c->have_meta ? 0 : m->wire_len ? m->wire_len : s->len;
		s->gso_segs = m->gso_segs;
		s->gso_size = m->gso_size;
		s->hwtstamp = m->hwtstamp;
	}
	regions_update(c);
}

/* ---------------------------------------------------------------- the context region */

/* The field holding byte @off (< ctx_size): the tables cover their structs. */
static const struct field *field_at(const struct vm_ctx *c, uint32_t off)
{
	return &c->fields[c->field_of[off]];
}

static const char *type_name(const struct vm_ctx *c)
{
	return c->scope;
}

/* Fault for an access of @size at @off of the context (or metadata region @idx). */
static void __attribute__((format(printf, 6, 7)))
ctx_fault(struct vm_ctx *c, int idx, uint32_t off, uint32_t size, int write, const char *fmt, ...)
{
	char why[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	vm_fault_set(c->vm, VM_FAULT_MEM, "invalid %s of %" PRIu32 " bytes at 0x%" PRIx64 ": %s",
		     write == 2 ? "atomic"
		     : write	? "write"
				: "read",
		     size, VM_ADDR(idx, off), why);
	c->vm->fault.addr = VM_ADDR(idx, off);
	c->vm->fault.size = size;
	c->vm->fault.write = write != 0;
	c->vm->fault.region = idx;
}

/*
 * Check an access to the context as the kernel's is_valid_access for the type does
 * (bpf_skb_is_valid_access, sk_filter_/tc_cls_act_is_valid_access, xdp_is_valid_access).
 * Returns the field, or NULL after the fault.
 */
static const struct field *ctx_check(struct vm_ctx *c, uint32_t off, uint32_t size, int write)
{
	const struct field *f;
	uint32_t end = off + size;

	if ((uint64_t)off + size > c->ctx_size) {
		ctx_fault(c, c->ctx_region, off, size, write,
			  "outside the context (struct %s, %" PRIu32 " bytes; offset %" PRId64 ")",
			  c->tbit == T_XDP ? "xdp_md" : "__sk_buff", c->ctx_size,
			  off >= VM_REGION_MAX_LEN ? (int64_t)off - (int64_t)0x100000000
						   : (int64_t)off);
		return NULL;
	}
	f = field_at(c, off);
	if (off % size) {
		ctx_fault(c, c->ctx_region, off, size, write,
			  "misaligned access to context field '%s' (offset %" PRIu32 ")", f->name,
			  off);
		return NULL;
	}
	if (!((write ? f->wr : f->rd) & c->tbit)) {
		ctx_fault(c, c->ctx_region, off, size, write,
			  "context field '%s' is %s in %s programs", f->name,
			  write && (f->rd & c->tbit) ? "read-only" : "not accessible",
			  type_name(c));
		return NULL;
	}
	if (write == 2) {
		ctx_fault(c, c->ctx_region, off, size, write,
			  "atomic operation on context field '%s'", f->name);
		return NULL;
	}
	switch (f->kind) {
	case F_CB:
		if (end <= (uint32_t)f->off + f->size)
			return f;
		break;
	case F_U64:
	case F_SK:
	case F_U8:
		if (off == f->off && size == f->size)
			return f;
		break;
	case F_DATA:
	case F_DATA_END:
	case F_DATA_META:
		if (off == f->off && size == 4)
			return f;
		break;
	default:
		/* u32 fields: 4-byte stores; loads of 1, 2 or 4 bytes inside the field, except
		 * in XDP, which takes whole fields only */
		if (write || c->tbit == T_XDP ? (off == f->off && size == 4)
					      : end <= (uint32_t)f->off + 4u)
			return f;
		break;
	}
	ctx_fault(c, c->ctx_region, off, size, write,
		  "a %" PRIu32 "-byte %s at offset %" PRIu32 " of context field '%s' is not "
		  "allowed",
		  size, write ? "store" : "load", off - f->off, f->name);
	return NULL;
}

/* The metadata region: its bytes end at 4 GiB. Host address or NULL (fault when @record). */
static void *meta_ptr(struct vm_ctx *c, uint32_t off, uint32_t size, int write, int record)
{
	uint64_t start = 0x100000000ull - c->meta;

	if (off >= start && (uint64_t)off + size <= 0x100000000ull)
		return c->frame + c->data - c->meta + (off - start);
	if (record) {
		if (off >= VM_REGION_MAX_LEN && !c->meta)
			ctx_fault(c, c->meta_region, off, size, write,
				  "before the start of packet (offset %" PRId64 ")",
				  (int64_t)off - (int64_t)0x100000000);
		else
			ctx_fault(c, c->meta_region, off, size, write,
				  "out of bounds of packet metadata (%" PRIu32
				  " bytes; offset %" PRId64 " from data)",
				  c->meta, (int64_t)off - (int64_t)0x100000000);
	}
	return NULL;
}

static void *hook_ptr(struct vm *vm, int idx, uint32_t off, uint32_t size, int write, int record)
{
	struct vm_ctx *c = vm->hooks.arg;

	if (idx == c->meta_region)
		return meta_ptr(c, off, size, write, record);
	if (!record)
		return NULL;
	if (write == 2)
		ctx_check(c, off, size, write); /* always refuses, naming the field */
	else
		ctx_fault(c, idx, off, size, write,
			  "the context is read and written only by loads and stores of its "
			  "fields");
	return NULL;
}

static int hook_load(struct vm *vm, int idx, uint32_t off, uint32_t size, int sx, uint64_t *val)
{
	struct vm_ctx *c = vm->hooks.arg;
	const struct field *f;
	uint64_t v = 0;

	if (idx == c->meta_region) {
		const uint8_t *h = meta_ptr(c, off, size, 0, 1);

		if (!h)
			return -1;
		memcpy(&v, h, size);
	} else {
		f = ctx_check(c, off, size, 0);
		if (!f)
			return -1;
		if (sx && (f->kind == F_DATA || f->kind == F_DATA_END || f->kind == F_DATA_META)) {
			ctx_fault(
				c, idx, off, size, 0,
				"a sign-extending load of packet pointer field '%s' is not allowed",
				f->name);
			return -1;
		}
		switch (f->kind) {
		case F_DATA:
			*val = addr_data(c);
			return 0;
		case F_DATA_END:
			*val = addr_data_end(c);
			return 0;
		case F_DATA_META:
			*val = addr_data_meta(c);
			return 0;
		case F_SK:
			/* test_run's skb has a socket: not NULL, but nothing to read */
			*val = VM_ADDR(c->sk_region, 0);
			return 0;
		default:
			memcpy(&v, c->c.raw + off, size);
		}
	}
	if (sx && size < 8) {
		unsigned sh = 64 - 8 * size;

		v = (uint64_t)((int64_t)(v << sh) >> sh);
	}
	*val = v;
	return 0;
}

static int hook_store(struct vm *vm, int idx, uint32_t off, uint32_t size, uint64_t val)
{
	struct vm_ctx *c = vm->hooks.arg;
	const struct field *f;
	uint8_t *h;

	if (idx == c->meta_region) {
		h = meta_ptr(c, off, size, 1, 1);
		if (!h)
			return -1;
		memcpy(h, &val, size);
		return 0;
	}
	f = ctx_check(c, off, size, 1);
	if (!f)
		return -1;
	switch (f->kind) {
	case F_U16W:
		val = (uint16_t)val;
		break;
	case F_QMAP:
		/* convert_ctx_access: values from NO_QUEUE_MAPPING up leave it alone */
		if ((uint32_t)val >= 0xffff)
			return 0;
		val = (uint16_t)val;
		break;
	default:
		break;
	}
	memcpy(c->c.raw + off, &val, size);
	return 0;
}

/* ld_abs/ld_ind: bpf_skb_load_helper_* and bpf_internal_load_pointer_neg_helper. */
static int hook_ldabs(struct vm *vm, int32_t off, uint32_t size, uint64_t *val)
{
	struct vm_ctx *c = vm->hooks.arg;
	const uint8_t *p;
	int64_t pos; /* frame offset */

	if (c->tbit == T_XDP) {
		vm_fault_set(vm, VM_FAULT_NO_PACKET,
			     "ld_abs and ld_ind are not allowed in xdp programs (they read skbs)");
		return -1;
	}
	if (off >= 0)
		pos = (int64_t)c->data + off;
	else if (off >= SKF_NET_OFF)
		pos = (int64_t)c->net + (off - SKF_NET_OFF);
	else if (off >= SKF_LL_OFF)
		pos = (int64_t)c->mac + (off - SKF_LL_OFF);
	else
		return 1;
	if (pos < (off >= 0 ? (int64_t)c->data : 0) || pos + size > c->end)
		return 1;
	p = c->frame + pos;
	*val = size == 1 ? p[0]
	       : size == 2
		       ? (uint32_t)(p[0] << 8 | p[1])
		       : (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	return 0;
}

/* ---------------------------------------------------------------- checksums */

/*
 * The kernel's checksum arithmetic, exactly (the 0 / 0xffff representation matters):
 * csum_partial as x86-64 computes it (little-endian 64-bit words added with end-around
 * carry, the tail zero-padded, folded to 32 bits), csum_add/csum_sub, csum_fold.
 */
static uint32_t csum_partial(const uint8_t *p, uint32_t len, uint32_t seed)
{
	uint64_t sum = seed, w;

	while (len >= 8) {
		memcpy(&w, p, 8);
		sum += w;
		sum += sum < w;
		p += 8;
		len -= 8;
	}
	if (len) {
		w = 0;
		memcpy(&w, p, len);
		sum += w;
		sum += sum < w;
	}
	sum = (sum & 0xffffffffu) + (sum >> 32);
	sum = (sum & 0xffffffffu) + (sum >> 32);
	return (uint32_t)sum;
}

static uint32_t csum_add(uint32_t a, uint32_t b)
{
	uint32_t r = a + b;

	return r + (r < b);
}

static uint32_t csum_sub(uint32_t a, uint32_t b)
{
	return csum_add(a, ~b);
}

/* csum_from32to16: the folded sum, not complemented */
static uint16_t csum_from32to16(uint32_t s)
{
	s += (s >> 16) | (s << 16);
	return (uint16_t)(s >> 16);
}

static uint16_t csum_fold(uint32_t s)
{
	return (uint16_t)~csum_from32to16(s);
}

/* ---------------------------------------------------------------- helpers */

#define HELPER(name) static int h_##name(struct vm *vm, const uint64_t *a, uint64_t *ret)

static uint64_t err64(int e)
{
	return (uint64_t)(int64_t)e;
}

/* Every helper of this file finds its context here: the ones that work on the frame need
 * it (so any of them owns a borrowed packet first: a store, an adjust, a checksum). */
static struct vm_ctx *ctx_of(struct vm *vm)
{
	struct vm_ctx *c = vm->hooks.arg;

	if (c->borrowed)
		ctx_own(c);
	return c;
}

/* Helpers take the context as r1: anything else is what the verifier refuses. */
static struct vm_ctx *ctx_arg(struct vm *vm, uint64_t r1, const char *helper)
{
	struct vm_ctx *c = ctx_of(vm);

	if (r1 != VM_ADDR(c->ctx_region, 0)) {
		vm_fault_set(vm, VM_FAULT_HELPER_ARG, "%s: r1 (0x%" PRIx64 ") is not the context",
			     helper, r1);
		return NULL;
	}
	return c;
}

/* bpf_xdp_adjust_head(ctx, delta): data moves by delta within [xdp_frame end + metadata,
 * data_end - ETH_HLEN]; the metadata moves with it. */
HELPER(xdp_adjust_head)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_xdp_adjust_head");
	int64_t data, delta = (int32_t)a[1];

	if (!c)
		return VM_HELPER_FAULT;
	data = (int64_t)c->data + delta;
	if (data < (int64_t)(XDP_FRAME_HDR + c->meta) || data > (int64_t)c->end - ETH_HLEN) {
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	if (c->meta)
		memmove(c->frame + data - c->meta, c->frame + c->data - c->meta, c->meta);
	c->data = (uint32_t)data;
	c->headroom_dirty = 1;
	regions_update(c);
	*ret = 0;
	return VM_HELPER_OK;
}

/* The bytes of the fragments. */
static uint32_t frags_len(const struct vm_ctx *c)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < c->nfrags; i++)
		n += c->frag_len[i];
	return n;
}

/* bpf_xdp_frags_increase_tail and bpf_xdp_frags_shrink_tail: the last fragment grows
 * (zeroed) within its page; shrinking eats fragments from the end, then the linear part. */
static int xdp_frags_tail(struct vm_ctx *c, int64_t delta)
{
	if (delta > 0) {
		uint32_t *last = &c->frag_len[c->nfrags - 1];

		if (delta > XDP_FRAG_SIZE - *last)
			return -EINVAL;
		memset(c->frags[c->nfrags - 1] + *last, 0, (size_t)delta);
		*last += (uint32_t)delta;
		return 0;
	}
	delta = -delta;
	if (delta > (int64_t)(c->end - c->data) + frags_len(c) - ETH_HLEN)
		return -EINVAL;
	while (c->nfrags && delta > 0) {
		uint32_t *last = &c->frag_len[c->nfrags - 1];
		uint32_t cut = delta < *last ? (uint32_t)delta : *last;

		*last -= cut;
		delta -= cut;
		if (!*last)
			c->nfrags--;
	}
	c->end -= (uint32_t)delta; /* what the fragments did not cover */
	return 0;
}

/* bpf_xdp_adjust_tail(ctx, delta): data_end within [data + ETH_HLEN, frame - tailroom];
 * grown bytes are zeroed. With fragments, the fragments' tail moves (xdp_frags_tail). */
HELPER(xdp_adjust_tail)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_xdp_adjust_tail");
	int64_t end, delta = (int32_t)a[1];

	if (!c)
		return VM_HELPER_FAULT;
	if (c->nfrags) {
		*ret = err64(xdp_frags_tail(c, delta));
		regions_update(c);
		return VM_HELPER_OK;
	}
	end = (int64_t)c->end + delta;
	if (end > (int64_t)(VM_CTX_XDP_FRAME - VM_CTX_XDP_TAILROOM) ||
	    end < (int64_t)c->data + ETH_HLEN) {
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	if (delta > 0)
		memset(c->frame + c->end, 0, (size_t)delta);
	c->end = (uint32_t)end;
	regions_update(c);
	*ret = 0;
	return VM_HELPER_OK;
}

/* bpf_xdp_adjust_meta(ctx, delta): data_meta within [xdp_frame end, data]; the length a
 * multiple of 4 and at most 252, else -EACCES. */
HELPER(xdp_adjust_meta)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_xdp_adjust_meta");
	int64_t meta, delta = (int32_t)a[1];

	if (!c)
		return VM_HELPER_FAULT;
	meta = (int64_t)c->data - c->meta + delta; /* frame offset of the new data_meta */
	if (meta < XDP_FRAME_HDR || meta > (int64_t)c->data) {
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	if (((c->data - meta) & 3) || c->data - meta > XDP_META_MAX) {
		*ret = err64(-EACCES);
		return VM_HELPER_OK;
	}
	c->meta = (uint32_t)(c->data - meta);
	c->headroom_dirty = 1;
	regions_update(c);
	*ret = 0;
	return VM_HELPER_OK;
}

/* bpf_xdp_get_buff_len(ctx): the linear data and the fragments. */
HELPER(xdp_get_buff_len)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_xdp_get_buff_len");

	if (!c)
		return VM_HELPER_FAULT;
	*ret = c->end - c->data + frags_len(c);
	return VM_HELPER_OK;
}

/* Copy @len bytes at packet offset @off (linear part, then fragments) to or from @buf. */
static void xdp_copy(struct vm_ctx *c, uint32_t off, uint8_t *buf, uint32_t len, int store)
{
	uint32_t lin = c->end - c->data;

	for (uint32_t i = 0; len; i++) {
		uint8_t *p = i == 0 ? c->frame + c->data : c->frags[i - 1];
		uint32_t n = i == 0 ? lin : c->frag_len[i - 1], k;

		if (off >= n) {
			off -= n;
			continue;
		}
		k = n - off < len ? n - off : len;
		if (store)
			memmove(p + off, buf, k);
		else
			memmove(buf, p + off, k);
		buf += k;
		len -= k;
		off = 0;
	}
}

/* bpf_xdp_load_bytes/store_bytes(ctx, off, buf, len): -EFAULT for offsets or lengths past
 * 0xffff, -EINVAL past the data (fragments included); the buffer is left alone on error. */
static int xdp_bytes(struct vm *vm, const uint64_t *a, uint64_t *ret, int store)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], store ? "bpf_xdp_store_bytes" : "bpf_xdp_load_bytes");
	uint32_t off = (uint32_t)a[1], len = (uint32_t)a[3];
	uint8_t *buf;

	if (!c || !(buf = vm_mem_ptr(vm, a[2], len, !store)))
		return VM_HELPER_FAULT;
	if (off > 0xffff || len > 0xffff) {
		*ret = err64(-EFAULT);
		return VM_HELPER_OK;
	}
	if (off + len > c->end - c->data + frags_len(c)) {
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	xdp_copy(c, off, buf, len, store);
	*ret = 0;
	return VM_HELPER_OK;
}

HELPER(xdp_load_bytes)
{
	return xdp_bytes(vm, a, ret, 0);
}

HELPER(xdp_store_bytes)
{
	return xdp_bytes(vm, a, ret, 1);
}

/* bpf_redirect(ifindex, flags): XDP: XDP_REDIRECT, or XDP_ABORTED for any flag; tc:
 * TC_ACT_REDIRECT, or TC_ACT_SHOT for flags other than BPF_F_INGRESS. */
HELPER(redirect)
{
	struct vm_ctx *c = ctx_of(vm);

	if (c->tbit == T_XDP ? a[1] != 0 : (a[1] & ~(uint64_t)BPF_F_INGRESS) != 0) {
		*ret = c->tbit == T_XDP ? XDP_ABORTED : TC_ACT_SHOT;
		return VM_HELPER_OK;
	}
	c->redirect = 1;
	c->redirect_ifindex = (uint32_t)a[0];
	c->redirect_flags = a[1];
	c->redirect_map = 0;
	*ret = c->tbit == T_XDP ? XDP_REDIRECT : TC_ACT_REDIRECT;
	return VM_HELPER_OK;
}

/*
 * bpf_redirect_map(map, key, flags) for XDP: the low two bits of flags are the action when
 * the key has no entry; other bits (BPF_F_BROADCAST and BPF_F_EXCLUDE_INGRESS for devmaps)
 * are XDP_ABORTED. The VM has no devices: every devmap, cpumap and xskmap is empty, and the
 * helper returns what the kernel returns for a missing entry.
 */
HELPER(redirect_map)
{
	const struct vm_map_handle *h = vm_map_handle_find(vm, a[0]);
	const struct vm_map *m = h ? h->map : NULL;
	uint64_t allowed = XDP_ABORTED | XDP_DROP | XDP_PASS | XDP_TX;

	if (!m) {
		vm_fault_set(vm, VM_FAULT_HELPER_ARG,
			     "bpf_redirect_map: r1 (0x%" PRIx64 ") is no map", a[0]);
		return VM_HELPER_FAULT;
	}
	switch (m->type) {
	case BPF_MAP_TYPE_DEVMAP:
	case BPF_MAP_TYPE_DEVMAP_HASH:
		allowed |= BPF_F_BROADCAST | BPF_F_EXCLUDE_INGRESS;
		break;
	case BPF_MAP_TYPE_CPUMAP:
	case BPF_MAP_TYPE_XSKMAP:
		break;
	default:
		vm_fault_set(vm, VM_FAULT_HELPER_ARG,
			     "bpf_redirect_map: map '%s' is no devmap, cpumap or xskmap", m->name);
		return VM_HELPER_FAULT;
	}
	if (a[2] & ~allowed) {
		*ret = XDP_ABORTED;
		return VM_HELPER_OK;
	}
	/* with BPF_F_BROADCAST the kernel redirects to every entry: none here */
	*ret = a[2] & BPF_F_BROADCAST ? XDP_REDIRECT : a[2] & 3;
	if (*ret == XDP_REDIRECT) {
		struct vm_ctx *c = ctx_of(vm);

		c->redirect = 1;
		c->redirect_ifindex = (uint32_t)a[1];
		c->redirect_flags = a[2];
		c->redirect_map = a[0];
	}
	return VM_HELPER_OK;
}

/* bpf_csum_diff(from, from_size, to, to_size, seed): the folded 16 bits, as 6.18 returns. */
HELPER(csum_diff)
{
	uint32_t fs = (uint32_t)a[1], ts = (uint32_t)a[3], r = (uint32_t)a[4];
	const uint8_t *from = fs ? vm_mem_ptr(vm, a[0], fs, 0) : NULL;
	const uint8_t *to = ts ? vm_mem_ptr(vm, a[2], ts, 0) : NULL;

	if ((fs && !from) || (ts && !to))
		return VM_HELPER_FAULT;
	if (fs && ts)
		r = csum_sub(csum_partial(to, ts, r), csum_partial(from, fs, 0));
	else if (ts)
		r = csum_partial(to, ts, r);
	else if (fs)
		r = ~csum_partial(from, fs, ~r);
	*ret = csum_from32to16(r);
	return VM_HELPER_OK;
}

/* The 2 bytes at skb->data + @off for the csum helpers, or NULL (the kernel's -EFAULT:
 * odd or beyond 0xffff, or past the packet). */
static uint8_t *skb_csum_field(struct vm_ctx *c, uint64_t off)
{
	if ((uint32_t)off > 0xffff || (off & 1) || (uint32_t)off + 2 > c->end - c->data)
		return NULL;
	return c->frame + c->data + (uint32_t)off;
}

/* bpf_l3_csum_replace(skb, off, from, to, flags): flags' low 4 bits say the field size (0:
 * `to` is a csum_diff result). */
HELPER(l3_csum_replace)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_l3_csum_replace");
	uint64_t flags = a[4];
	uint16_t sum;
	uint8_t *p;

	if (!c)
		return VM_HELPER_FAULT;
	if (flags & ~(uint64_t)BPF_F_HDR_FIELD_MASK) {
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	p = skb_csum_field(c, (uint32_t)a[1]);
	if (!p) {
		*ret = err64(-EFAULT);
		return VM_HELPER_OK;
	}
	memcpy(&sum, p, 2);
	switch (flags & BPF_F_HDR_FIELD_MASK) {
	case 0:
		if (a[2]) {
			*ret = err64(-EINVAL);
			return VM_HELPER_OK;
		}
		sum = csum_fold(csum_add((uint32_t)a[3], ~(uint32_t)sum));
		break;
	case 2: {
		/* csum_replace2: 16-bit ones' complement arithmetic */
		uint16_t from = (uint16_t)a[2], to = (uint16_t)a[3];
		uint16_t r = (uint16_t)~sum, nf = (uint16_t)~from;

		r = (uint16_t)(r + nf);
		r = (uint16_t)(r + (r < nf));
		r = (uint16_t)(r + to);
		r = (uint16_t)(r + (r < to));
		sum = (uint16_t)~r;
		break;
	}
	case 4:
		sum = csum_fold(csum_add(csum_sub(~(uint32_t)sum, (uint32_t)a[2]), (uint32_t)a[3]));
		break;
	default:
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	memcpy(p, &sum, 2);
	*ret = 0;
	return VM_HELPER_OK;
}

/* bpf_l4_csum_replace(skb, off, from, to, flags): as l3, through inet_proto_csum_replace*
 * of an skb whose ip_summed is CHECKSUM_NONE (test_run's), so BPF_F_PSEUDO_HDR and
 * BPF_F_IPV6 change nothing; BPF_F_MARK_MANGLED_0 keeps a zero checksum (UDP's "none")
 * and writes 0xffff for a result of 0. */
HELPER(l4_csum_replace)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_l4_csum_replace");
	uint64_t flags = a[4];
	uint16_t sum;
	uint8_t *p;

	if (!c)
		return VM_HELPER_FAULT;
	if (flags & ~(uint64_t)(BPF_F_MARK_MANGLED_0 | BPF_F_MARK_ENFORCE | BPF_F_PSEUDO_HDR |
				BPF_F_HDR_FIELD_MASK | BPF_F_IPV6)) {
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	p = skb_csum_field(c, (uint32_t)a[1]);
	if (!p) {
		*ret = err64(-EFAULT);
		return VM_HELPER_OK;
	}
	memcpy(&sum, p, 2);
	*ret = 0;
	if ((flags & BPF_F_MARK_MANGLED_0) && !(flags & BPF_F_MARK_ENFORCE) && !sum)
		return VM_HELPER_OK;
	switch (flags & BPF_F_HDR_FIELD_MASK) {
	case 0:
		if (a[2]) {
			*ret = err64(-EINVAL);
			return VM_HELPER_OK;
		}
		sum = csum_fold(csum_add((uint32_t)a[3], ~(uint32_t)sum));
		break;
	case 2:
	case 4: {
		/* inet_proto_csum_replace4 (2: the 16-bit values zero-extended) */
		uint32_t from = (uint32_t)a[2], to = (uint32_t)a[3], diff[2];

		if ((flags & BPF_F_HDR_FIELD_MASK) == 2) {
			from = (uint16_t)from;
			to = (uint16_t)to;
		}
		diff[0] = ~from;
		diff[1] = to;
		sum = csum_fold(csum_partial((const uint8_t *)diff, 8, ~(uint32_t)sum));
		break;
	}
	default:
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	if ((flags & BPF_F_MARK_MANGLED_0) && !sum)
		sum = 0xffff; /* CSUM_MANGLED_0 */
	memcpy(p, &sum, 2);
	return VM_HELPER_OK;
}

/* bpf_skb_load_bytes(skb, off, to, len): from skb->data; outside the packet -EFAULT with
 * the buffer zeroed. */
HELPER(skb_load_bytes)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_skb_load_bytes");
	uint32_t off = (uint32_t)a[1], len = (uint32_t)a[3];
	uint8_t *to;

	if (!c || !(to = vm_mem_ptr(vm, a[2], len, 1)))
		return VM_HELPER_FAULT;
	if (off > INT32_MAX || (uint64_t)off + len > c->end - c->data) {
		memset(to, 0, len);
		*ret = err64(-EFAULT);
		return VM_HELPER_OK;
	}
	memmove(to, c->frame + c->data + off, len);
	*ret = 0;
	return VM_HELPER_OK;
}

/* bpf_skb_load_bytes_relative(skb, off, to, len, start): from the Ethernet
 * (BPF_HDR_START_MAC) or network header. */
HELPER(skb_load_bytes_relative)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_skb_load_bytes_relative");
	uint32_t off = (uint32_t)a[1], len = (uint32_t)a[3], start;
	uint8_t *to;

	if (!c || !(to = vm_mem_ptr(vm, a[2], len, 1)))
		return VM_HELPER_FAULT;
	start = a[4] == BPF_HDR_START_MAC ? c->mac : c->net;
	if (off > 0xffff || a[4] > BPF_HDR_START_NET || (uint64_t)start + off + len > c->end) {
		memset(to, 0, len);
		*ret = err64(-EFAULT);
		return VM_HELPER_OK;
	}
	memmove(to, c->frame + start + off, len);
	*ret = 0;
	return VM_HELPER_OK;
}

/* bpf_skb_store_bytes(skb, off, from, len, flags): into skb->data; -EINVAL for flags other
 * than BPF_F_RECOMPUTE_CSUM and BPF_F_INVALIDATE_HASH (neither changes the bytes: the
 * skb's csum is not CHECKSUM_COMPLETE in test_run), -EFAULT past the packet. */
HELPER(skb_store_bytes)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_skb_store_bytes");
	uint32_t off = (uint32_t)a[1], len = (uint32_t)a[3];
	const uint8_t *from;

	if (!c || !(from = vm_mem_ptr(vm, a[2], len, 0)))
		return VM_HELPER_FAULT;
	if (a[4] & ~(uint64_t)(BPF_F_RECOMPUTE_CSUM | BPF_F_INVALIDATE_HASH)) {
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	if (off > INT32_MAX || (uint64_t)off + len > c->end - c->data) {
		*ret = err64(-EFAULT);
		return VM_HELPER_OK;
	}
	memmove(c->frame + c->data + off, from, len);
	if (a[4] & BPF_F_INVALIDATE_HASH)
		c->c.skb.hash = 0;
	*ret = 0;
	return VM_HELPER_OK;
}

/* bpf_skb_pull_data(skb, len): test_run's skb is linear and writable: 0, or -ENOMEM for
 * more than the packet (pskb_may_pull). */
HELPER(skb_pull_data)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_skb_pull_data");

	if (!c)
		return VM_HELPER_FAULT;
	*ret = (uint32_t)a[1] > c->end - c->data ? err64(-ENOMEM) : 0;
	return VM_HELPER_OK;
}

/* skb->protocol in host order, and back (the field holds the __be16 as a LE u32 reads it) */
static uint16_t skb_proto(const struct vm_ctx *c)
{
	return (uint16_t)__builtin_bswap16((uint16_t)c->c.skb.protocol);
}

static void skb_proto_set(struct vm_ctx *c, uint16_t proto)
{
	c->c.skb.protocol = __builtin_bswap16(proto);
}

static int eth_type_vlan(uint16_t proto)
{
	return proto == ETH_P_8021Q || proto == ETH_P_8021AD;
}

/* __skb_vlan_pop: take the tag after the MACs out of the packet; *@tci gets its TCI. */
static int vlan_pop_data(struct vm_ctx *c, uint16_t *tci)
{
	uint8_t *d = c->frame + c->data;
	uint16_t inner;

	if (c->end - c->data < ETH_HLEN + 4)
		return -ENOMEM; /* skb_ensure_writable(VLAN_ETH_HLEN) */
	*tci = (uint16_t)(d[14] << 8 | d[15]);
	inner = (uint16_t)(d[16] << 8 | d[17]);
	memmove(d + 4, d, 2 * ETH_ALEN);
	c->data += 4;
	c->mac += 4;
	/* vlan_set_encap_proto */
	if (inner >= ETH_P_802_3_MIN)
		skb_proto_set(c, inner);
	else if (c->end - c->data >= ETH_HLEN + 2 && d[18] == 0xff && d[19] == 0xff)
		skb_proto_set(c, ETH_P_802_3);
	else
		skb_proto_set(c, ETH_P_802_2);
	if (c->net < c->data + ETH_HLEN)
		c->net = c->data + ETH_HLEN;
	c->c.skb.len = c->end - c->data;
	return 0;
}

/* __vlan_hwaccel_put_tag and __vlan_hwaccel_clear_tag */
static void vlan_hw_set(struct vm_ctx *c, uint16_t proto, uint16_t tci, int present)
{
	c->c.skb.vlan_present = (uint32_t)present;
	c->c.skb.vlan_tci = tci;
	c->c.skb.vlan_proto = __builtin_bswap16(proto);
}

/* bpf_skb_vlan_push(skb, proto, tci): the tag goes into the skb's hardware-accelerated tag;
 * one already there moves into the packet first (4 more bytes, protocol its proto). A
 * proto other than 802.1Q and 802.1ad is 802.1Q. */
HELPER(skb_vlan_push)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_skb_vlan_push");
	uint16_t proto = __builtin_bswap16((uint16_t)a[1]), tci = (uint16_t)a[2];

	if (!c)
		return VM_HELPER_FAULT;
	if (!eth_type_vlan(proto))
		proto = ETH_P_8021Q;
	if (c->c.skb.vlan_present) {
		uint16_t old = __builtin_bswap16((uint16_t)c->c.skb.vlan_proto);
		uint8_t *d;

		if (c->data < 4 || c->end - c->data < 2 * ETH_ALEN) {
			*ret = err64(-ENOMEM);
			return VM_HELPER_OK;
		}
		c->data -= 4;
		c->mac -= 4;
		c->net -= 4; /* the kernel's network header moves with the MACs (ld_abs shows it) */
		d = c->frame + c->data;
		memmove(d, d + 4, 2 * ETH_ALEN);
		d[12] = (uint8_t)(old >> 8);
		d[13] = (uint8_t)old;
		d[14] = (uint8_t)(c->c.skb.vlan_tci >> 8);
		d[15] = (uint8_t)c->c.skb.vlan_tci;
		skb_proto_set(c, old);
		c->c.skb.len = c->end - c->data;
	}
	vlan_hw_set(c, proto, tci, 1);
	regions_update(c);
	*ret = 0;
	return VM_HELPER_OK;
}

/* bpf_skb_vlan_pop(skb): drop the hardware tag, or else the packet's outer tag; then a
 * packet tag left in front of the payload becomes the hardware tag (skb_vlan_pop). */
HELPER(skb_vlan_pop)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_skb_vlan_pop");
	uint16_t tci, proto;
	int err;

	if (!c)
		return VM_HELPER_FAULT;
	*ret = 0;
	if (c->c.skb.vlan_present) {
		vlan_hw_set(c, 0, 0, 0);
	} else {
		if (!eth_type_vlan(skb_proto(c)))
			return VM_HELPER_OK;
		err = vlan_pop_data(c, &tci);
		if (err) {
			*ret = err64(err);
			return VM_HELPER_OK;
		}
	}
	if (eth_type_vlan(skb_proto(c))) {
		proto = skb_proto(c);
		err = vlan_pop_data(c, &tci);
		if (err)
			*ret = err64(err);
		else
			vlan_hw_set(c, proto, tci, 1);
	}
	regions_update(c);
	return VM_HELPER_OK;
}

/* bpf_skb_change_tail(skb, len, flags): the packet becomes len bytes, from the network
 * header (__bpf_skb_min_len: test_run's skb has no transport header) to SKB_MAX_ALLOC;
 * grown bytes are zeroed. */
HELPER(skb_change_tail)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_skb_change_tail");
	uint32_t len = (uint32_t)a[1], cur;

	if (!c)
		return VM_HELPER_FAULT;
	cur = c->end - c->data;
	if (a[2] || len > SKB_ALLOC_MAX || len < c->net - c->data) {
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	if (len > cur)
		memset(c->frame + c->end, 0, len - cur);
	c->end = c->data + len;
	c->c.skb.len = len;
	if (c->c.skb.gso_size) /* skb_gso_reset of a GSO skb (ctx_in's gso_size) */
		c->c.skb.gso_size = c->c.skb.gso_segs = 0;
	regions_update(c);
	*ret = 0;
	return VM_HELPER_OK;
}

/* bpf_skb_change_head(skb, room, flags): @room zeroed bytes in front, the MAC header
 * starting there (the network header stays); at most SKB_MAX_ALLOC in all unless the skb is
 * GSO (ctx_in's gso_size), where the kernel checks no length: the VM's frame then allows
 * SKB_DATA_OFF bytes of headroom and says -ENOMEM beyond. */
HELPER(skb_change_head)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_skb_change_head");
	uint32_t room = (uint32_t)a[1];
	uint64_t len;

	if (!c)
		return VM_HELPER_FAULT;
	len = (uint64_t)(c->end - c->data) + room;
	if (a[2] || (int32_t)room < 0 || (!c->c.skb.gso_size && len > SKB_ALLOC_MAX)) {
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	if (room > c->data) {
		*ret = err64(-ENOMEM);
		return VM_HELPER_OK;
	}
	c->data -= room;
	memset(c->frame + c->data, 0, room);
	c->mac = c->data;
	c->c.skb.len = (uint32_t)len;
	regions_update(c);
	*ret = 0;
	return VM_HELPER_OK;
}

/* bpf_csum_update(skb, csum): only for CHECKSUM_COMPLETE skbs, which test_run's are not:
 * the kernel's -ENOTSUPP. */
HELPER(csum_update)
{
	if (!ctx_arg(vm, a[0], "bpf_csum_update"))
		return VM_HELPER_FAULT;
	*ret = err64(-VM_ENOTSUPP);
	return VM_HELPER_OK;
}

/* bpf_csum_level(skb, level): query, increment, decrement or reset the checksum level of a
 * CHECKSUM_UNNECESSARY skb (__skb_incr_checksum_unnecessary and friends); the query of any
 * other skb is -EACCES. */
HELPER(csum_level)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_csum_level");

	if (!c)
		return VM_HELPER_FAULT;
	*ret = 0;
	switch (a[1]) {
	case BPF_CSUM_LEVEL_QUERY:
		*ret = c->csum_unnecessary ? c->csum_level : err64(-EACCES);
		break;
	case BPF_CSUM_LEVEL_INC:
		if (!c->csum_unnecessary)
			c->csum_unnecessary = 1, c->csum_level = 0;
		else if (c->csum_level < 3) /* SKB_MAX_CSUM_LEVEL */
			c->csum_level++;
		break;
	case BPF_CSUM_LEVEL_DEC:
		if (c->csum_unnecessary && c->csum_level == 0)
			c->csum_unnecessary = 0;
		else if (c->csum_unnecessary)
			c->csum_level--;
		break;
	case BPF_CSUM_LEVEL_RESET:
		c->csum_unnecessary = c->csum_level = 0;
		break;
	default:
		*ret = err64(-EINVAL);
	}
	return VM_HELPER_OK;
}

/* bpf_perf_event_output(ctx, map, flags, data, size) of the packet types
 * (bpf_skb_event_output, bpf_xdp_event_output): -EINVAL for flags beyond the index and
 * BPF_F_CTXLEN_MASK, -EFAULT for more packet bytes than there are; the record is the data
 * and then that many bytes from the packet's start (XDP fragments included). */
HELPER(perf_event_output)
{
	struct vm_ctx *c = ctx_arg(vm, a[0], "bpf_perf_event_output");
	const struct vm_map_handle *h = vm_map_handle_find(vm, a[1]);
	uint64_t flags = a[2], pktlen = (flags & BPF_F_CTXLEN_MASK) >> 32;
	uint32_t size = (uint32_t)a[4], total;
	const uint8_t *data;
	uint8_t *tmp;
	int err;

	if (!c)
		return VM_HELPER_FAULT;
	if (!h) {
		vm_fault_set(vm, VM_FAULT_HELPER_ARG,
			     "bpf_perf_event_output: map argument 0x%" PRIx64 " is no map", a[1]);
		return VM_HELPER_FAULT;
	}
	data = vm_mem_ptr(vm, a[3], size, 0);
	if (!data || (a[4] >> 32)) {
		if (data)
			*ret = err64(-E2BIG);
		return data ? VM_HELPER_OK : VM_HELPER_FAULT;
	}
	if (flags & ~(uint64_t)(BPF_F_CTXLEN_MASK | BPF_F_INDEX_MASK)) {
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	total = c->end - c->data + (c->tbit == T_XDP ? frags_len(c) : 0);
	if (pktlen > total) {
		*ret = err64(-EFAULT);
		return VM_HELPER_OK;
	}
	tmp = mem_alloc(size + pktlen);
	if (!tmp) {
		*ret = err64(-ENOMEM);
		return VM_HELPER_OK;
	}
	memcpy(tmp, data, size);
	if (c->tbit == T_XDP)
		xdp_copy(c, 0, tmp + size, (uint32_t)pktlen, 0);
	else
		memcpy(tmp + size, c->frame + c->data, pktlen);
	err = vm_map_perf_output(h->map, flags & BPF_F_INDEX_MASK, tmp, size + pktlen);
	mem_free(tmp);
	*ret = err64(err);
	return VM_HELPER_OK;
}

/* ---------------------------------------------------------------- helper sets */

/* Helpers of vm_helpers_kernel() and of this file that the kernel refuses to a type
 * ("program of this type cannot use helper"), as 6.18's verifier answered for each. */
static const struct {
	const char *name;
	unsigned types; /* T_* where the kernel refuses it */
} denied[] = {
	{"probe_read", T_SF | T_TC | T_XDP},
	{"probe_read_str", T_SF | T_TC | T_XDP},
	{"skb_store_bytes", T_SF | T_XDP},
	{"l3_csum_replace", T_SF | T_XDP},
	{"l4_csum_replace", T_SF | T_XDP},
	{"redirect", T_SF},
	{"csum_diff", T_SF},
	{"csum_update", T_SF | T_XDP},
	{"skb_pull_data", T_SF | T_XDP},
	{"skb_vlan_push", T_SF | T_XDP},
	{"skb_vlan_pop", T_SF | T_XDP},
	{"skb_change_tail", T_SF | T_XDP},
	{"skb_change_head", T_SF | T_XDP},
	{"csum_level", T_SF | T_XDP},
	{"skb_load_bytes", T_XDP},
	{"skb_load_bytes_relative", T_XDP},
	{"xdp_adjust_head", T_SKB},
	{"xdp_adjust_tail", T_SKB},
	{"xdp_adjust_meta", T_SKB},
	{"redirect_map", T_SKB},
	{"xdp_get_buff_len", T_SKB},
	{"xdp_load_bytes", T_SKB},
	{"xdp_store_bytes", T_SKB},
};

static const struct {
	const char *name;
	vm_helper_fn fn;
} packet_helpers[] = {
	{"perf_event_output", h_perf_event_output},
	{"xdp_adjust_head", h_xdp_adjust_head},
	{"xdp_adjust_tail", h_xdp_adjust_tail},
	{"xdp_adjust_meta", h_xdp_adjust_meta},
	{"xdp_get_buff_len", h_xdp_get_buff_len},
	{"xdp_load_bytes", h_xdp_load_bytes},
	{"xdp_store_bytes", h_xdp_store_bytes},
	{"redirect", h_redirect},
	{"redirect_map", h_redirect_map},
	{"csum_diff", h_csum_diff},
	{"l3_csum_replace", h_l3_csum_replace},
	{"l4_csum_replace", h_l4_csum_replace},
	{"skb_load_bytes", h_skb_load_bytes},
	{"skb_load_bytes_relative", h_skb_load_bytes_relative},
	{"skb_store_bytes", h_skb_store_bytes},
	{"csum_update", h_csum_update},
	{"skb_pull_data", h_skb_pull_data},
	{"skb_vlan_push", h_skb_vlan_push},
	{"skb_vlan_pop", h_skb_vlan_pop},
	{"skb_change_tail", h_skb_change_tail},
	{"skb_change_head", h_skb_change_head},
	{"csum_level", h_csum_level},
};

static void helpers_install(struct vm_ctx *c)
{
	struct vm *vm = c->vm;

	vm_helpers_kernel(vm);
	memset(vm->helper_denied, 0, sizeof(vm->helper_denied));
	for (size_t i = 0; i < sizeof(packet_helpers) / sizeof(packet_helpers[0]); i++) {
		const struct isa_helper *h = isa_helper_by_name(packet_helpers[i].name);

		if (h)
			vm_helper_set(vm, h->id, packet_helpers[i].fn);
	}
	for (size_t i = 0; i < sizeof(denied) / sizeof(denied[0]); i++) {
		const struct isa_helper *h = isa_helper_by_name(denied[i].name);

		if (!h || !(denied[i].types & c->tbit) || h->id < 0 ||
		    (unsigned)h->id >= VM_HELPER_MAX)
			continue;
		vm_helper_set(vm, h->id, NULL);
		vm->helper_denied[h->id / 64] |= 1ull << (h->id % 64);
	}
	vm->helper_scope = c->scope;
}

/* ---------------------------------------------------------------- the API */

struct vm_ctx *vm_ctx_new(struct vm *vm, uint32_t prog_type, struct diag *d)
{
	struct vm_ctx *c;
	int r;

	if (vm->hooks.arg) {
		if (d)
			diag_error(d, NULL, "ebpf-run: this VM has a program context already");
		return NULL;
	}
	c = mem_alloc(sizeof(*c));
	if (!c) {
		if (d)
			diag_error(d, NULL, "ebpf-run: out of memory");
		return NULL;
	}
	c->vm = vm;
	c->type = prog_type;
	switch (prog_type) {
	case BPF_PROG_TYPE_SOCKET_FILTER:
		c->tbit = T_SF;
		c->scope = "socket_filter";
		break;
	case BPF_PROG_TYPE_SCHED_CLS:
		c->tbit = T_TC;
		c->scope = "sched_cls";
		break;
	case BPF_PROG_TYPE_SCHED_ACT:
		c->tbit = T_TC;
		c->scope = "sched_act";
		break;
	case BPF_PROG_TYPE_XDP:
		c->tbit = T_XDP;
		c->scope = "xdp";
		break;
	default: {
		const struct isa_progtype *t = isa_progtype_by_id((int)prog_type);

		if (d)
			diag_error(
				d, NULL,
				"ebpf-run: program type %s (%" PRIu32 ") has no packet context "
				"here; ebpf-run runs socket_filter, sched_cls, sched_act and xdp "
				"programs",
				t ? t->name : "?", prog_type);
		mem_free(c);
		return NULL;
	}
	}
	if (c->tbit == T_XDP) {
		c->fields = xdp_fields;
		c->nfields = sizeof(xdp_fields) / sizeof(xdp_fields[0]);
		c->ctx_size = sizeof(struct xdp_md);
		c->headroom_dirty = 1;
	} else {
		c->fields = skb_fields;
		c->nfields = sizeof(skb_fields) / sizeof(skb_fields[0]);
		c->ctx_size = sizeof(struct __sk_buff);
	}
	for (size_t i = 0; i < c->nfields; i++)
		for (uint32_t b = 0; b < c->fields[i].size; b++)
			c->field_of[c->fields[i].off + b] = (uint8_t)i;
	/* the metadata must be the region just below the packet (see the top) */
	r = vm_region_add(vm, "context", c->c.raw, c->ctx_size, VM_MEM_RW | VM_MEM_HOOK, 0, 0);
	c->ctx_region = r;
	if (r > 0)
		r = c->meta_region = vm_region_add(vm, "packet metadata", NULL, 0,
						   VM_MEM_RW | VM_MEM_HOOK, 0, 0);
	if (r > 0)
		r = c->pkt_region = vm_region_add(vm, "packet", NULL, 0, VM_MEM_RW, 0, 0);
	if (r > 0 && c->tbit != T_XDP)
		r = c->sk_region = vm_region_add(vm, "skb->sk (a socket ebpf-run does not model)",
						 NULL, 0, 0, 0, 0);
	if (r < 0) {
		if (d)
			diag_error(d, NULL, "ebpf-run: cannot map the context: %s", strerror(-r));
		mem_free(c);
		return NULL;
	}
	load4_init(c);
	vm_load4_set(vm, c->ctx_region, c->load4);
	vm->hooks.ptr = hook_ptr;
	vm->hooks.load = hook_load;
	vm->hooks.store = hook_store;
	vm->hooks.ldabs = hook_ldabs;
	vm->hooks.own = hook_own;
	vm->hooks.arg = c;
	vm_packet_set(vm, c->pkt_region);
	helpers_install(c);
	return c;
}

void vm_ctx_free(struct vm_ctx *c)
{
	if (!c)
		return;
	/* the regions stay (regions are never removed) but point at nothing */
	c->vm->regions[c->pkt_region].flags = VM_MEM_RW;
	vm_region_set(c->vm, c->pkt_region, NULL, 0);
	vm_region_set(c->vm, c->meta_region, NULL, 0);
	vm_region_set(c->vm, c->ctx_region, NULL, 0);
	vm_load4_set(c->vm, 0, NULL);
	memset(&c->vm->hooks, 0, sizeof(c->vm->hooks));
	c->vm->helper_scope = NULL;
	memset(c->vm->helper_denied, 0, sizeof(c->vm->helper_denied));
	vm_packet_set(c->vm, 0);
	mem_free(c);
}

uint32_t vm_ctx_prog_type(const struct vm_ctx *c)
{
	return c->type;
}

int vm_ctx_packet(struct vm_ctx *c, const uint8_t *data, uint32_t len, const struct vm_ctx_meta *m)
{
	static const struct vm_ctx_meta none;
	const struct vm_ctx_meta *mm = m ? m : &none;

	c->loaded = 0;
	if (len < ETH_HLEN + (c->tbit == T_XDP ? mm->meta_len : 0) || (len && !data))
		return -EINVAL;
	if (c->tbit == T_XDP) {
		/* ctx_in's metadata comes out of the headroom, above the xdp_frame */
		if ((mm->meta_len & 3) || mm->meta_len > VM_CTX_XDP_HEADROOM - XDP_FRAME_HDR ||
		    (!mm->ingress_ifindex && mm->rx_queue_index))
			return -EINVAL;
		/* what the page cannot hold goes into up to MAX_SKB_FRAGS fragments */
		if (len - mm->meta_len > VM_CTX_XDP_MAX_LEN + XDP_MAX_FRAGS * XDP_FRAG_SIZE)
			return -EMSGSIZE;
	} else {
		if (len > VM_CTX_SKB_MAX_LEN)
			return -EMSGSIZE;
		/* convert___skb_to_skb: wire_len at least the skb's len and at most
		 * GSO_LEGACY_MAX_SIZE, gso_segs at most GSO_MAX_SEGS */
		/* test_run wants the whole IP header of IPv4 and IPv6 frames */
		if (len >= ETH_HLEN &&
		    ((data[12] == 0x08 && data[13] == 0x00 && len < ETH_HLEN + 20) ||
		     (data[12] == 0x86 && data[13] == 0xdd && len < ETH_HLEN + 40)))
			return -EINVAL;
		if (mm->meta_len || mm->rx_queue_index || mm->wire_len > 65536 ||
		    (mm->wire_len && mm->wire_len < len - (c->tbit == T_TC ? 0 : ETH_HLEN)) ||
		    mm->gso_segs > 65535)
			return -EINVAL;
	}
	c->in = data;
	c->in_len = len;
	c->m = *mm;
	c->have_meta = m != NULL;
	c->loaded = 1; /* vm_ctx_run builds the frame */
	return 0;
}

/* Fill c->out as test_run's ctx_out (bpf_ctx_finish after xdp_convert_buff_to_md or
 * convert_skb_to___skb): what the kernel copies back, over what ctx_in said. */
static void ctx_out(struct vm_ctx *c)
{
	if (c->tbit == T_XDP) {
		struct xdp_md *x = &c->out.xdp;

		x->data = c->meta;
		x->data_end = c->end - c->data + c->meta;
		x->ingress_ifindex = c->m.ingress_ifindex;
		x->rx_queue_index = c->m.rx_queue_index;
	} else {
		const struct __sk_buff *s = &c->c.skb;
		struct __sk_buff *o = &c->out.skb;

		o->mark = s->mark;
		o->priority = s->priority;
		o->ingress_ifindex = s->ingress_ifindex;
		o->ifindex = s->ifindex;
		o->tstamp = s->tstamp;
		memcpy(o->cb, s->cb, sizeof(o->cb));
		o->wire_len = s->wire_len;
		o->gso_segs = s->gso_segs;
		o->gso_size = c->m.gso_size;
		o->hwtstamp = s->hwtstamp;
	}
}

int vm_ctx_run(struct vm_ctx *c, const struct vm_prog *p, struct vm_ctx_result *res)
{
	uint64_t r0 = 0;
	int err;

	if (!c->loaded) {
		memset(res, 0, sizeof(*res));
		return -EINVAL;
	}
	ctx_reset(c);
	err = vm_prog_run(c->vm, p, VM_ADDR(c->ctx_region, 0), 0, &r0);
	res->fault = err != 0;
	res->r0 = err ? 0 : r0;
	res->meta_len = 0;
	if (c->tbit == T_XDP) {
		res->pkt = c->borrowed ? c->in : c->frame + c->data - c->meta;
		res->pkt_len = c->end - c->data + c->meta;
		res->meta_len = c->meta;
		if (c->nfrags) {
			/* test_run's data_out: the linear part, then each fragment */
			memcpy(c->out_pkt, res->pkt, res->pkt_len);
			for (uint32_t i = 0; i < c->nfrags; i++) {
				memcpy(c->out_pkt + res->pkt_len, c->frags[i], c->frag_len[i]);
				res->pkt_len += c->frag_len[i];
			}
			res->pkt = c->out_pkt;
		}
	} else if (c->tbit == T_SF) {
		/* test_run pushes the Ethernet header back as zeros */
		memset(c->frame + c->data - ETH_HLEN, 0, ETH_HLEN);
		res->pkt = c->frame + c->data - ETH_HLEN;
		res->pkt_len = c->end - c->data + ETH_HLEN;
	} else {
		res->pkt = c->frame + c->data;
		res->pkt_len = c->end - c->data;
	}
	ctx_out(c);
	res->ctx = c->out.raw;
	res->ctx_size = c->ctx_size;
	res->redirect = c->redirect;
	res->redirect_ifindex = c->redirect_ifindex;
	res->redirect_flags = c->redirect_flags;
	res->redirect_map = c->redirect_map;
	return 0;
}

/* ---------------------------------------------------------------- verdicts */

const char *vm_ctx_verdict_name(uint32_t prog_type, uint64_t r0)
{
	static const char *const xdp[] = {"XDP_ABORTED", "XDP_DROP", "XDP_PASS", "XDP_TX",
					  "XDP_REDIRECT"};
	static const char *const tc[] = {"TC_ACT_OK",	  "TC_ACT_RECLASSIFY", "TC_ACT_SHOT",
					 "TC_ACT_PIPE",	  "TC_ACT_STOLEN",     "TC_ACT_QUEUED",
					 "TC_ACT_REPEAT", "TC_ACT_REDIRECT",   "TC_ACT_TRAP"};

	switch (prog_type) {
	case BPF_PROG_TYPE_XDP:
		/* the kernel looks at the low 32 bits */
		return (uint32_t)r0 < sizeof(xdp) / sizeof(xdp[0]) ? xdp[(uint32_t)r0] : NULL;
	case BPF_PROG_TYPE_SCHED_CLS:
	case BPF_PROG_TYPE_SCHED_ACT:
		if ((int32_t)r0 == TC_ACT_UNSPEC)
			return "TC_ACT_UNSPEC";
		return (uint32_t)r0 < sizeof(tc) / sizeof(tc[0]) ? tc[(uint32_t)r0] : NULL;
	case BPF_PROG_TYPE_SOCKET_FILTER:
		return (uint32_t)r0 ? "accept" : "drop";
	default:
		return NULL;
	}
}

int vm_ctx_verdict_format(uint32_t prog_type, uint64_t r0, char *buf, size_t len)
{
	const char *n = vm_ctx_verdict_name(prog_type, r0);

	switch (prog_type) {
	case BPF_PROG_TYPE_SOCKET_FILTER:
		if (!(uint32_t)r0)
			return snprintf(buf, len, "drop");
		/* the kernel keeps min(r0, skb->len) bytes */
		return snprintf(buf, len, "accept %" PRIu32 " bytes", (uint32_t)r0);
	case BPF_PROG_TYPE_XDP:
		if (n)
			return snprintf(buf, len, "%s", n);
		return snprintf(buf, len, "unknown XDP action %" PRIu32 " (XDP_ABORTED)",
				(uint32_t)r0);
	case BPF_PROG_TYPE_SCHED_CLS:
	case BPF_PROG_TYPE_SCHED_ACT:
		if (n)
			return snprintf(buf, len, "%s (%" PRId32 ")", n, (int32_t)r0);
		return snprintf(buf, len, "unknown tc action %" PRId32, (int32_t)r0);
	default:
		return snprintf(buf, len, "%" PRIu64, r0);
	}
}
