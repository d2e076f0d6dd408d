; kp_caller_saved_clobbered.s - a helper call scratches r1-r5: reading r1 after the call reads an unset register.
; kernel: reject: R1 !read_ok
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_caller_saved_clobbered
	.type kp_caller_saved_clobbered, @function
kp_caller_saved_clobbered:
	call bpf_ktime_get_ns
	r0 = r1
	exit
	.size kp_caller_saved_clobbered, .-kp_caller_saved_clobbered
