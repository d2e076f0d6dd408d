; xdp_caller_saved_clobbered.s - a helper call scratches r1-r5: reading r1 after the call reads an unset register.
; kernel: reject: R1 !read_ok
	.license "GPL"
	.section xdp
	.globl xdp_caller_saved_clobbered
	.type xdp_caller_saved_clobbered, @function
xdp_caller_saved_clobbered:
	call bpf_ktime_get_ns
	r0 = r1
	exit
	.size xdp_caller_saved_clobbered, .-xdp_caller_saved_clobbered
