; sock_loop_cb_ctx_oob_write.s - the callback writes 8 bytes past its ctx (r10 - 8 of the caller): at the caller's r10 + 0.
; kernel: reject: invalid write to stack R2 off=0 size=8
	.license "GPL"
	.section socket
	.globl sock_loop_cb_ctx_oob_write
	.type sock_loop_cb_ctx_oob_write, @function
sock_loop_cb_ctx_oob_write:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	r1 = 10
	r2 = cb ll
	r3 = r10
	r3 += -8
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size sock_loop_cb_ctx_oob_write, .-sock_loop_cb_ctx_oob_write
	.type cb, @function
cb:
	r1 = 1
	*(u64 *)(r2 + 8) = r1
	r0 = 0
	exit
	.size cb, .-cb
