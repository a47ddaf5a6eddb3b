# Mutates the flinkConfiguration (and upgrade mode, JobManager replicas) of copies of conformance cases:
# python3 confmut.py CASES OUT N SEED; run OUT through Conformance to look for verdicts that differ.
import os, random, sys, yaml, copy
import mutations
src, dst, n = mutations.setup()
docs = mutations.cases(src, flink_only=True)
names = sorted(docs)
KEYS = ["high-availability", "high-availability.type", "high-availability.storageDir", "state.savepoints.dir", "state.checkpoints.dir",
        "execution.checkpointing.savepoint-dir", "execution.checkpointing.dir", "kubernetes.operator.periodic.savepoint.interval",
        "kubernetes.operator.job.upgrade.last-state-fallback.enabled", "kubernetes.operator.deployment.rollback.enabled",
        "kubernetes.operator.cluster.health-check.enabled", "kubernetes.operator.job.autoscaler.enabled", "job.autoscaler.enabled",
        "taskmanager.numberOfTaskSlots", "parallelism.default", "kubernetes.operator.savepoint.history.max.count",
        "kubernetes.operator.job.restart.failed", "jobmanager.memory.process.size", "taskmanager.memory.process.size",
        "taskmanager.memory.managed.fraction", "kubernetes.jobmanager.replicas", "kubernetes.operator.pod-template.merge-arrays-by-name",
        "pipeline.max-parallelism", "execution.checkpointing.interval", "kubernetes.operator.periodic.checkpoint.interval",
        "kubernetes.operator.savepoint.format.type", "state.backend.type", "state.backend", "kubernetes.operator.job.savepoint-on-deletion",
        "kubernetes.operator.cluster.health-check.checkpoint-progress.enabled", "kubernetes.operator.cluster.health-check.checkpoint-progress.window",
        "kubernetes.operator.job.upgrade.ignore-pending-savepoint", "execution.savepoint.path", "$internal.pipeline.job-id",
        "kubernetes.cluster-id", "kubernetes.namespace", "jobmanager.rpc.address", "rest.port", "taskmanager.memory.flink.size",
        "kubernetes.operator.reconcile.interval", "kubernetes.operator.job.autoscaler.metrics.window", "job.autoscaler.stabilization.interval"]
VALUES = ["true", "false", "kubernetes", "zookeeper", "NONE", "none", "s3://b/p", "file:///tmp/x", "", "0", "1", "2", "-1", "abc",
          "1h", "10 min", "0 s", "2g", "1024m", "0.5", "1.5", "CANONICAL", "NATIVE", "rocksdb", "hashmap", "org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory",
          "128", "32768", "60s", "x y"]
for i in range(n):
    f = random.choice(names)
    d = copy.deepcopy(docs[f])
    targets = [x for x in d if x.get('kind') in ('FlinkDeployment', 'FlinkSessionJob') and isinstance(x.get('spec'), dict)]
    if not targets:
        continue
    doc = random.choice(targets)
    conf = doc['spec'].get('flinkConfiguration')
    if not isinstance(conf, dict):
        conf = {}
        doc['spec']['flinkConfiguration'] = conf
    for _ in range(random.choice([1, 2, 3])):
        k = random.choice(KEYS)
        if random.random() < 0.2 and k in conf:
            del conf[k]
        else:
            conf[k] = random.choice(VALUES)
    if random.random() < 0.3 and isinstance(doc['spec'].get('job'), dict):
        doc['spec']['job']['upgradeMode'] = random.choice(['stateless', 'last-state', 'savepoint'])
    if random.random() < 0.2 and isinstance(doc['spec'].get('jobManager'), dict):
        doc['spec']['jobManager']['replicas'] = random.choice([1, 2, 0])
    with open(os.path.join(dst, "c%05d-%s" % (i, f)), "w") as out:
        yaml.safe_dump_all(d, out, sort_keys=False)
