; tp_loop_cb_ret_unknown.s - the callback returns bpf_get_prandom_u32(): not known to be 0 or 1.
; kernel: reject: At callback return the register R0 has unknown scalar value should have been in [0, 1]
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_loop_cb_ret_unknown
	.type tp_loop_cb_ret_unknown, @function
tp_loop_cb_ret_unknown:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size tp_loop_cb_ret_unknown, .-tp_loop_cb_ret_unknown
	.type cb, @function
cb:
	call bpf_get_prandom_u32
	exit
	.size cb, .-cb
