# The fixed part of dialdiff's bash completion (src/cli/completion.bash),
# after the data that `dialdiff completion bash` makes from its tables.
# Kinds of values: list:A,B,C  dir  file(s)  series  rounds  rev(s)
# command  none.

# _dialdiff_kind SCOPE WORD: the kind of value option WORD takes in
# _dialdiff_k: '' when it takes none, '?' when SCOPE has no such option.
_dialdiff_kind() {
	local w
	_dialdiff_options "$1"
	_dialdiff_k='?'
	for w in $_dialdiff_o; do
		case $w in
		"$2") _dialdiff_k=''; return ;;
		"$2"=*) _dialdiff_k=${w#*=}; return ;;
		esac
	done
}

# The tool itself says what the record holds; never a word on the terminal.
_dialdiff_ask() {
	local prog=${COMP_WORDS[0]}
	case $prog in "~"*) prog=dialdiff ;; esac
	"$prog" "${_dialdiff_ctx[@]}" __complete "$@" 2>/dev/null
}

# _dialdiff_revs CUR [PREFIX]: revisions, and ranges A..B, A...B.
_dialdiff_revs() {
	local cur=$1 pre=${2-} refs
	case $cur in
	*...*) pre=$pre${cur%...*}...; cur=${cur##*...} ;;
	*..*) pre=$pre${cur%..*}..; cur=${cur##*..} ;;
	esac
	refs=$(git ${_dialdiff_dir:+-C "$_dialdiff_dir"} for-each-ref \
		--format='%(refname:short)' refs/heads refs/tags refs/remotes \
		2>/dev/null)
	COMPREPLY=($(compgen -P "$pre" -W "HEAD $refs" -- "$cur"))
}

# _dialdiff_rounds CUR: N, SERIES/N, N@REV, or a round file.
_dialdiff_rounds() {
	local cur=$1 l nums='' paths=''
	case $cur in
	*@*) _dialdiff_revs "${cur#*@}" "${cur%%@*}@"; return ;;
	[./~]*) compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac
	while IFS= read -r l; do
		case $l in
		*/*) paths="$paths $l" ;;
		?*) nums="$nums $l" ;;
		esac
	done <<EOF
$(_dialdiff_ask rounds)
EOF
	case $cur in
	*/*) COMPREPLY=($(compgen -W "$paths" -- "$cur")) ;;
	''|[0-9]*) COMPREPLY=($(compgen -W "$nums" -- "$cur")) ;;
	esac
	if [ ${#COMPREPLY[@]} -eq 0 ] && [ "${cur#*/}" = "$cur" ]; then
		# SERIES/N: the series first
		COMPREPLY=($(compgen -S / -W "$(_dialdiff_ask series)" -- "$cur"))
		compopt -o nospace 2>/dev/null
	fi
	if [ ${#COMPREPLY[@]} -eq 0 ]; then
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}

# _dialdiff_values KIND CUR: fill COMPREPLY.
_dialdiff_values() {
	local cur=$2 v
	case $1 in
	list:*) v=${1#list:}; COMPREPLY=($(compgen -W "${v//,/ }" -- "$cur")) ;;
	dir) compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -d -- "$cur")) ;;
	file|files) compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur")) ;;
	series) COMPREPLY=($(compgen -W "$(_dialdiff_ask series)" -- "$cur")) ;;
	rounds) _dialdiff_rounds "$cur" ;;
	rev|revs) _dialdiff_revs "$cur" ;;
	command) COMPREPLY=($(compgen -c -- "$cur")) ;;
	*) COMPREPLY=() ;;
	esac
}

_dialdiff() {
	local cur=${COMP_WORDS[COMP_CWORD]} i=1 w cmd='' want='' wscope=''
	local ddash='' kind='' pre='' o v
	local _dialdiff_dir=''
	local -a _dialdiff_ctx=()
	COMPREPLY=()
	# what the words before the cursor say: the command, the global
	# options that choose the record, an option waiting for its value
	while [ "$i" -lt "$COMP_CWORD" ]; do
		w=${COMP_WORDS[i]}
		i=$((i + 1))
		if [ -n "$want" ]; then
			[ "$w" = = ] && continue	# bash splits --opt=value
			if [ -z "$wscope" ]; then
				case $want in
				-C) _dialdiff_dir=$w
					_dialdiff_ctx+=(-C "$w") ;;
				--dialogues|--dir|--series|--rev|--taxonomy)
					_dialdiff_ctx+=("$want" "$w") ;;
				esac
			fi
			want=''
			continue
		fi
		[ -n "$ddash" ] && continue
		case $w in
		--) [ -n "$cmd" ] && ddash=1 ;;
		-*=*)	if [ -z "$cmd" ]; then
				case ${w%%=*} in
				--dialogues|--dir|--series|--rev|--taxonomy)
					_dialdiff_ctx+=("$w") ;;
				esac
			fi ;;
		-*)	_dialdiff_kind "$cmd" "$w"
			case $_dialdiff_k in
			''|'?') ;;
			*) want=$w; wscope=$cmd ;;
			esac ;;
		*)	[ -z "$cmd" ] && cmd=$w ;;
		esac
	done
	if [ -n "$want" ]; then
		_dialdiff_kind "$wscope" "$want"
		kind=$_dialdiff_k
		[ "$cur" = = ] && cur=''
	elif [ -z "$ddash" ]; then
		case $cur in
		-*=*) _dialdiff_kind "$cmd" "${cur%%=*}"
			kind=$_dialdiff_k; pre=${cur%%=*}=; cur=${cur#*=} ;;
		esac
	fi
	case $kind in
	''|'?') ;;
	*)	_dialdiff_values "$kind" "$cur"
		[ -n "$pre" ] && COMPREPLY=("${COMPREPLY[@]/#/$pre}")
		return 0 ;;
	esac
	if [ -z "$ddash" ] && [ "${cur#-}" != "$cur" ]; then
		_dialdiff_options "$cmd"
		v=''
		for o in $_dialdiff_o; do v="$v ${o%%=*}"; done
		COMPREPLY=($(compgen -W "$v" -- "$cur"))
		return 0
	fi
	if [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "$_dialdiff_commands" -- "$cur"))
		return 0
	fi
	_dialdiff_operands "$cmd"
	[ -n "$ddash" ] && _dialdiff_a=files
	_dialdiff_values "$_dialdiff_a" "$cur"
	return 0
}

complete -F _dialdiff dialdiff
