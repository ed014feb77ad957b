import { Tag } from "nhsuk-react-components";

type Modifier = "white" | "grey" | "green" | "aqua-green" | "blue" | "purple" | "pink" | "red" | "orange" | "yellow";

/** A status as an NHS tag: the words carry the meaning, the colour only repeats it. */
export function StatusTag({ text, tone }: { text: string; tone: Modifier }) {
  return <Tag modifier={tone}>{text}</Tag>;
}

export function ActiveTag({ active }: { active: boolean }) {
  return active ? <StatusTag text="Active" tone="green" /> : <StatusTag text="Inactive" tone="grey" />;
}
