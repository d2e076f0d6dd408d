/* SPDX-License-Identifier: MIT */
/*
 * directive.c - directives, sections, and the end of the file: labels become symbols,
 * fixups become patched fields or relocations.
 *
 * Directives are those of GNU as and of LLVM's `clang -S` output for BPF, plus ours:
 *   .map NAME, TYPE, key=K, value=V, entries=N [, flags=F] [, pinning=by_name]
 *   .license "GPL"          .kern_version N
 * A .map is laid out in .maps as libbpf's BTF-defined maps are (an 8-byte member for each of
 * type, key_size, value_size, max_entries, map_flags, pinning that is set: obj_map_def_size),
 * as a global object symbol; the object writer describes it in BTF.
 *
 * Relocations follow LLVM: a reference to a global symbol is relocated against that symbol;
 * one to a local symbol against its section's symbol, with the offset in the instruction
 * (lddw imm, call imm in instructions minus one), which is what libbpf expects.
 */
#include "asm-int.h"
#include "../common/mem.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

enum {
	SHT_PROGBITS_ = 1,
	SHT_NOBITS_ = 8,
	SHF_WRITE_ = 0x1,
	SHF_ALLOC_ = 0x2,
	SHF_EXECINSTR_ = 0x4,
	SHF_MERGE_ = 0x10,
	SHF_STRINGS_ = 0x20,
	STB_LOCAL_ = 0,
	STB_GLOBAL_ = 1,
	STB_WEAK_ = 2,
	STT_NOTYPE_ = 0,
	STT_OBJECT_ = 1,
	STT_FUNC_ = 2,
};

static int has_prefix(const char *s, size_t n, const char *pre)
{
	size_t l = strlen(pre);

	return n >= l && memcmp(s, pre, l) == 0;
}

static int name_is(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && memcmp(s, name, n) == 0;
}

int asm_section_switch(struct asm_state *as, const char *name, size_t len, const char *flags,
		       int type_hint, struct tok *at)
{
	char tmp[256];
	int sec;
	uint32_t type = SHT_PROGBITS_;
	uint64_t fl = 0, align = 1;

	if (len == 0 || len >= sizeof(tmp)) {
		if (at)
			asm_err(as, at, "invalid section name");
		return -1;
	}
	memcpy(tmp, name, len);
	tmp[len] = '\0';
	sec = obj_sec_find(as->o, tmp);
	if (sec >= 0) {
		as->sec = sec;
		return 0;
	}
	if (name_is(name, len, ".text") || isa_secdef_find(tmp)) {
		fl = SHF_ALLOC_ | SHF_EXECINSTR_;
		align = 8;
	} else if (has_prefix(name, len, ".bss")) {
		fl = SHF_ALLOC_ | SHF_WRITE_;
		type = SHT_NOBITS_;
		align = 8;
	} else if (has_prefix(name, len, ".data") || name_is(name, len, ".maps") ||
		   name_is(name, len, "maps") || name_is(name, len, "license") ||
		   name_is(name, len, "version")) {
		fl = SHF_ALLOC_ | SHF_WRITE_;
		align = name_is(name, len, "license") ? 1 : 8;
	} else if (has_prefix(name, len, ".rodata")) {
		fl = SHF_ALLOC_;
		align = 8;
	}
	if (flags) {
		fl = 0;
		for (const char *f = flags; *f; f++) {
			switch (*f) {
			case 'a':
				fl |= SHF_ALLOC_;
				break;
			case 'w':
				fl |= SHF_WRITE_;
				break;
			case 'x':
				fl |= SHF_EXECINSTR_;
				break;
			case 'M':
				fl |= SHF_MERGE_;
				break;
			case 'S':
				fl |= SHF_STRINGS_;
				break;
			default:
				break;
			}
		}
		if (fl & SHF_EXECINSTR_)
			align = 8;
	}
	if (type_hint)
		type = (uint32_t)type_hint;
	sec = obj_sec_add(as->o, tmp, type, fl, align);
	if (sec < 0) {
		as->nomem = 1;
		return -1;
	}
	as->sec = sec;
	return 0;
}

int asm_section_ensure_text(struct asm_state *as)
{
	if (as->sec >= 0)
		return 0;
	return asm_section_switch(as, ".text", 5, NULL, 0, NULL);
}

/* Append bytes to the current section (zeros for NOBITS sections: only the size grows). */
static int sec_append(struct asm_state *as, const void *p, size_t n, struct tok *at)
{
	struct obj_sec *s;

	if (as->sec < 0 && asm_section_ensure_text(as))
		return -1;
	s = &as->o->secs[as->sec];
	if (s->type == SHT_NOBITS_) {
		if (p) {
			for (size_t i = 0; i < n; i++)
				if (((const uint8_t *)p)[i]) {
					asm_err(as, at,
						"nonzero data in section '%s', which holds no data",
						s->name);
					return -1;
				}
		}
		s->size += n;
		return 0;
	}
	if (buf_append(&s->data, p, n)) {
		as->nomem = 1;
		return -1;
	}
	s->size = s->data.len;
	return 0;
}

/* Decode a string token's escapes into out (room for t->len bytes). Returns the length. */
static size_t unescape(const struct tok *t, char *out)
{
	size_t n = 0;

	for (size_t i = 0; i < t->len; i++) {
		char c = t->p[i];

		if (c == '\\' && i + 1 < t->len) {
			c = t->p[++i];
			switch (c) {
			case 'n':
				c = '\n';
				break;
			case 't':
				c = '\t';
				break;
			case 'r':
				c = '\r';
				break;
			case '0':
			case '1':
			case '2':
			case '3':
			case '4':
			case '5':
			case '6':
			case '7': {
				int v = 0, k = 0;

				while (k < 3 && i < t->len && t->p[i] >= '0' && t->p[i] <= '7') {
					v = v * 8 + (t->p[i] - '0');
					i++;
					k++;
				}
				i--;
				c = (char)v;
				break;
			}
			case 'x': {
				int v = 0;

				while (i + 1 < t->len &&
				       ((t->p[i + 1] >= '0' && t->p[i + 1] <= '9') ||
					((t->p[i + 1] | 0x20) >= 'a' &&
					 (t->p[i + 1] | 0x20) <= 'f'))) {
					char h = t->p[++i];

					v = v * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
				}
				c = (char)v;
				break;
			}
			default:
				break;
			}
		}
		out[n++] = c;
	}
	return n;
}

static int want_end(struct asm_state *as, struct tok *t)
{
	if (t->kind == TK_EOL)
		return 0;
	asm_err(as, t, "unexpected '%.*s' after the directive", (int)t->len, t->p);
	return -1;
}

/* After an item of a comma-separated list: 0 at the end of the line, 1 past a ',' for the
 * next item, -1 (reported) on anything else. */
static int list_next(struct asm_state *as, struct tok *t, int *i)
{
	if (t[*i].kind == TK_EOL)
		return 0;
	if (!tok_is(&t[*i], ",")) {
		asm_err(as, &t[*i], "expected ',' between values");
		return -1;
	}
	(*i)++;
	return 1;
}

/* .byte/.short/.long/.quad expr, expr, ... */
static int dir_data(struct asm_state *as, struct tok *t, int n, int width)
{
	int i = 1, r;

	if (t[1].kind == TK_EOL) {
		asm_err(as, &t[1], "expected a value after '%.*s'", (int)t->len, t->p);
		return -1;
	}
	for (;;) {
		struct expr e;
		struct tok *vt = &t[i];
		uint8_t bytes[8];
		uint64_t v;

		if (asm_expr_parse(as, t, n, &i, &e))
			return -1;
		if (as->sec < 0 && asm_section_ensure_text(as))
			return -1;
		if (e.plus >= 0 || e.minus >= 0) {
			enum fixup_kind k = width == 8	 ? FX_DATA64
					    : width == 4 ? FX_DATA32
					    : width == 2 ? FX_DATA16
							 : FX_DATA8;

			if (asm_fixup_add(as, k, as->sec, obj_sec_size(&as->o->secs[as->sec]), &e,
					  vt))
				return -1;
			v = 0;
		} else {
			v = (uint64_t)e.val;
			if (width < 8) {
				int64_t sv = e.val;
				uint64_t lim = 1ull << (width * 8);

				if (!(v < lim || (sv < 0 && sv >= -(int64_t)(lim / 2)))) {
					asm_err(as, vt,
						"value %" PRId64 " does not fit in %d byte%s", sv,
						width, width > 1 ? "s" : "");
					return -1;
				}
			}
		}
		for (int b = 0; b < width; b++)
			bytes[b] = (uint8_t)(v >> (8 * b));
		if (sec_append(as, bytes, (size_t)width, vt))
			return -1;
		r = list_next(as, t, &i);
		if (r <= 0)
			return r;
	}
}

static int dir_leb128(struct asm_state *as, struct tok *t, int n, int is_signed)
{
	int i = 1, r;

	for (;;) {
		struct expr e;
		int64_t v;
		uint8_t out[10];
		size_t k = 0;

		if (asm_expr_parse(as, t, n, &i, &e))
			return -1;
		if (asm_expr_const(as, &e, &v)) {
			asm_err(as, &t[1], "LEB128 values must be constants");
			return -1;
		}
		for (;;) {
			uint8_t byte = (uint8_t)(v & 0x7f);
			int more;

			if (is_signed) {
				v >>= 7;
				more = !((v == 0 && !(byte & 0x40)) || (v == -1 && (byte & 0x40)));
			} else {
				v = (int64_t)((uint64_t)v >> 7);
				more = v != 0;
			}
			out[k++] = (uint8_t)(byte | (more ? 0x80 : 0));
			if (!more || k == sizeof(out))
				break;
		}
		if (sec_append(as, out, k, &t[1]))
			return -1;
		r = list_next(as, t, &i);
		if (r <= 0)
			return r;
	}
}

static int dir_string(struct asm_state *as, struct tok *t, int zero)
{
	int i = 1, r;

	for (;;) {
		char tmp[4096];
		size_t len;

		if (t[i].kind != TK_STR) {
			asm_err(as, &t[i], "expected a string");
			return -1;
		}
		if (t[i].len >= sizeof(tmp)) {
			asm_err(as, &t[i], "string longer than %zu bytes", sizeof(tmp) - 1);
			return -1;
		}
		len = unescape(&t[i], tmp);
		if (zero)
			tmp[len++] = '\0';
		if (sec_append(as, tmp, len, &t[i]))
			return -1;
		i++;
		r = list_next(as, t, &i);
		if (r <= 0)
			return r;
	}
}

static int const_arg(struct asm_state *as, struct tok *t, int n, int *i, int64_t *v,
		     const char *what)
{
	struct expr e;
	struct tok *at = &t[*i];

	if (at->kind == TK_EOL) {
		asm_err(as, at, "expected %s", what);
		return -1;
	}
	if (asm_expr_parse(as, t, n, i, &e))
		return -1;
	if (asm_expr_const(as, &e, v)) {
		asm_err(as, at, "%s must be a constant", what);
		return -1;
	}
	return 0;
}

static int dir_align(struct asm_state *as, struct tok *t, int n, int p2)
{
	int i = 1;
	int64_t a, fill = 0;
	struct obj_sec *s;
	uint64_t size, pad;

	if (const_arg(as, t, n, &i, &a, "an alignment"))
		return -1;
	if (tok_is(&t[i], ",")) {
		i++;
		if (t[i].kind != TK_EOL && !tok_is(&t[i], ",") &&
		    const_arg(as, t, n, &i, &fill, "a fill value"))
			return -1;
		if (tok_is(&t[i], ",")) { /* max skip: accepted, not enforced */
			int64_t dummy;

			i++;
			if (const_arg(as, t, n, &i, &dummy, "a maximum"))
				return -1;
		}
	}
	if (want_end(as, &t[i]))
		return -1;
	if (p2) {
		if (a < 0 || a > 16) {
			asm_err(as, &t[1], "alignment 2^%" PRId64 " out of range [0, 16]", a);
			return -1;
		}
		a = 1ll << a;
	} else if (a <= 0 || (a & (a - 1)) || a > 65536) {
		asm_err(as, &t[1], "alignment %" PRId64 " is not a power of 2 up to 65536", a);
		return -1;
	}
	if (as->sec < 0 && asm_section_ensure_text(as))
		return -1;
	s = &as->o->secs[as->sec];
	if ((uint64_t)a > s->align)
		s->align = (uint64_t)a;
	size = obj_sec_size(s);
	pad = (uint64_t)(-(int64_t)size) & (uint64_t)(a - 1);
	/* in code, pad with "ja +0"-free zeros would be invalid: LLVM pads code with zeros too */
	for (uint64_t k = 0; k < pad; k++) {
		uint8_t f = (uint8_t)fill;

		if (sec_append(as, &f, 1, &t[1]))
			return -1;
	}
	return 0;
}

/* The raw text of a name that may contain '/', '-', '.': from t[*i] up to ',' or the end. */
static int raw_name(struct tok *t, int *i, const char **name, size_t *len)
{
	const char *start, *end;

	if (t[*i].kind == TK_STR) {
		*name = t[*i].p;
		*len = t[*i].len;
		(*i)++;
		return 0;
	}
	if (t[*i].kind == TK_EOL)
		return -1;
	start = t[*i].p;
	end = start;
	while (t[*i].kind != TK_EOL && !tok_is(&t[*i], ",")) {
		end = t[*i].p + t[*i].len;
		(*i)++;
	}
	*name = start;
	*len = (size_t)(end - start);
	return 0;
}

static int dir_section(struct asm_state *as, struct tok *t, int n)
{
	int i = 1, type = 0;
	const char *name;
	size_t len;
	char flags[16] = "";
	int have_flags = 0;

	if (raw_name(t, &i, &name, &len)) {
		asm_err(as, &t[1], "expected a section name");
		return -1;
	}
	if (tok_is(&t[i], ",")) {
		i++;
		if (t[i].kind == TK_STR) {
			snprintf(flags, sizeof(flags), "%.*s", (int)t[i].len, t[i].p);
			have_flags = 1;
			i++;
		}
		if (tok_is(&t[i], ",")) {
			i++;
			if ((tok_is(&t[i], "@") || tok_is(&t[i], "%")) &&
			    t[i + 1].kind == TK_IDENT) {
				if (tok_is(&t[i + 1], "nobits"))
					type = SHT_NOBITS_;
				else if (tok_is(&t[i + 1], "progbits"))
					type = SHT_PROGBITS_;
				else {
					asm_err(as, &t[i + 1], "unknown section type '%.*s'",
						(int)t[i + 1].len, t[i + 1].p);
					return -1;
				}
				i += 2;
			}
			/* entity size of mergeable sections: ", 1" */
			while (t[i].kind != TK_EOL)
				i++;
		}
	}
	(void)n;
	if (want_end(as, &t[i]))
		return -1;
	return asm_section_switch(as, name, len, have_flags ? flags : NULL, type, &t[1]);
}

/* .globl a, b / .weak / .local / .hidden */
static int dir_binding(struct asm_state *as, struct tok *t, int bind)
{
	int i = 1, r;

	for (;;) {
		int l;

		if (t[i].kind != TK_IDENT) {
			asm_err(as, &t[i], "expected a symbol name");
			return -1;
		}
		l = asm_label_get(as, t[i].p, t[i].len);
		if (l < 0)
			return -1;
		if (bind == STB_GLOBAL_)
			as->labels[l].global = 1;
		else if (bind == STB_WEAK_)
			as->labels[l].weak = 1;
		else if (bind == STB_LOCAL_)
			as->labels[l].global = 0;
		/* a declared symbol is no longer private, even with a .L name */
		if (bind != -1)
			as->labels[l].is_private = 0;
		i++;
		r = list_next(as, t, &i);
		if (r <= 0)
			return r;
	}
}

static int dir_type(struct asm_state *as, struct tok *t)
{
	int l;
	struct tok *ty;

	if (t[1].kind != TK_IDENT || !tok_is(&t[2], ",")) {
		asm_err(as, &t[1], "expected '.type NAME, @function' or '@object'");
		return -1;
	}
	ty = &t[3];
	if (tok_is(ty, "@") || tok_is(ty, "%") || tok_is(ty, "#"))
		ty++;
	l = asm_label_get(as, t[1].p, t[1].len);
	if (l < 0)
		return -1;
	if (tok_is(ty, "function") || tok_is(ty, "STT_FUNC"))
		as->labels[l].type = STT_FUNC_;
	else if (tok_is(ty, "object") || tok_is(ty, "STT_OBJECT"))
		as->labels[l].type = STT_OBJECT_;
	else if (tok_is(ty, "notype") || tok_is(ty, "STT_NOTYPE"))
		as->labels[l].type = STT_NOTYPE_;
	else {
		asm_err(as, ty, "unknown symbol type '%.*s' (function, object or notype)",
			(int)ty->len, ty->p);
		return -1;
	}
	as->labels[l].is_private = 0;
	return want_end(as, ty + 1);
}

static int dir_size(struct asm_state *as, struct tok *t, int n)
{
	int i = 3, l;
	struct expr e;

	if (t[1].kind != TK_IDENT || !tok_is(&t[2], ",")) {
		asm_err(as, &t[1], "expected '.size NAME, SIZE'");
		return -1;
	}
	if (asm_expr_parse(as, t, n, &i, &e) || want_end(as, &t[i]))
		return -1;
	l = asm_label_get(as, t[1].p, t[1].len);
	if (l < 0)
		return -1;
	return asm_fixup_add(as, FX_SIZE, -1, (uint64_t)l, &e, &t[3]);
}

static int dir_set(struct asm_state *as, struct tok *t, int n)
{
	int i = 3, l;
	int64_t v;

	if (t[1].kind != TK_IDENT || !tok_is(&t[2], ",")) {
		asm_err(as, &t[1], "expected '%.*s NAME, VALUE'", (int)t->len, t->p);
		return -1;
	}
	if (const_arg(as, t, n, &i, &v, "the value") || want_end(as, &t[i]))
		return -1;
	l = asm_label_get(as, t[1].p, t[1].len);
	if (l < 0)
		return -1;
	if (as->labels[l].defined && as->labels[l].sec != OBJ_SEC_ABS) {
		asm_err(as, &t[1], "'%.*s' is already defined as a label", (int)t[1].len, t[1].p);
		return -1;
	}
	as->labels[l].defined = 1;
	as->labels[l].sec = OBJ_SEC_ABS;
	as->labels[l].off = (uint64_t)v;
	return 0;
}

/* .map NAME, TYPE, key=K, value=V, entries=N [, flags=F] [, pinning=by_name|none] */
static int dir_map(struct asm_state *as, struct tok *t, int n)
{
	struct obj_map m;
	const struct isa_maptype *mt;
	char tmp[64];
	int i = 3, have_key = 0, have_value = 0, have_entries = 0, save, l, sec;
	uint64_t off, size;

	memset(&m, 0, sizeof(m));
	m.sym = -1;
	m.data_sec = -1;
	if (t[1].kind != TK_IDENT || !tok_is(&t[2], ",") || t[3].kind != TK_IDENT) {
		asm_err(as, &t[1], "expected '.map NAME, TYPE, key=SIZE, value=SIZE, entries=N'");
		return -1;
	}
	snprintf(tmp, sizeof(tmp), "%.*s", (int)t[3].len, t[3].p);
	mt = isa_maptype_by_name(tmp);
	if (!mt) {
		asm_err(as, &t[3], "unknown map type '%s'", tmp);
		return -1;
	}
	m.type = (uint32_t)mt->id;
	i = 4;
	while (tok_is(&t[i], ",")) {
		struct tok *k = &t[i + 1];
		int64_t v = 0;

		if (k->kind != TK_IDENT || !tok_is(&t[i + 2], "=")) {
			asm_err(as, k,
				"expected 'key=', 'value=', 'entries=', 'flags=' or 'pinning='");
			return -1;
		}
		i += 3;
		if (tok_is(k, "pinning")) {
			if (tok_is(&t[i], "by_name"))
				m.pinning = 1;
			else if (!tok_is(&t[i], "none")) {
				asm_err(as, &t[i], "pinning is 'by_name' or 'none'");
				return -1;
			}
			i++;
			continue;
		}
		if (const_arg(as, t, n, &i, &v, "a value"))
			return -1;
		if (v < 0 || v > UINT32_MAX) {
			asm_err(as, k + 2, "'%.*s' %" PRId64 " out of range [0, 4294967295]",
				(int)k->len, k->p, v);
			return -1;
		}
		if (tok_is(k, "key"))
			m.key_size = (uint32_t)v, have_key = 1;
		else if (tok_is(k, "value"))
			m.value_size = (uint32_t)v, have_value = 1;
		else if (tok_is(k, "entries"))
			m.max_entries = (uint32_t)v, have_entries = 1;
		else if (tok_is(k, "flags"))
			m.flags = (uint32_t)v;
		else {
			asm_err(as, k, "unknown map attribute '%.*s'", (int)k->len, k->p);
			return -1;
		}
	}
	if (want_end(as, &t[i]))
		return -1;
	if (!have_entries || (!have_key && !have_value)) {
		asm_err(as, &t[1], "map '%.*s' needs %s", (int)t[1].len, t[1].p,
			!have_entries ? "entries=N" : "key=SIZE and value=SIZE");
		return -1;
	}
	size = obj_map_def_size(&m);
	save = as->sec;
	if (asm_section_switch(as, ".maps", 5, NULL, 0, &t[1]))
		return -1;
	sec = as->sec;
	off = obj_sec_size(&as->o->secs[sec]);
	if (sec_append(as, NULL, size, &t[1]))
		return -1;
	as->sec = save;
	l = asm_label_define(as, t[1].p, t[1].len, sec, off, &t[1]);
	if (l < 0)
		return -1;
	as->labels[l].global = 1;
	as->labels[l].type = STT_OBJECT_;
	as->labels[l].size = size;
	as->labels[l].size_set = 1;
	as->labels[l].is_map = 1;
	as->labels[l].is_private = 0;
	m.name = tmp;
	snprintf(tmp, sizeof(tmp), "%.*s", (int)t[1].len, t[1].p);
	m.sec = sec;
	m.off = off;
	if (obj_map_add(as->o, &m) < 0) {
		as->nomem = 1;
		return -1;
	}
	return 0;
}

static int dir_license(struct asm_state *as, struct tok *t)
{
	char tmp[256];
	size_t len;
	int save = as->sec;

	if (t[1].kind != TK_STR || t[1].len >= sizeof(tmp)) {
		asm_err(as, &t[1], "expected '.license \"GPL\"'");
		return -1;
	}
	if (want_end(as, &t[2]))
		return -1;
	if (as->o->license) {
		asm_err(as, t, "the license is already set to \"%s\"", as->o->license);
		return -1;
	}
	len = unescape(&t[1], tmp);
	tmp[len] = '\0';
	as->o->license = mem_strdup(tmp);
	if (!as->o->license || asm_section_switch(as, "license", 7, NULL, 0, &t[1])) {
		as->nomem = !as->o->license;
		return -1;
	}
	if (sec_append(as, tmp, len + 1, &t[1]))
		return -1;
	as->sec = save;
	return 0;
}

static int dir_kern_version(struct asm_state *as, struct tok *t, int n)
{
	int i = 1, save = as->sec;
	int64_t v;
	uint8_t b[4];

	if (const_arg(as, t, n, &i, &v, "a kernel version") || want_end(as, &t[i]))
		return -1;
	as->o->kern_version = (uint32_t)v;
	as->o->has_kern_version = 1;
	for (int k = 0; k < 4; k++)
		b[k] = (uint8_t)((uint64_t)v >> (8 * k));
	if (asm_section_switch(as, "version", 7, NULL, 0, &t[1]) || sec_append(as, b, 4, &t[1]))
		return -1;
	as->sec = save;
	return 0;
}

int asm_directive(struct asm_state *as, struct tok *t, int n)
{
	const char *d = t->p;
	size_t l = t->len;
	int i;

#define IS(s) name_is(d, l, s)
	if (IS(".text") || IS(".data") || IS(".bss") || IS(".rodata"))
		return want_end(as, &t[1]) ? -1 : asm_section_switch(as, d, l, NULL, 0, t);
	if (IS(".section") || IS(".pushsection"))
		return dir_section(as, t, n);
	if (IS(".globl") || IS(".global"))
		return dir_binding(as, t, STB_GLOBAL_);
	if (IS(".weak"))
		return dir_binding(as, t, STB_WEAK_);
	if (IS(".local"))
		return dir_binding(as, t, STB_LOCAL_);
	if (IS(".hidden") || IS(".protected") || IS(".internal") || IS(".extern"))
		return dir_binding(as, t, IS(".extern") ? STB_GLOBAL_ : -1);
	if (IS(".type"))
		return dir_type(as, t);
	if (IS(".size"))
		return dir_size(as, t, n);
	if (IS(".byte"))
		return dir_data(as, t, n, 1);
	if (IS(".short") || IS(".hword") || IS(".2byte"))
		return dir_data(as, t, n, 2);
	if (IS(".long") || IS(".int") || IS(".4byte"))
		return dir_data(as, t, n, 4);
	if (IS(".quad") || IS(".8byte") || IS(".dword"))
		return dir_data(as, t, n, 8);
	if (IS(".uleb128") || IS(".sleb128"))
		return dir_leb128(as, t, n, d[1] == 's');
	if (IS(".ascii"))
		return dir_string(as, t, 0);
	if (IS(".asciz") || IS(".string"))
		return dir_string(as, t, 1);
	if (IS(".zero") || IS(".space") || IS(".skip")) {
		int64_t cnt, fill = 0;

		i = 1;
		if (const_arg(as, t, n, &i, &cnt, "a size"))
			return -1;
		if (tok_is(&t[i], ",")) {
			i++;
			if (const_arg(as, t, n, &i, &fill, "a fill value"))
				return -1;
		}
		if (want_end(as, &t[i]))
			return -1;
		if (cnt < 0 || cnt > (1 << 28)) {
			asm_err(as, &t[1], "size %" PRId64 " out of range [0, 268435456]", cnt);
			return -1;
		}
		if (fill == 0)
			return sec_append(as, NULL, (size_t)cnt, &t[1]);
		for (int64_t k = 0; k < cnt; k++) {
			uint8_t f = (uint8_t)fill;

			if (sec_append(as, &f, 1, &t[1]))
				return -1;
		}
		return 0;
	}
	if (IS(".p2align"))
		return dir_align(as, t, n, 1);
	if (IS(".align") || IS(".balign"))
		return dir_align(as, t, n, 0);
	if (IS(".set") || IS(".equ"))
		return dir_set(as, t, n);
	if (IS(".map"))
		return dir_map(as, t, n);
	if (IS(".license"))
		return dir_license(as, t);
	if (IS(".kern_version"))
		return dir_kern_version(as, t, n);
	if (IS(".popsection") || IS(".previous"))
		return 0; /* one level is all clang -S uses, and never for code */
	/* Accepted and ignored: debug and bookkeeping directives of clang -S. */
	if (IS(".file") || IS(".loc") || IS(".ident") || IS(".addrsig") || IS(".addrsig_sym") ||
	    has_prefix(d, l, ".cfi_") || IS(".text.unlikely") || IS(".note") ||
	    IS(".macosx_version_min"))
		return 0;
#undef IS
	asm_err(as, t, "unknown directive '%.*s'", (int)l, d);
	return -1;
}

/* ---------------------------------------------------------------- end of file */

static void patch(struct asm_state *as, int sec, uint64_t off, const void *p, size_t n)
{
	struct obj_sec *s = &as->o->secs[sec];

	if (off + n <= s->data.len)
		memcpy(s->data.data + off, p, n);
}

static void patch_le(struct asm_state *as, int sec, uint64_t off, uint64_t v, size_t n)
{
	uint8_t b[8];

	for (size_t k = 0; k < n; k++)
		b[k] = (uint8_t)(v >> (8 * k));
	patch(as, sec, off, b, n);
}

static const char *label_name(struct asm_state *as, int l, char *buf, size_t len)
{
	const struct label *lb = &as->labels[l];
	const char *sep = memchr(lb->name, '\002', lb->len);

	if (sep)
		snprintf(buf, len, "%.*s", (int)(sep - lb->name), lb->name);
	else
		snprintf(buf, len, "%.*s", (int)lb->len, lb->name);
	return buf;
}

/* Report a reference to a label that is not defined. */
static void undefined(struct asm_state *as, const struct fixup *f, int l, const char *what)
{
	char nb[256];

	asm_err_at(as, f->line, f->col, f->len, "undefined %s '%s'", what,
		   label_name(as, l, nb, sizeof(nb)));
}

static int sym_of(struct asm_state *as, int l)
{
	struct label *lb = &as->labels[l];

	if (lb->sym >= 0)
		return lb->sym;
	if (!lb->defined) {
		char nb[256];

		lb->sym = obj_sym_add(as->o, label_name(as, l, nb, sizeof(nb)), OBJ_SEC_UNDEF, 0, 0,
				      lb->weak ? STB_WEAK_ : STB_GLOBAL_, lb->type);
		if (lb->sym < 0)
			as->nomem = 1;
	}
	return lb->sym;
}

/* Is the reference relocated against the label's own symbol (global, weak, undefined)? */
static int rel_by_symbol(const struct label *lb)
{
	return lb->global || lb->weak || !lb->defined || lb->is_map;
}

static void jump_fix(struct asm_state *as, const struct fixup *f)
{
	int l = f->e.plus;
	struct label *lb = &as->labels[l];
	int64_t delta;
	struct isa_raw raw;

	if (!lb->defined && lb->len == 4 && memcmp(lb->name, "exit", 4) == 0 &&
	    (size_t)f->sec < as->first_exit_cap && as->first_exit[f->sec]) {
		/* classic dialect: "exit" names the first exit instruction */
		lb->defined = 1;
		lb->is_private = 1;
		lb->sec = f->sec;
		lb->off = as->first_exit[f->sec] - 1;
	}
	if (!lb->defined) {
		undefined(as, f, l, "label");
		return;
	}
	if (lb->sec != f->sec) {
		char nb[256];

		asm_err_at(as, f->line, f->col, f->len, "jump to '%s' in another section",
			   label_name(as, l, nb, sizeof(nb)));
		return;
	}
	if ((lb->off + (uint64_t)f->e.val * 8) % 8) {
		asm_err_at(as, f->line, f->col, f->len,
			   "jump target is not an instruction boundary");
		return;
	}
	delta = ((int64_t)lb->off - (int64_t)(f->off + 8)) / 8 + f->e.val;
	memcpy(&raw, as->o->secs[f->sec].data.data + f->off, 8);
	if (f->kind == FX_JMP16) {
		if (delta < INT16_MIN || delta > INT16_MAX) {
			char nb[256];

			asm_err_at(as, f->line, f->col, f->len,
				   "jump to '%s' out of range: %" PRId64
				   " instructions does not fit in 16 bits (use gotol)",
				   label_name(as, l, nb, sizeof(nb)), delta);
			return;
		}
		raw.off = (int16_t)delta;
	} else {
		if (delta < INT32_MIN || delta > INT32_MAX) {
			asm_err_at(as, f->line, f->col, f->len, "jump out of range");
			return;
		}
		raw.imm = (int32_t)delta;
	}
	patch(as, f->sec, f->off, &raw, 8);
}

static void call_fix(struct asm_state *as, const struct fixup *f)
{
	int l = f->e.plus;
	struct label *lb = &as->labels[l];
	struct isa_raw raw;
	int sym;

	memcpy(&raw, as->o->secs[f->sec].data.data + f->off, 8);
	if (!lb->defined && !lb->global) {
		undefined(as, f, l, "function");
		return;
	}
	if (lb->defined && lb->sec >= 0 && !(as->o->secs[lb->sec].flags & SHF_EXECINSTR_)) {
		char nb[256];

		asm_err_at(as, f->line, f->col, f->len, "call target '%s' is not in a code section",
			   label_name(as, l, nb, sizeof(nb)));
		return;
	}
	if (lb->defined && lb->sec == f->sec && !rel_by_symbol(lb)) {
		raw.imm = (int32_t)(((int64_t)lb->off - (int64_t)(f->off + 8)) / 8);
		patch(as, f->sec, f->off, &raw, 8);
		return;
	}
	/* as LLVM: imm = -1 against the symbol, or (offset / 8) - 1 against the section */
	if (rel_by_symbol(lb)) {
		sym = sym_of(as, l);
		raw.imm = -1;
	} else {
		sym = asm_section_symbol(as, lb->sec);
		raw.imm = (int32_t)(lb->off / 8) - 1;
	}
	if (sym < 0)
		return;
	patch(as, f->sec, f->off, &raw, 8);
	if (obj_rel_add(as->o, f->sec, f->off, sym, ISA_R_BPF_64_32) < 0)
		as->nomem = 1;
}

static void lddw_fix(struct asm_state *as, const struct fixup *f)
{
	int l = f->e.plus;
	struct label *lb = &as->labels[l];
	struct isa_raw raw;
	int sym;
	int64_t add = f->e.val;

	if (!lb->defined && !lb->global) {
		undefined(as, f, l, "symbol");
		return;
	}
	if (f->kind == FX_FUNC) {
		if (!lb->defined || lb->sec != f->sec) {
			asm_err_at(as, f->line, f->col, f->len,
				   "func() must name a function in the same section");
			return;
		}
		memcpy(&raw, as->o->secs[f->sec].data.data + f->off, 8);
		raw.imm = (int32_t)(((int64_t)lb->off - (int64_t)(f->off + 8)) / 8);
		patch(as, f->sec, f->off, &raw, 8);
		return;
	}
	if (rel_by_symbol(lb)) {
		sym = sym_of(as, l);
	} else {
		sym = asm_section_symbol(as, lb->sec);
		add += (int64_t)lb->off;
	}
	if (sym < 0)
		return;
	memcpy(&raw, as->o->secs[f->sec].data.data + f->off, 8);
	raw.imm = (int32_t)(uint32_t)(uint64_t)add;
	patch(as, f->sec, f->off, &raw, 8);
	patch_le(as, f->sec, f->off + 12, (uint64_t)add >> 32, 4);
	if (obj_rel_add(as->o, f->sec, f->off, sym, ISA_R_BPF_64_64) < 0)
		as->nomem = 1;
}

static void data_fix(struct asm_state *as, struct fixup *f)
{
	size_t width = f->kind == FX_DATA64   ? 8
		       : f->kind == FX_DATA32 ? 4
		       : f->kind == FX_DATA16 ? 2
					      : 1;
	struct expr e = f->e;
	int64_t v;
	int sym;

	if (asm_expr_const(as, &e, &v) == 0) {
		patch_le(as, f->sec, f->off, (uint64_t)v, width);
		return;
	}
	if (e.plus >= 0 && e.minus >= 0) {
		asm_err_at(as, f->line, f->col, f->len,
			   "difference of symbols in different sections (or undefined)");
		return;
	}
	if (e.minus >= 0 || width < 4) {
		asm_err_at(as, f->line, f->col, f->len, "a %zu-byte value cannot hold a symbol",
			   width);
		return;
	}
	{
		struct label *lb = &as->labels[e.plus];

		if (!lb->defined && !lb->global) {
			undefined(as, f, e.plus, "symbol");
			return;
		}
		if (rel_by_symbol(lb)) {
			sym = sym_of(as, e.plus);
		} else {
			sym = asm_section_symbol(as, lb->sec);
			e.val += (int64_t)lb->off;
		}
	}
	if (sym < 0)
		return;
	if (as->o->secs[f->sec].type == SHT_NOBITS_) {
		asm_err_at(as, f->line, f->col, f->len, "relocation in a section without data");
		return;
	}
	patch_le(as, f->sec, f->off, (uint64_t)e.val, width);
	if (obj_rel_add(as->o, f->sec, f->off, sym,
			width == 8 ? ISA_R_BPF_64_ABS64 : ISA_R_BPF_64_ABS32) < 0)
		as->nomem = 1;
}

static void size_fix(struct asm_state *as, struct fixup *f)
{
	struct label *lb = &as->labels[f->off];
	int64_t v;

	if (asm_expr_const(as, &f->e, &v)) {
		asm_err_at(as, f->line, f->col, f->len, "size must be a constant");
		return;
	}
	lb->size = (uint64_t)v;
	lb->size_set = 1;
}

/* Create the ELF symbols of defined, non-private labels. FUNC sizes are inferred up to the
 * next function (or the section end) when .size did not give one. */
static void make_symbols(struct asm_state *as)
{
	for (size_t i = 0; i < as->nlabels; i++) {
		struct label *lb = &as->labels[i];
		char nb[256];
		int bind, type;

		if (!lb->defined || lb->is_private || lb->sym >= 0)
			continue;
		if (lb->sec == OBJ_SEC_ABS && !lb->global)
			continue;
		bind = lb->weak ? STB_WEAK_ : lb->global ? STB_GLOBAL_ : STB_LOCAL_;
		type = lb->type;
		if (type == STT_NOTYPE_ && lb->global && lb->sec >= 0 &&
		    (as->o->secs[lb->sec].flags & SHF_EXECINSTR_))
			type = STT_FUNC_; /* a global label in code is a program */
		if (type == STT_FUNC_ && !lb->size_set && lb->sec >= 0) {
			uint64_t end = obj_sec_size(&as->o->secs[lb->sec]);

			for (size_t k = 0; k < as->nlabels; k++) {
				const struct label *o = &as->labels[k];

				if (k != i && o->defined && o->sec == lb->sec && o->off > lb->off &&
				    o->off < end && !o->is_private &&
				    (o->type == STT_FUNC_ || (o->global && o->type == STT_NOTYPE_)))
					end = o->off;
			}
			lb->size = end - lb->off;
		}
		lb->sym = obj_sym_add(as->o, label_name(as, (int)i, nb, sizeof(nb)), lb->sec,
				      lb->off, lb->size, bind, type);
		if (lb->sym < 0) {
			as->nomem = 1;
			return;
		}
	}
}

static void apply_objdump_rels(struct asm_state *as)
{
	for (size_t i = 0; i < as->nprels; i++) {
		struct pending_rel *r = &as->prels[i];
		int sym;

		if (r->label < 0)
			continue;
		/* A section name ("R_BPF_64_32 .text") means the section symbol. */
		{
			struct label *lb = &as->labels[r->label];
			char nb[256];
			int sec = obj_sec_find(as->o, label_name(as, r->label, nb, sizeof(nb)));

			if (!lb->defined && sec >= 0)
				sym = asm_section_symbol(as, sec);
			else
				sym = sym_of(as, r->label);
		}
		if (sym < 0)
			continue;
		if (r->off + 8 > obj_sec_size(&as->o->secs[r->sec])) {
			asm_err_at(as, r->line, 1, 1,
				   "relocation at 0x%" PRIx64 " is past the end of '%s'", r->off,
				   as->o->secs[r->sec].name);
			continue;
		}
		if (obj_rel_add(as->o, r->sec, r->off, sym, r->type) < 0)
			as->nomem = 1;
	}
}

void asm_finish(struct asm_state *as)
{
	/* sizes and jumps need only offsets */
	for (size_t i = 0; i < as->nfixups; i++) {
		struct fixup *f = &as->fixups[i];

		if (f->kind == FX_SIZE)
			size_fix(as, f);
		else if (f->kind == FX_JMP16 || f->kind == FX_JMP32)
			jump_fix(as, f);
	}
	/* A section's name stands for its start, as in llvm-mc ("r1 = .rodata ll"). */
	for (size_t i = 0; i < as->nlabels; i++) {
		struct label *lb = &as->labels[i];
		char nb[256];
		int sec;

		if (lb->defined || lb->global || !lb->used)
			continue;
		sec = obj_sec_find(as->o, label_name(as, (int)i, nb, sizeof(nb)));
		if (sec >= 0) {
			lb->defined = 1;
			lb->is_private = 1;
			lb->sec = sec;
			lb->off = 0;
		}
	}
	make_symbols(as);
	for (size_t i = 0; i < as->nfixups && !as->nomem; i++) {
		struct fixup *f = &as->fixups[i];

		switch (f->kind) {
		case FX_CALL:
			call_fix(as, f);
			break;
		case FX_LDDW:
		case FX_FUNC:
			lddw_fix(as, f);
			break;
		case FX_DATA8:
		case FX_DATA16:
		case FX_DATA32:
		case FX_DATA64:
			data_fix(as, f);
			break;
		default:
			break;
		}
	}
	apply_objdump_rels(as);
	/* maps point at their symbols */
	for (size_t i = 0; i < as->o->nmaps; i++) {
		int l = asm_label_get(as, as->o->maps[i].name, strlen(as->o->maps[i].name));

		if (l >= 0)
			as->o->maps[i].sym = as->labels[l].sym;
	}
	if (!as->nomem && obj_progs_collect(as->o) < 0)
		as->nomem = 1;
	if (!as->nomem && obj_data_maps_collect(as->o) < 0)
		as->nomem = 1;
	obj_lines_sort(as->o);
}
