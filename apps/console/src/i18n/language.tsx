import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, zhCN, type Messages } from './messages';

export type Language = 'zh-CN' | 'en';
const KEY = 'qis.console.language';

interface LanguageState {
  language: Language;
  t: Messages;
  setLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageState | undefined>(undefined);

export const storedLanguage = (): Language => (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN');

/** Chinese by default; the choice is kept in this browser and sets <html lang>. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(storedLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(KEY, next);
    setState(next);
  }, []);
  const value = useMemo(
    () => ({ language, t: (language === 'en' ? en : zhCN) as Messages, setLanguage }),
    [language, setLanguage],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}

/** `{n}` placeholders filled in. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k] ?? ''));
