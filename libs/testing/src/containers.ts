import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** True when a container engine answers (Docker or a compatible socket). */
export function containerRuntimeAvailable(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

export interface StartedContainers {
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL, Kafka and MinIO with testcontainers, for machines that have a container
 * engine and no running infrastructure. Same versions as deploy/docker-compose.yml.
 */
export async function startContainers(): Promise<StartedContainers> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const password = `t${Math.random().toString(36).slice(2)}`;
  const pg = await new GenericContainer('postgres:15')
    .withEnvironment({ POSTGRES_USER: 'qis', POSTGRES_PASSWORD: password })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  const kafka = await new GenericContainer('apache/kafka:3.9.1')
    .withExposedPorts({ container: 9092, host: 29092 })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://127.0.0.1:29092',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  const minioSecret = `s${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const minio = await new GenericContainer('minio/minio:RELEASE.2025-04-22T22-12-26Z')
    .withCommand(['server', '/data'])
    .withEnvironment({
      MINIO_ROOT_USER: 'qis-test',
      MINIO_ROOT_PASSWORD: minioSecret,
      MINIO_KMS_SECRET_KEY: `qis-key:${Buffer.alloc(32, 7).toString('base64')}`,
    })
    .withExposedPorts(9000)
    .withWaitStrategy(Wait.forHttp('/minio/health/ready', 9000))
    .start();
  // As the local script does: the services connect as a role that is no superuser.
  const appPassword = `a${Math.random().toString(36).slice(2)}`;
  const { Client } = await import('pg');
  const admin = new Client({
    host: pg.getHost(),
    port: pg.getMappedPort(5432),
    user: 'qis',
    password,
    database: 'postgres',
  });
  await admin.connect();
  await admin.query(
    `create role qis_app login nosuperuser nocreatedb nocreaterole password '${appPassword}'`,
  );
  await admin.end();
  // Services need a token key to start; tests sign with their own issuer (TestIssuer).
  const keyDir = mkdtempSync(path.join(tmpdir(), 'qis-containers-'));
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(path.join(keyDir, 'jwt.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
  return {
    env: {
      AUTH_PUBLIC_KEY_FILE: path.join(keyDir, 'jwt.pub'),
      DB_HOST: pg.getHost(),
      DB_PORT: String(pg.getMappedPort(5432)),
      DB_USER: 'qis_app',
      DB_PASSWORD: appPassword,
      DB_ADMIN_USER: 'qis',
      DB_ADMIN_PASSWORD: password,
      KAFKA_BROKERS: '127.0.0.1:29092',
      MINIO_ENDPOINT: `http://${minio.getHost()}:${minio.getMappedPort(9000)}`,
      MINIO_ACCESS_KEY: 'qis-test',
      MINIO_SECRET_KEY: minioSecret,
      MINIO_REGION: 'us-east-1',
    },
    stop: async () => {
      await Promise.all([pg.stop(), kafka.stop(), minio.stop()]);
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
