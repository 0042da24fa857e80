import { describeServiceBasics } from '@qis/testing';
import { labGatewayService } from './lab-gateway.definition';

describeServiceBasics(labGatewayService);
