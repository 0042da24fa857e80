import { deadLetterTopic, Topics } from '../topics';
import { OrderPlaced } from '../events/order-placed';
import { ReportIssued } from '../events/report-issued';
import { SampleSealed } from '../events/sample-sealed';
import { ListingSignal } from '../events/listing-signal';
import { ResultPublished } from '../events/result-published';
import { BatchIssued } from '../events/batch-issued';
import { contractForTopic, contracts, declaredTopics } from './contracts';
import { decodeEvent, decodeKey, encodeKey, validateEvent } from './decode-event';

const json = (value: unknown): string => JSON.stringify(value);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the contract registry', () => {
  it('has one contract per flow topic, and only the probe topic without one', () => {
    const withContract = contracts.map((c) => c.topic).sort();
    const flowTopics = Object.values(Topics)
      .filter((t) => t !== Topics.OpsProbe)
      .sort();
    expect(withContract).toEqual(flowTopics);
  });

  it.each(contracts.map((c) => [c.topic, c] as const))('%s: topic, type and version agree', (topic, c) => {
    expect(topic).toMatch(/^[a-z]+\.[a-z0-9-]+\.v\d+$/);
    expect(`${c.type}.v${c.version}`).toBe(topic);
    expect(c.consumers).not.toContain(c.owner);
  });

  it.each(contracts.map((c) => [c.topic, c] as const))('%s: its example is a valid message', (_topic, c) => {
    const value = decodeEvent(c, json(c.example.value));
    expect(value).toEqual(expect.objectContaining({ ok: true }));
    const key = decodeKey(c, encodeKey(c, c.example.key));
    expect(key).toEqual(expect.objectContaining({ ok: true }));
  });

  it('declares every topic and its dead-letter topic, the probe included', () => {
    const declared = declaredTopics();
    for (const topic of Object.values(Topics)) {
      expect(declared).toContain(topic);
      expect(declared).toContain(deadLetterTopic(topic));
    }
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('finds a contract by topic', () => {
    expect(contractForTopic('lab.report-issued.v1')).toBe(ReportIssued);
    expect(contractForTopic('lab.report-issued.v9')).toBeUndefined();
  });
});

describe('decodeEvent', () => {
  it('returns a typed instance of the value class', () => {
    const result = decodeEvent(ReportIssued, Buffer.from(json(ReportIssued.example.value)));
    if (!result.ok) throw new Error(json(result.errors));
    expect(result.value).toBeInstanceOf(ReportIssued.value);
    expect(result.value.items[0].verdict).toBe('fail');
  });

  it('reports a message that is not JSON without throwing', () => {
    expect(decodeEvent(ReportIssued, '{"batchNumber":')).toEqual({
      ok: false,
      kind: 'not-json',
      errors: [{ field: '(value)', reasons: [expect.stringContaining('not JSON')] }],
    });
    expect(decodeEvent(ReportIssued, null)).toMatchObject({ ok: false, kind: 'invalid' });
    expect(decodeEvent(ReportIssued, '[1,2]')).toMatchObject({ ok: false, errors: [{ field: '(value)' }] });
  });

  it('names nested fields by their path, e.g. items[1].verdict', () => {
    const value = clone(ReportIssued.example.value) as unknown as Record<string, unknown> & {
      items: Record<string, unknown>[];
    };
    value.items[1].verdict = 'ok';
    value.items[0].unit = '';
    const result = decodeEvent(ReportIssued, json(value));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual(['items[0].unit', 'items[1].verdict']);
    expect(result.errors.find((e) => e.field === 'items[1].verdict')?.reasons[0]).toMatch(/one of/);
  });

  it('rejects a report without test items', () => {
    const result = validateEvent(ReportIssued, { ...ReportIssued.example.value, items: [] });
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'items' }] });
  });

  it.each([
    ['buyerName', '张三'],
    ['buyerId', 'b-17'],
    ['accountName', 'tb_shopper_01'],
    ['deliveryAddress', '浙江省杭州市上城区某路1号'],
  ])('rejects an order-placed carrying %s (buyer identity never leaves purchasing)', (field, value) => {
    const result = validateEvent(OrderPlaced, { ...OrderPlaced.example.value, [field]: value });
    expect(result).toMatchObject({
      ok: false,
      kind: 'invalid',
      errors: [{ field, reasons: [expect.stringMatching(/should not exist/)] }],
    });
  });

  it('rejects a sample-sealed carrying the buyer, even nested in the claimed product', () => {
    const top = validateEvent(SampleSealed, { ...SampleSealed.example.value, buyerPseudonym: 'MB-0042' });
    expect(top).toMatchObject({ ok: false, errors: [{ field: 'buyerPseudonym' }] });
    const nested = validateEvent(SampleSealed, {
      ...SampleSealed.example.value,
      claimed: { ...SampleSealed.example.value.claimed, deliveryAddress: '某省某市某路' },
    });
    expect(nested).toMatchObject({ ok: false, errors: [{ field: 'claimed.deliveryAddress' }] });
  });

  it('rejects local times, bad area codes, bad credit check characters and fractional fen', () => {
    const value = clone(OrderPlaced.example.value);
    const result = validateEvent(OrderPlaced, {
      ...value,
      orderedAt: '2026-03-02 14:12:45',
      unitPriceFen: 599.5,
      seller: { ...value.seller, registeredAreaCode: '33010', unifiedSocialCreditCode: '91330106MA2CF0B1XA' },
    });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((e) => e.field).sort()).toEqual([
      'orderedAt',
      'seller.registeredAreaCode',
      'seller.unifiedSocialCreditCode',
      'unitPriceFen',
    ]);
  });

  it('requires a credit code of a registered seller but not of a natural person', () => {
    const { unifiedSocialCreditCode: _omitted, ...seller } = OrderPlaced.example.value.seller;
    expect(validateEvent(OrderPlaced, { ...OrderPlaced.example.value, seller })).toMatchObject({
      ok: false,
      errors: [{ field: 'seller.unifiedSocialCreditCode' }],
    });
    expect(
      validateEvent(OrderPlaced, {
        ...OrderPlaced.example.value,
        seller: { ...seller, entityType: 'natural-person' },
      }),
    ).toMatchObject({ ok: true });
  });

  it('requires the earlier batch of a follow-up batch', () => {
    expect(validateEvent(BatchIssued, { ...BatchIssued.example.value, planKind: 'follow-up' })).toMatchObject(
      {
        ok: false,
        errors: [{ field: 'followUpOf' }],
      },
    );
  });

  it('keeps published results to the public fields', () => {
    expect(
      validateEvent(ResultPublished, {
        ...ResultPublished.example.value,
        orderNumber: '3958204711223344556',
      }),
    ).toMatchObject({
      ok: false,
      errors: [{ field: 'orderNumber' }],
    });
  });
});

describe('keys', () => {
  it('encodes a flow key as the batch number', () => {
    expect(encodeKey(ReportIssued, { batchNumber: 'HZ2026-000123' })).toBe('HZ2026-000123');
  });

  it('encodes a listing key as platform:listing id and decodes it back', () => {
    expect(encodeKey(ListingSignal, { platform: 'jd', listingId: '100012345' })).toBe('jd:100012345');
    expect(decodeKey(ListingSignal, Buffer.from('jd:100012345'))).toMatchObject({
      ok: true,
      value: { platform: 'jd', listingId: '100012345' },
    });
  });

  it('rejects an empty, malformed or missing key', () => {
    expect(decodeKey(ReportIssued, null)).toMatchObject({ ok: false, errors: [{ field: '(key)' }] });
    expect(decodeKey(ReportIssued, 'hz-123')).toMatchObject({
      ok: false,
      errors: [{ field: 'batchNumber' }],
    });
    expect(decodeKey(ListingSignal, 'jd')).toMatchObject({ ok: false, errors: [{ field: '(key)' }] });
  });
});
