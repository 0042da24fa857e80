import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import { WireReader } from './wire-reader';
import { WireWriter } from './wire-writer';

/** A principal's SASL login: SCRAM (the services, the admin, platforms) or PLAIN (the broker's own). */
export interface BrokerLogin {
  mechanism: 'scram-sha-512' | 'scram-sha-256' | 'plain';
  username: string;
  password: string;
}

const SASL_HANDSHAKE = 17;
const SASL_AUTHENTICATE = 36;

const ERRORS: Record<number, string> = {
  29: 'CLUSTER_AUTHORIZATION_FAILED',
  33: 'UNSUPPORTED_SASL_MECHANISM',
  34: 'ILLEGAL_SASL_STATE',
  35: 'UNSUPPORTED_VERSION',
  41: 'NOT_CONTROLLER',
  42: 'INVALID_REQUEST',
  58: 'SASL_AUTHENTICATION_FAILED',
  91: 'RESOURCE_NOT_FOUND',
  92: 'DUPLICATE_RESOURCE',
  93: 'UNACCEPTABLE_CREDENTIAL',
  95: 'UNSUPPORTED_SASL_MECHANISM',
};
export const kafkaErrorName = (code: number): string => ERRORS[code] ?? `error ${code}`;

function splitHostPort(broker: string): [string, number] {
  const at = broker.lastIndexOf(':');
  return [broker.slice(0, at), Number(broker.slice(at + 1))];
}

/**
 * One connection to a broker that speaks the Kafka protocol by hand, after a SASL login (KIP-152
 * SaslHandshake v1 and SaslAuthenticate v1; SCRAM per RFC 5802/7677): for the admin requests that
 * kafkajs does not implement (the SCRAM credential APIs of KIP-554, flexible versions), sent as the
 * caller's own principal. Requests go one at a time.
 */
export class BrokerConnection {
  private correlationId = 0;
  private received = Buffer.alloc(0);
  private pending?: { id: number; resolve: (r: WireReader) => void; reject: (e: Error) => void };
  private closed?: Error;

  private constructor(
    private readonly socket: Socket,
    private readonly broker: string,
    private readonly timeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error(`${broker}: connection closed`)));
  }

  /** Connects to the first broker that answers and logs in (no login: a PLAINTEXT listener). */
  static async open(
    brokers: readonly string[],
    login?: BrokerLogin,
    timeoutMs = 10_000,
  ): Promise<BrokerConnection> {
    let last: unknown;
    for (const broker of brokers) {
      let connection: BrokerConnection | undefined;
      try {
        connection = await BrokerConnection.connect(broker, timeoutMs);
        if (login) await connection.login(login);
        return connection;
      } catch (error) {
        connection?.close();
        last = error;
      }
    }
    throw last instanceof Error ? last : new Error(`no broker answered: ${String(last)}`);
  }

  private static connect(broker: string, timeoutMs: number): Promise<BrokerConnection> {
    const [host, port] = splitHostPort(broker);
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`${broker}: timed out`)));
      socket.once('error', reject);
      socket.connect(port, host, () => {
        socket.off('error', reject);
        resolve(new BrokerConnection(socket, broker, timeoutMs));
      });
    });
  }

  /**
   * Sends one request and returns its response body. Flexible versions (KIP-482) use request
   * header v2 and response header v1 (tagged fields); the others header v1 and v0.
   */
  request(apiKey: number, apiVersion: number, body: Buffer, flexible: boolean): Promise<WireReader> {
    if (this.closed) return Promise.reject(this.closed);
    const id = ++this.correlationId;
    const header = new WireWriter().int16(apiKey).int16(apiVersion).int32(id).string('qis-broker-admin');
    if (flexible) header.uvarint(0);
    const head = header.bytes();
    const frame = Buffer.concat([new WireWriter().int32(head.length + body.length).bytes(), head, body]);
    return new Promise<WireReader>((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(new Error(`${this.broker}: no answer to API ${apiKey}`)),
        this.timeoutMs,
      );
      this.pending = {
        id,
        resolve: (reader) => {
          clearTimeout(timer);
          if (flexible) reader.skipTaggedFields();
          resolve(reader);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.socket.write(frame);
    });
  }

  close(): void {
    this.closed ??= new Error(`${this.broker}: connection closed`);
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.received = Buffer.concat([this.received, chunk]);
    while (this.received.length >= 4 && this.received.length >= 4 + this.received.readInt32BE(0)) {
      const size = this.received.readInt32BE(0);
      const reader = new WireReader(this.received.subarray(4, 4 + size));
      this.received = this.received.subarray(4 + size);
      const pending = this.pending;
      this.pending = undefined;
      if (!pending) continue;
      if (reader.int32() !== pending.id) pending.reject(new Error(`${this.broker}: correlation id mismatch`));
      else pending.resolve(reader);
    }
  }

  private fail(error: Error): void {
    this.closed ??= error;
    this.socket.destroy();
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }

  private async login(login: BrokerLogin): Promise<void> {
    const mechanism = login.mechanism.toUpperCase();
    const handshake = await this.request(
      SASL_HANDSHAKE,
      1,
      new WireWriter().string(mechanism).bytes(),
      false,
    );
    const code = handshake.int16();
    if (code !== 0) throw new Error(`${this.broker}: SASL ${mechanism} refused (${kafkaErrorName(code)})`);
    if (login.mechanism === 'plain') {
      await this.authenticate(Buffer.from(`\0${login.username}\0${login.password}`, 'utf8'));
      return;
    }
    await scramLogin({ ...login, mechanism: login.mechanism }, (bytes) => this.authenticate(bytes));
  }

  private async authenticate(bytes: Buffer): Promise<Buffer> {
    const reader = await this.request(
      SASL_AUTHENTICATE,
      1,
      new WireWriter().sizedBytes(bytes).bytes(),
      false,
    );
    const code = reader.int16();
    const message = reader.string();
    if (code !== 0)
      throw new Error(`${this.broker}: ${kafkaErrorName(code)}${message ? ` (${message})` : ''}`);
    return reader.sizedBytes();
  }
}

/** The SCRAM parameters of a mechanism: hash, and key length of its salted password. */
const scramHash = (mechanism: 'scram-sha-512' | 'scram-sha-256'): { digest: string; length: number } =>
  mechanism === 'scram-sha-512' ? { digest: 'sha512', length: 64 } : { digest: 'sha256', length: 32 };

/** Hi(password, salt, i) of RFC 5802: the salted password the broker stores its keys from. */
export const saltedPassword = (
  mechanism: 'scram-sha-512' | 'scram-sha-256',
  password: string,
  salt: Buffer,
  iterations: number,
): Buffer => {
  const { digest, length } = scramHash(mechanism);
  return pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, length, digest);
};

/** RFC 5802 client exchange: client-first, client-final with proof, and the server's signature checked. */
async function scramLogin(
  login: Omit<BrokerLogin, 'mechanism'> & { mechanism: 'scram-sha-512' | 'scram-sha-256' },
  exchange: (bytes: Buffer) => Promise<Buffer>,
): Promise<void> {
  const { digest } = scramHash(login.mechanism);
  const hmac = (key: Buffer, text: string): Buffer => createHmac(digest, key).update(text).digest();
  const nonce = randomBytes(24).toString('base64url');
  const name = login.username.replace(/=/g, '=3D').replace(/,/g, '=2C');
  const clientFirstBare = `n=${name},r=${nonce}`;
  const serverFirst = (await exchange(Buffer.from(`n,,${clientFirstBare}`, 'utf8'))).toString('utf8');
  const fields = Object.fromEntries(serverFirst.split(',').map((f) => [f[0], f.slice(2)]));
  if (!fields['r']?.startsWith(nonce) || !fields['s'] || !fields['i'])
    throw new Error(`SCRAM: unexpected server-first message`);
  const salted = saltedPassword(
    login.mechanism,
    login.password,
    Buffer.from(fields['s'], 'base64'),
    Number(fields['i']),
  );
  const clientKey = hmac(salted, 'Client Key');
  const storedKey = createHash(digest).update(clientKey).digest();
  const withoutProof = `c=biws,r=${fields['r']}`;
  const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
  const signature = hmac(storedKey, authMessage);
  const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i]));
  const serverFinal = (
    await exchange(Buffer.from(`${withoutProof},p=${proof.toString('base64')}`, 'utf8'))
  ).toString('utf8');
  const expected = hmac(hmac(salted, 'Server Key'), authMessage).toString('base64');
  if (serverFinal !== `v=${expected}`) throw new Error(`SCRAM: the broker's signature does not match`);
}
