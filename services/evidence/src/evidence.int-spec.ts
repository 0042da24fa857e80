import { describeServiceBasics } from '@qis/testing';
import { evidenceService } from './evidence.definition';

describeServiceBasics(evidenceService);
