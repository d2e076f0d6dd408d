; rtp_get_current_comm_to_ctx.s - asks bpf_get_current_comm to write into the context.
; kernel: reject: R1 type=ctx expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_get_current_comm_to_ctx
	.type rtp_get_current_comm_to_ctx, @function
rtp_get_current_comm_to_ctx:
	r2 = 16
	call bpf_get_current_comm
	r0 = 0
	exit
	.size rtp_get_current_comm_to_ctx, .-rtp_get_current_comm_to_ctx
