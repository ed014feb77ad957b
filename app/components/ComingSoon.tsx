import { InsetText } from "nhsuk-react-components";
import type { ReactNode } from "react";
import { PageHeading } from "./nhs/PageHeading";

/** A page whose feature is not built yet says so plainly; it never pretends. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <PageHeading title={title} />
      <InsetText>
        <p>This part of Delegated Care is being built and is not available yet.</p>
      </InsetText>
      {children}
    </>
  );
}
