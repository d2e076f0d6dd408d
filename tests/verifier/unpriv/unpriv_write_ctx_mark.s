; unpriv_write_ctx_mark.s - writes skb->mark, which socket filters may not.
; kernel: reject: invalid bpf_context access off=8 size=4
; kernel-unpriv: reject: invalid bpf_context access off=8 size=4
	.license "GPL"
	.section socket
	.globl unpriv_write_ctx_mark
	.type unpriv_write_ctx_mark, @function
unpriv_write_ctx_mark:
	r2 = 1
	*(u32 *)(r1 + 8) = r2
	r0 = 0
	exit
	.size unpriv_write_ctx_mark, .-unpriv_write_ctx_mark
