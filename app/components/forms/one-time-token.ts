import { z } from "zod";
import { ONE_TIME_TOKEN } from "~/domain/accounts";

export const wellFormedTokenSchema = z.string().regex(ONE_TIME_TOKEN);
