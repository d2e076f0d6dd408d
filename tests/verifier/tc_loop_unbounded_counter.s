; tc_loop_unbounded_counter.s - counts up until a random value: no bound the verifier can prove.
; kernel: reject: BPF program is too large. Processed 1000001 insn
	.license "GPL"
	.section tc
	.globl tc_loop_unbounded_counter
	.type tc_loop_unbounded_counter, @function
tc_loop_unbounded_counter:
	call bpf_get_prandom_u32
	r6 = r0
	r1 = 0
loop:
	r1 += 1
	if r1 != r6 goto loop
	r0 = 0
	exit
	.size tc_loop_unbounded_counter, .-tc_loop_unbounded_counter
