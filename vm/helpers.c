/* SPDX-License-Identifier: MIT */
/*
 * helpers.c - the helper table: implementations of the kernel helpers ebpf-run can provide,
 * installed by name from helpers.def (so ids come from the one table), and the helper set of
 * the bpf_conformance suite's plugins.
 *
 * A helper gets r1..r5 and writes r0. Arguments that are pointers are VM addresses, turned
 * into host memory by vm_mem_ptr() with the same checks as a load or store: a pointer the
 * kernel's verifier would have refused is a fault here (VM_HELPER_FAULT), never a host
 * access. What the kernel checks at run time instead (probe_read's source, %s arguments of
 * trace_printk) follows the kernel: zeroed output and -EFAULT, or an empty string.
 *
 * Results are 64-bit: a negative errno is sign-extended, as the kernel's helpers return long.
 *
 * State kept in struct vm: the clock (ktime_get_*_ns return it unchanged until the runner sets
 * the next packet's time), a xorshift64* generator (get_prandom_u32; the same seed gives the
 * same sequence), the current task's ids and comm, and bpf_trace_printk's output.
 */
#include "vm.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <linux/bpf.h>

#include "map.h"
#include "mem.h"

#define HELPER(name) static int h_##name(struct vm *vm, const uint64_t *a, uint64_t *ret)

/* The kernel's buffer for one bpf_trace_printk line (MAX_BPRINTF_BUF). */
#define PRINTK_MAX 1024u

/* A negative errno as a helper's 64-bit result. */
static uint64_t err64(int e)
{
	return (uint64_t)(int64_t)e;
}

/* ---------------------------------------------------------------- time, ids, random */

HELPER(ktime_get_ns)
{
	*ret = vm->clock_ns;
	return VM_HELPER_OK;
}

HELPER(jiffies64)
{
	*ret = vm->clock_ns / 4000000u; /* HZ = 250 */
	return VM_HELPER_OK;
}

HELPER(zero)
{
	*ret = 0; /* CPU 0, NUMA node 0 */
	return VM_HELPER_OK;
}

HELPER(get_prandom_u32)
{
	/* xorshift64*: small, fast, and the same seed gives the same run */
	uint64_t x = vm->rnd_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	vm->rnd_state = x;
	*ret = (uint32_t)((x * 0x2545f4914f6cdd1dull) >> 32);
	return VM_HELPER_OK;
}

HELPER(get_current_pid_tgid)
{
	*ret = vm->pid_tgid;
	return VM_HELPER_OK;
}

HELPER(get_current_uid_gid)
{
	*ret = vm->uid_gid;
	return VM_HELPER_OK;
}

HELPER(get_current_comm)
{
	uint32_t size = (uint32_t)a[1];
	char *dst;
	size_t n;

	if (size == 0) {
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	dst = vm_mem_ptr(vm, a[0], size, 1);
	if (!dst)
		return VM_HELPER_FAULT;
	/* strscpy_pad: as much as fits with its NUL, the rest zeroed */
	n = strnlen(vm->comm, sizeof(vm->comm));
	if (n > size - 1)
		n = size - 1;
	memset(dst, 0, size);
	memcpy(dst, vm->comm, n);
	*ret = 0;
	return VM_HELPER_OK;
}

/* ---------------------------------------------------------------- probe_read */

/* Copy @size bytes from the VM address @src to @dst, each byte checked: a source the
 * program cannot read is the kernel's -EFAULT, with the destination zeroed. */
HELPER(probe_read)
{
	uint32_t size = (uint32_t)a[1];
	uint8_t *dst = vm_mem_ptr(vm, a[0], size, 1);
	const uint8_t *src;

	if (!dst)
		return VM_HELPER_FAULT;
	src = vm_mem_probe(vm, a[2], size, 0);
	if (!src && size) {
		memset(dst, 0, size);
		*ret = err64(-EFAULT);
		return VM_HELPER_OK;
	}
	memmove(dst, src, size);
	*ret = 0;
	return VM_HELPER_OK;
}

/* probe_read_*_str: up to size - 1 bytes and a NUL; returns the length with the NUL. */
HELPER(probe_read_str)
{
	uint32_t size = (uint32_t)a[1], i;
	uint8_t *dst = vm_mem_ptr(vm, a[0], size, 1);

	if (!dst)
		return VM_HELPER_FAULT;
	if (size == 0) {
		*ret = 0;
		return VM_HELPER_OK;
	}
	for (i = 0; i + 1 < size; i++) {
		const uint8_t *c = vm_mem_probe(vm, a[2] + i, 1, 0);

		if (!c) {
			memset(dst, 0, size);
			*ret = err64(-EFAULT);
			return VM_HELPER_OK;
		}
		dst[i] = *c;
		if (!*c)
			break;
	}
	dst[i] = 0;
	*ret = i + 1;
	return VM_HELPER_OK;
}

/* ---------------------------------------------------------------- trace_printk */

struct out {
	char buf[PRINTK_MAX];
	size_t len;
};

static void out_putc(struct out *o, char c)
{
	if (o->len + 1 < sizeof(o->buf))
		o->buf[o->len++] = c;
}

/* One field with printf's flags: '-' left, '0' zero pad, '+' and ' ' sign, width. */
struct spec {
	int left, zero, plus, space;
	unsigned width;
};

static void out_field(struct out *o, const struct spec *s, const char *sign, const char *body,
		      size_t blen)
{
	size_t slen = strlen(sign), n = slen + blen;
	size_t pad = s->width > n ? s->width - n : 0;

	if (!s->left && !s->zero)
		while (pad--)
			out_putc(o, ' ');
	for (size_t i = 0; i < slen; i++)
		out_putc(o, sign[i]);
	if (!s->left && s->zero)
		while (pad--)
			out_putc(o, '0');
	for (size_t i = 0; i < blen; i++)
		out_putc(o, body[i]);
	if (s->left)
		while (pad--)
			out_putc(o, ' ');
}

static void out_num(struct out *o, const struct spec *s, uint64_t v, int is_signed, int base,
		    int upper, const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], sign[4] = "";
	size_t n = sizeof(tmp);

	if (is_signed && (int64_t)v < 0) {
		strcpy(sign, "-");
		v = 0 - v;
	} else if (is_signed && s->plus) {
		strcpy(sign, "+");
	} else if (is_signed && s->space) {
		strcpy(sign, " ");
	}
	if (prefix)
		strcat(sign, prefix);
	do {
		tmp[--n] = digits[v % (unsigned)base];
		v /= (unsigned)base;
	} while (v);
	out_field(o, s, sign, tmp + n, sizeof(tmp) - n);
}

/* A NUL-terminated string at VM address @addr, as the kernel copies one: byte by byte until
 * the NUL or the room runs out; an unreadable string is empty. */
static void out_vmstr(struct vm *vm, struct out *o, const struct spec *s, uint64_t addr)
{
	char tmp[PRINTK_MAX];
	size_t n = 0;

	while (n + 1 < sizeof(tmp)) {
		const char *c = vm_mem_probe(vm, addr + n, 1, 0);

		if (!c || !*c)
			break;
		tmp[n++] = *c;
	}
	out_field(o, s, "", tmp, n);
}

/*
 * bpf_trace_printk(fmt, fmt_size, a1, a2, a3) with the kernel's rules (bpf_bprintf_prepare):
 * the format is NUL-terminated within fmt_size and printable; at most 3 conversions among
 * %d %i %u %x %X with l or ll, %c, %s, %p (plain, K, x: printed as 0x... VM addresses; ks and
 * us: strings; i4 and I4: IPv4), %% and the flags/width "[0 +-][num]". Anything else is
 * -EINVAL and prints nothing. Returns the length printed.
 */
HELPER(trace_printk)
{
	uint32_t fmt_size = (uint32_t)a[1];
	const char *fmt;
	struct out o = {.len = 0};
	unsigned nargs = 0;

	fmt = fmt_size ? vm_mem_ptr(vm, a[0], fmt_size, 0) : NULL;
	if (fmt_size && !fmt)
		return VM_HELPER_FAULT;
	if (!fmt || fmt[fmt_size - 1] != '\0')
		goto inval;
	for (const char *p = fmt; *p; p++) {
		struct spec s = {0};
		uint64_t arg;
		int longs = 0;

		if ((unsigned char)*p < 0x20 && !strchr("\t\n\v\f\r", *p))
			goto inval;
		if ((unsigned char)*p >= 0x7f)
			goto inval;
		if (*p != '%') {
			out_putc(&o, *p);
			continue;
		}
		if (p[1] == '%') {
			out_putc(&o, '%');
			p++;
			continue;
		}
		if (nargs == 3)
			goto inval;
		arg = a[2 + nargs++];
		p++;
		for (;; p++) {
			if (*p == '0')
				s.zero = 1;
			else if (*p == '+')
				s.plus = 1;
			else if (*p == '-')
				s.left = 1;
			else if (*p == ' ')
				s.space = 1;
			else
				break;
		}
		while (*p >= '0' && *p <= '9' && s.width < 1000)
			s.width = s.width * 10 + (unsigned)(*p++ - '0');
		if (*p >= '0' && *p <= '9')
			goto inval;
		if (*p == 'c') {
			char c = (char)arg;

			out_field(&o, &s, "", &c, 1);
			continue;
		}
		if (*p == 's') {
			out_vmstr(vm, &o, &s, arg);
			continue;
		}
		if (*p == 'p') {
			if ((p[1] == 'k' || p[1] == 'u') && p[2] == 's') {
				out_vmstr(vm, &o, &s, arg);
				p += 2;
			} else if ((p[1] == 'i' || p[1] == 'I') && p[2] == '4') {
				const uint8_t *ip = vm_mem_probe(vm, arg, 4, 0);
				char tmp[16];
				int n = ip ? snprintf(tmp, sizeof(tmp), "%u.%u.%u.%u", ip[0], ip[1],
						      ip[2], ip[3])
					   : 0;

				out_field(&o, &s, "", tmp, (size_t)n);
				p += 2;
			} else if (p[1] == 'K' || p[1] == 'x') {
				out_num(&o, &s, arg, 0, 16, 0, "0x");
				p++;
			} else if (p[1] == '\0' || strchr(" \t\n.,:;!?()[]-/", p[1])) {
				out_num(&o, &s, arg, 0, 16, 0, "0x");
			} else {
				goto inval;
			}
			continue;
		}
		if (*p == 'l') {
			longs++;
			p++;
			if (*p == 'l') {
				longs++;
				p++;
			}
		}
		/* without l, the argument is an int: its low 32 bits */
		if (!longs)
			arg = (*p == 'd' || *p == 'i') ? (uint64_t)(int64_t)(int32_t)arg
						       : (uint32_t)arg;
		switch (*p) {
		case 'd':
		case 'i':
			out_num(&o, &s, arg, 1, 10, 0, NULL);
			break;
		case 'u':
			out_num(&o, &s, arg, 0, 10, 0, NULL);
			break;
		case 'x':
		case 'X':
			out_num(&o, &s, arg, 0, 16, *p == 'X', NULL);
			break;
		default:
			goto inval;
		}
	}
	*ret = o.len;
	if (o.len == 0 || o.buf[o.len - 1] != '\n')
		o.buf[o.len++] = '\n'; /* the trace pipe shows each call on its own line */
	if (buf_append(&vm->printk, o.buf, o.len) || buf_append(&vm->printk, "", 1))
		return VM_HELPER_OK; /* output lost to ENOMEM; the program does not care */
	vm->printk.len--;	     /* keep the NUL out of the length */
	return VM_HELPER_OK;
inval:
	*ret = err64(-EINVAL);
	return VM_HELPER_OK;
}

/* ---------------------------------------------------------------- maps */

/* The map r1 (or another argument) points at, or a fault naming what it points at. */
static const struct vm_map_handle *arg_handle(struct vm *vm, uint64_t addr)
{
	const struct vm_map_handle *h = vm_map_handle_find(vm, addr);

	if (!h)
		vm_fault_set(vm, VM_FAULT_HELPER_ARG, "map argument 0x%" PRIx64 " is no map", addr);
	return h;
}

static struct vm_map *arg_map(struct vm *vm, uint64_t addr)
{
	const struct vm_map_handle *h = arg_handle(vm, addr);

	return h ? h->map : NULL;
}

/* The VM address of @host inside @m's arena (a value or ringbuf sample), or 0. */
static uint64_t arena_addr(struct vm *vm, const struct vm_map *m, const void *host)
{
	for (size_t i = 0; i < vm->nmaps; i++)
		if (vm->maps[i].map == m && vm->maps[i].arena_region > 0)
			return vm_region_addr(vm, vm->maps[i].arena_region, host);
	return 0;
}

HELPER(map_lookup_elem)
{
	const struct vm_map_handle *h = arg_handle(vm, a[0]);
	struct vm_map *m = h ? h->map : NULL;
	const void *key;
	long slot;

	if (!m || !(key = vm_mem_ptr(vm, a[1], m->key_size, 0)))
		return VM_HELPER_FAULT;
	slot = vm_map_lookup_slot(m, key);
	*ret = slot < 0 || h->arena_region <= 0 ? 0 : vm_arena_slot_addr(vm, h, slot);
	return VM_HELPER_OK;
}

/* the interpreter does this one itself when it is installed (interp.c) */
const vm_helper_fn vm_helper_map_lookup = h_map_lookup_elem;

HELPER(map_update_elem)
{
	struct vm_map *m = arg_map(vm, a[0]);
	const void *key, *val;

	if (!m || !(key = vm_mem_ptr(vm, a[1], m->key_size, 0)) ||
	    !(val = vm_mem_ptr(vm, a[2], m->value_size, 0)))
		return VM_HELPER_FAULT;
	*ret = err64(vm_map_update(m, key, val, a[3]));
	return VM_HELPER_OK;
}

HELPER(map_delete_elem)
{
	struct vm_map *m = arg_map(vm, a[0]);
	const void *key;

	if (!m || !(key = vm_mem_ptr(vm, a[1], m->key_size, 0)))
		return VM_HELPER_FAULT;
	*ret = err64(vm_map_delete(m, key));
	return VM_HELPER_OK;
}

HELPER(map_push_elem)
{
	struct vm_map *m = arg_map(vm, a[0]);
	const void *val;

	if (!m || !(val = vm_mem_ptr(vm, a[1], m->value_size, 0)))
		return VM_HELPER_FAULT;
	*ret = err64(vm_map_push(m, val, a[2]));
	return VM_HELPER_OK;
}

HELPER(map_pop_elem)
{
	struct vm_map *m = arg_map(vm, a[0]);
	void *val;

	if (!m || !(val = vm_mem_ptr(vm, a[1], m->value_size, 1)))
		return VM_HELPER_FAULT;
	*ret = err64(vm_map_pop(m, val));
	return VM_HELPER_OK;
}

HELPER(map_peek_elem)
{
	struct vm_map *m = arg_map(vm, a[0]);
	void *val;

	if (!m || !(val = vm_mem_ptr(vm, a[1], m->value_size, 1)))
		return VM_HELPER_FAULT;
	*ret = err64(vm_map_peek(m, val));
	return VM_HELPER_OK;
}

HELPER(ringbuf_output)
{
	struct vm_map *m = arg_map(vm, a[0]);
	const void *data;

	if (!m || !(data = vm_mem_ptr(vm, a[1], (uint32_t)a[2], 0)))
		return VM_HELPER_FAULT;
	if (a[2] >> 32) {
		*ret = err64(-E2BIG);
		return VM_HELPER_OK;
	}
	*ret = err64(vm_map_ringbuf_output(m, data, a[2], a[3]));
	return VM_HELPER_OK;
}

HELPER(ringbuf_reserve)
{
	struct vm_map *m = arg_map(vm, a[0]);
	void *p;

	if (!m)
		return VM_HELPER_FAULT;
	p = vm_map_ringbuf_reserve(m, a[1], a[2]);
	*ret = p ? arena_addr(vm, m, p) : 0;
	return VM_HELPER_OK;
}

/* The ringbuf whose arena the sample at @addr lies in, and the sample's host address. */
static struct vm_map *sample_map(struct vm *vm, uint64_t addr, void **host)
{
	uint64_t ri = addr >> 32;

	for (size_t i = 0; i < vm->nmaps; i++) {
		if ((uint64_t)vm->maps[i].arena_region == ri && vm->maps[i].arena_region > 0) {
			*host = vm_mem_ptr(vm, addr, 0, 1);
			return *host ? vm->maps[i].map : NULL;
		}
	}
	vm_fault_set(vm, VM_FAULT_HELPER_ARG, "0x%" PRIx64 " is no ring buffer sample", addr);
	return NULL;
}

HELPER(ringbuf_submit)
{
	void *host;
	struct vm_map *m = sample_map(vm, a[0], &host);

	if (!m || vm_map_ringbuf_submit(m, host, a[1])) {
		if (m)
			vm_fault_set(vm, VM_FAULT_HELPER_ARG,
				     "0x%" PRIx64 " is no outstanding "
				     "ring buffer reservation",
				     a[0]);
		return VM_HELPER_FAULT;
	}
	return VM_HELPER_OK;
}

HELPER(ringbuf_discard)
{
	void *host;
	struct vm_map *m = sample_map(vm, a[0], &host);

	if (!m || vm_map_ringbuf_discard(m, host, a[1])) {
		if (m)
			vm_fault_set(vm, VM_FAULT_HELPER_ARG,
				     "0x%" PRIx64 " is no outstanding "
				     "ring buffer reservation",
				     a[0]);
		return VM_HELPER_FAULT;
	}
	return VM_HELPER_OK;
}

HELPER(ringbuf_query)
{
	struct vm_map *m = arg_map(vm, a[0]);

	if (!m)
		return VM_HELPER_FAULT;
	*ret = vm_map_ringbuf_query(m, a[1]);
	return VM_HELPER_OK;
}

/* bpf_perf_event_output(ctx, map, flags, data, size). The upper 32 bits of flags
 * (BPF_F_CTXLEN_MASK) ask for that many packet bytes after the data, as the skb and xdp
 * variants do; they come from the packet region. */
HELPER(perf_event_output)
{
	struct vm_map *m = arg_map(vm, a[1]);
	uint64_t ctxlen = (a[2] >> 32) & 0xfffff;
	const void *data;
	uint8_t *tmp;
	int err;

	if (!m || !(data = vm_mem_ptr(vm, a[3], (uint32_t)a[4], 0)))
		return VM_HELPER_FAULT;
	if (a[4] >> 32) {
		*ret = err64(-E2BIG);
		return VM_HELPER_OK;
	}
	if (!ctxlen) {
		*ret = err64(vm_map_perf_output(m, a[2], data, a[4]));
		return VM_HELPER_OK;
	}
	if (!vm->pkt_region || ctxlen > vm->regions[vm->pkt_region].len) {
		*ret = err64(-EFAULT);
		return VM_HELPER_OK;
	}
	tmp = mem_alloc(a[4] + ctxlen);
	if (!tmp) {
		*ret = err64(-ENOMEM);
		return VM_HELPER_OK;
	}
	memcpy(tmp, data, a[4]);
	memcpy(tmp + a[4], vm->regions[vm->pkt_region].host, ctxlen);
	err = vm_map_perf_output(m, a[2] & 0xffffffffull, tmp, a[4] + ctxlen);
	mem_free(tmp);
	*ret = err64(err);
	return VM_HELPER_OK;
}

/* ---------------------------------------------------------------- callbacks */

/* bpf_loop(nr_loops, callback, ctx, flags): callback(i, ctx) for i = 0, 1, ... until it
 * returns non-zero; the number of calls. As kernel/bpf/bpf_iter.c: flags other than 0 are
 * EINVAL, more than 1 << 23 loops E2BIG. */
HELPER(loop)
{
	uint32_t n = (uint32_t)a[0];

	if (a[3]) {
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	if (n > 1u << 23) {
		*ret = err64(-E2BIG);
		return VM_HELPER_OK;
	}
	for (uint32_t i = 0; i < n; i++) {
		const uint64_t args[5] = {i, a[2], 0, 0, 0};
		uint64_t r0;

		if (vm_callback(vm, a[1], args, &r0))
			return VM_HELPER_FAULT;
		if (r0) {
			*ret = (uint64_t)i + 1;
			return VM_HELPER_OK;
		}
	}
	*ret = n;
	return VM_HELPER_OK;
}

struct each {
	struct vm *vm;
	const struct vm_map_handle *h;
	const uint64_t *a;
	uint64_t key_addr;
	uint8_t *key;
	uint64_t count;
	int fault;
};

static int each_elem(const void *key, void *value, void *arg)
{
	struct each *e = arg;
	const struct vm_map *m = e->h->map;
	long slot = vm_map_value_slot(m, value);
	uint64_t r0, args[5] = {e->a[0], e->key_addr, 0, e->a[2], 0};

	if (slot < 0)
		return 0;
	args[2] = vm_arena_slot_addr(e->vm, e->h, slot);
	memcpy(e->key, key, m->key_size);
	e->count++;
	if (vm_callback(e->vm, e->a[1], args, &r0)) {
		e->fault = 1;
		return 1;
	}
	return r0 != 0;
}

/* bpf_for_each_map_elem(map, callback, ctx, flags): callback(map, key, value, ctx) per
 * element until it returns non-zero; the number of elements visited. The key is a copy
 * the callback may only read; the value is the element itself. Arrays go in index order
 * as in the kernel; hash maps in this map's slot order (the kernel's bucket order follows
 * its random hash seed). */
HELPER(for_each_map_elem)
{
	const struct vm_map_handle *h = arg_handle(vm, a[0]);
	struct vm_map *m = h ? h->map : NULL;
	unsigned depth = vm->call_depth + 1;
	struct each e = {.vm = vm, .h = h, .a = a};

	if (!m)
		return VM_HELPER_FAULT;
	if (a[3]) {
		*ret = err64(-EINVAL);
		return VM_HELPER_OK;
	}
	switch (m->type) {
	case BPF_MAP_TYPE_ARRAY:
	case BPF_MAP_TYPE_PERCPU_ARRAY:
	case BPF_MAP_TYPE_HASH:
	case BPF_MAP_TYPE_PERCPU_HASH:
	case BPF_MAP_TYPE_LRU_HASH:
	case BPF_MAP_TYPE_LRU_PERCPU_HASH:
		break;
	default:
		vm_fault_set(vm, VM_FAULT_HELPER_ARG,
			     "bpf_for_each_map_elem over map '%s': the kernel iterates arrays and "
			     "hash maps only",
			     m->name);
		return VM_HELPER_FAULT;
	}
	if (depth >= VM_MAX_FRAMES) {
		const uint64_t none[5] = {0};
		uint64_t r0;

		vm_callback(vm, a[1], none, &r0); /* faults: the depth limit */
		return VM_HELPER_FAULT;
	}
	if (h->arena_region <= 0 || m->key_size > VM_CB_KEY_MAX) {
		/* neither comes from a map the kernel would iterate */
		vm_fault_set(vm, VM_FAULT_HELPER_ARG,
			     "bpf_for_each_map_elem over map '%s': no values to visit", m->name);
		return VM_HELPER_FAULT;
	}
	if (!vm->cb_key_region) {
		int r = vm_region_add(vm, "map key (bpf_for_each_map_elem)", vm->cb_key,
				      sizeof(vm->cb_key), VM_MEM_READ, 0, 0);

		if (r < 0) {
			vm_fault_set(vm, VM_FAULT_HELPER_ARG, "cannot map the callback's key: %s",
				     strerror(-r));
			return VM_HELPER_FAULT;
		}
		vm->cb_key_region = r;
	}
	/* one key buffer per frame: a callback may iterate another map */
	e.key = vm->cb_key[depth];
	e.key_addr = VM_ADDR(vm->cb_key_region, (uint64_t)depth * VM_CB_KEY_MAX);
	vm_map_foreach(m, each_elem, &e);
	if (e.fault)
		return VM_HELPER_FAULT;
	*ret = e.count;
	return VM_HELPER_OK;
}

/* bpf_tail_call(ctx, prog_array, index): the runner's hook finds the program; when there
 * is none (or no hook), the call falls through as the kernel's does, r0 untouched. */
HELPER(tail_call)
{
	const struct vm_prog *p;

	if (!vm_map_handle_find(vm, a[1])) {
		vm_fault_set(vm, VM_FAULT_HELPER_ARG,
			     "tail call through 0x%" PRIx64 ", which "
			     "is no map",
			     a[1]);
		return VM_HELPER_FAULT;
	}
	p = vm->tail_call ? vm->tail_call(vm->tail_call_arg, vm, a[1], (uint32_t)a[2]) : NULL;
	if (!p)
		return VM_HELPER_OK;
	vm->tail_prog = p;
	return VM_HELPER_TAIL_CALL;
}

/* ---------------------------------------------------------------- the kernel set */

static const struct {
	const char *name; /* helpers.def's name: the id comes from there */
	vm_helper_fn fn;
} kernel_helpers[] = {
	{"map_lookup_elem", h_map_lookup_elem},
	{"map_update_elem", h_map_update_elem},
	{"map_delete_elem", h_map_delete_elem},
	{"probe_read", h_probe_read},
	{"ktime_get_ns", h_ktime_get_ns},
	{"trace_printk", h_trace_printk},
	{"get_prandom_u32", h_get_prandom_u32},
	{"get_smp_processor_id", h_zero},
	{"tail_call", h_tail_call},
	{"loop", h_loop},
	{"for_each_map_elem", h_for_each_map_elem},
	{"get_current_pid_tgid", h_get_current_pid_tgid},
	{"get_current_uid_gid", h_get_current_uid_gid},
	{"get_current_comm", h_get_current_comm},
	{"perf_event_output", h_perf_event_output},
	{"get_numa_node_id", h_zero},
	{"probe_read_str", h_probe_read_str},
	{"map_push_elem", h_map_push_elem},
	{"map_pop_elem", h_map_pop_elem},
	{"map_peek_elem", h_map_peek_elem},
	{"probe_read_user", h_probe_read},
	{"probe_read_kernel", h_probe_read},
	{"probe_read_user_str", h_probe_read_str},
	{"probe_read_kernel_str", h_probe_read_str},
	{"jiffies64", h_jiffies64},
	{"ktime_get_boot_ns", h_ktime_get_ns},
	{"ringbuf_output", h_ringbuf_output},
	{"ringbuf_reserve", h_ringbuf_reserve},
	{"ringbuf_submit", h_ringbuf_submit},
	{"ringbuf_discard", h_ringbuf_discard},
	{"ringbuf_query", h_ringbuf_query},
	{"ktime_get_coarse_ns", h_ktime_get_ns},
	{"ktime_get_tai_ns", h_ktime_get_ns},
};

void vm_helpers_kernel(struct vm *vm)
{
	memset(vm->helpers, 0, sizeof(vm->helpers));
	vm->conformance = 0;
	for (size_t i = 0; i < sizeof(kernel_helpers) / sizeof(kernel_helpers[0]); i++) {
		const struct isa_helper *h = isa_helper_by_name(kernel_helpers[i].name);

		/* every name is in helpers.def (check_vm tests it); a missing one stays a
		 * fault "not available", never a wrong id */
		if (h && h->id >= 0 && (unsigned)h->id < VM_HELPER_MAX)
			vm->helpers[h->id] = kernel_helpers[i].fn;
	}
}

/* ---------------------------------------------------------------- the conformance set */

/* The bpf_conformance plugins' test helpers (ubpf_plugin's test_helpers.h, by behaviour). */
HELPER(c_gather_bytes)
{
	*ret = (a[0] & 0xff) << 32 | (a[1] & 0xff) << 24 | (a[2] & 0xff) << 16 |
	       (a[3] & 0xff) << 8 | (a[4] & 0xff);
	return VM_HELPER_OK;
}

HELPER(c_memfrob)
{
	uint8_t *p = vm_mem_ptr(vm, a[0], (uint32_t)a[1], 1);

	if (!p || (a[1] >> 32))
		return VM_HELPER_FAULT;
	for (uint64_t i = 0; i < a[1]; i++)
		p[i] ^= 42;
	*ret = 0;
	return VM_HELPER_OK;
}

HELPER(c_sqrti)
{
	/* floor(sqrt(a)) exactly, without libm */
	uint64_t x = a[0], res = 0, bit = 1ull << 62;

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= res + bit) {
			x -= res + bit;
			res = (res >> 1) + bit;
		} else {
			res >>= 1;
		}
		bit >>= 2;
	}
	*ret = res;
	return VM_HELPER_OK;
}

HELPER(c_strcmp)
{
	for (uint64_t i = 0;; i++) {
		const uint8_t *x = vm_mem_ptr(vm, a[0] + i, 1, 0);
		const uint8_t *y = x ? vm_mem_ptr(vm, a[1] + i, 1, 0) : NULL;

		if (!y)
			return VM_HELPER_FAULT;
		if (*x != *y || !*x) {
			*ret = (uint64_t)(int64_t)((int)*x - (int)*y);
			return VM_HELPER_OK;
		}
	}
}

/* unwind: returns its argument; 0 ends the program with r0 = 0 */
HELPER(c_unwind)
{
	*ret = a[0];
	return a[0] ? VM_HELPER_OK : VM_HELPER_STOP;
}

void vm_helpers_conformance(struct vm *vm)
{
	memset(vm->helpers, 0, sizeof(vm->helpers));
	vm->conformance = 1;
	vm->helpers[0] = h_c_gather_bytes;
	vm->helpers[1] = h_c_memfrob;
	vm->helpers[2] = h_zero;
	vm->helpers[3] = h_c_sqrti;
	vm->helpers[4] = h_c_strcmp;
	vm->helpers[5] = h_c_unwind;
}

int vm_helper_set(struct vm *vm, int id, vm_helper_fn fn)
{
	if (id < 0 || (unsigned)id >= VM_HELPER_MAX)
		return -EINVAL;
	vm->helpers[id] = fn;
	return 0;
}

/* ---------------------------------------------------------------- state */

void vm_clock_set(struct vm *vm, uint64_t ns)
{
	vm->clock_ns = ns;
}

void vm_seed_set(struct vm *vm, uint64_t seed)
{
	/* xorshift must not start at 0; mix so that seeds 1, 2, 3 diverge at once */
	vm->rnd_state = (seed ^ 0x9e3779b97f4a7c15ull) * 0xbf58476d1ce4e5b9ull;
	if (!vm->rnd_state)
		vm->rnd_state = 0x9e3779b97f4a7c15ull;
}

void vm_task_set(struct vm *vm, uint64_t pid_tgid, uint64_t uid_gid, const char *comm)
{
	vm->pid_tgid = pid_tgid;
	vm->uid_gid = uid_gid;
	memset(vm->comm, 0, sizeof(vm->comm));
	if (comm)
		strncpy(vm->comm, comm, sizeof(vm->comm) - 1);
}

const char *vm_printk_output(const struct vm *vm, size_t *len)
{
	if (len)
		*len = vm->printk.len;
	return vm->printk.len ? (const char *)vm->printk.data : "";
}

void vm_printk_clear(struct vm *vm)
{
	vm->printk.len = 0;
}
