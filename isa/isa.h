/* SPDX-License-Identifier: MIT */
/*
 * isa.h - the eBPF instruction set as data: opcodes from insn.def, helpers from helpers.def,
 * map types from maptypes.def, program types from progtypes.def; decode, encode, validate and
 * print (both syntaxes).
 *
 * Invariants: a struct isa_insn with op != ISA_INVALID is always encodable; decoding the
 * encoding gives the same struct back. Nothing here allocates, prints or exits.
 */
#ifndef EBPF_ISA_H
#define EBPF_ISA_H

#include <stddef.h>
#include <stdint.h>

/* Instruction classes and field values (RFC 9669 section 3). */
enum {
	ISA_CLASS_LD = 0x00,
	ISA_CLASS_LDX = 0x01,
	ISA_CLASS_ST = 0x02,
	ISA_CLASS_STX = 0x03,
	ISA_CLASS_ALU = 0x04,
	ISA_CLASS_JMP = 0x05,
	ISA_CLASS_JMP32 = 0x06,
	ISA_CLASS_ALU64 = 0x07,
};
#define ISA_CLASS(code) ((code)&0x07)
#define ISA_SIZE(code)	((code)&0x18)
#define ISA_MODE(code)	((code)&0xe0)
#define ISA_OPC(code)	((code)&0xf0)
#define ISA_SRC_X(code) ((code)&0x08)

enum { ISA_SIZE_W = 0x00, ISA_SIZE_H = 0x08, ISA_SIZE_B = 0x10, ISA_SIZE_DW = 0x18 };

/* Pseudo sources of lddw (src field) and call, as in the kernel's uapi. */
enum {
	ISA_PSEUDO_MAP_FD = 1,
	ISA_PSEUDO_MAP_VALUE = 2,
	ISA_PSEUDO_BTF_ID = 3,
	ISA_PSEUDO_FUNC = 4,
	ISA_PSEUDO_MAP_IDX = 5,
	ISA_PSEUDO_MAP_IDX_VALUE = 6,
	ISA_PSEUDO_CALL = 1,
	ISA_PSEUDO_KFUNC_CALL = 2,
};

/* ELF relocation types of EM_BPF, numbered as LLVM writes them. */
enum {
	ISA_R_BPF_NONE = 0,
	ISA_R_BPF_64_64 = 1,
	ISA_R_BPF_64_ABS64 = 2,
	ISA_R_BPF_64_ABS32 = 3,
	ISA_R_BPF_64_NODYLD32 = 4,
	ISA_R_BPF_64_32 = 10,
};

#define ISA_NREGS     11 /* r0..r10; r10 is the read-only frame pointer */
#define ISA_INSN_SIZE 8

/* One raw 8-byte slot, as stored in an object file (little-endian host assumed). */
struct isa_raw {
	uint8_t code;
	uint8_t dst : 4;
	uint8_t src : 4;
	int16_t off;
	int32_t imm;
};
_Static_assert(sizeof(struct isa_raw) == ISA_INSN_SIZE, "isa_raw is one slot");

enum isa_op {
	ISA_INVALID = 0,
#define INSN(id, opc, key, kv, shape, classic, llvm) ISA_##id,
#include "insn.def"
#undef INSN
	ISA_OP_COUNT
};

/* Which field tells rows with the same opcode apart. */
enum isa_key { ISA_KEY_NONE, ISA_KEY_OFF, ISA_KEY_IMM, ISA_KEY_SRC };

/* Operand shapes: which fields an instruction uses and how it is spelled. */
enum isa_shape {
	ISA_SH_ALU_IMM, /* dst, imm          r1 += 5        add %r1, 5 */
	ISA_SH_ALU_REG, /* dst, src          r1 += r2       add %r1, %r2 */
	ISA_SH_NEG,	/* dst               r1 = -r1       neg %r1 */
	ISA_SH_MOVSX,	/* dst, src (off)    r1 = (s8)r2    movsx864 %r1, %r2 */
	ISA_SH_END,	/* dst (imm)         r1 = be16 r1   be16 %r1 */
	ISA_SH_JMP_IMM, /* dst, imm, off     if r1 > 5 goto +1   jgt %r1, 5, +1 */
	ISA_SH_JMP_REG, /* dst, src, off     if r1 > r2 goto +1  jgt %r1, %r2, +1 */
	ISA_SH_JA,	/* off               goto +1        ja +1 */
	ISA_SH_JA32,	/* imm               gotol +1       ja32 +1 */
	ISA_SH_CALL,	/* imm (src)         call 1         call 1 */
	ISA_SH_CALLX,	/* dst               callx r1       callx %r1 */
	ISA_SH_EXIT,	/* -                 exit           exit */
	ISA_SH_LDX,	/* dst, src, off     r1 = *(u32 *)(r2 + 4)   ldxw %r1, [%r2+4] */
	ISA_SH_ST,	/* dst, off, imm     *(u32 *)(r1 + 4) = 5    stw [%r1+4], 5 */
	ISA_SH_STX,	/* dst, src, off     *(u32 *)(r1 + 4) = r2   stxw [%r1+4], %r2 */
	ISA_SH_ATOMIC,	/* dst, src, off     lock *(u64 *)(r1 + 0) += r2   lock add [%r1], %r2 */
	ISA_SH_ATOMIC_FETCH, /* r2 = atomic_fetch_add((u64 *)(r1 + 0), r2)   lock fetch add [%r1], %r2 */
	ISA_SH_XCHG,	     /* r2 = xchg_64(r1 + 0, r2)                     lock xchg [%r1], %r2 */
	ISA_SH_CMPXCHG, /* r0 = cmpxchg_64(r1 + 0, r0, r2)              lock cmpxchg [%r1], %r2 */
	ISA_SH_LDDW,	/* dst, imm64 (src)  r1 = 0x1 ll    lddw %r1, 0x1 */
	ISA_SH_LDABS,	/* imm               r0 = *(u8 *)skb[4]     ldabsb 4 */
	ISA_SH_LDIND,	/* src, imm          r0 = *(u8 *)skb[r1]    ldindb %r1, 4 */
};

/* Fields an operand shape uses (ISA_F_*); all others must be zero. */
enum { ISA_F_DST = 1, ISA_F_SRC = 2, ISA_F_OFF = 4, ISA_F_IMM = 8 };

struct isa_opinfo {
	const char *name; /* the row id: "ADD64_IMM" */
	uint8_t code;
	uint8_t key; /* enum isa_key */
	int32_t keyval;
	uint8_t shape;	/* enum isa_shape */
	uint8_t fields; /* ISA_F_* used as operands (the key field is not among them) */
	const char *classic;
	const char *llvm;
};

/* The table, indexed by enum isa_op (entry 0 is ISA_INVALID). */
extern const struct isa_opinfo isa_ops[ISA_OP_COUNT];

/* A decoded instruction. For lddw, imm64 is the full constant and imm its low half. */
struct isa_insn {
	uint16_t op; /* enum isa_op */
	uint8_t code, dst, src;
	int16_t off;
	int32_t imm;
	int64_t imm64;
};

/*
 * isa_insn_decode - decode the instruction at slot 0 of @raw (@n slots available).
 * Returns the number of slots used (1, or 2 for lddw) and fills @out, or -EINVAL when the
 * slots are no valid instruction; then *@why (if not NULL) says why in a static string.
 */
int isa_insn_decode(const struct isa_raw *raw, size_t n, struct isa_insn *out, const char **why);

/* isa_insn_encode - write @in to @out (room for 2 slots). Returns slots written (1 or 2). */
int isa_insn_encode(const struct isa_insn *in, struct isa_raw out[2]);

/* isa_insn_make - fill @out for @op with the given operands (unused ones ignored, key set). */
void isa_insn_make(struct isa_insn *out, enum isa_op op, int dst, int src, int off, int64_t imm);

/* isa_op_lookup - the row matching raw fields, or ISA_INVALID. */
enum isa_op isa_op_lookup(uint8_t code, uint8_t src, int16_t off, int32_t imm);

/* isa_insn_slots - 2 for lddw, else 1. */
static inline int isa_insn_slots(const struct isa_insn *insn)
{
	return insn->code == 0x18 ? 2 : 1;
}

/* Memory access width in bytes of a load, store or atomic opcode; 0 for others. */
int isa_code_width(uint8_t code);

/* True for ALU and JMP32 rows that operate on 32-bit subregisters (w registers). */
int isa_op_is_32bit(enum isa_op op);

/* Is this a jump whose off (or imm, for gotol) is a pc-relative target? */
int isa_op_is_jump(enum isa_op op);

/* ---- printing ---- */

enum isa_syntax { ISA_SYNTAX_LLVM, ISA_SYNTAX_CLASSIC };

enum {
	ISA_PRINT_HEX = 1,	    /* numbers as llvm-objdump 19 prints them (0x5, -0x8) */
	ISA_PRINT_HELPER_NAMES = 2, /* call bpf_map_lookup_elem instead of call 1 */
};

/*
 * isa_insn_print - print @insn into @buf (always NUL-terminated, truncated to @len).
 * @syntax: ISA_SYNTAX_LLVM prints as llvm-objdump -d --mcpu=v4 does with ISA_PRINT_HEX (and as
 * llvm-mc prints without it); ISA_SYNTAX_CLASSIC prints the mnemonic dialect.
 * Returns the length the full text would have (like snprintf).
 */
int isa_insn_print(const struct isa_insn *insn, enum isa_syntax syntax, unsigned flags, char *buf,
		   size_t len);

/* ---- helpers (helpers.def) ---- */

/* Argument and return kinds of helper prototypes, as the kernel's verifier names them. */
enum isa_arg {
#define ISA_ARG(id) ISA_ARG_##id,
#include "argtypes.def"
#undef ISA_ARG
	ISA_ARG_COUNT
};

struct isa_helper {
	int id;
	const char *name; /* "bpf_map_lookup_elem" */
	uint8_t ret;	  /* enum isa_arg (RET_* kinds) */
	uint8_t args[5];  /* enum isa_arg; ISA_ARG_DONTCARE past the last */
	uint8_t gpl_only;
};

/* The helper with this id, or NULL. */
const struct isa_helper *isa_helper_by_id(int id);
/* The helper with this name (with or without the "bpf_" prefix), or NULL. */
const struct isa_helper *isa_helper_by_name(const char *name);
/* Number of known helpers and the i-th one (for iteration). */
size_t isa_helper_count(void);
const struct isa_helper *isa_helper_at(size_t i);

/* ---- map types (maptypes.def) ---- */

struct isa_maptype {
	int id;		  /* enum bpf_map_type value */
	const char *name; /* "hash", "array", "percpu_hash", ... (libbpf's names) */
};
const struct isa_maptype *isa_maptype_by_id(int id);
const struct isa_maptype *isa_maptype_by_name(const char *name);

/* ---- program types (progtypes.def) ---- */

struct isa_progtype {
	int id;		  /* enum bpf_prog_type value */
	const char *name; /* "xdp", "socket_filter", "kprobe", ... (bpftool's names) */
};

struct isa_secdef {
	const char *prefix; /* libbpf section name or prefix: "xdp", "kprobe/", "tracepoint/" */
	int prog_type;	    /* enum bpf_prog_type */
	int attach_type;    /* enum bpf_attach_type, or -1 */
	unsigned flags;	    /* ISA_SEC_* */
};
enum {
	ISA_SEC_EXACT = 1,	/* the name must equal prefix (no "/suffix") */
	ISA_SEC_ATTACH_ARG = 2, /* the part after '/' names the attach target */
};

const struct isa_progtype *isa_progtype_by_id(int id);
const struct isa_progtype *isa_progtype_by_name(const char *name);
/* The section definition for an ELF section name (libbpf rules), or NULL. */
const struct isa_secdef *isa_secdef_find(const char *secname);
size_t isa_secdef_count(void);
const struct isa_secdef *isa_secdef_at(size_t i);

#endif
