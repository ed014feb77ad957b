/**
 * zod for a schema a route builds inside its action (it needs the action's own facts, such as
 * who may still sign). A route module is also bundled for the browser, and a route that imports
 * "zod" itself pulls the whole library into its browser chunk even when only the action uses it;
 * the browser build replaces this `.server` module with an empty one
 * (docs/decisions/026-enums-and-form-schemas.md). Schemas that need nothing from the action live
 * in the other modules of app/forms.
 */
export { z } from "zod";
