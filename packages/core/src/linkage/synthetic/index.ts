export { AGENCIES, type Agency } from './agencies.ts';
export { Corruption, type CorruptionName } from './corruptions.ts';
export { csvField, LINKAGE_CSV_HEADER, linkageCsvLine } from './csv.ts';
export { generateLinkageData, truthMap, type GeneratedLinkageData, type GenerateOptions } from './generate.ts';
export { NATIONALITIES, type Nationality } from './nationalities.ts';
