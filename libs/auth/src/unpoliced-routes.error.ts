/** Thrown at boot when a route declares neither `@Policy` nor `@Public()`. */
export class UnpolicedRoutesError extends Error {
  constructor(readonly routes: readonly string[]) {
    super(`every route needs @Policy({ roles }) or @Public(); these have none: ${routes.join(', ')}`);
    this.name = 'UnpolicedRoutesError';
  }
}
