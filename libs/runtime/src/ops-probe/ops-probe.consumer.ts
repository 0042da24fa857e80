import { Injectable } from '@nestjs/common';
import { ConsumeEvent, type EventContext } from '@qis/messaging';
import { OpsProbeReceipt } from './ops-probe-receipt.entity';
import { OpsProbeContract } from './ops-probe.contract';
import type { ProbeMessage } from './probe.message';

/** Every service records the probes it receives, in its own database, through its inbox. */
@Injectable()
export class OpsProbeConsumer {
  @ConsumeEvent(OpsProbeContract)
  async onProbe(probe: ProbeMessage, { manager }: EventContext): Promise<void> {
    await manager.insert(OpsProbeReceipt, {
      probeId: probe.probeId,
      fromService: probe.from,
      sentAt: new Date(probe.sentAt),
    });
  }
}
