/* SPDX-License-Identifier: MIT */
/*
 * check_isa.c - every row of insn.def, both ways: encode/decode, the unused-field rule,
 * printing in both syntaxes and parsing the text back, decode over all 256 opcodes, and the
 * comparison with LLVM (llvm-mc -show-encoding row by row, and ebpf-as against llvm-mc
 * -filetype=obj on one file holding every row LLVM knows).
 *
 * Cases: each row is tried with two operand sets (CASE_SETS): small everyday values, and the
 * extremes of every field (r9/r10, off -32768/32767, imm INT32_MIN/MAX, lddw INT64_MIN).
 * Case c is row 1 + c / CASE_SETS with set c % CASE_SETS.
 *
 * LLVM knows every row except our extensions (lddw pseudo sources, `call pc+N`, kfunc calls,
 * an ld_ind immediate) and cannot read a gotol target beyond 16 bits (LLVM 19's parser);
 * those cases stay out of the comparison only. The comparison gives llvm-mc both our decimal
 * text and our ISA_PRINT_HEX text (llvm-objdump's spelling).
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asm/asm.h"
#include "isa/isa.h"
#include "obj/obj.h"
#include "tests/testutil.h"

#define CASE_SETS  2
#define CASE_COUNT ((ISA_OP_COUNT - 1) * CASE_SETS)

static enum isa_op case_op(int c)
{
	return (enum isa_op)(1 + c / CASE_SETS);
}

/* Representative operands for row @op: set 0 is everyday, set 1 the field extremes. */
static void case_make(int c, struct isa_insn *in)
{
	enum isa_op op = case_op(c);
	const struct isa_opinfo *o = &isa_ops[op];
	int big = c % CASE_SETS;
	int dst = big ? 9 : 1, src = big ? 10 : 2;
	int off = big ? 32767 : -8;
	int64_t imm = big ? INT32_MIN : -5;

	switch (o->shape) {
	case ISA_SH_JMP_IMM:
	case ISA_SH_JMP_REG:
	case ISA_SH_JA:
		off = big ? -32768 : 3;
		break;
	case ISA_SH_JA32:
		imm = big ? 70000 : 7;
		break;
	case ISA_SH_CALL:
		if (op == ISA_CALL_LOCAL)
			imm = big ? -2 : 7;
		else
			imm = big ? INT32_MAX : 7;
		break;
	case ISA_SH_LDABS:
		imm = big ? INT32_MAX : 4;
		break;
	case ISA_SH_LDIND:
		/* LLVM spells only skb[rN]: set 1 keeps imm 0 so LLVM can check it */
		imm = big ? 0 : -5;
		break;
	case ISA_SH_LDDW:
		switch (o->keyval) {
		case 0:
			imm = big ? INT64_MIN : 0x0123456789abcdefLL;
			break;
		case ISA_PSEUDO_MAP_VALUE:
		case ISA_PSEUDO_MAP_IDX_VALUE:
			/* map index or fd in the low half, offset into the value in the high half */
			imm = big ? (int64_t)0x7fffffff << 32 | 1000 : (int64_t)8 << 32 | 3;
			break;
		case ISA_PSEUDO_FUNC:
			/* a pc-relative instruction offset in the low half; the kernel wants the
			 * high half zero, also for a backward (negative) one */
			imm = big ? (int64_t)(uint32_t)-3 : 4;
			break;
		default:
			imm = big ? 1000 : 3;
			break;
		}
		break;
	default:
		break;
	}
	isa_insn_make(in, op, dst, src, off, imm);
}

static const char *hexbytes(const void *p, size_t n)
{
	static char buf[4][128];
	static int next;
	char *b = buf[next++ % 4];
	const uint8_t *u = p;
	size_t pos = 0;

	b[0] = '\0';
	for (size_t i = 0; i < n && pos + 4 < sizeof(buf[0]); i++)
		pos += (size_t)snprintf(b + pos, sizeof(buf[0]) - pos, "%s%02x", i ? " " : "",
					u[i]);
	return b;
}

static int case_encode(int c, struct isa_insn *in, struct isa_raw raw[2])
{
	case_make(c, in);
	memset(raw, 0, 2 * sizeof(*raw));
	return isa_insn_encode(in, raw);
}

/* ---------------------------------------------------------------- encode, decode */

START_TEST(encode_then_decode_gives_the_same_instruction)
{
	struct isa_insn in, out;
	struct isa_raw raw[2];
	const char *why = NULL;
	const char *name = isa_ops[case_op(_i)].name;
	int n = case_encode(_i, &in, raw);
	int r;

	ck_assert_msg(n == isa_insn_slots(&in), "%s: encode wrote %d slots, expected %d", name, n,
		      isa_insn_slots(&in));
	ck_assert_msg(raw[0].code == isa_ops[in.op].code, "%s: opcode 0x%02x, table says 0x%02x",
		      name, raw[0].code, isa_ops[in.op].code);
	r = isa_insn_decode(raw, (size_t)n, &out, &why);
	ck_assert_msg(r == n, "%s (set %d): decode of [%s] returned %d (%s)", name, _i % CASE_SETS,
		      hexbytes(raw, 8u * (size_t)n), r, r < 0 ? why : "");
	ck_assert_msg(out.op == in.op, "%s: decoded as %s", name, isa_ops[out.op].name);
	ck_assert_msg(
		out.code == in.code && out.dst == in.dst && out.src == in.src &&
			out.off == in.off && out.imm == in.imm && out.imm64 == in.imm64,
		"%s: fields differ after decode: code %02x/%02x dst %d/%d src %d/%d off %d/%d "
		"imm %d/%d imm64 %lld/%lld",
		name, in.code, out.code, in.dst, out.dst, in.src, out.src, in.off, out.off, in.imm,
		out.imm, (long long)in.imm64, (long long)out.imm64);
}
END_TEST

/* Fields that are neither operands nor the key of a row must be zero (RFC 9669 3.1). */
START_TEST(decode_rejects_each_unused_field_set)
{
	static const int fields[] = {ISA_F_DST, ISA_F_SRC, ISA_F_OFF, ISA_F_IMM};
	static const char *const fname[] = {"dst", "src", "off", "imm"};
	static const int keyof[] = {-1, ISA_KEY_SRC, ISA_KEY_OFF, ISA_KEY_IMM};
	const struct isa_opinfo *o = &isa_ops[case_op(_i)];
	struct isa_insn in, out;
	struct isa_raw raw[2], bad[2];
	int n = case_encode(_i, &in, raw);

	for (size_t f = 0; f < 4; f++) {
		const char *why = NULL;
		int r;

		if ((o->fields & fields[f]) || o->key == keyof[f])
			continue;
		memcpy(bad, raw, sizeof(bad));
		switch (fields[f]) {
		case ISA_F_DST:
			bad[0].dst = 1;
			break;
		case ISA_F_SRC:
			bad[0].src = 1;
			break;
		case ISA_F_OFF:
			bad[0].off = 1;
			break;
		default:
			bad[0].imm = 1;
			break;
		}
		r = isa_insn_decode(bad, (size_t)n, &out, &why);
		ck_assert_msg(r == -EINVAL, "%s: unused %s set: [%s] decoded (returned %d)",
			      o->name, fname[f], hexbytes(bad, 8), r);
		ck_assert_msg(why && *why, "%s: rejected without a reason", o->name);
	}
	if (o->shape == ISA_SH_LDDW) {
		/* The second slot holds only imm: anything else set is no lddw. */
		for (int f = 0; f < 4; f++) {
			const char *why = NULL;

			memcpy(bad, raw, sizeof(bad));
			if (f == 0)
				bad[1].code = 0x18;
			else if (f == 1)
				bad[1].dst = 1;
			else if (f == 2)
				bad[1].src = 1;
			else
				bad[1].off = 1;
			ck_assert_msg(isa_insn_decode(bad, 2, &out, &why) == -EINVAL,
				      "%s: second slot [%s] accepted", o->name,
				      hexbytes(&bad[1], 8));
		}
		ck_assert_msg(isa_insn_decode(raw, 1, &out, NULL) == -EINVAL,
			      "%s: decoded from one slot", o->name);
	}
	/* A used register field above r10 names no register. */
	if (o->fields & (ISA_F_DST | ISA_F_SRC)) {
		memcpy(bad, raw, sizeof(bad));
		if (o->fields & ISA_F_DST)
			bad[0].dst = 11;
		else
			bad[0].src = 11;
		ck_assert_msg(isa_insn_decode(bad, (size_t)n, &out, NULL) == -EINVAL,
			      "%s: register 11 accepted in [%s]", o->name, hexbytes(bad, 8));
	}
}
END_TEST

/* ---------------------------------------------------------------- print, parse back */

START_TEST(printed_text_parses_back_to_the_same_bytes)
{
	static const struct {
		enum isa_syntax syn;
		unsigned flags;
		const char *what;
	} forms[] = {
		{ISA_SYNTAX_LLVM, 0, "llvm"},
		{ISA_SYNTAX_LLVM, ISA_PRINT_HEX, "llvm hex"},
		{ISA_SYNTAX_CLASSIC, 0, "classic"},
		{ISA_SYNTAX_CLASSIC, ISA_PRINT_HEX, "classic hex"},
	};
	const char *name = isa_ops[case_op(_i)].name;
	struct isa_insn in;
	struct isa_raw raw[2];
	int n = case_encode(_i, &in, raw);

	for (size_t k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
		char text[128], err[256] = "";
		struct isa_insn back;
		struct isa_raw braw[2];
		int len = isa_insn_print(&in, forms[k].syn, forms[k].flags, text, sizeof(text));
		int r;

		ck_assert_msg(len > 0 && (size_t)len < sizeof(text), "%s: %s print length %d", name,
			      forms[k].what, len);
		ck_assert_msg(strcmp(text, "<unknown>") != 0, "%s: printed as <unknown>", name);
		r = asm_insn_parse(text, &back, err, sizeof(err));
		ck_assert_msg(r == n, "%s: %s text '%s' does not parse back: %s", name,
			      forms[k].what, text, r < 0 ? err : "wrong slot count");
		memset(braw, 0, sizeof(braw));
		isa_insn_encode(&back, braw);
		ck_assert_msg(memcmp(raw, braw, 8u * (size_t)n) == 0,
			      "%s: %s text '%s': expected [%s], parsed to [%s]", name,
			      forms[k].what, text, hexbytes(raw, 8u * (size_t)n),
			      hexbytes(braw, 8u * (size_t)n));
	}
}
END_TEST

/* ---------------------------------------------------------------- decode is total */

/* Decode one pattern; whatever decodes must re-encode to the same bytes and print. Plain
 * ifs around ck_abort_msg: in fork mode every ck_assert is a write to Check's pipe, and this
 * runs 2.7 million times. */
static int decode_one(const struct isa_raw raw[2], size_t n, uint8_t code)
{
	struct isa_raw re[2];
	struct isa_insn out;
	const char *why = NULL;
	char text[128];
	int r = isa_insn_decode(raw, n, &out, &why);

	if (r < 0) {
		if (r != -EINVAL)
			ck_abort_msg("[%s]: returned %d", hexbytes(raw, 8), r);
		if (!why || !*why)
			ck_abort_msg("[%s]: rejected without a reason", hexbytes(raw, 8));
		return 0;
	}
	if (r < 1 || (size_t)r > n)
		ck_abort_msg("[%s]: returned %d of %zu slots", hexbytes(raw, 8), r, n);
	if (out.op == ISA_INVALID || out.op >= ISA_OP_COUNT || isa_ops[out.op].code != code)
		ck_abort_msg("[%s]: decoded to row %d", hexbytes(raw, 8), out.op);
	memset(re, 0, sizeof(re));
	if (isa_insn_encode(&out, re) != r || memcmp(re, raw, 8u * (size_t)r) != 0)
		ck_abort_msg("[%s] decoded as %s, re-encodes as [%s]",
			     hexbytes(raw, 8u * (size_t)r), isa_ops[out.op].name,
			     hexbytes(re, 8u * (size_t)r));
	for (int s = 0; s < 2; s++) {
		int len = isa_insn_print(&out, s ? ISA_SYNTAX_CLASSIC : ISA_SYNTAX_LLVM,
					 ISA_PRINT_HEX, text, sizeof(text));

		if (len <= 0 || (size_t)len >= sizeof(text))
			ck_abort_msg("[%s]: print length %d", hexbytes(raw, 8), len);
	}
	return 1;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Every opcode byte with field values that hit the keys (sdiv off 1, movsx off 8..32, byte
 * swap widths, atomic selectors, pseudo sources) and ones that hit nothing. */
START_TEST(decode_is_total_over_every_opcode_byte)
{
	static const uint8_t dsts[] = {0, 1, 10, 11, 15};
	static const uint8_t srcs[] = {0, 1, 2, 3, 4, 5, 6, 7, 10, 15};
	static const int16_t offs[] = {0, 1, 8, 16, 32, -1};
	static const int32_t imms[] = {0, 1, 16, 32, 64, 0x41, 0xe1, 0xf1, -1};
	static const int32_t his[] = {0, 0x12345678};
	size_t total = NELEM(dsts) * NELEM(srcs) * NELEM(offs) * NELEM(imms) * NELEM(his);
	int accepted = 0;

	for (size_t k = 0; k < total; k++) {
		struct isa_raw raw[2] = {{0}};
		size_t x = k;

		raw[0].code = (uint8_t)_i;
		raw[0].dst = dsts[x % NELEM(dsts)] & 0xf;
		x /= NELEM(dsts);
		raw[0].src = srcs[x % NELEM(srcs)] & 0xf;
		x /= NELEM(srcs);
		raw[0].off = offs[x % NELEM(offs)];
		x /= NELEM(offs);
		raw[0].imm = imms[x % NELEM(imms)];
		x /= NELEM(imms);
		raw[1].imm = his[x];
		accepted += decode_one(raw, 1, (uint8_t)_i);
		accepted += decode_one(raw, 2, (uint8_t)_i);
	}
	/* The opcode bytes of the table must each decode in some pattern. */
	for (int op = 1; op < ISA_OP_COUNT; op++)
		if (isa_ops[op].code == _i) {
			ck_assert_msg(accepted > 0, "opcode 0x%02x (%s) never decoded", _i,
				      isa_ops[op].name);
			break;
		}
}
END_TEST

/* ---------------------------------------------------------------- LLVM as the oracle */

static int llvm_knows(const struct isa_insn *in)
{
	const struct isa_opinfo *o = &isa_ops[in->op];

	if (in->op == ISA_CALL_LOCAL || in->op == ISA_CALL_KFUNC)
		return 0;
	if (o->shape == ISA_SH_LDDW && in->src != 0)
		return 0;
	if (o->shape == ISA_SH_LDIND && in->imm != 0)
		return 0;
	/* LLVM 19 reads a numeric gotol target as a 16-bit number */
	if (o->shape == ISA_SH_JA32 && (in->imm < INT16_MIN || in->imm > INT16_MAX))
		return 0;
	return 1;
}

static int known[CASE_COUNT]; /* cases LLVM knows, in file order */
static int nknown;

/*
 * rows.s holds every known case twice, decimal then ISA_PRINT_HEX (what llvm-objdump prints,
 * so LLVM must read it too): entry e = 2 * k + hex is known[k] in that form, at line 2e + 2
 * after its label .Le<e>.
 */
#define NFORMS 2

static void entry_text(int e, struct isa_insn *in, struct isa_raw raw[2], int *n, char *text,
		       size_t len)
{
	*n = case_encode(known[e / NFORMS], in, raw);
	isa_insn_print(in, ISA_SYNTAX_LLVM, e % NFORMS ? ISA_PRINT_HEX : 0, text, len);
}

/* Filled in the parent (unchecked fixture) so each forked test sees it. */
static struct llvm_enc {
	int have;
	uint8_t bytes[16];
	int nbytes;
	char err[256];
} llvm_enc[CASE_COUNT * NFORMS];
static char llvm_dir[64];
static char llvm_setup_err[512];

/* Parse "# encoding: [0x07,0x01,...]" into @le. */
static void parse_encoding(const char *e, struct llvm_enc *le)
{
	e += strlen("# encoding: [");
	while (le->nbytes < 16) {
		unsigned v;
		int used;

		if (sscanf(e, "0x%x%n", &v, &used) != 1)
			break;
		le->bytes[le->nbytes++] = (uint8_t)v;
		e += used;
		if (*e != ',')
			break;
		e++;
	}
	le->have = 1;
}

static void llvm_setup(void)
{
	char path[256], *out = NULL, *errs = NULL, *line;
	const char *tmp = tu_mkdtemp();
	int st, cur = -1, nent = nknown * NFORMS;
	FILE *f;

	if (!tmp) {
		snprintf(llvm_setup_err, sizeof(llvm_setup_err), "mkdtemp: %s", strerror(errno));
		return;
	}
	snprintf(llvm_dir, sizeof(llvm_dir), "%s", tmp);
	snprintf(path, sizeof(path), "%s/rows.s", llvm_dir);
	f = fopen(path, "w");
	if (!f) {
		snprintf(llvm_setup_err, sizeof(llvm_setup_err), "%s: %s", path, strerror(errno));
		return;
	}
	/* A label before each instruction tells which encoding line belongs to which entry. */
	for (int e = 0; e < nent; e++) {
		struct isa_insn in;
		struct isa_raw raw[2];
		char text[128];
		int n;

		entry_text(e, &in, raw, &n, text, sizeof(text));
		fprintf(f, ".Le%d:\n\t%s\n", e, text);
	}
	fclose(f);
	st = tu_runf(&out, "cd '%s' && %s -triple bpf -mcpu=v4 -show-encoding rows.s 2>errs.txt",
		     llvm_dir, tu_llvm_mc());
	if (st < 0 || !out) {
		snprintf(llvm_setup_err, sizeof(llvm_setup_err), "cannot run %s", tu_llvm_mc());
		free(out);
		return;
	}
	for (line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
		const char *enc = strstr(line, "# encoding: [");
		int e;

		if (sscanf(line, ".Le%d:", &e) == 1)
			cur = e;
		else if (enc && cur >= 0 && cur < nent)
			parse_encoding(enc, &llvm_enc[cur]);
	}
	/* Attach llvm-mc's message to the entries it rejected. */
	snprintf(path, sizeof(path), "%s/errs.txt", llvm_dir);
	errs = tu_read_file(path, NULL);
	for (line = errs ? strtok(errs, "\n") : NULL; line; line = strtok(NULL, "\n")) {
		int ln;

		if (sscanf(line, "rows.s:%d:", &ln) == 1 && ln >= 2 && ln % 2 == 0 &&
		    ln / 2 - 1 < nent)
			snprintf(llvm_enc[ln / 2 - 1].err, sizeof(llvm_enc[0].err), "%s", line);
	}
	free(errs);
	free(out);
}

static void llvm_teardown(void)
{
	if (llvm_dir[0])
		tu_rmrf(llvm_dir);
}

START_TEST(llvm_mc_encodes_every_row_as_we_do)
{
	ck_assert_msg(!llvm_setup_err[0], "%s", llvm_setup_err);
	for (int e = _i * NFORMS; e < (_i + 1) * NFORMS; e++) {
		const struct llvm_enc *le = &llvm_enc[e];
		struct isa_insn in;
		struct isa_raw raw[2];
		char text[128];
		int n;

		entry_text(e, &in, raw, &n, text, sizeof(text));
		ck_assert_msg(le->have, "%s: llvm-mc rejects our text '%s': %s",
			      isa_ops[in.op].name, text,
			      le->err[0] ? le->err : "(no encoding line)");
		ck_assert_msg(
			le->nbytes == 8 * n && memcmp(le->bytes, raw, (size_t)le->nbytes) == 0,
			"%s: '%s': llvm-mc encodes [%s], we encode [%s]", isa_ops[in.op].name, text,
			hexbytes(le->bytes, (size_t)le->nbytes), hexbytes(raw, 8u * (size_t)n));
	}
}
END_TEST

static struct obj *read_obj(const char *path, char *why, size_t whylen)
{
	struct obj *o = NULL;
	struct diag d;

	diag_init(&d);
	if (obj_read_file(path, &o, &d) < 0) {
		snprintf(why, whylen, "%s: %s", path,
			 d.nmsgs && d.msgs[0].text ? d.msgs[0].text : "unreadable");
		o = NULL;
	}
	diag_fini(&d);
	return o;
}

START_TEST(ebpf_as_and_llvm_mc_give_the_same_text_section)
{
	char *out = NULL, why[512] = "", path[256];
	struct obj *ours, *theirs;
	const struct obj_sec *a, *b;
	size_t pos = 0;
	int st, sa, sb;

	ck_assert_msg(!llvm_setup_err[0], "%s", llvm_setup_err);
	st = tu_runf(&out, "cd '%s' && %s -triple bpf -mcpu=v4 -filetype=obj rows.s -o llvm.o",
		     llvm_dir, tu_llvm_mc());
	ck_assert_msg(st == 0, "llvm-mc -filetype=obj failed: %s", out ? out : "");
	free(out);
	st = tu_runf(&out, "cd '%s' && '%s' rows.s -o ours.o", llvm_dir, tu_tool("ebpf-as"));
	ck_assert_msg(st == 0, "ebpf-as %s/rows.s failed (%d): %s", llvm_dir, st, out ? out : "");
	free(out);
	snprintf(path, sizeof(path), "%s/ours.o", llvm_dir);
	ours = read_obj(path, why, sizeof(why));
	ck_assert_msg(ours, "%s", why);
	snprintf(path, sizeof(path), "%s/llvm.o", llvm_dir);
	theirs = read_obj(path, why, sizeof(why));
	ck_assert_msg(theirs, "%s", why);
	sa = obj_sec_find(ours, ".text");
	sb = obj_sec_find(theirs, ".text");
	ck_assert_msg(sa >= 0 && sb >= 0, "no .text in %s", sa < 0 ? "ours.o" : "llvm.o");
	a = &ours->secs[sa];
	b = &theirs->secs[sb];
	/* Name the first entry that differs. */
	for (int e = 0; e < nknown * NFORMS; e++) {
		struct isa_insn in;
		struct isa_raw raw[2];
		char text[128];
		int n;
		size_t len;

		entry_text(e, &in, raw, &n, text, sizeof(text));
		len = 8u * (size_t)n;
		ck_assert_msg(pos + len <= a->data.len && pos + len <= b->data.len,
			      "'%s' at offset %zu: .text ends (ours %zu bytes, llvm-mc %zu)", text,
			      pos, a->data.len, b->data.len);
		ck_assert_msg(memcmp(a->data.data + pos, b->data.data + pos, len) == 0,
			      "%s '%s' at offset %zu: ebpf-as [%s], llvm-mc [%s]",
			      isa_ops[in.op].name, text, pos, hexbytes(a->data.data + pos, len),
			      hexbytes(b->data.data + pos, len));
		pos += len;
	}
	ck_assert_msg(a->data.len == b->data.len, ".text sizes differ: ours %zu, llvm-mc %zu",
		      a->data.len, b->data.len);
	obj_free(ours);
	obj_free(theirs);
}
END_TEST

static Suite *isa_suite(void)
{
	Suite *s = suite_create("isa");
	TCase *tc = tcase_create("rows");

	tcase_add_loop_test(tc, encode_then_decode_gives_the_same_instruction, 0, CASE_COUNT);
	tcase_add_loop_test(tc, decode_rejects_each_unused_field_set, 0, CASE_COUNT);
	tcase_add_loop_test(tc, printed_text_parses_back_to_the_same_bytes, 0, CASE_COUNT);
	suite_add_tcase(s, tc);

	tc = tcase_create("total");
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, decode_is_total_over_every_opcode_byte, 0, 256);
	suite_add_tcase(s, tc);

	if (!tu_llvm_mc()) {
		fprintf(stderr, "SKIP llvm comparison: llvm-mc-19 not found (set LLVM_MC)\n");
		return s;
	}
	for (int c = 0; c < CASE_COUNT; c++) {
		struct isa_insn in;

		case_make(c, &in);
		if (llvm_knows(&in))
			known[nknown++] = c;
	}
	tc = tcase_create("llvm");
	tcase_set_timeout(tc, 60);
	tcase_add_unchecked_fixture(tc, llvm_setup, llvm_teardown);
	tcase_add_loop_test(tc, llvm_mc_encodes_every_row_as_we_do, 0, nknown);
	tcase_add_test(tc, ebpf_as_and_llvm_mc_give_the_same_text_section);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(isa_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
