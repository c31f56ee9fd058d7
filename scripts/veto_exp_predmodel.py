# Experiment ml, CV 2 variants: a model of the predictions themselves ("preds") or of candidates + predictions ("both").
# python scripts/veto_exp_predmodel.py preds|both [C]  (needs /tmp/veto_data.pkl from veto_train.py and /tmp/hist/*.pkl)
import pickle, sys, glob, numpy as np
from types import SimpleNamespace
sys.path.insert(0,'src'); sys.path.insert(0,'scripts')
import veto_train as vt
from cocontrol.plans import veto
from cocontrol.plans.evaluate import score, merge
from sklearn.metrics import roc_auc_score
from sklearn.linear_model import LogisticRegression
MODE=sys.argv[1]  # preds | both
data = pickle.load(open('/tmp/veto_data.pkl','rb'))
names=[d[0] for d in data]
old={}
for f in glob.glob('/tmp/hist/[0-9a-f]*.pkl'): old.update(pickle.load(open(f,'rb')))
def pfeats(text,t):
    f=veto.features(text,*t.span,t.unit) if t.span else ["bias"]
    f+= ["p:year" if t.year is not None else "p:noyear", "p:rel"+str(t.relation), "p:strive%s"%t.strive, "p:cum%s"%t.cumulative, "p:approx%s"%t.approx]
    return veto.hashed(f)
sets={}
for name in old:
    entries=data[names.index(name)][1]
    items=[]; X=[]; Y=[]
    for (text,gold,_),preds in zip(entries, old[name]):
        ts=[SimpleNamespace(**p) for p in preds]
        s=score(ts,gold,text,relation=False)
        hit={id(p) for p,_ in s.matched}; fp={id(p) for p in s.false_positives}
        fs=[pfeats(text,t) for t in ts]
        for t,f in zip(ts,fs):
            if id(t) in hit or id(t) in fp: X.append(f); Y.append(1 if id(t) in hit else 0)
        items.append((text,gold,ts,fs))
    sets[name]=(items,X,Y)
print("sets",len(sets),"rows",sum(len(v[1]) for v in sets.values()))
allp={}
for name in sets:
    X=[x for n,v in sets.items() if n!=name for x in v[1]]; Y=[y for n,v in sets.items() if n!=name for y in v[2]]
    if MODE=="both":
        i=names.index(name)
        X+= [x for j,d in enumerate(data) if j!=i for x in d[2]]; Y+=[y for j,d in enumerate(data) if j!=i for y in d[3]]
    m=LogisticRegression(C=float(sys.argv[2]) if len(sys.argv)>2 else 1.0,max_iter=2000,solver="liblinear",random_state=1).fit(vt.matrix(X),np.array(Y))
    allp[name]=[list(m.predict_proba(vt.matrix(fs))[:,1]) if fs else [] for _,_,_,fs in sets[name][0]]
pickle.dump(allp,open(f'/tmp/hist/probs_{MODE}.pkl','wb'))
yl=[];pl=[];yn=[];pn=[]
for name in sets:
    for (text,gold,ts,fs),pp in zip(sets[name][0],allp[name]):
        s=score(ts,gold,text,relation=False)
        hit={id(p) for p,_ in s.matched}; fp={id(p) for p in s.false_positives}
        for t,p in zip(ts,pp):
            if id(t) in hit or id(t) in fp:
                yl.append(id(t) in hit); pl.append(p)
                if t.year is None: yn.append(id(t) in hit); pn.append(p)
print(MODE,"AUC preds",round(roc_auc_score(yl,pl),4),"no-year",round(roc_auc_score(yn,pn),4))
for only in (False,True):
  for tau in [0.05,0.1,0.2,0.3,0.4,0.5,0.6,0.7]:
    ss=[score([t for t,p in zip(ts,pp) if (only and t.year is not None) or p>=tau],gold,text,relation=False)
        for name in sets for (text,gold,ts,fs),pp in zip(sets[name][0],allp[name])]
    s=merge(ss)
    print(f"{'noyear-only' if only else 'all'} tau {tau}: P {s.precision:.4f} R {s.recall:.4f} F1 {s.f1:.4f} FP {len(s.false_positives)} FN {len(s.false_negatives)}")
