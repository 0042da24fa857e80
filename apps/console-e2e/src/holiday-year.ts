import { TestIssuer } from '@qis/testing';

const days = (from: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );

/**
 * Loads an illustrative 2027 holiday schedule into enforcement (submitted by one admin, approved by
 * another) unless one is known: a test whose clock runs past the end of 2026 needs it, as the
 * bureau would load the State Council's notice. `enforcement` is the service's base URL.
 */
export async function knowYear2027(enforcement: string): Promise<void> {
  const as = (sub: string) => TestIssuer.shared().headers({ roles: ['admin'], sub });
  const send = async (method: string, route: string, sub: string, body?: unknown) => {
    const res = await fetch(`${enforcement}${route}`, {
      method,
      headers: { ...(await as(sub)), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as { source?: string; id?: string } };
  };
  if ((await send('GET', '/calendar/years/2027', 'admin-e2e')).body.source !== 'none') return;
  const submitted = await send('POST', '/calendar/years', 'admin-wang', {
    year: 2027,
    noticeReference: '国办发明电〔2026〕示例号',
    noticeUrl: 'https://www.gov.cn/zhengce/content/example-2027.htm',
    holidays: [
      { name: '元旦', dates: days('2027-01-01', 3) },
      { name: '春节', dates: days('2027-02-05', 9) },
      { name: '劳动节', dates: days('2027-05-01', 5) },
      { name: '国庆节', dates: days('2027-10-01', 7) },
    ],
    adjustedWorkingDays: ['2027-02-14', '2027-02-20', '2027-05-08', '2027-09-26', '2027-10-09'],
  });
  if (submitted.status !== 201) throw new Error(`2027 schedule: ${submitted.status}`);
  const approved = await send('POST', '/calendar/years/2027/approve', 'admin-li', {
    scheduleId: submitted.body.id,
    note: '测试用',
  });
  if (approved.status !== 200) throw new Error(`2027 schedule approval: ${approved.status}`);
}
