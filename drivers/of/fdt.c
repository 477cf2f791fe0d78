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

/* The nodes from the root down to one node: node[0] is the root. */
struct fdt_chain {
	int depth;
	int node[FDT_MAX_DEPTH];
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
 * fdt_check_struct - one pass over all tags: a single root at offset 0,
 * balanced BEGIN/END_NODE no deeper than FDT_MAX_DEPTH, properties only
 * inside nodes, and FDT_END after the root.
 */
static int fdt_check_struct(const struct fdt_view *v)
{
	int offset = 0, next, tag, depth = 0;
	bool seen_root = false;

	for (;; offset = next) {
		tag = fdt_next_tag(v, offset, &next);
		if (tag < 0)
			return tag;
		if (offset == 0 && tag != FDT_BEGIN_NODE)
			return -FDT_ERR_BADSTRUCTURE;
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (depth == 0 && seen_root)
				return -FDT_ERR_BADSTRUCTURE;
			if (++depth > FDT_MAX_DEPTH)
				return -FDT_ERR_TOODEEP;
			seen_root = true;
			break;
		case FDT_END_NODE:
			if (depth-- == 0)
				return -FDT_ERR_BADSTRUCTURE;
			break;
		case FDT_PROP:
			if (depth == 0)
				return -FDT_ERR_BADSTRUCTURE;
			break;
		case FDT_END:
			return depth ? -FDT_ERR_TRUNCATED : 0;
		default: /* FDT_NOP */
			break;
		}
	}
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

/*
 * fdt_next_node - the next node after @offset in document order
 * *@depth goes up by one into a child and down by one per END_NODE.
 * Returns the node's offset, -FDT_ERR_NOTFOUND once *@depth drops below 0
 * (the subtree @depth was counted from is done) or at FDT_END, or another
 * negative FDT_ERR_*.
 */
static int fdt_next_node(const struct fdt_view *v, int offset, int *depth)
{
	int next, tag;

	next = fdt_node_body(v, offset);
	if (next < 0)
		return next;
	for (;;) {
		offset = next;
		tag = fdt_next_tag(v, offset, &next);
		if (tag < 0)
			return tag;
		if (tag == FDT_BEGIN_NODE) {
			(*depth)++;
			return offset;
		}
		if ((tag == FDT_END_NODE && --(*depth) < 0) || tag == FDT_END)
			return -FDT_ERR_NOTFOUND;
	}
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

/*
 * Direct child of @parent named @name (@namelen bytes); a name without
 * '@' also matches "name@unit", as in libfdt and Linux.
 */
static int dt_subnode(const struct fdt_view *v, int parent, const char *name,
		      size_t namelen)
{
	int depth = 0, node = parent;
	bool want_unit = memchr(name, '@', namelen) != NULL;

	while ((node = fdt_next_node(v, node, &depth)) >= 0) {
		const char *n;

		if (depth != 1)
			continue;
		n = fdt_node_name(v, node);
		if (strlen(n) >= namelen && !memcmp(n, name, namelen) &&
		    (n[namelen] == '\0' || (n[namelen] == '@' && !want_unit)))
			return node;
	}
	return node;
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

/* The chain of nodes from the root to @node, found by one scan. */
static int dt_build_chain(const struct fdt_view *v, int node,
			  struct fdt_chain *c)
{
	int offset = 0, depth = 0;

	do {
		if (depth < 0 || depth >= FDT_MAX_DEPTH)
			return -FDT_ERR_TOODEEP;
		c->node[depth] = offset;
		if (offset == node) {
			c->depth = depth;
			return 0;
		}
		offset = fdt_next_node(v, offset, &depth);
	} while (offset >= 0);
	return offset == -FDT_ERR_NOTFOUND ? -FDT_ERR_BADOFFSET : offset;
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

/*
 * chain_levels - fill @lv[0..@upto] for the nodes of @c, looking their
 * properties up (the boot scan gathers them in its single pass instead)
 */
static void chain_levels(const struct fdt_view *v, const struct fdt_chain *c,
			 int upto, struct dt_level *lv)
{
	int i;

	for (i = 0; i <= upto; i++) {
		u32 alen = 0, slen = 0, rlen = 0;
		const u8 *ac = dt_prop(v, c->node[i], "#address-cells", &alen);
		const u8 *sc = dt_prop(v, c->node[i], "#size-cells", &slen);
		const u8 *r = dt_prop(v, c->node[i], "ranges", &rlen);

		dt_level_fill(&lv[i], i ? &lv[i - 1] : NULL, ac, alen, sc, slen,
			      r, rlen);
	}
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

int of_scan_flat_dt(const void *blob,
		    int (*it)(const void *blob, int node, const char *uname,
			      int depth, void *data),
		    void *data)
{
	struct fdt_view v;
	int rc = fdt_view_trusted(blob, &v);
	int node = 0, depth = 0;

	if (!rc)
		rc = fdt_check_struct(&v);
	if (rc)
		return rc;
	do {
		rc = it(blob, node, fdt_node_name(&v, node), depth, data);
		if (rc)
			return rc;
		node = fdt_next_node(&v, node, &depth);
	} while (node >= 0);
	return node == -FDT_ERR_NOTFOUND ? 0 : node;
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

int of_flat_dt_cells(const void *blob, int node, int *addr_cells,
		     int *size_cells)
{
	struct dt_level lv[FDT_MAX_DEPTH];
	struct fdt_chain c;
	struct fdt_view v;
	int rc = fdt_view_trusted(blob, &v);

	if (!rc)
		rc = dt_build_chain(&v, node, &c);
	if (rc)
		return rc;
	chain_levels(&v, &c, c.depth, lv);
	if (lv[c.depth].cells_err)
		return lv[c.depth].cells_err;
	if (addr_cells)
		*addr_cells = lv[c.depth].cells.addr;
	if (size_cells)
		*size_cells = lv[c.depth].cells.size;
	return 0;
}

int of_flat_dt_translate_reg(const void *blob, int node, int index, u64 *addr,
			     u64 *size)
{
	struct dt_level lv[FDT_MAX_DEPTH];
	struct fdt_chain c;
	struct fdt_view v;
	const u8 *reg;
	u32 len = 0;
	u64 a, s;
	int rc = fdt_view_trusted(blob, &v);

	if (!rc)
		rc = dt_build_chain(&v, node, &c);
	if (rc)
		return rc;
	chain_levels(&v, &c, c.depth - 1, lv);
	reg = dt_prop(&v, node, "reg", &len);
	rc = levels_translate_reg(lv, c.depth, reg, len, index, &a, &s);
	if (rc)
		return rc;
	if (addr)
		*addr = a;
	if (size)
		*size = s;
	return 0;
}

/* ---- early_init_dt_scan: the boot information in struct boot_info ---- */

/* The properties the boot scan reads, gathered in one walk per node. */
enum scan_prop {
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

static const char *const scan_prop_names[SP_NR] = {
	[SP_STATUS] = "status",		 [SP_DEVICE_TYPE] = "device_type",
	[SP_COMPATIBLE] = "compatible",	 [SP_REG] = "reg",
	[SP_INTERRUPTS] = "interrupts",	 [SP_ADDRESS_CELLS] = "#address-cells",
	[SP_SIZE_CELLS] = "#size-cells", [SP_RANGES] = "ranges",
};

/* The compatible strings the boot scan acts on, as bits of a mask. */
enum scan_compat {
	SC_PL011,
	SC_GIC_A15,
	SC_GIC_A9,
	SC_GIC_400,
	SC_GLOBAL_TIMER,
	SC_ARMV7_TIMER,
	SC_NR,
};

static const char *const scan_compatibles[SC_NR] = {
	[SC_PL011] = "arm,pl011",
	[SC_GIC_A15] = "arm,cortex-a15-gic",
	[SC_GIC_A9] = "arm,cortex-a9-gic",
	[SC_GIC_400] = "arm,gic-400",
	[SC_GLOBAL_TIMER] = "arm,cortex-a9-global-timer",
	[SC_ARMV7_TIMER] = "arm,armv7-timer",
};

#define SC_GIC_MASK (1u << SC_GIC_A15 | 1u << SC_GIC_A9 | 1u << SC_GIC_400)

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
	u8 prop[NAME_CACHE_SIZE];     /* enum scan_prop */
};

/* The wanted properties of the node being visited: value, length. */
struct scan_props {
	const u8 *val[SP_NR]; /* NULL: absent */
	u32 len[SP_NR];
};

struct dt_scan {
	struct fdt_view v;
	struct boot_info *bi;
	int stdout_node; /* /chosen/stdout-path's node, or < 0 */
	bool uart_from_stdout;
	bool have_gic, have_timer, have_gt;
	/* The node being visited: its offset, depth and properties. */
	int node, depth;
	struct scan_props props;
	/* What the chain of nodes from the root to it gives its reg. */
	struct dt_level level[FDT_MAX_DEPTH];
	struct name_cache names;
};

static enum scan_prop scan_classify(struct dt_scan *s, u32 nameoff)
{
	u32 slot = (nameoff * 0x9e3779b1u) >> 26; /* 64 slots */
	const char *name;
	int i;

	if (s->names.nameoff[slot] == nameoff)
		return s->names.prop[slot];
	/* fdt_next_tag() has checked that the name is terminated. */
	name = (const char *)s->v.dt_strings + nameoff;
	for (i = 0; i < SP_NR && strcmp(name, scan_prop_names[i]); i++)
		;
	s->names.nameoff[slot] = nameoff;
	s->names.prop[slot] = (u8)i;
	return i;
}

/* The visited node's property @p as a proper string, or NULL. */
static const char *scan_string(const struct dt_scan *s, enum scan_prop p)
{
	const u8 *val = s->props.val[p];

	if (!val || !memchr(val, 0, s->props.len[p]))
		return NULL;
	return (const char *)val;
}

/* Which of scan_compatibles[] the visited node's "compatible" holds. */
static unsigned int scan_compat_mask(const struct dt_scan *s)
{
	const char *list = (const char *)s->props.val[SP_COMPATIBLE];
	u32 len = s->props.len[SP_COMPATIBLE];
	unsigned int mask = 0;
	int i;

	/* The same walk as string_list_contains(), once for all strings. */
	while (list && len > 0) {
		size_t l = strnlen(list, len);

		for (i = 0; i < SC_NR; i++) {
			if (!strncmp(list, scan_compatibles[i], l) &&
			    scan_compatibles[i][l] == '\0')
				mask |= 1u << i;
		}
		if (l >= len)
			break;
		list += l + 1;
		len -= l + 1;
	}
	return mask;
}

static int scan_translate_reg(const struct dt_scan *s, int index, u64 *addr,
			      u64 *size)
{
	return levels_translate_reg(s->level, s->depth, s->props.val[SP_REG],
				    s->props.len[SP_REG], index, addr, size);
}

/*
 * Entry @index of the visited node's reg as a CPU address; on failure
 * record why, naming the node, and return false.
 */
static bool scan_reg(struct dt_scan *s, int index, u64 *addr, u64 *size)
{
	int rc = scan_translate_reg(s, index, addr, size);

	if (rc)
		boot_info_error(s->bi, "DTB: %s reg[%d]: %s",
				fdt_node_name(&s->v, s->node), index,
				fdt_strerror(rc));
	return !rc;
}

static void add_memory_bank(struct dt_scan *s, u64 start, u64 size)
{
	struct boot_info *bi = s->bi;

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
static void scan_memory(struct dt_scan *s)
{
	u64 start, size;
	int i, rc;

	for (i = 0; !(rc = scan_translate_reg(s, i, &start, &size)); i++)
		add_memory_bank(s, start, size);
	if (rc == -FDT_ERR_NOTFOUND && i > 0)
		return; /* the normal end of reg */
	boot_info_error(s->bi, "DTB: memory node %s: %s",
			fdt_node_name(&s->v, s->node),
			rc == -FDT_ERR_NOTFOUND ? "no reg" : fdt_strerror(rc));
}

/*
 * The architected timer's interrupts are <type number flags> triples
 * (GIC binding, #interrupt-cells = 3): secure phys, non-secure phys,
 * virtual, hyp. The third, a PPI (type 1), is the one a guest uses.
 */
static void scan_arch_timer(struct dt_scan *s)
{
	u32 len = s->props.len[SP_INTERRUPTS];
	const u8 *irq = s->props.val[SP_INTERRUPTS];
	const u8 *virt;
	u32 type, num;

	s->bi->has_arch_timer = true;
	if (!irq || len % 12 || len < 3 * 12) {
		boot_info_error(
			s->bi,
			"DTB: arch timer has no virtual timer interrupt");
		return;
	}
	virt = irq + 2 * 12;
	type = fdt_ld32(virt);
	num = fdt_ld32(virt + 4);
	if (type != 1 || num >= 16) {
		boot_info_error(s->bi,
				"DTB: arch timer virtual interrupt <%u %u> is "
				"not a PPI",
				type, num);
		return;
	}
	s->bi->arch_timer_virt_ppi = 16 + num;
}

/* The devices the early kernel needs: console UART, GIC, timers. */
static void scan_device(struct dt_scan *s)
{
	struct boot_info *bi = s->bi;
	unsigned int compat = scan_compat_mask(s);
	u64 a, b, size;

	if (compat & 1u << SC_PL011) {
		/* The stdout-path UART wins over the first one found. */
		bool is_stdout = s->node == s->stdout_node;

		if (!s->uart_from_stdout && (is_stdout || !bi->uart_base) &&
		    scan_reg(s, 0, &a, &size)) {
			bi->uart_base = a;
			s->uart_from_stdout = is_stdout;
		}
	} else if (!s->have_gic && (compat & SC_GIC_MASK)) {
		s->have_gic = true;
		if (scan_reg(s, 0, &a, &size) && scan_reg(s, 1, &b, &size)) {
			bi->gic_dist_base = a;
			bi->gic_cpu_base = b;
		}
	} else if (!s->have_gt && (compat & 1u << SC_GLOBAL_TIMER)) {
		s->have_gt = true;
		if (scan_reg(s, 0, &a, &size))
			bi->twd_or_gt_base = a;
	} else if (!s->have_timer && (compat & 1u << SC_ARMV7_TIMER)) {
		s->have_timer = true;
		scan_arch_timer(s);
	}
}

/*
 * The visited node's properties are all gathered (they precede its
 * subnodes): record what it gives its children's reg, then act on it.
 */
static void scan_node(struct dt_scan *s)
{
	const struct scan_props *p = &s->props;
	const char *status, *type;

	dt_level_fill(&s->level[s->depth],
		      s->depth ? &s->level[s->depth - 1] : NULL,
		      p->val[SP_ADDRESS_CELLS], p->len[SP_ADDRESS_CELLS],
		      p->val[SP_SIZE_CELLS], p->len[SP_SIZE_CELLS],
		      p->val[SP_RANGES], p->len[SP_RANGES]);
	/* As dt_is_available(): a status that is not a string says no. */
	if (p->val[SP_STATUS]) {
		status = scan_string(s, SP_STATUS);
		if (!status || (strcmp(status, "okay") && strcmp(status, "ok")))
			return;
	}
	type = scan_string(s, SP_DEVICE_TYPE);
	if (type && !strcmp(type, "memory"))
		scan_memory(s);
	else
		scan_device(s);
}

/*
 * scan_nodes - visit every node, depth first, in one walk over the
 * structure block (fdt_check_struct() has passed), each node's wanted
 * properties picked out by their name offsets as the walk goes by them
 * rather than searched for one by one. As in fdt_find_prop(), a node's
 * properties are those before its first subnode.
 */
static int scan_nodes(struct dt_scan *s)
{
	const struct fdt_view *v = &s->v;
	int offset = 0, next, tag, depth = -1;
	bool gathering = false;
	enum scan_prop p;

	for (;; offset = next) {
		tag = fdt_next_tag(v, offset, &next);
		if (tag < 0)
			return tag;
		if (tag == FDT_NOP)
			continue;
		if (tag == FDT_PROP) {
			if (!gathering)
				continue;
			p = scan_classify(s, struct_cell(v, offset + 8));
			if (p < SP_NR && !s->props.val[p]) {
				s->props.val[p] = v->dt_struct + offset + 12;
				s->props.len[p] = struct_cell(v, offset + 4);
			}
			continue;
		}
		if (gathering) {
			scan_node(s);
			gathering = false;
		}
		if (tag == FDT_BEGIN_NODE) {
			if (++depth >= FDT_MAX_DEPTH)
				return -FDT_ERR_TOODEEP;
			s->node = offset;
			s->depth = depth;
			memset(&s->props, 0, sizeof(s->props));
			gathering = true;
		} else if (tag == FDT_END_NODE) {
			if (--depth < 0)
				return 0; /* the root is done */
		} else {		  /* FDT_END */
			return 0;
		}
	}
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

static void scan_initrd(struct dt_scan *s, int chosen)
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
static void scan_chosen(struct dt_scan *s)
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
 * filled). @bi->error may also be set with a 0 return for a problem that
 * was worked around (an ignored initrd, too many banks, a device whose reg
 * could not be read).
 */
int early_init_dt_scan(const void *blob, size_t max_size, struct boot_info *bi)
{
	struct dt_scan s = { .bi = bi };
	int rc;

	memset(bi, 0, sizeof(*bi));
	bi->source = "DTB";
	rc = fdt_view_init(blob, max_size, &s.v);
	if (!rc)
		rc = fdt_check_struct(&s.v);
	if (rc) {
		boot_info_error(bi, "DTB: %s", fdt_strerror(rc));
		return rc;
	}

	bi->model = scan_model(&s.v);
	scan_chosen(&s);
	memset(s.names.nameoff, 0xff, sizeof(s.names.nameoff));
	rc = scan_nodes(&s);
	if (rc) { /* fdt_check_struct() rules it out */
		boot_info_error(bi, "DTB: %s", fdt_strerror(rc));
		return rc;
	}
	if (!bi->nr_banks) {
		boot_info_error(bi, "DTB: no usable memory node");
		return -FDT_ERR_NOTFOUND;
	}
	return 0;
}
