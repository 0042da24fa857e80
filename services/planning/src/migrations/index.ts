import { AddListingRisk1765200000000 } from './add-listing-risk.migration';
import { AddPlanWorkflowActors1764800000100 } from './add-plan-workflow-actors.migration';
import { AddSamplingDelegations1765000000000 } from './add-sampling-delegations.migration';
import { CreatePlanningSchema1764000000000 } from './create-planning-schema.migration';
import { PartitionListings1765100000000 } from './partition-listings.migration';
import { SampleListingStatistics1765400000000 } from './sample-listing-statistics.migration';
import { TuneListingMaintenance1765300000000 } from './tune-listing-maintenance.migration';

/** The planning service's migrations, in order. Each runs once, in its own transaction, at start. */
export const migrations = [
  CreatePlanningSchema1764000000000,
  AddPlanWorkflowActors1764800000100,
  AddSamplingDelegations1765000000000,
  PartitionListings1765100000000,
  AddListingRisk1765200000000,
  TuneListingMaintenance1765300000000,
  SampleListingStatistics1765400000000,
];
