import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * Derives kubeconform's schema set (one standalone, strict JSON Schema per kind) from sources the
 * Go module proxy serves: the Kubernetes OpenAPI v3 documents of the k8s.io/kubernetes module
 * (api/openapi-spec/v3) and the CustomResourceDefinitions in the KEDA, External Secrets,
 * CloudNativePG and Prometheus Operator modules. Files land at `<out>/<group>/<version>/<kind>.json` (core kinds under
 * `v1/v1/`), kubeconform's `{{ .Group }}/{{ .ResourceAPIVersion }}/{{ .ResourceKind }}.json`.
 *
 *   node dist/tools/k8s/kube-schemas.js <out> <k8s openapi v3 dir> [crd.yaml …]
 *
 * Strict as `kubeconform -strict` expects of its schemas: an object that lists its properties
 * admits no other (a misspelt field fails), unless it preserves unknown fields.
 */
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const REF = '#/components/schemas/';

function clean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(clean);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' || key === 'format' || key === 'example') continue;
    if (key === '$ref' && typeof value === 'string') out[key] = value.replace(REF, '#/definitions/');
    else if (key === 'properties' && isObject(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
    else out[key] = clean(value);
  }
  if (out['nullable'] === true && typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
  delete out['nullable'];
  if (
    isObject(out['properties']) &&
    out['additionalProperties'] === undefined &&
    out['x-kubernetes-preserve-unknown-fields'] !== true
  )
    out['additionalProperties'] = false;
  // An int-or-string without a type (CRDs): either.
  if (out['x-kubernetes-int-or-string'] === true && out['type'] === undefined && out['anyOf'] === undefined)
    out['oneOf'] = [{ type: 'integer' }, { type: 'string' }];
  return out;
}

const refsOf = (node: unknown, into: Set<string>): Set<string> => {
  if (Array.isArray(node)) node.forEach((n) => refsOf(n, into));
  else if (isObject(node))
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(REF))
        into.add(value.slice(REF.length));
      else refsOf(value, into);
    }
  return into;
};

const write = (out: string, apiVersion: string, kind: string, schema: object): string => {
  const parts = apiVersion.split('/');
  const file = path.join(out, parts[0], parts[parts.length - 1], `${kind.toLowerCase()}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(schema));
  return file;
};

/** Every kind of the Kubernetes OpenAPI v3 documents in `dir`. */
export function fromOpenApi(dir: string, out: string): number {
  let count = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { components?: { schemas?: Json } };
    const schemas = doc.components?.schemas ?? {};
    for (const [id, schema] of Object.entries(schemas)) {
      const gvks = isObject(schema) ? schema['x-kubernetes-group-version-kind'] : undefined;
      if (!Array.isArray(gvks) || !isObject(schema) || !isObject(schema['properties'])) continue;
      if (!('apiVersion' in schema['properties'])) continue;
      // The closure of the definitions it refers to.
      const needed = new Set<string>([id]);
      for (let grew = true; grew;) {
        grew = false;
        for (const n of [...needed])
          for (const r of refsOf(schemas[n], new Set()))
            if (!needed.has(r)) {
              needed.add(r);
              grew = true;
            }
      }
      const definitions = Object.fromEntries([...needed].map((n) => [n, clean(schemas[n])]));
      for (const gvk of gvks as Array<{ group: string; version: string; kind: string }>) {
        const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
        write(out, apiVersion, gvk.kind, { ...(clean(schema) as Json), definitions });
        count++;
      }
    }
  }
  return count;
}

interface Crd {
  kind?: string;
  spec?: {
    group: string;
    names: { kind: string };
    versions: Array<{ name: string; schema?: { openAPIV3Schema?: object } }>;
  };
}

/** Every version of the CustomResourceDefinitions in `file`. */
export function fromCrd(file: string, out: string): number {
  let count = 0;
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const crd = doc.toJS() as Crd | null;
    if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
    for (const version of crd.spec.versions) {
      const schema = version.schema?.openAPIV3Schema;
      if (!schema) continue;
      write(out, `${crd.spec.group}/${version.name}`, crd.spec.names.kind, clean(schema) as object);
      count++;
    }
  }
  return count;
}

if (require.main === module) {
  const [out, openApiDir, ...crds] = process.argv.slice(2);
  if (!out || !openApiDir) {
    console.error('usage: kube-schemas.js <out> <k8s openapi v3 dir> [crd.yaml …]');
    process.exit(2);
  }
  let count = fromOpenApi(openApiDir, out);
  for (const crd of crds) count += fromCrd(crd, out);
  console.error(`kube-schemas: ${count} schemas in ${out}`);
}
