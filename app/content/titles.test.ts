import { describe, expect, it } from "vitest";
import type { MetaArgs } from "@remix-run/node";
import { pageTitle } from "./titles";

type Matches = MetaArgs["matches"];
const match = (id: string, data: unknown) => ({ id, pathname: "/", params: {}, data, handle: undefined, meta: [] }) as unknown as Matches[number];

describe("page titles", () => {
  it("name the page, the service and the NHS", () => {
    expect(pageTitle("Audit trail", [match("root", { formRejected: false }), match("routes/admin.audit", { errors: [] })])).toEqual([{ title: "Audit trail – Delegated Care – NHS" }]);
  });

  it("start with Error: after a form's action rejected it (the root loader is told: it runs after the action)", () => {
    expect(pageTitle("Add a person", [match("root", { formRejected: true }), match("routes/people.new", {})])[0]!.title).toBe("Error: Add a person – Delegated Care – NHS");
  });

  it("start with Error: when the page's own loader rejected a filter, whatever the root loader saw (they run side by side)", () => {
    const errors = [{ field: "from", message: "From date must include a month", href: "#from-month" }];
    expect(pageTitle("Audit trail", [match("root", { formRejected: false }), match("routes/admin.audit", { errors })])[0]!.title).toBe("Error: Audit trail – Delegated Care – NHS");
  });
});
