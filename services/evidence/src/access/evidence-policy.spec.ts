import { EVIDENCE_KINDS } from '../objects/evidence-kind';
import { EVIDENCE_POLICY, mayUpload, readAccess } from './evidence-policy';

const BUREAU = ['330100'];
const officer = (jurisdiction?: string) => ({
  sub: 'o',
  roles: ['enforcement-officer' as const],
  jurisdiction,
});

describe('evidence policy', () => {
  it('states a read and an upload rule for every kind', () => {
    expect(Object.keys(EVIDENCE_POLICY).sort()).toEqual([...EVIDENCE_KINDS].sort());
  });

  it('gives kinds that show the buyer only to purchasing-admin and admin, with a purpose', () => {
    const recording = { kind: 'purchase-screen-recording' as const, uploader: 'buyer-1' };
    expect(readAccess({ sub: 'p', roles: ['purchasing-admin'] }, recording, BUREAU)).toBe(
      'read-with-purpose',
    );
    expect(readAccess({ sub: 'a', roles: ['admin'] }, recording, BUREAU)).toBe('read-with-purpose');
    for (const roles of [['auditor'], ['intake-officer'], ['enforcement-officer']] as const)
      expect(readAccess({ sub: 'x', roles: [...roles], jurisdiction: '330100' }, recording, BUREAU)).toBe(
        'none',
      );
    expect(readAccess({ sub: 'buyer-1', roles: ['buyer'] }, recording, BUREAU)).toBe('own');
  });

  it('keeps an enforcement officer to the batches of their jurisdiction', () => {
    const video = { kind: 'unboxing-video' as const, uploader: 'intake-1' };
    expect(readAccess(officer('330100'), video, BUREAU)).toBe('read');
    expect(readAccess(officer('330000'), video, BUREAU)).toBe('read');
    expect(readAccess(officer('330108'), video, BUREAU)).toBe('none');
    expect(readAccess(officer('330108'), video, [...BUREAU, '330108'])).toBe('read');
    expect(readAccess(officer(), video, BUREAU)).toBe('none');
    expect(readAccess(officer('330100'), video, [])).toBe('none');
  });

  it('lets only the roles that make a kind upload it', () => {
    expect(mayUpload({ roles: ['lab'] }, 'unboxing-video')).toBe(false);
    expect(mayUpload({ roles: ['buyer'] }, 'lab-report')).toBe(false);
    expect(mayUpload({ roles: ['lab'] }, 'lab-report')).toBe(true);
    expect(mayUpload({ roles: ['intake-officer'] }, 'unboxing-video')).toBe(true);
  });
});
