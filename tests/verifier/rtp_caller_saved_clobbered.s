; rtp_caller_saved_clobbered.s - a helper call scratches r1-r5: reading r1 after the call reads an unset register.
; kernel: reject: R1 !read_ok
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_caller_saved_clobbered
	.type rtp_caller_saved_clobbered, @function
rtp_caller_saved_clobbered:
	call bpf_ktime_get_ns
	r0 = r1
	exit
	.size rtp_caller_saved_clobbered, .-rtp_caller_saved_clobbered
