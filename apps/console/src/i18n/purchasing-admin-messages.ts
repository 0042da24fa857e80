/** The purchasing administrator's pages (buyers, accounts, addresses, blacklists, price approvals, identity keys) and the evidence viewer. Part of the one dictionary per language in messages.ts. */
export const purchasingAdminZhCN = {};

export const purchasingAdminEn: typeof purchasingAdminZhCN = {};
