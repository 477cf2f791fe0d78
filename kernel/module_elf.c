/*
 * kernel/module_elf.c: the module loader's ELF work that does not depend
 * on where the module runs: checking a .ko image before trusting any
 * offset in it, laying its sections out, placing them, resolving its
 * symbols and driving the architecture's relocator. It allocates only
 * with kmalloc/kfree and writes nothing but the module's own memory, so
 * the host fuzzer (tests/host/fuzz_module.c) runs it on arbitrary bytes
 * under ASan/UBSan.
 *
 * The image is never trusted: every offset, size, index and string it
 * holds is checked against the file before use, in module_elf_check();
 * what later steps index (sections, symbols, string offsets) has been
 * checked there, and the relocator checks each relocation entry itself.
 * Every failure is one line naming what is wrong, -ENOEXEC.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/moduleloader.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <string.h>

#include <asm/page.h>

static bool range_in_file(const struct load_info *info, unsigned long off,
			  unsigned long size)
{
	return off <= info->len && size <= info->len - off;
}

static const char *sec_name(const struct load_info *info, unsigned int i)
{
	return info->secstrings + info->sechdrs[i].sh_name;
}

/* A NUL-terminated string table [off, off + size) inside the file. */
static bool strtab_ok(const struct load_info *info, const Elf32_Shdr *s)
{
	return s->sh_type == SHT_STRTAB && s->sh_size &&
	       range_in_file(info, s->sh_offset, s->sh_size) &&
	       info->image[s->sh_offset + s->sh_size - 1] == '\0';
}

static int check_header(struct load_info *info)
{
	const Elf32_Ehdr *hdr = info->hdr;

	if (info->len < sizeof(*hdr)) {
		pr_err("%s: truncated: %lu bytes, less than an ELF header\n",
		       info->name, info->len);
		return -ENOEXEC;
	}
	if (memcmp(hdr->e_ident, ELFMAG, SELFMAG)) {
		pr_err("%s: not an ELF file (bad magic)\n", info->name);
		return -ENOEXEC;
	}
	if (hdr->e_ident[EI_CLASS] != ELFCLASS32 ||
	    hdr->e_ident[EI_DATA] != ELFDATA2LSB) {
		pr_err("%s: wrong ELF class %u/data %u: not 32-bit "
		       "little-endian (ELFCLASS32, ELFDATA2LSB)\n",
		       info->name, hdr->e_ident[EI_CLASS],
		       hdr->e_ident[EI_DATA]);
		return -ENOEXEC;
	}
	if (hdr->e_type != ET_REL) {
		pr_err("%s: not a relocatable object (e_type %u)\n", info->name,
		       hdr->e_type);
		return -ENOEXEC;
	}
	if (hdr->e_machine != EM_ARM) {
		pr_err("%s: Invalid module architecture in ELF header: %u "
		       "(EM_ARM is %u)\n",
		       info->name, hdr->e_machine, EM_ARM);
		return -ENOEXEC;
	}
	if (hdr->e_shentsize != sizeof(Elf32_Shdr) || hdr->e_shnum < 2) {
		pr_err("%s: Invalid ELF section header size %u or count %u\n",
		       info->name, hdr->e_shentsize, hdr->e_shnum);
		return -ENOEXEC;
	}
	if (!range_in_file(info, hdr->e_shoff,
			   (unsigned long)hdr->e_shnum * sizeof(Elf32_Shdr))) {
		pr_err("%s: section table at %#x (%u entries) is outside the "
		       "file (%lu bytes)\n",
		       info->name, hdr->e_shoff, hdr->e_shnum, info->len);
		return -ENOEXEC;
	}
	return 0;
}

/* Every section inside the file, named, sanely aligned. */
static int check_sections(struct load_info *info)
{
	unsigned int i, shstrndx = info->hdr->e_shstrndx;

	if (shstrndx == SHN_UNDEF || shstrndx >= info->shnum ||
	    !strtab_ok(info, &info->sechdrs[shstrndx])) {
		pr_err("%s: Invalid ELF section name index: %u\n", info->name,
		       shstrndx);
		return -ENOEXEC;
	}
	info->secstrings =
		(const char *)info->image + info->sechdrs[shstrndx].sh_offset;
	info->secstrings_size = info->sechdrs[shstrndx].sh_size;
	for (i = 1; i < info->shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];

		if (s->sh_name >= info->secstrings_size) {
			pr_err("%s: section %u: name offset %u out of range\n",
			       info->name, i, s->sh_name);
			return -ENOEXEC;
		}
		if (s->sh_type != SHT_NOBITS && s->sh_type != SHT_NULL &&
		    !range_in_file(info, s->sh_offset, s->sh_size)) {
			pr_err("%s: section %u (%s) at %#x+%#x is outside the "
			       "file (%lu bytes)\n",
			       info->name, i, sec_name(info, i), s->sh_offset,
			       s->sh_size, info->len);
			return -ENOEXEC;
		}
		if (s->sh_addralign & (s->sh_addralign - 1) ||
		    s->sh_addralign > PAGE_SIZE ||
		    ((s->sh_flags & SHF_ALLOC) && s->sh_size > (64u << 20))) {
			pr_err("%s: section %u (%s): bad alignment %u or size "
			       "%u\n",
			       info->name, i, sec_name(info, i),
			       s->sh_addralign, s->sh_size);
			return -ENOEXEC;
		}
		if (s->sh_type == SHT_RELA) {
			pr_err("%s: section %u (%s): RELA relocations are not "
			       "used on ARM\n",
			       info->name, i, sec_name(info, i));
			return -ENOEXEC;
		}
		if (s->sh_type == SHT_REL &&
		    (s->sh_info == 0 || s->sh_info >= info->shnum ||
		     s->sh_entsize != sizeof(Elf32_Rel) ||
		     s->sh_size % sizeof(Elf32_Rel))) {
			pr_err("%s: relocation section %u (%s): target section "
			       "%u or entry size %u out of range\n",
			       info->name, i, sec_name(info, i), s->sh_info,
			       s->sh_entsize);
			return -ENOEXEC;
		}
	}
	return 0;
}

/* The one symbol table, its string table and every symbol in it. */
static int check_symbols(struct load_info *info)
{
	const Elf32_Shdr *symsec, *strsec;
	unsigned int i;

	for (i = 1; i < info->shnum; i++)
		if (info->sechdrs[i].sh_type == SHT_SYMTAB) {
			if (info->index_sym) {
				pr_err("%s: more than one symbol table\n",
				       info->name);
				return -ENOEXEC;
			}
			info->index_sym = i;
		}
	if (!info->index_sym) {
		pr_err("%s: module has no symbols (stripped?)\n", info->name);
		return -ENOEXEC;
	}
	symsec = &info->sechdrs[info->index_sym];
	if (symsec->sh_entsize != sizeof(Elf32_Sym) ||
	    symsec->sh_size % sizeof(Elf32_Sym) || symsec->sh_link == 0 ||
	    symsec->sh_link >= info->shnum ||
	    !strtab_ok(info, &info->sechdrs[symsec->sh_link])) {
		pr_err("%s: symbol table (section %u): bad entry size %u or "
		       "string table %u\n",
		       info->name, info->index_sym, symsec->sh_entsize,
		       symsec->sh_link);
		return -ENOEXEC;
	}
	info->index_str = symsec->sh_link;
	strsec = &info->sechdrs[info->index_str];
	info->strtab = (const char *)info->image + strsec->sh_offset;
	info->strtab_size = strsec->sh_size;
	info->num_syms = symsec->sh_size / sizeof(Elf32_Sym);
	info->syms = kmalloc_array(info->num_syms ? info->num_syms : 1,
				   sizeof(Elf32_Sym), GFP_KERNEL);
	if (!info->syms)
		return -ENOMEM;
	memcpy(info->syms, info->image + symsec->sh_offset, symsec->sh_size);
	/*
	 * Symbol 0, the null symbol, is checked too: a relocation may name
	 * it, and its name is printed when that relocation is refused.
	 */
	for (i = 0; i < info->num_syms; i++) {
		const Elf32_Sym *sym = &info->syms[i];

		if (sym->st_name >= info->strtab_size) {
			pr_err("%s: symbol %u: name offset %u out of range\n",
			       info->name, i, sym->st_name);
			return -ENOEXEC;
		}
		if (!i)
			continue;
		if (sym->st_shndx == SHN_COMMON) {
			pr_err("%s: please compile with -fno-common (symbol "
			       "%s)\n",
			       info->name, info->strtab + sym->st_name);
			return -ENOEXEC;
		}
		if (sym->st_shndx != SHN_ABS && sym->st_shndx >= info->shnum) {
			pr_err("%s: symbol %u (%s): section index %u out of "
			       "range\n",
			       info->name, i, info->strtab + sym->st_name,
			       sym->st_shndx);
			return -ENOEXEC;
		}
	}
	return 0;
}

/* __this_module: present, the kernel's struct module size, named. */
static int check_this_module(struct load_info *info)
{
	const Elf32_Shdr *s;
	const char *name;

	info->index_mod =
		module_elf_find_sec(info, ".gnu.linkonce.this_module");
	if (!info->index_mod) {
		pr_err("%s: No module found in object\n", info->name);
		return -ENOEXEC;
	}
	s = &info->sechdrs[info->index_mod];
	if (s->sh_type == SHT_NOBITS || !(s->sh_flags & SHF_ALLOC) ||
	    s->sh_size != sizeof(struct module)) {
		pr_err("%s: module has bad gnu.linkonce.this_module section "
		       "size %u (struct module is %zu bytes: built for "
		       "another kernel?)\n",
		       info->name, s->sh_size, sizeof(struct module));
		return -ENOEXEC;
	}
	/* By offset: the section need not be aligned in the file. */
	name = (const char *)info->image + s->sh_offset +
	       offsetof(struct module, name);
	if (!memchr(name, '\0', MODULE_NAME_LEN) || !name[0]) {
		pr_err("%s: module name is empty or not terminated\n",
		       info->name);
		return -ENOEXEC;
	}
	info->name = name;
	info->index_info = module_elf_find_sec(info, ".modinfo");
	return 0;
}

int module_elf_check(struct load_info *info)
{
	int err;

	info->hdr = (const Elf32_Ehdr *)info->image;
	err = check_header(info);
	if (err)
		return err;
	info->shnum = info->hdr->e_shnum;
	info->sechdrs =
		kmalloc_array(info->shnum, sizeof(Elf32_Shdr), GFP_KERNEL);
	info->secoff = kmalloc_array(info->shnum, sizeof(u32), GFP_KERNEL);
	info->secinit = kmalloc(info->shnum, GFP_KERNEL);
	info->secmem = kmalloc_array(info->shnum, sizeof(u8 *), GFP_KERNEL);
	if (!info->sechdrs || !info->secoff || !info->secinit || !info->secmem)
		return -ENOMEM;
	memcpy(info->sechdrs, info->image + info->hdr->e_shoff,
	       info->shnum * sizeof(Elf32_Shdr));
	err = check_sections(info);
	if (!err)
		err = check_symbols(info);
	if (!err)
		err = check_this_module(info);
	return err;
}

void module_elf_free(struct load_info *info)
{
	kfree(info->sechdrs);
	kfree(info->secoff);
	kfree(info->secinit);
	kfree(info->secmem);
	kfree(info->syms);
	info->sechdrs = NULL;
	info->secoff = NULL;
	info->secinit = NULL;
	info->secmem = NULL;
	info->syms = NULL;
}

unsigned int module_elf_find_sec(const struct load_info *info, const char *name)
{
	for (unsigned int i = 1; i < info->shnum; i++)
		if ((info->sechdrs[i].sh_flags & SHF_ALLOC) &&
		    !strcmp(sec_name(info, i), name))
			return i;
	return 0;
}

const char *module_elf_get_modinfo(const struct load_info *info,
				   const char *tag)
{
	const Elf32_Shdr *s;
	const char *p, *end;
	size_t taglen = strlen(tag);

	if (!info->index_info)
		return NULL;
	s = &info->sechdrs[info->index_info];
	if (s->sh_type == SHT_NOBITS)
		return NULL;
	p = (const char *)info->image + s->sh_offset;
	end = p + s->sh_size;
	while (p < end) {
		const char *nul = memchr(p, '\0', end - p);
		size_t n = nul ? (size_t)(nul - p) : (size_t)(end - p);

		/* An unterminated last string is not a tag: stop there. */
		if (!nul)
			return NULL;
		if (n > taglen && !strncmp(p, tag, taglen) && p[taglen] == '=')
			return p + taglen + 1;
		p = nul + 1;
	}
	return NULL;
}

/* ---- layout ---- */

static bool is_init(const char *name)
{
	return !strncmp(name, ".init", 5);
}

/* Most a module's core or init part may take: the modules area's size. */
#define MODULE_LAYOUT_MAX (14u << 20)

/*
 * Place section s at the end of layout l: its offset, or
 * INIT_OFFSET_NONE if the layout would outgrow MODULE_LAYOUT_MAX.
 */
static u32 place_sec(struct module_layout *l, const Elf32_Shdr *s)
{
	u32 align = s->sh_addralign ? s->sh_addralign : 1;
	u32 off = ALIGN(l->size, align);

	/* l->size <= MODULE_LAYOUT_MAX and align <= PAGE_SIZE: no wrap. */
	if (off > MODULE_LAYOUT_MAX || s->sh_size > MODULE_LAYOUT_MAX - off)
		return INIT_OFFSET_NONE;
	l->size = off + s->sh_size;
	return off;
}

/*
 * Linux's layout_sections: text first, then read-only data, then
 * writable data and bss, each part starting on a page so that it gets
 * its own permissions; .init.* sections go to the init layout the same
 * way. .modinfo is metadata, never loaded. A module bigger than the
 * modules area is refused here, before anything is allocated.
 */
int module_elf_layout(struct load_info *info)
{
	static const u32 masks[3][2] = {
		{ SHF_EXECINSTR | SHF_ALLOC, 0 },	  /* text */
		{ SHF_ALLOC, SHF_WRITE | SHF_EXECINSTR }, /* rodata */
		{ SHF_WRITE | SHF_ALLOC, SHF_EXECINSTR }, /* data, bss */
	};
	unsigned int i, m;

	memset(&info->core, 0, sizeof(info->core));
	memset(&info->init, 0, sizeof(info->init));
	for (i = 0; i < info->shnum; i++)
		info->secoff[i] = INIT_OFFSET_NONE;
	for (m = 0; m < 3; m++) {
		for (i = 1; i < info->shnum; i++) {
			const Elf32_Shdr *s = &info->sechdrs[i];
			bool init = is_init(sec_name(info, i));

			if ((s->sh_flags & masks[m][0]) != masks[m][0] ||
			    (s->sh_flags & masks[m][1]) ||
			    info->secoff[i] != INIT_OFFSET_NONE ||
			    i == info->index_info)
				continue;
			info->secinit[i] = init;
			info->secoff[i] =
				place_sec(init ? &info->init : &info->core, s);
			if (info->secoff[i] == INIT_OFFSET_NONE) {
				pr_err("%s: section %u (%s) does not fit in "
				       "the "
				       "modules area (%u MB)\n",
				       info->name, i, sec_name(info, i),
				       MODULE_LAYOUT_MAX >> 20);
				return -ENOEXEC;
			}
		}
		info->core.size = ALIGN(info->core.size, PAGE_SIZE);
		info->init.size = ALIGN(info->init.size, PAGE_SIZE);
		if (m == 0) {
			info->core.text_size = info->core.size;
			info->init.text_size = info->init.size;
		} else if (m == 1) {
			info->core.ro_size = info->core.size;
			info->init.ro_size = info->init.size;
		}
	}
	return 0;
}

void module_elf_place(struct load_info *info, u8 *core, u8 *init)
{
	for (unsigned int i = 0; i < info->shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];
		u8 *dst;

		info->secmem[i] = NULL;
		if (info->secoff[i] == INIT_OFFSET_NONE)
			continue;
		dst = (info->secinit[i] ? init : core) + info->secoff[i];
		if (s->sh_type == SHT_NOBITS)
			memset(dst, 0, s->sh_size);
		else
			memcpy(dst, info->image + s->sh_offset, s->sh_size);
		info->secmem[i] = dst;
	}
}

/* ---- symbols and relocations ---- */

int module_elf_simplify_symbols(struct load_info *info,
				unsigned long (*resolve)(struct load_info *info,
							 const char *name,
							 int *err))
{
	int ret = 0;

	for (unsigned int i = 1; i < info->num_syms; i++) {
		Elf32_Sym *sym = &info->syms[i];
		const char *name = info->strtab + sym->st_name;
		int err = 0;

		switch (sym->st_shndx) {
		case SHN_ABS:
			break;
		case SHN_UNDEF:
			sym->st_value = (Elf32_Addr)resolve(info, name, &err);
			if (!err)
				break;
			/* An undefined weak symbol is 0, as Linux. */
			if (ELF_ST_BIND(sym->st_info) == STB_WEAK) {
				sym->st_value = 0;
				break;
			}
			pr_warn("%s: Unknown symbol %s (err %d)\n", info->name,
				name, err);
			if (!ret)
				ret = err;
			break;
		default:
			/* A symbol of a section not loaded keeps its offset. */
			if (info->secmem[sym->st_shndx])
				sym->st_value +=
					(Elf32_Addr)(uintptr_t)
						info->secmem[sym->st_shndx];
			break;
		}
	}
	return ret;
}

int module_elf_relocate(struct load_info *info)
{
	for (unsigned int i = 1; i < info->shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];
		int err;

		/* Relocations of what is not loaded (debug info): skipped. */
		if (s->sh_type != SHT_REL || !info->secmem[s->sh_info])
			continue;
		if (s->sh_link != info->index_sym) {
			pr_err("%s: relocation section %u (%s) does not use "
			       "the "
			       "symbol table\n",
			       info->name, i, sec_name(info, i));
			return -ENOEXEC;
		}
		err = apply_relocate(info, i);
		if (err)
			return err;
	}
	return 0;
}
