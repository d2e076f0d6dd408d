/* SPDX-License-Identifier: MIT */
/*
 * run-bench.c - the interpreter's speed: programs over one large capture, timed four ways in
 * the same run, with the ratios the issue sets targets for. bench/run-bench.sh generates the
 * capture, measures memory with bench/rusage and states the whole method; this program does
 * the timing.
 *
 *   usage: run-bench [--runs N] [--sample N] [--repeat N] [--baseline PROG] [--strict]
 *                    CAPTURE PROG...
 *          run-bench --stream PROG CAPTURE      (one streaming run, for peak RSS)
 *          run-bench --interp [--runs N] PROG CAPTURE   (the in-memory loop, for a profiler)
 *
 * For each program (one program per file; .s assembled, .o read):
 *
 *   read loop    vm_capture_open .. vm_capture_next over every frame .. close: what any tool
 *                pays to get the frames off the disk (the page cache, in practice). Once per
 *                round, shared by the programs.
 *   end to end   the same loop with vm_runner_packet on each frame: what ebpf-run's core
 *                costs. The runner is built (assembly, maps, context) before the clock starts.
 *   interpreter  every frame already in memory (vm_capture_load_all, before the clock); only
 *                the loop of vm_runner_packet calls is timed. Its time over the instructions
 *                the runs executed (vm_runner_stats insns) is ns per instruction: the
 *                runner's per-frame work (context rebuild, stats) is included, as it is in
 *                every real run.
 *   kernel JIT   the program loaded with ldr_obj_load; the first --sample frames (100) the
 *                kernel takes, each run by BPF_PROG_TEST_RUN with repeat --repeat (10000);
 *                the mean of the kernel-reported durations (each a mean per run, in whole
 *                ns). The interpreter then runs the very same frames as often, so the ratio
 *                compares like with like (one frame repeated: branch predictors warm alike).
 *                Needs root; skipped, with the reason, otherwise.
 *
 * Why only 100 frames: an XDP test run with repeat > 1 installs the program in the XDP
 * dispatcher and removes it afterwards (net/bpf/test_run.c, bpf_prog_change_xdp), two RCU
 * grace periods: about 25 ms of sleep per call here, so 1000 frames cost 25 s per program
 * while the runs themselves take milliseconds. The sample is the capture's first frames; the
 * generator draws every frame from the same mix, so they are as representative as any.
 *
 * --baseline PROG (bench/progs/xdp_pass.s: two instructions) is measured like the others, with
 * no targets: its time is the per-frame cost outside the program's own instructions (the
 * context rebuilt, the verdict counted; in the kernel, the test-run loop), and each program's
 * time above it over the instructions it executes above it is the dispatch cost proper.
 *
 * Per-frame figures divide by every frame of the capture, the ones the context refuses (too
 * short for Ethernet) included: they are read and offered like the others. Each timing is the
 * best (lowest) of --runs rounds (3), every round a fresh runner, so map state starts empty.
 * See "Timing" below for the clock.
 *
 * Targets: end to end <= 2.5x the read loop; interpreter <= 2 ns per executed instruction,
 * judged on the instructions' own cost (above the baseline: the per-frame work is no
 * instruction's, and in the kernel it is test_run's loop) and printed all in beside it
 * (without --baseline, all in is judged). A miss prints MISSED and is an error only with --strict. Exit status: 0, 1 when a target is
 * missed under --strict, 2 on errors (unreadable capture, a program refused).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <linux/bpf.h>

#include "asm/asm.h"
#include "loader/loader.h"
#include "obj/obj.h"
#include "vm/capture.h"
#include "vm/runner.h"

#define TARGET_E2E_RATIO 2.5 /* end to end / read loop */
#define TARGET_NS_INSN	 2.0 /* interpreter ns per executed instruction */

/* What the read loop computed from the bytes: stored, so the compiler keeps the loop. */
static volatile unsigned sink_out;

struct prog_result {
	const char *path;
	char name[64];
	/* interpreter, from the last in-memory round (every round runs the same) */
	uint64_t packets, skipped, faults, insns;
	double e2e_ns, interp_ns; /* best totals */
	/* kernel */
	int kernel;	/* 1: measured */
	char why[256];	/* else the reason */
	size_t sample;	/* frames both ran */
	double jit_ns;	/* mean kernel duration per run */
	double vm_ns;	/* interpreter per run on the same frames */
	uint32_t jited; /* bytes of native code (0: the kernel's interpreter ran it) */
};

/*
 * Timing. The machine is shared (other builds, other tests): wall time counts whatever
 * else ran while we were descheduled, so loops are timed by this thread's CPU clock, its
 * user and system time (the read() calls of the capture included). The kernel's test-run
 * timer likewise stops while it reschedules. Wall time is summed too, only to show how
 * busy the machine was.
 */
struct timer {
	double cpu, wall;
};

static double wall_total, cpu_total;

static double clock_ns(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static void timer_start(struct timer *t)
{
	t->wall = clock_ns(CLOCK_MONOTONIC);
	t->cpu = clock_ns(CLOCK_THREAD_CPUTIME_ID);
}

/* CPU ns since timer_start. */
static double timer_stop(const struct timer *t)
{
	double cpu = clock_ns(CLOCK_THREAD_CPUTIME_ID) - t->cpu;

	wall_total += clock_ns(CLOCK_MONOTONIC) - t->wall;
	cpu_total += cpu;
	return cpu;
}

static void diag_flush(struct diag *d)
{
	diag_print(d, stderr, "run-bench", 0);
	diag_fini(d);
	diag_init(d);
}

static int runner_open(const char *path, struct vm_runner **r, struct diag *d)
{
	struct vm_runner_opts o = {.path = path, .seed = 1};

	return vm_runner_new(&o, r, d);
}

/*
 * Stream @cap through @r (NULL: read only). Returns the frames read, or -errno with the
 * error in @d. *@sink keeps the compiler from dropping the read-only loop's work.
 */
static int64_t stream(const char *cap, struct vm_runner *r, unsigned *sink, struct diag *d)
{
	struct vm_capture *c;
	struct vm_capture_pkt p;
	struct vm_runner_result res;
	int64_t n = 0;
	int err;

	err = vm_capture_open(cap, &c, d);
	if (err)
		return err;
	if (r) {
		err = vm_runner_linktype_check(vm_capture_linktype(c), cap, d);
		if (err)
			goto out_close;
	}
	while ((err = vm_capture_next(c, &p)) == 1) {
		n++;
		if (r) {
			err = vm_runner_packet(r, p.data, p.caplen, p.linktype, p.ts_ns, &res);
			if (err == -ENOTSUP)
				goto out_close;
		} else if (p.caplen) {
			*sink += p.data[0];
		}
	}
out_close:
	vm_capture_close(c);
	return err < 0 ? err : n;
}

/* The interpreter over the frames in memory; returns the elapsed ns. */
static double interp_run(struct vm_runner *r, const struct vm_capture_set *set)
{
	struct vm_runner_result res;
	struct timer t;

	timer_start(&t);
	for (size_t i = 0; i < set->npkts; i++) {
		const struct vm_capture_pkt *p = &set->pkts[i];

		vm_runner_packet(r, p->data, p->caplen, p->linktype, p->ts_ns, &res);
	}
	return timer_stop(&t);
}

/* ---------------------------------------------------------------- the kernel */

static int read_text(const char *path, char **text, size_t *len)
{
	FILE *f = fopen(path, "re");
	long n;

	if (!f)
		return -errno;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return -EIO;
	}
	*text = malloc((size_t)n + 1);
	if (!*text) {
		fclose(f);
		return -ENOMEM;
	}
	if (fread(*text, 1, (size_t)n, f) != (size_t)n) {
		free(*text);
		fclose(f);
		return -EIO;
	}
	(*text)[n] = '\0';
	*len = (size_t)n;
	fclose(f);
	return 0;
}

/* Bytes of native code the kernel made of program @fd (0: not JITed), or -errno. */
static int64_t jited_len(int fd)
{
	struct bpf_prog_info info;
	union bpf_attr a;
	int err;

	memset(&info, 0, sizeof(info));
	memset(&a, 0, sizeof(a));
	a.info.bpf_fd = (uint32_t)fd;
	a.info.info_len = sizeof(info);
	a.info.info = (uint64_t)(uintptr_t)&info;
	err = ldr_sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a, sizeof(a));
	return err < 0 ? err : (int64_t)info.jited_prog_len;
}

/*
 * The kernel's time for @pr's program over the first @nsample frames of @set it accepts, each
 * run @repeat times, and the interpreter's on the same frames (best of @runs). Sets
 * pr->kernel, or pr->why.
 */
static void kernel_run(struct prog_result *pr, const struct vm_capture_set *set, size_t nsample,
		       uint32_t repeat, unsigned long runs, struct diag *d)
{
	struct ldr_loaded *l = NULL;
	const struct ldr_loaded_prog *lp;
	struct vm_runner *r = NULL;
	struct vm_runner_result res;
	struct obj *o = NULL;
	size_t *idx = NULL, n = 0, len = 0;
	char *text = NULL, eb[128];
	double sum = 0;
	struct timer t0;
	int64_t jl;
	int err;

	if (geteuid() != 0) {
		snprintf(pr->why, sizeof(pr->why),
			 "not root: BPF_PROG_TEST_RUN needs CAP_BPF and CAP_NET_ADMIN");
		return;
	}
	if (strlen(pr->path) > 2 && strcmp(pr->path + strlen(pr->path) - 2, ".o") == 0) {
		err = obj_read_file(pr->path, &o, d);
	} else {
		err = read_text(pr->path, &text, &len);
		if (!err) {
			o = obj_new();
			err = o ? asm_source_assemble(pr->path, text, len, o, d) : -ENOMEM;
		}
	}
	if (err) {
		snprintf(pr->why, sizeof(pr->why), "cannot read %s: %s", pr->path,
			 ldr_errno_format(err, eb, sizeof(eb)));
		goto out;
	}
	err = ldr_obj_load(o, &(struct ldr_opts){.name = pr->path, .log_on_failure = 1}, &l, d);
	lp = l ? ldr_loaded_prog_find(l, pr->name) : NULL;
	if (err || !lp || lp->fd < 0) {
		snprintf(pr->why, sizeof(pr->why), "the kernel refused %s: %s", pr->path,
			 ldr_errno_format(err ? err : -ENOENT, eb, sizeof(eb)));
		goto out;
	}
	jl = jited_len(lp->fd);
	pr->jited = jl > 0 ? (uint32_t)jl : 0;

	idx = calloc(nsample ? nsample : 1, sizeof(*idx));
	if (!idx) {
		snprintf(pr->why, sizeof(pr->why), "out of memory");
		goto out;
	}
	for (size_t i = 0; i < set->npkts && n < nsample; i++) {
		const struct vm_capture_pkt *p = &set->pkts[i];
		/* the output is copied once, after the timed loop; asking for it keeps tools
		 * that check bpf() arguments (valgrind) from flagging a NULL data_out */
		static uint8_t out[8192];
		struct ldr_test_run t = {.data_in = p->data,
					 .data_size_in = p->caplen,
					 .data_out = out,
					 .data_size_out = sizeof(out),
					 .repeat = repeat};

		/* frames the kernel refuses (shorter than Ethernet) are not in the sample */
		if (ldr_prog_test_run(lp->fd, &t) != 0)
			continue;
		sum += t.duration;
		idx[n++] = i;
	}
	if (!n) {
		snprintf(pr->why, sizeof(pr->why), "the kernel ran none of the first frames");
		goto out;
	}
	/* the interpreter on the same frames, the same number of times; best of @runs */
	for (unsigned long round = 0; round < runs; round++) {
		double t;

		err = runner_open(pr->path, &r, d);
		if (err) {
			snprintf(pr->why, sizeof(pr->why), "cannot load %s", pr->path);
			goto out;
		}
		timer_start(&t0);
		for (size_t k = 0; k < n; k++) {
			const struct vm_capture_pkt *p = &set->pkts[idx[k]];

			for (uint32_t j = 0; j < repeat; j++)
				vm_runner_packet(r, p->data, p->caplen, p->linktype, p->ts_ns,
						 &res);
		}
		t = timer_stop(&t0) / ((double)n * repeat);
		vm_runner_free(r);
		r = NULL;
		if (!round || t < pr->vm_ns)
			pr->vm_ns = t;
	}
	pr->jit_ns = sum / (double)n;
	pr->sample = n;
	pr->kernel = 1;
out:
	diag_flush(d); /* before the assembly text it may quote goes */
	vm_runner_free(r);
	free(idx);
	ldr_loaded_free(l);
	obj_free(o);
	free(text);
}

/* ---------------------------------------------------------------- the report */

/* Print the table and the targets; returns how many targets were missed. */
static int report(const struct prog_result *pr, size_t np, const struct prog_result *base,
		  const char *cap, int64_t frames, const struct vm_capture_set *set, double read_ns,
		  unsigned long runs, unsigned long nsample, unsigned long repeat)
{
	int missed = 0;

	printf("run-bench: %" PRId64 " frames (%zu bytes of frame data) from %s; best of %lu "
	       "rounds;\n"
	       "           this thread's CPU time (CLOCK_THREAD_CPUTIME_ID) per frame of the "
	       "capture\n"
	       "           (frames the context refuses included); timed loops took %.1f s of CPU "
	       "in %.1f s\n"
	       "           of wall time (%.0f%%: the rest went to other work on the machine)\n",
	       frames, set->data_len, cap, runs, cpu_total / 1e9, wall_total / 1e9,
	       wall_total > 0 ? 100 * cpu_total / wall_total : 0.0);
	printf("  read loop (vm_capture_next only)   %8.1f ns/frame\n", read_ns / (double)frames);
	printf("  %-16s %9s %10s %10s %8s | %-33s\n", "program", "insns/run", "end-to-end",
	       "interp", "ns/insn", "kernel sample: JIT    interp");
	for (size_t i = 0; i < np; i++) {
		const struct prog_result *p = &pr[i];
		char k[64] = "skipped";

		if (p->kernel)
			snprintf(k, sizeof(k), "%6zu frames: %6.1f %8.1f", p->sample, p->jit_ns,
				 p->vm_ns);
		printf("  %-16s %9.1f %10.1f %10.1f %8.2f | %s\n", p->name,
		       p->packets ? (double)p->insns / (double)p->packets : 0.0,
		       p->e2e_ns / (double)frames, p->interp_ns / (double)frames,
		       p->insns ? p->interp_ns / (double)p->insns : 0.0, k);
	}
	printf("  (ns per frame except ns/insn; kernel: first %lu frames it takes, repeat %lu, "
	       "mean of the\n   kernel-reported durations, whole ns; the interpreter on the same "
	       "frames as often)\n",
	       nsample, repeat);
	if (base)
		printf("  %s is the baseline: what a frame costs before any instruction does "
		       "work;\n  \"above it\" below is a program's own instructions\n",
		       base->name);
	for (size_t i = 0; i < np; i++) {
		const struct prog_result *p = &pr[i];
		double e2e = p->e2e_ns / read_ns;
		double nsi = p->insns ? p->interp_ns / (double)p->insns : 0;

		if (p == base)
			continue;
		printf("  %s: %" PRIu64 " frames run, %" PRIu64 " refused by the context, %" PRIu64
		       " faults\n",
		       p->name, p->packets, p->skipped, p->faults);
		printf("    end to end %.2fx the read loop (target <= %.1fx): %s\n", e2e,
		       TARGET_E2E_RATIO, e2e <= TARGET_E2E_RATIO ? "met" : "MISSED");
		missed += e2e > TARGET_E2E_RATIO;
		if (base && p->insns > base->insns) {
			/* the target is judged on the instructions' own cost: the frame's fixed
			 * cost (context rebuilt, verdict counted) is no instruction's */
			double above =
				(p->interp_ns - base->interp_ns) / (double)(p->insns - base->insns);

			printf("    interpreter per executed instruction, above the per-frame cost "
			       "(%s): %.2f ns\n      (%.1f ns per frame for %.1f more "
			       "instructions per run; target <= %.1f ns): %s\n",
			       base->name, above, (p->interp_ns - base->interp_ns) / (double)frames,
			       (double)(p->insns - base->insns) / (double)p->packets,
			       TARGET_NS_INSN, above <= TARGET_NS_INSN ? "met" : "MISSED");
			printf("    all in (the frame's fixed %.1f ns spread over its %.1f "
			       "instructions): %.2f ns per instruction\n",
			       base->interp_ns / (double)frames,
			       (double)p->insns / (double)p->packets, nsi);
			missed += above > TARGET_NS_INSN;
		} else {
			printf("    interpreter %.2f ns per executed instruction, per-frame cost "
			       "included (target <= %.1f ns): %s\n",
			       nsi, TARGET_NS_INSN, nsi <= TARGET_NS_INSN ? "met" : "MISSED");
			missed += nsi > TARGET_NS_INSN;
		}
		if (p->kernel && p->jit_ns > 0) {
			printf("    interpreter %.1fx the kernel's %s on the same %zu frames (%.1f "
			       "vs "
			       "%.1f ns)",
			       p->vm_ns / p->jit_ns, p->jited ? "JIT" : "interpreter (not JITed)",
			       p->sample, p->vm_ns, p->jit_ns);
			/* a few ns apart, the kernel's whole-ns durations make a ratio noise */
			if (base && base->kernel && p->jit_ns >= base->jit_ns + 3)
				printf(";\n      above %s: %.1fx (%.1f vs %.1f ns)", base->name,
				       (p->vm_ns - base->vm_ns) / (p->jit_ns - base->jit_ns),
				       p->vm_ns - base->vm_ns, p->jit_ns - base->jit_ns);
			else if (base && base->kernel)
				printf(";\n      above %s: %.1f vs %.1f ns (no ratio: the kernel's "
				       "durations are whole ns)",
				       base->name, p->vm_ns - base->vm_ns,
				       p->jit_ns - base->jit_ns);
			printf("\n");
		} else if (p->kernel) {
			printf("    kernel: under 1 ns per run reported (whole ns): no ratio\n");
		} else {
			printf("    kernel: skipped: %s\n", p->why);
		}
	}
	return missed;
}

/* ---------------------------------------------------------------- main */

/* --stream PROG CAPTURE: one streaming run and nothing else, for bench/rusage. */
static int stream_only(const char *prog, const char *cap)
{
	struct vm_runner *r;
	struct diag d;
	unsigned sink = 0;
	int64_t n;

	diag_init(&d);
	if (runner_open(prog, &r, &d)) {
		diag_flush(&d);
		return 2;
	}
	n = stream(cap, r, &sink, &d);
	if (n >= 0)
		printf("%" PRId64 " frames, %" PRIu64 " run\n", n, vm_runner_stats(r)->packets);
	vm_runner_free(r);
	diag_flush(&d);
	diag_fini(&d);
	return n < 0 ? 2 : 0;
}

/*
 * --interp PROG CAPTURE: only the in-memory interpreter loop, --runs times, for a profiler
 * (`perf record bench/run-bench --interp --runs 20 PROG CAPTURE`).
 */
static int interp_only(const char *prog, const char *cap, unsigned long runs)
{
	struct vm_capture_set set = {0};
	struct vm_runner *r = NULL;
	struct diag d;
	double best = 0;
	int status = 2;

	diag_init(&d);
	if (vm_capture_load_all(cap, 0, &set, &d) || runner_open(prog, &r, &d))
		goto out;
	for (unsigned long i = 0; i < runs; i++) {
		double t = interp_run(r, &set);

		if (!i || t < best)
			best = t;
	}
	printf("%s: %.1f ns per frame, %.2f ns per instruction (best of %lu)\n",
	       vm_runner_prog_name(r), best / (double)set.npkts,
	       best * (double)runs / (double)vm_runner_stats(r)->insns, runs);
	status = 0;
out:
	diag_flush(&d);
	diag_fini(&d);
	vm_runner_free(r);
	vm_capture_set_free(&set);
	return status;
}

static unsigned long num_arg(const char *opt, const char *s)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || !*s || v == 0 || v > UINT32_MAX) {
		fprintf(stderr, "run-bench: %s: expected a number from 1 to %u, got '%s'\n", opt,
			UINT32_MAX, s);
		exit(2);
	}
	return v;
}

static void usage(FILE *f)
{
	fputs("usage: run-bench [--runs N] [--sample N] [--repeat N] [--baseline PROG] [--strict]\n"
	      "                 CAPTURE PROG...\n"
	      "       run-bench --stream PROG CAPTURE\n"
	      "       run-bench --interp [--runs N] PROG CAPTURE\n",
	      f);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {{"runs", required_argument, NULL, 'r'},
						 {"sample", required_argument, NULL, 's'},
						 {"repeat", required_argument, NULL, 'R'},
						 {"strict", no_argument, NULL, 'S'},
						 {"stream", no_argument, NULL, 'm'},
						 {"interp", no_argument, NULL, 'i'},
						 {"baseline", required_argument, NULL, 'b'},
						 {"help", no_argument, NULL, 'h'},
						 {NULL, 0, NULL, 0}};
	unsigned long runs = 3, nsample = 100, repeat = 10000;
	int strict = 0, stream_mode = 0, interp_mode = 0, c, missed, status = 0;
	struct vm_capture_set set = {0};
	struct prog_result *pr, *base = NULL;
	const char *cap, *base_path = NULL;
	double read_ns = 0;
	unsigned sink = 0;
	size_t np;
	int64_t frames = 0;
	struct diag d;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			runs = num_arg("--runs", optarg);
			break;
		case 's':
			nsample = num_arg("--sample", optarg);
			break;
		case 'R':
			repeat = num_arg("--repeat", optarg);
			break;
		case 'S':
			strict = 1;
			break;
		case 'm':
			stream_mode = 1;
			break;
		case 'i':
			interp_mode = 1;
			break;
		case 'b':
			base_path = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (stream_mode || interp_mode) {
		if (argc - optind != 2) {
			usage(stderr);
			return 2;
		}
		return stream_mode ? stream_only(argv[optind], argv[optind + 1])
				   : interp_only(argv[optind], argv[optind + 1], runs);
	}
	if (argc - optind < 2) {
		usage(stderr);
		return 2;
	}
	cap = argv[optind];
	np = (size_t)(argc - optind - 1) + !!base_path;
	pr = calloc(np, sizeof(*pr));
	if (!pr)
		return 2;
	if (base_path)
		base = pr;
	diag_init(&d);

	/* every program loads before anything is timed; the baseline first */
	for (size_t i = 0; i < np; i++) {
		struct vm_runner *r;

		pr[i].path = base ? (i ? argv[optind + i] : base_path) : argv[optind + 1 + i];
		if (runner_open(pr[i].path, &r, &d)) {
			diag_flush(&d);
			return 2;
		}
		snprintf(pr[i].name, sizeof(pr[i].name), "%s", vm_runner_prog_name(r));
		vm_runner_free(r);
	}
	if (vm_capture_load_all(cap, 0, &set, &d)) {
		diag_flush(&d);
		return 2;
	}

	for (unsigned long round = 0; round < runs; round++) {
		struct timer t0;
		double t;
		int64_t n;

		timer_start(&t0);
		n = stream(cap, NULL, &sink, &d);
		t = timer_stop(&t0);
		if (n < 0) {
			diag_flush(&d);
			return 2;
		}
		frames = n;
		if (!round || t < read_ns)
			read_ns = t;
		for (size_t i = 0; i < np; i++) {
			struct vm_runner *r;
			const struct vm_runner_stats *st;

			/* end to end */
			if (runner_open(pr[i].path, &r, &d)) {
				diag_flush(&d);
				return 2;
			}
			timer_start(&t0);
			n = stream(cap, r, &sink, &d);
			t = timer_stop(&t0);
			vm_runner_free(r);
			if (n < 0) {
				diag_flush(&d);
				return 2;
			}
			if (!round || t < pr[i].e2e_ns)
				pr[i].e2e_ns = t;

			/* the interpreter alone */
			if (runner_open(pr[i].path, &r, &d)) {
				diag_flush(&d);
				return 2;
			}
			t = interp_run(r, &set);
			st = vm_runner_stats(r);
			pr[i].packets = st->packets;
			pr[i].skipped = st->skipped;
			pr[i].faults = st->faults;
			pr[i].insns = st->insns;
			vm_runner_free(r);
			if (!round || t < pr[i].interp_ns)
				pr[i].interp_ns = t;
		}
	}
	for (size_t i = 0; i < np; i++)
		kernel_run(&pr[i], &set, nsample, (uint32_t)repeat, runs, &d);

	missed = report(pr, np, base, cap, frames, &set, read_ns, runs, nsample, repeat);
	if (missed && strict)
		status = 1;
	vm_capture_set_free(&set);
	free(pr);
	diag_fini(&d);
	sink_out = sink;
	return status;
}
