/* SPDX-License-Identifier: MIT */
/*
 * ctx.c - what a program may do with its context and which helpers it may call, per
 * program type: the kernel's *_is_valid_access() and *_func_proto() for the types a test
 * corpus exercises (xdp, socket filter, tc, cgroup skb, kprobe, tracepoint, raw tracepoint,
 * perf event). Other types get a permissive read-only context and every helper.
 */
#include "ctx.h"

#include <stddef.h>
#include <string.h>

/* struct __sk_buff (uapi), the fields the checks below name. */
enum {
	SKB_MARK = 8,
	SKB_QUEUE_MAPPING = 12,
	SKB_PRIORITY = 32,
	SKB_TC_INDEX = 44,
	SKB_CB0 = 48,
	SKB_CB_END = 68,
	SKB_TC_CLASSID = 72,
	SKB_DATA = 76,
	SKB_DATA_END = 80,
	SKB_FAMILY = 88,
	SKB_LOCAL_PORT_END = 140,
	SKB_DATA_META = 140,
	SKB_FLOW_KEYS = 144,
	SKB_TSTAMP = 152,
	SKB_WIRE_LEN = 160,
	SKB_SK = 168,
	SKB_TSTAMP_TYPE = 180,
	SKB_HWTSTAMP = 184,
	SKB_SIZE = 192,
};

#define PT_REGS_SIZE 168 /* x86_64 struct pt_regs */

static int in(int off, int lo, int end)
{
	return off >= lo && off < end;
}

static int skb_common(int off, int size, int write, struct vs_ctx_field *f)
{
	if (off < 0 || off >= SKB_SIZE || off % size)
		return 0;
	if (in(off, SKB_CB0, SKB_CB_END))
		return off + size <= SKB_CB_END;
	if (in(off, SKB_DATA, SKB_DATA + 4) || in(off, SKB_DATA_END, SKB_DATA_END + 4) ||
	    in(off, SKB_DATA_META, SKB_DATA_META + 4)) {
		if (size != 4)
			return 0;
		f->type = off == SKB_DATA ? VS_PKT : off == SKB_DATA_END ? VS_PKT_END : VS_PKT_META;
		return 1;
	}
	if (in(off, SKB_FLOW_KEYS, SKB_FLOW_KEYS + 8))
		return 0;
	if (in(off, SKB_HWTSTAMP, SKB_HWTSTAMP + 8))
		return !write && size == 8;
	if (in(off, SKB_TSTAMP, SKB_TSTAMP + 8))
		return size == 8;
	if (in(off, SKB_SK, SKB_SK + 8)) {
		if (write || size != 8 || off != SKB_SK)
			return 0;
		f->type = VS_SOCK_COMMON;
		f->maybe_null = 1;
		return 1;
	}
	if (in(off, SKB_TSTAMP_TYPE, SKB_HWTSTAMP))
		return 0;
	/* a u32 field: narrow reads allowed, writes whole */
	if (write)
		return size == 4;
	return size <= 4;
}

static int skb_access(int ptype, int off, int size, int write, struct vs_ctx_field *f)
{
	switch (ptype) {
	case VS_PT_SOCKET_FILTER:
		if (in(off, SKB_TC_CLASSID, SKB_TC_CLASSID + 4) ||
		    in(off, SKB_DATA, SKB_DATA + 4) || in(off, SKB_DATA_END, SKB_DATA_END + 4) ||
		    in(off, SKB_DATA_META, SKB_DATA_META + 4) ||
		    in(off, SKB_FAMILY, SKB_LOCAL_PORT_END) ||
		    in(off, SKB_TSTAMP, SKB_TSTAMP + 8) ||
		    in(off, SKB_WIRE_LEN, SKB_WIRE_LEN + 4) ||
		    in(off, SKB_HWTSTAMP, SKB_HWTSTAMP + 8))
			return 0;
		if (write && !in(off, SKB_CB0, SKB_CB_END))
			return 0;
		break;
	case VS_PT_SCHED_CLS:
	case VS_PT_SCHED_ACT:
		if (write && !in(off, SKB_MARK, SKB_MARK + 4) &&
		    !in(off, SKB_TC_INDEX, SKB_TC_INDEX + 4) &&
		    !in(off, SKB_PRIORITY, SKB_PRIORITY + 4) && !in(off, SKB_CB0, SKB_CB_END) &&
		    !in(off, SKB_TC_CLASSID, SKB_TC_CLASSID + 4) &&
		    !in(off, SKB_TSTAMP, SKB_TSTAMP + 8) &&
		    !in(off, SKB_QUEUE_MAPPING, SKB_QUEUE_MAPPING + 4))
			return 0;
		if (in(off, SKB_FAMILY, SKB_LOCAL_PORT_END))
			return 0;
		break;
	default: /* cgroup_skb and the rest of the skb family */
		if (write && !in(off, SKB_MARK, SKB_MARK + 4) &&
		    !in(off, SKB_PRIORITY, SKB_PRIORITY + 4) && !in(off, SKB_CB0, SKB_CB_END))
			return 0;
		if (in(off, SKB_TC_CLASSID, SKB_TC_CLASSID + 4) ||
		    in(off, SKB_DATA_META, SKB_DATA_META + 4))
			return 0;
		break;
	}
	return skb_common(off, size, write, f);
}

int vs_ctx_access(int ptype, int attach, int off, int size, int write, struct vs_ctx_field *f)
{
	memset(f, 0, sizeof(*f));
	f->type = VS_SCALAR;
	switch (ptype) {
	case VS_PT_XDP:
		if (write || off < 0 || off >= 24 || off % size || size != 4)
			return 0;
		if (off == 20 && attach != 33 /* xdp_devmap */)
			return 0;
		if (off == 0)
			f->type = VS_PKT;
		else if (off == 4)
			f->type = VS_PKT_END;
		else if (off == 8)
			f->type = VS_PKT_META;
		return 1;
	case VS_PT_SOCKET_FILTER:
	case VS_PT_SCHED_CLS:
	case VS_PT_SCHED_ACT:
	case VS_PT_CGROUP_SKB:
	case VS_PT_LWT_IN:
	case VS_PT_LWT_OUT:
	case VS_PT_LWT_XMIT:
	case VS_PT_SK_SKB:
		return skb_access(ptype, off, size, write, f);
	case VS_PT_KPROBE:
		return !write && off >= 0 && off + size <= PT_REGS_SIZE && off % size == 0;
	case VS_PT_TRACEPOINT:
		/* the kernel compares off < sizeof(void *) unsigned: negative offsets pass */
		return !write && (size_t)off >= sizeof(void *) && off < 8192 && off % size == 0;
	case VS_PT_RAW_TRACEPOINT:
	case VS_PT_RAW_TRACEPOINT_WRITABLE:
		return !write && off >= 0 && off < 8 * 12 && off % size == 0;
	case VS_PT_PERF_EVENT:
		return !write && off >= 0 && off + size <= PT_REGS_SIZE + 16 && off % size == 0;
	default:
		return !write && off >= 0 && off < 512 && off % size == 0;
	}
}

/* ---- helpers per program type ---- */

enum { H_BASE, H_TRACE, H_SKB_RO, H_SKB_RW, H_XDP, H_NET, H_TC_XDP, H_OTHER };

static int helper_class(int id)
{
	switch (id) {
	case 4:
	case 45:
	case 112:
	case 114:
	case 22:
	case 55:
	case 27:
	case 67:
	case 141:
	case 36:
	case 58:
	case 109:
	case 117:
	case 173:
	case 174:
	case 175:
	case 176:
	case 147:
	case 148:
	case 149:
	case 119:
	case 120:
	case 183:
	case 184:
	case 185:
	case 191:
	case 179:
	case 180:
	case 37:
	case 123:
	case 56:
		return H_TRACE;
	case 26:
	case 68:
	case 46:
	case 47:
	case 17:
	case 79:
	case 83:
	case 151:
	case 34:
		return H_SKB_RO;
	case 9:
	case 10:
	case 11:
	case 13:
	case 18:
	case 19:
	case 20:
	case 21:
	case 29:
	case 30:
	case 31:
	case 32:
	case 33:
	case 38:
	case 39:
	case 40:
	case 41:
	case 43:
	case 48:
	case 50:
	case 66:
	case 97:
	case 135:
	case 152:
	case 155:
	case 192:
	case 24:
	case 95:
	case 96:
	case 98:
	case 124:
		return H_SKB_RW;
	case 44:
	case 54:
	case 65:
	case 51:
	case 188:
	case 189:
	case 190:
	case 121:
		return H_XDP;
	case 23:
	case 28:
	case 84:
	case 85:
	case 86:
	case 99:
	case 69:
	case 163:
	case 100:
	case 110:
		return H_TC_XDP;
	case 25:
		return H_NET; /* every variant */
	case 1:
	case 2:
	case 3:
	case 5:
	case 6:
	case 7:
	case 8:
	case 12:
	case 14:
	case 15:
	case 16:
	case 35:
	case 42:
	case 80:
	case 87:
	case 88:
	case 89:
	case 93:
	case 94:
	case 105:
	case 106:
	case 113:
	case 115:
	case 118:
	case 125:
	case 130:
	case 131:
	case 132:
	case 133:
	case 134:
	case 153:
	case 154:
	case 158:
	case 160:
	case 164:
	case 165:
	case 169:
	case 170:
	case 171:
	case 172:
	case 177:
	case 181:
	case 182:
	case 194:
	case 195:
	case 197:
	case 198:
	case 199:
	case 200:
	case 201:
	case 202:
	case 203:
	case 206:
	case 207:
	case 208:
	case 209: /* user_ringbuf_drain */
		return H_BASE;
	}
	return H_OTHER;
}

static int is_skb_type(int t)
{
	return t == VS_PT_SOCKET_FILTER || t == VS_PT_SCHED_CLS || t == VS_PT_SCHED_ACT ||
	       t == VS_PT_CGROUP_SKB || t == VS_PT_LWT_IN || t == VS_PT_LWT_OUT ||
	       t == VS_PT_LWT_XMIT || t == VS_PT_SK_SKB;
}

static int is_trace_type(int t)
{
	return t == VS_PT_KPROBE || t == VS_PT_TRACEPOINT || t == VS_PT_PERF_EVENT ||
	       t == VS_PT_RAW_TRACEPOINT || t == VS_PT_RAW_TRACEPOINT_WRITABLE ||
	       t == VS_PT_TRACING || t == VS_PT_LSM;
}

int vs_helper_allowed(int ptype, int id)
{
	int c = helper_class(id);
	int known = is_skb_type(ptype) || is_trace_type(ptype) || ptype == VS_PT_XDP;

	if (!known)
		return 1;
	switch (c) {
	case H_BASE:
		return 1;
	case H_TRACE:
		if (id == 58) /* override_return: kprobes only */
			return ptype == VS_PT_KPROBE;
		return is_trace_type(ptype);
	case H_SKB_RO:
		return is_skb_type(ptype);
	case H_SKB_RW:
		return ptype == VS_PT_SCHED_CLS || ptype == VS_PT_SCHED_ACT ||
		       ptype == VS_PT_LWT_XMIT || ptype == VS_PT_SK_SKB;
	case H_XDP:
		return ptype == VS_PT_XDP;
	case H_TC_XDP:
		return ptype == VS_PT_XDP || ptype == VS_PT_SCHED_CLS || ptype == VS_PT_SCHED_ACT;
	case H_NET:
		return 1;
	}
	return is_trace_type(ptype);
}

/*
 * Helpers a socket filter may call only with CAP_BPF or CAP_PERFMON: the kernel's
 * bpf_base_func_proto hands them out past its capability checks, and sk_filter_func_proto
 * keeps some of its own behind them. Measured on Linux 6.18 by loading a call of every id
 * 1..211 as root and as uid 65534 (tests/verifier/unpriv/ keeps a sample). Sorted.
 */
static const uint8_t priv_helpers[] = {
	6,   16,  17,  22,  35,	 37,  55,  80,	93,  94,  109, 112, 113, 114,
	115, 117, 118, 123, 136, 137, 138, 139, 140, 141, 148, 149, 153, 154,
	156, 157, 158, 164, 165, 169, 170, 171, 172, 175, 176, 177, 178, 180,
	181, 191, 194, 196, 197, 198, 199, 200, 201, 202, 203, 209, 210, 211,
};

int vs_helper_needs_priv(int id)
{
	for (size_t i = 0; i < sizeof(priv_helpers) && priv_helpers[i] <= id; i++)
		if (priv_helpers[i] == id)
			return 1;
	return 0;
}

/* Return value ranges (check_return_code); 0 when the type does not check. */
int vs_ret_range(int ptype, int attach, int64_t *lo, int64_t *hi)
{
	switch (ptype) {
	case VS_PT_CGROUP_SKB:
		*lo = 0;
		*hi = attach == 1 /* cgroup_inet_egress */ ? 3 : 1;
		return 1;
	case VS_PT_CGROUP_SOCK:
	case VS_PT_SOCK_OPS:
	case VS_PT_CGROUP_DEVICE:
	case VS_PT_CGROUP_SYSCTL:
	case VS_PT_CGROUP_SOCKOPT:
	case VS_PT_CGROUP_SOCK_ADDR:
	case VS_PT_SK_LOOKUP:
	case VS_PT_NETFILTER:
		*lo = 0;
		*hi = 1;
		return 1;
	}
	return 0;
}
