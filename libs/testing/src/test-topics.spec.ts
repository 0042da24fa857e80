import { isAbandonedTestTopic, newTestFilePrefix, newTestRunPrefix } from './test-topics';

describe('test topic names', () => {
  const alive = new Set([process.pid]);
  const isAlive = (pid: number) => alive.has(pid);

  it('puts each file under its run, and the run under the jest process', () => {
    const run = newTestRunPrefix();
    expect(run).toMatch(new RegExp(`^t-${process.pid.toString(36)}-[0-9a-f]{6}\\.$`));
    const file = newTestFilePrefix(run);
    expect(file.startsWith(run)).toBe(true);
    expect(`${file}lab.report-issued.v1`).toMatch(/^[a-zA-Z0-9._-]+$/);
  });

  it("never sweeps a live run's topics, and sweeps those of a run whose process is gone", () => {
    const live = `${newTestFilePrefix(newTestRunPrefix())}planning.batch-issued.v1`;
    expect(isAbandonedTestTopic(live, isAlive)).toBe(false);
    const gone = `t-${(4_000_000).toString(36)}-abcdef.0123abcd.planning.batch-issued.v1`;
    expect(isAbandonedTestTopic(gone, isAlive)).toBe(true);
  });

  it('sweeps the legacy per-file topics and leaves every other topic alone', () => {
    expect(isAbandonedTestTopic('t0123abcd.lab.report-issued.v1', isAlive)).toBe(true);
    for (const topic of ['lab.report-issued.v1', 'bench-01234567.lab.report-issued.v1', 'tools.x', 'team.y'])
      expect(isAbandonedTestTopic(topic, isAlive)).toBe(false);
  });
});
