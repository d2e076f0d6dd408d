/* SPDX-License-Identifier: MIT */
/*
 * tables.c - the helper, map type, program type and section name tables of isa.h, expanded
 * from helpers.def, maptypes.def and progtypes.def, and the lookups over them.
 *
 * Invariants, each asserted at compile time beside the array it concerns:
 *   - helpers[i].id == i + 1, so isa_helper_by_id() is one index; ret is a return kind and
 *     a1..a5 are argument kinds;
 *   - maptypes[i].id == i and progtypes[i].id == i, likewise;
 *   - every section definition names a program type and attach type of progtypes.def (a
 *     misspelt name does not compile) and has at most one of EXACT and ATTACH_ARG.
 * The ids are the kernel's uapi values; tests/check_tables.c holds them against
 * <linux/bpf.h>. This file does not include that header, so the tables also know types newer
 * than the header the library is built with.
 */
#include <string.h>

#include "isa.h"

_Static_assert(ISA_ARG_COUNT <= 256, "enum isa_arg fits the uint8_t fields of isa_helper");

/* ---- helpers ---- */

/* Row positions, to check that each row sits where its id says. */
enum {
#define ISA_HELPER(id, name, ret, a1, a2, a3, a4, a5, gpl) HELPER_POS_##name,
#include "helpers.def"
#undef ISA_HELPER
	HELPER_COUNT
};

static const struct isa_helper helpers[] = {
#define ISA_HELPER(id_, name_, ret_, a1, a2, a3, a4, a5, gpl)                                      \
	{                                                                                          \
		.id = id_,                                                                         \
		.name = "bpf_" #name_,                                                             \
		.ret = ISA_ARG_##ret_,                                                             \
		.args = {ISA_ARG_##a1, ISA_ARG_##a2, ISA_ARG_##a3, ISA_ARG_##a4, ISA_ARG_##a5},    \
		.gpl_only = gpl,                                                                   \
	},
#include "helpers.def"
#undef ISA_HELPER
};
_Static_assert(sizeof(helpers) / sizeof(helpers[0]) == HELPER_COUNT, "one entry per row");

/* Argument kinds come before ISA_ARG_RET_INTEGER in argtypes.def, return kinds from it on. */
#define IS_RET(k) (ISA_ARG_##k >= ISA_ARG_RET_INTEGER)
#define ISA_HELPER(id, name, ret, a1, a2, a3, a4, a5, gpl)                                         \
	_Static_assert((id) == HELPER_POS_##name + 1, "helpers.def: " #name " is not at its id");  \
	_Static_assert(IS_RET(ret) && !IS_RET(a1) && !IS_RET(a2) && !IS_RET(a3) && !IS_RET(a4) &&  \
			       !IS_RET(a5),                                                        \
		       "helpers.def: " #name " mixes up return and argument kinds");               \
	_Static_assert((gpl) == 0 || (gpl) == 1, "helpers.def: " #name " gpl_only is 0 or 1");
#include "helpers.def"
#undef ISA_HELPER
#undef IS_RET

const struct isa_helper *isa_helper_by_id(int id)
{
	if (id < 1 || id > HELPER_COUNT)
		return NULL;
	return &helpers[id - 1];
}

/*
 * A linear scan: the assembler looks up one name per call instruction, and 211 short
 * compares cost less than keeping a second, sorted table in step with the first.
 */
const struct isa_helper *isa_helper_by_name(const char *name)
{
	if (!name)
		return NULL;
	if (strncmp(name, "bpf_", 4) == 0)
		name += 4;
	for (size_t i = 0; i < HELPER_COUNT; i++)
		if (strcmp(helpers[i].name + 4, name) == 0)
			return &helpers[i];
	return NULL;
}

size_t isa_helper_count(void)
{
	return HELPER_COUNT;
}

const struct isa_helper *isa_helper_at(size_t i)
{
	return i < HELPER_COUNT ? &helpers[i] : NULL;
}

/* ---- map types ---- */

enum {
#define ISA_MAPTYPE(id, name) MAPTYPE_POS_##name,
#include "maptypes.def"
#undef ISA_MAPTYPE
	MAPTYPE_COUNT
};

static const struct isa_maptype maptypes[] = {
#define ISA_MAPTYPE(id_, name_) {.id = id_, .name = #name_},
#include "maptypes.def"
#undef ISA_MAPTYPE
};
_Static_assert(sizeof(maptypes) / sizeof(maptypes[0]) == MAPTYPE_COUNT, "one entry per row");

#define ISA_MAPTYPE(id, name)                                                                      \
	_Static_assert((id) == MAPTYPE_POS_##name, "maptypes.def: " #name " is not at its id");
#include "maptypes.def"
#undef ISA_MAPTYPE

const struct isa_maptype *isa_maptype_by_id(int id)
{
	if (id < 0 || id >= MAPTYPE_COUNT)
		return NULL;
	return &maptypes[id];
}

const struct isa_maptype *isa_maptype_by_name(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < MAPTYPE_COUNT; i++)
		if (strcmp(maptypes[i].name, name) == 0)
			return &maptypes[i];
	return NULL;
}

/* ---- program types, attach types, section names ---- */

/* Ids by name, for the section rows: PROG_xdp == 6, ATTACH_xdp == 37, ATTACH_none == -1. */
enum {
#define ISA_PROGTYPE(id, name)	 PROG_##name = (id),
#define ISA_ATTACHTYPE(id, name) ATTACH_##name = (id),
#include "progtypes.def"
	ATTACH_none = -1
};

enum {
#define ISA_PROGTYPE(id, name) PROGTYPE_POS_##name,
#include "progtypes.def"
	PROGTYPE_COUNT
};

enum {
#define ISA_ATTACHTYPE(id, name) ATTACHTYPE_POS_##name,
#include "progtypes.def"
	ATTACHTYPE_COUNT
};

#define ISA_PROGTYPE(id, name)                                                                     \
	_Static_assert((id) == PROGTYPE_POS_##name,                                                \
		       "progtypes.def: program type " #name " is not at its id");
#define ISA_ATTACHTYPE(id, name)                                                                   \
	_Static_assert((id) == ATTACHTYPE_POS_##name,                                              \
		       "progtypes.def: attach type " #name " is not at its id");
#include "progtypes.def"

static const struct isa_progtype progtypes[] = {
#define ISA_PROGTYPE(id_, name_) {.id = id_, .name = #name_},
#include "progtypes.def"
};
_Static_assert(sizeof(progtypes) / sizeof(progtypes[0]) == PROGTYPE_COUNT, "one entry per row");

static const struct isa_secdef secdefs[] = {
#define ISA_SECDEF(prefix_, prog, attach, flags_)                                                  \
	{.prefix = prefix_,                                                                        \
	 .prog_type = PROG_##prog,                                                                 \
	 .attach_type = ATTACH_##attach,                                                           \
	 .flags = flags_},
#include "progtypes.def"
};

/* A rule is exact, or takes "/suffix"; only the latter can name a target in the suffix. */
#define ISA_SECDEF(prefix, prog, attach, flags)                                                    \
	_Static_assert(((flags) & ~(ISA_SEC_EXACT | ISA_SEC_ATTACH_ARG)) == 0 &&                   \
			       (flags) != (ISA_SEC_EXACT | ISA_SEC_ATTACH_ARG),                    \
		       "progtypes.def: section " prefix " has contradictory flags");
#include "progtypes.def"

const struct isa_progtype *isa_progtype_by_id(int id)
{
	if (id < 0 || id >= PROGTYPE_COUNT)
		return NULL;
	return &progtypes[id];
}

const struct isa_progtype *isa_progtype_by_name(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < PROGTYPE_COUNT; i++)
		if (strcmp(progtypes[i].name, name) == 0)
			return &progtypes[i];
	return NULL;
}

/* libbpf's sec_def_matches() over section_defs in order; progtypes.def states the rules. */
const struct isa_secdef *isa_secdef_find(const char *secname)
{
	if (!secname)
		return NULL;
	/* SEC("?name"): libbpf strips the mark (do not autoload) before it matches */
	if (*secname == '?')
		secname++;
	for (size_t i = 0; i < sizeof(secdefs) / sizeof(secdefs[0]); i++) {
		const struct isa_secdef *d = &secdefs[i];
		size_t len = strlen(d->prefix);

		if (strncmp(secname, d->prefix, len) != 0)
			continue;
		if (secname[len] == '\0')
			return d;
		/* "kprobe/x" but neither "kprobes" nor "kprobe.multi" (a row of its own) */
		if (!(d->flags & ISA_SEC_EXACT) && secname[len] == '/')
			return d;
	}
	return NULL;
}

size_t isa_secdef_count(void)
{
	return sizeof(secdefs) / sizeof(secdefs[0]);
}

const struct isa_secdef *isa_secdef_at(size_t i)
{
	return i < isa_secdef_count() ? &secdefs[i] : NULL;
}
