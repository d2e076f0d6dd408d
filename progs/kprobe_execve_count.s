# kprobe_execve_count.s - count execve() calls per process with a kprobe.
#
# Shows: a kprobe program (section "kprobe/FUNCTION" names the kernel function to probe,
# here the x86-64 system call entry __x64_sys_execve) with the hash-map lookup-or-insert
# pattern of rtp_syscall_count.s. The PID is the caller's: after a successful execve it
# is the program that was started.
#
# Run (as root, on a kernel with CONFIG_KPROBES):
#   ebpf-as kprobe_execve_count.s -o kprobe_execve_count.o
#   bpftool prog load kprobe_execve_count.o /sys/fs/bpf/execve autoattach   # bpftool >= 7.2
#   bpftool map dump name counts        # key: PID, value: execve calls
#   rm /sys/fs/bpf/execve

	.license "GPL"
	.map counts, hash, key=4, value=8, entries=10240

	.section kprobe/__x64_sys_execve
	.globl kprobe_execve_count
	.type kprobe_execve_count, @function
kprobe_execve_count:
	# Key: the thread group id (user space's PID), upper half of pid_tgid.
	call bpf_get_current_pid_tgid
	r0 >>= 32
	*(u32 *)(r10 - 4) = r0

	r2 = r10
	r2 += -4
	r1 = counts ll
	call bpf_map_lookup_elem
	if r0 == 0 goto insert

	# Seen before: add 1 in place, atomically (threads of a process run concurrently).
	r1 = 1
	lock *(u64 *)(r0 + 0) += r1
	goto out

insert:
	# First execve of this PID: insert 1 with BPF_NOEXIST (r4 = 1) so a concurrent
	# insert on another CPU is not overwritten.
	r1 = 1
	*(u64 *)(r10 - 16) = r1
	r1 = counts ll
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -16
	r4 = 1
	call bpf_map_update_elem

out:
	# A kprobe's return value is ignored by the kernel (0 by convention).
	w0 = 0
	exit
	.size kprobe_execve_count, .-kprobe_execve_count
