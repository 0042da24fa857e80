/** The enforcement desk (deadlines, result notices and their delivery, objections, re-inspection procedures). Part of the one dictionary per language in messages.ts. */
export const enforcementZhCN = {
  title: '期限看板',
};

export const enforcementEn: typeof enforcementZhCN = {
  title: 'Deadlines',
};
