#!/bin/sh
# Generate the kallsyms table (assembly) from an ELF's text symbols.
# Usage: kallsyms.sh NM ELF > out.S   (with no ELF: an empty table)
nm=$1
elf=$2
{
	if [ -n "$elf" ]; then
		"$nm" -n "$elf" | awk '$2 ~ /^[tTwW]$/ && $3 !~ /^\$/ && $3 !~ /^\./ { print $1, $3 }'
	fi
} | awk '
BEGIN { n = 0 }
{ if ($1 != last) { addr[n] = $1; name[n] = $2; n++; last = $1 } }
END {
	print "\t.section .kallsyms, \"a\""
	print "\t.align 2"
	print "\t.globl kallsyms_num_syms, kallsyms_addresses, kallsyms_names, kallsyms_strings"
	print "kallsyms_num_syms:\n\t.long " n
	print "kallsyms_addresses:"
	for (i = 0; i < n; i++) print "\t.long 0x" addr[i]
	print "kallsyms_names:"
	off = 0
	for (i = 0; i < n; i++) { print "\t.long " off; off += length(name[i]) + 1 }
	print "kallsyms_strings:"
	for (i = 0; i < n; i++) print "\t.asciz \"" name[i] "\""
}'
