/* SPDX-License-Identifier: MIT */
/*
 * check_verifier.c - ebpf-verify against this kernel's verifier, the oracle of issue 5.
 *
 * The corpus: tests/verifier/NAME.s (written by family with tests/verifier/gen_corpus.py, one
 * program per file, each saying what it tests) and tests/corpus/verifier/NAME.s (what the fuzz
 * differential found, kept as regressions). A comment line in each file
 *
 *     ; kernel: accept
 *     ; kernel: reject: R0 !read_ok
 *
 * records what BPF_PROG_LOAD said, with the last line of the verifier log. Tests:
 *
 *   corpus_is_large_and_covers_every_type
 *         at least 300 files, each opening with a comment and recording a verdict; both
 *         verdicts and all six program types well represented
 *   recorded_verdict_matches_the_kernel (one per file)
 *         assembled with the asm library and loaded with ldr_obj_load, the kernel still says
 *         what the file records, verdict and message
 *   simulator_agrees_on_the_corpus
 *         ebpf-verify --json on every object against the recorded verdicts (held to the
 *         kernel by the test above): any verdict disagreement, crash or hang fails, with a
 *         table; message agreement is reported (percentage and mismatches), not asserted;
 *         so is, with a kernel, how many accepted programs get the kernel's instruction
 *         count ("processed N insns" of a load with its log, against insns_processed)
 *   simulator_agrees_on_progs_and_clang_objects
 *         the same against the live kernel for progs/NAME.s and for the objects clang builds
 *         from tests/clang/NAME.c (every program of each object), instruction counts too
 *   fuzz_simulator_never_accepts_what_the_kernel_rejects_for_safety
 *         EBPF_VERIFY_FUZZ_N random programs from fixed seeds (seven in eight structured:
 *         ALU, jumps, loads and stores through ctx, stack, packet and map pointers, helper
 *         calls, atomics, loops; one in eight raw bytecode) through the kernel and
 *         ebpf-verify. ebpf-verify accepting what the kernel rejects for a safety reason
 *         (memory, pointer, uninitialised, reference: safety_message()) fails and the program
 *         is saved to tests/corpus/verifier/; a crash, a timeout or exit 2 fails and is saved;
 *         other disagreements are counted and listed.
 *
 * Without privileges: tests/verifier/unpriv/NAME.s are socket filters that carry a second
 * line, `; kernel-unpriv: accept|reject: MSG`, what BPF_PROG_LOAD says to uid 65534 without
 * capabilities (their `; kernel:` line is checked with the corpus above). Tests:
 *
 *   unpriv_corpus_covers_both_verdicts_and_privilege_differences
 *         at least 40 files with both lines, both verdicts, and many where privilege changes
 *         the verdict or the message
 *   unpriv_recorded_verdict_matches_the_kernel
 *         as root: kernel.unprivileged_bpf_disabled 2 is set to 0 for the loads (1 cannot be
 *         undone: a note, never a failure), a child drops to uid/gid 65534 (no capabilities
 *         left, checked) and loads every file, maps and all; the sysctl is written back
 *         right after, checked, and again by the tcase's unchecked teardown and at the end
 *         of main, whatever failed in between. Verdicts and messages must be the recorded
 *   simulator_agrees_unprivileged
 *         ebpf-verify --unpriv against those lines: verdicts and messages word for word
 *
 * Until ebpf-verify is built the simulator tests say so and pass; the kernel half still runs
 * (and 200 fuzz programs check the generator). Without a usable bpf() (not root) the kernel
 * half is skipped and the corpus is compared with its recorded verdicts; with neither the
 * suite skips (77; 99 under EBPF_REQUIRE_KERNEL=1).
 *
 * Maintenance: `tests/check_verifier --record FILE.s...` loads each file into the running
 * kernel and rewrites its `; kernel:` line (and its `; kernel-unpriv:` line, unprivileged). Environment: EBPF_VERIFY_FUZZ_N (programs, default
 * 2000), EBPF_VERIFY_FUZZ_SEED (first seed, default 1), EBPF_VERIFY_FUZZ_VERBOSE (print each
 * kernel verdict), EBPF_VERIFY_FUZZ_SAVE_ALL (keep every verdict disagreement, not only the
 * unsafe ones), EBPF_VERIFY_TIMEOUT (seconds per ebpf-verify run, default 20).
 */
#define _GNU_SOURCE
#include <check.h>
#include <ctype.h>
#include <errno.h>
#include <glob.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <linux/capability.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "asm/asm.h"
#include "loader/loader.h"
#include "obj/obj.h"
#include "tests/testutil.h"

#define MAXPROGS 16
#define MSGLEN	 512

/* One program's verdict, from the kernel or from the simulator. */
struct pverdict {
	char name[128];
	char section[128];
	int known;    /* 0: no verdict (never reached the verifier, or missing from the output) */
	int accepted; /* when known */
	char msg[MSGLEN];
	long insn, line; /* simulator only; -1 when absent */
	long processed;	 /* accepted: instructions processed ("processed N insns"), or -1 */
};

/* What one object got: per program verdicts, or an error before any verdict. */
struct oresult {
	size_t n;
	struct pverdict p[MAXPROGS];
	char err[1024]; /* "": fine */
	int status;	/* simulator: exit status (0, 1, 2, or a crash/timeout) */
};

static char tmpdir[256];
static int kernel_ok; /* bpf() can load programs here */
static int have_sim;  /* ebpf-verify is built */
static char **corpus; /* tests/verifier/NAME.s, tests/verifier/unpriv/NAME.s, then
		       * tests/corpus/verifier/NAME.s */
static int ncorpus;
static char **ucorpus; /* tests/verifier/unpriv/NAME.s: also verified without privileges */
static int nucorpus;
static char **clang_objs; /* built in tmpdir by the parent; NULL without clang */
static int nclang_objs;

static const char *const clang_progs[] = {"xdp_array", "socket_filter", "tracepoint_hash",
					  "subprog",   "globals",	"loop",
					  "alu32_v3",  "v4_ops"};
#define NCLANG ((int)(sizeof(clang_progs) / sizeof(clang_progs[0])))

/* ---- small utilities ---- */

static void append_files(char ***list, int *n, const char *pattern)
{
	glob_t g;

	if (glob(pattern, 0, NULL, &g) != 0)
		return;
	*list = realloc(*list, sizeof(**list) * ((size_t)*n + g.gl_pathc));
	if (!*list)
		abort();
	for (size_t i = 0; i < g.gl_pathc; i++)
		(*list)[(*n)++] = strdup(g.gl_pathv[i]);
	globfree(&g);
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* Trim trailing white space in place. */
static void rtrim(char *s)
{
	size_t n = strlen(s);

	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
}

/* The messages in @d as text (free()). */
static char *diag_text(const struct diag *d)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	if (!f)
		return strdup("(no memory for the messages)");
	diag_print(d, f, "check_verifier", 0);
	fclose(f);
	return s;
}

/*
 * The verifier's message: the last line of the log that says something, that is not the
 * statistics ("processed N insns ...", "verification time", "stack depth"), a source-line
 * annotation ("; ... @ file.s:12"), nor the state dump after "infinite loop detected at insn
 * N" ("cur state: ...", "old state: ..."). Some messages lack their newline (6.18: "expected
 * prog array map for tail call"), so the statistics glued to their end are cut off.
 */
static void log_message(const char *log, char *out, size_t len)
{
	const char *end, *start;

	out[0] = '\0';
	if (!log)
		return;
	end = log + strlen(log);
	while (end > log) {
		size_t n;

		while (end > log && (end[-1] == '\n' || end[-1] == ' '))
			end--;
		start = end;
		while (start > log && start[-1] != '\n')
			start--;
		n = (size_t)(end - start);
		if (n && strncmp(start, "processed ", 10) != 0 &&
		    strncmp(start, "verification time", 17) != 0 &&
		    strncmp(start, "stack depth", 11) != 0 &&
		    strncmp(start, "cur state:", 10) != 0 &&
		    strncmp(start, "old state:", 10) != 0 && start[0] != ';') {
			char *glued;

			if (n >= len)
				n = len - 1;
			memcpy(out, start, n);
			out[n] = '\0';
			glued = strstr(out, "processed ");
			if (glued && glued != out && strstr(glued, " insns (limit "))
				*glued = '\0';
			return;
		}
		end = start;
	}
}

/* N of the statistics line "processed N insns (limit ...) ..." in @log, or -1. */
static long log_processed(const char *log)
{
	for (const char *s = log; s && (s = strstr(s, "processed ")) != NULL; s++)
		if ((s == log || s[-1] == '\n') && isdigit((unsigned char)s[10]))
			return strtol(s + 10, NULL, 10);
	return -1;
}

/* ---- assembling and loading ---- */

/* Assemble @src (its text @text) into @objpath with the asm library. 0, or -1 and @err. */
static int assemble_text(const char *src, const char *text, const char *objpath, char *err,
			 size_t errlen)
{
	struct diag d;
	struct obj *o = obj_new();
	int rc = 0;

	diag_init(&d);
	if (!o)
		abort();
	if (asm_source_assemble(src, text, strlen(text), o, &d) != 0 ||
	    obj_write_file(o, objpath, &d) != 0) {
		char *m = diag_text(&d);

		snprintf(err, errlen, "%s: does not assemble:\n%s", src, m);
		free(m);
		rc = -1;
	}
	obj_free(o);
	diag_fini(&d);
	return rc;
}

static int assemble_file(const char *src, const char *objpath, char *err, size_t errlen)
{
	char *text = tu_read_file(src, NULL);
	int rc;

	if (!text) {
		snprintf(err, errlen, "%s: cannot read: %s", src, strerror(errno));
		return -1;
	}
	rc = assemble_text(src, text, objpath, err, errlen);
	free(text);
	return rc;
}

/* Read the object at @objpath; NULL with the reason in r->err. */
static struct obj *obj_read_for(const char *objpath, struct oresult *r)
{
	struct obj *o = NULL;
	struct diag d;

	diag_init(&d);
	if (obj_read_file(objpath, &o, &d) != 0) {
		char *m = diag_text(&d);

		snprintf(r->err, sizeof(r->err), "%s: cannot read:\n%s", objpath, m);
		free(m);
		obj_free(o);
		o = NULL;
	}
	diag_fini(&d);
	return o;
}

/* Load every program of @o (read from @objpath) into the kernel; verdicts into @r (zeroed). */
static void kernel_verify_obj(struct obj *o, const char *objpath, struct oresult *r)
{
	struct ldr_opts opts = {.name = objpath};
	struct ldr_loaded *l = NULL;
	struct diag d;

	diag_init(&d);
	ldr_obj_load(o, &opts, &l, &d);
	if (!l) {
		snprintf(r->err, sizeof(r->err), "%s: nothing loaded (out of memory)", objpath);
		goto out;
	}
	for (size_t i = 0; i < l->nprogs && r->n < MAXPROGS; i++) {
		const struct ldr_loaded_prog *lp = &l->progs[i];
		const struct obj_prog *op = &o->progs[lp->obj_prog];
		struct pverdict *p = &r->p[r->n++];

		snprintf(p->name, sizeof(p->name), "%s", lp->name);
		snprintf(p->section, sizeof(p->section), "%s", o->secs[op->sec].name);
		p->insn = p->line = p->processed = -1;
		if (lp->fd >= 0) {
			p->known = p->accepted = 1;
			p->processed = log_processed(lp->log);
		} else if (lp->log && lp->log[0]) {
			p->known = 1;
			log_message(lp->log, p->msg, sizeof(p->msg));
		} else if (lp->log) {
			/* The kernel refused it without a word in the log (attribute checks). */
			p->known = 1;
			snprintf(p->msg, sizeof(p->msg), "(no verifier log: %s)",
				 ldr_errno_name(lp->err) ? ldr_errno_name(lp->err) : "?");
		} else {
			char *m = diag_text(&d);

			snprintf(p->msg, sizeof(p->msg), "not loaded (%s): %s",
				 ldr_errno_name(lp->err) ? ldr_errno_name(lp->err) : "?", m);
			free(m);
		}
	}
out:
	ldr_loaded_free(l);
	diag_fini(&d);
}

/* Load every program of the object at @objpath into the kernel; verdicts into @r. */
static void kernel_verify(const char *objpath, struct oresult *r)
{
	struct obj *o;

	memset(r, 0, sizeof(*r));
	o = obj_read_for(objpath, r);
	if (o)
		kernel_verify_obj(o, objpath, r);
	obj_free(o);
}

/*
 * ---- unprivileged loads ----
 *
 * kernel.unprivileged_bpf_disabled: 0 lets users without capabilities load socket filters,
 * 1 forbids it until the next boot, 2 forbids it but an administrator may write 0 or 1. When
 * it is 2 the unprivileged comparison sets it to 0 for the loads and writes 2 back right
 * after them, in the same (forked) test; the tcase's unchecked teardown and the end of main
 * write it back again whatever happened in between (a failed assertion, a timeout). 1 is
 * never written: it cannot be undone.
 */
#define UNPRIV_SYSCTL "/proc/sys/kernel/unprivileged_bpf_disabled"
#define NOBODY	      65534

static int unpriv_at_start = -1; /* the sysctl when the suite started; -1: unreadable */

static int unpriv_sysctl_read(void)
{
	char *s = tu_read_file(UNPRIV_SYSCTL, NULL);
	int v = s && isdigit((unsigned char)s[0]) ? atoi(s) : -1;

	free(s);
	return v;
}

static int unpriv_sysctl_write(int v)
{
	char s[4];

	snprintf(s, sizeof(s), "%d\n", v);
	return tu_write_file(UNPRIV_SYSCTL, s, strlen(s));
}

/* Put the sysctl back to 2 when this suite found it at 2 and it is 0 now. Any path, any
 * number of times. */
static void unpriv_sysctl_restore(void)
{
	if (unpriv_at_start == 2 && unpriv_sysctl_read() == 0 && unpriv_sysctl_write(2) != 0)
		fprintf(stderr, "check_verifier: cannot write 2 back to %s: %s\n", UNPRIV_SYSCTL,
			strerror(errno));
}

/* Let unprivileged users load programs: 0 (the sysctl is 0, written from 2 if need be), or -1
 * and why not in @why. */
static int unpriv_sysctl_open(char *why, size_t len)
{
	int v = unpriv_sysctl_read();

	if (v == 0 || (v == 2 && unpriv_sysctl_write(0) == 0))
		return 0;
	if (v == 1)
		snprintf(why, len,
			 "kernel.unprivileged_bpf_disabled is 1, which only a reboot undoes (this "
			 "test never writes 1, and cannot write 0 over it): unprivileged verdicts "
			 "are not compared with the kernel");
	else if (v == 2)
		snprintf(why, len, "cannot write 0 to %s: %s", UNPRIV_SYSCTL, strerror(errno));
	else
		snprintf(why, len, "cannot read %s", UNPRIV_SYSCTL);
	return -1;
}

/* Become nobody (uid and gid 65534, no supplementary groups): the uid change clears every
 * capability, which is checked. 0 or -errno. */
static int drop_privileges(void)
{
	struct __user_cap_header_struct h = {.version = _LINUX_CAPABILITY_VERSION_3};
	struct __user_cap_data_struct c[_LINUX_CAPABILITY_U32S_3];

	if (setgroups(0, NULL) != 0 || setresgid(NOBODY, NOBODY, NOBODY) != 0 ||
	    setresuid(NOBODY, NOBODY, NOBODY) != 0 || syscall(SYS_capget, &h, c) != 0)
		return -errno;
	for (int i = 0; i < _LINUX_CAPABILITY_U32S_3; i++)
		if (c[i].effective || c[i].permitted)
			return -EPERM;
	return 0;
}

/* The child of kernel_verify_unpriv: read the objects (the temporary directory is root's),
 * drop privileges, load each. Its exit status. */
static int unpriv_child(char *const *objs, int n, struct oresult *r)
{
	struct obj **o = calloc((size_t)n, sizeof(*o));
	int err;

	if (!o)
		return 1;
	for (int i = 0; i < n; i++)
		o[i] = obj_read_for(objs[i], &r[i]);
	err = drop_privileges();
	if (err) {
		snprintf(r[0].err, sizeof(r[0].err),
			 "cannot become uid %d without capabilities: %s", NOBODY, strerror(-err));
		return 1;
	}
	for (int i = 0; i < n; i++)
		if (o[i])
			kernel_verify_obj(o[i], objs[i], &r[i]);
	return 0;
}

/*
 * Load the objects @objs[0..n) as a user without privileges: a child process becomes nobody
 * and loads each (creating its maps too); verdicts into @r[i]. The sysctl must allow it
 * (unpriv_sysctl_open). 0, or -1 when the child failed (why in r[0].err).
 */
static int kernel_verify_unpriv(char *const *objs, int n, struct oresult *r)
{
	size_t size = sizeof(*r) * (size_t)n;
	struct oresult *shared =
		mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int status = -1;
	pid_t pid;

	memset(r, 0, size);
	if (shared == MAP_FAILED) {
		snprintf(r[0].err, sizeof(r[0].err), "mmap: %s", strerror(errno));
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0)
		_exit(unpriv_child(objs, n, shared));
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	memcpy(r, shared, size);
	munmap(shared, size);
	if (pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (!r[0].err[0])
		snprintf(r[0].err, sizeof(r[0].err), "the unprivileged child failed (status %#x%s)",
			 status, pid < 0 ? ", no fork" : "");
	return -1;
}

/* ---- the simulator ---- */

/* The string value of "key" in a flat JSON object into @out; 0, or -1 when absent. */
static int json_str(const char *obj, const char *key, char *out, size_t len)
{
	char pat[64];
	const char *s;
	size_t n = 0;

	snprintf(pat, sizeof(pat), "\"%s\":", key);
	s = strstr(obj, pat);
	if (!s)
		return -1;
	s += strlen(pat);
	while (*s == ' ')
		s++;
	if (*s != '"')
		return -1;
	for (s++; *s && *s != '"'; s++) {
		char c = *s;

		if (c == '\\' && s[1]) {
			s++;
			switch (*s) {
			case 'n':
				c = '\n';
				break;
			case 't':
				c = '\t';
				break;
			case 'u':
				c = '?';
				s += strlen(s) >= 5 ? 4 : 0;
				break;
			default:
				c = *s;
			}
		}
		if (n + 1 < len)
			out[n++] = c;
	}
	out[n] = '\0';
	return 0;
}

static long json_num(const char *obj, const char *key)
{
	char pat[64];
	const char *s;

	snprintf(pat, sizeof(pat), "\"%s\":", key);
	s = strstr(obj, pat);
	if (!s)
		return -1;
	s += strlen(pat);
	while (*s == ' ')
		s++;
	return isdigit((unsigned char)*s) || *s == '-' ? strtol(s, NULL, 10) : -1;
}

static int sim_timeout(void)
{
	const char *s = getenv("EBPF_VERIFY_TIMEOUT");
	int t = s ? atoi(s) : 0;

	return t > 0 ? t : 20;
}

/*
 * Run ebpf-verify @flags --json on @objpath, under a timeout: one JSON object per program into
 * @r. @flags: "" or options ending in a space ("--unpriv "). r->status: the exit status,
 * 124/137 for a timeout, >= 128 or -1 for a crash.
 */
static void sim_verify(const char *objpath, const char *flags, struct oresult *r)
{
	char *out = NULL, *line, *save = NULL;

	memset(r, 0, sizeof(*r));
	r->status = tu_runf(&out, "timeout -k 2 %d '%s' %s--json '%s' 2>&1", sim_timeout(),
			    tu_tool("ebpf-verify"), flags, objpath);
	if (r->status != 0 && r->status != 1) {
		const char *what = r->status == 2			  ? "bad input (exit 2)"
				   : r->status == 124 || r->status == 137 ? "timed out"
									  : "crashed";

		snprintf(r->err, sizeof(r->err), "ebpf-verify %s (status %d): %.700s", what,
			 r->status, out ? out : "");
	}
	for (line = out ? strtok_r(out, "\n", &save) : NULL; line;
	     line = strtok_r(NULL, "\n", &save)) {
		char verdict[32];
		struct pverdict *p;

		if (line[0] != '{' || json_str(line, "verdict", verdict, sizeof(verdict)) != 0 ||
		    r->n >= MAXPROGS)
			continue;
		p = &r->p[r->n++];
		json_str(line, "prog", p->name, sizeof(p->name));
		json_str(line, "section", p->section, sizeof(p->section));
		json_str(line, "message", p->msg, sizeof(p->msg));
		p->known = !strcmp(verdict, "accepted") || !strcmp(verdict, "rejected");
		p->accepted = !strcmp(verdict, "accepted");
		p->insn = json_num(line, "insn");
		p->line = json_num(line, "line");
		p->processed = p->accepted ? json_num(line, "insns_processed") : -1;
	}
	free(out);
}

static const struct pverdict *find_prog(const struct oresult *r, const char *name)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->p[i].name, name))
			return &r->p[i];
	return r->n == 1 ? &r->p[0] : NULL;
}

/* ---- comparison bookkeeping: a table of disagreements, message agreement ---- */

struct tally {
	int programs, verdict_agree, msg_checked, msg_agree;
	char *disagreements; /* table rows */
	size_t dlen;
	FILE *dtab;
	char *mismatches; /* message mismatches */
	size_t mlen;
	FILE *mtab;
	int ndis;
};

static void tally_init(struct tally *t)
{
	memset(t, 0, sizeof(*t));
	t->dtab = open_memstream(&t->disagreements, &t->dlen);
	t->mtab = open_memstream(&t->mismatches, &t->mlen);
	if (!t->dtab || !t->mtab)
		abort();
}

/* Compare one program: @ref is the kernel's (or the recorded) verdict. */
static void tally_add(struct tally *t, const char *what, const struct pverdict *ref,
		      const struct oresult *sim)
{
	const struct pverdict *s = find_prog(sim, ref->name);

	t->programs++;
	if (!s || !s->known) {
		t->ndis++;
		fprintf(t->dtab, "  %-44s %-8s %-9s %s\n", what,
			ref->accepted ? "accept" : "reject", "(none)",
			sim->err[0] ? sim->err : "no verdict in ebpf-verify's output");
		return;
	}
	if (s->accepted != ref->accepted) {
		t->ndis++;
		fprintf(t->dtab, "  %-44s %-8s %-9s kernel: %s | ebpf-verify: %s\n", what,
			ref->accepted ? "accept" : "reject", s->accepted ? "accept" : "reject",
			ref->accepted ? "-" : ref->msg, s->accepted ? "-" : s->msg);
		return;
	}
	t->verdict_agree++;
	if (!ref->accepted) {
		t->msg_checked++;
		if (!strcmp(ref->msg, s->msg))
			t->msg_agree++;
		else
			fprintf(t->mtab, "  %-44s kernel: %s\n  %-44s   sim: %s\n", what, ref->msg,
				"", s->msg);
	}
}

/* Print the report; returns the number of verdict disagreements. */
static int tally_report(struct tally *t, const char *title)
{
	fclose(t->dtab);
	fclose(t->mtab);
	fprintf(stderr, "\n== %s: %d programs, verdicts agree on %d, disagree on %d\n", title,
		t->programs, t->verdict_agree, t->ndis);
	if (t->ndis)
		fprintf(stderr, "  %-44s %-8s %-9s\n%s", "program", "kernel", "simulator",
			t->disagreements);
	if (t->msg_checked)
		fprintf(stderr, "   messages: %d of %d rejections word for word (%.1f%%)\n%s",
			t->msg_agree, t->msg_checked, 100.0 * t->msg_agree / t->msg_checked,
			t->mlen ? "   mismatches:\n" : "");
	if (t->mlen)
		fputs(t->mismatches, stderr);
	free(t->disagreements);
	free(t->mismatches);
	return t->ndis;
}

/*
 * ---- instructions processed ----
 *
 * The kernel's "processed N insns" against ebpf-verify's insns_processed on programs both
 * accept: how closely the simulator's state pruning follows the kernel's. Reported, not
 * asserted (the counts depend on pruning heuristics, see verifier-sim/verify.c).
 */
struct ptally {
	int programs, equal, close; /* close: within 10% (equal ones included) */
	double worst_ratio;	    /* max(sim, kernel) / min(sim, kernel) of the worst */
	char worst[160];
	char diff[4096]; /* the programs where the counts differ, "NAME S/K" */
};

static void ptally_add(struct ptally *t, const char *what, long kernel, long sim)
{
	long lo = kernel < sim ? kernel : sim, hi = kernel < sim ? sim : kernel;
	double ratio = lo > 0 ? (double)hi / (double)lo : hi > 0 ? 1e9 : 1.0;

	if (kernel < 0 || sim < 0)
		return;
	t->programs++;
	t->equal += kernel == sim;
	t->close += (hi - lo) * 10 <= kernel;
	if (kernel != sim) {
		size_t n = strlen(t->diff);

		snprintf(t->diff + n, sizeof(t->diff) - n, "%s%s %ld/%ld", n ? ", " : "", what, sim,
			 kernel);
	}
	if (ratio > t->worst_ratio) {
		t->worst_ratio = ratio;
		snprintf(t->worst, sizeof(t->worst), "%s sim %ld vs kernel %ld", what, sim, kernel);
	}
}

static void ptally_report(const struct ptally *t)
{
	if (!t->programs)
		return;
	fprintf(stderr,
		"   instructions processed: %d of %d accepted programs equal, %d within 10%%, "
		"worst: %s\n",
		t->equal, t->programs, t->close, t->worst_ratio > 1.0 ? t->worst : "none");
	if (t->diff[0])
		fprintf(stderr, "   differ (simulator/kernel): %s\n", t->diff);
}

/* ---- the recorded verdict of a corpus file ---- */

/* The verdict lines: as root, and as a user without privileges (tests/verifier/unpriv/). */
#define MARK_ROOT   "; kernel:"
#define MARK_UNPRIV "; kernel-unpriv:"

/* "MARK accept" / "MARK reject: MSG" in @text (@mark: MARK_*): 1 accept, 0 reject, -1
 * absent. */
static int recorded_verdict(const char *text, const char *mark, char *msg, size_t len)
{
	const char *s = text;

	msg[0] = '\0';
	while ((s = strstr(s, mark)) != NULL) {
		if (s == text || s[-1] == '\n') {
			const char *v = s + strlen(mark), *e;
			size_t n;

			while (*v == ' ')
				v++;
			if (!strncmp(v, "accept", 6))
				return 1;
			if (strncmp(v, "reject:", 7) != 0)
				return -1;
			v += 7;
			while (*v == ' ')
				v++;
			e = strchr(v, '\n');
			n = e ? (size_t)(e - v) : strlen(v);
			if (n >= len)
				n = len - 1;
			memcpy(msg, v, n);
			msg[n] = '\0';
			rtrim(msg);
			return 0;
		}
		s++;
	}
	return -1;
}

static const char *obj_path_for(const char *src)
{
	static char buf[4][512];
	static int next;
	char *b = buf[next++ % 4];

	snprintf(b, sizeof(buf[0]), "%s/%.200s.o", tmpdir, base_name(src));
	return b;
}

/* ---- tests ---- */

/* The section of a corpus file: what program type it is (for the coverage count). */
static int file_has(const char *text, const char *section)
{
	char pat[128];
	const char *s = text;

	snprintf(pat, sizeof(pat), ".section %s", section);
	while ((s = strstr(s, pat)) != NULL) {
		char c = s[strlen(pat)];

		if (c == '\n' || c == '/' || c == ' ' || c == ',')
			return 1;
		s++;
	}
	return 0;
}

START_TEST(corpus_is_large_and_covers_every_type)
{
	static const char *const types[] = {"xdp",	  "socket",	    "tc",
					    "tracepoint", "raw_tracepoint", "kprobe"};
	int per_type[6] = {0}, accepted = 0, rejected = 0, hand = 0;

	for (int i = 0; i < ncorpus; i++) {
		char msg[MSGLEN];
		char *text = tu_read_file(corpus[i], NULL);
		int v;

		ck_assert_msg(text != NULL, "%s: cannot read", corpus[i]);
		if (strstr(corpus[i], "/tests/verifier/"))
			hand++;
		ck_assert_msg(text[0] == ';' || text[0] == '#',
			      "%s: does not open with a comment saying what it tests", corpus[i]);
		v = recorded_verdict(text, MARK_ROOT, msg, sizeof(msg));
		ck_assert_msg(v >= 0, "%s: no '; kernel: accept' or '; kernel: reject: MSG' line",
			      corpus[i]);
		ck_assert_msg(v == 1 || msg[0], "%s: a rejection without the kernel's message",
			      corpus[i]);
		v ? accepted++ : rejected++;
		for (int k = 0; k < 6; k++)
			per_type[k] += file_has(text, types[k]);
		free(text);
	}
	fprintf(stderr, "corpus: %d files (%d in tests/verifier), %d accepted, %d rejected;",
		ncorpus, hand, accepted, rejected);
	for (int k = 0; k < 6; k++)
		fprintf(stderr, " %s %d", types[k], per_type[k]);
	fputc('\n', stderr);
	ck_assert_msg(hand >= 300, "tests/verifier holds %d programs, fewer than 300", hand);
	ck_assert_msg(accepted * 10 >= ncorpus * 3 && rejected * 10 >= ncorpus * 3,
		      "unbalanced corpus: %d accepted, %d rejected", accepted, rejected);
	for (int k = 0; k < 6; k++)
		ck_assert_msg(per_type[k] >= 10, "only %d programs of type %s", per_type[k],
			      types[k]);
}
END_TEST

/*
 * Does the kernel's verdict @r on @src differ from the one recorded on its @mark line (@v,
 * @msg)? 0, or 1 with what differs in @why.
 */
static int kernel_disagrees(const char *src, const char *mark, int v, const char *msg,
			    const struct oresult *r, char *why, size_t len)
{
	const char *how = " (tests/check_verifier --record FILE rewrites the line)";

	if (r->err[0])
		snprintf(why, len, "%s: %s", src, r->err);
	else if (r->n != 1)
		snprintf(why, len, "%s: %zu programs, a corpus file holds one", src, r->n);
	else if (!r->p[0].known)
		snprintf(why, len, "%s: no verdict from the kernel: %s", src, r->p[0].msg);
	else if (r->p[0].accepted != v)
		snprintf(why, len, "%s: '%s' recorded '%s', the kernel now says %s%s%s", src, mark,
			 v ? "accept" : "reject", r->p[0].accepted ? "accept" : "reject: ",
			 r->p[0].accepted ? "" : r->p[0].msg, how);
	else if (!v && strcmp(r->p[0].msg, msg) != 0)
		snprintf(why, len, "%s: '%s' recorded message '%s', the kernel now says '%s'%s",
			 src, mark, msg, r->p[0].msg, how);
	else
		return 0;
	return 1;
}

START_TEST(recorded_verdict_matches_the_kernel)
{
	const char *src = corpus[_i];
	char err[4096], msg[MSGLEN];
	char *text;
	struct oresult *r;
	int v;

	if (!kernel_ok)
		return; /* said once in main */
	text = tu_read_file(src, NULL);
	ck_assert_msg(text != NULL, "%s: cannot read", src);
	v = recorded_verdict(text, MARK_ROOT, msg, sizeof(msg));
	ck_assert_msg(v >= 0, "%s: no '; kernel:' line", src);
	ck_assert_msg(assemble_text(src, text, obj_path_for(src), err, sizeof(err)) == 0, "%s",
		      err);
	r = malloc(sizeof(*r));
	ck_assert(r != NULL);
	kernel_verify(obj_path_for(src), r);
	ck_assert_msg(!kernel_disagrees(src, MARK_ROOT, v, msg, r, err, sizeof(err)), "%s", err);
	free(r);
	free(text);
}
END_TEST

static int sim_absent_note(const char *what)
{
	if (have_sim)
		return 0;
	fprintf(stderr,
		"note: %s: %s is not built yet: the simulator half is not run (it runs as soon as "
		"the binary exists)\n",
		what, tu_tool("ebpf-verify"));
	return 1;
}

/*
 * ebpf-verify @flags on each of @files[0..n) against the verdict recorded on its @mark line,
 * into @t (tally_init'ed); with @pt and a kernel, the instruction counts of the programs both
 * accept, each loaded again for its count, into @pt. Returns the files that could not be compared (unreadable, not
 * assembling, no verdict line).
 */
static int sim_against_recorded(char *const *files, int n, const char *mark, const char *flags,
				struct tally *t, struct ptally *pt)
{
	struct oresult *s = malloc(sizeof(*s)), *k = malloc(sizeof(*k));
	char err[4096];
	int failures = 0;

	ck_assert(s && k);
	for (int i = 0; i < n; i++) {
		const char *src = files[i], *obj = obj_path_for(src);
		char *text = tu_read_file(src, NULL);
		struct pverdict ref = {0};
		int v;

		if (!text || assemble_text(src, text, obj, err, sizeof(err)) != 0) {
			fprintf(stderr, "%s: %s\n", src, text ? err : "cannot read");
			failures++;
			free(text);
			continue;
		}
		v = recorded_verdict(text, mark, ref.msg, sizeof(ref.msg));
		free(text);
		if (v < 0) {
			fprintf(stderr, "%s: no '%s' line\n", src, mark);
			failures++;
			continue;
		}
		ref.known = 1;
		ref.accepted = v == 1;
		sim_verify(obj, flags, s);
		snprintf(ref.name, sizeof(ref.name), "%s", s->n == 1 ? s->p[0].name : "?");
		tally_add(t, base_name(src), &ref, s); /* a crash is a disagreement row */
		if (pt && kernel_ok && ref.accepted && s->n == 1 && s->p[0].accepted) {
			kernel_verify(obj, k); /* the recorded line has no count */
			if (k->n == 1 && k->p[0].accepted)
				ptally_add(pt, base_name(src), k->p[0].processed,
					   s->p[0].processed);
		}
	}
	free(s);
	free(k);
	return failures;
}

/*
 * The reference is each file's recorded verdict: recorded_verdict_matches_the_kernel checks
 * every one against the running kernel, and without a kernel the comparison still runs. Only
 * the accepted programs are loaded again, for the kernel's processed count (the recorded line
 * has none, and that test's loads run in forked children).
 */
START_TEST(simulator_agrees_on_the_corpus)
{
	struct ptally pt = {0};
	struct tally t;
	int failures;

	if (sim_absent_note("corpus"))
		return;
	tally_init(&t);
	failures = sim_against_recorded(corpus, ncorpus, MARK_ROOT, "", &t, &pt);
	failures += tally_report(&t, "corpus, ebpf-verify against the kernel's recorded verdicts");
	ptally_report(&pt);
	ck_assert_msg(failures == 0,
		      "%d corpus programs where ebpf-verify and the kernel disagree on the verdict "
		      "or ebpf-verify failed (the table is above)",
		      failures);
}
END_TEST

START_TEST(simulator_agrees_on_progs_and_clang_objects)
{
	struct oresult *k = malloc(sizeof(*k)), *s = malloc(sizeof(*s));
	char **files = NULL, err[4096];
	int nfiles = 0, failures = 0;
	struct ptally pt = {0};
	struct tally t;
	char pat[4096];

	ck_assert(k && s);
	if (sim_absent_note("progs/ and tests/clang/"))
		goto out;
	if (!kernel_ok) {
		fprintf(stderr, "note: no kernel verdicts here: progs/ and tests/clang/ objects "
				"not compared\n");
		goto out;
	}
	snprintf(pat, sizeof(pat), "%s/progs/*.s", tu_srcdir());
	append_files(&files, &nfiles, pat);
	ck_assert_msg(nfiles > 0, "no progs/*.s under %s", tu_srcdir());
	tally_init(&t);
	for (int i = 0; i < nfiles + nclang_objs; i++) {
		const char *obj = i < nfiles ? obj_path_for(files[i]) : clang_objs[i - nfiles];
		const char *what = base_name(i < nfiles ? files[i] : obj);

		if (i < nfiles && assemble_file(files[i], obj, err, sizeof(err)) != 0) {
			fprintf(stderr, "%s\n", err);
			failures++;
			continue;
		}
		kernel_verify(obj, k);
		if (k->err[0]) {
			fprintf(stderr, "%s\n", k->err);
			failures++;
			continue;
		}
		sim_verify(obj, "", s); /* a crash shows as a disagreement row per program */
		for (size_t p = 0; p < k->n; p++) {
			char label[256];

			snprintf(label, sizeof(label), "%s:%s", what, k->p[p].name);
			if (!k->p[p].known) { /* never reached the verifier: nothing to compare */
				fprintf(stderr, "note: %s: %s\n", label, k->p[p].msg);
				continue;
			}
			tally_add(&t, label, &k->p[p], s);
			if (k->p[p].accepted && find_prog(s, k->p[p].name))
				ptally_add(&pt, label, k->p[p].processed,
					   find_prog(s, k->p[p].name)->processed);
		}
	}
	failures += tally_report(&t, "progs/ and clang objects, ebpf-verify against the kernel");
	ptally_report(&pt);
	ck_assert_msg(failures == 0, "%d disagreements or failures on progs/ and clang objects",
		      failures);
	for (int i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
out:
	free(k);
	free(s);
}
END_TEST

/* ---- the fuzz differential ---- */

/* xorshift64*: the same programs on every machine for the same seed. */
static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return n ? (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32) % n : 0;
}

static const char *pick(const char *const *v, size_t n)
{
	return v[rnd((uint32_t)n)];
}
#define PICK(v) pick(v, sizeof(v) / sizeof(v[0]))

struct fz_type {
	const char *section;
	int packet;		    /* ctx holds data (+0) and data_end (+4) as u32 */
	const char *const ret_ok;   /* a valid return value */
	const int ctx_off[8], nctx; /* readable u32 ctx fields */
};

static const struct fz_type fz_types[] = {
	{"xdp", 1, "2", {0, 4, 12, 16}, 4},
	{"tc", 1, "0", {76, 80, 0, 16, 4}, 5}, /* data at 76, data_end at 80 */
	{"socket", 0, "0", {0, 4, 16, 8}, 4},
	{"kprobe/do_nanosleep", 0, "0", {0, 8, 16, 104}, 4},
	{"raw_tracepoint/sys_enter", 0, "0", {0, 8}, 2},
};

/* Appends printf-style text to the program. */
static void emit(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void emit(FILE *f, const char *fmt, ...)
{
	va_list ap;

	fputc('\t', f);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
}

static const char *const alu_ops[] = {
	"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "s>>=", "=", "s/=", "s%="};
static const char *const jmp_ops[] = {
	"==", "!=", ">", ">=", "<", "<=", "s>", "s>=", "s<", "s<=", "&"};
static const char *const sizes[] = {"u8", "u16", "u32", "u64"};
static const char *const imms[] = {"0",	   "1",		 "-1", "2",   "7",	    "8",
				   "14",   "31",	 "32", "63",  "64",	    "255",
				   "4096", "0x7fffffff", "-8", "-16", "-0x80000000"};
/* Memory operands are written "(rN - 8)": a signed offset with its sign spaced out. */
static const char *const offs_stack[] = {"- 8",	  "- 16",  "- 24", "- 4",  "- 1",
					 "- 512", "- 520", "+ 0",  "- 32", "- 12"};
static const char *const offs_small[] = {"+ 0",	 "+ 1",	 "+ 2",	 "+ 4", "+ 8",
					 "+ 12", "+ 14", "+ 16", "- 1", "- 8"};
/* Offsets as immediates of "rN += K". */
static const char *const offs_num[] = {"0", "1", "2", "4", "8", "14", "-1", "-8", "-16", "-512"};

/* The label of body instruction @to of @n: "l7", or "lend" past the body. */
static const char *label(int to, int n)
{
	static char buf[16];

	if (to >= n)
		return "lend";
	snprintf(buf, sizeof(buf), "l%d", to);
	return buf;
}

/* A register for reading: mostly the ones the prologue set, sometimes anything. */
static int reg_any(void)
{
	return rnd(4) ? (int)rnd(6) : (int)rnd(11);
}
/* A register to write: mostly the scalars r0-r5, so that most programs stay valid. */
static int reg_dst(void)
{
	return rnd(150) == 0 ? 10 : rnd(4) ? (int)rnd(6) : (int)rnd(10);
}
/* A stack operand: mostly an aligned slot of the first 32 bytes, sometimes an odd one. */
static const char *stack_off(void)
{
	static const char *const aligned[] = {"- 8", "- 16", "- 24", "- 32"};

	return rnd(7) ? PICK(aligned) : PICK(offs_stack);
}
/* After a call r1-r5 are unset; usually give them values again. */
static void regs_refill(FILE *f)
{
	if (rnd(8) == 0)
		return;
	for (int r = 1; r <= 5; r++)
		emit(f, "r%d = %u", r, rnd(64));
}

/*
 * One random structured program of @ninsns body instructions into @f: a prologue that makes
 * the interesting pointers (r6 ctx, r7/r8 packet start/end, r9 a map value or NULL, some
 * initialised stack), a body of random ALU, jumps forward, loads and stores through those
 * bases, atomics, bounds checks and helper calls, then an exit. Labels l0..lN precede every
 * body instruction so that jumps stay forward and in range.
 */
static void fuzz_program(FILE *f, uint64_t seed, int idx)
{
	const struct fz_type *t = &fz_types[rnd(sizeof(fz_types) / sizeof(fz_types[0]))];
	int n = 2 + (int)rnd(12);
	int with_map = rnd(3) != 0, null_check = rnd(4) != 0;

	fprintf(f, "; fuzz program %d of seed %llu: random structured code for %s\n", idx,
		(unsigned long long)seed, t->section);
	fprintf(f, "\t.license \"%s\"\n", rnd(10) ? "GPL" : "Proprietary");
	fprintf(f, "\t.map fz_arr, array, key=4, value=16, entries=4\n");
	fprintf(f, "\t.map fz_hash, hash, key=4, value=8, entries=16\n");
	fprintf(f, "\t.section %s\n\t.globl fz\n\t.type fz, @function\nfz:\n", t->section);
	emit(f, "r6 = r1");
	if (rnd(4))
		emit(f, "*(u64 *)(r10 - 8) = %s", rnd(2) ? "r6" : "0");
	if (rnd(3))
		emit(f, "*(u64 *)(r10 - 16) = %s", PICK(imms));
	if (t->packet && rnd(4)) {
		int d = strcmp(t->section, "tc") ? 0 : 76;

		emit(f, "r7 = *(u32 *)(r1 + %d)", d);
		emit(f, "r8 = *(u32 *)(r1 + %d)", d + 4);
		if (rnd(3)) {
			emit(f, "r2 = r7");
			emit(f, "r2 += %u", rnd(40));
			emit(f, "if r2 > r8 goto lend");
		}
	} else if (rnd(12)) {
		emit(f, "r7 = *(u32 *)(r1 + %d)", t->ctx_off[rnd((uint32_t)t->nctx)]);
		emit(f, "r8 = %u", rnd(100));
	}
	if (with_map) {
		emit(f, "*(u32 *)(r10 - 4) = %u", rnd(6));
		emit(f, "r2 = r10");
		emit(f, "r2 += -4");
		emit(f, "r1 = %s ll", rnd(2) ? "fz_arr" : "fz_hash");
		emit(f, "call bpf_map_lookup_elem");
		emit(f, "r9 = r0");
		if (null_check)
			emit(f, "if r9 == 0 goto lend");
	} else if (rnd(4)) {
		emit(f, "r9 = r10");
		emit(f, "r9 += -16");
	}
	/* Mostly every register starts set; the few that do not test uninitialised reads. */
	emit(f, "r0 = %u", rnd(3));
	for (int r = 1; r <= 5; r++)
		if (rnd(40))
			emit(f, "r%d = %u", r, rnd(64));
	for (int i = 0; i < n; i++) {
		int d = reg_dst(), s = reg_any();

		fprintf(f, "l%d:\n", i);
		switch (rnd(16)) {
		case 0:
		case 1:
			emit(f, "r%d %s %s", d, PICK(alu_ops), PICK(imms));
			break;
		case 2:
			emit(f, "r%d %s r%d", d, PICK(alu_ops), s);
			break;
		case 3:
			emit(f, "w%d %s w%d", d, PICK(alu_ops), s % 10);
			break;
		case 4:
			emit(f, "w%d %s %s", d, PICK(alu_ops), PICK(imms));
			break;
		case 5: {
			int to = i + 1 + (int)rnd((uint32_t)(n - i));

			if (rnd(2))
				emit(f, "if r%d %s %s goto %s", s, PICK(jmp_ops), PICK(imms),
				     label(to, n));
			else {
				char w = rnd(4) ? 'r' : 'w'; /* JMP or JMP32, both sides alike */

				emit(f, "if %c%d %s %c%d goto %s", w, s % 10, PICK(jmp_ops), w,
				     reg_any(), label(to, n));
			}
			break;
		}
		case 6: /* load from the stack */
			emit(f, "r%d = *(%s *)(r10 %s)", d, PICK(sizes), stack_off());
			break;
		case 7: /* store to the stack */
			if (rnd(2))
				emit(f, "*(%s *)(r10 %s) = r%d", PICK(sizes), stack_off(), s);
			else
				emit(f, "*(%s *)(r10 %s) = %s", PICK(sizes), stack_off(),
				     PICK(imms));
			break;
		case 8: /* ctx */
			if (rnd(3))
				emit(f, "r%d = *(u32 *)(r6 + %d)", d,
				     t->ctx_off[rnd((uint32_t)t->nctx)]);
			else
				emit(f, "r%d = *(%s *)(r6 %s)", d, PICK(sizes), PICK(offs_small));
			break;
		case 9: /* packet or map value, through r7 or r9 */
			if (rnd(2))
				emit(f, "r%d = *(%s *)(r%d %s)", d, PICK(sizes), rnd(2) ? 7 : 9,
				     PICK(offs_small));
			else
				emit(f, "*(%s *)(r%d %s) = r%d", PICK(sizes), rnd(2) ? 7 : 9,
				     PICK(offs_small), s);
			break;
		case 10: /* pointer arithmetic on a copy */
			emit(f, "r%d = r%d", d, 6 + (int)rnd(5));
			emit(f, "r%d += %s", d, rnd(2) ? PICK(offs_num) : PICK(imms));
			break;
		case 11: /* bounds check of the packet */
			emit(f, "r1 = r7");
			emit(f, "r1 += %u", rnd(64));
			emit(f, "if r1 %s r8 goto lend", rnd(3) ? ">" : ">=");
			break;
		case 12: { /* a helper */
			static const char *const h[] = {
				"bpf_get_prandom_u32",	    "bpf_ktime_get_ns",
				"bpf_get_smp_processor_id", "bpf_map_lookup_elem",
				"bpf_trace_printk",	    "bpf_get_current_pid_tgid"};
			const char *name = PICK(h);

			if (!strcmp(name, "bpf_map_lookup_elem")) {
				emit(f, "r1 = fz_arr ll");
				emit(f, "r2 = r%d", rnd(2) ? 10 : reg_any());
				emit(f, "r2 += %s", PICK(offs_num));
			} else if (!strcmp(name, "bpf_trace_printk")) {
				emit(f, "r1 = r10");
				emit(f, "r1 += %s", PICK(offs_num));
				emit(f, "r2 = %u", rnd(20));
			}
			emit(f, "call %s", name);
			regs_refill(f);
			if (rnd(2))
				emit(f, "r%d = r0", 6 + (int)rnd(4));
			break;
		}
		case 13: /* atomics */
			emit(f, "lock *(%s *)(r%d %s) += r%d", rnd(2) ? "u64" : "u32",
			     rnd(2) ? 10 : 9, rnd(2) ? "- 8" : "+ 0", s);
			break;
		case 14: /* a bounded loop, or not */
			if (i > 0 && rnd(3) == 0) {
				emit(f, "r%d += 1", s % 10);
				emit(f, "if r%d < %u goto l%d", s % 10, rnd(20),
				     (int)rnd((uint32_t)i));
			} else {
				emit(f, "r%d = -r%d", d, d);
			}
			break;
		default: /* byte swaps, moves */
			if (rnd(2))
				emit(f, "r%d = be%s r%d", d, rnd(2) ? "16" : "32", d);
			else
				emit(f, "r%d = r%d", d, s);
			break;
		}
	}
	fprintf(f, "lend:\n");
	if (rnd(6))
		emit(f, "r0 = %s", rnd(8) ? t->ret_ok : PICK(imms));
	emit(f, "exit");
	fprintf(f, "\t.size fz, .-fz\n");
}

/* Opcodes the raw generator draws from: every class of the ISA, v4 included. */
static const uint8_t raw_ops[] = {
	0x07, 0x0f, 0x17, 0x1f, 0x27, 0x2f, 0x37, 0x3f, 0x47, 0x4f, 0x57, 0x5f, 0x67, 0x6f,
	0x77, 0x7f, 0x87, 0x97, 0x9f, 0xa7, 0xaf, 0xb7, 0xbf, 0xc7, 0xcf, 0xd4, 0xdc, 0xd7,
	0x04, 0x0c, 0x14, 0x1c, 0x24, 0x2c, 0x34, 0x3c, 0x44, 0x4c, 0x54, 0x5c, 0x64, 0x6c,
	0x74, 0x7c, 0x84, 0x94, 0x9c, 0xa4, 0xac, 0xb4, 0xbc, 0xc4, 0xcc, 0x61, 0x69, 0x71,
	0x79, 0x81, 0x89, 0x91, 0x62, 0x6a, 0x72, 0x7a, 0x63, 0x6b, 0x73, 0x7b, 0xc3, 0xdb,
	0x05, 0x06, 0x15, 0x1d, 0x25, 0x2d, 0x35, 0x3d, 0x45, 0x4d, 0x55, 0x5d, 0x65, 0x6d,
	0x75, 0x7d, 0xa5, 0xad, 0xb5, 0xbd, 0xc5, 0xcd, 0xd5, 0xdd, 0x16, 0x1e, 0x26, 0x2e,
	0x56, 0x5e, 0xa6, 0xae, 0xc6, 0xce, 0x85, 0x95, 0x18, 0x20, 0x28, 0x30, 0x40, 0x50,
};

static void emit_slot(FILE *f, uint8_t code, int dst, int src, int16_t off, int32_t imm)
{
	uint16_t o = (uint16_t)off;
	uint32_t m = (uint32_t)imm;

	emit(f, ".byte 0x%02x, 0x%02x, 0x%02x, 0x%02x, 0x%02x, 0x%02x, 0x%02x, 0x%02x", code,
	     (unsigned)((src & 15) << 4 | (dst & 15)), o & 0xff, o >> 8, m & 0xff, (m >> 8) & 0xff,
	     (m >> 16) & 0xff, m >> 24);
}

/*
 * A raw program: @n random instruction slots as .byte lines (mostly real opcodes with random
 * registers, offsets and immediates; sometimes any byte at all), then r0 = 0 and exit. This
 * is the input no assembler would write: invalid opcodes, registers 11-15, reserved fields,
 * jumps anywhere. lddw never names a map by fd (a random fd could be one this process has).
 */
static void fuzz_raw_program(FILE *f, uint64_t seed, int idx)
{
	static const int32_t imm_pick[] = {0, 1, 2, 7, 8, -1, -8, 14, 64, 0x7fffffff};
	const struct fz_type *t = &fz_types[rnd(sizeof(fz_types) / sizeof(fz_types[0]))];
	int n = 1 + (int)rnd(12);

	fprintf(f, "; fuzz program %d of seed %llu: raw random bytecode for %s\n", idx,
		(unsigned long long)seed, t->section);
	fprintf(f,
		"\t.license \"GPL\"\n\t.section %s\n\t.globl fz\n\t.type fz, "
		"@function\nfz:\n",
		t->section);
	for (int i = 0; i < n; i++) {
		uint8_t code = rnd(5) ? raw_ops[rnd(sizeof(raw_ops))] : (uint8_t)rnd(256);
		int dst = rnd(20) ? (int)rnd(11) : (int)rnd(16);
		int src = rnd(20) ? (int)rnd(11) : (int)rnd(16);
		int16_t off = rnd(2) ? (int16_t)((int)rnd(9) - 4) : (int16_t)(-8 * (int)rnd(9));
		int32_t imm = rnd(3) ? imm_pick[rnd(sizeof(imm_pick) / sizeof(imm_pick[0]))]
				     : (int32_t)rnd(UINT32_MAX);

		if (code == 0x18) { /* lddw: two slots, a plain constant */
			emit_slot(f, code, dst, 0, 0, imm);
			emit_slot(f, 0, 0, 0, 0, (int32_t)rnd(3));
			continue;
		}
		if (code == 0x85 && src == 0 && rnd(2)) /* a helper that exists, often */
			imm = 1 + (int32_t)rnd(40);
		/* Mostly well-formed fields, so that the verifier gets past its first checks:
		 * ALU without an offset (and without an immediate when the source is a
		 * register), jumps forward inside the program. */
		if (((code & 7) == 4 || (code & 7) == 7) && rnd(5)) {
			off = 0;
			if (code & 8)
				imm = 0;
		}
		if (((code & 7) == 1 || code == 0x63 || code == 0x6b || code == 0x73 ||
		     code == 0x7b) &&
		    rnd(5))
			imm = 0; /* loads and plain stores from a register carry no immediate */
		if (((code & 7) == 5 || (code & 7) == 6) && code != 0x85 && code != 0x95 && rnd(5))
			off = (int16_t)rnd((uint32_t)(n - i));
		emit_slot(f, code, dst, src, off, imm);
	}
	emit(f, "r0 = 0");
	emit(f, "exit");
	fprintf(f, "\t.size fz, .-fz\n");
}

/* A kernel message that says the program is unsafe, not merely unsupported or too big. */
static int safety_message(const char *m)
{
	static const char *const pats[] = {
		"!read_ok",
		"invalid mem access",
		"invalid access to",
		"invalid read from stack",
		"invalid write to stack",
		"invalid indirect",
		"invalid stack",
		"invalid bpf_context access",
		"invalid size of register",
		"out of bounds",
		"outside of the allowed memory range",
		"min value is negative",
		"unbounded memory access",
		"misaligned",
		"pointer arithmetic",
		"pointer comparison",
		"leaks addr",
		"math between",
		"modified ctx ptr",
		"bitwise operator",
		"type=",
		"expected=",
		"frame pointer is read only",
		"cannot write into",
		"read-only",
		"Unreleased reference",
		"reference",
		"_or_null",
		"invalid zero-sized read",
		"unbounded",
		"ptr_",
		"R0 is",
		"invalid read",
		"invalid write",
		"uninit",
		"pointer",
		"cannot pass",
		"dereference",
		"partial copy of pointer",
		"corrupted spill",
	};

	for (size_t i = 0; i < sizeof(pats) / sizeof(pats[0]); i++)
		if (strstr(m, pats[i]))
			return 1;
	return 0;
}

static int fuzz_count(void)
{
	const char *s = getenv("EBPF_VERIFY_FUZZ_N");
	int n = s ? atoi(s) : 2000;

	return n > 0 ? n : 2000;
}

/* Keep a disagreement as a regression: in the source tree when writable, else the build tree.
 * @msg: the kernel's rejection, NULL when the kernel accepts the program. */
static void fuzz_save(const char *text, uint64_t seed, int idx, const char *msg)
{
	char dir[4096], path[4200];
	FILE *f;

	/* In a read-only source tree (distcheck, not as root) the build tree's
	 * tests/verifier-fuzz-*.s, which make clean removes. */
	snprintf(dir, sizeof(dir), "%s/tests/corpus/verifier", tu_srcdir());
	if (access(dir, W_OK) == 0)
		snprintf(path, sizeof(path), "%s/fuzz-%llu-%d.s", dir, (unsigned long long)seed,
			 idx);
	else
		snprintf(path, sizeof(path), "%s/tests/verifier-fuzz-%llu-%d.s", tu_builddir(),
			 (unsigned long long)seed, idx);
	f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "  cannot save %s: %s\n", path, strerror(errno));
		return;
	}
	if (msg)
		fprintf(f,
			"; Found by check_verifier's fuzz differential: the kernel rejects this "
			"program,\n; ebpf-verify accepted it (or failed on it).\n"
			"; kernel: reject: %s\n%s",
			msg, text);
	else
		fprintf(f,
			"; Found by check_verifier's fuzz differential: the kernel accepts this "
			"program,\n; ebpf-verify rejected it (or failed on it).\n; kernel: "
			"accept\n%s",
			text);
	fclose(f);
	fprintf(stderr, "  saved as %s\n", path);
}

START_TEST(fuzz_simulator_never_accepts_what_the_kernel_rejects_for_safety)
{
	const char *seed_env = getenv("EBPF_VERIFY_FUZZ_SEED");
	uint64_t seed = seed_env ? strtoull(seed_env, NULL, 0) : 1;
	struct oresult *k = malloc(sizeof(*k)), *s = malloc(sizeof(*s));
	int n = fuzz_count(), kacc = 0, krej = 0, unsafe_acc = 0, other_acc = 0, strict = 0;
	int broken = 0, agree = 0, verbose = getenv("EBPF_VERIFY_FUZZ_VERBOSE") != NULL;
	int save_all = getenv("EBPF_VERIFY_FUZZ_SAVE_ALL") != NULL, unloadable = 0;
	char src[64], obj[512], err[4096];

	ck_assert(k && s);
	if (!kernel_ok) {
		fprintf(stderr, "note: fuzz: no kernel to compare with\n");
		goto out;
	}
	if (!have_sim) {
		sim_absent_note("fuzz (200 generated programs still go through the kernel, to "
				"check the generator)");
		if (n > 200)
			n = 200;
	}
	for (int i = 0; i < n; i++) {
		char *text = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&text, &len);
		const struct pverdict *kv, *sv;

		ck_assert(f != NULL);
		rng_state = (seed + (uint64_t)i) * 0x9E3779B97F4A7C15ULL | 1;
		if (i % 8 == 7)
			fuzz_raw_program(f, seed, i); /* one in eight: raw bytes */
		else
			fuzz_program(f, seed, i);
		fclose(f);
		snprintf(src, sizeof(src), "fuzz-%llu-%d.s", (unsigned long long)seed, i);
		snprintf(obj, sizeof(obj), "%s/fuzz.o", tmpdir);
		ck_assert_msg(assemble_text(src, text, obj, err, sizeof(err)) == 0,
			      "the generator wrote what ebpf-as refuses:\n%s\n%s", err, text);
		kernel_verify(obj, k);
		ck_assert_msg(k->n == 1, "%s: %s", src, k->err);
		kv = &k->p[0];
		if (!kv->known) { /* the loader refused it (a raw call to nowhere): no verdict */
			unloadable++;
			if (verbose)
				fprintf(stderr, "%s: %s\n", src, kv->msg);
			free(text);
			continue;
		}
		kv->accepted ? kacc++ : krej++;
		if (verbose)
			fprintf(stderr, "%s: kernel: %s\n", src, kv->accepted ? "accept" : kv->msg);
		if (!have_sim) {
			free(text);
			continue;
		}
		sim_verify(obj, "", s);
		sv = find_prog(s, kv->name);
		if (s->status == 126 || s->status == 127) {
			broken++; /* the binary could not run: nothing to keep */
			fprintf(stderr, "%s: %s\n", src, s->err);
		} else if (s->err[0] || !sv || !sv->known) {
			broken++;
			fprintf(stderr, "%s: %s\n", src, s->err[0] ? s->err : "no verdict");
			fuzz_save(text, seed, i, kv->accepted ? NULL : kv->msg);
		} else if (sv->accepted == kv->accepted) {
			agree++;
		} else if (!kv->accepted && safety_message(kv->msg)) {
			unsafe_acc++;
			fprintf(stderr,
				"%s: UNSAFE: the kernel rejects (%s), ebpf-verify accepts\n", src,
				kv->msg);
			fuzz_save(text, seed, i, kv->msg);
		} else if (!kv->accepted) {
			other_acc++;
			fprintf(stderr, "%s: the kernel rejects (%s), ebpf-verify accepts\n", src,
				kv->msg);
			if (save_all)
				fuzz_save(text, seed, i, kv->msg);
		} else {
			strict++;
			fprintf(stderr, "%s: the kernel accepts, ebpf-verify rejects (%s)\n", src,
				sv->msg);
			if (save_all)
				fuzz_save(text, seed, i, NULL);
		}
		free(text);
	}
	fprintf(stderr,
		"\n== fuzz: %d programs from seed %llu: kernel accepted %d, rejected %d; %d the "
		"loader refused before the kernel\n",
		n, (unsigned long long)seed, kacc, krej, unloadable);
	if (have_sim)
		fprintf(stderr,
			"   ebpf-verify: %d agree; accepted %d the kernel rejects for safety, %d "
			"it "
			"rejects for other reasons; rejected %d the kernel accepts; %d crashes, "
			"hangs or bad-input exits\n",
			agree, unsafe_acc, other_acc, strict, broken);
	/* A generator that only produces one verdict would test nothing. */
	ck_assert_msg(kacc * 10 >= n && krej * 10 >= n,
		      "the generator is lopsided: %d accepted, %d rejected", kacc, krej);
	ck_assert_msg(
		unsafe_acc == 0 && broken == 0,
		"ebpf-verify accepted %d programs the kernel rejects for safety and failed on "
		"%d (saved under tests/corpus/verifier/)",
		unsafe_acc, broken);
out:
	free(k);
	free(s);
}
END_TEST

/* ---- without privileges: tests/verifier/unpriv/ ---- */

START_TEST(unpriv_corpus_covers_both_verdicts_and_privilege_differences)
{
	int accepted = 0, rejected = 0, differ = 0;

	for (int i = 0; i < nucorpus; i++) {
		char msg[MSGLEN], rmsg[MSGLEN];
		char *text = tu_read_file(ucorpus[i], NULL);
		int v, root;

		ck_assert_msg(text != NULL, "%s: cannot read", ucorpus[i]);
		v = recorded_verdict(text, MARK_UNPRIV, msg, sizeof(msg));
		root = recorded_verdict(text, MARK_ROOT, rmsg, sizeof(rmsg));
		free(text);
		ck_assert_msg(v >= 0 && root >= 0, "%s: needs both a '%s' and a '%s' line",
			      ucorpus[i], MARK_UNPRIV, MARK_ROOT);
		ck_assert_msg(v == 1 || msg[0], "%s: a rejection without the kernel's message",
			      ucorpus[i]);
		v ? accepted++ : rejected++;
		differ += v != root || strcmp(msg, rmsg) != 0;
	}
	fprintf(stderr,
		"unpriv corpus: %d files, %d accepted and %d rejected without privileges, %d "
		"with another verdict or message as root\n",
		nucorpus, accepted, rejected, differ);
	ck_assert_msg(nucorpus >= 40, "tests/verifier/unpriv holds %d programs, fewer than 40",
		      nucorpus);
	ck_assert_msg(accepted >= 10 && rejected >= 10 && differ >= 10,
		      "unbalanced unpriv corpus: %d accepted, %d rejected, %d differ from root",
		      accepted, rejected, differ);
}
END_TEST

/*
 * Each file of tests/verifier/unpriv/ loaded by a user without capabilities (uid 65534) gets
 * the verdict and message of its '; kernel-unpriv:' line. The sysctl is opened around the
 * loads only and checked to be back afterwards.
 */
START_TEST(unpriv_recorded_verdict_matches_the_kernel)
{
	struct oresult *r = calloc((size_t)nucorpus, sizeof(*r));
	char **objs = calloc((size_t)nucorpus, sizeof(*objs));
	char why[4096];
	int bad = 0, loaded, after, lock;

	ck_assert(r && objs);
	if (!kernel_ok)
		goto out; /* said once in main */
	for (int i = 0; i < nucorpus; i++) {
		objs[i] = strdup(obj_path_for(ucorpus[i]));
		ck_assert_msg(assemble_file(ucorpus[i], objs[i], why, sizeof(why)) == 0, "%s", why);
	}
	lock = tu_unpriv_lock(); /* no suite counts on EPERM for users meanwhile */
	if (unpriv_sysctl_open(why, sizeof(why)) != 0) {
		tu_unpriv_unlock(lock);
		fprintf(stderr, "note: %s\n", why);
		/* 1 is no failure of this machine's setup we could mend, even when required */
		ck_assert_msg(unpriv_sysctl_read() == 1 || !tu_kernel_required(), "%s", why);
		goto out;
	}
	loaded = kernel_verify_unpriv(objs, nucorpus, r);
	unpriv_sysctl_restore();
	tu_unpriv_unlock(lock);
	after = unpriv_sysctl_read();
	ck_assert_msg(unpriv_at_start != 2 || after == 2,
		      "%s is %d after the unprivileged loads, not 2 again", UNPRIV_SYSCTL, after);
	ck_assert_msg(loaded == 0, "%s", r[0].err);
	for (int i = 0; i < nucorpus; i++) {
		char msg[MSGLEN];
		char *text = tu_read_file(ucorpus[i], NULL);
		int v = text ? recorded_verdict(text, MARK_UNPRIV, msg, sizeof(msg)) : -1;

		free(text);
		if (v < 0 ||
		    kernel_disagrees(ucorpus[i], MARK_UNPRIV, v, msg, &r[i], why, sizeof(why))) {
			fprintf(stderr, "%s\n", v < 0 ? ucorpus[i] : why);
			bad++;
		}
	}
	fprintf(stderr, "unpriv: %d programs loaded as uid %d, %d as recorded\n", nucorpus, NOBODY,
		nucorpus - bad);
	ck_assert_msg(bad == 0, "%d unprivileged verdicts differ from the recorded ones", bad);
out:
	for (int i = 0; i < nucorpus; i++)
		free(objs[i]);
	free(objs);
	free(r);
}
END_TEST

/* ebpf-verify --unpriv against the recorded unprivileged verdicts: verdicts and messages. */
START_TEST(simulator_agrees_unprivileged)
{
	struct tally t;
	int failures;

	if (sim_absent_note("unpriv"))
		return;
	tally_init(&t);
	failures = sim_against_recorded(ucorpus, nucorpus, MARK_UNPRIV, "--unpriv ", &t, NULL);
	failures += tally_report(&t, "unpriv corpus, ebpf-verify --unpriv against the kernel's "
				     "recorded unprivileged verdicts");
	ck_assert_msg(failures == 0,
		      "%d unpriv programs where ebpf-verify --unpriv and the kernel disagree on "
		      "the verdict or ebpf-verify failed (the table is above)",
		      failures);
	ck_assert_msg(t.msg_agree == t.msg_checked,
		      "ebpf-verify --unpriv words %d of %d rejections differently from the kernel",
		      t.msg_checked - t.msg_agree, t.msg_checked);
}
END_TEST

/* ---- setup ---- */

/* Can this process load a program? (root or CAP_BPF, bpf() not disabled) */
static int kernel_probe(void)
{
	static const struct isa_raw insns[] = {
		{.code = 0xb7, .dst = 0, .imm = 0}, /* r0 = 0 */
		{.code = 0x95},			    /* exit */
	};
	struct ldr_prog_attr a = {.type = BPF_PROG_TYPE_SOCKET_FILTER, .insns = insns, .ninsns = 2};
	int fd = ldr_prog_load(&a, NULL, NULL);

	if (fd < 0) {
		fprintf(stderr, "note: bpf() cannot load programs here (%s): no kernel verdicts\n",
			ldr_errno_name(fd) ? ldr_errno_name(fd) : "?");
		return 0;
	}
	close(fd);
	return 1;
}

static void build_clang_objects(void)
{
	if (!tu_clang()) {
		fprintf(stderr, "note: clang-19 not found: tests/clang objects not compared\n");
		return;
	}
	clang_objs = calloc(NCLANG, sizeof(*clang_objs));
	for (int i = 0; i < NCLANG; i++) {
		char *out = NULL, *obj;
		int st;

		if (asprintf(&obj, "%s/clang-%s.o", tmpdir, clang_progs[i]) < 0)
			abort();
		st = tu_runf(&out,
			     "%s -O2 -g -target bpf -mcpu=v4 -c '%s/tests/clang/%s.c' -o '%s'",
			     tu_clang(), tu_srcdir(), clang_progs[i], obj);
		if (st == 0)
			clang_objs[nclang_objs++] = obj;
		else {
			fprintf(stderr, "note: clang %s.c failed (%d): %s\n", clang_progs[i], st,
				out ? out : "");
			free(obj);
		}
		free(out);
	}
}

/* Rewrite the @mark line of @path with the verdict @p (add it on top when absent). 0 or -1. */
static int rewrite_verdict(const char *path, const char *mark, const struct pverdict *p)
{
	char line[MSGLEN + 32];
	char *text = tu_read_file(path, NULL), *at, *eol;
	FILE *f;

	snprintf(line, sizeof(line), "%s %s%s", mark,
		 p->accepted ? "accept" : "reject: ", p->accepted ? "" : p->msg);
	printf("%s\t%s\n", path, line);
	f = text ? fopen(path, "w") : NULL;
	if (!f) {
		free(text);
		return -1;
	}
	at = strstr(text, mark);
	if (at) {
		eol = strchr(at, '\n');
		fprintf(f, "%.*s%s%s", (int)(at - text), text, line, eol ? eol : "\n");
	} else {
		fprintf(f, "%s\n%s", line, text);
	}
	fclose(f);
	free(text);
	return 0;
}

/* A verdict from @r for the single program of @path, or NULL (said on stderr). */
static const struct pverdict *one_verdict(const char *path, const struct oresult *r)
{
	if (!r->err[0] && r->n == 1 && r->p[0].known)
		return &r->p[0];
	fprintf(stderr, "%s: no verdict: %s %s\n", path, r->err, r->n ? r->p[0].msg : "");
	return NULL;
}

/*
 * --record FILE...: load each file and rewrite its "; kernel:" line with the verdict; files
 * with a "; kernel-unpriv:" line are loaded again without privileges for that line.
 */
static int record(int argc, char **argv)
{
	struct oresult *r = calloc((size_t)argc + 1, sizeof(*r));
	char **uobjs = calloc((size_t)argc + 1, sizeof(*uobjs));
	char **upaths = calloc((size_t)argc + 1, sizeof(*upaths));
	char why[4096];
	int bad = 0, nu = 0, lock;

	if (!r || !uobjs || !upaths || !kernel_probe())
		return 2;
	for (int i = 0; i < argc; i++) {
		char *text = tu_read_file(argv[i], NULL);
		const struct pverdict *p;

		if (!text ||
		    assemble_text(argv[i], text, obj_path_for(argv[i]), why, sizeof(why)) != 0) {
			fprintf(stderr, "%s\n", text ? why : "cannot read");
			bad++;
			free(text);
			continue;
		}
		if (strstr(text, MARK_UNPRIV)) {
			upaths[nu] = argv[i];
			uobjs[nu++] = strdup(obj_path_for(argv[i]));
		}
		free(text);
		kernel_verify(obj_path_for(argv[i]), r);
		p = one_verdict(argv[i], r);
		bad += !p || rewrite_verdict(argv[i], MARK_ROOT, p) != 0;
	}
	lock = nu ? tu_unpriv_lock() : -1;
	if (nu && unpriv_sysctl_open(why, sizeof(why)) != 0) {
		fprintf(stderr, "%s\n", why);
		bad += nu;
	} else if (nu) {
		int rc = kernel_verify_unpriv(uobjs, nu, r);

		unpriv_sysctl_restore();
		tu_unpriv_unlock(lock);
		lock = -1;
		for (int i = 0; i < nu; i++) {
			const struct pverdict *p = rc == 0 ? one_verdict(upaths[i], &r[i]) : NULL;

			bad += !p || rewrite_verdict(upaths[i], MARK_UNPRIV, p) != 0;
		}
		if (rc)
			fprintf(stderr, "%s\n", r[0].err);
	}
	tu_unpriv_unlock(lock);
	for (int i = 0; i < nu; i++)
		free(uobjs[i]);
	free(uobjs);
	free(upaths);
	free(r);
	return bad ? 1 : 0;
}

static Suite *verifier_suite(void)
{
	Suite *s = suite_create("verifier");
	TCase *tc = tcase_create("corpus");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, corpus_is_large_and_covers_every_type);
	tcase_add_loop_test(tc, recorded_verdict_matches_the_kernel, 0, ncorpus);
	suite_add_tcase(s, tc);

	tc = tcase_create("simulator");
	tcase_set_timeout(tc, 1800);
	tcase_add_test(tc, simulator_agrees_on_the_corpus);
	tcase_add_test(tc, simulator_agrees_on_progs_and_clang_objects);
	tcase_add_test(tc, fuzz_simulator_never_accepts_what_the_kernel_rejects_for_safety);
	suite_add_tcase(s, tc);

	tc = tcase_create("unpriv");
	tcase_set_timeout(tc, 300);
	/* runs in this process whatever the forked tests did: the sysctl is back to 2 */
	tcase_add_unchecked_fixture(tc, NULL, unpriv_sysctl_restore);
	tcase_add_test(tc, unpriv_corpus_covers_both_verdicts_and_privilege_differences);
	tcase_add_test(tc, unpriv_recorded_verdict_matches_the_kernel);
	tcase_add_test(tc, simulator_agrees_unprivileged);
	suite_add_tcase(s, tc);
	return s;
}

int main(int argc, char **argv)
{
	const char *t = tu_mkdtemp();
	char pat[4096];
	SRunner *sr;
	int failed;
	struct stat st;

	if (!t) {
		fprintf(stderr, "check_verifier: cannot create a temporary directory\n");
		return 99;
	}
	snprintf(tmpdir, sizeof(tmpdir), "%s", t);
	if (argc > 1 && !strcmp(argv[1], "--record")) {
		unpriv_at_start = unpriv_sysctl_read();
		failed = record(argc - 2, argv + 2);
		tu_rmrf(tmpdir);
		return failed;
	}
	unpriv_at_start = unpriv_sysctl_read();
	snprintf(pat, sizeof(pat), "%s/tests/verifier/*.s", tu_srcdir());
	append_files(&corpus, &ncorpus, pat);
	snprintf(pat, sizeof(pat), "%s/tests/verifier/unpriv/*.s", tu_srcdir());
	append_files(&corpus, &ncorpus, pat);
	append_files(&ucorpus, &nucorpus, pat);
	snprintf(pat, sizeof(pat), "%s/tests/corpus/verifier/*.s", tu_srcdir());
	append_files(&corpus, &ncorpus, pat);
	if (ncorpus == 0) {
		tu_rmrf(tmpdir);
		tu_skip(0, "no corpus under %s/tests/verifier", tu_srcdir());
	}
	kernel_ok = kernel_probe();
	have_sim = stat(tu_tool("ebpf-verify"), &st) == 0 && (st.st_mode & S_IXUSR);
	if (!kernel_ok && (tu_kernel_required() || !have_sim)) {
		tu_rmrf(tmpdir);
		tu_skip(1, "no bpf() here and no ebpf-verify: nothing to compare");
	}
	if (kernel_ok)
		build_clang_objects();

	sr = srunner_create(verifier_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	unpriv_sysctl_restore();
	tu_rmrf(tmpdir);
	for (int i = 0; i < ncorpus; i++)
		free(corpus[i]);
	free(corpus);
	for (int i = 0; i < nucorpus; i++)
		free(ucorpus[i]);
	free(ucorpus);
	for (int i = 0; i < nclang_objs; i++)
		free(clang_objs[i]);
	free(clang_objs);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
