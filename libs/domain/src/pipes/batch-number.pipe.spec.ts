import { BatchNumberPipe } from './batch-number.pipe';

describe('BatchNumberPipe', () => {
  const pipe = new BatchNumberPipe();

  it('passes a well-formed batch number (whether it exists is the handler’s 404)', () => {
    expect(pipe.transform('HZ2026-000123')).toBe('HZ2026-000123');
  });

  it('refuses a malformed one with 400 validation_failed naming batchNumber', () => {
    try {
      pipe.transform('HZ26-1');
      throw new Error('no refusal');
    } catch (error) {
      expect((error as BatchNumberPipe & { getStatus(): number }).getStatus()).toBe(400);
      expect((error as { getResponse(): unknown }).getResponse()).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        code: 'validation_failed',
        message: 'batchNumber must look like HZ2026-000123',
        errors: [{ field: 'batchNumber', reasons: ['must look like HZ2026-000123'] }],
      });
    }
  });
});
