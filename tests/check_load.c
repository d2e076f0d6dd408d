/* SPDX-License-Identifier: MIT */
/*
 * check_load.c - ebpf-load against the real kernel: XDP on veth pairs in a network namespace
 * of the test's own (frames sent, counted, dropped; nothing left on the device after detach
 * or Ctrl-C), raw tracepoints, tracepoints, uprobes, socket filters, the kprobe failure of a
 * kernel without kprobes, pins and pinned maps, maps created with the object's BTF types
 * (dumped typed, as bpftool dumps them), and the command's messages and exit codes.
 *
 * Network tests unshare(CLONE_NEWNET) into a namespace of their own, create a veth pair
 * there with IPv6 off (no router solicitations: every frame on the wire is one the test
 * sent), and go back to the first namespace at the end, which frees theirs with its
 * devices; a test that dies takes its namespace with it. Processes the tests start
 * (`ebpf-load run`) live in the test's namespace and are killed by pid if a test fails.
 *
 * A kernel suite: skipped (exit 77) without root or bpf(); under EBPF_REQUIRE_KERNEL=1 the
 * skip is a failure.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/if_ether.h>
#include <linux/if_link.h>
#include <linux/if_packet.h>

#include "loader/attach.h"
#include "loader/loader.h"
#include "obj/obj.h"
#include "testutil.h"

static char tmpdir[256];
static char pinroot[256];
static char statedir[300];
static int home_ns = -1; /* the namespace the suite started in */

static void run_setup(void)
{
	const char *t = tu_mkdtemp();

	if (!t) {
		fprintf(stderr, "check_load: cannot create a temporary directory\n");
		exit(EXIT_FAILURE);
	}
	snprintf(tmpdir, sizeof(tmpdir), "%s", t);
	snprintf(pinroot, sizeof(pinroot), "/sys/fs/bpf/ebpf-load-test-%ld", (long)getpid());
	/* ebpf-load attach's records go here, not to /run/ebpf-load. */
	snprintf(statedir, sizeof(statedir), "%s/state", tmpdir);
	setenv("EBPF_LOAD_STATE", statedir, 1);
}

static void run_teardown(void)
{
	tu_rmrf(tmpdir);
	tu_rmrf(pinroot);
}

static char *diag_text(const struct diag *d)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	if (!f)
		return strdup("");
	diag_print(d, f, "loader", 0);
	fclose(f);
	return s;
}

/* ---- objects ---- */

/* Assemble @src (text) or progs/@name.s into TMP/@name.o; returns the path (free()). */
static char *assemble(const char *name, const char *src)
{
	char *obj, *in, *out = NULL;
	int rc;

	ck_assert(asprintf(&obj, "%s/%s.o", tmpdir, name) > 0);
	if (src) {
		ck_assert(asprintf(&in, "%s/%s.s", tmpdir, name) > 0);
		ck_assert_int_eq(tu_write_file(in, src, strlen(src)), 0);
	} else {
		ck_assert(asprintf(&in, "%s/progs/%s.s", tu_srcdir(), name) > 0);
	}
	rc = tu_runf(&out, "'%s' '%s' -o '%s'", tu_tool("ebpf-as"), in, obj);
	ck_assert_msg(rc == 0, "ebpf-as %s: exit %d:\n%s", in, rc, out ? out : "");
	free(out);
	free(in);
	return obj;
}

struct loaded {
	struct obj *o;
	struct ldr_loaded *l;
	char *path;
};

static void load(const char *name, const char *src, struct loaded *x)
{
	struct diag d;
	int err;

	x->path = assemble(name, src);
	diag_init(&d);
	err = obj_read_file(x->path, &x->o, &d);
	ck_assert_msg(err == 0, "%s: read: %d", x->path, err);
	err = ldr_obj_load(x->o, NULL, &x->l, &d);
	if (err) {
		char *m = diag_text(&d);
		ck_abort_msg("%s: load: %s\n%s", name, ldr_errno_name(err), m);
	}
	diag_fini(&d);
}

static void unload(struct loaded *x)
{
	ldr_loaded_free(x->l);
	obj_free(x->o);
	free(x->path);
}

static const struct ldr_loaded_prog *first_prog(const struct loaded *x)
{
	ck_assert_uint_ge(x->l->nprogs, 1);
	return &x->l->progs[0];
}

static uint64_t map_u64(const struct loaded *x, const char *map, uint32_t key, int *found)
{
	const struct ldr_loaded_map *m = ldr_loaded_map_find(x->l, map);
	uint64_t v = 0;
	int err;

	ck_assert_msg(m && m->fd >= 0, "no map '%s'", map);
	err = ldr_map_lookup(m->fd, &key, &v);
	if (found)
		*found = err == 0;
	else
		ck_assert_msg(err == 0, "lookup %s[%u]: %s", map, key, ldr_errno_name(err));
	return v;
}

/* A program counting its calls per process (tgid) in hash map 'counts', in @section. */
static char *count_pid_src(const char *section)
{
	char *s;

	ck_assert(asprintf(&s,
			   "\t.license \"GPL\"\n"
			   "\t.map counts, hash, key=4, value=8, entries=1024\n"
			   "\t.section \"%s\"\n"
			   "\t.globl count_pid\n"
			   "\t.type count_pid, @function\n"
			   "count_pid:\n"
			   "\tcall bpf_get_current_pid_tgid\n"
			   "\tr0 >>= 32\n"
			   "\t*(u32 *)(r10 - 4) = r0\n"
			   "\tr2 = r10\n"
			   "\tr2 += -4\n"
			   "\tr1 = counts ll\n"
			   "\tcall bpf_map_lookup_elem\n"
			   "\tif r0 == 0 goto insert\n"
			   "\tr1 = 1\n"
			   "\tlock *(u64 *)(r0 + 0) += r1\n"
			   "\tgoto out\n"
			   "insert:\n"
			   "\tr1 = 1\n"
			   "\t*(u64 *)(r10 - 16) = r1\n"
			   "\tr1 = counts ll\n"
			   "\tr2 = r10\n"
			   "\tr2 += -4\n"
			   "\tr3 = r10\n"
			   "\tr3 += -16\n"
			   "\tr4 = 1\n"
			   "\tcall bpf_map_update_elem\n"
			   "out:\n"
			   "\tw0 = 0\n"
			   "\texit\n"
			   "\t.size count_pid, .-count_pid\n",
			   section) > 0);
	return s;
}

/* ---- network namespaces and frames ---- */

struct net {
	char a[IFNAMSIZ], b[IFNAMSIZ]; /* frames sent on a arrive on b */
	int ifa, ifb;
};

/* Enter a fresh network namespace with a veth pair, IPv6 off, both ends up. */
static void net_enter(struct net *n)
{
	char *out = NULL;
	int rc;

	ck_assert_msg(unshare(CLONE_NEWNET) == 0, "unshare(CLONE_NEWNET): %s", strerror(errno));
	snprintf(n->a, sizeof(n->a), "lta%ld", (long)getpid() % 100000);
	snprintf(n->b, sizeof(n->b), "ltb%ld", (long)getpid() % 100000);
	rc = tu_runf(&out,
		     "ip link add %s type veth peer name %s && "
		     "echo 1 > /proc/sys/net/ipv6/conf/%s/disable_ipv6 && "
		     "echo 1 > /proc/sys/net/ipv6/conf/%s/disable_ipv6 && "
		     "ip link set %s up && ip link set %s up",
		     n->a, n->b, n->a, n->b, n->a, n->b);
	ck_assert_msg(rc == 0, "veth setup: %s", out ? out : "");
	free(out);
	n->ifa = (int)if_nametoindex(n->a);
	n->ifb = (int)if_nametoindex(n->b);
	ck_assert(n->ifa > 0 && n->ifb > 0);
}

/* Remove the pair and go home: the namespace goes away with its last user. */
static void net_leave(struct net *n)
{
	tu_runf(NULL, "ip link del %s 2>/dev/null", n->a);
	ck_assert_msg(setns(home_ns, CLONE_NEWNET) == 0, "setns: %s", strerror(errno));
}

/* An Ethernet + IPv4/UDP frame of 64 bytes from @saddr. */
static void frame_make(unsigned char f[64], const unsigned char saddr[4])
{
	static const unsigned char daddr[4] = {192, 168, 0, 2};

	memset(f, 0, 64);
	memset(f, 0xff, 6);
	memcpy(f + 6, "\x02\x00\x00\x00\x00\x01", 6);
	f[12] = 0x08;
	f[14] = 0x45;
	f[17] = 50;
	f[22] = 64;
	f[23] = 17;
	memcpy(f + 26, saddr, 4);
	memcpy(f + 30, daddr, 4);
}

static int packet_socket(int ifindex)
{
	struct sockaddr_ll sa = {
		.sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_ALL), .sll_ifindex = ifindex};
	int s = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, htons(ETH_P_ALL));

	ck_assert_msg(s >= 0, "packet socket: %s", strerror(errno));
	ck_assert_msg(bind(s, (struct sockaddr *)&sa, sizeof(sa)) == 0, "bind: %s",
		      strerror(errno));
	return s;
}

static void frames_send(int ifindex, const unsigned char saddr[4], int count)
{
	unsigned char f[64];
	int s = packet_socket(ifindex);

	frame_make(f, saddr);
	for (int i = 0; i < count; i++)
		ck_assert_msg(send(s, f, sizeof(f), 0) == (ssize_t)sizeof(f), "send: %s",
			      strerror(errno));
	close(s);
}

static void msleep(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* Wait up to 2 s for counts[@key] to reach @want, then 100 ms more: it must stay there. */
static uint64_t counter_settle(const struct loaded *x, const char *map, uint32_t key, uint64_t want)
{
	uint64_t v = 0;

	for (int i = 0; i < 200 && (v = map_u64(x, map, key, NULL)) < want; i++)
		msleep(10);
	msleep(100);
	return map_u64(x, map, key, NULL);
}

static int xdp_attached(int ifindex)
{
	struct ldr_xdp_state st;
	int err = ldr_xdp_query(ifindex, &st);

	ck_assert_msg(err == 0, "query: %s", ldr_errno_name(err));
	return st.attached;
}

/* ---- XDP through the library ---- */

static const enum ldr_xdp_mode xdp_modes[] = {LDR_XDP_NATIVE, LDR_XDP_SKB};

START_TEST(xdp_count_counts_exactly_the_frames_sent_and_detach_leaves_nothing)
{
	static const unsigned char src[4] = {10, 0, 0, 1};
	enum ldr_xdp_mode got = LDR_XDP_AUTO;
	struct loaded x;
	struct net n;
	struct diag d;
	struct ldr_xdp_state st;
	int err;

	load("xdp_count", NULL, &x);
	net_enter(&n);
	diag_init(&d);
	err = ldr_xdp_attach("xdp_count", n.b, first_prog(&x)->fd, xdp_modes[_i], 0, &got, &d);
	ck_assert_msg(err == 0, "attach: %s: %s", ldr_errno_name(err), diag_text(&d));
	ck_assert_int_eq(got, xdp_modes[_i]);
	ck_assert_int_eq(ldr_xdp_query(n.ifb, &st), 0);
	ck_assert_int_eq(st.attached,
			 xdp_modes[_i] == LDR_XDP_NATIVE ? XDP_ATTACHED_DRV : XDP_ATTACHED_SKB);
	ck_assert_uint_ne(st.prog_id, 0);

	frames_send(n.ifa, src, 37);
	ck_assert_uint_eq(counter_settle(&x, "counts", 0, 37), 37);

	ck_assert_int_eq(ldr_xdp_detach(n.ifb, got, first_prog(&x)->fd), 0);
	ck_assert_int_eq(xdp_attached(n.ifb), XDP_ATTACHED_NONE);
	frames_send(n.ifa, src, 5);
	msleep(100);
	ck_assert_uint_eq(map_u64(&x, "counts", 0, NULL), 37);
	diag_fini(&d);
	net_leave(&n);
	unload(&x);
}
END_TEST

START_TEST(xdp_drop_src_drops_exactly_the_frames_from_192_168_0_1)
{
	static const unsigned char bad[4] = {192, 168, 0, 1}, good[4] = {10, 0, 0, 7};
	enum ldr_xdp_mode got;
	unsigned char buf[256];
	struct loaded x;
	struct net n;
	struct diag d;
	int s, nbad = 0, ngood = 0, err;
	ssize_t r;

	load("xdp_drop_src", NULL, &x);
	net_enter(&n);
	diag_init(&d);
	err = ldr_xdp_attach("xdp_drop_src", n.b, first_prog(&x)->fd, LDR_XDP_AUTO, 0, &got, &d);
	ck_assert_msg(err == 0, "attach: %s", diag_text(&d));
	s = packet_socket(n.ifb); /* sees what XDP let through */

	frames_send(n.ifa, bad, 11);
	frames_send(n.ifa, good, 13);
	frames_send(n.ifa, bad, 4);
	ck_assert_uint_eq(counter_settle(&x, "drops", 0, 15), 15);
	while ((r = recv(s, buf, sizeof(buf), 0)) > 0 || (r < 0 && errno == EINTR)) {
		if (r < 34)
			continue;
		if (memcmp(buf + 26, bad, 4) == 0)
			nbad++;
		else if (memcmp(buf + 26, good, 4) == 0)
			ngood++;
	}
	ck_assert_int_eq(nbad, 0);
	ck_assert_int_eq(ngood, 13);
	close(s);
	ck_assert_int_eq(ldr_xdp_detach(n.ifb, got, first_prog(&x)->fd), 0);
	ck_assert_int_eq(xdp_attached(n.ifb), XDP_ATTACHED_NONE);
	diag_fini(&d);
	net_leave(&n);
	unload(&x);
}
END_TEST

START_TEST(xdp_auto_mode_takes_native_on_veth_and_refuses_a_second_program)
{
	enum ldr_xdp_mode got = LDR_XDP_AUTO, got2;
	struct loaded x, y;
	struct net n;
	struct diag d;
	char *msgs;
	int err;

	load("xdp_count", NULL, &x);
	load("xdp_drop_src", NULL, &y);
	net_enter(&n);
	diag_init(&d);
	ck_assert_int_eq(
		ldr_xdp_attach("xdp_count", n.b, first_prog(&x)->fd, LDR_XDP_AUTO, 0, &got, &d), 0);
	ck_assert_int_eq(got, LDR_XDP_NATIVE); /* veth has native XDP */

	/* Someone's program is there: refused, saying so, unless replacing is asked for. */
	err = ldr_xdp_attach("xdp_drop_src", n.b, first_prog(&y)->fd, LDR_XDP_NATIVE, 0, &got2, &d);
	ck_assert_int_eq(err, -EBUSY);
	msgs = diag_text(&d);
	ck_assert_msg(strstr(msgs, "prog 'xdp_drop_src': attach on ") && strstr(msgs, "(EBUSY)") &&
			      strstr(msgs, "the kernel says: ") && strstr(msgs, "--force"),
		      "%s", msgs);
	free(msgs);

	/* Detaching with the wrong expected program leaves the right one alone. */
	ck_assert_int_eq(ldr_xdp_detach(n.ifb, LDR_XDP_NATIVE, first_prog(&y)->fd), -EEXIST);
	ck_assert_int_eq(xdp_attached(n.ifb), XDP_ATTACHED_DRV);
	ck_assert_int_eq(ldr_xdp_attach("xdp_drop_src", n.b, first_prog(&y)->fd, LDR_XDP_NATIVE, 1,
					&got2, &d),
			 0);
	ck_assert_int_eq(ldr_xdp_detach(n.ifb, LDR_XDP_NATIVE, first_prog(&y)->fd), 0);
	ck_assert_int_eq(xdp_attached(n.ifb), XDP_ATTACHED_NONE);
	diag_fini(&d);
	net_leave(&n);
	unload(&y);
	unload(&x);
}
END_TEST

START_TEST(xdp_attach_names_a_missing_device_and_quotes_the_kernel)
{
	enum ldr_xdp_mode got;
	struct loaded x;
	struct diag d;
	char *msgs;

	load("xdp_count", NULL, &x);
	diag_init(&d);
	ck_assert_int_eq(ldr_xdp_attach("xdp_count", "nosuchdev0", first_prog(&x)->fd, LDR_XDP_AUTO,
					0, &got, &d),
			 -ENODEV);
	msgs = diag_text(&d);
	ck_assert_msg(strstr(msgs, "prog 'xdp_count': device 'nosuchdev0': ") &&
			      strstr(msgs, "(ENODEV)"),
		      "%s", msgs);
	free(msgs);
	diag_fini(&d);

	/* lo has no native XDP: the kernel's own words (extended ack) and a hint. */
	{
		struct net n;

		net_enter(&n);
		diag_init(&d);
		ck_assert_int_eq(ldr_xdp_attach("xdp_count", "lo", first_prog(&x)->fd,
						LDR_XDP_NATIVE, 0, &got, &d),
				 -EOPNOTSUPP);
		msgs = diag_text(&d);
		ck_assert_msg(strstr(msgs, "prog 'xdp_count': attach on lo (native mode): ") &&
				      strstr(msgs, "(EOPNOTSUPP): the kernel says: ") &&
				      strstr(msgs, "try --mode skb"),
			      "%s", msgs);
		free(msgs);
		diag_fini(&d);
		/* auto falls back to skb and says why. */
		diag_init(&d);
		ck_assert_int_eq(ldr_xdp_attach("xdp_count", "lo", first_prog(&x)->fd, LDR_XDP_AUTO,
						0, &got, &d),
				 0);
		ck_assert_int_eq(got, LDR_XDP_SKB);
		msgs = diag_text(&d);
		ck_assert_msg(strstr(msgs, "native XDP refused") && strstr(msgs, "using skb mode"),
			      "%s", msgs);
		free(msgs);
		diag_fini(&d);
		ck_assert_int_eq(ldr_xdp_detach(1, LDR_XDP_SKB, first_prog(&x)->fd), 0);
		net_leave(&n);
	}
	unload(&x);
}
END_TEST

/* ---- ebpf-load run: the command, its table, and Ctrl-C ---- */

struct child {
	pid_t pid;
	char out[512], err[512];
};

static void child_start(struct child *c, const char *args)
{
	static int seq; /* CK_FORK=no runs every test in one process */
	char *cmd;

	snprintf(c->out, sizeof(c->out), "%s/run-%ld-%d.out", tmpdir, (long)getpid(), seq);
	snprintf(c->err, sizeof(c->err), "%s/run-%ld-%d.err", tmpdir, (long)getpid(), seq++);
	ck_assert(asprintf(&cmd, "exec '%s' %s >'%s' 2>'%s'", tu_tool("ebpf-load"), args, c->out,
			   c->err) > 0);
	c->pid = fork();
	ck_assert(c->pid >= 0);
	if (c->pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	free(cmd);
}

/* Wait up to 5 s for @text in the child's stderr. */
static int child_says(const struct child *c, const char *text)
{
	for (int i = 0; i < 500; i++) {
		char *s = tu_read_file(c->err, NULL);
		int found = s && strstr(s, text);

		free(s);
		if (found)
			return 1;
		msleep(10);
	}
	return 0;
}

static int child_stop(struct child *c, int sig)
{
	int st;

	kill(c->pid, sig);
	ck_assert(waitpid(c->pid, &st, 0) == c->pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static const int stop_signals[] = {SIGINT, SIGTERM};

START_TEST(run_counts_the_frames_in_its_table_and_ctrl_c_leaves_nothing)
{
	static const unsigned char src[4] = {10, 0, 0, 1};
	struct child c;
	struct net n;
	char *args, *out, *err, *fin;
	unsigned long long v = 0;
	int rc;

	char *obj = assemble("xdp_count", NULL);
	net_enter(&n);
	ck_assert(asprintf(&args, "run '%s' --xdp %s --mode skb --watch counts --interval 100", obj,
			   n.b) > 0);
	child_start(&c, args);
	ck_assert_msg(child_says(&c, "running; Ctrl-C"), "ebpf-load run did not start");
	ck_assert_int_eq(xdp_attached(n.ifb), XDP_ATTACHED_SKB);
	frames_send(n.ifa, src, 23);
	msleep(300);
	rc = child_stop(&c, stop_signals[_i]);
	out = tu_read_file(c.out, NULL);
	err = tu_read_file(c.err, NULL);
	ck_assert_msg(rc == 0, "exit %d:\n%s", rc, err);
	ck_assert_msg(err && strstr(err, "prog 'xdp_count': attached to xdp ") &&
			      strstr(err, "(skb mode)") && strstr(err, "detaching from xdp"),
		      "%s", err);
	ck_assert_msg(out && (fin = strstr(out, "# final\n")) != NULL, "no final table:\n%s", out);
	fin = strstr(fin, "\ncounts ");
	ck_assert_msg(fin && sscanf(fin, "\ncounts %*s %llu", &v) == 1, "%s", out);
	ck_assert_uint_eq(v, 23);
	ck_assert_msg(strstr(out, "MAP ") && strstr(out, "DELTA") && strstr(out, "+23"), "%s", out);
	/* Nothing left behind: no program on the device. */
	ck_assert_int_eq(xdp_attached(n.ifb), XDP_ATTACHED_NONE);
	free(out);
	free(err);
	free(args);
	free(obj);
	net_leave(&n);
}
END_TEST

START_TEST(run_trace_streams_bpf_trace_printk_from_its_own_instance)
{
	static const unsigned char src[4] = {192, 168, 0, 1};
	struct child c;
	struct net n;
	char *args, *out, *err;
	int rc;

	char *obj = assemble("xdp_trace_ipv4", NULL);
	net_enter(&n);
	ck_assert(asprintf(&args, "run '%s' --xdp %s --trace", obj, n.b) > 0);
	child_start(&c, args);
	ck_assert_msg(child_says(&c, "running; Ctrl-C"), "ebpf-load run did not start");
	frames_send(n.ifa, src, 3);
	msleep(500);
	rc = child_stop(&c, SIGINT);
	out = tu_read_file(c.out, NULL);
	err = tu_read_file(c.err, NULL);
	ck_assert_msg(rc == 0, "exit %d:\n%s", rc, err);
	ck_assert_msg(out && strstr(out, "src c0a80001 dst c0a80002 proto 17"), "stdout:\n%s", out);
	/* The instance went with the process. */
	ck_assert_int_ne(
		tu_runf(NULL, "ls -d /sys/kernel/tracing/instances/ebpf-load-%ld", (long)c.pid), 0);
	free(out);
	free(err);
	free(args);
	free(obj);
	net_leave(&n);
}
END_TEST

/* `ebpf-load run OBJ --xdp lo` as nobody without capabilities (a copy nobody can read). */
static int run_unprivileged(char **out, const char *obj)
{
	return tu_runf(out,
		       "cp '%s' /tmp/ebpf-load-eperm-%ld.o && setpriv --reuid=65534 "
		       "--regid=65534 --clear-groups '%s' run /tmp/ebpf-load-eperm-%ld.o "
		       "--xdp lo; rc=$?; rm -f /tmp/ebpf-load-eperm-%ld.o; exit $rc",
		       obj, (long)getpid(), tu_tool("ebpf-load"), (long)getpid(), (long)getpid());
}

START_TEST(run_reports_usage_and_input_errors_with_exit_2)
{
	char *out = NULL, *obj = assemble("xdp_count", NULL);
	int rc;

	rc = tu_runf(&out, "'%s' run '%s'", tu_tool("ebpf-load"), obj);
	ck_assert_msg(rc == 2 && strstr(out, "prog 'xdp_count': section 'xdp' attaches to a "
					     "device: give --xdp DEV"),
		      "exit %d: %s", rc, out);
	free(out);
	rc = tu_runf(&out, "'%s' run '%s' --xdp nosuchdev0", tu_tool("ebpf-load"), obj);
	ck_assert_msg(rc == 2 && strstr(out, "device 'nosuchdev0'") && strstr(out, "ENODEV"),
		      "exit %d: %s", rc, out);
	free(out);
	rc = tu_runf(&out, "'%s' run '%s' --xdp lo --watch nosuchmap", tu_tool("ebpf-load"), obj);
	ck_assert_msg(rc == 2 && strstr(out, "--watch: no map 'nosuchmap'") &&
			      strstr(out, "map 'counts' is there"),
		      "exit %d: %s", rc, out);
	free(out);
	rc = tu_runf(&out, "'%s' run /nonexistent.o", tu_tool("ebpf-load"));
	ck_assert_msg(rc == 2, "exit %d: %s", rc, out);
	free(out);
	rc = tu_runf(&out, "'%s' run '%s' --mode fast --xdp lo", tu_tool("ebpf-load"), obj);
	ck_assert_msg(rc == 2 && strstr(out, "--mode"), "exit %d: %s", rc, out);
	free(out);
	if (tu_have("setpriv")) {
		/* Without privileges: EPERM, named, with the hint on the same line (not while
		 * check_verifier lets users load: tu_unpriv_lock) */
		int lock = tu_unpriv_lock();

		rc = run_unprivileged(&out, obj);
		ck_assert_msg(rc == 1 &&
				      strstr(out, "map 'counts': create: Operation not permitted "
						  "(EPERM): run as root or with CAP_BPF (this "
						  "process lacks CAP_BPF)") &&
				      strstr(out, "BTF: load: Operation not permitted (EPERM): run "
						  "as root or with CAP_BPF"),
			      "exit %d: %s", rc, out);
		free(out);
		/* A program: XDP needs CAP_NET_ADMIN besides. */
		free(obj);
		obj = assemble("eperm_prog", "\t.section xdp\n\t.globl nomaps\n"
					     "\t.type nomaps, @function\nnomaps:\n\tw0 = 2\n"
					     "\texit\n\t.size nomaps, .-nomaps\n");
		rc = run_unprivileged(&out, obj);
		ck_assert_msg(rc == 1 &&
				      strstr(out, "prog 'nomaps': load: Operation not permitted "
						  "(EPERM): run as root or with CAP_BPF, "
						  "CAP_PERFMON and CAP_NET_ADMIN (this process "
						  "lacks CAP_BPF, CAP_PERFMON and CAP_NET_ADMIN)"),
			      "exit %d: %s", rc, out);
		free(out);
		tu_unpriv_unlock(lock);
	}
	rc = tu_runf(&out, "'%s' frobnicate", tu_tool("ebpf-load"));
	ck_assert_msg(rc == 2 && strstr(out, "unknown command 'frobnicate'"), "exit %d: %s", rc,
		      out);
	free(out);
	free(obj);
}
END_TEST

START_TEST(run_reports_a_verifier_refusal_with_exit_1)
{
	static const char *src = "\t.section xdp\n"
				 "\t.globl bad\n"
				 "\t.type bad, @function\n"
				 "bad:\n"
				 "\tr0 = *(u64 *)(r10 + 8)\n"
				 "\texit\n"
				 "\t.size bad, .-bad\n";
	char *out = NULL, *obj = assemble("bad", src);
	int rc = tu_runf(&out, "'%s' run '%s' --xdp lo", tu_tool("ebpf-load"), obj);

	ck_assert_msg(rc == 1 && strstr(out, "prog 'bad': load: ") && strstr(out, "(EACCES)") &&
			      strstr(out, "invalid read from stack") && strstr(out, "bad.s:5:"),
		      "exit %d: %s", rc, out);
	free(out);
	/* --verify: the simulation refuses it first with the kernel's words; the kernel is
	 * not asked (no "load:" error) and lo gets no program */
	rc = tu_runf(&out, "'%s' run '%s' --verify --xdp lo", tu_tool("ebpf-load"), obj);
	ck_assert_msg(rc == 1 && strstr(out, "bad: rejected") &&
			      strstr(out, "bad.s:5:2: error: invalid read from stack") &&
			      !strstr(out, "load: "),
		      "exit %d: %s", rc, out);
	free(out);
	ck_assert_int_eq(xdp_attached((int)if_nametoindex("lo")), XDP_ATTACHED_NONE);
	free(obj);
}
END_TEST

START_TEST(run_kprobe_and_malformed_objects_and_log_file)
{
	char *out = NULL, *kp = assemble("kprobe_execve_count", NULL), *bad, *log, *text;
	int rc;

	/* The kprobe: exit 1 (the kernel cannot), the reason on stderr, nothing attached. */
	rc = tu_runf(&out, "'%s' run '%s' --duration 1", tu_tool("ebpf-load"), kp);
	if (ldr_pmu_type("kprobe", NULL) == -ENOENT &&
	    access("/sys/kernel/tracing/kprobe_events", F_OK) != 0)
		ck_assert_msg(rc == 1 &&
				      strstr(out, "ebpf-load: error: prog 'kprobe_execve_count': "
						  "kprobe __x64_sys_execve: kprobes are not "
						  "available in this kernel"),
			      "exit %d: %s", rc, out);
	else
		ck_assert_msg(rc == 0, "exit %d: %s", rc, out);
	free(out);
	/* Under --json the same error is one JSON object. */
	rc = tu_runf(&out, "'%s' run '%s' --duration 1 --json 2>&1 >/dev/null",
		     tu_tool("ebpf-load"), kp);
	if (rc == 1)
		ck_assert_msg(strstr(out, "{\"type\":\"diagnostic\",\"level\":\"error\","
					  "\"message\":\"prog 'kprobe_execve_count': kprobe "),
			      "%s", out);
	free(out);

	/* A truncated object and one that is not ELF: a clear error, exit 2, no crash. */
	ck_assert(asprintf(&bad, "%s/truncated.o", tmpdir) > 0);
	rc = tu_runf(NULL, "head -c 200 '%s' > '%s'", kp, bad);
	ck_assert_int_eq(rc, 0);
	rc = tu_runf(&out, "'%s' run '%s'", tu_tool("ebpf-load"), bad);
	ck_assert_msg(rc == 2 && strstr(out, "error: "), "exit %d: %s", rc, out);
	free(out);
	rc = tu_runf(&out, "'%s' load /etc/hostname --pin '%s/x'", tu_tool("ebpf-load"), pinroot);
	ck_assert_msg(rc == 2 && strstr(out, "error: "), "exit %d: %s", rc, out);
	free(out);

	/* --log FILE: the full verifier log of every program. */
	ck_assert(asprintf(&log, "%s/verifier.log", tmpdir) > 0);
	rc = tu_runf(&out, "'%s' run '%s' --log '%s' --log-level 2 --duration 1",
		     tu_tool("ebpf-load"), kp, log);
	text = tu_read_file(log, NULL);
	ck_assert_msg(text && strstr(text, "=== prog 'kprobe_execve_count' (accepted) ===") &&
			      strstr(text, "processed "),
		      "%s", text ? text : "(no log)");
	free(text);
	free(out);
	free(log);
	free(bad);
	free(kp);
}
END_TEST

/* Two `ebpf-load trace` readers at once: each has its own instance, both get every line. */
START_TEST(trace_readers_each_get_every_printk_line)
{
	static const unsigned char src[4] = {192, 168, 0, 1};
	struct child c1, c2;
	enum ldr_xdp_mode got;
	struct loaded x;
	struct net n;
	struct diag d;
	char *o1, *o2;
	int rc1, rc2;

	load("xdp_trace_ipv4", NULL, &x);
	net_enter(&n);
	diag_init(&d);
	ck_assert_int_eq(
		ldr_xdp_attach("xdp_trace_ipv4", n.b, first_prog(&x)->fd, LDR_XDP_SKB, 0, &got, &d),
		0);
	child_start(&c1, "trace");
	child_start(&c2, "trace --json");
	msleep(300); /* both instances exist before the first line */
	frames_send(n.ifa, src, 2);
	msleep(300);
	rc1 = child_stop(&c1, SIGINT);
	rc2 = child_stop(&c2, SIGTERM);
	o1 = tu_read_file(c1.out, NULL);
	o2 = tu_read_file(c2.out, NULL);
	ck_assert_int_eq(rc1, 0);
	ck_assert_int_eq(rc2, 0);
	ck_assert_msg(o1 && strstr(o1, "src c0a80001 dst c0a80002 proto 17") &&
			      strstr(strstr(o1, "proto 17") + 1, "src c0a80001"),
		      "reader 1:\n%s", o1);
	ck_assert_msg(o2 && strstr(o2, "{\"trace\":\"") && strstr(o2, "src c0a80001 dst c0a80002"),
		      "reader 2:\n%s", o2);
	free(o1);
	free(o2);
	ck_assert_int_eq(ldr_xdp_detach(n.ifb, got, first_prog(&x)->fd), 0);
	diag_fini(&d);
	net_leave(&n);
	unload(&x);
}
END_TEST

/* run with a tracepoint program: the table counts this process's calls, keyed by its pid. */
START_TEST(run_tracepoint_program_table_counts_this_process)
{
	char *src = count_pid_src("tracepoint/syscalls/sys_enter_getppid");
	char *obj = assemble("tp_run", src), *args, *out, *fin, line[64];
	struct child c;
	int rc;

	ck_assert(asprintf(&args, "run '%s' --watch counts --interval 100", obj) > 0);
	child_start(&c, args);
	ck_assert_msg(child_says(&c, "running; Ctrl-C"), "ebpf-load run did not start");
	for (int i = 0; i < 17; i++)
		syscall(SYS_getppid);
	msleep(250);
	rc = child_stop(&c, SIGINT);
	out = tu_read_file(c.out, NULL);
	ck_assert_msg(rc == 0, "exit %d", rc);
	ck_assert_msg(out && (fin = strstr(out, "# final\n")) != NULL, "%s", out);
	snprintf(line, sizeof(line), "\ncounts           %-20ld 17 ", (long)getpid());
	ck_assert_msg(strstr(fin, line), "no '%s' in:\n%s", line + 1, out);
	free(out);
	free(args);
	free(obj);
	free(src);
}
END_TEST

/* SIGKILL gives run no chance to detach: its record lets `clean` do it afterwards. */
START_TEST(run_killed_with_sigkill_is_cleaned_up_by_clean)
{
	char *obj = assemble("xdp_count", NULL), *args, *out = NULL;
	struct child c;
	struct net n;
	int rc;

	net_enter(&n);
	ck_assert(asprintf(&args, "run '%s' --xdp %s", obj, n.b) > 0);
	child_start(&c, args);
	ck_assert_msg(child_says(&c, "running; Ctrl-C"), "ebpf-load run did not start");
	/* While it runs, clean leaves its program alone. */
	rc = tu_runf(&out, "'%s' clean", tu_tool("ebpf-load"));
	ck_assert_msg(rc == 0 && !strstr(out, "detached"), "exit %d: %s", rc, out);
	free(out);
	ck_assert_int_eq(xdp_attached(n.ifb), XDP_ATTACHED_DRV);
	child_stop(&c, SIGKILL);
	ck_assert_int_eq(xdp_attached(n.ifb), XDP_ATTACHED_DRV); /* left behind */
	rc = tu_runf(&out, "'%s' clean", tu_tool("ebpf-load"));
	ck_assert_msg(rc == 0 && strstr(out, "detached xdp program ") && strstr(out, n.b),
		      "exit %d: %s", rc, out);
	free(out);
	ck_assert_int_eq(xdp_attached(n.ifb), XDP_ATTACHED_NONE);
	free(args);
	free(obj);
	net_leave(&n);
}
END_TEST

/* ---- tracing ---- */

static void attach_ok(const struct loaded *x, const struct ldr_attach_opts *ao,
		      struct ldr_link **lk)
{
	struct diag d;
	int err;

	diag_init(&d);
	err = ldr_prog_attach(x->o, first_prog(x), ao, lk, &d);
	if (err) {
		char *m = diag_text(&d);
		ck_abort_msg("attach: %s\n%s", ldr_errno_name(err), m);
	}
	diag_fini(&d);
}

START_TEST(raw_tracepoint_sys_enter_counts_this_process_syscalls)
{
	struct ldr_link *lk;
	struct loaded x;
	uint64_t before;
	int found;

	load("rtp_syscall_count", NULL, &x);
	attach_ok(&x, NULL, &lk);
	ck_assert_str_eq(lk->desc, "raw_tracepoint sys_enter");
	before = map_u64(&x, "counts", (uint32_t)getpid(), &found);
	for (int i = 0; i < 100; i++)
		syscall(SYS_getppid);
	ck_assert_uint_ge(map_u64(&x, "counts", (uint32_t)getpid(), NULL), before + 100);
	ck_assert_int_eq(ldr_link_detach(lk, NULL), 0);
	before = map_u64(&x, "counts", (uint32_t)getpid(), NULL);
	for (int i = 0; i < 10; i++)
		syscall(SYS_getppid);
	ck_assert_uint_eq(map_u64(&x, "counts", (uint32_t)getpid(), NULL), before);
	unload(&x);
}
END_TEST

START_TEST(tracepoint_sys_enter_getppid_fires_once_per_call)
{
	char *src = count_pid_src("tracepoint/syscalls/sys_enter_getppid");
	struct ldr_link *lk;
	struct loaded x;
	int found;

	load("tp_getppid", src, &x);
	attach_ok(&x, NULL, &lk);
	ck_assert_str_eq(lk->desc, "tracepoint syscalls/sys_enter_getppid");
	map_u64(&x, "counts", (uint32_t)getpid(), &found);
	ck_assert(!found);
	for (int i = 0; i < 42; i++)
		syscall(SYS_getppid);
	ck_assert_uint_eq(map_u64(&x, "counts", (uint32_t)getpid(), NULL), 42);
	ck_assert_int_eq(ldr_link_detach(lk, NULL), 0);
	syscall(SYS_getppid);
	ck_assert_uint_eq(map_u64(&x, "counts", (uint32_t)getpid(), NULL), 42);
	unload(&x);
	free(src);
}
END_TEST

START_TEST(tracepoint_that_does_not_exist_is_named)
{
	char *src = count_pid_src("tracepoint/syscalls/sys_enter_nosuchcall");
	struct ldr_link *lk;
	struct loaded x;
	struct diag d;
	char *m;

	load("tp_nosuch", src, &x);
	diag_init(&d);
	ck_assert_int_eq(ldr_prog_attach(x.o, first_prog(&x), NULL, &lk, &d), -ENOENT);
	m = diag_text(&d);
	ck_assert_msg(strstr(m, "prog 'count_pid': tracepoint syscalls/sys_enter_nosuchcall: ") &&
			      strstr(m, "(ENOENT): no such tracepoint"),
		      "%s", m);
	free(m);
	diag_fini(&d);
	unload(&x);
	free(src);
}
END_TEST

/*
 * uprobe and uretprobe on load_target_function() of tests/check_load_target, a binary of
 * this test suite: process i calls it 3 + i times, and the per-process counts say exactly
 * that. A uprobe with --pid (opts.uprobe_pid) fires in that process only.
 */
static const char *const uprobe_kinds[] = {"uprobe", "uretprobe"};

static pid_t target_run(const char *exe, int calls)
{
	char arg[16];
	pid_t pid;
	int st;

	snprintf(arg, sizeof(arg), "%d", calls);
	pid = fork();
	ck_assert(pid >= 0);
	if (pid == 0) {
		execl(exe, exe, arg, (char *)NULL);
		_exit(127);
	}
	ck_assert(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return pid;
}

START_TEST(uprobe_on_a_function_of_a_test_binary_fires_once_per_call)
{
	char exe[4096], *sec, *src;
	struct ldr_link *lk;
	struct loaded x;
	pid_t pids[3];
	int found;

	ck_assert(realpath(tu_tool("tests/check_load_target"), exe) != NULL);
	ck_assert(asprintf(&sec, "%s/%s:load_target_function", uprobe_kinds[_i], exe) > 0);
	src = count_pid_src(sec);
	load(uprobe_kinds[_i], src, &x);
	attach_ok(&x, NULL, &lk);
	ck_assert_msg(strstr(lk->desc, ":load_target_function"), "%s", lk->desc);
	for (int i = 0; i < 3; i++)
		pids[i] = target_run(exe, 3 + i);
	for (int i = 0; i < 3; i++)
		ck_assert_uint_eq(map_u64(&x, "counts", (uint32_t)pids[i], NULL), 3 + i);
	ck_assert_int_eq(ldr_link_detach(lk, NULL), 0);
	pids[0] = target_run(exe, 2);
	map_u64(&x, "counts", (uint32_t)pids[0], &found); /* detached: no entry for it */
	ck_assert(!found);
	unload(&x);
	free(src);
	free(sec);
}
END_TEST

/* A uprobe for one process: a process started under it as its first child is the
 * target; the function's offset is given as PATH:FUNC+0. */
START_TEST(uprobe_with_a_pid_fires_in_that_process_only)
{
	struct ldr_attach_opts ao = {.uprobe_pid = 0};
	char exe[4096], *sec, *src;
	struct ldr_link *lk;
	struct loaded x;
	int found, go[2], st;
	pid_t mine, other;

	ck_assert(realpath(tu_tool("tests/check_load_target"), exe) != NULL);
	ck_assert(asprintf(&sec, "uprobe/%s:load_target_function+0", exe) > 0);
	src = count_pid_src(sec);
	load("uprobe_pid", src, &x);
	/* The target waits on a pipe until the probe is in place, then execs. */
	ck_assert_int_eq(pipe(go), 0);
	mine = fork();
	ck_assert(mine >= 0);
	if (mine == 0) {
		char c;

		close(go[1]);
		if (read(go[0], &c, 1) != 1)
			_exit(126);
		execl(exe, exe, "5", (char *)NULL);
		_exit(127);
	}
	close(go[0]);
	ao.uprobe_pid = mine;
	attach_ok(&x, &ao, &lk);
	ck_assert_int_eq(write(go[1], "g", 1), 1);
	close(go[1]);
	ck_assert(waitpid(mine, &st, 0) == mine && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	other = target_run(exe, 4);
	ck_assert_uint_eq(map_u64(&x, "counts", (uint32_t)mine, NULL), 5);
	map_u64(&x, "counts", (uint32_t)other, &found);
	ck_assert_msg(!found, "the probe fired in another process");
	ck_assert_int_eq(ldr_link_detach(lk, NULL), 0);
	unload(&x);
	free(src);
	free(sec);
}
END_TEST

START_TEST(kprobe_attach_says_what_this_kernel_lacks)
{
	struct ldr_link *lk = NULL;
	struct loaded x;
	struct diag d;
	int pmu = ldr_pmu_type("kprobe", NULL), err;
	char *m;

	load("kprobe_execve_count", NULL, &x);
	diag_init(&d);
	err = ldr_prog_attach(x.o, first_prog(&x), NULL, &lk, &d);
	m = diag_text(&d);
	if (pmu == -ENOENT && access("/sys/kernel/tracing/kprobe_events", F_OK) != 0) {
		/* The kernel's answer: no kprobe PMU, no kprobe_events. */
		ck_assert_int_eq(err, -EOPNOTSUPP);
		ck_assert_msg(strstr(m, "prog 'kprobe_execve_count': kprobe __x64_sys_execve: "
					"kprobes are not available in this kernel (CONFIG_KPROBES "
					"off): no kprobe PMU and no kprobe_events"),
			      "%s", m);
	} else {
		ck_assert_msg(err == 0, "kprobes are here, yet: %s", m);
		ldr_link_detach(lk, NULL);
	}
	free(m);
	diag_fini(&d);
	unload(&x);
}
END_TEST

START_TEST(kernel_symbols_resolve_syscall_wrappers)
{
	char sym[256];

	ck_assert_int_eq(ldr_ksym_resolve("sys_getppid", sym, sizeof(sym)), 0);
	ck_assert_str_eq(sym, "__x64_sys_getppid");
	ck_assert_int_eq(ldr_ksym_resolve("getppid", sym, sizeof(sym)), 0);
	ck_assert_str_eq(sym, "__x64_sys_getppid");
	ck_assert_int_eq(ldr_ksym_resolve("__x64_sys_getppid", sym, sizeof(sym)), 0);
	ck_assert_str_eq(sym, "__x64_sys_getppid");
	ck_assert_int_eq(ldr_ksym_resolve("no_such_kernel_function_xyz", sym, sizeof(sym)),
			 -ENOENT);

	/* A function the compiler cloned: its plain name finds a clone ("NAME.isra.N"). */
	{
		char line[512], base[256] = "", clone[256];
		FILE *f = fopen("/proc/kallsyms", "r");

		ck_assert(f != NULL);
		while (!base[0] && fgets(line, sizeof(line), f)) {
			char *dot;

			if (sscanf(line, "%*s %*c %255s", clone) != 1 || strchr(clone, '[') ||
			    strncmp(clone, "__pfx_", 6) == 0 || !(dot = strstr(clone, ".isra.")))
				continue;
			snprintf(base, sizeof(base), "%.*s", (int)(dot - clone), clone);
		}
		fclose(f);
		if (base[0]) {
			ck_assert_int_eq(ldr_ksym_resolve(base, sym, sizeof(sym)), 0);
			ck_assert_msg(strcmp(sym, base) == 0 ||
					      (strncmp(sym, base, strlen(base)) == 0 &&
					       sym[strlen(base)] == '.'),
				      "%s -> %s", base, sym);
		}
	}
}
END_TEST

START_TEST(elf_function_offsets_come_from_the_symbol_table)
{
	char exe[4096];
	uint64_t off = 0;

	ck_assert(realpath(tu_tool("ebpf-load"), exe) != NULL);
	ck_assert_int_eq(ldr_elf_func_offset(exe, "main", &off), 0);
	ck_assert_uint_gt(off, 0);
	ck_assert_int_eq(ldr_elf_func_offset(exe, "no_such_function_xyz", &off), -ENOENT);
	ck_assert_int_eq(ldr_elf_func_offset("/etc/hostname", "main", &off), -ENOEXEC);
	ck_assert_int_eq(ldr_elf_func_offset("/nonexistent", "main", &off), -ENOENT);
}
END_TEST

/* ---- socket filters ---- */

START_TEST(socket_filter_sees_every_datagram_and_drops_it)
{
	static const char *src = "\t.license \"GPL\"\n"
				 "\t.map counts, array, key=4, value=8, entries=1\n"
				 "\t.section socket\n"
				 "\t.globl sock_count\n"
				 "\t.type sock_count, @function\n"
				 "sock_count:\n"
				 "\tw1 = 0\n"
				 "\t*(u32 *)(r10 - 4) = r1\n"
				 "\tr2 = r10\n"
				 "\tr2 += -4\n"
				 "\tr1 = counts ll\n"
				 "\tcall bpf_map_lookup_elem\n"
				 "\tif r0 == 0 goto out\n"
				 "\tr1 = 1\n"
				 "\tlock *(u64 *)(r0 + 0) += r1\n"
				 "out:\n"
				 "\tw0 = 0\n"
				 "\texit\n"
				 "\t.size sock_count, .-sock_count\n";
	struct loaded x;
	int sv[2];
	char b[16];

	load("sock_count", src, &x);
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0, sv), 0);
	ck_assert_int_eq(ldr_socket_attach(sv[1], first_prog(&x)->fd), 0);
	for (int i = 0; i < 9; i++)
		ck_assert_int_eq(send(sv[0], "hello", 5, 0), 5);
	ck_assert_int_eq(recv(sv[1], b, sizeof(b), 0), -1);
	ck_assert_int_eq(errno, EAGAIN);
	ck_assert_uint_eq(map_u64(&x, "counts", 0, NULL), 9);
	close(sv[0]);
	close(sv[1]);
	unload(&x);
}
END_TEST

/* ---- load --pin, map, attach, show, detach, clean ---- */

START_TEST(pins_maps_attach_show_detach_and_clean)
{
	static const unsigned char src[4] = {10, 0, 0, 1};
	char *obj = assemble("xdp_count", NULL), *out = NULL, *dir;
	const char *el = tu_tool("ebpf-load");
	struct net n;
	int rc;

	ck_assert(asprintf(&dir, "%s/pins", pinroot) > 0);
	rc = tu_runf(&out, "'%s' load '%s' --verify --pin '%s'", el, obj, dir);
	ck_assert_msg(rc == 0 && strstr(out, "xdp_count: accepted (11 instructions processed)") &&
			      strstr(out, "/pins/xdp_count\n") &&
			      strstr(out, "/pins/maps/counts\n"),
		      "exit %d: %s", rc, out);
	free(out);

	rc = tu_runf(&out,
		     "'%s' map update '%s/maps/counts' 0 41 && '%s' map lookup '%s/maps/counts' 0",
		     el, dir, el, dir);
	ck_assert_msg(rc == 0 && strstr(out, "key 0 value 41\n"), "exit %d: %s", rc, out);
	free(out);
	rc = tu_runf(&out, "'%s' map lookup '%s/maps/counts' 5", el, dir);
	ck_assert_msg(rc == 1 && strstr(out, "map 'counts': lookup: ") && strstr(out, "ENOENT"),
		      "exit %d: %s", rc, out);
	free(out);
	rc = tu_runf(&out, "'%s' map lookup '%s/maps/counts' 123456789012", el, dir);
	ck_assert_msg(rc == 2 && strstr(out, "is not 4 bytes"), "exit %d: %s", rc, out);
	free(out);

	net_enter(&n);
	rc = tu_runf(&out, "'%s' attach xdp %s '%s/xdp_count' --mode skb", el, n.b, dir);
	ck_assert_msg(rc == 0 && strstr(out, "xdp skb mode, prog id "), "exit %d: %s", rc, out);
	free(out);
	ck_assert_int_eq(xdp_attached(n.ifb), XDP_ATTACHED_SKB);
	frames_send(n.ifa, src, 8);
	msleep(200);
	rc = tu_runf(&out, "'%s' map dump '%s/maps/counts' --json", el, dir);
	ck_assert_msg(rc == 0 && strstr(out, "{\"key\":0,\"value\":49}"), "exit %d: %s", rc, out);
	free(out);
	rc = tu_runf(&out, "'%s' show", el);
	ck_assert_msg(rc == 0 && strstr(out, n.b) && strstr(out, " skb ") &&
			      strstr(out, "xdp_count") && strstr(out, " yes\n"),
		      "exit %d: %s", rc, out);
	free(out);
	/* clean detaches what attach attached (still ours), and says so. */
	rc = tu_runf(&out, "'%s' clean", el);
	ck_assert_msg(rc == 0 && strstr(out, "detached xdp program ") && strstr(out, n.b),
		      "exit %d: %s", rc, out);
	free(out);
	ck_assert_int_eq(xdp_attached(n.ifb), XDP_ATTACHED_NONE);

	/* detach: the mode is found by asking the device. */
	rc = tu_runf(&out, "'%s' attach xdp %s '%s/xdp_count' && '%s' detach xdp %s", el, n.b, dir,
		     el, n.b);
	ck_assert_msg(rc == 0 && strstr(out, "xdp native mode"), "exit %d: %s", rc, out);
	free(out);
	ck_assert_int_eq(xdp_attached(n.ifb), XDP_ATTACHED_NONE);
	net_leave(&n);

	rc = tu_runf(&out, "'%s' clean --pin '%s'", el, dir);
	ck_assert_msg(rc == 0 && access(dir, F_OK) != 0, "exit %d: %s", rc, out);
	free(out);

	/* Never a whole bpffs: checked on a bpffs of its own in a private mount namespace,
	 * so that a regression cannot empty the real one. */
	if (tu_have("unshare")) {
		rc = tu_runf(&out,
			     "unshare -m sh -c \"mount -t bpf bpf '%s' && mkdir '%s/keep' && "
			     "'%s' clean --pin '%s/'; rc=\\$?; test -d '%s/keep' || rc=99; "
			     "exit \\$rc\"",
			     tmpdir, tmpdir, el, tmpdir, tmpdir);
		ck_assert_msg(rc == 2 && strstr(out, "is a bpffs mount point"), "exit %d: %s", rc,
			      out);
		free(out);
	}
	free(dir);
	free(obj);
}
END_TEST

START_TEST(probe_lists_what_the_kernel_supports)
{
	char *out = NULL;
	int rc = tu_runf(&out, "'%s' probe", tu_tool("ebpf-load"));

	ck_assert_msg(rc == 0 && strstr(out, "prog_type xdp                              yes\n") &&
			      strstr(out, "map_type  hash                             yes\n") &&
			      strstr(out, "helper    bpf_map_lookup_elem              yes\n") &&
			      strstr(out, "attach    cgroup_inet_ingress              yes\n") &&
			      strstr(out, "uprobe PMU yes"),
		      "exit %d: %s", rc, out);
	free(out);
}
END_TEST

/* ---- pinned-map reuse ---- */

static char *pinned_src(const char *def)
{
	char *s;

	ck_assert(asprintf(&s,
			   "\t.license \"GPL\"\n"
			   "\t.map shared, %s, pinning=by_name\n"
			   "\t.section xdp\n"
			   "\t.globl pinned\n"
			   "\t.type pinned, @function\n"
			   "pinned:\n"
			   "\tr1 = shared ll\n"
			   "\tw0 = 2\n"
			   "\texit\n"
			   "\t.size pinned, .-pinned\n",
			   def) > 0);
	return s;
}

static int load_pinned(const char *name, const char *src, const char *root, struct loaded *x,
		       char **msgs)
{
	struct ldr_opts opts = {.pin_root = root};
	struct diag d;
	int err;

	x->path = assemble(name, src);
	diag_init(&d);
	ck_assert_int_eq(obj_read_file(x->path, &x->o, &d), 0);
	err = ldr_obj_load(x->o, &opts, &x->l, &d);
	*msgs = diag_text(&d);
	diag_fini(&d);
	return err;
}

START_TEST(pinned_by_name_maps_are_reused_and_a_mismatch_names_every_field)
{
	char *src = pinned_src("hash, key=4, value=8, entries=16");
	char *bad = pinned_src("array, key=4, value=4, entries=8");
	char *root, *pin, *m;
	struct loaded x, y, z;
	struct ldr_map_info i1, i2;
	uint32_t k = 3;
	uint64_t v = 99, got = 0;

	ck_assert(asprintf(&root, "%s/reuse", pinroot) > 0);
	ck_assert(asprintf(&pin, "%s/shared", root) > 0);
	ck_assert_int_eq(ldr_bpffs_prepare(root, NULL), 0);

	ck_assert_int_eq(load_pinned("pinned1", src, root, &x, &m), 0);
	free(m);
	ck_assert_int_eq(access(pin, F_OK), 0); /* created and pinned */
	ck_assert_int_eq(load_pinned("pinned2", src, root, &y, &m), 0);
	free(m);
	ck_assert_int_eq(ldr_map_info(ldr_loaded_map_find(x.l, "shared")->fd, &i1), 0);
	ck_assert_int_eq(ldr_map_info(ldr_loaded_map_find(y.l, "shared")->fd, &i2), 0);
	ck_assert_uint_eq(i1.id, i2.id); /* the same map */
	ck_assert_int_eq(ldr_map_update(ldr_loaded_map_find(x.l, "shared")->fd, &k, &v, 0), 0);
	ck_assert_int_eq(ldr_map_lookup(ldr_loaded_map_find(y.l, "shared")->fd, &k, &got), 0);
	ck_assert_uint_eq(got, 99);

	ck_assert_int_eq(load_pinned("pinned3", bad, root, &z, &m), -EINVAL);
	ck_assert_msg(strstr(m, "map 'shared': the map pinned at ") &&
			      strstr(m, "type: pinned hash, object array") &&
			      strstr(m, "value size: pinned 8, object 4") &&
			      strstr(m, "max entries: pinned 16, object 8") &&
			      !strstr(m, "key size") && strstr(m, "remove the pin"),
		      "%s", m);
	free(m);
	unload(&z);
	unload(&y);
	unload(&x);
	tu_rmrf(root);
	free(pin);
	free(root);
	free(bad);
	free(src);
}
END_TEST

/* The tracefs fallback of uprobes (what kprobes use where the PMU is missing): a
 * uprobe_events event of our group, removed again on detach. */
START_TEST(legacy_uprobe_event_fires_and_is_removed_on_detach)
{
	struct ldr_attach_opts ao = {.uprobe_pid = -1, .legacy_probes = 1};
	char exe[4096], ev[256], *sec, *src, *events;
	struct ldr_link *l;
	struct loaded x;
	pid_t pid;

	ck_assert(realpath(tu_tool("tests/check_load_target"), exe) != NULL);
	ck_assert(asprintf(&sec, "uprobe/%s:load_target_function", exe) > 0);
	src = count_pid_src(sec);
	load("uprobe_legacy", src, &x);
	attach_ok(&x, &ao, &l);
	ck_assert_int_eq(l->kind, LDR_LINK_PROBE);
	ck_assert_msg(strncmp(l->event, "ebpf_load_", 10) == 0, "%s", l->event);
	snprintf(ev, sizeof(ev), "%s", l->event);
	events = tu_read_file("/sys/kernel/tracing/uprobe_events", NULL);
	ck_assert_msg(events && strstr(events, l->event), "%s", events);
	free(events);

	pid = target_run(exe, 2);
	ck_assert_uint_eq(map_u64(&x, "counts", (uint32_t)pid, NULL), 2);
	ck_assert_int_eq(ldr_link_detach(l, NULL), 0);
	events = tu_read_file("/sys/kernel/tracing/uprobe_events", NULL);
	ck_assert_msg(events && !strstr(events, ev), "%s", events);
	free(events);
	unload(&x);
	free(src);
	free(sec);
}
END_TEST

START_TEST(run_json_and_socket_filter_on_a_device)
{
	static const char *src = "\t.license \"GPL\"\n"
				 "\t.map counts, array, key=4, value=8, entries=1\n"
				 "\t.section socket\n"
				 "\t.globl sock_count\n"
				 "\t.type sock_count, @function\n"
				 "sock_count:\n"
				 "\tw1 = 0\n"
				 "\t*(u32 *)(r10 - 4) = r1\n"
				 "\tr2 = r10\n"
				 "\tr2 += -4\n"
				 "\tr1 = counts ll\n"
				 "\tcall bpf_map_lookup_elem\n"
				 "\tif r0 == 0 goto out\n"
				 "\tr1 = 1\n"
				 "\tlock *(u64 *)(r0 + 0) += r1\n"
				 "out:\n"
				 "\tw0 = -1\n"
				 "\texit\n"
				 "\t.size sock_count, .-sock_count\n";
	static const unsigned char from[4] = {10, 1, 2, 3};
	char *obj = assemble("sock_run", src), *args, *out;
	struct child c;
	struct net n;
	int rc;

	net_enter(&n);
	ck_assert(asprintf(&args, "run '%s' --socket %s --watch counts --json", obj, n.b) > 0);
	child_start(&c, args);
	/* In JSON mode the attachment is an object on stdout. */
	for (int i = 0; i < 500; i++) {
		char *o = tu_read_file(c.out, NULL);
		int ok = o && strstr(o, "\"attached\":\"sock_count\"");

		free(o);
		if (ok)
			break;
		msleep(10);
	}
	frames_send(n.ifa, from, 6);
	msleep(300);
	rc = child_stop(&c, SIGINT);
	out = tu_read_file(c.out, NULL);
	ck_assert_msg(rc == 0, "exit %d", rc);
	ck_assert_msg(out && strstr(out, "{\"attached\":\"sock_count\",\"where\":\"socket on ") &&
			      strstr(out, "{\"time\":\"final\",\"map\":\"counts\",\"key\":0,"
					  "\"value\":6,"),
		      "%s", out);
	free(out);
	free(args);
	free(obj);
	net_leave(&n);
}
END_TEST

/* A map created with BTF (clang object loaded by bpftool): dumped by its types. */
START_TEST(map_dump_prints_values_by_their_btf_types)
{
	static const char *c_src =
		"typedef unsigned int __u32;\n"
		"typedef unsigned long long __u64;\n"
		"#define SEC(n) __attribute__((section(n), used))\n"
		"enum color { RED = 1, GREEN = 2 };\n"
		"struct key { __u32 ifindex; enum color c; };\n"
		"struct val { __u64 packets; char name[8]; unsigned flag : 1; int neg : 7; };\n"
		"struct { int (*type)[1]; struct key *key; struct val *value;\n"
		"         int (*max_entries)[4]; } stats SEC(\".maps\");\n"
		"SEC(\"xdp\") int typed(void *ctx) { return 2; }\n"
		"char _license[] SEC(\"license\") = \"GPL\";\n";
	const char *cc = tu_clang(), *el = tu_tool("ebpf-load");
	char *c, *o, *dir, *out = NULL;
	int rc;

	if (!cc || !tu_have("bpftool")) {
		fprintf(stderr, "note: no clang-19 or bpftool: BTF-typed dump not checked\n");
		return;
	}
	ck_assert(asprintf(&c, "%s/typed.c", tmpdir) > 0);
	ck_assert(asprintf(&o, "%s/typed.o", tmpdir) > 0);
	ck_assert(asprintf(&dir, "%s/typed", pinroot) > 0);
	ck_assert_int_eq(tu_write_file(c, c_src, strlen(c_src)), 0);
	rc = tu_runf(&out,
		     "'%s' -O2 -g -target bpf -c '%s' -o '%s' && mkdir -p '%s' && "
		     "bpftool prog loadall '%s' '%s/p' pinmaps '%s/m'",
		     cc, c, o, dir, o, dir, dir);
	ck_assert_msg(rc == 0, "%s", out);
	free(out);
	rc = tu_runf(&out,
		     "'%s' map update '%s/m/stats' '05 00 00 00 02 00 00 00' "
		     "'0a 00 00 00 00 00 00 00 65 74 68 30 00 00 00 00 fd 00 00 00 00 00 00 00' "
		     "&& '%s' map dump '%s/m/stats'",
		     el, dir, el, dir);
	ck_assert_msg(rc == 0 && strstr(out, "key {\"ifindex\":5,\"c\":\"GREEN\"} value "
					     "{\"packets\":10,\"name\":\"eth0\",\"flag\":1,"
					     "\"neg\":-2}\n"),
		      "exit %d: %s", rc, out);
	free(out);
	tu_rmrf(dir);
	free(dir);
	free(o);
	free(c);
}
END_TEST

/*
 * Maps we create carry the object's BTF (as libbpf's do): a hash map's key and value types
 * (the pointees of its `key` and `value` members), global data's DATASEC, none for a map
 * defined by sizes. Types the kernel takes no BTF for (perf event array) get none, quietly;
 * a refusal (an LPM trie wants a struct key) is retried without, with a warning; a map
 * that needs BTF (sk_storage) is created.
 */
static const char *typed_c =
	"typedef unsigned int __u32;\n"
	"typedef unsigned long long __u64;\n"
	"#define SEC(n) __attribute__((section(n), used))\n"
	"struct flow { __u32 saddr; __u32 daddr; };\n"
	"struct stats { __u64 packets; __u64 bytes; char name[8]; };\n"
	"struct { int (*type)[1]; int (*max_entries)[16]; int (*pinning)[1];\n"
	"         struct flow *key; struct stats *value; } flows SEC(\".maps\");\n"
	"struct { int (*type)[2]; int (*max_entries)[4]; int (*key_size)[4];\n"
	"         int (*value_size)[8]; } sized SEC(\".maps\");\n"
	"struct { int (*type)[4]; int *key; __u32 *value; } events SEC(\".maps\");\n"
	"struct { int (*type)[11]; int (*max_entries)[16]; int (*map_flags)[1];\n"
	"         __u64 *key; __u32 *value; } trie SEC(\".maps\");\n"
	"struct sv { int x; };\n"
	"struct { int (*type)[24]; int (*map_flags)[1]; int *key; struct sv *value; }\n"
	"    sks SEC(\".maps\");\n"
	"__u64 hits = 7, misses = 3;\n"
	"const volatile __u32 limit = 1500;\n"
	"static void *(*lookup)(void *map, const void *key) = (void *)1;\n"
	"SEC(\"raw_tracepoint/sys_enter\") int count(void *ctx)\n"
	"{\n"
	"\tstruct flow k = {1, 2};\n"
	"\tstruct stats *s = lookup(&flows, &k);\n"
	"\tif (s)\n"
	"\t\ts->packets++;\n"
	"\treturn hits > limit;\n"
	"}\n"
	"char _license[] SEC(\"license\") = \"GPL\";\n";

/* The kernel's view of the map pinned at @path, and the names of its key and value types
 * (NULL when it has no BTF; "" for no key type). */
static void pinned_types(const char *path, struct ldr_map_info *mi, const char **key,
			 const char **value, struct ldr_btf **btf)
{
	int fd = ldr_obj_get(path);

	ck_assert_msg(fd >= 0, "%s: %d", path, fd);
	ck_assert_int_eq(ldr_map_info(fd, mi), 0);
	close(fd);
	*key = *value = NULL;
	*btf = NULL;
	if (!mi->btf_id)
		return;
	ck_assert_int_eq(ldr_btf_get(mi->btf_id, btf), 0);
	*key = mi->btf_key_type_id ? ldr_btf_type_name(*btf, mi->btf_key_type_id) : "";
	*value = ldr_btf_type_name(*btf, mi->btf_value_type_id);
}

START_TEST(maps_are_created_with_the_objects_btf_types_and_dump_typed)
{
	static const struct {
		const char *pin, *key, *value; /* key/value NULL: no BTF */
	} want[] = {
		{"flows", "flow", "stats"}, {"sized", NULL, NULL}, {"events", NULL, NULL},
		{"trie", NULL, NULL},	    {"sks", "int", "sv"},  {"_data", "", ".data"},
		{"_rodata", "", ".rodata"},
	};
	const char *cc = tu_clang(), *el = tu_tool("ebpf-load");
	char *c, *o, *dir, *root, *out = NULL, *p;
	struct ldr_map_info mi;
	struct ldr_btf *btf;
	const char *kn, *vn;
	int rc;

	if (!cc) {
		fprintf(stderr, "note: no clang-19: maps with BTF types not checked\n");
		return;
	}
	ck_assert(asprintf(&c, "%s/btfmaps.c", tmpdir) > 0);
	ck_assert(asprintf(&o, "%s/btfmaps.o", tmpdir) > 0);
	ck_assert(asprintf(&dir, "%s/btfmaps", pinroot) > 0);
	ck_assert(asprintf(&root, "%s/btfmaps-root", pinroot) > 0);
	ck_assert_int_eq(tu_write_file(c, typed_c, strlen(typed_c)), 0);
	rc = tu_runf(&out, "'%s' -O2 -g -target bpf -c '%s' -o '%s'", cc, c, o);
	ck_assert_msg(rc == 0, "%s", out);
	free(out);

	rc = tu_runf(&out, "'%s' load '%s' --pin '%s' --pin-root '%s'", el, o, dir, root);
	ck_assert_msg(rc == 0 && strstr(out, "/maps/_data\n") &&
			      strstr(out, "warning: map 'trie': the kernel refused its BTF types "
					  "(key '__u64', value '__u32'): Invalid "
					  "argument (EINVAL): created without them") &&
			      !strstr(out, "map 'events'") && !strstr(out, "map 'sks'"),
		      "exit %d: %s", rc, out);
	free(out);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		ck_assert(asprintf(&p, "%s/maps/%s", dir, want[i].pin) > 0);
		pinned_types(p, &mi, &kn, &vn, &btf);
		if (!want[i].value)
			ck_assert_msg(mi.btf_id == 0, "%s: btf_id %u", p, mi.btf_id);
		else
			ck_assert_msg(kn && vn && strcmp(kn, want[i].key) == 0 &&
					      strcmp(vn, want[i].value) == 0,
				      "%s: key '%s' value '%s'", p, kn ? kn : "(none)",
				      vn ? vn : "(none)");
		ldr_btf_free(btf);
		free(p);
	}

	/* Dumped by those types; bpftool reads the same BTF and prints the same values. */
	rc = tu_runf(&out,
		     "'%s' map update '%s/maps/flows' '01 00 00 00 02 00 00 00' "
		     "'0a 00 00 00 00 00 00 00 00 01 00 00 00 00 00 00 65 74 68 30 00 00 00 00' "
		     "&& '%s' map dump '%s/maps/flows' && '%s' map dump '%s/maps/flows' --json && "
		     "'%s' map dump '%s/maps/_data' && '%s' map dump '%s/maps/sized'",
		     el, dir, el, dir, el, dir, el, dir, el, dir);
	ck_assert_msg(
		rc == 0 &&
			strstr(out, "key {\"saddr\":1,\"daddr\":2} value {\"packets\":10,"
				    "\"bytes\":256,\"name\":\"eth0\"}\n") &&
			strstr(out, "{\"key\":{\"saddr\":1,\"daddr\":2},\"value\":{"
				    "\"packets\":10,\"bytes\":256,\"name\":\"eth0\"}}\n") &&
			strstr(out, "key 0 value {\".data\":[{\"hits\":7},{\"misses\":3}]}\n") &&
			strstr(out, "key 3 value 0\n"),
		"exit %d: %s", rc, out);
	free(out);
	if (tu_have("bpftool")) {
		rc = tu_runf(&out, "bpftool -j map dump pinned '%s/maps/flows'", dir);
		ck_assert_msg(rc == 0 &&
				      strstr(out, "\"formatted\":{\"key\":{\"saddr\":1,\"daddr\":"
						  "2},\"value\":{\"packets\":10,\"bytes\":256,"
						  "\"name\":\"eth0\"}}"),
			      "exit %d: %s", rc, out);
		free(out);
		rc = tu_runf(&out, "bpftool -j map dump pinned '%s/maps/_data'", dir);
		ck_assert_msg(rc == 0 && strstr(out, "\"formatted\":{\"value\":{\".data\":[{"
						     "\"hits\":7},{\"misses\":3}]}}"),
			      "exit %d: %s", rc, out);
		free(out);
	}

	/* run --watch prints what is not one number by its types. */
	rc = tu_runf(&out,
		     "timeout --preserve-status -s INT 2 '%s' run '%s' --pin-root '%s' --watch "
		     ".data --json",
		     el, o, root);
	ck_assert_msg(rc == 0 && strstr(out, "\"map\":\".data\",\"key\":0,\"value\":{\".data\":["
					     "{\"hits\":7},{\"misses\":3}]}}\n"),
		      "exit %d: %s", rc, out);
	free(out);
	tu_rmrf(dir);
	tu_rmrf(root);
	free(root);
	free(dir);
	free(o);
	free(c);
}
END_TEST

/*
 * pinning=by_name reuse checks the pinned map, whoever made it: one we created with BTF is
 * reused by the next load (its entries kept, still typed), one bpftool made without BTF
 * too (then untyped), and one that differs is named field by field.
 */
START_TEST(pinned_maps_with_btf_or_from_bpftool_are_reused)
{
	const char *cc = tu_clang(), *el = tu_tool("ebpf-load");
	char *c, *o, *root, *out = NULL;
	struct ldr_map_info m1, m2;
	struct ldr_btf *btf;
	const char *kn, *vn;
	char *pin;
	int rc;

	if (!cc || !tu_have("bpftool")) {
		fprintf(stderr,
			"note: no clang-19 or bpftool: pinned reuse with BTF not checked\n");
		return;
	}
	ck_assert(asprintf(&c, "%s/reuse.c", tmpdir) > 0);
	ck_assert(asprintf(&o, "%s/reuse.o", tmpdir) > 0);
	ck_assert(asprintf(&root, "%s/reuse-btf", pinroot) > 0);
	ck_assert(asprintf(&pin, "%s/flows", root) > 0);
	ck_assert_int_eq(tu_write_file(c, typed_c, strlen(typed_c)), 0);
	rc = tu_runf(
		&out,
		"'%s' -O2 -g -target bpf -c '%s' -o '%s' && '%s' load '%s' --pin '%s/a' "
		"--pin-root '%s' && '%s' map update '%s' '01 00 00 00 02 00 00 00' "
		"'05 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00' "
		"&& '%s' load '%s' --pin '%s/b' --pin-root '%s' && '%s' map dump '%s/b/maps/flows'",
		cc, c, o, el, o, root, root, el, pin, el, o, root, root, el, root);
	ck_assert_msg(rc == 0 && strstr(out, "key {\"saddr\":1,\"daddr\":2} value {\"packets\":5,"),
		      "exit %d: %s", rc, out);
	free(out);
	pinned_types(pin, &m1, &kn, &vn, &btf);
	ck_assert_msg(vn && strcmp(vn, "stats") == 0, "value type '%s'", vn ? vn : "(none)");
	ldr_btf_free(btf);
	ck_assert(asprintf(&out, "%s/b/maps/flows", root) > 0);
	pinned_types(out, &m2, &kn, &vn, &btf);
	ldr_btf_free(btf);
	free(out);
	ck_assert_uint_eq(m1.id, m2.id);

	/* A pin from bpftool (no BTF) fits as well; one of another size is named. */
	tu_rmrf(root);
	rc = tu_runf(&out,
		     "mkdir -p '%s' && bpftool map create '%s' type hash key 8 value 24 "
		     "entries 16 name flows && '%s' load '%s' --pin '%s/c' --pin-root '%s'",
		     root, pin, el, o, root, root);
	ck_assert_msg(rc == 0, "exit %d: %s", rc, out);
	free(out);
	pinned_types(pin, &m1, &kn, &vn, &btf);
	ldr_btf_free(btf);
	ck_assert(asprintf(&out, "%s/c/maps/flows", root) > 0);
	pinned_types(out, &m2, &kn, &vn, &btf);
	ldr_btf_free(btf);
	free(out);
	ck_assert_uint_eq(m1.id, m2.id);
	ck_assert_uint_eq(m2.btf_id, 0);
	tu_rmrf(root);
	rc = tu_runf(&out,
		     "mkdir -p '%s' && bpftool map create '%s' type hash key 8 value 16 "
		     "entries 16 name flows && '%s' load '%s' --pin '%s/d' --pin-root '%s'",
		     root, pin, el, o, root, root);
	ck_assert_msg(rc == 1 && strstr(out, "map 'flows': the map pinned at ") &&
			      strstr(out, "value size: pinned 16, object 24"),
		      "exit %d: %s", rc, out);
	free(out);
	tu_rmrf(root);
	free(pin);
	free(root);
	free(o);
	free(c);
}
END_TEST

/*
 * Legacy `maps` section maps take their types from struct ____btf_map_NAME (libbpf's
 * BPF_ANNOTATE_KV_PAIR), and have none without it; an ebpf-as map (sizes only) has no BTF
 * and dumps as numbers and hex.
 */
START_TEST(legacy_maps_take_btf_map_structs_and_sized_maps_dump_hex)
{
	static const char *legacy_c =
		"typedef unsigned int __u32;\n"
		"typedef unsigned long long __u64;\n"
		"#define SEC(n) __attribute__((section(n), used))\n"
		"struct bpf_map_def { unsigned type, key_size, value_size, max_entries, flags; };\n"
		"struct stats { __u64 packets; __u64 bytes; };\n"
		"struct bpf_map_def SEC(\"maps\") annotated = {1, 4, 16, 8};\n"
		"struct ____btf_map_annotated { __u32 key; struct stats value; };\n"
		"struct ____btf_map_annotated SEC(\".maps.annotated\") ____btf_map_annotated;\n"
		"struct bpf_map_def SEC(\"maps\") plain = {1, 4, 16, 8};\n"
		"static void *(*lookup)(void *map, const void *key) = (void *)1;\n"
		"SEC(\"xdp\") int p(void *ctx)\n"
		"{\n"
		"\t__u32 k = 0;\n"
		"\treturn lookup(&annotated, &k) && lookup(&plain, &k) ? 1 : 2;\n"
		"}\n"
		"char _license[] SEC(\"license\") = \"GPL\";\n";
	static const char *asm_src = "\t.license \"GPL\"\n"
				     "\t.map wide, hash, key=4, value=12, entries=4\n"
				     "\t.section xdp\n"
				     "\t.globl w\n"
				     "\t.type w, @function\n"
				     "w:\n"
				     "\tr1 = wide ll\n"
				     "\tw0 = 2\n"
				     "\texit\n"
				     "\t.size w, .-w\n";
	static const char *value = "'02 00 00 00 00 00 00 00 03 00 00 00 00 00 00 00'";
	const char *cc = tu_clang(), *el = tu_tool("ebpf-load");
	char *c, *o, *dir, *asm_o = assemble("wide", asm_src), *out = NULL;
	struct ldr_map_info mi;
	struct ldr_btf *btf;
	const char *kn, *vn;
	int rc;

	ck_assert(asprintf(&dir, "%s/legacy", pinroot) > 0);
	rc = tu_runf(&out,
		     "'%s' load '%s' --pin '%s/asm' && '%s' map update '%s/asm/maps/wide' 3 "
		     "'01 02 03 04 05 06 07 08 09 0a 0b 0c' && '%s' map dump '%s/asm/maps/wide' && "
		     "'%s' map dump '%s/asm/maps/wide' --json",
		     el, asm_o, dir, el, dir, el, dir, el, dir);
	ck_assert_msg(rc == 0 && strstr(out, "key 3 value 01 02 03 04 05 06 07 08 09 0a 0b 0c\n") &&
			      strstr(out, "{\"key\":3,\"value\":\"01 02 03 04 05 06 07 08 09 0a "
					  "0b 0c\"}\n"),
		      "exit %d: %s", rc, out);
	free(out);
	ck_assert(asprintf(&out, "%s/asm/maps/wide", dir) > 0);
	pinned_types(out, &mi, &kn, &vn, &btf);
	free(out);
	ck_assert_uint_eq(mi.btf_id, 0);

	if (!cc) {
		fprintf(stderr, "note: no clang-19: legacy maps with BTF not checked\n");
		goto out_rm;
	}
	ck_assert(asprintf(&c, "%s/legacy.c", tmpdir) > 0);
	ck_assert(asprintf(&o, "%s/legacy.o", tmpdir) > 0);
	ck_assert_int_eq(tu_write_file(c, legacy_c, strlen(legacy_c)), 0);
	rc = tu_runf(&out,
		     "'%s' -O2 -g -target bpf -c '%s' -o '%s' && '%s' load '%s' --pin '%s/c' && "
		     "'%s' map update '%s/c/maps/annotated' 1 %s && '%s' map update "
		     "'%s/c/maps/plain' 1 %s && '%s' map dump '%s/c/maps/annotated' && "
		     "'%s' map dump '%s/c/maps/plain'",
		     cc, c, o, el, o, dir, el, dir, value, el, dir, value, el, dir, el, dir);
	ck_assert_msg(rc == 0 && strstr(out, "key 1 value {\"packets\":2,\"bytes\":3}\n") &&
			      strstr(out, "key 1 value 02 00 00 00 00 00 00 00 03 00"),
		      "exit %d: %s", rc, out);
	free(out);
	ck_assert(asprintf(&out, "%s/c/maps/annotated", dir) > 0);
	pinned_types(out, &mi, &kn, &vn, &btf);
	free(out);
	ck_assert_msg(kn && vn && !strcmp(kn, "__u32") && !strcmp(vn, "stats"), "%s %s",
		      kn ? kn : "(none)", vn ? vn : "(none)");
	ldr_btf_free(btf);
	free(o);
	free(c);
out_rm:
	tu_rmrf(dir);
	free(dir);
	free(asm_o);
}
END_TEST

/* The EPERM hint, from facts given (no need to lose privileges to see each case). */
static const struct {
	struct ldr_eperm_facts f;
	unsigned need;
	const char *want, *absent;
} eperm_cases[] = {
	{{.caps_known = 0, .memlock = UINT64_MAX}, 0, "run as root or with CAP_BPF", "lacks"},
	{{.caps_known = 1, .cap_eff = 0, .memlock = UINT64_MAX},
	 LDR_NEED_PERFMON | LDR_NEED_NET_ADMIN,
	 "run as root or with CAP_BPF, CAP_PERFMON and CAP_NET_ADMIN (this process lacks "
	 "CAP_BPF, CAP_PERFMON and CAP_NET_ADMIN)",
	 "security module"},
	/* CAP_SYS_ADMIN stands in for CAP_BPF and CAP_PERFMON, not for CAP_NET_ADMIN */
	{{.caps_known = 1, .cap_eff = 1ull << 21, .memlock = UINT64_MAX},
	 LDR_NEED_PERFMON | LDR_NEED_NET_ADMIN,
	 "(this process lacks CAP_NET_ADMIN)",
	 "CAP_BPF)"},
	{{.caps_known = 1, .cap_eff = 1ull << 39, .memlock = UINT64_MAX},
	 LDR_NEED_PERFMON,
	 "run as root or with CAP_BPF and CAP_PERFMON (this process lacks CAP_PERFMON)",
	 NULL},
	{{.caps_known = 1, .cap_eff = ~0ull, .lockdown = "integrity", .memlock = 64 << 10},
	 0,
	 "kernel lockdown is in integrity mode and may forbid it; RLIMIT_MEMLOCK is 64 KiB, "
	 "which kernels before 5.11 charge",
	 "run as root"},
	{{.caps_known = 1, .cap_eff = ~0ull, .lockdown = "confidentiality", .memlock = UINT64_MAX},
	 0,
	 "confidentiality mode",
	 "RLIMIT_MEMLOCK"},
	{{.caps_known = 1, .cap_eff = ~0ull, .memlock = UINT64_MAX},
	 LDR_NEED_PERFMON,
	 "the process has CAP_BPF and CAP_PERFMON: a security module",
	 "run as root"},
	{{.caps_known = 1, .cap_eff = ~0ull, .memlock = LDR_MEMLOCK_LOW},
	 0,
	 "security module",
	 "RLIMIT_MEMLOCK"},
};

START_TEST(eperm_hint_says_what_is_missing_and_what_else_holds)
{
	char buf[512], small[24];
	const char *h = ldr_eperm_hint(&eperm_cases[_i].f, eperm_cases[_i].need, buf, sizeof(buf));

	ck_assert_ptr_eq(h, buf);
	ck_assert_msg(strstr(buf, eperm_cases[_i].want), "%s", buf);
	ck_assert_msg(!eperm_cases[_i].absent || !strstr(buf, eperm_cases[_i].absent), "%s", buf);
	/* Cut to the buffer, never past it. */
	ldr_eperm_hint(&eperm_cases[_i].f, eperm_cases[_i].need, small, sizeof(small));
	ck_assert_uint_eq(strlen(small), sizeof(small) - 1);
	ck_assert(strncmp(small, buf, sizeof(small) - 1) == 0);
}
END_TEST

static const char *const commands[] = {"run", "load",  "attach", "detach", "show",
				       "map", "trace", "probe",	 "clean"};

START_TEST(every_command_has_help)
{
	char *out = NULL, *want;
	int rc = tu_runf(&out, "'%s' %s --help", tu_tool("ebpf-load"), commands[_i]);

	ck_assert(asprintf(&want, "Usage: ebpf-load %s", commands[_i]) > 0);
	ck_assert_msg(rc == 0 && strncmp(out, want, strlen(want)) == 0, "exit %d: %s", rc, out);
	free(want);
	free(out);
}
END_TEST

/* A prog_array's initial values (.values = { [1] = &target }) are filled at load: the
 * dispatcher's tail call really reaches the target (run by the kernel on a packet). */
START_TEST(prog_array_initial_values_make_tail_calls_run)
{
	static const char *c_src =
		"typedef unsigned int __u32;\n"
		"#define SEC(n) __attribute__((section(n), used))\n"
		"static long (*bpf_tail_call)(void *ctx, void *map, __u32 index) = (void *)12;\n"
		"SEC(\"xdp\") int target(void *ctx) { return 1; }\n"
		"struct { int (*type)[3]; int (*max_entries)[2]; int (*key_size)[4];\n"
		"         int (*value_size)[4]; typeof(int (void *)) *values[]; } jmp\n"
		"    SEC(\".maps\") = { .values = { [1] = (void *)&target } };\n"
		"SEC(\"xdp\") int dispatch(void *ctx) { bpf_tail_call(ctx, &jmp, 1); return 2; }\n"
		"char _license[] SEC(\"license\") = \"GPL\";\n";
	const char *cc = tu_clang();
	unsigned char pkt[64] = {0}, outp[128];
	struct ldr_test_run t = {.data_in = pkt,
				 .data_size_in = sizeof(pkt),
				 .data_out = outp,
				 .data_size_out = sizeof(outp)};
	char *c, *o, *out = NULL;
	struct loaded x;
	struct diag d;
	uint32_t k = 0, v;
	int rc, err;

	if (!cc) {
		fprintf(stderr, "note: no clang-19: prog_array initial values not checked\n");
		return;
	}
	ck_assert(asprintf(&c, "%s/tail.c", tmpdir) > 0);
	ck_assert(asprintf(&o, "%s/tail.o", tmpdir) > 0);
	ck_assert_int_eq(tu_write_file(c, c_src, strlen(c_src)), 0);
	rc = tu_runf(&out, "'%s' -O2 -g -target bpf -c '%s' -o '%s'", cc, c, o);
	ck_assert_msg(rc == 0, "%s", out);
	free(out);
	diag_init(&d);
	ck_assert_int_eq(obj_read_file(o, &x.o, &d), 0);
	err = ldr_obj_load(x.o, NULL, &x.l, &d);
	if (err) {
		char *m = diag_text(&d);
		ck_abort_msg("load: %s\n%s", ldr_errno_name(err), m);
	}
	diag_fini(&d);
	x.path = NULL;
	ck_assert_int_eq(ldr_map_lookup(ldr_loaded_map_find(x.l, "jmp")->fd, &k, &v), -ENOENT);
	ck_assert_int_eq(ldr_prog_test_run(ldr_loaded_prog_find(x.l, "dispatch")->fd, &t), 0);
	ck_assert_uint_eq(t.retval, 1); /* XDP_DROP: the target's verdict, not dispatch's 2 */
	unload(&x);
	free(o);
	free(c);
}
END_TEST

/* Compile tests/clang/@name.c (or @src, written to TMP/@name.c) with clang into TMP/@name.o
 * and read it; returns the object. */
static struct obj *clang_obj(const char *cc, const char *name, const char *src)
{
	char *c, *o, *out = NULL;
	struct obj *ob = NULL;
	struct diag d;
	int rc;

	if (src) {
		ck_assert(asprintf(&c, "%s/%s.c", tmpdir, name) > 0);
		ck_assert_int_eq(tu_write_file(c, src, strlen(src)), 0);
	} else {
		ck_assert(asprintf(&c, "%s/tests/clang/%s.c", tu_srcdir(), name) > 0);
	}
	ck_assert(asprintf(&o, "%s/%s.o", tmpdir, name) > 0);
	rc = tu_runf(&out, "'%s' -O2 -g -target bpf -mcpu=v3 -c '%s' -o '%s'", cc, c, o);
	ck_assert_msg(rc == 0, "clang %s: %s", c, out);
	free(out);
	diag_init(&d);
	ck_assert_int_eq(obj_read_file(o, &ob, &d), 0);
	diag_fini(&d);
	free(o);
	free(c);
	return ob;
}

/* The id the kernel gives the map behind @fd. */
static uint32_t map_id(int fd)
{
	struct ldr_map_info mi;

	ck_assert_int_eq(ldr_map_info(fd, &mi), 0);
	return mi.id;
}

/*
 * Maps of maps (tests/clang/map_in_map.c): created with a template from their
 * __array(values, struct inner), their initial entries (.values = { [i] = &inner_x }) hold
 * the inner maps (a lookup from user space gives the inner map's id), and the program
 * really reaches the inner maps through them (run by the kernel on a packet).
 */
START_TEST(maps_of_maps_hold_their_initial_inner_maps_and_programs_count_through_them)
{
	const char *cc = tu_clang();
	unsigned char pkt[64] = {0};
	struct ldr_test_run t = {.data_in = pkt, .data_size_in = sizeof(pkt), .repeat = 3};
	const struct ldr_loaded_map *outer, *outer_hash, *a, *b;
	struct ldr_loaded *l = NULL;
	struct obj *ob;
	struct diag d;
	uint32_t k, id;
	uint64_t v;
	int err;

	if (!cc) {
		fprintf(stderr, "note: no clang-19: maps of maps not checked\n");
		return;
	}
	ob = clang_obj(cc, "map_in_map", NULL);
	diag_init(&d);
	err = ldr_obj_load(ob, NULL, &l, &d);
	if (err) {
		char *m = diag_text(&d);
		ck_abort_msg("load: %s\n%s", ldr_errno_name(err), m);
	}
	ck_assert_int_eq(d.nerrors, 0);
	diag_fini(&d);
	outer = ldr_loaded_map_find(l, "outer");
	outer_hash = ldr_loaded_map_find(l, "outer_hash");
	a = ldr_loaded_map_find(l, "inner_a");
	b = ldr_loaded_map_find(l, "inner_b");
	ck_assert(outer && outer_hash && a && b);
	ck_assert_uint_eq(outer->type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	ck_assert_uint_eq(outer_hash->type, BPF_MAP_TYPE_HASH_OF_MAPS);

	/* BPF_MAP_LOOKUP_ELEM on a map of maps answers with the inner map's id. */
	k = 0;
	ck_assert_int_eq(ldr_map_lookup(outer->fd, &k, &id), 0);
	ck_assert_uint_eq(id, map_id(a->fd));
	k = 1;
	ck_assert_int_eq(ldr_map_lookup(outer->fd, &k, &id), 0);
	ck_assert_uint_eq(id, map_id(b->fd));
	k = 3;
	ck_assert_int_eq(ldr_map_lookup(outer_hash->fd, &k, &id), 0);
	ck_assert_uint_eq(id, map_id(b->fd));
	k = 5;
	ck_assert_int_eq(ldr_map_lookup(outer_hash->fd, &k, &id), -ENOENT);
	k = 0;
	ck_assert_int_eq(ldr_map_get_next_key(outer_hash->fd, NULL, &k), 0);
	ck_assert_int_eq(ldr_map_get_next_key(outer_hash->fd, &k, &k), -ENOENT); /* one entry */

	/* Three runs: each counts once into inner_a[0], inner_b[1] and inner_b[2]. */
	ck_assert_int_eq(ldr_prog_test_run(ldr_loaded_prog_find(l, "xdp_map_in_map")->fd, &t), 0);
	ck_assert_uint_eq(t.retval, 2); /* XDP_PASS */
	k = 0;
	ck_assert_int_eq(ldr_map_lookup(a->fd, &k, &v), 0);
	ck_assert_uint_eq(v, 3);
	k = 1;
	ck_assert_int_eq(ldr_map_lookup(a->fd, &k, &v), 0);
	ck_assert_uint_eq(v, 0);
	for (k = 1; k <= 3; k++) {
		ck_assert_int_eq(ldr_map_lookup(b->fd, &k, &v), 0);
		ck_assert_uint_eq(v, k < 3 ? 3 : 0);
	}
	ldr_loaded_free(l);
	obj_free(ob);
}
END_TEST

/* Maps of maps declared wrong: each refused with a message that says what is wrong. */
static const struct {
	const char *name, *decl, *want;
} mim_bad[] = {
	{"mim_no_inner",
	 "struct { __uint(type, 12); __uint(max_entries, 2); __uint(key_size, 4);\n"
	 "         __uint(value_size, 4); } outer SEC(\".maps\");\n",
	 "map 'outer': a map of maps needs its inner map's definition: declare it with "
	 "__array(values"},
	{"mim_not_struct",
	 "struct { __uint(type, 12); __uint(max_entries, 2); __type(key, __u32);\n"
	 "         __array(values, int (void *)); } outer SEC(\".maps\");\n",
	 "map 'outer': 'values' is not __array(values, struct {...})"},
	{"mim_value_not_map",
	 "__u64 counter;\n"
	 "struct { __uint(type, 12); __uint(max_entries, 2); __type(key, __u32);\n"
	 "         __array(values, struct inner); } outer SEC(\".maps\")\n"
	 "    = { .values = { [1] = (struct inner *)&counter } };\n",
	 "map 'outer': initial value at +0x20 names 'counter', which is not a map"},
	{"mim_value_mismatch",
	 "struct { __uint(type, 1); __uint(max_entries, 4); __type(key, __u32);\n"
	 "         __type(value, __u64); } hashy SEC(\".maps\");\n"
	 "struct { __uint(type, 12); __uint(max_entries, 2); __type(key, __u32);\n"
	 "         __array(values, struct inner); } outer SEC(\".maps\")\n"
	 "    = { .values = { [0] = (struct inner *)&hashy } };\n",
	 "map 'outer': slot 0: map 'hashy': Invalid argument (EINVAL): it does not match the "
	 "inner definition"},
	{"mim_slot_too_far",
	 "struct inner in0 SEC(\".maps\");\n"
	 "struct { __uint(type, 12); __uint(max_entries, 2); __type(key, __u32);\n"
	 "         __array(values, struct inner); } outer SEC(\".maps\")\n"
	 "    = { .values = { [2] = &in0 } };\n",
	 "map 'outer': slot 2: map 'in0': Argument list too long (E2BIG): the slot is past "
	 "max_entries"},
};

START_TEST(maps_of_maps_declared_wrong_are_refused_with_a_clear_error)
{
	static const char *head =
		"typedef unsigned int __u32;\n"
		"typedef unsigned long long __u64;\n"
		"#define SEC(n) __attribute__((section(n), used))\n"
		"#define __uint(n, v) int (*n)[v]\n"
		"#define __type(n, v) typeof(v) *n\n"
		"#define __array(n, v) typeof(v) *n[]\n"
		"struct inner { __uint(type, 2); __uint(max_entries, 4); __type(key, __u32);\n"
		"               __type(value, __u64); };\n";
	static const char *tail = "SEC(\"xdp\") int prog(void *ctx) { return 2; }\n"
				  "char _license[] SEC(\"license\") = \"GPL\";\n";
	const char *cc = tu_clang();
	struct ldr_loaded *l = NULL;
	struct obj *ob;
	struct diag d;
	char *src, *m;
	int err;

	if (!cc) {
		fprintf(stderr, "note: no clang-19: %s not checked\n", mim_bad[_i].name);
		return;
	}
	ck_assert(asprintf(&src, "%s%s%s", head, mim_bad[_i].decl, tail) > 0);
	ob = clang_obj(cc, mim_bad[_i].name, src);
	diag_init(&d);
	err = ldr_obj_load(ob, NULL, &l, &d);
	m = diag_text(&d);
	ck_assert_msg(err < 0, "%s: loaded", mim_bad[_i].name);
	ck_assert_msg(strstr(m, mim_bad[_i].want), "%s: want '%s' in:\n%s", mim_bad[_i].name,
		      mim_bad[_i].want, m);
	/* Programs are not loaded without every map as declared. */
	ck_assert_int_lt(ldr_loaded_prog_find(l, "prog")->fd, 0);
	free(m);
	diag_fini(&d);
	ldr_loaded_free(l);
	obj_free(ob);
	free(src);
}
END_TEST

START_TEST(probing_answers_by_trying)
{
	int err, xdp_at = -1;

	ck_assert_int_eq(ldr_probe_prog_type(BPF_PROG_TYPE_XDP, &err), LDR_PROBE_YES);
	ck_assert_int_eq(ldr_probe_prog_type(BPF_PROG_TYPE_CGROUP_SOCK_ADDR, &err), LDR_PROBE_YES);
	ck_assert_int_eq(ldr_probe_prog_type(999, &err), LDR_PROBE_NO);
	ck_assert_int_eq(err, -EINVAL);
	ck_assert_int_eq(ldr_probe_prog_type(BPF_PROG_TYPE_TRACING, &err), LDR_PROBE_NEEDS_TARGET);
	ck_assert_int_eq(ldr_probe_map_type(BPF_MAP_TYPE_HASH, &err), LDR_PROBE_YES);
	ck_assert_int_eq(ldr_probe_map_type(BPF_MAP_TYPE_RINGBUF, &err), LDR_PROBE_YES);
	ck_assert_int_eq(ldr_probe_map_type(BPF_MAP_TYPE_HASH_OF_MAPS, &err), LDR_PROBE_YES);
	ck_assert_int_eq(ldr_probe_map_type(999, &err), LDR_PROBE_NO);
	/* bpf_map_lookup_elem everywhere; bpf_xdp_adjust_head (44) in XDP only. */
	ck_assert_int_eq(ldr_probe_helper(BPF_PROG_TYPE_KPROBE, 1), LDR_PROBE_YES);
	ck_assert_int_eq(ldr_probe_helper(BPF_PROG_TYPE_XDP, 44), LDR_PROBE_YES);
	ck_assert_int_eq(ldr_probe_helper(BPF_PROG_TYPE_KPROBE, 44), LDR_PROBE_NO);
	ck_assert_int_eq(ldr_probe_helper(BPF_PROG_TYPE_XDP, 100000), LDR_PROBE_NO);
	for (int at = 0; at < ldr_attach_type_count(); at++)
		if (ldr_attach_type_name(at) && strcmp(ldr_attach_type_name(at), "xdp") == 0)
			xdp_at = at;
	ck_assert_int_eq(xdp_at, BPF_XDP);
	ck_assert_int_eq(ldr_probe_attach_type(BPF_XDP, &err), LDR_PROBE_YES);
	ck_assert_int_eq(ldr_probe_attach_type(BPF_CGROUP_INET_INGRESS, &err), LDR_PROBE_YES);
	ck_assert_int_eq(ldr_probe_attach_type(10000, &err), -ENOENT);
}
END_TEST

/* ---- clang objects: our verdict is bpftool's ---- */

/* Every map kind the issue names, a subprogram, global data and a tail call in one object. */
static const char *zoo_c =
	"typedef unsigned int __u32;\n"
	"typedef unsigned long long __u64;\n"
	"#define SEC(n) __attribute__((section(n), used))\n"
	"#define __uint(n, v) int (*n)[v]\n"
	"#define __type(n, v) typeof(v) *n\n"
	"static void *(*lookup)(void *map, const void *key) = (void *)1;\n"
	"static long (*update)(void *map, const void *k, const void *v, __u64 f) = (void *)2;\n"
	"static long (*tail_call)(void *ctx, void *map, __u32 i) = (void *)12;\n"
	"static long (*rb_output)(void *rb, void *d, __u64 n, __u64 f) = (void *)130;\n"
	"struct { __uint(type, 1); __type(key, __u32); __type(value, __u64);\n"
	"         __uint(max_entries, 64); } h SEC(\".maps\");\n"
	"struct { __uint(type, 6); __type(key, __u32); __type(value, __u64);\n"
	"         __uint(max_entries, 4); } pa SEC(\".maps\");\n"
	"struct { __uint(type, 9); __type(key, __u32); __type(value, __u64);\n"
	"         __uint(max_entries, 64); } lru SEC(\".maps\");\n"
	"struct { __uint(type, 27); __uint(max_entries, 4096); } rb SEC(\".maps\");\n"
	"struct { __uint(type, 3); __uint(max_entries, 2); __uint(key_size, 4);\n"
	"         __uint(value_size, 4); } jmp SEC(\".maps\");\n"
	"__u64 total;\n"
	"const volatile __u32 step = 1;\n"
	"static __attribute__((noinline)) __u64 bump(void *map, __u32 k)\n"
	"{ __u64 *v = lookup(map, &k); if (v) { *v += step; return *v; }\n"
	"  __u64 one = 1; update(map, &k, &one, 0); return 1; }\n"
	"SEC(\"xdp\") int zoo(void *ctx)\n"
	"{ __u64 n = bump(&h, 1) + bump(&pa, 0) + bump(&lru, 2); total += n;\n"
	"  rb_output(&rb, &n, sizeof(n), 0); tail_call(ctx, &jmp, 0); return 2; }\n"
	"char _license[] SEC(\"license\") = \"GPL\";\n";

static const char *const clang_objects[] = {
	"zoo",	   "xdp_array", "socket_filter", "tracepoint_hash", "subprog",
	"globals", "loop",	"alu32_v3",	 "v4_ops",	    "map_in_map",
};

START_TEST(clang_objects_get_bpftools_verdict)
{
	const char *name = clang_objects[_i], *cc = tu_clang();
	char *c, *o, *dir, *out = NULL;
	struct ldr_loaded *l = NULL;
	struct obj *ob = NULL;
	struct diag d;
	int rc, ours = 1, err;

	if (!cc || !tu_have("bpftool")) {
		fprintf(stderr, "note: no clang-19 or bpftool: %s not compared\n", name);
		return;
	}
	if (_i == 0) {
		ck_assert(asprintf(&c, "%s/zoo.c", tmpdir) > 0);
		ck_assert_int_eq(tu_write_file(c, zoo_c, strlen(zoo_c)), 0);
	} else {
		ck_assert(asprintf(&c, "%s/tests/clang/%s.c", tu_srcdir(), name) > 0);
	}
	ck_assert(asprintf(&o, "%s/%s-clang.o", tmpdir, name) > 0);
	ck_assert(asprintf(&dir, "%s/cmp-%s", pinroot, name) > 0);
	rc = tu_runf(&out, "'%s' -O2 -g -target bpf -mcpu=%s -c '%s' -o '%s'", cc,
		     strcmp(name, "v4_ops") == 0 ? "v4" : "v3", c, o);
	ck_assert_msg(rc == 0, "clang %s: %s", c, out);
	free(out);

	diag_init(&d);
	ck_assert_int_eq(obj_read_file(o, &ob, &d), 0);
	err = ldr_obj_load(ob, NULL, &l, &d);
	for (size_t i = 0; l && i < l->nprogs; i++)
		ours &= l->progs[i].fd >= 0;
	ours &= err == 0;
	rc = tu_runf(&out, "mkdir -p '%s' && bpftool prog loadall '%s' '%s/p'", dir, o, dir);
	if ((rc == 0) != ours) {
		char *m = diag_text(&d);
		ck_abort_msg("%s: we say %s, bpftool says %s:\n%s\n%s", name,
			     ours ? "accepted" : "refused", rc == 0 ? "accepted" : "refused", m,
			     out);
	}
	ck_assert_msg(ours, "%s: both refuse it:\n%s", name, out);
	free(out);
	tu_rmrf(dir);
	diag_fini(&d);
	ldr_loaded_free(l);
	obj_free(ob);
	free(dir);
	free(o);
	free(c);
}
END_TEST

/*
 * Malformed objects never crash the loader: bytes of an assembled object flipped in turn
 * (or set to 0xff, or to 0x7f), each result read and, when the reader takes it,
 * loaded into the kernel (never attached). The reader and loader may refuse, with a message;
 * anything else (a crash, a descriptor leak) fails. Under valgrind this checks every access.
 */
START_TEST(mutated_objects_are_refused_or_loaded_never_crash)
{
	/* xor, or set; every STRIDE-th byte from a different start each (loads cost the
	 * kernel about 10 ms each: 600 mutants in a few seconds) */
	static const uint8_t how[][3] = {{0xff, 0, 0}, {0, 0xff, 1}, {0, 0x7f, 2}};
	enum { STRIDE = 9 };
	char *path = assemble("xdp_drop_src", NULL);
	static const struct ldr_opts lazy_log = {.log_on_failure = 1};
	size_t len, tried = 0, read_ok = 0, loaded = 0;
	char *orig = tu_read_file(path, &len);
	uint8_t *buf = malloc(len);
	int fd0 = open("/dev/null", O_RDONLY), fd1;

	ck_assert(orig && buf && fd0 >= 0);
	close(fd0);
	for (size_t h = 0; h < sizeof(how) / sizeof(how[0]); h++) {
		for (size_t at = how[h][2]; at < len; at += STRIDE) {
			struct ldr_loaded *l = NULL;
			struct obj *o = NULL;
			struct diag d;

			memcpy(buf, orig, len);
			buf[at] = how[h][1] ? how[h][1] : (uint8_t)(buf[at] ^ how[h][0]);
			if (buf[at] == (uint8_t)orig[at])
				continue;
			tried++;
			diag_init(&d);
			if (obj_read_mem(buf, len, "mutant.o", &o, &d) == 0) {
				read_ok++;
				if (ldr_obj_load(o, &lazy_log, &l, &d) == 0)
					loaded++;
				else
					ck_assert_msg(d.nerrors > 0,
						      "byte %zu: refused without a message", at);
				ldr_loaded_free(l);
				obj_free(o);
			} else {
				ck_assert_msg(d.nerrors > 0,
					      "byte %zu: unreadable without a message", at);
			}
			diag_fini(&d);
		}
	}
	/* Every descriptor opened was closed again: the next one is the same number. */
	fd1 = open("/dev/null", O_RDONLY);
	ck_assert_int_eq(fd1, fd0);
	close(fd1);
	fprintf(stderr, "note: %zu mutants: %zu read, %zu loaded\n", tried, read_ok, loaded);
	ck_assert_uint_gt(loaded, 0);
	ck_assert_uint_lt(read_ok, tried);
	free(buf);
	free(orig);
	free(path);
}
END_TEST

static void kernel_probe(void)
{
	tu_require_bpf("check_load attaches programs in the kernel");
	home_ns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (home_ns < 0)
		tu_skip(1, "no /proc/self/ns/net: %s", strerror(errno));
	if (unshare(CLONE_NEWNET) != 0)
		tu_skip(1, "cannot create a network namespace: %s", strerror(errno));
	setns(home_ns, CLONE_NEWNET);
}

static Suite *load_suite(void)
{
	Suite *s = suite_create("load");
	TCase *xdp = tcase_create("xdp"), *run = tcase_create("run"), *tr = tcase_create("trace"),
	      *cmd = tcase_create("commands");

	tcase_add_unchecked_fixture(xdp, run_setup, run_teardown);
	tcase_set_timeout(xdp, 60);
	tcase_add_loop_test(xdp, xdp_count_counts_exactly_the_frames_sent_and_detach_leaves_nothing,
			    0, 2);
	tcase_add_test(xdp, xdp_drop_src_drops_exactly_the_frames_from_192_168_0_1);
	tcase_add_test(xdp, xdp_auto_mode_takes_native_on_veth_and_refuses_a_second_program);
	tcase_add_test(xdp, xdp_attach_names_a_missing_device_and_quotes_the_kernel);
	suite_add_tcase(s, xdp);

	tcase_add_unchecked_fixture(run, run_setup, run_teardown);
	tcase_set_timeout(run, 60);
	tcase_add_loop_test(run, run_counts_the_frames_in_its_table_and_ctrl_c_leaves_nothing, 0,
			    2);
	tcase_add_test(run, run_trace_streams_bpf_trace_printk_from_its_own_instance);
	tcase_add_test(run, run_reports_usage_and_input_errors_with_exit_2);
	tcase_add_test(run, run_reports_a_verifier_refusal_with_exit_1);
	tcase_add_test(run, run_kprobe_and_malformed_objects_and_log_file);
	tcase_add_test(run, trace_readers_each_get_every_printk_line);
	tcase_add_test(run, run_tracepoint_program_table_counts_this_process);
	tcase_add_test(run, run_killed_with_sigkill_is_cleaned_up_by_clean);
	suite_add_tcase(s, run);

	tcase_add_unchecked_fixture(tr, run_setup, run_teardown);
	tcase_set_timeout(tr, 60);
	tcase_add_test(tr, raw_tracepoint_sys_enter_counts_this_process_syscalls);
	tcase_add_test(tr, tracepoint_sys_enter_getppid_fires_once_per_call);
	tcase_add_test(tr, tracepoint_that_does_not_exist_is_named);
	tcase_add_loop_test(tr, uprobe_on_a_function_of_a_test_binary_fires_once_per_call, 0, 2);
	tcase_add_test(tr, uprobe_with_a_pid_fires_in_that_process_only);
	tcase_add_test(tr, kprobe_attach_says_what_this_kernel_lacks);
	tcase_add_test(tr, kernel_symbols_resolve_syscall_wrappers);
	tcase_add_test(tr, elf_function_offsets_come_from_the_symbol_table);
	tcase_add_test(tr, socket_filter_sees_every_datagram_and_drops_it);
	suite_add_tcase(s, tr);

	tcase_add_unchecked_fixture(cmd, run_setup, run_teardown);
	tcase_set_timeout(cmd, 60);
	tcase_add_test(cmd, pins_maps_attach_show_detach_and_clean);
	tcase_add_test(cmd, probe_lists_what_the_kernel_supports);
	tcase_add_test(cmd, probing_answers_by_trying);
	tcase_add_test(cmd, mutated_objects_are_refused_or_loaded_never_crash);
	tcase_add_test(cmd, pinned_by_name_maps_are_reused_and_a_mismatch_names_every_field);
	tcase_add_test(cmd, legacy_uprobe_event_fires_and_is_removed_on_detach);
	tcase_add_test(cmd, run_json_and_socket_filter_on_a_device);
	tcase_add_test(cmd, map_dump_prints_values_by_their_btf_types);
	tcase_add_test(cmd, maps_are_created_with_the_objects_btf_types_and_dump_typed);
	tcase_add_test(cmd, pinned_maps_with_btf_or_from_bpftool_are_reused);
	tcase_add_test(cmd, legacy_maps_take_btf_map_structs_and_sized_maps_dump_hex);
	tcase_add_loop_test(cmd, eperm_hint_says_what_is_missing_and_what_else_holds, 0,
			    (int)(sizeof(eperm_cases) / sizeof(eperm_cases[0])));
	tcase_add_test(cmd, prog_array_initial_values_make_tail_calls_run);
	tcase_add_test(cmd,
		       maps_of_maps_hold_their_initial_inner_maps_and_programs_count_through_them);
	tcase_add_loop_test(cmd, maps_of_maps_declared_wrong_are_refused_with_a_clear_error, 0,
			    (int)(sizeof(mim_bad) / sizeof(mim_bad[0])));
	tcase_add_loop_test(cmd, clang_objects_get_bpftools_verdict, 0,
			    (int)(sizeof(clang_objects) / sizeof(clang_objects[0])));
	tcase_add_loop_test(cmd, every_command_has_help, 0,
			    (int)(sizeof(commands) / sizeof(commands[0])));
	suite_add_tcase(s, cmd);
	return s;
}

int main(void)
{
	SRunner *sr;
	int failed;

	kernel_probe();
	sr = srunner_create(load_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	if (home_ns >= 0)
		close(home_ns);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
