import { Topics } from '@qis/contracts';
import type { EventContract } from '@qis/messaging';
import { ProbeMessage } from './probe.message';

export const OpsProbeContract: EventContract<ProbeMessage> = {
  topic: Topics.OpsProbe,
  type: 'ops.probe',
  version: 1,
  value: ProbeMessage,
};
