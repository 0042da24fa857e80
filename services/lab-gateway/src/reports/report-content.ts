import type { Verdict } from '@qis/contracts';

/** The report as the lab submitted it (stored whole; the columns beside it are for queries). */
export interface ReportContent {
  reportNumber: string;
  amendsReportNumber?: string;
  amendmentReason?: string;
  labName: string;
  labAddress: string;
  sample: { sampleCode: string; conditionOnReceipt: string; receivedOn: string };
  testedFrom: string;
  testedTo: string;
  testLocation?: string;
  items: Array<{
    item: string;
    standard: string;
    requirement: string;
    measuredValue: string;
    unit?: string;
    verdict: Verdict;
  }>;
  verdict: Verdict;
  failingItems: string[];
  deviations?: string;
  reportDocumentId: string;
  authorisedBy: string;
  authorisedTitle: string;
  issuedAt: string;
}
