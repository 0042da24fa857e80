import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoUsersWithPasswords } from './demo-users';

describe('demo lab users', () => {
  it('carry the placeholder lab id until the demo links them to registered labs', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'qis-demo-users-')), 'console-users.json');
    const before = demoUsersWithPasswords(file).find((u) => u.username === 'lab-textile');
    expect(before?.attributes?.labId).toBe('LAB-TEXTILE');
    const labId = '4821e196-ab6c-4acd-a026-9cf1cca567ae';
    writeFileSync(
      path.join(path.dirname(file), 'console-lab-links.json'),
      JSON.stringify({ 'lab-textile': labId }),
    );
    const users = demoUsersWithPasswords(file);
    expect(users.find((u) => u.username === 'lab-textile')?.attributes).toEqual({ labId });
    expect(users.find((u) => u.username === 'lab-textile')?.password).toBe(before?.password);
    expect(users.find((u) => u.username === 'lab-hzqt')?.attributes?.labId).toBe('LAB-HZQT');
  });
});
