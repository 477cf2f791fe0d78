/*
 * Flattened device tree reader and the boot-time scan of it
 * (Linux's drivers/of/fdt.c, written afresh).
 *
 * The blob comes from outside the kernel (QEMU, a boot loader, a file the
 * user passed with -dtb), so nothing in it is trusted: every offset and
 * length is checked against the block it must stay in before it is used,
 * every loop advances by at least one 4-byte tag, and nesting is capped at
 * FDT_MAX_DEPTH. A bad blob gives an error code, never a fault or a hang.
 *
 * Layout reminder (all big-endian): a header, a memory reservation block,
 * a structure block of tags (BEGIN_NODE name, PROP len nameoff value,
 * END_NODE, NOP, END; each padded to 4 bytes) and a strings block holding
 * property names. Node "offsets" are offsets into the structure block.
 */
#include <linux/kernel.h>
#include <asm/setup.h>
#include <linux/of.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <string.h>

#define FDT_BEGIN_NODE 0x1
#define FDT_END_NODE 0x2
#define FDT_PROP 0x3
#define FDT_NOP 0x4
#define FDT_END 0x9

/* Header fields, in 32-bit words from the start of the blob. */
enum fdt_header_field {
	HDR_MAGIC,
	HDR_TOTALSIZE,
	HDR_OFF_STRUCT,
	HDR_OFF_STRINGS,
	HDR_OFF_RSVMAP,
	HDR_VERSION,
	HDR_LAST_COMP_VERSION,
	HDR_BOOT_CPUID,
	HDR_SIZE_STRINGS,
	HDR_SIZE_STRUCT,
};

#define FDT_V16_HEADER_SIZE 36 /* no size_dt_struct yet */
#define FDT_V17_HEADER_SIZE 40
#define FDT_RSVMAP_ENTRY_SIZE 16

/* The validated geometry of a blob; everything else reads through it. */
struct fdt_view {
	const u8 *blob;
	u32 totalsize;
	const u8 *dt_struct;
	u32 size_struct;
	const u8 *dt_strings;
	u32 size_strings;
	/*
	 * One past the last NUL of the strings block: a name offset below it
	 * has its NUL inside the block, so checking a property's name costs
	 * one compare instead of a memchr per property.
	 */
	u32 strings_nul_end;
};

struct dt_cells {
	int addr;
	int size;
};

/*
 * What one node on the chain from the root gives the translation of its
 * descendants' reg: its cells (inherited as in of_n_addr_cells()), whether
 * it or an ancestor has unusable ones, and its "ranges" (NULL if none).
 */
struct dt_level {
	struct dt_cells cells;
	int cells_err;
	const u8 *ranges;
	u32 ranges_len;
};

static const char *const fdt_errors[] = {
	[0] = "no error",
	[FDT_ERR_NOTFOUND] = "not found",
	[FDT_ERR_TRUNCATED] = "truncated",
	[FDT_ERR_BADMAGIC] = "bad magic (not a device tree)",
	[FDT_ERR_BADVERSION] = "unsupported version",
	[FDT_ERR_BADLAYOUT] = "blocks outside the blob or misaligned",
	[FDT_ERR_BADSTRUCTURE] = "corrupt structure block",
	[FDT_ERR_BADOFFSET] = "bad node offset",
	[FDT_ERR_BADNCELLS] = "bad #address-cells or #size-cells",
	[FDT_ERR_BADVALUE] = "property has the wrong size",
	[FDT_ERR_BADPATH] = "bad path",
	[FDT_ERR_TOODEEP] = "nodes nested too deep",
	[FDT_ERR_NOTRANSLATION] = "address not translatable through ranges",
};

const char *fdt_strerror(int err)
{
	if (err > 0 || err < -FDT_ERR_MAX)
		return "unknown error";
	return fdt_errors[-err];
}

static u32 fdt_header(const void *blob, enum fdt_header_field f)
{
	return be32_to_cpup((const __be32 *)blob + f);
}

/* [@off, @off + @size) lies inside [0, @total): overflow-safe. */
static bool block_inside(u32 off, u32 size, u32 total)
{
	return off <= total && size <= total - off;
}

/*
 * fdt_view_init - check the header of a blob in @max_size bytes, and
 * describe its blocks in @v
 */
static int fdt_view_init(const void *blob, size_t max_size, struct fdt_view *v)
{
	u32 version, hdr_size, total, off_struct, size_struct, off_strings;

	if (!blob)
		return -FDT_ERR_BADMAGIC;
	if (max_size < FDT_V16_HEADER_SIZE)
		return -FDT_ERR_TRUNCATED;
	if (fdt_header(blob, HDR_MAGIC) != FDT_MAGIC)
		return -FDT_ERR_BADMAGIC;
	version = fdt_header(blob, HDR_VERSION);
	if (version < 16 || fdt_header(blob, HDR_LAST_COMP_VERSION) > 17)
		return -FDT_ERR_BADVERSION;
	hdr_size = version >= 17 ? FDT_V17_HEADER_SIZE : FDT_V16_HEADER_SIZE;

	total = fdt_header(blob, HDR_TOTALSIZE);
	if (total > max_size || max_size < hdr_size)
		return -FDT_ERR_TRUNCATED;
	/* Offsets are ints in the API: keep them positive. */
	if (total < hdr_size || total > 0x7fffffff)
		return -FDT_ERR_BADLAYOUT;

	off_struct = fdt_header(blob, HDR_OFF_STRUCT);
	size_struct = version >= 17 ? fdt_header(blob, HDR_SIZE_STRUCT) :
				      total - min(off_struct, total);
	off_strings = fdt_header(blob, HDR_OFF_STRINGS);
	v->size_strings = fdt_header(blob, HDR_SIZE_STRINGS);
	if (off_struct < hdr_size || (off_struct & 3) ||
	    !block_inside(off_struct, size_struct, total) ||
	    off_strings < hdr_size ||
	    !block_inside(off_strings, v->size_strings, total) ||
	    fdt_header(blob, HDR_OFF_RSVMAP) < hdr_size ||
	    !block_inside(fdt_header(blob, HDR_OFF_RSVMAP),
			  FDT_RSVMAP_ENTRY_SIZE, total))
		return -FDT_ERR_BADLAYOUT;

	v->blob = blob;
	v->totalsize = total;
	v->dt_struct = v->blob + off_struct;
	v->size_struct = size_struct;
	v->dt_strings = v->blob + off_strings;
	/* Normally the block ends with a NUL and this takes one step. */
	v->strings_nul_end = v->size_strings;
	while (v->strings_nul_end && v->dt_strings[v->strings_nul_end - 1])
		v->strings_nul_end--;
	return 0;
}

/* For accessors: the caller has checked the header against the buffer. */
static int fdt_view_trusted(const void *blob, struct fdt_view *v)
{
	if (!blob)
		return -FDT_ERR_BADMAGIC;
	return fdt_view_init(blob, fdt_header(blob, HDR_TOTALSIZE), v);
}

int fdt_check_header(const void *blob, size_t max_size)
{
	struct fdt_view v;

	return fdt_view_init(blob, max_size, &v);
}

/* The NUL-terminated string at @nameoff in the strings block, or NULL. */
static const char *fdt_string(const struct fdt_view *v, u32 nameoff)
{
	/* There is a NUL at or after @nameoff iff the last one is. */
	if (nameoff >= v->strings_nul_end)
		return NULL;
	return (const char *)v->dt_strings + nameoff;
}

/*
 * A big-endian cell at any alignment: one load (ARMv7 allows unaligned
 * ones; the compiler picks what the target permits) and a byte swap,
 * rather than be32_to_cpup()'s four byte loads and shifts.
 */
static inline u32 fdt_ld32(const u8 *p)
{
	u32 w;

	__builtin_memcpy(&w, p, 4);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	w = __builtin_bswap32(w);
#endif
	return w;
}

static u32 struct_cell(const struct fdt_view *v, u32 off)
{
	return fdt_ld32(v->dt_struct + off);
}

/*
 * struct_strend - offset just past the NUL that ends the string at @off
 * (4-byte aligned) in the structure block, or 0 if the block ends first.
 * Node names fill whole words up to their padding, so they are searched a
 * word at a time, only words lying wholly inside the block being read;
 * the bytes of the word that holds a NUL, and a tail shorter than a word,
 * are then searched one by one.
 */
static u32 struct_strend(const struct fdt_view *v, u32 off)
{
	const u8 *s = v->dt_struct;
	u32 size = v->size_struct, w;

	while (size - off >= 4) {
		__builtin_memcpy(&w, s + off, 4);
		/* Non-zero iff some byte of w is 0 (exact, either order). */
		if ((w - 0x01010101u) & ~w & 0x80808080u)
			break;
		off += 4;
	}
	for (; off < size; off++) {
		if (!s[off])
			return off + 1;
	}
	return 0;
}

/*
 * fdt_next_tag - decode the tag at structure offset @offset
 * Returns the tag (FDT_BEGIN_NODE...) and sets *@next to the offset of the
 * tag after it, or returns a negative FDT_ERR_*. Checks that the tag, a
 * node's name, a property's header and value, and the property's name in
 * the strings block, all lie inside their blocks; callers may then read
 * them freely.
 */
static int fdt_next_tag(const struct fdt_view *v, int offset, int *next)
{
	u32 off = (u32)offset, size = v->size_struct, tag, len;

	if (offset < 0 || (off & 3))
		return -FDT_ERR_BADOFFSET;
	if (off > size || size - off < 4)
		return -FDT_ERR_TRUNCATED;
	tag = struct_cell(v, off);
	off += 4;

	switch (tag) {
	case FDT_BEGIN_NODE:
		off = struct_strend(v, off);
		if (!off)
			return -FDT_ERR_TRUNCATED;
		break;
	case FDT_PROP:
		if (size - off < 8)
			return -FDT_ERR_TRUNCATED;
		len = struct_cell(v, off);
		if (!fdt_string(v, struct_cell(v, off + 4)))
			return -FDT_ERR_BADSTRUCTURE;
		off += 8;
		if (len > size - off)
			return -FDT_ERR_TRUNCATED;
		off += len;
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		return -FDT_ERR_BADSTRUCTURE;
	}

	off = ALIGN(off, 4);
	if (off > size)
		return -FDT_ERR_TRUNCATED;
	*next = (int)off;
	return (int)tag;
}

/*
 * A #address-cells style property's value (@p, @len bytes; @p NULL if
 * absent) into *@out: 0, or -FDT_ERR_BADNCELLS if it is unusable.
 */
static int dt_ncells_value(const u8 *p, u32 len, int *out)
{
	u32 cells;

	if (!p)
		return 0;
	cells = len == 4 ? fdt_ld32(p) : ~0u;
	if (cells > 4) /* Linux's OF_MAX_ADDR_CELLS */
		return -FDT_ERR_BADNCELLS;
	*out = (int)cells;
	return 0;
}

/*
 * dt_level_fill - what a node gives its children (see struct dt_level),
 * from its own properties and @parent's level (NULL for the root)
 */
static void dt_level_fill(struct dt_level *lv, const struct dt_level *parent,
			  const u8 *addr_cells, u32 addr_len,
			  const u8 *size_cells, u32 size_len, const u8 *ranges,
			  u32 ranges_len)
{
	static const struct dt_level root_parent = {
		{ OF_ROOT_NODE_ADDR_CELLS_DEFAULT,
		  OF_ROOT_NODE_SIZE_CELLS_DEFAULT },
		0,
		NULL,
		0
	};

	if (!parent)
		parent = &root_parent;
	lv->cells = parent->cells;
	lv->cells_err = parent->cells_err;
	if (!lv->cells_err)
		lv->cells_err =
			dt_ncells_value(addr_cells, addr_len, &lv->cells.addr);
	if (!lv->cells_err)
		lv->cells_err =
			dt_ncells_value(size_cells, size_len, &lv->cells.size);
	lv->ranges = ranges;
	lv->ranges_len = ranges_len;
}

/* ---- the tree walker: every whole-tree or subtree pass goes through it ---- */

/*
 * The properties the walker can gather for each node as it passes them:
 * those that shape address translation, and those the boot scan reads.
 */
enum fdt_std_prop {
	SP_STATUS,
	SP_DEVICE_TYPE,
	SP_COMPATIBLE,
	SP_REG,
	SP_INTERRUPTS,
	SP_ADDRESS_CELLS,
	SP_SIZE_CELLS,
	SP_RANGES,
	SP_NR,
	SP_OTHER = SP_NR,
};

static const char *const std_prop_names[SP_NR] = {
	[SP_STATUS] = "status",		 [SP_DEVICE_TYPE] = "device_type",
	[SP_COMPATIBLE] = "compatible",	 [SP_REG] = "reg",
	[SP_INTERRUPTS] = "interrupts",	 [SP_ADDRESS_CELLS] = "#address-cells",
	[SP_SIZE_CELLS] = "#size-cells", [SP_RANGES] = "ranges",
};

/*
 * A property name is known by its offset in the strings block. dtc and
 * libfdt store each name once, so a tree has a few dozen distinct offsets;
 * this direct-mapped cache remembers which wanted property (or none) each
 * one names, so a name is compared as a string only the first time its
 * offset is met. A collision just compares it again, and a blob that
 * stores a name twice simply has two offsets that both map to it.
 */
#define NAME_CACHE_SIZE 64 /* a power of two */

struct name_cache {
	u32 nameoff[NAME_CACHE_SIZE]; /* ~0u: empty (never a valid offset) */
	u8 prop[NAME_CACHE_SIZE];     /* enum fdt_std_prop */
};

/* The gathered properties of the node being visited: value, length. */
struct std_props {
	const u8 *val[SP_NR]; /* NULL: absent */
	u32 len[SP_NR];
};

/*
 * struct fdt_walk - one depth-first pass over (part of) the structure block
 * @v: the blob
 * @visit: called once per node, after the node's own properties and
 *	before its subnodes; a non-zero return stops the walk and is
 *	returned by fdt_walk(). NULL: only check the structure.
 * @gather: pick each node's std_prop_names[] properties out as the walk
 *	passes them (into @props) and fill @level[] down to the node;
 *	otherwise properties are stepped over unread
 * @node, @depth: the node being visited (depth 0: where the walk began)
 */
struct fdt_walk {
	const struct fdt_view *v;
	int (*visit)(struct fdt_walk *w);
	bool gather;
	int node, depth;
	struct std_props props;
	/* What the chain of nodes down to @node gives its reg. */
	struct dt_level level[FDT_MAX_DEPTH];
	struct name_cache names;
};

static enum fdt_std_prop walk_classify(struct fdt_walk *w, u32 nameoff)
{
	u32 slot = (nameoff * 0x9e3779b1u) >> 26; /* 64 slots */
	const char *name;
	int i;

	if (w->names.nameoff[slot] == nameoff)
		return w->names.prop[slot];
	/* fdt_next_tag() has checked that the name is terminated. */
	name = (const char *)w->v->dt_strings + nameoff;
	for (i = 0; i < SP_NR && strcmp(name, std_prop_names[i]); i++)
		;
	w->names.nameoff[slot] = nameoff;
	w->names.prop[slot] = (u8)i;
	return i;
}

/* The FDT_PROP tag at @offset: keep it if wanted (the first one wins). */
static void walk_gather(struct fdt_walk *w, int offset)
{
	const struct fdt_view *v = w->v;
	enum fdt_std_prop p = walk_classify(w, struct_cell(v, offset + 8));

	if (p < SP_NR && !w->props.val[p]) {
		w->props.val[p] = v->dt_struct + offset + 12;
		w->props.len[p] = struct_cell(v, offset + 4);
	}
}

/* The visited node's properties are all in: its level, then @visit. */
static int walk_visit(struct fdt_walk *w)
{
	const struct std_props *p = &w->props;
	int d = w->depth;

	if (w->gather)
		dt_level_fill(&w->level[d], d ? &w->level[d - 1] : NULL,
			      p->val[SP_ADDRESS_CELLS],
			      p->len[SP_ADDRESS_CELLS], p->val[SP_SIZE_CELLS],
			      p->len[SP_SIZE_CELLS], p->val[SP_RANGES],
			      p->len[SP_RANGES]);
	return w->visit ? w->visit(w) : 0;
}

/*
 * fdt_walk - visit the nodes of the subtree at @start, depth first
 * Checks the structure as it goes: @start is a BEGIN_NODE, nesting is
 * balanced and no deeper than FDT_MAX_DEPTH, properties sit inside nodes.
 * From the root (@start 0) it also checks that nothing but NOPs and one
 * FDT_END follow the root. A node's properties are those before its first
 * subnode, as in fdt_find_prop(). Returns 0 once the subtree (or tree) is
 * done, the first non-zero @visit result, or a negative FDT_ERR_*, in
 * which case some nodes may already have been visited.
 */
static int fdt_walk(struct fdt_walk *w, int start)
{
	const struct fdt_view *v = w->v;
	int offset = start, next, tag, depth = -1, rc;
	bool in_props = false; /* after a BEGIN_NODE, before any subnode */

	if (w->gather)
		memset(w->names.nameoff, 0xff, sizeof(w->names.nameoff));
	for (;; offset = next) {
		tag = fdt_next_tag(v, offset, &next);
		if (tag < 0)
			return tag;
		if (offset == start && tag != FDT_BEGIN_NODE)
			return start ? -FDT_ERR_BADOFFSET :
				       -FDT_ERR_BADSTRUCTURE;
		if (tag == FDT_PROP) {
			if (depth < 0)
				return -FDT_ERR_BADSTRUCTURE;
			if (in_props && w->gather)
				walk_gather(w, offset);
			continue;
		}
		if (tag == FDT_NOP)
			continue;
		if (in_props) {
			in_props = false;
			rc = walk_visit(w);
			if (rc)
				return rc;
		}
		if (tag == FDT_BEGIN_NODE) {
			if (depth < 0 && offset != start)
				return -FDT_ERR_BADSTRUCTURE; /* a second root */
			if (++depth >= FDT_MAX_DEPTH)
				return -FDT_ERR_TOODEEP;
			w->node = offset;
			w->depth = depth;
			if (w->gather)
				memset(&w->props, 0, sizeof(w->props));
			in_props = true;
		} else if (tag == FDT_END_NODE) {
			if (depth < 0)
				return -FDT_ERR_BADSTRUCTURE;
			if (--depth < 0 && start)
				return 0; /* the subtree is done */
		} else {		  /* FDT_END */
			return depth >= 0 ? -FDT_ERR_TRUNCATED : 0;
		}
	}
}

/* The whole structure block, checked with nothing visited. */
static int fdt_check_struct(const struct fdt_view *v)
{
	struct fdt_walk w = { .v = v };

	return fdt_walk(&w, 0);
}

int fdt_check_full(const void *blob, size_t max_size)
{
	struct fdt_view v;
	int rc = fdt_view_init(blob, max_size, &v);

	return rc ? rc : fdt_check_struct(&v);
}

/* Offset of the first tag inside @node (after its name), or an error. */
static int fdt_node_body(const struct fdt_view *v, int node)
{
	int next, tag = fdt_next_tag(v, node, &next);

	if (tag < 0)
		return tag;
	return tag == FDT_BEGIN_NODE ? next : -FDT_ERR_BADOFFSET;
}

static const char *fdt_node_name(const struct fdt_view *v, int node)
{
	if (fdt_node_body(v, node) < 0)
		return NULL;
	return (const char *)v->dt_struct + node + 4;
}

/* Find property @name (@namelen bytes, no NUL needed) of @node. */
static const u8 *fdt_find_prop(const struct fdt_view *v, int node,
			       const char *name, size_t namelen, u32 *lenp)
{
	int offset = fdt_node_body(v, node), next, tag;

	for (; offset >= 0; offset = next) {
		const char *pname;

		tag = fdt_next_tag(v, offset, &next);
		if (tag == FDT_NOP)
			continue;
		if (tag != FDT_PROP)
			break;
		pname = fdt_string(v, struct_cell(v, offset + 8));
		if (strlen(pname) == namelen && !memcmp(pname, name, namelen)) {
			*lenp = struct_cell(v, offset + 4);
			return v->dt_struct + offset + 12;
		}
	}
	return NULL;
}

static const u8 *dt_prop(const struct fdt_view *v, int node, const char *name,
			 u32 *lenp)
{
	return fdt_find_prop(v, node, name, strlen(name), lenp);
}

/* A property that is a proper string (NUL inside its length), or NULL. */
static const char *dt_string_prop(const struct fdt_view *v, int node,
				  const char *name)
{
	u32 len;
	const u8 *p = dt_prop(v, node, name, &len);

	if (!p || !memchr(p, 0, len))
		return NULL;
	return (const char *)p;
}

/* Does the NUL-separated list of @len bytes hold exactly @s? */
static bool string_list_contains(const char *list, u32 len, const char *s)
{
	size_t slen = strlen(s);

	while (len > 0) {
		size_t l = strnlen(list, len);

		if (l == slen && !memcmp(list, s, l))
			return true;
		if (l >= len)
			break;
		list += l + 1;
		len -= l + 1;
	}
	return false;
}

static bool dt_is_compatible(const struct fdt_view *v, int node,
			     const char *compat)
{
	u32 len;
	const u8 *p = dt_prop(v, node, "compatible", &len);

	return p && string_list_contains((const char *)p, len, compat);
}

static bool dt_is_available(const struct fdt_view *v, int node)
{
	u32 len;
	const char *status;

	if (!dt_prop(v, node, "status", &len))
		return true;
	/* A status that is not even a string does not say "okay". */
	status = dt_string_prop(v, node, "status");
	return status && (!strcmp(status, "okay") || !strcmp(status, "ok"));
}

struct subnode_search {
	struct fdt_walk w;
	const char *name;
	size_t namelen;
	bool want_unit;
};

static int subnode_visit(struct fdt_walk *w)
{
	struct subnode_search *s = container_of(w, struct subnode_search, w);
	const char *n;

	if (w->depth != 1)
		return 0;
	n = (const char *)w->v->dt_struct + w->node + 4;
	return strlen(n) >= s->namelen && !memcmp(n, s->name, s->namelen) &&
	       (n[s->namelen] == '\0' ||
		(n[s->namelen] == '@' && !s->want_unit));
}

/*
 * Direct child of @parent named @name (@namelen bytes); a name without
 * '@' also matches "name@unit", as in libfdt and Linux.
 */
static int dt_subnode(const struct fdt_view *v, int parent, const char *name,
		      size_t namelen)
{
	struct subnode_search s = {
		.w = { .v = v, .visit = subnode_visit },
		.name = name,
		.namelen = namelen,
		.want_unit = memchr(name, '@', namelen) != NULL,
	};
	int rc = fdt_walk(&s.w, parent);

	if (rc > 0)
		return s.w.node;
	return rc ? rc : -FDT_ERR_NOTFOUND;
}

/* Walk "/a/b" components in [@p, @end) down from @node. */
static int dt_walk_path(const struct fdt_view *v, int node, const char *p,
			const char *end)
{
	while (p < end && node >= 0) {
		const char *q;

		if (*p == '/') {
			p++;
			continue;
		}
		q = memchr(p, '/', end - p);
		if (!q)
			q = end;
		node = dt_subnode(v, node, p, q - p);
		p = q;
	}
	return node;
}

/* The absolute path alias @name (@len bytes) stands for, or NULL. */
static const char *dt_alias(const struct fdt_view *v, const char *name,
			    size_t len)
{
	int aliases = dt_subnode(v, 0, "aliases", 7);
	const u8 *p;
	u32 plen;

	if (aliases < 0)
		return NULL;
	p = fdt_find_prop(v, aliases, name, len, &plen);
	/* Only absolute paths: an alias of an alias could loop. */
	if (!p || !memchr(p, 0, plen) || p[0] != '/')
		return NULL;
	return (const char *)p;
}

static int dt_path_offset(const struct fdt_view *v, const char *path,
			  size_t len)
{
	const char *end = path + len, *q, *alias;

	if (!len)
		return -FDT_ERR_BADPATH;
	if (*path == '/')
		return dt_walk_path(v, 0, path, end);

	/* "alias[/rest]" */
	q = memchr(path, '/', len);
	if (!q)
		q = end;
	alias = dt_alias(v, path, q - path);
	if (!alias)
		return -FDT_ERR_BADPATH;
	return dt_walk_path(v, dt_walk_path(v, 0, alias, alias + strlen(alias)),
			    q, end);
}

/* Cells as one u64: 1 or 2 for addresses, 0 to 2 for sizes. */
static bool cells_fit(int addr_cells, int size_cells)
{
	return addr_cells >= 1 && addr_cells <= 2 && size_cells >= 0 &&
	       size_cells <= 2;
}

/*
 * Map @addr, a child address of the bus at @level of @lv, to the address
 * space of the bus's parent through the bus's "ranges".
 */
static int translate_one_level(const struct dt_level *lv, int level, u64 *addr)
{
	int ca = lv[level].cells.addr, cs = lv[level].cells.size;
	int pa = lv[level - 1].cells.addr;
	u32 len = lv[level].ranges_len, stride, i;
	const u8 *r = lv[level].ranges;

	if (!r)
		return -FDT_ERR_NOTRANSLATION;
	if (!len)
		return 0; /* "ranges;" is an identity mapping */
	if (!cells_fit(ca, cs) || !cells_fit(pa, 0) || !cs)
		return -FDT_ERR_BADNCELLS;

	stride = 4 * (ca + pa + cs);
	for (i = 0; i < len / stride; i++) {
		const __be32 *e = (const __be32 *)(r + i * stride);
		u64 child = of_read_number(e, ca);
		u64 parent = of_read_number(e + ca, pa);
		u64 size = of_read_number(e + ca + pa, cs);

		if (*addr >= child && *addr - child < size) {
			*addr = parent + (*addr - child);
			return 0;
		}
	}
	return -FDT_ERR_NOTRANSLATION;
}

/*
 * levels_translate_reg - entry @index of the "reg" (@reg, @len bytes, NULL
 * if absent) of a node at depth @d whose ancestors are @lv[0..@d-1], its
 * address translated to the CPU's view (see of_flat_dt_translate_reg())
 */
static int levels_translate_reg(const struct dt_level *lv, int d, const u8 *reg,
				u32 len, int index, u64 *addr, u64 *size)
{
	int ac, sc, level, rc;
	u32 stride;
	const __be32 *e;

	if (d < 1)
		return -FDT_ERR_NOTFOUND; /* the root has no reg */
	if (lv[d - 1].cells_err)
		return lv[d - 1].cells_err;
	ac = lv[d - 1].cells.addr;
	sc = lv[d - 1].cells.size;
	if (!cells_fit(ac, sc))
		return -FDT_ERR_BADNCELLS;

	stride = 4 * (ac + sc);
	if (!reg || index < 0 || (u32)index >= len / stride)
		return -FDT_ERR_NOTFOUND;
	e = (const __be32 *)(reg + (u32)index * stride);
	*addr = of_read_number(e, ac);
	*size = of_read_number(e + ac, sc);

	for (level = d - 1; level > 0; level--) {
		rc = translate_one_level(lv, level, addr);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- public accessors: each validates the header it is handed ---- */

struct flat_dt_scan {
	struct fdt_walk w;
	const void *blob;
	int (*it)(const void *blob, int node, const char *uname, int depth,
		  void *data);
	void *data;
};

static int flat_dt_scan_visit(struct fdt_walk *w)
{
	struct flat_dt_scan *s = container_of(w, struct flat_dt_scan, w);

	return s->it(s->blob, w->node,
		     (const char *)w->v->dt_struct + w->node + 4, w->depth,
		     s->data);
}

int of_scan_flat_dt(const void *blob,
		    int (*it)(const void *blob, int node, const char *uname,
			      int depth, void *data),
		    void *data)
{
	struct fdt_view v;
	struct flat_dt_scan s = {
		.w = { .v = &v, .visit = flat_dt_scan_visit },
		.blob = blob,
		.it = it,
		.data = data,
	};
	int rc = fdt_view_trusted(blob, &v);

	/* The whole structure first: @it sees a sound tree or nothing. */
	if (!rc)
		rc = fdt_check_struct(&v);
	return rc ? rc : fdt_walk(&s.w, 0);
}

const void *of_get_flat_dt_prop(const void *blob, int node, const char *name,
				int *len)
{
	struct fdt_view v;
	const u8 *p;
	u32 plen;

	if (fdt_view_trusted(blob, &v))
		return NULL;
	p = dt_prop(&v, node, name, &plen);
	if (p && len)
		*len = (int)plen;
	return p;
}

const char *of_get_flat_dt_name(const void *blob, int node)
{
	struct fdt_view v;

	return fdt_view_trusted(blob, &v) ? NULL : fdt_node_name(&v, node);
}

bool of_flat_dt_is_compatible(const void *blob, int node, const char *compat)
{
	struct fdt_view v;

	return !fdt_view_trusted(blob, &v) &&
	       dt_is_compatible(&v, node, compat);
}

bool of_flat_dt_is_available(const void *blob, int node)
{
	struct fdt_view v;

	return !fdt_view_trusted(blob, &v) && dt_is_available(&v, node);
}

int of_get_flat_dt_subnode_by_name(const void *blob, int node,
				   const char *uname)
{
	struct fdt_view v;
	int rc = fdt_view_trusted(blob, &v);

	return rc ? rc : dt_subnode(&v, node, uname, strlen(uname));
}

int of_flat_dt_path_offset(const void *blob, const char *path, size_t len)
{
	struct fdt_view v;
	int rc = fdt_view_trusted(blob, &v);

	return rc ? rc : dt_path_offset(&v, path, len);
}

struct node_search {
	struct fdt_walk w;
	int target;
};

static int node_search_visit(struct fdt_walk *w)
{
	return w->node == container_of(w, struct node_search, w)->target;
}

/*
 * Walk from the root to @node, gathering as the boot scan does: @s->w's
 * level[] and props then describe @node and its ancestors.
 */
static int dt_walk_to(const void *blob, struct fdt_view *v,
		      struct node_search *s, int node)
{
	int rc = fdt_view_trusted(blob, v);

	if (rc)
		return rc;
	memset(s, 0, sizeof(*s));
	s->w.v = v;
	s->w.visit = node_search_visit;
	s->w.gather = true;
	s->target = node;
	rc = fdt_walk(&s->w, 0);
	if (rc > 0)
		return 0;
	return rc ? rc : -FDT_ERR_BADOFFSET; /* not a node's offset */
}

int of_flat_dt_cells(const void *blob, int node, int *addr_cells,
		     int *size_cells)
{
	struct node_search s;
	struct fdt_view v;
	const struct dt_level *lv;
	int rc = dt_walk_to(blob, &v, &s, node);

	if (rc)
		return rc;
	lv = &s.w.level[s.w.depth];
	if (lv->cells_err)
		return lv->cells_err;
	if (addr_cells)
		*addr_cells = lv->cells.addr;
	if (size_cells)
		*size_cells = lv->cells.size;
	return 0;
}

int of_flat_dt_translate_reg(const void *blob, int node, int index, u64 *addr,
			     u64 *size)
{
	struct node_search s;
	struct fdt_view v;
	u64 a, sz;
	int rc = dt_walk_to(blob, &v, &s, node);

	if (!rc)
		rc = levels_translate_reg(
			s.w.level, s.w.depth, s.w.props.val[SP_REG],
			s.w.props.len[SP_REG], index, &a, &sz);
	if (rc)
		return rc;
	if (addr)
		*addr = a;
	if (size)
		*size = sz;
	return 0;
}

/* ---- early_init_dt_scan: the boot information in struct boot_info ---- */

/* At most this many *_OF_DECLARE entries are matched (one bit each). */
#define OF_SCAN_MAX_IDS 32

/*
 * struct of_scan - the boot scan, positioned at the node being visited
 * (linux/of_fdt.h gives the drivers' init functions its accessors)
 */
struct of_scan {
	struct fdt_walk w;
	struct fdt_view v;
	struct boot_info *bi;
	int stdout_node; /* /chosen/stdout-path's node, or < 0 */
	/* The match tables, earlycon then irqchip then timer, as one list. */
	const struct of_device_id *ids[OF_SCAN_MAX_IDS];
	int nr_ids;
	u32 done; /* bit i: ids[i]'s function wants no more nodes */
};

const char *of_scan_node_name(const struct of_scan *sc)
{
	return (const char *)sc->v.dt_struct + sc->w.node + 4;
}

bool of_scan_node_is_stdout(const struct of_scan *sc)
{
	return sc->w.node == sc->stdout_node;
}

const void *of_scan_get_prop(const struct of_scan *sc, const char *name,
			     int *len)
{
	const u8 *p;
	u32 plen;
	int i;

	for (i = 0; i < SP_NR && strcmp(name, std_prop_names[i]); i++)
		;
	if (i < SP_NR) { /* gathered on the way */
		p = sc->w.props.val[i];
		plen = sc->w.props.len[i];
	} else {
		p = dt_prop(&sc->v, sc->w.node, name, &plen);
	}
	if (p && len)
		*len = (int)plen;
	return p;
}

static int scan_translate_reg(const struct of_scan *sc, int index, u64 *addr,
			      u64 *size)
{
	const struct fdt_walk *w = &sc->w;

	return levels_translate_reg(w->level, w->depth, w->props.val[SP_REG],
				    w->props.len[SP_REG], index, addr, size);
}

bool of_scan_reg(const struct of_scan *sc, int index, u64 *addr, u64 *size)
{
	int rc = scan_translate_reg(sc, index, addr, size);

	if (rc)
		boot_info_error(sc->bi, "DTB: %s reg[%d]: %s",
				of_scan_node_name(sc), index, fdt_strerror(rc));
	return !rc;
}

/* The visited node's property @p as a proper string, or NULL. */
static const char *scan_string(const struct of_scan *sc, enum fdt_std_prop p)
{
	const u8 *val = sc->w.props.val[p];

	if (!val || !memchr(val, 0, sc->w.props.len[p]))
		return NULL;
	return (const char *)val;
}

static void add_memory_bank(struct of_scan *sc, u64 start, u64 size)
{
	struct boot_info *bi = sc->bi;

	if (!size)
		return; /* placeholders with size 0 are common */
	if (start + size - 1 < start) {
		boot_info_error(
			bi, "DTB: memory bank 0x%llx+0x%llx wraps around",
			(unsigned long long)start, (unsigned long long)size);
		return;
	}
	if (bi->nr_banks == NR_BANKS) {
		boot_info_error(bi,
				"DTB: more than %d memory banks, ignoring "
				"0x%llx+0x%llx",
				NR_BANKS, (unsigned long long)start,
				(unsigned long long)size);
		return;
	}
	bi->bank[bi->nr_banks].start = start;
	bi->bank[bi->nr_banks].size = size;
	bi->nr_banks++;
}

/* A device_type = "memory" node: every (address, size) pair of reg. */
static void scan_memory(struct of_scan *sc)
{
	u64 start, size;
	int i, rc;

	for (i = 0; !(rc = scan_translate_reg(sc, i, &start, &size)); i++)
		add_memory_bank(sc, start, size);
	if (rc == -FDT_ERR_NOTFOUND && i > 0)
		return; /* the normal end of reg */
	boot_info_error(sc->bi, "DTB: memory node %s: %s",
			of_scan_node_name(sc),
			rc == -FDT_ERR_NOTFOUND ? "no reg" : fdt_strerror(rc));
}

/*
 * A device_type = "cpu" node (under /cpus): its reg is the CPU's MPIDR
 * affinity (one cell with #address-cells = <1>, the last cell otherwise),
 * and enable-method says how to start it. Linux's arm_dt_init_cpu_maps()
 * reads the same.
 */
static void scan_cpu(struct of_scan *sc)
{
	struct boot_info *bi = sc->bi;
	const u8 *reg = sc->w.props.val[SP_REG];
	u32 len = sc->w.props.len[SP_REG];
	int mlen;
	const char *method = of_scan_get_prop(sc, "enable-method", &mlen);

	if (!reg || len < 4 || len % 4) {
		boot_info_error(bi, "DTB: cpu node %s: no reg",
				of_scan_node_name(sc));
		return;
	}
	if (bi->nr_cpus == BOOT_MAX_CPUS) {
		boot_info_error(bi, "DTB: more than %d cpu nodes, %s ignored",
				BOOT_MAX_CPUS, of_scan_node_name(sc));
		return;
	}
	bi->cpu_mpidr[bi->nr_cpus++] = fdt_ld32(reg + len - 4);
	if (method && mlen > 0 && memchr(method, 0, mlen) &&
	    !strcmp(method, "psci"))
		bi->cpus_psci = true;
}

/* The tables the drivers declared, as one list in match priority order. */
static void scan_collect_ids(struct of_scan *sc)
{
	static const struct {
		const struct of_device_id *start, *stop;
	} tables[] = {
		{ __start_earlycon_of_table, __stop_earlycon_of_table },
		{ __start_irqchip_of_table, __stop_irqchip_of_table },
		{ __start_timer_of_table, __stop_timer_of_table },
		{ __start_smp_of_table, __stop_smp_of_table },
	};
	const struct of_device_id *id;
	unsigned int t;

	for (t = 0; t < ARRAY_SIZE(tables); t++) {
		for (id = tables[t].start; id && id < tables[t].stop; id++) {
			if (sc->nr_ids == OF_SCAN_MAX_IDS) {
				boot_info_error(sc->bi,
						"DTB: more than %d match "
						"entries, %s ignored",
						OF_SCAN_MAX_IDS,
						id->compatible);
				continue;
			}
			sc->ids[sc->nr_ids++] = id;
		}
	}
}

/* Which of ids[] the visited node's "compatible" holds, as a mask. */
static u32 scan_compat_mask(const struct of_scan *sc)
{
	const char *list = (const char *)sc->w.props.val[SP_COMPATIBLE];
	u32 len = sc->w.props.len[SP_COMPATIBLE], mask = 0;
	int i;

	/* As string_list_contains(), once for all entries. */
	while (list && len > 0) {
		size_t l = strnlen(list, len);

		for (i = 0; i < sc->nr_ids; i++) {
			const char *c = sc->ids[i]->compatible;

			if (!strncmp(list, c, l) && c[l] == '\0')
				mask |= 1u << i;
		}
		if (l >= len)
			break;
		list += l + 1;
		len -= l + 1;
	}
	return mask;
}

/*
 * A device: offer it to the first matching entry still wanting nodes;
 * once that entry's function has had enough, so have all entries that
 * share it.
 */
static void scan_device(struct of_scan *sc)
{
	u32 mask = scan_compat_mask(sc) & ~sc->done;
	of_scan_init_fn fn;
	int i;

	if (!mask)
		return;
	fn = (of_scan_init_fn)sc->ids[__builtin_ctz(mask)]->data;
	if (!fn(sc, sc->bi))
		return;
	for (i = 0; i < sc->nr_ids; i++) {
		if (sc->ids[i]->data == (const void *)fn)
			sc->done |= 1u << i;
	}
}

/* A node's properties are in (fdt_walk() has its level): act on it. */
static int scan_visit(struct fdt_walk *w)
{
	struct of_scan *sc = container_of(w, struct of_scan, w);
	const char *status, *type;

	/* As dt_is_available(): a status that is not a string says no. */
	if (w->props.val[SP_STATUS]) {
		status = scan_string(sc, SP_STATUS);
		if (!status || (strcmp(status, "okay") && strcmp(status, "ok")))
			return 0;
	}
	type = scan_string(sc, SP_DEVICE_TYPE);
	if (type && !strcmp(type, "memory"))
		scan_memory(sc);
	else if (type && !strcmp(type, "cpu"))
		scan_cpu(sc);
	else
		scan_device(sc);
	return 0;
}

/* linux,initrd-start/-end: one or two cells each. */
static int dt_read_u64(const struct fdt_view *v, int node, const char *name,
		       u64 *val)
{
	u32 len;
	const u8 *p = dt_prop(v, node, name, &len);

	if (!p)
		return -FDT_ERR_NOTFOUND;
	if (len != 4 && len != 8)
		return -FDT_ERR_BADVALUE;
	*val = of_read_number((const __be32 *)p, len / 4);
	return 0;
}

static void scan_initrd(struct of_scan *s, int chosen)
{
	u64 start, end;
	int rc_start = dt_read_u64(&s->v, chosen, "linux,initrd-start", &start);
	int rc_end = dt_read_u64(&s->v, chosen, "linux,initrd-end", &end);

	if (rc_start == -FDT_ERR_NOTFOUND && rc_end == -FDT_ERR_NOTFOUND)
		return;
	if (rc_start || rc_end || end <= start) {
		boot_info_error(
			s->bi,
			"DTB: bad linux,initrd-start/-end, initrd ignored");
		return;
	}
	s->bi->initrd_start = start;
	s->bi->initrd_end = end;
}

/* Resolve "path[:options]" or "alias[:options]" to a node, or < 0. */
static int dt_stdout_node(const struct fdt_view *v, int chosen)
{
	const char *path = dt_string_prop(v, chosen, "stdout-path");
	const char *colon;

	if (!path)
		path = dt_string_prop(v, chosen, "linux,stdout-path");
	if (!path)
		return -FDT_ERR_NOTFOUND;
	colon = strchr(path, ':');
	return dt_path_offset(v, path,
			      colon ? (size_t)(colon - path) : strlen(path));
}

/* /chosen: command line, initrd, and which UART is the console. */
static void scan_chosen(struct of_scan *s)
{
	int chosen = dt_path_offset(&s->v, "/chosen", 7);
	const char *args;

	s->stdout_node = -FDT_ERR_NOTFOUND;
	if (chosen < 0)
		return;
	args = dt_string_prop(&s->v, chosen, "bootargs");
	if (args && scnprintf(s->bi->cmdline, sizeof(s->bi->cmdline), "%s",
			      args) < (int)strlen(args))
		boot_info_error(s->bi,
				"DTB: bootargs longer than %d bytes, truncated",
				COMMAND_LINE_SIZE - 1);
	scan_initrd(s, chosen);
	s->stdout_node = dt_stdout_node(&s->v, chosen);
}

/*
 * The model string outlives the blob (which the kernel may later reuse as
 * ordinary RAM), so it is copied here.
 */
static const char *scan_model(const struct fdt_view *v)
{
	static char model[64];
	const char *m = dt_string_prop(v, 0, "model");

	if (!m)
		m = dt_string_prop(v, 0, "compatible");
	if (!m)
		m = "unknown";
	scnprintf(model, sizeof(model), "%s", m);
	return model;
}

/*
 * early_init_dt_scan - fill @bi from the DTB at @blob
 * @max_size is how many bytes may be read at @blob at most (the blob's
 * own totalsize must fit in it). *@bi is reset first, its source set to
 * "DTB". Returns 0 if the blob is sound and gave at least one memory bank;
 * otherwise a negative FDT_ERR_* with @bi->error saying what was wrong
 * (the fields that could be read, such as the command line, are still
 * filled, unless the blob itself is unsound: then nothing is). @bi->error
 * may also be set with a 0 return for a problem that was worked around
 * (an ignored initrd, too many banks, a device whose reg could not be
 * read).
 *
 * One fdt_walk() both checks the structure and visits every node; each
 * device node goes to the driver that declared its compatible string
 * (linux/of.h), memory nodes become banks.
 */
int early_init_dt_scan(const void *blob, size_t max_size, struct boot_info *bi)
{
	struct of_scan s = { .bi = bi };
	int rc;

	memset(bi, 0, sizeof(*bi));
	bi->source = "DTB";
	rc = fdt_view_init(blob, max_size, &s.v);
	if (rc)
		goto unsound;

	bi->model = scan_model(&s.v);
	scan_chosen(&s);
	scan_collect_ids(&s);
	s.w.v = &s.v;
	s.w.visit = scan_visit;
	s.w.gather = true;
	rc = fdt_walk(&s.w, 0);
	if (rc)
		goto unsound;
	if (!bi->nr_banks) {
		boot_info_error(bi, "DTB: no usable memory node");
		return -FDT_ERR_NOTFOUND;
	}
	return 0;

unsound:
	/* What the walk read before the fault counts for nothing. */
	memset(bi, 0, sizeof(*bi));
	bi->source = "DTB";
	boot_info_error(bi, "DTB: %s", fdt_strerror(rc));
	return rc;
}
