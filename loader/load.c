/* SPDX-License-Identifier: MIT */
/*
 * load.c - a struct obj into the kernel: maps first, then each program relocated and loaded.
 *
 * Each program is linked by obj/link.c, the step ebpf-run shares: one flat array with the
 * subprograms it reaches appended, map references turned into map descriptors (this file's
 * map_fd_cb is the only kernel-specific part) and the origin (section, offset) of every
 * slot, so a verifier complaint about slot N finds its source line.
 *
 * Order: BTF (optional: a refusal is a warning), then maps (all of them, each failure
 * reported; created with their BTF key and value types where the kernel takes them, as
 * libbpf does, so that dumps are typed; a map of maps with a template of its inner maps
 * made from its BTF `__array(values, struct {...})` and closed once the outer map exists),
 * then the initial values of maps of maps (`.values = { [i] = &inner }`, maps by
 * descriptor, once every map exists), then every program, even after one fails, so one run
 * reports every verdict, then the initial values of prog_arrays (programs by descriptor).
 * Maps declared pinning=by_name are reused from opts->pin_root when the pinned map matches
 * (pin.c); a reused map of maps keeps the entries it has.
 *
 * Invariants: the object is never modified; on return every descriptor opened is either in
 * the result or closed.
 */
#define _GNU_SOURCE
#include "loader.h"

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <linux/btf.h>

#include "../common/mem.h"
#include "attach.h" /* pinned-map reuse */
#include "../obj/btf.h"
#include "../obj/link.h"

/* How many lines of the verifier log a failure reports (the full log is in the result). */
#define LOG_SUMMARY_LINES 4

/* A .BTF.ext subsection (func_info or line_info). */
struct ext_sub {
	const uint8_t *data; /* the subsection after its rec_size word */
	uint32_t len, rec_size;
};

/* The object's BTF as the kernel got it (see "BTF" below). */
struct kbtf {
	int fd;		     /* -1: no BTF in the kernel */
	uint8_t *raw;	     /* our copy, with DATASEC sizes and offsets filled in */
	struct ldr_btf *idx; /* raw, indexed: the maps' key and value types; NULL: none */
	const char *strs;
	uint32_t str_len;
	struct ext_sub func, line;
};

/* Everything one program's load needs. */
struct build {
	const struct obj *o;
	struct diag *d;
	const struct diag_loc *loc;
	const char *pname;
	const struct ldr_loaded *l; /* its maps[] are indexed as o->maps[] */
	const struct kbtf *kb;
	const struct obj_link *lk;
	struct ldr_loaded_prog *lp;
	struct obj_linked linked; /* the chunks stay here for the BTF records */
};

static const char *sec_name(const struct obj *o, int sec)
{
	return sec >= 0 && (size_t)sec < o->nsecs ? o->secs[sec].name : "(none)";
}

/* ---- program assembly ---- */

/* A map reference in the kernel: the map's descriptor. */
static int map_fd_cb(void *arg, int m, int32_t *imm)
{
	const struct ldr_loaded *l = arg;
	int fd = l->maps[m].fd;

	if (fd < 0)
		return -ENOENT;
	*imm = fd;
	return 0;
}

/* Build the flat, relocated program @p into b->lp (obj/link.c does the work). */
static int prog_relocate(struct build *b, const struct obj_prog *p)
{
	struct ldr_loaded_prog *lp = b->lp;
	int err = obj_link_prog(b->lk, p, map_fd_cb, (void *)b->l, b->loc, b->d, &b->linked);

	if (err)
		return err;
	/* The instructions and their origins change hands: the result owns them from here. */
	lp->insns = b->linked.insns;
	lp->origin = b->linked.origin;
	lp->ninsns = b->linked.ninsns;
	b->linked.insns = NULL;
	b->linked.origin = NULL;
	b->linked.insns_cap = 0;
	b->linked.origin_cap = 0;
	return 0;
}

/* ---- reporting ---- */

/* The hint for an EPERM, from what this process and kernel look like now (sys.c). */
static const char *eperm_hint(unsigned need, char *buf, size_t len)
{
	struct ldr_eperm_facts f;

	ldr_eperm_facts_read(&f);
	return ldr_eperm_hint(&f, need, buf, len);
}

/* Program types the kernel loads only with CAP_NET_ADMIN (its is_net_admin_prog_type). */
static unsigned prog_type_needs(uint32_t type)
{
	switch (type) {
	case BPF_PROG_TYPE_SCHED_CLS:
	case BPF_PROG_TYPE_SCHED_ACT:
	case BPF_PROG_TYPE_XDP:
	case BPF_PROG_TYPE_LWT_IN:
	case BPF_PROG_TYPE_LWT_OUT:
	case BPF_PROG_TYPE_LWT_XMIT:
	case BPF_PROG_TYPE_LWT_SEG6LOCAL:
	case BPF_PROG_TYPE_SK_SKB:
	case BPF_PROG_TYPE_SK_MSG:
	case BPF_PROG_TYPE_FLOW_DISSECTOR:
	case BPF_PROG_TYPE_CGROUP_DEVICE:
	case BPF_PROG_TYPE_CGROUP_SOCK:
	case BPF_PROG_TYPE_CGROUP_SOCK_ADDR:
	case BPF_PROG_TYPE_CGROUP_SOCKOPT:
	case BPF_PROG_TYPE_CGROUP_SYSCTL:
	case BPF_PROG_TYPE_SOCK_OPS:
	case BPF_PROG_TYPE_EXT:
		return LDR_NEED_PERFMON | LDR_NEED_NET_ADMIN;
	default:
		return LDR_NEED_PERFMON;
	}
}

/* Map types the kernel creates only with CAP_NET_ADMIN. */
static unsigned map_type_needs(uint32_t type)
{
	switch (type) {
	case BPF_MAP_TYPE_SOCKMAP:
	case BPF_MAP_TYPE_SOCKHASH:
	case BPF_MAP_TYPE_DEVMAP:
	case BPF_MAP_TYPE_DEVMAP_HASH:
	case BPF_MAP_TYPE_XSKMAP:
		return LDR_NEED_NET_ADMIN;
	default:
		return 0;
	}
}

static void report_errno(struct diag *d, const struct diag_loc *loc, const char *what,
			 const char *name, const char *step, int err, const char *hint)
{
	char eb[160];

	ldr_errno_format(err, eb, sizeof(eb));
	if (hint)
		diag_error(d, loc, "%s '%s': %s: %s: %s", what, name, step, eb, hint);
	else
		diag_error(d, loc, "%s '%s': %s: %s", what, name, step, eb);
}

/* Lines of the log that say nothing about this failure. */
static int log_line_is_noise(const char *s, size_t n)
{
	static const char *const prefixes[] = {"processed ", "verification time ", "stack depth "};

	if (n == 0)
		return 1;
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t pl = strlen(prefixes[i]);

		if (n >= pl && memcmp(s, prefixes[i], pl) == 0)
			return 1;
	}
	return 0;
}

/*
 * Up to @max of the last lines of @log that matter, oldest first, into @starts/@lens;
 * returns how many. Some kernel messages lack their newline and the statistics follow on
 * the same line: those are cut off.
 */
static size_t log_tail(const char *log, size_t len, size_t max, const char **starts, size_t *lens)
{
	const char *end = log + len;
	size_t n = 0;

	while (end > log && n < max) {
		const char *s = end;

		while (s > log && s[-1] != '\n')
			s--;
		if (!log_line_is_noise(s, (size_t)(end - s))) {
			const char *glued = memmem(s, (size_t)(end - s), "processed ", 10);

			starts[n] = s;
			lens[n++] = (size_t)((glued ? glued : end) - s);
		}
		end = s > log ? s - 1 : s;
	}
	/* Found newest first. */
	for (size_t i = 0; i < n / 2; i++) {
		const char *ts = starts[i];
		size_t tl = lens[i];

		starts[i] = starts[n - 1 - i];
		lens[i] = lens[n - 1 - i];
		starts[n - 1 - i] = ts;
		lens[n - 1 - i] = tl;
	}
	return n;
}

/* The line of @log that gives the reason (its last one that matters), as (*@s, length). */
static int log_reason(const char *log, const char **s)
{
	size_t len = 0;

	*s = "";
	if (log && log_tail(log, strlen(log), 1, s, &len) == 0)
		*s = "";
	return (int)len;
}

/* The slot number of the last "N: (xx) insn" line of a verifier log, or -1. */
static long log_last_insn(const char *log)
{
	long last = -1;

	for (const char *p = log; *p;) {
		const char *nl = strchr(p, '\n');
		char *end;
		long v = strtol(p, &end, 10);

		if (end != p && *p >= '0' && *p <= '9' && end[0] == ':' && end[1] == ' ' &&
		    end[2] == '(')
			last = v;
		if (!nl)
			break;
		p = nl + 1;
	}
	return last;
}

/*
 * After a failed load: the verifier's last lines (the reason is among them; the full log
 * stays in the result), and the source line of the instruction it stopped at.
 */
static void report_log(struct diag *d, const struct diag_loc *loc, const struct obj *o,
		       const struct ldr_loaded_prog *lp)
{
	const char *starts[LOG_SUMMARY_LINES];
	size_t lens[LOG_SUMMARY_LINES];
	size_t n = log_tail(lp->log, lp->log_len, LOG_SUMMARY_LINES, starts, lens);
	long slot;

	if (n == 0) {
		diag_note(d, loc,
			  "prog '%s': the verifier log is empty: the kernel refused the program "
			  "before verifying it (program type, attach type, license or flags)",
			  lp->name);
		return;
	}
	for (size_t i = 0; i < n; i++)
		diag_note(d, loc, "prog '%s': verifier: %.*s", lp->name, (int)lens[i], starts[i]);

	slot = log_last_insn(lp->log);
	if (slot >= 0 && (size_t)slot < lp->ninsns) {
		const struct obj_origin *org = &lp->origin[slot];
		const struct obj_line *ln = obj_line_find(o, org->sec, (uint32_t)org->off);

		if (ln && ln->line) {
			struct diag_loc src = {obj_str(o, ln->file), ln->line, ln->col, 0};

			diag_note(d, &src, "prog '%s': the verifier stopped at instruction %ld",
				  lp->name, slot);
		}
	}
}

/* ---- maps ---- */

/* Read-only data, by libbpf's rule: the section name, whatever its flags say. */
static int is_rodata(const char *secname)
{
	return strncmp(secname, ".rodata", 7) == 0;
}

/*
 * A map of maps is created with a template of its inner maps (inner_map_fd), which the
 * kernel copies and which may go once the outer map exists: it comes from the BTF
 * `__array(values, struct {...})`, as libbpf makes it, named "OUTER.inner". Returns the
 * template's descriptor or -errno (reported).
 */
static int inner_template_create(const struct obj *o, size_t mi, struct diag *d,
				 const struct diag_loc *loc)
{
	const struct obj_map *m = &o->maps[mi];
	struct ldr_map_attr a = {0};
	struct obj_map in;
	char name[BPF_OBJ_NAME_LEN];
	int fd, err = obj_link_map_inner(o, (int)mi, &in, loc, d);

	if (err < 0)
		return err;
	if (err == 0) {
		diag_error(d, loc,
			   "map '%s': a map of maps needs its inner map's definition: declare it "
			   "with __array(values, struct { __uint(type, ...); ... })",
			   m->name);
		return -EINVAL;
	}
	snprintf(name, sizeof(name), "%s.inner", m->name);
	a.name = name;
	a.type = in.type;
	a.key_size = in.key_size;
	a.value_size = in.value_size;
	a.max_entries = in.max_entries;
	a.flags = in.flags;
	if (a.type == BPF_MAP_TYPE_PERF_EVENT_ARRAY && a.max_entries == 0) {
		long n = sysconf(_SC_NPROCESSORS_CONF);
		a.max_entries = n > 0 ? (uint32_t)n : 1;
	}
	fd = ldr_map_create(&a);
	if (fd < 0) {
		char hb[256];

		report_errno(
			d, loc, "map", m->name, "create its inner map template", fd,
			fd == -EPERM ? eperm_hint(map_type_needs(a.type), hb, sizeof(hb))
			: fd == -EINVAL
				? "the kernel refused the inner definition's type, sizes or flags"
				: NULL);
	}
	return fd;
}

/* Is @type a map of maps (its values are maps, given to update as descriptors)? */
static int map_type_holds_maps(uint32_t type)
{
	return type == BPF_MAP_TYPE_ARRAY_OF_MAPS || type == BPF_MAP_TYPE_HASH_OF_MAPS;
}

/*
 * Map types whose keys and values the kernel takes no BTF for, found by trying (6.18): the
 * ones it refuses outright (ENOTSUPP: values are descriptors, ids or stack traces), queues
 * and stacks (keyless, and only global data may give a value type without a key type) and
 * those without keys and values. Any other refusal is retried without BTF.
 */
static int map_type_takes_btf(uint32_t type)
{
	switch (type) {
	case BPF_MAP_TYPE_PERF_EVENT_ARRAY:
	case BPF_MAP_TYPE_STACK_TRACE:
	case BPF_MAP_TYPE_CGROUP_ARRAY:
	case BPF_MAP_TYPE_ARRAY_OF_MAPS:
	case BPF_MAP_TYPE_HASH_OF_MAPS:
	case BPF_MAP_TYPE_DEVMAP:
	case BPF_MAP_TYPE_DEVMAP_HASH:
	case BPF_MAP_TYPE_SOCKMAP:
	case BPF_MAP_TYPE_SOCKHASH:
	case BPF_MAP_TYPE_CPUMAP:
	case BPF_MAP_TYPE_XSKMAP:
	case BPF_MAP_TYPE_QUEUE:
	case BPF_MAP_TYPE_STACK:
	case BPF_MAP_TYPE_STRUCT_OPS:
	case BPF_MAP_TYPE_RINGBUF:
	case BPF_MAP_TYPE_USER_RINGBUF:
	case 33: /* BPF_MAP_TYPE_ARENA, newer than some headers */
		return 0;
	default:
		return 1;
	}
}

/*
 * BPF_MAP_CREATE of @a, with the key and value types of @m when the kernel has the object's
 * BTF (ldr_btf_map_types): what `map dump` and bpftool print entries by, and what the
 * kernel finds spin locks, timers and kptrs in values by. Refused with them, the map is
 * created again without, saying why in a warning. Returns the descriptor or -errno.
 */
static int map_create_typed(const struct obj *o, const struct obj_map *m, const struct kbtf *kb,
			    struct ldr_map_attr *a, struct diag *d, const struct diag_loc *loc)
{
	int sec = m->data_sec >= 0 ? m->data_sec : m->sec;
	const char *kn, *vn;
	char eb[160], types[160];
	int fd;

	if (kb->idx && sec >= 0 && (size_t)sec < o->nsecs && map_type_takes_btf(a->type) &&
	    ldr_btf_map_types(kb->idx, o->secs[sec].name, m->name, &a->btf_key_type_id,
			      &a->btf_value_type_id))
		a->btf_fd = kb->fd;
	fd = ldr_map_create(a);
	if (fd >= 0 || a->btf_fd <= 0 || fd == -EPERM || fd == -ENOMEM)
		return fd;

	kn = ldr_btf_type_name(kb->idx, a->btf_key_type_id);
	vn = ldr_btf_type_name(kb->idx, a->btf_value_type_id);
	if (a->btf_key_type_id)
		snprintf(types, sizeof(types), "key '%s', value '%s'", kn && *kn ? kn : "(anon)",
			 vn && *vn ? vn : "(anon)");
	else
		snprintf(types, sizeof(types), "value '%s'", vn && *vn ? vn : "(anon)");
	ldr_errno_format(fd, eb, sizeof(eb));
	a->btf_fd = 0;
	a->btf_key_type_id = a->btf_value_type_id = 0;
	fd = ldr_map_create(a);
	if (fd >= 0)
		diag_warning(d, loc,
			     "map '%s': the kernel refused its BTF types (%s): %s: created without "
			     "them (dumped as raw bytes)",
			     m->name, types, eb);
	return fd;
}

/* Create map @mi into @lm (or reuse its pin: *@reused is then set). 0 or -errno, reported. */
static int map_create_one(const struct obj *o, size_t mi, const struct kbtf *kb,
			  struct ldr_loaded_map *lm, const struct ldr_opts *opts, struct diag *d,
			  const struct diag_loc *loc, int *reused)
{
	int pin_new = 0;
	const struct obj_map *m = &o->maps[mi];
	struct ldr_map_attr a = {0};
	const struct obj_sec *s = NULL;
	const struct isa_maptype *mt;
	const char *hint = NULL;
	char hb[256];
	uint32_t key = 0;
	int fd, err;

	a.name = m->name;
	a.type = m->type;
	a.key_size = m->key_size;
	a.value_size = m->value_size;
	a.max_entries = m->max_entries;
	a.flags = m->flags;
	if (m->data_sec >= 0) {
		if ((size_t)m->data_sec >= o->nsecs) {
			diag_error(d, loc, "map '%s': no such data section", m->name);
			return -EINVAL;
		}
		/* Global data is one array element holding the whole section. */
		s = &o->secs[m->data_sec];
		a.type = BPF_MAP_TYPE_ARRAY;
		a.key_size = 4;
		a.value_size = (uint32_t)obj_sec_size(s);
		a.max_entries = 1;
		if (is_rodata(s->name))
			a.flags |= BPF_F_RDONLY_PROG;
		if (a.value_size == 0)
			return 0; /* nothing to hold; a reference to it is reported then */
	} else if (a.type == BPF_MAP_TYPE_PERF_EVENT_ARRAY && a.max_entries == 0) {
		/* libbpf's convention: one slot per CPU. */
		long n = sysconf(_SC_NPROCESSORS_CONF);
		a.max_entries = n > 0 ? (uint32_t)n : 1;
	}
	lm->type = a.type;
	lm->key_size = a.key_size;
	lm->value_size = a.value_size;
	lm->max_entries = a.max_entries;
	lm->flags = a.flags;

	if (opts->pin_root && m->pinning == 1 && m->data_sec < 0) {
		/* pinning=by_name: the pinned map if there is one and it fits (attach.h). */
		fd = ldr_map_pin_open(opts->pin_root, m->name, &a, d, loc);
		if (fd != -ENOENT) {
			lm->fd = fd < 0 ? -1 : fd;
			*reused = fd >= 0;
			return fd < 0 ? fd : 0;
		}
		pin_new = 1;
	}
	if (m->data_sec < 0 && map_type_holds_maps(a.type)) {
		a.inner_map_fd = inner_template_create(o, mi, d, loc);
		if (a.inner_map_fd < 0)
			return a.inner_map_fd;
	}
	fd = map_create_typed(o, m, kb, &a, d, loc);
	if (a.inner_map_fd > 0)
		close(a.inner_map_fd); /* the outer map keeps its own copy of the template */
	if (fd < 0) {
		if (fd == -EPERM)
			hint = eperm_hint(map_type_needs(a.type), hb, sizeof(hb));
		else if (fd == -EINVAL && a.inner_map_fd > 0)
			hint = "the kernel refused this type, size or flag combination, or the "
			       "inner map's";
		else if (fd == -EINVAL)
			hint = "the kernel refused this type, size or flag combination";
		report_errno(d, loc, "map", m->name, "create", fd, hint);
		mt = isa_maptype_by_id((int)a.type);
		if (fd == -EINVAL && mt)
			diag_note(d, loc,
				  "map '%s': type %s, key %u bytes, value %u bytes, %u entries, "
				  "flags 0x%x",
				  m->name, mt->name, a.key_size, a.value_size, a.max_entries,
				  a.flags);
		else if (fd == -EINVAL)
			diag_note(d, loc,
				  "map '%s': type %u (unknown here), key %u bytes, value %u bytes, "
				  "%u entries, flags 0x%x",
				  m->name, a.type, a.key_size, a.value_size, a.max_entries,
				  a.flags);
		return fd;
	}
	lm->fd = fd;
	if (pin_new && (err = ldr_map_pin_new(opts->pin_root, m->name, fd, d, loc)) != 0)
		return err;
	if (!s || s->type == SHT_NOBITS)
		return 0; /* .bss starts zeroed, as the kernel made it */

	err = ldr_map_update(fd, &key, s->data.data, BPF_ANY);
	if (err) {
		report_errno(d, loc, "map", m->name, "fill", err, NULL);
		return err;
	}
	/* Frozen, .rodata is known constant to the verifier (it can fold loads from it). */
	if (is_rodata(s->name)) {
		err = ldr_map_freeze(fd);
		if (err) {
			report_errno(d, loc, "map", m->name, "freeze", err, NULL);
			return err;
		}
	}
	return 0;
}

/* ---- BTF: the object's types, func info and line info for the kernel ---- */

/*
 * The kernel takes BTF as one blob (BPF_BTF_LOAD) and, with each program, func_info (which
 * BTF FUNC each subprogram is) and line_info (which source line each instruction is), both
 * indexed by instruction in the flat program. The object's .BTF.ext has them indexed by
 * byte offset in the ELF section, so each record is moved to the slot its instruction
 * landed in (via the chunks). BTF is a bonus: source lines in the verifier log, and what
 * callbacks (bpf_loop) require; when the kernel refuses it, loading goes on without.
 */
static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/*
 * clang leaves every DATASEC's size and its variables' offsets 0, for the loader to fill in
 * from the ELF sections and symbols (the kernel refuses a DATASEC of size 0). Types are
 * walked twice: once to find where type ids start, once to patch. Returns 0 or -EINVAL.
 */
static int btf_fixup(const struct obj *o, uint8_t *raw, const char **why)
{
	struct btf_header h;
	uint8_t *types;
	const char *strs;
	size_t *at = NULL, *na, n = 0, cap = 0;
	int err = 0;

	memcpy(&h, raw, sizeof(h));
	types = raw + h.hdr_len + h.type_off;
	strs = (const char *)raw + h.hdr_len + h.str_off;
	for (size_t off = 0; off < h.type_len;) {
		const struct btf_type *t = (const struct btf_type *)(types + off);
		long extra;

		if (h.type_len - off < sizeof(*t) || (extra = obj_btf_type_extra(t->info)) < 0 ||
		    (size_t)extra > h.type_len - off - sizeof(*t)) {
			*why = "a type is truncated or of an unknown kind";
			err = -EINVAL;
			goto out;
		}
		na = mem_array(at, &cap, n + 2, sizeof(*at));
		if (!na) {
			err = -ENOMEM;
			goto out;
		}
		at = na;
		at[++n] = off; /* type ids start at 1 */
		off += sizeof(*t) + (size_t)extra;
	}
	for (size_t id = 1; id <= n; id++) {
		struct btf_type *t = (struct btf_type *)(types + at[id]);
		struct btf_var_secinfo *vs = (struct btf_var_secinfo *)(t + 1);
		int sec;

		if (BTF_INFO_KIND(t->info) != BTF_KIND_DATASEC)
			continue;
		if (t->name_off >= h.str_len) {
			*why = "a DATASEC name is outside the string section";
			err = -EINVAL;
			goto out;
		}
		sec = obj_sec_find(o, strs + t->name_off);
		if (sec >= 0 && t->size == 0)
			t->size = (uint32_t)obj_sec_size(&o->secs[sec]);
		for (uint32_t i = 0; sec >= 0 && i < BTF_INFO_VLEN(t->info); i++) {
			const struct btf_type *v;
			int sym;

			if (vs[i].type == 0 || vs[i].type > n)
				continue;
			v = (const struct btf_type *)(types + at[vs[i].type]);
			if (BTF_INFO_KIND(v->info) != BTF_KIND_VAR || v->name_off >= h.str_len)
				continue;
			sym = obj_sym_find(o, strs + v->name_off);
			if (sym >= 0 && o->syms[sym].sec == sec)
				vs[i].offset = (uint32_t)o->syms[sym].value;
		}
	}
out:
	mem_free(at);
	return err;
}

/* The func_info or line_info subsection of .BTF.ext at (@off, @len) past its header. */
static int ext_sub_get(const struct buf *ext, uint32_t hdr_len, uint32_t off, uint32_t len,
		       uint32_t min_rec, struct ext_sub *out)
{
	memset(out, 0, sizeof(*out));
	if (len == 0)
		return 0;
	if (len < 4 || off > ext->len - hdr_len || len > ext->len - hdr_len - off)
		return -EINVAL;
	out->data = ext->data + hdr_len + off + 4;
	out->len = len - 4;
	out->rec_size = rd32(ext->data + hdr_len + off);
	return out->rec_size >= min_rec ? 0 : -EINVAL;
}

/* Load @o's BTF into the kernel, if it has any. Trouble is a warning: loading goes on. */
static int btf_prepare(const struct obj *o, struct kbtf *kb, struct diag *d,
		       const struct diag_loc *loc)
{
	const char *why = NULL;
	struct btf_header h;
	char *log = NULL;
	size_t log_len = 0;
	int fd, err = 0;

	memset(kb, 0, sizeof(*kb));
	kb->fd = -1;
	if (o->btf.len == 0)
		return 0;
	memcpy(&h, o->btf.data, o->btf.len < sizeof(h) ? o->btf.len : sizeof(h));
	if (o->btf.len < sizeof(h) || h.magic != BTF_MAGIC || h.hdr_len < sizeof(h) ||
	    h.hdr_len > o->btf.len || h.type_off > o->btf.len - h.hdr_len ||
	    h.type_len > o->btf.len - h.hdr_len - h.type_off ||
	    h.str_off > o->btf.len - h.hdr_len || h.str_len > o->btf.len - h.hdr_len - h.str_off ||
	    h.str_len == 0) {
		why = "its header is malformed";
		goto out_warn;
	}
	kb->raw = mem_alloc(o->btf.len);
	if (!kb->raw)
		return -ENOMEM;
	memcpy(kb->raw, o->btf.data, o->btf.len);
	err = btf_fixup(o, kb->raw, &why);
	if (err == -ENOMEM)
		return err;
	if (err)
		goto out_warn;
	kb->strs = (const char *)kb->raw + h.hdr_len + h.str_off;
	kb->str_len = h.str_len;

	if (o->btf_ext.len) {
		const uint8_t *e = o->btf_ext.data;
		uint32_t ehdr;

		/* magic, version, flags, hdr_len, then func_info and line_info (off, len) */
		if (o->btf_ext.len < 24 || (e[0] | e[1] << 8) != BTF_MAGIC ||
		    (ehdr = rd32(e + 4)) < 24 || ehdr > o->btf_ext.len ||
		    ext_sub_get(&o->btf_ext, ehdr, rd32(e + 8), rd32(e + 12),
				sizeof(struct bpf_func_info), &kb->func) ||
		    ext_sub_get(&o->btf_ext, ehdr, rd32(e + 16), rd32(e + 20),
				sizeof(struct bpf_line_info), &kb->line)) {
			why = ".BTF.ext is malformed";
			goto out_warn;
		}
	}

	fd = ldr_btf_load(kb->raw, o->btf.len, &log, &log_len);
	if (fd == -ENOMEM)
		return fd;
	if (fd < 0) {
		char eb[160], hb[256];

		diag_warning(d, loc,
			     "BTF: load: %s%s%s: loading without it (no source lines in "
			     "verifier logs, no typed map dumps)",
			     ldr_errno_format(fd, eb, sizeof(eb)), fd == -EPERM ? ": " : "",
			     fd == -EPERM ? eperm_hint(0, hb, sizeof(hb)) : "");
		if (log && *log) {
			/* The BTF checker's verdict is its last line. */
			const char *why_k;
			int n = log_reason(log, &why_k);

			diag_note(d, loc, "BTF: the kernel says: %.*s", n, why_k);
		}
		mem_free(log);
		goto out_none;
	}
	mem_free(log);
	kb->fd = fd;
	/* The maps' key and value types are looked up here; without, maps go untyped. */
	if (ldr_btf_from_data(kb->raw, o->btf.len, &kb->idx) == -ENOMEM)
		return -ENOMEM;
	return 0;

out_warn:
	diag_warning(d, loc, "BTF: %s: loading without it (no source lines in verifier logs)", why);
out_none:
	memset(&kb->func, 0, sizeof(kb->func));
	memset(&kb->line, 0, sizeof(kb->line));
	return 0;
}

/*
 * The records of @sub (func_info or line_info) for section @secname: a .BTF.ext subsection
 * is a list of {sec_name_off, num_info, records...}. Returns the count, 0 when none.
 */
static uint32_t ext_sec_recs(const struct kbtf *kb, const struct ext_sub *sub, const char *secname,
			     const uint8_t **recs)
{
	const uint8_t *p = sub->data, *end = sub->data + sub->len;

	while (p && end - p >= 8) {
		uint32_t name = rd32(p), num = rd32(p + 4);
		uint64_t bytes = (uint64_t)num * sub->rec_size;

		p += 8;
		if (bytes > (uint64_t)(end - p))
			return 0;
		if (name < kb->str_len && strcmp(kb->strs + name, secname) == 0) {
			*recs = p;
			return num;
		}
		p += bytes;
	}
	return 0;
}

static int func_info_cmp(const void *a, const void *b)
{
	const struct bpf_func_info *x = a, *y = b;

	return x->insn_off < y->insn_off ? -1 : x->insn_off > y->insn_off;
}

static int line_info_cmp(const void *a, const void *b)
{
	const struct bpf_line_info *x = a, *y = b;

	return x->insn_off < y->insn_off ? -1 : x->insn_off > y->insn_off;
}

/*
 * Move the func and line records of every chunk to its slots. A chunk without a FUNC
 * record leaves the program without func info (the kernel would refuse a partial set).
 */
static int btf_info_build(const struct build *b, const struct kbtf *kb, struct bpf_func_info **fi,
			  uint32_t *nfi, struct bpf_line_info **li, uint32_t *nli)
{
	size_t fcap = 0, lcap = 0, nf = 0, nl = 0;
	struct bpf_func_info *f = NULL, *nfp;
	struct bpf_line_info *l = NULL, *nlp;
	int all_funcs = 1;

	for (size_t c = 0; c < b->linked.nchunks; c++) {
		const struct obj_link_chunk *ch = &b->linked.chunks[c];
		const char *sn = b->o->secs[ch->sec].name;
		const uint8_t *r = NULL;
		uint32_t n = ext_sec_recs(kb, &kb->func, sn, &r);
		int found = 0;

		for (uint32_t i = 0; i < n; i++, r += kb->func.rec_size) {
			if (rd32(r) != ch->off)
				continue;
			nfp = mem_array(f, &fcap, nf + 1, sizeof(*f));
			if (!nfp)
				goto out_nomem;
			f = nfp;
			f[nf].insn_off = (uint32_t)ch->at;
			f[nf++].type_id = rd32(r + 4);
			found = 1;
			break;
		}
		all_funcs &= found;

		n = ext_sec_recs(kb, &kb->line, sn, &r);
		for (uint32_t i = 0; i < n; i++, r += kb->line.rec_size) {
			uint32_t off = rd32(r);

			if (off < ch->off || off >= ch->off + ch->size || off % ISA_INSN_SIZE)
				continue;
			nlp = mem_array(l, &lcap, nl + 1, sizeof(*l));
			if (!nlp)
				goto out_nomem;
			l = nlp;
			l[nl].insn_off = (uint32_t)(ch->at + (off - ch->off) / ISA_INSN_SIZE);
			l[nl].file_name_off = rd32(r + 4);
			l[nl].line_off = rd32(r + 8);
			l[nl++].line_col = rd32(r + 12);
		}
	}
	if (!all_funcs) {
		nf = 0;
		nl = 0; /* line info alone cannot cover the subprograms either */
	}
	if (nf) /* qsort wants a non-NULL base even for 0 elements */
		qsort(f, nf, sizeof(*f), func_info_cmp);
	if (nl)
		qsort(l, nl, sizeof(*l), line_info_cmp);
	*fi = f;
	*nfi = (uint32_t)nf;
	*li = l;
	*nli = (uint32_t)nl;
	return 0;

out_nomem:
	mem_free(f);
	mem_free(l);
	return -ENOMEM;
}

/* Did the kernel refuse the BTF records rather than the program? (its last words say) */
static int log_blames_btf(const char *log)
{
	static const char *const words[] = {"btf", "func_info", "func info", "line_info",
					    "line info"};
	const char *end, *s;

	if (!log)
		return 0;
	end = log + strlen(log);
	while (end > log && end[-1] == '\n')
		end--;
	for (int lines = 0; lines < 3 && end > log; lines++) {
		s = end;
		while (s > log && s[-1] != '\n')
			s--;
		for (const char *p = s; p < end; p++)
			for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++)
				if (strncasecmp(p, words[w], strlen(words[w])) == 0)
					return 1;
		end = s > log ? s - 1 : s;
	}
	return 0;
}

/* ---- programs ---- */

static int prog_load_one(struct build *b, const struct obj_prog *p, const struct ldr_opts *opts)
{
	struct ldr_loaded_prog *lp = b->lp;
	struct ldr_prog_attr a = {0};
	struct bpf_func_info *fi = NULL;
	struct bpf_line_info *li = NULL;
	uint32_t nfi = 0, nli = 0;
	const char *hint = NULL, *why = NULL;
	char hb[256];
	char *first = NULL; /* the log of a first try with BTF records, when retried */
	int fd, err, wn = 0;

	if (p->prog_type <= 0) {
		diag_error(b->d, b->loc,
			   "prog '%s': section '%s' names no program type the loader knows",
			   b->pname, sec_name(b->o, p->sec));
		return -EINVAL;
	}
	err = prog_relocate(b, p);
	if (err)
		return err;

	a.name = p->name;
	a.type = (uint32_t)p->prog_type;
	a.expected_attach_type =
		p->expected_attach_type < 0 ? 0 : (uint32_t)p->expected_attach_type;
	a.insns = lp->insns;
	a.ninsns = lp->ninsns;
	a.license = b->o->license;
	a.kern_version = b->o->has_kern_version ? b->o->kern_version : 0;
	a.prog_flags = opts->prog_flags;
	a.log_level = opts->log_level;
	a.log_size = opts->log_size;
	if (b->kb->fd >= 0) {
		err = btf_info_build(b, b->kb, &fi, &nfi, &li, &nli);
		if (err)
			return err;
		if (nfi || nli) {
			a.btf_fd = b->kb->fd;
			a.func_info = fi;
			a.func_info_rec_size = sizeof(*fi);
			a.func_info_cnt = nfi;
			a.line_info = li;
			a.line_info_rec_size = sizeof(*li);
			a.line_info_cnt = nli;
		}
	}

	/* log_on_failure: no log for a program the verifier accepts (logging costs the
	 * verifier time); a refused one is loaded again with the log, for its reasons. */
	fd = ldr_prog_load(&a, opts->log_on_failure ? NULL : &lp->log,
			   opts->log_on_failure ? NULL : &lp->log_len);
	if (fd < 0 && opts->log_on_failure && fd != -ENOMEM)
		fd = ldr_prog_load(&a, &lp->log, &lp->log_len);
	if (fd == -EINVAL && a.btf_fd > 0 && log_blames_btf(lp->log)) {
		/* The program may be fine and only its BTF records wrong (an object from a
		 * tool that got them slightly off): try once more without them. The verdict
		 * is the second one; the first is kept as a warning or a note. */
		first = lp->log;
		wn = log_reason(first, &why);
		a.btf_fd = 0;
		lp->log = NULL;
		fd = ldr_prog_load(&a, &lp->log, &lp->log_len);
		if (fd >= 0)
			diag_warning(b->d, b->loc,
				     "prog '%s': the kernel refused its BTF func/line info (%.*s): "
				     "loaded without it",
				     b->pname, wn, why);
	}
	if (a.btf_fd > 0) { /* the last try had them (accepted or not) */
		lp->func_info = fi;
		lp->func_info_cnt = nfi;
		lp->line_info = li;
		lp->line_info_cnt = nli;
	} else {
		mem_free(fi);
		mem_free(li);
	}
	if (fd < 0) {
		if (fd == -EPERM)
			hint = eperm_hint(prog_type_needs(a.type), hb, sizeof(hb));
		report_errno(b->d, b->loc, "prog", b->pname, "load", fd, hint);
		if (lp->log)
			report_log(b->d, b->loc, b->o, lp);
		if (lp->log && a.btf_fd <= 0 && strstr(lp->log, "missing btf func_info"))
			diag_note(b->d, b->loc,
				  "prog '%s': callbacks (bpf_loop, timers, for_each_map_elem) need "
				  "BTF func info, which the object lacks or the kernel refused",
				  b->pname);
		if (first)
			diag_note(b->d, b->loc,
				  "prog '%s': with BTF func/line info the kernel said: %.*s",
				  b->pname, wn, why);
		mem_free(first);
		return fd;
	}
	mem_free(first);
	lp->fd = fd;
	return 0;
}

/* ---- the whole object ---- */

void ldr_loaded_free(struct ldr_loaded *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->nmaps; i++) {
		if (l->maps[i].fd >= 0)
			close(l->maps[i].fd);
		mem_free(l->maps[i].name);
	}
	for (size_t i = 0; i < l->nprogs; i++) {
		struct ldr_loaded_prog *p = &l->progs[i];

		if (p->fd >= 0)
			close(p->fd);
		mem_free(p->name);
		mem_free(p->insns);
		mem_free(p->origin);
		mem_free(p->log);
		mem_free(p->func_info);
		mem_free(p->line_info);
	}
	if (l->btf_fd >= 0)
		close(l->btf_fd);
	mem_free(l->maps);
	mem_free(l->progs);
	mem_free(l);
}

static struct ldr_loaded *loaded_new(const struct obj *o)
{
	struct ldr_loaded *l = mem_alloc(sizeof(*l));

	if (!l)
		return NULL;
	l->btf_fd = -1;
	l->maps = mem_alloc(o->nmaps * sizeof(*l->maps));
	l->progs = mem_alloc(o->nprogs * sizeof(*l->progs));
	if (!l->maps || !l->progs)
		goto out_free;
	/* Counted as they are initialised, so a half-built result frees cleanly. */
	for (size_t i = 0; i < o->nmaps; i++, l->nmaps++) {
		l->maps[i].fd = -1;
		l->maps[i].obj_map = (int)i;
		l->maps[i].name = mem_strdup(o->maps[i].name ? o->maps[i].name : "");
		if (!l->maps[i].name)
			goto out_free;
	}
	for (size_t i = 0; i < o->nprogs; i++, l->nprogs++) {
		l->progs[i].fd = -1;
		l->progs[i].obj_prog = (int)i;
		l->progs[i].prog_type = (uint32_t)o->progs[i].prog_type;
		l->progs[i].expected_attach_type =
			o->progs[i].expected_attach_type < 0
				? 0
				: (uint32_t)o->progs[i].expected_attach_type;
		l->progs[i].name = mem_strdup(o->progs[i].name ? o->progs[i].name : "");
		if (!l->progs[i].name)
			goto out_free;
	}
	return l;

out_free:
	ldr_loaded_free(l);
	return NULL;
}

/* ---- prog_array initial values ---- */

struct slot_fill {
	struct ldr_loaded *l;
	struct diag *d;
	const struct diag_loc *loc;
	size_t map;
};

/* prog_array slot @slot of the map in @arg runs program @prog: store its descriptor. */
static int slot_fill_one(void *arg, uint32_t slot, int prog)
{
	struct slot_fill *sf = arg;
	const struct ldr_loaded_map *m = &sf->l->maps[sf->map];
	int fd = prog >= 0 && (size_t)prog < sf->l->nprogs ? sf->l->progs[prog].fd : -1;
	int err;

	if (m->fd < 0)
		return 0; /* its creation failed, and was reported */
	if (fd < 0) {
		diag_error(sf->d, sf->loc,
			   "map '%s': slot %u: its program was not loaded, the slot stays empty",
			   m->name, slot);
		return -ENOENT;
	}
	err = ldr_map_update(m->fd, &slot, &fd, BPF_ANY);
	if (err)
		report_errno(sf->d, sf->loc, "map", m->name, "initial value", err,
			     err == -E2BIG ? "the slot is past max_entries" : NULL);
	return err;
}

/* Slot @slot of the map of maps in @arg holds map @inner: store its descriptor. */
static int slot_fill_map(void *arg, uint32_t slot, int inner)
{
	struct slot_fill *sf = arg;
	const struct ldr_loaded_map *m = &sf->l->maps[sf->map];
	const struct ldr_loaded_map *im = &sf->l->maps[inner];
	int err;

	if (m->fd < 0)
		return 0; /* its creation failed, and was reported */
	if (m->key_size != sizeof(slot)) {
		diag_error(sf->d, sf->loc,
			   "map '%s': initial values need a 4-byte key (the slot), not %u bytes",
			   m->name, m->key_size);
		return -EINVAL;
	}
	if (im->fd < 0) {
		diag_error(sf->d, sf->loc,
			   "map '%s': slot %u: map '%s' was not created, the slot stays empty",
			   m->name, slot, im->name);
		return -ENOENT;
	}
	err = ldr_map_update(m->fd, &slot, &im->fd, BPF_ANY);
	if (err) {
		char what[64 + 2 * BPF_OBJ_NAME_LEN];
		const char *hint = NULL;

		if (err == -E2BIG)
			hint = "the slot is past max_entries";
		else if (err == -EINVAL)
			hint = "it does not match the inner definition (type, key and value "
			       "sizes, flags; max_entries too unless BPF_F_INNER_MAP)";
		snprintf(what, sizeof(what), "slot %u: map '%s'", slot, im->name);
		report_errno(sf->d, sf->loc, "map", m->name, what, err, hint);
	}
	return err;
}

int ldr_obj_load(struct obj *o, const struct ldr_opts *opts, struct ldr_loaded **out,
		 struct diag *d)
{
	static const struct ldr_opts defaults;
	struct diag_loc oloc = {0}, *loc = NULL;
	struct ldr_loaded *l;
	struct obj_link *lk = NULL;
	struct kbtf kb;
	unsigned char *reused = NULL;
	int first = 0, maps_ok, err;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (opts->name) {
		oloc.file = opts->name;
		loc = &oloc;
	}
	l = loaded_new(o);
	obj_link_new(o, &lk);
	reused = mem_alloc(o->nmaps + 1);
	if (!l || !lk || !reused) {
		ldr_loaded_free(l);
		obj_link_free(lk);
		mem_free(reused);
		diag_error(d, loc, "out of memory");
		return -ENOMEM;
	}

	/* BTF first: the maps are created with their key and value types from it. */
	err = btf_prepare(o, &kb, d, loc);
	l->btf_fd = kb.fd;
	if (err) {
		diag_error(d, loc, "out of memory");
		first = err;
		goto out;
	}

	for (size_t i = 0; i < o->nmaps; i++) {
		int r = 0;

		err = map_create_one(o, i, &kb, &l->maps[i], opts, d, loc, &r);
		reused[i] = (unsigned char)r;
		if (err && !first)
			first = err;
	}
	/* Maps of maps get their initial maps (.values = { [i] = &inner }) once every map
	 * exists; a reused pinned one keeps what it holds, as libbpf does. */
	for (size_t i = 0; i < o->nmaps && !first; i++) {
		struct slot_fill sf = {l, d, loc, i};

		if (reused[i])
			continue;
		err = obj_link_map_inner_values(o, (int)i, slot_fill_map, &sf, loc, d);
		if (err && !first)
			first = err;
	}
	maps_ok = !first;
	if (!maps_ok && o->nprogs)
		diag_note(d, loc, "programs not loaded: they need every map");

	/* After a failed program the others are still loaded: every verdict is worth having. */
	for (size_t i = 0; i < o->nprogs && maps_ok; i++) {
		struct build b = {
			.o = o,
			.d = d,
			.loc = loc,
			.pname = l->progs[i].name,
			.l = l,
			.lk = lk,
			.lp = &l->progs[i],
			.kb = &kb,
		};

		err = prog_load_one(&b, &o->progs[i], opts);

		obj_linked_fini(&b.linked);
		l->progs[i].err = err;
		if (err && !first)
			first = err;
		if (err == -ENOMEM) {
			diag_error(d, loc, "out of memory");
			break;
		}
	}
	/* prog_array initial values (.values = { [i] = &prog }), once the programs exist. */
	for (size_t i = 0; i < o->nmaps && maps_ok; i++) {
		struct slot_fill sf = {l, d, loc, i};

		err = obj_link_map_values(o, (int)i, slot_fill_one, &sf, loc, d);
		if (err && !first)
			first = err;
	}
out:
	mem_free(reused);
	mem_free(kb.raw);
	ldr_btf_free(kb.idx);
	obj_link_free(lk);
	*out = l;
	return first;
}

const struct ldr_loaded_prog *ldr_loaded_prog_find(const struct ldr_loaded *l, const char *name)
{
	for (size_t i = 0; l && i < l->nprogs; i++)
		if (strcmp(l->progs[i].name, name) == 0)
			return &l->progs[i];
	return NULL;
}

const struct ldr_loaded_map *ldr_loaded_map_find(const struct ldr_loaded *l, const char *name)
{
	for (size_t i = 0; l && i < l->nmaps; i++)
		if (strcmp(l->maps[i].name, name) == 0)
			return &l->maps[i];
	return NULL;
}
