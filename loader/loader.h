/* SPDX-License-Identifier: MIT */
/*
 * loader.h - the kernel side of ebpf-tools: raw bpf() commands (sys.c) and loading a struct
 * obj into the kernel (load.c): every map created, every program relocated and verified.
 *
 * Conventions: functions return a file descriptor or 0 on success and -errno on failure;
 * nothing here prints or exits. ldr_obj_load reports what went wrong through a struct diag,
 * naming the object first ("prog 'xdp_main': load: Permission denied (EACCES)"); the raw
 * wrappers only return -errno. Every descriptor the loader opens is O_CLOEXEC (the kernel
 * does that for bpf() descriptors) and is closed by whoever owns the result.
 */
#ifndef EBPF_LOADER_H
#define EBPF_LOADER_H

#include <stddef.h>
#include <stdint.h>

#include <linux/bpf.h>

#include "../common/diag.h"
#include "../isa/isa.h"
#include "../obj/obj.h"

/* The verifier log starts this big and grows to what the kernel asks for. */
#define LDR_LOG_SIZE_INIT (64u * 1024)
/* The kernel refuses log buffers of UINT32_MAX >> 2 bytes or more. */
#define LDR_LOG_SIZE_MAX ((UINT32_MAX >> 2) - 1)

/* ---- errno names ---- */

/* "EPERM" for EPERM or -EPERM; NULL for a value without a known name. */
const char *ldr_errno_name(int err);

/*
 * ldr_errno_format - "Permission denied (EACCES)" for @err (sign ignored) into @buf,
 * always NUL-terminated; unknown values give "Unknown error 1234 (errno 1234)".
 * Returns @buf.
 */
char *ldr_errno_format(int err, char *buf, size_t len);

/* ---- why EPERM (sys.c) ---- */

/* What decides whether bpf() may do something here. */
struct ldr_eperm_facts {
	int caps_known;	   /* 0: /proc/self/status could not be read */
	uint64_t cap_eff;  /* effective capabilities: bit N is capability N */
	char lockdown[32]; /* the lockdown mode in force ("integrity", "confidentiality"), or "" */
	uint64_t memlock;  /* RLIMIT_MEMLOCK in bytes; UINT64_MAX: unlimited */
};

/* Below this RLIMIT_MEMLOCK a hint names the limit: systemd's default of 8 MiB, let alone
 * the old 64 KiB, is too little for one large map where the kernel charges it. */
#define LDR_MEMLOCK_LOW (64ull << 20)

/* What the refused command needs besides CAP_BPF (or CAP_SYS_ADMIN). */
enum {
	LDR_NEED_PERFMON = 1,	/* program loads; tracing programs above all */
	LDR_NEED_NET_ADMIN = 2, /* network program and map types (XDP, tc, devmap, sockmap ...) */
};

/* ldr_eperm_facts_read - the facts of this process and kernel (never fails: what cannot be
 * read is left unknown). */
void ldr_eperm_facts_read(struct ldr_eperm_facts *f);

/*
 * ldr_eperm_hint - the hint for an EPERM from bpf(), from @f and what the command needs
 * (@need: LDR_NEED_*), into @buf (always NUL-terminated, cut to @len): the capabilities to
 * run with (and which this process lacks), lockdown when it is on, RLIMIT_MEMLOCK when it
 * is low (only kernels before 5.11 charge it), else that a security module or seccomp may
 * be the cause. Parts are joined by "; ". Returns @buf.
 */
char *ldr_eperm_hint(const struct ldr_eperm_facts *f, unsigned need, char *buf, size_t len);

/* ---- raw bpf() commands (sys.c) ---- */

/* bpf(@cmd, @attr, @size). Returns the result (a descriptor or 0), or -errno. */
int ldr_sys_bpf(int cmd, union bpf_attr *attr, size_t size);

struct ldr_map_attr {
	const char *name; /* NULL or "": none; longer than 15 is cut, odd characters become '_' */
	uint32_t type;	  /* enum bpf_map_type */
	uint32_t key_size, value_size, max_entries, flags;
	uint64_t map_extra;
	int inner_map_fd; /* map-in-map template, used when > 0 */
	int btf_fd;	  /* used when > 0, with the two type ids */
	uint32_t btf_key_type_id, btf_value_type_id;
};

/* ldr_map_create - BPF_MAP_CREATE. Returns the map's descriptor or -errno. */
int ldr_map_create(const struct ldr_map_attr *a);

/*
 * ldr_map_lookup/update/delete - element access by key. @flags of update: BPF_ANY,
 * BPF_NOEXIST, BPF_EXIST (BPF_F_LOCK). Return 0 or -errno (-ENOENT: no such key; -EEXIST:
 * BPF_NOEXIST and the key is there).
 */
int ldr_map_lookup(int fd, const void *key, void *value);
int ldr_map_update(int fd, const void *key, const void *value, uint64_t flags);
int ldr_map_delete(int fd, const void *key);

/*
 * ldr_map_get_next_key - the key after @key in the map's own order, or the first key when
 * @key is NULL. Returns 0, or -ENOENT after the last key.
 */
int ldr_map_get_next_key(int fd, const void *key, void *next_key);

/* ldr_map_freeze - make the map read-only for user space (BPF_MAP_FREEZE). 0 or -errno. */
int ldr_map_freeze(int fd);

/* ldr_obj_pin - pin a map, program or link descriptor at @path in a bpffs. 0 or -errno. */
int ldr_obj_pin(int fd, const char *path);
/* ldr_obj_get - open what is pinned at @path. Returns a descriptor or -errno. */
int ldr_obj_get(const char *path);

struct ldr_prog_attr {
	const char *name; /* NULL or "": none; cut and cleaned as map names */
	uint32_t type;	  /* enum bpf_prog_type */
	uint32_t expected_attach_type;
	const struct isa_raw *insns;
	size_t ninsns;
	const char *license; /* NULL: "" (no GPL-only helpers) */
	uint32_t kern_version;
	uint32_t prog_flags;
	uint32_t ifindex; /* offload or dev-bound XDP; 0: none */
	uint32_t attach_btf_id;
	int attach_prog_fd; /* used when > 0 */
	/* BTF and its per-program records (struct bpf_func_info / bpf_line_info), optional. */
	int btf_fd; /* used when > 0 */
	const void *func_info, *line_info;
	uint32_t func_info_rec_size, func_info_cnt;
	uint32_t line_info_rec_size, line_info_cnt;
	/* Verifier log: level (1, or 2 for register state at every instruction; 0 means 1)
	 * and the first buffer size (0: LDR_LOG_SIZE_INIT). */
	uint32_t log_level;
	size_t log_size;
};

/*
 * ldr_prog_load - BPF_PROG_LOAD with a verifier log.
 *
 * With @log not NULL the verifier log is kept, complete: when the buffer is too small the
 * kernel fails the load with ENOSPC (since 6.4 even when the program is fine, masking its
 * real verdict), so the load is retried with the size the kernel reports (log_true_size;
 * doubling on older kernels) until the whole log fits. *@log is then set, on success and on
 * failure, to the NUL-terminated log (mem_free it) and *@log_len to its length. With @log
 * NULL no log is requested.
 *
 * Returns the program's descriptor, or -errno (-EACCES and -EINVAL: the verifier said no;
 * -EPERM: no CAP_BPF; -ENOMEM also when the log cannot be allocated).
 */
int ldr_prog_load(const struct ldr_prog_attr *a, char **log, size_t *log_len);

/*
 * ldr_btf_load - BPF_BTF_LOAD of raw BTF (@data, @size). The log works as ldr_prog_load's
 * (@log may be NULL). Returns the BTF object's descriptor or -errno.
 */
int ldr_btf_load(const void *data, size_t size, char **log, size_t *log_len);

/* One BPF_PROG_TEST_RUN: in and out buffers, then the result. */
struct ldr_test_run {
	const void *data_in;
	uint32_t data_size_in;
	void *data_out;		/* NULL: output packet not wanted */
	uint32_t data_size_out; /* in: room at data_out; out: the packet's size */
	const void *ctx_in;
	uint32_t ctx_size_in;
	void *ctx_out;
	uint32_t ctx_size_out;
	uint32_t repeat; /* 0 or 1: run once */
	uint32_t flags, cpu;
	uint32_t retval;   /* out: the program's return value (of the last run) */
	uint32_t duration; /* out: mean run time in ns */
};

/* ldr_prog_test_run - run a loaded program on @t's input (BPF_PROG_TEST_RUN). 0 or -errno;
 * -ENOSPC when data_out is too small for the output packet. */
int ldr_prog_test_run(int prog_fd, struct ldr_test_run *t);

/* ---- loading a whole object (load.c) ---- */

struct ldr_opts {
	const char *name;    /* the object's name in messages (its file); NULL: none */
	uint32_t log_level;  /* verifier log level; 0 means 1 */
	size_t log_size;     /* first log buffer size; 0: LDR_LOG_SIZE_INIT */
	uint32_t prog_flags; /* BPF_F_* passed with every program (BPF_F_TEST_RND_HI32 ...) */
	/* Maps with pinning=by_name (LIBBPF_PIN_BY_NAME) are reused from PIN_ROOT/NAME when
	 * pinned there and compatible (an error names every differing field), else created
	 * and pinned there. NULL: pinning is ignored. */
	const char *pin_root;
	/* Ask for the verifier log only when a program is refused (it is then loaded again
	 * with the log): faster loads, no log kept for accepted programs. */
	int log_on_failure;
};

struct ldr_loaded_map {
	char *name; /* as in the object (not cut to 15 characters) */
	int fd;	    /* -1: not created */
	uint32_t type, key_size, value_size, max_entries, flags;
	int obj_map; /* index in the object's maps[] */
};

struct ldr_loaded_prog {
	char *name;
	int fd;	 /* -1: not loaded */
	int err; /* 0, or the -errno of its relocation or load */
	uint32_t prog_type, expected_attach_type;
	/* The program as the kernel got it: relocated, subprograms appended; for each slot,
	 * where in the object it came from (so a verifier complaint finds its source line). */
	struct isa_raw *insns;
	struct obj_origin *origin;
	size_t ninsns;
	char *log; /* the full verifier log, NUL-terminated; NULL: never reached the kernel */
	size_t log_len;
	int obj_prog; /* index in the object's progs[] */
	/* The BTF records it was loaded with (struct bpf_func_info / bpf_line_info, against
	 * ldr_loaded.btf_fd), for loading it again alike; NULL and 0: loaded without. */
	void *func_info, *line_info;
	uint32_t func_info_cnt, line_info_cnt;
};

struct ldr_loaded {
	struct ldr_loaded_map *maps;
	size_t nmaps;
	struct ldr_loaded_prog *progs;
	size_t nprogs;
	int btf_fd; /* the object's BTF in the kernel, -1: none (or refused) */
};

/*
 * ldr_obj_load - create @o's maps and load its programs into the kernel.
 *
 * Maps: every entry of o->maps; global data maps (data_sec >= 0) become 1-entry arrays
 * holding their section, .rodata* ones read-only for programs and frozen once filled.
 * With the object's BTF in the kernel, a map gets its BTF key and value types (by libbpf's
 * conventions, see ldr_btf_map_types) where its type takes them; a map the kernel refuses
 * with them is created without, with a warning.
 * Programs: each gets a relocated copy of its instructions (map references become map fds,
 * global data references map values, bpf-to-bpf calls reach the subprograms, which are
 * appended after the program, each once) and is loaded with its section's program type
 * and o->license. The object's BTF, when present and accepted by the kernel, goes with
 * each program as func and line info (source lines in the verifier log); when the kernel
 * refuses it, a warning says why and loading goes on without it.
 *
 * Every map is attempted and every program is attempted once all maps exist; each failure
 * is reported into @d (a failed load with the verifier's last lines, and the source line
 * of the instruction it stopped at when the object has line info).
 *
 * Returns 0 when everything loaded, else the -errno of the first failure. Except on
 * -ENOMEM before anything was created, *@out is set either way: failed maps and programs
 * have fd -1, programs keep their error and full verifier log. Free with ldr_loaded_free.
 */
int ldr_obj_load(struct obj *o, const struct ldr_opts *opts, struct ldr_loaded **out,
		 struct diag *d);

/* Close every descriptor of @l and free it. NULL is fine. */
void ldr_loaded_free(struct ldr_loaded *l);

/* The loaded program or map with this name (as in the object), or NULL. */
const struct ldr_loaded_prog *ldr_loaded_prog_find(const struct ldr_loaded *l, const char *name);
const struct ldr_loaded_map *ldr_loaded_map_find(const struct ldr_loaded *l, const char *name);

#endif
