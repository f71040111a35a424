/**
 * i18next with English source strings as keys (keySeparator/nsSeparator off, so "Sign in." is a
 * key). The language is the user's stored choice, else the country's first language from
 * /api/config/public (see applyDefaultLanguage), else English.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import km from './locales/km.json';
import { setApiLanguage } from './api';
import type { LangCode, Localised } from './types';

export const LANGUAGES: readonly LangCode[] = ['km', 'en'];
/** Each language's name written in that language, for the switch button. */
export const NATIVE_NAMES: Record<LangCode, string> = { km: 'ខ្មែរ', en: 'English' };
const STORAGE_KEY = 'ctis.lang';

function isLang(value: unknown): value is LangCode {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): LangCode | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null; // storage blocked: behave as if nothing was chosen
  }
}

function browserLanguage(): LangCode {
  return navigator.language.toLowerCase().startsWith('km') ? 'km' : 'en';
}

function reflect(lang: string): void {
  document.documentElement.lang = lang;
  setApiLanguage(lang);
}

i18n.on('languageChanged', reflect);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, km: { translation: km } },
  lng: storedLanguage() ?? browserLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  keySeparator: false,
  nsSeparator: false,
  returnEmptyString: false,
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});
reflect(i18n.language);

export function currentLanguage(): LangCode {
  return isLang(i18n.language) ? i18n.language : 'en';
}

/** An explicit choice by the user: remembered on this device. */
export function chooseLanguage(lang: LangCode): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
  void i18n.changeLanguage(lang);
}

/** Called once the public config is known: the country's first language, unless the user chose. */
export function applyDefaultLanguage(languages: readonly string[]): void {
  if (storedLanguage()) return;
  const first = languages.find(isLang);
  if (first && first !== i18n.language) void i18n.changeLanguage(first);
}

/** A value given in several languages ({en, km}), in the current one, falling back to English. */
export function localName(name: Localised | undefined, lang: string = i18n.language): string {
  if (!name) return '';
  return name[lang] || name.en;
}

/** Marks a string literal as a translation key without translating it yet (see locales.test.ts). */
export const tk = <S extends string>(key: S): S => key;

export default i18n;
