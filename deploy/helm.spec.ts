import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '@qis/config';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { filledIn } from './compose/compose-check';

/**
 * deploy/helm: every chart linted, rendered with its default values and a production-like values
 * file, and the output and the operators' manifests (infrastructure/) validated against the
 * Kubernetes schemas (kubeconform -strict, with the schema set tools/k8s/tools.sh derives from the
 * k8s.io/kubernetes module and the CRDs of KEDA, External Secrets, CloudNativePG, the Prometheus
 * Operator, Strimzi and the MinIO Operator): a kind without a schema is an error, not a skip;
 * then what a stage must have: probes on the health endpoints, resources, PDB, HPA or KEDA on its
 * consumer lag, the migration Job before the rollout, a NetworkPolicy that lets it reach only what
 * it needs, and every variable its config requires in production set from values or Secrets.
 */
const root = path.resolve(__dirname, '..');
const STAGES = ['planning', 'purchasing', 'evidence', 'lab-gateway', 'enforcement', 'disclosure'];
const EVIDENCE_CLIENTS = ['purchasing', 'lab-gateway', 'enforcement'];
const VALUES = ['values.yaml', 'values-production.yaml'];

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Tools {
  HELM: string;
  KUBECONFORM: string;
  SCHEMAS: string;
}

let tools: Tools;
let charts: string;

const helm = (...args: string[]): string => {
  const run = spawnSync(tools.HELM, args, { cwd: charts, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`helm ${args.join(' ')}: ${run.stderr}${run.stdout}`);
  return run.stdout;
};

const render = (chart: string, values: string, ...set: string[]): Dict[] =>
  parseAllDocuments(
    helm('template', 'qis', chart, '-f', path.join(chart, values), ...set.flatMap((s) => ['--set', s])),
  )
    .map((d) => d.toJS() as Dict | null)
    .filter((d): d is Dict => d !== null);

/**
 * kubeconform -strict on the documents; its complaints, one per line. No -ignore-missing-schemas
 * and no -skip: a kind the schema set lacks is `could not find schema for <kind>`, and every
 * document must come back valid (none passed over).
 */
const schemaProblems = (docs: Dict[]): string[] => {
  const run = spawnSync(
    tools.KUBECONFORM,
    [
      '-strict',
      '-verbose',
      '-output',
      'json',
      '-schema-location',
      `${tools.SCHEMAS}/{{ .Group }}/{{ .ResourceAPIVersion }}/{{ .ResourceKind }}.json`,
      '-',
    ],
    { input: docs.map((d) => JSON.stringify(d)).join('\n---\n'), encoding: 'utf8' },
  );
  const out = JSON.parse(run.stdout || '{"resources":[]}') as {
    resources: Array<{ kind: string; name: string; status: string; msg: string }>;
  };
  const problems = out.resources
    .filter((r) => r.status !== 'statusValid')
    .map((r) => `${r.kind} ${r.name}: ${r.status} ${r.msg}`);
  const valid = out.resources.filter((r) => r.status === 'statusValid').length;
  if (problems.length === 0 && valid !== docs.length)
    problems.push(`kubeconform found ${valid} valid of ${docs.length} documents: ${run.stderr}`);
  if (run.status !== 0 && problems.length === 0) problems.push(`kubeconform failed: ${run.stderr}`);
  return problems;
};

/** The schema file kubeconform looks up for a document (core kinds under v1/v1/). */
const schemaFileOf = (doc: Dict): string => {
  const parts = String(doc['apiVersion']).split('/');
  return path.join(
    tools.SCHEMAS,
    parts[0],
    parts[parts.length - 1],
    `${String(doc['kind']).toLowerCase()}.json`,
  );
};

const find = (docs: Dict[], kind: string, name?: string): Dict[] =>
  docs.filter((d) => d['kind'] === kind && (name === undefined || d['metadata']?.['name'] === name));
const one = (docs: Dict[], kind: string, name?: string): Dict => {
  const found = find(docs, kind, name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name ?? ''}, found ${found.length}`);
  return found[0];
};

/** The operators' example manifests, each file by its path under deploy/helm/infrastructure. */
const INFRASTRUCTURE = path.join(root, 'deploy/helm/infrastructure');
const INFRASTRUCTURE_FILES = (readdirSync(INFRASTRUCTURE, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const docsOf = (file: string): Dict[] =>
  parseAllDocuments(readFileSync(path.join(INFRASTRUCTURE, file), 'utf8'))
    .map((d) => d.toJS() as Dict | null)
    .filter((d): d is Dict => d !== null);

const generated = (
  stage: string,
): { user: string; consumerGroup: string; consumes: string[]; produces: string[] } =>
  parseYaml(readFileSync(path.join(root, 'deploy/helm', stage, 'kafka.generated.yaml'), 'utf8'));

/** The service's config class as built in dist/ (as deploy/compose.spec.ts loads it). */
const configClass = (service: string): new () => object => {
  const file = path.join(root, 'dist/services', service, 'src', `${service}.config.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cls = Object.values(require(file) as Record<string, unknown>).find((v) => typeof v === 'function');
  return cls as new () => object;
};

/**
 * The container's environment as the pod would see it: plain values as they are, each variable
 * from a Secret filled in the way an operator fills the Secret (compose-check's filledIn).
 */
const environmentOf = (container: Dict): Record<string, string> =>
  Object.fromEntries(
    (container['env'] as Dict[]).map((e) => [
      e['name'],
      e['valueFrom']?.['secretKeyRef'] ? filledIn(e['name']) : String(e['value'] ?? ''),
    ]),
  );

const configProblems = (service: string, environment: Record<string, string>): string[] => {
  try {
    loadConfig(configClass(service), environment);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
};

beforeAll(() => {
  // helm and kubeconform from the Go module proxy and the schema set, once per machine (cached).
  const out = execFileSync('bash', [path.join(root, 'tools/k8s/tools.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  tools = Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((l) => l.split(/=(.*)/s).slice(0, 2)),
  ) as unknown as Tools;
  // A copy, so the library chart's dependency archives land outside the checkout.
  charts = mkdtempSync(path.join(tmpdir(), 'qis-helm-'));
  cpSync(path.join(root, 'deploy/helm'), charts, { recursive: true });
  for (const stage of STAGES) helm('dependency', 'build', stage);
}, 20 * 60_000);

afterAll(() => charts && rmSync(charts, { recursive: true, force: true }));

describe('deploy/helm', () => {
  it("generated files (Strimzi topics and users, each chart's kafka.generated.yaml) match libs/contracts", () => {
    const run = spawnSync(
      process.execPath,
      [
        '-r',
        path.join(root, 'tools/runtime/register-paths.js'),
        path.join(root, 'dist/tools/k8s/generate.js'),
        '--check',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('the schema check is strict: a misspelt field or a wrong type is an error', () => {
    const [deployment] = find(render('planning', 'values.yaml'), 'Deployment');
    const spec = deployment['spec'] as Dict;
    const misspelt = { ...deployment, spec: { ...spec, replica: 2 } };
    const [container] = spec['template']['spec']['containers'] as Dict[];
    const wrongType = structuredClone(deployment);
    wrongType['spec']['template']['spec']['containers'][0] = {
      ...container,
      readinessProbe: { ...container['readinessProbe'], periodSeconds: 'ten' },
    };
    expect(schemaProblems([misspelt]).join('\n')).toMatch(/additional properties 'replica' not allowed/);
    expect(schemaProblems([wrongType]).join('\n')).toMatch(/periodSeconds.*want integer/);
    expect(helm('lint', '--strict', 'qis-common')).toContain('0 chart(s) failed');
  });

  it("every kind the charts render and the operators' manifests hold has a schema; a kind without one is an error", () => {
    const docs = [
      ...[...STAGES, 'console'].flatMap((chart) => VALUES.flatMap((values) => render(chart, values))),
      ...INFRASTRUCTURE_FILES.flatMap(docsOf),
    ];
    const kinds = [...new Map(docs.map((d) => [`${d['apiVersion']} ${d['kind']}`, d])).entries()];
    expect(kinds.filter(([, doc]) => !existsSync(schemaFileOf(doc))).map(([kind]) => kind)).toEqual([]);
    expect(kinds.map(([kind]) => kind)).toEqual(
      expect.arrayContaining([
        'kafka.strimzi.io/v1beta2 Kafka',
        'kafka.strimzi.io/v1beta2 KafkaNodePool',
        'kafka.strimzi.io/v1beta2 KafkaTopic',
        'kafka.strimzi.io/v1beta2 KafkaUser',
        'minio.min.io/v2 Tenant',
        'postgresql.cnpg.io/v1 Cluster',
        'keda.sh/v1alpha1 ScaledObject',
      ]),
    );
    const connect = { apiVersion: 'kafka.strimzi.io/v1beta2', kind: 'KafkaConnect', metadata: { name: 'x' } };
    expect(schemaProblems([connect])).toEqual([
      'KafkaConnect x: statusError could not find schema for KafkaConnect',
    ]);
  });

  describe.each(STAGES)('the %s chart', (stage) => {
    const plan = generated(stage);

    it.each(VALUES)('lints and renders with %s, valid against the Kubernetes schemas', (values) => {
      const lint = helm('lint', '--strict', stage, '-f', path.join(stage, values));
      expect(lint).toContain('0 chart(s) failed');
      expect(schemaProblems(render(stage, values))).toEqual([]);
    });

    it.each(VALUES)('with %s: probes, resources, PDB, a migration Job before the rollout', (values) => {
      const docs = render(stage, values);
      const deployment = one(docs, 'Deployment', stage);
      const [container] = deployment['spec']['template']['spec']['containers'] as Dict[];
      expect(container['readinessProbe']['httpGet']['path']).toBe('/health/ready');
      expect(container['livenessProbe']['httpGet']['path']).toBe('/health/live');
      expect(container['resources']['requests']).toEqual({
        cpu: expect.anything(),
        memory: expect.anything(),
      });
      expect(container['resources']['limits']['memory']).toBeDefined();
      expect(container['securityContext']).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
      expect(one(docs, 'PodDisruptionBudget', stage)['spec']['minAvailable']).toBeGreaterThanOrEqual(1);
      expect(one(docs, 'Service', stage)['spec']['ports'][0]).toMatchObject({ port: 80, targetPort: 'http' });

      const job = one(docs, 'Job', `${stage}-migrate`);
      expect(job['metadata']['annotations']['helm.sh/hook'].split(',').sort()).toEqual([
        'pre-install',
        'pre-upgrade',
      ]);
      const [migrate] = job['spec']['template']['spec']['containers'] as Dict[];
      expect(migrate['command']).toEqual([
        'node',
        '-r',
        './tools/runtime/register-paths.js',
        `dist/services/${stage}/src/main.js`,
        '--migrate-only',
      ]);
      expect(migrate['image']).toBe(container['image']);
      // The owner's password reaches the Job only; the service does not migrate at start.
      const names = (c: Dict) => (c['env'] as Dict[]).map((e) => e['name']);
      expect(names(migrate)).toContain('DB_MIGRATION_PASSWORD');
      expect(names(container)).not.toContain('DB_MIGRATION_PASSWORD');
      expect(environmentOf(container)['DB_MIGRATE_AT_START']).toBe('false');
    });

    it.each(VALUES)(
      'with %s: every variable the service requires in production is set (service and Job)',
      (values) => {
        const docs = render(stage, values);
        const [container] = one(docs, 'Deployment', stage)['spec']['template']['spec'][
          'containers'
        ] as Dict[];
        const [migrate] = one(docs, 'Job', `${stage}-migrate`)['spec']['template']['spec'][
          'containers'
        ] as Dict[];
        for (const c of [container, migrate]) {
          const env = environmentOf(c);
          expect(env['QIS_ENV']).toBe('production');
          expect(env['SERVICE']).toBe(stage);
          expect(configProblems(stage, env)).toEqual([]);
        }
        // Secrets by reference only: nothing secret is a plain value.
        for (const e of container['env'] as Dict[])
          if (/(PASSWORD|SECRET|_KEY|TOKEN)$/.test(e['name']) && e['name'] !== 'PURCHASING_ACTIVE_KEY_ID')
            expect([e['name'], e['valueFrom']?.['secretKeyRef']]).toEqual([e['name'], expect.anything()]);
        // The stage's own Kafka principal, its password from the KafkaUser's Secret.
        const sasl = (container['env'] as Dict[]).find((e) => e['name'] === 'KAFKA_SASL_PASSWORD');
        expect(sasl?.['valueFrom']['secretKeyRef']).toEqual({ name: plan.user, key: 'password' });
        expect(environmentOf(container)['KAFKA_SASL_USERNAME']).toBe(plan.user);
      },
    );

    it('scales on CPU by default, and with KEDA on the consumer lag of each topic it consumes', () => {
      const hpa = one(render(stage, 'values.yaml'), 'HorizontalPodAutoscaler', stage);
      expect(hpa['spec']['metrics'][0]['resource']).toMatchObject({
        name: 'cpu',
        target: { type: 'Utilization' },
      });

      const production = render(stage, 'values-production.yaml');
      expect(find(production, 'HorizontalPodAutoscaler')).toEqual([]); // KEDA owns the HPA
      const triggers = one(production, 'ScaledObject', stage)['spec']['triggers'] as Dict[];
      expect(triggers.filter((t) => t['type'] === 'cpu')).toHaveLength(1);
      const lag = triggers.filter((t) => t['type'] === 'kafka');
      expect(lag.map((t) => t['metadata']['topic']).sort()).toEqual([...plan.consumes].sort());
      expect(plan.consumes.length).toBeGreaterThan(0);
      for (const t of lag) {
        expect(t['metadata']['consumerGroup']).toBe(`qis-${stage}`);
        expect(t['authenticationRef']['name']).toBe(`${stage}-kafka`);
      }
      expect(one(production, 'TriggerAuthentication', `${stage}-kafka`)).toBeDefined();

      // No more replicas than partitions (more consumers of one group than partitions idle), and the
      // service's KAFKA_TOPIC_PARTITIONS is the topics' own.
      const topics = parseAllDocuments(
        readFileSync(path.join(root, 'deploy/helm/infrastructure/strimzi/kafka-topics.yaml'), 'utf8'),
      ).map((d) => d.toJS() as Dict);
      const partitions = (topic: string): number =>
        topics.find((t) => t['spec']['topicName'] === topic)?.['spec']['partitions'] as number;
      for (const values of VALUES) {
        const docs = render(stage, values);
        const [container] = one(docs, 'Deployment', stage)['spec']['template']['spec'][
          'containers'
        ] as Dict[];
        const max = Math.max(
          ...[...find(docs, 'HorizontalPodAutoscaler'), ...find(docs, 'ScaledObject')].map(
            (d) => (d['spec']['maxReplicas'] ?? d['spec']['maxReplicaCount']) as number,
          ),
        );
        for (const topic of plan.consumes) {
          expect(max).toBeLessThanOrEqual(partitions(topic));
          expect(Number(environmentOf(container)['KAFKA_TOPIC_PARTITIONS'])).toBe(partitions(topic));
        }
      }
    });

    it('lets the stage reach only DNS, Kafka, its own database, Keycloak and, where it needs it, evidence', () => {
      const policy = one(render(stage, 'values.yaml'), 'NetworkPolicy', stage);
      expect(policy['spec']['policyTypes']).toEqual(['Ingress', 'Egress']);
      const targets = (policy['spec']['egress'] as Dict[]).map((rule) => {
        const peer = rule['to'][0] as Dict;
        const labels = peer['podSelector']?.['matchLabels'] ?? {};
        if (labels['k8s-app'] === 'kube-dns') return 'dns';
        if (labels['strimzi.io/cluster']) return 'kafka';
        if (labels['cnpg.io/cluster']) return `database:${labels['cnpg.io/cluster']}`;
        if (labels['app.kubernetes.io/name'] === 'keycloak') return 'keycloak';
        if (labels['app.kubernetes.io/name'] === 'evidence') return 'evidence';
        if (labels['v1.min.io/tenant']) return 'object-store';
        if (peer['ipBlock']) return 'tsa';
        return JSON.stringify(rule);
      });
      expect(targets.sort()).toEqual(
        [
          'dns',
          'kafka',
          `database:qis-${stage}-db`,
          'keycloak',
          ...(EVIDENCE_CLIENTS.includes(stage) ? ['evidence'] : []),
          ...(stage === 'evidence' ? ['object-store', 'tsa'] : []),
        ].sort(),
      );
    });

    it("with serviceMonitor.enabled Prometheus scrapes /metrics with the stage's METRICS_TOKEN", () => {
      expect(find(render(stage, 'values.yaml'), 'ServiceMonitor')).toEqual([]);
      const docs = render(stage, 'values-production.yaml');
      const [endpoint] = one(docs, 'ServiceMonitor', stage)['spec']['endpoints'] as Dict[];
      expect(endpoint).toMatchObject({ port: 'http', path: '/metrics', authorization: { type: 'Bearer' } });
      const [container] = one(docs, 'Deployment', stage)['spec']['template']['spec']['containers'] as Dict[];
      const token = (container['env'] as Dict[]).find((e) => e['name'] === 'METRICS_TOKEN');
      expect(endpoint['authorization']['credentials']).toEqual(token?.['valueFrom']['secretKeyRef']);
    });

    it('with tracing.otlpEndpoint exports its traces to that collector, and may reach it; without, neither', () => {
      const envOf = (values: string) => {
        const [container] = one(render(stage, values), 'Deployment', stage)['spec']['template']['spec'][
          'containers'
        ] as Dict[];
        return Object.fromEntries((container['env'] as Dict[]).map((e) => [e['name'], e['value']]));
      };
      const toCollector = (values: string) =>
        (one(render(stage, values), 'NetworkPolicy', stage)['spec']['egress'] as Dict[]).filter(
          (rule) =>
            rule['to'][0]['podSelector']?.['matchLabels']?.['app.kubernetes.io/name'] ===
            'opentelemetry-collector',
        );
      expect(envOf('values.yaml')).not.toHaveProperty('OTEL_EXPORTER_OTLP_ENDPOINT');
      expect(toCollector('values.yaml')).toEqual([]);
      expect(envOf('values-production.yaml')).toMatchObject({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.observability.svc:4318',
        TRACES_SAMPLE_RATIO: '0.1',
      });
      expect(toCollector('values-production.yaml')).toEqual([
        expect.objectContaining({ ports: [{ protocol: 'TCP', port: 4318 }] }),
      ]);
    });

    it("with externalSecret.enabled makes the stage's Secret before the migration Job needs it", () => {
      const secret = one(render(stage, 'values-production.yaml'), 'ExternalSecret', `qis-${stage}-secrets`);
      expect(Number(secret['metadata']['annotations']['helm.sh/hook-weight'])).toBeLessThan(0);
      expect(secret['metadata']['annotations']['helm.sh/hook']).toBe('pre-install,pre-upgrade');
      // Not owned by the hook object, which is deleted and made again at each upgrade.
      expect(secret['spec']['target']['creationPolicy']).toBe('Orphan');
      const keys = (secret['spec']['data'] as Dict[]).map((d) => d['secretKey']);
      const [container] = one(render(stage, 'values-production.yaml'), 'Deployment', stage)['spec'][
        'template'
      ]['spec']['containers'] as Dict[];
      for (const e of container['env'] as Dict[]) {
        const ref = e['valueFrom']?.['secretKeyRef'];
        if (ref?.['name'] === `qis-${stage}-secrets`) expect(keys).toContain(ref['key']);
      }
    });
  });

  it('names the variable a chart leaves out: purchasing without its identity key, enforcement without EVIDENCE_URL', () => {
    const env = (stage: string, set: string): Record<string, string> =>
      environmentOf(
        one(render(stage, 'values.yaml', set), 'Deployment', stage)['spec']['template']['spec'][
          'containers'
        ][0],
      );
    expect(
      configProblems('purchasing', env('purchasing', 'secretEnv.PURCHASING_IDENTITY_KEY=null')).join('\n'),
    ).toMatch(/PURCHASING_IDENTITY_KEY is missing/);
    expect(configProblems('enforcement', env('enforcement', 'env.EVIDENCE_URL=null')).join('\n')).toMatch(
      /EVIDENCE_URL is missing/,
    );
  });

  it("the evidence chart lets in only the console's Ingress, the scraper and the stages that store evidence", () => {
    const policy = one(render('evidence', 'values.yaml'), 'NetworkPolicy', 'evidence');
    const from = policy['spec']['ingress'][0]['from'] as Dict[];
    const stages = from
      .flatMap((p) => p['podSelector']?.['matchExpressions'] ?? [])
      .flatMap((e: Dict) => e['values']);
    expect(stages.sort()).toEqual([...EVIDENCE_CLIENTS].sort());
  });

  it.each(VALUES)(
    "the console chart with %s: valid, the one origin's routes for the console, each stage and Keycloak",
    (values) => {
      expect(helm('lint', '--strict', 'console', '-f', path.join('console', values))).toContain(
        '0 chart(s) failed',
      );
      const docs = render('console', values);
      expect(schemaProblems(docs)).toEqual([]);
      const api = one(docs, 'Ingress', 'qis-api');
      const paths = api['spec']['rules'][0]['http']['paths'] as Dict[];
      expect(paths.map((p) => p['backend']['service']['name']).sort()).toEqual([...STAGES].sort());
      for (const p of paths) expect(p['path']).toBe(`/api/(${p['backend']['service']['name']})(?:/|$)(.*)`);
      expect(api['metadata']['annotations']['nginx.ingress.kubernetes.io/rewrite-target']).toBe('/$2');
      // Presigned URLs reach the store with the host the evidence service signed them for.
      const store = one(docs, 'Ingress', 'qis-object-store')['metadata']['annotations'] as Dict;
      const evidence = parseYaml(
        readFileSync(path.join(root, 'deploy/helm/evidence/values.yaml'), 'utf8'),
      ) as Dict;
      expect(store['nginx.ingress.kubernetes.io/upstream-vhost']).toBe(
        new URL(evidence['env']['MINIO_ENDPOINT']).host,
      );
      // The console's nginx names no upstream (a stage not installed yet would stop it): files only.
      const [web] = one(docs, 'Deployment', 'qis-console')['spec']['template']['spec'][
        'containers'
      ] as Dict[];
      expect(environmentOf(web)['QIS_CONSOLE_ROUTES']).toBe('ingress');
      const site = one(docs, 'Ingress', 'qis-console')['spec']['rules'][0]['http']['paths'] as Dict[];
      expect(site.map((p) => [p['path'], p['backend']['service']['name']])).toEqual([
        ['/auth/', 'keycloak'],
        ['/', 'qis-console'],
      ]);
    },
  );

  describe('infrastructure on operators (deploy/helm/infrastructure)', () => {
    it.each(INFRASTRUCTURE_FILES)("%s is valid against its operator's CRD", (file) => {
      expect(docsOf(file).length).toBeGreaterThan(0);
      expect(schemaProblems(docsOf(file))).toEqual([]);
    });

    it("Strimzi's and MinIO's schemas refuse what the operators would: a misspelt ACL operation, a Tenant without pools", () => {
      const [user] = docsOf('strimzi/kafka-users.yaml');
      const misspelt = structuredClone(user);
      misspelt['spec']['authorization']['acls'][0]['operations'] = ['Wirte'];
      expect(schemaProblems([misspelt]).join('\n')).toMatch(
        /KafkaUser qis-planning: statusInvalid .*at '\/spec\/authorization\/acls\/0\/operations\/0': value must be one of 'Read', 'Write'/,
      );
      const [tenant] = docsOf('minio/tenant.yaml');
      const { pools, ...withoutPools } = tenant['spec'] as Dict;
      expect(pools).toBeDefined();
      expect(schemaProblems([{ ...tenant, spec: withoutPools }]).join('\n')).toMatch(
        /Tenant qis-evidence: statusInvalid .*at '\/spec': missing property 'pools'/,
      );
      const [, kafka] = docsOf('strimzi/kafka-cluster.yaml');
      const sha256 = structuredClone(kafka);
      sha256['spec']['kafka']['listeners'][0]['authentication']['type'] = 'scram-sha-256';
      expect(schemaProblems([sha256]).join('\n')).toMatch(
        /at '\/spec\/kafka\/listeners\/0\/authentication\/type': value must be one of 'tls', 'scram-sha-512'/,
      );
      const [topic] = docsOf('strimzi/kafka-topics.yaml');
      expect(schemaProblems([{ ...topic, spec: { ...topic['spec'], partition: 6 } }]).join('\n')).toMatch(
        /at '\/spec': additional properties 'partition' not allowed/,
      );
    });

    it('CloudNativePG: a cluster per stage, owned by the migration role', () => {
      const clusters = docsOf('cloudnative-pg/clusters.yaml');
      expect(clusters.map((c) => c['metadata']['name']).sort()).toEqual(
        STAGES.map((s) => `qis-${s}-db`).sort(),
      );
      for (const stage of STAGES) {
        const cluster = one(clusters, 'Cluster', `qis-${stage}-db`);
        const values = parseYaml(
          readFileSync(path.join(root, 'deploy/helm', stage, 'values.yaml'), 'utf8'),
        ) as Dict;
        expect(cluster['spec']['bootstrap']['initdb']).toMatchObject({
          database: values['env']['DB_NAME'],
          owner: values['env']['DB_MIGRATION_USER'],
        });
        expect(cluster['spec']['managed']['roles'][0]['name']).toBe(values['env']['DB_USER']);
        expect(cluster['spec']['enableSuperuserAccess']).toBe(false);
      }
    });

    // What the schemas cannot say: the ACLs against the contracts, no super user, SCRAM on TLS.
    it('Strimzi: a KafkaTopic per declared topic, a SCRAM principal per stage; only the lab gateway writes lab topics', () => {
      const [pool, kafka] = docsOf('strimzi/kafka-cluster.yaml');
      expect(pool).toMatchObject({ apiVersion: 'kafka.strimzi.io/v1beta2', kind: 'KafkaNodePool' });
      expect(kafka).toMatchObject({
        apiVersion: 'kafka.strimzi.io/v1beta2',
        kind: 'Kafka',
        metadata: { name: 'qis' },
      });
      expect(kafka['spec']['kafka']['authorization']).toEqual({ type: 'simple' });
      for (const listener of kafka['spec']['kafka']['listeners'] as Dict[])
        expect(listener).toMatchObject({ tls: true, authentication: { type: 'scram-sha-512' } });
      expect(kafka['spec']['kafka']['config']['auto.create.topics.enable']).toBe(false);
      expect(JSON.stringify(kafka)).not.toMatch(/superUsers/);

      const topics = docsOf('strimzi/kafka-topics.yaml');
      for (const t of topics) {
        expect(t).toMatchObject({ apiVersion: 'kafka.strimzi.io/v1beta2', kind: 'KafkaTopic' });
        expect(t['metadata']['labels']['strimzi.io/cluster']).toBe('qis');
        expect(t['metadata']['name']).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      }
      const names = topics.map((t) => t['spec']['topicName'] as string);
      for (const stage of STAGES)
        for (const t of [...generated(stage).consumes, ...generated(stage).produces]) {
          expect(names).toContain(t);
          expect(names).toContain(`${t}.dlq`);
        }

      const users = docsOf('strimzi/kafka-users.yaml');
      const operations = new Set([
        'Read',
        'Write',
        'Create',
        'Delete',
        'Alter',
        'Describe',
        'DescribeConfigs',
        'IdempotentWrite',
      ]);
      for (const u of users) {
        expect(u).toMatchObject({
          apiVersion: 'kafka.strimzi.io/v1beta2',
          kind: 'KafkaUser',
          spec: { authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple' } },
        });
        for (const acl of u['spec']['authorization']['acls'] as Dict[]) {
          expect(['topic', 'group', 'cluster']).toContain(acl['resource']['type']);
          if (acl['resource']['type'] !== 'cluster')
            expect(['literal', 'prefix']).toContain(acl['resource']['patternType']);
          for (const op of acl['operations'] as string[]) expect(operations).toContain(op);
        }
      }
      const writes = (user: string): string[] =>
        (one(users, 'KafkaUser', user)['spec']['authorization']['acls'] as Dict[])
          .filter((a) => a['resource']['type'] === 'topic' && (a['operations'] as string[]).includes('Write'))
          .map((a) => a['resource']['name'] as string);
      const reads = (user: string): string[] =>
        (one(users, 'KafkaUser', user)['spec']['authorization']['acls'] as Dict[])
          .filter((a) => a['resource']['type'] === 'topic' && (a['operations'] as string[]).includes('Read'))
          .map((a) => a['resource']['name'] as string);
      for (const stage of STAGES) {
        const plan = generated(stage);
        const allowed = new Set([
          ...plan.produces,
          ...plan.consumes.map((t) => `${t}.dlq`),
          'ops.probe.v1',
          'ops.probe.v1.dlq',
          ...(stage === 'disclosure' ? ['feed.'] : []),
        ]);
        expect(writes(plan.user).filter((t) => !allowed.has(t))).toEqual([]);
        for (const t of plan.consumes) expect(reads(plan.user)).toContain(t);
        if (stage !== 'lab-gateway') expect(writes(plan.user)).not.toContain('lab.report-issued.v1');
      }
      expect(writes('qis-lab-gateway')).toContain('lab.report-issued.v1');
    });

    it('MinIO: the evidence bucket with object lock', () => {
      const [tenant] = docsOf('minio/tenant.yaml');
      expect(tenant).toMatchObject({ apiVersion: 'minio.min.io/v2', kind: 'Tenant' });
      const evidence = parseYaml(
        readFileSync(path.join(root, 'deploy/helm/evidence/values.yaml'), 'utf8'),
      ) as Dict;
      expect(tenant['metadata']['namespace']).toBe(evidence['networkPolicy']['objectStore']['namespace']);
      expect(tenant['spec']['buckets']).toContainEqual(
        expect.objectContaining({ name: 'qis-evidence', objectLock: true }),
      );
    });
  });
});
