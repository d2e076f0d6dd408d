; tp_jmp32_upper_unknown.s - a 32-bit compare bounds only the low half of a 64-bit value: the index stays unbounded.
; kernel: reject: math between map_value pointer and register with unbounded min value is not allowed
	.license "GPL"
	.map arr, array, key=4, value=64, entries=4
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_jmp32_upper_unknown
	.type tp_jmp32_upper_unknown, @function
tp_jmp32_upper_unknown:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r6 = r0
	call bpf_get_prandom_u32
	r7 = r0
	call bpf_get_prandom_u32
	r0 <<= 32
	r0 |= r7
	if w0 > 63 goto out
	r6 += r0
	r0 = *(u8 *)(r6 + 0)
out:
	r0 = 0
	exit
	.size tp_jmp32_upper_unknown, .-tp_jmp32_upper_unknown
