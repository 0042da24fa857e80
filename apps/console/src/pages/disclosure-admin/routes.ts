import type { ConsoleRoute, HomeQueue } from '../../routes';

/** Disclosure administration: published results, corrections and withdrawals, public notices, platform feeds. Pages load lazily, one chunk per page. */
export const DISCLOSURE_ROUTES: ConsoleRoute[] = [];

/** This area's queues on the home page. */
export const DISCLOSURE_QUEUES: HomeQueue[] = [];
