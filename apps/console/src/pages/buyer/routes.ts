import type { ConsoleRoute, HomeQueue } from '../../routes';

/** The mystery buyer: my tasks, the purchase and its evidence. Pages load lazily, one chunk per page. */
export const BUYER_ROUTES: ConsoleRoute[] = [];

/** This area's queues on the home page. */
export const BUYER_QUEUES: HomeQueue[] = [];
