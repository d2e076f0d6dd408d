; tp_jmp32_bounds_index.s - a 32-bit compare (if w0 > 63) bounds the low half; the index is the zero-extended w0.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=64, entries=4
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_jmp32_bounds_index
	.type tp_jmp32_bounds_index, @function
tp_jmp32_bounds_index:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r6 = r0
	call bpf_get_prandom_u32
	w0 = w0
	if w0 > 63 goto out
	r6 += r0
	r0 = *(u8 *)(r6 + 0)
out:
	r0 = 0
	exit
	.size tp_jmp32_bounds_index, .-tp_jmp32_bounds_index
