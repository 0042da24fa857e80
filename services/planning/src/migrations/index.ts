/** The planning service's migrations, in order. Each runs once, in its own transaction, at start. */
export const migrations = [];
