; kp_uninit_r0.s - exit without writing r0: the return value is uninitialised.
; kernel: reject: R0 !read_ok
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_uninit_r0
	.type kp_uninit_r0, @function
kp_uninit_r0:
	exit
	.size kp_uninit_r0, .-kp_uninit_r0
