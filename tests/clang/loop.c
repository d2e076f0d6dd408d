/* SPDX-License-Identifier: MIT */
/*
 * loop.c - a bounded loop the compiler keeps as a loop (a backward jump): a checksum over the
 * first bytes of the packet, each access bounds-checked.
 */
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;

#define SEC(name) __attribute__((section(name), used))

struct xdp_md {
	__u32 data, data_end, data_meta, ingress_ifindex, rx_queue_index, egress_ifindex;
};

SEC("xdp")
int xdp_sum(struct xdp_md *ctx)
{
	__u8 *p = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	__u32 sum = 0;

#pragma clang loop unroll(disable)
	for (int i = 0; i < 64; i++) {
		if (p + i + 1 > end)
			break;
		sum += p[i];
		sum = (sum & 0xffff) + (sum >> 16);
	}
	return sum == 0xffff ? 1 : 2;
}

char _license[] SEC("license") = "GPL";
