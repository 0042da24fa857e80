import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, ServiceConfig } from '@qis/config';
import { brokerLogin, kafkaClientConfig, kafkaConnection } from './kafka-options';

const config = (env: Record<string, string> = {}): ServiceConfig =>
  loadConfig(ServiceConfig, { DB_PASSWORD: 'pw', AUTH_PUBLIC_KEY_FILE: __filename, ...env });

describe('kafkaClientConfig', () => {
  it('adds no SASL and no TLS where no principal is configured', () => {
    const client = kafkaClientConfig(config(), 'qis-test');
    expect(client).not.toHaveProperty('sasl');
    expect(client).not.toHaveProperty('ssl');
  });

  it("gives every client the service's own principal, its password from the variable or its file", () => {
    const principal = { KAFKA_SASL_USERNAME: 'qis-planning', KAFKA_SASL_PASSWORD: 'from-the-variable' };
    expect(kafkaClientConfig(config(principal), 'qis-test').sasl).toEqual({
      mechanism: 'scram-sha-512',
      username: 'qis-planning',
      password: 'from-the-variable',
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'kafka-options-'));
    writeFileSync(path.join(dir, 'password'), 'from-the-file\n');
    writeFileSync(path.join(dir, 'ca.crt'), '-----BEGIN CERTIFICATE-----\n');
    const client = kafkaClientConfig(
      config({
        KAFKA_SASL_USERNAME: 'qis-planning',
        KAFKA_SASL_PASSWORD_FILE: path.join(dir, 'password'),
        KAFKA_SASL_MECHANISM: 'scram-sha-256',
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: path.join(dir, 'ca.crt'),
      }),
      'qis-test',
    );
    expect(client.sasl).toEqual({
      mechanism: 'scram-sha-256',
      username: 'qis-planning',
      password: 'from-the-file',
    });
    expect(client.ssl).toEqual({ ca: ['-----BEGIN CERTIFICATE-----\n'] });
  });
});

describe('kafkaConnection (tools and tests)', () => {
  it('reads the brokers and the principal from the environment as a service does, SCRAM-SHA-512 by default', () => {
    const env = {
      KAFKA_BROKERS: '10.0.0.1:9094,10.0.0.2:9094',
      KAFKA_SASL_USERNAME: 'qis-admin',
      KAFKA_SASL_PASSWORD: 'pw',
    };
    expect(kafkaConnection(env)).toEqual({
      brokers: ['10.0.0.1:9094', '10.0.0.2:9094'],
      sasl: { mechanism: 'scram-sha-512', username: 'qis-admin', password: 'pw' },
    });
  });

  it('defaults to the local SASL listener and connects without a principal only when none is given', () => {
    expect(kafkaConnection({})).toEqual({ brokers: ['127.0.0.1:19094'] });
  });

  it("gives the requests kafkajs lacks the service's own login", () => {
    expect(brokerLogin(config({ KAFKA_SASL_USERNAME: 'qis-disclosure', KAFKA_SASL_PASSWORD: 'pw' }))).toEqual(
      {
        mechanism: 'scram-sha-512',
        username: 'qis-disclosure',
        password: 'pw',
      },
    );
    expect(brokerLogin(config())).toBeUndefined();
  });
});
