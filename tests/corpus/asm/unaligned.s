# Code that does not stay on instruction boundaries.
	.text
	.byte 0
	r0 = 0                          ; expect-error: 4:2: is not 8-byte aligned
	exit                            ; expect-error: 5:2: is not 8-byte aligned
