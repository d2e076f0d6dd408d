; xdp_for_each_cb_tail_call.s - a bpf_for_each_map_elem callback that tail-calls: the
; kernel fails on it with a verifier bug (EFAULT), as for bpf_loop.
; kernel: reject: verifier bug: callback unexpected regs 1
	.license "GPL"
	.map jt, prog_array, key=4, value=4, entries=4
	.map arr, array, key=4, value=8, entries=4
	.section xdp
	.globl xdp_for_each_cb_tail_call
	.type xdp_for_each_cb_tail_call, @function
xdp_for_each_cb_tail_call:
	*(u64 *)(r10 - 8) = r1
	r1 = arr ll
	r2 = cb ll
	r3 = r10
	r3 += -8
	r4 = 0
	call bpf_for_each_map_elem
	w0 = 2
	exit
	.text
	.type cb, @function
cb:
	r1 = *(u64 *)(r4 + 0)
	r2 = jt ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
