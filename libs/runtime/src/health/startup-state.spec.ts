import { HealthIndicatorService } from '@nestjs/terminus';
import { StartupState } from './startup-state';

describe('StartupState', () => {
  it('reports down until start-up finished (topics provisioned, consumer running), then up', () => {
    const state = new StartupState(new HealthIndicatorService());
    expect(state.isReady()).toEqual({
      startup: { status: 'down', message: 'topics and consumer are still starting' },
    });
    state.markStarted();
    expect(state.isReady()).toEqual({ startup: { status: 'up' } });
  });
});
