import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter an email address like name@school.org." }));

/** A password being chosen: at least 10 characters, under 200. */
const newPasswordSchema = (missing = "Choose a password.") =>
  z.string({ error: missing }).min(10, "Use at least 10 characters.").max(200, "Keep the password under 200 characters.");

export const signupSchema = z.object({
  name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(80, "Keep your name under 80 characters."),
  email: emailSchema,
  password: newPasswordSchema(),
  role: z.enum(["TEACHER", "STUDENT"], { error: "Choose whether you teach or learn." }),
  redirectTo: z.string().max(2000).optional(),
});

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "Passwords in Rebound are under 200 characters."),
  redirectTo: z.string().max(2000).optional(),
});

/** The new password, typed twice; the second must match the first. */
const newPasswordTwice = {
  newPassword: newPasswordSchema("Choose a new password."),
  confirmPassword: z.string({ error: "Type the new password again." }).max(200, "Keep the password under 200 characters."),
};
const MISMATCH = { path: ["confirmPassword"], message: "The two new passwords don't match. Type the new one again in both boxes." };

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password." })
      .min(1, "Enter your current password.")
      .max(200, "Passwords in Rebound are under 200 characters."),
    ...newPasswordTwice,
  })
  .refine((v) => v.newPassword === v.confirmPassword, MISMATCH);

export const setupCodeSchema = z
  .object({
    email: emailSchema,
    code: z
      .string({ error: "Type the set-up code your teacher gave you." })
      .trim()
      .min(1, "Type the set-up code your teacher gave you.")
      .max(20, "Set-up codes are 8 characters long, like K7MP-Q4XY."),
    ...newPasswordTwice,
    redirectTo: z.string().max(2000).optional(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, MISMATCH);
