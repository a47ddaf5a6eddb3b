# Mutates copies of conformance cases (deleted keys, values of other types and enumerations, stray keys):
# python3 mutate.py CASES OUT N SEED; run OUT through Conformance to look for verdicts that differ.
import os, random, sys, yaml, copy
import mutations
src, dst, n = mutations.setup()
docs = mutations.cases(src)
names = sorted(docs)
SCALARS = [None, True, False, 0, -1, 1, 2, 3.5, "", "x", "1", "true", "last-state", "savepoint", "stateless",
           "running", "suspended", "v1_17", "v1_19", "v1_13", "native", "standalone", "1g", "2048m", "0.5",
           "local:///opt/flink/usrlib/job.jar", "s3://bucket/x", "file:///tmp", [], {}, ["a"], {"a": "b"}]
def paths(node, prefix=()):
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += paths(v, prefix + (i,))
    return out
def get(node, p):
    for k in p:
        node = node[k]
    return node
KEYS = ["upgradeMode", "state", "parallelism", "jarURI", "savepointTriggerNonce", "initialSavepointPath", "replicas",
        "memory", "cpu", "flinkVersion", "mode", "serviceAccount", "image", "restartNonce", "allowNonRestoredState",
        "entryClass", "args", "taskmanager.numberOfTaskSlots", "high-availability", "state.savepoints.dir",
        "state.checkpoints.dir", "kubernetes.operator.job.upgrade.last-state-fallback.enabled", "ephemeralStorage",
        "deploymentName", "logConfiguration", "ingress", "template", "savepointRedeployNonce", "checkpointTriggerNonce"]
for i in range(n):
    f = random.choice(names)
    d = copy.deepcopy(docs[f])
    for _ in range(random.choice([1, 1, 2, 3])):
        doc = random.choice(d)
        ps = [p for p in paths(doc) if len(p) >= 2 and p[0] == 'spec'] or [p for p in paths(doc) if p]
        if not ps:
            continue
        p = random.choice(ps)
        parent = get(doc, p[:-1])
        op = random.random()
        try:
            if op < 0.3:
                if isinstance(parent, dict): del parent[p[-1]]
                else: parent.pop(p[-1])
            elif op < 0.75:
                parent[p[-1]] = copy.deepcopy(random.choice(SCALARS))
            else:
                target = get(doc, p)
                if isinstance(target, dict):
                    target[random.choice(KEYS)] = copy.deepcopy(random.choice(SCALARS))
                else:
                    parent[p[-1]] = copy.deepcopy(random.choice(SCALARS))
        except Exception:
            pass
    with open(os.path.join(dst, "m%05d-%s" % (i, f)), "w") as out:
        yaml.safe_dump_all(d, out, sort_keys=False)
