/* SPDX-License-Identifier: MIT */
/*
 * elf-write.c - struct obj to an ELF relocatable object for EM_BPF, through libelf, laid out
 * as clang lays out its BPF objects and as libbpf 1.x and `bpftool prog load` expect:
 *
 *   [0]  null
 *   [1]  .strtab      section and symbol names (one table, as LLVM writes)
 *   code sections in obj order, each followed by its .rel<name> (SHT_REL, 16-byte entries,
 *        r_info = symbol << 32 | R_BPF_*, sh_link = .symtab, sh_info = the section)
 *   the other sections in obj order (.data, .rodata, .maps, .bss, license ...), each with
 *        its .rel<name> if it has relocations
 *   license / version  made from o->license / o->kern_version when no section holds them
 *   .BTF, .BTF.ext     built by btf.c (or o->btf / o->btf_ext written back unchanged)
 *   .symtab           null symbol, locals, then globals; sh_info = first global
 *
 * Section symbols have no name (st_name 0), as LLVM writes them. A map in .maps without a
 * symbol gets a global OBJECT symbol here: libbpf looks one up for every map. Everything
 * the obj says is checked before libelf sees it: an inconsistent obj (a relocation past
 * its section, a symbol index out of range) is an error with a message, not a bad file.
 */
#define _GNU_SOURCE
#include "obj.h"
#include "btf.h"
#include "isa.h"
#include "../common/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef EM_BPF
#define EM_BPF 247
#endif

enum osec_kind { OS_STRTAB, OS_OBJ, OS_REL, OS_LICENSE, OS_VERSION, OS_BTF, OS_BTF_EXT, OS_SYMTAB };

/* One output section. */
struct osec {
	enum osec_kind kind;
	int ref; /* OS_OBJ / OS_REL: the obj section */
	const char *name;
	char *owned_name; /* ".rel" + name */
	uint32_t type;
	uint64_t flags, align, entsize;
	const void *data; /* NULL for SHT_NOBITS */
	uint64_t size;
	Elf_Type dtype;
	size_t link, info; /* output indexes, resolved after numbering */
};

struct wctx {
	const struct obj *o;
	const char *name;
	struct diag *d;
	struct osec *os;
	size_t nos;
	size_t *secidx;	 /* obj section -> output index (0: not written) */
	Elf64_Sym *syms; /* the symbol table */
	size_t nsyms;
	size_t first_global;
	size_t *symidx;	  /* obj symbol -> output symbol index */
	Elf64_Rel **rels; /* per obj section */
	size_t *nrels;
	struct buf strtab;
	struct obj_strset strset;
	struct buf btf, btf_ext;
	uint8_t version[4];
	int err;
};

static void werr(struct wctx *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void werr(struct wctx *w, const char *fmt, ...)
{
	struct diag_loc loc = {.file = w->name};
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_error(w->d, &loc, "%s", msg);
	if (!w->err)
		w->err = -EINVAL;
}

static uint32_t wstr(struct wctx *w, const char *s)
{
	uint32_t off = 0;

	if (obj_strset_add(&w->strset, &w->strtab, s, strlen(s), &off))
		w->err = -ENOMEM;
	return off;
}

static int skipped_sec(const struct obj_sec *s)
{
	/* generated here, or ELF bookkeeping a struct obj has no business holding */
	return !strcmp(s->name, ".BTF") || !strcmp(s->name, ".BTF.ext") || s->type == SHT_NULL ||
	       s->type == SHT_SYMTAB || s->type == SHT_STRTAB || s->type == SHT_REL ||
	       s->type == SHT_RELA;
}

static int check_obj(struct wctx *w)
{
	const struct obj *o = w->o;

	for (size_t i = 0; i < o->nsyms; i++) {
		const struct obj_sym *s = &o->syms[i];

		if (s->sec != OBJ_SEC_UNDEF && s->sec != OBJ_SEC_ABS &&
		    (s->sec < 0 || (size_t)s->sec >= o->nsecs || skipped_sec(&o->secs[s->sec])))
			werr(w, "symbol '%s' is in section %d, which is not written", s->name,
			     s->sec);
	}
	for (size_t i = 0; i < o->nrels; i++) {
		const struct obj_rel *r = &o->rels[i];
		uint64_t width = obj_rel_width(r->type), size;

		if (r->sec < 0 || (size_t)r->sec >= o->nsecs || skipped_sec(&o->secs[r->sec])) {
			werr(w, "relocation %zu patches section %d, which is not written", i,
			     r->sec);
			continue;
		}
		size = obj_sec_size(&o->secs[r->sec]);
		if (r->sym < 0 || (size_t)r->sym >= o->nsyms)
			werr(w, "relocation at %s+0x%" PRIx64 " refers to symbol %d of %zu",
			     o->secs[r->sec].name, r->offset, r->sym, o->nsyms);
		else if (width == UINT64_MAX)
			werr(w, "relocation at %s+0x%" PRIx64 " has unknown type %" PRIu32,
			     o->secs[r->sec].name, r->offset, r->type);
		else if (o->secs[r->sec].type == SHT_NOBITS || r->offset > size ||
			 width > size - r->offset)
			werr(w, "relocation at %s+0x%" PRIx64 " lies past the end of the section",
			     o->secs[r->sec].name, r->offset);
	}
	for (size_t i = 0; i < o->nsecs; i++) {
		const struct obj_sec *s = &o->secs[i];

		if (s->type != SHT_NOBITS && s->size && s->size != s->data.len)
			werr(w, "section '%s' says it is %" PRIu64 " bytes but holds %zu", s->name,
			     s->size, s->data.len);
		/* .BTF.ext and libbpf name sections: two of one name cannot be told apart */
		for (size_t k = 0; k < i && !skipped_sec(s); k++)
			if (!skipped_sec(&o->secs[k]) && !strcmp(o->secs[k].name, s->name)) {
				werr(w, "two sections are named '%s'", s->name);
				break;
			}
		if (s->align > OBJ_MAX_ALIGN || (s->align & (s->align - 1)))
			werr(w,
			     "section '%s': alignment %" PRIu64 " is not a power of two up to %u",
			     s->name, s->align, OBJ_MAX_ALIGN);
	}
	return w->err;
}

static struct osec *add_os(struct wctx *w, enum osec_kind kind, const char *name, uint32_t type)
{
	struct osec *s = &w->os[w->nos++];

	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->ref = -1;
	s->name = name;
	s->type = type;
	s->align = 1;
	s->dtype = ELF_T_BYTE;
	return s;
}

static int rel_cmp(const void *pa, const void *pb)
{
	const Elf64_Rel *a = pa, *b = pb;

	return a->r_offset < b->r_offset ? -1 : a->r_offset > b->r_offset;
}

static void add_obj_sec(struct wctx *w, size_t i)
{
	const struct obj_sec *s = &w->o->secs[i];
	struct osec *os = add_os(w, OS_OBJ, s->name, s->type);

	os->ref = (int)i;
	os->flags = s->flags;
	os->align = s->align ? s->align : 1;
	os->size = obj_sec_size(s);
	os->data = s->type == SHT_NOBITS ? NULL : s->data.data;
	w->secidx[i] = w->nos; /* output index: position + 1, after the null section */
	if (w->nrels[i]) {
		struct osec *r;
		size_t n = strlen(s->name) + 5;

		r = add_os(w, OS_REL, NULL, SHT_REL);
		r->owned_name = mem_alloc(n);
		if (!r->owned_name) {
			w->err = -ENOMEM;
			return;
		}
		snprintf(r->owned_name, n, ".rel%s", s->name);
		r->name = r->owned_name;
		r->ref = (int)i;
		r->flags = SHF_INFO_LINK;
		r->align = 8;
		r->entsize = sizeof(Elf64_Rel);
		r->dtype = ELF_T_REL;
	}
}

/* Number the sections and fill the symbol table and relocations. */
static int plan(struct wctx *w)
{
	const struct obj *o = w->o;
	size_t cap = 1 + 2 * o->nsecs + 5, nextra = 0;
	int maps_sec = obj_sec_find(o, ".maps");

	w->os = mem_alloc(cap * sizeof(*w->os));
	w->secidx = mem_alloc((o->nsecs + 1) * sizeof(*w->secidx));
	w->nrels = mem_alloc((o->nsecs + 1) * sizeof(*w->nrels));
	w->rels = mem_alloc((o->nsecs + 1) * sizeof(*w->rels));
	w->symidx = mem_alloc((o->nsyms + 1) * sizeof(*w->symidx));
	for (size_t i = 0; i < o->nmaps; i++)
		nextra += o->maps[i].sym < 0 && o->maps[i].data_sec < 0 && o->maps[i].sec >= 0 &&
			  o->maps[i].sec == maps_sec;
	w->syms = mem_alloc((o->nsyms + nextra + 1) * sizeof(*w->syms));
	if (!w->os || !w->secidx || !w->nrels || !w->rels || !w->symidx || !w->syms ||
	    buf_append(&w->strtab, "", 1))
		return -ENOMEM;

	for (size_t i = 0; i < o->nrels; i++)
		w->nrels[o->rels[i].sec]++;
	add_os(w, OS_STRTAB, ".strtab", SHT_STRTAB);
	/* code first, then everything else, each group in obj order */
	for (int pass = 0; pass < 2 && !w->err; pass++)
		for (size_t i = 0; i < o->nsecs; i++)
			if (!skipped_sec(&o->secs[i]) &&
			    !!(o->secs[i].flags & SHF_EXECINSTR) == (pass == 0))
				add_obj_sec(w, i);
	if (w->err)
		return w->err;
	if (o->license && obj_sec_find(o, "license") < 0) {
		struct osec *s = add_os(w, OS_LICENSE, "license", SHT_PROGBITS);

		s->flags = SHF_ALLOC | SHF_WRITE;
		s->data = o->license;
		s->size = strlen(o->license) + 1;
	}
	if (o->has_kern_version && obj_sec_find(o, "version") < 0) {
		struct osec *s = add_os(w, OS_VERSION, "version", SHT_PROGBITS);

		memcpy(w->version, &o->kern_version, 4);
		s->flags = SHF_ALLOC | SHF_WRITE;
		s->align = 4;
		s->data = w->version;
		s->size = 4;
	}

	/* symbols: locals first (ELF requires it), then globals */
	w->nsyms = 1;
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1)
			w->first_global = w->nsyms;
		for (size_t i = 0; i < o->nsyms; i++) {
			const struct obj_sym *s = &o->syms[i];
			Elf64_Sym *e;

			if ((s->bind == STB_LOCAL) != (pass == 0))
				continue;
			e = &w->syms[w->nsyms];
			w->symidx[i] = w->nsyms++;
			e->st_name = s->type == STT_SECTION ? 0 : wstr(w, s->name);
			e->st_info = ELF64_ST_INFO(s->bind, s->type);
			e->st_other = s->visibility;
			e->st_shndx = s->sec == OBJ_SEC_UNDEF ? SHN_UNDEF
				      : s->sec == OBJ_SEC_ABS ? SHN_ABS
							      : (Elf64_Section)w->secidx[s->sec];
			e->st_value = s->value;
			e->st_size = s->size;
		}
		if (pass == 1 && nextra) {
			for (size_t i = 0; i < o->nmaps; i++) {
				const struct obj_map *m = &o->maps[i];
				Elf64_Sym *e;

				if (m->sym >= 0 || m->data_sec >= 0 || m->sec < 0 ||
				    m->sec != maps_sec)
					continue;
				e = &w->syms[w->nsyms++];
				e->st_name = wstr(w, m->name);
				e->st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT);
				e->st_shndx = (Elf64_Section)w->secidx[m->sec];
				e->st_value = m->off;
				e->st_size = obj_map_def_size(m);
			}
		}
	}
	if (w->nos + 3 >= SHN_LORESERVE) {
		werr(w, "too many sections (%zu)", w->nos);
		return w->err;
	}

	/* relocations, per section, in offset order */
	for (size_t i = 0; i < o->nsecs; i++) {
		if (!w->nrels[i])
			continue;
		w->rels[i] = mem_alloc(w->nrels[i] * sizeof(Elf64_Rel));
		if (!w->rels[i])
			return -ENOMEM;
		w->nrels[i] = 0;
	}
	for (size_t i = 0; i < o->nrels; i++) {
		const struct obj_rel *r = &o->rels[i];
		Elf64_Rel *e = &w->rels[r->sec][w->nrels[r->sec]++];

		e->r_offset = r->offset;
		e->r_info = ELF64_R_INFO(w->symidx[r->sym], r->type);
	}
	for (size_t i = 0; i < o->nsecs; i++)
		if (w->nrels[i] > 1)
			qsort(w->rels[i], w->nrels[i], sizeof(Elf64_Rel), rel_cmp);
	return w->err;
}

static int finish_plan(struct wctx *w)
{
	const struct obj *o = w->o;
	size_t symtab_idx, i;
	struct osec *s;

	if (o->btf.len) {
		/* as read: keep what clang wrote (richer types than we would rebuild) */
		if (buf_append(&w->btf, o->btf.data, o->btf.len) ||
		    buf_append(&w->btf_ext, o->btf_ext.data, o->btf_ext.len))
			return -ENOMEM;
	} else {
		int err = obj_btf_build(o, &w->btf, &w->btf_ext, w->name, w->d);

		if (err)
			return err;
	}
	if (w->btf.len) {
		s = add_os(w, OS_BTF, ".BTF", SHT_PROGBITS);
		s->data = w->btf.data;
		s->size = w->btf.len;
		s->align = 4;
	}
	if (w->btf_ext.len) {
		s = add_os(w, OS_BTF_EXT, ".BTF.ext", SHT_PROGBITS);
		s->data = w->btf_ext.data;
		s->size = w->btf_ext.len;
		s->align = 4;
	}
	s = add_os(w, OS_SYMTAB, ".symtab", SHT_SYMTAB);
	s->data = w->syms;
	s->size = w->nsyms * sizeof(Elf64_Sym);
	s->align = 8;
	s->entsize = sizeof(Elf64_Sym);
	s->dtype = ELF_T_SYM;
	s->link = 1; /* .strtab */
	s->info = w->first_global;
	symtab_idx = w->nos; /* output index = position + 1 (index 0 is the null section) */
	for (i = 0; i < w->nos; i++) {
		s = &w->os[i];
		if (s->kind == OS_REL) {
			s->data = w->rels[s->ref];
			s->size = w->nrels[s->ref] * sizeof(Elf64_Rel);
			s->link = symtab_idx;
			s->info = w->secidx[s->ref];
		}
	}
	return 0;
}

/* Section names go into .strtab last (their offsets are needed only by libelf). */
static int emit(struct wctx *w, int fd)
{
	Elf *e;
	Elf64_Ehdr *eh;
	uint32_t *name_off;
	int err = 0;

	name_off = mem_alloc(w->nos * sizeof(*name_off));
	if (!name_off)
		return -ENOMEM;
	for (size_t i = 0; i < w->nos; i++)
		name_off[i] = wstr(w, w->os[i].name);
	w->os[0].data = w->strtab.data;
	w->os[0].size = w->strtab.len;
	if (w->err) {
		mem_free(name_off);
		return w->err;
	}

	e = elf_begin(fd, ELF_C_WRITE, NULL);
	if (!e) {
		werr(w, "libelf: %s", elf_errmsg(-1));
		mem_free(name_off);
		return -EIO;
	}
	eh = elf64_newehdr(e);
	if (!eh)
		goto elf_error;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_OSABI] = ELFOSABI_NONE;
	eh->e_type = ET_REL;
	eh->e_machine = EM_BPF;
	eh->e_version = EV_CURRENT;
	eh->e_shstrndx = 1;
	for (size_t i = 0; i < w->nos; i++) {
		const struct osec *s = &w->os[i];
		Elf_Scn *scn = elf_newscn(e);
		Elf64_Shdr *sh;
		Elf_Data *data;

		if (!scn || !(sh = elf64_getshdr(scn)) || !(data = elf_newdata(scn)))
			goto elf_error;
		sh->sh_name = name_off[i];
		sh->sh_type = s->type;
		sh->sh_flags = s->flags;
		sh->sh_addralign = s->align;
		sh->sh_entsize = s->entsize;
		sh->sh_link = (Elf64_Word)s->link;
		sh->sh_info = (Elf64_Word)s->info;
		/* libelf may not like NULL buffers with a size; NOBITS wants d_buf NULL */
		data->d_buf = s->type == SHT_NOBITS ? NULL : (void *)s->data;
		data->d_size = s->size;
		data->d_type = s->dtype;
		data->d_align = s->align;
		data->d_version = EV_CURRENT;
		if (s->type == SHT_NOBITS)
			sh->sh_size = s->size;
	}
	if (elf_update(e, ELF_C_WRITE) < 0)
		goto elf_error;
	goto out;
elf_error:
	werr(w, "libelf: %s", elf_errmsg(-1));
	err = -EIO;
out:
	elf_end(e);
	mem_free(name_off);
	return err;
}

static void wctx_fini(struct wctx *w)
{
	for (size_t i = 0; w->os && i < w->nos; i++)
		mem_free(w->os[i].owned_name);
	for (size_t i = 0; w->rels && i < w->o->nsecs; i++)
		mem_free(w->rels[i]);
	mem_free(w->os);
	mem_free(w->secidx);
	mem_free(w->nrels);
	mem_free(w->rels);
	mem_free(w->symidx);
	mem_free(w->syms);
	buf_free(&w->strtab);
	obj_strset_free(&w->strset);
	buf_free(&w->btf);
	buf_free(&w->btf_ext);
}

/* An anonymous file to let libelf write to: memfd, or tmpfile() where memfd is refused. */
static int scratch_fd(FILE **tmp)
{
	int fd = memfd_create("ebpf-obj", MFD_CLOEXEC);

	*tmp = NULL;
	if (fd >= 0)
		return fd;
	*tmp = tmpfile();
	return *tmp ? fileno(*tmp) : -1;
}

static int write_image(const struct obj *o, const char *name, void **data, size_t *len,
		       struct diag *d)
{
	struct wctx w;
	FILE *tmp = NULL;
	struct stat st;
	uint8_t *img = NULL;
	int fd = -1, err;

	*data = NULL;
	*len = 0;
	memset(&w, 0, sizeof(w));
	w.o = o;
	w.name = name;
	w.d = d;
	if (elf_version(EV_CURRENT) == EV_NONE) {
		werr(&w, "libelf: %s", elf_errmsg(-1));
		return -EIO;
	}
	err = check_obj(&w);
	if (!err)
		err = plan(&w);
	if (!err)
		err = finish_plan(&w);
	if (err)
		goto out;
	fd = scratch_fd(&tmp);
	if (fd < 0) {
		err = -errno;
		werr(&w, "cannot create a scratch file: %s", strerror(errno));
		goto out;
	}
	err = emit(&w, fd);
	if (err)
		goto out_close;
	if (fstat(fd, &st) || st.st_size <= 0) {
		err = -EIO;
		werr(&w, "cannot size the written object: %s", strerror(errno));
		goto out_close;
	}
	img = mem_alloc((size_t)st.st_size);
	if (!img) {
		err = -ENOMEM;
		goto out_close;
	}
	if (pread(fd, img, (size_t)st.st_size, 0) != st.st_size) {
		err = -EIO;
		werr(&w, "cannot read back the written object: %s", strerror(errno));
		mem_free(img);
		goto out_close;
	}
	*data = img;
	*len = (size_t)st.st_size;
out_close:
	if (tmp)
		fclose(tmp);
	else
		close(fd);
out:
	if (err == -ENOMEM)
		werr(&w, "out of memory");
	wctx_fini(&w);
	return err;
}

int obj_write_mem(const struct obj *o, void **data, size_t *len, struct diag *d)
{
	return write_image(o, "<memory>", data, len, d);
}

int obj_write_file(const struct obj *o, const char *path, struct diag *d)
{
	struct diag_loc loc = {.file = path};
	void *img;
	size_t len, done = 0;
	int fd, err;

	err = write_image(o, path, &img, &len, d);
	if (err)
		return err;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		err = -errno;
		diag_error(d, &loc, "cannot open for writing: %s", strerror(errno));
		mem_free(img);
		return err;
	}
	while (done < len) {
		ssize_t n = write(fd, (uint8_t *)img + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			err = n < 0 ? -errno : -EIO;
			diag_error(d, &loc, "cannot write: %s", strerror(n < 0 ? errno : EIO));
			break;
		}
		done += (size_t)n;
	}
	if (close(fd) && !err) {
		err = -errno;
		diag_error(d, &loc, "cannot write: %s", strerror(errno));
	}
	mem_free(img);
	return err;
}
