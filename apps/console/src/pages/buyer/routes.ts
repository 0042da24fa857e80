import { lazy } from 'react';
import type { ConsoleRoute, HomeQueue } from '../../routes';

const MyTasks = lazy(() => import('./my-tasks'));
const TaskDetail = lazy(() => import('./task-detail'));
const MyTasksQueue = lazy(() => import('./my-tasks-queue'));

/** The mystery buyer: my tasks, the purchase and its evidence. Pages load lazily, one chunk per page. */
export const BUYER_ROUTES: ConsoleRoute[] = [
  { path: '/buyer/tasks', menu: 'buyerTasks', group: 'purchasing', roles: ['buyer'], page: MyTasks },
  { path: '/buyer/tasks/:batchNumber', roles: ['buyer'], page: TaskDetail },
];

/** This area's queues on the home page. */
export const BUYER_QUEUES: HomeQueue[] = [{ key: 'buyer-tasks', roles: ['buyer'], component: MyTasksQueue }];
