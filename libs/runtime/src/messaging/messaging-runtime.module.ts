import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventHandlerRegistry, MESSAGING_PRODUCER, OutboxPublisher } from '@qis/messaging';
import { SERVICE_DEFINITION, type ServiceDefinition } from '../service-definition';
import { OutboxRelayService } from './outbox-relay.service';

/** The event backbone inside a service: outbox publisher and relay, and the handler registry the consumer serves. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: MESSAGING_PRODUCER,
      inject: [SERVICE_DEFINITION],
      useFactory: (def: ServiceDefinition) => def.name,
    },
    OutboxPublisher,
    OutboxRelayService,
    EventHandlerRegistry,
  ],
  exports: [OutboxPublisher, EventHandlerRegistry, OutboxRelayService],
})
export class MessagingRuntimeModule {}
