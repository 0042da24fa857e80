import { startTracing } from '@qis/tracing';

// Imported first by main.ts: http and pg are instrumented only when required after this.
startTracing('purchasing');
