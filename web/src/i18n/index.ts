import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
// What the login page says (web/vite.config.ts picks it from zh-CN.json); the rest arrives with
// the other pages' code (loadAllTexts).
import loginTexts from 'virtual:login-texts';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'lianmeng.language';

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

export function storedLanguage(): Language | null {
  const value = localStorage.getItem(STORAGE_KEY);
  return isLanguage(value) ? value : null;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

/** The API understands `zh-CN` and `en` in Accept-Language. */
export function apiLanguage(): 'zh-CN' | 'en' {
  return currentLanguage() === 'en-US' ? 'en' : 'zh-CN';
}

export function setLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

/** Maps a user's profile locale (e.g. `en`, `zh-CN`) to a UI language. */
export function languageFromLocale(locale: string | null | undefined): Language | null {
  if (!locale) return null;
  return locale.toLowerCase().startsWith('en') ? 'en-US' : locale.toLowerCase().startsWith('zh') ? 'zh-CN' : null;
}

// Chinese (the default and the fallback) comes with the app; English is fetched the first time it
// is chosen, so the login page does not carry both.
const englishOnDemand: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (language !== 'en-US') return callback(null, {});
    import('./en-US.json').then(
      (english) => callback(null, english.default),
      (error: Error) => callback(error, false),
    );
  },
};

/** Settles once the chosen language's texts are here (at once for Chinese); main.tsx renders after it. */
/** Every Chinese text (the default, and the fallback of English): before any page but the login page shows. */
export async function loadAllTexts(): Promise<void> {
  const all = await import('./zh-CN.json');
  i18n.addResourceBundle('zh-CN', 'translation', all.default, true, false);
}

export const i18nReady = i18n
  .use(englishOnDemand)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { translation: loginTexts } },
    partialBundledLanguages: true,
    lng: storedLanguage() ?? 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

export default i18n;
