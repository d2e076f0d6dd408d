; rtp_map_update_value_uninit.s - updates with a value read from uninitialised stack. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section raw_tracepoint/sys_enter
	.globl rtp_map_update_value_uninit
	.type rtp_map_update_value_uninit, @function
rtp_map_update_value_uninit:
	*(u32 *)(r10 - 4) = 1
	r1 = h ll
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -16
	r4 = 0
	call bpf_map_update_elem
	r0 = 0
	exit
	.size rtp_map_update_value_uninit, .-rtp_map_update_value_uninit
