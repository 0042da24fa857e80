import type { disclosure } from '../../api/generated';
import type { Role } from '../../auth/keycloak';

export type Publication = disclosure.components['schemas']['PublicationAdminView'];
export type PublicNotice = disclosure.components['schemas']['PublicNoticeAdminView'];
export type FeedPlatform = disclosure.components['schemas']['FeedPlatformView'];
export type FeedDelivery = disclosure.components['schemas']['FeedDeliveryView'];
export type Correction = disclosure.components['schemas']['CorrectPublicationCommand'];

/** Who reads disclosure administration; auditors read only. */
export const DISCLOSURE_READERS: readonly Role[] = ['disclosure-officer', 'admin', 'auditor'];
/** Who corrects, withdraws and manages platform feeds. */
export const DISCLOSURE_MANAGERS: readonly Role[] = ['disclosure-officer', 'admin'];

/** Danger buttons (withdraw, retire) in a red with 4.5:1 contrast on white; Ant Design's default is lighter. */
export const DANGER_THEME = { token: { colorError: '#c41d1d' } };

export type DeliveryHealth = 'broker-down' | 'failing' | 'lagging' | 'healthy';

/** A platform feed's state: broker unreachable, failed takedown reports, items not yet read or relayed, or healthy. */
export const deliveryHealth = (delivery: FeedDelivery): DeliveryHealth =>
  delivery.brokerError != null
    ? 'broker-down'
    : (delivery.failures ?? 0) > 0
      ? 'failing'
      : (delivery.lag ?? 0) > 0 || delivery.pendingItems > 0
        ? 'lagging'
        : 'healthy';
