import type { ConsoleRoute, HomeQueue } from '../../routes';

/** The enforcement desk's cases, manual triage and credit files. Pages load lazily, one chunk per page. */
export const CASES_ROUTES: ConsoleRoute[] = [];

/** This area's queues on the home page. */
export const CASES_QUEUES: HomeQueue[] = [];
