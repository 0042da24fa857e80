/** Disclosure administration (published results, corrections and withdrawals, public notices, platform feeds). Part of the one dictionary per language in messages.ts. */
export const disclosureAdminZhCN = {
  title: '公开结果',
};

export const disclosureAdminEn: typeof disclosureAdminZhCN = {
  title: 'Published results',
};
