; tp_atomic_fetch_add.s - fetch-and-add returns the old value in the source register.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_atomic_fetch_add
	.type tp_atomic_fetch_add, @function
tp_atomic_fetch_add:
	*(u64 *)(r10 - 8) = 5
	r1 = 1
	r1 = atomic_fetch_add((u64 *)(r10 - 8), r1)
	r0 = r1
	exit
	.size tp_atomic_fetch_add, .-tp_atomic_fetch_add
