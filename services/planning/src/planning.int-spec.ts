import { describeServiceBasics } from '@qis/testing';
import { planningService } from './planning.definition';

describeServiceBasics(planningService);
