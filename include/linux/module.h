/*
 * Loadable modules (kernel/module.c), with Linux's names: what a module's
 * source includes (module_init/module_exit, MODULE_LICENSE and the other
 * .modinfo tags, THIS_MODULE, EXPORT_SYMBOL) and the loader's interface
 * for the rest of the kernel (load_module, delete_module, /proc/modules,
 * symbol lookup for oopses).
 *
 * A module is an ARM ELF32 relocatable object (.ko) built by
 * `make M=dir` (scripts/Makefile.modbuild): its struct module,
 * __this_module, sits in section .gnu.linkonce.this_module, written by
 * scripts/modpost.py with the module's name and its init_module and
 * cleanup_module; the loader copies it into the module's memory with the
 * other sections and uses it in place, as Linux does. The layout of
 * struct module is therefore part of the module ABI (vermagic covers it).
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <asm/atomic.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/printk.h>
#include <linux/types.h>

#define MODULE_NAME_LEN (64 - sizeof(unsigned long))

enum module_state {
	MODULE_STATE_LIVE,     /* normal state */
	MODULE_STATE_COMING,   /* fully formed, running module_init */
	MODULE_STATE_GOING,    /* going away */
	MODULE_STATE_UNFORMED, /* still setting it up */
};

/*
 * One allocation from the modules area: [base, base + text_size) is text
 * (read-only, executable), up to ro_size read-only data (never
 * executable), up to size read-write data and bss (never executable).
 * Every boundary is a page boundary, so each part gets its own
 * permissions.
 */
struct module_layout {
	void *base;
	unsigned int size;
	unsigned int text_size;
	unsigned int ro_size;
};

/* A function of a module, for oops backtraces and %pS. */
struct module_sym {
	unsigned long addr;
	unsigned long size;
	const char *name;
};

struct module {
	enum module_state state;
	struct list_head list; /* the loaded modules */
	char name[MODULE_NAME_LEN];

	/* Exported symbols (the module's __ksymtab sections). */
	const struct kernel_symbol *syms;
	unsigned int num_syms;
	const struct kernel_symbol *gpl_syms;
	unsigned int num_gpl_syms;

	int (*init)(void);
	void (*exit)(void);

	struct module_layout core_layout; /* stays while the module is loaded */
	struct module_layout init_layout; /* .init.*: freed after init */

	/* Its functions, sorted by address (kmalloc'd, names included). */
	struct module_sym *kallsyms;
	unsigned int num_kallsyms;

	bool gpl_compatible;  /* MODULE_LICENSE is a GPL-compatible one */
	unsigned long taints; /* TAINT_* bits this module set */
	atomic_t refcnt;      /* MODULE_REF_BASE + try_module_get() users */

	/* Modules using this one, and modules it uses (struct module_use). */
	struct list_head source_list;
	struct list_head target_list;
};

/* Module A uses a symbol of module B: one entry on both lists. */
struct module_use {
	struct list_head source_list; /* on B's source_list */
	struct list_head target_list; /* on A's target_list */
	struct module *source, *target;
};

#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)

/*
 * module_init(fn): fn becomes init_module, which scripts/modpost.py
 * puts in __this_module.init; module_exit(fn) likewise cleanup_module.
 * The inline functions check the types, as Linux's do.
 */
#define module_init(initfn)                         \
	static inline int (*__inittest(void))(void) \
	{                                           \
		return initfn;                      \
	}                                           \
	int init_module(void) __attribute__((alias(#initfn)))
#define module_exit(exitfn)                          \
	static inline void (*__exittest(void))(void) \
	{                                            \
		return exitfn;                       \
	}                                            \
	void cleanup_module(void) __attribute__((alias(#exitfn)))
#else
#define THIS_MODULE ((struct module *)0)
#endif

/* Exit code of a module: kept with the rest (modules can be unloaded). */
#define __exit __section(".exit.text")
#define __exitdata __section(".exit.data")

#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

/* A "tag=value" string in .modinfo, as modinfo(8) lists them. */
#define MODULE_INFO(tag, info)                                            \
	static const char __UNIQUE_ID(tag)[] __used __section(".modinfo") \
		__aligned(1) = #tag "=" info

/*
 * The licenses Linux counts as GPL-compatible ("GPL", "GPL v2", "GPL and
 * additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL");
 * any other may not use EXPORT_SYMBOL_GPL symbols and taints the kernel.
 */
#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)

/* ---- the loader's interface (kernel/module.c) ---- */

/**
 * load_module - load a module from its ELF image and run its init
 * @image: the .ko file's bytes (not modified; the loader copies them)
 * @len: its length
 * @modp: if not NULL, gets the module on success
 *
 * The module's memory comes from the modules area only. Returns 0, or a
 * negative errno after one line saying why, with everything it took
 * given back: -ENOEXEC (not a module for this kernel: bad ELF, unknown
 * relocation, branch out of range, version magic), -ENOENT (unknown
 * symbol), -EEXIST (a module of that name is loaded), -ENOMEM, or what
 * the module's init returned.
 *
 * Context: process context; sleeps. Takes module_mutex from the name
 * check to the end of init, so loaders run one at a time (the module's
 * init must not load, unload or symbol_get()).
 */
int load_module(const void *image, unsigned long len, struct module **modp);

/**
 * delete_module - run a module's exit and free everything it holds
 * @name: the module's name
 *
 * Returns 0, -ENOENT (no such module), -EWOULDBLOCK (in use: other
 * modules use its symbols or it holds references) or -EBUSY (it has no
 * exit function, so it cannot be unloaded), each with one line.
 *
 * Context: process context; sleeps (module_mutex, held across exit).
 */
int delete_module(const char *name);

/**
 * request_module_load - insmod by name: load NAME.ko from the initramfs
 * @name: module name, without ".ko"
 *
 * Returns load_module()'s result, or -ENOENT with one line if the
 * initramfs holds no such file.
 */
int request_module_load(const char *name);

/*
 * The loaded module called name, or NULL. The caller holds module_mutex
 * (kernel/module.c) or knows no other loader runs (the self-tests).
 */
struct module *find_module(const char *name);
/* The loaded module whose memory holds addr, or NULL. */
struct module *__module_address(unsigned long addr);
bool is_module_address(unsigned long addr);
bool is_module_text_address(unsigned long addr);

/* Take or drop a reference that keeps mod from being unloaded. */
bool try_module_get(struct module *mod);
void module_put(struct module *mod);
/* Users of mod: references plus modules that use its symbols. */
int module_refcount(struct module *mod);

/*
 * The address of exported symbol name (kernel or module), taking a
 * reference on its module; NULL if there is none. __symbol_put drops it.
 * Both take module_mutex: process context.
 */
void *__symbol_get(const char *name);
void __symbol_put(const char *name);

/*
 * The loaded modules in /proc/modules' format, one pr_info line each;
 * process context (module_mutex).
 */
void show_modules(void);
/*
 * " name(flags)" of every module, for an oops's "Modules linked in:"; any
 * context, without module_mutex.
 */
void print_modules(void);
/* Number of loaded modules; process context (module_mutex). */
unsigned int nr_modules(void);

/*
 * kallsyms for module text: the function holding addr, its size and
 * offset, and the module's name; NULL if addr is in no module's text.
 */
const char *module_address_lookup(unsigned long addr, unsigned long *symbolsize,
				  unsigned long *offset, const char **modname);

/* Load the modules hikern.insmod= names (at boot, after the tests' setup). */
void load_boot_modules(void);

#endif /* _LINUX_MODULE_H */
