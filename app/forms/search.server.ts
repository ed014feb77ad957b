import { z } from "zod";

/** A posted search (names and NHS numbers never go in the address): anything not understood is no search. */
export const SearchSchema = z.object({ q: z.string().max(100).optional().catch(undefined) });
