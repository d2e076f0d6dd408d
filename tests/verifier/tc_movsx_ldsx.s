; tc_movsx_ldsx.s - v4 sign-extending move and load.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_movsx_ldsx
	.type tc_movsx_ldsx, @function
tc_movsx_ldsx:
	*(u64 *)(r10 - 8) = -1
	r1 = *(s8 *)(r10 - 8)
	r0 = (s16)r1
	r0 = 0
	exit
	.size tc_movsx_ldsx, .-tc_movsx_ldsx
