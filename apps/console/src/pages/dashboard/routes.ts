import type { ConsoleRoute, HomeQueue } from '../../routes';

/** The dashboard for city-level officers and auditors. Pages load lazily, one chunk per page. */
export const DASHBOARD_ROUTES: ConsoleRoute[] = [];

/** This area's queues on the home page. */
export const DASHBOARD_QUEUES: HomeQueue[] = [];
