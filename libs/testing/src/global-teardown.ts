export default async function globalTeardown(): Promise<void> {
  await globalThis.__QIS_CONTAINERS__?.stop();
}
