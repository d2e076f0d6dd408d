/* SPDX-License-Identifier: MIT */
/*
 * obj.h - the one object model. ebpf-as builds a struct obj and writes it as ELF; every other
 * tool reads ELF (ours or clang's) into a struct obj. It holds what the ELF holds, by index:
 *
 *   secs[]   sections with their bytes (program text, .data/.rodata/.bss, .maps, license)
 *   syms[]   symbols; sym->sec indexes secs[] (OBJ_SEC_UNDEF, OBJ_SEC_ABS otherwise)
 *   rels[]   relocations; rel->sec is the section patched, rel->sym the symbol referenced
 *   maps[]   map definitions (from .maps + BTF, legacy "maps", or the assembler's .map)
 *   progs[]  programs: global FUNC symbols in executable sections, with their program type
 *   funcs[]  every function (programs and subprograms) for BTF func info
 *   lines[]  line info: instruction (sec, byte offset) -> source file, line, column, text
 *
 * Strings of line info live in one interned pool (obj_str_add), so a 200,000-line file does
 * not cost 200,000 allocations. ELF section indexes are not stored: the writer numbers
 * sections itself; the reader maps ELF indexes to secs[] indexes while it reads.
 *
 * Errors: functions return 0 (or an index) on success and -errno on failure; the readers and
 * writers also report a message through the struct diag they are given.
 */
#ifndef EBPF_OBJ_H
#define EBPF_OBJ_H

#include <stddef.h>
#include <stdint.h>

#include "../common/buf.h"
#include "../common/diag.h"

#define OBJ_SEC_UNDEF (-1)
#define OBJ_SEC_ABS   (-2)

struct obj_sec {
	char *name;
	uint32_t type;	/* SHT_PROGBITS, SHT_NOBITS, ... */
	uint64_t flags; /* SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, ... */
	uint64_t align;
	struct buf data; /* the bytes; empty for SHT_NOBITS */
	uint64_t size;	 /* SHT_NOBITS: the size; otherwise kept equal to data.len by writers */
};

struct obj_sym {
	char *name;
	int sec; /* index in secs[], or OBJ_SEC_UNDEF / OBJ_SEC_ABS */
	uint64_t value, size;
	uint8_t bind; /* STB_LOCAL, STB_GLOBAL, STB_WEAK */
	uint8_t type; /* STT_NOTYPE, STT_OBJECT, STT_FUNC, STT_SECTION */
	uint8_t visibility;
};

struct obj_rel {
	int sec;	 /* section patched */
	uint64_t offset; /* byte offset in it */
	int sym;	 /* index in syms[] */
	uint32_t type;	 /* ISA_R_BPF_* */
};

struct obj_map {
	char *name;
	uint32_t type; /* enum bpf_map_type */
	uint32_t key_size, value_size, max_entries, flags;
	uint32_t pinning; /* LIBBPF_PIN_NONE 0, LIBBPF_PIN_BY_NAME 1 */
	int sym;	  /* its symbol (in .maps or maps), or -1 */
	int sec;	  /* section holding it (.maps, maps, or a data section), or -1 */
	uint64_t off;	  /* offset of its definition in sec */
	/* For global data maps (.data, .rodata, .bss, .rodata.str1.1 ...): the section. */
	int data_sec; /* -1 unless this is a global data map */
};

struct obj_prog {
	char *name;
	int sec;
	uint64_t off, size; /* bytes in sec */
	int sym;
	int prog_type;		  /* enum bpf_prog_type; 0 (unspec) when the section is unknown */
	int expected_attach_type; /* or -1 */
	const char *attach_arg;	  /* part of the section name after the prefix ("sys_enter") */
};

struct obj_func {
	int sec;
	uint64_t off;	/* bytes */
	uint32_t name;	/* obj_str offset */
	uint8_t global; /* BTF_FUNC_GLOBAL (program) or static (subprogram) */
};

/* Where an instruction slot of a linked or loaded program came from: section index and byte
 * offset in it (obj/link.c makes them; the loader, the interpreter and the verifier simulator
 * find the slot's source line with obj_line_find). */
struct obj_origin {
	int sec;
	uint64_t off;
};

struct obj_line {
	int sec;
	uint32_t off;  /* byte offset of the instruction in sec */
	uint32_t file; /* obj_str offset of the file name */
	uint32_t text; /* obj_str offset of the source line's text */
	uint32_t line, col;
};

struct obj {
	struct obj_sec *secs;
	size_t nsecs, secs_cap;
	struct obj_sym *syms;
	size_t nsyms, syms_cap;
	struct obj_rel *rels;
	size_t nrels, rels_cap;
	struct obj_map *maps;
	size_t nmaps, maps_cap;
	struct obj_prog *progs;
	size_t nprogs, progs_cap;
	struct obj_func *funcs;
	size_t nfuncs, funcs_cap;
	struct obj_line *lines;
	size_t nlines, lines_cap;
	struct buf strs; /* interned strings for funcs[] and lines[]; offset 0 is "" */
	char *license;	 /* NULL: no license section */
	uint32_t kern_version;
	int has_kern_version;
	/* Reader: raw BTF and .BTF.ext as found (NULL/0 if absent), for the loader. */
	struct buf btf, btf_ext;
	struct obj_strset *strs_set; /* private to obj.c: the dedupe index of strs */
};

struct obj *obj_new(void);
void obj_free(struct obj *o);

/* Add a section; returns its index or -ENOMEM. */
int obj_sec_add(struct obj *o, const char *name, uint32_t type, uint64_t flags, uint64_t align);
/* Index of the section with this name, or -1. */
int obj_sec_find(const struct obj *o, const char *name);
/* Size of a section (data.len, or size for SHT_NOBITS). */
uint64_t obj_sec_size(const struct obj_sec *s);

/* Add a symbol; returns its index or -ENOMEM. */
int obj_sym_add(struct obj *o, const char *name, int sec, uint64_t value, uint64_t size, int bind,
		int type);
/* Index of the first symbol with this name, or -1. */
int obj_sym_find(const struct obj *o, const char *name);

int obj_rel_add(struct obj *o, int sec, uint64_t offset, int sym, uint32_t type);
/* Add a map (the name is copied); returns its index or -ENOMEM. */
int obj_map_add(struct obj *o, const struct obj_map *m);
int obj_map_find(const struct obj *o, const char *name);
/* Bytes a map's definition needs in .maps as the writer describes it in BTF: 8 per member,
 * type and each of key_size, value_size, max_entries, map_flags, pinning that is not 0
 * (at most 48). The writer checks that this much lies before the next map. */
uint64_t obj_map_def_size(const struct obj_map *m);
int obj_func_add(struct obj *o, int sec, uint64_t off, const char *name, int global);
int obj_line_add(struct obj *o, int sec, uint32_t off, const char *file, unsigned line,
		 unsigned col, const char *text, size_t textlen);

/* Intern a string (n bytes, need not be NUL-terminated); returns its offset, or 0 on ENOMEM. */
uint32_t obj_str_add(struct obj *o, const char *s, size_t n);
/* The string at an offset from obj_str_add. */
const char *obj_str(const struct obj *o, uint32_t off);

/* The line info entry for the instruction at (sec, off): the last entry of sec at or before
 * off (line info is sparse: an entry holds until the next one), the first added of several
 * at one offset; NULL if none. Needs lines sorted by (sec, off), as the reader leaves them
 * and obj_lines_sort() (stable) makes them. */
const struct obj_line *obj_line_find(const struct obj *o, int sec, uint32_t off);
void obj_lines_sort(struct obj *o);

/*
 * obj_progs_collect - fill progs[] from the symbols: every global FUNC symbol in an
 * executable section, typed by the section name (isa_secdef_find). Also fills funcs[] if it
 * is empty. Returns 0 or -ENOMEM.
 */
int obj_progs_collect(struct obj *o);

/*
 * obj_data_maps_collect - add the global data maps, as libbpf makes them: one single-entry
 * array per non-empty .data, .rodata, .bss section (and their ".suffix" forms), holding the
 * whole section (data_sec), .rodata* read-only for programs. The ELF reader and the
 * assembler both call it, so an assembled object and one read from disk have the same
 * maps; the ELF writer leaves these out (they are sections, not .maps entries). Returns 0 or
 * -ENOMEM.
 */
int obj_data_maps_collect(struct obj *o);

/* Write @o as an ELF relocatable object for EM_BPF (libelf), with .BTF and .BTF.ext built
 * from maps[], funcs[] and lines[] (or, when @o->btf is not empty, as read: written back
 * unchanged). To a file, or to a malloc'ed buffer. */
int obj_write_file(const struct obj *o, const char *path, struct diag *d);
int obj_write_mem(const struct obj *o, void **data, size_t *len, struct diag *d);

/* Read an ELF object (ours or clang's) into a new struct obj. @name labels messages.
 * Malformed input gives -EINVAL (or -ENOEXEC for non-BPF ELF) and a message, never a crash. */
int obj_read_file(const char *path, struct obj **out, struct diag *d);
int obj_read_mem(const void *data, size_t len, const char *name, struct obj **out, struct diag *d);

#endif
