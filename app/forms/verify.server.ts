import { z } from "zod";

/** The code printed on a printout, typed at /verify: letters and numbers, any case, with or without its hyphen. */
export const CodeSchema = z.object({
  code: z
    .string({ message: "Enter the verification code" })
    .trim()
    .min(1, "Enter the verification code")
    .transform((v) => v.toUpperCase().replace(/[^A-Z0-9]/g, ""))
    .pipe(z.string().length(8, "Enter the 8 letters and numbers of the code, like ABCD-2345")),
});
