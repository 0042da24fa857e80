import { lazy } from 'react';
import type { ConsoleRoute, HomeQueue } from '../../routes';
import { EVIDENCE_READERS } from './evidence/viewer-api';

const Buyers = lazy(() => import('./buyers'));
const PriceApprovals = lazy(() => import('./price-approvals'));
const IdentityKeys = lazy(() => import('./identity-keys'));
const EvidenceHome = lazy(() => import('./evidence/evidence-home'));
const EvidenceViewer = lazy(() => import('./evidence/evidence-viewer'));
const PriceApprovalQueue = lazy(() => import('./queues').then((m) => ({ default: m.PriceApprovalQueue })));
const AwaitingBuyerQueue = lazy(() => import('./queues').then((m) => ({ default: m.AwaitingBuyerQueue })));

/** Purchasing administration (buyers, accounts, addresses, blacklists, price approvals, identity keys) and the evidence viewer. Pages load lazily, one chunk per page. */
export const PURCHASING_ADMIN_ROUTES: ConsoleRoute[] = [
  {
    path: '/purchasing/buyers',
    menu: 'buyers',
    group: 'purchasing',
    roles: ['purchasing-admin'],
    page: Buyers,
  },
  {
    path: '/purchasing/price-approvals',
    menu: 'priceApprovals',
    group: 'purchasing',
    roles: ['purchasing-admin', 'approver'],
    page: PriceApprovals,
  },
  {
    path: '/purchasing/identity-keys',
    menu: 'identityKeys',
    group: 'purchasing',
    roles: ['purchasing-admin'],
    page: IdentityKeys,
  },
  { path: '/evidence', menu: 'evidence', roles: EVIDENCE_READERS, page: EvidenceHome },
  { path: '/evidence/:id', roles: EVIDENCE_READERS, page: EvidenceViewer },
];

/** This area's queues on the home page. */
export const PURCHASING_ADMIN_QUEUES: HomeQueue[] = [
  { key: 'price-approvals', roles: ['purchasing-admin'], component: PriceApprovalQueue },
  { key: 'awaiting-buyer', roles: ['purchasing-admin'], component: AwaitingBuyerQueue },
];
