/* SPDX-License-Identifier: MIT */
/*
 * load-main.c - ebpf-load: load eBPF objects into this kernel and attach them, no libbpf.
 *
 *   ebpf-load run PROG.o [--xdp DEV [--mode M]] [--socket DEV] [--watch MAP,..] [--trace]
 *   ebpf-load load PROG.o --pin DIR
 *   ebpf-load attach xdp DEV PINNED_PROG [--mode M] [--force]
 *   ebpf-load detach xdp DEV [--mode M]
 *   ebpf-load show
 *   ebpf-load map dump|lookup|update|delete PINNED_MAP [KEY [VALUE]]
 *   ebpf-load trace
 *   ebpf-load probe
 *   ebpf-load clean [--pin DIR]
 *
 * Subcommands dispatch from a table; each parses its own options and returns the exit
 * status: 0 success, 1 the kernel refused (verifier verdict, attach refused), 2 usage or
 * input errors. Messages go through the diagnostics engine, streamed to stderr as they come
 * (a `run` lasts until Ctrl-C), as text or, with --json, one JSON object per line.
 *
 * `run` stays in the foreground: SIGINT and SIGTERM only set a flag, the loop notices it
 * within one poll, and every attachment is undone before the exit (the programs and maps go
 * with the descriptors).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <linux/if_link.h>

#include "config.h"
#include "common/str.h"
#include "common/mem.h"
#include "loader/attach.h"
#include "loader/loader.h"
#include "obj/obj.h"
#include "verifier-sim/vsim.h"

#define EXIT_REFUSED 1
#define EXIT_USAGE   2

static const char *prog_name = "ebpf-load";
static int json;
static int verify_first; /* --verify: the verifier simulation before the kernel */
static volatile sig_atomic_t stop;

/* ---- diagnostics: streamed as reported ---- */

static void sink(const struct diag *d, const struct diag_msg *m, void *arg)
{
	(void)arg;
	if (json) {
		diag_msg_print_json(m, stderr);
	} else {
		/* Messages without a file are the program's own: "ebpf-load: error: ..." */
		if (!m->file)
			fprintf(stderr, "%s: ", prog_name);
		diag_msg_print(d, m, stderr, 0);
	}
	fflush(stderr);
}

static void diag_start(struct diag *d)
{
	diag_init(d);
	d->sink = sink;
}

/* End of a command: the error count in text mode, then the exit status. */
static int diag_end(struct diag *d, int status)
{
	if (!json && d->nerrors)
		fprintf(stderr, "%s: %u error%s generated\n", prog_name, d->nerrors,
			d->nerrors == 1 ? "" : "s");
	diag_fini(d);
	return status;
}

/* -errno to an exit status: input and usage problems are 2, the kernel's refusals 1. */
static int status_of(int err)
{
	switch (err) {
	case 0:
		return 0;
	case -ENOENT:
	case -ENODEV:
	case -ENOEXEC:
	case -EISDIR:
	case -ENOTDIR:
	case -ENAMETOOLONG:
		return EXIT_USAGE;
	default:
		return EXIT_REFUSED;
	}
}

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void signals_catch(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal; /* no SA_RESTART: poll() returns EINTR at once */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* A closed pipe must not kill us with attachments in place: writes fail instead,
	 * and the loop stops on that error. */
	signal(SIGPIPE, SIG_IGN);
}

static int parse_uint(const char *opt, const char *s, unsigned long long max,
		      unsigned long long *out)
{
	uint64_t v;

	if (str_to_u64(s, max, &v)) {
		fprintf(stderr, "%s: %s wants a number up to %llu, not '%s'\n", prog_name, opt, max,
			s);
		return -1;
	}
	*out = v;
	return 0;
}

/* ---- reading and loading an object ---- */

struct loaded {
	struct obj *o;
	struct ldr_loaded *l;
};

static int log_write(const char *path, const struct ldr_loaded *l, struct diag *d)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		char eb[160];
		diag_error(d, NULL, "--log '%s': %s", path,
			   ldr_errno_format(-errno, eb, sizeof(eb)));
		return -EIO;
	}
	for (size_t i = 0; i < l->nprogs; i++)
		fprintf(f, "=== prog '%s' (%s) ===\n%s\n", l->progs[i].name,
			l->progs[i].fd >= 0 ? "accepted" : "refused",
			l->progs[i].log ? l->progs[i].log : "(no log: never reached the kernel)");
	fclose(f);
	return 0;
}

/* Where maps with pinning=by_name live (--pin-root); libbpf's default. */
static const char *pin_root = "/sys/fs/bpf";

/* Read and load @path. Returns 0 or the exit status. */
static int object_load(const char *path, uint32_t log_level, const char *log_file,
		       struct loaded *out, struct diag *d)
{
	/* The log of an accepted program is wanted only with --log FILE. */
	struct ldr_opts opts = {.name = path,
				.log_level = log_level,
				.pin_root = pin_root,
				.log_on_failure = !log_file};
	int err;

	memset(out, 0, sizeof(*out));
	err = obj_read_file(path, &out->o, d);
	if (err)
		return EXIT_USAGE;
	if (out->o->nprogs == 0) {
		diag_error(d, NULL, "%s: no programs (global functions in executable sections)",
			   path);
		return EXIT_USAGE;
	}
	if (verify_first) {
		/* ebpf-verify's verdicts on stdout; the kernel is not asked when one rejects */
		struct vsim_report_opts vr = {.json = json, .tool = prog_name};
		int v = vsim_obj_report(out->o, path, &vr, stdout);

		if (v)
			return v == 1 ? EXIT_REFUSED : EXIT_USAGE;
	}
	for (size_t i = 0; i < out->o->nmaps; i++)
		if (out->o->maps[i].pinning == 1) {
			if (ldr_bpffs_prepare(pin_root, d))
				return EXIT_USAGE;
			break;
		}
	err = ldr_obj_load(out->o, &opts, &out->l, d);
	if (log_file && out->l)
		log_write(log_file, out->l, d);
	if (err)
		return err == -ENOMEM ? EXIT_REFUSED : status_of(err == -ENOENT ? -EINVAL : err);
	return 0;
}

static void object_free(struct loaded *x)
{
	ldr_loaded_free(x->l);
	obj_free(x->o);
}

/* ---- watched maps ---- */

static int ncpus_possible(void)
{
	static int n;
	char buf[128];
	FILE *f;

	if (n)
		return n;
	n = 1;
	f = fopen("/sys/devices/system/cpu/possible", "re");
	if (f && fgets(buf, sizeof(buf), f)) {
		/* "0-3" or "0,2-5": the highest number plus one */
		char *p = buf;
		long hi = 0;

		while (*p) {
			char *end;
			long v = strtol(p, &end, 10);

			if (end == p)
				break;
			if (v > hi)
				hi = v;
			p = *end ? end + 1 : end;
		}
		n = (int)hi + 1;
	}
	if (f)
		fclose(f);
	return n;
}

static int map_is_percpu(uint32_t type)
{
	return type == BPF_MAP_TYPE_PERCPU_HASH || type == BPF_MAP_TYPE_PERCPU_ARRAY ||
	       type == BPF_MAP_TYPE_LRU_PERCPU_HASH || type == BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE;
}

static int map_is_iterable(uint32_t type)
{
	switch (type) {
	case BPF_MAP_TYPE_RINGBUF:
	case BPF_MAP_TYPE_USER_RINGBUF:
	case BPF_MAP_TYPE_PERF_EVENT_ARRAY:
	case BPF_MAP_TYPE_QUEUE:
	case BPF_MAP_TYPE_STACK:
	case BPF_MAP_TYPE_BLOOM_FILTER:
		return 0;
	default:
		return 1;
	}
}

/* A number of 1, 2, 4 or 8 bytes, little-endian, or 0 with *@ok clear. */
static uint64_t as_number(const uint8_t *p, size_t n, int *ok)
{
	uint64_t v = 0;

	*ok = n == 1 || n == 2 || n == 4 || n == 8;
	if (!*ok)
		return 0;
	for (size_t i = n; i-- > 0;)
		v = v << 8 | p[i];
	return v;
}

static void hex_print(FILE *f, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%02x", i ? " " : "", p[i]);
}

/* A key or value as a number (1, 2, 4 or 8 bytes) or hex bytes (a string under --json). */
static void bytes_print(FILE *f, const uint8_t *p, size_t n)
{
	int ok;
	uint64_t v = as_number(p, n, &ok);

	if (ok) {
		fprintf(f, "%" PRIu64, v);
		return;
	}
	if (json)
		fputc('"', f);
	hex_print(f, p, n);
	if (json)
		fputc('"', f);
}

/* A key or value by its BTF type when the map has one, else as a number or hex. */
static void typed_print(FILE *f, const struct ldr_btf *btf, uint32_t type, const uint8_t *p,
			size_t n)
{
	if (btf && type && ldr_btf_print(btf, type, p, n, f) == 0)
		return;
	bytes_print(f, p, n);
}

/* typed_print into a string (free() it); NULL without memory. */
static char *typed_string(const struct ldr_btf *btf, uint32_t type, const uint8_t *p, size_t n)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);

	if (!f)
		return NULL;
	typed_print(f, btf, type, p, n);
	if (fclose(f) != 0) {
		free(s);
		return NULL;
	}
	return s;
}

struct watch_prev {
	uint8_t *key;
	uint64_t value;
};

struct watch {
	const char *name;
	int fd;
	uint32_t type, key_size, value_size;
	struct ldr_btf *btf; /* the map's BTF, NULL: none (keys and values untyped) */
	uint32_t key_type, value_type;
	struct watch_prev *prev, *cur;
	size_t nprev, ncur, cap_prev, cap_cur;
};

static const struct watch_prev *prev_find(const struct watch *w, const uint8_t *key)
{
	for (size_t i = 0; i < w->nprev; i++)
		if (memcmp(w->prev[i].key, key, w->key_size) == 0)
			return &w->prev[i];
	return NULL;
}

static void prev_free(struct watch_prev *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mem_free(p[i].key);
	mem_free(p);
}

/* Print one watched map's rows: key, value (summed over CPUs for per-CPU maps), delta. */
static void watch_print(struct watch *w, const char *when)
{
	size_t vs = w->value_size, stride = (vs + 7) & ~(size_t)7;
	int ncpu = map_is_percpu(w->type) ? ncpus_possible() : 1;
	uint8_t *key = mem_alloc(w->key_size), *next = mem_alloc(w->key_size);
	uint8_t *val = mem_alloc(map_is_percpu(w->type) ? stride * (size_t)ncpu : vs);
	int first = 1, rows = 0;

	if (!key || !next || !val)
		goto out;
	w->ncur = 0;
	for (;;) {
		int ok, err = ldr_map_get_next_key(w->fd, first ? NULL : key, next);
		uint64_t v = 0;
		const struct watch_prev *p;
		struct watch_prev *nc;
		char *ks, *vstr;

		if (err)
			break;
		memcpy(key, next, w->key_size);
		first = 0;
		if (ldr_map_lookup(w->fd, key, val))
			continue; /* deleted meanwhile */
		ok = vs <= 8;
		for (int c = 0; c < ncpu && ok; c++)
			v += as_number(val + (size_t)c * stride, vs, &ok);
		p = prev_find(w, key);
		/* Keys by their types; values that sum to a number as numbers with a delta,
		 * others (structs, arrays) by their types. */
		ks = typed_string(w->btf, w->key_type, key, w->key_size);
		vstr = ok ? NULL : typed_string(w->btf, w->value_type, val, vs);
		if (!ks || (!ok && !vstr)) {
			free(ks);
			continue;
		}
		if (json) {
			printf("{\"time\":\"%s\",\"map\":", when);
			json_put_string(stdout, w->name);
			printf(",\"key\":%s", ks);
			if (ok)
				printf(",\"value\":%" PRIu64 ",\"delta\":%" PRId64 "}\n", v,
				       (int64_t)(v - (p ? p->value : 0)));
			else
				printf(",\"value\":%s}\n", vstr);
		} else {
			printf("%-16s %-20s ", w->name, ks);
			if (ok)
				printf("%-20" PRIu64 " %+" PRId64 "\n", v,
				       (int64_t)(v - (p ? p->value : 0)));
			else
				printf("%s\n", vstr);
		}
		free(ks);
		free(vstr);
		rows++;
		nc = mem_array(w->cur, &w->cap_cur, w->ncur + 1, sizeof(*nc));
		if (!nc)
			continue;
		w->cur = nc;
		w->cur[w->ncur].key = mem_alloc(w->key_size);
		if (!w->cur[w->ncur].key)
			continue;
		memcpy(w->cur[w->ncur].key, key, w->key_size);
		w->cur[w->ncur++].value = v;
	}
	if (!rows && !json)
		printf("%-16s (empty)\n", w->name);
	/* This round's values are the next round's base. */
	prev_free(w->prev, w->nprev);
	w->prev = w->cur;
	w->nprev = w->ncur;
	w->cap_prev = w->cap_cur;
	w->cur = NULL;
	w->ncur = w->cap_cur = 0;
out:
	mem_free(key);
	mem_free(next);
	mem_free(val);
}

static void watches_print(struct watch *ws, size_t n, const char *label)
{
	char when[32];
	time_t t = time(NULL);
	struct tm tm;

	if (!n)
		return;
	if (label)
		snprintf(when, sizeof(when), "%s", label);
	else
		strftime(when, sizeof(when), "%H:%M:%S", localtime_r(&t, &tm));
	if (!json)
		printf("# %s\n%-16s %-20s %-20s %s\n", when, "MAP", "KEY", "VALUE", "DELTA");
	for (size_t i = 0; i < n; i++)
		watch_print(&ws[i], when);
	fflush(stdout);
}

/* --watch a,b: find each map; unknown or unreadable names are errors. */
static int watches_setup(const char *list, const struct ldr_loaded *l, struct watch **out,
			 size_t *nout, struct diag *d)
{
	char *copy = mem_strdup(list), *save = NULL;
	struct watch *ws = NULL;
	size_t n = 0, cap = 0;
	int err = 0;

	if (!copy)
		return -ENOMEM;
	for (char *name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		const struct ldr_loaded_map *m = ldr_loaded_map_find(l, name);
		struct ldr_map_info mi;
		struct watch *nw;

		if (!m || m->fd < 0) {
			diag_error(d, NULL, "--watch: no map '%s' in the object", name);
			for (size_t i = 0; i < l->nmaps; i++)
				diag_note(d, NULL, "map '%s' is there", l->maps[i].name);
			err = -ENOENT;
			continue;
		}
		if (!map_is_iterable(m->type)) {
			const struct isa_maptype *mt = isa_maptype_by_id((int)m->type);

			diag_error(d, NULL, "--watch: map '%s' (%s) has no keys to walk", name,
				   mt ? mt->name : "?");
			err = -EINVAL;
			continue;
		}
		nw = mem_array(ws, &cap, n + 1, sizeof(*ws));
		if (!nw) {
			err = -ENOMEM;
			break;
		}
		ws = nw;
		memset(&ws[n], 0, sizeof(ws[n]));
		if (ldr_map_info(m->fd, &mi) == 0 && mi.btf_id &&
		    ldr_btf_get(mi.btf_id, &ws[n].btf) == 0) {
			ws[n].key_type = mi.btf_key_type_id;
			ws[n].value_type = mi.btf_value_type_id;
		}
		ws[n].name = m->name;
		ws[n].fd = m->fd;
		ws[n].type = m->type;
		ws[n].key_size = m->key_size;
		ws[n].value_size = m->value_size;
		n++;
	}
	mem_free(copy);
	*out = ws;
	*nout = n;
	return err;
}

static void watches_free(struct watch *ws, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		prev_free(ws[i].prev, ws[i].nprev);
		prev_free(ws[i].cur, ws[i].ncur);
		ldr_btf_free(ws[i].btf);
	}
	mem_free(ws);
}

/* ---- printk output ---- */

/* Copy what trace_pipe has to stdout; lines in JSON mode. Returns -errno or 0. */
static void trace_drain(int fd, struct buf *pending)
{
	char chunk[4096];
	ssize_t n;

	while ((n = read(fd, chunk, sizeof(chunk))) > 0) {
		char *start, *nl;

		if (buf_append(pending, chunk, (size_t)n))
			return;
		start = (char *)pending->data;
		while ((nl = memchr(start, '\n',
				    pending->len - (size_t)(start - (char *)pending->data))) !=
		       NULL) {
			*nl = '\0';
			if (json) {
				printf("{\"trace\":");
				json_put_string(stdout, start);
				printf("}\n");
			} else {
				printf("%s\n", start);
			}
			start = nl + 1;
		}
		memmove(pending->data, start,
			pending->len - (size_t)(start - (char *)pending->data));
		pending->len -= (size_t)(start - (char *)pending->data);
	}
	fflush(stdout);
}

/* ---- records of XDP attachments, for show and clean ---- */

/*
 * An XDP attachment made over rtnetlink outlives the process that made it: `attach` means
 * it to, and a `run` that is killed (SIGKILL) cannot undo its own. Both leave a record,
 * STATE_DIR/xdp-NETNS-IFINDEX holding "DEV MODE PROG_ID PID" (NETNS is the inode of the
 * network namespace, so devices of different namespaces never share a record; PID is 0 for
 * `attach`, the process for `run`, which removes its record when it detaches). `show` marks
 * the programs we attached; `clean` detaches those of `attach` and of `run` processes that
 * are gone, only while the same program is still there; `detach` forgets them.
 * $EBPF_LOAD_STATE overrides the directory.
 */
static const char *state_dir(void)
{
	const char *s = getenv("EBPF_LOAD_STATE");

	return s && *s ? s : "/run/ebpf-load";
}

static unsigned long long netns_ino(void)
{
	struct stat st;

	return stat("/proc/self/ns/net", &st) == 0 ? (unsigned long long)st.st_ino : 0;
}

static void record_path(char *buf, size_t len, int ifindex)
{
	snprintf(buf, len, "%s/xdp-%llu-%d", state_dir(), netns_ino(), ifindex);
}

static void record_add(int ifindex, const char *dev, enum ldr_xdp_mode mode, uint32_t id, long pid)
{
	char path[PATH_MAX];
	FILE *f;

	mkdir(state_dir(), 0700);
	record_path(path, sizeof(path), ifindex);
	f = fopen(path, "we");
	if (!f)
		return; /* bookkeeping only: the attachment stands */
	fprintf(f, "%s %s %u %ld\n", dev, ldr_xdp_mode_name(mode), id, pid);
	fclose(f);
}

/* The record of @ifindex: 0 with *@mode, *@id and *@pid, or -ENOENT. */
static int record_get(int ifindex, enum ldr_xdp_mode *mode, uint32_t *id, long *pid)
{
	char path[PATH_MAX], dev[IF_NAMESIZE + 1], m[16];
	FILE *f;
	int n;

	record_path(path, sizeof(path), ifindex);
	f = fopen(path, "re");
	if (!f)
		return -ENOENT;
	*pid = 0;
	n = fscanf(f, "%16s %15s %u %ld", dev, m, id, pid);
	fclose(f);
	return n >= 3 && ldr_xdp_mode_parse(m, mode) == 0 ? 0 : -ENOENT;
}

static void record_remove(int ifindex)
{
	char path[PATH_MAX];

	record_path(path, sizeof(path), ifindex);
	unlink(path);
}

/* ---- run ---- */

static void run_usage(FILE *f)
{
	fputs("Usage: ebpf-load run PROG.o [OPTION]...\n"
	      "Load every program of PROG.o, attach each where its section says, stay in the\n"
	      "foreground; Ctrl-C or SIGTERM detaches and unloads everything.\n"
	      "\n"
	      "      --xdp DEV          attach XDP programs to DEV\n"
	      "      --mode MODE        XDP mode: auto (native, else skb), native, skb, hw\n"
	      "      --force            replace an XDP program already on DEV\n"
	      "      --socket DEV       attach socket filters to a packet socket on DEV\n"
	      "      --pid PID          uprobes fire in PID only (default: every process)\n"
	      "      --watch MAP[,MAP]  print these maps every interval, with deltas\n"
	      "      --interval MS      watch interval (default 1000)\n"
	      "      --trace            stream bpf_trace_printk output (private tracefs instance)\n"
	      "      --duration SEC     detach and exit after SEC seconds\n"
	      "      --log FILE         write every program's full verifier log to FILE\n"
	      "      --log-level N      verifier log level (1, 2)\n"
	      "      --verify           first verify every program as ebpf-verify does; load\n"
	      "                         nothing when one is rejected\n"
	      "      --pin-root DIR     where maps with pinning=by_name are reused or pinned\n"
	      "                         (default /sys/fs/bpf)\n"
	      "      --json             JSON output, one object per line\n"
	      "  -h, --help             show this help\n",
	      f);
}

struct run_state {
	struct ldr_link **links;
	size_t nlinks, cap;
};

static void links_detach(struct run_state *rs, struct diag *d)
{
	/* Last attached first. */
	while (rs->nlinks > 0) {
		struct ldr_link *l = rs->links[--rs->nlinks];

		if (!json)
			fprintf(stderr, "%s: prog '%s': detaching from %s\n", prog_name, l->prog,
				l->desc);
		if (l->kind == LDR_LINK_XDP)
			record_remove(l->ifindex);
		ldr_link_detach(l, d);
	}
	mem_free(rs->links);
	rs->links = NULL;
}

static int cmd_run(int argc, char **argv)
{
	enum {
		O_XDP = 256,
		O_MODE,
		O_FORCE,
		O_SOCKET,
		O_PID,
		O_WATCH,
		O_INTERVAL,
		O_TRACE,
		O_DURATION,
		O_LOG,
		O_LOGLEVEL,
		O_JSON,
		O_PINROOT,
		O_VERIFY
	};
	static const struct option lo[] = {
		{"verify", no_argument, NULL, O_VERIFY},
		{"xdp", required_argument, NULL, O_XDP},
		{"mode", required_argument, NULL, O_MODE},
		{"force", no_argument, NULL, O_FORCE},
		{"socket", required_argument, NULL, O_SOCKET},
		{"pid", required_argument, NULL, O_PID},
		{"watch", required_argument, NULL, O_WATCH},
		{"interval", required_argument, NULL, O_INTERVAL},
		{"trace", no_argument, NULL, O_TRACE},
		{"duration", required_argument, NULL, O_DURATION},
		{"log", required_argument, NULL, O_LOG},
		{"log-level", required_argument, NULL, O_LOGLEVEL},
		{"pin-root", required_argument, NULL, O_PINROOT},
		{"json", no_argument, NULL, O_JSON},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct ldr_attach_opts ao = {.xdp_mode = LDR_XDP_AUTO, .uprobe_pid = -1};
	const char *watch = NULL, *log_file = NULL;
	unsigned long long interval = 1000, duration = 0, v, log_level = 0;
	int trace = 0, c, status = 0, tfd = -1, mode_given = 0;
	char inst[PATH_MAX] = "";
	struct run_state rs = {0};
	struct watch *ws = NULL;
	size_t nws = 0;
	struct buf pending = {0};
	struct loaded x;
	struct diag d;
	struct timespec t0, now;

	while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		switch (c) {
		case O_XDP:
			ao.xdp_dev = optarg;
			break;
		case O_MODE:
			if (ldr_xdp_mode_parse(optarg, &ao.xdp_mode)) {
				fprintf(stderr,
					"%s: --mode: 'auto', 'native', 'skb' or 'hw', not '%s'\n",
					prog_name, optarg);
				return EXIT_USAGE;
			}
			mode_given = 1;
			break;
		case O_FORCE:
			ao.xdp_replace = 1;
			break;
		case O_VERIFY:
			verify_first = 1;
			break;
		case O_SOCKET:
			ao.socket_dev = optarg;
			break;
		case O_PID:
			if (parse_uint("--pid", optarg, INT_MAX, &v))
				return EXIT_USAGE;
			ao.uprobe_pid = (int)v;
			break;
		case O_WATCH:
			watch = optarg;
			break;
		case O_INTERVAL:
			if (parse_uint("--interval", optarg, 3600000, &interval) || !interval)
				return EXIT_USAGE;
			break;
		case O_TRACE:
			trace = 1;
			break;
		case O_DURATION:
			if (parse_uint("--duration", optarg, 86400 * 365, &duration))
				return EXIT_USAGE;
			break;
		case O_LOG:
			log_file = optarg;
			break;
		case O_LOGLEVEL:
			if (parse_uint("--log-level", optarg, 2, &log_level))
				return EXIT_USAGE;
			break;
		case O_PINROOT:
			pin_root = optarg;
			break;
		case O_JSON:
			json = 1;
			break;
		case 'h':
			run_usage(stdout);
			return 0;
		default:
			run_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind + 1 != argc) {
		fprintf(stderr, "%s: run: expected one object file\n", prog_name);
		run_usage(stderr);
		return EXIT_USAGE;
	}
	if (mode_given && !ao.xdp_dev) {
		fprintf(stderr, "%s: run: --mode goes with --xdp DEV\n", prog_name);
		return EXIT_USAGE;
	}

	diag_start(&d);
	status = object_load(argv[optind], (uint32_t)log_level, log_file, &x, &d);
	if (status)
		goto out_free;
	if (watch && watches_setup(watch, x.l, &ws, &nws, &d)) {
		status = EXIT_USAGE;
		goto out_free;
	}
	if (trace) {
		tfd = ldr_trace_open(inst, sizeof(inst));
		if (tfd < 0) {
			char eb[160];

			diag_error(&d, NULL, "--trace: private tracefs instance: %s",
				   ldr_errno_format(tfd, eb, sizeof(eb)));
			status = EXIT_REFUSED;
			goto out_free;
		}
	}
	signals_catch();
	for (size_t i = 0; i < x.l->nprogs && !stop; i++) {
		const struct ldr_loaded_prog *p = &x.l->progs[i];
		const char *sec = x.o->secs[x.o->progs[p->obj_prog].sec].name;
		struct ldr_link *lk, **nl;
		int err;

		if (strcmp(sec, "socket") == 0 && !ao.socket_dev) {
			diag_note(&d, NULL,
				  "prog '%s': socket filter loaded, not attached (--socket DEV "
				  "attaches it)",
				  p->name);
			continue;
		}
		err = ldr_prog_attach(x.o, p, &ao, &lk, &d);
		if (err) {
			status = err == -ENODEV || err == -EINVAL ? EXIT_USAGE : EXIT_REFUSED;
			goto out_detach;
		}
		nl = mem_array(rs.links, &rs.cap, rs.nlinks + 1, sizeof(*nl));
		if (!nl) {
			ldr_link_detach(lk, &d);
			status = EXIT_REFUSED;
			goto out_detach;
		}
		rs.links = nl;
		rs.links[rs.nlinks++] = lk;
		if (lk->kind == LDR_LINK_XDP) {
			struct ldr_prog_info pi;

			if (ldr_prog_info(p->fd, &pi) == 0)
				record_add(lk->ifindex, ao.xdp_dev, lk->mode, pi.id,
					   (long)getpid());
		}
		if (json) {
			printf("{\"attached\":");
			json_put_string(stdout, p->name);
			printf(",\"where\":");
			json_put_string(stdout, lk->desc);
			printf("}\n");
			fflush(stdout);
		} else {
			fprintf(stderr, "%s: prog '%s': attached to %s\n", prog_name, p->name,
				lk->desc);
		}
	}
	if (!json)
		fprintf(stderr, "%s: running; Ctrl-C or SIGTERM detaches and exits\n", prog_name);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	{
		long long next_tick = (long long)interval;

		while (!stop && !ferror(stdout)) {
			struct pollfd pf[64];
			nfds_t np = 0;
			long long ms;

			if (tfd >= 0)
				pf[np++] = (struct pollfd){.fd = tfd, .events = POLLIN};
			for (size_t i = 0; i < rs.nlinks && np < 64; i++)
				if (rs.links[i]->kind == LDR_LINK_SOCKET)
					pf[np++] = (struct pollfd){.fd = rs.links[i]->fd,
								   .events = POLLIN};
			clock_gettime(CLOCK_MONOTONIC, &now);
			ms = (now.tv_sec - t0.tv_sec) * 1000LL +
			     (now.tv_nsec - t0.tv_nsec) / 1000000;
			if (duration && ms >= (long long)duration * 1000)
				break;
			if (ms >= next_tick) {
				watches_print(ws, nws, NULL);
				while (next_tick <= ms)
					next_tick += (long long)interval;
			}
			if (poll(pf, np, (int)(next_tick - ms)) > 0) {
				for (nfds_t i = 0; i < np; i++) {
					char junk[2048];

					if (!(pf[i].revents & POLLIN))
						continue;
					if (pf[i].fd == tfd)
						trace_drain(tfd, &pending);
					else /* packets a socket filter kept: already counted */
						while (read(pf[i].fd, junk, sizeof(junk)) > 0)
							;
				}
			}
		}
	}
	if (tfd >= 0)
		trace_drain(tfd, &pending);

out_detach:
	links_detach(&rs, &d);
	if (!status)
		watches_print(ws, nws, "final");
out_free:
	ldr_trace_close(tfd, inst);
	buf_free(&pending);
	watches_free(ws, nws);
	object_free(&x);
	return diag_end(&d, status);
}

/* ---- load --pin ---- */

/* Pin @fd at DIR/SUB/NAME; bpffs refuses names with a '.', which become '_' (as libbpf
 * makes them: the map of .data is pinned as _data). */
static int pin_one(const char *dir, const char *sub, const char *name, int fd, struct diag *d)
{
	char path[PATH_MAX], eb[160];
	size_t base;
	int err;

	if (snprintf(path, sizeof(path), "%s%s/%s", dir, sub, name) >= (int)sizeof(path))
		return -ENAMETOOLONG;
	base = strlen(path) - strlen(name);
	for (char *p = path + base; *p; p++)
		if (*p == '.')
			*p = '_';
	unlink(path); /* a pin left by an earlier load of the same object */
	err = ldr_obj_pin(fd, path);
	if (err)
		diag_error(d, NULL, "pin '%s': %s", path, ldr_errno_format(err, eb, sizeof(eb)));
	else if (!json)
		printf("%s\n", path);
	else {
		printf("{\"pinned\":");
		json_put_string(stdout, path);
		printf("}\n");
	}
	return err;
}

static int cmd_load(int argc, char **argv)
{
	enum { O_PIN = 256, O_LOG, O_LOGLEVEL, O_JSON, O_PINROOT, O_VERIFY };
	static const struct option lo[] = {
		{"pin", required_argument, NULL, O_PIN},
		{"verify", no_argument, NULL, O_VERIFY},
		{"pin-root", required_argument, NULL, O_PINROOT},
		{"log", required_argument, NULL, O_LOG},
		{"log-level", required_argument, NULL, O_LOGLEVEL},
		{"json", no_argument, NULL, O_JSON},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *pin = NULL, *log_file = NULL;
	unsigned long long log_level = 0;
	struct loaded x;
	struct diag d;
	int c, status;

	while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		switch (c) {
		case O_PIN:
			pin = optarg;
			break;
		case O_VERIFY:
			verify_first = 1;
			break;
		case O_PINROOT:
			pin_root = optarg;
			break;
		case O_LOG:
			log_file = optarg;
			break;
		case O_LOGLEVEL:
			if (parse_uint("--log-level", optarg, 2, &log_level))
				return EXIT_USAGE;
			break;
		case O_JSON:
			json = 1;
			break;
		case 'h':
			printf("Usage: ebpf-load load PROG.o --pin DIR [--log FILE] [--log-level "
			       "N] "
			       "[--verify] [--json]\n"
			       "Load PROG.o and pin its programs at DIR/NAME and its maps at "
			       "DIR/maps/NAME\n(DIR on a bpffs; /sys/fs/bpf is mounted if it is "
			       "not one yet).\n");
			return 0;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind + 1 != argc || !pin) {
		fprintf(stderr, "%s: load: expected PROG.o and --pin DIR\n", prog_name);
		return EXIT_USAGE;
	}
	diag_start(&d);
	status = object_load(argv[optind], (uint32_t)log_level, log_file, &x, &d);
	if (status)
		goto out;
	{
		char maps[PATH_MAX];

		snprintf(maps, sizeof(maps), "%s/maps", pin);
		if (ldr_bpffs_prepare(pin, &d) || (x.l->nmaps && ldr_bpffs_prepare(maps, &d))) {
			status = EXIT_USAGE;
			goto out;
		}
	}
	for (size_t i = 0; i < x.l->nprogs; i++)
		if (pin_one(pin, "", x.l->progs[i].name, x.l->progs[i].fd, &d))
			status = EXIT_REFUSED;
	for (size_t i = 0; i < x.l->nmaps; i++)
		if (x.l->maps[i].fd >= 0 &&
		    pin_one(pin, "/maps", x.l->maps[i].name, x.l->maps[i].fd, &d))
			status = EXIT_REFUSED;
out:
	object_free(&x);
	return diag_end(&d, status);
}

/* ---- attach / detach / show (XDP, persistent) ---- */

static int xdp_args(int argc, char **argv, const char *cmd, enum ldr_xdp_mode *mode, int *force,
		    int *mode_given)
{
	enum { O_MODE = 256, O_FORCE, O_JSON };
	static const struct option lo[] = {
		{"mode", required_argument, NULL, O_MODE},
		{"force", no_argument, NULL, O_FORCE},
		{"json", no_argument, NULL, O_JSON},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		switch (c) {
		case O_MODE:
			if (ldr_xdp_mode_parse(optarg, mode)) {
				fprintf(stderr,
					"%s: --mode: 'auto', 'native', 'skb' or 'hw', not '%s'\n",
					prog_name, optarg);
				return EXIT_USAGE;
			}
			*mode_given = 1;
			break;
		case O_FORCE:
			*force = 1;
			break;
		case O_JSON:
			json = 1;
			break;
		case 'h':
			if (strcmp(cmd, "attach") == 0)
				printf("Usage: ebpf-load attach xdp DEV PINNED_PROG [--mode MODE] "
				       "[--force]\nAttach a pinned XDP program to DEV; it stays "
				       "after this command exits.\n");
			else
				printf("Usage: ebpf-load detach xdp DEV [--mode MODE]\nRemove the "
				       "XDP program of DEV (of MODE, else of the mode "
				       "attached).\n");
			return -1;
		default:
			return EXIT_USAGE;
		}
	}
	if (argc - optind < 2 || strcmp(argv[optind], "xdp") != 0) {
		fprintf(stderr, "%s: %s: expected 'xdp DEV'%s\n", prog_name, cmd,
			strcmp(cmd, "attach") == 0 ? " and a pinned program" : "");
		return EXIT_USAGE;
	}
	return 0;
}

static int cmd_attach(int argc, char **argv)
{
	enum ldr_xdp_mode mode = LDR_XDP_AUTO, got;
	int force = 0, mg = 0, fd, err, r = xdp_args(argc, argv, "attach", &mode, &force, &mg);
	struct ldr_prog_info pi;
	struct diag d;
	char eb[160];

	if (r)
		return r < 0 ? 0 : r;
	if (argc - optind != 3) {
		fprintf(stderr, "%s: attach: expected 'xdp DEV PINNED_PROG'\n", prog_name);
		return EXIT_USAGE;
	}
	diag_start(&d);
	fd = ldr_obj_get(argv[optind + 2]);
	if (fd < 0) {
		diag_error(&d, NULL, "pinned program '%s': %s", argv[optind + 2],
			   ldr_errno_format(fd, eb, sizeof(eb)));
		return diag_end(&d, EXIT_USAGE);
	}
	if (ldr_prog_info(fd, &pi))
		snprintf(pi.name, sizeof(pi.name), "%s", argv[optind + 2]);
	err = ldr_xdp_attach(pi.name, argv[optind + 1], fd, mode, force, &got, &d);
	close(fd);
	if (!err)
		record_add((int)if_nametoindex(argv[optind + 1]), argv[optind + 1], got, pi.id, 0);
	if (!err && !json)
		printf("%s: xdp %s mode, prog id %u\n", argv[optind + 1], ldr_xdp_mode_name(got),
		       pi.id);
	else if (!err)
		printf("{\"dev\":\"%s\",\"mode\":\"%s\",\"id\":%u}\n", argv[optind + 1],
		       ldr_xdp_mode_name(got), pi.id);
	return diag_end(&d, err == -ENODEV ? EXIT_USAGE : err ? EXIT_REFUSED : 0);
}

static int cmd_detach(int argc, char **argv)
{
	enum ldr_xdp_mode mode = LDR_XDP_AUTO;
	int force = 0, mg = 0, err, r = xdp_args(argc, argv, "detach", &mode, &force, &mg);
	const char *dev;
	unsigned ifindex;
	struct ldr_xdp_state st;
	struct diag d;
	char eb[160];

	if (r)
		return r < 0 ? 0 : r;
	dev = argv[optind + 1];
	diag_start(&d);
	ifindex = if_nametoindex(dev);
	if (!ifindex) {
		diag_error(&d, NULL, "device '%s': %s", dev,
			   ldr_errno_format(-ENODEV, eb, sizeof(eb)));
		return diag_end(&d, EXIT_USAGE);
	}
	err = ldr_xdp_query((int)ifindex, &st);
	if (!err && !mg) {
		mode = st.attached == XDP_ATTACHED_SKB	? LDR_XDP_SKB
		       : st.attached == XDP_ATTACHED_HW ? LDR_XDP_HW
							: LDR_XDP_NATIVE;
		if (st.attached == XDP_ATTACHED_NONE) {
			diag_note(&d, NULL, "%s: no XDP program attached", dev);
			return diag_end(&d, 0);
		}
	}
	if (!err)
		err = ldr_xdp_detach((int)ifindex, mode, -1);
	if (!err)
		record_remove((int)ifindex);
	if (err)
		diag_error(&d, NULL, "%s: detach XDP (%s mode): %s", dev, ldr_xdp_mode_name(mode),
			   ldr_errno_format(err, eb, sizeof(eb)));
	return diag_end(&d, err ? EXIT_REFUSED : 0);
}

static void show_one(int ifindex, const char *dev, const char *mode, uint32_t id)
{
	enum ldr_xdp_mode rm;
	uint32_t rid = 0;
	long rpid;
	int ours = record_get(ifindex, &rm, &rid, &rpid) == 0 && rid == id &&
		   strcmp(ldr_xdp_mode_name(rm), mode) == 0;
	struct ldr_prog_info pi = {0};
	int fd = ldr_prog_fd_by_id(id);
	char tag[17] = "";

	if (fd >= 0) {
		ldr_prog_info(fd, &pi);
		close(fd);
		for (int i = 0; i < 8; i++)
			snprintf(tag + 2 * i, 3, "%02x", pi.tag[i]);
	}
	if (json)
		printf("{\"dev\":\"%s\",\"mode\":\"%s\",\"id\":%u,\"tag\":\"%s\",\"name\":\"%s\","
		       "\"ours\":%s}\n",
		       dev, mode, id, tag, pi.name, ours ? "true" : "false");
	else
		printf("%-16s %-7s %-8u %-17s %-16s %s\n", dev, mode, id, tag, pi.name,
		       ours ? "yes" : "no");
}

static int cmd_show(int argc, char **argv)
{
	struct if_nameindex *ifs, *i;

	for (int a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--json") == 0)
			json = 1;
		else if (strcmp(argv[a], "-h") == 0 || strcmp(argv[a], "--help") == 0) {
			printf("Usage: ebpf-load show [--json]\nXDP programs on the devices of "
			       "this "
			       "network namespace: device, mode, program id, tag, name.\n");
			return 0;
		} else {
			fprintf(stderr, "%s: show: unexpected '%s'\n", prog_name, argv[a]);
			return EXIT_USAGE;
		}
	}
	ifs = if_nameindex();
	if (!ifs) {
		fprintf(stderr, "%s: show: cannot list devices: %s\n", prog_name, strerror(errno));
		return EXIT_REFUSED;
	}
	if (!json)
		printf("%-16s %-7s %-8s %-17s %-16s %s\n", "DEV", "MODE", "ID", "TAG", "NAME",
		       "OURS");
	for (i = ifs; i->if_index; i++) {
		struct ldr_xdp_state st;

		if (ldr_xdp_query((int)i->if_index, &st) || st.attached == XDP_ATTACHED_NONE)
			continue;
		if (st.drv_id)
			show_one((int)i->if_index, i->if_name, "native", st.drv_id);
		if (st.skb_id)
			show_one((int)i->if_index, i->if_name, "skb", st.skb_id);
		if (st.hw_id)
			show_one((int)i->if_index, i->if_name, "hw", st.hw_id);
	}
	if_freenameindex(ifs);
	return 0;
}

/* ---- map ---- */

/* KEY or VALUE text into @n bytes: a number (when n is 1, 2, 4 or 8) or hex bytes. */
static int bytes_parse(const char *s, uint8_t *out, size_t n)
{
	size_t got = 0;
	char *end;

	if (n == 1 || n == 2 || n == 4 || n == 8) {
		unsigned long long v;

		errno = 0;
		v = strtoull(s, &end, 0);
		if (*s && !*end && !errno && *s != '-' && (n == 8 || v < 1ULL << (8 * n))) {
			for (size_t i = 0; i < n; i++)
				out[i] = (uint8_t)(v >> (8 * i));
			return 0;
		}
	}
	/* "01 02 03 04" or "01020304" */
	while (*s && got < n) {
		char hx[3] = {0};

		while (*s == ' ')
			s++;
		if (!s[0] || !s[1])
			break;
		hx[0] = s[0];
		hx[1] = s[1];
		out[got++] = (uint8_t)strtoul(hx, &end, 16);
		if (*end)
			return -EINVAL;
		s += 2;
	}
	while (*s == ' ')
		s++;
	return got == n && !*s ? 0 : -EINVAL;
}

static void entry_print(const struct ldr_btf *btf, const struct ldr_map_info *mi, const uint8_t *k,
			const uint8_t *v)
{
	if (json) {
		printf("{\"key\":");
		typed_print(stdout, btf, mi->btf_key_type_id, k, mi->key_size);
		printf(",\"value\":");
		typed_print(stdout, btf, mi->btf_value_type_id, v, mi->value_size);
		printf("}\n");
	} else {
		printf("key ");
		typed_print(stdout, btf, mi->btf_key_type_id, k, mi->key_size);
		printf(" value ");
		typed_print(stdout, btf, mi->btf_value_type_id, v, mi->value_size);
		printf("\n");
	}
}

static int cmd_map(int argc, char **argv)
{
	const char *verb, *path;
	struct ldr_map_info mi;
	struct ldr_btf *btf = NULL;
	struct diag d;
	uint8_t *key = NULL, *val = NULL, *next = NULL;
	size_t vs;
	char eb[160];
	int fd, err = 0, status = 0, nargs;

	/* --json anywhere: taken out, the rest are positional (a key may start with '-'
	 * only as hex bytes, never as "--json"). */
	for (int a = 1; a < argc; a++)
		if (strcmp(argv[a], "--json") == 0) {
			json = 1;
			memmove(&argv[a], &argv[a + 1], (size_t)(argc - a) * sizeof(*argv));
			argc--;
			a--;
		}
	if (argc < 3 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[2], "-h") == 0 || strcmp(argv[2], "--help") == 0) {
		/* asked for ("map --help", "map dump --help"): stdout and 0 */
		FILE *f = argc < 3 && !(argc > 1 && argv[1][0] == '-') ? stderr : stdout;

		fprintf(f,
			"Usage: ebpf-load map dump PINNED_MAP\n"
			"       ebpf-load map lookup PINNED_MAP KEY\n"
			"       ebpf-load map update PINNED_MAP KEY VALUE\n"
			"       ebpf-load map delete PINNED_MAP KEY\n"
			"KEY and VALUE: a number for 1, 2, 4 and 8-byte fields, else hex bytes.\n");
		return f == stdout ? 0 : EXIT_USAGE;
	}
	verb = argv[1];
	path = argv[2];
	nargs = strcmp(verb, "dump") == 0 ? 0 : strcmp(verb, "update") == 0 ? 2 : 1;
	if ((strcmp(verb, "dump") && strcmp(verb, "lookup") && strcmp(verb, "update") &&
	     strcmp(verb, "delete")) ||
	    argc != 3 + nargs) {
		fprintf(stderr,
			"%s: map: expected dump|lookup|update|delete PINNED_MAP [KEY [VALUE]]\n",
			prog_name);
		return EXIT_USAGE;
	}
	diag_start(&d);
	fd = ldr_obj_get(path);
	if (fd < 0 || (err = ldr_map_info(fd, &mi)) != 0) {
		err = fd < 0 ? fd : err;
		diag_error(&d, NULL, "pinned map '%s': %s%s", path,
			   ldr_errno_format(err, eb, sizeof(eb)),
			   err == -EINVAL ? ": not a map" : "");
		if (fd >= 0)
			close(fd);
		return diag_end(&d, EXIT_USAGE);
	}
	if (mi.btf_id && ldr_btf_get(mi.btf_id, &btf))
		btf = NULL; /* untyped then: numbers and hex */
	vs = map_is_percpu(mi.type) ? ((mi.value_size + 7) & ~7u) * (size_t)ncpus_possible()
				    : mi.value_size;
	key = mem_alloc(mi.key_size + 1);
	next = mem_alloc(mi.key_size + 1);
	val = mem_alloc(vs + 1);
	if (!key || !next || !val) {
		status = EXIT_REFUSED;
		goto out;
	}
	if (nargs >= 1 && bytes_parse(argv[3], key, mi.key_size)) {
		diag_error(&d, NULL, "map '%s': key '%s' is not %u bytes (a number or hex bytes)",
			   mi.name, argv[3], mi.key_size);
		status = EXIT_USAGE;
		goto out;
	}
	if (nargs == 2 && bytes_parse(argv[4], val, mi.value_size)) {
		diag_error(&d, NULL, "map '%s': value '%s' is not %u bytes (a number or hex bytes)",
			   mi.name, argv[4], mi.value_size);
		status = EXIT_USAGE;
		goto out;
	}
	if (strcmp(verb, "dump") == 0) {
		int first = 1;

		while (ldr_map_get_next_key(fd, first ? NULL : key, next) == 0) {
			memcpy(key, next, mi.key_size);
			first = 0;
			if (ldr_map_lookup(fd, key, val) == 0)
				entry_print(btf, &mi, key, val);
		}
	} else if (strcmp(verb, "lookup") == 0) {
		err = ldr_map_lookup(fd, key, val);
		if (!err)
			entry_print(btf, &mi, key, val);
	} else if (strcmp(verb, "update") == 0) {
		err = ldr_map_update(fd, key, val, BPF_ANY);
	} else {
		err = ldr_map_delete(fd, key);
	}
	if (err) {
		diag_error(&d, NULL, "map '%s': %s: %s%s", mi.name, verb,
			   ldr_errno_format(err, eb, sizeof(eb)),
			   err == -ENOENT  ? ": no such key"
			   : err == -E2BIG ? ": the map is full"
					   : "");
		status = err == -ENOENT ? EXIT_REFUSED : EXIT_REFUSED;
	}
out:
	ldr_btf_free(btf);
	mem_free(key);
	mem_free(next);
	mem_free(val);
	close(fd);
	return diag_end(&d, status);
}

/* ---- trace ---- */

static int cmd_trace(int argc, char **argv)
{
	unsigned long long duration = 0;
	char inst[PATH_MAX] = "", eb[160];
	struct buf pending = {0};
	struct timespec t0, now;
	int fd;

	for (int a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--json") == 0)
			json = 1;
		else if (strcmp(argv[a], "--duration") == 0 && a + 1 < argc) {
			if (parse_uint("--duration", argv[++a], 86400 * 365, &duration))
				return EXIT_USAGE;
		} else if (strcmp(argv[a], "-h") == 0 || strcmp(argv[a], "--help") == 0) {
			printf("Usage: ebpf-load trace [--duration SEC] [--json]\nStream "
			       "bpf_trace_printk output from a private tracefs instance until "
			       "Ctrl-C.\n");
			return 0;
		} else {
			fprintf(stderr, "%s: trace: unexpected '%s'\n", prog_name, argv[a]);
			return EXIT_USAGE;
		}
	}
	fd = ldr_trace_open(inst, sizeof(inst));
	if (fd < 0) {
		fprintf(stderr, "%s: error: trace: private tracefs instance: %s\n", prog_name,
			ldr_errno_format(fd, eb, sizeof(eb)));
		return EXIT_REFUSED;
	}
	signals_catch();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (!stop) {
		struct pollfd pf = {.fd = fd, .events = POLLIN};

		clock_gettime(CLOCK_MONOTONIC, &now);
		if (duration && now.tv_sec - t0.tv_sec >= (time_t)duration)
			break;
		if (poll(&pf, 1, 200) > 0)
			trace_drain(fd, &pending);
	}
	trace_drain(fd, &pending);
	ldr_trace_close(fd, inst);
	buf_free(&pending);
	return 0;
}

/* ---- probe ---- */

static void probe_row(const char *kind, const char *name, int r, int err)
{
	char eb[160];

	if (json)
		printf("{\"%s\":\"%s\",\"supported\":%s%s%s%s%s}\n", kind, name,
		       r == LDR_PROBE_YES ? "true" : "false",
		       r == LDR_PROBE_YES || !err ? "" : ",\"errno\":\"",
		       r == LDR_PROBE_YES || !err
			       ? ""
			       : (ldr_errno_name(err) ? ldr_errno_name(err) : "?"),
		       r == LDR_PROBE_YES || !err ? "" : "\"",
		       r == LDR_PROBE_NEEDS_TARGET ? ",\"needs_btf_target\":true" : "");
	else
		printf("%-9s %-32s %s%s\n", kind, name,
		       r == LDR_PROBE_YES	     ? "yes"
		       : r == LDR_PROBE_NEEDS_TARGET ? "known, needs a BTF target: "
						     : (err ? "no: " : "no"),
		       r == LDR_PROBE_YES || !err ? "" : ldr_errno_format(err, eb, sizeof(eb)));
}

static int cmd_probe(int argc, char **argv)
{
	const struct isa_progtype *ht = isa_progtype_by_name("kprobe");
	int bit, err;

	for (int a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--json") == 0) {
			json = 1;
		} else if (strcmp(argv[a], "--helpers") == 0 && a + 1 < argc) {
			ht = isa_progtype_by_name(argv[++a]);
			if (!ht) {
				fprintf(stderr, "%s: probe: unknown program type '%s'\n", prog_name,
					argv[a]);
				return EXIT_USAGE;
			}
		} else {
			printf("Usage: ebpf-load probe [--helpers PROG_TYPE] [--json]\nWhat this "
			       "kernel supports, found by trying: program types, map types, the "
			       "helpers\na program of PROG_TYPE (default kprobe) may call, attach "
			       "types, probe interfaces.\n");
			return strcmp(argv[a], "-h") && strcmp(argv[a], "--help") ? EXIT_USAGE : 0;
		}
	}
	for (int id = 1; isa_progtype_by_id(id); id++) {
		int r = ldr_probe_prog_type(id, &err);

		probe_row("prog_type", isa_progtype_by_id(id)->name, r, err);
	}
	for (int id = 1; isa_maptype_by_id(id); id++) {
		int r = ldr_probe_map_type(id, &err);

		probe_row("map_type", isa_maptype_by_id(id)->name, r, err);
	}
	for (size_t i = 0; i < isa_helper_count(); i++) {
		const struct isa_helper *h = isa_helper_at(i);
		int r = ldr_probe_helper(ht->id, h->id);

		if (json)
			printf("{\"helper\":\"%s\",\"prog_type\":\"%s\",\"supported\":%s}\n",
			       h->name, ht->name, r == LDR_PROBE_YES ? "true" : "false");
		else
			printf("%-9s %-32s %s\n", "helper", h->name,
			       r == LDR_PROBE_YES ? "yes" : "no");
	}
	for (int at = 0; at < ldr_attach_type_count(); at++) {
		int r = ldr_probe_attach_type(at, &err);

		if (r >= 0 && ldr_attach_type_name(at))
			probe_row("attach", ldr_attach_type_name(at), r, err);
	}
	{
		int k = ldr_pmu_type("kprobe", &bit), u = ldr_pmu_type("uprobe", &bit), terr = 0;
		const char *root = ldr_tracefs_root(&terr);
		char p[PATH_MAX];
		int kev = 0, uev = 0;

		if (root) {
			snprintf(p, sizeof(p), "%s/kprobe_events", root);
			kev = access(p, F_OK) == 0;
			snprintf(p, sizeof(p), "%s/uprobe_events", root);
			uev = access(p, F_OK) == 0;
		}
		if (json)
			printf("{\"kprobe_pmu\":%s,\"kprobe_events\":%s,\"uprobe_pmu\":%s,"
			       "\"uprobe_events\":%s,\"tracefs\":%s}\n",
			       k >= 0 ? "true" : "false", kev ? "true" : "false",
			       u >= 0 ? "true" : "false", uev ? "true" : "false",
			       root ? "true" : "false");
		else
			printf("attach    kprobe PMU %s, kprobe_events %s, uprobe PMU %s, "
			       "uprobe_events %s, tracefs %s\n",
			       k >= 0 ? "yes" : "no", kev ? "yes" : "no", u >= 0 ? "yes" : "no",
			       uev ? "yes" : "no", root ? root : "no");
	}
	return 0;
}

/* ---- clean ---- */

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return (flag == FTW_DP ? rmdir(path) : unlink(path)) == 0 ? 0 : -1;
}

static int cmd_clean(int argc, char **argv)
{
	const char *pin = NULL;
	int terr = 0, status = 0;
	const char *root;

	for (int a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--pin") == 0 && a + 1 < argc)
			pin = argv[++a];
		else if (strcmp(argv[a], "--json") == 0)
			json = 1;
		else {
			printf("Usage: ebpf-load clean [--pin DIR]\nRemove what ebpf-load "
			       "processes "
			       "that are gone left behind: probe events of groups ebpf_load_PID, "
			       "tracefs instances ebpf-load-PID, XDP programs 'attach' attached in "
			       "this network namespace (while still there), and with --pin the "
			       "pins "
			       "under DIR.\n");
			return strcmp(argv[a], "-h") && strcmp(argv[a], "--help") ? EXIT_USAGE : 0;
		}
	}
	root = ldr_tracefs_root(&terr);
	if (root) {
		static const char *const files[] = {"kprobe_events", "uprobe_events"};

		for (size_t f = 0; f < 2; f++) {
			char path[PATH_MAX], line[1024];
			FILE *in;

			snprintf(path, sizeof(path), "%s/%s", root, files[f]);
			in = fopen(path, "re");
			while (in && fgets(line, sizeof(line), in)) {
				/* "p:ebpf_load_123/p_0_func /path:0x..." */
				char ev[256];
				long pid;

				if (sscanf(line, "%*c:%255s", ev) != 1 ||
				    sscanf(ev, "ebpf_load_%ld/", &pid) != 1)
					continue;
				if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
					continue;
				if (ldr_probe_event_remove(path, ev) == 0)
					printf("removed probe event %s\n", ev);
				else
					status = EXIT_REFUSED;
			}
			if (in)
				fclose(in);
		}
		{
			char path[PATH_MAX];
			FILE *ls;
			char *cmd = NULL;

			snprintf(path, sizeof(path), "%s/instances", root);
			if (asprintf(&cmd, "ls '%s' 2>/dev/null", path) > 0 &&
			    (ls = popen(cmd, "r")) != NULL) {
				char name[256];

				while (fgets(name, sizeof(name), ls)) {
					long pid;
					char full[PATH_MAX + 256];

					name[strcspn(name, "\n")] = '\0';
					if (sscanf(name, "ebpf-load-%ld", &pid) != 1 ||
					    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
						continue;
					snprintf(full, sizeof(full), "%s/%s", path, name);
					if (rmdir(full) == 0)
						printf("removed tracefs instance %s\n", name);
				}
				pclose(ls);
			}
			free(cmd);
		}
	}
	{
		/* XDP that `attach` attached in this namespace, while it is still ours. */
		struct if_nameindex *ifs = if_nameindex(), *i;

		for (i = ifs; i && i->if_index; i++) {
			enum ldr_xdp_mode mode;
			struct ldr_xdp_state st;
			uint32_t id;

			long pid;

			if (record_get((int)i->if_index, &mode, &id, &pid))
				continue;
			if (pid > 0 && (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
				continue; /* a running `run`: it detaches itself */
			if (ldr_xdp_query((int)i->if_index, &st) == 0 &&
			    (mode == LDR_XDP_SKB  ? st.skb_id
			     : mode == LDR_XDP_HW ? st.hw_id
						  : st.drv_id) == id) {
				int fd = ldr_prog_fd_by_id(id);
				int err = fd < 0 ? fd : ldr_xdp_detach((int)i->if_index, mode, fd);

				if (fd >= 0)
					close(fd);
				if (err) {
					fprintf(stderr,
						"%s: error: clean: detach XDP from %s: %s\n",
						prog_name, i->if_name, strerror(-err));
					status = EXIT_REFUSED;
					continue;
				}
				printf("detached xdp program %u from %s\n", id, i->if_name);
			}
			record_remove((int)i->if_index);
		}
		if (ifs)
			if_freenameindex(ifs);
	}
	if (pin) {
		char parent[PATH_MAX + 4];
		struct stat sp, sd;

		if (ldr_is_bpffs(pin) != 1) {
			fprintf(stderr, "%s: error: clean: '%s' is not on a bpffs\n", prog_name,
				pin);
			return EXIT_USAGE;
		}
		/* Never the whole bpffs: its mount point lies on another device than its
		 * parent. Only a directory of pins under it is removed. */
		snprintf(parent, sizeof(parent), "%s/..", pin);
		if (stat(pin, &sd) != 0 || stat(parent, &sp) != 0 || sd.st_dev != sp.st_dev) {
			fprintf(stderr,
				"%s: error: clean: '%s' is a bpffs mount point: name the directory "
				"of your pins under it\n",
				prog_name, pin);
			return EXIT_USAGE;
		}
		/* Depth first, never leaving the bpffs, never following links. */
		if (nftw(pin, rm_entry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT) == 0)
			printf("removed pins under %s\n", pin);
		else {
			fprintf(stderr, "%s: error: clean: removing '%s': %s\n", prog_name, pin,
				strerror(errno));
			status = EXIT_REFUSED;
		}
	}
	return status;
}

/* ---- main ---- */

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{"run", cmd_run, "load, attach, watch maps and printk output until Ctrl-C"},
	{"load", cmd_load, "load and pin programs and maps on a bpffs"},
	{"attach", cmd_attach, "attach a pinned XDP program to a device (persistent)"},
	{"detach", cmd_detach, "remove the XDP program of a device"},
	{"show", cmd_show, "XDP programs attached to this namespace's devices"},
	{"map", cmd_map, "dump, lookup, update, delete on a pinned map"},
	{"trace", cmd_trace, "stream bpf_trace_printk output"},
	{"probe", cmd_probe, "what this kernel supports, by trying"},
	{"clean", cmd_clean, "remove leftovers: probe events, tracefs instances, pins"},
};

static void usage(FILE *f)
{
	fprintf(f, "Usage: ebpf-load COMMAND [ARG]... [--json]\n"
		   "Load eBPF objects into this kernel and attach them (no libbpf).\n\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n'ebpf-load COMMAND --help' describes a command.\n"
		   "Exit status: 0 success, 1 the kernel refused (verifier, attach), 2 usage or "
		   "input errors.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("ebpf-load (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			static char name[64];

			/* getopt's own messages then say "ebpf-load run: ..." */
			snprintf(name, sizeof(name), "%s %s", prog_name, commands[i].name);
			argv[1] = name;
			return commands[i].fn(argc - 1, argv + 1);
		}
	fprintf(stderr, "%s: unknown command '%s'\n", prog_name, argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
