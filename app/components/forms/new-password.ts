/**
 * Moved to app/forms/accounts.server.ts (docs/decisions/026-enums-and-form-schemas.md). Kept only
 * because app/routes/invitation.tsx (issue 15's part) still imports it from here: delete this file
 * once that import reads "~/forms/accounts.server".
 */
export { newPasswordSchema } from "~/forms/accounts.server";
