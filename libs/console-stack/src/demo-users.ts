import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KeycloakAdmin, RealmUser } from './keycloak-admin';

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
  { username: 'disclosure-ma', lastName: '马', firstName: '琳', roles: ['disclosure-officer'] },
  { username: 'auditor-sun', lastName: '孙', firstName: '丽', roles: ['auditor'] },
  { username: 'admin-ops', lastName: '运维', firstName: '管理员', roles: ['admin'] },
];

export const newPassword = (): string => randomBytes(12).toString('base64url');

/** The demo users with their passwords, generated into `file` for users that have none yet. */
export function demoUsersWithPasswords(file: string): RealmUser[] {
  const known: Record<string, string> = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)
    : {};
  const links = labLinks(file);
  let changed = false;
  const users = DEMO_USERS.map((u) => {
    if (!known[u.username]) {
      known[u.username] = newPassword();
      changed = true;
    }
    const labId = links[u.username];
    return {
      ...u,
      ...(labId ? { attributes: { ...u.attributes, labId } } : {}),
      password: known[u.username],
    };
  });
  if (changed) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${JSON.stringify(known, null, 2)}\n`, { mode: 0o600 });
  }
  return users;
}

/** The registered lab each demo lab user works for, by the lab's name in the demo campaign. */
const DEMO_LAB_USERS: Record<string, string> = {
  'lab-textile': '浙江省纺织品质量检测研究院',
  'lab-hzqt': '杭州市质量技术监督检测院',
};

/** Kept beside the passwords: a later provisioning keeps the link instead of the placeholder id. */
const linksFile = (usersFile: string): string => path.join(path.dirname(usersFile), 'console-lab-links.json');

function labLinks(usersFile: string): Record<string, string> {
  const file = linksFile(usersFile);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/**
 * Links the demo lab users to the labs the demo registered (the lab gateway scopes a lab user by
 * the registry's lab id): their `labId` in Keycloak, remembered for the next provisioning.
 * Returns username → lab id for the users linked.
 */
export async function linkDemoLabs(
  admin: KeycloakAdmin,
  realm: string,
  usersFile: string,
  labs: ReadonlyArray<{ id: string; name: string }>,
): Promise<Record<string, string>> {
  const links = { ...labLinks(usersFile) };
  for (const [username, name] of Object.entries(DEMO_LAB_USERS)) {
    const lab = labs.find((l) => l.name === name);
    if (lab) links[username] = lab.id;
  }
  mkdirSync(path.dirname(usersFile), { recursive: true, mode: 0o700 });
  writeFileSync(linksFile(usersFile), `${JSON.stringify(links, null, 2)}\n`, { mode: 0o600 });
  const users = demoUsersWithPasswords(usersFile).filter((u) => u.username in DEMO_LAB_USERS);
  for (const user of users) await admin.upsertUser(realm, user);
  return Object.fromEntries(users.map((u) => [u.username, u.attributes?.labId ?? '']));
}
