; tc_caller_saved_clobbered.s - a helper call scratches r1-r5: reading r1 after the call reads an unset register.
; kernel: reject: R1 !read_ok
	.license "GPL"
	.section tc
	.globl tc_caller_saved_clobbered
	.type tc_caller_saved_clobbered, @function
tc_caller_saved_clobbered:
	call bpf_ktime_get_ns
	r0 = r1
	exit
	.size tc_caller_saved_clobbered, .-tc_caller_saved_clobbered
