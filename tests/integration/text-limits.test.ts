// The limits that were missing (decision 008's table), enforced by the server:
// an over-long value is refused with the field's own message, the form comes
// back with what was typed, and nothing is stored.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as newCheckpoint } from "~/routes/teach.projects.$projectId.checkpoints.new";
import { action as checkpointPage } from "~/routes/learn.projects.$projectId.checkpoints.$checkpointId";
import { action as prompts } from "~/routes/teach.projects.$projectId.prompts._index";
import { createClassWithProject } from "../support/factories";
import { call, cookieFor, post } from "../support/routes";

describe("text limits the server enforces", () => {
  it("a numeric checkpoint's values: over 50 characters is refused with a message, the rest of the form kept", async () => {
    const { teacher, project } = await createClassWithProject();
    const typed = "12".repeat(40);
    const res = await call(
      newCheckpoint,
      post(`/teach/projects/${project.id}/checkpoints/new`, { kind: "NUMERIC", title: "Speed", prompt: "How fast?", answer: typed, tolerance: "0.1", "wrongValues[0].value": typed }, await cookieFor(teacher.id)),
      { projectId: project.id },
    );
    expect(res.status).toBe(400);
    expect(res.data.reply.error.answer).toEqual(["Keep the number under 50 characters, like 12.5 or -3."]);
    expect(res.data.reply.error["wrongValues[0].value"]).toEqual(["Keep the number under 50 characters, like 12.5 or -3."]);
    expect(res.data.reply.initialValue).toMatchObject({ title: "Speed", prompt: "How fast?", answer: typed });
    expect(await prisma.checkpoint.count({ where: { projectId: project.id } })).toBe(3);
  });

  it("a reflection prompt's questions: over 6,000 characters in all is refused with a message", async () => {
    const { teacher, project } = await createClassWithProject();
    const questions = Array.from({ length: 20 }, () => "Why?".padEnd(400, ".")).join("\n");
    const res = await call(prompts, post(`/teach/projects/${project.id}/prompts`, { intent: "from-scratch", title: "Long", questions, trigger: "PROJECT" }, await cookieFor(teacher.id)), {
      projectId: project.id,
    });
    expect(res.status).toBe(400);
    expect(res.data.reply.error.questions).toEqual(["Keep the questions under 6,000 characters in all."]);
    expect(res.data.reply.initialValue.questions).toBe(questions);
    expect(await prisma.reflectionPrompt.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("a student's short answer: over 5,000 characters gets one message, and the answer comes back", async () => {
    const { student, project, checkpoints } = await createClassWithProject();
    const text = checkpoints[2];
    const answer = "Because ".repeat(700);
    const res = await call(
      checkpointPage,
      post(`/learn/projects/${project.id}/checkpoints/${text.id}`, { intent: "attempt", submissionKey: "k1", textAnswer: answer }, await cookieFor(student.id)),
      { projectId: project.id, checkpointId: text.id },
    );
    expect(res.status).toBe(400);
    expect(res.data.reply.error.textAnswer).toEqual(["Keep your answer under 5,000 characters."]);
    expect(res.data.reply.initialValue.textAnswer).toBe(answer);
    expect(await prisma.attempt.count({ where: { checkpointId: text.id } })).toBe(0);
  });
});
