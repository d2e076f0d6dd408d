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

static int func_at(const struct obj *o, int sec, uint64_t off)
{
	for (size_t i = 0; i < o->nfuncs; i++)
		if (o->funcs[i].sec == sec && o->funcs[i].off == off)
			return 1;
	return 0;
}

/*
 * Would the kernel get BTF func info with @l? The loader (loader/load.c, btf_info_build)
 * passes the FUNC record at the start of every chunk, or none when a chunk has none; the
 * kernel takes them only one for one with its subprograms (slot 0, call and lddw-of-function
 * targets), else it refuses them and the loader loads again without.
 */
static int func_info_complete(const struct obj *o, const struct obj_linked *l)
{
	uint8_t *start;
	size_t nstart = 0;
	int ok = 1;

	/* a read object's records come from .BTF.ext; an assembled one's are written from
	 * o->funcs (obj/elf-write.c) */
	if (!o->nfuncs || (o->btf.len && !o->btf_ext.len) || !l->ninsns)
		return 0;
	start = mem_alloc(l->ninsns);
	if (!start)
		return 1; /* no memory: assume the usual case, the walk reports the shortage */
	start[0] = 1;
	for (size_t i = 0; i < l->ninsns; i++) {
		const struct isa_raw *r = &l->insns[i];
		int64_t t = (int64_t)i + r->imm + 1;

		if (((r->code == 0x85 && r->src == ISA_PSEUDO_CALL) ||
		     (r->code == 0x18 && r->src == ISA_PSEUDO_FUNC)) &&
		    t >= 0 && (uint64_t)t < l->ninsns)
			start[t] = 1;
	}
	for (size_t i = 0; i < l->ninsns; i++)
		nstart += start[i];
	for (size_t c = 0; c < l->nchunks && ok; c++) {
		const struct obj_link_chunk *ch = &l->chunks[c];

		ok = ch->at < l->ninsns && start[ch->at] && func_at(o, ch->sec, ch->off);
	}
	mem_free(start);
	return ok && nstart == l->nchunks;
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
	out->no_func_info = !func_info_complete(o, &l);
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

void vsim_flat_prog(const struct obj *o, size_t prog, const struct vsim_flat *f,
		    struct vsim_prog *vp)
{
	const struct obj_prog *p = &o->progs[prog];

	memset(vp, 0, sizeof(*vp));
	vp->name = p->name;
	vp->insns = f->insns;
	vp->ninsns = f->ninsns;
	vp->prog_type = p->prog_type;
	vp->expected_attach_type = p->expected_attach_type;
	vp->maps = f->maps;
	vp->nmaps = f->nmaps;
	vp->gpl = vsim_license_is_gpl(o->license);
	vp->no_func_info = f->no_func_info;
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
