import { describeAccessMatrix } from '@qis/testing';
import { evidenceAccess } from './evidence-access.fixture';
import { evidenceService } from './evidence.definition';

describeAccessMatrix(evidenceService, evidenceAccess());
