import { createContext, useContext } from "react";

/** The per-request CSP nonce: set on the server (entry.server.tsx); empty in the browser, which hides it. */
export const NonceContext = createContext("");

export function useNonce() {
  return useContext(NonceContext);
}
