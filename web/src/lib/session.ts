import { useSyncExternalStore } from 'react';
import type { ResponseBody } from '../api/types';

/** The pair the login, refresh and invitation answer with. */
export type Tokens = ResponseBody<'/api/v1/auth/login', 'post'>;

const STORAGE_KEY = 'lianmeng.tokens';
const listeners = new Set<() => void>();

function read(): Tokens | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

let current: Tokens | null = read();

function emit() {
  listeners.forEach((listener) => listener());
}

// Another tab logging in or out changes our session too.
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) {
    current = read();
    emit();
  }
});

export const session = {
  get tokens(): Tokens | null {
    return current;
  },
  set(tokens: Tokens) {
    current = tokens;
    localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    emit();
  },
  clear() {
    if (!current) return;
    current = null;
    localStorage.removeItem(STORAGE_KEY);
    emit();
  },
  // An arrow, not a method: useSyncExternalStore calls it detached from `session`.
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

export function useTokens(): Tokens | null {
  return useSyncExternalStore(session.subscribe, () => session.tokens);
}
