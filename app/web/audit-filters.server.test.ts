import { describe, expect, it } from "vitest";
import { auditFilters } from "~/web/audit-filters.server";

const TODAY = "2026-11-22";
const parse = (query: string) => auditFilters(new URL(`http://localhost/admin/audit?${query}`), TODAY);

describe("audit trail filters", () => {
  it("turns London days into instants: 'to' includes its whole day, summer time included", () => {
    const f = parse("from-day=1&from-month=7&from-year=2026&to-day=2&to-month=7&to-year=2026");
    expect(f.errors).toEqual([]);
    expect(f.query.from).toBe("2026-06-30T23:00:00.000Z");
    expect(f.query.before).toBe("2026-07-02T23:00:00.000Z");
    expect(parse("from-day=1&from-month=11&from-year=2026").query.from).toBe("2026-11-01T00:00:00.000Z");
  });

  it("names the date field and how to fix it, linking to the part to change", () => {
    expect(parse("from-day=1&from-month=&from-year=2026").errors).toEqual([{ field: "from", message: "From date must include a month", href: "#from-month" }]);
    expect(parse("to-day=1&to-month=1&to-year=2027").errors).toEqual([{ field: "to", message: "To date must be today or in the past", href: "#to-day" }]);
    expect(parse("from-day=10&from-month=11&from-year=2026&to-day=9&to-month=11&to-year=2026").errors).toEqual([
      { field: "to", message: "To date must be the same as or after the from date", href: "#to-day" },
    ]);
  });

  it("keeps what it understands and ignores the rest", () => {
    const f = parse("who=automatic&type=agreement&record=12&page=3&reference=DA-2026-000003");
    expect(f.query).toMatchObject({ actor: "automatic", type: "agreement", recordId: "12" });
    expect(f.page).toBe(3);
    expect(f.reference).toBe("DA-2026-000003");
    const odd = parse("who=0x3&type=users;drop&record=1&page=-1");
    expect(odd.query).toEqual({ actor: undefined, type: undefined, recordId: undefined, from: undefined, before: undefined });
    expect(odd.page).toBeUndefined();
    expect(parse("who=14").query.actor).toBe(14);
  });
});
