import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';

/**
 * Lets kept-alive connections go when the service shuts down. Closing the HTTP server closes the
 * idle connections at once, but one still answering a request stays open after its answer for the
 * whole keep-alive timeout (HTTP_KEEP_ALIVE_TIMEOUT_MS, a minute), and the shutdown waits for it.
 * Node arms that timeout when an answer ends, from the server's setting at that moment: set to
 * nothing just before the server closes, such a connection closes right after its answer.
 */
@Injectable()
export class KeepAliveAtShutdown implements BeforeApplicationShutdown {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  beforeApplicationShutdown(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server) server.keepAliveTimeout = 1;
  }
}
