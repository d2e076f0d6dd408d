/* SPDX-License-Identifier: MIT */
/*
 * load.c - a struct obj into the kernel: maps first, then each program relocated and loaded.
 *
 * A program handed to the kernel is one flat array of instructions. The object has it in
 * pieces: the program's bytes in its section, subprograms in .text or other executable
 * sections, and relocations saying which lddw names a map or global data and which call
 * names a function. Each program is therefore rebuilt as a list of chunks:
 *
 *   slot 0 ............ the program itself (chunk 0: its section, its offset and size)
 *   after it .......... every subprogram it reaches, transitively, each once (one chunk each)
 *
 * and walked slot by slot; a walk reaching a call to code outside every chunk appends that
 * function as a new chunk, which the same walk visits later. Every slot remembers where it
 * came from (section, offset): relocations are looked up by that origin, so a subprogram's
 * own relocations apply in every program that appends it, and a verifier complaint about
 * slot N finds its source line.
 *
 * Call targets follow LLVM: a call with a relocation reaches symbol + (imm + 1) slots (a
 * global function has imm = -1, a static one is reached through its section symbol); one
 * without a relocation is pc-relative inside its section. An lddw of a function (src 4)
 * reaches symbol + imm bytes. After placement both become pc-relative in the flat program.
 * An lddw of a map symbol becomes (src 1, imm = map fd); of global data (src 2, imm = fd of
 * the section's map, next imm = offset in it).
 *
 * Order: maps (all of them, each failure reported), then BTF (optional: a refusal is a
 * warning), then every program, even after one fails, so one run reports every verdict.
 *
 * Invariants: the object is never modified; on return every descriptor opened is either in
 * the result or closed.
 */
#define _GNU_SOURCE
#include "loader.h"

#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <linux/btf.h>

#include "../common/mem.h"

#define CODE_LDDW 0x18 /* BPF_LD | BPF_IMM | BPF_DW */
#define CODE_CALL 0x85 /* BPF_JMP | BPF_CALL */

/* How many lines of the verifier log a failure reports (the full log is in the result). */
#define LOG_SUMMARY_LINES 4

/* A relocation, keyed for binary search by the place it patches. */
struct relref {
	int sec;
	uint64_t off;
	size_t rel;
};

/* A contiguous piece of the flat program and where its bytes came from. */
struct chunk {
	int sec;
	uint64_t off, size; /* bytes in sec */
	size_t at;	    /* first slot */
};

struct kbtf;

/* Everything one program's relocation needs. */
struct build {
	const struct obj *o;
	struct diag *d;
	const struct diag_loc *loc;
	const char *pname;
	const struct ldr_loaded *l; /* its maps[] are indexed as o->maps[] */
	const struct kbtf *kb;
	const struct relref *rels;
	size_t nrels;
	struct ldr_loaded_prog *lp;
	size_t insns_cap, origin_cap;
	struct chunk *chunks;
	size_t nchunks, chunks_cap;
};

static int relref_cmp(const void *a, const void *b)
{
	const struct relref *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return 0;
}

/* The relocation patching (sec, off), or NULL. */
static const struct obj_rel *rel_find(const struct build *b, int sec, uint64_t off)
{
	struct relref key = {sec, off, 0};
	const struct relref *r = bsearch(&key, b->rels, b->nrels, sizeof(key), relref_cmp);

	return r ? &b->o->rels[r->rel] : NULL;
}

static const char *sym_name(const struct obj *o, int sym)
{
	const struct obj_sym *s = sym >= 0 && (size_t)sym < o->nsyms ? &o->syms[sym] : NULL;

	if (s && s->name && *s->name)
		return s->name;
	/* Section symbols are nameless in the ELF: they stand for their section. */
	if (s && s->sec >= 0 && (size_t)s->sec < o->nsecs)
		return o->secs[s->sec].name;
	return "(unnamed)";
}

static const char *sec_name(const struct obj *o, int sec)
{
	return sec >= 0 && (size_t)sec < o->nsecs ? o->secs[sec].name : "(none)";
}

/* ---- program assembly ---- */

static int chunk_append(struct build *b, int sec, uint64_t off, uint64_t size, size_t *at)
{
	const struct obj_sec *s = &b->o->secs[sec];
	struct ldr_loaded_prog *lp = b->lp;
	size_t n = (size_t)(size / ISA_INSN_SIZE), need;
	struct isa_raw *ni;
	struct ldr_origin *no;
	struct chunk *nc;

	if (size == 0 || size % ISA_INSN_SIZE || off % ISA_INSN_SIZE || off > s->data.len ||
	    size > s->data.len - off) {
		diag_error(b->d, b->loc,
			   "prog '%s': code at %s+0x%llx (%llu bytes) is not whole instructions "
			   "inside the section",
			   b->pname, s->name, (unsigned long long)off, (unsigned long long)size);
		return -EINVAL;
	}
	need = lp->ninsns + n;
	ni = mem_array(lp->insns, &b->insns_cap, need, sizeof(*ni));
	if (!ni)
		return -ENOMEM;
	lp->insns = ni;
	no = mem_array(lp->origin, &b->origin_cap, need, sizeof(*no));
	if (!no)
		return -ENOMEM;
	lp->origin = no;
	nc = mem_array(b->chunks, &b->chunks_cap, b->nchunks + 1, sizeof(*nc));
	if (!nc)
		return -ENOMEM;
	b->chunks = nc;

	memcpy(lp->insns + lp->ninsns, s->data.data + off, n * ISA_INSN_SIZE);
	for (size_t i = 0; i < n; i++) {
		lp->origin[lp->ninsns + i].sec = sec;
		lp->origin[lp->ninsns + i].off = off + i * ISA_INSN_SIZE;
	}
	b->chunks[b->nchunks++] = (struct chunk){sec, off, size, lp->ninsns};
	*at = lp->ninsns;
	lp->ninsns = need;
	return 0;
}

/*
 * The extent of the function starting at (sec, off): its symbol's size when it has one,
 * else up to the next function symbol or the end of the section (code from an assembler
 * that never said .type/.size).
 */
static uint64_t func_size(const struct obj *o, int sec, uint64_t off)
{
	uint64_t end = obj_sec_size(&o->secs[sec]);

	for (size_t i = 0; i < o->nsyms; i++) {
		const struct obj_sym *s = &o->syms[i];

		if (s->sec == sec && s->type == STT_FUNC && s->value == off && s->size)
			return s->size;
	}
	for (size_t i = 0; i < o->nsyms; i++) {
		const struct obj_sym *s = &o->syms[i];

		if (s->sec == sec && s->type == STT_FUNC && s->value > off && s->value < end)
			end = s->value;
	}
	return end - off;
}

/* The flat-program slot of code at byte @toff of @sec, appending its function if needed. */
static int target_slot(struct build *b, int sec, int64_t toff, size_t *slot)
{
	const struct obj *o = b->o;

	for (size_t i = 0; i < b->nchunks; i++) {
		const struct chunk *c = &b->chunks[i];

		if (c->sec == sec && toff >= 0 && (uint64_t)toff >= c->off &&
		    (uint64_t)toff < c->off + c->size) {
			*slot = c->at + (size_t)(((uint64_t)toff - c->off) / ISA_INSN_SIZE);
			return 0;
		}
	}
	if (sec < 0 || (size_t)sec >= o->nsecs || !(o->secs[sec].flags & SHF_EXECINSTR) ||
	    toff < 0 || (uint64_t)toff >= o->secs[sec].data.len || toff % ISA_INSN_SIZE) {
		diag_error(b->d, b->loc, "prog '%s': call target %s+0x%llx is not code", b->pname,
			   sec_name(o, sec), (unsigned long long)toff);
		return -EINVAL;
	}
	return chunk_append(b, sec, (uint64_t)toff, func_size(o, sec, (uint64_t)toff), slot);
}

/* Make slot @i (a call or an lddw of a function) reach code at (@sec, @toff). */
static int code_ref_fix(struct build *b, size_t i, int sec, int64_t toff)
{
	size_t slot;
	int64_t rel;
	int err = target_slot(b, sec, toff, &slot);

	if (err)
		return err;
	rel = (int64_t)slot - (int64_t)i - 1;
	b->lp->insns[i].imm = (int32_t)rel;
	return 0;
}

/* The map (index in o->maps) an lddw relocation against @sym names, or -1. */
static int map_by_sym(const struct obj *o, int sym)
{
	const struct obj_sym *s = &o->syms[sym];

	for (size_t m = 0; m < o->nmaps; m++)
		if (o->maps[m].data_sec < 0 && o->maps[m].sym == sym)
			return (int)m;
	/* A symbol table rewritten by another tool: match by place instead. */
	for (size_t m = 0; m < o->nmaps; m++)
		if (o->maps[m].data_sec < 0 && o->maps[m].sec == s->sec &&
		    o->maps[m].off == s->value)
			return (int)m;
	return -1;
}

static int map_by_data_sec(const struct obj *o, int sec)
{
	for (size_t m = 0; m < o->nmaps; m++)
		if (o->maps[m].data_sec == sec)
			return (int)m;
	return -1;
}

static int map_fd_of(struct build *b, int m)
{
	int fd = b->l->maps[m].fd;

	if (fd < 0)
		diag_error(b->d, b->loc, "prog '%s': map '%s' was not created", b->pname,
			   b->o->maps[m].name);
	return fd < 0 ? -ENOENT : fd;
}

static int relo_lddw(struct build *b, size_t i, const struct obj_rel *r)
{
	const struct obj *o = b->o;
	struct isa_raw *in = &b->lp->insns[i];
	const struct obj_sym *s;
	int m, fd;

	if (!r) {
		/* Assembled in place: a function address relative to this lddw. */
		if (in->src == ISA_PSEUDO_FUNC)
			return code_ref_fix(b, i, b->lp->origin[i].sec,
					    (int64_t)b->lp->origin[i].off +
						    ((int64_t)in->imm + 1) * ISA_INSN_SIZE);
		return 0;
	}
	if (r->type != ISA_R_BPF_64_64 || r->sym < 0 || (size_t)r->sym >= o->nsyms) {
		diag_error(b->d, b->loc,
			   "prog '%s': relocation type %u at %s+0x%llx is not R_BPF_64_64 on lddw",
			   b->pname, r->type, sec_name(o, r->sec), (unsigned long long)r->offset);
		return -EINVAL;
	}
	s = &o->syms[r->sym];
	if (s->sec < 0 || (size_t)s->sec >= o->nsecs) {
		diag_error(b->d, b->loc,
			   "prog '%s': '%s' is not defined in this object (extern variables and "
			   "kernel symbols are not supported)",
			   b->pname, sym_name(o, r->sym));
		return -EINVAL;
	}

	m = map_by_data_sec(o, s->sec);
	if (m >= 0) {
		/* Global data: the address of a value inside the section's map. LLVM puts the
		 * offset in the symbol (named variables) or in imm (section symbol + offset). */
		int64_t voff = (int64_t)s->value + in->imm;

		fd = map_fd_of(b, m);
		if (fd < 0)
			return fd;
		if (voff < 0 || (uint64_t)voff >= obj_sec_size(&o->secs[s->sec])) {
			diag_error(b->d, b->loc, "prog '%s': '%s'%+d is outside section '%s'",
				   b->pname, sym_name(o, r->sym), in->imm, sec_name(o, s->sec));
			return -EINVAL;
		}
		in->src = ISA_PSEUDO_MAP_VALUE;
		in->imm = fd;
		in[1].imm = (int32_t)voff;
		return 0;
	}
	if (o->secs[s->sec].flags & SHF_EXECINSTR) {
		/* A callback (bpf_loop, timers): the function's address as a pseudo func. */
		in->src = ISA_PSEUDO_FUNC;
		return code_ref_fix(b, i, s->sec, (int64_t)s->value + in->imm);
	}
	m = map_by_sym(o, r->sym);
	if (m < 0) {
		diag_error(b->d, b->loc,
			   "prog '%s': '%s' in section '%s' is neither a map nor global data",
			   b->pname, sym_name(o, r->sym), sec_name(o, s->sec));
		return -EINVAL;
	}
	fd = map_fd_of(b, m);
	if (fd < 0)
		return fd;
	in->src = ISA_PSEUDO_MAP_FD;
	in->imm = fd;
	return 0;
}

static int relo_call(struct build *b, size_t i, const struct obj_rel *r)
{
	const struct obj *o = b->o;
	const struct isa_raw *in = &b->lp->insns[i];
	const struct obj_sym *s;

	if (!r)
		return code_ref_fix(b, i, b->lp->origin[i].sec,
				    (int64_t)b->lp->origin[i].off +
					    ((int64_t)in->imm + 1) * ISA_INSN_SIZE);
	if (r->type != ISA_R_BPF_64_32 || r->sym < 0 || (size_t)r->sym >= o->nsyms) {
		diag_error(
			b->d, b->loc,
			"prog '%s': relocation type %u at %s+0x%llx is not R_BPF_64_32 on a call",
			b->pname, r->type, sec_name(o, r->sec), (unsigned long long)r->offset);
		return -EINVAL;
	}
	s = &o->syms[r->sym];
	if (s->sec < 0) {
		diag_error(b->d, b->loc,
			   "prog '%s': function '%s' is not defined in this object (kfuncs and "
			   "extern functions are not supported)",
			   b->pname, sym_name(o, r->sym));
		return -EINVAL;
	}
	return code_ref_fix(b, i, s->sec,
			    (int64_t)s->value + ((int64_t)in->imm + 1) * ISA_INSN_SIZE);
}

/* Build the flat, relocated program @p into b->lp. */
static int prog_relocate(struct build *b, const struct obj_prog *p)
{
	struct ldr_loaded_prog *lp = b->lp;
	uint64_t size = p->size;
	size_t at;
	int err;

	if (p->sec < 0 || (size_t)p->sec >= b->o->nsecs) {
		diag_error(b->d, b->loc, "prog '%s': no such section", b->pname);
		return -EINVAL;
	}
	if (!size && p->off < obj_sec_size(&b->o->secs[p->sec]))
		size = func_size(b->o, p->sec, p->off);
	err = chunk_append(b, p->sec, p->off, size, &at);
	if (err)
		return err;

	/* lp->ninsns grows while this runs: appended subprograms are walked too. */
	for (size_t i = 0; i < lp->ninsns; i++) {
		const struct ldr_origin org = lp->origin[i];
		const struct obj_rel *r = rel_find(b, org.sec, org.off);
		const struct isa_raw in = lp->insns[i];

		if (in.code == CODE_LDDW) {
			if (i + 1 >= lp->ninsns || lp->origin[i + 1].sec != org.sec ||
			    lp->origin[i + 1].off != org.off + ISA_INSN_SIZE) {
				diag_error(b->d, b->loc,
					   "prog '%s': lddw at %s+0x%llx has no second half",
					   b->pname, sec_name(b->o, org.sec),
					   (unsigned long long)org.off);
				return -EINVAL;
			}
			err = relo_lddw(b, i, r);
			i++;
		} else if (in.code == CODE_CALL && in.src == ISA_PSEUDO_CALL) {
			err = relo_call(b, i, r);
		} else if (r) {
			diag_error(b->d, b->loc,
				   "prog '%s': relocation against '%s' at %s+0x%llx patches an "
				   "instruction that is neither lddw nor a call",
				   b->pname, sym_name(b->o, r->sym), sec_name(b->o, org.sec),
				   (unsigned long long)org.off);
			err = -EINVAL;
		}
		if (err)
			return err;
	}
	return 0;
}

/* ---- reporting ---- */

static void report_errno(struct diag *d, const struct diag_loc *loc, const char *what,
			 const char *name, const char *step, int err, const char *hint)
{
	char eb[160];

	ldr_errno_format(err, eb, sizeof(eb));
	if (hint)
		diag_error(d, loc, "%s '%s': %s: %s: %s", what, name, step, eb, hint);
	else
		diag_error(d, loc, "%s '%s': %s: %s", what, name, step, eb);
}

/* Lines of the log that say nothing about this failure. */
static int log_line_is_noise(const char *s, size_t n)
{
	static const char *const prefixes[] = {"processed ", "verification time ", "stack depth "};

	if (n == 0)
		return 1;
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t pl = strlen(prefixes[i]);

		if (n >= pl && memcmp(s, prefixes[i], pl) == 0)
			return 1;
	}
	return 0;
}

/*
 * Up to @max of the last lines of @log that matter, oldest first, into @starts/@lens;
 * returns how many. Some kernel messages lack their newline and the statistics follow on
 * the same line: those are cut off.
 */
static size_t log_tail(const char *log, size_t len, size_t max, const char **starts, size_t *lens)
{
	const char *end = log + len;
	size_t n = 0;

	while (end > log && n < max) {
		const char *s = end;

		while (s > log && s[-1] != '\n')
			s--;
		if (!log_line_is_noise(s, (size_t)(end - s))) {
			const char *glued = memmem(s, (size_t)(end - s), "processed ", 10);

			starts[n] = s;
			lens[n++] = (size_t)((glued ? glued : end) - s);
		}
		end = s > log ? s - 1 : s;
	}
	/* Found newest first. */
	for (size_t i = 0; i < n / 2; i++) {
		const char *ts = starts[i];
		size_t tl = lens[i];

		starts[i] = starts[n - 1 - i];
		lens[i] = lens[n - 1 - i];
		starts[n - 1 - i] = ts;
		lens[n - 1 - i] = tl;
	}
	return n;
}

/* The line of @log that gives the reason (its last one that matters), as (*@s, length). */
static int log_reason(const char *log, const char **s)
{
	size_t len = 0;

	*s = "";
	if (log && log_tail(log, strlen(log), 1, s, &len) == 0)
		*s = "";
	return (int)len;
}

/* The slot number of the last "N: (xx) insn" line of a verifier log, or -1. */
static long log_last_insn(const char *log)
{
	long last = -1;

	for (const char *p = log; *p;) {
		const char *nl = strchr(p, '\n');
		char *end;
		long v = strtol(p, &end, 10);

		if (end != p && *p >= '0' && *p <= '9' && end[0] == ':' && end[1] == ' ' &&
		    end[2] == '(')
			last = v;
		if (!nl)
			break;
		p = nl + 1;
	}
	return last;
}

/*
 * After a failed load: the verifier's last lines (the reason is among them; the full log
 * stays in the result), and the source line of the instruction it stopped at.
 */
static void report_log(struct diag *d, const struct diag_loc *loc, const struct obj *o,
		       const struct ldr_loaded_prog *lp)
{
	const char *starts[LOG_SUMMARY_LINES];
	size_t lens[LOG_SUMMARY_LINES];
	size_t n = log_tail(lp->log, lp->log_len, LOG_SUMMARY_LINES, starts, lens);
	long slot;

	if (n == 0) {
		diag_note(d, loc,
			  "prog '%s': the verifier log is empty: the kernel refused the program "
			  "before verifying it (program type, attach type, license or flags)",
			  lp->name);
		return;
	}
	for (size_t i = 0; i < n; i++)
		diag_note(d, loc, "prog '%s': verifier: %.*s", lp->name, (int)lens[i], starts[i]);

	slot = log_last_insn(lp->log);
	if (slot >= 0 && (size_t)slot < lp->ninsns) {
		const struct ldr_origin *org = &lp->origin[slot];
		const struct obj_line *ln = obj_line_find(o, org->sec, (uint32_t)org->off);

		if (ln && ln->line) {
			struct diag_loc src = {obj_str(o, ln->file), ln->line, ln->col, 0};

			diag_note(d, &src, "prog '%s': the verifier stopped at instruction %ld",
				  lp->name, slot);
		}
	}
}

/* ---- maps ---- */

/* Read-only data, by libbpf's rule: the section name, whatever its flags say. */
static int is_rodata(const char *secname)
{
	return strncmp(secname, ".rodata", 7) == 0;
}

static int map_create_one(const struct obj *o, size_t mi, struct ldr_loaded_map *lm, struct diag *d,
			  const struct diag_loc *loc)
{
	const struct obj_map *m = &o->maps[mi];
	struct ldr_map_attr a = {0};
	const struct obj_sec *s = NULL;
	const struct isa_maptype *mt;
	const char *hint = NULL;
	uint32_t key = 0;
	int fd, err;

	a.name = m->name;
	a.type = m->type;
	a.key_size = m->key_size;
	a.value_size = m->value_size;
	a.max_entries = m->max_entries;
	a.flags = m->flags;
	if (m->data_sec >= 0) {
		if ((size_t)m->data_sec >= o->nsecs) {
			diag_error(d, loc, "map '%s': no such data section", m->name);
			return -EINVAL;
		}
		/* Global data is one array element holding the whole section. */
		s = &o->secs[m->data_sec];
		a.type = BPF_MAP_TYPE_ARRAY;
		a.key_size = 4;
		a.value_size = (uint32_t)obj_sec_size(s);
		a.max_entries = 1;
		if (is_rodata(s->name))
			a.flags |= BPF_F_RDONLY_PROG;
		if (a.value_size == 0)
			return 0; /* nothing to hold; a reference to it is reported then */
	} else if (a.type == BPF_MAP_TYPE_PERF_EVENT_ARRAY && a.max_entries == 0) {
		/* libbpf's convention: one slot per CPU. */
		long n = sysconf(_SC_NPROCESSORS_CONF);
		a.max_entries = n > 0 ? (uint32_t)n : 1;
	}
	lm->type = a.type;
	lm->key_size = a.key_size;
	lm->value_size = a.value_size;
	lm->max_entries = a.max_entries;
	lm->flags = a.flags;

	fd = ldr_map_create(&a);
	if (fd < 0) {
		if (fd == -EPERM)
			hint = "run as root or grant CAP_BPF";
		else if (fd == -EINVAL)
			hint = "the kernel refused this type, size or flag combination";
		report_errno(d, loc, "map", m->name, "create", fd, hint);
		mt = isa_maptype_by_id((int)a.type);
		if (fd == -EINVAL && mt)
			diag_note(d, loc,
				  "map '%s': type %s, key %u bytes, value %u bytes, %u entries, "
				  "flags 0x%x",
				  m->name, mt->name, a.key_size, a.value_size, a.max_entries,
				  a.flags);
		else if (fd == -EINVAL)
			diag_note(d, loc,
				  "map '%s': type %u (unknown here), key %u bytes, value %u bytes, "
				  "%u entries, flags 0x%x",
				  m->name, a.type, a.key_size, a.value_size, a.max_entries,
				  a.flags);
		return fd;
	}
	lm->fd = fd;
	if (!s || s->type == SHT_NOBITS)
		return 0; /* .bss starts zeroed, as the kernel made it */

	err = ldr_map_update(fd, &key, s->data.data, BPF_ANY);
	if (err) {
		report_errno(d, loc, "map", m->name, "fill", err, NULL);
		return err;
	}
	/* Frozen, .rodata is known constant to the verifier (it can fold loads from it). */
	if (is_rodata(s->name)) {
		err = ldr_map_freeze(fd);
		if (err) {
			report_errno(d, loc, "map", m->name, "freeze", err, NULL);
			return err;
		}
	}
	return 0;
}

/* ---- BTF: the object's types, func info and line info for the kernel ---- */

/*
 * The kernel takes BTF as one blob (BPF_BTF_LOAD) and, with each program, func_info (which
 * BTF FUNC each subprogram is) and line_info (which source line each instruction is), both
 * indexed by instruction in the flat program. The object's .BTF.ext has them indexed by
 * byte offset in the ELF section, so each record is moved to the slot its instruction
 * landed in (via the chunks). BTF is a bonus: source lines in the verifier log, and what
 * callbacks (bpf_loop) require; when the kernel refuses it, loading goes on without.
 */
struct ext_sub {
	const uint8_t *data; /* the subsection after its rec_size word */
	uint32_t len, rec_size;
};

struct kbtf {
	int fd;	      /* -1: no BTF in the kernel */
	uint8_t *raw; /* our copy, with DATASEC sizes and offsets filled in */
	const char *strs;
	uint32_t str_len;
	struct ext_sub func, line;
};

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Bytes after a struct btf_type for its kind, or -1 for a kind this code does not know. */
static long btf_type_extra(const struct btf_type *t)
{
	uint32_t vlen = BTF_INFO_VLEN(t->info);

	switch (BTF_INFO_KIND(t->info)) {
	case BTF_KIND_INT:
	case BTF_KIND_VAR:
	case BTF_KIND_DECL_TAG:
		return 4;
	case BTF_KIND_PTR:
	case BTF_KIND_FWD:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_FUNC:
	case BTF_KIND_FLOAT:
	case BTF_KIND_TYPE_TAG:
		return 0;
	case BTF_KIND_ARRAY:
		return (long)sizeof(struct btf_array);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		return (long)(vlen * sizeof(struct btf_member));
	case BTF_KIND_ENUM:
		return (long)(vlen * sizeof(struct btf_enum));
	case BTF_KIND_FUNC_PROTO:
		return (long)(vlen * sizeof(struct btf_param));
	case BTF_KIND_DATASEC:
		return (long)(vlen * sizeof(struct btf_var_secinfo));
	case BTF_KIND_ENUM64:
		return (long)(vlen * 12);
	default:
		return -1;
	}
}

/*
 * clang leaves every DATASEC's size and its variables' offsets 0, for the loader to fill in
 * from the ELF sections and symbols (the kernel refuses a DATASEC of size 0). Types are
 * walked twice: once to find where type ids start, once to patch. Returns 0 or -EINVAL.
 */
static int btf_fixup(const struct obj *o, uint8_t *raw, const char **why)
{
	struct btf_header h;
	uint8_t *types;
	const char *strs;
	size_t *at = NULL, *na, n = 0, cap = 0;
	int err = 0;

	memcpy(&h, raw, sizeof(h));
	types = raw + h.hdr_len + h.type_off;
	strs = (const char *)raw + h.hdr_len + h.str_off;
	for (size_t off = 0; off < h.type_len;) {
		const struct btf_type *t = (const struct btf_type *)(types + off);
		long extra;

		if (h.type_len - off < sizeof(*t) || (extra = btf_type_extra(t)) < 0 ||
		    (size_t)extra > h.type_len - off - sizeof(*t)) {
			*why = "a type is truncated or of an unknown kind";
			err = -EINVAL;
			goto out;
		}
		na = mem_array(at, &cap, n + 2, sizeof(*at));
		if (!na) {
			err = -ENOMEM;
			goto out;
		}
		at = na;
		at[++n] = off; /* type ids start at 1 */
		off += sizeof(*t) + (size_t)extra;
	}
	for (size_t id = 1; id <= n; id++) {
		struct btf_type *t = (struct btf_type *)(types + at[id]);
		struct btf_var_secinfo *vs = (struct btf_var_secinfo *)(t + 1);
		int sec;

		if (BTF_INFO_KIND(t->info) != BTF_KIND_DATASEC)
			continue;
		if (t->name_off >= h.str_len) {
			*why = "a DATASEC name is outside the string section";
			err = -EINVAL;
			goto out;
		}
		sec = obj_sec_find(o, strs + t->name_off);
		if (sec >= 0 && t->size == 0)
			t->size = (uint32_t)obj_sec_size(&o->secs[sec]);
		for (uint32_t i = 0; sec >= 0 && i < BTF_INFO_VLEN(t->info); i++) {
			const struct btf_type *v;
			int sym;

			if (vs[i].type == 0 || vs[i].type > n)
				continue;
			v = (const struct btf_type *)(types + at[vs[i].type]);
			if (BTF_INFO_KIND(v->info) != BTF_KIND_VAR || v->name_off >= h.str_len)
				continue;
			sym = obj_sym_find(o, strs + v->name_off);
			if (sym >= 0 && o->syms[sym].sec == sec)
				vs[i].offset = (uint32_t)o->syms[sym].value;
		}
	}
out:
	mem_free(at);
	return err;
}

/* The func_info or line_info subsection of .BTF.ext at (@off, @len) past its header. */
static int ext_sub_get(const struct buf *ext, uint32_t hdr_len, uint32_t off, uint32_t len,
		       uint32_t min_rec, struct ext_sub *out)
{
	memset(out, 0, sizeof(*out));
	if (len == 0)
		return 0;
	if (len < 4 || off > ext->len - hdr_len || len > ext->len - hdr_len - off)
		return -EINVAL;
	out->data = ext->data + hdr_len + off + 4;
	out->len = len - 4;
	out->rec_size = rd32(ext->data + hdr_len + off);
	return out->rec_size >= min_rec ? 0 : -EINVAL;
}

/* Load @o's BTF into the kernel, if it has any. Trouble is a warning: loading goes on. */
static int btf_prepare(const struct obj *o, struct kbtf *kb, struct diag *d,
		       const struct diag_loc *loc)
{
	const char *why = NULL;
	struct btf_header h;
	char *log = NULL;
	size_t log_len = 0;
	int fd, err = 0;

	memset(kb, 0, sizeof(*kb));
	kb->fd = -1;
	if (o->btf.len == 0)
		return 0;
	memcpy(&h, o->btf.data, o->btf.len < sizeof(h) ? o->btf.len : sizeof(h));
	if (o->btf.len < sizeof(h) || h.magic != BTF_MAGIC || h.hdr_len < sizeof(h) ||
	    h.hdr_len > o->btf.len || h.type_off > o->btf.len - h.hdr_len ||
	    h.type_len > o->btf.len - h.hdr_len - h.type_off ||
	    h.str_off > o->btf.len - h.hdr_len || h.str_len > o->btf.len - h.hdr_len - h.str_off ||
	    h.str_len == 0) {
		why = "its header is malformed";
		goto out_warn;
	}
	kb->raw = mem_alloc(o->btf.len);
	if (!kb->raw)
		return -ENOMEM;
	memcpy(kb->raw, o->btf.data, o->btf.len);
	err = btf_fixup(o, kb->raw, &why);
	if (err == -ENOMEM)
		return err;
	if (err)
		goto out_warn;
	kb->strs = (const char *)kb->raw + h.hdr_len + h.str_off;
	kb->str_len = h.str_len;

	if (o->btf_ext.len) {
		const uint8_t *e = o->btf_ext.data;
		uint32_t ehdr;

		/* magic, version, flags, hdr_len, then func_info and line_info (off, len) */
		if (o->btf_ext.len < 24 || (e[0] | e[1] << 8) != BTF_MAGIC ||
		    (ehdr = rd32(e + 4)) < 24 || ehdr > o->btf_ext.len ||
		    ext_sub_get(&o->btf_ext, ehdr, rd32(e + 8), rd32(e + 12),
				sizeof(struct bpf_func_info), &kb->func) ||
		    ext_sub_get(&o->btf_ext, ehdr, rd32(e + 16), rd32(e + 20),
				sizeof(struct bpf_line_info), &kb->line)) {
			why = ".BTF.ext is malformed";
			goto out_warn;
		}
	}

	fd = ldr_btf_load(kb->raw, o->btf.len, &log, &log_len);
	if (fd == -ENOMEM)
		return fd;
	if (fd < 0) {
		char eb[160];

		diag_warning(d, loc,
			     "BTF: load: %s: loading without it (no source lines in "
			     "verifier logs)",
			     ldr_errno_format(fd, eb, sizeof(eb)));
		if (log && *log) {
			/* The BTF checker's verdict is its last line. */
			const char *why_k;
			int n = log_reason(log, &why_k);

			diag_note(d, loc, "BTF: the kernel says: %.*s", n, why_k);
		}
		mem_free(log);
		goto out_none;
	}
	mem_free(log);
	kb->fd = fd;
	return 0;

out_warn:
	diag_warning(d, loc, "BTF: %s: loading without it (no source lines in verifier logs)", why);
out_none:
	memset(&kb->func, 0, sizeof(kb->func));
	memset(&kb->line, 0, sizeof(kb->line));
	return 0;
}

/*
 * The records of @sub (func_info or line_info) for section @secname: a .BTF.ext subsection
 * is a list of {sec_name_off, num_info, records...}. Returns the count, 0 when none.
 */
static uint32_t ext_sec_recs(const struct kbtf *kb, const struct ext_sub *sub, const char *secname,
			     const uint8_t **recs)
{
	const uint8_t *p = sub->data, *end = sub->data + sub->len;

	while (p && end - p >= 8) {
		uint32_t name = rd32(p), num = rd32(p + 4);
		uint64_t bytes = (uint64_t)num * sub->rec_size;

		p += 8;
		if (bytes > (uint64_t)(end - p))
			return 0;
		if (name < kb->str_len && strcmp(kb->strs + name, secname) == 0) {
			*recs = p;
			return num;
		}
		p += bytes;
	}
	return 0;
}

static int func_info_cmp(const void *a, const void *b)
{
	const struct bpf_func_info *x = a, *y = b;

	return x->insn_off < y->insn_off ? -1 : x->insn_off > y->insn_off;
}

static int line_info_cmp(const void *a, const void *b)
{
	const struct bpf_line_info *x = a, *y = b;

	return x->insn_off < y->insn_off ? -1 : x->insn_off > y->insn_off;
}

/*
 * Move the func and line records of every chunk to its slots. A chunk without a FUNC
 * record leaves the program without func info (the kernel would refuse a partial set).
 */
static int btf_info_build(const struct build *b, const struct kbtf *kb, struct bpf_func_info **fi,
			  uint32_t *nfi, struct bpf_line_info **li, uint32_t *nli)
{
	size_t fcap = 0, lcap = 0, nf = 0, nl = 0;
	struct bpf_func_info *f = NULL, *nfp;
	struct bpf_line_info *l = NULL, *nlp;
	int all_funcs = 1;

	for (size_t c = 0; c < b->nchunks; c++) {
		const struct chunk *ch = &b->chunks[c];
		const char *sn = b->o->secs[ch->sec].name;
		const uint8_t *r = NULL;
		uint32_t n = ext_sec_recs(kb, &kb->func, sn, &r);
		int found = 0;

		for (uint32_t i = 0; i < n; i++, r += kb->func.rec_size) {
			if (rd32(r) != ch->off)
				continue;
			nfp = mem_array(f, &fcap, nf + 1, sizeof(*f));
			if (!nfp)
				goto out_nomem;
			f = nfp;
			f[nf].insn_off = (uint32_t)ch->at;
			f[nf++].type_id = rd32(r + 4);
			found = 1;
			break;
		}
		all_funcs &= found;

		n = ext_sec_recs(kb, &kb->line, sn, &r);
		for (uint32_t i = 0; i < n; i++, r += kb->line.rec_size) {
			uint32_t off = rd32(r);

			if (off < ch->off || off >= ch->off + ch->size || off % ISA_INSN_SIZE)
				continue;
			nlp = mem_array(l, &lcap, nl + 1, sizeof(*l));
			if (!nlp)
				goto out_nomem;
			l = nlp;
			l[nl].insn_off = (uint32_t)(ch->at + (off - ch->off) / ISA_INSN_SIZE);
			l[nl].file_name_off = rd32(r + 4);
			l[nl].line_off = rd32(r + 8);
			l[nl++].line_col = rd32(r + 12);
		}
	}
	if (!all_funcs) {
		nf = 0;
		nl = 0; /* line info alone cannot cover the subprograms either */
	}
	qsort(f, nf, sizeof(*f), func_info_cmp);
	qsort(l, nl, sizeof(*l), line_info_cmp);
	*fi = f;
	*nfi = (uint32_t)nf;
	*li = l;
	*nli = (uint32_t)nl;
	return 0;

out_nomem:
	mem_free(f);
	mem_free(l);
	return -ENOMEM;
}

/* Did the kernel refuse the BTF records rather than the program? (its last words say) */
static int log_blames_btf(const char *log)
{
	static const char *const words[] = {"btf", "func_info", "func info", "line_info",
					    "line info"};
	const char *end, *s;

	if (!log)
		return 0;
	end = log + strlen(log);
	while (end > log && end[-1] == '\n')
		end--;
	for (int lines = 0; lines < 3 && end > log; lines++) {
		s = end;
		while (s > log && s[-1] != '\n')
			s--;
		for (const char *p = s; p < end; p++)
			for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++)
				if (strncasecmp(p, words[w], strlen(words[w])) == 0)
					return 1;
		end = s > log ? s - 1 : s;
	}
	return 0;
}

/* ---- programs ---- */

static int prog_load_one(struct build *b, const struct obj_prog *p, const struct ldr_opts *opts)
{
	struct ldr_loaded_prog *lp = b->lp;
	struct ldr_prog_attr a = {0};
	struct bpf_func_info *fi = NULL;
	struct bpf_line_info *li = NULL;
	uint32_t nfi = 0, nli = 0;
	const char *hint = NULL, *why = NULL;
	char *first = NULL; /* the log of a first try with BTF records, when retried */
	int fd, err, wn = 0;

	if (p->prog_type <= 0) {
		diag_error(b->d, b->loc,
			   "prog '%s': section '%s' names no program type the loader knows",
			   b->pname, sec_name(b->o, p->sec));
		return -EINVAL;
	}
	err = prog_relocate(b, p);
	if (err)
		return err;

	a.name = p->name;
	a.type = (uint32_t)p->prog_type;
	a.expected_attach_type =
		p->expected_attach_type < 0 ? 0 : (uint32_t)p->expected_attach_type;
	a.insns = lp->insns;
	a.ninsns = lp->ninsns;
	a.license = b->o->license;
	a.kern_version = b->o->has_kern_version ? b->o->kern_version : 0;
	a.prog_flags = opts->prog_flags;
	a.log_level = opts->log_level;
	a.log_size = opts->log_size;
	if (b->kb->fd >= 0) {
		err = btf_info_build(b, b->kb, &fi, &nfi, &li, &nli);
		if (err)
			return err;
		if (nfi || nli) {
			a.btf_fd = b->kb->fd;
			a.func_info = fi;
			a.func_info_rec_size = sizeof(*fi);
			a.func_info_cnt = nfi;
			a.line_info = li;
			a.line_info_rec_size = sizeof(*li);
			a.line_info_cnt = nli;
		}
	}

	fd = ldr_prog_load(&a, &lp->log, &lp->log_len);
	if (fd == -EINVAL && a.btf_fd > 0 && log_blames_btf(lp->log)) {
		/* The program may be fine and only its BTF records wrong (an object from a
		 * tool that got them slightly off): try once more without them. The verdict
		 * is the second one; the first is kept as a warning or a note. */
		first = lp->log;
		wn = log_reason(first, &why);
		a.btf_fd = 0;
		lp->log = NULL;
		fd = ldr_prog_load(&a, &lp->log, &lp->log_len);
		if (fd >= 0)
			diag_warning(b->d, b->loc,
				     "prog '%s': the kernel refused its BTF func/line info (%.*s): "
				     "loaded without it",
				     b->pname, wn, why);
	}
	mem_free(fi);
	mem_free(li);
	if (fd < 0) {
		if (fd == -EPERM)
			hint = "run as root or grant CAP_BPF (and CAP_PERFMON or CAP_NET_ADMIN)";
		report_errno(b->d, b->loc, "prog", b->pname, "load", fd, hint);
		if (lp->log)
			report_log(b->d, b->loc, b->o, lp);
		if (lp->log && a.btf_fd <= 0 && strstr(lp->log, "missing btf func_info"))
			diag_note(b->d, b->loc,
				  "prog '%s': callbacks (bpf_loop, timers, for_each_map_elem) need "
				  "BTF func info, which the object lacks or the kernel refused",
				  b->pname);
		if (first)
			diag_note(b->d, b->loc,
				  "prog '%s': with BTF func/line info the kernel said: %.*s",
				  b->pname, wn, why);
		mem_free(first);
		return fd;
	}
	mem_free(first);
	lp->fd = fd;
	return 0;
}

/* ---- the whole object ---- */

void ldr_loaded_free(struct ldr_loaded *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->nmaps; i++) {
		if (l->maps[i].fd >= 0)
			close(l->maps[i].fd);
		mem_free(l->maps[i].name);
	}
	for (size_t i = 0; i < l->nprogs; i++) {
		struct ldr_loaded_prog *p = &l->progs[i];

		if (p->fd >= 0)
			close(p->fd);
		mem_free(p->name);
		mem_free(p->insns);
		mem_free(p->origin);
		mem_free(p->log);
	}
	if (l->btf_fd >= 0)
		close(l->btf_fd);
	mem_free(l->maps);
	mem_free(l->progs);
	mem_free(l);
}

static struct ldr_loaded *loaded_new(const struct obj *o)
{
	struct ldr_loaded *l = mem_alloc(sizeof(*l));

	if (!l)
		return NULL;
	l->btf_fd = -1;
	l->maps = mem_alloc(o->nmaps * sizeof(*l->maps));
	l->progs = mem_alloc(o->nprogs * sizeof(*l->progs));
	if (!l->maps || !l->progs)
		goto out_free;
	/* Counted as they are initialised, so a half-built result frees cleanly. */
	for (size_t i = 0; i < o->nmaps; i++, l->nmaps++) {
		l->maps[i].fd = -1;
		l->maps[i].obj_map = (int)i;
		l->maps[i].name = mem_strdup(o->maps[i].name ? o->maps[i].name : "");
		if (!l->maps[i].name)
			goto out_free;
	}
	for (size_t i = 0; i < o->nprogs; i++, l->nprogs++) {
		l->progs[i].fd = -1;
		l->progs[i].obj_prog = (int)i;
		l->progs[i].prog_type = (uint32_t)o->progs[i].prog_type;
		l->progs[i].expected_attach_type =
			o->progs[i].expected_attach_type < 0
				? 0
				: (uint32_t)o->progs[i].expected_attach_type;
		l->progs[i].name = mem_strdup(o->progs[i].name ? o->progs[i].name : "");
		if (!l->progs[i].name)
			goto out_free;
	}
	return l;

out_free:
	ldr_loaded_free(l);
	return NULL;
}

static struct relref *relrefs_build(const struct obj *o)
{
	struct relref *r = mem_alloc(o->nrels * sizeof(*r));

	if (!r)
		return NULL;
	for (size_t i = 0; i < o->nrels; i++)
		r[i] = (struct relref){o->rels[i].sec, o->rels[i].offset, i};
	qsort(r, o->nrels, sizeof(*r), relref_cmp);
	return r;
}

int ldr_obj_load(struct obj *o, const struct ldr_opts *opts, struct ldr_loaded **out,
		 struct diag *d)
{
	static const struct ldr_opts defaults;
	struct diag_loc oloc = {0}, *loc = NULL;
	struct ldr_loaded *l;
	struct relref *rels;
	struct kbtf kb;
	int first = 0, maps_ok, err;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (opts->name) {
		oloc.file = opts->name;
		loc = &oloc;
	}
	l = loaded_new(o);
	rels = relrefs_build(o);
	if (!l || !rels) {
		ldr_loaded_free(l);
		mem_free(rels);
		diag_error(d, loc, "out of memory");
		return -ENOMEM;
	}

	for (size_t i = 0; i < o->nmaps; i++) {
		err = map_create_one(o, i, &l->maps[i], d, loc);
		if (err && !first)
			first = err;
	}
	maps_ok = !first;
	if (!maps_ok && o->nprogs)
		diag_note(d, loc, "programs not loaded: they need every map");

	err = btf_prepare(o, &kb, d, loc);
	l->btf_fd = kb.fd;
	if (err) {
		diag_error(d, loc, "out of memory");
		maps_ok = 0;
		first = first ? first : err;
	}

	/* After a failed program the others are still loaded: every verdict is worth having. */
	for (size_t i = 0; i < o->nprogs && maps_ok; i++) {
		struct build b = {
			.o = o,
			.d = d,
			.loc = loc,
			.pname = l->progs[i].name,
			.l = l,
			.rels = rels,
			.nrels = o->nrels,
			.lp = &l->progs[i],
			.kb = &kb,
		};

		err = prog_load_one(&b, &o->progs[i], opts);

		mem_free(b.chunks);
		l->progs[i].err = err;
		if (err && !first)
			first = err;
		if (err == -ENOMEM) {
			diag_error(d, loc, "out of memory");
			break;
		}
	}
	mem_free(kb.raw);
	mem_free(rels);
	*out = l;
	return first;
}

const struct ldr_loaded_prog *ldr_loaded_prog_find(const struct ldr_loaded *l, const char *name)
{
	for (size_t i = 0; l && i < l->nprogs; i++)
		if (strcmp(l->progs[i].name, name) == 0)
			return &l->progs[i];
	return NULL;
}

const struct ldr_loaded_map *ldr_loaded_map_find(const struct ldr_loaded *l, const char *name)
{
	for (size_t i = 0; l && i < l->nmaps; i++)
		if (strcmp(l->maps[i].name, name) == 0)
			return &l->maps[i];
	return NULL;
}
