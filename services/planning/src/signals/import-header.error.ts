/** A CSV header without the required columns, or with columns nobody knows: nothing can be read. */
export class ImportHeaderError extends Error {
  constructor(
    readonly missing: readonly string[],
    readonly unknown: readonly string[],
  ) {
    super(
      `CSV header: missing ${missing.join(', ') || 'nothing'}; unknown ${unknown.join(', ') || 'nothing'}`,
    );
    this.name = 'ImportHeaderError';
  }
}
