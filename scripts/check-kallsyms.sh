#!/bin/sh
# The kallsyms table is only true if the second link moved no function.
nm=$1
a=$("$nm" -n "$2" | awk '$2 ~ /^[tT]$/' | md5sum)
b=$("$nm" -n "$3" | awk '$2 ~ /^[tT]$/' | md5sum)
if [ "$a" != "$b" ]; then
	echo "kallsyms: text moved between links" >&2
	exit 1
fi
