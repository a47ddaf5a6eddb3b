# Every value of a pod template, replaced in turn by each of a list of odd values (placeholders glued to quantities,
# empty text, numbers, booleans, null, empty lists and mappings), one case per replacement: where the operator's
# Kubernetes model reads a field with a parser of its own (fabric8's quantities), a replacement shows whether
# flinkops reads it the same way. Usage: leafmut.py BASE OUT (BASE: a FlinkDeployment with a pod template, such as
# rich-pod-template.yaml beside this script).
import copy, os, sys, yaml

ODD = ["__X__2Gi", "%X%", "", "abc", "${X}", "1e3Gi", "-1", "true", "1.5", "9999999999999999999999",
       7, -5, 2.5, True, None, [], {}]


def leaves(node, path):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, path + [k])
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from leaves(v, path + [i])
    else:
        yield path


def main():
    base, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    doc = yaml.safe_load(open(base))
    n = 0
    for path in leaves(doc['spec']['podTemplate'], ['spec', 'podTemplate']):
        for value in ODD:
            case = copy.deepcopy(doc)
            node = case
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
            n += 1
            with open(os.path.join(out, 'leaf-%05d.yaml' % n), 'w') as f:
                f.write('# ' + '/'.join(map(str, path)) + ' = ' + repr(value) + '\n')
                yaml.safe_dump(case, f, default_flow_style=False, sort_keys=False)
    print(n, 'cases')


if __name__ == '__main__':
    main()
