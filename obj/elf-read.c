/* SPDX-License-Identifier: MIT */
/*
 * elf-read.c - an ELF object (clang's, llvm-mc's or ours) into a struct obj, through libelf.
 *
 * What secs[] keeps: the sections a tool acts on, i.e. SHT_PROGBITS and SHT_NOBITS sections
 * that are allocated or executable (code, .data*, .rodata*, .bss*, .maps, license) plus
 * "license", "version", "maps" and ".maps" whatever their flags. Dropped: the null section,
 * string and symbol tables (their content becomes names and syms[]), relocation sections
 * (their entries become rels[], with rel->sec the section patched), .BTF and .BTF.ext
 * (copied raw into o->btf / o->btf_ext and decoded into maps[], funcs[] and lines[]), DWARF
 * and other unallocated metadata. Relocations of dropped sections (.rel.debug_*, .rel.BTF)
 * are dropped with them; symbols in dropped sections too.
 *
 * Trust: the image is copied (libelf may keep pointers into it while we read), every
 * section's file range is checked against the image, every symbol against its section,
 * every relocation's symbol index and patched bytes against the symbol table and its
 * section. A failed check is -EINVAL with a message naming the object and the item.
 */
#define _GNU_SOURCE /* qsort_r */
#include "obj.h"
#include "btf.h"
#include "isa.h"
#include "../common/mem.h"

#include <errno.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef EM_BPF
#define EM_BPF 247
#endif

struct rctx {
	struct obj *o;
	const char *name;
	struct diag *d;
	struct diag_loc loc;
	Elf *e;
	const uint8_t *img;
	size_t len;
	size_t shnum, shstrndx;
	int *secmap;   /* ELF section index -> secs[] index, or -1 */
	size_t symtab; /* ELF index of the symbol table, 0 if none */
	int *symmap;   /* ELF symbol index -> syms[] index, or -1 */
	size_t nelfsyms;
};

#define rerr(r, ...) diag_error((r)->d, &(r)->loc, __VA_ARGS__)

static const char *machine_name(unsigned m)
{
	static const struct {
		unsigned id;
		const char *name;
	} names[] = {
		{EM_NONE, "EM_NONE"},	    {EM_386, "EM_386"},		{EM_X86_64, "EM_X86_64"},
		{EM_AARCH64, "EM_AARCH64"}, {EM_ARM, "EM_ARM"},		{EM_RISCV, "EM_RISCV"},
		{EM_PPC, "EM_PPC"},	    {EM_PPC64, "EM_PPC64"},	{EM_S390, "EM_S390"},
		{EM_MIPS, "EM_MIPS"},	    {EM_SPARCV9, "EM_SPARCV9"}, {258, "EM_LOONGARCH"},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].id == m)
			return names[i].name;
	return NULL;
}

static const char *type_name(unsigned t)
{
	switch (t) {
	case ET_NONE:
		return "ET_NONE";
	case ET_EXEC:
		return "ET_EXEC";
	case ET_DYN:
		return "ET_DYN";
	case ET_CORE:
		return "ET_CORE";
	default:
		return "unknown";
	}
}

/* Something libelf does not take for ELF: a cut-off ELF file is malformed, the rest is
 * simply not ours. */
static int not_elf(struct rctx *r)
{
	if (r->len >= SELFMAG && !memcmp(r->img, ELFMAG, SELFMAG)) {
		rerr(r, "truncated or malformed ELF header");
		return -EINVAL;
	}
	rerr(r, "not an ELF object");
	return -ENOEXEC;
}

static int check_header(struct rctx *r)
{
	GElf_Ehdr eh;

	if (elf_kind(r->e) != ELF_K_ELF)
		return not_elf(r);
	if (!gelf_getehdr(r->e, &eh)) {
		rerr(r, "bad ELF header: %s", elf_errmsg(-1));
		return -EINVAL;
	}
	if (eh.e_machine != EM_BPF) {
		const char *mn = machine_name(eh.e_machine);

		if (mn)
			rerr(r, "not an eBPF object (machine %s)", mn);
		else
			rerr(r, "not an eBPF object (machine %u)", eh.e_machine);
		return -ENOEXEC;
	}
	if (eh.e_ident[EI_CLASS] != ELFCLASS64) {
		rerr(r, "not an eBPF object (32-bit ELF)");
		return -ENOEXEC;
	}
	if (eh.e_ident[EI_DATA] != ELFDATA2LSB) {
		rerr(r, "big-endian eBPF objects are not supported");
		return -ENOEXEC;
	}
	if (eh.e_type != ET_REL) {
		rerr(r, "not a relocatable object (%s)", type_name(eh.e_type));
		return -ENOEXEC;
	}
	/* libelf quietly reports no sections when their table is cut off: check it here */
	if (eh.e_shoff == 0 ? eh.e_shnum != 0
			    : eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shoff > r->len ||
				      (r->len - eh.e_shoff) / sizeof(Elf64_Shdr) <
					      (eh.e_shnum ? eh.e_shnum : 1u)) {
		rerr(r, "the section header table lies outside the file (truncated?)");
		return -EINVAL;
	}
	if (elf_getshdrnum(r->e, &r->shnum) || elf_getshdrstrndx(r->e, &r->shstrndx)) {
		rerr(r, "bad section header table: %s", elf_errmsg(-1));
		return -EINVAL;
	}
	if ((eh.e_shnum && r->shnum != eh.e_shnum) ||
	    r->shnum > (r->len - eh.e_shoff) / sizeof(Elf64_Shdr)) {
		rerr(r, "the section header table lies outside the file (truncated?)");
		return -EINVAL;
	}
	if (r->shnum > 0 && r->shstrndx >= r->shnum) {
		rerr(r, "section name table index %zu is out of range", r->shstrndx);
		return -EINVAL;
	}
	return 0;
}

static int get_shdr(struct rctx *r, size_t i, Elf_Scn **scn, GElf_Shdr *sh, const char **name)
{
	*scn = elf_getscn(r->e, i);
	if (!*scn || !gelf_getshdr(*scn, sh)) {
		rerr(r, "section %zu: bad header: %s", i, elf_errmsg(-1));
		return -EINVAL;
	}
	*name = elf_strptr(r->e, r->shstrndx, sh->sh_name);
	if (!*name) {
		rerr(r, "section %zu: bad name offset %" PRIu32, i, sh->sh_name);
		return -EINVAL;
	}
	return 0;
}

static int keep_section(const GElf_Shdr *sh, const char *name)
{
	if (sh->sh_type != SHT_PROGBITS && sh->sh_type != SHT_NOBITS)
		return 0;
	if (!strcmp(name, ".BTF") || !strcmp(name, ".BTF.ext"))
		return 0;
	return (sh->sh_flags & (SHF_ALLOC | SHF_EXECINSTR)) || !strcmp(name, "license") ||
	       !strcmp(name, "version") || !strcmp(name, "maps") || !strcmp(name, ".maps");
}

/* The bytes of a section, checked against the image. */
static int sec_bytes(struct rctx *r, Elf_Scn *scn, const GElf_Shdr *sh, const char *name,
		     const void **data, size_t *size)
{
	Elf_Data *ed;

	*data = NULL;
	*size = 0;
	if (sh->sh_type == SHT_NOBITS || sh->sh_size == 0)
		return 0;
	if (sh->sh_offset > r->len || sh->sh_size > r->len - sh->sh_offset) {
		rerr(r,
		     "section '%s': bytes 0x%" PRIx64 "+0x%" PRIx64
		     " lie outside the %zu-byte file",
		     name, (uint64_t)sh->sh_offset, (uint64_t)sh->sh_size, r->len);
		return -EINVAL;
	}
	if (sh->sh_flags & SHF_COMPRESSED) {
		rerr(r, "section '%s' is compressed, which is not supported", name);
		return -EINVAL;
	}
	ed = elf_getdata(scn, NULL);
	if (!ed || (ed->d_size && !ed->d_buf) || ed->d_size != sh->sh_size) {
		rerr(r, "section '%s': cannot read its bytes: %s", name, elf_errmsg(-1));
		return -EINVAL;
	}
	*data = ed->d_buf;
	*size = ed->d_size;
	return 0;
}

static int read_sections(struct rctx *r)
{
	struct obj *o = r->o;

	r->secmap = mem_alloc((r->shnum + 1) * sizeof(*r->secmap));
	if (!r->secmap)
		return -ENOMEM;
	for (size_t i = 0; i < r->shnum; i++)
		r->secmap[i] = -1;
	for (size_t i = 1; i < r->shnum; i++) {
		Elf_Scn *scn;
		GElf_Shdr sh;
		const char *name;
		const void *data;
		size_t size;
		int err, s;

		err = get_shdr(r, i, &scn, &sh, &name);
		if (err)
			return err;
		if (sh.sh_type == SHT_SYMTAB) {
			if (r->symtab) {
				rerr(r, "more than one symbol table");
				return -EINVAL;
			}
			r->symtab = i;
			continue;
		}
		if (!strcmp(name, ".BTF") || !strcmp(name, ".BTF.ext")) {
			struct buf *b = name[4] ? &o->btf_ext : &o->btf;

			err = sec_bytes(r, scn, &sh, name, &data, &size);
			if (err)
				return err;
			if (b->len) {
				rerr(r, "more than one %s section", name);
				return -EINVAL;
			}
			if (buf_append(b, data, size))
				return -ENOMEM;
			continue;
		}
		if (!keep_section(&sh, name))
			continue;
		err = sec_bytes(r, scn, &sh, name, &data, &size);
		if (err)
			return err;
		/* an absurd alignment would make a writer pad the file to match it */
		if (sh.sh_addralign > OBJ_MAX_ALIGN || (sh.sh_addralign & (sh.sh_addralign - 1))) {
			rerr(r,
			     "section '%s': alignment %" PRIu64 " is not a power of two up to %u",
			     name, (uint64_t)sh.sh_addralign, OBJ_MAX_ALIGN);
			return -EINVAL;
		}
		if (sh.sh_type == SHT_NOBITS && sh.sh_size > UINT32_MAX) {
			rerr(r, "section '%s' claims %" PRIu64 " bytes", name,
			     (uint64_t)sh.sh_size);
			return -EINVAL;
		}
		s = obj_sec_add(o, name, sh.sh_type, sh.sh_flags, sh.sh_addralign);
		if (s < 0)
			return s;
		if (buf_append(&o->secs[s].data, data, size))
			return -ENOMEM;
		o->secs[s].size = sh.sh_type == SHT_NOBITS ? sh.sh_size : size;
		r->secmap[i] = s;
	}
	return 0;
}

static int read_license_version(struct rctx *r)
{
	struct obj *o = r->o;
	int s = obj_sec_find(o, "license");

	if (s >= 0) {
		const struct buf *b = &o->secs[s].data;

		o->license = b->len ? mem_strndup((const char *)b->data,
						  strnlen((const char *)b->data, b->len))
				    : mem_strdup("");
		if (!o->license)
			return -ENOMEM;
	}
	s = obj_sec_find(o, "version");
	if (s >= 0) {
		if (o->secs[s].data.len != 4) {
			rerr(r, "section 'version' is %zu bytes, not 4", o->secs[s].data.len);
			return -EINVAL;
		}
		memcpy(&o->kern_version, o->secs[s].data.data, 4);
		o->has_kern_version = 1;
	}
	return 0;
}

static int read_symbols(struct rctx *r)
{
	struct obj *o = r->o;
	Elf_Scn *scn;
	GElf_Shdr sh;
	Elf_Data *ed;
	const char *name;
	int err;

	if (!r->symtab)
		return 0;
	err = get_shdr(r, r->symtab, &scn, &sh, &name);
	if (err)
		return err;
	if (sh.sh_entsize != sizeof(Elf64_Sym) || sh.sh_link == 0 || sh.sh_link >= r->shnum) {
		rerr(r, "symbol table: bad entry size or string table link");
		return -EINVAL;
	}
	if (sh.sh_offset > r->len || sh.sh_size > r->len - sh.sh_offset ||
	    sh.sh_size % sizeof(Elf64_Sym)) {
		rerr(r, "symbol table: bytes lie outside the file or are not whole entries");
		return -EINVAL;
	}
	ed = elf_getdata(scn, NULL);
	if (!ed && sh.sh_size) {
		rerr(r, "symbol table: %s", elf_errmsg(-1));
		return -EINVAL;
	}
	r->nelfsyms = ed ? ed->d_size / sizeof(Elf64_Sym) : 0;
	r->symmap = mem_alloc((r->nelfsyms + 1) * sizeof(*r->symmap));
	if (!r->symmap)
		return -ENOMEM;
	r->symmap[0] = -1;
	for (size_t i = 1; i < r->nelfsyms; i++) {
		GElf_Sym es;
		const char *sname;
		int sec, s;

		r->symmap[i] = -1;
		if (!gelf_getsym(ed, (int)i, &es)) {
			rerr(r, "symbol %zu: %s", i, elf_errmsg(-1));
			return -EINVAL;
		}
		sname = elf_strptr(r->e, sh.sh_link, es.st_name);
		if (!sname) {
			rerr(r, "symbol %zu: bad name offset %" PRIu32, i, es.st_name);
			return -EINVAL;
		}
		if (es.st_shndx == SHN_UNDEF || es.st_shndx == SHN_COMMON) {
			sec = OBJ_SEC_UNDEF;
		} else if (es.st_shndx == SHN_ABS) {
			sec = OBJ_SEC_ABS;
		} else if (es.st_shndx >= r->shnum || es.st_shndx >= SHN_LORESERVE) {
			rerr(r, "symbol '%s': section index %u is out of range", sname,
			     es.st_shndx);
			return -EINVAL;
		} else {
			sec = r->secmap[es.st_shndx];
			if (sec < 0)
				continue; /* in .debug_*, .BTF, ...: no tool needs it */
		}
		if (GELF_ST_TYPE(es.st_info) == STT_SECTION && !*sname && sec >= 0)
			sname = o->secs[sec].name; /* as llvm-objdump names them */
		if (sec >= 0 && GELF_ST_TYPE(es.st_info) != STT_SECTION) {
			uint64_t size = obj_sec_size(&o->secs[sec]);

			if (es.st_value > size || es.st_size > size - es.st_value) {
				rerr(r,
				     "symbol '%s' (0x%" PRIx64 "+0x%" PRIx64
				     ") lies outside section '%s' (0x%" PRIx64 " bytes)",
				     sname, (uint64_t)es.st_value, (uint64_t)es.st_size,
				     o->secs[sec].name, size);
				return -EINVAL;
			}
		}
		s = obj_sym_add(o, sname, sec, es.st_value, es.st_size, GELF_ST_BIND(es.st_info),
				GELF_ST_TYPE(es.st_info));
		if (s < 0)
			return s;
		o->syms[s].visibility = GELF_ST_VISIBILITY(es.st_other);
		r->symmap[i] = s;
	}
	return 0;
}

static int read_relocations(struct rctx *r)
{
	struct obj *o = r->o;

	for (size_t i = 1; i < r->shnum; i++) {
		Elf_Scn *scn;
		GElf_Shdr sh;
		Elf_Data *ed;
		const char *name, *tname;
		int err, target;
		size_t n;

		err = get_shdr(r, i, &scn, &sh, &name);
		if (err)
			return err;
		if (sh.sh_type != SHT_REL && sh.sh_type != SHT_RELA)
			continue;
		if (sh.sh_info == 0 || sh.sh_info >= r->shnum) {
			rerr(r,
			     "relocation section '%s' patches section %" PRIu32
			     ", which does not exist",
			     name, sh.sh_info);
			return -EINVAL;
		}
		target = r->secmap[sh.sh_info];
		if (target < 0)
			continue; /* relocations of DWARF or .BTF: not ours to apply */
		tname = o->secs[target].name;
		if (sh.sh_type == SHT_RELA) {
			rerr(r, "relocation section '%s': RELA relocations are not used by eBPF",
			     name);
			return -EINVAL;
		}
		if (!r->symtab || sh.sh_link != r->symtab) {
			rerr(r, "relocation section '%s' does not link to the symbol table", name);
			return -EINVAL;
		}
		if (sh.sh_entsize != sizeof(Elf64_Rel) || sh.sh_size % sizeof(Elf64_Rel) ||
		    sh.sh_offset > r->len || sh.sh_size > r->len - sh.sh_offset) {
			rerr(r, "relocation section '%s': bad size or offset", name);
			return -EINVAL;
		}
		ed = elf_getdata(scn, NULL);
		if (!ed && sh.sh_size) {
			rerr(r, "relocation section '%s': %s", name, elf_errmsg(-1));
			return -EINVAL;
		}
		n = ed ? ed->d_size / sizeof(Elf64_Rel) : 0;
		for (size_t k = 0; k < n; k++) {
			GElf_Rel rel;
			uint64_t symi, width, size = obj_sec_size(&o->secs[target]);
			uint32_t type;

			if (!gelf_getrel(ed, (int)k, &rel)) {
				rerr(r, "relocation section '%s': entry %zu: %s", name, k,
				     elf_errmsg(-1));
				return -EINVAL;
			}
			symi = GELF_R_SYM(rel.r_info);
			type = (uint32_t)GELF_R_TYPE(rel.r_info);
			width = obj_rel_width(type);
			if (width == UINT64_MAX) {
				rerr(r, "relocation at %s+0x%" PRIx64 " has unknown type %" PRIu32,
				     tname, (uint64_t)rel.r_offset, type);
				return -EINVAL;
			}
			if (symi >= r->nelfsyms || r->symmap[symi] < 0) {
				rerr(r,
				     "relocation at %s+0x%" PRIx64 " refers to symbol %" PRIu64
				     ", %s",
				     tname, (uint64_t)rel.r_offset, symi,
				     symi >= r->nelfsyms ? "which does not exist"
							 : "which is not in a loaded section");
				return -EINVAL;
			}
			if (o->secs[target].type == SHT_NOBITS || rel.r_offset > size ||
			    width > size - rel.r_offset) {
				rerr(r,
				     "relocation at %s+0x%" PRIx64
				     " lies past the end of the section "
				     "(0x%" PRIx64 " bytes)",
				     tname, (uint64_t)rel.r_offset, size);
				return -EINVAL;
			}
			if (obj_rel_add(o, target, rel.r_offset, r->symmap[symi], type) < 0)
				return -ENOMEM;
		}
	}
	return 0;
}

static int sym_value_cmp(const void *pa, const void *pb, void *arg)
{
	const struct obj *o = arg;
	const struct obj_sym *a = &o->syms[*(const int *)pa], *b = &o->syms[*(const int *)pb];

	return a->value < b->value ? -1 : a->value > b->value;
}

/* struct bpf_map_def in "maps": per symbol, as many u32 fields as the definitions hold
 * (libbpf's rule: section size / number of symbols). */
static int read_legacy_maps(struct rctx *r)
{
	struct obj *o = r->o;
	int sec = obj_sec_find(o, "maps"), *idx, err = 0;
	size_t n = 0;
	uint64_t size, defsz;

	if (sec < 0)
		return 0;
	size = obj_sec_size(&o->secs[sec]);
	idx = mem_alloc((o->nsyms + 1) * sizeof(*idx));
	if (!idx)
		return -ENOMEM;
	for (size_t i = 0; i < o->nsyms; i++)
		if (o->syms[i].sec == sec && o->syms[i].type != STT_SECTION &&
		    o->syms[i].type != STT_FILE)
			idx[n++] = (int)i;
	if (n == 0 || o->secs[sec].type == SHT_NOBITS) {
		mem_free(idx);
		return 0;
	}
	qsort_r(idx, n, sizeof(*idx), sym_value_cmp, o);
	defsz = size / n;
	for (size_t i = 0; i < n && !err; i++) {
		const struct obj_sym *s = &o->syms[idx[i]];
		uint32_t f[5] = {0};
		struct obj_map m;

		if (s->value > size || defsz > size - s->value || defsz < 4) {
			rerr(r, "map '%s': its definition lies outside section 'maps'", s->name);
			err = -EINVAL;
			break;
		}
		memcpy(f, o->secs[sec].data.data + s->value, defsz < sizeof(f) ? defsz : sizeof(f));
		memset(&m, 0, sizeof(m));
		m.name = s->name;
		m.type = f[0];
		m.key_size = f[1];
		m.value_size = f[2];
		m.max_entries = f[3];
		m.flags = f[4];
		m.sym = idx[i];
		m.sec = sec;
		m.off = s->value;
		m.data_sec = -1;
		if (obj_map_add(o, &m) < 0)
			err = -ENOMEM;
	}
	mem_free(idx);
	return err;
}

int obj_read_mem(const void *data, size_t len, const char *name, struct obj **out, struct diag *d)
{
	struct rctx r;
	void *img;
	int err;

	*out = NULL;
	memset(&r, 0, sizeof(r));
	r.name = name ? name : "<memory>";
	r.loc.file = r.name;
	r.d = d;
	r.len = len;
	if (elf_version(EV_CURRENT) == EV_NONE) {
		rerr(&r, "libelf: %s", elf_errmsg(-1));
		return -EIO;
	}
	/* libelf reads lazily from the image and may adjust it: give it a private copy */
	img = mem_alloc(len ? len : 1);
	if (!img)
		return -ENOMEM;
	memcpy(img, data, len);
	r.o = obj_new();
	if (!r.o) {
		err = -ENOMEM;
		goto out;
	}
	r.img = img;
	r.e = elf_memory(img, len);
	if (!r.e) {
		err = not_elf(&r);
		goto out;
	}
	err = check_header(&r);
	if (!err)
		err = read_sections(&r);
	if (!err)
		err = read_license_version(&r);
	if (!err)
		err = read_symbols(&r);
	if (!err)
		err = read_relocations(&r);
	if (!err)
		err = read_legacy_maps(&r);
	if (!err)
		err = obj_btf_read_maps(r.o, r.name, d);
	if (!err && !r.o->btf.len && obj_sec_find(r.o, ".maps") >= 0)
		diag_warning(d, &r.loc,
			     "maps in .maps come without BTF: their definitions are unknown");
	if (!err)
		err = obj_data_maps_collect(r.o);
	if (!err)
		err = obj_btf_read_ext(r.o, r.name, d);
	if (!err)
		err = obj_progs_collect(r.o);
	if (!err)
		obj_lines_sort(r.o);
out:
	if (err == -ENOMEM)
		rerr(&r, "out of memory");
	if (r.e)
		elf_end(r.e);
	mem_free(img);
	mem_free(r.secmap);
	mem_free(r.symmap);
	if (err) {
		obj_free(r.o);
		return err;
	}
	*out = r.o;
	return 0;
}

int obj_read_file(const char *path, struct obj **out, struct diag *d)
{
	struct diag_loc loc = {.file = path};
	struct buf b = {0};
	FILE *f;
	int err = 0;

	*out = NULL;
	f = fopen(path, "rb");
	if (!f) {
		err = -errno;
		diag_error(d, &loc, "cannot open: %s", strerror(errno));
		return err;
	}
	err = buf_read_file(&b, f);
	if (err == -ENOMEM)
		diag_error(d, &loc, "out of memory");
	else if (err)
		diag_error(d, &loc, "cannot read: %s", strerror(errno));
	fclose(f);
	if (!err)
		err = obj_read_mem(b.data, b.len, path, out, d);
	buf_free(&b);
	return err;
}
