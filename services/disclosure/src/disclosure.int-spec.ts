import { describeServiceBasics } from '@qis/testing';
import { disclosureService } from './disclosure.definition';

describeServiceBasics(disclosureService);
