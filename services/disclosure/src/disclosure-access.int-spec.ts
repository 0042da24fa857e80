import { describeAccessMatrix } from '@qis/testing';
import { disclosureService } from './disclosure.definition';

describeAccessMatrix(disclosureService);
