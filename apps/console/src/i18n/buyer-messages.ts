/** The mystery buyer's pages (tasks, the purchase form, evidence uploads). Part of the one dictionary per language in messages.ts. */
export const buyerZhCN = {};

export const buyerEn: typeof buyerZhCN = {};
