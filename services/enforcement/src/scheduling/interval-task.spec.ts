import { Logger } from '@nestjs/common';
import { IntervalTask } from './interval-task';

/** A backlog of `pending` items stored `round` at a time, as the PDF-storing steps do. */
class Backlog extends IntervalTask {
  protected readonly logger = new Logger('Backlog');
  runs = 0;
  failWith: Error | undefined;
  /** Called at the start of each run (a test's hook: shut down mid-drain). */
  onRun: () => void = () => undefined;

  constructor(
    public pending: number,
    private readonly round = 20,
  ) {
    super();
  }

  protected intervalMs(): number | null {
    return 60_000;
  }

  protected run(): Promise<{ stored: number; more: boolean }> {
    this.runs++;
    this.onRun();
    if (this.failWith) return Promise.reject(this.failWith);
    const stored = Math.min(this.round, this.pending);
    this.pending -= stored;
    return Promise.resolve({ stored, more: stored === this.round });
  }

  protected override runAgain(result: { more: boolean }): boolean {
    return result.more;
  }

  /** One timer tick, awaited. */
  once(): Promise<unknown> {
    return this.tick();
  }
}

describe('IntervalTask', () => {
  it('drains a backlog in one tick: a full round is followed by another at once, until one is not full', async () => {
    const task = new Backlog(95);
    await task.once();
    // 20 + 20 + 20 + 20 + 15: five rounds, where one round an interval would take five intervals.
    expect(task.runs).toBe(5);
    expect(task.pending).toBe(0);
    // Nothing waiting: one round, which finds nothing.
    await task.once();
    expect(task.runs).toBe(6);
  });

  it('stops draining when the service shuts down, after the round in progress', async () => {
    const task = new Backlog(1_000);
    task.onRun = () => {
      if (task.runs === 3) void task.onApplicationShutdown();
    };
    await task.once();
    expect(task.runs).toBe(3);
    expect(task.pending).toBe(1_000 - 60);
  });

  it('logs a failed run and stops that tick; the next tick tries again', async () => {
    const task = new Backlog(50);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    task.failWith = new Error('evidence service unreachable');
    await task.once();
    expect(task.runs).toBe(1);
    expect(logged).toHaveBeenCalledWith(
      { err: 'Error: evidence service unreachable' },
      'scheduled run failed',
    );
    task.failWith = undefined;
    await task.once();
    expect(task.pending).toBe(0);
    logged.mockRestore();
  });
});
