import { createContext, useContext, type ReactNode } from "react";

// The Content-Security-Policy nonce of this response (scripts/server.mjs makes
// one per request), for Remix's inline scripts. Empty in the browser, which
// does not need it once the page has loaded.
const NonceContext = createContext("");

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

export function useNonce(): string {
  return useContext(NonceContext);
}
