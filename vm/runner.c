/* SPDX-License-Identifier: MIT */
/*
 * runner.c - one program of an object run over packets (see runner.h).
 */
#include "runner.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/bpf.h>
#include <linux/pkt_cls.h>

#include "asm/asm.h"
#include "common/buf.h"
#include "common/mem.h"

#define VCACHE 8u /* vcache's rows */
_Static_assert(VM_RUNNER_MAX_VERDICTS <= 256, "a row fits vcache's uint8_t");

struct vm_runner {
	struct vm *vm;
	struct obj *obj;
	struct vm_obj *vo;
	struct vm_ctx *ctx;
	const struct vm_prog *prog;
	size_t prog_idx;
	uint32_t prog_type;
	struct vm_ctx_meta meta;
	char *text; /* the assembly source, kept for diagnostics' source lines */
	uint8_t frame[VM_CAPTURE_MAX_PACKET + 16];
	/* why the last frame was skipped, formatted only when asked (most never are) */
	enum { SKIP_NONE, SKIP_LINK, SKIP_LONG, SKIP_REFUSED } skip_kind;
	int skip_linktype, skip_err;
	uint32_t skip_len;
	char skip[160];
	char vbuf[40]; /* "unknown (7)" */
	const char *verdict_ptr[VM_RUNNER_MAX_VERDICTS];
	/* what a return value below VCACHE was the last time (name, class, row of st's
	 * verdicts: rows never move): most runs return one of a few small numbers */
	struct {
		const char *name; /* NULL: not seen yet */
		uint8_t cls;
		uint8_t row;
	} vcache[VCACHE];
	struct vm_runner_stats st;
};

/* ---------------------------------------------------------------- loading */

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Read all of @path ("-": standard input) as a NUL-terminated text. */
static int slurp(const char *path, char **text, size_t *len, struct diag *d)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	struct buf b = {0};
	int err;

	if (!f) {
		err = -errno;
		diag_error(d, NULL, "%s: %s", path, strerror(errno));
		return err;
	}
	err = buf_read_file(&b, f);
	if (err == -EIO)
		diag_error(d, NULL, "%s: read error: %s", path, strerror(errno));
	if (f != stdin)
		fclose(f);
	if (err) {
		buf_free(&b);
		return err;
	}
	*len = b.len;
	*text = (char *)b.data;
	return 0;
}

static int load_object(struct vm_runner *r, const char *path, struct diag *d)
{
	size_t len = 0;
	int err;

	if (!ends_with(path, ".s") && !ends_with(path, ".S") && strcmp(path, "-") != 0)
		return obj_read_file(path, &r->obj, d);
	err = slurp(path, &r->text, &len, d);
	if (err)
		return err;
	r->obj = obj_new();
	if (!r->obj)
		return -ENOMEM;
	return asm_source_assemble(strcmp(path, "-") ? path : "<stdin>", r->text, len, r->obj, d);
}

int vm_runner_new(const struct vm_runner_opts *opts, struct vm_runner **out, struct diag *d)
{
	struct vm_obj_opts oo = {.name = opts->path, .prog_type = opts->prog_type};
	struct vm_runner *r;
	const char *what = opts->prog ? opts->prog : opts->section;
	int err, idx, type;

	*out = NULL;
	r = calloc(1, sizeof(*r));
	if (!r)
		return -ENOMEM;
	err = load_object(r, opts->path, d);
	if (err)
		goto fail;
	r->vm = vm_new();
	if (!r->vm) {
		err = -ENOMEM;
		goto fail;
	}
	vm_budget_set(r->vm, opts->budget);
	vm_seed_set(r->vm, opts->seed);
	err = vm_obj_load(r->vm, r->obj, &oo, &r->vo, d);
	if (err)
		goto fail;
	idx = vm_obj_prog_find(r->vo, what, d);
	if (idx < 0) {
		err = idx;
		goto fail;
	}
	if (opts->section && !opts->prog &&
	    strcmp(vm_obj_prog_section(r->vo, (size_t)idx), opts->section) != 0) {
		/* vm_obj_prog_find also takes a program name; --section means the section */
		diag_error(d, NULL, "%s: no section '%s' (program '%s' is in '%s')", opts->path,
			   opts->section, vm_obj_prog_name(r->vo, (size_t)idx),
			   vm_obj_prog_section(r->vo, (size_t)idx));
		err = -ENOENT;
		goto fail;
	}
	r->prog_idx = (size_t)idx;
	r->prog = vm_obj_prog(r->vo, r->prog_idx);
	type = vm_obj_prog_type(r->vo, r->prog_idx);
	if (type <= 0) {
		diag_error(d, NULL,
			   "%s: section '%s' of program '%s' names no program type; say which "
			   "with --type (xdp, sched_cls, socket_filter)",
			   opts->path, vm_obj_prog_section(r->vo, r->prog_idx),
			   vm_obj_prog_name(r->vo, r->prog_idx));
		err = -EINVAL;
		goto fail;
	}
	r->prog_type = (uint32_t)type;
	r->ctx = vm_ctx_new(r->vm, r->prog_type, d);
	if (!r->ctx) {
		err = -EOPNOTSUPP;
		goto fail;
	}
	r->meta.ifindex = opts->ifindex;
	r->meta.ingress_ifindex = opts->ifindex;
	r->meta.rx_queue_index = opts->rx_queue;
	*out = r;
	return 0;
fail:
	vm_runner_free(r);
	return err;
}

void vm_runner_free(struct vm_runner *r)
{
	if (!r)
		return;
	vm_ctx_free(r->ctx);
	vm_obj_free(r->vo);
	vm_free(r->vm);
	obj_free(r->obj);
	free(r->text);
	free(r);
}

struct vm *vm_runner_vm(const struct vm_runner *r)
{
	return r->vm;
}

struct vm_obj *vm_runner_obj(const struct vm_runner *r)
{
	return r->vo;
}

const struct obj *vm_runner_object(const struct vm_runner *r)
{
	return r->obj;
}

const struct vm_prog *vm_runner_prog(const struct vm_runner *r)
{
	return r->prog;
}

uint32_t vm_runner_prog_type(const struct vm_runner *r)
{
	return r->prog_type;
}

const char *vm_runner_prog_name(const struct vm_runner *r)
{
	return vm_obj_prog_name(r->vo, r->prog_idx);
}

const char *vm_runner_prog_section(const struct vm_runner *r)
{
	return vm_obj_prog_section(r->vo, r->prog_idx);
}

const struct vm_runner_stats *vm_runner_stats(const struct vm_runner *r)
{
	return &r->st;
}

const char *vm_runner_skip_reason(struct vm_runner *r)
{
	switch (r->skip_kind) {
	case SKIP_NONE:
		r->skip[0] = '\0';
		break;
	case SKIP_LINK:
		snprintf(r->skip, sizeof(r->skip),
			 "frame of %u bytes is shorter than its %s header", r->skip_len,
			 vm_capture_linktype_name(r->skip_linktype));
		break;
	case SKIP_LONG:
		snprintf(r->skip, sizeof(r->skip),
			 "frame of %u bytes is longer than the kernel's test run takes for this "
			 "program type (%u bytes)",
			 r->skip_len,
			 r->prog_type == BPF_PROG_TYPE_XDP ? VM_CTX_XDP_MAX_PKT
							   : VM_CTX_SKB_MAX_LEN);
		break;
	case SKIP_REFUSED:
		snprintf(r->skip, sizeof(r->skip), "frame of %u bytes refused by the context (%s)",
			 r->skip_len,
			 r->skip_len < VM_CTX_ETH_HLEN ? "shorter than an Ethernet header"
						       : strerror(-r->skip_err));
		break;
	}
	return r->skip;
}

const char *vm_runner_class_name(enum vm_runner_class c)
{
	static const char *const names[VM_RUNNER_NCLASSES] = {"pass", "drop", "tx", "redirect"};

	return (unsigned)c < VM_RUNNER_NCLASSES ? names[c] : "?";
}

/* ---------------------------------------------------------------- link types */

#define ETH_HLEN   14u
#define ETH_P_IP   0x0800u
#define ETH_P_IPV6 0x86ddu
#define SLL_HLEN   16u
#define SLL2_HLEN  20u
#define NULL_HLEN  4u

int vm_runner_linktype_check(int linktype, const char *name, struct diag *d)
{
	switch (linktype) {
	case VM_CAPTURE_LINK_EN10MB:
	case VM_CAPTURE_LINK_RAW:
	case VM_CAPTURE_LINK_IPV4:
	case VM_CAPTURE_LINK_IPV6:
	case VM_CAPTURE_LINK_NULL:
	case VM_CAPTURE_LINK_LINUX_SLL:
	case VM_CAPTURE_LINK_LINUX_SLL2:
		return 0;
	}
	diag_error(d, &(struct diag_loc){.file = name},
		   "link type %s (%s) is not supported: programs run on Ethernet frames, and "
		   "ebpf-run converts raw IP, BSD loopback and Linux cooked captures",
		   vm_capture_linktype_name(linktype), vm_capture_linktype_describe(linktype));
	return -ENOTSUP;
}

static uint16_t ip_ethertype(const uint8_t *ip, uint32_t len)
{
	if (len && (ip[0] >> 4) == 6)
		return ETH_P_IPV6;
	return ETH_P_IP;
}

/*
 * @data as an Ethernet frame in r->frame (or @data itself for Ethernet captures): the frame
 * and its length, or NULL when the frame is too short for its link header.
 */
static const uint8_t *to_ethernet(struct vm_runner *r, const uint8_t *data, uint32_t len,
				  int linktype, uint32_t *out_len)
{
	uint8_t *f = r->frame;
	uint32_t hdr = 0;
	uint16_t proto = 0;

	if (linktype == VM_CAPTURE_LINK_EN10MB) {
		*out_len = len;
		return data;
	}
	memset(f, 0, ETH_HLEN);
	switch (linktype) {
	case VM_CAPTURE_LINK_RAW:
		proto = ip_ethertype(data, len);
		break;
	case VM_CAPTURE_LINK_IPV4:
		proto = ETH_P_IP;
		break;
	case VM_CAPTURE_LINK_IPV6:
		proto = ETH_P_IPV6;
		break;
	case VM_CAPTURE_LINK_NULL:
		/* 4-byte address family in the capturing host's byte order: 2 is AF_INET; the
		 * IPv6 values differ per BSD (24, 28, 30), so look at the IP version */
		hdr = NULL_HLEN;
		if (len < hdr)
			return NULL;
		proto = ip_ethertype(data + hdr, len - hdr);
		break;
	case VM_CAPTURE_LINK_LINUX_SLL:
		/* packet type 2, ARPHRD 2, address length 2, address 8, protocol 2 */
		hdr = SLL_HLEN;
		if (len < hdr)
			return NULL;
		memcpy(f + 6, data + 6, 6);
		proto = (uint16_t)(data[14] << 8 | data[15]);
		break;
	case VM_CAPTURE_LINK_LINUX_SLL2:
		/* protocol 2, reserved 2, ifindex 4, ARPHRD 2, packet type 1, address length
		 * 1, address 8 */
		hdr = SLL2_HLEN;
		if (len < hdr)
			return NULL;
		memcpy(f + 6, data + 12, 6);
		proto = (uint16_t)(data[0] << 8 | data[1]);
		break;
	default:
		return NULL;
	}
	if (len - hdr > sizeof(r->frame) - ETH_HLEN)
		return NULL;
	f[12] = (uint8_t)(proto >> 8);
	f[13] = (uint8_t)proto;
	memcpy(f + ETH_HLEN, data + hdr, len - hdr);
	*out_len = ETH_HLEN + len - hdr;
	return f;
}

/* ---------------------------------------------------------------- running */

static enum vm_runner_class classify(uint32_t type, uint64_t r0)
{
	switch (type) {
	case BPF_PROG_TYPE_XDP:
		switch (r0) {
		case XDP_PASS:
			return VM_RUNNER_PASS;
		case XDP_TX:
			return VM_RUNNER_TX;
		case XDP_REDIRECT:
			return VM_RUNNER_REDIRECT;
		default:
			return VM_RUNNER_DROP;
		}
	case BPF_PROG_TYPE_SCHED_CLS:
	case BPF_PROG_TYPE_SCHED_ACT:
		switch ((int32_t)r0) {
		case TC_ACT_UNSPEC:
		case TC_ACT_OK:
		case TC_ACT_RECLASSIFY:
		case TC_ACT_PIPE:
			return VM_RUNNER_PASS;
		case TC_ACT_REDIRECT:
			return VM_RUNNER_REDIRECT;
		default:
			return VM_RUNNER_DROP;
		}
	default:
		return (uint32_t)r0 ? VM_RUNNER_PASS : VM_RUNNER_DROP;
	}
}

/* Count a run with verdict @name in its row (made on first sight); returns the row. */
static size_t count_verdict(struct vm_runner *r, const char *name)
{
	struct vm_runner_stats *st = &r->st;
	size_t i;

	/* the names come from static tables: the same pointer is the same row, the fast
	 * case of every packet after the first of its verdict */
	for (i = 0; i < st->nverdicts; i++)
		if (r->verdict_ptr[i] == name) {
			st->verdicts[i].count++;
			return i;
		}
	for (i = 0; i < st->nverdicts; i++)
		if (strcmp(st->verdicts[i].name, name) == 0)
			break;
	if (i == st->nverdicts) {
		if (i == VM_RUNNER_MAX_VERDICTS)
			i--; /* the last row collects the rest */
		else
			st->nverdicts++;
		snprintf(st->verdicts[i].name, sizeof(st->verdicts[i].name), "%s",
			 i == VM_RUNNER_MAX_VERDICTS - 1 ? "other" : name);
		/* only names that outlive the call (not the "unknown (N)" buffer) */
		r->verdict_ptr[i] = name == r->vbuf ? NULL : name;
	}
	st->verdicts[i].count++;
	return i;
}

int vm_runner_packet(struct vm_runner *r, const uint8_t *data, uint32_t len, int linktype,
		     uint64_t ts_ns, struct vm_runner_result *res)
{
	const uint8_t *frame;
	const char *name;
	uint32_t flen = 0;
	int err;

	res->out = NULL;
	res->out_len = 0;
	res->insns = 0;
	res->verdict = NULL;
	frame = to_ethernet(r, data, len, linktype, &flen);
	if (!frame) {
		if (vm_runner_linktype_check(linktype, NULL, NULL))
			return -ENOTSUP;
		r->skip_kind = SKIP_LINK;
		r->skip_len = len;
		r->skip_linktype = linktype;
		r->st.skipped++;
		return -EINVAL;
	}
	err = vm_ctx_packet(r->ctx, frame, flen, &r->meta);
	if (err) {
		r->skip_kind = err == -EMSGSIZE ? SKIP_LONG : SKIP_REFUSED;
		r->skip_len = flen;
		r->skip_err = err;
		r->st.skipped++;
		return err == -EMSGSIZE ? err : -EINVAL;
	}
	vm_clock_set(r->vm, ts_ns);
	err = vm_ctx_run(r->ctx, r->prog, &res->ctx);
	if (err)
		return err;
	res->insns = vm_executed(r->vm);
	r->st.packets++;
	r->st.bytes += flen;
	r->st.insns += res->insns;
	if (res->ctx.fault) {
		r->st.faults++;
		res->cls = VM_RUNNER_DROP;
		res->verdict = "fault";
		count_verdict(r, res->verdict);
	} else if (res->ctx.r0 < VCACHE && r->vcache[res->ctx.r0].name) {
		/* the same value as before: the same verdict, class and row */
		res->verdict = r->vcache[res->ctx.r0].name;
		res->cls = r->vcache[res->ctx.r0].cls;
		r->st.verdicts[r->vcache[res->ctx.r0].row].count++;
	} else {
		size_t row;

		res->cls = classify(r->prog_type, res->ctx.r0);
		name = vm_ctx_verdict_name(r->prog_type, res->ctx.r0);
		if (!name) {
			snprintf(r->vbuf, sizeof(r->vbuf), "unknown (%lld)",
				 (long long)res->ctx.r0);
			name = r->vbuf;
		}
		res->verdict = name;
		row = count_verdict(r, name);
		if (res->ctx.r0 < VCACHE && name != r->vbuf) {
			r->vcache[res->ctx.r0].name = name;
			r->vcache[res->ctx.r0].cls = (uint8_t)res->cls;
			r->vcache[res->ctx.r0].row = (uint8_t)row;
		}
	}
	r->st.classes[res->cls]++;

	/* the output packet */
	switch (r->prog_type) {
	case BPF_PROG_TYPE_XDP:
		res->out = res->ctx.pkt + res->ctx.meta_len;
		res->out_len = res->ctx.pkt_len - res->ctx.meta_len;
		break;
	case BPF_PROG_TYPE_SCHED_CLS:
	case BPF_PROG_TYPE_SCHED_ACT:
		res->out = res->ctx.pkt;
		res->out_len = res->ctx.pkt_len;
		break;
	default: {
		/* a socket filter cannot change the packet; it keeps r0 bytes from the network
		 * header on */
		uint64_t keep = (uint32_t)res->ctx.r0;

		res->out = frame;
		res->out_len = flen;
		if (!res->ctx.fault && keep < flen - ETH_HLEN)
			res->out_len = ETH_HLEN + (uint32_t)keep;
		break;
	}
	}
	if (res->ctx.fault) {
		/* the packet as it came in */
		res->out = frame;
		res->out_len = flen;
	}
	return 0;
}
