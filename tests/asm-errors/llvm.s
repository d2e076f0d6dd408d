# Errors in LLVM pseudo-C syntax. Each "expect-error: LINE:COL: TEXT" names one error
# the assembler must report (TEXT is a substring of the message); no other error may appear.
	.section xdp, "ax"
	.globl prog
prog:
	r11 = 1                         ; expect-error: 6:2: unknown register 'r11'
	r1 = *(u32 *)(r1 + 40000)       ; expect-error: 7:21: offset 40000 out of range [-32768, 32767]
	w1 = 2147483648                 ; expect-error: 8:7: immediate 2147483648 out of range [-2147483648, 2147483647]
	r1 += 0x100000000               ; expect-error: 9:8: immediate 0x100000000 out of range
	if r1 > r2 goto nowhere         ; expect-error: 10:18: undefined label 'nowhere'
	r1 = *(u24 *)(r1 + 0)           ; expect-error: 11:9: invalid access size 'u24'
	w1 += r2                        ; expect-error: 12:8: expected a 32-bit (w) register
	r1 ^^= 3                        ; expect-error: 13:5: unknown operator
	if r1 ~ r2 goto prog            ; expect-error: 14:8: unknown comparison '~'
	r1 = -r2                        ; expect-error: 15:8: negation must use the destination register
	lock *(u16 *)(r1 + 0) += r2     ; expect-error: 16:9: atomic operations are 32 or 64 bits wide
	r0 = 1 2                        ; expect-error: 17:9: unexpected '2' after the instruction
	exit
prog:                                   ; expect-error: 19:1: label 'prog' is already defined
	call nosuchfunction             ; expect-error: 20:7: undefined function 'nosuchfunction'
	r1 = missing ll                 ; expect-error: 21:7: undefined symbol 'missing'
	exit
