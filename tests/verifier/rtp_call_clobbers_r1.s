; rtp_call_clobbers_r1.s - after a bpf-to-bpf call r1-r5 are scratched, as after a helper call.
; kernel: reject: R1 !read_ok
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_call_clobbers_r1
	.type rtp_call_clobbers_r1, @function
rtp_call_clobbers_r1:
	r1 = 1
	call f
	r0 = r1
	exit
	.size rtp_call_clobbers_r1, .-rtp_call_clobbers_r1
	.type f, @function
f:
	r0 = 0
	exit
	.size f, .-f
