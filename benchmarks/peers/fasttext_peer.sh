#!/usr/bin/env bash
# fastText peer row: word bigrams, 25 epochs, Debian's fasttext CLI.
# Usage: fasttext_peer.sh DATASET_DIR   (train.tsv/test.tsv as label<TAB>text)
set -euo pipefail
D="$1"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
for s in train test; do
  # fastText wants "__label__X text", one document a line; lowercase, punctuation split off
  /usr/bin/python3 -c '
import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    label, _, text = line.rstrip("\n").partition("\t")
    print("__label__" + label, re.sub(r"([^\w\s])", r" \1 ", text.lower()))
' "$D/$s.tsv" > "$T/$s.txt"
done
s0=$(date +%s.%N)
fasttext supervised -input "$T/train.txt" -output "$T/model" -wordNgrams 2 -epoch 25 -thread 1 -verbose 0 -seed 1 >/dev/null
s1=$(date +%s.%N)
fasttext predict "$T/model.bin" "$T/test.txt" > "$T/pred.txt"
s2=$(date +%s.%N)
/usr/bin/python3 - "$T/test.txt" "$T/pred.txt" "$D" "$s0" "$s1" "$s2" <<'PY'
import sys
from sklearn.metrics import accuracy_score, f1_score
gold = [l.split(" ", 1)[0] for l in open(sys.argv[1], encoding="utf-8")]
pred = [l.strip() for l in open(sys.argv[2], encoding="utf-8")]
s0, s1, s2 = map(float, sys.argv[4:7])
print("| %s | fastText (bigrams, 25 epochs, 1 thread) | %.4f | %.4f | %.1f | %.0f (incl. model load) |" % (
    sys.argv[3].rstrip("/").split("/")[-1], accuracy_score(gold, pred),
    f1_score(gold, pred, average="macro"), s1 - s0, len(gold) / (s2 - s1)))
PY
