import { z } from "zod";

export const classroomNameSchema = z.object({
  name: z.string({ error: "Give the class a name." }).trim().min(1, "Give the class a name.").max(100, "Keep the name under 100 characters."),
});

export const joinClassSchema = z.object({
  code: z
    .string({ error: "Type the join code your teacher gave you." })
    .trim()
    .min(1, "Type the join code your teacher gave you.")
    .max(20, "Join codes are 6 characters long."),
});
