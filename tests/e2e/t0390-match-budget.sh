#!/bin/sh
# A taxonomy of slow patterns over long labels: each match stays under the
# match limit, but patterns x labels would keep check busy for minutes.
# The budget of match time stops it, names the slowest pattern, and the
# run ends within seconds.
. "$(dirname "$0")/lib.sh"

mkdir -p dialogues/s
python3 - <<'PY'
import json
entries = [{"id": "e%d" % i, "name": {"en": "E%d" % i}, "patterns": ["^(a+)+$"]} for i in range(300)]
json.dump({"schema_version": 1, "sections": [{"id": "s", "title": {"en": "S"}, "entries": entries}]},
          open("dialogues/taxonomy.json", "w"), indent=1)
json.dump({"schema_version": 1, "id": "s", "title": {"en": "S"}}, open("dialogues/s/series.json", "w"))
for n in (1, 2):
    items = [{"label": {"en": "a" * 18 + "b%d" % i}} for i in range(n * 20)]
    json.dump({"schema_version": 1, "series": "s", "round": n, "date": "2020-0%d-01" % n,
               "title": {"en": "R"}, "topics": {"s": items}}, open("dialogues/s/round-0%d.json" % n, "w"))
PY

export DIALDIFF_MATCH_BUDGET=0.5
run timeout 120 "$DIALDIFF" --format json check
is "$STATUS" 1 "check stops classifying when the budget is spent: exit 1, not a hang"
is "$(printf '%s\n' "$OUT" | jq -r '[.diagnostics[] | select(.rule == "taxonomy-too-slow")] | length')" 1 "one taxonomy-too-slow diagnostic"
like "$(printf '%s\n' "$OUT" | jq -r '.diagnostics[] | select(.rule == "taxonomy-too-slow") | "\(.file):\(.line) \(.message)"')" \
     '^dialogues/taxonomy.json:[0-9]+ classification used up its budget of 0.5 s: .*slowest pattern is "\^\(a\+\)\+\$"' \
     "it names the slowest pattern, at its place in the taxonomy"
run timeout 120 "$DIALDIFF" diff 1 2
is "$STATUS" 2 "outside check: exit 2"
like "$ERR" "^dialdiff: dialogues/taxonomy.json:[0-9]+:[0-9]+: classification used up its budget" "with the message"
is "$(printf '%s' "$OUT" | wc -c)" 0 "and nothing on stdout"

done_testing
