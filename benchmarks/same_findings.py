"""Findings before and after a change to batching: every example paper and any papers named, parsed in batches of 128 and of 16, must give the same findings and summary.

    python benchmarks/same_findings.py [PAPER ...]
"""
import sys, json, glob
from plainspeak import engine
from plainspeak.loaders import load
from plainspeak.settings import Settings
s=Settings(isolate=False); g=engine.load_glossaries(s)
paths=[p for p in sorted(glob.glob('examples/**/*', recursive=True)) if p.endswith(('.md','.txt','.pdf','.docx'))]+sys.argv[1:]
for p in paths:
    paper=load(p); out=[]
    for bs in (128, 16):
        engine.PIPE_BATCH=bs
        r=engine.check_paper(paper, s, g)
        out.append(json.dumps([f.to_dict() for f in r.findings])+json.dumps(r.summary, sort_keys=True, default=str))
        paper=load(p)
    print(p, len(r.findings), "same" if out[0]==out[1] else "DIFFERENT")
