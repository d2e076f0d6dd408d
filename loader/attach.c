/* SPDX-License-Identifier: MIT */
/*
 * attach.c - attach a loaded program where its section says, and undo it.
 *
 *   section                          attachment                         undone by
 *   xdp                              rtnetlink IFLA_XDP on a device     IFLA_XDP_FD -1 (ours only)
 *   tracepoint/CAT/NAME, tp/...      perf event PERF_TYPE_TRACEPOINT    closing the perf fd
 *   raw_tracepoint/NAME, raw_tp/...  BPF_RAW_TRACEPOINT_OPEN            closing the link fd
 *   kprobe/FN, kretprobe/FN          "kprobe" PMU perf event, else a    closing the perf fd
 *                                    kprobe_events event                (and removing the event)
 *   uprobe/PATH:FN[+OFF], uretprobe  "uprobe" PMU perf event, else a    the same
 *                                    uprobe_events event
 *   socket                           SO_ATTACH_BPF on a packet socket   closing the socket
 *                                    bound to a device
 *
 * Legacy probe events live in a group unique to this process ("ebpf_load_PID") so that two
 * loaders never remove each other's, and `ebpf-load clean` can find leftovers of dead ones.
 *
 * Invariant: a link returned has done its attachment; ldr_link_detach undoes exactly it.
 */
#define _GNU_SOURCE
#include "attach.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/perf_event.h>

#include "../common/mem.h"

static struct ldr_link *link_new(enum ldr_link_kind kind, const char *prog, const char *desc)
{
	struct ldr_link *l = mem_alloc(sizeof(*l));

	if (!l)
		return NULL;
	l->kind = kind;
	l->fd = -1;
	l->prog_fd = -1;
	l->prog = mem_strdup(prog);
	l->desc = mem_strdup(desc);
	if (!l->prog || !l->desc) {
		mem_free(l->prog);
		mem_free(l->desc);
		mem_free(l);
		return NULL;
	}
	return l;
}

static void link_free(struct ldr_link *l)
{
	mem_free(l->prog);
	mem_free(l->desc);
	mem_free(l->event_file);
	mem_free(l->event);
	mem_free(l);
}

int ldr_link_detach(struct ldr_link *l, struct diag *d)
{
	char eb[160];
	int err = 0, e;

	if (!l)
		return 0;
	switch (l->kind) {
	case LDR_LINK_XDP:
		err = ldr_xdp_detach(l->ifindex, l->mode, l->prog_fd);
		if (err == -EEXIST && d)
			diag_warning(d, NULL,
				     "prog '%s': %s: another program replaced it; left alone",
				     l->prog, l->desc);
		else if (err && d)
			diag_error(d, NULL, "prog '%s': detach from %s: %s", l->prog, l->desc,
				   ldr_errno_format(err, eb, sizeof(eb)));
		break;
	case LDR_LINK_FD:
	case LDR_LINK_SOCKET:
		break;
	case LDR_LINK_PROBE:
		/* The event is busy while the perf fd holds it: close first. */
		if (l->fd >= 0)
			close(l->fd);
		l->fd = -1;
		e = ldr_probe_event_remove(l->event_file, l->event);
		if (e && d)
			diag_warning(d, NULL, "prog '%s': remove probe event %s: %s", l->prog,
				     l->event, ldr_errno_format(e, eb, sizeof(eb)));
		err = err ? err : e;
		break;
	}
	if (l->fd >= 0)
		close(l->fd);
	link_free(l);
	return err;
}

/* ---- probes ---- */

/* "NAME" cleaned to tracefs's event alphabet [A-Za-z0-9_]. */
static void event_name(char *out, size_t len, const char *prefix, const char *name)
{
	static unsigned seq;
	size_t n;

	n = (size_t)snprintf(out, len, "ebpf_load_%ld/%s_%u_", (long)getpid(), prefix, seq++);
	for (const char *p = name; *p && n + 1 < len && n < 64; p++, n++)
		out[n] = (char)(((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
				 (*p >= '0' && *p <= '9'))
					? *p
					: '_');
	out[n < len ? n : len - 1] = '\0';
}

/*
 * A probe through a legacy event: define it, open its tracepoint, attach. On success the
 * link owns the event (removed on detach).
 */
static int probe_legacy(const char *what, int prog_fd, enum ldr_probe_kind kind, int ret,
			const char *target, const char *label, struct ldr_link *l, struct diag *d)
{
	char file[PATH_MAX], ev[160], eb[160];
	const char *root;
	const char *kname = kind == LDR_KPROBE ? "kprobe" : "uprobe";
	int err = 0, fd;
	char *slash;

	root = ldr_tracefs_root(&err);
	if (!root)
		return err;
	snprintf(file, sizeof(file), "%s/%s_events", root, kname);
	if (access(file, F_OK) != 0)
		return -ENOENT;
	event_name(ev, sizeof(ev), ret ? "r" : "p", label);
	err = ldr_probe_event_add(file, ret, ev, target);
	if (err) {
		diag_error(d, NULL, "prog '%s': %s %s: %s_events: %s", what, kname, label, kname,
			   ldr_errno_format(err, eb, sizeof(eb)));
		return err;
	}
	l->event_file = mem_strdup(file);
	l->event = mem_strdup(ev);
	if (!l->event_file || !l->event) {
		ldr_probe_event_remove(file, ev);
		return -ENOMEM;
	}
	slash = strchr(ev, '/');
	*slash = '\0';
	fd = ldr_tracefs_event_id(ev, slash + 1);
	*slash = '/';
	if (fd >= 0) {
		struct perf_event_attr a = {.type = PERF_TYPE_TRACEPOINT,
					    .size = sizeof(a),
					    .config = (uint64_t)fd,
					    .sample_period = 1,
					    .sample_type = PERF_SAMPLE_RAW,
					    .wakeup_events = 1};
		long r = syscall(__NR_perf_event_open, &a, -1, 0, -1, PERF_FLAG_FD_CLOEXEC);

		fd = r < 0 ? -errno : (int)r;
	}
	if (fd >= 0) {
		err = ldr_perf_attach_bpf(fd, prog_fd);
		if (err)
			close(fd);
		else
			l->fd = fd;
	} else {
		err = fd;
	}
	if (err) {
		diag_error(d, NULL, "prog '%s': %s %s (legacy event %s): %s", what, kname, label,
			   ev, ldr_errno_format(err, eb, sizeof(eb)));
		ldr_probe_event_remove(file, ev);
		mem_free(l->event);
		l->event = NULL;
		return err;
	}
	l->kind = LDR_LINK_PROBE;
	return 0;
}

/*
 * The PMU path: one perf_event_open with the function (kprobe) or path and offset (uprobe)
 * in config1/config2. Returns the descriptor, -ENOENT when there is no such PMU.
 */
static int probe_pmu(enum ldr_probe_kind kind, int ret, const char *func_or_path, uint64_t off,
		     int pid)
{
	struct perf_event_attr a;
	int bit, type = ldr_pmu_type(kind == LDR_KPROBE ? "kprobe" : "uprobe", &bit);
	long fd;

	if (type < 0)
		return type;
	memset(&a, 0, sizeof(a));
	a.type = (uint32_t)type;
	a.size = sizeof(a);
	a.sample_period = 1;
	a.sample_type = PERF_SAMPLE_RAW;
	a.wakeup_events = 1;
	a.config1 = (uint64_t)(uintptr_t)func_or_path;
	a.config2 = off;
	if (ret)
		a.config |= 1ULL << bit;
	fd = syscall(__NR_perf_event_open, &a, pid > 0 ? pid : -1, pid > 0 ? -1 : 0, -1,
		     PERF_FLAG_FD_CLOEXEC);
	return fd < 0 ? -errno : (int)fd;
}

static int attach_kprobe(const char *what, int prog_fd, int ret, const char *func, int legacy,
			 struct ldr_link *l, struct diag *d)
{
	char sym[256], eb[160];
	const char *kname = ret ? "kretprobe" : "kprobe";
	int fd, err, pmu = ldr_pmu_type("kprobe", NULL);
	char events[PATH_MAX];
	const char *root;

	if (pmu == -ENOENT) {
		/* No PMU: is there the legacy interface? Without either, no kprobes at all. */
		err = 0;
		root = ldr_tracefs_root(&err);
		snprintf(events, sizeof(events), "%s/kprobe_events",
			 root ? root : "/sys/kernel/tracing");
		if (!root || access(events, F_OK) != 0) {
			diag_error(d, NULL,
				   "prog '%s': %s %s: kprobes are not available in this kernel "
				   "(CONFIG_KPROBES off): no kprobe PMU and no kprobe_events",
				   what, kname, func);
			return -EOPNOTSUPP;
		}
	}
	err = ldr_ksym_resolve(func, sym, sizeof(sym));
	if (err) {
		diag_error(d, NULL,
			   "prog '%s': %s %s: %s: no such function in /proc/kallsyms (also tried "
			   "__x64_sys_ and .isra/.constprop clones)",
			   what, kname, func, ldr_errno_format(err, eb, sizeof(eb)));
		return err;
	}
	if (strcmp(sym, func) != 0)
		diag_note(d, NULL, "prog '%s': %s %s: using kernel symbol '%s'", what, kname, func,
			  sym);
	if (pmu >= 0 && !legacy) {
		fd = probe_pmu(LDR_KPROBE, ret, sym, 0, -1);
		if (fd < 0) {
			diag_error(d, NULL, "prog '%s': %s %s: perf_event_open: %s", what, kname,
				   sym, ldr_errno_format(fd, eb, sizeof(eb)));
			return fd;
		}
		err = ldr_perf_attach_bpf(fd, prog_fd);
		if (err) {
			close(fd);
			diag_error(d, NULL, "prog '%s': %s %s: attach: %s", what, kname, sym,
				   ldr_errno_format(err, eb, sizeof(eb)));
			return err;
		}
		l->fd = fd;
		return 0;
	}
	return probe_legacy(what, prog_fd, LDR_KPROBE, ret, sym, sym, l, d);
}

/* "PATH:FUNC[+OFF]" or "PATH:0xOFF" of a uprobe section into path, function and offset. */
static int uprobe_target(const char *arg, char *path, size_t plen, char *func, size_t flen,
			 uint64_t *off)
{
	const char *colon = strrchr(arg, ':');
	const char *plus;
	char *end;

	if (!colon || colon == arg || !colon[1])
		return -EINVAL;
	snprintf(path, plen, "%.*s", (int)(colon - arg), arg);
	*off = 0;
	func[0] = '\0';
	if (colon[1] >= '0' && colon[1] <= '9') {
		*off = strtoull(colon + 1, &end, 0);
		return *end ? -EINVAL : 0;
	}
	plus = strchr(colon + 1, '+');
	snprintf(func, flen, "%.*s", (int)(plus ? plus - colon - 1 : (long)strlen(colon + 1)),
		 colon + 1);
	if (plus) {
		*off = strtoull(plus + 1, &end, 0);
		if (*end)
			return -EINVAL;
	}
	return 0;
}

static int attach_uprobe(const char *what, int prog_fd, int ret, const char *arg, int pid,
			 int legacy, struct ldr_link *l, struct diag *d)
{
	char path[PATH_MAX], rpath[PATH_MAX], func[256], eb[160], target[PATH_MAX + 32];
	const char *kname = ret ? "uretprobe" : "uprobe";
	uint64_t off, foff = 0;
	int fd, err;

	if (uprobe_target(arg, path, sizeof(path), func, sizeof(func), &off)) {
		diag_error(d, NULL,
			   "prog '%s': %s '%s': expected PATH:FUNCTION[+OFFSET] or PATH:OFFSET",
			   what, kname, arg);
		return -EINVAL;
	}
	if (!realpath(path, rpath)) {
		err = -errno;
		diag_error(d, NULL, "prog '%s': %s: binary '%s': %s", what, kname, path,
			   ldr_errno_format(err, eb, sizeof(eb)));
		return err;
	}
	if (func[0]) {
		err = ldr_elf_func_offset(rpath, func, &foff);
		if (err) {
			diag_error(d, NULL, "prog '%s': %s: function '%s' in %s: %s%s", what, kname,
				   func, rpath, ldr_errno_format(err, eb, sizeof(eb)),
				   err == -ENOENT ? ": not in its symbol tables" : "");
			return err;
		}
	}
	foff += off;
	fd = legacy ? -ENOENT : probe_pmu(LDR_UPROBE, ret, rpath, foff, pid);
	if (fd == -ENOENT) {
		snprintf(target, sizeof(target), "%s:0x%llx", rpath, (unsigned long long)foff);
		err = probe_legacy(what, prog_fd, LDR_UPROBE, ret, target, func[0] ? func : "off",
				   l, d);
		if (err == -ENOENT)
			diag_error(d, NULL,
				   "prog '%s': %s: uprobes are not available in this kernel "
				   "(CONFIG_UPROBE_EVENTS off): no uprobe PMU and no uprobe_events",
				   what, kname);
		return err;
	}
	if (fd < 0) {
		diag_error(d, NULL, "prog '%s': %s %s:0x%llx: perf_event_open: %s", what, kname,
			   rpath, (unsigned long long)foff, ldr_errno_format(fd, eb, sizeof(eb)));
		return fd;
	}
	err = ldr_perf_attach_bpf(fd, prog_fd);
	if (err) {
		close(fd);
		diag_error(d, NULL, "prog '%s': %s %s:0x%llx: attach: %s", what, kname, rpath,
			   (unsigned long long)foff, ldr_errno_format(err, eb, sizeof(eb)));
		return err;
	}
	l->fd = fd;
	return 0;
}

static int attach_socket(const char *what, int prog_fd, const char *dev, struct ldr_link *l,
			 struct diag *d)
{
	struct sockaddr_ll sa = {.sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_ALL)};
	char eb[160];
	int s, err;

	sa.sll_ifindex = (int)if_nametoindex(dev);
	if (!sa.sll_ifindex) {
		err = -ENODEV;
		diag_error(d, NULL,
			   "prog '%s': device '%s': %s: 'ip link' lists the devices of this "
			   "network namespace",
			   what, dev, ldr_errno_format(err, eb, sizeof(eb)));
		return err;
	}
	s = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, htons(ETH_P_ALL));
	if (s < 0 || bind(s, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		err = -errno;
		if (s >= 0)
			close(s);
		diag_error(d, NULL, "prog '%s': packet socket on %s: %s%s", what, dev,
			   ldr_errno_format(err, eb, sizeof(eb)),
			   err == -EPERM ? ": run as root or grant CAP_NET_RAW" : "");
		return err;
	}
	err = ldr_socket_attach(s, prog_fd);
	if (err) {
		close(s);
		diag_error(d, NULL, "prog '%s': SO_ATTACH_BPF on %s: %s", what, dev,
			   ldr_errno_format(err, eb, sizeof(eb)));
		return err;
	}
	l->fd = s;
	return 0;
}

static int starts(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(s, prefix, n) == 0 && (s[n] == '/' || s[n] == '\0');
}

int ldr_prog_attach(const struct obj *o, const struct ldr_loaded_prog *p,
		    const struct ldr_attach_opts *opts, struct ldr_link **out, struct diag *d)
{
	const struct obj_prog *op = &o->progs[p->obj_prog];
	const char *sec = op->sec >= 0 && (size_t)op->sec < o->nsecs ? o->secs[op->sec].name : "";
	const char *what = p->name, *arg;
	char desc[PATH_MAX + 64], eb[160];
	struct ldr_link *l;
	int err = 0, ret = 0, fd;

	*out = NULL;
	if (*sec == '?')
		sec++;
	arg = strchr(sec, '/') ? strchr(sec, '/') + 1 : "";
	snprintf(desc, sizeof(desc), "%s", sec);
	l = link_new(LDR_LINK_FD, what, desc);
	if (!l)
		return -ENOMEM;
	l->prog_fd = p->fd;

	if (strcmp(sec, "xdp") == 0 || strcmp(sec, "xdp.frags") == 0) {
		enum ldr_xdp_mode got = LDR_XDP_AUTO;

		if (!opts || !opts->xdp_dev) {
			diag_error(d, NULL,
				   "prog '%s': section '%s' attaches to a device: give --xdp DEV",
				   what, sec);
			err = -EINVAL;
			goto out_free;
		}
		err = ldr_xdp_attach(what, opts->xdp_dev, p->fd, opts->xdp_mode, opts->xdp_replace,
				     &got, d);
		if (err)
			goto out_free;
		l->kind = LDR_LINK_XDP;
		l->ifindex = (int)if_nametoindex(opts->xdp_dev);
		l->mode = got;
		snprintf(desc, sizeof(desc), "xdp %s (%s mode)", opts->xdp_dev,
			 ldr_xdp_mode_name(got));
	} else if (starts(sec, "tracepoint") || starts(sec, "tp")) {
		char cat[256];
		const char *slash = strchr(arg, '/');

		if (!slash || slash == arg || !slash[1]) {
			diag_error(d, NULL,
				   "prog '%s': section '%s': expected tracepoint/CATEGORY/NAME",
				   what, sec);
			err = -EINVAL;
			goto out_free;
		}
		snprintf(cat, sizeof(cat), "%.*s", (int)(slash - arg), arg);
		fd = ldr_tracepoint_attach(what, p->fd, cat, slash + 1, d);
		if (fd < 0) {
			err = fd;
			goto out_free;
		}
		l->fd = fd;
		snprintf(desc, sizeof(desc), "tracepoint %s", arg);
	} else if (starts(sec, "raw_tracepoint") || starts(sec, "raw_tp")) {
		if (!*arg) {
			diag_error(d, NULL, "prog '%s': section '%s': expected raw_tracepoint/NAME",
				   what, sec);
			err = -EINVAL;
			goto out_free;
		}
		fd = ldr_raw_tracepoint_open(p->fd, arg);
		if (fd < 0) {
			err = fd;
			diag_error(d, NULL, "prog '%s': raw tracepoint %s: %s%s", what, arg,
				   ldr_errno_format(fd, eb, sizeof(eb)),
				   fd == -ENOENT ? ": no such tracepoint in this kernel" : "");
			goto out_free;
		}
		l->fd = fd;
		snprintf(desc, sizeof(desc), "raw_tracepoint %s", arg);
	} else if ((ret = starts(sec, "kretprobe")) || starts(sec, "kprobe")) {
		if (!*arg) {
			diag_error(d, NULL, "prog '%s': section '%s': expected %s/FUNCTION", what,
				   sec, ret ? "kretprobe" : "kprobe");
			err = -EINVAL;
			goto out_free;
		}
		err = attach_kprobe(what, p->fd, ret, arg, opts ? opts->legacy_probes : 0, l, d);
		if (err)
			goto out_free;
		snprintf(desc, sizeof(desc), "%s %s", ret ? "kretprobe" : "kprobe", arg);
	} else if ((ret = starts(sec, "uretprobe")) || starts(sec, "uprobe")) {
		err = attach_uprobe(what, p->fd, ret, arg, opts ? opts->uprobe_pid : -1,
				    opts ? opts->legacy_probes : 0, l, d);
		if (err)
			goto out_free;
		snprintf(desc, sizeof(desc), "%s %s", ret ? "uretprobe" : "uprobe", arg);
	} else if (strcmp(sec, "socket") == 0) {
		if (!opts || !opts->socket_dev) {
			diag_error(
				d, NULL,
				"prog '%s': a socket filter attaches on request: give --socket DEV",
				what);
			err = -EINVAL;
			goto out_free;
		}
		err = attach_socket(what, p->fd, opts->socket_dev, l, d);
		if (err)
			goto out_free;
		l->kind = LDR_LINK_SOCKET;
		snprintf(desc, sizeof(desc), "socket on %s", opts->socket_dev);
	} else {
		diag_error(d, NULL,
			   "prog '%s': section '%s': attaching it is not supported (xdp, "
			   "tracepoint/, raw_tracepoint/, kprobe/, kretprobe/, uprobe/, "
			   "uretprobe/, socket are)",
			   what, sec);
		err = -ENOTSUP;
		goto out_free;
	}
	mem_free(l->desc);
	l->desc = mem_strdup(desc);
	if (!l->desc) {
		ldr_link_detach(l, NULL);
		return -ENOMEM;
	}
	*out = l;
	return 0;

out_free:
	if (l->fd >= 0)
		close(l->fd);
	link_free(l);
	return err;
}
