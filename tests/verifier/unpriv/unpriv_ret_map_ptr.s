; unpriv_ret_map_ptr.s - returns the map pointer itself.
; kernel: accept
; kernel-unpriv: reject: R0 leaks addr as return value
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_ret_map_ptr
	.type unpriv_ret_map_ptr, @function
unpriv_ret_map_ptr:
	r0 = arr ll
	exit
	.size unpriv_ret_map_ptr, .-unpriv_ret_map_ptr
