; kp_loop_cb_no_btf.s - a bpf_loop callback without .type: no BTF func info,
; so the lddw of the callback is refused.
; kernel: reject: missing btf func_info
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_cb_no_btf
	.type kp_loop_cb_no_btf, @function
kp_loop_cb_no_btf:
	r6 = 1
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
cb:
	r0 = 0
	exit
