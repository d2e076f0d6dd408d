; xdp_bpf_loop_callback.s - bpf_loop with a callback subprogram that returns 0.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_bpf_loop_callback
	.type xdp_bpf_loop_callback, @function
xdp_bpf_loop_callback:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size xdp_bpf_loop_callback, .-xdp_bpf_loop_callback
	.type cb, @function
cb:
	r0 = 0
	exit
	.size cb, .-cb
