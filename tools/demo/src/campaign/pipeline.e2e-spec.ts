import { TestIssuer } from '@qis/testing';
import type { Actors, Claims, DisclosureReader, EventWatcher as Watcher, IssuedBatch } from '../actors';
import { EventWatcher, persona, PlatformFeed } from '../actors';
import { ATTACKS, findVictim, runRedTeam } from '../red-team/attacks';
import { ownerQuery } from '../red-team/insider';
import { startPipelineStack, type PipelineStack } from '../testing/pipeline-stack';
import { Campaign, CAMPAIGN_TOPICS, type BatchOutcome, type BatchScript } from './campaign';
import { PLATFORMS } from './catalog';
import { buildWorld, OWN_SITE, type World } from './world';

jest.setTimeout(900_000);

const SEED = 20261202;
const DAY = 86_400_000;

/**
 * A small campaign (30 batches, three a category) through the six services on the real servers,
 * driven by the simulated actors over HTTP and Kafka only: a platform sale and an own-site sale,
 * an objection whose re-inspection overturns the verdict, a waived re-inspection, an unreachable
 * seller, a sealing refused for too few officers. Each batch's final state, its notices and their
 * deadlines, the routing, the publication and the statistics are checked.
 */
describe('the whole pipeline: a 30-batch campaign through all six services', () => {
  let stack: PipelineStack;
  let watcher: Watcher;
  let campaign: Campaign;
  let world: World;
  let issued: IssuedBatch[];
  let outcomes: BatchOutcome[];
  type Role = 'overturn' | 'waive' | 'unreachable' | 'tooFew' | 'ownSite' | 'platformFail' | 'outOfArea';
  /** The batch that plays each part of the story. */
  const roles = {} as Record<Role, string>;

  beforeAll(async () => {
    stack = await startPipelineStack();
    watcher = await EventWatcher.start({
      topics: CAMPAIGN_TOPICS,
    });
    world = buildWorld(SEED, { sellers: 80, listings: 400 });
    const log = (line: string) => process.stdout.write(`pipeline: ${line}\n`);
    campaign = new Campaign({
      actors: stack.actors,
      watcher,
      world,
      seed: SEED,
      stepTimeoutMs: 180_000,
      log,
    });
    await campaign.setUp();
    // Complaints about every own-site listing and a few others: the risk ranking picks them.
    const risky = world.listings.filter((l, i) => l.platform === OWN_SITE || i % 17 === 0);
    issued = await campaign.plan(3, risky);

    // Which listing each batch bought, hence its seller and platform operator districts.
    const listingOf = (b: IssuedBatch) => world.listings.find((l) => l.listingId === b.platformListingId);
    const inHangzhou = (area: string | undefined) => area?.startsWith('3301') === true;
    const ownSite = issued.find((b) => b.platform === OWN_SITE && inHangzhou(listingOf(b)?.sellerAreaCode));
    if (!ownSite)
      throw new Error('the plan selected no own-site listing of a Hangzhou seller: no routing to show');
    roles.ownSite = ownSite.batchNumber;
    const onPlatform = issued.filter((b) => b.platform !== OWN_SITE);
    const hangzhouPlatform = onPlatform.find((b) => inHangzhou(listingOf(b)?.operatorAreaCode));
    // A Hangzhou seller: one elsewhere in the province goes to the provincial bureau (003 §2(3)).
    const outOfProvince = onPlatform.find(
      (b) =>
        b !== hangzhouPlatform &&
        !listingOf(b)?.operatorAreaCode?.startsWith('33') &&
        inHangzhou(listingOf(b)?.sellerAreaCode),
    );
    if (!hangzhouPlatform || !outOfProvince)
      throw new Error('the plan lacks a Hangzhou or an out-of-province platform sale');
    roles.platformFail = hangzhouPlatform.batchNumber;
    roles.outOfArea = outOfProvince.batchNumber;
    const others = onPlatform.filter((b) => b !== hangzhouPlatform && b !== outOfProvince);
    [roles.overturn, roles.waive, roles.unreachable, roles.tooFew] = others
      .slice(0, 4)
      .map((b) => b.batchNumber) as [string, string, string, string];
    const scripts = new Map<string, BatchScript>([
      [roles.overturn, { verdict: 'fail', objection: 'overturn' }],
      [roles.waive, { verdict: 'fail', objection: 'waive' }],
      [roles.unreachable, { verdict: 'fail', unreachable: true }],
      [roles.tooFew, { verdict: 'pass', tooFewOfficers: true }],
      [roles.ownSite, { verdict: 'fail' }],
      [roles.platformFail, { verdict: 'fail' }],
      [roles.outOfArea, { verdict: 'fail' }],
    ]);
    // The rest: every fourth fails, one of them a three-no sample.
    outcomes = await campaign.run(
      issued,
      (batch, i) =>
        scripts.get(batch.batchNumber) ?? {
          verdict: i % 4 === 0 ? 'fail' : 'pass',
          ...(i === 8 ? { threeNo: true } : {}),
        },
      6,
    );
  });

  afterAll(async () => {
    await watcher?.stop();
    await stack?.stop();
  });

  const outcome = (batchNumber: string): BatchOutcome => {
    const found = outcomes.find((o) => o.batchNumber === batchNumber);
    if (!found) throw new Error(`no outcome for ${batchNumber}`);
    return found;
  };
  const disclosure = (): DisclosureReader => (stack.actors as Required<Actors>).disclosure;

  it('issued 30 batches, three a category, and drove every one without an error', () => {
    expect(issued).toHaveLength(30);
    expect(outcomes.filter((o) => o.error).map((o) => `${o.batchNumber}: ${o.error}`)).toEqual([]);
    expect(new Set(issued.map((b) => b.category)).size).toBe(10);
  });

  it('brings every batch to its final state and publishes it, a public notice too once the clock has moved past its window', () => {
    for (const o of outcomes) {
      expect({ batch: o.batchNumber, notified: o.at.notified !== undefined }).toEqual({
        batch: o.batchNumber,
        notified: true,
      });
      // Nothing back-dated: the windows (a public notice's from its publication) ran out when the
      // campaign moved enforcement's clock.
      expect({ batch: o.batchNumber, published: o.at.published !== undefined }).toEqual({
        batch: o.batchNumber,
        published: true,
      });
      if (o.finalVerdict === 'fail')
        expect({ batch: o.batchNumber, closed: o.at.closed !== undefined }).toEqual({
          batch: o.batchNumber,
          closed: true,
        });
    }
  });

  it('sets each result notice due within 5 working days of the report, to seller, producer and platform as the rules say', () => {
    for (const o of outcomes) {
      const recipients = o.notices.map((n) => n.recipient).sort();
      const expected = [
        'seller',
        // A three-no sample names no producer: nobody to notify.
        ...(o.script.verdict === 'fail' && !o.script.threeNo ? ['producer'] : []),
        ...(o.ownSite ? [] : ['platform']),
      ].sort();
      expect({ batch: o.batchNumber, recipients }).toEqual({ batch: o.batchNumber, recipients: expected });
      for (const n of o.notices) {
        expect(n.dueAt).not.toBeNull();
        const due = Date.parse(n.dueAt as string);
        const reported = o.at.reported as number;
        // Five working days: at least 5 calendar days, at most 12 (a Golden Week in between).
        expect(due - reported).toBeGreaterThan(4 * DAY);
        expect(due - reported).toBeLessThan(13 * DAY);
        // The end of a day in Asia/Shanghai.
        expect(new Date(due + 8 * 3_600_000).toISOString().slice(11, 19)).toBe('23:59:59');
      }
    }
  });

  it('overturns the verdict when the re-inspection at another lab passes', () => {
    const o = outcome(roles.overturn);
    expect(o).toMatchObject({ finalVerdict: 'pass', basis: 're-inspection' });
    expect(o.labIds).toHaveLength(2);
    expect(o.labIds[1]).not.toBe(o.labIds[0]);
    expect(o.at.routed).toBeUndefined();
  });

  it('keeps the first failure when the applicant waives the re-inspection, and routes it', async () => {
    const o = outcome(roles.waive);
    // The objection as enforcement holds it and when each stage was reached, shown beside the
    // verdict should it differ (once, in a fresh-clone run, it was final as 'no-objection').
    // Read as the auditor: the plan picks this batch by issue order, and when its platform's operator
    // is registered outside Zhejiang the case goes there, and with it the batch leaves the bureau's
    // officers' sight (batch-scope.int-spec) — a 404 for them, as one fresh-clone run met.
    const objections = await stack.actors.enforcement.objections(persona.auditor(), o.batchNumber);
    expect({
      finalVerdict: o.finalVerdict,
      basis: o.basis,
      objections: objections.map((x) => x.status),
      at: o.at,
    }).toMatchObject({ finalVerdict: 'fail', basis: 're-inspection-waived', objections: ['waived'] });
    expect(o.at.closed).toBeDefined();
  });

  it('publishes a public notice when the seller cannot be reached', async () => {
    const o = outcome(roles.unreachable);
    expect(o.publicNotice).toBe(true);
    expect(o.notices.find((n) => n.recipient === 'seller')).toMatchObject({
      channel: 'public-notice',
      address: null,
    });
    const seller = world.listings.find(
      (l) => l.sellerName && o.notices.some((n) => n.recipientName === l.sellerName),
    );
    expect(seller).toBeDefined();
    const notices = await disclosure().publicNotices({ pageSize: 100 });
    expect(JSON.stringify(notices.items)).toContain(seller?.sellerName);
  });

  it('refuses a sealing signed by one enforcement officer, then seals with two', () => {
    const o = outcome(roles.tooFew);
    expect(o.sealingRefusal).toEqual({
      status: 422,
      errors: [{ field: 'signatures', reasons: ['needs at least 2 enforcement officers, got 1'] }],
    });
    expect(o.at.sealed).toBeDefined();
  });

  it("routes a platform failure to the platform operator's district, an own-site failure to the seller's, others out of area", () => {
    const onPlatform = outcome(roles.platformFail);
    const platform = PLATFORMS.find((p) => p.code === onPlatform.platform);
    expect(onPlatform).toMatchObject({
      finalVerdict: 'fail',
      caseRule: 'platform-operator-address',
      caseAuthority: { areaCode: platform?.operatorAreaCode },
    });
    // An operator registered outside the province: the provincial bureau there, as it requires.
    const far = outcome(roles.outOfArea);
    const farOperator = PLATFORMS.find((p) => p.code === far.platform)?.operatorAreaCode ?? '';
    expect(far).toMatchObject({
      finalVerdict: 'fail',
      caseRule: 'out-of-area',
      caseAuthority: { areaCode: `${farOperator.slice(0, 2)}0000` },
    });
    const own = outcome(roles.ownSite);
    const seller = world.sellers.find(
      (s) => !s.platform && own.notices.some((n) => n.recipientName === s.name),
    );
    expect(own).toMatchObject({
      ownSite: true,
      finalVerdict: 'fail',
      caseRule: 'seller-address',
      caseAuthority: { areaCode: seller?.areaCode },
    });
  });

  it('publishes exactly the final results, and the statistics count them', async () => {
    const final = outcomes.filter((o) => o.finalVerdict);
    const page = await disclosure().results({ pageSize: 100 });
    const mine = page.items.filter((r) =>
      final.some((o) => o.notices.some((n) => n.recipientName === r.sellerName)),
    );
    expect(mine).toHaveLength(final.length);
    const fails = final.filter((o) => o.finalVerdict === 'fail').length;
    expect(mine.filter((r) => r.verdict === 'fail')).toHaveLength(fails);
    const stats = await disclosure().statistics('category');
    expect(stats.total.tested).toBe(final.length);
    expect(stats.total.detectionRate?.value).toBeCloseTo(fails / final.length, 5);
    expect(stats.total.passRate?.value).toBeCloseTo(1 - fails / final.length, 5);
  });

  // Last: the tail cut rewrites (and puts back) the evidence ledger behind the service.
  it('refuses every attack of the red team on a routed batch', async () => {
    const feed = await PlatformFeed.connect();
    try {
      const target = {
        urls: stack.urls,
        tokens: (claims: Claims) => TestIssuer.shared().sign(claims),
        evidenceDb: ownerQuery(stack.database.evidence),
        feed,
      };
      const victim = await findVictim(target);
      const verdicts = await runRedTeam({ ...target, victim }, (line) =>
        process.stdout.write(`red team: ${line}\n`),
      );
      expect(verdicts.map((v) => v.attack)).toEqual(ATTACKS.map((a) => a.name));
      expect(verdicts.filter((v) => !v.refused)).toEqual([]);
    } finally {
      await feed.disconnect();
    }
  });
});
