import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RealmUser } from './keycloak-admin';

/**
 * The demo staff of `npm start`: one or more per role, officers of several districts, two labs.
 * Passwords are generated per user on first use and kept in a per-user file (mode 600), never in
 * the repository; `npm start` prints them.
 */
export const DEMO_USERS: Array<Omit<RealmUser, 'password'>> = [
  { username: 'planner-zhou', lastName: '周', firstName: '敏', roles: ['planner'] },
  { username: 'planner-liu', lastName: '刘', firstName: '洋', roles: ['planner'] },
  { username: 'approver-chen', lastName: '陈', firstName: '立', roles: ['approver'] },
  { username: 'buyer-01', lastName: '买样', firstName: '01', roles: ['buyer'] },
  { username: 'purchasing-li', lastName: '李', firstName: '静', roles: ['purchasing-admin'] },
  { username: 'intake-wang', lastName: '王', firstName: '强', roles: ['intake-officer'] },
  {
    username: 'lab-textile',
    lastName: '纺织院',
    firstName: '检测员',
    roles: ['lab'],
    attributes: { labId: 'LAB-TEXTILE' },
  },
  {
    username: 'lab-hzqt',
    lastName: '质检院',
    firstName: '检测员',
    roles: ['lab'],
    attributes: { labId: 'LAB-HZQT' },
  },
  {
    username: 'officer-binjiang',
    lastName: '赵',
    firstName: '磊',
    roles: ['enforcement-officer'],
    attributes: { jurisdiction: '330108' },
  },
  {
    username: 'officer-yuhang',
    lastName: '孙',
    firstName: '悦',
    roles: ['enforcement-officer'],
    attributes: { jurisdiction: '330110' },
  },
  {
    username: 'officer-city',
    lastName: '钱',
    firstName: '进',
    roles: ['enforcement-officer'],
    attributes: { jurisdiction: '330100' },
  },
  {
    username: 'platform-yungou',
    lastName: '云购商城',
    firstName: '对接人',
    roles: ['platform'],
    attributes: { platformId: 'yungou' },
  },
  { username: 'auditor-sun', lastName: '孙', firstName: '丽', roles: ['auditor'] },
  { username: 'admin-ops', lastName: '运维', firstName: '管理员', roles: ['admin'] },
];

export const newPassword = (): string => randomBytes(12).toString('base64url');

/** The demo users with their passwords, generated into `file` for users that have none yet. */
export function demoUsersWithPasswords(file: string): RealmUser[] {
  const known: Record<string, string> = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)
    : {};
  let changed = false;
  const users = DEMO_USERS.map((u) => {
    if (!known[u.username]) {
      known[u.username] = newPassword();
      changed = true;
    }
    return { ...u, password: known[u.username] };
  });
  if (changed) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${JSON.stringify(known, null, 2)}\n`, { mode: 0o600 });
  }
  return users;
}
