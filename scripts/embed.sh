#!/bin/sh
# embed.sh NAME FILE [NAME FILE...]: C source defining, for each FILE, the
# array NAME of its lines (each with its newline), ending in NULL, so that
# the binary carries the text (the manual page, the completion scripts).
set -eu
echo '/* made by scripts/embed.sh from the files named below: do not edit */'
echo '#include <stddef.h>'
while [ $# -ge 2 ]; do
	echo
	echo "/* $2 */"
	echo "const char *const $1[] = {"
	# backslash, quote, tab and '?' (no trigraph) escaped
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/	/\\t/g' -e 's/?/\\?/g' \
		-e 's/^/	"/' -e 's/$/\\n",/' "$2"
	echo '	NULL'
	echo '};'
	shift 2
done
