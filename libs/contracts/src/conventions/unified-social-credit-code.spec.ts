import { isUnifiedSocialCreditCode, unifiedSocialCreditCheckCharacter } from './unified-social-credit-code';

describe('unified social credit code (GB 32100)', () => {
  it('computes the check character', () => {
    expect(unifiedSocialCreditCheckCharacter('91330100799655058')).toBe('B');
  });

  it.each(['91330100799655058B', '91330106MA2CF0B1XU'])('accepts %s', (code) => {
    expect(isUnifiedSocialCreditCode(code)).toBe(true);
  });

  it.each([
    ['a wrong check character', '91330100799655058C'],
    ['17 characters', '91330100799655058'],
    ['a forbidden letter (I)', '9133010079965505IB'],
    ['lower case', '91330106ma2cf0b1xu'],
  ])('rejects %s', (_why, code) => {
    expect(isUnifiedSocialCreditCode(code)).toBe(false);
  });
});
