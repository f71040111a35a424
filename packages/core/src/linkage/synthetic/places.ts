/**
 * Places of origin as agencies write them: each entry lists the spellings seen for one province
 * (Cambodia's 25, then the provinces of neighbouring countries victims most often come from).
 * Population-weighted for Cambodia, roughly.
 */
export type Place = readonly [string, ...string[]];

export const CAMBODIAN_PROVINCES: readonly (readonly [Place, number])[] = [
  [['Phnom Penh'], 14],
  [['Kampong Cham', 'Kompong Cham'], 6],
  [['Siem Reap', 'Siemreap'], 7],
  [['Battambang', 'Batdambang'], 7],
  [['Kandal'], 8],
  [['Takeo', 'Takev'], 6],
  [['Prey Veng'], 7],
  [['Banteay Meanchey', 'Banteay Mean Chey'], 6],
  [['Kampong Speu', 'Kompong Speu'], 6],
  [['Kampong Thom', 'Kompong Thom'], 5],
  [['Svay Rieng'], 4],
  [['Tbong Khmum', 'Tboung Khmum'], 5],
  [['Kampot'], 4],
  [['Pursat', 'Pouthisat'], 3],
  [['Kampong Chhnang', 'Kompong Chhnang'], 3],
  [['Preah Sihanouk', 'Sihanoukville'], 2],
  [['Kratie', 'Kracheh'], 2],
  [['Oddar Meanchey', 'Otdar Mean Chey'], 2],
  [['Preah Vihear'], 2],
  [['Koh Kong', 'Kaoh Kong'], 1],
  [['Stung Treng', 'Stoeng Treng'], 1],
  [['Ratanakiri', 'Rattanakiri'], 1],
  [['Mondulkiri', 'Mondol Kiri'], 1],
  [['Pailin', 'Krong Pailin'], 0.5],
  [['Kep', 'Kaeb'], 0.3],
];

export const FOREIGN_PROVINCES: Readonly<Record<string, readonly Place[]>> = {
  VNM: [
    ['An Giang'],
    ['Dong Thap', 'Đồng Tháp'],
    ['Kien Giang'],
    ['Tay Ninh', 'Tây Ninh'],
    ['Long An'],
    ['Ho Chi Minh City', 'HCMC'],
  ],
  THA: [['Sa Kaeo', 'Sakaeo'], ['Trat'], ['Bangkok'], ['Chanthaburi'], ['Surin'], ['Songkhla']],
  LAO: [['Champasak', 'Champassak'], ['Vientiane'], ['Savannakhet'], ['Attapeu', 'Attapu']],
  MMR: [['Yangon', 'Rangoon'], ['Mon'], ['Kayin', 'Karen'], ['Shan'], ['Mandalay']],
  CHN: [['Yunnan'], ['Guangxi'], ['Guangdong'], ['Fujian']],
  IDN: [
    ['West Java', 'Jawa Barat'],
    ['Central Java', 'Jawa Tengah'],
    ['East Java', 'Jawa Timur'],
    ['West Kalimantan'],
    ['East Nusa Tenggara', 'NTT'],
  ],
};
