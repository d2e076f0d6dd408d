/* SPDX-License-Identifier: MIT */
/*
 * xdp_array.c - XDP with an array map: parses Ethernet and IPv4 behind the bounds checks the
 * verifier wants, counts packets per IP protocol with an atomic add, drops UDP to port 9.
 * Self-contained (no libbpf headers) so that only clang is needed.
 */
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name)	  __attribute__((section(name), used))
#define __uint(name, val) int(*name)[val]
#define __type(name, val) typeof(val) *name

struct xdp_md {
	__u32 data, data_end, data_meta, ingress_ifindex, rx_queue_index, egress_ifindex;
};

struct ethhdr {
	__u8 h_dest[6], h_source[6];
	__u16 h_proto;
} __attribute__((packed));

struct iphdr {
	__u8 ihl_version, tos;
	__u16 tot_len, id, frag_off;
	__u8 ttl, protocol;
	__u16 check;
	__u32 saddr, daddr;
};

struct udphdr {
	__u16 source, dest, len, check;
};

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;

struct {
	__uint(type, 2); /* BPF_MAP_TYPE_ARRAY */
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} proto_count SEC(".maps");

SEC("xdp")
int xdp_count_proto(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = data + sizeof(*eth);
	struct udphdr *udp;
	__u32 key;
	__u64 *v;

	if ((void *)(ip + 1) > end)
		return 2; /* XDP_PASS */
	if (eth->h_proto != __builtin_bswap16(0x0800))
		return 2;
	key = ip->protocol;
	v = bpf_map_lookup_elem(&proto_count, &key);
	if (v)
		__sync_fetch_and_add(v, 1);
	if (ip->protocol != 17)
		return 2;
	udp = (void *)ip + (ip->ihl_version & 0xf) * 4;
	if ((void *)(udp + 1) > end)
		return 1; /* XDP_DROP: truncated */
	return udp->dest == __builtin_bswap16(9) ? 1 : 2;
}

char _license[] SEC("license") = "GPL";
