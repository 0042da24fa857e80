import { describeAccessMatrix } from '@qis/testing';
import { labGatewayService } from './lab-gateway.definition';

describeAccessMatrix(labGatewayService);
