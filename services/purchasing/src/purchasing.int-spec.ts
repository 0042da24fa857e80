import { describeServiceBasics } from '@qis/testing';
import { purchasingService } from './purchasing.definition';
import { useTestIdentityKeys } from './testing/identity-key-env';

useTestIdentityKeys();
describeServiceBasics(purchasingService);
