/* SPDX-License-Identifier: MIT */
/*
 * alu32_v3.c - 32-bit arithmetic built with -mcpu=v3: w registers for ALU, JMP32 compares,
 * 32-bit division, shifts and byte swaps (be16/be32 after -mcpu=v3 codegen).
 */
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;

#define SEC(name) __attribute__((section(name), used))

struct __sk_buff {
	__u32 len, pkt_type, mark, queue_mapping, protocol, vlan_present, vlan_tci, vlan_proto,
		priority, ingress_ifindex, ifindex, tc_index, cb[5], hash;
};

SEC("tc")
int alu32(struct __sk_buff *skb)
{
	__u32 a = skb->len, b = skb->mark | 1, c = skb->hash;
	__u32 r;

	r = a / b + a % b;
	r ^= c << (a & 31);
	r += (c >> 3) * 7;
	r = (r & 0xffff) | ((__u32)__builtin_bswap16((__u16)r) << 16);
	if ((int)r < -5 || r == skb->priority)
		r = __builtin_bswap32(r);
	if ((__u8)r > 200)
		r -= a;
	skb->cb[0] = r;
	return (int)(r & 1);
}

char _license[] SEC("license") = "GPL";
