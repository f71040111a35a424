"""Best pairwise F1 a supervised learner reaches on the pairs dump-pairs.ts wrote, against the linker's
own weights. A diagnostic, not part of CTIS: it needs Debian's python3-sklearn and python3-pandas
(apt-get install -y python3-sklearn python3-pandas).

Persons are split in two halves by a hash of their id; a gradient-boosted classifier learns from one
half's pairs with the true labels and ranks the other half's. For each ranking the best F1 over all
thresholds is printed, counting as missed the true pairs no blocking rule compared (TRUE_PAIRS, from
dump-pairs.ts, shared out by each half's share of compared true pairs).

    /usr/bin/python3 scripts/linkage-ceiling/ceiling.py /tmp/pairs.csv 45371
"""
import sys
import zlib

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier

pairs = pd.read_csv(sys.argv[1])
true_pairs = int(sys.argv[2])
half = pairs["person"].map(lambda p: zlib.crc32(p.encode()) % 2)
features = [c for c in pairs.columns if c not in ("label", "person")]
categorical = [c.endswith("_lvl") for c in features]


def matrix(frame):
    # Levels are categories; -1 (missing) becomes 0.
    return frame[features].astype(float).assign(**{c: frame[c] + 1 for c in features if c.endswith("_lvl")})


def best_f1(labels, scores, total_true):
    order = np.argsort(-scores)
    tp = np.cumsum(labels[order])
    predicted = np.arange(1, len(order) + 1)
    f1 = 2 * tp / (predicted + total_true)
    k = f1.argmax()
    return f1[k], tp[k] / predicted[k], tp[k] / total_true


for test in (0, 1):
    train, held = pairs[half != test], pairs[half == test]
    model = HistGradientBoostingClassifier(max_iter=300, categorical_features=categorical, random_state=0)
    model.fit(matrix(train), train["label"])
    learned = model.predict_proba(matrix(held))[:, 1]
    total = true_pairs * held["label"].sum() / pairs["label"].sum()
    labels = held["label"].values
    print(
        "half %d: supervised best pairwise F1 %.4f (P %.4f R %.4f); linker's weights best F1 %.4f (P %.4f R %.4f)"
        % (test, *best_f1(labels, learned, total), *best_f1(labels, held["weight"].values, total))
    )
