import { lazy } from 'react';
import type { ConsoleRoute, HomeQueue } from '../../routes';
import { DISCLOSURE_READERS } from './disclosure-api';

const Publications = lazy(() => import('./publications'));
const PublicationDetail = lazy(() => import('./publication-detail'));
const PublicNotices = lazy(() => import('./public-notices'));
const Feeds = lazy(() => import('./feeds'));

/** Disclosure administration: published results, corrections and withdrawals, public notices, platform feeds. Pages load lazily, one chunk per page. */
export const DISCLOSURE_ROUTES: ConsoleRoute[] = [
  {
    path: '/disclosure/publications',
    menu: 'publications',
    group: 'disclosure',
    roles: DISCLOSURE_READERS,
    page: Publications,
  },
  { path: '/disclosure/publications/:id', roles: DISCLOSURE_READERS, page: PublicationDetail },
  {
    path: '/disclosure/notices',
    menu: 'publicNotices',
    group: 'disclosure',
    roles: DISCLOSURE_READERS,
    page: PublicNotices,
  },
  { path: '/disclosure/feeds', menu: 'feeds', group: 'disclosure', roles: DISCLOSURE_READERS, page: Feeds },
];

const OFFICER = ['disclosure-officer'] as const;

/** This area's queues on the home page: the disclosure officer's. */
export const DISCLOSURE_QUEUES: HomeQueue[] = [
  {
    key: 'disclosure-feeds',
    roles: OFFICER,
    component: lazy(() => import('./queues').then((m) => ({ default: m.FeedsQueue }))),
  },
  {
    key: 'disclosure-notices',
    roles: OFFICER,
    component: lazy(() => import('./queues').then((m) => ({ default: m.NoticesQueue }))),
  },
  {
    key: 'disclosure-publications',
    roles: OFFICER,
    wide: true,
    component: lazy(() => import('./queues').then((m) => ({ default: m.PublicationsQueue }))),
  },
];
