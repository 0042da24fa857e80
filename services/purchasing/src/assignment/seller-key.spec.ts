import { sellerKey } from './seller-key';

describe('sellerKey', () => {
  it('keys a registered seller by its unified social credit code', () => {
    expect(
      sellerKey({ unifiedSocialCreditCode: '91330106MA2CF0B1XU', shopUrl: 'https://a.taobao.com' }),
    ).toBe('uscc:91330106MA2CF0B1XU');
  });

  it('keys a natural person seller by the shop URL, ignoring case, query and trailing slash', () => {
    expect(sellerKey({ shopUrl: 'https://Shop1.taobao.com/?spm=1' })).toBe(
      sellerKey({ shopUrl: 'https://shop1.taobao.com' }),
    );
  });
});
