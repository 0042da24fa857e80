/** The dashboard for city-level officers and auditors. Part of the one dictionary per language in messages.ts. */
export const dashboardZhCN = {
  title: '统计看板',
};

export const dashboardEn: typeof dashboardZhCN = {
  title: 'Dashboard',
};
