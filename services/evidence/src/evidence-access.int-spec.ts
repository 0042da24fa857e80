import { describeAccessMatrix } from '@qis/testing';
import { evidenceService } from './evidence.definition';

describeAccessMatrix(evidenceService);
