import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { notFound, Policy } from '@qis/auth';
import { AddShoppingAccountCommand } from './add-shopping-account.command';
import { AddShoppingAccountUseCase } from './add-shopping-account.usecase';
import { BuyerIdentityView } from './buyer-identity-view';
import { BuyerQueries } from './buyer.queries';
import { BuyerView } from './buyer-view';
import { ChangeStatusCommand } from './change-status.command';
import { ChangeStatusUseCase } from './change-status.usecase';
import { QualifyBuyerCommand } from './qualify-buyer.command';
import { QualifyBuyerUseCase } from './qualify-buyer.usecase';
import { ReadBuyerIdentityUseCase } from './read-buyer-identity.usecase';
import { RevealIdentityCommand } from './reveal-identity.command';
import { RegisterBuyerCommand } from './register-buyer.command';
import { RegisterBuyerUseCase } from './register-buyer.usecase';
import { ShoppingAccountView } from './shopping-account-view';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('buyers')
@ApiBearerAuth()
@Controller('buyers')
export class BuyersController {
  constructor(
    private readonly queries: BuyerQueries,
    private readonly register: RegisterBuyerUseCase,
    private readonly identity: ReadBuyerIdentityUseCase,
    private readonly qualify: QualifyBuyerUseCase,
    private readonly addAccount: AddShoppingAccountUseCase,
    private readonly changeStatus: ChangeStatusUseCase,
  ) {}

  @Post()
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({ summary: 'Register a buyer; real name, ID number and phone are encrypted at once' })
  @ApiCreatedResponse({ type: BuyerView })
  @ApiConflictResponse({
    description:
      'userId or pseudonym taken, or a buyer with this ID number is already registered (field idNumber)',
  })
  async registerBuyer(
    @CurrentActor() actor: AuditActor,
    @Body() command: RegisterBuyerCommand,
  ): Promise<BuyerView> {
    return this.register.execute(actor, command);
  }

  @Get()
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({ summary: 'Buyers, by pseudonym (no identity)' })
  @ApiOkResponse({ type: [BuyerView] })
  async listBuyers(): Promise<BuyerView[]> {
    return this.queries.list();
  }

  @Get(':buyerId')
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOkResponse({ type: BuyerView })
  async getBuyer(@Param('buyerId', uuid) buyerId: string): Promise<BuyerView> {
    const buyer = await this.queries.one(buyerId);
    if (!buyer) throw notFound('buyer', buyerId);
    return buyer;
  }

  @Get(':buyerId/identity')
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({
    summary: "A buyer's real identity (audited as buyer.identity.read), without a stated reason",
    description: 'Deprecated: use POST /buyers/{buyerId}/identity-reveals, which states why and audits it.',
    deprecated: true,
  })
  @ApiOkResponse({ type: BuyerIdentityView })
  async readIdentity(
    @CurrentActor() actor: AuditActor,
    @Param('buyerId', uuid) buyerId: string,
  ): Promise<BuyerIdentityView> {
    return this.identity.execute(actor, buyerId);
  }

  @Post(':buyerId/identity-reveals')
  @HttpCode(200)
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({
    summary: "Reveal a buyer's real identity, stating why (audited as buyer.identity.read with the reason)",
  })
  @ApiOkResponse({ type: BuyerIdentityView })
  @ApiBadRequestResponse({ description: 'reason missing, shorter than 4 or longer than 500 characters' })
  @ApiNotFoundResponse({ description: 'no such buyer' })
  async revealIdentity(
    @CurrentActor() actor: AuditActor,
    @Param('buyerId', uuid) buyerId: string,
    @Body() command: RevealIdentityCommand,
  ): Promise<BuyerIdentityView> {
    return this.identity.execute(actor, buyerId, command.reason.trim());
  }

  @Put(':buyerId/qualification')
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({ summary: 'Record the signed confidentiality commitment (承诺书) and/or training' })
  @ApiOkResponse({ type: BuyerView })
  @ApiUnprocessableEntityResponse({
    description:
      'commitmentSignedOn without commitmentEvidenceId or the other way round; `errors` names the missing one',
  })
  async recordQualification(
    @CurrentActor() actor: AuditActor,
    @Param('buyerId', uuid) buyerId: string,
    @Body() command: QualifyBuyerCommand,
  ): Promise<BuyerView> {
    return this.qualify.execute(actor, buyerId, command);
  }

  @Put(':buyerId/status')
  @HttpCode(204)
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({ summary: 'Suspend, retire or reactivate a buyer' })
  @ApiNoContentResponse({
    description:
      'status changed; a suspended or retired buyer hands their batches not yet bought to another buyer',
  })
  async changeBuyerStatus(
    @CurrentActor() actor: AuditActor,
    @Param('buyerId', uuid) buyerId: string,
    @Body() command: ChangeStatusCommand,
  ): Promise<void> {
    await this.changeStatus.execute(actor, { kind: 'buyer', id: buyerId }, command);
  }

  @Post(':buyerId/accounts')
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({ summary: "Add a buyer's shopping account on a platform" })
  @ApiCreatedResponse({ type: ShoppingAccountView })
  async addShoppingAccount(
    @CurrentActor() actor: AuditActor,
    @Param('buyerId', uuid) buyerId: string,
    @Body() command: AddShoppingAccountCommand,
  ): Promise<ShoppingAccountView> {
    return this.addAccount.execute(actor, buyerId, command);
  }

  @Get(':buyerId/accounts')
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOkResponse({ type: [ShoppingAccountView] })
  async listAccounts(@Param('buyerId', uuid) buyerId: string): Promise<ShoppingAccountView[]> {
    return this.queries.accountsOf(buyerId);
  }

  @Put(':buyerId/accounts/:accountId/status')
  @HttpCode(204)
  @Policy({ roles: ['purchasing-admin'] })
  @ApiOperation({ summary: 'Suspend, retire or reactivate a shopping account' })
  @ApiNoContentResponse({ description: 'status changed' })
  async changeAccountStatus(
    @CurrentActor() actor: AuditActor,
    @Param('buyerId', uuid) buyerId: string,
    @Param('accountId', uuid) accountId: string,
    @Body() command: ChangeStatusCommand,
  ): Promise<void> {
    await this.changeStatus.execute(actor, { kind: 'shopping-account', id: accountId, buyerId }, command);
  }
}
