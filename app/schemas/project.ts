import { z } from "zod";

export const projectBasicsSchema = z.object({
  title: z.string({ error: "Give the project a title." }).trim().min(1, "Give the project a title.").max(120, "Keep the title under 120 characters."),
  goal: z.string({ error: "Describe the goal students are working towards." }).trim().min(1, "Describe the goal students are working towards.").max(1000, "Keep the goal under 1,000 characters."),
  instructions: z.string().trim().max(5000, "Keep the instructions under 5,000 characters.").optional().default(""),
});
