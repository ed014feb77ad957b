import { useSearchParams } from "@remix-run/react";
import { NotificationBanner } from "nhsuk-react-components";
import { doneMessage } from "~/content/messages";

/** The green "success" banner after an action that redirected here with `?done=…`. */
export function DoneBanner() {
  const [params] = useSearchParams();
  const message = doneMessage(params.get("done"));
  if (!message) return null;
  return (
    <NotificationBanner success>
      <NotificationBanner.Heading>{message}</NotificationBanner.Heading>
    </NotificationBanner>
  );
}
