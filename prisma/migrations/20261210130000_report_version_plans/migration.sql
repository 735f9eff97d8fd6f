-- The report reads plan follow-ups and re-check marks (plans and lasting recovery): their writes move the project's version too (decision 015).
CREATE TRIGGER "PlanFollowUp_report_version_insert" AFTER INSERT ON "PlanFollowUp"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "JournalEntry" WHERE "id" = NEW."journalEntryId");
END;

CREATE TRIGGER "PlanFollowUp_report_version_update" AFTER UPDATE ON "PlanFollowUp"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "JournalEntry" WHERE "id" = OLD."journalEntryId");
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "JournalEntry" WHERE "id" = NEW."journalEntryId") AND "projectId" IS NOT (SELECT "projectId" FROM "JournalEntry" WHERE "id" = OLD."journalEntryId");
END;

CREATE TRIGGER "PlanFollowUp_report_version_delete" AFTER DELETE ON "PlanFollowUp"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" = (SELECT "projectId" FROM "JournalEntry" WHERE "id" = OLD."journalEntryId");
END;

CREATE TRIGGER "CheckpointRecheck_report_version_insert" AFTER INSERT ON "CheckpointRecheck"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId");
END;

CREATE TRIGGER "CheckpointRecheck_report_version_update" AFTER UPDATE ON "CheckpointRecheck"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = NEW."checkpointId") AND "projectId" IS NOT (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
END;

CREATE TRIGGER "CheckpointRecheck_report_version_delete" AFTER DELETE ON "CheckpointRecheck"
BEGIN
  UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" = (SELECT "projectId" FROM "Checkpoint" WHERE "id" = OLD."checkpointId");
END;
