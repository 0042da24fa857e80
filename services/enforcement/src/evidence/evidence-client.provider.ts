import { Logger, type Provider } from '@nestjs/common';
import { ServiceTokenSource } from '@qis/auth';
import { EnforcementConfig } from '../enforcement.config';
import { AuthorityDirectory } from '../routing/authority-directory';
import { EvidenceClient } from './evidence-client';

/** Injection token of the `EvidenceClient`, or `null` when `EVIDENCE_URL` is not set. */
export const EVIDENCE_CLIENT = Symbol('EVIDENCE_CLIENT');

/**
 * The service principal enforcement acts as at the evidence service: uploads of kind `notice`, and
 * reads of the lab reports its result notices attach, for the batches of the sampling bureau's city.
 */
export const ENFORCEMENT_SERVICE_SUBJECT = 'service:enforcement';

export const evidenceClientProvider: Provider = {
  provide: EVIDENCE_CLIENT,
  inject: [EnforcementConfig],
  useFactory: (config: EnforcementConfig): EvidenceClient | null => {
    const tokens = ServiceTokenSource.fromSettings({
      environment: config.QIS_ENV,
      subject: ENFORCEMENT_SERVICE_SUBJECT,
      roles: ['enforcement-officer'],
      jurisdiction: AuthorityDirectory.load(config.AUTHORITY_DIRECTORY_FILE).homeAreaCode,
      privateKeyFile: config.SERVICE_TOKEN_PRIVATE_KEY_FILE,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      tokenUrl: config.SERVICE_TOKEN_URL,
      clientId: config.SERVICE_TOKEN_CLIENT_ID,
      clientSecret: config.SERVICE_TOKEN_CLIENT_SECRET,
      scope: config.SERVICE_TOKEN_SCOPE,
    });
    if (!config.EVIDENCE_URL) {
      // Loud in production (every notice belongs in the evidence store), but no refusal to boot:
      // notices are still issued, and those created meanwhile are stored once it is configured.
      if (config.QIS_ENV === 'production')
        new Logger('NoticeEvidence').error('EVIDENCE_URL is not set: notice PDFs are not stored as evidence');
      return null;
    }
    if (!tokens) {
      const problem =
        'EVIDENCE_URL is set but no service token is configured: set SERVICE_TOKEN_URL, SERVICE_TOKEN_CLIENT_ID and ' +
        'SERVICE_TOKEN_CLIENT_SECRET (production), or SERVICE_TOKEN_PRIVATE_KEY_FILE (development and test)';
      if (config.QIS_ENV === 'production') throw new Error(problem);
      new Logger('NoticeEvidence').warn(`${problem}; notice PDFs are not stored as evidence`);
      return null;
    }
    return new EvidenceClient(config.EVIDENCE_URL.replace(/\/+$/, ''), tokens);
  },
};
