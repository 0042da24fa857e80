/** No active, accredited lab with capacity can take the sample: it waits for one (`WaitingDispatches`). */
export class NoQualifiedLabError extends Error {
  constructor(
    readonly batchNumber: string,
    readonly category: string,
    readonly exclusions: Record<string, string[]>,
  ) {
    super(`no qualified lab with capacity for batch ${batchNumber} (category ${category})`);
    this.name = 'NoQualifiedLabError';
  }
}
