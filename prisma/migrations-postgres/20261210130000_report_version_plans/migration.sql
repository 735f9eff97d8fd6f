-- The report reads plan follow-ups and re-check marks (plans and lasting recovery): their writes move the project's version too (decision 015).
CREATE FUNCTION "PlanFollowUp_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT "projectId" FROM "JournalEntry" WHERE "id" = NEW."journalEntryId");
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1 WHERE "projectId" IN (SELECT "projectId" FROM "JournalEntry" WHERE "id" = OLD."journalEntryId" UNION SELECT "projectId" FROM "JournalEntry" WHERE "id" = NEW."journalEntryId");
  ELSE
    UPDATE "ProjectDataVersion" SET "version" = "version" + 1, "deletions" = "deletions" + 1 WHERE "projectId" IN (SELECT "projectId" FROM "JournalEntry" WHERE "id" = OLD."journalEntryId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "PlanFollowUp_report_version" AFTER INSERT OR UPDATE OR DELETE ON "PlanFollowUp" FOR EACH ROW EXECUTE FUNCTION "PlanFollowUp_report_version"();

CREATE FUNCTION "CheckpointRecheck_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER "CheckpointRecheck_report_version" AFTER INSERT OR UPDATE OR DELETE ON "CheckpointRecheck" FOR EACH ROW EXECUTE FUNCTION "CheckpointRecheck_report_version"();
