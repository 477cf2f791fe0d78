/*
 * arch/arm/kernel/module.c: ARM's part of the module loader (Linux's file
 * of the same name): module_alloc() and the relocations gcc emits for an
 * ARM-mode (-marm), non-PIC object.
 *
 * Why the modules area sits right below PAGE_OFFSET
 * (MODULES_VADDR = PAGE_OFFSET - 16 MB .. MODULES_END = PKMAP_BASE): a
 * module calls the kernel with plain BL instructions (R_ARM_CALL), whose
 * signed 24-bit word offset reaches +-32 MB. The kernel's text starts at
 * PAGE_OFFSET + 0x8000, so any address of the 14 MB area is within 32 MB
 * of all of it: no veneer, no long call, and a module's call into the
 * kernel costs what a call inside the kernel costs. Module memory
 * therefore comes from this area only, never from the vmalloc area
 * (0xf0000000 and up, 48 MB and more away). A branch whose target is out
 * of reach anyway (a corrupt or hand-made object) is refused, naming
 * the relocation, never written truncated.
 */
#include <asm/elf.h>
#include <asm/memory.h>
#include <linux/errno.h>
#include <linux/moduleloader.h>
#include <linux/printk.h>
#include <linux/vmalloc.h>
#include <string.h>

/**
 * module_alloc - memory for a module, from the modules area only
 * @size: bytes (rounded up to pages)
 *
 * Read-write and never executable (PAGE_KERNEL); the loader makes the
 * text read-only and executable once it is relocated. NULL if the area
 * has no room.
 */
void *module_alloc(unsigned long size)
{
	return __vmalloc_node_range(size, 1, MODULES_VADDR, MODULES_END,
				    GFP_KERNEL, PAGE_KERNEL,
				    __builtin_return_address(0));
}

void module_memfree(void *addr)
{
	vfree(addr);
}

static u32 get_word(const u8 *loc)
{
	u32 v;

	memcpy(&v, loc, sizeof(v)); /* data words need not be aligned */
	return v;
}

static void put_word(u8 *loc, u32 v)
{
	memcpy(loc, &v, sizeof(v));
}

static const char *reloc_name(u32 type)
{
	switch (type) {
	case R_ARM_PC24:
		return "R_ARM_PC24";
	case R_ARM_CALL:
		return "R_ARM_CALL";
	case R_ARM_JUMP24:
		return "R_ARM_JUMP24";
	case R_ARM_PREL31:
		return "R_ARM_PREL31";
	default:
		return "relocation";
	}
}

/*
 * B/BL: the word offset in bits 0-23 is the addend; the result must be
 * an ARM (word-aligned) target within +-32 MB.
 */
static int reloc_branch(u32 *insn, u32 sym, u32 loc)
{
	s32 offset = (s32)((*insn & 0x00ffffff) << 8) >> 6;

	offset += (s32)(sym - loc);
	if ((sym & 3) || offset <= (s32)0xfe000000 || offset >= 0x02000000)
		return -ERANGE;
	*insn = (*insn & 0xff000000) | (((u32)offset >> 2) & 0x00ffffff);
	return 0;
}

/* MOVW/MOVT: a 16-bit immediate split 4 + 12, the addend sign-extended. */
static void reloc_movw_movt(u32 *insn, u32 value, bool top)
{
	s32 addend =
		(s32)((((*insn & 0xf0000) >> 4) | (*insn & 0xfff)) << 16) >> 16;

	value += (u32)addend;
	if (top)
		value >>= 16;
	*insn &= 0xfff0f000;
	*insn |= ((value & 0xf000) << 4) | (value & 0x0fff);
}

/* Apply one entry; -ERANGE out of range, -ENOEXEC unknown type. */
static int reloc_one(u32 type, u8 *where, u32 sym, u32 loc)
{
	u32 v = get_word(where);
	s32 offset;
	int err = 0;

	switch (type) {
	case R_ARM_NONE:
		return 0;
	case R_ARM_V4BX:
		/* BX Rm on ARMv4 without Thumb; ARMv7 has BX: keep it. */
		return 0;
	case R_ARM_ABS32:
	case R_ARM_TARGET1:
		v += sym;
		break;
	case R_ARM_REL32:
		v += sym - loc;
		break;
	case R_ARM_PC24:
	case R_ARM_CALL:
	case R_ARM_JUMP24:
		err = reloc_branch(&v, sym, loc);
		break;
	case R_ARM_PREL31:
		offset = ((s32)(v << 1) >> 1) + (s32)(sym - loc);
		if (offset >= 0x40000000 || offset < -0x40000000)
			return -ERANGE;
		v = (v & 0x80000000) | ((u32)offset & 0x7fffffff);
		break;
	case R_ARM_MOVW_ABS_NC:
	case R_ARM_MOVT_ABS:
		reloc_movw_movt(&v, sym, type == R_ARM_MOVT_ABS);
		break;
	case R_ARM_MOVW_PREL_NC:
	case R_ARM_MOVT_PREL:
		reloc_movw_movt(&v, sym - loc, type == R_ARM_MOVT_PREL);
		break;
	default:
		return -ENOEXEC;
	}
	if (!err)
		put_word(where, v);
	return err;
}

int apply_relocate(const struct load_info *info, unsigned int relsec)
{
	const Elf32_Shdr *rs = &info->sechdrs[relsec];
	const Elf32_Shdr *dst = &info->sechdrs[rs->sh_info];
	const u8 *rel_base = info->image + rs->sh_offset;
	unsigned int i, n = rs->sh_size / sizeof(Elf32_Rel);

	for (i = 0; i < n; i++) {
		Elf32_Rel rel;
		const Elf32_Sym *sym;
		u8 *where;
		u32 loc, type;
		int err;

		memcpy(&rel, rel_base + i * sizeof(rel), sizeof(rel));
		if (ELF32_R_SYM(rel.r_info) >= info->num_syms) {
			pr_err("%s: section %u reloc %u: bad relocation sym "
			       "offset (symbol index %u of %u)\n",
			       info->name, relsec, i, ELF32_R_SYM(rel.r_info),
			       info->num_syms);
			return -ENOEXEC;
		}
		sym = &info->syms[ELF32_R_SYM(rel.r_info)];
		type = ELF32_R_TYPE(rel.r_info);
		if (dst->sh_size < sizeof(u32) ||
		    rel.r_offset > dst->sh_size - sizeof(u32)) {
			pr_err("%s: section %u reloc %u sym '%s': out of "
			       "bounds "
			       "relocation, offset %d size %u\n",
			       info->name, relsec, i,
			       info->strtab + sym->st_name, rel.r_offset,
			       dst->sh_size);
			return -ENOEXEC;
		}
		where = info->secmem[rs->sh_info] + rel.r_offset;
		loc = (u32)(uintptr_t)where;
		err = reloc_one(type, where, sym->st_value, loc);
		if (err == -ENOEXEC) {
			pr_err("%s: unknown relocation: %u (section %u reloc "
			       "%u)\n",
			       info->name, type, relsec, i);
			return err;
		}
		if (err) {
			pr_err("%s: section %u reloc %u sym '%s': %s %u out of "
			       "range (%#x -> %#x)%s\n",
			       info->name, relsec, i,
			       info->strtab + sym->st_name, reloc_name(type),
			       type, loc, sym->st_value,
			       type == R_ARM_PREL31 ?
				       "" :
				       ": an ARM B/BL reaches +-32 MB");
			return -ENOEXEC;
		}
	}
	return 0;
}
