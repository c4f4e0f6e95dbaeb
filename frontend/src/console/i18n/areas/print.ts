/** 打印二维码: the A4 QR sheets of the campaign and links pages. */
export const printZh = {
  'qrSheet.print': '打印二维码',
  'qrSheet.printSelected': '打印所选二维码（{n}）',
  'qrSheet.perPage': '每页 {n} 张',
  'qrSheet.perPageLabel': '每页张数',
  'qrSheet.file': '二维码',
} as const;

export const printEn: Record<keyof typeof printZh, string> = {
  'qrSheet.print': 'Print QR codes',
  'qrSheet.printSelected': 'Print selected QR codes ({n})',
  'qrSheet.perPage': '{n} per page',
  'qrSheet.perPageLabel': 'Cards per page',
  'qrSheet.file': 'qr-codes',
};
