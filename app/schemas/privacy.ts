// Forms of the two deletions (decision 012): a teacher deleting one student's
// data from a class, and a person deleting their own account.
import { z } from "zod";

export const eraseStudentSchema = z.object({
  confirmName: z
    .string({ error: "Type the student's name to confirm." })
    .trim()
    .min(1, "Type the student's name to confirm.")
    .max(200, "That is longer than any name here: type the student's name to confirm."),
  keepBlock: z.boolean().optional().default(false),
});

const classChoiceSchema = z
  .object({
    classroomId: z.string({ error: "We couldn't tell which class this is. Reload the page." }).max(100),
    choice: z.enum(["archive", "hand-over"], { error: "Choose: hand the class over, or archive it." }),
    email: z.string().trim().toLowerCase().max(254, "That email address is too long.").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.choice !== "hand-over") return;
    if (!value.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Enter the email of the teacher who takes the class over." });
    else if (!z.email().safeParse(value.email).success) ctx.addIssue({ code: "custom", path: ["email"], message: "Enter an email address like name@school.org." });
  });

export const deleteAccountSchema = z.object({
  password: z
    .string({ error: "Enter your password to confirm." })
    .min(1, "Enter your password to confirm.")
    .max(200, "Passwords in Rebound are under 200 characters."),
  classes: z.array(classChoiceSchema).max(1000).optional(),
});
