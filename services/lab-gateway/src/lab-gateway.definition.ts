import type { ServiceDefinition } from '@qis/runtime';
import { BatchesModule } from './batches/batches.module';
import { ClockModule } from './clock/clock.module';
import { Assignment } from './dispatch/assignment.entity';
import { DispatchModule } from './dispatch/dispatch.module';
import { WaitingDispatch } from './dispatch/waiting-dispatch.entity';
import { IdempotencyRecord } from './idempotency/idempotency-record.entity';
import { LabApiModule } from './lab-api/lab-api.module';
import { LabGatewayConfig } from './lab-gateway.config';
import { LabContract } from './labs/contracts/lab-contract.entity';
import { Lab } from './labs/lab.entity';
import { LabsModule } from './labs/labs.module';
import { migrations } from './migrations';
import { Report } from './reports/report.entity';
import { TestItem } from './test-items/test-item.entity';
import { TestItemsModule } from './test-items/test-items.module';

export const labGatewayService: ServiceDefinition<LabGatewayConfig> = {
  name: 'lab-gateway',
  title: 'QIS Lab gateway service',
  description:
    'Accredited labs, random dispatch, the lab-facing API (/v1), reports and re-inspection dispatch. ' +
    'Every POST needs an Idempotency-Key header: the same key and body get the stored answer, ' +
    'the same key with another body 409.',
  config: LabGatewayConfig,
  entities: [Lab, LabContract, TestItem, Assignment, WaitingDispatch, Report, IdempotencyRecord],
  migrations,
  // The lab API's requests are a handful of small statements each: prepared once per connection.
  preparedStatements: true,
  imports: [ClockModule, LabsModule, TestItemsModule, DispatchModule, LabApiModule, BatchesModule],
  openApiLinks: [
    { from: 'registerLab', to: ['getLab', 'updateLab'], parameters: { id: '$response.body#/id' } },
    {
      from: 'createSandboxAssignment',
      to: ['getAssignment', 'acceptAssignment', 'declineAssignment', 'reportProgress', 'submitReport'],
      parameters: { id: '$response.body#/id' },
    },
  ],
};
