/* SPDX-License-Identifier: MIT */
/*
 * globals.c - global data in .data, .rodata and .bss: each access is an lddw of the section
 * (map value pseudo source after relocation) plus an offset.
 */
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))

struct xdp_md {
	__u32 data, data_end, data_meta, ingress_ifindex, rx_queue_index, egress_ifindex;
};

__u64 packets = 1;			   /* .data */
__u64 bytes;				   /* .bss */
__u32 seen[4];				   /* .bss */
const volatile __u32 limit = 1500;	   /* .rodata */
const volatile __u32 verdicts[2] = {1, 2}; /* .rodata */

SEC("xdp")
int xdp_globals(struct xdp_md *ctx)
{
	__u32 len = ctx->data_end - ctx->data;

	packets++;
	bytes += len;
	seen[ctx->rx_queue_index & 3] = len;
	return verdicts[len > limit];
}

char _license[] SEC("license") = "GPL";
