/** The intake room's pages (parcels, quarantine, unpacking, sealing, labels, hand-over). Part of the one dictionary per language in messages.ts. */
export const intakeZhCN = {};

export const intakeEn: typeof intakeZhCN = {};
