import { useSearchParams } from "@remix-run/react";
import { NotificationBanner } from "nhsuk-react-components";
import { doneMessage } from "~/content/messages";

/**
 * The green "success" banner after an action that redirected here with `?done=…`. `subject` is
 * the name of the record the page shows, so the banner says what was saved ("Edith Clarke has been added.").
 */
export function DoneBanner({ subject }: { subject?: string }) {
  const [params] = useSearchParams();
  const message = doneMessage(params.get("done"), subject);
  if (!message) return null;
  return (
    <NotificationBanner success>
      <NotificationBanner.Heading>{message}</NotificationBanner.Heading>
    </NotificationBanner>
  );
}
