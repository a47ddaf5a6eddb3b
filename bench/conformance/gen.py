import copy, os, json, random, yaml, itertools
random.seed(int(os.environ.get("SEED", "7")))  # SEED and COMBOS widen the search: SEED=11 COMBOS=1500
import sys
out=sys.argv[1] if len(sys.argv) > 1 else 'cases'; os.makedirs(out, exist_ok=True)
for f in os.listdir(out): os.remove(os.path.join(out,f))
base = {
 'apiVersion':'flink.apache.org/v1beta1','kind':'FlinkDeployment',
 'metadata':{'name':'basic-example','namespace':'flink'},
 'spec':{'image':'flink:1.17','flinkVersion':'v1_17','serviceAccount':'flink',
   'flinkConfiguration':{'taskmanager.numberOfTaskSlots':'2'},
   'jobManager':{'resource':{'memory':'2048m','cpu':1}},
   'taskManager':{'resource':{'memory':'2048m','cpu':1}},
   'job':{'jarURI':'local:///opt/flink/examples/streaming/StateMachineExample.jar','parallelism':2,'upgradeMode':'stateless'}}}
session = copy.deepcopy(base); del session['spec']['job']; session['metadata']['name']='basic-session'
n=0
def emit(doc, tag, extra=None):
    global n; n+=1
    s = yaml.safe_dump(doc, sort_keys=False)
    if extra: s += '---\n' + yaml.safe_dump(extra, sort_keys=False)
    open(f'{out}/{n:04d}-{tag}.yaml','w').write(s)
def setp(d, path, v):
    cur=d
    for p in path[:-1]: cur=cur.setdefault(p,{})
    if v is DEL: cur.pop(path[-1], None)
    else: cur[path[-1]]=v
DEL=object()
muts = [
 (('spec','flinkVersion'), [DEL,'v1_13','v1_18','v1_19','v1_20','v1_12','1.17',None]),
 (('spec','serviceAccount'), [DEL,'default',None]),
 (('spec','image'), [DEL,'${IMAGE}','flink']),
 (('metadata','name'), ['Basic','basic_example','a'*45,'a'*46,'1abc','abc-','my.job','x']),
 (('spec','job','parallelism'), [0,-1,DEL,1,'2',2.0,100,2147483647,2147483648,99999999999999999999]),
 (('spec','job','upgradeMode'), ['last-state','savepoint','LAST_STATE','Savepoint']),
 (('spec','job','state'), ['suspended','running','SUSPENDED']),
 (('spec','job','jarURI'), [DEL,'s3://bucket/job.jar']),
 (('spec','job','savepointTriggerNonce'), [1,'abc',9223372036854775807,9223372036854775808]),
 (('spec','job','allowNonRestoredState'), [True,'true','yes']),
 (('spec','jobManager','replicas'), [0,1,2,'1']),
 (('spec','taskManager','replicas'), [0,1,3,4294967296]),
 (('spec','jobManager','resource','memory'), [DEL,'2g','2Gi','1.5Gi','2 GB','abc','',' ','2048','1e3','2GiB','-1m']),
 (('spec','taskManager','resource','memory'), [DEL,'4g','4Gi','0.5Gi','four','1024Mi','100000000000000000000g']),
 (('spec','jobManager','resource','cpu'), [0,0.5,'1','1000m',-1]),
 (('spec','taskManager','resource','ephemeralStorage'), ['10Gi','10 GB','abc','1e3','5K']),
 (('spec','jobManager','resource'), [DEL]),
 (('spec','taskManager'), [DEL]),
 (('spec','jobManager'), [DEL]),
 (('spec','logConfiguration'), [{'log4j-console.properties':'rootLogger.level=INFO'},{'log4j.properties':'x'},{'logback-console.xml':'<c/>'}]),
 (('spec','ingress'), [{'template':'{{name}}.example.com'},{'className':'nginx'},{'template':'http://flink.example.com:abc/{{name}}'},{'template':'/{{namespace}}/{{name}}(/|$)(.*)','annotations':{'a':'b'}}]),
 (('spec','mode'), ['native','standalone','Native','application']),
 (('spec','executionRoleArn'), ['arn:aws:iam::1:role/x']),
 (('spec','emrReleaseLabel'), ['emr-6.13.0-flink-latest']),
 (('spec','jobManager','storageDir'), ['s3://bucket/ha']),
 (('spec','restartNonce'), [1,'x']),
 (('spec','imagePullPolicy'), ['Always','always']),
 (('spec','podTemplate'), [{'spec':{'containers':[{'name':'flink-main-container','env':[{'name':'A','value':'1'}]}]}},
                            {'spec':{'containers':[{'name':'flink-main-container','resources':{'limits':{'memory':'2Gi','cpu':2}}}]}},
                            {'spec':{'containers':[{'name':'c','unknownField':1}]}},
                            {'metadata':{'labels':{'a':'b'}},'spec':{'serviceAccountName':'x','nodeSelector':{'k':'v'}}},
                            {'apiVersion':'v1','kind':'Pod','spec':{}}]),
 (('status',), [{'jobStatus':{'state':'RUNNING'}}]),
 (('metadata','labels'), [{'app':'x'},{'bad key!':'x'},{'a':'x'*64}]),
 (('spec','job','args'), [['--a','b'],['--port',8080]]),
 (('spec','job','entryClass'), ['org.Example',5]),
]
conf_muts = [
 {'kubernetes.namespace':'x'},{'kubernetes.cluster-id':'x'},{'high-availability.cluster-id':'x'},
 {'kubernetes.operator.deployment.rollback.enabled':'true'},
 {'kubernetes.operator.deployment.rollback.enabled':'true','high-availability.type':'kubernetes'},
 {'kubernetes.operator.deployment.rollback.enabled':'true','high-availability':'kubernetes'},
 {'kubernetes.operator.deployment.rollback.enabled':'maybe'},
 {'kubernetes.operator.cluster.health-check.enabled':'true'},
 {'kubernetes.operator.cluster.health-check.enabled':'true','kubernetes.operator.jm-deployment-recovery.enabled':'false'},
 {'kubernetes.operator.periodic.savepoint.interval':'1h'},
 {'kubernetes.operator.periodic.savepoint.interval':'1h','state.savepoints.dir':'s3://b/sp'},
 {'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age':'1h'},
 {'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age':'1h','state.savepoints.dir':'s3://b/sp'},
 {'job.autoscaler.enabled':'true','job.autoscaler.target.utilization':'-1'},
 {'job.autoscaler.enabled':'true','job.autoscaler.target.utilization':'0.7','job.autoscaler.scale-down.max-factor':'abc'},
 {'kubernetes.operator.job.autoscaler.enabled':'true','kubernetes.operator.job.autoscaler.scale-up.max-factor':'-2'},
 {'job.autoscaler.enabled':'maybe'},
 {'taskmanager.numberOfTaskSlots':2},
 {'parallelism.default':4},
 {'state.checkpoints.dir':'s3://b/cp','state.savepoints.dir':'s3://b/sp','high-availability.type':'kubernetes','high-availability.storageDir':'s3://b/ha'},
 {'state.checkpoints.dir':'s3://b/cp'},
 {'execution.checkpointing.dir':'s3://b/cp','execution.checkpointing.savepoint-dir':'s3://b/sp'},
 {'state.backend.fs.checkpointdir':'s3://b/cp','savepoints.state.backend.fs.dir':'s3://b/sp','high-availability':'zookeeper'},
 {'high-availability.type':'NONE','state.checkpoints.dir':'s3://b/cp'},
 {'high-availability':'standalone','state.checkpoints.dir':'s3://b/cp'},
 {'state.checkpoints.dir':'  ','state.savepoints.dir':'s3://b/sp'},
 {'jobmanager.memory.process.size':'2g'},
 {'s3.access-key':'AKIAABCDEFGHIJKLMNOP'},
 {'key':None},
]
for path, vals in muts:
    for v in vals:
        for b,bn in ((base,'app'),(session,'session')):
            if bn=='session' and 'job' in path: continue
            d=copy.deepcopy(b); setp(d,list(path),v); emit(d, bn+'-'+'.'.join(path).replace('/','_')[:30])
for c in conf_muts:
    for mode in ['stateless','last-state','savepoint']:
        d=copy.deepcopy(base); d['spec']['flinkConfiguration'].update(c); d['spec']['job']['upgradeMode']=mode
        emit(d,'conf-'+mode)
    d=copy.deepcopy(session); d['spec']['flinkConfiguration'].update(c); emit(d,'conf-session')
# memory from config instead of spec
for jm in [None,'jobmanager.memory.process.size','jobmanager.memory.flink.size','jobmanager.memory.heap.size','jobmanager.heap.size']:
  for tm in [None,'taskmanager.memory.process.size','taskmanager.memory.flink.size','taskmanager.heap.size']:
    d=copy.deepcopy(base); del d['spec']['jobManager']['resource']['memory']; del d['spec']['taskManager']['resource']['memory']
    if jm: d['spec']['flinkConfiguration'][jm]='2048m'
    if tm: d['spec']['flinkConfiguration'][tm]='4096m'
    emit(d,'confmem')
# random combos
keys=list(range(len(muts)))
for i in range(int(os.environ.get("COMBOS", "150"))):
    d=copy.deepcopy(random.choice([base,base,session]))
    for k in random.sample(keys, 2):
        path, vals = muts[k]
        if 'job' in path and 'job' not in d['spec']: continue
        setp(d,list(path),random.choice(vals))
    if random.random()<0.5: d['spec']['flinkConfiguration'].update(random.choice(conf_muts))
    if random.random()<0.3 and 'job' in d['spec']: d['spec']['job']['upgradeMode']=random.choice(['last-state','savepoint'])
    emit(d,'combo')
# session jobs
sj={'apiVersion':'flink.apache.org/v1beta1','kind':'FlinkSessionJob','metadata':{'name':'job1','namespace':'flink'},
    'spec':{'deploymentName':'basic-session','job':{'jarURI':'https://x/y.jar','parallelism':2,'upgradeMode':'stateless'}}}
for mut in [None,('deploymentName','basic-example'),('deploymentName','Bad_Name'),('deploymentName',DEL),('job',DEL),('upgradeMode','last-state'),('upgradeMode','savepoint'),('parallelism',0),('flinkConfiguration',{'a':'b'}),('flinkConfiguration',{'state.savepoints.dir':'s3://b/sp'}),('unknown','x')]:
    for withcluster,clust in ((True,session),(True,base),(False,None)):
        s=copy.deepcopy(sj)
        if mut:
            k,v=mut
            tgt = s['spec']['job'] if k in ('upgradeMode','parallelism') else s['spec']
            if v is DEL: tgt.pop(k,None)
            else: tgt[k]=v
        if withcluster:
            c=copy.deepcopy(clust)
            n+=1; open(f'{out}/{n:04d}-sessionjob.yaml','w').write(yaml.safe_dump(c,sort_keys=False)+'---\n'+yaml.safe_dump(s,sort_keys=False))
        else:
            emit(s,'sessionjob-alone')
# session jobs against clusters whose configuration decides their verdict
for c in conf_muts:
    for mode in ['stateless','last-state','savepoint']:
        for where in ['cluster','job']:
            cl=copy.deepcopy(session); s=copy.deepcopy(sj); s['spec']['job']['upgradeMode']=mode
            if where=='cluster': cl['spec']['flinkConfiguration'].update(c)
            else: s['spec'].setdefault('flinkConfiguration',{}).update({k:v for k,v in c.items()})
            n+=1; open(f'{out}/{n:04d}-sessionjob-conf.yaml','w').write(yaml.safe_dump(cl,sort_keys=False)+'---\n'+yaml.safe_dump(s,sort_keys=False))
print(n)
