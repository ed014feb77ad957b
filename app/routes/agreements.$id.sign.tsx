import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { SignedContent } from "~/components/agreement/SignedContent";
import { ConfirmCheckbox } from "~/components/nhs/ConfirmCheckbox";
import { RadiosField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { ACCOUNTABILITY } from "~/content/accountability";
import { agreementPageTitle } from "~/content/titles";
import { partyRoleLabel, type Party } from "~/domain/agreement";
import { formatDateTime } from "~/domain/dates";
import { signPageAnswer } from "~/domain/signing";
import { versionContentOf } from "~/models/agreement-content.server";
import { partiesActorMaySign, partiesActorStillSigns, versionSignedBy } from "~/models/agreement-parties.server";
import { signInApp } from "~/models/agreement-signing.server";
import { versionOf } from "~/models/agreement-access.server";
import { agreementClock, loadAgreementPage } from "~/web/agreement-page.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors } from "~/web/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  agreementPageTitle(data ? ("explain" in data && data.explain ? data.explain.reference : "reference" in data ? data.reference : undefined) : undefined, "Sign the agreement", matches);

/** The version a link asks about (`?version=2`, as in the email asking for a signature); else the current one. */
function requestedVersion(request: Request): number | null {
  const value = new URL(request.url).searchParams.get("version");
  return value && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null;
}

async function load(args: LoaderFunctionArgs) {
  const requested = requestedVersion(args.request);
  const { actor, view } = await loadAgreementPage(args, requested ? { version: requested } : {});
  const { db } = args.context;
  const current = (await versionOf(db, view.agreement.id, view.agreement.currentVersion))!;
  const unsigned = await partiesActorStillSigns(db, actor, view.agreement, current);
  const partiesForMe = await partiesActorMaySign(db, actor, view.agreement, view.version);
  const answer = signPageAnswer(
    {
      requestedVersion: requested,
      agreementState: view.agreement.state,
      inForceVersion: view.agreement.inForceVersion,
      current: { version: current.version, state: current.state },
      shown: { version: view.version.version, state: view.version.state },
      unsignedOnCurrent: unsigned,
      partiesForMe,
      signaturesForMe: view.signatures
        .filter((s) => partiesForMe.includes(s.signature.party as Party))
        .map((s) => ({ party: s.signature.party as Party, signerName: s.signature.signerName, byMe: s.signature.signerUserId === actor.userId, signedAt: s.signature.signedAt })),
    },
    { formatWhen: formatDateTime, partyLabel: partyRoleLabel },
  );
  // Someone who signs for no party of this agreement: as before, this page is not for them.
  if (answer.kind === "nothing_to_sign") throw new Response("Nothing for you to sign", { status: 403 });
  return { actor, view, unsigned, answer };
}

export async function loader(args: LoaderFunctionArgs) {
  const { view, unsigned, answer } = await load(args);
  if (answer.kind === "explain") {
    return { explain: { ...answer, id: view.agreement.id, reference: view.agreement.reference, personName: view.person.name } } as const;
  }
  return {
    explain: null,
    id: view.agreement.id,
    reference: view.agreement.reference,
    version: view.version,
    personName: view.person.name,
    // Exactly what is signed: the frozen content, from the one reader of a version's content.
    content: await versionContentOf(args.context.db, view.agreement, view.version),
    parties: unsigned.map((p) => ({ value: p, label: partyRoleLabel(p) })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view, unsigned, answer } = await load(args);
  const { context } = args;
  const values = formValues(await args.request.formData());
  if (answer.kind !== "sign") {
    // This user already signed what they were shown (a second click, a resent form): the page says so; nothing is written twice.
    const signed = typeof values.contentHash === "string" ? await versionSignedBy(context.db, { actor, agreementId: view.agreement.id, contentHash: values.contentHash }) : null;
    if (signed !== null) return redirect(`/agreements/${view.agreement.id}/sign?version=${signed}`);
    throw new Response("Nothing for you to sign", { status: 403 });
  }
  const parsed = z
    .object({
      party: z.string({ message: "Select who you are signing for" }).refine((p) => unsigned.includes(p as Party), "Select who you are signing for"),
      contentHash: z.string().regex(/^[0-9a-f]{64}$/, "Open the agreement again and sign the current version"),
      confirm: z.literal("yes", { message: "Confirm that you have read this version and agree to your part in it" }),
    })
    .safeParse({ ...values, party: unsigned.length === 1 ? unsigned[0] : values.party });
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues), values);
  try {
    await signInApp(context.db, { actor, agreementId: view.agreement.id, party: parsed.data.party as Party, shownHash: parsed.data.contentHash, ...await agreementClock(context) });
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "confirm" });
  }
  return redirect(`/agreements/${view.agreement.id}?done=signed`);
}

export default function SignPage() {
  const d = useLoaderData<typeof loader>();
  if (d.explain) return <AlreadyDone {...d.explain} />;
  return <Sign d={d} />;
}

/** Nothing to sign here now: what happened, and where to go next. */
function AlreadyDone({ id, reference, personName, heading, lines, signCurrent }: { id: number; reference: string; personName: string; heading: string; lines: string[]; signCurrent: boolean }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title={heading} caption={`${reference}, ${personName}`} back={{ to: `/agreements/${id}` }} />
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <ul className="nhsuk-list">
          {signCurrent ? (
            <li>
              <Link to={`/agreements/${id}/sign`}>Read and sign the current version</Link>
            </li>
          ) : null}
          <li>
            <Link to={`/agreements/${id}`}>Open the agreement</Link>
          </li>
          <li>
            <Link to="/">Go to your home page</Link>
          </li>
        </ul>
      </div>
    </div>
  );
}

type SignData = Exclude<ReturnType<typeof useLoaderData<typeof loader>>, { explain: object }>;

function Sign({ d }: { d: SignData }) {
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={errors} title={`Sign version ${d.version.version}`} caption={`${d.reference}, ${d.personName}`} back={{ to: `/agreements/${d.id}` }}>
          <p>You are signing exactly this content. If anything here is wrong, do not sign: tell the delegating nurse.</p>
        </PageHeading>
        <SignedContent content={d.content} />
        <Summary rows={[["Content fingerprint", <code key="h">{d.version.contentHash}</code>]]} />
        <h2 className="nhsuk-heading-m">Accountability</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>{ACCOUNTABILITY.delegator}</li>
          <li>{ACCOUNTABILITY.worker}</li>
          <li>{ACCOUNTABILITY.provider}</li>
        </ul>
        <Form method="post" noValidate>
          <input type="hidden" name="contentHash" value={d.version.contentHash ?? ""} />
          {d.parties.length > 1 ? (
            <RadiosField name="party" label="You are signing as" options={d.parties} errors={errors} values={actionData?.values} />
          ) : (
            <p>
              You are signing as: <strong>{d.parties[0]?.label}</strong>
            </p>
          )}
          <ConfirmCheckbox label={`I have read version ${d.version.version} and agree to my part in it`} errors={errors} />
          <Button type="submit">Sign</Button>
        </Form>
      </div>
    </div>
  );
}
