import { startServiceStack, TestIssuer, type ServiceProcess, type StageService } from '@qis/testing';
import { createActors, type Actors, type ServiceUrls } from '../actors';

/** The six built services as processes (see `startServiceStack`), with the simulated actors on them. */
export interface PipelineStack {
  urls: ServiceUrls;
  /** Each service's database name. */
  database: Record<StageService, string>;
  actors: Actors;
  processes: ServiceProcess[];
  stop(): Promise<void>;
}

/** `startServiceStack` with the demo's actors; `extra` adds variables per service. */
export async function startPipelineStack(
  extra: Partial<Record<StageService, Record<string, string>>> = {},
): Promise<PipelineStack> {
  const stack = await startServiceStack(extra);
  const urls: ServiceUrls = {
    planning: stack.url.planning,
    purchasing: stack.url.purchasing,
    evidence: stack.url.evidence,
    labGateway: stack.url['lab-gateway'],
    enforcement: stack.url.enforcement,
    disclosure: stack.url.disclosure,
  };
  const issuer = TestIssuer.shared();
  return {
    urls,
    database: stack.database,
    actors: createActors(urls, (claims) => issuer.sign(claims)),
    processes: stack.processes,
    stop: stack.stop,
  };
}
