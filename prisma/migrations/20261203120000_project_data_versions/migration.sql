-- The version of what each project's insight report is built from (decision 015),
-- kept by triggers written with scripts/lib/report-version-triggers.ts: every
-- write of a row the report reads adds 1 to its project's version in the same
-- transaction; a delete adds 1 to its deletions too.

-- CreateTable
CREATE TABLE "ProjectDataVersion" (
    "projectId" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0,
    "deletions" INTEGER NOT NULL DEFAULT 0
);

-- One row per project, made with the project.
INSERT OR IGNORE INTO "ProjectDataVersion" ("projectId") SELECT "id" FROM "Project";

CREATE TRIGGER "Project_report_version_insert" AFTER INSERT ON "Project"
BEGIN
  INSERT OR IGNORE INTO "ProjectDataVersion" ("projectId") VALUES (NEW."id");
END;

-- The tables the report reads.
CREATE TRIGGER "Attempt_report_version_insert" AFTER INSERT ON "Attempt"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId");
END;

CREATE TRIGGER "Attempt_report_version_update" AFTER UPDATE ON "Attempt"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId") AND "projectId" IS NOT (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
END;

CREATE TRIGGER "Attempt_report_version_delete" AFTER DELETE ON "Attempt"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
END;

CREATE TRIGGER "AttemptReview_report_version_insert" AFTER INSERT ON "AttemptReview"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = NEW."attemptId");
END;

CREATE TRIGGER "AttemptReview_report_version_update" AFTER UPDATE ON "AttemptReview"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = OLD."attemptId");
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = NEW."attemptId") AND "projectId" IS NOT (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = OLD."attemptId");
END;

CREATE TRIGGER "AttemptReview_report_version_delete" AFTER DELETE ON "AttemptReview"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" = (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = OLD."attemptId");
END;

CREATE TRIGGER "AttemptMisconception_report_version_insert" AFTER INSERT ON "AttemptMisconception"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = NEW."attemptId");
END;

CREATE TRIGGER "AttemptMisconception_report_version_update" AFTER UPDATE ON "AttemptMisconception"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = OLD."attemptId");
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = NEW."attemptId") AND "projectId" IS NOT (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = OLD."attemptId");
END;

CREATE TRIGGER "AttemptMisconception_report_version_delete" AFTER DELETE ON "AttemptMisconception"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" = (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = OLD."attemptId");
END;

CREATE TRIGGER "JournalEntry_report_version_insert" AFTER INSERT ON "JournalEntry" WHEN NEW."status" = 'SUBMITTED'
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT NEW."projectId");
END;

CREATE TRIGGER "JournalEntry_report_version_update" AFTER UPDATE ON "JournalEntry" WHEN OLD."status" = 'SUBMITTED' OR NEW."status" = 'SUBMITTED'
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT OLD."projectId");
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT NEW."projectId") AND "projectId" IS NOT (SELECT OLD."projectId");
END;

CREATE TRIGGER "JournalEntry_report_version_delete" AFTER DELETE ON "JournalEntry" WHEN OLD."status" = 'SUBMITTED'
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" = (SELECT OLD."projectId");
END;

CREATE TRIGGER "Checkpoint_report_version_insert" AFTER INSERT ON "Checkpoint"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT NEW."projectId");
END;

CREATE TRIGGER "Checkpoint_report_version_update" AFTER UPDATE ON "Checkpoint"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT OLD."projectId");
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT NEW."projectId") AND "projectId" IS NOT (SELECT OLD."projectId");
END;

CREATE TRIGGER "Checkpoint_report_version_delete" AFTER DELETE ON "Checkpoint"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" = (SELECT OLD."projectId");
END;

CREATE TRIGGER "CheckpointVersion_report_version_insert" AFTER INSERT ON "CheckpointVersion"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId");
END;

CREATE TRIGGER "CheckpointVersion_report_version_update" AFTER UPDATE ON "CheckpointVersion"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId") AND "projectId" IS NOT (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
END;

CREATE TRIGGER "CheckpointVersion_report_version_delete" AFTER DELETE ON "CheckpointVersion"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
END;

CREATE TRIGGER "Misconception_report_version_insert" AFTER INSERT ON "Misconception"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT NEW."projectId");
END;

CREATE TRIGGER "Misconception_report_version_update" AFTER UPDATE ON "Misconception"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT OLD."projectId");
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT NEW."projectId") AND "projectId" IS NOT (SELECT OLD."projectId");
END;

CREATE TRIGGER "Misconception_report_version_delete" AFTER DELETE ON "Misconception"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" = (SELECT OLD."projectId");
END;

CREATE TRIGGER "AnswerGroup_report_version_insert" AFTER INSERT ON "AnswerGroup"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId");
END;

CREATE TRIGGER "AnswerGroup_report_version_update" AFTER UPDATE ON "AnswerGroup"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId") AND "projectId" IS NOT (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
END;

CREATE TRIGGER "AnswerGroup_report_version_delete" AFTER DELETE ON "AnswerGroup"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
END;

CREATE TRIGGER "AnswerGroupMember_report_version_insert" AFTER INSERT ON "AnswerGroupMember"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT c."projectId" FROM "AnswerGroup" g JOIN "Checkpoint" c ON c."id" = g."checkpointId" WHERE g."id" = NEW."groupId");
END;

CREATE TRIGGER "AnswerGroupMember_report_version_update" AFTER UPDATE ON "AnswerGroupMember"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT c."projectId" FROM "AnswerGroup" g JOIN "Checkpoint" c ON c."id" = g."checkpointId" WHERE g."id" = OLD."groupId");
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT c."projectId" FROM "AnswerGroup" g JOIN "Checkpoint" c ON c."id" = g."checkpointId" WHERE g."id" = NEW."groupId") AND "projectId" IS NOT (SELECT c."projectId" FROM "AnswerGroup" g JOIN "Checkpoint" c ON c."id" = g."checkpointId" WHERE g."id" = OLD."groupId");
END;

CREATE TRIGGER "AnswerGroupMember_report_version_delete" AFTER DELETE ON "AnswerGroupMember"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" = (SELECT c."projectId" FROM "AnswerGroup" g JOIN "Checkpoint" c ON c."id" = g."checkpointId" WHERE g."id" = OLD."groupId");
END;

CREATE TRIGGER "Enrollment_report_version_insert" AFTER INSERT ON "Enrollment"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 FROM (SELECT "id" FROM "Project" WHERE "classroomId" = NEW."classroomId") AS "p" WHERE "ProjectDataVersion"."projectId" = "p"."id";
END;

CREATE TRIGGER "Enrollment_report_version_update" AFTER UPDATE ON "Enrollment"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 FROM (SELECT "id" FROM "Project" WHERE "classroomId" = OLD."classroomId" UNION SELECT "id" FROM "Project" WHERE "classroomId" = NEW."classroomId") AS "p" WHERE "ProjectDataVersion"."projectId" = "p"."id";
END;

CREATE TRIGGER "Enrollment_report_version_delete" AFTER DELETE ON "Enrollment"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 FROM (SELECT "id" FROM "Project" WHERE "classroomId" = OLD."classroomId") AS "p" WHERE "ProjectDataVersion"."projectId" = "p"."id";
END;

CREATE TRIGGER "User_report_version_update" AFTER UPDATE ON "User"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 FROM (SELECT p."id" FROM "Project" p JOIN "Enrollment" e ON e."classroomId" = p."classroomId" WHERE e."studentId" = OLD."id" UNION SELECT p."id" FROM "Project" p JOIN "Enrollment" e ON e."classroomId" = p."classroomId" WHERE e."studentId" = NEW."id") AS "p" WHERE "ProjectDataVersion"."projectId" = "p"."id";
END;
