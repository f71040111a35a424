import type { Person } from '../../protection/types';

/** The person's names as one line each: full name, else family and given names. */
export function personNames(person: Person): { text: string; script: string }[] {
  return (person.identity?.names ?? []).map((n) => ({
    text: n.full ?? [n.family, n.given].filter(Boolean).join(' '),
    script: n.script,
  }));
}

/** The language tag for a name's script, so the browser picks the right font and voice. */
export function scriptLang(script: string): string | undefined {
  if (script === 'khmr') return 'km';
  if (script === 'latn') return 'en';
  return undefined;
}
