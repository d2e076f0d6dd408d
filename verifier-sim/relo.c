/* SPDX-License-Identifier: MIT */
/*
 * relo.c - one program of a struct obj as the flat instruction array the kernel verifies.
 *
 * The loader's and the interpreter's own linking step (obj/link.c), without a kernel: the
 * program's own code comes first, then every function it reaches by call or by lddw of a
 * function, each once. Map references become lddw src 1 (map_fd) with imm the
 * index in o->maps[]; global data becomes src 2 (map_value) with imm the map index and the
 * second slot's imm the offset. Calls and function addresses become pc-relative.
 *
 * Invariant: every slot of the result has an origin (section, offset) in the object, so a
 * verdict about slot N finds its source line.
 */
#include "vsim.h"

#include <elf.h>
#include <errno.h>
#include <string.h>

#include "../common/mem.h"
#include "../obj/link.h"

/* The lddw imm of map @map: its index in o->maps[], which vsim_flat.maps follows. */
static int map_index(void *arg, int map, int32_t *imm)
{
	(void)arg;
	*imm = map;
	return 0;
}

static const char *sec_name(const struct obj *o, int sec)
{
	return sec >= 0 && (size_t)sec < o->nsecs ? o->secs[sec].name : "?";
}

static int maps_fill(const struct obj *o, struct vsim_flat *f)
{
	if (!o->nmaps)
		return 0;
	f->maps = mem_alloc(o->nmaps * sizeof(*f->maps));
	if (!f->maps)
		return -ENOMEM;
	f->nmaps = o->nmaps;
	for (size_t m = 0; m < o->nmaps; m++) {
		const struct obj_map *om = &o->maps[m];
		struct vsim_map *vm = &f->maps[m];

		vm->name = om->name;
		vm->type = om->type;
		vm->key_size = om->key_size;
		vm->value_size = om->value_size;
		vm->max_entries = om->max_entries;
		vm->flags = om->flags;
		if (om->data_sec >= 0) {
			const char *sn = sec_name(o, om->data_sec);

			vm->type = 2; /* array */
			vm->key_size = 4;
			vm->max_entries = 1;
			if (!vm->value_size)
				vm->value_size = (uint32_t)obj_sec_size(&o->secs[om->data_sec]);
			vm->rdonly = strncmp(sn, ".rodata", 7) == 0;
		}
	}
	return 0;
}

int vsim_obj_prog_build(const struct obj *o, size_t prog, struct vsim_flat *out, struct diag *d)
{
	struct obj_linked l = {0};
	struct obj_link *lk;
	int err;

	memset(out, 0, sizeof(*out));
	if (prog >= o->nprogs)
		return -EINVAL;
	err = maps_fill(o, out);
	if (err)
		return err;
	/* the relocation step ebpf-load and ebpf-run use (obj/link.c), map index as imm */
	err = obj_link_new(o, &lk);
	if (err)
		goto out_free;
	err = obj_link_prog(lk, &o->progs[prog], map_index, NULL, NULL, d, &l);
	obj_link_free(lk);
	if (err)
		goto out_free;
	/* the instructions and their origins change hands */
	out->ninsns = l.ninsns;
	out->insns = l.insns;
	out->origin = l.origin;
	l.insns = NULL;
	l.origin = NULL;
	obj_linked_fini(&l);
	return 0;
out_free:
	obj_linked_fini(&l);
	vsim_flat_free(out);
	return err;
}

void vsim_flat_free(struct vsim_flat *f)
{
	mem_free(f->insns);
	mem_free(f->origin);
	mem_free(f->maps);
	memset(f, 0, sizeof(*f));
}

int vsim_license_is_gpl(const char *lic)
{
	/* the kernel's license_is_gpl_compatible() */
	static const char *const ok[] = {
		"GPL",		"GPL v2",	"GPL and additional rights",
		"Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL"};

	for (size_t i = 0; lic && i < sizeof(ok) / sizeof(ok[0]); i++)
		if (strcmp(lic, ok[i]) == 0)
			return 1;
	return 0;
}
