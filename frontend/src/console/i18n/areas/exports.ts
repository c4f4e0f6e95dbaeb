/** Exports to Excel or CSV: the 导出 buttons of the campaign, links, statistics and audit pages. */
export const exportsZh = {
  'export.open': '导出',
  'export.xlsx': 'Excel（.xlsx）',
  'export.csv': 'CSV（Excel 可直接打开）',
  'export.working': '正在导出… {size}',
  'export.workingPct': '正在导出… {pct}%',
  'export.done': '已导出：{name}',
  'export.range': '导出日期',
  'export.from': '开始日期',
  'export.to': '结束日期',
  'export.needRange': '请先选择日期范围',
  'export.statsHint': '按天导出统计（最多 366 天）',
};

export const exportsEn: Record<keyof typeof exportsZh, string> = {
  'export.open': 'Export',
  'export.xlsx': 'Excel (.xlsx)',
  'export.csv': 'CSV (opens in Excel)',
  'export.working': 'Exporting… {size}',
  'export.workingPct': 'Exporting… {pct}%',
  'export.done': 'Exported: {name}',
  'export.range': 'Export dates',
  'export.from': 'From',
  'export.to': 'To',
  'export.needRange': 'Choose a date range first',
  'export.statsHint': 'Statistics per day (at most 366 days)',
};
