# Puts template placeholders where public manifests leave them (Helm, envsubst, Kustomize vars, CI tokens) into
# copies of conformance cases: any value of a FlinkDeployment or FlinkSessionJob, its flinkConfiguration's values and
# keys, its metadata. python3 phmut.py CASES OUT N SEED; run OUT through Conformance to look for verdicts that differ.
import os, random, sys, yaml, copy
import mutations
src, dst, n = mutations.setup()
docs = mutations.cases(src, flink_only=True)
names = sorted(docs)
FORMS = ["${%s}", "$%s", "{{ .Values.%s }}", "{{%s}}", "$(%s)", "<%s>", "%%%s%%", "#{%s}", "__%s__", "@%s@", "${%s:-default}",
         "REPLACE_%s", "{%s}", "${{ secrets.%s }}", "${%s}-suffix", "prefix-${%s}"]
NAMES = ["IMAGE", "FLINK_VERSION", "TM_MEMORY", "JM_CPU", "PARALLELISM", "BUCKET", "ENV", "NAMESPACE", "APP_NAME", "REPLICAS",
         "UPGRADE_MODE", "SA", "HA_DIR", "TAG", "slots", "version"]


def placeholder():
    return random.choice(FORMS) % random.choice(NAMES)


def scalars(node, path=()):
    """Every (container, key) pair that holds a scalar, below node."""
    out = []
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(v, (dict, list)):
                out += scalars(v, path + (k,))
            else:
                out.append((node, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            if isinstance(v, (dict, list)):
                out += scalars(v, path + (i,))
            else:
                out.append((node, i))
    return out


for i in range(n):
    f = random.choice(names)
    d = copy.deepcopy(docs[f])
    targets = [x for x in d if x.get('kind') in ('FlinkDeployment', 'FlinkSessionJob')]
    if not targets:
        continue
    doc = random.choice(targets)
    for _ in range(random.choice([1, 1, 2])):
        roll = random.random()
        conf = doc.get('spec', {}).get('flinkConfiguration') if isinstance(doc.get('spec'), dict) else None
        if roll < 0.15 and isinstance(conf, dict) and conf:
            # a key of the configuration, its value kept
            k = random.choice(list(conf))
            conf[placeholder() if random.random() < 0.5 else k.replace(k.split('.')[-1], placeholder())] = conf.pop(k)
            continue
        pairs = scalars(doc)
        if not pairs:
            break
        holder, key = random.choice(pairs)
        old = holder[key]
        if isinstance(old, str) and old and random.random() < 0.4:
            holder[key] = old + "-" + placeholder() if random.random() < 0.5 else placeholder() + old
        else:
            holder[key] = placeholder()
    with open(os.path.join(dst, "p%05d-%s" % (i, f)), "w") as out:
        yaml.safe_dump_all(d, out, sort_keys=False)
