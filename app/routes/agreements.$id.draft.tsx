import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { InsetText } from "nhsuk-react-components";
import { AgreementTaskList } from "~/components/agreement/TaskList";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { agreementPageTitle } from "~/content/titles";
import { sectionsCompleted } from "~/domain/agreement-task-list";
import { changeRefusal } from "~/domain/agreement-actions";
import { deletionRefusal } from "~/models/agreement-deletion.server";
import { draftSectionsOf } from "~/models/agreement-draft.server";
import { loadAgreementPage, requireNurseOf } from "~/web/agreement-page.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => agreementPageTitle(data?.reference, data && data.version > 1 ? `Complete version ${data.version}` : "Complete the agreement", matches);

/** The guided agreement: the task list of the version being drafted (a new agreement or an amendment). */
export async function loader(args: LoaderFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const { agreement, version } = view;
  // Nothing left to complete once it is sent (or ended): the agreement page says what happens next.
  if (changeRefusal("edit", agreement, version, actor)) throw redirect(`/agreements/${agreement.id}`);
  const sections = await draftSectionsOf(args.context.db, { version, today: args.context.clock.today() });
  return {
    id: agreement.id,
    reference: agreement.reference,
    version: version.version,
    changeReason: version.changeReason,
    person: `${view.person.name}, cared for by ${view.providerName}`,
    sections,
    completed: sectionsCompleted(sections),
    mayDelete: await deletionRefusal(args.context.db, actor, agreement) === null,
  };
}

export default function DraftTaskList() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DoneBanner />
        <PageHeading title={d.version > 1 ? `Complete version ${d.version}` : "Complete the agreement"} caption={d.reference} back={{ to: `/agreements/${d.id}`, label: "Back to the agreement" }}>
          <p>
            Complete each section, in any order. When every section is completed, check the whole agreement and send it for signatures.
            Nothing is in force until every party has signed.
          </p>
        </PageHeading>
        {d.changeReason ? (
          <InsetText>
            <p>
              <strong>Reason for this version:</strong> {d.changeReason}
            </p>
          </InsetText>
        ) : null}
        <h2 className="nhsuk-heading-s" id="progress">
          {d.completed.done} of {d.completed.of} sections completed
        </h2>
        <AgreementTaskList id={d.id} sections={d.sections} person={d.person} />
        {d.mayDelete ? (
          <p>
            <Link to={`/agreements/${d.id}/delete`}>Delete this draft</Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
