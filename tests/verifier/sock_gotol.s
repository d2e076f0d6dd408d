; sock_gotol.s - a v4 32-bit jump (gotol) over one instruction that a branch reaches.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_gotol
	.type sock_gotol, @function
sock_gotol:
	call bpf_get_prandom_u32
	if r0 == 0 goto l
	gotol +1
l:
	r0 = 1
	exit
	.size sock_gotol, .-sock_gotol
