import { ErrorSummary } from "nhsuk-react-components";
import type { FormErrors } from "./form-errors";

/** "There is a problem", with a link to each field. The title gains "Error: " on the server (see root.tsx). */
export function FormErrorSummary({ errors }: { errors: FormErrors | undefined }) {
  if (!errors?.length) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        {errors.map((e) => (
          <ErrorSummary.ListItem key={e.field} href={e.href}>
            {e.message}
          </ErrorSummary.ListItem>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
