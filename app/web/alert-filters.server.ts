import { z } from "zod";
import { ALERT_KINDS, type Alert } from "~/domain/alerts";

const FilterSchema = z.object({
  kind: z.enum(ALERT_KINDS).optional().catch(undefined),
  severity: z.enum(["critical", "warning", "info"]).optional().catch(undefined),
  provider: z.string().trim().max(200).optional().catch(undefined),
  team: z.coerce.number().int().positive().optional().catch(undefined),
  task: z.string().trim().max(200).optional().catch(undefined),
});

export type AlertFilters = z.infer<typeof FilterSchema>;

export function alertFilters(request: Request): AlertFilters {
  return FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
}

export function applyAlertFilters(alerts: Alert[], f: AlertFilters): Alert[] {
  return alerts.filter(
    (a) =>
      (!f.kind || a.kind === f.kind) &&
      (!f.severity || a.severity === f.severity) &&
      (!f.provider || a.subject.providerName === f.provider) &&
      (!f.team || a.teamIds.includes(f.team)) &&
      (!f.task || a.subject.taskName === f.task),
  );
}
