import { lazy } from 'react';
import type { ConsoleRoute, HomeQueue } from '../../routes';

const INTAKE = ['intake-officer'] as const;
const READERS = ['intake-officer', 'auditor'] as const;

const Parcels = lazy(() => import('./parcels'));
const Quarantine = lazy(() => import('./quarantine'));
const Unpacking = lazy(() => import('./unpacking'));
const Unpack = lazy(() => import('./unpack'));
const Session = lazy(() => import('./session'));

/** The intake room: expected and quarantined parcels, unpacking, sealing, labels, hand-over. Pages load lazily, one chunk per page. */
export const INTAKE_ROUTES: ConsoleRoute[] = [
  { path: '/intake/parcels', menu: 'parcels', group: 'intake', roles: INTAKE, page: Parcels },
  { path: '/intake/quarantine', menu: 'quarantine', group: 'intake', roles: READERS, page: Quarantine },
  { path: '/intake/unpacking', menu: 'unpacking', group: 'intake', roles: READERS, page: Unpacking },
  { path: '/intake/parcels/:id/unpack', roles: INTAKE, page: Unpack },
  { path: '/intake/sessions/:id', roles: READERS, page: Session },
];

/** This area's queues on the home page. */
export const INTAKE_QUEUES: HomeQueue[] = [
  {
    key: 'intake-expected',
    roles: INTAKE,
    component: lazy(() => import('./queues').then((m) => ({ default: m.ExpectedQueue }))),
  },
  {
    key: 'intake-quarantined',
    roles: INTAKE,
    component: lazy(() => import('./queues').then((m) => ({ default: m.QuarantineQueue }))),
  },
  {
    key: 'intake-to-seal',
    roles: INTAKE,
    component: lazy(() => import('./queues').then((m) => ({ default: m.ToSealQueue }))),
  },
];
