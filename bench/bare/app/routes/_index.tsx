export function loader() {
  return null;
}

export default function Index() {
  return <h1>Bare Remix</h1>;
}
