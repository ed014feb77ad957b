import type { ServiceDetails } from "~/domain/service-details";

/**
 * How /admin/service asks for the operator's details. Kept apart from the schema in
 * app/domain/service-details.ts so that the page's browser code does not load zod.
 */
/** The form's fields in the order they are shown (and so the order of the error summary). */
export const SERVICE_DETAIL_FIELDS: { name: keyof ServiceDetails; label: string; hint?: string; multiline?: boolean; type?: "email" | "tel"; width?: 4 | 5 | 10 | 20 | 30 }[] = [
  { name: "operatorName", label: "Organisation name", hint: "The organisation that runs this service and is responsible for the personal data in it. It is shown at the bottom of every page." },
  { name: "helpEmail", label: "Help email address", type: "email", hint: "Where people write when they need help or want to report a problem." },
  { name: "helpPhone", label: "Help phone number", type: "tel", width: 20 },
  { name: "helpHours", label: "When the help phone line is open", hint: "For example, Monday to Friday, 9am to 5pm, except bank holidays" },
  { name: "addressLines", label: "Postal address", hint: "Each part of the address on its own line, without the postcode", multiline: true },
  { name: "postcode", label: "Postcode", width: 10 },
  { name: "dpoName", label: "Data protection officer's name or role", hint: "Shown on the privacy notice" },
  { name: "dpoEmail", label: "Data protection officer's email address", type: "email" },
  { name: "icoNumber", label: "ICO registration number", hint: "From the Information Commissioner's Office data protection register, like ZA123456", width: 10 },
];
