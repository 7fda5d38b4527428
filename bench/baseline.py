#!/usr/bin/env python3
"""The plain two-sample baseline the detector is compared with (issue 9).

TF-IDF of word 1-2-grams and char_wb 2-5-grams (sublinear_tf, lowercase=False, min_df=2), logistic regression
(C=4, class_weight="balanced"), 5-fold stratified out-of-fold AUC, at most 3,000 rows a side (seeded sample).

Usage: baseline.py PAIRS.json  where PAIRS.json is a list of {"name", "real": [texts], "synthetic": [texts]}.
Prints one JSON line per pair: {"name", "auc", "seconds", "real", "synthetic"}.
The benchmark (bench/detector.ts) writes the pairs, so both tools see exactly the same rows.
"""
import json
import sys
import time

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

MAX_PER_SIDE = 3000


def oof_auc(real, synthetic, seed=0):
    rng = np.random.default_rng(seed)
    if len(real) > MAX_PER_SIDE:
        real = [real[i] for i in rng.choice(len(real), MAX_PER_SIDE, replace=False)]
    if len(synthetic) > MAX_PER_SIDE:
        synthetic = [synthetic[i] for i in rng.choice(len(synthetic), MAX_PER_SIDE, replace=False)]
    texts = list(real) + list(synthetic)
    y = np.array([0] * len(real) + [1] * len(synthetic))
    scores = np.zeros(len(texts))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(texts, y):
        word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=False, min_df=2)
        char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=False, min_df=2)
        train_texts = [texts[i] for i in train]
        test_texts = [texts[i] for i in test]
        x_train = hstack([word.fit_transform(train_texts), char.fit_transform(train_texts)]).tocsr()
        x_test = hstack([word.transform(test_texts), char.transform(test_texts)]).tocsr()
        model = LogisticRegression(C=4, class_weight="balanced", max_iter=1000)
        model.fit(x_train, y[train])
        scores[test] = model.predict_proba(x_test)[:, 1]
    return roc_auc_score(y, scores), len(real), len(synthetic)


def main():
    pairs = json.load(open(sys.argv[1], encoding="utf-8"))
    for pair in pairs:
        start = time.time()
        auc, n_real, n_synthetic = oof_auc(pair["real"], pair["synthetic"])
        print(json.dumps({"name": pair["name"], "auc": round(auc, 4), "seconds": round(time.time() - start, 2), "real": n_real, "synthetic": n_synthetic}), flush=True)


if __name__ == "__main__":
    main()
