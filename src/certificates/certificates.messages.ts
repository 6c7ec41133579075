const da = {
  'certificates.admin.link': 'Kursusbeviser',
} as const;
const en: Record<keyof typeof da, string> = {
  'certificates.admin.link': 'Course certificates',
};
export const certificatesMessages = { da, en };
