import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { Socket } from 'node:net';

/**
 * Creates, replaces and deletes SASL/SCRAM-SHA-256 credentials on the broker with the
 * AlterUserScramCredentials request (KIP-554, API key 51, version 0), which kafkajs does not
 * implement. Only the salted password leaves this process (RFC 5802: PBKDF2-HMAC-SHA-256 of the
 * password), so the broker never learns the password itself. The request needs ALTER on the
 * cluster: it is sent through the trusted PLAINTEXT listener.
 */
export class ScramCredentials {
  constructor(
    private readonly brokers: readonly string[],
    private readonly timeoutMs = 10_000,
  ) {}

  /** Sets (or replaces) a user's SCRAM-SHA-256 credential. */
  async upsert(user: string, password: string, iterations = 8192): Promise<void> {
    if (iterations < 4096) throw new Error('SCRAM-SHA-256 needs at least 4096 iterations');
    const salt = randomBytes(32);
    const salted = pbkdf2Sync(
      Buffer.from(password.normalize('NFKC'), 'utf8'),
      salt,
      iterations,
      32,
      'sha256',
    );
    await this.alter([], [{ user, iterations, salt, salted }]);
  }

  /** Removes a user's SCRAM-SHA-256 credential (its connections can no longer authenticate). */
  async remove(user: string): Promise<void> {
    await this.alter([user], [], ['RESOURCE_NOT_FOUND']);
  }

  private async alter(
    deletions: readonly string[],
    upsertions: ReadonlyArray<{ user: string; iterations: number; salt: Buffer; salted: Buffer }>,
    tolerated: readonly string[] = [],
  ): Promise<void> {
    const body = new Writer();
    body.uvarint(deletions.length + 1);
    for (const user of deletions) body.compactString(user).int8(SCRAM_SHA_256).uvarint(0);
    body.uvarint(upsertions.length + 1);
    for (const u of upsertions)
      body
        .compactString(u.user)
        .int8(SCRAM_SHA_256)
        .int32(u.iterations)
        .compactBytes(u.salt)
        .compactBytes(u.salted)
        .uvarint(0);
    body.uvarint(0);
    const response = await this.roundTrip(body.bytes());
    const results = parseResponse(response);
    const failed = results.filter((r) => r.errorCode !== 0 && !tolerated.includes(errorName(r.errorCode)));
    if (failed.length > 0)
      throw new Error(
        `AlterUserScramCredentials failed: ${failed
          .map((r) => `${r.user}: ${errorName(r.errorCode)}${r.message ? ` (${r.message})` : ''}`)
          .join('; ')}`,
      );
  }

  /** Sends one request (header v2) to the first broker that answers; returns the body after the header. */
  private async roundTrip(body: Buffer): Promise<Reader> {
    let last: unknown;
    for (const broker of this.brokers) {
      try {
        return await this.send(broker, body);
      } catch (error) {
        last = error;
      }
    }
    throw new Error(`no broker answered AlterUserScramCredentials: ${(last as Error)?.message ?? last}`);
  }

  private send(broker: string, body: Buffer): Promise<Reader> {
    const [host, port] = splitHostPort(broker);
    const correlationId = randomBytes(4).readInt32BE() & 0x7fffffff;
    const header = new Writer()
      .int16(API_KEY)
      .int16(API_VERSION)
      .int32(correlationId)
      .nullableString('qis-disclosure-scram')
      .uvarint(0)
      .bytes();
    const frame = Buffer.concat([new Writer().int32(header.length + body.length).bytes(), header, body]);
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      let received = Buffer.alloc(0);
      const fail = (error: Error) => {
        socket.destroy();
        reject(error);
      };
      socket.setTimeout(this.timeoutMs, () => fail(new Error(`${broker}: timed out`)));
      socket.on('error', fail);
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
        socket.end();
        const reader = new Reader(received.subarray(4, 4 + received.readInt32BE(0)));
        if (reader.int32() !== correlationId) return fail(new Error(`${broker}: correlation id mismatch`));
        reader.skipTaggedFields(); // response header v1
        resolve(reader);
      });
      socket.on('close', () => reject(new Error(`${broker}: connection closed before a response`)));
      socket.connect(port, host, () => socket.write(frame));
    });
  }
}

const API_KEY = 51;
const API_VERSION = 0;
const SCRAM_SHA_256 = 1;

const ERRORS: Record<number, string> = {
  29: 'CLUSTER_AUTHORIZATION_FAILED',
  35: 'UNSUPPORTED_VERSION',
  41: 'NOT_CONTROLLER',
  42: 'INVALID_REQUEST',
  91: 'RESOURCE_NOT_FOUND',
  92: 'DUPLICATE_RESOURCE',
  93: 'UNACCEPTABLE_CREDENTIAL',
  95: 'UNSUPPORTED_SASL_MECHANISM',
};
const errorName = (code: number): string => ERRORS[code] ?? `error ${code}`;

function parseResponse(reader: Reader): Array<{ user: string; errorCode: number; message: string | null }> {
  reader.int32(); // throttle_time_ms
  const count = reader.uvarint() - 1;
  const results = [];
  for (let i = 0; i < count; i++) {
    const user = reader.compactString() ?? '';
    const errorCode = reader.int16();
    const message = reader.compactString();
    reader.skipTaggedFields();
    results.push({ user, errorCode, message });
  }
  return results;
}

function splitHostPort(broker: string): [string, number] {
  const at = broker.lastIndexOf(':');
  return [broker.slice(0, at), Number(broker.slice(at + 1))];
}

/** Big-endian writer for the Kafka wire format (fixed ints, unsigned varints, compact strings). */
class Writer {
  private readonly parts: Buffer[] = [];

  int8(value: number): this {
    const b = Buffer.alloc(1);
    b.writeInt8(value);
    return this.push(b);
  }

  int16(value: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(value);
    return this.push(b);
  }

  int32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(value);
    return this.push(b);
  }

  uvarint(value: number): this {
    const bytes: number[] = [];
    let v = value >>> 0;
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
    return this.push(Buffer.from(bytes));
  }

  nullableString(value: string): this {
    const b = Buffer.from(value, 'utf8');
    return this.int16(b.length).push(b);
  }

  compactString(value: string): this {
    return this.compactBytes(Buffer.from(value, 'utf8'));
  }

  compactBytes(value: Buffer): this {
    return this.uvarint(value.length + 1).push(value);
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }

  private push(b: Buffer): this {
    this.parts.push(b);
    return this;
  }
}

class Reader {
  private at = 0;

  constructor(private readonly buffer: Buffer) {}

  int16(): number {
    const v = this.buffer.readInt16BE(this.at);
    this.at += 2;
    return v;
  }

  int32(): number {
    const v = this.buffer.readInt32BE(this.at);
    this.at += 4;
    return v;
  }

  uvarint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = this.buffer[this.at++];
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value >>> 0;
      shift += 7;
    }
  }

  compactString(): string | null {
    const length = this.uvarint() - 1;
    if (length < 0) return null;
    const v = this.buffer.toString('utf8', this.at, this.at + length);
    this.at += length;
    return v;
  }

  skipTaggedFields(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint(); // tag
      this.at += this.uvarint(); // size + data
    }
  }
}
