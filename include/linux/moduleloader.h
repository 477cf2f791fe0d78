/*
 * The module loader's internals shared by the generic ELF code
 * (kernel/module_elf.c), the architecture's relocator and allocator
 * (arch/arm/kernel/module.c) and kernel/module.c; the host fuzzer
 * (tests/host/fuzz_module.c) drives the first two on arbitrary bytes.
 */
#ifndef _LINUX_MODULELOADER_H
#define _LINUX_MODULELOADER_H

#include <linux/elf.h>
#include <linux/module.h>
#include <linux/types.h>

/*
 * One module image being loaded. The image itself is never written:
 * the section headers and the symbol table are copied (sechdrs, syms),
 * and sections are placed at secmem[i] in the module's memory.
 */
struct load_info {
	const char *name; /* for messages: "module" until the real name */
	const u8 *image;
	unsigned long len;
	const Elf32_Ehdr *hdr;
	Elf32_Shdr *sechdrs; /* copy, e_shnum entries */
	unsigned int shnum;
	const char *secstrings;
	unsigned long secstrings_size;
	unsigned int index_sym, index_str, index_mod, index_info;
	Elf32_Sym *syms; /* copy of the symbol table; values made absolute */
	unsigned int num_syms;
	const char *strtab;
	unsigned long strtab_size;
	/* Where each SHF_ALLOC section goes: offset in its layout. */
	u32 *secoff;
	u8 *secinit; /* 1: the section is in the init layout */
	u8 **secmem; /* after placing: its address, NULL if not loaded */
	struct module_layout core, init;
	/* kernel/module.c's: the module being loaded, its license. */
	struct module *mod;
	bool gpl_ok;
};

#define INIT_OFFSET_NONE 0xffffffffu

/* Validate the ELF header, section table, strings and symbol table. */
int module_elf_check(struct load_info *info);
/*
 * Give each SHF_ALLOC section its place in the core or init layout;
 * -ENOEXEC if the module could never fit in the modules area.
 */
int module_elf_layout(struct load_info *info);
/* Copy (or zero) every placed section to core/init; fill secmem[]. */
void module_elf_place(struct load_info *info, u8 *core, u8 *init);
/*
 * Make every symbol's value absolute: defined ones from their section's
 * address, undefined ones from resolve() (0 and *err = -ENOENT if none).
 * One "Unknown symbol" line per missing one; 0 or the first error.
 */
int module_elf_simplify_symbols(struct load_info *info,
				unsigned long (*resolve)(struct load_info *info,
							 const char *name,
							 int *err));
/* Apply every REL section whose target was placed; 0 or -ENOEXEC. */
int module_elf_relocate(struct load_info *info);
/* Free what module_elf_check() allocated. */
void module_elf_free(struct load_info *info);
/* The section called name, or 0. */
unsigned int module_elf_find_sec(const struct load_info *info,
				 const char *name);
/* Next "tag=value" string of .modinfo with this tag, or NULL. */
const char *module_elf_get_modinfo(const struct load_info *info,
				   const char *tag);

/*
 * Architecture: apply the REL section relsec to its (placed) target.
 * Every entry is checked (symbol index, offset inside the target,
 * relocation type, branch range) before it is written; 0 or -ENOEXEC
 * with one line naming the module, section, entry and symbol.
 */
int apply_relocate(const struct load_info *info, unsigned int relsec);

/*
 * Architecture: size bytes of module memory (read-write, never
 * executable until module_enable_ro/x), from the modules area only.
 * NULL if there is no room. module_memfree() gives it back.
 */
void *module_alloc(unsigned long size);
void module_memfree(void *addr);

#endif /* _LINUX_MODULELOADER_H */
