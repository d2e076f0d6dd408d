; kp_loop_cb_null_ctx_deref.s - bpf_loop with ctx 0: the callback's r2 is the number 0, not a pointer.
; kernel: reject: R2 invalid mem access 'scalar'
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_cb_null_ctx_deref
	.type kp_loop_cb_null_ctx_deref, @function
kp_loop_cb_null_ctx_deref:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size kp_loop_cb_null_ctx_deref, .-kp_loop_cb_null_ctx_deref
	.type cb, @function
cb:
	r0 = *(u64 *)(r2 + 0)
	r0 = 0
	exit
	.size cb, .-cb
