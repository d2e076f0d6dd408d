; tp_loop_cb_calls_subprog.s - the callback returns what a bpf-to-bpf call of its own returns (1).
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_loop_cb_calls_subprog
	.type tp_loop_cb_calls_subprog, @function
tp_loop_cb_calls_subprog:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size tp_loop_cb_calls_subprog, .-tp_loop_cb_calls_subprog
	.type cb, @function
cb:
	call f
	exit
	.size cb, .-cb
	.type f, @function
f:
	r0 = 1
	exit
	.size f, .-f
