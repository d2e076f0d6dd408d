; sklookup_ret_pass.s - an sk_lookup program returning SK_PASS (1).
; kernel: accept
	.license "GPL"
	.section sk_lookup
	.globl sklookup_ret_pass
	.type sklookup_ret_pass, @function
sklookup_ret_pass:
	r0 = 1
	exit
	.size sklookup_ret_pass, .-sklookup_ret_pass
