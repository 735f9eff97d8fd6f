import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter an email address like name@school.org." }));

export const signupSchema = z.object({
  name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(80, "Keep your name under 80 characters."),
  email: emailSchema,
  password: z
    .string({ error: "Choose a password." })
    .min(10, "Use at least 10 characters.")
    .max(200, "Keep the password under 200 characters."),
  role: z.enum(["TEACHER", "STUDENT"], { error: "Choose whether you teach or learn." }),
  redirectTo: z.string().max(2000).optional(),
});

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "Passwords in Rebound are under 200 characters."),
  redirectTo: z.string().max(2000).optional(),
});
