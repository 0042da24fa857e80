import {
  CreateOutboxAndInbox1763800001000,
  NotifyOnOutboxInsert1763800002000,
  NotifyOnlyWhileRelayAsleep1765950000000,
} from './messaging.migration';

export const messagingMigrations = [
  CreateOutboxAndInbox1763800001000,
  NotifyOnOutboxInsert1763800002000,
  NotifyOnlyWhileRelayAsleep1765950000000,
];
