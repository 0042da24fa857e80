import type { ConsoleRoute, HomeQueue } from '../../routes';

/** The intake room: expected and quarantined parcels, unpacking, sealing, labels, hand-over. Pages load lazily, one chunk per page. */
export const INTAKE_ROUTES: ConsoleRoute[] = [];

/** This area's queues on the home page. */
export const INTAKE_QUEUES: HomeQueue[] = [];
