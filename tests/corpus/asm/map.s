.map m, hash, key=4, value=8, entries=4
.section xdp
.globl p
p:
r1 = m ll
call 1
if r0 == 0 goto +1
lock *(u64 *)(r0 + 0) += r1
r0 = 2
exit
