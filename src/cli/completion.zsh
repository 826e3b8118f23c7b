# The fixed part of dialdiff's zsh completion (src/cli/completion.zsh),
# after the data that `dialdiff completion zsh` makes from its tables.
# Kinds of values: list:A,B,C  dir  file(s)  series  rounds  rev(s)
# command  none.

# _dialdiff_kind SCOPE WORD: as in bash, in _dialdiff_k.
_dialdiff_kind() {
	local w
	_dialdiff_options "$1"
	_dialdiff_k='?'
	for w in ${=_dialdiff_o}; do
		case $w in
		("$2") _dialdiff_k=''; return ;;
		("$2"=*) _dialdiff_k=${w#*=}; return ;;
		esac
	done
}

_dialdiff_ask() {
	local prog=${words[1]}
	[[ $prog == '~'* ]] && prog=dialdiff
	$prog "${_dialdiff_ctx[@]}" __complete "$@" 2>/dev/null
}

_dialdiff_revs() {
	local -a refs
	compset -P '*...' || compset -P '*..'
	refs=(HEAD ${(f)"$(git ${_dialdiff_dir:+-C} ${_dialdiff_dir:+$_dialdiff_dir} \
		for-each-ref --format='%(refname:short)' refs/heads refs/tags \
		refs/remotes 2>/dev/null)"})
	compadd -a refs
}

_dialdiff_rounds() {
	local l
	local -a nums paths
	if compset -P '*@'; then
		_dialdiff_revs
		return
	fi
	if [[ $PREFIX == [./~]* ]]; then
		_files
		return
	fi
	for l in ${(f)"$(_dialdiff_ask rounds)"}; do
		case $l in
		(*/*) paths+=("$l") ;;
		(?*) nums+=("$l") ;;
		esac
	done
	if [[ $PREFIX == */* ]]; then
		compadd -a paths
	else
		[[ $PREFIX == ([0-9]*|) ]] && compadd -a nums
		compadd -S / -- ${(f)"$(_dialdiff_ask series)"}
	fi
	_files
}

_dialdiff_values() {
	case $1 in
	(list:*) compadd -- ${(s:,:)${1#list:}} ;;
	(dir) _directories ;;
	(file|files) _files ;;
	(series) compadd -- ${(f)"$(_dialdiff_ask series)"} ;;
	(rounds) _dialdiff_rounds ;;
	(rev|revs) _dialdiff_revs ;;
	(command) _command_names -e ;;
	esac
}

_dialdiff() {
	local cur=${words[CURRENT]} i=2 w cmd='' want='' wscope='' ddash=''
	local kind='' o _dialdiff_dir='' _dialdiff_k _dialdiff_o _dialdiff_a
	local -a _dialdiff_ctx opts
	while (( i < CURRENT )); do
		w=${words[i]}
		(( i++ ))
		if [[ -n $want ]]; then
			if [[ -z $wscope ]]; then
				case $want in
				(-C) _dialdiff_dir=$w; _dialdiff_ctx+=(-C "$w") ;;
				(--dialogues|--dir|--series|--rev|--taxonomy)
					_dialdiff_ctx+=("$want" "$w") ;;
				esac
			fi
			want=''
			continue
		fi
		[[ -n $ddash ]] && continue
		case $w in
		(--) [[ -n $cmd ]] && ddash=1 ;;
		(-*=*)	if [[ -z $cmd ]]; then
				case ${w%%=*} in
				(--dialogues|--dir|--series|--rev|--taxonomy)
					_dialdiff_ctx+=("$w") ;;
				esac
			fi ;;
		(-*)	_dialdiff_kind "$cmd" "$w"
			case $_dialdiff_k in
			(''|'?') ;;
			(*) want=$w; wscope=$cmd ;;
			esac ;;
		(*)	[[ -z $cmd ]] && cmd=$w ;;
		esac
	done
	if [[ -n $want ]]; then
		_dialdiff_kind "$wscope" "$want"
		kind=$_dialdiff_k
	elif [[ -z $ddash && $cur == -*=* ]]; then
		_dialdiff_kind "$cmd" "${cur%%=*}"
		kind=$_dialdiff_k
		compset -P '*='
	fi
	case $kind in
	(''|'?') ;;
	(*) _dialdiff_values "$kind"; return ;;
	esac
	if [[ -z $ddash && $cur == -* ]]; then
		_dialdiff_options "$cmd"
		for o in ${=_dialdiff_o}; do opts+=("${o%%=*}"); done
		compadd -a opts
		return
	fi
	if [[ -z $cmd ]]; then
		_describe -t commands 'dialdiff command' _dialdiff_described
		return
	fi
	_dialdiff_operands "$cmd"
	[[ -n $ddash ]] && _dialdiff_a=files
	_dialdiff_values "$_dialdiff_a"
}

# autoloaded from fpath (the file is the body of _dialdiff), or sourced
if [[ $funcstack[1] == _dialdiff ]]; then
	_dialdiff "$@"
else
	compdef _dialdiff dialdiff
fi
