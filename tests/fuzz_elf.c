/* SPDX-License-Identifier: MIT */
/*
 * fuzz_elf.c - libFuzzer target for the object reader: any bytes as an ELF object. The
 * reader must accept the object or reject it with an error message, never crash, over-read,
 * hang or leak. What it accepts is used as the tools use it (line lookups at every
 * instruction), and written back: the writer either refuses with a message or produces an
 * object the reader accepts again.
 *
 * Built as a libFuzzer binary (tests/fuzz_elf, --enable-fuzzing) and as a plain program
 * (tests/replay_elf, with replay-main.c) that make check runs over tests/corpus/elf.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "obj/link.h"
#include "obj/obj.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void exercise(const struct obj *o)
{
	/* what objdump and the verifier do: the line of every instruction */
	for (size_t s = 0; s < o->nsecs; s++) {
		for (uint64_t off = 0; off < obj_sec_size(&o->secs[s]) && off < 65536; off += 8) {
			const struct obj_line *l = obj_line_find(o, (int)s, (uint32_t)off);

			if (l && (l->sec != (int)s || l->off > off))
				abort(); /* not the entry covering this instruction */
			if (l && (!obj_str(o, l->file) || !obj_str(o, l->text)))
				abort();
		}
	}
	for (size_t i = 0; i < o->nrels; i++)
		if (o->rels[i].sec < 0 || (size_t)o->rels[i].sec >= o->nsecs ||
		    o->rels[i].sym < 0 || (size_t)o->rels[i].sym >= o->nsyms)
			abort(); /* the reader promised indexes in range */
}

/* Map @map's imm for linking: its index, as a VM handle would be. */
static int map_imm(void *arg, int map, int32_t *imm)
{
	(void)arg;
	*imm = map;
	return 0;
}

/* What ebpf-load and ebpf-run do next: link every program (relocations, subprograms). A
 * refusal must say why; a success must give slots whose origins are in the object. */
static void link_all(const struct obj *o)
{
	struct obj_link *lk;
	struct diag d;

	if (obj_link_new(o, &lk) != 0)
		return; /* ENOMEM only */
	diag_init(&d);
	for (size_t i = 0; i < o->nprogs; i++) {
		struct obj_linked out = {0};
		unsigned before = d.nerrors;

		if (obj_link_prog(lk, &o->progs[i], map_imm, NULL, NULL, &d, &out) == 0) {
			for (size_t k = 0; k < out.ninsns; k++)
				if (out.origin[k].sec < 0 ||
				    (size_t)out.origin[k].sec >= o->nsecs ||
				    out.origin[k].off >= obj_sec_size(&o->secs[out.origin[k].sec]))
					abort();
		} else if (d.nerrors == before) {
			abort(); /* a refusal always says why */
		}
		obj_linked_fini(&out);
	}
	diag_fini(&d);
	obj_link_free(lk);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct obj *o, *again;
	void *img;
	size_t len;

	if (size > (4u << 20))
		return 0;
	diag_init(&d);
	if (obj_read_mem(data, size, "fuzz.o", &o, &d) != 0) {
		if (d.nerrors == 0)
			abort(); /* a rejection always says why */
		diag_fini(&d);
		return 0;
	}
	exercise(o);
	link_all(o);
	if (obj_write_mem(o, &img, &len, &d) == 0) {
		if (obj_read_mem(img, len, "fuzz-written.o", &again, &d) != 0)
			abort(); /* we wrote something we cannot read */
		obj_free(again);
		free(img);
	} else if (d.nerrors == 0) {
		abort();
	}
	obj_free(o);
	diag_fini(&d);
	return 0;
}
