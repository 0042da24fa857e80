import { lazy } from 'react';
import type { ConsoleRoute, HomeQueue } from '../../routes';

const Dashboard = lazy(() => import('./dashboard'));

/** The dashboard for city-level officers and auditors (a district officer's figures cover their district). Pages load lazily, one chunk per page. */
export const DASHBOARD_ROUTES: ConsoleRoute[] = [
  {
    path: '/dashboard',
    menu: 'dashboard',
    group: 'disclosure',
    roles: ['enforcement-officer', 'auditor', 'admin'],
    page: Dashboard,
  },
];

/** This area's queues on the home page. */
export const DASHBOARD_QUEUES: HomeQueue[] = [];
