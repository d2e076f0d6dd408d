; rtp_tail_call_ctx_clobbered.s - a tail call whose r1 is not the context.
; kernel: reject: R1 type=scalar expected=ctx
	.license "GPL"
	.map jmp, prog_array, key=4, value=4, entries=4
	.section raw_tracepoint/sys_enter
	.globl rtp_tail_call_ctx_clobbered
	.type rtp_tail_call_ctx_clobbered, @function
rtp_tail_call_ctx_clobbered:
	r1 = 0
	r2 = jmp ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
	.size rtp_tail_call_ctx_clobbered, .-rtp_tail_call_ctx_clobbered
