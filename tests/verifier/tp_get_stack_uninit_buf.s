; tp_get_stack_uninit_buf.s - bpf_get_stack into a stack buffer: it need not be initialised.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_get_stack_uninit_buf
	.type tp_get_stack_uninit_buf, @function
tp_get_stack_uninit_buf:
	r2 = r10
	r2 += -64
	r3 = 64
	r4 = 0
	call bpf_get_stack
	r0 = 0
	exit
	.size tp_get_stack_uninit_buf, .-tp_get_stack_uninit_buf
