import { describeAccessMatrix } from '@qis/testing';
import { labScopeFixture } from './lab-gateway-access.fixture';
import { labGatewayService } from './lab-gateway.definition';

describeAccessMatrix(labGatewayService, { foreignScope: labScopeFixture });
