; tp_ringbuf_leak_on_branch.s - submits on one branch and forgets on the other.
; kernel: reject: BPF_EXIT instruction in main prog would lead to reference leak
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_ringbuf_leak_on_branch
	.type tp_ringbuf_leak_on_branch, @function
tp_ringbuf_leak_on_branch:
	r1 = rb ll
	r2 = 8
	r3 = 0
	call bpf_ringbuf_reserve
	if r0 == 0 goto out
	r6 = r0
	call bpf_get_prandom_u32
	if r0 == 0 goto out
	r1 = r6
	r2 = 0
	call bpf_ringbuf_discard
out:
	r0 = 0
	exit
	.size tp_ringbuf_leak_on_branch, .-tp_ringbuf_leak_on_branch
