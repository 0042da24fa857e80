import { CreateLabGateway1763900800000 } from './create-lab-gateway.migration';

export const migrations = [CreateLabGateway1763900800000];
