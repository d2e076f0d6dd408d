/* SPDX-License-Identifier: MIT */
/*
 * socket_filter.c - a socket filter with the legacy packet loads (ld_abs, ld_ind through
 * clang's __builtin_bpf_load_*): keeps IPv4 TCP segments to port 22, truncated to 96 bytes.
 */
typedef unsigned long long __u64;

#define SEC(name) __attribute__((section(name), used))

unsigned long long load_byte(void *skb, unsigned long long off) asm("llvm.bpf.load.byte");
unsigned long long load_half(void *skb, unsigned long long off) asm("llvm.bpf.load.half");
unsigned long long load_word(void *skb, unsigned long long off) asm("llvm.bpf.load.word");

SEC("socket")
int ssh_only(void *skb)
{
	__u64 ihl;

	if (load_half(skb, 12) != 0x0800)
		return 0;
	if (load_byte(skb, 14 + 9) != 6)
		return 0;
	if (load_half(skb, 14 + 6) & 0x1fff)
		return 0; /* a fragment: no TCP header */
	ihl = (load_byte(skb, 14) & 0xf) * 4;
	if (load_half(skb, 14 + ihl + 2) != 22)
		return 0;
	return load_word(skb, 14 + 12) == 0x7f000001 ? 0 : 96;
}

char _license[] SEC("license") = "GPL";
