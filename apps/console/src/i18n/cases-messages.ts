/** The enforcement desk's cases, manual triage and credit files. Part of the one dictionary per language in messages.ts. */
export const casesZhCN = {
  title: '案件',
};

export const casesEn: typeof casesZhCN = {
  title: 'Cases',
};
