; tc_gotol.s - a v4 32-bit jump (gotol) over one instruction that a branch reaches.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_gotol
	.type tc_gotol, @function
tc_gotol:
	call bpf_get_prandom_u32
	if r0 == 0 goto l
	gotol +1
l:
	r0 = 1
	exit
	.size tc_gotol, .-tc_gotol
