-- The version of what each project's insight report is built from (decision 015),
-- kept by triggers written with scripts/lib/report-version-triggers.ts: every
-- write of a row the report reads adds 1 to its project's version in the same
-- transaction; a delete adds 1 to its deletions too.

-- CreateTable
CREATE TABLE "ProjectDataVersion" (
    "projectId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "deletions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProjectDataVersion_pkey" PRIMARY KEY ("projectId")
);

-- One row per project, made with the project.
INSERT INTO "ProjectDataVersion" ("projectId") SELECT "id" FROM "Project" ON CONFLICT DO NOTHING;

CREATE FUNCTION "Project_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ProjectDataVersion" ("projectId") VALUES (NEW."id") ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Project_report_version" AFTER INSERT ON "Project" FOR EACH ROW EXECUTE FUNCTION "Project_report_version"();

-- The tables the report reads.
CREATE FUNCTION "Attempt_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId");
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId" UNION SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId");
  ELSE
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" IN (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Attempt_report_version" AFTER INSERT OR UPDATE OR DELETE ON "Attempt" FOR EACH ROW EXECUTE FUNCTION "Attempt_report_version"();

CREATE FUNCTION "AttemptReview_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = NEW."attemptId");
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = OLD."attemptId" UNION SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = NEW."attemptId");
  ELSE
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" IN (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = OLD."attemptId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "AttemptReview_report_version" AFTER INSERT OR UPDATE OR DELETE ON "AttemptReview" FOR EACH ROW EXECUTE FUNCTION "AttemptReview_report_version"();

CREATE FUNCTION "AttemptMisconception_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = NEW."attemptId");
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = OLD."attemptId" UNION SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = NEW."attemptId");
  ELSE
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" IN (SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = OLD."attemptId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "AttemptMisconception_report_version" AFTER INSERT OR UPDATE OR DELETE ON "AttemptMisconception" FOR EACH ROW EXECUTE FUNCTION "AttemptMisconception_report_version"();

CREATE FUNCTION "JournalEntry_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" = 'SUBMITTED' THEN UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT NEW."projectId"); END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF OLD."status" = 'SUBMITTED' OR NEW."status" = 'SUBMITTED' THEN UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT OLD."projectId" UNION SELECT NEW."projectId"); END IF;
  ELSE
    IF OLD."status" = 'SUBMITTED' THEN UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" IN (SELECT OLD."projectId"); END IF;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "JournalEntry_report_version" AFTER INSERT OR UPDATE OR DELETE ON "JournalEntry" FOR EACH ROW EXECUTE FUNCTION "JournalEntry_report_version"();

CREATE FUNCTION "Checkpoint_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT NEW."projectId");
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT OLD."projectId" UNION SELECT NEW."projectId");
  ELSE
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" IN (SELECT OLD."projectId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Checkpoint_report_version" AFTER INSERT OR UPDATE OR DELETE ON "Checkpoint" FOR EACH ROW EXECUTE FUNCTION "Checkpoint_report_version"();

CREATE FUNCTION "CheckpointVersion_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId");
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId" UNION SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId");
  ELSE
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" IN (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "CheckpointVersion_report_version" AFTER INSERT OR UPDATE OR DELETE ON "CheckpointVersion" FOR EACH ROW EXECUTE FUNCTION "CheckpointVersion_report_version"();

CREATE FUNCTION "Misconception_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT NEW."projectId");
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT OLD."projectId" UNION SELECT NEW."projectId");
  ELSE
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" IN (SELECT OLD."projectId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Misconception_report_version" AFTER INSERT OR UPDATE OR DELETE ON "Misconception" FOR EACH ROW EXECUTE FUNCTION "Misconception_report_version"();

CREATE FUNCTION "AnswerGroup_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId");
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId" UNION SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId");
  ELSE
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" IN (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "AnswerGroup_report_version" AFTER INSERT OR UPDATE OR DELETE ON "AnswerGroup" FOR EACH ROW EXECUTE FUNCTION "AnswerGroup_report_version"();

CREATE FUNCTION "AnswerGroupMember_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT c."projectId" FROM "AnswerGroup" g JOIN "Checkpoint" c ON c."id" = g."checkpointId" WHERE g."id" = NEW."groupId");
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT c."projectId" FROM "AnswerGroup" g JOIN "Checkpoint" c ON c."id" = g."checkpointId" WHERE g."id" = OLD."groupId" UNION SELECT c."projectId" FROM "AnswerGroup" g JOIN "Checkpoint" c ON c."id" = g."checkpointId" WHERE g."id" = NEW."groupId");
  ELSE
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" IN (SELECT c."projectId" FROM "AnswerGroup" g JOIN "Checkpoint" c ON c."id" = g."checkpointId" WHERE g."id" = OLD."groupId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "AnswerGroupMember_report_version" AFTER INSERT OR UPDATE OR DELETE ON "AnswerGroupMember" FOR EACH ROW EXECUTE FUNCTION "AnswerGroupMember_report_version"();

CREATE FUNCTION "Enrollment_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT "id" FROM "Project" WHERE "classroomId" = NEW."classroomId");
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT "id" FROM "Project" WHERE "classroomId" = OLD."classroomId" UNION SELECT "id" FROM "Project" WHERE "classroomId" = NEW."classroomId");
  ELSE
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" IN (SELECT "id" FROM "Project" WHERE "classroomId" = OLD."classroomId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Enrollment_report_version" AFTER INSERT OR UPDATE OR DELETE ON "Enrollment" FOR EACH ROW EXECUTE FUNCTION "Enrollment_report_version"();

CREATE FUNCTION "User_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT p."id" FROM "Project" p JOIN "Enrollment" e ON e."classroomId" = p."classroomId" WHERE e."studentId" = OLD."id" UNION SELECT p."id" FROM "Project" p JOIN "Enrollment" e ON e."classroomId" = p."classroomId" WHERE e."studentId" = NEW."id");
  RETURN NULL;
END;
$$;
CREATE TRIGGER "User_report_version" AFTER UPDATE ON "User" FOR EACH ROW EXECUTE FUNCTION "User_report_version"();
