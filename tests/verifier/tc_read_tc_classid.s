; tc_read_tc_classid.s - reads tc_classid, a tc-only field.
; kernel: reject: invalid bpf_context access off=112 size=4
	.license "GPL"
	.section tc
	.globl tc_read_tc_classid
	.type tc_read_tc_classid, @function
tc_read_tc_classid:
	r0 = *(u32 *)(r1 + 112)
	r0 = 0
	exit
	.size tc_read_tc_classid, .-tc_read_tc_classid
