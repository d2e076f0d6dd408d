/* SPDX-License-Identifier: MIT */
/*
 * gencap.c - a deterministic capture generator for ebpf-run's tests, demo and benchmarks.
 *
 *   gencap [--seed N] [--count N] [--pcapng] [--mix NAME] [--link ether|raw] [--hot ADDR]
 *          [--hot-percent N] [--src A,B,...] [--payload MIN-MAX] [--list] [--summary] OUT
 *
 * Invariants:
 *   - Same options, same bytes: nothing depends on the clock, the host or the file name.
 *     Packet i draws from its own random stream, seeded from (seed, i), so a capture of N
 *     packets is a prefix of one of N + M with the same options; its timestamp is
 *     base(seed) + i ms + a jitter below 1 ms, so timestamps strictly increase.
 *   - Well-formed frames have correct IPv4 header checksums and TCP/UDP/ICMP/ICMPv6
 *     checksums. Truncated frames are well-formed frames cut short (caplen < len), so their
 *     checksums are those of the whole frame. Malformed frames are well-formed frames with
 *     one field broken (IHL below 5, IPv4 total length past the frame) and the IPv4 header
 *     checksum recomputed, or a zero-length frame, or a 14-byte runt.
 *   - A frame is "hot" when it is what progs/xdp_drop_src.s drops: untagged Ethernet, IPv4
 *     ethertype, at least 34 bytes captured, source address --hot (raw IP link: version 4,
 *     20 bytes captured). --list marks them, --summary counts them, so tests can write their
 *     expected drop counts from the generator's own account.
 *   - Output is streamed through vm/capture's writer: memory does not grow with --count.
 *
 * --list prints one line per packet to stdout: "NUM SEC.NSEC CAPLEN LEN KIND SRC HOT",
 * SRC being the IP source address or "-", HOT 1 or 0.
 */
#include "vm/capture.h"
#include "common/str.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FRAME_MAX   1600
#define PAYLOAD_MAX 1400 /* keeps every frame within a 1518-byte Ethernet frame */
#define MAX_SRCS    64
#define BASE_SEC    1704067200u /* 2024-01-01 00:00:00 UTC */

/*
 * The frame kinds, with their weights in each mix (default, clean, malformed, ipv4):
 * KIND(id, name, default, clean, malformed, ipv4)
 */
#define GENCAP_KINDS(KIND)                                                                         \
	KIND(IPV4_TCP, "ipv4-tcp", 20, 20, 0, 40)                                                  \
	KIND(IPV4_UDP, "ipv4-udp", 20, 20, 0, 40)                                                  \
	KIND(IPV4_ICMP, "ipv4-icmp", 8, 8, 0, 20)                                                  \
	KIND(IPV6_TCP, "ipv6-tcp", 8, 8, 0, 0)                                                     \
	KIND(IPV6_UDP, "ipv6-udp", 8, 8, 0, 0)                                                     \
	KIND(ICMPV6, "icmpv6", 4, 4, 0, 0)                                                         \
	KIND(VLAN_IPV4, "vlan-ipv4-udp", 6, 6, 0, 0)                                               \
	KIND(ARP, "arp", 4, 4, 0, 0)                                                               \
	KIND(TRUNCATED, "truncated", 8, 0, 10, 0)                                                  \
	KIND(BAD_IHL, "bad-ihl", 3, 0, 10, 0)                                                      \
	KIND(BAD_TOTLEN, "bad-totlen", 3, 0, 10, 0)                                                \
	KIND(EMPTY, "empty", 2, 0, 5, 0)                                                           \
	KIND(RUNT, "runt", 2, 0, 5, 0)

#define KIND_ENUM(id, ...) K_##id,
enum kind { GENCAP_KINDS(KIND_ENUM) NKINDS };

struct kind_info {
	const char *name;
	unsigned weight[4];
};

#define KIND_ROW(id, nm, w0, w1, w2, w3) {nm, {w0, w1, w2, w3}},
static const struct kind_info kinds[] = {GENCAP_KINDS(KIND_ROW)};
_Static_assert(sizeof(kinds) / sizeof(kinds[0]) == NKINDS, "one row per kind");

static const char *const mix_names[4] = {"default", "clean", "malformed", "ipv4"};

struct opts {
	uint64_t seed, count;
	int pcapng, raw, list, summary;
	unsigned mix;
	unsigned hot_percent;
	uint32_t hot; /* network order */
	uint32_t srcs[MAX_SRCS];
	unsigned nsrcs;
	unsigned pay_min, pay_max;
};

struct frame {
	uint8_t b[FRAME_MAX];
	uint32_t caplen, len;
	enum kind kind;
	char src[INET6_ADDRSTRLEN];
	int hot;
};

/* ---- randomness: splitmix64, one stream per packet ---- */

static uint64_t splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint32_t rnd(uint64_t *s, uint32_t n) /* uniform enough in [0, n) for n > 0 */
{
	return (uint32_t)((splitmix(s) >> 32) * n >> 32);
}

/* ---- byte writing and checksums ---- */

static uint8_t *be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
	return p + 2;
}

static uint8_t *be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
	return p + 4;
}

/* RFC 1071 sum of big-endian 16-bit words; an odd last byte is padded with zero. */
static uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)p[i] << 8 | p[i + 1];
	if (n & 1)
		sum += (uint32_t)p[n - 1] << 8;
	return sum;
}

static uint16_t csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* ---- frame builders: each returns the end of what it wrote ---- */

static uint8_t *put_eth(uint8_t *p, uint64_t *rs, int broadcast, uint16_t type)
{
	static const uint8_t dst[6] = {0x02, 0x00, 0x5e, 0x00, 0x00, 0x01};
	uint8_t src[6] = {0x02, 0x42, 0, 0, 0, 0};

	be32(src + 2, (uint32_t)splitmix(rs));
	if (broadcast)
		memset(p, 0xff, 6);
	else
		memcpy(p, dst, 6);
	memcpy(p + 6, src, 6);
	return be16(p + 12, type);
}

static void put_payload(uint8_t *p, uint64_t *rs, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		p[i] = (uint8_t)(splitmix(rs) >> 56);
}

/*
 * The L4 header and payload of a TCP, UDP, ICMP or ICMPv6 segment at @p, checksummed with
 * @pseudo (the pseudo-header sum; ICMP has none). Returns the segment length.
 */
static unsigned put_l4(uint8_t *p, uint64_t *rs, uint8_t proto, unsigned pay, uint32_t pseudo)
{
	static const uint16_t tcp_ports[] = {80, 443, 22, 8080};
	static const uint16_t udp_ports[] = {53, 123, 4789, 5353};
	unsigned hl, len;
	uint32_t sum;
	uint8_t *c;

	switch (proto) {
	case IPPROTO_TCP:
		hl = 20;
		be16(p, (uint16_t)(32768 + rnd(rs, 28000)));
		be16(p + 2, tcp_ports[rnd(rs, 4)]);
		be32(p + 4, (uint32_t)splitmix(rs));
		be32(p + 8, (uint32_t)splitmix(rs));
		p[12] = 5 << 4;
		p[13] = pay ? 0x18 : 0x02; /* PSH|ACK with data, else SYN */
		be16(p + 14, 65535);
		c = p + 16;
		be16(c, 0);
		be16(p + 18, 0);
		break;
	case IPPROTO_UDP:
		hl = 8;
		be16(p, (uint16_t)(32768 + rnd(rs, 28000)));
		be16(p + 2, udp_ports[rnd(rs, 4)]);
		be16(p + 4, (uint16_t)(8 + pay));
		c = p + 6;
		be16(c, 0);
		break;
	default: /* ICMP or ICMPv6 echo request */
		hl = 8;
		p[0] = proto == IPPROTO_ICMP ? 8 : 128;
		p[1] = 0;
		c = p + 2;
		be16(c, 0);
		be16(p + 4, (uint16_t)splitmix(rs));
		be16(p + 6, (uint16_t)rnd(rs, 1000));
		break;
	}
	put_payload(p + hl, rs, pay);
	len = hl + pay;
	sum = csum_add(proto == IPPROTO_ICMP ? 0 : pseudo + len, p, len);
	sum = csum_fold(sum);
	/* UDP sends a zero sum as all ones: zero means "no checksum" (and is illegal in v6) */
	if (proto == IPPROTO_UDP && sum == 0)
		sum = 0xffff;
	be16(c, (uint16_t)sum);
	return len;
}

static void ipv4_csum(uint8_t *ip)
{
	be16(ip + 10, 0);
	be16(ip + 10, csum_fold(csum_add(0, ip, 20)));
}

/* An IPv4 packet at @p from @src (network order). Returns its length. */
static unsigned put_ipv4(uint8_t *p, uint64_t *rs, uint8_t proto, uint32_t src, unsigned pay)
{
	uint32_t dst = htonl(0x0a010000u | rnd(rs, 256)); /* 10.1.0.x */
	uint32_t pseudo;
	unsigned l4;

	p[0] = 0x45;
	p[1] = 0;
	be16(p + 4, (uint16_t)splitmix(rs)); /* id */
	be16(p + 6, 0x4000);		     /* DF */
	p[8] = 64;
	p[9] = proto;
	memcpy(p + 12, &src, 4);
	memcpy(p + 16, &dst, 4);
	pseudo = csum_add(0, p + 12, 8) + proto;
	l4 = put_l4(p + 20, rs, proto, pay, pseudo);
	be16(p + 2, (uint16_t)(20 + l4));
	ipv4_csum(p);
	return 20 + l4;
}

/* An IPv6 packet from 2001:db8:1::X to 2001:db8:2::1. Returns its length; @src gets the
 * source address. */
static unsigned put_ipv6(uint8_t *p, uint64_t *rs, uint8_t proto, unsigned pay, uint8_t src[16])
{
	uint32_t pseudo;
	unsigned l4;

	be32(p, 0x60000000u | rnd(rs, 1u << 20));
	p[6] = proto;
	p[7] = 64;
	memset(p + 8, 0, 32);
	be32(p + 8, 0x20010db8);
	be16(p + 12, 1);
	be16(p + 22, (uint16_t)(1 + rnd(rs, 0xfffe)));
	be32(p + 24, 0x20010db8);
	be16(p + 28, 2);
	p[39] = 1;
	memcpy(src, p + 8, 16);
	pseudo = csum_add(0, p + 8, 32) + proto;
	l4 = put_l4(p + 40, rs, proto, pay, pseudo);
	be16(p + 4, (uint16_t)l4);
	return 40 + l4;
}

static uint32_t pick_src(const struct opts *o, uint64_t *rs)
{
	if (rnd(rs, 100) < o->hot_percent)
		return o->hot;
	return o->srcs[rnd(rs, o->nsrcs)];
}

static enum kind pick_kind(const struct opts *o, uint64_t *rs)
{
	unsigned total = 0, r;
	enum kind k;

	for (k = 0; k < NKINDS; k++)
		total += kinds[k].weight[o->mix];
	r = rnd(rs, total);
	for (k = 0; k < NKINDS - 1; k++) {
		if (r < kinds[k].weight[o->mix])
			break;
		r -= kinds[k].weight[o->mix];
	}
	/* A raw IP link has no Ethernet: ARP and 802.1Q frames become plain IPv4. */
	if (o->raw && (k == K_ARP || k == K_VLAN_IPV4))
		k = K_IPV4_UDP;
	return k;
}

/* Build packet @idx into @f. */
static void frame_build(const struct opts *o, uint64_t idx, struct frame *f)
{
	static const uint8_t protos[3] = {IPPROTO_TCP, IPPROTO_UDP, IPPROTO_ICMP};
	uint64_t rs = o->seed ^ (idx * 0xd1342543de82ef95ull);
	uint8_t *p = f->b, *ip;
	unsigned pay;
	uint8_t src6[16];
	uint32_t src = 0;
	int v4 = 0, v6 = 0;

	splitmix(&rs);
	f->kind = pick_kind(o, &rs);
	pay = o->pay_min + rnd(&rs, o->pay_max - o->pay_min + 1);
	memset(f->b, 0, 64);
	switch (f->kind) {
	case K_IPV4_TCP:
	case K_IPV4_UDP:
	case K_IPV4_ICMP:
	case K_TRUNCATED:
	case K_BAD_IHL:
	case K_BAD_TOTLEN: {
		uint8_t proto = f->kind == K_IPV4_TCP	 ? IPPROTO_TCP
				: f->kind == K_IPV4_ICMP ? IPPROTO_ICMP
				: f->kind == K_IPV4_UDP	 ? IPPROTO_UDP
							 : protos[rnd(&rs, 3)];

		if (!o->raw)
			p = put_eth(p, &rs, 0, 0x0800);
		src = pick_src(o, &rs);
		ip = p;
		p += put_ipv4(p, &rs, proto, src, pay);
		v4 = 1;
		if (f->kind == K_BAD_IHL) {
			ip[0] = (uint8_t)(0x40 | rnd(&rs, 5));
			ipv4_csum(ip);
		} else if (f->kind == K_BAD_TOTLEN) {
			be16(ip + 2, (uint16_t)(p - ip + 1 + rnd(&rs, 1000)));
			ipv4_csum(ip);
		}
		break;
	}
	case K_IPV6_TCP:
	case K_IPV6_UDP:
	case K_ICMPV6:
		if (!o->raw)
			p = put_eth(p, &rs, 0, 0x86dd);
		p += put_ipv6(p, &rs,
			      f->kind == K_IPV6_TCP   ? IPPROTO_TCP
			      : f->kind == K_IPV6_UDP ? IPPROTO_UDP
						      : IPPROTO_ICMPV6,
			      pay, src6);
		v6 = 1;
		break;
	case K_VLAN_IPV4:
		p = put_eth(p, &rs, 0, 0x8100);
		p = be16(p, (uint16_t)(rnd(&rs, 8) << 13 | (1 + rnd(&rs, 4094)))); /* PCP, VID */
		p = be16(p, 0x0800);
		src = pick_src(o, &rs);
		p += put_ipv4(p, &rs, IPPROTO_UDP, src, pay);
		v4 = 1;
		break;
	case K_ARP: {
		int reply = (int)rnd(&rs, 2);
		uint32_t spa = pick_src(o, &rs), tpa = htonl(0x0a010000u | rnd(&rs, 256));

		p = put_eth(p, &rs, !reply, 0x0806);
		p = be16(p, 1);	     /* Ethernet */
		p = be16(p, 0x0800); /* IPv4 */
		*p++ = 6;
		*p++ = 4;
		p = be16(p, reply ? 2 : 1);
		memcpy(p, f->b + 6, 6); /* sender MAC: the frame's source */
		memcpy(p + 6, &spa, 4);
		if (reply)
			memcpy(p + 10, f->b, 6);
		else
			memset(p + 10, 0, 6);
		memcpy(p + 16, &tpa, 4);
		p += 20;
		break;
	}
	case K_EMPTY:
		break;
	case K_RUNT:
		/* 14 bytes: an Ethernet header announcing IPv4 and nothing after it (raw link:
		 * the first 14 bytes of an IPv4 header) */
		if (o->raw) {
			src = pick_src(o, &rs);
			p += put_ipv4(p, &rs, IPPROTO_UDP, src, 0);
			p = f->b + 14;
		} else {
			p = put_eth(p, &rs, 0, 0x0800);
		}
		break;
	case NKINDS:
		break;
	}
	f->len = (uint32_t)(p - f->b);
	f->caplen = f->len;
	if (f->kind == K_TRUNCATED)
		f->caplen = 1 + rnd(&rs, f->len - 1);
	if (v4)
		inet_ntop(AF_INET, &src, f->src, sizeof(f->src));
	else if (v6)
		inet_ntop(AF_INET6, src6, f->src, sizeof(f->src));
	else
		strcpy(f->src, "-");
	/* hot: what xdp_drop_src drops (see the file comment) */
	if (o->raw)
		f->hot = f->caplen >= 20 && (f->b[0] >> 4) == 4 &&
			 memcmp(f->b + 12, &o->hot, 4) == 0;
	else
		f->hot = f->caplen >= 34 && f->b[12] == 0x08 && f->b[13] == 0x00 &&
			 memcmp(f->b + 26, &o->hot, 4) == 0;
}

static uint64_t frame_ts(const struct opts *o, uint64_t idx)
{
	uint64_t rs = ~o->seed ^ (idx * 0x9e3779b97f4a7c15ull);
	uint64_t base = (BASE_SEC + o->seed % 86400) * 1000000000ull;

	return base + idx * 1000000ull + rnd(&rs, 1000000);
}

/* ---- options ---- */

static void usage(FILE *f)
{
	fputs("Usage: gencap [OPTION]... OUT\n"
	      "Write a deterministic capture of Ethernet frames for ebpf-run's tests and "
	      "benchmarks\n"
	      "(OUT may be '-' for standard output).\n"
	      "\n"
	      "  -s, --seed N           random seed (default 1); same options, same bytes\n"
	      "  -c, --count N          number of packets (default 100)\n"
	      "      --pcapng           write pcapng instead of pcap (nanosecond timestamps both)\n"
	      "  -m, --mix NAME         default: every kind below; clean: well-formed frames "
	      "only;\n"
	      "                         malformed: truncated and broken frames only; ipv4: IPv4\n"
	      "                         TCP/UDP/ICMP only\n"
	      "      --link ether|raw   Ethernet frames (default), or raw IP packets "
	      "(LINKTYPE_RAW)\n"
	      "      --hot ADDR         the IPv4 source a share of frames come from (192.168.0.1)\n"
	      "      --hot-percent N    that share of IPv4 frames and ARP senders, percent (25)\n"
	      "      --src A,B,...      the other IPv4 sources (10.0.0.1,10.0.0.2,172.16.5.9,"
	      "203.0.113.7)\n"
	      "      --payload MIN-MAX  L4 payload bytes, uniformly (default 0-64; at most 1400)\n"
	      "  -l, --list             print NUM SEC.NSEC CAPLEN LEN KIND SRC HOT per packet\n"
	      "      --summary          print the count of each kind and of hot frames\n"
	      "  -h, --help             show this help and exit\n"
	      "\n"
	      "Kinds: ipv4-tcp ipv4-udp ipv4-icmp ipv6-tcp ipv6-udp icmpv6 vlan-ipv4-udp arp\n"
	      "truncated (caplen < len) bad-ihl bad-totlen empty runt (14 bytes).\n"
	      "A hot frame is one progs/xdp_drop_src.s drops: untagged IPv4 from --hot, 34 bytes\n"
	      "captured.\n",
	      f);
}

static int parse_srcs(struct opts *o, const char *s)
{
	char buf[64];

	o->nsrcs = 0;
	while (*s) {
		size_t n = strcspn(s, ",");

		if (n == 0 || n >= sizeof(buf) || o->nsrcs == MAX_SRCS)
			return -1;
		memcpy(buf, s, n);
		buf[n] = '\0';
		if (inet_pton(AF_INET, buf, &o->srcs[o->nsrcs++]) != 1)
			return -1;
		s += n;
		if (*s == ',')
			s++;
	}
	return o->nsrcs ? 0 : -1;
}

static int parse_payload(struct opts *o, const char *s)
{
	uint64_t lo, hi;
	char buf[32];
	const char *dash = strchr(s, '-');

	if (!dash) {
		if (str_to_u64(s, PAYLOAD_MAX, &lo))
			return -1;
		o->pay_min = o->pay_max = (unsigned)lo;
		return 0;
	}
	if ((size_t)(dash - s) >= sizeof(buf))
		return -1;
	memcpy(buf, s, (size_t)(dash - s));
	buf[dash - s] = '\0';
	if (str_to_u64(buf, PAYLOAD_MAX, &lo) || str_to_u64(dash + 1, PAYLOAD_MAX, &hi) || lo > hi)
		return -1;
	o->pay_min = (unsigned)lo;
	o->pay_max = (unsigned)hi;
	return 0;
}

static int parse_opts(struct opts *o, int argc, char **argv, const char **out)
{
	enum { O_PCAPNG = 256, O_LINK, O_HOT, O_HOT_PERCENT, O_SRC, O_PAYLOAD, O_SUMMARY };
	static const struct option lopts[] = {
		{"seed", required_argument, NULL, 's'},
		{"count", required_argument, NULL, 'c'},
		{"pcapng", no_argument, NULL, O_PCAPNG},
		{"mix", required_argument, NULL, 'm'},
		{"link", required_argument, NULL, O_LINK},
		{"hot", required_argument, NULL, O_HOT},
		{"hot-percent", required_argument, NULL, O_HOT_PERCENT},
		{"src", required_argument, NULL, O_SRC},
		{"payload", required_argument, NULL, O_PAYLOAD},
		{"list", no_argument, NULL, 'l'},
		{"summary", no_argument, NULL, O_SUMMARY},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	uint64_t v = 0;
	int c;

	memset(o, 0, sizeof(*o));
	o->seed = 1;
	o->count = 100;
	o->hot_percent = 25;
	o->hot = htonl(0xc0a80001u);
	parse_srcs(o, "10.0.0.1,10.0.0.2,172.16.5.9,203.0.113.7");
	o->pay_max = 64;
	while ((c = getopt_long(argc, argv, "s:c:m:lh", lopts, NULL)) != -1) {
		const char *bad = NULL;

		switch (c) {
		case 's':
			if (str_to_u64(optarg, UINT64_MAX, &o->seed))
				bad = "--seed";
			break;
		case 'c':
			if (str_to_u64(optarg, UINT64_MAX, &o->count))
				bad = "--count";
			break;
		case O_PCAPNG:
			o->pcapng = 1;
			break;
		case 'm':
			for (o->mix = 0; o->mix < 4; o->mix++)
				if (strcmp(optarg, mix_names[o->mix]) == 0)
					break;
			if (o->mix == 4)
				bad = "--mix (default, clean, malformed or ipv4)";
			break;
		case O_LINK:
			if (strcmp(optarg, "ether") == 0 || strcmp(optarg, "raw") == 0)
				o->raw = optarg[0] == 'r';
			else
				bad = "--link (ether or raw)";
			break;
		case O_HOT:
			if (inet_pton(AF_INET, optarg, &o->hot) != 1)
				bad = "--hot (an IPv4 address)";
			break;
		case O_HOT_PERCENT:
			if (str_to_u64(optarg, 100, &v))
				bad = "--hot-percent (0 to 100)";
			o->hot_percent = (unsigned)v;
			break;
		case O_SRC:
			if (parse_srcs(o, optarg))
				bad = "--src (IPv4 addresses separated by commas)";
			break;
		case O_PAYLOAD:
			if (parse_payload(o, optarg))
				bad = "--payload (N or MIN-MAX, at most 1400)";
			break;
		case 'l':
			o->list = 1;
			break;
		case O_SUMMARY:
			o->summary = 1;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			usage(stderr);
			return -1;
		}
		if (bad) {
			fprintf(stderr, "gencap: error: bad value '%s' for %s\n", optarg, bad);
			return -1;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "gencap: error: %s\n",
			optind == argc ? "no output file" : "more than one output file");
		usage(stderr);
		return -1;
	}
	*out = argv[optind];
	if ((o->list || o->summary) && strcmp(*out, "-") == 0) {
		fprintf(stderr, "gencap: error: --list and --summary print to standard output: "
				"write the capture to a file\n");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct vm_capture_writer *w;
	uint64_t counts[NKINDS] = {0}, hot = 0;
	struct frame f;
	struct opts o;
	const char *out;
	struct diag d;
	int r = 0;

	if (parse_opts(&o, argc, argv, &out))
		return 2;
	diag_init(&d);
	if (vm_capture_writer_open(out, o.raw ? VM_CAPTURE_LINK_RAW : VM_CAPTURE_LINK_EN10MB,
				   o.pcapng ? VM_CAPTURE_PCAPNG : VM_CAPTURE_PCAP, &w, &d)) {
		diag_print(&d, stderr, "gencap", 0);
		diag_fini(&d);
		return 1;
	}
	for (uint64_t i = 0; i < o.count && r == 0; i++) {
		uint64_t ts = frame_ts(&o, i);

		frame_build(&o, i, &f);
		r = vm_capture_write(w, f.b, f.caplen, f.len, ts);
		counts[f.kind]++;
		hot += (uint64_t)f.hot;
		if (o.list)
			printf("%" PRIu64 " %" PRIu64 ".%09" PRIu64 " %u %u %s %s %d\n", i + 1,
			       ts / 1000000000u, ts % 1000000000u, f.caplen, f.len,
			       kinds[f.kind].name, f.src, f.hot);
	}
	if (vm_capture_writer_close(w))
		r = -1;
	if (r == 0 && o.summary) {
		char hs[INET_ADDRSTRLEN];

		inet_ntop(AF_INET, &o.hot, hs, sizeof(hs));
		printf("packets %" PRIu64 "\n", o.count);
		for (enum kind k = 0; k < NKINDS; k++)
			if (counts[k])
				printf("%s %" PRIu64 "\n", kinds[k].name, counts[k]);
		printf("hot %s %" PRIu64 "\n", hs, hot);
	}
	if (r == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
		fprintf(stderr, "gencap: error: writing standard output: %s\n", strerror(errno));
		r = -1;
	}
	diag_print(&d, stderr, "gencap", 0);
	diag_fini(&d);
	return r ? 1 : 0;
}
