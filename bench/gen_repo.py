#!/usr/bin/env python3
"""Generates a synthetic flinkops repository: N environments x M jobs with realistic specs.

Usage: gen_repo.py OUT [--envs 3] [--jobs 1000] [--namespaces 10]
"""
import argparse, os, random, shutil

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--envs", type=int, default=3)
p.add_argument("--jobs", type=int, default=1000)
p.add_argument("--namespaces", type=int, default=10)
a = p.parse_args()
random.seed(42)
if os.path.exists(a.out):
    shutil.rmtree(a.out)
os.makedirs(os.path.join(a.out, "policies"))
here = os.path.dirname(os.path.abspath(__file__))
for f in os.listdir(os.path.join(here, "..", "policies")):
    shutil.copy(os.path.join(here, "..", "policies", f), os.path.join(a.out, "policies", f))
names = ["dev", "staging", "prod"] + ["env%d" % i for i in range(3, a.envs)]
for e in range(a.envs):
    env = names[e]
    d = os.path.join(a.out, "environments", env)
    os.makedirs(d)
    nss = ["%s-team-%02d" % (env, i) for i in range(a.namespaces)]
    with open(os.path.join(d, "environment.yaml"), "w") as f:
        f.write(f"""apiVersion: flinkops.io/v1alpha1
kind: Environment
metadata:
  name: {env}
spec:
  production: {"true" if env == "prod" else "false"}
  cluster:
    name: eks-{env}
    server: https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com
  argocd:
    repoURL: https://github.com/acme/flink-platform.git
    targetRevision: main
  operator:
    version: {"1.7.0" if env == "prod" else "1.10.0"}
    namespace: flink-operator
    watchNamespaces: [{", ".join(nss)}]
  state:
    bucket: acme-flink-state-{"live" if env == "prod" else env}
  namespaces:
""")
        for ns in nss:
            f.write(f"""    - name: {ns}
      team: {ns}
      iamRoleArn: arn:aws:iam::111122223333:role/flink-{ns}-{env}
""")
        f.write("""  sizes:
    small: {jobManager: {cpu: 0.5, memory: 1024m}, taskManager: {cpu: 1, memory: 2048m}, taskSlots: 2}
    medium: {jobManager: {cpu: 1, memory: 2048m}, taskManager: {cpu: 2, memory: 4096m}, taskSlots: 4}
    large: {jobManager: {cpu: 2, memory: 4096m}, taskManager: {cpu: 4, memory: 8192m}, taskSlots: 8}
  nodeSelector: {karpenter.sh/nodepool: flink}
  policies: [baseline]
""")
    for j in range(a.jobs):
        ns = nss[j % len(nss)]
        name = "job-%04d" % j
        size = random.choice(["small", "small", "medium", "large"])
        mode = random.choice(["savepoint", "savepoint", "last-state"])
        kafka = random.random() < 0.5
        with open(os.path.join(d, name + ".yaml"), "w") as f:
            f.write(f"""apiVersion: flinkops.io/v1alpha1
kind: FlinkJob
metadata:
  name: {name}
  namespace: {ns}
  labels:
    app.kubernetes.io/version: "1.{j % 7}.{j % 13}"
spec:
  owner: {ns}
  image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/{name}:1.{j % 7}.{j % 13}
  flinkVersion: v1_17
  size: {size}
  job:
    jarURI: local:///opt/flink/usrlib/{name}.jar
    entryClass: com.acme.jobs.Job{j}
    args: ["--input", "topic-{j}", "--output", "topic-{j}-out"]
    parallelism: {random.choice([1, 2, 2, 4])}
    upgradeMode: {mode}
  checkpointing:
    interval: {random.choice(["30s", "60s", "2min"])}
  savepoints:
    periodicInterval: 6h
  flinkConfiguration:
    state.backend.type: rocksdb
    state.backend.incremental: true
    pipeline.max-parallelism: 128
""")
            if kafka:
                f.write("""  egress:
    - name: msk
      cidr: 10.20.0.0/16
      ports: [9098]
""")
print(f"{a.envs} environments x {a.jobs} jobs in {a.out}")
