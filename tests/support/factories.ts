// Small builders for integration tests: real rows in the test file's own database.
import { randomUUID } from "node:crypto";
import { hashPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";
import { serializeSpec, type CheckpointSpec } from "~/domain/checkpoint-spec";
import { generateJoinCode } from "~/domain/join-code";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

function uniq() {
  return randomUUID().slice(0, 8);
}

export async function createUser(role: "TEACHER" | "STUDENT" | "SITE_ADMIN", name?: string) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = uniq();
  return prisma.user.create({
    data: { role, name: name ?? `${role === "TEACHER" ? "Teacher" : "Student"} ${id}`, email: `${role.toLowerCase()}-${id}@example.test`, passwordHash: await passwordHash },
  });
}

export const createTeacher = (name?: string) => createUser("TEACHER", name);
/** A site administrator (decision 023), as `npm run admin:create` makes one. */
export const createSiteAdmin = (name?: string) => createUser("SITE_ADMIN", name ?? `Site admin ${uniq()}`);
export const createStudent = (name?: string) => createUser("STUDENT", name);

export async function createClassroom(teacherId: string, name = "Test class") {
  return prisma.classroom.create({ data: { name, joinCode: generateJoinCode(), teachers: { create: { teacherId: teacherId, source: "CREATED" } } } });
}

export async function enroll(classroomId: string, studentId: string) {
  return prisma.enrollment.create({ data: { classroomId, studentId } });
}

export const sampleSpecs = {
  choice: (misconceptionId: string | null = null): CheckpointSpec => ({
    kind: "MULTIPLE_CHOICE",
    options: [
      { id: "a", text: "It doubles", correct: true, feedback: "", misconceptionId: null },
      { id: "b", text: "It halves", correct: false, feedback: "Check which quantity is in the denominator.", misconceptionId },
      { id: "c", text: "It stays the same", correct: false, feedback: "", misconceptionId: null },
    ],
  }),
  numeric: (misconceptionId: string | null = null): CheckpointSpec => ({
    kind: "NUMERIC",
    answer: 12.5,
    tolerance: 0.05,
    unit: "m/s",
    wrongValues: [{ value: -12.5, feedback: "Look at the direction you chose as positive.", misconceptionId }],
    intermediateValues: [],
  }),
  text: (): CheckpointSpec => ({ kind: "SHORT_TEXT", modelAnswer: "Because the net force is zero, the velocity stays constant." }),
};

/** A project with one checkpoint of each kind (in order: choice, numeric, text). */
export async function createProject(
  classroomId: string,
  options: { status?: "DRAFT" | "PUBLISHED"; title?: string; maxAttempts?: number | null } = {},
) {
  const project = await prisma.project.create({
    data: {
      classroomId,
      title: options.title ?? "Forces and motion",
      goal: "Explain motion with forces",
      status: options.status ?? "PUBLISHED",
      publishedAt: options.status === "DRAFT" ? null : new Date(),
    },
  });
  const misconception = await prisma.misconception.create({
    data: { projectId: project.id, name: "Sign convention", description: "Mixes up directions", nextStep: "Draw the axis first and mark which way is positive." },
  });
  const specs = [sampleSpecs.choice(misconception.id), sampleSpecs.numeric(misconception.id), sampleSpecs.text()];
  const titles = ["Doubling the force", "Speed after 5 s", "Explain constant velocity"];
  const checkpoints = [];
  for (const [i, spec] of specs.entries()) {
    const checkpoint = await prisma.checkpoint.create({
      data: {
        projectId: project.id,
        position: i + 1,
        kind: spec.kind,
        maxAttempts: options.maxAttempts ?? null,
        versions: { create: { version: 1, title: titles[i], prompt: `Question ${i + 1}`, spec: serializeSpec(spec) } },
      },
      include: { versions: true },
    });
    checkpoints.push(checkpoint);
  }
  return { project, misconception, checkpoints };
}

/** A complete small class: a teacher, a class with two students, a published project. */
export async function createClassWithProject() {
  const teacher = await createTeacher();
  const classroom = await createClassroom(teacher.id);
  const student = await createStudent();
  const otherStudent = await createStudent();
  await enroll(classroom.id, student.id);
  await enroll(classroom.id, otherStudent.id);
  const { project, misconception, checkpoints } = await createProject(classroom.id);
  return { teacher, classroom, student, otherStudent, project, misconception, checkpoints };
}
