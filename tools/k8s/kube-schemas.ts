import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

/**
 * Derives kubeconform's schema set (one standalone, strict JSON Schema per kind) from the
 * Kubernetes OpenAPI v3 documents of the k8s.io/kubernetes module (api/openapi-spec/v3) and from
 * CustomResourceDefinitions: those in the KEDA, External Secrets, CloudNativePG and Prometheus
 * Operator modules, Strimzi's as its crd-generator makes them from the io.strimzi:api jar, and the
 * MinIO Tenant's vendored schema (deploy/helm/crds). Files land at
 * `<out>/<group>/<version>/<kind>.json` (core kinds under `v1/v1/`), kubeconform's
 * `{{ .Group }}/{{ .ResourceAPIVersion }}/{{ .ResourceKind }}.json`.
 *
 *   node dist/tools/k8s/kube-schemas.js <out> <k8s openapi v3 dir> [crd.yaml …]
 *   node dist/tools/k8s/kube-schemas.js --schema-of <crd.yaml> [header line …]   (to vendor a CRD)
 *
 * Strict as `kubeconform -strict` expects of its schemas: an object that lists its properties
 * admits no other (a misspelt field fails), unless it preserves unknown fields. The branches of a
 * oneOf/anyOf/allOf/not stay open: in a structural schema they only say which fields must be there
 * (Strimzi's `oneOf: [{properties: {value: {}}, required: [value]}, …]`), not which may.
 */
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const REF = '#/components/schemas/';

const BRANCHES = new Set(['oneOf', 'anyOf', 'allOf', 'not']);

function clean(node: unknown, branch = false): unknown {
  if (Array.isArray(node)) return node.map((n) => clean(n, branch));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' || key === 'format' || key === 'example') continue;
    if (key === '$ref' && typeof value === 'string') out[key] = value.replace(REF, '#/definitions/');
    else if (key === 'properties' && isObject(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, branch)]));
    else out[key] = clean(value, branch || BRANCHES.has(key));
  }
  if (out['nullable'] === true && typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
  delete out['nullable'];
  if (
    !branch &&
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
  metadata?: { name: string };
  spec?: {
    group: string;
    names: { kind: string };
    versions: Array<{ name: string; schema?: { openAPIV3Schema?: object } }>;
  };
}

const crdsIn = (file: string): Array<Required<Crd>> =>
  parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => doc.toJS() as Crd | null)
    .filter((crd): crd is Required<Crd> => crd?.kind === 'CustomResourceDefinition' && !!crd.spec);

/** Every version of the CustomResourceDefinitions in `file`; a file without one is an error. */
export function fromCrd(file: string, out: string): number {
  let count = 0;
  for (const crd of crdsIn(file))
    for (const version of crd.spec.versions) {
      const schema = version.schema?.openAPIV3Schema;
      if (!schema) continue;
      write(out, `${crd.spec.group}/${version.name}`, crd.spec.names.kind, clean(schema) as object);
      count++;
    }
  if (count === 0) throw new Error(`${file}: no CustomResourceDefinition with a schema`);
  return count;
}

const withoutDescriptions = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(withoutDescriptions);
  if (!isObject(node)) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'description')
      .map(([key, value]) => [
        key,
        key === 'properties' && isObject(value)
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutDescriptions(v)]))
          : withoutDescriptions(value),
      ]),
  );
};

/**
 * The CustomResourceDefinitions of `file` cut down to what fromCrd reads (group, kind, each
 * version's schema) without their descriptions, as YAML under a comment of `header` lines: what
 * deploy/helm/crds vendors of an operator no registry serves (its README says how to refresh).
 */
export function schemaOf(file: string, header: string[]): string {
  const docs = crdsIn(file).map((crd) => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: crd.metadata.name },
    spec: {
      group: crd.spec.group,
      names: { kind: crd.spec.names.kind },
      versions: crd.spec.versions.map((v) => ({
        name: v.name,
        schema: { openAPIV3Schema: withoutDescriptions(v.schema?.openAPIV3Schema) },
      })),
    },
  }));
  if (docs.length === 0) throw new Error(`${file}: no CustomResourceDefinition`);
  return [
    ...header.map((line) => `# ${line}`),
    ...docs.map((d) => `---\n${stringify(d, { singleQuote: true })}`),
  ].join('\n');
}

if (require.main === module) {
  const [out, openApiDir, ...crds] = process.argv.slice(2);
  if (out === '--schema-of' && openApiDir) process.stdout.write(schemaOf(openApiDir, crds));
  else if (!out || !openApiDir) {
    console.error('usage: kube-schemas.js <out> <k8s openapi v3 dir> [crd.yaml …]');
    console.error('       kube-schemas.js --schema-of <crd.yaml> [header line …]');
    process.exit(2);
  } else {
    let count = fromOpenApi(openApiDir, out);
    for (const crd of crds) count += fromCrd(crd, out);
    console.error(`kube-schemas: ${count} schemas in ${out}`);
  }
}
