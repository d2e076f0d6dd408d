; tp_atomic_xchg.s - exchanges a stack slot with a register.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_atomic_xchg
	.type tp_atomic_xchg, @function
tp_atomic_xchg:
	*(u64 *)(r10 - 8) = 5
	r1 = 1
	r1 = xchg_64(r10 - 8, r1)
	r0 = r1
	exit
	.size tp_atomic_xchg, .-tp_atomic_xchg
