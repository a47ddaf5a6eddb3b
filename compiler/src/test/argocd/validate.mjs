// Reads a JSON array of Kubernetes objects on stdin; prints one line per validation error; exits 1 on any.
import { Application, AppProject, ApplicationSet } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1";

const kinds = { Application, AppProject, ApplicationSet };
let input = "";
for await (const chunk of process.stdin) input += chunk;
let failed = 0;
for (const obj of JSON.parse(input)) {
  const Model = kinds[obj.kind];
  if (!Model) { console.log(`unknown kind ${obj.kind}`); failed++; continue; }
  try {
    new Model(obj).validate();
    console.log(`ok ${obj.kind}/${obj.metadata.name}`);
  } catch (e) {
    console.log(`invalid ${obj.kind}/${obj.metadata.name}: ${e.message.replace(/\s+/g, " ")}`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
