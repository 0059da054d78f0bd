#!/usr/bin/python3
"""scikit-learn peer rows for docs/BENCHMARKS.md (classifier section).

Usage: /usr/bin/python3 sklearn_peers.py DATASET_DIR [DATASET_DIR...]
Each DATASET_DIR holds train.tsv / test.tsv (label<TAB>text) written by
../shared/datasets/get_*.sh. Prints one Markdown row per model and data set:
accuracy, macro-F1, training seconds, single-thread prediction docs/s
(vectorize + predict over the test split).
"""
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC


def read(path):
    labels, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            label, _, text = line.rstrip("\n").partition("\t")
            labels.append(label)
            texts.append(text)
    return texts, labels


MODELS = {
    "TF-IDF(1-2, sublinear) + LinearSVC": lambda: make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), LinearSVC()),
    "TF-IDF(1-2, sublinear) + ComplementNB": lambda: make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), ComplementNB()),
}

for d in sys.argv[1:]:
    xtr, ytr = read(d + "/train.tsv")
    xte, yte = read(d + "/test.tsv")
    for name, make in MODELS.items():
        model = make()
        t0 = time.perf_counter()
        model.fit(xtr, ytr)
        train_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        pred = model.predict(xte)
        pred_s = time.perf_counter() - t0
        print("| %s | %s | %.4f | %.4f | %.1f | %.0f |" % (
            d.rstrip("/").split("/")[-1], name, accuracy_score(yte, pred),
            f1_score(yte, pred, average="macro"), train_s, len(xte) / pred_s), flush=True)
