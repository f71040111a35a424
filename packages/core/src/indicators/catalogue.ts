import * as domain from './domain.ts';
import * as prevention from './prevention.ts';
import * as prosecution from './prosecution.ts';
import * as protection from './protection.ts';
import type { Indicator } from './types.ts';

/** Every indicator, by id. A country's figures name one of these with their parameters. */
export const INDICATORS: Readonly<Record<string, Indicator<any>>> = Object.fromEntries(
  [
    ...Object.values(protection),
    ...Object.values(prosecution),
    ...Object.values(prevention),
    ...Object.values(domain),
  ].map((i) => [i.id, i]),
);
