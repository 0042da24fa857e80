import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './auth/keycloak';
import type { Messages } from './i18n/messages';
import { BUYER_QUEUES, BUYER_ROUTES } from './pages/buyer/routes';
import { DASHBOARD_QUEUES, DASHBOARD_ROUTES } from './pages/dashboard/routes';
import { DISCLOSURE_QUEUES, DISCLOSURE_ROUTES } from './pages/disclosure-admin/routes';
import { ENFORCEMENT_QUEUES, ENFORCEMENT_ROUTES } from './pages/enforcement/routes';
import { CASES_QUEUES, CASES_ROUTES } from './pages/enforcement-cases/routes';
import { INTAKE_QUEUES, INTAKE_ROUTES } from './pages/intake/routes';
import { PURCHASING_ADMIN_QUEUES, PURCHASING_ADMIN_ROUTES } from './pages/purchasing-admin/routes';

type MenuKey = keyof Messages['menu'];

/** Menu groups, in the order the menu shows them. */
export const MENU_GROUPS = [
  'purchasing',
  'intake',
  'enforcement',
  'disclosure',
  'planning',
  'admin',
] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/** A queue on the home page ("my work"), shown to the roles it names; each area declares its own. */
export interface HomeQueue {
  key: string;
  roles: readonly Role[];
  /** Full width instead of half on wide screens. */
  wide?: boolean;
  component: LazyExoticComponent<ComponentType>;
}

export interface ConsoleRoute {
  path: string;
  menu?: MenuKey;
  /** The menu group it sits under. */
  group?: MenuGroup;
  roles: readonly Role[];
  page: LazyExoticComponent<ComponentType>;
}

const STAFF: readonly Role[] = [
  'planner',
  'approver',
  'buyer',
  'purchasing-admin',
  'intake-officer',
  'lab',
  'enforcement-officer',
  'platform',
  'disclosure-officer',
  'auditor',
  'admin',
];
const TIMELINE: readonly Role[] = [
  'planner',
  'approver',
  'purchasing-admin',
  'intake-officer',
  'lab',
  'enforcement-officer',
  'auditor',
  'admin',
];

// Each area is its own chunk: a planner never downloads the admin pages, and the reverse.
const Home = lazy(() => import('./pages/home'));
const BatchTimeline = lazy(() => import('./pages/batches/batch-timeline'));
const Plans = lazy(() => import('./pages/planning/plans'));
const NewPlan = lazy(() => import('./pages/planning/new-plan'));
const PlanDetail = lazy(() => import('./pages/planning/plan-detail'));
const Listings = lazy(() => import('./pages/planning/listings'));
const ImportListings = lazy(() => import('./pages/planning/import-listings'));
const FollowUps = lazy(() => import('./pages/planning/follow-ups'));
const Audit = lazy(() => import('./pages/admin/audit'));
const DeadLetters = lazy(() => import('./pages/admin/dead-letters'));
const Health = lazy(() => import('./pages/admin/health'));
const Calendar = lazy(() => import('./pages/admin/calendar'));
const LabAssignments = lazy(() => import('./pages/lab/assignments'));
const LabAssignmentDetail = lazy(() => import('./pages/lab/assignment-detail'));
const LabRegistry = lazy(() => import('./pages/lab/lab-registry'));

export const ROUTES: ConsoleRoute[] = [
  { path: '/', menu: 'home', roles: STAFF, page: Home },
  { path: '/batches', menu: 'batches', roles: TIMELINE, page: BatchTimeline },
  { path: '/batches/:batchNumber', roles: TIMELINE, page: BatchTimeline },
  {
    path: '/plans',
    menu: 'plans',
    group: 'planning',
    roles: ['planner', 'approver', 'auditor'],
    page: Plans,
  },
  { path: '/plans/new', menu: 'newPlan', group: 'planning', roles: ['planner'], page: NewPlan },
  { path: '/plans/:id', roles: ['planner', 'approver', 'auditor'], page: PlanDetail },
  {
    path: '/listings',
    menu: 'listings',
    group: 'planning',
    roles: ['planner', 'approver', 'auditor'],
    page: Listings,
  },
  {
    path: '/listings/import',
    menu: 'importListings',
    group: 'planning',
    roles: ['planner'],
    page: ImportListings,
  },
  {
    path: '/follow-ups',
    menu: 'followUps',
    group: 'planning',
    roles: ['planner', 'approver'],
    page: FollowUps,
  },
  { path: '/admin/audit', menu: 'audit', group: 'admin', roles: ['auditor', 'admin'], page: Audit },
  { path: '/admin/dead-letters', menu: 'deadLetters', group: 'admin', roles: ['admin'], page: DeadLetters },
  { path: '/admin/health', menu: 'health', group: 'admin', roles: ['admin'], page: Health },
  { path: '/lab/assignments', menu: 'labAssignments', roles: ['lab'], page: LabAssignments },
  { path: '/lab/assignments/:id', roles: ['lab'], page: LabAssignmentDetail },
  { path: '/labs', menu: 'labRegistry', roles: ['admin', 'auditor'], page: LabRegistry },
  { path: '/admin/calendar', menu: 'calendar', group: 'admin', roles: ['admin', 'auditor'], page: Calendar },
  ...BUYER_ROUTES,
  ...PURCHASING_ADMIN_ROUTES,
  ...INTAKE_ROUTES,
  ...ENFORCEMENT_ROUTES,
  ...CASES_ROUTES,
  ...DISCLOSURE_ROUTES,
  ...DASHBOARD_ROUTES,
];

export const HOME_QUEUES: HomeQueue[] = [
  ...BUYER_QUEUES,
  ...PURCHASING_ADMIN_QUEUES,
  ...INTAKE_QUEUES,
  ...ENFORCEMENT_QUEUES,
  ...CASES_QUEUES,
  ...DISCLOSURE_QUEUES,
  ...DASHBOARD_QUEUES,
];
