/**
 * Marks a string literal as a translation key (see locales.test.ts), like `tk` in i18n.ts, without
 * loading i18next: the register modules stay free of browser globals, so unit tests can load them.
 */
export const tk = <S extends string>(key: S): S => key;
