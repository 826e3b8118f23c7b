# The fixed part of dialdiff's fish completion (src/cli/completion.fish),
# after the data that `dialdiff completion fish` makes from its tables.

# The command: the first word after the global options (and their values).
function __fish_dialdiff_cmd
    set -l toks (commandline -opc)
    set -e toks[1]
    set -l skip 0
    for t in $toks
        if test $skip = 1
            set skip 0
            continue
        end
        if contains -- $t $__fish_dialdiff_valued
            set skip 1
        else if not string match -q -- '-*' $t
            echo $t
            return 0
        end
    end
    return 1
end

function __fish_dialdiff_using
    set -l c (__fish_dialdiff_cmd); or return 1
    contains -- $c $argv
end

# The global options that choose the record, for __complete.
function __fish_dialdiff_ctx
    set -l toks (commandline -opc)
    set -e toks[1]
    set -l want ''
    for t in $toks
        if test -n "$want"
            if contains -- $want -C --dialogues --dir --series --rev --taxonomy
                echo -- $want
                echo -- $t
            end
            set want ''
        else if contains -- $t $__fish_dialdiff_valued
            set want $t
        else if not string match -q -- '-*' $t
            return 0
        end
    end
end

function __fish_dialdiff_ask
    set -l prog (commandline -opc)[1]
    command $prog (__fish_dialdiff_ctx) __complete $argv 2>/dev/null
end

function __fish_dialdiff_revs
    set -l t (commandline -ct)
    # (an empty list would empty every word it is joined to)
    set -l pre (string match -r -- '^.*\.\.\.?' $t; or echo '')
    set -l ctx (__fish_dialdiff_ctx)
    set -l git git
    if set -l i (contains -i -- -C $ctx)
        set git git -C $ctx[(math $i + 1)]
    end
    for r in HEAD ($git for-each-ref --format='%(refname:short)' refs/heads refs/tags refs/remotes 2>/dev/null)
        echo $pre$r
    end
end

function __fish_dialdiff_rounds
    set -l t (commandline -ct)
    if string match -q -- '*@*' $t
        set -l n (string replace -r -- '@.*' '' $t)
        for r in (__fish_dialdiff_revs)
            echo $n@$r
        end
        return
    end
    __fish_dialdiff_ask rounds
    __fish_complete_path $t
end
