/* SPDX-License-Identifier: MIT */
/*
 * check_capture.c - capture I/O (vm/capture.c) and the capture generator (tools/gencap).
 *
 * gencap's --list is its own account of what it wrote (number, timestamp, lengths, kind,
 * source, whether xdp_drop_src drops it); the reader must give back exactly that, so the two
 * check each other. Frames are also checked byte by byte here (checksums, the damage each
 * malformed kind promises) without trusting either. Malformed captures are built from good
 * ones by cutting or overwriting bytes at offsets computed from the listing, so every
 * expected message, packet number and byte offset is written in the table below.
 *
 * tests/data/sample.pcap is the README demo's capture; its expected counts are written here
 * and it must stay reproducible from gencap with SAMPLE_ARGS.
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "mem.h"
#include "vm/capture.h"
#include "tests/testutil.h"

/* How tests/data/sample.pcap was made, and what it holds (from gencap --summary). */
#define SAMPLE_ARGS    "--seed 1 --count 120 --payload 0-16"
#define SAMPLE_PACKETS 120
#define SAMPLE_HOT     24 /* frames from 192.168.0.1 that xdp_drop_src drops */

struct listed {
	uint64_t num, ts_ns;
	uint32_t caplen, len;
	char kind[24];
	char src[48];
	int hot;
};

struct got {
	struct vm_capture_pkt pkt;
	uint8_t *bytes;
};

/* ---- helpers ---- */

static char *path_in(const char *dir, const char *name)
{
	char *p;

	ck_assert_int_ge(asprintf(&p, "%s/%s", dir, name), 0);
	return p;
}

/* Run gencap ARGS --list OUT and parse its listing. */
static struct listed *gencap_list(const char *args, const char *out, size_t *n)
{
	struct listed *l = NULL;
	char *text = NULL, *line, *save = NULL;
	size_t cap = 0;
	int st;

	st = tu_runf(&text, "'%s' %s --list '%s'", tu_tool("tools/gencap"), args, out);
	ck_assert_msg(st == 0, "gencap %s failed (%d): %s", args, st, text ? text : "");
	*n = 0;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		unsigned long long num, sec, nsec;
		struct listed *e;

		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			l = realloc(l, cap * sizeof(*l));
			ck_assert_ptr_nonnull(l);
		}
		e = &l[*n];
		ck_assert_msg(sscanf(line, "%llu %llu.%llu %u %u %23s %47s %d", &num, &sec, &nsec,
				     &e->caplen, &e->len, e->kind, e->src, &e->hot) == 8,
			      "bad listing line '%s'", line);
		e->num = num;
		e->ts_ns = sec * 1000000000ull + nsec;
		(*n)++;
	}
	free(text);
	return l;
}

static void gencap_quiet(const char *args, const char *out)
{
	char *text = NULL;
	int st = tu_runf(&text, "'%s' %s '%s'", tu_tool("tools/gencap"), args, out);

	ck_assert_msg(st == 0, "gencap %s failed (%d): %s", args, st, text ? text : "");
	free(text);
}

/* Read every packet of an open capture; returns vm_capture_next's last result. */
static int read_rest(struct vm_capture *cap, struct got **out, size_t *n)
{
	struct vm_capture_pkt pkt;
	struct got *g = NULL;
	size_t cap_n = 0;
	int r;

	*n = 0;
	while ((r = vm_capture_next(cap, &pkt)) == 1) {
		if (*n == cap_n) {
			cap_n = cap_n ? cap_n * 2 : 256;
			g = realloc(g, cap_n * sizeof(*g));
			ck_assert_ptr_nonnull(g);
		}
		g[*n].pkt = pkt;
		g[*n].bytes = malloc(pkt.caplen + 1);
		ck_assert_ptr_nonnull(g[*n].bytes);
		memcpy(g[*n].bytes, pkt.data, pkt.caplen);
		g[*n].pkt.data = g[*n].bytes;
		(*n)++;
	}
	*out = g;
	return r;
}

static void got_free(struct got *g, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(g[i].bytes);
	free(g);
}

static struct got *read_file_ok(const char *path, size_t *n, int *linktype,
				enum vm_capture_format *fmt)
{
	struct vm_capture *cap;
	struct got *g;
	struct diag d;

	diag_init(&d);
	ck_assert_msg(vm_capture_open(path, &cap, &d) == 0, "cannot open %s: %s", path,
		      d.nmsgs ? d.msgs[0].text : "");
	ck_assert_int_eq(read_rest(cap, &g, n), 0);
	ck_assert_uint_eq(d.nmsgs, 0);
	if (linktype)
		*linktype = vm_capture_linktype(cap);
	if (fmt)
		*fmt = vm_capture_format(cap);
	vm_capture_close(cap);
	diag_fini(&d);
	return g;
}

static int same_file(const char *a, const char *b)
{
	size_t la, lb;
	char *x = tu_read_file(a, &la), *y = tu_read_file(b, &lb);
	int same;

	ck_assert_ptr_nonnull(x);
	ck_assert_ptr_nonnull(y);
	same = la == lb && memcmp(x, y, la) == 0;
	free(x);
	free(y);
	return same;
}

static unsigned be16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t sum16(uint32_t sum, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)p[i] << 8 | p[i + 1];
	if (n & 1)
		sum += (uint32_t)p[n - 1] << 8;
	return sum;
}

/* A checksum over data that includes its checksum field verifies when it folds to 0xffff. */
static int sum_ok(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum == 0xffff;
}

/*
 * Check one well-formed frame from first principles: lengths agree with the frame, the IPv4
 * header checksum and the L4 checksum (pseudo-header included) verify. NULL when good.
 */
static const char *frame_check(const uint8_t *b, uint32_t n, int raw)
{
	unsigned type, off = 0;

	if (raw) {
		type = n && b[0] >> 4 == 6 ? 0x86dd : 0x0800;
	} else {
		if (n < 14)
			return "shorter than an Ethernet header";
		type = be16(b + 12);
		off = 14;
		if (type == 0x8100) {
			type = be16(b + 16);
			off = 18;
		}
	}
	if (type == 0x0806)
		return n == off + 28 && be16(b + off + 2) == 0x0800 ? NULL : "bad ARP";
	if (type == 0x0800) {
		const uint8_t *ip = b + off;
		unsigned ihl = (ip[0] & 15u) * 4, tot = be16(ip + 2), proto = ip[9];

		if (ihl != 20 || off + tot != n)
			return "IPv4 lengths do not match the frame";
		if (!sum_ok(sum16(0, ip, 20)))
			return "bad IPv4 header checksum";
		if (proto == 1)
			return sum_ok(sum16(0, ip + 20, tot - 20)) ? NULL : "bad ICMP checksum";
		if (!sum_ok(sum16(sum16(proto + tot - 20, ip + 12, 8), ip + 20, tot - 20)))
			return "bad TCP/UDP checksum over IPv4";
		return NULL;
	}
	if (type == 0x86dd) {
		const uint8_t *ip = b + off;
		unsigned plen = be16(ip + 4), nh = ip[6];

		if (off + 40 + plen != n)
			return "IPv6 payload length does not match the frame";
		if (!sum_ok(sum16(sum16(nh + plen, ip + 8, 32), ip + 40, plen)))
			return "bad L4 checksum over IPv6";
		return NULL;
	}
	return "unknown ethertype";
}

static int kind_is_clean(const char *k)
{
	static const char *const clean[] = {"ipv4-tcp", "ipv4-udp", "ipv4-icmp",     "ipv6-tcp",
					    "ipv6-udp", "icmpv6",   "vlan-ipv4-udp", "arp"};

	for (size_t i = 0; i < sizeof(clean) / sizeof(clean[0]); i++)
		if (strcmp(k, clean[i]) == 0)
			return 1;
	return 0;
}

/* ---- gencap, read back ---- */

static const struct {
	const char *args;
	int linktype;
	enum vm_capture_format fmt;
} readback_cases[] = {
	{"--seed 7 --count 300", VM_CAPTURE_LINK_EN10MB, VM_CAPTURE_PCAP},
	{"--seed 7 --count 300 --pcapng", VM_CAPTURE_LINK_EN10MB, VM_CAPTURE_PCAPNG},
	{"--seed 9 --count 200 --link raw", VM_CAPTURE_LINK_RAW, VM_CAPTURE_PCAP},
	{"--seed 9 --count 200 --link raw --pcapng", VM_CAPTURE_LINK_RAW, VM_CAPTURE_PCAPNG},
	{"--seed 3 --count 200 --mix malformed --payload 0", VM_CAPTURE_LINK_EN10MB,
	 VM_CAPTURE_PCAP},
};

START_TEST(reading_a_generated_capture_gives_every_packet_gencap_listed)
{
	char *dir = tu_mkdtemp(), *path = path_in(dir, "x.cap");
	enum vm_capture_format fmt;
	struct listed *l;
	struct got *g;
	size_t nl, ng;
	int lt;

	l = gencap_list(readback_cases[_i].args, path, &nl);
	g = read_file_ok(path, &ng, &lt, &fmt);
	ck_assert_uint_gt(nl, 0);
	ck_assert_uint_eq(ng, nl);
	ck_assert_int_eq(lt, readback_cases[_i].linktype);
	ck_assert_int_eq(fmt, readback_cases[_i].fmt);
	for (size_t i = 0; i < ng; i++) {
		ck_assert_uint_eq(g[i].pkt.num, i + 1);
		ck_assert_uint_eq(g[i].pkt.num, l[i].num);
		ck_assert_uint_eq(g[i].pkt.caplen, l[i].caplen);
		ck_assert_uint_eq(g[i].pkt.len, l[i].len);
		ck_assert_uint_eq(g[i].pkt.ts_ns, l[i].ts_ns);
		ck_assert_int_eq(g[i].pkt.linktype, readback_cases[_i].linktype);
		if (i)
			ck_assert_uint_gt(g[i].pkt.ts_ns, g[i - 1].pkt.ts_ns);
	}
	got_free(g, ng);
	free(l);
	free(path);
	tu_rmrf(dir);
}
END_TEST

START_TEST(same_seed_gives_identical_bytes_and_another_seed_does_not)
{
	char *dir = tu_mkdtemp();
	char *a = path_in(dir, "a.pcap"), *b = path_in(dir, "b.pcap"), *c = path_in(dir, "c.pcap");
	char *an = path_in(dir, "a.pcapng"), *bn = path_in(dir, "b.pcapng");

	gencap_quiet("--seed 42 --count 500", a);
	gencap_quiet("--seed 42 --count 500", b);
	gencap_quiet("--seed 43 --count 500", c);
	gencap_quiet("--seed 42 --count 500 --pcapng", an);
	gencap_quiet("--seed 42 --count 500 --pcapng", bn);
	ck_assert_msg(same_file(a, b), "same seed, different pcap bytes");
	ck_assert_msg(same_file(an, bn), "same seed, different pcapng bytes");
	ck_assert_msg(!same_file(a, c), "seeds 42 and 43 gave the same capture");
	free(a), free(b), free(c), free(an), free(bn);
	tu_rmrf(dir);
}
END_TEST

START_TEST(a_shorter_capture_is_a_prefix_of_a_longer_one_with_the_same_seed)
{
	char *dir = tu_mkdtemp(), *a = path_in(dir, "a.pcap"), *b = path_in(dir, "b.pcap");
	struct listed *la, *lb;
	size_t na, nb;

	la = gencap_list("--seed 5 --count 50", a, &na);
	lb = gencap_list("--seed 5 --count 80", b, &nb);
	ck_assert_uint_eq(na, 50);
	ck_assert_uint_eq(nb, 80);
	for (size_t i = 0; i < na; i++) {
		ck_assert_uint_eq(la[i].ts_ns, lb[i].ts_ns);
		ck_assert_uint_eq(la[i].caplen, lb[i].caplen);
		ck_assert_str_eq(la[i].kind, lb[i].kind);
	}
	free(la), free(lb), free(a), free(b);
	tu_rmrf(dir);
}
END_TEST

static const char *const clean_args[] = {
	"--seed 11 --count 600 --mix clean --payload 0-300",
	"--seed 12 --count 300 --mix clean --link raw",
	"--seed 13 --count 300 --mix ipv4 --payload 1-1400 --pcapng",
};

START_TEST(well_formed_frames_have_correct_lengths_and_checksums)
{
	char *dir = tu_mkdtemp(), *path = path_in(dir, "x.cap");
	int raw = strstr(clean_args[_i], "raw") != NULL;
	struct listed *l;
	struct got *g;
	size_t nl, ng;

	l = gencap_list(clean_args[_i], path, &nl);
	g = read_file_ok(path, &ng, NULL, NULL);
	ck_assert_uint_eq(ng, nl);
	for (size_t i = 0; i < ng; i++) {
		const char *why = frame_check(g[i].bytes, g[i].pkt.caplen, raw);

		ck_assert_msg(kind_is_clean(l[i].kind), "packet %zu: %s in a clean mix", i + 1,
			      l[i].kind);
		ck_assert_uint_eq(g[i].pkt.caplen, g[i].pkt.len);
		ck_assert_msg(!why, "packet %zu (%s): %s", i + 1, l[i].kind, why);
	}
	got_free(g, ng);
	free(l);
	free(path);
	tu_rmrf(dir);
}
END_TEST

START_TEST(each_malformed_kind_is_broken_the_way_its_name_says)
{
	char *dir = tu_mkdtemp(), *path = path_in(dir, "x.pcap");
	unsigned seen[5] = {0};
	struct listed *l;
	struct got *g;
	size_t nl, ng;

	l = gencap_list("--seed 21 --count 400 --mix malformed", path, &nl);
	g = read_file_ok(path, &ng, NULL, NULL);
	ck_assert_uint_eq(ng, nl);
	for (size_t i = 0; i < ng; i++) {
		const uint8_t *b = g[i].bytes;
		uint32_t cl = g[i].pkt.caplen, len = g[i].pkt.len;
		const char *k = l[i].kind;

		if (strcmp(k, "truncated") == 0) {
			ck_assert_uint_lt(cl, len);
			seen[0]++;
		} else if (strcmp(k, "bad-ihl") == 0) {
			ck_assert_uint_eq(be16(b + 12), 0x0800);
			ck_assert_uint_lt(b[14] & 15u, 5);
			ck_assert_uint_eq(b[14] >> 4, 4);
			seen[1]++;
		} else if (strcmp(k, "bad-totlen") == 0) {
			ck_assert_uint_gt(be16(b + 16), cl - 14);
			ck_assert_msg(sum_ok(sum16(0, b + 14, 20)), "packet %zu: bad checksum",
				      i + 1);
			seen[2]++;
		} else if (strcmp(k, "empty") == 0) {
			ck_assert_uint_eq(cl, 0);
			ck_assert_uint_eq(len, 0);
			seen[3]++;
		} else if (strcmp(k, "runt") == 0) {
			ck_assert_uint_eq(cl, 14);
			ck_assert_uint_eq(len, 14);
			ck_assert_uint_eq(be16(b + 12), 0x0800);
			seen[4]++;
		} else {
			ck_abort_msg("packet %zu: %s in the malformed mix", i + 1, k);
		}
	}
	for (int k = 0; k < 5; k++)
		ck_assert_msg(seen[k] > 0, "malformed kind %d never generated in 400 packets", k);
	got_free(g, ng);
	free(l);
	free(path);
	tu_rmrf(dir);
}
END_TEST

/* Does xdp_drop_src drop this frame? Its test, byte for byte. */
static int drop_src_matches(const uint8_t *b, uint32_t caplen)
{
	static const uint8_t hot[4] = {192, 168, 0, 1};

	return caplen >= 34 && b[12] == 0x08 && b[13] == 0 && memcmp(b + 26, hot, 4) == 0;
}

START_TEST(default_mix_sends_a_quarter_of_ipv4_frames_from_192_168_0_1)
{
	char *dir = tu_mkdtemp(), *path = path_in(dir, "x.pcap");
	size_t nl, ng, v4 = 0, from_hot = 0, hot = 0;
	struct listed *l;
	struct got *g;

	l = gencap_list("--seed 1 --count 4000", path, &nl);
	g = read_file_ok(path, &ng, NULL, NULL);
	ck_assert_uint_eq(ng, 4000);
	for (size_t i = 0; i < ng; i++) {
		int m = drop_src_matches(g[i].bytes, g[i].pkt.caplen);

		if (strchr(l[i].src, '.'))
			v4++;
		from_hot += strcmp(l[i].src, "192.168.0.1") == 0;
		hot += (size_t)m;
		ck_assert_msg(l[i].hot == m, "packet %zu (%s): listed hot %d, bytes say %d", i + 1,
			      l[i].kind, l[i].hot, m);
	}
	ck_assert_uint_gt(v4, 2000);
	ck_assert_msg(from_hot * 100 > v4 * 20 && from_hot * 100 < v4 * 30,
		      "%zu of %zu IPv4 frames from 192.168.0.1", from_hot, v4);
	ck_assert_uint_gt(hot, 0);
	got_free(g, ng);
	free(l);
	free(path);
	tu_rmrf(dir);
}
END_TEST

static const struct {
	const char *args;
	int hot_min, hot_max; /* percent of IPv4 frames from --hot */
} hot_cases[] = {
	{"--hot-percent 0", 0, 0},
	{"--hot-percent 100 --hot 10.9.9.9 --mix ipv4", 100, 100},
	{"--hot-percent 50 --src 1.2.3.4", 40, 60},
};

START_TEST(hot_source_and_its_share_are_what_the_options_say)
{
	char *dir = tu_mkdtemp(), *path = path_in(dir, "x.pcap");
	const char *hot = strstr(hot_cases[_i].args, "10.9.9.9") ? "10.9.9.9" : "192.168.0.1";
	size_t nl, v4 = 0, from_hot = 0;
	struct listed *l;
	char args[200];

	snprintf(args, sizeof(args), "--count 1000 %s", hot_cases[_i].args);
	l = gencap_list(args, path, &nl);
	for (size_t i = 0; i < nl; i++) {
		if (!strchr(l[i].src, '.'))
			continue;
		v4++;
		from_hot += strcmp(l[i].src, hot) == 0;
		if (strstr(args, "--src"))
			ck_assert_msg(strcmp(l[i].src, hot) == 0 ||
					      strcmp(l[i].src, "1.2.3.4") == 0,
				      "packet %zu from %s", i + 1, l[i].src);
	}
	ck_assert_uint_gt(v4, 300);
	ck_assert_msg(from_hot * 100 >= v4 * (size_t)hot_cases[_i].hot_min &&
			      from_hot * 100 <= v4 * (size_t)hot_cases[_i].hot_max,
		      "%s: %zu of %zu from %s", args, from_hot, v4, hot);
	free(l);
	free(path);
	tu_rmrf(dir);
}
END_TEST

static const struct {
	const char *args;
	int status;
	const char *msg;
} gencap_bad_cases[] = {
	{"--mix nope OUT", 2, "bad value 'nope' for --mix"},
	{"--payload 9-3 OUT", 2, "--payload"},
	{"--payload 1401 OUT", 2, "--payload"},
	{"--hot 300.1.1.1 OUT", 2, "--hot"},
	{"--count -1 OUT", 2, "--count"},
	{"", 2, "no output file"},
	{"--list -", 2, "write the capture to a file"},
	{"/nonexistent/dir/x.pcap", 1, "/nonexistent/dir/x.pcap: error: cannot create capture"},
};

START_TEST(gencap_rejects_bad_options_and_unwritable_files_with_a_message)
{
	char *dir = tu_mkdtemp(), *out = NULL, *args = strdup(gencap_bad_cases[_i].args);
	char *p = strstr(args, "OUT");
	int st;

	if (p) /* an output in the temp dir, so a mistaken success leaves nothing behind */
		*p = '\0';
	st = tu_runf(&out, "cd '%s' && '%s' %s%s", dir, tu_tool("tools/gencap"), args,
		     p ? "x.pcap" : "");
	ck_assert_msg(st == gencap_bad_cases[_i].status, "gencap %s: exit %d: %s",
		      gencap_bad_cases[_i].args, st, out ? out : "");
	ck_assert_msg(out && strstr(out, gencap_bad_cases[_i].msg), "gencap %s said: %s",
		      gencap_bad_cases[_i].args, out ? out : "");
	free(out);
	free(args);
	tu_rmrf(dir);
}
END_TEST

/* ---- the writer ---- */

static const struct {
	enum vm_capture_format fmt;
	int linktype;
} writer_cases[] = {
	{VM_CAPTURE_PCAP, VM_CAPTURE_LINK_EN10MB},
	{VM_CAPTURE_PCAPNG, VM_CAPTURE_LINK_EN10MB},
	{VM_CAPTURE_PCAP, VM_CAPTURE_LINK_RAW},
	{VM_CAPTURE_PCAPNG, VM_CAPTURE_LINK_RAW},
	{VM_CAPTURE_PCAP, VM_CAPTURE_LINK_LINUX_SLL},
	{VM_CAPTURE_PCAPNG, VM_CAPTURE_LINK_LINUX_SLL2},
};

START_TEST(written_packets_read_back_with_bytes_lengths_and_timestamps)
{
	static const struct {
		uint32_t caplen, len;
		uint64_t ts_ns;
	} pkts[] = {
		{60, 60, 1704067200123456789ull},
		{0, 0, 1704067200123456790ull},
		{1, 1, 0},
		{3, 1500, 999999999ull}, /* truncated: the wire length is kept */
		{1514, 1514, 1704067201000000000ull},
		{65535, 65535, 4294967295999999999ull}, /* the last second pcap can hold */
		{VM_CAPTURE_MAX_PACKET, VM_CAPTURE_MAX_PACKET, 5},
	};
	char *dir = tu_mkdtemp(), *path = path_in(dir, "w.cap");
	enum vm_capture_format fmt;
	struct vm_capture_writer *w;
	uint8_t *data = malloc(VM_CAPTURE_MAX_PACKET + 16); /* packet i starts at data + i */
	struct got *g;
	struct diag d;
	size_t n;
	int lt;

	for (uint32_t i = 0; i < VM_CAPTURE_MAX_PACKET + 16; i++)
		data[i] = (uint8_t)(i * 7 + i / 251);
	diag_init(&d);
	ck_assert_int_eq(vm_capture_writer_open(path, writer_cases[_i].linktype,
						writer_cases[_i].fmt, &w, &d),
			 0);
	for (size_t i = 0; i < sizeof(pkts) / sizeof(pkts[0]); i++)
		ck_assert_int_eq(
			vm_capture_write(w, data + i, pkts[i].caplen, pkts[i].len, pkts[i].ts_ns),
			0);
	ck_assert_uint_eq(vm_capture_writer_count(w), sizeof(pkts) / sizeof(pkts[0]));
	ck_assert_int_eq(vm_capture_writer_close(w), 0);
	ck_assert_uint_eq(d.nmsgs, 0);
	g = read_file_ok(path, &n, &lt, &fmt);
	ck_assert_uint_eq(n, sizeof(pkts) / sizeof(pkts[0]));
	ck_assert_int_eq(lt, writer_cases[_i].linktype);
	ck_assert_int_eq(fmt, writer_cases[_i].fmt);
	for (size_t i = 0; i < n; i++) {
		ck_assert_uint_eq(g[i].pkt.caplen, pkts[i].caplen);
		ck_assert_uint_eq(g[i].pkt.len, pkts[i].len);
		ck_assert_uint_eq(g[i].pkt.ts_ns, pkts[i].ts_ns);
		ck_assert_msg(memcmp(g[i].bytes, data + i, pkts[i].caplen) == 0,
			      "packet %zu: bytes differ", i + 1);
	}
	got_free(g, n);
	free(data);
	diag_fini(&d);
	free(path);
	tu_rmrf(dir);
}
END_TEST

START_TEST(writer_refuses_an_oversized_packet_and_keeps_going)
{
	char *dir = tu_mkdtemp(), *path = path_in(dir, "w.pcap");
	static uint8_t data[VM_CAPTURE_MAX_PACKET + 1];
	struct vm_capture_writer *w;
	struct got *g;
	struct diag d;
	size_t n;

	diag_init(&d);
	ck_assert_int_eq(vm_capture_writer_open(path, 1, VM_CAPTURE_PCAP, &w, &d), 0);
	ck_assert_int_eq(vm_capture_write(w, data, VM_CAPTURE_MAX_PACKET + 1, 0, 1), -EMSGSIZE);
	ck_assert_int_eq(vm_capture_write(w, data, 64, 64, 2), 0);
	ck_assert_int_eq(vm_capture_writer_close(w), 0);
	ck_assert_uint_eq(d.nerrors, 1);
	ck_assert_str_eq(d.msgs[0].file, path);
	ck_assert_ptr_nonnull(strstr(d.msgs[0].text, "packet 1"));
	g = read_file_ok(path, &n, NULL, NULL);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(g[0].pkt.caplen, 64);
	got_free(g, n);
	diag_fini(&d);
	free(path);
	tu_rmrf(dir);
}
END_TEST

START_TEST(pcap_writer_refuses_a_time_past_2106_and_pcapng_takes_it)
{
	char *dir = tu_mkdtemp(), *a = path_in(dir, "w.pcap"), *b = path_in(dir, "w.pcapng");
	uint64_t ts = 4294967296ull * 1000000000ull + 7;
	struct vm_capture_writer *w;
	uint8_t data[20] = {0};
	struct got *g;
	struct diag d;
	size_t n;

	diag_init(&d);
	ck_assert_int_eq(vm_capture_writer_open(a, 1, VM_CAPTURE_PCAP, &w, &d), 0);
	ck_assert_int_eq(vm_capture_write(w, data, 20, 20, ts), -EOVERFLOW);
	ck_assert_int_eq(vm_capture_writer_close(w), 0);
	ck_assert_uint_eq(d.nerrors, 1);
	ck_assert_ptr_nonnull(strstr(d.msgs[0].text, "pcapng"));
	ck_assert_int_eq(vm_capture_writer_open(b, 1, VM_CAPTURE_PCAPNG, &w, &d), 0);
	ck_assert_int_eq(vm_capture_write(w, data, 20, 20, ts), 0);
	ck_assert_int_eq(vm_capture_writer_close(w), 0);
	g = read_file_ok(b, &n, NULL, NULL);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(g[0].pkt.ts_ns, ts);
	got_free(g, n);
	diag_fini(&d);
	free(a), free(b);
	tu_rmrf(dir);
}
END_TEST

START_TEST(write_errors_are_reported_with_the_file_name_not_lost)
{
	struct vm_capture_writer *w;
	uint8_t data[1500] = {0};
	struct diag d;
	int r = 0;

	diag_init(&d);
	ck_assert_int_eq(
		vm_capture_writer_open("/nonexistent/dir/out.pcap", 1, VM_CAPTURE_PCAP, &w, &d),
		-ENOENT);
	ck_assert_ptr_null(w);
	ck_assert_str_eq(d.msgs[0].file, "/nonexistent/dir/out.pcap");
	ck_assert_ptr_nonnull(strstr(d.msgs[0].text, "No such file or directory"));
	if (access("/dev/full", W_OK) != 0) {
		fprintf(stderr, "write_errors: /dev/full missing, disk-full case not run\n");
		diag_fini(&d);
		return;
	}
	/* /dev/full takes the open and fails every write: buffered, so at a write or close */
	ck_assert_int_eq(vm_capture_writer_open("/dev/full", 1, VM_CAPTURE_PCAP, &w, &d), 0);
	for (int i = 0; i < 1000 && r == 0; i++)
		r = vm_capture_write(w, data, sizeof(data), sizeof(data), 0);
	if (r == 0)
		r = vm_capture_writer_close(w);
	else
		ck_assert_int_eq(vm_capture_writer_close(w), r);
	ck_assert_int_eq(r, -ENOSPC);
	ck_assert_uint_eq(d.nerrors, 2); /* reported once, not per packet */
	ck_assert_str_eq(d.msgs[1].file, "/dev/full");
	ck_assert_ptr_nonnull(strstr(d.msgs[1].text, "No space left on device"));
	diag_fini(&d);
}
END_TEST

/* ---- malformed captures ---- */

enum mut { M_EMPTY, M_CUT, M_GARBAGE, M_SET32, M_DROP_IDB };

/*
 * Damage to a good 5-packet capture (gencap --mix clean --count 5 --seed 4). Offsets are
 * given as record k (1-based) plus bytes: rec_off(k) is where record k starts. For pcap that
 * is 24 + sum(16 + caplen) of the records before; for pcapng 28 (SHB) + 32 (IDB) + the
 * padded EPBs before. @packets good packets come first, then the error; -1: open fails.
 */
static const struct {
	const char *name;
	int pcapng;
	enum mut mut;
	int rec;      /* record the offset counts from (0: the file's start) */
	int add;      /* bytes added to that offset; for M_CUT, -1 means half the packet */
	uint32_t val; /* M_SET32: the value written there */
	int packets;
	int err;
	const char *msg; /* %llu: rec_off(rec), when the message has an offset */
} bad_cases[] = {
	{"empty file", 0, M_EMPTY, 0, 0, 0, -1, -EBADMSG, "empty file"},
	{"truncated global header", 0, M_CUT, 0, 10, 0, -1, -EBADMSG,
	 "truncated capture file header"},
	{"garbage", 0, M_GARBAGE, 0, 0, 0, -1, -EBADMSG, "not a pcap or pcapng capture"},
	{"record header cut short", 0, M_CUT, 3, 5, 0, 2, -EBADMSG,
	 "truncated packet record at packet 3 (byte offset %llu)"},
	{"record data cut short", 0, M_CUT, 3, -1, 0, 2, -EBADMSG,
	 "truncated packet record at packet 3 (byte offset %llu)"},
	{"absurd caplen", 0, M_SET32, 2, 8, 0x7fffffffu, 1, -EBADMSG,
	 "bad packet record at packet 2 (byte offset %llu): invalid packet capture length"},
	{"caplen above snaplen", 0, M_SET32, 1, 8, 262145, 0, -EBADMSG,
	 "bad packet record at packet 1 (byte offset %llu)"},
	{"pcapng block cut short", 1, M_CUT, 2, 20, 0, 1, -EBADMSG,
	 "truncated packet record at packet 2 (byte offset %llu)"},
	{"pcapng block length too small", 1, M_SET32, 4, 4, 8, 3, -EBADMSG,
	 "bad packet record at packet 4 (byte offset %llu)"},
	{"pcapng block length past the end", 1, M_SET32, 5, 4, 0x10000000u, 4, -EBADMSG,
	 "packet 5 (byte offset %llu)"},
	{"pcapng packet before any interface", 1, M_DROP_IDB, 0, 0, 0, -1, -EBADMSG,
	 "packet block before any Interface Description Blocks"},
	{"pcapng garbage after the header", 1, M_GARBAGE, 1, 0, 0, 0, -EBADMSG,
	 "packet 1 (byte offset %llu)"},
};

/* @msg with its "%llu" replaced by @off. */
static void expand_offset(char *buf, size_t size, const char *msg, size_t off)
{
	const char *at = strstr(msg, "%llu");

	if (at)
		snprintf(buf, size, "%.*s%zu%s", (int)(at - msg), msg, off, at + 4);
	else
		snprintf(buf, size, "%s", msg);
}

/* The good capture and its record offsets, made once per test. */
static uint8_t *base_capture(const char *dir, int pcapng, size_t *len, size_t offs[7])
{
	char *path = path_in(dir, pcapng ? "base.pcapng" : "base.pcap");
	struct listed *l;
	uint8_t *data;
	size_t n;

	l = gencap_list(pcapng ? "--seed 4 --count 5 --mix clean --pcapng"
			       : "--seed 4 --count 5 --mix clean",
			path, &n);
	ck_assert_uint_eq(n, 5);
	offs[0] = 0;
	offs[1] = pcapng ? 28 + 32 : 24;
	for (size_t i = 0; i < 5; i++)
		offs[i + 2] =
			offs[i + 1] + (pcapng ? 32 + ((l[i].caplen + 3) & ~3u) : 16 + l[i].caplen);
	data = (uint8_t *)tu_read_file(path, len);
	ck_assert_ptr_nonnull(data);
	ck_assert_uint_eq(*len, offs[6]);
	free(l);
	free(path);
	return data;
}

/* Loop index: case i / 2, read from a file (even) or from memory (odd). */
START_TEST(malformed_capture_gives_an_error_naming_the_file_and_never_crashes)
{
	int k = _i / 2, from_mem = _i % 2;
	char *dir = tu_mkdtemp(), *path = path_in(dir, "bad.pcap");
	size_t len, offs[7], at, ng = 0;
	struct vm_capture *cap = NULL;
	struct vm_capture_pkt pkt;
	uint8_t *data = base_capture(dir, bad_cases[k].pcapng, &len, offs);
	struct got *g = NULL;
	char want[200];
	struct diag d;
	int r;

	at = offs[bad_cases[k].rec] + (size_t)bad_cases[k].add;
	switch (bad_cases[k].mut) {
	case M_EMPTY:
		len = 0;
		break;
	case M_CUT:
		if (bad_cases[k].add < 0) /* half way through record rec's data */
			at = offs[bad_cases[k].rec] + 16 +
			     (offs[bad_cases[k].rec + 1] - offs[bad_cases[k].rec] - 16) / 2;
		len = at;
		break;
	case M_GARBAGE:
		for (size_t i = at; i < len; i++)
			data[i] = (uint8_t)(0x5a ^ i * 13);
		break;
	case M_SET32:
		memcpy(data + at, &bad_cases[k].val, 4);
		break;
	case M_DROP_IDB:
		memmove(data + 28, data + 60, len - 60);
		len -= 32;
		break;
	}
	expand_offset(want, sizeof(want), bad_cases[k].msg, offs[bad_cases[k].rec]);
	diag_init(&d);
	if (from_mem) {
		r = vm_capture_open_mem(path, data, len, &cap, &d);
	} else {
		ck_assert_int_eq(tu_write_file(path, data, len), 0);
		r = vm_capture_open(path, &cap, &d);
	}
	if (bad_cases[k].packets < 0) {
		ck_assert_msg(r == bad_cases[k].err, "%s: open gave %d", bad_cases[k].name, r);
		ck_assert_ptr_null(cap);
	} else {
		ck_assert_msg(r == 0, "%s: open gave %d: %s", bad_cases[k].name, r,
			      d.nmsgs ? d.msgs[0].text : "");
		r = read_rest(cap, &g, &ng);
		ck_assert_msg(r == bad_cases[k].err, "%s: read gave %d", bad_cases[k].name, r);
		ck_assert_int_eq((int)ng, bad_cases[k].packets);
		/* after an error, the same error again: a loop cannot run past damage */
		ck_assert_int_eq(vm_capture_next(cap, &pkt), r);
		vm_capture_close(cap);
	}
	ck_assert_uint_eq(d.nerrors, 1);
	ck_assert_str_eq(d.msgs[0].file, path);
	ck_assert_msg(strstr(d.msgs[0].text, want), "%s: message '%s' lacks '%s'",
		      bad_cases[k].name, d.msgs[0].text, want);
	got_free(g, ng);
	diag_fini(&d);
	free(data);
	free(path);
	tu_rmrf(dir);
}
END_TEST

static const struct {
	const char *what;
	int err;
	const char *msg;
} open_cases[] = {
	{"missing", -ENOENT, "cannot open capture: No such file or directory"},
	{"directory", -EISDIR, "cannot open capture: Is a directory"},
};

START_TEST(missing_file_or_directory_gives_an_error_naming_it)
{
	char *dir = tu_mkdtemp();
	char *path = _i == 0 ? path_in(dir, "missing.pcap") : strdup(dir);
	struct vm_capture *cap;
	struct diag d;

	diag_init(&d);
	ck_assert_int_eq(vm_capture_open(path, &cap, &d), open_cases[_i].err);
	ck_assert_ptr_null(cap);
	ck_assert_uint_eq(d.nerrors, 1);
	ck_assert_str_eq(d.msgs[0].file, path);
	ck_assert_str_eq(d.msgs[0].text, open_cases[_i].msg);
	diag_fini(&d);
	free(path);
	tu_rmrf(dir);
}
END_TEST

START_TEST(the_end_of_a_capture_stays_the_end)
{
	char *dir = tu_mkdtemp(), *path = path_in(dir, "x.pcap");
	struct vm_capture *cap;
	struct vm_capture_pkt pkt;
	struct diag d;
	int n = 0;

	gencap_quiet("--count 3", path);
	diag_init(&d);
	ck_assert_int_eq(vm_capture_open(path, &cap, &d), 0);
	ck_assert_str_eq(vm_capture_name(cap), path);
	while (vm_capture_next(cap, &pkt) == 1)
		n++;
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(vm_capture_next(cap, &pkt), 0);
	ck_assert_int_eq(vm_capture_next(cap, &pkt), 0);
	vm_capture_close(cap);
	ck_assert_uint_eq(d.nmsgs, 0);
	diag_fini(&d);
	free(path);
	tu_rmrf(dir);
}
END_TEST

START_TEST(record_offsets_point_at_each_record)
{
	char *dir = tu_mkdtemp();
	size_t len, offs[7], n;
	uint8_t *data = base_capture(dir, 0, &len, offs);
	char *path = path_in(dir, "base.pcap");
	struct got *g = read_file_ok(path, &n, NULL, NULL);

	ck_assert_uint_eq(n, 5);
	for (size_t i = 0; i < n; i++) {
		uint32_t caplen;

		ck_assert_uint_eq(g[i].pkt.offset, offs[i + 1]);
		memcpy(&caplen, data + offs[i + 1] + 8, 4);
		ck_assert_uint_eq(caplen, g[i].pkt.caplen);
	}
	got_free(g, n);
	free(data);
	free(path);
	tu_rmrf(dir);
}
END_TEST

START_TEST(link_types_have_libpcap_names)
{
	ck_assert_str_eq(vm_capture_linktype_name(VM_CAPTURE_LINK_EN10MB), "EN10MB");
	ck_assert_str_eq(vm_capture_linktype_name(VM_CAPTURE_LINK_RAW), "RAW");
	ck_assert_str_eq(vm_capture_linktype_name(VM_CAPTURE_LINK_LINUX_SLL), "LINUX_SLL");
	ck_assert_str_eq(vm_capture_linktype_describe(VM_CAPTURE_LINK_EN10MB), "Ethernet");
	ck_assert_ptr_null(vm_capture_linktype_name(65000));
}
END_TEST

/* ---- the whole capture in memory ---- */

START_TEST(load_all_holds_the_same_packets_as_streaming)
{
	char *dir = tu_mkdtemp(), *path = path_in(dir, "x.pcapng");
	struct vm_capture_set set;
	struct got *g;
	struct diag d;
	size_t n;

	gencap_quiet("--seed 8 --count 700 --pcapng", path);
	g = read_file_ok(path, &n, NULL, NULL);
	diag_init(&d);
	ck_assert_int_eq(vm_capture_load_all(path, 0, &set, &d), 0);
	ck_assert_uint_eq(set.npkts, n);
	ck_assert_int_eq(set.linktype, VM_CAPTURE_LINK_EN10MB);
	for (size_t i = 0; i < n; i++) {
		ck_assert_uint_eq(set.pkts[i].caplen, g[i].pkt.caplen);
		ck_assert_uint_eq(set.pkts[i].len, g[i].pkt.len);
		ck_assert_uint_eq(set.pkts[i].ts_ns, g[i].pkt.ts_ns);
		ck_assert_uint_eq(set.pkts[i].num, i + 1);
		ck_assert(memcmp(set.pkts[i].data, g[i].bytes, g[i].pkt.caplen) == 0);
	}
	vm_capture_set_free(&set);
	ck_assert_uint_eq(d.nmsgs, 0);
	got_free(g, n);
	diag_fini(&d);
	free(path);
	tu_rmrf(dir);
}
END_TEST

START_TEST(load_all_takes_empty_packets_and_empty_captures)
{
	static const uint32_t lens[] = {0, 5, 0};
	char *dir = tu_mkdtemp(), *path = path_in(dir, "x.pcap"), *none = path_in(dir, "n.pcap");
	static const uint8_t bytes[5] = {1, 2, 3, 4, 5};
	struct vm_capture_writer *w;
	struct vm_capture_set set;
	struct diag d;

	diag_init(&d);
	ck_assert_int_eq(vm_capture_writer_open(path, 1, VM_CAPTURE_PCAP, &w, &d), 0);
	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(vm_capture_write(w, bytes, lens[i], lens[i], (uint64_t)i), 0);
	ck_assert_int_eq(vm_capture_writer_close(w), 0);
	ck_assert_int_eq(vm_capture_writer_open(none, 1, VM_CAPTURE_PCAPNG, &w, &d), 0);
	ck_assert_int_eq(vm_capture_writer_close(w), 0);

	ck_assert_int_eq(vm_capture_load_all(path, 0, &set, &d), 0);
	ck_assert_uint_eq(set.npkts, 3);
	ck_assert_uint_eq(set.data_len, 5);
	ck_assert_uint_eq(set.pkts[0].caplen, 0);
	ck_assert(memcmp(set.pkts[1].data, bytes, 5) == 0);
	ck_assert_uint_eq(set.pkts[2].ts_ns, 2);
	vm_capture_set_free(&set);
	ck_assert_int_eq(vm_capture_load_all(none, 0, &set, &d), 0);
	ck_assert_uint_eq(set.npkts, 0);
	vm_capture_set_free(&set);
	ck_assert_uint_eq(d.nmsgs, 0);
	diag_fini(&d);
	free(path), free(none);
	tu_rmrf(dir);
}
END_TEST

START_TEST(load_all_refuses_a_capture_above_its_limit)
{
	char *dir = tu_mkdtemp(), *path = path_in(dir, "x.pcap");
	struct vm_capture_set set;
	struct diag d;

	gencap_quiet("--count 100 --payload 100", path);
	diag_init(&d);
	ck_assert_int_eq(vm_capture_load_all(path, 4096, &set, &d), -EFBIG);
	ck_assert_ptr_null(set.pkts);
	ck_assert_uint_eq(set.npkts, 0);
	ck_assert_str_eq(d.msgs[0].file, path);
	ck_assert_ptr_nonnull(strstr(d.msgs[0].text, "more than 4096 bytes"));
	diag_fini(&d);
	free(path);
	tu_rmrf(dir);
}
END_TEST

START_TEST(allocation_failures_are_reported_never_crash)
{
	char *dir = tu_mkdtemp(), *path = path_in(dir, "x.pcap"), *out = path_in(dir, "o.pcap");
	unsigned long n;

	gencap_quiet("--count 40", path);
	for (n = 1; n < 1000; n++) {
		struct vm_capture_writer *w = NULL;
		struct vm_capture_set set;
		struct diag d;
		int r1, r2;

		diag_init(&d);
		mem_fail_nth(n);
		r1 = vm_capture_load_all(path, 0, &set, &d);
		r2 = vm_capture_writer_open(out, 1, VM_CAPTURE_PCAP, &w, &d);
		mem_fail_nth(0);
		ck_assert_msg(r1 == 0 || r1 == -ENOMEM, "n=%lu: load gave %d", n, r1);
		ck_assert_msg(r2 == 0 || r2 == -ENOMEM, "n=%lu: writer gave %d", n, r2);
		if (r1 == 0)
			ck_assert_uint_eq(set.npkts, 40);
		vm_capture_set_free(&set);
		ck_assert_int_eq(vm_capture_writer_close(w), 0);
		diag_fini(&d);
		if (r1 == 0 && r2 == 0)
			break; /* every allocation of both has been failed once */
	}
	ck_assert_uint_gt(n, 3);
	ck_assert_uint_lt(n, 1000);
	free(path), free(out);
	tu_rmrf(dir);
}
END_TEST

static long maxrss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

START_TEST(reading_a_large_capture_keeps_memory_flat)
{
	char *dir = tu_mkdtemp(), *path = path_in(dir, "big.pcap");
	struct vm_capture_pkt pkt;
	struct vm_capture *cap;
	uint64_t bytes = 0, n = 0;
	struct diag d;
	long before;

	gencap_quiet("--count 30000 --payload 1400 --mix ipv4", path); /* about 44 MB */
	diag_init(&d);
	before = maxrss_kb();
	ck_assert_int_eq(vm_capture_open(path, &cap, &d), 0);
	while (vm_capture_next(cap, &pkt) == 1) {
		bytes += pkt.caplen;
		n++;
	}
	vm_capture_close(cap);
	ck_assert_uint_eq(n, 30000);
	ck_assert_uint_gt(bytes, 40u << 20);
	ck_assert_msg(maxrss_kb() - before < 8 * 1024,
		      "reading %" PRIu64 " bytes grew RSS by %ld KB", bytes, maxrss_kb() - before);
	diag_fini(&d);
	free(path);
	tu_rmrf(dir);
}
END_TEST

/* ---- the committed sample ---- */

START_TEST(sample_capture_has_its_packets_and_frames_from_192_168_0_1)
{
	char *sample = path_in(tu_srcdir(), "tests/data/sample.pcap");
	enum vm_capture_format fmt;
	size_t n, hot = 0, bytes = 0;
	struct got *g;
	int lt;

	g = read_file_ok(sample, &n, &lt, &fmt);
	ck_assert_uint_eq(n, SAMPLE_PACKETS);
	ck_assert_int_eq(lt, VM_CAPTURE_LINK_EN10MB);
	ck_assert_int_eq(fmt, VM_CAPTURE_PCAP);
	for (size_t i = 0; i < n; i++) {
		hot += (size_t)drop_src_matches(g[i].bytes, g[i].pkt.caplen);
		bytes += g[i].pkt.caplen;
	}
	ck_assert_uint_eq(hot, SAMPLE_HOT);
	ck_assert_uint_lt(bytes, 16384); /* a few KB: small enough to commit and read */
	got_free(g, n);
	free(sample);
}
END_TEST

START_TEST(sample_capture_is_reproducible_from_gencap)
{
	char *dir = tu_mkdtemp(), *path = path_in(dir, "sample.pcap");
	char *sample = path_in(tu_srcdir(), "tests/data/sample.pcap");

	gencap_quiet(SAMPLE_ARGS, path);
	ck_assert_msg(same_file(path, sample),
		      "tests/data/sample.pcap differs from gencap " SAMPLE_ARGS
		      ": if gencap changed on purpose, regenerate it and update SAMPLE_*");
	free(path), free(sample);
	tu_rmrf(dir);
}
END_TEST

/* ---- other readers agree, where installed ---- */

static const struct {
	const char *tool;
	const char *args; /* before the file; the tool prints one line per packet */
} other_readers[] = {
	{"tcpdump", "-nn -r"},
	{"tshark", "-T fields -e frame.number -r"},
};

START_TEST(other_readers_count_the_same_packets_when_installed)
{
	char *dir, *a, *b, *out = NULL;
	const char *files[2];

	if (!tu_have(other_readers[_i].tool)) {
		fprintf(stderr, "check_capture: %s not installed, comparison not run\n",
			other_readers[_i].tool);
		return;
	}
	dir = tu_mkdtemp();
	a = path_in(dir, "x.pcap");
	b = path_in(dir, "x.pcapng");
	gencap_quiet("--seed 2 --count 333", a);
	gencap_quiet("--seed 2 --count 333 --pcapng", b);
	files[0] = a;
	files[1] = b;
	for (int f = 0; f < 2; f++) {
		size_t lines = 0;

		ck_assert_int_eq(tu_runf(&out, "'%s' %s '%s' 2>/dev/null", other_readers[_i].tool,
					 other_readers[_i].args, files[f]),
				 0);
		for (char *p = out; p && *p; p++)
			lines += *p == '\n';
		ck_assert_msg(lines == 333, "%s counts %zu packets in %s", other_readers[_i].tool,
			      lines, files[f]);
		free(out);
	}
	free(a), free(b);
	tu_rmrf(dir);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *capture_suite(void)
{
	Suite *s = suite_create("capture");
	TCase *gen = tcase_create("gencap"), *wr = tcase_create("writer"),
	      *bad = tcase_create("malformed"), *rd = tcase_create("reader");

	tcase_set_timeout(gen, 60);
	tcase_add_loop_test(gen, reading_a_generated_capture_gives_every_packet_gencap_listed, 0,
			    N(readback_cases));
	tcase_add_test(gen, same_seed_gives_identical_bytes_and_another_seed_does_not);
	tcase_add_test(gen, a_shorter_capture_is_a_prefix_of_a_longer_one_with_the_same_seed);
	tcase_add_loop_test(gen, well_formed_frames_have_correct_lengths_and_checksums, 0,
			    N(clean_args));
	tcase_add_test(gen, each_malformed_kind_is_broken_the_way_its_name_says);
	tcase_add_test(gen, default_mix_sends_a_quarter_of_ipv4_frames_from_192_168_0_1);
	tcase_add_loop_test(gen, hot_source_and_its_share_are_what_the_options_say, 0,
			    N(hot_cases));
	tcase_add_loop_test(gen, gencap_rejects_bad_options_and_unwritable_files_with_a_message, 0,
			    N(gencap_bad_cases));
	tcase_add_test(gen, sample_capture_has_its_packets_and_frames_from_192_168_0_1);
	tcase_add_test(gen, sample_capture_is_reproducible_from_gencap);
	tcase_add_loop_test(gen, other_readers_count_the_same_packets_when_installed, 0,
			    N(other_readers));
	suite_add_tcase(s, gen);

	tcase_add_loop_test(wr, written_packets_read_back_with_bytes_lengths_and_timestamps, 0,
			    N(writer_cases));
	tcase_add_test(wr, writer_refuses_an_oversized_packet_and_keeps_going);
	tcase_add_test(wr, pcap_writer_refuses_a_time_past_2106_and_pcapng_takes_it);
	tcase_add_test(wr, write_errors_are_reported_with_the_file_name_not_lost);
	suite_add_tcase(s, wr);

	tcase_add_loop_test(bad, malformed_capture_gives_an_error_naming_the_file_and_never_crashes,
			    0, 2 * N(bad_cases));
	tcase_add_loop_test(bad, missing_file_or_directory_gives_an_error_naming_it, 0,
			    N(open_cases));
	suite_add_tcase(s, bad);

	tcase_set_timeout(rd, 60);
	tcase_add_test(rd, the_end_of_a_capture_stays_the_end);
	tcase_add_test(rd, record_offsets_point_at_each_record);
	tcase_add_test(rd, link_types_have_libpcap_names);
	tcase_add_test(rd, load_all_holds_the_same_packets_as_streaming);
	tcase_add_test(rd, load_all_takes_empty_packets_and_empty_captures);
	tcase_add_test(rd, load_all_refuses_a_capture_above_its_limit);
	tcase_add_test(rd, allocation_failures_are_reported_never_crash);
	tcase_add_test(rd, reading_a_large_capture_keeps_memory_flat);
	suite_add_tcase(s, rd);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(capture_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
