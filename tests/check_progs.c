/* SPDX-License-Identifier: MIT */
/*
 * check_progs.c - the example programs in progs/: each assembles with ebpf-as without a word,
 * loads with our loader as the program type its section names, and this kernel's verifier
 * accepts it; bpftool (libbpf) accepts the same object; and the XDP examples do what their
 * comments promise when the kernel runs them (BPF_PROG_TEST_RUN).
 *
 * A kernel test: without root or bpf() the suite is skipped (exit 77; 99 when
 * EBPF_REQUIRE_KERNEL=1). Objects go to a temporary directory and pins to a bpffs directory
 * unique to this run; both are created before the first test and removed after the last
 * one, by the parent process, so a crashing test leaves nothing behind.
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "loader/loader.h"
#include "obj/obj.h"
#include "testutil.h"

#ifndef BPF_FS_MAGIC
#define BPF_FS_MAGIC 0xcafe4a11
#endif

static const struct {
	const char *name; /* progs/NAME.s, whose one program is also called NAME */
	int prog_type;	  /* what its section makes it */
} progs[] = {
	{"xdp_count", BPF_PROG_TYPE_XDP},
	{"xdp_drop_src", BPF_PROG_TYPE_XDP},
	{"xdp_trace_ipv4", BPF_PROG_TYPE_XDP},
	{"rtp_hello", BPF_PROG_TYPE_RAW_TRACEPOINT},
	{"rtp_syscall_count", BPF_PROG_TYPE_RAW_TRACEPOINT},
	{"kprobe_execve_count", BPF_PROG_TYPE_KPROBE},
};
#define NPROGS ((int)(sizeof(progs) / sizeof(progs[0])))

static char tmpdir[256];  /* objects */
static char pinroot[256]; /* bpffs directory for bpftool's pins, "" without a bpffs */

static void run_setup(void)
{
	const char *t = tu_mkdtemp();
	struct statfs sfs;

	if (!t) {
		fprintf(stderr, "check_progs: cannot create a temporary directory\n");
		exit(EXIT_FAILURE);
	}
	snprintf(tmpdir, sizeof(tmpdir), "%s", t);
	pinroot[0] = '\0';
	if (statfs("/sys/fs/bpf", &sfs) == 0 && (unsigned long)sfs.f_type == BPF_FS_MAGIC) {
		snprintf(pinroot, sizeof(pinroot), "/sys/fs/bpf/ebpf-test-XXXXXX");
		if (!mkdtemp(pinroot))
			pinroot[0] = '\0';
	}
}

static void run_teardown(void)
{
	tu_rmrf(tmpdir);
	if (pinroot[0])
		tu_rmrf(pinroot);
}

/* Every message in @d as text, for failure messages (free()). */
static char *diag_text(const struct diag *d)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	if (!f)
		return strdup("(no memory for the messages)");
	diag_print(d, f, "loader", 0);
	fclose(f);
	return s;
}

/* progs/NAME.s to TMP/NAME.o with ebpf-as, which must succeed silently; returns the path. */
static char *assemble(const char *name)
{
	char *obj, *out = NULL;
	int rc;

	ck_assert(asprintf(&obj, "%s/%s.o", tmpdir, name) > 0);
	rc = tu_runf(&out, "'%s' '%s/progs/%s.s' -o '%s'", tu_tool("ebpf-as"), tu_srcdir(), name,
		     obj);
	ck_assert_msg(rc == 0, "ebpf-as progs/%s.s: exit %d:\n%s", name, rc, out ? out : "");
	ck_assert_msg(!out || !*out, "ebpf-as progs/%s.s printed:\n%s", name, out);
	free(out);
	return obj;
}

/* Read and load the object; every program must be accepted (the log is shown if not). */
static struct ldr_loaded *load(const char *name, const char *path, struct obj **op)
{
	struct ldr_opts opts = {.name = path};
	struct ldr_loaded *l = NULL;
	struct diag d;
	struct obj *o = NULL;
	int err;

	diag_init(&d);
	err = obj_read_file(path, &o, &d);
	if (err) {
		char *msgs = diag_text(&d);
		ck_abort_msg("%s: cannot read: %d\n%s", path, err, msgs);
	}
	ck_assert_msg(o->nprogs >= 1, "%s: no program found", path);

	err = ldr_obj_load(o, &opts, &l, &d);
	ck_assert_msg(l != NULL, "%s: nothing loaded (%s)", path, ldr_errno_name(err));
	for (size_t i = 0; i < l->nprogs; i++) {
		const struct ldr_loaded_prog *p = &l->progs[i];

		if (p->fd < 0) {
			char *msgs = diag_text(&d);
			const char *log = p->log ? p->log : "";
			size_t n = strlen(log);

			/* The verdict is at the end of the log; Check's messages are short. */
			fprintf(stderr, "--- verifier log of %s ---\n%s\n---\n", p->name, log);
			ck_abort_msg("%s: prog '%s' rejected:\n%s--- end of the verifier log:\n%s",
				     name, p->name, msgs, n > 1500 ? log + n - 1500 : log);
		}
	}
	if (err) {
		char *msgs = diag_text(&d);
		ck_abort_msg("%s: load failed (%s):\n%s", name, ldr_errno_name(err), msgs);
	}
	diag_fini(&d);
	*op = o;
	return l;
}

START_TEST(progs_assemble_silently_and_pass_the_verifier)
{
	const char *name = progs[_i].name;
	char *path = assemble(name);
	struct obj *o;
	struct ldr_loaded *l = load(name, path, &o);
	const struct ldr_loaded_prog *p = ldr_loaded_prog_find(l, name);

	ck_assert_msg(p != NULL, "%s: no program named '%s'", path, name);
	ck_assert_int_eq(p->prog_type, progs[_i].prog_type);
	ck_assert_int_ge(p->fd, 0);
	ldr_loaded_free(l);
	obj_free(o);
	free(path);
}
END_TEST

START_TEST(bpftool_accepts_the_same_objects)
{
	const char *name = progs[_i].name;
	char *path, *out = NULL;
	struct obj *o;
	struct ldr_loaded *l;
	int rc;

	if (!tu_have("bpftool") || !pinroot[0]) {
		fprintf(stderr, "note: %s: no bpftool or no bpffs at /sys/fs/bpf: not compared\n",
			name);
		return;
	}
	path = assemble(name);
	l = load(name, path, &o); /* our verdict: accepted (load() asserts it) */
	rc = tu_runf(&out, "bpftool prog loadall '%s' '%s/%s'", path, pinroot, name);
	tu_runf(NULL, "rm -rf '%s/%s'", pinroot, name);
	ck_assert_msg(rc == 0, "%s: we load it, bpftool says (exit %d):\n%s", name, rc,
		      out ? out : "");
	free(out);
	ldr_loaded_free(l);
	obj_free(o);
	free(path);
}
END_TEST

/* An Ethernet + IPv4 frame of 64 bytes from @saddr (network order bytes) with @ethertype. */
static void frame_make(unsigned char f[64], const unsigned char saddr[4], unsigned ethertype)
{
	static const unsigned char daddr[4] = {192, 168, 0, 2};

	memset(f, 0, 64);
	memset(f, 0xff, 6); /* destination MAC: broadcast */
	memcpy(f + 6, "\x02\x00\x00\x00\x00\x01", 6);
	f[12] = (unsigned char)(ethertype >> 8);
	f[13] = (unsigned char)ethertype;
	f[14] = 0x45; /* IPv4, 20-byte header */
	f[17] = 50;   /* total length (high byte 0) */
	f[22] = 64;   /* TTL */
	f[23] = 17;   /* UDP */
	memcpy(f + 26, saddr, 4);
	memcpy(f + 30, daddr, 4);
}

static uint32_t xdp_run(int fd, const unsigned char *frame, uint32_t repeat)
{
	unsigned char out[128];
	struct ldr_test_run t = {
		.data_in = frame,
		.data_size_in = 64,
		.data_out = out,
		.data_size_out = sizeof(out),
		.repeat = repeat,
	};
	int err = ldr_prog_test_run(fd, &t);

	ck_assert_msg(err == 0, "BPF_PROG_TEST_RUN: %s", ldr_errno_name(err));
	return t.retval;
}

static uint64_t counter(const struct ldr_loaded *l, const char *map)
{
	const struct ldr_loaded_map *m = ldr_loaded_map_find(l, map);
	uint32_t key = 0;
	uint64_t v = 0;
	int err;

	ck_assert_msg(m != NULL && m->fd >= 0, "no map '%s'", map);
	err = ldr_map_lookup(m->fd, &key, &v);
	ck_assert_msg(err == 0, "lookup %s[0]: %s", map, ldr_errno_name(err));
	return v;
}

START_TEST(xdp_count_counts_every_frame)
{
	static const unsigned char src[4] = {10, 0, 0, 1};
	unsigned char frame[64];
	char *path = assemble("xdp_count");
	struct obj *o;
	struct ldr_loaded *l = load("xdp_count", path, &o);
	const struct ldr_loaded_prog *p = ldr_loaded_prog_find(l, "xdp_count");

	frame_make(frame, src, 0x0800);
	ck_assert_uint_eq(counter(l, "counts"), 0);
	ck_assert_uint_eq(xdp_run(p->fd, frame, 5), 2 /* XDP_PASS */);
	ck_assert_uint_eq(counter(l, "counts"), 5);
	ldr_loaded_free(l);
	obj_free(o);
	free(path);
}
END_TEST

START_TEST(xdp_drop_src_drops_only_ipv4_from_192_168_0_1)
{
	static const unsigned char bad[4] = {192, 168, 0, 1}, good[4] = {10, 0, 0, 1};
	unsigned char frame[64];
	char *path = assemble("xdp_drop_src");
	struct obj *o;
	struct ldr_loaded *l = load("xdp_drop_src", path, &o);
	const struct ldr_loaded_prog *p = ldr_loaded_prog_find(l, "xdp_drop_src");

	frame_make(frame, bad, 0x0800);
	ck_assert_uint_eq(xdp_run(p->fd, frame, 1), 1 /* XDP_DROP */);
	ck_assert_uint_eq(counter(l, "drops"), 1);

	frame_make(frame, good, 0x0800);
	ck_assert_uint_eq(xdp_run(p->fd, frame, 1), 2 /* XDP_PASS */);

	/* The same bytes in an ARP frame are no IPv4 source address. */
	frame_make(frame, bad, 0x0806);
	ck_assert_uint_eq(xdp_run(p->fd, frame, 1), 2 /* XDP_PASS */);
	ck_assert_uint_eq(counter(l, "drops"), 1);
	ldr_loaded_free(l);
	obj_free(o);
	free(path);
}
END_TEST

static Suite *progs_suite(void)
{
	Suite *s = suite_create("progs");
	TCase *tc = tcase_create("kernel");

	tcase_add_unchecked_fixture(tc, run_setup, run_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, progs_assemble_silently_and_pass_the_verifier, 0, NPROGS);
	tcase_add_loop_test(tc, bpftool_accepts_the_same_objects, 0, NPROGS);
	tcase_add_test(tc, xdp_count_counts_every_frame);
	tcase_add_test(tc, xdp_drop_src_drops_only_ipv4_from_192_168_0_1);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr;
	int failed;

	tu_require_bpf("check_progs loads programs into the kernel");
	sr = srunner_create(progs_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
