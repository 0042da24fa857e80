import type { ServiceName } from '@qis/contracts';
import { kafkaPrincipals, stageAcls, type KafkaPrincipal } from './kafka-plan';

/**
 * The provisioning principal of a local or Compose broker: the only one with rights over every
 * topic, group and the cluster (topics, users, ACLs; an operator's dead-letter replay); no service
 * runs as it. Strimzi has its own (the User Operator).
 */
export const ADMIN_USER = 'qis-admin';

/** The variable holding a principal's password: qis-lab-gateway -> QIS_KAFKA_PASSWORD_LAB_GATEWAY. */
export const passwordVariable = (user: string): string =>
  `QIS_KAFKA_PASSWORD_${user.replace(/^qis-/, '').replace(/[-.]/g, '_').toUpperCase()}`;

const adminPrincipal = (): KafkaPrincipal => ({
  user: ADMIN_USER,
  labels: {},
  acls: [
    { resource: { type: 'cluster' }, operations: ['All'] },
    { resource: { type: 'topic', name: '*', patternType: 'literal' }, operations: ['All'] },
    { resource: { type: 'group', name: '*', patternType: 'literal' }, operations: ['All'] },
  ],
});

/**
 * The backbone's principals with their ACLs (tools/k8s kafka-plan.ts, the Strimzi KafkaUsers'
 * source) and the admin; under a prefix, users, topics and groups alike (tests share one broker).
 */
export function localPrincipals(prefix = ''): KafkaPrincipal[] {
  return [...kafkaPrincipals(), adminPrincipal()].map((p) => prefixed(p, prefix));
}

/** A principal with its user, topics and groups under a prefix (`*` stays every name). */
const prefixed = (p: KafkaPrincipal, prefix: string): KafkaPrincipal => {
  const named = (name: string): string => (name === '*' ? name : `${prefix}${name}`);
  return {
    ...p,
    user: `${prefix}${p.user}`,
    acls: p.acls.map((acl) =>
      acl.resource.type === 'cluster'
        ? acl
        : { ...acl, resource: { ...acl.resource, name: named(acl.resource.name) } },
    ),
  };
};

/**
 * The backbone fixture of the tests (libs/testing fixtures/backbone), a service that writes and
 * reads its own topic: a stage's ACLs for that topic and the groups of its test file, under the
 * file's prefix (never empty: a test prefix).
 */
export function testFixturePrincipal(topic: string, prefix: string): KafkaPrincipal {
  const acls = stageAcls({
    service: 'fixture' as ServiceName,
    user: 'qis-fixture',
    consumerGroup: 'qis-fixture',
    produces: [topic],
    consumes: [topic],
  });
  // Its tests name consumer groups of their own: any group of the test file.
  acls.push({
    resource: { type: 'group', name: '', patternType: 'prefix' },
    operations: ['Read', 'Describe'],
  });
  return prefixed({ user: 'qis-fixture', labels: {}, acls }, prefix);
}
