import { createHash } from 'node:crypto';
import { locateCjkFont, renderDocument } from '@qis/documents';
import { expectEventually, TestIssuer } from '@qis/testing';

/**
 * Stands in for the lab: a one-page signed report (its number on the page) stored in the evidence
 * service as kind `lab-report` of the batch, through the upload API a lab uses. Returns the object
 * id the report-issued event names as `reportDocumentId`: a result notice's PDF carries these pages
 * after its own, and is not made without them.
 */
export async function storeLabReport(
  evidenceUrl: string,
  batchNumber: string,
  reportNumber: string,
): Promise<string> {
  const pdf = await renderDocument(
    {
      title: '检验报告',
      number: reportNumber,
      paragraphs: [`报告编号：${reportNumber}`, '检验结论：不合格'],
    },
    locateCjkFont(),
  );
  const auth = await TestIssuer.shared().headers({ roles: ['lab'], sub: 'lab-e2e' });
  const post = async (route: string, body: unknown) => {
    const res = await fetch(`${evidenceUrl}${route}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`POST ${route}: ${res.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const ticket = (await post('/evidence/uploads', {
    kind: 'lab-report',
    batchNumber,
    contentType: 'application/pdf',
    size: pdf.length,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    fileName: `${reportNumber}.pdf`,
  })) as { objectId: string; url: string; headers: Record<string, string> };
  const put = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: Uint8Array.from(pdf) });
  if (put.status !== 200) throw new Error(`PUT lab report: ${put.status}`);
  await post(`/evidence/uploads/${ticket.objectId}/finalize`, {});
  await expectEventually(async () => {
    const res = await fetch(`${evidenceUrl}/evidence/uploads/${ticket.objectId}/status`, { headers: auth });
    expect(((await res.json()) as { state: string }).state).toBe('stored');
  });
  return ticket.objectId;
}
