import type { ServiceTokenSource } from '@qis/auth';
import { locateCjkFont, renderDocument } from '@qis/documents';
import { EvidenceClient } from '../evidence/evidence-client';

/**
 * Stands in for the lab: renders a one-page signed report (its number on the page) and uploads it
 * to the evidence service as kind `lab-report` of the batch; returns its object id, which the
 * report-issued event names as `reportDocumentId`.
 */
export async function uploadLabReport(
  evidenceUrl: string,
  lab: Pick<ServiceTokenSource, 'headers'>,
  batchNumber: string,
  reportNumber: string,
): Promise<string> {
  const pdf = await renderDocument(
    {
      title: '检验报告',
      number: reportNumber,
      paragraphs: [`报告编号：${reportNumber}`, '检验结论：不合格', '签发：王工'],
    },
    locateCjkFont(),
  );
  const stored = await new EvidenceClient(evidenceUrl, lab).store({
    kind: 'lab-report',
    batchNumber,
    contentType: 'application/pdf',
    fileName: `${reportNumber}.pdf`,
    data: pdf,
  });
  return stored.objectId;
}
