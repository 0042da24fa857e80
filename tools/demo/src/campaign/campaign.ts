import { randomBytes, randomUUID } from 'node:crypto';
import { Topics, type BatchIssuedValue } from '@qis/contracts';
import {
  ApiError,
  evidenceFile,
  labReportPdf,
  PACKAGE_KINDS,
  persona,
  type Actors,
  type Claims,
  type EventWatcher,
  type IssuedBatch,
  type LabReport,
  type ListingRecord,
  type Notice,
  type Participant,
  type Task,
} from '../actors';
import { CATEGORIES, PLATFORMS, type CategorySpec } from './catalog';
import { OWN_SITE, Random, type World } from './world';

/** The stages a batch passes, in order; `published` is the last for every batch that gets there. */
export const STAGES = [
  'issued',
  'assigned',
  'purchased',
  'shipped',
  'received',
  'sealed',
  'dispatched',
  'reported',
  'notified',
  'objected',
  'final',
  'routed',
  'closed',
  'published',
] as const;
export type Stage = (typeof STAGES)[number];

/** The topics a campaign waits on (an EventWatcher over them sees every batch's progress). */
export const CAMPAIGN_TOPICS = [
  Topics.BatchIssued,
  Topics.OrderPlaced,
  Topics.SampleDispatched,
  Topics.ResultNotified,
  Topics.ResultFinal,
  Topics.CaseRouted,
  Topics.CaseClosed,
  Topics.ResultPublished,
];

/** What the simulated actors do with one batch. */
export interface BatchScript {
  /** the first lab's overall verdict */
  verdict: 'pass' | 'fail';
  /** the seller objects to a failure: re-inspection that passes, or a waived re-inspection */
  objection?: 'overturn' | 'waive';
  /** the seller's address is unknown to the buyer: the result notice becomes a public notice */
  unreachable?: boolean;
  /** the first sealing attempt has one enforcement officer only (refused with 422) */
  tooFewOfficers?: boolean;
  /** the sample carries no producer, no address and no certificate (三无) */
  threeNo?: boolean;
}

export interface BatchOutcome {
  batchNumber: string;
  category: string;
  platform: string;
  ownSite: boolean;
  script: BatchScript;
  /** ms since the epoch at which each stage was reached */
  at: Partial<Record<Stage, number>>;
  labIds: string[];
  sealingRefusal?: unknown;
  notices: Notice[];
  finalVerdict?: 'pass' | 'fail';
  basis?: string;
  caseAuthority?: { kind: string; areaCode: string; name: string };
  caseRule?: string;
  publicNotice: boolean;
  error?: string;
}

export interface CampaignOptions {
  actors: Actors;
  watcher: EventWatcher;
  world: World;
  seed: number;
  /** unique suffix of this run's names (labs, buyers, accounts), so runs never collide */
  tag?: string;
  log?: (line: string) => void;
  /** how long one step may wait for the system (ms) */
  stepTimeoutMs?: number;
  /** how many buyers to register (default 12) */
  buyers?: number;
  /** the buyers' think time: a pause before each of their steps (read the task, buy, ship), ms (default 0) */
  thinkMs?: number;
}

/** One stage driven alone for every batch (`runByStage`): how many got through it and how long it took. */
export interface StageRun {
  stage: string;
  batches: number;
  errors: number;
  ms: number;
}

/** What one batch's steps hand on to the next. */
interface BatchWork {
  o: BatchOutcome;
  listing: ListingRecord;
  category: CategorySpec;
  task: Task;
  trackingNumber?: string;
  firstLabId?: string;
}

const shanghaiDay = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const utc = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000Z');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DAY = 86_400_000;
/**
 * How far the campaign moves enforcement's clock once every batch is delivered: past the 15-day
 * objection window, extended to the next working day when its last day is a holiday or rest day.
 */
const WINDOW_ADVANCE_MS = 25 * DAY;

/** Polls `probe` until it returns a value (not undefined), or fails naming `what`. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (let wait = 200; Date.now() < deadline; wait = Math.min(wait * 1.5, 2_000)) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await sleep(wait);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Runs `each` over `items`, at most `concurrency` at once. */
async function inParallel<T>(
  items: T[],
  concurrency: number,
  each: (item: T) => Promise<void>,
): Promise<void> {
  const rest = [...items];
  await Promise.all(
    Array.from({ length: Math.max(1, concurrency) }, async () => {
      for (let next = rest.shift(); next !== undefined; next = rest.shift()) await each(next);
    }),
  );
}

const LAB_SPECS: Array<{
  name: string;
  address: string;
  level: number;
  categories: string[];
  capacity: number;
}> = [
  {
    name: '浙江省纺织品质量检测研究院',
    address: '浙江省杭州市拱墅区祥园路66号',
    level: 3,
    categories: ['silk-quilt', 'down-quilt', 'down-garment', 'children-clothing'],
    capacity: 400,
  },
  {
    name: '杭州市质量技术监督检测院',
    address: '浙江省杭州市西湖区天目山路222号',
    level: 2,
    categories: ['power-strip', 'induction-cooker', 'electric-kettle', 'mobile-charger', 'led-lamp', 'toy'],
    capacity: 400,
  },
  {
    name: '浙江省电器产品质量检验中心',
    address: '浙江省杭州市余杭区良睦路1399号',
    level: 3,
    categories: ['power-strip', 'induction-cooker', 'electric-kettle', 'mobile-charger', 'led-lamp'],
    capacity: 300,
  },
  {
    name: '宁波综合检测认证有限公司',
    address: '浙江省宁波市海曙区中山西路2号',
    level: 1,
    categories: CATEGORIES.map((c) => c.code),
    capacity: 300,
  },
];

const BUYER_NAMES = [
  '周晓梅',
  '陈立新',
  '王珊',
  '李建国',
  '赵雅琴',
  '孙浩',
  '吴婷',
  '郑凯',
  '冯静',
  '朱明',
  '何丽',
  '徐磊',
];
const ADDRESSES = [
  { label: 'HZ-01', areaCode: '330110', relay: false, line: '浙江省杭州市余杭区文一西路100号' },
  { label: 'HZ-02', areaCode: '330105', relay: false, line: '浙江省杭州市拱墅区湖墅南路8号' },
  { label: 'NB-01', areaCode: '330203', relay: false, line: '浙江省宁波市海曙区药行街20号' },
  { label: 'SH-relay', areaCode: '310115', relay: true, line: '上海市浦东新区张江路8号 中转仓' },
  { label: 'SZ-relay', areaCode: '320505', relay: true, line: '江苏省苏州市虎丘区长江路50号 中转仓' },
  { label: 'GZ-relay', areaCode: '440106', relay: true, line: '广东省广州市天河区天河北路90号 中转仓' },
  { label: 'WH-01', areaCode: '420106', relay: false, line: '湖北省武汉市武昌区中南路15号' },
  { label: 'CD-relay', areaCode: '510107', relay: true, line: '四川省成都市武侯区科华北路33号 中转仓' },
];

/**
 * A sampling campaign driven through the six services by simulated actors, as clients of their
 * HTTP APIs and Kafka topics: set-up (labs, catalogue, buyers), planning, then every batch from
 * issue to publication, each actor doing what its script says.
 */
export class Campaign {
  readonly tag: string;
  readonly outcomes = new Map<string, BatchOutcome>();
  /** the buyers' think time before each of their steps, ms (`CampaignOptions.thinkMs`) */
  thinkMs: number;
  private readonly random: Random;
  private readonly log: (line: string) => void;
  private readonly timeout: number;
  private labs: Array<{ id: string; name: string }> = [];
  private readonly buyers = new Map<string, { userId: string; pseudonym: string }>();
  /** The batches purchasing had assigned at the last look (see `assigned`). */
  private assignedNow: { at: number; batches: Promise<Set<string>> } | undefined;
  private readonly listingByUrl = new Map<string, ListingRecord>();
  /** This campaign's buyers form a pool and its plan names it: earlier campaigns' buyers stay out. */
  private readonly buyerPool = randomUUID();
  private readonly admin = persona.admin();
  private readonly planner = persona.planner();
  private readonly approver = persona.approver();
  private readonly intake = persona.intakeOfficer();
  /** The bureau's officer: the whole province (notices, objections, deadlines). */
  private readonly bureau = persona.enforcementOfficer('330000', 'officer-bureau');

  constructor(private readonly options: CampaignOptions) {
    this.tag = options.tag ?? randomBytes(3).toString('hex');
    this.random = new Random(options.seed);
    this.log = options.log ?? (() => undefined);
    this.timeout = options.stepTimeoutMs ?? 120_000;
    this.thinkMs = options.thinkMs ?? 0;
    for (const listing of options.world.listings) this.listingByUrl.set(listing.url, listing);
  }

  /** The labs set-up registered, by id and name. */
  get registeredLabs(): ReadonlyArray<{ id: string; name: string }> {
    return this.labs;
  }

  private get actors(): Actors {
    return this.options.actors;
  }

  private get watcher(): EventWatcher {
    return this.options.watcher;
  }

  /** Labs with their scopes and catalogue, twelve qualified buyers with accounts, the address pool. */
  async setUp(): Promise<void> {
    const { lab, purchasing } = this.actors;
    await this.alignClocks();
    for (const category of CATEGORIES)
      await lab.setTestItems(
        this.admin,
        category.code,
        category.items.map((i) => ({ item: i.item, mandatory: i.mandatory })),
      );
    const tagCode = this.tag.toUpperCase();
    this.labs = [];
    for (const [i, spec] of LAB_SPECS.entries()) {
      const registered = await lab.registerLab(this.admin, {
        name: spec.name,
        address: spec.address,
        cmaNumber: `CMA${tagCode}${i + 1}`,
        cmaExpiresOn: '2030-12-31',
        cnasNumber: `CNASL${tagCode}${i + 1}`,
        cnasExpiresOn: '2030-12-31',
        qualificationLevel: spec.level,
        scopes: spec.categories.map((code) => ({
          category: code,
          standards: [categorySpec(code).productStandard],
        })),
        capacity: spec.capacity,
        turnaroundWorkingDays: 10,
        contract: {
          contractNumber: `HZSJ-WT-${tagCode}-${i + 1}`,
          validFrom: '2026-01-01',
          validTo: '2030-12-31',
          turnaroundWorkingDays: 10,
          categories: spec.categories.map((code) => ({ category: code, priceFen: 80_000 })),
        },
      });
      this.labs.push({ id: registered.id, name: registered.name });
    }
    const admin = persona.purchasingAdmin();
    const names = Array.from(
      { length: this.options.buyers ?? BUYER_NAMES.length },
      (_, i) =>
        `${BUYER_NAMES[i % BUYER_NAMES.length]}${i < BUYER_NAMES.length ? '' : Math.floor(i / BUYER_NAMES.length)}`,
    );
    for (const [i, name] of names.entries()) {
      const userId = `buyer-${this.tag}-${i + 1}`;
      const buyer = await purchasing.registerBuyer(admin, {
        poolIds: [this.buyerPool],
        userId,
        realName: name,
        idNumber: `3301061990${String(1 + (i % 12)).padStart(2, '0')}${String(1 + Math.floor(i / 12)).padStart(2, '0')}432X`,
        phone: `139${String(10_000_000 + i * 7919).slice(0, 8)}`,
      });
      await purchasing.qualifyBuyer(admin, buyer.id, {
        commitmentSignedOn: '2026-01-05',
        commitmentEvidenceId: '0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
        trainingCompletedOn: '2026-01-06',
      });
      for (const platform of [...PLATFORMS.map((p) => p.code), OWN_SITE])
        await purchasing.addAccount(admin, buyer.id, {
          platform,
          accountName: `${platform.slice(0, 3)}_${this.tag}_${i + 1}`,
          alias: `${platform.slice(0, 3).toUpperCase()}-${i + 1}`,
        });
      this.buyers.set(buyer.id, { userId, pseudonym: buyer.pseudonym });
    }
    for (const [i, a] of ADDRESSES.entries())
      await purchasing.addAddress(admin, {
        label: `${a.label}-${this.tag}`,
        areaCode: a.areaCode,
        relay: a.relay,
        recipientName: `${BUYER_NAMES[i]?.slice(0, 1) ?? '林'}先生`,
        phone: `137${String(20_000_000 + i * 104_729).slice(0, 8)}`,
        addressLine: a.line,
      });
    this.log(`set-up: ${this.labs.length} labs, ${this.buyers.size} buyers, ${ADDRESSES.length} addresses`);
  }

  /** Imports the listings and complaints, then a plan of `perCategory` batches a category, approved by a second person, issued. */
  async plan(perCategory: number, complaints: ListingRecord[] = []): Promise<IssuedBatch[]> {
    const { planning } = this.actors;
    const listings = this.options.world.listings;
    for (let i = 0; i < listings.length; i += 1_000) {
      const report = await planning.importListings(this.planner, listings.slice(i, i + 1_000));
      if (report.rejected > 0)
        throw new Error(`listing import rejected rows: ${JSON.stringify(report.errors.slice(0, 3))}`);
    }
    for (const [i, listing] of complaints.entries())
      await planning.recordSignal(this.planner, {
        kind: 'complaint',
        source: 'zj-12315',
        externalId: `C${this.tag}${i}`,
        platform: listing.platform,
        listingId: listing.listingId,
        sellerName: listing.sellerName,
        category: listing.category,
        summary: `消费者投诉：${listing.title} 质量与宣传不符`,
        receivedAt: '2026-11-10T02:00:00Z',
      });
    const plan = await planning.createPlan(this.planner, {
      kind: 'routine',
      title: `2026 年第四季度网络商品质量抽查 ${this.tag}`,
      seed: `campaign-${this.tag}`,
      randomShare: 0.1,
      scheme: {
        categories: CATEGORIES.map((c) => ({
          category: c.code,
          quota: perCategory,
          riskWeight: c.failShare,
          unitPriceCapFen: c.priceFen[1],
          testUnits: 1,
          backupUnits: 1,
          testStandards: [c.productStandard],
          testItems: c.items.map((i) => i.item),
        })),
        // At least ¥1,000,000, and never less than the quotas could spend at their price caps.
        budgetFen: Math.max(
          100_000_000,
          CATEGORIES.reduce((sum, c) => sum + perCategory * 2 * c.priceFen[1], 0),
        ),
        buyerPoolIds: [this.buyerPool],
        platforms: [...PLATFORMS.map((p) => p.code), OWN_SITE],
        judgmentRules: '依据产品标准及强制性国家标准判定',
        resultNotification: '检验结果于 5 个工作日内书面通知',
        reinspection: '对检验结果有异议的，可在收到通知之日起 15 日内书面申请复检',
        contacts: [{ name: '陈工', phone: '0571-88000000' }],
      },
    });
    await planning.submitPlan(this.planner, plan.id);
    await planning.approvePlan(this.approver, plan.id);
    await planning.runSelection(this.planner, plan.id);
    const issued = await planning.issue(this.planner, plan.id);
    this.log(`plan ${plan.id}: ${issued.length} batches issued`);
    return issued;
  }

  /**
   * Drives every batch with at most `concurrency` at once; the deadline scan runs meanwhile. Each
   * batch goes as far as the present allows: to its notices' delivery, and through an objection
   * when it has one. Then enforcement's legal clock is moved forward once, past the 15-day
   * objection windows (`POST /ops/clock`, development and test only), and the batches waiting on a
   * window become final, are routed, closed and published: nothing is back-dated.
   */
  async run(
    batches: IssuedBatch[],
    script: (batch: IssuedBatch, index: number) => BatchScript,
    concurrency = 8,
  ): Promise<BatchOutcome[]> {
    const waiting: Array<() => Promise<void>> = [];
    const scanner = this.scanDeadlines();
    try {
      await this.byAssignment(batches, concurrency, async (batch, index) => {
        const rest = await this.drive(batch.batchNumber, script(batch, index));
        if (rest) waiting.push(rest);
      });
      if (waiting.length > 0) {
        await this.runOutWindows(waiting.length);
        await inParallel(waiting, concurrency, (next) => next());
      }
    } finally {
      await scanner.stop();
    }
    return batches.map((b) => this.outcomes.get(b.batchNumber) as BatchOutcome);
  }

  /**
   * Each stage alone, for every batch before the next stage starts (the bench's stage rates): buyers
   * buy and ship (from the assignment), intake receives, unpacks and seals, the labs report,
   * enforcement's notices are delivered, and once the clocks have moved past the objection windows
   * the results become final (failures routed and their cases closed) and are published. The same
   * calls and topics as `run`; a script's objection does not apply here (no re-inspection stage).
   * A batch that fails a stage keeps its error and leaves the later stages.
   */
  async runByStage(
    batches: IssuedBatch[],
    script: (batch: IssuedBatch, index: number) => BatchScript,
    concurrency = 8,
  ): Promise<StageRun[]> {
    const runs: StageRun[] = [];
    const record = (run: StageRun) => {
      runs.push(run);
      this.log(
        `${run.stage} alone: ${run.batches} batches through in ${(run.ms / 1000).toFixed(1)} s, ${run.errors} errors`,
      );
    };
    let works: BatchWork[] = [];
    const stage = async (name: string, step: (work: BatchWork) => Promise<void>) => {
      const start = Date.now();
      const through: BatchWork[] = [];
      await inParallel(works, concurrency, (work) =>
        step(work).then(
          () => void through.push(work),
          (error: unknown) => this.failed(work.o, error),
        ),
      );
      record({
        stage: name,
        batches: through.length,
        errors: works.length - through.length,
        ms: Date.now() - start,
      });
      works = through;
    };
    const scanner = this.scanDeadlines();
    try {
      const start = Date.now();
      await this.byAssignment(batches, concurrency, async (batch, index) => {
        const { objection: _objection, ...plain } = script(batch, index);
        const o = this.newOutcome(batch.batchNumber, plain);
        try {
          const work = await this.takeUp(o);
          await this.buy(work);
          works.push(work);
        } catch (error) {
          this.failed(o, error);
        }
      });
      record({
        stage: 'purchasing',
        batches: works.length,
        errors: batches.length - works.length,
        ms: Date.now() - start,
      });
      await stage('evidence', (work) => this.intakeAndSeal(work));
      await stage('lab', (work) => this.report(work));
      await stage('enforcement', (work) => this.notify(work));
      // A public notice's window runs 15 days from its publication: it stays notified, as in `run`.
      works = works.filter((w) => !w.o.publicNotice);
      await this.runOutWindows(works.length);
      await stage('disclosure', (work) => this.finalSteps(work.o));
    } finally {
      await scanner.stop();
    }
    return runs;
  }

  /** The deadline scan every two seconds (as the scheduler would), until stopped. */
  private scanDeadlines(): { stop(): Promise<void> } {
    let scanning = true;
    const loop = (async () => {
      while (scanning) {
        await this.actors.enforcement.scanDeadlines(this.admin).catch(() => undefined);
        await sleep(2_000);
      }
    })();
    return {
      stop: async () => {
        scanning = false;
        await loop;
      },
    };
  }

  /** Moves the lab gateway's and enforcement's clocks past the objection windows of `count` batches. */
  private async runOutWindows(count: number): Promise<void> {
    // The lab gateway's clock moves with it: enforcement counts from its dispatch and receipt times.
    await this.movable(this.actors.lab.advanceClock(this.admin, WINDOW_ADVANCE_MS));
    const moved = await this.movable(this.actors.enforcement.advanceClock(this.admin, WINDOW_ADVANCE_MS));
    this.log(
      `enforcement's clock moved ${WINDOW_ADVANCE_MS / DAY} days forward to ${moved.now}: ` +
        `the objection windows of ${count} batches run out`,
    );
  }

  /**
   * Drives each batch with `drive`, at most `concurrency` at once, in the order purchasing assigns
   * them. Buyers take a few tasks at a time and purchasing assigns the rest as they free up, in its
   * own order: a worker drives a batch once it is assigned and meanwhile takes the next one, so no
   * worker waits on a batch whose buyer is busy with batches nobody drives yet. Only when no batch
   * at all was assigned for a whole step timeout are the waiting ones driven anyway, to fail with
   * the reason (a batch waiting long for its turn in a big run is not stuck).
   */
  private async byAssignment(
    batches: IssuedBatch[],
    concurrency: number,
    drive: (batch: IssuedBatch, index: number) => Promise<void>,
  ): Promise<void> {
    const queue = batches.map((batch, index) => ({ batch, index }));
    let lastAssigned = Date.now();
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (await this.assigned(next.batch.batchNumber)) lastAssigned = Date.now();
        else if (Date.now() - lastAssigned < this.timeout) {
          queue.push(next);
          await sleep(queue.length > concurrency ? 50 : 500);
          continue;
        }
        await drive(next.batch, next.index);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  }

  /** The buyers' think time before one of their steps. */
  private async think(): Promise<void> {
    if (this.thinkMs > 0) await sleep(this.thinkMs);
  }

  /**
   * Whether purchasing has assigned the batch to a buyer (its task is `assigned` to someone). One
   * list call every half second serves every waiting batch: a call per waiting batch loaded
   * purchasing with hundreds of lookups a second once thousands of batches waited for buyers.
   */
  private async assigned(batchNumber: string): Promise<boolean> {
    if (!this.assignedNow || Date.now() - this.assignedNow.at > 500) {
      const batches = this.actors.purchasing
        .tasks(persona.purchasingAdmin(), 'assigned')
        .then((tasks) => new Set(tasks.filter((t) => t.buyerId !== null).map((t) => t.batchNumber)))
        .catch(() => new Set<string>());
      this.assignedNow = { at: Date.now(), batches };
    }
    return (await this.assignedNow.batches).has(batchNumber);
  }

  /** A script for the demo: about a quarter fail, some objections, the seller's address sometimes unknown. */
  randomScript(category: string): BatchScript {
    const fail = this.random.chance(categorySpec(category).failShare * 0.85);
    const objection = fail && this.random.chance(0.12) ? 'overturn' : undefined;
    return {
      verdict: fail ? 'fail' : 'pass',
      ...(objection ? { objection } : {}),
      unreachable: this.random.chance(0.04),
      tooFewOfficers: this.random.chance(0.03),
      threeNo: this.random.chance(fail ? 0.08 : 0.03),
    };
  }

  private reach(outcome: BatchOutcome, stage: Stage): void {
    outcome.at[stage] = Date.now();
  }

  /**
   * One batch from batch-issued as far as the present allows; errors are kept on the outcome, never
   * thrown. Returns what is left once the objection windows have run out (final to publication),
   * if anything.
   */
  async drive(batchNumber: string, script: BatchScript): Promise<(() => Promise<void>) | undefined> {
    const outcome = this.newOutcome(batchNumber, script);
    try {
      if (await this.driveSteps(outcome)) return undefined;
      return () => this.finalSteps(outcome).catch((error: unknown) => this.failed(outcome, error));
    } catch (error) {
      this.failed(outcome, error);
      return undefined;
    }
  }

  private newOutcome(batchNumber: string, script: BatchScript): BatchOutcome {
    const outcome: BatchOutcome = {
      batchNumber,
      category: '',
      platform: '',
      ownSite: false,
      script,
      at: {},
      labIds: [],
      notices: [],
      publicNotice: false,
    };
    this.outcomes.set(batchNumber, outcome);
    return outcome;
  }

  /** Keeps the error on the outcome, naming the last stage it reached. */
  private failed(outcome: BatchOutcome, error: unknown): void {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    const last = STAGES.filter((s) => outcome.at[s] !== undefined).pop() ?? 'nothing';
    outcome.error = `after ${last}: ${error instanceof Error ? error.message : String(error)}${cause}`;
    this.log(`${outcome.batchNumber}: ${outcome.error}`);
  }

  /**
   * Enforcement counts deadlines from the lab gateway's dispatch and receipt times, so their clocks
   * must agree: an earlier campaign moved both (a restart sets one back to the wall clock). The one
   * behind is moved forward to the other; clocks never go back.
   */
  private async alignClocks(): Promise<void> {
    const [enforcement, lab] = await this.movable(
      Promise.all([this.actors.enforcement.clock(this.admin), this.actors.lab.clock(this.admin)]),
    );
    const gap = enforcement.offsetMs - lab.offsetMs;
    if (gap > 0) await this.movable(this.actors.lab.advanceClock(this.admin, gap));
    if (gap < 0) await this.movable(this.actors.enforcement.advanceClock(this.admin, -gap));
    if (gap !== 0)
      this.log(
        `clocks aligned: the lab gateway's and enforcement's run ${Math.max(enforcement.offsetMs, lab.offsetMs) / DAY} days ahead`,
      );
  }

  /**
   * A clock call, with what to do when the services cannot move their clocks: a stack started
   * without `CLOCK_OVERRIDE_ENABLED=true` (409), or built before the lab gateway had a clock (404).
   */
  private async movable<T>(call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 404))
        throw new Error(
          'the demo lets the objection windows run out by moving the clocks of enforcement and the lab gateway ' +
            '(POST /ops/clock), which needs them started with CLOCK_OVERRIDE_ENABLED=true (development only): ' +
            `restart the services with bash deploy/local/stack.sh stop && npm start (${error.message})`,
          { cause: error },
        );
      throw error;
    }
  }

  /** The time enforcement's legal clocks read (moved forward in development and test), as a UTC instant. */
  private async enforcementNow(): Promise<string> {
    const clock = await this.actors.enforcement.clock(this.admin);
    return utc(Date.parse(clock.now));
  }

  /** Drives the batch; true when it is done, false when it waits for its objection windows to run out. */
  private async driveSteps(o: BatchOutcome): Promise<boolean> {
    const work = await this.takeUp(o);
    await this.buy(work);
    await this.intakeAndSeal(work);
    await this.report(work);
    await this.notify(work);
    // No objection (a public notice's window, too, runs 15 days from its publication): final once
    // the windows have run out, when the campaign moves the clock.
    if (!o.script.objection || o.publicNotice) return false;
    return this.objectAndReinspect(work);
  }

  /** The issued batch as its buyer gets it: the event, then purchasing's assignment. */
  private async takeUp(o: BatchOutcome): Promise<BatchWork> {
    const { purchasing } = this.actors;
    const t = this.timeout;
    const issued = await this.watcher.waitForBatch<BatchIssuedValue>(Topics.BatchIssued, o.batchNumber, t);
    o.category = issued.value.category;
    o.platform = issued.value.platform;
    o.ownSite = issued.value.platform === OWN_SITE;
    // When planning issued it (the event's occurred-at), not when a worker took the batch up: the
    // wait for a free buyer counts in the assignment stage.
    o.at.issued = Date.parse(issued.headers['occurred-at'] ?? '') || Date.now();
    // A plan may pick a listing an earlier campaign imported: the batch carries what a buyer sees.
    const listing = this.listingByUrl.get(issued.value.listing.url) ?? listingFromBatch(issued.value);
    const category = categorySpec(o.category);

    const task = await until(
      'assignment',
      async () => {
        const found = await purchasing.task(persona.purchasingAdmin(), o.batchNumber);
        return found.status === 'assigned' && found.buyerId ? found : undefined;
      },
      t,
    );
    this.reach(o, 'assigned');
    return { o, listing, category, task };
  }

  /** Buyer: the assigned task, the evidence package, the purchase record, the shipment. */
  private async buy(work: BatchWork): Promise<void> {
    const { purchasing, evidence } = this.actors;
    const { o, listing, task } = work;
    const registered = this.buyers.get(task.buyerId as string);
    if (!registered) throw new Error(`batch ${o.batchNumber} went to a buyer this campaign did not register`);
    const buyer = persona.buyer(registered.userId);
    await this.think();
    await purchasing.delivery(buyer, o.batchNumber);
    const items = [];
    for (const kind of PACKAGE_KINDS) {
      const stored = await evidence.upload(buyer, evidenceFile(kind, o.batchNumber));
      items.push({ kind, objectId: stored.id });
    }
    const platform = PLATFORMS.find((p) => p.code === o.platform);
    await this.think();
    const now = Date.now();
    await purchasing.recordPurchase(buyer, o.batchNumber, {
      seller: {
        name: listing.sellerName,
        entityType: listing.sellerEntityType ?? 'enterprise',
        ...(listing.sellerCreditCode ? { unifiedSocialCreditCode: listing.sellerCreditCode } : {}),
        ...(listing.sellerAreaCode ? { registeredAreaCode: listing.sellerAreaCode } : {}),
        ...(!o.script.unreachable && listing.sellerAddress
          ? { registeredAddress: listing.sellerAddress }
          : {}),
        shopName: listing.shopName,
        shopUrl: listing.shopUrl,
      },
      ...(platform
        ? {
            platform: {
              code: platform.code,
              name: platform.name,
              url: platform.url,
              operatorName: platform.operatorName,
              operatorRegisteredAreaCode: platform.operatorAreaCode,
            },
          }
        : {}),
      productName: listing.title,
      productUrl: listing.url,
      transactionSteps: [
        '打开商品链接并全程录屏',
        '咨询客服确认规格',
        `下单 ${task.quantity.testUnits + task.quantity.backupUnits} 件`,
        '在线支付',
      ],
      orderNumber: `${String(now).slice(-10)}${this.random.int(100_000, 999_999)}`,
      orderedAt: utc(now - 60_000),
      unitPriceFen: listing.priceFen,
      shippingFeeFen: 0,
      totalPaidFen: listing.priceFen * (task.quantity.testUnits + task.quantity.backupUnits),
      quantity: task.quantity,
      evidence: items,
    });
    const completed = await purchasing.complete(buyer, o.batchNumber);
    if (completed.status === 'awaiting-price-approval')
      await purchasing.approvePrice(this.approver, o.batchNumber, '价格在市场合理区间，同意');
    this.reach(o, 'purchased');
    const trackingNumber = `YT${o.batchNumber.replace(/\D/g, '')}${this.random.int(1000, 9999)}`;
    await this.think();
    await purchasing.ship(buyer, o.batchNumber, { carrier: '圆通速递', trackingNumber });
    await this.watcher.waitForBatch(Topics.OrderPlaced, o.batchNumber, this.timeout);
    work.trackingNumber = trackingNumber;
    this.reach(o, 'shipped');
  }

  /** Intake officers: receive (once evidence knows the order), unpack on video, seal. */
  private async intakeAndSeal(work: BatchWork): Promise<void> {
    const { evidence } = this.actors;
    const { o, listing, category, task } = work;
    const trackingNumber = work.trackingNumber as string;
    const t = this.timeout;
    const now = Date.now();
    const parcel = await until(
      'parcel admission',
      async () => {
        const received = await evidence.receiveParcel(this.intake, {
          carrier: '圆通速递',
          trackingNumber,
          condition: 'intact',
        });
        return received.status === 'admitted' ? received : undefined;
      },
      t,
    );
    this.reach(o, 'received');
    const video = await evidence.upload(this.intake, evidenceFile('unboxing-video', o.batchNumber));
    const waybill = await evidence.upload(this.intake, evidenceFile('waybill-photo', o.batchNumber));
    const photo = await evidence.upload(this.intake, evidenceFile('sample-photo', o.batchNumber));
    // At the unpacking: the buyer (by the pseudonym the evidence service knows them by, looked up),
    // two enforcement officers, two lab staff.
    const seen = await evidence.batchBuyer(this.intake, o.batchNumber);
    const participants: Participant[] = [
      { role: 'buyer', name: seen.pseudonym },
      { role: 'enforcement-officer', name: '王明' },
      { role: 'enforcement-officer', name: '张强' },
      { role: 'lab-staff', name: '李华' },
      { role: 'lab-staff', name: '赵敏' },
    ];
    const product = listing.title.split(' ')[1] ?? category.products[0];
    const producer = o.script.threeNo
      ? {}
      : {
          producerName: `${listing.brand ?? ''}${category.code.includes('quilt') ? '家纺' : '制造'}有限公司`,
          producerAddress: listing.sellerAddress ?? '浙江省湖州市吴兴区织里镇',
        };
    const session = await evidence.openUnpacking(this.intake, {
      parcelId: parcel.id,
      participants,
      videoObjectId: video.id,
      waybillPhotoObjectId: waybill.id,
      photoObjectIds: [photo.id],
      claimed: {
        sampleName: product,
        ...(listing.brand ? { brand: listing.brand } : {}),
        ...producer,
        productStandard: category.productStandard,
        ...(listing.specModel ? { specModel: listing.specModel } : {}),
        productionDate: shanghaiDay(now - this.random.int(20, 200) * DAY),
        hasCertificate: !o.script.threeNo,
      },
    });
    const signatures = participants
      .filter((p) => p.role !== 'buyer')
      .map((p) => ({ ...p, signedAt: utc(Date.now()) }));
    const seals = `${o.batchNumber.replace(/[^A-Z0-9]/g, '')}`;
    const sealing = {
      category: o.category,
      testSample: { sealNumber: `FY${seals}T`, units: task.quantity.testUnits },
      backupSample: { sealNumber: `FY${seals}B`, units: task.quantity.backupUnits },
      backupStorageLocation: `市局样品室 ${String.fromCharCode(65 + this.random.int(0, 5))}-${this.random.int(1, 20)}`,
    };
    if (o.script.tooFewOfficers) {
      o.sealingRefusal = await evidence
        .seal(this.intake, session.id, {
          ...sealing,
          signatures: signatures.filter((s) => s.name !== '张强'),
        })
        .then(
          () => undefined,
          (error: unknown) =>
            error instanceof ApiError ? { status: error.status, errors: error.errors } : error,
        );
    }
    await evidence.seal(this.intake, session.id, { ...sealing, signatures });
    this.reach(o, 'sealed');
  }

  /** The lab drawn at random: accept, progress, the signed PDF, the report. */
  private async report(work: BatchWork): Promise<void> {
    const first = await this.labReport(work.o, 'initial', work.o.script.verdict);
    work.firstLabId = first.labId;
    this.reach(work.o, 'reported');
  }

  /** Enforcement: the result notices within 5 working days; delivered (or published, when unreachable). */
  private async notify(work: BatchWork): Promise<void> {
    const { enforcement } = this.actors;
    const { o } = work;
    const t = this.timeout;
    const notices = await until(
      'result notices',
      async () => {
        const found = (await enforcement.notices(this.bureau, o.batchNumber)).filter(
          (n) => n.kind === 'result',
        );
        // All result notices of a report are made in one transaction: one means all.
        return found.length > 0 ? found : undefined;
      },
      t,
    );
    o.notices = notices;
    o.publicNotice = notices.some((n) => n.channel === 'public-notice');
    // Delivered and received now, on enforcement's clock (a past day would need a second officer's
    // confirmation): the 15-day objection windows start today. Each once its PDF is stored (as the
    // officer sends only the document on record), which a campaign's burst of notices may delay.
    for (const notice of notices.filter((n) => n.channel !== 'public-notice')) {
      const now = await this.enforcementNow();
      await enforcement.recordDelivery(this.bureau, notice.id, { sentAt: now, receivedAt: now }, t);
    }
    await this.watcher.waitForBatch(Topics.ResultNotified, o.batchNumber, t);
    this.reach(o, 'notified');
  }

  /** The seller objects; re-inspection at another lab, or waived (false: final when the windows run out). */
  private async objectAndReinspect(work: BatchWork): Promise<boolean> {
    const { enforcement } = this.actors;
    const { o, listing } = work;
    const t = this.timeout;
    const seller = listing.sellerName;
    const objection = await enforcement.fileObjection(this.bureau, o.batchNumber, {
      applicantRole: 'seller',
      applicantName: seller,
      ...(listing.sellerCreditCode ? { applicantUnifiedSocialCreditCode: listing.sellerCreditCode } : {}),
      filedAt: await this.enforcementNow(),
      grounds: '对检验结果有异议，申请复检',
      materials: {
        noticeReceipt: 'received',
        writtenApplication: 'received',
        proofOfStanding: 'received',
        powerOfAttorney: 'received',
        authorisedPersonId: 'received',
      },
    });
    await enforcement.decideObjection(this.approver, objection.id, {
      approve: true,
      reason: '申请在法定期限内提出，同意复检',
    });
    this.reach(o, 'objected');
    const known = await until(
      're-inspection lab',
      async () => {
        const current = await enforcement.objection(this.bureau, objection.id);
        return current.labNotifiedAt ? current : undefined;
      },
      t,
    );
    // The 《复检机构确定通知书》 handed to the applicant and to the lab: the 7 days run from the receipt.
    for (const notice of await enforcement.labNotices(this.bureau, objection.id)) {
      if (notice.supersededAt) continue;
      const at = await this.enforcementNow();
      await enforcement.recordLabNoticeDelivery(
        this.bureau,
        objection.id,
        notice.id,
        {
          channel: 'in-person',
          sentAt: at,
          receivedAt: at,
          receivedBy: notice.recipientName,
        },
        t,
      );
    }
    if (o.script.objection === 'waive') {
      await enforcement.waiveReinspection(this.bureau, objection.id, {
        declaredAt: await this.enforcementNow(),
        reason: '申请人书面声明放弃复检',
      });
      // The first result stands, final once the others' windows (received today) have run out too.
      return false;
    } else {
      // Compared to the millisecond: not before the lab was known.
      const now = Date.parse((await enforcement.clock(this.admin)).now);
      await enforcement.completeProcedures(
        this.bureau,
        objection.id,
        new Date(Math.max(Date.parse(known.labNotifiedAt as string) + 1_000, now - 1_000)).toISOString(),
      );
      await this.labReport(o, 're-inspection', 'pass', work.firstLabId);
    }
    await this.finalSteps(o);
    return true;
  }

  /** From the final result to its publication: a final failure is routed and its case closed. */
  private async finalSteps(o: BatchOutcome): Promise<void> {
    const { enforcement } = this.actors;
    const t = this.timeout;
    const final = await this.watcher.waitForBatch<{ verdict: 'pass' | 'fail'; basis: string }>(
      Topics.ResultFinal,
      o.batchNumber,
      t,
    );
    o.finalVerdict = final.value.verdict;
    o.basis = final.value.basis;
    this.reach(o, 'final');
    if (final.value.verdict === 'fail') {
      const routed = await this.watcher.waitForBatch<{
        caseId: string;
        rule: string;
        authority: { kind: string; areaCode: string; name: string };
      }>(Topics.CaseRouted, o.batchNumber, t);
      o.caseAuthority = routed.value.authority;
      o.caseRule = routed.value.rule;
      this.reach(o, 'routed');
      const officer = persona.enforcementOfficer(routed.value.authority.areaCode);
      await enforcement.acceptCase(officer, routed.value.caseId);
      await enforcement.investigateCase(officer, routed.value.caseId);
      await enforcement.closeCase(officer, routed.value.caseId, {
        outcomes: o.ownSite ? ['rectification'] : ['takedown-confirmed', 'rectification'],
        summary: o.ownSite ? '责令经营者整改，停止销售不合格产品' : '平台已下架涉案商品，责令经营者整改',
      });
      await this.watcher.waitForBatch(Topics.CaseClosed, o.batchNumber, t);
      this.reach(o, 'closed');
    }
    await this.watcher.waitForBatch(Topics.ResultPublished, o.batchNumber, t);
    this.reach(o, 'published');
  }

  /** Waits for the dispatch of `purpose`, then the drawn lab accepts, tests and reports. */
  private async labReport(
    o: BatchOutcome,
    purpose: 'initial' | 're-inspection',
    verdict: 'pass' | 'fail',
    excludedLabId?: string,
  ): Promise<{ labId: string }> {
    const { lab, evidence } = this.actors;
    const dispatched = await this.watcher.waitFor<{ labId: string; purpose?: string }>(
      Topics.SampleDispatched,
      (value, event) =>
        event.key === o.batchNumber &&
        (purpose === 'initial' ? value.purpose !== 're-inspection' : value.purpose === 're-inspection'),
      this.timeout,
    );
    const labId = dispatched.value.labId;
    if (excludedLabId && labId === excludedLabId)
      throw new Error(`re-inspection of ${o.batchNumber} went to the original lab`);
    o.labIds.push(labId);
    if (purpose === 'initial') this.reach(o, 'dispatched');
    const claims: Claims = persona.lab(labId);
    const assignment = await until(
      `${purpose} assignment`,
      async () => {
        for (let page = 1; ; page++) {
          const found = await lab.assignments(claims, { status: 'dispatched', page, pageSize: 100 });
          const mine = found.items.find((a) => a.batchNumber === o.batchNumber && a.purpose === purpose);
          if (mine || found.items.length < found.pageSize) return mine;
        }
      },
      this.timeout,
    );
    await lab.accept(claims, assignment.id);
    await lab.progress(claims, assignment.id, 'testing', '样品检验中');
    const category = categorySpec(o.category);
    const failing = verdict === 'fail' ? this.failingItems(category) : [];
    // The lab's dates on the gateway's clock, which checks them (moved with enforcement's).
    const labNow = Date.parse((await lab.clock(this.admin)).now);
    const today = shanghaiDay(labNow);
    const labName = this.labs.find((l) => l.id === labId)?.name ?? '承检机构';
    const report: Omit<LabReport, 'reportDocumentId'> = {
      reportNumber: `${purpose === 'initial' ? 'W' : 'FJ'}${o.batchNumber.replace(/\D/g, '')}-${this.tag}`,
      sample: {
        sampleCode: assignment.sampleCode,
        conditionOnReceipt: '封样完好，包装无破损',
        receivedOn: today,
      },
      testedFrom: today,
      testedTo: today,
      items: category.items.map((i) => ({
        item: i.item,
        standard: i.standard,
        requirement: i.requirement,
        measuredValue: failing.includes(i.item) ? i.fail : i.pass,
        unit: i.unit,
        verdict: failing.includes(i.item) ? 'fail' : 'pass',
      })),
      verdict,
      failingItems: failing,
      authorisedBy: '王工',
      authorisedTitle: '授权签字人',
      issuedAt: utc(labNow - 1_000),
    };
    const pdf = await labReportPdf({
      labName,
      batchNumber: o.batchNumber,
      sampleName: category.products[0],
      report,
    });
    const document = await evidence.upload(claims, {
      kind: 'lab-report',
      batchNumber: o.batchNumber,
      contentType: 'application/pdf',
      data: pdf,
      fileName: `${report.reportNumber}.pdf`,
    });
    await lab.submitReport(claims, assignment.id, { ...report, reportDocumentId: document.id });
    return { labId };
  }

  private failingItems(category: CategorySpec): string[] {
    const mandatory = category.items.filter((i) => i.mandatory);
    const first = mandatory[this.random.int(0, mandatory.length - 1)] as { item: string };
    const second = category.items.find((i) => i.item !== first.item && this.random.chance(0.25));
    return second ? [first.item, second.item] : [first.item];
  }
}

/** The listing as a batch names it, for a listing this campaign did not import itself. */
function listingFromBatch(batch: BatchIssuedValue): ListingRecord {
  const { seller, listing } = batch;
  return {
    platform: batch.platform,
    listingId: listing.platformListingId,
    url: listing.url,
    title: listing.title,
    category: batch.category,
    brand: listing.title.split(' ')[0],
    priceFen: Math.max(100, Math.round(batch.unitPriceCapFen * 0.6)),
    shopName: seller.shopName,
    shopUrl: seller.shopUrl,
    sellerName: seller.name,
    sellerEntityType: seller.entityType,
    ...(seller.unifiedSocialCreditCode ? { sellerCreditCode: seller.unifiedSocialCreditCode } : {}),
    ...(seller.registeredAreaCode ? { sellerAreaCode: seller.registeredAreaCode } : {}),
    ...(seller.registeredAddress ? { sellerAddress: seller.registeredAddress } : {}),
    operatorName: '',
    observedAt: batch.issuedAt,
  };
}

export function categorySpec(code: string): CategorySpec {
  const found = CATEGORIES.find((c) => c.code === code);
  if (!found) throw new Error(`unknown category ${code}`);
  return found;
}
