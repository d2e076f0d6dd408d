; kp_classic_uninit.s - classic syntax: returns r3, never set.
; kernel: reject: R3 !read_ok
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_classic_uninit
	.type kp_classic_uninit, @function
kp_classic_uninit:
	mov %r0, %r3
	exit
	.size kp_classic_uninit, .-kp_classic_uninit
