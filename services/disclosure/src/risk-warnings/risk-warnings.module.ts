import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AddPublicRiskWarnings1765612000000 } from './add-risk-warnings.migration';
import { PublicRiskWarning } from './public-risk-warning.entity';
import { PublicRiskWarningQueries } from './public-risk-warning.queries';
import { PublicRiskWarningsController } from './public-risk-warnings.controller';
import { PublishRiskWarningUseCase } from './publish-risk-warning.usecase';
import { RiskWarningEventsConsumer } from './risk-warning-events.consumer';
import { RiskWarningsOpenDataController } from './risk-warnings-open-data.controller';

export const riskWarningEntities = [PublicRiskWarning];
export const riskWarningMigrations = [AddPublicRiskWarnings1765612000000];

/** Consumer risk warnings (消费风险警示) enforcement issued, on the public page; withdrawals take them down. */
@Module({
  imports: [TypeOrmModule.forFeature(riskWarningEntities)],
  controllers: [PublicRiskWarningsController, RiskWarningsOpenDataController],
  providers: [PublicRiskWarningQueries, PublishRiskWarningUseCase, RiskWarningEventsConsumer],
})
export class RiskWarningsModule {}
