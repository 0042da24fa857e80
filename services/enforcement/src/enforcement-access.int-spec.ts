import { describeAccessMatrix } from '@qis/testing';
import { enforcementService } from './enforcement.definition';

describeAccessMatrix(enforcementService);
