import { contracts, platformChannels, SERVICES, type EventDescriptor } from '@qis/contracts';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { IS_ISO8601 } from 'class-validator';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { stringify } from 'yaml';

// class-transformer keeps its @Type metadata here; no typed entry point exports it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** A file the generator owns, relative to the repository root. */
export interface GeneratedFile {
  path: string;
  content: string;
}

export const ASYNCAPI_PATH = 'docs/asyncapi.yaml';
export const SCHEMAS_DIR = 'docs/schemas';
const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';
const KAFKA_BINDING_VERSION = '0.5.0';

// Contracts state the format themselves (`date-time` or `date`); the library's default says "either".
const conversionOptions = {
  classTransformerMetadataStorage: defaultMetadataStorage,
  additionalConverters: { [IS_ISO8601]: {} },
};

const toJson = (value: unknown): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;
const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sorted keys everywhere, so the output does not depend on decorator or insertion order. */
export function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}

const eventName = (descriptor: EventDescriptor): string => descriptor.value.name.replace(/Value$/, '');
const camel = (text: string): string => text.replace(/[.-]+([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const channelId = (descriptor: EventDescriptor): string => camel(descriptor.topic);

/** Class schemas keyed by class name; `$ref`s use the given prefix. Unknown fields are refused. */
function classSchemas(refPointerPrefix: string): Record<string, JsonObject> {
  const schemas = toJson(validationMetadatasToSchemas({ ...conversionOptions, refPointerPrefix }));
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      { ...(schema as JsonObject), additionalProperties: false },
    ]),
  );
}

/** Names of the classes a schema refers to, transitively, itself included. */
function reachable(root: string, schemas: Record<string, JsonObject>, prefix: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    const schema = schemas[name];
    if (!schema) throw new Error(`no schema for class ${name}: is it decorated?`);
    seen.add(name);
    const walk = (node: Json): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (isObject(node))
        for (const [key, child] of Object.entries(node)) {
          if (key === '$ref' && typeof child === 'string' && child.startsWith(prefix))
            visit(child.slice(prefix.length));
          else walk(child);
        }
    };
    walk(schema);
  };
  visit(root);
  return [...seen].sort();
}

const stripAnchors = (pattern: string): string => pattern.replace(/^\^/, '').replace(/\$$/, '');

/** The Kafka key as it is on the wire: the key fields joined with `:`. */
export function keySchema(descriptor: EventDescriptor): JsonObject {
  const objectSchema = toJson(targetConstructorToSchema(descriptor.key, conversionOptions));
  const properties = isObject(objectSchema.properties) ? objectSchema.properties : {};
  const parts = descriptor.keyFields.map((field) => {
    const property = properties[field];
    const pattern = isObject(property) ? property.pattern : undefined;
    if (typeof pattern !== 'string')
      throw new Error(`${descriptor.key.name}.${field} needs a @Matches pattern`);
    const description =
      isObject(property) && typeof property.description === 'string' ? property.description : field;
    return { field, pattern, description };
  });
  const example = descriptor.keyFields
    .map((field) => String((descriptor.example.key as Record<string, unknown>)[field]))
    .join(':');
  return {
    type: 'string',
    title: descriptor.key.name,
    pattern: `^${parts.map((p) => `(${stripAnchors(p.pattern)})`).join(':')}$`,
    description: `Kafka key: ${parts.map((p) => `\`${p.field}\` (${p.description})`).join(' + ":" + ')}`,
    examples: [example],
  };
}

/** One JSON Schema per event key and value: `docs/schemas/<topic>.key.json` and `.value.json`. */
export function buildEventSchemas(): Record<string, JsonObject> {
  const prefix = '#/definitions/';
  const schemas = classSchemas(prefix);
  const files: Record<string, JsonObject> = {};
  for (const descriptor of contracts) {
    const root = descriptor.value.name;
    const dependencies = reachable(root, schemas, prefix).filter((name) => name !== root);
    files[`${SCHEMAS_DIR}/${descriptor.topic}.key.json`] = {
      $schema: JSON_SCHEMA_DRAFT,
      $id: `${descriptor.topic}.key.json`,
      ...keySchema(descriptor),
    };
    files[`${SCHEMAS_DIR}/${descriptor.topic}.value.json`] = {
      $schema: JSON_SCHEMA_DRAFT,
      $id: `${descriptor.topic}.value.json`,
      title: root,
      description: descriptor.description,
      ...schemas[root],
      ...(dependencies.length > 0
        ? { definitions: Object.fromEntries(dependencies.map((n) => [n, schemas[n]])) }
        : {}),
    };
  }
  return files;
}

/** The headers every message carries (ARCHITECTURE.md, Events). Kafka header values are strings. */
const eventHeaders: JsonObject = {
  type: 'object',
  required: ['message-id', 'type', 'version', 'occurred-at', 'correlation-id', 'producer'],
  properties: {
    'message-id': {
      type: 'string',
      format: 'uuid',
      description: 'unique per message; the inbox deduplicates on it',
    },
    type: {
      type: 'string',
      description: 'the event type: the topic without its version, e.g. lab.report-issued',
    },
    version: { type: 'string', pattern: '^[1-9][0-9]*$', description: "the topic's major version" },
    'occurred-at': {
      type: 'string',
      format: 'date-time',
      description: 'when the state change happened, UTC',
    },
    'correlation-id': { type: 'string', description: 'the batch number for flow events; else the key' },
    'causation-id': { type: 'string', description: 'message id of the message that caused this one, if any' },
    producer: { type: 'string', enum: [...SERVICES, 'platform'], description: 'the producing service' },
    traceparent: {
      type: 'string',
      pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description: 'W3C trace context',
    },
  },
};

/** The AsyncAPI 3.0 document of every topic: channels, who sends, who receives, and the schemas. */
export function buildAsyncApiDocument(): JsonObject {
  const prefix = '#/components/schemas/';
  const all = classSchemas(prefix);
  const schemas: Record<string, JsonObject> = { EventHeaders: eventHeaders };
  const messages: JsonObject = {};
  const channels: JsonObject = {};
  const operations: JsonObject = {};

  /** One channel with its message, its schemas and who sends and receives it. */
  const addChannel = (spec: {
    id: string;
    address: string;
    name: string;
    type: string;
    version: number;
    summary: string;
    description: string;
    key: JsonObject & { title: string };
    value: new () => object;
    example: object;
    senders: readonly string[];
    receivers: readonly string[];
    /** Flow events carry the batch as their correlation id. */
    correlated: boolean;
    extra?: JsonObject;
  }): void => {
    const { id, name } = spec;
    for (const cls of reachable(spec.value.name, all, prefix)) schemas[cls] = all[cls];
    schemas[spec.key.title] = spec.key;
    messages[name] = {
      name,
      title: name.replace(/([a-z])([A-Z])/g, '$1 $2'),
      summary: spec.summary,
      contentType: 'application/json',
      headers: {
        allOf: [
          { $ref: `${prefix}EventHeaders` },
          {
            type: 'object',
            properties: {
              type: { type: 'string', const: spec.type },
              version: { type: 'string', const: String(spec.version) },
            },
          },
        ],
      },
      payload: { $ref: `${prefix}${spec.value.name}` },
      ...(spec.correlated ? { correlationId: { location: '$message.header#/correlation-id' } } : {}),
      bindings: {
        kafka: { key: { $ref: `${prefix}${spec.key.title}` }, bindingVersion: KAFKA_BINDING_VERSION },
      },
      examples: [{ name: 'example', payload: toJson(spec.example) }],
    };
    channels[id] = {
      address: spec.address,
      title: spec.address,
      description: spec.description,
      ...spec.extra,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
      bindings: { kafka: { bindingVersion: KAFKA_BINDING_VERSION } },
    };
    const operation = (action: 'send' | 'receive', actor: string): JsonObject => ({
      action,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${name}` }],
      summary: `${actor} ${action === 'send' ? 'publishes' : 'consumes'} ${spec.address}`,
    });
    for (const sender of spec.senders) operations[`${camel(sender)}Send${name}`] = operation('send', sender);
    for (const receiver of spec.receivers)
      operations[`${camel(receiver)}Receive${name}`] = operation('receive', receiver);
  };

  for (const descriptor of contracts)
    addChannel({
      id: channelId(descriptor),
      address: descriptor.topic,
      name: eventName(descriptor),
      type: descriptor.type,
      version: descriptor.version,
      summary: descriptor.description,
      description: `${descriptor.description} Dead letters go to \`${descriptor.topic}.dlq\`.`,
      key: keySchema(descriptor) as JsonObject & { title: string },
      value: descriptor.value,
      example: descriptor.example.value,
      senders: [descriptor.owner],
      receivers: descriptor.consumers,
      correlated: true,
    });

  // One pair of topics per registered platform: a parameterised address, on the SASL listener.
  for (const feed of platformChannels)
    addChannel({
      id: camel(feed.address.replace('{platform}', 'platform')),
      address: feed.address,
      name: feed.value.name.replace(/Value$/, ''),
      type: feed.type,
      version: feed.version,
      summary: feed.description,
      description: feed.description,
      key: keySchema({
        key: feed.key,
        keyFields: ['batchNumber'],
        example: feed.example,
      } as unknown as EventDescriptor) as JsonObject & { title: string },
      value: feed.value,
      example: feed.example.value,
      senders: [feed.owner],
      receivers: [feed.receiver],
      correlated: false,
      extra: {
        parameters: { platform: { description: 'the platform code, e.g. taobao (a registered platform)' } },
        servers: [{ $ref: '#/servers/platforms' }],
      },
    });

  const sorted = (value: JsonObject): JsonObject => sortKeys(value) as JsonObject;
  // Top-level order is the conventional one; everything below it is sorted.
  return {
    asyncapi: '3.0.0',
    info: sorted({
      title: 'QIS events',
      version: '1.0.0',
      description: [
        'Events between the QIS services (online product-quality sampling inspection).',
        'Generated from libs/contracts by `npm run asyncapi`; do not edit.',
        'Topics are `<owner>.<event>.v<major>`: a breaking change is a new major topic.',
        'Keys are the batch number for flow events, so one batch stays on one partition.',
        'Money is integer fen (分), instants are ISO-8601 UTC, areas are GB/T 2260 codes.',
        '`KAFKA_TOPIC_PREFIX`, when set, prefixes every address.',
      ].join('\n'),
      license: { name: 'Apache-2.0' },
    }),
    defaultContentType: 'application/json',
    servers: sorted({
      local: {
        host: '127.0.0.1:19094',
        protocol: 'kafka',
        protocolVersion: '3.9',
        description:
          'the local broker started by deploy/local (KRaft), its SASL/SCRAM listener: each service as its own principal, under ACLs derived from these contracts (QIS_KAFKA_SASL_PORT overrides the port)',
        security: [{ $ref: '#/components/securitySchemes/serviceScram' }],
      },
      platforms: {
        host: '127.0.0.1:19094',
        protocol: 'kafka',
        protocolVersion: '3.9',
        description:
          "the same broker's SASL/SCRAM listener for the platforms' feeds, under ACLs (QIS_KAFKA_SASL_PORT overrides the port)",
        security: [{ $ref: '#/components/securitySchemes/platformScram' }],
      },
    }),
    channels: sorted(channels),
    operations: sorted(operations),
    components: sorted({
      schemas: { ...schemas },
      messages,
      securitySchemes: {
        serviceScram: {
          type: 'scramSha512',
          description:
            "a service's own principal qis-<service> (KAFKA_SASL_USERNAME), a Strimzi KafkaUser in a cluster",
        },
        platformScram: {
          type: 'scramSha256',
          description:
            "a platform's SCRAM-SHA-256 user, issued once at registration (POST /feeds/platforms on disclosure)",
        },
      },
    }),
  };
}

export const renderAsyncApiYaml = (document: JsonObject): string =>
  `# Generated from libs/contracts by \`npm run asyncapi\`; do not edit.\n${stringify(document, {
    aliasDuplicateObjects: false,
    // 1.1 rules quote timestamp-like strings, which js-yaml based AsyncAPI tools would read as dates.
    version: '1.1',
    lineWidth: 0,
  })}`;

/**
 * Every generated file with its content (tools/asyncapi writes and checks them). JSON is returned
 * as objects: the CLI formats it with prettier so the checked-in files pass the format check.
 */
export function buildDocuments(): { asyncapi: GeneratedFile; schemas: Record<string, JsonObject> } {
  return {
    asyncapi: { path: ASYNCAPI_PATH, content: renderAsyncApiYaml(buildAsyncApiDocument()) },
    schemas: Object.fromEntries(
      Object.entries(buildEventSchemas()).map(([path, schema]) => [path, sortKeys(schema) as JsonObject]),
    ),
  };
}
