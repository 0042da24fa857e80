export { EvidenceReferenceChecker } from './evidence-reference-checker';
export type { EvidenceReference } from './evidence-reference';
