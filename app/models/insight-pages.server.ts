// Loads what the teacher's insight pages read: the project's rows, indexed
// once, and the report built on them. Short-text groups are the teacher's
// confirmed groups and the cached machine groups (app/models/answer-group-cache.server.ts),
// so a view does not cluster every answer again.
//
// Scoped by the project: both functions take the `OwnedProject` that
// requireTeacherProject (app/models/project.server.ts) proves; a bare id does
// not typecheck.
import { prepare, type Prepared } from "~/domain/insight/prepare";
import { analyseProject, type ProjectReport, type ReportOptions } from "~/domain/insight/report";
import type { ProjectData } from "~/domain/insight/types";
import { textGroupsForProject } from "~/models/answer-group-cache.server";
import { loadProjectData } from "~/models/insight.server";
import type { OwnedProject } from "~/models/project.server";

export interface InsightBundle {
  data: ProjectData;
  prepared: Prepared;
  report: ProjectReport;
}

/** The project's data, indexed, without the report (for the attempts drill-down). */
export async function loadPrepared(project: OwnedProject): Promise<{ data: ProjectData; prepared: Prepared } | null> {
  const data = await loadProjectData(project);
  return data ? { data, prepared: prepare(data) } : null;
}

/**
 * The full report. `textGroups: false` skips short-text grouping (pages that
 * do not show groups, such as the heatmap).
 */
export async function loadInsight(project: OwnedProject, options: { textGroups?: boolean } = {}): Promise<InsightBundle | null> {
  const [loaded, textGroups] = await Promise.all([
    loadPrepared(project),
    options.textGroups === false ? undefined : textGroupsForProject(project),
  ]);
  if (!loaded) return null;
  const reportOptions: ReportOptions = { now: Date.now(), textGroups };
  return { ...loaded, report: analyseProject(loaded.prepared, reportOptions) };
}
