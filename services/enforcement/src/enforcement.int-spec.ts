import { describeServiceBasics } from '@qis/testing';
import { enforcementService } from './enforcement.definition';

describeServiceBasics(enforcementService);
