import { DisclosureReader } from './disclosure';
import { EnforcementActor } from './enforcement';
import { EvidenceActor } from './evidence';
import type { TokenSource } from './http';
import { LabActor } from './lab';
import { PlanningActor } from './planning';
import { PurchasingActor } from './purchasing';

export * from './disclosure';
export * from './enforcement';
export * from './events';
export * from './evidence';
export * from './files';
export * from './http';
export * from './lab';
export * from './planning';
export * from './platform';
export * from './purchasing';
export * from './tokens';

/** Base URLs of the six services (no trailing slash needed). */
export interface ServiceUrls {
  planning: string;
  purchasing: string;
  evidence: string;
  labGateway: string;
  enforcement: string;
  disclosure: string;
}

/** The local stack's ports (`npm start`). */
export const LOCAL_SERVICE_URLS: ServiceUrls = {
  planning: 'http://127.0.0.1:7101',
  purchasing: 'http://127.0.0.1:7102',
  evidence: 'http://127.0.0.1:7103',
  labGateway: 'http://127.0.0.1:7104',
  enforcement: 'http://127.0.0.1:7105',
  disclosure: 'http://127.0.0.1:7106',
};

/** The services' addresses from QIS_<SERVICE>_URL, else the local stack's. */
export function serviceUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceUrls {
  const url = (key: keyof ServiceUrls, name: string) => env[name] ?? LOCAL_SERVICE_URLS[key];
  return {
    planning: url('planning', 'QIS_PLANNING_URL'),
    purchasing: url('purchasing', 'QIS_PURCHASING_URL'),
    evidence: url('evidence', 'QIS_EVIDENCE_URL'),
    labGateway: url('labGateway', 'QIS_LAB_GATEWAY_URL'),
    enforcement: url('enforcement', 'QIS_ENFORCEMENT_URL'),
    disclosure: url('disclosure', 'QIS_DISCLOSURE_URL'),
  };
}

/** One client per service, sharing a token source. */
export interface Actors {
  planning: PlanningActor;
  purchasing: PurchasingActor;
  evidence: EvidenceActor;
  lab: LabActor;
  enforcement: EnforcementActor;
  /** present when a disclosure URL was given */
  disclosure?: DisclosureReader;
}

export function createActors(
  urls: Omit<ServiceUrls, 'disclosure'> & Partial<ServiceUrls>,
  tokens: TokenSource,
): Actors {
  return {
    planning: new PlanningActor(urls.planning, tokens),
    purchasing: new PurchasingActor(urls.purchasing, tokens),
    evidence: new EvidenceActor(urls.evidence, tokens),
    lab: new LabActor(urls.labGateway, tokens),
    enforcement: new EnforcementActor(urls.enforcement, tokens),
    ...(urls.disclosure ? { disclosure: new DisclosureReader(urls.disclosure, tokens) } : {}),
  };
}
