// C · 结果复盘: no pages yet. Their calls go here, as checkApi, when they come.
export const checkApi = {}
