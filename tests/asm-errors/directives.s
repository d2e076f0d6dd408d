# Directive errors, and errors that only show at the end of the file.
	.license "GPL"
	.license "MIT"                  ; expect-error: 3:2: the license is already set
	.frobnicate 1                   ; expect-error: 4:2: unknown directive '.frobnicate'
	.map counts, hashy, key=4, value=8, entries=16  ; expect-error: 5:15: unknown map type 'hashy'
	.map counts2, hash, key=4, value=8              ; expect-error: 6:7: needs entries=N
	.section .bss
	.byte 1                         ; expect-error: 8:8: nonzero data in section '.bss'
	r0 = 0                          ; expect-error: 9:2: instruction in section '.bss'
	.text
	.byte 1, 300                    ; expect-error: 11:11: value 300 does not fit in 1 byte
	.p2align 40                     ; expect-error: 12:11: alignment 2^40 out of range
	.type f, @banana                ; expect-error: 13:12: unknown symbol type 'banana'
	.ascii noquote                  ; expect-error: 14:9: expected a string
