import { describeAccessMatrix } from '@qis/testing';
import { planningService } from './planning.definition';

describeAccessMatrix(planningService);
