"""Experiment ml, CV 2: pickle the predictions an OLD extractor makes on gold sets (model_dump per entry).

The commits the blind groups were scored with once, and how the predictions were made (2026-12-06):
    for c in 971fc2d 7e6e612 b0a74ee 9846df1 9c551d1 c0de8fa 42309ea 4b55ba4; do
        mkdir -p /tmp/ext_$c && git archive $c src | tar -x -C /tmp/ext_$c; done
    cd tests/plans/gold/unseen
    PYTHONPATH=/tmp/ext_971fc2d/src python ../../../../scripts/veto_old_predictions.py /tmp/hist/971fc2d.pkl blind2[678]_sentences.yaml
    (7e6e612: 29 30; b0a74ee: 31–34; 9846df1: 35 36; 9c551d1: 37–40; c0de8fa: 41–43; 42309ea: 44 47;
     4b55ba4: 45 46 48 49 50)
then  python scripts/veto_hist.py /tmp/hist/*.pkl
"""
import sys, pickle, yaml
from pathlib import Path
from cocontrol.plans.extract import extract_plan
import cocontrol.plans.extract as E
out = {}
for f in sys.argv[2:]:
    path = Path(f)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    res = []
    for e in data:
        text = (path.parent / e["file"]).read_text(encoding="utf-8") if "file" in e else e["text"]
        doc = extract_plan(text, source=e.get("file"))
        res.append([t.model_dump(mode="python") for t in doc.targets])
    out[path.name] = res
Path(sys.argv[1]).write_bytes(pickle.dumps(out))
print(E.__file__, len(out))
