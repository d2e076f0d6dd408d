; xdp_loop_cb_tail_call.s - a bpf_loop callback that tail-calls (the context read back
; from the caller's stack): the kernel fails on it with a verifier bug (EFAULT).
; kernel: reject: verifier bug: callback unexpected regs 1
	.license "GPL"
	.map jt, prog_array, key=4, value=4, entries=4
	.section xdp
	.globl xdp_loop_cb_tail_call
	.type xdp_loop_cb_tail_call, @function
xdp_loop_cb_tail_call:
	*(u64 *)(r10 - 8) = r1
	r1 = 4
	r2 = cb ll
	r3 = r10
	r3 += -8
	r4 = 0
	call bpf_loop
	w0 = 2
	exit
	.text
	.type cb, @function
cb:
	r1 = *(u64 *)(r2 + 0)
	r2 = jt ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
