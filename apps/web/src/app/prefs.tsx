import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { setApiLanguage } from './api';
import i18n, { Language, LANGUAGE_KEY, storedLanguage } from './i18n';

const LARGE_TEXT_KEY = 'pes.largeText';

interface Prefs {
  language: Language;
  setLanguage(language: Language): void;
  largeText: boolean;
  setLargeText(on: boolean): void;
}

const PrefsContext = createContext<Prefs | null>(null);

function apply(language: Language): void {
  setApiLanguage(language);
  document.documentElement.lang = language;
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
}

apply(storedLanguage());

/** Language (Simplified Chinese by default, English on request) and the seekers' large-text mode, kept in this browser. */
export function PrefsProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage());
  const [largeText, setLargeTextState] = useState(localStorage.getItem(LARGE_TEXT_KEY) === '1');

  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    apply(next);
    void i18n.changeLanguage(next);
    setLanguageState(next);
  }, []);
  const setLargeText = useCallback((on: boolean) => {
    localStorage.setItem(LARGE_TEXT_KEY, on ? '1' : '0');
    setLargeTextState(on);
  }, []);

  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
  }, [largeText]);
  useEffect(() => {
    document.title = i18n.t('app.title');
  }, [language]);

  const value = useMemo(() => ({ language, setLanguage, largeText, setLargeText }), [language, setLanguage, largeText, setLargeText]);
  return <PrefsContext.Provider value={value}>{children}</PrefsContext.Provider>;
}

export function usePrefs(): Prefs {
  const prefs = useContext(PrefsContext);
  if (!prefs) throw new Error('usePrefs outside PrefsProvider');
  return prefs;
}
