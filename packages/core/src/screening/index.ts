export * from './ilo-forced-labour.ts';
export * from './questionnaire-schema.ts';
export * from './evaluate.ts';
