#!/usr/bin/env python3
"""Accuracy on real held-out rows of a classifier trained on each of several training sets (issue 11).

Usage: accuracy.py TASKS.json  where TASKS.json is a list of
  {"name", "test": {"texts", "labels"}, "train": {VARIANT: {"texts", "labels"}}, "base": VARIANT}
Prints one JSON line per (task, model, variant): {"task", "model", "variant", "accuracy", "delta", "low", "high"},
where delta is the accuracy minus the base variant's and [low, high] its 95% paired bootstrap interval over the
test rows (1,000 resamples, seed 0). Two models, both TF-IDF + a linear SVM, because a scikit-learn user picks
one or the other: "word" is TfidfVectorizer's defaults (word unigrams and bigrams, lower-cased), "case" keeps
casing and punctuation (word 1-2-grams and char_wb 2-5-grams, lowercase=False), so style reaches the model.
"""
import json
import sys

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

# 1,000 resamples put the 2.5% and 97.5% points of a difference within about 0.1 point of their limit.
RESAMPLES = 1000


def featurizers(model):
    if model == "word":
        return [TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)]
    return [
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=False, token_pattern=r"(?u)\b\w+\b|[^\w\s]"),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=False, min_df=2),
    ]


def correct(model, train, test):
    parts = featurizers(model)
    x_train = hstack([f.fit_transform(train["texts"]) for f in parts]).tocsr()
    x_test = hstack([f.transform(test["texts"]) for f in parts]).tocsr()
    classifier = LinearSVC(C=1.0, random_state=0)
    classifier.fit(x_train, train["labels"])
    return (classifier.predict(x_test) == np.array(test["labels"])).astype(float)


def main():
    tasks = json.load(open(sys.argv[1], encoding="utf-8"))
    models = sys.argv[2].split(",") if len(sys.argv) > 2 else ["word", "case"]
    for task in tasks:
        test = task["test"]
        n = len(test["labels"])
        picks = np.random.default_rng(0).integers(0, n, size=(RESAMPLES, n))
        for model in models:
            hits = {variant: correct(model, train, test) for variant, train in task["train"].items()}
            base = hits[task["base"]]
            for variant, row_hits in hits.items():
                diff = row_hits - base
                boot = diff[picks].mean(axis=1)
                print(json.dumps({
                    "task": task["name"], "model": model, "variant": variant,
                    "accuracy": row_hits.mean(), "delta": diff.mean(),
                    "low": float(np.quantile(boot, 0.025)), "high": float(np.quantile(boot, 0.975)),
                }), flush=True)


if __name__ == "__main__":
    main()
