import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  persona,
  seg,
  ServiceApi,
  type ApiResponse,
  type Claims,
  type PlatformFeed,
  type ServiceUrls,
  type TokenSource,
} from '../actors';

/** A failed, routed batch of the running stack: what the attackers aim at. */
export interface Victim {
  batchNumber: string;
  /** The district its case was routed to (a district code of the city, e.g. 330110). */
  district: string;
  caseId: string;
  /** The platform its order was on. */
  platform: string;
  /** An identity-bearing object of the batch: the buyer's purchase screen recording. */
  purchaseRecordingId: string;
}

/** Everything the red team uses: the services, a token for any claims, an insider's hands. */
export interface RedTeamTarget {
  urls: ServiceUrls;
  tokens: TokenSource;
  victim: Victim;
  /** SQL on the evidence database with its owner's rights: the insider who tries to rewrite the ledger. */
  evidenceDb(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  /** A platform's Kafka feed, as a platform sends on it. */
  feed: PlatformFeed;
  /** Lets the stack's background work run (the takedown consumer, the verification job); default 60 s. */
  waitMs?: number;
}

/** What one attack found: refused (as it must be) or not, and the answers that show it. */
export interface Verdict {
  attack: string;
  refused: boolean;
  evidence: string;
}

export interface Attack {
  name: string;
  run(target: RedTeamTarget): Promise<Verdict>;
}

const api = (base: string, target: RedTeamTarget) => new ServiceApi(base, target.tokens);

/** `GET /x → 404` for the printout. */
const shown = (method: string, path: string, res: ApiResponse<unknown>): string =>
  `${method} ${path} → ${res.status}`;

/** A refusal that carries nothing of the record: only the error envelope's own keys. */
const bareError = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  Object.keys(body).every((k) => ['statusCode', 'error', 'code', 'message', 'requestId'].includes(k));

/** Polls `probe` until it answers something other than undefined, or gives up with undefined. */
async function within<T>(ms: number, probe: () => Promise<T | undefined>): Promise<T | undefined> {
  const until = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined || Date.now() > until) return found;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** An enforcement officer of a neighbouring district reads the victim's case, notices, PDF, objections and timeline. */
const officerOutOfDistrict: Attack = {
  name: 'officer out of district reads a batch of another district',
  async run(target) {
    const { victim } = target;
    const foreign = victim.district === '330108' ? '330110' : '330108';
    const officer = persona.enforcementOfficer(foreign);
    const enforcement = api(target.urls.enforcement, target);
    const own = await enforcement.call<Array<{ id: string }>>(
      persona.enforcementOfficer(victim.district),
      'GET',
      `/batches/${seg(victim.batchNumber)}/notices`,
    );
    const paths: Array<[ServiceApi, string]> = [
      [enforcement, `/cases/${seg(victim.caseId)}`],
      [enforcement, `/batches/${seg(victim.batchNumber)}/notices`],
      [enforcement, `/batches/${seg(victim.batchNumber)}/objections`],
      [enforcement, `/batches/${seg(victim.batchNumber)}/stages`],
      ...own.slice(0, 1).flatMap((n): Array<[ServiceApi, string]> => [
        [enforcement, `/notices/${seg(n.id)}`],
        [enforcement, `/notices/${seg(n.id)}/pdf`],
      ]),
    ];
    const lines: string[] = [];
    let refused = own.length > 0;
    for (const [service, path] of paths) {
      const res = await service.request(officer, 'GET', path);
      lines.push(shown('GET', path, res));
      if (res.status !== 404 || !bareError(res.body)) refused = false;
    }
    const listed = await enforcement.request<Array<{ batchNumber: string }>>(officer, 'GET', '/cases');
    const leaked =
      Array.isArray(listed.body) && listed.body.some((c) => c.batchNumber === victim.batchNumber);
    lines.push(`GET /cases → ${listed.status}, ${leaked ? 'lists the batch' : 'batch not listed'}`);
    if (leaked || listed.status !== 200) refused = false;
    return {
      attack: this.name,
      refused,
      evidence: `officer of ${foreign} on ${victim.district}'s batch: ${lines.join('; ')}`,
    };
  },
};

/** An officer of the batch's own district asks for the buyer's purchase screen recording. */
const buyerVideoByOfficer: Attack = {
  name: "officer reads the buyer's purchase screen recording",
  async run(target) {
    const { victim } = target;
    const officer = persona.enforcementOfficer(victim.district);
    const evidence = api(target.urls.evidence, target);
    const id = seg(victim.purchaseRecordingId);
    const attempts = [
      ['GET', `/evidence/objects/${id}`, undefined],
      ['GET', `/evidence/objects/${id}?purpose=${encodeURIComponent('案件调查需要')}`, undefined],
      ['POST', `/evidence/objects/${id}/download`, { purpose: '案件调查需要' }],
      ['POST', `/evidence/objects/${id}/view`, { purpose: '案件调查需要' }],
    ] as const;
    const lines: string[] = [];
    let refused = true;
    for (const [method, path, json] of attempts) {
      const res = await evidence.request(officer, method, path, json ? { json } : {});
      lines.push(shown(method, path, res));
      const body = JSON.stringify(res.body ?? '');
      if (![403, 404].includes(res.status) || body.includes('http') || body.includes('sha256'))
        refused = false;
    }
    return { attack: this.name, refused, evidence: lines.join('; ') };
  },
};

/** An upload declared larger than the store takes for one object. */
const oversizeUpload: Attack = {
  name: 'oversize upload (declared beyond the limit)',
  async run(target) {
    const evidence = api(target.urls.evidence, target);
    const res = await evidence.request<{ errors?: Array<{ field: string }> }>(
      persona.intakeOfficer('red-team-intake'),
      'POST',
      '/evidence/uploads',
      {
        json: {
          kind: 'sample-photo',
          batchNumber: target.victim.batchNumber,
          contentType: 'image/jpeg',
          size: 1024 ** 4, // 1 TiB
          sha256: randomBytes(32).toString('hex'),
        },
      },
    );
    const field = res.body?.errors?.map((e) => e.field).join(',') ?? '';
    return {
      attack: this.name,
      refused: [413, 422].includes(res.status) && field.includes('size'),
      evidence: `${shown('POST', '/evidence/uploads', res)} (size 1 TiB), errors on: ${field || 'none'}`,
    };
  },
};

/**
 * A multipart upload's first part, declared (size, SHA-256) for its URL, then PUT with one byte
 * changed and with one byte more: the store refuses both (the URL is signed for the part's
 * content-length and x-amz-checksum-sha256).
 */
async function tamperedParts(
  evidence: ServiceApi,
  uploader: Claims,
  target: RedTeamTarget,
): Promise<{ refused: boolean; lines: string[] }> {
  const size = 200 * 1024 ** 2;
  const ticket = await evidence.request<{ objectId: string; partSize?: number }>(
    uploader,
    'POST',
    '/evidence/uploads',
    {
      json: {
        kind: 'sample-photo',
        batchNumber: target.victim.batchNumber,
        contentType: 'image/jpeg',
        size,
        sha256: randomBytes(32).toString('hex'),
        parts: [],
      },
    },
  );
  const partSize = ticket.body?.partSize;
  if (ticket.status !== 201 || !partSize)
    return { refused: false, lines: [`multipart announce: ${ticket.status}`] };
  const declared = Buffer.alloc(partSize, 7);
  const urls = await evidence.request<{ parts?: Array<{ url: string; headers?: Record<string, string> }> }>(
    uploader,
    'POST',
    `/evidence/uploads/${seg(ticket.body.objectId)}/parts`,
    {
      json: {
        parts: [
          { partNumber: 1, size: partSize, sha256: createHash('sha256').update(declared).digest('base64') },
        ],
      },
    },
  );
  const part = urls.body?.parts?.[0];
  if (!part) return { refused: false, lines: [`declare part 1: ${urls.status}`] };
  const tampered = Buffer.from(declared);
  tampered[partSize - 1] ^= 0xff;
  const other = await fetch(part.url, {
    method: 'PUT',
    headers: part.headers ?? {},
    body: Uint8Array.from(tampered),
  });
  const longer = await fetch(part.url, {
    method: 'PUT',
    headers: part.headers ?? {},
    body: Uint8Array.from(Buffer.concat([declared, Buffer.from('x')])),
  });
  return {
    refused: other.status === 400 && longer.status === 403,
    lines: [
      `PUT of part 1 with one byte changed: ${other.status}`,
      `PUT of part 1 with one byte more: ${longer.status}`,
    ],
  };
}

/**
 * An uploader announcing more than its quota allows (bytes in flight), and one PUTting other bytes
 * than it declared to a presigned URL, a single one or a multipart upload's part: the service
 * refuses the first (429), the store the others.
 */
const overQuotaUpload: Attack = {
  name: 'over-quota and tampered uploads',
  async run(target) {
    const evidence = api(target.urls.evidence, target);
    const uploader = persona.intakeOfficer(`red-team-quota-${randomUUID().slice(0, 8)}`);
    const announce = (size: number, sha256: string) =>
      evidence.request<{
        url?: string;
        headers?: Record<string, string>;
        quota?: { name: string };
      }>(uploader, 'POST', '/evidence/uploads', {
        json: {
          kind: 'sample-photo',
          batchNumber: target.victim.batchNumber,
          contentType: 'image/jpeg',
          size,
          sha256,
        },
      });
    const lines: string[] = [];
    let quota: string | undefined;
    let status = 0;
    // 40 GiB at a time: the second passes any sane in-flight quota (default 60 GiB).
    for (let i = 0; i < 10 && status !== 429; i++) {
      const res = await announce(40 * 1024 ** 3, randomBytes(32).toString('hex'));
      status = res.status;
      quota = res.body?.quota?.name;
      lines.push(`announce #${i + 1} of 40 GiB: ${res.status}`);
    }
    const declared = randomBytes(1000);
    const ticket = await announce(declared.length, createHash('sha256').update(declared).digest('hex'));
    const put = await fetch(ticket.body.url as string, {
      method: 'PUT',
      headers: ticket.body.headers ?? {},
      body: Uint8Array.from(randomBytes(1000)),
    });
    lines.push(`PUT of other bytes to the presigned URL: ${put.status}`);
    const parts = await tamperedParts(
      evidence,
      persona.intakeOfficer(`red-team-parts-${randomUUID().slice(0, 8)}`),
      target,
    );
    lines.push(...parts.lines);
    return {
      attack: this.name,
      refused: status === 429 && put.status >= 400 && put.status < 500 && parts.refused,
      evidence: `${lines.join('; ')} (quota ${quota ?? 'none'})`,
    };
  },
};

/** A platform reports a takedown on a batch whose order was on another platform. */
const foreignTakedown: Attack = {
  name: "takedown report for another platform's batch",
  async run(target) {
    const { victim } = target;
    const attacker = victim.platform === 'jd' ? 'pinduoduo' : 'jd';
    const listingId = `redteam-${randomUUID().slice(0, 8)}`;
    await target.feed.reportTakedown({
      platform: attacker,
      batchNumber: victim.batchNumber,
      listingId,
      action: 'listing-removed',
      note: 'red team',
      actedAt: new Date().toISOString(),
    });
    const enforcement = api(target.urls.enforcement, target);
    const triaged = await within(target.waitMs ?? 60_000, async () => {
      const list = await enforcement.call<Array<{ listingId: string; reason: string }>>(
        persona.approver('red-team-approver'),
        'GET',
        '/triage/takedowns',
      );
      return list.find((t) => t.listingId === listingId);
    });
    const credit = await enforcement.request<unknown>(
      persona.approver('red-team-approver'),
      'GET',
      `/cases/${seg(victim.caseId)}`,
    );
    const attached = JSON.stringify(credit.body ?? '').includes(listingId);
    return {
      attack: this.name,
      refused: triaged !== undefined && !attached,
      evidence: triaged
        ? `${attacker}'s report on a ${victim.platform} batch kept aside for a person: ${triaged.reason}; attached to the case: ${attached ? 'yes' : 'no'}`
        : `${attacker}'s report not seen in the triage queue within the wait`,
    };
  },
};

/**
 * An insider with the database owner's rights cuts the last entry from the custody chain after
 * a checkpoint (the chain alone still links); the background verification must report the cut.
 * The entry is put back afterwards, so the ledger of a demo stack stays whole.
 */
const custodyTailCut: Attack = {
  name: 'tail cut of the custody chain',
  async run(target) {
    const evidence = api(target.urls.evidence, target);
    const auditor = persona.auditor('red-team-auditor');
    const taken = await evidence.call<{ headSeq: string }>(auditor, 'POST', '/custody/checkpoints');
    const [row] = await target.evidenceDb('select * from custody_entry where seq = $1', [taken.headSeq]);
    if (!row) throw new Error(`custody entry ${taken.headSeq} not found in the evidence database`);
    const trigger = 'custody_entry_no_change';
    const columns = Object.keys(row);
    type Report = { intact: boolean; firstBreak?: { seq?: string; reason: string } };
    let state: { status: string; report?: Report; error?: string } | undefined;
    let cut = false;
    // The owner revoked its own DELETE when it made the table, and a trigger refuses it; both are
    // the owner's to undo, and this insider does.
    await target.evidenceDb(`alter table custody_entry disable trigger ${trigger}`);
    await target.evidenceDb('grant delete on custody_entry to current_user');
    try {
      cut =
        (await target.evidenceDb('delete from custody_entry where seq = $1 returning seq', [taken.headSeq]))
          .length === 1;
      if (!cut) throw new Error(`entry ${taken.headSeq} could not be deleted`);
      const job = await evidence.call<{ id: string }>(auditor, 'POST', '/custody/verifications', {
        json: { batchNumber: target.victim.batchNumber },
      });
      state = await within(target.waitMs ?? 60_000, async () => {
        const seen = await evidence.call<NonNullable<typeof state>>(
          auditor,
          'GET',
          `/custody/verifications/${seg(job.id)}`,
        );
        return seen.status === 'done' || seen.status === 'failed' ? seen : undefined;
      });
    } finally {
      // Put the entry back as it was (its own sequence number), then guard the table again.
      if (cut)
        await target.evidenceDb(
          `insert into custody_entry (${columns.map((c) => `"${c}"`).join(', ')}) overriding system value values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
          columns.map((c) => row[c]),
        );
      await target.evidenceDb('revoke delete on custody_entry from current_user');
      await target.evidenceDb(`alter table custody_entry enable trigger ${trigger}`);
    }
    const report = state?.report;
    return {
      attack: this.name,
      // Entries appended since (the verification's own audit) make the break show at the next one.
      refused: report?.intact === false && Number(report.firstBreak?.seq) >= Number(taken.headSeq),
      evidence: report
        ? `entry ${taken.headSeq} deleted after a checkpoint: intact=${report.intact}, break at ${report.firstBreak?.seq ?? '-'}: ${report.firstBreak?.reason ?? 'no break found'} (entry put back)`
        : `the verification did not report within the wait (${state?.status ?? 'still running'} ${state?.error ?? ''}; entry put back)`,
    };
  },
};

/** A 3 MB JSON body to the lab API. */
const oversizeBody: Attack = {
  name: '3 MB request body',
  async run(target) {
    const lab = api(target.urls.labGateway, target);
    const path = `/v1/assignments/${randomUUID()}/accept`;
    const res = await lab.request<{ requestId?: string; message?: string }>(
      persona.lab(randomUUID()),
      'POST',
      path,
      { json: { note: 'x'.repeat(3 * 1024 * 1024) } },
    );
    return {
      attack: this.name,
      refused: res.status === 413 && typeof res.body?.requestId === 'string',
      evidence: `${shown('POST', path, res)} ${res.body?.message ?? ''} requestId=${res.body?.requestId ?? 'none'}`,
    };
  },
};

/** The attacks seen on a running stack (issue 22), in the order they are tried. */
export const ATTACKS: readonly Attack[] = [
  officerOutOfDistrict,
  buyerVideoByOfficer,
  oversizeUpload,
  overQuotaUpload,
  foreignTakedown,
  custodyTailCut,
  oversizeBody,
];

/** Tries every attack; an attack that throws counts as not refused, with the error as its evidence. */
export async function runRedTeam(target: RedTeamTarget, out: (line: string) => void): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  for (const attack of ATTACKS) {
    const verdict = await attack.run(target).catch((error: unknown): Verdict => ({
      attack: attack.name,
      refused: false,
      evidence: `the attack could not be carried out: ${error instanceof Error ? error.message : String(error)}`,
    }));
    out(`${verdict.refused ? 'REFUSED' : 'NOT REFUSED'}  ${verdict.attack}: ${verdict.evidence}`);
    verdicts.push(verdict);
  }
  return verdicts;
}

/** The victim: a failed batch routed to a district of the city, with the buyer's recording in evidence. */
export async function findVictim(target: Omit<RedTeamTarget, 'victim'>): Promise<Victim> {
  const enforcement = api(target.urls.enforcement, target as RedTeamTarget);
  const cases = await enforcement.call<
    Array<{ id: string; batchNumber: string; platform: string | null; authority: { areaCode: string } }>
  >(persona.approver('red-team-approver') satisfies Claims, 'GET', '/cases');
  for (const c of cases) {
    const area = c.authority.areaCode;
    if (!/^3301\d\d$/.test(area) || area === '330100' || !c.platform) continue;
    const [recording] = await target.evidenceDb(
      "select id from evidence_object where batch_number = $1 and kind = 'purchase-screen-recording' limit 1",
      [c.batchNumber],
    );
    if (recording)
      return {
        batchNumber: c.batchNumber,
        district: area,
        caseId: c.id,
        platform: c.platform,
        purchaseRecordingId: recording['id'] as string,
      };
  }
  throw new Error(
    'no failed platform batch routed to a district of the city with a purchase recording: run the demo first',
  );
}
