import { validateEvent } from '../registry/decode-event';
import {
  platformChannels,
  platformFeedItemContract,
  PlatformFeedTopics,
  platformOfTakedownTopic,
} from './platform-feeds';

describe('platform feed topics', () => {
  it('names one results and one takedown topic per platform code', () => {
    expect(PlatformFeedTopics.results('jd-mall')).toBe('feed.jd-mall.results.v1');
    expect(PlatformFeedTopics.takedowns('taobao')).toBe('feed.taobao.takedowns.v1');
  });

  it('refuses a name that is no platform code (it would escape the ACLs)', () => {
    expect(() => PlatformFeedTopics.results('Taobao')).toThrow(/platform code/);
    expect(() => PlatformFeedTopics.takedowns('a.b')).toThrow(/platform code/);
  });

  it('reads the platform only from an unprefixed takedown topic', () => {
    expect(platformOfTakedownTopic('feed.taobao.takedowns.v1')).toBe('taobao');
    expect(platformOfTakedownTopic('feed.taobao.results.v1')).toBeUndefined();
    expect(platformOfTakedownTopic('x.feed.taobao.takedowns.v1')).toBeUndefined();
  });

  it.each(platformChannels.map((c) => [c.address, c] as const))(
    '%s: the example satisfies the contract',
    (_, c) => {
      expect(validateEvent({ value: c.value }, c.example.value)).toEqual(
        expect.objectContaining({ ok: true }),
      );
    },
  );

  it('a feed item is a result notice or a final result, each with its own required fields', () => {
    const notice = { ...platformChannels[0].example.value, kind: 'result-notice' };
    const check = validateEvent(platformFeedItemContract('taobao'), notice);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors.map((e) => e.field)).toEqual(['orderNumber']);
  });
});
