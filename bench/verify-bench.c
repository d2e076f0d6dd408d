/* SPDX-License-Identifier: MIT */
/*
 * verify-bench.c - verifier-sim's speed against the kernel's verifier on the same programs,
 * in the same run: the "Speed" target of issue 5 (no slower than the kernel). `make
 * bench-verify` runs it; by hand:
 *
 *   bench/verify-bench [--runs N] [--lines N] [--iters N] [--nr-cpus N] [--strict]
 *                      [--corpus DIR] PROG.s...
 *
 * Programs: every program of each PROG.s (a row each), two generated large ones (a row each:
 * a straight line of --lines instructions, default 100,000, and a bounded loop of --iters
 * iterations, default 150,000, five instructions a turn, so about 750,000 instructions
 * processed, near the kernel's 1,000,000 complexity limit), and every *.s of the corpus
 * DIR (tests/verifier, the differential corpus: a summary). Each file is assembled in
 * memory and read back as an object, as ebpf-verify does; none of that is timed.
 *
 * Method, per program, --runs rounds (default 5), each round one of each, back to back, so
 * both see the same machine; the best (lowest) of each figure is kept, the least disturbed:
 *   simulator  vsim_obj_prog_build + vsim_prog_check + freeing the result, in process, no
 *              log: relocation, the CFG checks and the walk, what the kernel's bpf_check()
 *              also does. Wall time by CLOCK_MONOTONIC. As ebpf-verify: vsim_opts.nr_cpus
 *              0, so each check reads /sys/devices/system/cpu/possible; --nr-cpus N
 *              gives the count instead, to see what that read costs.
 *   kernel     ldr_prog_load (BPF_PROG_LOAD) of the same relocated instructions: the object
 *              is loaded once first by ldr_obj_load (maps created, the instructions
 *              relocated against them; that load is not timed), then each round loads the
 *              program again with log level BPF_LOG_STATS (4) alone, which costs the
 *              verifier nothing per instruction and ends the log with its stats:
 *                wall    CLOCK_MONOTONIC around ldr_prog_load: the syscall (copy-in, the
 *                        verifier, the JIT, the descriptor) and the loader's 4 KiB log
 *                        buffer; the program is closed outside the timing (its freeing is
 *                        deferred by the kernel anyway)
 *                verif   the kernel's own "verification time N usec" from that log:
 *                        bpf_check() alone, in whole microseconds, rounded down
 *              Reloads pass the BTF func/line info the first load passed (callbacks
 *              need it); a program whose verdict still changes is listed and left out
 *              of the comparison.
 *              Needs root (CAP_BPF); skipped, saying why, otherwise.
 *
 * Target: on each program the simulator no slower than the kernel, judged against both
 * kernel figures. The kernel's verification time is rounded down to a microsecond, so a
 * program counts as slower than it only when the simulator takes at least the reported
 * figure plus one microsecond (the kernel's time is below that for sure). A program the two
 * give different verdicts is marked '!' and counted, but still compared: the time to a
 * verdict. A miss prints MISSED and is an error only with --strict (BENCH_STRICT=1 in
 * make). Exit status: 0; 1 a target missed under --strict; 2 on errors (a file that does
 * not assemble, out of memory).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <linux/bpf.h>

#include "asm/asm.h"
#include "common/buf.h"
#include "common/mem.h"
#include "loader/loader.h"
#include "obj/obj.h"
#include "verifier-sim/vsim.h"

#define KLOG_SIZE  4096 /* the stats lines, or the start of a log the kernel writes anyway */
#define WORST_SHOW 5

struct row {
	char name[96];
	size_t ninsns;
	int sim_ok, kern_ok; /* verdicts: 1 accepted; kern_ok -1: not measured */
	uint64_t sim_processed, kern_processed;
	double sim_ns;	 /* best */
	double wall_ns;	 /* best; < 0: not measured */
	double verif_us; /* best reported; < 0: none in the log */
	int btf_differs; /* the kernel's verdict without BTF is not its verdict with it */
};

static struct {
	struct row *rows;
	size_t n, cap;
} tab;

static unsigned long runs = 5;
static unsigned long nr_cpus; /* vsim_opts.nr_cpus: 0, this machine's, as ebpf-verify */
static char kernel_why[160];  /* "" when the kernel columns are measured */

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* The number after @key in @log (the last occurrence), or -1. */
static double log_number(const char *log, const char *key)
{
	const char *s = NULL, *p = log;

	while (log && (p = strstr(p, key)) != NULL) {
		s = p;
		p += strlen(key);
	}
	return s ? strtod(s + strlen(key), NULL) : -1;
}

/* One round of the simulator on program @i of @o; elapsed ns, or -errno. */
static double sim_once(const struct obj *o, size_t i, struct row *rw)
{
	const struct obj_prog *p = &o->progs[i];
	struct vsim_opts vo = {.nr_cpus = (int)nr_cpus};
	struct vsim_prog vp;
	struct vsim_result r;
	struct vsim_flat f;
	struct diag d;
	double t0, t;
	int err;

	diag_init(&d);
	t0 = now_ns();
	err = vsim_obj_prog_build(o, i, &f, &d);
	if (err)
		goto out;
	vsim_flat_prog(o, i, &f, &vp);
	err = vsim_prog_check(&vp, &vo, &r);
	rw->sim_ok = r.accepted;
	rw->sim_processed = r.insns_processed;
	rw->ninsns = f.ninsns;
	vsim_result_fini(&r);
	vsim_flat_free(&f);
out:
	t = now_ns() - t0;
	if (err) {
		diag_print(&d, stderr, "verify-bench", 0);
		fprintf(stderr, "verify-bench: prog '%s': the simulator failed: %s\n", p->name,
			strerror(-err));
	}
	diag_fini(&d);
	return err ? err : t;
}

/* One round of the kernel on @lp; fills the kernel columns of @rw with the best so far. */
static void kernel_once(const struct obj *o, const struct ldr_loaded *l,
			const struct ldr_loaded_prog *lp, struct row *rw)
{
	struct ldr_prog_attr a = {0};
	char *log = NULL;
	size_t log_len = 0;
	double t0, t, v;
	int fd;

	a.name = lp->name;
	a.type = lp->prog_type;
	a.expected_attach_type = lp->expected_attach_type;
	a.insns = lp->insns;
	a.ninsns = lp->ninsns;
	a.license = o->license;
	a.kern_version = o->has_kern_version ? o->kern_version : 0;
	if (lp->func_info_cnt || lp->line_info_cnt) {
		/* as it was loaded: callbacks need their func info */
		a.btf_fd = l->btf_fd;
		a.func_info = lp->func_info;
		a.func_info_rec_size = sizeof(struct bpf_func_info);
		a.func_info_cnt = lp->func_info_cnt;
		a.line_info = lp->line_info;
		a.line_info_rec_size = sizeof(struct bpf_line_info);
		a.line_info_cnt = lp->line_info_cnt;
	}
	a.log_level = 4; /* BPF_LOG_STATS */
	a.log_size = KLOG_SIZE;
	t0 = now_ns();
	fd = ldr_prog_load(&a, &log, &log_len);
	t = now_ns() - t0;
	if (fd >= 0)
		close(fd);
	if (fd == -ENOMEM) {
		mem_free(log);
		return;
	}
	rw->kern_ok = fd >= 0;
	if (rw->kern_ok != (lp->fd >= 0))
		rw->btf_differs = 1;
	if (rw->wall_ns < 0 || t < rw->wall_ns)
		rw->wall_ns = t;
	v = log_number(log, "verification time ");
	if (v >= 0 && (rw->verif_us < 0 || v < rw->verif_us))
		rw->verif_us = v;
	v = log_number(log, "processed ");
	if (v >= 0)
		rw->kern_processed = (uint64_t)v;
	mem_free(log);
}

static struct row *row_new(void)
{
	struct row *rw;

	struct row *nr = mem_array(tab.rows, &tab.cap, tab.n + 1, sizeof(*tab.rows));

	if (!nr)
		return NULL;
	tab.rows = nr;
	rw = &tab.rows[tab.n++];
	memset(rw, 0, sizeof(*rw));
	rw->kern_ok = -1;
	rw->wall_ns = rw->verif_us = -1;
	return rw;
}

/*
 * Assemble @text (named @name) and time every program in it; a row each, appended to the
 * table. Returns 0 or -errno (the reason printed).
 */
static int bench_source(const char *name, const char *text, size_t len)
{
	struct obj *a = obj_new(), *o = NULL;
	struct ldr_loaded *l = NULL;
	void *data = NULL;
	size_t dl;
	struct diag d;
	int err = -ENOMEM;

	diag_init(&d);
	if (!a)
		goto out;
	/* Assemble, then read the object back: the same path as a .o from disk. */
	if (asm_source_assemble(name, text, len, a, &d) || obj_write_mem(a, &data, &dl, &d) ||
	    obj_read_mem(data, dl, name, &o, &d)) {
		diag_print(&d, stderr, "verify-bench", 0);
		err = -EINVAL;
		goto out;
	}
	if (!kernel_why[0]) {
		/* Maps and relocated instructions for the timed reloads; rejections are
		 * expected (half the corpus), so its messages are dropped. Log level 4: a
		 * refused program's full log (megabytes for the 1,000,000-instruction ones,
		 * fetched in growing buffers) would cost more than the whole benchmark. */
		ldr_obj_load(
			o, &(struct ldr_opts){.name = name, .log_level = 4, .log_size = KLOG_SIZE},
			&l, &d);
		diag_fini(&d);
		diag_init(&d);
	}
	for (size_t i = 0; i < o->nprogs; i++) {
		const struct ldr_loaded_prog *lp = NULL;
		struct row *rw = row_new();

		if (!rw)
			goto out;
		snprintf(rw->name, sizeof(rw->name), "%s", o->progs[i].name);
		for (size_t k = 0; l && k < l->nprogs; k++)
			if (l->progs[k].obj_prog == (int)i && l->progs[k].insns)
				lp = &l->progs[k];
		for (unsigned long r = 0; r < runs; r++) {
			double t = sim_once(o, i, rw);

			if (t < 0) {
				err = (int)t;
				goto out;
			}
			if (r == 0 || t < rw->sim_ns)
				rw->sim_ns = t;
			if (lp)
				kernel_once(o, l, lp, rw);
		}
	}
	err = 0;
out:
	ldr_loaded_free(l);
	obj_free(a);
	obj_free(o);
	free(data);
	diag_fini(&d);
	return err;
}

static int bench_file(const char *path)
{
	struct buf b = {0};
	FILE *f = fopen(path, "re");
	char chunk[65536];
	size_t n;
	int err = 0;

	if (!f) {
		fprintf(stderr, "verify-bench: %s: %s\n", path, strerror(errno));
		return -errno;
	}
	while (!err && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		err = buf_append(&b, chunk, n);
	fclose(f);
	if (!err)
		err = bench_source(path, (const char *)b.data, b.len);
	buf_free(&b);
	return err;
}

/* The generated programs: text into @b. */
static int gen_straight(struct buf *b, unsigned long lines)
{
	int err = buf_printf(b, "\t.license \"GPL\"\n\t.section socket\n\t.globl straight_line\n"
				"\t.type straight_line, @function\nstraight_line:\n"
				"\tr1 = 1\n\tr2 = 2\n");

	/* ALU, stack stores and loads: the walk's bread and butter, no branch to prune. */
	for (unsigned long i = 0; !err && i + 4 < lines; i += 5)
		err = buf_printf(b,
				 "\tr1 += %lu\n\tr2 ^= r1\n\t*(u64 *)(r10 - %lu) = r2\n"
				 "\tr3 = *(u64 *)(r10 - %lu)\n\tr1 &= 0xffff\n",
				 i % 97, 8 + 8 * (i / 5 % 32), 8 + 8 * (i / 5 % 32));
	return err ? err : buf_printf(b, "\tr0 = 0\n\texit\n");
}

static int gen_loop(struct buf *b, unsigned long iters)
{
	/* The counter is exact on every turn, so no state prunes another: the whole loop is
	 * walked, five instructions a turn. */
	return buf_printf(b,
			  "\t.license \"GPL\"\n\t.section socket\n\t.globl bounded_loop\n"
			  "\t.type bounded_loop, @function\nbounded_loop:\n"
			  "\tr1 = 0\n\tr0 = 0\nloop:\n\tr0 += r1\n\tr2 = r1\n\tr2 &= 7\n"
			  "\tr1 += 1\n\tif r1 < %lu goto loop\n\tr0 = 0\n\texit\n",
			  iters);
}

static int bench_generated(int (*gen)(struct buf *, unsigned long), unsigned long n,
			   const char *name)
{
	struct buf b = {0};
	int err = gen(&b, n);

	if (!err)
		err = bench_source(name, (const char *)b.data, b.len);
	buf_free(&b);
	return err;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.s files of @dir, sorted; NULL-terminated list in *@out. Returns the count or -errno. */
static long corpus_list(const char *dir, char ***out)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t n = 0, cap = 0;

	if (!dp)
		return -errno;
	while ((e = readdir(dp)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len < 3 || strcmp(e->d_name + len - 2, ".s") != 0)
			continue;
		char **nv = mem_array(v, &cap, n + 2, sizeof(*v));

		if (!nv || asprintf(&nv[n], "%s/%s", dir, e->d_name) < 0) {
			closedir(dp);
			return -ENOMEM;
		}
		v = nv;
		v[++n] = NULL;
	}
	closedir(dp);
	if (n)
		qsort(v, n, sizeof(*v), cmp_str);
	*out = v;
	return (long)n;
}

/* ---------------------------------------------------------------- the report */

static int measured(const struct row *rw)
{
	return rw->wall_ns >= 0 && !rw->btf_differs;
}

/* The simulator slower than the kernel's own figure, beyond its microsecond rounding. */
static int slower_verif(const struct row *rw)
{
	return measured(rw) && rw->verif_us >= 0 && rw->sim_ns >= (rw->verif_us + 1) * 1e3;
}

static int slower_wall(const struct row *rw)
{
	return measured(rw) && rw->sim_ns > rw->wall_ns;
}

static const char *verdict(int ok)
{
	return ok < 0 ? "-" : ok ? "accept" : "reject";
}

static void row_print(const struct row *rw)
{
	int differ = measured(rw) && rw->kern_ok != rw->sim_ok;

	printf("  %-30.30s %7zu %-6s%c %10.1f", rw->name, rw->ninsns, verdict(rw->sim_ok),
	       differ ? '!' : ' ', rw->sim_ns / 1e3);
	if (!measured(rw)) {
		printf("%s\n", rw->btf_differs ? "  (kernel: other verdict without BTF)" : "");
		return;
	}
	printf(" %10.1f", rw->wall_ns / 1e3);
	if (rw->verif_us >= 0)
		printf(" %10.0f %6.2fx", rw->verif_us, rw->sim_ns / ((rw->verif_us + 1) * 1e3));
	else
		printf(" %10s %7s", "-", "-");
	printf(" %6.2fx%s\n", rw->sim_ns / rw->wall_ns,
	       slower_verif(rw) || slower_wall(rw) ? "  slower" : "");
}

static void header(void)
{
	printf("  %-30s %7s %-7s %10s", "program", "insns", "verdict", "sim us");
	if (!kernel_why[0])
		printf(" %10s %10s %7s %7s", "load us", "verif us", "/verif", "/load");
	printf("\n");
}

static void processed_print(size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		printf("    %s: %" PRIu64 " instructions processed by the simulator",
		       tab.rows[i].name, tab.rows[i].sim_processed);
		if (measured(&tab.rows[i]))
			printf(", %" PRIu64 " by the kernel", tab.rows[i].kern_processed);
		printf("\n");
	}
}

static int cmp_worst(const void *a, const void *b)
{
	const struct row *x = *(const struct row *const *)a, *y = *(const struct row *const *)b;
	double rx = x->sim_ns / ((x->verif_us + 1) * 1e3),
	       ry = y->sim_ns / ((y->verif_us + 1) * 1e3);

	return rx < ry ? 1 : rx > ry ? -1 : 0;
}

/* The corpus rows [@from, @to): totals, counts, the worst few. */
static int corpus_summary(size_t from, size_t to)
{
	double sim = 0, sim_k = 0, wall = 0, verif = 0, sim_v = 0;
	size_t n = to - from, nk = 0, nbtf = 0, nv = 0, sv = 0, sw = 0, differ = 0;
	const struct row **worst;

	for (size_t i = from; i < to; i++) {
		const struct row *rw = &tab.rows[i];

		sim += rw->sim_ns;
		nbtf += rw->btf_differs;
		if (!measured(rw))
			continue;
		nk++;
		sim_k += rw->sim_ns;
		wall += rw->wall_ns;
		differ += rw->kern_ok != rw->sim_ok;
		sw += slower_wall(rw);
		if (rw->verif_us >= 0) {
			nv++;
			verif += rw->verif_us * 1e3;
			sim_v += rw->sim_ns;
			sv += slower_verif(rw);
		}
	}
	printf("  %zu programs: simulator %.1f ms in all (%.1f us each on average)\n", n, sim / 1e6,
	       n ? sim / 1e3 / (double)n : 0);
	if (kernel_why[0] || !nk)
		return 0;
	printf("  kernel BPF_PROG_LOAD: %.1f ms over %zu programs (simulator %.1f ms on them): "
	       "%.2fx; simulator slower on %zu\n",
	       wall / 1e6, nk, sim_k / 1e6, sim_k / wall, sw);
	printf("  kernel verification time: %.1f ms over the %zu with a stats line (simulator "
	       "%.1f ms on them): %.2fx; simulator slower (by >= 1 us) on %zu\n",
	       verif / 1e6, nv, sim_v / 1e6, verif > 0 ? sim_v / verif : 0, sv);
	if (nbtf) {
		printf("  not compared, %zu the kernel judges otherwise without the object's BTF "
		       "(the timed reloads go without):",
		       nbtf);
		for (size_t i = from; i < to; i++)
			if (tab.rows[i].btf_differs)
				printf(" %s", tab.rows[i].name);
		printf("\n");
	}
	if (differ) {
		printf("  verdicts differ on %zu programs (compared all the same):", differ);
		for (size_t i = from; i < to; i++)
			if (measured(&tab.rows[i]) && tab.rows[i].kern_ok != tab.rows[i].sim_ok)
				printf(" %s", tab.rows[i].name);
		printf("\n");
	}
	worst = calloc(n ? n : 1, sizeof(*worst));
	if (!worst)
		return -ENOMEM;
	nv = 0;
	for (size_t i = from; i < to; i++)
		if (slower_verif(&tab.rows[i]) || slower_wall(&tab.rows[i]))
			worst[nv++] = &tab.rows[i];
	if (nv) {
		qsort(worst, nv, sizeof(*worst), cmp_worst);
		printf("  slowest against the kernel (sim/(verif+1us)):\n");
		header();
		for (size_t i = 0; i < nv && i < WORST_SHOW; i++)
			row_print(worst[i]);
	}
	free(worst);
	return 0;
}

static void usage(FILE *f)
{
	fputs("usage: verify-bench [--runs N] [--lines N] [--iters N] [--nr-cpus N] [--strict]\n"
	      "                    [--corpus DIR] PROG.s...\n",
	      f);
}

static int num(const char *s, unsigned long *out)
{
	char *end;

	errno = 0;
	*out = strtoul(s, &end, 10);
	return errno || !*s || *end || !*out ? -1 : 0;
}

int main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{"runs", required_argument, NULL, 'r'},	   {"lines", required_argument, NULL, 'l'},
		{"iters", required_argument, NULL, 'i'},   {"corpus", required_argument, NULL, 'c'},
		{"nr-cpus", required_argument, NULL, 'n'}, {"strict", no_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},	   {NULL, 0, NULL, 0},
	};
	unsigned long lines = 100000, iters = 150000;
	const char *corpus = NULL;
	char **files = NULL;
	long ncorpus = 0;
	size_t progs_end, large_end;
	int c, strict = 0, missed = 0, ret = 0;
	struct utsname u;
	double t0;

	while ((c = getopt_long(argc, argv, "h", lopts, NULL)) != -1) {
		switch (c) {
		case 'r':
		case 'l':
		case 'i':
		case 'n':
			if (num(optarg, c == 'r'   ? &runs
					: c == 'l' ? &lines
					: c == 'i' ? &iters
						   : &nr_cpus)) {
				fprintf(stderr, "verify-bench: bad number '%s'\n", optarg);
				return 2;
			}
			break;
		case 'c':
			corpus = optarg;
			break;
		case 's':
			strict = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (geteuid() != 0)
		snprintf(kernel_why, sizeof(kernel_why),
			 "not root: BPF_PROG_LOAD needs CAP_BPF; the kernel columns are skipped");
	uname(&u);
	printf("verify-bench: verifier-sim in process against BPF_PROG_LOAD on Linux %s; best "
	       "of %lu rounds, CLOCK_MONOTONIC\n",
	       u.release, runs);
	printf("  sim: build + check, no log, nr_cpus %s; load: BPF_PROG_LOAD wall time (log level "
	       "4); "
	       "verif: the kernel's \"verification time\"\n",
	       nr_cpus ? "given" : "read from sysfs (once)");
	printf("  /verif: sim over (verif + 1 us), the kernel's figure being rounded down; "
	       "/load: sim over load\n");
	if (kernel_why[0])
		printf("  kernel: %s\n", kernel_why);

	t0 = now_ns();
	printf("programs:\n");
	header();
	for (int i = optind; i < argc; i++) {
		size_t from = tab.n;

		if (bench_file(argv[i])) {
			ret = 2;
			goto out;
		}
		for (size_t k = from; k < tab.n; k++)
			row_print(&tab.rows[k]);
	}
	progs_end = tab.n;

	printf("large programs (generated):\n");
	header();
	if (bench_generated(gen_straight, lines, "straight_line.s") ||
	    bench_generated(gen_loop, iters, "bounded_loop.s")) {
		ret = 2;
		goto out;
	}
	large_end = tab.n;
	for (size_t k = progs_end; k < large_end; k++)
		row_print(&tab.rows[k]);
	processed_print(progs_end, large_end);

	if (corpus) {
		ncorpus = corpus_list(corpus, &files);
		if (ncorpus < 0) {
			fprintf(stderr, "verify-bench: %s: %s\n", corpus, strerror((int)-ncorpus));
			ret = 2;
			goto out;
		}
		printf("corpus %s (%ld files):\n", corpus, ncorpus);
		for (long i = 0; i < ncorpus; i++)
			if (bench_file(files[i])) {
				ret = 2;
				goto out;
			}
		if (corpus_summary(large_end, tab.n)) {
			ret = 2;
			goto out;
		}
	}

	if (!kernel_why[0]) {
		size_t sv = 0, sw = 0, nk = 0;

		for (size_t i = 0; i < tab.n; i++) {
			nk += measured(&tab.rows[i]);
			sv += slower_verif(&tab.rows[i]);
			sw += slower_wall(&tab.rows[i]);
		}
		printf("target: no slower than the kernel on each of %zu programs:\n", nk);
		printf("  against its verification time: %s (slower on %zu)\n",
		       sv ? "MISSED" : "met", sv);
		printf("  against BPF_PROG_LOAD:         %s (slower on %zu)\n",
		       sw ? "MISSED" : "met", sw);
		missed = sv || sw || !nk;
	} else {
		printf("target: no slower than the kernel: not measured (%s)\n", kernel_why);
	}
	printf("  (%.1f s in all)\n", (now_ns() - t0) / 1e9);
	if (missed && strict)
		ret = 1;
out:
	for (long i = 0; files && i < ncorpus; i++)
		free(files[i]);
	mem_free(files);
	mem_free(tab.rows);
	return ret;
}
