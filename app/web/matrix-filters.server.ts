import { z } from "zod";
import type { MatrixFilters } from "~/models/matrix.server";

const FilterSchema = z.object({
  provider: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(["in_training", "competent", "expiring", "expired", "suspended", "revoked", "declined"]).optional().catch(undefined),
});
const TaskId = z.coerce.number().int().positive();

/**
 * Matrix filters from the query string; anything unrecognised is ignored, never an error. Tasks
 * to show come as repeated `task` values (the checkboxes); none means every task.
 */
export function matrixFilters(request: Request): MatrixFilters {
  const params = new URL(request.url).searchParams;
  const f = FilterSchema.parse({ provider: params.get("provider") ?? undefined, status: params.get("status") ?? undefined });
  const taskIds = [...new Set(params.getAll("task").flatMap((t) => { const id = TaskId.safeParse(t); return id.success ? [id.data] : []; }))];
  return { providerId: f.provider, taskIds, status: f.status };
}
