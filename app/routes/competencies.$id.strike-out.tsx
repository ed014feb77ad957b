import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { TextareaField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { OBSERVATION_OUTCOME_LABELS } from "~/content/training";
import { pageTitle } from "~/content/titles";
import { formatDate } from "~/domain/dates";
import { idParam, MAX_LONG_TEXT, requiredText } from "~/domain/validation";
import { getCompetency } from "~/models/competencies.server";
import { strikeOutObservation } from "~/models/observations.server";
import { getSettings } from "~/models/settings.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors } from "~/web/forms.server";
import { found, notFound, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Strike out a supervised observation", matches);

/** The observation to strike out: one of this competency's, that may still be struck out. */
async function load({ request, params, context }: LoaderFunctionArgs, observationParam: string | null) {
  const actor = await requirePermission(context, request, "sign_off", "competency");
  const competency = found(await getCompetency(context.db, { actor, id: requireId(params.id), today: context.clock.today(), warningDays: (await getSettings(context.db)).competencyWarningDays }));
  const observationId = idParam.safeParse(observationParam);
  if (!observationId.success) throw notFound();
  const observation = found(competency.observations.find((o) => o.id === observationId.data));
  return { actor, competency, observation };
}

export async function loader(args: LoaderFunctionArgs) {
  const { competency, observation } = await load(args, new URL(args.request.url).searchParams.get("observation"));
  return {
    competencyId: competency.competency.id,
    caption: `${competency.task.name}${competency.personName ? ` for ${competency.personName}` : ""}, ${competency.worker.name}`,
    observation,
  };
}

export async function action(args: ActionFunctionArgs) {
  const values = formValues(await args.request.formData());
  const { actor, competency, observation } = await load(args, typeof values.observation === "string" ? values.observation : null);
  const { context } = args;
  const form = z.object({ reason: requiredText("Reason", "Say why this observation is being struck out", MAX_LONG_TEXT) });
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  try {
    await strikeOutObservation(context.db, { actor, competencyId: competency.competency.id, observationId: observation.id, reason: parsed.data.reason, at: context.clock.now() });
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "reason", fields: [] });
  }
  return redirect(`/competencies/${competency.competency.id}?done=struck_out`);
}

export default function StrikeOut() {
  const { competencyId, caption, observation: o } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={actionData?.errors} title="Strike out a supervised observation" caption={caption} back={{ to: `/competencies/${competencyId}` }} />
        <Summary
          rows={[
            ["Date", formatDate(o.observedOn)],
            ["Observer", o.observerName],
            ["Outcome", OBSERVATION_OUTCOME_LABELS[o.outcome]],
            ["Notes", o.notes],
          ]}
        />
        <p>
          Strike out an observation recorded by mistake, for example with the wrong date or for the wrong care worker. It stays in the history, shown
          struck out with your reason, and no longer counts towards sign-off.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="observation" value={o.id} />
          <TextareaField name="reason" label="Why it is being struck out" hint="This is kept in the competency's history" errors={actionData?.errors} values={actionData?.values} />
          <Button type="submit" warning>
            Strike out observation
          </Button>
        </Form>
      </div>
    </div>
  );
}
