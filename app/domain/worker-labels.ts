/**
 * Telling care workers with the same name apart. Two "Aisha Begum"s at one provider are two
 * people with two sets of competencies: naming or signing off the wrong one puts a task in the
 * hands of someone never assessed for it. Wherever a worker is picked or listed, a name shared
 * with another worker at the same provider carries the worker's staff number, and lists warn.
 *
 * A staff number, not a date of birth: every provider issues one, it is on the worker's badge
 * and rota, and it is not personal data the way a date of birth is, so it can show on pickers,
 * registers and printouts seen by NHS staff of other organisations.
 */

/** The same name, as people would read it: case and spacing ignored. */
export function sameNameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-GB");
}

/** Staff numbers compare without case or spaces ("b 1042" is "B1042"). */
export function staffNumberKey(staffNumber: string): string {
  return staffNumber.replace(/\s+/g, "").toLocaleUpperCase("en-GB");
}

export type LabelledWorker = {
  name: string;
  staffNumber: string | null;
  /** How many workers at the worker's provider (the worker included, any status) have this name. */
  namesakes: number;
};

/** The one way a worker is named where they are picked or listed. */
export function workerLabel(worker: LabelledWorker): string {
  if (worker.namesakes <= 1) return worker.name;
  return worker.staffNumber ? `${worker.name} (staff number ${worker.staffNumber})` : `${worker.name} (no staff number recorded)`;
}

/** "2 care workers at Brightside Home Care are called Aisha Begum": one line per clash in a list. */
export function sameNameWarnings(workers: (LabelledWorker & { providerId: number; providerName: string })[]): string[] {
  const seen = new Set<string>();
  const warnings: string[] = [];
  for (const w of workers) {
    if (w.namesakes <= 1) continue;
    const key = `${w.providerId}:${sameNameKey(w.name)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    warnings.push(`${w.namesakes} care workers at ${w.providerName} are called ${w.name}. Check the staff number before choosing.`);
  }
  return warnings;
}

export type StaffNumberProblem = { field: "staffNumber"; message: string };

/**
 * Whether a worker's name and staff number, as entered, can be told apart from the other
 * workers at the provider (`others`: every other worker there, active or left, since one who
 * left may rejoin and is still named on past agreements). A staff number is required when the
 * name is shared, and no two workers at a provider share a staff number.
 */
export function staffNumberProblem(
  worker: { name: string; staffNumber: string | null },
  others: { name: string; staffNumber: string | null }[],
  providerName: string,
): StaffNumberProblem | null {
  const staffNumber = worker.staffNumber?.trim() || null;
  if (staffNumber) {
    const taken = others.find((o) => o.staffNumber && staffNumberKey(o.staffNumber) === staffNumberKey(staffNumber));
    if (taken) return { field: "staffNumber", message: `Staff number ${staffNumber} is already ${taken.name}'s at ${providerName}. Enter this care worker's own staff number` };
  }
  const namesakes = others.filter((o) => sameNameKey(o.name) === sameNameKey(worker.name));
  if (namesakes.length && !staffNumber) {
    const named = namesakes.map((o) => workerLabel({ ...o, namesakes: namesakes.length + 1 })).join(" and ");
    return {
      field: "staffNumber",
      message: `${named} already ${namesakes.length > 1 ? "work" : "works"} at ${providerName}. Enter a staff number so the two can be told apart`,
    };
  }
  return null;
}
