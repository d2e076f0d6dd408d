/* SPDX-License-Identifier: MIT */
/*
 * check_run.c - ebpf-run against the kernel: the same program over the same capture gives
 * the same verdict per packet, the same output packets and the same final maps under
 * ebpf-run and under BPF_PROG_TEST_RUN in this kernel.
 *
 * For each program (the XDP tutorials of progs/, and XDP, tc and socket filter programs
 * written below: a per-source hash counter, MAC swap + XDP_TX, encapsulation through
 * bpf_xdp_adjust_head, a tc TTL decrement with bpf_l3_csum_replace, an ld_abs socket
 * filter), over a capture from tools/gencap (Ethernet, IPv4, IPv6, TCP, UDP, ICMP, VLAN,
 * ARP, truncated and malformed frames):
 *   - ebpf-run --json --verdicts --all-entries --pass/--drop/--tx/--redirect files;
 *   - the kernel: ebpf-load's loader creates the maps and loads the object, and every frame
 *     goes through BPF_PROG_TEST_RUN; the kernel's return value is compared with ebpf-run's
 *     r0 per packet (a frame the kernel's test run refuses must be one ebpf-run skipped),
 *     the kernel's output packets, classified as ebpf-run classifies them, with the packets
 *     of ebpf-run's output files, and at the end every map, entry by entry.
 * Plus the user-facing behaviour: the summary, --count, --trace with source lines, faults
 * located at the .s line, exit statuses.
 *
 * A kernel test: without root or bpf() the suite is skipped (exit 77; 99 when
 * EBPF_REQUIRE_KERNEL=1).
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/bpf.h>

#include "loader/loader.h"
#include "obj/obj.h"
#include "testutil.h"
#include "vm/capture.h"

static char *tmpdir;
static char capture[512];

/* ---------------------------------------------------------------- programs */

static const char xdp_src_count[] = "# count IPv4 frames per source address in a hash map\n"
				    "\t.license \"GPL\"\n"
				    "\t.map src_counts, hash, key=4, value=8, entries=64\n"
				    "\t.section xdp\n"
				    "\t.globl xdp_src_count\n"
				    "\t.type xdp_src_count, @function\n"
				    "xdp_src_count:\n"
				    "\tr2 = *(u32 *)(r1 + 0)\n"
				    "\tr3 = *(u32 *)(r1 + 4)\n"
				    "\tr4 = r2\n"
				    "\tr4 += 34\n"
				    "\tif r4 > r3 goto pass\n"
				    "\tr4 = *(u16 *)(r2 + 12)\n"
				    "\tif r4 != 0x0008 goto pass\n"
				    "\tr4 = *(u32 *)(r2 + 26)\n"
				    "\t*(u32 *)(r10 - 4) = r4\n"
				    "\tr2 = r10\n"
				    "\tr2 += -4\n"
				    "\tr1 = src_counts ll\n"
				    "\tcall bpf_map_lookup_elem\n"
				    "\tif r0 == 0 goto insert\n"
				    "\tr1 = 1\n"
				    "\tlock *(u64 *)(r0 + 0) += r1\n"
				    "\tgoto pass\n"
				    "insert:\n"
				    "\tr1 = 1\n"
				    "\t*(u64 *)(r10 - 16) = r1\n"
				    "\tr2 = r10\n"
				    "\tr2 += -4\n"
				    "\tr3 = r10\n"
				    "\tr3 += -16\n"
				    "\tr1 = src_counts ll\n"
				    "\tr4 = 0\n"
				    "\tcall bpf_map_update_elem\n"
				    "pass:\n"
				    "\tr0 = 2\n"
				    "\texit\n";

/* UDP over IPv4: swap the MAC addresses and send it back (XDP_TX); ICMP: drop; else pass. */
static const char xdp_swap_tx[] = "\t.license \"GPL\"\n"
				  "\t.section xdp\n"
				  "\t.globl xdp_swap_tx\n"
				  "\t.type xdp_swap_tx, @function\n"
				  "xdp_swap_tx:\n"
				  "\tr2 = *(u32 *)(r1 + 0)\n"
				  "\tr3 = *(u32 *)(r1 + 4)\n"
				  "\tr4 = r2\n"
				  "\tr4 += 34\n"
				  "\tif r4 > r3 goto pass\n"
				  "\tr4 = *(u16 *)(r2 + 12)\n"
				  "\tif r4 != 0x0008 goto pass\n"
				  "\tr4 = *(u8 *)(r2 + 23)\n"
				  "\tif r4 == 1 goto drop\n"
				  "\tif r4 != 17 goto pass\n"
				  "\tr4 = *(u32 *)(r2 + 0)\n"
				  "\tr5 = *(u16 *)(r2 + 4)\n"
				  "\tr6 = *(u32 *)(r2 + 6)\n"
				  "\tr7 = *(u16 *)(r2 + 10)\n"
				  "\t*(u32 *)(r2 + 0) = r6\n"
				  "\t*(u16 *)(r2 + 4) = r7\n"
				  "\t*(u32 *)(r2 + 6) = r4\n"
				  "\t*(u16 *)(r2 + 10) = r5\n"
				  "\tr0 = 3\n"
				  "\texit\n"
				  "drop:\n"
				  "\tr0 = 1\n"
				  "\texit\n"
				  "pass:\n"
				  "\tr0 = 2\n"
				  "\texit\n";

/* Push 8 bytes in front of every frame (a fake outer header: the old MACs shifted, a
 * marker), or grow the tail by 4 for frames that are too short for that; XDP_TX. */
static const char xdp_encap[] = "\t.license \"GPL\"\n"
				"\t.section xdp\n"
				"\t.globl xdp_encap\n"
				"\t.type xdp_encap, @function\n"
				"xdp_encap:\n"
				"\tr6 = r1\n"
				"\tr2 = *(u32 *)(r6 + 0)\n"
				"\tr3 = *(u32 *)(r6 + 4)\n"
				"\tr2 += 20\n"
				"\tif r2 > r3 goto grow\n"
				"\tr2 = -8\n"
				"\tcall bpf_xdp_adjust_head\n"
				"\tif r0 != 0 goto aborted\n"
				"\tr2 = *(u32 *)(r6 + 0)\n"
				"\tr3 = *(u32 *)(r6 + 4)\n"
				"\tr4 = r2\n"
				"\tr4 += 22\n"
				"\tif r4 > r3 goto aborted\n"
				"\tr4 = *(u64 *)(r2 + 8)\n"
				"\t*(u64 *)(r2 + 0) = r4\n"
				"\tr4 = 0x5aa5\n"
				"\t*(u16 *)(r2 + 12) = r4\n"
				"\tr0 = 3\n"
				"\texit\n"
				"grow:\n"
				"\tr1 = r6\n"
				"\tr2 = 4\n"
				"\tcall bpf_xdp_adjust_tail\n"
				"\tif r0 != 0 goto aborted\n"
				"\tr0 = 2\n"
				"\texit\n"
				"aborted:\n"
				"\tr0 = 0\n"
				"\texit\n";

/* xdp: callbacks. bpf_loop runs up to (last byte of the source MAC & 15) times, adding 3i
 * to a sum on the stack until it reaches 20; bpf_for_each_map_elem adds key + sum to each
 * value of an array and stops after key 2. XDP_DROP on an odd number of loops. */
static const char xdp_loops[] = "\t.license \"GPL\"\n"
				"\t.map counts, array, key=4, value=8, entries=4\n"
				"\t.section xdp\n"
				"\t.globl xdp_loops\n"
				"\t.type xdp_loops, @function\n"
				"xdp_loops:\n"
				"\tr2 = *(u32 *)(r1 + 0)\n"
				"\tr3 = *(u32 *)(r1 + 4)\n"
				"\tr4 = r2\n"
				"\tr4 += 14\n"
				"\tif r4 > r3 goto pass\n"
				"\tr1 = *(u8 *)(r2 + 11)\n"
				"\tr1 &= 15\n"
				"\tr2 = 0\n"
				"\t*(u64 *)(r10 - 8) = r2\n"
				"\tr2 = sum_cb ll\n"
				"\tr3 = r10\n"
				"\tr3 += -8\n"
				"\tr4 = 0\n"
				"\tcall bpf_loop\n"
				"\tr7 = r0\n"
				"\tr1 = counts ll\n"
				"\tr2 = bump_cb ll\n"
				"\tr3 = r10\n"
				"\tr3 += -8\n"
				"\tr4 = 0\n"
				"\tcall bpf_for_each_map_elem\n"
				"\tr0 = r7\n"
				"\tr0 &= 1\n"
				"\tr0 += 1\n"
				"\texit\n"
				"pass:\n"
				"\tr0 = 2\n"
				"\texit\n"
				"\t.size xdp_loops, .-xdp_loops\n"
				"\t.type sum_cb, @function\n"
				"sum_cb:\n"
				"\tr3 = *(u64 *)(r2 + 0)\n"
				"\tr3 += r1\n"
				"\tr3 += r1\n"
				"\tr3 += r1\n"
				"\t*(u64 *)(r2 + 0) = r3\n"
				"\tr0 = 0\n"
				"\tif r3 < 20 goto sum_out\n"
				"\tr0 = 1\n"
				"sum_out:\n"
				"\texit\n"
				"\t.size sum_cb, .-sum_cb\n"
				"\t.type bump_cb, @function\n"
				"bump_cb:\n"
				"\tr5 = *(u32 *)(r2 + 0)\n"
				"\tr6 = *(u64 *)(r4 + 0)\n"
				"\tr6 += r5\n"
				"\tr7 = *(u64 *)(r3 + 0)\n"
				"\tr7 += r6\n"
				"\t*(u64 *)(r3 + 0) = r7\n"
				"\tr0 = 0\n"
				"\tif r5 < 2 goto bump_out\n"
				"\tr0 = 1\n"
				"bump_out:\n"
				"\texit\n"
				"\t.size bump_cb, .-bump_cb\n";

/* tc: IPv4 frames get their TTL decremented and the header checksum fixed with
 * bpf_l3_csum_replace, and pass (TC_ACT_OK); ARP is shot; everything else passes as is. */
static const char tc_ttl[] = "\t.license \"GPL\"\n"
			     "\t.section tc\n"
			     "\t.globl tc_ttl\n"
			     "\t.type tc_ttl, @function\n"
			     "tc_ttl:\n"
			     "\tr6 = r1\n"
			     "\tr2 = *(u32 *)(r6 + 76)\n"
			     "\tr3 = *(u32 *)(r6 + 80)\n"
			     "\tr4 = r2\n"
			     "\tr4 += 34\n"
			     "\tif r4 > r3 goto ok\n"
			     "\tr4 = *(u16 *)(r2 + 12)\n"
			     "\tif r4 == 0x0608 goto shot\n"
			     "\tif r4 != 0x0008 goto ok\n"
			     "\tr7 = *(u16 *)(r2 + 22)\n"
			     "\tr8 = r7\n"
			     "\tr8 += -1\n"
			     "\tr8 &= 0xff00\n"
			     "\tr9 = r7\n"
			     "\tr9 &= 0xff\n"
			     "\tr8 |= r9\n"
			     "\tr9 = r7\n"
			     "\tr9 &= 0xff\n"
			     "\tif r9 == 0 goto ok\n"
			     "\tr8 = r7\n"
			     "\tr8 += -1\n"
			     "\tr8 &= 0xff\n"
			     "\tr9 = r7\n"
			     "\tr9 &= 0xff00\n"
			     "\tr8 |= r9\n"
			     "\t*(u16 *)(r10 - 2) = r8\n"
			     "\tr1 = r6\n"
			     "\tr2 = 24\n"
			     "\tr3 = r7\n"
			     "\tr4 = r8\n"
			     "\tr5 = 2\n"
			     "\tcall bpf_l3_csum_replace\n"
			     "\tr2 = *(u32 *)(r6 + 76)\n"
			     "\tr3 = *(u32 *)(r6 + 80)\n"
			     "\tr4 = r2\n"
			     "\tr4 += 34\n"
			     "\tif r4 > r3 goto ok\n"
			     "\tr8 = *(u16 *)(r10 - 2)\n"
			     "\t*(u16 *)(r2 + 22) = r8\n"
			     "ok:\n"
			     "\tr0 = 0\n"
			     "\texit\n"
			     "shot:\n"
			     "\tr0 = 2\n"
			     "\texit\n";

/* A socket filter with the legacy packet loads: keep 40 bytes of IPv4 UDP, drop the rest. */
static const char sock_udp[] = "\t.license \"GPL\"\n"
			       "\t.section socket\n"
			       "\t.globl sock_udp\n"
			       "\t.type sock_udp, @function\n"
			       "sock_udp:\n"
			       "\tr6 = r1\n"
			       "\tr0 = *(u8 *)skb[9]\n"
			       "\tif r0 != 17 goto drop\n"
			       "\tr0 = *(u32 *)(r6 + 0)\n"
			       "\tif r0 < 40 goto all\n"
			       "\tr0 = 40\n"
			       "\texit\n"
			       "all:\n"
			       "\texit\n"
			       "drop:\n"
			       "\tr0 = 0\n"
			       "\texit\n";

/* ---------------------------------------------------------------- helpers */

static char *path_in(const char *name)
{
	char *p;

	ck_assert(asprintf(&p, "%s/%s", tmpdir, name) > 0);
	return p;
}

/* Write @text to TMP/NAME.s (NULL: use progs/NAME.s) and assemble it; the object's path. */
static char *assemble(const char *name, const char *text)
{
	char *src, *obj, *out = NULL;
	int rc;

	if (text) {
		src = path_in(name);
		free(src);
		ck_assert(asprintf(&src, "%s/%s.s", tmpdir, name) > 0);
		ck_assert_int_eq(tu_write_file(src, text, strlen(text)), 0);
	} else {
		ck_assert(asprintf(&src, "%s/progs/%s.s", tu_srcdir(), name) > 0);
	}
	ck_assert(asprintf(&obj, "%s/%s.o", tmpdir, name) > 0);
	rc = tu_runf(&out, "'%s' '%s' -o '%s'", tu_tool("ebpf-as"), src, obj);
	ck_assert_msg(rc == 0, "ebpf-as %s: exit %d:\n%s", src, rc, out ? out : "");
	free(out);
	free(src);
	return obj;
}

/* The value of "key": in a JSON line, as a number (or -1). */
static long long json_num(const char *line, const char *key)
{
	char pat[64];
	const char *p;

	snprintf(pat, sizeof(pat), "\"%s\":", key);
	p = strstr(line, pat);
	return p ? strtoll(p + strlen(pat), NULL, 10) : -1;
}

/* The string value of "key": in @s (no escapes in what we look for), copied to @buf. */
static const char *json_str(const char *s, const char *key, char *buf, size_t len)
{
	char pat[64];
	const char *p, *e;

	snprintf(pat, sizeof(pat), "\"%s\":\"", key);
	p = strstr(s, pat);
	if (!p)
		return NULL;
	p += strlen(pat);
	e = strchr(p, '"');
	if (!e)
		return NULL;
	snprintf(buf, len, "%.*s", (int)(e - p), p);
	return e;
}

/* Verdict names and how many per-packet lines gave each. */
struct tally {
	char name[16][48];
	unsigned count[16];
	size_t n;
};

static void tally_add(struct tally *t, const char *line)
{
	char v[48];
	size_t k;

	ck_assert(json_str(line, "verdict", v, sizeof(v)));
	for (k = 0; k < t->n && strcmp(t->name[k], v); k++)
		;
	if (k == t->n) {
		ck_assert(t->n < 16);
		snprintf(t->name[t->n++], sizeof(t->name[0]), "%s", v);
	}
	t->count[k]++;
}

static void hex(const uint8_t *p, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
	out[2 * n] = '\0';
}

/* Every packet of a capture file, as read back. */
struct pkts {
	struct vm_capture_set set;
};

static void pkts_read(const char *path, struct pkts *p)
{
	struct diag d;
	int err;

	diag_init(&d);
	memset(p, 0, sizeof(*p));
	err = vm_capture_load_all(path, 0, &p->set, &d);
	ck_assert_msg(err == 0, "%s: cannot read back: %d", path, err);
	diag_fini(&d);
}

/* ---------------------------------------------------------------- the comparison */

enum cls { PASS, DROP, TX, REDIRECT, NCLS };
static const char *const cls_opt[NCLS] = {"pass", "drop", "tx", "redirect"};

static enum cls classify(uint32_t type, uint32_t r0)
{
	if (type == BPF_PROG_TYPE_XDP)
		return r0 == XDP_PASS	    ? PASS
		       : r0 == XDP_TX	    ? TX
		       : r0 == XDP_REDIRECT ? REDIRECT
					    : DROP;
	if (type == BPF_PROG_TYPE_SCHED_CLS)
		return (int32_t)r0 == -1 || r0 == 0 || r0 == 1 || r0 == 3 ? PASS
		       : r0 == 7					  ? REDIRECT
									  : DROP;
	return r0 ? PASS : DROP;
}

/*
 * Run @name (assembled from @text, or progs/NAME.s) over the test capture under ebpf-run
 * and under the kernel, and compare everything. Returns the number of packets compared.
 */
static unsigned compare_obj(const char *name, char *obj, uint32_t type)
{
	char *out = NULL, *err = NULL, *line, *save = NULL;
	char *outs[NCLS];
	struct pkts in, got[NCLS];
	size_t next[NCLS] = {0};
	struct ldr_loaded *l = NULL;
	struct obj *o = NULL;
	struct diag d;
	long long *r0s;
	struct tally tally = {0};
	unsigned compared = 0, summary = 0;
	int rc, fd;

	for (int k = 0; k < NCLS; k++) {
		ck_assert(asprintf(&outs[k], "%s/%s.%s.pcap", tmpdir, name, cls_opt[k]) > 0);
	}
	rc = tu_runf(&out,
		     "'%s' --json --verdicts --all-entries --pass '%s' --drop '%s' --tx '%s' "
		     "--redirect '%s' '%s' '%s' 2>'%s/%s.err'",
		     tu_tool("ebpf-run"), outs[PASS], outs[DROP], outs[TX], outs[REDIRECT], obj,
		     capture, tmpdir, name);
	{
		char *ep;

		ck_assert(asprintf(&ep, "%s/%s.err", tmpdir, name) > 0);
		err = tu_read_file(ep, NULL);
		free(ep);
	}
	ck_assert_msg(rc == 0, "ebpf-run %s: exit %d\n%s\n%s", name, rc, out ? out : "",
		      err ? err : "");

	/* ebpf-run's r0 per packet (-1: no line, the frame was skipped) */
	pkts_read(capture, &in);
	r0s = malloc(sizeof(*r0s) * (in.set.npkts + 1));
	ck_assert(r0s);
	for (size_t i = 0; i <= in.set.npkts; i++)
		r0s[i] = -1;
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		long long num = json_num(line, "packet");

		if (strncmp(line, "{\"packet\":", 10) == 0 && strstr(line, "\"verdict\"")) {
			ck_assert(num >= 1 && (size_t)num <= in.set.npkts);
			r0s[num] = json_num(line, "r0");
			tally_add(&tally, line);
		} else if (strncmp(line, "{\"program\":", 11) == 0) {
			summary = 1;
			ck_assert_int_eq(json_num(line, "faults"), 0);
			ck_assert_int_eq(json_num(line, "packets") + json_num(line, "skipped"),
					 (long long)in.set.npkts);
			/* keep the summary line for the map comparison */
			free(err);
			err = strdup(line);
		}
	}
	ck_assert_msg(summary, "%s: no JSON summary line", name);
	/* the summary's verdict counts are the per-packet lines' */
	for (size_t k = 0; k < tally.n; k++) {
		char want[96];

		snprintf(want, sizeof(want), "\"%s\":%u", tally.name[k], tally.count[k]);
		ck_assert_msg(strstr(err, want), "%s: the summary does not count %s\n%s", name,
			      want, err);
	}
	for (int k = 0; k < NCLS; k++)
		pkts_read(outs[k], &got[k]);

	/* the kernel */
	diag_init(&d);
	ck_assert_int_eq(obj_read_file(obj, &o, &d), 0);
	rc = ldr_obj_load(o, &(struct ldr_opts){.name = obj}, &l, &d);
	ck_assert_msg(rc == 0 && l && l->nprogs == 1 && l->progs[0].fd >= 0,
		      "%s: the kernel refused it (%s)", name, ldr_errno_name(rc));
	fd = l->progs[0].fd;
	for (size_t i = 0; i < in.set.npkts; i++) {
		const struct vm_capture_pkt *p = &in.set.pkts[i];
		static uint8_t kout[8192];
		struct ldr_test_run t = {
			.data_in = p->data,
			.data_size_in = p->caplen,
			.data_out = kout,
			.data_size_out = sizeof(kout),
		};
		enum cls c;

		rc = ldr_prog_test_run(fd, &t);
		if (rc) {
			ck_assert_msg(
				r0s[i + 1] == -1,
				"%s: packet %zu: the kernel refused it (%s) but ebpf-run ran it",
				name, i + 1, ldr_errno_name(rc));
			continue;
		}
		ck_assert_msg(
			r0s[i + 1] != -1,
			"%s: packet %zu (%u bytes): ebpf-run skipped it, the kernel returned %u",
			name, i + 1, p->caplen, t.retval);
		ck_assert_msg((uint32_t)r0s[i + 1] == t.retval,
			      "%s: packet %zu: ebpf-run r0 = %lld, the kernel %u", name, i + 1,
			      r0s[i + 1], t.retval);
		c = classify(type, t.retval);
		ck_assert_msg(next[c] < got[c].set.npkts, "%s: packet %zu: missing from --%s", name,
			      i + 1, cls_opt[c]);
		if (type != BPF_PROG_TYPE_SOCKET_FILTER) {
			const struct vm_capture_pkt *g = &got[c].set.pkts[next[c]];

			ck_assert_msg(g->caplen == t.data_size_out &&
					      memcmp(g->data, kout, g->caplen) == 0,
				      "%s: packet %zu: output packet differs (ebpf-run %u bytes, "
				      "kernel %u bytes)",
				      name, i + 1, g->caplen, t.data_size_out);
		}
		next[c]++;
		compared++;
	}
	for (int k = 0; k < NCLS; k++)
		ck_assert_msg(next[k] == got[k].set.npkts, "%s: --%s has %zu packets, expected %zu",
			      name, cls_opt[k], got[k].set.npkts, next[k]);

	/* the maps: every kernel entry is in ebpf-run's summary with the same value, and
	 * ebpf-run lists no more entries than the kernel has */
	for (size_t m = 0; m < l->nmaps; m++) {
		const struct ldr_loaded_map *lm = &l->maps[m];
		uint8_t key[64], nkey[64], val[256];
		char pat[128], khex[130], vhex[520], *at, want[1200];
		const char *mp, *end;
		unsigned kentries = 0, rentries = 0;
		int have = 0;

		if (lm->fd < 0 || lm->key_size > sizeof(key) || lm->value_size > sizeof(val))
			continue;
		snprintf(pat, sizeof(pat), "{\"name\":\"%s\"", lm->name);
		mp = strstr(err, pat);
		ck_assert_msg(mp, "%s: map '%s' missing from the summary", name, lm->name);
		end = strstr(mp + 1, "{\"name\":");
		if (!end)
			end = mp + strlen(mp);
		for (at = (char *)mp; (at = strstr(at, "\"key\":\"")) && at < end; at++)
			rentries++;
		while (ldr_map_get_next_key(lm->fd, have ? key : NULL, nkey) == 0) {
			memcpy(key, nkey, lm->key_size);
			have = 1;
			ck_assert_int_eq(ldr_map_lookup(lm->fd, key, val), 0);
			hex(key, lm->key_size, khex);
			hex(val, lm->value_size, vhex);
			snprintf(want, sizeof(want), "\"key\":\"%s\"", khex);
			at = strstr(mp, want);
			ck_assert_msg(at && at < end, "%s: map '%s': key %s missing in ebpf-run",
				      name, lm->name, khex);
			ck_assert(json_str(at, "value", pat, sizeof(pat)));
			ck_assert_msg(strcmp(pat, vhex) == 0,
				      "%s: map '%s' key %s: ebpf-run %s, kernel %s", name, lm->name,
				      khex, pat, vhex);
			kentries++;
		}
		ck_assert_msg(rentries == kentries,
			      "%s: map '%s': ebpf-run lists %u entries, kernel %u", name, lm->name,
			      rentries, kentries);
	}

	ldr_loaded_free(l);
	obj_free(o);
	diag_fini(&d);
	vm_capture_set_free(&in.set);
	for (int k = 0; k < NCLS; k++) {
		vm_capture_set_free(&got[k].set);
		free(outs[k]);
	}
	free(r0s);
	free(out);
	free(err);
	free(obj);
	return compared;
}

static unsigned compare(const char *name, const char *text, uint32_t type)
{
	return compare_obj(name, assemble(name, text), type);
}

/* tests/clang/NAME.c compiled with clang -O2 -g -target bpf -mcpu=@cpu, then compared; 0
 * when clang is not installed (the comparison of clang's objects is clang-only). */
static unsigned compare_clang(const char *name, const char *cpu, uint32_t type)
{
	char *obj, *out = NULL;
	int rc;

	if (!tu_clang()) {
		fprintf(stderr, "check_run: clang not installed, %s.c not compared\n", name);
		return 0;
	}
	ck_assert(asprintf(&obj, "%s/%s.clang.o", tmpdir, name) > 0);
	rc = tu_runf(&out, "%s -O2 -g -target bpf -mcpu=%s -c '%s/tests/clang/%s.c' -o '%s' 2>&1",
		     tu_clang(), cpu, tu_srcdir(), name, obj);
	ck_assert_msg(rc == 0, "clang %s.c: exit %d\n%s", name, rc, out ? out : "");
	free(out);
	return compare_obj(name, obj, type);
}

/* ---------------------------------------------------------------- tests */

START_TEST(xdp_count_agrees_with_kernel)
{
	ck_assert_uint_gt(compare("xdp_count", NULL, BPF_PROG_TYPE_XDP), 100);
}
END_TEST

START_TEST(xdp_drop_src_agrees_with_kernel)
{
	ck_assert_uint_gt(compare("xdp_drop_src", NULL, BPF_PROG_TYPE_XDP), 100);
}
END_TEST

START_TEST(xdp_trace_ipv4_agrees_with_kernel)
{
	ck_assert_uint_gt(compare("xdp_trace_ipv4", NULL, BPF_PROG_TYPE_XDP), 100);
}
END_TEST

START_TEST(xdp_hash_counter_agrees_with_kernel)
{
	ck_assert_uint_gt(compare("xdp_src_count", xdp_src_count, BPF_PROG_TYPE_XDP), 100);
}
END_TEST

START_TEST(xdp_tx_with_rewrite_agrees_with_kernel)
{
	ck_assert_uint_gt(compare("xdp_swap_tx", xdp_swap_tx, BPF_PROG_TYPE_XDP), 100);
}
END_TEST

START_TEST(xdp_adjust_head_and_tail_agree_with_kernel)
{
	ck_assert_uint_gt(compare("xdp_encap", xdp_encap, BPF_PROG_TYPE_XDP), 100);
}
END_TEST

START_TEST(tc_csum_rewrite_agrees_with_kernel)
{
	ck_assert_uint_gt(compare("tc_ttl", tc_ttl, BPF_PROG_TYPE_SCHED_CLS), 100);
}
END_TEST

START_TEST(xdp_callbacks_agree_with_kernel)
{
	ck_assert_uint_gt(compare("xdp_loops", xdp_loops, BPF_PROG_TYPE_XDP), 100);
}
END_TEST

START_TEST(socket_filter_agrees_with_kernel)
{
	ck_assert_uint_gt(compare("sock_udp", sock_udp, BPF_PROG_TYPE_SOCKET_FILTER), 100);
}
END_TEST

/* clang's objects: global data, subprograms, loops, v3 ALU32, a socket filter in C */
static const struct {
	const char *name, *cpu;
	uint32_t type;
} clang_progs[] = {
	{"xdp_array", "v3", BPF_PROG_TYPE_XDP},
	{"globals", "v3", BPF_PROG_TYPE_XDP},
	{"loop", "v3", BPF_PROG_TYPE_XDP},
	{"subprog", "v3", BPF_PROG_TYPE_XDP},
	{"alu32_v3", "v3", BPF_PROG_TYPE_SCHED_CLS},
	{"socket_filter", "v3", BPF_PROG_TYPE_SOCKET_FILTER},
};

START_TEST(clang_objects_agree_with_kernel)
{
	unsigned n = compare_clang(clang_progs[_i].name, clang_progs[_i].cpu, clang_progs[_i].type);

	ck_assert(n == 0 ? !tu_clang() : n > 100);
}
END_TEST

/* The summary a user reads: the drop program over the bundled sample capture. */
START_TEST(summary_of_the_sample_capture)
{
	char *obj = assemble("xdp_drop_src", NULL), *out = NULL;
	int rc = tu_runf(&out, "'%s' '%s' '%s/tests/data/sample.pcap'", tu_tool("ebpf-run"), obj,
			 tu_srcdir());

	ck_assert_msg(rc == 0, "exit %d\n%s", rc, out ? out : "");
	ck_assert_msg(strstr(out, "packets: 115 (and 5 skipped)"), "%s", out);
	ck_assert_msg(strstr(out, "XDP_DROP") && strstr(out, "XDP_PASS"), "%s", out);
	/* 24 frames of the sample come from 192.168.0.1: drops[0] counts them */
	ck_assert_msg(strstr(out, "map 'drops'"), "%s", out);
	ck_assert_msg(strstr(out, "(24)"), "%s", out);
	free(out);
	free(obj);
}
END_TEST

START_TEST(count_stops_early_and_trace_shows_source_lines)
{
	char *obj = assemble("xdp_drop_src", NULL), *out = NULL;
	int rc = tu_runf(&out, "'%s' --count 5 --trace 2 '%s' '%s'", tu_tool("ebpf-run"), obj,
			 capture);

	ck_assert_msg(rc == 0, "exit %d\n%s", rc, out ? out : "");
	ck_assert_msg(strstr(out, "packets: 5,"), "%s", out);
	ck_assert_msg(strstr(out, "trace of packet 2"), "%s", out);
	/* the source line of the first instruction, then the instruction with r1 = ctx */
	ck_assert_msg(strstr(out, "xdp_drop_src.s:22: r2 = *(u32 *)(r1 + 0)"), "%s", out);
	ck_assert_msg(strstr(out, "exit"), "%s", out);
	free(out);
	free(obj);
}
END_TEST

/* A program that reads past data_end faults: packet number, .s line, exit 1. */
START_TEST(fault_names_packet_line_and_region)
{
	static const char bad[] = "\t.license \"GPL\"\n"
				  "\t.section xdp\n"
				  "\t.globl bad\n"
				  "bad:\n"
				  "\tr2 = *(u32 *)(r1 + 0)\n"
				  "\tr0 = *(u64 *)(r2 + 4000)\n"
				  "\tr0 = 2\n"
				  "\texit\n";
	char *obj = assemble("bad", bad), *out = NULL;
	int rc = tu_runf(&out, "'%s' --count 3 '%s' '%s' 2>&1", tu_tool("ebpf-run"), obj, capture);

	ck_assert_msg(rc == 1, "exit %d\n%s", rc, out ? out : "");
	ck_assert_msg(strstr(out, "bad.s:6:"), "%s", out);
	ck_assert_msg(strstr(out, "packet 1:"), "%s", out);
	ck_assert_msg(strstr(out, "packet"), "%s", out);
	ck_assert_msg(strstr(out, "fault"), "%s", out);
	free(out);
	free(obj);
}
END_TEST

/* A .s with global data runs as it is, without a trip through ebpf-as: the assembler makes
 * the same .data/.rodata maps the ELF reader does. */
START_TEST(assembly_with_global_data_runs_directly)
{
	static const char prog[] = "\t.license \"GPL\"\n"
				   "\t.data\n"
				   "seen:\n"
				   "\t.quad 0\n"
				   "\t.section .rodata\n"
				   "verdict:\n"
				   "\t.long 1\n"
				   "\t.section xdp\n"
				   "\t.globl count_and_drop\n"
				   "count_and_drop:\n"
				   "\tr1 = seen ll\n"
				   "\tr2 = 1\n"
				   "\tlock *(u64 *)(r1 + 0) += r2\n"
				   "\tr1 = verdict ll\n"
				   "\tr0 = *(u32 *)(r1 + 0)\n"
				   "\texit\n";
	char *src, *out = NULL;
	int rc;

	src = path_in("globals.s");
	ck_assert_int_eq(tu_write_file(src, prog, sizeof(prog) - 1), 0);
	rc = tu_runf(&out, "'%s' --count 10 '%s' '%s' 2>&1", tu_tool("ebpf-run"), src, capture);
	ck_assert_msg(rc == 0, "exit %d\n%s", rc, out ? out : "");
	ck_assert_msg(strstr(out, "XDP_DROP         10"), "%s", out);
	ck_assert_msg(strstr(out, "map '.data'") && strstr(out, "(10)"), "%s", out);
	ck_assert_msg(strstr(out, "map '.rodata'"), "%s", out);
	free(out);
	free(src);
}
END_TEST

/* --verify: the verifier simulation's verdict first; a program the kernel would reject
 * (a packet read without a bounds check) does not run, and the error is at its line. */
START_TEST(verify_first_runs_only_accepted_programs)
{
	static const char unchecked[] = "\t.section xdp\n"
					"\t.globl unchecked\n"
					"\t.type unchecked, @function\n"
					"unchecked:\n"
					"\tr2 = *(u32 *)(r1 + 0)\n"
					"\tr0 = *(u8 *)(r2 + 0)\n"
					"\texit\n"
					"\t.size unchecked, .-unchecked\n";
	char *good = assemble("xdp_count", NULL), *bad = assemble("unchecked", unchecked);
	char *out = NULL;
	int rc;

	rc = tu_runf(&out, "'%s' --verify '%s' '%s' 2>&1", tu_tool("ebpf-run"), good, capture);
	ck_assert_msg(rc == 0 && strstr(out, "xdp_count: accepted (11 instructions processed)") &&
			      strstr(out, "XDP_PASS"),
		      "exit %d\n%s", rc, out);
	free(out);
	rc = tu_runf(&out, "'%s' --verify '%s' '%s' 2>&1", tu_tool("ebpf-run"), bad, capture);
	ck_assert_msg(
		rc == 1 && strstr(out, "unchecked: rejected") &&
			strstr(out, "unchecked.s:6:2: error: R2 offset is outside of the packet") &&
			!strstr(out, "packets:"),
		"exit %d\n%s", rc, out);
	free(out);
	rc = tu_runf(&out, "'%s' --unpriv '%s' '%s' 2>&1", tu_tool("ebpf-run"), good, capture);
	ck_assert_msg(rc == 2 && strstr(out, "--unpriv goes with --verify"), "exit %d\n%s", rc,
		      out);
	free(out);
	free(good);
	free(bad);
}
END_TEST

START_TEST(bad_inputs_exit_2_with_a_message)
{
	char *obj = assemble("xdp_count", NULL), *out = NULL, *junk = path_in("junk.pcap");
	int rc;

	ck_assert_int_eq(tu_write_file(junk, "not a capture at all", 20), 0);
	rc = tu_runf(&out, "'%s' '%s' '%s' 2>&1", tu_tool("ebpf-run"), obj, junk);
	ck_assert_msg(rc == 2 && strstr(out, "junk.pcap"), "exit %d\n%s", rc, out);
	free(out);
	rc = tu_runf(&out, "'%s' --prog nosuch '%s' '%s' 2>&1", tu_tool("ebpf-run"), obj, capture);
	ck_assert_msg(rc == 2 && strstr(out, "nosuch") && strstr(out, "xdp_count"), "exit %d\n%s",
		      rc, out);
	free(out);
	rc = tu_runf(&out, "'%s' '%s' '%s' 2>&1", tu_tool("ebpf-run"), junk, capture);
	ck_assert_msg(rc == 2, "exit %d\n%s", rc, out);
	free(out);
	free(junk);
	free(obj);
}
END_TEST

/* ---------------------------------------------------------------- the suite */

static void make_capture(void)
{
	char *out = NULL;
	int rc;

	tmpdir = tu_mkdtemp();
	snprintf(capture, sizeof(capture), "%s/mixed.pcap", tmpdir);
	rc = tu_runf(&out, "'%s/tools/gencap' --seed 7 --count 400 '%s'", tu_builddir(), capture);
	if (rc != 0) {
		fprintf(stderr, "gencap: exit %d\n%s\n", rc, out ? out : "");
		exit(1);
	}
	free(out);
}

int main(void)
{
	Suite *s = suite_create("run");
	TCase *k = tcase_create("kernel");
	TCase *u = tcase_create("user");
	SRunner *sr;
	int failed;

	tu_require_bpf("check_run compares with BPF_PROG_TEST_RUN");
	make_capture();
	tcase_set_timeout(k, 120);
	tcase_add_test(k, xdp_count_agrees_with_kernel);
	tcase_add_test(k, xdp_drop_src_agrees_with_kernel);
	tcase_add_test(k, xdp_trace_ipv4_agrees_with_kernel);
	tcase_add_test(k, xdp_hash_counter_agrees_with_kernel);
	tcase_add_test(k, xdp_tx_with_rewrite_agrees_with_kernel);
	tcase_add_test(k, xdp_adjust_head_and_tail_agree_with_kernel);
	tcase_add_test(k, tc_csum_rewrite_agrees_with_kernel);
	tcase_add_test(k, socket_filter_agrees_with_kernel);
	tcase_add_test(k, xdp_callbacks_agree_with_kernel);
	tcase_add_loop_test(k, clang_objects_agree_with_kernel, 0,
			    (int)(sizeof(clang_progs) / sizeof(clang_progs[0])));
	suite_add_tcase(s, k);
	tcase_add_test(u, summary_of_the_sample_capture);
	tcase_add_test(u, count_stops_early_and_trace_shows_source_lines);
	tcase_add_test(u, fault_names_packet_line_and_region);
	tcase_add_test(u, assembly_with_global_data_runs_directly);
	tcase_add_test(u, bad_inputs_exit_2_with_a_message);
	tcase_add_test(u, verify_first_runs_only_accepted_programs);
	suite_add_tcase(s, u);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	tu_rmrf(tmpdir);
	return failed ? 1 : 0;
}
