// The parts of oidc-provider's API the demo and test sign-in service use (the package ships no types).
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  type Claims = Record<string, unknown> & { sub: string };
  type Account = { accountId: string; claims(use: string, scope: string): Promise<Claims> | Claims };
  type KoaContext = { path: string; method: string; body: unknown; status: number; host: string; oidc?: { route?: string; client?: { clientId: string }; session?: { accountId?: string } } & Record<string, unknown> };
  type Grant = { addOIDCScope(scope: string): void; save(): Promise<string> };
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    proxy: boolean;
    Grant: new (properties: { clientId: string; accountId?: string }) => Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ uid: string; prompt: { name: string }; params: Record<string, unknown> }>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): void;
  }
  export type { Account, Claims, KoaContext };
}
