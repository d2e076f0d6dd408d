; kp_r10_write.s - assigns r10, the read-only frame pointer.
; kernel: reject: frame pointer is read only
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_r10_write
	.type kp_r10_write, @function
kp_r10_write:
	r10 = 0
	r0 = 0
	exit
	.size kp_r10_write, .-kp_r10_write
