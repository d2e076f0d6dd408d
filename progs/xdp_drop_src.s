# xdp_drop_src.s - drop IPv4 frames whose source address is 192.168.0.1, and count them.
#
# Shows: direct packet access in XDP. The verifier only lets a program read packet bytes
# after it has compared data + N with data_end, so the bounds check comes first; then the
# ethertype and the source address are compared in network byte order, as loaded.
#
# Run (as root):
#   ebpf-as xdp_drop_src.s -o xdp_drop_src.o
#   ip link set dev eth0 xdpgeneric obj xdp_drop_src.o sec xdp
#   bpftool map dump name drops         # key 0: frames dropped so far
#   ip link set dev eth0 xdpgeneric off

	.license "GPL"
	.map drops, array, key=4, value=8, entries=1

	.section xdp
	.globl xdp_drop_src
	.type xdp_drop_src, @function
xdp_drop_src:
	# struct xdp_md holds data and data_end as u32 fields; loading them is what turns
	# them into packet pointers the verifier tracks.
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)

	# Ethernet (14 bytes) and a minimal IPv4 header (20 bytes) must be in the frame:
	# after this check, reads from r2 up to r2 + 34 are allowed.
	r4 = r2
	r4 += 34
	if r4 > r3 goto pass

	# Ethertype at offset 12 is big-endian 0x0800; a u16 load on this little-endian
	# machine reads it as 0x0008.
	r4 = *(u16 *)(r2 + 12)
	if r4 != 0x0008 goto pass

	# Source address at 14 + 12 = 26: 192.168.0.1 is the bytes c0 a8 00 01, which a u32
	# load reads as 0x0100a8c0.
	r4 = *(u32 *)(r2 + 26)
	if r4 != 0x0100a8c0 goto pass

	# A match: count it in drops[0] before dropping.
	w1 = 0
	*(u32 *)(r10 - 4) = r1
	r2 = r10
	r2 += -4
	r1 = drops ll
	call bpf_map_lookup_elem
	if r0 == 0 goto drop
	r1 = 1
	lock *(u64 *)(r0 + 0) += r1

drop:
	# XDP_DROP
	w0 = 1
	exit

pass:
	# XDP_PASS: short frames, other protocols and other sources go on.
	w0 = 2
	exit
	.size xdp_drop_src, .-xdp_drop_src
