"""Experiment ml (issue 10): train and cross-validate the learned target/report veto.

    python scripts/veto_train.py cv      # leave-one-file-out CV: AUC, extractor alone vs +veto per τ
    python scripts/veto_train.py train   # fit on every training file, write src/cocontrol/plans/data/veto.json
    python scripts/veto_train.py blind DIR FILES…   # one-time measure on held-out sets (never used to fit)

Training files: tests/plans/gold/unseen/*.yaml, the five seeds 00*.yaml, other_provinces.yaml,
holdout_a.yaml, holdout_b.yaml. A candidate is a number with a unit (``find_quantities``); it is a
positive when it lies in a gold anchor (certain or uncertain) and its value agrees. Needs scikit-learn
(the `test` extra); the shipped inference (``cocontrol.plans.veto``) does not.
"""

from __future__ import annotations

import math
import os
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cocontrol.demo import seeds_dir  # noqa: E402
from cocontrol.plans import veto  # noqa: E402
from cocontrol.plans.evaluate import GoldTarget, load_gold, locate, merge, score  # noqa: E402
from cocontrol.plans.quantities import find_quantities  # noqa: E402
from cocontrol.plans.reader import read_document  # noqa: E402

GOLD = ROOT / "tests" / "plans" / "gold"
SEED = 20261207
C = float(os.environ.get("VETO_C", "1.0"))


def training_files() -> list[Path]:
    return sorted(GOLD.glob("unseen/*.yaml")) + sorted(GOLD.glob("00*.yaml")) + [
        GOLD / "other_provinces.yaml", GOLD / "holdout_a.yaml", GOLD / "holdout_b.yaml"]


def load(path: Path) -> list[tuple[str, list[GoldTarget], str | None]]:
    """(text, gold, source) of every entry of a gold file."""
    if path.name.startswith("00"):
        seed, gold = load_gold(path)
        return [(read_document(seeds_dir() / seed).text, gold, seed)]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for e in data:
        text = (path.parent / e["file"]).read_text(encoding="utf-8") if "file" in e else e["text"]
        out.append((text, [GoldTarget.model_validate(t) for t in e.get("targets") or []], e.get("file")))
    return out


def label(text: str, gold: list[GoldTarget], start: int, end: int, value: float | None) -> int:
    for g in gold:
        where = locate(g.anchor, g.occurrence, text)
        if where and start < where[1] and where[0] < end and (
                g.value is None or value is None or math.isclose(g.value, value, rel_tol=2e-3)):
            return 1
    return 0


def candidates(text: str, gold: list[GoldTarget]) -> tuple[list[list[int]], list[int]]:
    xs, ys = [], []
    for q in find_quantities(text):
        xs.append(veto.hashed(veto.features(text, q.start, q.end, q.unit)))
        ys.append(label(text, gold, q.start, q.end, q.value))
    return xs, ys


def extractor_predictions(entries, extract_plan):  # type: ignore[no-untyped-def]
    out = []
    for text, gold, source in entries:
        doc = extract_plan(text, source=source)
        feats = [veto.hashed(veto.features(text, *t.span, t.unit)) if t.span else [] for t in doc.targets]
        out.append((doc.targets, feats))
    return out


def dataset(extract_plan, cache: Path | None = None):  # type: ignore[no-untyped-def]
    """Per training file: entries, candidate features and labels, extractor predictions with features."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    data = []
    for path in training_files():
        entries = load(path)
        cx, cy = [], []
        for text, gold, _ in entries:
            x, y = candidates(text, gold)
            cx += x
            cy += y
        data.append((path.name, entries, cx, cy, extractor_predictions(entries, extract_plan)))
    if cache:
        cache.write_bytes(pickle.dumps(data))
    return data


def matrix(rows: list[list[int]]):  # type: ignore[no-untyped-def]
    from scipy.sparse import csr_matrix
    indptr = np.cumsum([0] + [len(r) for r in rows])
    idx = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(indptr[-1]))
    return csr_matrix((np.ones(len(idx)), idx, indptr), shape=(len(rows), veto.DIM))


def fit(xs: list[list[int]], ys: list[int]):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression
    m = LogisticRegression(C=C, max_iter=2000, solver="liblinear", random_state=SEED)
    m.fit(matrix(xs), np.array(ys))
    return m


def vetoed_scores(entries, preds, probs, tau):  # type: ignore[no-untyped-def]
    ss = []
    k = 0
    for (text, gold, _), (targets, _feats) in zip(entries, preds):
        keep = [t for j, t in enumerate(targets) if probs[k + j] >= tau]
        k += len(targets)
        ss.append(score(keep, gold, text, relation=False))
    return ss


TAUS = [0.0, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]


def cv(data) -> None:  # type: ignore[no-untyped-def]
    from sklearn.metrics import roc_auc_score
    all_y, all_p = [], []
    per_tau: dict[float, list] = {t: [] for t in TAUS}
    pred_p_all = []
    for i, (name, entries, cx, cy, preds) in enumerate(data):
        tx = [x for j, d in enumerate(data) if j != i for x in d[2]]
        ty = [y for j, d in enumerate(data) if j != i for y in d[3]]
        m = fit(tx, ty)
        if cx:
            all_p += list(m.predict_proba(matrix(cx))[:, 1])
            all_y += cy
        pf = [f for _, feats in preds for f in feats]
        pp = list(m.predict_proba(matrix(pf))[:, 1]) if pf else []
        pred_p_all.append(pp)
        for t in TAUS:
            per_tau[t].append(merge(vetoed_scores(entries, preds, pp, t)))
        print(f"{i + 1}/{len(data)} {name}", file=sys.stderr, flush=True)
    print(f"candidates {len(all_y)}, positives {sum(all_y)}, LOFO AUC {roc_auc_score(all_y, all_p):.4f}")
    for t in TAUS:
        s = merge(per_tau[t])
        print(f"tau {t:.2f}: pooled P {s.precision:.4f} R {s.recall:.4f} min {min(s.precision, s.recall):.4f} "
              f"F1 {s.f1:.4f} hits {len(s.matched)} FP {len(s.false_positives)} FN {len(s.false_negatives)}")
    Path(os.environ.get("VETO_CV_OUT", "/tmp/veto_cv.pkl")).write_bytes(pickle.dumps(pred_p_all))


def blind(folder: Path, names: list[str]) -> None:
    """Extractor alone vs extractor + the shipped veto (data/veto.json), per set and pooled."""
    from cocontrol.plans.extract import extract_plan
    _, _, tau = veto.model()
    keep = veto.keep
    veto.keep = lambda text, targets: targets  # the extractor alone (its hook calls veto.keep)
    alone_all, veto_all = [], []
    for name in names:
        alone, vetoed = [], []
        for text, gold, source in load(folder / name):
            targets = extract_plan(text, source=source).targets
            kept = keep(text, targets)
            alone.append(score(targets, gold, text, relation=False))
            vetoed.append(score(kept, gold, text, relation=False))
        a, v = merge(alone), merge(vetoed)
        alone_all.append(a)
        veto_all.append(v)
        print(f"{name:26s} alone P {a.precision:.3f} R {a.recall:.3f} (FP {len(a.false_positives)} FN "
              f"{len(a.false_negatives)}) | +veto P {v.precision:.3f} R {v.recall:.3f} (FP {len(v.false_positives)} "
              f"FN {len(v.false_negatives)})")
    a, v = merge(alone_all), merge(veto_all)
    print(f"{'POOLED':26s} alone P {a.precision:.3f} R {a.recall:.3f} (FP {len(a.false_positives)} FN "
          f"{len(a.false_negatives)}) | +veto P {v.precision:.3f} R {v.recall:.3f} (FP {len(v.false_positives)} "
          f"FN {len(v.false_negatives)})  tau {tau}")


def main() -> None:
    from cocontrol.plans.extract import extract_plan
    cmd = sys.argv[1]
    cache = Path(os.environ.get("VETO_CACHE", "/tmp/veto_data.pkl"))
    if cmd == "cv":
        cv(dataset(extract_plan, cache))
    elif cmd == "blind":
        blind(Path(sys.argv[2]), sys.argv[3:])
    elif cmd == "train":
        data = dataset(extract_plan, cache)
        m = fit([x for d in data for x in d[2]], [y for d in data for y in d[3]])
        w = m.coef_[0]
        nz = {int(i): round(float(w[i]), 6) for i in np.flatnonzero(np.abs(w) > 1e-6)}
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True,
                                text=True).stdout.strip()
        out = {
            "source": {"gold": [str(p.relative_to(ROOT)) for p in training_files()], "commit": commit,
                       "command": "python scripts/veto_train.py train", "C": C, "seed": SEED,
                       "model": "scikit-learn LogisticRegression(liblinear, L2)", "dim": veto.DIM},
            "threshold": float(os.environ.get("VETO_TAU", "0.7")),
            "applies_to": "targets without a year",
            "intercept": round(float(m.intercept_[0]), 6),
            "weights": nz,
        }
        dest = ROOT / "src" / "cocontrol" / "plans" / "data" / "veto.json"
        dest.parent.mkdir(exist_ok=True)
        import json
        dest.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {dest} ({len(nz)} weights)")


if __name__ == "__main__":
    main()
