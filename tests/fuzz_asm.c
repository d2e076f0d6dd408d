/* SPDX-License-Identifier: MIT */
/*
 * fuzz_asm.c - libFuzzer target for the assembler: any bytes as a .s file. The assembler
 * must return 0 or an error with located messages, never crash, hang or leak; what it
 * assembles must also write as an ELF object.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "asm/asm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct obj *o = obj_new();
	struct diag d;
	char *text;

	if (!o || size > (1 << 20)) {
		obj_free(o);
		return 0;
	}
	text = malloc(size + 1);
	if (!text) {
		obj_free(o);
		return 0;
	}
	memcpy(text, data, size);
	text[size] = '\0';
	diag_init(&d);
	if (asm_source_assemble("fuzz.s", text, size, o, &d) == 0) {
		void *elf = NULL;
		size_t len = 0;

		if (obj_write_mem(o, &elf, &len, &d) == 0)
			free(elf);
	} else {
		for (size_t i = 0; i < d.nmsgs; i++)
			if (d.msgs[i].file && d.msgs[i].line == 0)
				abort(); /* every assembler error is located */
	}
	diag_fini(&d);
	obj_free(o);
	free(text);
	return 0;
}
