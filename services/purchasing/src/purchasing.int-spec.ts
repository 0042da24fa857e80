import { describeServiceBasics } from '@qis/testing';
import { purchasingService } from './purchasing.definition';

describeServiceBasics(purchasingService);
