; tc_bpf_loop_callback.s - bpf_loop with a callback subprogram that returns 0.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_bpf_loop_callback
	.type tc_bpf_loop_callback, @function
tc_bpf_loop_callback:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size tc_bpf_loop_callback, .-tc_bpf_loop_callback
	.type cb, @function
cb:
	r0 = 0
	exit
	.size cb, .-cb
