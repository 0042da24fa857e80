import { ObjectionFiled, type ObjectionFiledValue } from '@qis/contracts';
import type { OutboxPublisher } from '@qis/messaging';
import type { EntityManager } from 'typeorm';
import type { Objection } from './objection.entity';

/**
 * Publishes `objection-filed` for an objection that now counts as filed in time: at filing, or for
 * a back-dated filing once a second officer confirmed it.
 */
export async function publishObjectionFiled(
  outbox: OutboxPublisher,
  manager: EntityManager,
  objection: Objection,
  reportNumber: string,
): Promise<void> {
  const value: ObjectionFiledValue = {
    batchNumber: objection.batchNumber,
    objectionId: objection.id,
    reportNumber,
    applicantRole: objection.applicantRole,
    applicantName: objection.applicantName,
    ...(objection.applicantUscc ? { applicantUnifiedSocialCreditCode: objection.applicantUscc } : {}),
    noticeReceivedAt: objection.noticeReceivedAt.toISOString(),
    filedAt: objection.filedAt.toISOString(),
    ...(objection.grounds ? { grounds: objection.grounds } : {}),
  };
  await outbox.publish(manager, [{ contract: ObjectionFiled, key: objection.batchNumber, value }]);
}
