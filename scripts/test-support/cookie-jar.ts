/** Cookies kept by name from each response, as a browser would, for tests that walk a sign-in with fetch. */
export function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    take(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const [name, ...value] = pair!.split("=");
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name!.trim());
        else cookies.set(name!.trim(), value.join("="));
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
  };
}
