; sklookup_ret_2.s - an sk_lookup program returning 2, outside SK_DROP..SK_PASS.
; kernel: reject: At program exit the register R0 has smin=2 smax=2 should have been in [0, 1]
	.license "GPL"
	.section sk_lookup
	.globl sklookup_ret_2
	.type sklookup_ret_2, @function
sklookup_ret_2:
	r0 = 2
	exit
	.size sklookup_ret_2, .-sklookup_ret_2
