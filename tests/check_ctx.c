/* SPDX-License-Identifier: MIT */
/*
 * check_ctx.c - program contexts and packet helpers of the interpreter (vm/ctx.c), against
 * the kernel.
 *
 *   kernel   differential: each program below runs over every packet built here, in the VM
 *            (vm_ctx_run) and in this kernel (ldr_prog_load + BPF_PROG_TEST_RUN); the return
 *            value, the output packet and, where a context is passed, test_run's ctx_out
 *            must be equal. XDP, socket filter and tc programs: every context field, packet
 *            reads and writes, xdp_adjust_head/tail/meta both ways and refused, metadata,
 *            checksum helpers, skb_load/store_bytes, ld_abs/ld_ind, return codes, redirect.
 *   vm       what only the VM can say: faults (past data_end, before data, a read-only or
 *            inaccessible field, an atomic on the context, a helper of another program type,
 *            ld_abs in XDP) name the field, region and instruction; refused packets and
 *            types; verdict names; the values test_run gives the context (pkt_type by MAC,
 *            protocol, ifindex, where skb->data starts).
 *
 * The kernel cases need root (bpf() and BPF_PROG_TEST_RUN); without them the "kernel" case
 * is left out with a note (a failure under EBPF_REQUIRE_KERNEL=1).
 */
#define _GNU_SOURCE
#include <check.h>
#include <elf.h>
#include <errno.h>
#include <inttypes.h>
#include <linux/bpf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "asm/asm.h"
#include "common/mem.h"
#include "loader/loader.h"
#include "vm/ctx.h"
#include "vm/map.h"
#include "vm/vm.h"
#include "tests/testutil.h"

/* ---------------------------------------------------------------- packets */

#define NPKTS 14

static struct pkt {
	const char *name;
	uint8_t b[20000];
	uint32_t len;
} pkts[NPKTS];

static uint32_t sum16(const uint8_t *p, size_t n, uint32_t s)
{
	for (size_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	return s;
}

static uint16_t fold(uint32_t s)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* Ethernet header with @dst's first byte (the rest fixed), ethertype @type. */
static uint8_t *eth(struct pkt *k, uint8_t dst0, int zero_dst, uint16_t type)
{
	static const uint8_t dst[6] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55};
	static const uint8_t src[6] = {0x02, 0xaa, 0xbb, 0xcc, 0xdd, 0xee};

	memset(k->b, 0, sizeof(k->b));
	if (!zero_dst) {
		memcpy(k->b, dst, 6);
		k->b[0] = dst0;
	}
	memcpy(k->b + 6, src, 6);
	put16(k->b + 12, type);
	k->len = 14;
	return k->b + 14;
}

/* IPv4 header with payload @plen of protocol @proto at @ip; returns the payload. */
static uint8_t *ipv4(struct pkt *k, uint8_t *ip, uint8_t proto, uint16_t plen)
{
	ip[0] = 0x45;
	put16(ip + 2, (uint16_t)(20 + plen));
	put16(ip + 4, 0x1234);
	ip[8] = 64;
	ip[9] = proto;
	ip[12] = 10, ip[13] = 0, ip[14] = 0, ip[15] = 1;
	ip[16] = 10, ip[17] = 0, ip[18] = 0, ip[19] = 2;
	put16(ip + 10, fold(sum16(ip, 20, 0)));
	k->len = (uint32_t)(ip - k->b) + 20 + plen;
	return ip + 20;
}

static uint8_t *ipv6(struct pkt *k, uint8_t *ip, uint8_t proto, uint16_t plen)
{
	ip[0] = 0x60;
	put16(ip + 4, plen);
	ip[6] = proto;
	ip[7] = 64;
	ip[8] = 0xfd, ip[23] = 1;
	ip[24] = 0xfd, ip[39] = 2;
	k->len = (uint32_t)(ip - k->b) + 40 + plen;
	return ip + 40;
}

/* UDP or TCP over IPv4 at @ip with @n payload bytes; @csum: fill the checksum. */
static void l4(uint8_t *ip, int v6, uint8_t proto, uint16_t n, int csum)
{
	uint8_t *h = ip + (v6 ? 40 : 20);
	uint16_t hl = proto == 6 ? 20 : 8, len = (uint16_t)(hl + n);
	uint32_t s;

	put16(h, 40000);
	put16(h + 2, proto == 6 ? 80 : 53);
	if (proto == 17) {
		put16(h + 4, len);
	} else {
		h[12] = 5 << 4;
		h[13] = 0x18;
		put16(h + 14, 512);
	}
	for (uint16_t i = 0; i < n; i++)
		h[hl + i] = (uint8_t)(i * 7 + 1);
	if (!csum)
		return;
	s = v6 ? sum16(ip + 8, 32, 0) : sum16(ip + 12, 8, 0);
	s += proto + len;
	s = sum16(h, len, s);
	put16(h + (proto == 6 ? 16 : 6), fold(s));
}

static void build_pkts(void)
{
	struct pkt *k = pkts;
	uint8_t *ip;

	k->name = "IPv4 UDP to lo's address";
	ip = eth(k, 0, 1, 0x0800);
	ipv4(k, ip, 17, 8 + 18);
	l4(ip, 0, 17, 18, 1);
	k++;
	k->name = "IPv4 TCP to another host";
	ip = eth(k, 0x00, 0, 0x0800);
	ipv4(k, ip, 6, 20 + 10);
	l4(ip, 0, 6, 10, 1);
	k++;
	k->name = "IPv6 UDP multicast";
	ip = eth(k, 0x33, 0, 0x86dd);
	ipv6(k, ip, 17, 8 + 12);
	l4(ip, 1, 17, 12, 1);
	k++;
	k->name = "IPv4 ICMP broadcast";
	ip = eth(k, 0xff, 0, 0x0800);
	memset(k->b, 0xff, 6);
	ip = ipv4(k, ip, 1, 8 + 8);
	ip[0] = 8;
	k++;
	k->name = "VLAN IPv4 UDP";
	ip = eth(k, 0x02, 0, 0x8100);
	put16(ip, 0x0064);
	put16(ip + 2, 0x0800);
	ipv4(k, ip + 4, 17, 8 + 6);
	l4(ip + 4, 0, 17, 6, 1);
	k->len = 14 + 4 + 20 + 14;
	k++;
	k->name = "IPv4 UDP without checksum";
	ip = eth(k, 0, 1, 0x0800);
	ipv4(k, ip, 17, 8 + 4);
	l4(ip, 0, 17, 4, 0);
	k++;
	k->name = "Ethernet header of IPv4 only";
	eth(k, 0x02, 0, 0x0800);
	k++;
	k->name = "minimal ARP frame";
	eth(k, 0x00, 0, 0x0806);
	k++;
	k->name = "IPv6 TCP";
	ip = eth(k, 0x02, 0, 0x86dd);
	ipv6(k, ip, 6, 20);
	l4(ip, 1, 6, 0, 1);
	k++;
	k->name = "802.3 LLC frame";
	ip = eth(k, 0x02, 0, 0x0026);
	ip[0] = 0x42, ip[1] = 0x42, ip[2] = 0x03;
	k->len = 14 + 38;
	k++;
	k->name = "1500-byte IPv4 UDP";
	ip = eth(k, 0, 1, 0x0800);
	ipv4(k, ip, 17, 1480);
	l4(ip, 0, 17, 1472, 1);
	k++;
	k->name = "QinQ IPv4 UDP";
	ip = eth(k, 0x02, 0, 0x88a8);
	put16(ip, 0x0005);
	put16(ip + 2, 0x8100);
	put16(ip + 4, 0x0064);
	put16(ip + 6, 0x0800);
	ipv4(k, ip + 8, 17, 8 + 6);
	l4(ip + 8, 0, 17, 6, 1);
	k->len = 14 + 8 + 20 + 14;
	k++;
	/* XDP: beyond the page, in one and in five fragments; too long for skb types */
	k->name = "5000-byte IPv4 UDP";
	ip = eth(k, 0, 1, 0x0800);
	ipv4(k, ip, 17, 5000 - 34);
	l4(ip, 0, 17, 5000 - 42, 1);
	k++;
	k->name = "20000-byte IPv4 UDP";
	ip = eth(k, 0, 1, 0x0800);
	ipv4(k, ip, 17, 20000 - 34);
	l4(ip, 0, 17, 20000 - 42, 1);
	k++;
	if (k - pkts != NPKTS)
		abort(); /* the table and NPKTS disagree */
}

/* ---------------------------------------------------------------- programs */

/* Assemble @src; return the code (malloc'ed) and its slot count. */
static struct isa_raw *assemble(const char *src, size_t *n)
{
	struct diag d;
	struct obj *o = obj_new();
	struct isa_raw *code = NULL;
	int err;

	diag_init(&d);
	ck_assert_ptr_nonnull(o);
	err = asm_source_assemble("t.s", src, strlen(src), o, &d);
	ck_assert_msg(err == 0, "does not assemble: %s\n%s", d.nmsgs ? d.msgs[0].text : "?", src);
	for (size_t i = 0; i < o->nsecs && !code; i++) {
		if (o->secs[i].flags & SHF_EXECINSTR) {
			*n = o->secs[i].data.len / ISA_INSN_SIZE;
			code = malloc(o->secs[i].data.len);
			ck_assert_ptr_nonnull(code);
			memcpy(code, o->secs[i].data.data, o->secs[i].data.len);
		}
	}
	ck_assert_ptr_nonnull(code);
	obj_free(o);
	diag_fini(&d);
	return code;
}

/* @src with every "ARG" replaced by @arg (malloc'ed). */
static char *subst(const char *src, long long arg)
{
	char num[32], *out = malloc(strlen(src) * 2 + 64), *o = out;

	ck_assert_ptr_nonnull(out);
	snprintf(num, sizeof(num), "%lld", arg);
	while (*src) {
		if (strncmp(src, "ARG", 3) == 0) {
			o = stpcpy(o, num);
			src += 3;
		} else {
			*o++ = *src++;
		}
	}
	*o = '\0';
	return out;
}

/* ---- XDP ---- */

static const char xdp_fields_src[] = "r2 = *(u32 *)(r1 + 0)\n"
				     "r3 = *(u32 *)(r1 + 4)\n"
				     "r4 = r2\n"
				     "r4 += 14\n"
				     "if r4 > r3 goto out\n"
				     "r5 = *(u32 *)(r1 + 12)\n"
				     "*(u32 *)(r2 + 0) = r5\n"
				     "r5 = *(u32 *)(r1 + 16)\n"
				     "*(u32 *)(r2 + 4) = r5\n"
				     "r5 = r3\n"
				     "r5 -= r2\n"
				     "*(u32 *)(r2 + 8) = r5\n"
				     "r5 = *(u32 *)(r1 + 8)\n"
				     "r4 = r2\n"
				     "r4 -= r5\n"
				     "*(u16 *)(r2 + 12) = r4\n"
				     "out:\n"
				     "r0 = 2\n"
				     "exit\n";

/* XDP_DROP for UDP, XDP_TX (MACs swapped) for TCP, XDP_ABORTED for ICMP, else XDP_PASS */
static const char xdp_parse_src[] = "r2 = *(u32 *)(r1 + 0)\n"
				    "r3 = *(u32 *)(r1 + 4)\n"
				    "r4 = r2\n"
				    "r4 += 34\n"
				    "if r4 > r3 goto pass\n"
				    "r5 = *(u16 *)(r2 + 12)\n"
				    "if r5 != 8 goto pass\n"
				    "r5 = *(u8 *)(r2 + 23)\n"
				    "if r5 == 17 goto drop\n"
				    "if r5 == 6 goto tx\n"
				    "if r5 == 1 goto aborted\n"
				    "pass:\n"
				    "r0 = 2\n"
				    "exit\n"
				    "drop:\n"
				    "r0 = 1\n"
				    "exit\n"
				    "tx:\n"
				    "r6 = *(u32 *)(r2 + 0)\n"
				    "r7 = *(u16 *)(r2 + 4)\n"
				    "r8 = *(u32 *)(r2 + 6)\n"
				    "r9 = *(u16 *)(r2 + 10)\n"
				    "*(u32 *)(r2 + 0) = r8\n"
				    "*(u16 *)(r2 + 4) = r9\n"
				    "*(u32 *)(r2 + 6) = r6\n"
				    "*(u16 *)(r2 + 10) = r7\n"
				    "r0 = 3\n"
				    "exit\n"
				    "aborted:\n"
				    "r0 = 0\n"
				    "exit\n";

/* adjust_head by ARG; on success write a new Ethernet start and XDP_TX, else the error */
static const char xdp_head_src[] = "r6 = r1\n"
				   "r2 = ARG\n"
				   "call bpf_xdp_adjust_head\n"
				   "if r0 != 0 goto out\n"
				   "r2 = *(u32 *)(r6 + 0)\n"
				   "r3 = *(u32 *)(r6 + 4)\n"
				   "r4 = r2\n"
				   "r4 += 14\n"
				   "if r4 > r3 goto out\n"
				   "*(u32 *)(r2 + 0) = 287454020\n"
				   "*(u16 *)(r2 + 12) = 4660\n"
				   "r0 = 3\n"
				   "out:\n"
				   "exit\n";

/* adjust_tail by ARG; on success return the new length and mark the last byte */
static const char xdp_tail_src[] = "r6 = r1\n"
				   "r2 = ARG\n"
				   "call bpf_xdp_adjust_tail\n"
				   "if r0 != 0 goto out\n"
				   "r2 = *(u32 *)(r6 + 0)\n"
				   "r3 = *(u32 *)(r6 + 4)\n"
				   "r4 = r2\n"
				   "r4 += 14\n"
				   "if r4 > r3 goto out\n"
				   "r0 = r3\n"
				   "r0 -= r2\n"
				   "*(u8 *)(r2 + 13) = 90\n"
				   "out:\n"
				   "exit\n";

/* shrink the tail by ARG and grow it back: the bytes come back zeroed */
static const char xdp_tail_back_src[] = "r6 = r1\n"
					"r2 = 0\n"
					"r2 -= ARG\n"
					"call bpf_xdp_adjust_tail\n"
					"r7 = r0\n"
					"r1 = r6\n"
					"r2 = ARG\n"
					"call bpf_xdp_adjust_tail\n"
					"r7 <<= 8\n"
					"r0 |= r7\n"
					"exit\n";

static const char wire_len_src[] = "r0 = *(u32 *)(r1 + 160)\n"
				   "exit\n";

/* adjust_meta by ARG; write the first metadata word when there is one; return the
 * metadata length or the error */
static const char xdp_meta_src[] = "r6 = r1\n"
				   "r2 = ARG\n"
				   "call bpf_xdp_adjust_meta\n"
				   "if r0 != 0 goto out\n"
				   "r2 = *(u32 *)(r6 + 8)\n"
				   "r3 = *(u32 *)(r6 + 0)\n"
				   "r4 = r2\n"
				   "r4 += 4\n"
				   "if r4 > r3 goto nometa\n"
				   "*(u32 *)(r2 + 0) = 168496141\n"
				   "nometa:\n"
				   "r0 = r3\n"
				   "r0 -= r2\n"
				   "out:\n"
				   "exit\n";

/* pop 44 bytes, then adjust_meta by ARG: more metadata room than the headroom had */
static const char xdp_pop_meta_src[] = "r6 = r1\n"
				       "r2 = 44\n"
				       "call bpf_xdp_adjust_head\n"
				       "r1 = r6\n"
				       "r2 = ARG\n"
				       "call bpf_xdp_adjust_meta\n"
				       "exit\n";

/* the second metadata word passed in, or 99 without 8 bytes of metadata */
static const char xdp_meta_read_src[] = "r2 = *(u32 *)(r1 + 8)\n"
					"r3 = *(u32 *)(r1 + 0)\n"
					"r4 = r2\n"
					"r4 += 8\n"
					"if r4 > r3 goto none\n"
					"r0 = *(u32 *)(r2 + 4)\n"
					"exit\n"
					"none:\n"
					"r0 = 99\n"
					"exit\n";

/* csum_diff pushing the IPv4 header (seed ARG) */
static const char xdp_csum_src[] = "r2 = *(u32 *)(r1 + 0)\n"
				   "r3 = *(u32 *)(r1 + 4)\n"
				   "r4 = r2\n"
				   "r4 += 34\n"
				   "if r4 > r3 goto out\n"
				   "r3 = r2\n"
				   "r3 += 14\n"
				   "r1 = 0\n"
				   "r2 = 0\n"
				   "r4 = 20\n"
				   "r5 = ARG\n"
				   "call bpf_csum_diff\n"
				   "exit\n"
				   "out:\n"
				   "r0 = 0\n"
				   "exit\n";

/* csum_diff from 8 stack bytes to 8 packet bytes (ARG: to_size 8 or 6), then pulling */
static const char xdp_csum2_src[] = "r2 = *(u32 *)(r1 + 0)\n"
				    "r3 = *(u32 *)(r1 + 4)\n"
				    "r4 = r2\n"
				    "r4 += 14\n"
				    "if r4 > r3 goto out\n"
				    "r6 = r2\n"
				    "r1 = 0x0123456789abcdef ll\n"
				    "*(u64 *)(r10 - 8) = r1\n"
				    "r1 = r10\n"
				    "r1 += -8\n"
				    "r2 = 8\n"
				    "r3 = r6\n"
				    "r4 = ARG\n"
				    "r5 = 0\n"
				    "call bpf_csum_diff\n"
				    "r7 = r0\n"
				    "r1 = r10\n"
				    "r1 += -8\n"
				    "r2 = 8\n"
				    "r3 = 0\n"
				    "r4 = 0\n"
				    "r5 = 4660\n"
				    "call bpf_csum_diff\n"
				    "r0 <<= 16\n"
				    "r0 |= r7\n"
				    "exit\n"
				    "out:\n"
				    "r0 = 0\n"
				    "exit\n";

/* xdp_load_bytes at ARG, then xdp_store_bytes of what it read 4 bytes on, and the length */
static const char xdp_bytes_src[] = "r6 = r1\n"
				    "*(u64 *)(r10 - 8) = 0\n"
				    "r1 = r6\n"
				    "r2 = ARG\n"
				    "r3 = r10\n"
				    "r3 += -8\n"
				    "r4 = 8\n"
				    "call bpf_xdp_load_bytes\n"
				    "r7 = r0\n"
				    "r1 = r6\n"
				    "r2 = ARG\n"
				    "r2 += 4\n"
				    "r3 = r10\n"
				    "r3 += -8\n"
				    "r4 = 8\n"
				    "call bpf_xdp_store_bytes\n"
				    "r7 <<= 8\n"
				    "r7 |= r0\n"
				    "r1 = r6\n"
				    "call bpf_xdp_get_buff_len\n"
				    "r7 <<= 16\n"
				    "r0 += r7\n"
				    "r1 = *(u32 *)(r10 - 8)\n"
				    "r0 += r1\n"
				    "exit\n";

static const char xdp_redirect_src[] = "r1 = 7\n"
				       "r2 = ARG\n"
				       "call bpf_redirect\n"
				       "exit\n";

static const char ret_src[] = "r0 = ARG\n"
			      "exit\n";

/* ---- socket filter and tc ---- */

static const char ldabs_b_src[] = "r6 = r1\n"
				  "r0 = *(u8 *)skb[ARG]\n"
				  "exit\n";
static const char ldabs_h_src[] = "r6 = r1\n"
				  "r0 = *(u16 *)skb[ARG]\n"
				  "exit\n";
static const char ldabs_w_src[] = "r6 = r1\n"
				  "r0 = *(u32 *)skb[ARG]\n"
				  "exit\n";
static const char ldind_src[] = "r6 = r1\n"
				"r7 = ARG\n"
				"r0 = *(u16 *)skb[r7 + 2]\n"
				"r8 = r0\n"
				"r0 = *(u8 *)skb[r7 + -1]\n"
				"r0 <<= 16\n"
				"r0 |= r8\n"
				"exit\n";

/* Copy five fields (offsets A..E) into cb[0..4]; return -1 (keep the packet). */
#define FIELDS5(a, b, c, d, e)                                                                     \
	"r2 = *(u32 *)(r1 + " #a ")\n*(u32 *)(r1 + 48) = r2\n"                                     \
	"r2 = *(u32 *)(r1 + " #b ")\n*(u32 *)(r1 + 52) = r2\n"                                     \
	"r2 = *(u32 *)(r1 + " #c ")\n*(u32 *)(r1 + 56) = r2\n"                                     \
	"r2 = *(u32 *)(r1 + " #d ")\n*(u32 *)(r1 + 60) = r2\n"                                     \
	"r2 = *(u32 *)(r1 + " #e ")\n*(u32 *)(r1 + 64) = r2\n"                                     \
	"r0 = -1\nexit\n"

/* len, pkt_type, protocol, ifindex, ingress_ifindex */
static const char skb_fields1_src[] = FIELDS5(0, 4, 16, 40, 36);
/* mark, priority, queue_mapping, vlan_present, vlan_tci */
static const char skb_fields2_src[] = FIELDS5(8, 32, 12, 20, 24);
/* vlan_proto, tc_index, hash, napi_id, gso_segs */
static const char skb_fields3_src[] = FIELDS5(28, 44, 68, 84, 164);
/* gso_size, cb[0] as it came, and narrow loads: protocol's first byte, len's second
 * byte, pkt_type's low half */
static const char skb_narrow_src[] = "r2 = *(u32 *)(r1 + 176)\n*(u32 *)(r1 + 52) = r2\n"
				     "r2 = *(u8 *)(r1 + 16)\n*(u32 *)(r1 + 56) = r2\n"
				     "r2 = *(u8 *)(r1 + 1)\n*(u32 *)(r1 + 60) = r2\n"
				     "r2 = *(u16 *)(r1 + 4)\n*(u32 *)(r1 + 64) = r2\n"
				     "r2 = *(u64 *)(r1 + 48)\n"
				     "r0 = r2\n"
				     "exit\n";

/* tc only: tc_classid, wire_len, data_end - data, data - data_meta, tstamp_type; returns
 * the low half of tstamp plus hwtstamp */
static const char tc_fields_src[] = "r2 = *(u32 *)(r1 + 72)\n*(u32 *)(r1 + 48) = r2\n"
				    "r2 = *(u32 *)(r1 + 160)\n*(u32 *)(r1 + 52) = r2\n"
				    "r2 = *(u32 *)(r1 + 76)\n"
				    "r3 = *(u32 *)(r1 + 80)\n"
				    "r3 -= r2\n*(u32 *)(r1 + 56) = r3\n"
				    "r3 = *(u32 *)(r1 + 140)\n"
				    "r2 -= r3\n*(u32 *)(r1 + 60) = r2\n"
				    "r2 = *(u8 *)(r1 + 180)\n*(u32 *)(r1 + 64) = r2\n"
				    "r0 = *(u64 *)(r1 + 152)\n"
				    "r2 = *(u64 *)(r1 + 184)\n"
				    "r0 += r2\n"
				    "exit\n";

/* tc stores: tc_index and tc_classid keep 16 bits, queue_mapping ignores 0xffff; the
 * values read back go to cb */
static const char tc_write_src[] = "r2 = 74565\n*(u32 *)(r1 + 44) = r2\n"
				   "r3 = *(u32 *)(r1 + 44)\n*(u32 *)(r1 + 48) = r3\n"
				   "r2 = 344865\n*(u32 *)(r1 + 72) = r2\n"
				   "r3 = *(u32 *)(r1 + 72)\n*(u32 *)(r1 + 52) = r3\n"
				   "r2 = 5\n*(u32 *)(r1 + 12) = r2\n"
				   "r2 = 65535\n*(u32 *)(r1 + 12) = r2\n"
				   "r3 = *(u32 *)(r1 + 12)\n*(u32 *)(r1 + 56) = r3\n"
				   "r2 = 11259375\n*(u32 *)(r1 + 8) = r2\n"
				   "r2 = 9\n*(u32 *)(r1 + 32) = r2\n"
				   "r2 = 0x1122334455667788 ll\n*(u64 *)(r1 + 152) = r2\n"
				   "r3 = *(u32 *)(r1 + 8)\n*(u32 *)(r1 + 60) = r3\n"
				   "*(u16 *)(r1 + 64) = 48879\n"
				   "*(u8 *)(r1 + 66) = 7\n"
				   "r0 = 0\n"
				   "exit\n";

/* direct packet access in tc: swap the MACs and decrement the IPv4 TTL */
static const char tc_pkt_src[] = "r2 = *(u32 *)(r1 + 76)\n"
				 "r3 = *(u32 *)(r1 + 80)\n"
				 "r4 = r2\n"
				 "r4 += 34\n"
				 "if r4 > r3 goto out\n"
				 "r6 = *(u32 *)(r2 + 0)\n"
				 "r7 = *(u16 *)(r2 + 4)\n"
				 "r8 = *(u32 *)(r2 + 6)\n"
				 "r9 = *(u16 *)(r2 + 10)\n"
				 "*(u32 *)(r2 + 0) = r8\n"
				 "*(u16 *)(r2 + 4) = r9\n"
				 "*(u32 *)(r2 + 6) = r6\n"
				 "*(u16 *)(r2 + 10) = r7\n"
				 "r5 = *(u8 *)(r2 + 22)\n"
				 "r5 -= 1\n"
				 "*(u8 *)(r2 + 22) = r5\n"
				 "r0 = 1\n"
				 "exit\n"
				 "out:\n"
				 "r0 = 2\n"
				 "exit\n";

/* skb_load_bytes of 8 bytes at ARG: the result and the first word */
static const char skb_load_src[] = "r6 = r1\n"
				   "*(u64 *)(r10 - 8) = -1\n"
				   "r2 = ARG\n"
				   "r3 = r10\n"
				   "r3 += -8\n"
				   "r4 = 8\n"
				   "call bpf_skb_load_bytes\n"
				   "r1 = *(u32 *)(r10 - 8)\n"
				   "r1 <<= 8\n"
				   "r0 += r1\n"
				   "exit\n";

/* skb_load_bytes_relative of 4 bytes at 2 from the MAC (ARG 0) or network (1) header */
static const char skb_load_rel_src[] = "r6 = r1\n"
				       "*(u64 *)(r10 - 8) = -1\n"
				       "r2 = 2\n"
				       "r3 = r10\n"
				       "r3 += -8\n"
				       "r4 = 4\n"
				       "r5 = ARG\n"
				       "call bpf_skb_load_bytes_relative\n"
				       "r1 = *(u32 *)(r10 - 8)\n"
				       "r1 <<= 8\n"
				       "r0 += r1\n"
				       "exit\n";

/* skb_store_bytes of 4 bytes at ARG (flags 0, then the same with flags 1 and 4 at 0) */
static const char skb_store_src[] = "r6 = r1\n"
				    "*(u32 *)(r10 - 4) = -559038737\n"
				    "r1 = r6\n"
				    "r2 = ARG\n"
				    "r3 = r10\n"
				    "r3 += -4\n"
				    "r4 = 4\n"
				    "r5 = 0\n"
				    "call bpf_skb_store_bytes\n"
				    "r7 = r0\n"
				    "*(u32 *)(r10 - 4) = 16909060\n"
				    "r1 = r6\n"
				    "r2 = 2\n"
				    "r3 = r10\n"
				    "r3 += -4\n"
				    "r4 = 4\n"
				    "r5 = 1\n"
				    "call bpf_skb_store_bytes\n"
				    "r7 <<= 8\n"
				    "r7 |= r0\n"
				    "r1 = r6\n"
				    "r2 = 0\n"
				    "r3 = r10\n"
				    "r3 += -4\n"
				    "r4 = 4\n"
				    "r5 = 4\n"
				    "call bpf_skb_store_bytes\n"
				    "r7 <<= 8\n"
				    "r0 |= r7\n"
				    "exit\n";

/* Rewrite the IPv4 source address (bytes 26..29) and fix the IP checksum (24) with
 * l3_csum_replace and the UDP one (40) with l4_csum_replace, l4 flags ARG */
static const char tc_csum_src[] = "r6 = r1\n"
				  "*(u64 *)(r10 - 8) = 0\n"
				  "r1 = r6\n"
				  "r2 = 26\n"
				  "r3 = r10\n"
				  "r3 += -8\n"
				  "r4 = 4\n"
				  "call bpf_skb_load_bytes\n"
				  "r7 = *(u32 *)(r10 - 8)\n"
				  "*(u32 *)(r10 - 4) = 117967114\n"
				  "r1 = r6\n"
				  "r2 = 26\n"
				  "r3 = r10\n"
				  "r3 += -4\n"
				  "r4 = 4\n"
				  "r5 = 0\n"
				  "call bpf_skb_store_bytes\n"
				  "r1 = r6\n"
				  "r2 = 24\n"
				  "r3 = r7\n"
				  "r4 = 117967114\n"
				  "r5 = 4\n"
				  "call bpf_l3_csum_replace\n"
				  "r8 = r0\n"
				  "r1 = r6\n"
				  "r2 = 40\n"
				  "r3 = r7\n"
				  "r4 = 117967114\n"
				  "r5 = ARG\n"
				  "call bpf_l4_csum_replace\n"
				  "r8 <<= 8\n"
				  "r0 |= r8\n"
				  "exit\n";

/* l3_csum_replace variants on the IPv4 checksum: 16-bit (the TTL/protocol word), a
 * csum_diff result (flags 0), and refusals: from != 0 with flags 0, flags 8, an odd
 * offset, an offset past the packet */
static const char tc_l3_src[] = "r6 = r1\n"
				"r1 = r6\n"
				"r2 = 24\n"
				"r3 = 0x4011\n"
				"r4 = 0x3f11\n"
				"r5 = 2\n"
				"call bpf_l3_csum_replace\n"
				"r7 = r0\n"
				"*(u32 *)(r10 - 8) = 1\n"
				"*(u32 *)(r10 - 4) = 2\n"
				"r1 = r10\n"
				"r1 += -8\n"
				"r2 = 4\n"
				"r3 = r10\n"
				"r3 += -4\n"
				"r4 = 4\n"
				"r5 = 0\n"
				"call bpf_csum_diff\n"
				"r1 = r6\n"
				"r2 = 24\n"
				"r3 = 0\n"
				"r4 = r0\n"
				"r5 = 0\n"
				"call bpf_l3_csum_replace\n"
				"r7 <<= 4\n"
				"r7 |= r0\n"
				"r1 = r6\n"
				"r2 = 24\n"
				"r3 = 1\n"
				"r4 = 1\n"
				"r5 = 0\n"
				"call bpf_l3_csum_replace\n"
				"r0 &= 15\n"
				"r7 <<= 4\n"
				"r7 |= r0\n"
				"r1 = r6\n"
				"r2 = 24\n"
				"r3 = 1\n"
				"r4 = 1\n"
				"r5 = 8\n"
				"call bpf_l3_csum_replace\n"
				"r0 &= 15\n"
				"r7 <<= 4\n"
				"r7 |= r0\n"
				"r1 = r6\n"
				"r2 = 25\n"
				"r3 = 1\n"
				"r4 = 1\n"
				"r5 = 4\n"
				"call bpf_l3_csum_replace\n"
				"r0 &= 15\n"
				"r7 <<= 4\n"
				"r7 |= r0\n"
				"r1 = r6\n"
				"r2 = 2000\n"
				"r3 = 1\n"
				"r4 = 1\n"
				"r5 = 4\n"
				"call bpf_l3_csum_replace\n"
				"r0 &= 15\n"
				"r7 <<= 4\n"
				"r0 |= r7\n"
				"exit\n";

/* csum_update (-ENOTSUPP: no CHECKSUM_COMPLETE here), then csum_level ARG (a digit
 * sequence, read from the low digit: 1 INC, 2 DEC, 3 RESET, 4 invalid) and a final query */
#define LEVEL_STEP(n)                                                                              \
	"r2 = r7\nr2 %= 10\nr7 /= 10\nif r2 == 0 goto skip" #n "\nr1 = r6\n"                       \
	"call bpf_csum_level\nr8 += r0\nskip" #n ":\n"
static const char tc_csum_level_src[] = "r6 = r1\n"
					"r2 = 5\n"
					"call bpf_csum_update\n"
					"r8 = r0\n"
					"r7 = ARG\n" LEVEL_STEP(1) LEVEL_STEP(2) LEVEL_STEP(3)
						LEVEL_STEP(4) LEVEL_STEP(5) "r1 = r6\n"
									    "r2 = 0\n"
									    "call bpf_csum_level\n"
									    "r8 <<= 8\n"
									    "r0 += r8\n"
									    "exit\n";

/* skb_pull_data(ARG), then a direct read of byte 13 */
static const char tc_pull_src[] = "r6 = r1\n"
				  "r2 = ARG\n"
				  "call bpf_skb_pull_data\n"
				  "r7 = r0\n"
				  "r2 = *(u32 *)(r6 + 76)\n"
				  "r3 = *(u32 *)(r6 + 80)\n"
				  "r4 = r2\n"
				  "r4 += 14\n"
				  "if r4 > r3 goto out\n"
				  "r0 = *(u8 *)(r2 + 13)\n"
				  "r0 <<= 8\n"
				  "r0 |= r7\n"
				  "exit\n"
				  "out:\n"
				  "r0 = r7\n"
				  "exit\n";

/* up to four VLAN operations, from ARG's low digit: 1 push 802.1Q 0x123, 2 push 802.1ad
 * 0x456, 3 pop, 4 push of another proto (becomes 802.1Q) with a TCI past 16 bits; then the
 * vlan fields, protocol and len into cb and the network header's first word (ld_abs) */
#define VLAN_STEP(n)                                                                               \
	"r9 = r7\nr9 %= 10\nr7 /= 10\n"                                                            \
	"if r9 != 1 goto np" #n "\nr1 = r6\nr2 = 0x81\nr3 = 0x123\ncall bpf_skb_vlan_push\n"       \
	"r8 <<= 4\nr8 |= r0\nnp" #n ":\n"                                                          \
	"if r9 != 2 goto nq" #n "\nr1 = r6\nr2 = 0xa888\nr3 = 0x456\ncall bpf_skb_vlan_push\n"     \
	"r8 <<= 4\nr8 |= r0\nnq" #n ":\n"                                                          \
	"if r9 != 3 goto nr" #n "\nr1 = r6\ncall bpf_skb_vlan_pop\nr8 <<= 4\nr8 |= r0\nnr" #n      \
	":\n"                                                                                      \
	"if r9 != 4 goto ns" #n "\nr1 = r6\nr2 = 8\nr3 = 0x1789a\ncall bpf_skb_vlan_push\n"        \
	"r8 <<= 4\nr8 |= r0\nns" #n ":\n"
static const char tc_vlan_src[] =
	"r6 = r1\n"
	"r8 = 0\n"
	"r7 = ARG\n" VLAN_STEP(1) VLAN_STEP(2) VLAN_STEP(3)
		VLAN_STEP(4) "r2 = *(u32 *)(r6 + 20)\n*(u32 *)(r6 + 48) = r2\n"
			     "r2 = *(u32 *)(r6 + 24)\n*(u32 *)(r6 + 52) = r2\n"
			     "r2 = *(u32 *)(r6 + 28)\n*(u32 *)(r6 + 56) = r2\n"
			     "r2 = *(u32 *)(r6 + 16)\n*(u32 *)(r6 + 60) = r2\n"
			     "r2 = *(u32 *)(r6 + 0)\n*(u32 *)(r6 + 64) = r2\n"
			     "r0 = *(u32 *)skb[-1048576]\n"
			     "r0 ^= r8\n"
			     "exit\n";

/* skb_change_tail(ARG) or skb_change_head(ARG) (HELPER), then the length as the pointers and
 * the len field see it into cb[0], and the network and MAC headers' first words (ld_abs) */
#define RESIZE_SRC(HELPER)                                                                         \
	"r6 = r1\n"                                                                                \
	"r2 = ARG\n"                                                                               \
	"r3 = 0\n"                                                                                 \
	"call " HELPER "\n"                                                                        \
	"r7 = r0\n"                                                                                \
	"r2 = *(u32 *)(r6 + 76)\n"                                                                 \
	"r3 = *(u32 *)(r6 + 80)\n"                                                                 \
	"r3 -= r2\n"                                                                               \
	"r4 = *(u32 *)(r6 + 0)\n"                                                                  \
	"r3 <<= 16\n"                                                                              \
	"r3 |= r4\n"                                                                               \
	"*(u32 *)(r6 + 48) = r3\n"                                                                 \
	"r0 = *(u32 *)skb[-2097152]\n"                                                             \
	"*(u32 *)(r6 + 52) = r0\n"                                                                 \
	"r0 = *(u32 *)skb[-1048576]\n"                                                             \
	"*(u32 *)(r6 + 56) = r0\n"                                                                 \
	"r0 = r7\n"                                                                                \
	"exit\n"
static const char tc_tail_src[] = RESIZE_SRC("bpf_skb_change_tail");
static const char tc_head_src[] = RESIZE_SRC("bpf_skb_change_head");

static const char tc_redirect_src[] = "r1 = 3\n"
				      "r2 = ARG\n"
				      "call bpf_redirect\n"
				      "exit\n";

/* ---------------------------------------------------------------- the kernel cases */

enum { CTX_NONE, CTX_ZERO, CTX_FULL };

struct dcase {
	const char *what;
	uint32_t type;
	const char *src;
	long long arg;
	int ctx;	   /* CTX_*: what test_run gets as ctx_in (and the VM as meta) */
	uint32_t meta_len; /* xdp: metadata bytes ahead of the packet */
};

#define XDP	BPF_PROG_TYPE_XDP
#define SF	BPF_PROG_TYPE_SOCKET_FILTER
#define CLS	BPF_PROG_TYPE_SCHED_CLS
#define ACT	BPF_PROG_TYPE_SCHED_ACT
#define SKF_NET (-0x100000)
#define SKF_LL	(-0x200000)

static const struct dcase dcases[] = {
	{"xdp reads every field it may", XDP, xdp_fields_src, 0, CTX_NONE, 0},
	{"xdp fields with a ctx and metadata", XDP, xdp_fields_src, 0, CTX_FULL, 8},
	{"xdp parses and returns each action", XDP, xdp_parse_src, 0, CTX_NONE, 0},
	{"xdp adjust_head pushes 14", XDP, xdp_head_src, -14, CTX_NONE, 0},
	{"xdp adjust_head to the xdp_frame", XDP, xdp_head_src, -216, CTX_NONE, 0},
	{"xdp adjust_head into the xdp_frame", XDP, xdp_head_src, -217, CTX_NONE, 0},
	{"xdp adjust_head pops 14", XDP, xdp_head_src, 14, CTX_NONE, 0},
	{"xdp adjust_head pops to 14 bytes", XDP, xdp_head_src, 38, CTX_NONE, 0},
	{"xdp adjust_head pops too far", XDP, xdp_head_src, 3000, CTX_NONE, 0},
	{"xdp adjust_head moves metadata", XDP, xdp_head_src, -20, CTX_FULL, 8},
	{"xdp adjust_head with metadata stops at the frame", XDP, xdp_head_src, -212, CTX_FULL, 8},
	{"xdp adjust_head with metadata refused", XDP, xdp_head_src, -209, CTX_FULL, 8},
	{"xdp adjust_tail shrinks", XDP, xdp_tail_src, -10, CTX_NONE, 0},
	{"xdp adjust_tail shrinks to 14", XDP, xdp_tail_src, -38, CTX_NONE, 0},
	{"xdp adjust_tail grows zeroed", XDP, xdp_tail_src, 100, CTX_NONE, 0},
	{"xdp adjust_tail grows to the tailroom", XDP, xdp_tail_src, 3000, CTX_NONE, 0},
	{"xdp adjust_tail grows past the tailroom", XDP, xdp_tail_src, 3470, CTX_NONE, 0},
	{"xdp adjust_tail with metadata", XDP, xdp_tail_src, 3460, CTX_FULL, 12},
	{"xdp adjust_tail shrinks and grows back zeroed", XDP, xdp_tail_back_src, 20, CTX_NONE, 0},
	{"xdp adjust_meta 4", XDP, xdp_meta_src, -4, CTX_NONE, 0},
	{"xdp adjust_meta 32", XDP, xdp_meta_src, -32, CTX_NONE, 0},
	{"xdp adjust_meta 36", XDP, xdp_meta_src, -36, CTX_NONE, 0},
	{"xdp adjust_meta to the frame", XDP, xdp_meta_src, -216, CTX_NONE, 0},
	{"xdp adjust_meta into the frame", XDP, xdp_meta_src, -220, CTX_NONE, 0},
	{"xdp adjust_meta unaligned", XDP, xdp_meta_src, -2, CTX_NONE, 0},
	{"xdp adjust_meta past data", XDP, xdp_meta_src, 4, CTX_NONE, 0},
	{"xdp adjust_meta shrinks given metadata", XDP, xdp_meta_src, 4, CTX_FULL, 8},
	{"xdp adjust_meta grows given metadata", XDP, xdp_meta_src, -8, CTX_FULL, 8},
	{"xdp metadata beyond the headroom is refused", XDP, xdp_meta_src, -8, CTX_FULL, 220},
	{"xdp adjust_meta into the frame with metadata", XDP, xdp_meta_src, -4, CTX_FULL, 216},
	{"xdp adjust_meta of 252 after a pop", XDP, xdp_pop_meta_src, -252, CTX_NONE, 0},
	{"xdp adjust_meta beyond 252 after a pop", XDP, xdp_pop_meta_src, -256, CTX_NONE, 0},
	{"xdp reads metadata passed in", XDP, xdp_meta_read_src, 0, CTX_FULL, 8},
	{"xdp without metadata", XDP, xdp_meta_read_src, 0, CTX_FULL, 0},
	{"xdp csum_diff of the IP header", XDP, xdp_csum_src, 0, CTX_NONE, 0},
	{"xdp csum_diff with a seed", XDP, xdp_csum_src, 0x12345678, CTX_NONE, 0},
	{"xdp csum_diff stack to packet and pulling", XDP, xdp_csum2_src, 8, CTX_NONE, 0},
	{"xdp csum_diff of an odd size", XDP, xdp_csum2_src, 6, CTX_NONE, 0},
	{"xdp load/store_bytes at 0", XDP, xdp_bytes_src, 0, CTX_NONE, 0},
	{"xdp load/store_bytes at the end", XDP, xdp_bytes_src, 44, CTX_NONE, 0},
	{"xdp load/store_bytes past 0xffff", XDP, xdp_bytes_src, 70000, CTX_NONE, 0},
	{"xdp load/store_bytes across a fragment", XDP, xdp_bytes_src, 3516, CTX_NONE, 0},
	{"xdp load/store_bytes in fragments", XDP, xdp_bytes_src, 12000, CTX_NONE, 0},
	{"xdp adjust_tail grows the last fragment", XDP, xdp_tail_src, 2000, CTX_NONE, 0},
	{"xdp adjust_tail grows the last fragment too much", XDP, xdp_tail_src, 3000, CTX_NONE, 0},
	{"xdp adjust_tail shrinks fragments away", XDP, xdp_tail_src, -1500, CTX_NONE, 0},
	{"xdp adjust_tail shrinks into the linear part", XDP, xdp_tail_src, -16490, CTX_NONE, 0},
	{"xdp adjust_tail shrinks fragments with metadata", XDP, xdp_tail_src, -1490, CTX_FULL, 16},
	{"xdp redirect", XDP, xdp_redirect_src, 0, CTX_NONE, 0},
	{"xdp redirect with a flag", XDP, xdp_redirect_src, 1, CTX_NONE, 0},
	{"xdp returns an unknown action", XDP, ret_src, 7, CTX_NONE, 0},

	{"socket filter ld_abs byte 9", SF, ldabs_b_src, 9, CTX_NONE, 0},
	{"socket filter ld_abs past the end", SF, ldabs_b_src, 1490, CTX_NONE, 0},
	{"socket filter ld_abs half 12", SF, ldabs_h_src, 12, CTX_NONE, 0},
	{"socket filter ld_abs word 16", SF, ldabs_w_src, 16, CTX_NONE, 0},
	{"socket filter ld_abs word at the end", SF, ldabs_w_src, 34, CTX_NONE, 0},
	{"socket filter ld_abs SKF_NET_OFF", SF, ldabs_w_src, SKF_NET + 12, CTX_NONE, 0},
	{"socket filter ld_abs SKF_LL_OFF", SF, ldabs_h_src, SKF_LL + 12, CTX_NONE, 0},
	{"socket filter ld_abs SKF_LL_OFF odd", SF, ldabs_b_src, SKF_LL + 13, CTX_NONE, 0},
	{"socket filter ld_abs below SKF_LL_OFF", SF, ldabs_b_src, SKF_LL - 1, CTX_NONE, 0},
	{"socket filter ld_abs negative", SF, ldabs_b_src, -1, CTX_NONE, 0},
	{"socket filter ld_ind", SF, ldind_src, 10, CTX_NONE, 0},
	{"socket filter ld_ind from 0", SF, ldind_src, 0, CTX_NONE, 0},
	{"socket filter fields 1", SF, skb_fields1_src, 0, CTX_ZERO, 0},
	{"socket filter fields 2", SF, skb_fields2_src, 0, CTX_FULL, 0},
	{"socket filter fields 3", SF, skb_fields3_src, 0, CTX_FULL, 0},
	{"socket filter narrow loads", SF, skb_narrow_src, 0, CTX_FULL, 0},
	{"socket filter skb_load_bytes", SF, skb_load_src, 0, CTX_NONE, 0},
	{"socket filter skb_load_bytes past the end", SF, skb_load_src, 40, CTX_NONE, 0},
	{"socket filter load_bytes_relative mac", SF, skb_load_rel_src, 0, CTX_NONE, 0},
	{"socket filter load_bytes_relative net", SF, skb_load_rel_src, 1, CTX_NONE, 0},
	{"socket filter load_bytes_relative bad start", SF, skb_load_rel_src, 2, CTX_NONE, 0},
	{"socket filter drops", SF, ret_src, 0, CTX_NONE, 0},
	{"socket filter keeps 20", SF, ret_src, 20, CTX_FULL, 0},

	{"tc ld_abs half 12", CLS, ldabs_h_src, 12, CTX_NONE, 0},
	{"tc ld_abs word at the end", CLS, ldabs_w_src, 48, CTX_NONE, 0},
	{"tc ld_abs SKF_NET_OFF", CLS, ldabs_w_src, SKF_NET + 12, CTX_NONE, 0},
	{"tc ld_abs SKF_LL_OFF", CLS, ldabs_h_src, SKF_LL + 12, CTX_NONE, 0},
	{"tc ld_ind", CLS, ldind_src, 10, CTX_NONE, 0},
	{"tc fields 1", CLS, skb_fields1_src, 0, CTX_FULL, 0},
	{"tc fields 2", CLS, skb_fields2_src, 0, CTX_FULL, 0},
	{"tc fields 3", ACT, skb_fields3_src, 0, CTX_FULL, 0},
	{"tc narrow loads", CLS, skb_narrow_src, 0, CTX_FULL, 0},
	{"tc only fields", CLS, tc_fields_src, 0, CTX_FULL, 0},
	{"tc only fields without ctx_in", CLS, tc_fields_src, 0, CTX_ZERO, 0},
	{"tc wire_len without a ctx", CLS, wire_len_src, 0, CTX_NONE, 0},
	{"tc wire_len with a zero ctx", ACT, wire_len_src, 0, CTX_ZERO, 0},
	{"tc writes fields", CLS, tc_write_src, 0, CTX_FULL, 0},
	{"tc direct packet access", CLS, tc_pkt_src, 0, CTX_NONE, 0},
	{"tc skb_load_bytes", CLS, skb_load_src, 10, CTX_NONE, 0},
	{"tc skb_load_bytes at the end", CLS, skb_load_src, 52, CTX_NONE, 0},
	{"tc skb_load_bytes past the end", CLS, skb_load_src, 53, CTX_NONE, 0},
	{"tc load_bytes_relative net", ACT, skb_load_rel_src, 1, CTX_NONE, 0},
	{"tc skb_store_bytes", CLS, skb_store_src, 30, CTX_NONE, 0},
	{"tc skb_store_bytes at the end", CLS, skb_store_src, 48, CTX_NONE, 0},
	{"tc skb_store_bytes past the end", CLS, skb_store_src, 49, CTX_NONE, 0},
	{"tc l3 and l4 csum_replace", CLS, tc_csum_src, 0x14, CTX_NONE, 0},
	{"tc l4 csum_replace without pseudo header", CLS, tc_csum_src, 4, CTX_NONE, 0},
	{"tc l4 csum_replace mangled 0", CLS, tc_csum_src, 0x34, CTX_NONE, 0},
	{"tc l4 csum_replace mangled 0 enforced", CLS, tc_csum_src, 0x74, CTX_NONE, 0},
	{"tc l4 csum_replace IPv6 flag", CLS, tc_csum_src, 0x94, CTX_NONE, 0},
	{"tc l4 csum_replace 16 bits", CLS, tc_csum_src, 0x12, CTX_NONE, 0},
	{"tc l4 csum_replace bad flags", CLS, tc_csum_src, 0x100, CTX_NONE, 0},
	{"tc l4 csum_replace bad size", CLS, tc_csum_src, 0x3, CTX_NONE, 0},
	{"tc l3 csum_replace variants", CLS, tc_l3_src, 0, CTX_NONE, 0},
	{"tc csum_level query", CLS, tc_csum_level_src, 0, CTX_NONE, 0},
	{"tc csum_level inc", CLS, tc_csum_level_src, 1, CTX_NONE, 0},
	{"tc csum_level inc to the top", CLS, tc_csum_level_src, 11111, CTX_NONE, 0},
	{"tc csum_level inc, inc, dec", CLS, tc_csum_level_src, 211, CTX_NONE, 0},
	{"tc csum_level dec below 0", CLS, tc_csum_level_src, 221, CTX_NONE, 0},
	{"tc csum_level reset", ACT, tc_csum_level_src, 311, CTX_NONE, 0},
	{"tc csum_level invalid", CLS, tc_csum_level_src, 4, CTX_NONE, 0},
	{"tc skb_pull_data of everything", CLS, tc_pull_src, 0, CTX_NONE, 0},
	{"tc skb_pull_data of 64", CLS, tc_pull_src, 64, CTX_NONE, 0},
	{"tc skb_pull_data past the end", CLS, tc_pull_src, 65, CTX_NONE, 0},
	{"tc vlan_push", CLS, tc_vlan_src, 1, CTX_FULL, 0},
	{"tc vlan_push twice", CLS, tc_vlan_src, 21, CTX_FULL, 0},
	{"tc vlan_push of another proto", CLS, tc_vlan_src, 4, CTX_FULL, 0},
	{"tc vlan_pop", CLS, tc_vlan_src, 3, CTX_FULL, 0},
	{"tc vlan_pop twice", ACT, tc_vlan_src, 33, CTX_FULL, 0},
	{"tc vlan_pop three times", CLS, tc_vlan_src, 333, CTX_FULL, 0},
	{"tc vlan_push, push, pop, pop", CLS, tc_vlan_src, 3321, CTX_FULL, 0},
	{"tc vlan_pop, push", CLS, tc_vlan_src, 13, CTX_FULL, 0},
	{"tc change_tail below the network header", CLS, tc_tail_src, 13, CTX_FULL, 0},
	{"tc change_tail to the network header", CLS, tc_tail_src, 14, CTX_FULL, 0},
	{"tc change_tail to 40", CLS, tc_tail_src, 40, CTX_FULL, 0},
	{"tc change_tail to 100", CLS, tc_tail_src, 100, CTX_FULL, 0},
	{"tc change_tail to SKB_MAX_ALLOC", ACT, tc_tail_src, 16064, CTX_FULL, 0},
	{"tc change_tail without GSO", CLS, tc_tail_src, 1000, CTX_NONE, 0},
	{"tc change_tail past SKB_MAX_ALLOC", CLS, tc_tail_src, 16065, CTX_FULL, 0},
	{"tc change_head by 0", CLS, tc_head_src, 0, CTX_FULL, 0},
	{"tc change_head by 14", CLS, tc_head_src, 14, CTX_FULL, 0},
	{"tc change_head by 1000", ACT, tc_head_src, 1000, CTX_FULL, 0},
	{"tc change_head to SKB_MAX_ALLOC", CLS, tc_head_src, 16000, CTX_FULL, 0},
	{"tc change_head past SKB_MAX_ALLOC without GSO", CLS, tc_head_src, 16000, CTX_NONE, 0},
	{"tc change_head negative", CLS, tc_head_src, -1, CTX_FULL, 0},
	{"tc redirect", CLS, tc_redirect_src, 0, CTX_NONE, 0},
	{"tc redirect to ingress", CLS, tc_redirect_src, 1, CTX_NONE, 0},
	{"tc redirect with a bad flag", ACT, tc_redirect_src, 2, CTX_NONE, 0},
	{"tc returns TC_ACT_UNSPEC", CLS, ret_src, -1, CTX_NONE, 0},
	{"tc returns TC_ACT_SHOT", ACT, ret_src, 2, CTX_FULL, 0},
};
#define NDCASES ((int)(sizeof(dcases) / sizeof(dcases[0])))

/* The ctx_in and the VM's meta for @c over a frame of @len bytes (meta included). */
static uint32_t ctx_in_build(const struct dcase *c, uint32_t len, uint8_t *ctx,
			     struct vm_ctx_meta *m)
{
	memset(ctx, 0, 192);
	memset(m, 0, sizeof(*m));
	if (c->type == XDP) {
		struct xdp_md *x = (struct xdp_md *)ctx;

		x->data = c->meta_len;
		x->data_end = len;
		m->meta_len = c->meta_len;
		if (c->ctx == CTX_FULL) {
			x->ingress_ifindex = 1; /* lo: the only device every netns has */
			m->ingress_ifindex = 1;
		}
		return sizeof(*x);
	}
	if (c->ctx == CTX_FULL) {
		struct __sk_buff *s = (struct __sk_buff *)ctx;

		s->mark = m->mark = 0x1234;
		s->priority = m->priority = 7;
		s->ingress_ifindex = m->ingress_ifindex = 5;
		s->ifindex = m->ifindex = 1;
		for (int i = 0; i < 5; i++)
			s->cb[i] = m->cb[i] = 0x01010101u * (uint32_t)(i + 1);
		s->tstamp = m->tstamp = 0x1122334455667788ull;
		s->wire_len = m->wire_len = 2000;
		s->gso_segs = m->gso_segs = 3;
		s->gso_size = m->gso_size = 1400;
		s->hwtstamp = m->hwtstamp = 42;
	}
	return sizeof(struct __sk_buff);
}

static int have_kernel;

/* Where two buffers first differ, for messages. */
static long first_diff(const uint8_t *a, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return (long)i;
	return -1;
}

START_TEST(kernel_and_vm_agree)
{
	const struct dcase *c = &dcases[_i];
	char *src = subst(c->src, c->arg);
	size_t n = 0;
	struct isa_raw *code = assemble(src, &n);
	struct ldr_prog_attr a = {.type = c->type, .license = "GPL", .insns = code, .ninsns = n};
	struct vm *vm = vm_new();
	struct vm_prog *p = NULL;
	struct vm_ctx *vc;
	struct diag d;
	char *log = NULL;
	size_t loglen = 0;
	int fd;

	diag_init(&d);
	ck_assert_ptr_nonnull(vm);
	vc = vm_ctx_new(vm, c->type, &d);
	ck_assert_ptr_nonnull(vc);
	ck_assert_int_eq(vm_prog_load(vm, code, n, "t", &p, &d), 0);
	fd = ldr_prog_load(&a, &log, &loglen);
	ck_assert_msg(fd >= 0, "%s: the kernel refuses the program (%d):\n%s\n%s", c->what, fd,
		      log ? log : "", src);
	for (int k = 0; k < NPKTS; k++) {
		static uint8_t in[20480], out[40000];
		uint8_t ctx[192], cout[192];
		struct vm_ctx_meta m;
		struct vm_ctx_result res;
		uint32_t len = c->meta_len + pkts[k].len, csz;
		int vmerr;
		struct ldr_test_run t = {.data_in = in,
					 .data_size_in = len,
					 .data_out = out,
					 .data_size_out = sizeof(out)};
		int err;

		for (uint32_t i = 0; i < c->meta_len; i++)
			in[i] = (uint8_t)(0xa0 + i);
		memcpy(in + c->meta_len, pkts[k].b, pkts[k].len);
		csz = ctx_in_build(c, len, ctx, &m);
		if (c->ctx != CTX_NONE) {
			t.ctx_in = ctx;
			t.ctx_size_in = csz;
			t.ctx_out = cout;
			t.ctx_size_out = csz;
			memset(cout, 0xee, sizeof(cout));
		}
		err = ldr_prog_test_run(fd, &t);
		/* a packet test_run refuses, the VM refuses too (an IPv4 frame without
		 * its IP header, metadata beyond the headroom) */
		vmerr = vm_ctx_packet(vc, in, len, c->ctx != CTX_NONE ? &m : NULL);
		/* (the VM says EMSGSIZE for frames longer than test_run takes) */
		ck_assert_msg(vmerr == err || (vmerr == -EMSGSIZE && err == -EINVAL &&
					       c->type != XDP && len > VM_CTX_SKB_MAX_LEN),
			      "%s, %s: test_run says %d, the VM %d", c->what, pkts[k].name, err,
			      vmerr);
		if (err)
			continue;
		ck_assert_int_eq(vm_ctx_run(vc, p, &res), 0);
		if (res.fault) {
			char msg[300];

			vm_fault_format(vm, msg, sizeof(msg));
			ck_abort_msg("%s, %s: the VM faulted: %s", c->what, pkts[k].name, msg);
		}
		ck_assert_msg((uint32_t)res.r0 == t.retval,
			      "%s, %s: kernel returns 0x%x, the VM 0x%" PRIx64, c->what,
			      pkts[k].name, t.retval, res.r0);
		ck_assert_msg(
			res.pkt_len == t.data_size_out && memcmp(res.pkt, out, res.pkt_len) == 0,
			"%s, %s: output packets differ: kernel %u bytes, the VM %u, first "
			"difference at %ld",
			c->what, pkts[k].name, t.data_size_out, res.pkt_len,
			first_diff(res.pkt, out,
				   res.pkt_len < t.data_size_out ? res.pkt_len : t.data_size_out));
		if (c->ctx != CTX_NONE) {
			long at = first_diff(res.ctx, cout, csz);

			ck_assert_uint_eq(t.ctx_size_out, csz);
			ck_assert_msg(res.ctx_size == csz && at < 0,
				      "%s, %s: ctx_out differs at offset %ld: kernel 0x%x, the VM "
				      "0x%x",
				      c->what, pkts[k].name, at, at >= 0 ? cout[at] : 0,
				      at >= 0 ? ((const uint8_t *)res.ctx)[at] : 0);
		}
	}
	close(fd);
	mem_free(log);
	vm_prog_free(p);
	vm_ctx_free(vc);
	vm_free(vm);
	diag_fini(&d);
	free(code);
	free(src);
}
END_TEST

/* ---------------------------------------------------------------- VM-only cases */

struct vmt {
	struct vm *vm;
	struct vm_ctx *c;
	struct vm_prog *p;
	struct diag d;
	struct isa_raw *code;
	struct vm_ctx_result res;
	char msg[300];
};

/* Run @src as @type over packet @k (meta NULL); returns res.fault, with the message. */
static int vmt_run(struct vmt *t, uint32_t type, const char *src, int k)
{
	size_t n = 0;

	memset(t, 0, sizeof(*t));
	diag_init(&t->d);
	t->vm = vm_new();
	ck_assert_ptr_nonnull(t->vm);
	t->c = vm_ctx_new(t->vm, type, &t->d);
	ck_assert_ptr_nonnull(t->c);
	t->code = assemble(src, &n);
	ck_assert_int_eq(vm_prog_load(t->vm, t->code, n, "t", &t->p, &t->d), 0);
	ck_assert_int_eq(vm_ctx_packet(t->c, pkts[k].b, pkts[k].len, NULL), 0);
	ck_assert_int_eq(vm_ctx_run(t->c, t->p, &t->res), 0);
	vm_fault_format(t->vm, t->msg, sizeof(t->msg));
	return t->res.fault;
}

static void vmt_free(struct vmt *t)
{
	vm_prog_free(t->p);
	vm_ctx_free(t->c);
	vm_free(t->vm);
	free(t->code);
	diag_fini(&t->d);
}

static void assert_words(const char *text, const char *words)
{
	char buf[256], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", words);
	for (char *w = strtok_r(buf, "|", &save); w; w = strtok_r(NULL, "|", &save))
		ck_assert_msg(strstr(text, w), "'%s' lacks '%s'", text, w);
}

struct fcase {
	const char *what;
	uint32_t type;
	const char *src;
	const char *words; /* '|'-separated words of the fault message */
};

static const struct fcase fcases[] = {
	{"a read past data_end faults naming the packet and the instruction", XDP,
	 "r2 = *(u32 *)(r1 + 0)\nr0 = *(u8 *)(r2 + 64)\nexit\n",
	 "insn 1|invalid read of 1 bytes|out of bounds of packet (64 bytes; offset 64)"},
	{"a word read straddling data_end faults", CLS,
	 "r2 = *(u32 *)(r1 + 76)\nr0 = *(u32 *)(r2 + 62)\nexit\n",
	 "insn 1|out of bounds of packet (64 bytes; offset 62)"},
	{"a write past data_end faults", XDP,
	 "r2 = *(u32 *)(r1 + 4)\n*(u8 *)(r2 + 0) = 1\nr0 = 2\nexit\n",
	 "insn 1|invalid write of 1 bytes|out of bounds of packet"},
	{"a read before data faults", XDP, "r2 = *(u32 *)(r1 + 0)\nr0 = *(u8 *)(r2 - 1)\nexit\n",
	 "insn 1|before the start of packet (offset -1)"},
	{"a read before the metadata faults", XDP,
	 "r6 = r1\nr2 = -8\ncall bpf_xdp_adjust_meta\nr2 = *(u32 *)(r6 + 8)\n"
	 "r0 = *(u32 *)(r2 - 4)\nexit\n",
	 "insn 4|out of bounds of packet metadata (8 bytes; offset -12 from data)"},
	{"a stale pointer past the new end faults after adjust_tail", XDP,
	 "r6 = r1\nr7 = *(u32 *)(r1 + 0)\nr2 = -40\ncall bpf_xdp_adjust_tail\n"
	 "r0 = *(u8 *)(r7 + 30)\nexit\n",
	 "insn 4|out of bounds of packet (24 bytes; offset 30)"},
	{"writing a read-only field faults naming it", CLS, "r2 = 1\n*(u32 *)(r1 + 0) = r2\nexit\n",
	 "insn 1|invalid write of 4 bytes|context field 'len' is read-only in sched_cls"},
	{"socket filters cannot write mark", SF, "r2 = 1\n*(u32 *)(r1 + 8) = r2\nexit\n",
	 "context field 'mark' is read-only in socket_filter programs"},
	{"xdp fields are read-only", XDP, "*(u32 *)(r1 + 16) = 1\nr0 = 2\nexit\n",
	 "context field 'rx_queue_index' is read-only in xdp programs"},
	{"socket filters cannot read data", SF, "r0 = *(u32 *)(r1 + 76)\nexit\n",
	 "context field 'data' is not accessible in socket_filter programs"},
	{"egress_ifindex is for devmap programs", XDP, "r0 = *(u32 *)(r1 + 20)\nexit\n",
	 "context field 'egress_ifindex' is not accessible in xdp programs"},
	{"xdp fields are 4-byte reads", XDP, "r0 = *(u16 *)(r1 + 12)\nexit\n",
	 "a 2-byte load at offset 0 of context field 'ingress_ifindex' is not allowed"},
	{"packet pointers are 4-byte reads", CLS, "r0 = *(u16 *)(r1 + 76)\nexit\n",
	 "a 2-byte load at offset 0 of context field 'data' is not allowed"},
	{"a 2-byte store to mark is refused", CLS, "*(u16 *)(r1 + 8) = 1\nexit\n",
	 "a 2-byte store at offset 0 of context field 'mark'"},
	{"a misaligned load is refused", CLS, "r0 = *(u32 *)(r1 + 2)\nexit\n",
	 "misaligned access to context field 'len'"},
	{"a load past the context faults", CLS, "r0 = *(u32 *)(r1 + 192)\nexit\n",
	 "outside the context (struct __sk_buff, 192 bytes; offset 192)"},
	{"sk_skb fields are refused to tc", CLS, "r0 = *(u32 *)(r1 + 92)\nexit\n",
	 "context field 'remote_ip4' is not accessible in sched_cls programs"},
	{"an atomic add to the context faults", CLS,
	 "r2 = 1\nlock *(u32 *)(r1 + 8) += r2\nr0 = 0\nexit\n",
	 "invalid atomic|atomic operation on context field 'mark'"},
	{"a helper of another program type faults naming it", XDP,
	 "r2 = 0\nr3 = r10\nr3 += -8\nr4 = 4\nr5 = 0\ncall bpf_skb_store_bytes\nexit\n",
	 "insn 5|helper 9 (bpf_skb_store_bytes) is not allowed in xdp programs"},
	{"socket filters cannot adjust heads", SF, "r2 = 0\ncall bpf_xdp_adjust_head\nexit\n",
	 "helper 44 (bpf_xdp_adjust_head) is not allowed in socket_filter programs"},
	{"ld_abs is refused to xdp", XDP, "r6 = r1\nr0 = *(u8 *)skb[0]\nexit\n",
	 "insn 1|ld_abs and ld_ind are not allowed in xdp programs"},
	{"a packet helper needs the context", CLS,
	 "r1 = 0\nr2 = 0\ncall bpf_skb_load_bytes\nexit\n",
	 "bpf_skb_load_bytes: r1 (0x0) is not the context"},
	{"the context is no memory for helpers", CLS,
	 "r3 = r1\nr1 = r10\nr1 += -8\nr2 = 4\nr4 = 4\nr5 = 0\ncall bpf_csum_diff\nexit\n",
	 "loads and stores of its fields"},
	{"the socket is not NULL, but not modelled either", CLS,
	 "r2 = *(u64 *)(r1 + 168)\nif r2 == 0 goto out\nr0 = *(u32 *)(r2 + 4)\nout:\nexit\n",
	 "insn 2|skb->sk (a socket ebpf-run does not model) is not accessible"},
};
#define NFCASES ((int)(sizeof(fcases) / sizeof(fcases[0])))

START_TEST(vm_faults_name_the_field_region_and_instruction)
{
	const struct fcase *c = &fcases[_i];
	struct vmt t;

	/* packet 1: 64 bytes */
	ck_assert_msg(vmt_run(&t, c->type, c->src, 1), "%s: no fault", c->what);
	assert_words(t.msg, c->words);
	vmt_free(&t);
}
END_TEST

START_TEST(the_context_holds_what_test_run_gives)
{
	struct vmt t;
	uint32_t cb[5];

	/* IPv4 to another host: OTHERHOST (3), protocol 0x0800 read as 0x0008 */
	vmt_run(&t, SF, skb_fields1_src, 1);
	ck_assert(!t.res.fault);
	memcpy(cb, (const uint8_t *)t.res.ctx + 48, sizeof(cb));
	ck_assert_uint_eq(cb[0], pkts[1].len - 14); /* socket filters: after the header */
	ck_assert_uint_eq(cb[1], 3);
	ck_assert_uint_eq(cb[2], 0x0008);
	ck_assert_uint_eq(cb[3], 1); /* lo */
	ck_assert_uint_eq(cb[4], 0);
	/* data_out: the Ethernet header zeroed */
	ck_assert_uint_eq(t.res.pkt_len, pkts[1].len);
	ck_assert_uint_eq(first_diff(t.res.pkt, (const uint8_t[14]){0}, 14), (uint64_t)-1);
	vmt_free(&t);

	/* tc: the whole frame; multicast (IPv6 33:33:..) is 2, lo's address 0 is HOST (0) */
	vmt_run(&t, CLS, skb_fields1_src, 2);
	memcpy(cb, (const uint8_t *)t.res.ctx + 48, sizeof(cb));
	ck_assert_uint_eq(cb[0], pkts[2].len);
	ck_assert_uint_eq(cb[1], 2);
	ck_assert_uint_eq(cb[2], 0xdd86);
	ck_assert_mem_eq(t.res.pkt, pkts[2].b, pkts[2].len);
	vmt_free(&t);
	vmt_run(&t, CLS, skb_fields1_src, 0);
	memcpy(cb, (const uint8_t *)t.res.ctx + 48, sizeof(cb));
	ck_assert_uint_eq(cb[1], 0);
	vmt_free(&t);
	/* 802.3 with a length: ETH_P_802_2 (0x0004) */
	vmt_run(&t, CLS, skb_fields1_src, 9);
	memcpy(cb, (const uint8_t *)t.res.ctx + 48, sizeof(cb));
	ck_assert_uint_eq(cb[2], 0x0400);
	vmt_free(&t);

	/* xdp: ingress_ifindex 1 (lo), rx queue 0, length, no metadata */
	vmt_run(&t, XDP, xdp_fields_src, 1);
	ck_assert_uint_eq(t.res.r0, XDP_PASS);
	ck_assert_uint_eq(t.res.pkt[0], 1);
	ck_assert_uint_eq(t.res.pkt[4], 0);
	ck_assert_uint_eq(t.res.pkt[8], 64);
	ck_assert_uint_eq(t.res.pkt[12], 0);
	vmt_free(&t);
}
END_TEST

START_TEST(reloading_packet_pointers_after_adjust_head_gives_the_new_data)
{
	struct vmt t;

	/* pop 14: the new data is the old byte 14 (IPv4's 0x45) */
	vmt_run(&t, XDP,
		"r6 = r1\nr2 = 14\ncall bpf_xdp_adjust_head\nr2 = *(u32 *)(r6 + 0)\n"
		"r3 = *(u32 *)(r6 + 4)\nr4 = r2\nr4 += 1\nif r4 > r3 goto out\n"
		"r0 = *(u8 *)(r2 + 0)\nexit\nout:\nr0 = 0\nexit\n",
		1);
	ck_assert(!t.res.fault);
	ck_assert_uint_eq(t.res.r0, 0x45);
	ck_assert_uint_eq(t.res.pkt_len, pkts[1].len - 14);
	vmt_free(&t);
}
END_TEST

START_TEST(each_run_starts_from_the_stored_packet)
{
	struct vmt t;

	vmt_run(&t, XDP, "r6 = r1\nr2 = 20\ncall bpf_xdp_adjust_tail\nr0 = 2\nexit\n", 1);
	ck_assert_uint_eq(t.res.pkt_len, 84);
	ck_assert_int_eq(vm_ctx_run(t.c, t.p, &t.res), 0);
	ck_assert_uint_eq(t.res.pkt_len, 84); /* not 104 */
	ck_assert_mem_eq(t.res.pkt, pkts[1].b, pkts[1].len);
	vmt_free(&t);
}
END_TEST

/* XDP reads a linear packet where the caller keeps it; every kind of write (a store, an
 * atomic, a helper) goes to a copy: the caller's bytes never change, the result shows the
 * write, and the next run starts from the caller's bytes again. */
START_TEST(writes_never_reach_the_callers_packet)
{
	static const char *const writers[] = {
		/* a store, an atomic add, xdp_store_bytes, l3 checksum update */
		"r2 = *(u32 *)(r1 + 0)\nr3 = *(u32 *)(r1 + 4)\nr4 = r2\nr4 += 16\n"
		"if r4 > r3 goto out\nr5 = 0xab\n*(u8 *)(r2 + 15) = r5\nout:\nr0 = 2\nexit\n",
		"r2 = *(u32 *)(r1 + 0)\nr3 = *(u32 *)(r1 + 4)\nr4 = r2\nr4 += 16\n"
		"if r4 > r3 goto out\nr5 = 0x55\nlock *(u32 *)(r2 + 12) += r5\nout:\nr0 = 2\n"
		"exit\n",
		"r6 = 0x5a5a5a5a\n*(u32 *)(r10 - 4) = r6\nr2 = 12\nr3 = r10\nr3 += -4\nr4 = 4\n"
		"call bpf_xdp_store_bytes\nr0 = 2\nexit\n",
	};
	uint8_t orig[sizeof(pkts[1].b)];
	struct vmt t;

	memcpy(orig, pkts[1].b, pkts[1].len);
	for (size_t i = 0; i < sizeof(writers) / sizeof(writers[0]); i++) {
		ck_assert_msg(!vmt_run(&t, XDP, writers[i], 1), "%s", t.msg);
		ck_assert_mem_eq(pkts[1].b, orig, pkts[1].len);
		ck_assert_uint_eq(t.res.pkt_len, pkts[1].len);
		ck_assert_msg(memcmp(t.res.pkt, orig, pkts[1].len) != 0, "writer %zu wrote", i);
		ck_assert_ptr_ne(t.res.pkt, pkts[1].b);
		/* again: from the caller's bytes, so the same result (an atomic add does not
		 * add twice) */
		uint8_t first[sizeof(pkts[1].b)];

		memcpy(first, t.res.pkt, t.res.pkt_len);
		ck_assert_int_eq(vm_ctx_run(t.c, t.p, &t.res), 0);
		ck_assert_mem_eq(t.res.pkt, first, pkts[1].len);
		ck_assert_mem_eq(pkts[1].b, orig, pkts[1].len);
		vmt_free(&t);
	}
	/* a program that only reads leaves the packet where it is: no copy */
	ck_assert(!vmt_run(&t, XDP,
			   "r2 = *(u32 *)(r1 + 0)\nr3 = *(u32 *)(r1 + 4)\nr4 = r2\nr4 += 14\n"
			   "if r4 > r3 goto out\nr0 = *(u8 *)(r2 + 13)\nexit\nout:\nr0 = 0\nexit\n",
			   1));
	ck_assert_uint_eq(t.res.r0, pkts[1].b[13]);
	ck_assert_ptr_eq(t.res.pkt, pkts[1].b);
	vmt_free(&t);
}
END_TEST

START_TEST(packets_test_run_refuses_are_refused)
{
	struct vm *vm = vm_new();
	struct vm_ctx *x, *s;
	static uint8_t big[80000];
	struct vm_ctx_meta m = {.meta_len = 6};

	x = vm_ctx_new(vm, XDP, NULL);
	ck_assert_ptr_nonnull(x);
	ck_assert_ptr_null(vm_ctx_new(vm, CLS, NULL)); /* one context per VM */
	ck_assert_int_eq(vm_ctx_packet(x, big, 13, NULL), -EINVAL);
	ck_assert_int_eq(vm_ctx_packet(x, big, 14, NULL), 0);
	ck_assert_int_eq(vm_ctx_packet(x, big, VM_CTX_XDP_MAX_LEN, NULL), 0);
	/* the rest in up to 17 page-sized fragments */
	ck_assert_int_eq(vm_ctx_packet(x, big, VM_CTX_XDP_MAX_LEN + 17 * 4096, NULL), 0);
	ck_assert_int_eq(vm_ctx_packet(x, big, VM_CTX_XDP_MAX_LEN + 17 * 4096 + 1, NULL),
			 -EMSGSIZE);
	ck_assert_int_eq(vm_ctx_packet(x, big, 64, &m), -EINVAL); /* metadata of 6 */
	m.meta_len = 8; /* 14 bytes of data after it, as test_run wants */
	ck_assert_int_eq(vm_ctx_packet(x, big, 21, &m), -EINVAL);
	ck_assert_int_eq(vm_ctx_packet(x, big, 22, &m), 0);
	m.meta_len = 220; /* more than the headroom above the xdp_frame */
	ck_assert_int_eq(vm_ctx_packet(x, big, 400, &m), -EINVAL);
	m.meta_len = 0;
	m.rx_queue_index = 1; /* a queue without a device */
	ck_assert_int_eq(vm_ctx_packet(x, big, 64, &m), -EINVAL);
	vm_ctx_free(x);
	vm_free(vm);

	vm = vm_new();
	s = vm_ctx_new(vm, CLS, NULL);
	ck_assert_int_eq(vm_ctx_packet(s, big, VM_CTX_SKB_MAX_LEN, NULL), 0);
	ck_assert_int_eq(vm_ctx_packet(s, big, VM_CTX_SKB_MAX_LEN + 1, NULL), -EMSGSIZE);
	m.rx_queue_index = 0;
	m.wire_len = 10; /* shorter than the packet */
	ck_assert_int_eq(vm_ctx_packet(s, big, 64, &m), -EINVAL);
	vm_ctx_free(s);
	vm_free(vm);
}
END_TEST

START_TEST(types_without_a_packet_context_are_refused_with_a_message)
{
	struct vm *vm = vm_new();
	struct diag d;

	diag_init(&d);
	ck_assert_ptr_null(vm_ctx_new(vm, BPF_PROG_TYPE_KPROBE, &d));
	ck_assert_uint_eq(d.nerrors, 1);
	assert_words(d.msgs[0].text, "kprobe|no packet context");
	diag_fini(&d);
	vm_free(vm);
}
END_TEST

START_TEST(verdicts_have_their_kernel_names)
{
	char buf[64];

	ck_assert_str_eq(vm_ctx_verdict_name(XDP, 0), "XDP_ABORTED");
	ck_assert_str_eq(vm_ctx_verdict_name(XDP, 4), "XDP_REDIRECT");
	ck_assert_ptr_null(vm_ctx_verdict_name(XDP, 5));
	ck_assert_str_eq(vm_ctx_verdict_name(CLS, 2), "TC_ACT_SHOT");
	ck_assert_str_eq(vm_ctx_verdict_name(ACT, (uint32_t)-1), "TC_ACT_UNSPEC");
	ck_assert_str_eq(vm_ctx_verdict_name(CLS, 7), "TC_ACT_REDIRECT");
	ck_assert_str_eq(vm_ctx_verdict_name(SF, 0), "drop");
	vm_ctx_verdict_format(SF, 60, buf, sizeof(buf));
	ck_assert_str_eq(buf, "accept 60 bytes");
	vm_ctx_verdict_format(XDP, 9, buf, sizeof(buf));
	ck_assert_str_eq(buf, "unknown XDP action 9 (XDP_ABORTED)");
	vm_ctx_verdict_format(CLS, 0, buf, sizeof(buf));
	ck_assert_str_eq(buf, "TC_ACT_OK (0)");
}
END_TEST

START_TEST(redirects_are_reported)
{
	struct vmt t;

	vmt_run(&t, XDP, "r1 = 7\nr2 = 0\ncall bpf_redirect\nexit\n", 0);
	ck_assert_uint_eq(t.res.r0, XDP_REDIRECT);
	ck_assert_int_eq(t.res.redirect, 1);
	ck_assert_uint_eq(t.res.redirect_ifindex, 7);
	ck_assert_uint_eq(t.res.redirect_map, 0);
	vmt_free(&t);
}
END_TEST

/* A devmap the VM has no devices for: redirect_map answers as for a missing key. */
START_TEST(redirect_map_on_an_empty_devmap_returns_the_flags_action)
{
	static const struct {
		uint64_t flags, r0;
	} rows[] = {{0, XDP_ABORTED},
		    {XDP_PASS, XDP_PASS},
		    {XDP_TX, XDP_TX},
		    {4, XDP_ABORTED},
		    {BPF_F_BROADCAST, XDP_REDIRECT}};
	struct vm_map dev = {.name = "dev",
			     .type = BPF_MAP_TYPE_DEVMAP,
			     .key_size = 4,
			     .value_size = 4,
			     .max_entries = 4};
	struct isa_raw code[] = {
		{.code = 0x18, .dst = 1, .src = 1, .imm = 0}, /* r1 = map ll */
		{0},
		{.code = 0xb7, .dst = 2, .imm = 0}, /* r2 = 0 */
		{.code = 0xb7, .dst = 3, .imm = 0}, /* r3 = flags */
		{.code = 0x85, .imm = 51},	    /* call redirect_map */
		{.code = 0x95},
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct vm *vm = vm_new();
		struct vm_ctx *c = vm_ctx_new(vm, XDP, NULL);
		struct vm_ctx_result res;
		struct vm_prog *p;
		int fd;

		ck_assert_int_eq(vm_map_handle_add(vm, &dev, "dev", NULL, 0, 0, 0, 0), 0);
		code[3].imm = (int32_t)rows[i].flags;
		code[0].imm = 0;
		ck_assert_int_eq(vm_prog_load(vm, code, 6, "t", &p, NULL), 0);
		ck_assert_int_eq(vm_ctx_packet(c, pkts[0].b, pkts[0].len, NULL), 0);
		ck_assert_int_eq(vm_ctx_run(c, p, &res), 0);
		ck_assert_msg(!res.fault && res.r0 == rows[i].r0,
			      "flags 0x%" PRIx64 ": r0 %" PRIu64, rows[i].flags, res.r0);
		if (have_kernel) {
			struct ldr_map_attr ma = {.type = BPF_MAP_TYPE_DEVMAP,
						  .key_size = 4,
						  .value_size = 4,
						  .max_entries = 4};
			struct ldr_prog_attr a = {
				.type = XDP, .license = "GPL", .insns = code, .ninsns = 6};
			uint8_t out[256];
			struct ldr_test_run t = {.data_in = pkts[0].b,
						 .data_size_in = pkts[0].len,
						 .data_out = out,
						 .data_size_out = sizeof(out)};
			int mfd = ldr_map_create(&ma);

			ck_assert_int_ge(mfd, 0);
			code[0].imm = mfd;
			fd = ldr_prog_load(&a, NULL, NULL);
			ck_assert_int_ge(fd, 0);
			ck_assert_int_eq(ldr_prog_test_run(fd, &t), 0);
			ck_assert_uint_eq(t.retval, (uint32_t)res.r0);
			close(fd);
			close(mfd);
		}
		vm_prog_free(p);
		vm_ctx_free(c);
		vm_free(vm);
	}
}
END_TEST

/* perf_event_output's BPF_F_CTXLEN_MASK bytes come from the packet at data: after a pop
 * for XDP, after the Ethernet header for socket filters, at it for tc; more than the
 * packet is -EFAULT and records nothing. */
START_TEST(perf_event_output_appends_packet_bytes_from_data)
{
	static const struct {
		uint32_t type;
		int pop;
		uint32_t ctxlen;
		int64_t r0;
		uint32_t from; /* offset in the frame of the bytes recorded */
		int pkt;
	} rows[] = {
		{XDP, 1, 8, 0, 14, 1},
		{SF, 0, 8, 0, 14, 1},
		{CLS, 0, 8, 0, 0, 1},
		{XDP, 1, 50, 0, 14, 1},
		{XDP, 1, 51, -EFAULT, 0, 1},
		{SF, 0, 51, -EFAULT, 0, 1},
		/* the 5000-byte packet: 3520 bytes in the page, the rest in a fragment */
		{XDP, 0, 5000, 0, 0, 12},
		{XDP, 0, 5001, -EFAULT, 0, 12},
		/* a flag beyond the index and BPF_F_CTXLEN_MASK */
		{CLS, 0, 0x100000, -EINVAL, 0, 1},
	};
	struct obj_map def = {.name = "events",
			      .type = BPF_MAP_TYPE_PERF_EVENT_ARRAY,
			      .key_size = 4,
			      .value_size = 4,
			      .max_entries = 1,
			      .sym = -1,
			      .sec = -1,
			      .data_sec = -1};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct isa_raw code[] = {
			{.code = 0xbf, .dst = 6, .src = 1},  /* r6 = r1 */
			{.code = 0xb7, .dst = 2, .imm = 14}, /* r2 = 14 */
			{.code = 0x85, .imm = 44},	     /* call xdp_adjust_head */
			{.code = 0x62, .dst = 10, .off = -4, .imm = (int32_t)0xaabbccdd},
			{.code = 0xbf, .dst = 1, .src = 6}, /* r1 = r6 */
			{.code = 0x18, .dst = 2, .src = 1}, /* r2 = events ll */
			{0},
			{.code = 0x18, .dst = 3, .imm = -1}, /* r3 = ctxlen << 32 | ... */
			{.imm = (int32_t)rows[i].ctxlen},
			{.code = 0xbf, .dst = 4, .src = 10}, /* r4 = r10 */
			{.code = 0x07, .dst = 4, .imm = -4}, /* r4 += -4 */
			{.code = 0xb7, .dst = 5, .imm = 4},  /* r5 = 4 */
			{.code = 0x85, .imm = 25},	     /* call perf_event_output */
			{.code = 0x95},
		};
		struct vm *vm = vm_new();
		struct vm_ctx *c = vm_ctx_new(vm, rows[i].type, NULL);
		const struct vm_map_record *recs;
		struct vm_ctx_result res;
		struct vm_map *m;
		struct vm_prog *p;

		if (!rows[i].pop)
			code[2] = (struct isa_raw){.code = 0x05}; /* ja +0 */
		ck_assert_int_eq(vm_map_create(&def, &m, NULL), 0);
		ck_assert_int_eq(vm_map_attach(vm, m), 0);
		ck_assert_int_eq(
			vm_prog_load(vm, code, sizeof(code) / sizeof(code[0]), "t", &p, NULL), 0);
		ck_assert_int_eq(vm_ctx_packet(c, pkts[rows[i].pkt].b, pkts[rows[i].pkt].len, NULL),
				 0);
		ck_assert_int_eq(vm_ctx_run(c, p, &res), 0);
		ck_assert_msg(!res.fault && (int64_t)res.r0 == rows[i].r0, "row %zu: r0 %" PRId64,
			      i, (int64_t)res.r0);
		if (rows[i].r0 == 0) {
			ck_assert_uint_eq(vm_map_records(m, &recs), 1);
			ck_assert_uint_eq(recs[0].len, 4 + rows[i].ctxlen);
			ck_assert_mem_eq(recs[0].data, "\xdd\xcc\xbb\xaa", 4);
			ck_assert_mem_eq((const uint8_t *)recs[0].data + 4,
					 pkts[rows[i].pkt].b + rows[i].from, rows[i].ctxlen);
		} else {
			ck_assert_uint_eq(vm_map_records(m, &recs), 0);
		}
		vm_prog_free(p);
		vm_ctx_free(c);
		vm_free(vm);
		vm_map_free(m);
	}
}
END_TEST

/*
 * The field table against the verifier: every load (plain and sign-extending) and store
 * of 1, 2, 4 and 8 bytes at every offset of the context (and just outside) in each program type is accepted by the
 * kernel exactly when the VM runs it without a fault.
 */
START_TEST(every_context_access_the_verifier_allows_runs_in_the_vm)
{
	static const uint32_t types[] = {SF, CLS, XDP};
	static const struct {
		uint8_t code, size, store;
		const char *what;
	} ops[] = {
		{0x71, 1, 0, "load"},
		{0x69, 2, 0, "load"},
		{0x61, 4, 0, "load"},
		{0x79, 8, 0, "load"},
		{0x91, 1, 0, "sign-extending load"},
		{0x89, 2, 0, "sign-extending load"},
		{0x81, 4, 0, "sign-extending load"},
		{0x73, 1, 1, "store"},
		{0x6b, 2, 1, "store"},
		{0x63, 4, 1, "store"},
		{0x7b, 8, 1, "store"},
	};
	unsigned compared = 0, allowed = 0;

	for (size_t ti = 0; ti < 3; ti++) {
		int32_t csz = types[ti] == XDP ? 24 : 192;

		for (size_t oi = 0; oi < sizeof(ops) / sizeof(ops[0]); oi++) {
			for (int32_t off = -8; off < csz + 8; off++) {
				int store = ops[oi].store;
				struct isa_raw code[] = {
					{.code = 0xb7, .dst = 2, .imm = 0},
					{.code = ops[oi].code,
					 .dst = (uint8_t)(store ? 1 : 3),
					 .src = (uint8_t)(store ? 2 : 1),
					 .off = (int16_t)off},
					{.code = 0xb7, .dst = 0, .imm = 0},
					{.code = 0x95},
				};
				struct ldr_prog_attr a = {.type = types[ti],
							  .license = "GPL",
							  .insns = code,
							  .ninsns = 4};
				struct vm *vm = vm_new();
				struct vm_ctx *c = vm_ctx_new(vm, types[ti], NULL);
				struct vm_ctx_result res;
				struct vm_prog *p;
				int fd = ldr_prog_load(&a, NULL, NULL), vm_ok;

				ck_assert_int_eq(vm_prog_load(vm, code, 4, "t", &p, NULL), 0);
				ck_assert_int_eq(vm_ctx_packet(c, pkts[1].b, pkts[1].len, NULL), 0);
				ck_assert_int_eq(vm_ctx_run(c, p, &res), 0);
				vm_ok = !res.fault;
				if (fd >= 0)
					close(fd);
				allowed += fd >= 0;
				{
					char msg[300];

					vm_fault_format(vm, msg, sizeof(msg));
					ck_assert_msg(
						vm_ok == (fd >= 0),
						"%s of %u bytes at %d in prog type %u: kernel %s, "
						"the VM %s",
						ops[oi].what, ops[oi].size, off, types[ti],
						fd >= 0 ? "allows" : "refuses",
						vm_ok ? "allows" : msg);
					compared++;
				}
				vm_prog_free(p);
				vm_ctx_free(c);
				vm_free(vm);
			}
		}
	}
	/* the loop must have compared both verdicts many times */
	ck_assert_uint_gt(allowed, 200);
	ck_assert_uint_gt(compared - allowed, 1000);
}
END_TEST

/* BPF_PROG_LOAD with a verifier log in @log (zeroed first: valgrind cannot see what the
 * kernel writes into the buffer of a failed call). Returns the descriptor or -errno. */
static int load_with_log(uint32_t type, const struct isa_raw *code, size_t n, char *log,
			 size_t size)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	memset(log, 0, size);
	a.prog_type = type;
	a.insns = (uint64_t)(uintptr_t)code;
	a.insn_cnt = (uint32_t)n;
	a.license = (uint64_t)(uintptr_t) "GPL";
	a.log_buf = (uint64_t)(uintptr_t)log;
	a.log_size = (uint32_t)size - 1;
	a.log_level = 1;
	return ldr_sys_bpf(BPF_PROG_LOAD, &a, sizeof(a));
}

/* Every helper ebpf-run implements is refused to a program type exactly when 6.18's
 * verifier refuses it ("program of this type cannot use helper"). */
START_TEST(helpers_are_refused_to_the_types_the_kernel_refuses_them_to)
{
	static const uint32_t types[] = {SF, CLS, XDP};
	unsigned implemented = 0, refused = 0;

	for (size_t ti = 0; ti < 3; ti++) {
		for (size_t i = 0; i < isa_helper_count(); i++) {
			const struct isa_helper *h = isa_helper_at(i);
			struct isa_raw code[] = {{.code = 0x85, .imm = h->id}, {.code = 0x95}};
			struct vm *vm = vm_new();
			struct vm_ctx *c = vm_ctx_new(vm, types[ti], NULL);
			struct vm_ctx_result res;
			struct vm_prog *p;
			static char log[65536];
			char msg[300] = "";
			int fd = load_with_log(types[ti], code, 2, log, sizeof(log)), kdeny, vdeny;

			kdeny = fd < 0 &&
				(strstr(log, "cannot use helper") || strstr(log, "unknown func"));
			ck_assert_int_eq(vm_prog_load(vm, code, 2, "t", &p, NULL), 0);
			ck_assert_int_eq(vm_ctx_packet(c, pkts[1].b, pkts[1].len, NULL), 0);
			ck_assert_int_eq(vm_ctx_run(c, p, &res), 0);
			if (res.fault)
				vm_fault_format(vm, msg, sizeof(msg));
			vdeny = strstr(msg, "is not allowed in") != NULL;
			if (!strstr(msg, "not available in ebpf-run")) {
				implemented++;
				refused += vdeny;
				ck_assert_msg(vdeny == kdeny,
					      "helper %d (%s) in prog type %u: kernel %s, VM %s",
					      h->id, h->name, types[ti],
					      kdeny ? "refuses" : "allows",
					      vdeny ? "refuses" : "allows");
			}
			if (fd >= 0)
				close(fd);
			vm_prog_free(p);
			vm_ctx_free(c);
			vm_free(vm);
		}
	}
	ck_assert_uint_gt(implemented, 100);
	ck_assert_uint_gt(refused, 20);
}
END_TEST

/* xorshift64: the random programs' generator (a function: calls in one initializer are
 * sequenced, unlike the macro's assignments) */
static uint64_t rnd(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* Random programs aimed at the context, the packet, the metadata and the packet helpers:
 * whatever they do, the VM answers with a result or a fault, and never touches memory
 * outside its regions (valgrind watches this test too). */
START_TEST(random_programs_over_contexts_fault_or_finish)
{
	static const uint32_t types[] = {SF, CLS, XDP};
	static const int32_t helpers[] = {9,  10, 11, 23,  26,	28,  39,  40, 44, 54,
					  65, 68, 25, 135, 188, 189, 190, 1,  18, 19};
	static const uint8_t ldx[] = {0x71, 0x69, 0x61, 0x79, 0x91, 0x89, 0x81};
	static const uint8_t stx[] = {0x73, 0x6b, 0x63, 0x7b}, st[] = {0x72, 0x6a, 0x62, 0x7a};
	static const uint8_t ldabs[] = {0x30, 0x28, 0x20, 0x50, 0x48, 0x40};
	uint64_t x = 0x9e3779b97f4a7c15ull;
	unsigned runs = 0, faults = 0;

#define RND() rnd(&x)
	for (int iter = 0; iter < 3000; iter++) {
		uint32_t type = types[iter % 3];
		int32_t ptrs[3] = {type == XDP ? 0 : 76, type == XDP ? 4 : 80,
				   type == XDP ? 8 : 140};
		struct isa_raw code[48];
		size_t n = 0;
		struct vm *vm = vm_new();
		struct vm_ctx *c = vm_ctx_new(vm, type, NULL);
		struct vm_ctx_result res;
		struct vm_prog *p = NULL;

		code[n++] = (struct isa_raw){.code = 0xbf, .dst = 6, .src = 1}; /* r6 = ctx */
		for (int k = 0; k < 3; k++) /* r7..r9 = data, data_end, data_meta */
			code[n++] = (struct isa_raw){.code = 0x61,
						     .dst = (uint8_t)(7 + k),
						     .src = 1,
						     .off = (int16_t)ptrs[k]};
		while (n < 36) {
			uint8_t base = (uint8_t)(RND() % 5 == 0 ? 10 : 6 + RND() % 4);
			int16_t off = (int16_t)((int)(RND() % 300) - 40);

			switch (RND() % 7) {
			case 0:
				code[n++] = (struct isa_raw){.code = ldx[RND() % 7],
							     .dst = (uint8_t)(RND() % 6),
							     .src = base,
							     .off = off};
				break;
			case 1:
				code[n++] = (struct isa_raw){.code = stx[RND() % 4],
							     .dst = base,
							     .src = (uint8_t)(RND() % 6),
							     .off = off};
				break;
			case 2:
				code[n++] = (struct isa_raw){.code = st[RND() % 4],
							     .dst = base,
							     .off = off,
							     .imm = (int32_t)RND()};
				break;
			case 3: /* r1 = ctx, r2..r5 small or pointers, call a packet helper */
				code[n++] = (struct isa_raw){.code = 0xbf, .dst = 1, .src = 6};
				for (uint8_t r = 2; r <= 5; r++)
					code[n++] =
						RND() % 3
							? (struct isa_raw){.code = 0xb7,
									   .dst = r,
									   .imm = (int32_t)(RND() %
											    80) -
										  20}
							: (struct isa_raw){
								  .code = 0xbf,
								  .dst = r,
								  .src = (uint8_t)(7 + RND() % 4)};
				code[n++] = (struct isa_raw){
					.code = 0x85,
					.imm = helpers[RND() % (sizeof(helpers) / 4)]};
				for (int k = 0; k < 3; k++) /* reload the packet pointers */
					code[n++] = (struct isa_raw){.code = 0x61,
								     .dst = (uint8_t)(7 + k),
								     .src = 6,
								     .off = (int16_t)ptrs[k]};
				break;
			case 4: {
				uint8_t op = ldabs[RND() % 6];

				code[n++] = (struct isa_raw){
					.code = op,
					.src = (uint8_t)(op >= 0x40 ? RND() % 6 : 0), /* ld_ind */
					.imm = (int32_t)(RND() % 3 ? RND() % 80
								   : -0x200000 + RND() % 40)};
				break;
			}
			case 5: /* atomic add */
				code[n++] = (struct isa_raw){.code = RND() % 2 ? 0xdb : 0xc3,
							     .dst = base,
							     .src = 0,
							     .off = off};
				break;
			default: /* move a pointer */
				code[n++] = (struct isa_raw){.code = 0x07,
							     .dst = (uint8_t)(7 + RND() % 3),
							     .imm = (int32_t)(RND() % 64) - 32};
				break;
			}
		}
		code[n++] = (struct isa_raw){.code = 0xb7, .dst = 0, .imm = 0};
		code[n++] = (struct isa_raw){.code = 0x95};
		ck_assert_uint_le(n, sizeof(code) / sizeof(code[0]));
		if (vm_prog_load(vm, code, n, "r", &p, NULL) == 0) {
			const struct pkt *k = &pkts[iter % NPKTS];
			/* test_run refuses skbs of IPv4 frames without an IP header */
			int want = 0;

			if (type != XDP && k->len > VM_CTX_SKB_MAX_LEN)
				want = -EMSGSIZE;
			else if (type != XDP && k->len == 14 && k->b[12] == 8 && !k->b[13])
				want = -EINVAL;

			static uint8_t before[sizeof(k->b)];

			memcpy(before, k->b, k->len);
			ck_assert_int_eq(vm_ctx_packet(c, k->b, k->len, NULL), want);
			if (vm_ctx_run(c, p, &res) == 0) {
				runs++;
				faults += res.fault;
				ck_assert_uint_le(res.pkt_len, 80000);
			}
			/* whatever the program wrote went to the VM's copy */
			ck_assert_mem_eq(k->b, before, k->len);
		}
		vm_prog_free(p);
		vm_ctx_free(c);
		vm_free(vm);
	}
#undef RND
	/* both outcomes happen: the test reached the interesting paths */
	ck_assert_uint_gt(runs, 2000);
	ck_assert_uint_gt(faults, 500);
	ck_assert_uint_gt(runs - faults, 20);
}
END_TEST

static Suite *ctx_suite(void)
{
	Suite *s = suite_create("ctx");
	TCase *tc;

	if (have_kernel) {
		tc = tcase_create("kernel");
		tcase_set_timeout(tc, 120);
		tcase_add_loop_test(tc, kernel_and_vm_agree, 0, NDCASES);
		tcase_add_test(tc, every_context_access_the_verifier_allows_runs_in_the_vm);
		tcase_add_test(tc, helpers_are_refused_to_the_types_the_kernel_refuses_them_to);
		suite_add_tcase(s, tc);
	}
	tc = tcase_create("vm");
	tcase_add_loop_test(tc, vm_faults_name_the_field_region_and_instruction, 0, NFCASES);
	tcase_add_test(tc, the_context_holds_what_test_run_gives);
	tcase_add_test(tc, reloading_packet_pointers_after_adjust_head_gives_the_new_data);
	tcase_add_test(tc, each_run_starts_from_the_stored_packet);
	tcase_add_test(tc, writes_never_reach_the_callers_packet);
	tcase_add_test(tc, packets_test_run_refuses_are_refused);
	tcase_add_test(tc, types_without_a_packet_context_are_refused_with_a_message);
	tcase_add_test(tc, verdicts_have_their_kernel_names);
	tcase_add_test(tc, redirects_are_reported);
	tcase_add_test(tc, redirect_map_on_an_empty_devmap_returns_the_flags_action);
	tcase_add_test(tc, perf_event_output_appends_packet_bytes_from_data);
	tcase_add_test(tc, random_programs_over_contexts_fault_or_finish);
	suite_add_tcase(s, tc);
	return s;
}

/* Can this process load and test-run programs? */
static int kernel_probe(void)
{
	static const struct isa_raw prog[] = {{.code = 0xb7, .imm = 2}, {.code = 0x95}};
	struct ldr_prog_attr a = {.type = XDP, .license = "GPL", .insns = prog, .ninsns = 2};
	uint8_t pkt[64] = {0}, out[64];
	struct ldr_test_run t = {.data_in = pkt,
				 .data_size_in = sizeof(pkt),
				 .data_out = out,
				 .data_size_out = sizeof(out)};
	int fd = ldr_prog_load(&a, NULL, NULL), err;

	if (fd < 0)
		return fd;
	err = ldr_prog_test_run(fd, &t);
	close(fd);
	return err;
}

int main(void)
{
	SRunner *sr;
	int failed, err;

	build_pkts();
	err = kernel_probe();
	have_kernel = err == 0;
	if (!have_kernel) {
		if (tu_kernel_required()) {
			fprintf(stderr, "check_ctx: the kernel cannot run programs: %s\n",
				strerror(-err));
			return 99;
		}
		fprintf(stderr, "check_ctx: kernel cases left out: %s\n", strerror(-err));
	}
	sr = srunner_create(ctx_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
