import { z } from "zod";
import type { MatrixFilters } from "~/models/matrix.server";

const FilterSchema = z.object({
  provider: z.coerce.number().int().positive().optional().catch(undefined),
  task: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(["in_training", "competent", "expiring", "expired", "suspended", "revoked", "declined"]).optional().catch(undefined),
});

/** Matrix filters from the query string; anything unrecognised is ignored, never an error. */
export function matrixFilters(request: Request): MatrixFilters {
  const f = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { providerId: f.provider, taskId: f.task, status: f.status };
}
