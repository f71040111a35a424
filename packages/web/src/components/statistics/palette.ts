/**
 * Chart colours from the Okabe–Ito palette, which readers with any common colour-vision deficiency
 * can tell apart. Only the darker members are used for bars, so each bar has at least 3:1 contrast
 * against the white panel (blue 5.2:1, vermillion 3.9:1); the numbers are dark text beside the bars.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  reddishPurple: '#CC79A7',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

/** The report year, and the year before it. */
export const YEAR_COLOURS = { current: OKABE_ITO.blue, previous: OKABE_ITO.vermillion } as const;
