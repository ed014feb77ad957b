/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import type { AppLoadContext as _Unused } from "@remix-run/node";
import type { AppContext } from "./app/web/context.server";

declare module "@remix-run/node" {
  // Single fetch changes what loaders return to the client; Remix asks for this declaration.
  interface Future {
    v3_singleFetch: true;
  }
  // What scripts/server.ts hands every loader and action (see app/web/context.server.ts).
  interface AppLoadContext extends AppContext {}
}
