import { AddAmendedReports1764600200000 } from './add-amended-reports.migration';
import { AddCaseDecision1765300000000 } from './add-case-decision.migration';
import { AddDelayedReceipts1765100000000 } from './add-delayed-receipts.migration';
import { AddDeliveryFailures1765400000000 } from './add-delivery-failures.migration';
import { AddFollowUpOutcomes1764600300000 } from './add-follow-up-outcomes.migration';
import { AddLabNoticeDelivery1765800000000 } from './add-lab-notice-delivery.migration';
import { AddHolidaySchedules1764950000000 } from './add-holiday-schedules.migration';
import { AddNoticeEvidence1764600000000 } from './add-notice-evidence.migration';
import { AddObjectionChecklist1765650000000 } from './add-objection-checklist.migration';
import { AddReinspectionLab1764600100000 } from './add-reinspection-lab.migration';
import { AddReinspectionLabNotices1765700000000 } from './add-reinspection-lab-notices.migration';
import { AddRiskWarnings1765612000000 } from './add-risk-warnings.migration';
import { AddRoutingPolicy1765500000000 } from './add-routing-policy.migration';
import { AddSamplingDelegations1765900000000 } from './add-sampling-delegations.migration';
import { AddTakedownTriage1765000000000 } from './add-takedown-triage.migration';
import { CreateEnforcement1763900000000 } from './create-enforcement.migration';

/** The enforcement service's migrations, in order. Each runs once, in its own transaction, at start. */
export const migrations = [
  CreateEnforcement1763900000000,
  AddNoticeEvidence1764600000000,
  AddReinspectionLab1764600100000,
  AddAmendedReports1764600200000,
  AddFollowUpOutcomes1764600300000,
  AddHolidaySchedules1764950000000,
  AddTakedownTriage1765000000000,
  AddDelayedReceipts1765100000000,
  AddCaseDecision1765300000000,
  AddDeliveryFailures1765400000000,
  AddRoutingPolicy1765500000000,
  AddRiskWarnings1765612000000,
  AddObjectionChecklist1765650000000,
  AddReinspectionLabNotices1765700000000,
  AddLabNoticeDelivery1765800000000,
  AddSamplingDelegations1765900000000,
];
