import { describeAccessMatrix } from '@qis/testing';
import { purchasingService } from './purchasing.definition';

describeAccessMatrix(purchasingService);
