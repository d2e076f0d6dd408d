/* SPDX-License-Identifier: MIT */
/*
 * v4_ops.c - what -mcpu=v4 adds: signed division and modulo, sign-extending moves (movsx)
 * and loads (ldsx), bswap, and gotol: a branch over a body too long for a 16-bit offset.
 */
typedef signed char __s8;
typedef short __s16;
typedef int __s32;
typedef long long __s64;
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))

struct xdp_md {
	__u32 data, data_end, data_meta, ingress_ifindex, rx_queue_index, egress_ifindex;
};

/* 4 stores per X1; X4096 repeats them 4096 times: 16384 instructions, twice over */
#define X1(i)	 p[(i)&63] = (__u64)(i)*k;
#define X4(i)	 X1(i) X1((i) + 1) X1((i) + 2) X1((i) + 3)
#define X16(i)	 X4(i) X4((i) + 4) X4((i) + 8) X4((i) + 12)
#define X64(i)	 X16(i) X16((i) + 16) X16((i) + 32) X16((i) + 48)
#define X256(i)	 X64(i) X64((i) + 64) X64((i) + 128) X64((i) + 192)
#define X1024(i) X256(i) X256((i) + 256) X256((i) + 512) X256((i) + 768)
#define X4096(i) X1024(i) X1024((i) + 1024) X1024((i) + 2048) X1024((i) + 3072)

SEC("xdp")
int xdp_v4(struct xdp_md *ctx)
{
	__s8 *p8 = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	__s64 a, b, r;

	if ((void *)(p8 + 16) > end)
		return 2;
	a = p8[0];				     /* ldsx byte */
	b = *(__s16 *)(p8 + 2) | 1;		     /* ldsx half */
	r = a / b + a % b;			     /* sdiv, smod */
	r += (__s32) * (__s32 *)(p8 + 4) / (__s32)b; /* 32-bit sdiv, ldsx word */
	r += (__s64)(__s8)r;			     /* movsx */
	r ^= __builtin_bswap64((__u64)r);	     /* bswap64 */
	r += __builtin_bswap32((__u32)r);	     /* bswap32 */
	return (int)(r & 3);
}

SEC("xdp")
int xdp_long_jump(struct xdp_md *ctx)
{
	volatile __u64 *p = (void *)(long)ctx->data;
	__u64 k = ctx->rx_queue_index;

	if ((void *)(p + 64) > (void *)(long)ctx->data_end)
		return 2;
	if (k & 1) {
		X4096(0)
		X4096(4096)
	}
	return 1;
}

char _license[] SEC("license") = "GPL";
