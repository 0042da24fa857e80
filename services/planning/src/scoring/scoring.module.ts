import { Module } from '@nestjs/common';
import { PastFailuresConsumer } from './past-failures.consumer';
import { RiskScorer } from './risk-scorer';

@Module({ providers: [PastFailuresConsumer, RiskScorer], exports: [RiskScorer] })
export class ScoringModule {}
