# xdp_trace_ipv4.s - print source, destination and protocol of every IPv4 frame.
#
# Shows: bpf_trace_printk with a format string built on the stack (a program has no
# string constants unless it uses a data section), bswap with be32 so the addresses print
# in the order people read them (c0a80001 is 192.168.0.1), and a byte load.
# trace_printk takes the format, its size, and at most three arguments.
#
# Run (as root):
#   ebpf-as xdp_trace_ipv4.s -o xdp_trace_ipv4.o
#   ip link set dev eth0 xdpgeneric obj xdp_trace_ipv4.o sec xdp
#   bpftool prog tracelog               # "src c0a80001 dst c0a80002 proto 6"
#   ip link set dev eth0 xdpgeneric off

	.license "GPL"

	.section xdp
	.globl xdp_trace_ipv4
	.type xdp_trace_ipv4, @function
xdp_trace_ipv4:
	# Bounds check first: Ethernet (14) + IPv4 header (20) must be in the frame.
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = r2
	r4 += 34
	if r4 > r3 goto out

	# IPv4 only: ethertype 0x0800, read little-endian as 0x0008.
	r4 = *(u16 *)(r2 + 12)
	if r4 != 0x0008 goto out

	# The three arguments, loaded before r2 is reused: saddr (offset 26) and daddr (30)
	# swapped to big-endian for printing, protocol (offset 23) as a byte.
	r3 = *(u32 *)(r2 + 26)
	r3 = be32 r3
	r4 = *(u32 *)(r2 + 30)
	r4 = be32 r4
	r5 = *(u8 *)(r2 + 23)

	# "src %x dst %x proto %d\n" and its NUL: 24 bytes, three little-endian u64 stores.
	r1 = 0x6420782520637273 ll
	*(u64 *)(r10 - 24) = r1
	r1 = 0x7270207825207473 ll
	*(u64 *)(r10 - 16) = r1
	r1 = 0xa6425206f746f ll
	*(u64 *)(r10 - 8) = r1

	# bpf_trace_printk(fmt, sizeof(fmt), saddr, daddr, proto); the size counts the NUL.
	r1 = r10
	r1 += -24
	w2 = 24
	call bpf_trace_printk

out:
	# XDP_PASS: tracing only watches.
	w0 = 2
	exit
	.size xdp_trace_ipv4, .-xdp_trace_ipv4
