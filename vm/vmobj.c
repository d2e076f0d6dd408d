/* SPDX-License-Identifier: MIT */
/*
 * vmobj.c - a struct obj loaded into the userspace VM (vmobj.h): maps, programs linked by
 * obj/link.c with map handles where the kernel loader puts descriptors, the tail call hook,
 * and the map summary of ebpf-run.
 *
 * Tail calls. The VM's hook gets this vm_obj as its argument, the prog_array's address and
 * the index; the prog_array holds program indexes of this vm_obj.
 *
 * Invariants: maps[i] and progs[i] are the object's maps[i] and progs[i]; a map that was not
 * created has map NULL and handle -1; a program that did not load has prog NULL (only while
 * loading: vm_obj_load fails then).
 */
#define _GNU_SOURCE
#include "vmobj.h"

#include <elf.h>
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <linux/bpf.h>

#include "../common/mem.h"
#include "../obj/link.h"

struct omap {
	struct vm_map *map; /* NULL: not created */
	int handle;	    /* -1: none */
	int owner_type;	    /* prog_array: the program type it serves, 0 until known */
};

struct oprog {
	struct vm_prog *prog;
	struct obj_origin *origin;
	int type;
};

struct vm_obj {
	struct vm *vm;
	struct obj *o;
	const char *name; /* messages: the object's name, or NULL */
	struct diag_loc loc;
	struct omap *maps;
	size_t nmaps;
	struct oprog *progs;
	size_t nprogs;
	int linking_type; /* the type of the program being linked */
};

static const struct diag_loc *vo_loc(const struct vm_obj *vo)
{
	return vo->name ? &vo->loc : NULL;
}

/* ---- tail calls ---- */

static const struct vm_prog *tail_call_hook(void *arg, struct vm *vm, uint64_t addr, uint32_t index)
{
	const struct vm_obj *vo = arg;
	const struct vm_map_handle *h = vm_map_handle_find(vm, addr);
	const struct vm_map *m = h ? h->map : NULL;
	size_t i;
	int pi;

	if (!m || m->type != BPF_MAP_TYPE_PROG_ARRAY)
		return NULL;
	for (i = 0; i < vo->nmaps && vo->maps[i].map != m; i++)
		;
	if (i == vo->nmaps)
		return NULL; /* not one of ours: its indexes name no program of this object */
	pi = vm_map_prog_get(m, index);
	if (pi < 0 || (size_t)pi >= vo->nprogs)
		return NULL; /* an empty slot: the kernel's tail call falls through */
	return vo->progs[pi].prog;
}

/* ---- maps ---- */

static int is_rodata(const char *secname)
{
	return strncmp(secname, ".rodata", 7) == 0;
}

static int map_create_one(struct vm_obj *vo, size_t i, struct diag *d)
{
	const struct obj *o = vo->o;
	struct omap *om = &vo->maps[i];
	struct obj_map def = o->maps[i];
	const struct obj_sec *s = NULL;
	uint32_t key = 0;
	int h, err;

	if (!def.name)
		def.name = "";
	if (def.data_sec >= 0) {
		uint64_t size;

		if ((size_t)def.data_sec >= o->nsecs) {
			diag_error(d, vo_loc(vo), "map '%s': no such data section", def.name);
			return -EINVAL;
		}
		/* Global data is one array element holding the whole section. */
		s = &o->secs[def.data_sec];
		size = obj_sec_size(s);
		if (size == 0)
			return 0; /* nothing to hold; a reference to it is reported then */
		if (size >= VM_REGION_MAX_LEN) {
			diag_error(d, vo_loc(vo),
				   "map '%s': section of %" PRIu64 " bytes is too big", def.name,
				   size);
			return -E2BIG;
		}
		def.type = BPF_MAP_TYPE_ARRAY;
		def.key_size = 4;
		def.value_size = (uint32_t)size;
		def.max_entries = 1;
		if (is_rodata(s->name))
			def.flags |= BPF_F_RDONLY_PROG;
	} else if (def.type == BPF_MAP_TYPE_PERF_EVENT_ARRAY && def.max_entries == 0) {
		def.max_entries = 1; /* libbpf: one per CPU; the interpreter is one CPU */
	}
	err = vm_map_create(&def, &om->map, d);
	if (err)
		return err;
	if (s && s->type != SHT_NOBITS && s->data.len) {
		err = vm_map_update(om->map, &key, s->data.data, BPF_ANY);
		if (err) {
			diag_error(d, vo_loc(vo), "map '%s': fill from section '%s': %s", def.name,
				   s->name, strerror(-err));
			return err;
		}
	}
	h = vm_map_attach(vo->vm, om->map);
	if (h < 0) {
		diag_error(d, vo_loc(vo), "map '%s': cannot map it into the VM: %s", def.name,
			   strerror(-h));
		return h;
	}
	om->handle = h;
	return 0;
}

/* ---- prog_array initial values ---- */

struct init_arg {
	struct vm_obj *vo;
	size_t map;
	struct diag *d;
};

static int init_slot(void *arg, uint32_t slot, int prog)
{
	struct init_arg *ia = arg;
	int err = vm_obj_prog_array_set(ia->vo, ia->map, slot, prog);

	if (err)
		diag_error(ia->d, vo_loc(ia->vo), "map '%s': initial value of slot %u: %s",
			   vm_obj_map(ia->vo, ia->map)->name, slot, strerror(-err));
	return err;
}

/* Fill prog_array @i from the object's `.values` initialiser, if it has one. */
static int prog_array_init(struct vm_obj *vo, size_t i, struct diag *d)
{
	struct init_arg ia = {vo, i, d};

	if (!vo->maps[i].map || vo->maps[i].map->type != BPF_MAP_TYPE_PROG_ARRAY)
		return 0;
	return obj_link_map_values(vo->o, (int)i, init_slot, &ia, vo_loc(vo), d);
}

/* ---- programs ---- */

static int map_handle_cb(void *arg, int m, int32_t *imm)
{
	struct vm_obj *vo = arg;
	struct omap *om = &vo->maps[m];

	if (om->handle < 0)
		return -ENOENT;
	/* As the kernel's, a prog_array serves the type of the first program using it. */
	if (om->map->type == BPF_MAP_TYPE_PROG_ARRAY && !om->owner_type)
		om->owner_type = vo->linking_type;
	*imm = om->handle;
	return 0;
}

static int prog_load_one(struct vm_obj *vo, const struct obj_link *lk, size_t i,
			 const struct vm_obj_opts *opts, struct diag *d)
{
	const struct obj *o = vo->o;
	const struct obj_prog *p = &o->progs[i];
	struct oprog *op = &vo->progs[i];
	struct obj_linked ln = {0};
	int err;

	op->type = p->prog_type;
	if (op->type <= 0 && p->sec >= 0 && (size_t)p->sec < o->nsecs) {
		const struct isa_secdef *def = isa_secdef_find(o->secs[p->sec].name);

		op->type = def ? def->prog_type : 0;
	}
	if (opts->prog_type > 0)
		op->type = opts->prog_type;
	vo->linking_type = op->type;

	err = obj_link_prog(lk, p, map_handle_cb, vo, vo_loc(vo), d, &ln);
	if (err)
		goto out;
	/* the origins change hands: the program keeps them for its faults' source lines */
	op->origin = ln.origin;
	ln.origin = NULL;
	err = vm_prog_load(vo->vm, ln.insns, ln.ninsns, p->name ? p->name : "", &op->prog, d);
	if (err)
		goto out;
	vm_prog_source_set(op->prog, o, op->origin);
out:
	obj_linked_fini(&ln);
	return err;
}

/* ---- the whole object ---- */

void vm_obj_free(struct vm_obj *vo)
{
	if (!vo)
		return;
	for (size_t i = 0; i < vo->nprogs; i++) {
		vm_prog_free(vo->progs[i].prog);
		mem_free(vo->progs[i].origin);
	}
	for (size_t i = 0; i < vo->nmaps; i++) {
		struct omap *om = &vo->maps[i];

		if (om->handle >= 0) {
			/* the VM cannot forget a handle: leave it pointing at nothing */
			const struct vm_map_handle *h = &vo->vm->maps[om->handle];

			vm_region_set(vo->vm, h->handle_region, NULL, 0);
			if (h->arena_region > 0)
				vm_region_set(vo->vm, h->arena_region, NULL, 0);
		}
		vm_map_free(om->map);
	}
	if (vo->vm->tail_call == tail_call_hook && vo->vm->tail_call_arg == vo)
		vm_tail_call_set(vo->vm, NULL, NULL);
	mem_free(vo->maps);
	mem_free(vo->progs);
	mem_free(vo);
}

int vm_obj_load(struct vm *vm, struct obj *o, const struct vm_obj_opts *opts, struct vm_obj **out,
		struct diag *d)
{
	static const struct vm_obj_opts defaults;
	struct obj_link *lk = NULL;
	struct vm_obj *vo;
	int first = 0, err;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	vo = mem_alloc(sizeof(*vo));
	if (!vo)
		goto out_nomem;
	vo->vm = vm;
	vo->o = o;
	vo->name = opts->name;
	vo->loc.file = opts->name;
	vo->maps = mem_alloc((o->nmaps ? o->nmaps : 1) * sizeof(*vo->maps));
	vo->progs = mem_alloc((o->nprogs ? o->nprogs : 1) * sizeof(*vo->progs));
	if (!vo->maps || !vo->progs)
		goto out_nomem;
	for (size_t i = 0; i < o->nmaps; i++, vo->nmaps++)
		vo->maps[i] = (struct omap){NULL, -1, 0};
	vo->nprogs = o->nprogs;

	for (size_t i = 0; i < o->nmaps; i++) {
		err = map_create_one(vo, i, d);
		if (err == -ENOMEM)
			goto out_nomem;
		if (err && !first)
			first = err;
	}
	if (first) {
		if (o->nprogs)
			diag_note(d, vo_loc(vo), "programs not loaded: they need every map");
		goto out_free;
	}

	err = obj_link_new(o, &lk);
	if (err)
		goto out_nomem;
	for (size_t i = 0; i < o->nprogs; i++) {
		err = prog_load_one(vo, lk, i, opts, d);
		if (err == -ENOMEM)
			goto out_nomem;
		if (err && !first)
			first = err;
	}
	obj_link_free(lk);
	lk = NULL;
	for (size_t i = 0; i < o->nmaps && !first; i++) {
		err = prog_array_init(vo, i, d);
		if (err == -ENOMEM)
			goto out_nomem;
		if (err && !first)
			first = err;
	}
	if (first)
		goto out_free;
	vm_tail_call_set(vm, tail_call_hook, vo);
	*out = vo;
	return 0;

out_nomem:
	diag_error(d, vo ? vo_loc(vo) : NULL, "out of memory");
	first = -ENOMEM;
out_free:
	obj_link_free(lk);
	vm_obj_free(vo);
	return first;
}

/* ---- accessors ---- */

size_t vm_obj_prog_count(const struct vm_obj *vo)
{
	return vo->nprogs;
}

struct vm_prog *vm_obj_prog(const struct vm_obj *vo, size_t i)
{
	return i < vo->nprogs ? vo->progs[i].prog : NULL;
}

const char *vm_obj_prog_name(const struct vm_obj *vo, size_t i)
{
	return i < vo->nprogs && vo->o->progs[i].name ? vo->o->progs[i].name : NULL;
}

const char *vm_obj_prog_section(const struct vm_obj *vo, size_t i)
{
	int sec = i < vo->nprogs ? vo->o->progs[i].sec : -1;

	return sec >= 0 && (size_t)sec < vo->o->nsecs ? vo->o->secs[sec].name : NULL;
}

int vm_obj_prog_type(const struct vm_obj *vo, size_t i)
{
	return i < vo->nprogs ? vo->progs[i].type : 0;
}

/* "a (xdp), b (kprobe/f)" into @b; "none" for an object without programs. */
static void progs_list(const struct vm_obj *vo, struct buf *b)
{
	for (size_t i = 0; i < vo->nprogs; i++) {
		const char *sec = vm_obj_prog_section(vo, i);

		buf_printf(b, "%s%s (%s)", i ? ", " : "", vm_obj_prog_name(vo, i), sec ? sec : "?");
	}
	if (!vo->nprogs)
		buf_printf(b, "none");
	buf_append(b, "", 1);
}

int vm_obj_prog_find(const struct vm_obj *vo, const char *what, struct diag *d)
{
	const char *oname = vo->name ? vo->name : "the object";
	struct buf list = {0};
	size_t nsec = 0;
	int found = -1, err;

	if (!what || !*what) {
		if (vo->nprogs == 1)
			return 0;
		err = vo->nprogs ? -EINVAL : -ENOENT;
		progs_list(vo, &list);
		diag_error(d, vo_loc(vo), "%s has %zu programs: name one; programs: %s", oname,
			   vo->nprogs, list.data ? (char *)list.data : "?");
		buf_free(&list);
		return err;
	}
	for (size_t i = 0; i < vo->nprogs; i++)
		if (strcmp(vm_obj_prog_name(vo, i) ? vm_obj_prog_name(vo, i) : "", what) == 0)
			return (int)i;
	for (size_t i = 0; i < vo->nprogs; i++) {
		const char *sec = vm_obj_prog_section(vo, i);

		if (sec && strcmp(sec, what) == 0) {
			nsec++;
			found = (int)i;
		}
	}
	if (nsec == 1)
		return found;
	progs_list(vo, &list);
	if (nsec > 1)
		diag_error(d, vo_loc(vo),
			   "section '%s' of %s has %zu programs: name one; programs: %s", what,
			   oname, nsec, list.data ? (char *)list.data : "?");
	else
		diag_error(d, vo_loc(vo), "no program or section '%s' in %s; programs: %s", what,
			   oname, list.data ? (char *)list.data : "?");
	buf_free(&list);
	return nsec > 1 ? -EINVAL : -ENOENT;
}

size_t vm_obj_map_count(const struct vm_obj *vo)
{
	return vo->nmaps;
}

struct vm_map *vm_obj_map(const struct vm_obj *vo, size_t i)
{
	return i < vo->nmaps ? vo->maps[i].map : NULL;
}

int vm_obj_map_handle(const struct vm_obj *vo, size_t i)
{
	return i < vo->nmaps ? vo->maps[i].handle : -1;
}

int vm_obj_map_find(const struct vm_obj *vo, const char *name)
{
	for (size_t i = 0; i < vo->nmaps; i++)
		if (vo->o->maps[i].name && strcmp(vo->o->maps[i].name, name) == 0)
			return (int)i;
	return -ENOENT;
}

int vm_obj_prog_array_set(struct vm_obj *vo, size_t map, uint32_t slot, int prog)
{
	struct vm_map *m = vm_obj_map(vo, map);
	struct omap *om;
	uint32_t v;
	int err;

	if (!m || m->type != BPF_MAP_TYPE_PROG_ARRAY || (prog >= 0 && (size_t)prog >= vo->nprogs))
		return -EINVAL;
	if (prog < 0)
		return vm_map_delete(m, &slot);
	om = &vo->maps[map];
	if (om->owner_type && vo->progs[prog].type != om->owner_type)
		return -EINVAL;
	v = (uint32_t)prog;
	err = vm_map_update(m, &slot, &v, BPF_ANY);
	if (!err)
		om->owner_type = vo->progs[prog].type;
	return err;
}

int vm_obj_collect(struct vm_obj *vo)
{
	int n = 0;

	for (size_t i = 0; i < vo->nmaps; i++) {
		struct vm_map *m = vo->maps[i].map;
		int r;

		if (!m || m->type != BPF_MAP_TYPE_RINGBUF)
			continue;
		r = vm_map_ringbuf_collect(m);
		if (r < 0)
			return r;
		n += r;
	}
	return n;
}

/* ---- the map summary ---- */

struct fmt {
	const struct vm_obj *vo;
	struct buf *out;
	int json;
	unsigned flags;
	const struct vm_map *m;
	size_t nentries, zeros;
	int err;
};

static void put_hex(struct fmt *f, const uint8_t *p, size_t n)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		char c[3] = {digits[p[i] >> 4], digits[p[i] & 15], ' '};

		f->err |= buf_append(f->out, c, f->json || i + 1 == n ? 2 : 3);
	}
}

/* The little-endian unsigned value of 4 or 8 bytes; 0 (and *ok 0) for other sizes. */
static int le_value(const uint8_t *p, size_t n, uint64_t *v)
{
	uint32_t v32;

	if (n == 4) {
		memcpy(&v32, p, 4);
		*v = v32;
		return 1;
	}
	if (n == 8) {
		memcpy(v, p, 8);
		return 1;
	}
	return 0;
}

/* Bytes @p..@n as hex, and " (DEC)" (text) or ,"NAME_dec":DEC (JSON) when 4 or 8 bytes. */
static void put_bytes(struct fmt *f, const char *what, const uint8_t *p, size_t n)
{
	uint64_t v;

	if (f->json)
		f->err |= buf_printf(f->out, "\"%s\":\"", what);
	put_hex(f, p, n);
	if (f->json)
		f->err |= buf_append(f->out, "\"", 1);
	if (le_value(p, n, &v))
		f->err |= f->json ? buf_printf(f->out, ",\"%s_dec\":%" PRIu64, what, v)
				  : buf_printf(f->out, " (%" PRIu64 ")", v);
}

static void put_json_string(struct fmt *f, const char *s)
{
	f->err |= buf_append(f->out, "\"", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			f->err |= buf_printf(f->out, "\\%c", c);
		else if (c < 0x20)
			f->err |= buf_printf(f->out, "\\u%04x", c);
		else
			f->err |= buf_append(f->out, s, 1);
	}
	f->err |= buf_append(f->out, "\"", 1);
}

/* Start an entry: the separator (JSON) or the indent (text). */
static void entry_open(struct fmt *f)
{
	if (f->json)
		f->err |= buf_append(f->out, f->nentries ? ",{" : "{", f->nentries ? 2 : 1);
	else
		f->err |= buf_append(f->out, "  ", 2);
	f->nentries++;
}

static void entry_close(struct fmt *f)
{
	f->err |= buf_append(f->out, f->json ? "}" : "\n", 1);
}

static int all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

static int is_array(uint32_t type)
{
	return type == BPF_MAP_TYPE_ARRAY || type == BPF_MAP_TYPE_PERCPU_ARRAY;
}

static int entry_cb(const void *key, void *value, void *arg)
{
	struct fmt *f = arg;
	const struct vm_map *m = f->m;

	if (is_array(m->type) && !(f->flags & VM_OBJ_FMT_ZEROS) && all_zero(value, m->value_size)) {
		f->zeros++;
		return 0;
	}
	entry_open(f);
	if (key) {
		if (!f->json)
			f->err |= buf_printf(f->out, "key ");
		put_bytes(f, "key", key, m->key_size);
		f->err |= buf_append(f->out, f->json ? "," : ": ", f->json ? 1 : 2);
	} else if (!f->json) {
		f->err |= buf_printf(f->out, "value ");
	}
	put_bytes(f, "value", value, m->value_size);
	entry_close(f);
	return f->err ? -ENOMEM : 0;
}

static void prog_array_entries(struct fmt *f)
{
	const struct vm_map *m = f->m;

	for (uint32_t i = 0; i < m->max_entries; i++) {
		int p = vm_map_prog_get(m, i);
		uint32_t v = (uint32_t)p;
		const char *name;

		if (p < 0)
			continue;
		name = vm_obj_prog_name(f->vo, (size_t)p);
		entry_open(f);
		if (!f->json)
			f->err |= buf_printf(f->out, "key ");
		put_bytes(f, "key", (const uint8_t *)&i, 4);
		if (f->json) {
			f->err |= buf_append(f->out, ",", 1);
			put_bytes(f, "value", (const uint8_t *)&v, 4);
			f->err |= buf_printf(f->out, ",\"prog\":");
			put_json_string(f, name ? name : "");
		} else {
			f->err |= buf_printf(f->out, ": prog '%s' (%d)", name ? name : "?", p);
		}
		entry_close(f);
	}
}

static void records(struct fmt *f)
{
	const struct vm_map_record *r;
	size_t n = vm_map_records(f->m, &r);

	for (size_t i = 0; i < n; i++) {
		entry_open(f);
		if (f->json) {
			f->err |= buf_printf(f->out, "\"cpu\":%" PRIu32 ",", r[i].cpu);
			put_bytes(f, "data", r[i].data, r[i].len);
		} else {
			if (f->m->type == BPF_MAP_TYPE_PERF_EVENT_ARRAY)
				f->err |= buf_printf(
					f->out,
					"record %zu (cpu %" PRIu32 ", %" PRIu32 " bytes): ", i,
					r[i].cpu, r[i].len);
			else
				f->err |= buf_printf(f->out, "record %zu (%" PRIu32 " bytes): ", i,
						     r[i].len);
			put_bytes(f, "data", r[i].data, r[i].len);
		}
		entry_close(f);
	}
}

static void map_format(struct fmt *f, size_t i)
{
	const struct vm_obj *vo = f->vo;
	struct vm_map *m = vo->maps[i].map;
	const char *name = vo->o->maps[i].name ? vo->o->maps[i].name : "";
	const struct isa_maptype *mt = isa_maptype_by_id((int)m->type);
	int recs = m->type == BPF_MAP_TYPE_RINGBUF || m->type == BPF_MAP_TYPE_PERF_EVENT_ARRAY;
	char tname[24];

	if (mt)
		snprintf(tname, sizeof(tname), "%s", mt->name);
	else
		snprintf(tname, sizeof(tname), "type %" PRIu32, m->type);
	f->m = m;
	f->nentries = 0;
	f->zeros = 0;
	if (f->json) {
		f->err |= buf_printf(f->out, "{\"name\":");
		put_json_string(f, name);
		f->err |= buf_printf(f->out,
				     ",\"type\":\"%s\",\"key_size\":%" PRIu32
				     ",\"value_size\":%" PRIu32 ",\"max_entries\":%" PRIu32
				     ",\"flags\":%" PRIu32 ",\"%s\":[",
				     tname, m->key_size, m->value_size, m->max_entries, m->flags,
				     recs ? "records" : "entries");
	} else if (m->type == BPF_MAP_TYPE_RINGBUF) {
		f->err |= buf_printf(f->out,
				     "map '%s': %s, max_entries %" PRIu32 ", flags 0x%" PRIx32 "\n",
				     name, tname, m->max_entries, m->flags);
	} else {
		f->err |= buf_printf(f->out,
				     "map '%s': %s, key %" PRIu32 ", value %" PRIu32
				     ", max_entries %" PRIu32 ", flags 0x%" PRIx32 "\n",
				     name, tname, m->key_size, m->value_size, m->max_entries,
				     m->flags);
	}
	if (recs)
		records(f);
	else if (m->type == BPF_MAP_TYPE_PROG_ARRAY)
		prog_array_entries(f);
	else if (vm_map_foreach(m, entry_cb, f) == -ENOMEM)
		f->err = -ENOMEM;
	if (f->json) {
		f->err |= buf_append(f->out, "]", 1);
		if (is_array(m->type))
			f->err |= buf_printf(f->out, ",\"zero_entries\":%zu", f->zeros);
		f->err |= buf_append(f->out, "}\n", 2);
	} else if (f->zeros) {
		f->err |= buf_printf(f->out, "  %zu all-zero entr%s not shown\n", f->zeros,
				     f->zeros == 1 ? "y" : "ies");
	} else if (!f->nentries) {
		f->err |= buf_printf(f->out, "  %s\n", recs ? "no records" : "empty");
	}
}

int vm_obj_maps_format(const struct vm_obj *vo, struct buf *out, int json, unsigned flags)
{
	struct fmt f = {.vo = vo, .out = out, .json = json, .flags = flags};

	for (size_t i = 0; i < vo->nmaps && !f.err; i++)
		if (vo->maps[i].map)
			map_format(&f, i);
	return f.err ? -ENOMEM : 0;
}
