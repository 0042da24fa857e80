import type { ConsoleRoute, HomeQueue } from '../../routes';

/** The enforcement desk: deadlines, result notices and their delivery, objections and re-inspection procedures. Pages load lazily, one chunk per page. */
export const ENFORCEMENT_ROUTES: ConsoleRoute[] = [];

/** This area's queues on the home page. */
export const ENFORCEMENT_QUEUES: HomeQueue[] = [];
