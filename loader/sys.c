/* SPDX-License-Identifier: MIT */
/*
 * sys.c - the raw bpf() system call: one wrapper per command the loader uses, errno names,
 * and the verifier-log protocol of BPF_PROG_LOAD and BPF_BTF_LOAD.
 *
 * Invariants: every wrapper zeroes the whole attribute block before filling it, because the
 * kernel refuses (E2BIG) any nonzero byte past the fields it knows; and every wrapper
 * returns -errno, never -1 with errno set.
 *
 * The attribute layout comes from <linux/bpf.h>, which may be older than the kernel: the
 * log_true_size outputs (kernel 6.4) are addressed by offset, right after the last field
 * every header since 5.x has (core_relo_rec_size, btf_log_level), as the uapi lays them out.
 */
#define _GNU_SOURCE
#include "loader.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../common/mem.h"

/* Output fields newer than some <linux/bpf.h>: their offsets in union bpf_attr. */
#define PROG_LOG_TRUE_SIZE_OFF (offsetof(union bpf_attr, core_relo_rec_size) + sizeof(__u32))
#define BTF_LOG_TRUE_SIZE_OFF  (offsetof(union bpf_attr, btf_log_level) + sizeof(__u32))

/* union bpf_attr with room for fields the installed header may lack. */
union attr_ext {
	union bpf_attr a;
	unsigned char bytes[sizeof(union bpf_attr) + 64];
};
_Static_assert(PROG_LOG_TRUE_SIZE_OFF + 4 <= sizeof(union attr_ext), "room for log_true_size");

static uint64_t ptr_u64(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

static size_t max_size(size_t a, size_t b)
{
	return a > b ? a : b;
}

int ldr_sys_bpf(int cmd, union bpf_attr *attr, size_t size)
{
	long r = syscall(__NR_bpf, cmd, attr, (unsigned int)size);

	return r < 0 ? -errno : (int)r;
}

/* ---- errno names ---- */

static const struct {
	int err;
	const char *name;
} errno_names[] = {
#define E(x)                                                                                       \
	{                                                                                          \
		x, #x                                                                              \
	}
	E(EPERM),
	E(ENOENT),
	E(ESRCH),
	E(EINTR),
	E(EIO),
	E(ENXIO),
	E(E2BIG),
	E(ENOEXEC),
	E(EBADF),
	E(ECHILD),
	E(EAGAIN),
	E(ENOMEM),
	E(EACCES),
	E(EFAULT),
	E(EBUSY),
	E(EEXIST),
	E(EXDEV),
	E(ENODEV),
	E(ENOTDIR),
	E(EISDIR),
	E(EINVAL),
	E(ENFILE),
	E(EMFILE),
	E(ENOTTY),
	E(EFBIG),
	E(ENOSPC),
	E(ESPIPE),
	E(EROFS),
	E(EMLINK),
	E(EPIPE),
	E(EDOM),
	E(ERANGE),
	E(EDEADLK),
	E(ENAMETOOLONG),
	E(ENOLCK),
	E(ENOSYS),
	E(ENOTEMPTY),
	E(ELOOP),
	E(ENOMSG),
	E(ENODATA),
	E(ENOLINK),
	E(EPROTO),
	E(EBADMSG),
	E(EOVERFLOW),
	E(EILSEQ),
	E(ENOTSOCK),
	E(EOPNOTSUPP),
	E(EAFNOSUPPORT),
	E(EADDRINUSE),
	E(EADDRNOTAVAIL),
	E(ENETDOWN),
	E(ENOBUFS),
	E(ENOTCONN),
	E(ETIMEDOUT),
	E(ECONNREFUSED),
	E(EALREADY),
	E(EINPROGRESS),
	E(ESTALE),
	E(EDQUOT),
	E(ECANCELED),
	E(ENOKEY),
	E(EOWNERDEAD),
	E(ENOTRECOVERABLE),
#undef E
	/* Kernel-internal, yet some bpf() paths (kfuncs, offload) return it to user space. */
	{524, "ENOTSUPP"},
};

const char *ldr_errno_name(int err)
{
	if (err < 0)
		err = -err;
	for (size_t i = 0; i < sizeof(errno_names) / sizeof(errno_names[0]); i++)
		if (errno_names[i].err == err)
			return errno_names[i].name;
	return NULL;
}

char *ldr_errno_format(int err, char *buf, size_t len)
{
	const char *name, *text;
	char tmp[128];

	if (err < 0)
		err = -err;
	name = ldr_errno_name(err);
	/* strerror() knows nothing of the kernel-internal ENOTSUPP. */
	text = err == 524 ? "Operation not supported" : strerror_r(err, tmp, sizeof(tmp));
	if (name)
		snprintf(buf, len, "%s (%s)", text, name);
	else
		snprintf(buf, len, "%s (errno %d)", text, err);
	return buf;
}

/* ---- why EPERM ---- */

/* Capability numbers (<linux/capability.h>; CAP_PERFMON and CAP_BPF are from 5.8). */
enum { CAPN_NET_ADMIN = 12, CAPN_SYS_ADMIN = 21, CAPN_PERFMON = 38, CAPN_BPF = 39 };

void ldr_eperm_facts_read(struct ldr_eperm_facts *f)
{
	char line[256];
	struct rlimit rl;
	FILE *fp;

	memset(f, 0, sizeof(*f));
	fp = fopen("/proc/self/status", "re");
	while (fp && fgets(line, sizeof(line), fp))
		if (sscanf(line, "CapEff: %" SCNx64, &f->cap_eff) == 1) {
			f->caps_known = 1;
			break;
		}
	if (fp)
		fclose(fp);
	/* "none [integrity] confidentiality": the bracketed mode is the one in force. */
	fp = fopen("/sys/kernel/security/lockdown", "re");
	if (fp && fgets(line, sizeof(line), fp)) {
		const char *open = strchr(line, '['), *close = open ? strchr(open, ']') : NULL;

		if (close && strncmp(open, "[none]", 6) != 0)
			snprintf(f->lockdown, sizeof(f->lockdown), "%.*s", (int)(close - open - 1),
				 open + 1);
	}
	if (fp)
		fclose(fp);
	f->memlock = getrlimit(RLIMIT_MEMLOCK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY
			     ? (uint64_t)rl.rlim_cur
			     : UINT64_MAX;
}

/* Appends "; " and the formatted text to @buf (of @len) at *@n, cut where it ends. */
static void hint_add(char *buf, size_t len, size_t *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void hint_add(char *buf, size_t len, size_t *n, const char *fmt, ...)
{
	va_list ap;

	if (*n && *n < len)
		*n += (size_t)snprintf(buf + *n, len - *n, "; ");
	if (*n >= len)
		return;
	va_start(ap, fmt);
	*n += (size_t)vsnprintf(buf + *n, len - *n, fmt, ap);
	va_end(ap);
}

/* "A", "A and B", "A, B and C" of the @n names in @names, into @buf. */
static const char *names_join(const char *const *names, size_t n, char *buf, size_t len)
{
	size_t at = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && at < len; i++)
		at += (size_t)snprintf(buf + at, len - at, "%s%s",
				       i == 0	    ? ""
				       : i + 1 == n ? " and "
						    : ", ",
				       names[i]);
	return buf;
}

char *ldr_eperm_hint(const struct ldr_eperm_facts *f, unsigned need, char *buf, size_t len)
{
	/* CAP_SYS_ADMIN stands in for CAP_BPF and CAP_PERFMON (not for CAP_NET_ADMIN). */
	static const struct {
		unsigned need; /* 0: always */
		int cap;
		const char *name;
	} caps[] = {{0, CAPN_BPF, "CAP_BPF"},
		    {LDR_NEED_PERFMON, CAPN_PERFMON, "CAP_PERFMON"},
		    {LDR_NEED_NET_ADMIN, CAPN_NET_ADMIN, "CAP_NET_ADMIN"}};
	const char *want[3], *lacks[3];
	char wb[64], lb[64];
	size_t n = 0, nw = 0, nl = 0;
	int sys_admin = f->caps_known && (f->cap_eff >> CAPN_SYS_ADMIN & 1);

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
		int has = (f->cap_eff >> caps[i].cap & 1) ||
			  (sys_admin && caps[i].cap != CAPN_NET_ADMIN);

		if (caps[i].need && !(need & caps[i].need))
			continue;
		want[nw++] = caps[i].name;
		if (f->caps_known && !has)
			lacks[nl++] = caps[i].name;
	}
	names_join(want, nw, wb, sizeof(wb));
	if (!f->caps_known)
		hint_add(buf, len, &n, "run as root or with %s", wb);
	else if (nl)
		hint_add(buf, len, &n, "run as root or with %s (this process lacks %s)", wb,
			 names_join(lacks, nl, lb, sizeof(lb)));
	if (f->lockdown[0])
		hint_add(buf, len, &n, "kernel lockdown is in %s mode and may forbid it",
			 f->lockdown);
	if (f->memlock < LDR_MEMLOCK_LOW)
		hint_add(buf, len, &n,
			 "RLIMIT_MEMLOCK is %" PRIu64 " KiB, which kernels before 5.11 charge BPF "
			 "memory to ('ulimit -l unlimited')",
			 f->memlock / 1024);
	if (f->caps_known && !nl && !f->lockdown[0])
		hint_add(buf, len, &n,
			 "the process has %s: a security module (SELinux, AppArmor, BPF LSM) or "
			 "a seccomp filter may refuse it",
			 wb);
	return buf;
}

/* ---- maps and pinned objects ---- */

/* The kernel takes at most 15 characters of [A-Za-z0-9_.] as an object name and refuses the
 * whole command for any other character, so names from ELF symbols are cleaned, not passed. */
static void name_copy(char dst[BPF_OBJ_NAME_LEN], const char *src)
{
	size_t i;

	memset(dst, 0, BPF_OBJ_NAME_LEN);
	for (i = 0; src && src[i] && i < BPF_OBJ_NAME_LEN - 1; i++) {
		char c = src[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			 (c >= '0' && c <= '9') || c == '_' || c == '.';
		dst[i] = ok ? c : '_';
	}
}

int ldr_map_create(const struct ldr_map_attr *m)
{
	union attr_ext x;

	memset(&x, 0, sizeof(x));
	x.a.map_type = m->type;
	x.a.key_size = m->key_size;
	x.a.value_size = m->value_size;
	x.a.max_entries = m->max_entries;
	x.a.map_flags = m->flags;
	x.a.map_extra = m->map_extra;
	if (m->inner_map_fd > 0)
		x.a.inner_map_fd = (uint32_t)m->inner_map_fd;
	if (m->btf_fd > 0) {
		x.a.btf_fd = (uint32_t)m->btf_fd;
		x.a.btf_key_type_id = m->btf_key_type_id;
		x.a.btf_value_type_id = m->btf_value_type_id;
	}
	name_copy(x.a.map_name, m->name);
	return ldr_sys_bpf(BPF_MAP_CREATE, &x.a, sizeof(x.a));
}

static int map_elem(int cmd, int fd, const void *key, const void *value, uint64_t flags)
{
	union attr_ext x;

	memset(&x, 0, sizeof(x));
	x.a.map_fd = (uint32_t)fd;
	x.a.key = ptr_u64(key);
	x.a.value = ptr_u64(value);
	x.a.flags = flags;
	return ldr_sys_bpf(cmd, &x.a, sizeof(x.a));
}

int ldr_map_lookup(int fd, const void *key, void *value)
{
	return map_elem(BPF_MAP_LOOKUP_ELEM, fd, key, value, 0);
}

int ldr_map_update(int fd, const void *key, const void *value, uint64_t flags)
{
	return map_elem(BPF_MAP_UPDATE_ELEM, fd, key, value, flags);
}

int ldr_map_delete(int fd, const void *key)
{
	return map_elem(BPF_MAP_DELETE_ELEM, fd, key, NULL, 0);
}

int ldr_map_get_next_key(int fd, const void *key, void *next_key)
{
	union attr_ext x;

	memset(&x, 0, sizeof(x));
	x.a.map_fd = (uint32_t)fd;
	x.a.key = ptr_u64(key); /* 0: "give me the first key" */
	x.a.next_key = ptr_u64(next_key);
	return ldr_sys_bpf(BPF_MAP_GET_NEXT_KEY, &x.a, sizeof(x.a));
}

int ldr_map_freeze(int fd)
{
	union attr_ext x;

	memset(&x, 0, sizeof(x));
	x.a.map_fd = (uint32_t)fd;
	return ldr_sys_bpf(BPF_MAP_FREEZE, &x.a, sizeof(x.a));
}

int ldr_obj_pin(int fd, const char *path)
{
	union attr_ext x;

	memset(&x, 0, sizeof(x));
	x.a.pathname = ptr_u64(path);
	x.a.bpf_fd = (uint32_t)fd;
	return ldr_sys_bpf(BPF_OBJ_PIN, &x.a, sizeof(x.a));
}

int ldr_obj_get(const char *path)
{
	union attr_ext x;

	memset(&x, 0, sizeof(x));
	x.a.pathname = ptr_u64(path);
	return ldr_sys_bpf(BPF_OBJ_GET, &x.a, sizeof(x.a));
}

/* ---- commands with a verifier log ---- */

/* Where a command keeps its log fields inside the attribute block. */
struct log_fields {
	size_t buf, size, level, true_size; /* byte offsets in union attr_ext */
};

static void put_u32(union attr_ext *x, size_t off, uint32_t v)
{
	memcpy(x->bytes + off, &v, sizeof(v));
}

static void put_u64(union attr_ext *x, size_t off, uint64_t v)
{
	memcpy(x->bytes + off, &v, sizeof(v));
}

static uint32_t get_u32(const union attr_ext *x, size_t off)
{
	uint32_t v;

	memcpy(&v, x->bytes + off, sizeof(v));
	return v;
}

/*
 * Run @cmd with a log buffer until the whole log fits. The kernel signals a short buffer
 * with ENOSPC, which since 6.4 replaces whatever the verdict was, so a retry is the only way
 * to learn it; the kernel also says (true_size) how big the log really is. A kernel that
 * reports a true size no larger than the buffer means ENOSPC for another reason: that is
 * the answer. Older kernels report nothing, and the buffer doubles instead.
 */
static int call_with_log(int cmd, union attr_ext *x, size_t attr_size, const struct log_fields *f,
			 uint32_t level, size_t size, char **log, size_t *log_len)
{
	char *buf = NULL;
	int r;

	if (!log) {
		put_u32(x, f->level, 0);
		return ldr_sys_bpf(cmd, &x->a, attr_size);
	}
	*log = NULL;
	*log_len = 0;
	if (size < 128)
		size = 128; /* the kernel's minimum with a log level set */
	if (size > LDR_LOG_SIZE_MAX)
		size = LDR_LOG_SIZE_MAX;
	for (;;) {
		char *nb = mem_realloc(buf, size);
		uint32_t want;

		if (!nb) {
			mem_free(buf);
			return -ENOMEM;
		}
		buf = nb;
		memset(buf, 0, size); /* the kernel writes it, but valgrind cannot see that */
		put_u64(x, f->buf, ptr_u64(buf));
		put_u32(x, f->size, (uint32_t)size);
		put_u32(x, f->level, level);
		put_u32(x, f->true_size, 0);
		r = ldr_sys_bpf(cmd, &x->a, attr_size);
		if (r != -ENOSPC || size >= LDR_LOG_SIZE_MAX)
			break;
		want = get_u32(x, f->true_size);
		if (want != 0 && want <= size)
			break;
		size = want ? want : size * 2;
		if (size > LDR_LOG_SIZE_MAX)
			size = LDR_LOG_SIZE_MAX;
	}
	/* The retry loop above is over; r is the verdict. The kernel NUL-terminates. */
	buf[size - 1] = '\0';
	*log = buf;
	*log_len = strlen(buf);
	return r;
}

int ldr_prog_load(const struct ldr_prog_attr *p, char **log, size_t *log_len)
{
	static const struct log_fields f = {
		.buf = offsetof(union bpf_attr, log_buf),
		.size = offsetof(union bpf_attr, log_size),
		.level = offsetof(union bpf_attr, log_level),
		.true_size = PROG_LOG_TRUE_SIZE_OFF,
	};
	union attr_ext x;

	if (p->ninsns > UINT32_MAX)
		return -E2BIG;
	memset(&x, 0, sizeof(x));
	x.a.prog_type = p->type;
	x.a.expected_attach_type = p->expected_attach_type;
	x.a.insn_cnt = (uint32_t)p->ninsns;
	x.a.insns = ptr_u64(p->insns);
	x.a.license = ptr_u64(p->license ? p->license : "");
	x.a.kern_version = p->kern_version;
	x.a.prog_flags = p->prog_flags;
	x.a.prog_ifindex = p->ifindex;
	x.a.attach_btf_id = p->attach_btf_id;
	if (p->attach_prog_fd > 0)
		x.a.attach_prog_fd = (uint32_t)p->attach_prog_fd;
	if (p->btf_fd > 0) {
		x.a.prog_btf_fd = (uint32_t)p->btf_fd;
		x.a.func_info = ptr_u64(p->func_info);
		x.a.func_info_rec_size = p->func_info_rec_size;
		x.a.func_info_cnt = p->func_info_cnt;
		x.a.line_info = ptr_u64(p->line_info);
		x.a.line_info_rec_size = p->line_info_rec_size;
		x.a.line_info_cnt = p->line_info_cnt;
	}
	name_copy(x.a.prog_name, p->name);
	return call_with_log(BPF_PROG_LOAD, &x,
			     max_size(sizeof(x.a), PROG_LOG_TRUE_SIZE_OFF + sizeof(__u32)), &f,
			     p->log_level ? p->log_level : 1,
			     p->log_size ? p->log_size : LDR_LOG_SIZE_INIT, log, log_len);
}

int ldr_btf_load(const void *data, size_t size, char **log, size_t *log_len)
{
	static const struct log_fields f = {
		.buf = offsetof(union bpf_attr, btf_log_buf),
		.size = offsetof(union bpf_attr, btf_log_size),
		.level = offsetof(union bpf_attr, btf_log_level),
		.true_size = BTF_LOG_TRUE_SIZE_OFF,
	};
	union attr_ext x;

	if (size > UINT32_MAX)
		return -E2BIG;
	memset(&x, 0, sizeof(x));
	x.a.btf = ptr_u64(data);
	x.a.btf_size = (uint32_t)size;
	return call_with_log(BPF_BTF_LOAD, &x,
			     max_size(sizeof(x.a), BTF_LOG_TRUE_SIZE_OFF + sizeof(__u32)), &f, 1,
			     LDR_LOG_SIZE_INIT, log, log_len);
}

int ldr_prog_test_run(int prog_fd, struct ldr_test_run *t)
{
	union attr_ext x;
	int r;

	memset(&x, 0, sizeof(x));
	x.a.test.prog_fd = (uint32_t)prog_fd;
	x.a.test.data_in = ptr_u64(t->data_in);
	x.a.test.data_size_in = t->data_size_in;
	x.a.test.data_out = ptr_u64(t->data_out);
	x.a.test.data_size_out = t->data_out ? t->data_size_out : 0;
	x.a.test.ctx_in = ptr_u64(t->ctx_in);
	x.a.test.ctx_size_in = t->ctx_size_in;
	x.a.test.ctx_out = ptr_u64(t->ctx_out);
	x.a.test.ctx_size_out = t->ctx_out ? t->ctx_size_out : 0;
	x.a.test.repeat = t->repeat;
	x.a.test.flags = t->flags;
	x.a.test.cpu = t->cpu;
	r = ldr_sys_bpf(BPF_PROG_TEST_RUN, &x.a, sizeof(x.a));
	/* The sizes and the result are written back even for ENOSPC (short data_out). */
	t->data_size_out = x.a.test.data_size_out;
	t->ctx_size_out = x.a.test.ctx_size_out;
	t->retval = x.a.test.retval;
	t->duration = x.a.test.duration;
	return r;
}
