; kp_r10_load_into.s - loads into r10 from the stack.
; kernel: reject: frame pointer is read only
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_r10_load_into
	.type kp_r10_load_into, @function
kp_r10_load_into:
	*(u64 *)(r10 - 8) = 0
	r10 = *(u64 *)(r10 - 8)
	r0 = 0
	exit
	.size kp_r10_load_into, .-kp_r10_load_into
