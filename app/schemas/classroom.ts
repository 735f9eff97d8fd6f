import { z } from "zod";

export const classroomNameSchema = z.object({
  name: z.string({ error: "Give the class a name." }).trim().min(1, "Give the class a name.").max(100, "Keep the name under 100 characters."),
});

/** A co-teacher invitation code, as a teacher types it (decision 021). */
export const coTeacherCodeSchema = z.object({
  code: z
    .string({ error: "Type the invitation code the class's teacher gave you." })
    .trim()
    .min(1, "Type the invitation code the class's teacher gave you.")
    .max(30, "Invitation codes are 12 letters and digits, like ABCD-EFGH-JKMN."),
});

export const joinClassSchema = z.object({
  code: z
    .string({ error: "Type the join code your teacher gave you." })
    .trim()
    .min(1, "Type the join code your teacher gave you.")
    .max(20, "Join codes are 6 characters long."),
});
