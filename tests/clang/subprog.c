/* SPDX-License-Identifier: MIT */
/*
 * subprog.c - bpf-to-bpf calls: a static subprogram called twice (a call relocation or a
 * resolved pc-relative call) and a global function, which the kernel verifies on its own.
 */
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))

struct xdp_md {
	__u32 data, data_end, data_meta, ingress_ifindex, rx_queue_index, egress_ifindex;
};

static __attribute__((noinline)) __u64 mix(__u64 a, __u64 b)
{
	a ^= b * 0x9e3779b97f4a7c15ULL;
	return (a << 13) | (a >> 51);
}

__attribute__((noinline)) int in_range(__u32 v, __u32 lo, __u32 hi)
{
	return v >= lo && v < hi;
}

SEC("xdp")
int xdp_subprog(struct xdp_md *ctx)
{
	__u64 h = mix(ctx->ingress_ifindex, ctx->rx_queue_index);

	h = mix(h, ctx->data_end - ctx->data);
	return in_range((__u32)h & 7, 1, 3) ? 1 : 2;
}

char _license[] SEC("license") = "GPL";
