import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { EvidenceConfig } from '../../evidence.config';

/** What a time-stamping authority returned for one statement. */
export interface TimestampToken {
  /** The TimeStampToken (CMS ContentInfo, DER), base64. */
  token: string;
  /** The time the TSA attests (TSTInfo genTime), ISO 8601 UTC. */
  genTime: string;
  /** The TSA's serial number of this token, hex. */
  serialNumber: string;
}

const SHA256 = '2.16.840.1.101.3.4.2.1';
const der = (buffer: Buffer): ArrayBuffer =>
  buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
const hex = (view: ArrayBuffer): string => Buffer.from(view).toString('hex');
/** The TSA's own words on a refusal (`: Bad request format or system error.`), if it gave any. */
const statusText = (response: pkijs.TimeStampResp): string => {
  const words = (response.status.statusStrings ?? []).map((s) => s.valueBlock.value).join(' ');
  return words ? `: ${words}` : '';
};

/** Certificates in a PEM file (one or several). */
function certificatesFromPem(pem: string): pkijs.Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) =>
    pkijs.Certificate.fromBER(
      der(Buffer.from(block.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''), 'base64')),
    ),
  );
}

/**
 * The request's nonce from 8 random bytes: a positive INTEGER in its minimal DER form, so the first
 * byte is 0x01–0x7f. A first byte of 0x00 would be padding DER forbids, and a TSA parsing strictly
 * (openssl's) refuses the whole request as malformed (PKIStatus rejection): one request in 256.
 */
export function requestNonce(random: Buffer = randomBytes(8)): Buffer {
  const nonce = Buffer.from(random);
  nonce[0] &= 0x7f;
  if (nonce[0] === 0) nonce[0] = 0x01;
  return nonce;
}

/**
 * An RFC 3161 time-stamping authority, reached over HTTP (EVIDENCE_TSA_URL), trusted through the
 * certificate(s) in EVIDENCE_TSA_CERT_FILE. `stamp` asks for a token over a statement's SHA-256 (with a
 * nonce, and the TSA's certificate in the answer) and checks the answer before keeping it;
 * `verify` checks a kept token against the statement: signature, certificate, imprint.
 */
@Injectable()
export class TimestampAuthority {
  private trusted?: pkijs.Certificate[];

  constructor(@Inject(EvidenceConfig) private readonly config: EvidenceConfig) {}

  get configured(): boolean {
    return Boolean(this.config.EVIDENCE_TSA_URL && this.config.EVIDENCE_TSA_CERT_FILE);
  }

  async stamp(statement: Buffer, nonce: Buffer = requestNonce()): Promise<TimestampToken> {
    const url = this.config.EVIDENCE_TSA_URL;
    if (!url || !this.config.EVIDENCE_TSA_CERT_FILE)
      throw new Error('no time-stamping authority is configured (EVIDENCE_TSA_URL, EVIDENCE_TSA_CERT_FILE)');
    const request = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
        hashedMessage: new asn1js.OctetString({
          valueHex: der(createHash('sha256').update(statement).digest()),
        }),
      }),
      nonce: new asn1js.Integer({ valueHex: der(nonce) }),
      certReq: true,
    });
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: Buffer.from(request.toSchema().toBER()),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw new Error(`time-stamping authority answered ${res.status}`);
    const response = pkijs.TimeStampResp.fromBER(await res.arrayBuffer());
    const status = response.status.status;
    if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods)
      throw new Error(
        `time-stamping authority refused the request (PKIStatus ${status}${statusText(response)})`,
      );
    if (!response.timeStampToken) throw new Error('time-stamping authority answered without a token');
    const token = Buffer.from(response.timeStampToken.toSchema().toBER());
    const info = this.tstInfo(token);
    if (
      hex(info.nonce?.valueBlock.valueHexView.slice().buffer ?? new ArrayBuffer(0)) !== nonce.toString('hex')
    )
      throw new Error('time-stamping authority answered another request (nonce differs)');
    const problem = await this.verify(token.toString('base64'), statement);
    if (problem) throw new Error(`time-stamping authority's token does not verify: ${problem}`);
    return {
      token: token.toString('base64'),
      genTime: info.genTime.toISOString(),
      serialNumber: hex(info.serialNumber.valueBlock.valueHexView.slice().buffer),
    };
  }

  /** Why a token does not prove this statement, or null when it does. */
  async verify(tokenBase64: string, statement: Buffer): Promise<string | null> {
    try {
      const token = Buffer.from(tokenBase64, 'base64');
      const content = pkijs.ContentInfo.fromBER(der(token));
      const signed = new pkijs.SignedData({ schema: content.content });
      const info = this.tstInfo(token);
      const imprint = Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView);
      if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256)
        return `imprint algorithm ${info.messageImprint.hashAlgorithm.algorithmId} is not SHA-256`;
      if (!imprint.equals(createHash('sha256').update(statement).digest()))
        return 'the token stamps another statement (imprint differs)';
      const ok = await signed.verify({
        signer: 0,
        data: der(statement),
        trustedCerts: this.trustedCertificates(),
        checkChain: true,
        checkDate: info.genTime,
      });
      return ok ? null : 'signature does not verify';
    } catch (error) {
      return (error as Error).message || String(error);
    }
  }

  private tstInfo(token: Buffer): pkijs.TSTInfo {
    const content = pkijs.ContentInfo.fromBER(der(token));
    const signed = new pkijs.SignedData({ schema: content.content });
    const encap = signed.encapContentInfo.eContent;
    if (!encap) throw new Error('token carries no TSTInfo');
    return pkijs.TSTInfo.fromBER(encap.getValue());
  }

  private trustedCertificates(): pkijs.Certificate[] {
    this.trusted ??= certificatesFromPem(readFileSync(this.config.EVIDENCE_TSA_CERT_FILE as string, 'utf8'));
    return this.trusted;
  }
}
