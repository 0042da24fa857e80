import { describeAccessMatrix } from '@qis/testing';
import { purchasingService } from './purchasing.definition';
import { useTestIdentityKeys } from './testing/identity-key-env';

useTestIdentityKeys();
describeAccessMatrix(purchasingService);
