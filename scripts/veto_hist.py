"""Experiment ml: the veto on the predictions each past blind group met when it was scored blind.

For each set of blind groups 26–50 the extractor of the commit it was scored with (recorded in its
BLIND*_SCORE / POOLED file) read the set (predictions pickled by /tmp/hist/run_old.py); the veto is
fitted leave-one-file-out (every training file but that set) and applied to those predictions.
This is cross-validation on training files only: sets 51–55 are not read.
    python scripts/veto_hist.py /tmp/hist/*.pkl
"""
from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
import veto_train as vt  # noqa: E402
from cocontrol.plans import veto  # noqa: E402
from cocontrol.plans.evaluate import merge, score  # noqa: E402

TAUS = [0.0, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]


def main() -> None:
    data = pickle.loads(Path(os.environ.get("VETO_CACHE", "/tmp/veto_data.pkl")).read_bytes())
    names = [d[0] for d in data]
    old: dict[str, list] = {}
    for f in sys.argv[1:]:
        old.update(pickle.loads(Path(f).read_bytes()))
    res = {t: [] for t in TAUS}
    dropped = {t: [0, 0] for t in TAUS}  # (dropped right, dropped wrong)
    per_set = {}
    saved = {}
    for name in sorted(old, key=lambda n: int(n[5:].split("_")[0])):
        i = names.index(name)
        entries = data[i][1]
        tx = [x for j, d in enumerate(data) if j != i for x in d[2]]
        ty = [y for j, d in enumerate(data) if j != i for y in d[3]]
        m = vt.fit(tx, ty)
        per_set[name] = {}
        for (text, gold, _), preds in zip(entries, old[name]):
            targets = [SimpleNamespace(**p) for p in preds]
            feats = [veto.hashed(veto.features(text, *t.span, t.unit)) if t.span else [veto.hashed(["bias"])]
                     for t in targets]
            probs = list(m.predict_proba(vt.matrix(feats))[:, 1]) if feats else []
            saved.setdefault(name, []).append(probs)
            for tau in TAUS:
                keep = [t for t, p in zip(targets, probs) if p >= tau]
                s = score(keep, gold, text, relation=False)
                res[tau].append(s)
                per_set[name].setdefault(tau, []).append(s)
        print(name, "fitted", file=sys.stderr, flush=True)
    for tau in TAUS:
        s = merge(res[tau])
        print(f"tau {tau:.2f}: pooled P {s.precision:.4f} R {s.recall:.4f} min {min(s.precision, s.recall):.4f} "
              f"F1 {s.f1:.4f} hits {len(s.matched)} FP {len(s.false_positives)} FN {len(s.false_negatives)}")
    Path("/tmp/veto_hist_probs.pkl").write_bytes(pickle.dumps(saved))
    Path("/tmp/veto_hist_perset.pkl").write_bytes(pickle.dumps(
        {n: {t: (merge(v).precision, merge(v).recall) for t, v in d.items()} for n, d in per_set.items()}))


if __name__ == "__main__":
    main()
