/** One message per field, in the order the fields appear; `href` points at the input to fix. */
export type FormErrors = { field: string; message: string; href: string }[];

export function errorFor(errors: FormErrors | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message;
}
