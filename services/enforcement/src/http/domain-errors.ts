import { unprocessable } from '@qis/domain';

/** An instant recorded as past (a delivery, a filing, a decision) must not lie in the future. */
export const notInFuture = (field: string, value: Date, now: Date): void => {
  if (value.getTime() > now.getTime() + 60_000)
    throw unprocessable(field, `must not be in the future (${value.toISOString()})`);
};
