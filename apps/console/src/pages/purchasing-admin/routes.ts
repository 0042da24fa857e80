import type { ConsoleRoute, HomeQueue } from '../../routes';

/** Purchasing administration (buyers, accounts, addresses, blacklists, price approvals, identity keys) and the evidence viewer. Pages load lazily, one chunk per page. */
export const PURCHASING_ADMIN_ROUTES: ConsoleRoute[] = [];

/** This area's queues on the home page. */
export const PURCHASING_ADMIN_QUEUES: HomeQueue[] = [];
