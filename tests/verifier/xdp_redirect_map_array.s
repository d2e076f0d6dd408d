; xdp_redirect_map_array.s - bpf_redirect_map through an array map.
; kernel: reject: cannot pass map_type 2 into func bpf_redirect_map#51
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section xdp
	.globl xdp_redirect_map_array
	.type xdp_redirect_map_array, @function
xdp_redirect_map_array:
	r1 = arr ll
	r2 = 0
	r3 = 2
	call bpf_redirect_map
	exit
	.size xdp_redirect_map_array, .-xdp_redirect_map_array
