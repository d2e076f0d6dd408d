; kp_find_vma_cb_ret_2.s - bpf_find_vma's callback returns 2.
; kernel: reject: At callback return the register R0 has smin=2 smax=2 should have been in [0, 1]
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_find_vma_cb_ret_2
	.type kp_find_vma_cb_ret_2, @function
kp_find_vma_cb_ret_2:
	call bpf_get_current_task_btf
	r1 = r0
	r2 = 0
	r3 = cb ll
	r4 = 0
	r5 = 0
	call bpf_find_vma
	r0 = 0
	exit
	.size kp_find_vma_cb_ret_2, .-kp_find_vma_cb_ret_2
	.type cb, @function
cb:
	r0 = 2
	exit
	.size cb, .-cb
