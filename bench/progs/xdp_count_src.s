# xdp_count_src.s - count IPv4 frames per source address in a hash map: the benchmark's
# per-source hash counter (bench/run-bench.c), next to progs/xdp_drop_src.s (compare and
# drop) and progs/xdp_count.s (array counter).
#
# Shows: direct packet access bounds-checked against data_end before the source address is
# read, and the lookup-or-insert pattern of hash maps (a miss inserts 1 with BPF_NOEXIST,
# a hit adds 1 in place, atomically since several CPUs run the program at once). Every
# frame passes: counting must not change what happens to it.
#
# Run (as root):
#   ebpf-as xdp_count_src.s -o xdp_count_src.o
#   ebpf-run xdp_count_src.o capture.pcap   # map 'srcs': key = source (network order)

	.license "GPL"
	.map srcs, hash, key=4, value=8, entries=4096

	.section xdp
	.globl xdp_count_src
	.type xdp_count_src, @function
xdp_count_src:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)

	# Ethernet (14) and a minimal IPv4 header (20) must lie before data_end.
	r4 = r2
	r4 += 34
	if r4 > r3 goto out

	# Ethertype 0x0800, big-endian in the frame, reads as 0x0008.
	r4 = *(u16 *)(r2 + 12)
	if r4 != 0x0008 goto out

	# The key: the source address at 14 + 12, as stored (network byte order).
	r4 = *(u32 *)(r2 + 26)
	*(u32 *)(r10 - 4) = r4

	r2 = r10
	r2 += -4
	r1 = srcs ll
	call bpf_map_lookup_elem
	if r0 == 0 goto insert

	# Seen before: one more frame from this source.
	r1 = 1
	lock *(u64 *)(r0 + 0) += r1
	goto out

insert:
	# First frame from this source: insert a count of 1 (value at r10 - 16). When the
	# map is full the update fails and the frame goes uncounted.
	r1 = 1
	*(u64 *)(r10 - 16) = r1
	r1 = srcs ll
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -16
	r4 = 1
	call bpf_map_update_elem

out:
	# XDP_PASS
	w0 = 2
	exit
	.size xdp_count_src, .-xdp_count_src
