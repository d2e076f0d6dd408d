; sock_loop_unbounded_counter.s - counts up until a random value: no bound the verifier can prove.
; kernel: reject: BPF program is too large. Processed 1000001 insn
	.license "GPL"
	.section socket
	.globl sock_loop_unbounded_counter
	.type sock_loop_unbounded_counter, @function
sock_loop_unbounded_counter:
	call bpf_get_prandom_u32
	r6 = r0
	r1 = 0
loop:
	r1 += 1
	if r1 != r6 goto loop
	r0 = 0
	exit
	.size sock_loop_unbounded_counter, .-sock_loop_unbounded_counter
