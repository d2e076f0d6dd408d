; kp_find_vma_cb.s - bpf_find_vma of the current task with a callback returning 0.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_find_vma_cb
	.type kp_find_vma_cb, @function
kp_find_vma_cb:
	call bpf_get_current_task_btf
	r1 = r0
	r2 = 0
	r3 = cb ll
	r4 = 0
	r5 = 0
	call bpf_find_vma
	r0 = 0
	exit
	.size kp_find_vma_cb, .-kp_find_vma_cb
	.type cb, @function
cb:
	r0 = 0
	exit
	.size cb, .-cb
