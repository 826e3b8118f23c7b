# diff_peer.jq - the set difference that `dialdiff diff` computes, in jq:
# a peer for the benchmark.
#
#   jq -n -f diff_peer.jq A.json B.json
#
# Per section (every section id of either round, sorted), on the items'
# explicit ids (else the English label): added = in B only, dropped = in A
# only, kept = in both, changed = kept items whose label, action or note
# differ.  Prints the same shape as diff_peer.py.

def key: .id // .["label"].en // "";
def index_by_key: reduce .[] as $it ({}; setpath([$it | key]; $it));
def fields: {"label": .["label"], "action": .action, "note": .note};

[inputs] as [$a, $b]
| (($a.topics // {}) | keys) + (($b.topics // {}) | keys) | unique
| map(. as $s
    | ($a.topics[$s] // []) as $ia
    | ($b.topics[$s] // []) as $ib
    | ($ia | index_by_key) as $ma
    | ($ib | index_by_key) as $mb
    | { id: $s,
        added: [$ib[] | key | select($ma[.] == null)],
        dropped: [$ia[] | key | select($mb[.] == null)],
        kept: [$ib[] | key | select($ma[.] != null)],
        changed: [$ib[] | key as $k | select($ma[$k] != null)
                  | select(($ma[$k] | fields) != ($mb[$k] | fields)) | $k] })
| { sections: .,
    summary: { added: (map(.added | length) | add // 0),
               kept: (map(.kept | length) | add // 0),
               dropped: (map(.dropped | length) | add // 0),
               changed: (map(.changed | length) | add // 0) } }
