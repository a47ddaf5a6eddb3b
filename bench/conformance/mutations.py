# What the mutators share: their arguments and the conformance cases they copy.
import os, random, sys, yaml


def setup():
    """CASES OUT N SEED from the command line: the output folder made, the random generator seeded."""
    src, dst, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    random.seed(seed)
    os.makedirs(dst, exist_ok=True)
    return src, dst, n


def cases(src, flink_only=False):
    """File name to its documents, for the cases that are all mappings (with a Flink kind among them, if asked)."""
    docs = {}
    for f in sorted(f for f in os.listdir(src) if f.endswith('.yaml')):
        try:
            d = list(yaml.safe_load_all(open(os.path.join(src, f))))
        except Exception:
            continue
        if d and all(isinstance(x, dict) for x in d) and (
                not flink_only or any(x.get('kind') in ('FlinkDeployment', 'FlinkSessionJob') for x in d)):
            docs[f] = d
    return docs
