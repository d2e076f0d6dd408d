; sock_caller_saved_clobbered.s - a helper call scratches r1-r5: reading r1 after the call reads an unset register.
; kernel: reject: R1 !read_ok
	.license "GPL"
	.section socket
	.globl sock_caller_saved_clobbered
	.type sock_caller_saved_clobbered, @function
sock_caller_saved_clobbered:
	call bpf_ktime_get_ns
	r0 = r1
	exit
	.size sock_caller_saved_clobbered, .-sock_caller_saved_clobbered
