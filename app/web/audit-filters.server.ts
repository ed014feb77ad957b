import { z } from "zod";
import type { FormErrors } from "~/components/nhs/form-errors";
import { isAuditRecordType } from "~/content/audit-actions";
import { addDays, londonDayStart, type IsoDate } from "~/domain/dates";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { optionalDateInput } from "~/domain/validation";
import type { AuditQuery } from "~/models/audit.server";
import { withDates } from "~/web/forms.server";

/** The filters of /admin/audit and /admin/audit.csv, as typed (to show them again) and as a query. */
export type AuditFilterForm = {
  query: AuditQuery;
  /** An agreement reference to look up (the model turns it into a record). */
  reference: string | null;
  page: number | undefined;
  values: Record<string, string>;
  errors: FormErrors;
};

const FROM_LABEL = "From date";
const TO_LABEL = "To date";

function schema(today: IsoDate) {
  // The audit keeps every past record: the window is that of records of the past (docs/domain.md rule 8), never the future.
  const window = DATE_WINDOWS.pastRecord(today);
  return z.object({
    from: optionalDateInput(FROM_LABEL, window),
    to: optionalDateInput(TO_LABEL, window),
  });
}

const Choices = z.object({
  who: z.union([z.literal("automatic"), z.string().regex(/^[1-9][0-9]{0,14}$/).transform(Number)]).optional().catch(undefined),
  type: z.string().refine(isAuditRecordType).optional().catch(undefined),
  record: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional().catch(undefined),
  reference: z.string().trim().max(40).optional().catch(undefined),
  page: z.string().regex(/^[1-9][0-9]{0,5}$/).transform(Number).optional().catch(undefined),
});

/**
 * Reads the filters from the address (a GET form, so it works without JavaScript and a filtered
 * trail can be bookmarked). Dates are London days: "to" includes the whole of its day.
 */
export function auditFilters(url: URL, today: IsoDate): AuditFilterForm {
  const values: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in values)) values[key] = value.slice(0, 100);
  const choices = Choices.parse(values);
  const errors: FormErrors = [];
  const dates = schema(today).safeParse(withDates(values, ["from", "to"]));
  let from: IsoDate | null = null;
  let to: IsoDate | null = null;
  if (dates.success) {
    ({ from, to } = dates.data);
  } else {
    for (const issue of dates.error.issues) {
      const field = String(issue.path[0]);
      if (errors.some((e) => e.field === field)) continue;
      const part = issue.path[1] === "month" || issue.path[1] === "year" ? issue.path[1] : "day";
      errors.push({ field, message: issue.message, href: `#${field}-${part}` });
    }
  }
  if (from && to && to < from) {
    errors.push({ field: "to", message: "To date must be the same as or after the from date", href: "#to-day" });
  }
  const type = choices.type && isAuditRecordType(choices.type) ? choices.type : undefined;
  return {
    query: {
      actor: choices.who,
      type,
      recordId: type ? choices.record : undefined,
      from: from ? londonDayStart(from).toISOString() : undefined,
      before: to ? londonDayStart(addDays(to, 1)).toISOString() : undefined,
    },
    reference: choices.reference || null,
    page: choices.page,
    values,
    errors,
  };
}
