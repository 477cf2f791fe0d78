/* Linker-script symbols (see linker.ld), with Linux's names. */
#ifndef _ASM_SECTIONS_H
#define _ASM_SECTIONS_H

extern char _text[], _stext[], _etext[];
extern char __start_rodata[], __end_rodata[];
extern char __init_begin[], __init_end[], _sinittext[], _einittext[];
extern char __init_data_begin[];
extern char _sdata[], _edata[];
extern char __bss_start[], __bss_stop[], _end[];
extern char __idmap_text_start[], __idmap_text_end[];
extern char __kallsyms_start[], __kallsyms_end[];

#endif /* _ASM_SECTIONS_H */
