/* SPDX-License-Identifier: MIT */
/*
 * asm.h - the assembler: eBPF assembly text (LLVM pseudo-C and classic mnemonic syntax, mixed
 * freely, with GNU-as directives) to a struct obj.
 *
 * Every error is reported to the struct diag with its file:line:col; parsing recovers at the
 * next line, so one run reports every error in the file.
 */
#ifndef EBPF_ASM_H
#define EBPF_ASM_H

#include <stddef.h>

#include "../common/diag.h"
#include "../isa/isa.h"
#include "../obj/obj.h"

/*
 * asm_source_assemble - assemble @len bytes of @text (named @name in messages and line info)
 * into @o, which may be a fresh obj_new(). Registers @text with @d for source-line display:
 * @text must outlive @d. Returns 0, -EINVAL when errors were reported, or -ENOMEM.
 */
int asm_source_assemble(const char *name, const char *text, size_t len, struct obj *o,
			struct diag *d);

/*
 * asm_insn_parse - parse one instruction (either syntax, no label, no symbol references) into
 * @out. Returns the number of slots (1 or 2), or -EINVAL with a message in @err.
 */
int asm_insn_parse(const char *text, struct isa_insn *out, char *err, size_t errlen);

#endif
