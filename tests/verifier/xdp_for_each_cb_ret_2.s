; xdp_for_each_cb_ret_2.s - bpf_for_each_map_elem's callback returns 2.
; kernel: reject: At callback return the register R0 has smin=2 smax=2 should have been in [0, 1]
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section xdp
	.globl xdp_for_each_cb_ret_2
	.type xdp_for_each_cb_ret_2, @function
xdp_for_each_cb_ret_2:
	r1 = arr ll
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_for_each_map_elem
	r0 = 2
	exit
	.size xdp_for_each_cb_ret_2, .-xdp_for_each_cb_ret_2
	.type cb, @function
cb:
	r0 = 2
	exit
	.size cb, .-cb
