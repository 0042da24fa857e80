import { lazy } from 'react';
import type { ConsoleRoute, HomeQueue } from '../../routes';

const OFFICER = ['enforcement-officer'] as const;
const READERS = ['enforcement-officer', 'approver', 'auditor'] as const;

const Deadlines = lazy(() => import('./deadlines'));
const Notices = lazy(() => import('./notices'));
const NoticeDetail = lazy(() => import('./notice-detail'));
const Objections = lazy(() => import('./objections'));
const NewObjection = lazy(() => import('./new-objection'));
const ObjectionDetail = lazy(() => import('./objection-detail'));

/** The enforcement desk: deadlines, result notices and their delivery, objections and re-inspection procedures. Pages load lazily, one chunk per page. */
export const ENFORCEMENT_ROUTES: ConsoleRoute[] = [
  {
    path: '/enforcement/deadlines',
    menu: 'deadlines',
    group: 'enforcement',
    roles: READERS,
    page: Deadlines,
  },
  { path: '/enforcement/notices', menu: 'notices', group: 'enforcement', roles: READERS, page: Notices },
  { path: '/enforcement/notices/:id', roles: READERS, page: NoticeDetail },
  {
    path: '/enforcement/objections',
    menu: 'objections',
    group: 'enforcement',
    roles: READERS,
    page: Objections,
  },
  { path: '/enforcement/objections/new', roles: OFFICER, page: NewObjection },
  { path: '/enforcement/objections/:id', roles: READERS, page: ObjectionDetail },
];

/** This area's queues on the home page. */
export const ENFORCEMENT_QUEUES: HomeQueue[] = [
  {
    key: 'enforcement-deadlines',
    roles: READERS,
    wide: true,
    component: lazy(() => import('./queues').then((m) => ({ default: m.DeadlinesQueue }))),
  },
];
