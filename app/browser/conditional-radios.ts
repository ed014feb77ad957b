/**
 * NHS radios with conditional reveal (app/components/nhs/ConditionalRadios.tsx): where JavaScript
 * runs, only the chosen option's questions show. This is done here rather than by nhsuk-frontend's
 * radios script, which marks each radio aria-expanded: an attribute a radio may not have (axe,
 * aria-allowed-attr). Without JavaScript every option's questions show.
 */
export function conditionalRadios(group: HTMLElement) {
  const radios = Array.from(group.querySelectorAll<HTMLInputElement>("input[type=radio]"));
  const show = () => {
    for (const radio of radios) {
      document.getElementById(`${radio.id}--conditional`)?.classList.toggle("nhsuk-radios__conditional--hidden", !radio.checked);
    }
  };
  // A choice made before the page finished loading is the one that counts.
  show();
  for (const radio of radios) radio.addEventListener("change", show);
}
