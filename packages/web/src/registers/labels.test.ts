/**
 * The web app builds its register screens from the definitions the server sends; this test holds
 * them against core's definitions (the test may import core, the app never does): every register,
 * field (including derived summary columns) and option code has a label here, so the locales test,
 * which checks every tk('...') key in both languages, covers them all.
 */
import { INSPECTION_CHECKLISTS, REGISTER_IDS, REGISTERS } from '@ctis/core';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import km from '../locales/km.json';
import {
  FIELD_LABELS,
  FIELD_OVERRIDES,
  OPTION_LABELS,
  OPTION_OVERRIDES,
  REGISTER_DESCRIPTIONS,
  REGISTER_GROUPS,
  REGISTER_NAMES,
} from './labels';

const inBothLanguages = (key: string | undefined) =>
  key !== undefined && key in en && key in km && (km as Record<string, string>)[key] !== '';

describe('register labels', () => {
  it('names, describes and groups every register, once', () => {
    for (const id of REGISTER_IDS) {
      expect(inBothLanguages(REGISTER_NAMES[id]), `name of ${id}`).toBe(true);
      expect(inBothLanguages(REGISTER_DESCRIPTIONS[id]), `description of ${id}`).toBe(true);
    }
    expect(REGISTER_GROUPS.flatMap((g) => g.registers).sort()).toEqual([...REGISTER_IDS].sort());
    for (const g of REGISTER_GROUPS) expect(inBothLanguages(g.label), g.id).toBe(true);
  });

  it('labels every field and summary column of every register', () => {
    for (const id of REGISTER_IDS) {
      const def = REGISTERS[id];
      for (const name of [...def.fields.map((f) => f.name), ...def.summary]) {
        const key = FIELD_OVERRIDES[`${id}.${name}`] ?? FIELD_LABELS[name];
        expect(inBothLanguages(key), `${id}.${name}`).toBe(true);
      }
    }
  });

  it('labels every option of every enum field, and every checklist indicator', () => {
    for (const id of REGISTER_IDS) {
      for (const field of REGISTERS[id].fields) {
        for (const code of field.options ?? []) {
          const key = OPTION_OVERRIDES[`${field.name}.${code}`] ?? OPTION_LABELS[code];
          expect(inBothLanguages(key), `${id}.${field.name}: ${code}`).toBe(true);
        }
      }
    }
    for (const code of Object.values(INSPECTION_CHECKLISTS).flat()) {
      expect(inBothLanguages(OPTION_LABELS[code]), code).toBe(true);
    }
  });

  it('gives distinct labels to the options of one field', () => {
    for (const id of REGISTER_IDS) {
      for (const field of REGISTERS[id].fields) {
        const labels = (field.options ?? []).map((c) => OPTION_OVERRIDES[`${field.name}.${c}`] ?? OPTION_LABELS[c]);
        expect(new Set(labels).size, `${id}.${field.name}`).toBe(labels.length);
      }
    }
  });

  it('keeps no labels for fields or options the definitions do not have', () => {
    const fields = new Set(
      REGISTER_IDS.flatMap((id) => [...REGISTERS[id].fields.map((f) => f.name), ...REGISTERS[id].summary]),
    );
    const options = new Set(REGISTER_IDS.flatMap((id) => REGISTERS[id].fields.flatMap((f) => f.options ?? [])));
    expect(Object.keys(FIELD_LABELS).filter((n) => !fields.has(n))).toEqual([]);
    expect(Object.keys(OPTION_LABELS).filter((c) => !options.has(c))).toEqual([]);
  });
});
