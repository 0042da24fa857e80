import { randomBytes } from 'node:crypto';
import { BrokerConnection, kafkaErrorName, saltedPassword, type BrokerLogin } from './broker-connection';
import { WireWriter } from './wire-writer';
import type { WireReader } from './wire-reader';

export type ScramMechanism = 'scram-sha-512' | 'scram-sha-256';

const DESCRIBE_USER_SCRAM_CREDENTIALS = 50;
const ALTER_USER_SCRAM_CREDENTIALS = 51;
const MECHANISM_CODE: Record<ScramMechanism, number> = { 'scram-sha-256': 1, 'scram-sha-512': 2 };

interface Upsertion {
  user: string;
  mechanism: ScramMechanism;
  iterations: number;
  salt: Buffer;
  salted: Buffer;
}

/**
 * Creates, replaces, lists and deletes SASL/SCRAM credentials with DescribeUserScramCredentials and
 * AlterUserScramCredentials (KIP-554, API keys 50 and 51, version 0), which kafkajs does not
 * implement, logged in as the caller's own principal (it needs Describe or Alter on the cluster).
 * Only the salted password leaves this process (RFC 5802 Hi()), so the broker never learns the
 * password itself.
 */
export class ScramCredentials {
  constructor(
    private readonly brokers: readonly string[],
    private readonly login?: BrokerLogin,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Sets (or replaces) a user's credentials, SCRAM-SHA-512 and SCRAM-SHA-256 by default. */
  async upsert(
    user: string,
    password: string,
    mechanisms: readonly ScramMechanism[] = ['scram-sha-512', 'scram-sha-256'],
    iterations = 8192,
  ): Promise<void> {
    if (iterations < 4096) throw new Error('SCRAM needs at least 4096 iterations');
    // One mechanism per request: the broker refuses to alter a user twice in one.
    for (const mechanism of mechanisms) {
      const salt = randomBytes(32);
      const salted = saltedPassword(mechanism, password, salt, iterations);
      await this.alter([], [{ user, mechanism, iterations, salt, salted }]);
    }
  }

  /** Removes a user's credentials (its connections can no longer authenticate); a user without any is fine. */
  async remove(
    user: string,
    mechanisms: readonly ScramMechanism[] = ['scram-sha-512', 'scram-sha-256'],
  ): Promise<void> {
    for (const mechanism of mechanisms) await this.alter([{ user, mechanism }], [], ['RESOURCE_NOT_FOUND']);
  }

  /** Every user with a SCRAM credential on the cluster. */
  async users(): Promise<string[]> {
    const body = new WireWriter().uvarint(0).uvarint(0).bytes(); // users: null (all); no tagged fields
    const reader = await this.call(DESCRIBE_USER_SCRAM_CREDENTIALS, body);
    reader.int32(); // throttle_time_ms
    const code = reader.int16();
    reader.compactString();
    if (code !== 0) throw new Error(`DescribeUserScramCredentials failed: ${kafkaErrorName(code)}`);
    const users: string[] = [];
    const count = reader.uvarint() - 1;
    for (let i = 0; i < count; i++) {
      const user = reader.compactString() ?? '';
      reader.int16();
      reader.compactString();
      const infos = reader.uvarint() - 1;
      for (let j = 0; j < infos; j++) {
        reader.skip(5); // mechanism int8, iterations int32
        reader.skipTaggedFields();
      }
      reader.skipTaggedFields();
      users.push(user);
    }
    return users;
  }

  private async alter(
    deletions: ReadonlyArray<{ user: string; mechanism: ScramMechanism }>,
    upsertions: readonly Upsertion[],
    tolerated: readonly string[] = [],
  ): Promise<void> {
    const body = new WireWriter();
    body.uvarint(deletions.length + 1);
    for (const d of deletions) body.compactString(d.user).int8(MECHANISM_CODE[d.mechanism]).uvarint(0);
    body.uvarint(upsertions.length + 1);
    for (const u of upsertions)
      body
        .compactString(u.user)
        .int8(MECHANISM_CODE[u.mechanism])
        .int32(u.iterations)
        .compactBytes(u.salt)
        .compactBytes(u.salted)
        .uvarint(0);
    body.uvarint(0);
    const reader = await this.call(ALTER_USER_SCRAM_CREDENTIALS, body.bytes());
    reader.int32(); // throttle_time_ms
    const failed: string[] = [];
    const count = reader.uvarint() - 1;
    for (let i = 0; i < count; i++) {
      const user = reader.compactString() ?? '';
      const code = reader.int16();
      const message = reader.compactString();
      reader.skipTaggedFields();
      if (code !== 0 && !tolerated.includes(kafkaErrorName(code)))
        failed.push(`${user}: ${kafkaErrorName(code)}${message ? ` (${message})` : ''}`);
    }
    if (failed.length > 0) throw new Error(`AlterUserScramCredentials failed: ${failed.join('; ')}`);
  }

  private async call(apiKey: number, body: Buffer): Promise<WireReader> {
    const connection = await BrokerConnection.open(this.brokers, this.login, this.timeoutMs);
    try {
      return await connection.request(apiKey, 0, body, true);
    } finally {
      connection.close();
    }
  }
}

/** Whether a login is accepted by one of the brokers (a credential just set takes a moment to apply). */
export async function loginAccepted(brokers: readonly string[], login: BrokerLogin): Promise<boolean> {
  try {
    (await BrokerConnection.open(brokers, login, 5_000)).close();
    return true;
  } catch {
    return false;
  }
}

/** Waits until the brokers accept a login just set (the controller commits it before the broker applies it). */
export async function untilLoginAccepted(
  brokers: readonly string[],
  login: BrokerLogin,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await loginAccepted(brokers, login))) {
    if (Date.now() > deadline)
      throw new Error(`the brokers do not accept ${login.username}'s new credential`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
