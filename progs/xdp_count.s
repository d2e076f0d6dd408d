# xdp_count.s - count every frame an interface receives, in an array map.
#
# Shows: a map declared with .map, a helper called by name, the NULL check the verifier
# insists on after bpf_map_lookup_elem, and an atomic add into the map value (several CPUs
# run the program at once, so a plain load/add/store would lose counts).
#
# Run (as root):
#   ebpf-as xdp_count.s -o xdp_count.o
#   ip link set dev eth0 xdpgeneric obj xdp_count.o sec xdp
#   bpftool map dump name counts        # key 0: frames seen so far
#   ip link set dev eth0 xdpgeneric off

	.license "GPL"
	.map counts, array, key=4, value=8, entries=1

	.section xdp
	.globl xdp_count
	.type xdp_count, @function
xdp_count:
	# Key 0 goes on the stack: helpers take pointers, and the stack frame is the one
	# place a program can point a helper at without a bounds check.
	w1 = 0
	*(u32 *)(r10 - 4) = r1
	r2 = r10
	r2 += -4
	r1 = counts ll
	call bpf_map_lookup_elem

	# Key 0 of a 1-entry array always exists, but the verifier types r0 as
	# map_value_or_null: it must be compared with 0 before it is dereferenced.
	if r0 == 0 goto out

	# One more frame; lock makes the read-modify-write atomic across CPUs.
	r1 = 1
	lock *(u64 *)(r0 + 0) += r1

out:
	# XDP_PASS: counting must not change what happens to the frame.
	w0 = 2
	exit
	.size xdp_count, .-xdp_count
