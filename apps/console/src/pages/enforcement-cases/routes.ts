import { lazy } from 'react';
import type { ConsoleRoute, HomeQueue } from '../../routes';

const CASE_READERS = ['enforcement-officer', 'approver', 'auditor'] as const;
const CREDIT_READERS = ['enforcement-officer', 'planner', 'approver', 'auditor'] as const;

const Cases = lazy(() => import('./cases'));
const CaseDetail = lazy(() => import('./case-detail'));
const Triage = lazy(() => import('./triage'));
const Credit = lazy(() => import('./credit'));

/** The enforcement desk's cases, manual triage and credit files. Pages load lazily, one chunk per page. */
export const CASES_ROUTES: ConsoleRoute[] = [
  { path: '/cases', menu: 'cases', group: 'enforcement', roles: CASE_READERS, page: Cases },
  { path: '/cases/:id', roles: CASE_READERS, page: CaseDetail },
  // Triage is the bureau's (approvers route, auditors read): no district officer sees an unrouted batch.
  { path: '/triage', menu: 'triage', group: 'enforcement', roles: ['approver', 'auditor'], page: Triage },
  { path: '/credit', menu: 'credit', group: 'enforcement', roles: CREDIT_READERS, page: Credit },
];

/** This area's queues on the home page. */
export const CASES_QUEUES: HomeQueue[] = [
  {
    key: 'cases-open',
    roles: ['enforcement-officer'],
    component: lazy(() => import('./queues').then((m) => ({ default: m.OpenCasesQueue }))),
  },
];
