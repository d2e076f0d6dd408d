; tp_loop_cb_index_is_64bit.s - the callback returns index >> 32: the verifier does not bound the index to u32.
; kernel: reject: At callback return the register R0 has smin=0 smax=4294967295 should have been in [0, 1]
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_loop_cb_index_is_64bit
	.type tp_loop_cb_index_is_64bit, @function
tp_loop_cb_index_is_64bit:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size tp_loop_cb_index_is_64bit, .-tp_loop_cb_index_is_64bit
	.type cb, @function
cb:
	r0 = r1
	r0 >>= 32
	exit
	.size cb, .-cb
