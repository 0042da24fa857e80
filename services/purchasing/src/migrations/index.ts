import { AddIdNumberBlindIndex1765300000000 } from './add-id-number-blind-index.migration';
import { AddOrderNumberIndex1765200000000 } from './add-order-number-index.migration';
import { AddWithdrawnAssignmentOutcome1765400000000 } from './add-withdrawn-assignment-outcome.migration';
import { CreatePurchasing1763900000000 } from './create-purchasing.migration';

/** The purchasing service's migrations, in order. Each runs once, in its own transaction, at start. */
export const migrations = [
  CreatePurchasing1763900000000,
  AddOrderNumberIndex1765200000000,
  AddIdNumberBlindIndex1765300000000,
  AddWithdrawnAssignmentOutcome1765400000000,
];
