; xdp_redirect_map_devmap.s - bpf_redirect_map through a devmap.
; kernel: accept
	.license "GPL"
	.map dm, devmap, key=4, value=4, entries=4
	.section xdp
	.globl xdp_redirect_map_devmap
	.type xdp_redirect_map_devmap, @function
xdp_redirect_map_devmap:
	r1 = dm ll
	r2 = 0
	r3 = 2
	call bpf_redirect_map
	exit
	.size xdp_redirect_map_devmap, .-xdp_redirect_map_devmap
