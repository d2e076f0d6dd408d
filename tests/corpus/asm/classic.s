# Errors in the classic mnemonic syntax.
ldxq %r0, [%r1]                 ; expect-error: 2:1: unknown instruction 'ldxq'
or %r0, %r50                    ; expect-error: 3:9: unknown register '%r50'
mov32 %r0, 2147483648           ; expect-error: 4:12: immediate 2147483648 out of range [-2147483648, 2147483647]
mov32 %r0, 0x100000000          ; expect-error: 5:12: immediate 0x100000000 out of range
ja NOT_A_LABEL                  ; expect-error: 6:4: undefined label 'NOT_A_LABEL'
lock or [%r10-8]                ; expect-error: 7:9: wrong number of operands for 'or': expected 2, got 1
lock                            ; expect-error: 8:1: wrong number of operands for 'lock'
ldxb %r0, %r1                   ; expect-error: 9:11: expected a memory operand
ldxb %r0, [%r1+0x10000]         ; expect-error: 10:16: offset 65536 out of range [-32768, 32767]
lddw %r0                        ; expect-error: 11:1: wrong number of operands for 'lddw': expected 2, got 1
jeq %r1, 1                      ; expect-error: 12:10: wrong number of operands for 'jeq': expected 3, got 2
neg %r1, %r2                    ; expect-error: 13:10: wrong number of operands for 'neg': expected 1, got 2
exit
