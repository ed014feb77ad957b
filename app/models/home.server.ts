import { count } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import type { Db } from "~db/client";
import { organisations, users } from "~db/schema";
import { countPeople } from "./people.server";
import { countTasks } from "./tasks.server";
import { countWorkers } from "./workers.server";

export type HomeCount = { label: string; value: number; href: string };

/** The figures each role's home page opens with, all within the actor's scope. */
export function homeCounts(db: Db, actor: Actor): HomeCount[] {
  switch (actor.role) {
    case "admin":
      return [
        { label: "Organisations", value: db.select({ n: count() }).from(organisations).get()?.n ?? 0, href: "/organisations" },
        { label: "Users", value: db.select({ n: count() }).from(users).get()?.n ?? 0, href: "/admin/users" },
        { label: "Tasks in the catalogue", value: countTasks(db), href: "/tasks" },
      ];
    case "nurse":
    case "facilitator":
      return [
        { label: "People on the caseload", value: countPeople(db, actor), href: "/people" },
        { label: "Care workers", value: countWorkers(db, actor), href: "/workers" },
        { label: "Tasks in the catalogue", value: countTasks(db), href: "/tasks" },
      ];
    case "provider_manager":
      return [
        { label: "Care workers", value: countWorkers(db, actor), href: "/workers" },
        { label: "People you care for", value: countPeople(db, actor), href: "/people" },
      ];
    case "care_worker":
      return [];
  }
}
