; tc_write_tc_classid.s - writes tc_classid.
; kernel: reject: invalid bpf_context access off=112 size=4
	.license "GPL"
	.section tc
	.globl tc_write_tc_classid
	.type tc_write_tc_classid, @function
tc_write_tc_classid:
	r2 = 1
	*(u32 *)(r1 + 112) = r2
	r0 = 0
	exit
	.size tc_write_tc_classid, .-tc_write_tc_classid
