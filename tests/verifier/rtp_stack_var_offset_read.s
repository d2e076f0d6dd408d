; rtp_stack_var_offset_read.s - reads the stack at a variable offset (0..7 below r10 - 16) of initialised bytes.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_stack_var_offset_read
	.type rtp_stack_var_offset_read, @function
rtp_stack_var_offset_read:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	*(u64 *)(r10 - 16) = r1
	call bpf_get_prandom_u32
	r0 &= 7
	r1 = r10
	r1 += -16
	r1 += r0
	r0 = *(u8 *)(r1 + 0)
	exit
	.size rtp_stack_var_offset_read, .-rtp_stack_var_offset_read
