import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound, Policy } from '@qis/auth';
import { BatchNumberParams } from '@qis/runtime';
import { DataSource } from 'typeorm';
import { BatchBuyer } from '../access/batch-buyer';
import { BatchBuyerView } from './batch-buyer.view';

@ApiTags('unpacking')
@Controller('batches')
export class BatchBuyerController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly batchBuyer: BatchBuyer,
  ) {}

  @Get(':batchNumber/buyer')
  @Policy({ roles: ['intake-officer', 'admin'] })
  @ApiOperation({
    summary: "The pseudonym of the batch's buyer, as the unpacking session records them",
    description:
      'From the purchase evidence the buyer uploaded for the batch; 404 while there is none. ' +
      'POST /unpacking-sessions fills it in for the buyer participant and refuses any other name.',
  })
  @ApiOkResponse({ type: BatchBuyerView })
  @ApiNotFoundResponse({ description: 'no purchase evidence of a buyer for the batch' })
  async buyer(@Param() { batchNumber }: BatchNumberParams): Promise<BatchBuyerView> {
    const pseudonym = await this.batchBuyer.pseudonym(this.dataSource.manager, batchNumber);
    if (pseudonym === null) throw notFound('batch', batchNumber);
    return { batchNumber, pseudonym };
  }
}
